"""Staff in FTE per programme: the list, a new assignment, the end of one.

What the pension de famille report counts as ``staff.fte`` (DOMAIN §5.2): a role (never a
person's name), the full-time equivalents typed the French way (``0,8``), dated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.periods import format_date
from desktop_app.services.staff import (
    StaffPeriodInfo,
    end_staff_period,
    list_staff_periods,
    parse_fte,
    record_staff_period,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, OptionalDateEdit, date_edit, day_of
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner


def fte_text(info: StaffPeriodInfo) -> str:
    """``0,8`` — FTE the French way, without useless zeros."""
    return f"{info.fte.normalize():f}".replace(".", ",")


class NewStaffPeriodDialog(FormDialog):
    """A new assignment: role, FTE, from, until (optional)."""

    def __init__(
        self,
        workspace: Workspace,
        programme_id: int,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Staff assignment"), parent, tasks=tasks)
        self._workspace = workspace
        self._programme_id = programme_id
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText(self.tr("Host, social worker… (not a name)"))
        self.fte_edit = QLineEdit()
        self.fte_edit.setPlaceholderText("0,8")
        self.start_edit = date_edit()
        self.end_edit = OptionalDateEdit()
        self.field("role", self.tr("Role"), self.role_edit)
        self.field("fte", self.tr("Full-time equivalents"), self.fte_edit)
        self.field("start_date", self.tr("From"), self.start_edit)
        self.field("end_date", self.tr("Until"), self.end_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Record the assignment."""
        fte = parse_fte(self.fte_edit.text())
        if fte is None:
            issues.append(ValidationIssue("fte", "staff.fte_invalid"))
        ws, programme_id = self._workspace, self._programme_id
        role, start, end = self.role_edit.text(), day_of(self.start_edit), self.end_edit.value()
        return lambda: record_staff_period(
            ws.database,
            actor=ws.actor,
            programme_id=programme_id,
            role=role,
            fte_hundredths=fte or 0,
            start_date=start,
            end_date=end,
        )


class EndStaffPeriodDialog(FormDialog):
    """The last day of an assignment."""

    def __init__(
        self,
        workspace: Workspace,
        info: StaffPeriodInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("End the assignment « {role} »").format(role=info.role), parent, tasks=tasks
        )
        self._workspace = workspace
        self._info = info
        self.end_edit = date_edit()
        self.field("end_date", self.tr("Last day"), self.end_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """End the assignment on the day chosen."""
        ws, staff_id, end = self._workspace, self._info.staff_id, day_of(self.end_edit)
        return lambda: end_staff_period(
            ws.database, actor=ws.actor, staff_id=staff_id, end_date=end
        )


class StaffDialog(QDialog):
    """The staff of each programme, with « Add… » and « End… » (coordinators and directors)."""

    def __init__(
        self,
        workspace: Workspace,
        programmes: Sequence[tuple[int, str]],
        *,
        tasks: TaskRunner,
        may_edit: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self.dialog: FormDialog | None = None  # the form open, if any (tests answer it)
        self.setWindowTitle(self.tr("Staff (FTE)"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Full-time equivalents working for each programme, by role: the pension de "
                "famille report averages them over its period."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName(self.tr("Programme"))
        for programme_id, name in programmes:
            self.programme_combo.addItem(name, programme_id)
        layout.addWidget(self.programme_combo)
        self.model: DtoTableModel[StaffPeriodInfo] = DtoTableModel(
            [
                (self.tr("Role"), lambda s: s.role),
                (self.tr("FTE"), fte_text),
                (self.tr("From"), lambda s: format_date(s.start_date)),
                (self.tr("Until"), lambda s: format_date(s.end_date) if s.end_date else ""),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Staff assignments"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.end_button = QPushButton(self.tr("End…"))
        for button in (self.add_button, self.end_button):
            button.setEnabled(may_edit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.ask_add)
        self.end_button.clicked.connect(self.ask_end)
        self.programme_combo.currentIndexChanged.connect(self.reload)
        self.resize(560, 380)
        self.reload()

    def _programme_id(self) -> int | None:
        value = self.programme_combo.currentData()
        return value if isinstance(value, int) else None

    def reload(self) -> None:
        """Read the chosen programme's assignments on the read worker."""
        programme_id = self._programme_id()
        if programme_id is None:
            self.model.set_rows([])
            return
        ws = self._workspace
        self._tasks.read(
            lambda _control: list_staff_periods(
                ws.database, actor=ws.actor, programme_id=programme_id
            ),
            on_done=self.model.set_rows,
            name="staff",
        )

    def ask_add(self) -> None:
        """Open the new-assignment form."""
        programme_id = self._programme_id()
        if programme_id is None:
            return
        dialog = NewStaffPeriodDialog(self._workspace, programme_id, tasks=self._tasks, parent=self)
        dialog.saved.connect(lambda _result: self.reload())
        self.dialog = dialog
        dialog.open()

    def ask_end(self) -> None:
        """Open the end form for the selected assignment."""
        row = self.table.currentIndex().row()
        if row < 0:
            return
        info = self.model.row(row)
        dialog = EndStaffPeriodDialog(self._workspace, info, tasks=self._tasks, parent=self)
        dialog.saved.connect(lambda _result: self.reload())
        self.dialog = dialog
        dialog.open()
