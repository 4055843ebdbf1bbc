"""The translation pipeline end to end: sources → .ts complete → .qm loaded."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402

sys.path.pop(0)
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_every_string_of_the_code_is_translated() -> None:
    problems = i18n.check()
    assert problems == [], "run `make translations` and translate:\n" + "\n".join(problems)


def test_translations_keep_placeholders_and_accelerators() -> None:
    root = ET.parse(i18n.ts_path("fr")).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 20
    for msg in messages:
        source, translation = msg.findtext("source") or "", msg.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            source
        )
        assert source.count("&") == translation.count("&"), source


def test_a_missing_translation_is_detected(tmp_path: Path) -> None:
    broken = tmp_path / "seuil_fr.ts"
    broken.write_text(
        i18n.ts_path("fr")
        .read_text(encoding="utf-8")
        .replace(
            "<translation>Accueil</translation>", '<translation type="unfinished"></translation>'
        ),
        encoding="utf-8",
    )
    assert i18n.unfinished(broken) == ["HomeView: Home"]


def test_compiled_catalogue_translates(tmp_path: Path) -> None:
    [qm] = i18n.compile_catalogues(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("HomeView", "Home") == "Accueil"
