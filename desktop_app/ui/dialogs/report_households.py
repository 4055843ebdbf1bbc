"""The households behind one figure of a run: the drill-down of a double-click (issue 10.5).

The list comes from `report_runs.figure_households`, as stored when the run was made, so it
still matches the figure after the data moved. A household the user may not open keeps its
line (masked), so the count matches the figure; Enter or a double click on any other opens
its file.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.report_runs import RunHousehold
from desktop_app.ui.models.reports import FigureLine, RunHouseholdsTableModel, value_text


class ReportHouseholdsDialog(QDialog):
    """A small list of households (reference, head, programme); opens a file on Enter.

    Signals:
        open_household(int): the household whose file to open.
    """

    open_household = Signal(int)

    def __init__(
        self,
        figure: FigureLine,
        households: Sequence[RunHousehold],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Households behind « {label} »").format(label=figure.label))
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(
            self.tr("{code}: {value}, {count} household(s).").format(
                code=figure.code, value=value_text(figure.value, figure.unit), count=len(households)
            )
        )
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = RunHouseholdsTableModel()
        self.model.set_rows(households)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Households behind the figure"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.summary_label.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        self.hint_label = QLabel(self.tr("Enter or a double click opens the household's file."))
        layout.addWidget(self.hint_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.resizeColumnsToContents()
        if households:
            self.table.selectRow(0)
        self.table.setFocus()
        self.resize(560, 420)

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        household_id = self.model.row(index.row()).household_id
        if household_id is not None:  # out of reach: the line stays, the file does not open
            self.open_household.emit(household_id)


__all__ = ["ReportHouseholdsDialog"]
