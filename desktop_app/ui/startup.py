"""From launch to the main window: welcome screen, association creation, demonstration."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.domain.errors import KnownError
from desktop_app.domain.progress import TaskControl
from desktop_app.paths import DatabaseTarget, resolve_database
from desktop_app.services.demo import create_demo_database, demo_actor
from desktop_app.services.organisation import create_association
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.dialogs.association import AssociationDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.welcome import WelcomeView

log = logging.getLogger(__name__)

EXIT_REFUSED = 3
DEMO_SIZE = "S"


class StartupController(QObject):
    """Decides what the user sees first and opens the workspace off the GUI thread.

    Signals:
        ready(object): a `Workspace` is open; the caller shows the main window.
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

    def start(self) -> None:
        """Open the database if it exists, else welcome the user."""
        if self._target.path is not None and not self._target.path.exists():
            self.welcome = WelcomeView()
            self.welcome.create_requested.connect(self.ask_association)
            self.welcome.demo_requested.connect(self.open_demo)
            self.welcome.show()
            return
        self._tasks.write(
            lambda _control: open_workspace(self._target, create=False),
            name="open-database",
            on_done=self.ready.emit,
            on_error=self._refused_at_start,
        )

    # ------------------------------------------------------------- welcome choices

    def ask_association(self) -> AssociationDialog:
        """Show the association form (non-blocking); creation starts when it is accepted."""
        dialog = AssociationDialog(self.welcome)
        dialog.accepted.connect(lambda: self._create(dialog.values()))
        dialog.open()
        self.association_dialog = dialog
        return dialog

    def _create(self, values: dict[str, str]) -> None:
        assert self.welcome is not None
        self.welcome.set_busy(self.tr("Creating the database…"))
        target = self._target

        def job(_control: TaskControl) -> Workspace:
            workspace = open_workspace(target)
            try:
                create_association(workspace.database, actor=workspace.actor, **values)
            except BaseException:
                workspace.close()
                if workspace.report.created and target.path is not None:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{target.path}{suffix}").unlink(missing_ok=True)
                raise
            return workspace

        self._tasks.write(job, name="create-association", on_done=self._done, on_error=self._retry)

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

        self._tasks.write(job, name="open-demo", on_done=self._done, on_error=self._retry)

    # ------------------------------------------------------------- outcomes

    def _done(self, workspace: Workspace) -> None:
        self.ready.emit(workspace)
        if self.welcome is not None:
            self.welcome.close()

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
