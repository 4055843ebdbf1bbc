"""Rapports: check and produce the funders' returns, and keep their runs (issue 10).

Two tabs. « Return » chooses the return (Bilan FNAVDL, Bilan IML, Rapport de pension de
famille), the period (with the previous and current quarter and year one key away), the
programme and the formats; « Check » computes it on the read worker and lists the data-quality
findings then the figures; « Produce… » records the run and saves its files
(`report_tabs.produce`). « Runs » lists what was produced, drills a figure down to its
households, freezes a run and compares a new run with the frozen one (`report_tabs.runs`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.dto import Changes
from desktop_app.services.reporting import Produced
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.events import AppEvents
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.base import SectionView
from desktop_app.ui.views.report_tabs.produce import PREVIOUS_QUARTER, ProduceTab
from desktop_app.ui.views.report_tabs.runs import RunsTab

REPORT_CHANGES = Changes(frozenset({"report_run"}))


class ReportsView(SectionView):
    """The Rapports section: a return's check and production, and the runs.

    Signals:
        open_household(int): the household whose file to open.
        open_account(int): the household whose account to open.
    """

    open_household = Signal(int)
    open_account = Signal(int)

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
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Reports"))
        self.produce = ProduceTab(workspace, tasks=tasks, dialogs=dialogs, today=today)
        self.runs = RunsTab(workspace, tasks=tasks, dialogs=dialogs)
        self.tabs.addTab(self.produce, self.tr("Return"))
        self.tabs.addTab(self.runs, self.tr("Runs"))
        layout.addWidget(self.tabs)
        for tab in (self.produce, self.runs):
            tab.open_household.connect(self.open_household)
        self.produce.open_account.connect(self.open_account)
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
            self.produce.use_shortcut(PREVIOUS_QUARTER)
        self.produce.load_programmes()
        self.runs.load()

    def _produced(self, produced: Produced) -> None:
        self.runs.load(select_run=produced.run_id)
        self._publish()

    def _publish(self) -> None:
        if self._events is not None:
            self._events.publish(REPORT_CHANGES)


__all__ = ["ReportsView"]
