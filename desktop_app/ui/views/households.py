"""Ménages: the list of households, searched as you type."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import may_ever
from desktop_app.domain.progress import TaskControl
from desktop_app.services.households import (
    PAGE,
    HouseholdPage,
    HouseholdQuery,
    ListFilters,
    list_filters,
    search_households,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.new_household import NewHouseholdDialog
from desktop_app.ui.models.households import HouseholdsTableModel
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.base import SectionView

SEARCH_DELAY_MS = 150


class HouseholdsView(SectionView):
    """Search box, filters and the list; each query runs on the read worker.

    Typing waits 150 ms of calm before asking, and a newer query cancels an older one still
    running, so the list follows the typing without blocking it. Enter or a double click opens
    the household's file.

    Signals:
        open_requested(int): the household to open.
    """

    open_requested = Signal(int)

    def __init__(
        self, workspace: Workspace, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._query = HouseholdQuery()
        self._running: TaskHandle | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Name, reference, SI-SIAO reference, address or phone…")
        )
        self.search_edit.setAccessibleName(self.tr("Search households"))
        self.search_edit.setClearButtonEnabled(True)
        row.addWidget(self.search_edit, 1)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status"))
        for code, label in (
            ("current", self.tr("Current")),
            ("left", self.tr("Left")),
            ("archived", self.tr("Archived")),
            ("all", self.tr("All")),
        ):
            self.status_combo.addItem(label, code)
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName(self.tr("Programme"))
        self.programme_combo.addItem(self.tr("Every programme"), None)
        self.worker_combo = QComboBox()
        self.worker_combo.setAccessibleName(self.tr("Key worker"))
        self.worker_combo.addItem(self.tr("Every key worker"), None)
        for combo in (self.status_combo, self.programme_combo, self.worker_combo):
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self._filters_changed)
        self.new_button = QPushButton(self.tr("New household…"))
        self.new_button.setVisible(may_ever(workspace.actor, "household.edit_identity"))
        self.new_button.clicked.connect(self.ask_new_household)
        row.addWidget(self.new_button)
        self.new_dialog: NewHouseholdDialog | None = None
        layout.addLayout(row)
        self.model = HouseholdsTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Households"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_query)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.table.activated.connect(
            lambda index: self.open_requested.emit(self.model.household(index.row()).household_id)
        )
        self.model.more_requested.connect(self._load_more)
        self.model.sort_requested.connect(self._sort)
        self._load_filters()
        self.run_query()

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Households")

    def ask_new_household(self) -> NewHouseholdDialog:
        """Open the creation dialog; the new household's file opens once it exists."""
        dialog = NewHouseholdDialog(self._workspace, tasks=self._tasks, parent=self)
        dialog.created.connect(self._created)
        dialog.open()
        self.new_dialog = dialog
        return dialog

    def _created(self, household_id: int) -> None:
        self.run_query()
        self.open_requested.emit(household_id)

    def _load_filters(self) -> None:
        workspace = self._workspace

        def fill(filters: ListFilters) -> None:
            for pid, name in filters.programmes:
                self.programme_combo.addItem(name, pid)
            for uid, name in filters.key_workers:
                self.worker_combo.addItem(name, uid)

        self._tasks.read(
            lambda _c: list_filters(workspace.database, actor=workspace.actor),
            name="household-filters",
            on_done=fill,
        )

    def _filters_changed(self) -> None:
        self.run_query()

    def _sort(self, key: str, descending: bool) -> None:
        self._query = HouseholdQuery(
            text=self._query.text,
            programme_id=self._query.programme_id,
            key_worker_id=self._query.key_worker_id,
            status=self._query.status,
            sort=key,
            descending=descending,
        )
        self.run_query()

    def current_query(self) -> HouseholdQuery:
        """The query the screen shows: typed words, filters, current order."""
        return HouseholdQuery(
            text=self.search_edit.text(),
            programme_id=self.programme_combo.currentData(),
            key_worker_id=self.worker_combo.currentData(),
            status=str(self.status_combo.currentData()),
            sort=self._query.sort,
            descending=self._query.descending,
        )

    def run_query(self) -> None:
        """Ask the first page of the current query (cancelling a slower older one)."""
        self._timer.stop()
        if self._running is not None:
            self._running.cancel()
        query = self._query = self.current_query()
        workspace = self._workspace

        def job(control: TaskControl) -> HouseholdPage:
            control.checkpoint()
            return search_households(workspace.database, actor=workspace.actor, query=query)

        self._running = self._tasks.read(job, name="households", on_done=self._show)

    def _show(self, page: HouseholdPage) -> None:
        self._running = None
        self.model.reset(page)
        self.count_label.setText(self.tr("{count} household(s)").format(count=page.total))

    def _load_more(self, offset: int) -> None:
        query = self._query
        workspace = self._workspace
        self._tasks.read(
            lambda _c: search_households(
                workspace.database, actor=workspace.actor, query=query, offset=offset, limit=PAGE
            ),
            name="households-more",
            on_done=self.model.append,
        )
