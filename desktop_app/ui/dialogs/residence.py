"""The forms of a pension de famille's life: activity and attendance, liaison entry, events.

Attendance is ticked in bulk: « All present » and « None » set every box at once, a box per
resident corrects it, and the whole list is saved by one service call. Health-related
activities start with a head count (`residence_life.default_attendance`). Every form saves with
one service call through the write worker; what the service refuses is shown under the field it
concerns and what was typed stays in place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.vocabulary import ABSENCE_KIND, ACTIVITY_KIND
from desktop_app.services.residence_life import (
    HEAD_COUNT,
    HEAD_COUNT_MAX,
    ActivityInfo,
    HostInfo,
    ResidentInfo,
    ResidentsList,
    declare_guest,
    default_attendance,
    record_absence,
    record_activity,
    update_attendance,
    write_liaison,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import (
    FormDialog,
    OptionalDateEdit,
    date_edit,
    day_of,
    vocabulary_combo,
)
from desktop_app.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ResidentChoice:
    """A resident offered in a check list (attendance, liaison tags, absences)."""

    person_id: int
    name: str
    household: str  # the household's reference


def resident_choices(listed: ResidentsList) -> list[ResidentChoice]:
    """Every person living in the house on the list's day, household by household."""
    return [
        ResidentChoice(person.person_id, person.name, resident.reference)
        for resident in listed.residents
        for person in resident.persons
    ]


# ------------------------------------------------------------------ the check list


class CheckListTableModel(QAbstractTableModel):
    """Residents with a check box each (column 0), and their household (column 1)."""

    def __init__(self, choices: Sequence[ResidentChoice] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self._choices = list(choices)
        self._checked: set[int] = set()

    def set_choices(self, choices: Sequence[ResidentChoice]) -> None:
        """Replace the residents; the boxes of those still listed stay as they were."""
        self.beginResetModel()
        self._choices = list(choices)
        self._checked &= {choice.person_id for choice in self._choices}
        self.endResetModel()

    def choice(self, row: int) -> ResidentChoice:
        """The resident on a row."""
        return self._choices[row]

    def checked_ids(self) -> list[int]:
        """The person ids ticked, in the list's order."""
        return [c.person_id for c in self._choices if c.person_id in self._checked]

    def set_checked(self, person_ids: Collection[int]) -> None:
        """Tick exactly ``person_ids`` (the others are unticked)."""
        self._checked = {c.person_id for c in self._choices if c.person_id in set(person_ids)}
        self._changed_all()

    def set_all(self, checked: bool) -> None:
        """Tick every resident, or none (« All present » / « None »)."""
        self._checked = {c.person_id for c in self._choices} if checked else set()
        self._changed_all()

    def _changed_all(self) -> None:
        if self._choices:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._choices) - 1, 0),
                [Qt.ItemDataRole.CheckStateRole],
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Qt: one row per resident."""
        return 0 if parent.isValid() else len(self._choices)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Qt: the resident (with the box), the household."""
        return 0 if parent.isValid() else 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt: the first column is checkable."""
        base = super().flags(index)
        if index.isValid() and index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Qt: names, households and check states."""
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        choice = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return choice.name if index.column() == 0 else choice.household
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            ticked = choice.person_id in self._checked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Qt: a box ticked or unticked by the user."""
        if (
            not index.isValid()
            or index.column() != 0
            or role != Qt.ItemDataRole.CheckStateRole
            or not 0 <= index.row() < len(self._choices)
        ):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        person_id = self._choices[index.row()].person_id
        if state == Qt.CheckState.Checked:
            self._checked.add(person_id)
        else:
            self._checked.discard(person_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Qt: the column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Resident"), self.tr("Household"))[section]
        return None


class CheckList(QWidget):
    """A check list of residents with « All present » and « None » above it."""

    def __init__(
        self,
        choices: Sequence[ResidentChoice],
        name: str,
        *,
        all_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.all_button = QPushButton(all_text)
        self.none_button = QPushButton(self.tr("None"))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        column.addLayout(row)
        self.model = CheckListTableModel(choices, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(name)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(160)
        column.addWidget(self.table)
        self.all_button.clicked.connect(lambda: self.model.set_all(True))
        self.none_button.clicked.connect(lambda: self.model.set_all(False))
        self.setFocusProxy(self.table)


# ------------------------------------------------------------------ activities


class ActivityDialog(FormDialog):
    """« Collective activity… »: date, kind, title, host, and attendance ticked in bulk.

    With ``activity`` given, only its attendance changes (``update_attendance``).
    """

    def __init__(
        self,
        workspace: Workspace,
        listed: ResidentsList,
        *,
        tasks: TaskRunner,
        today: date,
        activity: ActivityInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Collective activity")
            if activity is None
            else self.tr("Attendance: {title}").format(title=activity.title)
        )
        super().__init__(title, parent, tasks=tasks, width=560)
        self._workspace, self._listed, self._today = workspace, listed, today
        self._activity = activity
        self.held_on_edit = date_edit(activity.held_on if activity else listed.on)
        self.kind_combo = vocabulary_combo(
            ACTIVITY_KIND, current=activity.kind if activity else "shared_meal"
        )
        self.title_edit = QLineEdit(activity.title if activity else "")
        self.host_combo = QComboBox()
        self.host_combo.addItem(self.tr("Nobody in particular"), None)
        hosts: list[HostInfo] = list(listed.hosts)
        if (
            activity is not None
            and activity.host_id is not None
            and all(h.user_id != activity.host_id for h in hosts)
        ):
            hosts.append(HostInfo(activity.host_id, activity.host or ""))
        for host in hosts:
            self.host_combo.addItem(host.name, host.user_id)
        current = activity.host_id if activity else workspace.actor.user_id
        self.host_combo.setCurrentIndex(max(self.host_combo.findData(current), 0))
        self.field("held_on", self.tr("Date"), self.held_on_edit)
        self.field("kind", self.tr("Kind"), self.kind_combo)
        self.field("title", self.tr("Title"), self.title_edit)
        self.field("host_id", self.tr("Led by"), self.host_combo)
        mode = QWidget()
        mode_row = QHBoxLayout(mode)
        mode_row.setContentsMargins(0, 0, 0, 0)
        self.named_radio = QRadioButton(self.tr("Named residents"))
        self.count_radio = QRadioButton(self.tr("Head count only"))
        mode_row.addWidget(self.named_radio)
        mode_row.addWidget(self.count_radio)
        mode_row.addStretch(1)
        self.field("attendance", self.tr("Attendance"), mode)
        self.named_radio.setAccessibleName(self.tr("Named residents"))
        self.count_radio.setAccessibleName(self.tr("Head count only"))
        self.attendance = CheckList(
            resident_choices(listed),
            self.tr("Residents present"),
            all_text=self.tr("All present"),
        )
        self.field("attendees", self.tr("Present"), self.attendance)
        self.head_count_spin = QSpinBox()
        self.head_count_spin.setRange(0, HEAD_COUNT_MAX)
        self.field("head_count", self.tr("Head count"), self.head_count_spin)
        if activity is not None:
            for widget in (self.held_on_edit, self.kind_combo, self.title_edit, self.host_combo):
                widget.setEnabled(False)
            self.attendance.model.set_checked([a.person_id for a in activity.attendees])
            self.head_count_spin.setValue(activity.head_count or 0)
            named = activity.named
        else:
            named = default_attendance(str(self.kind_combo.currentData())) != HEAD_COUNT
        self.named_radio.setChecked(named)
        self.count_radio.setChecked(not named)
        self._show_mode()
        self.named_radio.toggled.connect(lambda _on: self._show_mode())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())

    @property
    def named(self) -> bool:
        """True when attendance names the residents."""
        return self.named_radio.isChecked()

    def _kind_changed(self) -> None:
        """A health-related kind starts with a head count, any other with names."""
        named = default_attendance(str(self.kind_combo.currentData())) != HEAD_COUNT
        self.named_radio.setChecked(named)
        self.count_radio.setChecked(not named)

    def _show_mode(self) -> None:
        self.set_row_visible("attendees", self.named)
        self.set_row_visible("head_count", not self.named)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Record the activity, or replace the attendance of the one given."""
        ws = self._workspace
        attendees = self.attendance.model.checked_ids() if self.named else None
        head_count = None if self.named else self.head_count_spin.value()
        if self._activity is not None:
            activity_id, version = self._activity.activity_id, self._activity.version
            return lambda: update_attendance(
                ws.database,
                actor=ws.actor,
                activity_id=activity_id,
                version=version,
                attendees=attendees,
                head_count=head_count,
            )
        values = {
            "residence_id": self._listed.residence_id,
            "held_on": day_of(self.held_on_edit),
            "kind": str(self.kind_combo.currentData()),
            "title": self.title_edit.text(),
            "host_id": self.host_combo.currentData(),
            "attendees": attendees,
            "head_count": head_count,
            "today": self._today,
        }
        return lambda: record_activity(ws.database, actor=ws.actor, **values)


# ------------------------------------------------------------------ liaison log


class LiaisonDialog(FormDialog):
    """« Write… » in the cahier de liaison, with the residents it is about."""

    def __init__(
        self,
        workspace: Workspace,
        listed: ResidentsList,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Liaison book"), parent, tasks=tasks, width=560)
        self._workspace, self._listed = workspace, listed
        self.set_intro(
            self.tr(
                "For the hosts of {residence}. Residents may ask to read what is written "
                "about them: write facts, not judgements; health stays out of it."
            ).format(residence=listed.residence)
        )
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.field("text", self.tr("Message"), self.text_edit)
        self.tags = CheckList(
            resident_choices(listed),
            self.tr("Residents concerned"),
            all_text=self.tr("Everyone"),
        )
        self.field("tags", self.tr("About"), self.tags)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Write the entry now."""
        ws, residence_id = self._workspace, self._listed.residence_id
        text, tags = self.text_edit.toPlainText(), self.tags.model.checked_ids()
        return lambda: write_liaison(
            ws.database, actor=ws.actor, residence_id=residence_id, text=text, tags=tags
        )


# ------------------------------------------------------------------ absences and guests


class AbsenceDialog(FormDialog):
    """A resident's absence: who, why, from when, until when (may stay open)."""

    def __init__(
        self,
        workspace: Workspace,
        listed: ResidentsList,
        resident: ResidentInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Absence"), parent, tasks=tasks)
        self._workspace, self._listed = workspace, listed
        self.person_combo = QComboBox()
        for person in resident.persons:
            self.person_combo.addItem(person.name, person.person_id)
        self.kind_combo = vocabulary_combo(ABSENCE_KIND, current="hospital")
        self.start_edit = date_edit(listed.on)
        self.end_edit = OptionalDateEdit()
        self.field("person_id", self.tr("Resident"), self.person_combo)
        self.field("kind", self.tr("Reason"), self.kind_combo)
        self.field("start", self.tr("First day away"), self.start_edit)
        self.field("end", self.tr("Last day away"), self.end_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Record the absence."""
        ws = self._workspace
        values = {
            "residence_id": self._listed.residence_id,
            "person_id": int(self.person_combo.currentData()),
            "kind": str(self.kind_combo.currentData()),
            "start": day_of(self.start_edit),
            "end": self.end_edit.value(),
        }
        return lambda: record_absence(ws.database, actor=ws.actor, **values)  # type: ignore[arg-type]


class GuestDialog(FormDialog):
    """A guest declared by a resident household, with the last day of the stay."""

    def __init__(
        self,
        workspace: Workspace,
        listed: ResidentsList,
        resident: ResidentInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Guest of {household}").format(household=resident.reference),
            parent,
            tasks=tasks,
        )
        self._workspace, self._listed, self._resident = workspace, listed, resident
        self.name_edit = QLineEdit()
        self.start_edit = date_edit(listed.on)
        self.end_edit = date_edit(listed.on)
        self.field("guest_name", self.tr("Guest's name"), self.name_edit)
        self.field("start", self.tr("Arrival"), self.start_edit)
        self.field("end", self.tr("Last day"), self.end_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Declare the guest."""
        ws = self._workspace
        values = {
            "residence_id": self._listed.residence_id,
            "household_id": self._resident.household_id,
            "guest_name": self.name_edit.text(),
            "start": day_of(self.start_edit),
            "end": day_of(self.end_edit),
        }
        return lambda: declare_guest(ws.database, actor=ws.actor, **values)  # type: ignore[arg-type]


class EndDateDialog(FormDialog):
    """The last day of an absence or of a guest's stay."""

    def __init__(
        self,
        title: str,
        intro: str,
        default: date,
        save: Callable[[date], object],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent, tasks=tasks)
        self._save = save
        self.set_intro(intro)
        self.end_edit = date_edit(default)
        self.field("end", self.tr("Last day"), self.end_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Save the last day."""
        save, end = self._save, day_of(self.end_edit)
        return lambda: save(end)
