"""The business history in bulk: the same rules as one line at a time, one INSERT."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.paths import DatabaseTarget
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import Change, record_change, record_changes
from desktop_app.persistence.models import ChangeHistory
from desktop_app.persistence.opening import open_database

pytestmark = pytest.mark.db
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def database(database_target: DatabaseTarget) -> Iterator[Database]:
    opened = open_database(database_target)
    yield opened.database
    opened.database.dispose()


def lines(database: Database) -> list[tuple[Any, ...]]:
    def read(session: Session) -> list[tuple[Any, ...]]:
        rows = session.execute(
            select(
                ChangeHistory.entity,
                ChangeHistory.entity_id,
                ChangeHistory.field,
                ChangeHistory.old_value,
                ChangeHistory.new_value,
                ChangeHistory.at,
            ).order_by(ChangeHistory.id)
        )
        return [tuple(row) for row in rows]

    return database.run_read(read)


def test_many_lines_are_written_as_record_change_writes_them(database: Database) -> None:
    changes = [
        Change(None, None, "ledger_entry", 7, "amount", None, 12_000, T0),
        Change(None, None, "ledger_entry", 7, "posted_on", None, date(2026, 9, 8), T0),
        Change(None, None, "ledger_entry", 7, "nature", None, None, T0),  # unchanged: skipped
        Change(None, None, "stay", 3, "closed", False, True, T0),
        Change(None, None, "stay", 3, "status", "open", "open", T0),  # unchanged: skipped
        Change(None, None, "stay", 3, "status", "open", "closed", T0),
    ]
    written = database.run_write(lambda session: record_changes(session, changes))
    bulk = lines(database)
    assert written == len(bulk) == 4
    assert [row[2:5] for row in bulk] == [
        ("amount", None, "12000"),
        ("posted_on", None, "2026-09-08"),
        ("closed", "false", "true"),
        ("status", "open", "closed"),
    ]

    def one_by_one(session: Session) -> None:
        for change in changes:
            record_change(
                session,
                user_id=change.user_id,
                household_id=change.household_id,
                entity=change.entity,
                entity_id=change.entity_id,
                field=change.field,
                old=change.old,
                new=change.new,
                at=change.at,
            )

    database.run_write(one_by_one)
    assert lines(database)[len(bulk) :] == bulk


def test_free_text_is_refused_and_nothing_is_written(database: Database) -> None:
    changes = [
        Change(None, None, "ledger_entry", 7, "amount", None, 12_000),
        Change(None, None, "ledger_entry", 7, "reason", None, "Chèque rejeté par la banque"),
    ]
    with pytest.raises(ValueError, match="never free text"):
        database.run_write(lambda session: record_changes(session, changes))
    assert lines(database) == []


def test_one_statement_whatever_the_number_of_lines(
    database: Database, count_statements: Callable[..., Any]
) -> None:
    counts = []
    for size in (3, 3_000):
        changes = [
            Change(None, None, "ledger_entry", index, "amount", None, index + 1)
            for index in range(size)
        ]

        def write(session: Session, rows: list[Change] = changes) -> int:
            return record_changes(session, rows)

        with count_statements(database.engine) as counter:
            database.run_write(write)
        counts.append(counter.count)
    assert counts[0] == counts[1]
    assert len(lines(database)) == 3_003
    assert database.run_write(lambda session: record_changes(session, [])) == 0
