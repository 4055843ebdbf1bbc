"""What a contract charges for a period month (DOMAIN §3.2), and the household share (§3.3).

One amount per non-zero component of the rate in force, prorated by days for a partial first or
last month and for a rate change within the month; an occupant without title owes an occupation
indemnity equal to rent + charges instead, until the recorded departure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from desktop_app.domain.money import prorate
from desktop_app.domain.periods import days_in_month


@dataclass(frozen=True, slots=True)
class RateSpan:
    """A rent rate from ``valid_from`` (amounts in cents)."""

    valid_from: date
    rent: int
    charges: int = 0
    mandatory_services: int = 0
    optional_services: int = 0
    expected_benefit: int = 0
    tiers_payant: bool = False
    due_day: int = 5


@dataclass(frozen=True, slots=True)
class MonthCharges:
    """The charge components of one period month, and its due day."""

    month: date
    parts: tuple[tuple[str, int], ...]
    due_day: int

    @property
    def total(self) -> int:
        """All components, in cents."""
        return sum(cents for _, cents in self.parts)


def rate_on(rates: Sequence[RateSpan], day: date) -> RateSpan | None:
    """The rate in force on ``day`` (the latest starting on or before it)."""
    current = None
    for rate in sorted(rates, key=lambda r: r.valid_from):
        if rate.valid_from <= day:
            current = rate
    return current


def month_charges(
    month: date,
    *,
    start: date,
    end: date | None,
    rates: Sequence[RateSpan],
    indemnity_from: date | None = None,
) -> MonthCharges | None:
    """The charges of ``month`` (its first day) for a contract running ``start``…``end``.

    ``end`` is the last day charged (the departure); ``indemnity_from`` the first day of
    occupation without title. None when the contract does not run in that month.
    """
    length = days_in_month(month.year, month.month)
    first = max(start, month)
    last = month + timedelta(days=length - 1)
    if end is not None:
        last = min(last, end)
    if first > last:
        return None
    cuts = {first, last + timedelta(days=1)}
    cuts.update(r.valid_from for r in rates if first < r.valid_from <= last)
    if indemnity_from is not None and first < indemnity_from <= last:
        cuts.add(indemnity_from)
    edges = sorted(cuts)
    totals: dict[str, int] = {}
    for segment_start, next_start in pairwise(edges):
        rate = rate_on(rates, segment_start)
        if rate is None:
            continue
        days = (next_start - segment_start).days
        if indemnity_from is not None and segment_start >= indemnity_from:
            components = [("occupation_indemnity", rate.rent + rate.charges)]
        else:
            components = [
                ("rent", rate.rent),
                ("charges", rate.charges),
                ("mandatory_services", rate.mandatory_services),
                ("optional_services", rate.optional_services),
            ]
        for nature, amount in components:
            if amount:
                totals[nature] = totals.get(nature, 0) + prorate(amount, days, length)
    opening = rate_on(rates, first) or rate_on(rates, last)
    parts = tuple((nature, cents) for nature, cents in totals.items() if cents)
    if not parts or opening is None:
        return None
    return MonthCharges(month, parts, opening.due_day)


def household_share(rate: RateSpan, *, benefit_paid: bool) -> int:
    """Rent + charges + mandatory services − the expected benefit paid to the association."""
    deducted = rate.expected_benefit if rate.tiers_payant and benefit_paid else 0
    return max(rate.rent + rate.charges + rate.mandatory_services - deducted, 0)


def housing_share(rate: RateSpan, *, benefit_paid: bool) -> int:
    """The same without services: the basis of the legal thresholds (§4)."""
    deducted = rate.expected_benefit if rate.tiers_payant and benefit_paid else 0
    return max(rate.rent + rate.charges - deducted, 0)
