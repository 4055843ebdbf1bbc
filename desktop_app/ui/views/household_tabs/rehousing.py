"""« Relogement »: social-housing applications and DALO, offers, rehousings of a household."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Final, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.vocabulary import (
    APPLICATION_STATUS,
    DESTINATION,
    OFFER_OUTCOME,
    SECTOR,
    TYPOLOGY,
)
from desktop_app.services.rehousing import (
    EDIT,
    ApplicationInfo,
    OfferInfo,
    RehousingFile,
    RehousingInfo,
    rehousing_file,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.dialogs.rehousing import (
    ApplicationDialog,
    DaloDialog,
    OfferDialog,
    OfferOutcomeDialog,
    RecordRehousingDialog,
    RenewApplicationDialog,
)
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner

DENIED: Final = "auth.denied"
ACTIVE: Final = "active"

EMPTY = RehousingFile((), (), (), (), ())
D = TypeVar("D", bound=FormDialog)


class RehousingTab(QWidget):
    """Applications (renewal, DALO), offers and their outcome, rehousings, each with its actions.

    Days that matter are written out (lapse day, the préfet's time limit), never shown by colour
    alone. ``today`` is the clock the tab reads (tests and screenshots fix it).

    Signals:
        changed(): a save succeeded (the household file reloads its other tabs: stays, path).
        unavailable(str): the actor may not read this household's admissions (the French
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
        self._editable = may_ever(workspace.actor, EDIT)
        self.today: Callable[[], date] = date.today
        self.content = EMPTY
        self.dialog: FormDialog | None = None
        layout = QVBoxLayout(self)
        self.refusal_label = QLabel()
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setVisible(False)
        layout.addWidget(self.refusal_label)
        layout.addWidget(self._applications_group(), 1)
        layout.addWidget(self._offers_group(), 1)
        layout.addWidget(self._rehousings_group(), 1)
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
        table.selectionModel().selectionChanged.connect(lambda _s, _d: self._enable_buttons())
        return table

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

    def _applications_group(self) -> QGroupBox:
        self.applications_model: DtoTableModel[ApplicationInfo] = DtoTableModel(
            [
                (self.tr("Number"), lambda a: a.number),
                (self.tr("Filed on"), lambda a: format_date(a.filed_on)),
                (
                    self.tr("Renewed on"),
                    lambda a: format_date(a.renewed_on) if a.renewed_on else "",
                ),
                (self.tr("Lapses on"), self._lapse_text),
                (self.tr("Status"), lambda a: APPLICATION_STATUS.label(a.status)),
                (self.tr("DALO"), self._dalo_text),
            ]
        )
        self.applications_table = self._table(self.applications_model, self.tr("Applications"))
        self.applications_table.activated.connect(lambda _index: self.ask_edit_application())
        group, buttons = self._group(
            self.tr("Social-housing applications"),
            self.applications_table,
            [
                (self.tr("New…"), self.ask_new_application),
                (self.tr("Renew…"), self.ask_renew),
                (self.tr("DALO…"), self.ask_dalo),
                (self.tr("Edit…"), self.ask_edit_application),
            ],
        )
        (
            self.new_application_button,
            self.renew_button,
            self.dalo_button,
            self.edit_application_button,
        ) = buttons
        return group

    def _offers_group(self) -> QGroupBox:
        self.offers_model: DtoTableModel[OfferInfo] = DtoTableModel(
            [
                (self.tr("Offered on"), lambda o: format_date(o.offered_on)),
                (self.tr("Landlord"), lambda o: o.landlord),
                (self.tr("Commune"), lambda o: o.commune),
                (self.tr("Typology"), lambda o: TYPOLOGY.label(o.typology) if o.typology else ""),
                (self.tr("Rent"), lambda o: format_eur(o.rent) if o.rent is not None else ""),
                (self.tr("Outcome"), self._outcome_text),
            ]
        )
        self.offers_table = self._table(self.offers_model, self.tr("Offers"))
        self.offers_table.activated.connect(lambda _index: self.ask_outcome())
        group, buttons = self._group(
            self.tr("Housing offers"),
            self.offers_table,
            [
                (self.tr("New…"), self.ask_new_offer),
                (self.tr("Outcome…"), self.ask_outcome),
            ],
        )
        self.new_offer_button, self.outcome_button = buttons
        return group

    def _rehousings_group(self) -> QGroupBox:
        self.rehousings_model: DtoTableModel[RehousingInfo] = DtoTableModel(
            [
                (self.tr("Lease signed on"), lambda r: format_date(r.signed_on)),
                (self.tr("Landlord"), lambda r: r.landlord),
                (self.tr("Sector"), lambda r: SECTOR.label(r.sector)),
                (self.tr("Commune"), lambda r: r.commune or ""),
                (self.tr("Housing situation"), lambda r: DESTINATION.label(r.destination)),
                (self.tr("Support"), self._support_text),
            ]
        )
        self.rehousings_table = self._table(self.rehousings_model, self.tr("Rehousings"))
        group, buttons = self._group(
            self.tr("Rehousings"),
            self.rehousings_table,
            [(self.tr("Record a rehousing…"), self.ask_rehousing)],
        )
        (self.rehousing_button,) = buttons
        return group

    # ------------------------------------------------------------- texts

    def _lapse_text(self, application: ApplicationInfo) -> str:
        if application.lapses_on is None:
            return "—"
        day = format_date(application.lapses_on)
        if application.lapses_on < self.today():
            return self.tr("⚠ {day} (not renewed)").format(day=day)
        return day

    def _dalo_text(self, application: ApplicationInfo) -> str:
        if application.comed_decision_on is None:
            if application.dalo_filed_on is None:
                return ""
            return self.tr("Filed on {day}").format(day=format_date(application.dalo_filed_on))
        decided = format_date(application.comed_decision_on)
        if application.dalo_recognised and application.dalo_time_limit is not None:
            return self.tr("PU DALO on {day}, préfet's limit {limit}").format(
                day=decided, limit=format_date(application.dalo_time_limit)
            )
        if application.dalo_recognised is False:
            return self.tr("Not recognised on {day}").format(day=decided)
        return self.tr("COMED decision on {day}").format(day=decided)

    def _outcome_text(self, offer: OfferInfo) -> str:
        if offer.outcome is None or offer.outcome_on is None:
            return self.tr("Awaiting an answer")
        text = f"{OFFER_OUTCOME.label(offer.outcome)} ({format_date(offer.outcome_on)})"
        return f"{text} — {offer.reason}" if offer.reason else text

    def _support_text(self, rehousing: RehousingInfo) -> str:
        if rehousing.measure_id is None:
            return ""
        if rehousing.support_continues:
            return self.tr("Continues in the home")
        return self.tr("Measure ended")

    # ------------------------------------------------------------- reading

    def load(self) -> None:
        """Read applications, offers, rehousings and what a rehousing may end (read worker)."""
        ws, hid, today = self._workspace, self._household_id, self.today()
        self._tasks.read(
            lambda _c: rehousing_file(ws.database, actor=ws.actor, household_id=hid, today=today),
            name="rehousing",
            on_done=self._show,
            on_error=self._load_refused,
        )

    def _show(self, content: RehousingFile) -> None:
        self.refusal_label.setVisible(False)
        self.content = content
        self.applications_model.set_rows(content.applications)
        self.offers_model.set_rows(content.offers)
        self.rehousings_model.set_rows(content.rehousings)
        for table in (self.applications_table, self.offers_table, self.rehousings_table):
            table.resizeColumnsToContents()
            if table.model().rowCount():
                table.selectRow(0)
        self._enable_buttons()

    def selected_application(self) -> ApplicationInfo | None:
        """The application selected, if any."""
        rows = self.applications_table.selectionModel().selectedRows()
        return self.applications_model.row(rows[0].row()) if rows else None

    def selected_offer(self) -> OfferInfo | None:
        """The offer selected, if any."""
        rows = self.offers_table.selectionModel().selectedRows()
        return self.offers_model.row(rows[0].row()) if rows else None

    def _enable_buttons(self) -> None:
        application = self.selected_application()
        self.renew_button.setEnabled(application is not None and application.status == ACTIVE)
        self.dalo_button.setEnabled(application is not None)
        self.edit_application_button.setEnabled(application is not None)
        self.outcome_button.setEnabled(self.selected_offer() is not None)

    # ------------------------------------------------------------- actions

    def _open(self, dialog: D) -> D:
        dialog.saved.connect(self._saved)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _saved(self, _result: object = None) -> None:
        self.changed.emit()
        self.load()

    def ask_new_application(self) -> ApplicationDialog:
        """A new social-housing application."""
        ws, hid = self._workspace, self._household_id
        return self._open(ApplicationDialog(ws, hid, tasks=self._tasks, parent=self))

    def ask_edit_application(self) -> ApplicationDialog | None:
        """Correct the selected application or change its status."""
        application = self.selected_application()
        if application is None or not self._editable:
            return None
        ws, hid = self._workspace, self._household_id
        return self._open(
            ApplicationDialog(ws, hid, tasks=self._tasks, application=application, parent=self)
        )

    def ask_renew(self) -> RenewApplicationDialog | None:
        """The yearly renewal of the selected application."""
        application = self.selected_application()
        if application is None or application.status != ACTIVE:
            return None
        return self._open(
            RenewApplicationDialog(self._workspace, application, tasks=self._tasks, parent=self)
        )

    def ask_dalo(self) -> DaloDialog | None:
        """The DALO recourse of the selected application."""
        application = self.selected_application()
        if application is None:
            return None
        return self._open(DaloDialog(self._workspace, application, tasks=self._tasks, parent=self))

    def ask_new_offer(self) -> OfferDialog:
        """A new housing offer."""
        ws, hid = self._workspace, self._household_id
        return self._open(
            OfferDialog(ws, hid, self.content.applications, tasks=self._tasks, parent=self)
        )

    def ask_outcome(self) -> OfferOutcomeDialog | None:
        """The answer to the selected offer."""
        offer = self.selected_offer()
        if offer is None or not self._editable:
            return None
        return self._open(
            OfferOutcomeDialog(self._workspace, offer, tasks=self._tasks, parent=self)
        )

    def ask_rehousing(self) -> RecordRehousingDialog:
        """Record a rehousing, prefilled from the accepted offer (the content last read)."""
        ws, hid = self._workspace, self._household_id
        return self._open(
            RecordRehousingDialog(ws, hid, self.content, tasks=self._tasks, parent=self)
        )

    # ------------------------------------------------------------- refusals

    def _load_refused(self, error: BaseException) -> None:
        """Not this household's admissions: say so here, once, and let the file hide the tab."""
        if isinstance(error, KnownError) and error.code == DENIED:
            self.refusal_label.setText(error.text)
            self.refusal_label.setVisible(True)
            self.unavailable.emit(error.text)
            return
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Rehousing"), error.text)
            return
        raise error
