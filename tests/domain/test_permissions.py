"""The role × action table of DOMAIN §1, checked against an independent transcription."""

from __future__ import annotations

import pytest

from desktop_app.domain.permissions import (
    ACTIONS,
    ROLES,
    SYSTEM_ACTOR,
    AccessContext,
    Actor,
    Grant,
    decide,
    may_ever,
)

# Transcribed by hand from DOMAIN §1 (row by row), independently of the module's TABLE:
# Y = allowed on any object in scope, C = own caseload, R = own residents, J = justified access,
# P = residents when the parameter allows, . = denied.
ROLE_ORDER = (
    "social_worker",
    "host",
    "rental_manager",
    "coordinator",
    "director",
    "tech_admin",
    "secretary",
    "intern",
    "volunteer",
)
EXPECTED = {
    #                           TS   Hôte GL   Coord Dir  Admin Secr Stag Bén
    "household.read": "Y    R    Y    Y     Y    .     Y    Y    .",
    "household.edit": "C    R    .    Y     Y    .     .    .    .",
    "household.edit_identity": "C    R    .    Y     Y    .     Y    .    .",
    "contract.edit": "C    R    Y    Y     Y    .     .    .    .",
    "support.read": "C    R    .    Y     Y    .     .    C    .",
    "support.write": "C    R    .    Y     Y    .     .    .    .",
    "notes.shared.read": "C    R    Y    Y     Y    .     .    C    .",
    "notes.confidential.read": "C    C    .    J     J    .     .    .    .",
    "notes.confidential.write": "C    C    .    .     .    .     .    .    .",
    "housing.read": "Y    R    Y    Y     Y    .     Y    .    .",
    "housing.edit": ".    .    Y    Y     Y    .     .    .    .",
    "admissions.read": "Y    R    Y    Y     Y    .     Y    .    .",
    "admissions.edit": "Y    R    .    Y     Y    .     .    .    .",
    "candidatures.edit": "Y    R    .    Y     Y    .     Y    .    .",
    "collective.read": "Y    R    .    Y     Y    .     .    .    .",
    "collective.edit": ".    R    .    .     .    .     .    .    .",
    "collective.attendance": ".    R    .    .     .    .     .    .    Y",
    "activities.first_names": ".    R    .    .     .    .     .    .    Y",
    # Retention of the liaison log (DOMAIN §8): a step of the daily work, no content read.
    "liaison.purge": ".    R    .    Y     Y    Y     .    .    .",
    "import.run": ".    .    Y    Y     Y    .     .    .    .",
    "month.close": ".    .    Y    Y     Y    .     .    .    .",
    "audit.read": ".    .    .    .     Y    Y     .    .    .",
    "ledger.post": ".    .    Y    .     .    .     .    .    .",
    "ledger.read_status": "Y    R    Y    Y     Y    .     .    .    .",
    "ledger.read_amounts": ".    P    Y    Y     Y    .     .    .    .",
    "returns.run": "Y    R    Y    Y     Y    .     .    .    .",
    "returns.freeze": ".    .    .    Y     Y    .     .    .    .",
    "exports.nominative": ".    .    .    Y     Y    .     .    .    .",
    "users.manage": ".    .    .    .     .    Y     .    .    .",
    "backups.run": ".    .    .    .     .    Y     .    .    .",
    "settings.edit": ".    .    .    Y     Y    Y     .    .    .",
    "archives.read": ".    .    .    .     J    .     .    .    .",
    "session.basic": "Y    Y    Y    Y     Y    Y     Y    Y    Y",
    # Manual to-dos (DOMAIN §7): everyone who acts on households; one on a household is also
    # limited to those who may read it (checked by the service).
    "todo.edit": "Y    Y    Y    Y     Y    .     Y    .    .",
}

OBJECT = AccessContext(programme_ids=frozenset({1}))
MINE = AccessContext(programme_ids=frozenset({1}), caseload=True)
RESIDENT = AccessContext(residence_ids=frozenset({7}), resident=True)
RESIDENT_PARAM = AccessContext(
    residence_ids=frozenset({7}), resident=True, parameters={"host.sees_arrears_amounts": True}
)


def cases():
    for action, row in EXPECTED.items():
        for role, cell in zip(ROLE_ORDER, row.split(), strict=True):
            yield pytest.param(action, role, cell, id=f"{action}-{role}")


def test_transcription_covers_every_action_and_role() -> None:
    assert set(EXPECTED) == set(ACTIONS)
    assert set(ROLE_ORDER) == set(ROLES)


@pytest.mark.parametrize(("action", "role", "cell"), list(cases()))
def test_role_action_matrix(action: str, role: str, cell: str) -> None:
    actor = Actor(user_id=1, login="u", grants=(Grant(role),))
    anyone = decide(actor, action, OBJECT)
    own = decide(actor, action, MINE)
    resident = decide(actor, action, RESIDENT)
    resident_param = decide(actor, action, RESIDENT_PARAM)
    if cell == "Y":
        assert anyone.allowed
        assert not anyone.needs_reason
    elif cell == "C":
        assert not anyone.allowed
        assert own.allowed
        assert not own.needs_reason
    elif cell == "R":
        assert not anyone.allowed
        assert resident.allowed
    elif cell == "J":
        assert anyone.allowed
        assert anyone.needs_reason
    elif cell == "P":
        assert not resident.allowed
        assert resident_param.allowed
    else:
        assert not any(d.allowed for d in (anyone, own, resident, resident_param))
    assert may_ever(actor, action) == (cell != ".")


def test_roles_are_cumulative_and_scoped() -> None:
    # A host of house 7 who is also the key worker of some residents of programme 1.
    actor = Actor(
        user_id=2,
        login="nadia",
        grants=(Grant("host", residence_id=7), Grant("social_worker", programme_id=1)),
    )
    assert decide(actor, "support.write", MINE).allowed
    assert decide(actor, "collective.edit", RESIDENT).allowed
    other_programme = AccessContext(programme_ids=frozenset({2}), caseload=True)
    assert not decide(actor, "support.write", other_programme).allowed
    assert decide(actor, "settings.edit").allowed is False


def test_system_actor_may_do_everything() -> None:
    assert all(decide(SYSTEM_ACTOR, action).allowed for action in ACTIONS)


def test_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        decide(SYSTEM_ACTOR, "household.teleport")


def test_accompaniment_follows_the_caseload_and_the_house() -> None:
    """Contacts, measures and to-dos (issue 8): who may read and write them, and where."""
    host = Actor(user_id=3, login="host", grants=(Grant("host", residence_id=7),))
    other_house = AccessContext(residence_ids=frozenset({8}))
    assert decide(host, "support.read", RESIDENT).allowed
    assert decide(host, "support.write", RESIDENT).allowed
    assert not decide(host, "support.read", other_house).allowed
    assert not decide(host, "notes.confidential.write", RESIDENT).allowed
    assert decide(host, "todo.edit").allowed
    intern = Actor(user_id=4, login="intern", grants=(Grant("intern"),))
    assert decide(intern, "support.read", MINE).allowed
    assert not decide(intern, "support.write", MINE).allowed
    assert not may_ever(intern, "todo.edit")
    scoped = Actor(user_id=5, login="sw", grants=(Grant("social_worker", programme_id=1),))
    assert decide(scoped, "support.write", MINE).allowed
    assert not decide(scoped, "support.write", OBJECT).allowed  # not of the caseload
    volunteer = Actor(user_id=6, login="v", grants=(Grant("volunteer"),))
    assert not any(
        may_ever(volunteer, action) for action in ("support.read", "support.write", "todo.edit")
    )


def test_collective_life_stays_inside_the_house() -> None:
    """Pension de famille life (issue 8): the house's hosts write, others of the team read."""
    host = Actor(user_id=3, login="host", grants=(Grant("host", residence_id=7),))
    house = AccessContext(residence_ids=frozenset({7}), resident=True)
    other_house = AccessContext(residence_ids=frozenset({8}))
    for action in ("collective.read", "collective.edit", "collective.attendance", "liaison.purge"):
        assert decide(host, action, house).allowed, action
        assert not decide(host, action, other_house).allowed, action
    coordinator = Actor(user_id=4, login="coord", grants=(Grant("coordinator"),))
    assert decide(coordinator, "collective.read", other_house).allowed
    assert not may_ever(coordinator, "collective.edit")
    volunteer = Actor(user_id=6, login="v", grants=(Grant("volunteer"),))
    assert decide(volunteer, "collective.attendance", house).allowed
    assert not may_ever(volunteer, "collective.read")
    assert not may_ever(volunteer, "liaison.purge")
    admin = Actor(user_id=7, login="admin", grants=(Grant("tech_admin"),))
    assert decide(admin, "liaison.purge", other_house).allowed
    assert not may_ever(admin, "collective.read")
