"""From launch to the main window: welcome, administrator, association, login, demonstration."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.domain.errors import KnownError
from desktop_app.domain.progress import TaskControl
from desktop_app.paths import DatabaseTarget, resolve_database
from desktop_app.services.demo import create_demo_database, demo_actor, is_demo
from desktop_app.services.organisation import create_association, get_association
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.services.users import (
    LoginSession,
    authenticate,
    change_password,
    create_administrator,
    has_accounts,
)
from desktop_app.ui.dialogs.association import AssociationDialog
from desktop_app.ui.dialogs.login import LoginDialog, PasswordDialog, RecoveryCodeDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.welcome import WelcomeView

log = logging.getLogger(__name__)

EXIT_REFUSED = 3
DEMO_SIZE = "S"


@dataclass(frozen=True, slots=True)
class _Opened:
    workspace: Workspace
    accounts: bool
    association: str | None


class StartupController(QObject):
    """Decides what the user sees first and opens the workspace off the GUI thread.

    A new computer: welcome screen; "Créer mon association" asks for the administrator
    account, then the association, then shows the recovery code. An existing database with
    accounts asks for a login (and a new password after a temporary one); one without
    accounts (made by the command line) first gets its administrator. The demonstration opens
    as its coordinator.

    Signals:
        ready(object): a `Workspace` with its actor is open; the caller shows the main window.
        failed(int): nothing can be opened; the exit code (the reason was already shown).
    """

    ready = Signal(object)
    failed = Signal(int)

    def __init__(
        self,
        *,
        target: DatabaseTarget,
        demo_path: Path,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self._target = target
        self._demo_path = demo_path
        self._tasks = tasks
        self._dialogs = dialogs
        self._today = today
        self.welcome: WelcomeView | None = None
        self.association_dialog: AssociationDialog | None = None
        self.admin_dialog: PasswordDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.password_dialog: PasswordDialog | None = None
        self.recovery_dialog: RecoveryCodeDialog | None = None

    def start(self) -> None:
        """Open the database if it exists, else welcome the user."""
        if self._target.path is not None and not self._target.path.exists():
            self.welcome = WelcomeView()
            self.welcome.create_requested.connect(self.ask_administrator)
            self.welcome.demo_requested.connect(self.open_demo)
            self.welcome.show()
            return
        target = self._target

        def job(_control: TaskControl) -> _Opened:
            workspace = open_workspace(target, create=False)
            try:
                workspace = replace(workspace, demo=is_demo(workspace.database))
                accounts = has_accounts(workspace.database)
                association = get_association(workspace.database, actor=workspace.actor)
            except BaseException:
                workspace.close()
                raise
            return _Opened(workspace, accounts, association.name if association else None)

        self._tasks.write(
            job, name="open-database", on_done=self._opened, on_error=self._refused_at_start
        )

    def _opened(self, opened: _Opened) -> None:
        if opened.accounts:
            self.ask_login(opened.workspace, opened.association)
        else:
            self.ask_administrator(existing=opened.workspace)

    # ------------------------------------------------------------- administrator and association

    def ask_administrator(self, existing: Workspace | None = None) -> PasswordDialog:
        """First start: the administrator's account, then (for a new base) the association."""
        dialog = PasswordDialog(with_identity=True, strict=True, parent=self.welcome)
        dialog.accepted.connect(lambda: self._after_administrator(dialog.values(), existing))
        if existing is not None:
            dialog.rejected.connect(lambda: self._give_up(existing))
        dialog.open()
        self.admin_dialog = dialog
        return dialog

    def _after_administrator(self, admin: dict[str, str], existing: Workspace | None) -> None:
        if existing is not None:
            self._create(admin, None, existing)
            return
        dialog = AssociationDialog(self.welcome)
        dialog.accepted.connect(lambda: self._create(admin, dialog.values(), None))
        dialog.open()
        self.association_dialog = dialog

    def _create(
        self, admin: dict[str, str], association: dict[str, str] | None, existing: Workspace | None
    ) -> None:
        if self.welcome is not None:
            self.welcome.set_busy(self.tr("Creating the database…"))
        target = self._target

        def job(_control: TaskControl) -> tuple[Workspace, str]:
            workspace = existing or open_workspace(target)
            created_file = existing is None and workspace.report.created
            try:
                account = create_administrator(
                    workspace.database,
                    login=admin["login"],
                    display_name=admin["display_name"],
                    password=admin["password"],
                )
                session = authenticate(
                    workspace.database, login=admin["login"], password=admin["password"]
                )
                if association is not None:
                    create_association(workspace.database, actor=session.actor, **association)
            except BaseException:
                workspace.close()
                if created_file and target.path is not None:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{target.path}{suffix}").unlink(missing_ok=True)
                raise
            assert account.recovery_code is not None
            return replace(workspace, actor=session.actor), account.recovery_code

        self._tasks.write(
            job, name="create-administrator", on_done=self._show_recovery, on_error=self._retry
        )

    def _show_recovery(self, created: tuple[Workspace, str]) -> None:
        workspace, code = created
        dialog = RecoveryCodeDialog(code, self.welcome)
        dialog.accepted.connect(lambda: self._done(workspace))
        dialog.open()
        self.recovery_dialog = dialog

    # ------------------------------------------------------------- login

    def ask_login(self, workspace: Workspace, association: str | None) -> LoginDialog:
        """Ask for a login; refusals are shown in the dialog, which stays open."""
        dialog = LoginDialog(association)
        dialog.submitted.connect(lambda login, password: self._check(workspace, login, password))
        dialog.rejected.connect(lambda: self._give_up(workspace))
        dialog.open()
        self.login_dialog = dialog
        return dialog

    def _check(self, workspace: Workspace, login: str, password: str) -> None:
        dialog = self.login_dialog
        assert dialog is not None

        def accepted(session: LoginSession) -> None:
            dialog.done(LoginDialog.DialogCode.Accepted)
            logged = replace(workspace, actor=session.actor)
            if session.must_change_password:
                self.ask_new_password(logged)
            else:
                self.ready.emit(logged)

        def refused(error: BaseException) -> None:
            if isinstance(error, KnownError):
                dialog.show_error(error.text)
            else:
                dialog.set_busy(False)
                self._show(error, dialog)

        self._tasks.write(
            lambda _c: authenticate(workspace.database, login=login, password=password),
            name="login",
            on_done=accepted,
            on_error=refused,
        )

    def ask_new_password(self, workspace: Workspace) -> PasswordDialog:
        """After a temporary password: the person chooses their own before going on."""
        strict = "tech_admin" in workspace.actor.roles
        dialog = PasswordDialog(with_identity=False, strict=strict, login=workspace.actor.login)
        dialog.accepted.connect(lambda: self._change(workspace, dialog.values()["password"]))
        dialog.rejected.connect(lambda: self._give_up(workspace))
        dialog.open()
        self.password_dialog = dialog
        return dialog

    def _change(self, workspace: Workspace, password: str) -> None:
        self._tasks.write(
            lambda _c: change_password(
                workspace.database, actor=workspace.actor, new_password=password
            ),
            name="change-password",
            on_done=lambda _result: self.ready.emit(workspace),
            on_error=lambda error: self._retry_password(workspace, error),
        )

    def _retry_password(self, workspace: Workspace, error: BaseException) -> None:
        self._show(error, None)
        self.ask_new_password(workspace)

    # ------------------------------------------------------------- demonstration

    def open_demo(self) -> None:
        """Open the demonstration, building it first if this computer has none yet."""
        assert self.welcome is not None
        self.welcome.set_busy(self.tr("Preparing the demonstration (fictitious data)…"))
        demo_target = resolve_database(str(self._demo_path))
        today = self._today()

        def job(control: TaskControl) -> Workspace:
            if not self._demo_path.exists():
                create_demo_database(demo_target, size=DEMO_SIZE, today=today, control=control)
            workspace = open_workspace(demo_target, create=False, demo=True)
            try:
                return replace(workspace, actor=demo_actor(workspace.database))
            except BaseException:
                workspace.close()
                raise

        handle = self._tasks.write(job, name="open-demo", on_done=self._done, on_error=self._retry)
        handle.progress.connect(self.welcome.show_progress)

    # ------------------------------------------------------------- outcomes

    def _done(self, workspace: Workspace) -> None:
        self.ready.emit(workspace)
        if self.welcome is not None:
            self.welcome.close()

    def _give_up(self, workspace: Workspace) -> None:
        workspace.close()
        self.failed.emit(0)

    def _retry(self, error: BaseException) -> None:
        if self.welcome is not None:
            self.welcome.set_idle()
        self._show(error, self.welcome)

    def _refused_at_start(self, error: BaseException) -> None:
        self._show(error, None)
        self.failed.emit(EXIT_REFUSED if isinstance(error, KnownError) else 1)

    def _show(self, error: BaseException, parent: QWidget | None) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(parent, self.tr("Seuil"), error.text)
        else:
            from desktop_app.logs import current_log_file, log_unexpected  # noqa: PLC0415

            log_unexpected(log, error, where="startup")
            self._dialogs.unexpected_error(parent, current_log_file())
