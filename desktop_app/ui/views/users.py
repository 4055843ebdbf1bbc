"""Utilisateurs: the administrator's list of accounts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import ROLE
from desktop_app.services.system import Workspace
from desktop_app.services.users import (
    NewAccount,
    RoleSpec,
    UserInfo,
    add_user,
    disable_user,
    list_users,
    scope_choices,
)
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.base import SectionView


class AddUserDialog(QDialog):
    """Login, name, one role (on every programme, one programme or one residence), end date.

    Signals:
        submitted(): "Ajouter" was clicked; the dialog stays open until the account exists.
    """

    submitted = Signal()

    def __init__(
        self, programmes: list[str], residences: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an account"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.login_edit = QLineEdit()
        self.login_edit.setPlaceholderText("prenom.nom")
        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        for code in ROLE:
            self.role_combo.addItem(ROLE.label(code), code)
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("Every programme"), None)
        for name in programmes:
            self.scope_combo.addItem(self.tr("Programme: {name}").format(name=name), ("p", name))
        for name in residences:
            self.scope_combo.addItem(self.tr("House: {name}").format(name=name), ("r", name))
        self.until_box = QCheckBox(self.tr("Account ends on"))
        self.until_edit = QDateEdit(QDate.currentDate().addMonths(6))
        self.until_edit.setDisplayFormat("dd/MM/yyyy")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setEnabled(False)
        self.until_box.toggled.connect(self.until_edit.setEnabled)
        for label, widget in (
            (self.tr("Login"), self.login_edit),
            (self.tr("Full name"), self.name_edit),
            (self.tr("Role"), self.role_combo),
            (self.tr("Limited to"), self.scope_combo),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        until_row = QHBoxLayout()
        until_row.addWidget(self.until_box)
        until_row.addWidget(self.until_edit)
        form.addRow("", until_row)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def request(self) -> dict[str, object]:
        """Arguments for `add_user`."""
        scope = self.scope_combo.currentData()
        role = str(self.role_combo.currentData())
        spec = RoleSpec(role)
        if scope is not None:
            kind, name = scope
            spec = RoleSpec(role, programme=name) if kind == "p" else RoleSpec(role, residence=name)
        until: date | None = None
        if self.until_box.isChecked():
            until = self.until_edit.date().toPython()  # type: ignore[assignment]
        return {
            "login": self.login_edit.text().strip(),
            "display_name": self.name_edit.text(),
            "roles": [spec],
            "valid_until": until,
        }

    def accept(self) -> None:
        """Ask for the account; the view closes the dialog once it is created."""
        self.add_button.setEnabled(False)
        self.submitted.emit()

    def show_problems(self, error: InvalidInput) -> None:
        """The refusal's points, inside the dialog."""
        self.error_label.setText("\n".join("⚠ " + issue.text for issue in error.issues))
        self.add_button.setEnabled(True)


class UsersView(SectionView):
    """The accounts of the association, for the administrator."""

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
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each person has their own account. Roles add up; each may be limited to a "
                "programme or a house. A disabled account stays in the history."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model: DtoTableModel[UserInfo] = DtoTableModel(
            [
                (self.tr("Login"), lambda u: u.login),
                (self.tr("Name"), lambda u: u.display_name),
                (self.tr("Roles"), lambda u: ", ".join(u.roles)),
                (
                    self.tr("State"),
                    lambda u: self.tr("active") if u.active else self.tr("disabled"),
                ),
                (self.tr("Ends on"), lambda u: format_date(u.valid_until) if u.valid_until else ""),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add an account…"))
        self.disable_button = QPushButton(self.tr("Disable the account"))
        row.addWidget(self.add_button)
        row.addWidget(self.disable_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.ask_new_user)
        self.disable_button.clicked.connect(self.disable_selected)
        self.add_dialog: AddUserDialog | None = None
        self.refresh()

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Users")

    def refresh(self) -> None:
        """Reload the list off the GUI thread."""
        workspace = self._workspace
        self._tasks.read(
            lambda _c: list_users(workspace.database, actor=workspace.actor),
            name="list-users",
            on_done=self.model.set_rows,
        )

    def ask_new_user(self) -> None:
        """Open the form (non-blocking) once the programmes and houses are read."""
        workspace = self._workspace

        def show(choices: tuple[list[str], list[str]]) -> None:
            dialog = AddUserDialog(*choices, parent=self)
            dialog.submitted.connect(lambda: self._create(dialog))
            dialog.open()
            self.add_dialog = dialog

        self._tasks.read(
            lambda _c: scope_choices(workspace.database, actor=workspace.actor),
            name="scope-choices",
            on_done=show,
        )

    def _create(self, dialog: AddUserDialog) -> None:
        request = dialog.request()
        workspace = self._workspace

        def created(account: NewAccount) -> None:
            dialog.done(QDialog.DialogCode.Accepted)
            self._dialogs.inform(
                self,
                self.tr("Account ready"),
                self.tr(
                    "The account « {login} » is ready. Temporary password, to give to the "
                    "person (they will choose their own at their first login): {password}"
                ).format(login=account.login, password=account.password),
            )
            self.refresh()

        def refused(error: BaseException) -> None:
            if isinstance(error, InvalidInput):
                dialog.show_problems(error)
            elif isinstance(error, KnownError):
                dialog.show_problems(InvalidInput([]))
                self._dialogs.warn(self, self.tr("Account"), error.text)
            else:
                raise error

        self._tasks.write(
            lambda _c: add_user(workspace.database, actor=workspace.actor, **request),  # type: ignore[arg-type]
            name="add-user",
            on_done=created,
            on_error=refused,
        )

    def disable_selected(self) -> None:
        """Disable the selected account, after confirmation."""
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self._dialogs.inform(self, self.tr("Account"), self.tr("Select an account first."))
            return
        user = self.model.row(selected[0].row())
        question = self.tr("Disable the account « {login} » ({name})?").format(
            login=user.login, name=user.display_name
        )
        if not self._dialogs.confirm(self, self.tr("Disable the account"), question):
            return
        workspace = self._workspace
        self._tasks.write(
            lambda _c: disable_user(workspace.database, actor=workspace.actor, login=user.login),
            name="disable-user",
            on_done=lambda _result: self.refresh(),
        )
