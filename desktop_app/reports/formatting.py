"""French presentation of numbers for documents, the GUI and the command line."""

from __future__ import annotations

from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import format_date

__all__ = ["format_count", "format_date", "format_decimal", "format_eur", "format_size"]

_UNITS = ("octets", "Ko", "Mo", "Go", "To")
_KILO = 1024


def format_decimal(value: float, digits: int = 1) -> str:
    """``12.5`` → ``12,5`` with a narrow no-break space between thousands."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def format_count(value: int) -> str:
    """``20000`` → ``20 000`` (narrow no-break space between thousands)."""
    return f"{value:,}".replace(",", "\u202f")


def format_size(size: int) -> str:
    """A file size the French way: ``512 octets``, ``12,5 Mo``."""
    value = float(size)
    for unit in _UNITS:
        if value < _KILO or unit == _UNITS[-1]:
            return f"{size} {unit}" if unit == _UNITS[0] else f"{format_decimal(value)} {unit}"
        value /= _KILO
    raise AssertionError("unreachable")  # pragma: no cover
