"""Where Seuil finds its data, its logs, and the resources it ships.

Works the same from a source checkout and from a PyInstaller bundle (``sys._MEIPASS``).
Standard library and platformdirs only: the command line imports it before anything heavy.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from platformdirs import site_data_dir, user_config_dir, user_data_dir

log = logging.getLogger(__name__)

APP_DIR_NAME = "Seuil"
DEFAULT_DB_NAME = "seuil.db"
DEMO_DB_NAME = "seuil-demo.db"
SETTINGS_FILE = "settings.json"


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


def account_data_dir() -> Path:
    """The data folder for this Windows or Linux account only."""
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def shared_data_dir() -> Path:
    """The data folder shared by every account of this computer (ProgramData on Windows)."""
    return Path(site_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    """Where this account's settings live (``SEUIL_CONFIG_DIR`` overrides, for tests)."""
    override = os.environ.get("SEUIL_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir(APP_DIR_NAME, appauthor=False))


def read_settings() -> dict[str, object]:
    """This account's settings; empty when none were saved or the file is unreadable."""
    path = config_dir() / SETTINGS_FILE
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("settings file unreadable, defaults used")
        return {}
    return loaded if isinstance(loaded, dict) else {}


def write_settings(settings: dict[str, object]) -> None:
    """Save this account's settings atomically."""
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / (SETTINGS_FILE + ".tmp")
    temporary.write_text(json.dumps(settings, indent=2, ensure_ascii=False), encoding="utf-8")
    temporary.replace(folder / SETTINGS_FILE)


def data_dir_chosen() -> bool:
    """True once a data folder is known: set by ``SEUIL_DATA_DIR`` or chosen at first start."""
    return bool(os.environ.get("SEUIL_DATA_DIR") or read_settings().get("data_dir"))


def data_dir() -> Path:
    """The data folder: ``SEUIL_DATA_DIR``, else the first start's choice, else this account's."""
    override = os.environ.get("SEUIL_DATA_DIR")
    if override:
        return Path(override)
    chosen = read_settings().get("data_dir")
    return Path(str(chosen)) if chosen else account_data_dir()


def demo_database_path() -> Path:
    """The demonstration database, kept apart from the association's own."""
    return data_dir() / "demo" / DEMO_DB_NAME


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
