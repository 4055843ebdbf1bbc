"""« Import a workbook… » driven through the GUI, on real files and a real database.

The files are written by `tests.services.import_builders` (the small association of the import
tests); the scripted provider chooses them and answers the questions. What the dialog says is
compared with what the database holds afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from sqlalchemy import func, select

from desktop_app.domain.messages import message
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.domain.workbook import WorkbookIssue
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.reports.xlsx.workbook import read_workbook
from desktop_app.services.imports import import_workbook
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.import_workbook import (
    ImportWorkbookDialog,
    IssuesTableModel,
    SheetCountsTableModel,
    WorkbookActions,
    issue_text,
)
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from tests.services.import_builders import TODAY, reference_sheets, row_of, workbook
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 20_000
COORDINATOR = Actor(user_id=None, login="camille", grants=(Grant("coordinator"),))


def tr(context: str, source: str) -> str:
    """A text as the user reads it (French once translated, English until then)."""
    return QCoreApplication.translate(context, source)


@dataclass
class Bench:
    workspace: Workspace
    tasks: TaskRunner

    def households(self) -> int:
        return int(
            self.workspace.database.run_read(
                lambda s: s.scalar(select(func.count(m.Household.id))) or 0
            )
        )


@pytest.fixture
def bench(qapp, database_target: DatabaseTarget) -> Iterator[Bench]:
    create_application(["seuil-tests"])
    workspace = replace(open_workspace(database_target), actor=COORDINATOR)
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Bench(workspace, tasks)
    tasks.shutdown()
    workspace.close()


def good_file(folder: Path) -> Path:
    return workbook(folder / "association.xlsx", reference_sheets())


def bad_file(folder: Path) -> Path:
    sheets = reference_sheets()
    row_of(sheets["Ménages"], Référence="M-003")["Dispositif"] = "Dispositif inconnu"
    return workbook(folder / "erreurs.xlsx", sheets)


def open_dialog(qtbot, bench: Bench, dialogs: ScriptedDialogs) -> ImportWorkbookDialog:
    dialog = ImportWorkbookDialog(
        bench.workspace, tasks=bench.tasks, dialogs=dialogs, today=lambda: TODAY
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait(qtbot, handle: TaskHandle | None) -> None:
    assert handle is not None
    with qtbot.waitSignal(handle.done, timeout=TIMEOUT):
        pass


def check(qtbot, dialog: ImportWorkbookDialog) -> None:
    """Click « Choose a workbook… » (the scripted provider answers) and wait for the report."""
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog.handle)


def counts(dialog: ImportWorkbookDialog) -> dict[str, tuple[int, int, int, int, int]]:
    model = dialog.sheets_model
    return {
        row.sheet: (row.created, row.updated, row.unchanged, row.errors, row.warnings)
        for row in (model.row(index) for index in range(model.rowCount()))
    }


def cells(model: IssuesTableModel | SheetCountsTableModel, row: int) -> list[str]:
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_the_dry_run_report_is_shown_and_nothing_is_recorded(
    qtbot, bench: Bench, tmp_path: Path
) -> None:
    # GIVEN a clean workbook of four households chosen through the provider
    path = good_file(tmp_path)
    dialogs = ScriptedDialogs(files=[path])
    dialog = open_dialog(qtbot, bench, dialogs)
    assert not dialog.import_button.isEnabled()
    # WHEN it is checked
    check(qtbot, dialog)
    # THEN the report per sheet is shown, French headers of the table included
    assert counts(dialog) == {
        "Dispositifs": (2, 0, 0, 0, 0),
        "Ménages": (4, 0, 0, 0, 0),
        "Personnes": (7, 0, 0, 0, 0),
        "Logements": (4, 0, 0, 0, 0),
    }
    headers = [
        dialog.sheets_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(dialog.sheets_model.columnCount())
    ]
    assert headers == [
        tr("SheetCountsTableModel", text)
        for text in ("Sheet", "Created", "Updated", "Unchanged", "Errors", "Warnings")
    ]
    assert cells(dialog.sheets_model, 0) == ["Dispositifs", "2", "0", "0", "0", "0"]
    assert dialog.file_label.text() == str(path)
    assert dialog.status_label.text().startswith(
        tr(
            "ImportWorkbookDialog",
            "Ready to import: {created} row(s) to create, {updated} to update, {unchanged} "
            "unchanged; {touched} household(s) concerned.",
        ).format(created=17, updated=0, unchanged=0, touched=4)
    )
    # AND « Import » is offered, while nothing was recorded by the check
    assert dialog.import_button.isEnabled()
    assert not dialog.progress_bar.isVisible()
    assert bench.households() == 0
    assert dialogs.calls[0][0] == "open_file"


def test_a_blocking_problem_disables_import_and_can_be_saved(
    qtbot, bench: Bench, tmp_path: Path
) -> None:
    # GIVEN a workbook naming a programme that exists nowhere
    saved = tmp_path / "problemes"
    dialogs = ScriptedDialogs(files=[bad_file(tmp_path), saved])
    dialog = open_dialog(qtbot, bench, dialogs)
    # WHEN it is checked
    check(qtbot, dialog)
    # THEN the problem is listed with its sheet, row, column and French message
    assert dialog.report is not None
    assert dialog.report.blocking
    blocking = [issue for issue in dialog.report.issues if issue.blocking]
    first = blocking[0]
    assert first.sheet == "Ménages"
    assert cells(dialog.issues_model, 0) == [
        "Ménages",
        str(first.row),
        first.column or "",
        tr("IssuesTableModel", "Blocking"),
        message(first.code, **first.params),
    ]
    assert "Dispositif inconnu" in issue_text(first)
    assert counts(dialog)["Ménages"][3] >= 1
    # AND « Import » stays disabled; the summary says why
    assert not dialog.import_button.isEnabled()
    assert dialog.status_label.text().startswith(
        tr(
            "ImportWorkbookDialog",
            "{count} blocking problem(s): nothing can be imported until the workbook is "
            "corrected. Save the problems as a workbook to correct them, then choose the "
            "file again.",
        ).format(count=len(blocking))
    )
    # WHEN the problems are saved (the extension is added)
    assert dialog.save_issues_button.isEnabled()
    qtbot.mouseClick(dialog.save_issues_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialogs.calls[-1][0] == "inform", timeout=TIMEOUT)
    # THEN the file holds them, readable
    written = saved.with_name("problemes.xlsx")
    sheet = read_workbook(written).sheets[0]
    assert any("Dispositif inconnu" in str(cell) for _, row in sheet.rows for cell in row)
    assert bench.households() == 0


def test_a_good_file_is_imported_and_said(qtbot, bench: Bench, tmp_path: Path) -> None:
    dialogs = ScriptedDialogs(files=[good_file(tmp_path)])
    dialog = open_dialog(qtbot, bench, dialogs)
    check(qtbot, dialog)
    imported: list[object] = []
    dialog.imported.connect(imported.append)
    # WHEN « Import » is pressed (an empty database: no confirmation is needed)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog.handle)
    # THEN the households are there, the user is told, and the import is not offered again
    assert bench.households() == 4
    text = tr(
        "ImportWorkbookDialog",
        "Workbook imported: {created} row(s) created, {updated} updated, {unchanged} "
        "unchanged; {touched} household(s) concerned.",
    ).format(created=17, updated=0, unchanged=0, touched=4)
    assert dialogs.calls[-1] == ("inform", tr("ImportWorkbookDialog", "Import a workbook"), text)
    assert dialog.status_label.text() == text
    assert len(imported) == 1
    assert not dialog.import_button.isEnabled()
    assert [kind for kind, _, _ in dialogs.calls] == ["open_file", "inform"]


def test_many_households_touched_ask_for_a_confirmation(
    qtbot, bench: Bench, tmp_path: Path
) -> None:
    # GIVEN the association already imported, then a file changing one household in four
    import_workbook(
        bench.workspace.database, actor=COORDINATOR, path=good_file(tmp_path), today=TODAY
    )
    sheets = reference_sheets()
    row_of(sheets["Ménages"], Référence="M-001")["Adresse"] = "14 rue des Lilas, 69003 Lyon"
    changed = workbook(tmp_path / "corrige.xlsx", sheets)
    dialogs = ScriptedDialogs(files=[changed, changed], confirmations=[False, True])
    dialog = open_dialog(qtbot, bench, dialogs)
    check(qtbot, dialog)
    assert dialog.report is not None
    assert dialog.report.threshold_exceeded
    # WHEN the user declines the confirmation, nothing runs
    assert dialog.run_import() is None
    assert dialogs.calls[-1][0] == "confirm"
    assert "(more than 20 %)" in dialogs.calls[-1][2] or "20 %" in dialogs.calls[-1][2]
    address = bench.workspace.database.run_read(
        lambda s: s.scalar(select(m.Household.address).where(m.Household.reference == "M-001"))
    )
    assert address == "12 rue des Lilas"
    # WHEN they confirm
    wait(qtbot, dialog.run_import())
    # THEN the change is recorded
    address = bench.workspace.database.run_read(
        lambda s: s.scalar(select(m.Household.address).where(m.Household.reference == "M-001"))
    )
    assert address == "14 rue des Lilas"
    assert dialogs.calls[-1][0] == "inform"


def test_an_unreadable_file_is_said_beside_the_form(qtbot, bench: Bench, tmp_path: Path) -> None:
    path = tmp_path / "pas-un-classeur.xlsx"
    path.write_bytes(b"%PDF-1.4 not a workbook")
    dialog = open_dialog(qtbot, bench, ScriptedDialogs(files=[path]))
    check(qtbot, dialog)
    assert "pas-un-classeur.xlsx" in dialog.status_label.text()
    assert dialog.report is None
    assert not dialog.import_button.isEnabled()
    assert dialog.choose_button.isEnabled()


def test_the_models_pass_the_model_tester(qtmodeltester) -> None:
    sheets = SheetCountsTableModel()
    issues = IssuesTableModel()
    issues.set_issues(
        [
            WorkbookIssue("Ménages", 3, "Nom", "import.column_unknown", {"column": "X"}, False),
            WorkbookIssue("Personnes", 4, "Nom", "import.value_required", {"column": "Nom"}),
            WorkbookIssue(None, None, None, "import.unknown_code_for_test"),
        ]
    )
    assert [issues.row(index).sheet for index in range(3)] == ["Personnes", None, "Ménages"]
    assert issues.index(1, 4).data() == "import.unknown_code_for_test"  # still listed
    assert issues.index(2, 3).data() == tr("IssuesTableModel", "Warning")
    qtmodeltester.check(sheets)
    qtmodeltester.check(issues)


# ------------------------------------------------------------------ the menu actions


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("coordinator", ["import", "template", "export"]),
        ("rental_manager", ["import", "template"]),
        ("social_worker", []),
    ],
)
def test_the_actions_follow_the_rights(qtbot, bench: Bench, role: str, expected: list[str]) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    workspace = replace(bench.workspace, actor=Actor(None, role, (Grant(role),)))
    actions = WorkbookActions(
        workspace, tasks=bench.tasks, dialogs=ScriptedDialogs(), parent=parent
    )
    named = {
        "import": actions.import_action,
        "template": actions.template_action,
        "export": actions.export_action,
    }
    assert [name for name, action in named.items() if action is not None] == expected
    assert actions.actions() == [named[name] for name in expected]


def test_the_template_and_the_export_are_written(qtbot, bench: Bench, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWidget

    import_workbook(
        bench.workspace.database, actor=COORDINATOR, path=good_file(tmp_path), today=TODAY
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = ScriptedDialogs(
        files=[tmp_path / "modele", tmp_path / "export.xlsx"], confirmations=[True]
    )
    actions = WorkbookActions(
        bench.workspace, tasks=bench.tasks, dialogs=dialogs, parent=parent, today=lambda: TODAY
    )
    wait(qtbot, actions.save_template())
    template = read_workbook(tmp_path / "modele.xlsx")
    assert template.sheets[0].name == "Notice"
    wait(qtbot, actions.export())
    exported = read_workbook(tmp_path / "export.xlsx")
    households = exported.sheet("Ménages")
    assert households is not None
    assert len(households.rows) == 4
    assert dialogs.calls[-1][0] == "confirm"
    assert dialogs.opened == [tmp_path / "export.xlsx"]


def test_the_dialog_opens_from_the_actions(qtbot, bench: Bench) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    actions = WorkbookActions(
        bench.workspace, tasks=bench.tasks, dialogs=ScriptedDialogs(), parent=parent
    )
    assert actions.import_action is not None
    actions.import_action.trigger()
    assert actions.dialog is not None
    assert actions.dialog.isVisible()
    assert actions.open_import() is actions.dialog  # one dialog, raised again


def test_the_actions_sit_in_the_file_menu_above_quit(qtbot, bench: Bench) -> None:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.views.home import HomeView

    dialogs = ScriptedDialogs()
    window = MainWindow(sections=[HomeView()], dialogs=dialogs)
    qtbot.addWidget(window)
    actions = WorkbookActions(bench.workspace, tasks=bench.tasks, dialogs=dialogs, parent=window)
    window.add_file_actions(actions.actions())
    menu = [action for action in window.file_menu.actions() if not action.isSeparator()]
    assert menu == [*actions.actions(), window.quit_action]
    assert [action.text() for action in menu[:3]] == [
        tr("WorkbookActions", text)
        for text in ("&Import a workbook…", "Workbook &template…", "&Export the workbook…")
    ]
