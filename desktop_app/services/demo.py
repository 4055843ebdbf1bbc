"""A deterministic demo association, to try Seuil and to measure it at scale.

``build_demo(database, size="S", seed=1, today=date(2026, 11, 30))`` fills an empty database
(created at head by `persistence.opening.open_database`) with an invented association of the
Lyon area over the three years before ``today``: funders, programmes (IML sous-location and
mandat de gestion, bail glissant, pensions de famille, AVDL…) with their dated capacities, the
pensions and their rooms, landlords, dwellings with vacancy periods and main leases, the
partners' address book, and households of every shape with their persons, memberships and
resources. Stays, contracts, notes, users and audit events are left to their own services.

Everything is drawn from one ``random.Random(seed)`` in a fixed order and dated from ``today``
(never the clock), so the same ``(size, seed, today)`` gives byte-identical tables. The rows
are built in memory first, then written in one write transaction with Core ``INSERT``s of
lists of dicts, with explicit ids (the sequences are moved past them on PostgreSQL).
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Connection, Table, insert, select, text, update
from sqlalchemy.orm import Session

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.passwords import new_temporary_password
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.text import household_search_text, normalise
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import Parameter
from desktop_app.persistence.opening import open_database
from desktop_app.persistence.sqlite_file import read_only_uri
from desktop_app.services import demo_data as d
from desktop_app.services.demo_admissions import AdmissionsSummary, grow_admissions
from desktop_app.services.demo_life import LifeSummary, grow_demo
from desktop_app.services.demo_support import SupportSummary, grow_support
from desktop_app.services.staff import end_staff_period, record_staff_period

Row = dict[str, Any]

SIZES: Final[dict[str, int]] = {"S": 200, "M": 2000, "L": 20000}
"""Number of households of each demo size."""

YEARS: Final = 3
"""The demo covers this many years before ``today``."""

LIFE_SHARES: Final[dict[str, float]] = {"S": 1.0, "M": 1.0, "L": 0.1}
"""Part of the households given a life through the services (`demo_life.grow_demo`), per size:
each service call is its own transaction, so L grows only as many households as M."""

SUPPORT_LIMITS: Final[dict[str, tuple[int | None, int, int]]] = {
    "S": (None, 24, 1),
    "M": (10, 4, 1),
    "L": (10, 4, 1),
}
"""Per size, the support programmes' households given a measure (None: all), how many of them
are followed closely (goals, contacts, to-dos, reviews) and the residences given a collective
life (`demo_support.grow_support`). Each service call is its own transaction: the larger
demos get fewer than S, to stay quick to build."""


@dataclass(frozen=True, slots=True)
class _Plan:
    """How many programmes of each kind a size has (dwellings follow the households)."""

    iml_sublease: int
    iml_mandate: int
    sliding_lease: int
    boarding_house: int
    reception_residence: int
    avdl: int
    asll: int
    social_landlords: int
    other_landlords: int
    # Partners per kind, in the order of _PARTNER_KINDS.
    partners: tuple[int, ...]
    individual_guardians: int


_PARTNER_KINDS: Final = (
    "siao",
    "ccas",
    "social_services",
    "psychiatry",
    "spip",
    "caf",
    "fsl",
    "ccapex",
    "landlord",
    "legal_guardian",
    "association",
    "other",
)

_PLANS: Final[dict[str, _Plan]] = {
    "S": _Plan(1, 1, 1, 1, 0, 1, 0, 5, 1, (1, 6, 5, 3, 1, 1, 1, 1, 2, 4, 6, 2), 0),
    "M": _Plan(3, 2, 2, 5, 1, 2, 1, 8, 2, (2, 15, 12, 8, 2, 2, 2, 2, 5, 8, 12, 6), 4),
    "L": _Plan(10, 6, 5, 40, 10, 4, 2, 10, 4, (2, 32, 25, 20, 2, 2, 2, 2, 10, 8, 16, 12), 16),
}

# Dwellings of each IML kind per 200 households.
_DWELLINGS_PER_200: Final = {"iml_sublease": 45, "iml_mandate": 20, "sliding_lease": 15}

_FUNDERS_OF: Final[dict[str, tuple[str, ...]]] = {
    "iml_sublease": ("state_p177",),
    "iml_mandate": ("state_p177",),
    "sliding_lease": ("department_fsl", "state_p177"),
    "boarding_house": ("state_p177",),
    "reception_residence": ("state_p177", "ars"),
    "avdl": ("fnavdl", "state_p177"),
    "asll": ("department_fsl",),
}

_PROGRAMME_LABELS: Final[dict[str, str]] = {
    "iml_sublease": "IML sous-location",
    "iml_mandate": "IML mandat de gestion",
    "sliding_lease": "Bail glissant",
    "avdl": "AVDL",
    "asll": "ASLL",
}

_CONVENTION_PREFIX: Final[dict[str, str]] = {
    "iml_sublease": "DDETS69-IML-SL",
    "iml_mandate": "DDETS69-IML-MG",
    "sliding_lease": "MDL-FSL-BG",
    "boarding_house": "DDETS69-PF",
    "reception_residence": "DDETS69-RA",
    "avdl": "FNAVDL69",
    "asll": "MDL-FSL-ASLL",
}

# (typology, weight) per programme kind; surfaces (m², tenths) and places per typology.
_TYPOLOGY_WEIGHTS: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "iml_sublease": (
        ("studio", 20),
        ("t1", 18),
        ("t1bis", 8),
        ("t2", 30),
        ("t3", 16),
        ("t4", 6),
        ("t5plus", 2),
    ),
    "iml_mandate": (
        ("studio", 14),
        ("t1", 14),
        ("t1bis", 6),
        ("t2", 34),
        ("t3", 21),
        ("t4", 9),
        ("t5plus", 2),
    ),
    "sliding_lease": (
        ("studio", 5),
        ("t1", 10),
        ("t1bis", 5),
        ("t2", 34),
        ("t3", 30),
        ("t4", 13),
        ("t5plus", 3),
    ),
}
_SURFACE_TENTHS: Final[dict[str, tuple[int, int]]] = {
    "room": (120, 190),
    "studio": (180, 300),
    "t1": (250, 350),
    "t1bis": (300, 420),
    "t2": (400, 560),
    "t3": (550, 730),
    "t4": (700, 900),
    "t5plus": (850, 1150),
}
_PLACES: Final[dict[str, tuple[int, int]]] = {
    "room": (1, 1),
    "studio": (1, 1),
    "t1": (1, 2),
    "t1bis": (2, 2),
    "t2": (2, 3),
    "t3": (3, 4),
    "t4": (4, 6),
    "t5plus": (5, 7),
}
_DPE: Final = (("A", 1), ("B", 4), ("C", 18), ("D", 34), ("E", 27), ("F", 10), ("G", 2))
_VACANCY_REASONS: Final = (
    ("awaiting_orientation", 30),
    ("candidates_refused", 15),
    ("refurbishment", 25),
    ("works", 15),
    ("disaster", 3),
    ("other", 12),
)
_SHAPES: Final = (
    ("single", 55),
    ("couple", 8),
    ("single_parent", 22),
    ("couple_children", 10),
    ("other", 5),
)
_NATIONALITY_BY_ORIGIN: Final[tuple[tuple[tuple[str, int], ...], ...]] = (
    (("fr", 97), ("eu", 2), ("non_eu", 1)),
    (("fr", 50), ("non_eu", 48), ("eu", 2)),
    (("fr", 30), ("non_eu", 70)),
    (("fr", 30), ("non_eu", 70)),
    (("eu", 55), ("non_eu", 35), ("fr", 10)),
    (("fr", 35), ("non_eu", 65)),
    (("fr", 20), ("non_eu", 78), ("eu", 2)),
)
_PROTECTIONS: Final = (
    ("curatorship", 30),
    ("reinforced_curatorship", 35),
    ("guardianship", 10),
    ("safeguard", 7),
    ("masp", 12),
    ("maj", 6),
)
# Monthly amounts in cents (low, high) per resource kind.
_AMOUNTS: Final[dict[str, tuple[int, int]]] = {
    "rsa": (52_000, 64_500),
    "aah": (60_000, 103_300),
    "salary": (45_000, 185_000),
    "are": (60_000, 140_000),
    "pension": (70_000, 140_000),
    "activity_bonus": (5_000, 30_000),
    "disability": (40_000, 110_000),
    "youth": (30_000, 56_000),
    "other": (5_000, 40_000),
}
_YOUNG_RESOURCES: Final = (("youth", 30), ("salary", 20), ("are", 10), ("rsa", 5), ("none", 35))
_ADULT_RESOURCES: Final = (
    ("rsa", 40),
    ("salary", 20),
    ("aah", 12),
    ("are", 10),
    ("disability", 4),
    ("none", 8),
    ("other", 6),
)
_SENIOR_RESOURCES: Final = (("pension", 85), ("aah", 5), ("other", 4), ("none", 6))

_OWNER_FORMS: Final = (("couple", 50), ("woman", 15), ("man", 15), ("sci", 12), ("joint", 8))
# Share of private landlords among the dwellings of each kind of programme.
_PRIVATE_SHARE: Final = {"iml_sublease": 0.65, "iml_mandate": 1.0, "sliding_lease": 0.15}
# Ages of heads of household without children, (low, high) with weights.
_AGE_BANDS: Final = (((18, 24), 12), ((25, 39), 35), ((40, 54), 33), ((55, 78), 20))
# Residence-permit expiries, in days from today: recent or close, multi-year, ten-year card.
_PERMIT_SPANS: Final = (((-120, 365), 40), ((0, 4 * 365), 40), ((365, 10 * 365), 20))
_HOUSING: Final = (("address", 75), ("domiciliation", 20), ("nothing", 5))
_ADULT_FROM: Final = 25  # resources of young people before this age
_SENIOR_FROM: Final = 62  # retirement age
_YOUNGER_NAMES_FROM: Final = 1988  # birth year from which younger French first names are used
_BORN_IN_FRANCE_FROM: Final = 2000  # birth year from which children often get French names
_MIN_DAYS_BEFORE_RETURN: Final = 240
_MIN_DAYS_BEFORE_NOTICE: Final = 120
_MIN_DAYS_BEFORE_LEAVING: Final = 90

# Tables in insertion order (foreign keys first), with the summary field that counts them.
_TABLES: Final[tuple[tuple[str, str], ...]] = (
    ("organisation", "organisations"),
    ("funder", "funders"),
    ("programme", "programmes"),
    ("programme_funder", "programme_funders"),
    ("programme_capacity", "programme_capacities"),
    ("residence", "residences"),
    ("residence_places", "residence_places"),
    ("landlord", "landlords"),
    ("dwelling", "dwellings"),
    ("vacancy_period", "vacancy_periods"),
    ("main_lease", "main_leases"),
    ("partner", "partners"),
    ("partner_contact", "partner_contacts"),
    ("household", "households"),
    ("person", "persons"),
    ("membership", "memberships"),
    ("person_resource", "person_resources"),
    ("household_partner", "household_partners"),
)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What `build_demo` wrote: the number of rows of each table it filled."""

    size: str
    seed: int
    today: date
    organisations: int
    funders: int
    programmes: int
    programme_funders: int
    programme_capacities: int
    residences: int
    residence_places: int
    landlords: int
    dwellings: int
    vacancy_periods: int
    main_leases: int
    partners: int
    partner_contacts: int
    households: int
    persons: int
    memberships: int
    person_resources: int
    household_partners: int

    def by_table(self) -> dict[str, int]:
        """The counts keyed by table name, in insertion order."""
        return {table: getattr(self, field) for table, field in _TABLES}


def build_demo(database: Database, *, size: str, seed: int = 1, today: date) -> DemoSummary:
    """Fill an empty database with the demo association, in one write transaction.

    Args:
        database: a database created at head (`open_database`), with no business rows yet.
        size: ``"S"``, ``"M"`` or ``"L"`` (see `SIZES` for the number of households).
        seed: the seed of the only random generator used.
        today: the demo covers the three years before this date.

    Returns:
        The number of rows written per table.

    Raises:
        ValueError: an unknown size, or a database that already holds data.
    """
    if size not in SIZES:
        raise ValueError(f"unknown demo size {size!r}; expected one of {', '.join(SIZES)}")
    rows = _Generator(size, seed, today).generate()
    with database.begin_write() as connection:
        _require_empty(connection)
        for name, _field in _TABLES:
            if rows[name]:
                connection.execute(insert(_table(name)), rows[name])
        if connection.dialect.name == "postgresql":
            _advance_sequences(connection, rows)
    counts = {field: len(rows[name]) for name, field in _TABLES}
    return DemoSummary(size=size, seed=seed, today=today, **counts)


def _table(name: str) -> Table:
    return m.Base.metadata.tables[name]


def _require_empty(connection: Connection) -> None:
    for name, _field in _TABLES:
        if connection.execute(select(text("1")).select_from(_table(name)).limit(1)).first():
            raise ValueError(f"the database is not empty (table {name} has rows)")


def _advance_sequences(connection: Connection, rows: dict[str, list[Row]]) -> None:
    """Explicit ids do not move PostgreSQL's sequences: set them past the demo's ids."""
    for name, _field in _TABLES:
        if rows[name] and "id" in _table(name).c:
            top = max(row["id"] for row in rows[name])
            connection.execute(
                text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :top)"),
                {"table": name, "top": top},
            )


# ------------------------------------------------------------------ helpers


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years, 29 February becoming 28 February when needed."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def place_name(commune: str, postcode: str) -> str:
    """``Lyon 3e`` for an arrondissement of Lyon, the commune otherwise."""
    if commune == "Lyon" and postcode.startswith("6900"):
        number = int(postcode[-1])
        return f"Lyon {number}{'er' if number == 1 else 'e'}"
    return commune


def _slug(text_: str, limit: int = 40) -> str:
    plain = "".join(c if c.isalnum() else "-" for c in normalise(text_))
    return "-".join(part for part in plain.split("-") if part)[:limit].strip("-")


class _Weighted:
    """A weighted choice with precomputed cumulative weights (faster than rebuilding them)."""

    def __init__(self, items: Sequence[tuple[Any, int]]) -> None:
        self.values = [value for value, _weight in items]
        self.cumulative = list(accumulate(weight for _value, weight in items))

    def pick(self, rng: random.Random) -> Any:
        return rng.choices(self.values, cum_weights=self.cumulative)[0]


@dataclass(slots=True)
class _Member:
    """A person being built, before the row is written."""

    row: Row
    role: str
    joined_on: date
    left_on: date | None
    birth: date | None  # the true birth date, kept even when the row hides it
    origin: int


class _Generator:
    """Builds every row in memory, in a fixed order, from one random generator."""

    def __init__(self, size: str, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.size = size
        self.today = today
        self.start = add_years(today, -YEARS)
        self.plan = _PLANS[size]
        self.households = SIZES[size]
        self.rows: dict[str, list[Row]] = {name: [] for name, _field in _TABLES}
        self.funders: dict[str, list[int]] = {}
        self.partners: dict[str, list[int]] = {kind: [] for kind in _PARTNER_KINDS}
        self.communes = _Weighted([((c, p), w) for c, p, w in d.COMMUNES])
        self.origins = _Weighted(list(zip(range(len(d.ORIGINS)), d.ORIGIN_WEIGHTS, strict=True)))
        self.dpe = _Weighted(_DPE)
        self.vacancy_reasons = _Weighted(_VACANCY_REASONS)
        self.shapes = _Weighted(_SHAPES)
        self.owner_forms = _Weighted(_OWNER_FORMS)
        self.age_bands = _Weighted(_AGE_BANDS)
        self.permit_spans = _Weighted(_PERMIT_SPANS)
        self.housing = _Weighted(_HOUSING)
        self.nationalities = [_Weighted(weights) for weights in _NATIONALITY_BY_ORIGIN]
        self.protections = _Weighted(_PROTECTIONS)
        self.typologies = {kind: _Weighted(w) for kind, w in _TYPOLOGY_WEIGHTS.items()}
        self.resources = {
            "young": _Weighted(_YOUNG_RESOURCES),
            "adult": _Weighted(_ADULT_RESOURCES),
            "senior": _Weighted(_SENIOR_RESOURCES),
        }
        self.social_landlords: list[int] = []
        self.other_landlords: list[tuple[int, str]] = []
        self.private_landlords: list[int] = []
        self.used_sci: list[str] = []

    # -------------------------------------------------------------- small draws

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def day_between(self, first: date, last: date) -> date:
        """A day in ``[first, last]`` (``first`` when the interval is empty)."""
        span = (last - first).days
        return first if span <= 0 else first + timedelta(days=self.rng.randint(0, span))

    def mobile(self) -> str:
        return f"06 39 98 {self.rng.randint(0, 99):02d} {self.rng.randint(0, 99):02d}"

    def landline(self) -> str:
        return f"04 65 71 {self.rng.randint(0, 99):02d} {self.rng.randint(0, 99):02d}"

    def street_address(self) -> str:
        number = self.rng.randint(1, 160)
        suffix = " bis" if self.chance(0.06) else ""
        return f"{number}{suffix} {self.rng.choice(d.STREETS)}"

    def email(self, first: str, last: str) -> str:
        local = f"{_slug(first, 20)}.{_slug(last, 20)}".replace("-", "")
        if self.chance(0.4):
            local += str(self.rng.randint(1, 99))
        return f"{local}@{self.rng.choice(d.EMAIL_DOMAINS)}"

    def add(self, table: str, row: Row) -> int:
        """Append ``row`` with the next id of ``table``; return that id."""
        rows = self.rows[table]
        row["id"] = len(rows) + 1
        rows.append(row)
        return int(row["id"])

    # -------------------------------------------------------------- the whole

    def generate(self) -> dict[str, list[Row]]:
        self.organisation()
        self.funder_rows()
        self.landlords()
        programmes = self.programmes()
        self.stock(programmes)
        self.partner_rows()
        for number in range(1, self.households + 1):
            self.household(number)
        return self.rows

    def organisation(self) -> None:
        digits = [self.rng.randint(3, 9)] + [self.rng.randint(0, 9) for _ in range(12)]
        check = next(c for c in range(10) if _luhn_valid([*digits, c]))
        self.add(
            "organisation",
            {
                "name": d.ORGANISATION_NAME,
                "siret": "".join(map(str, [*digits, check])),
                "address": self.street_address(),
                "postcode": "69007",
                "commune": "Lyon",
                "logo_sha256": None,
                "agreements": d.ORGANISATION_AGREEMENTS,
                "version": 1,
            },
        )

    def funder_rows(self) -> None:
        for name, kind in d.FUNDERS:
            funder_id = self.add("funder", {"name": name, "kind": kind, "version": 1})
            self.funders.setdefault(kind, []).append(funder_id)

    def landlords(self) -> None:
        for name in d.SOCIAL_LANDLORDS[: self.plan.social_landlords]:
            commune, postcode = self.communes.pick(self.rng)
            landlord_id = self.add(
                "landlord",
                {
                    "name": name,
                    "kind": "social",
                    "phone": self.landline(),
                    "email": f"gestion-locative.{_slug(name)}@example.org",
                    "address": f"{self.street_address()}, {postcode} {commune}",
                    "version": 1,
                },
            )
            self.social_landlords.append(landlord_id)
        for name, sector in d.OTHER_LANDLORDS[: self.plan.other_landlords]:
            landlord_id = self.add(
                "landlord",
                {
                    "name": name,
                    "kind": "other",
                    "phone": self.landline(),
                    "email": f"contact.{_slug(name)}@example.org",
                    "address": None,
                    "version": 1,
                },
            )
            self.other_landlords.append((landlord_id, sector))

    def private_landlord(self) -> int:
        """An owner: often a new one, sometimes one who already lets a dwelling."""
        rng = self.rng
        if self.private_landlords and self.chance(0.2):
            return rng.choice(self.private_landlords)
        origin = self.origins.pick(rng)
        last = rng.choice(d.LAST_NAMES_BY_ORIGIN[origin])
        form = self.owner_forms.pick(rng)
        female = form == "woman" or (form != "man" and self.chance(0.5))
        first = rng.choice((d.WOMEN_BY_ORIGIN if female else d.MEN_BY_ORIGIN)[origin])
        if form == "couple":
            name = f"M. et Mme {last}"
        elif form == "woman":
            name = f"Mme {first} {last}"
        elif form == "man":
            name = f"M. {first} {last}"
        elif form == "sci":
            unused = [sci for sci in d.SCI_NAMES if sci not in self.used_sci]
            name = rng.choice(unused) if unused else f"SCI {last} Patrimoine"
            self.used_sci.append(name)
        else:
            name = f"Indivision {last}"
        commune, postcode = self.communes.pick(rng)
        landlord_id = self.add(
            "landlord",
            {
                "name": name,
                "kind": "private",
                "phone": self.mobile() if self.chance(0.85) else None,
                "email": self.email(first, last) if self.chance(0.5) else None,
                "address": (
                    f"{self.street_address()}, {postcode} {commune}" if self.chance(0.7) else None
                ),
                "version": 1,
            },
        )
        self.private_landlords.append(landlord_id)
        return landlord_id

    # -------------------------------------------------------------- programmes

    def programmes(self) -> list[tuple[int, str]]:
        """Create the programmes and their funders; return (id, kind) in creation order."""
        plan = self.plan
        counts = (
            ("iml_sublease", plan.iml_sublease),
            ("iml_mandate", plan.iml_mandate),
            ("sliding_lease", plan.sliding_lease),
            ("boarding_house", plan.boarding_house),
            ("reception_residence", plan.reception_residence),
            ("avdl", plan.avdl),
            ("asll", plan.asll),
        )
        created: list[tuple[int, str]] = []
        convention_start = date(self.start.year, 1, 1)
        convention_end = date(self.start.year + YEARS, 12, 31)
        for kind, count in counts:
            for index in range(count):
                if kind in _PROGRAMME_LABELS:
                    name = _PROGRAMME_LABELS[kind]
                    if count > 1:
                        territory = d.TERRITORIES[index % len(d.TERRITORIES)]
                        lap = index // len(d.TERRITORIES)
                        name = f"{name} – {territory}" + (f" {lap + 1}" if lap else "")
                    start, end = convention_start, convention_end
                else:
                    name = f"pending {kind} {index}"  # named with its residence below
                    # the first pension opened early in the period, the others later
                    early = kind == "boarding_house" and index == 0
                    opening = timedelta(days=90 if early else 540)
                    start = self.day_between(self.start, self.start + opening)
                    end = None
                number = self.rng.randint(1, 60)
                programme_id = self.add(
                    "programme",
                    {
                        "name": name,
                        "kind": kind,
                        "convention_reference": f"{_CONVENTION_PREFIX[kind]}-{start.year}-"
                        f"{number:03d}",
                        "convention_start": start,
                        "convention_end": end,
                        "version": 1,
                    },
                )
                self.programme_funders(programme_id, kind)
                created.append((programme_id, kind))
        return created

    def programme_funders(self, programme_id: int, kind: str) -> None:
        kinds = list(_FUNDERS_OF[kind])
        if kind == "iml_sublease" and self.chance(0.5):
            kinds.append("municipality")
        if kind == "iml_sublease" and self.chance(0.3):
            kinds.append("state_p104")
        if kind == "iml_mandate" and self.chance(0.5):
            kinds.append("action_logement")
        if kind == "boarding_house" and self.chance(0.3):
            kinds.append("municipality")
        for funder_kind in kinds:
            funder_id = self.rng.choice(self.funders[funder_kind])
            self.rows["programme_funder"].append(
                {"programme_id": programme_id, "funder_id": funder_id}
            )

    def capacity(
        self, programme_id: int, valid_from: date, dwellings: int | None, places: int
    ) -> None:
        self.add(
            "programme_capacity",
            {
                "programme_id": programme_id,
                "valid_from": valid_from,
                "dwellings": dwellings,
                "places": places,
            },
        )

    # -------------------------------------------------------------- housing stock

    def stock(self, programmes: list[tuple[int, str]]) -> None:
        residence_names: list[str] = []
        first_pension = True
        avdl_like = [pid for pid, kind in programmes if kind in ("avdl", "asll")]
        for programme_id, kind in programmes:
            if kind in _DWELLINGS_PER_200:
                self.iml_programme(programme_id, kind, programmes)
            elif kind in ("boarding_house", "reception_residence"):
                places = 25 if first_pension and kind == "boarding_house" else None
                first_pension = first_pension and kind != "boarding_house"
                self.residence(programme_id, kind, residence_names, places)
        for programme_id in avdl_like:
            measures = max(20, self.households * 3 // 10 // max(1, len(avdl_like)))
            programme = self.rows["programme"][programme_id - 1]
            self.capacity(programme_id, programme["convention_start"], None, measures * 4 // 5)
            self.capacity(programme_id, date(self.start.year + 2, 1, 1), None, measures)

    def iml_programme(
        self, programme_id: int, kind: str, programmes: list[tuple[int, str]]
    ) -> None:
        same_kind = sum(1 for _pid, k in programmes if k == kind)
        total = _DWELLINGS_PER_200[kind] * self.households // 200
        count = max(1, round(total / same_kind * self.rng.uniform(0.85, 1.15)))
        places_total = 0
        for _ in range(count):
            places_total += self.dwelling(programme_id, kind)
        programme = self.rows["programme"][programme_id - 1]
        self.capacity(
            programme_id, programme["convention_start"], count * 4 // 5, places_total * 4 // 5
        )
        self.capacity(programme_id, date(self.start.year + 2, 1, 1), count, places_total)

    def landlord_for(self, kind: str) -> tuple[int, str]:
        """A landlord for a dwelling of a programme of ``kind``, and the dwelling's sector."""
        if self.chance(_PRIVATE_SHARE[kind]):
            return self.private_landlord(), "private"
        if self.other_landlords and self.chance(0.15):
            return self.rng.choice(self.other_landlords)
        return self.rng.choice(self.social_landlords), "social"

    def dwelling(self, programme_id: int, kind: str) -> int:
        """One IML or bail glissant dwelling with its vacancies and main lease; its places."""
        rng = self.rng
        landlord_id, sector = self.landlord_for(kind)
        typology = self.typologies[kind].pick(rng)
        low, high = _SURFACE_TENTHS[typology]
        surface_tenths = rng.randint(low, high)
        places = rng.randint(*_PLACES[typology])
        lots = 2 if typology in ("t3", "t4", "t5plus") and self.chance(0.08) else 1
        commune, postcode = self.communes.pick(rng)
        captured = self.day_between(self.start, self.today - timedelta(days=30))
        returned = None
        if (self.today - captured).days > _MIN_DAYS_BEFORE_RETURN and self.chance(
            0.22 if kind == "sliding_lease" else 0.12
        ):
            returned = self.day_between(
                captured + timedelta(days=180), self.today - timedelta(days=1)
            )
        address = self.street_address()
        if self.chance(0.4):
            address += f", appt {rng.randint(1, 12)}{rng.choice('0123')}"
        number = len(self.rows["dwelling"]) + 1
        dwelling_id = self.add(
            "dwelling",
            {
                "reference": f"LOG-{number:04d}",
                "address": address,
                "postcode": postcode,
                "commune": commune,
                "typology": typology,
                "surface_m2": Decimal(surface_tenths).scaleb(-1),
                "sector": sector,
                "landlord_id": landlord_id,
                "programme_id": programme_id,
                "residence_id": None,
                "lots": lots,
                "places": places,
                "captured_on": captured,
                "returned_on": returned,
                "dpe_class": self.dpe.pick(rng) if self.chance(0.92) else None,
                "version": 1,
            },
        )
        self.vacancies(dwelling_id, captured, returned)
        if kind != "iml_mandate":
            self.main_lease(
                dwelling_id=dwelling_id,
                landlord_id=landlord_id,
                sector=sector,
                surface_tenths=surface_tenths,
                captured=captured,
                returned=returned,
                kind=kind,
            )
        return places

    def vacancies(self, dwelling_id: int, captured: date, returned: date | None) -> None:
        """Non-overlapping vacancy periods inside the dwelling's life (the last may be open)."""
        rng = self.rng
        life_end = returned - timedelta(days=1) if returned else self.today - timedelta(days=1)
        candidates: list[tuple[date, date | None, str]] = []
        if self.chance(0.3):
            reason = "awaiting_orientation" if self.chance(0.6) else "refurbishment"
            candidates.append((captured, captured + timedelta(days=rng.randint(10, 75)), reason))
        if self.chance(0.25):
            begin = self.day_between(captured + timedelta(days=120), life_end - timedelta(days=20))
            length = rng.randint(7, 90)
            candidates.append(
                (begin, begin + timedelta(days=length), self.vacancy_reasons.pick(rng))
            )
        if returned is not None and self.chance(0.5):
            length = rng.randint(15, 60)
            candidates.append((returned - timedelta(days=length), life_end, "return_in_progress"))
        elif returned is None and self.chance(0.05):
            begin = self.today - timedelta(days=rng.randint(5, 120))
            candidates.append((begin, None, self.vacancy_reasons.pick(rng)))
        last_end = captured - timedelta(days=1)
        for begin, wanted_end, reason in candidates:
            if begin <= last_end or begin < captured or begin > life_end:
                continue
            end = life_end if wanted_end is not None and wanted_end > life_end else wanted_end
            self.add(
                "vacancy_period",
                {
                    "dwelling_id": dwelling_id,
                    "start_date": begin,
                    "end_date": end,
                    "reason": reason,
                    "neutralised": reason in ("works", "disaster")
                    or (reason == "refurbishment" and self.chance(0.5)),
                },
            )
            if end is None:
                break
            last_end = end

    def main_lease(
        self,
        *,
        dwelling_id: int,
        landlord_id: int,
        sector: str,
        surface_tenths: int,
        captured: date,
        returned: date | None,
        kind: str,
    ) -> None:
        rng = self.rng
        if sector == "social":
            rent = surface_tenths * rng.randint(550, 780) // 10
            charges = surface_tenths * rng.randint(120, 260) // 10
        else:
            rent = surface_tenths * rng.randint(950, 1400) // 10 // 100 * 100
            charges = rng.randint(4, 16) * 500
        end = returned
        notice = None
        if returned is not None:
            notice = max(captured, returned - timedelta(days=rng.randint(30, 92)))
        elif self.chance(0.03) and (self.today - captured).days > _MIN_DAYS_BEFORE_NOTICE:
            notice = self.today - timedelta(days=rng.randint(5, 60))
            end = notice + timedelta(days=91)
        self.add(
            "main_lease",
            {
                "dwelling_id": dwelling_id,
                "landlord_id": landlord_id,
                "start_date": captured,
                "end_date": end,
                "notice_date": notice,
                "rent": rent,
                "charges": charges,
                "has_sliding_clause": kind == "sliding_lease",
                "version": 1,
            },
        )

    def residence(
        self, programme_id: int, kind: str, used_names: list[str], places: int | None
    ) -> None:
        """A pension de famille (or résidence accueil), its dated places and its rooms."""
        rng = self.rng
        commune, postcode = self.communes.pick(rng)
        unused = [name for name in d.RESIDENCE_NAMES if name not in used_names]
        name = rng.choice(unused) if unused else ""
        while not name or name in used_names:  # every name taken: add the commune
            commune, postcode = self.communes.pick(rng)
            name = f"{rng.choice(d.RESIDENCE_NAMES)} – {place_name(commune, postcode)}"
        used_names.append(name)
        label = "Pension de famille" if kind == "boarding_house" else "Résidence accueil"
        programme = self.rows["programme"][programme_id - 1]
        programme["name"] = f"{label} {name}"
        opened: date = programme["convention_start"]
        address = self.street_address()
        residence_id = self.add(
            "residence",
            {
                "name": name,
                "programme_id": programme_id,
                "address": address,
                "postcode": postcode,
                "commune": commune,
                "version": 1,
            },
        )
        final = places if places is not None else rng.randint(18, 28)
        initial = final
        extended = None
        if self.chance(0.4):
            initial = final - rng.randint(2, 4)
            extended = self.day_between(
                opened + timedelta(days=200), self.today - timedelta(days=60)
            )
        self.add(
            "residence_places",
            {"residence_id": residence_id, "valid_from": opened, "places": initial},
        )
        self.capacity(programme_id, opened, initial, initial)
        if extended is not None:
            self.add(
                "residence_places",
                {"residence_id": residence_id, "valid_from": extended, "places": final},
            )
            self.capacity(programme_id, extended, final, final)
        owner = rng.choice(self.social_landlords)
        for room in range(1, final + 1):
            typology = "studio" if kind == "reception_residence" or self.chance(0.45) else "room"
            low, high = _SURFACE_TENTHS[typology]
            captured = opened if room <= initial or extended is None else extended
            dwelling_id = self.add(
                "dwelling",
                {
                    "reference": f"PF{residence_id:02d}-{room:02d}",
                    "address": f"{address}, {'studio' if typology == 'studio' else 'chambre'} "
                    f"{room}",
                    "postcode": postcode,
                    "commune": commune,
                    "typology": typology,
                    "surface_m2": Decimal(rng.randint(low, high)).scaleb(-1),
                    "sector": "social",
                    "landlord_id": owner,
                    "programme_id": programme_id,
                    "residence_id": residence_id,
                    "lots": 1,
                    "places": 1,
                    "captured_on": captured,
                    "returned_on": None,
                    "dpe_class": rng.choice("BCCD"),
                    "version": 1,
                },
            )
            self.vacancies(dwelling_id, captured, None)

    # -------------------------------------------------------------- partners

    def partner_rows(self) -> None:
        places = [(c, p) for c, p, _w in d.COMMUNES]
        # One place per commune (Lyon by its first arrondissement) for services named by it.
        communes: list[tuple[str, str]] = []
        for commune, postcode in places:
            if all(commune != known for known, _postcode in communes):
                communes.append((commune, postcode))
        for kind, count in zip(_PARTNER_KINDS, self.plan.partners, strict=True):
            for index in range(count):
                name, place = self.partner_name(kind, index, places, communes)
                self.partner(kind, name, place)
        for _ in range(self.plan.individual_guardians):
            first = self.rng.choice(d.WOMEN_FIRST_NAMES + d.MEN_FIRST_NAMES)
            last = self.rng.choice(d.LAST_NAMES)
            name = f"{first} {last}, mandataire judiciaire individuel"
            self.partner("legal_guardian", name, None)

    def partner_name(
        self,
        kind: str,
        index: int,
        places: list[tuple[str, str]],
        communes: list[tuple[str, str]],
    ) -> tuple[str, tuple[str, str] | None]:
        """The ``index``-th partner of ``kind`` (unique within the kind) and its place if named."""
        picks: dict[str, Sequence[str]] = {
            "siao": d.SIAO_NAMES,
            "spip": d.SPIP_NAMES,
            "caf": d.CAF_NAMES,
            "fsl": d.FSL_NAMES,
            "ccapex": d.CCAPEX_NAMES,
            "legal_guardian": d.LEGAL_GUARDIANS,
            "association": d.ASSOCIATIONS,
        }
        if kind in picks:
            pool = picks[kind]
            lap = index // len(pool)
            return pool[index % len(pool)] + (f" ({lap + 1})" if lap else ""), None
        if kind in ("social_services", "psychiatry"):
            commune, postcode = places[index % len(places)]
            template = d.PSYCHIATRY_TEMPLATE
            if kind == "social_services":
                outside = commune in d.OUTSIDE_METROPOLE
                template = (
                    d.SOCIAL_SERVICES_OUTSIDE_TEMPLATE if outside else d.SOCIAL_SERVICES_TEMPLATE
                )
            return template.format(commune=place_name(commune, postcode)), (commune, postcode)
        place = communes[index % len(communes)]
        if kind == "ccas":
            return d.CCAS_TEMPLATE.format(commune=place[0]), place
        if kind == "landlord":
            landlord = d.SOCIAL_LANDLORDS[index % len(d.SOCIAL_LANDLORDS)]
            return f"{landlord} – agence {place[0]}", place
        template = d.OTHER_PARTNER_TEMPLATES[index % len(d.OTHER_PARTNER_TEMPLATES)]
        return template.format(commune=place[0]), place

    def partner(self, kind: str, name: str, place: tuple[str, str] | None) -> None:
        rng = self.rng
        commune, postcode = place or self.communes.pick(rng)
        partner_id = self.add(
            "partner",
            {
                "name": name,
                "kind": kind,
                "phone": self.landline(),
                "email": f"{_slug(name)}@example.org" if self.chance(0.8) else None,
                "address": self.street_address(),
                "postcode": postcode,
                "commune": commune,
                "version": 1,
            },
        )
        self.partners[kind].append(partner_id)
        positions = dict(d.POSITIONS)[kind]
        for _ in range(rng.choice((0, 1, 1, 2, 2))):
            female = self.chance(0.7)
            origin = self.origins.pick(rng)
            first = rng.choice((d.WOMEN_BY_ORIGIN if female else d.MEN_BY_ORIGIN)[origin])
            last = rng.choice(d.LAST_NAMES_BY_ORIGIN[origin])
            feminine, masculine = rng.choice(positions)
            phone = None
            if self.chance(0.8):
                phone = self.landline() if self.chance(0.6) else self.mobile()
            self.add(
                "partner_contact",
                {
                    "partner_id": partner_id,
                    "name": f"{first} {last}",
                    "position": feminine if female else masculine,
                    "phone": phone,
                    "email": self.email(first, last) if self.chance(0.6) else None,
                },
            )

    # -------------------------------------------------------------- households

    def first_name(self, sex: str, origin: int, birth_year: int) -> str:
        rng = self.rng
        if sex == "unknown":
            sex = rng.choice(("f", "h"))
        young = birth_year >= _YOUNGER_NAMES_FROM
        if origin == 0:
            if sex == "f":
                pool = d.WOMEN_FRANCE_YOUNGER if young else d.WOMEN_FRANCE_OLDER
            else:
                pool = d.MEN_FRANCE_YOUNGER if young else d.MEN_FRANCE_OLDER
            if self.chance(0.15):  # names cross generations too
                pool = d.WOMEN_BY_ORIGIN[0] if sex == "f" else d.MEN_BY_ORIGIN[0]
            return rng.choice(pool)
        if birth_year >= _BORN_IN_FRANCE_FROM and self.chance(0.3):
            return rng.choice(d.WOMEN_FRANCE_YOUNGER if sex == "f" else d.MEN_FRANCE_YOUNGER)
        return rng.choice((d.WOMEN_BY_ORIGIN if sex == "f" else d.MEN_BY_ORIGIN)[origin])

    def birth(self, age: int, on: date) -> date:
        """A birth date giving ``age`` (whole years) on ``on``."""
        latest = add_years(on, -age)
        return latest - timedelta(days=self.rng.randint(0, 364))

    def adult_age(self, shape: str) -> int:
        rng = self.rng
        if shape == "single_parent":
            return rng.randint(19, 52)
        if shape == "couple_children":
            return rng.randint(22, 55)
        low, high = self.age_bands.pick(rng)
        return rng.randint(low, high)

    def permit(self) -> date | None:
        """A residence-permit expiry: some expired, many within a year or a few years."""
        if not self.chance(0.85):
            return None
        low, high = self.permit_spans.pick(self.rng)
        return self.day_between(self.today + timedelta(days=low), self.today + timedelta(days=high))

    def language(self, origin: int, nationality: str) -> tuple[str | None, bool]:
        """The language spoken (for some foreigners) and whether an interpreter is needed."""
        languages = d.LANGUAGES_BY_ORIGIN[origin]
        if nationality in ("fr", "unknown") or not languages or not self.chance(0.4):
            return None, False
        return self.rng.choice(languages), self.chance(0.45)

    def protection(self) -> tuple[str, int | None]:
        """A legal protection (most adults have none) and the partner who exercises it."""
        if not self.chance(0.07):
            return "none", None
        protection: str = self.protections.pick(self.rng)
        if protection == "masp":
            return protection, self.rng.choice(self.partners["social_services"])
        if protection != "safeguard" or self.chance(0.5):
            return protection, self.rng.choice(self.partners["legal_guardian"])
        return protection, None

    def person(
        self,
        *,
        sex: str,
        origin: int,
        birth: date,
        last: str,
        role: str,
        joined_on: date,
        nationality: str | None = None,
    ) -> _Member:
        """A person row (adult or child) with contact and rights details."""
        rng = self.rng
        adult = add_years(birth, 18) <= self.today
        first = self.first_name(sex, origin, birth.year)
        if nationality is None:
            nationality = self.nationalities[origin].pick(rng)
        if self.chance(0.02):
            nationality = "unknown"
        permit = self.permit() if nationality == "non_eu" and adult else None
        language, interpreter = self.language(origin, nationality) if adult else (None, False)
        phone_chance = {"head": 0.8, "partner": 0.65, "other": 0.5}.get(role, 0.0)
        if not adult and add_years(birth, 15) <= self.today:
            phone_chance = 0.25
        phone = self.mobile() if self.chance(phone_chance) else None
        email = self.email(first, last) if adult and self.chance(0.25) else None
        agency = None
        allocataire = None
        if (role == "head" and self.chance(0.85)) or (role == "other" and self.chance(0.5)):
            agency = "msa" if self.chance(0.05) else "caf"
            if self.chance(0.9):
                allocataire = f"{rng.randint(1_000_000, 9_999_999)}"
        protection, mandataire = self.protection() if adult else ("none", None)
        emergency = None
        if role == "head" and self.chance(0.12):
            relation, contact_sex = rng.choice(d.RELATIONS)
            contact_first = rng.choice(
                (d.WOMEN_BY_ORIGIN if contact_sex == "f" else d.MEN_BY_ORIGIN)[origin]
            )
            emergency = f"{contact_first} {last} ({relation}) – {self.mobile()}"
        hidden_birth = self.chance(0.05)
        row = {
            "last_name": last,
            "first_name": first,
            "birth_date": None if hidden_birth else birth,
            "sex": sex,
            "nationality": nationality,
            "residence_permit_expiry": permit,
            "phone": phone,
            "email": email,
            "language": language,
            "interpreter_needed": interpreter,
            "benefit_agency": agency,
            "allocataire_number": allocataire,
            "legal_protection": protection,
            "mandataire_id": mandataire,
            "emergency_contact": emergency,
            "emergency_contact_consent": emergency is not None,
            "search_name": normalise(f"{last} {first}"),
            "version": 1,
        }
        return _Member(row, role, joined_on, None, birth, origin)

    def household(self, number: int) -> None:
        rng = self.rng
        start = self.day_between(self.start, self.today - timedelta(days=1))
        shape = self.shapes.pick(rng)
        origin = self.origins.pick(rng)
        if shape == "single":
            head_sex = "h" if self.chance(0.65) else "f"
        elif shape == "single_parent":
            head_sex = "f" if self.chance(0.88) else "h"
        else:
            head_sex = "h" if self.chance(0.55) else "f"
        if self.chance(0.005):
            head_sex = "unknown"
        head_age = self.adult_age(shape)
        last = rng.choice(d.LAST_NAMES_BY_ORIGIN[origin])
        head = self.person(
            sex=head_sex,
            origin=origin,
            birth=self.birth(head_age, start),
            last=last,
            role="head",
            joined_on=start,
        )
        members = [head]
        partner = None
        if shape in ("couple", "couple_children"):
            partner_origin = origin if self.chance(0.8) else self.origins.pick(rng)
            opposite = {"h": "f", "f": "h"}.get(head_sex, rng.choice(("f", "h")))
            partner_sex = opposite if self.chance(0.96) else head_sex
            partner_last = (
                last if self.chance(0.4) else rng.choice(d.LAST_NAMES_BY_ORIGIN[partner_origin])
            )
            partner_age = max(18, head_age + rng.randint(-6, 8))
            joined = start
            if self.chance(0.08):
                joined = self.day_between(
                    start + timedelta(days=30), self.today - timedelta(days=30)
                )
            partner = self.person(
                sex=partner_sex,
                origin=partner_origin,
                birth=self.birth(partner_age, start),
                last=partner_last,
                role="partner",
                joined_on=joined,
            )
            if self.chance(0.06) and (self.today - joined).days > _MIN_DAYS_BEFORE_LEAVING:
                partner.left_on = self.day_between(
                    joined + timedelta(days=60), self.today - timedelta(days=1)
                )
            members.append(partner)
        if shape == "other":
            other_origin = origin
            other_age = rng.randint(18, 80)
            other_last = last if self.chance(0.7) else rng.choice(d.LAST_NAMES_BY_ORIGIN[origin])
            members.append(
                self.person(
                    sex=rng.choice(("f", "h")),
                    origin=other_origin,
                    birth=self.birth(other_age, start),
                    last=other_last,
                    role="other",
                    joined_on=start,
                )
            )
        if shape in ("single_parent", "couple_children"):
            self.children(members, start, last, partner)
        elif shape == "single" and self.chance(0.1 if head_sex == "h" else 0.03):
            for _ in range(rng.choice((1, 1, 2))):
                child_birth = self.birth(rng.randint(3, 15), start)
                members.append(
                    self.person(
                        sex=rng.choice(("f", "h")),
                        origin=origin,
                        birth=child_birth,
                        last=last,
                        role="visiting_child",
                        joined_on=start,
                        nationality="fr" if self.chance(0.7) else None,
                    )
                )
        self.write_household(number, start, members)

    def children(
        self, members: list[_Member], start: date, last: str, partner: _Member | None
    ) -> None:
        rng = self.rng
        head = members[0]
        mother = head if head.row["sex"] == "f" or partner is None else partner
        mother_birth = mother.birth or head.birth or start
        mother_age = (start - mother_birth).days // 365
        father_last = last
        if partner is not None and head.row["sex"] != "h" and partner.row["sex"] == "h":
            father_last = partner.row["last_name"]
        elif partner is None and self.chance(0.4):
            father_last = rng.choice(d.LAST_NAMES_BY_ORIGIN[head.origin])
        french_parent = any(p.row["nationality"] == "fr" for p in (head, partner) if p is not None)
        count = rng.choices((1, 2, 3, 4), weights=(38, 32, 19, 11))[0]
        for _ in range(count):
            oldest = max(0, min(17, mother_age - 17))
            child_birth = self.birth(rng.randint(0, oldest), start)
            joined = start
            if self.chance(0.06):
                child_birth = self.day_between(start, self.today - timedelta(days=1))
                joined = child_birth
            child = self.person(
                sex=rng.choice(("f", "h")),
                origin=head.origin,
                birth=child_birth,
                last=father_last,
                role="child",
                joined_on=joined,
                nationality="fr" if french_parent or self.chance(0.55) else None,
            )
            of_age = add_years(child_birth, 19)
            if of_age < self.today - timedelta(days=2) and self.chance(0.3):
                child.left_on = self.day_between(
                    max(of_age, joined), self.today - timedelta(days=1)
                )
            members.append(child)

    def write_household(self, number: int, start: date, members: list[_Member]) -> None:
        rng = self.rng
        reference = f"M-{number:05d}"
        head = members[0]
        address = postcode = commune = domiciliation = None
        housing = self.housing.pick(rng)
        if housing == "address":
            commune, postcode = self.communes.pick(rng)
            address = self.street_address()
        elif housing == "domiciliation":
            where, _postcode = self.communes.pick(rng)
            if self.chance(0.6):
                domiciliation = f"CCAS de {where} – domiciliation"
            else:
                domiciliation = f"{rng.choice(d.ASSOCIATIONS)} – domiciliation postale"
        single_mother = head.row["sex"] == "f" and not any(x.role == "partner" for x in members)
        protected = self.chance(0.06 if single_mother else 0.01)
        do_not_inform = None
        if protected and self.chance(0.8):
            other = rng.choice(d.MEN_BY_ORIGIN[head.origin])
            do_not_inform = f"M. {other} {rng.choice(d.LAST_NAMES_BY_ORIGIN[head.origin])}"
        household_id = number
        person_ids: list[int] = []
        for member in members:
            person_id = self.add("person", member.row)
            person_ids.append(person_id)
            self.add(
                "membership",
                {
                    "household_id": household_id,
                    "person_id": person_id,
                    "role": member.role,
                    "joined_on": member.joined_on,
                    "left_on": member.left_on,
                },
            )
            if member.role in ("head", "partner", "other"):
                dependants = len(members) - 1 if member.role == "head" else 0
                self.person_resources(person_id, member, start, dependants)
        search_text = household_search_text(
            reference=reference,
            address=address,
            postcode=postcode,
            commune=commune,
            names=[f"{x.row['last_name']} {x.row['first_name']}" for x in members],
            phones=[x.row["phone"] for x in members if x.row["phone"]],
        )
        self.add(
            "household",
            {
                "reference": reference,
                "key_worker_id": None,
                "address": address,
                "postcode": postcode,
                "commune": commune,
                "domiciliation": domiciliation,
                "protected": protected,
                "do_not_inform": do_not_inform,
                "archived_on": None,
                "search_text": search_text,
                "version": 1,
            },
        )
        self.household_partners(household_id, members)

    def person_resources(
        self, person_id: int, member: _Member, start: date, dependants: int
    ) -> None:
        """The resources of an adult; the head's RSA grows with the household."""
        rng = self.rng
        birth = member.birth or start
        age = (self.today - birth).days // 365
        band = "young" if age < _ADULT_FROM else "senior" if age >= _SENIOR_FROM else "adult"
        kind = self.resources[band].pick(rng)
        since = None if self.chance(0.1) else start - timedelta(days=rng.randint(0, 400))
        long_enough = (self.today - start).days > _MIN_DAYS_BEFORE_LEAVING
        if kind != "none" and self.chance(0.12) and long_enough:
            # a change of resource during the follow-up: ARE then RSA, say
            change = self.day_between(start + timedelta(days=30), self.today - timedelta(days=30))
            before = "salary" if kind == "are" else "are"
            self.resource(person_id, before, since, change - timedelta(days=1))
            since = change
        self.resource(person_id, kind, since, None, dependants)
        if kind == "salary" and self.chance(0.6):
            self.resource(person_id, "activity_bonus", since, None, dependants)

    def resource(
        self,
        person_id: int,
        kind: str,
        since: date | None,
        until: date | None,
        dependants: int = 0,
    ) -> None:
        if since is not None and until is not None and until < since:
            until = since
        amount = 0
        if kind != "none":
            low, high = _AMOUNTS[kind]
            amount = self.rng.randint(low, high)
            if kind in ("rsa", "activity_bonus"):  # household benefits, larger with dependants
                amount = amount * (10 + 4 * min(dependants, 4)) // 10
        self.add(
            "person_resource",
            {
                "person_id": person_id,
                "kind": kind,
                "monthly_amount": amount,
                "valid_from": since,
                "valid_until": until,
            },
        )

    def household_partners(self, household_id: int, members: list[_Member]) -> None:
        rng = self.rng
        roles = dict(d.HOUSEHOLD_PARTNER_ROLES)
        linked: list[int] = []
        for member in members:
            mandataire = member.row["mandataire_id"]
            if mandataire is not None and mandataire not in linked:
                linked.append(mandataire)
                self.rows["household_partner"].append(
                    {
                        "household_id": household_id,
                        "partner_id": mandataire,
                        "role": "Mandataire (mesure de protection)",
                    }
                )
        if not self.chance(0.35):
            return
        followers = ("siao", "ccas", "social_services", "psychiatry", "spip", "association")
        for _ in range(rng.choice((1, 1, 2))):
            kind = rng.choice(followers)
            if not self.partners[kind]:
                continue
            partner_id = rng.choice(self.partners[kind])
            if partner_id in linked:
                continue
            linked.append(partner_id)
            self.rows["household_partner"].append(
                {"household_id": household_id, "partner_id": partner_id, "role": roles[kind]}
            )


def _luhn_valid(digits: Sequence[int]) -> bool:
    total = 0
    for position, digit in enumerate(reversed(digits)):
        tens, units = divmod(digit * 2 if position % 2 else digit, 10)
        total += tens + units
    return total % 10 == 0


# ------------------------------------------------------------------ the demo database as a whole


# One account per role, so each screen can be tried as each member of a team would see it.
DEMO_ACCOUNTS: Final[tuple[tuple[str, str, str], ...]] = (
    ("coordination", "Camille Coordination", "coordinator"),
    ("travailleur.social", "Sami Accompagnement", "social_worker"),
    ("hote", "Nadia Hôte", "host"),
    ("gestion.locative", "Louis Gestion", "rental_manager"),
    ("direction", "Hélène Direction", "director"),
    ("admin", "Théo Administration", "tech_admin"),
    ("secretariat", "Inès Accueil", "secretary"),
    ("stagiaire", "Jules Stage", "intern"),
    ("benevole", "Rose Bénévole", "volunteer"),
)
DEMO_LOGIN: Final = "coordination"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A demonstration account and its password (fictitious data: printed on purpose)."""

    login: str
    role: str
    password: str


@dataclass(frozen=True, slots=True)
class DemoResult:
    """What `create_demo_database` made."""

    summary: DemoSummary
    accounts: tuple[DemoAccount, ...]
    life: LifeSummary
    support: SupportSummary
    admissions: AdmissionsSummary


def create_demo_database(
    target: DatabaseTarget,
    *,
    size: str,
    today: date,
    seed: int = 1,
    force: bool = False,
    control: TaskControl | None = None,
) -> DemoResult:
    """Create a demonstration database at ``target`` (for ``demo`` and the welcome screen).

    An existing file is replaced only with ``force``, and only if it is itself a demonstration:
    a real association's database is never overwritten. The database is marked as a
    demonstration (parameter ``database.demo``) so the GUI shows its banner, and has one
    account per role whose passwords are returned. ``control`` follows the long part, the
    households being given their life, and may cancel it (the file is then removed).

    Raises:
        RefusedError: unknown size, existing file without ``force``, not a demonstration, or a
            PostgreSQL database that already holds data.
    """
    from desktop_app.services.users import RoleSpec, add_user  # noqa: PLC0415 - cycle-free

    control = control or TaskControl()
    if size not in SIZES:
        raise RefusedError("demo.unknown_size", value=size)
    path = target.path
    if path is not None and (path.exists() or path.is_symlink()):
        if not force:
            raise RefusedError("demo.exists", database=target.display)
        if not _is_demo_file(path):
            raise RefusedError("demo.not_a_demo", database=target.display)
        _remove_sqlite(path)
    opened = open_database(target)
    try:
        if path is None and not opened.created:
            raise RefusedError("demo.exists", database=target.display)
        with opened.database.begin_write() as connection:
            connection.execute(
                update(Parameter)
                .where(Parameter.key == "database.demo", Parameter.scope == "")
                .values(value=json.dumps(True))
            )
        summary = build_demo(opened.database, size=size, seed=seed, today=today)
        accounts = []
        for login, name, role in DEMO_ACCOUNTS:
            password = new_temporary_password()
            add_user(
                opened.database,
                actor=SYSTEM_ACTOR,
                login=login,
                display_name=name,
                roles=[RoleSpec(role)],
                password=password,  # chosen here: no change asked at a demonstration login
            )
            accounts.append(DemoAccount(login=login, role=role, password=password))
        life = grow_demo(
            opened.database, seed=seed, today=today, share=LIFE_SHARES[size], control=control
        )
        households, followed, residences = SUPPORT_LIMITS[size]
        accompaniment = grow_support(
            opened.database,
            actor=SYSTEM_ACTOR,
            seed=seed,
            today=today,
            households=households,
            followed=followed,
            residences=residences,
            control=control,
        )
        admitted = grow_admissions(
            opened.database, actor=SYSTEM_ACTOR, seed=seed, today=today, control=control
        )
        _grow_staff(opened.database, today=today)
        opened.database.run_write(
            lambda session: audit.record(
                session,
                actor=SYSTEM_ACTOR.login,
                user_id=None,
                action="create",
                entity="demo",
                count=summary.households,
            )
        )
    except BaseException:
        opened.database.dispose()
        if path is not None:
            _remove_sqlite(path)
        raise
    opened.database.dispose()
    return DemoResult(
        summary=summary,
        accounts=tuple(accounts),
        life=life,
        support=accompaniment,
        admissions=admitted,
    )


# Staff per programme kind in the demonstration: (role, FTE in hundredths).
DEMO_STAFF: Final = {
    "iml_sublease": (("Travailleur social", 150), ("Gestion locative", 50)),
    "iml_mandate": (("Gestion locative", 80),),
    "sliding_lease": (("Travailleur social", 100),),
    "boarding_house": (("Hôte", 200), ("Coordination", 30)),
    "reception_residence": (("Hôte", 150),),
    "avdl": (("Travailleur social", 200),),
    "asll": (("Travailleur social", 50),),
}


def _grow_staff(database: Database, *, today: date) -> None:
    """Each programme's staff, through the service, from three years back (one FTE change)."""
    programmes = database.run_read(
        lambda session: session.execute(
            select(m.Programme.id, m.Programme.kind).order_by(m.Programme.id)
        ).all()
    )
    start = today.replace(year=today.year - 3, month=1, day=1)
    change = today.replace(year=today.year - 1, month=7, day=1)
    for programme_id, kind in programmes:
        for index, (role, fte) in enumerate(DEMO_STAFF.get(kind, ())):
            info, _ = record_staff_period(
                database,
                actor=SYSTEM_ACTOR,
                programme_id=programme_id,
                role=role,
                fte_hundredths=fte,
                start_date=start,
            )
            if index == 0:  # the first role grows by a fifth of a post mid-way
                end_staff_period(
                    database,
                    actor=SYSTEM_ACTOR,
                    staff_id=info.staff_id,
                    end_date=change - timedelta(days=1),
                )
                record_staff_period(
                    database,
                    actor=SYSTEM_ACTOR,
                    programme_id=programme_id,
                    role=role,
                    fte_hundredths=fte + 20,
                    start_date=change,
                )


def demo_actor(database: Database, *, now: datetime | None = None) -> Actor:
    """The GUI opens a demonstration as its coordinator, without a password (fictitious data).

    The opening is a login of that account in the security log, like any other.
    """
    from desktop_app.services.users import actor_for  # noqa: PLC0415 - cycle-free

    moment = (now or datetime.now(UTC)).astimezone(UTC)

    def work(session: Session) -> Actor:
        account = session.scalars(
            select(m.UserAccount).where(m.UserAccount.login == DEMO_LOGIN)
        ).first()
        if account is None:
            raise RefusedError("demo.not_a_demo", database=str(database.target.display))
        audit.record(session, actor=account.login, user_id=account.id, action="login", at=moment)
        return actor_for(session, account, moment.date())

    return database.run_write(work)


def is_demo(database: Database) -> bool:
    """True when the database was created as a demonstration."""
    value = database.run_read(
        lambda s: s.scalar(
            select(Parameter.value).where(Parameter.key == "database.demo", Parameter.scope == "")
        )
    )
    return value is not None and json.loads(value) is True


def _is_demo_file(path: Path) -> bool:
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return False
    try:
        row = connection.execute(
            "SELECT value FROM parameter WHERE key = 'database.demo' AND scope = ''"
        ).fetchone()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return row is not None and json.loads(row[0]) is True


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
