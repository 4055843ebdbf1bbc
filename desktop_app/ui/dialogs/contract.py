"""Every action on an occupancy contract and its sliding plan, one dialog each (DOMAIN §2, §7).

Each dialog holds a form, sends one service call through the write worker and stays open when
the service refuses: its French messages are shown under the fields they concern (the others
under the form), and what was typed is kept. Actions that cannot be undone from the GUI (a
termination, an end, a failure, a transfer) are confirmed through the `DialogProvider` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.money import format_eur, parse_amount
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import (
    BENEFIT_STATUS,
    CONTRACT_KIND,
    SLIDING_FAILURE_REASON,
    SLIDING_OPINION,
)
from desktop_app.services.contracts import (
    RESIDENCE_AGREEMENT,
    ContractInfo,
    RateInfo,
    RateInput,
    ReviewCriteria,
    change_rate,
    create_contract,
    end_contract,
    fail,
    plan_glissement,
    record_review,
    set_benefit_status,
    set_caleol,
    set_convention,
    set_renewal_date,
    terminate,
    transfer,
)
from desktop_app.services.housing import DwellingInfo
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, OptionalDateEdit, date_edit, day_of
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner

AMOUNT_FIELDS = ("rent", "charges", "mandatory_services", "optional_services", "expected_benefit")
_FIRST_DUE_DAY, _LAST_DUE_DAY = 1, 31
_REASON_MAX = 300  # as the service checks (OccupancyContract.end_reason)
_PARTICIPANTS_MAX = 500


def dwelling_text(dwelling: DwellingInfo) -> str:
    """How a dwelling is named in a choice list: reference, address, commune."""
    return f"{dwelling.reference} — {dwelling.address}, {dwelling.commune}"


class ContractDialog(FormDialog):
    """The shared frame (`form.FormDialog`) of the contract and account dialogs.

    Signals:
        saved(object): what the service returned (a `ContractInfo`, or a `TransferInfo`).
    """

    def __init__(
        self,
        title: str,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent, tasks=tasks, dialogs=dialogs)
        self._workspace = workspace
        self.amount_edits: dict[str, QLineEdit] = {}

    @property
    def field_errors(self) -> dict[str, QLabel]:
        """The problem line under each field, by field name."""
        return self._field_errors

    def add_rate_fields(self, rate: RateInfo | None) -> None:
        """Amounts typed the French way (« 1 234,56 »), tiers payant and due day."""
        labels = {
            "rent": self.tr("Rent (or fee)"),
            "charges": self.tr("Charges"),
            "mandatory_services": self.tr("Mandatory services"),
            "optional_services": self.tr("Optional services"),
            "expected_benefit": self.tr("Expected housing benefit"),
        }
        for name in AMOUNT_FIELDS:
            edit = QLineEdit(format_eur(getattr(rate, name), symbol=False) if rate else "")
            edit.setPlaceholderText("1 234,56")
            self.amount_edits[name] = edit
            self.row(labels[name], edit, name)
        self.tiers_payant_box = QCheckBox(self.tr("Paid to the association (tiers payant)"))
        self.tiers_payant_box.setChecked(rate.tiers_payant if rate else False)
        self.row(self.tr("Housing benefit"), self.tiers_payant_box, "tiers_payant")
        self.tiers_payant_box.setAccessibleName(self.tiers_payant_box.text())
        self.due_day_spin = QSpinBox()
        self.due_day_spin.setRange(_FIRST_DUE_DAY, _LAST_DUE_DAY)
        self.due_day_spin.setValue(rate.due_day if rate else 5)
        self.row(self.tr("Due day of the month"), self.due_day_spin, "due_day")

    def read_rate(self) -> tuple[RateInput | None, list[ValidationIssue]]:
        """The rate typed, or the amounts that could not be read (nothing is sent then)."""
        issues: list[ValidationIssue] = []
        cents: dict[str, int] = {}
        for name, edit in self.amount_edits.items():
            typed = edit.text().strip()
            if not typed:
                if name == "rent":
                    issues.append(ValidationIssue(name, "contract_form.rent_required"))
                cents[name] = 0
                continue
            value = parse_amount(typed)
            if value is None:
                issues.append(
                    ValidationIssue(name, "contract_form.amount_invalid", {"value": typed})
                )
            cents[name] = value or 0
        if issues:
            return None, issues
        return (
            RateInput(
                **cents,
                tiers_payant=self.tiers_payant_box.isChecked(),
                due_day=self.due_day_spin.value(),
            ),
            [],
        )

    def problems(self) -> list[str]:  # type: ignore[override]
        """Every problem shown, under the fields then under the form."""
        return list(super().problems().values())


def _kind_combo(current: str | None) -> QComboBox:
    combo = QComboBox()
    for code in CONTRACT_KIND:
        combo.addItem(CONTRACT_KIND.label(code), code)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    return combo


# ------------------------------------------------------------------ creating, rates, benefit


class NewContractDialog(ContractDialog):
    """A new contract: dwelling, kind, start, renewal date and its first rate.

    The stay is the household's stay in the dwelling's programme covering the start (the
    service links it); a sliding sublease gets its convention with the parameters in force.
    """

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        dwellings: Sequence[DwellingInfo],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New contract"), workspace, tasks=tasks, parent=parent)
        self._household_id = household_id
        self._dwellings = list(dwellings)
        self.dwelling_combo = QComboBox()
        for dwelling in self._dwellings:
            text = dwelling_text(dwelling)
            if dwelling.returned_on is not None:
                text += self.tr(" (returned on {day})").format(
                    day=format_date(dwelling.returned_on)
                )
            self.dwelling_combo.addItem(text, dwelling.dwelling_id)
        self.kind_combo = _kind_combo("sublease")
        self.start_edit = date_edit()
        self.renewal_edit = OptionalDateEdit(None)
        self.row(self.tr("Dwelling"), self.dwelling_combo, "dwelling")
        self.row(self.tr("Kind of contract"), self.kind_combo, "kind")
        self.row(self.tr("First day"), self.start_edit, "start")
        self.row(self.tr("Renewal date"), self.renewal_edit, "renewal_date")
        self.add_rate_fields(None)
        self.dwelling_combo.currentIndexChanged.connect(self._suggest_kind)
        self._suggest_kind()

    def _suggest_kind(self) -> None:
        """A room of a residence takes a residence agreement and nothing else."""
        index = self.dwelling_combo.currentIndex()
        if 0 <= index < len(self._dwellings) and self._dwellings[index].residence_id is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(RESIDENCE_AGREEMENT))

    def accept(self) -> None:
        """Check the amounts here, then ask the service (which checks everything else)."""
        rate, issues = self.read_rate()
        if rate is None or self.dwelling_combo.currentIndex() < 0:
            self.show_issues(issues)
            return
        ws, hid = self._workspace, self._household_id
        dwelling_id = int(self.dwelling_combo.currentData())
        kind = str(self.kind_combo.currentData())
        start, renewal = day_of(self.start_edit), self.renewal_edit.value()
        self.submit(
            lambda: create_contract(
                ws.database,
                actor=ws.actor,
                household_id=hid,
                dwelling_id=dwelling_id,
                kind=kind,
                start=start,
                rate=rate,
                renewal_date=renewal,
            ),
            name="create-contract",
        )


class RateDialog(ContractDialog):
    """A new rate from a date (the same date corrects that rate), prefilled with the last one."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New rate"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        self.set_intro(
            self.tr(
                "A rate on a date that already has one replaces it (a correction, kept in the "
                "history)."
            )
        )
        self.valid_from_edit = date_edit()
        self.row(self.tr("From"), self.valid_from_edit, "valid_from")
        self.add_rate_fields(contract.rates[-1] if contract.rates else None)

    def accept(self) -> None:
        """Check the amounts here, then ask the service."""
        rate, issues = self.read_rate()
        if rate is None:
            self.show_issues(issues)
            return
        ws, contract_id = self._workspace, self._contract.contract_id
        valid_from = day_of(self.valid_from_edit)
        self.submit(
            lambda: change_rate(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                valid_from=valid_from,
                rate=rate,
            ),
            name="change-rate",
        )


class BenefitStatusDialog(ContractDialog):
    """The housing benefit's status from a date."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Housing benefit status"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        self.valid_from_edit = date_edit()
        self.status_combo = QComboBox()
        for code in BENEFIT_STATUS:
            self.status_combo.addItem(BENEFIT_STATUS.label(code), code)
        if contract.benefit_statuses:
            current = contract.benefit_statuses[-1].status
            self.status_combo.setCurrentIndex(self.status_combo.findData(current))
        self.row(self.tr("From"), self.valid_from_edit, "valid_from")
        self.row(self.tr("Status"), self.status_combo, "status")

    def accept(self) -> None:
        """Ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        valid_from, status = day_of(self.valid_from_edit), str(self.status_combo.currentData())
        self.submit(
            lambda: set_benefit_status(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                valid_from=valid_from,
                status=status,
            ),
            name="benefit-status",
        )


class RenewalDialog(ContractDialog):
    """The date the contract is to be renewed (or none)."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Renewal date"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        self.renewal_edit = OptionalDateEdit(contract.renewal_date)
        self.row(self.tr("Renewal date"), self.renewal_edit, "renewal_date")

    def accept(self) -> None:
        """Ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        renewal = self.renewal_edit.value()
        self.submit(
            lambda: set_renewal_date(
                ws.database, actor=ws.actor, contract_id=contract_id, renewal_date=renewal
            ),
            name="renewal-date",
        )


# ------------------------------------------------------------------ the sliding plan


class ReviewDialog(ContractDialog):
    """A periodic review of the sliding plan: date, participants, four criteria, opinion."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Periodic review"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        self.review_date_edit = date_edit()
        self.participants_edit = QLineEdit()
        self.participants_edit.setMaxLength(_PARTICIPANTS_MAX)
        self.participants_edit.setPlaceholderText(self.tr("Household, landlord, key worker…"))
        self.row(self.tr("Review date"), self.review_date_edit, "review_date")
        self.row(self.tr("Participants"), self.participants_edit, "participants")
        self.rent_combo = self._criterion()
        self.peaceful_combo = self._criterion()
        self.obligations_combo = self._criterion()
        self.autonomy_combo = self._criterion()
        self.row(self.tr("Rent paid regularly"), self.rent_combo)
        self.row(self.tr("Peaceful occupation"), self.peaceful_combo)
        self.row(self.tr("Tenant obligations met"), self.obligations_combo)
        self.row(self.tr("Administrative autonomy"), self.autonomy_combo)
        self.opinion_combo = QComboBox()
        for code in SLIDING_OPINION:
            self.opinion_combo.addItem(SLIDING_OPINION.label(code), code)
        self.row(self.tr("Opinion"), self.opinion_combo, "opinion")

    def _criterion(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Not assessed"), None)
        combo.addItem(self.tr("Yes"), True)
        combo.addItem(self.tr("No"), False)
        return combo

    def criteria(self) -> ReviewCriteria:
        """The four criteria as chosen (None when not assessed)."""

        def value(combo: QComboBox) -> bool | None:
            data = combo.currentData()
            return data if isinstance(data, bool) else None

        return ReviewCriteria(
            rent_paid_regularly=value(self.rent_combo),
            peaceful_occupation=value(self.peaceful_combo),
            tenant_obligations=value(self.obligations_combo),
            administrative_autonomy=value(self.autonomy_combo),
        )

    def accept(self) -> None:
        """Ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        review_date, criteria = day_of(self.review_date_edit), self.criteria()
        participants = self.participants_edit.text().strip() or None
        opinion = str(self.opinion_combo.currentData())
        self.submit(
            lambda: record_review(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                review_date=review_date,
                participants=participants,
                criteria=criteria,
                opinion=opinion,
            ),
            name="sliding-review",
        )


class CaleolDialog(ContractDialog):
    """The CALEOL (the landlord's attribution commission): its date and decision."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("CALEOL"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        plan = contract.plan
        self.caleol_edit = OptionalDateEdit(plan.caleol_date if plan else None)
        self.decision_edit = QLineEdit(plan.caleol_decision or "" if plan else "")
        self.decision_edit.setMaxLength(_REASON_MAX)
        self.row(self.tr("CALEOL date"), self.caleol_edit, "caleol_date")
        self.row(self.tr("Decision"), self.decision_edit, "decision")

    def accept(self) -> None:
        """Ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        caleol_date, decision = self.caleol_edit.value(), self.decision_edit.text().strip() or None
        self.submit(
            lambda: set_caleol(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                caleol_date=caleol_date,
                decision=decision,
            ),
            name="caleol",
        )


class ConventionDialog(ContractDialog):
    """The signature date of the tripartite convention (household, landlord, association)."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Tripartite convention"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        plan = contract.plan
        self.signed_edit = OptionalDateEdit(plan.convention_signed_on if plan else None)
        self.row(self.tr("Signed on"), self.signed_edit, "signed_on")

    def accept(self) -> None:
        """Ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        signed_on = self.signed_edit.value()
        self.submit(
            lambda: set_convention(
                ws.database, actor=ws.actor, contract_id=contract_id, signed_on=signed_on
            ),
            name="convention",
        )


class PlanGlissementDialog(ContractDialog):
    """The date the glissement is planned for (or none), against the plan's deadline."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Plan the glissement"), workspace, tasks=tasks, parent=parent)
        self._contract = contract
        plan = contract.plan
        if plan is not None:
            self.set_intro(
                self.tr("Deadline of the sliding plan: {deadline}.").format(
                    deadline=format_date(plan.schedule.deadline)
                )
            )
        self.planned_edit = OptionalDateEdit(plan.planned_on if plan else None)
        self.row(self.tr("Planned glissement date"), self.planned_edit, "planned_on")

    def accept(self) -> None:
        """Ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        planned_on = self.planned_edit.value()
        self.submit(
            lambda: plan_glissement(
                ws.database, actor=ws.actor, contract_id=contract_id, planned_on=planned_on
            ),
            name="plan-glissement",
        )


class FailureDialog(ContractDialog):
    """The glissement will not happen: when, and why (a transfer has its own action)."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Failure of the glissement"),
            workspace,
            tasks=tasks,
            dialogs=dialogs,
            parent=parent,
        )
        self._contract = contract
        self.set_intro(
            self.tr(
                "The sliding plan closes; the sublease itself goes on until it is ended. "
                "An internal transfer is recorded with « Transfer… »."
            )
        )
        self.on_edit = date_edit()
        self.reason_combo = QComboBox()
        for code in SLIDING_FAILURE_REASON:
            if code != "internal_transfer":
                self.reason_combo.addItem(SLIDING_FAILURE_REASON.label(code), code)
        self.row(self.tr("Date"), self.on_edit, "on")
        self.row(self.tr("Reason"), self.reason_combo, "reason")

    def accept(self) -> None:
        """Confirm, then ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        on, reason = day_of(self.on_edit), str(self.reason_combo.currentData())
        self.submit(
            lambda: fail(
                ws.database, actor=ws.actor, contract_id=contract_id, on=on, reason=reason
            ),
            name="sliding-failure",
            confirm=self.tr(
                "Record the failure of the glissement of dwelling {dwelling} ({reason})? "
                "The sliding plan cannot be reopened."
            ).format(
                dwelling=self._contract.dwelling_reference,
                reason=SLIDING_FAILURE_REASON.label(reason),
            ),
        )


# ------------------------------------------------------------------ transfer, termination, end


class TransferDialog(ContractDialog):
    """Internal transfer: the contract ends the day before a new one starts, same stay."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        dwellings: Sequence[DwellingInfo],
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Internal transfer"), workspace, tasks=tasks, dialogs=dialogs, parent=parent
        )
        self._contract = contract
        self.dwelling_combo = QComboBox()
        self._references = {d.dwelling_id: d.reference for d in dwellings}
        for dwelling in dwellings:
            if dwelling.dwelling_id != contract.dwelling_id:
                self.dwelling_combo.addItem(dwelling_text(dwelling), dwelling.dwelling_id)
        self.start_edit = date_edit()
        self.kind_combo = _kind_combo(contract.kind)
        self.row(self.tr("New dwelling"), self.dwelling_combo, "dwelling")
        self.row(self.tr("First day in the new dwelling"), self.start_edit, "start")
        self.row(self.tr("Kind of the new contract"), self.kind_combo, "kind")
        self.add_rate_fields(contract.rates[-1] if contract.rates else None)
        if self.dwelling_combo.count() == 0:
            self.field_errors["dwelling"].setText(
                "⚠ " + self.tr("No other dwelling of this programme is available.")
            )
            self.field_errors["dwelling"].setVisible(True)
            self.save_button.setEnabled(False)
        self.start_edit.dateChanged.connect(self._explain)
        self.dwelling_combo.currentIndexChanged.connect(self._explain)
        self._explain()

    def summary(self) -> str:
        """What the transfer will do, with the days it uses."""
        start = day_of(self.start_edit)
        return self.tr(
            "The contract of dwelling {old} ends on {last}; a new contract starts on {start} "
            "in dwelling {new}, on the same stay. A running sliding plan fails (internal "
            "transfer)."
        ).format(
            old=self._contract.dwelling_reference,
            last=format_date(start - timedelta(days=1)),
            start=format_date(start),
            new=self._references.get(self.dwelling_combo.currentData(), "?"),
        )

    def _explain(self) -> None:
        self.set_intro(self.summary())

    def accept(self) -> None:
        """Check the amounts here, confirm, then ask the service."""
        rate, issues = self.read_rate()
        if rate is None or self.dwelling_combo.currentIndex() < 0:
            self.show_issues(issues)
            return
        ws, contract_id = self._workspace, self._contract.contract_id
        dwelling_id = int(self.dwelling_combo.currentData())
        start, kind = day_of(self.start_edit), str(self.kind_combo.currentData())
        self.submit(
            lambda: transfer(
                ws.database,
                actor=ws.actor,
                contract_id=contract_id,
                new_dwelling_id=dwelling_id,
                start=start,
                rate=rate,
                kind=kind,
            ),
            name="transfer",
            confirm=self.summary(),
        )


class TerminateDialog(ContractDialog):
    """The résiliation: the household becomes an occupant without title until it leaves."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Terminate the contract"),
            workspace,
            tasks=tasks,
            dialogs=dialogs,
            parent=parent,
        )
        self._contract = contract
        self.set_intro(
            self.tr(
                "The contract stays open: an occupation indemnity is due until the departure, "
                "recorded with « End contract… »."
            )
        )
        self.on_edit = date_edit()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(_REASON_MAX)
        self.row(self.tr("Termination date"), self.on_edit, "on")
        self.row(self.tr("Reason"), self.reason_edit, "reason")

    def accept(self) -> None:
        """Confirm, then ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        on, reason = day_of(self.on_edit), self.reason_edit.text()
        self.submit(
            lambda: terminate(
                ws.database, actor=ws.actor, contract_id=contract_id, on=on, reason=reason
            ),
            name="terminate",
            confirm=self.tr(
                "Terminate the contract of dwelling {dwelling} on {day}? The household becomes "
                "an occupant without title."
            ).format(dwelling=self._contract.dwelling_reference, day=format_date(on)),
        )


class EndContractDialog(ContractDialog):
    """The end of the contract: the departure (last day) and its reason."""

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("End of the contract"), workspace, tasks=tasks, dialogs=dialogs, parent=parent
        )
        self._contract = contract
        self.end_edit = date_edit()
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(_REASON_MAX)
        if contract.state == "terminated_occupant" and contract.end_reason:
            self.reason_edit.setPlaceholderText(
                self.tr("Empty: keep « {reason} »").format(reason=contract.end_reason)
            )
        self.row(self.tr("Last day"), self.end_edit, "end")
        self.row(self.tr("Reason"), self.reason_edit, "reason")

    def accept(self) -> None:
        """Confirm, then ask the service."""
        ws, contract_id = self._workspace, self._contract.contract_id
        end, reason = day_of(self.end_edit), self.reason_edit.text().strip() or None
        self.submit(
            lambda: end_contract(
                ws.database, actor=ws.actor, contract_id=contract_id, end=end, reason=reason
            ),
            name="end-contract",
            confirm=self.tr(
                "End the contract of dwelling {dwelling} on {day}? Terms already generated "
                "beyond that day are charged again, prorated to the days occupied."
            ).format(dwelling=self._contract.dwelling_reference, day=format_date(end)),
        )
