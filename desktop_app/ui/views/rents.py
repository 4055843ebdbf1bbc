"""Loyers et impayés: every contract in arrears on a day, its ladder, its steps and its letters.

The list comes from `services.arrears.arrears_list` on the read worker (one row per contract
with a debt in default, DOMAIN §4); it is bounded by the association's contracts, so it is
sorted and filtered in memory by a `QSortFilterProxyModel`. Levels are written out (French
label and code), never shown by colour alone. Amounts are left empty, and their columns hidden,
for whoever may not read the accounts' amounts. Enter or a double click on a row opens the
household's file (``open_household``); the buttons record a step, write a letter (opened once
written) and export the rows shown to an Excel workbook (DOMAIN §4.9), written atomically.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.arrears import LEVELS, level_label, level_rank
from desktop_app.domain.errors import KnownError
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.text import normalise
from desktop_app.reports.xlsx.arrears import ArrearsRow, render_arrears
from desktop_app.services.arrears import ArrearsLine, arrears_list
from desktop_app.services.arrears_actions import (
    ArrearsActionInfo,
    LetterIssued,
    contract_programmes,
    list_actions,
    record_arrears_export,
)
from desktop_app.services.documents import read_document_content
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.arrears_action import ArrearsActionDialog, DeliveryDialog, LetterDialog
from desktop_app.ui.dialogs.form import date_edit, day_of
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.base import SectionView
from desktop_app.ui.views.household_tabs.documents import safe_file_name
from desktop_app.ui.views.month_work import MonthWorkBar

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1
_CONTEXT = "ArrearsTableModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Household"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Head of household"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Dwelling"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Programme"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Level"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Level code"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Debt"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Housing debt"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "First default"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Next reminder"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "What to do"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Statuses"),
    QT_TRANSLATE_NOOP("ArrearsTableModel", "Key worker"),
)
(
    HOUSEHOLD,
    HEAD,
    DWELLING,
    PROGRAMME,
    LEVEL,
    LEVEL_CODE,
    DEBT,
    HOUSING_DEBT,
    FIRST_DEFAULT,
    NEXT_DUE,
    NEXT_TEXT,
    STATUSES,
    KEY_WORKER,
) = range(len(_HEADERS))
AMOUNT_COLUMNS: Final = (DEBT, HOUSING_DEBT)
STATUS_SEPARATOR: Final = " ; "
_EXPORT_NAME: Final = "impayes_{day}.xlsx"


def _translate(text: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(text))


@dataclass(frozen=True, slots=True)
class RentsRow:
    """A contract in arrears and the programme of its dwelling."""

    line: ArrearsLine
    programme: str

    @property
    def next_due(self) -> date | None:
        """The due date of the earliest open reminder."""
        reminder = self.line.assessment.next_reminder
        return reminder.due if reminder else None

    @property
    def next_text(self) -> str:
        """What the earliest open reminder asks, in French."""
        reminder = self.line.assessment.next_reminder
        return reminder.text if reminder else ""

    @property
    def statuses(self) -> str:
        """The statuses shown beside the level, in French."""
        return STATUS_SEPARATOR.join(s.text for s in self.line.assessment.statuses)


def _date_text(day: date | None) -> str:
    return format_date(day) if day else ""


def _money_text(cents: int | None) -> str:
    return format_eur(cents) if cents is not None else ""


_TEXT: Final[tuple[Callable[[RentsRow], str], ...]] = (
    lambda r: r.line.household_reference,
    lambda r: r.line.head,
    lambda r: r.line.dwelling_reference,
    lambda r: r.programme,
    lambda r: level_label(r.line.level),
    lambda r: r.line.level,
    lambda r: _money_text(r.line.debt),
    lambda r: _money_text(r.line.housing_debt),
    lambda r: _date_text(r.line.assessment.ladder.episode_start),
    lambda r: _date_text(r.next_due),
    lambda r: r.next_text,
    lambda r: r.statuses,
    lambda r: r.line.key_worker or "",
)


def _sort_key(row: RentsRow, column: int) -> int | str:
    """What a column sorts by: ranks and cents as numbers, dates as ISO text."""
    if column in (LEVEL, LEVEL_CODE):
        return level_rank(row.line.level)
    if column == DEBT:
        return row.line.debt if row.line.debt is not None else -1
    if column == HOUSING_DEBT:
        return row.line.housing_debt if row.line.housing_debt is not None else -1
    if column == FIRST_DEFAULT:
        start = row.line.assessment.ladder.episode_start
        return start.isoformat() if start else ""
    if column == NEXT_DUE:
        return row.next_due.isoformat() if row.next_due else "9999"
    return normalise(_TEXT[column](row))


class ArrearsTableModel(QAbstractTableModel):
    """The contracts in arrears, in the service's order (level, then debt); replaced whole."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RentsRow] = []

    def set_rows(self, rows: Sequence[RentsRow]) -> None:
        """Show these contracts."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> RentsRow:
        """The contract on a row."""
        return self._rows[index]

    def rows(self) -> list[RentsRow]:
        """Every contract held."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per contract (a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The columns of `_HEADERS`."""
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text (also as tooltip), its sort key, amounts aligned right."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _TEXT[column](row)
        if role == SORT_ROLE:
            return _sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in AMOUNT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The translated column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return _translate(_HEADERS[section])
        return None


class ArrearsFilterProxy(QSortFilterProxyModel):
    """Keeps the rows of a level and a programme where every word typed appears.

    Words are looked for, accents and case ignored, in the references, names, programme,
    level, reminder, statuses and key worker.
    """

    def __init__(self) -> None:
        super().__init__()
        self._level: str | None = None
        self._programme: str | None = None
        self._words: tuple[str, ...] = ()
        self.setSortRole(SORT_ROLE)

    def set_filters(self, *, level: str | None, programme: str | None, text: str) -> None:
        """Filter on a level code, a programme name (None: any) and a text (empty: any)."""
        self.beginFilterChange()
        self._level, self._programme = level, programme
        self._words = tuple(normalise(text).split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """The level, the programme, then every word."""
        source = self.sourceModel()
        if not isinstance(source, ArrearsTableModel) or source_parent.isValid():
            return True
        row = source.row(source_row)
        if self._level is not None and row.line.level != self._level:
            return False
        if self._programme is not None and row.programme != self._programme:
            return False
        if not self._words:
            return True
        haystack = normalise(" ".join(text(row) for text in _TEXT))
        return all(word in haystack for word in self._words)


def _table(model: QAbstractTableModel | QSortFilterProxyModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


@dataclass(frozen=True, slots=True)
class _Loaded:
    on: date
    rows: list[RentsRow]


class RentsView(SectionView):
    """« Loyers et impayés »: filters, the contracts in arrears, the selected contract's steps.

    Signals:
        open_household(int): the household whose file (its account) to open.
    """

    open_household = Signal(int)

    def __init__(  # noqa: PLR0915 - one screen, built top to bottom
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        on: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._dialogs = dialogs
        actor = workspace.actor
        self._amounts = may_ever(actor, "ledger.read_amounts")
        self._editable = may_ever(actor, "contract.edit")
        self._running: TaskHandle | None = None
        self._wanted: int | None = None  # the contract to select once the list is read
        self._on = on or date.today()
        self._scratch: Path | None = None
        self.action_dialog: ArrearsActionDialog | None = None
        self.letter_dialog: LetterDialog | None = None
        self.delivery_dialog: DeliveryDialog | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        self.model = ArrearsTableModel()
        self.proxy = ArrearsFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = _table(self.proxy, self.tr("Contracts in arrears"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LEVEL, Qt.SortOrder.DescendingOrder)
        for column in AMOUNT_COLUMNS:
            self.table.setColumnHidden(column, not self._amounts)
        layout.addWidget(self.table, 3)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open the household"))
        self.record_button = QPushButton(self.tr("Record a &step…"))
        self.letter_button = QPushButton(self.tr("&Letter…"))
        self.record_button.setVisible(self._editable)
        self.letter_button.setVisible(self._editable and self._amounts)
        for button in (self.open_button, self.record_button, self.letter_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self._month_work(workspace, tasks, dialogs))
        layout.addWidget(self._actions_box(), 2)
        self.on_edit.dateChanged.connect(lambda _day: self.refresh())
        self.level_combo.currentIndexChanged.connect(lambda _index: self._filter())
        self.programme_combo.currentIndexChanged.connect(lambda _index: self._filter())
        self.search_edit.textChanged.connect(lambda _text: self._filter())
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.open_button.clicked.connect(self.open_selected)
        self.record_button.clicked.connect(lambda _checked: self.ask_record())
        self.letter_button.clicked.connect(lambda _checked: self.ask_letter())
        self._selection_changed()
        self.refresh()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.on_edit = date_edit(self._on)
        self.level_combo = QComboBox()
        self.level_combo.addItem(self.tr("Every level"), None)
        for level in LEVELS[1:]:
            self.level_combo.addItem(f"{level_label(level)} ({level})", level)
        self.programme_combo = QComboBox()
        self.programme_combo.addItem(self.tr("Every programme"), None)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Reference, name, key worker…"))
        self.search_edit.setClearButtonEnabled(True)
        for caption, widget, stretch in (
            (self.tr("On"), self.on_edit, 0),
            (self.tr("Level"), self.level_combo, 1),
            (self.tr("Programme"), self.programme_combo, 1),
            (self.tr("Search"), self.search_edit, 2),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            widget.setAccessibleName(caption)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        self.on_edit.setAccessibleName(self.tr("Situation on"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setAccessibleName(self.tr("Export the rows shown to Excel"))
        self.export_button.setVisible(self._amounts)
        row.addWidget(self.refresh_button)
        row.addWidget(self.export_button)
        return row

    def _actions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Steps taken"))
        column = QVBoxLayout(box)
        self.actions_model: DtoTableModel[ArrearsActionInfo] = DtoTableModel(
            [
                (self.tr("Date"), lambda a: format_date(a.action_date)),
                (self.tr("Step"), lambda a: a.label),
                (self.tr("Outcome"), lambda a: a.outcome_label),
                (self.tr("Amount"), lambda a: _money_text(a.amount)),
                (self.tr("Delivered on"), lambda a: _date_text(a.delivered_on)),
                (
                    self.tr("Letter"),
                    lambda a: self.tr("yes") if a.document_id is not None else "",
                ),
                (self.tr("By"), lambda a: a.created_by or ""),
                (self.tr("Detail"), lambda a: a.detail or ""),
            ]
        )
        self.actions_table = _table(self.actions_model, self.tr("Steps taken"))
        column.addWidget(self.actions_table, 1)
        row = QHBoxLayout()
        self.open_letter_button = QPushButton(self.tr("Open the le&tter"))
        self.delivery_button = QPushButton(self.tr("Proof of &delivery…"))
        self.delivery_button.setVisible(self._editable)
        row.addWidget(self.open_letter_button)
        row.addWidget(self.delivery_button)
        row.addStretch(1)
        column.addLayout(row)
        self.actions_table.selectionModel().selectionChanged.connect(
            lambda *_: self._action_selection_changed()
        )
        self.actions_table.activated.connect(lambda _index: self.open_letter())
        self.open_letter_button.clicked.connect(self.open_letter)
        self.delivery_button.clicked.connect(self.ask_delivery)
        self._action_selection_changed()
        return box

    def _month_work(
        self, workspace: Workspace, tasks: TaskRunner, dialogs: DialogProvider
    ) -> MonthWorkBar:
        self.month_work = MonthWorkBar(workspace, tasks=tasks, dialogs=dialogs)
        self.month_work.changed.connect(self.refresh)
        return self.month_work

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Rents and arrears")

    # -------------------------------------------------------------- reading

    def on(self) -> date:
        """The day the situation is shown for."""
        return day_of(self.on_edit)

    def set_on(self, day: date) -> None:
        """Show the situation on ``day`` (read again)."""
        self.on_edit.setDate(QDate(day.year, day.month, day.day))

    def refresh(self) -> None:
        """Read the contracts in arrears on the chosen day, keeping the selection."""
        if self._running is not None:
            self._running.cancel()
        current = self.selected()
        if current is not None and self._wanted is None:
            self._wanted = current.line.contract_id
        ws, on = self._workspace, self.on()

        def job(control: TaskControl) -> _Loaded:
            control.checkpoint()
            lines = arrears_list(ws.database, actor=ws.actor, on=on)
            control.checkpoint()
            programmes = contract_programmes(
                ws.database, actor=ws.actor, contract_ids=[line.contract_id for line in lines]
            )
            rows = [RentsRow(line, programmes.get(line.contract_id, "")) for line in lines]
            return _Loaded(on, rows)

        self.count_label.setText(self.tr("Reading the accounts…"))
        self._running = self._tasks.read(
            job, name="arrears-list", on_done=self._show, on_error=self._failed
        )

    def _show(self, loaded: _Loaded) -> None:
        self._running = None
        self._on = loaded.on
        wanted, self._wanted = self._wanted, None
        self.model.set_rows(loaded.rows)
        self._fill_programmes(sorted({row.programme for row in loaded.rows if row.programme}))
        self._update_count()
        for proxy_row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
            if self.model.row(source.row()).line.contract_id == wanted:
                self.table.selectRow(proxy_row)
                break
        else:
            self._selection_changed()

    def _fill_programmes(self, names: list[str]) -> None:
        chosen = self.programme_combo.currentData()
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        self.programme_combo.addItem(self.tr("Every programme"), None)
        for name in names:
            self.programme_combo.addItem(name, name)
        index = self.programme_combo.findData(chosen) if chosen is not None else 0
        self.programme_combo.setCurrentIndex(max(index, 0))
        self.programme_combo.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filters(
            level=self.level_combo.currentData(),
            programme=self.programme_combo.currentData(),
            text=self.search_edit.text(),
        )
        self._update_count()
        if not self.table.selectionModel().selectedRows():
            self._selection_changed()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = self.tr("{count} contract(s) in arrears on {day}.").format(
            count=total, day=format_date(self._on)
        )
        if shown != total:
            text += " " + self.tr("{shown} shown.").format(shown=shown)
        self.count_label.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._running = None
        if isinstance(error, KnownError):
            self.count_label.setText(error.text)
            self._dialogs.warn(self, self.tr("Rents and arrears"), error.text)
            return
        raise error

    def shown_rows(self) -> list[RentsRow]:
        """The rows the filters keep, in the order shown."""
        return [
            self.model.row(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def selected(self) -> RentsRow | None:
        """The contract selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]).row())

    def _require_selection(self) -> RentsRow | None:
        row = self.selected()
        if row is None:
            self._dialogs.inform(
                self, self.tr("Rents and arrears"), self.tr("Select a contract first.")
            )
        return row

    def _selection_changed(self) -> None:
        row = self.selected()
        for button in (self.open_button, self.record_button, self.letter_button):
            button.setEnabled(row is not None)
        self.actions_model.set_rows([])
        self._action_selection_changed()
        if row is not None:
            self._read_actions(row.line.contract_id)

    # -------------------------------------------------------------- the selected contract

    def open_selected(self) -> None:
        """Ask for the selected contract's household file (its account)."""
        row = self._require_selection()
        if row is not None:
            self.open_household.emit(row.line.household_id)

    def _read_actions(self, contract_id: int) -> None:
        ws = self._workspace
        self._tasks.read(
            lambda _c: list_actions(ws.database, actor=ws.actor, contract_id=contract_id),
            name="arrears-actions",
            on_done=lambda actions: self._show_actions(contract_id, actions),
            on_error=self._refused,
        )

    def _show_actions(self, contract_id: int, actions: list[ArrearsActionInfo]) -> None:
        row = self.selected()
        if row is None or row.line.contract_id != contract_id:
            return  # the selection moved on meanwhile
        self.actions_model.set_rows(actions)
        self._action_selection_changed()

    def selected_action(self) -> ArrearsActionInfo | None:
        """The step selected in the lower table, if any."""
        rows = self.actions_table.selectionModel().selectedRows()
        return self.actions_model.row(rows[0].row()) if rows else None

    def _action_selection_changed(self) -> None:
        action = self.selected_action()
        self.open_letter_button.setEnabled(action is not None and action.document_id is not None)
        self.delivery_button.setEnabled(action is not None)

    def _saved(self, _result: object) -> None:
        self.refresh()  # a step may close a reminder or change a status

    def ask_record(self, kind: str = "reminder_call") -> ArrearsActionDialog | None:
        """Open the form of a new step on the selected contract (non-blocking)."""
        row = self._require_selection()
        if row is None:
            return None
        dialog = ArrearsActionDialog(
            self._workspace, row.line, tasks=self._tasks, kind=kind, parent=self
        )
        dialog.saved.connect(self._saved)
        dialog.open()
        self.action_dialog = dialog
        return dialog

    def ask_letter(self, kind: str = "reminder") -> LetterDialog | None:
        """Open the letter form for the selected contract; the letter opens once written."""
        row = self._require_selection()
        if row is None:
            return None
        dialog = LetterDialog(self._workspace, row.line, tasks=self._tasks, kind=kind, parent=self)
        dialog.saved.connect(self._letter_written)
        dialog.open()
        self.letter_dialog = dialog
        return dialog

    def ask_delivery(self) -> DeliveryDialog | None:
        """Open the proof-of-delivery form of the selected step."""
        action = self.selected_action()
        if action is None:
            self._dialogs.inform(self, self.tr("Steps taken"), self.tr("Select a step first."))
            return None
        dialog = DeliveryDialog(self._workspace, action, tasks=self._tasks, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()
        self.delivery_dialog = dialog
        return dialog

    def _folder(self) -> Path:
        """A private folder (mode 700) deleted when the view goes away, or at exit."""
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="seuil-letters-"))
            weakref.finalize(self, shutil.rmtree, self._scratch, ignore_errors=True)
        return self._scratch

    def _letter_written(self, issued: object) -> None:
        assert isinstance(issued, LetterIssued)
        target = (
            self._folder()
            / str(issued.document_id)
            / safe_file_name(issued.file_name, f"courrier-{issued.document_id}.pdf")
        )

        def job(_c: object) -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(issued.content)
            return target

        self._tasks.read(job, name="write-letter", on_done=self._show_file, on_error=self._refused)
        self.refresh()

    def open_letter(self) -> None:
        """Open the letter of the selected step (reading it is in the security log)."""
        action = self.selected_action()
        if action is None or action.document_id is None:
            return
        ws, doc_id = self._workspace, action.document_id
        folder = self._folder() / str(doc_id)

        def job(_c: object) -> Path:
            opened = read_document_content(ws.database, actor=ws.actor, document_id=doc_id)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / safe_file_name(opened.file_name, f"courrier-{doc_id}.pdf")
            path.write_bytes(opened.content)
            return path

        self._tasks.write(job, name="open-letter", on_done=self._show_file, on_error=self._refused)

    def _show_file(self, path: Path) -> None:
        if not self._dialogs.open_path(path):
            self._dialogs.warn(
                self,
                self.tr("Rents and arrears"),
                self.tr("No application could open {file}. It was saved as {path}.").format(
                    file=path.name, path=str(path)
                ),
            )

    # -------------------------------------------------------------- export

    def ask_export(self) -> None:
        """Write the rows shown to an Excel workbook chosen by the user (sheet « Impayés »)."""
        rows = self.shown_rows()
        on = self._on
        suggested = Path.home() / _EXPORT_NAME.format(day=on.isoformat())
        chosen = self._dialogs.save_file(
            self, self.tr("Export the arrears"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if chosen is None:
            return
        path = (
            chosen if chosen.suffix.lower() == ".xlsx" else chosen.with_name(chosen.name + ".xlsx")
        )
        data = [
            ArrearsRow.of(r.line.household_reference, r.line.dwelling_reference, r.line.assessment)
            for r in rows
        ]

        def job(_c: object) -> tuple[Path, int]:
            partial = path.with_name(path.name + ".partiel")
            try:
                partial.write_bytes(render_arrears(data, on=on))
                partial.replace(path)  # never a half-written file under the name chosen
            except OSError:
                partial.unlink(missing_ok=True)
                raise
            return path, len(data)

        self.export_button.setEnabled(False)
        self._tasks.read(
            job, name="export-arrears", on_done=self._exported, on_error=self._export_failed
        )

    def _exported(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.export_button.setEnabled(True)
        ws = self._workspace
        self._tasks.write(
            lambda _c: record_arrears_export(ws.database, actor=ws.actor, count=count),
            name="log-arrears-export",
            on_error=self._refused,
        )
        self.count_label.setText(
            self.tr("{count} contract(s) exported to {path}.").format(count=count, path=str(path))
        )

    def _export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(error, OSError):
            self._dialogs.warn(
                self,
                self.tr("Export the arrears"),
                self.tr("The file could not be written: {error}").format(error=error.strerror),
            )
            return
        self._refused(error)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Rents and arrears"), error.text)
            return
        raise error
