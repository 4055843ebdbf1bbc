"""The Relogement tab and the Parcours, driven through the GUI and read back through services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox

from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.services.rehousing import (
    applications_of,
    offers_of,
    record_application,
    record_offer,
    record_offer_outcome,
    record_rehousing,
    rehousings_of,
)
from desktop_app.services.stays import list_stays
from desktop_app.services.support import measure_detail
from desktop_app.services.system import Workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.rehousing import OfferOutcomeDialog, RecordRehousingDialog
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_file import HouseholdFileWindow
from desktop_app.ui.views.household_tabs.rehousing import RehousingTab
from tests.services.rehousing_builders import (
    RehousingScene,
    add_candidature,
    build_rehousing_scene,
)
from tests.services.support_builders import TODAY
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton
LANDLORD = "Lyon Métropole Habitat"
TYPED = "Est Metropole Habitat"


@dataclass
class UiScene:
    built: RehousingScene
    tasks: TaskRunner
    application_id: int
    accepted_offer_id: int
    open_offer_id: int

    def workspace(self, login: str = "sw") -> Workspace:
        scene = self.built.scene
        return replace(scene.workspace, actor=scene.actors[login])

    @property
    def household_id(self) -> int:
        return self.built.scene.ids["m1"]


@pytest.fixture
def ui(qapp, database_target: DatabaseTarget) -> Iterator[UiScene]:
    """M-1 (pension stay, AVDL measure) with an application, an accepted and an open offer."""
    create_application(["seuil-tests"])
    built = build_rehousing_scene(database_target)
    scene, sw, m1 = built.scene, built.scene.actors["sw"], built.scene.ids["m1"]
    add_candidature(scene)
    application = record_application(
        scene.database,
        actor=sw,
        household_id=m1,
        number="069-2025-00123",
        filed_on=date(2025, 5, 20),
        today=TODAY,
    )
    open_offer = record_offer(
        scene.database,
        actor=sw,
        household_id=m1,
        offered_on=date(2026, 4, 2),
        landlord="Alliade Habitat",
        commune="Vaulx-en-Velin",
        today=TODAY,
    )
    accepted = record_offer(
        scene.database,
        actor=sw,
        household_id=m1,
        offered_on=date(2026, 5, 2),
        landlord=LANDLORD,
        commune="Villeurbanne",
        typology="t2",
        rent=41_250,
        application_id=application.application_id,
        today=TODAY,
    )
    record_offer_outcome(
        scene.database,
        actor=sw,
        offer_id=accepted.offer_id,
        version=accepted.version,
        outcome="accepted",
        outcome_on=date(2026, 5, 12),
        today=TODAY,
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield UiScene(built, tasks, application.application_id, accepted.offer_id, open_offer.offer_id)
    tasks.shutdown()
    scene.workspace.close()


def make_tab(qtbot, ui: UiScene, login: str = "sw") -> RehousingTab:
    tab = RehousingTab(
        ui.workspace(login), ui.household_id, tasks=ui.tasks, dialogs=ScriptedDialogs()
    )
    tab.today = lambda: TODAY
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.rehousings_model.modelReset, timeout=TIMEOUT):
        tab.load()
    return tab


def cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def choose(combo: QComboBox, code: object) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def save(qtbot, tab: RehousingTab, dialog) -> None:
    """Click Save and wait until the tab has read the database again."""
    with qtbot.waitSignals([tab.changed, tab.rehousings_model.modelReset], timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, LEFT)


def test_recording_a_rehousing_through_the_gui(qtbot, qtmodeltester, ui: UiScene) -> None:
    tab = make_tab(qtbot, ui)
    for model in (tab.applications_model, tab.offers_model, tab.rehousings_model):
        qtmodeltester.check(model)
    number, filed, _renewed, lapses, status, _dalo = cells(tab.applications_model, 0)
    assert (number, filed, status) == ("069-2025-00123", "20/05/2025", "En cours")
    # lapsed on 15/06/2026 (said in words, not by colour alone)
    assert lapses == tab.tr("⚠ {day} (not renewed)").format(day="20/05/2026")
    assert cells(tab.offers_model, 0)[:5] == [
        "02/05/2026",
        LANDLORD,
        "Villeurbanne",
        "T2",
        "412,50\u00a0€",
    ]
    # WHEN the coordinator records the rehousing: the form is prefilled from the accepted offer
    qtbot.mouseClick(tab.rehousing_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, RecordRehousingDialog)
    assert dialog.offer_combo.currentData() == ui.accepted_offer_id
    assert (dialog.landlord_edit.text(), dialog.commune_edit.text()) == (LANDLORD, "Villeurbanne")
    assert dialog.stay_combo.currentData() == ui.built.stay_id
    assert dialog.measure_combo.currentData() == ui.built.measure_id
    assert dialog.landlord_edit.accessibleName() == dialog.tr("Landlord")
    dialog.signed_edit.setDate(QDate(2026, 6, 1))
    dialog.landlord_edit.clear()
    qtbot.mouseClick(dialog.save_button, LEFT)
    # THEN the refusal is said under the field, the form kept
    qtbot.waitUntil(lambda: "Indiquez le bailleur." in dialog.problems().get("landlord", ""))
    assert dialog.isVisible()
    assert dialog.commune_edit.text() == "Villeurbanne"
    qtbot.keyClicks(dialog.landlord_edit, TYPED)  # keyClicks types ASCII only (PySide6)
    dialog.continues_check.setChecked(True)
    save(qtbot, tab, dialog)
    # THEN read back: the rehousing, the stay ended the day before, the measure "in the home"
    ws = ui.workspace()
    [rehoused] = rehousings_of(ws.database, actor=ws.actor, household_id=ui.household_id)
    assert (rehoused.signed_on, rehoused.landlord, rehoused.sector, rehoused.destination) == (
        date(2026, 6, 1),
        TYPED,
        "social",
        "social_housing",
    )
    assert (rehoused.offer_id, rehoused.support_continues) == (ui.accepted_offer_id, True)
    [stay] = list_stays(ws.database, actor=ws.actor, household_id=ui.household_id)
    assert (stay.exit, stay.destination, stay.exit_reason) == (
        date(2026, 5, 31),
        "social_housing",
        "project_achieved",
    )
    detail = measure_detail(
        ws.database, actor=ws.actor, measure_id=ui.built.measure_id, today=TODAY
    )
    assert detail.end is None
    assert detail.phases[-1].phase == "in_home"
    [application] = applications_of(ws.database, actor=ws.actor, household_id=ui.household_id)
    assert application.status == "satisfied"
    assert tab.rehousings_model.rowCount() == 1
    assert cells(tab.rehousings_model, 0)[:5] == [
        "01/06/2026",
        TYPED,
        "Social",
        "Villeurbanne",
        "Logement social – bail direct",
    ]
    assert cells(tab.applications_model, 0)[4] == "Satisfaite"
    assert tab.content.open_stays == ()


def test_an_offer_refused_through_the_gui_needs_its_reason(qtbot, ui: UiScene) -> None:
    tab = make_tab(qtbot, ui)
    tab.offers_table.selectRow(1)  # the Alliade offer, still unanswered
    assert tab.selected_offer().offer_id == ui.open_offer_id
    qtbot.mouseClick(tab.outcome_button, LEFT)
    dialog = tab.dialog
    assert isinstance(dialog, OfferOutcomeDialog)
    choose(dialog.outcome_combo, "refused_household")
    dialog.outcome_edit.setDate(QDate(2026, 4, 9))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: "motif" in dialog.problems().get("reason", ""), timeout=TIMEOUT)
    qtbot.keyClicks(dialog.reason_edit, "Trop loin du travail")
    save(qtbot, tab, dialog)
    ws = ui.workspace()
    offers = offers_of(ws.database, actor=ws.actor, household_id=ui.household_id)
    refused = next(o for o in offers if o.offer_id == ui.open_offer_id)
    assert (refused.outcome, refused.outcome_on, refused.reason) == (
        "refused_household",
        date(2026, 4, 9),
        "Trop loin du travail",
    )


def test_readers_see_without_buttons(qtbot, ui: UiScene) -> None:
    rita = Actor(user_id=None, login="rita", grants=(Grant("rental_manager"),))
    tab = RehousingTab(
        replace(ui.workspace(), actor=rita),
        ui.household_id,
        tasks=ui.tasks,
        dialogs=ScriptedDialogs(),
    )
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.rehousings_model.modelReset, timeout=TIMEOUT):
        tab.load()
    assert tab.offers_model.rowCount() == 2
    assert tab.rehousing_button.isHidden()
    assert tab.new_application_button.isHidden()


def test_the_path_tab_shows_the_candidature_and_the_rehousing(
    qtbot, qtmodeltester, ui: UiScene
) -> None:
    ws = ui.workspace()
    record_rehousing(
        ws.database,
        actor=ws.actor,
        household_id=ui.household_id,
        signed_on=date(2026, 6, 1),
        landlord=LANDLORD,
        sector="social",
        commune="Villeurbanne",
        offer_id=ui.accepted_offer_id,
        stay_id=ui.built.stay_id,
        measure_id=ui.built.measure_id,
        today=TODAY,
    )
    window = HouseholdFileWindow(ws, ui.household_id, tasks=ui.tasks, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    window.show()
    model = window.path_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=TIMEOUT)
    qtmodeltester.check(model)
    rows = [cells(model, row) for row in range(model.rowCount())]
    assert rows[0] == [
        "01/06/2026",
        "Relogement : bail signé avec Lyon Métropole Habitat, Villeurbanne (Social)",
    ]
    assert rows[1] == [
        "31/05/2026",
        "Sortie — Pension Les Tilleuls : Logement social – bail direct (Projet réalisé)",
    ]
    assert ["20/12/2024", "Candidature Pension Les Tilleuls : Admission"] in rows
    assert rows[-1][1].startswith("Orientation vers Pension Les Tilleuls")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles.index(window.tr("Rehousing")) == titles.index("Parcours") + 1
    # the exit button is gone: the rehousing closed the stay
    assert window.exit_button.isHidden()


def test_an_application_and_its_dalo_through_the_gui(qtbot, ui: UiScene) -> None:
    tab = make_tab(qtbot, ui)
    dialog = tab.ask_new_application()
    qtbot.keyClicks(dialog.number_edit, "069-2025-00123")  # M-1's own number already
    dialog.filed_edit.setDate(QDate(2026, 6, 2))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: "M-1" in dialog.problems().get("number", ""), timeout=TIMEOUT)
    dialog.number_edit.setText("069-2026-00777")
    save(qtbot, tab, dialog)
    assert tab.applications_model.rowCount() == 2
    tab.applications_table.selectRow(0)  # the newest
    dalo = tab.ask_dalo()
    assert dalo is not None
    dalo.decision_edit.set_value(date(2026, 6, 10))
    dalo.recognised_combo.setCurrentIndex(1)  # priority recognised
    save(qtbot, tab, dalo)
    ws = ui.workspace()
    newest = applications_of(ws.database, actor=ws.actor, household_id=ui.household_id)[0]
    assert (newest.number, newest.filed_on, newest.renewal_due_on) == (
        "069-2026-00777",
        date(2026, 6, 2),
        date(2027, 6, 2),
    )
    assert (newest.comed_decision_on, newest.dalo_recognised) == (date(2026, 6, 10), True)
    assert newest.dalo_time_limit == date(2026, 9, 10)
    assert "10/09/2026" in cells(tab.applications_model, 0)[5]
