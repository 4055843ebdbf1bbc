"""The rent-arrears ladder (DOMAIN §4): computed from the ledger on a day, never stored.

Three pure answers about a contract on a day D:

- its **level** (`ladder`, §4.1–4.6): the highest reached in the running episode;
- its **statuses** (`statuses`, §4.7), shown beside the level and never changing it: repayment
  plan kept or broken, overindebtedness filed, winter truce, the contrat de résidence rule and
  the mandat de gestion rule;
- its **reminders** (`reminders`, §4.8, §7): CAF report, plan to the CAF, CCAPEX referral, each
  closed by the matching recorded action; `next_reminder` is the earliest still open.

`assess` gives the three at once from a `ContractAccount`.

Debt only changes on a few days (a term falls into default, an entry is posted or reversed, a
benefit is received); the level's time conditions (first due date + 3 months, level 2 + 2
months) are checked on the days they become true. So a contract's ladder costs one allocation
per such day, not one per calendar day.

The legal regime (until 31/12/2026 or from 01/01/2027) is the one in force on the day judged:
the new one applies where the dated parameter ``arrears.caf_fixed_threshold`` has a value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from desktop_app.domain.ledger import Credit, Debt, Term, allocate, debt_on
from desktop_app.domain.messages import message
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import add_months, format_date
from desktop_app.domain.reminders import go_live_date

LEVELS: tuple[str, ...] = ("none", "first_default", "alert", "caf_threshold", "ccapex")
# The French label of each level (DOMAIN §4.5), for the screen, the letters and the export.
ARREARS_LEVEL: Final[Mapping[str, str]] = {
    "none": "Aucun impayé",
    "first_default": "Premier impayé",
    "alert": "Alerte",
    "caf_threshold": "Impayé constitué – CAF",
    "ccapex": "Saisine CCAPEX",
}
_CAF, _CCAPEX = 3, 4
_RULE_KEYS = ("arrears.alert_floor", "arrears.ccapex_floor", "arrears.caf_fixed_threshold")

# Statuses (§4.7), in the order they are shown; each code is its text's code in the catalogue.
PLAN_KEPT: Final = "arrears.status.plan_kept"
PLAN_BROKEN: Final = "arrears.status.plan_broken"
OVERINDEBTEDNESS: Final = "arrears.status.overindebtedness"
WINTER_TRUCE: Final = "arrears.status.winter_truce"
RESIDENCE_TERMINATION: Final = "arrears.status.residence_termination"
MANDATE_CCAPEX: Final = "arrears.status.mandate_ccapex"
STATUSES: Final = (
    PLAN_KEPT,
    PLAN_BROKEN,
    OVERINDEBTEDNESS,
    WINTER_TRUCE,
    RESIDENCE_TERMINATION,
    MANDATE_CCAPEX,
)

# Reminders (§4.8), and the action (vocabulary ARREARS_ACTION) that closes each one.
CAF_REPORT: Final = "arrears.caf_report"
CAF_PLAN: Final = "arrears.caf_plan"
CCAPEX_REFERRAL: Final = "arrears.ccapex_referral"
# The next instalment of the episode's repayment plan, closed by the household's payment (§7).
INSTALMENT: Final = "arrears.instalment"
CLOSED_BY: Final[Mapping[str, str]] = {
    CAF_REPORT: "caf_report",
    CAF_PLAN: "repayment_plan",
    CCAPEX_REFERRAL: "ccapex_referral",
}

# Legal delays and multiples (CCH R824-4 and R633-3, loi 1989 art. 24): not parameters.
_CAF_REPORT_MONTHS: Final = 2
_CAF_PLAN_MONTHS: Final = 6
_RESIDENCE_MONTHS: Final = 3
_RESIDENCE_TERMS: Final = 2
_MANDATE_MONTHS: Final = 2
_MANDATE_RENTS: Final = 2
# Overindebtedness outcomes that end the procedure (DOMAIN §2: filed, admissible, measures,
# erased).
_OVERINDEBTEDNESS_ENDED: Final = frozenset({"erased"})
RESIDENCE_AGREEMENT: Final = "residence_agreement"
LEASE_MANDATE: Final = "lease_mandate"


@dataclass(frozen=True, slots=True)
class Shares:
    """The rate figures the rules judge by, in force from ``start`` (§3.3, §4.4, §4.7).

    ``share`` and ``housing_share`` are the household share and housing share; where the
    benefit is paid to the tenant (or no longer expected: suspended, ended), both are gross.
    ``rent`` and ``charges`` are the gross rent (or rent-equivalent) and charges of the rate,
    for the contrat de résidence rule's gross variant and the mandat de gestion rule (0 when
    unknown: those limbs are then not judged). ``tiers_payant``: the benefit is paid to the
    association (the CAF report is mandatory then, and only then until 2026).
    """

    start: date
    share: int
    housing_share: int
    rent: int = 0
    charges: int = 0
    tiers_payant: bool = False


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

    @property
    def label(self) -> str:
        """The level's French label."""
        return ARREARS_LEVEL[self.level]


@dataclass(frozen=True, slots=True)
class Instalment:
    """One instalment of a repayment plan: ``amount`` cents due on ``due``."""

    due: date
    amount: int


@dataclass(frozen=True, slots=True)
class Action:
    """A step recorded on a contract's arrears (a code of vocabulary ARREARS_ACTION), dated.

    ``outcome`` matters for overindebtedness (``erased`` ends the procedure); ``instalments``
    for a repayment plan: what it asks on top of the household's current share.
    """

    kind: str
    on: date
    outcome: str | None = None
    instalments: tuple[Instalment, ...] = ()


@dataclass(frozen=True, slots=True)
class ContractAccount:
    """One contract's ledger and arrears actions, as the rules of this module read them.

    ``kind`` is the contract's kind (vocabulary CONTRACT_KIND). ``household_refs`` names the
    credits that are the household's own payments: a repayment plan is kept with the
    household's money, not with a benefit or an aid.
    """

    kind: str
    terms: tuple[Term, ...]
    credits: tuple[Credit, ...]
    shares: tuple[Shares, ...]
    household_refs: frozenset[int] = frozenset()
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True, slots=True)
class Status:
    """A status shown beside the level (§4.7): its code and French text."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class Reminder:
    """An open reminder of the arrears episode (§4.8): ``overdue`` when ``due`` < the day."""

    code: str
    due: date
    overdue: bool
    text: str


@dataclass(frozen=True, slots=True)
class Assessment:
    """A contract's level, statuses and open reminders on a day."""

    ladder: Ladder
    statuses: tuple[Status, ...]
    reminders: tuple[Reminder, ...]

    @property
    def next_reminder(self) -> Reminder | None:
        """The earliest open reminder (the export's Prochaine échéance)."""
        return next_reminder(self.reminders)


def level_label(level: str) -> str:
    """The French label of a level code."""
    return ARREARS_LEVEL[level]


def level_rank(level: str) -> int:
    """0 for ``none`` up to 4 for ``ccapex``: levels sort by it."""
    return LEVELS.index(level)


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


def _episode_debts(
    terms: Sequence[Term], credits: Sequence[Credit], days: Sequence[date], grace: int
) -> dict[int, Debt]:
    """The debt on each of ``days`` (indexes) of the running episode, the last day included.

    Only the running episode matters: walk back from the last day while something is in
    default (most contracts owe nothing, and an episode is short beside the whole history).
    Without debt on the last day, that day alone.
    """
    last = len(days) - 1
    debts = {last: debt_on(terms, credits, days[last], grace)}
    if debts[last].debt <= 0:
        return debts
    index = last
    while index > 0:
        before = debt_on(terms, credits, days[index - 1], grace)
        if before.debt <= 0:
            break
        index -= 1
        debts[index] = before
    return debts


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
    debts = _episode_debts(terms, credits, days, grace)
    final = debts[len(days) - 1]
    if final.debt <= 0:
        return Ladder(on, "none", 0, 0, None, None, ())
    start = min(debts)
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


def _live(posted_on: date | None, cancelled_on: date | None, on: date) -> bool:
    return (posted_on is None or posted_on <= on) and (cancelled_on is None or cancelled_on > on)


def _judged(due: date, on: date, grace_days: int) -> bool:
    """Whether something due on ``due`` is late on ``on`` (the grace has run out)."""
    return due + timedelta(days=grace_days) <= on


def _new_regime(day: date, params: Parameters) -> bool:
    """The rules from 01/01/2027 (a fixed CAF threshold) are in force on ``day``."""
    return params.get("arrears.caf_fixed_threshold", day) is not None


def _month_day(value: object) -> tuple[int, int]:
    month, day = str(value).split("-")
    return int(month), int(day)


def in_winter_truce(day: date, params: Parameters) -> bool:
    """Whether ``day`` falls in the winter truce (``winter_truce.start``/``end``, dated).

    The bounds are month-days (``"11-01"`` to ``"03-31"``), both included; a truce may span
    the new year. The values in force on ``day`` apply, so an extended truce is a dated
    parameter change.
    """
    start = _month_day(params.get("winter_truce.start", day))
    end = _month_day(params.get("winter_truce.end", day))
    today = (day.month, day.day)
    if start <= end:
        return start <= today <= end
    return today >= start or today <= end


def unpaid_months(account: ContractAccount, on: date, grace_days: int) -> int:
    """The longest run of consecutive period months in default on ``on`` unpaid by the household.

    A period month is unpaid when its term still owes at least the household share in force on
    the month's first day (or the whole term less its expected benefit, if smaller): none of
    the household's money reached it. Payments settle the oldest terms first, so with partial
    payments the unpaid months are the newest ones. Adjustments and opening balances (terms
    without a period month) never count.
    """
    allocation = allocate(account.terms, account.credits, on)
    owed: dict[date, list[int]] = {}  # period → [unsettled, amount less expected benefit]
    for state in allocation.terms:
        term = state.term
        if term.period is None or not _judged(term.due, on, grace_days):
            continue
        sums = owed.setdefault(term.period, [0, 0])
        sums[0] += state.unsettled
        sums[1] += term.amount - state.virtual
    unpaid = {
        period
        for period, (unsettled, amount) in owed.items()
        if unsettled > 0 and unsettled >= min(amount, _shares_on(account.shares, period).share)
    }
    longest = 0
    for period in unpaid:
        if add_months(period, -1) in unpaid:
            continue
        run = 1
        while add_months(period, run) in unpaid:
            run += 1
        longest = max(longest, run)
    return longest


def plan_kept(plan: Action, account: ContractAccount, on: date, grace_days: int) -> bool:
    """Whether every instalment of ``plan`` due so far is paid (§4.7).

    The household's payments posted from the plan's date up to ``on`` (reversed ones left out)
    must cover what fell due since: the household share of each term due after the plan date
    (the current rent: a plan is kept only if it is paid too; other terms, adjustments, in
    full) plus the instalments. Something due counts once its grace has run out, as a term
    falls into default.
    """
    owed = sum(item.amount for item in plan.instalments if _judged(item.due, on, grace_days))
    for term in account.terms:
        if term.due <= plan.on or not _judged(term.due, on, grace_days):
            continue
        if not _live(term.posted_on, term.cancelled_on, on):
            continue
        share = _shares_on(account.shares, term.due).share
        owed += min(term.amount, share) if term.period is not None else term.amount
    paid = sum(
        credit.amount
        for credit in account.credits
        if credit.ref in account.household_refs
        and credit.posted_on >= plan.on
        and _live(credit.posted_on, credit.cancelled_on, on)
    )
    return paid >= owed


def unpaid_instalment(plan: Action, account: ContractAccount, on: date) -> Instalment | None:
    """The earliest instalment of ``plan`` the household's payments do not cover on ``on``.

    As `plan_kept` reads a plan: the payments posted from the plan's date up to ``on`` first
    pay the household share of each term due after the plan date, then the instalments in
    order. Instalment k is paid when they reach instalments 1..k plus the terms due on or
    before its due date. None when every instalment is paid (the reminder is closed).
    """
    paid = sum(
        credit.amount
        for credit in account.credits
        if credit.ref in account.household_refs
        and credit.posted_on >= plan.on
        and _live(credit.posted_on, credit.cancelled_on, on)
    )
    owed_instalments = 0
    for item in sorted(plan.instalments, key=lambda instalment: instalment.due):
        owed_instalments += item.amount
        owed_terms = 0
        for term in account.terms:
            if term.due <= plan.on or term.due > item.due:
                continue
            if not _live(term.posted_on, term.cancelled_on, on):
                continue
            share = _shares_on(account.shares, term.due).share
            owed_terms += min(term.amount, share) if term.period is not None else term.amount
        if paid < owed_instalments + owed_terms:
            return item
    return None


def episode_plan(actions: Sequence[Action], result: Ladder) -> Action | None:
    """The repayment plan of the running episode: the latest agreed on or before the day.

    A plan whose last instalment fell due before the episode began belongs to an earlier one.
    """
    if result.episode_start is None:
        return None
    start = result.episode_start
    plans = [
        action
        for action in actions
        if action.kind == "repayment_plan"
        and action.on <= result.on
        and action.instalments
        and max(item.due for item in action.instalments) >= start
    ]
    return max(plans, key=lambda action: action.on, default=None)


def overindebtedness_filed(actions: Sequence[Action], on: date) -> bool:
    """An overindebtedness procedure runs on ``on``: its latest step is not ``erased``."""
    steps = [action for action in actions if action.kind == "overindebtedness" and action.on <= on]
    latest = max(steps, key=lambda action: action.on, default=None)
    return latest is not None and latest.outcome not in _OVERINDEBTEDNESS_ENDED


def residence_termination_possible(
    account: ContractAccount, result: Ladder, params: Parameters
) -> bool:
    """The contrat de résidence rule (CCH R633-3): termination with 1 month's notice possible.

    When 3 consecutive period months are unpaid by the household (`unpaid_months`), or when the
    debt reaches 2 × (rent-equivalent + charges), net of the APL foyer or gross as the
    ``residence.arrears_rule`` parameter says.
    """
    on = result.on
    if result.debt <= 0:
        return False
    shares = _shares_on(account.shares, on)
    if params.get("residence.arrears_rule", on) == "gross":
        monthly = shares.rent + shares.charges
    else:
        monthly = shares.housing_share
    if monthly > 0 and result.debt >= _RESIDENCE_TERMS * monthly:
        return True
    grace = params.int("arrears.grace_days", on)
    return unpaid_months(account, on, grace) >= _RESIDENCE_MONTHS


def mandate_order_reportable(account: ContractAccount, result: Ladder) -> bool:
    """The mandat de gestion rule: a payment order would have to be reported to the CCAPEX.

    When the household has been in arrears of rent or charges without interruption for 2
    months (counted from the due date of the episode's first term in default), or when the
    housing debt reaches 2 × the rent without charges.
    """
    if result.housing_debt <= 0 or result.first_due is None:
        return False
    if result.on >= add_months(result.first_due, _MANDATE_MONTHS):
        return True
    rent = _shares_on(account.shares, result.on).rent
    return rent > 0 and result.housing_debt >= _MANDATE_RENTS * rent


def statuses(account: ContractAccount, result: Ladder, params: Parameters) -> tuple[Status, ...]:
    """The statuses shown beside the level on ``result.on`` (§4.7); none without debt."""
    if result.level == "none":
        return ()
    on = result.on
    found: set[str] = set()
    plan = episode_plan(account.actions, result)
    if plan is not None:
        kept = plan_kept(plan, account, on, params.int("arrears.grace_days", on))
        found.add(PLAN_KEPT if kept else PLAN_BROKEN)
    if overindebtedness_filed(account.actions, on):
        found.add(OVERINDEBTEDNESS)
    if in_winter_truce(on, params):
        found.add(WINTER_TRUCE)
    if account.kind == RESIDENCE_AGREEMENT and residence_termination_possible(
        account, result, params
    ):
        found.add(RESIDENCE_TERMINATION)
    if account.kind == LEASE_MANDATE and mandate_order_reportable(account, result):
        found.add(MANDATE_CCAPEX)
    return tuple(Status(code, message(code)) for code in STATUSES if code in found)


def reminders(account: ContractAccount, result: Ladder, params: Parameters) -> tuple[Reminder, ...]:
    """The reminders of the running episode on ``result.on`` (§4.8), sorted by due date.

    - CAF report, due 2 months after level 2 was reached (d₂): when the benefit is paid to
      the association on d₂ or, under the rules from 01/01/2027, in every case;
    - plan to the CAF, due 6 months after a CAF report made under the rules until 2026;
    - CCAPEX referral, due the day level 3 was reached (no summons until 2 months after it),
      paused while an overindebtedness procedure runs;
    - the earliest unpaid instalment of the episode's repayment plan (`unpaid_instalment`).

    Each is closed by its action (`CLOSED_BY`) recorded in the episode up to the day; one
    due before the go-live date is not raised. Upcoming ones are listed too, not overdue.
    """
    start = result.episode_start
    if result.level == "none" or start is None:
        return ()
    on = result.on
    episode = [action for action in account.actions if start <= action.on <= on]

    def answered(code: str) -> bool:
        return any(action.kind == CLOSED_BY[code] for action in episode)

    due: list[tuple[str, date]] = []
    reached_caf = result.reached_on("caf_threshold")
    if (
        reached_caf is not None
        and (
            _new_regime(reached_caf, params) or _shares_on(account.shares, reached_caf).tiers_payant
        )
        and not answered(CAF_REPORT)
    ):
        due.append((CAF_REPORT, add_months(reached_caf, _CAF_REPORT_MONTHS)))
    report = min(
        (action.on for action in episode if action.kind == CLOSED_BY[CAF_REPORT]), default=None
    )
    if report is not None and not _new_regime(report, params) and not answered(CAF_PLAN):
        due.append((CAF_PLAN, add_months(report, _CAF_PLAN_MONTHS)))
    reached_ccapex = result.reached_on("ccapex")
    if (
        reached_ccapex is not None
        and not overindebtedness_filed(account.actions, on)
        and not answered(CCAPEX_REFERRAL)
    ):
        due.append((CCAPEX_REFERRAL, reached_ccapex))
    plan = episode_plan(account.actions, result)
    instalment = None if plan is None else unpaid_instalment(plan, account, on)
    if instalment is not None:
        due.append((INSTALMENT, instalment.due))
    go_live = go_live_date(params.get("go_live_date", on))
    return tuple(
        Reminder(code, day, day < on, message(code, due=format_date(day)))
        for code, day in sorted(due, key=lambda item: (item[1], item[0]))
        if go_live is None or day >= go_live
    )


def next_reminder(open_reminders: Sequence[Reminder]) -> Reminder | None:
    """The earliest open reminder (by due date, then code), if any."""
    return min(open_reminders, key=lambda item: (item.due, item.code), default=None)


def assess(account: ContractAccount, on: date, params: Parameters) -> Assessment:
    """A contract's level, statuses and open reminders on ``on``."""
    result = ladder(account.terms, account.credits, account.shares, on, params)
    return Assessment(result, statuses(account, result, params), reminders(account, result, params))
