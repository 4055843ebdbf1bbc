"""Admissions: the candidatures, the waiting list of a programme, decisions and admissions.

A programme filter and « Waiting / Decided / All » choose the candidatures shown: waiting ones
oldest first (with their rank in the waiting list when one programme is chosen), the others
newest first, decided ones by decision date within the period. Under the table, the figures
of the programme (or of all) over the period: received, admitted, refused by reason, mean
delay orientation → entry. « New candidature… », « Step… », « Decision… », « Admit… » open
their dialogs (`dialogs.candidature`); Enter or a double click opens the household's file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.vocabulary import (
    CANDIDATURE_DECISION,
    CANDIDATURE_STEP,
    REFUSAL_REASON,
    SECTOR,
)
from desktop_app.services.admissions import (
    AdmissionChoices,
    AdmissionFigures,
    CandidatureInfo,
    CandidatureQuery,
    CandidatureRow,
    admission_choices,
    admission_figures,
    candidature_detail,
    list_candidatures,
)
from desktop_app.services.rehousing import RehousingFigures, rehousing_figures
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.candidature import (
    AdmitDialog,
    DecisionDialog,
    NewCandidatureDialog,
    StepDialog,
)
from desktop_app.ui.dialogs.form import FormDialog, date_edit, day_of, qdate
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.base import SectionView

Index = QModelIndex | QPersistentModelIndex

_MODEL = "CandidaturesTableModel"
_HEADERS = (
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Rank"),
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Household"),
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Head"),
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Programme"),
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Dwelling / place"),
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Oriented on"),
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Days waiting"),
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Last step"),
    QT_TRANSLATE_NOOP("CandidaturesTableModel", "Decision"),
)
RANK, HOUSEHOLD, HEAD, PROGRAMME, PLACE, ORIENTED, DAYS, STEP, DECISION = range(len(_HEADERS))
_WAITING = QT_TRANSLATE_NOOP("CandidaturesTableModel", "Waiting")
_ON = QT_TRANSLATE_NOOP("CandidaturesTableModel", "{what} on {date}")
_DECIDED_ON = QT_TRANSLATE_NOOP("CandidaturesTableModel", "{decision} on {date} ({reason})")


def _translate(text: object) -> str:
    return QCoreApplication.translate(_MODEL, str(text))


def _step_text(row: CandidatureRow) -> str:
    if row.last_step is None or row.last_step_on is None:
        return ""
    return _translate(_ON).format(
        what=CANDIDATURE_STEP.label(row.last_step), date=format_date(row.last_step_on)
    )


def _decision_text(row: CandidatureRow) -> str:
    if row.decision is None or row.decided_on is None:
        return _translate(_WAITING)
    decision = CANDIDATURE_DECISION.label(row.decision)
    if row.refusal_reason is not None:
        return _translate(_DECIDED_ON).format(
            decision=decision,
            date=format_date(row.decided_on),
            reason=REFUSAL_REASON.label(row.refusal_reason),
        )
    return _translate(_ON).format(what=decision, date=format_date(row.decided_on))


_CELLS: dict[int, Callable[[CandidatureRow], str]] = {
    RANK: lambda row: str(row.rank) if row.rank is not None else "",
    HOUSEHOLD: lambda row: row.household_reference,
    HEAD: lambda row: row.head,
    PROGRAMME: lambda row: row.programme,
    PLACE: lambda row: row.dwelling or row.residence or "",
    ORIENTED: lambda row: format_date(row.oriented_on),
    DAYS: lambda row: str(row.days_waiting),
    STEP: _step_text,
    DECISION: _decision_text,
}


# What one reading brings: the rows, and the period's figures (None when it ends before it starts).
_Reading = tuple[list[CandidatureRow], AdmissionFigures | None, RehousingFigures | None]


class CandidaturesTableModel(QAbstractTableModel):
    """The candidatures listed, in the service's order; replaced as a whole."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CandidatureRow] = []

    def set_rows(self, rows: Sequence[CandidatureRow]) -> None:
        """Show these candidatures."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def candidature(self, row: int) -> CandidatureRow:
        """The candidature on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per candidature (a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rank, household, head, programme, place, orientation, days, step, decision."""
        return 0 if parent.isValid() else len(_HEADERS)

    @staticmethod
    def text(row: CandidatureRow, column: int) -> str:
        """The text of a cell."""
        return _CELLS[column](row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, also as tooltip; numbers aligned right."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (RANK, DAYS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The translated column titles."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_HEADERS)
        ):
            return _translate(_HEADERS[section])
        return None


class AdmissionsView(SectionView):
    """Candidatures, waiting list, figures and the actions of admissions.

    Signals:
        open_household(int): the household whose file to open.
    """

    open_household = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._dialogs = dialogs
        self._choices: AdmissionChoices | None = None
        self._today: date | None = None
        self._loaded_once = False
        self._running: TaskHandle | None = None
        self.dialog: FormDialog | None = None
        actor = workspace.actor
        self._records = may_ever(actor, "candidatures.edit")
        self._decides = may_ever(actor, "admissions.edit")
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addLayout(self._actions())
        self.model = CandidaturesTableModel()
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Candidatures"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        self.figures_label.setAccessibleName(self.tr("Admission figures"))
        layout.addWidget(self.figures_label)
        self.status_label = QLabel()
        layout.addWidget(self.status_label)
        self._selection_changed()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel(self.tr("Admissions"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        row.addWidget(title)
        row.addStretch(1)
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName(self.tr("Programme"))
        self.programme_combo.addItem(self.tr("All programmes"), None)
        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(self.tr("Candidatures shown"))
        self.state_combo.addItem(self.tr("Waiting"), "waiting")
        self.state_combo.addItem(self.tr("Decided"), "decided")
        self.state_combo.addItem(self.tr("All"), "all")
        today = date.today()
        self.start_edit = date_edit(date(today.year, 1, 1))
        self.start_edit.setAccessibleName(self.tr("Period from"))
        self.end_edit = date_edit(today)
        self.end_edit.setAccessibleName(self.tr("Period to"))
        for label, widget in (
            (self.tr("&Programme"), self.programme_combo),
            (self.tr("&Show"), self.state_combo),
            (self.tr("F&rom"), self.start_edit),
            (self.tr("&To"), self.end_edit),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        self.programme_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.state_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.start_edit.editingFinished.connect(self.refresh)
        self.end_edit.editingFinished.connect(self.refresh)
        return row

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New candidature…"))
        self.new_button.setAccessibleName(self.tr("Record a new candidature"))
        self.step_button = QPushButton(self.tr("St&ep…"))
        self.step_button.setAccessibleName(self.tr("Add a step to the selected candidature"))
        self.decision_button = QPushButton(self.tr("&Decision…"))
        self.decision_button.setAccessibleName(
            self.tr("Record the decision on the selected candidature")
        )
        self.admit_button = QPushButton(self.tr("&Admit…"))
        self.admit_button.setAccessibleName(self.tr("Admit the selected candidature"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the candidatures"))
        self.new_button.setVisible(self._records)
        self.step_button.setVisible(self._records)
        self.decision_button.setVisible(self._decides)
        self.admit_button.setVisible(self._decides)
        for button in (
            self.new_button,
            self.step_button,
            self.decision_button,
            self.admit_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        self.new_button.clicked.connect(self.ask_new)
        self.step_button.clicked.connect(self.ask_step)
        self.decision_button.clicked.connect(self.ask_decision)
        self.admit_button.clicked.connect(self.ask_admit)
        self.refresh_button.clicked.connect(self.refresh)
        return row

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Admissions")

    # -------------------------------------------------------------- reading

    def showEvent(self, event: QShowEvent) -> None:
        """Read the candidatures the first time the screen is shown."""
        super().showEvent(event)
        if not self._loaded_once and self._running is None:
            self.load()

    def load(self, today: date | None = None) -> None:
        """Read the choices, the candidatures and the figures (as of ``today`` when given)."""
        if today is not None:
            self._today = today
            self.end_edit.setDate(qdate(today))
            self.start_edit.setDate(qdate(date(today.year, 1, 1)))
        self._loaded_once = True
        ws = self._workspace

        def job(control: TaskControl) -> AdmissionChoices:
            control.checkpoint()
            return admission_choices(ws.database, actor=ws.actor)

        self._tasks.read(job, name="admission-choices", on_done=self._choices_read)
        self.refresh()

    def _choices_read(self, choices: AdmissionChoices) -> None:
        self._choices = choices
        current = self.programme_combo.currentData()
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        self.programme_combo.addItem(self.tr("All programmes"), None)
        for pid, name in choices.programmes:
            self.programme_combo.addItem(name, pid)
        self.programme_combo.setCurrentIndex(max(self.programme_combo.findData(current), 0))
        self.programme_combo.blockSignals(False)

    def query(self) -> CandidatureQuery:
        """What the filters ask (the period filters decided candidatures only)."""
        state = str(self.state_combo.currentData())
        waiting = state == "waiting"
        return CandidatureQuery(
            programme_id=self.programme_combo.currentData(),
            state=state,
            start=None if waiting else day_of(self.start_edit),
            end=None if waiting else day_of(self.end_edit),
        )

    def refresh(self) -> None:
        """Read the candidatures and the figures again."""
        if self._running is not None:
            self._running.cancel()
        ws, query, today = self._workspace, self.query(), self._today
        start, end = day_of(self.start_edit), day_of(self.end_edit)

        def job(control: TaskControl) -> _Reading:
            control.checkpoint()
            rows = list_candidatures(ws.database, actor=ws.actor, query=query, today=today)
            control.checkpoint()
            if start > end:
                return rows, None, None
            figures = admission_figures(
                ws.database,
                actor=ws.actor,
                programme_id=query.programme_id,
                start=start,
                end=end,
            )
            rehoused = rehousing_figures(
                ws.database, actor=ws.actor, programme_id=query.programme_id, start=start, end=end
            )
            return rows, figures, rehoused

        self.status_label.setText(self.tr("Loading the candidatures…"))
        self._running = self._tasks.read(
            job, name="candidatures", on_done=self._read, on_error=self._failed
        )

    def _read(self, result: _Reading) -> None:
        self._running = None
        rows, figures, rehoused = result
        self.model.set_rows(rows)
        ranked = self.state_combo.currentData() == "waiting" and (
            self.programme_combo.currentData() is not None
        )
        self.table.setColumnHidden(RANK, not ranked)
        self.table.resizeColumnsToContents()
        self.status_label.setText(self.tr("{count} candidature(s).").format(count=len(rows)))
        self.figures_label.setText(self.figures_text(figures, rehoused))
        self._selection_changed()

    def figures_text(
        self, figures: AdmissionFigures | None, rehoused: RehousingFigures | None = None
    ) -> str:
        """Received, admitted, refused by reason, mean delay, rehousings: one paragraph."""
        if figures is None:
            return self.tr("The period ends before it starts: no figures.")
        text = self._admission_text(figures)
        if rehoused is None:
            return text
        sectors = ", ".join(
            f"{SECTOR.label(code).lower()} {number}" for code, number in rehoused.by_sector
        )
        return (
            text
            + " "
            + self.tr("Rehousings: {count} ({sectors}).").format(
                count=rehoused.count, sectors=sectors
            )
        )

    def _admission_text(self, figures: AdmissionFigures) -> str:
        reasons = ", ".join(
            f"{REFUSAL_REASON.label(code)} {number}"
            for code, number in figures.refused_by_reason
            if number
        )
        delay = (
            self.tr("{days} days over {count} entries").format(
                days=f"{figures.mean_delay_days:.1f}".replace(".", ","), count=figures.entries
            )
            if figures.mean_delay_days is not None
            else self.tr("no entry")
        )
        return self.tr(
            "From {start} to {end}: {received} received, {admitted} admitted, {refused} refused"
            " or without follow-up ({reasons}); mean delay orientation → entry: {delay};"
            " {waiting} waiting at the end."
        ).format(
            start=format_date(figures.start),
            end=format_date(figures.end),
            received=figures.received,
            admitted=figures.admitted,
            refused=figures.refused,
            reasons=reasons or self.tr("none"),
            delay=delay,
            waiting=figures.waiting_at_end,
        )

    def _failed(self, error: BaseException) -> None:
        self._running = None
        if isinstance(error, KnownError):
            self.status_label.setText(error.text)
            return
        raise error

    # -------------------------------------------------------------- selection and actions

    def selected(self) -> CandidatureRow | None:
        """The candidature selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.candidature(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self.step_button.setEnabled(row is not None)
        self.decision_button.setEnabled(row is not None and row.stay_id is None)
        self.admit_button.setEnabled(
            row is not None and row.stay_id is None and row.decision in (None, "admitted")
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_household.emit(self.model.candidature(index.row()).household_id)

    def _show(self, dialog: FormDialog) -> FormDialog:
        dialog.saved.connect(lambda _result: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def ask_new(self) -> None:
        """Open the form of a new candidature (non-blocking)."""
        if self._choices is None:
            self._dialogs.inform(self, self.tr("Admissions"), self.tr("Still loading…"))
            return
        self._show(
            NewCandidatureDialog(
                self._workspace,
                self._choices,
                tasks=self._tasks,
                dialogs=self._dialogs,
                programme_id=self.programme_combo.currentData(),
                today=self._today,
                parent=self,
            )
        )

    def ask_step(self) -> None:
        """Add a step to the selected candidature."""
        row = self._need_selection()
        if row is not None:
            self._show(
                StepDialog(
                    self._workspace,
                    row.candidature_id,
                    tasks=self._tasks,
                    today=self._today,
                    parent=self,
                )
            )

    def ask_decision(self) -> None:
        """Record or correct the decision on the selected candidature (reads it first)."""
        self._with_detail(
            lambda info: DecisionDialog(
                self._workspace, info, tasks=self._tasks, today=self._today, parent=self
            )
        )

    def ask_admit(self) -> None:
        """Admit the selected candidature (reads it first)."""
        choices = self._choices
        if choices is None:
            self._dialogs.inform(self, self.tr("Admissions"), self.tr("Still loading…"))
            return
        self._with_detail(
            lambda info: AdmitDialog(
                self._workspace,
                info,
                choices,
                tasks=self._tasks,
                today=self._today,
                parent=self,
            )
        )

    def _need_selection(self) -> CandidatureRow | None:
        row = self.selected()
        if row is None:
            self._dialogs.inform(
                self, self.tr("Admissions"), self.tr("Select a candidature first.")
            )
        return row

    def _with_detail(self, build: Callable[[CandidatureInfo], FormDialog]) -> None:
        row = self._need_selection()
        if row is None:
            return
        ws, cid, today = self._workspace, row.candidature_id, self._today

        def job(_control: TaskControl) -> CandidatureInfo:
            return candidature_detail(ws.database, actor=ws.actor, candidature_id=cid, today=today)

        def show(info: CandidatureInfo) -> None:
            self._show(build(info))

        self._tasks.read(job, name="candidature-detail", on_done=show, on_error=self._refused)

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Admissions"), error.text)
            self.refresh()
            return
        raise error


__all__ = ["AdmissionsView", "CandidaturesTableModel"]
