"""The housing, pension and arrears figures of the returns, read from a real database.

The period is Q1 2026 (01/01 → 31/03, 90 days: January 31, February 28, March 31). Every
expected value is computed by hand in the comments; day counts include both ends.

The association:

- IML Lyon (iml_sublease): IML-1 (private, T2, 1 lot, 2 places, captured 2025) holds H1 (a
  parent and a child) all along; IML-2 (social, studio, 1 place) is captured on 01/02, vacant
  in February (awaiting an orientation, not neutralised), H2 (1 person) from 01/03; IML-5 is
  captured after the quarter.
- Bail glissant (sliding_lease): IML-3 (social, no typology, 2 lots, 3 places, in the stock
  since ever) is neutralised in January (works), holds H3 (4 members, one a visiting child)
  from 01/02 and is returned on 15/03 (its last day).
- IML Mandat (iml_mandate): IML-4 was returned on 31/12/2025; H6's contract there left an
  unpaid December.
- Pension Les Tilleuls (boarding_house): the residence has 3 places, 4 from 01/03; room R1 (1
  place) holds H4 (1 person); room R2 (2 places) is neutralised 01/01–14/02 (45 days) and
  holds H5 (a couple) from 15/02.
- AVDL Rhône (avdl): H6 enters on 10/02 (with H6's old debt), H3 leaves on 15/03.

Rents are charged on the 1st, due on the 5th; the grace is 10 days (default), so a term is in
default from the 15th.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine

from desktop_app.domain.figures import CATALOGUE, Figure, Series, codes_of
from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import contracts
from desktop_app.services.contracts import RateInput
from desktop_app.services.report_housing import CODES, housing_figures, housing_series
from desktop_app.services.report_scope import resolve_scope
from desktop_app.services.system import Workspace, open_workspace
from tests.services.support_builders import add

pytestmark = pytest.mark.db

D = date
Q1 = Period.quarter(2026, 1)
NOW = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)


@dataclass
class World:
    workspace: Workspace
    ids: dict[str, int] = field(default_factory=dict)

    def figures(self, kind: str, programme: str | None = None) -> dict[str, Figure]:
        with self.workspace.database.read() as session:
            scope = resolve_scope(session, kind=kind, period=Q1, programme=programme)
            return housing_figures(session, scope)

    def values(self, kind: str, programme: str | None = None) -> dict[str, Any]:
        return {code: f.value for code, f in self.figures(kind, programme).items()}

    def series(self, kind: str) -> dict[str, Series]:
        with self.workspace.database.read() as session:
            scope = resolve_scope(session, kind=kind, period=Q1)
            return {s.key: s for s in housing_series(session, scope)}

    def households(self, *names: str) -> tuple[int, ...]:
        return tuple(sorted(self.ids[name] for name in names))


def _household(c: Any, ids: dict[str, int], name: str, *roles: str) -> None:
    ids[name] = add(c, m.Household, reference=f"M-{name}")
    for index, role in enumerate(roles):
        person = add(c, m.Person, last_name=name, first_name=f"P{index}", sex="unknown")
        ids[f"{name}.{index}"] = person
        add(
            c,
            m.Membership,
            household_id=ids[name],
            person_id=person,
            role=role,
            joined_on=D(2020, 1, 1),
        )


def _dwelling(c: Any, ids: dict[str, int], reference: str, programme: str, **values: Any) -> None:
    ids[reference] = add(
        c,
        m.Dwelling,
        reference=reference,
        address="1 rue du Test",
        commune="Lyon",
        programme_id=ids[programme],
        **values,
    )


def _charge(c: Any, contract: int, month: date, amount: int, nature: str = "rent") -> None:
    add(
        c,
        m.LedgerEntry,
        contract_id=contract,
        posted_on=month,
        period_month=month,
        kind="charge",
        nature=nature,
        amount=amount,
        generated=True,
        created_at=NOW,
    )


def _payment(c: Any, contract: int, day: date, amount: int) -> None:
    add(
        c,
        m.LedgerEntry,
        contract_id=contract,
        posted_on=day,
        kind="household_payment",
        amount=amount,
        created_at=NOW,
    )


def _stock(c: Any, ids: dict[str, int]) -> None:
    add(c, m.Organisation, name="Association Toit Partagé")
    for key, name, kind in (
        ("iml", "IML Lyon", "iml_sublease"),
        ("sliding", "Bail glissant", "sliding_lease"),
        ("mandate", "IML Mandat", "iml_mandate"),
        ("pension", "Pension Les Tilleuls", "boarding_house"),
        ("avdl", "AVDL Rhône", "avdl"),
    ):
        ids[key] = add(c, m.Programme, name=name, kind=kind)
    _dwelling(c, ids, "IML-1", "iml", sector="private", typology="t2", places=2,
              captured_on=D(2025, 1, 1))  # fmt: skip
    _dwelling(c, ids, "IML-2", "iml", sector="social", typology="studio", places=1,
              captured_on=D(2026, 2, 1))  # fmt: skip
    _dwelling(c, ids, "IML-3", "sliding", sector="social", lots=2, places=3,
              returned_on=D(2026, 3, 15))  # fmt: skip
    _dwelling(c, ids, "IML-4", "mandate", sector="private", typology="t1", places=1,
              captured_on=D(2025, 6, 1), returned_on=D(2025, 12, 31))  # fmt: skip
    _dwelling(c, ids, "IML-5", "iml", typology="t3", places=4, captured_on=D(2026, 4, 1))
    add(c, m.VacancyPeriod, dwelling_id=ids["IML-2"], start_date=D(2026, 2, 1),
        end_date=D(2026, 2, 28), reason="awaiting_orientation", neutralised=False)  # fmt: skip
    add(c, m.VacancyPeriod, dwelling_id=ids["IML-3"], start_date=D(2026, 1, 1),
        end_date=D(2026, 1, 31), reason="works", neutralised=True)  # fmt: skip
    ids["tilleuls"] = add(c, m.Residence, name="Les Tilleuls", programme_id=ids["pension"])
    add(c, m.ResidencePlaces, residence_id=ids["tilleuls"], valid_from=D(2025, 1, 1), places=3)
    add(c, m.ResidencePlaces, residence_id=ids["tilleuls"], valid_from=D(2026, 3, 1), places=4)
    for reference, places in (("R1", 1), ("R2", 2)):
        _dwelling(c, ids, reference, "pension", residence_id=ids["tilleuls"], places=places,
                  captured_on=D(2024, 1, 1))  # fmt: skip
    add(c, m.VacancyPeriod, dwelling_id=ids["R2"], start_date=D(2026, 1, 1),
        end_date=D(2026, 2, 14), reason="candidates_refused", neutralised=True)  # fmt: skip


def _people(c: Any, ids: dict[str, int]) -> None:
    _household(c, ids, "H1", "head", "child")
    _household(c, ids, "H2", "head")
    _household(c, ids, "H3", "head", "partner", "child", "visiting_child")
    _household(c, ids, "H4", "head")
    _household(c, ids, "H5", "head", "partner")
    _household(c, ids, "H6", "head")
    for household, programme, entry, leaving in (
        ("H1", "iml", D(2025, 3, 1), None),
        ("H2", "iml", D(2026, 3, 1), None),
        ("H3", "sliding", D(2026, 2, 1), D(2026, 3, 15)),
        ("H3", "avdl", D(2025, 9, 1), D(2026, 3, 15)),
        ("H4", "pension", D(2025, 6, 1), None),
        ("H5", "pension", D(2026, 2, 15), None),
        ("H6", "mandate", D(2025, 6, 1), D(2025, 12, 31)),
        ("H6", "avdl", D(2026, 2, 10), None),
    ):
        add(
            c,
            m.Stay,
            household_id=ids[household],
            programme_id=ids[programme],
            entry_date=entry,
            exit_date=leaving,
            destination="unknown" if leaving else None,
            exit_reason="other" if leaving else None,
        )


def _life(c: Any, ids: dict[str, int]) -> None:
    residence = ids["tilleuls"]
    for key, day, kind, head_count in (
        ("meal", D(2026, 1, 10), "shared_meal", None),
        ("council", D(2026, 2, 20), "concertation_council", None),
        ("health", D(2026, 3, 5), "health", 5),
        ("before", D(2025, 12, 20), "workshop", 3),
    ):
        ids[key] = add(c, m.CollectiveActivity, residence_id=residence, held_on=day, kind=kind,
                       title=kind, head_count=head_count, created_at=NOW)  # fmt: skip
    for activity, person in (("meal", "H4.0"), ("council", "H4.0"), ("council", "H5.0")):
        add(c, m.ActivityAttendance, activity_id=ids[activity], person_id=ids[person])
    for household, day, kind in (
        ("H4", D(2026, 1, 12), "office"),
        ("H4", D(2026, 2, 1), "no_show"),
        ("H5", D(2026, 3, 10), "home_visit"),
        ("H5", D(2026, 4, 2), "phone"),
        ("H1", D(2026, 2, 2), "office"),
    ):
        add(c, m.Contact, household_id=ids[household], held_on=day, kind=kind, created_at=NOW)
    for programme, fte, start, end in (
        ("pension", 80, D(2025, 1, 1), None),
        ("pension", 50, D(2026, 3, 1), D(2026, 12, 31)),
        ("iml", 100, D(2025, 1, 1), None),
    ):
        add(c, m.StaffPeriod, programme_id=ids[programme], role="hôte", fte_hundredths=fte,
            start_date=start, end_date=end)  # fmt: skip


def _contract(
    world: World,
    household: str,
    dwelling: str,
    kind: str,
    start: date,
    *,
    end: date | None = None,
    rent: int = 40_000,
) -> int:
    info = contracts.create_contract(
        world.workspace.database,
        actor=SYSTEM_ACTOR,
        household_id=world.ids[household],
        dwelling_id=world.ids[dwelling],
        kind=kind,
        start=start,
        end=end,
        rate=RateInput(rent=rent),
    )
    return info.contract_id


def _ledger(world: World) -> None:
    ids = world.ids
    k1 = _contract(world, "H1", "IML-1", "sublease", D(2025, 3, 1), rent=44_000)
    k2 = _contract(world, "H2", "IML-2", "sublease", D(2026, 3, 1), rent=30_000)
    k3 = _contract(
        world, "H3", "IML-3", "sliding_sublease", D(2026, 2, 1), end=D(2026, 3, 15), rent=50_000
    )
    k4 = _contract(world, "H4", "R1", "residence_agreement", D(2025, 6, 1), rent=30_000)
    _contract(world, "H5", "R2", "residence_agreement", D(2026, 2, 15), rent=30_000)
    k6 = _contract(
        world, "H6", "IML-4", "lease_mandate", D(2025, 6, 1), end=D(2025, 12, 31), rent=44_000
    )
    ids.update(k1=k1, k3=k3)
    with world.workspace.database.begin_write() as c:
        # H1: January paid on 08/01, February unpaid, 200 € on 08/03 (settles February first):
        # on 31/03 February 240 + March 440 = 680 € in default.
        for month in (D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)):
            _charge(c, k1, month, 44_000)
        _payment(c, k1, D(2026, 1, 8), 44_000)
        _payment(c, k1, D(2026, 3, 8), 20_000)
        # H2: March paid on 06/03: no debt.
        _charge(c, k2, D(2026, 3, 1), 30_000)
        _payment(c, k2, D(2026, 3, 6), 30_000)
        # H3: February paid; March (250 €) unpaid, in default from 15/03, its exit day.
        _charge(c, k3, D(2026, 2, 1), 50_000)
        _payment(c, k3, D(2026, 2, 6), 50_000)
        _charge(c, k3, D(2026, 3, 1), 25_000)
        # H4 (pension): January's redevance (300 €) unpaid.
        _charge(c, k4, D(2026, 1, 1), 30_000)
        # H6: December 2025 (440 €) unpaid, on an ended contract of a returned dwelling.
        _charge(c, k6, D(2025, 12, 1), 44_000)


@pytest.fixture
def world(database_target: DatabaseTarget) -> Iterator[World]:
    workspace = open_workspace(database_target)
    built = World(workspace)
    with workspace.database.begin_write() as c:
        _stock(c, built.ids)
        _people(c, built.ids)
        _life(c, built.ids)
    _ledger(built)
    yield built
    workspace.close()


# ---------------------------------------------------------------- the IML return


def test_iml_stock(world: World) -> None:
    values = world.values("iml")
    # Start: IML-1 (captured 2025) and IML-3 (since ever, returned 15/03 ≥ 01/01) = 2.
    # Captured: IML-2 (01/02). Returned: IML-3 (15/03). End: IML-1, IML-2 = 2 (2 + 1 − 1).
    # IML-4 (returned 2025) and IML-5 (captured after the quarter) never count.
    assert [values[f"dwellings.{k}"] for k in ("start", "captured", "returned", "end")] == [
        2,
        1,
        1,
        2,
    ]
    assert values["places.start"] == 2 + 3
    assert values["places.end"] == 2 + 1
    assert values["dwellings.end.iml_sublease.private"] == 1
    assert values["dwellings.end.iml_sublease.social"] == 1
    assert values["dwellings.end.typology.t2"] == 1
    assert values["dwellings.end.typology.studio"] == 1
    nonzero = {
        code
        for code, value in values.items()
        if code.startswith("dwellings.end.") and "typology" not in code and value
    }
    assert nonzero == {"dwellings.end.iml_sublease.private", "dwellings.end.iml_sublease.social"}
    assert values["dwellings.end.typology.unknown"] == 0
    figures = world.figures("iml")
    assert figures["dwellings.start"].households == world.households("H1", "H3")
    assert figures["dwellings.returned"].households == world.households("H3")
    assert figures["dwellings.end"].households == world.households("H1", "H2")


def test_iml_vacancy_and_occupancy(world: World) -> None:
    values = world.values("iml")
    # IML-2: 01/02–28/02 = 28 days; IML-3: 01/01–31/01 = 31 days (neutralised, still vacancy).
    assert values["vacancy_days"] == 59
    assert values["vacancy_days.awaiting_orientation"] == 28
    assert values["vacancy_days.works"] == 31
    assert values["vacancy_days.disaster"] == 0
    # Lot-days, occupied / available:
    #   IML-1: 90 / 90; IML-2: in the stock 01/02–31/03 = 59 days, H2 from 01/03 = 31 / 59;
    #   IML-3: available 01/02–15/03 = 43 days × 2 lots = 86, one household = 43 / 86.
    #   164 / 235 = 69.787 → 69.8 %.
    # Place-days: IML-1 2 × 90 = 180 / 180; IML-2 31 / 59; IML-3 3 persons (the visiting
    #   child not counted) × 43 = 129 / 3 × 43 = 129. 340 / 368 = 92.391 → 92.4 %.
    assert values["occupancy_rate.dwellings"] == Decimal("69.8")
    assert values["occupancy_rate"] == Decimal("92.4")
    figures = world.figures("iml")
    assert figures["occupancy_rate"].households == world.households("H1", "H2", "H3")
    assert figures["vacancy_days"].households == ()


def test_iml_arrears(world: World) -> None:
    figures = world.figures("iml")
    # On 31/03: H1 680 €, H3 250 € (contract ended, debt stays), H6 440 € (a dwelling of the
    # IML Mandat programme, returned in 2025); H2 owes nothing; H4 is a pension's.
    assert figures["arrears.households"].value == 3
    assert figures["arrears.households"].households == world.households("H1", "H3", "H6")
    assert figures["arrears.total_eur"].value == Decimal("1370.00")
    assert "arrears.at_entry" not in figures  # the FNAVDL bilan's


def test_iml_series(world: World) -> None:
    series = world.series("iml")
    occupancy = series["occupancy"]
    assert occupancy.title == "Taux d'occupation par mois"
    assert occupancy.labels == ("01/2026", "02/2026", "03/2026")
    # January: IML-1 only (IML-3 neutralised, IML-2 not captured): lots 31/31, places 62/62.
    # February: lots IML-1 28 + IML-3 28 = 56 / (28 + 28 + 56) = 112 → 50.0 %;
    #           places 56 + 0 + 84 = 140 / (56 + 28 + 84) = 168 → 83.3 %.
    # March: lots 31 + 31 + 15 = 77 / (31 + 31 + 30) = 92 → 83.7 %;
    #        places 62 + 31 + 45 = 138 / 138 → 100.0 %.
    assert dict(occupancy.lines) == {
        "Places": (Decimal("100.0"), Decimal("83.3"), Decimal("100.0")),
        "Logements": (Decimal("100.0"), Decimal("50.0"), Decimal("83.7")),
    }
    arrears = series["arrears"]
    assert arrears.title == "Ménages en impayé en fin de mois"
    assert arrears.unit == "count"
    # 31/01: H6; 28/02: H6 and H1 (February in default from 15/02); 31/03: H1, H3, H6.
    assert arrears.lines == (("Ménages en impayé", (1, 2, 3)),)


def test_narrowed_to_one_programme(world: World) -> None:
    values = world.values("iml", "Bail glissant")
    assert [values[f"dwellings.{k}"] for k in ("start", "captured", "returned", "end")] == [
        1,
        0,
        1,
        0,
    ]
    # IML-3 only: lots 43 / 86 = 50.0 %, places 129 / 129 = 100.0 %.
    assert values["occupancy_rate.dwellings"] == Decimal("50.0")
    assert values["occupancy_rate"] == Decimal("100.0")
    assert values["vacancy_days"] == 31
    assert values["arrears.households"] == 1
    assert values["arrears.total_eur"] == Decimal("250.00")
    # A pension narrowed in the IML return: an empty scope, never the pension's figures.
    empty = world.values("iml", "Pension Les Tilleuls")
    assert empty["dwellings.end"] == 0
    assert empty["occupancy_rate"] is None
    assert empty["occupancy_rate.dwellings"] is None
    assert empty["arrears.households"] == 0
    assert empty["arrears.total_eur"] == Decimal("0.00")


# ---------------------------------------------------------------- the pension report


def test_pension_places_and_occupancy(world: World) -> None:
    figures = world.figures("pension")
    assert figures["places"].value == 4  # in force on 31/03
    # Available places: January 3 − 2 (R2 neutralised) = 1 × 31 = 31; 01/02–14/02 1 × 14 = 14;
    #   15/02–28/02 3 × 14 = 42; March 4 × 31 = 124 → 211.
    # Present: H4 (1) all along, H5 (2) from 15/02. Occupied: January min(1, 1) × 31 = 31;
    #   01/02–14/02 1 × 14 = 14; 15/02–28/02 min(3, 3) × 14 = 42; March min(3, 4) × 31 = 93
    #   → 180. 180 / 211 = 85.308 → 85.3 %.
    assert figures["occupancy_rate"].value == Decimal("85.3")
    assert figures["occupancy_rate"].households == world.households("H4", "H5")
    assert "occupancy_rate.dwellings" not in figures
    assert "dwellings.end" not in figures
    series = world.series("pension")
    # January 31 / 31; February (14 + 42) / (14 + 42) = 100; March 93 / 124 = 75.0 %.
    assert series["occupancy"].lines == (
        ("Places", (Decimal("100.0"), Decimal("100.0"), Decimal("75.0"))),
    )


def test_pension_life(world: World) -> None:
    figures = world.figures("pension")
    # Three activities in the quarter (the December workshop is not): a meal, a council and a
    # health action; attendance 1 (meal) + 2 (council) + 5 (head count) = 8.
    assert figures["activities.count"].value == 3
    assert figures["activities.shared_meal"].value == 1
    assert figures["activities.concertation_council"].value == 1
    assert figures["activities.health"].value == 1
    assert figures["activities.workshop"].value == 0
    assert figures["activities.attendance"].value == 8
    assert figures["activities.attendance"].households == world.households("H4", "H5")
    assert figures["councils"].value == 1
    # H4's office visit and H5's home visit; not H4's no-show, H5's April call, H1 (IML).
    assert figures["contacts.count"].value == 2
    assert figures["contacts.count"].households == world.households("H4", "H5")
    # (80 × 90 + 50 × 31) / (100 × 90) = 8 750 / 9 000 = 0.972 → 0.97 ETP (not the IML's).
    assert figures["staff.fte"].value == Decimal("0.97")
    assert figures["arrears.households"].value == 1  # H4's January redevance
    assert figures["arrears.total_eur"].value == Decimal("300.00")


# ---------------------------------------------------------------- the FNAVDL bilan


def test_fnavdl_arrears_at_entry_and_exit(world: World) -> None:
    figures = world.figures("fnavdl")
    assert set(figures) == {c for c in codes_of("fnavdl") if c in CODES}
    # H6 enters on 10/02 owing December 2025 (440 €, an IML contract): at entry.
    assert figures["arrears.at_entry"].value == 1
    assert figures["arrears.at_entry"].households == world.households("H6")
    # H3 leaves on 15/03, the day March (250 €) falls into default: at exit.
    assert figures["arrears.at_exit"].value == 1
    assert figures["arrears.at_exit"].households == world.households("H3")
    # No contract of an AVDL dwelling or stay: nobody in arrears in the bilan's own scope.
    assert figures["arrears.households"].value == 0
    assert figures["arrears.total_eur"].value == Decimal("0.00")
    assert "occupancy" not in world.series("fnavdl")


# ---------------------------------------------------------------- every programme


def test_a_grid_on_every_programme(world: World) -> None:
    figures = world.figures("all")
    assert set(figures) == set(CODES)
    values = {code: f.value for code, f in figures.items()}
    # The dwelling codes stay the IML dwellings' (so the splits add up); the place rate
    # covers IML dwellings and the pension: (340 + 180) / (368 + 211) = 520 / 579 = 89.8 %.
    assert values["dwellings.end"] == 2
    assert values["occupancy_rate"] == Decimal("89.8")
    assert values["occupancy_rate.dwellings"] == Decimal("69.8")
    assert values["places"] == 4
    assert values["arrears.households"] == 4  # H1, H3, H4, H6
    assert values["arrears.total_eur"] == Decimal("1670.00")
    assert values["arrears.at_entry"] == 1
    assert values["arrears.at_exit"] == 1
    assert values["staff.fte"] == Decimal("1.97")  # the IML's full-time post too
    assert all(code in CATALOGUE for code in figures)


def test_each_return_gets_exactly_its_codes(world: World) -> None:
    for kind in ("iml", "pension", "fnavdl"):
        figures = world.figures(kind)
        assert list(figures) == [c for c in codes_of(kind) if c in CODES]
        assert all(f.code == code for code, f in figures.items())


def test_queries_do_not_grow_with_the_stock(
    world: World, count_statements: Callable[[Engine], Any]
) -> None:
    engine = world.workspace.database.engine

    def statements() -> int:
        with count_statements(engine) as counter:
            world.figures("all")
        return int(counter.count)

    before = statements()
    with world.workspace.database.begin_write() as c:
        for index in range(5):
            reference = f"EXTRA-{index}"
            _dwelling(c, world.ids, reference, "iml", places=1, captured_on=D(2025, 1, 1))
            _household(c, world.ids, f"H-{reference}", "head")
    for index in range(5):
        reference = f"EXTRA-{index}"
        contract = _contract(world, f"H-{reference}", reference, "sublease", D(2025, 1, 1))
        with world.workspace.database.begin_write() as c:
            _charge(c, contract, D(2026, 1, 1), 40_000)
    assert statements() == before
    assert world.values("iml")["dwellings.end"] == 7
    assert world.values("iml")["arrears.households"] == 8
