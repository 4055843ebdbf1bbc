"""Freeze the current schema release with sample rows, for the upgrade tests of later releases.

    python scripts/freeze_schema.py

Writes ``tests/migrations/data/v<revision>.sqlite3`` (a real Seuil file at this revision with a
few rows in every table) and ``v<revision>.postgresql.sql`` (the same schema as Alembic's
PostgreSQL script plus the same rows). Run it once per schema release, right after adding the
release's migration, and commit both files: they must never change afterwards.
"""

from __future__ import annotations

import io
import sqlite3
import sys
import tempfile
from contextlib import redirect_stdout
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, insert, literal_column, select
from sqlalchemy.dialects import postgresql

from desktop_app.paths import resolve_database
from desktop_app.persistence import schema
from desktop_app.persistence.migrate import alembic_config
from desktop_app.persistence.models import Base
from desktop_app.persistence.opening import open_database

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.migrations.samples import insert_samples

OUT = Path(__file__).resolve().parent.parent / "tests" / "migrations" / "data"


def freeze() -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    sqlite_file = OUT / f"v{schema.HEAD}.sqlite3"
    sql_file = OUT / f"v{schema.HEAD}.postgresql.sql"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "frozen.db"
        opened = open_database(resolve_database(str(work)))
        with opened.database.begin_write() as connection:
            insert_samples(connection)
        opened.database.dispose()
        checkpoint = sqlite3.connect(work)
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        checkpoint.execute("PRAGMA journal_mode = DELETE")
        checkpoint.execute("VACUUM")
        checkpoint.close()
        sqlite_file.write_bytes(work.read_bytes())
        sql_file.write_text(_postgresql_script(work), encoding="utf-8")
    return [sqlite_file, sql_file]


def _literal(value: object) -> object:
    """Bytes as a PostgreSQL hex ``bytea`` literal (SQLAlchemy cannot render them inline)."""
    if isinstance(value, bytes):
        return literal_column(f"'\\x{value.hex()}'::bytea")
    return value


def _postgresql_script(source: Path) -> str:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        command.upgrade(alembic_config(url="postgresql://"), schema.HEAD, sql=True)
    lines = [buffer.getvalue(), "\n-- Sample rows\nBEGIN;\n"]
    engine = create_engine(f"sqlite:///{source}")
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
                values = {key: _literal(value) for key, value in row._mapping.items()}
                statement = insert(table).values(**values)
                compiled = statement.compile(
                    dialect=dialect, compile_kwargs={"literal_binds": True}
                )
                lines.append(f"{compiled};\n")
    engine.dispose()
    for table in Base.metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) == 1 and keys[0].autoincrement is not False and keys[0].name == "id":
            lines.append(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {table.name}), 1));\n"
            )
    lines.append("COMMIT;\n")
    return "".join(lines)


if __name__ == "__main__":
    for path in freeze():
        print(path)
