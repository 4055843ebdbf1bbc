"""Every action of the Accompagnement tab, one dialog each (DOMAIN §2 SupportMeasure, Goal).

Each dialog holds a form, sends one service call through the write worker and stays open when
the service refuses: its French messages are shown under the fields they concern, and what was
typed is kept. A change of a measure, goal or review names the version read when the form was
opened, so a change saved meanwhile by someone else is refused with their name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import (
    DALO_STATUS,
    DESTINATION,
    DIAGNOSTIC_CONCLUSION,
    GOAL_DOMAIN,
    GOAL_STATUS,
    MEASURE_KIND,
    MEASURE_OUTCOME,
    MEASURE_PHASE,
    REFERRER,
    RENEWAL_DECISION,
    TARGET_PUBLIC,
    Vocabulary,
)
from desktop_app.reports.pdf.support import ATTESTATION_WORDS_MAX, REVIEW_TITLES
from desktop_app.services.contacts import PersonPresent
from desktop_app.services.support import (
    FINAL,
    GRANTED,
    INTERIM,
    OPEN,
    WORDING_MAX,
    AttestationParts,
    GoalInfo,
    MeasureChoices,
    MeasureDetail,
    MeasureRow,
    ReviewDue,
    ReviewInfo,
    SuspensionInfo,
    add_goal,
    attestation,
    end_measure,
    end_suspension,
    mark_review_sent,
    open_measure,
    record_review,
    renew_measure,
    set_phase,
    suspend_measure,
    update_goal,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, OptionalDateEdit, date_edit, day_of
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner

DIAGNOSTIC: Final = "diagnostic"
_MAX_MONTHS: Final = 120
_RENEWAL_MONTHS: Final = 6
_TEXT_HEIGHT: Final = 80
_ONE_DAY: Final = timedelta(days=1)


def code_combo(
    vocabulary: Vocabulary, *, empty: str | None = None, current: str | None = None
) -> QComboBox:
    """The French labels of a vocabulary (an empty first choice when ``empty`` names it)."""
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for code in vocabulary:
        combo.addItem(vocabulary.label(code), code)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _text_edit(text: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(_TEXT_HEIGHT)
    return edit


def _optional_code(combo: QComboBox) -> str | None:
    data = combo.currentData()
    return str(data) if data is not None else None


def measure_text(kind: str, start: date) -> str:
    """How a measure is named in a choice list: its kind and start."""
    return f"{MEASURE_KIND.label(kind)} — {format_date(start)}"


class SupportDialog(FormDialog):
    """The shared frame (`form.FormDialog`) of the Accompagnement dialogs.

    Signals:
        saved(object): what the service returned.
    """

    def __init__(
        self,
        title: str,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider | None = None,
        parent: QWidget | None = None,
        save_text: str | None = None,
    ) -> None:
        super().__init__(title, parent, tasks=tasks, dialogs=dialogs, save_text=save_text)
        self._workspace = workspace


# ------------------------------------------------------------------ measures


class NewMeasureDialog(SupportDialog):
    """A new measure: kind, programme, funder, start, public, prescription, planned months."""

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        choices: MeasureChoices,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("New measure"), workspace, tasks=tasks, parent=parent)
        self._household_id = household_id
        self.kind_combo = code_combo(MEASURE_KIND, current="avdl_non_dalo")
        self.programme_combo = QComboBox()
        for programme_id, name in choices.programmes:
            self.programme_combo.addItem(name, programme_id)
        self.funder_combo = QComboBox()
        self.funder_combo.addItem(self.tr("Not recorded"), None)
        for funder_id, name in choices.funders:
            self.funder_combo.addItem(name, funder_id)
        self.start_edit = date_edit()
        self.public_combo = code_combo(TARGET_PUBLIC, empty=self.tr("Not recorded"))
        self.dalo_combo = code_combo(DALO_STATUS, current="non_dalo")
        self.referrer_combo = code_combo(REFERRER, empty=self.tr("Not recorded"))
        self.prescribed_edit = OptionalDateEdit(None)
        self.signed_edit = OptionalDateEdit(None)
        self.months_spin = QSpinBox()
        self.months_spin.setRange(0, _MAX_MONTHS)
        self.months_spin.setSpecialValueText(self.tr("As set for the funder"))
        self.phase_combo = code_combo(
            MEASURE_PHASE, empty=self.tr("Not recorded"), current="towards"
        )
        self.field("kind", self.tr("Kind of measure"), self.kind_combo)
        self.field("programme_id", self.tr("Programme"), self.programme_combo)
        self.field("funder_id", self.tr("Funder"), self.funder_combo)
        self.field("start", self.tr("First day"), self.start_edit)
        self.field("target_public", self.tr("Target public"), self.public_combo)
        self.field("dalo_status", self.tr("DALO status"), self.dalo_combo)
        self.field("referrer", self.tr("Referrer"), self.referrer_combo)
        self.field("prescribed_on", self.tr("Prescription date"), self.prescribed_edit)
        self.field("contract_signed_on", self.tr("Support contract signed on"), self.signed_edit)
        self.field("planned_months", self.tr("Planned months"), self.months_spin)
        self.field("phase", self.tr("Phase"), self.phase_combo)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, _index: int = 0) -> None:
        """A diagnostic has no phase."""
        self.set_row_visible("phase", self.kind_combo.currentData() != DIAGNOSTIC)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `open_measure` call."""
        ws, hid = self._workspace, self._household_id
        kind = str(self.kind_combo.currentData())
        programme = self.programme_combo.currentData()
        funder = self.funder_combo.currentData()
        start = day_of(self.start_edit)
        public, dalo = _optional_code(self.public_combo), str(self.dalo_combo.currentData())
        referrer = _optional_code(self.referrer_combo)
        prescribed, signed = self.prescribed_edit.value(), self.signed_edit.value()
        months = self.months_spin.value() or None
        phase = _optional_code(self.phase_combo) if kind != DIAGNOSTIC else None
        return lambda: open_measure(
            ws.database,
            actor=ws.actor,
            household_id=hid,
            programme_id=int(programme),
            kind=kind,
            start=start,
            funder_id=int(funder) if funder is not None else None,
            target_public=public,
            dalo_status=dalo,
            referrer=referrer,
            prescribed_on=prescribed,
            contract_signed_on=signed,
            planned_months=months,
            phase=phase,
        )

    def accept(self) -> None:
        """No programme, no measure: say so here."""
        if self.programme_combo.currentIndex() < 0:
            self.show_issues([], general="⚠ " + self.tr("No programme is recorded yet."))
            return
        super().accept()


class _MeasureDialog(SupportDialog):
    """A change of one measure, named by the version read when the form opened."""

    def __init__(
        self,
        title: str,
        workspace: Workspace,
        detail: MeasureDetail,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, workspace, tasks=tasks, parent=parent)
        self._detail = detail
        self.set_intro(
            self.tr("{measure}, planned until {end}").format(
                measure=measure_text(detail.kind, detail.start),
                end=format_date(detail.end or detail.planned_end),
            )
        )


class RenewMeasureDialog(_MeasureDialog):
    """A renewal decision: date, months, granted or refused."""

    def __init__(
        self,
        workspace: Workspace,
        detail: MeasureDetail,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Renew the measure"), workspace, detail, tasks=tasks, parent=parent
        )
        self.decided_edit = date_edit()
        self.months_spin = QSpinBox()
        self.months_spin.setRange(1, _MAX_MONTHS)
        self.months_spin.setValue(_RENEWAL_MONTHS)
        self.decision_combo = code_combo(RENEWAL_DECISION, current=GRANTED)
        self.field("decided_on", self.tr("Decided on"), self.decided_edit)
        self.field("months", self.tr("Months"), self.months_spin)
        self.field("decision", self.tr("Decision"), self.decision_combo)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `renew_measure` call."""
        ws, detail = self._workspace, self._detail
        decided, months = day_of(self.decided_edit), self.months_spin.value()
        decision = str(self.decision_combo.currentData())
        return lambda: renew_measure(
            ws.database,
            actor=ws.actor,
            measure_id=detail.measure_id,
            version=detail.version,
            decided_on=decided,
            months=months,
            decision=decision,
        )


def current_suspension(detail: MeasureDetail, today: date) -> SuspensionInfo | None:
    """The suspension covering ``today`` (or still open), if any."""
    return next(
        (
            s
            for s in reversed(detail.suspensions)
            if s.start <= today and (s.end is None or s.end >= today)
        ),
        None,
    )


class SuspendMeasureDialog(_MeasureDialog):
    """A suspension from a date (to a date, or until the measure resumes)."""

    def __init__(
        self,
        workspace: Workspace,
        detail: MeasureDetail,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Suspend the measure"), workspace, detail, tasks=tasks, parent=parent
        )
        self.start_edit = date_edit()
        self.end_edit = OptionalDateEdit(None)
        self.field("start", self.tr("First day suspended"), self.start_edit)
        self.field("end", self.tr("Last day suspended"), self.end_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `suspend_measure` call."""
        ws, detail = self._workspace, self._detail
        start, end = day_of(self.start_edit), self.end_edit.value()
        return lambda: suspend_measure(
            ws.database,
            actor=ws.actor,
            measure_id=detail.measure_id,
            version=detail.version,
            start=start,
            end=end,
        )


class ResumeMeasureDialog(_MeasureDialog):
    """The end of a suspension: its last day (yesterday by default: the measure resumes today)."""

    def __init__(
        self,
        workspace: Workspace,
        detail: MeasureDetail,
        suspension: SuspensionInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Resume the measure"), workspace, detail, tasks=tasks, parent=parent
        )
        self._suspension = suspension
        self.set_intro(
            self.tr("Suspended since {start}.").format(start=format_date(suspension.start))
        )
        self.end_edit = date_edit(max(suspension.start, date.today() - _ONE_DAY))
        self.field("end", self.tr("Last day suspended"), self.end_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `end_suspension` call."""
        ws, detail = self._workspace, self._detail
        suspension_id, end = self._suspension.suspension_id, day_of(self.end_edit)
        return lambda: end_suspension(
            ws.database,
            actor=ws.actor,
            suspension_id=suspension_id,
            version=detail.version,
            end=end,
        )


class PhaseDialog(_MeasureDialog):
    """The phase of the measure from a date (the next phase is offered)."""

    def __init__(
        self,
        workspace: Workspace,
        detail: MeasureDetail,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change the phase"), workspace, detail, tasks=tasks, parent=parent)
        codes = MEASURE_PHASE.codes
        current = detail.phases[-1].phase if detail.phases else None
        following = codes[min(codes.index(current) + 1, len(codes) - 1)] if current else codes[0]
        self.phase_combo = code_combo(MEASURE_PHASE, current=following)
        self.from_edit = date_edit()
        self.field("phase", self.tr("Phase"), self.phase_combo)
        self.field("from_date", self.tr("From"), self.from_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `set_phase` call."""
        ws, detail = self._workspace, self._detail
        phase, from_date = str(self.phase_combo.currentData()), day_of(self.from_edit)
        return lambda: set_phase(
            ws.database,
            actor=ws.actor,
            measure_id=detail.measure_id,
            version=detail.version,
            phase=phase,
            from_date=from_date,
        )


class EndMeasureDialog(_MeasureDialog):
    """The end: outcome and housing situation, or a diagnostic's conclusion."""

    def __init__(
        self,
        workspace: Workspace,
        detail: MeasureDetail,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("End the measure"), workspace, detail, tasks=tasks, parent=parent)
        self.diagnostic = detail.kind == DIAGNOSTIC
        self.end_edit = date_edit(detail.end)
        self.field("end", self.tr("Last day"), self.end_edit)
        self.conclusion_combo = code_combo(DIAGNOSTIC_CONCLUSION, current=detail.conclusion)
        self.outcome_combo = code_combo(
            MEASURE_OUTCOME, empty=self.tr("Choose…"), current=detail.outcome
        )
        self.destination_combo = code_combo(
            DESTINATION, empty=self.tr("Choose…"), current=detail.destination
        )
        if self.diagnostic:
            self.field("conclusion", self.tr("Conclusion of the diagnostic"), self.conclusion_combo)
        else:
            self.field("outcome", self.tr("Outcome"), self.outcome_combo)
            self.field(
                "destination", self.tr("Housing situation at the end"), self.destination_combo
            )

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `end_measure` call."""
        ws, detail = self._workspace, self._detail
        end = day_of(self.end_edit)
        conclusion = _optional_code(self.conclusion_combo) if self.diagnostic else None
        outcome = None if self.diagnostic else _optional_code(self.outcome_combo)
        destination = None if self.diagnostic else _optional_code(self.destination_combo)
        return lambda: end_measure(
            ws.database,
            actor=ws.actor,
            measure_id=detail.measure_id,
            version=detail.version,
            end=end,
            outcome=outcome,
            destination=destination,
            conclusion=conclusion,
        )


# ------------------------------------------------------------------ goals


class GoalDialog(SupportDialog):
    """A goal of the plan, the person's strengths first; editing adds progress and status."""

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        measures: Sequence[MeasureRow],
        *,
        goal: GoalInfo | None = None,
        measure_id: int | None = None,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New goal") if goal is None else self.tr("Edit the goal")
        super().__init__(title, workspace, tasks=tasks, parent=parent)
        self._household_id, self._goal = household_id, goal
        self.set_intro(
            self.tr("Start from what the person already does well: their strengths come first.")
        )
        self.strengths_edit = _text_edit(goal.strengths if goal else "")
        self.domain_combo = code_combo(GOAL_DOMAIN, current=goal.domain if goal else "housing")
        self.wording_edit = QLineEdit(goal.wording if goal else "")
        self.wording_edit.setMaxLength(WORDING_MAX)
        self.measure_combo = QComboBox()
        self.measure_combo.addItem(self.tr("The household's plan (no measure)"), None)
        for measure in measures:
            self.measure_combo.addItem(
                measure_text(measure.kind, measure.start), measure.measure_id
            )
        chosen = goal.measure_id if goal is not None else measure_id
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findData(chosen)))
        self.target_edit = OptionalDateEdit(goal.target_on if goal else None)
        self.field("strengths", self.tr("Strengths (points d'appui)"), self.strengths_edit)
        self.field("domain", self.tr("Domain"), self.domain_combo)
        self.field("wording", self.tr("Goal"), self.wording_edit)
        self.field("measure_id", self.tr("Measure"), self.measure_combo)
        self.field("target_on", self.tr("Target date"), self.target_edit)
        self.progress_edit = _text_edit(goal.progress if goal else "")
        self.attention_edit = _text_edit(goal.attention_points if goal else "")
        self.status_combo = code_combo(GOAL_STATUS, current=goal.status if goal else OPEN)
        self.closed_edit = date_edit(goal.closed_on if goal else None)
        if goal is not None:
            self.field("progress", self.tr("Progress"), self.progress_edit)
            self.field("attention_points", self.tr("Points of attention"), self.attention_edit)
            self.field("status", self.tr("Status"), self.status_combo)
            self.field("closed_on", self.tr("Closed on"), self.closed_edit)
            self.status_combo.currentIndexChanged.connect(self._status_changed)
            self._status_changed()

    def _status_changed(self, _index: int = 0) -> None:
        """An open goal has no closing date."""
        self.set_row_visible("closed_on", self.status_combo.currentData() != OPEN)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `add_goal` or `update_goal` call."""
        ws, hid, goal = self._workspace, self._household_id, self._goal
        domain, wording = str(self.domain_combo.currentData()), self.wording_edit.text()
        strengths = self.strengths_edit.toPlainText()
        data = self.measure_combo.currentData()
        measure_id = int(data) if data is not None else None
        target = self.target_edit.value()
        if goal is None:
            return lambda: add_goal(
                ws.database,
                actor=ws.actor,
                household_id=hid,
                domain=domain,
                wording=wording,
                strengths=strengths,
                measure_id=measure_id,
                target_on=target,
            )
        progress = self.progress_edit.toPlainText()
        attention = self.attention_edit.toPlainText()
        status = str(self.status_combo.currentData())
        closed = day_of(self.closed_edit) if status != OPEN else None
        return lambda: update_goal(
            ws.database,
            actor=ws.actor,
            goal_id=goal.goal_id,
            version=goal.version,
            domain=domain,
            wording=wording,
            strengths=strengths,
            progress=progress,
            attention_points=attention,
            status=status,
            target_on=target,
            measure_id=measure_id,
            closed_on=closed,
        )


# ------------------------------------------------------------------ reviews (bilans)


def _period_start(detail: MeasureDetail, due_on: date | None) -> date:
    """The day after the previous due date (or the last review), else the measure's start."""
    before = [d for d in detail.review_due_dates if due_on is not None and d < due_on]
    if before:
        return before[-1] + _ONE_DAY
    if due_on is None and detail.reviews:
        return detail.reviews[-1].period_end + _ONE_DAY
    return detail.start


class WriteReviewDialog(SupportDialog):
    """A review (bilan): its period, the household's words, the next steps; then its PDF.

    The PDF (goals with the person's strengths first, the contacts of the period) goes into
    the household's documents.
    """

    def __init__(
        self,
        workspace: Workspace,
        detail: MeasureDetail,
        due: ReviewDue | None = None,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Write the review"),
            workspace,
            tasks=tasks,
            parent=parent,
            save_text=self.tr("Write the PDF"),
        )
        self._detail, self._due = detail, due
        today = date.today()
        due_on = due.due_on if due is not None else None
        self.set_intro(
            self.tr("{measure}. The PDF is kept in the household's documents.").format(
                measure=measure_text(detail.kind, detail.start)
            )
        )
        self.kind_combo = QComboBox()
        for kind in (INTERIM, FINAL):
            self.kind_combo.addItem(REVIEW_TITLES[kind], kind)
        default_kind = due.kind if due is not None else (FINAL if detail.end else INTERIM)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(default_kind))
        start = _period_start(detail, due_on)
        end = min(due_on, today) if due_on is not None else today
        self.period_start_edit = date_edit(start)
        self.period_end_edit = date_edit(max(start, end))
        self.written_edit = date_edit()
        self.shared_edit = OptionalDateEdit(None)
        self.words_edit = _text_edit()
        self.next_steps_edit = _text_edit()
        self.field("kind", self.tr("Review"), self.kind_combo)
        self.field("period_start", self.tr("Period from"), self.period_start_edit)
        self.field("period_end", self.tr("Period to"), self.period_end_edit)
        self.field("written_on", self.tr("Written on"), self.written_edit)
        self.field("shared_on", self.tr("Shared with the household on"), self.shared_edit)
        self.field("household_words", self.tr("The household's words"), self.words_edit)
        self.field("next_steps", self.tr("Next steps"), self.next_steps_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `record_review` call (it writes the PDF into the documents)."""
        ws, measure_id = self._workspace, self._detail.measure_id
        due_on = self._due.due_on if self._due is not None else None
        kind = str(self.kind_combo.currentData())
        start, end = day_of(self.period_start_edit), day_of(self.period_end_edit)
        written, shared = day_of(self.written_edit), self.shared_edit.value()
        words, steps = self.words_edit.toPlainText(), self.next_steps_edit.toPlainText()
        return lambda: record_review(
            ws.database,
            actor=ws.actor,
            measure_id=measure_id,
            kind=kind,
            period_start=start,
            period_end=end,
            written_on=written,
            next_steps=steps,
            household_words=words,
            shared_on=shared,
            due_on=due_on,
        )


class ReviewSentDialog(SupportDialog):
    """The day a review was sent to the funder."""

    def __init__(
        self,
        workspace: Workspace,
        review: ReviewInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Review sent"), workspace, tasks=tasks, parent=parent)
        self._review = review
        self.set_intro(
            self.tr("{title} written on {day}.").format(
                title=REVIEW_TITLES.get(review.kind, review.kind),
                day=format_date(review.written_on),
            )
        )
        self.sent_edit = date_edit()
        self.field("sent_on", self.tr("Sent to the funder on"), self.sent_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The `mark_review_sent` call."""
        ws, review = self._workspace, self._review
        sent_on = day_of(self.sent_edit)
        return lambda: mark_review_sent(
            ws.database,
            actor=ws.actor,
            review_id=review.review_id,
            version=review.version,
            sent_on=sent_on,
        )


# ------------------------------------------------------------------ attestation de suivi


class AttestationDialog(SupportDialog):
    """An attestation de suivi: the person chooses each part it shows (nothing by default).

    Save asks where to write the PDF (through the `DialogProvider`), produces it, writes it
    there and opens it. Health, debts and notes never appear on it.

    Signals:
        saved(object): the `Path` written.
    """

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        persons: Sequence[PersonPresent],
        measures: Sequence[MeasureRow],
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Attestation de suivi"),
            workspace,
            tasks=tasks,
            dialogs=dialogs,
            parent=parent,
            save_text=self.tr("Save the PDF…"),
        )
        self._household_id = household_id
        self._provider = dialogs
        self.set_intro(
            self.tr(
                "Tick only what the person agrees to show. The attestation never mentions "
                "health, debts or notes."
            )
        )
        self.person_combo = QComboBox()
        for person in persons:
            self.person_combo.addItem(person.name, person.person_id)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("As the person wants it written (optional)"))
        self.measure_combo = QComboBox()
        self.measure_combo.addItem(self.tr("The running measure"), None)
        for measure in measures:
            if measure.kind != DIAGNOSTIC:
                self.measure_combo.addItem(
                    measure_text(measure.kind, measure.start), measure.measure_id
                )
        self.kind_check = QCheckBox(self.tr("The kind of support"))
        self.dates_check = QCheckBox(self.tr("Its dates"))
        self.programme_check = QCheckBox(self.tr("The programme"))
        self.worker_check = QCheckBox(self.tr("The key worker"))
        self.words_edit = _text_edit()
        self.field("person_id", self.tr("Person"), self.person_combo)
        self.field("name_as", self.tr("Name written"), self.name_edit)
        self.field("measure_id", self.tr("Support attested"), self.measure_combo)
        for check in (self.kind_check, self.dates_check, self.programme_check, self.worker_check):
            self.row(self.tr("Show"), check)
            check.setAccessibleName(check.text())
        self.field("person_words", self.tr("The person's words"), self.words_edit)

    def parts(self) -> AttestationParts:
        """The parts chosen."""
        data = self.measure_combo.currentData()
        return AttestationParts(
            name_as=self.name_edit.text().strip() or None,
            measure_id=int(data) if data is not None else None,
            show_kind=self.kind_check.isChecked(),
            show_dates=self.dates_check.isChecked(),
            show_programme=self.programme_check.isChecked(),
            show_worker=self.worker_check.isChecked(),
            person_words=self.words_edit.toPlainText(),
        )

    def accept(self) -> None:
        """Ask where to save, then produce the PDF, write it there and open it."""
        if self.person_combo.currentIndex() < 0:
            return
        if len(self.words_edit.toPlainText().strip()) > ATTESTATION_WORDS_MAX:
            self.show_issues(
                [
                    ValidationIssue(
                        "person_words",
                        "attestation.words_too_long",
                        {"maximum": ATTESTATION_WORDS_MAX},
                    )
                ]
            )
            return
        target = self._provider.save_file(
            self,
            self.tr("Save the attestation"),
            Path.home() / "attestation-suivi.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if target is None:
            return
        ws, hid = self._workspace, self._household_id
        person_id, parts = int(self.person_combo.currentData()), self.parts()

        def job() -> Path:
            produced = attestation(
                ws.database, actor=ws.actor, household_id=hid, person_id=person_id, parts=parts
            )
            target.write_bytes(produced.content)
            return target

        self.submit(job, name="attestation")

    def finished_with(self, result: object) -> None:
        """The PDF is written: open it, then close."""
        if isinstance(result, Path) and not self._provider.open_path(result):
            self._provider.inform(
                self,
                self.windowTitle(),
                self.tr("The attestation was saved as {path}.").format(path=str(result)),
            )
        super().finished_with(result)
