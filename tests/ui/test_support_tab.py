"""The Accompagnement tab, driven through the GUI and read back through the services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox

from desktop_app.paths import DatabaseTarget
from desktop_app.services.contacts import contacts_of, log_contact
from desktop_app.services.documents import list_documents
from desktop_app.services.support import (
    add_goal,
    goals_of,
    measure_detail,
    measures_of,
    open_measure,
    reviews_due,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.contact import ContactDialog
from desktop_app.ui.dialogs.support import (
    AttestationDialog,
    EndMeasureDialog,
    GoalDialog,
    NewMeasureDialog,
    PhaseDialog,
    ResumeMeasureDialog,
    ReviewSentDialog,
    SuspendMeasureDialog,
    WriteReviewDialog,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_file import LOG_CONTACT_SHORTCUT, HouseholdFileWindow
from desktop_app.ui.views.household_tabs.support import SupportTab
from tests.services.support_builders import TODAY, Scene, build_scene, text_of
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton


@dataclass
class UiScene:
    scene: Scene
    tasks: TaskRunner
    measure_id: int

    def workspace(self, login: str = "sw") -> Workspace:
        return replace(self.scene.workspace, actor=self.scene.actors[login])

    @property
    def household_id(self) -> int:
        return self.scene.ids["m1"]

    def detail(self):
        ws = self.workspace()
        return measure_detail(ws.database, actor=ws.actor, measure_id=self.measure_id, today=TODAY)


@pytest.fixture
def ui(qapp, database_target: DatabaseTarget) -> Iterator[UiScene]:
    """M-1 followed by ``sw``: a 9-month FNAVDL measure since 05/01/2026, a goal, a contact."""
    create_application(["seuil-tests"])
    scene = build_scene(database_target)
    sw, m1 = scene.actors["sw"], scene.ids["m1"]
    measure = open_measure(
        scene.database,
        actor=sw,
        household_id=m1,
        programme_id=scene.ids["avdl"],
        funder_id=scene.ids["fnavdl"],
        kind="avdl_non_dalo",
        start=date(2026, 1, 5),
        phase="towards",
        today=TODAY,
    )
    add_goal(
        scene.database,
        actor=sw,
        household_id=m1,
        measure_id=measure.measure_id,
        domain="budget",
        wording="Stabiliser le budget",
        strengths="Tient ses comptes sur un carnet",
        opened_on=date(2026, 1, 5),
        today=TODAY,
    )
    log_contact(
        scene.database,
        actor=sw,
        household_id=m1,
        kind="office",
        held_on=date(2026, 6, 1),
        minutes=45,
        themes=["Budget / dettes"],
        today=TODAY,
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield UiScene(scene, tasks, measure.measure_id)
    tasks.shutdown()
    scene.workspace.close()


def make_tab(qtbot, ui: UiScene, login: str = "sw", dialogs: ScriptedDialogs | None = None):
    tab = SupportTab(
        ui.workspace(login), ui.household_id, tasks=ui.tasks, dialogs=dialogs or ScriptedDialogs()
    )
    tab.today = lambda: TODAY
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.contacts_model.modelReset, timeout=TIMEOUT):
        tab.load()
    return tab


def cells(model, row: int) -> list[str]:
    return [model.data(model.index(row, column)) for column in range(model.columnCount())]


def choose(combo: QComboBox, code: object) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def save(qtbot, tab: SupportTab, dialog) -> None:
    """Click Save and wait until the tab has read the database again."""
    with qtbot.waitSignals([tab.changed, tab.contacts_model.modelReset], timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, LEFT)


def opened(qtbot, tab: SupportTab, kind: type):
    qtbot.waitUntil(
        lambda: isinstance(tab.dialog, kind) and tab.dialog.isVisible(), timeout=TIMEOUT
    )
    return tab.dialog


def test_the_tab_shows_measures_goals_reviews_and_contacts(qtbot, qtmodeltester, ui) -> None:
    tab = make_tab(qtbot, ui)
    for model in (tab.measures_model, tab.goals_model, tab.reviews_model, tab.contacts_model):
        qtmodeltester.check(model)
    assert cells(tab.measures_model, 0) == [
        "AVDL – hors DALO",
        "Vers le logement",
        "05/01/2026",
        "04/10/2026",  # nine months, as planned for the FNAVDL
        tab.tr("Running"),
        "AVDL Rhône",
    ]
    # the person's strengths come first
    assert cells(tab.goals_model, 0) == [
        "Tient ses comptes sur un carnet",
        "Budget / gestion financière",
        "Stabiliser le budget",
        "En cours",
    ]
    # a review overdue since April (written out, not by colour) and one due in July
    assert tab.reviews_model.rowCount() == 2
    assert cells(tab.reviews_model, 0)[0] == tab.tr("⚠ {day} (overdue)").format(day="05/04/2026")
    assert cells(tab.reviews_model, 1) == [
        "05/07/2026",
        tab.tr("To write"),
        "Bilan intermédiaire",
        "AVDL – hors DALO",
    ]
    assert cells(tab.contacts_model, 0) == [
        "01/06/2026",
        "Entretien au bureau",
        "45",
        "Claire Martin",
        "Budget / dettes",
    ]
    for button in (tab.new_measure_button, tab.contact_button, tab.attestation_button):
        assert button.isVisible()
    assert tab.suspend_button.text() == tab.tr("Suspend…")


def test_a_measure_opened_through_the_gui(qtbot, ui) -> None:
    tab = make_tab(qtbot, ui)
    qtbot.mouseClick(tab.new_measure_button, LEFT)
    dialog = opened(qtbot, tab, NewMeasureDialog)
    assert all(w.accessibleName() for w in dialog.fields.values())
    choose(dialog.kind_combo, "diagnostic")
    assert not dialog.phase_combo.isVisible()  # a diagnostic has no phase
    choose(dialog.programme_combo, ui.scene.ids["avdl"])
    # a start in the future: the service's French message under the field, nothing saved
    dialog.start_edit.setDate(QDate.currentDate().addDays(3))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: "start" in dialog.problems(), timeout=TIMEOUT)
    assert "Une mesure ne commence pas après aujourd'hui" in dialog.problems()["start"]
    dialog.start_edit.setDate(QDate(2025, 9, 1))
    save(qtbot, tab, dialog)
    ws = ui.workspace()
    rows = measures_of(ws.database, actor=ws.actor, household_id=ui.household_id, today=TODAY)
    assert [(r.kind, r.start) for r in rows] == [
        ("avdl_non_dalo", date(2026, 1, 5)),
        ("diagnostic", date(2025, 9, 1)),
    ]
    assert tab.measures_model.rowCount() == 2


def test_suspend_resume_phase_and_end_through_the_gui(qtbot, ui) -> None:
    tab = make_tab(qtbot, ui)
    # suspended from 1 March, still going on
    qtbot.mouseClick(tab.suspend_button, LEFT)
    suspend = opened(qtbot, tab, SuspendMeasureDialog)
    suspend.start_edit.setDate(QDate(2026, 3, 1))
    save(qtbot, tab, suspend)
    assert cells(tab.measures_model, 0)[4] == tab.tr("Suspended")
    assert tab.suspend_button.text() == tab.tr("Resume…")
    # resumed: the last suspended day is 31 March
    qtbot.mouseClick(tab.suspend_button, LEFT)
    resume = opened(qtbot, tab, ResumeMeasureDialog)
    resume.end_edit.setDate(QDate(2026, 3, 31))
    save(qtbot, tab, resume)
    assert [(s.start, s.end) for s in ui.detail().suspensions] == [
        (date(2026, 3, 1), date(2026, 3, 31))
    ]
    assert cells(tab.measures_model, 0)[4] == tab.tr("Running")
    # rehoused in May: the next phase is offered
    qtbot.mouseClick(tab.phase_button, LEFT)
    phase = opened(qtbot, tab, PhaseDialog)
    assert phase.phase_combo.currentData() == "at_move_in"
    phase.from_edit.setDate(QDate(2026, 5, 4))
    save(qtbot, tab, phase)
    assert cells(tab.measures_model, 0)[1] == "Lors du relogement"
    # ended: outcome and housing situation are required, then saved
    qtbot.mouseClick(tab.end_button, LEFT)
    end = opened(qtbot, tab, EndMeasureDialog)
    end.end_edit.setDate(QDate(2026, 6, 12))
    qtbot.mouseClick(end.save_button, LEFT)
    qtbot.waitUntil(lambda: "outcome" in end.problems(), timeout=TIMEOUT)
    assert end.problems()["outcome"] == "⚠ Indiquez l'issue de la mesure."
    choose(end.outcome_combo, "rehoused")
    choose(end.destination_combo, "social_housing")
    save(qtbot, tab, end)
    detail = ui.detail()
    assert (detail.end, detail.outcome, detail.destination) == (
        date(2026, 6, 12),
        "rehoused",
        "social_housing",
    )
    assert [p.phase for p in detail.phases] == ["towards", "at_move_in"]
    assert cells(tab.measures_model, 0)[4] == tab.tr("Ended on {day}").format(day="12/06/2026")
    assert not tab.renew_button.isEnabled()


def test_goals_added_and_edited_through_the_gui(qtbot, ui) -> None:
    tab = make_tab(qtbot, ui)
    qtbot.mouseClick(tab.new_goal_button, LEFT)
    dialog = opened(qtbot, tab, GoalDialog)
    assert dialog.measure_combo.currentData() == ui.measure_id
    qtbot.keyClicks(dialog.strengths_edit, "Connait bien son quartier")
    choose(dialog.domain_combo, "housing")
    qtbot.keyClicks(dialog.wording_edit, "Trouver un logement social")
    save(qtbot, tab, dialog)
    assert tab.goals_model.rowCount() == 2
    tab.goals_table.selectRow(1)
    qtbot.mouseClick(tab.edit_goal_button, LEFT)
    edit = opened(qtbot, tab, GoalDialog)
    assert edit.wording_edit.text() == "Trouver un logement social"
    choose(edit.status_combo, "achieved")
    assert edit.closed_edit.isVisible()
    # closed before it was opened (today): refused under the field, the form kept
    edit.closed_edit.setDate(QDate.currentDate().addDays(-1))
    qtbot.mouseClick(edit.save_button, LEFT)
    qtbot.waitUntil(lambda: "closed_on" in edit.problems(), timeout=TIMEOUT)
    assert "avant son ouverture" in edit.problems()["closed_on"]
    edit.closed_edit.setDate(QDate.currentDate())
    save(qtbot, tab, edit)
    ws = ui.workspace()
    goals = goals_of(ws.database, actor=ws.actor, household_id=ui.household_id)
    found = {g.wording: (g.strengths, g.status, g.closed_on, g.measure_id) for g in goals}
    assert found["Trouver un logement social"] == (
        "Connait bien son quartier",
        "achieved",
        date.today(),
        ui.measure_id,
    )


def test_a_review_written_into_the_documents_then_sent(qtbot, ui) -> None:
    tab = make_tab(qtbot, ui)
    tab.reviews_table.selectRow(0)  # due on 05/04/2026
    qtbot.mouseClick(tab.review_button, LEFT)
    dialog = opened(qtbot, tab, WriteReviewDialog)
    assert dialog.period_start_edit.date() == QDate(2026, 1, 5)
    assert dialog.period_end_edit.date() == QDate(2026, 4, 5)
    qtbot.keyClicks(dialog.words_edit, "Je veux rester dans le quartier.")
    qtbot.keyClicks(dialog.next_steps_edit, "Dossier DALO a deposer.")
    save(qtbot, tab, dialog)
    ws = ui.workspace()
    [document] = list_documents(ws.database, actor=ws.actor, household_id=ui.household_id)
    assert document.file_name == "bilan-M-1-2026-04-05.pdf"
    model = tab.reviews_model
    states = [(model.row(i).due_on, model.row(i).state) for i in range(model.rowCount())]
    assert (date(2026, 4, 5), "to_send") in states
    tab.reviews_table.selectRow(states.index((date(2026, 4, 5), "to_send")))
    assert tab.sent_button.isEnabled()
    qtbot.mouseClick(tab.sent_button, LEFT)
    sent = opened(qtbot, tab, ReviewSentDialog)
    save(qtbot, tab, sent)
    [review] = ui.detail().reviews
    assert review.sent_on == date.today()
    assert review.household_words == "Je veux rester dans le quartier."
    due = reviews_due(ws.database, actor=ws.actor, on=TODAY, household_id=ui.household_id)
    assert [d.due_on for d in due] == [date(2026, 7, 5)]


def test_an_attestation_shows_only_the_parts_chosen(qtbot, ui, tmp_path) -> None:
    target = tmp_path / "attestation.pdf"
    dialogs = ScriptedDialogs(files=[target])
    tab = make_tab(qtbot, ui, dialogs=dialogs)
    qtbot.mouseClick(tab.attestation_button, LEFT)
    dialog = opened(qtbot, tab, AttestationDialog)
    assert [dialog.person_combo.itemText(i) for i in range(dialog.person_combo.count())] == [
        "Awa Diallo",
        "Moussa Diallo",
    ]
    assert not any(c.isChecked() for c in (dialog.kind_check, dialog.dates_check))
    dialog.kind_check.setChecked(True)
    qtbot.keyClicks(dialog.name_edit, "Madame Awa Diallo")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialogs.opened == [target]
    text = text_of(target.read_bytes())
    assert "Madame Awa Diallo" in text
    assert "AVDL – hors DALO" in text
    assert "AVDL Rhône" not in text  # the programme was not ticked


def test_a_contact_logged_from_the_tab(qtbot, ui) -> None:
    tab = make_tab(qtbot, ui)
    qtbot.mouseClick(tab.contact_button, LEFT)
    dialog = opened(qtbot, tab, ContactDialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=TIMEOUT)
    qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_T)
    save(qtbot, tab, dialog)
    assert tab.contacts_model.rowCount() == 2
    ws = ui.workspace()
    latest = contacts_of(ws.database, actor=ws.actor, household_id=ui.household_id)[0]
    assert (latest.kind, latest.minutes, latest.held_on) == ("phone", 15, date.today())


def test_readers_see_without_buttons_and_other_caseloads_not_at_all(qtbot, ui) -> None:
    # the intern (co-key-worker) reads, writes nothing
    intern = make_tab(qtbot, ui, "intern")
    assert intern.measures_model.rowCount() == 1
    assert intern.new_measure_button.isHidden()
    assert intern.contact_button.isHidden()
    assert intern.ask_contact() is None
    # another worker's household: said once in the tab (no message box), the file hides it
    dialogs = ScriptedDialogs()
    other = SupportTab(ui.workspace("sw2"), ui.household_id, tasks=ui.tasks, dialogs=dialogs)
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.unavailable, timeout=TIMEOUT) as refused:
        other.load()
    assert refused.args == [
        "Vos droits ne permettent pas de voir les contacts et mesures d'accompagnement."
    ]
    assert dialogs.calls == []
    assert other.measures_model.rowCount() == 0


def test_the_household_file_tab_and_its_shortcut(qtbot, ui) -> None:
    def file_of(login: str) -> HouseholdFileWindow:
        window = HouseholdFileWindow(
            ui.workspace(login), ui.household_id, tasks=ui.tasks, dialogs=ScriptedDialogs()
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not ui.tasks.busy, timeout=TIMEOUT)
        return window

    window = file_of("sw")
    assert window.support_tab is not None
    index = window.tabs.indexOf(window.support_tab)
    assert window.tabs.isTabVisible(index)
    assert window.tabs.tabText(index) == window.tr("Support")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    qtbot.keySequence(window, QKeySequence(LOG_CONTACT_SHORTCUT))
    assert window.tabs.currentWidget() is window.support_tab
    assert isinstance(window.support_tab.dialog, ContactDialog)
    window.support_tab.dialog.reject()
    # another worker's household: no Accompagnement tab
    other = file_of("sw2")
    assert other.support_tab is not None
    qtbot.waitUntil(
        lambda: not other.tabs.isTabVisible(other.tabs.indexOf(other.support_tab)),
        timeout=TIMEOUT,
    )
    # whoever never follows support has no such tab at all
    assert file_of("secr").support_tab is None
