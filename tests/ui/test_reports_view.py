"""The Rapports screen on the demonstration: check, produce, save, runs, freeze, compare.

The demonstration (size S, made on 27/11/2026) is the association; one of its IML stays is
closed on 15/09/2026 without a destination, a blocking finding of DOMAIN §5.3, so the Bilan IML
of the third quarter is refused until the override is ticked. The scripted provider answers
where to save; the files are read back with openpyxl and pypdf; the runs are read back from the
service behind the screen.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.app import build_main_window
from desktop_app.domain.figures import BLOCKING, WARNING
from desktop_app.domain.periods import Period
from desktop_app.domain.quality import CHECK_OF, EXIT_WITHOUT_DESTINATION
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.demo import create_demo_database, demo_actor
from desktop_app.services.report_runs import list_runs
from desktop_app.services.stays import close_stay
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.models.reports import (
    BlockHeading,
    FigureLine,
    FiguresTableModel,
    FindingsTableModel,
    level_text,
    value_text,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.report_tabs.produce import (
    CURRENT_QUARTER,
    CURRENT_YEAR,
    PREVIOUS_QUARTER,
    PREVIOUS_YEAR,
    ProduceTab,
    shortcut_period,
)
from desktop_app.ui.views.report_tabs.saving import PARTIAL_SUFFIX, write_files
from desktop_app.ui.views.reports import ReportsView
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 30_000
TODAY = date(2026, 11, 27)
Q3 = Period.quarter(2026, 3)
EXIT = date(2026, 9, 15)
XLSX_NAME = "iml_2026-07-01_2026-09-30.xlsx"
PDF_NAME = "iml_2026-07-01_2026-09-30.pdf"


@dataclass
class Screen:
    workspace: Workspace
    tasks: TaskRunner
    dialogs: ScriptedDialogs
    view: ReportsView
    stay_id: int
    household_id: int
    reference: str

    @property
    def tab(self) -> ProduceTab:
        return self.view.produce

    def wait(self, qtbot: Any) -> None:
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=TIMEOUT)

    def close_stay(self, destination: str | None) -> None:
        close_stay(
            self.workspace.database,
            actor=self.workspace.actor,
            stay_id=self.stay_id,
            exit=EXIT,
            destination=destination,
            exit_reason=None,
            today=TODAY,
        )

    def check(self, qtbot: Any, kind: str = "iml") -> None:
        tab = self.tab
        tab.kind_combo.setCurrentIndex(tab.kind_combo.findData(kind))
        qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
        self.wait(qtbot)
        assert tab.report is not None
        assert tab.report.kind == kind
        assert tab.produce_button.isEnabled()

    def produce(self, qtbot: Any) -> None:
        qtbot.mouseClick(self.tab.produce_button, Qt.MouseButton.LeftButton)
        self.wait(qtbot)


def open_iml_stay(workspace: Workspace) -> tuple[int, int, str]:
    """An IML stay open since before the third quarter: its id, household and reference."""
    row = workspace.database.run_read(
        lambda s: s.execute(
            select(m.Stay.id, m.Stay.household_id, m.Household.reference)
            .join(m.Programme, m.Programme.id == m.Stay.programme_id)
            .join(m.Household, m.Household.id == m.Stay.household_id)
            .where(
                m.Programme.kind == "iml_sublease",
                m.Stay.exit_date.is_(None),
                m.Stay.entry_date < Q3.start,
            )
            .order_by(m.Stay.id)
            .limit(1)
        ).one()
    )
    return row.id, row.household_id, row.reference


@pytest.fixture
def screen(qapp: Any, qtbot: Any, database_target: DatabaseTarget) -> Iterator[Screen]:
    create_application(["seuil-tests"])
    create_demo_database(database_target, size="S", today=TODAY)
    workspace = open_workspace(database_target, create=False, demo=True)
    workspace = replace(workspace, actor=demo_actor(workspace.database))
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    dialogs = ScriptedDialogs()
    view = ReportsView(workspace, tasks=tasks, dialogs=dialogs, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.load(today=TODAY)
    view.resize(1200, 800)
    stay_id, household_id, reference = open_iml_stay(workspace)
    scene = Screen(workspace, tasks, dialogs, view, stay_id, household_id, reference)
    scene.wait(qtbot)
    yield scene
    tasks.shutdown()
    workspace.close()


def figure_row(model: FiguresTableModel, code: str) -> int:
    return next(
        row
        for row in range(model.rowCount())
        if (line := model.figure(row)) is not None and line.code == code
    )


def donnees(data: bytes) -> dict[str, Any]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {str(row[0]): row[2] for row in workbook["Données"].iter_rows(values_only=True)}


def assert_findings(screen: Screen, qtmodeltester: Any) -> None:
    """The findings of the check: blocking first, level in words, check, household, detail."""
    report = screen.tab.report
    assert report is not None
    assert report.period == Q3
    findings: FindingsTableModel = screen.tab.findings_model
    qtmodeltester.check(findings)
    assert findings.rowCount() == len(report.findings) > 1
    first = findings.row(0)
    assert (first.check, first.level, first.household_id) == (
        EXIT_WITHOUT_DESTINATION,
        BLOCKING,
        screen.household_id,
    )
    cell = findings.index
    assert findings.data(cell(0, FindingsTableModel.LEVEL)) == level_text(BLOCKING)
    assert level_text(BLOCKING) != level_text(WARNING)
    assert findings.data(cell(0, FindingsTableModel.CHECK)) == CHECK_OF[first.check].label
    assert findings.data(cell(0, FindingsTableModel.HOUSEHOLD)) == screen.reference
    assert "15/09/2026" in findings.data(cell(0, FindingsTableModel.DETAIL))
    assert findings.row(findings.rowCount() - 1).level == WARNING


def assert_figures(screen: Screen, qtmodeltester: Any) -> int:
    """The figures by block, French values and units; the value of exits without destination."""
    report = screen.tab.report
    assert report is not None
    figures: FiguresTableModel = screen.tab.figures_model
    qtmodeltester.check(figures)
    assert isinstance(figures.row(0), BlockHeading)
    assert [line.code for line in figures.figure_lines()] == [f.code for f in report.figures]
    unknown = figure_row(figures, "exits.destination.unknown")
    value = report.value("exits.destination.unknown")
    assert isinstance(value, int)
    assert value >= 1
    assert figures.data(figures.index(unknown, FiguresTableModel.VALUE)) == str(value)
    assert figures.data(figures.index(unknown, FiguresTableModel.UNIT)) == "nombre"
    rate = figure_row(figures, "occupancy_rate")
    line = figures.figure(rate)
    assert line is not None
    shown = figures.data(figures.index(rate, FiguresTableModel.VALUE))
    assert shown == value_text(line.value, "rate")
    assert "." not in shown
    return value


def assert_comparison(screen: Screen, qtmodeltester: Any, frozen_id: int) -> None:
    """The figures changed since the frozen run: values, household, history line."""
    runs = screen.view.runs
    assert runs.comparison is not None
    assert runs.comparison.frozen.id == frozen_id
    model = runs.comparison_model
    qtmodeltester.check(model)
    changed = {model.row(row).code: row for row in range(model.rowCount())}
    assert "exits.destination.unknown" in changed
    row = changed["exits.destination.social_housing"]
    change = model.row(row)
    assert change.new == (change.old or 0) + 1
    assert model.data(model.index(row, model.OLD)) == value_text(change.old, change.unit)
    assert model.data(model.index(row, model.NEW)) == value_text(change.new, change.unit)
    assert screen.reference in model.data(model.index(row, model.HOUSEHOLDS))
    history = model.data(model.index(row, model.HISTORY))
    assert "stay.destination" in history
    assert "social_housing" in history


def assert_drill_down(screen: Screen, qtbot: Any, qtmodeltester: Any) -> None:
    """A figure of the selected run lists its households; Enter on one opens its file."""
    runs = screen.view.runs
    figures = runs.figures_model
    at = figure_row(figures, "exits.destination.social_housing")
    runs.figures_table.activated.emit(figures.index(at, 0))
    qtbot.waitUntil(lambda: runs.dialog is not None, timeout=TIMEOUT)
    dialog = runs.dialog
    assert dialog is not None
    qtmodeltester.check(dialog.model)
    households = dialog.model.rows()
    line = figures.figure(at)
    assert isinstance(line, FigureLine)
    assert len(households) == line.households == line.value
    mine = next(i for i, h in enumerate(households) if h.household_id == screen.household_id)
    assert households[mine].reference == screen.reference
    with qtbot.waitSignal(screen.view.open_household, timeout=TIMEOUT) as opened:
        dialog.table.activated.emit(dialog.model.index(mine, 0))
    assert opened.args == [screen.household_id]
    dialog.close()


def assert_saved_again(screen: Screen, qtbot: Any, run_id: int, saved: Path, folder: Path) -> None:
    """« Save the files… » of a run writes the bytes it stored, into the folder chosen."""
    runs, dialogs = screen.view.runs, screen.dialogs
    position = runs.model.position(run_id)
    assert position is not None
    runs.table.selectRow(position)
    qtbot.waitUntil(lambda: runs.detail is not None and runs.detail.row.id == run_id)
    folder.mkdir()
    dialogs.folders.append(folder)
    dialogs.confirmations.append(False)
    qtbot.mouseClick(runs.save_button, Qt.MouseButton.LeftButton)
    screen.wait(qtbot)
    assert runs.saved == [folder / XLSX_NAME]
    assert (folder / XLSX_NAME).read_bytes() == saved.read_bytes()


# ---------------------------------------------------------------- without a database


@pytest.mark.parametrize(
    ("which", "today", "expected"),
    [
        (PREVIOUS_QUARTER, date(2026, 11, 27), Period(date(2026, 7, 1), date(2026, 9, 30))),
        (PREVIOUS_QUARTER, date(2026, 2, 10), Period(date(2025, 10, 1), date(2025, 12, 31))),
        (CURRENT_QUARTER, date(2026, 11, 27), Period(date(2026, 10, 1), date(2026, 12, 31))),
        (CURRENT_QUARTER, date(2026, 3, 31), Period(date(2026, 1, 1), date(2026, 3, 31))),
        (PREVIOUS_YEAR, date(2026, 1, 1), Period(date(2025, 1, 1), date(2025, 12, 31))),
        (CURRENT_YEAR, date(2026, 11, 27), Period(date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_a_shortcut_gives_its_period(which: str, today: date, expected: Period) -> None:
    assert shortcut_period(which, today) == expected


def test_files_are_renamed_once_complete_and_a_failure_leaves_none(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "missing" / "b.pdf"
    assert write_files([(first, b"one")]) == [first]
    assert first.read_bytes() == b"one"
    with pytest.raises(OSError, match="missing"):
        write_files([(tmp_path / "c.xlsx", b"three"), (second, b"two")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]  # c was removed again


# ---------------------------------------------------------------- on the demonstration


def test_check_then_produce_refused_then_forced_and_saved(
    qtbot: Any, qtmodeltester: Any, screen: Screen, tmp_path: Path
) -> None:
    tab = screen.tab
    # GIVEN the shortcuts, as seen on 27/11/2026 (the previous quarter is the default)
    for which, expected in (
        (CURRENT_QUARTER, Period.quarter(2026, 4)),
        (PREVIOUS_YEAR, Period.year(2025)),
        (CURRENT_YEAR, Period.year(2026)),
        (PREVIOUS_QUARTER, Q3),
    ):
        qtbot.mouseClick(tab.shortcut_buttons[which], Qt.MouseButton.LeftButton)
        assert tab.period() == expected
    assert tab.programme_combo.count() > 1  # « All programmes » then the programmes
    # the programmes offered follow the return chosen
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("pension"))
    screen.wait(qtbot)
    offered = {tab.programme_combo.itemText(i) for i in range(1, tab.programme_combo.count())}
    pensions = screen.workspace.database.run_read(
        lambda s: set(
            s.scalars(
                select(m.Programme.name).where(
                    m.Programme.kind.in_(("boarding_house", "reception_residence"))
                )
            ).all()
        )
    )
    assert offered == pensions
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("iml"))
    screen.wait(qtbot)
    assert tab.programme() is None
    assert tab.formats() == ("xlsx", "pdf")
    assert not tab.produce_button.isEnabled()  # nothing checked yet
    # AND an IML exit without destination (blocking)
    screen.close_stay(None)

    # WHEN the Bilan IML of the third quarter is checked
    screen.check(qtbot)

    # THEN the findings come first, blocking ones first, the level in words
    assert_findings(screen, qtmodeltester)
    # AND the figures, by block, with their French values and units
    value = assert_figures(screen, qtmodeltester)
    findings, report = tab.findings_model, tab.report
    assert report is not None
    # AND Enter on the blocking finding opens the household's file where its stay is
    with qtbot.waitSignal(screen.view.open_record, timeout=TIMEOUT) as opened:
        tab.findings_table.activated.emit(findings.index(0, 0))
    assert opened.args == [screen.household_id, "stay"]

    # WHEN producing without ticking the override: refused, nothing recorded
    assert tab.force_check.isVisibleTo(tab)
    screen.produce(qtbot)
    kind, _title, text = screen.dialogs.calls[-1]
    assert kind == "warn"
    assert "1" in text
    ws = screen.workspace
    assert list_runs(ws.database, actor=ws.actor) == []

    # WHEN the override is ticked: recorded as forced, saved where asked, offered to open
    tab.force_check.setChecked(True)
    screen.dialogs.folders.append(tmp_path)
    screen.dialogs.confirmations.append(True)
    screen.produce(qtbot)
    xlsx, pdf = tmp_path / XLSX_NAME, tmp_path / PDF_NAME
    assert tab.written == [xlsx, pdf]
    assert screen.dialogs.opened == [xlsx, pdf]
    assert not list(tmp_path.glob(f"*{PARTIAL_SUFFIX}"))
    data = donnees(xlsx.read_bytes())
    assert data["exits.destination.unknown"] == value
    assert data["households.exits"] == report.value("households.exits")
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) > 1
    assert "IML" in reader.pages[0].extract_text()
    [run] = list_runs(ws.database, actor=ws.actor)
    assert (run.kind, run.period, run.forced, run.blocking) == ("iml", Q3, True, 1)
    # AND the runs tab lists it, selected
    qtbot.waitUntil(lambda: screen.view.runs.model.rowCount() == 1, timeout=TIMEOUT)
    screen.wait(qtbot)
    assert screen.view.runs.selected() == run


def test_a_check_can_be_stopped(qtbot: Any, screen: Screen) -> None:
    tab = screen.tab
    gate = threading.Event()
    # GIVEN the read worker busy with something else
    screen.tasks.read(lambda _c: gate.wait(TIMEOUT / 1000), name="busy")
    handle = tab.check()
    assert handle is not None
    assert tab.progress_bar.isVisibleTo(tab)
    assert tab.cancel_button.isVisibleTo(tab)
    assert not tab.check_button.isEnabled()
    # WHEN « Cancel » is pressed before the check runs
    with qtbot.waitSignal(handle.cancelled, timeout=TIMEOUT):
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    screen.wait(qtbot)
    # THEN no report, the form usable again
    assert tab.report is None
    assert not tab.progress_bar.isVisibleTo(tab)
    assert tab.check_button.isEnabled()
    assert not tab.produce_button.isEnabled()


def test_runs_are_listed_frozen_drilled_down_compared_and_saved(
    qtbot: Any, qtmodeltester: Any, screen: Screen, tmp_path: Path
) -> None:
    tab, runs, dialogs, ws = screen.tab, screen.view.runs, screen.dialogs, screen.workspace
    # GIVEN a forced run of the Bilan IML, its Excel file only, saved as a chosen file
    screen.close_stay(None)
    screen.check(qtbot)
    tab.pdf_check.setChecked(False)
    tab.force_check.setChecked(True)
    chosen = tmp_path / "bilan"
    dialogs.files.append(chosen)
    dialogs.confirmations.append(False)
    screen.produce(qtbot)
    saved = tmp_path / "bilan.xlsx"
    assert tab.written == [saved]
    assert dialogs.opened == []
    qtbot.waitUntil(lambda: runs.detail is not None, timeout=TIMEOUT)
    first = runs.selected()
    assert first is not None
    qtmodeltester.check(runs.model)
    qtmodeltester.check(runs.figures_model)
    assert [f.name for f in runs.detail.files] == [XLSX_NAME]

    # WHEN it is frozen (confirmed)
    dialogs.confirmations.append(True)
    qtbot.mouseClick(runs.freeze_button, Qt.MouseButton.LeftButton)
    screen.wait(qtbot)
    qtbot.waitUntil(lambda: runs.detail is not None, timeout=TIMEOUT)
    # THEN it is frozen, and cannot be frozen again
    [frozen] = list_runs(ws.database, actor=ws.actor)
    assert frozen.frozen_at is not None
    assert runs.selected() == frozen
    assert not runs.freeze_button.isEnabled()

    # WHEN the destination is recorded, and the return checked and produced again (not saved)
    screen.close_stay("social_housing")
    screen.check(qtbot)
    assert tab.report is not None
    assert not tab.report.blocking
    dialogs.files.append(None)
    screen.produce(qtbot)
    assert dialogs.calls[-1][0] == "inform"
    qtbot.waitUntil(lambda: runs.model.rowCount() == 2, timeout=TIMEOUT)
    screen.wait(qtbot)
    newest = runs.selected()
    assert newest is not None
    assert newest.id != first.id
    assert not newest.forced

    # THEN the comparison with the frozen run names the figure, both values and the household
    qtbot.mouseClick(runs.compare_button, Qt.MouseButton.LeftButton)
    screen.wait(qtbot)
    assert_comparison(screen, qtmodeltester, first.id)
    # WHEN the figure is opened in the run: the households behind it, one opens its file
    assert_drill_down(screen, qtbot, qtmodeltester)

    # WHEN the files of the frozen run are saved again: the same bytes
    assert_saved_again(screen, qtbot, first.id, saved, tmp_path / "again")


def test_the_main_window_has_the_reports_section(
    qapp: Any, qtbot: Any, database_target: DatabaseTarget
) -> None:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)  # no account yet: the system actor
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    try:
        window = build_main_window(workspace, tasks=tasks, dialogs=ScriptedDialogs())
        qtbot.addWidget(window)
        sections = [window.stack.widget(row) for row in range(window.stack.count())]
        [view] = [section for section in sections if isinstance(section, ReportsView)]
        assert window.navigation.item(sections.index(view)).text() == view.section_title()
        qtbot.waitUntil(lambda: not tasks.busy, timeout=TIMEOUT)
    finally:
        tasks.shutdown()
        workspace.close()
