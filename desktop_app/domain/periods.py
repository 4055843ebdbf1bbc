"""Inclusive date periods and the calendar arithmetic of DOMAIN §0."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_FR_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")


def add_months(day: date, months: int) -> date:
    """Add ``months`` keeping the day number, clamped to the end of the target month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def days_in_month(year: int, month: int) -> int:
    """Number of days of a calendar month."""
    return calendar.monthrange(year, month)[1]


def parse_date(text: str) -> date | None:
    """Read ``2026-03-31`` or ``31/03/2026``; None when it is not a real date (``31/02/2025``)."""
    text = text.strip()
    if match := _ISO_DATE.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _FR_DATE.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_month(text: str) -> date | None:
    """Read ``2026-03`` or ``03/2026`` as the first day of that month; None otherwise."""
    text = text.strip()
    if match := _ISO_MONTH.match(text):
        year, month = int(match[1]), int(match[2])
    elif match := _FR_MONTH.match(text):
        month, year = int(match[1]), int(match[2])
    else:
        return None
    if not 1 <= month <= 12:  # noqa: PLR2004 - months of the year
        return None
    return date(year, month, 1)


def format_date(day: date) -> str:
    """``dd/mm/yyyy``, the only way a date is shown to a user."""
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """An inclusive range of days: ``end`` is the last day counted."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period cannot end before it starts")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """The whole calendar month."""
        return cls(date(year, month, 1), date(year, month, days_in_month(year, month)))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1 to 4 of a calendar year."""
        if not 1 <= quarter <= 4:  # noqa: PLR2004 - quarters of the year
            raise ValueError("quarter must be 1 to 4")
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), date(year, first + 2, days_in_month(year, first + 2)))

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year."""
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def days(self) -> int:
        """Days counted inside the period, both ends included (all of January = 31)."""
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def overlap(self, other: Period) -> Period | None:
        """The common part of two periods, or None."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Period(start, end) if start <= end else None

    def months(self) -> list[Period]:
        """The calendar months the period touches, each cut to the period."""
        result: list[Period] = []
        cursor = self.start.replace(day=1)
        while cursor <= self.end:
            part = Period.month(cursor.year, cursor.month).overlap(self)
            if part is not None:
                result.append(part)
            cursor = add_months(cursor, 1)
        return result
