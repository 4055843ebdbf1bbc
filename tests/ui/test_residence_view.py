"""The « Pension de famille » screen: attendance ticked in bulk through the GUI, read back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.periods import Period
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import residence_life as svc
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.residence import ActivityDialog, LiaisonDialog
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.residence import ResidenceView
from tests.services.support_builders import TODAY, add, build_scene
from tests.services.support_builders import Scene as Built
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton


@dataclass
class Scene:
    built: Built
    tasks: TaskRunner
    dialogs: ScriptedDialogs

    def view(self, qtbot: Any, login: str) -> ResidenceView:
        workspace = replace(self.built.workspace, actor=self.built.actors[login])
        view = ResidenceView(workspace, tasks=self.tasks, dialogs=self.dialogs, today=lambda: TODAY)
        qtbot.addWidget(view)
        view.resize(1000, 600)
        view.show()
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=TIMEOUT)
        return view


@pytest.fixture
def scene(qapp: Any, database_target: DatabaseTarget) -> Iterator[Scene]:
    create_application(["seuil-tests"])
    built = build_scene(database_target)
    with built.database.begin_write() as c:
        add(c, m.ResidenceHost, residence_id=built.ids["tilleuls"], user_id=built.ids["host"])
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Scene(built, tasks, ScriptedDialogs())
    tasks.shutdown()
    built.workspace.close()


def test_activity_with_bulk_attendance_recorded_and_read_back(qtbot, qtmodeltester, scene):
    ids = scene.built.ids
    view = scene.view(qtbot, "host")
    assert view.residence_combo.count() == 1
    assert view.residence_combo.currentText() == "Les Tilleuls"
    qtbot.waitUntil(lambda: view.residents_model.rowCount() == 1, timeout=TIMEOUT)
    for model in (view.residents_model, view.activities_model, view.liaison_model):
        qtmodeltester.check(model)
    row = [view.residents_model.data(view.residents_model.index(0, c)) for c in range(5)]
    assert row == ["TIL-01", "M-1", "Awa Diallo, Moussa Diallo", "06/01/2025", "Non"]
    assert not view.activity_button.isHidden()

    # GIVEN the « Collective activity… » form
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.activity_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, ActivityDialog)
    model = dialog.attendance.model
    qtmodeltester.check(model)
    assert dialog.named  # a shared meal names who came
    assert dialog.host_combo.currentText() == "Nadia Haddad"
    # a health action starts with a head count, back to names for a workshop
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("health"))
    assert dialog.count_radio.isChecked()
    assert not dialog.attendance.isVisible()
    assert dialog.head_count_spin.isVisible()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("workshop"))
    assert dialog.named
    qtbot.keyClicks(dialog.title_edit, "Atelier cuisine")

    # WHEN everyone is ticked at once, then Moussa unticked with the keyboard
    qtbot.mouseClick(dialog.attendance.all_button, LEFT)
    assert model.checked_ids() == [ids["awa"], ids["moussa"]]
    qtbot.mouseClick(dialog.attendance.none_button, LEFT)
    assert model.checked_ids() == []
    qtbot.mouseClick(dialog.attendance.all_button, LEFT)
    table = dialog.attendance.table
    table.setFocus()
    table.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert model.checked_ids() == [ids["awa"]]
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(dialog.isHidden, timeout=TIMEOUT)

    # THEN the month's list shows it and the service reads it back
    qtbot.waitUntil(lambda: view.activities_model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(view.activities_model)
    assert view.activities_model.data(view.activities_model.index(0, 4)) == "1 nommé(s)"
    ws = scene.built.workspace
    month = svc.activities(
        ws.database,
        actor=scene.built.actors["coord"],
        residence_id=ids["tilleuls"],
        period=Period.month(2026, 6),
    )
    [activity] = month.activities
    assert (activity.kind, activity.title, activity.held_on) == (
        "workshop",
        "Atelier cuisine",
        TODAY,
    )
    assert [a.name for a in activity.attendees] == ["Awa Diallo"]
    assert activity.host == "Nadia Haddad"


def test_attendance_corrected_in_bulk(qtbot, qtmodeltester, scene):
    ids = scene.built.ids
    svc.record_activity(
        scene.built.database,
        actor=scene.built.actors["host"],
        residence_id=ids["tilleuls"],
        held_on=date(2026, 6, 3),
        kind="outing",
        title="Sortie au parc",
        attendees=[ids["awa"]],
        today=TODAY,
    )
    view = scene.view(qtbot, "host")
    view.tabs.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: view.activities_model.rowCount() == 1 and view.listed is not None,
        timeout=TIMEOUT,
    )
    assert "1 participation(s)" in view.activities_label.text()
    # « Attendance… » on the selected activity: everyone came after all
    view.activities_table.selectRow(0)
    qtbot.mouseClick(view.attendance_button, LEFT)
    again = view.dialog
    assert isinstance(again, ActivityDialog)
    qtmodeltester.check(again.attendance.model)
    assert again.attendance.model.checked_ids() == [ids["awa"]]
    assert not again.title_edit.isEnabled()
    qtbot.mouseClick(again.attendance.all_button, LEFT)
    qtbot.mouseClick(again.save_button, LEFT)
    qtbot.waitUntil(again.isHidden, timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: view.activities_model.rowCount() == 1 and view.activities_model.row(0).count == 2,
        timeout=TIMEOUT,
    )
    assert [a.name for a in view.activities_model.row(0).attendees] == [
        "Awa Diallo",
        "Moussa Diallo",
    ]


def test_refusal_keeps_the_form_and_other_roles_see_what_they_may(qtbot, scene):
    ids = scene.built.ids
    view = scene.view(qtbot, "host")
    qtbot.waitUntil(lambda: view.residents_model.rowCount() == 1, timeout=TIMEOUT)
    view.tabs.setCurrentIndex(1)
    qtbot.mouseClick(view.activity_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, ActivityDialog)
    qtbot.mouseClick(dialog.save_button, LEFT)  # no title
    qtbot.waitUntil(lambda: "titre" in dialog.problems().get("title", ""), timeout=TIMEOUT)
    assert dialog.isVisible()
    dialog.reject()

    # the liaison book: written through the GUI, read back by the service
    view.tabs.setCurrentIndex(2)
    qtbot.mouseClick(view.write_button, LEFT)
    liaison = view.dialog
    assert isinstance(liaison, LiaisonDialog)
    qtbot.keyClicks(liaison.text_edit, "Cles perdues, double remis.")
    liaison.tags.model.set_checked([ids["awa"]])
    qtbot.mouseClick(liaison.save_button, LEFT)
    qtbot.waitUntil(liaison.isHidden, timeout=TIMEOUT)
    today = date.today()
    [entry] = svc.liaison(
        scene.built.database,
        actor=scene.built.actors["host"],
        residence_id=ids["tilleuls"],
        period=Period(today, today),
    )
    assert (entry.text, [t.name for t in entry.tags]) == (
        "Cles perdues, double remis.",
        ["Awa Diallo"],
    )

    # the host of another house sees their own only; a coordinator reads without actions
    other = scene.view(qtbot, "host2")
    assert [other.residence_combo.itemText(i) for i in range(other.residence_combo.count())] == [
        "Les Acacias"
    ]
    coordinator = scene.view(qtbot, "coord")
    assert coordinator.residence_combo.count() == 2
    coordinator.residence_combo.setCurrentIndex(
        coordinator.residence_combo.findText("Les Tilleuls")
    )
    qtbot.waitUntil(lambda: coordinator.residents_model.rowCount() == 1, timeout=TIMEOUT)
    assert coordinator.activity_button.isHidden()
    assert coordinator.write_button.isHidden()
