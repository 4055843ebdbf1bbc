"""The bail glissant calendar: periodic reviews, bilan, préfet, deadline (DOMAIN §2, §7).

The review calendar is **anchored on the contract start**: the n-th review is due on
``contract_start + n × review_period_months`` (each computed from the start, so 31/08 + 6 months
= 28/02 does not drag the later dates to the 28th). A review held late does **not** restart the
period: the convention fixes the periods, the bilan to the landlord and the information of the
préfet follow them, and late reviews must not push the glissement past the maximum duration one
month at a time.

A review held counts for the scheduled date it is nearest to: it answers the n-th review when it
is held on or after ``contract_start + n × period − period // 2`` months (with the default six
months: from three months before the due date, the day the bilan is due). A review held a little
early therefore answers the coming date; an extra meeting early in a period does not; a review
held after missing one or more dates answers the nearest one and the calendar goes on from
there. Only the last review held matters.

Dates are computed with `periods.add_months` (clamped to the end of the month, DOMAIN §0). The
bilan and préfet dates are counted back from the due date of the review they prepare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from desktop_app.domain.periods import add_months
from desktop_app.domain.vocabulary import SLIDING_OUTCOME

REVIEW: Final = "sliding.review"
LANDLORD_BILAN: Final = "sliding.landlord_bilan"
PREFECT_INFORMATION: Final = "sliding.prefect_information"
DEADLINE: Final = "sliding.deadline"

# Outcomes of a plan still waiting for its glissement (reviews go on) and, among them, those
# that answered the deadline (an extension was decided).
_RUNNING: Final = frozenset({"in_progress", "extended"})
_DEADLINE_ANSWERED: Final = frozenset({"extended"})


def is_running(outcome: str) -> bool:
    """Whether a plan with this outcome still waits for its glissement (and raises reminders).

    ``slid`` and ``failed`` are final; ``in_progress`` and ``extended`` go on.

    Raises:
        ValueError: for a code outside `vocabulary.SLIDING_OUTCOME` (a programming error).
    """
    if outcome not in SLIDING_OUTCOME:
        raise ValueError(f"unknown sliding outcome {outcome!r}")
    return outcome in _RUNNING


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder of the sliding plan: ``overdue`` when its day has passed (``due < on``)."""

    code: str
    due: date
    overdue: bool


@dataclass(frozen=True, slots=True)
class SlidingSchedule:
    """Where a sliding plan stands on a given day.

    Attributes:
        review_number: which review is expected next (1 for the first one).
        next_review: the day it is due, the end of the current review period.
        review_overdue: ``next_review`` is before the day of the computation.
        deadline: ``contract_start + max_months``: the glissement should have happened by then.
        landlord_bilan_due: ``next_review − landlord_bilan_months_before`` months.
        prefect_information_due: ``next_review − prefect_months_before`` months (the HLM
            landlord informs the préfet; meaningless for a private landlord, which the caller
            knows and this module does not).
    """

    review_number: int
    next_review: date
    review_overdue: bool
    deadline: date
    landlord_bilan_due: date
    prefect_information_due: date

    def reminders(
        self, on: date, *, outcome: str = "in_progress", go_live: date | None = None
    ) -> list[Reminder]:
        """The plan's reminders on ``on``, sorted by due date (then by code).

        Upcoming reminders are included (``overdue`` False); the caller chooses its horizon.

        Args:
            on: the day the reminders are looked at.
            outcome: the plan's outcome; ``slid`` and ``failed`` raise nothing, ``extended``
                answered the deadline and keeps the review reminders only.
            go_live: the go-live date (DOMAIN §7): nothing due before it is raised.
        """
        if not is_running(outcome):
            return []
        due = [
            (LANDLORD_BILAN, self.landlord_bilan_due),
            (PREFECT_INFORMATION, self.prefect_information_due),
            (REVIEW, self.next_review),
        ]
        if outcome not in _DEADLINE_ANSWERED:
            due.append((DEADLINE, self.deadline))
        return sorted(
            (
                Reminder(code, day, day < on)
                for code, day in due
                if go_live is None or day >= go_live
            ),
            key=lambda r: (r.due, r.code),
        )


def _review_due(contract_start: date, period: int, number: int) -> date:
    return add_months(contract_start, number * period)


def _counts_from(contract_start: date, period: int, number: int) -> date:
    """First day a review held counts for review ``number`` (the midpoint before its date)."""
    return add_months(contract_start, number * period - period // 2)


def _months_between(first: date, second: date) -> int:
    return (second.year - first.year) * 12 + second.month - first.month


def next_review_number(contract_start: date, review_period_months: int, last_review: date) -> int:
    """The number of the first review not answered by a review held on ``last_review``.

    Raises:
        ValueError: when the period is not a positive number of months.
    """
    period = review_period_months
    if period < 1:
        raise ValueError("the review period must be at least one month")
    # Start near the answer, then walk: the thresholds grow strictly with the number.
    number = max(1, _months_between(contract_start, last_review) // period)
    while number > 1 and _counts_from(contract_start, period, number - 1) > last_review:
        number -= 1
    while _counts_from(contract_start, period, number) <= last_review:
        number += 1
    return number


def sliding_schedule(
    *,
    contract_start: date,
    review_period_months: int,
    max_months: int,
    reviews: Sequence[date],
    landlord_bilan_months_before: int,
    prefect_months_before: int = 2,
    on: date,
) -> SlidingSchedule:
    """Compute the calendar of a sliding plan on ``on``.

    Args:
        contract_start: first day of the sliding sublease.
        review_period_months: parameter ``sliding.review_months`` (6).
        max_months: parameter ``sliding.max_months`` (24).
        reviews: dates of the reviews held, in any order (reviews before the start are ignored).
        landlord_bilan_months_before: parameter ``sliding.landlord_bilan_months_before`` (3).
        prefect_months_before: months before the review the préfet is informed (2).
        on: the day of the computation, for ``review_overdue``.

    Raises:
        ValueError: for a review period under one month or negative month counts (parameters
            are validated where they are typed, so this is a programming error).
    """
    if review_period_months < 1:
        raise ValueError("the review period must be at least one month")
    if min(max_months, landlord_bilan_months_before, prefect_months_before) < 0:
        raise ValueError("month counts cannot be negative")
    held = [day for day in reviews if day >= contract_start]
    number = next_review_number(contract_start, review_period_months, max(held)) if held else 1
    next_review = _review_due(contract_start, review_period_months, number)
    return SlidingSchedule(
        review_number=number,
        next_review=next_review,
        review_overdue=next_review < on,
        deadline=add_months(contract_start, max_months),
        landlord_bilan_due=add_months(next_review, -landlord_bilan_months_before),
        prefect_information_due=add_months(next_review, -prefect_months_before),
    )
