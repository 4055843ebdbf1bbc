"""The household file: one window, one tab per side of a household's life."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.subject_access import export_file_name
from desktop_app.domain.vocabulary import NOTE_LEVEL, record_label
from desktop_app.services.households import (
    HistoryLine,
    HouseholdIdentity,
    ListFilters,
    household_history,
    list_filters,
    read_identity,
)
from desktop_app.services.notes import HouseholdNotes, read_notes
from desktop_app.services.path import PathEvent, household_path
from desktop_app.services.stays import StayInfo, list_stays
from desktop_app.services.subject_access import EXPORT, export_household
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.note import NoteDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.dialogs.stay import CorrectExitDialog, EntryDialog, ExitDialog
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_tabs.account import AccountTab
from desktop_app.ui.views.household_tabs.composition import CompositionTab
from desktop_app.ui.views.household_tabs.contact import ContactTab
from desktop_app.ui.views.household_tabs.contracts import ContractsTab
from desktop_app.ui.views.household_tabs.documents import DocumentsTab
from desktop_app.ui.views.household_tabs.partners import PartnersTab
from desktop_app.ui.views.household_tabs.rehousing import RehousingTab
from desktop_app.ui.views.household_tabs.support import SupportTab

TabWidget = (
    CompositionTab
    | ContactTab
    | PartnersTab
    | ContractsTab
    | DocumentsTab
    | AccountTab
    | SupportTab
    | RehousingTab
)
# Logs a contact from anywhere in the household file (the Accompagnement tab's form).
LOG_CONTACT_SHORTCUT = "Ctrl+Shift+C"
# The tab where each kind of record a data-quality finding names is seen and put right.
RECORD_TABS: dict[str, str] = {
    "stay": "path",
    "support_measure": "support",
    "occupancy_contract": "contracts",
    "person": "composition",
    "document": "documents",
    "issued_document": "account",
    "ledger_entry": "account",
    "housing_application": "rehousing",
}


class HouseholdFileWindow(QWidget):
    """Every side of one household's life, one tab each, read off the GUI thread.

    Notes of a higher level than the reader's are not loaded; a coordinator may open them by a
    justified access (a typed reason, logged and shown to the key worker).
    """

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
        self.setWindowTitle(self.tr("Household file"))
        layout = QVBoxLayout(self)
        self._reference = ""
        layout.addLayout(self._title_row())
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        self.composition_tab = CompositionTab(workspace, household_id, tasks=tasks, dialogs=dialogs)
        self.contact_tab = ContactTab(workspace, household_id, tasks=tasks, dialogs=dialogs)
        self.partners_tab = PartnersTab(workspace, household_id, tasks=tasks, dialogs=dialogs)
        self.contracts_tab = ContractsTab(workspace, household_id, tasks=tasks, dialogs=dialogs)
        self.documents_tab = DocumentsTab(workspace, household_id, tasks=tasks, dialogs=dialogs)
        self.tabs.addTab(self.composition_tab, self.tr("Composition"))
        self.tabs.addTab(self.contact_tab, self.tr("Contact and rights"))
        self.tabs.addTab(self.partners_tab, self.tr("Partners"))
        self.tabs.addTab(self._path_page(), self.tr("Path"))
        self.rehousing_tab: RehousingTab | None = None
        if may_ever(workspace.actor, "admissions.read"):
            self.rehousing_tab = RehousingTab(workspace, household_id, tasks=tasks, dialogs=dialogs)
            self._add_hideable(self.rehousing_tab, self.tr("Rehousing"))
        self.support_tab: SupportTab | None = None
        if may_ever(workspace.actor, "support.read"):
            self.support_tab = SupportTab(workspace, household_id, tasks=tasks, dialogs=dialogs)
            self._add_hideable(self.support_tab, self.tr("Support"))
            if may_ever(workspace.actor, "support.write"):
                QShortcut(QKeySequence(LOG_CONTACT_SHORTCUT), self, self.log_contact)
        self.tabs.addTab(self.contracts_tab, self.tr("Housing and contract"))
        self.account_tab: AccountTab | None = None
        if may_ever(workspace.actor, "ledger.read_status") or may_ever(
            workspace.actor, "ledger.read_amounts"
        ):
            self.account_tab = AccountTab(workspace, household_id, tasks=tasks, dialogs=dialogs)
            self.tabs.addTab(self.account_tab, self.tr("Account"))
        self.tabs.addTab(self.documents_tab, self.tr("Documents"))
        # A save in one tab may change what the others show (names, stays, history).
        for tab in self._tabs():
            tab.changed.connect(self.load)
        self.tabs.addTab(self._notes_page(), self.tr("Notes"))

        self.history_model: DtoTableModel[HistoryLine] = DtoTableModel(
            [
                (self.tr("Date"), lambda h: h.at.astimezone().strftime("%d/%m/%Y %H:%M")),
                (self.tr("By"), lambda h: h.user or ""),
                (self.tr("Record"), lambda h: record_label(h.entity)),
                (self.tr("Field"), lambda h: h.field),
                (self.tr("Before"), lambda h: h.old_value or ""),
                (self.tr("After"), lambda h: h.new_value or ""),
            ]
        )
        history = QTableView()
        history.setModel(self.history_model)
        history.setAccessibleName(self.tr("History"))
        history.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(history, self.tr("History"))
        self.resize(820, 560)
        self.load()

    def _title_row(self) -> QHBoxLayout:
        """The household's reference and name; the right-of-access export for who may."""
        row = QHBoxLayout()
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title_label.setFont(font)
        row.addWidget(self.title_label, 1)
        self.export_button = QPushButton(self.tr("Export the file (right of access)…"))
        self.export_button.setAccessibleName(
            self.tr("Export everything Seuil holds about this household, for its right of access")
        )
        self.export_button.setVisible(may_ever(self._workspace.actor, EXPORT))
        self.export_button.clicked.connect(self.export_file)
        row.addWidget(self.export_button)
        return row

    def export_file(self) -> None:
        """Ask where, then write the household's whole file on the write worker (it is logged)."""
        suggested = Path.home() / export_file_name(self._reference or "menage", date.today())
        chosen = self._dialogs.save_file(
            self,
            self.tr("Export the file (right of access)"),
            suggested,
            self.tr("Excel workbook (*.xlsx)"),
        )
        if chosen is None:
            return
        path = (
            chosen if chosen.suffix.lower() == ".xlsx" else chosen.with_name(chosen.name + ".xlsx")
        )
        ws, hid = self._workspace, self._household_id
        self.export_button.setEnabled(False)
        self._tasks.write(
            lambda _c: export_household(ws.database, actor=ws.actor, household_id=hid, path=path),
            name="export-household",
            on_done=lambda _export: self._exported(path),
            on_error=self._export_refused,
        )

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        question = self.tr(
            "File written: {path}\n\nRead it before giving it: a note or a document may speak "
            "of other people. Open it now?"
        ).format(path=path)
        if self._dialogs.confirm(self, self.tr("Right of access"), question):
            self._dialogs.open_path(path)

    def _export_refused(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._refused(error)

    def show_tab(self, key: str) -> bool:
        """Bring forward the tab ``key`` (see `RECORD_TABS`); False when it is not here.

        A tab the actor may not see, or hidden because this side of the household is not
        theirs, leaves the file on the tab it shows.
        """
        tabs: dict[str, QWidget | None] = {
            "composition": self.composition_tab,
            "contact": self.contact_tab,
            "partners": self.partners_tab,
            "path": self.path_page,
            "rehousing": self.rehousing_tab,
            "support": self.support_tab,
            "contracts": self.contracts_tab,
            "account": self.account_tab,
            "documents": self.documents_tab,
        }
        widget = tabs.get(key)
        if widget is None:
            return False
        index = self.tabs.indexOf(widget)
        if index < 0 or not self.tabs.isTabVisible(index):
            return False
        self.tabs.setCurrentIndex(index)
        return True

    def _add_hideable(self, tab: SupportTab | RehousingTab, title: str) -> None:
        """A tab that goes away when this side of the household is not the actor's."""
        self.tabs.addTab(tab, title)
        tab.unavailable.connect(
            lambda _text: self.tabs.setTabVisible(self.tabs.indexOf(tab), False)
        )

    def _path_page(self) -> QWidget:
        page = self.path_page = QWidget()
        page_layout = QVBoxLayout(page)
        self.path_model: DtoTableModel[PathEvent] = DtoTableModel(
            [
                (self.tr("Date"), lambda step: format_date(step.on)),
                (self.tr("What"), lambda step: step.text),
            ]
        )
        self.path_table = QTableView()
        self.path_table.setModel(self.path_model)
        self.path_table.setAccessibleName(self.tr("Path"))
        self.path_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.path_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.path_table.verticalHeader().setVisible(False)
        self.path_table.horizontalHeader().setStretchLastSection(True)
        page_layout.addWidget(self.path_table, 1)
        buttons = QHBoxLayout()
        self.entry_button = QPushButton(self.tr("New entry…"))
        self.exit_button = QPushButton(self.tr("Exit…"))
        self.correct_exit_button = QPushButton(self.tr("Correct an exit…"))
        self.correct_exit_button.setVisible(False)
        self.correct_exit_button.clicked.connect(self.ask_exit_correction)
        self._editable = may_ever(self._workspace.actor, "household.edit")
        self.entry_button.setVisible(self._editable)
        self.exit_button.setVisible(False)
        self.entry_button.clicked.connect(self.ask_entry)
        self.exit_button.clicked.connect(self.ask_exit)
        buttons.addWidget(self.entry_button)
        buttons.addWidget(self.exit_button)
        buttons.addWidget(self.correct_exit_button)
        buttons.addStretch(1)
        page_layout.addLayout(buttons)
        self.stay_dialog: QDialog | None = None
        self._stays: list[StayInfo] = []
        return page

    def ask_entry(self) -> None:
        """Open the entry dialog once the programmes are read."""
        ws, hid = self._workspace, self._household_id

        def show(filters: ListFilters) -> None:
            dialog = EntryDialog(ws, hid, list(filters.programmes), tasks=self._tasks, parent=self)
            dialog.saved.connect(lambda _stay: self.load())
            dialog.open()
            self.stay_dialog = dialog

        self._tasks.read(
            lambda _c: list_filters(ws.database, actor=ws.actor),
            name="programmes",
            on_done=show,
        )

    def ask_exit(self) -> None:
        """Open the exit dialog for the stay still open."""
        open_stays = [stay for stay in self._stays if stay.exit is None]
        if not open_stays:
            return
        dialog = ExitDialog(self._workspace, open_stays[0], tasks=self._tasks, parent=self)
        dialog.saved.connect(lambda _stay: self.load())
        dialog.open()
        self.stay_dialog = dialog

    def ask_exit_correction(self) -> None:
        """Open the correction of an exit already recorded."""
        if not any(stay.exit is not None for stay in self._stays):
            return
        dialog = CorrectExitDialog(self._workspace, self._stays, tasks=self._tasks, parent=self)
        dialog.saved.connect(lambda _stay: self.load())
        dialog.open()
        self.stay_dialog = dialog

    def _notes_page(self) -> QWidget:
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        reminder = QLabel(
            self.tr(
                "The person may read what is written here (right of access): write facts, "
                "respectfully, starting from their strengths."
            )
        )
        reminder.setWordWrap(True)
        notes_layout.addWidget(reminder)
        self.notes_list = QListWidget()
        self.notes_list.setAccessibleName(self.tr("Notes"))
        self.notes_list.setWordWrap(True)
        notes_layout.addWidget(self.notes_list, 1)
        row = QHBoxLayout()
        self.withheld_label = QLabel()
        self.withheld_label.setWordWrap(True)
        self.justified_button = QPushButton(self.tr("Justified access…"))
        self.justified_button.setVisible(False)
        self.justified_button.clicked.connect(self.ask_justified_access)
        row.addWidget(self.withheld_label, 1)
        row.addWidget(self.justified_button)
        self.note_button = QPushButton(self.tr("Write a note…"))
        self.note_button.setVisible(may_ever(self._workspace.actor, "support.write"))
        self.note_button.clicked.connect(self.ask_note)
        row.addWidget(self.note_button)
        self.note_dialog: NoteDialog | None = None
        notes_layout.addLayout(row)
        return notes_page

    def load(self) -> None:
        """Read every tab's content (read worker)."""
        ws, hid = self._workspace, self._household_id
        self._tasks.read(
            lambda _c: read_identity(ws.database, actor=ws.actor, household_id=hid),
            name="identity",
            on_done=self._show_identity,
            on_error=self._refused,
        )
        self._tasks.read(
            lambda _c: list_stays(ws.database, actor=ws.actor, household_id=hid),
            name="stays",
            on_done=self._show_stays,
            on_error=self._refused,
        )
        self._tasks.read(
            lambda _c: household_path(ws.database, actor=ws.actor, household_id=hid),
            name="path",
            on_done=self._show_path,
            on_error=self._refused,
        )
        self._tasks.read(
            lambda _c: household_history(ws.database, actor=ws.actor, household_id=hid),
            name="history",
            on_done=self.history_model.set_rows,
            on_error=self._refused,
        )
        for tab in self._tabs():
            tab.load()
        self.load_notes(None)

    def _tabs(self) -> tuple[TabWidget, ...]:
        tabs: tuple[TabWidget, ...] = (
            self.composition_tab,
            self.contact_tab,
            self.partners_tab,
            self.contracts_tab,
            self.documents_tab,
        )
        if self.support_tab is not None:
            tabs = (*tabs, self.support_tab)
        if self.rehousing_tab is not None:
            tabs = (*tabs, self.rehousing_tab)
        return tabs if self.account_tab is None else (*tabs, self.account_tab)

    def log_contact(self) -> None:
        """Show the Accompagnement tab and its contact form (the shortcut's action)."""
        if self.support_tab is not None and self.tabs.isTabVisible(
            self.tabs.indexOf(self.support_tab)
        ):
            self.tabs.setCurrentWidget(self.support_tab)
            self.support_tab.ask_contact()

    def load_notes(self, reason: str | None) -> None:
        """Notes the reader may see (a reason makes it a justified access)."""
        ws, hid = self._workspace, self._household_id
        self._tasks.write(  # reading private notes writes its audit event
            lambda _c: read_notes(ws.database, actor=ws.actor, household_id=hid, reason=reason),
            name="notes",
            on_done=self._show_notes,
            on_error=self._notes_refused,
        )

    def _show_identity(self, identity: HouseholdIdentity) -> None:
        self._reference = identity.reference
        head = next((m for m in identity.members if m.role == "head"), None)
        name = f"{head.last_name} {head.first_name}".strip() if head else ""
        protected = self.tr(" — protected file") if identity.protected else ""
        self.title_label.setText(f"{identity.reference} · {name}{protected}")
        self.setWindowTitle(self.tr("Household {reference}").format(reference=identity.reference))

    def _show_stays(self, stays: list[StayInfo]) -> None:
        """The stays the entry and exit buttons act on (the path shows them with the rest)."""
        self._stays = stays
        self.exit_button.setVisible(self._editable and any(stay.exit is None for stay in stays))
        self.correct_exit_button.setVisible(
            self._editable and any(stay.exit is not None for stay in stays)
        )

    def _show_path(self, steps: list[PathEvent]) -> None:
        self.path_model.set_rows(steps)
        self.path_table.resizeColumnToContents(0)

    def _show_notes(self, notes: HouseholdNotes) -> None:
        self.notes_list.clear()
        for note in notes.notes:
            self.notes_list.addItem(
                f"{format_date(note.written_on)} · {NOTE_LEVEL.label(note.level)} · "
                f"{note.author or ''}\n{note.text}"
            )
        if notes.private_withheld:
            self.withheld_label.setText(
                self.tr(
                    "Confidential or health notes exist; they are reserved for the key "
                    "worker's circle."
                )
            )
        else:
            self.withheld_label.clear()
        self.justified_button.setVisible(notes.justified_access_possible)

    def ask_note(self) -> NoteDialog:
        """Open the note dialog; the notes are read again once it is saved."""
        dialog = NoteDialog(self._workspace, self._household_id, tasks=self._tasks, parent=self)
        dialog.saved.connect(lambda _note: self.load_notes(None))
        dialog.open()
        self.note_dialog = dialog
        return dialog

    def ask_justified_access(self) -> None:
        """Ask the reason, then read the private notes (the key worker will see the reason)."""
        reason = self._dialogs.ask_text(
            self,
            self.tr("Justified access"),
            self.tr("Why must you read these notes? The key worker will see your reason."),
        )
        if reason:
            self.load_notes(reason)

    def _notes_refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self.withheld_label.setText(error.text)
            return
        raise error

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Household file"), error.text)
            return
        raise error
