"""Every action of the Relogement tab, one dialog each (DOMAIN §2 HousingApplication, Offer…).

Each dialog holds a form, sends one service call through the write worker and stays open when
the service refuses: its French messages are shown under the fields they concern, and what was
typed is kept. A change names the version read when the form was opened, so a change saved
meanwhile by someone else is refused with their name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.money import parse_amount
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import (
    APPLICATION_STATUS,
    MEASURE_KIND,
    OFFER_OUTCOME,
    SECTOR,
    TYPOLOGY,
)
from desktop_app.services.rehousing import (
    ACCEPTED,
    REFUSALS,
    ApplicationInfo,
    OfferInfo,
    RehousingFile,
    record_application,
    record_dalo,
    record_offer,
    record_offer_outcome,
    record_rehousing,
    renew_application,
    update_application,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, OptionalDateEdit, date_edit, day_of
from desktop_app.ui.dialogs.support import code_combo
from desktop_app.ui.tasks import TaskRunner

SOCIAL: Final = "social"
SLID: Final = "slid"


def _optional(combo: QComboBox) -> object:
    return combo.currentData()


def offer_text(offer: OfferInfo) -> str:
    """How an offer is named in a choice list: date, landlord, commune."""
    return f"{format_date(offer.offered_on)} — {offer.landlord}, {offer.commune}"


class RehousingDialog(FormDialog):
    """The shared frame (`form.FormDialog`) of the Relogement dialogs.

    Signals:
        saved(object): what the service returned.
    """

    def __init__(
        self,
        title: str,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent, tasks=tasks)
        self._workspace = workspace


# ------------------------------------------------------------------ applications


class ApplicationDialog(RehousingDialog):
    """A new application (number, filing date), or a correction of one (and its status)."""

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        *,
        tasks: TaskRunner,
        application: ApplicationInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("New social-housing application")
            if application is None
            else self.tr("Edit the application")
        )
        super().__init__(title, workspace, tasks=tasks, parent=parent)
        self._household_id, self._application = household_id, application
        self.number_edit = QLineEdit(application.number if application else "")
        self.number_edit.setPlaceholderText(self.tr("Unique number (NUR)"))
        self.filed_edit = date_edit(application.filed_on if application else None)
        self.field("number", self.tr("Number"), self.number_edit)
        self.field("filed_on", self.tr("Filed on"), self.filed_edit)
        # A new application may have been renewed already; a recorded one changes status.
        self.renewed_edit = OptionalDateEdit(None, self)
        self.status_combo = code_combo(
            APPLICATION_STATUS, current=application.status if application else "active"
        )
        self.status_combo.setParent(self)
        if application is None:
            self.field("renewed_on", self.tr("Last renewed on"), self.renewed_edit)
            self.status_combo.setVisible(False)
        else:
            self.field("status", self.tr("Status"), self.status_combo)
            self.renewed_edit.setVisible(False)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `record_application` or `update_application` call."""
        ws, hid, current = self._workspace, self._household_id, self._application
        number, filed = self.number_edit.text(), day_of(self.filed_edit)
        if current is None:
            renewed = self.renewed_edit.value()
            return lambda: record_application(
                ws.database,
                actor=ws.actor,
                household_id=hid,
                number=number,
                filed_on=filed,
                renewed_on=renewed,
            )
        status = str(self.status_combo.currentData())
        return lambda: update_application(
            ws.database,
            actor=ws.actor,
            application_id=current.application_id,
            version=current.version,
            number=number,
            filed_on=filed,
            status=status,
        )


class RenewApplicationDialog(RehousingDialog):
    """The yearly renewal of an application."""

    def __init__(
        self,
        workspace: Workspace,
        application: ApplicationInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Renew the application"), workspace, tasks=tasks, parent=parent)
        self._application = application
        self.set_intro(
            self.tr("Application {number}, lapses on {day} unless renewed.").format(
                number=application.number, day=format_date(application.renewal_due_on)
            )
        )
        self.renewed_edit = date_edit()
        self.field("renewed_on", self.tr("Renewed on"), self.renewed_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `renew_application` call."""
        ws, current, renewed = self._workspace, self._application, day_of(self.renewed_edit)
        return lambda: renew_application(
            ws.database,
            actor=ws.actor,
            application_id=current.application_id,
            version=current.version,
            renewed_on=renewed,
        )


class DaloDialog(RehousingDialog):
    """The DALO recourse: filing, COMED decision, priority recognised, appeal."""

    def __init__(
        self,
        workspace: Workspace,
        application: ApplicationInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("DALO recourse"), workspace, tasks=tasks, parent=parent)
        self._application = application
        self.set_intro(self.tr("Application {number}").format(number=application.number))
        self.filed_edit = OptionalDateEdit(application.dalo_filed_on)
        self.decision_edit = OptionalDateEdit(application.comed_decision_on)
        self.recognised_combo = QComboBox()
        for text, value in (
            (self.tr("Not decided yet"), None),
            (self.tr("Priority recognised (PU DALO)"), True),
            (self.tr("Not recognised"), False),
        ):
            self.recognised_combo.addItem(text, value)
        self.recognised_combo.setCurrentIndex(
            {None: 0, True: 1, False: 2}[application.dalo_recognised]
        )
        self.appeal_edit = OptionalDateEdit(application.dalo_appeal_on)
        self.field("dalo_filed_on", self.tr("DALO recourse filed on"), self.filed_edit)
        self.field("comed_decision_on", self.tr("COMED decision on"), self.decision_edit)
        self.field("recognised", self.tr("Decision"), self.recognised_combo)
        self.field("appeal_on", self.tr("Appeal filed on"), self.appeal_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `record_dalo` call."""
        ws, current = self._workspace, self._application
        filed, decided = self.filed_edit.value(), self.decision_edit.value()
        appeal = self.appeal_edit.value()
        data = self.recognised_combo.currentData()
        recognised = None if data is None else bool(data)
        return lambda: record_dalo(
            ws.database,
            actor=ws.actor,
            application_id=current.application_id,
            version=current.version,
            dalo_filed_on=filed,
            comed_decision_on=decided,
            recognised=recognised,
            appeal_on=appeal,
        )


# ------------------------------------------------------------------ offers


class OfferDialog(RehousingDialog):
    """A housing offer: date, landlord, commune, typology, rent, the application it answers."""

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        applications: Sequence[ApplicationInfo],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New housing offer"), workspace, tasks=tasks, parent=parent)
        self._household_id = household_id
        self.offered_edit = date_edit()
        self.landlord_edit = QLineEdit()
        self.commune_edit = QLineEdit()
        self.typology_combo = code_combo(TYPOLOGY, empty=self.tr("Not recorded"))
        self.rent_edit = QLineEdit()
        self.rent_edit.setPlaceholderText(self.tr("Monthly rent, charges excluded"))
        self.application_combo = QComboBox()
        self.application_combo.addItem(self.tr("None"), None)
        for application in applications:
            self.application_combo.addItem(application.number, application.application_id)
        active = [a for a in applications if a.status == "active"]
        if active:
            self.application_combo.setCurrentIndex(
                self.application_combo.findData(active[0].application_id)
            )
        self.field("offered_on", self.tr("Offered on"), self.offered_edit)
        self.field("landlord", self.tr("Landlord"), self.landlord_edit)
        self.field("commune", self.tr("Commune"), self.commune_edit)
        self.field("typology", self.tr("Typology"), self.typology_combo)
        self.field("rent", self.tr("Rent"), self.rent_edit)
        self.field("application_id", self.tr("Application"), self.application_combo)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `record_offer` call (the rent read here: cents, or a problem on its field)."""
        ws, hid = self._workspace, self._household_id
        typed = self.rent_edit.text().strip()
        rent = parse_amount(typed) if typed else None
        if typed and rent is None:
            issues.append(ValidationIssue("rent", "contract_form.amount_invalid", {"value": typed}))
        offered, landlord = day_of(self.offered_edit), self.landlord_edit.text()
        commune, typology = self.commune_edit.text(), _optional(self.typology_combo)
        application = _optional(self.application_combo)
        return lambda: record_offer(
            ws.database,
            actor=ws.actor,
            household_id=hid,
            offered_on=offered,
            landlord=landlord,
            commune=commune,
            typology=None if typology is None else str(typology),
            rent=rent,
            application_id=None if application is None else int(str(application)),
        )


class OfferOutcomeDialog(RehousingDialog):
    """The answer to an offer; a refusal with its reason."""

    def __init__(
        self,
        workspace: Workspace,
        offer: OfferInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Outcome of the offer"), workspace, tasks=tasks, parent=parent)
        self._offer = offer
        self.set_intro(offer_text(offer))
        self.outcome_combo = code_combo(OFFER_OUTCOME, current=offer.outcome or ACCEPTED)
        self.outcome_edit = date_edit(offer.outcome_on)
        self.reason_edit = QLineEdit(offer.reason or "")
        self.field("outcome", self.tr("Outcome"), self.outcome_combo)
        self.field("outcome_on", self.tr("Answered on"), self.outcome_edit)
        self.field("reason", self.tr("Reason of the refusal"), self.reason_edit)
        self.outcome_combo.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()

    def _outcome_changed(self, _index: int = 0) -> None:
        """A reason goes with a refusal only."""
        self.set_row_visible("reason", self.outcome_combo.currentData() in REFUSALS)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `record_offer_outcome` call."""
        ws, current = self._workspace, self._offer
        outcome, answered = str(self.outcome_combo.currentData()), day_of(self.outcome_edit)
        reason = self.reason_edit.text() if outcome in REFUSALS else None
        return lambda: record_offer_outcome(
            ws.database,
            actor=ws.actor,
            offer_id=current.offer_id,
            version=current.version,
            outcome=outcome,
            outcome_on=answered,
            reason=reason,
        )


# ------------------------------------------------------------------ rehousing


def proposed_offer(content: RehousingFile) -> OfferInfo | None:
    """The offer a rehousing most likely comes from: the latest accepted and unused, else open."""
    used = {r.offer_id for r in content.rehousings}
    free = [o for o in content.offers if o.offer_id not in used]
    return next((o for o in free if o.outcome == ACCEPTED), None) or next(
        (o for o in free if o.outcome is None), None
    )


class RecordRehousingDialog(RehousingDialog):
    """The lease signed: landlord, sector, commune, the offer, the stay and measure it ends.

    Prefilled from the accepted offer; the household's open stay and running measure are
    chosen by default.
    """

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        content: RehousingFile,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Record a rehousing"), workspace, tasks=tasks, parent=parent)
        self._household_id = household_id
        self._offers = {o.offer_id: o for o in content.offers}
        self.set_intro(
            self.tr(
                "Saving ends the chosen stay on the day before the signature (unless another "
                "last day is given) and ends the measure as rehoused, or moves it to « in the "
                "home » when support continues."
            )
        )
        self.signed_edit = date_edit()
        self.offer_combo = QComboBox()
        self.offer_combo.addItem(self.tr("None"), None)
        for offer in content.offers:
            if offer.outcome not in REFUSALS:
                self.offer_combo.addItem(offer_text(offer), offer.offer_id)
        self.landlord_edit = QLineEdit()
        self.sector_combo = code_combo(SECTOR, current=SOCIAL)
        self.commune_edit = QLineEdit()
        self.destination_combo = QComboBox()
        self.destination_combo.addItem(self.tr("As the sector says"), None)
        self.destination_combo.addItem(
            self.tr("Sublease slid to the household (bail glissé)"), SLID
        )
        self.stay_combo = QComboBox()
        self.stay_combo.addItem(self.tr("No stay to end"), None)
        for stay in content.open_stays:
            self.stay_combo.addItem(
                self.tr("{programme}, since {day}").format(
                    programme=stay.programme, day=format_date(stay.entry)
                ),
                stay.stay_id,
            )
        self.last_day_edit = OptionalDateEdit(None)
        self.measure_combo = QComboBox()
        self.measure_combo.addItem(self.tr("No measure"), None)
        for measure in content.running_measures:
            self.measure_combo.addItem(
                self.tr("{kind}, since {day}").format(
                    kind=MEASURE_KIND.label(measure.kind), day=format_date(measure.start)
                ),
                measure.measure_id,
            )
        self.continues_check = QCheckBox(self.tr("Support continues in the home"))
        if content.open_stays:
            self.stay_combo.setCurrentIndex(1)
        if content.running_measures:
            self.measure_combo.setCurrentIndex(1)
        self.field("signed_on", self.tr("Lease signed on"), self.signed_edit)
        self.field("offer_id", self.tr("Offer"), self.offer_combo)
        self.field("landlord", self.tr("Landlord"), self.landlord_edit)
        self.field("sector", self.tr("Sector"), self.sector_combo)
        self.field("commune", self.tr("Commune"), self.commune_edit)
        self.field("destination", self.tr("Housing situation"), self.destination_combo)
        self.field("stay_id", self.tr("Stay it ends"), self.stay_combo)
        self.field("exit", self.tr("Last day of the stay"), self.last_day_edit)
        self.field("measure_id", self.tr("Measure"), self.measure_combo)
        self.field("support_continues", self.tr("After the rehousing"), self.continues_check)
        self.offer_combo.currentIndexChanged.connect(self._offer_changed)
        self.stay_combo.currentIndexChanged.connect(self._links_changed)
        self.measure_combo.currentIndexChanged.connect(self._links_changed)
        chosen = proposed_offer(content)
        if chosen is not None:
            self.offer_combo.setCurrentIndex(self.offer_combo.findData(chosen.offer_id))
        self._links_changed()

    def _offer_changed(self, _index: int = 0) -> None:
        """Take the landlord and the commune from the offer chosen."""
        offer = self._offers.get(self.offer_combo.currentData())
        if offer is not None:
            self.landlord_edit.setText(offer.landlord)
            self.commune_edit.setText(offer.commune)

    def _links_changed(self, _index: int = 0) -> None:
        self.set_row_visible("exit", self.stay_combo.currentData() is not None)
        self.set_row_visible("support_continues", self.measure_combo.currentData() is not None)

    def place(self, issue: ValidationIssue) -> str | None:
        """The stay's and measure's own checks are shown beside their choice."""
        names = {"from_date": "measure_id", "end": "measure_id", "outcome": "measure_id"}
        if issue.field in names:
            return names[issue.field]
        return super().place(issue)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `record_rehousing` call."""
        ws, hid = self._workspace, self._household_id
        signed, landlord = day_of(self.signed_edit), self.landlord_edit.text()
        sector, commune = str(self.sector_combo.currentData()), self.commune_edit.text()
        offer, stay, measure = (
            self.offer_combo.currentData(),
            self.stay_combo.currentData(),
            self.measure_combo.currentData(),
        )
        destination = self.destination_combo.currentData()
        last_day = self.last_day_edit.value() if stay is not None else None
        continues = measure is not None and self.continues_check.isChecked()
        return lambda: record_rehousing(
            ws.database,
            actor=ws.actor,
            household_id=hid,
            signed_on=signed,
            landlord=landlord,
            sector=sector,
            commune=commune,
            offer_id=None if offer is None else int(offer),
            stay_id=None if stay is None else int(stay),
            measure_id=None if measure is None else int(measure),
            support_continues=continues,
            destination=None if destination is None else str(destination),
            stay_last_day=last_day,
        )
