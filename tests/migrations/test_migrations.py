"""Models and migrations never drift; frozen releases upgrade to head on both engines."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from desktop_app.paths import DatabaseTarget, resolve_database
from desktop_app.persistence import schema
from desktop_app.persistence.db import Database
from desktop_app.persistence.migrate import alembic_config
from desktop_app.persistence.models import Base
from desktop_app.persistence.opening import open_database
from tests.migrations.samples import EXPECTED_COUNTS, RELEASE_COUNTS, expected_counts

DATA = Path(__file__).resolve().parent / "data"
pytestmark = pytest.mark.db


def drift(database: Database) -> list[object]:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(context, Base.metadata))


def counts(database: Database) -> dict[str, int]:
    with database.read() as session:
        return {
            table: session.execute(text(f"select count(*) from {table}")).scalar_one()
            for table in EXPECTED_COUNTS
        }


def release(frozen: Path) -> str:
    """``v0001_initial.sqlite3`` → ``0001_initial``."""
    return frozen.name.split(".")[0].removeprefix("v")


def contents_intact(database: Database) -> bool:
    """Every stored document content still hashes to its key (bytes survived the freeze)."""
    with database.read() as session:
        rows = session.execute(text("select sha256, size, content from document_content")).all()
    return all(
        hashlib.sha256(bytes(content)).hexdigest() == key and len(content) == size
        for key, size, content in rows
    )


def test_known_revisions_are_alembics_chain() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == schema.REVISIONS
    assert script.get_current_head() == schema.HEAD


def test_every_table_has_sample_rows() -> None:
    assert set(EXPECTED_COUNTS) == set(Base.metadata.tables)


def test_no_drift_after_upgrade(database_target: DatabaseTarget) -> None:
    opened = open_database(database_target)
    try:
        assert drift(opened.database) == []
    finally:
        opened.database.dispose()


@pytest.mark.parametrize("frozen", sorted(DATA.glob("v*.sqlite3")), ids=lambda p: p.stem)
def test_frozen_sqlite_release_upgrades_to_head(tmp_path: Path, frozen: Path) -> None:
    copy = tmp_path / "seuil.db"
    shutil.copy(frozen, copy)
    opened = open_database(resolve_database(str(copy)))
    try:
        revision = opened.database.run_read(
            lambda s: s.execute(text("select version_num from alembic_version")).scalar_one()
        )
        assert revision == schema.HEAD
        assert counts(opened.database) == expected_counts(release(frozen))
        assert contents_intact(opened.database)
        assert drift(opened.database) == []
    finally:
        opened.database.dispose()


def test_each_release_is_frozen_for_both_engines() -> None:
    assert tuple(RELEASE_COUNTS) == schema.REVISIONS
    for revision in schema.REVISIONS:
        assert (DATA / f"v{revision}.sqlite3").is_file(), revision
        assert (DATA / f"v{revision}.postgresql.sql").is_file(), revision


@pytest.mark.postgres
@pytest.mark.parametrize("frozen", sorted(DATA.glob("v*.postgresql.sql")), ids=lambda p: p.stem)
def test_frozen_postgresql_release_upgrades_to_head(
    database_target: DatabaseTarget, postgres_url: str, frozen: Path
) -> None:
    assert database_target.path is None
    loader = create_engine(database_target.url.replace("postgresql://", "postgresql+psycopg://"))
    with loader.connect() as connection:
        connection.exec_driver_sql(frozen.read_text(encoding="utf-8"))
        connection.commit()
    loader.dispose()
    opened = open_database(database_target)
    try:
        assert counts(opened.database) == expected_counts(release(frozen))
        assert contents_intact(opened.database)
        assert drift(opened.database) == []
        # Sequences follow the frozen ids: a new row gets a fresh key.
        opened.database.run_write(
            lambda s: s.execute(
                text("insert into funder (name, kind, version) values ('X', 'other', 1)")
            )
        )
    finally:
        opened.database.dispose()
