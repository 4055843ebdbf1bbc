"""Rapports: check and produce the funders' returns, and keep their runs (issue 10).

Three tabs. « Return » chooses the return (Bilan FNAVDL, Bilan IML, Rapport de pension de
famille), the period (with the previous and current quarter and year one key away), the
programme and the formats; « Check » computes it on the read worker and lists the data-quality
findings then the figures; « Produce… » records the run and saves its files
(`report_tabs.produce`). « Runs » lists what was produced, drills a figure down to its
households, freezes a run and compares a new run with the frozen one (`report_tabs.runs`).
« Funders' grids » keeps each funder's Excel grid and fills it (`views.grids`). « Staff (FTE)… »
opens the staff of each programme, which the pension report averages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop_app.domain.permissions import may_ever
from desktop_app.services.dto import Changes
from desktop_app.services.reporting import Produced
from desktop_app.services.staff import staff_programmes
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.dialogs.staff import StaffDialog
from desktop_app.ui.events import AppEvents
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.base import SectionView
from desktop_app.ui.views.grids import GridsPanel
from desktop_app.ui.views.report_tabs.produce import PREVIOUS_QUARTER, ProduceTab
from desktop_app.ui.views.report_tabs.runs import RunsTab

REPORT_CHANGES = Changes(frozenset({"report_run"}))


class ReportsView(SectionView):
    """The Rapports section: a return's check and production, and the runs.

    Signals:
        open_household(int): the household whose file to open.
        open_record(int, str): a finding's household and the kind of record it names.
    """

    open_household = Signal(int)
    open_record = Signal(int, str)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        events: AppEvents | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._events = events
        self._loaded_once = False
        self._workspace, self._tasks = workspace, tasks
        layout = QVBoxLayout(self)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.staff_button = QPushButton(self.tr("Staff (FTE)…"))
        self.staff_button.setToolTip(
            self.tr("Full-time equivalents of each programme, for the pension report.")
        )
        self.staff_button.clicked.connect(self.ask_staff)
        actions.addWidget(self.staff_button)
        layout.addLayout(actions)
        self.staff_dialog: StaffDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Reports"))
        self.produce = ProduceTab(workspace, tasks=tasks, dialogs=dialogs, today=today)
        self.runs = RunsTab(workspace, tasks=tasks, dialogs=dialogs)
        self.tabs.addTab(self.produce, self.tr("Return"))
        self.tabs.addTab(self.runs, self.tr("Runs"))
        self.grids = GridsPanel(workspace, tasks=tasks, dialogs=dialogs, today=today)
        self.tabs.addTab(self.grids, self.tr("Funder grids"))
        layout.addWidget(self.tabs)
        self.runs.open_household.connect(self.open_household)
        self.produce.open_record.connect(self.open_record)
        self.grids.open_record.connect(self.open_record)
        self.grids.filled.connect(self._filled)
        self.produce.produced.connect(self._produced)
        self.runs.frozen.connect(lambda _run_id: self._publish())

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Reports")

    def showEvent(self, event: QShowEvent) -> None:
        """Read the programmes and the runs the first time the screen is shown."""
        super().showEvent(event)
        if not self._loaded_once:
            self.load()

    def load(self, today: date | None = None) -> None:
        """Read the programmes and the runs (as of ``today`` when given: tests, screenshots)."""
        self._loaded_once = True
        if today is not None:
            day = today
            self.produce.set_today(lambda: day)
            self.grids.set_today(lambda: day)
            self.produce.use_shortcut(PREVIOUS_QUARTER)
        self.produce.load_programmes()
        self.runs.load()

    def ask_staff(self) -> None:
        """Open the staff of the programmes (read-only for whoever may not change settings)."""
        ws = self._workspace

        def opened(programmes: list[tuple[int, str]]) -> None:
            self.staff_dialog = StaffDialog(
                ws,
                programmes,
                tasks=self._tasks,
                may_edit=may_ever(ws.actor, "settings.edit"),
                parent=self,
            )
            self.staff_dialog.open()

        self._tasks.read(
            lambda _control: staff_programmes(ws.database, actor=ws.actor),
            name="staff-programmes",
            on_done=opened,
        )

    def _filled(self, run_id: int) -> None:
        self.runs.load(select_run=run_id)
        self._publish()

    def _produced(self, produced: Produced) -> None:
        self.runs.load(select_run=produced.run_id)
        self._publish()

    def _publish(self) -> None:
        if self._events is not None:
            self._events.publish(REPORT_CHANGES)


__all__ = ["ReportsView"]
