"""The dialogs of the Admissions screen: a candidature, a step, a decision, the admission.

Each holds a form, sends one service call through the write worker and stays open when the
service refuses: its French messages are shown under the fields they concern, what was typed
is kept. The admission dialog says what will be created (the stay and, when a dwelling is
assigned, the contract) from what the candidature already holds: nothing is typed twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.money import parse_amount
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import (
    CANDIDATURE_DECISION,
    CANDIDATURE_STEP,
    CONTRACT_KIND,
    DALO_STATUS,
    ENTRY_SITUATION,
    REFERRER,
    REFUSAL_REASON,
    SEX,
    Vocabulary,
)
from desktop_app.services.admissions import (
    AdmissionChoices,
    CandidatureInfo,
    ContractPart,
    NewHousehold,
    RateInput,
    add_step,
    admit,
    decide,
    record_candidature,
)
from desktop_app.services.households import HouseholdQuery, search_households
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, OptionalDateEdit, date_edit, day_of, qdate
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner

_SEARCH_LIMIT = 50
_RESIDENCE_AGREEMENT = "residence_agreement"
_KIND_BY_PROGRAMME = {
    "iml_sublease": "sublease",
    "sliding_lease": "sliding_sublease",
    "iml_mandate": "lease_mandate",
    "boarding_house": _RESIDENCE_AGREEMENT,
    "reception_residence": _RESIDENCE_AGREEMENT,
}


def vocabulary_combo(
    vocabulary: Vocabulary, *, empty: str | None = None, current: str | None = None
) -> QComboBox:
    """A combo of a vocabulary's French labels (codes as data), maybe with an empty choice."""
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for code in vocabulary:
        combo.addItem(vocabulary.label(code), code)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    return combo


def _label(vocabulary: Vocabulary, code: str | None, empty: str) -> str:
    return vocabulary.label(code) if code is not None and code in vocabulary else empty


class NewCandidatureDialog(FormDialog):
    """An orientation: a new household (its head) or an existing one, and what is asked.

    The dwellings and residences offered follow the programme chosen.
    """

    def __init__(
        self,
        workspace: Workspace,
        choices: AdmissionChoices,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider | None = None,
        programme_id: int | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("New candidature"), parent, tasks=tasks, dialogs=dialogs, width=600
        )
        self._workspace = workspace
        self._choices = choices
        self._today = today
        self._household_fields()
        self._orientation_fields(programme_id)
        self.programme_combo.currentIndexChanged.connect(self._programme_changed)
        self.new_radio.toggled.connect(self._household_mode)
        self.search_button.clicked.connect(self.search)
        self.search_edit.returnPressed.connect(self.search)
        self._programme_changed()
        self._household_mode()

    def _household_fields(self) -> None:
        """New household (its head) or an existing one, found by name or reference."""
        self.new_radio = QRadioButton(self.tr("&New household"))
        self.existing_radio = QRadioButton(self.tr("&Existing household"))
        self.new_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.new_radio)
        group.addButton(self.existing_radio)
        which = QWidget()
        row = QHBoxLayout(which)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_radio)
        row.addWidget(self.existing_radio)
        row.addStretch(1)
        self.new_radio.setAccessibleName(self.new_radio.text().replace("&", ""))
        self.existing_radio.setAccessibleName(self.existing_radio.text().replace("&", ""))
        self.row(self.tr("Household"), which, "household")
        self.last_name_edit = QLineEdit()
        self.first_name_edit = QLineEdit()
        self.sex_combo = vocabulary_combo(SEX, current="unknown")
        self.birth_edit = OptionalDateEdit(None)
        self.row(self.tr("Head's last name"), self.last_name_edit, "last_name")
        self.row(self.tr("Head's first name"), self.first_name_edit, "first_name")
        self.row(self.tr("Sex"), self.sex_combo, "sex")
        self.row(self.tr("Birth date"), self.birth_edit, "birth_date")
        finder = QWidget()
        find_row = QHBoxLayout(finder)
        find_row.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name or reference"))
        self.search_edit.setAccessibleName(self.tr("Search a household"))
        self.search_button = QPushButton(self.tr("&Find"))
        self.search_button.setAccessibleName(self.tr("Find the households matching"))
        find_row.addWidget(self.search_edit, 1)
        find_row.addWidget(self.search_button)
        self.row(self.tr("Search"), finder, "search")
        self.household_combo = QComboBox()
        self.row(self.tr("Existing household"), self.household_combo, "household_id")

    def _orientation_fields(self, programme_id: int | None) -> None:
        """What is asked, by whom, from where."""
        choices, today = self._choices, self._today
        self.programme_combo = QComboBox()
        for pid, name in choices.programmes:
            self.programme_combo.addItem(name, pid)
        if programme_id is not None:
            self.programme_combo.setCurrentIndex(self.programme_combo.findData(programme_id))
        self.dwelling_combo = QComboBox()
        self.residence_combo = QComboBox()
        self.siao_edit = QLineEdit()
        self.oriented_edit = date_edit(today)
        self.referrer_combo = vocabulary_combo(
            REFERRER, empty=self.tr("Not recorded"), current="siao"
        )
        self.partner_combo = QComboBox()
        self.partner_combo.addItem(self.tr("None"), None)
        for pid, name in choices.partners:
            self.partner_combo.addItem(name, pid)
        self.situation_combo = vocabulary_combo(ENTRY_SITUATION, empty=self.tr("Not recorded"))
        self.dalo_combo = vocabulary_combo(DALO_STATUS, current="non_dalo")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(70)
        self.row(self.tr("Programme"), self.programme_combo, "programme")
        self.row(self.tr("Dwelling offered"), self.dwelling_combo, "dwelling")
        self.row(self.tr("Residence (place)"), self.residence_combo, "residence")
        self.row(self.tr("SI-SIAO request number"), self.siao_edit, "siao_reference")
        self.row(self.tr("Orientation date"), self.oriented_edit, "oriented_on")
        self.row(self.tr("Referrer"), self.referrer_combo, "referrer")
        self.row(self.tr("Referring partner"), self.partner_combo, "referrer_partner")
        self.row(self.tr("Situation before entry"), self.situation_combo, "entry_situation")
        self.row(self.tr("DALO status"), self.dalo_combo, "dalo_status")
        self.row(self.tr("Note"), self.note_edit, "note")

    def _programme_changed(self) -> None:
        """Offer the dwellings and residences of the programme chosen."""
        programme = self.programme_combo.currentData()
        self.dwelling_combo.clear()
        self.dwelling_combo.addItem(self.tr("None"), None)
        for dwelling in self._choices.dwellings:
            if dwelling.programme_id == programme:
                self.dwelling_combo.addItem(dwelling.label, dwelling.dwelling_id)
        self.residence_combo.clear()
        self.residence_combo.addItem(self.tr("None"), None)
        for rid, name, pid in self._choices.residences:
            if pid == programme:
                self.residence_combo.addItem(name, rid)

    def _household_mode(self) -> None:
        new = self.new_radio.isChecked()
        for name in ("last_name", "first_name", "sex", "birth_date"):
            self.set_row_visible(name, new)
        for name in ("search", "household_id"):
            self.set_row_visible(name, not new)

    def search(self) -> None:
        """Look for existing households by name or reference (read worker)."""
        assert self._tasks is not None
        ws, text = self._workspace, self.search_edit.text().strip()
        self._tasks.read(
            lambda _c: search_households(
                ws.database,
                actor=ws.actor,
                query=HouseholdQuery(text=text, status="all"),
                limit=_SEARCH_LIMIT,
            ),
            name="candidature-household-search",
            on_done=self._found,
            on_error=self.refused,
        )

    def _found(self, page: object) -> None:
        self.household_combo.clear()
        for row in getattr(page, "rows", ()):
            self.household_combo.addItem(f"{row.reference} — {row.head}", row.household_id)

    def accept(self) -> None:
        """Ask the service (which checks everything, at once)."""
        ws = self._workspace
        household_id: int | None = None
        new: NewHousehold | None = None
        if self.new_radio.isChecked():
            new = NewHousehold(
                last_name=self.last_name_edit.text(),
                first_name=self.first_name_edit.text(),
                sex=str(self.sex_combo.currentData()),
                birth_date=self.birth_edit.value(),
            )
        elif self.household_combo.currentIndex() >= 0:
            household_id = int(self.household_combo.currentData())
        if self.programme_combo.currentIndex() < 0:
            self.show_issues([ValidationIssue("programme", "candidature.programme_unknown")])
            return
        values = {
            "programme_id": int(self.programme_combo.currentData()),
            "oriented_on": day_of(self.oriented_edit),
            "household_id": household_id,
            "new_household": new,
            "dwelling_id": self.dwelling_combo.currentData(),
            "residence_id": self.residence_combo.currentData(),
            "siao_reference": self.siao_edit.text(),
            "referrer": self.referrer_combo.currentData(),
            "referrer_partner_id": self.partner_combo.currentData(),
            "entry_situation": self.situation_combo.currentData(),
            "dalo_status": str(self.dalo_combo.currentData()),
            "note": self.note_edit.toPlainText(),
        }
        today = self._today
        self.submit(
            lambda: record_candidature(ws.database, actor=ws.actor, today=today, **values),
            name="record-candidature",
        )


class StepDialog(FormDialog):
    """A step of a candidature: an interview, a visit of the dwelling, the committee."""

    def __init__(
        self,
        workspace: Workspace,
        candidature_id: int,
        *,
        tasks: TaskRunner,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Step of the candidature"), parent, tasks=tasks)
        self._workspace, self._candidature_id, self._today = workspace, candidature_id, today
        self.kind_combo = vocabulary_combo(CANDIDATURE_STEP, current="interview")
        self.held_edit = date_edit(today)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(70)
        self.row(self.tr("Step"), self.kind_combo, "kind")
        self.row(self.tr("Date"), self.held_edit, "held_on")
        self.row(self.tr("Note"), self.note_edit, "note")

    def accept(self) -> None:
        """Ask the service."""
        ws, cid, today = self._workspace, self._candidature_id, self._today
        kind, held_on = str(self.kind_combo.currentData()), day_of(self.held_edit)
        note = self.note_edit.toPlainText()
        self.submit(
            lambda: add_step(
                ws.database,
                actor=ws.actor,
                candidature_id=cid,
                kind=kind,
                held_on=held_on,
                note=note,
                today=today,
            ),
            name="candidature-step",
        )


class DecisionDialog(FormDialog):
    """The decision, its date, the reason of a refusal (shown only then), the SIAO answer."""

    def __init__(
        self,
        workspace: Workspace,
        candidature: CandidatureInfo,
        *,
        tasks: TaskRunner,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Decision on the candidature"), parent, tasks=tasks)
        self._workspace, self._candidature, self._today = workspace, candidature, today
        self.set_intro(
            self.tr("{reference} — {head}, oriented on {oriented} towards {programme}.").format(
                reference=candidature.household_reference,
                head=candidature.head,
                oriented=format_date(candidature.oriented_on),
                programme=candidature.programme,
            )
        )
        self.decision_combo = vocabulary_combo(
            CANDIDATURE_DECISION, current=candidature.decision or "admitted"
        )
        self.decided_edit = date_edit(candidature.decided_on or today)
        self.reason_combo = vocabulary_combo(
            REFUSAL_REASON, empty=self.tr("Choose a reason"), current=candidature.refusal_reason
        )
        self.answered_edit = OptionalDateEdit(candidature.siao_answered_on)
        self.note_edit = QPlainTextEdit(candidature.note or "")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(70)
        self.row(self.tr("Decision"), self.decision_combo, "decision")
        self.row(self.tr("Decision date"), self.decided_edit, "decided_on")
        self.row(self.tr("Reason"), self.reason_combo, "refusal_reason")
        self.row(
            self.tr("SIAO answered on (the decision date if unknown)"),
            self.answered_edit,
            "siao_answered_on",
        )
        self.row(self.tr("Note"), self.note_edit, "note")
        self.decision_combo.currentIndexChanged.connect(self._decision_changed)
        self._decision_changed()

    def _decision_changed(self) -> None:
        """The reason is asked for a refusal or no follow-up only."""
        refused = self.decision_combo.currentData() != "admitted"
        self.set_row_visible("refusal_reason", refused)

    def accept(self) -> None:
        """Ask the service (the reason is sent only for a refusal)."""
        ws, info, today = self._workspace, self._candidature, self._today
        decision = str(self.decision_combo.currentData())
        reason = self.reason_combo.currentData() if decision != "admitted" else None
        decided_on, answered = day_of(self.decided_edit), self.answered_edit.value()
        note = self.note_edit.toPlainText()
        self.submit(
            lambda: decide(
                ws.database,
                actor=ws.actor,
                candidature_id=info.candidature_id,
                decision=decision,
                decided_on=decided_on,
                refusal_reason=reason,
                note=note,
                siao_answered_on=answered,
                version=info.version,
                today=today,
            ),
            name="candidature-decision",
        )


class AdmitDialog(FormDialog):
    """The admission: entry date, and the contract when a dwelling is assigned.

    The stay's programme, situation before entry, referrer, DALO status and SI-SIAO number
    come from the candidature and are shown, not typed again.
    """

    def __init__(
        self,
        workspace: Workspace,
        candidature: CandidatureInfo,
        choices: AdmissionChoices,
        *,
        tasks: TaskRunner,
        programme_kind: str | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Admit {reference}").format(reference=candidature.household_reference),
            parent,
            tasks=tasks,
            save_text=self.tr("Admit"),
            width=600,
        )
        self._workspace, self._candidature, self._today = workspace, candidature, today
        dash = self.tr("not recorded")
        self.set_intro(self.summary(candidature, dash))
        self.entry_edit = date_edit(today)
        self.decided_edit = OptionalDateEdit(None)
        self.row(self.tr("Entry date"), self.entry_edit, "entry")
        if candidature.decision is None:
            self.row(
                self.tr("Admission decided on (the entry date if unknown)"),
                self.decided_edit,
                "decided_on",
            )
        self.contract_box = QCheckBox(self.tr("Sign the occupancy contract now"))
        self.row(self.tr("Contract"), self.contract_box, "contract")
        self.contract_box.setAccessibleName(self.contract_box.text())
        self.dwelling_combo = QComboBox()
        for dwelling in choices.dwellings:
            if dwelling.programme_id == candidature.programme_id:
                self.dwelling_combo.addItem(dwelling.label, dwelling.dwelling_id)
        if candidature.dwelling_id is not None:
            self.dwelling_combo.setCurrentIndex(
                self.dwelling_combo.findData(candidature.dwelling_id)
            )
        kind = _KIND_BY_PROGRAMME.get(programme_kind or candidature.programme_kind, "sublease")
        self.kind_combo = vocabulary_combo(CONTRACT_KIND, current=kind)
        self.start_edit = date_edit(today)
        self.amount_edits: dict[str, QLineEdit] = {}
        self.row(self.tr("Dwelling"), self.dwelling_combo, "dwelling")
        self.row(self.tr("Kind of contract"), self.kind_combo, "kind")
        self.row(self.tr("First day of the contract"), self.start_edit, "start")
        for name, label in (
            ("rent", self.tr("Rent (or fee)")),
            ("charges", self.tr("Charges")),
            ("expected_benefit", self.tr("Expected housing benefit")),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText("1 234,56")
            self.amount_edits[name] = edit
            self.row(label, edit, name)
        self.tiers_payant_box = QCheckBox(self.tr("Paid to the association (tiers payant)"))
        self.row(self.tr("Housing benefit"), self.tiers_payant_box, "tiers_payant")
        self.tiers_payant_box.setAccessibleName(self.tiers_payant_box.text())
        self.contract_box.setChecked(self.dwelling_combo.count() > 0)
        self.contract_box.setEnabled(self.dwelling_combo.count() > 0)
        self.contract_box.toggled.connect(self._contract_toggled)
        self.entry_edit.dateChanged.connect(self.start_edit.setDate)
        self._contract_toggled()

    def summary(self, info: CandidatureInfo, dash: str) -> str:
        """What the admission creates, from the candidature."""
        lines = [
            self.tr("Admitting {reference} — {head} opens a stay in {programme}:").format(
                reference=info.household_reference, head=info.head, programme=info.programme
            ),
            self.tr("situation before entry: {situation}; referrer: {referrer};").format(
                situation=_label(ENTRY_SITUATION, info.entry_situation, dash),
                referrer=_label(REFERRER, info.referrer, dash),
            ),
            self.tr("DALO: {dalo}; SI-SIAO: {siao}.").format(
                dalo=_label(DALO_STATUS, info.dalo_status, dash),
                siao=info.siao_reference or dash,
            ),
        ]
        if info.decision is None:
            lines.append(self.tr("The decision « admitted » is recorded with it."))
        if info.dwelling is not None:
            lines.append(
                self.tr("Dwelling assigned: {dwelling}; its contract is signed too.").format(
                    dwelling=info.dwelling
                )
            )
        return "\n".join(lines)

    def _contract_toggled(self) -> None:
        on = self.contract_box.isChecked()
        for name in ("dwelling", "kind", "start", *self.amount_edits, "tiers_payant"):
            self.set_row_visible(name, on)

    def read_contract(self) -> tuple[ContractPart | None, list[ValidationIssue]]:
        """The contract typed (None when not asked for), or the amounts that cannot be read."""
        if not self.contract_box.isChecked():
            return None, []
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
            ContractPart(
                kind=str(self.kind_combo.currentData()),
                rate=RateInput(
                    rent=cents["rent"],
                    charges=cents["charges"],
                    expected_benefit=cents["expected_benefit"],
                    tiers_payant=self.tiers_payant_box.isChecked(),
                ),
                start=day_of(self.start_edit),
                dwelling_id=self.dwelling_combo.currentData(),
            ),
            [],
        )

    def accept(self) -> None:
        """Read the amounts here, then ask the service (one transaction for everything)."""
        contract, issues = self.read_contract()
        if issues:
            self.show_issues(issues)
            return
        ws, info, today = self._workspace, self._candidature, self._today
        entry = day_of(self.entry_edit)
        decided = self.decided_edit.value() if info.decision is None else None
        self.submit(
            lambda: admit(
                ws.database,
                actor=ws.actor,
                candidature_id=info.candidature_id,
                entry=entry,
                decided_on=decided,
                contract=contract,
                version=info.version,
                today=today,
            ),
            name="admit-candidature",
        )

    def set_entry(self, day: date) -> None:
        """Show ``day`` as the entry (and the contract's first day)."""
        self.entry_edit.setDate(qdate(day))


__all__: Sequence[str] = (
    "AdmitDialog",
    "DecisionDialog",
    "NewCandidatureDialog",
    "StepDialog",
    "vocabulary_combo",
)
