"""Editing a household's file: composition over time, identity, contact and rights (DOMAIN §2).

Composition changes (a member arrives, leaves, changes role from a date) are checked against
every membership of the household: exactly one head on every day of its life, which runs from
the first arrival to the last departure (open while anyone stays). A person's identity and
rights, their resources and the household's address carry a ``version``: a form saved after
someone else's change is refused, naming who changed it and when (from the security log).

A protected file [dossier protégé] stays closed to everyone outside its circle (key worker,
co-key-workers, their delegates): they see masked names and may edit nothing here, except the
choice of key workers, which belongs to coordinators and direction (DOMAIN §1) whatever the
file.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from typing import Final

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.households import MemberSpan, check_heads, check_member
from desktop_app.domain.messages import message
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import (
    ALL,
    CASELOAD,
    TABLE,
    AccessContext,
    Actor,
    account_in_force,
    decide,
)
from desktop_app.domain.text import normalise
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import HistoryValue, record_field_changes
from desktop_app.persistence.models import (
    AuditEvent,
    Household,
    HouseholdCoWorker,
    Membership,
    Partner,
    Person,
    PersonResource,
    UserAccount,
    UserRole,
)
from desktop_app.services.authz import record_event, require, service_action
from desktop_app.services.households import (
    MASK,
    DuplicateCandidate,
    MemberInput,
    duplicate_candidates,
    household_access,
    refresh_search_text,
)

_ONE_DAY: Final = timedelta(days=1)
_POSTCODE: Final = re.compile(r"\d{5}")
_PHONE: Final = re.compile(r"[0-9+().\s/-]+")
_PHONE_DIGITS: Final = (4, 20)
_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_DIGITS: Final = re.compile(r"\d+")
_MIN_NAME_TOKEN: Final = 3
_CANDIDATES: Final = 10
# Partner kinds that may act as a mandataire (tutelle, curatelle, MASP, MAJ).
MANDATAIRE_KINDS: Final = ("legal_guardian", "association", "social_services", "ccas", "other")
_LENGTHS: Final = {
    "last_name": 100,
    "first_name": 100,
    "phone": 40,
    "email": 200,
    "language": 100,
    "allocataire_number": 20,
    "emergency_contact": 300,
    "address": 300,
    "commune": 100,
    "domiciliation": 300,
}
# What a new version of the household's file may come from (see `_touch`).
_FILE_ENTITIES: Final = ("household", "membership", "person", "person_resource")
_ROLE_ORDER: Final = {code: index for index, code in enumerate(v.MEMBER_ROLE.codes)}


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class MemberPeriod:
    """One membership: a person's role in the household from ``joined_on`` to ``left_on``."""

    membership_id: int
    person_id: int
    last_name: str
    first_name: str
    birth_date: date | None
    role: str
    joined_on: date
    left_on: date | None
    person_version: int

    @property
    def name(self) -> str:
        """Last then first name, as lists show them."""
        return f"{self.last_name} {self.first_name}".strip()

    def present_on(self, day: date) -> bool:
        """Whether the person is a member on ``day`` (both ends included)."""
        return self.joined_on <= day and (self.left_on is None or self.left_on >= day)


@dataclass(frozen=True, slots=True)
class WorkerChoice:
    """A colleague who may be chosen as key worker or co-key-worker."""

    user_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Composition:
    """Members over time, key worker and co-key-workers; names masked outside a protected file.

    ``version`` is the household's, for `set_key_workers`.
    """

    household_id: int
    reference: str
    protected: bool
    masked: bool
    version: int
    start: date | None
    key_worker: WorkerChoice | None
    co_workers: tuple[WorkerChoice, ...]
    members: tuple[MemberPeriod, ...]


@dataclass(frozen=True, slots=True)
class IdentityInput:
    """A person's identity and rights as the form sends them (and as it is prefilled)."""

    last_name: str
    first_name: str
    birth_date: date | None = None
    sex: str = "unknown"
    nationality: str = "unknown"
    phone: str | None = None
    email: str | None = None
    language: str | None = None
    interpreter_needed: bool = False
    benefit_agency: str | None = None
    allocataire_number: str | None = None
    residence_permit_expiry: date | None = None
    legal_protection: str = "none"
    mandataire_id: int | None = None
    emergency_contact: str | None = None
    emergency_contact_consent: bool = False


@dataclass(frozen=True, slots=True)
class ResourceEntry:
    """A monthly resource (amount in cents, None when unknown), valid over optional dates."""

    kind: str
    monthly_amount: int | None
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True, slots=True)
class PersonDetail:
    """Everything the identity and resources forms are prefilled with."""

    person_id: int
    household_id: int
    version: int
    identity: IdentityInput
    mandataire: str | None
    resources: tuple[ResourceEntry, ...]


@dataclass(frozen=True, slots=True)
class HouseholdAddress:
    """The household's address or domiciliation, with the version the form saves against."""

    household_id: int
    address: str | None
    postcode: str | None
    commune: str | None
    domiciliation: str | None
    version: int


@dataclass(frozen=True, slots=True)
class KeyWorkers:
    """Who follows the household once saved."""

    household_id: int
    key_worker: WorkerChoice | None
    co_workers: tuple[WorkerChoice, ...]
    version: int


class PossibleDuplicates(RefusedError):  # noqa: N818 - an outcome the caller answers
    """The person typed may already be known: link one of ``candidates`` or create anyway."""

    def __init__(self, candidates: Sequence[DuplicateCandidate]) -> None:
        super().__init__("household_edit.possible_duplicates", count=len(candidates))
        self.candidates = tuple(candidates)


# ------------------------------------------------------------------ helpers


def _clean(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _length_issues(values: Mapping[str, str | None]) -> list[ValidationIssue]:
    return [
        ValidationIssue(name, "household_edit.too_long", {"maximum": _LENGTHS[name]})
        for name, value in values.items()
        if len((value or "").strip()) > _LENGTHS[name]
    ]


def _masked(household: Household, context: AccessContext, actor: Actor) -> bool:
    return household.protected and not (context.caseload or actor.system)


def _household_for(session: Session, actor: Actor, household_id: int, action: str) -> Household:
    """The household, once ``actor`` may do ``action`` on it and it is open to them."""
    context = household_access(session, actor, household_id)
    require(actor, action, context)
    household = session.get(Household, household_id)
    assert household is not None
    if _masked(household, context, actor):
        raise RefusedError("household_edit.protected")
    return household


def _member_person(session: Session, household_id: int, person_id: int) -> Person:
    """A person who is, was or will be a member of the household."""
    linked = session.scalar(
        select(Membership.id)
        .where(Membership.household_id == household_id, Membership.person_id == person_id)
        .limit(1)
    )
    person = session.get(Person, person_id) if linked is not None else None
    if person is None:
        raise RefusedError("household_edit.person_unknown")
    return person


def _change(session: Session, *where: ColumnElement[bool]) -> str:
    """« par X le … », from the last write matching ``where`` in the security log."""
    last = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(*where, AuditEvent.action.in_(("create", "update")))
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return message("household_edit.changed_by_someone")
    who, at = last
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    when = moment.astimezone().strftime("%d/%m/%Y à %H:%M")
    return message("household_edit.changed_by", who=who, when=when)


def _check_person_version(session: Session, person: Person, version: int) -> None:
    if person.version != version:
        raise RefusedError(
            "household_edit.stale_person",
            name=f"{person.last_name} {person.first_name}",
            change=_change(
                session,
                AuditEvent.entity.in_(("person", "person_resource")),
                AuditEvent.entity_id == person.id,
            ),
        )


def _check_household_version(session: Session, household: Household, version: int) -> None:
    if household.version != version:
        raise RefusedError(
            "household_edit.stale_household",
            reference=household.reference,
            change=_change(
                session,
                AuditEvent.household_id == household.id,
                AuditEvent.entity.in_(_FILE_ENTITIES),
            ),
        )


def _touch(session: Session, household_id: int, *, search: bool = False) -> None:
    """A new version of the household's file, in one UPDATE (its search text too if asked).

    The household's version covers its whole file as edited here: composition, members'
    identity and resources, address, key workers. Call after the other rows are flushed.
    """
    household = session.get(Household, household_id)
    assert household is not None
    if search:
        with session.no_autoflush:
            refresh_search_text(session, household_id)
    flag_modified(household, "search_text")
    session.flush()


def _history(
    session: Session,
    actor: Actor,
    household_id: int,
    record: tuple[str, int],
    changes: Sequence[tuple[str, HistoryValue, HistoryValue]],
) -> None:
    """Old → new lines of one record (entity, id) in the household's business history."""
    entity, entity_id = record
    record_field_changes(
        session,
        user_id=actor.user_id,
        household_id=household_id,
        entity=entity,
        entity_id=entity_id,
        changes=changes,
    )


def _periods(session: Session, household_id: int) -> list[MemberPeriod]:
    rows = session.execute(
        select(Membership, Person)
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.household_id == household_id)
    ).all()
    periods = [_period(membership, person) for membership, person in rows]
    periods.sort(key=lambda p: (p.joined_on, _ROLE_ORDER.get(p.role, 99), p.membership_id))
    return periods


def _period(membership: Membership, person: Person) -> MemberPeriod:
    return MemberPeriod(
        membership_id=membership.id,
        person_id=person.id,
        last_name=person.last_name,
        first_name=person.first_name,
        birth_date=person.birth_date,
        role=membership.role,
        joined_on=membership.joined_on,
        left_on=membership.left_on,
        person_version=person.version,
    )


def _composition_issues(
    memberships: Sequence[Membership], names: Mapping[int, str]
) -> list[ValidationIssue]:
    """One head on every day of the household's life, and nobody in it twice on one day."""
    spans = [MemberSpan(m.person_id, m.role, m.joined_on, m.left_on) for m in memberships]
    valid = [s for s in spans if s.left_on is None or s.left_on >= s.joined_on]
    if not valid:
        return []
    start = min(s.joined_on for s in valid)
    ends = [s.left_on for s in valid]
    end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
    issues = check_heads(valid, start=start, end=end)
    by_person: dict[int, list[MemberSpan]] = {}
    for span in valid:
        by_person.setdefault(span.person_id, []).append(span)
    for person_id, own in by_person.items():
        own.sort(key=lambda s: s.joined_on)
        for before, after in itertools.pairwise(own):
            if before.left_on is None or before.left_on >= after.joined_on:
                issues.append(
                    ValidationIssue(
                        "members",
                        "household_edit.member_overlap",
                        {"name": names.get(person_id, ""), "day": format_date(after.joined_on)},
                    )
                )
                break
    return issues


def _memberships(session: Session, household_id: int) -> list[Membership]:
    return list(
        session.scalars(
            select(Membership)
            .where(Membership.household_id == household_id)
            .order_by(Membership.id)
        )
    )


def _names(session: Session, person_ids: Sequence[int]) -> dict[int, str]:
    return {
        pid: f"{last} {first}"
        for pid, last, first in session.execute(
            select(Person.id, Person.last_name, Person.first_name).where(
                Person.id.in_(set(person_ids))
            )
        )
    }


def _worker(session: Session, user_id: int | None) -> WorkerChoice | None:
    if user_id is None:
        return None
    name = session.scalar(select(UserAccount.display_name).where(UserAccount.id == user_id))
    return WorkerChoice(user_id, name or "")


def _co_workers(session: Session, household_id: int) -> tuple[WorkerChoice, ...]:
    return tuple(
        WorkerChoice(uid, name)
        for uid, name in session.execute(
            select(UserAccount.id, UserAccount.display_name)
            .join(HouseholdCoWorker, HouseholdCoWorker.user_id == UserAccount.id)
            .where(HouseholdCoWorker.household_id == household_id)
            .order_by(UserAccount.display_name, UserAccount.id)
        )
    )


# ------------------------------------------------------------------ reading


@service_action("household.read")
def read_composition(database: Database, *, actor: Actor, household_id: int) -> Composition:
    """Every membership of the household (former ones too), its key worker and co-key-workers.

    Raises:
        RefusedError: the household is outside the actor's scope.
    """

    def read(session: Session) -> Composition:
        context = household_access(session, actor, household_id)
        require(actor, "household.read", context)
        household = session.get(Household, household_id)
        assert household is not None
        masked = _masked(household, context, actor)
        periods = _periods(session, household_id)
        if masked:
            periods = [
                MemberPeriod(
                    p.membership_id,
                    p.person_id,
                    MASK,
                    "",
                    None,
                    p.role,
                    p.joined_on,
                    p.left_on,
                    p.person_version,
                )
                for p in periods
            ]
        return Composition(
            household_id=household_id,
            reference=household.reference,
            protected=household.protected,
            masked=masked,
            version=household.version,
            start=min((p.joined_on for p in periods), default=None),
            key_worker=_worker(session, household.key_worker_id),
            co_workers=_co_workers(session, household_id),
            members=tuple(periods),
        )

    return database.run_read(read)


def _detail(session: Session, household_id: int, person: Person) -> PersonDetail:
    mandataire = (
        session.scalar(select(Partner.name).where(Partner.id == person.mandataire_id))
        if person.mandataire_id is not None
        else None
    )
    resources = session.scalars(
        select(PersonResource)
        .where(PersonResource.person_id == person.id)
        .order_by(PersonResource.id)
    )
    return PersonDetail(
        person_id=person.id,
        household_id=household_id,
        version=person.version,
        identity=IdentityInput(
            last_name=person.last_name,
            first_name=person.first_name,
            birth_date=person.birth_date,
            sex=person.sex,
            nationality=person.nationality,
            phone=person.phone,
            email=person.email,
            language=person.language,
            interpreter_needed=person.interpreter_needed,
            benefit_agency=person.benefit_agency,
            allocataire_number=person.allocataire_number,
            residence_permit_expiry=person.residence_permit_expiry,
            legal_protection=person.legal_protection,
            mandataire_id=person.mandataire_id,
            emergency_contact=person.emergency_contact,
            emergency_contact_consent=person.emergency_contact_consent,
        ),
        mandataire=mandataire,
        resources=tuple(
            ResourceEntry(r.kind, r.monthly_amount, r.valid_from, r.valid_until) for r in resources
        ),
    )


@service_action("household.read")
def person_detail(
    database: Database, *, actor: Actor, household_id: int, person_id: int
) -> PersonDetail:
    """A member's identity, rights and resources, to prefill the forms.

    Raises:
        RefusedError: outside the actor's scope, a protected file outside its circle, or not a
            member of this household.
    """

    def read(session: Session) -> PersonDetail:
        _household_for(session, actor, household_id, "household.read")
        return _detail(session, household_id, _member_person(session, household_id, person_id))

    return database.run_read(read)


def _address(household: Household) -> HouseholdAddress:
    return HouseholdAddress(
        household_id=household.id,
        address=household.address,
        postcode=household.postcode,
        commune=household.commune,
        domiciliation=household.domiciliation,
        version=household.version,
    )


@service_action("household.read")
def read_address(database: Database, *, actor: Actor, household_id: int) -> HouseholdAddress:
    """The address form's content (refused for a protected file outside its circle)."""

    def read(session: Session) -> HouseholdAddress:
        return _address(_household_for(session, actor, household_id, "household.read"))

    return database.run_read(read)


@service_action("household.edit_identity")
def mandataire_choices(database: Database, *, actor: Actor) -> list[tuple[int, str]]:
    """Partners of the address book who may be a person's mandataire, by name."""

    def read(session: Session) -> list[tuple[int, str]]:
        rows = session.execute(
            select(Partner.id, Partner.name, Partner.kind)
            .where(Partner.kind.in_(MANDATAIRE_KINDS))
            .order_by(Partner.name, Partner.id)
        )
        return [(pid, f"{name} ({v.PARTNER_KIND.label(kind)})") for pid, name, kind in rows]

    return database.run_read(read)


# ------------------------------------------------------------------ identity and rights


def _identity_issues(identity: IdentityInput, today: date) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if _clean(identity.last_name) is None:
        issues.append(ValidationIssue("last_name", "member.last_name_required"))
    if _clean(identity.first_name) is None:
        issues.append(ValidationIssue("first_name", "member.first_name_required"))
    issues += _length_issues(
        {
            "last_name": identity.last_name,
            "first_name": identity.first_name,
            "phone": identity.phone,
            "email": identity.email,
            "language": identity.language,
            "allocataire_number": identity.allocataire_number,
            "emergency_contact": identity.emergency_contact,
        }
    )
    issues += (
        v.SEX.issues("sex", identity.sex, "household_edit.code_unknown")
        + v.NATIONALITY.issues("nationality", identity.nationality, "household_edit.code_unknown")
        + v.BENEFIT_AGENCY.issues(
            "benefit_agency", identity.benefit_agency, "household_edit.code_unknown"
        )
        + v.LEGAL_PROTECTION.issues(
            "legal_protection", identity.legal_protection, "household_edit.code_unknown"
        )
    )
    if identity.birth_date is not None and identity.birth_date > today:
        issues.append(
            ValidationIssue(
                "birth_date",
                "household_edit.birth_in_future",
                {"day": format_date(identity.birth_date)},
            )
        )
    issues += phone_issues(identity.phone)
    email = _clean(identity.email)
    if email is not None and not _EMAIL.fullmatch(email):
        issues.append(ValidationIssue("email", "household_edit.email_invalid", {"value": email}))
    number = _clean(identity.allocataire_number)
    if number is not None:
        if not _DIGITS.fullmatch(number.replace(" ", "")):
            issues.append(
                ValidationIssue(
                    "allocataire_number", "household_edit.allocataire_invalid", {"value": number}
                )
            )
        if identity.benefit_agency is None:
            issues.append(ValidationIssue("benefit_agency", "household_edit.agency_required"))
    if identity.mandataire_id is not None and identity.legal_protection == "none":
        issues.append(
            ValidationIssue("mandataire_id", "household_edit.mandataire_without_protection")
        )
    if _clean(identity.emergency_contact) is not None and not identity.emergency_contact_consent:
        issues.append(
            ValidationIssue("emergency_contact_consent", "household_edit.emergency_consent")
        )
    if identity.residence_permit_expiry is not None and identity.nationality == "fr":
        issues.append(
            ValidationIssue("residence_permit_expiry", "household_edit.permit_for_french")
        )
    return issues


def phone_issues(phone: str | None) -> list[ValidationIssue]:
    """What is wrong with a phone number as typed (digits, +, spaces, dots, dashes)."""
    text = _clean(phone)
    if text is None:
        return []
    digits = sum(char.isdigit() for char in text)
    low, high = _PHONE_DIGITS
    if not _PHONE.fullmatch(text) or not low <= digits <= high:
        return [ValidationIssue("phone", "household_edit.phone_invalid", {"value": text})]
    return []


def _history_value(value: object) -> HistoryValue:
    if value is None or isinstance(value, date | int | bool | str):
        return value
    raise TypeError(f"not a history value: {type(value).__name__}")


_HISTORY_FIELDS: Final = (
    "birth_date",
    "sex",
    "nationality",
    "residence_permit_expiry",
    "benefit_agency",
    "legal_protection",
    "interpreter_needed",
    "emergency_contact_consent",
)


@service_action("household.edit_identity")
def update_person(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    person_id: int,
    identity: IdentityInput,
    version: int,
    today: date | None = None,
) -> PersonDetail:
    """Save a member's identity, contact and rights, as typed in the form.

    Dates, codes and consents changed go to the business history; the names of the fields
    changed go to the security log. The search finds the person under the new name at once.

    Raises:
        InvalidInput: every field to correct, at once; nothing is written.
        RefusedError: outside the actor's scope, a protected file outside its circle, or the
            person changed by someone else since the form was opened (``version``).
    """
    day = today or date.today()
    issues = _identity_issues(identity, day)

    def work(session: Session) -> PersonDetail:
        _household_for(session, actor, household_id, "household.edit_identity")
        person = _member_person(session, household_id, person_id)
        problems = list(issues)
        if identity.mandataire_id is not None:
            kind = session.scalar(select(Partner.kind).where(Partner.id == identity.mandataire_id))
            if kind not in MANDATAIRE_KINDS:
                problems.append(
                    ValidationIssue("mandataire_id", "household_edit.mandataire_unknown")
                )
        _raise(problems)
        _check_person_version(session, person, version)
        number = _clean(identity.allocataire_number)
        values: dict[str, object] = {
            "last_name": identity.last_name.strip(),
            "first_name": identity.first_name.strip(),
            "birth_date": identity.birth_date,
            "sex": identity.sex,
            "nationality": identity.nationality,
            "phone": _clean(identity.phone),
            "email": _clean(identity.email),
            "language": _clean(identity.language),
            "interpreter_needed": identity.interpreter_needed,
            "benefit_agency": identity.benefit_agency,
            "allocataire_number": number.replace(" ", "") if number else None,
            "residence_permit_expiry": identity.residence_permit_expiry,
            "legal_protection": identity.legal_protection,
            "mandataire_id": identity.mandataire_id,
            "emergency_contact": _clean(identity.emergency_contact),
            "emergency_contact_consent": identity.emergency_contact_consent,
        }
        changed = [name for name, value in values.items() if getattr(person, name) != value]
        if not changed:
            return _detail(session, household_id, person)
        _history(
            session,
            actor,
            household_id,
            ("person", person.id),
            [
                (name, _history_value(getattr(person, name)), _history_value(values[name]))
                for name in _HISTORY_FIELDS
                if name in changed
            ],
        )
        for name in changed:
            setattr(person, name, values[name])
        person.search_name = normalise(f"{person.last_name} {person.first_name}")
        session.flush()
        searched = bool({"last_name", "first_name", "phone"} & set(changed))
        if searched:
            for hid in set(
                session.scalars(
                    select(Membership.household_id).where(Membership.person_id == person.id)
                )
            ) - {household_id}:
                refresh_search_text(session, hid)
        _touch(session, household_id, search=searched)
        record_event(
            session,
            actor,
            action="update",
            entity="person",
            entity_id=person.id,
            household_id=household_id,
            fields=changed,
        )
        return _detail(session, household_id, person)

    return database.run_write(work)


def _resource_issues(resources: Sequence[ResourceEntry]) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    for index, entry in enumerate(resources):
        field = f"resources[{index}]"
        if entry.kind not in v.RESOURCE_KIND:
            issues.append(
                ValidationIssue(
                    f"{field}.kind", "household_edit.code_unknown", {"value": entry.kind}
                )
            )
        if entry.monthly_amount is not None:
            if isinstance(entry.monthly_amount, bool) or not isinstance(entry.monthly_amount, int):
                raise TypeError("money must be integer cents")
            if entry.monthly_amount < 0:
                issues.append(
                    ValidationIssue(f"{field}.monthly_amount", "household_edit.amount_negative")
                )
            elif entry.kind == "none" and entry.monthly_amount > 0:
                issues.append(
                    ValidationIssue(f"{field}.monthly_amount", "household_edit.none_with_amount")
                )
        if (
            entry.valid_from is not None
            and entry.valid_until is not None
            and entry.valid_until < entry.valid_from
        ):
            issues.append(
                ValidationIssue(
                    f"{field}.valid_until",
                    "household_edit.resource_dates",
                    {
                        "start": format_date(entry.valid_from),
                        "until": format_date(entry.valid_until),
                    },
                )
            )
    return issues


def _totals(resources: Sequence[ResourceEntry]) -> dict[str, int | None]:
    """Monthly amount per kind (None when every amount of that kind is unknown)."""
    totals: dict[str, int | None] = {}
    for entry in resources:
        before = totals.get(entry.kind)
        if entry.monthly_amount is None:
            totals.setdefault(entry.kind, None)
        else:
            totals[entry.kind] = (before or 0) + entry.monthly_amount
    return totals


@service_action("household.edit_identity")
def replace_resources(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    person_id: int,
    resources: Sequence[ResourceEntry],
    version: int,
) -> PersonDetail:
    """Replace a member's resources by the list typed (an empty list removes them all).

    The business history keeps, per kind, the monthly amount before and after.

    Raises:
        InvalidInput: a line to correct (unknown kind, negative amount, dates reversed).
        RefusedError: scope, protected file, or a stale ``version`` of the person.
    """
    issues = _resource_issues(resources)

    def work(session: Session) -> PersonDetail:
        _household_for(session, actor, household_id, "household.edit_identity")
        person = _member_person(session, household_id, person_id)
        _raise(issues)
        _check_person_version(session, person, version)
        old = [
            ResourceEntry(r.kind, r.monthly_amount, r.valid_from, r.valid_until)
            for r in sorted(person.resources, key=lambda r: r.id)
        ]
        if old == list(resources):
            return _detail(session, household_id, person)
        before, after = _totals(old), _totals(resources)
        _history(
            session,
            actor,
            household_id,
            ("person_resource", person.id),
            [
                (kind, before.get(kind), after.get(kind))
                for kind in v.RESOURCE_KIND.codes
                if kind in before or kind in after
            ],
        )
        person.resources.clear()
        session.flush()
        for entry in resources:
            person.resources.append(
                PersonResource(
                    kind=entry.kind,
                    monthly_amount=entry.monthly_amount,
                    valid_from=entry.valid_from,
                    valid_until=entry.valid_until,
                )
            )
        flag_modified(person, "last_name")  # a new version: the resources are the person's
        session.flush()
        _touch(session, household_id)
        record_event(
            session,
            actor,
            action="update",
            entity="person_resource",
            entity_id=person.id,
            household_id=household_id,
            fields=("kind", "monthly_amount", "valid_from", "valid_until"),
            count=len(resources),
        )
        return _detail(session, household_id, person)

    return database.run_write(work)


@service_action("household.edit_identity")
def update_address(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    address: str | None,
    postcode: str | None,
    commune: str | None,
    domiciliation: str | None,
    version: int,
) -> HouseholdAddress:
    """Save the household's address (postcode of 5 digits, commune required) or domiciliation.

    Raises:
        InvalidInput: a field to correct.
        RefusedError: scope, protected file, or a stale ``version`` of the household.
    """
    values = {
        "address": _clean(address),
        "postcode": _clean(postcode),
        "commune": _clean(commune),
        "domiciliation": _clean(domiciliation),
    }
    issues = _length_issues({k: values[k] for k in ("address", "commune", "domiciliation")})
    if values["postcode"] is not None and not _POSTCODE.fullmatch(values["postcode"]):
        issues.append(
            ValidationIssue("postcode", "household_edit.postcode_invalid", {"value": postcode})
        )
    if values["commune"] is None and (values["address"] or values["postcode"]):
        issues.append(ValidationIssue("commune", "household_edit.commune_required"))

    def work(session: Session) -> HouseholdAddress:
        household = _household_for(session, actor, household_id, "household.edit_identity")
        _raise(issues)
        _check_household_version(session, household, version)
        changed = [name for name, value in values.items() if getattr(household, name) != value]
        if not changed:
            return _address(household)
        for name in changed:
            setattr(household, name, values[name])
        _touch(session, household_id, search=True)
        record_event(
            session,
            actor,
            action="update",
            entity="household",
            entity_id=household_id,
            household_id=household_id,
            fields=changed,
        )
        return _address(household)

    return database.run_write(work)


# ------------------------------------------------------------------ composition


def _candidates(
    session: Session, last_name: str, first_name: str, birth_date: date | None
) -> list[DuplicateCandidate]:
    """Persons who may be the one typed (the rule of `households.propose_duplicates`)."""
    return duplicate_candidates(session, last_name, first_name, birth_date, limit=_CANDIDATES)


def _new_member_issues(member: MemberInput, today: date) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if member.person_id is None:
        if _clean(member.last_name) is None:
            issues.append(ValidationIssue("last_name", "member.last_name_required"))
        if _clean(member.first_name) is None:
            issues.append(ValidationIssue("first_name", "member.first_name_required"))
        issues += _length_issues(
            {"last_name": member.last_name, "first_name": member.first_name, "phone": member.phone}
        )
        issues += v.SEX.issues("sex", member.sex, "household_edit.code_unknown")
        issues += phone_issues(member.phone)
        if member.birth_date is not None and member.birth_date > today:
            issues.append(
                ValidationIssue(
                    "birth_date",
                    "household_edit.birth_in_future",
                    {"day": format_date(member.birth_date)},
                )
            )
    issues += v.MEMBER_ROLE.issues("role", member.role, "household_edit.code_unknown")
    if member.joined_on is None:
        issues.append(ValidationIssue("joined_on", "household_edit.joined_required"))
    return issues


@service_action("household.edit")
def add_member(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    member: MemberInput,
    create_anyway: bool = False,
    today: date | None = None,
) -> MemberPeriod:
    """A person joins the household on ``member.joined_on`` with ``member.role``.

    The person is an existing one (``member.person_id``, linked) or a new one; for a new one,
    persons already known with the same birth date and a similar name are proposed first
    (`PossibleDuplicates`) unless ``create_anyway``.

    Raises:
        InvalidInput: a field to correct, or a composition that would break the one-head rule.
        PossibleDuplicates: persons who may be this one; nothing was written.
        RefusedError: scope, protected file, unknown person.
    """
    day = today or date.today()
    issues = _new_member_issues(member, day)

    def work(session: Session) -> MemberPeriod:
        _household_for(session, actor, household_id, "household.edit")
        _raise(issues)
        assert member.joined_on is not None
        if member.person_id is not None:
            person = session.get(Person, member.person_id)
            if person is None:
                raise RefusedError("household_edit.person_not_found")
        else:
            if not create_anyway:
                found = _candidates(session, member.last_name, member.first_name, member.birth_date)
                if found:
                    raise PossibleDuplicates(found)
            person = Person(
                last_name=member.last_name.strip(),
                first_name=member.first_name.strip(),
                birth_date=member.birth_date,
                sex=member.sex,
                phone=_clean(member.phone),
                search_name=normalise(f"{member.last_name} {member.first_name}"),
            )
            session.add(person)
            session.flush()
            record_event(
                session,
                actor,
                action="create",
                entity="person",
                entity_id=person.id,
                household_id=household_id,
                fields=("last_name", "first_name", "birth_date", "sex", "phone"),
            )
        membership = Membership(
            household_id=household_id,
            person_id=person.id,
            role=member.role,
            joined_on=member.joined_on,
        )
        session.add(membership)
        session.flush()
        memberships = _memberships(session, household_id)
        _raise(
            _composition_issues(memberships, _names(session, [m.person_id for m in memberships]))
        )
        _touch(session, household_id, search=True)
        record_event(
            session,
            actor,
            action="create",
            entity="membership",
            entity_id=membership.id,
            household_id=household_id,
            fields=("person_id", "role", "joined_on"),
        )
        _history(
            session,
            actor,
            household_id,
            ("membership", membership.id),
            [("joined_on", None, membership.joined_on), ("role", None, membership.role)],
        )
        return _period(membership, person)

    return database.run_write(work)


def _membership_for(session: Session, actor: Actor, membership_id: int) -> Membership:
    membership = session.get(Membership, membership_id)
    if membership is None:
        raise RefusedError("household_edit.membership_unknown")
    _household_for(session, actor, membership.household_id, "household.edit")
    return membership


@service_action("household.edit")
def member_leaves(
    database: Database, *, actor: Actor, membership_id: int, left_on: date | None
) -> MemberPeriod:
    """Record the last day of a membership (None to cancel a departure recorded by mistake).

    Raises:
        InvalidInput: a day before the arrival, or a head leaving with no head after them.
        RefusedError: scope, protected file, unknown membership.
    """

    def work(session: Session) -> MemberPeriod:
        membership = _membership_for(session, actor, membership_id)
        _raise(
            check_member(
                MemberSpan(membership.person_id, membership.role, membership.joined_on, left_on)
            )
        )
        old = membership.left_on
        if old == left_on:
            return _period(membership, membership.person)
        membership.left_on = left_on
        session.flush()
        household_id = membership.household_id
        memberships = _memberships(session, household_id)
        _raise(
            _composition_issues(memberships, _names(session, [m.person_id for m in memberships]))
        )
        _touch(session, household_id)
        record_event(
            session,
            actor,
            action="update",
            entity="membership",
            entity_id=membership.id,
            household_id=household_id,
            fields=("left_on",),
        )
        _history(
            session, actor, household_id, ("membership", membership.id), [("left_on", old, left_on)]
        )
        return _period(membership, membership.person)

    return database.run_write(work)


@service_action("household.edit")
def change_roles(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    from_day: date,
    roles: Mapping[int, str],
) -> list[MemberPeriod]:
    """Members take new roles from ``from_day``, all at once (a head hands over to a partner).

    Each membership named in ``roles`` (membership id → new role) must cover ``from_day``: it
    is closed the day before and a new one opens with the new role, keeping the planned
    departure; when ``from_day`` is its first day, its role is simply corrected.

    Raises:
        InvalidInput: an unknown role, a member absent that day, no change, or a composition
            that would break the one-head rule.
        RefusedError: scope, protected file.
    """
    issues: list[ValidationIssue] = []
    for membership_id, role in roles.items():
        issues += v.MEMBER_ROLE.issues(
            f"roles.{membership_id}", role, "household_edit.code_unknown"
        )

    def work(session: Session) -> list[MemberPeriod]:
        _household_for(session, actor, household_id, "household.edit")
        _raise(issues)
        memberships = {m.id: m for m in _memberships(session, household_id)}
        names = _names(session, [m.person_id for m in memberships.values()])
        problems: list[ValidationIssue] = []
        wanted: list[tuple[Membership, str]] = []
        for membership_id, role in roles.items():
            membership = memberships.get(membership_id)
            if membership is None:
                raise RefusedError("household_edit.membership_unknown")
            covers = membership.joined_on <= from_day and (
                membership.left_on is None or membership.left_on >= from_day
            )
            if not covers:
                problems.append(
                    ValidationIssue(
                        f"roles.{membership_id}",
                        "household_edit.not_member_on",
                        {"name": names.get(membership.person_id, ""), "day": format_date(from_day)},
                    )
                )
            elif role != membership.role:
                wanted.append((membership, role))
        if not problems and not wanted:
            problems.append(ValidationIssue("roles", "household_edit.no_role_change"))
        _raise(problems)
        changed: list[Membership] = []
        lines: list[tuple[Membership, str, list[tuple[str, HistoryValue, HistoryValue]]]] = []
        for membership, role in wanted:
            old_role = membership.role
            if membership.joined_on == from_day:  # its first day: a correction
                membership.role = role
                changed.append(membership)
                lines.append((membership, "update", [("role", old_role, role)]))
                continue
            successor = Membership(
                household_id=household_id,
                person_id=membership.person_id,
                role=role,
                joined_on=from_day,
                left_on=membership.left_on,
            )
            session.add(successor)
            lines.append(
                (membership, "update", [("left_on", membership.left_on, from_day - _ONE_DAY)])
            )
            membership.left_on = from_day - _ONE_DAY
            changed.append(successor)
            lines.append(
                (successor, "create", [("joined_on", None, from_day), ("role", old_role, role)])
            )
        session.flush()
        _raise(_composition_issues(_memberships(session, household_id), names))
        _touch(session, household_id)
        for membership, action, history in lines:
            record_event(
                session,
                actor,
                action=action,
                entity="membership",
                entity_id=membership.id,
                household_id=household_id,
                fields=[field for field, _, _ in history],
            )
            _history(session, actor, household_id, ("membership", membership.id), history)
        return [_period(m, m.person) for m in changed]

    return database.run_write(work)


# ------------------------------------------------------------------ key workers


def _caseload_roles() -> frozenset[str]:
    """Roles that follow households: a caseload of their own, or every household to edit."""
    return frozenset(
        role
        for role, rules in TABLE.items()
        if CASELOAD in rules.values() or rules.get("household.edit") == ALL
    )


def may_assign_key_workers(actor: Actor) -> bool:
    """Whether ``actor`` may choose key workers at all (coordinators, direction: DOMAIN §1).

    Choosing who follows a household is editing every household, not one's own caseload.
    """
    return actor.system or any(
        TABLE.get(grant.role, {}).get("household.edit") == ALL for grant in actor.grants
    )


def _eligible(session: Session, on: date) -> dict[int, str]:
    rows = session.execute(
        select(UserAccount.id, UserAccount.display_name, UserAccount.valid_until)
        .join(UserRole, UserRole.user_id == UserAccount.id)
        .where(UserAccount.active.is_(True), UserRole.role.in_(_caseload_roles()))
        .distinct()
        .order_by(UserAccount.display_name, UserAccount.id)
    )
    return {uid: name for uid, name, until in rows if account_in_force(until, on)}


@service_action("household.edit")
def key_worker_choices(
    database: Database, *, actor: Actor, on: date | None = None
) -> list[WorkerChoice]:
    """Colleagues who may follow a household: active accounts holding a caseload role."""
    day = on or date.today()

    def read(session: Session) -> list[WorkerChoice]:
        return [WorkerChoice(uid, name) for uid, name in _eligible(session, day).items()]

    return database.run_read(read)


@service_action("household.edit")
def set_key_workers(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    key_worker_id: int | None,
    co_worker_ids: Sequence[int],
    version: int,
    on: date | None = None,
) -> KeyWorkers:
    """Choose the key worker [référent] and co-key-workers [co-référents] of a household.

    Only a role that edits every household in its scope may (coordinators, direction): a
    social worker does not hand their own households over, even within their caseload.

    Raises:
        InvalidInput: an account that may not follow households, or the key worker twice.
        RefusedError: the actor may not choose key workers here, or a stale ``version``.
    """
    day = on or date.today()
    co_ids = list(dict.fromkeys(co_worker_ids))

    def work(session: Session) -> KeyWorkers:
        context = household_access(session, actor, household_id)
        scoped = AccessContext(
            programme_ids=context.programme_ids, residence_ids=context.residence_ids
        )
        if not decide(actor, "household.edit", scoped).allowed:
            raise RefusedError("household_edit.assign_denied")
        household = session.get(Household, household_id)
        assert household is not None
        eligible = _eligible(session, day)
        current = set(
            session.scalars(
                select(HouseholdCoWorker.user_id).where(
                    HouseholdCoWorker.household_id == household_id
                )
            )
        )
        issues: list[ValidationIssue] = []
        if (
            key_worker_id is not None
            and key_worker_id not in eligible
            and key_worker_id != household.key_worker_id
        ):
            issues.append(ValidationIssue("key_worker_id", "household_edit.worker_not_eligible"))
        for uid in co_ids:
            if uid not in eligible and uid not in current:
                issues.append(
                    ValidationIssue("co_worker_ids", "household_edit.worker_not_eligible")
                )
                break
        if key_worker_id is not None and key_worker_id in co_ids:
            issues.append(ValidationIssue("co_worker_ids", "household_edit.key_worker_also_co"))
        _raise(issues)
        _check_household_version(session, household, version)
        fields: list[str] = []
        if household.key_worker_id != key_worker_id:
            household.key_worker_id = key_worker_id
            fields.append("key_worker_id")
        if current != set(co_ids):
            for uid in current - set(co_ids):
                session.delete(session.get(HouseholdCoWorker, (household_id, uid)))
            for uid in co_ids:
                if uid not in current:
                    session.add(HouseholdCoWorker(household_id=household_id, user_id=uid))
            fields.append("co_workers")
        if fields:
            _touch(session, household_id)
            record_event(
                session,
                actor,
                action="update",
                entity="household",
                entity_id=household_id,
                household_id=household_id,
                fields=fields,
                count=len(co_ids),
            )
        return KeyWorkers(
            household_id=household_id,
            key_worker=_worker(session, household.key_worker_id),
            co_workers=_co_workers(session, household_id),
            version=household.version,
        )

    return database.run_write(work)
