"""Occupancy, vacancy and staff arithmetic (DOMAIN §0, §5.6) against hand-computed tables.

January 2026 has 31 days, Q1 2026 90 (31 + 28 + 31), February 2024 29 and Q1 2024 91. Every
day count includes both ends. A rate is occupied ÷ available × 100, rounded half-up to one
decimal at the end.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import occupancy as o
from desktop_app.domain.occupancy import Occupancy, Occupant, Unit, Vacancy, Withdrawal
from desktop_app.domain.periods import Period

D = date
JAN = Period.month(2026, 1)
Q1 = Period.quarter(2026, 1)
EVER = D(1, 1, 1)


def dwelling(
    *occupants: Occupant,
    lots: int = 1,
    places: int = 1,
    first: date | None = None,
    last: date | None = None,
    vacancies: tuple[Vacancy, ...] = (),
) -> Unit:
    return Unit(
        lots=lots,
        places=((date.min, places),),
        first=first,
        last=last,
        withdrawn=o.withdrawals(vacancies, lots, places),
        occupants=occupants,
    )


def family(start: date, end: date | None, persons: int, household: int) -> Occupant:
    """A contract of a household whose ``persons`` members are all there since ever."""
    return Occupant(start, end, tuple((EVER, None) for _ in range(persons)), household)


def whole(unit: Unit, period: Period) -> Occupancy:
    [result] = o.occupancy(unit, [period])
    return result


def rates(result: Occupancy) -> tuple[Decimal | None, Decimal | None]:
    return o.percent(result.dwelling_rate), o.percent(result.place_rate)


# ---------------------------------------------------------------- dwellings, one month


def test_partial_contract_in_a_month() -> None:
    # 1 lot, 2 places; a household of 2 from 11/01: 21 days of 31 occupied.
    # lot-days 21 / 31 = 67.74 %; place-days 2 × 21 = 42 / 2 × 31 = 62 = 67.74 %.
    result = whole(dwelling(family(D(2026, 1, 11), None, 2, 1), places=2), JAN)
    assert result == Occupancy(21, 31, 42, 62)
    assert rates(result) == (Decimal("67.7"), Decimal("67.7"))


def test_neutralised_vacancy_is_not_available() -> None:
    # Vacancy 01/01–10/01 (10 days), contract 11/01–31/01 (21 days).
    # Neutralised: available 31 − 10 = 21, occupied 21: 100 %.
    # Not neutralised: available 31, occupied 21: 67.7 %.
    occupant = family(D(2026, 1, 11), D(2026, 1, 31), 1, 1)
    for neutralised, expected in (
        (True, Occupancy(21, 21, 21, 21)),
        (False, Occupancy(21, 31, 21, 31)),
    ):
        vacancy = Vacancy(D(2026, 1, 1), D(2026, 1, 10), "works", neutralised)
        assert whole(dwelling(occupant, vacancies=(vacancy,)), JAN) == expected
    vacancy = Vacancy(D(2026, 1, 1), D(2026, 1, 10), "works", True)
    assert rates(whole(dwelling(occupant, vacancies=(vacancy,)), JAN)) == (
        Decimal("100.0"),
        Decimal("100.0"),
    )


def test_returned_and_captured_dwellings() -> None:
    # Returned on 15/01 (its last day): available 01/01–15/01 = 15 days, occupied 15.
    returned = dwelling(family(D(2025, 6, 1), D(2026, 1, 15), 1, 1), last=D(2026, 1, 15))
    assert whole(returned, JAN) == Occupancy(15, 15, 15, 15)
    # Captured on 20/01, empty: available 20/01–31/01 = 12 days, nothing occupied: 0 %.
    captured = dwelling(first=D(2026, 1, 20))
    assert whole(captured, JAN) == Occupancy(0, 12, 0, 12)
    assert rates(whole(captured, JAN)) == (Decimal("0.0"), Decimal("0.0"))
    # Returned before the month: nothing available, an empty rate (never 0 %).
    gone = dwelling(last=D(2025, 12, 31))
    assert whole(gone, JAN) == Occupancy()
    assert rates(whole(gone, JAN)) == (None, None)


def test_two_lots() -> None:
    # 2 lots, 3 places. A: 1 person all January; B: 2 persons from 16/01 (16 days).
    # lot-days: available 2 × 31 = 62; occupied 31 + 16 = 47 → 75.81 → 75.8 %.
    # place-days: available 3 × 31 = 93; 01–15: 1 × 15 = 15, 16–31: 3 × 16 = 48 → 63 → 67.7 %.
    unit = dwelling(
        family(D(2025, 1, 1), None, 1, 1),
        family(D(2026, 1, 16), None, 2, 2),
        lots=2,
        places=3,
    )
    result = whole(unit, JAN)
    assert result == Occupancy(47, 62, 63, 93)
    assert rates(result) == (Decimal("75.8"), Decimal("67.7"))


def test_household_larger_than_the_places() -> None:
    # 2 places, a household of 4: min(4, 2) = 2 each day → 62 / 62 = 100 %.
    assert whole(dwelling(family(D(2025, 1, 1), None, 4, 1), places=2), JAN) == Occupancy(
        31, 31, 62, 62
    )
    # 2 places, one person, a second joins on 21/01 and leaves on 25/01 (5 days):
    # 31 × 1 + 5 × 1 = 36 of 62 → 58.1 %.
    occupant = Occupant(D(2025, 1, 1), None, ((EVER, None), (D(2026, 1, 21), D(2026, 1, 25))), 1)
    result = whole(dwelling(occupant, places=2), JAN)
    assert result.occupied_place_days == 36
    assert o.percent(result.place_rate) == Decimal("58.1")


def test_leap_february() -> None:
    # February 2024: 29 days. A contract from 15/02: 15..29 = 15 days → 15 / 29 = 51.72 %.
    unit = dwelling(family(D(2024, 2, 15), None, 1, 1))
    february = Period.month(2024, 2)
    assert whole(unit, february) == Occupancy(15, 29, 15, 29)
    assert o.percent(whole(unit, february).dwelling_rate) == Decimal("51.7")
    # Q1 2024: 91 days; occupied 15 + 31 = 46 → 50.55 → 50.5 %.
    q1 = Period.quarter(2024, 1)
    assert q1.days == 91
    assert whole(unit, q1) == Occupancy(46, 91, 46, 91)
    assert o.percent(whole(unit, q1).dwelling_rate) == Decimal("50.5")


def test_months_add_up_to_the_period() -> None:
    # Contract 20/01–10/03: January 12 / 31, February 28 / 28, March 10 / 31; Q1 50 / 90.
    unit = dwelling(family(D(2026, 1, 20), D(2026, 3, 10), 1, 1))
    months = o.occupancy(unit, Q1.months())
    assert [(m.occupied_lot_days, m.available_lot_days) for m in months] == [
        (12, 31),
        (28, 28),
        (10, 31),
    ]
    assert sum(months, Occupancy()) == whole(unit, Q1) == Occupancy(50, 90, 50, 90)
    assert o.percent(whole(unit, Q1).dwelling_rate) == Decimal("55.6")  # 55.555…


# ---------------------------------------------------------------- a pension


def residence(*occupants: Occupant, withdrawn: tuple[Withdrawal, ...] = ()) -> Unit:
    # 10 places since 2025, 12 from 01/02/2026.
    return Unit(
        lots=0,
        places=((D(2025, 1, 1), 10), (D(2026, 2, 1), 12)),
        withdrawn=withdrawn,
        occupants=occupants,
    )


def test_pension_places_are_dated() -> None:
    # Available: 10 × 31 (January) + 12 × 59 (February, March) = 310 + 708 = 1 018.
    # Occupied: a household of 2 all the quarter (180) + one person from 01/03 (31) = 211.
    # 211 / 1 018 = 20.727 → 20.7 %; no lot-days in a pension.
    unit = residence(family(D(2025, 3, 1), None, 2, 1), family(D(2026, 3, 1), None, 1, 2))
    result = whole(unit, Q1)
    assert result == Occupancy(0, 0, 211, 1018)
    assert o.percent(result.place_rate) == Decimal("20.7")
    assert result.dwelling_rate is None
    assert unit.places_on(D(2026, 1, 31)) == 10
    assert unit.places_on(D(2026, 3, 31)) == 12
    assert unit.places_on(D(2024, 12, 31)) == 0


def test_pension_neutralised_room_and_one_household_twice() -> None:
    # A room of 1 place neutralised 01/02–28/02: 1 018 − 28 = 990 available.
    # The same household (id 1) holds two contracts in March (a change of room with a day of
    # overlap on 01/03): its 2 persons count once. Occupied: 2 × 90 = 180 → 18.2 %.
    room = Withdrawal(D(2026, 2, 1), D(2026, 2, 28), 0, 1)
    unit = residence(
        family(D(2025, 3, 1), D(2026, 3, 1), 2, 1),
        family(D(2026, 3, 1), None, 2, 1),
        withdrawn=(room,),
    )
    result = whole(unit, Q1)
    assert result == Occupancy(0, 0, 180, 990)
    assert o.percent(result.place_rate) == Decimal("18.2")


# ---------------------------------------------------------------- vacancy and staff


def test_vacancy_days_by_reason() -> None:
    vacancies = [
        Vacancy(D(2025, 12, 20), D(2026, 1, 10), "works"),  # 01/01–10/01: 10 days
        Vacancy(D(2026, 2, 1), D(2026, 2, 1), "works", True),  # one day, neutralised: 1
        Vacancy(D(2026, 3, 20), None, "awaiting_orientation"),  # 20/03–31/03: 12 days
        Vacancy(D(2026, 4, 1), None, "other"),  # after the quarter
    ]
    assert o.vacancy_days(vacancies, Q1) == {"works": 11, "awaiting_orientation": 12}
    # Returned on 25/03 (its last day): the open vacancy stops there: 20/03–25/03 = 6 days.
    assert o.vacancy_days(vacancies, Q1, last=D(2026, 3, 25)) == {
        "works": 11,
        "awaiting_orientation": 6,
    }


def test_mean_fte() -> None:
    # 0,8 ETP all the quarter and 0,5 ETP from 01/03 (31 days):
    # (80 × 90 + 50 × 31) / (100 × 90) = 8 750 / 9 000 = 0.9722 → 0.97.
    staff = [(80, D(2025, 1, 1), None), (50, D(2026, 3, 1), D(2026, 12, 31))]
    assert o.mean_fte(staff, Q1) == Decimal("0.97")
    assert o.mean_fte([], Q1) == Decimal("0.00")
    assert o.mean_fte([(100, D(2026, 4, 1), None)], Q1) == Decimal("0.00")


def test_rounding_is_half_up_at_the_end() -> None:
    assert o.percent(Fraction(1, 20)) == Decimal("0.1")
    assert o.percent(Fraction(201, 2)) == Decimal("100.5")
    assert o.percent(o.rate(2, 3)) == Decimal("66.7")
    assert o.rate(0, 0) is None
    assert o.percent(None) is None
    assert o.stretch_days(None, None, Q1) == 90
    assert o.stretch_days(D(2026, 4, 1), None, Q1) == 0


# ---------------------------------------------------------------- against day by day


def day_by_day(unit: Unit, period: Period) -> Occupancy:
    """The definition read literally, one day at a time (the reference for the walk)."""

    def covers(first: date | None, last: date | None, day: date) -> bool:
        return (first is None or first <= day) and (last is None or day <= last)

    total = Occupancy()
    day = period.start
    while day <= period.end:
        if covers(unit.first, unit.last, day):
            lots = unit.lots - sum(w.lots for w in unit.withdrawn if covers(w.start, w.end, day))
            places = unit.places_on(day) - sum(
                w.places for w in unit.withdrawn if covers(w.start, w.end, day)
            )
            lots, places = max(lots, 0), max(places, 0)
            running = {x.household_id: x for x in unit.occupants if covers(x.start, x.end, day)}
            persons = sum(
                sum(1 for a, b in x.persons if covers(a, b, day)) for x in running.values()
            )
            total += Occupancy(min(len(running), lots), lots, min(persons, places), places)
        day += timedelta(days=1)
    return total


_days = st.integers(min_value=-40, max_value=130).map(lambda n: D(2026, 1, 1) + timedelta(n))


@st.composite
def stretches(draw: st.DrawFn) -> tuple[date, date | None]:
    first = draw(_days)
    length = draw(st.none() | st.integers(min_value=0, max_value=80))
    return first, None if length is None else first + timedelta(days=length)


@st.composite
def units(draw: st.DrawFn) -> Unit:
    lots = draw(st.integers(min_value=1, max_value=3))
    places = draw(st.integers(min_value=0, max_value=4))
    occupants = []
    for household in range(draw(st.integers(min_value=0, max_value=4))):
        start, end = draw(stretches())
        persons = tuple(draw(st.lists(stretches(), max_size=4)))
        occupants.append(Occupant(start, end, persons, household % 3))
    withdrawn = tuple(
        Withdrawal(start, end, lots, places)
        for start, end in draw(st.lists(stretches(), max_size=2))
    )
    first = draw(st.none() | _days)
    last = draw(st.none() | _days)
    if first is not None and last is not None and last < first:
        first, last = last, first
    return Unit(
        lots,
        ((date.min, places), (D(2026, 2, 10), places + 1)),
        first,
        last,
        withdrawn,
        tuple(occupants),
    )


@settings(max_examples=200, deadline=None)
@given(units())
def test_walk_equals_the_day_by_day_definition(unit: Unit) -> None:
    months = o.occupancy(unit, Q1.months())
    assert sum(months, Occupancy()) == day_by_day(unit, Q1)
    for part, result in zip(Q1.months(), months, strict=True):
        assert result == day_by_day(unit, part)
        assert result.occupied_lot_days <= result.available_lot_days
        assert result.occupied_place_days <= result.available_place_days


def test_a_year_of_two_thousand_dwellings_is_fast() -> None:
    # Each dwelling: 2 lots, 3 places, two contracts a year with a member joining, a
    # neutralised vacancy between them.
    year = Period.year(2026)
    stock = [
        dwelling(
            Occupant(D(2025, 6, 1), D(2026, 4, 30), ((EVER, None), (D(2026, 2, 1), None)), 2 * i),
            Occupant(D(2026, 6, 1), None, ((EVER, None),), 2 * i + 1),
            lots=2,
            places=3,
            vacancies=(Vacancy(D(2026, 5, 1), D(2026, 5, 31), "works", True),),
        )
        for i in range(2000)
    ]
    began = time.perf_counter()
    months = o.occupancy_of(stock, year.months())
    elapsed = time.perf_counter() - began
    total = sum(months, Occupancy())
    # Per dwelling: available lot-days 2 × (365 − 31) = 668; occupied: 1 lot 01/01–30/04
    # (120 days) + 1 lot 01/06–31/12 (214 days) = 334.
    assert total.available_lot_days == 2000 * 668
    assert total.occupied_lot_days == 2000 * 334
    assert elapsed < 1.0, f"{elapsed:.2f} s"


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (dwelling(), Occupancy(0, 31, 0, 31)),
        (dwelling(places=0), Occupancy(0, 31, 0, 0)),
        (dwelling(family(D(2026, 2, 1), None, 1, 1)), Occupancy(0, 31, 0, 31)),
    ],
)
def test_empty_dwellings(unit: Unit, expected: Occupancy) -> None:
    assert whole(unit, JAN) == expected
