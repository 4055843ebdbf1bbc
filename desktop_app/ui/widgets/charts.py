"""Small charts drawn with QPainter: bars and a gauge, for the tiles of the Tableau de bord.

Each chart writes its values in words as well as drawing them: the number above every bar or
inside the gauge, and the accessible description (read by a screen reader, shown as the
tooltip) lists every value. Series are told apart by their fill pattern and a legend, never by
colour alone. Colours come from the palette, so a dark or high-contrast theme keeps working.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.reports.formatting import format_decimal

Number = int | float | Decimal
# One fill per series, in order: solid, then hatched, then dotted (never colour alone).
_PATTERNS = (Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.Dense4Pattern)
_MARGIN = 4
_BAR_GAP = 0.25  # of a group's width, between groups
_HALF_TURN = 180 * 16  # QPainter angles are in 1/16th of a degree
_HUNDRED = 100


def number_text(value: Number | None) -> str:
    """A value as the chart writes it: ``12``, ``66,7``; an empty value as a dash."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return str(value)
    return format_decimal(float(value))


def percent_text(value: Number | None) -> str:
    """``66,7 %`` (with a no-break space), or a dash when there is nothing to divide by."""
    return "—" if value is None else f"{format_decimal(float(value))}\u00a0%"


def _series_colours(palette: QPalette) -> tuple[QColor, ...]:
    return (
        palette.color(QPalette.ColorRole.Highlight),
        palette.color(QPalette.ColorRole.Text),
        palette.color(QPalette.ColorRole.Mid),
    )


class BarChart(QWidget):
    """Vertical bars: a group per label, a bar per series, the value written above each bar.

    ``maximum`` fixes the top of the scale (100 for rates); by default the largest value.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: tuple[str, ...] = ()
        self._series: tuple[tuple[str, tuple[Number, ...]], ...] = ()
        self._maximum: float | None = None
        self.setMinimumSize(160, 96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        """Room for a few groups and the legend."""
        return QSize(240, 120)

    def set_data(
        self,
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[Number]]],
        *,
        maximum: float | None = None,
    ) -> None:
        """Show ``series`` (name, one value per label) over ``labels``."""
        self._labels = tuple(labels)
        self._series = tuple((name, tuple(values)) for name, values in series)
        self._maximum = maximum
        self.setAccessibleDescription(self.description())
        self.setToolTip(self.description())
        self.update()

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels of the groups, in order."""
        return self._labels

    @property
    def series(self) -> tuple[tuple[str, tuple[Number, ...]], ...]:
        """The series shown: (name, values)."""
        return self._series

    def description(self) -> str:
        """Every value in words: « Entries: 10/2026 2, 11/2026 1; Exits: … »."""
        parts = []
        for name, values in self._series:
            pairs = ", ".join(
                f"{label} {number_text(value)}"
                for label, value in zip(self._labels, values, strict=False)
            )
            parts.append(f"{name}: {pairs}" if name else pairs)
        return "; ".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Bars, their values above them, the labels below, the legend on top."""
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)
        named = [name for name, _ in self._series if name]
        if len(self._series) > 1 and named:
            self._legend(painter, area, line)
            area.setTop(area.top() + line + 2)
        plot = QRectF(area.left(), area.top() + line, area.width(), area.height() - 2 * line - 2)
        axis = QPen(palette.color(QPalette.ColorRole.Mid))
        painter.setPen(axis)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self._labels or plot.height() <= 0:
            painter.end()
            return
        values = [float(v) for _, vs in self._series for v in vs if v is not None]
        top = self._maximum if self._maximum is not None else max([*values, 0.0])
        top = top or 1.0
        group = plot.width() / len(self._labels)
        bar = group * (1 - _BAR_GAP) / max(len(self._series), 1)
        colours = _series_colours(palette)
        text_pen = QPen(palette.color(QPalette.ColorRole.WindowText))
        for index, label in enumerate(self._labels):
            left = plot.left() + index * group + group * _BAR_GAP / 2
            for rank, (_name, series_values) in enumerate(self._series):
                value = series_values[index] if index < len(series_values) else None
                height = 0.0 if value is None else plot.height() * min(float(value) / top, 1.0)
                rect = QRectF(left + rank * bar, plot.bottom() - height, bar - 1, height)
                colour = colours[rank % len(colours)]
                painter.setPen(QPen(colour))
                painter.setBrush(QBrush(colour, _PATTERNS[rank % len(_PATTERNS)]))
                painter.drawRect(rect)
                painter.setPen(text_pen)
                painter.drawText(
                    QRectF(rect.left() - 8, rect.top() - line, rect.width() + 16, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    number_text(value),
                )
            painter.setPen(text_pen)
            caption = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(group))
            painter.drawText(
                QRectF(plot.left() + index * group, plot.bottom() + 2, group, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                caption,
            )
        painter.end()

    def _legend(self, painter: QPainter, area: QRectF, line: int) -> None:
        colours = _series_colours(self.palette())
        x = area.left()
        metrics = QFontMetrics(self.font())
        for rank, (name, _values) in enumerate(self._series):
            colour = colours[rank % len(colours)]
            painter.setPen(QPen(colour))
            painter.setBrush(QBrush(colour, _PATTERNS[rank % len(_PATTERNS)]))
            painter.drawRect(QRectF(x, area.top() + 2, line - 4, line - 4))
            x += line
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText)))
            painter.drawText(QPointF(x, area.top() + metrics.ascent()), name)
            x += metrics.horizontalAdvance(name) + line


class Gauge(QWidget):
    """Half-circle gauges for rates (0–100 %), one ring per value, outer ring first.

    The first rate is written in the middle with its caption; each inner ring's caption and rate
    follow on a line of their own. An empty value (nothing to divide by) draws an empty ring
    and a dash.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: tuple[tuple[str, Number | None], ...] = ()
        self.setMinimumSize(120, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        """A half circle and its caption."""
        return QSize(180, 130)

    def set_values(self, values: Sequence[tuple[str, Number | None]]) -> None:
        """Show these ``(caption, percent)`` rates, outer ring first."""
        self._values = tuple(values)
        self.setAccessibleDescription(self.description())
        self.setToolTip(self.description())
        self.update()

    @property
    def values(self) -> tuple[tuple[str, Number | None], ...]:
        """The rates shown: (caption, percent)."""
        return self._values

    def description(self) -> str:
        """Every rate in words: « Places 66,7 %, Dwellings 75,0 % »."""
        return ", ".join(f"{caption} {percent_text(value)}" for caption, value in self._values)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The rings, then the first rate written in the middle."""
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        lines = max(len(self._values), 1)  # a caption line per ring under the centre
        radius = min(self.width() / 2 - _MARGIN, self.height() - lines * line - 2 * _MARGIN)
        if radius <= 0 or not self._values:
            painter.end()
            return
        thickness = max(4.0, radius / (2.5 * len(self._values) + 1))
        centre = QPointF(self.width() / 2, _MARGIN + radius)
        colours = _series_colours(palette)
        track = palette.color(QPalette.ColorRole.Midlight)
        for rank, (_caption, value) in enumerate(self._values):
            ring = radius - thickness / 2 - rank * (thickness + 2)
            if ring <= 0:
                break
            box = QRectF(centre.x() - ring, centre.y() - ring, 2 * ring, 2 * ring)
            pen = QPen(track, thickness)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawArc(box, 0, _HALF_TURN)
            if value is None:
                continue
            share = max(0.0, min(float(value), _HUNDRED)) / _HUNDRED
            pen = QPen(QBrush(colours[rank % len(colours)], _PATTERNS[0]), thickness)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            span = int(_HALF_TURN * share)
            if span:
                painter.drawArc(box, _HALF_TURN, -span)  # clockwise from the left end
        painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText)))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        caption, first = self._values[0]
        painter.drawText(
            QRectF(0, centre.y() - line, self.width(), line),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            percent_text(first),
        )
        font.setBold(False)
        painter.setFont(font)
        captions = [caption] + [
            f"{inner} {percent_text(value)}" for inner, value in self._values[1:]
        ]  # the inner rings are named in words, never by their colour alone
        for rank, text in enumerate(captions):
            painter.drawText(
                QRectF(0, centre.y() + 2 + rank * line, self.width(), line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                text,
            )
        painter.end()


__all__ = ["BarChart", "Gauge", "number_text", "percent_text"]
