"""Write the screenshots of resources/screenshots/ offscreen (``make screenshots``).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR]

Every screen is shown on fixed, fictitious data so the pictures only change when a screen does.
"""

from __future__ import annotations

import os

from desktop_app.domain.permissions import SYSTEM_ACTOR

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop_app.app import build_main_window
from desktop_app.paths import resolve_database
from desktop_app.services.dto import DatabaseInfo
from desktop_app.services.organisation import create_association
from desktop_app.services.system import open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.association import AssociationDialog
from desktop_app.ui.dialogs.first_start import DataFolderDialog
from desktop_app.ui.dialogs.provider import QtDialogProvider
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.home import HomeView
from desktop_app.ui.views.welcome import WelcomeView

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


def _save(widget: QWidget, path: Path) -> Path:
    widget.show()
    QTest.qWait(50)
    pixmap: QPixmap = widget.grab()
    if not pixmap.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    widget.close()
    return path


def take(out_dir: Path) -> list[Path]:
    """Render every screen into ``out_dir``; return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    create_application(sys.argv[:1])
    tasks = TaskRunner(on_unhandled_error=_raise)
    written: list[Path] = []

    written.append(
        _save(
            DataFolderDialog(
                Path("C:\\Users\\marie\\AppData\\Local\\Seuil"), Path("C:\\ProgramData\\Seuil")
            ),
            out_dir / "premier-lancement.png",
        )
    )
    written.append(_save(WelcomeView(), out_dir / "bienvenue.png"))
    form = AssociationDialog()
    form.siret_edit.setText("123 456")
    form.accept()  # shows the message beside the field, stays open
    written.append(_save(form, out_dir / "creer-association.png"))

    with tempfile.TemporaryDirectory() as tmp:
        workspace = open_workspace(resolve_database(str(Path(tmp) / "seuil.db")))
        create_association(
            workspace.database, actor=SYSTEM_ACTOR, name="Association Toit Partagé", commune="Lyon"
        )
        window = build_main_window(workspace, tasks=tasks, dialogs=QtDialogProvider())
        window.resize(WINDOW_SIZE)
        window.show()
        _wait_idle(tasks)
        window.show_database(SHOWN_DATABASE)
        home = window.stack.widget(0)
        assert isinstance(home, HomeView)
        home.show_database(SHOWN_DATABASE)
        written.append(_save(window, out_dir / "accueil.png"))
        window.set_demo(True)
        window.show()
        written.append(_save(window, out_dir / "demonstration.png"))
        about = window.show_about()
        written.append(_save(about, out_dir / "a-propos.png"))
        workspace.close()
    tasks.shutdown()
    return written


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    for path in take(target):
        print(path)
