"""Creating a household: members, one head, duplicates proposed, nothing half-saved."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.services.households import (
    HouseholdQuery,
    MemberInput,
    create_household,
    propose_duplicates,
    read_identity,
    search_households,
)
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
START = date(2026, 9, 1)


@pytest.fixture
def database(database_target: DatabaseTarget):
    workspace = open_workspace(database_target)
    yield workspace.database
    workspace.close()


def count(database, model):
    return database.run_read(lambda s: s.scalar(select(func.count()).select_from(model)))


def family() -> list[MemberInput]:
    return [
        MemberInput("Diallo", "Aminata", date(1988, 4, 12), "f", "head", phone="06 39 98 12 34"),
        MemberInput("Diallo", "Moussa", date(2015, 9, 3), "h", "child"),
    ]


def test_create_with_members_and_find_it(database) -> None:
    created = create_household(
        database, actor=SYSTEM_ACTOR, members=family(), start=START, commune="Vénissieux"
    )
    assert created.reference == "M-00001"
    second = create_household(
        database, actor=SYSTEM_ACTOR, members=[MemberInput("Petit", "Jean", None)], start=START
    )
    assert second.reference == "M-00002"
    page = search_households(
        database, actor=SYSTEM_ACTOR, query=HouseholdQuery(text="aminata 0639981234"), on=START
    )
    assert [row.reference for row in page.rows] == ["M-00001"]
    assert page.rows[0].members == 2
    identity = read_identity(
        database, actor=SYSTEM_ACTOR, household_id=created.household_id, on=START
    )
    assert [(p.first_name, p.role) for p in identity.members] == [
        ("Aminata", "head"),
        ("Moussa", "child"),
    ]
    assert database.run_read(audit.verify).ok


def test_every_problem_reported_and_nothing_written(database) -> None:
    members = [
        MemberInput("", "Aminata", None, "f", "child"),
        MemberInput("X", "", None, "?", "cousin"),
    ]
    with pytest.raises(InvalidInput) as refused:
        create_household(database, actor=SYSTEM_ACTOR, members=members, start=START)
    codes = [issue.code for issue in refused.value.issues]
    assert "member.last_name_required" in codes
    assert "member.first_name_required" in codes
    assert codes.count("stay.code_unknown") == 2
    assert "household.no_head" in codes
    two_heads = [MemberInput("A", "B", None, role="head"), MemberInput("C", "D", None, role="head")]
    with pytest.raises(InvalidInput) as refused:
        create_household(database, actor=SYSTEM_ACTOR, members=two_heads, start=START)
    assert "plusieurs personnes de référence le 01/09/2026" in refused.value.text
    assert count(database, m.Household) == 0
    assert count(database, m.Person) == 0


def test_reference_unique(database) -> None:
    create_household(database, actor=SYSTEM_ACTOR, members=family(), start=START, reference="H-7")
    with pytest.raises(InvalidInput) as refused:
        create_household(
            database, actor=SYSTEM_ACTOR, members=family(), start=START, reference="H-7"
        )
    assert "déjà celle d'un autre ménage" in refused.value.text


def test_duplicates_proposed_and_linked(database) -> None:
    create_household(database, actor=SYSTEM_ACTOR, members=family(), start=START)
    proposals = propose_duplicates(
        database,
        actor=SYSTEM_ACTOR,
        last_name="DIALLO",
        first_name="aminata",
        birth_date=date(1988, 4, 12),
    )
    assert [(p.first_name, p.households) for p in proposals] == [("Aminata", ("M-00001",))]
    swapped = propose_duplicates(
        database,
        actor=SYSTEM_ACTOR,
        last_name="Aminata",
        first_name="Diallo",
        birth_date=date(1988, 4, 12),
    )
    assert swapped
    assert swapped[0].first_name == "Aminata"
    assert (
        propose_duplicates(
            database,
            actor=SYSTEM_ACTOR,
            last_name="Diallo",
            first_name="Mariama",
            birth_date=date(1988, 4, 12),
        )
        == []
    )
    # the user links the existing person to a new household instead of creating a twin
    person_id = proposals[0].person_id
    create_household(
        database,
        actor=SYSTEM_ACTOR,
        start=date(2026, 11, 1),
        members=[MemberInput(person_id=person_id, role="head")],
    )
    assert count(database, m.Person) == 2


def test_social_worker_becomes_key_worker_and_volunteer_cannot_create(database) -> None:
    worker = Actor(user_id=None, login="sw", grants=(Grant("social_worker"),))
    with pytest.raises(RefusedError):
        create_household(database, actor=worker, members=family(), start=START)
    database.run_write(
        lambda s: s.add(
            m.UserAccount(
                login="sw",
                display_name="Sami",
                created_at=datetime(2026, 1, 1),
            )
        )
    )
    worker = Actor(user_id=1, login="sw", grants=(Grant("social_worker"),))
    created = create_household(database, actor=worker, members=family(), start=START)
    key = database.run_read(lambda s: s.get(m.Household, created.household_id).key_worker_id)
    assert key == 1
    secretary = Actor(user_id=None, login="s", grants=(Grant("secretary"),))
    assert create_household(database, actor=secretary, members=family(), start=START).reference
    volunteer = Actor(user_id=None, login="v", grants=(Grant("volunteer"),))
    with pytest.raises(RefusedError):
        create_household(database, actor=volunteer, members=family(), start=START)
