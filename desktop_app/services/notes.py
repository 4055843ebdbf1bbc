"""Notes of a household's file, at three levels (DOMAIN §1).

Shared notes are for the team (rental management reads them too); confidential and health
notes for the key worker and co-key-workers (or whoever holds their caseload by delegation).
A coordinator or the direction may read them only through a *justified access*: a typed
reason, written in the security log and shown to the key worker. Every note field reminds the
writer that the person may read it (the GUI says so; the right of access includes notes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import InvalidInput, ValidationIssue
from desktop_app.domain.permissions import Actor, decide
from desktop_app.domain.vocabulary import NOTE_LEVEL
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    AuditEvent,
    Household,
    HouseholdCoWorker,
    Note,
    NotePerson,
    UserAccount,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.households import household_access

PRIVATE_LEVELS = frozenset({"confidential", "health"})
_REASON_MIN = 10


@dataclass(frozen=True, slots=True)
class NoteInfo:
    """A note as shown in the file."""

    note_id: int
    written_on: date
    level: str
    author: str | None
    text: str


@dataclass(frozen=True, slots=True)
class HouseholdNotes:
    """The notes this actor may read, and whether private ones were kept back."""

    notes: tuple[NoteInfo, ...]
    private_withheld: bool  # confidential or health notes exist that this actor did not get
    justified_access_possible: bool  # … and a typed reason would open them


@dataclass(frozen=True, slots=True)
class JustifiedAccessInfo:
    """A justified access to one of the key worker's households."""

    at: datetime
    by: str
    household: str
    reason: str


def _note_action(level: str, *, write: bool) -> str:
    if level in PRIVATE_LEVELS:
        return "notes.confidential.write" if write else "notes.confidential.read"
    return "support.write" if write else "notes.shared.read"


@service_action("notes.shared.read")
def add_note(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    level: str,
    text: str,
    person_ids: Sequence[int] = (),
    written_on: date | None = None,
) -> NoteInfo:
    """Write a note at a level the actor may write.

    Raises:
        InvalidInput: empty text or unknown level.
        RefusedError: the actor may not write at that level in this household.
    """
    issues = []
    if level not in NOTE_LEVEL:
        issues.append(ValidationIssue("level", "note.level_unknown", {"value": level}))
    if not text.strip():
        issues.append(ValidationIssue("text", "note.text_required"))
    if issues:
        raise InvalidInput(issues)

    def work(session: Session) -> NoteInfo:
        require(
            actor, _note_action(level, write=True), household_access(session, actor, household_id)
        )
        note = Note(
            household_id=household_id,
            author_id=actor.user_id,
            written_on=written_on or date.today(),
            level=level,
            text=text.strip(),
        )
        session.add(note)
        session.flush()
        for person_id in person_ids:
            session.add(NotePerson(note_id=note.id, person_id=person_id))
        name, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action="create",
            entity="note",
            entity_id=note.id,
            household_id=household_id,
            fields=("level", "text"),
        )
        return NoteInfo(note.id, note.written_on, note.level, actor.login, note.text)

    return database.run_write(work)


@service_action("notes.shared.read")
def read_notes(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    reason: str | None = None,
    now: datetime | None = None,
) -> HouseholdNotes:
    """The notes of a household this actor may read, newest first.

    Confidential and health notes come only to their key worker's circle, or with a justified
    access: ``reason`` (typed by the coordinator or the direction) is then logged. Reading
    private notes is itself in the security log.

    Raises:
        RefusedError: the actor may not read this household's notes at all.
        InvalidInput: a justified access with a reason too short to mean anything.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    if reason is not None and len(reason.strip()) < _REASON_MIN:
        raise InvalidInput(
            [ValidationIssue("reason", "note.reason_too_short", {"minimum": _REASON_MIN})]
        )

    def work(session: Session) -> HouseholdNotes:
        context = household_access(session, actor, household_id)
        require(actor, "notes.shared.read", context)
        private = decide(actor, "notes.confidential.read", context)
        rows = session.execute(
            select(Note, UserAccount.login)
            .outerjoin(UserAccount, UserAccount.id == Note.author_id)
            .where(Note.household_id == household_id)
            .order_by(Note.written_on.desc(), Note.id.desc())
        ).all()
        has_private = any(note.level in PRIVATE_LEVELS for note, _ in rows)
        show_private = private.allowed and (not private.needs_reason or reason is not None)
        name, user_id = audit_identity(actor)
        if has_private and show_private:
            if private.needs_reason:
                assert reason is not None
                audit.record(
                    session,
                    actor=name,
                    user_id=user_id,
                    action="justified_access",
                    entity="household",
                    entity_id=household_id,
                    household_id=household_id,
                    reason=reason.strip(),
                    at=moment,
                )
            audit.record(
                session,
                actor=name,
                user_id=user_id,
                action="open_confidential",
                entity="household",
                entity_id=household_id,
                household_id=household_id,
                at=moment,
            )
        notes = tuple(
            NoteInfo(note.id, note.written_on, note.level, login, note.text)
            for note, login in rows
            if note.level not in PRIVATE_LEVELS or show_private
        )
        withheld = has_private and not show_private
        return HouseholdNotes(
            notes=notes,
            private_withheld=withheld,
            justified_access_possible=withheld and private.needs_reason,
        )

    return database.run_write(work)


@service_action("session.basic")
def justified_accesses(database: Database, *, actor: Actor) -> list[JustifiedAccessInfo]:
    """The justified accesses to the households this actor follows (shown to the key worker)."""

    def read(session: Session) -> list[JustifiedAccessInfo]:
        mine = select(Household.id).where(
            (Household.key_worker_id == actor.user_id)
            | Household.id.in_(
                select(HouseholdCoWorker.household_id).where(
                    HouseholdCoWorker.user_id == actor.user_id
                )
            )
        )
        rows = session.execute(
            select(AuditEvent, Household.reference)
            .join(Household, Household.id == AuditEvent.household_id)
            .where(AuditEvent.action == "justified_access", AuditEvent.household_id.in_(mine))
            .order_by(AuditEvent.id.desc())
        )
        return [
            JustifiedAccessInfo(
                at=event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC),
                by=event.actor,
                household=reference,
                reason=event.reason or "",
            )
            for event, reference in rows
        ]

    return database.run_read(read)
