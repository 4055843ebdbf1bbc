"""Bordereau CAF: a month's housing benefit received from the CAF (or the MSA) in one transfer.

The rental manager chooses the agency and the month covered: the table is prefilled with every
household whose benefit is paid to the association that month, its expected amount and what
was already received. Each line is confirmed or corrected (tick, amount typed « 1 234,56 »),
spread over several months, or added (a negative line for an indu or a retenue). The total of
the ticked lines is compared live with the transfer amount typed; a difference is shown and
asked about at saving, never blocking. Saving sends the whole bordereau to
`services.benefit_batches.record_batch`; its refusals are shown on their lines and under the
fields, and what was typed is kept. The bordereaux already recorded are listed below, with the
entries of the selected one. Actors who may read the accounts but not post see that list only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError, ValidationIssue
from desktop_app.domain.messages import message
from desktop_app.domain.money import format_eur, parse_amount
from desktop_app.domain.periods import add_months, format_date
from desktop_app.domain.permissions import Actor, decide, may_ever
from desktop_app.domain.vocabulary import BENEFIT_AGENCY, BENEFIT_STATUS
from desktop_app.services.benefit_batches import (
    BatchDetail,
    BatchEntry,
    BatchInfo,
    BatchLineInput,
    BatchPrefill,
    ContractChoice,
    batch_detail,
    list_batches,
    prefill,
    record_batch,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import day_of, month_edit, qdate
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.base import SectionView

POST = "ledger.post"
READ = "ledger.read_amounts"
Index = QModelIndex | QPersistentModelIndex
_LINE_FIELD = re.compile(r"^lines\[(\d+)\]")
_MONTHS_BEFORE = 12  # months offered before the bordereau's month in the chooser


def month_text(month: date) -> str:
    """A period month as shown everywhere: ``11/2026``."""
    return month.strftime("%m/%Y")


def _first(day: date) -> date:
    return day.replace(day=1)


def choice_text(choice: ContractChoice) -> str:
    """How a contract is named in a choice list: household, head, dwelling."""
    parts = [choice.household_reference, choice.head, choice.dwelling_reference]
    return " — ".join(part for part in parts if part)


# ------------------------------------------------------------------ the lines being prepared


@dataclass
class DraftLine:
    """A line of the bordereau as the user edits it (UI state, never sent as such).

    ``problems`` are the service's refusals from the last attempt, cleared when the line is
    edited; problems of the amount typed are computed as it is typed.
    """

    contract: ContractChoice
    months: tuple[date, ...]
    amount_text: str = ""
    included: bool = True
    expected: int | None = None
    received: int | None = None
    status: str = ""
    added: bool = False
    problems: tuple[str, ...] = field(default=())

    def amount(self) -> int | None:
        """The amount typed in cents, or None when empty or unreadable."""
        return parse_amount(self.amount_text) if self.amount_text.strip() else None

    def amount_issue(self) -> str | None:
        """What is wrong with the amount typed of a ticked line, in French."""
        if not self.included:
            return None
        if not self.amount_text.strip():
            return message("ledger.amount_required")
        cents = self.amount()
        if cents is None:
            return message("ledger.amount_invalid", value=self.amount_text.strip())
        if cents == 0:
            return message("benefit_batch.amount_zero")
        return None


class BatchLinesTableModel(QAbstractTableModel):
    """The lines of the bordereau: tick to include, amount editable, months shown.

    Column 0 (the household) carries the tick; column ``AMOUNT`` is edited as text, read the
    French way when saving. Every change emits ``dataChanged`` (the view updates its total).
    """

    HOUSEHOLD, HEAD, ALLOCATAIRE, DWELLING, STATUS, EXPECTED, RECEIVED, AMOUNT, MONTHS, PROBLEMS = (
        range(10)
    )

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self._headers = list(headers)
        self._lines: list[DraftLine] = []

    # ------------------------------------------------------------- changing the lines

    def set_lines(self, lines: Sequence[DraftLine]) -> None:
        """Replace every line (a new prefill)."""
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def lines(self) -> list[DraftLine]:
        """Every line, in the order shown."""
        return list(self._lines)

    def line(self, row: int) -> DraftLine:
        """The line shown on ``row``."""
        return self._lines[row]

    def add_line(self, line: DraftLine) -> int:
        """Append a line; return its row."""
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(line)
        self.endInsertRows()
        return row

    def remove_line(self, row: int) -> None:
        """Remove a line."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()

    def set_months(self, row: int, months: Sequence[date]) -> None:
        """The months a line covers (sorted, without repeats)."""
        line = self._lines[row]
        line.months = tuple(sorted({_first(month) for month in months}))
        line.problems = ()
        self._changed(row)

    def set_problems(self, problems: dict[int, list[str]]) -> None:
        """The service's refusals, by row (every other row's are cleared)."""
        for row, line in enumerate(self._lines):
            line.problems = tuple(problems.get(row, ()))
        if self._lines:
            self.dataChanged.emit(
                self.index(0, self.PROBLEMS), self.index(len(self._lines) - 1, self.PROBLEMS)
            )

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    # ------------------------------------------------------------- Qt's model

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Lines shown."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Columns shown."""
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The household ticks, the amount is edited; the rest is read-only."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.HOUSEHOLD:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.AMOUNT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _text(self, line: DraftLine, column: int) -> str:
        choice = line.contract
        texts = {
            self.HOUSEHOLD: choice.household_reference,
            self.HEAD: choice.head,
            self.ALLOCATAIRE: choice.allocataire_number or "",
            self.DWELLING: choice.dwelling_reference,
            self.STATUS: line.status,
            self.EXPECTED: format_eur(line.expected) if line.expected is not None else "",
            self.RECEIVED: format_eur(line.received) if line.received else "",
            self.AMOUNT: line.amount_text,
            self.MONTHS: ", ".join(month_text(month) for month in line.months),
        }
        if column == self.PROBLEMS:
            issue = line.amount_issue()
            return "\n".join([*([issue] if issue else []), *line.problems])
        return texts.get(column, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, the tick, the amount being edited, right-aligned amounts."""
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(line, column)
        if role == Qt.ItemDataRole.EditRole and column == self.AMOUNT:
            return line.amount_text
        if role == Qt.ItemDataRole.CheckStateRole and column == self.HOUSEHOLD:
            return Qt.CheckState.Checked if line.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.EXPECTED,
            self.RECEIVED,
            self.AMOUNT,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Tick or untick a line, or change its amount typed."""
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return False
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.HOUSEHOLD:
            checked = Qt.CheckState(value) if isinstance(value, int) else value
            line.included = checked == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and index.column() == self.AMOUNT:
            line.amount_text = str(value)
        else:
            return False
        line.problems = ()
        self._changed(index.row())
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


# ------------------------------------------------------------------ small dialogs


class MonthsDialog(QDialog):
    """« Several months… »: tick the months a line covers (its amount is split over them)."""

    def __init__(self, around: date, chosen: Sequence[date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Months covered"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Tick every month this line pays. The amount is split evenly over them, the "
                "remaining cents on the last month."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list_widget = QListWidget()
        self.list_widget.setAccessibleName(self.tr("Months covered"))
        offered = {add_months(_first(around), shift) for shift in range(-_MONTHS_BEFORE, 2)}
        offered.update(_first(month) for month in chosen)
        for month in sorted(offered, reverse=True):
            item = QListWidgetItem(month_text(month))
            item.setData(Qt.ItemDataRole.UserRole, month)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked
                if month in {_first(m) for m in chosen}
                else Qt.CheckState.Unchecked
            )
            self.list_widget.addItem(item)
        layout.addWidget(self.list_widget)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def item_for(self, month: date) -> QListWidgetItem | None:
        """The list item of ``month``, if offered."""
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == _first(month):
                return item
        return None

    def months(self) -> list[date]:
        """The months ticked, oldest first."""
        ticked = []
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ticked.append(item.data(Qt.ItemDataRole.UserRole))
        return sorted(ticked)

    def accept(self) -> None:
        """Keep the dialog open until at least one month is ticked."""
        if not self.months():
            self.error_label.setText("⚠ " + message("benefit_batch.months_required"))
            return
        super().accept()


class AddLineDialog(QDialog):
    """« Add a line… »: a household, a signed amount (negative: indu or retenue), a month."""

    def __init__(
        self, choices: Sequence[ContractChoice], month: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a line"))
        self._choices = list(choices)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A negative amount records an indu or a retenue: the household owes it again. "
                "A positive amount records a late payment."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.household_combo = QComboBox()
        self.household_combo.setAccessibleName(self.tr("Household"))
        for choice in self._choices:
            self.household_combo.addItem(choice_text(choice), choice.contract_id)
        form.addRow(self.tr("Household"), self.household_combo)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("-1 234,56")
        self.amount_edit.setAccessibleName(self.tr("Amount"))
        form.addRow(self.tr("Amount"), self.amount_edit)
        self.amount_error = QLabel()
        self.amount_error.setWordWrap(True)
        self.amount_error.setVisible(False)
        form.addRow("", self.amount_error)
        self.month_edit = month_edit(month)
        self.month_edit.setAccessibleName(self.tr("Month covered"))
        form.addRow(self.tr("Month covered"), self.month_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_line: DraftLine | None = None

    def accept(self) -> None:
        """Check the amount here (readable, not zero) and keep the line made."""
        typed = self.amount_edit.text().strip()
        issue: ValidationIssue | None = None
        cents = parse_amount(typed) if typed else None
        if not typed:
            issue = ValidationIssue("amount", "ledger.amount_required")
        elif cents is None:
            issue = ValidationIssue("amount", "ledger.amount_invalid", {"value": typed})
        elif cents == 0:
            issue = ValidationIssue("amount", "benefit_batch.amount_zero")
        if issue is not None or not self._choices:
            text = issue.text if issue else message("benefit_batch.contract_unknown")
            self.amount_error.setText("⚠ " + text)
            self.amount_error.setVisible(True)
            self.amount_edit.setAccessibleDescription(text)
            self.amount_edit.setFocus()
            return
        choice = self._choices[self.household_combo.currentIndex()]
        self.result_line = DraftLine(
            contract=choice,
            months=(_first(day_of(self.month_edit)),),
            amount_text=typed,
            added=True,
            status=self.tr("Added"),
        )
        super().accept()


# ------------------------------------------------------------------ the screen


class BenefitBatchView(SectionView):
    """The bordereau being prepared (for those who post), then the bordereaux recorded.

    Signals:
        saved(object): the `BatchDetail` of a bordereau just recorded.
    """

    saved = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._dialogs = dialogs
        self._editable = may_ever(workspace.actor, POST)
        self._readable = decide(workspace.actor, READ).allowed  # association-wide list
        self._prefill: BatchPrefill | None = None
        self._dirty = False
        self._notice = ""  # said once the month is prefilled again after a save
        self._sent_rows: list[int] = []
        self._select_batch: int | None = None
        self.months_dialog: MonthsDialog | None = None
        self.add_dialog: AddLineDialog | None = None
        layout = QVBoxLayout(self)
        self.preparation = self._preparation_part()
        self.preparation.setVisible(self._editable)
        layout.addWidget(self.preparation, 3)
        layout.addWidget(self._history_part(), 2)
        self.load()

    @staticmethod
    def available(actor: Actor) -> bool:
        """Whether the section has something for ``actor``: post, or read every bordereau."""
        return may_ever(actor, POST) or decide(actor, READ).allowed

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("CAF transfers")

    # -------------------------------------------------------------- building

    def _preparation_part(self) -> QWidget:
        part = QGroupBox(self.tr("New bordereau"))
        layout = QVBoxLayout(part)
        layout.addLayout(self._choice_row())
        layout.addLayout(self._transfer_form())
        layout.addWidget(self._lines_table(), 1)
        buttons = QHBoxLayout()
        self.months_button = QPushButton(self.tr("Several &months…"))
        self.add_button = QPushButton(self.tr("&Add a line…"))
        self.remove_button = QPushButton(self.tr("&Remove the line"))
        for button in (self.months_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("&Save the bordereau"))
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.total_label = QLabel()
        self.total_label.setAccessibleName(self.tr("Total of the bordereau"))
        self.total_label.setWordWrap(True)
        layout.addWidget(self.total_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self._connect_preparation()
        return part

    def _choice_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.agency_combo = QComboBox()
        for code in BENEFIT_AGENCY:
            self.agency_combo.addItem(BENEFIT_AGENCY.label(code), code)
        self.agency_combo.setAccessibleName(self.tr("Agency"))
        self.month_edit = month_edit(add_months(_first(date.today()), -1))
        self.month_edit.setAccessibleName(self.tr("Month covered"))
        self.prefill_button = QPushButton(self.tr("&Prefill"))
        row.addWidget(QLabel(self.tr("Agency")))
        row.addWidget(self.agency_combo)
        row.addWidget(QLabel(self.tr("Month covered")))
        row.addWidget(self.month_edit)
        row.addWidget(self.prefill_button)
        row.addStretch(1)
        return row

    def _transfer_form(self) -> QFormLayout:
        form = QFormLayout()
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(self.tr("Reference of the bank transfer"))
        self.received_edit = QDateEdit(QDate.currentDate())
        self.received_edit.setDisplayFormat("dd/MM/yyyy")
        self.received_edit.setCalendarPopup(True)
        self.transfer_edit = QLineEdit()
        self.transfer_edit.setPlaceholderText("1 234,56")
        self.field_errors: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        for name, label, widget in (
            ("transfer_reference", self.tr("Transfer reference"), self.reference_edit),
            ("received_on", self.tr("Received on"), self.received_edit),
            ("transfer_amount", self.tr("Transfer amount"), self.transfer_edit),
        ):
            widget.setAccessibleName(label)
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            error = QLabel()
            error.setWordWrap(True)
            error.setVisible(False)
            column.addWidget(error)
            form.addRow(label, cell)
            self.field_errors[name] = error
            self._field_widgets[name] = widget
        return form

    def _lines_table(self) -> QTableView:
        self.lines_model = BatchLinesTableModel(
            [
                self.tr("Household"),
                self.tr("Head of household"),
                self.tr("Allocataire no."),
                self.tr("Dwelling"),
                self.tr("Benefit status"),
                self.tr("Expected"),
                self.tr("Already received"),
                self.tr("Amount"),
                self.tr("Months covered"),
                self.tr("Problems"),
            ]
        )
        table = self.lines_table = QTableView()
        table.setModel(self.lines_model)
        table.setAccessibleName(self.tr("Lines of the bordereau"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _connect_preparation(self) -> None:
        self.prefill_button.clicked.connect(lambda _checked=False: self.prefill())
        self.agency_combo.currentIndexChanged.connect(lambda _i: self.prefill())
        self.month_edit.dateChanged.connect(lambda _d: self.prefill())
        self.transfer_edit.textChanged.connect(lambda _t: self._update_total())
        self.months_button.clicked.connect(self.ask_months)
        self.add_button.clicked.connect(self.ask_add_line)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save)
        for signal in (
            self.lines_model.dataChanged,
            self.lines_model.rowsInserted,
            self.lines_model.rowsRemoved,
        ):
            signal.connect(self._lines_edited)
        self.lines_model.modelReset.connect(self._update_total)
        self.lines_table.selectionModel().selectionChanged.connect(
            lambda *_args: self._update_buttons()
        )
        self._update_buttons()

    def _history_part(self) -> QWidget:
        part = QGroupBox(self.tr("Bordereaux recorded"))
        layout = QHBoxLayout(part)
        self.batches_model: DtoTableModel[BatchInfo] = DtoTableModel(
            [
                (self.tr("Received on"), lambda b: format_date(b.received_on)),
                (self.tr("Agency"), lambda b: BENEFIT_AGENCY.label(b.agency)),
                (self.tr("Transfer reference"), lambda b: b.transfer_reference or ""),
                (self.tr("Total"), lambda b: format_eur(b.total)),
                (self.tr("Households"), lambda b: str(b.households)),
                (self.tr("Entries"), lambda b: str(b.entries)),
            ]
        )
        self.batches_table = QTableView()
        self.batches_table.setModel(self.batches_model)
        self.batches_table.setAccessibleName(self.tr("Bordereaux recorded"))
        self.batches_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.batches_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.batches_table.verticalHeader().setVisible(False)
        layout.addWidget(self.batches_table, 1)
        self.entries_model: DtoTableModel[BatchEntry] = DtoTableModel(
            [
                (self.tr("Household"), lambda e: e.household_reference),
                (self.tr("Head of household"), lambda e: e.head),
                (self.tr("Dwelling"), lambda e: e.dwelling_reference),
                (self.tr("Month"), lambda e: month_text(e.period_month)),
                (self.tr("Amount"), lambda e: format_eur(e.amount)),
                (self.tr("Cancelled"), lambda e: self.tr("Cancelled") if e.reversed else ""),
            ]
        )
        self.entries_table = QTableView()
        self.entries_table.setModel(self.entries_model)
        self.entries_table.setAccessibleName(self.tr("Entries of the bordereau"))
        self.entries_table.verticalHeader().setVisible(False)
        self.entries_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.entries_table, 1)
        self.batches_table.selectionModel().selectionChanged.connect(
            lambda *_args: self._batch_selected()
        )
        return part

    # -------------------------------------------------------------- reading

    def load(self) -> None:
        """Read the bordereaux recorded and, for those who post, prefill the month's lines."""
        if self._editable:
            self.prefill(force=True)
        self.refresh_batches()

    def agency(self) -> str:
        """The agency chosen (``caf`` or ``msa``)."""
        return str(self.agency_combo.currentData())

    def month(self) -> date:
        """The month covered chosen."""
        return _first(day_of(self.month_edit))

    def prefill(self, *, force: bool = False) -> None:
        """Propose the lines of the agency and month chosen (edits are lost: asked first)."""
        if not self._editable:
            return
        if (
            self._dirty
            and not force
            and not self._dialogs.confirm(
                self,
                self.tr("Bordereau CAF"),
                self.tr("Replace the lines typed by those proposed for this month?"),
            )
        ):
            self._show_choice()
            return
        ws, agency, month = self._workspace, self.agency(), self.month()
        today = date.today()
        self.prefill_button.setEnabled(False)
        self._tasks.read(
            lambda _c: prefill(ws.database, actor=ws.actor, month=month, agency=agency, on=today),
            name="benefit-batch-prefill",
            on_done=self._show_prefill,
            on_error=self._refused,
        )

    def _show_choice(self) -> None:
        """Show again the agency and month of the lines kept (the user kept their edits)."""
        if self._prefill is None:
            return
        for widget in (self.agency_combo, self.month_edit):
            widget.blockSignals(True)
        self.agency_combo.setCurrentIndex(self.agency_combo.findData(self._prefill.agency))
        self.month_edit.setDate(qdate(self._prefill.month))
        for widget in (self.agency_combo, self.month_edit):
            widget.blockSignals(False)

    def _show_prefill(self, proposal: BatchPrefill) -> None:
        self.prefill_button.setEnabled(True)
        if proposal.agency != self.agency() or proposal.month != self.month():
            return  # the choice moved on meanwhile; its own prefill follows
        self._prefill = proposal
        lines = []
        for line in proposal.lines:
            status = BENEFIT_STATUS.label(line.status) if line.status else ""
            if line.status_changed_on is not None:
                status = self.tr("{status} from {day}").format(
                    status=status, day=format_date(line.status_changed_on)
                )
            lines.append(
                DraftLine(
                    contract=line.contract,
                    months=(line.month,),
                    amount_text=format_eur(line.proposed, symbol=False) if line.proposed else "",
                    included=line.proposed > 0,
                    expected=line.expected,
                    received=line.received,
                    status=status,
                )
            )
        self.lines_model.set_lines(lines)
        self.lines_table.resizeColumnsToContents()
        self._dirty = False
        self.error_label.clear()
        counted = self.tr("{count} household(s) in tiers payant for {month}.").format(
            count=len(lines), month=month_text(proposal.month)
        )
        notice, self._notice = self._notice, ""
        self.status_label.setText(f"{notice} {counted}".strip())
        self._update_buttons()

    def refresh_batches(self) -> None:
        """Read the bordereaux recorded again."""
        if not self._readable:
            return
        ws = self._workspace
        self._tasks.read(
            lambda _c: list_batches(ws.database, actor=ws.actor),
            name="benefit-batches",
            on_done=self._show_batches,
            on_error=self._refused,
        )

    def _show_batches(self, batches: list[BatchInfo]) -> None:
        wanted, self._select_batch = self._select_batch, None
        self.batches_model.set_rows(batches)
        self.batches_table.resizeColumnsToContents()
        row = next((i for i, b in enumerate(batches) if b.batch_id == wanted), None)
        if row is not None:
            self.batches_table.selectRow(row)
        else:
            self.entries_model.set_rows([])

    def selected_batch(self) -> BatchInfo | None:
        """The bordereau selected in the list, if any."""
        rows = self.batches_table.selectionModel().selectedRows()
        return self.batches_model.row(rows[0].row()) if rows else None

    def _batch_selected(self) -> None:
        batch = self.selected_batch()
        if batch is None:
            self.entries_model.set_rows([])
            return
        ws, batch_id = self._workspace, batch.batch_id
        self._tasks.read(
            lambda _c: batch_detail(ws.database, actor=ws.actor, batch_id=batch_id),
            name="benefit-batch-detail",
            on_done=self._show_detail,
            on_error=self._refused,
        )

    def _show_detail(self, detail: BatchDetail) -> None:
        batch = self.selected_batch()
        if batch is None or batch.batch_id != detail.batch.batch_id:
            return
        self.entries_model.set_rows(detail.entries)

    # -------------------------------------------------------------- editing the lines

    def selected_row(self) -> int | None:
        """The row of the line selected, if any."""
        rows = self.lines_table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.months_button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None and self.lines_model.line(row).added)
        self.add_button.setEnabled(self._prefill is not None)

    def _lines_edited(self, *_args: object) -> None:
        self._dirty = True
        self._update_total()
        self._update_buttons()

    def ask_months(self) -> MonthsDialog | None:
        """Open the chooser of the months the selected line covers (non-blocking)."""
        row = self.selected_row()
        if row is None:
            self._dialogs.inform(self, self.tr("Bordereau CAF"), self.tr("Select a line first."))
            return None
        dialog = MonthsDialog(self.month(), self.lines_model.line(row).months, self)
        dialog.accepted.connect(lambda: self.lines_model.set_months(row, dialog.months()))
        dialog.open()
        self.months_dialog = dialog
        return dialog

    def ask_add_line(self) -> AddLineDialog | None:
        """Open the form of a line added by hand: an indu, a retenue, a late payment."""
        if self._prefill is None:
            return None
        choices = [line.contract for line in self._prefill.lines] + list(self._prefill.others)
        choices.sort(key=lambda c: (c.household_reference, c.start))
        dialog = AddLineDialog(choices, self.month(), self)

        def added() -> None:
            if dialog.result_line is not None:
                row = self.lines_model.add_line(dialog.result_line)
                self.lines_table.selectRow(row)

        dialog.accepted.connect(added)
        dialog.open()
        self.add_dialog = dialog
        return dialog

    def remove_selected(self) -> None:
        """Remove the selected line, if it was added by hand (prefilled ones are unticked)."""
        row = self.selected_row()
        if row is not None and self.lines_model.line(row).added:
            self.lines_model.remove_line(row)

    # -------------------------------------------------------------- totals

    def total(self) -> int:
        """The total of the ticked lines whose amount can be read, in cents."""
        return sum(line.amount() or 0 for line in self.lines_model.lines() if line.included)

    def _update_total(self) -> None:
        ticked = [line for line in self.lines_model.lines() if line.included]
        text = self.tr("{count} line(s) ticked, total {total}.").format(
            count=len(ticked), total=format_eur(self.total())
        )
        typed = self.transfer_edit.text().strip()
        transfer = parse_amount(typed) if typed else None
        if transfer is not None:
            difference = transfer - self.total()
            if difference:
                text += " " + self.tr("Transfer {transfer}: difference {difference}.").format(
                    transfer=format_eur(transfer), difference=format_eur(difference)
                )
            else:
                text += " " + self.tr("It matches the transfer.")
        elif typed:
            text += " " + self.tr("The transfer amount cannot be read.")
        self.total_label.setText(text)

    # -------------------------------------------------------------- saving

    def _clear_issues(self) -> None:
        for name, label in self.field_errors.items():
            label.clear()
            label.setVisible(False)
            self._field_widgets[name].setAccessibleDescription("")
        self.error_label.clear()

    def _field_issue(self, name: str, text: str) -> None:
        label = self.field_errors[name]
        label.setText("\n".join(filter(None, [label.text(), "⚠ " + text])))
        label.setVisible(True)
        self._field_widgets[name].setAccessibleDescription(text)

    def problems(self) -> list[str]:
        """Every problem shown: under the fields, on the lines, under the table."""
        texts = [label.text() for label in self.field_errors.values() if label.text()]
        for row in range(self.lines_model.rowCount()):
            shown = self.lines_model.data(
                self.lines_model.index(row, BatchLinesTableModel.PROBLEMS)
            )
            if shown:
                texts.append(shown)
        if self.error_label.text():
            texts.append(self.error_label.text())
        return texts

    def save(self) -> None:
        """Send the ticked lines (after asking when the total differs from the transfer)."""
        self._clear_issues()
        self.status_label.clear()
        rows = [row for row, line in enumerate(self.lines_model.lines()) if line.included]
        unreadable = [row for row in rows if self.lines_model.line(row).amount_issue()]
        typed = self.transfer_edit.text().strip()
        transfer = parse_amount(typed) if typed else None
        if typed and transfer is None:
            self._field_issue("transfer_amount", message("ledger.amount_invalid", value=typed))
        if unreadable:
            self.error_label.setText(
                "⚠ " + self.tr("Correct the amounts of the lines marked in the table.")
            )
            self.lines_table.selectRow(unreadable[0])
        if unreadable or (typed and transfer is None):
            return
        total = self.total()
        if (
            transfer is not None
            and transfer != total
            and not self._dialogs.confirm(
                self,
                self.tr("Bordereau CAF"),
                self.tr(
                    "The lines total {total} but the transfer is {transfer} (difference "
                    "{difference}). Save the bordereau anyway?"
                ).format(
                    total=format_eur(total),
                    transfer=format_eur(transfer),
                    difference=format_eur(transfer - total),
                ),
            )
        ):
            return
        lines = []
        for row in rows:
            line = self.lines_model.line(row)
            amount = line.amount()
            assert amount is not None  # checked above
            lines.append(BatchLineInput(line.contract.contract_id, amount, line.months))
        self._sent_rows = rows
        ws = self._workspace
        agency, reference, received = (
            self._prefill.agency if self._prefill is not None else self.agency(),
            self.reference_edit.text(),
            day_of(self.received_edit),
        )
        self.save_button.setEnabled(False)
        self._tasks.write(
            lambda _c: record_batch(
                ws.database,
                actor=ws.actor,
                agency=agency,
                received_on=received,
                transfer_reference=reference,
                lines=lines,
            ),
            name="benefit-batch-record",
            on_done=self._recorded,
            on_error=self._save_refused,
        )

    def _recorded(self, detail: BatchDetail) -> None:
        self.save_button.setEnabled(True)
        self.reference_edit.clear()
        self.transfer_edit.clear()
        self._dirty = False
        self._select_batch = detail.batch.batch_id
        self.refresh_batches()
        self.prefill(force=True)
        self._notice = self.tr("Bordereau recorded: {entries} entries, total {total}.").format(
            entries=detail.batch.entries, total=format_eur(detail.batch.total)
        )
        self.status_label.setText(self._notice)
        self.saved.emit(detail)

    def _save_refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(error, InvalidInput):
            self._refused(error)
            return
        by_row: dict[int, list[str]] = {}
        general: list[str] = []
        for issue in error.issues:
            match = _LINE_FIELD.match(issue.field)
            if match is not None and int(match[1]) < len(self._sent_rows):
                by_row.setdefault(self._sent_rows[int(match[1])], []).append(issue.text)
            elif issue.field in self.field_errors:
                self._field_issue(issue.field, issue.text)
            else:
                general.append(issue.text)
        self.lines_model.set_problems(by_row)
        if by_row:
            general.insert(0, self.tr("Some lines are refused: see the Problems column."))
            self.lines_table.selectRow(min(by_row))
        self.error_label.setText("\n".join("⚠ " + text for text in general))

    def _refused(self, error: BaseException) -> None:
        self.prefill_button.setEnabled(True)
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Bordereau CAF"), error.text)
            return
        raise error
