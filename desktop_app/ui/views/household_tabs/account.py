"""« Compte »: the household's rent account, its arrears level, postings and documents."""

from __future__ import annotations

import shutil
import tempfile
import weakref
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.arrears import level_label
from desktop_app.domain.errors import KnownError
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import add_months, format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.vocabulary import CONTRACT_KIND, ISSUED_KIND
from desktop_app.services.arrears import ArrearsLine, arrears_list
from desktop_app.services.contracts import ContractInfo, contract_file
from desktop_app.services.ledger import (
    POST,
    READ,
    AccountLine,
    HouseholdBalance,
    account_lines,
    household_balance,
)
from desktop_app.services.receipts import IssuedInfo, issued_documents
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.contract import ContractDialog
from desktop_app.ui.dialogs.form import day_of, qdate
from desktop_app.ui.dialogs.ledger import (
    DepositDialog,
    IssuedDocuments,
    MonthDocumentsDialog,
    OtherEntryDialog,
    PaymentDialog,
    ReversalDialog,
    StatementDialog,
)
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner

STATUS = "ledger.read_status"
_HISTORY_MONTHS = 11  # the lines shown by default: this month and the eleven before


@dataclass(frozen=True, slots=True)
class AccountSnapshot:
    """What the tab shows, read in one job: amounts are None or empty when not visible."""

    on: date
    contracts: tuple[ContractInfo, ...]
    contract_id: int | None
    balance: HouseholdBalance | None
    arrears: tuple[ArrearsLine, ...]
    lines: tuple[AccountLine, ...]
    issued: tuple[IssuedInfo, ...]


class AccountTab(QWidget):
    """The household's balance and arrears on a day, a contract's lines, postings, documents.

    The balance is read on a chosen day; the lines are those of one contract over a period.
    Whoever may see the payment situation but not the amounts (a social worker, a host by
    default) sees the level and statuses only. Posting buttons need ``ledger.post``; the
    statement needs ``ledger.read_amounts`` and the quittance, reçu or avis ``ledger.post``.
    Issued PDFs are written to a private temporary folder and opened by the desktop.

    Signals:
        changed(): a posting or a document was saved (the file reloads its other tabs).
    """

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._household_id = household_id
        self._tasks = tasks
        self._dialogs = dialogs
        actor = workspace.actor
        self._status = may_ever(actor, STATUS) or may_ever(actor, READ)
        self._amounts = may_ever(actor, READ)
        self._post = may_ever(actor, POST)
        self._snapshot: AccountSnapshot | None = None
        self._read_with: tuple[date, date, date] | None = None
        self._scratch: Path | None = None
        self.dialog: ContractDialog | None = None
        self.opened: list[Path] = []
        today = date.today()
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices(today))
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        layout.addWidget(self._balance_group())
        layout.addWidget(self._arrears_group())
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        self.flag_label.setAccessibleName(self.tr("Quittances to look at"))
        self.flag_label.setVisible(False)
        layout.addWidget(self.flag_label)
        self.lines_model: DtoTableModel[AccountLine] = DtoTableModel(
            [
                (self.tr("Date"), lambda line: format_date(line.posted_on)),
                (self.tr("Entry"), self._line_label),
                (self.tr("Debit"), lambda line: format_eur(line.debit) if line.debit else ""),
                (self.tr("Credit"), lambda line: format_eur(line.credit) if line.credit else ""),
                (self.tr("Balance"), lambda line: format_eur(line.balance)),
            ]
        )
        self.lines_table = self._table(self.lines_model, self.tr("Account lines"))
        self.lines_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.issued_model: DtoTableModel[IssuedInfo] = DtoTableModel(
            [
                (self.tr("Issued on"), lambda i: format_date(i.issued_on)),
                (self.tr("Document"), lambda i: ISSUED_KIND.label(i.kind)),
                (self.tr("Number"), lambda i: i.number),
                (self.tr("Period"), self._issued_period),
                (self.tr("Amount"), lambda i: format_eur(i.amount)),
                (self.tr("Remark"), self._issued_remark),
            ]
        )
        self.issued_table = self._table(self.issued_model, self.tr("Documents issued"))
        self.lines_group = self._group(self.tr("Account lines"), self.lines_table)
        self.issued_group = self._group(self.tr("Documents issued"), self.issued_table)
        layout.addWidget(self.lines_group, 3)
        layout.addWidget(self.issued_group, 1)
        for group in (self.balance_group, self.lines_group, self.issued_group):
            group.setVisible(self._amounts)
        layout.addLayout(self._buttons())
        self._enable_buttons()

    # ------------------------------------------------------------- building

    def _choices(self, today: date) -> QHBoxLayout:
        row = QHBoxLayout()
        self.on_edit = self._date_edit(today, self.tr("Balance on"))
        self.contract_combo = QComboBox()
        self.contract_combo.setAccessibleName(self.tr("Contract"))
        self.start_edit = self._date_edit(
            add_months(today.replace(day=1), -_HISTORY_MONTHS), self.tr("Lines from")
        )
        self.end_edit = self._date_edit(today, self.tr("Lines to"))
        for label, widget in (
            (self.tr("Balance on"), self.on_edit),
            (self.tr("Contract"), self.contract_combo),
            (self.tr("Lines from"), self.start_edit),
            (self.tr("to"), self.end_edit),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addStretch(1)
        for edit in (self.on_edit, self.start_edit, self.end_edit):
            edit.editingFinished.connect(self._dates_edited)
            edit.setVisible(self._amounts or edit is self.on_edit)
        self.contract_combo.activated.connect(lambda _index: self.load())
        self.contract_combo.setVisible(self._amounts)
        return row

    def _date_edit(self, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(qdate(day))
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        return edit

    def _balance_group(self) -> QGroupBox:
        self.balance_group = QGroupBox(self.tr("Balance"))
        form = QFormLayout(self.balance_group)
        self.figures: dict[str, QLabel] = {}
        for name, label in (
            ("balance", self.tr("Balance (owed less advance)")),
            ("owed", self.tr("Owed, due or not")),
            ("debt", self.tr("Debt in default")),
            ("benefit_pending", self.tr("Housing benefit expected")),
            ("benefit_overdue", self.tr("Housing benefit expected, not received")),
            ("advance", self.tr("Advance")),
            ("household_share", self.tr("Household share this month")),
            ("deposit_held", self.tr("Deposit held")),
        ):
            value = QLabel()
            value.setAccessibleName(label)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures[name] = value
            form.addRow(label, value)
        return self.balance_group

    def _arrears_group(self) -> QGroupBox:
        self.arrears_group = QGroupBox(self.tr("Arrears"))
        column = QVBoxLayout(self.arrears_group)
        self.arrears_label = QLabel()
        self.arrears_label.setWordWrap(True)
        self.arrears_label.setAccessibleName(self.tr("Arrears level and statuses"))
        self.arrears_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.arrears_label)
        self.arrears_group.setVisible(self._status)
        return self.arrears_group

    def _table(self, model: DtoTableModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    @staticmethod
    def _group(title: str, widget: QWidget) -> QGroupBox:
        group = QGroupBox(title)
        QVBoxLayout(group).addWidget(widget)
        return group

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        self.payment_button = QPushButton(self.tr("Payment…"))
        self.other_button = QPushButton(self.tr("Other entry…"))
        self.reverse_button = QPushButton(self.tr("Reverse…"))
        self.deposit_button = QPushButton(self.tr("Deposit…"))
        self.documents_button = QPushButton(self.tr("Quittance / receipt…"))
        self.statement_button = QPushButton(self.tr("Statement…"))
        actions = (
            (self.payment_button, self.ask_payment, self._post),
            (self.other_button, self.ask_other_entry, self._post),
            (self.reverse_button, self.ask_reversal, self._post),
            (self.deposit_button, self.ask_deposit, self._post),
            (self.documents_button, self.ask_documents, self._post and self._amounts),
            (self.statement_button, self.ask_statement, self._amounts),
        )
        for number, (button, slot, visible) in enumerate(actions):
            button.setVisible(visible)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            grid.addWidget(button, 0, number)
        return grid

    # ------------------------------------------------------------- texts

    def _line_label(self, line: AccountLine) -> str:
        if line.reversed_by is not None:
            return self.tr("{label} (reversed)").format(label=line.label)
        return line.label

    def _issued_period(self, issued: IssuedInfo) -> str:
        if issued.period_month is not None:
            return issued.period_month.strftime("%m/%Y")
        return format_date(issued.period_end) if issued.period_end else ""

    def _issued_remark(self, issued: IssuedInfo) -> str:
        if issued.unsettled:
            return self.tr("⚠ month no longer settled")
        return ""

    def _arrears_text(self, lines: tuple[ArrearsLine, ...]) -> str:
        if not lines:
            return self.tr("No rent account yet.")
        texts = []
        for line in lines:
            text = self.tr("{dwelling}: {level}").format(
                dwelling=line.dwelling_reference, level=level_label(line.level)
            )
            if line.debt:
                text += self.tr(" — debt {debt}").format(debt=format_eur(line.debt))
            if line.assessment.ladder.episode_start is not None:
                text += self.tr(", first unpaid on {day}").format(
                    day=format_date(line.assessment.ladder.episode_start)
                )
            statuses = [status.text for status in line.assessment.statuses]
            if statuses:
                text += "\n  " + "\n  ".join(statuses)
            reminder = line.assessment.next_reminder
            if reminder is not None:
                text += "\n  " + self.tr("Next step: {text}").format(text=reminder.text)
            texts.append(text)
        return "\n".join(texts)

    # ------------------------------------------------------------- reading

    def selected_contract(self) -> ContractInfo | None:
        """The contract whose lines are shown."""
        contract_id = self.contract_combo.currentData()
        snapshot = self._snapshot
        if snapshot is None:
            return None
        return next((c for c in snapshot.contracts if c.contract_id == contract_id), None)

    def selected_line(self) -> AccountLine | None:
        """The account line selected in the table, if any."""
        rows = self.lines_table.selectionModel().selectedRows()
        return self.lines_model.row(rows[0].row()) if rows else None

    def _dates(self) -> tuple[date, date, date]:
        return day_of(self.on_edit), day_of(self.start_edit), day_of(self.end_edit)

    def _dates_edited(self) -> None:
        """Re-read when a date really changed (leaving the field alone changes nothing)."""
        if self._dates() != self._read_with:
            self.load()

    def load(self) -> None:
        """Read the account (read worker): balance, level, lines and documents."""
        if not self._status:
            self.message_label.setText(self.tr("Your role does not show the payment situation."))
            return
        ws, hid, amounts = self._workspace, self._household_id, self._amounts
        on, start, end = self._read_with = self._dates()
        wanted = self.contract_combo.currentData()

        def job(_control: object) -> AccountSnapshot:
            contracts = tuple(contract_file(ws.database, actor=ws.actor, household_id=hid, on=on))
            ids = [c.contract_id for c in contracts]
            chosen = wanted if wanted in ids else (ids[0] if ids else None)
            arrears = tuple(
                line
                for line in arrears_list(ws.database, actor=ws.actor, on=on, include_settled=True)
                if line.household_id == hid
            )
            if not amounts or chosen is None:
                return AccountSnapshot(on, contracts, chosen, None, arrears, (), ())
            balance = household_balance(ws.database, actor=ws.actor, household_id=hid, on=on)
            lines = tuple(
                account_lines(ws.database, actor=ws.actor, contract_id=chosen, start=start, end=end)
            )
            issued = tuple(issued_documents(ws.database, actor=ws.actor, household_id=hid, on=on))
            return AccountSnapshot(on, contracts, chosen, balance, arrears, lines, issued)

        self._tasks.read(job, name="account", on_done=self._show, on_error=self._refused)

    def _show(self, snapshot: AccountSnapshot) -> None:
        self._snapshot = snapshot
        self.contract_combo.blockSignals(True)
        self.contract_combo.clear()
        for contract in snapshot.contracts:
            self.contract_combo.addItem(self._contract_text(contract), contract.contract_id)
        if snapshot.contract_id is not None:
            self.contract_combo.setCurrentIndex(self.contract_combo.findData(snapshot.contract_id))
        self.contract_combo.blockSignals(False)
        self.message_label.setText(
            "" if snapshot.contracts else self.tr("No contract: the household has no account.")
        )
        self.arrears_label.setText(self._arrears_text(snapshot.arrears))
        balance = snapshot.balance
        for name, label in self.figures.items():
            label.setText(format_eur(getattr(balance, name)) if balance is not None else "—")
        flagged = [issued for issued in snapshot.issued if issued.unsettled]
        self.flag_label.setVisible(bool(flagged))
        self.flag_label.setText(
            "\n".join(
                self.tr(
                    "⚠ Quittance {number} of {month} was issued, but the month is no longer "
                    "settled (a later reversal): see the household."
                ).format(
                    number=issued.number,
                    month=issued.period_month.strftime("%m/%Y") if issued.period_month else "",
                )
                for issued in flagged
            )
        )
        self.lines_model.set_rows(snapshot.lines)
        self.issued_model.set_rows(snapshot.issued)
        self._enable_buttons()

    def _contract_text(self, contract: ContractInfo) -> str:
        period = (
            self.tr("since {start}").format(start=format_date(contract.start))
            if contract.end is None
            else f"{format_date(contract.start)} → {format_date(contract.end)}"
        )
        return f"{contract.dwelling_reference} — {CONTRACT_KIND.label(contract.kind)}, {period}"

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        contract = self.selected_contract()
        line = self.selected_line()
        reversible = (
            line is not None
            and line.entry_id is not None
            and line.kind != "reversal"
            and line.reversed_by is None
        )
        for button in (self.payment_button, self.other_button, self.deposit_button):
            button.setEnabled(contract is not None)
        self.reverse_button.setEnabled(reversible)
        self.statement_button.setEnabled(contract is not None)
        self.documents_button.setEnabled(contract is not None)

    # ------------------------------------------------------------- actions

    def _open(self, dialog: ContractDialog) -> ContractDialog:
        dialog.saved.connect(self._saved)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _saved(self, result: object) -> None:
        if isinstance(result, IssuedDocuments):
            self._show_documents(result)
            if result.kept:
                self.changed.emit()
        else:
            self.changed.emit()
        self.load()

    def _folder(self) -> Path:
        """A private folder deleted when the tab goes away, or at exit at the latest."""
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="seuil-account-"))
            weakref.finalize(self, shutil.rmtree, self._scratch, ignore_errors=True)
        return self._scratch

    def _show_documents(self, issued: IssuedDocuments) -> None:
        if not issued.paths:
            reasons = "\n".join(
                f"{skipped.dwelling_reference} : {skipped.text}" for skipped in issued.skipped
            )
            self._dialogs.inform(
                self,
                self.tr("Account"),
                self.tr("No document to issue for this month.")
                + ("\n" + reasons if reasons else ""),
            )
            return
        for path in issued.paths:
            self.opened.append(path)
            if not self._dialogs.open_path(path):
                self._dialogs.warn(
                    self,
                    self.tr("Account"),
                    self.tr("No application could open {file}. It was saved as {path}.").format(
                        file=path.name, path=str(path)
                    ),
                )

    def ask_payment(self) -> ContractDialog | None:
        """A household payment on the selected contract."""
        contract = self.selected_contract()
        if contract is None:
            return None
        return self._open(PaymentDialog(self._workspace, contract, tasks=self._tasks, parent=self))

    def ask_other_entry(self) -> ContractDialog | None:
        """An aid, adjustment, remission, write-off, erasure or opening balance."""
        contract = self.selected_contract()
        if contract is None:
            return None
        return self._open(
            OtherEntryDialog(self._workspace, contract, tasks=self._tasks, parent=self)
        )

    def ask_reversal(self) -> ContractDialog | None:
        """Reverse the selected entry (confirmed, with its reason)."""
        line = self.selected_line()
        if line is None or line.entry_id is None or line.reversed_by is not None:
            self._dialogs.inform(
                self, self.tr("Account"), self.tr("Select an entry that is not reversed first.")
            )
            return None
        return self._open(
            ReversalDialog(
                self._workspace, line, tasks=self._tasks, dialogs=self._dialogs, parent=self
            )
        )

    def ask_deposit(self) -> ContractDialog | None:
        """A movement of the selected contract's deposit."""
        contract = self.selected_contract()
        if contract is None:
            return None
        return self._open(DepositDialog(self._workspace, contract, tasks=self._tasks, parent=self))

    def ask_documents(self) -> ContractDialog | None:
        """Issue the household's quittance, reçu or avis of a month, then open it."""
        return self._open(
            MonthDocumentsDialog(
                self._workspace,
                self._household_id,
                self._folder(),
                tasks=self._tasks,
                parent=self,
            )
        )

    def ask_statement(self) -> ContractDialog | None:
        """Issue the selected contract's statement over the period shown, then open it."""
        contract = self.selected_contract()
        if contract is None:
            return None
        return self._open(
            StatementDialog(
                self._workspace,
                contract,
                self._folder(),
                start=day_of(self.start_edit),
                end=day_of(self.end_edit),
                tasks=self._tasks,
                parent=self,
            )
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Account"), error.text)
            return
        raise error
