"""Logging a contact with a household in a few keystrokes (DOMAIN §2 Contact).

The kind is focused first and each kind has its own key (its letter is shown after its label),
the duration follows it (a default per kind), Enter saves: « D, Tab, 50, Enter » logs a
50-minute home visit today with every member present. Everything else — themes, persons
present, the measure, a note at its level, the next appointment — is on the same form, and the
whole contact is one `log_contact` call: nothing is saved half.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError, ValidationIssue
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import CONTACT_KIND, MEASURE_KIND, NOTE_LEVEL
from desktop_app.services.contacts import (
    MAX_MINUTES,
    PRIVATE_LEVELS,
    ContactChoices,
    NoteInput,
    contact_choices,
    log_contact,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, OptionalDateEdit, date_edit, day_of
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner

OFFICE: Final = "office"
# One key per kind, taken from its French label (bureau, domicile, téléphone, visio…).
KIND_KEYS: Final[dict[str, str]] = {
    "office": "B",
    "home_visit": "D",
    "phone": "T",
    "video": "V",
    "accompanied_step": "A",
    "collective": "C",
    "no_show": "N",
    "indirect": "S",
    "partner_contact": "P",
}
# The duration offered for each kind, in minutes (a missed appointment lasts nothing).
DEFAULT_MINUTES: Final[dict[str, int]] = {
    "office": 45,
    "home_visit": 60,
    "phone": 15,
    "video": 30,
    "accompanied_step": 120,
    "collective": 90,
    "no_show": 0,
    "indirect": 30,
    "partner_contact": 15,
}
_KIND_BY_KEY: Final = {key: code for code, key in KIND_KEYS.items()}
_THEMES_HEIGHT: Final = 120


class KindCombo(QComboBox):
    """The kinds of contact, « Entretien au bureau » first; one letter key chooses each."""

    def __init__(self, current: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code in CONTACT_KIND:
            self.addItem(f"{CONTACT_KIND.label(code)} ({KIND_KEYS[code]})", code)
        self.set_kind(current or OFFICE)

    def kind(self) -> str:
        """The code of the kind chosen."""
        return str(self.currentData())

    def set_kind(self, code: str) -> None:
        """Choose the kind ``code``."""
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A kind's letter chooses it; every other key behaves as in any list."""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        code = _KIND_BY_KEY.get(event.text().upper()) if plain else None
        if code is None:
            super().keyPressEvent(event)
            return
        self.set_kind(code)
        event.accept()


class ContactDialog(FormDialog):
    """A contact: kind, duration, date, themes, persons present, measure, note, next appointment.

    The choices (themes in force, members, running measures, the note levels the actor may
    use) are read when the dialog opens; Save waits for them.

    Signals:
        saved(object): the `ContactInfo` logged.
        ready(): the choices are on the form.
    """

    ready = Signal()

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider | None = None,
        parent: QWidget | None = None,
        kind: str | None = None,
    ) -> None:
        super().__init__(self.tr("Log a contact"), parent, tasks=tasks, dialogs=dialogs)
        self._workspace, self._household_id, self._tasks = workspace, household_id, tasks
        self._minutes_typed = False
        self.set_intro(
            self.tr(
                "Choose the kind with its letter, then Tab to the duration; Enter saves. "
                "The person may read what is written here (right of access)."
            )
        )
        self.kind_combo = KindCombo(kind)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(0, MAX_MINUTES)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.held_on_edit = date_edit()
        self.themes_list = QListWidget()
        self.themes_list.setMaximumHeight(_THEMES_HEIGHT)
        self.persons_box = QWidget()
        self._persons_layout = QVBoxLayout(self.persons_box)
        self._persons_layout.setContentsMargins(0, 0, 0, 0)
        self.person_checks: list[QCheckBox] = []
        self.measure_combo = QComboBox()
        self.measure_combo.addItem(self.tr("No measure"), None)
        self.level_combo = QComboBox()
        self.level_combo.addItem(NOTE_LEVEL.label("shared"), "shared")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            self.tr("Facts, respectfully, starting from the person's strengths (optional)")
        )
        self.next_edit = OptionalDateEdit(None)
        self.field("kind", self.tr("Kind"), self.kind_combo)
        self.field("minutes", self.tr("Duration"), self.minutes_spin)
        self.field("held_on", self.tr("Date"), self.held_on_edit)
        self.field("themes", self.tr("Themes"), self.themes_list)
        self.field("person_ids", self.tr("Persons present"), self.persons_box)
        self.field("measure_id", self.tr("Measure"), self.measure_combo)
        self.field("level", self.tr("Note level"), self.level_combo)
        self.field("notes", self.tr("Note"), self.note_edit)
        self.field("next_appointment_on", self.tr("Next appointment"), self.next_edit)
        self.minutes_spin.setValue(DEFAULT_MINUTES[self.kind_combo.kind()])
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.minutes_spin.valueChanged.connect(self._minutes_changed)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.kind_combo.setFocus()
        self.choices: ContactChoices | None = None
        ws, hid = workspace, household_id
        tasks.read(
            lambda _c: contact_choices(ws.database, actor=ws.actor, household_id=hid),
            name="contact-choices",
            on_done=self._show_choices,
            on_error=self.refused,
        )

    # ------------------------------------------------------------- the form

    def _kind_changed(self, _index: int) -> None:
        """A new kind offers its usual duration, unless a duration was typed."""
        if not self._minutes_typed:
            self.minutes_spin.blockSignals(True)
            self.minutes_spin.setValue(DEFAULT_MINUTES[self.kind_combo.kind()])
            self.minutes_spin.blockSignals(False)

    def _minutes_changed(self, _value: int) -> None:
        self._minutes_typed = True

    def _show_choices(self, choices: ContactChoices) -> None:
        self.choices = choices
        for theme in choices.themes:
            item = QListWidgetItem(theme)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.themes_list.addItem(item)
        for person in choices.persons:
            check = QCheckBox(person.name)
            check.setChecked(True)
            check.setAccessibleName(person.name)
            check.setProperty("person_id", person.person_id)
            self._persons_layout.addWidget(check)
            self.person_checks.append(check)
        if not choices.persons:
            self._persons_layout.addWidget(QLabel(self.tr("No member on this day.")))
        for measure in choices.measures:
            self.measure_combo.addItem(
                self.tr("{kind} since {start}").format(
                    kind=MEASURE_KIND.label(measure.kind), start=format_date(measure.start)
                ),
                measure.measure_id,
            )
        if len(choices.measures) == 1:
            self.measure_combo.setCurrentIndex(1)
        if choices.private_notes:
            for code in NOTE_LEVEL:
                if code in PRIVATE_LEVELS:
                    self.level_combo.addItem(NOTE_LEVEL.label(code), code)
        self.save_button.setEnabled(True)
        self.ready.emit()

    def checked_themes(self) -> list[str]:
        """The themes ticked, in the list's order."""
        items = (self.themes_list.item(row) for row in range(self.themes_list.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]

    def present_person_ids(self) -> list[int]:
        """The persons ticked as present."""
        checks = self.person_checks
        return [int(check.property("person_id")) for check in checks if check.isChecked()]

    # ------------------------------------------------------------- saving

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The one `log_contact` call recording the whole form."""
        ws, hid = self._workspace, self._household_id
        text = self.note_edit.toPlainText().strip()
        notes = [NoteInput(str(self.level_combo.currentData()), text)] if text else []
        data = self.measure_combo.currentData()
        kind, held_on, minutes = (
            self.kind_combo.kind(),
            day_of(self.held_on_edit),
            self.minutes_spin.value(),
        )
        themes, persons = self.checked_themes(), self.present_person_ids()
        measure_id = int(data) if data is not None else None
        next_on = self.next_edit.value()
        return lambda: log_contact(
            ws.database,
            actor=ws.actor,
            household_id=hid,
            kind=kind,
            held_on=held_on,
            minutes=minutes,
            themes=themes,
            person_ids=persons,
            measure_id=measure_id,
            notes=notes,
            next_appointment_on=next_on,
        )

    def accept(self) -> None:
        """Save once the choices are on the form (Enter before that does nothing)."""
        if self.choices is None:
            return
        super().accept()

    def refused(self, error: BaseException) -> None:
        """A refusal (or the choices that could not be read) is shown in the dialog."""
        if self.choices is None and isinstance(error, KnownError):
            self.show_issues([], general="⚠ " + error.text)
            return
        super().refused(error)
