"""Staff assignments in FTE per programme, dated."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import staff
from desktop_app.services.system import Workspace, open_workspace
from tests.services.support_builders import add

pytestmark = pytest.mark.db

COORDINATOR = Actor(None, "coord", (Grant("coordinator"),))
WORKER = Actor(None, "sw", (Grant("social_worker"),))


@pytest.fixture
def world(database_target: DatabaseTarget) -> Iterator[tuple[Workspace, int]]:
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        programme = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
    yield workspace, programme
    workspace.close()


def test_fte_is_typed_the_french_way() -> None:
    assert staff.parse_fte("0,8") == 80
    assert staff.parse_fte("1.25") == 125
    assert staff.parse_fte("2") == 200
    assert staff.parse_fte("0,805") is None
    assert staff.parse_fte("huit") is None


def test_record_end_and_list(world: tuple[Workspace, int]) -> None:
    workspace, programme = world
    info, changes = staff.record_staff_period(
        workspace.database,
        actor=SYSTEM_ACTOR,
        programme_id=programme,
        role=" Hôte ",
        fte_hundredths=80,
        start_date=date(2026, 1, 1),
    )
    assert (info.role, info.fte, info.programme) == ("Hôte", Decimal("0.8"), "Pension Les Tilleuls")
    assert changes.touches("staff")
    ended, _ = staff.end_staff_period(
        workspace.database, actor=COORDINATOR, staff_id=info.staff_id, end_date=date(2026, 6, 30)
    )
    assert ended.end_date == date(2026, 6, 30)
    listed = staff.list_staff_periods(workspace.database, actor=WORKER, programme_id=programme)
    assert [(s.role, s.end_date) for s in listed] == [("Hôte", date(2026, 6, 30))]


def test_wrong_input_is_refused_and_nothing_saved(world: tuple[Workspace, int]) -> None:
    workspace, programme = world
    with pytest.raises(InvalidInput) as refused:
        staff.record_staff_period(
            workspace.database,
            actor=COORDINATOR,
            programme_id=programme,
            role="",
            fte_hundredths=0,
            start_date=date(2026, 2, 1),
            end_date=date(2026, 1, 1),
        )
    assert {issue.code for issue in refused.value.issues} == {
        "staff.role_required",
        "staff.fte_invalid",
        "staff.end_before_start",
    }
    assert staff.list_staff_periods(workspace.database, actor=COORDINATOR) == []
    with pytest.raises(RefusedError):
        staff.record_staff_period(
            workspace.database,
            actor=WORKER,
            programme_id=programme,
            role="Hôte",
            fte_hundredths=100,
            start_date=date(2026, 1, 1),
        )
