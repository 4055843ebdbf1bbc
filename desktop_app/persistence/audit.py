"""The security log: append-only, hash-chained, written in the transaction of the change.

Each event stores who (user id and login, or "système"), when (UTC), what (action, entity,
id, household) and the *names* of the fields touched — never their values. Its ``hash`` is the
SHA-256 of the previous event's hash and of its own canonical content, so any edit, deletion
or insertion inside the chain is detected by `verify`. Appends are serialised: SQLite's write
transactions already are (BEGIN IMMEDIATE); PostgreSQL takes a transaction-level advisory lock.
A purge deletes old events and leaves an `AuditAnchor` holding the last deleted hash, from
which the remaining chain still verifies.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from desktop_app.persistence.models import AuditAnchor, AuditEvent

GENESIS = "0" * 64
_ADVISORY_LOCK = 0x5E011  # "SEUIL": one application-wide lock for the chain's append
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_.]{0,59}$")
ACTIONS = frozenset(
    {
        "create",
        "update",
        "delete",
        "export",
        "report_run",
        "login",
        "login_failed",
        "logout",
        "justified_access",
        "open_protected",
        "open_confidential",
        "purge",
        "import",
        "backup",
        "restore",
        "settings",
    }
)


@dataclass(frozen=True, slots=True)
class ChainReport:
    """Result of `verify`."""

    checked: int
    broken_at: int | None  # id of the first event that does not verify

    @property
    def ok(self) -> bool:
        """True when every event verifies."""
        return self.broken_at is None


def _digest(previous: str, event: AuditEvent) -> str:
    at = event.at if event.at.tzinfo else event.at.replace(tzinfo=UTC)
    content = [
        previous,
        at.astimezone(UTC).isoformat(timespec="microseconds"),
        event.user_id,
        event.actor,
        event.action,
        event.entity,
        event.entity_id,
        event.household_id,
        event.fields,
        event.count,
        event.reason,
    ]
    canonical = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _chain_head(session: Session) -> str:
    last = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).scalar_one_or_none()
    if last is not None:
        return last
    anchor = session.execute(
        select(AuditAnchor.last_hash).order_by(AuditAnchor.id.desc()).limit(1)
    ).scalar_one_or_none()
    return anchor or GENESIS


def record(
    session: Session,
    *,
    actor: str,
    user_id: int | None,
    action: str,
    entity: str | None = None,
    entity_id: int | None = None,
    household_id: int | None = None,
    fields: Sequence[str] = (),
    count: int | None = None,
    reason: str | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event to the chain, inside the caller's write transaction.

    Raises:
        ValueError: an unknown action, or a "field name" that looks like a value.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    for name in fields:
        if not _FIELD_NAME.match(name):
            raise ValueError("audit fields are names, never values")
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
    event = AuditEvent(
        at=(at or datetime.now(UTC)).astimezone(UTC),
        user_id=user_id,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        household_id=household_id,
        fields=",".join(sorted(set(fields))) or None,
        count=count,
        reason=reason,
    )
    event.previous_hash = _chain_head(session)
    event.hash = _digest(event.previous_hash, event)
    session.add(event)
    session.flush()
    return event


def verify(session: Session, *, batch: int = 5_000) -> ChainReport:
    """Recompute the chain from the last anchor (or the start) and report the first break."""
    anchor = session.execute(
        select(AuditAnchor).order_by(AuditAnchor.id.desc()).limit(1)
    ).scalar_one_or_none()
    expected = anchor.last_hash if anchor else GENESIS
    after_id = anchor.up_to_id if anchor else 0
    checked = 0
    query = (
        select(AuditEvent)
        .where(AuditEvent.id > after_id)
        .order_by(AuditEvent.id)
        .execution_options(yield_per=batch)
    )
    result = session.scalars(query)
    try:
        for event in result:
            if event.previous_hash != expected or _digest(expected, event) != event.hash:
                return ChainReport(checked=checked, broken_at=event.id)
            expected = event.hash
            checked += 1
    finally:
        result.close()  # a server-side cursor on PostgreSQL
    return ChainReport(checked=checked, broken_at=None)


def purge(session: Session, *, before: datetime, now: datetime | None = None) -> int:
    """Delete the events older than ``before``; the chain stays verifiable from an anchor.

    Only a prefix of the chain is ever removed (events are appended in time order), so the
    remaining events still link to the anchor's hash.
    """
    last = session.execute(
        select(AuditEvent.id, AuditEvent.hash)
        .where(AuditEvent.at < before.astimezone(UTC))
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).one_or_none()
    if last is None:
        return 0
    up_to_id, last_hash = last
    count = session.execute(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.id <= up_to_id)
    ).scalar_one()
    session.execute(delete(AuditEvent).where(AuditEvent.id <= up_to_id))
    session.add(
        AuditAnchor(
            purged_at=(now or datetime.now(UTC)).astimezone(UTC),
            up_to_id=up_to_id,
            last_hash=last_hash,
            purged_count=count,
        )
    )
    session.flush()
    return int(count)
