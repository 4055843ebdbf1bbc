"""The welcome screen of a computer without a database yet."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    """Two ways in: create the association's database, or explore a demonstration.

    Signals:
        create_requested(): the user chose "Créer mon association".
        demo_requested(): the user chose "Explorer la démonstration".
    """

    create_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Seuil"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(16)
        self.title_label = QLabel(self.tr("Welcome to Seuil"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        intro = QLabel(
            self.tr(
                "Housing first: the home comes first, and support adapts to each person, "
                "starting from their strengths. Seuil keeps the households you house, their "
                "homes, their rents and their path to a home of their own, in one place."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.create_button = QPushButton(self.tr("Create my association"))
        self.create_button.setDefault(True)
        self.create_button.setMinimumHeight(44)
        self.create_button.clicked.connect(self.create_requested)
        layout.addWidget(self.create_button)
        self.demo_button = QPushButton(self.tr("Explore the demonstration"))
        self.demo_button.setMinimumHeight(44)
        self.demo_button.clicked.connect(self.demo_requested)
        layout.addWidget(self.demo_button)
        hint = QLabel(
            self.tr(
                "The demonstration is a fictitious association in a separate database: "
                "nothing you try there touches your own data."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        self.resize(640, 480)

    def set_busy(self, text: str) -> None:
        """Show that work is under way; the buttons wait."""
        self.create_button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status_label.setText(text)

    def show_progress(self, done: int, total: int) -> None:
        """How far the preparation is (households given their life so far)."""
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def set_idle(self) -> None:
        """Back to the choice (after a refusal)."""
        self.create_button.setEnabled(True)
        self.demo_button.setEnabled(True)
        self.progress.setVisible(False)
        self.status_label.clear()
