"""The « Compte » tab and its posting dialogs, driven through the GUI, read back through services.

Each posting is typed and clicked in a dialog, then read back from the database through the
ledger's services; a refused amount stays in its dialog with the service's French text; the
issued PDFs are opened through the scripted `DialogProvider` and read back with pypdf.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import Connection, insert

from desktop_app.domain.ledger import month_start
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import add_months
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import ledger
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.documents import list_documents
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.contract import ContractDialog
from desktop_app.ui.dialogs.ledger import (
    MonthDocumentsDialog,
    OtherEntryDialog,
    PaymentDialog,
    ReversalDialog,
    StatementDialog,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_tabs.account import AccountTab
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
TODAY = date.today()
THIS_MONTH = month_start(TODAY)
START = add_months(THIS_MONTH, -2)
NOW = datetime(2026, 1, 1, tzinfo=UTC)
RATE = RateInput(rent=40_000, charges=4_000, expected_benefit=26_000, tiers_payant=True)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    workspace: Workspace  # acting as the rental manager
    tasks: TaskRunner
    household_id: int
    contract_id: int
    actors: dict[str, Actor]

    def lines(self) -> list[ledger.AccountLine]:
        """The contract's account since it started, as the database holds it."""
        ws = self.workspace
        return ledger.account_lines(
            ws.database, actor=ws.actor, contract_id=self.contract_id, start=START, end=TODAY
        )

    def balance(self) -> ledger.HouseholdBalance:
        ws = self.workspace
        return ledger.household_balance(
            ws.database, actor=ws.actor, household_id=self.household_id, on=TODAY
        )

    def post(self, kind: str, amount: int, **kw: Any) -> ledger.EntryInfo:
        ws = self.workspace
        return ledger.post_entry(
            ws.database,
            actor=ws.actor,
            contract_id=self.contract_id,
            kind=kind,
            amount=amount,
            posted_on=kw.pop("posted_on", TODAY),
            **kw,
        )


@pytest.fixture
def scene(qapp, database_target: DatabaseTarget) -> Iterator[Scene]:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)
    db = workspace.database
    with db.begin_write() as c:
        users = {
            login: add(c, m.UserAccount, login=login, display_name=login, created_at=NOW)
            for login in ("gl", "sw")
        }
        add(c, m.Organisation, name="Habitat Solidaire", address="3 rue Molière", commune="Lyon")
        programme = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        dwelling = add(
            c,
            m.Dwelling,
            reference="IML-1",
            address="12 rue des Lilas",
            commune="Lyon",
            programme_id=programme,
            captured_on=date(2020, 1, 1),
        )
        household = add(c, m.Household, reference="M-1")
        person = add(c, m.Person, first_name="Awa", last_name="Diallo", sex="f")
        add(
            c,
            m.Membership,
            household_id=household,
            person_id=person,
            role="head",
            joined_on=date(2020, 1, 1),
        )
    actors = {
        "gl": Actor(user_id=users["gl"], login="gl", grants=(Grant("rental_manager"),)),
        "sw": Actor(user_id=users["sw"], login="sw", grants=(Grant("social_worker"),)),
    }
    contract = create_contract(
        db,
        actor=actors["gl"],
        household_id=household,
        dwelling_id=dwelling,
        kind="sublease",
        start=START,
        rate=RATE,
    ).contract_id
    with db.begin_write() as c:
        for months in range(3):
            month = add_months(START, months)
            for nature, amount in (("rent", 40_000), ("charges", 4_000)):
                add(
                    c,
                    m.LedgerEntry,
                    contract_id=contract,
                    posted_on=month,
                    period_month=month,
                    kind="charge",
                    nature=nature,
                    amount=amount,
                    generated=True,
                    created_at=NOW,
                )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Scene(replace(workspace, actor=actors["gl"]), tasks, household, contract, actors)
    tasks.shutdown()
    workspace.close()


def open_tab(
    qtbot, scene: Scene, dialogs: ScriptedDialogs | None = None, actor: Actor | None = None
) -> AccountTab:
    workspace = replace(scene.workspace, actor=actor) if actor else scene.workspace
    tab = AccountTab(
        workspace, scene.household_id, tasks=scene.tasks, dialogs=dialogs or ScriptedDialogs()
    )
    qtbot.addWidget(tab)
    tab.show()
    reload(qtbot, tab)
    return tab


def reload(qtbot, tab: AccountTab) -> None:
    with qtbot.waitSignal(tab.issued_model.modelReset, timeout=TIMEOUT):
        tab.load()


def click(qtbot, button) -> None:
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def opened(qtbot, tab: AccountTab, kind: type[ContractDialog]) -> Any:
    qtbot.waitUntil(lambda: isinstance(tab.dialog, kind), timeout=TIMEOUT)
    dialog = tab.dialog
    qtbot.addWidget(dialog)
    return dialog


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def save(qtbot, tab: AccountTab, dialog: ContractDialog) -> None:
    """Click Save and wait for the tab to be told and to re-read the account."""
    with (
        qtbot.waitSignal(tab.changed, timeout=TIMEOUT),
        qtbot.waitSignal(tab.issued_model.modelReset, timeout=TIMEOUT),
    ):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def text_of(path: Path) -> str:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


# ------------------------------------------------------------------ reading


def test_the_account_shows_balance_level_and_lines(qtbot, qtmodeltester, scene: Scene) -> None:
    # GIVEN three months charged, the first one's share paid
    scene.post("household_payment", 18_000, posted_on=START + timedelta(days=7))
    tab = open_tab(qtbot, scene)
    balance = scene.balance()
    # THEN the figures are those of the ledger, written in euros
    assert tab.figures["owed"].text() == format_eur(balance.owed)
    assert tab.figures["debt"].text() == format_eur(balance.debt)
    assert tab.figures["benefit_overdue"].text() == format_eur(balance.benefit_overdue)
    assert tab.figures["deposit_held"].text() == format_eur(0)
    assert balance.debt > 0
    # … the level and its debt, in words
    assert "IML-1" in tab.arrears_label.text()
    assert format_eur(balance.debt) in tab.arrears_label.text()
    # … and the lines of the contract, brought-forward balance first
    expected = scene.lines()
    assert tab.lines_model.rowCount() == len(expected) == 8
    assert tab.lines_model.index(1, 1).data() == expected[1].label
    assert tab.contract_combo.currentData() == scene.contract_id
    qtmodeltester.check(tab.lines_model)
    qtmodeltester.check(tab.issued_model)
    for button in (tab.payment_button, tab.other_button, tab.deposit_button):
        assert button.isVisible()
        assert button.isEnabled()
    assert not tab.reverse_button.isEnabled()  # nothing selected yet


def test_amounts_are_hidden_from_a_social_worker(qtbot, scene: Scene) -> None:
    scene.post("household_payment", 18_000, posted_on=START + timedelta(days=7))
    tab = open_tab(qtbot, scene, actor=scene.actors["sw"])
    assert "IML-1" in tab.arrears_label.text()
    assert "€" not in tab.arrears_label.text()
    assert not tab.balance_group.isVisible()
    assert not tab.lines_group.isVisible()
    assert tab.lines_model.rowCount() == 0
    for button in (
        tab.payment_button,
        tab.other_button,
        tab.reverse_button,
        tab.deposit_button,
        tab.documents_button,
        tab.statement_button,
    ):
        assert not button.isVisible()


# ------------------------------------------------------------------ postings


def test_a_payment_typed_the_french_way_is_posted(qtbot, scene: Scene) -> None:
    tab = open_tab(qtbot, scene)
    click(qtbot, tab.payment_button)
    dialog = opened(qtbot, tab, PaymentDialog)
    assert dialog.amount_edit.accessibleName() == "Montant"
    assert dialog.month_edit.none_box.isChecked()  # by default the oldest amounts first
    qtbot.keyClicks(dialog.amount_edit, "1 234,56")
    dialog.method_combo.setCurrentIndex(dialog.method_combo.findData("cheque"))
    qtbot.keyClicks(dialog.reference_edit, "0042")
    save(qtbot, tab, dialog)
    # THEN the database holds the payment, to the cent
    payment = scene.lines()[-1]
    assert (payment.kind, payment.credit, payment.posted_on) == (
        "household_payment",
        123_456,
        TODAY,
    )
    assert scene.balance().credits == (("household_payment", 123_456),)
    qtbot.waitUntil(lambda: tab.lines_model.rowCount() == 8, timeout=TIMEOUT)


def test_a_refused_amount_stays_in_the_dialog(qtbot, scene: Scene) -> None:
    tab = open_tab(qtbot, scene)
    click(qtbot, tab.payment_button)
    dialog = opened(qtbot, tab, PaymentDialog)
    qtbot.keyClicks(dialog.amount_edit, "12,3,4")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Montant illisible : « 12,3,4 »" in "\n".join(dialog.problems())
    assert dialog.amount_edit.text() == "12,3,4"
    # … a readable amount the service refuses (a date in the future): its text, under the date
    retype(qtbot, dialog.amount_edit, "180")
    tomorrow = TODAY + timedelta(days=1)
    dialog.posted_on_edit.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.field_errors["posted_on"].isVisibleTo(dialog), timeout=TIMEOUT)
    assert "est dans le futur" in dialog.field_errors["posted_on"].text()
    assert dialog.isVisible()
    assert dialog.amount_edit.text() == "180"
    assert len(scene.lines()) == 7  # nothing was posted


def test_an_other_entry_shows_the_fields_of_its_kind(qtbot, scene: Scene) -> None:
    tab = open_tab(qtbot, scene)
    click(qtbot, tab.other_button)
    dialog = opened(qtbot, tab, OtherEntryDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("remission"))
    assert dialog.reason_edit.isVisibleTo(dialog)
    assert not dialog.first_default_edit.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.amount_edit, "50")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.field_errors["reason"].isVisibleTo(dialog), timeout=TIMEOUT)
    assert "Indiquez le motif." in dialog.field_errors["reason"].text()
    qtbot.keyClicks(dialog.reason_edit, "Remise accordee en commission")
    save(qtbot, tab, dialog)
    remission = scene.lines()[-1]
    assert (remission.kind, remission.credit) == ("remission", 5_000)


def test_a_reversal_is_confirmed_then_posted(qtbot, scene: Scene) -> None:
    payment = scene.post("household_payment", 18_000, posted_on=TODAY)
    dialogs = ScriptedDialogs(confirmations=[True])
    tab = open_tab(qtbot, scene, dialogs)
    row = next(
        index
        for index in range(tab.lines_model.rowCount())
        if tab.lines_model.row(index).entry_id == payment.entry_id
    )
    tab.lines_table.selectRow(row)
    click(qtbot, tab.reverse_button)
    dialog = opened(qtbot, tab, ReversalDialog)
    qtbot.keyClicks(dialog.reason_edit, "Cheque impaye")
    save(qtbot, tab, dialog)
    assert dialogs.calls[0][0] == "confirm"
    reversed_line = next(line for line in scene.lines() if line.entry_id == payment.entry_id)
    assert reversed_line.reversed_by is not None
    assert scene.lines()[-1].kind == "reversal"
    assert "(annulée)" in tab.lines_model.index(row, 1).data()


# ------------------------------------------------------------------ documents


def test_the_quittance_and_the_statement_open_through_the_dialogs(qtbot, scene: Scene) -> None:
    # GIVEN this month paid: the household's share and the CAF's benefit
    scene.post("household_payment", 18_000, period_month=THIS_MONTH)
    scene.post("housing_benefit", 26_000, period_month=THIS_MONTH)
    dialogs = ScriptedDialogs()
    tab = open_tab(qtbot, scene, dialogs)
    click(qtbot, tab.documents_button)
    dialog = opened(qtbot, tab, MonthDocumentsDialog)
    assert dialog.month_edit.date().month() == TODAY.month
    qtbot.mouseClick(dialog.keep_box, Qt.MouseButton.LeftButton)
    save(qtbot, tab, dialog)
    # THEN the quittance was written and opened, and kept in the household's documents
    [path] = dialogs.opened
    assert path.name == f"M-1_{THIS_MONTH:%Y-%m}_quittance.pdf"
    text = text_of(path)
    assert "Quittance de loyer" in text
    assert f"Q-{TODAY.year}-000001" in text
    [kept] = list_documents(
        scene.workspace.database, actor=scene.workspace.actor, household_id=scene.household_id
    )
    assert kept.kind == "letter"
    assert tab.issued_model.rowCount() == 1
    assert tab.issued_model.index(0, 2).data() == f"Q-{TODAY.year}-000001"
    # … and a statement of the period shown
    click(qtbot, tab.statement_button)
    statement = opened(qtbot, tab, StatementDialog)
    assert statement.start_edit.accessibleName() == "Du"
    with qtbot.waitSignal(tab.issued_model.modelReset, timeout=TIMEOUT):
        qtbot.mouseClick(statement.save_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened[-1].name.endswith("_releve.pdf")
    assert "Relevé de compte" in text_of(dialogs.opened[-1])
    assert tab.issued_model.rowCount() == 2
