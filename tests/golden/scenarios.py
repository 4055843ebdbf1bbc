"""Build a golden scenario: a fresh database, its workbook imported, then what the workbook
cannot express, through the services a person would use (or the ORM where none exists).

Each ``complete_<scenario>`` function adds, for Q1 2026, exactly what ``tests/fixtures/
README.md`` lists under « Added by the test » for that scenario. Households created by a
candidature get a readable reference (``T-04``, ``C-P1``…) so that a difference names them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services import admissions, housing, rehousing, residence_life, staff, support
from desktop_app.services.contracts import RateInput
from desktop_app.services.imports import import_workbook
from tests.services.support_builders import add

FIXTURES: Final = Path(__file__).resolve().parent.parent / "fixtures"
Q1_2026: Final = Period(date(2026, 1, 1), date(2026, 3, 31))
TODAY: Final = date(2026, 4, 15)
NOW: Final = datetime(2026, 4, 15, 9, 0, tzinfo=UTC)
ACTOR: Final = SYSTEM_ACTOR


@dataclass(frozen=True, slots=True)
class Scenario:
    """A golden dataset: its workbook, its completion and the return it is checked against."""

    name: str
    kind: str
    complete: Callable[[Database], None]

    @property
    def workbook(self) -> Path:
        return FIXTURES / f"{self.name}.xlsx"

    @property
    def expected(self) -> Path:
        return FIXTURES / f"{self.name}.csv"


# ------------------------------------------------------------------ look-ups


def _one(database: Database, query: object) -> int:
    def read(session: Session) -> int:
        value = session.scalar(query)  # type: ignore[call-overload]
        assert value is not None, query
        return int(value)

    return database.run_read(read)


def household(database: Database, reference: str) -> int:
    return _one(database, select(m.Household.id).where(m.Household.reference == reference))


def dwelling(database: Database, reference: str) -> int:
    return _one(database, select(m.Dwelling.id).where(m.Dwelling.reference == reference))


def programme(database: Database, name: str) -> int:
    return _one(database, select(m.Programme.id).where(m.Programme.name == name))


def person(database: Database, reference: str, first_name: str) -> int:
    return _one(
        database,
        select(m.Person.id)
        .join(m.Membership, m.Membership.person_id == m.Person.id)
        .join(m.Household, m.Household.id == m.Membership.household_id)
        .where(m.Household.reference == reference, m.Person.first_name == first_name),
    )


def stay(database: Database, reference: str) -> int:
    return _one(
        database,
        select(m.Stay.id)
        .join(m.Household, m.Household.id == m.Stay.household_id)
        .where(m.Household.reference == reference),
    )


def measure(database: Database, reference: str, kind: str) -> int:
    return _one(
        database,
        select(m.SupportMeasure.id)
        .join(m.Household, m.Household.id == m.SupportMeasure.household_id)
        .where(m.Household.reference == reference, m.SupportMeasure.kind == kind),
    )


def measure_version(database: Database, measure_id: int) -> int:
    return _one(database, select(m.SupportMeasure.version).where(m.SupportMeasure.id == measure_id))


def rename(database: Database, household_id: int, reference: str) -> None:
    """Give a household created by a candidature the reference the README uses."""
    with database.begin_write() as c:
        c.execute(
            update(m.Household).where(m.Household.id == household_id).values(reference=reference)
        )


# ------------------------------------------------------------------ building blocks


def import_fixture(database: Database, scenario: Scenario) -> None:
    report = import_workbook(database, actor=ACTOR, path=scenario.workbook, today=TODAY)
    problems = [(i.sheet, i.row, i.column, i.code) for i in report.issues if i.blocking]
    assert report.applied, problems


def _candidature(
    database: Database,
    programme_name: str,
    oriented_on: date,
    head: admissions.NewHousehold,
    reference: str,
    **more: object,
) -> admissions.CandidatureInfo:
    info = admissions.record_candidature(
        database,
        actor=ACTOR,
        programme_id=programme(database, programme_name),
        oriented_on=oriented_on,
        new_household=head,
        today=TODAY,
        now=NOW,
        **more,  # type: ignore[arg-type]
    )
    rename(database, info.household_id, reference)
    return info


def _decide(
    database: Database, info: admissions.CandidatureInfo, decision: str, on: date, reason: str
) -> None:
    version = _one(
        database,
        select(m.Candidature.version).where(m.Candidature.id == info.candidature_id),
    )
    admissions.decide(
        database,
        actor=ACTOR,
        candidature_id=info.candidature_id,
        decision=decision,
        decided_on=on,
        version=version,
        refusal_reason=reason,
        today=TODAY,
    )


def _vacancy(
    database: Database,
    reference: str,
    start: date,
    end: date,
    reason: str,
    *,
    neutralised: bool = False,
) -> None:
    housing.add_vacancy(
        database,
        actor=ACTOR,
        dwelling_id=dwelling(database, reference),
        start=start,
        end=end,
        reason=reason,
        neutralised=neutralised,
    )


# ------------------------------------------------------------------ IML


def complete_iml(database: Database) -> None:
    """Vacancies, I-02's rehousing, a refused candidature (README « golden_iml »)."""
    _vacancy(database, "L-02", date(2026, 2, 1), date(2026, 2, 15), "return_in_progress")
    _vacancy(database, "L-03", date(2026, 2, 1), date(2026, 3, 30), "works", neutralised=True)
    _vacancy(database, "L-06", date(2026, 1, 2), date(2026, 2, 14), "candidates_refused")
    _vacancy(database, "L-06", date(2026, 3, 21), date(2026, 4, 10), "other")
    rehousing.record_rehousing(
        database,
        actor=ACTOR,
        household_id=household(database, "I-02"),
        signed_on=date(2026, 2, 1),
        landlord="Lyon Métropole Habitat",
        sector="social",
        commune="Lyon",
        stay_id=stay(database, "I-02"),
        today=TODAY,
        now=NOW,
    )
    refused = _candidature(
        database,
        "IML Lyon",
        date(2026, 1, 20),
        admissions.NewHousehold("Lefèvre", "Jean", "h", date(1970, 1, 1)),
        "C-I1",
        referrer="siao",
        entry_situation="hotel_115",
    )
    _decide(database, refused, "refused_structure", date(2026, 2, 3), "no_matching_place")


# ------------------------------------------------------------------ FNAVDL

RESOURCES: Final[Mapping[tuple[str, str], tuple[tuple[str, date | None, date | None], ...]]] = {
    ("A-01", "Thierry"): (("salary", None, None),),
    ("A-01", "Sandrine"): (("activity_bonus", None, None),),
    ("A-02", "Emma"): (("are", None, None),),
    ("A-03", "Nathan"): (("youth", None, None),),
    ("A-04", "Nadia"): (("rsa", None, None),),
    ("A-05", "Bernard"): (("pension", None, None),),
    ("A-06", "Claire"): (("none", None, None),),
    ("A-07", "Denis"): (("aah", None, None),),
    ("A-08", "Samir"): (("salary", date(2025, 1, 1), None),),
    ("A-08", "Rania"): (("disability", None, None),),
    ("A-09", "Océane"): (
        ("rsa", None, date(2026, 2, 28)),
        ("salary", date(2026, 3, 1), None),
    ),
    ("S-01", "Gérard"): (("rsa", None, None),),
    ("S-02", "Sylvie"): (("other", None, None),),
}
"""Monthly resources per person (kind, valid from, valid until), README « golden_fnavdl »."""


def complete_fnavdl(database: Database) -> None:
    """DALO status, suspensions, a renewal, A-01's rehousing, resources."""
    dalo = [measure(database, ref, "avdl_dalo") for ref in ("A-01", "A-05", "A-08")]
    with database.begin_write() as c:
        c.execute(
            update(m.SupportMeasure)
            .where(m.SupportMeasure.id.in_(dalo))
            .values(dalo_status="dalo_priority")
        )
        for (reference, first_name), rows in RESOURCES.items():
            owner = c.execute(
                select(m.Person.id)
                .join(m.Membership, m.Membership.person_id == m.Person.id)
                .join(m.Household, m.Household.id == m.Membership.household_id)
                .where(m.Household.reference == reference, m.Person.first_name == first_name)
            ).scalar_one()
            for kind, valid_from, valid_until in rows:
                add(
                    c,
                    m.PersonResource,
                    person_id=owner,
                    kind=kind,
                    monthly_amount=50_000,
                    valid_from=valid_from,
                    valid_until=valid_until,
                )
    for reference, kind, start, end in (
        ("A-02", "avdl_non_dalo", date(2026, 1, 10), date(2026, 1, 19)),
        ("S-01", "asll", date(2026, 3, 15), date(2026, 4, 5)),
    ):
        measure_id = measure(database, reference, kind)
        support.suspend_measure(
            database,
            actor=ACTOR,
            measure_id=measure_id,
            version=measure_version(database, measure_id),
            start=start,
            end=end,
            today=TODAY,
            now=NOW,
        )
    renewed = measure(database, "A-08", "avdl_dalo")
    support.renew_measure(
        database,
        actor=ACTOR,
        measure_id=renewed,
        version=measure_version(database, renewed),
        decided_on=date(2026, 1, 2),
        months=6,
        today=TODAY,
        now=NOW,
    )
    rehousing.record_rehousing(
        database,
        actor=ACTOR,
        household_id=household(database, "A-01"),
        signed_on=date(2026, 3, 1),
        landlord="M. Blanc",
        sector="private",
        commune="Villeurbanne",
        stay_id=stay(database, "A-01"),
        measure_id=measure(database, "A-01", "avdl_dalo"),
        today=TODAY,
        now=NOW,
    )


# ------------------------------------------------------------------ pension

PENSION: Final = "Pension des Tilleuls"
PENSION_RATE: Final = RateInput(rent=35_000, charges=3_000)


def _admit(database: Database, info: admissions.CandidatureInfo, entry: date, room: str) -> None:
    version = _one(
        database,
        select(m.Candidature.version).where(m.Candidature.id == info.candidature_id),
    )
    admissions.admit(
        database,
        actor=ACTOR,
        candidature_id=info.candidature_id,
        entry=entry,
        version=version,
        contract=admissions.ContractPart(
            kind="residence_agreement", rate=PENSION_RATE, dwelling_id=dwelling(database, room)
        ),
        today=TODAY,
    )


def complete_pension(database: Database) -> None:
    """Dated places, candidatures and admissions, activities, staff (README)."""
    house = _one(database, select(m.Residence.id).where(m.Residence.name == "Maison des Tilleuls"))
    housing.set_residence_places(
        database, actor=ACTOR, residence_id=house, valid_from=date(2020, 1, 1), places=10
    )
    housing.set_residence_places(
        database, actor=ACTOR, residence_id=house, valid_from=date(2026, 3, 1), places=12
    )
    sarah = _candidature(
        database,
        PENSION,
        date(2026, 1, 5),
        admissions.NewHousehold("Petit", "Sarah", "f", date(1998, 2, 14)),
        "T-04",
        referrer="siao",
        entry_situation="street",
    )
    _admit(database, sarah, date(2026, 1, 20), "R-04")
    kevin = _candidature(
        database,
        PENSION,
        date(2025, 12, 10),
        admissions.NewHousehold("Moreau", "Kevin", "h", date(2005, 6, 30)),
        "T-05",
        referrer="spip",
        entry_situation="prison_exit",
    )
    _admit(database, kevin, date(2026, 2, 1), "R-06")
    for reference, oriented, first_name, decision, decided, reason in (
        ("C-P1", date(2026, 2, 2), "Yves", "refused_structure", date(2026, 2, 20),
         "needs_not_matching"),
        ("C-P2", date(2026, 3, 1), "Zoé", "refused_household", date(2026, 3, 10),
         "household_declined_location"),
        ("C-P3", date(2026, 3, 5), "Rémi", "no_follow_up", date(2026, 3, 25), "unreachable"),
    ):  # fmt: skip
        info = _candidature(
            database,
            PENSION,
            oriented,
            admissions.NewHousehold("Candidat", first_name, "unknown", None),
            reference,
        )
        _decide(database, info, decision, decided, reason)
    _candidature(
        database,
        PENSION,
        date(2026, 3, 20),
        admissions.NewHousehold("Candidat", "Léa", "f", date(1980, 4, 4)),
        "C-P4",
    )

    def named(*who: tuple[str, str]) -> list[int]:
        return [person(database, reference, first) for reference, first in who]

    for held_on, kind, attendees, head_count in (
        (date(2025, 12, 20), "shared_meal", named(("T-01", "Monique")), None),
        (
            date(2026, 1, 10),
            "shared_meal",
            named(("T-01", "Monique"), ("T-03", "Paul"), ("T-09", "José"), ("T-09", "Carmen")),
            None,
        ),
        (date(2026, 2, 5), "workshop", named(("T-01", "Monique"), ("T-04", "Sarah")), None),
        (date(2026, 2, 20), "health", None, 6),
        (
            date(2026, 3, 12),
            "concertation_council",
            named(("T-01", "Monique"), ("T-04", "Sarah"), ("T-05", "Kevin"), ("T-08", "Inès")),
            None,
        ),
        (date(2026, 3, 25), "outing", None, 5),
    ):
        residence_life.record_activity(
            database,
            actor=ACTOR,
            residence_id=house,
            held_on=held_on,
            kind=kind,
            title=f"Activité du {held_on.isoformat()}",
            attendees=attendees,
            head_count=head_count,
            today=TODAY,
            now=NOW,
        )
    for programme_name, role, hundredths, start, end in (
        (PENSION, "Hôte", 100, date(2025, 1, 1), None),
        (PENSION, "Travailleur social", 50, date(2026, 2, 1), None),
        (PENSION, "Animatrice", 80, date(2025, 6, 1), date(2026, 1, 31)),
        ("IML Villeurbanne", "Travailleur social", 100, date(2025, 1, 1), None),
    ):
        staff.record_staff_period(
            database,
            actor=ACTOR,
            programme_id=programme(database, programme_name),
            role=role,
            fte_hundredths=hundredths,
            start_date=start,
            end_date=end,
        )


SCENARIOS: Final = (
    Scenario("golden_iml", "iml", complete_iml),
    Scenario("golden_fnavdl", "fnavdl", complete_fnavdl),
    Scenario("golden_pension", "pension", complete_pension),
)


def build(database: Database, scenario: Scenario) -> None:
    """Import the scenario's workbook, then complete it."""
    import_fixture(database, scenario)
    scenario.complete(database)
