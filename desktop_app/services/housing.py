"""The housing stock: landlords, residences, dwellings, main leases, vacancies (DOMAIN §2, §5.6).

Every change is one write transaction with its audit event (field names only) and, for dates,
statuses and amounts, its business-history lines. The stock belongs to no household: history
lines carry no household.

Decisions where DOMAIN.md is silent, kept here so the GUI, the import and the tests agree:

- **Scope**: landlords are association-wide objects; a dwelling is an object of its programme
  and, for a room of a pension, of its residence (a host sees the rooms of their own house).
  Lists show only what the actor may see, and `occupancy` keeps the rows the actor may see.
- **Captured on** is required for a new dwelling (the stock and the vacancy start from it);
  rows imported without it count as in the stock since ever, and their ``vacant_since`` is None
  when they were never occupied.
- **Returning** a dwelling ends its open vacancy on the same day; a vacancy starting after that
  day refuses the return, as does a contract going past it.
- **Main leases**: with no landlord given, the dwelling's landlord is used. Two leases of one
  dwelling may not share a day (inclusive intervals, DOMAIN §0).
- **Vacancies**: a vacancy must lie within the dwelling's presence in the stock and may share a
  day neither with another vacancy of the dwelling nor with any occupancy contract of it (a
  dwelling with several lots and one household is occupied, not vacant).
- **Residence places** on an existing date *replace* the row (a correction, kept in the
  history); a new date starts a new period. A residence belongs to a pension-type programme.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.households import check_occupancy
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import AccessContext, Actor, decide
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import HistoryValue, record_change
from desktop_app.persistence.models import (
    Dwelling,
    Household,
    Landlord,
    MainLease,
    OccupancyContract,
    Programme,
    Residence,
    ResidencePlaces,
    VacancyPeriod,
)
from desktop_app.services.authz import audit_identity, require, service_action

EDIT: Final = "housing.edit"
READ: Final = "housing.read"

RESIDENCE_PROGRAMMES: Final = frozenset({"boarding_house", "reception_residence"})
_POSTCODE: Final = re.compile(r"\d{5}")
_ONE_DAY: Final = timedelta(days=1)
_FAR: Final = date.max
_LENGTHS: Final = {
    "name": 200,
    "phone": 40,
    "email": 200,
    "address": 300,
    "commune": 100,
    "reference": 50,
}
_LANDLORD_FIELDS: Final = ("name", "kind", "phone", "email", "address")
_DWELLING_FIELDS: Final = (
    "reference",
    "address",
    "postcode",
    "commune",
    "typology",
    "surface_m2",
    "sector",
    "landlord_id",
    "programme_id",
    "residence_id",
    "lots",
    "places",
    "captured_on",
    "dpe_class",
)
# Dates, codes and numbers of a dwelling kept in the business history (never free text; the
# DPE letter is upper case, not a code the history takes, so only the audit names it).
_DWELLING_HISTORY: Final = (
    "typology",
    "sector",
    "landlord_id",
    "programme_id",
    "residence_id",
    "lots",
    "places",
    "captured_on",
)


# ------------------------------------------------------------------ inputs and DTOs


@dataclass(frozen=True, slots=True)
class DwellingInput:
    """What the dwelling form holds (DOMAIN §2 Dwelling); the return date has its own action."""

    reference: str
    address: str
    commune: str
    programme_id: int
    captured_on: date
    postcode: str | None = None
    typology: str | None = None
    surface_m2: Decimal | None = None
    sector: str | None = None
    landlord_id: int | None = None
    residence_id: int | None = None
    lots: int = 1
    places: int = 1
    dpe_class: str | None = None


@dataclass(frozen=True, slots=True)
class LandlordInfo:
    """A landlord [bailleur]."""

    landlord_id: int
    name: str
    kind: str
    phone: str | None
    email: str | None
    address: str | None


@dataclass(frozen=True, slots=True)
class PlacesInfo:
    """The places of a residence from a date."""

    valid_from: date
    places: int


@dataclass(frozen=True, slots=True)
class ResidenceInfo:
    """A pension / résidence with its dated places, oldest first."""

    residence_id: int
    name: str
    programme_id: int | None
    address: str | None
    postcode: str | None
    commune: str | None
    places: tuple[PlacesInfo, ...]


@dataclass(frozen=True, slots=True)
class DwellingInfo:
    """A dwelling as the stock list shows it."""

    dwelling_id: int
    reference: str
    address: str
    postcode: str | None
    commune: str
    typology: str | None
    surface_m2: Decimal | None
    sector: str | None
    landlord_id: int | None
    programme_id: int
    residence_id: int | None
    lots: int
    places: int
    captured_on: date | None
    returned_on: date | None
    dpe_class: str | None


@dataclass(frozen=True, slots=True)
class MainLeaseInfo:
    """A bail principal; amounts in integer cents."""

    lease_id: int
    dwelling_id: int
    landlord_id: int | None
    start: date
    end: date | None
    notice_date: date | None
    rent: int
    charges: int
    has_sliding_clause: bool


@dataclass(frozen=True, slots=True)
class VacancyInfo:
    """A vacancy period; ``end`` None while it lasts."""

    vacancy_id: int
    dwelling_id: int
    start: date
    end: date | None
    reason: str
    neutralised: bool


@dataclass(frozen=True, slots=True)
class OccupancyRow:
    """One dwelling of a programme's stock on a day (DOMAIN §5.6).

    ``households`` holds the references of the households present that day. When it is empty,
    ``vacant_since`` is the day after the last contract ended (or the capture date when it was
    never occupied) and ``vacancy_reason`` the reason of the vacancy period covering the day,
    None when none is recorded ("motif non renseigné").
    """

    dwelling_id: int
    reference: str
    address: str
    commune: str
    typology: str | None
    lots: int
    places: int
    households: tuple[str, ...]
    vacant_since: date | None
    vacancy_reason: str | None
    neutralised: bool


# ------------------------------------------------------------------ small helpers


class _Writer:
    """The actor's identity, for the audit events and history lines of a call."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.name, self.user_id = audit_identity(actor)

    def event(self, action: str, entity: str, entity_id: int, fields: Sequence[str]) -> None:
        """One audit event (field names only) for one created or updated record."""
        self.session.flush()
        audit.record(
            self.session,
            actor=self.name,
            user_id=self.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            fields=fields,
        )

    def history(
        self, entity: str, entity_id: int, changes: Iterable[tuple[str, HistoryValue, HistoryValue]]
    ) -> None:
        """Old → new lines (nothing for an unchanged value)."""
        for field, old, new in changes:
            record_change(
                self.session,
                user_id=self.user_id,
                household_id=None,
                entity=entity,
                entity_id=entity_id,
                field=field,
                old=old,
                new=new,
            )


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _overlap(first: date, last: date | None, other_first: date, other_last: date | None) -> bool:
    """Whether two inclusive periods (None: open) share a day."""
    return first <= (other_last or _FAR) and other_first <= (last or _FAR)


def _period(start: date, end: date | None) -> dict[str, object]:
    return {"start": format_date(start), "end": format_date(end) if end else "…"}


def _text_issues(values: dict[str, str | None], required: Sequence[str]) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    for name, value in values.items():
        text = (value or "").strip()
        if not text and name in required:
            issues.append(ValidationIssue(name, "housing.required"))
        elif len(text) > _LENGTHS[name]:
            issues.append(ValidationIssue(name, "housing.too_long", {"maximum": _LENGTHS[name]}))
    return issues


def _clean(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None


def _postcode_issues(postcode: str | None) -> list[ValidationIssue]:
    text = _clean(postcode)
    if text is None or _POSTCODE.fullmatch(text):
        return []
    return [ValidationIssue("postcode", "housing.postcode_invalid", {"value": text})]


def _check_cents(**amounts: int) -> None:
    for name, value in amounts.items():
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int (cents), not {type(value).__name__}")


def _hosted(actor: Actor, residence_id: int | None) -> bool:
    return residence_id is not None and any(
        grant.role == "host" and grant.residence_id in (None, residence_id)
        for grant in actor.grants
    )


def _dwelling_context(actor: Actor, programme_id: int, residence_id: int | None) -> AccessContext:
    """A dwelling is an object of its programme and, in a pension, of its residence."""
    return AccessContext(
        programme_ids=frozenset({programme_id}),
        residence_ids=frozenset({residence_id}) if residence_id is not None else frozenset(),
        resident=_hosted(actor, residence_id),
    )


def may_on_dwelling(actor: Actor, action: str, programme_id: int, residence_id: int | None) -> bool:
    """Whether ``actor`` may do ``action`` on a dwelling of this programme (and residence)."""
    return decide(actor, action, _dwelling_context(actor, programme_id, residence_id)).allowed


def _dwelling_for_edit(session: Session, actor: Actor, dwelling_id: int) -> Dwelling:
    dwelling = session.get(Dwelling, dwelling_id)
    if dwelling is None:
        raise RefusedError("housing.dwelling_unknown")
    require(actor, EDIT, _dwelling_context(actor, dwelling.programme_id, dwelling.residence_id))
    return dwelling


# ------------------------------------------------------------------ landlords


def _landlord_info(row: Landlord) -> LandlordInfo:
    return LandlordInfo(row.id, row.name, row.kind, row.phone, row.email, row.address)


def _landlord_issues(
    name: str, kind: str, phone: str | None, email: str | None, address: str | None
) -> list[ValidationIssue]:
    texts = {"name": name, "phone": phone, "email": email, "address": address}
    return _text_issues(texts, ("name",)) + (
        []
        if kind in v.LANDLORD_KIND
        else [ValidationIssue("kind", "housing.code_unknown", {"value": kind})]
    )


@service_action(EDIT)
def add_landlord(
    database: Database,
    *,
    actor: Actor,
    name: str,
    kind: str,
    phone: str | None = None,
    email: str | None = None,
    address: str | None = None,
) -> LandlordInfo:
    """Add a landlord [bailleur] to the shared list.

    Raises:
        InvalidInput: no name, an unknown kind, a text too long.
    """

    def work(session: Session) -> LandlordInfo:
        require(actor, EDIT)
        _raise(_landlord_issues(name, kind, phone, email, address))
        row = Landlord(
            name=name.strip(),
            kind=kind,
            phone=_clean(phone),
            email=_clean(email),
            address=_clean(address),
        )
        session.add(row)
        session.flush()
        _Writer(session, actor).event("create", "landlord", row.id, _LANDLORD_FIELDS)
        return _landlord_info(row)

    return database.run_write(work)


@service_action(EDIT)
def update_landlord(
    database: Database,
    *,
    actor: Actor,
    landlord_id: int,
    name: str,
    kind: str,
    phone: str | None = None,
    email: str | None = None,
    address: str | None = None,
) -> LandlordInfo:
    """Replace a landlord's details (the form holds them all).

    Raises:
        RefusedError: an unknown landlord.
        InvalidInput: no name, an unknown kind, a text too long.
    """

    def work(session: Session) -> LandlordInfo:
        require(actor, EDIT)
        row = session.get(Landlord, landlord_id)
        if row is None:
            raise RefusedError("housing.landlord_unknown")
        _raise(_landlord_issues(name, kind, phone, email, address))
        new = {
            "name": name.strip(),
            "kind": kind,
            "phone": _clean(phone),
            "email": _clean(email),
            "address": _clean(address),
        }
        changed = [field for field, value in new.items() if getattr(row, field) != value]
        if changed:
            writer = _Writer(session, actor)
            writer.history("landlord", row.id, [("kind", row.kind, kind)])
            for field in changed:
                setattr(row, field, new[field])
            writer.event("update", "landlord", row.id, changed)
        return _landlord_info(row)

    return database.run_write(work)


@service_action(READ)
def list_landlords(database: Database, *, actor: Actor) -> list[LandlordInfo]:
    """Every landlord, by name.

    Raises:
        RefusedError: the actor sees no association-wide housing data (a host).
    """

    def read(session: Session) -> list[LandlordInfo]:
        require(actor, READ)
        rows = session.scalars(select(Landlord).order_by(Landlord.name, Landlord.id))
        return [_landlord_info(row) for row in rows]

    return database.run_read(read)


# ------------------------------------------------------------------ residences


def _residence_infos(session: Session, residences: Sequence[Residence]) -> list[ResidenceInfo]:
    places: dict[int, list[PlacesInfo]] = defaultdict(list)
    if residences:
        for row in session.scalars(
            select(ResidencePlaces)
            .where(ResidencePlaces.residence_id.in_([r.id for r in residences]))
            .order_by(ResidencePlaces.valid_from)
        ):
            places[row.residence_id].append(PlacesInfo(row.valid_from, row.places))
    return [
        ResidenceInfo(
            r.id, r.name, r.programme_id, r.address, r.postcode, r.commune, tuple(places[r.id])
        )
        for r in residences
    ]


@service_action(EDIT)
def add_residence(
    database: Database,
    *,
    actor: Actor,
    name: str,
    programme_id: int,
    places: int,
    valid_from: date,
    address: str | None = None,
    postcode: str | None = None,
    commune: str | None = None,
) -> ResidenceInfo:
    """Add a pension de famille / résidence accueil with its places from ``valid_from``.

    Raises:
        RefusedError: the actor may not edit the programme's stock.
        InvalidInput: no name or a name taken, a programme unknown or not of a pension kind,
            negative places, an invalid postcode.
    """

    def work(session: Session) -> ResidenceInfo:
        require(actor, EDIT, AccessContext(programme_ids=frozenset({programme_id})))
        issues = _text_issues(
            {"name": name, "address": address, "commune": commune}, ("name",)
        ) + _postcode_issues(postcode)
        if name.strip() and session.scalar(
            select(Residence.id).where(Residence.name == name.strip())
        ):
            issues.append(ValidationIssue("name", "housing.name_taken", {"name": name.strip()}))
        programme = session.get(Programme, programme_id)
        if programme is None or programme.kind not in RESIDENCE_PROGRAMMES:
            issues.append(ValidationIssue("programme_id", "housing.residence_programme_kind"))
        if places < 0:
            issues.append(ValidationIssue("places", "housing.places_negative"))
        _raise(issues)
        row = Residence(
            name=name.strip(),
            programme_id=programme_id,
            address=_clean(address),
            postcode=_clean(postcode),
            commune=_clean(commune),
        )
        session.add(row)
        session.flush()
        writer = _Writer(session, actor)
        writer.event(
            "create",
            "residence",
            row.id,
            ("name", "programme_id", "address", "postcode", "commune"),
        )
        dated = ResidencePlaces(residence_id=row.id, valid_from=valid_from, places=places)
        session.add(dated)
        session.flush()
        writer.event("create", "residence_places", dated.id, ("valid_from", "places"))
        writer.history("residence", row.id, [("places", None, places)])
        return _residence_infos(session, [row])[0]

    return database.run_write(work)


@service_action(EDIT)
def set_residence_places(
    database: Database, *, actor: Actor, residence_id: int, valid_from: date, places: int
) -> ResidenceInfo:
    """The residence's places from ``valid_from`` (a row on the same date is replaced).

    Raises:
        RefusedError: an unknown residence, or one the actor may not edit.
        InvalidInput: negative places.
    """

    def work(session: Session) -> ResidenceInfo:
        residence = session.get(Residence, residence_id)
        if residence is None:
            raise RefusedError("housing.residence_unknown")
        programmes = frozenset({residence.programme_id} if residence.programme_id else ())
        require(
            actor,
            EDIT,
            AccessContext(programme_ids=programmes, residence_ids=frozenset({residence.id})),
        )
        if places < 0:
            _raise([ValidationIssue("places", "housing.places_negative")])
        rows = list(
            session.scalars(
                select(ResidencePlaces)
                .where(ResidencePlaces.residence_id == residence.id)
                .order_by(ResidencePlaces.valid_from)
            )
        )
        before = [row for row in rows if row.valid_from <= valid_from]
        old = before[-1].places if before else None
        writer = _Writer(session, actor)
        if before and before[-1].valid_from == valid_from:
            same = before[-1]
            same.places = places
            writer.event("update", "residence_places", same.id, ("places",))
        else:
            dated = ResidencePlaces(residence_id=residence.id, valid_from=valid_from, places=places)
            session.add(dated)
            session.flush()
            writer.event("create", "residence_places", dated.id, ("valid_from", "places"))
        writer.history("residence", residence.id, [("places", old, places)])
        return _residence_infos(session, [residence])[0]

    return database.run_write(work)


@service_action(READ)
def list_residences(database: Database, *, actor: Actor) -> list[ResidenceInfo]:
    """The residences the actor may see, by name, with their dated places."""

    def read(session: Session) -> list[ResidenceInfo]:
        rows = [
            row
            for row in session.scalars(select(Residence).order_by(Residence.name))
            if decide(
                actor,
                READ,
                AccessContext(
                    programme_ids=frozenset({row.programme_id} if row.programme_id else ()),
                    residence_ids=frozenset({row.id}),
                    resident=_hosted(actor, row.id),
                ),
            ).allowed
        ]
        return _residence_infos(session, rows)

    return database.run_read(read)


# ------------------------------------------------------------------ dwellings


def _dwelling_info(row: Dwelling) -> DwellingInfo:
    return DwellingInfo(
        dwelling_id=row.id,
        reference=row.reference,
        address=row.address,
        postcode=row.postcode,
        commune=row.commune,
        typology=row.typology,
        surface_m2=row.surface_m2,
        sector=row.sector,
        landlord_id=row.landlord_id,
        programme_id=row.programme_id,
        residence_id=row.residence_id,
        lots=row.lots,
        places=row.places,
        captured_on=row.captured_on,
        returned_on=row.returned_on,
        dpe_class=row.dpe_class,
    )


def _dwelling_issues(
    session: Session, data: DwellingInput, dwelling_id: int | None
) -> list[ValidationIssue]:
    """Every field of the form, checked at once (``dwelling_id`` None for a new dwelling)."""
    issues = _text_issues(
        {"reference": data.reference, "address": data.address, "commune": data.commune},
        ("reference", "address", "commune"),
    )
    issues += _postcode_issues(data.postcode)
    issues += v.TYPOLOGY.issues("typology", data.typology, "housing.code_unknown")
    issues += v.SECTOR.issues("sector", data.sector, "housing.code_unknown")
    issues += v.DPE_CLASS.issues("dpe_class", data.dpe_class, "housing.code_unknown")
    if data.surface_m2 is not None and data.surface_m2 <= 0:
        issues.append(ValidationIssue("surface_m2", "housing.surface_invalid"))
    if data.lots < 1:
        issues.append(ValidationIssue("lots", "housing.lots_invalid"))
    if data.places < 0:
        issues.append(ValidationIssue("places", "housing.places_negative"))
    reference = data.reference.strip()
    if reference:
        taken = session.scalar(select(Dwelling.id).where(Dwelling.reference == reference))
        if taken is not None and taken != dwelling_id:
            issues.append(
                ValidationIssue("reference", "housing.reference_taken", {"reference": reference})
            )
    if data.landlord_id is not None and session.get(Landlord, data.landlord_id) is None:
        issues.append(ValidationIssue("landlord_id", "housing.landlord_unknown"))
    programme = session.get(Programme, data.programme_id)
    if programme is None:
        issues.append(ValidationIssue("programme_id", "housing.programme_unknown"))
    if data.residence_id is not None:
        residence = session.get(Residence, data.residence_id)
        if residence is None:
            issues.append(ValidationIssue("residence_id", "housing.residence_unknown"))
        elif programme is not None and residence.programme_id != programme.id:
            issues.append(
                ValidationIssue(
                    "residence_id",
                    "housing.residence_programme",
                    {"residence": residence.name, "programme": programme.name},
                )
            )
    return issues


def _values(data: DwellingInput) -> dict[str, object]:
    return {
        "reference": data.reference.strip(),
        "address": data.address.strip(),
        "postcode": _clean(data.postcode),
        "commune": data.commune.strip(),
        "typology": data.typology,
        "surface_m2": data.surface_m2,
        "sector": data.sector,
        "landlord_id": data.landlord_id,
        "programme_id": data.programme_id,
        "residence_id": data.residence_id,
        "lots": data.lots,
        "places": data.places,
        "captured_on": data.captured_on,
        "dpe_class": data.dpe_class,
    }


def _history_value(value: object) -> HistoryValue:
    return value if isinstance(value, (date, int, bool, str)) or value is None else str(value)


@service_action(EDIT)
def add_dwelling(database: Database, *, actor: Actor, data: DwellingInput) -> DwellingInfo:
    """Capture a dwelling [logement capté] in a programme's stock from ``data.captured_on``.

    Raises:
        RefusedError: the actor may not edit the programme's (or residence's) stock.
        InvalidInput: a reference missing or taken, an unknown code, a postcode not of five
            digits, lots below 1, negative places, a residence of another programme…
    """

    def work(session: Session) -> DwellingInfo:
        require(actor, EDIT, _dwelling_context(actor, data.programme_id, data.residence_id))
        _raise(_dwelling_issues(session, data, None))
        row = Dwelling(**_values(data))
        session.add(row)
        session.flush()
        writer = _Writer(session, actor)
        writer.event("create", "dwelling", row.id, _DWELLING_FIELDS)
        writer.history(
            "dwelling",
            row.id,
            [(field, None, _history_value(getattr(row, field))) for field in _DWELLING_HISTORY],
        )
        return _dwelling_info(row)

    return database.run_write(work)


@service_action(EDIT)
def update_dwelling(
    database: Database, *, actor: Actor, dwelling_id: int, data: DwellingInput
) -> DwellingInfo:
    """Replace a dwelling's details (the return date goes through `return_dwelling`).

    Besides the checks of `add_dwelling`: the capture date may not follow the start of one of
    its contracts, and fewer lots may not leave a day with more households than lots.

    Raises:
        RefusedError: an unknown dwelling, or one the actor may not edit (before or after).
        InvalidInput: as `add_dwelling`, plus the two checks above.
    """

    def work(session: Session) -> DwellingInfo:
        row = _dwelling_for_edit(session, actor, dwelling_id)
        require(actor, EDIT, _dwelling_context(actor, data.programme_id, data.residence_id))
        issues = _dwelling_issues(session, data, row.id)
        spans = [
            (start, end)
            for start, end in session.execute(
                select(OccupancyContract.start_date, OccupancyContract.end_date).where(
                    OccupancyContract.dwelling_id == row.id
                )
            )
        ]
        first = min((start for start, _ in spans), default=None)
        if first is not None and data.captured_on > first:
            issues.append(
                ValidationIssue(
                    "captured_on", "housing.captured_after_contract", {"start": format_date(first)}
                )
            )
        if data.lots >= 1 and data.lots < row.lots:
            issues += [
                ValidationIssue("lots", issue.code, issue.params)
                for issue in check_occupancy(spans, lots=data.lots)
            ]
        if row.returned_on is not None and data.captured_on > row.returned_on:
            issues.append(
                ValidationIssue(
                    "captured_on",
                    "housing.captured_after_return",
                    {"returned_on": format_date(row.returned_on)},
                )
            )
        _raise(issues)
        new = _values(data)
        changed = [field for field, value in new.items() if getattr(row, field) != value]
        if changed:
            writer = _Writer(session, actor)
            writer.history(
                "dwelling",
                row.id,
                [
                    (field, _history_value(getattr(row, field)), _history_value(new[field]))
                    for field in changed
                    if field in _DWELLING_HISTORY
                ],
            )
            for field in changed:
                setattr(row, field, new[field])
            writer.event("update", "dwelling", row.id, changed)
        return _dwelling_info(row)

    return database.run_write(work)


@service_action(EDIT)
def return_dwelling(
    database: Database, *, actor: Actor, dwelling_id: int, returned_on: date
) -> DwellingInfo:
    """Return a dwelling to its landlord: ``returned_on`` is its last day in the stock.

    Its open vacancy ends the same day.

    Raises:
        RefusedError: an unknown dwelling; a contract still running after that day; a
            vacancy starting after it.
        InvalidInput: a day before the capture.
    """

    def work(session: Session) -> DwellingInfo:
        row = _dwelling_for_edit(session, actor, dwelling_id)
        if row.captured_on is not None and returned_on < row.captured_on:
            _raise(
                [
                    ValidationIssue(
                        "returned_on",
                        "housing.returned_before_capture",
                        {"captured_on": format_date(row.captured_on)},
                    )
                ]
            )
        for start, end in session.execute(
            select(OccupancyContract.start_date, OccupancyContract.end_date).where(
                OccupancyContract.dwelling_id == row.id
            )
        ):
            if end is None or end > returned_on:
                raise RefusedError("housing.returned_while_occupied", **_period(start, end))
        writer = _Writer(session, actor)
        for vacancy in session.scalars(
            select(VacancyPeriod).where(VacancyPeriod.dwelling_id == row.id)
        ):
            if vacancy.start_date > returned_on:
                raise RefusedError(
                    "housing.vacancy_after_return", start=format_date(vacancy.start_date)
                )
            if vacancy.end_date is None or vacancy.end_date > returned_on:
                writer.history(
                    "vacancy_period", vacancy.id, [("end_date", vacancy.end_date, returned_on)]
                )
                vacancy.end_date = returned_on
                writer.event("update", "vacancy_period", vacancy.id, ("end_date",))
        writer.history("dwelling", row.id, [("returned_on", row.returned_on, returned_on)])
        row.returned_on = returned_on
        writer.event("update", "dwelling", row.id, ("returned_on",))
        return _dwelling_info(row)

    return database.run_write(work)


@service_action(READ)
def list_dwellings(
    database: Database, *, actor: Actor, programme_id: int | None = None
) -> list[DwellingInfo]:
    """The dwellings the actor may see (of one programme if given), by reference."""

    def read(session: Session) -> list[DwellingInfo]:
        query = select(Dwelling).order_by(Dwelling.reference)
        if programme_id is not None:
            query = query.where(Dwelling.programme_id == programme_id)
        return [
            _dwelling_info(row)
            for row in session.scalars(query)
            if may_on_dwelling(actor, READ, row.programme_id, row.residence_id)
        ]

    return database.run_read(read)


# ------------------------------------------------------------------ main leases


def _lease_info(row: MainLease) -> MainLeaseInfo:
    return MainLeaseInfo(
        row.id,
        row.dwelling_id,
        row.landlord_id,
        row.start_date,
        row.end_date,
        row.notice_date,
        row.rent,
        row.charges,
        row.has_sliding_clause,
    )


def _lease_overlap(
    session: Session, dwelling_id: int, start: date, end: date | None, lease_id: int | None
) -> list[ValidationIssue]:
    for other in session.scalars(select(MainLease).where(MainLease.dwelling_id == dwelling_id)):
        if other.id != lease_id and _overlap(start, end, other.start_date, other.end_date):
            field = "end" if lease_id is not None else "start"
            return [
                ValidationIssue(
                    field, "housing.lease_overlap", _period(other.start_date, other.end_date)
                )
            ]
    return []


def _end_issues(start: date, end: date | None, notice_date: date | None) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if end is not None and end < start:
        issues.append(
            ValidationIssue("end", "housing.end_before_start", {"start": format_date(start)})
        )
    if notice_date is not None and end is not None and notice_date > end:
        issues.append(
            ValidationIssue("notice_date", "housing.notice_after_end", {"end": format_date(end)})
        )
    return issues


@service_action(EDIT)
def add_main_lease(
    database: Database,
    *,
    actor: Actor,
    dwelling_id: int,
    start: date,
    rent: int,
    charges: int = 0,
    has_sliding_clause: bool = False,
    landlord_id: int | None = None,
    end: date | None = None,
) -> MainLeaseInfo:
    """Record the bail principal of a dwelling (amounts in cents).

    Without ``landlord_id`` the dwelling's landlord is the lease's.

    Raises:
        TypeError: an amount that is not an int (cents).
        RefusedError: an unknown dwelling, or one the actor may not edit.
        InvalidInput: a negative amount, an unknown landlord, an end before the start, a
            period sharing a day with another main lease of the dwelling.
    """
    _check_cents(rent=rent, charges=charges)

    def work(session: Session) -> MainLeaseInfo:
        dwelling = _dwelling_for_edit(session, actor, dwelling_id)
        landlord = landlord_id if landlord_id is not None else dwelling.landlord_id
        issues = [
            ValidationIssue(name, "housing.amount_negative")
            for name, value in (("rent", rent), ("charges", charges))
            if value < 0
        ]
        if landlord is not None and session.get(Landlord, landlord) is None:
            issues.append(ValidationIssue("landlord_id", "housing.landlord_unknown"))
        issues += _end_issues(start, end, None)
        if end is None or end >= start:
            issues += _lease_overlap(session, dwelling.id, start, end, None)
        _raise(issues)
        row = MainLease(
            dwelling_id=dwelling.id,
            landlord_id=landlord,
            start_date=start,
            end_date=end,
            rent=rent,
            charges=charges,
            has_sliding_clause=has_sliding_clause,
        )
        session.add(row)
        session.flush()
        writer = _Writer(session, actor)
        fields = ("landlord_id", "start_date", "end_date", "rent", "charges", "has_sliding_clause")
        writer.event("create", "main_lease", row.id, fields)
        writer.history(
            "main_lease",
            row.id,
            [(field, None, getattr(row, field)) for field in fields if field != "landlord_id"],
        )
        return _lease_info(row)

    return database.run_write(work)


@service_action(EDIT)
def end_main_lease(
    database: Database,
    *,
    actor: Actor,
    lease_id: int,
    end: date,
    notice_date: date | None = None,
) -> MainLeaseInfo:
    """End a main lease on ``end`` (its last day), with the date notice was given if any.

    Raises:
        RefusedError: an unknown lease, or one of a dwelling the actor may not edit.
        InvalidInput: an end before the start, a notice after the end, a period that would
            share a day with another main lease of the dwelling.
    """

    def work(session: Session) -> MainLeaseInfo:
        row = session.get(MainLease, lease_id)
        if row is None:
            raise RefusedError("housing.lease_unknown")
        _dwelling_for_edit(session, actor, row.dwelling_id)
        issues = _end_issues(row.start_date, end, notice_date)
        if end >= row.start_date:
            issues += _lease_overlap(session, row.dwelling_id, row.start_date, end, row.id)
        _raise(issues)
        writer = _Writer(session, actor)
        changes: list[tuple[str, HistoryValue, HistoryValue]] = [("end_date", row.end_date, end)]
        if notice_date is not None:
            changes.append(("notice_date", row.notice_date, notice_date))
            row.notice_date = notice_date
        writer.history("main_lease", row.id, changes)
        row.end_date = end
        writer.event("update", "main_lease", row.id, [field for field, _, _ in changes])
        return _lease_info(row)

    return database.run_write(work)


# ------------------------------------------------------------------ vacancy periods


def _vacancy_info(row: VacancyPeriod) -> VacancyInfo:
    return VacancyInfo(
        row.id, row.dwelling_id, row.start_date, row.end_date, row.reason, row.neutralised
    )


def _vacancy_issues(
    session: Session, dwelling: Dwelling, start: date, end: date | None, vacancy_id: int | None
) -> list[ValidationIssue]:
    """The period within the stock, sharing no day with another vacancy or a contract."""
    field = "start" if vacancy_id is None else "end"
    if end is not None and end < start:
        return [ValidationIssue("end", "housing.end_before_start", {"start": format_date(start)})]
    issues: list[ValidationIssue] = []
    if dwelling.captured_on is not None and start < dwelling.captured_on:
        issues.append(
            ValidationIssue(
                "start",
                "housing.vacancy_before_capture",
                {"captured_on": format_date(dwelling.captured_on)},
            )
        )
    if dwelling.returned_on is not None and (end is None or end > dwelling.returned_on):
        issues.append(
            ValidationIssue(
                "end",
                "housing.vacancy_beyond_return",
                {"returned_on": format_date(dwelling.returned_on)},
            )
        )
    for other in session.scalars(
        select(VacancyPeriod).where(VacancyPeriod.dwelling_id == dwelling.id)
    ):
        if other.id != vacancy_id and _overlap(start, end, other.start_date, other.end_date):
            issues.append(
                ValidationIssue(
                    field, "housing.vacancy_overlap", _period(other.start_date, other.end_date)
                )
            )
            break
    for first, last in session.execute(
        select(OccupancyContract.start_date, OccupancyContract.end_date).where(
            OccupancyContract.dwelling_id == dwelling.id
        )
    ):
        if _overlap(start, end, first, last):
            issues.append(ValidationIssue(field, "housing.vacancy_occupied", _period(first, last)))
            break
    return issues


@service_action(EDIT)
def add_vacancy(
    database: Database,
    *,
    actor: Actor,
    dwelling_id: int,
    start: date,
    reason: str,
    end: date | None = None,
    neutralised: bool = False,
) -> VacancyInfo:
    """Record a vacancy period of a dwelling (``end`` None while it lasts).

    Raises:
        RefusedError: an unknown dwelling, or one the actor may not edit.
        InvalidInput: an unknown reason, an end before the start, a period outside the
            dwelling's presence in the stock or sharing a day with another vacancy or with an
            occupancy contract of the dwelling.
    """

    def work(session: Session) -> VacancyInfo:
        dwelling = _dwelling_for_edit(session, actor, dwelling_id)
        issues = v.VACANCY_REASON.issues("reason", reason, "housing.code_unknown")
        _raise(issues + _vacancy_issues(session, dwelling, start, end, None))
        row = VacancyPeriod(
            dwelling_id=dwelling.id,
            start_date=start,
            end_date=end,
            reason=reason,
            neutralised=neutralised,
        )
        session.add(row)
        session.flush()
        writer = _Writer(session, actor)
        fields = ("start_date", "end_date", "reason", "neutralised")
        writer.event("create", "vacancy_period", row.id, fields)
        writer.history("vacancy_period", row.id, [(f, None, getattr(row, f)) for f in fields])
        return _vacancy_info(row)

    return database.run_write(work)


@service_action(EDIT)
def end_vacancy(database: Database, *, actor: Actor, vacancy_id: int, end: date) -> VacancyInfo:
    """End (or correct the end of) a vacancy period: ``end`` is its last day.

    Raises:
        RefusedError: an unknown vacancy, or one of a dwelling the actor may not edit.
        InvalidInput: an end before the start, after the return, or reaching another vacancy
            or a contract.
    """

    def work(session: Session) -> VacancyInfo:
        row = session.get(VacancyPeriod, vacancy_id)
        if row is None:
            raise RefusedError("housing.vacancy_unknown")
        dwelling = _dwelling_for_edit(session, actor, row.dwelling_id)
        _raise(_vacancy_issues(session, dwelling, row.start_date, end, row.id))
        writer = _Writer(session, actor)
        writer.history("vacancy_period", row.id, [("end_date", row.end_date, end)])
        row.end_date = end
        writer.event("update", "vacancy_period", row.id, ("end_date",))
        return _vacancy_info(row)

    return database.run_write(work)


@service_action(READ)
def list_vacancies(database: Database, *, actor: Actor, dwelling_id: int) -> list[VacancyInfo]:
    """A dwelling's vacancy periods, oldest first.

    Raises:
        RefusedError: an unknown dwelling, or one the actor may not see.
    """

    def read(session: Session) -> list[VacancyInfo]:
        dwelling = session.get(Dwelling, dwelling_id)
        if dwelling is None:
            raise RefusedError("housing.dwelling_unknown")
        require(actor, READ, _dwelling_context(actor, dwelling.programme_id, dwelling.residence_id))
        rows = session.scalars(
            select(VacancyPeriod)
            .where(VacancyPeriod.dwelling_id == dwelling.id)
            .order_by(VacancyPeriod.start_date)
        )
        return [_vacancy_info(row) for row in rows]

    return database.run_read(read)


@service_action(READ)
def list_main_leases(database: Database, *, actor: Actor, dwelling_id: int) -> list[MainLeaseInfo]:
    """A dwelling's main leases (baux principaux), oldest first.

    Raises:
        RefusedError: an unknown dwelling, or one the actor may not see.
    """

    def read(session: Session) -> list[MainLeaseInfo]:
        dwelling = session.get(Dwelling, dwelling_id)
        if dwelling is None:
            raise RefusedError("housing.dwelling_unknown")
        require(actor, READ, _dwelling_context(actor, dwelling.programme_id, dwelling.residence_id))
        rows = session.scalars(
            select(MainLease)
            .where(MainLease.dwelling_id == dwelling.id)
            .order_by(MainLease.start_date, MainLease.id)
        )
        return [_lease_info(row) for row in rows]

    return database.run_read(read)


# ------------------------------------------------------------------ occupancy (§5.6)


@service_action(READ)
def occupancy(
    database: Database, *, actor: Actor, programme_id: int, on: date
) -> list[OccupancyRow]:
    """The programme's stock on ``on``: who is in each dwelling, or since when it is empty.

    Three queries whatever the size of the stock: the dwellings in the stock that day, their
    contracts (with the household references) and their vacancy periods. Rows the actor may not
    see (a host's other houses) are left out.
    """

    def read(session: Session) -> list[OccupancyRow]:
        dwellings = [
            row
            for row in session.scalars(
                select(Dwelling)
                .where(Dwelling.programme_id == programme_id)
                .order_by(Dwelling.reference)
            )
            if (row.captured_on is None or row.captured_on <= on)
            and (row.returned_on is None or row.returned_on >= on)
            and may_on_dwelling(actor, READ, row.programme_id, row.residence_id)
        ]
        if not dwellings:
            return []
        ids = [row.id for row in dwellings]
        present: dict[int, list[str]] = defaultdict(list)
        last_end: dict[int, date] = {}
        for dwelling_id, end, reference in session.execute(
            select(
                OccupancyContract.dwelling_id,
                OccupancyContract.end_date,
                Household.reference,
            )
            .join(Household, Household.id == OccupancyContract.household_id)
            .where(OccupancyContract.dwelling_id.in_(ids), OccupancyContract.start_date <= on)
        ):
            if end is None or end >= on:
                present[dwelling_id].append(reference)
            elif end > last_end.get(dwelling_id, date.min):
                last_end[dwelling_id] = end
        covering: dict[int, VacancyPeriod] = {
            row.dwelling_id: row
            for row in session.scalars(
                select(VacancyPeriod).where(
                    VacancyPeriod.dwelling_id.in_(ids), VacancyPeriod.start_date <= on
                )
            )
            if row.end_date is None or row.end_date >= on
        }
        rows: list[OccupancyRow] = []
        for dwelling in dwellings:
            households = tuple(sorted(present[dwelling.id]))
            vacancy = None if households else covering.get(dwelling.id)
            since: date | None = None
            if not households:
                ended = last_end.get(dwelling.id)
                since = ended + _ONE_DAY if ended is not None else dwelling.captured_on
            rows.append(
                OccupancyRow(
                    dwelling_id=dwelling.id,
                    reference=dwelling.reference,
                    address=dwelling.address,
                    commune=dwelling.commune,
                    typology=dwelling.typology,
                    lots=dwelling.lots,
                    places=dwelling.places,
                    households=households,
                    vacant_since=since,
                    vacancy_reason=vacancy.reason if vacancy else None,
                    neutralised=vacancy.neutralised if vacancy else False,
                )
            )
        return rows

    return database.run_read(read)


@service_action("housing.read")
def programme_choices(database: Database, *, actor: Actor) -> list[tuple[int, str]]:
    """The programmes that hold dwellings, by name (for the occupancy view)."""

    def read(session: Session) -> list[tuple[int, str]]:
        rows = session.execute(
            select(Programme.id, Programme.name)
            .where(Programme.id.in_(select(Dwelling.programme_id)))
            .order_by(Programme.name)
        )
        return [(pid, name) for pid, name in rows]

    return database.run_read(read)
