"""Check, then produce a return: the form, the findings, the figures and the files.

« Check » builds the return (`reporting.build_report`) on the read worker, with a progress bar
and a button that stops it; the data-quality findings come first (level in words, household,
detail; Enter or a double click opens the household's file), then every figure by block.
« Produce… » renders and records the run (`reporting.publish_report`) on the write worker —
refused while blocking findings remain, unless « Produce despite blocking findings » is ticked
(the override is recorded in the run) — then asks where to save, writes each file under a
temporary name renamed at the end (never a half-written file) and offers to open them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.figures import RETURNS, Report
from desktop_app.domain.periods import Period, format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.progress import TaskControl
from desktop_app.services.reporting import (
    PDF,
    XLSX,
    Produced,
    build_report,
    file_name,
    publish_report,
    report_programmes,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import date_edit, day_of, qdate
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.reports import (
    FigureLine,
    FiguresTableModel,
    FindingsTableModel,
    kind_text,
)
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.report_tabs.saving import save_and_offer

PREVIOUS_QUARTER: Final = "previous_quarter"
CURRENT_QUARTER: Final = "current_quarter"
PREVIOUS_YEAR: Final = "previous_year"
CURRENT_YEAR: Final = "current_year"


def shortcut_period(which: str, today: date) -> Period:
    """The period a shortcut button gives, as seen on ``today``."""
    quarter = (today.month - 1) // 3 + 1
    if which == CURRENT_QUARTER:
        return Period.quarter(today.year, quarter)
    if which == PREVIOUS_QUARTER:
        return (
            Period.quarter(today.year, quarter - 1)
            if quarter > 1
            else Period.quarter(today.year - 1, 4)
        )
    if which == CURRENT_YEAR:
        return Period.year(today.year)
    if which == PREVIOUS_YEAR:
        return Period.year(today.year - 1)
    raise ValueError(which)


def _with_suffix(path: Path, fmt: str) -> Path:
    return path if path.suffix.lower() == f".{fmt}" else path.with_name(f"{path.name}.{fmt}")


class ProduceTab(QWidget):
    """The form of a return, its check with progress and cancel, and its production.

    Signals:
        open_record(int, str): a finding's household, and the kind of record it names.
        produced(object): a run was recorded (the `Produced`).
    """

    open_record = Signal(int, str)
    produced = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._tasks, self._dialogs = workspace, tasks, dialogs
        self._today = today
        self.report: Report | None = None
        self.last_produced: Produced | None = None
        self.written: list[Path] = []
        self.handle: TaskHandle | None = None
        self._stale = False
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addLayout(self._actions())
        layout.addLayout(self._progress())
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("State of the return"))
        layout.addWidget(self.status_label)
        layout.addWidget(self._results(), 1)
        self.set_period(shortcut_period(PREVIOUS_QUARTER, today()))
        self._update_buttons()

    # -------------------------------------------------------------- building

    def _form(self) -> QGridLayout:
        grid = QGridLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Return"))
        for kind in RETURNS:
            self.kind_combo.addItem(kind_text(kind), kind)
        self.start_edit: QDateEdit = date_edit(self._today())
        self.start_edit.setAccessibleName(self.tr("Period from"))
        self.end_edit: QDateEdit = date_edit(self._today())
        self.end_edit.setAccessibleName(self.tr("Period to"))
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName(self.tr("Programme"))
        self.programme_combo.addItem(self.tr("All programmes"), None)
        self.xlsx_check = QCheckBox(self.tr("E&xcel"))
        self.xlsx_check.setAccessibleName(self.tr("Produce the Excel workbook"))
        self.xlsx_check.setChecked(True)
        self.pdf_check = QCheckBox(self.tr("P&DF"))
        self.pdf_check.setAccessibleName(self.tr("Produce the PDF report"))
        self.pdf_check.setChecked(True)
        for column, (label, widget) in enumerate(
            (
                (self.tr("&Return"), self.kind_combo),
                (self.tr("&From"), self.start_edit),
                (self.tr("&To"), self.end_edit),
                (self.tr("Pro&gramme"), self.programme_combo),
            )
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, 2 * column)
            grid.addWidget(widget, 0, 2 * column + 1)
        shortcuts = QHBoxLayout()
        self.shortcut_buttons: dict[str, QPushButton] = {}
        for which, text, name in (
            (
                PREVIOUS_QUARTER,
                self.tr("Previous &quarter"),
                self.tr("Period: the previous quarter"),
            ),
            (CURRENT_QUARTER, self.tr("C&urrent quarter"), self.tr("Period: the current quarter")),
            (PREVIOUS_YEAR, self.tr("Previous y&ear"), self.tr("Period: the previous year")),
            (CURRENT_YEAR, self.tr("Current &year"), self.tr("Period: the current year")),
        ):
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.clicked.connect(lambda _checked=False, w=which: self.use_shortcut(w))
            shortcuts.addWidget(button)
            self.shortcut_buttons[which] = button
        shortcuts.addStretch(1)
        formats = QLabel(self.tr("Formats:"))
        shortcuts.addWidget(formats)
        shortcuts.addWidget(self.xlsx_check)
        shortcuts.addWidget(self.pdf_check)
        grid.addLayout(shortcuts, 1, 0, 1, 8)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.programme_combo.currentIndexChanged.connect(lambda _i: self._form_changed())
        self.start_edit.dateChanged.connect(lambda _d: self._form_changed())
        self.end_edit.dateChanged.connect(lambda _d: self._form_changed())
        return grid

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Check"))
        self.check_button.setAccessibleName(
            self.tr("Check the data and compute the return's figures")
        )
        self.produce_button = QPushButton(self.tr("&Produce…"))
        self.produce_button.setAccessibleName(self.tr("Produce and save the return's files"))
        self.force_check = QCheckBox(self.tr("Produce despite &blocking findings"))
        self.force_check.setAccessibleName(
            self.tr("Produce despite blocking findings (recorded in the run)")
        )
        self.force_check.setVisible(may_ever(self._workspace.actor, "returns.run"))
        row.addWidget(self.check_button)
        row.addWidget(self.produce_button)
        row.addWidget(self.force_check)
        row.addStretch(1)
        self.check_button.clicked.connect(self.check)
        self.produce_button.clicked.connect(self.produce)
        return row

    def _progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Progress of the return"))
        self.progress_bar.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.cancel_button.setAccessibleName(self.tr("Stop computing the return"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        return row

    def _results(self) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical)
        findings = QWidget()
        findings_layout = QVBoxLayout(findings)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_label = QLabel(
            self.tr("Data-quality &findings (Enter or a double click opens the household's file)")
        )
        findings_layout.addWidget(self.findings_label)
        self.findings_model = FindingsTableModel()
        self.findings_table = self._table(self.findings_model, self.tr("Data-quality findings"))
        self.findings_table.activated.connect(self._finding_activated)
        self.findings_label.setBuddy(self.findings_table)
        findings_layout.addWidget(self.findings_table)
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        self.figures_label = QLabel(self.tr("F&igures"))
        figures_layout.addWidget(self.figures_label)
        self.figures_model = FiguresTableModel()
        self.figures_table = self._table(self.figures_model, self.tr("Figures of the return"))
        self.figures_label.setBuddy(self.figures_table)
        figures_layout.addWidget(self.figures_table)
        splitter.addWidget(findings)
        splitter.addWidget(figures)
        return splitter

    @staticmethod
    def _table(model: FindingsTableModel | FiguresTableModel, name: str) -> QTableView:
        table = QTableView()
        table.setAccessibleName(name)
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -------------------------------------------------------------- the form

    def title(self) -> str:
        """The title of every question and message of this tab."""
        return self.tr("Returns")

    def kind(self) -> str:
        """The return chosen (``fnavdl``, ``iml``, ``pension``)."""
        return str(self.kind_combo.currentData())

    def programme(self) -> str | None:
        """The programme chosen by name, None for all."""
        data = self.programme_combo.currentData()
        return None if data is None else str(data)

    def period(self) -> Period | None:
        """The period typed, None when it ends before it starts."""
        start, end = day_of(self.start_edit), day_of(self.end_edit)
        return Period(start, end) if start <= end else None

    def set_period(self, period: Period) -> None:
        """Put ``period`` in the two date edits."""
        self.start_edit.setDate(qdate(period.start))
        self.end_edit.setDate(qdate(period.end))

    def use_shortcut(self, which: str) -> None:
        """A shortcut button: the previous or current quarter or year, from today."""
        self.set_period(shortcut_period(which, self._today()))

    def formats(self) -> tuple[str, ...]:
        """The formats ticked, Excel first."""
        chosen = ((XLSX, self.xlsx_check), (PDF, self.pdf_check))
        return tuple(fmt for fmt, box in chosen if box.isChecked())

    def set_today(self, today: Callable[[], date]) -> None:
        """Use another clock (a fixed day for tests and screenshots)."""
        self._today = today

    def set_programmes(self, names: Sequence[str]) -> None:
        """Offer these programmes after « All programmes », keeping the current choice."""
        current = self.programme()
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        self.programme_combo.addItem(self.tr("All programmes"), None)
        for name in names:
            self.programme_combo.addItem(name, name)
        self.programme_combo.setCurrentIndex(max(self.programme_combo.findData(current), 0))
        self.programme_combo.blockSignals(False)

    def _kind_changed(self) -> None:
        self._form_changed()
        self.load_programmes()

    def load_programmes(self) -> None:
        """Read the programmes the chosen return covers."""
        ws, kind = self._workspace, self.kind()

        def job(control: TaskControl) -> list[str]:
            control.checkpoint()
            return list(report_programmes(ws.database, actor=ws.actor, kind=kind))

        self._tasks.read(job, name="report-programmes", on_done=self.set_programmes)

    def _form_changed(self) -> None:
        if self.report is not None:
            self._stale = True
            self.status_label.setText(
                self.tr("The form changed: check again before producing the return.")
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.handle is not None
        self.check_button.setEnabled(not running)
        self.produce_button.setEnabled(not running and self.report is not None and not self._stale)
        for button in self.shortcut_buttons.values():
            button.setEnabled(not running)

    # -------------------------------------------------------------- check

    def check(self) -> TaskHandle | None:
        """Build the return on the read worker, with progress; None when the form is wrong."""
        period = self.period()
        if period is None:
            self.status_label.setText(self.tr("The period ends before it starts."))
            return None
        ws, kind, programme, today = self._workspace, self.kind(), self.programme(), self._today()

        def job(control: TaskControl) -> Report:
            return build_report(
                ws.database,
                actor=ws.actor,
                kind=kind,
                period=period,
                today=today,
                programme=programme,
                control=control,
            )

        handle = self._tasks.read(
            job, name="report-check", on_done=self._checked, on_error=self._failed
        )
        self._follow(handle, self.tr("Checking the data and computing the figures…"))
        return handle

    def _follow(self, handle: TaskHandle, text: str) -> None:
        self.handle = handle
        handle.progress.connect(self._show_progress)
        handle.cancelled.connect(self._cancelled)
        handle.done.connect(self._ended)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.status_label.setText(text)
        self._update_buttons()

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def cancel(self) -> None:
        """Ask the running check or production to stop (nothing is recorded)."""
        if self.handle is not None:
            self.handle.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Stopping…"))

    def _ended(self) -> None:
        self.handle = None
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_buttons()

    def _cancelled(self) -> None:
        self.status_label.setText(self.tr("Stopped: nothing was recorded."))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self.status_label.setText(error.text)
            self._dialogs.warn(self, self.title(), error.text)
            return
        raise error

    def _checked(self, report: Report) -> None:
        self.report = report
        # The form may have changed while the figures were computed: then check again.
        self._stale = (report.kind, report.period, report.programme) != (
            self.kind(),
            self.period(),
            self.programme(),
        )
        self.findings_model.set_rows(report.findings)
        self.figures_model.set_figures([FigureLine.of_figure(f) for f in report.figures])
        for table in (self.findings_table, self.figures_table):
            table.resizeColumnsToContents()
        self.status_label.setText(self.summary(report))
        self._update_buttons()

    def summary(self, report: Report) -> str:
        """What a check found: the return, the period, the findings by level."""
        blocking = len(report.blocking)
        return self.tr(
            "{title}, {start} to {end}: {figures} figure(s); {blocking} blocking finding(s), "
            "{warnings} warning(s)."
        ).format(
            title=kind_text(report.kind),
            start=format_date(report.period.start),
            end=format_date(report.period.end),
            figures=len(report.figures),
            blocking=blocking,
            warnings=len(report.findings) - blocking,
        )

    def _finding_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        finding = self.findings_model.row(index.row())
        if finding.household_id is None:
            return
        self.open_record.emit(finding.household_id, finding.record)

    # -------------------------------------------------------------- produce

    def produce(self) -> TaskHandle | None:
        """Record the run and render its files on the write worker, then ask where to save."""
        report = self.report
        if report is None or self._stale or self.handle is not None:
            return None
        formats = self.formats()
        if not formats:
            self._dialogs.warn(self, self.title(), self.tr("Tick Excel, PDF or both."))
            return None
        if report.blocking and not self.force_check.isChecked():
            self._dialogs.warn(
                self,
                self.title(),
                self.tr(
                    "The return has {count} blocking finding(s): correct them and check "
                    "again, or tick « Produce despite blocking findings » (the override is "
                    "recorded in the run)."
                ).format(count=len(report.blocking)),
            )
            return None
        ws, force = self._workspace, bool(report.blocking)

        def job(control: TaskControl) -> Produced:
            return publish_report(
                ws.database,
                actor=ws.actor,
                report=report,
                formats=formats,
                force=force,
                control=control,
            )

        handle = self._tasks.write(
            job, name="report-publish", on_done=self._published, on_error=self._failed
        )
        self._follow(handle, self.tr("Producing the files and recording the run…"))
        return handle

    def _published(self, produced: Produced) -> None:
        self.last_produced = produced
        if produced.blocked:  # the check above prevents it; the service has the last word
            self.status_label.setText(self.tr("Refused: the return has blocking findings."))
            return
        self.produced.emit(produced)
        self.status_label.setText(
            self.tr("Run recorded{forced}.").format(
                forced=self.tr(" (produced despite blocking findings)") if produced.forced else ""
            )
        )
        targets = self.ask_targets(produced)
        if targets is None:
            self._dialogs.inform(
                self,
                self.title(),
                self.tr(
                    "The run was recorded without saving its files: « Runs » keeps them, "
                    "« Save the files… » writes them later."
                ),
            )
            return
        self.save(targets)

    def ask_targets(self, produced: Produced) -> list[tuple[Path, bytes]] | None:
        """Where to write the files: a file for one format, a folder for both."""
        report, files = produced.report, produced.files
        if len(files) == 1:
            [(fmt, data)] = files.items()
            filters = self.tr("Excel workbook (*.xlsx)") if fmt == XLSX else self.tr("PDF (*.pdf)")
            chosen = self._dialogs.save_file(
                self, self.tr("Save the return"), Path.home() / file_name(report, fmt), filters
            )
            return None if chosen is None else [(_with_suffix(chosen, fmt), data)]
        folder = self._dialogs.choose_folder(
            self, self.tr("Folder of the return's files"), Path.home()
        )
        if folder is None:
            return None
        return [(folder / file_name(report, fmt), data) for fmt, data in files.items()]

    def save(self, targets: list[tuple[Path, bytes]]) -> None:
        """Write the files off the GUI thread, then offer to open them."""
        save_and_offer(
            self,
            title=self.title(),
            tasks=self._tasks,
            dialogs=self._dialogs,
            files=lambda _c: targets,
            name="report-save",
            on_written=self._written,
            on_error=self._failed_save,
        )

    def _written(self, paths: list[Path]) -> None:
        self.written = paths

    def _failed_save(self, error: BaseException) -> None:
        raise error


__all__ = ["ProduceTab", "shortcut_period"]
