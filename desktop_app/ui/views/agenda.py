"""Agenda: every reminder of DOMAIN §7 and the manual to-dos, as a list and as a week.

The reminders are computed by `services.reminders` on the read worker (to-dos included); the
list and the week show the same reading. « Mon agenda » keeps the actor's own work (their
caseload, the contacts and measures they hold, the to-dos for them); « Équipe » shows what
the actor sees of the team's, for those who see more than their caseload. Late work is in
bold and says « En retard » in words, never by colour alone. Enter or a double click on an
item of a household opens its file. « Nouveau à faire… » notes a to-do (for the selected
item's household by default), « Fait » ticks the selected to-do, « Noter un contact… » logs a
contact with the selected item's household (`dialogs.contact.ContactDialog`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
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
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import reminders as rules
from desktop_app.domain.errors import KnownError
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.progress import TaskControl
from desktop_app.services.reminders import ReminderInfo, list_reminders
from desktop_app.services.system import Workspace
from desktop_app.services.todos import TodoInfo, complete_todo
from desktop_app.ui.dialogs.contact import ContactDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.dialogs.todo import SEPARATOR, TodoDialog
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.base import SectionView

Index = QModelIndex | QPersistentModelIndex

_LIST = "AgendaTableModel"
_WEEK = "AgendaWeekModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("AgendaTableModel", "Date"),
    QT_TRANSLATE_NOOP("AgendaTableModel", "Status"),
    QT_TRANSLATE_NOOP("AgendaTableModel", "Kind"),
    QT_TRANSLATE_NOOP("AgendaTableModel", "Household"),
    QT_TRANSLATE_NOOP("AgendaTableModel", "What to do"),
    QT_TRANSLATE_NOOP("AgendaTableModel", "Worker"),
)
DATE, STATUS, KIND, HOUSEHOLD, WHAT, WORKER = range(len(_HEADERS))
_WHAT_WIDTH = 380  # pixels; the whole text is in the tooltip
_OVERDUE = QT_TRANSLATE_NOOP("AgendaTableModel", "Overdue")
_TODAY = QT_TRANSLATE_NOOP("AgendaTableModel", "Today")
_SOON = QT_TRANSLATE_NOOP("AgendaTableModel", "Coming")
_DWELLING = QT_TRANSLATE_NOOP("AgendaTableModel", "Dwelling {reference}")
_PERSONAL = QT_TRANSLATE_NOOP("AgendaTableModel", "Personal")
_KINDS = {
    rules.KIND_APPOINTMENT: QT_TRANSLATE_NOOP("AgendaTableModel", "Appointment"),
    rules.KIND_REVIEW: QT_TRANSLATE_NOOP("AgendaTableModel", "Review"),
    rules.KIND_MEASURE: QT_TRANSLATE_NOOP("AgendaTableModel", "Measure end"),
    rules.KIND_TODO: QT_TRANSLATE_NOOP("AgendaTableModel", "To-do"),
    rules.KIND_SLIDING: QT_TRANSLATE_NOOP("AgendaTableModel", "Sliding lease"),
    rules.KIND_CONTRACT: QT_TRANSLATE_NOOP("AgendaTableModel", "Contract renewal"),
    rules.KIND_PERMIT: QT_TRANSLATE_NOOP("AgendaTableModel", "Residence permit"),
    rules.KIND_INSURANCE: QT_TRANSLATE_NOOP("AgendaTableModel", "Home insurance"),
    rules.KIND_MAIN_LEASE: QT_TRANSLATE_NOOP("AgendaTableModel", "Main lease"),
    rules.KIND_ARREARS: QT_TRANSLATE_NOOP("AgendaTableModel", "Rent arrears"),
    rules.KIND_ADMISSION: QT_TRANSLATE_NOOP("AgendaTableModel", "Admission"),
    rules.KIND_REHOUSING: QT_TRANSLATE_NOOP("AgendaTableModel", "Rehousing"),
}
_DAYS = (
    QT_TRANSLATE_NOOP("AgendaWeekModel", "Mon"),
    QT_TRANSLATE_NOOP("AgendaWeekModel", "Tue"),
    QT_TRANSLATE_NOOP("AgendaWeekModel", "Wed"),
    QT_TRANSLATE_NOOP("AgendaWeekModel", "Thu"),
    QT_TRANSLATE_NOOP("AgendaWeekModel", "Fri"),
    QT_TRANSLATE_NOOP("AgendaWeekModel", "Sat"),
    QT_TRANSLATE_NOOP("AgendaWeekModel", "Sun"),
)
_DAY_HEADER = QT_TRANSLATE_NOOP("AgendaWeekModel", "{day} {date}")
_TODAY_HEADER = QT_TRANSLATE_NOOP("AgendaWeekModel", "{day} {date} (today)")
_LATE_ITEM = QT_TRANSLATE_NOOP("AgendaWeekModel", "Overdue since {date}")


def _translate(context: str, text: object) -> str:
    return QCoreApplication.translate(context, str(text))


def kind_label(reminder: ReminderInfo) -> str:
    """The kind of work, translated (Appointment, Review, To-do…)."""
    return _translate(_LIST, _KINDS[rules.kind_of(reminder.code)])


def household_label(reminder: ReminderInfo) -> str:
    """The household (reference — head), the dwelling for the stock, or « Personal »."""
    if reminder.household_id is None:
        if reminder.dwelling_reference is not None:
            return _translate(_LIST, _DWELLING).format(reference=reminder.dwelling_reference)
        return _translate(_LIST, _PERSONAL)
    reference = reminder.household_reference or ""
    return f"{reference}{SEPARATOR}{reminder.head}" if reminder.head else reference


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class AgendaTableModel(QAbstractTableModel):
    """The agenda as a list, in the service's order (due date first); replaced as a whole.

    The status is written out (Overdue, Today, Coming); overdue rows are also in bold.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ReminderInfo] = []
        self._today = date.today()

    def set_rows(self, rows: Sequence[ReminderInfo], today: date) -> None:
        """Show these reminders, as read on ``today``."""
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def reminder(self, row: int) -> ReminderInfo:
        """The reminder on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per reminder (a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Date, status, kind, household, what to do, worker."""
        return 0 if parent.isValid() else len(_HEADERS)

    def status(self, reminder: ReminderInfo) -> str:
        """Overdue, Today or Coming, in words."""
        if reminder.overdue:
            return _translate(_LIST, _OVERDUE)
        if reminder.due == self._today:
            return _translate(_LIST, _TODAY)
        return _translate(_LIST, _SOON)

    def _text(self, reminder: ReminderInfo, column: int) -> str:
        if column == DATE:
            return format_date(reminder.due)
        if column == STATUS:
            return self.status(reminder)
        if column == KIND:
            return kind_label(reminder)
        if column == HOUSEHOLD:
            return household_label(reminder)
        if column == WHAT:
            return reminder.text
        return reminder.worker or ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text (also as tooltip); overdue rows in bold."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        reminder = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(reminder, index.column())
        if role == Qt.ItemDataRole.FontRole and reminder.overdue:
            return _bold()
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
            return _translate(_LIST, _HEADERS[section])
        return None


class AgendaWeekModel(QAbstractTableModel):
    """One week, Monday to Sunday: a column per day, the day's reminders one under the other.

    Each reminder sits on its day (`domain.reminders.week_column`: in the week of today, the
    work overdue since an earlier week sits on today). Today's column says « (today) » in its
    title, in bold; an overdue item starts with « Overdue » and is in bold.
    """

    def __init__(self) -> None:
        super().__init__()
        self._today = date.today()
        self._days = rules.week_days(self._today)
        self._columns: list[list[ReminderInfo]] = [[] for _ in self._days]

    def set_week(self, rows: Sequence[ReminderInfo], day: date, today: date) -> None:
        """Show the week of ``day`` with these reminders, read on ``today``."""
        self.beginResetModel()
        self._today = today
        self._days = rules.week_days(day)
        self._columns = [[] for _ in self._days]
        for reminder in rows:
            column = rules.week_column(reminder.due, self._days[0], today)
            if column is not None:
                self._columns[column].append(reminder)
        self.endResetModel()

    @property
    def days(self) -> tuple[date, ...]:
        """The seven days shown."""
        return self._days

    def item(self, row: int, column: int) -> ReminderInfo | None:
        """The reminder in a cell, None for an empty cell."""
        if not 0 <= column < len(self._columns):
            return None
        items = self._columns[column]
        return items[row] if 0 <= row < len(items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """As many rows as the busiest day has reminders."""
        if parent.isValid():
            return 0
        return max((len(items) for items in self._columns), default=0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The seven days."""
        return 0 if parent.isValid() else len(self._days)

    def _text(self, reminder: ReminderInfo, column: int) -> str:
        lines = []
        if reminder.overdue:
            late = _translate(_LIST, _OVERDUE)
            if self._days[column] != reminder.due:  # overdue since an earlier week
                late = _translate(_WEEK, _LATE_ITEM).format(date=format_date(reminder.due))
            lines.append(late)
        where = household_label(reminder)
        if reminder.household_reference is not None:
            where = reminder.household_reference  # the head's name is in the list and tooltip
        lines.append(f"{kind_label(reminder)} · {where}")
        lines.append(reminder.text)
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The item's kind, household and text; overdue ones in bold."""
        if not index.isValid():
            return None
        reminder = self.item(index.row(), index.column())
        if reminder is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(reminder, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{household_label(reminder)}\n{reminder.text}"
        if role == Qt.ItemDataRole.FontRole and reminder.overdue:
            return _bold()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The day and its date; today's says so, in bold."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._days):
            return None
        day = self._days[section]
        if role == Qt.ItemDataRole.DisplayRole:
            template = _TODAY_HEADER if day == self._today else _DAY_HEADER
            return _translate(_WEEK, template).format(
                day=_translate(_WEEK, _DAYS[section]), date=day.strftime("%d/%m")
            )
        if role == Qt.ItemDataRole.FontRole and day == self._today:
            return _bold()
        return None


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    return table


class AgendaView(SectionView):
    """The agenda of the user or of the team, as a list and as a week, with the to-dos.

    It is read when first shown (or by `load`); a to-do written or ticked reads it again.
    The week view reads further ahead when a later week is shown.

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
        self._shown: list[ReminderInfo] = []
        self._running: TaskHandle | None = None
        self._fixed_today: date | None = None
        self._today = date.today()
        self._monday = rules.week_start(self._today)
        self._horizon: int | None = None  # of the last reading
        self.todo_dialog: TodoDialog | None = None
        self.contact_dialog: ContactDialog | None = None
        self._notes_todos = may_ever(workspace.actor, "todo.edit")
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        self.tabs = QTabWidget()
        self.list_model = AgendaTableModel()
        self.list_table = _table(self.tr("Agenda list"))
        self.list_table.setModel(self.list_model)
        self.list_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_table.horizontalHeader().setStretchLastSection(True)
        self.list_table.setWordWrap(False)
        self.list_table.activated.connect(self._list_activated)
        self.list_table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tabs.addTab(self.list_table, self.tr("&List"))
        self.tabs.addTab(self._week_page(), self.tr("&Week"))
        self.tabs.currentChanged.connect(lambda _index: self._selection_changed())
        layout.addWidget(self.tabs, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

    def _toolbar(self) -> QHBoxLayout:
        actor = self._workspace.actor
        row = QHBoxLayout()
        self.title_label = QLabel(self.tr("Agenda"))
        self.title_label.setFont(_bold())
        row.addWidget(self.title_label)
        row.addStretch(1)
        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName(self.tr("Whose agenda"))
        self.scope_combo.addItem(self.tr("My agenda"), "mine")
        self.scope_combo.addItem(self.tr("Team"), "team")
        self.scope_combo.setVisible(rules.sees_team(actor) and actor.user_id is not None)
        self.scope_combo.currentIndexChanged.connect(self._show_filtered)
        row.addWidget(self.scope_combo)
        self.new_todo_button = QPushButton(self.tr("&New to-do…"))
        self.new_todo_button.setAccessibleName(self.tr("Note a new to-do"))
        self.new_todo_button.setVisible(self._notes_todos)
        self.new_todo_button.clicked.connect(self.ask_new_todo)
        row.addWidget(self.new_todo_button)
        self.done_button = QPushButton(self.tr("&Done"))
        self.done_button.setAccessibleName(self.tr("Tick the selected to-do as done"))
        self.done_button.setVisible(self._notes_todos)
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.mark_done)
        row.addWidget(self.done_button)
        self.contact_button = QPushButton(self.tr("&Log a contact…"))
        self.contact_button.setAccessibleName(
            self.tr("Log a contact with the selected item's household")
        )
        self.contact_button.setVisible(may_ever(actor, "support.write"))
        self.contact_button.setEnabled(False)
        self.contact_button.clicked.connect(self.ask_contact)
        row.addWidget(self.contact_button)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the agenda"))
        self.refresh_button.clicked.connect(self.refresh)
        row.addWidget(self.refresh_button)
        return row

    def _week_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        row = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ &Previous week"))
        self.previous_button.setAccessibleName(self.tr("Previous week"))
        self.this_week_button = QPushButton(self.tr("T&his week"))
        self.next_button = QPushButton(self.tr("Ne&xt week ▶"))
        self.next_button.setAccessibleName(self.tr("Next week"))
        self.week_label = QLabel()
        self.week_label.setFont(_bold())
        row.addWidget(self.previous_button)
        row.addWidget(self.this_week_button)
        row.addWidget(self.next_button)
        row.addSpacing(12)
        row.addWidget(self.week_label, 1)
        column.addLayout(row)
        self.week_model = AgendaWeekModel()
        self.week_table = _table(self.tr("Agenda week"))
        self.week_table.setModel(self.week_model)
        self.week_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.week_table.setWordWrap(True)
        self.week_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.week_table.activated.connect(self._week_activated)
        self.week_table.selectionModel().selectionChanged.connect(self._selection_changed)
        column.addWidget(self.week_table, 1)
        self.previous_button.clicked.connect(lambda: self.show_week(self._monday, -7))
        self.this_week_button.clicked.connect(lambda: self.show_week(self._today))
        self.next_button.clicked.connect(lambda: self.show_week(self._monday, 7))
        return page

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Agenda")

    # -------------------------------------------------------------- reading

    def showEvent(self, event: QShowEvent) -> None:
        """Read the agenda the first time it is shown."""
        super().showEvent(event)
        if self._horizon is None and self._running is None:
            self.load()

    def refresh(self) -> None:
        """Read the agenda again (as of the same day when one was given to `load`)."""
        self.load(self._fixed_today)

    def load(self, today: date | None = None) -> None:
        """Read the reminders and to-dos up to the end of the week shown, on ``today``."""
        if self._running is not None:
            self._running.cancel()
        if today is not None:
            if today != self._fixed_today:
                self._monday = rules.week_start(today)
            self._fixed_today = today
        day = self._fixed_today or date.today()
        self._today = day
        horizon = rules.horizon_for_week(self._monday, day)
        workspace = self._workspace

        def job(control: TaskControl) -> list[ReminderInfo]:
            control.checkpoint()
            return list_reminders(
                workspace.database,
                actor=workspace.actor,
                today=day,
                horizon_days=horizon,
                todos=True,
            )

        self.status_label.setText(self.tr("Loading the agenda…"))
        self._horizon = horizon
        self._running = self._tasks.read(
            job, name="agenda", on_done=self._loaded, on_error=self._failed
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
        self._shown = [r for r in self._all if r.in_caseload or not mine]
        self.list_model.set_rows(self._shown, self._today)
        self.list_table.resizeColumnsToContents()
        if self.list_table.columnWidth(WHAT) > _WHAT_WIDTH:  # the worker stays in sight
            self.list_table.setColumnWidth(WHAT, _WHAT_WIDTH)
        self._show_week()
        overdue = sum(1 for r in self._shown if r.overdue)
        if not self._shown:
            self.status_label.setText(self.tr("Nothing to do."))
        else:
            self.status_label.setText(
                self.tr("{count} item(s), {overdue} overdue.").format(
                    count=len(self._shown), overdue=overdue
                )
            )
        self._selection_changed()

    # -------------------------------------------------------------- the week

    def show_week(self, day: date, shift_days: int = 0) -> None:
        """Show the week of ``day`` moved by ``shift_days`` (reading further ahead if needed)."""
        self._monday = rules.week_start(day + timedelta(days=shift_days))
        if self._horizon is not None and rules.horizon_for_week(self._monday, self._today) > (
            self._horizon
        ):
            self.load(self._fixed_today)
        self._show_week()

    def _show_week(self) -> None:
        self.week_model.set_week(self._shown, self._monday, self._today)
        days = self.week_model.days
        self.week_label.setText(
            self.tr("Week from {first} to {last}").format(
                first=format_date(days[0]), last=format_date(days[-1])
            )
        )
        self.week_table.resizeRowsToContents()
        self._selection_changed()

    # -------------------------------------------------------------- selection and actions

    def selected(self) -> ReminderInfo | None:
        """The item selected in the tab shown (list or week), if any."""
        if self.tabs.currentIndex() == 0:
            rows = self.list_table.selectionModel().selectedRows()
            return self.list_model.reminder(rows[0].row()) if rows else None
        cells = self.week_table.selectionModel().selectedIndexes()
        if not cells:
            return None
        return self.week_model.item(cells[0].row(), cells[0].column())

    def _selection_changed(self) -> None:
        item = self.selected()
        self.done_button.setEnabled(item is not None and item.record == rules.TODO_RECORD)
        self.contact_button.setEnabled(item is not None and item.household_id is not None)

    def _open(self, reminder: ReminderInfo | None) -> None:
        if reminder is None:
            return
        if reminder.household_id is not None:
            if rules.kind_of(reminder.code) == rules.KIND_ARREARS:
                self.open_account.emit(reminder.household_id)
            else:
                self.open_household.emit(reminder.household_id)
            return
        if reminder.dwelling_reference is not None:
            self._dialogs.inform(
                self,
                self.tr("Agenda"),
                self.tr("{text}\nSee the dwelling {reference} in the Housing screen.").format(
                    text=reminder.text, reference=reminder.dwelling_reference
                ),
            )

    def _list_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open(self.list_model.reminder(index.row()))

    def _week_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open(self.week_model.item(index.row(), index.column()))

    def _households(self) -> list[tuple[int, str]]:
        """The households of the agenda, for the to-do dialog's list."""
        found: dict[int, str] = {}
        for reminder in self._all:
            if reminder.household_id is not None:
                found.setdefault(reminder.household_id, household_label(reminder))
        return sorted(found.items(), key=lambda item: item[1])

    def ask_new_todo(self) -> TodoDialog:
        """Open the form of a new to-do (non-blocking), for the selected item's household."""
        item = self.selected()
        dialog = TodoDialog(
            self._workspace,
            tasks=self._tasks,
            dialogs=self._dialogs,
            households=self._households(),
            household_id=item.household_id if item is not None else None,
            today=self._today,
            parent=self,
        )
        dialog.saved.connect(lambda _todo: self.refresh())
        dialog.open()
        self.todo_dialog = dialog
        return dialog

    def ask_contact(self) -> ContactDialog | None:
        """Log a contact with the selected item's household (non-blocking)."""
        item = self.selected()
        if item is None or item.household_id is None:
            self._dialogs.inform(
                self, self.tr("Agenda"), self.tr("Select an item of a household first.")
            )
            return None
        dialog = ContactDialog(
            self._workspace,
            item.household_id,
            tasks=self._tasks,
            dialogs=self._dialogs,
            parent=self,
        )
        dialog.saved.connect(lambda _contact: self.refresh())
        dialog.open()
        self.contact_dialog = dialog
        return dialog

    def mark_done(self) -> None:
        """Tick the selected to-do as done today; it leaves the agenda."""
        item = self.selected()
        if item is None or item.record != rules.TODO_RECORD or item.version is None:
            self._dialogs.inform(self, self.tr("Agenda"), self.tr("Select a to-do first."))
            return
        ws, todo_id, version, today = self._workspace, item.record_id, item.version, self._today

        def job(_control: TaskControl) -> TodoInfo:
            return complete_todo(
                ws.database, actor=ws.actor, todo_id=todo_id, version=version, today=today
            )

        self.done_button.setEnabled(False)
        self._tasks.write(
            job, name="todo-done", on_done=lambda _todo: self.refresh(), on_error=self._refused
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Agenda"), error.text)
            self.refresh()
            return
        raise error
