"""The tables of the Rapports screen: findings, figures by block, runs, comparison, households.

Every list here is bounded by construction (the findings of one return, the few hundred codes
of the catalogue, the runs of an association, the households behind one figure), so each model
holds its rows in memory and is replaced as a whole. Levels are written in words (« Bloquant »,
« Avertissement »), never shown by colour alone; values are written the French way with their
unit's decimals, as the PDF return writes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desktop_app.domain.figures import (
    BLOCKING,
    BLOCKS,
    GROUP_OF,
    UNIT_LABELS,
    Figure,
    Finding,
    Number,
)
from desktop_app.domain.periods import format_date
from desktop_app.domain.quality import CHECK_OF
from desktop_app.domain.vocabulary import REPORT_KIND
from desktop_app.reports.pdf.returns import format_value
from desktop_app.services.report_runs import (
    ADDED,
    REMOVED,
    ChangedFigure,
    ChangedHousehold,
    HistoryChange,
    RunFigure,
    RunHousehold,
    RunRow,
)

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
EMPTY_VALUE = "—"  # an empty denominator: no value, said with a dash (DOMAIN §0)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def value_text(value: Number | None, unit: str) -> str:
    """A figure's value the French way (``1 234,56``, ``87,5``); a dash when empty."""
    return EMPTY_VALUE if value is None else format_value(value, unit)


def unit_text(unit: str) -> str:
    """The French name of a unit (``nombre``, ``%``, ``€``…)."""
    return UNIT_LABELS.get(unit, unit)


def moment_text(moment: datetime) -> str:
    """A UTC moment in local time, ``dd/mm/yyyy HH:MM``."""
    local = moment.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


def _stable_text(value: str | None) -> str:
    """A business-history value: an ISO date shown dd/mm/yyyy, an empty one as a dash."""
    if value is None or value == "":
        return EMPTY_VALUE
    try:
        return format_date(date.fromisoformat(value))
    except ValueError:
        return value


class _ListTableModel(QAbstractTableModel, Generic[T]):
    """Rows of one kind, columns given as (header, text); headers translated in ``_CONTEXT``."""

    _CONTEXT = "ReportTableModel"
    _RIGHT_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, columns: Sequence[tuple[object, Callable[[T], str]]]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[T] = []

    def translate(self, text: object) -> str:
        """``text`` in the user's language, in this model's translation context."""
        return QCoreApplication.translate(self._CONTEXT, str(text))

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show these rows, in this order."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> T:
        """The item shown on a row."""
        return self._rows[index]

    def rows(self) -> list[T]:
        """Every item shown, in order."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per item (a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The columns given at construction."""
        return 0 if parent.isValid() else len(self._columns)

    def text(self, row: int, column: int) -> str:
        """The text of a cell."""
        return self._columns[column][1](self._rows[row])

    def font(self, _item: T, _column: int) -> QFont | None:
        """A cell's font when it differs from the table's (a heading, a blocking finding)."""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, also as tooltip; numbers aligned right."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._RIGHT_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole:
            return self.font(self._rows[index.row()], index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The translated column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self.translate(self._columns[section][0])
        return None


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


# ------------------------------------------------------------------ findings

_FINDINGS = "FindingsTableModel"
_BLOCKING_WORD = QT_TRANSLATE_NOOP("FindingsTableModel", "Blocking")
_WARNING_WORD = QT_TRANSLATE_NOOP("FindingsTableModel", "Warning")


def level_text(level: str) -> str:
    """« Bloquant » or « Avertissement »: the level in words."""
    word = _BLOCKING_WORD if level == BLOCKING else _WARNING_WORD
    return QCoreApplication.translate(_FINDINGS, str(word))


def check_label(check: str) -> str:
    """The French short title of a data-quality check (its code when unknown)."""
    spec = CHECK_OF.get(check)
    return spec.label if spec is not None else check


class FindingsTableModel(_ListTableModel[Finding]):
    """The data-quality findings of a check: level in words, check, household, detail."""

    _CONTEXT = _FINDINGS
    LEVEL, CHECK, HOUSEHOLD, DETAIL = range(4)

    def __init__(self) -> None:
        super().__init__(
            [
                (QT_TRANSLATE_NOOP("FindingsTableModel", "Level"), lambda f: level_text(f.level)),
                (QT_TRANSLATE_NOOP("FindingsTableModel", "Check"), lambda f: check_label(f.check)),
                (
                    QT_TRANSLATE_NOOP("FindingsTableModel", "Household"),
                    lambda f: f.household_reference,
                ),
                (QT_TRANSLATE_NOOP("FindingsTableModel", "Detail"), lambda f: f.detail),
            ]
        )

    def font(self, item: Finding, column: int) -> QFont | None:
        """A blocking finding's level in bold (the word says it too)."""
        return _bold() if item.level == BLOCKING and column == self.LEVEL else None


# ------------------------------------------------------------------ figures by block


@dataclass(frozen=True, slots=True)
class FigureLine:
    """One figure as the screen lists it: of a checked report or of a recorded run.

    ``households`` is how many households are behind the figure.
    """

    code: str
    label: str
    unit: str
    value: Number | None
    households: int

    @classmethod
    def of_figure(cls, figure: Figure) -> FigureLine:
        """A figure of a built `Report` (label and unit from the catalogue)."""
        group = GROUP_OF[figure.code]
        code = next(c for c in group.codes if c.code == figure.code)
        return cls(figure.code, code.label, code.unit, figure.value, len(figure.households))

    @classmethod
    def of_run(cls, figure: RunFigure) -> FigureLine:
        """A figure of a recorded run."""
        return cls(figure.code, figure.label, figure.unit, figure.value, figure.households)


@dataclass(frozen=True, slots=True)
class BlockHeading:
    """The title row of a block (a sheet of the Excel return)."""

    title: str


_BLOCK_TITLES = {block.key: block.title for block in BLOCKS}
_BLOCK_ORDER = {block.key: index for index, block in enumerate(BLOCKS)}


def grouped_by_block(lines: Sequence[FigureLine]) -> list[BlockHeading | FigureLine]:
    """A heading per block, in the order of the return, then its figures in catalogue order."""
    by_block: dict[str, list[FigureLine]] = {}
    for line in lines:
        group = GROUP_OF.get(line.code)
        by_block.setdefault(group.block if group is not None else "", []).append(line)
    rows: list[BlockHeading | FigureLine] = []
    for key in sorted(by_block, key=lambda k: _BLOCK_ORDER.get(k, len(_BLOCK_ORDER))):
        rows.append(BlockHeading(_BLOCK_TITLES.get(key, key)))
        rows.extend(by_block[key])
    return rows


def _figure_cell(getter: Callable[[FigureLine], str]) -> Callable[[BlockHeading | FigureLine], str]:
    return lambda row: getter(row) if isinstance(row, FigureLine) else ""


class FiguresTableModel(_ListTableModel[BlockHeading | FigureLine]):
    """The figures of a return grouped by block: libellé, valeur, unité, ménages, code."""

    _CONTEXT = "FiguresTableModel"
    LABEL, VALUE, UNIT, HOUSEHOLDS, CODE = range(5)
    _RIGHT_COLUMNS = frozenset({VALUE, HOUSEHOLDS})

    def __init__(self) -> None:
        super().__init__(
            [
                (
                    QT_TRANSLATE_NOOP("FiguresTableModel", "Label"),
                    lambda row: row.title if isinstance(row, BlockHeading) else row.label,
                ),
                (
                    QT_TRANSLATE_NOOP("FiguresTableModel", "Value"),
                    _figure_cell(lambda f: value_text(f.value, f.unit)),
                ),
                (
                    QT_TRANSLATE_NOOP("FiguresTableModel", "Unit"),
                    _figure_cell(lambda f: unit_text(f.unit)),
                ),
                (
                    QT_TRANSLATE_NOOP("FiguresTableModel", "Households"),
                    _figure_cell(lambda f: str(f.households)),
                ),
                (QT_TRANSLATE_NOOP("FiguresTableModel", "Code"), _figure_cell(lambda f: f.code)),
            ]
        )

    def set_figures(self, lines: Sequence[FigureLine]) -> None:
        """Show these figures under the heading of their block."""
        self.set_rows(grouped_by_block(lines))

    def figure(self, row: int) -> FigureLine | None:
        """The figure on a row (None on a block's heading)."""
        item = self.row(row)
        return item if isinstance(item, FigureLine) else None

    def figure_lines(self) -> list[FigureLine]:
        """Every figure shown, headings left out."""
        return [row for row in self.rows() if isinstance(row, FigureLine)]

    def font(self, item: BlockHeading | FigureLine, _column: int) -> QFont | None:
        """Block headings in bold."""
        return _bold() if isinstance(item, BlockHeading) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """A heading is shown, never selected; a figure is selectable (to drill down)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self.row(index.row()), BlockHeading):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# ------------------------------------------------------------------ runs

_RUNS = "RunsTableModel"
_YES = QT_TRANSLATE_NOOP("RunsTableModel", "Yes")
_NO = QT_TRANSLATE_NOOP("RunsTableModel", "No")
_FROZEN = QT_TRANSLATE_NOOP("RunsTableModel", "On {date} by {name}")
_PERIOD = QT_TRANSLATE_NOOP("RunsTableModel", "{start} to {end}")
_ALL = QT_TRANSLATE_NOOP("RunsTableModel", "All programmes")
_FINDINGS_COUNT = QT_TRANSLATE_NOOP("RunsTableModel", "{blocking} blocking, {warnings} warning(s)")


def _runs(text: object) -> str:
    return QCoreApplication.translate(_RUNS, str(text))


def period_text(start: date, end: date) -> str:
    """``01/01/2026 to 31/03/2026`` (translated)."""
    return _runs(_PERIOD).format(start=format_date(start), end=format_date(end))


def kind_text(kind: str) -> str:
    """The French name of a return (``Bilan FNAVDL``)."""
    return REPORT_KIND.label(kind) if kind in REPORT_KIND else kind


def _frozen_text(row: RunRow) -> str:
    if row.frozen_at is None:
        return _runs(_NO)
    return _runs(_FROZEN).format(
        date=format_date(row.frozen_at.astimezone().date()), name=row.frozen_by or ""
    )


class RunsTableModel(_ListTableModel[RunRow]):
    """The runs (éditions) of returns, newest first: date, bilan, période, auteur, forcé, figé."""

    _CONTEXT = _RUNS

    def __init__(self) -> None:
        super().__init__(
            [
                (QT_TRANSLATE_NOOP("RunsTableModel", "Date"), lambda r: moment_text(r.created_at)),
                (QT_TRANSLATE_NOOP("RunsTableModel", "Return"), lambda r: kind_text(r.kind)),
                (
                    QT_TRANSLATE_NOOP("RunsTableModel", "Period"),
                    lambda r: period_text(r.period.start, r.period.end),
                ),
                (
                    QT_TRANSLATE_NOOP("RunsTableModel", "Programme"),
                    lambda r: r.programme or _runs(_ALL),
                ),
                (QT_TRANSLATE_NOOP("RunsTableModel", "Author"), lambda r: r.author),
                (
                    QT_TRANSLATE_NOOP("RunsTableModel", "Forced"),
                    lambda r: _runs(_YES) if r.forced else _runs(_NO),
                ),
                (QT_TRANSLATE_NOOP("RunsTableModel", "Frozen"), _frozen_text),
                (
                    QT_TRANSLATE_NOOP("RunsTableModel", "Findings"),
                    lambda r: _runs(_FINDINGS_COUNT).format(
                        blocking=r.blocking, warnings=r.warnings
                    ),
                ),
            ]
        )

    def position(self, run_id: int) -> int | None:
        """The row of a run, if listed."""
        return next((i for i, row in enumerate(self._rows) if row.id == run_id), None)


# ------------------------------------------------------------------ comparison

_COMPARISON = "ComparisonTableModel"
_CHANGES = {
    ADDED: QT_TRANSLATE_NOOP("ComparisonTableModel", "{reference} (now counted)"),
    REMOVED: QT_TRANSLATE_NOOP("ComparisonTableModel", "{reference} (no longer counted)"),
}
_CHANGED = QT_TRANSLATE_NOOP("ComparisonTableModel", "{reference} (record changed)")
_HISTORY_LINE = QT_TRANSLATE_NOOP(
    "ComparisonTableModel", "{reference}: {field} {old} → {new} ({date}, {user})"
)


def _comparison(text: object) -> str:
    return QCoreApplication.translate(_COMPARISON, str(text))


def household_change_text(household: ChangedHousehold) -> str:
    """``HH-0012 (now counted)``: a household and how it moved the figure."""
    template = _CHANGES.get(household.change, _CHANGED)
    return _comparison(template).format(reference=household.reference)


def history_text(reference: str, change: HistoryChange) -> str:
    """One business-history line: ``HH-0012: stay.exit_date 31/03/2026 → 15/04/2026 (…)``."""
    return _comparison(_HISTORY_LINE).format(
        reference=reference,
        field=f"{change.entity}.{change.field}",
        old=_stable_text(change.old_value),
        new=_stable_text(change.new_value),
        date=moment_text(change.at),
        user=change.user or "—",
    )


def _households_text(figure: ChangedFigure) -> str:
    return ", ".join(household_change_text(h) for h in figure.households)


def _history_text(figure: ChangedFigure) -> str:
    return "\n".join(
        history_text(household.reference, change)
        for household in figure.households
        for change in household.history
    )


class ComparisonTableModel(_ListTableModel[ChangedFigure]):
    """The figures that changed since the frozen run, and the households that explain it."""

    _CONTEXT = _COMPARISON
    CODE, LABEL, OLD, NEW, HOUSEHOLDS, HISTORY = range(6)
    _RIGHT_COLUMNS = frozenset({OLD, NEW})

    def __init__(self) -> None:
        super().__init__(
            [
                (QT_TRANSLATE_NOOP("ComparisonTableModel", "Code"), lambda f: f.code),
                (QT_TRANSLATE_NOOP("ComparisonTableModel", "Label"), lambda f: f.label),
                (
                    QT_TRANSLATE_NOOP("ComparisonTableModel", "Frozen value"),
                    lambda f: value_text(f.old, f.unit),
                ),
                (
                    QT_TRANSLATE_NOOP("ComparisonTableModel", "New value"),
                    lambda f: value_text(f.new, f.unit),
                ),
                (
                    QT_TRANSLATE_NOOP("ComparisonTableModel", "Households involved"),
                    _households_text,
                ),
                (QT_TRANSLATE_NOOP("ComparisonTableModel", "History"), _history_text),
            ]
        )


# ------------------------------------------------------------------ households of a figure

_HOUSEHOLDS = "RunHouseholdsTableModel"
_MASKED = QT_TRANSLATE_NOOP("RunHouseholdsTableModel", "(protected file)")


def _head_text(household: RunHousehold) -> str:
    if household.masked:
        return QCoreApplication.translate(_HOUSEHOLDS, str(_MASKED))
    return household.head


class RunHouseholdsTableModel(_ListTableModel[RunHousehold]):
    """The households behind one figure of a run, as the user may see them."""

    _CONTEXT = _HOUSEHOLDS

    def __init__(self) -> None:
        super().__init__(
            [
                (QT_TRANSLATE_NOOP("RunHouseholdsTableModel", "Household"), lambda h: h.reference),
                (
                    QT_TRANSLATE_NOOP("RunHouseholdsTableModel", "Head of household"),
                    lambda h: (
                        QCoreApplication.translate(_HOUSEHOLDS, str(_MASKED))
                        if h.masked
                        else h.head
                    ),
                ),
                (
                    QT_TRANSLATE_NOOP("RunHouseholdsTableModel", "Programme"),
                    lambda h: h.programme or "",
                ),
            ]
        )


__all__ = [
    "BlockHeading",
    "ComparisonTableModel",
    "FigureLine",
    "FiguresTableModel",
    "FindingsTableModel",
    "RunHouseholdsTableModel",
    "RunsTableModel",
    "check_label",
    "kind_text",
    "level_text",
    "period_text",
    "value_text",
]
