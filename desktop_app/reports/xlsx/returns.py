"""A funder return (DOMAIN §5.1) as an Excel workbook: a pure renderer of a `Report`.

Sheets: « Synthèse » (who, when, what scope, how many findings), one sheet per block of the
return (a small table per group of codes, with a live ``=SUM`` total when the group splits a
count), « Définitions » (the counting rules used), « Contrôles » (consistency rules and the
number of data-quality findings per check) and « Données » (every code, zeros included).

What leaves the association is aggregates only: nothing here writes a household's reference,
name or id, not even from a finding's detail (findings are only counted). Numbers are numbers,
rounded half-up to `DECIMALS` of their unit, with number formats in invariant syntax that Excel
and LibreOffice show the French way. The same report gives the same bytes: the document
properties and the zip entries carry a time derived from ``report.made_on``.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, time
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO
from types import MappingProxyType
from typing import Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from desktop_app.domain import vocabulary as v
from desktop_app.domain.definitions import (
    ALL_SCOPE,
    CONVENTIONS,
    LEVEL_LABELS,
    METHOD_LABELS,
    METHOD_RULES,
    RESULT_LABELS,
    SCOPES,
)
from desktop_app.domain.figures import (
    BLOCKING,
    BLOCKS,
    CATALOGUE,
    COUNT,
    DECIMALS,
    ESDS,
    EUR,
    GROUPS,
    RATE,
    RETURNS,
    UNIT_LABELS,
    WARNING,
    Block,
    Code,
    Group,
    Number,
    Report,
    blocks_of,
    groups_of,
)
from desktop_app.domain.periods import format_date
from desktop_app.reports.xlsx.common import Value, append_row, cell_at, put_text

SUMMARY: Final = "Synthèse"
DEFINITIONS: Final = "Définitions"
CONTROLS: Final = "Contrôles"
DATA: Final = "Données"
BLOCK_HEADERS: Final = ("Indicateur", "Valeur", "Unité")
DATA_HEADERS: Final = ("code", "libellé", "valeur", "unité")
TOTAL_LABEL: Final = "Total"
BLOCK_HEADER_ROW: Final = 3
"""The row of « Indicateur | Valeur | Unité » on a block sheet (frozen, printed on each page)."""

# Invariant number formats: French Excel and LibreOffice show 1 234,5 and 2 345,67 €.
DATE_FORMAT: Final = "DD/MM/YYYY"
EURO_FORMAT: Final = '#,##0.00 "€"'


def number_format(unit: str) -> str:
    """The number format of a value of ``unit``: ``0``, ``0.0``, ``0.00`` or euros."""
    if unit == EUR:
        return EURO_FORMAT
    decimals = DECIMALS[unit]
    return "0." + "0" * decimals if decimals else "0"


_SHEET_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
_MAX_SHEET_TITLE: Final = 31
_MAX_HEADER: Final = 120
_BOLD: Final = Font(bold=True)
_TITLE_FONT: Final = Font(bold=True, size=14)
_HEADER_FILL: Final = PatternFill("solid", fgColor="DDE4EE")
_HEADER_BORDER: Final = Border(bottom=Side(style="thin"))
_TOTAL_BORDER: Final = Border(top=Side(style="thin"))
_WRAP: Final = Alignment(wrap_text=True, vertical="top")
_INDENT: Final = Alignment(indent=1, wrap_text=True, vertical="top")
_NO_LABELS: Final[Mapping[str, str]] = MappingProxyType({})


def sheet_title(text: str) -> str:
    r"""``text`` as a sheet name: no ``[]:*?/\``, no edge apostrophe, at most 31 characters."""
    cleaned = _SHEET_FORBIDDEN.sub("-", text).strip().strip("'")
    return cleaned[:_MAX_SHEET_TITLE].rstrip() or "Feuille"


def cell_number(value: Number | None, unit: str) -> int | float | None:
    """A figure as a cell holds it: rounded half-up to its unit's decimals, counts as ``int``."""
    if value is None:
        return None
    decimals = DECIMALS[unit]
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return int(rounded) if decimals == 0 else float(rounded)


def dimension_label(group: Group, code: Code) -> str:
    """The label of a code under its group's heading (``Logement social – bail direct``)."""
    return code.label.removeprefix(f"{group.title} – ")


def report_groups(report: Report) -> tuple[Group, ...]:
    """The groups the return writes; for a funder's grid, every group whose codes it holds."""
    if report.kind in (*RETURNS, ESDS):
        return groups_of(report.kind)
    held = {figure.code for figure in report.figures}
    return tuple(group for group in GROUPS if all(c.code in held for c in group.codes))


def report_codes(report: Report) -> tuple[str, ...]:
    """Every code of the Données sheet, in catalogue order."""
    if report.kind in (*RETURNS, ESDS):
        return tuple(code.code for group in groups_of(report.kind) for code in group.codes)
    held = {figure.code for figure in report.figures}
    return tuple(code for code in CATALOGUE if code in held)


def report_blocks(report: Report) -> tuple[Block, ...]:
    """The block sheets of the return, in the catalogue's order."""
    if report.kind in (*RETURNS, ESDS):
        return blocks_of(report.kind)
    used = {group.block for group in report_groups(report)}
    return tuple(block for block in BLOCKS if block.key in used)


def _period_text(report: Report) -> str:
    return f"du {format_date(report.period.start)} au {format_date(report.period.end)}"


def _header_text(text: str) -> str:
    """Text for a page header or footer: ``&`` is its control character."""
    return text[:_MAX_HEADER].replace("&", "&&")


def _print_setup(
    sheet: Worksheet, report: Report, *, landscape: bool, title_rows: str | None
) -> None:
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows:
        sheet.print_title_rows = title_rows
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None  # a new sheet has both
    assert footer is not None
    header.left.text = _header_text(report.organisation)
    header.center.text = _header_text(report.title)
    header.right.text = _header_text(_period_text(report))
    footer.left.text = _header_text(sheet.title)
    footer.right.text = "Page &P / &N"


def _widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _title(sheet: Worksheet, text: str) -> None:
    line = append_row(sheet, [text])
    cell_at(sheet, line, 1).font = _TITLE_FONT


def _headers(sheet: Worksheet, headers: Iterable[str]) -> int:
    line = append_row(sheet, headers)
    for cell in sheet[line]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
    return line


def _labelled(sheet: Worksheet, label: str, value: Value, number_format: str | None = None) -> int:
    """A « label | value » row (Synthèse, Définitions)."""
    line = append_row(sheet, [label, value])
    cell_at(sheet, line, 1).font = _BOLD
    cell_at(sheet, line, 1).alignment = _WRAP
    cell = cell_at(sheet, line, 2)
    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    if number_format:
        cell.number_format = number_format
    return line


def _listed(sheet: Worksheet, label: str, items: Sequence[str], empty: str) -> None:
    """A label then one row per item (the label on the first row only)."""
    for index, item in enumerate(items or (empty,)):
        _labelled(sheet, label if index == 0 else "", item)


# ----------------------------------------------------------------------------- Synthèse


def _summary(sheet: Worksheet, report: Report, *, forced: bool) -> None:
    blocking = sum(1 for finding in report.findings if finding.level == BLOCKING)
    warnings = sum(1 for finding in report.findings if finding.level == WARNING)
    _title(sheet, report.title)
    append_row(sheet, [])
    _labelled(sheet, "Association", report.organisation)
    _labelled(sheet, "SIRET", report.siret or "Non renseigné")
    _labelled(sheet, "Période", _period_text(report))
    _labelled(sheet, "Premier jour", report.period.start, DATE_FORMAT)
    _labelled(sheet, "Dernier jour", report.period.end, DATE_FORMAT)
    _labelled(sheet, "Dispositif retenu", report.programme or "Tous les dispositifs du périmètre")
    _listed(sheet, "Dispositifs du périmètre", report.programmes, "Aucun dispositif")
    _labelled(sheet, "Paramètres appliqués", report.funder)
    _labelled(sheet, "Établi le", report.made_on, DATE_FORMAT)
    append_row(sheet, [])
    _labelled(sheet, "Anomalies bloquantes", blocking, "0")
    _labelled(sheet, "Avertissements", warnings, "0")
    _labelled(sheet, "Produit malgré des anomalies bloquantes", "Oui" if forced else "Non")
    append_row(sheet, [])
    _labelled(
        sheet,
        "Contenu",
        "Une feuille par partie du bilan, puis « Définitions » (règles de calcul), "
        "« Contrôles » (cohérence et qualité des données) et « Données » (tous les codes).",
    )
    _widths(sheet, (40, 90))
    _print_setup(sheet, report, landscape=False, title_rows=None)


# ------------------------------------------------------------------------- block sheets


def _value_row(sheet: Worksheet, label: str, value: Value, unit: str, *, bold: bool) -> int:
    line = append_row(sheet, [label, value, UNIT_LABELS[unit]])
    label_cell = cell_at(sheet, line, 1)
    label_cell.alignment = _WRAP if bold else _INDENT
    cell_at(sheet, line, 2).number_format = number_format(unit)
    if bold:
        for cell in sheet[line]:
            cell.font = _BOLD
    return line


def _group_table(sheet: Worksheet, report: Report, group: Group) -> None:
    if len(group.codes) == 1 and not group.total:
        (code,) = group.codes
        _value_row(
            sheet,
            group.title,
            cell_number(report.value(code.code), code.unit),
            code.unit,
            bold=True,
        )
        return
    heading = append_row(sheet, [group.title])
    cell_at(sheet, heading, 1).font = _BOLD
    cell_at(sheet, heading, 1).alignment = _WRAP
    for code in group.codes:
        value = cell_number(report.value(code.code), code.unit)
        last = _value_row(sheet, dimension_label(group, code), value, code.unit, bold=False)
    if group.total:
        line = _value_row(sheet, TOTAL_LABEL, None, group.unit, bold=True)
        # The only formula of the workbook, set after `append_row` (which keeps text as text).
        cell_at(sheet, line, 2).value = f"=SUM(B{heading + 1}:B{last})"
        for cell in sheet[line]:
            cell.border = _TOTAL_BORDER


def _block(sheet: Worksheet, report: Report, block: Block, groups: Sequence[Group]) -> None:
    _title(sheet, block.title)
    append_row(sheet, [f"{report.title} – {report.organisation} – {_period_text(report)}"])
    _headers(sheet, BLOCK_HEADERS)
    for group in groups:
        if group.block == block.key:
            _group_table(sheet, report, group)
    sheet.freeze_panes = f"A{BLOCK_HEADER_ROW + 1}"
    _widths(sheet, (70, 16, 14))
    _print_setup(sheet, report, landscape=False, title_rows=f"1:{BLOCK_HEADER_ROW}")


# -------------------------------------------------------------------------- Définitions


def _definitions(sheet: Worksheet, report: Report, groups: Sequence[Group]) -> None:
    _title(sheet, "Définitions")
    _headers(sheet, ("Règle", "Définition", "Codes"))
    _labelled(
        sheet,
        "Période",
        f"Du {format_date(report.period.start)} au "
        f"{format_date(report.period.end)}, les deux jours inclus.",
    )
    scope = SCOPES.get(report.kind, ALL_SCOPE)
    if report.programme:
        scope += f" Restreint au dispositif « {report.programme} »."
    _labelled(sheet, "Périmètre", scope)
    _listed(sheet, "Dispositifs du périmètre", report.programmes, "Aucun dispositif")
    _labelled(sheet, "Paramètres appliqués", f"Ceux de « {report.funder} ».")
    for label, text in CONVENTIONS:
        _labelled(sheet, label, text)
    method = METHOD_LABELS.get(report.method, report.method)
    rule = METHOD_RULES.get(report.method, "")
    _labelled(sheet, "Méthode des mois-mesures", f"{method} : {rule}." if rule else method)
    _listed(
        sheet,
        "Logement pérenne",
        [v.DESTINATION.label(code) for code in report.permanent],
        "Aucune destination",
    )
    append_row(sheet, [])
    line = append_row(sheet, ["Indicateurs"])
    cell_at(sheet, line, 1).font = _BOLD
    for group in groups:
        codes = group.codes[0].code if len(group.codes) == 1 else f"{group.base}.*"
        line = _labelled(sheet, group.title, group.definition)
        put_text(cell_at(sheet, line, 3), codes)
        cell_at(sheet, line, 3).alignment = _WRAP
    sheet.freeze_panes = "A3"
    _widths(sheet, (36, 100, 30))
    _print_setup(sheet, report, landscape=True, title_rows="2:2")


# ---------------------------------------------------------------------------- Contrôles


def _side(value: Number | None) -> int | float | None:
    if value is None:
        return None
    return cell_number(value, COUNT if isinstance(value, int) else RATE)


def _controls(sheet: Worksheet, report: Report, check_labels: Mapping[str, str]) -> None:
    _title(sheet, "Contrôles")
    line = append_row(sheet, ["Cohérence des chiffres"])
    cell_at(sheet, line, 1).font = _BOLD
    _headers(sheet, ("Règle", "Valeur", "Attendu", "Résultat"))
    for result in report.checks:
        rule = result.rule
        expected: Value = _side(result.right)
        if not rule.right:
            expected = f"entre {rule.low} et {rule.high}"
        line = append_row(
            sheet, [rule.label, _side(result.left), expected, RESULT_LABELS[result.passed]]
        )
        cell_at(sheet, line, 1).alignment = _WRAP
        for column, value in ((2, result.left), (3, result.right)):
            if value is not None:
                cell_at(sheet, line, column).number_format = (
                    "0" if isinstance(value, int) else "0.0"
                )
    append_row(sheet, [])
    line = append_row(sheet, ["Qualité des données (nombre de constats par contrôle)"])
    cell_at(sheet, line, 1).font = _BOLD
    _headers(sheet, ("Contrôle", "Nombre", "Niveau"))
    counts = Counter((finding.level, finding.check) for finding in report.findings)
    rows = sorted(
        (
            (level, check_labels.get(check, check), count)
            for (level, check), count in counts.items()
        ),
        key=lambda row: (row[0] != BLOCKING, row[1]),
    )
    for level, label, count in rows:
        line = append_row(sheet, [label, count, LEVEL_LABELS.get(level, level)])
        cell_at(sheet, line, 2).number_format = "0"
    if not rows:
        append_row(sheet, ["Aucune anomalie relevée"])
    sheet.freeze_panes = "A2"
    _widths(sheet, (70, 14, 18, 14))
    _print_setup(sheet, report, landscape=False, title_rows=None)


# ------------------------------------------------------------------------------ Données


def _data(sheet: Worksheet, report: Report) -> None:
    _headers(sheet, DATA_HEADERS)
    for code in report_codes(report):
        entry = CATALOGUE[code]
        line = append_row(
            sheet,
            [
                code,
                entry.label,
                cell_number(report.value(code), entry.unit),
                UNIT_LABELS[entry.unit],
            ],
        )
        cell_at(sheet, line, 3).number_format = number_format(entry.unit)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:D{sheet.max_row}"
    _widths(sheet, (44, 80, 14, 14))
    _print_setup(sheet, report, landscape=True, title_rows="1:1")


# ----------------------------------------------------------------------------- workbook


def _deterministic(data: bytes, stamp: datetime) -> bytes:
    """The same zip with every entry dated ``stamp`` (zip entries carry the time of writing)."""
    source = zipfile.ZipFile(BytesIO(data))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return buffer.getvalue()


def render_return(
    report: Report, *, forced: bool = False, check_labels: Mapping[str, str] = _NO_LABELS
) -> bytes:
    """The xlsx bytes of ``report``.

    Args:
        report: the return to write (aggregates only leave: findings are counted, not listed).
        forced: whether it was produced despite blocking findings (said in « Synthèse »).
        check_labels: the French label of each data-quality check code (else the code).
    """
    groups = report_groups(report)
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None  # a new workbook always has its first sheet
    summary.title = SUMMARY
    _summary(summary, report, forced=forced)
    used = {SUMMARY, DEFINITIONS, CONTROLS, DATA}
    for block in report_blocks(report):
        title = sheet_title(block.title)
        if title in used:  # never with the catalogue's titles, but a sheet name is unique
            title = sheet_title(f"{title[: _MAX_SHEET_TITLE - 3]} {len(used)}")
        used.add(title)
        _block(workbook.create_sheet(title), report, block, groups)
    _definitions(workbook.create_sheet(DEFINITIONS), report, groups)
    _controls(workbook.create_sheet(CONTROLS), report, check_labels)
    _data(workbook.create_sheet(DATA), report)
    stamp = datetime.combine(report.made_on, time(0, 0))
    workbook.properties.title = f"{report.title} {_period_text(report)}"
    workbook.properties.creator = "Seuil"
    workbook.properties.created = stamp
    workbook.properties.modified = stamp
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()  # not `save`: it stamps the current time
    return _deterministic(buffer.getvalue(), stamp)
