"""Tableau de bord: the association today, in tiles, each with the households behind it.

`services.dashboard` computes everything on the read worker; this screen lays it out as a grid
of tiles — occupancy of each programme, households in arrears by level, measures ending
within 30 days, overdue reviews, candidatures waiting, entries and exits of the quarter. Each
tile says its numbers in words and draws a small chart (`widgets.charts`); a tile the actor may
not see is not shown. Clicking a tile, or Enter / Space when it has the focus, lists the
households behind it under the grid; Enter or a double click on a household opens its file
(``open_household``). The screen reads again each time it is shown, when « Refresh » is
pressed, and when `AppEvents` announces changes while it is visible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import reminders as rules
from desktop_app.domain.arrears import level_label
from desktop_app.domain.errors import KnownError
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import format_date
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.vocabulary import MEASURE_KIND
from desktop_app.services.dashboard import (
    ENTRY,
    EXIT,
    Dashboard,
    DashboardRow,
    ProgrammeOccupancy,
    dashboard,
)
from desktop_app.services.dto import Changes
from desktop_app.services.system import Workspace
from desktop_app.ui.events import AppEvents
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.base import SectionView
from desktop_app.ui.widgets.charts import BarChart, Gauge, percent_text

Index = QModelIndex | QPersistentModelIndex

_MODEL: Final = "DashboardRowsTableModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Household"),
    QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Head"),
    QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Programme"),
    QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Dwelling"),
    QT_TRANSLATE_NOOP("DashboardRowsTableModel", "What"),
    QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Date"),
    QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Debt"),
)
HOUSEHOLD, HEAD, PROGRAMME, DWELLING, WHAT, DATE, AMOUNT = range(len(_HEADERS))
_WHAT = {
    rules.REVIEW_DUE: QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Review to write"),
    rules.FINAL_REVIEW_DUE: QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Final review to write"),
    rules.REVIEW_TO_SEND: QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Review to send"),
    ENTRY: QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Entry"),
    EXIT: QT_TRANSLATE_NOOP("DashboardRowsTableModel", "Exit"),
}
_COLUMNS: Final = 3  # tiles per row of the grid
_SOON_DAYS: Final = (7, 14)  # the measures' bars: late, ≤ 7 days, 8–14, 15–30
_LATE_DAYS: Final = (30, 90)  # the reviews' bars: < 1 month late, 1–3 months, more
_LABEL_CHARS: Final = 14
_TILE_HEIGHT: Final = 200  # pixels: a title, two lines of words, a chart
_GRID_SHARE, _LIST_SHARE = 7, 3  # the splitter's first proportions


def _translate(text: object) -> str:
    return QCoreApplication.translate(_MODEL, str(text))


def what_text(row: DashboardRow) -> str:
    """What the row is about, in words: a level, a measure kind, a review, an entry."""
    code = row.code
    if code is None:
        return ""
    if code in _WHAT:
        return _translate(_WHAT[code])
    if code in MEASURE_KIND:
        return MEASURE_KIND.label(code)
    return level_label(code)


_CELLS: dict[int, Callable[[DashboardRow], str]] = {
    HOUSEHOLD: lambda row: row.household_reference,
    HEAD: lambda row: row.head,
    PROGRAMME: lambda row: row.programme or "",
    DWELLING: lambda row: row.dwelling or "",
    WHAT: what_text,
    DATE: lambda row: format_date(row.day) if row.day is not None else "",
    AMOUNT: lambda row: format_eur(row.amount) if row.amount is not None else "",
}


class DashboardRowsTableModel(QAbstractTableModel):
    """The households behind the tile chosen, in the service's order; replaced as a whole."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[DashboardRow] = []

    def set_rows(self, rows: Sequence[DashboardRow]) -> None:
        """Show these households."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def household(self, row: int) -> DashboardRow:
        """The household on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per household line (a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Household, head, programme, dwelling, what, date, debt."""
        return 0 if parent.isValid() else len(_HEADERS)

    @staticmethod
    def text(row: DashboardRow, column: int) -> str:
        """The text of a cell."""
        return _CELLS[column](row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, also as tooltip; amounts aligned right."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The translated column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return _translate(_HEADERS[section])
        return None


class DashboardTile(QFrame):
    """A title, the numbers in words and a small chart; a click or Enter / Space activates it.

    Signals:
        activated(): the user asked for the households behind the tile.
        focused(): the tile got the keyboard focus (the view scrolls it into sight).
    """

    activated = Signal()
    focused = Signal()

    def __init__(self, title: str, chart: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "QFrame#dashboardTile { border: 1px solid palette(mid); border-radius: 4px; }"
            "QFrame#dashboardTile:focus { border: 2px solid palette(highlight); }"
        )
        layout = QVBoxLayout(self)
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.chart = chart
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addWidget(chart, 1)
        self.setMinimumHeight(_TILE_HEIGHT)
        self.setAccessibleName(title)
        chart.setAccessibleName(self.tr("Chart: {title}").format(title=title))
        self.setToolTip(self.tr("Click, or press Enter, to list the households behind it."))

    @property
    def title(self) -> str:
        """The tile's title."""
        return self.title_label.text()

    def set_text(self, text: str) -> None:
        """The numbers in words (also the accessible description, with the chart's values)."""
        self.text_label.setText(text)
        self.setAccessibleDescription(f"{text} {self.chart.accessibleDescription()}".strip())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click activates the tile."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.activated.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Say so, so that a tile reached with Tab is scrolled into sight."""
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter, Return or Space activate the tile."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True, slots=True)
class _TileList:
    """What a tile lists when activated: its rows and the columns worth showing."""

    title: str
    rows: tuple[DashboardRow, ...]
    columns: frozenset[int]


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


class DashboardView(SectionView):
    """The grid of tiles and, under it, the households of the tile chosen.

    Signals:
        open_household(int): the household whose file to open.
    """

    open_household = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        events: AppEvents | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._today: date | None = None
        self._running: TaskHandle | None = None
        self._chosen: str | None = None
        self._sized = False
        self._lists: dict[str, _TileList] = {}
        self.board: Dashboard | None = None
        self.tiles: dict[str, DashboardTile] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self._body(), 1)
        self.status_label = QLabel()
        layout.addWidget(self.status_label)
        if events is not None:
            events.changed.connect(self._changed)

    def _header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        title = QLabel(self.tr("Dashboard"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        header.addWidget(title)
        self.as_of_label = QLabel()
        header.addWidget(self.as_of_label)
        header.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.setAccessibleName(self.tr("Read the dashboard again"))
        self.refresh_button.clicked.connect(self.refresh)
        header.addWidget(self.refresh_button)
        return header

    def _body(self) -> QSplitter:
        """The grid of tiles above, the list of the tile chosen below."""
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        self.tiles_area = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        self.list_label = QLabel(self.tr("Choose a tile to list the households behind it."))
        self.list_label.setWordWrap(True)
        below_layout.addWidget(self.list_label)
        self.model = DashboardRowsTableModel()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Households behind the tile"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        below_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(scroll)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        scroll.setMinimumHeight(_TILE_HEIGHT)
        self.splitter = splitter
        return splitter

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Dashboard")

    # -------------------------------------------------------------- reading

    def showEvent(self, event: QShowEvent) -> None:
        """Read again each time the screen is shown: the numbers are today's."""
        super().showEvent(event)
        if not self._sized:  # the tiles get most of the room the first time
            self._sized = True
            total = sum(self.splitter.sizes())
            grid = total * _GRID_SHARE // (_GRID_SHARE + _LIST_SHARE)
            self.splitter.setSizes([grid, total - grid])
        if self._running is None:
            self.load()

    def _changed(self, _changes: Changes) -> None:
        if self.isVisible():  # hidden, it reads again when shown
            self.load()

    def refresh(self) -> None:
        """Read the dashboard again (the « Refresh » button)."""
        self.load()

    def load(self, today: date | None = None) -> None:
        """Read the dashboard (as of ``today`` when given, then kept for the next readings)."""
        if today is not None:
            self._today = today
        if self._running is not None:
            self._running.cancel()
        ws, day = self._workspace, self._today or date.today()

        def job(control: TaskControl) -> Dashboard:
            control.checkpoint()
            return dashboard(ws.database, actor=ws.actor, today=day)

        self.status_label.setText(self.tr("Reading the dashboard…"))
        handle = self._tasks.read(job, name="dashboard", on_done=self._read, on_error=self._failed)
        handle.cancelled.connect(lambda: self._forget(handle))
        self._running = handle

    def _forget(self, handle: TaskHandle) -> None:
        if self._running is handle:
            self._running = None

    def _failed(self, error: BaseException) -> None:
        self._running = None
        if isinstance(error, KnownError):
            self.status_label.setText(error.text)
            return
        raise error

    def _read(self, board: Dashboard) -> None:
        self._running = None
        self.show_board(board)
        self.status_label.setText("")

    # -------------------------------------------------------------- the tiles

    def show_board(self, board: Dashboard) -> None:
        """Lay the tiles of ``board`` out (keeping the tile chosen, if it is still there)."""
        self.board = board
        self.as_of_label.setText(self.tr("on {date}").format(date=format_date(board.today)))
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles, self._lists = {}, {}
        for line in board.occupancy or ():
            self._occupancy_tile(line)
        if board.arrears is not None:
            self._arrears_tile(board)
        if board.measures_ending is not None:
            self._measures_tile(board.measures_ending, board.today)
        if board.overdue_reviews is not None:
            self._reviews_tile(board.overdue_reviews, board.today)
        if board.waiting is not None:
            self._waiting_tile(board)
        if board.movements is not None:
            self._movements_tile(board)
        if not self.tiles:
            self.list_label.setText(self.tr("Nothing to show with your rights."))
        for position, tile in enumerate(self.tiles.values()):
            self.grid.addWidget(tile, position // _COLUMNS, position % _COLUMNS)
        chosen = self._chosen
        if chosen is not None and chosen in self._lists:
            self.choose(chosen)
        else:
            self._chosen = None
            self.model.set_rows([])

    def _add(
        self,
        key: str,
        *,
        title: str,
        chart: QWidget,
        text: str,
        rows: Sequence[DashboardRow],
        columns: Sequence[int],
    ) -> DashboardTile:
        tile = DashboardTile(title, chart, self.grid_host)
        tile.set_text(text)
        tile.activated.connect(lambda: self.choose(key))
        tile.focused.connect(lambda: self.tiles_area.ensureWidgetVisible(tile))
        self.tiles[key] = tile
        self._lists[key] = _TileList(title, tuple(rows), frozenset((HOUSEHOLD, HEAD, *columns)))
        return tile

    def _occupancy_tile(self, line: ProgrammeOccupancy) -> None:
        gauge = Gauge()
        rings: list[tuple[str, Any]] = []
        if line.places:
            rings.append((self.tr("Places"), line.place_rate))
        if line.lots_available or not line.places:
            rings.append((self.tr("Dwellings"), line.lot_rate))
        gauge.set_values(rings)
        text = self.tr("{occupied} of {available} dwellings occupied ({rate}).").format(
            occupied=line.lots_occupied,
            available=line.lots_available,
            rate=percent_text(line.lot_rate),
        )
        text += " " + self.tr("{persons} persons housed for {places} places ({rate}).").format(
            persons=line.places_occupied, places=line.places, rate=percent_text(line.place_rate)
        )
        self._add(
            f"occupancy:{line.programme}",
            title=self.tr("Occupancy — {programme}").format(programme=line.programme),
            chart=gauge,
            text=text,
            rows=line.rows,
            columns=(DWELLING, DATE),
        )

    def _arrears_tile(self, board: Dashboard) -> None:
        levels = board.arrears or ()
        short = {
            "ccapex": self.tr("CCAPEX"),
            "caf_threshold": self.tr("CAF"),
            "alert": self.tr("Alert"),
            "first_default": self.tr("First"),
        }
        chart = BarChart()
        chart.set_data(
            [short.get(level.level, level.level) for level in levels],
            [(self.tr("Households"), [level.households for level in levels])],
        )
        count = sum(level.households for level in levels)
        text = self.tr("{count} household(s) in arrears").format(count=count)
        if board.debt is not None:
            text += " " + self.tr("owing {debt}").format(debt=format_eur(board.debt))
        text += ": " + ", ".join(
            f"{level_label(level.level)} {level.households}" for level in levels
        )
        rows = [row for level in levels for row in level.rows]
        columns = (PROGRAMME, DWELLING, WHAT, DATE) + ((AMOUNT,) if board.amounts_visible else ())
        self._add(
            "arrears",
            title=self.tr("Households in arrears"),
            chart=chart,
            text=text + ".",
            rows=rows,
            columns=columns,
        )

    def _measures_tile(self, rows: Sequence[DashboardRow], today: date) -> None:
        late = [r for r in rows if r.day is not None and r.day < today]
        near, far = _SOON_DAYS

        def within(low: int, high: int) -> int:
            return sum(1 for r in rows if r.day is not None and low <= (r.day - today).days <= high)

        chart = BarChart()
        chart.set_data(
            [self.tr("Late"), self.tr("≤ 7 d"), self.tr("8–14 d"), self.tr("15–30 d")],
            [
                (
                    self.tr("Measures"),
                    [len(late), within(0, near), within(near + 1, far), within(far + 1, 30)],
                )
            ],
        )
        text = self.tr(
            "{count} measure(s) to renew or to end within 30 days, {late} already past "
            "their planned end."
        ).format(count=len(rows), late=len(late))
        self._add(
            "measures",
            title=self.tr("Measures ending soon"),
            chart=chart,
            text=text,
            rows=rows,
            columns=(PROGRAMME, WHAT, DATE),
        )

    def _reviews_tile(self, rows: Sequence[DashboardRow], today: date) -> None:
        month, quarter = _LATE_DAYS

        def late(low: int, high: int | None) -> int:
            return sum(
                1
                for r in rows
                if r.day is not None
                and low <= (today - r.day).days
                and (high is None or (today - r.day).days < high)
            )

        chart = BarChart()
        chart.set_data(
            [self.tr("< 1 month"), self.tr("1–3 months"), self.tr("> 3 months")],
            [(self.tr("Reviews"), [late(0, month), late(month, quarter), late(quarter, None)])],
        )
        to_send = sum(1 for r in rows if r.code == rules.REVIEW_TO_SEND)
        text = self.tr("{count} review(s) overdue: {write} to write, {send} to send.").format(
            count=len(rows), write=len(rows) - to_send, send=to_send
        )
        self._add(
            "reviews",
            title=self.tr("Overdue reviews"),
            chart=chart,
            text=text,
            rows=rows,
            columns=(PROGRAMME, WHAT, DATE),
        )

    def _waiting_tile(self, board: Dashboard) -> None:
        waiting = board.waiting or ()
        chart = BarChart()
        chart.set_data(
            [_short(w.programme) for w in waiting],
            [(self.tr("Candidatures"), [w.count for w in waiting])],
        )
        count = sum(w.count for w in waiting)
        text = self.tr("{count} candidature(s) waiting for a decision").format(count=count)
        if waiting:
            text += ": " + ", ".join(f"{w.programme} {w.count}" for w in waiting)
        rows = [row for w in waiting for row in w.rows]
        self._add(
            "waiting",
            title=self.tr("Candidatures waiting"),
            chart=chart,
            text=text + ".",
            rows=rows,
            columns=(PROGRAMME, DATE),
        )

    def _movements_tile(self, board: Dashboard) -> None:
        months = board.movements or ()
        chart = BarChart()
        chart.set_data(
            [m.month.start.strftime("%m/%Y") for m in months],
            [
                (self.tr("Entries"), [m.entries for m in months]),
                (self.tr("Exits"), [m.exits for m in months]),
            ],
        )
        text = self.tr("{entries} entries and {exits} exits from {start} to {end}").format(
            entries=sum(m.entries for m in months),
            exits=sum(m.exits for m in months),
            start=format_date(board.quarter.start),
            end=format_date(board.quarter.end),
        )
        text += ": " + ", ".join(
            self.tr("{month} {entries} in, {exits} out").format(
                month=m.month.start.strftime("%m/%Y"), entries=m.entries, exits=m.exits
            )
            for m in months
        )
        rows = [row for m in months for row in m.rows]
        self._add(
            "movements",
            title=self.tr("Entries and exits of the quarter"),
            chart=chart,
            text=text + ".",
            rows=rows,
            columns=(PROGRAMME, WHAT, DATE),
        )

    # -------------------------------------------------------------- the list

    def choose(self, key: str) -> None:
        """List the households behind the tile ``key``."""
        found = self._lists.get(key)
        if found is None:
            return
        self._chosen = key
        self.model.set_rows(found.rows)
        for column in range(len(_HEADERS)):
            self.table.setColumnHidden(column, column not in found.columns)
        self.table.resizeColumnsToContents()
        self.list_label.setText(
            self.tr("{title}: {count} line(s). Enter or a double click opens the file.").format(
                title=found.title, count=len(found.rows)
            )
        )

    @property
    def chosen(self) -> str | None:
        """The key of the tile whose households are listed."""
        return self._chosen

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_household.emit(self.model.household(index.row()).household_id)


__all__ = ["DashboardRowsTableModel", "DashboardTile", "DashboardView"]
