"""The data-quality findings of a return (DOMAIN §5.3) on a real database, one check at a time.

Each test builds a household that passes every check (`clean_*`), spoils one thing, and reads
what `quality_findings` says of it: the check, its level, the household and the record to open.
The period is the first quarter of 2026, judged on 31/03/2026 (the return is made on 10/04).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, delete, insert, update

from desktop_app.domain import quality as q
from desktop_app.domain.figures import BLOCKING, WARNING, Finding
from desktop_app.domain.periods import Period
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services.report_quality import quality_findings
from desktop_app.services.report_scope import resolve_scope
from desktop_app.services.system import open_workspace

pytestmark = pytest.mark.db
Q1 = Period.quarter(2026, 1)
TODAY = date(2026, 4, 10)
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SHA = "a" * 64


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    database: Database
    programmes: dict[str, int] = field(default_factory=dict)
    residence: int = 0
    count: int = 0

    def findings(
        self, kind: str, *, today: date = TODAY, period: Period = Q1
    ) -> tuple[Finding, ...]:
        def read(session: Any) -> tuple[Finding, ...]:
            scope = resolve_scope(session, kind=kind, period=period)
            return quality_findings(session, scope, today=today)

        return self.database.run_read(read)

    def of(self, kind: str, check: str, **kw: Any) -> list[tuple[Any, ...]]:
        return [
            (f.check, f.level, f.household_id, f.record, f.record_id)
            for f in self.findings(kind, **kw)
            if f.check == check
        ]

    def write(self, model: type[m.Base], **values: Any) -> int:
        with self.database.begin_write() as c:
            return add(c, model, **values)

    # ------------------------------------------------------------ building blocks

    def household(self, *, born: date | None = date(1980, 5, 4), allocataire: str = "123") -> int:
        self.count += 1
        with self.database.begin_write() as c:
            household = add(c, m.Household, reference=f"M-{self.count:02d}")
            person = add(
                c,
                m.Person,
                first_name="Awa",
                last_name="Diallo",
                birth_date=born,
                sex="f",
                allocataire_number=allocataire,
            )
            add(
                c,
                m.Membership,
                household_id=household,
                person_id=person,
                role="head",
                joined_on=date(2024, 1, 1),
            )
        return household

    def member(self, household: int, role: str, born: date | None) -> int:
        with self.database.begin_write() as c:
            person = add(
                c, m.Person, first_name="Sam", last_name="Diallo", birth_date=born, sex="h"
            )
            add(
                c,
                m.Membership,
                household_id=household,
                person_id=person,
                role=role,
                joined_on=date(2024, 1, 1),
            )
        return person

    def stay(self, household: int, programme: str, entry: date, **kw: Any) -> int:
        return self.write(
            m.Stay,
            household_id=household,
            programme_id=self.programmes[programme],
            entry_date=entry,
            **kw,
        )

    def dwelling(self, programme: str) -> int:
        self.count += 1
        return self.write(
            m.Dwelling,
            reference=f"L-{self.count:02d}",
            address="1 rue de la Paix",
            commune="Lyon",
            programme_id=self.programmes[programme],
            residence_id=self.residence if programme == "pension" else None,
        )

    def contract(self, household: int, dwelling: int, start: date, **kw: Any) -> int:
        values: dict[str, Any] = {"kind": "sublease", "renewal_date": date(2027, 1, 1)} | kw
        contract = self.write(
            m.OccupancyContract,
            household_id=household,
            dwelling_id=dwelling,
            start_date=start,
            **values,
        )
        self.write(m.RentRate, contract_id=contract, valid_from=start, rent=50_000)
        return contract

    def contact(self, household: int, held_on: date, kind: str = "office") -> int:
        return self.write(
            m.Contact, household_id=household, held_on=held_on, kind=kind, created_at=NOW
        )

    def document(self, household: int, kind: str, dated_on: date, **kw: Any) -> int:
        return self.write(
            m.Document,
            household_id=household,
            kind=kind,
            title=kind,
            file_name=f"{kind}.pdf",
            media_type="application/pdf",
            sha256=SHA,
            size=1,
            dated_on=dated_on,
            added_at=NOW,
            **kw,
        )

    def measure(self, household: int, start: date, **kw: Any) -> int:
        values: dict[str, Any] = {
            "kind": "avdl_dalo",
            "planned_months": 6,
            "contract_signed_on": start,
        } | kw
        return self.write(
            m.SupportMeasure,
            household_id=household,
            programme_id=self.programmes["avdl"],
            start_date=start,
            created_at=NOW,
            **values,
        )

    def ledger(self, contract: int, kind: str, posted_on: date, amount: int, **kw: Any) -> int:
        return self.write(
            m.LedgerEntry,
            contract_id=contract,
            kind=kind,
            posted_on=posted_on,
            amount=amount,
            created_at=NOW,
            **kw,
        )

    # ------------------------------------------------------------ households that pass

    def clean_iml(self, **kw: Any) -> tuple[int, int, int]:
        """An IML household with its contract, insurance and news: (household, stay, contract)."""
        household = self.household(**kw)
        stay = self.stay(household, "iml", date(2025, 6, 1))
        contract = self.contract(household, self.dwelling("iml"), date(2025, 6, 1), stay_id=stay)
        self.document(household, "insurance", date(2025, 6, 1), expires_on=date(2026, 12, 31))
        self.contact(household, date(2026, 3, 10))
        return household, stay, contract

    def clean_pension(self) -> tuple[int, int]:
        """A resident with a residence agreement and signed house rules: (household, stay)."""
        household = self.household()
        stay = self.stay(household, "pension", date(2025, 9, 1))
        self.contract(
            household,
            self.dwelling("pension"),
            date(2025, 9, 1),
            stay_id=stay,
            kind="residence_agreement",
        )
        self.document(household, "house_rules", date(2025, 9, 1))
        self.document(household, "insurance", date(2025, 9, 1), expires_on=date(2026, 8, 31))
        self.contact(household, date(2026, 3, 20))
        return household, stay

    def clean_measure(self, start: date = date(2025, 11, 1), **kw: Any) -> tuple[int, int]:
        """An AVDL household followed under a signed measure, seen in March: (household, id)."""
        household = self.household()
        measure = self.measure(household, start, **kw)
        self.contact(household, date(2026, 3, 2))
        return household, measure


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    workspace = open_workspace(database_target)
    scene = Scene(workspace.database)
    with workspace.database.begin_write() as c:
        add(c, m.Organisation, name="Association Toit Partagé")
        add(c, m.Funder, name="FNAVDL", kind="fnavdl")
        for key, name, kind in (
            ("iml", "IML Lyon", "iml_sublease"),
            ("pension", "Pension Les Tilleuls", "boarding_house"),
            ("avdl", "AVDL Rhône", "avdl"),
        ):
            scene.programmes[key] = add(c, m.Programme, name=name, kind=kind)
        scene.residence = add(
            c, m.Residence, name="Les Tilleuls", programme_id=scene.programmes["pension"]
        )
        c.execute(insert(m.DocumentContent).values(sha256=SHA, size=1, content=b"x"))
    yield scene
    workspace.close()


# ---------------------------------------------------------------- clean and out of scope


def test_clean_households_give_no_finding(scene: Scene) -> None:
    scene.clean_iml()
    scene.clean_pension()
    scene.clean_measure()
    assert scene.findings("iml") == ()
    assert scene.findings("pension") == ()
    assert scene.findings("fnavdl") == ()
    assert scene.findings("all") == ()


def test_a_household_outside_the_scope_gives_none(scene: Scene) -> None:
    # GIVEN an IML household with every fault a stay can have
    household = scene.household(born=None, allocataire="")
    scene.stay(household, "iml", date(2025, 1, 1), exit_date=date(2026, 2, 1), exit_reason="other")
    # THEN the pension and FNAVDL returns do not see it, the IML return does
    assert scene.findings("pension") == ()
    assert scene.findings("fnavdl") == ()
    assert {f.household_id for f in scene.findings("iml")} == {household}


def test_a_household_inactive_in_the_period_gives_none(scene: Scene) -> None:
    household = scene.household(born=None)
    scene.stay(household, "iml", date(2025, 1, 1), exit_date=date(2025, 12, 31))
    assert scene.findings("iml") == ()
    assert scene.findings("iml", period=Period.quarter(2025, 4))


# ---------------------------------------------------------------- blocking


def test_exit_without_destination(scene: Scene) -> None:
    household, stay, _contract = scene.clean_iml()
    expected = [(q.EXIT_WITHOUT_DESTINATION, BLOCKING, household, "stay", stay)]
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Stay)
            .where(m.Stay.id == stay)
            .values(exit_date=date(2026, 3, 15), exit_reason="household_choice")
        )
    assert scene.of("iml", q.EXIT_WITHOUT_DESTINATION) == expected
    [found] = [f for f in scene.findings("iml") if f.check == q.EXIT_WITHOUT_DESTINATION]
    assert found.household_reference == "M-01"
    assert found.detail == "Sortie du 15/03/2026 (« IML Lyon ») enregistrée sans destination."
    with scene.database.begin_write() as c:
        c.execute(update(m.Stay).where(m.Stay.id == stay).values(destination="street"))
    assert scene.of("iml", q.EXIT_WITHOUT_DESTINATION) == []


def test_dates_in_the_future(scene: Scene) -> None:
    household, _stay, contract = scene.clean_iml()
    measured, measure = scene.clean_measure()
    # nothing is in the future on 10/04/2026
    assert scene.of("all", q.FUTURE_DATE) == []
    # WHEN the return is made on 20/03/2026 and records carry later dates
    contact = scene.contact(household, date(2026, 3, 25))
    with scene.database.begin_write() as c:
        c.execute(
            update(m.OccupancyContract)
            .where(m.OccupancyContract.id == contract)
            .values(end_date=date(2026, 3, 28), state="ended")
        )
        c.execute(
            update(m.SupportMeasure)
            .where(m.SupportMeasure.id == measure)
            .values(end_date=date(2026, 3, 30), outcome="goals_met", destination="kept_home")
        )
    today = date(2026, 3, 20)
    assert sorted(scene.of("all", q.FUTURE_DATE, today=today)) == sorted(
        [
            (q.FUTURE_DATE, BLOCKING, household, "occupancy_contract", contract),
            (q.FUTURE_DATE, BLOCKING, household, "contact", contact),
            (q.FUTURE_DATE, BLOCKING, measured, "support_measure", measure),
        ]
    )
    details = {f.detail for f in scene.findings("all", today=today) if f.check == q.FUTURE_DATE}
    assert "Fin du contrat (28/03/2026) après le 20/03/2026." in details
    assert "Entretien daté du 25/03/2026, après le 20/03/2026." in details
    # a stay entered after today but inside the period
    late = scene.household()
    late_stay = scene.stay(late, "iml", date(2026, 3, 21))
    assert (q.FUTURE_DATE, BLOCKING, late, "stay", late_stay) in scene.of(
        "iml", q.FUTURE_DATE, today=today
    )


def test_iml_stay_without_contract_after_30_days(scene: Scene) -> None:
    household = scene.household()
    stay = scene.stay(household, "iml", date(2026, 2, 28))  # 31 days before 31/03
    young = scene.household()
    scene.stay(young, "iml", date(2026, 3, 1))  # 30 days: not yet
    assert scene.of("iml", q.STAY_WITHOUT_CONTRACT) == [
        (q.STAY_WITHOUT_CONTRACT, BLOCKING, household, "stay", stay)
    ]
    # WHEN a contract is recorded on a dwelling of the programme (not linked to the stay)
    scene.contract(household, scene.dwelling("iml"), date(2026, 3, 10))
    assert scene.of("iml", q.STAY_WITHOUT_CONTRACT) == []


def test_a_pension_stay_needs_no_iml_contract(scene: Scene) -> None:
    household = scene.household()
    scene.stay(household, "pension", date(2025, 1, 1))
    scene.document(household, "house_rules", date(2025, 1, 1))
    assert scene.of("pension", q.STAY_WITHOUT_CONTRACT) == []


def test_measure_overdue_without_end_nor_renewal(scene: Scene) -> None:
    # planned end 31/12/2025 + 6 months from 01/07/2025; 90 days past on 31/03/2026
    household, measure = scene.clean_measure(date(2025, 7, 1))
    # planned end 29/01/2026: 61 days on 31/03
    late, late_measure = scene.clean_measure(date(2025, 7, 30))
    # planned end 30/01/2026: 60 days on 31/03: not yet
    scene.clean_measure(date(2025, 7, 31))
    assert scene.of("fnavdl", q.MEASURE_OVERDUE) == [
        (q.MEASURE_OVERDUE, BLOCKING, household, "support_measure", measure),
        (q.MEASURE_OVERDUE, BLOCKING, late, "support_measure", late_measure),
    ]
    [detail] = [
        f.detail
        for f in scene.findings("fnavdl")
        if f.check == q.MEASURE_OVERDUE and f.household_id == household
    ]
    assert "31/12/2025" in detail
    # WHEN a 6-month renewal is granted to the first, and the second one is refused
    scene.write(m.MeasureRenewal, measure_id=measure, decided_on=date(2026, 1, 5), months=6)
    scene.write(
        m.MeasureRenewal,
        measure_id=late_measure,
        decided_on=date(2026, 1, 5),
        months=6,
        decision="refused",
    )
    assert scene.of("fnavdl", q.MEASURE_OVERDUE) == [
        (q.MEASURE_OVERDUE, BLOCKING, late, "support_measure", late_measure)
    ]


# ---------------------------------------------------------------- warnings


def test_person_without_birth_date(scene: Scene) -> None:
    household, _stay, _contract = scene.clean_iml()
    person = scene.member(household, "partner", None)
    scene.member(household, "visiting_child", None)
    scene.member(household, "child", date(2019, 2, 2))
    assert scene.of("iml", q.PERSON_WITHOUT_BIRTH_DATE) == [
        (q.PERSON_WITHOUT_BIRTH_DATE, WARNING, household, "person", person)
    ]
    [found] = [f for f in scene.findings("iml") if f.check == q.PERSON_WITHOUT_BIRTH_DATE]
    assert "Diallo" not in found.detail
    assert found.detail.startswith("Un membre du ménage (Conjoint·e")


def test_tiers_payant_without_allocataire_number(scene: Scene) -> None:
    household, _stay, contract = scene.clean_iml(allocataire="")
    assert scene.of("iml", q.TIERS_PAYANT_WITHOUT_ALLOCATAIRE) == []
    scene.write(
        m.RentRate,
        contract_id=contract,
        valid_from=date(2026, 2, 1),
        rent=50_000,
        expected_benefit=20_000,
        tiers_payant=True,
    )
    assert scene.of("iml", q.TIERS_PAYANT_WITHOUT_ALLOCATAIRE) == [
        (q.TIERS_PAYANT_WITHOUT_ALLOCATAIRE, WARNING, household, "occupancy_contract", contract)
    ]
    # a tiers-payant household whose member has a number is fine
    _other, _s, other_contract = scene.clean_iml()
    scene.write(
        m.RentRate,
        contract_id=other_contract,
        valid_from=date(2026, 1, 1),
        rent=50_000,
        tiers_payant=True,
    )
    assert [f[2] for f in scene.of("iml", q.TIERS_PAYANT_WITHOUT_ALLOCATAIRE)] == [household]


def test_active_measure_without_contact_in_the_period(scene: Scene) -> None:
    household = scene.household()
    measure = scene.measure(household, date(2025, 11, 1))
    scene.contact(household, date(2025, 12, 15))  # before the period
    scene.contact(household, date(2026, 2, 1), kind="partner_contact")  # not with them
    assert scene.of("fnavdl", q.MEASURE_WITHOUT_CONTACT) == [
        (q.MEASURE_WITHOUT_CONTACT, WARNING, household, "support_measure", measure)
    ]
    scene.contact(household, date(2026, 2, 2), kind="home_visit")
    assert scene.of("fnavdl", q.MEASURE_WITHOUT_CONTACT) == []


def test_possible_missed_exit(scene: Scene) -> None:
    household, stay, contract = scene.clean_iml()
    with scene.database.begin_write() as c:
        c.execute(delete(m.Contact).where(m.Contact.household_id == household))
    scene.contact(household, date(2025, 12, 31))  # 91 days before 31/03
    assert scene.of("iml", q.POSSIBLE_MISSED_EXIT) == [
        (q.POSSIBLE_MISSED_EXIT, WARNING, household, "stay", stay)
    ]
    [found] = [f for f in scene.findings("iml") if f.check == q.POSSIBLE_MISSED_EXIT]
    assert "du 01/01/2026 au 31/03/2026" in found.detail
    # WHEN the household pays in February
    scene.ledger(contract, "household_payment", date(2026, 2, 10), 20_000)
    assert scene.of("iml", q.POSSIBLE_MISSED_EXIT) == []


def test_expired_insurance(scene: Scene) -> None:
    household, _stay, _contract = scene.clean_iml()
    expired = scene.document(household, "insurance", date(2025, 9, 1), expires_on=date(2026, 2, 28))
    # the newest certificate counts: the older one still valid does not hide it
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Document)
            .where(m.Document.household_id == household, m.Document.id != expired)
            .values(dated_on=date(2025, 5, 1))
        )
    assert scene.of("iml", q.EXPIRED_INSURANCE) == [
        (q.EXPIRED_INSURANCE, WARNING, household, "document", expired)
    ]
    renewed = scene.document(household, "insurance", date(2026, 3, 1), expires_on=date(2027, 2, 28))
    assert renewed
    assert scene.of("iml", q.EXPIRED_INSURANCE) == []


def test_contract_past_its_renewal_date(scene: Scene) -> None:
    household, _stay, contract = scene.clean_iml()
    with scene.database.begin_write() as c:
        c.execute(
            update(m.OccupancyContract)
            .where(m.OccupancyContract.id == contract)
            .values(renewal_date=date(2026, 3, 1))
        )
    assert scene.of("iml", q.CONTRACT_RENEWAL_OVERDUE) == [
        (q.CONTRACT_RENEWAL_OVERDUE, WARNING, household, "occupancy_contract", contract)
    ]
    # judged during the period, on 20/02/2026, it is not due yet
    assert scene.of("iml", q.CONTRACT_RENEWAL_OVERDUE, today=date(2026, 2, 20)) == []


def test_social_housing_application_not_renewed(scene: Scene) -> None:
    household, _stay, _contract = scene.clean_iml()
    application = scene.write(
        m.HousingApplication,
        household_id=household,
        number="069-0001",
        filed_on=date(2025, 3, 1),
        renewal_due_on=date(2026, 3, 1),
    )
    scene.write(
        m.HousingApplication,
        household_id=household,
        number="069-0002",
        filed_on=date(2024, 3, 1),
        renewal_due_on=date(2025, 3, 1),
        status="lapsed",
    )
    assert scene.of("iml", q.APPLICATION_NOT_RENEWED) == [
        (q.APPLICATION_NOT_RENEWED, WARNING, household, "housing_application", application)
    ]
    with scene.database.begin_write() as c:
        c.execute(
            update(m.HousingApplication)
            .where(m.HousingApplication.id == application)
            .values(renewed_on=date(2026, 2, 20), renewal_due_on=date(2027, 2, 20))
        )
    assert scene.of("iml", q.APPLICATION_NOT_RENEWED) == []


def test_measure_without_signed_support_contract_after_a_month(scene: Scene) -> None:
    household, measure = scene.clean_measure(date(2026, 2, 15), contract_signed_on=None)
    scene.clean_measure(date(2026, 3, 1), contract_signed_on=None)  # due 01/04: not yet
    scene.clean_measure(date(2026, 1, 10))  # signed
    assert scene.of("fnavdl", q.SUPPORT_CONTRACT_UNSIGNED) == [
        (q.SUPPORT_CONTRACT_UNSIGNED, WARNING, household, "support_measure", measure)
    ]
    [found] = [f for f in scene.findings("fnavdl") if f.check == q.SUPPORT_CONTRACT_UNSIGNED]
    assert "15/02/2026" in found.detail
    assert "15/03/2026" in found.detail


def test_pension_resident_without_signed_house_rules(scene: Scene) -> None:
    household, stay = scene.clean_pension()
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Document)
            .where(m.Document.household_id == household, m.Document.kind == "house_rules")
            .values(dated_on=date(2026, 4, 5))  # signed after the period
        )
    assert scene.of("pension", q.HOUSE_RULES_UNSIGNED) == [
        (q.HOUSE_RULES_UNSIGNED, WARNING, household, "stay", stay)
    ]
    assert scene.of("pension", q.HOUSE_RULES_UNSIGNED, period=Period.quarter(2026, 2)) == []


def test_quittance_for_a_month_no_longer_settled(scene: Scene) -> None:
    household, _stay, contract = scene.clean_iml()
    february = date(2026, 2, 1)
    scene.ledger(
        contract,
        "charge",
        february,
        50_000,
        nature="rent",
        period_month=february,
        generated=True,
    )
    cheque = scene.ledger(contract, "household_payment", date(2026, 2, 5), 50_000)
    quittance = scene.write(
        m.IssuedDocument,
        contract_id=contract,
        kind="quittance",
        number="Q-2026-000001",
        period_month=february,
        amount=50_000,
        issued_at=datetime(2026, 2, 6, 10, 0, tzinfo=UTC),
    )
    assert scene.of("iml", q.QUITTANCE_UNSETTLED) == []
    # WHEN the cheque bounces and its payment is reversed
    scene.ledger(
        contract,
        "reversal",
        date(2026, 2, 25),
        50_000,
        reverses_id=cheque,
        reason="Chèque impayé",
    )
    assert scene.of("iml", q.QUITTANCE_UNSETTLED) == [
        (q.QUITTANCE_UNSETTLED, WARNING, household, "issued_document", quittance)
    ]
    [found] = [f for f in scene.findings("iml") if f.check == q.QUITTANCE_UNSETTLED]
    assert found.detail == (
        "Quittance n° Q-2026-000001 de 02/2026 (500,00\u00a0€) : ce mois n'est plus soldé."
    )


# ---------------------------------------------------------------- order and queries


def test_blocking_first_then_by_reference(scene: Scene) -> None:
    first, _s, _c = scene.clean_iml(born=None)  # M-01…: a warning
    second, stay, _c2 = scene.clean_iml()
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Stay)
            .where(m.Stay.id == stay)
            .values(exit_date=date(2026, 3, 15), exit_reason="other")
        )
    found = scene.findings("iml")
    assert [(f.level, f.household_id) for f in found] == [
        (BLOCKING, second),
        (WARNING, first),
    ]
    summary = dict((spec.code, count) for spec, count in q.summarise(found))
    assert summary[q.EXIT_WITHOUT_DESTINATION] == 1
    assert summary[q.PERSON_WITHOUT_BIRTH_DATE] == 1
    assert sum(summary.values()) == 2


def test_the_number_of_queries_does_not_grow_with_households(
    scene: Scene, count_statements: Any
) -> None:
    def counted() -> int:
        with count_statements(scene.database.engine) as counter:
            scene.findings("all")
        return int(counter.count)

    scene.clean_iml()
    scene.clean_pension()
    scene.clean_measure()
    few = counted()
    for _ in range(4):
        scene.clean_iml(born=None)
        scene.clean_pension()
        scene.clean_measure(contract_signed_on=None)
    assert counted() == few
