"""Inclusive periods and month arithmetic (DOMAIN §0)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.periods import (
    Period,
    add_months,
    format_date,
    parse_date,
    parse_month,
)


def test_add_months_clamps_to_the_end_of_month() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 15), -3) == date(2025, 12, 15)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)), st.integers(-600, 600))
def test_add_months_keeps_the_day_or_clamps(day: date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == day.day or result.day < day.day


def test_periods_count_both_ends() -> None:
    january = Period.month(2026, 1)
    assert january.days == 31
    assert Period.quarter(2026, 1) == Period(date(2026, 1, 1), date(2026, 3, 31))
    assert Period.year(2024).days == 366
    assert date(2026, 1, 31) in january
    assert date(2026, 2, 1) not in january
    with pytest.raises(ValueError, match="cannot end before"):
        Period(date(2026, 2, 1), date(2026, 1, 31))


def test_overlap_and_months() -> None:
    period = Period(date(2026, 1, 15), date(2026, 3, 10))
    assert [p.days for p in period.months()] == [17, 28, 10]
    assert period.overlap(Period.month(2026, 2)) == Period.month(2026, 2)
    assert period.overlap(Period.month(2026, 4)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-31", date(2026, 3, 31)),
        ("31/03/2026", date(2026, 3, 31)),
        ("1/3/2026", date(2026, 3, 1)),
        ("31/02/2025", None),
        ("2026-13-01", None),
        ("demain", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_parse_month_and_format() -> None:
    assert parse_month("2026-03") == date(2026, 3, 1)
    assert parse_month("03/2026") == date(2026, 3, 1)
    assert parse_month("13/2026") is None
    assert format_date(date(2026, 3, 1)) == "01/03/2026"
