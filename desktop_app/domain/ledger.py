"""The rent ledger's arithmetic (DOMAIN §3): terms, credits, allocation, debt on a day.

Pure functions over plain values: a service reads a contract's entries, rates and benefit
statuses, `build_account` turns them into `Term`s and `Credit`s (the expected housing benefit
of §3.5 included), and `account_on` says what is settled, owed and expected on a day.
Allocation is replayed from scratch every time (§3.4), so adding an entry anywhere in the past
gives the same answer as if it had always been there. The deposit account is kept apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

from desktop_app.domain.charges import RateSpan, rate_on
from desktop_app.domain.money import prorate
from desktop_app.domain.periods import add_months, days_in_month

# Settlement order inside a term, nature by nature (rent first: it is the housing debt).
NATURES: tuple[str, ...] = (
    "rent",
    "occupation_indemnity",
    "charges",
    "mandatory_services",
    "optional_services",
    "damage",
    "fees",
)
HOUSING_NATURES: frozenset[str] = frozenset({"rent", "charges", "occupation_indemnity"})


def month_start(day: date) -> date:
    """First day of ``day``'s month (period months are represented by their first day)."""
    return day.replace(day=1)


def due_date(period: date, due_day: int) -> date:
    """The due date of a period month: its due day, clamped to the month's last day."""
    return period.replace(day=min(due_day, days_in_month(period.year, period.month)))


@dataclass(frozen=True, slots=True)
class Term:
    """What a contract owes for one period month, or one adjustment, or an opening balance.

    ``parts`` holds (nature, cents) pairs; ``posted_on`` is when the term exists (a term not
    yet generated cannot absorb anything); ``cancelled_on`` is the posting date of the
    reversal that cancels it, if any.
    """

    ref: int
    due: date
    parts: tuple[tuple[str, int], ...]
    period: date | None = None  # None: an adjustment or an opening balance, a term of its own
    posted_on: date | None = None
    cancelled_on: date | None = None

    @property
    def amount(self) -> int:
        """The term's total in cents."""
        return sum(cents for _, cents in self.parts)


@dataclass(frozen=True, slots=True)
class Credit:
    """Money (or a remission) that settles terms; ``virtual`` for expected housing benefit.

    A virtual credit settles only its own month's term and never becomes an advance: it is
    not money received. It stops counting on ``cancelled_on`` (the day the real benefit for
    that month is posted, or the status changes). A ``withheld`` virtual credit is the benefit
    the CAF keeps while the dwelling is not decent: neither expected nor the household's debt.
    """

    ref: int
    posted_on: date
    amount: int
    period: date | None = None
    cancelled_on: date | None = None
    virtual: bool = False
    withheld: bool = False  # virtual: benefit withheld for non-decency, owed by nobody (§3.5)


@dataclass(frozen=True, slots=True)
class TermState:
    """A term after allocation: what remains unsettled, nature by nature."""

    term: Term
    remaining: tuple[tuple[str, int], ...]
    virtual: int  # part of the term settled by expected, not yet received, benefit
    withheld: int = 0  # part of the term covered by benefit withheld for non-decency

    @property
    def unsettled(self) -> int:
        """Cents still owed on this term."""
        return sum(cents for _, cents in self.remaining)

    @property
    def housing_unsettled(self) -> int:
        """Cents still owed on this term's housing natures (rent, charges, indemnity)."""
        return sum(cents for nature, cents in self.remaining if nature in HOUSING_NATURES)


@dataclass(frozen=True, slots=True)
class Allocation:
    """Every term's state on a day, and the advance left over."""

    terms: tuple[TermState, ...]
    advance: int


def _alive(posted_on: date | None, cancelled_on: date | None, on: date) -> bool:
    return (posted_on is None or posted_on <= on) and (cancelled_on is None or cancelled_on > on)


def _order(nature: str) -> int:
    return NATURES.index(nature) if nature in NATURES else len(NATURES)


@dataclass(slots=True)
class _Open:
    term: Term
    natures: list[str] = field(default_factory=list)
    owed: list[int] = field(default_factory=list)
    virtual: int = 0
    withheld: int = 0

    @classmethod
    def of(cls, term: Term) -> _Open:
        parts = sorted(term.parts, key=lambda p: _order(p[0]))
        return cls(term, [nature for nature, _ in parts], [cents for _, cents in parts])

    def settle(self, amount: int) -> int:
        """Settle up to ``amount`` nature by nature; return what is left of it."""
        for index, owed in enumerate(self.owed):
            if amount <= 0:
                break
            taken = min(owed, amount)
            self.owed[index] = owed - taken
            amount -= taken
        return amount

    def state(self) -> TermState:
        parts = tuple(zip(self.natures, self.owed, strict=True))
        return TermState(self.term, parts, self.virtual, self.withheld)


def allocate(terms: Iterable[Term], credits: Iterable[Credit], on: date) -> Allocation:
    """Replay every credit posted on or before ``on`` over the terms existing on ``on`` (§3.4).

    Credits are taken in posting-date order, then by ``ref``. A credit naming a month settles
    that month's term first; what remains, and credits naming no month, settle the oldest
    unsettled terms first (by due date, then ``ref``); what still remains is an advance.
    Virtual credits (expected benefit) are applied first to their own month and nowhere else.
    """
    live = sorted(
        (t for t in terms if _alive(t.posted_on, t.cancelled_on, on)),
        key=lambda t: (t.due, t.ref),
    )
    opened = [_Open.of(t) for t in live]
    by_period: dict[date, list[_Open]] = {}
    for item in opened:
        if item.term.period is not None:
            by_period.setdefault(item.term.period, []).append(item)
    live_credits = [c for c in credits if _alive(c.posted_on, c.cancelled_on, on)]
    for credit in (c for c in live_credits if c.virtual):
        left = credit.amount
        for item in by_period.get(credit.period, []) if credit.period else []:
            before = left
            left = item.settle(left)
            if credit.withheld:
                item.withheld += before - left
            else:
                item.virtual += before - left
    advance = 0
    for credit in sorted(
        (c for c in live_credits if not c.virtual), key=lambda c: (c.posted_on, c.ref)
    ):
        left = credit.amount
        if credit.period is not None:
            for item in by_period.get(credit.period, []):
                left = item.settle(left)
        for item in opened:
            if left <= 0:
                break
            left = item.settle(left)
        advance += left
    return Allocation(terms=tuple(item.state() for item in opened), advance=advance)


@dataclass(frozen=True, slots=True)
class Debt:
    """What is in default on a day (§4.1–4.2)."""

    on: date
    debt: int
    housing_debt: int
    oldest_due: date | None  # due date of the oldest term in default


def debt_on(terms: Sequence[Term], credits: Sequence[Credit], on: date, grace_days: int) -> Debt:
    """Unsettled amounts of the terms in default on ``on`` (due date + grace reached)."""
    allocation = allocate(terms, credits, on)
    in_default = [
        state
        for state in allocation.terms
        if state.unsettled > 0 and state.term.due + timedelta(days=grace_days) <= on
    ]
    return Debt(
        on=on,
        debt=sum(state.unsettled for state in in_default),
        housing_debt=sum(state.housing_unsettled for state in in_default),
        oldest_due=min((state.term.due for state in in_default), default=None),
    )


def opening_due(first_default: date, grace_days: int) -> date:
    """The due date given to an opening balance, so it is in default from its first default."""
    return first_default - timedelta(days=grace_days)


def expected_payment_day(period: date, payment_day: int) -> date:
    """The day the housing benefit of a period month is expected (§3.5: the 10th of the next)."""
    following = add_months(period, 1)
    return following.replace(day=min(payment_day, days_in_month(following.year, following.month)))


# ------------------------------------------------------------ from entries to terms and credits

WITHHELD: str = "withheld_non_decency"
_STOPS_BENEFIT: frozenset[str] = frozenset({"suspended", "ended"})
_DEFAULT_DUE_DAY = 5
# Kinds a non-virtual credit may have, in the order balances list them.
CREDIT_KINDS: tuple[str, ...] = (
    "household_payment",
    "housing_benefit",
    "fsl_aid",
    "other_aid",
    "deposit_applied",
    "adjustment",
    "remission",
    "irrecoverable",
    "debt_erased",
)
# Where a term comes from: a period month's charges, a positive adjustment, an opening balance,
# or a negative housing-benefit line (indu / retenue: the household owes it again).
TERM_SOURCES: tuple[str, ...] = ("month", "adjustment", "opening_balance", "benefit_recovery")


@dataclass(frozen=True, slots=True)
class EntryLine:
    """A ledger entry as the arithmetic needs it; ``ref`` is its id, hence the entry order."""

    ref: int
    kind: str
    amount: int  # signed as stored: only adjustments and housing benefit may be negative
    posted_on: date
    period: date | None = None
    nature: str | None = None
    first_default_on: date | None = None
    reverses: int | None = None


@dataclass(frozen=True, slots=True)
class BenefitSpan:
    """The housing benefit's status (a `vocabulary.BENEFIT_STATUS` code) from ``valid_from``."""

    valid_from: date
    status: str


@dataclass(frozen=True, slots=True)
class MonthBenefit:
    """The benefit of one period month, prorated by days like the charges (§3.5).

    ``expected``: tiers payant and status ``paid``; ``withheld``: status
    ``withheld_non_decency`` (owed by nobody); ``first_paid``: the first day it was paid.
    """

    period: date
    expected: int
    withheld: int
    first_paid: date | None


@dataclass(frozen=True, slots=True)
class Book:
    """A contract's entries turned into terms and credits, ready for `allocate` and `ladder`.

    ``sources`` gives each term ref its origin (`TERM_SOURCES`); ``credit_kinds`` each real
    credit ref (the entry id) its ledger kind. Virtual credits have negative refs.
    """

    terms: tuple[Term, ...]
    credits: tuple[Credit, ...]
    sources: Mapping[int, str]
    credit_kinds: Mapping[int, str]
    benefits: tuple[MonthBenefit, ...]


def status_on(statuses: Sequence[BenefitSpan], day: date) -> str | None:
    """The benefit status in force on ``day`` (None before the first one)."""
    current = None
    for span in sorted(statuses, key=lambda s: s.valid_from):
        if span.valid_from <= day:
            current = span.status
    return current


def _month_end(period: date) -> date:
    return period.replace(day=days_in_month(period.year, period.month))


def month_benefit(
    period: date,
    *,
    start: date,
    end: date | None,
    rates: Sequence[RateSpan],
    statuses: Sequence[BenefitSpan],
) -> MonthBenefit:
    """The expected and withheld benefit of ``period`` for a contract running start…end.

    Each stretch of days with one rate and one status counts ``expected_benefit × days ÷
    days in the month`` (half-up), as the charges are prorated: a rate or status change within
    the month, or a partial first or last month, prorates the benefit the same way.
    """
    length = days_in_month(period.year, period.month)
    first = max(start, period)
    last = _month_end(period) if end is None else min(_month_end(period), end)
    if first > last:
        return MonthBenefit(period, 0, 0, None)
    cuts = {first, last + timedelta(days=1)}
    cuts.update(r.valid_from for r in rates if first < r.valid_from <= last)
    cuts.update(s.valid_from for s in statuses if first < s.valid_from <= last)
    edges = sorted(cuts)
    expected = withheld = 0
    first_paid: date | None = None
    for segment_start, next_start in pairwise(edges):
        rate = rate_on(rates, segment_start)
        if rate is None or not rate.expected_benefit:
            continue
        status = status_on(statuses, segment_start)
        cents = prorate(rate.expected_benefit, (next_start - segment_start).days, length)
        if status == "paid" and rate.tiers_payant:
            expected += cents
            first_paid = first_paid or segment_start
        elif status == WITHHELD:
            withheld += cents
    return MonthBenefit(period, expected, withheld, first_paid)


def _due_day(rates: Sequence[RateSpan], period: date, start: date) -> int:
    """The due day of the rate in force on the month's first day of contract (as generated)."""
    rate = rate_on(rates, max(start, period)) or rate_on(rates, _month_end(period))
    if rate is None and rates:
        rate = min(rates, key=lambda r: r.valid_from)
    return rate.due_day if rate is not None else _DEFAULT_DUE_DAY


@dataclass(frozen=True, slots=True)
class _TermSpec:
    due: date
    first_ref: int
    posted_on: date
    source: str
    parts: tuple[tuple[str, int], ...]
    period: date | None
    cancelled_on: date | None


def _month_versions(
    period: date, due: date, items: Sequence[EntryLine], cancelled: Mapping[int, date]
) -> list[_TermSpec]:
    """One term per stretch of days over which the month's live charge entries do not change.

    A month's charges form one term (settled nature by nature, §3.4); posting a charge later
    or reversing one changes the term from that day, so the term is cut into versions, each
    alive from one change to the next. On any day at most one version of a month is alive.
    """
    points = sorted(
        {e.posted_on for e in items} | {cancelled[e.ref] for e in items if e.ref in cancelled}
    )
    specs: list[_TermSpec] = []
    for index, point in enumerate(points):
        alive = [
            e
            for e in items
            if e.posted_on <= point and (e.ref not in cancelled or cancelled[e.ref] > point)
        ]
        if not alive:
            continue
        totals: dict[str, int] = {}
        for entry in alive:
            nature = entry.nature or "rent"
            totals[nature] = totals.get(nature, 0) + entry.amount
        parts = tuple(sorted(totals.items(), key=lambda part: _order(part[0])))
        following = points[index + 1] if index + 1 < len(points) else None
        first_ref = min(e.ref for e in alive)
        specs.append(_TermSpec(due, first_ref, point, "month", parts, period, following))
    return specs


def _receipts(entries: Iterable[EntryLine], cancelled: Mapping[int, date]) -> dict[date, date]:
    """Per period month, the posting date of the first unreversed housing benefit naming it."""
    first: dict[date, date] = {}
    for entry in entries:
        if entry.kind != "housing_benefit" or entry.period is None or entry.ref in cancelled:
            continue
        period = month_start(entry.period)
        first[period] = min(first.get(period, entry.posted_on), entry.posted_on)
    return first


def _benefit_stop(statuses: Sequence[BenefitSpan], after: date) -> date | None:
    """The first day after ``after`` from which the benefit is suspended or ended."""
    return min(
        (s.valid_from for s in statuses if s.status in _STOPS_BENEFIT and s.valid_from > after),
        default=None,
    )


def _own_term(entry: EntryLine, stop: date | None, grace_days: int) -> _TermSpec | None:
    """The term an entry is on its own (§3.1), or None when the entry is a credit."""
    if entry.kind == "opening_balance":
        due = opening_due(entry.first_default_on or entry.posted_on, grace_days)
        parts = (("rent", entry.amount),)
        # The debt it carries exists since its first default, before the migration posted it.
        return _TermSpec(
            due, entry.ref, min(entry.posted_on, due), "opening_balance", parts, None, stop
        )
    if entry.kind == "adjustment" and entry.amount > 0:
        parts = ((entry.nature or "rent", entry.amount),)
        return _TermSpec(
            entry.posted_on, entry.ref, entry.posted_on, "adjustment", parts, None, stop
        )
    if entry.kind == "housing_benefit" and entry.amount < 0:
        parts = (("rent", -entry.amount),)
        return _TermSpec(
            entry.posted_on, entry.ref, entry.posted_on, "benefit_recovery", parts, None, stop
        )
    return None


def build_account(
    entries: Iterable[EntryLine],
    *,
    rates: Sequence[RateSpan],
    statuses: Sequence[BenefitSpan],
    start: date,
    end: date | None,
    grace_days: int,
) -> Book:
    """Turn a contract's entries, rates and benefit history into terms and credits (§3).

    - Charges of a period month form that month's term, due on the due day (§3.1).
    - A positive adjustment is a term of its own due on its posting date, of its nature; a
      negative housing-benefit line (indu, retenue) likewise, as rent; an opening balance is a
      term of rent due on its first-default date minus the grace, existing from then.
    - Every other entry is a credit of its amount (a negative adjustment: of its opposite).
    - A reversal cancels exactly the entry it links to, from its own posting date.
    - Expected benefit (§3.5): for each month with a term, a virtual credit of what is expected
      (tiers payant, status ``paid``), from the month's first day (or its first charge, if
      earlier), cancelled on the posting date of the first unreversed housing benefit naming
      the month or from the day the benefit is suspended or ended; the part withheld for
      non-decency is a virtual credit never cancelled (neither expected nor owed).
    """
    lines = sorted(entries, key=lambda e: e.ref)
    cancelled: dict[int, date] = {}
    for entry in lines:
        if entry.kind == "reversal" and entry.reverses is not None:
            previous = cancelled.get(entry.reverses, entry.posted_on)
            cancelled[entry.reverses] = min(previous, entry.posted_on)
    months: dict[date, list[EntryLine]] = {}
    specs: list[_TermSpec] = []
    credits: list[Credit] = []
    kinds: dict[int, str] = {}
    for entry in lines:
        stop = cancelled.get(entry.ref)
        period = month_start(entry.period) if entry.period is not None else None
        if entry.kind == "reversal":
            continue
        if entry.kind == "charge":
            months.setdefault(period or month_start(entry.posted_on), []).append(entry)
        elif (spec := _own_term(entry, stop, grace_days)) is not None:
            specs.append(spec)
        else:
            credits.append(
                Credit(entry.ref, entry.posted_on, abs(entry.amount), period, cancelled_on=stop)
            )
            kinds[entry.ref] = entry.kind
    receipts = _receipts(lines, cancelled)
    benefits: list[MonthBenefit] = []
    for period in sorted(months):
        items = months[period]
        specs += _month_versions(
            period, due_date(period, _due_day(rates, period, start)), items, cancelled
        )
        benefit = month_benefit(period, start=start, end=end, rates=rates, statuses=statuses)
        benefits.append(benefit)
        posted = min(period, *(e.posted_on for e in items))
        if benefit.expected and benefit.first_paid is not None:
            stops = [
                d
                for d in (receipts.get(period), _benefit_stop(statuses, benefit.first_paid))
                if d is not None
            ]
            credits.append(
                Credit(
                    -len(credits) - 1,
                    posted,
                    benefit.expected,
                    period,
                    cancelled_on=min(stops, default=None),
                    virtual=True,
                )
            )
        if benefit.withheld:
            credits.append(
                Credit(
                    -len(credits) - 1, posted, benefit.withheld, period, virtual=True, withheld=True
                )
            )
    # Oldest first: by due date, then by the month concerned, a month's charges before a
    # debit of their month due the same day, then by posting date; the entry
    # order only separates what is otherwise identical, so the account never depends on it.
    specs.sort(
        key=lambda s: (
            s.due,
            s.period or month_start(s.posted_on),
            s.period is None,
            s.posted_on,
            s.first_ref,
        )
    )
    terms = tuple(
        Term(ref, s.due, s.parts, s.period, s.posted_on, s.cancelled_on)
        for ref, s in enumerate(specs, start=1)
    )
    sources = {ref: s.source for ref, s in enumerate(specs, start=1)}
    return Book(terms, tuple(credits), sources, kinds, tuple(benefits))


# ------------------------------------------------------------------ shares and the account on a day


@dataclass(frozen=True, slots=True)
class ShareSpan:
    """The household share and housing share (§3.3) in force from ``start``."""

    start: date
    share: int
    housing_share: int


def shares_on(
    rates: Sequence[RateSpan],
    statuses: Sequence[BenefitSpan],
    day: date,
    *,
    indemnity_from: date | None = None,
) -> tuple[int, int]:
    """(household share, housing share) on ``day`` (§3.3, §4.4).

    The expected benefit is deducted when it is paid to the association and ``paid``, and
    while it is withheld for non-decency (the household owes only its share); otherwise both
    shares are gross. An occupant without title owes the indemnity (rent + charges).
    """
    rate = rate_on(rates, day)
    if rate is None:
        return 0, 0
    status = status_on(statuses, day)
    deducted = (
        rate.expected_benefit
        if (rate.tiers_payant and status == "paid") or status == WITHHELD
        else 0
    )
    housing = rate.rent + rate.charges
    gross = (
        housing
        if indemnity_from is not None and day >= indemnity_from
        else (housing + rate.mandatory_services)
    )
    return max(gross - deducted, 0), max(housing - deducted, 0)


def share_spans(
    rates: Sequence[RateSpan],
    statuses: Sequence[BenefitSpan],
    *,
    start: date,
    indemnity_from: date | None = None,
) -> tuple[ShareSpan, ...]:
    """The shares from the contract start, one span per change (rate, status, indemnity)."""
    days = {start}
    days.update(r.valid_from for r in rates if r.valid_from > start)
    days.update(s.valid_from for s in statuses if s.valid_from > start)
    if indemnity_from is not None and indemnity_from > start:
        days.add(indemnity_from)
    spans: list[ShareSpan] = []
    for day in sorted(days):
        share, housing = shares_on(rates, statuses, day, indemnity_from=indemnity_from)
        if not spans or (spans[-1].share, spans[-1].housing_share) != (share, housing):
            spans.append(ShareSpan(day, share, housing))
    return tuple(spans)


@dataclass(frozen=True, slots=True)
class AccountState:
    """A contract's account on a day: the allocation and the figures a balance shows.

    ``owed`` is every unsettled cent (due or not); ``debt`` only what is in default (§4.2).
    Expected benefit not received is ``benefit_pending`` until the expected payment day of its
    month, ``benefit_overdue`` ("APL attendue non reçue") after it; neither is owed.
    """

    on: date
    allocation: Allocation
    charged: int
    credited: tuple[tuple[str, int], ...]
    owed: int
    advance: int
    debt: Debt
    benefit_pending: int
    benefit_overdue: int
    benefit_withheld: int


def account_on(book: Book, on: date, *, grace_days: int, payment_day: int) -> AccountState:
    """The account of ``book`` on ``on``, replayed from scratch (§3.4, §3.5, §4.2)."""
    allocation = allocate(book.terms, book.credits, on)
    credited: dict[str, int] = {}
    for credit in book.credits:
        if not credit.virtual and _alive(credit.posted_on, credit.cancelled_on, on):
            kind = book.credit_kinds.get(credit.ref, "adjustment")
            credited[kind] = credited.get(kind, 0) + credit.amount
    pending = overdue = 0
    for state in allocation.terms:
        if not state.virtual or state.term.period is None:
            continue
        if on > expected_payment_day(state.term.period, payment_day):
            overdue += state.virtual
        else:
            pending += state.virtual
    return AccountState(
        on=on,
        allocation=allocation,
        charged=sum(state.term.amount for state in allocation.terms),
        credited=tuple((kind, credited[kind]) for kind in CREDIT_KINDS if credited.get(kind)),
        owed=sum(state.unsettled for state in allocation.terms),
        advance=allocation.advance,
        debt=debt_on(book.terms, book.credits, on, grace_days),
        benefit_pending=pending,
        benefit_overdue=overdue,
        benefit_withheld=sum(state.withheld for state in allocation.terms),
    )


# ------------------------------------------------------------------ the deposit account

DEPOSIT_IN: str = "received"


@dataclass(frozen=True, slots=True)
class DepositMovement:
    """A movement of the security deposit, kept apart from the rent account (§2).

    An ``applied`` movement whose ledger credit is reversed comes back into the deposit on
    ``returned_on``, the reversal's posting date.
    """

    posted_on: date
    kind: str
    amount: int
    returned_on: date | None = None


def deposit_held(movements: Iterable[DepositMovement], on: date) -> int:
    """The deposit held on ``on``: received, less what was applied, refunded or transferred."""
    held = 0
    for movement in movements:
        if movement.posted_on <= on:
            held += movement.amount if movement.kind == DEPOSIT_IN else -movement.amount
        if movement.returned_on is not None and movement.returned_on <= on:
            held += movement.amount
    return held


def deposit_available(movements: Sequence[DepositMovement], on: date) -> int:
    """The most that may leave the deposit on ``on`` without making it negative on a later day."""
    days = {on}
    for movement in movements:
        days.update(d for d in (movement.posted_on, movement.returned_on) if d and d > on)
    return min(deposit_held(movements, day) for day in days)
