"""The households list's model: rows fetched page by page, sorted by the database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_app.domain.periods import format_date
from desktop_app.services.households import HouseholdPage, HouseholdRow

Index = QModelIndex | QPersistentModelIndex

# (header, sort key or None, text)
_COLUMNS = (
    (QT_TRANSLATE_NOOP("HouseholdsTableModel", "Reference"), "reference", lambda r: r.reference),
    (QT_TRANSLATE_NOOP("HouseholdsTableModel", "Head of household"), "name", lambda r: r.head),
    (QT_TRANSLATE_NOOP("HouseholdsTableModel", "Persons"), None, lambda r: str(r.members)),
    (QT_TRANSLATE_NOOP("HouseholdsTableModel", "Commune"), "commune", lambda r: r.commune or ""),
    (
        QT_TRANSLATE_NOOP("HouseholdsTableModel", "Entry"),
        "entry",
        lambda r: format_date(r.entry) if r.entry else "",
    ),
    (QT_TRANSLATE_NOOP("HouseholdsTableModel", "Key worker"), None, lambda r: r.key_worker or ""),
)


class HouseholdsTableModel(QAbstractTableModel):
    """Holds the rows loaded so far; asks for more and for another order by signal.

    The list can hold 20 000 households: rows arrive 200 at a time as the view scrolls
    (``fetchMore``), and sorting is done by the database (``sort``).

    Signals:
        more_requested(int): the view scrolled near the end; load the page at this offset.
        sort_requested(str, bool): sort key and descending, to run the query again.
    """

    more_requested = Signal(int)
    sort_requested = Signal(str, bool)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[HouseholdRow] = []
        self._total = 0
        self._waiting = False

    @property
    def total(self) -> int:
        """How many households match, loaded or not."""
        return self._total

    def reset(self, page: HouseholdPage) -> None:
        """A new query's first page."""
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total = page.total
        self._waiting = False
        self.endResetModel()

    def append(self, page: HouseholdPage) -> None:
        """The next page, when it comes back."""
        self._waiting = False
        if page.offset != len(self._rows) or not page.rows:
            return  # a stale page of an older query
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    def household(self, row: int) -> HouseholdRow:
        """The household on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[index.column()][2](row)
        if role == Qt.ItemDataRole.ToolTipRole and row.protected and index.column() == 1:
            return QCoreApplication.translate("HouseholdsTableModel", "Protected file")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("HouseholdsTableModel", str(_COLUMNS[section][0]))
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._waiting and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._waiting = True
            self.more_requested.emit(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _COLUMNS[column][1]
        if key is not None:
            self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)
