"""The floors of ARCHITECTURE.md, machine-checked, and the guards born with the skeleton."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
EXPECTED_CONTRACTS = {
    "layers",
    "domain-pure",
    "qt-only-in-ui",
    "ui-through-services",
    "reports-never-query",
}


def _lint(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_import_contracts_hold() -> None:
    result = _lint(ROOT, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_contracts_are_the_ones_of_architecture() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    assert {contract["id"] for contract in config["contracts"]} == EXPECTED_CONTRACTS
    assert config["include_external_packages"] is True


def test_a_forbidden_import_breaks_the_contracts(tmp_path: Path) -> None:
    # GIVEN a copy of the package whose domain imports SQLAlchemy and whose services import Qt
    shutil.copytree(ROOT / "desktop_app", tmp_path / "desktop_app")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    money = tmp_path / "desktop_app" / "domain" / "money.py"
    money.write_text("import sqlalchemy  # noqa\n" + money.read_text())
    dto = tmp_path / "desktop_app" / "services" / "dto.py"
    dto.write_text("import PySide6.QtCore  # noqa\n" + dto.read_text())
    # WHEN import-linter checks it
    result = _lint(tmp_path, tmp_path)
    # THEN both contracts are reported broken
    assert result.returncode != 0
    assert "The domain imports only the standard library BROKEN" in result.stdout
    assert "Only ui/ and app.py import Qt BROKEN" in result.stdout


def test_help_imports_nothing_heavy() -> None:
    probe = (
        "import runpy, sys\n"
        "sys.argv = ['desktop_app', '--help']\n"
        "try:\n"
        "    runpy.run_module('desktop_app', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = {'PySide6', 'reportlab', 'openpyxl', 'alembic', 'sqlalchemy'}\n"
        "print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert "LOADED []" in result.stdout, result.stdout
    assert "check" in result.stdout


def test_pytest_is_strict() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    assert "--strict-markers" in options["addopts"]
    assert "--strict-config" in options["addopts"]
    assert options["filterwarnings"] == ["error"]


def test_layout_of_architecture() -> None:
    for floor in ("domain", "persistence", "services", "reports", "ui"):
        assert (ROOT / "desktop_app" / floor / "__init__.py").is_file()
    for entry in ("app.py", "cli.py", "__main__.py", "paths.py"):
        assert (ROOT / "desktop_app" / entry).is_file()
    for top in (
        "migrations",
        "resources",
        "installer",
        "tests",
        ".ci/run",
        "LICENCE",
        "constraints.txt",
        "Makefile",
        "README.md",
    ):
        assert (ROOT / top).exists(), top
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (ROOT / "LICENCE").read_text()
