"""Contacts with a household (entretiens), logged in a few keystrokes (DOMAIN §2 Contact).

An interview, a home visit, a call, an accompanied step, a missed appointment, work done
without the household or a partner contact: its kind, date (today by default), duration,
themes, the persons present, the measure it belongs to, notes at the right level and the next
appointment, in one transaction with a constant number of statements.

Decisions where DOMAIN.md is silent, kept here so the GUI, the import and the tests agree:

- **Last contact date** is *derived, never stored*: the newest date of a contact of any kind
  but ``no_show``, ``indirect`` and ``partner_contact``. The index on (household, date) makes
  it one indexed lookup per household and one grouped query for a list; a stored copy would
  have to follow every correction, removal and import of a contact, and could drift from them.
- **Themes** come from the parameter ``contact.themes`` on the contact's date (stored as their
  labels); a theme later removed from the list stays on the contacts that have it.
- **Persons present** are members of the household (now or before). A note written with the
  contact is a Note of the household at its level, about the persons present; confidential
  and health notes need the right to write them (the key worker's circle).
- **Dates**: a contact is not logged in the future (the next appointment plans one); the next
  appointment is on or after the contact; a contact lasts 0 to 24 hours.
- **Reading**: shared notes come with their contact to whoever may read shared notes;
  confidential and health ones are only counted here (they are opened through
  `services.notes.read_notes`, which logs the opening). In a protected file, the names of the
  persons present are masked outside its circle.
- **Appointments** (agenda): the next appointment a contact sets stays open until a later
  contact with the household itself (any kind but ``indirect`` and ``partner_contact``: a
  missed appointment closes it too); nothing due before the go-live date is listed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final

from sqlalchemy import and_, exists, func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_app.domain import reminders as rules
from desktop_app.domain.errors import InvalidInput, ValidationIssue
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import AccessContext, Actor, decide
from desktop_app.domain.vocabulary import CONTACT_KIND, NOTE_LEVEL
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import (
    Contact,
    ContactPerson,
    ContactTheme,
    Household,
    Membership,
    Note,
    NotePerson,
    Person,
    SupportMeasure,
    UserAccount,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.households import MASK
from desktop_app.services.parameters import parameters_in
from desktop_app.services.support import support_access, support_contexts

READ: Final = "support.read"
WRITE: Final = "support.write"
# Kinds that do not update the last contact date (DOMAIN §2).
NOT_A_MEETING: Final = frozenset({"no_show", "indirect", "partner_contact"})
# Kinds that do not close an appointment: the household was not there to be met or missed.
WITHOUT_HOUSEHOLD: Final = frozenset({"indirect", "partner_contact"})
MAX_MINUTES: Final = 24 * 60
PRIVATE_LEVELS: Final = frozenset({"confidential", "health"})


@dataclass(frozen=True, slots=True)
class NoteInput:
    """A note written with a contact, at a level (shared, confidential, health)."""

    level: str
    text: str


@dataclass(frozen=True, slots=True)
class ContactNote:
    """A shared note of a contact, as its list shows it."""

    note_id: int
    level: str
    text: str


@dataclass(frozen=True, slots=True)
class PersonPresent:
    """A person present at a contact (name masked in a protected file outside its circle)."""

    person_id: int
    name: str


@dataclass(frozen=True, slots=True)
class ContactInfo:
    """A contact as the household file lists it."""

    contact_id: int
    household_id: int
    measure_id: int | None
    kind: str
    held_on: date
    minutes: int | None
    worker_id: int | None
    worker: str | None
    next_appointment_on: date | None
    themes: tuple[str, ...]
    persons: tuple[PersonPresent, ...]
    notes: tuple[ContactNote, ...]  # the notes this actor may read here (shared ones)
    private_notes: int  # confidential and health notes, read through the notes service
    counts_as_contact: bool  # updates the last contact date
    version: int


@dataclass(frozen=True, slots=True)
class AppointmentDue:
    """A next appointment not yet answered by a contact, for the agenda."""

    contact_id: int
    household_id: int
    household_reference: str
    due_on: date
    worker_id: int | None
    worker: str | None
    urgency: str  # overdue or soon (`domain.reminders`)


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _input_issues(
    *,
    kind: str,
    held_on: date,
    minutes: int | None,
    next_appointment_on: date | None,
    notes: Sequence[NoteInput],
    today: date,
) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if kind not in CONTACT_KIND:
        issues.append(ValidationIssue("kind", "contact.code_unknown", {"value": kind}))
    if held_on > today:
        issues.append(ValidationIssue("held_on", "contact.future", {"today": format_date(today)}))
    if minutes is not None and (isinstance(minutes, bool) or not 0 <= minutes <= MAX_MINUTES):
        issues.append(
            ValidationIssue("minutes", "contact.minutes_invalid", {"maximum": MAX_MINUTES})
        )
    if next_appointment_on is not None and next_appointment_on < held_on:
        issues.append(ValidationIssue("next_appointment_on", "contact.appointment_before"))
    for note in notes:
        if note.level not in NOTE_LEVEL:
            issues.append(ValidationIssue("notes", "contact.note_level", {"value": note.level}))
        if not note.text.strip():
            issues.append(ValidationIssue("notes", "contact.note_empty"))
    return issues


def _theme_list(value: object) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []


@service_action(WRITE)
def log_contact(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    kind: str,
    held_on: date | None = None,
    minutes: int | None = None,
    themes: Sequence[str] = (),
    person_ids: Sequence[int] = (),
    measure_id: int | None = None,
    notes: Sequence[NoteInput] = (),
    next_appointment_on: date | None = None,
    worker_id: int | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> ContactInfo:
    """Log a contact (the actor's by default, dated today by default) with its notes.

    Raises:
        InvalidInput: an unknown kind, theme or note level, a date in the future, a next
            appointment before the contact, a duration outside 0…24 h, a person or a measure
            of another household, an empty note.
        RefusedError: the actor may not log contacts for this household, or not write a
            confidential or health note in it.
    """
    day = today or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    held = held_on or day
    chosen_themes = list(dict.fromkeys(" ".join(t.split()) for t in themes if t.strip()))
    persons = list(dict.fromkeys(person_ids))
    _raise(
        _input_issues(
            kind=kind,
            held_on=held,
            minutes=minutes,
            next_appointment_on=next_appointment_on,
            notes=notes,
            today=day,
        )
    )

    def work(session: Session) -> ContactInfo:
        context = support_access(session, actor, household_id)
        require(actor, WRITE, context)
        if any(note.level in PRIVATE_LEVELS for note in notes):
            require(actor, "notes.confidential.write", context)
        issues: list[ValidationIssue] = []
        if chosen_themes:
            allowed = _theme_list(parameters_in(session).get("contact.themes", held))
            issues += [
                ValidationIssue("themes", "contact.theme_unknown", {"value": theme})
                for theme in chosen_themes
                if theme not in allowed
            ]
        if persons:
            members = set(
                session.scalars(
                    select(Membership.person_id).where(
                        Membership.household_id == household_id,
                        Membership.person_id.in_(persons),
                    )
                )
            )
            if set(persons) - members:
                issues.append(ValidationIssue("person_ids", "contact.person_foreign"))
        if measure_id is not None:
            owner = session.scalar(
                select(SupportMeasure.household_id).where(SupportMeasure.id == measure_id)
            )
            if owner != household_id:
                issues.append(ValidationIssue("measure_id", "contact.measure_foreign"))
        worker = worker_id if worker_id is not None else actor.user_id
        worker_name = None
        if worker is not None:
            worker_name = session.scalar(
                select(UserAccount.display_name).where(UserAccount.id == worker)
            )
            if worker_name is None:
                issues.append(ValidationIssue("worker_id", "contact.worker_unknown"))
        _raise(issues)
        contact = Contact(
            household_id=household_id,
            measure_id=measure_id,
            kind=kind,
            held_on=held,
            minutes=minutes,
            worker_id=worker,
            next_appointment_on=next_appointment_on,
            created_at=moment,
            created_by=actor.user_id,
        )
        session.add(contact)
        session.flush()
        if persons:
            session.execute(
                insert(ContactPerson),
                [{"contact_id": contact.id, "person_id": p} for p in persons],
            )
        if chosen_themes:
            session.execute(
                insert(ContactTheme),
                [{"contact_id": contact.id, "theme": t} for t in chosen_themes],
            )
        written = _write_notes(session, actor, contact, notes=notes, persons=persons)
        name, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action="create",
            entity="contact",
            entity_id=contact.id,
            household_id=household_id,
            fields=(
                "kind",
                "held_on",
                "minutes",
                "worker_id",
                "measure_id",
                "next_appointment_on",
                *(("themes",) if chosen_themes else ()),
                *(("persons",) if persons else ()),
            ),
            at=moment,
        )
        for note in written:
            audit.record(
                session,
                actor=name,
                user_id=user_id,
                action="create",
                entity="note",
                entity_id=note.id,
                household_id=household_id,
                fields=("level", "text", "contact_id"),
                at=moment,
            )
        record_change(
            session,
            user_id=user_id,
            household_id=household_id,
            entity="contact",
            entity_id=contact.id,
            field="held_on",
            old=None,
            new=held,
            at=moment,
        )
        names = _names(session, persons, masked=_masked(session, actor, household_id, context))
        shared = decide(actor, "notes.shared.read", context).allowed
        return ContactInfo(
            contact_id=contact.id,
            household_id=household_id,
            measure_id=measure_id,
            kind=kind,
            held_on=held,
            minutes=minutes,
            worker_id=worker,
            worker=worker_name,
            next_appointment_on=next_appointment_on,
            themes=tuple(chosen_themes),
            persons=tuple(PersonPresent(p, names.get(p, "")) for p in persons),
            notes=tuple(
                ContactNote(n.id, n.level, n.text)
                for n in written
                if shared and n.level not in PRIVATE_LEVELS
            ),
            private_notes=sum(1 for n in written if n.level in PRIVATE_LEVELS),
            counts_as_contact=kind not in NOT_A_MEETING,
            version=contact.version,
        )

    return database.run_write(work)


def _write_notes(
    session: Session,
    actor: Actor,
    contact: Contact,
    *,
    notes: Sequence[NoteInput],
    persons: Sequence[int],
) -> list[Note]:
    """The contact's notes, about the persons present, dated on the contact's day."""
    written = [
        Note(
            household_id=contact.household_id,
            author_id=actor.user_id,
            written_on=contact.held_on,
            level=note.level,
            text=note.text.strip(),
            contact_id=contact.id,
        )
        for note in notes
    ]
    if not written:
        return []
    session.add_all(written)
    session.flush()
    if persons:
        session.execute(
            insert(NotePerson),
            [{"note_id": note.id, "person_id": p} for note in written for p in persons],
        )
    return written


def _masked(session: Session, actor: Actor, household_id: int, context: AccessContext) -> bool:
    """Whether the names of this household are hidden from the actor (protected file)."""
    if actor.system or context.caseload:
        return False
    return bool(session.scalar(select(Household.protected).where(Household.id == household_id)))


def _names(session: Session, person_ids: Collection[int], *, masked: bool) -> dict[int, str]:
    if not person_ids:
        return {}
    if masked:
        return dict.fromkeys(person_ids, MASK)
    return {
        person.id: f"{person.first_name} {person.last_name}"
        for person in session.scalars(select(Person).where(Person.id.in_(sorted(person_ids))))
    }


@service_action(READ)
def contacts_of(
    database: Database, *, actor: Actor, household_id: int, limit: int | None = None
) -> list[ContactInfo]:
    """The household's contacts, newest first, with their themes, persons and shared notes."""

    def read(session: Session) -> list[ContactInfo]:
        context = support_access(session, actor, household_id)
        require(actor, READ, context)
        query = (
            select(Contact, UserAccount.display_name)
            .outerjoin(UserAccount, UserAccount.id == Contact.worker_id)
            .where(Contact.household_id == household_id)
            .order_by(Contact.held_on.desc(), Contact.id.desc())
        )
        if limit is not None:
            query = query.limit(limit)
        rows = session.execute(query).all()
        ids = [contact.id for contact, _ in rows]
        if not ids:
            return []
        themes: dict[int, list[str]] = defaultdict(list)
        for contact_id, theme in session.execute(
            select(ContactTheme.contact_id, ContactTheme.theme)
            .where(ContactTheme.contact_id.in_(ids))
            .order_by(ContactTheme.theme)
        ):
            themes[contact_id].append(theme)
        present: dict[int, list[int]] = defaultdict(list)
        for contact_id, person_id in session.execute(
            select(ContactPerson.contact_id, ContactPerson.person_id)
            .where(ContactPerson.contact_id.in_(ids))
            .order_by(ContactPerson.person_id)
        ):
            present[contact_id].append(person_id)
        every_person = {p for persons in present.values() for p in persons}
        names = _names(session, every_person, masked=_masked(session, actor, household_id, context))
        shared = decide(actor, "notes.shared.read", context).allowed
        notes: dict[int, list[ContactNote]] = defaultdict(list)
        private: dict[int, int] = defaultdict(int)
        for note in session.scalars(select(Note).where(Note.contact_id.in_(ids)).order_by(Note.id)):
            assert note.contact_id is not None
            if note.level in PRIVATE_LEVELS:
                private[note.contact_id] += 1
            elif shared:
                notes[note.contact_id].append(ContactNote(note.id, note.level, note.text))
        return [
            ContactInfo(
                contact_id=contact.id,
                household_id=contact.household_id,
                measure_id=contact.measure_id,
                kind=contact.kind,
                held_on=contact.held_on,
                minutes=contact.minutes,
                worker_id=contact.worker_id,
                worker=worker,
                next_appointment_on=contact.next_appointment_on,
                themes=tuple(themes.get(contact.id, ())),
                persons=tuple(
                    PersonPresent(p, names.get(p, "")) for p in present.get(contact.id, ())
                ),
                notes=tuple(notes.get(contact.id, ())),
                private_notes=private.get(contact.id, 0),
                counts_as_contact=contact.kind not in NOT_A_MEETING,
                version=contact.version,
            )
            for contact, worker in rows
        ]

    return database.run_read(read)


@dataclass(frozen=True, slots=True)
class MeasureChoice:
    """A measure a contact may belong to: one running on the contact's day."""

    measure_id: int
    kind: str
    start: date


@dataclass(frozen=True, slots=True)
class ContactChoices:
    """What the contact form offers for one household on one day."""

    themes: tuple[str, ...]  # the list ``contact.themes`` in force that day
    persons: tuple[PersonPresent, ...]  # the members that day, the head first
    measures: tuple[MeasureChoice, ...]  # the measures running that day, newest first
    private_notes: bool  # the actor may write confidential and health notes here


@service_action(READ)
def contact_choices(
    database: Database, *, actor: Actor, household_id: int, on: date | None = None
) -> ContactChoices:
    """The themes, members and running measures the contact form offers, in one read.

    Raises:
        RefusedError: the actor may not follow this household's support.
    """
    day = on or date.today()

    def read(session: Session) -> ContactChoices:
        context = support_access(session, actor, household_id)
        require(actor, READ, context)
        themes = _theme_list(parameters_in(session).get("contact.themes", day))
        members = session.execute(
            select(Membership.person_id, Membership.role)
            .where(
                Membership.household_id == household_id,
                Membership.joined_on <= day,
                or_(Membership.left_on.is_(None), Membership.left_on >= day),
            )
            .order_by(Membership.joined_on, Membership.id)
        ).all()
        heads_first = sorted(members, key=lambda member: member.role != "head")
        person_ids = list(dict.fromkeys(member.person_id for member in heads_first))
        names = _names(session, person_ids, masked=_masked(session, actor, household_id, context))
        measures = session.execute(
            select(SupportMeasure.id, SupportMeasure.kind, SupportMeasure.start_date)
            .where(
                SupportMeasure.household_id == household_id,
                SupportMeasure.start_date <= day,
                or_(SupportMeasure.end_date.is_(None), SupportMeasure.end_date >= day),
            )
            .order_by(SupportMeasure.start_date.desc(), SupportMeasure.id.desc())
        ).all()
        return ContactChoices(
            themes=tuple(themes),
            persons=tuple(PersonPresent(p, names.get(p, "")) for p in person_ids),
            measures=tuple(MeasureChoice(m_id, kind, start) for m_id, kind, start in measures),
            private_notes=decide(actor, "notes.confidential.write", context).allowed,
        )

    return database.run_read(read)


def last_contact_dates(session: Session, household_ids: Collection[int]) -> dict[int, date]:
    """The last contact date of each household that has one (DOMAIN §2), in one query.

    For lists and the retention rule, inside the caller's transaction (and its permission).
    """
    if not household_ids:
        return {}
    rows = session.execute(
        select(Contact.household_id, func.max(Contact.held_on))
        .where(
            Contact.household_id.in_(sorted(set(household_ids))),
            Contact.kind.not_in(sorted(NOT_A_MEETING)),
        )
        .group_by(Contact.household_id)
    )
    return {household_id: last for household_id, last in rows if last is not None}


@service_action(READ)
def last_contact_date(database: Database, *, actor: Actor, household_id: int) -> date | None:
    """The date of the household's last contact, or None (derived, see the module docstring)."""

    def read(session: Session) -> date | None:
        require(actor, READ, support_access(session, actor, household_id))
        return last_contact_dates(session, [household_id]).get(household_id)

    return database.run_read(read)


@service_action(READ)
def appointments_due(
    database: Database,
    *,
    actor: Actor,
    on: date,
    horizon_days: int = rules.DEFAULT_HORIZON_DAYS,
    team: bool = False,
    household_id: int | None = None,
) -> list[AppointmentDue]:
    """Next appointments up to ``on`` + ``horizon_days`` that no later contact answered.

    ``team`` lists every household the actor may follow; otherwise their caseload and the
    appointments they hold. With ``household_id``, that household's only.

    Raises:
        InvalidInput: a horizon outside 0…366 days.
    """
    _raise(rules.horizon_issues(horizon_days))

    def read(session: Session) -> list[AppointmentDue]:
        params = parameters_in(session)
        window = rules.window(on, horizon_days, rules.go_live_date(params.get("go_live_date", on)))
        later = aliased(Contact)
        answered = exists().where(
            later.household_id == Contact.household_id,
            later.kind.not_in(sorted(WITHOUT_HOUSEHOLD)),
            or_(
                later.held_on > Contact.held_on,
                and_(later.held_on == Contact.held_on, later.id > Contact.id),
            ),
        )
        query = (
            select(Contact, Household.reference, UserAccount.display_name)
            .join(Household, Household.id == Contact.household_id)
            .outerjoin(UserAccount, UserAccount.id == Contact.worker_id)
            .where(
                Contact.next_appointment_on.is_not(None),
                Contact.next_appointment_on <= window.last_day,
                Household.archived_on.is_(None),
                ~answered,
            )
        )
        if window.go_live is not None:
            query = query.where(Contact.next_appointment_on >= window.go_live)
        if household_id is not None:
            require(actor, READ, support_access(session, actor, household_id))
            query = query.where(Contact.household_id == household_id)
        rows = session.execute(query).all()
        contexts = support_contexts(session, actor, [c.household_id for c, _, _ in rows])
        found = []
        for contact, reference, worker in rows:
            context = contexts[contact.household_id]
            if not decide(actor, READ, context).allowed:
                continue
            mine = context.caseload or (
                actor.user_id is not None and contact.worker_id == actor.user_id
            )
            if household_id is None and not team and not mine:
                continue
            due = contact.next_appointment_on
            assert due is not None
            found.append(
                AppointmentDue(
                    contact_id=contact.id,
                    household_id=contact.household_id,
                    household_reference=reference,
                    due_on=due,
                    worker_id=contact.worker_id,
                    worker=worker,
                    urgency=rules.urgency(due, on),
                )
            )
        found.sort(key=lambda a: rules.sort_key(a.due_on, "appointment", a.household_reference))
        return found

    return database.run_read(read)
