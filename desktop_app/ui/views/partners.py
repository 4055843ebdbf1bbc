"""Partenaires: the shared address book, searched as you type, with each partner's contacts."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.progress import TaskControl
from desktop_app.domain.vocabulary import PARTNER_KIND
from desktop_app.services.partners import (
    ContactInfo,
    PartnerFollowing,
    PartnerInfo,
    delete_partner,
    list_partners,
    partner_households,
    remove_contact,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.partner import ContactDialog, PartnerDialog, fit_columns, kind_combo
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskHandle, TaskRunner
from desktop_app.ui.views.base import SectionView

SEARCH_DELAY_MS = 150


class PartnersView(SectionView):
    """Search box, kind filter, the partners, and the selected partner's contact persons.

    Typing waits 150 ms of calm before asking, and a newer query cancels an older one still
    running. Enter or a double click on a partner edits it (for those who may edit the book).
    """

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
        self._editable = may_ever(workspace.actor, "household.edit")
        self._running: TaskHandle | None = None
        self._select_id: int | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name or commune…"))
        self.search_edit.setAccessibleName(self.tr("Search partners"))
        self.search_edit.setClearButtonEnabled(True)
        self.kind_combo = kind_combo(every=self.tr("Every kind"))
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.kind_combo)
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(self._editable)
            row.addWidget(button)
        layout.addLayout(row)
        self.model: DtoTableModel[PartnerInfo] = DtoTableModel(
            [
                (self.tr("Name"), lambda p: p.name),
                (self.tr("Kind"), lambda p: PARTNER_KIND.label(p.kind)),
                (self.tr("Commune"), lambda p: p.commune or ""),
                (self.tr("Households"), lambda p: str(p.households)),
                (self.tr("Phone"), lambda p: p.phone or ""),
                (self.tr("E-mail"), lambda p: p.email or ""),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Partners"))
        fit_columns(self.table)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 2)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        layout.addWidget(self._contacts_part(), 1)
        self.partner_dialog: PartnerDialog | None = None
        self.contact_dialog: ContactDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.ask_edit() if self._editable else None)
        self.add_button.clicked.connect(self.ask_add)
        self.edit_button.clicked.connect(self.ask_edit)
        self.delete_button.clicked.connect(self.delete_selected)
        self.refresh()

    def _contacts_part(self) -> QWidget:
        part = QWidget()
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 0, 0, 0)
        self.contacts_title = QLabel()
        layout.addWidget(self.contacts_title)
        self.contacts_model: DtoTableModel[ContactInfo] = DtoTableModel(
            [
                (self.tr("Contact person"), lambda c: c.name),
                (self.tr("Position"), lambda c: c.position or ""),
                (self.tr("Phone"), lambda c: c.phone or ""),
                (self.tr("E-mail"), lambda c: c.email or ""),
            ]
        )
        self.contacts_table = QTableView()
        self.contacts_table.setModel(self.contacts_model)
        self.contacts_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.contacts_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.contacts_table.setAccessibleName(self.tr("Contact persons"))
        self.contacts_table.horizontalHeader().setStretchLastSection(True)
        self.contacts_table.verticalHeader().setVisible(False)
        layout.addWidget(self.contacts_table, 1)
        row = QHBoxLayout()
        self.add_contact_button = QPushButton(self.tr("Add a contact…"))
        self.edit_contact_button = QPushButton(self.tr("Edit the contact…"))
        self.remove_contact_button = QPushButton(self.tr("Remove the contact"))
        for button in (
            self.add_contact_button,
            self.edit_contact_button,
            self.remove_contact_button,
        ):
            button.setVisible(self._editable)
            button.setEnabled(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.following_label = QLabel()
        self.following_label.setWordWrap(True)
        self.following_label.setAccessibleName(self.tr("Households followed"))
        layout.addWidget(self.following_label)
        self.add_contact_button.clicked.connect(self.ask_add_contact)
        self.edit_contact_button.clicked.connect(self.ask_edit_contact)
        self.remove_contact_button.clicked.connect(self.remove_selected_contact)
        self.contacts_table.activated.connect(
            lambda _index: self.ask_edit_contact() if self._editable else None
        )
        return part

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Partners")

    # -------------------------------------------------------------- the list

    def refresh(self) -> None:
        """Search the book again, keeping the selected partner selected."""
        self._timer.stop()
        if self._running is not None:
            self._running.cancel()
        current = self.selected()
        if current is not None and self._select_id is None:
            self._select_id = current.partner_id
        ws = self._workspace
        text, kind = self.search_edit.text(), self.kind_combo.currentData()

        def job(control: TaskControl) -> list[PartnerInfo]:
            control.checkpoint()
            return list_partners(ws.database, actor=ws.actor, text=text, kind=kind)

        self._running = self._tasks.read(
            job, name="partners", on_done=self._show, on_error=self._refused
        )

    def _show(self, partners: list[PartnerInfo]) -> None:
        self._running = None
        wanted, self._select_id = self._select_id, None
        self.model.set_rows(partners)
        self.count_label.setText(self.tr("{count} partner(s)").format(count=len(partners)))
        row = next((i for i, p in enumerate(partners) if p.partner_id == wanted), None)
        if row is not None:
            self.table.selectRow(row)
        else:
            self._selection_changed()

    def selected(self) -> PartnerInfo | None:
        """The partner selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        partner = self.selected()
        for button in (self.add_contact_button, self.edit_contact_button):
            button.setEnabled(partner is not None)
        self.remove_contact_button.setEnabled(partner is not None)
        if partner is None:
            self.contacts_title.clear()
            self.contacts_model.set_rows([])
            self.following_label.clear()
            return
        self.contacts_title.setText(
            self.tr("Contact persons at {partner}").format(partner=partner.name)
        )
        self.contacts_model.set_rows(partner.contacts)
        ws, pid = self._workspace, partner.partner_id
        self._tasks.read(
            lambda _c: partner_households(ws.database, actor=ws.actor, partner_id=pid),
            name="partner-households",
            on_done=self._show_following,
            on_error=self._refused,
        )

    def _show_following(self, following: PartnerFollowing) -> None:
        partner = self.selected()
        if partner is None or partner.partner_id != following.partner_id:
            return  # the selection moved on meanwhile
        text = self.tr("Follows {count} household(s).").format(count=following.count)
        if following.households:
            names = ", ".join(
                f"{h.reference} ({h.role})" if h.role else h.reference for h in following.households
            )
            text += " " + names
        if following.mandates:
            text += " " + self.tr("Mandataire of {count} person(s).").format(
                count=following.mandates
            )
        self.following_label.setText(text)

    def _require_selection(self) -> PartnerInfo | None:
        partner = self.selected()
        if partner is None:
            self._dialogs.inform(self, self.tr("Partners"), self.tr("Select a partner first."))
        return partner

    # -------------------------------------------------------------- partners

    def _saved(self, partner: PartnerInfo) -> None:
        self._select_id = partner.partner_id
        self.refresh()

    def ask_add(self) -> PartnerDialog:
        """Open the form of a new partner (non-blocking)."""
        dialog = PartnerDialog(
            self._workspace, tasks=self._tasks, parent=self, name=self.search_edit.text().strip()
        )
        dialog.saved.connect(self._saved)
        dialog.open()
        self.partner_dialog = dialog
        return dialog

    def ask_edit(self) -> PartnerDialog | None:
        """Open the selected partner's form, with the version read (team mode)."""
        partner = self._require_selection()
        if partner is None:
            return None
        dialog = PartnerDialog(self._workspace, partner, tasks=self._tasks, parent=self)
        dialog.saved.connect(self._saved)
        dialog.open()
        self.partner_dialog = dialog
        return dialog

    def delete_selected(self) -> None:
        """Delete the selected partner after confirmation (refused while it is linked)."""
        partner = self._require_selection()
        if partner is None:
            return
        question = self.tr(
            "Delete « {partner} » and its contact persons from the address book?"
        ).format(partner=partner.name)
        if not self._dialogs.confirm(self, self.tr("Delete a partner"), question):
            return
        ws, pid = self._workspace, partner.partner_id
        self._tasks.write(
            lambda _c: delete_partner(ws.database, actor=ws.actor, partner_id=pid),
            name="delete-partner",
            on_done=lambda _result: self.refresh(),
            on_error=self._refused,
        )

    # -------------------------------------------------------------- contact persons

    def selected_contact(self) -> ContactInfo | None:
        """The contact person selected, if any."""
        rows = self.contacts_table.selectionModel().selectedRows()
        return self.contacts_model.row(rows[0].row()) if rows else None

    def _contact_saved(self, contact: ContactInfo) -> None:
        self._select_id = contact.partner_id
        self.refresh()

    def ask_add_contact(self) -> ContactDialog | None:
        """Open the form of a new contact person at the selected partner."""
        partner = self._require_selection()
        if partner is None:
            return None
        dialog = ContactDialog(self._workspace, partner, tasks=self._tasks, parent=self)
        dialog.saved.connect(self._contact_saved)
        dialog.open()
        self.contact_dialog = dialog
        return dialog

    def ask_edit_contact(self) -> ContactDialog | None:
        """Open the selected contact person's form."""
        partner, contact = self.selected(), self.selected_contact()
        if partner is None or contact is None:
            self._dialogs.inform(
                self, self.tr("Contact persons"), self.tr("Select a contact person first.")
            )
            return None
        dialog = ContactDialog(self._workspace, partner, contact, tasks=self._tasks, parent=self)
        dialog.saved.connect(self._contact_saved)
        dialog.open()
        self.contact_dialog = dialog
        return dialog

    def remove_selected_contact(self) -> None:
        """Remove the selected contact person, after confirmation."""
        contact = self.selected_contact()
        if contact is None:
            self._dialogs.inform(
                self, self.tr("Contact persons"), self.tr("Select a contact person first.")
            )
            return
        question = self.tr("Remove « {name} » from the contact persons?").format(name=contact.name)
        if not self._dialogs.confirm(self, self.tr("Remove a contact person"), question):
            return
        ws, cid = self._workspace, contact.contact_id
        self._select_id = contact.partner_id
        self._tasks.write(
            lambda _c: remove_contact(ws.database, actor=ws.actor, contact_id=cid),
            name="remove-contact",
            on_done=lambda _result: self.refresh(),
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Partners"), error.text)
            return
        raise error
