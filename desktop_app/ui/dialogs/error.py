"""What the user sees when something goes wrong, and the hook that catches it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import Cancelled, KnownError
from desktop_app.logs import current_log_file, log_unexpected
from desktop_app.ui.dialogs.provider import DialogProvider

log = logging.getLogger(__name__)


class UnexpectedErrorDialog(QDialog):
    """A calm message for a bug, with where the technical details were written."""

    def __init__(
        self, log_path: Path | None, dialogs: DialogProvider, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._dialogs = dialogs
        self._log_path = log_path
        self.setWindowTitle(self.tr("Unexpected error"))
        layout = QVBoxLayout(self)
        self.message_label = QLabel(
            self.tr(
                "Seuil met an unexpected error. What was already saved is safe; the action "
                "in progress was not completed. You can continue working."
            )
        )
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        where = str(log_path) if log_path else self.tr("no log file")
        self.log_label = QLabel(self.tr("Technical details for support: {path}").format(path=where))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.log_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_log_button = QPushButton(self.tr("Open the log folder"))
        self.open_log_button.setEnabled(log_path is not None)
        buttons.addButton(self.open_log_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_log_button.clicked.connect(self._open_log_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open_log_folder(self) -> None:
        if self._log_path is not None:
            self._dialogs.open_path(self._log_path.parent)


class ErrorReporter:
    """Turns any exception reaching the GUI into the right message.

    A `KnownError` is a French message in a warning; a `Cancelled` says nothing; anything else
    is logged without personal values and shown with the log's path. Installed as
    ``sys.excepthook`` so exceptions raised in slots land here too.
    """

    def __init__(
        self, dialogs: DialogProvider, parent: Callable[[], QWidget | None] = lambda: None
    ) -> None:
        self._dialogs = dialogs
        self._parent = parent

    def report(self, error: BaseException) -> None:
        """Show ``error`` to the user in the way its kind deserves."""
        if isinstance(error, Cancelled):
            return
        if isinstance(error, KnownError):
            title = QCoreApplication.translate("ErrorReporter", "Action not possible")
            self._dialogs.warn(self._parent(), title, error.text)
            return
        log_unexpected(log, error, where="GUI")
        self._dialogs.unexpected_error(self._parent(), current_log_file())

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        """``sys.excepthook`` replacement; Ctrl+C still ends the program."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, traceback)
            return
        self.report(error.with_traceback(traceback))
