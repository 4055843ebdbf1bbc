"""Checks of administrative identifiers typed by people."""

from __future__ import annotations

SIRET_LENGTH = 14
_LA_POSTE_SIREN = "356000000"  # La Poste's establishments use a digit-sum rule instead of Luhn


def clean_digits(text: str) -> str:
    """Remove the spaces, dots and dashes people type between digits."""
    return "".join(c for c in text if c not in " .-\u00a0\u202f")


def siret_valid(text: str) -> bool:
    """True for a well-formed SIRET: 14 digits passing the Luhn check (La Poste's rule too)."""
    digits = clean_digits(text)
    if len(digits) != SIRET_LENGTH or not digits.isdigit():
        return False
    if digits.startswith(_LA_POSTE_SIREN):
        return sum(int(d) for d in digits) % 5 == 0
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value  # noqa: PLR2004 - Luhn
    return total % 10 == 0
