"""The Composition tab: members over time, their roles, and who follows the household."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.vocabulary import MEMBER_ROLE
from desktop_app.services.household_edit import (
    Composition,
    MemberPeriod,
    PersonDetail,
    WorkerChoice,
    key_worker_choices,
    may_assign_key_workers,
    read_composition,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.household_edit import (
    AddMemberDialog,
    ChangeRoleDialog,
    IdentityDialog,
    KeyWorkerDialog,
    LeaveDialog,
    identity_form_data,
)
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner


class CompositionTab(QWidget):
    """Members over time (former ones on demand), key worker and co-key-workers.

    Editing buttons follow the actor's rights; a protected file outside its circle shows masked
    names and no editing.

    Signals:
        changed(): after any successful save.
    """

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._household_id = household_id
        self._tasks = tasks
        self._dialogs = dialogs
        self._composition: Composition | None = None
        self.today = date.today()
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.workers_label = QLabel()
        self.workers_label.setWordWrap(True)
        layout.addWidget(self.workers_label)
        self.former_check = QCheckBox(self.tr("Show former members"))
        self.former_check.toggled.connect(self._refresh_rows)
        layout.addWidget(self.former_check)
        self.members_model: DtoTableModel[MemberPeriod] = DtoTableModel(
            [
                (self.tr("Name"), lambda p: p.name),
                (self.tr("Role"), lambda p: MEMBER_ROLE.label(p.role)),
                (self.tr("From"), lambda p: format_date(p.joined_on)),
                (self.tr("Until"), lambda p: format_date(p.left_on) if p.left_on else ""),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.members_model)
        self.table.setAccessibleName(self.tr("Members over time"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.ask_identity())
        layout.addWidget(self.table, 1)
        actor = workspace.actor
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add member…"))
        self.identity_button = QPushButton(self.tr("Edit identity…"))
        self.leave_button = QPushButton(self.tr("Leaves…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.key_worker_button = QPushButton(self.tr("Key worker…"))
        self._allowed = {
            self.add_button: may_ever(actor, "household.edit"),
            self.identity_button: may_ever(actor, "household.edit_identity"),
            self.leave_button: may_ever(actor, "household.edit"),
            self.role_button: may_ever(actor, "household.edit"),
            self.key_worker_button: may_assign_key_workers(actor),
        }
        for button, action in (
            (self.add_button, self.ask_add),
            (self.identity_button, self.ask_identity),
            (self.leave_button, self.ask_leave),
            (self.role_button, self.ask_role),
            (self.key_worker_button, self.ask_key_worker),
        ):
            button.clicked.connect(action)
            button.setVisible(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    # ------------------------------------------------------------- reading

    def load(self) -> None:
        """Read the composition (read worker)."""
        ws, hid = self._workspace, self._household_id
        self._tasks.read(
            lambda _c: read_composition(ws.database, actor=ws.actor, household_id=hid),
            name="composition",
            on_done=self._show,
            on_error=self._refused,
        )

    def _show(self, composition: Composition) -> None:
        self._composition = composition
        worker = composition.key_worker.name if composition.key_worker else self.tr("none")
        co_workers = ", ".join(c.name for c in composition.co_workers) or self.tr("none")
        self.workers_label.setText(
            self.tr("Key worker: {worker} — co-key-workers: {co_workers}").format(
                worker=worker, co_workers=co_workers
            )
        )
        for button, allowed in self._allowed.items():
            editable = allowed and (button is self.key_worker_button or not composition.masked)
            button.setVisible(editable)
        self._refresh_rows()

    def visible_members(self) -> list[MemberPeriod]:
        """The rows shown: current and future members, every membership with former ones."""
        if self._composition is None:
            return []
        members = self._composition.members
        if self.former_check.isChecked():
            return list(members)
        return [p for p in members if p.left_on is None or p.left_on >= self.today]

    def _refresh_rows(self) -> None:
        selected = self.selected_member()
        rows = self.visible_members()
        self.members_model.set_rows(rows)
        ids = [p.membership_id for p in rows]
        if rows:
            keep = selected.membership_id if selected and selected.membership_id in ids else None
            self.table.selectRow(ids.index(keep) if keep is not None else 0)

    def selected_member(self) -> MemberPeriod | None:
        """The member of the selected row."""
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row = indexes[0].row()
        return self.members_model.row(row) if row < self.members_model.rowCount() else None

    def select_member(self, membership_id: int) -> None:
        """Select a membership's row (for keyboard users and tests alike)."""
        for row in range(self.members_model.rowCount()):
            if self.members_model.row(row).membership_id == membership_id:
                self.table.selectRow(row)

    # ------------------------------------------------------------- editing

    def _open(self, dialog: QDialog) -> None:
        dialog.saved.connect(self._saved)  # type: ignore[attr-defined]
        dialog.open()
        self.dialog = dialog

    def _saved(self, _result: object) -> None:
        self.load()
        self.changed.emit()

    def ask_add(self) -> AddMemberDialog:
        """Open the dialog adding a member (a new person, or one already known)."""
        dialog = AddMemberDialog(
            self._workspace, self._household_id, tasks=self._tasks, parent=self
        )
        self._open(dialog)
        return dialog

    def ask_identity(self) -> None:
        """Read the selected member's identity, then open its form."""
        member = self.selected_member()
        if member is None or self.identity_button.isHidden():
            return
        ws, hid, pid = self._workspace, self._household_id, member.person_id

        def show(data: tuple[PersonDetail, list[tuple[int, str]]]) -> None:
            detail, mandataires = data
            self._open(IdentityDialog(ws, detail, mandataires, tasks=self._tasks, parent=self))

        self._tasks.read(
            lambda _c: identity_form_data(ws, hid, pid),
            name="identity-form",
            on_done=show,
            on_error=self._refused,
        )

    def ask_leave(self) -> LeaveDialog | None:
        """Open the departure of the selected member."""
        member = self.selected_member()
        if member is None:
            return None
        dialog = LeaveDialog(self._workspace, member, tasks=self._tasks, parent=self)
        self._open(dialog)
        return dialog

    def ask_role(self) -> ChangeRoleDialog | None:
        """Open the change of roles, with every member present today or later."""
        if self._composition is None:
            return None
        selected = self.selected_member()
        present = [
            p for p in self._composition.members if p.left_on is None or p.left_on >= self.today
        ]
        dialog = ChangeRoleDialog(
            self._workspace,
            self._household_id,
            present,
            selected=selected.membership_id if selected else None,
            tasks=self._tasks,
            parent=self,
        )
        self._open(dialog)
        return dialog

    def ask_key_worker(self) -> None:
        """Read the colleagues who may follow the household, then open the choice."""
        composition = self._composition
        if composition is None:
            return
        ws = self._workspace

        def show(choices: list[WorkerChoice]) -> None:
            self._open(KeyWorkerDialog(ws, composition, choices, tasks=self._tasks, parent=self))

        self._tasks.read(
            lambda _c: key_worker_choices(ws.database, actor=ws.actor),
            name="key-worker-choices",
            on_done=show,
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Composition"), error.text)
            return
        raise error
