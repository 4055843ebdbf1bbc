"""The « Logement & contrat » tab and every contract dialog, driven through the GUI.

Each save is typed and clicked in a dialog, then read back from the database through
`contract_file`; refusals must show the service's French text in the dialog and keep what was
typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import Connection, insert

from desktop_app.domain.messages import message
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.domain.sliding import REVIEW, Reminder
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.contracts import (
    ContractInfo,
    RateInfo,
    RateInput,
    ReviewCriteria,
    contract_file,
    create_contract,
)
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.stays import open_stay
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.contract import (
    BenefitStatusDialog,
    CaleolDialog,
    ContractDialog,
    ConventionDialog,
    EndContractDialog,
    FailureDialog,
    NewContractDialog,
    PlanGlissementDialog,
    RateDialog,
    RenewalDialog,
    ReviewDialog,
    TerminateDialog,
    TransferDialog,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_tabs.contracts import ContractsTab
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
TODAY = date.today()
START = date(2025, 3, 3)
RATE = RateInput(rent=45_000, charges=5_000, expected_benefit=20_000)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    workspace: Workspace
    tasks: TaskRunner
    household_id: int
    programmes: dict[str, int]
    dwellings: dict[str, int]

    def stay(self, programme: str) -> int:
        """The household enters ``programme`` on START."""
        return open_stay(
            self.workspace.database,
            actor=SYSTEM_ACTOR,
            household_id=self.household_id,
            programme_id=self.programmes[programme],
            entry=START,
            today=TODAY,
        ).stay_id

    def contract(self, dwelling: str, kind: str, rate: RateInput = RATE) -> ContractInfo:
        return create_contract(
            self.workspace.database,
            actor=SYSTEM_ACTOR,
            household_id=self.household_id,
            dwelling_id=self.dwellings[dwelling],
            kind=kind,
            start=START,
            rate=rate,
        )

    def contracts(self) -> list[ContractInfo]:
        """The household's contracts as the database holds them, newest first."""
        return contract_file(
            self.workspace.database, actor=SYSTEM_ACTOR, household_id=self.household_id
        )


@pytest.fixture
def scene(qapp, database_target: DatabaseTarget) -> Iterator[Scene]:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)
    db = workspace.database
    with db.begin_write() as c:
        programmes = {
            "IML": add(c, m.Programme, name="IML Lyon", kind="iml_sublease"),
            "BG": add(c, m.Programme, name="Bail glissant Rhône", kind="sliding_lease"),
        }
        landlord = add(c, m.Landlord, name="Rhône Habitat Solidaire", kind="social")
        dwellings = {
            reference: add(
                c,
                m.Dwelling,
                reference=reference,
                address=f"{number} rue Paul Bert",
                commune="Lyon",
                programme_id=programmes[programme],
                landlord_id=landlord,
                captured_on=date(2024, 12, 1),
            )
            for number, (reference, programme) in enumerate(
                (("IML-1", "IML"), ("IML-2", "IML"), ("BG-7", "BG")), start=1
            )
        }
        add(
            c,
            m.MainLease,
            dwelling_id=dwellings["BG-7"],
            landlord_id=landlord,
            start_date=date(2024, 12, 1),
            rent=48_000,
            charges=5_000,
            has_sliding_clause=True,
        )
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=START,
        members=[MemberInput("Haddad", "Leïla", date(1990, 5, 2), "f", "head")],
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Scene(workspace, tasks, created.household_id, programmes, dwellings)
    tasks.shutdown()
    workspace.close()


def open_tab(
    qtbot, scene: Scene, dialogs: ScriptedDialogs | None = None, actor: Actor | None = None
) -> ContractsTab:
    workspace = replace(scene.workspace, actor=actor) if actor else scene.workspace
    tab = ContractsTab(
        workspace, scene.household_id, tasks=scene.tasks, dialogs=dialogs or ScriptedDialogs()
    )
    qtbot.addWidget(tab)
    tab.show()
    tab.load()
    return tab


def wait_rows(qtbot, tab: ContractsTab, count: int) -> None:
    qtbot.waitUntil(lambda: tab.contracts_model.rowCount() == count, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.selected_contract() is not None, timeout=TIMEOUT)


def click(qtbot, button) -> None:
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def opened(qtbot, tab: ContractsTab, kind: type[ContractDialog]) -> Any:
    qtbot.waitUntil(lambda: isinstance(tab.contract_dialog, kind), timeout=TIMEOUT)
    dialog = tab.contract_dialog
    qtbot.addWidget(dialog)
    return dialog


def type_text(qtbot, edit: QLineEdit, text: str) -> None:
    """Type on the keyboard; accented letters as key events (QTest takes ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(edit, event)


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def save(qtbot, tab: ContractsTab, dialog: ContractDialog) -> None:
    """Click Save and wait for the tab to announce the change."""
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)


def cell(tab: ContractsTab, row: int, column: int) -> str:
    model = tab.contracts_model
    return str(model.data(model.index(row, column)))


def test_contract_created_through_the_gui_after_two_refusals(qtbot, scene: Scene) -> None:
    stay_id = scene.stay("IML")
    tab = open_tab(qtbot, scene)
    click(qtbot, tab.new_contract_button)
    dialog = opened(qtbot, tab, NewContractDialog)
    dialog.dwelling_combo.setCurrentIndex(dialog.dwelling_combo.findData(scene.dwellings["IML-1"]))
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("lease_mandate"))
    dialog.start_edit.setDate(QDate(2025, 3, 3))
    type_text(qtbot, dialog.amount_edits["rent"], "12,3,4")
    type_text(qtbot, dialog.amount_edits["charges"], "60")

    # WHEN the rent cannot be read THEN the dialog says so under it, and nothing is sent.
    click(qtbot, dialog.save_button)
    assert dialog.field_errors["rent"].text() == "⚠ " + message(
        "contract_form.amount_invalid", value="12,3,4"
    )
    assert dialog.isVisible()
    assert scene.contracts() == []

    # WHEN the service refuses the kind THEN its French text is under the kind, typing kept.
    retype(qtbot, dialog.amount_edits["rent"], "1 234,56")
    click(qtbot, dialog.save_button)
    refusal = message(
        "contract.kind_not_allowed",
        kind="Bail (loi 1989) – mandat de gestion",
        programme="IML Lyon",
    )
    qtbot.waitUntil(lambda: refusal in dialog.field_errors["kind"].text(), timeout=TIMEOUT)
    assert dialog.field_errors["rent"].text() == ""
    assert dialog.amount_edits["rent"].text() == "1 234,56"
    assert dialog.amount_edits["charges"].text() == "60"
    assert dialog.save_button.isEnabled()
    assert scene.contracts() == []

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("sublease"))
    type_text(qtbot, dialog.amount_edits["expected_benefit"], "310")
    dialog.tiers_payant_box.setChecked(True)
    dialog.due_day_spin.setValue(10)
    dialog.renewal_edit.known_check.setChecked(True)
    dialog.renewal_edit.date_edit.setDate(QDate(2026, 3, 2))
    save(qtbot, tab, dialog)

    wait_rows(qtbot, tab, 1)
    [contract] = scene.contracts()
    assert (contract.kind, contract.dwelling_reference, contract.start) == (
        "sublease",
        "IML-1",
        START,
    )
    assert (contract.state, contract.renewal_date, contract.stay_id) == (
        "active",
        date(2026, 3, 2),
        stay_id,
    )
    assert contract.rates == (RateInfo(START, 123_456, 6_000, 0, 0, 31_000, True, 10),)
    assert [s.status for s in contract.benefit_statuses] == ["paid"]
    assert [cell(tab, 0, column) for column in (0, 1, 3)] == ["Sous-location", "IML-1", "En cours"]
    assert tab.rates_model.data(tab.rates_model.index(0, 1)) == "1\u202f234,56\u00a0€"


def test_rate_benefit_status_and_renewal(qtbot, scene: Scene) -> None:
    scene.stay("IML")
    scene.contract("IML-1", "sublease")
    tab = open_tab(qtbot, scene)
    wait_rows(qtbot, tab, 1)
    for button in (tab.review_button, tab.caleol_button, tab.extend_button, tab.failure_button):
        assert not button.isEnabled()  # not a sliding sublease
    assert tab.glissement_button.isHidden()
    assert tab.end_button.isEnabled()  # a departure, with its reason

    # A new rate, first refused (before the start), then saved from a later date.
    click(qtbot, tab.rate_button)
    rate = opened(qtbot, tab, RateDialog)
    assert rate.amount_edits["rent"].text() == "450,00"  # prefilled with the rate in force
    rate.valid_from_edit.setDate(QDate(2025, 1, 1))
    retype(qtbot, rate.amount_edits["rent"], "470,50")
    click(qtbot, rate.save_button)
    before = message("rate.before_start", start="03/03/2025")
    qtbot.waitUntil(lambda: before in rate.field_errors["valid_from"].text(), timeout=TIMEOUT)
    assert rate.amount_edits["rent"].text() == "470,50"
    rate.valid_from_edit.setDate(QDate(2026, 1, 1))
    save(qtbot, tab, rate)
    [contract] = scene.contracts()
    assert contract.rates[-1] == RateInfo(date(2026, 1, 1), 47_050, 5_000, 0, 0, 20_000, False, 5)
    qtbot.waitUntil(lambda: tab.rates_model.rowCount() == 2, timeout=TIMEOUT)
    assert tab.rates_model.data(tab.rates_model.index(0, 0)) == "01/01/2026"  # newest first

    click(qtbot, tab.benefit_button)
    benefit = opened(qtbot, tab, BenefitStatusDialog)
    benefit.valid_from_edit.setDate(QDate(2026, 2, 1))
    benefit.status_combo.setCurrentIndex(benefit.status_combo.findData("suspended"))
    save(qtbot, tab, benefit)
    [contract] = scene.contracts()
    assert [(s.valid_from, s.status) for s in contract.benefit_statuses] == [
        (date(2026, 2, 1), "suspended")
    ]

    click(qtbot, tab.renewal_button)
    renewal = opened(qtbot, tab, RenewalDialog)
    assert renewal.renewal_edit.value() is None
    renewal.renewal_edit.known_check.setChecked(True)
    renewal.renewal_edit.date_edit.setDate(QDate(2027, 3, 2))
    save(qtbot, tab, renewal)
    assert scene.contracts()[0].renewal_date == date(2027, 3, 2)
    qtbot.waitUntil(lambda: "02/03/2027" in tab.summary_label.text(), timeout=TIMEOUT)


def test_termination_then_end(qtbot, scene: Scene) -> None:
    scene.stay("IML")
    scene.contract("IML-1", "sublease")
    dialogs = ScriptedDialogs(confirmations=[False, True, True])
    tab = open_tab(qtbot, scene, dialogs)
    wait_rows(qtbot, tab, 1)
    # The termination is confirmed first: a « no » writes nothing and keeps the dialog.
    click(qtbot, tab.terminate_button)
    ending = opened(qtbot, tab, TerminateDialog)
    ending.on_edit.setDate(QDate(2026, 5, 31))
    type_text(qtbot, ending.reason_edit, "Impayés persistants")
    click(qtbot, ending.save_button)
    assert dialogs.calls[-1][0] == "confirm"
    assert ending.isVisible()
    assert scene.contracts()[0].state == "active"
    save(qtbot, tab, ending)
    [contract] = scene.contracts()
    assert (contract.state, contract.terminated_on, contract.end_reason, contract.end) == (
        "terminated_occupant",
        date(2026, 5, 31),
        "Impayés persistants",
        None,
    )
    qtbot.waitUntil(lambda: cell(tab, 0, 3) == "Résilié – occupant sans titre", timeout=TIMEOUT)
    assert "Résilié – occupant sans titre" in tab.summary_label.text()
    assert "31/05/2026" in tab.summary_label.text()
    assert not tab.terminate_button.isEnabled()
    assert not tab.renewal_button.isEnabled()

    # The departure ends it; an empty reason keeps the termination's.
    click(qtbot, tab.end_button)
    leave = opened(qtbot, tab, EndContractDialog)
    leave.end_edit.setDate(QDate(2026, 6, 30))
    save(qtbot, tab, leave)
    kind, _title, text = dialogs.calls[-1]
    assert kind == "confirm"
    assert "recalculées au prorata des jours occupés" in text  # the months charged beyond
    [contract] = scene.contracts()
    assert (contract.state, contract.end, contract.end_reason) == (
        "ended",
        date(2026, 6, 30),
        "Impayés persistants",
    )
    qtbot.waitUntil(lambda: cell(tab, 0, 3) == "Terminé", timeout=TIMEOUT)
    assert cell(tab, 0, 2) == "03/03/2025 → 30/06/2026"
    assert not tab.end_button.isEnabled()
    assert not tab.transfer_button.isEnabled()


def test_sliding_plan_review_caleol_and_planned_date(  # noqa: PLR0915 - one plan, in order
    qtbot, qtmodeltester, scene: Scene
) -> None:
    scene.stay("BG")
    scene.contract("BG-7", "sliding_sublease", replace(RATE, tiers_payant=True))
    tab = open_tab(qtbot, scene)
    wait_rows(qtbot, tab, 1)
    assert not tab.glissement_button.isHidden()
    assert not tab.end_button.isEnabled()  # the plan's outcome comes first

    click(qtbot, tab.review_button)
    review = opened(qtbot, tab, ReviewDialog)
    review.review_date_edit.setDate(QDate(2025, 1, 15))
    type_text(qtbot, review.participants_edit, "Mme Haddad, RHS, Sami")
    review.rent_combo.setCurrentIndex(1)  # yes
    review.peaceful_combo.setCurrentIndex(1)  # yes
    review.obligations_combo.setCurrentIndex(2)  # no
    review.opinion_combo.setCurrentIndex(review.opinion_combo.findData("extend"))
    click(qtbot, review.save_button)
    early = message("sliding.review_before_start", start="03/03/2025")
    qtbot.waitUntil(lambda: early in review.field_errors["review_date"].text(), timeout=TIMEOUT)
    assert early in "\n".join(review.problems())
    assert review.participants_edit.text() == "Mme Haddad, RHS, Sami"
    review.review_date_edit.setDate(QDate(2025, 9, 1))
    save(qtbot, tab, review)
    [held] = scene.contracts()[0].plan.reviews
    assert (held.review_date, held.participants, held.opinion) == (
        date(2025, 9, 1),
        "Mme Haddad, RHS, Sami",
        "extend",
    )
    assert held.criteria == ReviewCriteria(True, True, False, None)
    qtbot.waitUntil(lambda: tab.reviews_model.rowCount() == 1, timeout=TIMEOUT)
    assert [tab.reviews_model.data(tab.reviews_model.index(0, c)) for c in (4, 5, 6)] == [
        tab.tr("No"),
        "—",
        "Prolongation de la sous-location",
    ]

    click(qtbot, tab.convention_button)
    convention = opened(qtbot, tab, ConventionDialog)
    convention.signed_edit.known_check.setChecked(True)
    convention.signed_edit.date_edit.setDate(QDate(2025, 2, 20))
    save(qtbot, tab, convention)
    assert scene.contracts()[0].plan.convention_signed_on == date(2025, 2, 20)
    qtbot.waitUntil(lambda: "20/02/2025" in tab.plan_label.text(), timeout=TIMEOUT)

    click(qtbot, tab.caleol_button)
    caleol = opened(qtbot, tab, CaleolDialog)
    caleol.caleol_edit.known_check.setChecked(True)
    caleol.caleol_edit.date_edit.setDate(QDate(2026, 10, 15))
    type_text(qtbot, caleol.decision_edit, "Attribution validée")
    save(qtbot, tab, caleol)
    plan = scene.contracts()[0].plan
    assert (plan.caleol_date, plan.caleol_decision) == (date(2026, 10, 15), "Attribution validée")

    click(qtbot, tab.plan_button)
    planning = opened(qtbot, tab, PlanGlissementDialog)
    assert "03/03/2027" in planning.intro_label.text()  # the deadline, start + 24 months
    planning.planned_edit.known_check.setChecked(True)
    planning.planned_edit.date_edit.setDate(QDate(2027, 3, 1))
    save(qtbot, tab, planning)
    plan = scene.contracts()[0].plan
    assert plan.planned_on == date(2027, 3, 1)
    qtbot.waitUntil(lambda: "01/03/2027" in tab.plan_label.text(), timeout=TIMEOUT)
    assert "15/10/2026 — Attribution validée" in tab.plan_label.text()
    review_due = message(REVIEW, due="03/03/2026").rstrip(".")
    assert any(
        review_due in tab.reminders_list.item(i).text() for i in range(tab.reminders_list.count())
    )
    assert [tab.reminders_list.item(i).text() for i in range(tab.reminders_list.count())] == [
        tab.reminder_text(reminder, TODAY) for reminder in plan.reminders
    ]
    for model in (tab.contracts_model, tab.rates_model, tab.benefit_model, tab.reviews_model):
        assert model.rowCount() >= 1
        qtmodeltester.check(model)


def test_sliding_plan_extension_then_failure(qtbot, scene: Scene) -> None:
    scene.stay("BG")
    scene.contract("BG-7", "sliding_sublease")
    dialogs = ScriptedDialogs(confirmations=[True, True])
    tab = open_tab(qtbot, scene, dialogs)
    wait_rows(qtbot, tab, 1)
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        click(qtbot, tab.extend_button)
    assert scene.contracts()[0].plan.outcome == "extended"
    qtbot.waitUntil(lambda: cell(tab, 0, 4) == "Prolongé", timeout=TIMEOUT)
    assert not tab.extend_button.isEnabled()

    click(qtbot, tab.failure_button)
    failure = opened(qtbot, tab, FailureDialog)
    assert failure.reason_combo.findData("internal_transfer") == -1  # has its own action
    failure.on_edit.setDate(QDate(2026, 11, 2))
    failure.reason_combo.setCurrentIndex(failure.reason_combo.findData("landlord_refuses"))
    save(qtbot, tab, failure)
    [contract] = scene.contracts()
    plan = contract.plan
    assert (plan.outcome, plan.failure_reason, plan.failed_on) == (
        "failed",
        "landlord_refuses",
        date(2026, 11, 2),
    )
    assert contract.state == "active"  # the sublease goes on until it is ended
    qtbot.waitUntil(lambda: cell(tab, 0, 4) == "Échec", timeout=TIMEOUT)
    assert "Refus du bailleur" in tab.plan_label.text()
    assert "02/11/2026" in tab.plan_label.text()
    assert tab.glissement_button.isHidden()
    assert tab.end_button.isEnabled()
    for button in (tab.review_button, tab.caleol_button, tab.plan_button, tab.failure_button):
        assert not button.isEnabled()
    assert [call[0] for call in dialogs.calls] == ["confirm", "confirm"]


def test_internal_transfer_to_another_dwelling(qtbot, scene: Scene) -> None:
    stay_id = scene.stay("IML")
    old = scene.contract("IML-1", "sublease")
    tab = open_tab(qtbot, scene, ScriptedDialogs(confirmations=[True]))
    wait_rows(qtbot, tab, 1)
    click(qtbot, tab.transfer_button)
    dialog = opened(qtbot, tab, TransferDialog)
    # Only the other dwellings of the programme are offered.
    assert [dialog.dwelling_combo.itemData(i) for i in range(dialog.dwelling_combo.count())] == [
        scene.dwellings["IML-2"]
    ]
    dialog.start_edit.setDate(QDate(2026, 9, 1))
    assert "31/08/2026" in dialog.intro_label.text()
    retype(qtbot, dialog.amount_edits["rent"], "480")
    save(qtbot, tab, dialog)

    wait_rows(qtbot, tab, 2)
    created, ended = scene.contracts()
    assert (ended.contract_id, ended.state, ended.end) == (
        old.contract_id,
        "ended",
        date(2026, 8, 31),
    )
    assert ended.end_reason == "Mutation interne"
    assert (created.dwelling_reference, created.start, created.state, created.kind) == (
        "IML-2",
        date(2026, 9, 1),
        "active",
        "sublease",
    )
    assert created.stay_id == ended.stay_id == stay_id
    assert created.rates[0].rent == 48_000
    assert created.rates[0].charges == 5_000  # prefilled from the rate in force
    qtbot.waitUntil(lambda: tab.selected_contract().contract_id == created.contract_id)
    assert [cell(tab, row, 3) for row in (0, 1)] == ["En cours", "Terminé"]


def test_glissement_through_the_tab(qtbot, scene: Scene) -> None:
    scene.stay("BG")
    scene.contract("BG-7", "sliding_sublease")
    tab = open_tab(qtbot, scene)
    qtbot.waitUntil(lambda: not tab.glissement_button.isHidden(), timeout=TIMEOUT)
    qtbot.mouseClick(tab.glissement_button, Qt.MouseButton.LeftButton)
    dialog = tab.glissement_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(QDate(2026, 11, 1))
    dialog.refunded_button.setChecked(True)
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.glissement_button.isHidden, timeout=TIMEOUT)
    [contract] = scene.contracts()
    assert (contract.state, contract.end) == ("ended", date(2026, 10, 31))
    assert (contract.plan.outcome, contract.plan.deposit) == ("slid", "refunded")
    qtbot.waitUntil(lambda: cell(tab, 0, 4) == "Bail glissé", timeout=TIMEOUT)
    assert cell(tab, 0, 3) == "Terminé"


def test_reader_without_contract_rights_sees_no_button(qtbot, scene: Scene) -> None:
    scene.stay("BG")
    scene.contract("BG-7", "sliding_sublease")
    intern = Actor(user_id=None, login="lou", grants=(Grant("intern"),))
    tab = open_tab(qtbot, scene, actor=intern)
    wait_rows(qtbot, tab, 1)
    assert tab.summary_label.text().startswith("Sous-location – bail glissant — ")
    for name in (
        "new_contract_button",
        "rate_button",
        "benefit_button",
        "renewal_button",
        "review_button",
        "convention_button",
        "caleol_button",
        "plan_button",
        "extend_button",
        "failure_button",
        "transfer_button",
        "terminate_button",
        "end_button",
        "glissement_button",
    ):
        assert getattr(tab, name).isHidden(), name


def test_reminders_are_marked_in_words(qtbot, scene: Scene) -> None:
    tab = open_tab(qtbot, scene)
    due = TODAY + timedelta(days=10)
    text = message(REVIEW, due=due.strftime("%d/%m/%Y")).rstrip(".")
    late = tab.reminder_text(Reminder(REVIEW, TODAY - timedelta(days=1), True), TODAY)
    soon = tab.reminder_text(Reminder(REVIEW, due, False), TODAY)
    later = tab.reminder_text(Reminder(REVIEW, TODAY + timedelta(days=90), False), TODAY)
    assert soon.startswith(f"⚠ {text} (")
    assert late.startswith("⚠ ")
    assert late.rsplit("(", 1)[1] != soon.rsplit("(", 1)[1]  # « overdue » is not « soon »
    assert not later.startswith("⚠")
    assert later == message(REVIEW, due=(TODAY + timedelta(days=90)).strftime("%d/%m/%Y"))
