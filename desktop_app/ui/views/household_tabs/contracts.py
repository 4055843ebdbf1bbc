"""« Logement & contrat »: the household's contracts, the selected one in detail, its actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.messages import message
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import add_months, format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.sliding import Reminder
from desktop_app.domain.vocabulary import (
    BENEFIT_STATUS,
    CONTRACT_KIND,
    CONTRACT_STATE,
    SLIDING_FAILURE_REASON,
    SLIDING_OPINION,
    SLIDING_OUTCOME,
)
from desktop_app.services.contracts import (
    EDIT,
    RUNNING,
    SLIDING,
    BenefitStatusInfo,
    ContractInfo,
    GlissementInfo,
    RateInfo,
    ReviewInfo,
    SlidingPlanInfo,
    TransferInfo,
    contract_file,
    extend,
)
from desktop_app.services.housing import DwellingInfo, list_dwellings
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.contract import (
    BenefitStatusDialog,
    CaleolDialog,
    ContractDialog,
    ConventionDialog,
    EndContractDialog,
    FailureDialog,
    NewContractDialog,
    PlanGlissementDialog,
    RateDialog,
    RenewalDialog,
    ReviewDialog,
    TerminateDialog,
    TransferDialog,
)
from desktop_app.ui.dialogs.glissement import GlissementDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner

_SOON_MONTHS = 1  # a reminder due within a month is « soon »
_ROWS_SHOWN = 6  # rows of a detail table shown before it scrolls


def _plan_running(contract: ContractInfo | None) -> bool:
    """A sliding sublease whose plan still waits for its glissement (none yet: it will)."""
    if contract is None or contract.kind != SLIDING:
        return False
    return contract.plan is None or contract.plan.outcome in RUNNING


class ContractsTab(QWidget):
    """The contracts (kind, dwelling, period, state) and, for the one selected, its details.

    Details: rate history, benefit statuses, renewal and termination, the sliding plan with its
    calendar, reviews and reminders (« overdue » / « soon » written out, never by colour). The
    editing buttons exist only for those who may ever edit a contract, and are enabled by the
    selected contract's kind and state.

    Signals:
        changed(): a save succeeded (the household file reloads its other tabs).
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
        self._editable = may_ever(workspace.actor, EDIT)
        self._contracts: list[ContractInfo] = []
        self._selected_id: int | None = None
        self.contract_dialog: ContractDialog | None = None
        self.glissement_dialog: GlissementDialog | None = None
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.contracts_model: DtoTableModel[ContractInfo] = DtoTableModel(
            [
                (self.tr("Kind"), lambda c: CONTRACT_KIND.label(c.kind)),
                (self.tr("Dwelling"), lambda c: c.dwelling_reference),
                (self.tr("Period"), self._period),
                (self.tr("State"), lambda c: CONTRACT_STATE.label(c.state)),
                (
                    self.tr("Sliding lease"),
                    lambda c: SLIDING_OUTCOME.label(c.plan.outcome) if c.plan else "",
                ),
            ]
        )
        self.contracts_table = self._table(self.contracts_model, self.tr("Contracts"))
        self.contracts_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contracts_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contracts_table.selectionModel().selectionChanged.connect(self._selection_changed)
        splitter.addWidget(self.contracts_table)
        splitter.addWidget(self._details())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addLayout(self._buttons())
        self._show_details()

    # ------------------------------------------------------------- building

    def _table(self, model: DtoTableModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    def _details(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.summary_label)

        self.rates_model: DtoTableModel[RateInfo] = DtoTableModel(
            [
                (self.tr("From"), lambda r: format_date(r.valid_from)),
                (self.tr("Rent"), lambda r: format_eur(r.rent)),
                (self.tr("Charges"), lambda r: format_eur(r.charges)),
                (
                    self.tr("Services (mandatory / optional)"),
                    lambda r: (
                        f"{format_eur(r.mandatory_services)} / {format_eur(r.optional_services)}"
                    ),
                ),
                (self.tr("Expected benefit"), lambda r: format_eur(r.expected_benefit)),
                (self.tr("Tiers payant"), lambda r: self._yes_no(r.tiers_payant)),
                (self.tr("Due day"), lambda r: str(r.due_day)),
            ]
        )
        self.rates_table = self._table(self.rates_model, self.tr("Rates"))
        self.rates_group = self._group(self.tr("Rates"), self.rates_table)
        column.addWidget(self.rates_group)

        self.benefit_model: DtoTableModel[BenefitStatusInfo] = DtoTableModel(
            [
                (self.tr("From"), lambda s: format_date(s.valid_from)),
                (self.tr("Status"), lambda s: BENEFIT_STATUS.label(s.status)),
            ]
        )
        self.benefit_table = self._table(self.benefit_model, self.tr("Housing benefit statuses"))
        self.benefit_group = self._group(self.tr("Housing benefit"), self.benefit_table)
        column.addWidget(self.benefit_group)

        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reminders_list = QListWidget()
        self.reminders_list.setAccessibleName(self.tr("Reminders"))
        self.reminders_list.setWordWrap(True)
        self.reminders_list.setMaximumHeight(110)
        self.reviews_model: DtoTableModel[ReviewInfo] = DtoTableModel(
            [
                (self.tr("Date"), lambda r: format_date(r.review_date)),
                (self.tr("Participants"), lambda r: r.participants or ""),
                (
                    self.tr("Rent paid regularly"),
                    lambda r: self._criterion(r.criteria.rent_paid_regularly),
                ),
                (
                    self.tr("Peaceful occupation"),
                    lambda r: self._criterion(r.criteria.peaceful_occupation),
                ),
                (
                    self.tr("Tenant obligations"),
                    lambda r: self._criterion(r.criteria.tenant_obligations),
                ),
                (
                    self.tr("Administrative autonomy"),
                    lambda r: self._criterion(r.criteria.administrative_autonomy),
                ),
                (self.tr("Opinion"), lambda r: SLIDING_OPINION.label(r.opinion)),
            ]
        )
        self.reviews_table = self._table(self.reviews_model, self.tr("Reviews"))
        self.plan_group = self._group(
            self.tr("Sliding lease"),
            self.plan_label,
            QLabel(self.tr("Reminders")),
            self.reminders_list,
            QLabel(self.tr("Reviews")),
            self.reviews_table,
        )
        column.addWidget(self.plan_group)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    @staticmethod
    def _fit(table: QTableView) -> None:
        """As tall as its rows (a few at most: the rest scrolls), never an empty expanse."""
        model = table.model()
        shown = max(1, min(model.rowCount(), _ROWS_SHOWN))
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + shown * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )

    @staticmethod
    def _group(title: str, *widgets: QWidget) -> QGroupBox:
        group = QGroupBox(title)
        column = QVBoxLayout(group)
        for widget in widgets:
            column.addWidget(widget)
        return group

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        actions: list[tuple[str, str, Callable[[], object]]] = [
            ("new_contract_button", self.tr("New contract…"), self.ask_new_contract),
            ("rate_button", self.tr("New rate…"), self.ask_rate),
            ("benefit_button", self.tr("Benefit status…"), self.ask_benefit_status),
            ("renewal_button", self.tr("Renewal date…"), self.ask_renewal),
            ("review_button", self.tr("Review…"), self.ask_review),
            ("convention_button", self.tr("Convention…"), self.ask_convention),
            ("caleol_button", self.tr("CALEOL…"), self.ask_caleol),
            ("plan_button", self.tr("Plan the glissement…"), self.ask_plan),
            ("extend_button", self.tr("Extend"), self.ask_extend),
            ("failure_button", self.tr("Failure…"), self.ask_failure),
            ("transfer_button", self.tr("Transfer…"), self.ask_transfer),
            (
                "terminate_button",
                self.tr("Terminate (occupant without title)…"),
                self.ask_terminate,
            ),
            ("end_button", self.tr("End contract…"), self.ask_end),
            ("glissement_button", self.tr("Glissement…"), self.ask_glissement),
        ]
        for number, (attribute, text, slot) in enumerate(actions):
            button = QPushButton(text)
            button.setVisible(self._editable)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            setattr(self, attribute, button)
            grid.addWidget(button, number // 5, number % 5)
        return grid

    # Declared for type checkers; created by `_buttons`.
    new_contract_button: QPushButton
    rate_button: QPushButton
    benefit_button: QPushButton
    renewal_button: QPushButton
    review_button: QPushButton
    convention_button: QPushButton
    caleol_button: QPushButton
    plan_button: QPushButton
    extend_button: QPushButton
    failure_button: QPushButton
    transfer_button: QPushButton
    terminate_button: QPushButton
    end_button: QPushButton
    glissement_button: QPushButton

    # ------------------------------------------------------------- texts

    def _yes_no(self, value: bool) -> str:
        return self.tr("Yes") if value else self.tr("No")

    def _criterion(self, value: bool | None) -> str:
        return "—" if value is None else self._yes_no(value)

    def _period(self, contract: ContractInfo) -> str:
        if contract.end is None:
            return self.tr("since {start}").format(start=format_date(contract.start))
        return f"{format_date(contract.start)} → {format_date(contract.end)}"

    def _summary(self, contract: ContractInfo) -> str:
        lines = [
            self.tr("{kind} — dwelling {dwelling}, {period} ({state})").format(
                kind=CONTRACT_KIND.label(contract.kind),
                dwelling=contract.dwelling_reference,
                period=self._period(contract),
                state=CONTRACT_STATE.label(contract.state),
            ),
            self.tr("Renewal date: {day}").format(day=format_date(contract.renewal_date))
            if contract.renewal_date
            else self.tr("No renewal date"),
        ]
        if contract.terminated_on is not None:
            lines.append(
                self.tr("Terminated on {day}: {reason}").format(
                    day=format_date(contract.terminated_on), reason=contract.end_reason or ""
                )
            )
        elif contract.end_reason:
            lines.append(self.tr("End reason: {reason}").format(reason=contract.end_reason))
        return "\n".join(lines)

    def _plan_text(self, plan: SlidingPlanInfo) -> str:
        outcome = SLIDING_OUTCOME.label(plan.outcome)
        if plan.outcome == "failed" and plan.failure_reason:
            outcome += self.tr(" — {reason}, on {day}").format(
                reason=SLIDING_FAILURE_REASON.label(plan.failure_reason),
                day=format_date(plan.failed_on) if plan.failed_on else "?",
            )
        if plan.outcome == "slid" and plan.slid_on is not None:
            deposit = {
                "transferred": self.tr("deposit transferred to the landlord"),
                "refunded": self.tr("deposit refunded to the household"),
            }.get(plan.deposit or "", "")
            outcome += self.tr(" on {day}").format(day=format_date(plan.slid_on))
            outcome += f" ({deposit})" if deposit else ""
        lines = [
            self.tr("Outcome: {outcome}").format(outcome=outcome),
            self.tr("Convention signed on {day}").format(day=format_date(plan.convention_signed_on))
            if plan.convention_signed_on
            else self.tr("Convention signature date not recorded"),
            self.tr("A review every {period} months; at most {maximum} months").format(
                period=plan.review_period_months, maximum=plan.max_months
            ),
        ]
        if plan.outcome in RUNNING:
            schedule = plan.schedule
            lines.append(
                self.tr("Next review (no. {number}): {day}{late}").format(
                    number=schedule.review_number,
                    day=format_date(schedule.next_review),
                    late=self.tr(" — overdue") if schedule.review_overdue else "",
                )
            )
            lines.append(self.tr("Deadline: {day}").format(day=format_date(schedule.deadline)))
            lines.append(
                self.tr("Glissement planned on {day}").format(day=format_date(plan.planned_on))
                if plan.planned_on
                else self.tr("No glissement date planned")
            )
        if plan.caleol_date or plan.caleol_decision:
            lines.append(
                self.tr("CALEOL: {day} — {decision}").format(
                    day=format_date(plan.caleol_date) if plan.caleol_date else "?",
                    decision=plan.caleol_decision or self.tr("decision not recorded"),
                )
            )
        else:
            lines.append(self.tr("CALEOL: not recorded"))
        return "\n".join(lines)

    def reminder_text(self, reminder: Reminder, today: date) -> str:
        """A reminder in words, marked « overdue » or « soon » when it is."""
        text = message(reminder.code, due=format_date(reminder.due)).rstrip(".")
        if reminder.overdue:
            return f"⚠ {text} ({self.tr('overdue')})."
        if reminder.due <= add_months(today, _SOON_MONTHS):
            return f"⚠ {text} ({self.tr('soon')})."
        return f"{text}."

    # ------------------------------------------------------------- reading

    def load(self) -> None:
        """Read the household's contracts (read worker)."""
        ws, hid = self._workspace, self._household_id
        self._tasks.read(
            lambda _c: contract_file(ws.database, actor=ws.actor, household_id=hid),
            name="contracts",
            on_done=self._show_contracts,
            on_error=self._refused,
        )

    def _show_contracts(self, contracts: list[ContractInfo]) -> None:
        self._contracts = contracts
        self.contracts_model.set_rows(contracts)
        ids = [contract.contract_id for contract in contracts]
        row = ids.index(self._selected_id) if self._selected_id in ids else 0
        if contracts:
            self.contracts_table.selectRow(row)
        self._show_details()

    def selected_contract(self) -> ContractInfo | None:
        """The contract whose details are shown (the newest one after a load)."""
        rows = self.contracts_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.contracts_model.row(rows[0].row())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details()

    def _show_details(self) -> None:
        contract = self.selected_contract()
        self._selected_id = contract.contract_id if contract else None
        for group in (self.rates_group, self.benefit_group):
            group.setVisible(contract is not None)
        if contract is None:
            self.summary_label.setText(self.tr("No contract yet.") if not self._contracts else "")
            self.rates_model.set_rows([])
            self.benefit_model.set_rows([])
        else:
            self.summary_label.setText(self._summary(contract))
            self.rates_model.set_rows(list(reversed(contract.rates)))
            self.benefit_model.set_rows(list(reversed(contract.benefit_statuses)))
        plan = contract.plan if contract else None
        self.plan_group.setVisible(plan is not None)
        self.reminders_list.clear()
        if plan is None:
            self.plan_label.clear()
            self.reviews_model.set_rows([])
        else:
            self.plan_label.setText(self._plan_text(plan))
            self.reviews_model.set_rows(list(reversed(plan.reviews)))
            today = date.today()
            for reminder in plan.reminders:
                self.reminders_list.addItem(self.reminder_text(reminder, today))
            if not plan.reminders:
                self.reminders_list.addItem(self.tr("No reminder."))
        for table in (self.rates_table, self.benefit_table, self.reviews_table):
            self._fit(table)
        self._enable_buttons(contract)

    def _enable_buttons(self, contract: ContractInfo | None) -> None:
        active = contract is not None and contract.state == "active"
        running = _plan_running(contract)
        extended = (
            contract is not None
            and contract.plan is not None
            and (contract.plan.outcome == "extended")
        )
        self.rate_button.setEnabled(contract is not None)
        self.benefit_button.setEnabled(contract is not None)
        self.renewal_button.setEnabled(active)
        for button in (
            self.review_button,
            self.convention_button,
            self.caleol_button,
            self.plan_button,
        ):
            button.setEnabled(active and running)
        self.extend_button.setEnabled(active and running and not extended)
        self.failure_button.setEnabled(running)
        self.transfer_button.setEnabled(active)
        self.terminate_button.setEnabled(active)
        self.end_button.setEnabled(
            contract is not None and contract.state != "ended" and not running
        )
        self.glissement_button.setVisible(self._editable and self._sliding_contract() is not None)

    # ------------------------------------------------------------- actions

    def _open(self, dialog: ContractDialog) -> ContractDialog:
        dialog.saved.connect(self._saved)
        dialog.open()
        self.contract_dialog = dialog
        return dialog

    def _saved(self, result: object) -> None:
        """A save went through: show the contract it concerns, tell the file, re-read."""
        if isinstance(result, ContractInfo):
            self._selected_id = result.contract_id
        elif isinstance(result, TransferInfo):
            self._selected_id = result.created.contract_id
        elif isinstance(result, GlissementInfo):
            self._selected_id = result.contract.contract_id
        self.changed.emit()
        self.load()

    def _with_dwellings(self, show: Callable[[list[DwellingInfo]], object]) -> None:
        ws = self._workspace

        def shown(dwellings: list[DwellingInfo]) -> None:
            if not dwellings:
                self._dialogs.warn(
                    self,
                    self.tr("Housing and contract"),
                    self.tr("No dwelling is available: add it to the housing stock first."),
                )
                return
            show(dwellings)

        self._tasks.read(
            lambda _c: list_dwellings(ws.database, actor=ws.actor),
            name="dwellings",
            on_done=shown,
            on_error=self._refused,
        )

    def ask_new_contract(self) -> None:
        """Open the new contract dialog once the dwellings are read."""
        ws, hid, tasks = self._workspace, self._household_id, self._tasks
        self._with_dwellings(
            lambda dwellings: self._open(
                NewContractDialog(ws, hid, dwellings, tasks=tasks, parent=self)
            )
        )

    def ask_rate(self) -> ContractDialog | None:
        """A new (or corrected) rate for the selected contract."""
        contract = self.selected_contract()
        if contract is None:
            return None
        return self._open(RateDialog(self._workspace, contract, tasks=self._tasks, parent=self))

    def ask_benefit_status(self) -> ContractDialog | None:
        """The housing benefit's status from a date."""
        contract = self.selected_contract()
        if contract is None:
            return None
        return self._open(
            BenefitStatusDialog(self._workspace, contract, tasks=self._tasks, parent=self)
        )

    def ask_renewal(self) -> ContractDialog | None:
        """The renewal date of the selected contract."""
        contract = self.selected_contract()
        if contract is None or contract.state != "active":
            return None
        return self._open(RenewalDialog(self._workspace, contract, tasks=self._tasks, parent=self))

    def _running_sliding(self) -> ContractInfo | None:
        contract = self.selected_contract()
        if contract is None or contract.state != "active" or not _plan_running(contract):
            return None
        return contract

    def ask_review(self) -> ContractDialog | None:
        """A periodic review of the selected sliding sublease."""
        contract = self._running_sliding()
        if contract is None:
            return None
        return self._open(ReviewDialog(self._workspace, contract, tasks=self._tasks, parent=self))

    def ask_convention(self) -> ContractDialog | None:
        """The signature date of the tripartite convention."""
        contract = self._running_sliding()
        if contract is None:
            return None
        return self._open(
            ConventionDialog(self._workspace, contract, tasks=self._tasks, parent=self)
        )

    def ask_caleol(self) -> ContractDialog | None:
        """The CALEOL date and decision."""
        contract = self._running_sliding()
        if contract is None:
            return None
        return self._open(CaleolDialog(self._workspace, contract, tasks=self._tasks, parent=self))

    def ask_plan(self) -> ContractDialog | None:
        """The date the glissement is planned for."""
        contract = self._running_sliding()
        if contract is None:
            return None
        return self._open(
            PlanGlissementDialog(self._workspace, contract, tasks=self._tasks, parent=self)
        )

    def ask_extend(self) -> None:
        """Confirm, then record that the sublease goes on past its maximum."""
        contract = self._running_sliding()
        if contract is None:
            return
        deadline = format_date(contract.plan.schedule.deadline) if contract.plan else "?"
        if not self._dialogs.confirm(
            self,
            self.tr("Extend the sublease"),
            self.tr(
                "Record that the sublease of dwelling {dwelling} goes on past its maximum "
                "({deadline})? Its grounds are the review whose opinion was an extension."
            ).format(dwelling=contract.dwelling_reference, deadline=deadline),
        ):
            return
        ws, contract_id = self._workspace, contract.contract_id
        self._tasks.write(
            lambda _c: extend(ws.database, actor=ws.actor, contract_id=contract_id),
            name="extend",
            on_done=self._saved,
            on_error=self._refused,
        )

    def ask_failure(self) -> ContractDialog | None:
        """The failure of the glissement, with its reason."""
        contract = self.selected_contract()
        if contract is None or not _plan_running(contract):
            return None
        return self._open(
            FailureDialog(
                self._workspace, contract, tasks=self._tasks, dialogs=self._dialogs, parent=self
            )
        )

    def ask_transfer(self) -> None:
        """Open the internal transfer once the dwellings (of the same programme) are read."""
        contract = self.selected_contract()
        if contract is None or contract.state != "active":
            return
        ws, tasks, dialogs = self._workspace, self._tasks, self._dialogs

        def show(dwellings: list[DwellingInfo]) -> None:
            programme = next(
                (d.programme_id for d in dwellings if d.dwelling_id == contract.dwelling_id), None
            )
            same = [d for d in dwellings if programme is None or d.programme_id == programme]
            self._open(
                TransferDialog(ws, contract, same, tasks=tasks, dialogs=dialogs, parent=self)
            )

        self._with_dwellings(show)

    def ask_terminate(self) -> ContractDialog | None:
        """The résiliation: the household becomes an occupant without title."""
        contract = self.selected_contract()
        if contract is None or contract.state != "active":
            return None
        return self._open(
            TerminateDialog(
                self._workspace, contract, tasks=self._tasks, dialogs=self._dialogs, parent=self
            )
        )

    def ask_end(self) -> ContractDialog | None:
        """The end (departure) of an active or terminated contract."""
        contract = self.selected_contract()
        if contract is None or contract.state == "ended":
            return None
        return self._open(
            EndContractDialog(
                self._workspace, contract, tasks=self._tasks, dialogs=self._dialogs, parent=self
            )
        )

    def _sliding_contract(self) -> ContractInfo | None:
        """The selected running sliding sublease, else the household's first one."""
        selected = self._running_sliding()
        if selected is not None:
            return selected
        return next((c for c in self._contracts if c.state == "active" and _plan_running(c)), None)

    def ask_glissement(self) -> GlissementDialog | None:
        """Open the guided glissement for the running sliding sublease."""
        contract = self._sliding_contract()
        if contract is None:
            return None
        dialog = GlissementDialog(self._workspace, contract, tasks=self._tasks, parent=self)
        dialog.done_glissement.connect(self._saved)
        dialog.open()
        self.glissement_dialog = dialog
        return dialog

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Housing and contract"), error.text)
            return
        raise error
