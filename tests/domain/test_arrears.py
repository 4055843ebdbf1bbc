"""The arrears ladder against DOMAIN §4's worked examples, and the allocation rules of §3.4."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from desktop_app.domain.arrears import Shares, ladder
from desktop_app.domain.ledger import (
    Credit,
    Term,
    allocate,
    debt_on,
    due_date,
    expected_payment_day,
    opening_due,
)
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import add_months

PARAMS = Parameters.defaults()


@dataclass
class Account:
    """A contract's ledger as the worked examples describe it.

    Rent and charges on the 1st, due the 5th; the benefit (tiers payant) is expected on every
    month's term and received the 10th of the next month; household payments on the 8th.
    """

    rent: int
    charges: int
    benefit: int = 0
    terms: list[Term] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)

    def months(self, first: date, last: date, *, benefit_received_until: date) -> None:
        month = first
        while month <= last:
            ref = len(self.terms) + 1
            self.terms.append(
                Term(
                    ref,
                    due_date(month, 5),
                    (("rent", self.rent), ("charges", self.charges)),
                    period=month,
                    posted_on=month,
                )
            )
            if self.benefit:
                received = expected_payment_day(month, 10)
                real = received <= benefit_received_until
                self.credits.append(
                    Credit(
                        1000 + ref,
                        month,
                        self.benefit,
                        period=month,
                        cancelled_on=received if real else None,
                        virtual=True,
                    )
                )
                if real:
                    self.credits.append(Credit(2000 + ref, received, self.benefit, period=month))
            month = add_months(month, 1)

    def pay(self, day: date, amount: int, period: date | None = None) -> None:
        self.credits.append(Credit(3000 + len(self.credits), day, amount, period=period))

    def level(self, on: date) -> str:
        share = self.rent + self.charges - self.benefit
        shares = [Shares(date(2020, 1, 1), share, share)]
        return ladder(self.terms, self.credits, shares, on, PARAMS).level


def account_a() -> Account:
    account = Account(40_000, 4_000, 26_000)  # share 180 €
    account.months(date(2026, 6, 1), date(2026, 12, 1), benefit_received_until=date(2026, 12, 31))
    account.pay(date(2026, 6, 8), 18_000)  # June paid, nothing from July
    return account


@pytest.mark.parametrize(
    ("day", "level"),
    [
        (date(2026, 7, 14), "none"),  # grace
        (date(2026, 7, 15), "alert"),  # 180 ≥ 180
        (date(2026, 8, 15), "caf_threshold"),  # 360 ≥ 2 × 180
        (date(2026, 10, 14), "caf_threshold"),
        (date(2026, 10, 15), "ccapex"),  # two months after 15/08, debt not lower
    ],
)
def test_example_a(day: date, level: str) -> None:
    assert account_a().level(day) == level


def test_example_a_tells_when_each_level_was_reached() -> None:
    account = account_a()
    result = ladder(
        account.terms, account.credits, [Shares(date(2020, 1, 1), 18_000, 18_000)],
        date(2026, 10, 20), PARAMS,
    )  # fmt: skip
    assert result.episode_start == date(2026, 7, 15)
    assert result.first_due == date(2026, 7, 5)
    assert result.reached_on("caf_threshold") == date(2026, 8, 15)
    assert result.reached_on("ccapex") == date(2026, 10, 15)
    assert (result.debt, result.housing_debt) == (72_000, 72_000)


def account_b() -> Account:
    account = Account(38_000, 4_000, 30_000)  # share 120 €
    account.months(date(2027, 1, 1), date(2027, 6, 1), benefit_received_until=date(2027, 12, 31))
    account.pay(date(2027, 1, 8), 12_000)
    return account


@pytest.mark.parametrize(
    ("day", "level"),
    [
        (date(2027, 3, 20), "alert"),  # 240 ≤ 450 and less than 3 months
        (date(2027, 5, 4), "alert"),  # 360 ≤ 450, first due 05/02 + 3 months not reached
        (date(2027, 5, 5), "caf_threshold"),  # first due 05/02 + 3 months
    ],
)
def test_example_b_under_the_2027_rule(day: date, level: str) -> None:
    assert account_b().level(day) == level


def account_c() -> Account:
    account = Account(50_000, 5_000)  # benefit paid to the tenant: share 550 € gross
    account.months(date(2026, 9, 1), date(2026, 12, 1), benefit_received_until=date(2026, 1, 1))
    for month in range(9, 13):
        account.pay(date(2026, month, 8), 40_000)
    return account


def test_example_c_benefit_paid_to_the_tenant() -> None:
    assert account_c().level(date(2026, 9, 20)) == "first_default"  # 150 < 550
    assert account_c().level(date(2026, 12, 20)) == "alert"  # 600 ≥ 550


def test_example_d_the_episode_ends_when_everything_is_paid() -> None:
    account = Account(40_000, 4_000, 26_000)
    account.months(date(2026, 11, 1), date(2027, 1, 1), benefit_received_until=date(2027, 12, 31))
    assert account.level(date(2026, 12, 20)) == "caf_threshold"
    account.pay(date(2027, 1, 8), 54_000)
    assert account.level(date(2027, 1, 20)) == "none"


def account_e() -> Account:
    account = Account(40_000, 4_000, 24_000)  # share 200 €
    account.months(date(2027, 1, 1), date(2027, 4, 1), benefit_received_until=date(2027, 12, 31))
    account.pay(date(2027, 3, 8), 30_000)
    account.pay(date(2027, 4, 8), 30_000)
    return account


def test_example_e_a_new_episode_begins() -> None:
    account = account_e()
    assert account.level(date(2027, 3, 20)) == "alert"  # 300 ≤ 450, under 3 months
    assert account.level(date(2027, 4, 20)) == "alert"
    shares = [Shares(date(2020, 1, 1), 20_000, 20_000)]
    result = ladder(account.terms, account.credits, shares, date(2027, 4, 20), PARAMS)
    assert result.episode_start == date(2027, 4, 15)  # the 08/04 payment cleared every default
    assert result.first_due == date(2027, 4, 5)


def test_ccapex_by_amount_alone() -> None:
    account = Account(40_000, 4_000, 26_000)
    account.months(date(2026, 1, 1), date(2026, 6, 1), benefit_received_until=date(2026, 12, 31))
    # six months of 180 € on 15/06: 1 080 € ≥ 6 × 180 €, well before two months after level 2
    result = ladder(
        account.terms, account.credits, [Shares(date(2020, 1, 1), 18_000, 18_000)],
        date(2026, 6, 15), PARAMS,
    )  # fmt: skip
    assert result.level == "ccapex"
    assert result.reached_on("caf_threshold") == date(2026, 2, 15)


def test_levels_never_go_down_inside_an_episode() -> None:
    account = account_a()
    account.pay(date(2026, 10, 20), 50_000)  # pays part of the debt: 720 → 220 €
    assert account.level(date(2026, 10, 25)) == "ccapex"


def test_services_unpaid_alone_never_reach_the_housing_levels() -> None:
    terms = [
        Term(i, due_date(date(2026, m, 1), 5), (("optional_services", 30_000),), date(2026, m, 1))
        for i, m in enumerate(range(1, 7), start=1)
    ]
    result = ladder(terms, [], [Shares(date(2020, 1, 1), 0, 0)], date(2026, 6, 20), PARAMS)
    assert result.level == "alert"
    assert result.housing_debt == 0


def test_a_named_month_is_settled_first_then_the_oldest() -> None:
    terms = [
        Term(1, date(2026, 1, 5), (("rent", 10_000), ("charges", 2_000)), date(2026, 1, 1)),
        Term(2, date(2026, 2, 5), (("rent", 10_000), ("charges", 2_000)), date(2026, 2, 1)),
    ]
    credits = [Credit(1, date(2026, 2, 8), 15_000, period=date(2026, 2, 1))]
    states = allocate(terms, credits, date(2026, 3, 1)).terms
    assert [s.unsettled for s in states] == [9_000, 0]  # 3 000 spilled onto January's rent
    assert states[0].remaining == (("rent", 7_000), ("charges", 2_000))


def test_an_advance_settles_terms_as_they_exist() -> None:
    terms = [
        Term(
            1, date(2026, 1, 5), (("rent", 10_000),), date(2026, 1, 1), posted_on=date(2026, 1, 1)
        ),
        Term(
            2, date(2026, 2, 5), (("rent", 10_000),), date(2026, 2, 1), posted_on=date(2026, 2, 1)
        ),
    ]
    credits = [Credit(1, date(2026, 1, 8), 15_000)]
    assert allocate(terms, credits, date(2026, 1, 20)).advance == 5_000
    february = allocate(terms, credits, date(2026, 2, 20))
    assert (february.advance, february.terms[1].unsettled) == (0, 5_000)


def test_a_reversal_cancels_exactly_its_entry_from_its_date() -> None:
    terms = [Term(1, date(2026, 1, 5), (("rent", 10_000),), date(2026, 1, 1))]
    credits = [Credit(1, date(2026, 1, 8), 10_000, cancelled_on=date(2026, 2, 3))]
    assert debt_on(terms, credits, date(2026, 2, 2), 10).debt == 0
    assert debt_on(terms, credits, date(2026, 2, 3), 10).debt == 10_000


def test_expected_benefit_never_becomes_an_advance() -> None:
    terms = [Term(1, date(2026, 1, 5), (("rent", 40_000),), date(2026, 1, 1))]
    credits = [
        Credit(1, date(2026, 1, 3), 40_000, period=date(2026, 1, 1)),  # household paid it all
        Credit(2, date(2026, 1, 1), 26_000, period=date(2026, 1, 1), virtual=True),
    ]
    allocation = allocate(terms, credits, date(2026, 1, 20))
    # the expected benefit settles its part first: the household's 400 € leave 260 € ahead
    assert allocation.advance == 26_000
    assert allocation.terms[0].virtual == 26_000
    # and once January is otherwise settled, an expected benefit has nothing to settle
    alone = allocate(terms, credits[1:], date(2026, 1, 20))
    assert (alone.advance, alone.terms[0].unsettled) == (0, 14_000)


def test_an_opening_balance_is_in_default_from_its_first_default_date() -> None:
    due = opening_due(date(2025, 11, 15), 10)
    assert due == date(2025, 11, 5)
    terms = [Term(1, due, (("rent", 123_456),))]
    assert debt_on(terms, [], date(2025, 11, 14), 10).debt == 0
    assert debt_on(terms, [], date(2025, 11, 15), 10).housing_debt == 123_456


def test_due_dates_are_clamped_to_the_month() -> None:
    assert due_date(date(2026, 2, 1), 31) == date(2026, 2, 28)
    assert expected_payment_day(date(2026, 1, 1), 31) == date(2026, 2, 28)
