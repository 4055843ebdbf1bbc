"""The counting rules of the returns (DOMAIN §5), as pure functions.

Spans in a period, measure-months, durations and the persons of a household on a reference date.

Every interval is inclusive (DOMAIN §0): ``end`` is the last day, None while it goes on; a span
never ends before it starts (the services refuse it, `Interval` and `MeasureSpan` raise). Day
counts inside a period count both ends; a **duration** is ``end − start``.

A selector returns the spans it counts, never just a number, so a report run keeps the
households behind each figure; the figure is its ``len()``. How the Données codes (§5.2) map:

- ``households.entries`` / ``.exits`` / ``.stock_start`` / ``.stock_end``: `opened`,
  `closed`, `stock_start`, `stock_end` over the **stays**;
- ``measures.opened`` / ``.active`` / ``.closed`` / ``.stock_end`` / ``.renewals``: `opened`,
  `active`, `closed`, `stock_end`, `renewals` over the **measures**;
- ``measure_months``: `measure_months`; ``diagnostics.done``: `diagnostics_done`;
  ``diagnostics.conclusion.<c>``: `diagnostics_by_conclusion`;
- ``stay.mean_days`` / ``measures.mean_days`` (and medians): `mean_days`, `median_days`;
- ``persons``, ``adults``, ``children``, ``persons.age_unknown``, ``composition.<c>``,
  ``head.sex.<s>``, ``head.age.<band>``: `household_profile` on `reference_date`.

"Diagnostics are counted only in ``diagnostics.*``, never in ``measures.*``" (§5.4): every
selector, `measure_months` and the durations drop a `MeasureSpan` of kind ``diagnostic``;
`diagnostics_done` and `diagnostics_by_conclusion` count them.

Numbers: measure-months, means and medians are exact `Fraction`s, so sums by dimension add up
before any rounding; "rates and means are rounded half-up to one decimal at the end only"
(§0): `round_half_up` gives the one-decimal ``float`` a renderer writes. An empty denominator
gives None (an empty cell, §0), never 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final, Protocol, TypeVar

from desktop_app.domain.periods import Period
from desktop_app.domain.vocabulary import DIAGNOSTIC_CONCLUSION, MEASURE_KIND, MEMBER_ROLE

# Codes of vocabulary.MEASURE_KIND and MEMBER_ROLE (pinned by the tests).
DIAGNOSTIC: Final = "diagnostic"
HEAD: Final = "head"
VISITING_CHILD: Final = "visiting_child"
UNKNOWN: Final = "unknown"

# The measure-month methods of the parameter ``measure.month_method`` (§5.5).
PRORATA_DAYS: Final = "prorata_days"
STARTED_MONTH: Final = "started_month"
PRESENT_ON_15TH: Final = "present_on_15th"
METHODS: Final = (PRORATA_DAYS, STARTED_MONTH, PRESENT_ON_15TH)

# "÷ 30.4375" (§5.5): the mean month of the Julian year, 365.25 / 12, kept exact.
DAYS_PER_MONTH: Final = Fraction(487, 16)
_FIFTEENTH: Final = 15

ADULT_AGE: Final = 18
COMPOSITIONS: Final = ("single", "couple", "single_parent", "couple_children", "other")
AGE_BANDS: Final = ("lt25", "25_34", "35_44", "45_54", "55_64", "65p", UNKNOWN)
# Lower bound (age in full years) of each band but the last two, in order.
_BAND_FLOORS: Final = ((65, "65p"), (55, "55_64"), (45, "45_54"), (35, "35_44"), (25, "25_34"))

_ONE_DAY: Final = timedelta(days=1)


class Span(Protocol):
    """Anything with an inclusive ``start``…``end`` (None: still going on)."""

    @property
    def start(self) -> date:
        """The first day."""
        ...

    @property
    def end(self) -> date | None:
        """The last day, None while it goes on."""
        ...


S = TypeVar("S", bound=Span)


@dataclass(frozen=True, slots=True)
class Interval:
    """A stay (or any span) to count; ``household_id`` names who is behind the figure.

    Raises:
        ValueError: when ``end`` is before ``start`` (a programming error: services refuse it).
    """

    start: date
    end: date | None
    household_id: int | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("a span cannot end before it starts")


@dataclass(frozen=True, slots=True)
class MeasureSpan:
    """A support measure as the counting rules see it (DOMAIN §2 SupportMeasure).

    Attributes:
        kind: a code of `vocabulary.MEASURE_KIND`; ``diagnostic`` is counted apart.
        start: first day of the measure.
        end: last day, None while it goes on.
        suspensions: ``(first, last)`` days the measure was suspended, ``last`` None while the
            suspension goes on; they may overlap each other or reach outside the measure (only
            the days inside the measure, counted once, are subtracted).
        renewals: the dates of the renewals **granted** (a refused renewal is not one).
        conclusion: for a diagnostic, a code of `vocabulary.DIAGNOSTIC_CONCLUSION` or None.
        household_id: who is behind the figure (for the report run).
        measure_id: the stored measure, if any.

    Raises:
        ValueError: for an unknown kind or conclusion, or an interval ending before it starts.
    """

    kind: str
    start: date
    end: date | None
    suspensions: tuple[tuple[date, date | None], ...] = ()
    renewals: tuple[date, ...] = ()
    conclusion: str | None = None
    household_id: int | None = None
    measure_id: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in MEASURE_KIND:
            raise ValueError(f"unknown measure kind {self.kind!r}")
        if self.conclusion is not None and self.conclusion not in DIAGNOSTIC_CONCLUSION:
            raise ValueError(f"unknown diagnostic conclusion {self.conclusion!r}")
        if self.end is not None and self.end < self.start:
            raise ValueError("a measure cannot end before it starts")
        for first, last in self.suspensions:
            if last is not None and last < first:
                raise ValueError("a suspension cannot end before it starts")

    @property
    def is_diagnostic(self) -> bool:
        """Whether this is a diagnostic (counted only in ``diagnostics.*``)."""
        return self.kind == DIAGNOSTIC


# ---------------------------------------------------------------- one span in a period (§5.2)


def is_active(span: Span, period: Period) -> bool:
    """Active: "start ≤ P.end and (end empty or end ≥ P.start)"."""
    return span.start <= period.end and (span.end is None or span.end >= period.start)


def is_entry(span: Span, period: Period) -> bool:
    """Entry: "start ∈ P"."""
    return span.start in period


def is_exit(span: Span, period: Period) -> bool:
    """Exit: "end ∈ P"."""
    return span.end is not None and span.end in period


def present_at_start(span: Span, period: Period) -> bool:
    """Present at start: "start < P.start and (end empty or end ≥ P.start)".

    A span ending on P.start was present at the start and is an exit of P.
    """
    return span.start < period.start and (span.end is None or span.end >= period.start)


def present_at_end(span: Span, period: Period) -> bool:
    """Present at end: "start ≤ P.end and (end empty or end > P.end)".

    So present at start + entries − exits = present at end, span by span.
    """
    return span.start <= period.end and (span.end is None or span.end > period.end)


def _window(span: Span, period: Period) -> Period | None:
    """The days of ``period`` the span covers, or None."""
    first = max(span.start, period.start)
    last = period.end if span.end is None else min(span.end, period.end)
    return Period(first, last) if first <= last else None


def _suspensions(span: Span) -> tuple[tuple[date, date | None], ...]:
    return span.suspensions if isinstance(span, MeasureSpan) else ()


def _suspended_days(span: Span, window: Period) -> int:
    """Days of ``window`` inside at least one suspension of the span (each day once)."""
    parts = sorted(
        part
        for first, last in _suspensions(span)
        if (part := Period(first, last or date.max).overlap(window)) is not None
    )
    total = 0
    current: Period | None = None
    for part in parts:
        if current is not None and part.start <= current.end + _ONE_DAY:
            current = Period(current.start, max(current.end, part.end))
            continue
        if current is not None:
            total += current.days
        current = part
    return total + (current.days if current is not None else 0)


def is_suspended_on(span: Span, day: date) -> bool:
    """Whether ``day`` falls in a suspension of the span (never for a plain `Interval`)."""
    return any(first <= day and (last is None or day <= last) for first, last in _suspensions(span))


def active_days(span: Span, period: Period) -> int:
    """Days of ``period`` the span covers, both ends counted, minus its suspended days.

    "suspensions (periods, subtracted from active days)" (§2): a day inside several
    suspensions is subtracted once; suspension days outside the measure or outside P are not.
    """
    window = _window(span, period)
    if window is None:
        return 0
    return window.days - _suspended_days(span, window)


# ---------------------------------------------------------------- selectors (§5.2)


def _counted(spans: Iterable[S]) -> list[S]:
    """The spans counted in ``measures.*`` and ``households.*``: all but diagnostics."""
    return [s for s in spans if not (isinstance(s, MeasureSpan) and s.is_diagnostic)]


def active(spans: Iterable[S], period: Period) -> tuple[S, ...]:
    """The spans active in P (``measures.active``); diagnostics dropped."""
    return tuple(s for s in _counted(spans) if is_active(s, period))


def opened(spans: Iterable[S], period: Period) -> tuple[S, ...]:
    """The spans starting in P (``measures.opened``, ``households.entries``)."""
    return tuple(s for s in _counted(spans) if is_entry(s, period))


def closed(spans: Iterable[S], period: Period) -> tuple[S, ...]:
    """The spans ending in P (``measures.closed``, ``households.exits``)."""
    return tuple(s for s in _counted(spans) if is_exit(s, period))


def stock_start(spans: Iterable[S], period: Period) -> tuple[S, ...]:
    """The spans present at the start of P (``households.stock_start``)."""
    return tuple(s for s in _counted(spans) if present_at_start(s, period))


def stock_end(spans: Iterable[S], period: Period) -> tuple[S, ...]:
    """The spans present at the end of P (``measures.stock_end``, ``households.stock_end``)."""
    return tuple(s for s in _counted(spans) if present_at_end(s, period))


def renewals(
    measures: Iterable[MeasureSpan], period: Period
) -> tuple[tuple[MeasureSpan, date], ...]:
    """One ``(measure, date)`` per renewal dated in P (``measures.renewals``).

    A measure renewed twice in P counts twice; diagnostics are dropped.
    """
    return tuple(
        (measure, day)
        for measure in _counted(measures)
        for day in sorted(measure.renewals)
        if day in period
    )


# ---------------------------------------------------------------- measure-months (§5.5)


def _fifteenths(period: Period) -> list[date]:
    return [
        day for part in period.months() if (day := part.start.replace(day=_FIFTEENTH)) in period
    ]


def months_of(span: Span, period: Period, method: str) -> Fraction:
    """The measure-months one span brings to P with ``method``.

    - ``prorata_days`` (default): active days inside P, minus suspensions, ÷ 30.4375
      (a whole 31-day month gives 31 ÷ 30.4375 ≈ 1.02, a whole February 28 ÷ 30.4375 ≈ 0.92);
    - ``started_month``: 1 for each calendar month of P (cut to P) holding at least one
      active, not suspended day: a month suspended from its first to its last day (or
      outside the measure) does not count;
    - ``present_on_15th``: 1 for each 15th of a month inside P on which the span is active and
      not suspended (a P starting on the 20th gives its first month nothing).

    Raises:
        ValueError: for a method outside `METHODS`.
    """
    if method == PRORATA_DAYS:
        return Fraction(active_days(span, period)) / DAYS_PER_MONTH
    if method == STARTED_MONTH:
        return Fraction(sum(1 for part in period.months() if active_days(span, part) > 0))
    if method == PRESENT_ON_15TH:
        return Fraction(
            sum(
                1
                for day in _fifteenths(period)
                if is_active(span, Period(day, day)) and not is_suspended_on(span, day)
            )
        )
    raise ValueError(f"unknown measure-month method {method!r}")


def measure_months(spans: Iterable[S], period: Period, method: str) -> Fraction:
    """``measure_months``: Σ of `months_of` over the measures, diagnostics dropped (§5.5).

    "Measure-months = Σ over measures (not diagnostics) of active days inside P (minus
    suspensions) ÷ 30.4375; the method is a per-funder param ∈ {prorata_days (default),
    started_month, present_on_15th}". Exact; round with `round_half_up` when writing it.

    Raises:
        ValueError: for a method outside `METHODS`, even with no span.
    """
    if method not in METHODS:
        raise ValueError(f"unknown measure-month method {method!r}")
    return sum((months_of(s, period, method) for s in _counted(spans)), Fraction(0))


# ---------------------------------------------------------------- diagnostics (§5.4)


def diagnostics(spans: Iterable[MeasureSpan]) -> tuple[MeasureSpan, ...]:
    """The diagnostics among ``spans`` (the only ones `diagnostics_done` looks at)."""
    return tuple(s for s in spans if s.is_diagnostic)


def diagnostics_done(spans: Iterable[MeasureSpan], period: Period) -> tuple[MeasureSpan, ...]:
    """``diagnostics.done``: the diagnostics that ended in P.

    "A diagnostic ends with a conclusion" (§2): its end date is the day it was done.
    """
    return tuple(s for s in diagnostics(spans) if is_exit(s, period))


def diagnostics_by_conclusion(
    spans: Iterable[MeasureSpan], period: Period
) -> dict[str, tuple[MeasureSpan, ...]]:
    """``diagnostics.conclusion.<c>``: the diagnostics done in P by conclusion.

    Every code of `vocabulary.DIAGNOSTIC_CONCLUSION` is a key, zeros included. A diagnostic
    ended without a conclusion counts in ``diagnostics.done`` and under no conclusion.
    """
    done = diagnostics_done(spans, period)
    return {code: tuple(s for s in done if s.conclusion == code) for code in DIAGNOSTIC_CONCLUSION}


# ---------------------------------------------------------------- durations (§5.4)


def duration_days(span: Span) -> int:
    """``end − start`` in days, minus the suspended days inside the span for a measure.

    A one-day span lasts 0 days; a measure suspended all along lasts 0 (never negative).

    Raises:
        ValueError: for a span still going on.
    """
    if span.end is None:
        raise ValueError("an open span has no duration")
    days = (span.end - span.start).days
    suspended = _suspended_days(span, Period(span.start, span.end))
    return max(0, days - suspended)


def durations(spans: Iterable[S], period: Period) -> tuple[int, ...]:
    """The durations of the spans ending in P, in their order; diagnostics dropped.

    "Durations (stay.*, measures.*): end − start over exits in P, minus suspensions for
    measures" (§5.4). For ``access.mean_days`` pass only the stays whose destination counts
    as permanent housing.
    """
    return tuple(duration_days(s) for s in closed(spans, period))


def mean(values: Sequence[int]) -> Fraction | None:
    """The exact mean, None for no value (an empty denominator gives an empty cell, §0)."""
    if not values:
        return None
    return Fraction(sum(values), len(values))


def median(values: Sequence[int]) -> Fraction | None:
    """The statistical median (mean of the two middle values, §0); None for no value."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return Fraction(ordered[middle])
    return Fraction(ordered[middle - 1] + ordered[middle], 2)


def mean_days(spans: Iterable[S], period: Period) -> Fraction | None:
    """``stay.mean_days`` / ``measures.mean_days``: mean of `durations`."""
    return mean(durations(spans, period))


def median_days(spans: Iterable[S], period: Period) -> Fraction | None:
    """``stay.median_days`` / ``measures.median_days``: median of `durations`."""
    return median(durations(spans, period))


def round_half_up(value: Fraction | None, digits: int = 1) -> float | None:
    """``value`` rounded half-up to ``digits`` decimals (§0), as the float a renderer writes.

    Rounding happens here only, at the edge: 0.05 → 0.1, 8.7063… → 8.7; None stays None.
    """
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    quantum = Decimal(1).scaleb(-digits)
    return float(exact.quantize(quantum, rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- persons (§5.3)


@dataclass(frozen=True, slots=True)
class Member:
    """A membership as the counting rules see it (DOMAIN §2 Person, Membership).

    ``role`` is a code of `vocabulary.MEMBER_ROLE`, ``sex`` of `vocabulary.SEX`; ``left_on`` is
    the last day, None while the person stays; ``birth_date`` is optional.
    """

    role: str
    joined_on: date
    left_on: date | None
    birth_date: date | None = None
    sex: str = UNKNOWN
    person_id: int | None = None

    def __post_init__(self) -> None:
        if self.role not in MEMBER_ROLE:
            raise ValueError(f"unknown member role {self.role!r}")


@dataclass(frozen=True, slots=True)
class HouseholdProfile:
    """Who a household is on its reference date: ``adults + children + age_unknown = persons``.

    ``composition`` is one of `COMPOSITIONS`, ``head_age_band`` one of `AGE_BANDS`,
    ``head_sex`` a code of `vocabulary.SEX` (``unknown`` when there is no head that day).
    """

    persons: int
    adults: int
    children: int
    age_unknown: int
    composition: str
    head_sex: str
    head_age_band: str


def reference_date(end: date | None, period: Period) -> date:
    """The day a household's persons are counted on (§5.3).

    "P.end for a household still present, its exit date for one that left during P".
    ``end`` is the last day of the stay (or measure) that puts the household in the return.
    """
    return end if end is not None and end <= period.end else period.end


def age_on(birth_date: date, day: date) -> int:
    """Age in full years on ``day``: one more year on each birthday.

    A person born on 29 February gains the year on 1 March in a common year.
    """
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def age_band(birth_date: date | None, day: date) -> str:
    """``head.age.<band>``: lt25, 25_34, 35_44, 45_54, 55_64, 65p, or unknown (no birth date)."""
    if birth_date is None:
        return UNKNOWN
    age = age_on(birth_date, day)
    for floor, band in _BAND_FLOORS:
        if age >= floor:
            return band
    return "lt25"


def members_on(members: Iterable[Member], day: date) -> tuple[Member, ...]:
    """The members counted on ``day`` (§5.3).

    "Its members on the reference date … excluding visiting children": ``joined_on ≤ day ≤
    left_on``, so a person who left on that very day still counts.
    """
    return tuple(
        m
        for m in members
        if m.role != VISITING_CHILD
        and m.joined_on <= day
        and (m.left_on is None or m.left_on >= day)
    )


def composition(adults: int, children: int, age_unknown: int = 0) -> str:
    """``composition.<c>`` of a household (§5.3).

    "Composition by count of adults and children: single (1, 0), couple (2, 0), single_parent
    (1, ≥1), couple_children (2, ≥1), other (anything else)".

    A household with a person of unknown age is ``other``: whether that person is an adult or
    a child cannot be told, and a household of two must not be reported as a single person.
    """
    if age_unknown:
        return "other"
    if adults == 1:
        return "single" if children == 0 else "single_parent"
    if adults == 2:  # noqa: PLR2004 - a couple
        return "couple" if children == 0 else "couple_children"
    return "other"


def household_profile(members: Iterable[Member], day: date) -> HouseholdProfile:
    """The §5.3 figures of one household on its reference date ``day``.

    "Adults are 18 or older on that date, children younger, persons without a birth date are
    persons.age_unknown": a child turning 18 on ``day`` is an adult. The head's sex and age band
    are those of the member with the role ``head`` that day.
    """
    present = members_on(members, day)
    adults = children = unknown = 0
    for member in present:
        if member.birth_date is None:
            unknown += 1
        elif age_on(member.birth_date, day) >= ADULT_AGE:
            adults += 1
        else:
            children += 1
    head = next((m for m in present if m.role == HEAD), None)
    return HouseholdProfile(
        persons=len(present),
        adults=adults,
        children=children,
        age_unknown=unknown,
        composition=composition(adults, children, unknown),
        head_sex=head.sex if head is not None else UNKNOWN,
        head_age_band=age_band(head.birth_date, day) if head is not None else UNKNOWN,
    )
