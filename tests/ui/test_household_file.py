"""The household file on screen, and what two roles see of the same household."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import insert

from desktop_app.domain.permissions import SYSTEM_ACTOR, Actor, Grant
from desktop_app.paths import resolve_database
from desktop_app.persistence import models as m
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.notes import add_note
from desktop_app.services.stays import close_stay, list_stays, open_stay
from desktop_app.services.system import open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_file import RECORD_TABS, HouseholdFileWindow
from tests.ui.fakes import ScriptedDialogs

TIMEOUT = 10_000
TODAY = date(2026, 11, 27)


@pytest.fixture
def scene(qapp, tmp_path):
    create_application(["seuil-tests"])
    workspace = open_workspace(resolve_database(str(tmp_path / "seuil.db")))
    db = workspace.database
    with db.begin_write() as c:
        c.execute(
            insert(m.UserAccount).values(
                login="sami", display_name="Sami", created_at=datetime(2026, 1, 1, tzinfo=UTC)
            )
        )
        c.execute(insert(m.Programme).values(name="IML Lyon", kind="iml_sublease"))
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=date(2025, 3, 3),
        key_worker_id=1,
        members=[
            MemberInput("Diallo", "Aminata", date(1988, 4, 12), "f", "head"),
            MemberInput("Diallo", "Moussa", date(2015, 9, 3), "h", "child"),
        ],
    )
    stay = open_stay(
        db,
        actor=SYSTEM_ACTOR,
        household_id=created.household_id,
        programme_id=1,
        entry=date(2025, 3, 3),
        entry_situation="hotel_115",
        referrer="siao",
        today=TODAY,
    )
    close_stay(
        db,
        actor=SYSTEM_ACTOR,
        stay_id=stay.stay_id,
        exit=date(2026, 10, 31),
        destination="social_housing",
        exit_reason="project_achieved",
        today=TODAY,
    )
    worker = Actor(user_id=1, login="sami", grants=(Grant("social_worker"),))
    add_note(
        db,
        actor=worker,
        household_id=created.household_id,
        level="shared",
        text="Bail signé chez Rhône Habitat Solidaire",
    )
    add_note(
        db, actor=worker, household_id=created.household_id, level="health", text="Suivi au CMP"
    )
    with db.begin_write() as c:
        c.execute(
            insert(m.Dwelling).values(
                reference="LOG-1", address="12 rue Paul Bert", commune="Lyon", programme_id=1
            )
        )
    create_contract(
        db,
        actor=SYSTEM_ACTOR,
        household_id=created.household_id,
        dwelling_id=1,
        kind="sliding_sublease",
        start=date(2025, 3, 3),
        rate=RateInput(rent=52_000, charges=6_000, expected_benefit=31_000, tiers_payant=True),
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield workspace, created.household_id, worker, tasks
    tasks.shutdown()
    workspace.close()


def path_rows(window) -> list[tuple[str, str]]:
    model = window.path_model
    return [
        (model.data(model.index(r, 0)), model.data(model.index(r, 1)))
        for r in range(model.rowCount())
    ]


def open_file(qtbot, scene, actor, dialogs):
    workspace, household_id, _, tasks = scene
    window = HouseholdFileWindow(
        replace(workspace, actor=actor), household_id, tasks=tasks, dialogs=dialogs
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: window.notes_list.count() > 0 and window.path_model.rowCount() > 0,
        timeout=TIMEOUT,
    )
    return window


def test_file_tabs_for_the_key_worker(qtbot, qtmodeltester, scene) -> None:
    window = open_file(qtbot, scene, scene[2], ScriptedDialogs())
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Composition",
        "Coordonnées et droits",
        "Partenaires",
        "Parcours",
        window.tr("Rehousing"),  # « Relogement » once translated
        window.tr("Support"),  # « Accompagnement » (the French catalogue)
        "Logement et contrat",
        "Compte",
        "Documents",
        "Notes",
        "Historique",
    ]
    contracts = window.contracts_tab
    qtbot.waitUntil(lambda: contracts.contracts_model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(contracts.contracts_model)
    cells = [contracts.contracts_model.data(contracts.contracts_model.index(0, c)) for c in (0, 1)]
    assert cells == ["Sous-location – bail glissant", "LOG-1"]
    qtbot.waitUntil(lambda: contracts.rates_model.rowCount() == 1, timeout=TIMEOUT)
    rate = [contracts.rates_model.data(contracts.rates_model.index(0, c)) for c in (1, 2, 4, 5)]
    assert rate == ["520,00\u00a0€", "60,00\u00a0€", "310,00\u00a0€", "Oui"]
    assert window.title_label.text() == "M-00001 · Diallo Aminata"
    contact = window.contact_tab
    qtbot.waitUntil(lambda: contact.persons_model.rowCount() == 2, timeout=TIMEOUT)
    assert contact.address_label.text() == "Aucune adresse renseignée"
    members = window.composition_tab.members_model
    qtbot.waitUntil(lambda: members.rowCount() == 2, timeout=TIMEOUT)
    qtmodeltester.check(members)
    roles = {members.data(members.index(r, 1)) for r in range(2)}
    assert roles == {"Personne de référence", "Enfant"}
    # the path, newest first
    assert path_rows(window) == [
        ("31/10/2026", "Sortie — IML Lyon : Logement social – bail direct (Projet réalisé)"),
        ("03/03/2025", "Entrée — IML Lyon (venant de : Hôtel (115 / SIAO), SIAO)"),
    ]
    qtmodeltester.check(window.path_model)
    assert window.notes_list.count() == 2  # the key worker reads the health note too
    assert window.justified_button.isHidden()
    qtbot.waitUntil(lambda: window.history_model.rowCount() >= 3, timeout=TIMEOUT)
    qtmodeltester.check(window.history_model)


def test_a_coordinator_sees_less_until_a_justified_access(qtbot, scene) -> None:
    dialogs = ScriptedDialogs(texts=["Préparation de la commission CCAPEX"])
    coordinator = Actor(user_id=None, login="camille", grants=(Grant("coordinator"),))
    window = open_file(qtbot, scene, coordinator, dialogs)
    assert window.notes_list.count() == 1
    assert "réservées au cercle du référent" in window.withheld_label.text()
    assert not window.justified_button.isHidden()
    window.justified_button.click()
    qtbot.waitUntil(lambda: window.notes_list.count() == 2, timeout=TIMEOUT)
    assert dialogs.calls[0][0] == "ask_text"
    assert window.justified_button.isHidden()


def test_writing_a_note_through_the_gui(qtbot, scene) -> None:
    window = open_file(qtbot, scene, scene[2], ScriptedDialogs())
    assert not window.note_button.isHidden()
    dialog = window.ask_note()
    levels = [dialog.level_combo.itemData(i) for i in range(dialog.level_combo.count())]
    assert levels == ["shared", "confidential", "health"]
    dialog.save_button.click()  # nothing typed: refused, the dialog stays open
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=TIMEOUT)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("⚠ ")
    qtbot.keyClicks(dialog.text_edit, "Visite du logement avec Mme Diallo : tout va bien")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: window.notes_list.count() == 3, timeout=TIMEOUT)
    assert "Visite du logement" in window.notes_list.item(0).text()


def test_a_reader_cannot_write_notes(qtbot, scene) -> None:
    reader = Actor(user_id=None, login="rita", grants=(Grant("rental_manager"),))
    window = open_file(qtbot, scene, reader, ScriptedDialogs())
    assert window.note_button.isHidden()


def test_glissement_done_through_the_gui(qtbot, qapp, tmp_path) -> None:
    create_application(["seuil-tests"])
    workspace = open_workspace(resolve_database(str(tmp_path / "bg.db")))
    db = workspace.database
    with db.begin_write() as c:
        c.execute(insert(m.Programme).values(name="Bail glissant Rhône", kind="sliding_lease"))
        c.execute(insert(m.Landlord).values(name="Rhône Habitat Solidaire", kind="social"))
        c.execute(
            insert(m.Dwelling).values(
                reference="BG-7",
                address="3 rue Garibaldi",
                commune="Lyon",
                programme_id=1,
                landlord_id=1,
                captured_on=date(2024, 12, 1),
            )
        )
        c.execute(
            insert(m.MainLease).values(
                dwelling_id=1,
                landlord_id=1,
                start_date=date(2024, 12, 1),
                rent=48_000,
                charges=5_000,
                has_sliding_clause=True,
            )
        )
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=date(2025, 3, 3),
        members=[MemberInput("Haddad", "Leïla", None, "f", "head")],
    )
    open_stay(
        db,
        actor=SYSTEM_ACTOR,
        household_id=created.household_id,
        programme_id=1,
        entry=date(2025, 3, 3),
        today=TODAY,
    )
    create_contract(
        db,
        actor=SYSTEM_ACTOR,
        household_id=created.household_id,
        dwelling_id=1,
        kind="sliding_sublease",
        start=date(2025, 3, 3),
        rate=RateInput(rent=48_000, charges=5_000),
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    try:
        window = HouseholdFileWindow(
            workspace, created.household_id, tasks=tasks, dialogs=ScriptedDialogs()
        )
        qtbot.addWidget(window)
        window.show()
        tab = window.contracts_tab
        qtbot.waitUntil(lambda: not tab.glissement_button.isHidden(), timeout=TIMEOUT)
        window.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(tab.glissement_button.isEnabled, timeout=TIMEOUT)
        qtbot.mouseClick(tab.glissement_button, Qt.MouseButton.LeftButton)
        dialog = tab.glissement_dialog
        assert dialog is not None  # a child of the file: closed with it
        dialog.date_edit.setDate(QDate(2026, 11, 1))
        assert "Le 31/10/2026, dernier jour de l'association" in dialog.summary_label.text()
        dialog.refunded_button.setChecked(True)
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(tab.glissement_button.isHidden, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: window.path_model.rowCount() == 2, timeout=TIMEOUT)
        day, what = path_rows(window)[0]
        assert (day, what) == (
            "31/10/2026",
            "Sortie — Bail glissant Rhône : Bail glissé (Projet réalisé)",
        )
        model = tab.contracts_model
        qtbot.waitUntil(lambda: model.data(model.index(0, 3)) == "Terminé", timeout=TIMEOUT)
        assert model.data(model.index(0, 4)) == "Bail glissé"
    finally:
        tasks.shutdown()
        workspace.close()


def test_protected_file_contact_masked_for_the_coordinator(qtbot, scene) -> None:
    from sqlalchemy import update

    workspace = scene[0]

    workspace.database.run_write(lambda s: s.execute(update(m.Household).values(protected=True)))
    coordinator = Actor(user_id=None, login="camille", grants=(Grant("coordinator"),))
    window = open_file(qtbot, scene, coordinator, ScriptedDialogs())
    qtbot.waitUntil(lambda: "Dossier protégé" in window.title_label.text(), timeout=TIMEOUT)
    qtbot.waitUntil(
        lambda: window.contact_tab.address_label.text().startswith("Dossier protégé"),
        timeout=TIMEOUT,
    )
    assert window.contact_tab.persons_model.rowCount() == 0


def test_entry_and_exit_through_the_gui(qtbot, qapp, tmp_path) -> None:
    from desktop_app.ui.dialogs.stay import EntryDialog, ExitDialog

    create_application(["seuil-tests"])
    workspace = open_workspace(resolve_database(str(tmp_path / "stays.db")))
    db = workspace.database
    with db.begin_write() as c:
        c.execute(insert(m.Programme).values(name="IML Lyon", kind="iml_sublease"))
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=date(2025, 1, 6),
        members=[MemberInput("Petit", "Jean", None, "h", "head")],
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    try:
        window = HouseholdFileWindow(
            workspace, created.household_id, tasks=tasks, dialogs=ScriptedDialogs()
        )
        qtbot.addWidget(window)
        window.show()
        window.tabs.setCurrentIndex(3)
        assert window.exit_button.isHidden()
        qtbot.mouseClick(window.entry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.stay_dialog is not None, timeout=TIMEOUT)
        entry = window.stay_dialog
        assert isinstance(entry, EntryDialog)
        qtbot.addWidget(entry)
        assert entry.windowTitle() == "Entrée dans un dispositif"
        entry.entry_edit.setDate(QDate(2099, 1, 1))
        qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "dans le futur" in entry.error_label.text(), timeout=TIMEOUT)
        entry.entry_edit.setDate(QDate(2025, 1, 6))
        entry.situation_combo.setCurrentIndex(entry.situation_combo.findData("street"))
        qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.path_model.rowCount() == 1, timeout=TIMEOUT)
        assert path_rows(window) == [("06/01/2025", "Entrée — IML Lyon (venant de : Rue)")]
        assert not window.exit_button.isHidden()
        qtbot.mouseClick(window.exit_button, Qt.MouseButton.LeftButton)
        leave = window.stay_dialog
        assert isinstance(leave, ExitDialog)
        qtbot.addWidget(leave)
        leave.exit_edit.setDate(QDate(2026, 6, 30))
        leave.destination_combo.setCurrentIndex(leave.destination_combo.findData("kept_home"))
        qtbot.mouseClick(leave.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "mandat de gestion" in leave.error_label.text(), timeout=TIMEOUT)
        leave.destination_combo.setCurrentIndex(leave.destination_combo.findData("social_housing"))
        leave.reason_combo.setCurrentIndex(leave.reason_combo.findData("project_achieved"))
        qtbot.mouseClick(leave.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.path_model.rowCount() == 2, timeout=TIMEOUT)
        assert path_rows(window)[0] == (
            "30/06/2026",
            "Sortie — IML Lyon : Logement social – bail direct (Projet réalisé)",
        )
        assert window.exit_button.isHidden()
    finally:
        tasks.shutdown()
        workspace.close()


def test_a_finding_opens_the_tab_of_its_record(qtbot, scene) -> None:
    window = open_file(qtbot, scene, scene[2], ScriptedDialogs())
    expected = {
        "stay": window.path_page,
        "support_measure": window.support_tab,
        "occupancy_contract": window.contracts_tab,
        "person": window.composition_tab,
        "document": window.documents_tab,
        "issued_document": window.account_tab,
        "ledger_entry": window.account_tab,
        "housing_application": window.rehousing_tab,
    }
    # every record a data-quality check names (services.report_quality) has its tab
    assert set(RECORD_TABS) == set(expected)
    for record, tab in expected.items():
        assert window.show_tab(RECORD_TABS[record]), record
        assert window.tabs.currentWidget() is tab, record
    # a tab that is not there leaves the file where it was
    window.tabs.setCurrentWidget(window.composition_tab)
    assert not window.show_tab("elsewhere")
    window.tabs.setTabVisible(window.tabs.indexOf(window.account_tab), False)
    assert not window.show_tab("account")
    assert window.tabs.currentWidget() is window.composition_tab


def test_an_exit_without_destination_is_corrected_from_the_path(qtbot, scene) -> None:
    from desktop_app.ui.dialogs.stay import CorrectExitDialog

    workspace, household_id, worker, _tasks = scene
    [stay] = list_stays(workspace.database, actor=SYSTEM_ACTOR, household_id=household_id)
    close_stay(  # recorded without its destination: a blocking finding of the returns
        workspace.database,
        actor=SYSTEM_ACTOR,
        stay_id=stay.stay_id,
        exit=date(2026, 10, 31),
        destination="unknown",
        exit_reason="unknown",
        today=TODAY,
    )
    window = open_file(qtbot, scene, worker, ScriptedDialogs())
    window.show_tab("path")
    assert window.exit_button.isHidden()
    qtbot.waitUntil(lambda: not window.correct_exit_button.isHidden(), timeout=TIMEOUT)
    qtbot.mouseClick(window.correct_exit_button, Qt.MouseButton.LeftButton)
    dialog = window.stay_dialog
    assert isinstance(dialog, CorrectExitDialog)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Corriger une sortie"
    assert dialog.stay_combo.currentText() == "IML Lyon, sortie le 31/10/2026"
    assert dialog.exit_edit.date() == QDate(2026, 10, 31)
    assert dialog.destination_combo.currentData() == "unknown"
    dialog.destination_combo.setCurrentIndex(dialog.destination_combo.findData("third_party"))
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("household_choice"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: path_rows(window)[0][1].startswith("Sortie — IML Lyon : Chez un tiers"),
        timeout=TIMEOUT,
    )
    [after] = list_stays(workspace.database, actor=SYSTEM_ACTOR, household_id=household_id)
    assert (after.exit, after.destination, after.exit_reason) == (
        date(2026, 10, 31),
        "third_party",
        "household_choice",
    )


def test_the_coordination_exports_the_file_for_a_right_of_access(qtbot, scene, tmp_path) -> None:
    import openpyxl

    coordinator = Actor(user_id=None, login="camille", grants=(Grant("coordinator"),))
    target = tmp_path / "dossier"  # no suffix typed: .xlsx is added
    dialogs = ScriptedDialogs(files=[target], confirmations=[True])
    window = open_file(qtbot, scene, coordinator, dialogs)
    assert not window.export_button.isHidden()
    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "dossier.xlsx"
    qtbot.waitUntil(lambda: dialogs.opened == [written], timeout=TIMEOUT)
    kind, title, suggested = dialogs.calls[0]
    assert (kind, title) == ("save_file", "Exporter le dossier (droit d'accès)")
    assert suggested.endswith(f"droit-acces-M-00001-{date.today().isoformat()}.xlsx")
    assert "Relisez-le avant de le remettre" in dialogs.calls[-1][2]
    assert "Notes" in openpyxl.load_workbook(written).sheetnames
    assert window.export_button.isEnabled()
    # a social worker has no such button: the right of access is answered by the coordination
    worker_window = open_file(qtbot, scene, scene[2], ScriptedDialogs())
    assert worker_window.export_button.isHidden()
