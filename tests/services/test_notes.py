"""What each role may read of one household and its notes (DOMAIN §1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services.notes import add_note, justified_accesses, read_notes
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


@dataclass
class Scene:
    database: Database
    actors: dict[str, Actor]


@pytest.fixture
def scene(database_target: DatabaseTarget):
    workspace = open_workspace(database_target)
    db = workspace.database
    logins = [
        "sw",
        "co",
        "sw2",
        "host",
        "host2",
        "gl",
        "coord",
        "dir",
        "secr",
        "intern",
        "volunteer",
        "admin",
    ]
    with db.begin_write() as c:
        for login in logins:
            c.execute(insert(m.UserAccount).values(login=login, display_name=login, created_at=NOW))
        c.execute(insert(m.Programme).values(name="Pension Les Tilleuls", kind="boarding_house"))
        c.execute(insert(m.Residence).values(name="Les Tilleuls", programme_id=1))
        c.execute(insert(m.Residence).values(name="Les Acacias", programme_id=1))
        c.execute(
            insert(m.Dwelling).values(
                reference="TIL-01",
                address="4 impasse",
                commune="Lyon",
                programme_id=1,
                residence_id=1,
            )
        )
        c.execute(insert(m.Household).values(reference="M-1", key_worker_id=1))
        c.execute(insert(m.HouseholdCoWorker).values(household_id=1, user_id=2))
        c.execute(
            insert(m.Stay).values(household_id=1, programme_id=1, entry_date=date(2025, 1, 6))
        )
        c.execute(
            insert(m.OccupancyContract).values(
                household_id=1,
                dwelling_id=1,
                kind="residence_agreement",
                start_date=date(2025, 1, 6),
            )
        )
    ids = {login: index + 1 for index, login in enumerate(logins)}
    roles = {
        "sw": Grant("social_worker"),
        "co": Grant("social_worker"),
        "sw2": Grant("social_worker"),
        "host": Grant("host", residence_id=1),
        "host2": Grant("host", residence_id=2),
        "gl": Grant("rental_manager"),
        "coord": Grant("coordinator"),
        "dir": Grant("director"),
        "secr": Grant("secretary"),
        "intern": Grant("intern"),
        "volunteer": Grant("volunteer"),
        "admin": Grant("tech_admin"),
    }
    actors = {
        login: Actor(user_id=ids[login], login=login, grants=(roles[login],)) for login in logins
    }
    for level, text in (
        ("shared", "Installation faite"),
        ("confidential", "Suivi CMP"),
        ("health", "Traitement en cours"),
    ):
        add_note(
            db,
            actor=actors["sw"],
            household_id=1,
            level=level,
            text=text,
            written_on=date(2026, 11, 2),
        )
    yield Scene(db, actors)
    workspace.close()


def levels(result) -> set[str]:
    return {note.level for note in result.notes}


ALL_LEVELS = {"shared", "confidential", "health"}


@pytest.mark.parametrize(
    ("login", "visible", "withheld", "justified"),
    [
        ("sw", ALL_LEVELS, False, False),  # key worker
        ("co", ALL_LEVELS, False, False),  # co-key-worker
        ("host", {"shared"}, True, False),  # own resident, not référent
        ("gl", {"shared"}, True, False),  # rental management: shared notes only
        ("coord", {"shared"}, True, True),  # justified access possible
        ("dir", {"shared"}, True, True),
    ],
)
def test_what_each_role_reads(scene: Scene, login, visible, withheld, justified) -> None:
    result = read_notes(scene.database, actor=scene.actors[login], household_id=1, now=NOW)
    assert levels(result) == visible
    assert result.private_withheld is withheld
    assert result.justified_access_possible is justified


@pytest.mark.parametrize("login", ["sw2", "host2", "secr", "intern", "volunteer", "admin"])
def test_roles_outside_the_file_read_nothing(scene: Scene, login: str) -> None:
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        read_notes(scene.database, actor=scene.actors[login], household_id=1, now=NOW)


def test_delegation_opens_the_caseload(scene: Scene) -> None:
    holder = Actor(
        user_id=3, login="sw2", grants=(Grant("social_worker"),), delegated_from=frozenset({1})
    )
    assert levels(read_notes(scene.database, actor=holder, household_id=1, now=NOW)) == ALL_LEVELS


def test_justified_access_logged_and_shown_to_the_key_worker(scene: Scene) -> None:
    with pytest.raises(InvalidInput, match="corriger"):
        read_notes(scene.database, actor=scene.actors["coord"], household_id=1, reason="vu")
    result = read_notes(
        scene.database,
        actor=scene.actors["coord"],
        household_id=1,
        reason="Préparation de la commission d'expulsion",
        now=NOW,
    )
    assert levels(result) == ALL_LEVELS
    [access] = justified_accesses(scene.database, actor=scene.actors["sw"])
    assert (access.by, access.household) == ("coord", "M-1")
    assert access.reason == "Préparation de la commission d'expulsion"
    assert justified_accesses(scene.database, actor=scene.actors["co"]) == [access]
    assert justified_accesses(scene.database, actor=scene.actors["sw2"]) == []
    assert scene.database.run_read(audit.verify).ok


def test_writing_follows_the_levels(scene: Scene) -> None:
    add_note(
        scene.database,
        actor=scene.actors["host"],
        household_id=1,
        level="shared",
        text="Repas partagé",
    )
    with pytest.raises(RefusedError):
        add_note(
            scene.database, actor=scene.actors["host"], household_id=1, level="health", text="x"
        )
    with pytest.raises(RefusedError):
        add_note(scene.database, actor=scene.actors["gl"], household_id=1, level="shared", text="x")
    with pytest.raises(InvalidInput):
        add_note(scene.database, actor=scene.actors["sw"], household_id=1, level="secret", text=" ")


def test_protected_file_masked_outside_its_circle(scene: Scene) -> None:
    from sqlalchemy import update

    from desktop_app.services.households import read_identity

    with scene.database.begin_write() as c:
        c.execute(insert(m.Person).values(last_name="Diallo", first_name="Aminata"))
        c.execute(
            insert(m.Membership).values(
                household_id=1, person_id=1, role="head", joined_on=date(2025, 1, 6)
            )
        )
        c.execute(update(m.Household).values(protected=True, address="3 rue Cachée"))
    coordinator = read_identity(
        scene.database, actor=scene.actors["coord"], household_id=1, on=date(2026, 11, 27), now=NOW
    )
    assert coordinator.masked
    assert coordinator.members[0].first_name == "Dossier protégé"
    assert coordinator.address is None
    worker = read_identity(
        scene.database, actor=scene.actors["sw"], household_id=1, on=date(2026, 11, 27), now=NOW
    )
    assert not worker.masked
    assert worker.members[0].last_name == "Diallo"
    assert worker.address == "3 rue Cachée"
    with pytest.raises(RefusedError):
        read_identity(scene.database, actor=scene.actors["host2"], household_id=1)
    events = scene.database.run_read(
        lambda s: [(e.action, e.actor) for e in s.query(m.AuditEvent).order_by(m.AuditEvent.id)]
    )
    assert ("open_protected", "sw") in events
    assert ("open_protected", "coord") not in events
    assert all("Diallo" not in str(e) for e in events)
