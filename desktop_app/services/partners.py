"""The shared address book of partners and the partners following each household (DOMAIN §2).

A partner [partenaire] is an association-wide record (SIAO, CCAS, CMP, mandataire…) with its
named contact persons; a household's file lists the partners following it, each with a role
text ("CMP — Dr X", "mandataire"). Every change is one write transaction with its audit event
(field names only); the kind of a partner and the links of a household go to the business
history (codes and ids, never the free texts).

Decisions where DOMAIN.md is silent, kept here so the GUI, the import and the tests agree:

- **Who**: anyone who may ever read households reads the book (it holds institutions, not
  households); anyone who may ever edit households edits it, a social worker included (the
  book is shared). Linking, changing a role or unlinking needs ``household.edit`` on that
  household. A protected file's partners are shown to its circle only, like its contact tab.
- **Duplicates**: a second partner with the same name in the same commune (accents, case and
  spaces ignored; no commune counts as one) is refused: the existing record is to be completed.
- **Search**: every word typed must appear in the name or the commune, accents ignored. The
  book holds hundreds of partners, not thousands: it is filtered in Python after the kind
  filter in SQL, which keeps SQLite and PostgreSQL identical without a search column.
- **Deletion**: refused while the partner follows a household, is the mandataire of a person
  or the referrer of a stay; its contact persons go with it.
- **Team mode**: an update carries the version read; a stale one is refused naming who changed
  the record and when (from the security log).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.messages import message
from desktop_app.domain.permissions import ALL, TABLE, Actor, decide
from desktop_app.domain.text import normalise, search_tokens
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import HistoryValue, record_change
from desktop_app.persistence.models import (
    AuditEvent,
    Household,
    HouseholdPartner,
    Partner,
    PartnerContact,
    Person,
    Stay,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.households import household_access

READ: Final = "household.read"
EDIT: Final = "household.edit"

_POSTCODE: Final = re.compile(r"\d{5}")
_PHONE: Final = re.compile(r"[0-9+().\s/-]+")
_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE_DIGITS: Final = (4, 20)  # "3949" (CAF) up to an international number with extension
_LENGTHS: Final = {
    "name": 200,
    "position": 200,
    "phone": 40,
    "email": 200,
    "address": 300,
    "commune": 100,
    "role": 200,
}
_PARTNER_FIELDS: Final = ("name", "kind", "phone", "email", "address", "postcode", "commune")
_CONTACT_FIELDS: Final = ("name", "position", "phone", "email")


# ------------------------------------------------------------------ inputs and DTOs


@dataclass(frozen=True, slots=True)
class PartnerInput:
    """What the partner form holds (DOMAIN §2 Partner)."""

    name: str
    kind: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postcode: str | None = None
    commune: str | None = None


@dataclass(frozen=True, slots=True)
class ContactInput:
    """A named person at a partner."""

    name: str
    position: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class ContactInfo:
    """A contact person at a partner."""

    contact_id: int
    partner_id: int
    name: str
    position: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class PartnerInfo:
    """An entry of the address book; ``households`` counts the households it follows."""

    partner_id: int
    name: str
    kind: str
    phone: str | None
    email: str | None
    address: str | None
    postcode: str | None
    commune: str | None
    version: int
    contacts: tuple[ContactInfo, ...]
    households: int


@dataclass(frozen=True, slots=True)
class LinkedPartner:
    """A partner following a household, with how to reach it."""

    partner_id: int
    name: str
    kind: str
    role: str | None
    phone: str | None
    email: str | None
    contacts: tuple[ContactInfo, ...]


@dataclass(frozen=True, slots=True)
class HouseholdPartners:
    """The partners tab of a file; ``masked`` for a protected file outside its circle."""

    household_id: int
    masked: bool
    partners: tuple[LinkedPartner, ...]


@dataclass(frozen=True, slots=True)
class FollowedHousehold:
    """A household a partner follows, as the actor may see it."""

    household_id: int
    reference: str
    role: str | None


@dataclass(frozen=True, slots=True)
class PartnerFollowing:
    """Whom a partner follows: every link counted, only readable households listed."""

    partner_id: int
    count: int
    households: tuple[FollowedHousehold, ...]
    mandates: int


# ------------------------------------------------------------------ small helpers


class _Writer:
    """The actor's identity, for the audit events and history lines of a call."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.name, self.user_id = audit_identity(actor)

    def event(
        self,
        action: str,
        entity: str,
        entity_id: int,
        fields: Sequence[str],
        household_id: int | None = None,
    ) -> None:
        """One audit event (field names only)."""
        self.session.flush()
        audit.record(
            self.session,
            actor=self.name,
            user_id=self.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            household_id=household_id,
            fields=fields,
        )

    def history(
        self,
        entity: str,
        entity_id: int,
        changes: Iterable[tuple[str, HistoryValue, HistoryValue]],
        household_id: int | None = None,
    ) -> None:
        """Old → new lines (nothing for an unchanged value)."""
        for field, old, new in changes:
            record_change(
                self.session,
                user_id=self.user_id,
                household_id=household_id,
                entity=entity,
                entity_id=entity_id,
                field=field,
                old=old,
                new=new,
            )


def _clean(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _length_issues(values: dict[str, str | None]) -> list[ValidationIssue]:
    return [
        ValidationIssue(name, "partner.too_long", {"maximum": _LENGTHS[name]})
        for name, value in values.items()
        if len((value or "").strip()) > _LENGTHS[name]
    ]


def _reach_issues(phone: str | None, email: str | None) -> list[ValidationIssue]:
    """Phone and e-mail checked loosely: a typing slip, not a directory lookup."""
    issues: list[ValidationIssue] = []
    phone, email = _clean(phone), _clean(email)
    if phone is not None:
        digits = sum(char.isdigit() for char in phone)
        low, high = _PHONE_DIGITS
        if not _PHONE.fullmatch(phone) or not low <= digits <= high:
            issues.append(ValidationIssue("phone", "partner.phone_invalid", {"value": phone}))
    if email is not None and not _EMAIL.fullmatch(email):
        issues.append(ValidationIssue("email", "partner.email_invalid", {"value": email}))
    return issues


def _partner_issues(data: PartnerInput) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if _clean(data.name) is None:
        issues.append(ValidationIssue("name", "partner.name_required"))
    if data.kind not in v.PARTNER_KIND:
        issues.append(ValidationIssue("kind", "partner.kind_unknown", {"value": data.kind}))
    issues += _reach_issues(data.phone, data.email)
    postcode = _clean(data.postcode)
    if postcode is not None and not _POSTCODE.fullmatch(postcode):
        issues.append(ValidationIssue("postcode", "partner.postcode_invalid", {"value": postcode}))
    return issues + _length_issues(
        {
            "name": data.name,
            "phone": data.phone,
            "email": data.email,
            "address": data.address,
            "commune": data.commune,
        }
    )


def _contact_issues(data: ContactInput) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if _clean(data.name) is None:
        issues.append(ValidationIssue("name", "partner.contact_name_required"))
    issues += _reach_issues(data.phone, data.email)
    return issues + _length_issues(
        {"name": data.name, "position": data.position, "phone": data.phone, "email": data.email}
    )


def _duplicate_issues(
    session: Session, data: PartnerInput, partner_id: int | None
) -> list[ValidationIssue]:
    """Same name in the same commune (normalised) as another partner."""
    name, commune = normalise(data.name), normalise(data.commune or "")
    query = select(Partner.id, Partner.name, Partner.commune)
    for other_id, other_name, other_commune in session.execute(query):
        if other_id == partner_id or normalise(other_name) != name:
            continue
        if normalise(other_commune or "") == commune:
            if other_commune:
                params: dict[str, object] = {"name": other_name, "commune": other_commune}
                return [ValidationIssue("name", "partner.duplicate", params)]
            return [ValidationIssue("name", "partner.duplicate_no_commune", {"name": other_name})]
    return []


def _values(data: PartnerInput) -> dict[str, str | None]:
    return {
        "name": data.name.strip(),
        "kind": data.kind,
        "phone": _clean(data.phone),
        "email": _clean(data.email),
        "address": _clean(data.address),
        "postcode": _clean(data.postcode),
        "commune": _clean(data.commune),
    }


def _contact_values(data: ContactInput) -> dict[str, str | None]:
    return {
        "name": data.name.strip(),
        "position": _clean(data.position),
        "phone": _clean(data.phone),
        "email": _clean(data.email),
    }


def _contact_info(row: PartnerContact) -> ContactInfo:
    return ContactInfo(row.id, row.partner_id, row.name, row.position, row.phone, row.email)


def _contacts_of(session: Session, partner_ids: Sequence[int]) -> dict[int, list[ContactInfo]]:
    contacts: dict[int, list[ContactInfo]] = {}
    if not partner_ids:
        return contacts
    rows = session.scalars(
        select(PartnerContact)
        .where(PartnerContact.partner_id.in_(partner_ids))
        .order_by(PartnerContact.name, PartnerContact.id)
    )
    for row in rows:
        contacts.setdefault(row.partner_id, []).append(_contact_info(row))
    return contacts


def _link_counts(session: Session, partner_ids: Sequence[int] | None = None) -> Counter[int]:
    query = select(HouseholdPartner.partner_id, func.count()).group_by(HouseholdPartner.partner_id)
    if partner_ids is not None:
        query = query.where(HouseholdPartner.partner_id.in_(partner_ids))
    return Counter({pid: int(count) for pid, count in session.execute(query)})


def _partner_info(session: Session, row: Partner) -> PartnerInfo:
    session.flush()
    return PartnerInfo(
        partner_id=row.id,
        name=row.name,
        kind=row.kind,
        phone=row.phone,
        email=row.email,
        address=row.address,
        postcode=row.postcode,
        commune=row.commune,
        version=row.version,
        contacts=tuple(_contacts_of(session, [row.id]).get(row.id, ())),
        households=_link_counts(session, [row.id])[row.id],
    )


def _partner(session: Session, partner_id: int) -> Partner:
    row = session.get(Partner, partner_id)
    if row is None:
        raise RefusedError("partner.unknown")
    return row


def _conflict(session: Session, row: Partner) -> RefusedError:
    """The refusal of a stale save, naming the last writer from the security log."""
    last = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(AuditEvent.entity == "partner", AuditEvent.entity_id == row.id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return RefusedError("partner.conflict_unknown", name=row.name)
    who, at = last
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    when = moment.astimezone().strftime("%d/%m/%Y à %H:%M")
    return RefusedError("partner.conflict", name=row.name, who=who, when=when)


def _reads_every_household(actor: Actor) -> bool:
    """True when a grant on every programme reads every household (no per-file check)."""
    return actor.system or any(
        grant.programme_id is None
        and grant.residence_id is None
        and TABLE.get(grant.role, {}).get(READ) == ALL
        for grant in actor.grants
    )


# ------------------------------------------------------------------ the book


@service_action(EDIT)
def add_partner(database: Database, *, actor: Actor, data: PartnerInput) -> PartnerInfo:
    """Add a partner to the shared address book.

    Raises:
        InvalidInput: no name, an unknown kind, a malformed phone, e-mail or postcode, a text
            too long, or a partner of the same name in the same commune.
    """

    def work(session: Session) -> PartnerInfo:
        issues = _partner_issues(data)
        if not issues:
            issues = _duplicate_issues(session, data, None)
        _raise(issues)
        row = Partner(**_values(data))
        session.add(row)
        session.flush()
        _Writer(session, actor).event("create", "partner", row.id, _PARTNER_FIELDS)
        return _partner_info(session, row)

    return database.run_write(work)


@service_action(EDIT)
def update_partner(
    database: Database, *, actor: Actor, partner_id: int, version: int, data: PartnerInput
) -> PartnerInfo:
    """Replace a partner's details (the form holds them all); ``version`` is the one read.

    Raises:
        RefusedError: an unknown partner, or one changed by someone else since it was read.
        InvalidInput: as `add_partner`.
    """

    def work(session: Session) -> PartnerInfo:
        row = _partner(session, partner_id)
        if row.version != version:
            raise _conflict(session, row)
        issues = _partner_issues(data)
        if not issues:
            issues = _duplicate_issues(session, data, row.id)
        _raise(issues)
        new = _values(data)
        changed = [field for field, value in new.items() if getattr(row, field) != value]
        if changed:
            writer = _Writer(session, actor)
            writer.history("partner", row.id, [("kind", row.kind, data.kind)])
            for field in changed:
                setattr(row, field, new[field])
            writer.event("update", "partner", row.id, changed)
        return _partner_info(session, row)

    return database.run_write(work)


@service_action(EDIT)
def delete_partner(database: Database, *, actor: Actor, partner_id: int) -> None:
    """Remove a partner nobody refers to any more, with its contact persons.

    Raises:
        RefusedError: an unknown partner, or one still following a household, mandataire of a
            person or referrer of a stay (the French text lists what remains).
    """

    def work(session: Session) -> None:
        row = _partner(session, partner_id)
        counts = (
            (
                "partner.link_households",
                select(func.count()).where(HouseholdPartner.partner_id == row.id),
            ),
            ("partner.link_mandates", select(func.count()).where(Person.mandataire_id == row.id)),
            ("partner.link_stays", select(func.count()).where(Stay.referrer_partner_id == row.id)),
        )
        links = [
            message(code, count=count)
            for code, query in counts
            if (count := session.execute(query).scalar_one())
        ]
        if links:
            raise RefusedError("partner.still_linked", name=row.name, links=", ".join(links))
        writer = _Writer(session, actor)
        for contact in list(row.contacts):
            writer.event("delete", "partner_contact", contact.id, ())
        session.delete(row)
        writer.event("delete", "partner", partner_id, ())

    database.run_write(work)


@service_action(READ)
def list_partners(
    database: Database, *, actor: Actor, text: str = "", kind: str | None = None
) -> list[PartnerInfo]:
    """The address book, by name: every word of ``text`` in the name or commune, accents ignored.

    ``kind`` None lists every kind.
    """
    tokens = search_tokens(text)

    def read(session: Session) -> list[PartnerInfo]:
        query = select(Partner)
        if kind is not None:
            query = query.where(Partner.kind == kind)
        rows: list[tuple[str, Partner]] = []
        for row in session.scalars(query):
            name = normalise(row.name)
            haystack = f"{name} {normalise(row.commune or '')}"
            if all(token in haystack for token in tokens):
                rows.append((name, row))
        rows.sort(key=lambda pair: (pair[0], pair[1].id))
        ids = [row.id for _, row in rows]
        contacts = _contacts_of(session, ids)
        counts = _link_counts(session)
        return [
            PartnerInfo(
                partner_id=row.id,
                name=row.name,
                kind=row.kind,
                phone=row.phone,
                email=row.email,
                address=row.address,
                postcode=row.postcode,
                commune=row.commune,
                version=row.version,
                contacts=tuple(contacts.get(row.id, ())),
                households=counts[row.id],
            )
            for _, row in rows
        ]

    return database.run_read(read)


@service_action(READ)
def get_partner(database: Database, *, actor: Actor, partner_id: int) -> PartnerInfo:
    """One partner with its contacts, as it is now (to edit it with its current version).

    Raises:
        RefusedError: an unknown partner.
    """

    def read(session: Session) -> PartnerInfo:
        return _partner_info(session, _partner(session, partner_id))

    return database.run_read(read)


# ------------------------------------------------------------------ contact persons


@service_action(EDIT)
def add_contact(
    database: Database, *, actor: Actor, partner_id: int, data: ContactInput
) -> ContactInfo:
    """Add a named contact person at a partner.

    Raises:
        RefusedError: an unknown partner.
        InvalidInput: no name, a malformed phone or e-mail, a text too long.
    """

    def work(session: Session) -> ContactInfo:
        partner = _partner(session, partner_id)
        _raise(_contact_issues(data))
        row = PartnerContact(partner_id=partner.id, **_contact_values(data))
        session.add(row)
        session.flush()
        _Writer(session, actor).event("create", "partner_contact", row.id, _CONTACT_FIELDS)
        return _contact_info(row)

    return database.run_write(work)


@service_action(EDIT)
def update_contact(
    database: Database, *, actor: Actor, contact_id: int, data: ContactInput
) -> ContactInfo:
    """Replace a contact person's details.

    Raises:
        RefusedError: an unknown contact person.
        InvalidInput: as `add_contact`.
    """

    def work(session: Session) -> ContactInfo:
        row = session.get(PartnerContact, contact_id)
        if row is None:
            raise RefusedError("partner.contact_unknown")
        _raise(_contact_issues(data))
        new = _contact_values(data)
        changed = [field for field, value in new.items() if getattr(row, field) != value]
        for field in changed:
            setattr(row, field, new[field])
        if changed:
            _Writer(session, actor).event("update", "partner_contact", row.id, changed)
        return _contact_info(row)

    return database.run_write(work)


@service_action(EDIT)
def remove_contact(database: Database, *, actor: Actor, contact_id: int) -> None:
    """Remove a contact person from a partner.

    Raises:
        RefusedError: an unknown contact person.
    """

    def work(session: Session) -> None:
        row = session.get(PartnerContact, contact_id)
        if row is None:
            raise RefusedError("partner.contact_unknown")
        session.delete(row)
        _Writer(session, actor).event("delete", "partner_contact", contact_id, ())

    database.run_write(work)


# ------------------------------------------------------------------ partners of a household


def _role_issues(role: str | None) -> list[ValidationIssue]:
    return _length_issues({"role": role})


def _link(session: Session, household_id: int, partner_id: int) -> HouseholdPartner:
    link = session.get(HouseholdPartner, (household_id, partner_id))
    if link is None:
        raise RefusedError("partner.not_linked")
    return link


@service_action(EDIT)
def link_partner(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    partner_id: int,
    role: str | None = None,
) -> LinkedPartner:
    """Record that a partner follows a household, in the given role ("CMP — Dr X").

    Raises:
        RefusedError: the actor may not edit this household, or an unknown partner.
        InvalidInput: the partner already follows the household, a role too long.
    """

    def work(session: Session) -> LinkedPartner:
        require(actor, EDIT, household_access(session, actor, household_id))
        partner = _partner(session, partner_id)
        issues = _role_issues(role)
        if session.get(HouseholdPartner, (household_id, partner_id)) is not None:
            issues.append(
                ValidationIssue("partner_id", "partner.already_linked", {"name": partner.name})
            )
        _raise(issues)
        link = HouseholdPartner(household_id=household_id, partner_id=partner.id, role=_clean(role))
        session.add(link)
        writer = _Writer(session, actor)
        writer.event(
            "create", "household_partner", partner.id, ("partner_id", "role"), household_id
        )
        writer.history(
            "household_partner", partner.id, [("partner_id", None, partner.id)], household_id
        )
        return _linked(session, partner, link.role)

    return database.run_write(work)


@service_action(EDIT)
def set_partner_role(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    partner_id: int,
    role: str | None,
) -> LinkedPartner:
    """Change the role a partner holds for a household (empty: no role said).

    Raises:
        RefusedError: the actor may not edit this household, or the partner does not follow it.
        InvalidInput: a role too long.
    """

    def work(session: Session) -> LinkedPartner:
        require(actor, EDIT, household_access(session, actor, household_id))
        link = _link(session, household_id, partner_id)
        _raise(_role_issues(role))
        new = _clean(role)
        if link.role != new:
            link.role = new
            _Writer(session, actor).event(
                "update", "household_partner", partner_id, ("role",), household_id
            )
        return _linked(session, _partner(session, partner_id), link.role)

    return database.run_write(work)


@service_action(EDIT)
def unlink_partner(database: Database, *, actor: Actor, household_id: int, partner_id: int) -> None:
    """The partner no longer follows the household (the partner stays in the book).

    Raises:
        RefusedError: the actor may not edit this household, or the partner does not follow it.
    """

    def work(session: Session) -> None:
        require(actor, EDIT, household_access(session, actor, household_id))
        session.delete(_link(session, household_id, partner_id))
        writer = _Writer(session, actor)
        writer.event("delete", "household_partner", partner_id, ("partner_id",), household_id)
        writer.history(
            "household_partner", partner_id, [("partner_id", partner_id, None)], household_id
        )

    database.run_write(work)


def _linked(session: Session, partner: Partner, role: str | None) -> LinkedPartner:
    return LinkedPartner(
        partner_id=partner.id,
        name=partner.name,
        kind=partner.kind,
        role=role,
        phone=partner.phone,
        email=partner.email,
        contacts=tuple(_contacts_of(session, [partner.id]).get(partner.id, ())),
    )


@service_action(READ)
def list_household_partners(
    database: Database, *, actor: Actor, household_id: int
) -> HouseholdPartners:
    """The partners following a household, by name, with their phone, e-mail and contacts.

    Raises:
        RefusedError: the household is outside the actor's scope.
    """

    def read(session: Session) -> HouseholdPartners:
        context = household_access(session, actor, household_id)
        require(actor, READ, context)
        household = session.get(Household, household_id)
        assert household is not None
        if household.protected and not (context.caseload or actor.system):
            return HouseholdPartners(household_id, True, ())
        rows = session.execute(
            select(Partner, HouseholdPartner.role)
            .join(HouseholdPartner, HouseholdPartner.partner_id == Partner.id)
            .where(HouseholdPartner.household_id == household_id)
        ).all()
        ordered = sorted(rows, key=lambda pair: (normalise(pair[0].name), pair[0].id))
        contacts = _contacts_of(session, [partner.id for partner, _ in ordered])
        partners = tuple(
            LinkedPartner(
                partner_id=partner.id,
                name=partner.name,
                kind=partner.kind,
                role=role,
                phone=partner.phone,
                email=partner.email,
                contacts=tuple(contacts.get(partner.id, ())),
            )
            for partner, role in ordered
        )
        return HouseholdPartners(household_id, False, partners)

    return database.run_read(read)


@service_action(READ)
def partner_households(database: Database, *, actor: Actor, partner_id: int) -> PartnerFollowing:
    """The households a partner follows: all counted, those the actor may read listed.

    A protected file is listed to its circle only. ``mandates`` counts the persons whose
    mandataire the partner is.

    Raises:
        RefusedError: an unknown partner.
    """

    def read(session: Session) -> PartnerFollowing:
        partner = _partner(session, partner_id)
        rows = session.execute(
            select(Household.id, Household.reference, Household.protected, HouseholdPartner.role)
            .join(HouseholdPartner, HouseholdPartner.household_id == Household.id)
            .where(HouseholdPartner.partner_id == partner.id)
            .order_by(Household.reference)
        ).all()
        everyone = _reads_every_household(actor)
        listed: list[FollowedHousehold] = []
        for household_id, reference, protected, role in rows:
            if everyone and not protected:
                listed.append(FollowedHousehold(household_id, reference, role))
                continue
            context = household_access(session, actor, household_id)
            if not decide(actor, READ, context).allowed:
                continue
            if protected and not (context.caseload or actor.system):
                continue
            listed.append(FollowedHousehold(household_id, reference, role))
        mandates = session.execute(
            select(func.count()).where(Person.mandataire_id == partner.id)
        ).scalar_one()
        return PartnerFollowing(partner.id, len(rows), tuple(listed), int(mandates))

    return database.run_read(read)
