"""The housing stock's filter: a text typed above the dwellings list, accents and case ignored."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from desktop_app.domain.text import normalise

Index = QModelIndex | QPersistentModelIndex


class DwellingFilterProxy(QSortFilterProxyModel):
    """Keeps the rows where every word typed appears in some column ("lilas lyon" finds both).

    The stock of an association is bounded (a few hundred dwellings), so filtering in memory is
    fine; the programme filter is applied by the service.
    """

    def __init__(self) -> None:
        super().__init__()
        self._words: tuple[str, ...] = ()

    def set_text(self, text: str) -> None:
        """Filter on ``text`` (empty: every row)."""
        self.beginFilterChange()
        self._words = tuple(normalise(text).split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        source = self.sourceModel()
        texts = [
            source.data(
                source.index(source_row, column, source_parent), Qt.ItemDataRole.DisplayRole
            )
            for column in range(source.columnCount(source_parent))
        ]
        haystack = normalise(" ".join(str(text) for text in texts if text))
        return all(word in haystack for word in self._words)
