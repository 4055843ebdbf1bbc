"""The engine and its units of work, on SQLite and (in CI) PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop_app.domain.errors import RefusedError
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence.db import Database

pytestmark = pytest.mark.db


@pytest.fixture
def database(database_target: DatabaseTarget):
    db = Database.open(database_target)
    db.run_write(
        lambda s: s.execute(text("create table item (id integer primary key, label text)"))
    )
    yield db
    db.dispose()


def test_write_commits_and_read_sees_it(database: Database) -> None:
    database.run_write(lambda s: s.execute(text("insert into item (id, label) values (1, 'a')")))
    count = database.run_read(lambda s: s.execute(text("select count(*) from item")).scalar_one())
    assert count == 1


def test_a_failing_unit_of_work_leaves_nothing(database: Database) -> None:
    def half_then_fail(session):
        session.execute(text("insert into item (id, label) values (1, 'a')"))
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        database.run_write(half_then_fail)
    count = database.run_read(lambda s: s.execute(text("select count(*) from item")).scalar_one())
    assert count == 0


def test_read_unit_of_work_never_commits(database: Database) -> None:
    with database.read() as session:
        session.execute(text("insert into item (id, label) values (2, 'b')"))
    count = database.run_read(lambda s: s.execute(text("select count(*) from item")).scalar_one())
    assert count == 0


def test_statement_counter_counts_what_the_code_sends(database: Database, count_statements) -> None:
    with count_statements(database.engine) as counter:
        database.run_write(
            lambda s: [
                s.execute(text("insert into item (id, label) values (:i, :l)"), {"i": i, "l": "x"})
                for i in range(3)
            ]
        )
        database.run_read(lambda s: s.execute(text("select label from item")).all())
    sent = [
        s for s in counter.statements if not s.upper().startswith(("BEGIN", "COMMIT", "ROLLBACK"))
    ]
    assert len(sent) == 4
    assert counter.count >= 4


def test_sqlite_pragmas(database: Database) -> None:
    if database.dialect != "sqlite":
        pytest.skip("SQLite only")
    with database.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
        assert session.execute(text("PRAGMA busy_timeout")).scalar_one() == 5000


def test_sqlite_write_takes_the_lock_at_begin(
    database: Database, database_target: DatabaseTarget
) -> None:
    """BEGIN IMMEDIATE: a second writer is refused while the first holds its unit of work open."""
    if database.dialect != "sqlite":
        pytest.skip("SQLite only")
    assert database_target.path is not None
    entered, release = threading.Event(), threading.Event()

    def hold(session):
        session.execute(text("select 1"))  # no write yet: only BEGIN IMMEDIATE holds the lock
        entered.set()
        release.wait(10)

    holder = threading.Thread(target=database.run_write, args=(hold,))
    holder.start()
    try:
        assert entered.wait(10)
        other = sqlite3.connect(database_target.path, timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    finally:
        release.set()
        holder.join()


def test_busy_database_retried_then_refused_in_french(database: Database) -> None:
    attempts: list[int] = []

    def always_busy(_session):
        attempts.append(1)
        raise OperationalError("stmt", {}, sqlite3.OperationalError("database is locked"))

    with pytest.raises(RefusedError) as refused:
        database.run_write(always_busy, attempts=3)
    assert len(attempts) == 3
    assert "occupée par un autre poste" in refused.value.text


def test_busy_then_free_succeeds(database: Database) -> None:
    attempts: list[int] = []

    def busy_once(session):
        attempts.append(1)
        if len(attempts) == 1:
            raise OperationalError("stmt", {}, sqlite3.OperationalError("database is locked"))
        session.execute(text("insert into item (id, label) values (7, 'ok')"))
        return "done"

    assert database.run_write(busy_once) == "done"
    assert len(attempts) == 2


def test_read_only_sqlite_cannot_write(database: Database, database_target: DatabaseTarget) -> None:
    if database.dialect != "sqlite":
        pytest.skip("SQLite only")
    reader = Database.open(database_target, read_only=True)
    try:
        with pytest.raises(OperationalError, match="readonly"), reader.write() as session:
            session.execute(text("insert into item (label) values ('x')"))
    finally:
        reader.dispose()


@pytest.mark.postgres
def test_postgres_url_gets_the_psycopg_driver(postgres_url: str) -> None:
    from desktop_app.paths import resolve_database

    target = resolve_database(postgres_url.replace("postgresql+psycopg://", "postgresql://"))
    db = Database.open(target)
    try:
        assert db.engine.dialect.driver == "psycopg"
        assert db.run_read(lambda s: s.execute(text("select 1")).scalar_one()) == 1
    finally:
        db.dispose()
