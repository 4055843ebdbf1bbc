"""The runs (éditions) of returns: the list, a run's figures, freezing, comparing, its files.

Selecting a run reads it (`report_runs.run_detail`): its figures by block, as recorded. Enter
or a double click on a figure lists the households behind it (`figure_households`, in a small
dialog whose households open their file). « Freeze the run » (for who may freeze returns, after
a confirmation) keeps it as sent; « Compare with the frozen run » lists the figures that
changed since, the households that explain it and their history; « Save the files… » writes the
files stored with the run, checked against their SHA-256.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.vocabulary import REPORT_KIND
from desktop_app.services.report_runs import (
    Comparison,
    RunDetail,
    RunHousehold,
    RunRow,
    compare_with_frozen,
    figure_households,
    freeze_run,
    list_runs,
    run_detail,
    run_file,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.dialogs.report_households import ReportHouseholdsDialog
from desktop_app.ui.models.reports import (
    ComparisonTableModel,
    FigureLine,
    FiguresTableModel,
    RunsTableModel,
    kind_text,
    period_text,
)
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.report_tabs.saving import save_and_offer


def _table(
    model: RunsTableModel | FiguresTableModel | ComparisonTableModel, name: str
) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class RunsTab(QWidget):
    """The list of runs and what can be done with one.

    Signals:
        open_household(int): the household whose file to open.
        frozen(int): a run was frozen (its id).
    """

    open_household = Signal(int)
    frozen = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._tasks, self._dialogs = workspace, tasks, dialogs
        self._may_freeze = may_ever(workspace.actor, "returns.freeze")
        self.detail: RunDetail | None = None
        self.comparison: Comparison | None = None
        self.dialog: ReportHouseholdsDialog | None = None
        self._running: TaskHandle | None = None
        self._wanted: int | None = None
        self.saved: list[Path] = []
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = RunsTableModel()
        self.table = _table(self.model, self.tr("Runs of the returns"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        splitter.addWidget(self.table)
        splitter.addWidget(self._detail())
        layout.addLayout(self._actions())
        layout.addWidget(splitter, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self._update_buttons()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Runs of which return"))
        self.kind_combo.addItem(self.tr("All returns"), None)
        for code in REPORT_KIND.codes:
            self.kind_combo.addItem(REPORT_KIND.label(code), code)
        caption = QLabel(self.tr("Re&turn"))
        caption.setBuddy(self.kind_combo)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.setAccessibleName(self.tr("Read the runs again"))
        row.addWidget(caption)
        row.addWidget(self.kind_combo)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.refresh_button.clicked.connect(lambda: self.load(None))
        return row

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.freeze_button = QPushButton(self.tr("F&reeze the run"))
        self.freeze_button.setAccessibleName(
            self.tr("Freeze the selected run: it is kept as sent, never recomputed")
        )
        self.freeze_button.setVisible(self._may_freeze)
        self.compare_button = QPushButton(self.tr("C&ompare with the frozen run"))
        self.compare_button.setAccessibleName(
            self.tr("Compare the selected run with the frozen run of the same period")
        )
        self.save_button = QPushButton(self.tr("&Save the files…"))
        self.save_button.setAccessibleName(self.tr("Save the files of the selected run"))
        for button in (self.freeze_button, self.compare_button, self.save_button):
            row.addWidget(button)
        row.addStretch(1)
        self.freeze_button.clicked.connect(self.ask_freeze)
        self.compare_button.clicked.connect(self.compare)
        self.save_button.clicked.connect(self.ask_save)
        return row

    def _detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName(self.tr("The selected run"))
        layout.addWidget(self.detail_label)
        self.detail_tabs = QTabWidget()
        self.figures_model = FiguresTableModel()
        self.figures_table = _table(self.figures_model, self.tr("Figures of the run"))
        self.figures_table.activated.connect(self._figure_activated)
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        self.figures_hint = QLabel(
            self.tr("Enter or a double click on a figure lists the households behind it.")
        )
        self.figures_hint.setWordWrap(True)
        figures_layout.addWidget(self.figures_hint)
        figures_layout.addWidget(self.figures_table, 1)
        self.detail_tabs.addTab(figures, self.tr("Figures"))
        comparison = QWidget()
        comparison_layout = QVBoxLayout(comparison)
        self.comparison_label = QLabel(
            self.tr("« Compare with the frozen run » lists here the figures that changed.")
        )
        self.comparison_label.setWordWrap(True)
        comparison_layout.addWidget(self.comparison_label)
        self.comparison_model = ComparisonTableModel()
        self.comparison_table = _table(
            self.comparison_model, self.tr("Figures changed since the frozen run")
        )
        self.comparison_table.setWordWrap(True)
        self.comparison_table.activated.connect(self._change_activated)
        comparison_layout.addWidget(self.comparison_table, 1)
        self.detail_tabs.addTab(comparison, self.tr("Comparison with the frozen run"))
        layout.addWidget(self.detail_tabs, 1)
        return box

    def title(self) -> str:
        """The title of every question and message of this tab."""
        return self.tr("Runs of the returns")

    # -------------------------------------------------------------- the list

    def load(self, select_run: int | None = None) -> None:
        """Read the runs (newest first), then select ``select_run`` or the one selected."""
        selected = self.selected()
        self._wanted = select_run if select_run is not None else (selected.id if selected else None)
        ws, kind = self._workspace, self.kind_combo.currentData()

        def job(control: TaskControl) -> list[RunRow]:
            control.checkpoint()
            return list_runs(ws.database, actor=ws.actor, kind=kind)

        self.status_label.setText(self.tr("Reading the runs…"))
        self._tasks.read(job, name="report-runs", on_done=self._listed, on_error=self._failed)

    def _listed(self, rows: list[RunRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.status_label.setText(self.tr("{count} run(s).").format(count=len(rows)))
        position = self.model.position(self._wanted) if self._wanted is not None else None
        if position is not None:
            self.table.selectRow(position)
        else:
            self._selection_changed()

    def selected(self) -> RunRow | None:
        """The run selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        run = self.selected()
        self.detail, self.comparison = None, None
        self.figures_model.set_rows([])
        self.comparison_model.set_rows([])
        self.detail_label.setText("" if run is not None else self.tr("Select a run."))
        self._update_buttons()
        if run is not None:
            self._read_detail(run.id)

    def _read_detail(self, run_id: int) -> None:
        ws = self._workspace

        def job(control: TaskControl) -> RunDetail:
            control.checkpoint()
            return run_detail(ws.database, actor=ws.actor, run_id=run_id)

        if self._running is not None:
            self._running.cancel()
        self._running = self._tasks.read(
            job, name="report-run-detail", on_done=self._show_detail, on_error=self._failed
        )

    def _show_detail(self, detail: RunDetail) -> None:
        self._running = None
        selected = self.selected()
        if selected is None or selected.id != detail.row.id:
            return  # another run was selected meanwhile
        self.detail = detail
        self.figures_model.set_figures([FigureLine.of_run(f) for f in detail.figures])
        self.figures_table.resizeColumnsToContents()
        self.detail_label.setText(self.detail_text(detail))
        self._update_buttons()

    def detail_text(self, detail: RunDetail) -> str:
        """A run in one paragraph: return, period, programme, author, state, files."""
        row = detail.row
        state = (
            self.tr("frozen on {date} by {name}").format(
                date=format_date(row.frozen_at.astimezone().date()), name=row.frozen_by or ""
            )
            if row.frozen_at is not None
            else self.tr("not frozen")
        )
        files = ", ".join(f.name for f in detail.files) or self.tr("no file")
        return self.tr(
            "{title}, {period}, {programme}: made by {author}{forced}; {state}. Files: {files}."
        ).format(
            title=kind_text(row.kind),
            period=period_text(row.period.start, row.period.end),
            programme=row.programme or self.tr("all programmes"),
            author=row.author,
            forced=self.tr(" despite blocking findings") if row.forced else "",
            state=state,
            files=files,
        )

    def _update_buttons(self) -> None:
        run = self.selected()
        self.freeze_button.setEnabled(
            self._may_freeze and run is not None and run.frozen_at is None
        )
        self.compare_button.setEnabled(run is not None)
        self.save_button.setEnabled(self.detail is not None and bool(self.detail.files))

    def _failed(self, error: BaseException) -> None:
        self._running = None
        if isinstance(error, KnownError):
            self.status_label.setText(error.text)
            self._dialogs.warn(self, self.title(), error.text)
            return
        raise error

    # -------------------------------------------------------------- drill-down

    def _figure_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            figure = self.figures_model.figure(index.row())
            if figure is not None:
                self.show_households(figure)

    def _change_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        change = self.comparison_model.row(index.row())
        shown = next((f for f in self.figures_model.figure_lines() if f.code == change.code), None)
        self.show_households(
            shown or FigureLine(change.code, change.label, change.unit, change.new, 0)
        )

    def show_households(self, figure: FigureLine) -> None:
        """List the households behind ``figure`` of the selected run, in a small dialog."""
        run = self.selected()
        if run is None:
            return
        ws, run_id = self._workspace, run.id

        def job(control: TaskControl) -> list[RunHousehold]:
            control.checkpoint()
            return figure_households(ws.database, actor=ws.actor, run_id=run_id, code=figure.code)

        def show(households: list[RunHousehold]) -> None:
            if self.dialog is not None:
                self.dialog.deleteLater()
            self.dialog = ReportHouseholdsDialog(figure, households, parent=self)
            self.dialog.open_household.connect(self.open_household)
            self.dialog.open()

        self._tasks.read(job, name="report-figure-households", on_done=show, on_error=self._failed)

    # -------------------------------------------------------------- freeze, compare, save

    def ask_freeze(self) -> None:
        """Freeze the selected run after a confirmation."""
        run = self.selected()
        if run is None or not self._may_freeze or run.frozen_at is not None:
            return
        question = self.tr(
            "Freeze the run of {title}, {period}? It will be kept as sent, with its files, "
            "and never recomputed; later runs of the same period are compared with it."
        ).format(title=kind_text(run.kind), period=period_text(run.period.start, run.period.end))
        if not self._dialogs.confirm(self, self.title(), question):
            return
        ws, run_id = self._workspace, run.id

        def done(_info: object) -> None:
            self.frozen.emit(run_id)
            self.load(select_run=run_id)

        self._tasks.write(
            lambda _c: freeze_run(ws.database, actor=ws.actor, run_id=run_id),
            name="report-freeze",
            on_done=done,
            on_error=self._failed,
        )

    def compare(self) -> None:
        """Compare the selected run with the latest frozen run of its return and period."""
        run = self.selected()
        if run is None:
            return
        ws, run_id = self._workspace, run.id

        def job(control: TaskControl) -> Comparison | None:
            control.checkpoint()
            return compare_with_frozen(ws.database, actor=ws.actor, run_id=run_id)

        self._tasks.read(job, name="report-compare", on_done=self._compared, on_error=self._failed)

    def _compared(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.detail_tabs.setCurrentIndex(1)
        if comparison is None:
            self.comparison_model.set_rows([])
            self.comparison_label.setText(
                self.tr("No other run of this return, period and programme is frozen.")
            )
            return
        self.comparison_model.set_rows(comparison.changes)
        self.comparison_table.resizeColumnsToContents()
        self.comparison_table.resizeRowsToContents()
        frozen = comparison.frozen
        frozen_on = frozen.frozen_at or frozen.created_at
        self.comparison_label.setText(
            self.tr(
                "Compared with the run of {made} frozen on {frozen} by {name}: "
                "{count} figure(s) changed."
            ).format(
                made=format_date(frozen.created_at.astimezone().date()),
                frozen=format_date(frozen_on.astimezone().date()),
                name=frozen.frozen_by or "",
                count=len(comparison.changes),
            )
        )

    def ask_save(self) -> None:
        """Save the stored files of the selected run into a folder chosen by the user."""
        detail = self.detail
        if detail is None or not detail.files:
            return
        folder = self._dialogs.choose_folder(
            self, self.tr("Folder of the run's files"), Path.home()
        )
        if folder is None:
            return
        ws, run_id, names = self._workspace, detail.row.id, [f.name for f in detail.files]

        def files(control: TaskControl) -> list[tuple[Path, bytes]]:
            found = []
            for name in names:
                control.checkpoint()
                data = run_file(ws.database, actor=ws.actor, run_id=run_id, name=name)
                found.append((folder / Path(name).name, data))
            return found

        save_and_offer(
            self,
            title=self.title(),
            tasks=self._tasks,
            dialogs=self._dialogs,
            files=files,
            name="report-run-files",
            on_written=self._written,
            on_error=self._failed,
        )

    def _written(self, paths: list[Path]) -> None:
        self.saved = paths


__all__ = ["RunsTab"]
