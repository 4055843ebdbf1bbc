"""The rent-arrears ladder (DOMAIN §4): computed from the ledger on a day, never stored.

Debt only changes on a few days (a term falls into default, an entry is posted or reversed, a
benefit is received); the level's time conditions (first due date + 3 months, level 2 + 2
months) are checked on the days they become true. So a contract's ladder costs one allocation
per such day, not one per calendar day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.domain.ledger import Credit, Debt, Term, debt_on
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import add_months

LEVELS: tuple[str, ...] = ("none", "first_default", "alert", "caf_threshold", "ccapex")
_CAF, _CCAPEX = 3, 4
_RULE_KEYS = ("arrears.alert_floor", "arrears.ccapex_floor", "arrears.caf_fixed_threshold")


@dataclass(frozen=True, slots=True)
class Shares:
    """The household share and housing share (§3.3) in force from ``start``.

    Where the benefit is paid to the tenant, both are gross (rent + charges [+ services]).
    """

    start: date
    share: int
    housing_share: int


@dataclass(frozen=True, slots=True)
class Ladder:
    """A contract's arrears on a day: its level and how it got there."""

    on: date
    level: str
    debt: int
    housing_debt: int
    episode_start: date | None  # first default of the running episode
    first_due: date | None  # due date of the oldest term in default on that first day
    reached: tuple[tuple[str, date], ...]  # each level reached in this episode, and when

    def reached_on(self, level: str) -> date | None:
        """The day ``level`` was first reached in this episode, if it was."""
        return next((day for name, day in self.reached if name == level), None)


def _shares_on(shares: Sequence[Shares], day: date) -> Shares:
    current = Shares(day, 0, 0)
    for span in sorted(shares, key=lambda s: s.start):
        if span.start <= day:
            current = span
    return current


def _level(
    day: date,
    debt: Debt,
    *,
    shares: Shares,
    params: Parameters,
    first_due: date,
    caf_reached: tuple[date, int] | None,
) -> int:
    """The highest level whose condition holds on ``day`` (§4.5)."""
    if debt.debt <= 0:
        return 0
    level = 1
    if debt.debt >= max(shares.share, params.int("arrears.alert_floor", day)):
        level = 2
    housing = debt.housing_debt
    if housing <= 0:
        return level
    fixed = params.get("arrears.caf_fixed_threshold", day)
    if isinstance(fixed, int) and not isinstance(fixed, bool):
        caf = housing > fixed or day >= add_months(first_due, 3)
    else:
        caf = housing >= 2 * shares.housing_share
    if caf:
        level = max(level, _CAF)
    floor = params.int("arrears.ccapex_floor", day)
    if housing >= 6 * max(shares.housing_share, floor) or (
        caf_reached is not None
        and day >= add_months(caf_reached[0], 2)
        and housing >= caf_reached[1]
    ):
        level = _CCAPEX
    return level


def ladder(
    terms: Sequence[Term],
    credits: Sequence[Credit],
    shares: Sequence[Shares],
    on: date,
    params: Parameters,
) -> Ladder:
    """The level of a contract on ``on``: the highest reached in the running episode (§4.6)."""
    grace = params.int("arrears.grace_days", on)
    events: set[date] = {on}
    for term in terms:
        events.add(term.due + timedelta(days=grace))
        events.update(d for d in (term.posted_on, term.cancelled_on) if d is not None)
    for credit in credits:
        events.add(credit.posted_on)
        if credit.cancelled_on is not None:
            events.add(credit.cancelled_on)
    events.update(span.start for span in shares)
    for key in _RULE_KEYS:
        events.update(params.changes(key))
    days = sorted(day for day in events if day <= on)
    debts = [debt_on(terms, credits, day, grace) for day in days]
    final = debts[-1]
    if final.debt <= 0:
        return Ladder(on, "none", 0, 0, None, None, ())
    start = len(days) - 1
    while start > 0 and debts[start - 1].debt > 0:
        start -= 1
    episode_start = days[start]
    first_due = debts[start].oldest_due or episode_start
    reached: dict[int, date] = {}
    caf_reached: tuple[date, int] | None = None
    best = 0
    for index in range(start, len(days)):
        first = days[index]
        last = days[index + 1] - timedelta(days=1) if index + 1 < len(days) else on
        debt = debts[index]
        checked: set[date] = set()
        while True:
            candidates = {first, add_months(first_due, 3)}
            if caf_reached is not None:
                candidates.add(add_months(caf_reached[0], 2))
            pending = sorted(d for d in candidates - checked if first <= d <= last)
            if not pending:
                break
            day = pending[0]
            checked.add(day)
            level = _level(
                day,
                debt,
                shares=_shares_on(shares, day),
                params=params,
                first_due=first_due,
                caf_reached=caf_reached,
            )
            for reached_level in range(1, level + 1):
                reached.setdefault(reached_level, day)
            if level >= _CAF and caf_reached is None:
                caf_reached = (day, debt.housing_debt)
            best = max(best, level)
    return Ladder(
        on=on,
        level=LEVELS[best],
        debt=final.debt,
        housing_debt=final.housing_debt,
        episode_start=episode_start,
        first_due=first_due,
        reached=tuple((LEVELS[level], day) for level, day in sorted(reached.items())),
    )
