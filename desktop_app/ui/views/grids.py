"""« Grilles des financeurs »: keep funders' grids, check their placeholders, fill them (11.3).

The panel lists the grids kept in the database (name, funder, latest version, date), the
versions of the selected grid and the ``{{…}}`` placeholders of the selected version, each
said in words to be recognised (with its French label) or not (with the reason and the nearest
codes) — never by colour alone. « Add a grid… » asks for an ``.xlsx`` file through the
`DialogProvider`, then a name (the file's name unless changed; an existing name adds a new
version of that grid) and a funder. « Fill… » asks for a period (with the quarter and year
shortcuts of the Rapports screen), a return and a programme, then fills the grid on the write
worker with progress and cancel: it records a run of kind ``grid`` — refused while blocking
findings remain, unless « Fill despite blocking findings » is ticked — then asks where to save
the filled file, written under ``NAME.partiel`` then renamed, and offers to open it.
« Indicator codes… » opens the searchable code picker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError, ValidationIssue
from desktop_app.domain.figures import BLOCKING, FNAVDL, IML, PENSION
from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.progress import TaskControl
from desktop_app.services.grids import (
    FilledGrid,
    GridInfo,
    GridInspection,
    GridVersionInfo,
    PlaceholderCheck,
    add_grid,
    fill_grid,
    funder_names,
    grid_file,
    grid_versions,
    inspect_grid,
    list_grids,
)
from desktop_app.services.households import list_filters
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.code_picker import CodePickerDialog
from desktop_app.ui.dialogs.form import FormDialog, date_edit, day_of, qdate
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.models.reports import FindingsTableModel, moment_text
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.report_tabs.produce import (
    CURRENT_QUARTER,
    CURRENT_YEAR,
    PREVIOUS_QUARTER,
    PREVIOUS_YEAR,
    shortcut_period,
)
from desktop_app.ui.views.report_tabs.saving import save_and_offer

XLSX_SUFFIX: Final = ".xlsx"
_MAX_COLUMN: Final = 240  # pixels: the widest a placeholders' column may grow


def braces(text: str) -> str:
    """A placeholder as written in its cell: ``{{households.entries}}``."""
    return "{{" + text + "}}"


def _table(
    model: DtoTableModel[GridInfo] | DtoTableModel[GridVersionInfo], name: str
) -> QTableView:
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


def _xlsx_path(path: Path) -> Path:
    return path if path.suffix.lower() == XLSX_SUFFIX else path.with_name(path.name + XLSX_SUFFIX)


# ------------------------------------------------------------------ adding a grid


class AddGridDialog(FormDialog):
    """The name (the file's name unless changed) and the funder of a grid being added.

    An existing name adds the file as the next version of that grid; the line under the name
    says which. The service's problems (no name, unknown funder, not an xlsx file) are shown
    under their field, and what was typed is kept.
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        path: Path,
        data: bytes,
        grids: Sequence[GridInfo],
        tasks: TaskRunner,
        dialogs: DialogProvider,
        funders: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Add a funder's grid"),
            parent,
            tasks=tasks,
            dialogs=dialogs,
            save_text=self.tr("Add"),
        )
        self._workspace, self._path, self._data = workspace, path, data
        self._grids = {grid.name: grid for grid in grids}
        self.set_intro(
            self.tr(
                "The grid is kept in Seuil with its versions. Under the name of a grid already "
                "kept, this file becomes its next version."
            )
        )
        self.file_edit = QLineEdit(str(path))
        self.file_edit.setReadOnly(True)
        self.field("file", self.tr("&File"), self.file_edit)
        self.name_edit = QLineEdit(path.stem)
        self.field("name", self.tr("&Name"), self.name_edit)
        self.version_label = QLabel()
        self.version_label.setWordWrap(True)
        self.version_label.setAccessibleName(self.tr("Grid or version added"))
        self.form.addRow("", self.version_label)
        self.funder_combo = QComboBox()
        self.funder_combo.setEditable(True)
        self.funder_combo.addItem("")
        known = {g.funder for g in grids if g.funder} | set(funders)
        for funder in sorted(known, key=str.casefold):
            self.funder_combo.addItem(funder)
        self.field("funder", self.tr("F&under (optional)"), self.funder_combo)
        self.name_edit.textChanged.connect(self._name_changed)
        self._name_changed(self.name_edit.text())
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def existing(self) -> GridInfo | None:
        """The kept grid the name typed designates, if any."""
        return self._grids.get(" ".join(self.name_edit.text().split()))

    def _name_changed(self, _text: str) -> None:
        grid = self.existing()
        if grid is None:
            self.version_label.setText(self.tr("A new grid (version 1)."))
            return
        self.version_label.setText(
            self.tr("« {name} » is kept already: this file becomes its version {version}.").format(
                name=grid.name, version=grid.version + 1
            )
        )
        if not self.funder_combo.currentText() and grid.funder:
            self.funder_combo.setEditText(grid.funder)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """`add_grid` with the name, funder, file name and bytes."""
        ws, data, file_name = self._workspace, self._data, self._path.name
        name, funder = self.name_edit.text(), self.funder_combo.currentText().strip() or None
        return lambda: add_grid(
            ws.database, actor=ws.actor, name=name, funder=funder, file_name=file_name, data=data
        )


# ------------------------------------------------------------------ filling a grid


class FillGridDialog(QDialog):
    """Fill a kept grid's version for a period; the findings; the filled file saved.

    Signals:
        filled(int): a run was recorded (its id).
        open_record(int, str): a finding's household, and the kind of record it names.
    """

    filled = Signal(int)
    open_record = Signal(int, str)

    def __init__(
        self,
        workspace: Workspace,
        *,
        grid: GridInfo,
        version: GridVersionInfo,
        programmes: Sequence[str],
        tasks: TaskRunner,
        dialogs: DialogProvider,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._tasks, self._dialogs = workspace, tasks, dialogs
        self._today = today
        self.grid, self.version = grid, version
        self.handle: TaskHandle | None = None
        self.outcome: FilledGrid | None = None
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("Fill « {name} »").format(name=grid.name))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Fill version {version} of « {name} » ({file}) with the figures of a period. "
                "The data are checked first; the run is kept in « Runs »."
            ).format(version=version.version, name=grid.name, file=version.file_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._form(programmes))
        layout.addLayout(self._actions())
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("State of the fill"))
        layout.addWidget(self.status_label)
        self.findings_label = QLabel(self.tr("Data-quality fin&dings"))
        layout.addWidget(self.findings_label)
        self.findings_model = FindingsTableModel()
        self.findings_table = QTableView()
        self.findings_table.setAccessibleName(self.tr("Data-quality findings"))
        self.findings_table.setModel(self.findings_model)
        self.findings_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_table.setTabKeyNavigation(False)
        self.findings_table.verticalHeader().setVisible(False)
        self.findings_table.horizontalHeader().setStretchLastSection(True)
        self.findings_table.activated.connect(self._finding_activated)
        self.findings_label.setBuddy(self.findings_table)
        layout.addWidget(self.findings_table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_period(shortcut_period(PREVIOUS_QUARTER, today()))
        self._update_buttons()
        self.resize(820, 560)

    # -------------------------------------------------------------- building

    def _form(self, programmes: Sequence[str]) -> QGridLayout:
        grid = QGridLayout()
        self.start_edit: QDateEdit = date_edit(self._today())
        self.start_edit.setAccessibleName(self.tr("Period from"))
        self.end_edit: QDateEdit = date_edit(self._today())
        self.end_edit.setAccessibleName(self.tr("Period to"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(
            self.tr("Return whose scope applies to placeholders naming none")
        )
        for text, kind in (
            (self.tr("All programmes"), None),
            (self.tr("FNAVDL"), FNAVDL),
            (self.tr("IML"), IML),
            (self.tr("Pension"), PENSION),
        ):
            self.kind_combo.addItem(text, kind)
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName(self.tr("Programme (optional)"))
        self.programme_combo.addItem(self.tr("Every programme of the return"), None)
        for name in programmes:
            self.programme_combo.addItem(name, name)
        for column, (label, widget) in enumerate(
            (
                (self.tr("&From"), self.start_edit),
                (self.tr("&To"), self.end_edit),
                (self.tr("&Return"), self.kind_combo),
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
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, w=which: self.use_shortcut(w))
            shortcuts.addWidget(button)
            self.shortcut_buttons[which] = button
        shortcuts.addStretch(1)
        grid.addLayout(shortcuts, 1, 0, 1, 8)
        return grid

    def _actions(self) -> QVBoxLayout:
        column = QVBoxLayout()
        row = QHBoxLayout()
        self.fill_button = QPushButton(self.tr("F&ill"))
        self.fill_button.setAccessibleName(
            self.tr("Check the data, fill the grid and record the run")
        )
        self.fill_button.setDefault(True)
        self.force_check = QCheckBox(self.tr("Fill despite &blocking findings"))
        self.force_check.setAccessibleName(
            self.tr("Fill despite blocking findings (recorded in the run)")
        )
        self.force_check.setVisible(may_ever(self._workspace.actor, "returns.run"))
        row.addWidget(self.fill_button)
        row.addWidget(self.force_check)
        row.addStretch(1)
        self.fill_button.clicked.connect(self.fill)
        progress = QHBoxLayout()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Progress of the fill"))
        self.progress_bar.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Ca&ncel"))
        self.cancel_button.setAccessibleName(self.tr("Stop filling the grid"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        progress.addWidget(self.progress_bar, 1)
        progress.addWidget(self.cancel_button)
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        column.addLayout(row)
        column.addLayout(progress)
        return column

    # -------------------------------------------------------------- the form

    def title(self) -> str:
        """The title of every question and message of this dialog."""
        return self.tr("Funder grids")

    def kind(self) -> str | None:
        """The return chosen, None for every programme of the association."""
        data = self.kind_combo.currentData()
        return None if data is None else str(data)

    def programme(self) -> str | None:
        """The programme chosen by name, None for every programme of the return."""
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

    def _update_buttons(self) -> None:
        running = self.handle is not None
        self.fill_button.setEnabled(not running)
        for button in self.shortcut_buttons.values():
            button.setEnabled(not running)

    # -------------------------------------------------------------- filling

    def fill(self) -> TaskHandle | None:
        """Fill the grid on the write worker (a run is recorded); None when the form is wrong."""
        if self.handle is not None:
            return None
        period = self.period()
        if period is None:
            self.status_label.setText(self.tr("The period ends before it starts."))
            return None
        ws, version_id, name = self._workspace, self.version.id, self.grid.name
        kind, programme, today = self.kind(), self.programme(), self._today()
        force = self.force_check.isChecked()

        def job(control: TaskControl) -> FilledGrid:
            data = grid_file(ws.database, actor=ws.actor, version_id=version_id)
            control.checkpoint()
            return fill_grid(
                ws.database,
                actor=ws.actor,
                data=data,
                period=period,
                today=today,
                kind=kind,
                programme=programme,
                force=force,
                grid_name=name,
                version_id=version_id,
                control=control,
            )

        handle = self._tasks.write(
            job, name="grid-fill", on_done=self._filled, on_error=self._failed
        )
        self.handle = handle
        handle.progress.connect(self._show_progress)
        handle.cancelled.connect(self._cancelled)
        handle.done.connect(self._ended)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.status_label.setText(self.tr("Checking the data and filling the grid…"))
        self._update_buttons()
        return handle

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def cancel(self) -> None:
        """Ask the running fill to stop (nothing is recorded)."""
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
        if isinstance(error, InvalidInput):
            text = "\n".join(issue.text for issue in error.issues) or error.text
        elif isinstance(error, KnownError):
            text = error.text
        else:
            raise error
        self.status_label.setText(text)
        self._dialogs.warn(self, self.title(), text)

    def _filled(self, result: FilledGrid) -> None:
        self.outcome = result
        self.findings_model.set_rows(sorted(result.findings, key=lambda f: f.level != BLOCKING))
        self.findings_table.resizeColumnsToContents()
        if result.blocked:
            text = self.tr(
                "Not filled: {count} blocking finding(s). Correct them and fill again, or tick "
                "« Fill despite blocking findings » (the override is recorded in the run)."
            ).format(count=len(result.blocking))
            self.status_label.setText(text)
            self._dialogs.warn(self, self.title(), text)
            self.findings_table.setFocus()
            return
        assert result.run_id is not None
        self.filled.emit(result.run_id)
        self.status_label.setText(
            self.tr(
                "Filled: {cells} placeholder(s), {warnings} warning(s); run n° {run}{forced}."
            ).format(
                cells=result.cells,
                warnings=len(result.findings) - len(result.blocking),
                run=result.run_id,
                forced=self.tr(" (filled despite blocking findings)") if result.forced else "",
            )
        )
        self.ask_save(result)

    def ask_save(self, result: FilledGrid) -> None:
        """Ask where to save the filled grid, then write it off the GUI thread."""
        chosen = self._dialogs.save_file(
            self,
            self.tr("Save the filled grid"),
            Path.home() / (result.file_name or f"{self.grid.name}{XLSX_SUFFIX}"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen is None:
            self._dialogs.inform(
                self,
                self.title(),
                self.tr(
                    "The run was recorded without saving the filled grid: « Runs » keeps it, "
                    "« Save the files… » writes it later."
                ),
            )
            return
        files = [(_xlsx_path(chosen), result.data)]
        save_and_offer(
            self,
            title=self.title(),
            tasks=self._tasks,
            dialogs=self._dialogs,
            files=lambda _c: files,
            name="grid-save",
            on_written=self._written,
            on_error=self._failed_save,
        )

    def _written(self, paths: list[Path]) -> None:
        self.written = paths

    def _failed_save(self, error: BaseException) -> None:
        raise error

    def _finding_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        finding = self.findings_model.row(index.row())
        if finding.household_id is None:
            return
        self.open_record.emit(finding.household_id, finding.record)


# ------------------------------------------------------------------ the panel


class GridsPanel(QWidget):
    """The kept grids, their versions, the placeholders of a version; add, fill, codes.

    Signals:
        filled(int): a grid was filled and its run recorded (the run's id).
        open_record(int, str): a finding's household, and the kind of record it names.
    """

    filled = Signal(int)
    open_record = Signal(int, str)

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
        self._loaded_once = False
        self._wanted: int | None = None
        self._reading_versions: TaskHandle | None = None
        self._reading_placeholders: TaskHandle | None = None
        self._versions_key: tuple[int, int] | None = None
        self.programmes: list[str] = []
        self.inspection: GridInspection | None = None
        self.inspected_version: int | None = None
        self.add_dialog: AddGridDialog | None = None
        self.fill_dialog: FillGridDialog | None = None
        self.code_picker: CodePickerDialog | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._actions())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._grids())
        splitter.addWidget(self._details())
        layout.addWidget(splitter, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("State of the funder grids"))
        layout.addWidget(self.status_label)
        self._update_buttons()

    # -------------------------------------------------------------- building

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a grid…"))
        self.add_button.setAccessibleName(
            self.tr("Add a funder's grid (an Excel .xlsx file) or a new version of one")
        )
        self.add_button.setVisible(may_ever(self._workspace.actor, "returns.run"))
        self.fill_button = QPushButton(self.tr("F&ill…"))
        self.fill_button.setAccessibleName(
            self.tr("Fill the selected version of the grid for a period")
        )
        self.codes_button = QPushButton(self.tr("Indicator &codes…"))
        self.codes_button.setAccessibleName(
            self.tr("Search the indicator codes and copy a placeholder to paste into a grid")
        )
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.setAccessibleName(self.tr("Read the grids again"))
        for button in (self.add_button, self.fill_button, self.codes_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        self.add_button.clicked.connect(self.ask_add)
        self.fill_button.clicked.connect(self.ask_fill)
        self.codes_button.clicked.connect(self.show_codes)
        self.refresh_button.clicked.connect(lambda: self.load(None))
        return row

    def _grids(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Grids kept"))
        column.addWidget(caption)
        self.model: DtoTableModel[GridInfo] = DtoTableModel(
            [
                (self.tr("Name"), lambda g: g.name),
                (self.tr("Funder"), lambda g: g.funder or "—"),
                (
                    self.tr("Latest version"),
                    lambda g: self.tr("{version} of {count}").format(
                        version=g.version, count=g.versions
                    ),
                ),
                (self.tr("Added on"), lambda g: moment_text(g.added_at)),
                (self.tr("File"), lambda g: g.file_name),
            ]
        )
        self.table = _table(self.model, self.tr("Funder grids kept"))
        caption.setBuddy(self.table)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._grid_selected())
        column.addWidget(self.table, 1)
        return box

    def _details(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        versions = QWidget()
        versions_layout = QVBoxLayout(versions)
        versions_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("&Versions"))
        versions_layout.addWidget(caption)
        self.versions_model: DtoTableModel[GridVersionInfo] = DtoTableModel(
            [
                (self.tr("Version"), lambda v: str(v.version)),
                (self.tr("File"), lambda v: v.file_name),
                (self.tr("Added on"), lambda v: moment_text(v.added_at)),
                (self.tr("Added by"), lambda v: v.added_by),
            ]
        )
        self.versions_table = _table(self.versions_model, self.tr("Versions of the selected grid"))
        caption.setBuddy(self.versions_table)
        self.versions_table.selectionModel().selectionChanged.connect(
            lambda *_a: self._version_selected()
        )
        versions_layout.addWidget(self.versions_table, 1)
        placeholders = QWidget()
        placeholders_layout = QVBoxLayout(placeholders)
        placeholders_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholders_label = QLabel(self.tr("&Placeholders"))
        placeholders_layout.addWidget(self.placeholders_label)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName(self.tr("Placeholders recognised or not"))
        placeholders_layout.addWidget(self.summary_label)
        self.placeholders_model: DtoTableModel[PlaceholderCheck] = DtoTableModel(
            [
                (self.tr("Sheet"), lambda p: p.sheet),
                (self.tr("Cell"), lambda p: p.cell),
                (self.tr("Placeholder"), lambda p: braces(p.text)),
                (self.tr("State"), self.state_text),
                (self.tr("Meaning or problem"), self.meaning_text),
            ]
        )
        self.placeholders_table = QTableView()
        self.placeholders_table.setAccessibleName(self.tr("Placeholders of the selected version"))
        self.placeholders_table.setModel(self.placeholders_model)
        self.placeholders_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.placeholders_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.placeholders_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.placeholders_table.setTabKeyNavigation(False)
        self.placeholders_table.verticalHeader().setVisible(False)
        self.placeholders_table.horizontalHeader().setStretchLastSection(True)
        self.placeholders_label.setBuddy(self.placeholders_table)
        placeholders_layout.addWidget(self.placeholders_table, 1)
        splitter.addWidget(versions)
        splitter.addWidget(placeholders)
        splitter.setStretchFactor(1, 2)
        return splitter

    def title(self) -> str:
        """The title of every question and message of this panel."""
        return self.tr("Funder grids")

    def set_today(self, today: Callable[[], date]) -> None:
        """Use another clock (a fixed day for tests and screenshots)."""
        self._today = today

    # -------------------------------------------------------------- texts

    def state_text(self, placeholder: PlaceholderCheck) -> str:
        """« Recognised » or « Not recognised », in words."""
        return self.tr("Recognised") if placeholder.recognised else self.tr("Not recognised")

    def meaning_text(self, placeholder: PlaceholderCheck) -> str:
        """The French label of a recognised placeholder; else the reason and the nearest codes."""
        if placeholder.recognised:
            return placeholder.label
        text = placeholder.error or ""
        if placeholder.suggestions and not all(code in text for code in placeholder.suggestions):
            text += self.tr(" Nearest codes: {codes}.").format(
                codes=", ".join(placeholder.suggestions)
            )
        return text.strip()

    # -------------------------------------------------------------- the lists

    def showEvent(self, event: QShowEvent) -> None:
        """Read the grids the first time the panel is shown."""
        super().showEvent(event)
        if not self._loaded_once:
            self.load()

    def load(self, select_grid: int | None = None) -> None:
        """Read the grids (and the programmes), then select ``select_grid`` or the one selected."""
        self._loaded_once = True
        selected = self.selected()
        self._wanted = (
            select_grid if select_grid is not None else (selected.id if selected else None)
        )
        ws = self._workspace

        def job(control: TaskControl) -> tuple[list[GridInfo], list[str]]:
            control.checkpoint()
            grids = list_grids(ws.database, actor=ws.actor)
            filters = list_filters(ws.database, actor=ws.actor)
            return grids, [name for _pid, name in filters.programmes]

        self.status_label.setText(self.tr("Reading the grids…"))
        self._tasks.read(job, name="grids-list", on_done=self._listed, on_error=self._failed)

    def _listed(self, loaded: tuple[list[GridInfo], list[str]]) -> None:
        grids, self.programmes = loaded
        self.model.set_rows(grids)
        self.table.resizeColumnsToContents()
        self.status_label.setText(
            self.tr("{count} grid(s) kept.").format(count=len(grids))
            if grids
            else self.tr(
                "No grid kept yet: « Add a grid… » keeps a funder's Excel grid whose cells hold "
                "placeholders such as {{households.entries}} (« Indicator codes… » lists them)."
            )
        )
        rows = {grid.id: row for row, grid in enumerate(grids)}
        wanted = rows.get(self._wanted) if self._wanted is not None else None
        if wanted is None and grids:
            wanted = 0
        if wanted is not None:
            self.table.selectRow(wanted)
        self._grid_selected()

    def grids(self) -> list[GridInfo]:
        """Every grid listed."""
        return [self.model.row(row) for row in range(self.model.rowCount())]

    def selected(self) -> GridInfo | None:
        """The grid selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def selected_version(self) -> GridVersionInfo | None:
        """The version selected, if any."""
        rows = self.versions_table.selectionModel().selectedRows()
        return self.versions_model.row(rows[0].row()) if rows else None

    def _grid_selected(self) -> None:
        grid = self.selected()
        key = (grid.id, grid.version) if grid is not None else None
        if key == self._versions_key:
            return  # the same grid and latest version: its versions are listed or being read
        self._versions_key = key
        self.versions_model.set_rows([])
        self._show_inspection(None, None)
        if grid is None:
            return
        ws, grid_id = self._workspace, grid.id

        def job(control: TaskControl) -> list[GridVersionInfo]:
            control.checkpoint()
            return grid_versions(ws.database, actor=ws.actor, grid_id=grid_id)

        if self._reading_versions is not None:
            self._reading_versions.cancel()
        self._reading_versions = self._tasks.read(
            job, name="grid-versions", on_done=self._versions_listed, on_error=self._failed
        )

    def _versions_listed(self, versions: list[GridVersionInfo]) -> None:
        self._reading_versions = None
        grid = self.selected()
        if grid is None or not versions or versions[0].grid_id != grid.id:
            return  # another grid was selected meanwhile
        self.versions_model.set_rows(versions)
        self.versions_table.resizeColumnsToContents()
        self.versions_table.selectRow(0)

    def _version_selected(self) -> None:
        version = self.selected_version()
        self._show_inspection(None, None)
        if version is None:
            return
        ws, version_id = self._workspace, version.id

        def job(control: TaskControl) -> tuple[int, GridInspection]:
            data = grid_file(ws.database, actor=ws.actor, version_id=version_id)
            control.checkpoint()
            return version_id, inspect_grid(data)

        if self._reading_placeholders is not None:
            self._reading_placeholders.cancel()
        self.summary_label.setText(self.tr("Reading the placeholders…"))
        self._reading_placeholders = self._tasks.read(
            job, name="grid-placeholders", on_done=self._inspected, on_error=self._failed
        )

    def _inspected(self, result: tuple[int, GridInspection]) -> None:
        self._reading_placeholders = None
        version_id, inspection = result
        version = self.selected_version()
        if version is None or version.id != version_id:
            return  # another version was selected meanwhile
        self._show_inspection(version_id, inspection)

    def _show_inspection(self, version_id: int | None, inspection: GridInspection | None) -> None:
        self.inspection, self.inspected_version = inspection, version_id
        self.placeholders_model.set_rows(inspection.placeholders if inspection else [])
        if inspection is None:
            self.summary_label.setText("")
        else:
            table = self.placeholders_table
            table.resizeColumnsToContents()
            # a long placeholder or meaning is read whole in its tooltip; the last column stretches
            for column in range(self.placeholders_model.columnCount()):
                table.setColumnWidth(column, min(table.columnWidth(column), _MAX_COLUMN))
            self.summary_label.setText(self.summary(inspection))
        self._update_buttons()

    def summary(self, inspection: GridInspection) -> str:
        """How many placeholders, recognised or not, and what to do about the others."""
        total, unknown = len(inspection.placeholders), len(inspection.unknown)
        if total == 0:
            return self.tr(
                "No placeholder in this version: write {{code}} in the cells to fill "
                "(« Indicator codes… » copies them), then add the grid again."
            )
        text = self.tr("{total} placeholder(s): {recognised} recognised, {unknown} not recognised.")
        text = text.format(total=total, recognised=total - unknown, unknown=unknown)
        if unknown:
            text += " " + self.tr(
                "Correct them in the grid, then add it again under the same name (a new "
                "version) before filling it."
            )
        return text

    def _update_buttons(self) -> None:
        inspection = self.inspection
        ready = (
            inspection is not None
            and bool(inspection.placeholders)
            and not inspection.unknown
            and self.selected_version() is not None
        )
        self.fill_button.setEnabled(ready)

    def _failed(self, error: BaseException) -> None:
        self._versions_key = None  # read again on the next selection or refresh
        if isinstance(error, KnownError):
            self.status_label.setText(error.text)
            self._dialogs.warn(self, self.title(), error.text)
            return
        raise error

    # -------------------------------------------------------------- actions

    def ask_add(self) -> None:
        """Choose an .xlsx file, read it off the GUI thread, then ask its name and funder."""
        path = self._dialogs.open_file(
            self, self.tr("Add a funder's grid"), self.tr("Excel workbook (*.xlsx)")
        )
        if path is None:
            return
        ws = self._workspace
        self._tasks.read(
            lambda _c: (path.read_bytes(), funder_names(ws.database, actor=ws.actor)),
            name="grid-read-file",
            on_done=lambda read: self._file_read(path, *read),
            on_error=self._read_failed,
        )

    def _file_read(self, path: Path, data: bytes, funders: list[str]) -> None:
        self.show_add(path, data, funders)

    def _read_failed(self, error: BaseException) -> None:
        if isinstance(error, OSError):
            self._dialogs.warn(
                self,
                self.title(),
                self.tr("The file could not be read: {error}").format(
                    error=error.strerror or str(error)
                ),
            )
            return
        self._failed(error)

    def show_add(self, path: Path, data: bytes, funders: Sequence[str] = ()) -> AddGridDialog:
        """The dialog asking the name and funder of the grid read from ``path``."""
        if self.add_dialog is not None:
            self.add_dialog.deleteLater()
        dialog = AddGridDialog(
            self._workspace,
            path=path,
            data=data,
            grids=self.grids(),
            tasks=self._tasks,
            dialogs=self._dialogs,
            funders=funders,
            parent=self,
        )
        dialog.saved.connect(self._added)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _added(self, info: object) -> None:
        assert isinstance(info, GridInfo)
        self.load(select_grid=info.id)
        self.status_label.setText(
            self.tr("« {name} »: version {version} kept.").format(
                name=info.name, version=info.version
            )
        )

    def ask_fill(self) -> FillGridDialog | None:
        """The dialog filling the selected version (only when every placeholder is recognised)."""
        grid, version = self.selected(), self.selected_version()
        if grid is None or version is None or not self.fill_button.isEnabled():
            return None
        if self.fill_dialog is not None:
            self.fill_dialog.deleteLater()
        dialog = FillGridDialog(
            self._workspace,
            grid=grid,
            version=version,
            programmes=self.programmes,
            tasks=self._tasks,
            dialogs=self._dialogs,
            today=self._today,
            parent=self,
        )
        dialog.filled.connect(self.filled)
        dialog.open_record.connect(self.open_record)
        self.fill_dialog = dialog
        dialog.open()
        return dialog

    def show_codes(self) -> CodePickerDialog:
        """The code picker (one window, raised again when already open)."""
        if self.code_picker is None:
            self.code_picker = CodePickerDialog(self)
        self.code_picker.show()
        self.code_picker.raise_()
        self.code_picker.activateWindow()
        return self.code_picker


__all__ = ["AddGridDialog", "FillGridDialog", "GridsPanel", "braces"]
