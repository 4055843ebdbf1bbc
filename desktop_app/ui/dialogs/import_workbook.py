"""« Import a workbook… »: the association's spreadsheets brought in, all or nothing (DOMAIN §10).

The same import as ``python -m desktop_app import`` (`services.imports.import_workbook`): the
user chooses a file, a dry run checks it on the write worker with a progress bar (nothing is
kept), the report is shown per sheet (created, updated, unchanged, errors, warnings) with every
problem (sheet, row, column, French message), which can be saved as a workbook to correct the
file. « Import » is offered only when no problem blocks, asks for a confirmation when the file
touches many of the households already recorded, and says what was done.

`WorkbookActions` puts the three workbook actions in a menu, each shown only to who may ever do
it: import, the empty template, and the export of the whole database in the same format.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Final

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.messages import message
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.workbook import WorkbookIssue
from desktop_app.services.authz import ACTION_ATTRIBUTE
from desktop_app.services.imports import (
    ImportReport,
    SheetCounts,
    import_workbook,
    write_issues_file,
    write_template_file,
)
from desktop_app.services.system import Workspace
from desktop_app.services.workbook_export import ExportSummary, export_workbook
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskHandle, TaskRunner

# The permissions the services declare: an action shows only to who may ever do it.
IMPORT_ACTION: Final[str] = getattr(import_workbook, ACTION_ATTRIBUTE)
EXPORT_ACTION: Final[str] = getattr(export_workbook, ACTION_ATTRIBUTE)
MAX_LISTED: Final = 10_000  # problems listed in the table; the saved workbook holds them all


def issue_text(issue: WorkbookIssue) -> str:
    """The French message of a problem of the file."""
    try:
        return message(issue.code, **issue.params)
    except KeyError:  # a code or a placeholder the catalogue lacks: still say where it is
        return issue.code


def _failure_text(error: BaseException) -> str:
    """A refused file or job in French; anything else is a bug, raised again."""
    if isinstance(error, KnownError):
        return error.text
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "WorkbookTemplate", "The file could not be written: {error}"
        ).format(error=error.strerror or str(error))
    raise error


def _xlsx(path: Path) -> Path:
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


class SheetCountsTableModel(DtoTableModel[SheetCounts]):
    """The dry-run or import report, one row per sheet."""

    def __init__(self) -> None:
        super().__init__(
            [
                (self.tr("Sheet"), lambda s: s.sheet),
                (self.tr("Created"), lambda s: str(s.created)),
                (self.tr("Updated"), lambda s: str(s.updated)),
                (self.tr("Unchanged"), lambda s: str(s.unchanged)),
                (self.tr("Errors"), lambda s: str(s.errors)),
                (self.tr("Warnings"), lambda s: str(s.warnings)),
            ]
        )


class IssuesTableModel(DtoTableModel[WorkbookIssue]):
    """Every problem of the file: where it is and what to do, blocking ones first."""

    def __init__(self) -> None:
        super().__init__(
            [
                (self.tr("Sheet"), lambda i: i.sheet or ""),
                (self.tr("Row"), lambda i: "" if i.row is None else str(i.row)),
                (self.tr("Column"), lambda i: i.column or ""),
                (self.tr("Severity"), self._severity),
                (self.tr("Message"), issue_text),
            ]
        )

    def _severity(self, issue: WorkbookIssue) -> str:
        return self.tr("Blocking") if issue.blocking else self.tr("Warning")

    def set_issues(self, issues: Sequence[WorkbookIssue]) -> None:
        """Show ``issues``, the blocking ones first, in the order found."""
        ordered = sorted(issues, key=lambda issue: not issue.blocking)
        self.set_rows(ordered[:MAX_LISTED])


def _table(model: QAbstractItemModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ImportWorkbookDialog(QDialog):
    """Choose a workbook, read the dry run's report, then import it (all or nothing).

    Signals:
        imported(object): the `ImportReport` of an import that was applied.
    """

    imported = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._tasks, self._dialogs, self._today = workspace, tasks, dialogs, today
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.handle: TaskHandle | None = None
        self.setWindowTitle(self.tr("Import a workbook"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The file is checked first: nothing is recorded until you press « Import », and "
                "a file with a blocking problem changes nothing. Importing the same file again "
                "changes nothing."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._chooser())
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Progress of the check"))
        self.progress_bar.setVisible(False)
        layout.addWidget(self.progress_bar)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Outcome"))
        layout.addWidget(self.status_label)
        self._report_tables(layout)
        layout.addWidget(self._buttons())
        self.resize(900, 680)
        self._update_buttons()

    def _chooser(self) -> QHBoxLayout:
        chooser = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setAccessibleName(self.tr("Workbook to import"))
        self.choose_button = QPushButton(self.tr("&Choose a workbook…"))
        self.choose_button.setAccessibleName(self.tr("Choose the workbook to import"))
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(self.tr("Workbook &template…"))
        self.template_button.setAccessibleName(self.tr("Save an empty workbook with its notice"))
        self.template_button.clicked.connect(self.save_template)
        chooser.addWidget(self.file_label, 1)
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.template_button)
        return chooser

    def _report_tables(self, layout: QVBoxLayout) -> None:
        self.sheets_model = SheetCountsTableModel()
        self.sheets_table = _table(self.sheets_model)
        self.sheets_table.setAccessibleName(self.tr("Report per sheet"))
        layout.addWidget(self.sheets_table, 3)
        self.issues_label = QLabel(self.tr("Problems found"))
        layout.addWidget(self.issues_label)
        self.issues_model = IssuesTableModel()
        self.issues_table = _table(self.issues_model)
        self.issues_table.setAccessibleName(self.tr("Problems found in the workbook"))
        self.issues_label.setBuddy(self.issues_table)
        layout.addWidget(self.issues_table, 2)

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.save_issues_button = QPushButton(self.tr("&Save the problems…"))
        self.save_issues_button.setAccessibleName(self.tr("Save the problems as a workbook"))
        self.save_issues_button.clicked.connect(self.save_issues)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import the workbook"))
        self.import_button.clicked.connect(self.run_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addButton(self.save_issues_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        return buttons

    def title(self) -> str:
        """The title of every question and message of the dialog."""
        return self.tr("Import a workbook")

    # -------------------------------------------------------------- the check (dry run)

    def choose_file(self) -> TaskHandle | None:
        """Ask for a workbook, then check it; None when the user cancelled."""
        chosen = self._dialogs.open_file(
            self,
            self.tr("Workbook to import"),
            self.tr("Workbooks (*.xlsx *.xlsm *.xls *.ods);;Every file (*)"),
        )
        if chosen is None:
            return None
        return self.check(chosen)

    def check(self, path: Path) -> TaskHandle:
        """Run the dry run of ``path`` on the write worker (the import's own transaction)."""
        self.path, self.report = path, None
        self.file_label.setText(str(path))
        self.sheets_model.set_rows([])
        self.issues_model.set_rows([])
        self.status_label.setText(self.tr("Checking the workbook…"))
        ws, day = self._workspace, self._today()

        def job(control: TaskControl) -> ImportReport:
            return import_workbook(
                ws.database, actor=ws.actor, path=path, dry_run=True, today=day, control=control
            )

        return self._start(job, "import-check", self._checked)

    def _checked(self, report: ImportReport) -> None:
        self._show(report)
        self.status_label.setText(self.summary(report))

    def summary(self, report: ImportReport) -> str:
        """What the dry run found, and what the user can do next."""
        blocking = sum(1 for issue in report.issues if issue.blocking)
        warnings = len(report.issues) - blocking
        if blocking:
            return self.tr(
                "{count} blocking problem(s): nothing can be imported until the workbook is "
                "corrected. Save the problems as a workbook to correct them, then choose the "
                "file again."
            ).format(count=blocking)
        created = sum(sheet.created for sheet in report.sheets)
        updated = sum(sheet.updated for sheet in report.sheets)
        unchanged = sum(sheet.unchanged for sheet in report.sheets)
        if not created and not updated:
            text = self.tr(
                "Nothing to import: the {unchanged} row(s) of the workbook are already recorded."
            ).format(unchanged=unchanged)
        else:
            text = self.tr(
                "Ready to import: {created} row(s) to create, {updated} to update, {unchanged} "
                "unchanged; {touched} household(s) concerned."
            ).format(
                created=created,
                updated=updated,
                unchanged=unchanged,
                touched=report.households_touched,
            )
        if warnings:
            text += " " + self.tr("{count} warning(s) to read below.").format(count=warnings)
        return text

    # -------------------------------------------------------------- the import

    def run_import(self) -> TaskHandle | None:
        """Import the checked file for real; None when the user declined the confirmation."""
        report, path = self.report, self.path
        if report is None or path is None or not self._importable(report):
            return None
        confirmed = False
        if report.threshold_exceeded:
            confirmed = self._dialogs.confirm(
                self,
                self.title(),
                self.tr(
                    "This workbook changes {touched} of the {before} households already "
                    "recorded (more than {percent} %). Import it anyway?"
                ).format(
                    touched=report.households_touched,
                    before=report.households_before,
                    percent=report.threshold_percent,
                ),
            )
            if not confirmed:
                return None
        ws, day = self._workspace, self._today()

        def job(control: TaskControl) -> ImportReport:
            return import_workbook(
                ws.database,
                actor=ws.actor,
                path=path,
                confirmed=confirmed,
                today=day,
                control=control,
            )

        self.status_label.setText(self.tr("Importing…"))
        return self._start(job, "import-workbook", self._imported)

    def _imported(self, report: ImportReport) -> None:
        self._show(report)
        if not report.applied:  # the file changed since its check, or the database did
            self.status_label.setText(self.tr("Nothing was imported.") + " " + self.summary(report))
            self._dialogs.warn(self, self.title(), self.status_label.text())
            return
        text = self.tr(
            "Workbook imported: {created} row(s) created, {updated} updated, {unchanged} "
            "unchanged; {touched} household(s) concerned."
        ).format(
            created=sum(sheet.created for sheet in report.sheets),
            updated=sum(sheet.updated for sheet in report.sheets),
            unchanged=sum(sheet.unchanged for sheet in report.sheets),
            touched=report.households_touched,
        )
        self.status_label.setText(text)
        self.imported.emit(report)
        self._update_buttons()
        self._dialogs.inform(self, self.title(), text)

    # -------------------------------------------------------------- files

    def save_issues(self) -> TaskHandle | None:
        """Save every problem of the report as a workbook; None when the user cancelled."""
        report = self.report
        if report is None or not report.issues:
            return None
        stem = self.path.stem if self.path is not None else "classeur"
        chosen = self._dialogs.save_file(
            self,
            self.tr("Problems of the workbook"),
            Path.home() / f"{stem}_problemes.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen is None:
            return None
        target = _xlsx(chosen)
        return self._tasks.read(
            lambda _c: write_issues_file(report, target),
            name="import-issues",
            on_done=lambda _r: self._dialogs.inform(
                self,
                self.title(),
                self.tr("The problems were saved in {path}.").format(path=str(target)),
            ),
            on_error=self._file_failed,
        )

    def save_template(self) -> TaskHandle | None:
        """Save the empty workbook with its notice; None when the user cancelled."""
        return save_template(self, tasks=self._tasks, dialogs=self._dialogs)

    def _file_failed(self, error: BaseException) -> None:
        self._dialogs.warn(self, self.title(), _failure_text(error))

    # -------------------------------------------------------------- running a job

    def _start(
        self, job: Callable[[TaskControl], ImportReport], name: str, done: Callable[..., None]
    ) -> TaskHandle:
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        handle = self._tasks.write(job, name=name, on_done=done, on_error=self._failed)
        handle.progress.connect(self._progress)
        handle.cancelled.connect(self._stopped)
        handle.done.connect(self._ended)
        self.handle = handle
        self._update_buttons()
        return handle

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _ended(self) -> None:
        self.handle = None
        self.progress_bar.setVisible(False)
        self._update_buttons()

    def _stopped(self) -> None:
        self.status_label.setText(self.tr("Stopped: nothing was recorded."))

    def _failed(self, error: BaseException) -> None:
        text = _failure_text(error)
        self.report = None
        self.status_label.setText(text)
        self._update_buttons()

    def _show(self, report: ImportReport) -> None:
        self.report = report
        self.sheets_model.set_rows(report.sheets)
        self.issues_model.set_issues(report.issues)
        self.issues_label.setText(
            self.tr("Problems found: {count}").format(count=len(report.issues))
        )
        self.sheets_table.resizeColumnsToContents()
        self._update_buttons()

    @staticmethod
    def _importable(report: ImportReport) -> bool:
        has_work = any(sheet.created or sheet.updated for sheet in report.sheets)
        return not report.blocking and not report.applied and has_work

    def _update_buttons(self) -> None:
        idle = self.handle is None
        report = self.report
        self.choose_button.setEnabled(idle)
        self.import_button.setEnabled(idle and report is not None and self._importable(report))
        self.save_issues_button.setEnabled(idle and report is not None and bool(report.issues))

    def reject(self) -> None:
        """Closing while a job runs asks it to stop (a check or import then records nothing)."""
        if self.handle is not None:
            self.handle.cancel()
            self.status_label.setText(self.tr("Stopping… nothing will be recorded."))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window stays until the running job has stopped."""
        if self.handle is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


# ------------------------------------------------------------------ template and export


def save_template(
    parent: QWidget, *, tasks: TaskRunner, dialogs: DialogProvider
) -> TaskHandle | None:
    """Ask where, then write the empty workbook with its notice; None when cancelled."""
    title = QCoreApplication.translate("WorkbookTemplate", "Workbook template")
    chosen = dialogs.save_file(
        parent,
        title,
        Path.home() / "modele_import_seuil.xlsx",
        QCoreApplication.translate("WorkbookTemplate", "Excel workbook (*.xlsx)"),
    )
    if chosen is None:
        return None
    target = _xlsx(chosen)
    return tasks.read(
        lambda _c: write_template_file(target),
        name="import-template",
        on_done=lambda _r: dialogs.inform(
            parent,
            title,
            QCoreApplication.translate(
                "WorkbookTemplate",
                "The template was saved in {path}. Its first sheet, « Notice », explains "
                "every column.",
            ).format(path=str(target)),
        ),
        on_error=lambda error: dialogs.warn(parent, title, _failure_text(error)),
    )


class WorkbookActions(QObject):
    """The workbook actions of the File menu, each shown to who may ever do it.

    Signals:
        imported(object): the `ImportReport` of an applied import (views may reload).
    """

    imported = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._tasks, self._dialogs = workspace, tasks, dialogs
        self._widget, self._today = parent, today
        self.dialog: ImportWorkbookDialog | None = None
        actor = workspace.actor
        self.import_action: QAction | None = None
        self.template_action: QAction | None = None
        self.export_action: QAction | None = None
        if may_ever(actor, IMPORT_ACTION):
            self.import_action = QAction(self.tr("&Import a workbook…"), self)
            self.import_action.triggered.connect(self.open_import)
            self.template_action = QAction(self.tr("Workbook &template…"), self)
            self.template_action.triggered.connect(self.save_template)
        if may_ever(actor, EXPORT_ACTION):
            self.export_action = QAction(self.tr("&Export the workbook…"), self)
            self.export_action.triggered.connect(self.export)

    def actions(self) -> list[QAction]:
        """The actions this user may ever take, in menu order."""
        return [
            action
            for action in (self.import_action, self.template_action, self.export_action)
            if action is not None
        ]

    def open_import(self) -> ImportWorkbookDialog:
        """Open the import dialog (non-blocking); return it for tests and screenshots."""
        if self.dialog is None:
            self.dialog = ImportWorkbookDialog(
                self._workspace,
                tasks=self._tasks,
                dialogs=self._dialogs,
                parent=self._widget,
                today=self._today,
            )
            self.dialog.imported.connect(self.imported)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def save_template(self) -> TaskHandle | None:
        """Save the empty workbook; None when the user cancelled."""
        return save_template(self._widget, tasks=self._tasks, dialogs=self._dialogs)

    def export(self) -> TaskHandle | None:
        """Ask where, export the whole database there, offer to open it; None when cancelled."""
        title = self.tr("Export the workbook")
        chosen = self._dialogs.save_file(
            self._widget,
            title,
            Path.home() / f"seuil_{self._today():%Y-%m-%d}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen is None:
            return None
        target, ws = _xlsx(chosen), self._workspace

        def job(control: TaskControl) -> ExportSummary:
            return export_workbook(ws.database, actor=ws.actor, path=target, control=control)

        def done(summary: ExportSummary) -> None:
            text = self.tr(
                "The whole database was written to {path}: {households} household(s), "
                "{rows} row(s). It can be corrected and imported again."
            ).format(path=str(summary.path), households=summary.households, rows=summary.total)
            if summary.left_out:
                text += "\n" + message("export.left_out", count=summary.left_out)
            question = self.tr("Open the file?")
            if self._dialogs.confirm(self._widget, title, f"{text}\n\n{question}"):
                self._dialogs.open_path(summary.path)

        return self._tasks.write(
            job,
            name="export-workbook",
            on_done=done,
            on_error=lambda error: self._dialogs.warn(self._widget, title, _failure_text(error)),
        )
