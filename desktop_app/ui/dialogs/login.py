"""Logging in, choosing the administrator's password, keeping the recovery code."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.messages import message
from desktop_app.domain.passwords import (
    MIN_BITS_ALONE,
    MIN_BITS_WITH_DELAYS,
    check_password,
    entropy_bits,
)


class LoginDialog(QDialog):
    """Identifiant and mot de passe; the refusal is shown in the dialog, which stays open.

    Signals:
        submitted(str, str): login and password to check (off the GUI thread, by the caller).
    """

    submitted = Signal(str, str)

    def __init__(self, association: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log in to Seuil"))
        layout = QVBoxLayout(self)
        if association:
            title = QLabel(association)
            font = title.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.3)
            title.setFont(font)
            layout.addWidget(title)
        form = QFormLayout()
        self.login_edit = QLineEdit()
        self.login_edit.setAccessibleName(self.tr("Login"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        form.addRow(self.tr("Login"), self.login_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Login error"))
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(
            self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _submit(self) -> None:
        if not self.login_edit.text().strip() or not self.password_edit.text():
            self.show_error(self.tr("Type your login and your password."))
            return
        self.set_busy(True)
        self.submitted.emit(self.login_edit.text().strip(), self.password_edit.text())

    def set_busy(self, busy: bool) -> None:
        """While the password is checked, the button waits."""
        self.login_button.setEnabled(not busy)
        if busy:
            self.error_label.clear()

    def show_error(self, text: str) -> None:
        """Say why the login was refused; the password is cleared for the next try."""
        self.set_busy(False)
        self.error_label.setText("⚠ " + text)
        self.password_edit.clear()
        self.password_edit.setFocus()


class PasswordDialog(QDialog):
    """A new password typed twice, with its strength shown as it is typed.

    Used for the administrator at first start (with login and name) and for the change
    required after a temporary password.
    """

    def __init__(
        self,
        *,
        with_identity: bool,
        strict: bool,
        login: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._strict = strict
        self._login = login
        self.setWindowTitle(
            self.tr("Create the administrator account")
            if with_identity
            else self.tr("Choose your password")
        )
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The administrator manages accounts, backups and settings; they see no "
                "household's file. Choose a long password: a sentence of several unrelated "
                "words is easy to remember and hard to guess."
            )
            if with_identity
            else self.tr("Your password was given to you by someone else: choose your own now.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.login_edit = QLineEdit()
        self.name_edit = QLineEdit()
        if with_identity:
            self.login_edit.setAccessibleName(self.tr("Login"))
            self.name_edit.setAccessibleName(self.tr("Full name"))
            form.addRow(self.tr("Login"), self.login_edit)
            form.addRow(self.tr("Full name"), self.name_edit)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(self.tr("Password again"))
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Password again"), self.confirm_edit)
        layout.addLayout(form)
        self.strength_label = QLabel()
        self.strength_label.setWordWrap(True)
        layout.addWidget(self.strength_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password_edit.textChanged.connect(self._show_strength)
        self._show_strength("")
        self.setMinimumWidth(480)

    def _current_login(self) -> str:
        return self.login_edit.text().strip() or self._login

    def _show_strength(self, text: str) -> None:
        required = MIN_BITS_ALONE if self._strict else MIN_BITS_WITH_DELAYS
        bits = int(
            entropy_bits(text, login=self._current_login(), names=self.name_edit.text().split())
        )
        verdict = self.tr("enough") if bits >= required else self.tr("not enough yet")
        self.strength_label.setText(
            self.tr("Strength: {bits} bits of {required} required ({verdict}).").format(
                bits=bits, required=required, verdict=verdict
            )
        )

    def values(self) -> dict[str, str]:
        """Login, name and password as typed."""
        return {
            "login": self.login_edit.text().strip(),
            "display_name": self.name_edit.text().strip(),
            "password": self.password_edit.text(),
        }

    def accept(self) -> None:
        """Close only with a password strong enough, typed twice the same."""
        password = self.password_edit.text()
        problems = [
            issue.text
            for issue in check_password(
                password,
                login=self._current_login(),
                names=self.name_edit.text().split(),
                strict=self._strict,
            )
        ]
        if password != self.confirm_edit.text():
            problems.append(message("password.mismatch"))
        if problems:
            self.error_label.setText("\n".join("⚠ " + problem for problem in problems))
            self.adjustSize()
            return
        super().accept()


class RecoveryCodeDialog(QDialog):
    """The administrator's one-time recovery code, shown once, to write down."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery code"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "If the administrator's password is ever lost, this code gives a new one "
                "(command « users reset-admin »). Write it down and keep it in a safe place: "
                "Seuil will not show it again."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code_label = QLabel(code)
        font = QFont("DejaVu Sans Mono")
        font.setPointSizeF(self.code_label.font().pointSizeF() * 1.6)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        layout.addWidget(self.code_label)
        self.noted_box = QCheckBox(self.tr("I have written this code down in a safe place"))
        layout.addWidget(self.noted_box)
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.noted_box.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)
        layout.addWidget(self.continue_button)
