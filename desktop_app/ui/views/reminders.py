"""Rappels: the reminders due soon or overdue, as a panel for the home screen (DOMAIN §7).

The reminders are computed by `services.reminders` on the read worker; the panel only shows
them. Enter or a double click on a household's reminder opens its file; on a reminder of the
housing stock it says which dwelling it concerns.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
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
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import reminders as rules
from desktop_app.domain.errors import KnownError
from desktop_app.domain.periods import format_date
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.reminders import sees_team
from desktop_app.services.reminders import ReminderInfo, list_reminders
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskHandle, TaskRunner

Index = QModelIndex | QPersistentModelIndex

_CONTEXT = "RemindersTableModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("RemindersTableModel", "Due"),
    QT_TRANSLATE_NOOP("RemindersTableModel", "Status"),
    QT_TRANSLATE_NOOP("RemindersTableModel", "Household"),
    QT_TRANSLATE_NOOP("RemindersTableModel", "What"),
)
DUE, STATUS, HOUSEHOLD, WHAT = range(len(_HEADERS))
_OVERDUE = QT_TRANSLATE_NOOP("RemindersTableModel", "Overdue")
_SOON = QT_TRANSLATE_NOOP("RemindersTableModel", "Soon")
_DWELLING = QT_TRANSLATE_NOOP("RemindersTableModel", "Dwelling {reference}")


def _translate(text: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(text))


class RemindersTableModel(QAbstractTableModel):
    """The reminders in the service's order (due date first); replaced as a whole.

    The status is written out ("Overdue" / "Soon"), never shown by colour alone; overdue
    ones are also in bold.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ReminderInfo] = []

    def set_rows(self, rows: Sequence[ReminderInfo]) -> None:
        """Show these reminders."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def reminder(self, row: int) -> ReminderInfo:
        """The reminder on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per reminder (a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Due date, status, household, what."""
        return 0 if parent.isValid() else len(_HEADERS)

    def _text(self, reminder: ReminderInfo, column: int) -> str:
        if column == DUE:
            return format_date(reminder.due)
        if column == STATUS:
            return _translate(_OVERDUE) if reminder.overdue else _translate(_SOON)
        if column == HOUSEHOLD:
            if reminder.household_id is None:
                return _translate(_DWELLING).format(reference=reminder.dwelling_reference or "")
            reference = reminder.household_reference or ""
            return f"{reference} — {reminder.head}" if reminder.head else reference
        return reminder.text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text (also as tooltip); overdue statuses in bold."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        reminder = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(reminder, index.column())
        if role == Qt.ItemDataRole.FontRole and reminder.overdue and index.column() == STATUS:
            font = QFont()
            font.setBold(True)
            return font
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
            return _translate(str(_HEADERS[section]))
        return None


class RemindersPanel(QWidget):
    """The reminders of the actor's households (and of the stock), read on the read worker.

    A "mine / team" choice appears for those who see more than their own caseload; it
    filters what was read, without asking the database again.

    Signals:
        open_household(int): the household whose file to open.
        open_account(int): the household whose file to open on its account (an arrears
            reminder).
    """

    open_household = Signal(int)
    open_account = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._dialogs = dialogs
        self._all: list[ReminderInfo] = []
        self._running: TaskHandle | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.title_label = QLabel(self.tr("Reminders"))
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        row.addWidget(self.title_label)
        row.addStretch(1)
        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName(self.tr("Whose reminders"))
        self.scope_combo.addItem(self.tr("Team"), "team")
        self.scope_combo.addItem(self.tr("Mine"), "mine")
        actor = workspace.actor
        self.scope_combo.setVisible(sees_team(actor) and actor.user_id is not None)
        self.scope_combo.currentIndexChanged.connect(self._show_filtered)
        row.addWidget(self.scope_combo)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the reminders"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.model = RemindersTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Reminders"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

    def refresh(self) -> None:
        """Read the reminders again, as of the real today."""
        self.load()

    def load(self, today: date | None = None) -> None:
        """Read the reminders due by the horizon on ``today`` (the real today by default)."""
        if self._running is not None:
            self._running.cancel()
        workspace = self._workspace
        day = today or date.today()

        def job(control: TaskControl) -> list[ReminderInfo]:
            control.checkpoint()
            return list_reminders(workspace.database, actor=workspace.actor, today=day)

        self.status_label.setText(self.tr("Loading the reminders…"))
        self._running = self._tasks.read(
            job, name="reminders", on_done=self._loaded, on_error=self._failed
        )

    def _loaded(self, reminders: list[ReminderInfo]) -> None:
        self._running = None
        self._all = list(reminders)
        self._show_filtered()

    def _failed(self, error: BaseException) -> None:
        self._running = None
        if isinstance(error, KnownError):
            self.status_label.setText(error.text)
            return
        raise error

    def _show_filtered(self) -> None:
        mine = self.scope_combo.isVisibleTo(self) and self.scope_combo.currentData() == "mine"
        shown = [reminder for reminder in self._all if reminder.in_caseload or not mine]
        self.model.set_rows(shown)
        overdue = sum(1 for reminder in shown if reminder.overdue)
        if not shown:
            self.status_label.setText(self.tr("Nothing due."))
        else:
            self.status_label.setText(
                self.tr("{count} reminder(s), {overdue} overdue.").format(
                    count=len(shown), overdue=overdue
                )
            )

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        reminder = self.model.reminder(index.row())
        if reminder.household_id is not None:
            if rules.kind_of(reminder.code) == rules.KIND_ARREARS:
                self.open_account.emit(reminder.household_id)
            else:
                self.open_household.emit(reminder.household_id)
            return
        self._dialogs.inform(
            self,
            self.tr("Reminder"),
            self.tr("{text}\nSee the dwelling {reference} in the Housing screen.").format(
                text=reminder.text, reference=reminder.dwelling_reference or ""
            ),
        )
