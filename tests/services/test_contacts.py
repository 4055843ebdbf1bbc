"""Contacts: logged fast with their notes, read back, the last contact date, appointments."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.services.contacts import (
    NoteInput,
    appointments_due,
    contacts_of,
    last_contact_date,
    last_contact_dates,
    log_contact,
)
from desktop_app.services.households import MASK
from desktop_app.services.notes import read_notes
from desktop_app.services.support import open_measure
from tests.services.support_builders import NOW, TODAY, Scene, build_scene

pytestmark = pytest.mark.db


@pytest.fixture
def scene(database_target: DatabaseTarget):
    built = build_scene(database_target)
    yield built
    built.workspace.close()


def codes(error: InvalidInput) -> list[str]:
    return [issue.code for issue in error.issues]


def log(scene: Scene, kind: str, held_on: date, **options: object):
    values: dict[str, object] = {
        "actor": scene.actors["sw"],
        "household_id": scene.ids["m1"],
        "kind": kind,
        "held_on": held_on,
        "today": TODAY,
    }
    values.update(options)
    return log_contact(scene.database, **values)  # type: ignore[arg-type]


def test_a_contact_with_its_themes_persons_and_notes_is_read_back(scene: Scene) -> None:
    sw = scene.actors["sw"]
    measure = open_measure(
        scene.database,
        actor=sw,
        household_id=scene.ids["m1"],
        programme_id=scene.ids["avdl"],
        kind="avdl_non_dalo",
        start=date(2026, 1, 5),
        today=TODAY,
    )
    logged = log_contact(
        scene.database,
        actor=sw,
        household_id=scene.ids["m1"],
        kind="home_visit",
        minutes=75,
        themes=["Budget / dettes", " Santé ", "Budget / dettes"],
        person_ids=[scene.ids["awa"], scene.ids["moussa"]],
        measure_id=measure.measure_id,
        notes=[
            NoteInput("shared", "Logement bien tenu ; compteur à relever."),
            NoteInput("health", "Suivi CMP à reprendre."),
        ],
        next_appointment_on=date(2026, 6, 29),
        today=TODAY,
        now=NOW,
    )
    # the date defaults to today and the worker to the actor
    assert (logged.held_on, logged.worker, logged.counts_as_contact) == (
        TODAY,
        "Claire Martin",
        True,
    )
    assert logged.themes == ("Budget / dettes", "Santé")
    [contact] = contacts_of(scene.database, actor=sw, household_id=scene.ids["m1"])
    assert contact == logged
    assert [p.name for p in contact.persons] == ["Awa Diallo", "Moussa Diallo"]
    assert [(n.level, n.text) for n in contact.notes] == [
        ("shared", "Logement bien tenu ; compteur à relever.")
    ]
    assert contact.private_notes == 1
    # the notes are Notes of the household, linked to the contact, about the persons present
    rows = scene.database.run_read(
        lambda s: [
            (n.level, n.contact_id, n.written_on, sorted(p.person_id for p in persons))
            for n in s.scalars(select(m.Note).order_by(m.Note.id))
            for persons in [s.scalars(select(m.NotePerson).where(m.NotePerson.note_id == n.id))]
        ]
    )
    both = sorted([scene.ids["awa"], scene.ids["moussa"]])
    assert rows == [
        ("shared", logged.contact_id, TODAY, both),
        ("health", logged.contact_id, TODAY, both),
    ]
    notes = read_notes(scene.database, actor=sw, household_id=scene.ids["m1"])
    assert {n.text for n in notes.notes} == {
        "Logement bien tenu ; compteur à relever.",
        "Suivi CMP à reprendre.",
    }
    # the host of the house reads the contact and its shared note, not the health one
    [seen] = contacts_of(scene.database, actor=scene.actors["host"], household_id=scene.ids["m1"])
    assert [n.level for n in seen.notes] == ["shared"]
    assert seen.private_notes == 1
    assert scene.database.run_read(audit.verify).ok


def test_logging_is_a_few_statements(scene: Scene, count_statements) -> None:
    log(scene, "office", TODAY)  # warm the caches
    with count_statements(scene.database.engine) as counter:
        log(
            scene,
            "office",
            TODAY,
            minutes=30,
            themes=["Accès aux droits"],
            person_ids=[scene.ids["awa"]],
            notes=[NoteInput("shared", "Dossier CAF complété.")],
            next_appointment_on=TODAY + timedelta(days=14),
        )
    assert counter.count <= 22, counter.statements  # 19 on SQLite today


def test_refusals_name_their_field(scene: Scene) -> None:
    with pytest.raises(InvalidInput) as refused:
        log(
            scene,
            "chat",
            TODAY + timedelta(days=1),
            minutes=-5,
            next_appointment_on=TODAY,
            notes=[NoteInput("secret", " ")],
        )
    assert codes(refused.value) == [
        "contact.code_unknown",
        "contact.future",
        "contact.minutes_invalid",
        "contact.appointment_before",
        "contact.note_level",
        "contact.note_empty",
    ]
    assert refused.value.issues[1].text.startswith(
        "Un contact ne peut pas être daté après aujourd'hui (15/06/2026)"
    )
    other = open_measure(
        scene.database,
        actor=scene.actors["sw2"],
        household_id=scene.ids["m2"],
        programme_id=scene.ids["avdl"],
        kind="asll",
        start=date(2026, 2, 1),
        today=TODAY,
    )
    with pytest.raises(InvalidInput) as refused:
        log(
            scene,
            "office",
            TODAY,
            themes=["Astrologie"],
            person_ids=[scene.ids["jean"]],
            measure_id=other.measure_id,
        )
    assert codes(refused.value) == [
        "contact.theme_unknown",
        "contact.person_foreign",
        "contact.measure_foreign",
    ]
    # outside the caseload, and a confidential note by the coordinator
    with pytest.raises(RefusedError, match="enregistrer contacts et mesures"):
        log(scene, "office", TODAY, actor=scene.actors["sw2"])
    with pytest.raises(RefusedError, match="écrire des notes confidentielles"):
        log(
            scene,
            "office",
            TODAY,
            actor=scene.actors["coord"],
            notes=[NoteInput("confidential", "Situation familiale difficile.")],
        )
    assert contacts_of(scene.database, actor=scene.actors["sw"], household_id=scene.ids["m1"]) == []


def test_last_contact_date_skips_missed_and_indirect_work(scene: Scene) -> None:
    sw = scene.actors["sw"]
    assert last_contact_date(scene.database, actor=sw, household_id=scene.ids["m1"]) is None
    log(scene, "office", date(2026, 3, 1))
    log(scene, "no_show", date(2026, 3, 10))
    log(scene, "indirect", date(2026, 3, 12))
    log(scene, "partner_contact", date(2026, 3, 13))
    assert last_contact_date(scene.database, actor=sw, household_id=scene.ids["m1"]) == date(
        2026, 3, 1
    )
    log(scene, "phone", date(2026, 3, 15))
    log(scene, "office", date(2026, 4, 2), actor=scene.actors["sw2"], household_id=scene.ids["m2"])
    assert scene.database.run_read(
        lambda s: last_contact_dates(s, [scene.ids["m1"], scene.ids["m2"], 999])
    ) == {scene.ids["m1"]: date(2026, 3, 15), scene.ids["m2"]: date(2026, 4, 2)}
    flags = [
        (c.kind, c.counts_as_contact)
        for c in contacts_of(scene.database, actor=sw, household_id=scene.ids["m1"])
    ]
    assert flags[:3] == [("phone", True), ("partner_contact", False), ("indirect", False)]


def test_appointments_stay_until_the_household_is_met(scene: Scene) -> None:
    sw = scene.actors["sw"]

    def due(on: date, login: str = "sw", **options: object):
        return [
            (a.household_reference, a.due_on, a.urgency, a.worker)
            for a in appointments_due(
                scene.database,
                actor=scene.actors[login],
                on=on,
                **options,  # type: ignore[arg-type]
            )
        ]

    log(scene, "office", date(2026, 3, 1), next_appointment_on=date(2026, 3, 20))
    assert due(date(2026, 3, 2)) == [("M-1", date(2026, 3, 20), "soon", "Claire Martin")]
    log(scene, "indirect", date(2026, 3, 12))  # work without the household: still expected
    assert due(date(2026, 3, 21)) == [("M-1", date(2026, 3, 20), "overdue", "Claire Martin")]
    assert due(date(2026, 3, 21), "coord") == []
    assert len(due(date(2026, 3, 21), "coord", team=True)) == 1
    assert due(date(2026, 3, 21), "sw2", team=True) == []
    log(scene, "no_show", date(2026, 3, 20), next_appointment_on=date(2026, 4, 3))
    assert due(date(2026, 3, 21)) == [("M-1", date(2026, 4, 3), "soon", "Claire Martin")]
    log(scene, "office", date(2026, 4, 3))
    assert due(date(2026, 4, 4)) == []
    assert due(date(2026, 4, 4), household_id=scene.ids["m1"]) == []
    with pytest.raises(InvalidInput) as refused:
        appointments_due(scene.database, actor=sw, on=TODAY, horizon_days=400)
    assert codes(refused.value) == ["reminder.horizon_invalid"]


def test_a_protected_file_masks_the_persons_outside_its_circle(scene: Scene) -> None:
    log(scene, "office", date(2026, 3, 1), person_ids=[scene.ids["awa"]])
    with scene.database.begin_write() as c:
        c.execute(update(m.Household).values(protected=True))
    [seen] = contacts_of(scene.database, actor=scene.actors["coord"], household_id=scene.ids["m1"])
    assert [p.name for p in seen.persons] == [MASK]
    [own] = contacts_of(scene.database, actor=scene.actors["sw"], household_id=scene.ids["m1"])
    assert [p.name for p in own.persons] == ["Awa Diallo"]
