"""The frame every editing dialog shares: fields with their own problem lines, Save and Cancel.

A field's problems (the service's `ValidationIssue.field` names it) are shown under it, the
others under the form; what was typed is kept when the service refuses; nothing is saved until
the service accepts everything at once. The date widgets every form uses live here too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError, ValidationIssue
from desktop_app.domain.vocabulary import Vocabulary
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner


def qdate(day: date) -> QDate:
    """The Qt date of ``day``."""
    return QDate(day.year, day.month, day.day)


def date_edit(day: date | None = None) -> QDateEdit:
    """A date typed dd/MM/yyyy (today unless given), with its calendar."""
    edit = QDateEdit(qdate(day) if day is not None else QDate.currentDate())
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def vocabulary_combo(
    vocabulary: Vocabulary, *, empty: str | None = None, current: str | None = None
) -> QComboBox:
    """A choice among the labels of ``vocabulary`` (item data: the code).

    ``empty``: a first item meaning "none" (data None). ``current``: the code chosen at first
    (the first item when absent or unknown).
    """
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for code in vocabulary:
        combo.addItem(vocabulary.label(code), code)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def month_edit(month: date | None = None) -> QDateEdit:
    """A month typed MM/yyyy (this month unless given), with its calendar."""
    edit = QDateEdit(qdate(month.replace(day=1)) if month else QDate.currentDate())
    edit.setDisplayFormat("MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def day_of(edit: QDateEdit) -> date:
    """The day shown by a date edit."""
    value: date = edit.date().toPython()  # type: ignore[assignment]
    return value


class OptionalDateEdit(QWidget):
    """A date that may stay empty: a « Known » check box, then a dd/MM/yyyy date edit."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known_check = QCheckBox(self.tr("Known"))
        self.date_edit = date_edit(value)
        row.addWidget(self.known_check)
        row.addWidget(self.date_edit, 1)
        self.known_check.toggled.connect(self.date_edit.setEnabled)
        self.set_value(value)
        self.setFocusProxy(self.known_check)

    def name(self, label: str) -> None:
        """Accessible names of both parts, from the field's label."""
        self.setAccessibleName(label)
        self.known_check.setAccessibleName(self.tr("{field}: known").format(field=label))
        self.date_edit.setAccessibleName(label)

    def value(self) -> date | None:
        """The date, or None when left empty."""
        return day_of(self.date_edit) if self.known_check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: empty)."""
        self.known_check.setChecked(value is not None)
        self.date_edit.setEnabled(value is not None)
        if value is not None:
            self.date_edit.setDate(qdate(value))


class FormDialog(QDialog):
    """A form whose fields show their own problems, a line for the others, Save and Cancel.

    Subclasses add fields with `field` (or `row` for a field without its own problem line)
    and either implement `request`, which reads the form and returns the service call to run
    (adding to ``issues`` what is wrong before asking), or override `accept` and call `submit`.

    Signals:
        saved(object): the DTO the service returned, once committed.
    """

    saved = Signal(object)

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        tasks: TaskRunner | None = None,
        dialogs: DialogProvider | None = None,
        save_text: str | None = None,
        width: int = 520,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._dialogs = dialogs
        self.setWindowTitle(title)
        self.main_layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.main_layout.addLayout(self.form)
        self.fields: dict[str, QWidget] = {}
        self._field_errors: dict[str, QLabel] = {}
        self._intro: QLabel | None = None
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.error_label.setAccessibleName(self.tr("Problems to correct"))
        self.main_layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            save_text or self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.main_layout.addWidget(self.buttons)
        self.setMinimumWidth(width)

    # ------------------------------------------------------------- building the form

    def set_intro(self, text: str) -> None:
        """A sentence above the form saying what the action does."""
        if self._intro is None:
            self._intro = QLabel()
            self._intro.setWordWrap(True)
            self.main_layout.insertWidget(0, self._intro)
        self._intro.setText(text)
        self._intro.setVisible(bool(text))

    @property
    def intro_label(self) -> QLabel:
        """The sentence above the form (created empty when asked for)."""
        if self._intro is None:
            self.set_intro("")
        assert self._intro is not None
        return self._intro

    def field(self, name: str, label: str, widget: QWidget) -> None:
        """A labelled field (accessible name, keyboard buddy) with its problem line under it."""
        if isinstance(widget, OptionalDateEdit):
            widget.name(label)
        else:
            widget.setAccessibleName(label)
        caption = QLabel(label)
        caption.setBuddy(widget)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setVisible(False)
        column.addWidget(error)
        self.form.addRow(caption, holder)
        self.fields[name] = widget
        self._field_errors[name] = error

    def row(self, label: str, widget: QWidget, field: str | None = None) -> None:
        """A labelled widget; with ``field``, it gets its own problem line (see `field`)."""
        if field is not None:
            self.field(field, label, widget)
            return
        widget.setAccessibleName(label)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)

    def set_row_visible(self, field: str, visible: bool) -> None:
        """Show or hide a field's whole row (label, field and problem line)."""
        cell = self.fields[field].parentWidget()
        if cell is not None:
            self.form.setRowVisible(cell, visible)

    # ------------------------------------------------------------- problems

    def place(self, issue: ValidationIssue) -> str | None:
        """The field an issue is shown under, None for the line under the form."""
        return issue.field if issue.field in self._field_errors else None

    def show_issues(self, issues: Sequence[ValidationIssue], general: str = "") -> None:
        """Put each issue under its field (the others under the form); clear the old ones."""
        texts: dict[str, list[str]] = {}
        others = [general] if general else []
        for issue in issues:
            name = self.place(issue)
            if name is None:
                others.append("⚠ " + issue.text)
            else:
                texts.setdefault(name, []).append("⚠ " + issue.text)
        for name, label in self._field_errors.items():
            text = "\n".join(texts.get(name, []))
            label.setText(text)
            label.setVisible(bool(text))
            self.fields[name].setAccessibleDescription(text)
        self.error_label.setText("\n".join(others))
        self.error_label.setVisible(bool(others))
        self._grow()
        first = next((name for name in self._field_errors if name in texts), None)
        if first is not None:
            self.fields[first].setFocus()

    def clear_issues(self) -> None:
        """Forget the problems shown (before a new attempt)."""
        self.show_issues([])

    def problems(self) -> dict[str, str]:
        """The problems shown, by field name ("" for those under the form)."""
        shown = {name: label.text() for name, label in self._field_errors.items() if label.text()}
        if self.error_label.text():
            shown[""] = self.error_label.text()
        return shown

    def _grow(self) -> None:
        """Grow to show the problem lines (wrapped) instead of squeezing the fields."""
        layout = self.main_layout
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)

    # ------------------------------------------------------------- saving

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """Read the form: the service call to run, or issues added to ``issues``."""
        raise NotImplementedError

    def accept(self) -> None:
        """Check what can be checked here, then ask the service through the write worker."""
        issues: list[ValidationIssue] = []
        call = self.request(issues)
        if issues:
            self.show_issues(issues)
            return
        self.submit(call, name=type(self).__name__)

    def submit(self, job: Callable[[], Any], *, name: str, confirm: str | None = None) -> None:
        """Ask (when ``confirm`` is given), then run the service call on the write worker."""
        if (
            confirm is not None
            and self._dialogs is not None
            and not self._dialogs.confirm(self, self.windowTitle(), confirm)
        ):
            return
        assert self._tasks is not None, "a dialog that saves needs the task runner"
        self.save_button.setEnabled(False)
        self._tasks.write(
            lambda _c: job(), name=name, on_done=self.finished_with, on_error=self.refused
        )

    def finished_with(self, result: object) -> None:
        """The service accepted: say so and close."""
        self.saved.emit(result)
        self.done(QDialog.DialogCode.Accepted)

    def refused(self, error: BaseException) -> None:
        """The service refused: show why, keep what was typed."""
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.show_issues(error.issues)
        elif isinstance(error, KnownError):
            self.show_issues([], general="⚠ " + error.text)
        else:
            raise error
