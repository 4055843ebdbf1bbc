"""The engine and its units of work, identical in spirit on SQLite and PostgreSQL.

SQLite: pysqlite's own transaction handling is switched off (SQLAlchemy's documented recipe)
so that a unit of work that may write starts with ``BEGIN IMMEDIATE`` and takes the write lock
at once; a read starts with a plain ``BEGIN``. Every connection gets the PRAGMAs of
ARCHITECTURE.md. A unit of work that finds the database busy is retried whole, which is why a
service never does anything outside its transaction.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from desktop_app.domain.errors import RefusedError
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence.sqlite_file import read_only_uri

log = logging.getLogger(__name__)

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5_000
WRITE_ATTEMPTS = 5
_WRITE_OPTION = "seuil_write"
_IDENTITY = "seuil_identity"


def _is_busy(error: OperationalError) -> bool:
    original = error.orig
    if isinstance(original, sqlite3.OperationalError):
        text = str(original).lower()
        return "locked" in text or "busy" in text
    # PostgreSQL: serialization failure or deadlock, retried whole as well.
    return getattr(original, "sqlstate", None) in {"40001", "40P01"}


def _sqlite_engine(url: str, *, read_only: bool) -> Engine:
    if read_only:
        file_uri = read_only_uri(Path(make_url(url).database or ""))
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(file_uri, uri=True, check_same_thread=False),
            poolclass=QueuePool,
            hide_parameters=True,
        )
    else:
        engine = create_engine(url, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            record.info[_IDENTITY] = cursor.execute("PRAGMA user_version").fetchone()[0]
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Issued on the driver connection: bookkeeping, not counted as the code's statements.
        raw = connection.connection.driver_connection
        if not connection.get_execution_options().get(_WRITE_OPTION, False):
            raw.execute("BEGIN")
            return
        raw.execute("BEGIN IMMEDIATE")
        identity = connection.connection.info.get(_IDENTITY)
        if identity:
            # Puts page 1, with the file's identity, in this transaction's WAL frames
            # (see opening.stamp_identity).
            raw.execute(f"PRAGMA user_version = {int(identity)}")

    return engine


def make_engine(target: DatabaseTarget, *, read_only: bool = False) -> Engine:
    """Create the engine for a database target; opening no connection yet.

    ``read_only`` opens an SQLite file without the right to create or change it (used by
    ``check`` and by anything that must not write a file it only inspects).
    """
    if target.is_sqlite:
        return _sqlite_engine(target.url, read_only=read_only)
    url = make_url(target.url)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    try:
        return create_engine(url, hide_parameters=True, pool_pre_ping=True)
    except ModuleNotFoundError as error:
        raise RefusedError("db.driver_missing") from error


class Database:
    """An engine plus the two kinds of unit of work services use.

    Services receive a `Database`, open one unit of work per call and return DTOs built
    inside it, never ORM objects.
    """

    def __init__(self, engine: Engine, target: DatabaseTarget) -> None:
        self.engine = engine
        self.target = target
        self._writer = engine.execution_options(**{_WRITE_OPTION: True})

    @classmethod
    def open(cls, target: DatabaseTarget, *, read_only: bool = False) -> Database:
        """Build the engine for ``target`` (no connection is made yet)."""
        return cls(make_engine(target, read_only=read_only), target)

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work: one transaction, rolled back at the end."""
        with Session(self.engine, expire_on_commit=False) as session:
            session.begin()
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work that may write: ``BEGIN IMMEDIATE`` on SQLite, committed on success."""
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    def run_write(self, work: Callable[[Session], T], *, attempts: int = WRITE_ATTEMPTS) -> T:
        """Run ``work`` in a write unit of work, retried whole while the database is busy."""
        for attempt in range(1, attempts + 1):
            try:
                with self.write() as session:
                    return work(session)
            except OperationalError as error:
                if not _is_busy(error) or attempt == attempts:
                    if _is_busy(error):
                        raise RefusedError("db.busy") from error
                    raise
                log.info("database busy, retrying the unit of work (attempt %d)", attempt)
                time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def begin_write(self) -> AbstractContextManager[Connection]:
        """A Core connection in a write transaction, committed on success (migrations, bulk)."""
        return self._writer.begin()

    def run_read(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in a read unit of work."""
        with self.read() as session:
            return work(session)

    def dispose(self) -> None:
        """Close every pooled connection (before a backup, at exit)."""
        self.engine.dispose()
