"""Editing a household's file: members, roles, identity and rights, resources, address, workers.

Every dialog is a form whose fields show their own problems under them (the service's
`ValidationIssue.field` names the field), keeps what was typed when the service refuses, and
saves nothing until the service accepts everything at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.money import format_eur, parse_amount
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import (
    BENEFIT_AGENCY,
    LEGAL_PROTECTION,
    MEMBER_ROLE,
    NATIONALITY,
    RESOURCE_KIND,
    SEX,
)
from desktop_app.services.household_edit import (
    Composition,
    HouseholdAddress,
    IdentityInput,
    MemberPeriod,
    PersonDetail,
    PossibleDuplicates,
    ResourceEntry,
    WorkerChoice,
    add_member,
    change_roles,
    mandataire_choices,
    member_leaves,
    person_detail,
    replace_resources,
    set_key_workers,
    update_address,
    update_person,
)
from desktop_app.services.households import DuplicateCandidate, MemberInput
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, OptionalDateEdit, vocabulary_combo
from desktop_app.ui.dialogs.form import date_edit as _date_edit
from desktop_app.ui.dialogs.form import day_of as _day
from desktop_app.ui.tasks import TaskRunner

_CHOSEN = Qt.ItemDataRole.UserRole
_ROW = re.compile(r"^resources\[(\d+)\]")


# ------------------------------------------------------------------ small widgets


def _line(value: str | None = None) -> QLineEdit:
    return QLineEdit(value or "")


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


# ------------------------------------------------------------------ the shared frame


class _FormDialog(FormDialog):
    """The shared frame (`form.FormDialog`) with the workspace the services are called with."""

    def __init__(
        self, title: str, workspace: Workspace, tasks: TaskRunner, parent: QWidget | None
    ) -> None:
        super().__init__(title, parent, tasks=tasks, width=540)
        self._workspace = workspace


# ------------------------------------------------------------------ address


class AddressDialog(_FormDialog):
    """The household's address (postcode, commune) or its domiciliation."""

    def __init__(
        self,
        workspace: Workspace,
        current: HouseholdAddress,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Address"), workspace, tasks, parent)
        self._current = current
        self.address_edit = _line(current.address)
        self.postcode_edit = _line(current.postcode)
        self.postcode_edit.setMaxLength(10)
        self.commune_edit = _line(current.commune)
        self.domiciliation_edit = _line(current.domiciliation)
        self.field("address", self.tr("Address"), self.address_edit)
        self.field("postcode", self.tr("Postcode"), self.postcode_edit)
        self.field("commune", self.tr("Commune"), self.commune_edit)
        self.field(
            "domiciliation", self.tr("Domiciliation (postal address)"), self.domiciliation_edit
        )

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The address as typed, saved against the version the form was opened with."""
        ws, current = self._workspace, self._current
        values = {
            "address": _text(self.address_edit),
            "postcode": _text(self.postcode_edit),
            "commune": _text(self.commune_edit),
            "domiciliation": _text(self.domiciliation_edit),
        }
        return lambda: update_address(
            ws.database,
            actor=ws.actor,
            household_id=current.household_id,
            version=current.version,
            **values,
        )


# ------------------------------------------------------------------ identity and rights


def identity_form_data(
    workspace: Workspace, household_id: int, person_id: int
) -> tuple[PersonDetail, list[tuple[int, str]]]:
    """What the identity dialog is opened with (run on the read worker)."""
    detail = person_detail(
        workspace.database, actor=workspace.actor, household_id=household_id, person_id=person_id
    )
    return detail, mandataire_choices(workspace.database, actor=workspace.actor)


class IdentityDialog(_FormDialog):
    """A member's identity, contact and rights (CAF/MSA, residence permit, legal protection)."""

    def __init__(
        self,
        workspace: Workspace,
        detail: PersonDetail,
        mandataires: Sequence[tuple[int, str]],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        name = f"{detail.identity.last_name} {detail.identity.first_name}"
        super().__init__(
            self.tr("Identity and rights of {name}").format(name=name), workspace, tasks, parent
        )
        self._detail = detail
        i = detail.identity
        self.last_name_edit = _line(i.last_name)
        self.first_name_edit = _line(i.first_name)
        self.birth_edit = OptionalDateEdit(i.birth_date)
        self.sex_combo = vocabulary_combo(SEX, current=i.sex)
        self.nationality_combo = vocabulary_combo(NATIONALITY, current=i.nationality)
        self.phone_edit = _line(i.phone)
        self.email_edit = _line(i.email)
        self.language_edit = _line(i.language)
        self.interpreter_check = QCheckBox(self.tr("An interpreter is needed"))
        self.interpreter_check.setChecked(i.interpreter_needed)
        self.agency_combo = vocabulary_combo(
            BENEFIT_AGENCY, empty=self.tr("None"), current=i.benefit_agency
        )
        self.allocataire_edit = _line(i.allocataire_number)
        self.permit_edit = OptionalDateEdit(i.residence_permit_expiry)
        self.protection_combo = vocabulary_combo(LEGAL_PROTECTION, current=i.legal_protection)
        self.mandataire_combo = QComboBox()
        self.mandataire_combo.addItem(self.tr("None"), None)
        for pid, label in mandataires:
            self.mandataire_combo.addItem(label, pid)
        if i.mandataire_id is not None and self.mandataire_combo.findData(i.mandataire_id) < 0:
            self.mandataire_combo.addItem(detail.mandataire or "?", i.mandataire_id)
        self.mandataire_combo.setCurrentIndex(
            max(self.mandataire_combo.findData(i.mandataire_id), 0)
        )
        self.emergency_edit = _line(i.emergency_contact)
        self.consent_check = QCheckBox(self.tr("The person agrees to this contact being recorded"))
        self.consent_check.setChecked(i.emergency_contact_consent)
        for key, label, widget in (
            ("last_name", self.tr("Last name"), self.last_name_edit),
            ("first_name", self.tr("First name"), self.first_name_edit),
            ("birth_date", self.tr("Birth date"), self.birth_edit),
            ("sex", self.tr("Sex"), self.sex_combo),
            ("nationality", self.tr("Nationality"), self.nationality_combo),
            ("phone", self.tr("Phone"), self.phone_edit),
            ("email", self.tr("E-mail"), self.email_edit),
            ("language", self.tr("Language"), self.language_edit),
            ("interpreter_needed", self.tr("Interpreter"), self.interpreter_check),
            ("benefit_agency", self.tr("Benefit agency"), self.agency_combo),
            ("allocataire_number", self.tr("Allocataire number"), self.allocataire_edit),
            ("residence_permit_expiry", self.tr("Residence permit until"), self.permit_edit),
            ("legal_protection", self.tr("Legal protection"), self.protection_combo),
            ("mandataire_id", self.tr("Mandataire"), self.mandataire_combo),
            ("emergency_contact", self.tr("Emergency contact"), self.emergency_edit),
            ("emergency_contact_consent", self.tr("Consent"), self.consent_check),
        ):
            self.field(key, label, widget)

    def identity(self) -> IdentityInput:
        """The form as the service reads it."""
        return IdentityInput(
            last_name=self.last_name_edit.text(),
            first_name=self.first_name_edit.text(),
            birth_date=self.birth_edit.value(),
            sex=str(self.sex_combo.currentData()),
            nationality=str(self.nationality_combo.currentData()),
            phone=_text(self.phone_edit),
            email=_text(self.email_edit),
            language=_text(self.language_edit),
            interpreter_needed=self.interpreter_check.isChecked(),
            benefit_agency=self.agency_combo.currentData(),
            allocataire_number=_text(self.allocataire_edit),
            residence_permit_expiry=self.permit_edit.value(),
            legal_protection=str(self.protection_combo.currentData()),
            mandataire_id=self.mandataire_combo.currentData(),
            emergency_contact=_text(self.emergency_edit),
            emergency_contact_consent=self.consent_check.isChecked(),
        )

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The identity typed, saved against the person's version when the form opened."""
        ws, detail, identity = self._workspace, self._detail, self.identity()
        return lambda: update_person(
            ws.database,
            actor=ws.actor,
            household_id=detail.household_id,
            person_id=detail.person_id,
            identity=identity,
            version=detail.version,
        )


# ------------------------------------------------------------------ resources

KIND, AMOUNT, FROM, UNTIL, PROBLEM = range(5)


class ResourcesDialog(_FormDialog):
    """A member's monthly resources, one line each; amounts typed as ``1 234,56``."""

    def __init__(
        self,
        workspace: Workspace,
        detail: PersonDetail,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        name = f"{detail.identity.last_name} {detail.identity.first_name}"
        super().__init__(self.tr("Resources of {name}").format(name=name), workspace, tasks, parent)
        self._detail = detail
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Monthly amount"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("Problem"),
            ]
        )
        self.table.setAccessibleName(self.tr("Resources"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.main_layout.insertWidget(1, self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a resource"))
        self.remove_button = QPushButton(self.tr("Remove the resource"))
        self.add_button.clicked.connect(self._add_empty_line)
        self.remove_button.clicked.connect(self._remove_line)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.main_layout.insertLayout(2, row)
        for entry in detail.resources:
            self.add_line(entry)
        self.resize(760, 420)

    def add_line(self, entry: ResourceEntry | None = None) -> int:
        """A new line, empty or showing ``entry``."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        number = row + 1
        kind = vocabulary_combo(RESOURCE_KIND, current=entry.kind if entry else "rsa")
        kind.setAccessibleName(self.tr("Kind, line {number}").format(number=number))
        amount = QLineEdit(
            format_eur(entry.monthly_amount, symbol=False)
            if entry is not None and entry.monthly_amount is not None
            else ""
        )
        amount.setAccessibleName(self.tr("Monthly amount, line {number}").format(number=number))
        amount.setPlaceholderText("1 234,56")
        start = OptionalDateEdit(entry.valid_from if entry else None)
        start.name(self.tr("From, line {number}").format(number=number))
        until = OptionalDateEdit(entry.valid_until if entry else None)
        until.name(self.tr("Until, line {number}").format(number=number))
        self.table.setCellWidget(row, KIND, kind)
        self.table.setCellWidget(row, AMOUNT, amount)
        self.table.setCellWidget(row, FROM, start)
        self.table.setCellWidget(row, UNTIL, until)
        problem = QTableWidgetItem("")
        problem.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.table.setItem(row, PROBLEM, problem)
        return row

    def _add_empty_line(self) -> None:
        self.table.setCurrentCell(self.add_line(), KIND)

    def _remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def amount_edit(self, row: int) -> QLineEdit:
        """The amount typed on a line."""
        widget = self.table.cellWidget(row, AMOUNT)
        assert isinstance(widget, QLineEdit)
        return widget

    def kind_combo(self, row: int) -> QComboBox:
        """The kind chosen on a line."""
        widget = self.table.cellWidget(row, KIND)
        assert isinstance(widget, QComboBox)
        return widget

    def date_edit(self, row: int, column: int) -> OptionalDateEdit:
        """The optional date of a line (``FROM`` or ``UNTIL``)."""
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, OptionalDateEdit)
        return widget

    def entries(self, issues: list[ValidationIssue]) -> list[ResourceEntry]:
        """The lines as service inputs; an unreadable amount adds an issue on its line."""
        entries = []
        for row in range(self.table.rowCount()):
            typed = self.amount_edit(row).text().strip()
            cents = parse_amount(typed) if typed else None
            if typed and cents is None:
                issues.append(
                    ValidationIssue(
                        f"resources[{row}].monthly_amount",
                        "household_edit.amount_invalid",
                        {"value": typed},
                    )
                )
            entries.append(
                ResourceEntry(
                    kind=str(self.kind_combo(row).currentData()),
                    monthly_amount=cents,
                    valid_from=self.date_edit(row, FROM).value(),
                    valid_until=self.date_edit(row, UNTIL).value(),
                )
            )
        return entries

    def line_problem(self, row: int) -> str:
        """The problem shown beside a line."""
        item = self.table.item(row, PROBLEM)
        return item.text() if item is not None else ""

    def show_issues(self, issues: Sequence[ValidationIssue], general: str = "") -> None:
        """Each line's problems beside it, in the Problem column; the others under the table."""
        lines: dict[int, list[str]] = {}
        others: list[ValidationIssue] = []
        for issue in issues:
            match = _ROW.match(issue.field)
            if match is not None and int(match[1]) < self.table.rowCount():
                lines.setdefault(int(match[1]), []).append("⚠ " + issue.text)
            else:
                others.append(issue)
        for row in range(self.table.rowCount()):
            text = "\n".join(lines.get(row, []))
            item = self.table.item(row, PROBLEM)
            if item is not None:
                item.setText(text)
                item.setToolTip(text)
            self.amount_edit(row).setAccessibleDescription(text)
        self.table.resizeRowsToContents()
        super().show_issues(others, general)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The lines typed, saved against the person's version when the form opened."""
        ws, detail = self._workspace, self._detail
        entries = self.entries(issues)
        return lambda: replace_resources(
            ws.database,
            actor=ws.actor,
            household_id=detail.household_id,
            person_id=detail.person_id,
            resources=entries,
            version=detail.version,
        )


# ------------------------------------------------------------------ composition


class AddMemberDialog(_FormDialog):
    """A person joins the household: a new person, or one already known, linked.

    When the service finds persons who may be this one, they are listed: the user links one of
    them, or confirms that it is someone else.
    """

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Add a member"), workspace, tasks, parent)
        self._household_id = household_id
        self._linked: int | None = None
        self._create_anyway = False
        self.last_name_edit = QLineEdit()
        self.first_name_edit = QLineEdit()
        self.birth_edit = OptionalDateEdit()
        self.sex_combo = vocabulary_combo(SEX, current="unknown")
        self.role_combo = vocabulary_combo(MEMBER_ROLE, current="child")
        self.joined_edit = _date_edit()
        self.phone_edit = QLineEdit()
        for key, label, widget in (
            ("last_name", self.tr("Last name"), self.last_name_edit),
            ("first_name", self.tr("First name"), self.first_name_edit),
            ("birth_date", self.tr("Birth date"), self.birth_edit),
            ("sex", self.tr("Sex"), self.sex_combo),
            ("role", self.tr("Role"), self.role_combo),
            ("joined_on", self.tr("Member since"), self.joined_edit),
            ("phone", self.tr("Phone"), self.phone_edit),
        ):
            self.field(key, label, widget)
        self.known_list = QListWidget()
        self.known_list.setAccessibleName(self.tr("Persons already known"))
        self.known_list.setMaximumHeight(120)
        self.known_list.setVisible(False)
        self.link_button = QPushButton(self.tr("Link this person"))
        self.create_button = QPushButton(self.tr("It is someone else: create"))
        self.link_button.setVisible(False)
        self.create_button.setVisible(False)
        self.link_button.clicked.connect(self.link_selected)
        self.create_button.clicked.connect(self.create_anyway)
        choice = QHBoxLayout()
        choice.addWidget(self.link_button)
        choice.addWidget(self.create_button)
        choice.addStretch(1)
        self.main_layout.insertWidget(2, self.known_list)
        self.main_layout.insertLayout(3, choice)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The person typed (or linked), with the household's check of one head every day."""
        ws, hid = self._workspace, self._household_id
        role, joined = str(self.role_combo.currentData()), _day(self.joined_edit)
        if self._linked is not None:
            member = MemberInput(person_id=self._linked, role=role, joined_on=joined)
        else:
            member = MemberInput(
                last_name=self.last_name_edit.text(),
                first_name=self.first_name_edit.text(),
                birth_date=self.birth_edit.value(),
                sex=str(self.sex_combo.currentData()),
                role=role,
                joined_on=joined,
                phone=_text(self.phone_edit),
            )
        anyway = self._create_anyway
        return lambda: add_member(
            ws.database, actor=ws.actor, household_id=hid, member=member, create_anyway=anyway
        )

    def refused(self, error: BaseException) -> None:
        """Persons who may be this one are listed; any other refusal as usual."""
        self._linked, self._create_anyway = None, False  # asked again at the next save
        if isinstance(error, PossibleDuplicates):
            self.save_button.setEnabled(True)
            self.show_known(error.candidates)
            self.show_issues([], general="⚠ " + error.text)
            return
        super().refused(error)

    def show_known(self, candidates: Sequence[DuplicateCandidate]) -> None:
        """The persons proposed, the first one selected."""
        self.known_list.clear()
        for candidate in candidates:
            born = format_date(candidate.birth_date) if candidate.birth_date else "?"
            homes = ", ".join(candidate.households) or self.tr("no household")
            item = QListWidgetItem(
                self.tr("{last} {first}, born {born} — {homes}").format(
                    last=candidate.last_name, first=candidate.first_name, born=born, homes=homes
                )
            )
            item.setData(_CHOSEN, candidate.person_id)
            self.known_list.addItem(item)
        self.known_list.setCurrentRow(0)
        for widget in (self.known_list, self.link_button, self.create_button):
            widget.setVisible(bool(candidates))
        self.known_list.setFocus()

    def link_selected(self) -> None:
        """Save with the selected known person instead of creating a new one."""
        row = self.known_list.currentRow()
        if row < 0:
            return
        self._linked = int(self.known_list.item(row).data(_CHOSEN))
        self.accept()

    def create_anyway(self) -> None:
        """Save a new person: the user says the persons proposed are others."""
        self._create_anyway = True
        self.accept()


class LeaveDialog(_FormDialog):
    """A member leaves the household: the last day they belong to it."""

    def __init__(
        self,
        workspace: Workspace,
        member: MemberPeriod,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("{name} leaves the household").format(name=member.name),
            workspace,
            tasks,
            parent,
        )
        self._member = member
        self.left_edit = _date_edit(member.left_on)
        self.field("left_on", self.tr("Last day in the household"), self.left_edit)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The last day chosen (the service keeps one head on every day)."""
        ws, membership_id, day = self._workspace, self._member.membership_id, _day(self.left_edit)
        return lambda: member_leaves(
            ws.database, actor=ws.actor, membership_id=membership_id, left_on=day
        )


class ChangeRoleDialog(_FormDialog):
    """Members take new roles from a date, all at once (a head hands over to a partner)."""

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        members: Sequence[MemberPeriod],
        *,
        selected: int | None = None,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Change of role"), workspace, tasks, parent)
        self._household_id = household_id
        self._members = list(members)
        self.from_edit = _date_edit()
        self.field("from_day", self.tr("From"), self.from_edit)
        self.role_combos: dict[int, QComboBox] = {}
        for member in self._members:
            combo = vocabulary_combo(MEMBER_ROLE, current=member.role)
            self.role_combos[member.membership_id] = combo
            self.field(
                f"roles.{member.membership_id}",
                self.tr("Role of {name}").format(name=member.name),
                combo,
            )
        if selected in self.role_combos:
            self.role_combos[selected].setFocus()

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The roles changed, from the day chosen."""
        ws, hid, day = self._workspace, self._household_id, _day(self.from_edit)
        roles = {
            member.membership_id: str(self.role_combos[member.membership_id].currentData())
            for member in self._members
            if self.role_combos[member.membership_id].currentData() != member.role
        }
        return lambda: change_roles(
            ws.database, actor=ws.actor, household_id=hid, from_day=day, roles=roles
        )


# ------------------------------------------------------------------ key workers


class KeyWorkerDialog(_FormDialog):
    """The key worker [référent] and the co-key-workers [co-référents] of the household."""

    def __init__(
        self,
        workspace: Workspace,
        composition: Composition,
        choices: Sequence[WorkerChoice],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Key workers"), workspace, tasks, parent)
        self._composition = composition
        offered = list(choices)
        for current in (composition.key_worker, *composition.co_workers):
            if current is not None and current.user_id not in {c.user_id for c in offered}:
                offered.append(current)
        self.key_worker_combo = QComboBox()
        self.key_worker_combo.addItem(self.tr("No key worker"), None)
        for choice in offered:
            self.key_worker_combo.addItem(choice.name, choice.user_id)
        current_id = composition.key_worker.user_id if composition.key_worker else None
        self.key_worker_combo.setCurrentIndex(max(self.key_worker_combo.findData(current_id), 0))
        self.co_list = QListWidget()
        co_ids = {c.user_id for c in composition.co_workers}
        for choice in offered:
            item = QListWidgetItem(choice.name)
            item.setData(_CHOSEN, choice.user_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.user_id in co_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.co_list.addItem(item)
        self.field("key_worker_id", self.tr("Key worker"), self.key_worker_combo)
        self.field("co_worker_ids", self.tr("Co-key-workers"), self.co_list)

    def check_co_worker(self, user_id: int, checked: bool = True) -> None:
        """Tick (or untick) a colleague as co-key-worker (keyboard users press Space)."""
        for row in range(self.co_list.count()):
            item = self.co_list.item(row)
            if item.data(_CHOSEN) == user_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def request(self, issues: list[ValidationIssue]) -> Callable[[], object]:
        """The workers chosen, saved against the household's version when the form opened."""
        ws, composition = self._workspace, self._composition
        key_worker_id = self.key_worker_combo.currentData()
        co_ids = [
            int(self.co_list.item(row).data(_CHOSEN))
            for row in range(self.co_list.count())
            if self.co_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        return lambda: set_key_workers(
            ws.database,
            actor=ws.actor,
            household_id=composition.household_id,
            key_worker_id=key_worker_id,
            co_worker_ids=co_ids,
            version=composition.version,
        )
