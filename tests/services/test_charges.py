"""Monthly charge generation, the catch-up and the daily work, on real databases (DOMAIN §3.2)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.domain import charges as rules
from desktop_app.domain.charges import ContractSchedule, RateSpan
from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.messages import MESSAGES
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import charges as svc
from desktop_app.services import contracts, ledger
from desktop_app.services.contracts import RateInput
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 27)
RATE = RateInput(rent=40_000, charges=4_000)
PENSION_RATE = RateInput(
    rent=35_000, charges=3_000, mandatory_services=2_000, optional_services=1_500
)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass(frozen=True)
class Entry:
    posted_on: date
    period_month: date | None
    kind: str
    nature: str | None
    amount: int
    generated: bool
    created_by: int | None


@dataclass
class Scene:
    database: Database
    actors: dict[str, Actor]
    programmes: dict[str, int] = field(default_factory=dict)
    residences: dict[str, int] = field(default_factory=dict)
    dwellings: dict[str, int] = field(default_factory=dict)

    def dwelling(self, reference: str, programme: str = "IML") -> int:
        with self.database.begin_write() as c:
            self.dwellings[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue du Test",
                commune="Lyon",
                programme_id=self.programmes[programme],
                residence_id=self.residences["Tilleuls"] if programme == "PENSION" else None,
                captured_on=date(2015, 1, 1),
            )
        return self.dwellings[reference]

    def contract(
        self,
        reference: str,
        *,
        start: date,
        rate: RateInput = RATE,
        end: date | None = None,
        programme: str = "IML",
    ) -> int:
        """A household ``reference`` with its own dwelling ``D-reference`` and a contract."""
        with self.database.begin_write() as c:
            household_id = add(c, m.Household, reference=reference)
        dwelling_id = self.dwelling(f"D-{reference}", programme)
        kind = "residence_agreement" if programme == "PENSION" else "sublease"
        info = contracts.create_contract(
            self.database,
            actor=SYSTEM_ACTOR,
            household_id=household_id,
            dwelling_id=dwelling_id,
            kind=kind,
            start=start,
            rate=rate,
            end=end,
        )
        return info.contract_id

    def set_go_live(self, day: date | None) -> None:
        with self.database.begin_write() as c:
            c.execute(
                update(m.Parameter)
                .where(m.Parameter.key == "go_live_date")
                .values(value=json.dumps(day.isoformat() if day else None))
            )

    def generate(self, month: date, *, login: str = "gl", today: date = TODAY) -> Any:
        return svc.generate_month(self.database, actor=self.actors[login], month=month, today=today)

    def catch_up(self, *, login: str = "gl", today: date = TODAY) -> list[svc.GenerationReport]:
        return svc.catch_up(self.database, actor=self.actors[login], today=today)

    def entries(self, contract_id: int) -> list[Entry]:
        def read(session: Session) -> list[Entry]:
            rows = session.scalars(
                select(m.LedgerEntry)
                .where(m.LedgerEntry.contract_id == contract_id)
                .order_by(m.LedgerEntry.period_month, m.LedgerEntry.id)
            )
            return [
                Entry(
                    row.posted_on,
                    row.period_month,
                    row.kind,
                    row.nature,
                    row.amount,
                    row.generated,
                    row.created_by,
                )
                for row in rows
            ]

        result: list[Entry] = self.database.run_read(read)
        return result

    def month_parts(self, contract_id: int, month: date) -> dict[str, int]:
        return {
            entry.nature or "": entry.amount
            for entry in self.entries(contract_id)
            if entry.period_month == month
        }

    def count_entries(self) -> int:
        def read(session: Session) -> int:
            return len(session.scalars(select(m.LedgerEntry.id)).all())

        result: int = self.database.run_read(read)
        return result

    def charge_events(self) -> list[int | None]:
        def read(session: Session) -> list[int | None]:
            return list(
                session.scalars(
                    select(m.AuditEvent.count)
                    .where(m.AuditEvent.entity == "ledger_entry")
                    .order_by(m.AuditEvent.id)
                )
            )

        result: list[int | None] = self.database.run_read(read)
        return result

    def user_id(self, login: str) -> int:
        user_id = self.actors[login].user_id
        assert user_id is not None
        return user_id


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    db = workspace.database
    scene = Scene(db, {})
    ids: dict[str, int] = {}
    with db.begin_write() as c:
        for login in ("gl", "gl_pension", "sw", "coord"):
            ids[login] = add(c, m.UserAccount, login=login, display_name=login, created_at=NOW)
        scene.programmes["IML"] = add(c, m.Programme, name="IML", kind="iml_sublease")
        scene.programmes["PENSION"] = add(c, m.Programme, name="PENSION", kind="boarding_house")
        scene.residences["Tilleuls"] = add(
            c, m.Residence, name="Tilleuls", programme_id=scene.programmes["PENSION"]
        )
    grants = {
        "gl": Grant("rental_manager"),
        "gl_pension": Grant("rental_manager", programme_id=scene.programmes["PENSION"]),
        "sw": Grant("social_worker"),
        "coord": Grant("coordinator"),
    }
    scene.actors = {
        login: Actor(user_id=ids[login], login=login, grants=(grant,))
        for login, grant in grants.items()
    }
    yield scene
    workspace.close()


def created_refs(report: svc.GenerationReport) -> dict[str, int]:
    return {item.household_reference: item.total for item in report.created}


def skipped_refs(report: svc.GenerationReport) -> dict[str, str]:
    return {item.household_reference: item.reason for item in report.skipped}


# ------------------------------------------------------------------ one month


def test_a_full_month_and_a_partial_first_month(scene: Scene) -> None:
    full = scene.contract("M-1", start=date(2025, 1, 1))
    partial = scene.contract("M-2", start=date(2026, 4, 14))
    report = scene.generate(date(2026, 4, 1))
    assert report.month == date(2026, 4, 1)
    assert created_refs(report) == {"M-1": 44_000, "M-2": 22_667 + 2_267}
    assert [(c.dwelling_reference, c.posted_on) for c in report.created] == [
        ("D-M-1", date(2026, 4, 1)),
        ("D-M-2", date(2026, 4, 14)),  # posted on the contract start
    ]
    assert (report.entries, report.total, report.skipped) == (4, 44_000 + 24_934, ())
    gl = scene.user_id("gl")
    assert scene.entries(full) == [
        Entry(date(2026, 4, 1), date(2026, 4, 1), "charge", "rent", 40_000, True, gl),
        Entry(date(2026, 4, 1), date(2026, 4, 1), "charge", "charges", 4_000, True, gl),
    ]
    assert scene.month_parts(partial, date(2026, 4, 1)) == {"rent": 22_667, "charges": 2_267}
    assert report.changes.touches("ledger_entry")
    assert len(report.changes.ids) == 4


def test_a_rate_change_within_the_month(scene: Scene) -> None:
    contract = scene.contract("M-1", start=date(2025, 1, 1))
    contracts.change_rate(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=contract,
        valid_from=date(2026, 6, 16),
        rate=RateInput(rent=43_000, charges=4_000),
    )
    scene.generate(date(2026, 6, 1))
    scene.generate(date(2026, 7, 1))
    # 15 days at 400 € and 15 days at 430 € of a 30-day month
    assert scene.month_parts(contract, date(2026, 6, 1)) == {"rent": 41_500, "charges": 4_000}
    assert scene.month_parts(contract, date(2026, 7, 1)) == {"rent": 43_000, "charges": 4_000}


def test_an_occupant_without_title_owes_an_indemnity_until_the_departure(scene: Scene) -> None:
    contract = scene.contract("M-1", start=date(2025, 1, 1))
    contracts.terminate(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=contract,
        on=date(2026, 9, 16),
        reason="Résiliation judiciaire",
    )
    for month in (8, 9, 10):
        scene.generate(date(2026, month, 1))
    assert scene.month_parts(contract, date(2026, 8, 1)) == {"rent": 40_000, "charges": 4_000}
    assert scene.month_parts(contract, date(2026, 9, 1)) == {
        "rent": 20_000,
        "charges": 2_000,
        "occupation_indemnity": 22_000,
    }
    assert scene.month_parts(contract, date(2026, 10, 1)) == {"occupation_indemnity": 44_000}
    contracts.end_contract(
        scene.database, actor=scene.actors["gl"], contract_id=contract, end=date(2026, 11, 15)
    )
    november = scene.generate(date(2026, 11, 1))
    assert created_refs(november) == {"M-1": 22_000}  # 15 days of 30
    december = scene.generate(date(2026, 12, 1))
    assert (december.created, december.skipped) == ((), ())  # gone: nothing, not even a skip


def test_a_pension_de_famille_charges_its_services(scene: Scene) -> None:
    contract = scene.contract(
        "PF-1", start=date(2026, 2, 1), rate=PENSION_RATE, programme="PENSION"
    )
    report = scene.generate(date(2026, 2, 1))
    [created] = report.created
    assert created.parts == (
        ("rent", 35_000),
        ("charges", 3_000),
        ("mandatory_services", 2_000),
        ("optional_services", 1_500),
    )
    assert scene.month_parts(contract, date(2026, 2, 1)) == dict(created.parts)


def test_ended_contracts_are_charged_to_their_last_day_only(scene: Scene) -> None:
    scene.contract("M-1", start=date(2025, 1, 1), end=date(2026, 1, 31))
    scene.contract("M-2", start=date(2025, 1, 1), end=date(2026, 2, 14))
    scene.contract("M-3", start=date(2026, 3, 1))  # not yet started in February
    report = scene.generate(date(2026, 2, 1))
    assert created_refs(report) == {"M-2": 20_000 + 2_000}  # 14 days of 28
    assert report.skipped == ()


def test_generating_twice_creates_nothing_and_audits_once(scene: Scene) -> None:
    first = scene.contract("M-1", start=date(2025, 1, 1))
    scene.contract("M-2", start=date(2025, 6, 1), rate=RateInput(rent=30_000))
    report = scene.generate(date(2026, 11, 1))
    assert report.entries == 3
    assert scene.charge_events() == [3]  # one event for the whole operation, with its count
    again = scene.generate(date(2026, 11, 1))
    assert (again.created, again.entries, again.total, again.entry_ids) == ((), 0, 0, ())
    assert skipped_refs(again) == {"M-1": "already_generated", "M-2": "already_generated"}
    assert not again.changes
    assert scene.count_entries() == 3
    assert scene.charge_events() == [3]  # nothing created, nothing logged
    assert len(scene.entries(first)) == 2
    assert scene.database.run_read(audit.verify).ok


def test_a_concurrent_generation_is_not_duplicated(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    scene.contract("M-1", start=date(2025, 1, 1))
    scene.generate(date(2026, 11, 1))
    # Another session's charges committed after this one read the ledger: the check saw
    # nothing, the unique index of generated charges still keeps a single set.
    real = svc._month_marks
    monkeypatch.setattr(
        svc,
        "_month_marks",
        lambda session, month, ids: {key: rules.LedgerMarks() for key in real(session, month, ids)},
    )
    report = scene.generate(date(2026, 11, 1))
    assert report.created == ()
    assert skipped_refs(report) == {"M-1": "already_generated"}
    assert scene.count_entries() == 2


def test_a_month_more_than_one_month_ahead_is_refused(scene: Scene) -> None:
    scene.contract("M-1", start=date(2025, 1, 1))
    assert scene.generate(date(2026, 12, 1)).entries == 2  # next month: avis sent ahead
    with pytest.raises(InvalidInput) as refused:
        scene.generate(date(2027, 1, 1))
    [issue] = refused.value.issues
    assert (issue.field, issue.code) == ("month", "charges.month_too_far")
    assert issue.text == (
        "Le mois 01/2027 est trop éloigné : on génère au plus le mois suivant (12/2026)."
    )
    assert scene.count_entries() == 2


def test_a_day_of_the_month_stands_for_its_month(scene: Scene) -> None:
    contract = scene.contract("M-1", start=date(2025, 1, 1))
    assert scene.generate(date(2026, 11, 19)).month == date(2026, 11, 1)
    assert {e.period_month for e in scene.entries(contract)} == {date(2026, 11, 1)}


def test_nothing_before_the_go_live_date(scene: Scene) -> None:
    # Decision: with a go-live date in the middle of a month, a contract running before it
    # has that month carried by its opening balance; one starting after it is charged.
    scene.set_go_live(date(2026, 3, 15))
    scene.contract("M-1", start=date(2025, 1, 1))
    late = scene.contract("M-2", start=date(2026, 3, 20))
    march = scene.generate(date(2026, 3, 1))
    assert skipped_refs(march) == {"M-1": "before_go_live"}
    assert created_refs(march) == {"M-2": 15_484 + 1_548}  # 12 days of 31
    assert scene.entries(late)[0].posted_on == date(2026, 3, 20)
    february = scene.generate(date(2026, 2, 1))
    assert (february.created, skipped_refs(february)) == ((), {"M-1": "before_go_live"})
    assert created_refs(scene.generate(date(2026, 4, 1))) == {"M-1": 44_000, "M-2": 44_000}


def test_never_a_hole_before_the_latest_term_nor_over_an_import(scene: Scene) -> None:
    imported = scene.contract("M-1", start=date(2025, 1, 1))
    generated = scene.contract("M-2", start=date(2025, 1, 1))
    with scene.database.begin_write() as c:  # what an import brings: terms not generated
        add(
            c,
            m.LedgerEntry,
            contract_id=imported,
            posted_on=date(2026, 10, 1),
            period_month=date(2026, 10, 1),
            kind="charge",
            nature="rent",
            amount=39_000,
            generated=False,
            created_at=NOW,
        )
    scene.generate(date(2026, 11, 1))
    october = scene.generate(date(2026, 10, 1))
    assert skipped_refs(october) == {"M-1": "already_charged", "M-2": "before_latest_term"}
    assert created_refs(october) == {}
    assert [e.amount for e in scene.entries(imported)] == [39_000, 40_000, 4_000]
    assert {e.period_month for e in scene.entries(generated)} == {date(2026, 11, 1)}


def test_a_closed_month_is_refused_and_left_alone(scene: Scene) -> None:
    scene.contract("M-1", start=date(2025, 1, 1))
    with scene.database.begin_write() as c:
        c.execute(insert(m.MonthClosing).values(period_month=date(2026, 10, 1), closed_at=NOW))
    with pytest.raises(InvalidInput) as refused:
        scene.generate(date(2026, 10, 1))
    assert [issue.code for issue in refused.value.issues] == ["charges.month_closed"]
    scene.set_go_live(date(2026, 10, 1))
    [october, november] = scene.catch_up()
    assert (october.month, skipped_refs(october), october.created) == (
        date(2026, 10, 1),
        {"M-1": "month_closed"},
        (),
    )
    assert created_refs(november) == {"M-1": 44_000}


def test_a_contract_without_amount_is_reported(scene: Scene) -> None:
    scene.contract("M-1", start=date(2025, 1, 1), rate=RateInput(rent=0))
    report = scene.generate(date(2026, 11, 1))
    assert skipped_refs(report) == {"M-1": "nothing_due"}


def test_who_may_generate(scene: Scene) -> None:
    scene.contract("M-1", start=date(2025, 1, 1))
    scene.contract("PF-1", start=date(2025, 1, 1), rate=PENSION_RATE, programme="PENSION")
    for login in ("sw", "coord"):
        with pytest.raises(RefusedError) as refused:
            scene.generate(date(2026, 11, 1), login=login)
        assert refused.value.code == "auth.denied"
    # A rental manager of the pension only charges the pension's contracts.
    scoped = scene.generate(date(2026, 11, 1), login="gl_pension")
    assert set(created_refs(scoped)) == {"PF-1"}
    assert set(created_refs(scene.generate(date(2026, 11, 1)))) == {"M-1"}


def test_every_skip_reason_has_its_french_text() -> None:
    assert {f"charges.skip.{reason}" for reason in rules.SKIP_REASONS} <= set(MESSAGES)


# ------------------------------------------------------------------ catch-up


def test_catch_up_fills_every_missing_month_from_the_go_live_date(scene: Scene) -> None:
    scene.set_go_live(date(2026, 9, 1))
    early = scene.contract("M-1", start=date(2024, 1, 1))
    left = scene.contract("M-2", start=date(2024, 1, 1), end=date(2026, 10, 10))
    scene.contract("M-3", start=date(2026, 12, 1))  # starts next month: not yet
    reports = scene.catch_up()
    assert [report.month for report in reports] == [
        date(2026, 9, 1),
        date(2026, 10, 1),
        date(2026, 11, 1),
    ]
    assert created_refs(reports[1]) == {"M-1": 44_000, "M-2": 12_903 + 1_290}  # 10 of 31 days
    assert created_refs(reports[2]) == {"M-1": 44_000}
    assert len(scene.entries(early)) == 6
    assert {e.period_month for e in scene.entries(left)} == {date(2026, 9, 1), date(2026, 10, 1)}
    assert scene.charge_events() == [10]  # one event for the catch-up
    assert scene.catch_up() == []  # up to date: nothing, and nothing logged
    assert scene.charge_events() == [10]


def test_catch_up_resumes_after_each_contracts_latest_term(scene: Scene) -> None:
    scene.set_go_live(date(2026, 1, 1))
    contract = scene.contract("M-1", start=date(2025, 1, 1))
    scene.generate(date(2026, 9, 1))  # months before September stay as they are
    reports = scene.catch_up(today=date(2026, 12, 3))
    assert [report.month for report in reports] == [
        date(2026, 10, 1),
        date(2026, 11, 1),
        date(2026, 12, 1),
    ]
    assert {e.period_month for e in scene.entries(contract)} == {
        date(2026, 9, 1),
        date(2026, 10, 1),
        date(2026, 11, 1),
        date(2026, 12, 1),
    }


def test_catch_up_without_go_live_date_charges_the_current_month_only(scene: Scene) -> None:
    # Decision: years of contracts and no ledger never get years of charges silently. Without
    # a go-live date, a contract without any term is charged from the current month, and the
    # report says the earlier months were left; the next catch-ups go on from its last term.
    old = scene.contract("M-1", start=date(2019, 3, 1))
    new = scene.contract("M-2", start=date(2026, 11, 10))
    scene.contract("M-3", start=date(2019, 3, 1), end=date(2023, 6, 30))  # long gone
    [november] = scene.catch_up()
    assert november.month == date(2026, 11, 1)
    assert created_refs(november) == {"M-1": 44_000, "M-2": 28_000 + 2_800}  # 21 of 30 days
    assert (november.skipped, november.earlier_months_left) == ((), 1)  # M-1 only
    assert [e.period_month for e in scene.entries(old)] == [date(2026, 11, 1)] * 2
    later = scene.catch_up(today=date(2027, 1, 2))
    assert [report.month for report in later] == [date(2026, 12, 1), date(2027, 1, 1)]
    assert [(report.skipped, report.earlier_months_left) for report in later] == [
        ((), 0),
        ((), 0),
    ]
    assert {e.period_month for e in scene.entries(new)} == {
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
    }


def test_catch_up_with_nothing_to_charge(scene: Scene) -> None:
    assert scene.catch_up() == []  # a new database: nothing, no refusal
    scene.contract("M-1", start=date(2025, 1, 1), rate=RateInput(rent=0))
    scene.set_go_live(date(2026, 6, 1))
    [report] = scene.catch_up()  # said once, for the current month only
    assert (report.month, skipped_refs(report)) == (date(2026, 11, 1), {"M-1": "nothing_due"})


# ------------------------------------------------------------------ the daily work


def test_daily_runs_the_catch_up(scene: Scene) -> None:
    scene.set_go_live(date(2026, 10, 1))
    scene.contract("M-1", start=date(2025, 1, 1))
    report = svc.daily(scene.database, actor=scene.actors["gl"], today=TODAY)
    assert report.ok
    [step] = report.steps
    assert (step.name, step.status, step.label) == ("charges", "done", "Rattrapage des échéances")
    assert step.summary == "4 écriture(s) créée(s) sur 2 mois."
    assert [g.month for g in step.generation] == [date(2026, 10, 1), date(2026, 11, 1)]
    assert report.changes.touches("ledger_entry")
    again = svc.daily(scene.database, actor=scene.actors["gl"], today=TODAY)
    assert again.steps[0].summary == "Échéances à jour jusqu'à 11/2026."
    assert not again.changes


def test_daily_skips_what_the_actor_may_not_do_and_goes_on(scene: Scene) -> None:
    scene.set_go_live(date(2026, 11, 1))
    scene.contract("M-1", start=date(2025, 1, 1))
    report = svc.daily(scene.database, actor=scene.actors["sw"], today=TODAY)
    assert not report.ok
    assert report.steps[0].status == "not_allowed"
    assert "passer des écritures" in report.steps[0].summary
    assert scene.count_entries() == 0

    def refusing(_database: Database, _actor: Actor, _today: date) -> svc.StepResult:
        raise RefusedError("db.busy")

    steps = (svc.DailyStep("charges", "ledger.post", refusing), *svc.DAILY_STEPS)
    report = svc.daily(scene.database, actor=scene.actors["gl"], today=TODAY, steps=steps)
    assert [s.status for s in report.steps] == ["refused", "done"]
    assert report.steps[0].summary.startswith("La base de données est occupée")
    assert scene.count_entries() == 2


# ------------------------------------------------------------------ properties

months = st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 12, 31)).map(
    rules.first_of_month
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    start=st.dates(min_value=date(2024, 6, 1), max_value=date(2026, 12, 31)),
    length=st.one_of(st.none(), st.integers(0, 500)),
    rent=st.integers(0, 150_000),
    charges=st.integers(0, 20_000),
    month=months,
)
def test_property_generating_twice_is_a_no_op(
    scene: Scene, *, start: date, length: int | None, rent: int, charges: int, month: date
) -> None:
    reference = f"P-{len(scene.dwellings) + 1}"
    end = None if length is None else start + timedelta(days=length)
    contract = scene.contract(
        reference, start=start, end=end, rate=RateInput(rent=rent, charges=charges)
    )
    first = scene.generate(month, today=month)
    before = scene.count_entries()
    second = scene.generate(month, today=month)
    assert second.created == ()
    assert scene.count_entries() == before
    expected = ContractSchedule(start, end, (RateSpan(start, rent, charges),)).charges(month)
    made = {item.contract_id: item for item in first.created}
    if expected is None:
        assert contract not in made
        assert scene.month_parts(contract, month) == {}
    else:
        assert made[contract].parts == expected.parts
        assert scene.month_parts(contract, month) == dict(expected.parts)
        assert skipped_refs(second)[reference] == "already_generated"


# ------------------------------------------------------------------ the departure


def live_parts(scene: Scene, contract_id: int, month: date) -> dict[str, int]:
    """What a month charges once reversals are taken out, by nature."""

    def read(session: Session) -> dict[str, int]:
        reversed_ids = select(m.LedgerEntry.reverses_id).where(
            m.LedgerEntry.reverses_id.is_not(None)
        )
        rows = session.execute(
            select(m.LedgerEntry.nature, m.LedgerEntry.amount).where(
                m.LedgerEntry.contract_id == contract_id,
                m.LedgerEntry.kind == "charge",
                m.LedgerEntry.period_month == month,
                m.LedgerEntry.id.not_in(reversed_ids),
            )
        )
        parts: dict[str, int] = {}
        for nature, amount in rows:
            assert nature is not None  # a charge names its nature
            parts[nature] = parts.get(nature, 0) + amount
        return parts

    result: dict[str, int] = scene.database.run_read(read)
    return result


def test_a_departure_recorded_late_charges_its_months_again(scene: Scene) -> None:
    contract = scene.contract("M-1", start=date(2025, 1, 1))
    for month in (9, 10, 11, 12):
        scene.generate(date(2026, month, 1))
    before = scene.count_entries()
    events = len(scene.charge_events())
    # The coordinator records on 27/11 a departure on 15/10: no right to post, still corrected.
    contracts.end_contract(
        scene.database,
        actor=scene.actors["coord"],
        contract_id=contract,
        end=date(2026, 10, 15),
        reason="Départ volontaire",
    )
    assert live_parts(scene, contract, date(2026, 9, 1)) == {"rent": 40_000, "charges": 4_000}
    assert live_parts(scene, contract, date(2026, 10, 1)) == {"rent": 19_355, "charges": 1_935}
    assert live_parts(scene, contract, date(2026, 11, 1)) == {}
    assert live_parts(scene, contract, date(2026, 12, 1)) == {}
    corrections = [e for e in scene.entries(contract) if e.posted_on > date(2026, 10, 1)]
    # October: two reversals and the prorated charges on 16/10; November and December: two
    # reversals each, on the charges' own dates.
    assert sorted((e.posted_on, e.kind) for e in corrections if not e.generated) == [
        (date(2026, 10, 16), "charge"),
        (date(2026, 10, 16), "charge"),
        (date(2026, 10, 16), "reversal"),
        (date(2026, 10, 16), "reversal"),
        (date(2026, 11, 1), "reversal"),
        (date(2026, 11, 1), "reversal"),
        (date(2026, 12, 1), "reversal"),
        (date(2026, 12, 1), "reversal"),
    ]
    assert scene.count_entries() == before + 8
    assert scene.charge_events()[events:] == [8]  # one audit event for the whole correction
    assert all(e.created_by == scene.user_id("coord") for e in corrections if not e.generated)
    balance = ledger.contract_balance(
        scene.database, actor=scene.actors["gl"], contract_id=contract, on=date(2026, 12, 31)
    )
    assert balance.charged == 44_000 + 19_355 + 1_935  # September, and October to the 15th
    assert balance.owed == balance.charged  # nothing paid in this scene
    # The next generation sees an ended contract: nothing more.
    assert scene.generate(date(2026, 12, 1)).created == ()


def test_a_departure_in_a_closed_month_is_corrected_in_the_open_one(scene: Scene) -> None:
    contract = scene.contract("M-1", start=date(2025, 1, 1))
    for month in (9, 10):
        scene.generate(date(2026, month, 1))
    with scene.database.begin_write() as c:
        for month in (9, 10):
            c.execute(
                insert(m.MonthClosing).values(period_month=date(2026, month, 1), closed_at=NOW)
            )
    contracts.end_contract(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=contract,
        end=date(2026, 9, 30),
        reason="Départ volontaire",
    )
    assert live_parts(scene, contract, date(2026, 9, 1)) == {"rent": 40_000, "charges": 4_000}
    assert live_parts(scene, contract, date(2026, 10, 1)) == {}
    reversals = [e for e in scene.entries(contract) if e.kind == "reversal"]
    assert {(e.posted_on, e.period_month) for e in reversals} == {
        (date(2026, 11, 1), date(2026, 10, 1))  # posted in November, naming October
    }


def test_a_departure_leaves_charges_posted_by_hand_alone(scene: Scene) -> None:
    contract = scene.contract("M-1", start=date(2025, 1, 1))
    ledger.post_entry(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=contract,
        kind="charge",
        nature="rent",
        amount=40_000,
        posted_on=date(2026, 11, 1),
        period_month=date(2026, 11, 1),
        today=TODAY,
    )
    contracts.end_contract(
        scene.database,
        actor=scene.actors["gl"],
        contract_id=contract,
        end=date(2026, 11, 10),
        reason="Départ volontaire",
    )
    assert live_parts(scene, contract, date(2026, 11, 1)) == {"rent": 40_000}
    assert [e.kind for e in scene.entries(contract)] == ["charge"]
