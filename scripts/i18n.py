"""Translation pipeline: English source strings → resources/i18n/seuil_fr.ts → .qm.

python scripts/i18n.py update    # strings of desktop_app/ into the .ts (keeps translations)
python scripts/i18n.py compile   # .ts → .qm (make runs it before the app and the tests)
python scripts/i18n.py check     # exit 1 listing unfinished or missing translations
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop_app"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr",)


def _tool(name: str) -> str:
    """The PySide6 tool next to the running interpreter (venv), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} introuvable : installez PySide6-Essentials.")
    return found


def qt_sources() -> list[Path]:
    """Python files that may hold translatable strings (the GUI floor and its entry)."""
    return sorted([*(SOURCES / "ui").rglob("*.py"), SOURCES / "app.py"])


def ts_path(language: str) -> Path:
    return I18N / f"seuil_{language}.ts"


def update(target: Path | None = None, language: str = "fr") -> Path:
    """Run lupdate on the sources into ``target`` (default: the committed .ts)."""
    target = target or ts_path(language)
    files = [str(path) for path in qt_sources()]
    subprocess.run(
        [
            _tool("lupdate"),
            *files,
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            f"{language}_FR",
            "-ts",
            str(target),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return target


def compile_catalogues(out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts to .qm (atomically, so parallel test workers never read half a file)."""
    written = []
    for language in LANGUAGES:
        source = ts_path(language)
        destination = (out_dir or I18N) / source.with_suffix(".qm").name
        with tempfile.TemporaryDirectory(dir=destination.parent) as tmp:
            temporary = Path(tmp) / destination.name
            subprocess.run(
                [_tool("lrelease"), str(source), "-qm", str(temporary)],
                check=True,
                capture_output=True,
                text=True,
            )
            temporary.replace(destination)
        written.append(destination)
    return written


def unfinished(ts_file: Path) -> list[str]:
    """Source strings of ``ts_file`` without a finished translation."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            translation = msg.find("translation")
            if (
                translation is None
                or translation.get("type") in {"unfinished", "vanished", "obsolete"}
                or not (translation.text or "").strip()
            ):
                missing.append(f"{name}: {msg.findtext('source')}")
    return missing


def check() -> list[str]:
    """Problems: strings in the code missing from the .ts, or not translated."""
    problems = []
    for language in LANGUAGES:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / ts_path(language).name
            shutil.copy(ts_path(language), fresh)
            update(fresh, language)
            problems += [f"[{language}] {item}" for item in unfinished(fresh)]
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compile"
    if command == "update":
        for language in LANGUAGES:
            print(update(language=language))
    elif command == "compile":
        for path in compile_catalogues():
            print(path)
    elif command == "check":
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
