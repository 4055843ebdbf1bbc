"""The « Loyers et impayés » screen and its dialogs, driven through the GUI.

Two contracts in arrears on 20/10/2026: DOMAIN §4's example A (M-00001, IML Lyon, level
CCAPEX, 720 €) and a household of IML Villeurbanne paying 200 € of a 300 € rent from
September (M-00002, first default, 200 €). What is saved through a dialog is read back through
the services; the export is read back with openpyxl, the letters with pypdf.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import insert, select

from desktop_app.domain import arrears as rules
from desktop_app.domain.messages import message
from desktop_app.domain.periods import add_months
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.arrears import arrears_list
from desktop_app.services.arrears_actions import list_actions
from desktop_app.services.charges import generate_month
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.documents import list_documents
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.ledger import post_entry
from desktop_app.services.stays import open_stay
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.arrears_action import (
    ArrearsActionDialog,
    DeliveryDialog,
    LetterDialog,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.rents import (
    DEBT,
    DWELLING,
    FIRST_DEFAULT,
    HOUSEHOLD,
    HOUSING_DEBT,
    KEY_WORKER,
    LEVEL,
    LEVEL_CODE,
    NEXT_DUE,
    NEXT_TEXT,
    PROGRAMME,
    RentsView,
)
from tests.services.test_arrears_actions import ON, TODAY, Scene, build_scene
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton
SEPTEMBER = date(2026, 9, 1)


@dataclass
class Screen:
    scene: Scene
    tasks: TaskRunner
    second_household: int


def second_household(scene: Scene) -> int:
    """M-00002 in IML Villeurbanne: rent 300 € from September, the household pays 200 €."""
    db = scene.database
    with db.begin_write() as c:
        programme = c.execute(
            insert(m.Programme).values(name="IML Villeurbanne", kind="iml_sublease")
        ).inserted_primary_key
        assert programme is not None
        dwelling = c.execute(
            insert(m.Dwelling).values(
                reference="LOG-V",
                address="8 cours Émile Zola",
                commune="Villeurbanne",
                programme_id=int(programme[0]),
            )
        ).inserted_primary_key
        assert dwelling is not None
    household = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=SEPTEMBER,
        members=[MemberInput("Benali", "Yacine", None, "h", "head")],
    ).household_id
    open_stay(
        db,
        actor=SYSTEM_ACTOR,
        household_id=household,
        programme_id=int(programme[0]),
        entry=SEPTEMBER,
        today=TODAY,
    )
    contract = create_contract(
        db,
        actor=SYSTEM_ACTOR,
        household_id=household,
        dwelling_id=int(dwelling[0]),
        kind="sublease",
        start=SEPTEMBER,
        rate=RateInput(rent=30_000),
    ).contract_id
    month = SEPTEMBER
    while month <= date(2026, 11, 1):
        generate_month(db, actor=SYSTEM_ACTOR, month=month, today=TODAY)
        post_entry(
            db,
            actor=SYSTEM_ACTOR,
            contract_id=contract,
            kind="household_payment",
            amount=20_000,
            posted_on=month.replace(day=8),
            today=TODAY,
        )
        month = add_months(month, 1)
    return household


@pytest.fixture
def screen(qapp, database_target: DatabaseTarget) -> Iterator[Screen]:
    create_application(["seuil-tests"])
    scene = build_scene(database_target)
    other = second_household(scene)
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Screen(scene, tasks, other)
    tasks.shutdown()
    scene.workspace.close()


def open_view(qtbot, screen: Screen, dialogs: ScriptedDialogs, actor: Actor | None = None):
    workspace = replace(screen.scene.workspace, actor=actor or screen.scene.manager)
    view = RentsView(workspace, tasks=screen.tasks, dialogs=dialogs, on=ON)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=TIMEOUT)
    return view


def shown(view: RentsView, column: int) -> list[str]:
    proxy = view.proxy
    return [str(proxy.data(proxy.index(row, column))) for row in range(proxy.rowCount())]


def click(qtbot, button) -> None:
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, LEFT)


def select_household(qtbot, view: RentsView, reference: str) -> None:
    row = shown(view, HOUSEHOLD).index(reference)
    view.table.selectRow(row)
    qtbot.waitUntil(lambda: view.selected() is not None, timeout=TIMEOUT)


def set_date(edit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def saved(qtbot, dialog: Any) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)


def test_rows_levels_sort_filters_and_opening_the_household(qtbot, qtmodeltester, screen) -> None:
    view = open_view(qtbot, screen, ScriptedDialogs())
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    assert view.section_title() == "Loyers et impayés"

    # THEN the highest level comes first, written out in French and as its code
    assert shown(view, HOUSEHOLD) == ["M-00001", "M-00002"]
    assert shown(view, LEVEL) == ["Saisine CCAPEX", "Premier impayé"]
    assert shown(view, LEVEL_CODE) == ["ccapex", "first_default"]
    assert shown(view, DEBT) == ["720,00\u00a0€", "200,00\u00a0€"]
    assert shown(view, HOUSING_DEBT) == ["720,00\u00a0€", "200,00\u00a0€"]
    assert shown(view, FIRST_DEFAULT) == ["15/07/2026", "15/10/2026"]  # §4 example E
    assert shown(view, PROGRAMME) == ["IML Lyon", "IML Villeurbanne"]
    assert shown(view, DWELLING) == ["LOG-A", "LOG-V"]
    assert shown(view, KEY_WORKER)[0] == "Sami Haddad"
    [line, _] = arrears_list(screen.scene.database, actor=SYSTEM_ACTOR, on=ON)
    reminder = line.assessment.next_reminder
    assert reminder is not None
    assert shown(view, NEXT_DUE)[0] == reminder.due.strftime("%d/%m/%Y")
    assert shown(view, NEXT_TEXT)[0] == reminder.text
    assert "2 contrat(s) en impayé au 20/10/2026." in view.count_label.text()


def test_sorting_filtering_and_opening_the_household(qtbot, screen) -> None:
    view = open_view(qtbot, screen, ScriptedDialogs())

    # WHEN sorted by debt, ascending, then by household, descending
    view.table.sortByColumn(DEBT, Qt.SortOrder.AscendingOrder)
    assert shown(view, HOUSEHOLD) == ["M-00002", "M-00001"]
    view.table.sortByColumn(HOUSEHOLD, Qt.SortOrder.DescendingOrder)
    assert shown(view, HOUSEHOLD) == ["M-00002", "M-00001"]
    view.table.sortByColumn(LEVEL, Qt.SortOrder.DescendingOrder)
    assert shown(view, HOUSEHOLD) == ["M-00001", "M-00002"]

    # WHEN filtered by level, by programme, by a word typed (accents ignored)
    view.level_combo.setCurrentIndex(view.level_combo.findData("first_default"))
    assert shown(view, HOUSEHOLD) == ["M-00002"]
    assert "1 affiché(s)." in view.count_label.text()
    view.level_combo.setCurrentIndex(0)
    view.programme_combo.setCurrentIndex(view.programme_combo.findData("IML Lyon"))
    assert shown(view, HOUSEHOLD) == ["M-00001"]
    view.programme_combo.setCurrentIndex(0)
    qtbot.keyClicks(view.search_edit, "zola")  # no such word in the columns shown
    assert shown(view, HOUSEHOLD) == []
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, "benali")
    assert shown(view, HOUSEHOLD) == ["M-00002"]
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, "SAMI")
    assert shown(view, HOUSEHOLD) == ["M-00001"]
    view.search_edit.clear()

    # WHEN Enter is pressed on a row THEN its household's file is asked for
    select_household(qtbot, view, "M-00002")
    view.table.setFocus()
    with qtbot.waitSignal(view.open_household, timeout=TIMEOUT) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [screen.second_household]
    with qtbot.waitSignal(view.open_household, timeout=TIMEOUT) as again:
        click(qtbot, view.open_button)
    assert again.args == [screen.second_household]

    # WHEN another day is chosen THEN the list is read again for that day
    view.set_on(date(2026, 7, 20))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=TIMEOUT)
    assert shown(view, LEVEL_CODE) == ["alert"]


def test_export_of_the_rows_shown(qtbot, screen, tmp_path: Path) -> None:
    dialogs = ScriptedDialogs(files=[tmp_path / "impayes", tmp_path / "lyon.xlsx"])
    view = open_view(qtbot, screen, dialogs)

    click(qtbot, view.export_button)
    target = tmp_path / "impayes.xlsx"
    qtbot.waitUntil(lambda: "exporté(s)" in view.count_label.text(), timeout=TIMEOUT)
    assert dialogs.calls[0][0] == "save_file"
    assert dialogs.calls[0][2].endswith("impayes_2026-10-20.xlsx")
    rows = list(load_workbook(target)["Impayés"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Référence ménage", "Référence logement", "Niveau", "Code niveau")
    assert [row[:4] for row in rows[1:]] == [
        ("M-00001", "LOG-A", "Saisine CCAPEX", "ccapex"),
        ("M-00002", "LOG-V", "Premier impayé", "first_default"),
    ]
    assert rows[1][4] == 720
    assert rows[1][6].date() == date(2026, 7, 15)
    assert not (tmp_path / "impayes.xlsx.partiel").exists()

    # WHEN filtered THEN only the rows shown are exported
    view.programme_combo.setCurrentIndex(view.programme_combo.findData("IML Lyon"))
    qtbot.waitUntil(view.export_button.isEnabled, timeout=TIMEOUT)
    click(qtbot, view.export_button)
    qtbot.waitUntil((tmp_path / "lyon.xlsx").exists, timeout=TIMEOUT)
    lyon = list(load_workbook(tmp_path / "lyon.xlsx")["Impayés"].iter_rows(values_only=True))
    assert [row[0] for row in lyon[1:]] == ["M-00001"]

    def exports() -> list[int | None]:
        with screen.scene.database.read() as session:
            return list(
                session.scalars(
                    select(m.AuditEvent.count).where(
                        m.AuditEvent.action == "export", m.AuditEvent.entity == "arrears"
                    )
                )
            )

    qtbot.waitUntil(lambda: exports() == [2, 1], timeout=TIMEOUT)


def test_record_a_step_through_the_dialog(qtbot, screen) -> None:
    scene = screen.scene
    view = open_view(qtbot, screen, ScriptedDialogs())
    select_household(qtbot, view, "M-00001")
    before = view.selected()
    assert before is not None
    assert rules.CAF_REPORT in {r.code for r in before.line.assessment.reminders}

    click(qtbot, view.record_button)
    dialog = view.action_dialog
    assert isinstance(dialog, ArrearsActionDialog)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("caf_report"))
    assert not dialog.outcome_combo.isEnabled()
    assert not dialog.amount_edit.isEnabled()
    assert not dialog.instalments.isVisibleTo(dialog)

    # WHEN the date is in the future THEN the service's text is under the date, typing kept
    set_date(dialog.date_edit, date(2099, 1, 1))
    dialog.detail_edit.setPlainText("Signalement par l'espace partenaire")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: bool(dialog.field_errors["action_date"].text()), timeout=TIMEOUT)
    assert "dans le futur" in dialog.field_errors["action_date"].text()
    assert dialog.isVisible()
    assert dialog.detail_edit.toPlainText() == "Signalement par l'espace partenaire"

    set_date(dialog.date_edit, date(2026, 10, 2))
    saved(qtbot, dialog)

    [action] = list_actions(scene.database, actor=scene.manager, contract_id=scene.contract)
    assert (action.kind, action.action_date, action.detail) == (
        "caf_report",
        date(2026, 10, 2),
        "Signalement par l'espace partenaire",
    )
    # THEN the list is read again: the CAF report's reminder is closed
    qtbot.waitUntil(lambda: view.actions_model.rowCount() == 1, timeout=TIMEOUT)
    row = view.selected()
    assert row is not None
    assert rules.CAF_REPORT not in {r.code for r in row.line.assessment.reminders}
    assert view.actions_model.data(view.actions_model.index(0, 1)) == "Signalement CAF"


def test_record_a_repayment_plan_spread_monthly(qtbot, qtmodeltester, screen) -> None:
    scene = screen.scene
    view = open_view(qtbot, screen, ScriptedDialogs())
    select_household(qtbot, view, "M-00001")
    click(qtbot, view.record_button)
    dialog = view.action_dialog
    assert isinstance(dialog, ArrearsActionDialog)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("repayment_plan"))
    assert dialog.instalments.isVisibleTo(dialog)
    set_date(dialog.date_edit, ON)

    # WHEN the total cannot be read THEN nothing is sent
    type_into(qtbot, dialog.amount_edit, "7,2,0")
    click(qtbot, dialog.save_button)
    assert dialog.field_errors["amount"].text() == "⚠ " + message(
        "contract_form.amount_invalid", value="7,2,0"
    )

    type_into(qtbot, dialog.amount_edit, "720")
    dialog.instalments.count_spin.setValue(7)
    set_date(dialog.instalments.first_edit, date(2026, 11, 15))
    click(qtbot, dialog.instalments.spread_button)
    assert len(dialog.instalments.rows) == 7
    assert dialog.instalments.rows[-1].amount_edit.text() == "102,90"
    saved(qtbot, dialog)

    [plan] = list_actions(scene.database, actor=scene.manager, contract_id=scene.contract)
    assert plan.amount == 72_000
    assert [i.amount for i in plan.instalments] == [10_285] * 6 + [10_290]
    assert plan.instalments[-1].due_on == date(2027, 5, 15)
    qtbot.waitUntil(lambda: view.actions_model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(view.actions_model)


def pdf_text(path: Path) -> str:
    """The PDF's text, spaces of any kind collapsed to one."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def test_a_letter_written_opened_and_its_delivery_recorded(qtbot, screen) -> None:
    scene = screen.scene
    dialogs = ScriptedDialogs()
    view = open_view(qtbot, screen, dialogs)
    select_household(qtbot, view, "M-00001")

    click(qtbot, view.letter_button)
    dialog = view.letter_dialog
    assert isinstance(dialog, LetterDialog)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("formal_notice"))
    assert dialog.deadline_edit.isEnabled()
    assert not dialog.pay_by_edit.isEnabled()
    set_date(dialog.date_edit, ON)
    set_date(dialog.deadline_edit, date(2026, 11, 5))
    saved(qtbot, dialog)

    # THEN the PDF is opened, and kept in the household's documents
    qtbot.waitUntil(lambda: len(dialogs.opened) == 1, timeout=TIMEOUT)
    text = pdf_text(dialogs.opened[0])
    assert "Mise en demeure" in text
    assert "720,00 €" in text
    assert "avant le 05/11/2026" in text
    [document] = list_documents(scene.database, actor=SYSTEM_ACTOR, household_id=scene.household)
    assert document.title == "Mise en demeure du 20/10/2026"

    # WHEN the step is selected THEN its letter opens again from the database
    qtbot.waitUntil(lambda: view.actions_model.rowCount() == 1, timeout=TIMEOUT)
    view.actions_table.selectRow(0)
    click(qtbot, view.open_letter_button)
    qtbot.waitUntil(lambda: len(dialogs.opened) == 2, timeout=TIMEOUT)
    assert dialogs.opened[1].read_bytes() == dialogs.opened[0].read_bytes()

    # WHEN the proof of delivery comes back THEN its date is recorded
    click(qtbot, view.delivery_button)
    delivery = view.delivery_dialog
    assert isinstance(delivery, DeliveryDialog)
    qtbot.addWidget(delivery)
    set_date(delivery.delivered_edit.date_edit, date(2026, 10, 23))
    saved(qtbot, delivery)
    [notice] = list_actions(scene.database, actor=scene.manager, contract_id=scene.contract)
    assert (notice.kind, notice.delivered_on) == ("formal_notice", date(2026, 10, 23))


def test_a_letter_refused_keeps_the_dialog_open(qtbot, screen) -> None:
    view = open_view(qtbot, screen, ScriptedDialogs())
    select_household(qtbot, view, "M-00001")
    click(qtbot, view.letter_button)
    dialog = view.letter_dialog
    assert isinstance(dialog, LetterDialog)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("mandataire"))
    set_date(dialog.date_edit, ON)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: bool(dialog.field_errors["kind"].text()), timeout=TIMEOUT)
    assert "mandataire" in dialog.field_errors["kind"].text()
    assert dialog.isVisible()
    assert (
        list_actions(screen.scene.database, actor=SYSTEM_ACTOR, contract_id=screen.scene.contract)
        == []
    )


def test_a_social_worker_sees_levels_not_amounts(qtbot, screen) -> None:
    view = open_view(qtbot, screen, ScriptedDialogs(), actor=screen.scene.worker)
    assert shown(view, LEVEL_CODE) == ["ccapex", "first_default"]
    assert shown(view, DEBT) == ["", ""]
    assert view.table.isColumnHidden(DEBT)
    assert view.table.isColumnHidden(HOUSING_DEBT)
    assert not view.export_button.isVisible()
    assert not view.letter_button.isVisible()
    assert view.record_button.isVisible()


def test_the_months_charges_and_closing_from_the_screen(qtbot, screen) -> None:
    from desktop_app.services.ledger import closed_months

    dialogs = ScriptedDialogs(confirmations=[False, True])
    view = open_view(qtbot, screen, dialogs)
    bar = view.month_work
    assert not bar.generate_button.isHidden()
    assert not bar.close_button.isHidden()
    bar.month_edit.setDate(QDate.currentDate().addMonths(1))  # next month: still allowed
    qtbot.mouseClick(bar.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialogs.calls) == 1, timeout=TIMEOUT)
    kind, title, text = dialogs.calls[0]
    assert (kind, title) == ("inform", "Échéances du mois")
    created = int(re.search(r"(\d+) écriture", text).group(1))
    assert created > 0
    qtbot.mouseClick(bar.generate_button, Qt.MouseButton.LeftButton)  # nothing twice
    qtbot.waitUntil(lambda: len(dialogs.calls) == 2, timeout=TIMEOUT)
    assert " 0 écriture(s) créée(s)" in dialogs.calls[1][2]

    bar.month_edit.setDate(QDate(2026, 9, 1))
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)  # answered « no »
    assert dialogs.calls[2][0] == "confirm"
    assert closed_months(screen.scene.workspace.database, actor=SYSTEM_ACTOR) == []
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialogs.calls) == 5, timeout=TIMEOUT)
    assert dialogs.calls[4] == ("inform", "Clôturer le mois", "09/2026 est clôturé.")
    [closing] = closed_months(screen.scene.workspace.database, actor=SYSTEM_ACTOR)
    assert closing.month == date(2026, 9, 1)
    qtbot.mouseClick(bar.generate_button, Qt.MouseButton.LeftButton)  # a closed month: refused
    qtbot.waitUntil(lambda: len(dialogs.calls) == 6, timeout=TIMEOUT)
    assert dialogs.calls[5][0] == "warn"


def test_a_social_worker_has_no_months_work(qtbot, screen) -> None:
    from desktop_app.domain.permissions import Grant

    worker = Actor(user_id=None, login="sw", grants=(Grant("social_worker"),))
    view = open_view(qtbot, screen, ScriptedDialogs(), actor=worker)
    assert view.month_work.isHidden()
