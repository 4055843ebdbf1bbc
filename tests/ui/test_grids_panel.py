"""« Grilles des financeurs »: add a grid (and a version), its placeholders, fill it, save it.

A small association (as in tests/services/test_grids.py): an IML household entered on
10/01/2026 without an occupancy contract (a blocking finding), a pension household gone to
social housing on 01/03/2026, and the programmes the DDETS fixture grid names. Today is
02/04/2026, so the previous quarter is the first one of 2026. The scripted provider answers
which file to add and where to save; the saved file is read back with openpyxl.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QProgressBar,
    QTableView,
    QWidget,
)

from desktop_app.domain.figures import BLOCKING, CATALOGUE
from desktop_app.domain.periods import Period
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.grids import FilledGrid, GridInspection, inspect_grid, list_grids
from desktop_app.services.report_runs import list_runs, run_file
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.models.reports import level_text
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.grids import AddGridDialog, FillGridDialog, GridsPanel, braces
from desktop_app.ui.views.report_tabs.produce import (
    CURRENT_QUARTER,
    CURRENT_YEAR,
    PREVIOUS_QUARTER,
    PREVIOUS_YEAR,
)
from desktop_app.ui.views.report_tabs.saving import PARTIAL_SUFFIX
from tests.services.support_builders import add
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 30_000
TODAY = date(2026, 4, 2)
Q1 = Period.quarter(2026, 1)
ORGANISATION = "Association Toit Partagé"
FUNDER = "DDETS du Rhône"
PENSION = "Pension Les Tilleuls"
ECRINS = "Résidence « Les Écrins »"  # a programme the DDETS fixture grid names
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "grids"

# The grid built when the fixtures are missing: two sheets, the cases the fixture also has.
BUILT_GRID = {
    "Bilan IML": {
        "A1": "Bilan trimestriel",
        "B2": "{{association.name}}",
        "B3": "{{ period.start }}",
        "B4": "{{period.end}}",
        "C6": "{{iml:households.entries}}",
        "C7": "{{iml:households.exits}}",
        "C8": "=C6+C7",
    },
    "Pension": {
        "B2": "{{households.entries|programme=Pension Les Tilleuls}}",
        "B3": "{{pension:households.exits}}",
    },
}
UNKNOWN_GRID = {"Grille": {"B3": "{{households.entres}}", "B4": "{{households}}"}}


def build(path: Path, sheets: dict[str, dict[str, str]]) -> Path:
    """An .xlsx with the given cells, sheet after sheet."""
    book = openpyxl.Workbook()
    for index, (title, cells) in enumerate(sheets.items()):
        sheet = book.worksheets[0] if index == 0 else book.create_sheet(title)
        sheet.title = title
        for ref, value in cells.items():
            sheet[ref] = value
    book.save(path)
    return path


def grid_file(tmp_path: Path, fixture: str, sheets: dict[str, dict[str, str]]) -> Path:
    """The fixture grid when it exists (issue 11's DDETS-style grid), else one built here."""
    found = FIXTURES / fixture
    return found if found.exists() else build(tmp_path / fixture, sheets)


@dataclass
class Screen:
    workspace: Workspace
    tasks: TaskRunner
    dialogs: ScriptedDialogs
    panel: GridsPanel

    def wait(self, qtbot: Any) -> None:
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=TIMEOUT)

    def add_grid(
        self, qtbot: Any, path: Path, *, name: str | None = None, funder: str = ""
    ) -> AddGridDialog:
        """« Add a grid… », the file answered by the provider, the name and funder typed."""
        self.dialogs.files.append(path)
        before = self.panel.add_dialog
        qtbot.mouseClick(self.panel.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: self.panel.add_dialog not in (None, before), timeout=TIMEOUT)
        dialog = self.panel.add_dialog
        assert dialog is not None
        if name is not None:
            dialog.name_edit.setText(name)
        dialog.funder_combo.setEditText(funder)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        self.wait(qtbot)
        return dialog


@pytest.fixture
def screen(qapp: Any, qtbot: Any, database_target: DatabaseTarget) -> Iterator[Screen]:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        add(c, m.Organisation, name=ORGANISATION, siret="12345678200017")
        add(c, m.Funder, name=FUNDER, kind="state_p177")
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
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    dialogs = ScriptedDialogs()
    panel = GridsPanel(workspace, tasks=tasks, dialogs=dialogs, today=lambda: TODAY)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    scene = Screen(workspace, tasks, dialogs, panel)
    scene.wait(qtbot)
    yield scene
    tasks.shutdown()
    workspace.close()


def placeholder_rows(panel: GridsPanel) -> dict[str, tuple[str, str, str, str]]:
    """The placeholders table by placeholder text: sheet, cell, state, meaning (as shown)."""
    model = panel.placeholders_model
    shown = {}
    for row in range(model.rowCount()):
        texts = [model.data(model.index(row, column)) for column in range(model.columnCount())]
        sheet, cell, placeholder, state, meaning = texts
        shown[placeholder] = (sheet, cell, state, meaning)
    return shown


def of_versions(panel: GridsPanel, version: int, count: int) -> str:
    """« 2 of 2 »: the latest version of a grid and how many are kept, as the list says it."""
    return panel.tr("{version} of {count}").format(version=version, count=count)


def summary(panel: GridsPanel, *, total: int, unknown: int) -> str:
    """The first sentence of the placeholders' summary."""
    return panel.tr(
        "{total} placeholder(s): {recognised} recognised, {unknown} not recognised."
    ).format(total=total, recognised=total - unknown, unknown=unknown)


def assert_one_not_recognised(panel: GridsPanel) -> None:
    """The misspelt code: not recognised, with the reason and the nearest code, in words."""
    rows = placeholder_rows(panel)
    recognised, not_recognised = panel.tr("Recognised"), panel.tr("Not recognised")
    assert recognised != not_recognised
    assert rows["{{households}}"] == ("Grille", "B4", recognised, CATALOGUE["households"].label)
    sheet, cell, state, meaning = rows["{{households.entres}}"]
    assert (sheet, cell, state) == ("Grille", "B3", not_recognised)
    assert "households.entres" in meaning
    assert "Codes proches" in meaning
    assert "households.entries" in meaning  # the nearest code
    assert summary(panel, total=2, unknown=1) in panel.summary_label.text()


def assert_all_recognised(panel: GridsPanel) -> None:
    """The built grid: every placeholder recognised, with its sheet, cell and French label."""
    rows = placeholder_rows(panel)
    assert set(rows) == {
        braces(text.strip("{} "))
        for cells in BUILT_GRID.values()
        for text in cells.values()
        if text.startswith("{{")
    }
    assert {state for _s, _c, state, _m in rows.values()} == {panel.tr("Recognised")}
    assert rows["{{iml:households.entries}}"][:2] == ("Bilan IML", "C6")
    assert rows["{{iml:households.entries}}"][3] == CATALOGUE["households.entries"].label
    assert rows["{{period.start}}"][3] == "Début de la période"
    assert panel.summary_label.text() == summary(panel, total=len(rows), unknown=0)


def check_shortcuts(qtbot: Any, fill: FillGridDialog) -> None:
    """The quarter and year shortcuts, as seen on 02/04/2026; the previous quarter last."""
    for which, period in (
        (CURRENT_QUARTER, Period.quarter(2026, 2)),
        (PREVIOUS_YEAR, Period.year(2025)),
        (CURRENT_YEAR, Period.year(2026)),
        (PREVIOUS_QUARTER, Q1),
    ):
        qtbot.mouseClick(fill.shortcut_buttons[which], Qt.MouseButton.LeftButton)
        assert fill.period() == period


def assert_saved_values(saved: Path, inspection: GridInspection, result: FilledGrid) -> None:
    """Every placeholder cell of the saved file holds its value: numbers, dates, texts."""
    book = openpyxl.load_workbook(io.BytesIO(saved.read_bytes()), data_only=True)
    for check in inspection.placeholders:
        value = book[check.sheet][check.cell].value
        expected = result.values[check.text]
        if isinstance(expected, date):
            assert value == datetime(expected.year, expected.month, expected.day), check.location
        else:
            assert value == expected, check.location
    assert result.values["iml:households.entries"] == 1  # M-1 entered on 10/01/2026
    assert result.values["households.entries|programme=Pension Les Tilleuls"] == 0
    assert result.values["association.name"] == ORGANISATION
    assert result.values["period.start"] == Q1.start


def test_a_grid_is_added_then_a_version_and_its_placeholders_are_shown(
    qtbot: Any, qtmodeltester: Any, screen: Screen, tmp_path: Path
) -> None:
    panel, ws = screen.panel, screen.workspace
    assert panel.model.rowCount() == 0
    assert panel.status_label.text()  # says how to add a grid
    assert not panel.fill_button.isEnabled()

    # WHEN a grid with a misspelt code is added (its name defaults to the file's)
    unknown = grid_file(tmp_path, "unknown_code.xlsx", UNKNOWN_GRID)
    dialog = screen.add_grid(qtbot, unknown, funder=FUNDER)
    # THEN it is kept as version 1 of a grid named after the file, with its funder
    assert dialog.name_edit.text() == "unknown_code"
    assert not dialog.isVisible()
    [grid] = list_grids(ws.database, actor=ws.actor)
    assert (grid.name, grid.funder, grid.version) == ("unknown_code", FUNDER, 1)
    assert panel.selected() == grid
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.versions_model)
    qtmodeltester.check(panel.placeholders_model)
    model = panel.model
    shown = [model.data(model.index(0, c)) for c in range(3)]
    assert shown == ["unknown_code", FUNDER, of_versions(panel, 1, 1)]
    assert panel.versions_model.rowCount() == 1
    # AND its placeholders say, in words, which one is recognised and which one is not
    assert_one_not_recognised(panel)
    # AND it cannot be filled until it is corrected
    assert not panel.fill_button.isEnabled()
    assert panel.ask_fill() is None

    # WHEN the corrected grid is added under the same name: the next version
    corrected = build(tmp_path / "corrected.xlsx", BUILT_GRID)
    screen.dialogs.files.append(corrected)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.add_dialog not in (None, dialog), timeout=TIMEOUT)
    second = panel.add_dialog
    assert second is not None
    assert second.name_edit.text() == "corrected"
    # a new grid, as the name stands; the next version of the grid under its name
    assert second.version_label.text() == second.tr("A new grid (version 1).")
    second.name_edit.setText("unknown_code")
    assert second.version_label.text() == second.tr(
        "« {name} » is kept already: this file becomes its version {version}."
    ).format(name="unknown_code", version=2)
    assert second.funder_combo.currentText() == FUNDER  # the grid's funder, kept
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    screen.wait(qtbot)

    # THEN one grid, two versions, the newest selected and entirely recognised
    [grid] = list_grids(ws.database, actor=ws.actor)
    assert (grid.version, grid.versions) == (2, 2)
    assert model.data(model.index(0, 2)) == of_versions(panel, 2, 2)
    versions = panel.versions_model
    assert [versions.row(r).version for r in range(versions.rowCount())] == [2, 1]
    assert panel.selected_version() == versions.row(0)
    assert_all_recognised(panel)
    assert panel.fill_button.isEnabled()

    # WHEN the older version is selected: its own placeholders again
    panel.versions_table.selectRow(1)
    screen.wait(qtbot)
    assert "{{households.entres}}" in placeholder_rows(panel)
    assert not panel.fill_button.isEnabled()


def test_a_file_that_is_no_grid_is_refused_under_the_form_keeping_what_was_typed(
    qtbot: Any, screen: Screen, tmp_path: Path
) -> None:
    ws = screen.workspace
    old_excel = tmp_path / "bilan.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    dialog = screen.add_grid(qtbot, old_excel, name="Bilan DDETS", funder="Nobody")
    # THEN the dialog stays open, the French reasons under their fields, what was typed kept
    assert dialog.isVisible()
    problems = dialog.problems()
    assert ".xlsx" in problems["file"]
    assert "Nobody" in problems["funder"]
    assert dialog.name_edit.text() == "Bilan DDETS"
    assert list_grids(ws.database, actor=ws.actor) == []
    dialog.reject()


def test_a_grid_is_filled_for_a_quarter_refused_then_forced_and_saved(
    qtbot: Any, qtmodeltester: Any, screen: Screen, tmp_path: Path
) -> None:
    panel, dialogs, ws = screen.panel, screen.dialogs, screen.workspace
    # GIVEN a grid kept (the DDETS-style fixture when present)
    source = grid_file(tmp_path, "ddets_iml_2026.xlsx", BUILT_GRID)
    screen.add_grid(qtbot, source, name="DDETS IML", funder=FUNDER)
    assert panel.fill_button.isEnabled()

    # WHEN « Fill… » is pressed: the previous quarter is proposed, shortcuts one key away
    qtbot.mouseClick(panel.fill_button, Qt.MouseButton.LeftButton)
    fill = panel.fill_dialog
    assert isinstance(fill, FillGridDialog)
    check_shortcuts(qtbot, fill)
    assert fill.kind() is None  # every programme unless a return is chosen
    assert fill.programme() is None
    assert fill.programme_combo.findData(PENSION) > 0
    assert fill.force_check.isVisibleTo(fill)

    # WHEN it is filled: the blocking finding stops it, nothing recorded nor saved
    qtbot.mouseClick(fill.fill_button, Qt.MouseButton.LeftButton)
    screen.wait(qtbot)
    assert fill.outcome is not None
    assert fill.outcome.blocked
    kind, _title, text = dialogs.calls[-1]
    assert kind == "warn"
    assert text == fill.status_label.text()
    assert "1" in text
    qtmodeltester.check(fill.findings_model)
    first = fill.findings_model.row(0)
    assert (first.level, first.household_reference) == (BLOCKING, "M-1")
    assert fill.findings_model.data(fill.findings_model.index(0, 0)) == level_text(BLOCKING)
    assert list_runs(ws.database, actor=ws.actor) == []

    # WHEN the override is ticked: filled, saved where asked (.xlsx added), offered to open
    fill.force_check.setChecked(True)
    dialogs.files.append(tmp_path / "rempli")
    dialogs.confirmations.append(True)
    with qtbot.waitSignal(panel.filled, timeout=TIMEOUT) as recorded:
        qtbot.mouseClick(fill.fill_button, Qt.MouseButton.LeftButton)
    screen.wait(qtbot)
    saved = tmp_path / "rempli.xlsx"
    assert fill.written == [saved]
    assert dialogs.opened == [saved]
    assert not list(tmp_path.glob(f"*{PARTIAL_SUFFIX}"))
    result = fill.outcome
    assert result is not None
    assert result.forced
    assert result.run_id is not None
    assert str(result.run_id) in fill.status_label.text()
    # THEN the saved file holds the values, numbers as numbers and dates as dates
    assert_saved_values(saved, inspect_grid(source.read_bytes()), result)

    # AND one run of kind grid, forced, keeping the same file
    [run] = list_runs(ws.database, actor=ws.actor)
    assert recorded.args == [run.id]
    assert (run.kind, run.period, run.forced, run.blocking) == ("grid", Q1, True, 1)
    kept = run_file(ws.database, actor=ws.actor, run_id=run.id, name=result.file_name)
    assert kept == saved.read_bytes()


def test_a_fill_can_be_stopped_and_records_nothing(
    qtbot: Any, screen: Screen, tmp_path: Path
) -> None:
    panel, ws = screen.panel, screen.workspace
    screen.add_grid(qtbot, build(tmp_path / "grille.xlsx", BUILT_GRID))
    fill = panel.ask_fill()
    assert fill is not None
    gate = threading.Event()
    # GIVEN the write worker busy with something else
    screen.tasks.write(lambda _c: gate.wait(TIMEOUT / 1000), name="busy")
    handle = fill.fill()
    assert handle is not None
    assert fill.progress_bar.isVisibleTo(fill)
    assert fill.cancel_button.isVisibleTo(fill)
    assert not fill.fill_button.isEnabled()
    # WHEN « Cancel » is pressed before the fill runs
    with qtbot.waitSignal(handle.cancelled, timeout=TIMEOUT):
        qtbot.mouseClick(fill.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    screen.wait(qtbot)
    # THEN nothing recorded, the form usable again
    assert fill.outcome is None
    assert fill.status_label.text() == fill.tr("Stopped: nothing was recorded.")
    assert not fill.progress_bar.isVisibleTo(fill)
    assert fill.fill_button.isEnabled()
    assert list_runs(ws.database, actor=ws.actor) == []


def test_a_refused_fill_says_why_and_records_nothing(
    qtbot: Any, screen: Screen, tmp_path: Path
) -> None:
    panel, dialogs, ws = screen.panel, screen.dialogs, screen.workspace
    # GIVEN a grid naming a programme the association does not have (only a fill knows it)
    grid = {"Bilan": {"B2": "{{households.entries|programme=Nulle Part}}"}}
    screen.add_grid(qtbot, build(tmp_path / "grille.xlsx", grid))
    assert panel.fill_button.isEnabled()
    fill = panel.ask_fill()
    assert fill is not None
    # WHEN it is filled
    qtbot.mouseClick(fill.fill_button, Qt.MouseButton.LeftButton)
    screen.wait(qtbot)
    # THEN the service's French reason is shown, nothing recorded, nothing to save
    kind, _title, text = dialogs.calls[-1]
    assert kind == "warn"
    assert "Nulle Part" in text
    assert "B2" in text
    assert fill.status_label.text() == text
    assert fill.outcome is None
    assert not [call for call in dialogs.calls if call[0] == "save_file"]
    assert list_runs(ws.database, actor=ws.actor) == []
    assert fill.fill_button.isEnabled()


def unnamed_fields(widget: QWidget) -> list[str]:
    """The form widgets of ``widget`` without an accessible name (inner editors left out)."""
    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QCheckBox, QTableView, QProgressBar)
    return [
        f"{type(child).__name__} {child.objectName()}"
        for child in widget.findChildren(QWidget)
        if isinstance(child, kinds)
        and not isinstance(child.parentWidget(), (QComboBox, QAbstractSpinBox))
        and not child.accessibleName()
    ]


def test_every_field_has_an_accessible_name(qtbot: Any, screen: Screen, tmp_path: Path) -> None:
    panel = screen.panel
    dialog = screen.add_grid(qtbot, build(tmp_path / "grille.xlsx", BUILT_GRID))
    fill = panel.ask_fill()
    assert fill is not None
    picker = panel.show_codes()
    for widget in (panel, dialog, fill, picker):
        assert unnamed_fields(widget) == [], type(widget).__name__
    # AND the fill is keyboard-reachable: Enter in the form fills (the default button)
    assert fill.fill_button.isDefault()
    fill.reject()


def test_the_code_picker_opens_from_the_panel(qtbot: Any, screen: Screen) -> None:
    qtbot.mouseClick(screen.panel.codes_button, Qt.MouseButton.LeftButton)
    picker = screen.panel.code_picker
    assert picker is not None
    assert picker.isVisible()
    assert picker.proxy.rowCount() == len(CATALOGUE)
    # AND pressing the button again raises the same window
    assert screen.panel.show_codes() is picker
