"""Frozen data handed from services to the GUI and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Changes:
    """What a service call changed, so views refresh only what they show (Anki's OpChanges).

    ``entities`` holds table-level names (``"household"``, ``"ledger_entry"``…); ``ids`` the
    primary keys touched when the service knows them.
    """

    entities: frozenset[str] = frozenset()
    ids: frozenset[int] = frozenset()

    def touches(self, *entities: str) -> bool:
        """True when any of ``entities`` changed."""
        return not self.entities.isdisjoint(entities)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entities | other.entities, self.ids | other.ids)

    def __bool__(self) -> bool:
        return bool(self.entities)


NO_CHANGES = Changes()


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    """The database in use, as shown in the status bar and on the home screen."""

    display: str
    dialect: str
    exists: bool
    size_bytes: int | None = None
    engine_version: str | None = None


@dataclass(frozen=True, slots=True)
class OrganisationInfo:
    """The association, as shown in titles and documents."""

    name: str
    siret: str | None = None
    commune: str | None = None


@dataclass(frozen=True, slots=True)
class OpeningReport:
    """What happened while opening the database for work."""

    created: bool
    upgraded_from: str | None
    backup: Path | None
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Result of the physical check of a database (``python -m desktop_app check``)."""

    engine_version: str
    size_bytes: int | None
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.problems
