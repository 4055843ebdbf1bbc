"""Postings on a contract's account and the documents issued from it, one dialog each.

Each dialog holds a form and sends one service call through the write worker, as the contract
dialogs do (`ContractDialog`): the service's French messages appear under the fields they
concern and what was typed is kept. Amounts are typed the French way (« 1 234,56 »,
« 1234.56 », « 1 234,56 € ») and read by `ledger.parse_posting_amount`; an unreadable amount is
shown under its field before anything is sent. A reversal cannot be undone: it is confirmed
through the `DialogProvider` first. The document dialogs write the issued PDFs to the tab's
private folder on the worker and return where they are, for the tab to open them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import (
    CHARGE_NATURE,
    DEPOSIT_MOVEMENT,
    LEDGER_KIND,
    PAYMENT_METHOD,
)
from desktop_app.services.contracts import ContractInfo
from desktop_app.services.ledger import (
    AccountLine,
    parse_posting_amount,
    post_deposit,
    post_entry,
    reverse_entry,
)
from desktop_app.services.receipts import (
    IssuedFile,
    SkippedContract,
    issue_statement,
    month_documents,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.contract import ContractDialog
from desktop_app.ui.dialogs.form import date_edit, day_of, month_edit, qdate
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner

# Kinds posted through « Other entry… » (payments, reversals and the deposit have their own).
OTHER_KINDS = (
    "fsl_aid",
    "other_aid",
    "adjustment",
    "remission",
    "irrecoverable",
    "debt_erased",
    "opening_balance",
)
_WITH_REASON = frozenset({"adjustment", "remission", "irrecoverable", "debt_erased"})
_TEXT_MAX = 100  # payer, reference (as the service checks)
_REASON_MAX = 300


def month_of(edit: QDateEdit) -> date:
    """The first day of the month shown by a month edit."""
    return day_of(edit).replace(day=1)


class OptionalMonthEdit(QWidget):
    """A period month that may be left out: « No month » ticked, or a month typed MM/yyyy."""

    def __init__(self, label: str, month: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.month_edit = month_edit(month)
        self.month_edit.setAccessibleName(label)
        self.none_box = QCheckBox(self.tr("No month"))
        self.none_box.setAccessibleName(self.tr("{label}: no month").format(label=label))
        self.none_box.toggled.connect(lambda checked: self.month_edit.setEnabled(not checked))
        layout.addWidget(self.month_edit, 1)
        layout.addWidget(self.none_box)
        self.none_box.setChecked(month is None)
        self.month_edit.setEnabled(month is not None)

    def value(self) -> date | None:
        """The month's first day, or None when « No month » is ticked."""
        return None if self.none_box.isChecked() else month_of(self.month_edit)

    def set_value(self, month: date | None) -> None:
        """Show ``month``, or tick « No month »."""
        if month is not None:
            self.month_edit.setDate(qdate(month.replace(day=1)))
        self.none_box.setChecked(month is None)


class LedgerDialog(ContractDialog):
    """The contract dialogs' frame, with the helpers every posting shares.

    Signals:
        saved(object): what the service returned (an `EntryInfo`, a `DepositMovementInfo`,
            or an `IssuedDocuments`).
    """

    def amount_field(self, label: str) -> QLineEdit:
        """An amount typed the French way, with its problem line."""
        edit = QLineEdit()
        edit.setPlaceholderText("1 234,56")
        self.row(label, edit, "amount")
        return edit

    def text_field(self, label: str, field: str, maximum: int = _TEXT_MAX) -> QLineEdit:
        """A short optional text (payer, reference, reason), cut at the service's maximum."""
        edit = QLineEdit()
        edit.setMaxLength(maximum)
        self.row(label, edit, field)
        return edit

    def read_amount(self, edit: QLineEdit) -> int | None:
        """The cents typed, or None once the problem is shown under the field."""
        try:
            return parse_posting_amount(edit.text())
        except InvalidInput as error:
            self.show_issues(error.issues)
            return None


def _combo(items: Sequence[tuple[str, str | None]]) -> QComboBox:
    combo = QComboBox()
    for text, code in items:
        combo.addItem(text, code)
    return combo


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


# ------------------------------------------------------------------ postings


class PaymentDialog(LedgerDialog):
    """A payment by the household [règlement du ménage]: date, amount, month, method, payer."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Payment"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        self.set_intro(
            self.tr(
                "Dwelling {dwelling}. A payment naming no month settles the oldest amounts "
                "owed first."
            ).format(dwelling=contract.dwelling_reference)
        )
        self.posted_on_edit = date_edit()
        self.row(self.tr("Date received"), self.posted_on_edit, "posted_on")
        self.amount_edit = self.amount_field(self.tr("Amount"))
        self.month_edit = OptionalMonthEdit(self.tr("Month paid"), None)
        self.row(self.tr("Month paid"), self.month_edit, "period_month")
        self.method_combo = _combo(
            [(self.tr("Not said"), None), *((PAYMENT_METHOD.label(c), c) for c in PAYMENT_METHOD)]
        )
        self.row(self.tr("Method"), self.method_combo, "method")
        self.payer_edit = self.text_field(self.tr("Paid by (if not the household)"), "payer")
        self.reference_edit = self.text_field(
            self.tr("Reference (cheque no., transfer)"), "reference"
        )

    def accept(self) -> None:
        """Read the amount here, then ask the service."""
        amount = self.read_amount(self.amount_edit)
        if amount is None:
            return
        ws, contract_id = self._workspace, self._contract.contract_id
        posted_on, month = day_of(self.posted_on_edit), self.month_edit.value()
        method = self.method_combo.currentData()
        payer, reference = _text(self.payer_edit), _text(self.reference_edit)
        self.submit(
            lambda: post_entry(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                kind="household_payment",
                amount=amount,
                posted_on=posted_on,
                period_month=month,
                method=method,
                payer=payer,
                reference=reference,
            ),
            name="post-payment",
        )


class OtherEntryDialog(LedgerDialog):
    """Any other entry; the fields shown follow the kind chosen.

    Kinds: an aid (FSL, other), an adjustment (either sign), a remission, a debt written off or
    erased, an opening balance with the first unpaid day of the debt it carries.
    """

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Other entry"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        self.set_intro(self.tr("Dwelling {dwelling}.").format(dwelling=contract.dwelling_reference))
        self.kind_combo = _combo([(LEDGER_KIND.label(code), code) for code in OTHER_KINDS])
        self.row(self.tr("Kind of entry"), self.kind_combo, "kind")
        self.posted_on_edit = date_edit()
        self.row(self.tr("Date"), self.posted_on_edit, "posted_on")
        self.amount_edit = self.amount_field(self.tr("Amount"))
        self.month_edit = OptionalMonthEdit(self.tr("Month concerned"), None)
        self.row(self.tr("Month concerned"), self.month_edit, "period_month")
        self.nature_combo = _combo(
            [(self.tr("None"), None), *((CHARGE_NATURE.label(c), c) for c in CHARGE_NATURE)]
        )
        self.row(self.tr("Nature (an amount owed)"), self.nature_combo, "nature")
        self.first_default_edit = date_edit()
        self.row(
            self.tr("First unpaid day of the debt"), self.first_default_edit, "first_default_on"
        )
        self.reason_edit = self.text_field(self.tr("Reason"), "reason", _REASON_MAX)
        self.payer_edit = self.text_field(self.tr("Paid by"), "payer")
        self.reference_edit = self.text_field(self.tr("Reference"), "reference")
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def kind(self) -> str:
        """The kind of entry chosen (a LEDGER_KIND code)."""
        return str(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.set_row_visible("nature", kind == "adjustment")
        self.set_row_visible("first_default_on", kind == "opening_balance")
        self.set_row_visible("reason", kind in _WITH_REASON)
        self.set_row_visible("payer", kind in ("fsl_aid", "other_aid"))
        self.set_row_visible("period_month", kind != "opening_balance")
        if kind == "adjustment":
            self.amount_edit.setPlaceholderText(self.tr("1 234,56 (a credit: -1 234,56)"))
        else:
            self.amount_edit.setPlaceholderText("1 234,56")

    def accept(self) -> None:
        """Read the amount here, then ask the service (which checks the rest)."""
        amount = self.read_amount(self.amount_edit)
        if amount is None:
            return
        ws, contract_id, kind = self._workspace, self._contract.contract_id, self.kind()
        posted_on = day_of(self.posted_on_edit)
        month = self.month_edit.value() if kind != "opening_balance" else None
        nature = self.nature_combo.currentData() if kind == "adjustment" and amount > 0 else None
        first_default = day_of(self.first_default_edit) if kind == "opening_balance" else None
        reason = _text(self.reason_edit) if kind in _WITH_REASON else None
        payer = _text(self.payer_edit) if kind in ("fsl_aid", "other_aid") else None
        reference = _text(self.reference_edit)
        self.submit(
            lambda: post_entry(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                kind=kind,
                amount=amount,
                posted_on=posted_on,
                period_month=month,
                nature=nature,
                payer=payer,
                reference=reference,
                reason=reason,
                first_default_on=first_default,
            ),
            name="post-entry",
        )


class ReversalDialog(LedgerDialog):
    """The reversal [annulation] of one entry, with its date and reason, once confirmed."""

    def __init__(
        self,
        workspace: Workspace,
        line: AccountLine,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Reverse an entry"), workspace, tasks=tasks, dialogs=dialogs, parent=parent
        )
        self._line = line
        self.set_intro(
            self.tr("Cancel « {label} » of {day} ({amount}). An entry is never deleted.").format(
                label=line.label, day=format_date(line.posted_on), amount=_line_amount(line)
            )
        )
        self.posted_on_edit = date_edit()
        self.row(self.tr("Date of the reversal"), self.posted_on_edit, "posted_on")
        self.reason_edit = self.text_field(self.tr("Reason"), "reason", _REASON_MAX)

    def accept(self) -> None:
        """Confirm, then ask the service."""
        line, ws = self._line, self._workspace
        assert line.entry_id is not None
        entry_id, posted_on, reason = (
            line.entry_id,
            day_of(self.posted_on_edit),
            self.reason_edit.text(),
        )
        self.submit(
            lambda: reverse_entry(
                ws.database, actor=ws.actor, entry_id=entry_id, reason=reason, posted_on=posted_on
            ),
            name="reverse-entry",
            confirm=self.tr("Cancel « {label} » of {day} ({amount}) from {reversal}?").format(
                label=line.label,
                day=format_date(line.posted_on),
                amount=_line_amount(line),
                reversal=format_date(posted_on),
            ),
        )


def _line_amount(line: AccountLine) -> str:
    return format_eur(line.debit or line.credit)


class DepositDialog(LedgerDialog):
    """A movement of the deposit [dépôt de garantie]: received, applied, refunded, transferred."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Deposit"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        self.set_intro(
            self.tr(
                "Dwelling {dwelling}. The deposit is kept apart from the rent account; applying "
                "it also credits the account."
            ).format(dwelling=contract.dwelling_reference)
        )
        self.kind_combo = _combo([(DEPOSIT_MOVEMENT.label(c), c) for c in DEPOSIT_MOVEMENT])
        self.row(self.tr("Movement"), self.kind_combo, "kind")
        self.posted_on_edit = date_edit()
        self.row(self.tr("Date"), self.posted_on_edit, "posted_on")
        self.amount_edit = self.amount_field(self.tr("Amount"))
        self.reference_edit = self.text_field(self.tr("Reference"), "reference")

    def accept(self) -> None:
        """Read the amount here, then ask the service."""
        amount = self.read_amount(self.amount_edit)
        if amount is None:
            return
        ws, contract_id = self._workspace, self._contract.contract_id
        kind, posted_on = str(self.kind_combo.currentData()), day_of(self.posted_on_edit)
        reference = _text(self.reference_edit)
        self.submit(
            lambda: post_deposit(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                kind=kind,
                amount=amount,
                posted_on=posted_on,
                reference=reference,
            ),
            name="post-deposit",
        )


# ------------------------------------------------------------------ documents


@dataclass(frozen=True, slots=True)
class IssuedDocuments:
    """Documents issued from the account and where their PDFs were written to be opened."""

    files: tuple[IssuedFile, ...]
    paths: tuple[Path, ...]
    skipped: tuple[SkippedContract, ...] = ()

    @property
    def kept(self) -> bool:
        """Whether a copy went into the household's Documents."""
        return any(issued.document_id is not None for issued in self.files)


def write_issued(folder: Path, files: Sequence[IssuedFile]) -> tuple[Path, ...]:
    """Write each PDF in its own sub-folder of ``folder`` (on the worker, never the GUI)."""
    paths = []
    for issued in files:
        target = folder / str(issued.issued_id) / issued.file_name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(issued.content)
        paths.append(target)
    return tuple(paths)


class MonthDocumentsDialog(LedgerDialog):
    """Issue the household's documents of a month: quittance, reçu or avis (and invoice)."""

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        folder: Path,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Quittance or receipt"), workspace, tasks=tasks, parent=parent)
        self._household_id = household_id
        self._folder = folder
        self.set_intro(
            self.tr(
                "A quittance when the month is fully paid, a receipt when it is partly paid, a "
                "notice of amount due otherwise. A document already issued is printed again "
                "under its number."
            )
        )
        self.month_edit = month_edit()
        self.row(self.tr("Month"), self.month_edit, "month")
        self.keep_box = QCheckBox(self.tr("Keep a copy in the household's documents"))
        self.row(self.tr("Copy"), self.keep_box, "keep")
        self.keep_box.setAccessibleName(self.keep_box.text())
        self.save_button.setText(self.tr("Issue"))

    def accept(self) -> None:
        """Issue on the write worker, then write the PDFs for the tab to open."""
        ws, hid, folder = self._workspace, self._household_id, self._folder
        month, keep = month_of(self.month_edit), self.keep_box.isChecked()

        def job() -> IssuedDocuments:
            result = month_documents(
                ws.database, actor=ws.actor, household_id=hid, month=month, keep=keep
            )
            return IssuedDocuments(result.files, write_issued(folder, result.files), result.skipped)

        self.submit(job, name="month-documents")


class StatementDialog(LedgerDialog):
    """A numbered account statement of the contract over a period."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        folder: Path,
        *,
        start: date,
        end: date,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Account statement"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        self._folder = folder
        self.set_intro(self.tr("Dwelling {dwelling}.").format(dwelling=contract.dwelling_reference))
        self.start_edit = date_edit(start)
        self.end_edit = date_edit(end)
        self.row(self.tr("From"), self.start_edit, "start")
        self.row(self.tr("To"), self.end_edit, "end")
        self.keep_box = QCheckBox(self.tr("Keep a copy in the household's documents"))
        self.row(self.tr("Copy"), self.keep_box, "keep")
        self.keep_box.setAccessibleName(self.keep_box.text())
        self.save_button.setText(self.tr("Issue"))

    def accept(self) -> None:
        """Issue on the write worker, then write the PDF for the tab to open."""
        ws, contract_id, folder = self._workspace, self._contract.contract_id, self._folder
        start, end = day_of(self.start_edit), day_of(self.end_edit)
        keep = self.keep_box.isChecked()

        def job() -> IssuedDocuments:
            issued = issue_statement(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                start=start,
                end=end,
                keep=keep,
            )
            return IssuedDocuments((issued,), write_issued(folder, [issued]))

        self.submit(job, name="statement")
