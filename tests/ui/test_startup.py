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
from desktop_app.services.users import RoleSpec, add_user, authenticate, create_administrator
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.first_start import DataFolderDialog
from desktop_app.ui.startup import StartupController
from desktop_app.ui.tasks import TaskRunner
from tests.ui.fakes import ScriptedDialogs

TIMEOUT = 60_000  # the S demonstration with three years of accounts takes ~15 s alone


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


ADMIN = {"login": "awa", "name": "Awa Traoré", "password": "lanterne bateau ortie fenouil"}


def fill_administrator(qtbot, dialog) -> None:
    dialog.login_edit.setText(ADMIN["login"])
    dialog.name_edit.setText(ADMIN["name"])
    dialog.password_edit.setText(ADMIN["password"])
    dialog.confirm_edit.setText(ADMIN["password"])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_create_my_association(qtbot, tmp_path, tasks, dialogs) -> None:  # noqa: PLR0915
    startup = controller(tmp_path, tasks, dialogs)
    startup.start()
    welcome = startup.welcome
    assert welcome is not None
    qtbot.addWidget(welcome)
    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    # GIVEN the administrator form, WHEN the password is weak, THEN it says why and stays
    admin = startup.admin_dialog
    assert admin is not None
    qtbot.addWidget(admin)
    assert admin.windowTitle() == "Créer le compte administrateur"
    admin.login_edit.setText("awa")
    admin.name_edit.setText("Awa Traoré")
    admin.password_edit.setText("azerty123456")
    admin.confirm_edit.setText("azerty123456")
    assert "bits" in admin.strength_label.text()
    qtbot.mouseClick(admin.ok_button, Qt.MouseButton.LeftButton)
    assert admin.isVisible()
    assert "trop facile à deviner" in admin.error_label.text()
    fill_administrator(qtbot, admin)
    assert not admin.isVisible()
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
    # WHEN corrected THEN the database is created, and the recovery code shown once
    dialog.name_edit.setText("Toit Partagé")
    dialog.siret_edit.setText("732 829 320 00074")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: startup.recovery_dialog is not None, timeout=TIMEOUT)
    recovery = startup.recovery_dialog
    qtbot.addWidget(recovery)
    assert len(recovery.code_label.text()) == 24
    assert not recovery.continue_button.isEnabled()
    recovery.noted_box.setChecked(True)
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(recovery.continue_button, Qt.MouseButton.LeftButton)
    workspace = blocker.args[0]
    try:
        assert not workspace.demo
        assert workspace.actor.login == "awa"
        assert workspace.actor.roles == {"tech_admin"}
        association = get_association(workspace.database, actor=workspace.actor)
        assert association is not None
        assert association.name == "Toit Partagé"
        assert (tmp_path / "seuil.db").exists()
        assert not welcome.isVisible()
    finally:
        workspace.close()


def test_login_refused_then_accepted(qtbot, tmp_path, tasks, dialogs) -> None:
    workspace = open_workspace(resolve_database(str(tmp_path / "seuil.db")))
    create_administrator(
        workspace.database, login="awa", display_name="Awa Traoré", password=ADMIN["password"]
    )
    workspace.close()
    startup = controller(tmp_path, tasks, dialogs)
    startup.start()
    qtbot.waitUntil(lambda: startup.login_dialog is not None, timeout=TIMEOUT)
    login = startup.login_dialog
    qtbot.addWidget(login)
    assert login.windowTitle() == "Connexion à Seuil"
    login.login_edit.setText("awa")
    login.password_edit.setText("pas le bon mot de passe")
    qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "incorrect" in login.error_label.text(), timeout=TIMEOUT)
    assert login.password_edit.text() == ""
    login.password_edit.setText(ADMIN["password"])
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
    opened = blocker.args[0]
    assert opened.actor.login == "awa"
    opened.close()


def test_temporary_password_is_changed_at_first_login(qtbot, tmp_path, tasks, dialogs) -> None:
    workspace = open_workspace(resolve_database(str(tmp_path / "seuil.db")))
    create_administrator(
        workspace.database, login="awa", display_name="Awa Traoré", password=ADMIN["password"]
    )
    admin = authenticate(workspace.database, login="awa", password=ADMIN["password"]).actor
    account = add_user(
        workspace.database,
        actor=admin,
        login="claire",
        display_name="Claire Martin",
        roles=[RoleSpec("social_worker")],
    )
    workspace.close()
    startup = controller(tmp_path, tasks, dialogs)
    startup.start()
    qtbot.waitUntil(lambda: startup.login_dialog is not None, timeout=TIMEOUT)
    login = startup.login_dialog
    qtbot.addWidget(login)
    login.login_edit.setText("claire")
    login.password_edit.setText(account.password)
    qtbot.mouseClick(login.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: startup.password_dialog is not None, timeout=TIMEOUT)
    change = startup.password_dialog
    qtbot.addWidget(change)
    change.password_edit.setText("vélo rouge sous la pluie")
    change.confirm_edit.setText("vélo rouge sous la pluie")
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(change.ok_button, Qt.MouseButton.LeftButton)
    opened = blocker.args[0]
    try:
        again = authenticate(opened.database, login="claire", password="vélo rouge sous la pluie")
        assert not again.must_change_password
    finally:
        opened.close()


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
        assert workspace.actor.login == "coordination"
        assert workspace.target.path == tmp_path / "demo" / "seuil-demo.db"
        assert get_association(workspace.database, actor=SYSTEM_ACTOR) is not None
        assert not (tmp_path / "seuil.db").exists(), "the demonstration is a separate database"
    finally:
        workspace.close()


def test_database_without_accounts_gets_its_administrator(qtbot, tmp_path, tasks, dialogs) -> None:
    workspace = open_workspace(resolve_database(str(tmp_path / "seuil.db")))
    create_association(workspace.database, actor=SYSTEM_ACTOR, name="Toit Partagé")
    workspace.close()
    startup = controller(tmp_path, tasks, dialogs)
    startup.start()
    qtbot.waitUntil(lambda: startup.admin_dialog is not None, timeout=TIMEOUT)
    assert startup.welcome is None
    qtbot.addWidget(startup.admin_dialog)
    fill_administrator(qtbot, startup.admin_dialog)
    qtbot.waitUntil(lambda: startup.recovery_dialog is not None, timeout=TIMEOUT)
    qtbot.addWidget(startup.recovery_dialog)
    startup.recovery_dialog.noted_box.setChecked(True)
    with qtbot.waitSignal(startup.ready, timeout=TIMEOUT) as blocker:
        startup.recovery_dialog.continue_button.click()
    opened = blocker.args[0]
    assert opened.actor.login == "awa"
    opened.close()


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
