"""Stays: entry and exit with their lists, refused when incoherent."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, select

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.services.households import HouseholdQuery, search_households
from desktop_app.services.stays import close_stay, list_stays, open_stay
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
TODAY = date(2026, 11, 27)


@pytest.fixture
def database(database_target: DatabaseTarget):
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        c.execute(insert(m.Programme).values(name="IML Lyon", kind="iml_sublease"))
        c.execute(insert(m.Programme).values(name="Mandat Rhône", kind="iml_mandate"))
        c.execute(insert(m.Household).values(reference="M-1"))
    yield workspace.database
    workspace.close()


def codes(error: InvalidInput) -> list[str]:
    return [issue.code for issue in error.issues]


def test_entry_then_exit(database) -> None:
    stay = open_stay(
        database,
        actor=SYSTEM_ACTOR,
        household_id=1,
        programme_id=1,
        entry=date(2025, 3, 3),
        entry_situation="hotel_115",
        referrer="siao",
        dalo_status="dalo_priority",
        siao_reference="SIAO-2025-0042",
        today=TODAY,
    )
    assert stay.exit is None
    closed = close_stay(
        database,
        actor=SYSTEM_ACTOR,
        stay_id=stay.stay_id,
        exit=date(2026, 10, 31),
        destination="social_housing",
        exit_reason="project_achieved",
        today=TODAY,
    )
    assert closed.destination == "social_housing"
    [listed] = list_stays(database, actor=SYSTEM_ACTOR, household_id=1)
    assert listed == closed
    found = search_households(
        database,
        actor=SYSTEM_ACTOR,
        query=HouseholdQuery(text="siao-2025-0042", status="all"),
        on=TODAY,
    )
    assert [row.reference for row in found.rows] == ["M-1"]
    history = database.run_read(
        lambda s: [
            (h.field, h.old_value, h.new_value)
            for h in s.scalars(select(m.ChangeHistory).order_by(m.ChangeHistory.id))
        ]
    )
    assert ("exit_date", None, "2026-10-31") in history
    assert ("destination", None, "social_housing") in history
    assert database.run_read(audit.verify).ok


def test_refusals_with_their_fields(database) -> None:
    open_stay(
        database,
        actor=SYSTEM_ACTOR,
        household_id=1,
        programme_id=1,
        entry=date(2025, 3, 3),
        today=TODAY,
    )
    with pytest.raises(InvalidInput) as refused:
        open_stay(
            database,
            actor=SYSTEM_ACTOR,
            household_id=1,
            programme_id=1,
            entry=date(2026, 1, 5),
            today=TODAY,
        )
    assert codes(refused.value) == ["stay.overlap"]
    with pytest.raises(InvalidInput) as refused:
        open_stay(
            database,
            actor=SYSTEM_ACTOR,
            household_id=1,
            programme_id=2,
            entry=date(2027, 1, 5),
            entry_situation="palace",
            today=TODAY,
        )
    assert set(codes(refused.value)) == {"stay.code_unknown", "stay.future_entry"}
    [stay] = list_stays(database, actor=SYSTEM_ACTOR, household_id=1)
    with pytest.raises(InvalidInput) as refused:
        close_stay(
            database,
            actor=SYSTEM_ACTOR,
            stay_id=stay.stay_id,
            exit=date(2025, 1, 1),
            destination="kept_home",
            exit_reason=None,
            today=TODAY,
        )
    assert set(codes(refused.value)) == {"stay.exit_before_entry", "stay.kept_home_not_allowed"}
    assert list_stays(database, actor=SYSTEM_ACTOR, household_id=1)[0].exit is None


def test_kept_home_in_a_mandate(database) -> None:
    stay = open_stay(
        database,
        actor=SYSTEM_ACTOR,
        household_id=1,
        programme_id=2,
        entry=date(2024, 6, 1),
        today=TODAY,
    )
    closed = close_stay(
        database,
        actor=SYSTEM_ACTOR,
        stay_id=stay.stay_id,
        exit=date(2026, 6, 30),
        destination="kept_home",
        exit_reason="end_of_support",
        today=TODAY,
    )
    assert closed.destination == "kept_home"


def test_only_those_who_may_edit(database) -> None:
    secretary = Actor(user_id=None, login="s", grants=(Grant("secretary"),))
    with pytest.raises(RefusedError):
        open_stay(
            database,
            actor=secretary,
            household_id=1,
            programme_id=1,
            entry=date(2025, 3, 3),
            today=TODAY,
        )
    scoped = Actor(user_id=None, login="c", grants=(Grant("coordinator", programme_id=1),))
    assert (
        open_stay(
            database,
            actor=scoped,
            household_id=1,
            programme_id=1,
            entry=date(2025, 3, 3),
            today=TODAY,
        ).programme
        == "IML Lyon"
    )
    with pytest.raises(RefusedError):
        list_stays(
            database,
            actor=Actor(user_id=None, login="v", grants=(Grant("volunteer"),)),
            household_id=1,
        )
