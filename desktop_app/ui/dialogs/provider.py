"""Dialogs that block, behind one injected object so tests can answer them.

Views never call ``QFileDialog``, ``QMessageBox`` or ``QDesktopServices`` themselves: they ask
the `DialogProvider` they were given. Tests pass a scripted provider.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


class DialogProvider(Protocol):
    """What views may ask the user, or the desktop, while blocking."""

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        """A file to read, or None when the user cancels."""

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, filters: str
    ) -> Path | None:
        """A file to write, or None when the user cancels."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Yes or no."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """A message to acknowledge."""

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A short text typed by the user (a reason…), or None when cancelled."""

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        """A problem the user can act on (a refused action, a French message)."""

    def unexpected_error(self, parent: QWidget | None, log_path: Path | None) -> None:
        """A bug: say so calmly and show where the log is."""

    def open_path(self, path: Path) -> bool:
        """Open a file or folder with the desktop's application."""

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str]
    ) -> int | None:
        """One of ``choices`` (its index), or None when the user cancels."""

    def choose_folder(self, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        """A folder to write into, or None when the user cancels."""


class QtDialogProvider:
    """The real dialogs."""

    def open_file(self, parent: QWidget | None, title: str, filters: str) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(chosen) if chosen else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, filters: str
    ) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return Path(chosen) if chosen else None

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def ask_text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        text, accepted = QInputDialog.getText(parent, title, label)
        return text if accepted else None

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def unexpected_error(self, parent: QWidget | None, log_path: Path | None) -> None:
        from desktop_app.ui.dialogs.error import UnexpectedErrorDialog  # noqa: PLC0415 - cycle

        UnexpectedErrorDialog(log_path, self, parent).exec()

    def open_path(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def choose(
        self, parent: QWidget | None, title: str, text: str, choices: Sequence[str]
    ) -> int | None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
        box.addButton(QMessageBox.StandardButton.Cancel)
        if buttons:
            box.setDefaultButton(buttons[0])
        box.exec()
        clicked = box.clickedButton()
        return next((index for index, b in enumerate(buttons) if b is clicked), None)

    def choose_folder(self, parent: QWidget | None, title: str, suggested: Path) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, title, str(suggested))
        return Path(chosen) if chosen else None
