"""What every xlsx renderer shares: text that is never taken for a formula.

openpyxl stores any string starting with ``=`` as a live formula, and a spreadsheet re-reads a
cell starting with ``+``, ``-`` or ``@`` as one as soon as somebody edits it: a household named
``=HYPERLINK("http://…")`` must stay a name. `put_text` writes such a string as a string cell
with the « quote prefix » style (Excel and LibreOffice then keep it as text when the cell is
edited), without adding an apostrophe to the value itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Final

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

Value = str | int | float | Decimal | date | None
"""What a renderer puts in a cell (``bool`` is an ``int``, ``datetime`` a ``date``)."""

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet may read as the start of a formula (OWASP CSV injection)."""


def looks_like_formula(text: str) -> bool:
    """Whether ``text`` would be taken for a formula if written as is."""
    return text.startswith(FORMULA_STARTS)


_NOT_XML: Final = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an xlsx file cannot hold.

    openpyxl refuses control characters, but writes U+FFFE, U+FFFF and lone surrogates into an
    XML file no reader then opens.
    """
    return _NOT_XML.sub("", ILLEGAL_CHARACTERS_RE.sub("", text))


def put_text(cell: Cell, text: str) -> None:
    """Write ``text`` into ``cell`` as plain text, never as a formula."""
    cell.value = xml_safe(text)
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True


def put_value(cell: Cell, value: Value) -> None:
    """Write a value: strings through `put_text`, anything else (numbers, dates) as is."""
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def cell_at(sheet: Worksheet, row: int, column: int) -> Cell:
    """The cell at ``row``, ``column`` (1-based) of a sheet whose cells are not merged."""
    cell = sheet.cell(row, column)
    if not isinstance(cell, Cell):
        raise ValueError(f"cell {row}, {column} is part of a merged range")
    return cell


def append_row(sheet: Worksheet, values: Iterable[Value]) -> int:
    """``sheet.append(values)`` with strings kept as text, never formulas; the row's number."""
    sheet.append([xml_safe(value) if isinstance(value, str) else value for value in values])
    line = sheet.max_row
    for cell in sheet[line]:
        if isinstance(cell, Cell) and isinstance(cell.value, str):
            put_text(cell, cell.value)
    return line
