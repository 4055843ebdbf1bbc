"""The households list: search as you type, filters, scope, masking, at scale."""

from __future__ import annotations

import time
from datetime import date

import pytest
from sqlalchemy import insert, select, update

from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget, resolve_database
from desktop_app.persistence import models as m
from desktop_app.persistence.opening import open_database
from desktop_app.services.demo import build_demo
from desktop_app.services.households import HouseholdQuery, search_households
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
TODAY = date(2026, 11, 27)


@pytest.fixture
def database(database_target: DatabaseTarget):
    workspace = open_workspace(database_target)
    db = workspace.database
    people = [
        ("Hélène", "Dupont-Martin", "06 39 98 12 34"),
        ("Moussa", "Diallo", None),
        ("Élodie", "N'Diaye", None),
        ("Thanh", "Nguyễn", "04 65 71 00 11"),
    ]
    with db.begin_write() as c:
        c.execute(insert(m.Programme).values(name="IML Lyon", kind="iml_sublease"))
        c.execute(insert(m.Programme).values(name="AVDL Rhône", kind="avdl"))
        for index, (first, last, phone) in enumerate(people, start=1):
            from desktop_app.domain.text import household_search_text

            c.execute(insert(m.Person).values(first_name=first, last_name=last, phone=phone))
            c.execute(
                insert(m.Household).values(
                    reference=f"M-{index:05d}",
                    commune="Villeurbanne" if index % 2 else "Lyon",
                    search_text=household_search_text(
                        reference=f"M-{index:05d}",
                        names=[f"{last} {first}"],
                        phones=[phone] if phone else [],
                        siao_references=[f"SIAO-{index}"],
                    ),
                )
            )
            c.execute(
                insert(m.Membership).values(
                    household_id=index, person_id=index, role="head", joined_on=date(2025, 1, 1)
                )
            )
        c.execute(
            insert(m.Stay).values(household_id=1, programme_id=1, entry_date=date(2025, 1, 6))
        )
        c.execute(
            insert(m.Stay).values(
                household_id=2,
                programme_id=2,
                entry_date=date(2024, 5, 2),
                exit_date=date(2026, 3, 31),
            )
        )
        c.execute(
            update(m.Household).where(m.Household.id == 4).values(archived_on=date(2026, 1, 2))
        )
    yield db
    workspace.close()


def refs(page) -> list[str]:
    return [row.reference for row in page.rows]


def search(db, text="", actor=SYSTEM_ACTOR, **filters):
    return search_households(db, actor=actor, query=HouseholdQuery(text=text, **filters), on=TODAY)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("helene", ["M-00001"]),
        ("HÉLÈNE dupont", ["M-00001"]),
        ("martin", ["M-00001"]),
        ("dupont–martin", ["M-00001"]),
        ("0639981234", ["M-00001"]),
        ("06 39 98", ["M-00001"]),
        ("ndiaye", ["M-00003"]),
        ("n'diaye", ["M-00003"]),
        ("elodie", ["M-00003"]),
        ("m-0000", ["M-00001", "M-00003"]),
        ("siao-3", ["M-00003"]),
        ("100%", []),
        ("_", []),
    ],
)
def test_search_as_you_type(database, typed: str, expected: list[str]) -> None:
    assert refs(search(database, typed)) == expected


def test_status_filters(database) -> None:
    assert refs(search(database, status="current")) == ["M-00001", "M-00003"]
    assert refs(search(database, status="left")) == ["M-00002"]
    assert refs(search(database, status="archived")) == ["M-00004"]
    assert len(search(database, status="all").rows) == 4
    assert refs(search(database, status="all", programme_id=2)) == ["M-00002"]


def test_sorting_in_sql(database) -> None:
    by_name = search(database, status="all", sort="name")
    assert [row.head for row in by_name.rows] == [
        "Diallo Moussa",
        "Dupont-Martin Hélène",
        "N'Diaye Élodie",
        "Nguyễn Thanh",
    ]
    assert refs(search(database, status="all", sort="commune", descending=True))[:2] == [
        "M-00001",
        "M-00003",
    ]


def test_programme_scope_and_protected_rows(database) -> None:
    worker = Actor(user_id=None, login="sw", grants=(Grant("social_worker", programme_id=1),))
    assert refs(search(database, actor=worker, status="all")) == ["M-00001"]
    database.run_write(
        lambda s: s.execute(update(m.Household).where(m.Household.id == 1).values(protected=True))
    )
    coordinator = Actor(user_id=None, login="c", grants=(Grant("coordinator"),))
    [row] = search(database, "M-00001", actor=coordinator).rows
    assert row.head == "Dossier protégé"
    assert row.commune is None
    volunteer = Actor(user_id=None, login="v", grants=(Grant("volunteer"),))
    from desktop_app.domain.errors import RefusedError

    with pytest.raises(RefusedError):
        search(database, actor=volunteer)


@pytest.mark.slow
def test_fluid_at_20000_households(tmp_path, count_statements) -> None:
    target = resolve_database(str(tmp_path / "l.db"))
    opened = open_database(target)  # households only: the list does not need their life
    build_demo(opened.database, size="L", today=TODAY)
    opened.database.dispose()
    workspace = open_workspace(target)
    try:
        with count_statements(workspace.database.engine) as counter:
            started = time.perf_counter()
            page = search(workspace.database, "mar", status="all", sort="name")
            elapsed = time.perf_counter() - started
        assert page.total > 200
        assert len(page.rows) == 200
        assert counter.count <= 3  # count, page, and co-worked protected rows for a user
        assert elapsed < 1.0, f"{elapsed:.2f} s"
        started = time.perf_counter()
        next_page = search_households(
            workspace.database,
            actor=SYSTEM_ACTOR,
            query=HouseholdQuery(text="mar", status="all", sort="name"),
            offset=200,
            on=TODAY,
        )
        assert time.perf_counter() - started < 1.0
        assert next_page.rows[0].household_id not in {r.household_id for r in page.rows}
        total = workspace.database.run_read(lambda s: s.scalar(select(m.Household.id).limit(1)))
        assert total is not None
    finally:
        workspace.close()
