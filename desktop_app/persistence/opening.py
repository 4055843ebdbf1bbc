"""Opening a database safely (ARCHITECTURE.md "The database").

For an SQLite file, in this order, writing nothing until every check passed:
1. where it lives: a network share or a cloud-synced folder is refused for writing, a
   removable drive is a warning;
2. what it is: a folder, an empty file, a spreadsheet renamed ``.db``, random bytes, a truncated
   copy, a read-only file, or a ``-wal`` journal from another database each end in a classified
   French message (`RefusedError`), the file untouched;
3. its schema revision, read with one query on a read-only connection: a revision this Seuil
   does not know means a newer Seuil wrote it — refused without a write;
4. only when a migration is pending: a copy with the SQLite backup API, ``integrity_check`` of
   the copy, then ``alembic upgrade head`` in process, in one transaction.
A new file is created at head and seeded with the parameters' defaults. PostgreSQL follows the
same steps without the file checks (its backups are the server's business).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.messages import message
from desktop_app.domain.parameters import default_values
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import schema
from desktop_app.persistence.db import Database
from desktop_app.persistence.location import LocationKind, classify_path
from desktop_app.persistence.sqlite_file import (
    FileProblem,
    read_header,
    read_only_uri,
    wal_belongs,
)

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """A database ready for services, and what happened while opening it."""

    database: Database
    created: bool
    upgraded_from: str | None
    backup: Path | None
    warnings: tuple[str, ...]


def open_database(
    target: DatabaseTarget, *, create: bool = True, now: datetime | None = None
) -> OpenedDatabase:
    """Open (creating or upgrading when needed) the database of ``target`` for reading and writing.

    Raises:
        RefusedError: with a French message naming what is wrong; nothing was written.
    """
    if target.path is None:
        return _open_server(target)
    path = target.path
    warnings = _check_location(path)
    exists = _check_file(path, create=create, display=target.display)
    if not exists:
        return _create_sqlite(target, warnings)
    revision = read_revision(path, target.display)
    if revision not in schema.REVISIONS and revision is not None:
        raise RefusedError("db.newer", database=target.display)
    database = Database.open(target)
    backup = None
    try:
        if revision != schema.HEAD:
            backup = _backup(database, path, revision, now or datetime.now(UTC))
            with database.begin_write() as connection:
                _migrate(connection, seed=revision is None)
            log.info("database upgraded from %s to %s", revision, schema.HEAD)
    except BaseException:
        database.dispose()
        raise
    return OpenedDatabase(database, False, revision if backup else None, backup, warnings)


# ------------------------------------------------------------------ SQLite checks


def _check_location(path: Path) -> tuple[str, ...]:
    location = classify_path(str(path))
    if location.kind == LocationKind.NETWORK:
        raise RefusedError("db.location.network", path=str(path))
    if location.kind == LocationKind.CLOUD_SYNCED:
        raise RefusedError("db.location.cloud", path=str(path), service=location.detail)
    if location.kind == LocationKind.REMOVABLE:
        return (message("db.location.removable", path=str(path)),)
    return ()


def _check_file(path: Path, *, create: bool, display: str) -> bool:
    """Classify the file; return whether it exists (a missing one is created when allowed)."""
    if path.is_dir():
        raise RefusedError("db.is_directory", database=display)
    folder = path.parent
    if not path.exists():
        if not create:
            raise RefusedError("db.missing", database=display)
        folder.mkdir(parents=True, exist_ok=True)
        if not _writable(folder):
            raise RefusedError("db.folder_read_only", folder=str(folder))
        return False
    inspect_existing(path, display)
    if not _writable(path):
        raise RefusedError("db.read_only", database=display)
    if not _writable(folder):
        raise RefusedError("db.folder_read_only", folder=str(folder))
    return True


def inspect_existing(path: Path, display: str) -> None:
    """Refuse, with a classified French message, a file that is not a usable Seuil database.

    Reads only: the header and, when present, the ``-wal`` journal beside the file.
    """
    if path.is_dir():
        raise RefusedError("db.is_directory", database=display)
    try:
        header = read_header(path)
    except FileProblem as problem:
        _refuse_file(problem.kind, display)
    except PermissionError as error:
        raise RefusedError(
            "db.unreadable", database=display, reason="droits de lecture insuffisants"
        ) from error
    if not wal_belongs(path, header):
        raise RefusedError("db.wal_mismatch", wal=str(path.with_name(path.name + "-wal")))


def _writable(path: Path) -> bool:
    """Writable for us, and not marked read-only (root may write anything: the mark counts)."""
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def _refuse_file(kind: str, display: str) -> NoReturn:
    if kind == "empty":
        raise RefusedError("db.empty_file", database=display)
    if kind == "truncated":
        raise RefusedError("db.truncated", database=display)
    detail = message("db.kind.zip" if kind == "zip" else "db.kind.unknown")
    raise RefusedError("db.not_sqlite", database=display, kind=detail)


def read_revision(path: Path, display: str) -> str | None:
    """The schema revision, read on a read-only connection; None for an empty SQLite file."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        raise RefusedError("db.damaged", database=display) from error
    try:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" not in str(error):
                raise
            tables = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if tables:
                raise RefusedError("db.foreign", database=display) from error
            return None
    except sqlite3.DatabaseError as error:
        log.warning("database probe failed: %s", type(error).__name__)
        if "not a database" in str(error):
            raise RefusedError(
                "db.not_sqlite", database=display, kind=message("db.kind.unknown")
            ) from error
        raise RefusedError("db.damaged", database=display) from error
    finally:
        connection.close()
    if row is None:
        raise RefusedError("db.foreign", database=display)
    return str(row[0])


def _backup(database: Database, path: Path, revision: str | None, now: datetime) -> Path | None:
    """Copy the database with the backup API before a migration; check the copy."""
    if revision is None:
        return None  # an empty file: nothing to lose
    folder = path.parent / BACKUP_FOLDER
    folder.mkdir(exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    copy = folder / f"{path.stem}-avant-mise-a-jour-{revision}-{stamp}{path.suffix or '.db'}"
    source = sqlite3.connect(read_only_uri(path), uri=True)
    destination = sqlite3.connect(copy)
    try:
        source.backup(destination)
        result = destination.execute("PRAGMA integrity_check").fetchall()
    finally:
        destination.close()
        source.close()
    if result != [("ok",)]:
        copy.unlink(missing_ok=True)
        raise RefusedError("db.backup_failed")
    log.info("backup before migration written")
    return copy


def _create_sqlite(target: DatabaseTarget, warnings: tuple[str, ...]) -> OpenedDatabase:
    database = Database.open(target)
    try:
        with database.begin_write() as connection:
            _migrate(connection, seed=True)
    except BaseException:
        database.dispose()
        if target.path is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target.path}{suffix}").unlink(missing_ok=True)
        raise
    log.info("new database created at schema %s", schema.HEAD)
    return OpenedDatabase(database, True, None, None, warnings)


def _migrate(connection: Connection, *, seed: bool) -> None:
    from desktop_app.persistence.migrate import upgrade  # noqa: PLC0415 - Alembic only now

    upgrade(connection)
    if seed:
        seed_parameters(connection)
        if connection.dialect.name == "sqlite":
            stamp_identity(connection)


def stamp_identity(connection: Connection) -> None:
    """Give a new SQLite file a random identity in its header (``user_version``).

    Every write transaction rewrites it (`persistence.db`), so every ``-wal`` journal carries
    the identity of the file it belongs to, and a journal left beside another file is refused.
    """
    identity = secrets.randbelow(2**31 - 1) + 1
    connection.exec_driver_sql(f"PRAGMA user_version = {identity}")
    connection.connection.info["seuil_identity"] = identity


def seed_parameters(connection: Connection) -> None:
    """Insert the default parameter rows (DOMAIN §9)."""
    rows = [
        {
            "key": value.key,
            "scope": value.scope,
            "valid_from": value.valid_from,
            "value": json.dumps(value.value),
        }
        for value in default_values()
    ]
    connection.execute(
        text(
            "INSERT INTO parameter (key, scope, valid_from, value) "
            "VALUES (:key, :scope, :valid_from, :value)"
        ),
        rows,
    )


# ------------------------------------------------------------------ PostgreSQL


def _open_server(target: DatabaseTarget) -> OpenedDatabase:
    database = Database.open(target)
    try:
        try:
            with database.engine.connect() as connection:
                revision = _server_revision(connection, target.display)
        except OperationalError as error:
            raise RefusedError("db.unreachable", database=target.display) from error
        if revision is not None and revision not in schema.REVISIONS:
            raise RefusedError("db.newer", database=target.display)
        if revision != schema.HEAD:
            with database.begin_write() as connection:
                _migrate(connection, seed=revision is None)
    except BaseException:
        database.dispose()
        raise
    created = revision is None
    return OpenedDatabase(database, created, None if created else revision, None, ())


def _server_revision(connection: Connection, display: str) -> str | None:
    try:
        with connection.begin():
            row = connection.execute(text("SELECT version_num FROM alembic_version")).fetchone()
    except (ProgrammingError, DBAPIError) as error:
        if inspect(connection).get_table_names():
            raise RefusedError("db.foreign_server", database=display) from error
        return None
    if row is None:
        raise RefusedError("db.foreign_server", database=display)
    return str(row[0])
