"""The administrator's screens: accounts and the security log."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.paths import resolve_database
from desktop_app.services.system import open_workspace
from desktop_app.services.users import authenticate, create_administrator
from desktop_app.ui.application import create_application
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.security_log import SecurityLogView
from desktop_app.ui.views.users import UsersView
from tests.ui.fakes import ScriptedDialogs

PASSWORD = "lanterne bateau ortie fenouil"
TIMEOUT = 10_000


@pytest.fixture
def app(qapp):
    return create_application(["seuil-tests"])


@pytest.fixture
def tasks(app):
    runner = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield runner
    runner.shutdown()


@pytest.fixture
def admin_workspace(tmp_path: Path):
    workspace = open_workspace(resolve_database(str(tmp_path / "seuil.db")))
    create_administrator(
        workspace.database, login="awa", display_name="Awa Traoré", password=PASSWORD
    )
    actor = authenticate(workspace.database, login="awa", password=PASSWORD).actor
    from dataclasses import replace

    logged = replace(workspace, actor=actor)
    yield logged
    logged.close()


def test_users_screen_adds_and_disables(qtbot, qtmodeltester, app, tasks, admin_workspace) -> None:
    dialogs = ScriptedDialogs(confirmations=[True])
    view = UsersView(admin_workspace, tasks=tasks, dialogs=dialogs)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(view.model)
    assert view.section_title() == "Utilisateurs"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Identifiant"
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.add_dialog is not None, timeout=TIMEOUT)
    dialog = view.add_dialog
    qtbot.addWidget(dialog)
    # a refused login stays in the dialog with its message
    dialog.login_edit.setText("Claire Martin")
    dialog.name_edit.setText("Claire Martin")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            "Identifiant" in dialog.error_label.text() or "identifiant" in dialog.error_label.text()
        ),
        timeout=TIMEOUT,
    )
    assert dialog.isVisible()
    dialog.login_edit.setText("claire")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("social_worker"))
    dialog.until_box.setChecked(True)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=TIMEOUT)
    assert not dialog.isVisible()
    [(kind, title, text)] = dialogs.calls
    assert (kind, title) == ("inform", "Compte prêt")
    assert "Mot de passe provisoire" in text
    rows = {view.model.row(i).login: view.model.row(i) for i in range(2)}
    assert rows["claire"].roles == ("Travailleur social",)
    assert rows["claire"].valid_until is not None
    # disable claire after confirmation
    row = next(i for i in range(2) if view.model.row(i).login == "claire")
    view.table.selectRow(row)
    view.disable_selected()
    qtbot.waitUntil(
        lambda: any(not view.model.row(i).active for i in range(view.model.rowCount())),
        timeout=TIMEOUT,
    )
    assert dialogs.calls[-1][0] == "confirm"


def test_security_log_screen(qtbot, qtmodeltester, app, tasks, admin_workspace) -> None:
    dialogs = ScriptedDialogs()
    view = SecurityLogView(admin_workspace, tasks=tasks, dialogs=dialogs)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=TIMEOUT)
    qtmodeltester.check(view.model)
    actions = [view.model.data(view.model.index(i, 2)) for i in range(2)]
    assert actions == ["Connexion", "Création"]  # newest first
    assert view.model.data(view.model.index(1, 5)) == "display_name,login,password,roles"
    qtbot.waitUntil(lambda: view.user_combo.count() == 2, timeout=TIMEOUT)
    view.household_edit.setText("M-404")
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=TIMEOUT)
    assert "0 événement(s)" in view.status_label.text()
    view.verify()
    qtbot.waitUntil(lambda: bool(dialogs.calls), timeout=TIMEOUT)
    assert dialogs.calls[0][0] == "inform"
    assert "intacte : 2 événement(s)" in dialogs.calls[0][2]


def test_security_log_names_records_in_french(qtbot, app, tasks, admin_workspace) -> None:
    view = SecurityLogView(admin_workspace, tasks=tasks, dialogs=ScriptedDialogs())
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=TIMEOUT)
    assert view.model.data(view.model.index(1, 3)) == "Compte n° 1"
