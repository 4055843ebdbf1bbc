"""Staff assigned to a programme in full-time equivalents, dated (DOMAIN §2 StaffPeriod).

The pension de famille report's ``staff.fte`` averages them over the period. A coordinator
records who works where (a role such as « Hôte », « Travailleur social », not a person's
name), the FTE (``0,8``) and the dates; an assignment ends on its last day. FTE are kept in
hundredths so sums stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import InvalidInput, ValidationIssue
from desktop_app.domain.permissions import Actor
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import Programme, StaffPeriod
from desktop_app.services.authz import record_event, service_action
from desktop_app.services.dto import Changes

EDIT: Final = "settings.edit"
ROLE_MAX: Final = 100
FTE_MAX: Final = 10_000  # 100 FTE on one programme: anything above is a typing slip
_FTE: Final = re.compile(r"^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$")


@dataclass(frozen=True, slots=True)
class StaffPeriodInfo:
    """An assignment as the programme's staff list shows it."""

    staff_id: int
    programme_id: int
    programme: str
    role: str
    fte: Decimal
    start_date: date
    end_date: date | None


def parse_fte(text: str) -> int | None:
    """``0,8`` or ``1.25`` → hundredths (80, 125); None when it is not such a number."""
    match = _FTE.match(text)
    if match is None:
        return None
    units, decimals = match.group(1), (match.group(2) or "").ljust(2, "0")
    return int(units) * 100 + int(decimals)


def _issues(
    session: Session, programme_id: int, role: str, fte: int, *, start: date, end: date | None
) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if session.get(Programme, programme_id) is None:
        issues.append(ValidationIssue("programme_id", "staff.programme_unknown"))
    if not role or len(role) > ROLE_MAX:
        issues.append(ValidationIssue("role", "staff.role_required", {"maximum": ROLE_MAX}))
    if not 0 < fte <= FTE_MAX:
        issues.append(ValidationIssue("fte", "staff.fte_invalid"))
    if end is not None and end < start:
        issues.append(ValidationIssue("end_date", "staff.end_before_start"))
    return issues


def _info(session: Session, row: StaffPeriod) -> StaffPeriodInfo:
    name = session.scalar(select(Programme.name).where(Programme.id == row.programme_id))
    return StaffPeriodInfo(
        row.id,
        row.programme_id,
        name or "",
        row.role,
        Decimal(row.fte_hundredths) / 100,
        row.start_date,
        row.end_date,
    )


@service_action(EDIT)
def record_staff_period(
    database: Database,
    *,
    actor: Actor,
    programme_id: int,
    role: str,
    fte_hundredths: int,
    start_date: date,
    end_date: date | None = None,
) -> tuple[StaffPeriodInfo, Changes]:
    """Record an assignment (refused in French, nothing saved, when a field is wrong)."""
    role = role.strip()

    def work(session: Session) -> StaffPeriodInfo:
        issues = _issues(
            session, programme_id, role, fte_hundredths, start=start_date, end=end_date
        )
        if issues:
            raise InvalidInput(issues)
        row = StaffPeriod(
            programme_id=programme_id,
            role=role,
            fte_hundredths=fte_hundredths,
            start_date=start_date,
            end_date=end_date,
        )
        session.add(row)
        session.flush()
        record_event(
            session,
            actor,
            action="create",
            entity="staff_period",
            entity_id=row.id,
            household_id=None,
            fields=("programme_id", "role", "fte_hundredths", "start_date", "end_date"),
        )
        return _info(session, row)

    return database.run_write(work), Changes(frozenset({"staff"}))


@service_action(EDIT)
def end_staff_period(
    database: Database, *, actor: Actor, staff_id: int, end_date: date
) -> tuple[StaffPeriodInfo, Changes]:
    """End an assignment on its last day (its history keeps the old end)."""

    def work(session: Session) -> StaffPeriodInfo:
        row = session.get(StaffPeriod, staff_id)
        if row is None:
            raise InvalidInput([ValidationIssue("staff_id", "staff.unknown")])
        if end_date < row.start_date:
            raise InvalidInput([ValidationIssue("end_date", "staff.end_before_start")])
        record_change(
            session,
            user_id=actor.user_id,
            household_id=None,
            entity="staff_period",
            entity_id=row.id,
            field="end_date",
            old=row.end_date,
            new=end_date,
        )
        row.end_date = end_date
        record_event(
            session,
            actor,
            action="update",
            entity="staff_period",
            entity_id=row.id,
            household_id=None,
            fields=("end_date",),
        )
        return _info(session, row)

    return database.run_write(work), Changes(frozenset({"staff"}))


@service_action("session.basic")
def list_staff_periods(
    database: Database, *, actor: Actor, programme_id: int | None = None
) -> list[StaffPeriodInfo]:
    """The assignments, of one programme or all, latest start first."""

    def read(session: Session) -> list[StaffPeriodInfo]:
        query = select(StaffPeriod).order_by(StaffPeriod.start_date.desc(), StaffPeriod.id)
        if programme_id is not None:
            query = query.where(StaffPeriod.programme_id == programme_id)
        return [_info(session, row) for row in session.scalars(query)]

    return database.run_read(read)


@service_action("session.basic")
def staff_programmes(database: Database, *, actor: Actor) -> list[tuple[int, str]]:
    """Every programme, by name: where staff may be assigned."""
    return database.run_read(
        lambda session: [
            (pid, name)
            for pid, name in session.execute(
                select(Programme.id, Programme.name).order_by(Programme.name)
            )
        ]
    )
