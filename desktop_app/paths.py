"""Where Seuil finds its data, its logs, and the resources it ships.

Works the same from a source checkout and from a PyInstaller bundle (``sys._MEIPASS``).
Standard library and platformdirs only: the command line imports it before anything heavy.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from platformdirs import user_data_dir

APP_DIR_NAME = "Seuil"
DEFAULT_DB_NAME = "seuil.db"


def install_root() -> Path:
    """The folder holding ``resources/`` and ``migrations/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    """Shipped resources: translations, icons, fonts."""
    return install_root() / "resources"


def migrations_dir() -> Path:
    """Alembic's script folder."""
    return install_root() / "migrations"


def data_dir() -> Path:
    """The data folder: ``SEUIL_DATA_DIR`` if set, else this account's data folder."""
    override = os.environ.get("SEUIL_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    """Rotating log files live in the data folder."""
    return data_dir() / "logs"


@dataclass(frozen=True, slots=True)
class DatabaseTarget:
    """The database chosen by ``--db``, ``SEUIL_DB`` or the default, before anything opens it.

    ``url`` is what SQLAlchemy receives; ``display`` is safe to print (no password).
    """

    url: str
    display: str
    path: Path | None  # the SQLite file, None for a server

    @property
    def is_sqlite(self) -> bool:
        """True for a local file."""
        return self.path is not None


def resolve_database(value: str | None) -> DatabaseTarget:
    """Choose the database: explicit value, else ``SEUIL_DB``, else the default file."""
    chosen = value or os.environ.get("SEUIL_DB") or str(data_dir() / DEFAULT_DB_NAME)
    if "://" in chosen:
        parts = urlsplit(chosen)
        if parts.scheme.startswith("sqlite"):
            raw = chosen.split(":///", 1)[1] if ":///" in chosen else ""
            path = Path(raw).expanduser().resolve()
            return DatabaseTarget(url=f"sqlite:///{path}", display=str(path), path=path)
        netloc = parts.netloc
        if parts.password is not None:
            netloc = netloc.replace(f":{parts.password}@", ":***@")
        display = urlunsplit((parts.scheme, netloc, parts.path, "", ""))
        return DatabaseTarget(url=chosen, display=display, path=None)
    path = Path(chosen).expanduser().resolve()
    return DatabaseTarget(url=f"sqlite:///{path}", display=str(path), path=path)
