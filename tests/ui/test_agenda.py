"""The agenda: list and week from one reading, late work marked, to-dos written and ticked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from sqlalchemy import insert

from desktop_app.domain import reminders as rules
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import contacts, support, todos
from desktop_app.services.charges import generate_month
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.system import Workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.contact import ContactDialog
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.agenda import AgendaView
from tests.services.support_builders import TODAY, Scene, build_scene
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton
MONDAY = TODAY  # 15/06/2026 is a Monday
assert TODAY.weekday() == 0


def in_list(text: str) -> str:
    return QCoreApplication.translate("AgendaTableModel", text)


def in_week(text: str) -> str:
    return QCoreApplication.translate("AgendaWeekModel", text)


@dataclass
class Agenda:
    scene: Scene
    tasks: TaskRunner
    dialogs: ScriptedDialogs

    @property
    def workspace(self) -> Workspace:
        return self.scene.workspace

    def view(self, qtbot: Any, login: str) -> AgendaView:
        workspace = replace(self.workspace, actor=self.scene.actors[login])
        view = AgendaView(workspace, tasks=self.tasks, dialogs=self.dialogs)
        qtbot.addWidget(view)
        view.load(today=TODAY)
        view.resize(1100, 600)
        view.show()
        self.wait(qtbot)
        return view

    def wait(self, qtbot: Any) -> None:
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=TIMEOUT)


@pytest.fixture
def agenda(qapp: Any, database_target: DatabaseTarget) -> Iterator[Agenda]:
    create_application(["seuil-tests"])
    scene = build_scene(database_target)
    ids, db = scene.ids, scene.database
    with db.begin_write() as c:
        for login, role in (("sw", "social_worker"), ("sw2", "social_worker")):
            c.execute(insert(m.UserRole).values(user_id=ids[login], role=role))
        c.execute(insert(m.UserRole).values(user_id=ids["coord"], role="coordinator"))
    sw, coord = scene.actors["sw"], scene.actors["coord"]
    # Review due 05/04 (overdue since an earlier week), final review and end 04/07.
    support.open_measure(
        db,
        actor=sw,
        household_id=ids["m1"],
        programme_id=ids["avdl"],
        kind="avdl_non_dalo",
        start=date(2026, 1, 5),
        planned_months=6,
        worker_id=ids["sw"],
        today=TODAY,
    )
    contacts.log_contact(
        db,
        actor=sw,
        household_id=ids["m1"],
        kind="office",
        held_on=date(2026, 6, 10),
        next_appointment_on=date(2026, 6, 17),
        today=TODAY,
    )
    todos.add_todo(
        db,
        actor=sw,
        household_id=ids["m1"],
        due_on=date(2026, 6, 19),
        text="Rappeler le CCAS",
        assigned_to=ids["sw"],
        today=TODAY,
    )
    todos.add_todo(
        db,
        actor=coord,
        household_id=ids["m2"],
        due_on=date(2026, 6, 16),
        text="Accompagner M. Martin à la CAF",
        assigned_to=ids["sw2"],
        today=TODAY,
    )
    todos.add_todo(
        db, actor=coord, due_on=date(2026, 6, 18), text="Préparer la synthèse", today=TODAY
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Agenda(scene, tasks, ScriptedDialogs())
    tasks.shutdown()
    scene.workspace.close()


def column(model: Any, index: int) -> list[str]:
    return [model.data(model.index(row, index)) for row in range(model.rowCount())]


def test_the_list_in_date_order_with_late_work_standing_out(
    qtbot: Any, qtmodeltester: Any, agenda: Agenda
) -> None:
    view = agenda.view(qtbot, "sw")
    model = view.list_model
    qtmodeltester.check(model)
    assert column(model, 0) == [
        "05/04/2026",
        "17/06/2026",
        "19/06/2026",
        "04/07/2026",
        "04/07/2026",
    ]
    assert column(model, 1) == [in_list("Overdue")] + [in_list("Coming")] * 4
    assert column(model, 2) == [
        in_list("Review"),
        in_list("Appointment"),
        in_list("To-do"),
        in_list("Review"),
        in_list("Measure end"),
    ]
    assert column(model, 3)[0] == "M-1 — Diallo Awa"
    assert column(model, 4)[1] == "Rendez-vous du 17/06/2026, fixé lors du contact du 10/06/2026."
    assert column(model, 4)[2] == "Rappeler le CCAS"
    assert column(model, 5)[:3] == ["Claire Martin"] * 3
    # Late work in bold, in words too; the rest in the normal weight.
    late = model.data(model.index(0, 4), Qt.ItemDataRole.FontRole)
    assert isinstance(late, QFont)
    assert late.bold()
    assert model.data(model.index(1, 4), Qt.ItemDataRole.FontRole) is None
    assert view.status_label.text() == "5 élément(s), dont 1 en retard."
    assert not view.scope_combo.isVisible()  # a social worker has only their agenda


def test_the_week_from_the_same_reading(qtbot: Any, qtmodeltester: Any, agenda: Agenda) -> None:
    view = agenda.view(qtbot, "sw")
    view.tabs.setCurrentIndex(1)
    week = view.week_model
    qtmodeltester.check(week)
    headers = [week.headerData(day, Qt.Orientation.Horizontal) for day in range(7)]
    assert headers[0] == in_week("{day} {date} (today)").format(day=in_week("Mon"), date="15/06")
    assert headers[6] == in_week("{day} {date}").format(day=in_week("Sun"), date="21/06")
    today_font = week.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole)
    assert isinstance(today_font, QFont)
    assert today_font.bold()
    assert view.week_label.text() == QCoreApplication.translate(
        "AgendaView", "Week from {first} to {last}"
    ).format(first="15/06/2026", last="21/06/2026")
    # The review overdue since April sits on today, saying so; the others on their day.
    late = week.item(0, 0)
    assert late is not None
    assert late.code == rules.REVIEW_DUE
    text = week.data(week.index(0, 0))
    assert text.splitlines()[0] == in_week("Overdue since {date}").format(date="05/04/2026")
    assert week.data(week.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert [week.item(0, day) is None for day in range(7)] == [
        False,
        True,
        False,
        True,
        False,
        True,
        True,
    ]
    assert week.item(0, 2).code == rules.APPOINTMENT
    assert "Rappeler le CCAS" in week.data(week.index(0, 4))
    # Two weeks on: the end of the measure, read further ahead when needed.
    view.next_button.click()
    view.next_button.click()
    agenda.wait(qtbot)
    assert week.days[0] == date(2026, 6, 29)
    assert [r.code for r in (week.item(row, 5) for row in range(2)) if r is not None] == [
        rules.FINAL_REVIEW_DUE,
        rules.MEASURE_END,
    ]
    qtmodeltester.check(week)
    view.this_week_button.click()
    assert week.days[0] == MONDAY
    view.previous_button.click()
    assert week.days[0] == date(2026, 6, 8)
    assert week.rowCount() == 0  # last week: nothing left open on its days


def test_mine_and_the_team_and_opening_a_file(qtbot: Any, agenda: Agenda) -> None:
    view = agenda.view(qtbot, "coord")
    assert view.scope_combo.isVisible()
    model = view.list_model
    # Mine: the personal to-do only (the coordinator follows no household).
    assert column(model, 4) == ["Préparer la synthèse"]
    assert column(model, 3) == [in_list("Personal")]
    view.scope_combo.setCurrentIndex(view.scope_combo.findData("team"))
    assert column(model, 0) == [
        "05/04/2026",
        "16/06/2026",
        "17/06/2026",
        "18/06/2026",
        "19/06/2026",
        "04/07/2026",
        "04/07/2026",
    ]
    assert column(model, 4)[1] == "Accompagner M. Martin à la CAF"
    assert column(model, 5)[1] == "Karim Benali"  # the to-do's assignee
    view.list_table.selectRow(1)
    with qtbot.waitSignal(view.open_household, timeout=TIMEOUT) as opened:
        view.list_table.activated.emit(model.index(1, 0))
    assert opened.args == [agenda.scene.ids["m2"]]
    # A personal to-do opens nothing.
    view.list_table.activated.emit(model.index(3, 0))
    assert agenda.dialogs.calls == []


def test_a_todo_written_and_ticked_through_the_gui(qtbot: Any, agenda: Agenda) -> None:
    view = agenda.view(qtbot, "sw")
    view.list_table.selectRow(0)  # an item of M-1: the to-do is for M-1 by default
    qtbot.mouseClick(view.new_todo_button, LEFT)
    dialog = view.todo_dialog
    assert dialog is not None
    agenda.wait(qtbot)
    assert dialog.household_combo.currentText() == "M-1 — Diallo Awa"
    assert dialog.assignee_combo.currentText() == "Claire Martin"
    assert dialog.save_button.isEnabled()
    # Nothing typed: the service's French text under the field, nothing saved.
    qtbot.mouseClick(dialog.save_button, LEFT)
    agenda.wait(qtbot)
    assert dialog.problems()["text"] == "⚠ Écrivez ce qu'il y a à faire."
    dialog.due_edit.setDate(dialog.due_edit.date().addDays(2))
    qtbot.keyClicks(dialog.text_edit, "Envoyer le dossier FSL")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, LEFT)
    agenda.wait(qtbot)
    ws = agenda.workspace
    sw = agenda.scene.actors["sw"]
    [written] = [
        t
        for t in todos.list_todos(ws.database, actor=sw, on=TODAY)
        if t.text == "Envoyer le dossier FSL"
    ]
    assert (written.due_on, written.household_reference, written.assignee) == (
        date(2026, 6, 17),
        "M-1",
        "Claire Martin",
    )
    # The agenda read again shows it; tick it done.
    texts = column(view.list_model, 4)
    row = texts.index("Envoyer le dossier FSL")
    view.list_table.selectRow(row)
    assert view.done_button.isEnabled()
    qtbot.mouseClick(view.done_button, LEFT)
    agenda.wait(qtbot)
    assert "Envoyer le dossier FSL" not in column(view.list_model, 4)
    [done] = [
        t
        for t in todos.list_todos(ws.database, actor=sw, on=TODAY, include_done=True)
        if t.todo_id == written.todo_id
    ]
    assert done.done_on == TODAY


def test_a_todo_for_a_household_typed_by_reference(qtbot: Any, agenda: Agenda) -> None:
    view = agenda.view(qtbot, "sw")
    dialog = view.ask_new_todo()
    agenda.wait(qtbot)
    qtbot.keyClicks(dialog.text_edit, "Appeler M. Martin")
    dialog.household_combo.setEditText("M-404")
    qtbot.mouseClick(dialog.save_button, LEFT)
    agenda.wait(qtbot)
    assert "M-404" in dialog.problems()["household_id"]
    assert dialog.text_edit.text() == "Appeler M. Martin"  # what was typed is kept
    dialog.household_combo.setEditText("m-2")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, LEFT)
    ws = agenda.workspace
    texts = [
        (t.text, t.household_reference)
        for t in todos.list_todos(ws.database, actor=agenda.scene.actors["sw"], on=TODAY)
    ]
    assert ("Appeler M. Martin", "M-2") in texts


def test_logging_a_contact_from_the_agenda(qtbot: Any, agenda: Agenda) -> None:
    view = agenda.view(qtbot, "sw")
    assert not view.contact_button.isEnabled()
    view.list_table.selectRow(1)  # the appointment of M-1
    assert view.contact_button.isEnabled()
    qtbot.mouseClick(view.contact_button, LEFT)
    dialog = view.contact_dialog
    assert isinstance(dialog, ContactDialog)
    assert dialog._household_id == agenda.scene.ids["m1"]
    dialog.reject()
    agenda.wait(qtbot)


def test_an_arrears_reminder_opens_the_account(qtbot: Any, agenda: Agenda) -> None:
    scene, db = agenda.scene, agenda.scene.database
    ids = scene.ids
    with db.begin_write() as c:
        room = c.execute(
            insert(m.Dwelling)
            .returning(m.Dwelling.id)
            .values(
                reference="CH-2",
                address="2 rue des Tilleuls",
                commune="Lyon",
                programme_id=ids["pension"],
                residence_id=ids["tilleuls"],
            )
        ).scalar_one()
    contract = create_contract(
        db,
        actor=SYSTEM_ACTOR,
        household_id=ids["m2"],
        dwelling_id=room,
        kind="residence_agreement",
        start=date(2026, 3, 1),
        rate=RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True),
    ).contract_id
    for month in (3, 4, 5, 6):
        generate_month(db, actor=SYSTEM_ACTOR, month=date(2026, month, 1), today=TODAY)
    # Nothing paid: 180 € a month in default from 15/03, 360 € on 15/04 (impayé constitué):
    # the CAF report is due two months later, today.
    view = agenda.view(qtbot, "coord")
    view.scope_combo.setCurrentIndex(view.scope_combo.findData("team"))
    model = view.list_model
    rows = [
        row
        for row in range(model.rowCount())
        if (model.reminder(row).record, model.reminder(row).record_id) == (rules.CONTRACT, contract)
    ]
    kinds = {model.index(row, 2).data() for row in rows}
    assert kinds == {in_list("Rent arrears")}
    texts = [model.reminder(row).text for row in rows]
    assert "Signaler l'impayé à la CAF au plus tard le 15/06/2026." in texts
    with qtbot.waitSignal(view.open_account, timeout=TIMEOUT) as opened:
        view.list_table.activated.emit(model.index(rows[0], 0))
    assert opened.args == [ids["m2"]]
