"""The « Bordereau CAF » screen, driven through the GUI and read back through the services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from sqlalchemy import Connection, func, insert, select

from desktop_app.domain.periods import add_months
from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import benefit_batches as svc
from desktop_app.services import contracts, ledger
from desktop_app.services.benefit_batches import BatchLineInput
from desktop_app.services.contracts import RateInput
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.benefit_batch import (
    AddLineDialog,
    BatchLinesTableModel,
    BenefitBatchView,
    MonthsDialog,
    month_text,
)
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton
NOW = datetime(2026, 1, 1, tzinfo=UTC)
TODAY = date.today()
MONTH = add_months(TODAY.replace(day=1), -1)  # the month the screen proposes
BEFORE = add_months(MONTH, -1)
START = add_months(MONTH, -2)
TIERS = RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True)
COL = BatchLinesTableModel


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    workspace: Workspace  # acting as a rental manager
    tasks: TaskRunner
    contracts: dict[str, int]

    def batches(self) -> list[svc.BatchInfo]:
        ws = self.workspace
        return svc.list_batches(ws.database, actor=ws.actor)

    def detail(self, batch_id: int) -> svc.BatchDetail:
        ws = self.workspace
        return svc.batch_detail(ws.database, actor=ws.actor, batch_id=batch_id)


@pytest.fixture
def scene(qapp, database_target: DatabaseTarget) -> Iterator[Scene]:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)
    db = workspace.database
    heads = {"IML-1": "Martin Anne", "IML-2": "Durand Paul", "IML-3": "Petit Léa",
             "IML-4": "Blanc Luc"}  # fmt: skip
    households: dict[str, int] = {}
    dwellings: dict[str, int] = {}
    with db.begin_write() as c:
        user = add(c, m.UserAccount, login="gl", display_name="Gestion", created_at=NOW)
        programme = add(c, m.Programme, name="IML", kind="iml_sublease")
        for number, (reference, head) in enumerate(heads.items(), start=1):
            dwellings[reference] = add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue du Test",
                commune="Lyon",
                programme_id=programme,
                captured_on=date(2020, 1, 1),
            )
            households[reference] = add(c, m.Household, reference=f"M-{number:02d}")
            last, first = head.split()
            person = add(c, m.Person, last_name=last, first_name=first, benefit_agency="caf")
            add(
                c,
                m.Membership,
                household_id=households[reference],
                person_id=person,
                role="head",
                joined_on=date(2020, 1, 1),
            )
    made = {
        reference: contracts.create_contract(
            db,
            actor=SYSTEM_ACTOR,
            household_id=households[reference],
            dwelling_id=dwellings[reference],
            kind="sublease",
            start=START,
            rate=TIERS,
        ).contract_id
        for reference in heads
    }
    # IML-3's month was received already; IML-4 left before the month (an indu may follow)
    ledger.post_entry(
        db,
        actor=SYSTEM_ACTOR,
        contract_id=made["IML-3"],
        kind="housing_benefit",
        amount=26_000,
        posted_on=TODAY,
        period_month=MONTH,
    )
    contracts.end_contract(
        db,
        actor=SYSTEM_ACTOR,
        contract_id=made["IML-4"],
        end=MONTH - timedelta(days=1),
        reason="Départ",
    )
    actor = Actor(user_id=user, login="gl", grants=(Grant("rental_manager"),))
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Scene(replace(workspace, actor=actor), tasks, made)
    tasks.shutdown()
    workspace.close()


def open_view(qtbot, scene: Scene, dialogs: ScriptedDialogs, actor: Actor | None = None):
    workspace = scene.workspace if actor is None else replace(scene.workspace, actor=actor)
    view = BenefitBatchView(workspace, tasks=scene.tasks, dialogs=dialogs)
    qtbot.addWidget(view)
    view.show()
    return view


def cell(view: BenefitBatchView, row: int, column: int) -> str:
    model = view.lines_model
    return str(model.data(model.index(row, column)))


def households(view: BenefitBatchView) -> list[str]:
    return [cell(view, row, COL.HOUSEHOLD) for row in range(view.lines_model.rowCount())]


def type_amount(qtbot, view: BenefitBatchView, row: int, text: str) -> None:
    """Edit the amount of a line in the table, as a person does (editor, typing, Enter)."""
    index = view.lines_model.index(row, COL.AMOUNT)
    view.lines_table.setCurrentIndex(index)
    view.lines_table.edit(index)
    [editor] = [e for e in view.lines_table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell(view, row, COL.AMOUNT) == text, timeout=TIMEOUT)


def click_ok(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def split(qtbot, view: BenefitBatchView, row: int, month) -> None:
    """Tick one more month for a line in the « Several months… » chooser."""
    view.lines_table.selectRow(row)
    qtbot.mouseClick(view.months_button, LEFT)
    chooser = view.months_dialog
    assert isinstance(chooser, MonthsDialog)
    item = chooser.item_for(month)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
    click_ok(qtbot, chooser)


def test_prefill_correct_split_add_an_indu_and_save(qtbot, qtmodeltester, scene):
    dialogs = ScriptedDialogs()
    view = open_view(qtbot, scene, dialogs)

    # GIVEN the month prefilled with every tiers-payant household of the CAF
    qtbot.waitUntil(lambda: view.lines_model.rowCount() == 3, timeout=TIMEOUT)
    qtmodeltester.check(view.lines_model)
    assert households(view) == ["M-01", "M-02", "M-03"]
    assert cell(view, 0, COL.HEAD) == "Martin Anne"
    assert cell(view, 0, COL.EXPECTED) == "260,00\u00a0€"
    assert cell(view, 0, COL.AMOUNT) == "260,00"
    assert cell(view, 0, COL.MONTHS) == month_text(MONTH)
    assert cell(view, 2, COL.RECEIVED) == "260,00\u00a0€"  # already received: not ticked
    model = view.lines_model
    assert model.data(model.index(2, COL.HOUSEHOLD), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    assert "3 ménage(s)" in view.status_label.text()

    # WHEN an amount is corrected, a line spread over two months and an indu added
    type_amount(qtbot, view, 0, "250,50")
    split(qtbot, view, 1, BEFORE)
    assert cell(view, 1, COL.MONTHS) == f"{month_text(BEFORE)}, {month_text(MONTH)}"
    qtbot.mouseClick(view.add_button, LEFT)
    adding = view.add_dialog
    assert isinstance(adding, AddLineDialog)
    combo = adding.household_combo
    combo.setCurrentIndex(combo.findText("M-04", Qt.MatchFlag.MatchStartsWith))
    qtbot.keyClicks(adding.amount_edit, "-50")
    adding.month_edit.setDate(adding.month_edit.date().addMonths(-1))
    click_ok(qtbot, adding)
    qtbot.waitUntil(lambda: view.lines_model.rowCount() == 4, timeout=TIMEOUT)
    qtmodeltester.check(view.lines_model)
    assert cell(view, 3, COL.AMOUNT) == "-50"
    assert cell(view, 3, COL.MONTHS) == month_text(BEFORE)

    # the total follows, compared with the transfer typed
    qtbot.keyClicks(view.reference_edit, "VIR CAF 1234")
    qtbot.keyClicks(view.transfer_edit, "460,50")
    assert "total 460,50\u00a0€" in view.total_label.text()
    assert "Le total correspond au virement." in view.total_label.text()

    # THEN saving records one bordereau, read back from the database
    with qtbot.waitSignal(view.saved, timeout=TIMEOUT):
        qtbot.mouseClick(view.save_button, LEFT)
    assert not [call for call in dialogs.calls if call[0] in ("confirm", "warn")]
    [batch] = scene.batches()
    assert (batch.total, batch.transfer_reference, batch.entries) == (46_050, "VIR CAF 1234", 4)
    detail = scene.detail(batch.batch_id)
    assert [(e.household_reference, e.period_month, e.amount) for e in detail.entries] == [
        ("M-01", MONTH, 25_050),
        ("M-02", BEFORE, 13_000),
        ("M-02", MONTH, 13_000),
        ("M-04", BEFORE, -5_000),
    ]
    # the list below shows it, its entries too; the month is prefilled again, now received
    qtbot.waitUntil(lambda: view.batches_model.rowCount() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: view.entries_model.rowCount() == 4, timeout=TIMEOUT)
    qtmodeltester.check(view.batches_model)
    qtmodeltester.check(view.entries_model)
    qtbot.waitUntil(lambda: cell(view, 0, COL.RECEIVED) == "250,50\u00a0€", timeout=TIMEOUT)
    assert view.reference_edit.text() == ""
    assert "Bordereau enregistré : 4 écriture(s)" in view.status_label.text()


def test_refusals_are_shown_on_their_lines_and_fields_and_typing_is_kept(
    qtbot, qtmodeltester, scene
):
    ws = scene.workspace
    svc.record_batch(
        ws.database,
        actor=ws.actor,
        agency="caf",
        received_on=TODAY,
        transfer_reference="VIR-1",
        lines=[BatchLineInput(scene.contracts["IML-1"], 26_000, (BEFORE,))],
    )
    dialogs = ScriptedDialogs(confirmations=[True])
    view = open_view(qtbot, scene, dialogs)
    qtbot.waitUntil(lambda: view.lines_model.rowCount() == 3, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: view.batches_model.rowCount() == 1, timeout=TIMEOUT)

    # an unreadable amount is pointed at at once, and nothing is sent
    type_amount(qtbot, view, 1, "abc")
    assert cell(view, 1, COL.PROBLEMS).startswith("Montant illisible : « abc »")
    qtbot.mouseClick(view.save_button, LEFT)
    assert "Corrigez les montants" in view.error_label.text()
    type_amount(qtbot, view, 1, "260")
    assert cell(view, 1, COL.PROBLEMS) == ""

    # a month before the contract and a transfer already recorded are refused by the service
    split(qtbot, view, 0, add_months(START, -1))
    qtbot.keyClicks(view.reference_edit, "vir-1")
    qtbot.keyClicks(view.transfer_edit, "1 000")
    assert "écart 480,00\u00a0€" in view.total_label.text()
    qtbot.mouseClick(view.save_button, LEFT)
    qtbot.waitUntil(lambda: view.field_errors["transfer_reference"].text() != "", timeout=TIMEOUT)
    assert dialogs.calls[0][0] == "confirm"  # the difference was asked about first
    assert "déjà enregistré" in view.field_errors["transfer_reference"].text()
    assert "précède le début du contrat" in cell(view, 0, COL.PROBLEMS)
    assert "voir la colonne « Problèmes »" in view.error_label.text()
    assert any("précède le début du contrat" in text for text in view.problems())
    qtmodeltester.check(view.lines_model)
    # what was typed is kept, nothing was written
    assert view.reference_edit.text() == "vir-1"
    assert cell(view, 1, COL.AMOUNT) == "260"
    assert len(scene.batches()) == 1
    count = ws.database.run_read(
        lambda s: s.scalar(select(func.count()).select_from(m.BenefitBatch))
    )
    assert count == 1


def test_the_months_chooser_needs_a_month_and_added_lines_can_be_removed(qtbot, scene):
    view = open_view(qtbot, scene, ScriptedDialogs())
    qtbot.waitUntil(lambda: view.lines_model.rowCount() == 3, timeout=TIMEOUT)
    view.lines_table.selectRow(0)
    qtbot.mouseClick(view.months_button, LEFT)
    chooser = view.months_dialog
    chooser.item_for(MONTH).setCheckState(Qt.CheckState.Unchecked)
    click_ok(qtbot, chooser)
    assert chooser.isVisible()
    assert "Indiquez le ou les mois" in chooser.error_label.text()
    chooser.reject()
    assert cell(view, 0, COL.MONTHS) == month_text(MONTH)

    qtbot.mouseClick(view.add_button, LEFT)
    adding = view.add_dialog
    click_ok(qtbot, adding)  # no amount
    assert adding.isVisible()
    assert adding.amount_error.text() == "⚠ Indiquez le montant."
    qtbot.keyClicks(adding.amount_edit, "12,5")
    click_ok(qtbot, adding)
    qtbot.waitUntil(lambda: view.lines_model.rowCount() == 4, timeout=TIMEOUT)
    assert view.remove_button.isEnabled()
    qtbot.mouseClick(view.remove_button, LEFT)
    assert view.lines_model.rowCount() == 3
    view.lines_table.selectRow(0)
    assert not view.remove_button.isEnabled()  # prefilled lines are unticked, not removed


def test_a_coordinator_reads_the_bordereaux_only(qtbot, scene):
    ws = scene.workspace
    svc.record_batch(
        ws.database,
        actor=ws.actor,
        agency="caf",
        received_on=TODAY,
        transfer_reference="VIR-2",
        lines=[BatchLineInput(scene.contracts["IML-1"], 26_000, (MONTH,))],
    )
    coordinator = Actor(user_id=None, login="coord", grants=(Grant("coordinator"),))
    assert BenefitBatchView.available(coordinator)
    assert not BenefitBatchView.available(Actor(None, "sw", (Grant("social_worker"),)))
    dialogs = ScriptedDialogs()
    view = open_view(qtbot, scene, dialogs, actor=coordinator)
    qtbot.waitUntil(lambda: view.batches_model.rowCount() == 1, timeout=TIMEOUT)
    assert view.preparation.isHidden()
    view.batches_table.selectRow(0)
    qtbot.waitUntil(lambda: view.entries_model.rowCount() == 1, timeout=TIMEOUT)
    assert view.entries_model.data(view.entries_model.index(0, 4)) == "260,00\u00a0€"
    assert dialogs.calls == []


def test_changing_the_month_asks_before_dropping_the_lines_typed(qtbot, scene):
    dialogs = ScriptedDialogs(confirmations=[False, True])
    view = open_view(qtbot, scene, dialogs)
    qtbot.waitUntil(lambda: view.lines_model.rowCount() == 3, timeout=TIMEOUT)
    type_amount(qtbot, view, 0, "1,00")
    # WHEN the agency changes and the user keeps the lines: the choice shown comes back
    view.agency_combo.setCurrentIndex(view.agency_combo.findData("msa"))
    assert dialogs.calls[-1][0] == "confirm"
    assert view.agency() == "caf"
    assert cell(view, 0, COL.AMOUNT) == "1,00"
    # WHEN the month changes and the user accepts: the other month is proposed
    view.month_edit.setDate(view.month_edit.date().addMonths(-1))
    qtbot.waitUntil(lambda: cell(view, 0, COL.AMOUNT) == "260,00", timeout=TIMEOUT)
    assert cell(view, 0, COL.MONTHS) == month_text(BEFORE)
    assert len(dialogs.calls) == 2
