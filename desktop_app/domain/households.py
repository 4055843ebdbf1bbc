"""Rules on memberships, stays and occupancy (DOMAIN §2), as lists of `ValidationIssue`.

Every interval is inclusive (DOMAIN §0): ``left_on``, a stay's ``exit`` and a contract's end are
the last day counted, and ``None`` means open-ended. A person who left on the 10th and another
who joined on the 11th never share a day; joining on the 10th while the other left on the 10th
does.

The checks never raise for user input: they return the issues found, each naming the field to
fix, a message code of the catalogue and its parameters (dates as ``dd/mm/yyyy``). An interval
that ends before it starts is reported by `check_member` / `check_stay` and otherwise ignored,
so one mistake is reported once, by the check that owns it.

The head and occupancy checks sweep over the days where something starts or stops instead of
walking day by day, so a household of twenty years costs the same as one of a week.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.periods import format_date

# Codes of vocabulary.MEMBER_ROLE, DESTINATION and PROGRAMME_KIND (pinned by the tests).
HEAD: Final = "head"
KEPT_HOME: Final = "kept_home"
# Programme kinds whose stays may end with the household kept in its home (DOMAIN §6.2:
# "mandat de gestion and measures only"; measures are checked elsewhere).
KEPT_HOME_PROGRAMME_KINDS: Final = frozenset({"iml_mandate"})

_ONE_DAY: Final = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class MemberSpan:
    """A person's membership of a household: ``left_on`` is the last day, None if still there.

    ``role`` is a code of `vocabulary.MEMBER_ROLE`.
    """

    person_id: int
    role: str
    joined_on: date
    left_on: date | None


@dataclass(frozen=True, slots=True)
class StaySpan:
    """A stay of the household in a programme; ``exit`` is the last day, None if still there.

    ``stay_id`` is None for a stay not saved yet; ``programme_kind`` is a code of
    `vocabulary.PROGRAMME_KIND`, ``destination`` of `vocabulary.DESTINATION` and
    ``exit_reason`` of `vocabulary.EXIT_REASON`.
    """

    stay_id: int | None
    programme_id: int
    programme_kind: str
    entry: date
    exit: date | None
    destination: str | None
    exit_reason: str | None


def _steps(
    intervals: Iterable[tuple[date, date | None]], *, start: date, end: date | None
) -> list[tuple[date, int]]:
    """How many intervals cover each day of ``start``…``end``, as a step function.

    Returns ``(day, count)`` pairs sorted by day, the first one on ``start``: ``count`` holds from
    ``day`` until the day before the next pair (or until ``end``, or for ever when ``end`` is
    None). Intervals ending before they start are ignored.
    """
    last = date.max if end is None else end
    delta: dict[date, int] = {start: 0}
    for first, final in intervals:
        stop = date.max if final is None else final
        if stop < first or stop < start or first > last:
            continue
        begin = max(first, start)
        delta[begin] = delta.get(begin, 0) + 1
        if stop < last:
            after = stop + _ONE_DAY
            delta[after] = delta.get(after, 0) - 1
    steps: list[tuple[date, int]] = []
    count = 0
    for day in sorted(delta):
        count += delta[day]
        steps.append((day, count))
    return steps


def check_member(span: MemberSpan) -> list[ValidationIssue]:
    """A membership cannot end before it starts (leaving the day one joined is one day)."""
    if span.left_on is not None and span.left_on < span.joined_on:
        return [
            ValidationIssue(
                "left_on",
                "member.left_before_joined",
                {"joined_on": format_date(span.joined_on), "left_on": format_date(span.left_on)},
            )
        ]
    return []


def check_heads(
    spans: Sequence[MemberSpan], *, start: date, end: date | None
) -> list[ValidationIssue]:
    """Exactly one head on every day of the household's life, ``start``…``end`` (inclusive).

    Args:
        spans: every membership of the household, whatever the role.
        start: first day of the household's life.
        end: last day, or None while the household goes on.

    Returns:
        At most two issues, on the field ``members``: ``household.no_head`` for the first day
        without a head and ``household.two_heads`` for the first day with two heads or more,
        each with ``{"day": "dd/mm/yyyy"}``. Empty when ``end`` is before ``start``.
    """
    if end is not None and end < start:
        return []
    heads = ((s.joined_on, s.left_on) for s in spans if s.role == HEAD)
    no_head: date | None = None
    two_heads: date | None = None
    for day, count in _steps(heads, start=start, end=end):
        if count == 0 and no_head is None:
            no_head = day
        elif count > 1 and two_heads is None:
            two_heads = day
    issues: list[ValidationIssue] = []
    if no_head is not None:
        issues.append(
            ValidationIssue("members", "household.no_head", {"day": format_date(no_head)})
        )
    if two_heads is not None:
        issues.append(
            ValidationIssue("members", "household.two_heads", {"day": format_date(two_heads)})
        )
    return issues


def _overlaps(a: StaySpan, b: StaySpan) -> bool:
    """Whether two (well-formed) stays share at least one day."""
    a_exit = date.max if a.exit is None else a.exit
    b_exit = date.max if b.exit is None else b.exit
    return a.entry <= b_exit and b.entry <= a_exit


def check_stay(new: StaySpan, others: Sequence[StaySpan], *, today: date) -> list[ValidationIssue]:
    """Check a stay being saved against the household's other stays.

    Args:
        new: the stay as the user wants it saved.
        others: the household's stays as stored (any programme); the stored version of ``new``
            itself (same ``stay_id``) is skipped.
        today: the day of the check; no date may be after it (DOMAIN §5.3, "dates in the
            future"): neither the entry nor the exit — an exit is recorded when it happened.

    Returns:
        The issues, in this order: ``stay.exit_before_entry`` (field ``exit``),
        ``stay.future_entry`` (``entry``), ``stay.future_exit`` (``exit``),
        ``stay.exit_details_without_exit`` (``exit``), ``stay.kept_home_not_allowed``
        (``destination``), ``stay.overlap`` (``entry``; ``{"programme_id", "other_entry"}``, the
        first overlapping stay in the same programme, checked only when ``new`` is well formed).
        An exit without destination is accepted here: it is a data-quality finding (§5.3).
    """
    issues: list[ValidationIssue] = []
    well_formed = new.exit is None or new.exit >= new.entry
    if not well_formed:
        assert new.exit is not None
        issues.append(
            ValidationIssue(
                "exit",
                "stay.exit_before_entry",
                {"entry": format_date(new.entry), "exit": format_date(new.exit)},
            )
        )
    if new.entry > today:
        issues.append(
            ValidationIssue("entry", "stay.future_entry", {"entry": format_date(new.entry)})
        )
    if new.exit is not None and new.exit > today:
        issues.append(ValidationIssue("exit", "stay.future_exit", {"exit": format_date(new.exit)}))
    if new.exit is None and (new.destination is not None or new.exit_reason is not None):
        issues.append(ValidationIssue("exit", "stay.exit_details_without_exit"))
    if new.destination == KEPT_HOME and new.programme_kind not in KEPT_HOME_PROGRAMME_KINDS:
        issues.append(ValidationIssue("destination", "stay.kept_home_not_allowed"))
    if well_formed:
        for other in others:
            if new.stay_id is not None and other.stay_id == new.stay_id:
                continue
            if other.programme_id != new.programme_id:
                continue
            if other.exit is not None and other.exit < other.entry:
                continue
            if _overlaps(new, other):
                issues.append(
                    ValidationIssue(
                        "entry",
                        "stay.overlap",
                        {
                            "programme_id": new.programme_id,
                            "other_entry": format_date(other.entry),
                        },
                    )
                )
                break
    return issues


def check_occupancy(
    contracts: Sequence[tuple[date, date | None]], *, lots: int
) -> list[ValidationIssue]:
    """No day with more households in a dwelling than its lots.

    Args:
        contracts: ``(start, end)`` of every occupancy contract of the dwelling, the one being
            saved included; ``end`` is the last day (the recorded departure), None if open.
        lots: households the dwelling can take at once.

    Returns:
        ``dwelling.over_occupied`` on the field ``dwelling`` for the first such day, with
        ``{"day": "dd/mm/yyyy", "count": households that day, "lots": lots}``; else empty.
    """
    valid = [(first, final) for first, final in contracts if final is None or final >= first]
    if not valid:
        return []
    for day, count in _steps(valid, start=min(first for first, _ in valid), end=None):
        if count > lots:
            return [
                ValidationIssue(
                    "dwelling",
                    "dwelling.over_occupied",
                    {"day": format_date(day), "count": count, "lots": lots},
                )
            ]
    return []
