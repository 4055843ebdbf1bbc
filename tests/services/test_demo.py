"""The demo association: complete, coherent, and identical for the same seed and day."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.domain import vocabulary as v
from desktop_app.domain.text import normalise
from desktop_app.paths import DatabaseTarget, resolve_database
from desktop_app.persistence import models as m
from desktop_app.persistence.opening import open_database
from desktop_app.services import demo_data
from desktop_app.services.demo import SIZES, DemoSummary, build_demo

pytestmark = pytest.mark.db

TODAY = date(2026, 11, 30)


def build(path: Path, *, size: str = "S", seed: int = 1) -> DemoSummary:
    opened = open_database(resolve_database(str(path)))
    try:
        return build_demo(opened.database, size=size, seed=seed, today=TODAY)
    finally:
        opened.database.dispose()


def rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def digest(path: Path) -> str:
    """SHA-256 of every row of every table, each table in primary-key order."""
    sha = hashlib.sha256()
    with closing(sqlite3.connect(path)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            info = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
            key = [column[1] for column in sorted(info, key=lambda c: c[5]) if column[5]]
            order = ", ".join(key or [column[1] for column in info])
            sha.update(table.encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}'):
                sha.update(repr(row).encode())
    return sha.hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    """One size-S demo, built once and only read by the tests that share it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    return path, build(path)


def test_size_s_fills_every_table(demo: tuple[Path, DemoSummary]) -> None:
    path, summary = demo
    assert summary.households == SIZES["S"] == 200
    counts = summary.by_table()
    assert set(counts) == {
        "organisation",
        "funder",
        "programme",
        "programme_funder",
        "programme_capacity",
        "residence",
        "residence_places",
        "landlord",
        "dwelling",
        "vacancy_period",
        "main_lease",
        "partner",
        "partner_contact",
        "household",
        "person",
        "membership",
        "person_resource",
        "household_partner",
    }
    for table, count in counts.items():
        assert count > 0, table
        assert rows(path, f"SELECT count(*) FROM {table}") == [(count,)], table
    assert counts["organisation"] == 1
    assert counts["person"] > counts["household"]
    for table in ("stay", "occupancy_contract", "note", "user_account", "audit_event"):
        assert rows(path, f"SELECT count(*) FROM {table}") == [(0,)], table


def test_every_kind_of_funder_and_programme_is_there(demo: tuple[Path, DemoSummary]) -> None:
    path, _summary = demo
    funder_kinds = {kind for (kind,) in rows(path, "SELECT kind FROM funder")}
    assert {"state_p177", "fnavdl", "department_fsl", "caf", "municipality", "ars"} <= funder_kinds
    programme_kinds = {kind for (kind,) in rows(path, "SELECT kind FROM programme")}
    assert {"iml_sublease", "iml_mandate", "sliding_lease", "boarding_house", "avdl"} <= (
        programme_kinds
    )
    unfunded = rows(
        path,
        "SELECT id FROM programme WHERE id NOT IN (SELECT programme_id FROM programme_funder)",
    )
    assert unfunded == []
    uncapped = rows(
        path,
        "SELECT id FROM programme WHERE id NOT IN (SELECT programme_id FROM programme_capacity)",
    )
    assert uncapped == []
    partner_kinds = {kind for (kind,) in rows(path, "SELECT kind FROM partner")}
    assert set(v.PARTNER_KIND.codes) == partner_kinds


def test_same_seed_and_day_give_identical_tables(
    demo: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    path, summary = demo
    again = tmp_path / "again.db"
    assert build(again) == summary
    assert digest(again) == digest(path)


def test_another_seed_gives_another_association(
    demo: tuple[Path, DemoSummary], tmp_path: Path
) -> None:
    path, _summary = demo
    other = tmp_path / "other.db"
    build(other, seed=2)
    assert digest(other) != digest(path)
    names = "SELECT last_name, first_name FROM person ORDER BY id LIMIT 20"
    assert rows(other, names) != rows(path, names)


def test_exactly_one_head_per_household_from_its_start(demo: tuple[Path, DemoSummary]) -> None:
    path, _summary = demo
    heads = rows(
        path,
        "SELECT h.id, count(m.id), min(m.joined_on), max(m.left_on) FROM household h "
        "LEFT JOIN membership m ON m.household_id = h.id AND m.role = 'head' GROUP BY h.id",
    )
    assert len(heads) == 200
    assert all(count == 1 and left is None for _id, count, _joined, left in heads)
    early = rows(
        path,
        "SELECT count(*) FROM membership m JOIN membership head ON head.household_id = "
        "m.household_id AND head.role = 'head' WHERE m.joined_on < head.joined_on",
    )
    assert early == [(0,)]
    shapes = {role for (role,) in rows(path, "SELECT DISTINCT role FROM membership")}
    assert shapes == set(v.MEMBER_ROLE.codes)


def test_persons_are_coherent(demo: tuple[Path, DemoSummary]) -> None:
    path, _summary = demo
    persons = rows(
        path,
        "SELECT first_name, last_name, sex, nationality, residence_permit_expiry, "
        "legal_protection, mandataire_id, search_name, birth_date FROM person",
    )
    women, men = set(demo_data.WOMEN_FIRST_NAMES), set(demo_data.MEN_FIRST_NAMES)
    for first, last, sex, nationality, permit, protection, mandataire, search, _birth in persons:
        assert sex in v.SEX
        assert nationality in v.NATIONALITY
        assert protection in v.LEGAL_PROTECTION
        assert first in {"f": women, "h": men}.get(sex, women | men)
        assert last in demo_data.LAST_NAMES
        assert search == normalise(f"{last} {first}")
        if permit is not None:
            assert nationality == "non_eu"
        if protection == "none":
            assert mandataire is None
    undated = sum(1 for person in persons if person[-1] is None)
    assert 0 < undated < len(persons) * 0.15
    guardians = rows(
        path,
        "SELECT DISTINCT p.kind FROM person JOIN partner p ON p.id = person.mandataire_id",
    )
    assert {kind for (kind,) in guardians} <= {"legal_guardian", "social_services"}


def test_money_is_integer_cents(demo: tuple[Path, DemoSummary]) -> None:
    path, _summary = demo
    for table, column in (
        ("main_lease", "rent"),
        ("main_lease", "charges"),
        ("person_resource", "monthly_amount"),
    ):
        kinds = rows(path, f"SELECT DISTINCT typeof({column}) FROM {table}")
        assert kinds == [("integer",)], (table, column)
    sliding = rows(
        path,
        "SELECT DISTINCT l.has_sliding_clause FROM main_lease l JOIN dwelling d "
        "ON d.id = l.dwelling_id JOIN programme p ON p.id = d.programme_id "
        "WHERE p.kind = 'sliding_lease'",
    )
    assert sliding == [(1,)]


def test_places_come_from_the_data_module(demo: tuple[Path, DemoSummary]) -> None:
    path, _summary = demo
    known = {(commune, postcode) for commune, postcode, _weight in demo_data.COMMUNES}
    for table in ("organisation", "dwelling", "household", "residence", "partner"):
        places = rows(
            path, f"SELECT DISTINCT commune, postcode FROM {table} WHERE commune IS NOT NULL"
        )
        assert places, table
        assert set(places) <= known, table
    lyon = {postcode for commune, postcode in known if commune == "Lyon"}
    assert lyon == {f"6900{n}" for n in range(1, 10)}


def test_dwellings_are_consistent(demo: tuple[Path, DemoSummary]) -> None:
    path, _summary = demo
    dwellings = rows(
        path,
        "SELECT d.reference, d.typology, d.surface_m2, d.sector, l.kind, d.places, "
        "d.residence_id, d.captured_on, d.returned_on FROM dwelling d "
        "JOIN landlord l ON l.id = d.landlord_id",
    )
    references = [dwelling[0] for dwelling in dwellings]
    assert len(set(references)) == len(references)
    for (
        _ref,
        typology,
        surface,
        sector,
        landlord,
        places,
        residence,
        captured,
        returned,
    ) in dwellings:
        assert typology in v.TYPOLOGY
        assert 10 <= surface <= 120
        if landlord != "other":
            assert sector == landlord
        assert places >= 1
        if residence is not None:
            assert typology in ("room", "studio")
            assert places == 1
        assert "2023-11-30" <= captured <= TODAY.isoformat()
        assert returned is None or captured < returned <= TODAY.isoformat()
    overlapping = rows(
        path,
        "SELECT count(*) FROM vacancy_period a JOIN vacancy_period b ON a.dwelling_id = "
        "b.dwelling_id AND a.id < b.id AND b.start_date <= coalesce(a.end_date, '9999') "
        "AND a.start_date <= coalesce(b.end_date, '9999')",
    )
    assert overlapping == [(0,)]


def test_a_pension_de_famille_has_about_25_places(demo: tuple[Path, DemoSummary]) -> None:
    path, _summary = demo
    pensions = rows(
        path,
        "SELECT r.id, (SELECT places FROM residence_places WHERE residence_id = r.id "
        "ORDER BY valid_from DESC LIMIT 1), (SELECT count(*) FROM dwelling "
        "WHERE residence_id = r.id) FROM residence r JOIN programme p ON p.id = r.programme_id "
        "WHERE p.kind = 'boarding_house'",
    )
    assert any(20 <= places <= 30 for _id, places, _rooms in pensions)
    assert all(places == rooms for _id, places, rooms in pensions)


def test_an_unknown_size_is_refused(tmp_path: Path) -> None:
    opened = open_database(resolve_database(str(tmp_path / "demo.db")))
    try:
        with pytest.raises(ValueError, match="unknown demo size"):
            build_demo(opened.database, size="XL", today=TODAY)
    finally:
        opened.database.dispose()


def test_a_database_with_data_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    build(path)
    before = digest(path)
    opened = open_database(resolve_database(str(path)))
    try:
        with pytest.raises(ValueError, match="not empty"):
            build_demo(opened.database, size="S", seed=3, today=TODAY)
    finally:
        opened.database.dispose()
    assert digest(path) == before


def test_new_rows_get_fresh_ids_after_the_demo(database_target: DatabaseTarget) -> None:
    # SQLite here, PostgreSQL (whose sequences the demo must move) in the CI run.
    opened = open_database(database_target)
    database = opened.database
    try:
        summary = build_demo(database, size="S", seed=1, today=TODAY)

        def add_funder(session) -> int:
            funder = m.Funder(name="Fondation de test", kind="other")
            session.add(funder)
            session.flush()
            return funder.id

        assert database.run_write(add_funder) == summary.funders + 1
        count = database.run_read(
            lambda session: session.scalar(select(func.count()).select_from(m.Household))
        )
        assert count == 200
    finally:
        database.dispose()


@pytest.mark.slow
def test_size_m_builds_in_under_a_minute(tmp_path: Path) -> None:
    started = time.perf_counter()
    summary = build(tmp_path / "demo-m.db", size="M")
    assert time.perf_counter() - started < 60
    assert summary.households == SIZES["M"]
    assert summary.programmes > 5
    assert summary.residences > 1
