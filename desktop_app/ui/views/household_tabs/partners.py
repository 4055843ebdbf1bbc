"""Partenaires: the partners following a household, linked from the shared address book."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.vocabulary import PARTNER_KIND
from desktop_app.services.partners import (
    HouseholdPartners,
    LinkedPartner,
    list_household_partners,
    unlink_partner,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.partner import LinkPartnerDialog, RoleDialog, fit_columns
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner


class PartnersTab(QWidget):
    """Table of the household's partners with their role; link, change a role, unlink.

    Signals:
        changed(): a link, a role or an unlink was saved.
    """

    changed = Signal()

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
        self._editable = may_ever(workspace.actor, "household.edit")
        layout = QVBoxLayout(self)
        self.masked_label = QLabel(
            self.tr("Protected file: its partners are shown to its key worker only.")
        )
        self.masked_label.setWordWrap(True)
        self.masked_label.setVisible(False)
        layout.addWidget(self.masked_label)
        self.model: DtoTableModel[LinkedPartner] = DtoTableModel(
            [
                (self.tr("Partner"), lambda p: p.name),
                (self.tr("Kind"), lambda p: PARTNER_KIND.label(p.kind)),
                (self.tr("Role"), lambda p: p.role or ""),
                (self.tr("Phone"), lambda p: p.phone or ""),
                (self.tr("E-mail"), lambda p: p.email or ""),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Partners of the household"))
        fit_columns(self.table)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.contacts_label = QLabel()
        self.contacts_label.setWordWrap(True)
        self.contacts_label.setAccessibleName(self.tr("Contact persons"))
        layout.addWidget(self.contacts_label)
        row = QHBoxLayout()
        self.link_button = QPushButton(self.tr("Link a partner…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        for button in (self.link_button, self.role_button, self.unlink_button):
            button.setVisible(self._editable)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.link_button.clicked.connect(self.ask_link)
        self.role_button.clicked.connect(self.ask_role)
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.table.selectionModel().selectionChanged.connect(self._show_contacts)
        self.link_dialog: LinkPartnerDialog | None = None
        self.role_dialog: RoleDialog | None = None

    def load(self) -> None:
        """Read the household's partners (read worker)."""
        ws, hid = self._workspace, self._household_id
        self._tasks.read(
            lambda _c: list_household_partners(ws.database, actor=ws.actor, household_id=hid),
            name="household-partners",
            on_done=self._show,
            on_error=self._refused,
        )

    def _show(self, partners: HouseholdPartners) -> None:
        self.masked_label.setVisible(partners.masked)
        for button in (self.link_button, self.role_button, self.unlink_button):
            button.setVisible(self._editable and not partners.masked)
        self.model.set_rows(partners.partners)
        self._show_contacts()

    def selected(self) -> LinkedPartner | None:
        """The partner selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _show_contacts(self) -> None:
        partner = self.selected()
        if partner is None or not partner.contacts:
            self.contacts_label.clear()
            return
        lines = [
            " · ".join(
                part for part in (c.name, c.position or "", c.phone or "", c.email or "") if part
            )
            for c in partner.contacts
        ]
        self.contacts_label.setText(
            self.tr("Contact persons at {partner}:").format(partner=partner.name)
            + "\n"
            + "\n".join(lines)
        )

    def _saved(self, _result: object = None) -> None:
        self.load()
        self.changed.emit()

    def ask_link(self) -> LinkPartnerDialog:
        """Open the chooser of the address book (non-blocking)."""
        dialog = LinkPartnerDialog(
            self._workspace, self._household_id, tasks=self._tasks, parent=self
        )
        dialog.saved.connect(self._saved)
        dialog.open()
        self.link_dialog = dialog
        return dialog

    def _require_selection(self) -> LinkedPartner | None:
        partner = self.selected()
        if partner is None:
            self._dialogs.inform(self, self.tr("Partners"), self.tr("Select a partner first."))
        return partner

    def ask_role(self) -> RoleDialog | None:
        """Change the selected partner's role for this household."""
        partner = self._require_selection()
        if partner is None:
            return None
        dialog = RoleDialog(
            self._workspace, self._household_id, partner, tasks=self._tasks, parent=self
        )
        dialog.saved.connect(self._saved)
        dialog.open()
        self.role_dialog = dialog
        return dialog

    def unlink_selected(self) -> None:
        """The selected partner no longer follows the household, after confirmation."""
        partner = self._require_selection()
        if partner is None:
            return
        question = self.tr(
            "« {partner} » will no longer be listed among this household's partners "
            "(it stays in the address book). Unlink it?"
        ).format(partner=partner.name)
        if not self._dialogs.confirm(self, self.tr("Unlink a partner"), question):
            return
        ws, hid, pid = self._workspace, self._household_id, partner.partner_id
        self._tasks.write(
            lambda _c: unlink_partner(
                ws.database, actor=ws.actor, household_id=hid, partner_id=pid
            ),
            name="unlink-partner",
            on_done=self._saved,
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Partners"), error.text)
            return
        raise error
