"""`python -m desktop_app fill`: the grid written or not, exit codes 0, 2 and 3 (issue 11)."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import resolve_database
from desktop_app.persistence import models as m
from desktop_app.services.report_runs import RunRow, list_runs, run_detail
from desktop_app.services.system import open_workspace
from tests.services.support_builders import add
from tests.test_cli import run_cli

pytestmark = pytest.mark.db
PERIOD = ("--from", "2026-01-01", "--to", "31/03/2026", "--today", "2026-04-02")


def grid_file(path: Path, cells: dict[str, str]) -> Path:
    """An .xlsx grid with ``cells`` on a sheet « Bilan » under a title."""
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.title = "Bilan"
    sheet["A1"] = "Grille du Département"
    for ref, value in cells.items():
        sheet[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An IML household without a contract two months after entry (a blocking finding) and a
    pension household gone to social housing."""
    path = tmp_path / "asso.db"
    workspace = open_workspace(resolve_database(str(path)))
    with workspace.database.begin_write() as c:
        add(c, m.Organisation, name="Association Toit Partagé", siret="12345678200017")
        iml = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        pension = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
        for reference, programme, exit_date, destination in (
            ("M-1", iml, None, None),
            ("M-2", pension, date(2026, 3, 1), "social_housing"),
        ):
            household = add(c, m.Household, reference=reference)
            person = add(c, m.Person, last_name="Durand", first_name="Alix", sex="f")
            add(
                c,
                m.Membership,
                household_id=household,
                person_id=person,
                role="head",
                joined_on=date(2020, 1, 1),
            )
            add(
                c,
                m.Stay,
                household_id=household,
                programme_id=programme,
                entry_date=date(2025, 12, 1) if exit_date else date(2026, 1, 10),
                exit_date=exit_date,
                destination=destination,
                exit_reason="project_achieved" if exit_date else None,
            )
    workspace.close()
    return path


def runs(db: Path) -> list[RunRow]:
    workspace = open_workspace(resolve_database(str(db)), create=False)
    try:
        return list(list_runs(workspace.database, actor=SYSTEM_ACTOR))
    finally:
        workspace.close()


def values(path: Path) -> dict[str, object]:
    sheet = openpyxl.load_workbook(path, data_only=True)["Bilan"]
    return {c.coordinate: c.value for row in sheet.iter_rows() for c in row if c.value is not None}


PENSION_CELLS = {
    "B2": "{{association.name}}",
    "B3": "{{period.end}}",
    "B4": "{{households.exits}}",
    "B5": "{{exits.destination.social_housing}}",
    "B6": "=B4+B5",
}


def test_a_clean_grid_is_filled_and_its_run_recorded(db: Path, tmp_path: Path) -> None:
    grid = grid_file(tmp_path / "grille.xlsx", PENSION_CELLS)
    before = grid.read_bytes()
    out = tmp_path / "remplie.xlsx"
    code, printed, err = run_cli(
        "fill", str(grid), *PERIOD, "--return", "pension", "--out", str(out), "--db", str(db)
    )
    assert code == 0, err
    filled = values(out)
    assert filled["B2"] == "Association Toit Partagé"
    assert filled["B3"] == datetime(2026, 3, 31)
    assert (filled["B4"], filled["B5"]) == (1, 1)
    assert grid.read_bytes() == before  # the grid itself is left as it was
    assert not list(tmp_path.glob("*.partiel"))
    [run] = runs(db)
    assert run.kind == "grid"
    assert "Grille remplie du 01/01/2026 au 31/03/2026 : 4 repère(s) remplis" in printed
    assert f"édition n° {run.id}" in printed
    workspace = open_workspace(resolve_database(str(db)), create=False)
    try:
        detail = run_detail(workspace.database, actor=SYSTEM_ACTOR, run_id=run.id)
    finally:
        workspace.close()
    assert detail.options["grid"] == "grille"
    assert detail.options["return"] == "pension"


def test_an_unknown_code_is_refused_and_nothing_is_written(db: Path, tmp_path: Path) -> None:
    grid = grid_file(tmp_path / "grille.xlsx", {"C4": "{{households.entres}}"})
    out = tmp_path / "remplie.xlsx"
    code, _printed, err = run_cli("fill", str(grid), *PERIOD, "--out", str(out), "--db", str(db))
    assert code == 3
    assert "households.entres" in err
    assert "« Bilan », cellule C4" in err
    assert "households.entries" in err  # the nearest code
    assert not out.exists()
    assert not list(tmp_path.glob("*.partiel"))
    assert runs(db) == []


def test_blocking_findings_stop_the_fill_unless_forced(db: Path, tmp_path: Path) -> None:
    grid = grid_file(tmp_path / "grille.xlsx", {"B2": "{{households.entries}}"})
    out = tmp_path / "remplie.xlsx"
    code, _printed, err = run_cli(
        "fill", str(grid), *PERIOD, "--return", "iml", "--out", str(out), "--db", str(db)
    )
    assert code == 3
    assert "[BLOQUANT] M-1" in err
    assert "--force" in err
    assert not out.exists()
    assert runs(db) == []
    code, printed, err = run_cli(
        "fill", str(grid), *PERIOD, "--return", "iml", "--force", "--out", str(out), "--db", str(db)
    )
    assert code == 0, err
    assert values(out)["B2"] == 1
    assert "malgré 1 anomalie(s) bloquante(s)" in printed
    [run] = runs(db)
    assert run.forced is True


def test_the_programme_option_narrows_the_codes(db: Path, tmp_path: Path) -> None:
    grid = grid_file(tmp_path / "grille.xlsx", {"B2": "{{households.exits}}"})
    out = tmp_path / "remplie.xlsx"
    code, _printed, err = run_cli(
        "fill",
        str(grid),
        *PERIOD,
        "--programme",
        "Pension Les Tilleuls",
        "--out",
        str(out),
        "--db",
        str(db),
    )
    assert code == 0, err
    assert values(out)["B2"] == 1
    [run] = runs(db)
    assert run.programme == "Pension Les Tilleuls"


@pytest.mark.parametrize(
    ("options", "where"),
    [
        (("--out", "remplie.csv"), "remplie.csv"),
        (("--out", "remplie.xlsx", "--from", "2026-04-01"), "précède"),
        (("--out", "grille.xlsx"), "intacte"),
        (("--out", "remplie.xlsx", "--return", "caf"), ""),
    ],
)
def test_wrong_usage_exits_with_2_and_writes_nothing(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...], where: str
) -> None:
    monkeypatch.chdir(tmp_path)
    grid = grid_file(tmp_path / "grille.xlsx", {"B2": "{{households.exits}}"})
    before = grid.read_bytes()
    code, _printed, err = run_cli("fill", "grille.xlsx", *PERIOD, *options, "--db", str(db))
    assert code == 2
    assert where in err
    assert grid.read_bytes() == before
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("asso.db"))
    assert left == ["grille.xlsx"]
    assert runs(db) == []


def test_a_missing_grid_is_wrong_usage(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "remplie.xlsx"
    code, _printed, err = run_cli(
        "fill", str(tmp_path / "absente.xlsx"), *PERIOD, "--out", str(out), "--db", str(db)
    )
    assert code == 2
    assert "absente.xlsx" in err
    assert not out.exists()


def test_an_xls_grid_is_refused_with_a_clear_message(db: Path, tmp_path: Path) -> None:
    grid = tmp_path / "grille.xls.xlsx"
    grid.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    out = tmp_path / "remplie.xlsx"
    code, _printed, err = run_cli("fill", str(grid), *PERIOD, "--out", str(out), "--db", str(db))
    assert code == 3
    assert ".xlsx" in err
    assert not out.exists()
    assert runs(db) == []
