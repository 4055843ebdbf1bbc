"""Test set-up shared by the whole suite.

Qt runs offscreen (set before any QApplication exists). Each test gets its own data folder, so
nothing touches a real user's files. Database tests receive ``database_target``: a fresh SQLite
file, or with ``SEUIL_TEST_POSTGRES_URL`` set (``make test`` starts a private server), a fresh
PostgreSQL database.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import secrets
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from desktop_app.paths import DatabaseTarget, resolve_database

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL_ENV = "SEUIL_TEST_POSTGRES_URL"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(condition: bool, reason: str) -> None:
    """Skip on a developer machine without a tool; fail in CI, where it must be there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{reason} (required when CI=true)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEUIL_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("SEUIL_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("SEUIL_DB", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    """The GUI tests need the .qm; compile it when missing or older than its .ts."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    stale = [
        ts
        for ts in (ROOT / "resources" / "i18n").glob("*.ts")
        if not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if stale:
        i18n.compile_catalogues()


@pytest.fixture
def database_target(tmp_path: Path) -> Iterator[DatabaseTarget]:
    """A fresh, empty database: SQLite file by default, PostgreSQL when a server is given."""
    server = os.environ.get(POSTGRES_URL_ENV)
    if not server:
        yield resolve_database(str(tmp_path / "test.db"))
        return
    name = f"seuil_test_{secrets.token_hex(6)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    url = make_url(server).set(database=name)
    yield resolve_database(url.render_as_string(hide_password=False))
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def postgres_url() -> str:
    """The PostgreSQL server of ``make test``; skipped (failed in CI) without one."""
    url = os.environ.get(POSTGRES_URL_ENV, "")
    require(bool(url), f"no PostgreSQL server ({POSTGRES_URL_ENV} is not set)")
    return url


class StatementCounter:
    """Counts the SQL statements an engine sends, to pin N+1 regressions in tests."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)

    def _record(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        self.statements.append(statement)


@pytest.fixture
def count_statements() -> Callable[[Engine], object]:
    """``with count_statements(engine) as counter: …`` then assert on ``counter.count``.

    BEGIN/COMMIT issued by the driver are not counted; statements the code sends are.
    """

    @contextmanager
    def counting(engine: Engine) -> Iterator[StatementCounter]:
        counter = StatementCounter()
        event.listen(engine, "before_cursor_execute", counter._record)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", counter._record)

    return counting
