"""From launch to the main window: welcome, association creation, demonstration, refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import resolve_database
from desktop_app.services.organisation import create_association, get_association
from desktop_app.services.system import open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.first_start import DataFolderDialog
from desktop_app.ui.startup import StartupController
from desktop_app.ui.tasks import TaskRunner
from tests.ui.fakes import ScriptedDialogs

TIMEOUT = 20_000


@pytest.fixture
def app(qapp):
    return create_application(["seuil-tests"])


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def tasks(app):
    runner = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield runner
    runner.shutdown()


def controller(tmp_path: Path, tasks, dialogs, name: str = "seuil.db") -> StartupController:
    return StartupController(
        target=resolve_database(str(tmp_path / name)),
        demo_path=tmp_path / "demo" / "seuil-demo.db",
        tasks=tasks,
        dialogs=dialogs,
        today=lambda: date(2026, 11, 27),
    )


def test_missing_database_shows_the_welcome(qtbot, tmp_path, tasks, dialogs) -> None:
    startup = controller(tmp_path, tasks, dialogs)
    startup.start()
    assert startup.welcome is not None
    qtbot.addWidget(startup.welcome)
    assert startup.welcome.isVisible()
    assert startup.welcome.create_button.text() == "Créer mon association"
    assert startup.welcome.demo_button.text() == "Explorer la démonstration"
    assert not (tmp_path / "seuil.db").exists()


def test_create_my_association(qtbot, tmp_path, tasks, dialogs) -> None:
    startup = controller(tmp_path, tasks, dialogs)
    startup.start()
    welcome = startup.welcome
    assert welcome is not None
    qtbot.addWidget(welcome)
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    dialog = startup.association_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    # GIVEN an invalid SIRET and no name, WHEN the user clicks Créer, THEN messages beside fields
    dialog.siret_edit.setText("123")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors["name"].text() == "⚠ Indiquez le nom de l'association."
    assert "SIRET « 123 »" in dialog.errors["siret"].text()
    assert not (tmp_path / "seuil.db").exists()
    # WHEN corrected THEN the database is created with the association
    dialog.name_edit.setText("Toit Partagé")
    dialog.siret_edit.setText("732 829 320 00074")
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    workspace = blocker.args[0]
    try:
        assert not workspace.demo
        association = get_association(workspace.database, actor=SYSTEM_ACTOR)
        assert association is not None
        assert association.name == "Toit Partagé"
        assert (tmp_path / "seuil.db").exists()
        assert not welcome.isVisible()
    finally:
        workspace.close()


def test_explore_the_demonstration(qtbot, tmp_path, tasks, dialogs) -> None:
    startup = controller(tmp_path, tasks, dialogs)
    startup.start()
    welcome = startup.welcome
    assert welcome is not None
    qtbot.addWidget(welcome)
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(welcome.demo_button, Qt.MouseButton.LeftButton)
    workspace = blocker.args[0]
    try:
        assert workspace.demo
        assert workspace.target.path == tmp_path / "demo" / "seuil-demo.db"
        assert get_association(workspace.database, actor=SYSTEM_ACTOR) is not None
        assert not (tmp_path / "seuil.db").exists(), "the demonstration is a separate database"
    finally:
        workspace.close()


def test_existing_database_opens_directly(qtbot, tmp_path, tasks, dialogs) -> None:
    workspace = open_workspace(resolve_database(str(tmp_path / "seuil.db")))
    create_association(workspace.database, actor=SYSTEM_ACTOR, name="Toit Partagé")
    workspace.close()
    startup = controller(tmp_path, tasks, dialogs)
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as blocker:
        startup.start()
    assert startup.welcome is None
    blocker.args[0].close()


def test_damaged_database_refused_with_its_reason(qtbot, tmp_path, tasks, dialogs) -> None:
    (tmp_path / "seuil.db").write_bytes(b"PK\x03\x04 not a database")
    startup = controller(tmp_path, tasks, dialogs)
    with qtbot.waitSignal(startup.failed, timeout=TIMEOUT) as blocker:
        startup.start()
    assert blocker.args == [3]
    [(kind, _title, text)] = dialogs.calls
    assert kind == "warn"
    assert "classeur Excel" in text


def test_data_folder_choice(qtbot, tmp_path) -> None:
    dialog = DataFolderDialog(tmp_path / "mine", tmp_path / "everyone")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Où Seuil doit-il ranger ses données ?"
    assert dialog.chosen_folder() == tmp_path / "mine"
    dialog.shared_button.setChecked(True)
    assert dialog.chosen_folder() == tmp_path / "everyone"
