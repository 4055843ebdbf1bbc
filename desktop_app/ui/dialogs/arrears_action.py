"""The steps taken about a contract's arrears: record one, write a letter, add a proof of delivery.

Each dialog holds a form, sends one service call (`services.arrears_actions`) through the write
worker and stays open when the service refuses: its French messages are shown under the fields
they concern, and what was typed is kept. Fields that do not apply to the kind chosen are
disabled (an outcome, an amount) or hidden (the schedule of a repayment plan).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.arrears import level_label
from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.money import format_eur, parse_amount
from desktop_app.domain.periods import add_months
from desktop_app.domain.vocabulary import ARREARS_ACTION
from desktop_app.services.arrears import ArrearsLine
from desktop_app.services.arrears_actions import (
    AMOUNT_KINDS,
    DETAIL_MAX,
    INSTALMENTS_MAX,
    LETTER_KINDS,
    OUTCOMES,
    PLAN,
    ArrearsActionInfo,
    InstalmentInput,
    issue_letter,
    letter_label,
    outcome_label,
    record_action,
    record_delivery,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.contract import ContractDialog
from desktop_app.ui.dialogs.form import OptionalDateEdit, date_edit, day_of
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner

FORMAL_NOTICE_DAYS = 15  # the deadline suggested for a formal notice
_DEFAULT_INSTALMENTS = 6


def _contract_text(line: ArrearsLine) -> str:
    head = f" — {line.head}" if line.head else ""
    return f"{line.household_reference}{head} — {line.dwelling_reference}"


def _amount(text: str, field: str) -> tuple[int | None, list[ValidationIssue]]:
    """An amount typed « 1 234,56 », or None when empty; an issue when unreadable."""
    typed = text.strip()
    if not typed:
        return None, []
    value = parse_amount(typed)
    if value is None:
        return None, [ValidationIssue(field, "contract_form.amount_invalid", {"value": typed})]
    return value, []


class _InstalmentRow(QWidget):
    """One instalment: due date, amount, and a button to remove it."""

    removed = Signal(object)
    edited = Signal()

    def __init__(self, due: date, amount: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date_edit = date_edit(due)
        self.amount_edit = QLineEdit(format_eur(amount, symbol=False) if amount else "")
        self.amount_edit.setPlaceholderText("1 234,56")
        self.remove_button = QPushButton(self.tr("Remove"))
        layout.addWidget(self.date_edit)
        layout.addWidget(self.amount_edit, 1)
        layout.addWidget(self.remove_button)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))
        self.amount_edit.textChanged.connect(lambda _text: self.edited.emit())
        self.date_edit.dateChanged.connect(lambda _date: self.edited.emit())

    def number(self, number: int) -> None:
        """Name the row's widgets for screen readers (« Instalment 2: amount »)."""
        self.date_edit.setAccessibleName(self.tr("Instalment {n}: due date").format(n=number))
        self.amount_edit.setAccessibleName(self.tr("Instalment {n}: amount").format(n=number))
        self.remove_button.setAccessibleName(self.tr("Remove instalment {n}").format(n=number))


class InstalmentsEditor(QWidget):
    """The schedule of a repayment plan, typed row by row or spread in equal monthly parts.

    The total to spread is read from ``total_edit`` (the plan's amount field of the dialog);
    without one, the editor shows its own.
    """

    def __init__(
        self, start: date, total_edit: QLineEdit | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        spread = QHBoxLayout()
        self.total_edit = total_edit or QLineEdit()
        if total_edit is None:
            self.total_edit.setPlaceholderText("1 234,56")
            self.total_edit.setAccessibleName(self.tr("Total to spread"))
            spread.addWidget(QLabel(self.tr("Total")))
            spread.addWidget(self.total_edit, 1)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, INSTALMENTS_MAX)
        self.count_spin.setValue(_DEFAULT_INSTALMENTS)
        self.count_spin.setAccessibleName(self.tr("Number of monthly instalments"))
        self.first_edit = date_edit(start + timedelta(days=30))
        self.first_edit.setAccessibleName(self.tr("First instalment due on"))
        self.spread_button = QPushButton(self.tr("Spread monthly"))
        self.spread_button.setAccessibleName(self.tr("Spread the total in monthly instalments"))
        spread.addWidget(self.count_spin)
        spread.addWidget(QLabel(self.tr("from")))
        spread.addWidget(self.first_edit)
        spread.addWidget(self.spread_button)
        layout.addLayout(spread)
        self._rows_layout = QVBoxLayout()
        layout.addLayout(self._rows_layout)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add an instalment"))
        self.sum_label = QLabel()
        self.sum_label.setAccessibleName(self.tr("Total of the instalments"))
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.sum_label)
        layout.addLayout(row)
        self.rows: list[_InstalmentRow] = []
        self.add_button.clicked.connect(lambda _checked: self.add_row())
        self.spread_button.clicked.connect(self.spread)
        self._update_sum()

    def add_row(self, due: date | None = None, amount: int | None = None) -> _InstalmentRow:
        """A new row, a month after the last one unless ``due`` is given."""
        if due is None:
            due = (
                add_months(day_of(self.rows[-1].date_edit), 1)
                if self.rows
                else day_of(self.first_edit)
            )
        row = _InstalmentRow(due, amount, self)
        row.removed.connect(self._remove)
        row.edited.connect(self._update_sum)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        self._renumber()
        return row

    def _remove(self, row: _InstalmentRow) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row)
        row.deleteLater()
        self._renumber()

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.number(number)
        self._update_sum()

    def clear(self) -> None:
        """Remove every row."""
        for row in list(self.rows):
            self._remove(row)

    def spread(self) -> None:
        """Replace the rows by equal monthly parts of the total (the last one takes the cents)."""
        total = parse_amount(self.total_edit.text().strip() or "0") or 0
        count = self.count_spin.value()
        if total <= 0:
            self.sum_label.setText(self.tr("Type the total to spread first."))
            self.total_edit.setFocus()
            return
        self.clear()
        part = total // count
        first = day_of(self.first_edit)
        for index in range(count):
            amount = part if index < count - 1 else total - part * (count - 1)
            self.add_row(add_months(first, index), amount)

    def read(self) -> tuple[list[InstalmentInput], list[ValidationIssue]]:
        """The instalments typed, or the amounts that could not be read."""
        instalments: list[InstalmentInput] = []
        issues: list[ValidationIssue] = []
        for row in self.rows:
            value, problems = _amount(row.amount_edit.text(), "instalments")
            issues += problems
            instalments.append(InstalmentInput(day_of(row.date_edit), value or 0))
        return instalments, issues

    def _update_sum(self) -> None:
        total = sum(parse_amount(row.amount_edit.text().strip()) or 0 for row in self.rows)
        self.sum_label.setText(
            self.tr("{count} instalment(s), total {total}").format(
                count=len(self.rows), total=format_eur(total)
            )
        )


class ArrearsActionDialog(ContractDialog):
    """Record a step of DOMAIN §2 (Actions): kind, date, outcome, amount, delivery, detail.

    A repayment plan shows its schedule; its amount, when typed, must equal the instalments'
    total (the service checks it).
    """

    def __init__(
        self,
        workspace: Workspace,
        line: ArrearsLine,
        *,
        tasks: TaskRunner,
        kind: str = "reminder_call",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Record a step"), workspace, tasks=tasks, parent=parent)
        self._line = line
        self.set_intro(
            self.tr("{contract}. Level: {level}.").format(
                contract=_contract_text(line), level=level_label(line.level)
            )
        )
        self.kind_combo = QComboBox()
        for code in ARREARS_ACTION:
            self.kind_combo.addItem(ARREARS_ACTION.label(code), code)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.date_edit = date_edit()
        self.outcome_combo = QComboBox()
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("1 234,56")
        self.delivered_edit = OptionalDateEdit(None)
        self.detail_edit = QPlainTextEdit()
        self.detail_edit.setTabChangesFocus(True)
        self.detail_edit.setFixedHeight(70)
        self.instalments = InstalmentsEditor(date.today(), total_edit=self.amount_edit)
        self.row(self.tr("Step"), self.kind_combo, "kind")
        self.row(self.tr("Date"), self.date_edit, "action_date")
        self.row(self.tr("Outcome"), self.outcome_combo, "outcome")
        self.row(self.tr("Amount"), self.amount_edit, "amount")
        self.row(self.tr("Proof of delivery"), self.delivered_edit, "delivered_on")
        self.row(self.tr("Detail"), self.detail_edit, "detail")
        self.row(self.tr("Instalments"), self.instalments, "instalments")
        self.kind_combo.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self._kind_changed()

    def kind(self) -> str:
        """The kind of step chosen."""
        return str(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.outcome_combo.clear()
        self.outcome_combo.addItem(self.tr("(none)"), None)
        for code in OUTCOMES.get(kind, ()):
            self.outcome_combo.addItem(outcome_label(kind, code), code)
        self.outcome_combo.setEnabled(kind in OUTCOMES)
        self.amount_edit.setEnabled(kind in AMOUNT_KINDS)
        if kind not in AMOUNT_KINDS:
            self.amount_edit.clear()
        self.set_row_visible("instalments", kind == PLAN)
        if kind == PLAN and not self.instalments.rows:
            self.instalments.add_row()

    def accept(self) -> None:
        """Read the amounts here, then ask the service (which checks everything else)."""
        kind = self.kind()
        amount, issues = _amount(self.amount_edit.text(), "amount")
        instalments: list[InstalmentInput] = []
        if kind == PLAN:
            instalments, problems = self.instalments.read()
            issues += problems
        detail = self.detail_edit.toPlainText()
        if len(detail) > DETAIL_MAX:
            issues.append(
                ValidationIssue("detail", "arrears_action.detail_too_long", {"maximum": DETAIL_MAX})
            )
        if issues:
            self.show_issues(issues)
            return
        ws, contract = self._workspace, self._line.contract_id
        action_date, delivered = day_of(self.date_edit), self.delivered_edit.value()
        outcome = self.outcome_combo.currentData()
        self.submit(
            lambda: record_action(
                ws.database,
                actor=ws.actor,
                contract_id=contract,
                kind=kind,
                action_date=action_date,
                outcome=outcome,
                amount=amount,
                delivered_on=delivered,
                detail=detail,
                instalments=instalments,
            ),
            name="record-arrears-action",
        )


class LetterDialog(ContractDialog):
    """Write a letter (reminder, formal notice, repayment plan, mandataire) and record its step.

    The letter is computed from the account on its date; ``saved`` carries the `LetterIssued`
    whose PDF the screen opens.
    """

    def __init__(
        self,
        workspace: Workspace,
        line: ArrearsLine,
        *,
        tasks: TaskRunner,
        kind: str = "reminder",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Write a letter"), workspace, tasks=tasks, parent=parent)
        self._line = line
        self.save_button.setText(self.tr("Write the letter"))
        self.set_intro(
            self.tr(
                "{contract}. The letter states the debt in default on its date, month by month; "
                "it is kept in the household's documents."
            ).format(contract=_contract_text(line))
        )
        today = date.today()
        self.kind_combo = QComboBox()
        for code in LETTER_KINDS:
            self.kind_combo.addItem(letter_label(code), code)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        self.date_edit = date_edit(today)
        self.deadline_edit = date_edit(today + timedelta(days=FORMAL_NOTICE_DAYS))
        self.pay_by_edit = OptionalDateEdit(None)
        self.instalments = InstalmentsEditor(today)
        self.detail_edit = QLineEdit()
        self.detail_edit.setMaxLength(DETAIL_MAX)
        self.row(self.tr("Letter"), self.kind_combo, "kind")
        self.row(self.tr("Date of the letter"), self.date_edit, "written_on")
        self.row(self.tr("Deadline"), self.deadline_edit, "deadline")
        self.row(self.tr("Pay or call by"), self.pay_by_edit, "pay_by")
        self.row(self.tr("Instalments"), self.instalments, "instalments")
        self.row(self.tr("Detail"), self.detail_edit, "detail")
        self.kind_combo.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self._kind_changed()

    def kind(self) -> str:
        """The kind of letter chosen."""
        return str(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.deadline_edit.setEnabled(kind == "formal_notice")
        self.pay_by_edit.setEnabled(kind == "reminder")
        self.set_row_visible("instalments", kind == "repayment_plan")
        if kind == "repayment_plan" and not self.instalments.rows:
            self.instalments.add_row()

    def accept(self) -> None:
        """Read the schedule here, then ask the service to write the letter."""
        kind = self.kind()
        instalments: list[InstalmentInput] = []
        if kind == "repayment_plan":
            instalments, issues = self.instalments.read()
            if issues:
                self.show_issues(issues)
                return
        ws, contract = self._workspace, self._line.contract_id
        written_on = day_of(self.date_edit)
        deadline = day_of(self.deadline_edit) if kind == "formal_notice" else None
        pay_by = self.pay_by_edit.value() if kind == "reminder" else None
        detail = self.detail_edit.text()
        self.submit(
            lambda: issue_letter(
                ws.database,
                actor=ws.actor,
                contract_id=contract,
                kind=kind,
                written_on=written_on,
                deadline=deadline,
                pay_by=pay_by,
                instalments=instalments,
                detail=detail,
            ),
            name="issue-arrears-letter",
        )


class DeliveryDialog(ContractDialog):
    """The proof-of-delivery date of a step sent by post (a formal notice, an order…)."""

    def __init__(
        self,
        workspace: Workspace,
        action: ArrearsActionInfo,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Proof of delivery"), workspace, tasks=tasks, dialogs=dialogs, parent=parent
        )
        self._action = action
        self.set_intro(action.label)
        self.delivered_edit = OptionalDateEdit(action.delivered_on or date.today())
        self.row(self.tr("Delivered on"), self.delivered_edit, "delivered_on")

    def accept(self) -> None:
        """Send the date (or its removal) with the version read."""
        ws, action = self._workspace, self._action
        delivered = self.delivered_edit.value()
        self.submit(
            lambda: record_delivery(
                ws.database,
                actor=ws.actor,
                action_id=action.action_id,
                delivered_on=delivered,
                version=action.version,
            ),
            name="record-delivery",
        )
