"""Logements: the occupancy of a programme's stock on a day (who is where, vacant since when)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import TYPOLOGY, VACANCY_REASON
from desktop_app.services.housing import OccupancyRow, occupancy, programme_choices
from desktop_app.services.system import Workspace
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.base import SectionView


class HousingView(SectionView):
    """Choose a programme and a day; each dwelling says who lives there or why it is empty."""

    def __init__(
        self, workspace: Workspace, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName(self.tr("Programme"))
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setAccessibleName(self.tr("On"))
        row.addWidget(QLabel(self.tr("Programme")))
        row.addWidget(self.programme_combo, 1)
        row.addWidget(QLabel(self.tr("On")))
        row.addWidget(self.day_edit)
        layout.addLayout(row)
        self.model: DtoTableModel[OccupancyRow] = DtoTableModel(
            [
                (self.tr("Dwelling"), lambda r: r.reference),
                (self.tr("Address"), lambda r: f"{r.address}, {r.commune}"),
                (self.tr("Type"), lambda r: TYPOLOGY.label(r.typology) if r.typology else ""),
                (self.tr("Lots / places"), lambda r: f"{r.lots} / {r.places}"),
                (self.tr("Households"), lambda r: ", ".join(r.households)),
                (self.tr("Vacant since"), self._vacant_since),
                (self.tr("Why"), self._why),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Occupancy"))
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary_label = QLabel()
        layout.addWidget(self.summary_label)
        self.programme_combo.currentIndexChanged.connect(self.refresh)
        self.day_edit.dateChanged.connect(self.refresh)
        self._load_programmes()

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Housing")

    def _vacant_since(self, row: OccupancyRow) -> str:
        if row.households:
            return ""
        return format_date(row.vacant_since) if row.vacant_since else "?"

    def _why(self, row: OccupancyRow) -> str:
        if row.households:
            return ""
        if row.vacancy_reason is None:
            return self.tr("reason not recorded")
        reason = VACANCY_REASON.label(row.vacancy_reason)
        return reason + (self.tr(" (neutralised)") if row.neutralised else "")

    def _load_programmes(self) -> None:
        workspace = self._workspace

        def fill(choices: list[tuple[int, str]]) -> None:
            for pid, name in choices:
                self.programme_combo.addItem(name, pid)

        self._tasks.read(
            lambda _c: programme_choices(workspace.database, actor=workspace.actor),
            name="housing-programmes",
            on_done=fill,
        )

    def refresh(self) -> None:
        """Read the chosen programme's occupancy on the chosen day."""
        programme_id = self.programme_combo.currentData()
        if programme_id is None:
            return
        day: date = self.day_edit.date().toPython()  # type: ignore[assignment]
        workspace = self._workspace

        def show(rows: list[OccupancyRow]) -> None:
            self.model.set_rows(rows)
            empty = sum(1 for row in rows if not row.households)
            self.summary_label.setText(
                self.tr("{count} dwelling(s), {empty} empty on {day}.").format(
                    count=len(rows), empty=empty, day=format_date(day)
                )
            )

        self._tasks.read(
            lambda _c: occupancy(
                workspace.database, actor=workspace.actor, programme_id=programme_id, on=day
            ),
            name="occupancy",
            on_done=show,
        )
