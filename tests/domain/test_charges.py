"""A month's charges: components, prorating, rate changes, occupation without title (§3.2)."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.charges import (
    RateSpan,
    household_share,
    housing_share,
    month_charges,
    rate_on,
)

RATE = RateSpan(date(2026, 1, 1), rent=40_000, charges=4_000, expected_benefit=26_000)


def test_a_full_month_charges_every_non_zero_component() -> None:
    result = month_charges(date(2026, 3, 1), start=date(2026, 1, 1), end=None, rates=[RATE])
    assert result is not None
    assert result.parts == (("rent", 40_000), ("charges", 4_000))
    assert (result.total, result.due_day) == (44_000, 5)


def test_a_first_month_is_prorated_by_days() -> None:
    # 17 days of a 30-day month: 400 € × 17/30 = 226,666… → 226,67 €
    result = month_charges(date(2026, 4, 1), start=date(2026, 4, 14), end=None, rates=[RATE])
    assert result is not None
    assert dict(result.parts) == {"rent": 22_667, "charges": 2_267}


def test_a_last_month_stops_at_the_departure() -> None:
    result = month_charges(
        date(2026, 2, 1), start=date(2025, 1, 1), end=date(2026, 2, 14), rates=[RATE]
    )
    assert result is not None
    assert dict(result.parts) == {"rent": 20_000, "charges": 2_000}  # 14/28


def test_a_rate_change_within_the_month() -> None:
    rates = [RATE, RateSpan(date(2026, 6, 16), rent=43_000, charges=4_000)]
    result = month_charges(date(2026, 6, 1), start=date(2026, 1, 1), end=None, rates=rates)
    assert result is not None
    assert dict(result.parts) == {"rent": 20_000 + 21_500, "charges": 4_000}
    assert rate_on(rates, date(2026, 6, 15)) == RATE


def test_an_occupant_without_title_owes_an_occupation_indemnity() -> None:
    result = month_charges(
        date(2026, 9, 1),
        start=date(2025, 1, 1),
        end=None,
        rates=[RATE],
        indemnity_from=date(2026, 9, 16),
    )
    assert result is not None
    assert dict(result.parts) == {"rent": 20_000, "charges": 2_000, "occupation_indemnity": 22_000}


def test_no_charges_outside_the_contract_or_without_a_rate() -> None:
    assert month_charges(date(2025, 12, 1), start=date(2026, 1, 1), end=None, rates=[RATE]) is None
    later = RateSpan(date(2026, 5, 1), rent=10_000)
    assert month_charges(date(2026, 4, 1), start=date(2026, 4, 1), end=None, rates=[later]) is None


def test_services_of_a_pension_de_famille() -> None:
    rate = RateSpan(
        date(2026, 1, 1), 35_000, 3_000, mandatory_services=2_000, optional_services=1_500
    )
    result = month_charges(date(2026, 1, 1), start=date(2025, 1, 1), end=None, rates=[rate])
    assert result is not None
    assert [nature for nature, _ in result.parts] == [
        "rent",
        "charges",
        "mandatory_services",
        "optional_services",
    ]


def test_shares_deduct_the_benefit_only_when_paid_to_the_association() -> None:
    paid = RateSpan(date(2026, 1, 1), 40_000, 4_000, 2_000, 0, 26_000, tiers_payant=True)
    assert household_share(paid, benefit_paid=True) == 20_000
    assert housing_share(paid, benefit_paid=True) == 18_000
    assert housing_share(paid, benefit_paid=False) == 44_000
    to_tenant = RateSpan(date(2026, 1, 1), 40_000, 4_000, 0, 0, 26_000, tiers_payant=False)
    assert household_share(to_tenant, benefit_paid=True) == 44_000
