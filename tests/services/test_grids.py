"""Funders' grids: kept with their versions, inspected, filled for a period (issue 11)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.figures import CATALOGUE
from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.domain.progress import TaskControl
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import grids as svc
from desktop_app.services.documents import delete_unreferenced_contents
from desktop_app.services.report_runs import (
    compare_with_frozen,
    freeze_run,
    list_runs,
    run_detail,
    run_file,
)
from desktop_app.services.system import open_workspace
from tests.services.support_builders import add

pytestmark = pytest.mark.db
PERIOD = Period(date(2026, 1, 1), date(2026, 3, 31))
TODAY = date(2026, 4, 2)
NOW = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "grids" / "ddets_iml_2026.xlsx"
PENSION = "Pension Les Tilleuls"
ECRINS = "Résidence « Les Écrins »"  # a programme the DDETS fixture grid names

# The grid of these tests: placeholders on two sheets, next to a formula that uses them.
MAIN_SHEET = {
    "A1": "Bilan trimestriel — grille de test",
    "B2": "{{association.name}}",
    "B3": "{{ association.siret }}",
    "B4": "{{period.start}}",
    "B5": "{{period.end}}",
    "B6": "{{today}}",
    "B8": "{{households.entries}}",
    "B9": "{{households.exits}}",
    "B10": "=B8+B9",
    "B11": "{{ iml : households.entries }}",
    "B12": "{{households.entries}}",
}
PENSION_SHEET = {
    "B2": "{{pension:households.exits}}",
    "B3": "{{households.entries|programme=Pension Les Tilleuls}}",
    "B4": "{{esds.present.persons|on=15/02/2026}}",
    "B5": "{{esds.present.persons}}",
    "B6": "{{pension:occupancy_rate}}",
    "B7": "{{exits.destination.social_housing}}",
}


def workbook(*sheets: tuple[str, dict[str, str]]) -> bytes:
    """An .xlsx with the given cells, sheet after sheet."""
    book = openpyxl.Workbook()
    for index, (title, cells) in enumerate(sheets):
        sheet = book.worksheets[0] if index == 0 else book.create_sheet(title)
        sheet.title = title
        for ref, value in cells.items():
            sheet[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GRID = workbook(("Bilan", MAIN_SHEET), ("Pension", PENSION_SHEET))
PENSION_GRID = workbook(
    ("Pension", {"B2": "{{households.exits}}", "B3": "{{places}}", "B4": "{{period.end}}"})
)


def cells(data: bytes, sheet: str) -> dict[str, object]:
    """Every non-empty cell of ``sheet`` as openpyxl reads it (cached values, not formulas)."""
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    return {
        cell.coordinate: cell.value
        for row in book[sheet].iter_rows()
        for cell in row
        if cell.value is not None
    }


@dataclass
class Scene:
    database: Database
    iml: int
    pension: int


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    """An IML household without a contract since January (a blocking finding on 02/04/2026) and
    a pension household gone to social housing on 01/03/2026."""
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        add(c, m.Organisation, name="Association Toit Partagé", siret="12345678200017")
        add(c, m.Funder, name="DDETS du Rhône", kind="state_p177")
        iml = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        pension = add(c, m.Programme, name=PENSION, kind="boarding_house")
        add(c, m.Programme, name=ECRINS, kind="reception_residence")
        for reference, programme, entry, exit_date, destination in (
            ("M-1", iml, date(2026, 1, 10), None, None),
            ("M-2", pension, date(2025, 12, 1), date(2026, 3, 1), "social_housing"),
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
                entry_date=entry,
                exit_date=exit_date,
                destination=destination,
                exit_reason="project_achieved" if exit_date else None,
            )
    try:
        yield Scene(workspace.database, iml, pension)
    finally:
        workspace.close()


def count(database: Database, model: type[m.Base]) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# ------------------------------------------------------------------ storing


def test_a_grid_is_kept_with_its_versions_and_bytes(scene: Scene) -> None:
    # GIVEN a grid added under a name, then a changed file under the same name
    first = svc.add_grid(
        scene.database,
        actor=SYSTEM_ACTOR,
        name="  DDETS   IML ",
        funder="DDETS du Rhône",
        file_name=r"C:\Users\claire\Grille DDETS 2025.xlsx",
        data=PENSION_GRID,
        now=NOW,
    )
    second = svc.add_grid(
        scene.database,
        actor=SYSTEM_ACTOR,
        name="DDETS IML",
        funder=None,
        file_name="Grille DDETS 2026.xlsx",
        data=GRID,
        now=NOW,
    )
    # THEN one grid, two numbered versions, the bytes back as they were
    assert (first.name, first.version, first.versions) == ("DDETS IML", 1, 1)
    assert (second.id, second.version, second.versions) == (first.id, 2, 2)
    assert second.funder == "DDETS du Rhône"
    assert second.file_name == "Grille DDETS 2026.xlsx"
    [listed] = svc.list_grids(scene.database, actor=SYSTEM_ACTOR)
    assert listed == second
    versions = svc.grid_versions(scene.database, actor=SYSTEM_ACTOR, grid_id=first.id)
    assert [(v.version, v.file_name) for v in versions] == [
        (2, "Grille DDETS 2026.xlsx"),
        (1, "Grille DDETS 2025.xlsx"),
    ]
    assert versions[1].added_by == "Système"
    assert versions[0].size == len(GRID)
    assert svc.grid_file(scene.database, actor=SYSTEM_ACTOR, version_id=versions[0].id) == GRID
    assert (
        svc.grid_file(scene.database, actor=SYSTEM_ACTOR, version_id=first.version_id)
        == PENSION_GRID
    )
    # AND the very same file again adds no version
    again = svc.add_grid(
        scene.database,
        actor=SYSTEM_ACTOR,
        name="DDETS IML",
        funder=None,
        file_name="copie.xlsx",
        data=GRID,
    )
    assert (again.version, again.versions) == (2, 2)
    # AND each version is in the security log and the business history
    with scene.database.read() as session:
        events = session.execute(
            select(m.AuditEvent.action, m.AuditEvent.entity).where(
                m.AuditEvent.entity.in_(("funder_grid", "funder_grid_version"))
            )
        ).all()
        history = session.scalars(
            select(m.ChangeHistory.new_value).where(m.ChangeHistory.entity == "funder_grid")
        ).all()
    assert sorted(events) == [
        ("create", "funder_grid"),
        ("create", "funder_grid_version"),
        ("create", "funder_grid_version"),
    ]
    assert sorted(value or "" for value in history) == ["1", "2"]


def test_contents_of_grid_versions_survive_the_purge_of_unreferenced_contents(
    scene: Scene,
) -> None:
    info = svc.add_grid(
        scene.database,
        actor=SYSTEM_ACTOR,
        name="Grille",
        funder=None,
        file_name="g.xlsx",
        data=GRID,
    )
    scene.database.run_write(delete_unreferenced_contents)
    assert count(scene.database, m.DocumentContent) == 1
    assert svc.grid_file(scene.database, actor=SYSTEM_ACTOR, version_id=info.version_id) == GRID


def test_wrong_fields_are_refused_together_and_nothing_is_kept(scene: Scene) -> None:
    with pytest.raises(InvalidInput) as refused:
        svc.add_grid(
            scene.database,
            actor=SYSTEM_ACTOR,
            name="   ",
            funder="Conseil inconnu",
            file_name="grille.xls",
            data=b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        )
    fields = {issue.field: issue.text for issue in refused.value.issues}
    assert set(fields) == {"name", "funder", "file"}
    assert "« Conseil inconnu »" in fields["funder"]
    assert ".xlsx" in fields["file"]
    assert count(scene.database, m.FunderGrid) == 0
    assert count(scene.database, m.DocumentContent) == 0


def test_unknown_grid_and_version_are_refused(scene: Scene) -> None:
    with pytest.raises(RefusedError, match="Cette grille n'existe pas"):
        svc.grid_versions(scene.database, actor=SYSTEM_ACTOR, grid_id=999_999)
    with pytest.raises(RefusedError, match="Cette version de grille n'existe pas"):
        svc.grid_file(scene.database, actor=SYSTEM_ACTOR, version_id=999_999)


def test_a_host_may_not_keep_grids(scene: Scene) -> None:
    host = Actor(user_id=None, login="hote", grants=(Grant("host"),))
    with pytest.raises(RefusedError):
        svc.add_grid(
            scene.database, actor=host, name="Grille", funder=None, file_name="g.xlsx", data=GRID
        )
    with pytest.raises(RefusedError):
        svc.list_grids(scene.database, actor=host)


# ------------------------------------------------------------------ inspecting


def test_inspection_lists_recognised_and_unknown_placeholders() -> None:
    data = workbook(
        (
            "Bilan IML",
            {
                "B2": "{{households.entries}}",
                "B3": "{{households.entres}}",
                "B4": "{{period.start}}",
                "B5": "{{iml:places}}",
                "B6": "{{households.entries|couleur=bleu}}",
            },
        )
    )
    inspection = svc.inspect_grid(data)
    by_cell = {check.cell: check for check in inspection.placeholders}
    assert [c.cell for c in inspection.recognised] == ["B2", "B4"]
    assert by_cell["B2"].label == CATALOGUE["households.entries"].label
    assert by_cell["B2"].code == "households.entries"
    assert by_cell["B4"].label == "Début de la période"
    assert by_cell["B4"].special == "period.start"
    unknown = by_cell["B3"]
    assert not unknown.recognised
    assert "households.entries" in unknown.suggestions
    assert "households.entres" in (unknown.error or "")
    assert unknown.location == "'Bilan IML'!B3"
    outside = by_cell["B5"]
    assert not outside.recognised
    assert outside.kind == "iml"
    assert set(outside.suggestions) <= {"places.start", "places.end", *CATALOGUE}
    assert "places.start" in outside.suggestions
    assert not by_cell["B6"].recognised
    assert by_cell["B6"].error


def test_the_fill_return_applies_to_placeholders_naming_none() -> None:
    data = workbook(("Feuil1", {"A1": "{{places}}", "A2": "{{households.exits}}"}))
    assert [c.cell for c in svc.inspect_grid(data).unknown] == []
    assert [c.cell for c in svc.inspect_grid(data, kind="iml").unknown] == ["A1"]
    assert [c.cell for c in svc.inspect_grid(data, kind="pension").unknown] == []


def test_a_file_that_is_no_xlsx_is_refused_with_a_french_message() -> None:
    with pytest.raises(RefusedError, match=r"\.xlsx"):
        svc.inspect_grid(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


# ------------------------------------------------------------------ filling


def test_fill_writes_every_value_and_records_a_grid_run(scene: Scene) -> None:
    # GIVEN a kept grid
    info = svc.add_grid(
        scene.database,
        actor=SYSTEM_ACTOR,
        name="DDETS test",
        funder=None,
        file_name="g.xlsx",
        data=GRID,
    )
    progress: list[tuple[int, int]] = []
    # WHEN it is filled for the quarter over every programme (overriding the IML finding)
    filled = svc.fill_grid(
        scene.database,
        actor=SYSTEM_ACTOR,
        data=GRID,
        period=PERIOD,
        today=TODAY,
        force=True,
        version_id=info.version_id,
        control=TaskControl(lambda done, total: progress.append((done, total))),
    )
    # THEN the placeholders hold their values: numbers, dates and text
    main = cells(filled.data, "Bilan")
    assert main["A1"] == MAIN_SHEET["A1"]
    assert main["B2"] == "Association Toit Partagé"
    assert main["B3"] == "12345678200017"
    assert main["B4"] == datetime(2026, 1, 1)
    assert main["B5"] == datetime(2026, 3, 31)
    assert main["B6"] == datetime(2026, 4, 2)
    assert (main["B8"], main["B9"], main["B11"], main["B12"]) == (1, 1, 1, 1)
    formulas = openpyxl.load_workbook(io.BytesIO(filled.data))["Bilan"]
    assert formulas["B10"].value == "=B8+B9"
    pension = cells(filled.data, "Pension")
    assert pension["B2"] == 1  # the pension household left
    assert pension["B3"] == 0  # nobody entered the pension
    assert pension["B4"] == 2  # both present on 15/02/2026
    assert pension["B5"] == 1  # only the IML household on 31/03/2026
    assert "B6" not in pension  # no places: an empty denominator leaves the cell empty
    assert pension["B7"] == 1
    assert filled.values["pension:households.exits"] == 1
    assert filled.cells == len(MAIN_SHEET) - 2 + len(PENSION_SHEET)
    assert filled.forced
    assert not filled.blocked
    assert [f.household_reference for f in filled.blocking] == ["M-1"]
    assert progress[-1][0] == progress[-1][1]
    # AND one run of kind grid keeps the filled file, the figures and the placeholders
    assert filled.run_id is not None
    [row] = list_runs(scene.database, actor=SYSTEM_ACTOR)
    assert (row.id, row.kind, row.forced) == (filled.run_id, "grid", True)
    detail = run_detail(scene.database, actor=SYSTEM_ACTOR, run_id=filled.run_id)
    assert detail.options["grid"] == "DDETS test"
    assert detail.options["grid_version"] == 1
    assert detail.options["return"] == "all"
    placeholders = detail.options["placeholders"]
    assert isinstance(placeholders, dict)
    assert placeholders["period.start"] == "2026-01-01"
    assert placeholders["households.entries"] == 1
    figures = {figure.code: figure for figure in detail.figures}
    assert figures["households.entries"].value == 1
    assert figures["pension:households.exits"].value == 1
    assert figures["pension:households.exits"].households == 1
    assert figures["esds.present.persons|on=15/02/2026"].value == 2
    assert [file.name for file in detail.files] == [filled.file_name]
    assert filled.file_name == "DDETS_test_2026-01-01_2026-03-31.xlsx"
    stored = run_file(
        scene.database, actor=SYSTEM_ACTOR, run_id=filled.run_id, name=filled.file_name
    )
    assert stored == filled.data


def test_filling_twice_gives_the_same_bytes(scene: Scene) -> None:
    runs = [
        svc.fill_grid(
            scene.database,
            actor=SYSTEM_ACTOR,
            data=PENSION_GRID,
            period=PERIOD,
            today=TODAY,
            kind="pension",
            grid_name="Pension",
        )
        for _ in range(2)
    ]
    assert runs[0].data == runs[1].data
    assert runs[0].run_id != runs[1].run_id
    # no residence: no places
    assert cells(runs[0].data, "Pension") == {"B2": 1, "B3": 0, "B4": datetime(2026, 3, 31)}
    assert runs[0].values["places"] == 0
    assert runs[0].blocking == ()


def test_a_fill_is_compared_only_with_a_frozen_fill_of_the_same_grid(scene: Scene) -> None:
    def fill(name: str) -> int:
        run = svc.fill_grid(
            scene.database,
            actor=SYSTEM_ACTOR,
            data=PENSION_GRID,
            period=PERIOD,
            today=TODAY,
            kind="pension",
            grid_name=name,
        ).run_id
        assert run is not None
        return run

    frozen = fill("DDETS")
    freeze_run(scene.database, actor=SYSTEM_ACTOR, run_id=frozen)
    assert (
        compare_with_frozen(scene.database, actor=SYSTEM_ACTOR, run_id=fill("Département")) is None
    )
    again = compare_with_frozen(scene.database, actor=SYSTEM_ACTOR, run_id=fill("DDETS"))
    assert again is not None
    assert again.changes == ()


def test_unknown_codes_are_refused_with_suggestions_and_nothing_is_recorded(
    scene: Scene,
) -> None:
    data = workbook(
        ("Bilan", {"C4": "{{households.entres}}", "C5": "{{households.entries}}"}),
        ("Pension", {"D7": "{{pension:plaçes}}"}),
    )
    with pytest.raises(svc.GridPlaceholderError) as refused:
        svc.fill_grid(scene.database, actor=SYSTEM_ACTOR, data=data, period=PERIOD, today=TODAY)
    problems = {problem.location: problem for problem in refused.value.problems}
    assert set(problems) == {"Bilan!C4", "Pension!D7"}
    assert "households.entries" in problems["Bilan!C4"].suggestions
    text = refused.value.text
    assert "households.entres" in text
    assert "C4" in text
    assert "Bilan" in text
    assert "households.entries" in text
    assert refused.value.exit_code == 3
    assert list_runs(scene.database, actor=SYSTEM_ACTOR) == []


def test_an_unknown_programme_is_refused_before_anything_is_written(scene: Scene) -> None:
    data = workbook(("Bilan", {"B2": "{{households.entries|programme=Pension Les Tileuls}}"}))
    with pytest.raises(svc.GridPlaceholderError) as refused:
        svc.fill_grid(scene.database, actor=SYSTEM_ACTOR, data=data, period=PERIOD, today=TODAY)
    [problem] = refused.value.problems
    assert problem.suggestions == (PENSION,)
    assert "Pension Les Tileuls" in refused.value.text
    assert list_runs(scene.database, actor=SYSTEM_ACTOR) == []


def test_blocking_findings_stop_the_fill_unless_forced(scene: Scene) -> None:
    data = workbook(("IML", {"B2": "{{households.entries}}"}))
    blocked = svc.fill_grid(
        scene.database, actor=SYSTEM_ACTOR, data=data, period=PERIOD, today=TODAY, kind="iml"
    )
    assert blocked.blocked
    assert not blocked.forced
    assert (blocked.data, blocked.run_id) == (b"", None)
    assert [f.household_reference for f in blocked.blocking] == ["M-1"]
    assert list_runs(scene.database, actor=SYSTEM_ACTOR) == []
    forced = svc.fill_grid(
        scene.database,
        actor=SYSTEM_ACTOR,
        data=data,
        period=PERIOD,
        today=TODAY,
        kind="iml",
        force=True,
    )
    assert forced.forced
    assert not forced.blocked
    assert cells(forced.data, "IML") == {"B2": 1}
    [row] = list_runs(scene.database, actor=SYSTEM_ACTOR)
    assert (row.id, row.forced, row.blocking) == (forced.run_id, True, 1)


def test_the_fill_programme_narrows_placeholders_naming_none(scene: Scene) -> None:
    data = workbook(
        ("Bilan", {"B2": "{{households.entries}}", "B3": "{{households|programme=IML Lyon}}"})
    )
    filled = svc.fill_grid(
        scene.database,
        actor=SYSTEM_ACTOR,
        data=data,
        period=PERIOD,
        today=TODAY,
        programme=PENSION,
        force=True,  # the IML household has no contract: only the IML placeholder sees it
    )
    assert [f.household_reference for f in filled.blocking] == ["M-1"]
    assert cells(filled.data, "Bilan") == {"B2": 0, "B3": 1}
    [row] = list_runs(scene.database, actor=SYSTEM_ACTOR)
    assert row.programme == PENSION


def test_the_ddets_fixture_grid_is_filled_and_read_back(scene: Scene) -> None:
    data = FIXTURE.read_bytes()
    inspection = svc.inspect_grid(data)
    assert inspection.placeholders
    assert not inspection.unknown
    filled = svc.fill_grid(
        scene.database, actor=SYSTEM_ACTOR, data=data, period=PERIOD, today=TODAY, force=True
    )
    assert filled.run_id is not None
    assert filled.cells == len(inspection.placeholders)
    assert filled.values["iml:households.entries"] == 1
    assert filled.values["households.entries|programme=Pension Les Tilleuls"] == 0
    assert filled.values["association.name"] == "Association Toit Partagé"
    book = openpyxl.load_workbook(io.BytesIO(filled.data), data_only=True)
    for check in inspection.placeholders:
        value = book[check.sheet][check.cell].value
        expected = filled.values[check.text]
        if expected is None:
            assert value is None
        elif isinstance(expected, date):
            assert value == datetime(expected.year, expected.month, expected.day)
        else:
            assert value == expected, check.location
