"""What a right-of-access export holds: sheets of rows, ready for a renderer (RGPD art. 15).

`services.subject_access` fills them for one household; `reports.xlsx.household_file` writes
them. Health notes are never exported (DOMAIN §1): the Notes sheet says so in its notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final

Value = str | int | Decimal | date | None
"""A cell: text, a number, an amount in euros, a date (a ``datetime`` for a moment) or empty."""

HEALTH_NOTICE: Final = (
    "Les notes de santé ne sont jamais exportées : elles se lisent sur place avec la personne."
)
CONFIDENTIAL_NOTICE: Final = (
    "Les notes confidentielles n'y sont pas : seuls le référent et les co-référents les lisent."
)
JUSTIFIED_REASON: Final = "Réponse au droit d'accès de la personne : export du dossier"
"""The reason of the justified access an export makes to confidential notes (shown to the
key worker, as when the notes are read in the file)."""
REVIEW_NOTICE: Final = (
    "À relire avant de le remettre : une note ou un document peut parler d'autres personnes."
)


@dataclass(frozen=True, slots=True)
class ExportSheet:
    """One sheet of the file: its title, headings, rows and an optional notice above them."""

    title: str
    headings: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    notice: str = ""


@dataclass(frozen=True, slots=True)
class HouseholdExport:
    """Everything written for one household, sheet by sheet; who made it and when (UTC)."""

    reference: str
    made_at: datetime
    made_by: str
    sheets: tuple[ExportSheet, ...]


def export_file_name(reference: str, on: date) -> str:
    """``droit-acces-M-00047-2026-11-28.xlsx``: the reference and the day, nothing else."""
    return f"droit-acces-{reference}-{on.isoformat()}.xlsx"
