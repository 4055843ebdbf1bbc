"""The database as a whole: what it is, and whether it is intact."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence.db import Database
from desktop_app.persistence.opening import inspect_existing, open_database
from desktop_app.services.dto import CheckReport, DatabaseInfo, OpeningReport

log = logging.getLogger(__name__)

_MAX_REPORTED_PROBLEMS = 100


@dataclass(frozen=True, slots=True)
class Workspace:
    """An open database and how it was opened: what the GUI passes back to every service."""

    database: Database
    target: DatabaseTarget
    report: OpeningReport
    demo: bool = False
    # Until someone logs in: the system actor, as on a database without accounts (DOMAIN §1).
    actor: Actor = SYSTEM_ACTOR

    def close(self) -> None:
        """Release the connections (at exit, before switching databases)."""
        self.database.dispose()


def open_workspace(target: DatabaseTarget, *, create: bool = True, demo: bool = False) -> Workspace:
    """Open the database for the GUI or a command that writes (created or upgraded if needed).

    Raises:
        RefusedError: a classified French reason; nothing was written.
    """
    opened = open_database(target, create=create)
    report = OpeningReport(
        created=opened.created,
        upgraded_from=opened.upgraded_from,
        backup=opened.backup,
        warnings=opened.warnings,
    )
    return Workspace(database=opened.database, target=target, report=report, demo=demo)


def describe_database(target: DatabaseTarget) -> DatabaseInfo:
    """Describe the chosen database; a missing file is not created, a server is asked once."""
    if target.path is None:
        try:
            report = check_database(target)
        except RefusedError:
            return DatabaseInfo(display=target.display, dialect="postgresql", exists=False)
        return DatabaseInfo(
            display=target.display,
            dialect="postgresql",
            exists=True,
            engine_version=report.engine_version,
        )
    exists = target.path.is_file()
    size = target.path.stat().st_size if exists else None
    return DatabaseInfo(display=target.display, dialect="sqlite", exists=exists, size_bytes=size)


def check_database(target: DatabaseTarget) -> CheckReport:
    """Check that the database can be read and is physically intact, writing nothing.

    SQLite: ``integrity_check`` then ``foreign_key_check`` on a read-only connection.
    PostgreSQL: the server answers and reports its version.

    Raises:
        RefusedError: missing file, a file that is not an SQLite database, unreachable server.
    """
    if target.path is not None:
        if not target.path.exists():
            raise RefusedError("db.missing", database=target.display)
        inspect_existing(target.path, target.display)
    database = Database.open(target, read_only=True)
    try:
        if database.dialect == "sqlite":
            return _check_sqlite(database, target)
        return _check_server(database, target)
    finally:
        database.dispose()


def _check_sqlite(database: Database, target: DatabaseTarget) -> CheckReport:
    try:
        with database.read() as session:
            version = session.execute(text("select sqlite_version()")).scalar_one()
            integrity = [str(row[0]) for row in session.execute(text("PRAGMA integrity_check"))]
            foreign = session.execute(text("PRAGMA foreign_key_check")).fetchall()
    except DBAPIError as error:
        reason = "fichier endommagé ou d'un autre format"
        if isinstance(error.orig, sqlite3.OperationalError):
            reason = "fichier illisible ou verrouillé"
        log.warning("sqlite check failed: %s", type(error.orig).__name__)
        raise RefusedError("db.unreadable", database=target.display, reason=reason) from error
    problems = [line for line in integrity if line != "ok"]
    problems += [f"clé étrangère rompue dans la table {row[0]} (ligne {row[1]})" for row in foreign]
    size = target.path.stat().st_size if target.path else None
    return CheckReport(
        engine_version=f"SQLite {version}",
        size_bytes=size,
        problems=tuple(problems[:_MAX_REPORTED_PROBLEMS]),
    )


def _check_server(database: Database, target: DatabaseTarget) -> CheckReport:
    try:
        with database.read() as session:
            version = session.execute(text("show server_version")).scalar_one()
    except OperationalError as error:
        raise RefusedError("db.unreachable", database=target.display) from error
    return CheckReport(engine_version=f"PostgreSQL {version}", size_bytes=None)
