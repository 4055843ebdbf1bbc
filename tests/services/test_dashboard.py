"""The Tableau de bord over a small real association, every number computed by hand."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from desktop_app.domain import reminders as rules
from desktop_app.domain.periods import Period, add_months
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services.charges import generate_month
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.dashboard import (
    ENTRY,
    EXIT,
    Dashboard,
    DashboardRow,
    dashboard,
    parts_for,
    quarter_of,
)
from desktop_app.services.households import MASK
from desktop_app.services.ledger import post_entry
from desktop_app.services.system import Workspace, open_workspace
from tests.services.support_builders import add

pytestmark = pytest.mark.db

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
RATE = RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True)


@dataclass
class Association:
    """The database, the ids of what was inserted and one actor per login."""

    workspace: Workspace
    ids: dict[str, int] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)

    @property
    def database(self) -> Database:
        return self.workspace.database


def _household(c, ids, key, reference, members, *, worker=None, protected=False) -> None:
    ids[key] = add(c, m.Household, reference=reference, key_worker_id=worker, protected=protected)
    for last, first, born, role in members:
        person = add(c, m.Person, last_name=last, first_name=first, birth_date=born, sex="unknown")
        add(
            c,
            m.Membership,
            household_id=ids[key],
            person_id=person,
            role=role,
            joined_on=date(2025, 1, 1),
        )


def build_association(target: DatabaseTarget) -> Association:
    """An IML programme, a pension de famille, an AVDL programme and eight households.

    IML Lyon: IML-01 (1 lot, 3 places) houses M-A (4 persons, a visiting child aside);
    IML-02 (2 lots, 4 places) M-B (1) and M-C (2); IML-03 in a neutralised vacancy; IML-04
    empty; IML-05 returned in June; IML-06 captured in December. Pension Les Tilleuls: three
    rooms, four places; M-D and M-E (protected, followed by sw2) in two rooms. M-A pays nothing
    from July (example A of DOMAIN §4: CCAPEX, 900 €), M-B nothing in November (alert, 180 €).
    """
    workspace = open_workspace(target)
    scene = Association(workspace)
    ids = scene.ids
    db = workspace.database
    with db.begin_write() as c:
        for login in ("coord", "sw", "sw2", "host"):
            ids[login] = add(c, m.UserAccount, login=login, display_name=login, created_at=NOW)
        ids["iml"] = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        ids["pension"] = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
        ids["avdl"] = add(c, m.Programme, name="AVDL Rhône", kind="avdl")
        ids["tilleuls"] = add(c, m.Residence, name="Les Tilleuls", programme_id=ids["pension"])
        add(
            c,
            m.ResidencePlaces,
            residence_id=ids["tilleuls"],
            valid_from=date(2025, 1, 1),
            places=4,
        )
        add(
            c,
            m.ResidencePlaces,
            residence_id=ids["tilleuls"],
            valid_from=date(2027, 1, 1),
            places=6,
        )
        for reference, lots, places, captured, returned in (
            ("IML-01", 1, 3, date(2025, 1, 1), None),
            ("IML-02", 2, 4, date(2025, 1, 1), None),
            ("IML-03", 1, 2, date(2025, 1, 1), None),
            ("IML-04", 1, 2, date(2025, 1, 1), None),
            ("IML-05", 1, 2, date(2025, 1, 1), date(2026, 6, 30)),
            ("IML-06", 1, 2, date(2026, 12, 1), None),
        ):
            ids[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue de la Paix",
                commune="Lyon",
                programme_id=ids["iml"],
                lots=lots,
                places=places,
                captured_on=captured,
                returned_on=returned,
            )
        for reference in ("TIL-01", "TIL-02", "TIL-03"):
            ids[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="4 impasse des Tilleuls",
                commune="Villeurbanne",
                programme_id=ids["pension"],
                residence_id=ids["tilleuls"],
                captured_on=date(2025, 1, 1),
            )
        add(
            c,
            m.VacancyPeriod,
            dwelling_id=ids["IML-03"],
            start_date=date(2026, 9, 1),
            reason="works",
            neutralised=True,
        )
        add(
            c,
            m.VacancyPeriod,
            dwelling_id=ids["IML-04"],
            start_date=date(2026, 8, 1),
            reason="awaiting_orientation",
            neutralised=False,
        )
        _household(
            c,
            ids,
            "a",
            "M-A",
            [
                ("Diallo", "Awa", date(1988, 4, 12), "head"),
                ("Diallo", "Issa", date(1985, 2, 2), "partner"),
                ("Diallo", "Moussa", date(2015, 9, 3), "child"),
                ("Diallo", "Fanta", date(2018, 5, 6), "child"),
                ("Diallo", "Lina", date(2012, 1, 1), "visiting_child"),
            ],
            worker=ids["sw"],
        )
        _household(c, ids, "b", "M-B", [("Martin", "Jean", date(1970, 1, 20), "head")])
        _household(
            c,
            ids,
            "c",
            "M-C",
            [("Keita", "Sira", date(1990, 3, 3), "head"), ("Keita", "Ali", None, "child")],
        )
        _household(c, ids, "d", "M-D", [("Petit", "Luc", date(1960, 6, 6), "head")])
        _household(
            c,
            ids,
            "e",
            "M-E",
            [("Roux", "Marie", date(1975, 7, 7), "head")],
            worker=ids["sw2"],
            protected=True,
        )
        _household(
            c, ids, "f", "M-F", [("Benali", "Karim", date(1980, 8, 8), "head")], worker=ids["sw"]
        )
        _household(c, ids, "g", "M-G", [("Girard", "Paul", date(1995, 9, 9), "head")])
        _household(c, ids, "h", "M-H", [("Blanc", "Jeanne", date(1965, 5, 5), "head")])
        for key, programme, entry, exit_on in (
            ("a", "iml", date(2026, 6, 1), None),
            ("b", "iml", date(2026, 11, 1), None),
            ("c", "iml", date(2026, 10, 5), None),
            ("d", "pension", date(2025, 3, 1), None),
            ("e", "pension", date(2026, 10, 12), None),
            ("g", "pension", date(2026, 9, 1), date(2026, 11, 3)),
            ("h", "iml", date(2025, 2, 1), date(2026, 10, 31)),
        ):
            add(
                c,
                m.Stay,
                household_id=ids[key],
                programme_id=ids[programme],
                entry_date=entry,
                exit_date=exit_on,
                destination=None if exit_on is None else "social_housing",
                exit_reason=None if exit_on is None else "project_achieved",
            )
        # Follow-up: F's AVDL measure ends on 30/11 (its 01/09 review is late); A's renewed
        # measure ends in 2027, its July review is written but not sent, October's not written;
        # E's diagnostic should have been concluded on 31/10.
        for key, kind, start, months in (
            ("f", "avdl_non_dalo", date(2026, 6, 1), 6),
            ("a", "avdl_non_dalo", date(2026, 1, 10), 6),
            ("e", "diagnostic", date(2026, 10, 1), 1),
        ):
            ids[f"measure_{key}"] = add(
                c,
                m.SupportMeasure,
                household_id=ids[key],
                programme_id=ids["avdl"],
                kind=kind,
                start_date=start,
                planned_months=months,
                created_at=NOW,
            )
        add(
            c,
            m.MeasureRenewal,
            measure_id=ids["measure_a"],
            decided_on=date(2026, 7, 1),
            months=6,
            decision="granted",
        )
        for due, sent in ((date(2026, 4, 10), date(2026, 4, 20)), (date(2026, 7, 10), None)):
            add(
                c,
                m.SupportReview,
                measure_id=ids["measure_a"],
                kind="interim",
                period_start=date(2026, 1, 10),
                period_end=due,
                due_on=due,
                written_on=due,
                sent_on=sent,
                created_at=NOW,
            )
        for key, programme, oriented, decision in (
            ("g", "iml", date(2026, 9, 1), None),
            ("f", "iml", date(2026, 10, 1), None),
            ("b", "iml", date(2026, 9, 15), "admitted"),
            ("g", "pension", date(2026, 11, 2), None),
        ):
            add(
                c,
                m.Candidature,
                household_id=ids[key],
                programme_id=ids[programme],
                residence_id=ids["tilleuls"] if programme == "pension" else None,
                oriented_on=oriented,
                decision=decision,
                decided_on=None if decision is None else date(2026, 10, 20),
                created_at=NOW,
            )
    contract_a, _ = (
        create_contract(
            db,
            actor=SYSTEM_ACTOR,
            household_id=ids[key],
            dwelling_id=ids[dwelling],
            kind="sublease",
            start=start,
            rate=RATE,
        ).contract_id
        for key, dwelling, start in (
            ("a", "IML-01", date(2026, 6, 1)),
            ("b", "IML-02", date(2026, 11, 1)),
        )
    )
    month = date(2026, 6, 1)
    while month <= date(2026, 11, 1):
        generate_month(db, actor=SYSTEM_ACTOR, month=month, today=TODAY)
        paid_on = add_months(month, 1).replace(day=10)
        if paid_on <= TODAY:
            post_entry(
                db,
                actor=SYSTEM_ACTOR,
                contract_id=contract_a,
                kind="housing_benefit",
                amount=26_000,
                posted_on=paid_on,
                period_month=month,
                payer="CAF",
                today=TODAY,
            )
        month = add_months(month, 1)
    post_entry(
        db,
        actor=SYSTEM_ACTOR,
        contract_id=contract_a,
        kind="household_payment",
        amount=18_000,
        posted_on=date(2026, 6, 8),
        today=TODAY,
    )
    with db.begin_write() as c:  # contracts without a ledger, after the charges were generated
        for key, dwelling, start in (
            ("c", "IML-02", date(2026, 10, 5)),
            ("d", "TIL-01", date(2025, 3, 1)),
            ("e", "TIL-02", date(2026, 10, 12)),
        ):
            add(
                c,
                m.OccupancyContract,
                household_id=ids[key],
                dwelling_id=ids[dwelling],
                kind="sublease" if key == "c" else "residence_agreement",
                start_date=start,
            )
    grants = {
        "coord": Grant("coordinator"),
        "sw": Grant("social_worker"),
        "sw2": Grant("social_worker"),
        "host": Grant("host", residence_id=ids["tilleuls"]),
    }
    scene.actors = {
        login: Actor(user_id=ids[login], login=login, grants=(grant,))
        for login, grant in grants.items()
    }
    return scene


@pytest.fixture
def association(database_target: DatabaseTarget) -> Iterator[Association]:
    scene = build_association(database_target)
    yield scene
    scene.workspace.close()


def read(scene: Association, login: str) -> Dashboard:
    return dashboard(scene.database, actor=scene.actors[login], today=TODAY)


def refs(rows: tuple[DashboardRow, ...]) -> list[str]:
    return [row.household_reference for row in rows]


def test_occupancy_by_programme_today(association: Association) -> None:
    board = read(association, "coord")
    assert board.occupancy is not None
    iml, pension = board.occupancy  # AVDL Rhône has no dwelling: no line
    assert (iml.programme, pension.programme) == ("IML Lyon", "Pension Les Tilleuls")
    # Lots: IML-01 1 + IML-02 2 + IML-04 1 available (IML-03 neutralised, 05 returned, 06
    # not captured yet); occupied: M-A 1 + M-B and M-C 2.
    assert (iml.lots_occupied, iml.lots_available) == (3, 4)
    assert iml.lot_rate == Decimal("75.0")
    # Places: 3 + 4 + 2; persons: M-A 4 capped at 3, M-B 1 + M-C 2 = 3.
    assert (iml.places_occupied, iml.places) == (6, 9)
    assert iml.place_rate == Decimal("66.7")
    assert [(r.household_reference, r.dwelling) for r in iml.rows] == [
        ("M-A", "IML-01"),
        ("M-B", "IML-02"),
        ("M-C", "IML-02"),
    ]
    # The pension: 2 rooms of 3 taken; 2 persons for the residence's 4 places (6 in 2027).
    assert (pension.lots_occupied, pension.lots_available) == (2, 3)
    assert (pension.places_occupied, pension.places) == (2, 4)
    assert (pension.lot_rate, pension.place_rate) == (Decimal("66.7"), Decimal("50.0"))
    assert refs(pension.rows) == ["M-D", "M-E"]
    # M-E is a protected file: its head is hidden outside its circle.
    assert [row.head for row in pension.rows] == ["Petit Luc", MASK]


def test_arrears_by_level_with_the_debt(association: Association) -> None:
    board = read(association, "coord")
    assert board.arrears is not None
    summary = [(level.level, level.households, level.debt) for level in board.arrears]
    assert summary == [
        ("ccapex", 1, 90_000),  # July to November, 180 € each
        ("caf_threshold", 0, 0),
        ("alert", 1, 18_000),  # November's share
        ("first_default", 0, 0),
    ]
    assert board.debt == 108_000
    [row] = board.arrears[0].rows
    assert (row.household_reference, row.head, row.dwelling, row.amount, row.code) == (
        "M-A",
        "Diallo Awa",
        "IML-01",
        90_000,
        "ccapex",
    )
    assert row.day == date(2026, 7, 15)  # first day of the episode (grace of 10 days)


def test_a_social_worker_sees_levels_without_amounts(association: Association) -> None:
    board = read(association, "sw")
    assert board.arrears is not None
    assert not board.amounts_visible
    assert [(level.households, level.debt) for level in board.arrears] == [
        (1, None),
        (0, None),
        (1, None),
        (0, None),
    ]
    assert board.debt is None
    assert {row.amount for level in board.arrears for row in level.rows} == {None}


def test_measures_ending_and_overdue_reviews(association: Association) -> None:
    board = read(association, "coord")
    assert board.measures_ending is not None
    assert board.overdue_reviews is not None
    assert [(r.household_reference, r.code, r.day) for r in board.measures_ending] == [
        ("M-E", "diagnostic", date(2026, 10, 31)),  # late: still to conclude
        ("M-F", "avdl_non_dalo", date(2026, 11, 30)),  # within 30 days
    ]  # M-A's renewed measure ends on 09/01/2027: not yet
    assert [(r.household_reference, r.code, r.day) for r in board.overdue_reviews] == [
        ("M-A", rules.REVIEW_TO_SEND, date(2026, 7, 10)),
        ("M-F", rules.REVIEW_DUE, date(2026, 9, 1)),
        ("M-A", rules.REVIEW_DUE, date(2026, 10, 10)),
    ]
    assert board.measures_ending[0].head == MASK
    assert {r.programme for r in board.overdue_reviews} == {"AVDL Rhône"}


def test_a_social_worker_follows_their_caseload_only(association: Association) -> None:
    board = read(association, "sw")
    assert board.measures_ending is not None
    assert board.overdue_reviews is not None
    assert refs(board.measures_ending) == ["M-F"]
    assert refs(board.overdue_reviews) == ["M-A", "M-F", "M-A"]
    other = read(association, "sw2")  # M-E's key worker sees its head's name
    assert other.measures_ending is not None
    assert [(r.household_reference, r.head) for r in other.measures_ending] == [
        ("M-E", "Roux Marie")
    ]


def test_candidatures_waiting_by_programme(association: Association) -> None:
    board = read(association, "coord")
    assert board.waiting is not None
    assert [(w.programme, w.count, refs(w.rows)) for w in board.waiting] == [
        ("IML Lyon", 2, ["M-G", "M-F"]),  # oldest orientation first; M-B was admitted
        ("Pension Les Tilleuls", 1, ["M-G"]),
    ]
    assert board.waiting[0].rows[0].day == date(2026, 9, 1)


def test_entries_and_exits_of_the_quarter_by_month(association: Association) -> None:
    board = read(association, "coord")
    assert board.quarter == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert board.movements is not None
    assert [(m.month.start.month, m.entries, m.exits) for m in board.movements] == [
        (10, 2, 1),  # M-C and M-E in, M-H out on 31/10
        (11, 1, 1),  # M-B in, M-G out
        (12, 0, 0),
    ]
    october = board.movements[0]
    assert [(r.household_reference, r.code, r.day) for r in october.rows] == [
        ("M-C", ENTRY, date(2026, 10, 5)),
        ("M-E", ENTRY, date(2026, 10, 12)),
        ("M-H", EXIT, date(2026, 10, 31)),
    ]


def test_a_host_sees_their_house_only(association: Association) -> None:
    board = read(association, "host")
    assert board.occupancy is not None
    assert [line.programme for line in board.occupancy] == ["Pension Les Tilleuls"]
    assert board.arrears is not None
    assert sum(level.households for level in board.arrears) == 0  # the residents owe nothing
    assert board.waiting is not None
    assert [(w.programme, w.count) for w in board.waiting] == [("Pension Les Tilleuls", 1)]
    assert board.movements is not None
    assert [(m.entries, m.exits) for m in board.movements] == [(1, 0), (0, 0), (0, 0)]
    assert board.measures_ending is not None  # the residents' measures: M-E's diagnostic
    assert [(r.household_reference, r.head) for r in board.measures_ending] == [("M-E", MASK)]
    assert board.overdue_reviews == ()


def test_parts_follow_the_rights(association: Association) -> None:
    volunteer = Actor(user_id=None, login="v", grants=(Grant("volunteer"),))
    assert parts_for(volunteer) == ()
    board = dashboard(association.database, actor=volunteer, today=TODAY)
    assert (board.occupancy, board.arrears, board.waiting, board.movements) == (
        None,
        None,
        None,
        None,
    )
    assert board.measures_ending is None
    secretary = Actor(user_id=None, login="s", grants=(Grant("secretary"),))
    assert parts_for(secretary) == ("occupancy", "waiting", "movements")
    assert quarter_of(date(2026, 2, 28)) == Period(date(2026, 1, 1), date(2026, 3, 31))


def test_a_fixed_number_of_statements(association: Association, count_statements) -> None:
    with count_statements(association.database.engine) as counter:
        read(association, "coord")
    first = counter.count
    with association.database.begin_write() as c:  # one more household in arrears-free flat
        household = add(c, m.Household, reference="M-Z")
        add(
            c,
            m.OccupancyContract,
            household_id=household,
            dwelling_id=association.ids["IML-04"],
            kind="sublease",
            start_date=date(2026, 11, 2),
        )
    with count_statements(association.database.engine) as counter:
        board = read(association, "coord")
    assert counter.count == first
    assert board.occupancy is not None
    assert board.occupancy[0].lots_occupied == 4
