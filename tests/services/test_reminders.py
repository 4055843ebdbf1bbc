"""Computed reminders on real databases: each source raises, its answer closes (DOMAIN §7)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, insert, update

from desktop_app.domain import reminders as rules
from desktop_app.domain import vocabulary
from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.messages import message
from desktop_app.domain.periods import add_months, format_date
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import contacts, contracts, documents, housing, support, todos
from desktop_app.services.contracts import RateInput, ReviewCriteria
from desktop_app.services.households import MASK
from desktop_app.services.reminders import ReminderInfo, list_reminders
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
START = date(2025, 1, 1)
TODAY = date(2025, 6, 15)
RATE = RateInput(rent=40_000, charges=3_000)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Database
    actors: dict[str, Actor]
    programmes: dict[str, int] = field(default_factory=dict)
    residences: dict[str, int] = field(default_factory=dict)
    dwellings: dict[str, int] = field(default_factory=dict)
    persons: dict[str, int] = field(default_factory=dict)

    def user(self, login: str) -> int:
        user_id = self.actors[login].user_id
        assert user_id is not None
        return user_id

    def household(
        self,
        reference: str,
        programme: str,
        *,
        worker: str = "sw",
        permit: date | None = None,
        protected: bool = False,
        exit_date: date | None = None,
    ) -> int:
        """A household with its head (named after the reference) and a stay from START."""
        with self.database.begin_write() as c:
            household_id = add(
                c,
                m.Household,
                reference=reference,
                key_worker_id=self.user(worker),
                protected=protected,
            )
            person = add(
                c,
                m.Person,
                last_name=f"Nom{reference}",
                first_name="Awa",
                residence_permit_expiry=permit,
            )
            self.persons[reference] = person
            add(
                c,
                m.Membership,
                household_id=household_id,
                person_id=person,
                role="head",
                joined_on=START,
            )
            add(
                c,
                m.Stay,
                household_id=household_id,
                programme_id=self.programmes[programme],
                entry_date=START,
                exit_date=exit_date,
            )
        return household_id

    def contract(self, household_id: int, dwelling: str, kind: str, **kwargs: Any) -> int:
        info = contracts.create_contract(
            self.database,
            actor=SYSTEM_ACTOR,
            household_id=household_id,
            dwelling_id=self.dwellings[dwelling],
            kind=kind,
            start=kwargs.pop("start", START),
            rate=RATE,
            **kwargs,
        )
        return info.contract_id

    def set_permit(self, reference: str, expiry: date | None) -> None:
        with self.database.begin_write() as c:
            c.execute(
                update(m.Person)
                .where(m.Person.id == self.persons[reference])
                .values(residence_permit_expiry=expiry)
            )

    def set_go_live(self, day: date | None) -> None:
        with self.database.begin_write() as c:
            c.execute(
                update(m.Parameter)
                .where(m.Parameter.key == "go_live_date")
                .values(value=json.dumps(day.isoformat() if day else None))
            )

    def reminders(
        self, login: str = "coord", *, today: date = TODAY, **kwargs: Any
    ) -> list[ReminderInfo]:
        actor = SYSTEM_ACTOR if login == "system" else self.actors[login]
        return list_reminders(self.database, actor=actor, today=today, **kwargs)


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    db = workspace.database
    scene = Scene(db, {})
    grants: dict[str, Grant | None] = {
        "sw": Grant("social_worker"),
        "sw2": Grant("social_worker"),
        "gl": Grant("rental_manager"),
        "coord": Grant("coordinator"),
        "secretary": Grant("secretary"),
        "host": None,  # residence scoped below
        "volunteer": Grant("volunteer"),
    }
    ids: dict[str, int] = {}
    with db.begin_write() as c:
        for login in grants:
            ids[login] = add(c, m.UserAccount, login=login, display_name=login, created_at=NOW)
        for name, kind in (
            ("IML", "iml_sublease"),
            ("BG", "sliding_lease"),
            ("PF", "boarding_house"),
        ):
            scene.programmes[name] = add(c, m.Programme, name=name, kind=kind)
        scene.residences["Tilleuls"] = add(
            c, m.Residence, name="Tilleuls", programme_id=scene.programmes["PF"]
        )
        social = add(c, m.Landlord, name="Rhône Habitat Solidaire", kind="social")
        for reference, programme, residence in (
            ("IML-1", "IML", None),
            ("IML-2", "IML", None),
            ("BG-1", "BG", None),
            ("BG-2", "BG", None),
            ("PF-1", "PF", "Tilleuls"),
        ):
            scene.dwellings[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue du Test",
                commune="Lyon",
                programme_id=scene.programmes[programme],
                residence_id=scene.residences[residence] if residence else None,
                captured_on=date(2024, 1, 1),
                landlord_id=social if reference == "BG-1" else None,  # HLM: informs the préfet
            )
    grants["host"] = Grant("host", residence_id=scene.residences["Tilleuls"])
    scene.actors = {
        login: Actor(user_id=ids[login], login=login, grants=(grant,))
        for login, grant in grants.items()
        if grant is not None
    }
    yield scene
    workspace.close()


def due(reminders: list[ReminderInfo]) -> list[tuple[str, date, bool]]:
    return [(r.code, r.due, r.overdue) for r in reminders]


# ------------------------------------------------------------------ each source


def test_sliding_reminders_follow_the_contract_file_and_a_review_moves_them(
    scene: Scene,
) -> None:
    household = scene.household("M-1", "BG")
    cid = scene.contract(household, "BG-1", "sliding_sublease")
    found = scene.reminders(today=TODAY)
    assert due(found) == [
        ("sliding.landlord_bilan", date(2025, 4, 1), True),
        ("sliding.prefect_information", date(2025, 5, 1), True),
        ("sliding.review", date(2025, 7, 1), False),  # within 30 days; the deadline is not
    ]
    [file] = contracts.contract_file(
        scene.database, actor=SYSTEM_ACTOR, household_id=household, on=TODAY
    )
    assert file.plan is not None
    # The same rules as the contract file (not duplicated): only the horizon differs.
    assert [(r.code, r.due, r.overdue) for r in file.plan.reminders][:3] == due(found)
    first = found[0]
    assert first.text == message("sliding.landlord_bilan", due="01/04/2025")
    assert (first.record, first.record_id) == (rules.SLIDING_PLAN, file.plan.plan_id)
    assert (first.household_id, first.household_reference, first.head) == (
        household,
        "M-1",
        "NomM-1 Awa",
    )
    assert first.dwelling_reference == "BG-1"
    # GIVEN the review held, WHEN looking after it THEN the calendar moved six months on.
    contracts.record_review(
        scene.database,
        actor=SYSTEM_ACTOR,
        contract_id=cid,
        review_date=date(2025, 6, 20),
        participants=None,
        criteria=ReviewCriteria(rent_paid_regularly=True),
        opinion="favourable",
    )
    after = date(2025, 7, 2)
    assert scene.reminders(today=after) == []
    assert due(scene.reminders(today=after, horizon_days=rules.MAX_HORIZON_DAYS)) == [
        ("sliding.landlord_bilan", date(2025, 10, 1), False),
        ("sliding.prefect_information", date(2025, 11, 1), False),
        ("sliding.review", date(2026, 1, 1), False),
    ]


def test_sliding_reminders_end_with_the_plan(scene: Scene) -> None:
    household = scene.household("M-1", "BG")
    cid = scene.contract(household, "BG-2", "sliding_sublease")  # private landlord: no préfet
    assert [r.code for r in scene.reminders()] == ["sliding.landlord_bilan", "sliding.review"]
    contracts.fail(
        scene.database,
        actor=SYSTEM_ACTOR,
        contract_id=cid,
        on=TODAY,
        reason="household_not_ready",
    )
    assert scene.reminders() == []


def test_contract_renewal_closed_by_a_new_date_and_by_the_end(scene: Scene) -> None:
    household = scene.household("M-2", "IML")
    cid = scene.contract(household, "IML-1", "sublease", renewal_date=date(2025, 7, 1))
    [reminder] = scene.reminders()
    assert (reminder.code, reminder.due, reminder.overdue) == (
        rules.CONTRACT_RENEWAL,
        date(2025, 7, 1),
        False,
    )
    assert reminder.text == "Contrat du logement IML-1 à renouveler le 01/07/2025."
    assert (reminder.record, reminder.record_id, reminder.dwelling_reference) == (
        rules.CONTRACT,
        cid,
        "IML-1",
    )
    assert scene.reminders(horizon_days=10) == []  # beyond the horizon
    # A newer date answers it…
    contracts.set_renewal_date(
        scene.database, actor=SYSTEM_ACTOR, contract_id=cid, renewal_date=date(2026, 7, 1)
    )
    assert scene.reminders() == []
    # …a date gone by is overdue until something answers it…
    contracts.set_renewal_date(
        scene.database, actor=SYSTEM_ACTOR, contract_id=cid, renewal_date=date(2025, 5, 1)
    )
    assert due(scene.reminders()) == [(rules.CONTRACT_RENEWAL, date(2025, 5, 1), True)]
    # …and a transfer ends the contract: nothing left to renew.
    contracts.transfer(
        scene.database,
        actor=SYSTEM_ACTOR,
        contract_id=cid,
        new_dwelling_id=scene.dwellings["IML-2"],
        start=date(2025, 6, 1),
        rate=RATE,
    )
    assert scene.reminders() == []


def test_residence_permit_of_a_current_member_closed_by_a_newer_date(scene: Scene) -> None:
    scene.household("M-3", "IML", permit=date(2025, 6, 30))
    scene.household("M-4", "IML", permit=date(2025, 6, 20), exit_date=date(2025, 5, 31))
    [reminder] = scene.reminders()
    assert reminder.code == rules.RESIDENCE_PERMIT
    assert reminder.text == "Titre de séjour à renouveler : Awa NomM-3, expiration le 30/06/2025."
    assert (reminder.record, reminder.record_id) == (rules.PERSON, scene.persons["M-3"])
    assert reminder.dwelling_reference is None
    scene.set_permit("M-3", date(2026, 6, 30))  # the renewed permit
    assert scene.reminders() == []
    scene.set_permit("M-3", date(2024, 1, 31))  # expired long ago, never renewed: overdue
    assert due(scene.reminders()) == [(rules.RESIDENCE_PERMIT, date(2024, 1, 31), True)]


def test_insurance_expiry_closed_by_a_newer_certificate(scene: Scene) -> None:
    household = scene.household("M-6", "IML")
    scene.contract(household, "IML-1", "sublease")

    def certificate(dated_on: date, expires_on: date) -> int:
        return documents.add_document(
            scene.database,
            actor=SYSTEM_ACTOR,
            household_id=household,
            content=f"attestation {dated_on}".encode(),
            file_name="assurance.pdf",
            kind="insurance",
            title="Attestation d'assurance",
            dated_on=dated_on,
            expires_on=expires_on,
        ).document_id

    first = certificate(date(2024, 6, 20), date(2025, 6, 19))
    [reminder] = scene.reminders()
    assert (reminder.code, reminder.due, reminder.record, reminder.record_id) == (
        rules.INSURANCE,
        date(2025, 6, 19),
        rules.DOCUMENT,
        first,
    )
    assert reminder.text == (
        "Attestation d'assurance habitation expirant le 19/06/2025 : demander la nouvelle."
    )
    certificate(date(2025, 6, 18), date(2026, 6, 17))  # the new certificate answers it
    assert scene.reminders() == []


def test_residence_permit_of_a_member_who_left_is_quiet(scene: Scene) -> None:
    household = scene.household("M-5", "IML")
    with scene.database.begin_write() as c:
        person = add(
            c, m.Person, last_name="Parti", first_name="Ali", residence_permit_expiry=TODAY
        )
        add(
            c,
            m.Membership,
            household_id=household,
            person_id=person,
            role="partner",
            joined_on=START,
            left_on=date(2025, 5, 31),
        )
    assert scene.reminders() == []


def test_main_lease_end_then_notice_closed_by_a_new_lease_or_the_return(scene: Scene) -> None:
    gl = scene.actors["gl"]
    first = housing.add_main_lease(
        scene.database,
        actor=gl,
        dwelling_id=scene.dwellings["IML-1"],
        start=date(2022, 7, 1),
        end=date(2025, 6, 30),
        rent=50_000,
    )
    [reminder] = scene.reminders("gl")
    assert (reminder.code, reminder.due, reminder.record, reminder.record_id) == (
        rules.MAIN_LEASE_END,
        date(2025, 6, 30),
        rules.MAIN_LEASE,
        first.lease_id,
    )
    assert (reminder.household_id, reminder.head, reminder.dwelling_reference) == (
        None,
        None,
        "IML-1",
    )
    assert not reminder.in_caseload
    # A new lease answers it.
    housing.add_main_lease(
        scene.database,
        actor=gl,
        dwelling_id=scene.dwellings["IML-1"],
        start=date(2025, 7, 1),
        rent=52_000,
    )
    assert scene.reminders("gl") == []
    # Notice given on another dwelling: hand it back by the end; the return closes it.
    lease = housing.add_main_lease(
        scene.database, actor=gl, dwelling_id=scene.dwellings["IML-2"], start=START, rent=40_000
    )
    housing.end_main_lease(
        scene.database,
        actor=gl,
        lease_id=lease.lease_id,
        end=date(2025, 6, 10),
        notice_date=date(2025, 3, 10),
    )
    [notice] = scene.reminders("gl")
    assert (notice.code, notice.due, notice.overdue) == (
        rules.MAIN_LEASE_NOTICE,
        date(2025, 6, 10),
        True,
    )
    assert notice.text == (
        "Congé du bail principal du logement IML-2 donné le 10/03/2025 :"
        " logement à restituer le 10/06/2025."
    )
    housing.return_dwelling(
        scene.database,
        actor=gl,
        dwelling_id=scene.dwellings["IML-2"],
        returned_on=date(2025, 6, 10),
    )
    assert scene.reminders("gl") == []


def test_nothing_due_before_the_go_live_date(scene: Scene) -> None:
    scene.household("M-6", "IML", permit=date(2025, 5, 1))
    scene.household("M-7", "IML", permit=date(2025, 6, 5))
    household = scene.household("M-8", "BG")
    scene.contract(household, "BG-1", "sliding_sublease")
    everything = due(scene.reminders())
    assert (rules.RESIDENCE_PERMIT, date(2025, 5, 1), True) in everything
    assert ("sliding.landlord_bilan", date(2025, 4, 1), True) in everything
    scene.set_go_live(date(2025, 6, 1))
    assert due(scene.reminders()) == [
        (rules.RESIDENCE_PERMIT, date(2025, 6, 5), True),
        ("sliding.review", date(2025, 7, 1), False),
    ]


# ------------------------------------------------------------------ who sees what


def test_a_key_worker_sees_their_caseload_only(scene: Scene) -> None:
    mine = scene.household("M-10", "IML", permit=date(2025, 6, 20))
    theirs = scene.household("M-11", "IML", worker="sw2", permit=date(2025, 6, 21))
    housing.add_main_lease(
        scene.database,
        actor=scene.actors["gl"],
        dwelling_id=scene.dwellings["IML-1"],
        start=START,
        end=date(2025, 6, 30),
        rent=50_000,
    )
    assert [r.household_id for r in scene.reminders("sw")] == [mine]
    assert [r.household_id for r in scene.reminders("sw2")] == [theirs]
    assert all(r.in_caseload for r in scene.reminders("sw"))
    # The team: both households and the stock; none of them in the coordinator's caseload.
    team = scene.reminders("coord")
    assert [r.household_reference or r.dwelling_reference for r in team] == [
        "M-10",
        "M-11",
        "IML-1",
    ]
    assert not any(r.in_caseload for r in team)
    assert [r.household_id for r in scene.reminders("secretary")] == [mine, theirs, None]
    # A delegation lends the caseload; a co-key-worker shares it.
    lent = replace(scene.actors["sw2"], delegated_from=frozenset({scene.user("sw")}))
    assert {r.household_id for r in list_reminders(scene.database, actor=lent, today=TODAY)} == {
        mine,
        theirs,
    }
    with scene.database.begin_write() as c:
        c.execute(insert(m.HouseholdCoWorker).values(household_id=theirs, user_id=scene.user("sw")))
    assert [r.household_id for r in scene.reminders("sw")] == [mine, theirs]
    # One file asked by whoever may read it.
    assert [r.household_id for r in scene.reminders("sw2", household_id=mine)] == [mine]


def test_a_host_sees_their_residents(scene: Scene) -> None:
    resident = scene.household("M-12", "PF", worker="sw2", permit=date(2025, 6, 20))
    scene.contract(resident, "PF-1", "residence_agreement")
    other = scene.household("M-13", "IML", permit=date(2025, 6, 20))
    housing.add_main_lease(
        scene.database,
        actor=scene.actors["gl"],
        dwelling_id=scene.dwellings["PF-1"],
        start=START,
        end=date(2025, 7, 1),
        rent=50_000,
    )
    housing.add_main_lease(
        scene.database,
        actor=scene.actors["gl"],
        dwelling_id=scene.dwellings["IML-2"],
        start=START,
        end=date(2025, 7, 1),
        rent=50_000,
    )
    seen = scene.reminders("host")
    assert [r.household_reference or r.dwelling_reference for r in seen] == ["M-12", "PF-1"]
    with pytest.raises(RefusedError):
        scene.reminders("host", household_id=other)


def test_protected_file_names_hidden_outside_its_circle(scene: Scene) -> None:
    scene.household("M-14", "IML", permit=date(2025, 6, 20), protected=True)
    [outside] = scene.reminders("coord")
    assert outside.head == MASK
    assert outside.code == rules.RESIDENCE_PERMIT_MASKED
    assert "NomM-14" not in outside.text
    [inside] = scene.reminders("sw")
    assert inside.head == "NomM-14 Awa"
    assert inside.code == rules.RESIDENCE_PERMIT
    assert "Awa NomM-14" in inside.text


def test_refusals(scene: Scene) -> None:
    with pytest.raises(RefusedError):
        scene.reminders("volunteer")
    with pytest.raises(InvalidInput) as error:
        scene.reminders(horizon_days=-1)
    assert [issue.code for issue in error.value.issues] == [rules.HORIZON_INVALID]


def test_archived_household_raises_nothing(scene: Scene) -> None:
    household = scene.household("M-15", "IML", permit=date(2025, 6, 20))
    with scene.database.begin_write() as c:
        c.execute(update(m.Household).where(m.Household.id == household).values(archived_on=TODAY))
    assert scene.reminders("system") == []


# ------------------------------------------------------------------ cost


def _everything(scene: Scene, suffix: str, dwellings: tuple[str, str]) -> None:
    sliding, plain = dwellings
    household = scene.household(f"S-{suffix}", "BG", permit=date(2025, 6, 20))
    scene.contract(household, sliding, "sliding_sublease")
    other = scene.household(f"P-{suffix}", "IML", permit=date(2025, 6, 25), protected=True)
    scene.contract(other, plain, "sublease", renewal_date=date(2025, 7, 1))
    housing.add_main_lease(
        scene.database,
        actor=SYSTEM_ACTOR,
        dwelling_id=scene.dwellings[plain],
        start=START,
        end=date(2025, 7, 1),
        rent=50_000,
    )


@pytest.mark.parametrize("login", ["system", "coord", "sw", "host"])
def test_cost_does_not_grow_with_the_households(
    scene: Scene, count_statements: Callable[[Any], Any], login: str
) -> None:
    _everything(scene, "1", ("BG-1", "IML-1"))
    with count_statements(scene.database.engine) as one:
        few = scene.reminders(login)
    _everything(scene, "2", ("BG-2", "IML-2"))
    with count_statements(scene.database.engine) as two:
        more = scene.reminders(login)
    assert two.count == one.count
    if login in ("system", "coord"):
        assert len(more) > len(few) > 0  # BG-2's landlord is no HLM: one préfet reminder
        permits = {rules.RESIDENCE_PERMIT}
        if login == "coord":  # the protected file's person is not named to the team
            permits.add(rules.RESIDENCE_PERMIT_MASKED)
        assert {r.code for r in more} == {
            "sliding.landlord_bilan",
            "sliding.prefect_information",
            "sliding.review",
            rules.CONTRACT_RENEWAL,
            rules.MAIN_LEASE_END,
            *permits,
        }


def test_the_list_is_in_order(scene: Scene) -> None:
    _everything(scene, "1", ("BG-1", "IML-1"))
    found = scene.reminders("system")
    keys = [
        rules.sort_key(r.due, r.code, r.household_reference or r.dwelling_reference) for r in found
    ]
    assert keys == sorted(keys)
    assert format_date(found[0].due) == "01/04/2025"


# ------------------------------------------------------------------ the agenda (issue 8)


def _association(scene: Scene) -> None:
    """A review is printed on the association's letterhead."""
    with scene.database.begin_write() as c:
        add(c, m.Organisation, name="Association Toit Partagé", commune="Lyon", postcode="69003")


def _open_avdl(scene: Scene, household_id: int, **options: Any) -> support.MeasureDetail:
    """An AVDL measure from START, 6 months: review due 01/04/2025, planned end 30/06/2025."""
    values: dict[str, Any] = {
        "household_id": household_id,
        "programme_id": scene.programmes["IML"],
        "kind": "avdl_non_dalo",
        "start": START,
        "planned_months": 6,
        "worker_id": scene.user("sw"),
        "today": TODAY,
    }
    values.update(options)
    return support.open_measure(scene.database, actor=scene.actors["sw"], **values)


def _log(scene: Scene, household_id: int, kind: str, held_on: date, **options: Any) -> Any:
    return contacts.log_contact(
        scene.database,
        actor=scene.actors["sw"],
        household_id=household_id,
        kind=kind,
        held_on=held_on,
        today=TODAY,
        **options,
    )


def test_next_appointment_raised_then_closed_by_a_contact_with_the_household(
    scene: Scene,
) -> None:
    household = scene.household("A-1", "IML")
    contact = _log(scene, household, "office", date(2025, 6, 2), next_appointment_on=TODAY)
    [reminder] = scene.reminders("sw")
    assert (reminder.code, reminder.due, reminder.overdue) == (rules.APPOINTMENT, TODAY, False)
    assert reminder.text == "Rendez-vous du 15/06/2025, fixé lors du contact du 02/06/2025."
    assert (reminder.record, reminder.record_id, reminder.version) == (
        rules.CONTACT,
        contact.contact_id,
        contact.version,
    )
    assert (reminder.household_reference, reminder.worker, reminder.in_caseload) == (
        "A-1",
        "sw",
        True,
    )
    assert rules.kind_of(reminder.code) == rules.KIND_APPOINTMENT
    # The team sees it; who may not read the accompaniment does not.
    [team] = scene.reminders("coord")
    assert (team.code, team.in_caseload) == (rules.APPOINTMENT, False)
    assert scene.reminders("gl") == []
    assert scene.reminders("secretary") == []
    assert scene.reminders("sw2") == []
    # Work done without the household does not answer it; meeting the household does.
    _log(scene, household, "indirect", date(2025, 6, 10))
    assert [r.code for r in scene.reminders("sw")] == [rules.APPOINTMENT]
    assert due(scene.reminders("sw", today=date(2025, 6, 16))) == [(rules.APPOINTMENT, TODAY, True)]
    _log(scene, household, "phone", TODAY)
    assert scene.reminders("sw") == []


def test_reviews_to_write_then_to_send_then_gone(scene: Scene) -> None:
    _association(scene)
    household = scene.household("A-2", "IML")
    measure = _open_avdl(scene, household)
    found = scene.reminders("sw")
    assert due(found) == [
        (rules.REVIEW_DUE, date(2025, 4, 1), True),
        (rules.FINAL_REVIEW_DUE, date(2025, 6, 30), False),
        (rules.MEASURE_END, date(2025, 6, 30), False),
    ]
    assert found[0].text == (
        "Bilan intermédiaire à rédiger (AVDL – hors DALO), échéance le 01/04/2025."
    )
    assert (found[0].record, found[0].record_id) == (rules.MEASURE, measure.measure_id)
    assert {rules.kind_of(r.code) for r in found} == {rules.KIND_REVIEW, rules.KIND_MEASURE}
    # The review written: still to send to the funder.
    review = support.record_review(
        scene.database,
        actor=scene.actors["sw"],
        measure_id=measure.measure_id,
        kind="interim",
        period_start=START,
        period_end=date(2025, 3, 31),
        written_on=date(2025, 4, 10),
        due_on=date(2025, 4, 1),
        today=TODAY,
    )
    to_send = scene.reminders("sw")[0]
    assert (to_send.code, to_send.due, to_send.record, to_send.record_id) == (
        rules.REVIEW_TO_SEND,
        date(2025, 4, 1),
        rules.REVIEW,
        review.review_id,
    )
    assert to_send.text == (
        "Bilan rédigé le 10/04/2025 à envoyer au financeur (AVDL – hors DALO), "
        "échéance le 01/04/2025."
    )
    # Sent: gone. The same list as the Accompagnement tab's (not a second rule).
    support.mark_review_sent(
        scene.database,
        actor=scene.actors["sw"],
        review_id=review.review_id,
        version=review.version,
        sent_on=date(2025, 4, 12),
        today=TODAY,
    )
    assert [r.code for r in scene.reminders("sw")] == [rules.FINAL_REVIEW_DUE, rules.MEASURE_END]
    tab = support.reviews_due(scene.database, actor=scene.actors["sw"], on=TODAY)
    assert [(d.due_on, d.kind) for d in tab] == [(date(2025, 6, 30), "final")]
    # A rental manager does not see the measures.
    assert scene.reminders("gl") == []


def test_measure_end_moved_by_a_renewal_and_closed_by_the_end(scene: Scene) -> None:
    household = scene.household("A-3", "IML")
    measure = _open_avdl(scene, household, start=date(2025, 4, 1), planned_months=3)
    assert [(r.code, r.due) for r in scene.reminders("sw")] == [
        (rules.FINAL_REVIEW_DUE, date(2025, 6, 30)),
        (rules.MEASURE_END, date(2025, 6, 30)),
    ]
    end = scene.reminders("sw")[1]
    assert end.text == (
        "Fin prévue de la mesure AVDL – hors DALO le 30/06/2025 : renouveler ou terminer."
    )
    # A refused renewal leaves it: the measure is still to be ended.
    refused = support.renew_measure(
        scene.database,
        actor=scene.actors["sw"],
        measure_id=measure.measure_id,
        version=measure.version,
        decided_on=date(2025, 6, 10),
        months=3,
        decision="refused",
        today=TODAY,
    )
    assert rules.MEASURE_END in [r.code for r in scene.reminders("sw")]
    # A granted renewal moves the planned end beyond the horizon.
    renewed = support.renew_measure(
        scene.database,
        actor=scene.actors["sw"],
        measure_id=measure.measure_id,
        version=refused.version,
        decided_on=date(2025, 6, 12),
        months=3,
        today=TODAY,
    )
    assert [(r.code, r.due) for r in scene.reminders("sw")] == [
        (rules.REVIEW_DUE, date(2025, 7, 1))
    ]
    assert due(scene.reminders("sw", horizon_days=120))[-1] == (
        rules.MEASURE_END,
        date(2025, 9, 30),
        False,
    )
    # Ended: no end to plan any more (only its final review is left to write).
    support.end_measure(
        scene.database,
        actor=scene.actors["sw"],
        measure_id=measure.measure_id,
        version=renewed.version,
        end=date(2025, 6, 14),
        outcome="goals_met",
        destination="social_housing",
        today=TODAY,
    )
    assert [(r.code, r.due) for r in scene.reminders("sw", horizon_days=120)] == [
        (rules.FINAL_REVIEW_DUE, date(2025, 6, 14))
    ]


def test_a_diagnostic_is_to_conclude_without_review(scene: Scene) -> None:
    household = scene.household("A-4", "IML")
    diagnostic = _open_avdl(
        scene, household, kind="diagnostic", start=date(2025, 5, 2), planned_months=1
    )
    [reminder] = scene.reminders("sw")
    assert (reminder.code, reminder.due, reminder.overdue) == (
        rules.DIAGNOSTIC_END,
        date(2025, 6, 1),
        True,
    )
    assert reminder.text == "Diagnostic à conclure : fin prévue le 01/06/2025."
    support.end_measure(
        scene.database,
        actor=scene.actors["sw"],
        measure_id=diagnostic.measure_id,
        version=diagnostic.version,
        end=date(2025, 6, 3),
        conclusion=vocabulary.DIAGNOSTIC_CONCLUSION.codes[0],
        today=TODAY,
    )
    assert scene.reminders("sw") == []


def test_todos_listed_for_whom_they_are_until_done(scene: Scene) -> None:
    household = scene.household("A-5", "IML")
    sw, coord = scene.actors["sw"], scene.actors["coord"]
    mine = todos.add_todo(
        scene.database,
        actor=sw,
        household_id=household,
        due_on=date(2025, 6, 20),
        text="Rappeler le CCAS",
        today=TODAY,
    )
    personal = todos.add_todo(
        scene.database, actor=sw, due_on=date(2025, 6, 1), text="Préparer la réunion", today=TODAY
    )
    # Assigned by the coordinator to a colleague outside the household's caseload.
    lent = todos.add_todo(
        scene.database,
        actor=coord,
        household_id=household,
        due_on=date(2025, 6, 18),
        text="Accompagner Mme à la CAF",
        assigned_to=scene.user("sw2"),
        today=TODAY,
    )
    assert scene.reminders("sw") == []  # the home panel does not list to-dos
    found = scene.reminders("sw", todos=True)
    assert [(r.text, r.due, r.overdue, r.in_caseload) for r in found] == [
        ("Préparer la réunion", date(2025, 6, 1), True, True),
        ("Accompagner Mme à la CAF", date(2025, 6, 18), False, False),  # sw2's work
        ("Rappeler le CCAS", date(2025, 6, 20), False, True),
    ]
    assert (found[0].household_id, found[0].record, found[0].record_id) == (
        None,
        rules.TODO_RECORD,
        personal.todo_id,
    )
    assert (found[1].worker, found[1].household_reference) == ("sw2", "A-5")
    assert {rules.kind_of(r.code) for r in found} == {rules.KIND_TODO}
    # sw2 sees what is assigned to them, though the household is not in their caseload.
    [theirs] = scene.reminders("sw2", todos=True)
    assert (theirs.record_id, theirs.in_caseload) == (lent.todo_id, True)
    # The team sees the household's to-dos, not sw's personal one.
    assert [r.record_id for r in scene.reminders("coord", todos=True)] == [
        lent.todo_id,
        mine.todo_id,
    ]
    # One file: every to-do of the household, whoever holds it.
    assert [r.record_id for r in scene.reminders("sw", household_id=household, todos=True)] == [
        lent.todo_id,
        mine.todo_id,
    ]
    # Done: gone.
    todos.complete_todo(
        scene.database, actor=sw, todo_id=mine.todo_id, version=mine.version, today=TODAY
    )
    todos.complete_todo(
        scene.database, actor=sw, todo_id=personal.todo_id, version=personal.version, today=TODAY
    )
    assert [r.record_id for r in scene.reminders("sw", todos=True)] == [lent.todo_id]


def test_the_agenda_is_quiet_before_the_go_live_date(scene: Scene) -> None:
    _association(scene)
    household = scene.household("A-6", "IML")
    _log(scene, household, "office", date(2025, 5, 2), next_appointment_on=date(2025, 5, 20))
    _open_avdl(scene, household, start=date(2024, 10, 1))  # review 01/01, end 31/03
    _open_avdl(scene, household, kind="diagnostic", start=date(2025, 4, 2), planned_months=1)
    todos.add_todo(
        scene.database,
        actor=scene.actors["sw"],
        household_id=household,
        due_on=date(2025, 5, 30),
        text="Dossier FSL",
        today=TODAY,
    )
    assert {r.code for r in scene.reminders("sw", todos=True)} == {
        rules.APPOINTMENT,
        rules.REVIEW_DUE,
        rules.FINAL_REVIEW_DUE,
        rules.MEASURE_END,
        rules.DIAGNOSTIC_END,
        rules.TODO,
    }
    scene.set_go_live(date(2025, 6, 1))
    assert scene.reminders("sw", todos=True) == []
    # What falls on or after the go-live date is raised again.
    todos.add_todo(
        scene.database,
        actor=scene.actors["sw"],
        household_id=household,
        due_on=date(2025, 6, 1),
        text="Appeler le bailleur",
        today=TODAY,
    )
    assert [r.text for r in scene.reminders("sw", todos=True)] == ["Appeler le bailleur"]


def test_a_host_sees_the_accompaniment_of_their_residents_only(scene: Scene) -> None:
    resident = scene.household("A-7", "PF")
    scene.contract(resident, "PF-1", "residence_agreement")
    other = scene.household("A-8", "IML")
    for household in (resident, other):
        _log(scene, household, "office", date(2025, 6, 2), next_appointment_on=TODAY)
    assert [r.household_reference for r in scene.reminders("host")] == ["A-7"]
    assert [r.household_reference for r in scene.reminders("coord")] == ["A-7", "A-8"]


def _accompaniment(scene: Scene, reference: str) -> None:
    household = scene.household(reference, "IML")
    _log(scene, household, "office", date(2025, 6, 2), next_appointment_on=TODAY)
    _open_avdl(scene, household)
    todos.add_todo(
        scene.database,
        actor=scene.actors["sw"],
        household_id=household,
        due_on=TODAY,
        text="Dossier FSL",
        today=TODAY,
    )
    todos.add_todo(scene.database, actor=scene.actors["sw"], due_on=TODAY, text="Perso")


@pytest.mark.parametrize("login", ["system", "coord", "sw"])
def test_the_agenda_costs_the_same_whatever_the_households(
    scene: Scene, count_statements: Callable[[Any], Any], login: str
) -> None:
    _accompaniment(scene, "C-1")
    with count_statements(scene.database.engine) as one:
        few = scene.reminders(login, todos=True)
    _accompaniment(scene, "C-2")
    with count_statements(scene.database.engine) as two:
        more = scene.reminders(login, todos=True)
    assert two.count == one.count
    assert len(more) > len(few) > 0


# ------------------------------------------------------------------ admissions and rehousing


def _candidature(scene: Scene, household_id: int, oriented_on: date, **values: Any) -> int:
    with scene.database.begin_write() as c:
        return add(
            c,
            m.Candidature,
            household_id=household_id,
            programme_id=scene.programmes["IML"],
            oriented_on=oriented_on,
            dalo_status="non_dalo",
            created_at=NOW,
            **values,
        )


def _admissions(reminders: list[ReminderInfo]) -> list[tuple[str, date, bool]]:
    kinds = (rules.KIND_ADMISSION, rules.KIND_REHOUSING)
    return [item for item in due(reminders) if rules.kind_of(item[0]) in kinds]


def test_an_siao_orientation_is_answered_within_the_delay(scene: Scene) -> None:
    household = scene.household("M-20", "IML")
    siao = _candidature(scene, household, TODAY - timedelta(days=20), referrer="siao")
    # the SI-SIAO number alone makes it an orientation to answer too
    numbered = _candidature(scene, household, TODAY, siao_reference="SIAO-69-0042")
    _candidature(scene, household, TODAY, referrer="ccas")  # another request: no SIAO to answer
    assert _admissions(scene.reminders()) == [
        (rules.SIAO_ANSWER, TODAY - timedelta(days=5), True),  # 20 days ago + 15 days
        (rules.SIAO_ANSWER, TODAY + timedelta(days=15), False),
    ]
    [first] = [r for r in scene.reminders() if r.record_id == siao]
    assert first.text == message(
        rules.SIAO_ANSWER,
        oriented=format_date(TODAY - timedelta(days=20)),
        programme="IML",
        due=format_date(TODAY - timedelta(days=5)),
    )
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Candidature)
            .where(m.Candidature.id == siao)
            .values(decision="refused_structure", decided_on=TODAY, refusal_reason="other")
        )
        c.execute(
            update(m.Candidature).where(m.Candidature.id == numbered).values(siao_answered_on=TODAY)
        )
    assert _admissions(scene.reminders()) == []


def test_application_renewal_and_the_prefects_dalo_limit(scene: Scene) -> None:
    household = scene.household("M-21", "IML")
    decision = TODAY - timedelta(days=100)
    with scene.database.begin_write() as c:
        application = add(
            c,
            m.HousingApplication,
            household_id=household,
            number="069012500000001",
            filed_on=date(2024, 7, 1),
            renewal_due_on=TODAY + timedelta(days=20),
            comed_decision_on=decision,
            dalo_recognised=True,
        )
    limit = add_months(decision, 3)  # outside Île-de-France (no postcode): 3 months
    assert _admissions(scene.reminders()) == sorted(
        [
            (rules.DALO_LIMIT, limit, limit < TODAY),
            (rules.APPLICATION_RENEWAL, TODAY + timedelta(days=20), False),
        ],
        key=lambda item: item[1],
    )
    # the secretariat and rental management read admissions (DOMAIN §1)
    assert len(_admissions(scene.reminders("secretary"))) == 2
    assert len(_admissions(scene.reminders("gl"))) == 2
    # a renewal moves the lapse date beyond the horizon; a rehousing ends the préfet's limit
    with scene.database.begin_write() as c:
        c.execute(
            update(m.HousingApplication)
            .where(m.HousingApplication.id == application)
            .values(renewed_on=TODAY, renewal_due_on=add_months(TODAY, 12))
        )
        add(
            c,
            m.Rehousing,
            household_id=household,
            signed_on=TODAY,
            landlord="Grand Lyon Habitat",
            sector="social",
            destination="social_housing",
            created_at=NOW,
        )
    assert _admissions(scene.reminders()) == []
