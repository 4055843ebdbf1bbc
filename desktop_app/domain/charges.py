"""What a contract charges for a period month (DOMAIN §3.2), and the household share (§3.3).

One amount per non-zero component of the rate in force, prorated by days for a partial first or
last month and for a rate change within the month; an occupant without title owes an occupation
indemnity equal to rent + charges instead, until the recorded departure.

The monthly generation decides here, without a database, what a month creates for a contract
or why it skips it (`generation_decision`), and which months a catch-up fills
(`missing_months`): never twice, never before the go-live date, never in a hole before the
contract's latest existing term, never into a closed month.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from desktop_app.domain.money import prorate
from desktop_app.domain.periods import add_months, days_in_month


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


# ------------------------------------------------------------------ monthly generation (§3.2)

# Why a contract's month is not generated: stable codes, French text "charges.skip.<code>".
ALREADY_GENERATED = "already_generated"
ALREADY_CHARGED = "already_charged"
BEFORE_LATEST_TERM = "before_latest_term"
BEFORE_GO_LIVE = "before_go_live"
MONTH_CLOSED = "month_closed"
NOTHING_DUE = "nothing_due"
SKIP_REASONS: tuple[str, ...] = (
    ALREADY_GENERATED,
    ALREADY_CHARGED,
    BEFORE_LATEST_TERM,
    BEFORE_GO_LIVE,
    MONTH_CLOSED,
    NOTHING_DUE,
)
# The natures a rate charges every month: a term holding one of them is the month's term.
# Damage and fees are posted by hand and never stand for the month's rent.
RATE_NATURES: frozenset[str] = frozenset(
    {"rent", "charges", "mandatory_services", "optional_services", "occupation_indemnity"}
)


def first_of_month(day: date) -> date:
    """The first day of ``day``'s month: how a period month is represented."""
    return day.replace(day=1)


def months_from(first: date, last: date) -> list[date]:
    """The period months (first days) from ``first``'s month to ``last``'s, both included."""
    months: list[date] = []
    cursor, stop = first_of_month(first), first_of_month(last)
    while cursor <= stop:
        months.append(cursor)
        cursor = add_months(cursor, 1)
    return months


def latest_allowed_month(today: date) -> date:
    """The latest month that may be generated: the next one (avis d'échéance sent ahead)."""
    return add_months(first_of_month(today), 1)


@dataclass(frozen=True, slots=True)
class ContractSchedule:
    """A contract as the generation sees it.

    ``end`` is the recorded departure (last day charged); ``indemnity_from`` the termination
    date from which an occupant without title owes an occupation indemnity.
    """

    start: date
    end: date | None
    rates: tuple[RateSpan, ...]
    indemnity_from: date | None = None

    def charges(self, month: date) -> MonthCharges | None:
        """The month's components (None when the contract does not run or owes nothing)."""
        return month_charges(
            month,
            start=self.start,
            end=self.end,
            rates=self.rates,
            indemnity_from=self.indemnity_from,
        )

    def posted_on(self, month: date) -> date:
        """The posting date of the month's charges: its first day, or the start if later."""
        return max(month, self.start)

    def runs_in(self, month: date) -> bool:
        """True when the contract covers at least one day of ``month``."""
        last = add_months(month, 1) - timedelta(days=1)
        return self.start <= last and (self.end is None or self.end >= month)


@dataclass(frozen=True, slots=True)
class LedgerMarks:
    """What a contract's ledger already holds, as far as the generation cares.

    ``latest_term`` is the latest period month holding a charge of a rate nature (generated,
    imported or posted by hand); ``generated`` and ``charged`` the months, among those asked
    about, holding generated charges, and charges of a rate nature of any origin.
    """

    latest_term: date | None = None
    generated: frozenset[date] = frozenset()
    charged: frozenset[date] = frozenset()


def generation_decision(
    month: date,
    schedule: ContractSchedule,
    marks: LedgerMarks,
    *,
    go_live: date | None,
    closed: bool = False,
) -> MonthCharges | str:
    """The charges to create for ``month``, or the code of the reason it is skipped.

    Never twice (idempotence), never a hole before the contract's latest term (an import or a
    previous generation decided the past), never before the go-live date (the opening balance
    carries what was owed then), never into a closed month (§3.7: corrections are posted in the
    open month).
    """
    if month in marks.generated:
        return ALREADY_GENERATED
    if month in marks.charged:
        return ALREADY_CHARGED
    if marks.latest_term is not None and month < marks.latest_term:
        return BEFORE_LATEST_TERM
    if go_live is not None and schedule.posted_on(month) < go_live:
        return BEFORE_GO_LIVE
    if closed:
        return MONTH_CLOSED
    charges = schedule.charges(month)
    return NOTHING_DUE if charges is None else charges


def missing_months(
    schedule: ContractSchedule, *, latest_term: date | None, go_live: date | None, until: date
) -> list[date]:
    """The months a catch-up fills for a contract, up to ``until``'s month.

    After the contract's latest existing term, from the go-live month and the contract start,
    to the departure's month at most. Without a go-live date, a contract that has no term yet
    starts with ``until``'s month: a database holding years of contracts and no ledger never
    gets years of charges by surprise.
    """
    last = first_of_month(until)
    if latest_term is not None:
        first = add_months(first_of_month(latest_term), 1)
    elif go_live is not None:
        first = first_of_month(go_live)
    else:
        first = last
    first = max(first, first_of_month(schedule.start))
    if go_live is not None:
        first = max(first, first_of_month(go_live))
    if schedule.end is not None:
        last = min(last, first_of_month(schedule.end))
    return months_from(first, last) if first <= last else []


# ------------------------------------------------------------------ the departure (§3.2)


@dataclass(frozen=True, slots=True)
class GeneratedCharge:
    """A live (unreversed) charge entry the monthly generation made."""

    entry_id: int
    month: date
    nature: str
    amount: int
    posted_on: date


@dataclass(frozen=True, slots=True)
class EndCorrection:
    """What recording the departure changes in a month whose charges were already generated.

    The generated charges of the month are reversed and what the month owes now (prorated to
    the last day, nothing for a month after it) is charged again, both on ``posted_on``.
    """

    month: date
    reversed: tuple[GeneratedCharge, ...]
    charges: tuple[tuple[str, int], ...]
    posted_on: date

    @property
    def credited(self) -> int:
        """What the household no longer owes for the month, in cents."""
        return sum(c.amount for c in self.reversed) - sum(cents for _, cents in self.charges)


def end_corrections(
    schedule: ContractSchedule, generated: Sequence[GeneratedCharge], closed: Set[date]
) -> list[EndCorrection]:
    """The months to charge again once the departure ``schedule.end`` is recorded.

    The generation runs ahead of the departure (the next month's avis is sent before the
    household leaves, and a departure is often recorded late): from the departure's month on,
    each month whose generated charges differ from what the schedule charges now is corrected.
    Earlier months are never touched. The corrections are dated the day after the departure,
    or the generated charges' own date when later, so the household never owed the days after
    it; a date in a closed month moves to the first day of the next open one (§3.7).
    """
    if schedule.end is None:
        return []
    by_month: dict[date, list[GeneratedCharge]] = {}
    for charge in generated:
        if charge.month >= first_of_month(schedule.end):
            by_month.setdefault(charge.month, []).append(charge)
    corrections: list[EndCorrection] = []
    for month, charges in sorted(by_month.items()):
        owed = schedule.charges(month)
        parts = owed.parts if owed is not None else ()
        had: dict[str, int] = {}
        for charge in charges:
            had[charge.nature] = had.get(charge.nature, 0) + charge.amount
        if had == dict(parts):
            continue
        posted_on = max([schedule.end + timedelta(days=1), *(c.posted_on for c in charges)])
        while first_of_month(posted_on) in closed:
            posted_on = add_months(first_of_month(posted_on), 1)
        ordered = tuple(sorted(charges, key=lambda c: c.entry_id))
        corrections.append(EndCorrection(month, ordered, parts, posted_on))
    return corrections
