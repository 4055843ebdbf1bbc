"""GUI composition root: logging, the database target, services, QApplication, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtCore import QTimer

from desktop_app.domain.messages import message
from desktop_app.logs import setup_logging
from desktop_app.paths import DatabaseTarget, log_dir, resolve_database
from desktop_app.services.dto import DatabaseInfo
from desktop_app.services.system import describe_database
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.error import ErrorReporter
from desktop_app.ui.dialogs.provider import DialogProvider, QtDialogProvider
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.home import HomeView

log = logging.getLogger(__name__)

EXIT_NO_DISPLAY = 3


def display_available() -> bool:
    """False on a Linux machine with no screen and no headless platform asked for."""
    if not sys.platform.startswith("linux"):
        return True
    platform_name = os.environ.get("QT_QPA_PLATFORM", "")
    if platform_name and not platform_name.startswith(("xcb", "wayland")):
        return True  # offscreen, minimal, vnc…
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build_main_window(
    target: DatabaseTarget, *, tasks: TaskRunner, dialogs: DialogProvider
) -> MainWindow:
    """Assemble the sections and the window; the database facts arrive from a read job."""
    home = HomeView()
    window = MainWindow(sections=[home], tasks=tasks, dialogs=dialogs)

    def show(info: DatabaseInfo) -> None:
        home.show_database(info)
        window.show_database(info)

    tasks.read(lambda _control: describe_database(target), name="describe-database", on_done=show)
    return window


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window and run the event loop; return the exit code."""
    if not display_available():
        print(message("gui.no_display"), file=sys.stderr)
        return EXIT_NO_DISPLAY
    setup_logging(log_dir())
    app = create_application(sys.argv[:1])
    dialogs = QtDialogProvider()
    windows: list[MainWindow] = []
    reporter = ErrorReporter(dialogs, parent=lambda: windows[0] if windows else None)
    sys.excepthook = reporter.excepthook
    tasks = TaskRunner(on_unhandled_error=reporter.report)
    target = resolve_database(args.db)
    print(message("cli.database", database=target.display), file=sys.stderr)
    log.info("GUI start, %s database", "SQLite" if target.is_sqlite else "PostgreSQL")
    window = build_main_window(target, tasks=tasks, dialogs=dialogs)
    windows.append(window)
    window.show()
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), window.close)
    code = app.exec()
    tasks.shutdown()
    return code
