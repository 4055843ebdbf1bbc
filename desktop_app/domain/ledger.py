"""The rent ledger's arithmetic (DOMAIN §3): terms, credits, allocation, debt on a day.

Pure functions over plain values: a service reads a contract's entries, turns them into
`Term`s and `Credit`s, and asks what is unsettled on a day. Allocation is replayed from scratch
every time (§3.4), so adding an entry anywhere in the past gives the same answer as if it had
always been there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

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
    that month is posted, or the status changes).
    """

    ref: int
    posted_on: date
    amount: int
    period: date | None = None
    cancelled_on: date | None = None
    virtual: bool = False


@dataclass(frozen=True, slots=True)
class TermState:
    """A term after allocation: what remains unsettled, nature by nature."""

    term: Term
    remaining: tuple[tuple[str, int], ...]
    virtual: int  # part of the term settled by expected, not yet received, benefit

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
        return TermState(self.term, tuple(zip(self.natures, self.owed, strict=True)), self.virtual)


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
