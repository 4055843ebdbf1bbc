"""Business history of a household's file: old → new values of dates, statuses and amounts.

For coordinators to see why a frozen figure moved. Never free text: a value is a date, an
amount in cents, a boolean or a code, written in a stable form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop_app.persistence.models import ChangeHistory

HistoryValue = date | int | bool | str | None
_CODE = re.compile(r"^[a-z0-9_]{1,40}$")


def _form(value: HistoryValue) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        raise TypeError("history keeps dates, not timestamps")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if _CODE.match(value):
        return value
    raise ValueError("history keeps dates, statuses and amounts, never free text")


def record_change(
    session: Session,
    *,
    user_id: int | None,
    household_id: int | None,
    entity: str,
    entity_id: int,
    field: str,
    old: HistoryValue,
    new: HistoryValue,
    at: datetime | None = None,
) -> ChangeHistory | None:
    """Add one old → new line (nothing when the value did not change)."""
    before, after = _form(old), _form(new)
    if before == after:
        return None
    row = ChangeHistory(
        at=(at or datetime.now(UTC)).astimezone(UTC),
        user_id=user_id,
        household_id=household_id,
        entity=entity,
        entity_id=entity_id,
        field=field,
        old_value=before,
        new_value=after,
    )
    session.add(row)
    return row


@dataclass(frozen=True, slots=True)
class Change:
    """One old → new line for `record_changes` (the arguments of `record_change`)."""

    user_id: int | None
    household_id: int | None
    entity: str
    entity_id: int
    field: str
    old: HistoryValue
    new: HistoryValue
    at: datetime | None = None


def record_field_changes(
    session: Session,
    *,
    user_id: int | None,
    household_id: int | None,
    entity: str,
    entity_id: int,
    changes: Iterable[tuple[str, HistoryValue, HistoryValue]],
    at: datetime | None = None,
) -> None:
    """`record_change` for each (field, old, new) of one record."""
    for field, old, new in changes:
        record_change(
            session,
            user_id=user_id,
            household_id=household_id,
            entity=entity,
            entity_id=entity_id,
            field=field,
            old=old,
            new=new,
            at=at,
        )


def record_changes(session: Session, rows: Iterable[Change]) -> int:
    """Add many old → new lines with one INSERT (bulk operations), skipping unchanged values.

    The same rules as `record_change`: dates, amounts, booleans and codes, never free text.

    Returns:
        The number of lines written.
    """
    now = datetime.now(UTC)
    values = []
    for row in rows:
        before, after = _form(row.old), _form(row.new)
        if before == after:
            continue
        values.append(
            {
                "at": (row.at or now).astimezone(UTC),
                "user_id": row.user_id,
                "household_id": row.household_id,
                "entity": row.entity,
                "entity_id": row.entity_id,
                "field": row.field,
                "old_value": before,
                "new_value": after,
            }
        )
    if values:  # Core executemany: no ORM bookkeeping per line
        session.connection().execute(insert(ChangeHistory), values)
    return len(values)


def history_values(
    session: Session, entity: str, ids: Sequence[int], fields: Sequence[str]
) -> dict[tuple[int, str], str | None]:
    """The latest value of each (record, field) kept only in the business history."""
    if not ids:
        return {}
    rows = session.execute(
        select(ChangeHistory.entity_id, ChangeHistory.field, ChangeHistory.new_value)
        .where(
            ChangeHistory.entity == entity,
            ChangeHistory.entity_id.in_(ids),
            ChangeHistory.field.in_(fields),
        )
        .order_by(ChangeHistory.id)
    )
    return {(entity_id, field): value for entity_id, field, value in rows}
