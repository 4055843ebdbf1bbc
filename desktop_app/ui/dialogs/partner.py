"""Forms of the partners' address book: a partner, a contact person, a link and its role.

Each dialog is non-blocking (``open()``), sends its save through the task runner, shows the
service's refusal texts under the form while keeping what was typed, and closes only once the
service accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from desktop_app.domain.progress import TaskControl
from desktop_app.domain.vocabulary import PARTNER_KIND
from desktop_app.services.partners import (
    ContactInfo,
    ContactInput,
    LinkedPartner,
    PartnerInfo,
    PartnerInput,
    add_contact,
    add_partner,
    link_partner,
    list_partners,
    set_partner_role,
    update_contact,
    update_partner,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskHandle, TaskRunner

SEARCH_DELAY_MS = 150


def kind_combo(*, every: str | None = None) -> QComboBox:
    """The partner kinds, with an "every kind" entry (data None) first when ``every`` is given."""
    combo = QComboBox()
    if every is not None:
        combo.addItem(every, None)
    for code in PARTNER_KIND:
        combo.addItem(PARTNER_KIND.label(code), code)
    return combo


def fit_columns(table: QTableView) -> None:
    """Columns fit their contents (lists of a few hundred rows); the last takes the room left."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class _FormDialog(FormDialog):
    """The shared frame (`form.FormDialog`) with the partner screens' own Save text."""

    _tasks: TaskRunner  # set by each dialog before it can save

    def __init__(self, title: str, save_text: str, parent: QWidget | None) -> None:
        super().__init__(title, parent, save_text=save_text, width=480)
        self.layout_ = self.main_layout


class PartnerDialog(_FormDialog):
    """A partner of the address book: new (``partner`` None) or edited with its version."""

    def __init__(
        self,
        workspace: Workspace,
        partner: PartnerInfo | None = None,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        name: str = "",
    ) -> None:
        title = self.tr("New partner") if partner is None else self.tr("Edit the partner")
        super().__init__(title, self.tr("Save"), parent)
        self._workspace, self._partner, self._tasks = workspace, partner, tasks
        self.name_edit = QLineEdit(partner.name if partner else name)
        self.kind_combo = kind_combo()
        self.kind_combo.setCurrentIndex(
            self.kind_combo.findData(partner.kind if partner else "other")
        )
        self.phone_edit = QLineEdit(partner.phone or "" if partner else "")
        self.email_edit = QLineEdit(partner.email or "" if partner else "")
        self.address_edit = QLineEdit(partner.address or "" if partner else "")
        self.postcode_edit = QLineEdit(partner.postcode or "" if partner else "")
        self.postcode_edit.setMaxLength(5)
        self.commune_edit = QLineEdit(partner.commune or "" if partner else "")
        self.row(self.tr("Name"), self.name_edit)
        self.row(self.tr("Kind"), self.kind_combo)
        self.row(self.tr("Phone"), self.phone_edit)
        self.row(self.tr("E-mail"), self.email_edit)
        self.row(self.tr("Address"), self.address_edit)
        self.row(self.tr("Postcode"), self.postcode_edit)
        self.row(self.tr("Commune"), self.commune_edit)

    def data(self) -> PartnerInput:
        """What the form holds."""
        return PartnerInput(
            name=self.name_edit.text(),
            kind=str(self.kind_combo.currentData()),
            phone=_text(self.phone_edit),
            email=_text(self.email_edit),
            address=_text(self.address_edit),
            postcode=_text(self.postcode_edit),
            commune=_text(self.commune_edit),
        )

    def accept(self) -> None:
        """Ask the service; problems come back into the dialog."""
        self.save_button.setEnabled(False)
        ws, data, partner = self._workspace, self.data(), self._partner
        if partner is None:
            self._tasks.write(
                lambda _c: add_partner(ws.database, actor=ws.actor, data=data),
                name="add-partner",
                on_done=self.finished_with,
                on_error=self.refused,
            )
            return
        self._tasks.write(
            lambda _c: update_partner(
                ws.database,
                actor=ws.actor,
                partner_id=partner.partner_id,
                version=partner.version,
                data=data,
            ),
            name="update-partner",
            on_done=self.finished_with,
            on_error=self.refused,
        )


class ContactDialog(_FormDialog):
    """A named contact person at a partner: new (``contact`` None) or edited."""

    def __init__(
        self,
        workspace: Workspace,
        partner: PartnerInfo,
        contact: ContactInfo | None = None,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("New contact at {partner}")
            if contact is None
            else self.tr("Contact at {partner}")
        ).format(partner=partner.name)
        super().__init__(title, self.tr("Save"), parent)
        self._workspace, self._partner, self._contact, self._tasks = (
            workspace,
            partner,
            contact,
            tasks,
        )
        self.name_edit = QLineEdit(contact.name if contact else "")
        self.position_edit = QLineEdit(contact.position or "" if contact else "")
        self.phone_edit = QLineEdit(contact.phone or "" if contact else "")
        self.email_edit = QLineEdit(contact.email or "" if contact else "")
        self.row(self.tr("Name"), self.name_edit)
        self.row(self.tr("Position"), self.position_edit)
        self.row(self.tr("Phone"), self.phone_edit)
        self.row(self.tr("E-mail"), self.email_edit)

    def accept(self) -> None:
        """Ask the service; problems come back into the dialog."""
        self.save_button.setEnabled(False)
        ws, contact = self._workspace, self._contact
        data = ContactInput(
            name=self.name_edit.text(),
            position=_text(self.position_edit),
            phone=_text(self.phone_edit),
            email=_text(self.email_edit),
        )
        if contact is None:
            partner_id = self._partner.partner_id
            self._tasks.write(
                lambda _c: add_contact(
                    ws.database, actor=ws.actor, partner_id=partner_id, data=data
                ),
                name="add-contact",
                on_done=self.finished_with,
                on_error=self.refused,
            )
            return
        self._tasks.write(
            lambda _c: update_contact(
                ws.database, actor=ws.actor, contact_id=contact.contact_id, data=data
            ),
            name="update-contact",
            on_done=self.finished_with,
            on_error=self.refused,
        )


class LinkPartnerDialog(_FormDialog):
    """Choose a partner of the book (search as you type) and say its role for the household.

    "New partner…" adds one to the book without leaving the chooser; it is then chosen.
    """

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Link a partner"), self.tr("Link"), parent)
        self._workspace, self._household_id, self._tasks = workspace, household_id, tasks
        self._running: TaskHandle | None = None
        self._select_id: int | None = None
        search_row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name or commune…"))
        self.search_edit.setAccessibleName(self.tr("Search partners"))
        self.search_edit.setClearButtonEnabled(True)
        self.kind_combo = kind_combo(every=self.tr("Every kind"))
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        self.new_button = QPushButton(self.tr("New partner…"))
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.kind_combo)
        search_row.addWidget(self.new_button)
        self.layout_.insertLayout(0, search_row)
        self.model: DtoTableModel[PartnerInfo] = DtoTableModel(
            [
                (self.tr("Name"), lambda p: p.name),
                (self.tr("Kind"), lambda p: PARTNER_KIND.label(p.kind)),
                (self.tr("Commune"), lambda p: p.commune or ""),
                (self.tr("Phone"), lambda p: p.phone or ""),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Partners"))
        fit_columns(self.table)
        self.table.verticalHeader().setVisible(False)
        self.layout_.insertWidget(1, self.table, 1)
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText(self.tr("e.g. CMP — Dr X, mandataire…"))
        self.row(self.tr("Role for this household"), self.role_edit)
        self.partner_dialog: PartnerDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.new_button.clicked.connect(self.ask_new_partner)
        self.table.activated.connect(lambda _index: self.role_edit.setFocus())
        self.setMinimumSize(620, 480)
        self.refresh()

    def refresh(self) -> None:
        """Search the book again (a newer search cancels an older one still running)."""
        self._timer.stop()
        if self._running is not None:
            self._running.cancel()
        ws = self._workspace
        text, kind = self.search_edit.text(), self.kind_combo.currentData()

        def job(control: TaskControl) -> list[PartnerInfo]:
            control.checkpoint()
            return list_partners(ws.database, actor=ws.actor, text=text, kind=kind)

        self._running = self._tasks.read(
            job, name="partner-chooser", on_done=self._show, on_error=self.refused
        )

    def _show(self, partners: list[PartnerInfo]) -> None:
        self._running = None
        self.model.set_rows(partners)
        wanted = self._select_id
        row = next((i for i, p in enumerate(partners) if p.partner_id == wanted), None)
        if row is None and len(partners) == 1:
            row = 0
        if row is not None:
            self.table.selectRow(row)

    def selected(self) -> PartnerInfo | None:
        """The partner chosen in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def ask_new_partner(self) -> PartnerDialog:
        """Add a partner to the book (named as typed so far); it is then the one chosen."""
        dialog = PartnerDialog(
            self._workspace, tasks=self._tasks, parent=self, name=self.search_edit.text().strip()
        )
        dialog.saved.connect(self._created)
        dialog.open()
        self.partner_dialog = dialog
        return dialog

    def _created(self, partner: PartnerInfo) -> None:
        self._select_id = partner.partner_id
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(0)
        self.kind_combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.setText(partner.name)
        self.search_edit.blockSignals(False)
        self.refresh()

    def accept(self) -> None:
        """Link the chosen partner; problems come back into the dialog."""
        partner = self.selected()
        if partner is None:
            self.error_label.setText("⚠ " + self.tr("Choose a partner in the list first."))
            return
        self.save_button.setEnabled(False)
        ws, hid, role = self._workspace, self._household_id, _text(self.role_edit)
        self._tasks.write(
            lambda _c: link_partner(
                ws.database,
                actor=ws.actor,
                household_id=hid,
                partner_id=partner.partner_id,
                role=role,
            ),
            name="link-partner",
            on_done=self.finished_with,
            on_error=self.refused,
        )


class RoleDialog(_FormDialog):
    """The role a partner holds for a household ("CMP — Dr X", "mandataire"…)."""

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        partner: LinkedPartner,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Role of {partner}").format(partner=partner.name), self.tr("Save"), parent
        )
        self._workspace, self._household_id, self._partner, self._tasks = (
            workspace,
            household_id,
            partner,
            tasks,
        )
        self.role_edit = QLineEdit(partner.role or "")
        self.row(self.tr("Role for this household"), self.role_edit)

    def accept(self) -> None:
        """Ask the service; problems come back into the dialog."""
        self.save_button.setEnabled(False)
        ws, hid, pid = self._workspace, self._household_id, self._partner.partner_id
        role = _text(self.role_edit)
        self._tasks.write(
            lambda _c: set_partner_role(
                ws.database, actor=ws.actor, household_id=hid, partner_id=pid, role=role
            ),
            name="partner-role",
            on_done=self.finished_with,
            on_error=self.refused,
        )
