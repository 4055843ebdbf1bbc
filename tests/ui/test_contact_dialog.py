"""Logging a contact in a few keystrokes, read back through the services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QSpinBox

from desktop_app.domain.permissions import Actor
from desktop_app.paths import DatabaseTarget
from desktop_app.services.contacts import contacts_of, last_contact_date
from desktop_app.services.notes import read_notes
from desktop_app.services.support import open_measure
from desktop_app.services.system import Workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.contact import DEFAULT_MINUTES, KIND_KEYS, ContactDialog
from desktop_app.ui.tasks import TaskRunner
from tests.services.support_builders import Scene, build_scene
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000


@dataclass
class UiScene:
    scene: Scene
    tasks: TaskRunner
    measure_id: int

    def workspace(self, login: str) -> Workspace:
        return replace(self.scene.workspace, actor=self.scene.actors[login])

    def actor(self, login: str) -> Actor:
        return self.scene.actors[login]


@pytest.fixture
def ui(qapp, database_target: DatabaseTarget) -> Iterator[UiScene]:
    create_application(["seuil-tests"])
    scene = build_scene(database_target)
    measure = open_measure(
        scene.database,
        actor=scene.actors["sw"],
        household_id=scene.ids["m1"],
        programme_id=scene.ids["avdl"],
        kind="avdl_non_dalo",
        start=date(2026, 1, 5),
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield UiScene(scene, tasks, measure.measure_id)
    tasks.shutdown()
    scene.workspace.close()


def open_dialog(qtbot, ui: UiScene, login: str = "sw") -> ContactDialog:
    dialog = ContactDialog(
        ui.workspace(login), ui.scene.ids["m1"], tasks=ui.tasks, dialogs=ScriptedDialogs()
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=TIMEOUT):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)
    return dialog


def test_a_home_visit_in_four_keystrokes(qtbot, ui: UiScene) -> None:
    # GIVEN the key worker opens the form: the kind is focused, every member ticked, the only
    # running measure chosen
    dialog = open_dialog(qtbot, ui)
    assert dialog.focusWidget() is dialog.kind_combo
    assert dialog.kind_combo.kind() == "office"
    assert dialog.minutes_spin.value() == DEFAULT_MINUTES["office"]
    assert dialog.held_on_edit.date() == QDate.currentDate()
    assert [c.isChecked() for c in dialog.person_checks] == [True, True]
    assert dialog.measure_combo.currentData() == ui.measure_id
    assert dialog.kind_combo.accessibleName()
    assert dialog.minutes_spin.accessibleName()
    # WHEN they type D (home visit), Tab, 50, Enter
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_D)
    assert dialog.kind_combo.kind() == "home_visit"
    assert dialog.minutes_spin.value() == DEFAULT_MINUTES["home_visit"]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert isinstance(dialog.focusWidget(), QSpinBox)
    qtbot.keyClicks(dialog.focusWidget(), "50")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    # THEN the contact is saved and read back, and it is the household's last contact
    ws = ui.workspace("sw")
    [contact] = contacts_of(ws.database, actor=ws.actor, household_id=ui.scene.ids["m1"])
    today = date.today()
    assert (contact.kind, contact.minutes, contact.held_on) == ("home_visit", 50, today)
    assert contact.measure_id == ui.measure_id
    assert contact.worker == "Claire Martin"
    assert [p.name for p in contact.persons] == ["Awa Diallo", "Moussa Diallo"]
    assert contact.notes == ()
    assert contact.next_appointment_on is None
    assert last_contact_date(ws.database, actor=ws.actor, household_id=ui.scene.ids["m1"]) == today
    assert not dialog.isVisible()


def test_every_kind_has_its_own_key() -> None:
    assert len(set(KIND_KEYS.values())) == len(KIND_KEYS)
    assert set(KIND_KEYS) == set(DEFAULT_MINUTES)


def test_the_whole_form_is_one_contact(qtbot, ui: UiScene) -> None:
    dialog = open_dialog(qtbot, ui)
    # a missed appointment lasts nothing and does not count as the last contact
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_N)
    assert dialog.minutes_spin.value() == 0
    # a typed duration stays when the kind changes again
    dialog.minutes_spin.setValue(20)
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_T)
    assert (dialog.kind_combo.kind(), dialog.minutes_spin.value()) == ("phone", 20)
    themes = dialog.themes_list
    themes.item(2).setCheckState(Qt.CheckState.Checked)  # Budget / dettes
    themes.item(4).setCheckState(Qt.CheckState.Checked)  # Santé
    dialog.person_checks[1].setChecked(False)
    levels = [dialog.level_combo.itemData(i) for i in range(dialog.level_combo.count())]
    assert levels == ["shared", "confidential", "health"]
    dialog.level_combo.setCurrentIndex(levels.index("health"))
    qtbot.keyClicks(dialog.note_edit, "Rendez-vous au CMP pris pour juillet.")
    dialog.next_edit.set_value(date.today())
    # a date in the future is refused by the service: nothing saved, the form kept
    dialog.held_on_edit.setDate(QDate.currentDate().addDays(2))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.problems()), timeout=TIMEOUT)
    assert "après aujourd'hui" in dialog.problems()["held_on"]
    ws = ui.workspace("sw")
    hid = ui.scene.ids["m1"]
    assert contacts_of(ws.database, actor=ws.actor, household_id=hid) == []
    assert dialog.note_edit.toPlainText() == "Rendez-vous au CMP pris pour juillet."
    dialog.held_on_edit.setDate(QDate.currentDate())
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [contact] = contacts_of(ws.database, actor=ws.actor, household_id=hid)
    assert (contact.kind, contact.minutes) == ("phone", 20)
    assert contact.themes == ("Budget / dettes", "Santé")
    assert [p.name for p in contact.persons] == ["Awa Diallo"]
    assert (contact.private_notes, contact.next_appointment_on) == (1, date.today())
    notes = read_notes(ws.database, actor=ws.actor, household_id=hid)
    assert [(n.level, n.text) for n in notes.notes] == [
        ("health", "Rendez-vous au CMP pris pour juillet.")
    ]


def test_the_host_writes_shared_notes_only(qtbot, ui: UiScene) -> None:
    dialog = open_dialog(qtbot, ui, "host")
    levels = [dialog.level_combo.itemData(i) for i in range(dialog.level_combo.count())]
    assert levels == ["shared"]
    qtbot.keyClicks(dialog.note_edit, "Repas du jeudi, Mme Diallo va mieux.")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    ws = ui.workspace("host")
    [contact] = contacts_of(ws.database, actor=ws.actor, household_id=ui.scene.ids["m1"])
    assert [(n.level, n.text) for n in contact.notes] == [
        ("shared", "Repas du jeudi, Mme Diallo va mieux.")
    ]
    assert contact.worker == "Nadia Haddad"


def test_another_caseload_is_refused_in_the_form(qtbot, ui: UiScene) -> None:
    dialog = ContactDialog(
        ui.workspace("sw2"), ui.scene.ids["m1"], tasks=ui.tasks, dialogs=ScriptedDialogs()
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.problems()), timeout=TIMEOUT)
    assert dialog.problems()[""] == (
        "⚠ Vos droits ne permettent pas de voir les contacts et mesures d'accompagnement."
    )
    assert not dialog.save_button.isEnabled()
