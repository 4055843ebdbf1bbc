"""The Admissions screen: the waiting list, a decision, admitting a candidature through the GUI."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import admissions as svc
from desktop_app.services.contracts import contract_file
from desktop_app.services.stays import list_stays
from desktop_app.services.system import Workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.candidature import AdmitDialog, DecisionDialog, NewCandidatureDialog
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.admissions import DECISION, HEAD, RANK, AdmissionsView
from tests.services.support_builders import TODAY, Scene, add, build_scene
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton


@dataclass
class Screen:
    scene: Scene
    tasks: TaskRunner
    dialogs: ScriptedDialogs
    first: svc.CandidatureInfo
    second: svc.CandidatureInfo

    @property
    def workspace(self) -> Workspace:
        return self.scene.workspace

    def view(self, qtbot: Any, login: str = "coord") -> AdmissionsView:
        workspace = replace(self.workspace, actor=self.scene.actors[login])
        view = AdmissionsView(workspace, tasks=self.tasks, dialogs=self.dialogs)
        qtbot.addWidget(view)
        view.load(today=TODAY)
        view.resize(1200, 600)
        view.show()
        self.wait(qtbot)
        return view

    def wait(self, qtbot: Any) -> None:
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=TIMEOUT)


@pytest.fixture
def screen(qapp: Any, database_target: DatabaseTarget) -> Iterator[Screen]:
    create_application(["seuil-tests"])
    scene = build_scene(database_target)
    ids, db = scene.ids, scene.database
    with db.begin_write() as c:
        ids["iml"] = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        ids["flat"] = add(
            c,
            m.Dwelling,
            reference="IML-01",
            address="12 rue Garibaldi",
            commune="Lyon",
            programme_id=ids["iml"],
        )
    coord = scene.actors["coord"]
    first = svc.record_candidature(
        db,
        actor=coord,
        programme_id=ids["iml"],
        oriented_on=date(2026, 5, 4),
        new_household=svc.NewHousehold("Keita", "Fanta", "f"),
        dwelling_id=ids["flat"],
        siao_reference="SIAO-2026-0107",
        referrer="siao",
        entry_situation="hotel_115",
        dalo_status="dalo_priority",
        today=TODAY,
    )
    second = svc.record_candidature(
        db,
        actor=coord,
        programme_id=ids["iml"],
        oriented_on=date(2026, 6, 1),
        household_id=ids["m2"],
        today=TODAY,
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Screen(scene, tasks, ScriptedDialogs(), first, second)
    tasks.shutdown()
    scene.workspace.close()


def column(model: Any, index: int) -> list[str]:
    return [model.data(model.index(row, index)) for row in range(model.rowCount())]


def test_the_waiting_list_with_its_ranks(qtbot: Any, qtmodeltester: Any, screen: Screen) -> None:
    view = screen.view(qtbot)
    qtmodeltester.check(view.model)
    assert column(view.model, HEAD) == ["Keita Fanta", "Martin Jean"]
    assert view.table.isColumnHidden(RANK)  # every programme: no single waiting list
    view.programme_combo.setCurrentIndex(view.programme_combo.findData(screen.scene.ids["iml"]))
    screen.wait(qtbot)
    assert not view.table.isColumnHidden(RANK)
    assert column(view.model, RANK) == ["1", "2"]
    figures = view.figures_label.text()
    assert "2 candidature(s) reçue(s)" in figures
    assert "Relogements : 0 (privé 0, social 0)." in figures  # the rehousing service's count
    # Enter (or a double click) opens the household's file.
    view.table.selectRow(1)
    with qtbot.waitSignal(view.open_household, timeout=TIMEOUT) as opened:
        view.table.activated.emit(view.model.index(1, 0))
    assert opened.args == [screen.scene.ids["m2"]]
    # The secretariat records but neither decides nor admits.
    secretary = screen.view(qtbot, "secr")
    assert secretary.new_button.isVisibleTo(secretary)
    assert not secretary.admit_button.isVisibleTo(secretary)
    assert not secretary.decision_button.isVisibleTo(secretary)


def test_a_refusal_needs_its_reason(qtbot: Any, screen: Screen) -> None:
    view = screen.view(qtbot)
    view.table.selectRow(1)
    qtbot.mouseClick(view.decision_button, LEFT)
    screen.wait(qtbot)
    dialog = view.dialog
    assert isinstance(dialog, DecisionDialog)
    assert not dialog.reason_combo.isVisibleTo(dialog)  # « admitted » has no reason
    dialog.decision_combo.setCurrentIndex(dialog.decision_combo.findData("refused_structure"))
    assert dialog.reason_combo.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.save_button, LEFT)
    screen.wait(qtbot)
    assert dialog.problems()["refusal_reason"] == (
        "⚠ Un refus ou une candidature sans suite s'accompagne de son motif."
    )
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("no_matching_place"))
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, LEFT)
    screen.wait(qtbot)
    assert column(view.model, HEAD) == ["Keita Fanta"]  # no longer waiting
    detail = svc.candidature_detail(
        screen.scene.database,
        actor=screen.scene.actors["coord"],
        candidature_id=screen.second.candidature_id,
    )
    assert (detail.decision, detail.refusal_reason, detail.decided_on) == (
        "refused_structure",
        "no_matching_place",
        TODAY,
    )


def test_admitting_a_candidature_through_the_gui(
    qtbot: Any, qtmodeltester: Any, screen: Screen
) -> None:
    view = screen.view(qtbot)
    view.table.selectRow(0)
    qtbot.mouseClick(view.admit_button, LEFT)
    screen.wait(qtbot)
    dialog = view.dialog
    assert isinstance(dialog, AdmitDialog)
    # What will be created is shown from the candidature, not typed again.
    intro = dialog.intro_label.text()
    assert "IML Lyon" in intro
    assert "SIAO-2026-0107" in intro
    assert "Hôtel (115 / SIAO)" in intro
    assert "PU DALO" in intro
    assert dialog.contract_box.isChecked()
    assert dialog.dwelling_combo.currentData() == screen.scene.ids["flat"]
    assert dialog.kind_combo.currentData() == "sublease"
    dialog.set_entry(date(2026, 6, 8))
    # An amount that cannot be read stays in the dialog, nothing is sent.
    qtbot.keyClicks(dialog.amount_edits["rent"], "quatre cents")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.problems()["rent"].startswith("⚠ Montant illisible")
    dialog.amount_edits["rent"].clear()
    qtbot.keyClicks(dialog.amount_edits["rent"], "420,00")
    qtbot.keyClicks(dialog.amount_edits["charges"], "35")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as saved:
        qtbot.mouseClick(dialog.save_button, LEFT)
    screen.wait(qtbot)
    result = saved.args[0]
    assert isinstance(result, svc.AdmissionResult)
    # Read back through the services: the stay and the contract, linked.
    db, coord = screen.scene.database, screen.scene.actors["coord"]
    household = screen.first.household_id
    [stay] = list_stays(db, actor=coord, household_id=household)
    assert (stay.programme, stay.entry, stay.entry_situation, stay.referrer) == (
        "IML Lyon",
        date(2026, 6, 8),
        "hotel_115",
        "siao",
    )
    assert (stay.dalo_status, stay.siao_reference) == ("dalo_priority", "SIAO-2026-0107")
    [contract] = contract_file(db, actor=coord, household_id=household, on=TODAY)
    assert (contract.dwelling_reference, contract.stay_id, contract.start) == (
        "IML-01",
        stay.stay_id,
        date(2026, 6, 8),
    )
    assert (contract.rates[0].rent, contract.rates[0].charges) == (42_000, 3_500)
    # The list reads again: the admitted candidature has left the waiting list.
    assert column(view.model, HEAD) == ["Martin Jean"]
    view.state_combo.setCurrentIndex(view.state_combo.findData("all"))
    screen.wait(qtbot)
    qtmodeltester.check(view.model)
    assert column(view.model, DECISION)[1].endswith("08/06/2026")
    view.table.selectRow(1)
    assert not view.admit_button.isEnabled()


def test_a_new_household_through_the_gui(qtbot: Any, screen: Screen) -> None:
    view = screen.view(qtbot, "secr")
    qtbot.mouseClick(view.new_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, NewCandidatureDialog)
    assert not dialog.household_combo.isVisibleTo(dialog)
    dialog.programme_combo.setCurrentIndex(
        dialog.programme_combo.findData(screen.scene.ids["pension"])
    )
    assert [dialog.residence_combo.itemText(i) for i in range(dialog.residence_combo.count())][
        1:
    ] == ["Les Acacias", "Les Tilleuls"]
    qtbot.mouseClick(dialog.save_button, LEFT)
    screen.wait(qtbot)
    assert dialog.problems()["last_name"] == "⚠ Indiquez le nom de la personne."
    dialog.last_name_edit.setText("Traoré")  # QTest types Latin-1 keys only
    qtbot.keyClicks(dialog.first_name_edit, "Awa")
    dialog.residence_combo.setCurrentIndex(dialog.residence_combo.findText("Les Tilleuls"))
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as saved:
        qtbot.mouseClick(dialog.save_button, LEFT)
    screen.wait(qtbot)
    info = saved.args[0]
    assert (info.head, info.programme, info.residence) == (
        "Traoré Awa",
        "Pension Les Tilleuls",
        "Les Tilleuls",
    )
    assert "Traoré Awa" in column(view.model, HEAD)
