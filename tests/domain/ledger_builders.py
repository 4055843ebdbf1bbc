"""A contract's ledger written by hand, for the arrears scenarios (DOMAIN §3, §4).

The worked examples' conventions: rent and charges posted on the 1st, due the 5th; the housing
benefit (tiers payant) expected on every month's term and received the 10th of the next month;
the household pays on the days a test says. Every amount is in cents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.arrears import (
    Action,
    Assessment,
    ContractAccount,
    Instalment,
    Shares,
    assess,
)
from desktop_app.domain.ledger import Credit, Term, due_date, expected_payment_day, opening_due
from desktop_app.domain.parameters import (
    PLAIN_SETTING_DATE,
    Parameters,
    ParameterValue,
    default_values,
)
from desktop_app.domain.periods import add_months

PARAMS = Parameters.defaults()
EPOCH = date(2020, 1, 1)  # the rate in force long before any scenario
NEVER = date(2999, 12, 31)


def params_with(*values: tuple[str, object] | tuple[str, object, date]) -> Parameters:
    """The defaults with some values changed: ``(key, value)`` or ``(key, value, valid_from)``."""
    rows = default_values()
    for item in values:
        key, value = item[0], item[1]
        start = item[2] if len(item) == 3 else PLAIN_SETTING_DATE
        rows.append(ParameterValue(key, "", start, value))
    return Parameters(rows)


@dataclass
class Ledger:
    """One contract's terms, credits, rate figures and arrears actions.

    ``benefit`` is the expected housing benefit; it reduces the household share only when
    ``tiers_payant`` (paid to the association), and stops being expected from the day it is
    suspended. ``services`` are mandatory services (part of the share, not of the housing share).
    """

    rent: int
    charges: int = 0
    benefit: int = 0
    services: int = 0
    tiers_payant: bool = True
    kind: str = "sublease"
    terms: list[Term] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    household: set[int] = field(default_factory=set)
    actions: list[Action] = field(default_factory=list)
    shares: list[Shares] = field(default_factory=list)
    suspended_from: date | None = None

    def __post_init__(self) -> None:
        self.shares.append(self._shares(EPOCH, benefit_paid=True))

    def _shares(self, start: date, *, benefit_paid: bool) -> Shares:
        deducted = self.benefit if self.tiers_payant and benefit_paid else 0
        housing = self.rent + self.charges
        return Shares(
            start,
            housing + self.services - deducted,
            housing - deducted,
            rent=self.rent,
            charges=self.charges,
            tiers_payant=self.tiers_payant,
        )

    @property
    def share(self) -> int:
        """The household share while the benefit is paid."""
        return self.shares[0].share

    def _ref(self) -> int:
        return len(self.terms) + len(self.credits) + 1

    def suspend(self, day: date) -> None:
        """The benefit is suspended from ``day``: nothing is expected from then (§3.5).

        Call it before generating the months it affects.
        """
        self.suspended_from = day
        self.shares.append(self._shares(day, benefit_paid=False))

    def months(
        self,
        first: date,
        last: date,
        *,
        received_until: date = NEVER,
        indemnity_from: date | None = None,
    ) -> None:
        """Generate the terms of ``first``…``last`` (first days) and their expected benefit.

        The benefit of a month is received on its expected payment day if that is on or before
        ``received_until`` and before a suspension; until then it is expected (virtual). From
        ``indemnity_from`` (a résiliation) the term is an occupation indemnity of rent +
        charges.
        """
        month = first
        while month <= last:
            if indemnity_from is not None and month >= indemnity_from:
                parts: tuple[tuple[str, int], ...] = (
                    ("occupation_indemnity", self.rent + self.charges),
                )
            else:
                parts = tuple(
                    (nature, cents)
                    for nature, cents in (
                        ("rent", self.rent),
                        ("charges", self.charges),
                        ("mandatory_services", self.services),
                    )
                    if cents
                )
            term = Term(self._ref(), due_date(month, 5), parts, period=month, posted_on=month)
            self.terms.append(term)
            self._benefit(month, received_until)
            month = add_months(month, 1)

    def _benefit(self, month: date, received_until: date) -> None:
        suspended = self.suspended_from
        if not (self.benefit and self.tiers_payant) or (suspended and month >= suspended):
            return
        received = expected_payment_day(month, 10)
        real = received <= received_until and (suspended is None or received < suspended)
        stop = received if real else suspended
        self.credits.append(
            Credit(self._ref(), month, self.benefit, period=month, cancelled_on=stop, virtual=True)
        )
        if real:
            self.credits.append(Credit(self._ref(), received, self.benefit, period=month))

    def pay(
        self,
        day: date,
        amount: int,
        period: date | None = None,
        *,
        cancelled_on: date | None = None,
    ) -> Credit:
        """A household payment posted on ``day`` (reversed on ``cancelled_on``)."""
        credit = Credit(self._ref(), day, amount, period=period, cancelled_on=cancelled_on)
        self.credits.append(credit)
        self.household.add(credit.ref)
        return credit

    def pay_monthly(self, first: date, last: date, amount: int, *, day: int = 8) -> None:
        """The household pays ``amount`` on ``day`` of every month ``first``…``last``."""
        month = first
        while month <= last:
            self.pay(month.replace(day=day), amount)
            month = add_months(month, 1)

    def aid(self, day: date, amount: int, period: date | None = None) -> Credit:
        """A credit that is not the household's money (FSL aid, remission, debt erased)."""
        credit = Credit(self._ref(), day, amount, period=period)
        self.credits.append(credit)
        return credit

    def opening(self, first_default: date, amount: int, *, posted_on: date | None = None) -> None:
        """A solde de reprise carried with its first-default date (§3.8), counted as rent."""
        due = opening_due(first_default, PARAMS.int("arrears.grace_days", first_default))
        self.terms.append(Term(self._ref(), due, (("rent", amount),), posted_on=posted_on))

    def act(self, kind: str, on: date, outcome: str | None = None) -> None:
        """Record an arrears action."""
        self.actions.append(Action(kind, on, outcome))

    def plan(self, on: date, first_due: date, count: int, amount: int) -> Action:
        """A repayment plan agreed on ``on``: ``count`` monthly instalments of ``amount``."""
        instalments = tuple(Instalment(add_months(first_due, n), amount) for n in range(count))
        action = Action("repayment_plan", on, instalments=instalments)
        self.actions.append(action)
        return action

    def account(self) -> ContractAccount:
        """The domain's view of this ledger."""
        return ContractAccount(
            kind=self.kind,
            terms=tuple(self.terms),
            credits=tuple(self.credits),
            shares=tuple(self.shares),
            household_refs=frozenset(self.household),
            actions=tuple(self.actions),
        )

    def assess(self, on: date, params: Parameters = PARAMS) -> Assessment:
        """Level, statuses and reminders on ``on``."""
        return assess(self.account(), on, params)

    def level(self, on: date, params: Parameters = PARAMS) -> str:
        """The level code on ``on``."""
        return self.assess(on, params).ladder.level

    def statuses(self, on: date, params: Parameters = PARAMS) -> list[str]:
        """The status codes on ``on``."""
        return [status.code for status in self.assess(on, params).statuses]

    def reminders(self, on: date, params: Parameters = PARAMS) -> list[tuple[str, date]]:
        """The open reminders on ``on``, as (code, due) pairs."""
        return [(item.code, item.due) for item in self.assess(on, params).reminders]
