"""Nouveau ménage: its members (or persons already known, linked), its address, its start."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError, ValidationIssue
from desktop_app.domain.periods import format_date, parse_date
from desktop_app.domain.vocabulary import MEMBER_ROLE, SEX
from desktop_app.services.households import (
    DuplicateCandidate,
    HouseholdCreated,
    MemberInput,
    create_household,
    propose_duplicates,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.tasks import TaskRunner

LAST, FIRST, BIRTH, SEX_COLUMN, ROLE_COLUMN, PHONE = range(6)
_LINKED = Qt.ItemDataRole.UserRole


class NewHouseholdDialog(QDialog):
    """Members typed in a table; a person already known is proposed, and may be linked.

    Nothing is written until « Créer »; the service then checks everything at once (one head
    on every day, names, codes) and its messages are shown here, the dialog staying open.

    Signals:
        created(int): the new household's id.
    """

    created = Signal(int)

    def __init__(
        self, workspace: Workspace, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self.setWindowTitle(self.tr("New household"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.start_edit = QDateEdit(QDate.currentDate())
        self.start_edit.setDisplayFormat("dd/MM/yyyy")
        self.start_edit.setCalendarPopup(True)
        self.address_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaxLength(5)
        self.commune_edit = QLineEdit()
        for label, widget in (
            (self.tr("Household since"), self.start_edit),
            (self.tr("Address"), self.address_edit),
            (self.tr("Postcode"), self.postcode_edit),
            (self.tr("Commune"), self.commune_edit),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Last name"),
                self.tr("First name"),
                self.tr("Birth date"),
                self.tr("Sex"),
                self.tr("Role"),
                self.tr("Phone"),
            ]
        )
        self.table.setAccessibleName(self.tr("Members"))
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a person"))
        self.remove_button = QPushButton(self.tr("Remove the person"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._build_known(layout)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problems to correct"))
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self._remove_member)
        self.link_button.clicked.connect(self.link_selected)
        self._lookup = QTimer(self)
        self._lookup.setSingleShot(True)
        self._lookup.setInterval(300)
        self._lookup.timeout.connect(self._look_for_duplicates)
        self._lookup_row = -1
        self.table.cellChanged.connect(self._cell_changed)
        self.add_member(role="head")
        self.resize(760, 520)

    def _build_known(self, layout: QVBoxLayout) -> None:
        self.known_label = QLabel()
        self.known_label.setWordWrap(True)
        layout.addWidget(self.known_label)
        self.known_list = QListWidget()
        self.known_list.setAccessibleName(self.tr("Persons already known"))
        self.known_list.setVisible(False)
        self.known_list.setMaximumHeight(110)
        layout.addWidget(self.known_list)
        self.link_button = QPushButton(self.tr("Link this person instead"))
        self.link_button.setVisible(False)
        layout.addWidget(self.link_button)

    # ------------------------------------------------------------- members

    def add_member(self, role: str = "child") -> int:
        """A new empty row (sex unknown, role chosen)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in (LAST, FIRST, BIRTH, PHONE):
            self.table.setItem(row, column, QTableWidgetItem(""))
        sex = QComboBox()
        for code in SEX:
            sex.addItem(SEX.label(code), code)
        sex.setCurrentIndex(sex.findData("unknown"))
        self.table.setCellWidget(row, SEX_COLUMN, sex)
        roles = QComboBox()
        for code in MEMBER_ROLE:
            roles.addItem(MEMBER_ROLE.label(code), code)
        roles.setCurrentIndex(roles.findData(role))
        self.table.setCellWidget(row, ROLE_COLUMN, roles)
        return row

    def set_member(self, row: int, last: str, first: str, birth: str = "", phone: str = "") -> None:
        """Fill a row (used by tests and by keyboard users alike)."""
        for column, value in ((LAST, last), (FIRST, first), (BIRTH, birth), (PHONE, phone)):
            item = self.table.item(row, column)
            assert item is not None
            item.setText(value)

    def _remove_member(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _combo(self, row: int, column: int) -> str:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return str(widget.currentData())

    # ------------------------------------------------------------- duplicates

    def _cell_changed(self, row: int, column: int) -> None:
        if column in (LAST, FIRST, BIRTH) and self._text(row, LAST) and self._text(row, FIRST):
            self._lookup_row = row
            self._lookup.start()

    def _look_for_duplicates(self) -> None:
        row = self._lookup_row
        if row < 0 or row >= self.table.rowCount():
            return
        last, first = self._text(row, LAST), self._text(row, FIRST)
        birth = parse_date(self._text(row, BIRTH)) if self._text(row, BIRTH) else None
        workspace = self._workspace
        self._tasks.read(
            lambda _c: propose_duplicates(
                workspace.database,
                actor=workspace.actor,
                last_name=last,
                first_name=first,
                birth_date=birth,
            ),
            name="duplicates",
            on_done=lambda found: self._show_known(row, found),
        )

    def _show_known(self, row: int, found: list[DuplicateCandidate]) -> None:
        self.known_list.clear()
        for candidate in found:
            born = format_date(candidate.birth_date) if candidate.birth_date else "?"
            homes = ", ".join(candidate.households) or self.tr("no household")
            item = QListWidgetItem(
                self.tr("{last} {first}, born {born} — {homes}").format(
                    last=candidate.last_name, first=candidate.first_name, born=born, homes=homes
                )
            )
            item.setData(_LINKED, (row, candidate.person_id))
            self.known_list.addItem(item)
        if found:
            self.known_label.setText(
                self.tr(
                    "This person may already be known to Seuil: link them rather than "
                    "creating a second file."
                )
            )
            self.known_list.setCurrentRow(0)
        else:
            self.known_label.clear()
        self.known_list.setVisible(bool(found))
        self.link_button.setVisible(bool(found))

    def link_selected(self) -> None:
        """Use the selected known person for the row instead of creating a new one."""
        if self.known_list.currentRow() < 0:
            return
        row, person_id = self.known_list.currentItem().data(_LINKED)
        for column in (LAST, FIRST, BIRTH, PHONE):
            cell = self.table.item(row, column)
            if cell is not None:
                cell.setData(_LINKED, person_id)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        first = self.table.item(row, LAST)
        if first is not None:
            first.setToolTip(self.tr("Person already known, linked"))
        self.known_list.setVisible(False)
        self.link_button.setVisible(False)
        self.known_label.setText(self.tr("Linked: the existing person joins this household."))

    # ------------------------------------------------------------- creation

    def members(self) -> tuple[list[MemberInput], list[ValidationIssue]]:
        """The rows as service inputs, and the dates that could not be read."""
        members: list[MemberInput] = []
        issues: list[ValidationIssue] = []
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, LAST)
            linked = cell.data(_LINKED) if cell is not None else None
            role = self._combo(row, ROLE_COLUMN)
            if linked is not None:
                members.append(MemberInput(person_id=int(linked), role=role))
                continue
            typed = self._text(row, BIRTH)
            birth: date | None = None
            if typed:
                birth = parse_date(typed)
                if birth is None:
                    issues.append(
                        ValidationIssue(f"members[{row}]", "cli.invalid_date", {"value": typed})
                    )
            members.append(
                MemberInput(
                    last_name=self._text(row, LAST),
                    first_name=self._text(row, FIRST),
                    birth_date=birth,
                    sex=self._combo(row, SEX_COLUMN),
                    role=role,
                    phone=self._text(row, PHONE) or None,
                )
            )
        return members, issues

    def accept(self) -> None:
        """Ask the service to create the household; problems come back here, row by row."""
        members, issues = self.members()
        if issues:
            self.show_problems(issues)
            return
        self.create_button.setEnabled(False)
        start: date = self.start_edit.date().toPython()  # type: ignore[assignment]
        address, postcode, commune = (
            self.address_edit.text().strip() or None,
            self.postcode_edit.text().strip() or None,
            self.commune_edit.text().strip() or None,
        )
        workspace = self._workspace

        def done(created: HouseholdCreated) -> None:
            self.created.emit(created.household_id)
            self.done(QDialog.DialogCode.Accepted)

        def refused(error: BaseException) -> None:
            self.create_button.setEnabled(True)
            if isinstance(error, InvalidInput):
                self.show_problems(list(error.issues))
            elif isinstance(error, KnownError):
                self.error_label.setText("⚠ " + error.text)
            else:
                raise error

        self._tasks.write(
            lambda _c: create_household(
                workspace.database,
                actor=workspace.actor,
                members=members,
                start=start,
                address=address,
                postcode=postcode,
                commune=commune,
            ),
            name="create-household",
            on_done=done,
            on_error=refused,
        )

    def show_problems(self, issues: list[ValidationIssue]) -> None:
        """Each problem with the row it concerns (« Personne 2 : … »)."""
        lines = []
        for issue in issues:
            prefix = ""
            if issue.field.startswith("members["):
                number = int(issue.field[len("members[") : -1]) + 1
                prefix = self.tr("Person {number}: ").format(number=number)
            lines.append(f"⚠ {prefix}{issue.text}")
        self.error_label.setText("\n".join(lines))
