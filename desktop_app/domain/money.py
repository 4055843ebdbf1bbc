"""Money is an integer number of cents; these helpers read and write it the French way."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

# Every space a spreadsheet or a keyboard may put between thousands.
_SPACES = "\u00a0\u202f\u2009 '"
_AMOUNT = re.compile(r"^(?P<sign>[-+−])?(?P<int>\d+)(?:[.,](?P<frac>\d{1,2}))?$")
_GROUPED = re.compile(r"^\d{1,3}(?:[ ]\d{3})+(?:[.,]\d{1,2})?$")


def parse_amount(text: str) -> int | None:
    """Read ``1 234,56``, ``1234.56``, ``1 234,56 €`` or ``-12`` as cents.

    Returns None when the text is not an amount (``12,3,4``, ``1.234,5.6``, ``abc``), so the
    caller can attach a French message to the right field.
    """
    cleaned = text.strip().removesuffix("€").removesuffix("EUR").strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, " ")
    sign = ""
    if cleaned[:1] in "-+−":
        sign, cleaned = cleaned[:1], cleaned[1:].strip()
    if " " in cleaned:
        if not _GROUPED.match(cleaned):
            return None
        cleaned = cleaned.replace(" ", "")
    match = _AMOUNT.match(sign + cleaned)
    if match is None:
        return None
    cents = int(match["int"]) * 100 + int((match["frac"] or "0").ljust(2, "0"))
    return -cents if match["sign"] in ("-", "−") else cents


def format_eur(cents: int, *, symbol: bool = True) -> str:
    """Write cents as ``1 234,56 €`` (narrow no-break space between thousands, as in French)."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    grouped = f"{euros:,}".replace(",", "\u202f")
    text = f"{sign}{grouped},{rest:02d}"
    return f"{text}\u00a0€" if symbol else text


def prorate(amount: int, days: int, days_in_month: int) -> int:
    """``amount × days ÷ days_in_month`` rounded half-up to the cent (DOMAIN §0)."""
    if days_in_month <= 0:
        raise ValueError("days_in_month must be positive")
    exact = Decimal(amount) * Decimal(days) / Decimal(days_in_month)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
