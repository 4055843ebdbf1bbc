"""Creating a household from the GUI: members, a known person proposed and linked, errors."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import resolve_database
from desktop_app.services.households import (
    HouseholdQuery,
    MemberInput,
    create_household,
    read_identity,
    search_households,
)
from desktop_app.services.system import open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.new_household import NewHouseholdDialog
from desktop_app.ui.tasks import TaskRunner

TIMEOUT = 10_000


@pytest.fixture
def scene(qapp, tmp_path):
    create_application(["seuil-tests"])
    workspace = open_workspace(resolve_database(str(tmp_path / "seuil.db")))
    create_household(
        workspace.database,
        actor=SYSTEM_ACTOR,
        start=date(2024, 1, 8),
        members=[MemberInput("N'Diaye", "Fatou", date(1979, 2, 21), "f", "head")],
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield workspace, tasks
    tasks.shutdown()
    workspace.close()


def test_errors_shown_per_person_and_nothing_written(qtbot, scene) -> None:
    workspace, tasks = scene
    dialog = NewHouseholdDialog(workspace, tasks=tasks)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Nouveau ménage"
    dialog.set_member(0, "Martin", "", "31/02/1990")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "Personne 1 : Date invalide : « 31/02/1990 »" in dialog.error_label.text()
    dialog.set_member(0, "Martin", "", "")
    row = dialog.add_member(role="head")
    dialog.set_member(row, "Martin", "Léa")
    with qtbot.waitSignal(dialog.create_button.clicked, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "plusieurs personnes de référence" in dialog.error_label.text(), timeout=TIMEOUT
    )
    assert "Personne 1 : Indiquez le prénom de la personne." in dialog.error_label.text()
    assert dialog.result() == 0  # still open, not accepted
    assert dialog.create_button.isEnabled()
    page = search_households(
        workspace.database, actor=SYSTEM_ACTOR, query=HouseholdQuery(status="all")
    )
    assert page.total == 1  # nothing was written


def test_known_person_proposed_then_linked(qtbot, scene) -> None:
    workspace, tasks = scene
    dialog = NewHouseholdDialog(workspace, tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_member(0, "NDIAYE", "fatou", "21/02/1979")
    qtbot.waitUntil(lambda: dialog.known_list.count() == 1, timeout=TIMEOUT)
    assert dialog.known_list.item(0).text() == "N'Diaye Fatou, né·e le 21/02/1979 — M-00001"
    assert "déjà connue" in dialog.known_label.text()
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    child = dialog.add_member(role="child")
    dialog.set_member(child, "N'Diaye", "Awa", "03/05/2012")
    with qtbot.waitSignal(dialog.created, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    identity = read_identity(workspace.database, actor=SYSTEM_ACTOR, household_id=blocker.args[0])
    assert [(p.first_name, p.role) for p in identity.members] == [
        ("Fatou", "head"),
        ("Awa", "child"),
    ]
