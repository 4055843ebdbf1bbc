"""« Codes des indicateurs… »: find a figure's code and copy its placeholder (issue 11.3).

A coordinator preparing a funder's grid in the spreadsheet program looks for the figure the
funder asks for, by code or French label (accents and case ignored, as everywhere in Seuil),
reads its definition (the text of the Définitions sheet) and copies ``{{code}}`` to paste into
the grid's cell. The whole catalogue (a few hundred codes) is held in memory and filtered by a
proxy as one types. Keyboard only works: typing filters, Down moves into the table, Enter or
« Copy » copies the selected code (the first one shown when none is selected), Escape closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.figures import (
    BLOCKS,
    ESDS,
    GROUP_OF,
    RETURN_TITLES,
    RETURNS,
    UNIT_LABELS,
    Code,
)
from desktop_app.domain.figures import CATALOGUE as FIGURE_CATALOGUE
from desktop_app.domain.text import normalise

Index = QModelIndex | QPersistentModelIndex
_ESDS_TITLE: Final = next(block.title for block in BLOCKS if block.key == ESDS)


def placeholder_of(code: str) -> str:
    """The text to paste into a grid's cell for ``code``: ``{{households.entries}}``."""
    return "{{" + code + "}}"


@dataclass(frozen=True, slots=True)
class CodeEntry:
    """One code of the catalogue as the picker shows it.

    ``returns`` are the French titles of the returns that write the code (the ES-DS survey for
    its snapshot codes); ``search`` is the normalised text the filter looks into.
    """

    code: str
    label: str
    unit: str
    definition: str
    returns: tuple[str, ...]
    search: str

    @classmethod
    def of_code(cls, code: Code) -> CodeEntry:
        """The entry of a catalogue code (its group gives the definition and the returns)."""
        group = GROUP_OF[code.code]
        returns = tuple(RETURN_TITLES[kind] for kind in RETURNS if kind in group.returns)
        if ESDS in group.returns:
            returns += (_ESDS_TITLE,)
        return cls(
            code=code.code,
            label=code.label,
            unit=UNIT_LABELS.get(code.unit, code.unit),
            definition=group.definition,
            returns=returns,
            search=normalise(f"{code.code} {code.label}"),
        )


def catalogue_entries() -> tuple[CodeEntry, ...]:
    """Every code of the catalogue, in the order of the Données sheet."""
    return tuple(CodeEntry.of_code(code) for code in FIGURE_CATALOGUE.values())


_CONTEXT: Final = "CodesTableModel"
_HEADERS: Final = (
    QT_TRANSLATE_NOOP("CodesTableModel", "Code"),
    QT_TRANSLATE_NOOP("CodesTableModel", "Label"),
    QT_TRANSLATE_NOOP("CodesTableModel", "Unit"),
)


class CodesTableModel(QAbstractTableModel):
    """The codes of the catalogue: code, libellé, unité (the definition as tooltip)."""

    CODE, LABEL, UNIT = range(3)

    def __init__(self, entries: Sequence[CodeEntry] | None = None) -> None:
        super().__init__()
        self._rows = list(catalogue_entries() if entries is None else entries)

    def entry(self, row: int) -> CodeEntry:
        """The code shown on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per code (a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Code, label, unit."""
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text; the definition as tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (entry.code, entry.label, entry.unit)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.definition
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
            return QCoreApplication.translate(_CONTEXT, str(_HEADERS[section]))
        return None


class CodeFilterProxy(QSortFilterProxyModel):
    """Keeps the codes whose code or label holds every word typed, accents and case ignored."""

    def __init__(self) -> None:
        super().__init__()
        self._words: tuple[str, ...] = ()

    def set_text(self, text: str) -> None:
        """Filter on ``text`` (empty: every code)."""
        self.beginFilterChange()
        self._words = tuple(normalise(text).split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Every word typed appears in the code or the label."""
        source = self.sourceModel()
        if not self._words or not isinstance(source, CodesTableModel):
            return True
        if source_parent.isValid():
            return False
        haystack = source.entry(source_row).search
        return all(word in haystack for word in self._words)

    def entry(self, row: int) -> CodeEntry | None:
        """The code shown on a row of the filtered list."""
        source = self.sourceModel()
        if not isinstance(source, CodesTableModel) or not 0 <= row < self.rowCount():
            return None
        return source.entry(self.mapToSource(self.index(row, 0)).row())

    def codes(self) -> list[str]:
        """The codes shown, in order."""
        return [entry.code for row in range(self.rowCount()) if (entry := self.entry(row))]


class CodePickerDialog(QDialog):
    """Search the catalogue, read a code's definition, copy its placeholder.

    Signals:
        copied(str): the placeholder put on the clipboard (``{{code}}``).
    """

    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Indicator codes"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Type a few letters of a code or of its label, then Enter (or « Copy ») copies "
                "the placeholder to paste into a cell of the funder's grid."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._search(layout)
        self._table(layout)
        self._details(layout)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setAccessibleName(self.tr("Copy the placeholder of the selected code"))
        self.copy_button.setAutoDefault(False)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        layout.addWidget(buttons)
        self.search_edit.textChanged.connect(self._filter)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.copy())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self._filter("")
        self.search_edit.setFocus()
        self.resize(760, 560)

    def _search(self, layout: QVBoxLayout) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Search a code or a label"))
        self.search_edit.setPlaceholderText(self.tr("Code or label (e.g. entries, sorties)"))
        self.search_edit.setClearButtonEnabled(True)
        caption = QLabel(self.tr("&Search"))
        caption.setBuddy(self.search_edit)
        layout.addWidget(caption)
        layout.addWidget(self.search_edit)

    def _table(self, layout: QVBoxLayout) -> None:
        self.model = CodesTableModel()
        self.proxy = CodeFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Indicator codes"))
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of codes shown"))
        layout.addWidget(self.count_label)

    def _details(self, layout: QVBoxLayout) -> None:
        self.definition_label = QLabel()
        self.definition_label.setWordWrap(True)
        self.definition_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.definition_label.setAccessibleName(self.tr("Definition of the selected code"))
        self.definition_label.setMinimumHeight(80)
        self.definition_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.definition_label)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("What was copied"))
        layout.addWidget(self.status_label)

    # -------------------------------------------------------------- filtering

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        shown = self.proxy.rowCount()
        self.count_label.setText(
            self.tr("{shown} code(s) of {total}.").format(shown=shown, total=self.model.rowCount())
        )
        if shown:
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()

    def current(self) -> CodeEntry | None:
        """The code selected (the first one shown when none is)."""
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        return self.proxy.entry(row)

    def _show_current(self) -> None:
        entry = self.current()
        self.copy_button.setEnabled(entry is not None)
        self.definition_label.setText(
            self.tr("No code matches what was typed.")
            if entry is None
            else self.definition_text(entry)
        )

    def definition_text(self, entry: CodeEntry) -> str:
        """A code in a paragraph: code, label, unit, definition, the returns that write it."""
        returns = ", ".join(entry.returns) or self.tr("none")
        return self.tr("{code} — {label} ({unit})\n{definition}\nWritten in: {returns}.").format(
            code=entry.code,
            label=entry.label,
            unit=entry.unit,
            definition=entry.definition,
            returns=returns,
        )

    # -------------------------------------------------------------- copying

    def copy(self) -> str | None:
        """Put ``{{code}}`` of the selected code on the clipboard; the text copied."""
        entry = self.current()
        if entry is None:
            return None
        text = placeholder_of(entry.code)
        QGuiApplication.clipboard().setText(text)
        self.status_label.setText(
            self.tr("Copied {placeholder}: paste it into a cell of the grid.").format(
                placeholder=text
            )
        )
        self.copied.emit(text)
        return text

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter copies (in the search field and the table); Down leaves the search field."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.copy()
                return True
            if watched is self.search_edit and key == Qt.Key.Key_Down and self.proxy.rowCount():
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)


__all__ = [
    "CodeEntry",
    "CodeFilterProxy",
    "CodePickerDialog",
    "CodesTableModel",
    "catalogue_entries",
    "placeholder_of",
]
