"""The security log as the DPO and the administrator see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.permissions import Actor
from desktop_app.persistence import audit
from desktop_app.persistence.audit import ChainReport
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import AuditEvent, Household
from desktop_app.services.authz import service_action

__all__ = [
    "ChainReport",
    "SecurityEventRow",
    "list_security_events",
    "security_log_logins",
    "verify_security_log",
]


@service_action("audit.read")
def verify_security_log(database: Database, *, actor: Actor) -> ChainReport:
    """Recompute the hash chain (read-only) and report the first event that does not verify."""
    return database.run_read(audit.verify)


@dataclass(frozen=True, slots=True)
class SecurityEventRow:
    """One line of the security log as the DPO reads it."""

    event_id: int
    at: datetime
    actor: str
    action: str
    entity: str | None
    entity_id: int | None
    household: str | None  # the household's reference
    fields: str | None
    count: int | None
    reason: str | None


@service_action("audit.read")
def list_security_events(
    database: Database,
    *,
    actor: Actor,
    login: str | None = None,
    household_reference: str | None = None,
    start: date | None = None,
    end: date | None = None,
    limit: int = 1_000,
) -> list[SecurityEventRow]:
    """The newest events first, filtered by user, household and dates (inclusive, UTC days)."""
    query = (
        select(AuditEvent, Household.reference)
        .outerjoin(Household, Household.id == AuditEvent.household_id)
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    )
    if login:
        query = query.where(AuditEvent.actor == login)
    if household_reference:
        query = query.where(Household.reference == household_reference.strip())
    if start is not None:
        query = query.where(AuditEvent.at >= datetime.combine(start, time.min, tzinfo=UTC))
    if end is not None:
        query = query.where(
            AuditEvent.at < datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC)
        )

    def read(session: Session) -> list[SecurityEventRow]:
        return [
            SecurityEventRow(
                event_id=event.id,
                at=event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC),
                actor=event.actor,
                action=event.action,
                entity=event.entity,
                entity_id=event.entity_id,
                household=reference,
                fields=event.fields,
                count=event.count,
                reason=event.reason,
            )
            for event, reference in session.execute(query)
        ]

    return database.run_read(read)


@service_action("audit.read")
def security_log_logins(database: Database, *, actor: Actor) -> list[str]:
    """The names that appear in the log, for the filter."""
    return database.run_read(
        lambda session: list(
            session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor))
        )
    )
