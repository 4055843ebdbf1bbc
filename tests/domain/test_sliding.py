"""The bail glissant calendar (DOMAIN §2 SlidingPlan, §7): every date written by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.periods import add_months
from desktop_app.domain.sliding import (
    Reminder,
    SlidingSchedule,
    is_running,
    next_review_number,
    sliding_schedule,
)
from desktop_app.domain.vocabulary import SLIDING_OUTCOME

D = date
START = D(2026, 1, 1)
ON = D(2026, 3, 15)


def schedule(
    *reviews: date,
    start: date = START,
    period: int = 6,
    max_months: int = 24,
    bilan: int = 3,
    on: date = ON,
) -> SlidingSchedule:
    return sliding_schedule(
        contract_start=start,
        review_period_months=period,
        max_months=max_months,
        reviews=list(reviews),
        landlord_bilan_months_before=bilan,
        on=on,
    )


def test_first_period_with_the_default_parameters() -> None:
    assert schedule() == SlidingSchedule(
        review_number=1,
        next_review=D(2026, 7, 1),
        review_overdue=False,
        deadline=D(2028, 1, 1),
        landlord_bilan_due=D(2026, 4, 1),
        prefect_information_due=D(2026, 5, 1),
    )


def test_review_held_on_time_opens_the_next_period() -> None:
    result = schedule(D(2026, 7, 1), on=D(2026, 7, 2))
    assert result.review_number == 2
    assert result.next_review == D(2027, 1, 1)
    assert result.landlord_bilan_due == D(2026, 10, 1)
    assert result.prefect_information_due == D(2026, 11, 1)
    assert result.review_overdue is False


def test_a_late_review_does_not_restart_the_period() -> None:
    # Held seven weeks late: the next one is still six months after the first due date,
    # not 20/02/2027.
    result = schedule(D(2026, 8, 20))
    assert result.next_review == D(2027, 1, 1)
    assert result.review_number == 2


def test_a_review_held_a_little_early_answers_the_coming_date() -> None:
    assert schedule(D(2026, 5, 15)).next_review == D(2027, 1, 1)


def test_a_review_counts_from_half_a_period_before_its_date() -> None:
    assert schedule(D(2026, 4, 1)).next_review == D(2027, 1, 1)  # from 01/04 on
    assert schedule(D(2026, 3, 31)).next_review == D(2026, 7, 1)  # an extra meeting


def test_a_review_after_a_missed_date_answers_the_nearest_one() -> None:
    # Nothing at 01/07/2026; a review on 15/10/2026 is nearer 01/01/2027 than 01/07/2026.
    result = schedule(D(2026, 10, 15), on=D(2026, 10, 16))
    assert (result.review_number, result.next_review) == (3, D(2027, 7, 1))
    # On 15/09/2026 it is the late 01/07/2026 review: the next is 01/01/2027.
    assert schedule(D(2026, 9, 15)).next_review == D(2027, 1, 1)


def test_only_the_last_review_matters_whatever_the_order() -> None:
    reviews = (D(2027, 1, 2), D(2026, 7, 1))
    assert schedule(*reviews).next_review == D(2027, 7, 1)
    assert schedule(*reversed(reviews)).next_review == D(2027, 7, 1)
    assert schedule(*reviews).review_number == 3


def test_reviews_before_the_contract_are_ignored() -> None:
    assert schedule(D(2025, 12, 1)).next_review == D(2026, 7, 1)
    assert schedule(START).next_review == D(2026, 7, 1)


def test_overdue_the_day_after_the_due_date() -> None:
    assert schedule(on=D(2026, 7, 1)).review_overdue is False
    assert schedule(on=D(2026, 7, 2)).review_overdue is True


def test_thirty_first_of_january_clamps() -> None:
    result = schedule(start=D(2026, 1, 31))
    assert result.next_review == D(2026, 7, 31)
    assert result.landlord_bilan_due == D(2026, 4, 30)
    assert result.prefect_information_due == D(2026, 5, 31)
    assert result.deadline == D(2028, 1, 31)
    monthly = schedule(start=D(2026, 1, 31), period=1, bilan=0)
    assert monthly.next_review == D(2026, 2, 28)


def test_the_calendar_does_not_drift_after_a_short_month() -> None:
    first = schedule(start=D(2025, 8, 31), on=D(2025, 9, 1))
    assert first.next_review == D(2026, 2, 28)
    # Counted back from the 28th: the earlier, safer day.
    assert first.landlord_bilan_due == D(2025, 11, 28)
    assert first.prefect_information_due == D(2025, 12, 28)
    second = schedule(D(2026, 2, 28), start=D(2025, 8, 31))
    assert second.next_review == D(2026, 8, 31)  # not 28/08
    assert second.landlord_bilan_due == D(2026, 5, 31)
    assert second.prefect_information_due == D(2026, 6, 30)


def test_leap_years() -> None:
    result = schedule(start=D(2023, 8, 31), on=D(2023, 9, 1))
    assert result.next_review == D(2024, 2, 29)
    assert result.landlord_bilan_due == D(2023, 11, 29)
    assert result.deadline == D(2025, 8, 31)
    leap_day = schedule(start=D(2024, 2, 29), on=D(2024, 3, 1))
    assert leap_day.next_review == D(2024, 8, 29)
    assert leap_day.deadline == D(2026, 2, 28)


def test_odd_and_monthly_periods() -> None:
    # Five months: a review counts from three months after the start (5 - 5 // 2).
    assert schedule(D(2026, 4, 1), period=5).next_review == D(2026, 11, 1)
    assert schedule(D(2026, 3, 31), period=5).next_review == D(2026, 6, 1)
    # One month: a review counts only from its due date.
    assert schedule(D(2026, 2, 1), period=1).next_review == D(2026, 3, 1)
    assert schedule(D(2026, 1, 31), period=1).next_review == D(2026, 2, 1)


def test_reminders_of_a_running_plan() -> None:
    on = D(2026, 4, 15)
    assert schedule(on=on).reminders(on) == [
        Reminder("sliding.landlord_bilan", D(2026, 4, 1), overdue=True),
        Reminder("sliding.prefect_information", D(2026, 5, 1), overdue=False),
        Reminder("sliding.review", D(2026, 7, 1), overdue=False),
        Reminder("sliding.deadline", D(2028, 1, 1), overdue=False),
    ]


def test_deadline_reached_without_glissement() -> None:
    reviews = (D(2026, 7, 1), D(2027, 1, 4), D(2027, 7, 1), D(2028, 1, 3))
    on = D(2028, 1, 5)
    result = schedule(*reviews, on=on)
    assert result.next_review == D(2028, 7, 1)  # the sublease goes on until a decision
    assert result.reminders(on)[0] == Reminder("sliding.deadline", D(2028, 1, 1), overdue=True)
    assert Reminder("sliding.deadline", D(2028, 1, 1), overdue=False) in result.reminders(
        D(2028, 1, 1)
    )


def test_reminders_follow_the_outcome() -> None:
    on = D(2026, 4, 15)
    result = schedule(on=on)
    assert result.reminders(on, outcome="slid") == []
    assert result.reminders(on, outcome="failed") == []
    extended = result.reminders(on, outcome="extended")
    assert [r.code for r in extended] == [
        "sliding.landlord_bilan",
        "sliding.prefect_information",
        "sliding.review",
    ]
    with pytest.raises(ValueError, match="unknown sliding outcome"):
        result.reminders(on, outcome="glissé")


def test_nothing_before_the_go_live_date() -> None:
    on = D(2026, 4, 15)
    reminders = schedule(on=on).reminders(on, go_live=D(2026, 4, 2))
    assert [r.code for r in reminders] == [
        "sliding.prefect_information",
        "sliding.review",
        "sliding.deadline",
    ]
    assert len(schedule(on=on).reminders(on, go_live=D(2026, 4, 1))) == 4


def test_outcome_codes_exist() -> None:
    assert {"in_progress", "extended", "slid", "failed"} == set(SLIDING_OUTCOME)


def test_is_running() -> None:
    assert is_running("in_progress")
    assert is_running("extended")
    assert not is_running("slid")
    assert not is_running("failed")
    with pytest.raises(ValueError, match="unknown"):
        is_running("done")


def test_parameters_out_of_range_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="at least one month"):
        schedule(period=0)
    with pytest.raises(ValueError, match="negative"):
        schedule(bilan=-1)
    with pytest.raises(ValueError, match="at least one month"):
        next_review_number(START, 0, START)


def test_prefect_delay_is_a_keyword() -> None:
    result = sliding_schedule(
        contract_start=START,
        review_period_months=6,
        max_months=24,
        reviews=[],
        landlord_bilan_months_before=3,
        prefect_months_before=1,
        on=START,
    )
    assert result.prefect_information_due == D(2026, 6, 1)


# ---------------------------------------------------------------- properties

starts = st.dates(min_value=D(2000, 1, 1), max_value=D(2040, 12, 31))
periods = st.integers(1, 12)
offsets = st.integers(0, 3650)


def naive_number(start: date, period: int, last_review: date) -> int:
    """Walk the due dates one by one: the first whose nearest-review window opens later."""
    number = 1
    while add_months(start, number * period - period // 2) <= last_review:
        number += 1
    return number


@given(starts, periods, offsets)
def test_number_matches_a_walk_over_the_due_dates(start: date, period: int, offset: int) -> None:
    last = start + timedelta(days=offset)
    assert next_review_number(start, period, last) == naive_number(start, period, last)


@given(starts, periods, offsets)
def test_next_review_is_after_the_last_one_and_on_the_calendar(
    start: date, period: int, offset: int
) -> None:
    last = start + timedelta(days=offset)
    result = schedule(last, start=start, period=period, on=last)
    assert result.next_review > last
    assert result.next_review == add_months(start, result.review_number * period)
    assert result.landlord_bilan_due <= result.prefect_information_due <= result.next_review


@given(starts, periods, st.integers(1, 40))
def test_reviews_held_on_their_due_date_advance_one_by_one(
    start: date, period: int, held: int
) -> None:
    reviews = [add_months(start, n * period) for n in range(1, held + 1)]
    result = schedule(*reviews, start=start, period=period, on=reviews[-1])
    assert result.review_number == held + 1


@given(starts, periods, offsets, offsets)
def test_a_later_review_never_moves_the_calendar_back(
    start: date, period: int, first: int, second: int
) -> None:
    early, late = sorted((first, second))
    assert next_review_number(start, period, start + timedelta(days=early)) <= next_review_number(
        start, period, start + timedelta(days=late)
    )
