"""`python -m desktop_app report` and `codes`: files, blocking findings, --force, exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.figures import CATALOGUE
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import resolve_database
from desktop_app.persistence import models as m
from desktop_app.services.report_runs import RunRow, list_runs
from desktop_app.services.system import open_workspace
from tests.services.support_builders import add
from tests.test_cli import run_cli

PERIOD = ("--from", "2026-01-01", "--to", "31/03/2026", "--today", "2026-04-02")


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


def test_blocking_findings_stop_the_return_and_nothing_is_written(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "iml.xlsx"
    code, _out, err = run_cli("report", "iml", *PERIOD, "--out", str(out), "--db", str(db))
    assert code == 3
    assert "[BLOQUANT] M-1" in err
    assert "--force" in err
    assert not out.exists()
    assert runs(db) == []


def test_force_writes_both_files_and_records_the_override(db: Path, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "iml.xlsx", tmp_path / "iml.pdf"
    code, out, _err = run_cli(
        "report", "iml", *PERIOD, "--force", "--out", str(xlsx), "--out", str(pdf), "--db", str(db)
    )
    assert code == 0, out
    assert "malgré 1 anomalie(s) bloquante(s)" in out
    data = openpyxl.load_workbook(xlsx)["Données"]
    values = {row[0]: row[2] for row in data.iter_rows(min_row=2, values_only=True)}
    assert values["households"] == 1
    assert values["households.entries"] == 1
    assert pdf.read_bytes().startswith(b"%PDF")
    [run] = runs(db)
    assert run.forced is True
    assert not list(tmp_path.glob("*.partiel"))


def test_a_clean_return_needs_no_force(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pension.xlsx"
    code, printed, _err = run_cli("report", "pension", *PERIOD, "--out", str(out), "--db", str(db))
    assert code == 0
    assert "Rapport d'activité de pension de famille du 01/01/2026 au 31/03/2026" in printed
    values = {
        row[0]: row[2]
        for row in openpyxl.load_workbook(out)["Données"].iter_rows(min_row=2, values_only=True)
    }
    assert values["exits.destination.social_housing"] == 1


def test_wrong_outputs_and_names_are_refused(db: Path, tmp_path: Path) -> None:
    assert (
        run_cli("report", "iml", *PERIOD, "--out", str(tmp_path / "x.csv"), "--db", str(db))[0] == 2
    )
    code, _out, err = run_cli(
        "report",
        "iml",
        *PERIOD,
        "--programme",
        "Inconnu",
        "--out",
        str(tmp_path / "x.xlsx"),
        "--db",
        str(db),
    )
    assert code == 3
    assert "« Inconnu »" in err


def test_codes_lists_the_whole_catalogue() -> None:
    code, out, _err = run_cli("codes")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(CATALOGUE)
    fields = dict((line.split("\t")[0], line.split("\t")) for line in lines)
    assert fields["exits.destination.slid"][1] == "Sorties par destination – Bail glissé"
    assert fields["occupancy_rate"][2] == "%"
    assert all(len(parts) == 4 and parts[3] for parts in fields.values())
