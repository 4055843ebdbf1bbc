"""Rehousing dates: the yearly renewal, the DALO time limit in and outside Île-de-France."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.parameters import Parameters, default_values
from desktop_app.domain.rehousing import dalo_time_limit, region_scope, renewal_due

PARAMS = Parameters(default_values())


@pytest.mark.parametrize(
    ("postcode", "scope"),
    [("75011", "idf"), ("93200", "idf"), ("69003", None), ("", None), (None, None), ("7", None)],
)
def test_region_scope(postcode: str | None, scope: str | None) -> None:
    assert region_scope(postcode) == scope


def test_an_application_lapses_a_year_after_filing_or_renewal() -> None:
    assert renewal_due(date(2026, 3, 15)) == date(2027, 3, 15)
    assert renewal_due(date(2026, 3, 15), date(2027, 3, 1)) == date(2028, 3, 1)
    assert renewal_due(date(2024, 2, 29)) == date(2025, 2, 28)


def test_the_prefects_time_limit_is_longer_in_ile_de_france() -> None:
    decision = date(2026, 4, 10)
    assert dalo_time_limit(decision, PARAMS, "69003") == date(2026, 7, 10)
    assert dalo_time_limit(decision, PARAMS, "92100") == date(2026, 10, 10)
    assert dalo_time_limit(decision, PARAMS, None) == date(2026, 7, 10)
