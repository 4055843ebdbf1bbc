"""The bordereau CAF: prefill, recording with splits and negative lines, refusals, reading back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.services import benefit_batches as svc
from desktop_app.services import contracts, ledger
from desktop_app.services.benefit_batches import BatchLineInput
from desktop_app.services.contracts import RateInput
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
NOW = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
TODAY = date(2027, 1, 15)
SEP, OCT, NOV, DEC = (date(2026, month, 1) for month in (9, 10, 11, 12))
RECEIVED = date(2026, 12, 8)
TIERS = RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True)
PLAIN = RateInput(rent=50_000, charges=5_000, expected_benefit=20_000)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Any
    actors: dict[str, Actor]
    dwellings: dict[str, int] = field(default_factory=dict)
    households: int = 0

    @property
    def gl(self) -> Actor:
        return self.actors["gl"]

    def household(self, head: str, *, agency: str | None = None, protected: bool = False) -> int:
        """A household whose head (and allocataire) is ``head``."""
        self.households += 1
        last, first = head.split()
        with self.database.begin_write() as c:
            household = add(
                c, m.Household, reference=f"M-{self.households:02d}", protected=protected
            )
            person = add(
                c,
                m.Person,
                last_name=last,
                first_name=first,
                benefit_agency=agency,
                allocataire_number=f"{1000 + self.households}" if agency else None,
            )
            add(
                c,
                m.Membership,
                household_id=household,
                person_id=person,
                role="head",
                joined_on=date(2026, 1, 1),
            )
        return household

    def contract(
        self,
        dwelling: str,
        head: str,
        *,
        rate: RateInput = TIERS,
        start: date = SEP,
        agency: str | None = None,
        protected: bool = False,
    ) -> int:
        household = self.household(head, agency=agency, protected=protected)
        return contracts.create_contract(
            self.database,
            actor=self.gl,
            household_id=household,
            dwelling_id=self.dwellings[dwelling],
            kind="residence_agreement" if dwelling.startswith("PF") else "sublease",
            start=start,
            rate=rate,
        ).contract_id

    def charge_month(self, contract_id: int, month: date) -> None:
        """The month's charges, as the monthly generation posts them on the 1st."""
        with self.database.begin_write() as c:
            for nature, amount in (("rent", 40_000), ("charges", 4_000)):
                add(
                    c,
                    m.LedgerEntry,
                    contract_id=contract_id,
                    posted_on=month,
                    period_month=month,
                    kind="charge",
                    nature=nature,
                    amount=amount,
                    generated=True,
                    created_at=NOW,
                )

    def prefill(self, month: date = NOV, agency: str = "caf", **kw: Any) -> svc.BatchPrefill:
        return svc.prefill(
            self.database,
            actor=kw.pop("actor", self.gl),
            month=month,
            agency=agency,
            on=kw.pop("on", RECEIVED),
        )

    def record(self, lines: list[BatchLineInput], **kw: Any) -> svc.BatchDetail:
        return svc.record_batch(
            self.database,
            actor=kw.pop("actor", self.gl),
            agency=kw.pop("agency", "caf"),
            received_on=kw.pop("received_on", RECEIVED),
            transfer_reference=kw.pop("transfer_reference", "VIR CAF 2026-11"),
            lines=lines,
            today=kw.pop("today", TODAY),
        )

    def count(self, model: type[m.Base]) -> int:
        return int(
            self.database.run_read(lambda s: s.scalar(select(func.count()).select_from(model)))
        )


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    db = workspace.database
    scene = Scene(db, {})
    logins = ("gl", "gl_pension", "sw", "coord")
    ids: dict[str, int] = {}
    with db.begin_write() as c:
        for login in logins:
            ids[login] = add(c, m.UserAccount, login=login, display_name=login, created_at=NOW)
        iml = add(c, m.Programme, name="IML", kind="iml_sublease")
        pension = add(c, m.Programme, name="PENSION", kind="boarding_house")
        residence = add(c, m.Residence, name="Tilleuls", programme_id=pension)
        for reference in ("IML-1", "IML-2", "IML-3", "IML-4", "IML-5", "IML-6", "PF-1"):
            in_pension = reference.startswith("PF")
            scene.dwellings[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue du Test",
                commune="Lyon",
                programme_id=pension if in_pension else iml,
                residence_id=residence if in_pension else None,
                lots=1_000,
                places=1_000,
                captured_on=date(2020, 1, 1),
            )
    grants = {
        "gl": Grant("rental_manager"),
        "gl_pension": Grant("rental_manager", programme_id=pension),
        "sw": Grant("social_worker"),
        "coord": Grant("coordinator"),
    }
    scene.actors = {
        login: Actor(user_id=ids[login], login=login, grants=(grants[login],)) for login in logins
    }
    yield scene
    workspace.close()


def codes(error: pytest.ExceptionInfo[InvalidInput]) -> dict[str, str]:
    return {issue.field: issue.code for issue in error.value.issues}


# ------------------------------------------------------------------ splitting


@pytest.mark.parametrize(
    ("amount", "months", "parts"),
    [
        (26_000, 1, [26_000]),
        (10_001, 3, [3_333, 3_333, 3_335]),
        (100, 3, [33, 33, 34]),
        (-5_000, 1, [-5_000]),
        (-100, 3, [-33, -33, -34]),
    ],
)
def test_a_line_splits_evenly_to_the_cent_the_remainder_last(
    amount: int, months: int, parts: list[int]
) -> None:
    assert svc.split_amount(amount, months) == parts
    assert sum(parts) == amount


# ------------------------------------------------------------------ prefill


def test_prefill_proposes_every_tiers_payant_household_with_its_expected_amount(
    scene: Scene,
) -> None:
    # GIVEN a full month paid, a benefit suspended from 16/11, a month already received,
    # a contract without tiers payant, an MSA household, a protected file and an ended contract
    full = scene.contract("IML-1", "Martin Anne")
    suspended = scene.contract("IML-2", "Durand Paul", agency="caf")
    contracts.set_benefit_status(
        scene.database,
        actor=scene.gl,
        contract_id=suspended,
        valid_from=date(2026, 11, 16),
        status="suspended",
    )
    received = scene.contract("IML-3", "Petit Léa")
    ledger.post_entry(
        scene.database,
        actor=scene.gl,
        contract_id=received,
        kind="housing_benefit",
        amount=26_000,
        posted_on=date(2026, 12, 5),
        period_month=NOV,
        today=TODAY,
    )
    scene.contract("IML-4", "Robert Marc", rate=PLAIN)
    msa = scene.contract("IML-5", "Leroy Jean", agency="msa")
    hidden = scene.contract("IML-6", "Secret Eva", protected=True)
    ended = scene.contract("PF-1", "Blanc Luc")
    contracts.end_contract(
        scene.database,
        actor=scene.gl,
        contract_id=ended,
        end=date(2026, 10, 31),
        reason="Départ",
    )

    # WHEN the CAF bordereau of November is prefilled
    prefill = scene.prefill()

    # THEN one line per tiers-payant contract of the CAF paid in November
    lines = {line.contract_id: line for line in prefill.lines}
    assert set(lines) == {full, suspended, received, hidden}
    assert (lines[full].expected, lines[full].received, lines[full].proposed) == (26_000, 0, 26_000)
    assert lines[full].contract.head == "Martin Anne"
    assert lines[full].contract.dwelling_reference == "IML-1"
    assert lines[full].status == "paid"
    assert lines[full].status_changed_on is None
    # 15 days of 30 paid before the suspension
    assert lines[suspended].expected == 13_000
    assert lines[suspended].status == "suspended"
    assert lines[suspended].status_changed_on == date(2026, 11, 16)
    assert lines[suspended].contract.allocataire_number == "1002"
    assert (lines[received].received, lines[received].proposed) == (26_000, 0)
    assert lines[received].already_received
    assert not lines[full].already_received
    assert lines[hidden].contract.head == ""  # a protected file keeps its name
    assert prefill.expected == 26_000 + 13_000 + 26_000 + 26_000
    assert prefill.proposed == 26_000 + 13_000 + 26_000
    assert [choice.contract_id for choice in prefill.others] == [ended]
    assert prefill.month == NOV

    # the MSA's bordereau has the MSA household only
    assert [line.contract_id for line in scene.prefill(agency="msa").lines] == [msa]
    # a month before the received one is seen as it was then
    assert scene.prefill(on=date(2026, 12, 1)).lines[2].received == 0


def test_prefill_keeps_to_the_actor_scope_and_role(scene: Scene) -> None:
    scene.contract("IML-1", "Martin Anne")
    pension = scene.contract("PF-1", "Blanc Luc")
    scoped = scene.prefill(actor=scene.actors["gl_pension"])
    assert [line.contract_id for line in scoped.lines] == [pension]
    with pytest.raises(RefusedError):
        scene.prefill(actor=scene.actors["coord"])  # reads, never posts
    with pytest.raises(InvalidInput) as error:
        scene.prefill(agency="cpam")
    assert error.value.issues[0].text == "Organisme inconnu : « cpam » (CAF ou MSA)."


# ------------------------------------------------------------------ recording


def test_a_batch_records_split_and_negative_lines_in_one_transaction(scene: Scene) -> None:
    first = scene.contract("IML-1", "Martin Anne")
    late = scene.contract("IML-2", "Durand Paul")
    indu = scene.contract("IML-3", "Petit Léa")
    for contract in (first, late, indu):
        for month in (SEP, OCT, NOV):
            scene.charge_month(contract, month)
    before = scene.count(m.AuditEvent)

    # WHEN a bordereau pays November, three months at once for a late file, and withholds an indu
    detail = scene.record(
        [
            BatchLineInput(first, 26_000, (NOV,)),
            BatchLineInput(late, 78_001, (date(2026, 9, 15), OCT, NOV)),
            BatchLineInput(indu, 26_000, (NOV,)),
            BatchLineInput(indu, -5_000, (SEP,)),
        ]
    )

    # THEN one batch, one entry per month covered, split to the cent
    assert detail.batch.total == 26_000 + 78_001 + 26_000 - 5_000
    assert (detail.batch.entries, detail.batch.households) == (6, 3)
    assert detail.batch.transfer_reference == "VIR CAF 2026-11"
    assert detail.changes.touches("ledger_entry")

    def read(session: Session) -> list[tuple[int, date | None, int, int | None, str | None, str]]:
        rows = session.execute(
            select(
                m.LedgerEntry.contract_id,
                m.LedgerEntry.period_month,
                m.LedgerEntry.amount,
                m.LedgerEntry.batch_id,
                m.LedgerEntry.reference,
                m.LedgerEntry.kind,
            ).order_by(m.LedgerEntry.id)
        ).all()
        return [tuple(row) for row in rows if row[5] == "housing_benefit"]  # type: ignore[misc]

    batch = detail.batch.batch_id
    assert scene.database.run_read(read) == [
        (first, NOV, 26_000, batch, "VIR CAF 2026-11", "housing_benefit"),
        (late, SEP, 26_000, batch, "VIR CAF 2026-11", "housing_benefit"),
        (late, OCT, 26_000, batch, "VIR CAF 2026-11", "housing_benefit"),
        (late, NOV, 26_001, batch, "VIR CAF 2026-11", "housing_benefit"),
        (indu, NOV, 26_000, batch, "VIR CAF 2026-11", "housing_benefit"),
        (indu, SEP, -5_000, batch, "VIR CAF 2026-11", "housing_benefit"),
    ]

    # one audit event for the whole batch, with the number of entries, names only
    def events(session: Session) -> list[tuple[str | None, int | None, str | None]]:
        return [
            (row.entity, row.count, row.fields)
            for row in session.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id))
        ]

    new_events = scene.database.run_read(events)[before:]
    assert len(new_events) == 1
    assert new_events[0][:2] == ("benefit_batch", 6)
    assert "VIR" not in (new_events[0][2] or "")
    assert scene.database.run_read(audit.verify).ok

    # the business history has the entries' amounts and months, on each household
    def history(session: Session) -> set[tuple[str, str | None]]:
        rows = session.execute(
            select(m.ChangeHistory.field, m.ChangeHistory.new_value).where(
                m.ChangeHistory.entity == "ledger_entry",
                m.ChangeHistory.household_id.is_not(None),
            )
        )
        return {(name, value) for name, value in rows}

    assert ("amount", "-5000") in scene.database.run_read(history)

    # the balances: November received (no longer expected), the indu owed again
    on = date(2026, 12, 31)
    paid = ledger.contract_balance(scene.database, actor=scene.gl, contract_id=first, on=on)
    assert paid.benefit_received == 26_000
    assert paid.benefit_pending == 0
    assert paid.benefit_overdue == 52_000  # September and October still expected
    caught_up = ledger.contract_balance(scene.database, actor=scene.gl, contract_id=late, on=on)
    assert caught_up.benefit_received == 78_001
    assert caught_up.benefit_overdue == caught_up.benefit_pending == 0
    assert caught_up.owed == 3 * 44_000 - 78_001  # the household's shares, less one cent
    recovered = ledger.contract_balance(scene.database, actor=scene.gl, contract_id=indu, on=on)
    assert recovered.benefit_received == 21_000
    assert [t.source for t in recovered.terms].count("benefit_recovery") == 1

    # the batch reads back, newest first
    [info] = svc.list_batches(scene.database, actor=scene.actors["coord"])
    assert info == detail.batch
    again = svc.batch_detail(scene.database, actor=scene.actors["coord"], batch_id=batch)
    assert [(e.household_reference, e.head, e.period_month, e.amount) for e in again.entries] == [
        ("M-01", "Martin Anne", NOV, 26_000),
        ("M-02", "Durand Paul", SEP, 26_000),
        ("M-02", "Durand Paul", OCT, 26_000),
        ("M-02", "Durand Paul", NOV, 26_001),
        ("M-03", "Petit Léa", SEP, -5_000),
        ("M-03", "Petit Léa", NOV, 26_000),
    ]
    assert not any(e.reversed for e in again.entries)


def test_a_reversed_entry_shows_in_the_batch_and_prefill_counts_it_out(scene: Scene) -> None:
    contract = scene.contract("IML-1", "Martin Anne")
    detail = scene.record([BatchLineInput(contract, 26_000, (NOV,))])
    assert scene.prefill(on=TODAY).lines[0].received == 26_000
    ledger.reverse_entry(
        scene.database,
        actor=scene.gl,
        entry_id=detail.entries[0].entry_id,
        reason="Erreur de ménage",
        posted_on=date(2026, 12, 20),
        today=TODAY,
    )
    again = svc.batch_detail(scene.database, actor=scene.gl, batch_id=detail.batch.batch_id)
    assert [e.reversed for e in again.entries] == [True]
    assert scene.prefill(on=TODAY).lines[0].received == 0
    assert scene.prefill(on=date(2026, 12, 19)).lines[0].received == 26_000


def test_refusals_are_given_per_line_and_nothing_is_written(scene: Scene) -> None:
    contract = scene.contract("IML-1", "Martin Anne", start=OCT)
    other = scene.contract("IML-2", "Durand Paul")
    with pytest.raises(InvalidInput) as error:
        scene.record(
            [
                BatchLineInput(contract, 26_000, (NOV,)),
                BatchLineInput(contract + other + 100, 26_000, (NOV,)),
                BatchLineInput(other, 0, (NOV,)),
                BatchLineInput(contract, 26_000, (SEP,)),
                BatchLineInput(other, -5_000, (SEP, OCT)),
                BatchLineInput(other, 2, (SEP, OCT, NOV)),
                BatchLineInput(other, 10_000, ()),
            ],
            received_on=date(2027, 1, 20),
            transfer_reference="  ",
        )
    assert codes(error) == {
        "received_on": "ledger.posted_in_future",
        "transfer_reference": "benefit_batch.reference_required",
        "lines[1].contract_id": "benefit_batch.contract_unknown",
        "lines[2].amount": "benefit_batch.amount_zero",
        "lines[3].months": "ledger.period_before_contract",
        "lines[4].months": "benefit_batch.negative_one_month",
        "lines[5].amount": "benefit_batch.amount_too_small",
        "lines[6].months": "benefit_batch.months_required",
    }
    texts = {issue.field: issue.text for issue in error.value.issues}
    assert texts["lines[3].months"] == (
        "Le mois concerné (09/2026) précède le début du contrat (01/10/2026)."
    )
    assert texts["lines[5].amount"] == (
        "Le montant (0,02\u00a0€) est trop faible pour être réparti sur 3 mois."
    )
    assert scene.count(m.BenefitBatch) == 0
    assert scene.count(m.LedgerEntry) == 0

    with pytest.raises(InvalidInput) as error:
        scene.record([])
    assert codes(error) == {"lines": "benefit_batch.no_lines"}
    with pytest.raises(InvalidInput) as error:
        scene.record([BatchLineInput(other, -5_000, (SEP,))], agency="cpam")
    assert codes(error) == {"agency": "benefit_batch.agency_unknown"}
    with pytest.raises(InvalidInput) as error:
        scene.record([BatchLineInput(other, -5_000, (SEP,))])
    assert codes(error) == {"total": "benefit_batch.total_not_positive"}
    with pytest.raises(TypeError):
        BatchLineInput(other, 12.5, (SEP,))  # type: ignore[arg-type]


def test_a_transfer_is_recorded_once_per_agency(scene: Scene) -> None:
    contract = scene.contract("IML-1", "Martin Anne")
    scene.record([BatchLineInput(contract, 26_000, (OCT,))], transfer_reference="VIR-42")
    with pytest.raises(InvalidInput) as error:
        scene.record([BatchLineInput(contract, 26_000, (NOV,))], transfer_reference=" vir-42 ")
    [issue] = error.value.issues
    assert issue.text == (
        "Le virement « vir-42 » de la CAF est déjà enregistré (bordereau reçu le 08/12/2026)."
    )
    # the same reference from the MSA is another transfer
    detail = scene.record(
        [BatchLineInput(contract, 26_000, (NOV,))], transfer_reference="VIR-42", agency="msa"
    )
    assert detail.batch.agency == "msa"
    assert [b.agency for b in svc.list_batches(scene.database, actor=scene.gl)] == ["msa", "caf"]
    assert [b.agency for b in svc.list_batches(scene.database, actor=scene.gl, agency="caf")] == [
        "caf"
    ]


def test_a_closed_month_takes_no_batch_but_a_batch_may_name_it(scene: Scene) -> None:
    contract = scene.contract("IML-1", "Martin Anne")
    for month in (SEP, OCT, NOV):
        ledger.close_month(scene.database, actor=scene.gl, month=month, today=TODAY)
    with pytest.raises(InvalidInput) as error:
        scene.record([BatchLineInput(contract, 26_000, (OCT,))], received_on=date(2026, 11, 30))
    assert codes(error) == {"received_on": "ledger.posted_in_closed_month"}
    detail = scene.record([BatchLineInput(contract, 26_000, (OCT,))])
    assert [e.period_month for e in detail.entries] == [OCT]


def test_scope_and_roles(scene: Scene) -> None:
    iml = scene.contract("IML-1", "Martin Anne")
    pension = scene.contract("PF-1", "Blanc Luc")
    scoped = scene.actors["gl_pension"]
    with pytest.raises(RefusedError):
        scene.record(
            [BatchLineInput(iml, 26_000, (NOV,)), BatchLineInput(pension, 26_000, (NOV,))],
            actor=scoped,
        )
    assert scene.count(m.BenefitBatch) == 0
    with pytest.raises(RefusedError):
        scene.record([BatchLineInput(iml, 26_000, (NOV,))], actor=scene.actors["coord"])
    detail = scene.record(
        [BatchLineInput(iml, 26_000, (NOV,)), BatchLineInput(pension, 26_000, (NOV,))]
    )
    # a worker limited to the pension sees its own line of the batch, the batch's total
    seen = svc.batch_detail(scene.database, actor=scoped, batch_id=detail.batch.batch_id)
    assert [e.contract_id for e in seen.entries] == [pension]
    assert seen.batch.total == 52_000
    with pytest.raises(RefusedError):
        svc.list_batches(scene.database, actor=scene.actors["sw"])
    with pytest.raises(RefusedError) as error:
        svc.batch_detail(scene.database, actor=scene.gl, batch_id=detail.batch.batch_id + 1)
    assert error.value.text == "Ce bordereau n'existe pas."


def test_a_long_bordereau_costs_the_same_statements_as_a_short_one(
    scene: Scene, count_statements: Callable[..., Any]
) -> None:
    accounts = [scene.contract(f"IML-{n}", f"Tenant T{n}") for n in (1, 2, 3)]
    statements = []
    for size, reference in ((6, "VIR-A"), (1_200, "VIR-B")):
        lines = [
            BatchLineInput(accounts[i % 3], 100 + i, ((SEP, OCT, NOV, DEC)[i % 4],))
            for i in range(size)
        ]
        with count_statements(scene.database.engine) as counter:
            detail = scene.record(lines, transfer_reference=reference)
        assert (detail.batch.entries, detail.batch.households) == (size, 3)
        statements.append(counter.statements)
    small, big = ([s for s in run if not s.startswith("INSERT")] for run in statements)
    assert len(big) == len(small)  # the same reads whatever the number of lines
    inserts = [s for s in statements[1] if s.startswith("INSERT INTO ledger_entry")]
    assert len(inserts) == 2  # pages of at most 1 000 entries, never one statement each

    def history(session: Session) -> dict[str, int]:
        rows = session.execute(
            select(m.ChangeHistory.field, func.count())
            .where(m.ChangeHistory.entity == "ledger_entry")
            .group_by(m.ChangeHistory.field)
        )
        return {field: count for field, count in rows}

    assert scene.database.run_read(history) == dict.fromkeys(
        ("kind", "amount", "posted_on", "period_month"), 1_206
    )
