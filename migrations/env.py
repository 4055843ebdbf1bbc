"""Alembic environment: always in-process, on the connection Seuil hands over.

Seuil never runs the ``alembic`` command against a user's database: `persistence.migrate`
calls ``command.upgrade`` with ``config.attributes["connection"]`` set. Offline mode only
serves ``scripts/freeze_schema.py``. Developers generate a
new revision with ``python scripts/migration.py "message"`` and review it by hand.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from desktop_app.persistence.models import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
    )


def run_migrations_online() -> None:
    """Run on the given connection, or on the URL of the config (scripts and tests)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as fresh:
        _configure(fresh)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


def run_migrations_offline() -> None:
    """Write the SQL script (used only to freeze the schema for PostgreSQL tests)."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
