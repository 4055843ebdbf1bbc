"""The housing stock screens: landlords, residences, dwellings, main leases and vacancies.

Everything is typed into the real dialogs, saved through the task runner on a real database,
then read back through the services.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain.messages import message
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import housing as svc
from desktop_app.services.housing import DwellingInput
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.housing import HousingFormDialog
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.housing import HousingView

pytestmark = pytest.mark.db
TIMEOUT = 10_000
GL = Actor(user_id=None, login="gl", grants=(Grant("rental_manager"),))
SW = Actor(user_id=None, login="sw", grants=(Grant("social_worker"),))


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


@dataclass
class Scene:
    workspace: Workspace
    tasks: TaskRunner
    iml: int
    pension: int

    def view(self, qtbot: Any, actor: Actor) -> HousingView:
        view = HousingView(replace(self.workspace, actor=actor), tasks=self.tasks)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=TIMEOUT)
        return view


@pytest.fixture
def scene(qapp: Any, database_target: DatabaseTarget) -> Iterator[Scene]:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        iml = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        pension = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Scene(workspace, tasks, iml, pension)
    tasks.shutdown()
    workspace.close()


def opened(qtbot: Any, page: Any, button: Any) -> Any:
    """Click a button of ``page`` and wait for the dialog it opens (choices may be read first)."""
    page.dialog = None
    button.click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=TIMEOUT)
    assert all(widget.accessibleName() for widget in page.dialog.fields.values())
    return page.dialog


def save(qtbot: Any, scene: Scene, dialog: HousingFormDialog) -> Any:
    """Save, wait for the service's DTO and for the lists to be read again."""
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT) as blocker:
        dialog.save_button.click()
    qtbot.waitUntil(lambda: not scene.tasks.busy, timeout=TIMEOUT)
    assert not dialog.isVisible()
    return blocker.args[0]


def refused(qtbot: Any, dialog: HousingFormDialog) -> dict[str, str]:
    """Save, and wait for the problems to appear in the dialog, which stays open."""
    dialog.save_button.click()
    qtbot.waitUntil(
        lambda: dialog.save_button.isEnabled() and bool(dialog.problems()), timeout=TIMEOUT
    )
    assert dialog.isVisible()
    return dialog.problems()


def test_landlords_through_the_gui(qtbot, qtmodeltester, scene) -> None:
    db = scene.workspace.database
    view = scene.view(qtbot, GL)
    landlords = view.landlords
    assert landlords is not None
    view.tabs.setCurrentWidget(landlords)
    assert landlords.add_button.isVisible()

    # GIVEN the landlords tab WHEN a landlord is typed and saved THEN the service lists it
    dialog = opened(qtbot, landlords, landlords.add_button)
    qtbot.keyClicks(dialog.name_edit, "Habitat Solidaire")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("social"))
    dialog.phone_edit.setText("04 78 00 00 00")
    save(qtbot, scene, dialog)
    [landlord] = svc.list_landlords(db, actor=GL)
    assert (landlord.name, landlord.kind, landlord.phone) == (
        "Habitat Solidaire",
        "social",
        "04 78 00 00 00",
    )
    assert landlords.model.rowCount() == 1
    assert landlords.model.data(landlords.model.index(0, 1)) == "Bailleur social / HLM"

    # WHEN it is opened from the keyboard and edited THEN the change is read back
    landlords.table.setFocus()
    landlords.table.selectRow(0)
    qtbot.keyClick(landlords.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: landlords.dialog is not None, timeout=TIMEOUT)
    dialog = landlords.dialog
    assert dialog.name_edit.text() == "Habitat Solidaire"
    dialog.email_edit.setText("contact@hs.example")
    save(qtbot, scene, dialog)
    assert svc.list_landlords(db, actor=GL)[0].email == "contact@hs.example"
    qtmodeltester.check(landlords.model)


def test_residences_through_the_gui(qtbot, qtmodeltester, scene) -> None:
    db = scene.workspace.database
    view = scene.view(qtbot, GL)
    residences = view.residences
    view.tabs.setCurrentWidget(residences)

    # GIVEN the residences tab WHEN a pension is added with 20 places THEN they are dated
    dialog = opened(qtbot, residences, residences.add_button)
    dialog.name_edit.setText("Les Tilleuls")
    dialog.programme_combo.setCurrentIndex(dialog.programme_combo.findData(scene.pension))
    dialog.places_spin.setValue(20)
    dialog.valid_from_edit.setDate(QDate(2024, 1, 1))
    dialog.postcode_edit.setText("69007")
    save(qtbot, scene, dialog)
    [residence] = svc.list_residences(db, actor=GL)
    assert (residence.name, residence.programme_id, residence.postcode) == (
        "Les Tilleuls",
        scene.pension,
        "69007",
    )
    assert residence.places == (svc.PlacesInfo(date(2024, 1, 1), 20),)

    # WHEN places are set from a later date THEN a second period starts
    residences.table.selectRow(0)
    dialog = opened(qtbot, residences, residences.places_button)
    assert dialog.places_spin.value() == 20
    dialog.valid_from_edit.setDate(QDate(2025, 1, 1))
    dialog.places_spin.setValue(22)
    save(qtbot, scene, dialog)
    assert svc.list_residences(db, actor=GL)[0].places[-1] == svc.PlacesInfo(date(2025, 1, 1), 22)
    assert residences.model.data(residences.model.index(0, 1)) == "Pension Les Tilleuls"
    periods = residences.model.data(residences.model.index(0, 4))
    assert all(part in periods for part in ("20", "01/01/2024", "22", "01/01/2025"))
    qtmodeltester.check(residences.model)

    # A residence in a programme that is not a pension: the French reason, what was typed kept
    dialog = opened(qtbot, residences, residences.add_button)
    dialog.name_edit.setText("La Maison")
    dialog.programme_combo.setCurrentIndex(dialog.programme_combo.findData(scene.iml))
    problems = refused(qtbot, dialog)
    assert problems == {"programme_id": "⚠ " + message("housing.residence_programme_kind")}
    assert dialog.name_edit.text() == "La Maison"
    assert len(svc.list_residences(db, actor=GL)) == 1


def test_dwelling_through_the_gui(qtbot, qtmodeltester, scene) -> None:
    db = scene.workspace.database
    landlord = svc.add_landlord(db, actor=GL, name="Rhône Habitat", kind="social")
    view = scene.view(qtbot, GL)
    page = view.dwellings
    view.tabs.setCurrentWidget(page)

    # GIVEN the dwellings tab WHEN a dwelling is typed and saved THEN the service lists it
    dialog = opened(qtbot, page, page.add_button)
    dialog.reference_edit.setText("LOG-1")
    dialog.address_edit.setText("3 rue des Lilas")
    dialog.postcode_edit.setText("69003")
    dialog.commune_edit.setText("Lyon")
    dialog.programme_combo.setCurrentIndex(dialog.programme_combo.findData(scene.iml))
    dialog.landlord_combo.setCurrentIndex(dialog.landlord_combo.findData(landlord.landlord_id))
    dialog.typology_combo.setCurrentIndex(dialog.typology_combo.findData("t2"))
    dialog.surface_edit.setText("42,5")
    dialog.captured_edit.setDate(QDate(2024, 1, 1))
    saved = save(qtbot, scene, dialog)
    [dwelling] = svc.list_dwellings(db, actor=GL)
    assert dwelling == saved
    assert (dwelling.reference, dwelling.programme_id, dwelling.landlord_id) == (
        "LOG-1",
        scene.iml,
        landlord.landlord_id,
    )
    assert (dwelling.typology, dwelling.surface_m2, dwelling.captured_on) == (
        "t2",
        Decimal("42.5"),
        date(2024, 1, 1),
    )
    # the new dwelling is selected, its row names its programme and landlord
    assert page.selected_dwelling() == dwelling
    texts = [page.proxy.data(page.proxy.index(0, column)) for column in range(8)]
    assert (texts[3], texts[6]) == ("IML Lyon", "Rhône Habitat")
    # the occupancy tab now offers the programme
    assert view.programme_combo.findData(scene.iml) >= 0

    # WHEN a second dwelling takes the same reference THEN the reason shows under the field
    dialog = opened(qtbot, page, page.add_button)
    dialog.reference_edit.setText("LOG-1")
    dialog.address_edit.setText("5 rue des Lilas")
    dialog.commune_edit.setText("Lyon")
    dialog.surface_edit.setText("vingt")
    assert refused(qtbot, dialog) == {
        "surface_m2": "⚠ " + message("housing_screen.number_invalid", value="vingt")
    }
    dialog.surface_edit.clear()
    assert refused(qtbot, dialog) == {
        "reference": "⚠ " + message("housing.reference_taken", reference="LOG-1")
    }
    assert dialog.address_edit.text() == "5 rue des Lilas"
    dialog.reject()

    # WHEN it is edited THEN the change is read back and the selection stays
    dialog = opened(qtbot, page, page.edit_button)
    assert dialog.surface_edit.text() == "42,5"
    dialog.lots_spin.setValue(2)
    save(qtbot, scene, dialog)
    assert svc.list_dwellings(db, actor=GL)[0].lots == 2
    assert page.selected_dwelling().lots == 2

    # WHEN the dwelling is returned to its landlord THEN the status says so
    dialog = opened(qtbot, page, page.return_button)
    dialog.returned_edit.setDate(QDate(2025, 12, 31))
    save(qtbot, scene, dialog)
    assert svc.list_dwellings(db, actor=GL)[0].returned_on == date(2025, 12, 31)
    assert "31/12/2025" in page.proxy.data(page.proxy.index(0, 7))
    for model in (page.model, page.proxy, view.model):
        qtmodeltester.check(model)


def selected_dwelling_page(qtbot: Any, scene: Scene) -> tuple[Any, svc.DwellingInfo]:
    """The dwellings tab of a rental manager, one dwelling captured on 01/01/2024 selected."""
    dwelling = svc.add_dwelling(
        scene.workspace.database,
        actor=GL,
        data=DwellingInput(
            reference="LOG-1",
            address="3 rue des Lilas",
            commune="Lyon",
            programme_id=scene.iml,
            captured_on=date(2024, 1, 1),
        ),
    )
    page = scene.view(qtbot, GL).dwellings
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: not scene.tasks.busy, timeout=TIMEOUT)
    assert page.selected_dwelling() == dwelling
    return page, dwelling


def test_main_leases_through_the_gui(qtbot, qtmodeltester, scene) -> None:
    db = scene.workspace.database
    landlord = svc.add_landlord(db, actor=GL, name="Rhône Habitat", kind="social")
    page, _ = selected_dwelling_page(qtbot, scene)

    # WHEN a main lease is added THEN it is stored in cents, with the landlord chosen
    dialog = opened(qtbot, page, page.add_lease_button)
    dialog.start_edit.setDate(QDate(2024, 2, 1))
    qtbot.keyClicks(dialog.rent_edit, "1 234,56")
    dialog.charges_edit.setText("50")
    dialog.sliding_check.setChecked(True)
    dialog.landlord_combo.setCurrentIndex(dialog.landlord_combo.findData(landlord.landlord_id))
    save(qtbot, scene, dialog)

    def leases(session: Session) -> list[tuple[Any, ...]]:
        rows = session.execute(
            select(
                m.MainLease.start_date,
                m.MainLease.end_date,
                m.MainLease.notice_date,
                m.MainLease.rent,
                m.MainLease.charges,
                m.MainLease.has_sliding_clause,
                m.MainLease.landlord_id,
            )
        )
        return [tuple(row) for row in rows]

    assert db.run_read(leases) == [
        (date(2024, 2, 1), None, None, 123_456, 5_000, True, landlord.landlord_id)
    ]
    assert page.leases_model.rowCount() == 1
    assert page.leases_model.data(page.leases_model.index(0, 3)) == "1\u202f234,56\u00a0€"
    assert page.leases_model.data(page.leases_model.index(0, 6)) == "Rhône Habitat"

    # WHEN an amount or a date cannot be read THEN the dialog says so, nothing is sent
    dialog = opened(qtbot, page, page.add_lease_button)
    dialog.start_edit.setDate(QDate(2024, 6, 1))
    dialog.rent_edit.setText("12,3,4")
    dialog.end_edit.setText("31/02/2025")
    assert refused(qtbot, dialog) == {
        "rent": "⚠ " + message("housing_screen.amount_invalid", value="12,3,4"),
        "end": "⚠ " + message("housing_screen.date_invalid", value="31/02/2025"),
    }
    # WHEN the lease overlaps the first one THEN the service's French reason shows under "start"
    dialog.rent_edit.setText("900")
    dialog.end_edit.clear()
    assert refused(qtbot, dialog) == {
        "start": "⚠ " + message("housing.lease_overlap", start="01/02/2024", end="…")
    }
    assert dialog.rent_edit.text() == "900"
    assert len(db.run_read(leases)) == 1
    dialog.reject()

    # WHEN the lease is ended before it starts THEN it is refused; then ended with a notice
    page.leases_table.selectRow(0)
    dialog = opened(qtbot, page, page.end_lease_button)
    dialog.end_edit.setDate(QDate(2024, 1, 15))
    assert refused(qtbot, dialog) == {
        "end": "⚠ " + message("housing.end_before_start", start="01/02/2024")
    }
    dialog.end_edit.setDate(QDate(2025, 12, 31))
    dialog.notice_edit.setText("30/06/2025")
    save(qtbot, scene, dialog)
    assert db.run_read(leases)[0][:3] == (date(2024, 2, 1), date(2025, 12, 31), date(2025, 6, 30))
    assert page.leases_model.data(page.leases_model.index(0, 1)) == "31/12/2025"
    qtmodeltester.check(page.leases_model)


def test_vacancies_through_the_gui(qtbot, qtmodeltester, scene) -> None:
    db = scene.workspace.database
    page, dwelling = selected_dwelling_page(qtbot, scene)

    # WHEN a vacancy starts before the capture THEN the service's reason shows under "start"
    dialog = opened(qtbot, page, page.add_vacancy_button)
    dialog.start_edit.setDate(QDate(2023, 12, 1))
    assert refused(qtbot, dialog) == {
        "start": "⚠ " + message("housing.vacancy_before_capture", captured_on="01/01/2024")
    }
    # WHEN it is corrected, with its reason THEN the service lists it, still running
    dialog.start_edit.setDate(QDate(2024, 1, 1))
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("refurbishment"))
    dialog.neutralised_check.setChecked(True)
    save(qtbot, scene, dialog)
    [vacancy] = svc.list_vacancies(db, actor=GL, dwelling_id=dwelling.dwelling_id)
    assert (vacancy.start, vacancy.end, vacancy.reason, vacancy.neutralised) == (
        date(2024, 1, 1),
        None,
        "refurbishment",
        True,
    )
    assert page.selected_dwelling() == dwelling
    assert page.vacancies_model.rowCount() == 1
    assert page.vacancies_model.data(page.vacancies_model.index(0, 2)) == "Remise en état"

    # WHEN it is ended THEN the end is read back and shown
    page.vacancies_table.selectRow(0)
    dialog = opened(qtbot, page, page.end_vacancy_button)
    dialog.end_edit.setDate(QDate(2024, 1, 31))
    save(qtbot, scene, dialog)
    [vacancy] = svc.list_vacancies(db, actor=GL, dwelling_id=dwelling.dwelling_id)
    assert vacancy.end == date(2024, 1, 31)
    assert page.vacancies_model.data(page.vacancies_model.index(0, 1)) == "31/01/2024"
    qtmodeltester.check(page.vacancies_model)


def test_programme_and_text_filters(qtbot, qtmodeltester, scene) -> None:
    db = scene.workspace.database
    base = DwellingInput(
        reference="",
        address="",
        commune="Lyon",
        programme_id=scene.iml,
        captured_on=date(2024, 1, 1),
    )
    svc.add_dwelling(db, actor=GL, data=replace(base, reference="A-1", address="3 rue des Lilas"))
    svc.add_dwelling(db, actor=GL, data=replace(base, reference="A-2", address="8 quai Perrache"))
    svc.add_dwelling(
        db,
        actor=GL,
        data=replace(
            base, reference="P-1", address="1 place Bellecour", programme_id=scene.pension
        ),
    )
    page = scene.view(qtbot, SW).dwellings
    assert page.model.rowCount() == 3
    page.search_edit.setText("LILAS lyon")
    assert page.proxy.rowCount() == 1
    assert page.proxy.data(page.proxy.index(0, 0)) == "A-1"
    qtmodeltester.check(page.proxy)
    page.search_edit.clear()
    page.programme_filter.setCurrentIndex(page.programme_filter.findData(scene.pension))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=TIMEOUT)
    assert page.model.row(0).reference == "P-1"
    qtmodeltester.check(page.model)


def test_a_read_only_role_sees_no_edit_buttons(qtbot, scene) -> None:
    db = scene.workspace.database
    svc.add_landlord(db, actor=GL, name="Rhône Habitat", kind="social")
    view = scene.view(qtbot, SW)
    assert view.landlords is not None
    qtbot.waitUntil(lambda: view.landlords.model.rowCount() == 1, timeout=TIMEOUT)
    buttons = [
        view.dwellings.add_button,
        view.dwellings.edit_button,
        view.dwellings.return_button,
        view.dwellings.add_lease_button,
        view.dwellings.end_lease_button,
        view.dwellings.add_vacancy_button,
        view.dwellings.end_vacancy_button,
        view.landlords.add_button,
        view.landlords.edit_button,
        view.residences.add_button,
        view.residences.places_button,
    ]
    assert all(button.isHidden() for button in buttons)


def test_a_host_sees_only_their_house(qtbot, scene) -> None:
    db = scene.workspace.database
    svc.add_landlord(db, actor=GL, name="Rhône Habitat", kind="social")
    house = svc.add_residence(
        db,
        actor=GL,
        name="Les Tilleuls",
        programme_id=scene.pension,
        places=12,
        valid_from=date(2024, 1, 1),
    )
    other = svc.add_residence(
        db,
        actor=GL,
        name="Les Acacias",
        programme_id=scene.pension,
        places=8,
        valid_from=date(2024, 1, 1),
    )
    base = DwellingInput(
        reference="",
        address="1 place Bellecour",
        commune="Lyon",
        programme_id=scene.pension,
        captured_on=date(2024, 1, 1),
    )
    svc.add_dwelling(
        db, actor=GL, data=replace(base, reference="T-1", residence_id=house.residence_id)
    )
    svc.add_dwelling(
        db, actor=GL, data=replace(base, reference="A-1", residence_id=other.residence_id)
    )
    svc.add_dwelling(db, actor=GL, data=replace(base, reference="I-1", programme_id=scene.iml))
    host = Actor(
        user_id=None, login="hote", grants=(Grant("host", residence_id=house.residence_id),)
    )
    view = scene.view(qtbot, host)
    assert view.landlords is None
    assert view.tabs.count() == 3  # occupancy, dwellings, residences: no landlords
    assert [
        view.dwellings.model.row(i).reference for i in range(view.dwellings.model.rowCount())
    ] == ["T-1"]
    assert [view.residences.model.row(i).name for i in range(view.residences.model.rowCount())] == [
        "Les Tilleuls"
    ]
    assert view.dwellings.add_button.isHidden()
    # no landlord name is shown to the host (landlords are association-wide)
    assert view.dwellings.model.data(view.dwellings.model.index(0, 6)) == ""
