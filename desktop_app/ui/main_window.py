"""The main window: navigation between sections, menus, and the status bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.logs import current_log_file
from desktop_app.services.dto import DatabaseInfo, OrganisationInfo
from desktop_app.ui.dialogs.about import AboutDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.views.base import SectionView


class MainWindow(QMainWindow):
    """Navigation on the left, the current section on the right, the database below.

    Only sections that exist are listed: each capability adds its own view.
    """

    def __init__(
        self,
        *,
        sections: Sequence[SectionView],
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._dialogs = dialogs
        self.setWindowTitle(self.tr("Seuil"))

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        self.demo_banner = QLabel(
            self.tr(
                "Demonstration: every person and figure here is fictitious, in a separate "
                "database. Your association's data is not here."
            )
        )
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setAccessibleName(self.tr("Demonstration"))
        self.demo_banner.setStyleSheet(
            "background: #fff4ce; color: #3b2f00; padding: 6px; border-bottom: 1px solid #e0c060;"
        )
        self.demo_banner.setVisible(False)
        outer.addWidget(self.demo_banner)
        body = QWidget()
        layout = QHBoxLayout(body)
        outer.addWidget(body, 1)
        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.navigation.setMaximumWidth(220)
        self.stack = QStackedWidget()
        for view in sections:
            title = view.section_title()
            QListWidgetItem(title, self.navigation)
            self.stack.addWidget(view)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.user_label = QLabel()
        self.user_label.setAccessibleName(self.tr("User"))
        self.statusBar().addPermanentWidget(self.user_label)
        self.database_label = QLabel()
        self.database_label.setAccessibleName(self.tr("Database in use"))
        self.statusBar().addPermanentWidget(self.database_label, 1)
        self._build_menus()
        self.resize(1000, 640)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.log_action = QAction(self.tr("Open the &log folder"), self)
        self.log_action.triggered.connect(self._open_log_folder)
        help_menu.addAction(self.log_action)
        self.about_action = QAction(self.tr("&About Seuil"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def add_file_actions(self, actions: Sequence[QAction]) -> None:
        """Put a capability's actions in the File menu, above « Quit »."""
        if not actions:
            return
        for action in actions:
            self.file_menu.insertAction(self.quit_action, action)
        self.file_menu.insertSeparator(self.quit_action)

    def set_demo(self, demo: bool) -> None:
        """Show the banner saying that the data are fictitious."""
        self.demo_banner.setVisible(demo)

    def show_association(self, info: OrganisationInfo | None) -> None:
        """Put the association's name in the window title."""
        if info is not None:
            self.setWindowTitle(self.tr("Seuil — {name}").format(name=info.name))

    def show_user(self, login: str) -> None:
        """Who works in this window (the security log says the same)."""
        self.user_label.setText(self.tr("User: {login}").format(login=login))

    def show_database(self, info: DatabaseInfo) -> None:
        """Put the database in use in the status bar."""
        self.database_label.setText(self.tr("Database: {location}").format(location=info.display))

    def show_daily(self, summaries: list[str]) -> None:
        """Say in the status bar what the daily work did at start (charges caught up…)."""
        text = " · ".join(summary for summary in summaries if summary)
        if text:
            self.statusBar().showMessage(text, 30_000)

    def show_about(self) -> AboutDialog:
        """Open the À propos dialog (non-blocking); return it for tests and screenshots."""
        dialog = AboutDialog(self)
        dialog.open()
        return dialog

    def _open_log_folder(self) -> None:
        log_file = current_log_file()
        if log_file is None:
            self._dialogs.inform(self, self.tr("Log"), self.tr("No log file is in use."))
            return
        self._dialogs.open_path(log_file.parent)
