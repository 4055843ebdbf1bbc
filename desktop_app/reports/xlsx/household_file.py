"""The right-of-access workbook of one household: a sheet per part of its file.

Each sheet: its notice (when it has one) on the first line, then bold headings frozen above
the rows, dates shown dd/mm/yyyy (a moment dd/mm/yyyy hh:mm), amounts in euros; every text is
written as text, never as a formula (`common.append_row`). The page prints landscape, fitted
to the width, with the household's reference in the header.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.periods import format_date
from desktop_app.domain.subject_access import ExportSheet, HouseholdExport
from desktop_app.reports.xlsx.common import append_row

EURO_FORMAT: Final = "#,##0.00 [$€-40C]"
DATE_FORMAT: Final = "dd/mm/yyyy"
MOMENT_FORMAT: Final = "dd/mm/yyyy hh:mm"
_MAX_WIDTH: Final = 60


def _width(value: object) -> int:
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return len(str(value)) if value is not None else 0


def _sheet(sheet: Worksheet, part: ExportSheet, title: str) -> None:
    first = 1
    if part.notice:
        append_row(sheet, [part.notice])
        sheet.cell(1, 1).font = Font(italic=True)
        first = 2
    append_row(sheet, part.headings)
    for cell in sheet[first]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    widths = [len(heading) + 2 for heading in part.headings]
    for values in part.rows:
        line = append_row(sheet, values)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(line, column)
            if isinstance(value, datetime):
                cell.number_format = MOMENT_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, Decimal):
                cell.number_format = EURO_FORMAT
            widths[column - 1] = max(widths[column - 1], min(_width(value) + 2, _MAX_WIDTH))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{first + 1}"
    sheet.print_title_rows = f"{first}:{first}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    for item, text in (
        (sheet.HeaderFooter.oddHeader, title.replace("&", "&&")),
        (sheet.HeaderFooter.oddFooter, "Page &P / &N"),
    ):
        if item is not None:
            item.center.text = text


def render_household_file(export: HouseholdExport) -> bytes:
    """The workbook of ``export``, a sheet per part in its order."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None  # a new workbook always has its first sheet
    workbook.remove(first)
    made = export.made_at.astimezone().replace(tzinfo=None)
    title = f"Dossier {export.reference} — droit d'accès du {format_date(made.date())}"
    workbook.properties.title = title
    workbook.properties.creator = "Seuil"
    workbook.properties.created = made
    workbook.properties.modified = made
    for part in export.sheets:
        _sheet(workbook.create_sheet(part.title), part, title)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
