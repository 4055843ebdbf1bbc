"""Occupancy, vacancy and staff arithmetic of the returns (DOMAIN §0, §5.6), as pure functions.

A **unit** is what a rate is computed on: an IML dwelling, or a whole pension de famille (whose
places are the residence's, dated). On each day d of the period:

- a unit is **available** when d lies in its presence in the stock (``first`` … ``last``, both
  counted: the day a dwelling is returned is its last available day) and, for the part not
  withdrawn, outside a neutralised vacancy;
- **available lots** = lots − lots withdrawn that day (never below 0), **available places** =
  places in force that day − places withdrawn (never below 0);
- **occupied lots** = min(contracts running that day, available lots);
- **occupied places** = min(persons present, available places), persons present being the
  counted members (visiting children already left out by the caller) of the households with a
  contract running that day; a household with two contracts running in one unit counts once.

dwelling rate = Σ occupied lot-days ÷ Σ available lot-days; place rate = Σ occupied place-days
÷ Σ available place-days, as percentages; an empty denominator gives None (DOMAIN §0).

Nothing walks the calendar day by day: every date where something changes (a contract, a
membership, a withdrawal, a change of places, the stock dates, the start of each part) cuts the
period into stretches that are constant, and each stretch counts as its length × its state.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise
from typing import Final

from desktop_app.domain.periods import Period

_ONE_DAY: Final = timedelta(days=1)
_HUNDRED: Final = 100
_FTE_QUANTUM: Final = Decimal("0.01")

Stretch = tuple[date, date | None]
"""An inclusive ``(first, last)`` run of days; ``last`` None while it goes on."""


def _covers(first: date | None, last: date | None, day: date) -> bool:
    return (first is None or first <= day) and (last is None or day <= last)


def stretch_days(first: date | None, last: date | None, period: Period) -> int:
    """Days of ``period`` inside ``first`` … ``last`` (both counted; None: unbounded)."""
    start = period.start if first is None else max(first, period.start)
    end = period.end if last is None else min(last, period.end)
    return (end - start).days + 1 if start <= end else 0


@dataclass(frozen=True, slots=True)
class Occupant:
    """A contract of a unit: its running days and the days each counted person is present.

    ``persons`` are the household's memberships (``joined_on``, ``left_on``), visiting children
    already left out; ``household_id`` makes two contracts of one household count once.
    """

    start: date
    end: date | None
    persons: tuple[Stretch, ...] = ()
    household_id: int | None = None


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """Lots and places not available from ``start`` to ``end`` (a neutralised vacancy)."""

    start: date
    end: date | None
    lots: int
    places: int


@dataclass(frozen=True, slots=True)
class Unit:
    """A dwelling, or a residence, as occupancy sees it (see the module docstring).

    ``places`` are dated ``(valid_from, places)`` rows sorted by date: before the first row a
    unit has no place (a dwelling passes ``((date.min, places),)``). ``lots`` is 0 for a
    residence (no lot-days). ``first`` / ``last``: first and last day in the stock, None for
    "since ever" / "still there".
    """

    lots: int
    places: tuple[tuple[date, int], ...]
    first: date | None = None
    last: date | None = None
    withdrawn: tuple[Withdrawal, ...] = ()
    occupants: tuple[Occupant, ...] = ()

    def places_on(self, day: date) -> int:
        """The places in force on ``day``."""
        current = 0
        for valid_from, places in self.places:
            if valid_from > day:
                break
            current = places
        return current


@dataclass(frozen=True, slots=True)
class Occupancy:
    """Occupied and available lot-days and place-days; ``+`` adds units or parts up."""

    occupied_lot_days: int = 0
    available_lot_days: int = 0
    occupied_place_days: int = 0
    available_place_days: int = 0

    def __add__(self, other: Occupancy) -> Occupancy:
        return Occupancy(
            self.occupied_lot_days + other.occupied_lot_days,
            self.available_lot_days + other.available_lot_days,
            self.occupied_place_days + other.occupied_place_days,
            self.available_place_days + other.available_place_days,
        )

    @property
    def dwelling_rate(self) -> Fraction | None:
        """``occupancy_rate.dwellings``: occupied ÷ available lot-days × 100, exact."""
        return rate(self.occupied_lot_days, self.available_lot_days)

    @property
    def place_rate(self) -> Fraction | None:
        """``occupancy_rate``: occupied ÷ available place-days × 100, exact."""
        return rate(self.occupied_place_days, self.available_place_days)


def rate(occupied: int, available: int) -> Fraction | None:
    """``occupied ÷ available`` as an exact percentage; None when nothing is available."""
    if available <= 0:
        return None
    return Fraction(_HUNDRED * occupied, available)


def percent(value: Fraction | None) -> Decimal | None:
    """A rate as a return writes it: rounded half-up to one decimal (DOMAIN §0)."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _cuts(unit: Unit, parts: Sequence[Period]) -> list[date]:
    """Every day something may change, inside the span of ``parts``, sorted."""
    days: set[date] = set()
    for part in parts:
        days.update((part.start, part.end + _ONE_DAY))

    def add(first: date | None, last: date | None) -> None:
        if first is not None:
            days.add(first)
        if last is not None and last < date.max:
            days.add(last + _ONE_DAY)

    add(unit.first, unit.last)
    for withdrawal in unit.withdrawn:
        add(withdrawal.start, withdrawal.end)
    for valid_from, _places in unit.places:
        days.add(valid_from)
    for occupant in unit.occupants:
        add(occupant.start, occupant.end)
        for joined, left in occupant.persons:
            add(joined, left)
    low, high = parts[0].start, parts[-1].end
    return sorted(day for day in days if low <= day <= high + _ONE_DAY)


def _state(unit: Unit, day: date) -> Occupancy:
    """The unit on ``day``: one day of occupied and available lots and places."""
    if not _covers(unit.first, unit.last, day):
        return Occupancy()
    lots, places = unit.lots, unit.places_on(day)
    for withdrawal in unit.withdrawn:
        if _covers(withdrawal.start, withdrawal.end, day):
            lots -= withdrawal.lots
            places -= withdrawal.places
    lots, places = max(lots, 0), max(places, 0)
    households: dict[object, int] = {}
    for index, occupant in enumerate(unit.occupants):
        if not _covers(occupant.start, occupant.end, day):
            continue
        key: object = occupant.household_id if occupant.household_id is not None else -1 - index
        households[key] = sum(1 for joined, left in occupant.persons if _covers(joined, left, day))
    return Occupancy(
        occupied_lot_days=min(len(households), lots),
        available_lot_days=lots,
        occupied_place_days=min(sum(households.values()), places),
        available_place_days=places,
    )


def occupancy(unit: Unit, parts: Sequence[Period]) -> tuple[Occupancy, ...]:
    """The occupancy of ``unit`` in each of ``parts`` (sorted, not overlapping: months of P).

    The occupancy of the whole period is the sum of its parts.
    """
    if not parts:
        return ()
    totals = [Occupancy() for _ in parts]
    cuts = _cuts(unit, parts)
    index = 0
    for first, following in pairwise(cuts):
        while index < len(parts) and parts[index].end < first:
            index += 1
        if index == len(parts):
            break
        if first < parts[index].start:
            continue  # a gap between two parts
        length = (following - first).days
        day = _state(unit, first)
        totals[index] += Occupancy(
            day.occupied_lot_days * length,
            day.available_lot_days * length,
            day.occupied_place_days * length,
            day.available_place_days * length,
        )
    return tuple(totals)


def occupancy_of(units: Iterable[Unit], parts: Sequence[Period]) -> tuple[Occupancy, ...]:
    """The occupancy of several units added up, part by part."""
    totals = [Occupancy() for _ in parts]
    for unit in units:
        for index, part in enumerate(occupancy(unit, parts)):
            totals[index] += part
    return tuple(totals)


# ---------------------------------------------------------------- vacancy


@dataclass(frozen=True, slots=True)
class Vacancy:
    """A vacancy period of a dwelling; ``end`` None while it goes on."""

    start: date
    end: date | None
    reason: str
    neutralised: bool = False


def vacancy_days(
    vacancies: Iterable[Vacancy], period: Period, last: date | None = None
) -> dict[str, int]:
    """Days of vacancy inside ``period`` by reason, neutralised ones included (``vacancy_days``).

    Both ends counted (DOMAIN §0); days after ``last`` (the dwelling's last day in the stock)
    are not vacancy. Reasons without a day are left out.
    """
    days: dict[str, int] = {}
    for vacancy in vacancies:
        end = vacancy.end
        if last is not None and (end is None or end > last):
            end = last
        count = stretch_days(vacancy.start, end, period)
        if count:
            days[vacancy.reason] = days.get(vacancy.reason, 0) + count
    return days


def withdrawals(vacancies: Iterable[Vacancy], lots: int, places: int) -> tuple[Withdrawal, ...]:
    """The neutralised vacancies among ``vacancies``, withdrawing ``lots`` and ``places``."""
    return tuple(
        Withdrawal(vacancy.start, vacancy.end, lots, places)
        for vacancy in vacancies
        if vacancy.neutralised
    )


# ---------------------------------------------------------------- staff


def mean_fte(staff: Iterable[tuple[int, date, date | None]], period: Period) -> Decimal:
    """``staff.fte``: Σ FTE × days inside P ÷ days of P, rounded half-up to 2 decimals.

    ``staff`` holds ``(fte_hundredths, start, end)`` rows (0,8 ETP = 80); none gives 0.
    """
    weighted = sum(
        hundredths * stretch_days(start, end, period) for hundredths, start, end in staff
    )
    exact = Decimal(weighted) / Decimal(_HUNDRED * period.days)
    return exact.quantize(_FTE_QUANTUM, rounding=ROUND_HALF_UP)
