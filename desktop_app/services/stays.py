"""Stays: a household's entry into a programme and its exit (DOMAIN §2, §6).

Entry situation, referrer and DALO status are recorded at entry; destination and reason at
exit. Exit before entry, overlapping stays in one programme, dates in the future and
``kept_home`` outside a mandat de gestion are refused with a message on the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.households import StaySpan, check_stay
from desktop_app.domain.permissions import AccessContext, Actor
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import Programme, Stay
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.households import household_access, refresh_search_text


@dataclass(frozen=True, slots=True)
class StayInfo:
    """A stay as the file shows it."""

    stay_id: int
    programme: str
    programme_kind: str
    entry: date
    exit: date | None
    entry_situation: str
    referrer: str | None
    dalo_status: str
    siao_reference: str | None
    destination: str | None
    exit_reason: str | None


def _spans(session: Session, household_id: int) -> list[StaySpan]:
    rows = session.execute(
        select(Stay, Programme.kind)
        .join(Programme, Programme.id == Stay.programme_id)
        .where(Stay.household_id == household_id)
    ).all()
    return [
        StaySpan(
            stay_id=stay.id,
            programme_id=stay.programme_id,
            programme_kind=kind,
            entry=stay.entry_date,
            exit=stay.exit_date,
            destination=stay.destination,
            exit_reason=stay.exit_reason,
        )
        for stay, kind in rows
    ]


def _info(stay: Stay, programme: Programme) -> StayInfo:
    return StayInfo(
        stay_id=stay.id,
        programme=programme.name,
        programme_kind=programme.kind,
        entry=stay.entry_date,
        exit=stay.exit_date,
        entry_situation=stay.entry_situation,
        referrer=stay.referrer,
        dalo_status=stay.dalo_status,
        siao_reference=stay.siao_reference,
        destination=stay.destination,
        exit_reason=stay.exit_reason,
    )


def _context_with(context: AccessContext, programme_id: int) -> AccessContext:
    """The household's context including the programme the stay is in (scoped workers)."""
    return AccessContext(
        programme_ids=context.programme_ids | {programme_id},
        residence_ids=context.residence_ids,
        caseload=context.caseload,
        resident=context.resident,
        parameters=context.parameters,
    )


@dataclass(frozen=True, slots=True)
class NewStay:
    """What an entry records (`open_stay`, and an admission in one transaction)."""

    household_id: int
    programme_id: int
    entry: date
    entry_situation: str = "unknown"
    referrer: str | None = None
    dalo_status: str = "non_dalo"
    siao_reference: str | None = None


def open_stay_in(session: Session, actor: Actor, new: NewStay, *, today: date) -> Stay:
    """Check and insert a stay in the caller's transaction (permission, audit, history).

    A helper for other services (an admission opens the stay and the contract together).

    Raises:
        InvalidInput: a field to correct (overlap, future date, unknown code).
        RefusedError: the actor may not edit this household, or no such programme.
    """
    programme = session.get(Programme, new.programme_id)
    if programme is None:
        raise RefusedError("stay.programme_unknown")
    context = household_access(session, actor, new.household_id)
    require(actor, "household.edit", _context_with(context, new.programme_id))
    span = StaySpan(None, new.programme_id, programme.kind, new.entry, None, None, None)
    issues = (
        v.ENTRY_SITUATION.issues("entry_situation", new.entry_situation, "stay.code_unknown")
        + v.REFERRER.issues("referrer", new.referrer, "stay.code_unknown")
        + v.DALO_STATUS.issues("dalo_status", new.dalo_status, "stay.code_unknown")
        + check_stay(span, _spans(session, new.household_id), today=today)
    )
    if issues:
        raise InvalidInput(issues)
    stay = Stay(
        household_id=new.household_id,
        programme_id=new.programme_id,
        entry_date=new.entry,
        entry_situation=new.entry_situation,
        referrer=new.referrer,
        dalo_status=new.dalo_status,
        siao_reference=(new.siao_reference or "").strip() or None,
    )
    session.add(stay)
    session.flush()
    refresh_search_text(session, new.household_id)
    name, user_id = audit_identity(actor)
    audit.record(
        session,
        actor=name,
        user_id=user_id,
        action="create",
        entity="stay",
        entity_id=stay.id,
        household_id=new.household_id,
        fields=(
            "programme_id",
            "entry_date",
            "entry_situation",
            "referrer",
            "dalo_status",
            "siao_reference",
        ),
    )
    record_change(
        session,
        user_id=user_id,
        household_id=new.household_id,
        entity="stay",
        entity_id=stay.id,
        field="entry_date",
        old=None,
        new=new.entry,
    )
    return stay


@service_action("household.edit")
def open_stay(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    programme_id: int,
    entry: date,
    entry_situation: str = "unknown",
    referrer: str | None = None,
    dalo_status: str = "non_dalo",
    siao_reference: str | None = None,
    today: date | None = None,
) -> StayInfo:
    """Record a household's entry into a programme.

    Raises:
        InvalidInput: a field to correct (overlap, future date, unknown code).
        RefusedError: the actor may not edit this household, or no such programme.
    """
    day = today or date.today()
    new = NewStay(
        household_id,
        programme_id,
        entry,
        entry_situation,
        referrer,
        dalo_status,
        siao_reference,
    )

    def work(session: Session) -> StayInfo:
        stay = open_stay_in(session, actor, new, today=day)
        programme = session.get(Programme, programme_id)
        assert programme is not None
        return _info(stay, programme)

    return database.run_write(work)


def close_stay_in(
    session: Session,
    actor: Actor,
    stay: Stay,
    *,
    exit: date,
    destination: str | None,
    exit_reason: str | None,
    today: date,
) -> Stay:
    """Check and record a stay's exit in the caller's transaction (permission, audit, history).

    A helper for other services (a rehousing ends the stay with its destination).

    Raises:
        InvalidInput: exit before entry, in the future, ``kept_home`` outside a mandate…
        RefusedError: the actor may not edit this household.
    """
    programme = session.get(Programme, stay.programme_id)
    assert programme is not None
    require(actor, "household.edit", household_access(session, actor, stay.household_id))
    span = StaySpan(
        stay.id,
        stay.programme_id,
        programme.kind,
        stay.entry_date,
        exit,
        destination,
        exit_reason,
    )
    issues = (
        v.DESTINATION.issues("destination", destination, "stay.code_unknown")
        + v.EXIT_REASON.issues("exit_reason", exit_reason, "stay.code_unknown")
        + check_stay(span, _spans(session, stay.household_id), today=today)
    )
    if issues:
        raise InvalidInput(issues)
    name, user_id = audit_identity(actor)
    for field, old, new in (
        ("exit_date", stay.exit_date, exit),
        ("destination", stay.destination, destination),
        ("exit_reason", stay.exit_reason, exit_reason),
    ):
        record_change(
            session,
            user_id=user_id,
            household_id=stay.household_id,
            entity="stay",
            entity_id=stay.id,
            field=field,
            old=old,
            new=new,
        )
    stay.exit_date, stay.destination, stay.exit_reason = exit, destination, exit_reason
    audit.record(
        session,
        actor=name,
        user_id=user_id,
        action="update",
        entity="stay",
        entity_id=stay.id,
        household_id=stay.household_id,
        fields=("exit_date", "destination", "exit_reason"),
    )
    return stay


@service_action("household.edit")
def close_stay(
    database: Database,
    *,
    actor: Actor,
    stay_id: int,
    exit: date,
    destination: str | None,
    exit_reason: str | None,
    today: date | None = None,
) -> StayInfo:
    """Record the exit (last day), its destination (DOMAIN §6.2) and reason (§6.3).

    Raises:
        InvalidInput: exit before entry, in the future, ``kept_home`` outside a mandate…
    """
    day = today or date.today()

    def work(session: Session) -> StayInfo:
        stay = session.get(Stay, stay_id)
        if stay is None:
            raise RefusedError("stay.unknown")
        close_stay_in(
            session,
            actor,
            stay,
            exit=exit,
            destination=destination,
            exit_reason=exit_reason,
            today=day,
        )
        programme = session.get(Programme, stay.programme_id)
        assert programme is not None
        return _info(stay, programme)

    return database.run_write(work)


@service_action("household.read")
def list_stays(database: Database, *, actor: Actor, household_id: int) -> list[StayInfo]:
    """The household's stays, newest first."""

    def read(session: Session) -> list[StayInfo]:
        require(actor, "household.read", household_access(session, actor, household_id))
        rows = session.execute(
            select(Stay, Programme)
            .join(Programme, Programme.id == Stay.programme_id)
            .where(Stay.household_id == household_id)
            .order_by(Stay.entry_date.desc(), Stay.id.desc())
        ).all()
        return [_info(stay, programme) for stay, programme in rows]

    return database.run_read(read)
