"""The housing stock's forms: landlords, residences, dwellings, main leases, vacancy periods.

Every form saves with one service call through the write worker. What the service refuses comes
back as `ValidationIssue` texts shown under the field they concern (the rest under the form),
and what was typed stays in place. Amounts are typed the French way (``1 234,56``), dates as
``dd/mm/yyyy``; an optional date may stay empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

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
from desktop_app.domain.periods import format_date, parse_date
from desktop_app.domain.vocabulary import (
    DPE_CLASS,
    LANDLORD_KIND,
    SECTOR,
    TYPOLOGY,
    VACANCY_REASON,
)
from desktop_app.services.housing import (
    DwellingInfo,
    DwellingInput,
    LandlordInfo,
    MainLeaseInfo,
    ResidenceInfo,
    VacancyInfo,
    add_dwelling,
    add_landlord,
    add_main_lease,
    add_residence,
    add_vacancy,
    end_main_lease,
    end_vacancy,
    return_dwelling,
    set_residence_places,
    update_dwelling,
    update_landlord,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, vocabulary_combo
from desktop_app.ui.dialogs.form import date_edit as _date_edit
from desktop_app.ui.dialogs.form import day_of as _day
from desktop_app.ui.tasks import TaskRunner

_MAX_COUNT = 9_999


@dataclass(frozen=True, slots=True)
class StockChoices:
    """What the dwelling form offers: programmes, landlords and residences, by name."""

    programmes: tuple[tuple[int, str], ...]
    landlords: tuple[LandlordInfo, ...]
    residences: tuple[ResidenceInfo, ...]


# ------------------------------------------------------------------ small widgets and readers


def _id_combo(
    choices: Sequence[tuple[int, str]], *, empty: str | None = None, current: int | None = None
) -> QComboBox:
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for key, name in choices:
        combo.addItem(name, key)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def _count_spin(value: int, minimum: int = 0) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, _MAX_COUNT)
    spin.setValue(value)
    return spin


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


def _optional_date(edit: QLineEdit, field: str, issues: list[ValidationIssue]) -> date | None:
    """The date typed, None when empty; an unreadable date adds an issue."""
    text = edit.text().strip()
    if not text:
        return None
    day = parse_date(text)
    if day is None:
        issues.append(ValidationIssue(field, "housing_screen.date_invalid", {"value": text}))
    return day


def _amount(edit: QLineEdit, field: str, issues: list[ValidationIssue], *, required: bool) -> int:
    """Cents typed as ``1 234,56``; empty is 0 unless required."""
    text = edit.text().strip()
    if not text:
        if required:
            issues.append(ValidationIssue(field, "housing.required"))
        return 0
    cents = parse_amount(text)
    if cents is None:
        issues.append(ValidationIssue(field, "housing_screen.amount_invalid", {"value": text}))
        return 0
    return cents


def _decimal(edit: QLineEdit, field: str, issues: list[ValidationIssue]) -> Decimal | None:
    """A number typed with a comma or a dot (``18,5``), None when empty."""
    text = edit.text().strip()
    if not text:
        return None
    try:
        number = Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        issues.append(ValidationIssue(field, "housing_screen.number_invalid", {"value": text}))
        return None
    return number


def _number_text(number: Decimal) -> str:
    """``42,5`` for 42.50 (no trailing zeros, a French comma)."""
    return f"{number.normalize():f}".replace(".", ",")


def _amount_text(cents: int) -> str:
    return format_eur(cents, symbol=False)


# ------------------------------------------------------------------ the shared frame


class HousingFormDialog(FormDialog):
    """The shared frame (`form.FormDialog`) with the workspace the services are called with."""

    def __init__(
        self, title: str, workspace: Workspace, tasks: TaskRunner, parent: QWidget | None
    ) -> None:
        super().__init__(title, parent, tasks=tasks)
        self._workspace = workspace


# ------------------------------------------------------------------ landlords


class LandlordDialog(HousingFormDialog):
    """A landlord's name, kind and contact; a new one, or the one given to edit."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        landlord: LandlordInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New landlord") if landlord is None else self.tr("Landlord")
        super().__init__(title, workspace, tasks, parent)
        self._landlord = landlord
        self.name_edit = QLineEdit(landlord.name if landlord else "")
        self.kind_combo = vocabulary_combo(
            LANDLORD_KIND, current=landlord.kind if landlord else "private"
        )
        self.phone_edit = QLineEdit((landlord.phone or "") if landlord else "")
        self.email_edit = QLineEdit((landlord.email or "") if landlord else "")
        self.address_edit = QLineEdit((landlord.address or "") if landlord else "")
        self.field("name", self.tr("Name"), self.name_edit)
        self.field("kind", self.tr("Kind"), self.kind_combo)
        self.field("phone", self.tr("Phone"), self.phone_edit)
        self.field("email", self.tr("E-mail"), self.email_edit)
        self.field("address", self.tr("Address"), self.address_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Add or update the landlord."""
        ws = self._workspace
        values = {
            "name": self.name_edit.text(),
            "kind": str(self.kind_combo.currentData()),
            "phone": _text(self.phone_edit),
            "email": _text(self.email_edit),
            "address": _text(self.address_edit),
        }
        if self._landlord is None:
            return lambda: add_landlord(ws.database, actor=ws.actor, **values)  # type: ignore[arg-type]
        landlord_id = self._landlord.landlord_id
        return lambda: update_landlord(
            ws.database,
            actor=ws.actor,
            landlord_id=landlord_id,
            **values,  # type: ignore[arg-type]
        )


# ------------------------------------------------------------------ residences


class ResidenceDialog(HousingFormDialog):
    """A new pension de famille / résidence accueil with its places from a date."""

    def __init__(
        self,
        workspace: Workspace,
        programmes: Sequence[tuple[int, str]],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New residence"), workspace, tasks, parent)
        self.name_edit = QLineEdit()
        self.programme_combo = _id_combo(programmes)
        self.places_spin = _count_spin(0)
        self.valid_from_edit = _date_edit()
        self.address_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        self.commune_edit = QLineEdit()
        self.field("name", self.tr("Name"), self.name_edit)
        self.field("programme_id", self.tr("Programme"), self.programme_combo)
        self.field("places", self.tr("Places"), self.places_spin)
        self.field("valid_from", self.tr("Places from"), self.valid_from_edit)
        self.field("address", self.tr("Address"), self.address_edit)
        self.field("postcode", self.tr("Postcode"), self.postcode_edit)
        self.field("commune", self.tr("Commune"), self.commune_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Add the residence and its first places in one transaction."""
        ws = self._workspace
        programme_id = self.programme_combo.currentData()
        if programme_id is None:
            issues.append(ValidationIssue("programme_id", "housing_screen.choose_programme"))
        name, places, valid_from = (
            self.name_edit.text(),
            self.places_spin.value(),
            _day(self.valid_from_edit),
        )
        address, postcode, commune = (
            _text(self.address_edit),
            _text(self.postcode_edit),
            _text(self.commune_edit),
        )
        return lambda: add_residence(
            ws.database,
            actor=ws.actor,
            name=name,
            programme_id=int(programme_id),
            places=places,
            valid_from=valid_from,
            address=address,
            postcode=postcode,
            commune=commune,
        )


class ResidencePlacesDialog(HousingFormDialog):
    """The places of a residence from a date (the same date corrects the figure)."""

    def __init__(
        self,
        workspace: Workspace,
        residence: ResidenceInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Places of {name}").format(name=residence.name), workspace, tasks, parent
        )
        self._residence = residence
        current = residence.places[-1].places if residence.places else 0
        self.valid_from_edit = _date_edit()
        self.places_spin = _count_spin(current)
        self.field("valid_from", self.tr("From"), self.valid_from_edit)
        self.field("places", self.tr("Places"), self.places_spin)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Set the places from the date."""
        ws, residence_id = self._workspace, self._residence.residence_id
        valid_from, places = _day(self.valid_from_edit), self.places_spin.value()
        return lambda: set_residence_places(
            ws.database,
            actor=ws.actor,
            residence_id=residence_id,
            valid_from=valid_from,
            places=places,
        )


# ------------------------------------------------------------------ dwellings


class DwellingDialog(HousingFormDialog):
    """Every field of a dwelling; a new one, or the one given to edit."""

    def __init__(
        self,
        workspace: Workspace,
        choices: StockChoices,
        *,
        tasks: TaskRunner,
        dwelling: DwellingInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("New dwelling")
            if dwelling is None
            else self.tr("Dwelling {reference}").format(reference=dwelling.reference)
        )
        super().__init__(title, workspace, tasks, parent)
        self._dwelling = dwelling
        self._residences = choices.residences
        d = dwelling
        self.reference_edit = QLineEdit(d.reference if d else "")
        self.address_edit = QLineEdit(d.address if d else "")
        self.postcode_edit = QLineEdit((d.postcode or "") if d else "")
        self.commune_edit = QLineEdit(d.commune if d else "")
        self.programme_combo = _id_combo(choices.programmes, current=d.programme_id if d else None)
        self.residence_combo = QComboBox()
        self.typology_combo = vocabulary_combo(
            TYPOLOGY, empty=self.tr("Not recorded"), current=d.typology if d else None
        )
        self.surface_edit = QLineEdit(
            _number_text(d.surface_m2) if d and d.surface_m2 is not None else ""
        )
        self.surface_edit.setPlaceholderText("18,5")
        self.sector_combo = vocabulary_combo(
            SECTOR, empty=self.tr("Not recorded"), current=d.sector if d else None
        )
        self.landlord_combo = _id_combo(
            [(landlord.landlord_id, landlord.name) for landlord in choices.landlords],
            empty=self.tr("None"),
            current=d.landlord_id if d else None,
        )
        self.lots_spin = _count_spin(d.lots if d else 1)
        self.places_spin = _count_spin(d.places if d else 1)
        self.captured_edit = _date_edit(d.captured_on if d else None)
        self.dpe_combo = vocabulary_combo(
            DPE_CLASS, empty=self.tr("Not recorded"), current=d.dpe_class if d else None
        )
        self.field("reference", self.tr("Reference"), self.reference_edit)
        self.field("address", self.tr("Address"), self.address_edit)
        self.field("postcode", self.tr("Postcode"), self.postcode_edit)
        self.field("commune", self.tr("Commune"), self.commune_edit)
        self.field("programme_id", self.tr("Programme"), self.programme_combo)
        self.field("residence_id", self.tr("Residence (pension)"), self.residence_combo)
        self.field("typology", self.tr("Typology"), self.typology_combo)
        self.field("surface_m2", self.tr("Surface (m²)"), self.surface_edit)
        self.field("sector", self.tr("Sector"), self.sector_combo)
        self.field("landlord_id", self.tr("Landlord"), self.landlord_combo)
        self.field("lots", self.tr("Lots (households at once)"), self.lots_spin)
        self.field("places", self.tr("Places (persons)"), self.places_spin)
        self.field("captured_on", self.tr("Captured on"), self.captured_edit)
        self.field("dpe_class", self.tr("DPE class"), self.dpe_combo)
        self.programme_combo.currentIndexChanged.connect(self._offer_residences)
        self._offer_residences()
        if d is not None and d.residence_id is not None:
            self.residence_combo.setCurrentIndex(
                max(self.residence_combo.findData(d.residence_id), 0)
            )

    def _offer_residences(self) -> None:
        """The residences of the chosen programme (a room of a pension belongs to one)."""
        programme_id = self.programme_combo.currentData()
        chosen = self.residence_combo.currentData()
        self.residence_combo.clear()
        self.residence_combo.addItem(self.tr("None"), None)
        for residence in self._residences:
            if residence.programme_id == programme_id:
                self.residence_combo.addItem(residence.name, residence.residence_id)
        self.residence_combo.setCurrentIndex(max(self.residence_combo.findData(chosen), 0))

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Add or update the dwelling."""
        ws = self._workspace
        programme_id = self.programme_combo.currentData()
        if programme_id is None:
            issues.append(ValidationIssue("programme_id", "housing_screen.choose_programme"))
        data = DwellingInput(
            reference=self.reference_edit.text(),
            address=self.address_edit.text(),
            commune=self.commune_edit.text(),
            programme_id=int(programme_id or 0),
            captured_on=_day(self.captured_edit),
            postcode=_text(self.postcode_edit),
            typology=self.typology_combo.currentData(),
            surface_m2=_decimal(self.surface_edit, "surface_m2", issues),
            sector=self.sector_combo.currentData(),
            landlord_id=self.landlord_combo.currentData(),
            residence_id=self.residence_combo.currentData(),
            lots=self.lots_spin.value(),
            places=self.places_spin.value(),
            dpe_class=self.dpe_combo.currentData(),
        )
        if self._dwelling is None:
            return lambda: add_dwelling(ws.database, actor=ws.actor, data=data)
        dwelling_id = self._dwelling.dwelling_id
        return lambda: update_dwelling(
            ws.database, actor=ws.actor, dwelling_id=dwelling_id, data=data
        )


class ReturnDwellingDialog(HousingFormDialog):
    """Give a dwelling back to its landlord: its last day in the stock."""

    def __init__(
        self,
        workspace: Workspace,
        dwelling: DwellingInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Return {reference} to the landlord").format(reference=dwelling.reference),
            workspace,
            tasks,
            parent,
        )
        self._dwelling = dwelling
        self.returned_edit = _date_edit(dwelling.returned_on)
        self.field("returned_on", self.tr("Last day in the stock"), self.returned_edit)
        note = QLabel(self.tr("Its vacancy still open ends on the same day."))
        note.setWordWrap(True)
        self.form.addRow(note)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Return the dwelling."""
        ws, dwelling_id = self._workspace, self._dwelling.dwelling_id
        returned_on = _day(self.returned_edit)
        return lambda: return_dwelling(
            ws.database, actor=ws.actor, dwelling_id=dwelling_id, returned_on=returned_on
        )


# ------------------------------------------------------------------ main leases


class MainLeaseDialog(HousingFormDialog):
    """A main lease [bail principal] of a dwelling: dates, rent, charges, sliding clause."""

    def __init__(
        self,
        workspace: Workspace,
        dwelling: DwellingInfo,
        landlords: Sequence[LandlordInfo],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Main lease of {reference}").format(reference=dwelling.reference),
            workspace,
            tasks,
            parent,
        )
        self._dwelling = dwelling
        self.start_edit = _date_edit()
        self.end_edit = QLineEdit()
        self.end_edit.setPlaceholderText(self.tr("dd/mm/yyyy (empty while it runs)"))
        self.rent_edit = QLineEdit()
        self.rent_edit.setPlaceholderText("1 234,56")
        self.charges_edit = QLineEdit(_amount_text(0))
        self.sliding_check = QCheckBox(self.tr("Sliding clause (bail glissant)"))
        self.landlord_combo = _id_combo(
            [(landlord.landlord_id, landlord.name) for landlord in landlords],
            empty=self.tr("The dwelling's landlord"),
        )
        self.field("start", self.tr("Start"), self.start_edit)
        self.field("end", self.tr("End"), self.end_edit)
        self.field("rent", self.tr("Rent (€ per month)"), self.rent_edit)
        self.field("charges", self.tr("Charges (€ per month)"), self.charges_edit)
        self.field("has_sliding_clause", self.tr("Sliding clause"), self.sliding_check)
        self.field("landlord_id", self.tr("Landlord"), self.landlord_combo)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Record the main lease."""
        ws, dwelling_id = self._workspace, self._dwelling.dwelling_id
        start = _day(self.start_edit)
        end = _optional_date(self.end_edit, "end", issues)
        rent = _amount(self.rent_edit, "rent", issues, required=True)
        charges = _amount(self.charges_edit, "charges", issues, required=False)
        sliding = self.sliding_check.isChecked()
        landlord_id = self.landlord_combo.currentData()
        return lambda: add_main_lease(
            ws.database,
            actor=ws.actor,
            dwelling_id=dwelling_id,
            start=start,
            end=end,
            rent=rent,
            charges=charges,
            has_sliding_clause=sliding,
            landlord_id=landlord_id,
        )


class EndMainLeaseDialog(HousingFormDialog):
    """End a main lease: its last day and, if notice was given, the date of the notice."""

    def __init__(
        self,
        workspace: Workspace,
        lease: MainLeaseInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("End the main lease of {start}").format(start=format_date(lease.start)),
            workspace,
            tasks,
            parent,
        )
        self._lease = lease
        self.end_edit = _date_edit(lease.end)
        self.notice_edit = QLineEdit(format_date(lease.notice_date) if lease.notice_date else "")
        self.notice_edit.setPlaceholderText(self.tr("dd/mm/yyyy (empty: no notice)"))
        self.field("end", self.tr("Last day"), self.end_edit)
        self.field("notice_date", self.tr("Notice given on"), self.notice_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """End the lease."""
        ws, lease_id = self._workspace, self._lease.lease_id
        end = _day(self.end_edit)
        notice = _optional_date(self.notice_edit, "notice_date", issues)
        return lambda: end_main_lease(
            ws.database, actor=ws.actor, lease_id=lease_id, end=end, notice_date=notice
        )


# ------------------------------------------------------------------ vacancy periods


class VacancyDialog(HousingFormDialog):
    """A vacancy period of a dwelling, with its reason; it may still be running."""

    def __init__(
        self,
        workspace: Workspace,
        dwelling: DwellingInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Vacancy of {reference}").format(reference=dwelling.reference),
            workspace,
            tasks,
            parent,
        )
        self._dwelling = dwelling
        self.start_edit = _date_edit()
        self.end_edit = QLineEdit()
        self.end_edit.setPlaceholderText(self.tr("dd/mm/yyyy (empty while it lasts)"))
        self.reason_combo = vocabulary_combo(VACANCY_REASON)
        self.neutralised_check = QCheckBox(self.tr("Not counted as available days"))
        self.field("start", self.tr("First day"), self.start_edit)
        self.field("end", self.tr("Last day"), self.end_edit)
        self.field("reason", self.tr("Reason"), self.reason_combo)
        self.field("neutralised", self.tr("Neutralised"), self.neutralised_check)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Record the vacancy period."""
        ws, dwelling_id = self._workspace, self._dwelling.dwelling_id
        start = _day(self.start_edit)
        end = _optional_date(self.end_edit, "end", issues)
        reason = str(self.reason_combo.currentData())
        neutralised = self.neutralised_check.isChecked()
        return lambda: add_vacancy(
            ws.database,
            actor=ws.actor,
            dwelling_id=dwelling_id,
            start=start,
            end=end,
            reason=reason,
            neutralised=neutralised,
        )


class EndVacancyDialog(HousingFormDialog):
    """End (or correct the end of) a vacancy period."""

    def __init__(
        self,
        workspace: Workspace,
        vacancy: VacancyInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("End the vacancy of {start}").format(start=format_date(vacancy.start)),
            workspace,
            tasks,
            parent,
        )
        self._vacancy = vacancy
        self.end_edit = _date_edit(vacancy.end)
        self.field("end", self.tr("Last day"), self.end_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """End the vacancy."""
        ws, vacancy_id = self._workspace, self._vacancy.vacancy_id
        end = _day(self.end_edit)
        return lambda: end_vacancy(ws.database, actor=ws.actor, vacancy_id=vacancy_id, end=end)
