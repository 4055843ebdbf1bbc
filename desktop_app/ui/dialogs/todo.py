"""À faire: note something to do by a day, for a household or not, for someone or not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop_app.domain.errors import ValidationIssue
from desktop_app.services.system import Workspace
from desktop_app.services.todos import (
    TEXT_MAX,
    AssigneeChoice,
    TodoInfo,
    add_todo,
    assignee_choices,
    household_for_todo,
)
from desktop_app.ui.dialogs.form import FormDialog, date_edit, day_of
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner

# What separates a household's reference from its head's name in the household list.
SEPARATOR = " — "


class TodoDialog(FormDialog):
    """Day, what to do, the household it concerns (optional) and who does it.

    The household list offers the households given (those of the agenda); any other reference
    may be typed, and the service finds it among the households the user may read. The
    colleagues are read on the read worker; the user is chosen by default.

    Signals:
        saved(object): the `TodoInfo` written.
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider | None = None,
        households: Sequence[tuple[int, str]] = (),
        household_id: int | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New to-do"), parent, tasks=tasks, dialogs=dialogs)
        self._workspace = workspace
        self._today = today or date.today()
        self.set_intro(
            self.tr("It stays in the agenda, even when late, until it is ticked as done.")
        )
        self.due_edit = date_edit(self._today)
        self.text_edit = QLineEdit()
        self.text_edit.setMaxLength(TEXT_MAX)
        self.text_edit.setPlaceholderText(self.tr("Call the CCAS about the moving-in grant…"))
        self.household_combo = QComboBox()
        self.household_combo.setEditable(True)
        self.household_combo.addItem(self.tr("No household"), None)
        for hid, label in households:
            self.household_combo.addItem(label, hid)
        if household_id is not None:
            index = self.household_combo.findData(household_id)
            if index >= 0:
                self.household_combo.setCurrentIndex(index)
        self.assignee_combo = QComboBox()
        self.assignee_combo.addItem(self.tr("Nobody in particular"), None)
        self.field("due_on", self.tr("To do by"), self.due_edit)
        self.field("text", self.tr("What to do"), self.text_edit)
        self.field("household_id", self.tr("Household (reference)"), self.household_combo)
        self.field("assigned_to", self.tr("Who does it"), self.assignee_combo)
        self.text_edit.setFocus()
        tasks.read(
            lambda _c: assignee_choices(workspace.database, actor=workspace.actor),
            name="todo-assignees",
            on_done=self._show_assignees,
            on_error=self.refused,
        )

    def _show_assignees(self, choices: list[AssigneeChoice]) -> None:
        for choice in choices:
            self.assignee_combo.addItem(choice.name, choice.user_id)
        me = self.assignee_combo.findData(self._workspace.actor.user_id)
        if me >= 0:
            self.assignee_combo.setCurrentIndex(me)

    def household(self) -> tuple[int | None, str]:
        """The household chosen (its id), or the reference typed when it is not in the list."""
        text = " ".join(self.household_combo.currentText().split())
        index = self.household_combo.findText(text)
        if index >= 0:
            data = self.household_combo.itemData(index)
            return (int(data) if data is not None else None), ""
        return None, text.split(SEPARATOR)[0].strip()

    def request(self, issues: list[ValidationIssue]) -> Callable[[], TodoInfo]:
        """The service call: the typed reference is found first, in the same job."""
        ws, today = self._workspace, self._today
        due_on, text = day_of(self.due_edit), self.text_edit.text()
        household_id, reference = self.household()
        data = self.assignee_combo.currentData()
        assigned_to = int(data) if data is not None else None

        def call() -> TodoInfo:
            chosen = household_id
            if reference:
                chosen = household_for_todo(ws.database, actor=ws.actor, reference=reference)
            return add_todo(
                ws.database,
                actor=ws.actor,
                due_on=due_on,
                text=text,
                household_id=chosen,
                assigned_to=assigned_to,
                today=today,
            )

        return call
