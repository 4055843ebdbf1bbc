"""Pension de famille: the residents of a house, its collective activities and its liaison book.

The residence is chosen at the top (a host sees their own house only) with the day the lists
are read for. Three tabs: Residents (house rules signed, who is away, declared guests, with the
Absence… and Guest… actions), Activities of the day's month (« Collective activity… » with
attendance ticked in bulk, « Attendance… » to correct it) and the liaison book of the last three
months (« Write… »). Actions show only to those who may record the house's life; every read and
write goes through the task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.periods import Period, add_months, format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.vocabulary import ABSENCE_KIND, ACTIVITY_KIND
from desktop_app.services.residence_life import (
    ActivityInfo,
    ActivityList,
    LiaisonInfo,
    ResidenceChoice,
    ResidentInfo,
    ResidentsList,
    end_absence,
    end_guest,
    residences,
)
from desktop_app.services.residence_life import activities as list_activities
from desktop_app.services.residence_life import liaison as list_liaison
from desktop_app.services.residence_life import residents as list_residents
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, day_of, qdate
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.dialogs.residence import (
    AbsenceDialog,
    ActivityDialog,
    EndDateDialog,
    GuestDialog,
    LiaisonDialog,
)
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.base import SectionView

LIAISON_MONTHS = 3


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


class ResidenceView(SectionView):
    """« Pension de famille »: residents, activities and liaison book of the chosen house."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._tasks, self._dialogs, self._today = workspace, tasks, dialogs, today
        self._choices: list[ResidenceChoice] = []
        self.listed: ResidentsList | None = None
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.residence_combo = QComboBox()
        self.residence_combo.setAccessibleName(self.tr("Residence"))
        self.day_edit = QDateEdit(qdate(today()))
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setAccessibleName(self.tr("Day shown"))
        residence_label = QLabel(self.tr("&Residence"))
        residence_label.setBuddy(self.residence_combo)
        day_label = QLabel(self.tr("&On"))
        day_label.setBuddy(self.day_edit)
        top.addWidget(residence_label)
        top.addWidget(self.residence_combo, 1)
        top.addWidget(day_label)
        top.addWidget(self.day_edit)
        layout.addLayout(top)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setVisible(False)
        layout.addWidget(self.status_label)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._residents_page(), self.tr("Residents"))
        self.tabs.addTab(self._activities_page(), self.tr("Activities"))
        self.tabs.addTab(self._liaison_page(), self.tr("Liaison book"))
        self._show_actions(False)
        self.residence_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.load()

    # -------------------------------------------------------------- pages

    def _residents_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.residents_model: DtoTableModel[ResidentInfo] = DtoTableModel(
            [
                (self.tr("Dwelling"), lambda r: r.dwelling),
                (self.tr("Household"), lambda r: r.reference),
                (self.tr("Residents"), lambda r: r.names),
                (self.tr("Since"), lambda r: format_date(r.since)),
                (
                    self.tr("House rules signed"),
                    lambda r: self.tr("Yes") if r.house_rules_signed else self.tr("No"),
                ),
                (self.tr("Away"), self._absence_text),
                (self.tr("Guests"), self._guests_text),
            ]
        )
        self.residents_table = _table(self.residents_model, self.tr("Residents"))
        column.addWidget(self.residents_table, 1)
        row = QHBoxLayout()
        self.absence_button = QPushButton(self.tr("Absence…"))
        self.end_absence_button = QPushButton(self.tr("Back from absence…"))
        self.guest_button = QPushButton(self.tr("Guest…"))
        self.end_guest_button = QPushButton(self.tr("Guest leaves…"))
        for button in (
            self.absence_button,
            self.end_absence_button,
            self.guest_button,
            self.end_guest_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.absence_button.clicked.connect(self.ask_absence)
        self.end_absence_button.clicked.connect(self.ask_end_absence)
        self.guest_button.clicked.connect(self.ask_guest)
        self.end_guest_button.clicked.connect(self.ask_end_guest)
        return page

    def _activities_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.activities_label = QLabel()
        column.addWidget(self.activities_label)
        self.activities_model: DtoTableModel[ActivityInfo] = DtoTableModel(
            [
                (self.tr("Date"), lambda a: format_date(a.held_on)),
                (self.tr("Kind"), lambda a: ACTIVITY_KIND.label(a.kind)),
                (self.tr("Title"), lambda a: a.title),
                (self.tr("Led by"), lambda a: a.host or ""),
                (self.tr("Attendance"), self._attendance_text),
                (self.tr("Present"), lambda a: ", ".join(p.name for p in a.attendees)),
            ]
        )
        self.activities_table = _table(self.activities_model, self.tr("Activities of the month"))
        column.addWidget(self.activities_table, 1)
        row = QHBoxLayout()
        self.activity_button = QPushButton(self.tr("Collective activity…"))
        self.attendance_button = QPushButton(self.tr("Attendance…"))
        row.addWidget(self.activity_button)
        row.addWidget(self.attendance_button)
        row.addStretch(1)
        column.addLayout(row)
        self.activity_button.clicked.connect(self.ask_activity)
        self.attendance_button.clicked.connect(self.ask_attendance)
        self.activities_table.activated.connect(lambda _i: self.ask_attendance())
        return page

    def _liaison_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.liaison_label = QLabel()
        column.addWidget(self.liaison_label)
        self.liaison_model: DtoTableModel[LiaisonInfo] = DtoTableModel(
            [
                (
                    self.tr("Written"),
                    lambda e: e.written_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                ),
                (self.tr("By"), lambda e: e.author or ""),
                (self.tr("About"), lambda e: ", ".join(t.name for t in e.tags)),
                (self.tr("Message"), lambda e: e.text),
            ]
        )
        self.liaison_table = _table(self.liaison_model, self.tr("Liaison book"))
        self.liaison_table.setWordWrap(True)
        column.addWidget(self.liaison_table, 1)
        row = QHBoxLayout()
        self.write_button = QPushButton(self.tr("Write…"))
        row.addWidget(self.write_button)
        row.addStretch(1)
        column.addLayout(row)
        self.write_button.clicked.connect(self.ask_write)
        return page

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Boarding house")

    # -------------------------------------------------------------- texts

    def _absence_text(self, resident: ResidentInfo) -> str:
        return "; ".join(
            self.tr("{person}: {kind} since {start}").format(
                person=a.person, kind=ABSENCE_KIND.label(a.kind), start=format_date(a.start)
            )
            for a in resident.absences
        )

    def _guests_text(self, resident: ResidentInfo) -> str:
        return "; ".join(
            self.tr("{name} until {end}").format(
                name=g.guest_name, end=format_date(g.end) if g.end else "…"
            )
            for g in resident.guests
        )

    def _attendance_text(self, activity: ActivityInfo) -> str:
        if activity.named:
            return self.tr("{count} named").format(count=activity.count)
        return self.tr("{count} (head count)").format(count=activity.count)

    # -------------------------------------------------------------- reading

    @property
    def day(self) -> date:
        """The day the lists are read for."""
        return day_of(self.day_edit)

    def residence(self) -> ResidenceChoice | None:
        """The residence chosen, if any."""
        index = self.residence_combo.currentIndex()
        return self._choices[index] if 0 <= index < len(self._choices) else None

    def load(self) -> None:
        """Read the residences the actor may see, then the chosen one's lists."""
        ws = self._workspace
        self._tasks.read(
            lambda _c: residences(ws.database, actor=ws.actor),
            name="residences",
            on_done=self._show_residences,
            on_error=self._refused,
        )

    def _show_residences(self, choices: list[ResidenceChoice]) -> None:
        wanted = self.residence()
        self._choices = list(choices)
        self.residence_combo.blockSignals(True)
        self.residence_combo.clear()
        for choice in choices:
            self.residence_combo.addItem(choice.name, choice.residence_id)
        if wanted is not None:
            self.residence_combo.setCurrentIndex(
                max(self.residence_combo.findData(wanted.residence_id), 0)
            )
        self.residence_combo.blockSignals(False)
        if not choices:
            self._say(self.tr("No residence to show."))
        self.refresh()

    def refresh(self) -> None:
        """Read the residents, the month's activities and the liaison book again."""
        choice = self.residence()
        self.listed = None
        self._show_actions(False)
        if choice is None:
            self.residents_model.set_rows([])
            self.activities_model.set_rows([])
            self.liaison_model.set_rows([])
            return
        self._say("")
        ws, rid, day, today = self._workspace, choice.residence_id, self.day, self._today()
        month = Period.month(day.year, day.month)
        recent = Period(add_months(day, -LIAISON_MONTHS), day)
        self._tasks.read(
            lambda _c: list_residents(ws.database, actor=ws.actor, residence_id=rid, on=day),
            name="residents",
            on_done=self._show_residents,
            on_error=self._refused,
        )
        self._tasks.read(
            lambda _c: list_activities(ws.database, actor=ws.actor, residence_id=rid, period=month),
            name="activities",
            on_done=self._show_activities,
            on_error=self._refused,
        )
        self._tasks.read(
            lambda _c: list_liaison(
                ws.database, actor=ws.actor, residence_id=rid, period=recent, today=today
            ),
            name="liaison",
            on_done=lambda entries: self._show_liaison(entries, recent),
            on_error=self._refused,
        )

    def _show_residents(self, listed: ResidentsList) -> None:
        choice = self.residence()
        if choice is None or choice.residence_id != listed.residence_id:
            return  # another residence was chosen meanwhile
        self.listed = listed
        self.residents_model.set_rows(listed.residents)
        self.residents_table.resizeColumnsToContents()
        self._show_actions(choice.may_edit)

    def _show_activities(self, month: ActivityList) -> None:
        self.activities_model.set_rows(month.activities)
        self.activities_label.setText(
            self.tr(
                "{month}: {count} activity(ies), {participations} participation(s), "
                "{participants} resident(s) named."
            ).format(
                month=month.period.start.strftime("%m/%Y"),
                count=len(month.activities),
                participations=month.participations,
                participants=month.participants,
            )
        )

    def _show_liaison(self, entries: list[LiaisonInfo], period: Period) -> None:
        self.liaison_model.set_rows(entries)
        self.liaison_table.resizeRowsToContents()
        self.liaison_label.setText(
            self.tr("From {start} to {end}: {count} message(s).").format(
                start=format_date(period.start), end=format_date(period.end), count=len(entries)
            )
        )

    def _show_actions(self, editable: bool) -> None:
        for button in (
            self.absence_button,
            self.end_absence_button,
            self.guest_button,
            self.end_guest_button,
            self.activity_button,
            self.write_button,
        ):
            button.setVisible(editable)
        attendance = editable or may_ever(self._workspace.actor, "collective.attendance")
        self.attendance_button.setVisible(attendance and self.listed is not None)

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._say("⚠ " + error.text)
            return
        raise error

    # -------------------------------------------------------------- actions

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(lambda _result: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def _selected_resident(self) -> ResidentInfo | None:
        row = _selected_row(self.residents_table)
        if row is None:
            self._dialogs.inform(self, self.tr("Residents"), self.tr("Select a household first."))
            return None
        return self.residents_model.row(row)

    def ask_activity(self) -> FormDialog | None:
        """« Collective activity… »: record one with its attendance ticked in bulk."""
        if self.listed is None:
            return None
        dialog = ActivityDialog(
            self._workspace, self.listed, tasks=self._tasks, today=self._today(), parent=self
        )
        return self._open(dialog)

    def ask_attendance(self) -> FormDialog | None:
        """Correct the attendance of the selected activity."""
        row = _selected_row(self.activities_table)
        if row is None or self.listed is None:
            self._dialogs.inform(self, self.tr("Activities"), self.tr("Select an activity first."))
            return None
        activity = self.activities_model.row(row)
        dialog = ActivityDialog(
            self._workspace,
            self.listed,
            tasks=self._tasks,
            today=self._today(),
            activity=activity,
            parent=self,
        )
        return self._open(dialog)

    def ask_write(self) -> FormDialog | None:
        """« Write… » in the liaison book."""
        if self.listed is None:
            return None
        return self._open(
            LiaisonDialog(self._workspace, self.listed, tasks=self._tasks, parent=self)
        )

    def ask_absence(self) -> FormDialog | None:
        """Record an absence of a member of the selected household."""
        resident = self._selected_resident()
        if resident is None or self.listed is None:
            return None
        return self._open(
            AbsenceDialog(self._workspace, self.listed, resident, tasks=self._tasks, parent=self)
        )

    def ask_end_absence(self) -> FormDialog | None:
        """Set the last day of the selected household's current absence."""
        resident = self._selected_resident()
        if resident is None:
            return None
        if not resident.absences:
            self._dialogs.inform(
                self, self.tr("Absence"), self.tr("Nobody of this household is away.")
            )
            return None
        absence = resident.absences[0]
        ws = self._workspace

        def save(end: date) -> object:
            return end_absence(
                ws.database,
                actor=ws.actor,
                absence_id=absence.absence_id,
                version=absence.version,
                end=end,
            )

        intro = self.tr("{person}, away since {start}.").format(
            person=absence.person, start=format_date(absence.start)
        )
        dialog = EndDateDialog(
            self.tr("Back from absence"), intro, self.day, save, tasks=self._tasks, parent=self
        )
        return self._open(dialog)

    def ask_guest(self) -> FormDialog | None:
        """Declare a guest of the selected household."""
        resident = self._selected_resident()
        if resident is None or self.listed is None:
            return None
        return self._open(
            GuestDialog(self._workspace, self.listed, resident, tasks=self._tasks, parent=self)
        )

    def ask_end_guest(self) -> FormDialog | None:
        """Change the last day of the selected household's guest."""
        resident = self._selected_resident()
        if resident is None:
            return None
        if not resident.guests:
            self._dialogs.inform(self, self.tr("Guest"), self.tr("This household has no guest."))
            return None
        guest = resident.guests[0]
        ws = self._workspace

        def save(end: date) -> object:
            return end_guest(
                ws.database, actor=ws.actor, guest_id=guest.guest_id, version=guest.version, end=end
            )

        intro = self.tr("{name}, here since {start}.").format(
            name=guest.guest_name, start=format_date(guest.start)
        )
        dialog = EndDateDialog(
            self.tr("Guest leaves"), intro, self.day, save, tasks=self._tasks, parent=self
        )
        return self._open(dialog)

    def set_day(self, day: date) -> None:
        """Show the lists of ``day`` (the screenshots and tests pick a fixed day)."""
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
