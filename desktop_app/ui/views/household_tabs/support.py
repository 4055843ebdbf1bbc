"""« Accompagnement »: the household's measures, their goals, reviews due and contacts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.vocabulary import (
    CONTACT_KIND,
    GOAL_DOMAIN,
    GOAL_STATUS,
    MEASURE_KIND,
    MEASURE_PHASE,
)
from desktop_app.reports.pdf.support import REVIEW_TITLES
from desktop_app.services.contacts import ContactChoices, ContactInfo, contact_choices, contacts_of
from desktop_app.services.support import (
    DUE,
    TO_SEND,
    WRITE,
    GoalInfo,
    MeasureChoices,
    MeasureDetail,
    MeasureRow,
    ReviewDue,
    goals_of,
    measure_choices,
    measure_detail,
    measures_of,
    reviews_due,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.contact import ContactDialog
from desktop_app.ui.dialogs.form import FormDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.dialogs.support import (
    DIAGNOSTIC,
    AttestationDialog,
    EndMeasureDialog,
    GoalDialog,
    NewMeasureDialog,
    PhaseDialog,
    RenewMeasureDialog,
    ResumeMeasureDialog,
    ReviewSentDialog,
    SuspendMeasureDialog,
    WriteReviewDialog,
    current_suspension,
)
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner

DENIED: Final = "auth.denied"
_MEASURE_ROWS: Final = 4  # measures shown before their table scrolls


@dataclass(frozen=True, slots=True)
class SupportContent:
    """What the tab shows, read in one job."""

    measures: list[MeasureRow]
    goals: list[GoalInfo]
    reviews: list[ReviewDue]
    contacts: list[ContactInfo]


class SupportTab(QWidget):
    """Measures and their actions, goals, reviews due, contacts, the attestation de suivi.

    The selected measure's goals show the person's strengths first; contacts are logged in a
    few keystrokes. States and urgencies are written out, never shown by colour alone.
    ``today`` is the clock the tab reads (tests and screenshots fix it).

    Signals:
        changed(): a save succeeded (the household file reloads its other tabs).
        unavailable(str): the actor may not follow this household's support (the French
            reason); the household file hides the tab.
    """

    changed = Signal()
    unavailable = Signal(str)

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
        self._editable = may_ever(workspace.actor, WRITE)
        self.today: Callable[[], date] = date.today
        self._measures: list[MeasureRow] = []
        self._goals: list[GoalInfo] = []
        self._selected_id: int | None = None
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        self.refusal_label = QLabel()
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setVisible(False)
        layout.addWidget(self.refusal_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        splitter.addWidget(self._measures_group())
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.setChildrenCollapsible(False)
        middle.addWidget(self._goals_group())
        middle.addWidget(self._reviews_group())
        splitter.addWidget(middle)
        splitter.addWidget(self._contacts_group())
        for index, stretch in enumerate((0, 1, 1)):
            splitter.setStretchFactor(index, stretch)
        self._enable_buttons()

    # ------------------------------------------------------------- building

    def _table(self, model: DtoTableModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        return table

    @staticmethod
    def _fit(table: QTableView, rows: int) -> None:
        """Columns as wide as their texts; a table of measures as tall as its few rows."""
        table.resizeColumnsToContents()
        if rows:
            shown = max(1, min(table.model().rowCount(), rows))
            table.setFixedHeight(
                table.horizontalHeader().sizeHint().height()
                + shown * table.verticalHeader().defaultSectionSize()
                + 2 * table.frameWidth()
            )

    def _group(
        self, title: str, table: QTableView, buttons: list[tuple[str, Callable[[], object]]]
    ) -> tuple[QGroupBox, list[QPushButton]]:
        group = QGroupBox(title)
        column = QVBoxLayout(group)
        column.addWidget(table, 1)
        row = QHBoxLayout()
        made = []
        for text, slot in buttons:
            button = QPushButton(text)
            button.setVisible(self._editable)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
            made.append(button)
        row.addStretch(1)
        column.addLayout(row)
        return group, made

    def _measures_group(self) -> QGroupBox:
        self.measures_model: DtoTableModel[MeasureRow] = DtoTableModel(
            [
                (self.tr("Measure"), lambda m: MEASURE_KIND.label(m.kind)),
                (self.tr("Phase"), self._phase_text),
                (self.tr("Start"), lambda m: format_date(m.start)),
                (self.tr("Planned end"), lambda m: format_date(m.planned_end)),
                (self.tr("State"), self._state_text),
                (self.tr("Programme"), lambda m: m.programme),
            ]
        )
        self.measures_table = self._table(self.measures_model, self.tr("Measures"))
        self._fit(self.measures_table, _MEASURE_ROWS)
        self.measures_table.selectionModel().selectionChanged.connect(self._selection_changed)
        group, buttons = self._group(
            self.tr("Measures"),
            self.measures_table,
            [
                (self.tr("New measure…"), self.ask_new_measure),
                (self.tr("Renew…"), self.ask_renew),
                (self.tr("Suspend… / Resume"), self.ask_suspend_or_resume),
                (self.tr("Change the phase…"), self.ask_phase),
                (self.tr("End…"), self.ask_end),
            ],
        )
        (
            self.new_measure_button,
            self.renew_button,
            self.suspend_button,
            self.phase_button,
            self.end_button,
        ) = buttons
        return group

    def _goals_group(self) -> QGroupBox:
        self.goals_model: DtoTableModel[GoalInfo] = DtoTableModel(
            [
                (self.tr("Strengths"), lambda g: g.strengths),
                (self.tr("Domain"), lambda g: GOAL_DOMAIN.label(g.domain)),
                (self.tr("Goal"), lambda g: g.wording),
                (self.tr("Status"), lambda g: GOAL_STATUS.label(g.status)),
            ]
        )
        self.goals_table = self._table(self.goals_model, self.tr("Goals"))
        self.goals_table.activated.connect(lambda _index: self.ask_edit_goal())
        group, buttons = self._group(
            self.tr("Goals"),
            self.goals_table,
            [
                (self.tr("New goal…"), self.ask_new_goal),
                (self.tr("Edit…"), self.ask_edit_goal),
            ],
        )
        self.new_goal_button, self.edit_goal_button = buttons
        return group

    def _reviews_group(self) -> QGroupBox:
        self.reviews_model: DtoTableModel[ReviewDue] = DtoTableModel(
            [
                (self.tr("Due on"), self._due_text),
                (self.tr("To do"), self._review_state_text),
                (self.tr("Review"), lambda r: REVIEW_TITLES.get(r.kind, r.kind)),
                (self.tr("Measure"), lambda r: MEASURE_KIND.label(r.measure_kind)),
            ]
        )
        self.reviews_table = self._table(self.reviews_model, self.tr("Reviews due"))
        self.reviews_table.selectionModel().selectionChanged.connect(
            lambda _s, _d: self._enable_buttons()
        )
        group, buttons = self._group(
            self.tr("Reviews (bilans) due or to send"),
            self.reviews_table,
            [
                (self.tr("Write the review…"), self.ask_review),
                (self.tr("Review sent"), self.ask_review_sent),
            ],
        )
        self.review_button, self.sent_button = buttons
        return group

    def _contacts_group(self) -> QGroupBox:
        self.contacts_model: DtoTableModel[ContactInfo] = DtoTableModel(
            [
                (self.tr("Date"), lambda c: format_date(c.held_on)),
                (self.tr("Kind"), lambda c: CONTACT_KIND.label(c.kind)),
                (self.tr("Minutes"), lambda c: "" if c.minutes is None else str(c.minutes)),
                (self.tr("Worker"), lambda c: c.worker or ""),
                (self.tr("Themes"), lambda c: ", ".join(c.themes)),
            ]
        )
        self.contacts_table = self._table(self.contacts_model, self.tr("Contacts"))
        group, buttons = self._group(
            self.tr("Contacts"),
            self.contacts_table,
            [
                (self.tr("Log a contact…"), self.ask_contact),
                (self.tr("Attestation de suivi…"), self.ask_attestation),
            ],
        )
        self.contact_button, self.attestation_button = buttons
        self.contact_button.setToolTip(self.tr("Ctrl+Shift+C in the household file"))
        return group

    # ------------------------------------------------------------- texts

    def _phase_text(self, measure: MeasureRow) -> str:
        if measure.kind == DIAGNOSTIC:
            return "—"
        return "" if measure.phase is None else MEASURE_PHASE.label(measure.phase)

    def _state_text(self, measure: MeasureRow) -> str:
        if measure.end is not None:
            return self.tr("Ended on {day}").format(day=format_date(measure.end))
        if measure.suspended:
            return self.tr("Suspended")
        return self.tr("Running")

    def _due_text(self, due: ReviewDue) -> str:
        day = format_date(due.due_on)
        if due.due_on < self.today():
            return self.tr("⚠ {day} (overdue)").format(day=day)
        return day

    def _review_state_text(self, due: ReviewDue) -> str:
        return self.tr("To write") if due.state == DUE else self.tr("To send to the funder")

    # ------------------------------------------------------------- reading

    def load(self) -> None:
        """Read measures, goals, reviews due and contacts (read worker)."""
        ws, hid, today = self._workspace, self._household_id, self.today()

        def read(_control: object) -> SupportContent:
            database, actor = ws.database, ws.actor
            return SupportContent(
                measures=measures_of(database, actor=actor, household_id=hid, today=today),
                goals=goals_of(database, actor=actor, household_id=hid),
                reviews=reviews_due(database, actor=actor, on=today, household_id=hid),
                contacts=contacts_of(database, actor=actor, household_id=hid),
            )

        self._tasks.read(read, name="support", on_done=self._show, on_error=self._load_refused)

    def _show(self, content: SupportContent) -> None:
        self.refusal_label.setVisible(False)
        self._measures, self._goals = content.measures, content.goals
        self.measures_model.set_rows(content.measures)
        self.reviews_model.set_rows(content.reviews)
        self.contacts_model.set_rows(content.contacts)
        self._fit(self.measures_table, _MEASURE_ROWS)
        self._fit(self.reviews_table, 0)
        self._fit(self.contacts_table, 0)
        ids = [measure.measure_id for measure in content.measures]
        if content.measures:
            row = ids.index(self._selected_id) if self._selected_id in ids else 0
            self.measures_table.selectRow(row)
        self._show_goals()

    def selected_measure(self) -> MeasureRow | None:
        """The measure whose goals are shown (the first one after a load)."""
        rows = self.measures_table.selectionModel().selectedRows()
        return self.measures_model.row(rows[0].row()) if rows else None

    def selected_goal(self) -> GoalInfo | None:
        """The goal selected, if any."""
        rows = self.goals_table.selectionModel().selectedRows()
        return self.goals_model.row(rows[0].row()) if rows else None

    def selected_review(self) -> ReviewDue | None:
        """The review due selected, if any."""
        rows = self.reviews_table.selectionModel().selectedRows()
        return self.reviews_model.row(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_goals()

    def _show_goals(self) -> None:
        """The selected measure's goals and the household's own plan; strengths come first."""
        measure = self.selected_measure()
        self._selected_id = measure.measure_id if measure else None
        self.goals_model.set_rows(
            [g for g in self._goals if g.measure_id in (self._selected_id, None)]
        )
        self._fit(self.goals_table, 0)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        measure = self.selected_measure()
        running = measure is not None and measure.end is None
        follow_up = running and measure is not None and measure.kind != DIAGNOSTIC
        self.renew_button.setEnabled(follow_up)
        self.suspend_button.setEnabled(follow_up)
        self.phase_button.setEnabled(follow_up)
        self.end_button.setEnabled(measure is not None)
        self.suspend_button.setText(
            self.tr("Resume…")
            if follow_up and measure and measure.suspended
            else self.tr("Suspend…")
        )
        self.edit_goal_button.setEnabled(self.goals_model.rowCount() > 0)
        due = self.selected_review()
        self.review_button.setEnabled(
            (due is not None and due.state == DUE)
            or (due is None and measure is not None and measure.kind != DIAGNOSTIC)
        )
        self.sent_button.setEnabled(due is not None and due.state == TO_SEND)

    # ------------------------------------------------------------- actions

    def _open(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(self._saved)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _saved(self, result: object = None) -> None:
        if isinstance(result, MeasureDetail):
            self._selected_id = result.measure_id
        self.changed.emit()
        self.load()

    def _with_detail(self, measure_id: int, show: Callable[[MeasureDetail], object]) -> None:
        """Read the measure as it is now (its version names the form's), then show the form."""
        ws, today = self._workspace, self.today()

        def shown(detail: MeasureDetail) -> None:
            show(detail)

        self._tasks.read(
            lambda _c: measure_detail(
                ws.database, actor=ws.actor, measure_id=measure_id, today=today
            ),
            name="measure-detail",
            on_done=shown,
            on_error=self._refused,
        )

    def ask_new_measure(self) -> None:
        """Open the new-measure form once the programmes and funders are read."""
        ws, hid, tasks = self._workspace, self._household_id, self._tasks

        def show(choices: MeasureChoices) -> None:
            self._open(NewMeasureDialog(ws, hid, choices, tasks=tasks, parent=self))

        self._tasks.read(
            lambda _c: measure_choices(ws.database, actor=ws.actor),
            name="measure-choices",
            on_done=show,
            on_error=self._refused,
        )

    def _running_measure(self) -> MeasureRow | None:
        measure = self.selected_measure()
        if measure is None or measure.end is not None or measure.kind == DIAGNOSTIC:
            return None
        return measure

    def ask_renew(self) -> None:
        """A renewal decision for the selected running measure."""
        measure = self._running_measure()
        if measure is None:
            return
        ws, tasks = self._workspace, self._tasks
        self._with_detail(
            measure.measure_id,
            lambda detail: self._open(RenewMeasureDialog(ws, detail, tasks=tasks, parent=self)),
        )

    def ask_suspend_or_resume(self) -> None:
        """Suspend the selected measure, or end the suspension that covers today."""
        measure = self._running_measure()
        if measure is None:
            return
        ws, tasks, today = self._workspace, self._tasks, self.today()

        def show(detail: MeasureDetail) -> None:
            suspension = current_suspension(detail, today)
            if suspension is None:
                self._open(SuspendMeasureDialog(ws, detail, tasks=tasks, parent=self))
            else:
                self._open(ResumeMeasureDialog(ws, detail, suspension, tasks=tasks, parent=self))

        self._with_detail(measure.measure_id, show)

    def ask_phase(self) -> None:
        """The phase of the selected running measure from a date."""
        measure = self._running_measure()
        if measure is None:
            return
        ws, tasks = self._workspace, self._tasks
        self._with_detail(
            measure.measure_id,
            lambda detail: self._open(PhaseDialog(ws, detail, tasks=tasks, parent=self)),
        )

    def ask_end(self) -> None:
        """End the selected measure (a diagnostic with its conclusion); again corrects it."""
        measure = self.selected_measure()
        if measure is None:
            return
        ws, tasks = self._workspace, self._tasks
        self._with_detail(
            measure.measure_id,
            lambda detail: self._open(EndMeasureDialog(ws, detail, tasks=tasks, parent=self)),
        )

    def ask_new_goal(self) -> FormDialog:
        """A new goal, of the selected measure by default."""
        return self._open(
            GoalDialog(
                self._workspace,
                self._household_id,
                self._measures,
                measure_id=self._selected_id,
                tasks=self._tasks,
                parent=self,
            )
        )

    def ask_edit_goal(self) -> FormDialog | None:
        """Edit the selected goal (the first one when none is selected)."""
        if not self._editable:
            return None
        goal = self.selected_goal()
        if goal is None and self.goals_model.rowCount():
            goal = self.goals_model.row(0)
        if goal is None:
            return None
        return self._open(
            GoalDialog(
                self._workspace,
                self._household_id,
                self._measures,
                goal=goal,
                tasks=self._tasks,
                parent=self,
            )
        )

    def ask_review(self) -> None:
        """Write the selected review due (else one for the selected measure); its PDF follows."""
        due = self.selected_review()
        if due is not None and due.state != DUE:
            return
        measure = self.selected_measure()
        measure_id = (
            due.measure_id if due is not None else (measure.measure_id if measure else None)
        )
        if measure_id is None:
            return
        ws, tasks = self._workspace, self._tasks
        self._with_detail(
            measure_id,
            lambda detail: self._open(WriteReviewDialog(ws, detail, due, tasks=tasks, parent=self)),
        )

    def ask_review_sent(self) -> None:
        """Record the day the selected review was sent to the funder."""
        due = self.selected_review()
        if due is None or due.state != TO_SEND or due.review_id is None:
            return
        ws, tasks, review_id = self._workspace, self._tasks, due.review_id

        def show(detail: MeasureDetail) -> None:
            review = next((r for r in detail.reviews if r.review_id == review_id), None)
            if review is not None:
                self._open(ReviewSentDialog(ws, review, tasks=tasks, parent=self))

        self._with_detail(due.measure_id, show)

    def ask_contact(self, kind: str | None = None) -> ContactDialog | None:
        """The contact form: kind focused first, Enter saves."""
        if not self._editable:
            return None
        dialog = ContactDialog(
            self._workspace,
            self._household_id,
            tasks=self._tasks,
            dialogs=self._dialogs,
            parent=self,
            kind=kind,
        )
        self._open(dialog)
        return dialog

    def ask_attestation(self) -> None:
        """The attestation form once the members are read."""
        ws, hid, tasks, dialogs = self._workspace, self._household_id, self._tasks, self._dialogs

        def show(choices: ContactChoices) -> None:
            self._open(
                AttestationDialog(
                    ws,
                    hid,
                    choices.persons,
                    self._measures,
                    tasks=tasks,
                    dialogs=dialogs,
                    parent=self,
                )
            )

        self._tasks.read(
            lambda _c: contact_choices(ws.database, actor=ws.actor, household_id=hid),
            name="attestation-choices",
            on_done=show,
            on_error=self._refused,
        )

    # ------------------------------------------------------------- refusals

    def _load_refused(self, error: BaseException) -> None:
        """Not this household's support: say so here, once, and let the file hide the tab."""
        if isinstance(error, KnownError) and error.code == DENIED:
            self.refusal_label.setText(error.text)
            self.refusal_label.setVisible(True)
            self.unavailable.emit(error.text)
            return
        self._refused(error)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Support"), error.text)
            return
        raise error
