"""Money in cents, read and written the French way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.money import format_eur, parse_amount, prorate


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1 234,56", 123456),
        ("1234.56", 123456),
        ("1 234,56 €", 123456),
        ("1\u202f234,56\u00a0€", 123456),
        ("12", 1200),
        ("12,5", 1250),
        ("-12,05", -1205),
        ("0,01", 1),
        ("  450 € ", 45000),
    ],
)
def test_amounts_understood(text: str, cents: int) -> None:
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["12,3,4", "abc", "", "1.234,5.6", "12,345", "1 23,00", "€"])
def test_anything_else_refused(text: str) -> None:
    assert parse_amount(text) is None


def test_format_eur() -> None:
    assert format_eur(123456) == "1\u202f234,56\u00a0€"
    assert format_eur(-5) == "-0,05\u00a0€"
    assert format_eur(0, symbol=False) == "0,00"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_format_then_parse_round_trips(cents: int) -> None:
    assert parse_amount(format_eur(cents)) == cents


def test_prorate_rounds_half_up_per_component() -> None:
    assert prorate(45000, 15, 30) == 22500
    assert prorate(100, 1, 3) == 33
    assert prorate(5, 1, 2) == 3  # 2.5 cents → 3, half-up
    with pytest.raises(ValueError, match="positive"):
        prorate(100, 1, 0)
