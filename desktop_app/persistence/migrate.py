"""Alembic, in process, on Seuil's own connection (imported only when a migration runs)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection

from desktop_app.paths import migrations_dir


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic configuration without alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Upgrade the database behind ``connection`` (inside its transaction)."""
    command.upgrade(alembic_config(connection), revision)
