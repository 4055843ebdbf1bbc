"""The household's Partenaires tab and the address-book screen, driven through the GUI."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import insert, update

from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import resolve_database
from desktop_app.persistence import models as m
from desktop_app.services import partners as svc
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.partners import ContactInput, PartnerInput
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.partner import ContactDialog, LinkPartnerDialog, PartnerDialog
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_tabs.partners import PartnersTab
from desktop_app.ui.views.partners import PartnersView
from tests.ui.fakes import ScriptedDialogs

TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton


@dataclass
class Scene:
    workspace: Workspace  # acting as the household's key worker
    household_id: int
    tasks: TaskRunner
    cmp: svc.PartnerInfo
    spip: svc.PartnerInfo


@pytest.fixture
def scene(qapp, tmp_path):
    create_application(["seuil-tests"])
    workspace = open_workspace(resolve_database(str(tmp_path / "partners.db")))
    db = workspace.database
    with db.begin_write() as c:
        key = c.execute(
            insert(m.UserAccount).values(
                login="sami", display_name="Sami", created_at=datetime(2026, 1, 1, tzinfo=UTC)
            )
        ).inserted_primary_key
    assert key is not None
    worker = Actor(user_id=int(key[0]), login="sami", grants=(Grant("social_worker"),))
    household_id = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=date(2025, 3, 3),
        key_worker_id=worker.user_id,
        members=[MemberInput("Diallo", "Aminata", None, "f", "head")],
    ).household_id
    cmp = svc.add_partner(
        db,
        actor=worker,
        data=PartnerInput(
            "CMP Hôpital Édouard Herriot", "psychiatry", "04 72 11 22 33", commune="Lyon"
        ),
    )
    svc.add_contact(
        db, actor=worker, partner_id=cmp.partner_id, data=ContactInput("Dr Moreau", "Psychiatre")
    )
    spip = svc.add_partner(
        db, actor=worker, data=PartnerInput("SPIP du Rhône", "spip", commune="Lyon")
    )
    svc.add_partner(
        db, actor=worker, data=PartnerInput("CCAS de Vénissieux", "ccas", commune="Vénissieux")
    )
    svc.link_partner(
        db, actor=worker, household_id=household_id, partner_id=spip.partner_id, role="SME"
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Scene(replace(workspace, actor=worker), household_id, tasks, cmp, spip)
    tasks.shutdown()
    workspace.close()


def type_text(qtbot, edit: QLineEdit, text: str) -> None:
    """Type on the keyboard; accented letters as key events (QTest takes ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(edit, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(edit, event)


def names(model) -> list[str]:
    """The partner names a table model shows."""
    return [model.row(i).name for i in range(model.rowCount())]


def linked(scene: Scene) -> list[tuple[str, str | None]]:
    """The household's partners read back through the service."""
    ws = scene.workspace
    shown = svc.list_household_partners(
        ws.database, actor=ws.actor, household_id=scene.household_id
    )
    return [(p.name, p.role) for p in shown.partners]


def open_tab(qtbot, scene: Scene, dialogs: ScriptedDialogs, actor: Actor | None = None):
    workspace = scene.workspace if actor is None else replace(scene.workspace, actor=actor)
    tab = PartnersTab(workspace, scene.household_id, tasks=scene.tasks, dialogs=dialogs)
    qtbot.addWidget(tab)
    tab.show()
    tab.load()
    return tab


def test_tab_links_a_partner_created_in_the_chooser(qtbot, qtmodeltester, scene):
    tab = open_tab(qtbot, scene, ScriptedDialogs())
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(tab.model)
    assert [tab.model.data(tab.model.index(0, col)) for col in range(3)] == [
        "SPIP du Rhône",
        "SPIP",
        "SME",
    ]
    assert not tab.link_button.isHidden()

    # GIVEN the chooser, searched as you type (accents ignored)
    qtbot.mouseClick(tab.link_button, LEFT)
    chooser = tab.link_dialog
    assert isinstance(chooser, LinkPartnerDialog)
    qtbot.waitUntil(lambda: chooser.model.rowCount() == 3, timeout=TIMEOUT)
    qtmodeltester.check(chooser.model)
    qtbot.keyClicks(chooser.search_edit, "hopital")
    qtbot.waitUntil(lambda: chooser.model.rowCount() == 1, timeout=TIMEOUT)
    assert chooser.selected() is not None

    # WHEN a new partner is added from inside the chooser (a typing slip first)
    qtbot.mouseClick(chooser.new_button, LEFT)
    form = chooser.partner_dialog
    assert isinstance(form, PartnerDialog)
    assert form.name_edit.text() == "hopital"
    form.name_edit.clear()
    type_text(qtbot, form.name_edit, "UDAF du Rhône")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("legal_guardian"))
    qtbot.keyClicks(form.postcode_edit, "690")
    qtbot.keyClicks(form.commune_edit, "Lyon")
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(lambda: "5 chiffres" in form.error_label.text(), timeout=TIMEOUT)
    assert form.name_edit.text() == "UDAF du Rhône"  # what was typed is kept
    qtbot.keyClicks(form.postcode_edit, "03")
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(form.isHidden, timeout=TIMEOUT)
    # THEN it is the partner chosen, and linking it with a role saves both
    qtbot.waitUntil(
        lambda: chooser.selected() is not None and chooser.selected().name == "UDAF du Rhône",
        timeout=TIMEOUT,
    )
    qtbot.keyClicks(chooser.role_edit, "mandataire")
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        qtbot.mouseClick(chooser.save_button, LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=TIMEOUT)
    assert linked(scene) == [("SPIP du Rhône", "SME"), ("UDAF du Rhône", "mandataire")]
    ws = scene.workspace
    [udaf] = svc.list_partners(ws.database, actor=ws.actor, text="udaf")
    assert (udaf.kind, udaf.postcode, udaf.commune) == ("legal_guardian", "69003", "Lyon")


def test_tab_refuses_a_second_link_changes_a_role_and_unlinks(qtbot, scene):
    ws = scene.workspace
    svc.link_partner(
        ws.database,
        actor=ws.actor,
        household_id=scene.household_id,
        partner_id=scene.cmp.partner_id,
        role="CMP",
    )
    dialogs = ScriptedDialogs(confirmations=[False, True])
    tab = open_tab(qtbot, scene, dialogs)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=TIMEOUT)

    # Linking the same partner twice is refused inside the chooser
    qtbot.mouseClick(tab.link_button, LEFT)
    again = tab.link_dialog
    qtbot.keyClicks(again.search_edit, "spip")
    qtbot.waitUntil(lambda: names(again.model) == ["SPIP du Rhône"], timeout=TIMEOUT)
    assert again.selected() == again.model.row(0)
    qtbot.mouseClick(again.save_button, LEFT)
    qtbot.waitUntil(lambda: "figure déjà" in again.error_label.text(), timeout=TIMEOUT)
    again.reject()

    # Change role… on the selected partner
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.role_button, LEFT)
    role = tab.role_dialog
    assert role.role_edit.text() == "CMP"
    role.role_edit.clear()
    type_text(qtbot, role.role_edit, "CMP — Dr Moreau")
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        qtbot.mouseClick(role.save_button, LEFT)
    assert ("CMP Hôpital Édouard Herriot", "CMP — Dr Moreau") in linked(scene)
    qtbot.waitUntil(
        lambda: tab.model.data(tab.model.index(0, 2)) == "CMP — Dr Moreau", timeout=TIMEOUT
    )

    # Unlink asks first: "no" keeps the link, "yes" removes it
    tab.table.selectRow(1)
    qtbot.mouseClick(tab.unlink_button, LEFT)
    assert linked(scene)[1] == ("SPIP du Rhône", "SME")
    qtbot.mouseClick(tab.unlink_button, LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    assert linked(scene) == [("CMP Hôpital Édouard Herriot", "CMP — Dr Moreau")]
    assert [kind for kind, _title, _text in dialogs.calls] == ["confirm", "confirm"]
    assert "SPIP du Rhône" in dialogs.calls[0][2]


def test_tab_shows_contacts_and_hides_editing(qtbot, scene):
    ws = scene.workspace
    svc.link_partner(
        ws.database,
        actor=ws.actor,
        household_id=scene.household_id,
        partner_id=scene.cmp.partner_id,
        role="CMP — Dr Moreau",
    )
    intern = Actor(user_id=None, login="stagiaire", grants=(Grant("intern"),))
    tab = open_tab(qtbot, scene, ScriptedDialogs(), actor=intern)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=TIMEOUT)
    assert tab.link_button.isHidden()
    assert tab.unlink_button.isHidden()
    tab.table.selectRow(0)
    assert "Dr Moreau · Psychiatre" in tab.contacts_label.text()
    # A protected file's partners are for its circle only.
    with ws.database.begin_write() as c:
        c.execute(update(m.Household).values(protected=True))
    coordinator = Actor(user_id=None, login="camille", grants=(Grant("coordinator"),))
    masked = open_tab(qtbot, scene, ScriptedDialogs(), actor=coordinator)
    qtbot.waitUntil(lambda: not masked.masked_label.isHidden(), timeout=TIMEOUT)
    assert masked.model.rowCount() == 0
    assert masked.link_button.isHidden()


def test_tab_warns_when_the_household_is_out_of_reach(qtbot, scene):
    dialogs = ScriptedDialogs()
    host = Actor(user_id=None, login="hote", grants=(Grant("host"),))
    tab = open_tab(qtbot, scene, dialogs, actor=host)
    qtbot.waitUntil(lambda: bool(dialogs.calls), timeout=TIMEOUT)
    assert dialogs.calls[0][0] == "warn"
    assert dialogs.calls[0][2].startswith("Vos droits ne permettent pas")
    assert tab.model.rowCount() == 0


def test_address_book_search_filter_and_contacts(qtbot, qtmodeltester, scene):
    ws = scene.workspace
    view = PartnersView(ws, tasks=scene.tasks, dialogs=ScriptedDialogs())
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=TIMEOUT)
    qtmodeltester.check(view.model)
    assert [view.model.row(i).name for i in range(3)] == [
        "CCAS de Vénissieux",
        "CMP Hôpital Édouard Herriot",
        "SPIP du Rhône",
    ]

    # Search as you type, accents ignored; the kind filter
    qtbot.keyClicks(view.search_edit, "venissieux")
    qtbot.waitUntil(lambda: names(view.model) == ["CCAS de Vénissieux"], timeout=TIMEOUT)
    view.search_edit.clear()
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("spip"))
    qtbot.waitUntil(lambda: names(view.model) == ["SPIP du Rhône"], timeout=TIMEOUT)
    view.kind_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=TIMEOUT)

    # The selected partner's contacts and the households it follows
    view.table.selectRow(2)
    qtbot.waitUntil(lambda: "M-00001 (SME)" in view.following_label.text(), timeout=TIMEOUT)
    view.table.selectRow(1)
    qtbot.waitUntil(lambda: view.contacts_model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(view.contacts_model)

    # Add a contact person through its form
    qtbot.mouseClick(view.add_contact_button, LEFT)
    contact_form = view.contact_dialog
    assert isinstance(contact_form, ContactDialog)
    qtbot.keyClicks(contact_form.name_edit, "Awa Camara")
    type_text(qtbot, contact_form.position_edit, "Infirmière")
    qtbot.keyClicks(contact_form.email_edit, "awa.camara@")
    qtbot.mouseClick(contact_form.save_button, LEFT)
    qtbot.waitUntil(
        lambda: "adresse électronique" in contact_form.error_label.text(), timeout=TIMEOUT
    )
    qtbot.keyClicks(contact_form.email_edit, "example.org")
    qtbot.mouseClick(contact_form.save_button, LEFT)
    qtbot.waitUntil(lambda: view.contacts_model.rowCount() == 2, timeout=TIMEOUT)
    [cmp] = svc.list_partners(ws.database, actor=ws.actor, text="herriot")
    assert [(c.name, c.email) for c in cmp.contacts] == [
        ("Awa Camara", "awa.camara@example.org"),
        ("Dr Moreau", None),
    ]


def test_address_book_add_and_edit_a_partner(qtbot, scene):
    ws = scene.workspace
    view = PartnersView(ws, tasks=scene.tasks, dialogs=ScriptedDialogs())
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=TIMEOUT)

    # Add… a partner; it is selected once saved
    qtbot.mouseClick(view.add_button, LEFT)
    form = view.partner_dialog
    assert isinstance(form, PartnerDialog)
    type_text(qtbot, form.name_edit, "SIAO du Rhône")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("siao"))
    qtbot.keyClicks(form.phone_edit, "04 78 00 00 00")
    qtbot.mouseClick(form.save_button, LEFT)
    qtbot.waitUntil(
        lambda: view.selected() is not None and view.selected().name == "SIAO du Rhône",
        timeout=TIMEOUT,
    )
    assert view.model.rowCount() == 4

    # Edit… with the version read; a save made meanwhile by someone else is refused by name
    qtbot.mouseClick(view.edit_button, LEFT)
    edit = view.partner_dialog
    assert edit.name_edit.text() == "SIAO du Rhône"
    siao_id = view.selected().partner_id
    other = replace(ws, actor=Actor(user_id=None, login="lea", grants=(Grant("coordinator"),)))
    svc.update_partner(
        other.database,
        actor=other.actor,
        partner_id=siao_id,
        version=1,
        data=PartnerInput("SIAO du Rhône", "siao", email="contact@siao69.example.org"),
    )
    edit.phone_edit.clear()
    qtbot.keyClicks(edit.phone_edit, "04 78 11 11 11")
    qtbot.mouseClick(edit.save_button, LEFT)
    qtbot.waitUntil(lambda: "modifié par lea" in edit.error_label.text(), timeout=TIMEOUT)
    edit.reject()
    view.refresh()
    qtbot.waitUntil(
        lambda: view.selected() is not None and view.selected().version == 2, timeout=TIMEOUT
    )
    qtbot.mouseClick(view.edit_button, LEFT)
    edit = view.partner_dialog
    edit.phone_edit.clear()
    qtbot.keyClicks(edit.phone_edit, "04 78 11 11 11")
    qtbot.mouseClick(edit.save_button, LEFT)
    qtbot.waitUntil(edit.isHidden, timeout=TIMEOUT)
    saved = svc.get_partner(ws.database, actor=ws.actor, partner_id=siao_id)
    assert (saved.phone, saved.email, saved.version) == (
        "04 78 11 11 11",
        "contact@siao69.example.org",
        3,
    )


def test_address_book_delete(qtbot, scene):
    dialogs = ScriptedDialogs(confirmations=[True, True])
    ws = scene.workspace
    svc.add_partner(ws.database, actor=ws.actor, data=PartnerInput("SIAO du Rhône", "siao"))
    view = PartnersView(ws, tasks=scene.tasks, dialogs=dialogs)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=TIMEOUT)

    # Delete: refused with its French text while linked, done once unlinked
    view.search_edit.setText("spip")
    qtbot.waitUntil(lambda: names(view.model) == ["SPIP du Rhône"], timeout=TIMEOUT)
    view.table.selectRow(0)
    qtbot.mouseClick(view.delete_button, LEFT)
    qtbot.waitUntil(lambda: dialogs.calls[-1][0] == "warn", timeout=TIMEOUT)
    assert dialogs.calls[-1][2].startswith("« SPIP du Rhône » ne peut pas être supprimé")
    view.search_edit.setText("siao")
    qtbot.waitUntil(lambda: names(view.model) == ["SIAO du Rhône"], timeout=TIMEOUT)
    view.table.selectRow(0)
    qtbot.mouseClick(view.delete_button, LEFT)
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=TIMEOUT)
    assert svc.list_partners(ws.database, actor=ws.actor, text="siao") == []
    assert [kind for kind, _t, _x in dialogs.calls] == ["confirm", "warn", "confirm"]


def test_address_book_read_only_for_a_secretary(qtbot, scene):
    secretary = replace(
        scene.workspace, actor=Actor(user_id=None, login="sec", grants=(Grant("secretary"),))
    )
    view = PartnersView(secretary, tasks=scene.tasks, dialogs=ScriptedDialogs())
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=TIMEOUT)
    assert view.add_button.isHidden()
    assert view.delete_button.isHidden()
    assert view.add_contact_button.isHidden()
