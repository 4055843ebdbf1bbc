"""Write the screenshots of resources/screenshots/ offscreen (``make screenshots``).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR]

Every screen is shown on fixed, fictitious data so the pictures only change when a screen does.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest

from desktop_app.app import build_main_window
from desktop_app.paths import resolve_database
from desktop_app.services.dto import DatabaseInfo
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.provider import QtDialogProvider
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.home import HomeView

WINDOW_SIZE = QSize(1100, 700)
SHOWN_DATABASE = DatabaseInfo(
    display="C:\\Users\\Public\\Seuil\\seuil.db",
    dialect="sqlite",
    exists=True,
    size_bytes=24_379_392,
)


def _raise(error: BaseException) -> None:
    raise error


def _wait_idle(tasks: TaskRunner) -> None:
    for _ in range(500):
        if not tasks.busy:
            return
        QTest.qWait(10)
    raise RuntimeError("background work did not finish")


def take(out_dir: Path) -> list[Path]:
    """Render every screen into ``out_dir``; return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    tasks = TaskRunner(on_unhandled_error=_raise)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        window = build_main_window(
            resolve_database(str(Path(tmp) / "seuil.db")), tasks=tasks, dialogs=QtDialogProvider()
        )
        window.resize(WINDOW_SIZE)
        window.show()
        _wait_idle(tasks)
        window.show_database(SHOWN_DATABASE)
        home = window.stack.widget(0)
        assert isinstance(home, HomeView)
        home.show_database(SHOWN_DATABASE)
        app.processEvents()
        written.append(_save(window.grab(), out_dir / "accueil.png"))
        about = window.show_about()
        QTest.qWait(50)
        written.append(_save(about.grab(), out_dir / "a-propos.png"))
        about.close()
        window.close()
    tasks.shutdown()
    return written


def _save(pixmap: QPixmap, path: Path) -> Path:
    if not pixmap.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    return path


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parent.parent / "resources" / "screenshots"
    )
    for path in take(target):
        print(path)
