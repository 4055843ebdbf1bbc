"""A funder return as a PDF for a board or a funder (DOMAIN §5.1, issue 10).

The document reads from the front: a cover (association, period, programmes, data-quality
summary), one chapter per block of the return with a small table per group of figures and the
charts that belong to it, then an annex with the definitions and the controls. The numbers are
the same as the Excel workbook's, formatted the French way, and the annex words the rules with
the workbook's own texts (`reports.xlsx.returns`), so the two files never explain differently.

What leaves the association is aggregates only: this renderer reads the figures' values, never
the households behind them, and the data-quality findings are printed as counts per check, never
with their household or detail sentence. Charts are drawn with ``reportlab.graphics`` in the
document's embedded fonts; a chart with nothing to show is replaced by a sentence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Any, Final

from reportlab.graphics.charts.barcharts import (  # type: ignore[import-untyped]
    HorizontalBarChart,
    VerticalBarChart,
)
from reportlab.graphics.shapes import Drawing, Rect, String  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.lib.utils import simpleSplit  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

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
    COUNT,
    DECIMALS,
    GROUPS,
    RATE,
    UNIT_LABELS,
    Block,
    CheckResult,
    Group,
    Number,
    Report,
    Series,
    groups_of,
)
from desktop_app.reports.formatting import format_count
from desktop_app.reports.pdf.common import (
    CONTENT_WIDTH,
    GRID_COLOUR,
    MARGIN,
    PAGE_WIDTH,
    SHADE_COLOUR,
    Letterhead,
    PdfDocument,
    day,
    fit,
)

__all__ = ["format_value", "render_return_pdf"]

_NO_LABELS: Final[Mapping[str, str]] = MappingProxyType({})

CHART_TITLES: Final = {
    "occupancy": "Taux d'occupation par mois",
    "movements": "Entrées et sorties par mois",
    "arrears": "Impayés à la fin du mois",
    "destinations": "Sorties par destination",
    "activities": "Activités collectives par type",
}
"""The title of each chart when its series does not bring one."""

# The charts each block shows, after its tables, in this order.
_BLOCK_CHARTS: Final = {
    "stays": ("movements", "destinations"),
    "housing": ("occupancy",),
    "arrears": ("arrears",),
    "life": ("activities",),
}
_DESTINATION_GROUP: Final = "exits.destination"
_ACTIVITY_GROUP: Final = "activities"

_VALUE_WIDTH: Final = 32 * mm
_UNIT_WIDTH: Final = 26 * mm
_LABEL_WIDTH: Final = CONTENT_WIDTH - _VALUE_WIDTH - _UNIT_WIDTH
_CHART_HEIGHT: Final = 62 * mm
_CHART_FONT_SIZE: Final = 7
_BAR_LABEL_SIZE: Final = 5.5
_HBAR_LABEL_WIDTH: Final = 62 * mm
_PALETTE: Final = (
    colors.HexColor("#2f5f8a"),
    colors.HexColor("#d08c2c"),
    colors.HexColor("#5b8c4a"),
)
_NICE_STEPS: Final = (1, 2, 2.5, 5, 10)
_TICKS: Final = 5
# The room a section heading asks for, so that it never stands alone at the foot of a page.
_SECTION_ROOM: Final = 40 * mm


# ------------------------------------------------------------------ numbers
def format_value(value: Number | None, unit: str) -> str:
    """A figure's value the French way, with its unit's decimals; empty for None.

    ``Decimal("1234.56")`` in € → ``1 234,56``; ``Decimal("12.5")`` in % → ``12,5``; ``45`` in
    days → ``45,0``; ``1200`` people → ``1 200`` (narrow no-break spaces between thousands). The
    unit itself is written in its own column.
    """
    if value is None:
        return ""
    digits = DECIMALS.get(unit, 0)
    if isinstance(value, int) and digits == 0:
        return format_count(value)
    return _decimal(Decimal(value), digits)


def _decimal(value: Decimal, digits: int) -> str:
    exact = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return f"{exact:,.{digits}f}".replace(",", "\u202f").replace(".", ",")


def _number(value: Number | None) -> str:
    """A value of unknown unit (a consistency rule's side): as many decimals as it holds."""
    if value is None:
        return ""
    if isinstance(value, int):
        return format_count(value)
    exponent = value.as_tuple().exponent
    return _decimal(value, max(0, -exponent) if isinstance(exponent, int) else 0)


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{format_count(count)} {singular if count <= 1 else plural}"


# ------------------------------------------------------------------ the document
class _ReturnDocument(PdfDocument):
    """A Seuil document whose footer names the return; ``Page n / N`` is drawn at the right."""

    def __init__(self, report: Report) -> None:
        letterhead = Letterhead(
            name=report.organisation, address_lines=(), siret=report.siret or ""
        )
        period = f"du {day(report.period.start)} au {day(report.period.end)}"
        super().__init__(
            letterhead=letterhead,
            title=report.title,
            reference=period,
            subject=f"{report.title} – {report.organisation} – {period}",
        )
        self.footer_line = f"{report.title} – {report.organisation} – {period}"
        styles = self.styles
        self.cover_title = ParagraphStyle(
            "cover_title", styles.title, fontSize=22, leading=27, spaceAfter=6
        )
        self.chapter = ParagraphStyle(
            "chapter", styles.title, fontSize=15, leading=19, spaceAfter=8
        )
        self.section = ParagraphStyle("section", styles.heading, fontSize=11.5, spaceBefore=8)

    def _footer(self, canvas: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
        canvas.setFont(self.fonts.regular, 7.5)
        text = fit(
            self.fonts.clean(self.footer_line), self.fonts.regular, 7.5, CONTENT_WIDTH - 30 * mm
        )
        canvas.drawString(MARGIN, 9 * mm, text)
        canvas.restoreState()

    def styled(self, value: str, style: ParagraphStyle) -> Paragraph:
        """A paragraph of plain text in one of this document's own styles."""
        return Paragraph(self.text(value), style)


def render_return_pdf(
    report: Report, *, forced: bool = False, check_labels: Mapping[str, str] = _NO_LABELS
) -> bytes:
    """The PDF of ``report``: cover, a chapter per block with tables and charts, annex.

    Args:
        report: the return, as the reporting service built it.
        forced: whether the return was produced despite blocking findings (said on the cover
            and in the controls).
        check_labels: the French label of each data-quality check code; a check without one
            is named by its code.
    """
    doc = _ReturnDocument(report)
    groups = _groups(report)
    blocks = [block for block in BLOCKS if any(group.block == block.key for group in groups)]
    story: list[Any] = _cover(doc, report, blocks, forced=forced)
    for number, block in enumerate(blocks, start=1):
        story += [PageBreak(), *_trimmed(_chapter(doc, report, number, block, groups))]
    story += [PageBreak(), *_trimmed(_definitions(doc, report, groups))]
    story += _controls(doc, report, forced=forced, check_labels=check_labels)
    return doc.render(story)


def _trimmed(story: list[Any]) -> list[Any]:
    """``story`` without its trailing spacers (one past a full page would leave it blank)."""
    while story and isinstance(story[-1], Spacer):
        story.pop()
    return story


def _groups(report: Report) -> tuple[Group, ...]:
    """The return's groups; for a report of no built-in kind, those holding its figures."""
    groups = groups_of(report.kind)
    if groups:
        return groups
    codes = {figure.code for figure in report.figures}
    return tuple(group for group in GROUPS if any(code.code in codes for code in group.codes))


def _value(report: Report, code: str) -> Number | None:
    try:
        return report.value(code)
    except KeyError:
        return None


# ------------------------------------------------------------------ cover
def _cover(
    doc: _ReturnDocument, report: Report, blocks: Sequence[Block], *, forced: bool
) -> list[Any]:
    period = f"du {day(report.period.start)} au {day(report.period.end)}"
    facts = [("Association", report.organisation)]
    if report.siret:
        facts.append(("SIRET", report.siret))
    facts += [
        ("Période", period),
        ("Dispositifs", ", ".join(report.programmes) or "Aucun dispositif dans le périmètre"),
    ]
    if report.programme:
        facts.append(("Restreint au dispositif", report.programme))
    facts += [
        ("Financeur", report.funder),
        ("Établi le", day(report.made_on)),
        ("Contrôles de qualité", _quality_summary(report, forced=forced)),
    ]
    story: list[Any] = [
        Spacer(1, 30 * mm),
        doc.styled(report.title, doc.cover_title),
        doc.para(f"{report.organisation} – période {period}", "subtitle"),
        Spacer(1, 6 * mm),
        doc.key_values(facts),
        Spacer(1, 10 * mm),
        doc.para("Sommaire", "heading"),
    ]
    story += [doc.para(f"{n}. {block.title}") for n, block in enumerate(blocks, start=1)]
    story += [
        doc.para("Annexe : définitions et contrôles"),
        Spacer(1, 6 * mm),
        doc.para(
            "Ce document ne contient que des nombres agrégés : aucun nom ni aucune référence de "
            "ménage n'y figure.",
            "italic",
        ),
    ]
    return story


def _quality_summary(report: Report, *, forced: bool) -> str:
    blocking = len(report.blocking)
    warnings = len(report.findings) - blocking
    if not report.findings:
        text = "aucun constat"
    else:
        text = (
            f"{_plural(blocking, 'constat bloquant', 'constats bloquants')}, "
            f"{_plural(warnings, 'avertissement', 'avertissements')}"
        )
    if forced:
        text += " – rapport forcé malgré les constats bloquants"
    return text[0].upper() + text[1:]


# ------------------------------------------------------------------ chapters
def _chapter(
    doc: _ReturnDocument, report: Report, number: int, block: Block, groups: Sequence[Group]
) -> list[Any]:
    story: list[Any] = [doc.styled(f"{number}. {block.title}", doc.chapter)]
    scalars: list[Group] = []
    for group in (group for group in groups if group.block == block.key):
        if len(group.codes) == 1 and not group.total:
            scalars.append(group)
            continue
        if scalars:
            story += [_table(doc, report, scalars), Spacer(1, 3 * mm)]
            scalars = []
        heading = doc.styled(group.title, doc.section)
        story += [KeepTogether([heading, _table(doc, report, [group])]), Spacer(1, 3 * mm)]
    if scalars:
        story += [_table(doc, report, scalars), Spacer(1, 3 * mm)]
    for chart in _BLOCK_CHARTS.get(block.key, ()):
        story += _chart(doc, report, chart, groups)
    return story


def _row_label(group: Group, label: str) -> str:
    """A split group's row without the group title its heading already says."""
    prefix = f"{group.title} – "
    return label[len(prefix) :] if label.startswith(prefix) and len(group.codes) > 1 else label


def _table(doc: _ReturnDocument, report: Report, groups: Sequence[Group]) -> Table:
    """Indicateur | Valeur | Unité for ``groups``; a total row when the (single) group splits."""
    header = [
        doc.para("Indicateur", "cell_bold"),
        doc.para("Valeur", "cell_right_bold"),
        doc.para("Unité", "cell_bold"),
    ]
    data: list[list[Any]] = [header]
    for group in groups:
        for code in group.codes:
            data.append(
                [
                    doc.para(_row_label(group, code.label), "cell"),
                    doc.para(format_value(_value(report, code.code), code.unit), "cell_right"),
                    doc.para(UNIT_LABELS.get(code.unit, code.unit), "cell"),
                ]
            )
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE_COLOUR),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID_COLOUR),
    ]
    if len(groups) == 1 and groups[0].total:
        group = groups[0]
        total = _total(_value(report, code.code) for code in group.codes)
        data.append(
            [
                doc.para("Total", "cell_bold"),
                doc.para(format_value(total, group.unit), "cell_right_bold"),
                doc.para(UNIT_LABELS.get(group.unit, group.unit), "cell_bold"),
            ]
        )
        row = len(data) - 1
        commands.append(("LINEABOVE", (0, row), (-1, row), 0.8, colors.black))
    table = Table(
        data, colWidths=[_LABEL_WIDTH, _VALUE_WIDTH, _UNIT_WIDTH], hAlign="LEFT", repeatRows=1
    )
    table.setStyle(TableStyle([doc.table_font, *commands]))
    return table


def _total(values: Iterable[Number | None]) -> Number | None:
    """The sum of a group's values; empty when one of them is."""
    total: Number = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


# ------------------------------------------------------------------ charts
def _chart(doc: _ReturnDocument, report: Report, key: str, groups: Sequence[Group]) -> list[Any]:
    """A titled chart, or its title and a sentence when there is nothing to draw."""
    if key in {"destinations", "activities"}:
        base = _DESTINATION_GROUP if key == "destinations" else _ACTIVITY_GROUP
        group = next((g for g in groups if g.base == base and g.total), None)
        if group is None:
            return []
        items = [
            (_row_label(group, code.label), value)
            for code in group.codes
            if (value := _value(report, code.code))
        ]
        title = CHART_TITLES[key]
        body = [_horizontal_bars(doc, items, group.unit)] if items else [_nothing(doc)]
        return [KeepTogether([doc.styled(title, doc.section), *body]), Spacer(1, 3 * mm)]
    series = next((s for s in report.series if s.key == key), None)
    title = series.title if series is not None and series.title else CHART_TITLES[key]
    heading = doc.styled(title, doc.section)
    if series is None or not _has_values(value for _n, line in series.lines for value in line):
        return [KeepTogether([heading, _nothing(doc)]), Spacer(1, 3 * mm)]
    panels = _panels(series)
    story: list[Any] = []
    for index, (name, unit, lines) in enumerate(panels):
        block: list[Any] = [heading] if index == 0 else []
        if len(panels) > 1:
            block.append(doc.para(f"{name} ({UNIT_LABELS.get(unit, unit)})", "small"))
        if _has_values(value for _n, line in lines for value in line):
            block.append(_vertical_bars(doc, series.labels, lines, unit))
        else:
            block.append(_nothing(doc))
        story += [KeepTogether(block), Spacer(1, 3 * mm)]
    return story


def _nothing(doc: _ReturnDocument) -> Paragraph:
    return doc.para("Aucune donnée à représenter sur la période.", "italic")


def _has_values(values: Iterable[Number | None]) -> bool:
    return any(value for value in values)


Line = tuple[str, tuple[Number | None, ...]]


def _panels(series: Series) -> list[tuple[str, str, list[Line]]]:
    """Lines that share a unit on one chart; a count line of a money series gets its own.

    A series has one unit, but counts are always ``int`` and amounts ``Decimal``: the arrears
    series (amount and households) would otherwise draw 3 households beside 2 345 €.
    """
    by_unit: dict[str, list[Line]] = {}
    for name, values in series.lines:
        exact = any(isinstance(value, Decimal) for value in values)
        unit = series.unit if exact or series.unit == COUNT else COUNT
        by_unit.setdefault(unit, []).append((name, values))
    if len(by_unit) == 1:
        unit, lines = next(iter(by_unit.items()))
        return [(series.title, unit, lines)]
    return [
        (name, unit, [(name, values)]) for unit, lines in by_unit.items() for name, values in lines
    ]


def _scale(values: Sequence[Number], unit: str) -> tuple[float, float, float]:
    """A value axis from 0 (or below) to a round top with about five round steps."""
    low = min(0.0, *(float(value) for value in values))
    high = max(0.0, *(float(value) for value in values))
    if unit == RATE and low >= 0 and high <= 100:  # noqa: PLR2004 - a rate's range
        return 0.0, 100.0, 20.0
    span = (high - low) or 1.0
    raw = span / _TICKS
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(nice * power for nice in _NICE_STEPS if nice * power >= raw)
    if unit == COUNT:
        step = max(1.0, round(step))
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _tick_format(doc: _ReturnDocument, step: float) -> Any:
    digits = 0 if float(step).is_integer() else 1

    def tick(value: float) -> str:
        return doc.fonts.clean(_decimal(Decimal(repr(round(value, digits))), digits))

    return tick


def _drawing(doc: _ReturnDocument, height: float) -> Drawing:
    """A drawing as wide as the text, started in the document's font (Helvetica else)."""
    drawing = Drawing(CONTENT_WIDTH, height)
    drawing.initialFontName = doc.fonts.regular
    drawing.initialFontSize = _CHART_FONT_SIZE
    return drawing


def _chart_string(doc: _ReturnDocument, x: float, y: float, text: str, **kwargs: Any) -> String:
    return String(
        x,
        y,
        doc.fonts.clean(text),
        fontName=doc.fonts.regular,
        fontSize=_CHART_FONT_SIZE,
        **kwargs,
    )


def _vertical_bars(
    doc: _ReturnDocument, labels: Sequence[str], lines: Sequence[Line], unit: str
) -> Drawing:
    """Bars per month, one colour per line, values above the bars when there is room."""
    font = doc.fonts.regular
    values = [value for _name, line in lines for value in line if value is not None]
    low, high, step = _scale(values, unit)
    tick = _tick_format(doc, step)
    ticks = [tick(low + index * step) for index in range(round((high - low) / step) + 1)]
    axis_width = max(stringWidth(text, font, _CHART_FONT_SIZE) for text in ticks) + 6
    drawing = _drawing(doc, _CHART_HEIGHT)
    chart = VerticalBarChart()
    chart.x = axis_width + 2
    chart.y = 14
    chart.width = CONTENT_WIDTH - chart.x - 2
    chart.height = _CHART_HEIGHT - chart.y - 24
    chart.data = [tuple(None if v is None else float(v) for v in line) for _name, line in lines]
    chart.valueAxis.valueMin = low
    chart.valueAxis.valueMax = high
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = tick
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = _CHART_FONT_SIZE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = SHADE_COLOUR
    chart.valueAxis.strokeColor = GRID_COLOUR
    chart.categoryAxis.strokeColor = GRID_COLOUR
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = _CHART_FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    category_width = chart.width / max(1, len(labels))
    widest = max((stringWidth(label, font, _CHART_FONT_SIZE) for label in labels), default=0)
    every = max(1, math.ceil((widest + 4) / category_width))
    chart.categoryAxis.categoryNames = [
        doc.fonts.clean(label) if index % every == 0 else "" for index, label in enumerate(labels)
    ]
    chart.barSpacing = 1
    chart.groupSpacing = max(2.0, category_width * 0.2)
    for index in range(len(lines)):
        chart.bars[index].fillColor = _PALETTE[index % len(_PALETTE)]
        chart.bars[index].strokeColor = None
    texts = [
        [doc.fonts.clean(format_value(value, unit)) if value else "" for value in line]
        for _n, line in lines
    ]
    widest_value = max(
        (stringWidth(text, font, _BAR_LABEL_SIZE) for row in texts for text in row), default=0
    )
    if widest_value + 2 <= category_width:
        chart.barLabelFormat = "values"
        chart.barLabelArray = texts
        chart.barLabels.fontName = font
        chart.barLabels.fontSize = _BAR_LABEL_SIZE
        chart.barLabels.nudge = 5
    drawing.add(chart)
    drawing.add(_chart_string(doc, 0, _CHART_HEIGHT - 8, UNIT_LABELS.get(unit, unit)))
    if len(lines) > 1:
        _legend(doc, drawing, [name for name, _line in lines])
    return drawing


def _legend(doc: _ReturnDocument, drawing: Drawing, names: Sequence[str]) -> None:
    """Colour squares and names at the top right of ``drawing``."""
    font = doc.fonts.regular
    x = CONTENT_WIDTH
    for index in reversed(range(len(names))):
        name = doc.fonts.clean(names[index])
        x -= stringWidth(name, font, _CHART_FONT_SIZE)
        drawing.add(_chart_string(doc, x, _CHART_HEIGHT - 8, name))
        x -= 9
        colour = _PALETTE[index % len(_PALETTE)]
        drawing.add(Rect(x, _CHART_HEIGHT - 8, 6, 6, fillColor=colour, strokeColor=None))
        x -= 10


def _horizontal_bars(
    doc: _ReturnDocument, items: Sequence[tuple[str, Number]], unit: str
) -> Drawing:
    """One bar per item, top to bottom in the given order, labels wrapped at the left."""
    font = doc.fonts.regular
    leading = _CHART_FONT_SIZE * 1.2
    lines = max(
        len(simpleSplit(doc.fonts.clean(label), font, _CHART_FONT_SIZE, _HBAR_LABEL_WIDTH))
        for label, _value in items
    )
    row = max(14.0, lines * leading + 4)
    values = [value for _label, value in items]
    low, high, step = _scale(values, unit)
    tick = _tick_format(doc, step)
    texts = [doc.fonts.clean(format_value(value, unit)) for value in values]
    value_room = max(stringWidth(text, font, _CHART_FONT_SIZE) for text in texts) + 8
    height = row * len(items) + 20
    drawing = _drawing(doc, height)
    chart = HorizontalBarChart()
    chart.x = _HBAR_LABEL_WIDTH + 6
    chart.y = 14
    chart.width = CONTENT_WIDTH - chart.x - value_room
    chart.height = row * len(items)
    chart.data = [tuple(float(value) for value in reversed(values))]
    chart.categoryAxis.categoryNames = [doc.fonts.clean(label) for label, _v in reversed(items)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = _CHART_FONT_SIZE
    chart.categoryAxis.labels.leading = leading
    chart.categoryAxis.labels.maxWidth = _HBAR_LABEL_WIDTH
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = GRID_COLOUR
    chart.valueAxis.valueMin = low
    chart.valueAxis.valueMax = high
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = tick
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = _CHART_FONT_SIZE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = SHADE_COLOUR
    chart.valueAxis.strokeColor = GRID_COLOUR
    chart.bars[0].fillColor = _PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barWidth = row * 0.6
    chart.barLabelFormat = "values"
    chart.barLabelArray = [list(reversed(texts))]
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = _CHART_FONT_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 4
    drawing.add(chart)
    return drawing


# ------------------------------------------------------------------ annex
def _definitions(doc: _ReturnDocument, report: Report, groups: Sequence[Group]) -> list[Any]:
    """The rules used, worded as in the workbook's Définitions sheet, then every definition."""
    period = f"Du {day(report.period.start)} au {day(report.period.end)}, les deux jours inclus."
    scope = SCOPES.get(report.kind, ALL_SCOPE)
    if report.programme:
        scope += f" Restreint au dispositif « {report.programme} »."
    method = METHOD_LABELS.get(report.method, report.method)
    rule = METHOD_RULES.get(report.method, "")
    permanent = [
        v.DESTINATION.label(code) if code in v.DESTINATION else code for code in report.permanent
    ]
    rules = [
        ("Période", period),
        ("Périmètre", scope),
        ("Dispositifs du périmètre", ", ".join(report.programmes) or "Aucun dispositif"),
        ("Paramètres appliqués", f"Ceux de « {report.funder} »."),
        *CONVENTIONS,
        ("Méthode des mois-mesures", f"{method} : {rule}." if rule else method),
        ("Logement pérenne", "; ".join(permanent) or "Aucune destination"),
    ]
    story: list[Any] = [
        doc.styled("Annexe A – Définitions", doc.chapter),
        doc.key_values(rules),
        Spacer(1, 4 * mm),
    ]
    for block in BLOCKS:
        inside = [group for group in groups if group.block == block.key]
        if inside:
            story += [
                CondPageBreak(_SECTION_ROOM),
                doc.styled(block.title, doc.section),
                _definition_table(doc, inside),
                Spacer(1, 3 * mm),
            ]
    return story


def _definition_table(doc: _ReturnDocument, groups: Sequence[Group]) -> Table:
    """Indicateur (with its code, as the Données sheet names it) | Définition."""
    data: list[list[Any]] = [
        [doc.para("Indicateur", "cell_bold"), doc.para("Définition", "cell_bold")]
    ]
    for group in groups:
        code = group.codes[0].code if len(group.codes) == 1 else f"{group.base}.*"
        name = doc.rich(
            '{title}<br/><font size="7" color="#555555">{code}</font>',
            "cell",
            title=group.title,
            code=code,
        )
        data.append([name, doc.para(group.definition, "cell")])
    table = Table(data, colWidths=[55 * mm, CONTENT_WIDTH - 55 * mm], hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                doc.table_font,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE_COLOUR),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID_COLOUR),
            ]
        )
    )
    return table


def _controls(
    doc: _ReturnDocument, report: Report, *, forced: bool, check_labels: Mapping[str, str]
) -> list[Any]:
    story: list[Any] = [
        PageBreak(),
        doc.styled("Annexe B – Contrôles", doc.chapter),
        doc.styled("Règles de cohérence", doc.section),
    ]
    checks = report.checks
    if checks:
        rows = [
            [
                result.rule.label,
                _sides(result),
                RESULT_LABELS[result.passed],
            ]
            for result in checks
        ]
        story.append(
            doc.grid(
                ["Règle", "Valeurs", "Résultat"],
                rows,
                [CONTENT_WIDTH - 70 * mm, 35 * mm, 35 * mm],
                right_columns=(1,),
            )
        )
    else:
        story.append(doc.para("Aucune règle de cohérence ne porte sur les chiffres de ce rapport."))
    story += [
        Spacer(1, 4 * mm),
        doc.styled("Contrôles de qualité des données", doc.section),
        doc.para(
            "Nombre de constats par vérification ; le détail (ménage et fiche à corriger) reste "
            "dans Seuil."
        ),
    ]
    counts: dict[tuple[str, str], int] = {}
    for finding in report.findings:
        key = (finding.level, finding.check)
        counts[key] = counts.get(key, 0) + 1
    if counts:
        ordered = sorted(
            counts.items(),
            key=lambda item: (item[0][0] != BLOCKING, check_labels.get(item[0][1], item[0][1])),
        )
        rows = [
            [
                check_labels.get(check, check),
                LEVEL_LABELS.get(level, level),
                format_count(count),
            ]
            for (level, check), count in ordered
        ]
        story.append(
            doc.grid(
                ["Vérification", "Niveau", "Constats"],
                rows,
                [CONTENT_WIDTH - 65 * mm, 40 * mm, 25 * mm],
                right_columns=(2,),
            )
        )
    else:
        story.append(doc.para("Aucun constat : toutes les vérifications sont passées."))
    if forced:
        story += [
            Spacer(1, 2 * mm),
            doc.para(
                "Ce rapport a été produit malgré les constats bloquants (rapport forcé) ; ce "
                "choix est enregistré avec le rapport dans Seuil."
            ),
        ]
    return story


def _sides(result: CheckResult) -> str:
    """``21 / 21`` for a relation, ``87,4 (0 à 100)`` for a range; « vide » for an empty side."""
    rule = result.rule
    left = _number(result.left) or "vide"
    if rule.right:
        return f"{left} / {_number(result.right) or 'vide'}"
    return f"{left} ({_number(rule.low)} à {_number(rule.high)})"
