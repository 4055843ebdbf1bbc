"""The Composition and « Coordonnées et droits » tabs, driven through the GUI."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import resolve_database
from desktop_app.persistence import models as m
from desktop_app.services.household_edit import (
    add_member,
    member_leaves,
    person_detail,
    read_address,
    read_composition,
)
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.system import open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.household_edit import (
    FROM,
    AddMemberDialog,
    AddressDialog,
    ChangeRoleDialog,
    IdentityDialog,
    KeyWorkerDialog,
    LeaveDialog,
    ResourcesDialog,
)
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_tabs.composition import CompositionTab
from desktop_app.ui.views.household_tabs.contact import ContactTab
from tests.ui.fakes import ScriptedDialogs

TIMEOUT = 10_000
START = date(2025, 3, 3)


def add_user(db, login: str, name: str, role: str) -> int:
    def work(session):
        user = m.UserAccount(
            login=login, display_name=name, created_at=datetime(2026, 1, 1, tzinfo=UTC)
        )
        session.add(user)
        session.flush()
        session.add(m.UserRole(user_id=user.id, role=role))
        return int(user.id)

    return int(db.run_write(work))


@pytest.fixture
def scene(qapp, tmp_path):
    create_application(["seuil-tests"])
    workspace = open_workspace(resolve_database(str(tmp_path / "seuil.db")))
    db = workspace.database
    users = {
        "sami": add_user(db, "sami", "Sami Benali", "social_worker"),
        "lea": add_user(db, "lea", "Léa Martin", "social_worker"),
    }
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=START,
        key_worker_id=users["sami"],
        members=[
            MemberInput("Diallo", "Aminata", date(1988, 4, 12), "f", "head"),
            MemberInput("Diallo", "Moussa", date(2015, 9, 3), "h", "child"),
        ],
    )
    create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=START,
        members=[MemberInput("Keita", "Fatoumata", date(1990, 1, 1), "f", "head")],
    )
    worker = Actor(users["sami"], "sami", (Grant("social_worker"),))
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield replace(workspace, actor=worker), created.household_id, users, tasks
    tasks.shutdown()
    workspace.close()


def composition_tab(qtbot, scene, actor=None, dialogs=None):
    workspace, household_id, _, tasks = scene
    if actor is not None:
        workspace = replace(workspace, actor=actor)
    tab = CompositionTab(workspace, household_id, tasks=tasks, dialogs=dialogs or ScriptedDialogs())
    qtbot.addWidget(tab)
    tab.show()
    tab.load()
    qtbot.waitUntil(lambda: tab.members_model.rowCount() > 0, timeout=TIMEOUT)
    return tab


def contact_tab(qtbot, scene, actor=None):
    workspace, household_id, _, tasks = scene
    if actor is not None:
        workspace = replace(workspace, actor=actor)
    tab = ContactTab(workspace, household_id, tasks=tasks, dialogs=ScriptedDialogs())
    qtbot.addWidget(tab)
    tab.show()
    tab.load()
    qtbot.waitUntil(lambda: tab.address_label.text() != "", timeout=TIMEOUT)
    return tab


def composition(scene):
    workspace, household_id, _, _ = scene
    return read_composition(workspace.database, actor=SYSTEM_ACTOR, household_id=household_id)


def opened(qtbot, tab, kind):
    qtbot.waitUntil(lambda: isinstance(tab.dialog, kind), timeout=TIMEOUT)
    dialog = tab.dialog
    qtbot.addWidget(dialog)
    return dialog


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# ------------------------------------------------------------------ composition


def test_members_listed_and_a_member_added_by_typing(qtbot, qtmodeltester, scene) -> None:
    tab = composition_tab(qtbot, scene)
    qtmodeltester.check(tab.members_model)
    assert tab.members_model.data(tab.members_model.index(0, 0)) == "Diallo Aminata"
    assert tab.members_model.data(tab.members_model.index(0, 2)) == "03/03/2025"
    assert "Sami Benali" in tab.workers_label.text()
    visible = [not b.isHidden() for b in (tab.add_button, tab.leave_button, tab.role_button)]
    assert visible == [True, True, True]
    assert tab.key_worker_button.isHidden()  # a social worker does not choose key workers
    changed = []
    tab.changed.connect(lambda: changed.append(True))
    click(qtbot, tab.add_button)
    dialog = opened(qtbot, tab, AddMemberDialog)
    qtbot.keyClicks(dialog.last_name_edit, "Sow")
    qtbot.keyClicks(dialog.first_name_edit, "Ibrahim")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("partner"))
    dialog.joined_edit.setDate(QDate(2026, 2, 1))
    qtbot.keyClicks(dialog.phone_edit, "06 12 34 56 78")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.members_model.rowCount() == 3, timeout=TIMEOUT)
    assert changed == [True]
    added = [p for p in composition(scene).members if p.first_name == "Ibrahim"]
    assert [(p.last_name, p.role, p.joined_on) for p in added] == [
        ("Sow", "partner", date(2026, 2, 1))
    ]
    qtmodeltester.check(tab.members_model)


def test_a_known_person_is_proposed_and_linked(qtbot, scene) -> None:
    tab = composition_tab(qtbot, scene)
    click(qtbot, tab.add_button)
    dialog = opened(qtbot, tab, AddMemberDialog)
    qtbot.keyClicks(dialog.last_name_edit, "KEITA")
    qtbot.keyClicks(dialog.first_name_edit, "fatoumata")
    dialog.birth_edit.known_check.setChecked(True)
    dialog.birth_edit.date_edit.setDate(QDate(1990, 1, 1))
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("partner"))
    dialog.joined_edit.setDate(QDate(2026, 2, 1))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.known_list.isHidden(), timeout=TIMEOUT)
    assert "peut-être déjà connue de Seuil" in dialog.problems()[""]
    assert dialog.known_list.item(0).text().startswith("Keita Fatoumata")
    assert dialog.isVisible()
    assert dialog.last_name_edit.text() == "KEITA"  # what was typed is kept
    click(qtbot, dialog.link_button)
    qtbot.waitUntil(lambda: tab.members_model.rowCount() == 3, timeout=TIMEOUT)
    linked = [p for p in composition(scene).members if p.role == "partner"]
    assert [(p.last_name, p.first_name) for p in linked] == [("Keita", "Fatoumata")]
    workspace = scene[0]
    persons = workspace.database.run_read(
        lambda s: s.query(m.Person).filter(m.Person.last_name.in_(["Keita", "KEITA"])).count()
    )
    assert persons == 1  # linked, not created twice


def test_departures_checked_beside_the_date_and_for_the_head_rule(qtbot, scene) -> None:
    tab = composition_tab(qtbot, scene)
    aminata = next(p for p in composition(scene).members if p.first_name == "Aminata")
    tab.select_member(aminata.membership_id)
    click(qtbot, tab.leave_button)
    dialog = opened(qtbot, tab, LeaveDialog)
    dialog.left_edit.setDate(QDate(2024, 12, 31))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "left_on" in dialog.problems(), timeout=TIMEOUT)
    assert dialog.problems()["left_on"] == (
        "⚠ La date de départ (31/12/2024) est antérieure à la date d'arrivée (03/03/2025)."
    )
    dialog.left_edit.setDate(QDate(2026, 6, 30))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "" in dialog.problems(), timeout=TIMEOUT)
    assert dialog.problems() == {"": "⚠ Le ménage n'a pas de personne de référence le 01/07/2026."}
    assert dialog.isVisible()
    assert all(p.left_on is None for p in composition(scene).members)


def test_roles_handed_over_from_a_date(qtbot, scene) -> None:
    workspace, household_id, _, _ = scene
    ibrahim = add_member(
        workspace.database,
        actor=SYSTEM_ACTOR,
        household_id=household_id,
        member=MemberInput("Sow", "Ibrahim", None, "h", "partner", joined_on=date(2026, 2, 1)),
        create_anyway=True,
    )
    tab = composition_tab(qtbot, scene)
    qtbot.waitUntil(lambda: tab.members_model.rowCount() == 3, timeout=TIMEOUT)
    aminata = next(p for p in composition(scene).members if p.first_name == "Aminata")
    click(qtbot, tab.role_button)
    dialog = opened(qtbot, tab, ChangeRoleDialog)
    dialog.from_edit.setDate(QDate(2026, 7, 1))
    dialog.role_combos[ibrahim.membership_id].setCurrentIndex(
        dialog.role_combos[ibrahim.membership_id].findData("head")
    )
    click(qtbot, dialog.save_button)  # two heads: refused, under the form
    qtbot.waitUntil(lambda: "" in dialog.problems(), timeout=TIMEOUT)
    assert "plusieurs personnes de référence le 01/07/2026" in dialog.problems()[""]
    combo = dialog.role_combos[aminata.membership_id]
    combo.setCurrentIndex(combo.findData("partner"))
    tab.former_check.setChecked(True)  # the closed memberships will show too
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: tab.members_model.rowCount() == 5, timeout=TIMEOUT)
    heads = [
        (p.first_name, p.joined_on, p.left_on)
        for p in composition(scene).members
        if p.role == "head"
    ]
    assert heads == [("Aminata", START, date(2026, 6, 30)), ("Ibrahim", date(2026, 7, 1), None)]
    tab.former_check.setChecked(False)
    assert tab.members_model.rowCount() == 3


def test_former_members_on_demand(qtbot, qtmodeltester, scene) -> None:
    workspace, _, _, _ = scene
    moussa = next(p for p in composition(scene).members if p.first_name == "Moussa")
    member_leaves(
        workspace.database,
        actor=SYSTEM_ACTOR,
        membership_id=moussa.membership_id,
        left_on=date(2025, 6, 30),
    )
    tab = composition_tab(qtbot, scene)
    assert tab.members_model.rowCount() == 1
    tab.former_check.setChecked(True)
    assert tab.members_model.rowCount() == 2
    assert tab.members_model.data(tab.members_model.index(1, 3)) == "30/06/2025"
    qtmodeltester.check(tab.members_model)


def test_key_workers_chosen_by_a_coordinator(qtbot, scene) -> None:
    _, _, users, _ = scene
    coordinator = Actor(None, "camille", (Grant("coordinator"),))
    tab = composition_tab(qtbot, scene, coordinator)
    assert not tab.key_worker_button.isHidden()
    click(qtbot, tab.key_worker_button)
    dialog = opened(qtbot, tab, KeyWorkerDialog)
    combo = dialog.key_worker_combo
    combo.setCurrentIndex(combo.findData(users["lea"]))
    dialog.check_co_worker(users["lea"])
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "co_worker_ids" in dialog.problems(), timeout=TIMEOUT)
    assert dialog.problems()["co_worker_ids"] == (
        "⚠ Le référent ne peut pas être aussi co-référent du même ménage."
    )
    dialog.check_co_worker(users["lea"], checked=False)
    dialog.check_co_worker(users["sami"])
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "Léa Martin" in tab.workers_label.text(), timeout=TIMEOUT)
    saved = composition(scene)
    assert saved.key_worker is not None
    assert saved.key_worker.user_id == users["lea"]
    assert [c.user_id for c in saved.co_workers] == [users["sami"]]


def test_protected_file_outside_its_circle_shows_no_editing(qtbot, scene) -> None:
    workspace, household_id, _, _ = scene
    workspace.database.run_write(
        lambda s: s.get(m.Household, household_id).__setattr__("protected", True)
    )
    coordinator = Actor(None, "camille", (Grant("coordinator"),))
    tab = composition_tab(qtbot, scene, coordinator)
    assert tab.members_model.data(tab.members_model.index(0, 0)) == "Dossier protégé"
    assert all(
        b.isHidden()
        for b in (tab.add_button, tab.identity_button, tab.leave_button, tab.role_button)
    )
    assert not tab.key_worker_button.isHidden()
    contact = contact_tab(qtbot, scene, coordinator)
    assert contact.persons_model.rowCount() == 0
    assert contact.table.isHidden()
    assert all(
        b.isHidden()
        for b in (contact.address_button, contact.identity_button, contact.resources_button)
    )
    mine = contact_tab(qtbot, scene)  # the key worker
    qtbot.waitUntil(lambda: mine.persons_model.rowCount() == 2, timeout=TIMEOUT)
    assert not mine.address_button.isHidden()


# ------------------------------------------------------------------ contact and rights


def test_address_refused_beside_the_postcode_then_saved(qtbot, qtmodeltester, scene) -> None:
    tab = contact_tab(qtbot, scene)
    qtbot.waitUntil(lambda: tab.persons_model.rowCount() == 2, timeout=TIMEOUT)
    qtmodeltester.check(tab.persons_model)
    assert tab.detail_label.text().startswith("Diallo Aminata — Personne de référence")
    click(qtbot, tab.address_button)
    dialog = opened(qtbot, tab, AddressDialog)
    qtbot.keyClicks(dialog.address_edit, "12 rue Paul Bert")
    qtbot.keyClicks(dialog.postcode_edit, "6900")
    qtbot.keyClicks(dialog.commune_edit, "Lyon")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "postcode" in dialog.problems(), timeout=TIMEOUT)
    assert dialog.problems() == {"postcode": "⚠ Le code postal « 6900 » doit compter 5 chiffres."}
    qtbot.keyClicks(dialog.postcode_edit, "3")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "Paul Bert" in tab.address_label.text(), timeout=TIMEOUT)
    workspace, household_id, _, _ = scene
    saved = read_address(workspace.database, actor=workspace.actor, household_id=household_id)
    assert (saved.address, saved.postcode, saved.commune) == ("12 rue Paul Bert", "69003", "Lyon")


def test_identity_and_rights_edited_with_consent_checked(qtbot, scene) -> None:
    workspace, household_id, _, _ = scene
    tab = contact_tab(qtbot, scene)
    qtbot.waitUntil(lambda: tab.persons_model.rowCount() == 2, timeout=TIMEOUT)
    moussa = next(p for p in composition(scene).members if p.first_name == "Moussa")
    tab.select_person(moussa.person_id)
    click(qtbot, tab.identity_button)
    dialog = opened(qtbot, tab, IdentityDialog)
    assert dialog.last_name_edit.text() == "Diallo"
    assert dialog.birth_edit.value() == date(2015, 9, 3)
    qtbot.keyClicks(dialog.emergency_edit, "Awa Diallo, 06 11 22 33 44")
    qtbot.keyClicks(dialog.allocataire_edit, "1234567")
    dialog.agency_combo.setCurrentIndex(dialog.agency_combo.findData("caf"))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "emergency_contact_consent" in dialog.problems(), timeout=TIMEOUT)
    assert dialog.problems() == {
        "emergency_contact_consent": (
            "⚠ Un contact d'urgence n'est enregistré qu'avec l'accord de la personne : cochez "
            "son accord, ou laissez le contact vide."
        )
    }
    assert dialog.emergency_edit.text() == "Awa Diallo, 06 11 22 33 44"
    click(qtbot, dialog.consent_check)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: "1234567" in tab.detail_label.text(), timeout=TIMEOUT)
    detail = person_detail(
        workspace.database,
        actor=workspace.actor,
        household_id=household_id,
        person_id=moussa.person_id,
    )
    assert detail.identity.emergency_contact == "Awa Diallo, 06 11 22 33 44"
    assert detail.identity.emergency_contact_consent
    assert (detail.identity.benefit_agency, detail.identity.allocataire_number) == (
        "caf",
        "1234567",
    )
    assert "Awa Diallo" in tab.detail_label.text()


def test_resources_typed_in_french_and_checked_line_by_line(qtbot, scene) -> None:
    workspace, household_id, _, _ = scene
    tab = contact_tab(qtbot, scene)
    qtbot.waitUntil(lambda: tab.persons_model.rowCount() == 2, timeout=TIMEOUT)
    click(qtbot, tab.resources_button)
    dialog = opened(qtbot, tab, ResourcesDialog)
    assert dialog.table.rowCount() == 0
    click(qtbot, dialog.add_button)
    click(qtbot, dialog.add_button)
    qtbot.keyClicks(dialog.amount_edit(0), "1 234,56")
    dialog.kind_combo(1).setCurrentIndex(dialog.kind_combo(1).findData("aah"))
    qtbot.keyClicks(dialog.amount_edit(1), "12,3,4")
    click(qtbot, dialog.save_button)
    assert dialog.line_problem(1) == "⚠ Montant illisible : « 12,3,4 » (exemple : 1 234,56)."
    assert dialog.line_problem(0) == ""
    dialog.amount_edit(1).clear()
    qtbot.keyClicks(dialog.amount_edit(1), "-5")
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(
        lambda: dialog.line_problem(1) == "⚠ Le montant mensuel ne peut pas être négatif.",
        timeout=TIMEOUT,
    )
    assert dialog.isVisible()
    dialog.amount_edit(1).clear()
    qtbot.keyClicks(dialog.amount_edit(1), "971,37")
    dialog.date_edit(1, FROM).known_check.setChecked(True)
    dialog.date_edit(1, FROM).date_edit.setDate(QDate(2026, 1, 1))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(
        lambda: "2\u202f205,93" in tab.persons_model.data(tab.persons_model.index(0, 5)),
        timeout=TIMEOUT,
    )
    aminata = next(p for p in composition(scene).members if p.first_name == "Aminata")
    detail = person_detail(
        workspace.database,
        actor=workspace.actor,
        household_id=household_id,
        person_id=aminata.person_id,
    )
    assert [(r.kind, r.monthly_amount, r.valid_from) for r in detail.resources] == [
        ("rsa", 123_456, None),
        ("aah", 97_137, date(2026, 1, 1)),
    ]
