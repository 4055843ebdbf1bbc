"""The « Impayés » workbook (DOMAIN §4.9): the contracts in arrears on a day, as xlsx bytes.

A pure renderer: the caller assesses each contract (`domain.arrears.assess`) and hands plain
`ArrearsRow`s; nothing here queries. One row per contract with debt > 0, sorted by level
(highest first) then debt (largest first); amounts are numbers in euros with a French €
format, dates are dates shown dd/mm/yyyy, so a spreadsheet can sort, filter and add them up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO
from typing import Final

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from desktop_app.domain.arrears import ARREARS_LEVEL, Assessment, level_rank
from desktop_app.domain.periods import format_date
from desktop_app.reports.xlsx.common import append_row

SHEET_TITLE: Final = "Impayés"
HEADERS: Final = (
    "Référence ménage",
    "Référence logement",
    "Niveau",
    "Code niveau",
    "Dette (€)",
    "Dette logement (€)",
    "Premier impayé",
    "Prochaine échéance",
    "Statuts",
)
# Excel's French euro format: the thousands separator and decimal comma follow the locale.
EURO_FORMAT: Final = "#,##0.00 [$€-40C]"
DATE_FORMAT: Final = "dd/mm/yyyy"
STATUS_SEPARATOR: Final = " ; "
_MIN_WIDTHS: Final = (18, 18, 22, 15, 14, 18, 15, 19, 30)
_MAX_WIDTH: Final = 90
_MONEY_COLUMNS: Final = (5, 6)
_DATE_COLUMNS: Final = (7, 8)
_NEXT_DUE_COLUMN: Final = 8


@dataclass(frozen=True, slots=True)
class ArrearsRow:
    """One contract in arrears on the day of the export.

    ``level`` is a code of `domain.arrears.LEVELS`; amounts are in cents; ``next_due`` and
    ``next_reminder`` are the earliest open reminder's date and French text; ``statuses``
    the French texts of the statuses shown beside the level.
    """

    household_reference: str
    dwelling_reference: str
    level: str
    debt: int
    housing_debt: int
    first_default: date | None
    next_due: date | None = None
    next_reminder: str = ""
    statuses: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, household_reference: str, dwelling_reference: str, assessment: Assessment
    ) -> ArrearsRow:
        """The row of a contract from its assessment on the day of the export."""
        result = assessment.ladder
        reminder = assessment.next_reminder
        return cls(
            household_reference=household_reference,
            dwelling_reference=dwelling_reference,
            level=result.level,
            debt=result.debt,
            housing_debt=result.housing_debt,
            first_default=result.episode_start,
            next_due=reminder.due if reminder else None,
            next_reminder=reminder.text if reminder else "",
            statuses=tuple(status.text for status in assessment.statuses),
        )


def sort_rows(rows: Sequence[ArrearsRow]) -> list[ArrearsRow]:
    """The rows with debt > 0, by level (highest first), then debt (largest first).

    Ties keep a stable order by household then dwelling reference.
    """
    return sorted(
        (row for row in rows if row.debt > 0),
        key=lambda row: (
            -level_rank(row.level),
            -row.debt,
            row.household_reference,
            row.dwelling_reference,
        ),
    )


def _euros(cents: int) -> Decimal:
    return Decimal(cents) / 100


def _values(row: ArrearsRow) -> tuple[str | Decimal | date | None, ...]:
    return (
        row.household_reference,
        row.dwelling_reference,
        ARREARS_LEVEL[row.level],
        row.level,
        _euros(row.debt),
        _euros(row.housing_debt),
        row.first_default,
        row.next_due,
        STATUS_SEPARATOR.join(row.statuses),
    )


def _width(value: object) -> int:
    if isinstance(value, date):
        return len("00/00/0000")
    if isinstance(value, Decimal):
        return len(f"{value:,.2f} €")
    return len(str(value)) if value is not None else 0


def render_arrears(rows: Sequence[ArrearsRow], *, on: date) -> bytes:
    """The workbook of the contracts in arrears on ``on``: one sheet « Impayés »."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has its first sheet
    sheet.title = SHEET_TITLE
    workbook.properties.title = f"Impayés au {format_date(on)}"
    workbook.properties.creator = "Seuil"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [
        max(minimum, len(header) + 2) for minimum, header in zip(_MIN_WIDTHS, HEADERS, strict=True)
    ]
    for row in sort_rows(rows):
        values = _values(row)
        line = append_row(sheet, values)  # a name like =HYPERLINK(…) stays text
        for column in _MONEY_COLUMNS:
            sheet.cell(line, column).number_format = EURO_FORMAT
        for column in _DATE_COLUMNS:
            sheet.cell(line, column).number_format = DATE_FORMAT
        if row.next_reminder:
            sheet.cell(line, _NEXT_DUE_COLUMN).comment = Comment(row.next_reminder, "Seuil")
        for index, value in enumerate(values):
            widths[index] = max(widths[index], min(_width(value) + 2, _MAX_WIDTH))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    last_column = get_column_letter(len(HEADERS))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last_column}{sheet.max_row}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    for item, text in (
        (sheet.HeaderFooter.oddHeader, f"Impayés au {format_date(on)}"),
        (sheet.HeaderFooter.oddFooter, "Page &P / &N"),
    ):
        if item is not None:
            item.center.text = text
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
