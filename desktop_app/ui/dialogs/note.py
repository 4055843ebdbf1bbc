"""Writing a note in a household's file, at a level the writer may use."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.vocabulary import NOTE_LEVEL
from desktop_app.services.notes import PRIVATE_LEVELS, add_note
from desktop_app.services.system import Workspace
from desktop_app.ui.tasks import TaskRunner


class NoteDialog(QDialog):
    """A note: level (shared by default), text; the person may read it (right of access)."""

    saved = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._household_id, self._tasks = workspace, household_id, tasks
        self.setWindowTitle(self.tr("Write a note"))
        layout = QVBoxLayout(self)
        reminder = QLabel(
            self.tr(
                "The person may read what is written here (right of access): write facts, "
                "respectfully, starting from their strengths."
            )
        )
        reminder.setWordWrap(True)
        layout.addWidget(reminder)
        form = QFormLayout()
        self.level_combo = QComboBox()
        private = may_ever(workspace.actor, "notes.confidential.write")
        for code in NOTE_LEVEL:
            if code in PRIVATE_LEVELS and not private:
                continue
            self.level_combo.addItem(NOTE_LEVEL.label(code), code)
        self.level_combo.setAccessibleName(self.tr("Level"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName(self.tr("Text"))
        self.text_edit.setTabChangesFocus(True)
        form.addRow(self.tr("Level"), self.level_combo)
        form.addRow(self.tr("Text"), self.text_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        """Ask the service; a refusal comes back into the dialog with the text kept."""
        self.save_button.setEnabled(False)
        ws, hid = self._workspace, self._household_id
        level = str(self.level_combo.currentData())
        text = self.text_edit.toPlainText()
        self._tasks.write(
            lambda _c: add_note(
                ws.database, actor=ws.actor, household_id=hid, level=level, text=text
            ),
            name="add-note",
            on_done=self._finished,
            on_error=self._refused,
        )

    def _finished(self, note: object) -> None:
        self.saved.emit(note)
        self.done(QDialog.DialogCode.Accepted)

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.error_label.setText("\n".join("⚠ " + issue.text for issue in error.issues))
        elif isinstance(error, KnownError):
            self.error_label.setText("⚠ " + error.text)
        else:
            raise error
