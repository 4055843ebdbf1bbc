"""The « Coordonnées et droits » tab: address or domiciliation, each member's contact and rights."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
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
    BENEFIT_AGENCY,
    LEGAL_PROTECTION,
    MEMBER_ROLE,
    RESOURCE_KIND,
)
from desktop_app.services.household_edit import HouseholdAddress, PersonDetail, read_address
from desktop_app.services.household_edit import person_detail as read_person_detail
from desktop_app.services.households import HouseholdContact, PersonRights, household_contact
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.household_edit import (
    AddressDialog,
    IdentityDialog,
    ResourcesDialog,
    identity_form_data,
)
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner


def _resources_total(person: PersonRights) -> str:
    known = [r.monthly_amount for r in person.resources if r.monthly_amount is not None]
    if not person.resources:
        return ""
    total = format_eur(sum(known))
    return total if len(known) == len(person.resources) else f"{total} + ?"


class ContactTab(QWidget):
    """Address or domiciliation, then one line per member; the selected one shown in full.

    A protected file shows nothing of it outside its circle (key worker, co-key-workers), and
    no editing either.

    Signals:
        changed(): after any successful save.
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
        self._contact: HouseholdContact | None = None
        self.dialog: QDialog | None = None
        self._editable = may_ever(workspace.actor, "household.edit_identity")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        self.address_label.setAccessibleName(self.tr("Address"))
        self.address_button = QPushButton(self.tr("Edit address…"))
        self.address_button.clicked.connect(self.ask_address)
        top.addWidget(self.address_label, 1)
        top.addWidget(self.address_button)
        layout.addLayout(top)
        self.persons_model: DtoTableModel[PersonRights] = DtoTableModel(
            [
                (self.tr("Name"), lambda p: p.name),
                (self.tr("Role"), lambda p: MEMBER_ROLE.label(p.role)),
                (self.tr("Phone"), lambda p: p.phone or ""),
                (self.tr("E-mail"), lambda p: p.email or ""),
                (self.tr("Allocataire"), self._allocataire),
                (self.tr("Resources per month"), _resources_total),
                (
                    self.tr("Legal protection"),
                    lambda p: (
                        LEGAL_PROTECTION.label(p.legal_protection)
                        if p.legal_protection != "none"
                        else ""
                    ),
                ),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.persons_model)
        self.table.setAccessibleName(self.tr("Contact and rights of the members"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.ask_identity())
        layout.addWidget(self.table, 1)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName(self.tr("Selected member"))
        layout.addWidget(self.detail_label)
        row = QHBoxLayout()
        self.identity_button = QPushButton(self.tr("Edit identity and rights…"))
        self.resources_button = QPushButton(self.tr("Resources…"))
        self.identity_button.clicked.connect(self.ask_identity)
        self.resources_button.clicked.connect(self.ask_resources)
        row.addWidget(self.identity_button)
        row.addWidget(self.resources_button)
        row.addStretch(1)
        layout.addLayout(row)
        for button in (self.address_button, self.identity_button, self.resources_button):
            button.setVisible(False)

    def _allocataire(self, person: PersonRights) -> str:
        if not person.allocataire_number:
            return ""
        agency = BENEFIT_AGENCY.label(person.benefit_agency) if person.benefit_agency else ""
        return f"{agency} {person.allocataire_number}".strip()

    # ------------------------------------------------------------- reading

    def load(self) -> None:
        """Read the contact and rights (read worker)."""
        ws, hid = self._workspace, self._household_id
        self._tasks.read(
            lambda _c: household_contact(ws.database, actor=ws.actor, household_id=hid),
            name="contact",
            on_done=self._show,
            on_error=self._refused,
        )

    def _show(self, contact: HouseholdContact) -> None:
        self._contact = contact
        for button in (self.address_button, self.identity_button, self.resources_button):
            button.setVisible(self._editable and not contact.masked)
        if contact.masked:
            self.address_label.setText(
                self.tr("Protected file: contact and rights are shown to its key worker only.")
            )
            self.table.setVisible(False)
            self.persons_model.set_rows([])
            self.detail_label.clear()
            return
        self.table.setVisible(True)
        self.address_label.setText(self.address_text(contact))
        selected = self.selected_person()
        self.persons_model.set_rows(contact.persons)
        ids = [p.person_id for p in contact.persons]
        if ids:
            keep = selected.person_id if selected and selected.person_id in ids else ids[0]
            self.table.selectRow(ids.index(keep))
        self._selection_changed()

    def address_text(self, contact: HouseholdContact) -> str:
        """Address, then domiciliation, or a line saying there is none."""
        lines = []
        if contact.address:
            lines.append(self.tr("Address: {address}").format(address=contact.address))
        if contact.domiciliation:
            lines.append(self.tr("Domiciliation: {place}").format(place=contact.domiciliation))
        return "\n".join(lines) or self.tr("No address recorded")

    def selected_person(self) -> PersonRights | None:
        """The member of the selected row."""
        indexes = self.table.selectionModel().selectedRows()
        if not indexes or indexes[0].row() >= self.persons_model.rowCount():
            return None
        return self.persons_model.row(indexes[0].row())

    def select_person(self, person_id: int) -> None:
        """Select a member's row (for keyboard users and tests alike)."""
        for row in range(self.persons_model.rowCount()):
            if self.persons_model.row(row).person_id == person_id:
                self.table.selectRow(row)

    def _selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        person = self.selected_person()
        self.detail_label.setText(self.details(person) if person is not None else "")

    def details(self, person: PersonRights) -> str:
        """Everything known of a member's contact and rights, one line each."""
        lines = [f"{person.name} — {MEMBER_ROLE.label(person.role)}"]
        reach = ", ".join(part for part in (person.phone, person.email) if part)
        if reach:
            lines.append(reach)
        if person.allocataire_number:
            lines.append(
                self.tr("Allocataire no. {number}").format(number=self._allocataire(person))
            )
        for resource in person.resources:
            amount = (
                format_eur(resource.monthly_amount) if resource.monthly_amount is not None else "?"
            )
            lines.append(f"{RESOURCE_KIND.label(resource.kind)} : {amount}")
        if person.residence_permit_expiry:
            lines.append(
                self.tr("Residence permit until {day}").format(
                    day=format_date(person.residence_permit_expiry)
                )
            )
        if person.legal_protection != "none":
            lines.append(
                LEGAL_PROTECTION.label(person.legal_protection)
                + (f" — {person.mandataire}" if person.mandataire else "")
            )
        if person.emergency_contact:
            lines.append(
                self.tr("Emergency contact: {contact}").format(contact=person.emergency_contact)
            )
        return "\n".join(lines)

    # ------------------------------------------------------------- editing

    def _open(self, dialog: QDialog) -> None:
        dialog.saved.connect(self._saved)  # type: ignore[attr-defined]
        dialog.open()
        self.dialog = dialog

    def _saved(self, _result: object) -> None:
        self.load()
        self.changed.emit()

    def ask_address(self) -> None:
        """Read the address as saved, then open its form."""
        ws, hid = self._workspace, self._household_id

        def show(current: HouseholdAddress) -> None:
            self._open(AddressDialog(ws, current, tasks=self._tasks, parent=self))

        self._tasks.read(
            lambda _c: read_address(ws.database, actor=ws.actor, household_id=hid),
            name="address-form",
            on_done=show,
            on_error=self._refused,
        )

    def ask_identity(self) -> None:
        """Read the selected member's identity and rights, then open their form."""
        person = self.selected_person()
        if person is None or self.identity_button.isHidden():
            return
        ws, hid, pid = self._workspace, self._household_id, person.person_id

        def show(data: tuple[PersonDetail, list[tuple[int, str]]]) -> None:
            detail, mandataires = data
            self._open(IdentityDialog(ws, detail, mandataires, tasks=self._tasks, parent=self))

        self._tasks.read(
            lambda _c: identity_form_data(ws, hid, pid),
            name="identity-form",
            on_done=show,
            on_error=self._refused,
        )

    def ask_resources(self) -> None:
        """Read the selected member's resources, then open their form."""
        person = self.selected_person()
        if person is None or self.resources_button.isHidden():
            return
        ws, hid, pid = self._workspace, self._household_id, person.person_id

        def show(detail: PersonDetail) -> None:
            self._open(ResourcesDialog(ws, detail, tasks=self._tasks, parent=self))

        self._tasks.read(
            lambda _c: read_person_detail(
                ws.database, actor=ws.actor, household_id=hid, person_id=pid
            ),
            name="resources-form",
            on_done=show,
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Contact and rights"), error.text)
            return
        raise error
