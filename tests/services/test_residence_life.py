"""A pension de famille's collective life: values read back, refusals in French (issue 8)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select, update

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.parameters import PLAIN_SETTING_DATE
from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import residence_life as svc
from desktop_app.services.documents import add_document
from desktop_app.services.households import MASK
from tests.services.support_builders import NOW, TODAY, Scene, add, build_scene

pytestmark = pytest.mark.db

JUNE = Period.month(2026, 6)


@pytest.fixture
def scene(database_target: DatabaseTarget):
    """The support scene plus a second resident household (protected, followed by sw2)."""
    built = build_scene(database_target)
    ids = built.ids
    with built.database.begin_write() as c:
        ids["room2"] = add(
            c,
            m.Dwelling,
            reference="TIL-02",
            address="4 impasse des Tilleuls",
            commune="Villeurbanne",
            programme_id=ids["pension"],
            residence_id=ids["tilleuls"],
        )
        add(c, m.ResidenceHost, residence_id=ids["tilleuls"], user_id=ids["host"])
        ids["m3"] = add(c, m.Household, reference="M-3", key_worker_id=ids["sw2"], protected=True)
        ids["paul"] = add(c, m.Person, first_name="Paul", last_name="Durand", sex="h")
        add(
            c,
            m.Membership,
            household_id=ids["m3"],
            person_id=ids["paul"],
            role="head",
            joined_on=date(2026, 3, 1),
        )
        add(
            c,
            m.OccupancyContract,
            household_id=ids["m3"],
            dwelling_id=ids["room2"],
            kind="residence_agreement",
            start_date=date(2026, 3, 1),
        )
    yield built
    built.workspace.close()


def set_parameter(scene: Scene, key: str, value: int) -> None:
    """Change a plain setting as the coordinator would (the row exists from the start)."""
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Parameter)
            .where(m.Parameter.key == key, m.Parameter.valid_from == PLAIN_SETTING_DATE)
            .values(value=json.dumps(value))
        )


def codes(error: InvalidInput) -> list[str]:
    return [issue.code for issue in error.issues]


def meal(scene: Scene, **overrides: object) -> svc.ActivityInfo:
    values: dict[str, object] = {
        "actor": scene.actors["host"],
        "residence_id": scene.ids["tilleuls"],
        "held_on": date(2026, 6, 10),
        "kind": "shared_meal",
        "title": "  Repas   de l'été ",
        "host_id": scene.ids["host"],
        "today": TODAY,
        "now": NOW,
    }
    values.update(overrides)
    return svc.record_activity(scene.database, **values)  # type: ignore[arg-type]


def count_rows(scene: Scene, model: type[m.Base]) -> int:
    return scene.database.run_read(lambda s: s.scalar(select(func.count()).select_from(model)) or 0)


def audit_rows(scene: Scene, entity: str) -> list[tuple[str, int | None]]:
    return scene.database.run_read(
        lambda s: [
            (e.action, e.count)
            for e in s.scalars(
                select(m.AuditEvent).where(m.AuditEvent.entity == entity).order_by(m.AuditEvent.id)
            )
        ]
    )


# ------------------------------------------------------------------ residents


def test_residents_show_house_rules_absences_and_guests(scene: Scene) -> None:
    ids, host = scene.ids, scene.actors["host"]
    add_document(
        scene.database,
        actor=scene.actors["sw"],
        household_id=ids["m1"],
        content=b"%PDF-1.4\n% reglement\n%%EOF\n",
        file_name="reglement.pdf",
        kind="house_rules",
        title="Règlement intérieur signé",
        dated_on=date(2025, 1, 6),
        now=NOW,
    )
    absence = svc.record_absence(
        scene.database,
        actor=host,
        residence_id=ids["tilleuls"],
        person_id=ids["awa"],
        kind="hospital",
        start=date(2026, 6, 12),
        now=NOW,
    )
    guest = svc.declare_guest(
        scene.database,
        actor=host,
        residence_id=ids["tilleuls"],
        household_id=ids["m1"],
        guest_name=" Fatou   Diallo ",
        start=date(2026, 6, 1),
        end=date(2026, 6, 30),
        now=NOW,
    )
    assert (guest.guest_name, guest.household_id) == ("Fatou Diallo", ids["m1"])

    listed = svc.residents(scene.database, actor=host, residence_id=ids["tilleuls"], on=TODAY)
    assert (listed.residence, listed.on) == ("Les Tilleuls", TODAY)
    assert [h.name for h in listed.hosts] == ["Nadia Haddad"]
    first, second = listed.residents
    assert (first.reference, first.dwelling, first.since) == ("M-1", "TIL-01", date(2025, 1, 6))
    assert first.names == "Awa Diallo, Moussa Diallo"
    assert first.house_rules_signed
    assert [(p.name, p.absent) for p in first.persons] == [
        ("Awa Diallo", True),
        ("Moussa Diallo", False),
    ]
    assert [(a.absence_id, a.kind, a.person) for a in first.absences] == [
        (absence.absence_id, "hospital", "Awa Diallo")
    ]
    assert [g.guest_name for g in first.guests] == ["Fatou Diallo"]
    # M-3 is protected and the host is outside its circle: names masked, no house rules
    assert (second.reference, second.masked, second.house_rules_signed) == ("M-3", True, False)
    assert [p.name for p in second.persons] == [MASK]
    # its key worker sees the names; before the contract nobody lived there
    seen = svc.residents(
        scene.database, actor=scene.actors["sw2"], residence_id=ids["tilleuls"], on=TODAY
    )
    assert seen.residents[1].names == "Paul Durand"
    before = svc.residents(
        scene.database, actor=host, residence_id=ids["tilleuls"], on=date(2025, 1, 5)
    )
    assert before.residents == ()
    # back from hospital: the absence ends, the list says so the next day
    ended = svc.end_absence(
        scene.database,
        actor=host,
        absence_id=absence.absence_id,
        version=absence.version,
        end=date(2026, 6, 16),
        now=NOW,
    )
    assert ended.end == date(2026, 6, 16)
    later = svc.residents(
        scene.database, actor=host, residence_id=ids["tilleuls"], on=date(2026, 6, 17)
    )
    assert later.residents[0].absences == ()
    with pytest.raises(RefusedError, match="modifié par host"):
        svc.end_absence(
            scene.database,
            actor=host,
            absence_id=absence.absence_id,
            version=absence.version,
            end=date(2026, 6, 18),
        )


def test_residences_and_residents_stay_inside_the_house(scene: Scene) -> None:
    ids = scene.ids
    [mine] = svc.residences(scene.database, actor=scene.actors["host"])
    assert (mine.name, mine.may_edit) == ("Les Tilleuls", True)
    coordinator = svc.residences(scene.database, actor=scene.actors["coord"])
    assert [(r.name, r.may_edit) for r in coordinator] == [
        ("Les Acacias", False),
        ("Les Tilleuls", False),
    ]
    with pytest.raises(RefusedError, match="vie collective"):
        svc.residents(scene.database, actor=scene.actors["host2"], residence_id=ids["tilleuls"])
    with pytest.raises(RefusedError):
        svc.residences(scene.database, actor=scene.actors["secr"])


# ------------------------------------------------------------------ activities


def test_bulk_attendance_is_one_call_and_one_audit_event(scene: Scene) -> None:
    ids = scene.ids
    everyone = [ids["awa"], ids["moussa"], ids["paul"]]
    activity = meal(scene, attendees=everyone)
    assert (activity.title, activity.kind, activity.host) == (
        "Repas de l'été",
        "shared_meal",
        "Nadia Haddad",
    )
    assert activity.named
    assert activity.count == 3
    assert [a.name for a in activity.attendees] == ["Awa Diallo", MASK, "Moussa Diallo"]
    assert count_rows(scene, m.ActivityAttendance) == 3
    assert audit_rows(scene, "collective_activity") == [("create", 3)]

    # GIVEN the list of the month WHEN attendance is corrected in bulk THEN it is replaced
    changed = svc.update_attendance(
        scene.database,
        actor=scene.actors["host"],
        activity_id=activity.activity_id,
        version=activity.version,
        attendees=[ids["awa"]],
        now=NOW,
    )
    assert changed.version > activity.version
    month = svc.activities(
        scene.database, actor=scene.actors["coord"], residence_id=ids["tilleuls"], period=JUNE
    )
    [listed] = month.activities
    assert [a.name for a in listed.attendees] == ["Awa Diallo"]
    assert (month.participations, month.participants) == (1, 1)
    assert audit_rows(scene, "collective_activity") == [("create", 3), ("update", 1)]
    with pytest.raises(RefusedError, match="modifié par host"):
        svc.update_attendance(
            scene.database,
            actor=scene.actors["host"],
            activity_id=activity.activity_id,
            version=activity.version,
            attendees=everyone,
        )
    # a volunteer ticks attendance, but records nothing else
    svc.update_attendance(
        scene.database,
        actor=scene.actors["volunteer"],
        activity_id=activity.activity_id,
        version=changed.version,
        attendees=everyone,
    )
    with pytest.raises(RefusedError):
        meal(scene, actor=scene.actors["volunteer"], attendees=everyone)


def test_head_count_for_health_and_refused_attendance(scene: Scene) -> None:
    ids = scene.ids
    assert svc.default_attendance("health") == svc.HEAD_COUNT
    assert svc.default_attendance("outing") == svc.NAMED
    health = meal(scene, kind="health", title="Dépistage", head_count=5)
    assert (health.named, health.count, health.attendees) == (False, 5, ())
    history = scene.database.run_read(
        lambda s: [
            (h.field, h.new_value)
            for h in s.scalars(
                select(m.ChangeHistory).where(m.ChangeHistory.entity == "collective_activity")
            )
        ]
    )
    assert ("head_count", "5") in history
    assert ("held_on", "2026-06-10") in history
    with pytest.raises(InvalidInput) as both:
        meal(scene, attendees=[ids["awa"]], head_count=2)
    assert codes(both.value) == ["life.attendance_both"]
    with pytest.raises(InvalidInput) as neither:
        meal(scene)
    assert codes(neither.value) == ["life.attendance_missing"]
    with pytest.raises(InvalidInput) as wrong:
        meal(
            scene,
            kind="picnic",
            title=" ",
            held_on=date(2026, 6, 16),
            attendees=[ids["jean"]],  # M-2 does not live there
        )
    assert codes(wrong.value) == [
        "life.code_unknown",
        "life.title_required",
        "life.activity_future",
        "life.attendee_not_resident",
    ]
    assert "ne réside pas dans la pension le 16/06/2026" in wrong.value.text
    assert count_rows(scene, m.CollectiveActivity) == 1  # nothing saved half


# ------------------------------------------------------------------ liaison log


def test_liaison_log_is_read_inside_the_house_only(scene: Scene) -> None:
    ids, host = scene.ids, scene.actors["host"]
    entry = svc.write_liaison(
        scene.database,
        actor=host,
        residence_id=ids["tilleuls"],
        text="  Awa a oublié ses clés ; double remis.  ",
        tags=[ids["awa"]],
        now=NOW,
    )
    assert (entry.text, entry.author) == ("Awa a oublié ses clés ; double remis.", "Nadia Haddad")
    assert [t.name for t in entry.tags] == ["Awa Diallo"]
    for login in ("host", "coord", "sw"):
        shown = svc.liaison(
            scene.database,
            actor=scene.actors[login],
            residence_id=ids["tilleuls"],
            period=JUNE,
            today=TODAY,
        )
        assert [e.entry_id for e in shown] == [entry.entry_id], login
    with pytest.raises(RefusedError, match="cahier de liaison"):
        svc.liaison(
            scene.database, actor=scene.actors["host2"], residence_id=ids["tilleuls"], period=JUNE
        )
    with pytest.raises(RefusedError):
        svc.write_liaison(
            scene.database, actor=scene.actors["host2"], residence_id=ids["tilleuls"], text="x"
        )
    with pytest.raises(RefusedError):
        svc.write_liaison(
            scene.database, actor=scene.actors["coord"], residence_id=ids["tilleuls"], text="x"
        )
    with pytest.raises(InvalidInput) as wrong:
        svc.write_liaison(
            scene.database, actor=host, residence_id=ids["tilleuls"], text=" ", tags=[ids["jean"]]
        )
    assert codes(wrong.value) == ["life.liaison_required", "life.tag_not_resident"]
    with pytest.raises(RefusedError):
        svc.liaison(scene.database, actor=host, residence_id=ids["acacias"], period=JUNE)


def test_retention_purge_deletes_old_entries_only(scene: Scene) -> None:
    ids, host = scene.ids, scene.actors["host"]
    old = svc.write_liaison(
        scene.database,
        actor=host,
        residence_id=ids["tilleuls"],
        text="Ancienne consigne.",
        tags=[ids["awa"]],
        now=datetime(2025, 6, 10, 9, 0, tzinfo=UTC),
    )
    recent = svc.write_liaison(
        scene.database,
        actor=host,
        residence_id=ids["tilleuls"],
        text="Consigne du mois.",
        now=datetime(2025, 6, 20, 9, 0, tzinfo=UTC),
    )
    year = Period(date(2025, 1, 1), date(2026, 12, 31))
    # past the 12 months kept, an entry is no longer shown even before the purge
    shown = svc.liaison(
        scene.database, actor=host, residence_id=ids["tilleuls"], period=year, today=TODAY
    )
    assert [e.entry_id for e in shown] == [recent.entry_id]
    # a host of another house purges nothing here
    assert svc.purge_liaison(scene.database, actor=scene.actors["host2"], on=TODAY) == 0
    assert svc.purge_liaison(scene.database, actor=host, on=TODAY, now=NOW) == 1
    remaining = scene.database.run_read(
        lambda s: list(s.scalars(select(m.LiaisonEntry.id).order_by(m.LiaisonEntry.id)))
    )
    assert remaining == [recent.entry_id]
    assert old.entry_id not in remaining
    assert count_rows(scene, m.LiaisonTag) == 0
    assert audit_rows(scene, "liaison_entry")[-1] == ("purge", 1)
    # a longer retention keeps the rest; the system actor purges every house
    set_parameter(scene, "liaison.keep_months", 24)
    assert svc.purge_liaison(scene.database, actor=SYSTEM_ACTOR, on=date(2026, 7, 1)) == 0
    assert svc.purge_liaison(scene.database, actor=SYSTEM_ACTOR, on=date(2027, 7, 1)) == 1


# ------------------------------------------------------------------ guests


def test_guest_stays_at_most_the_parameter_months(scene: Scene) -> None:
    ids, host = scene.ids, scene.actors["host"]

    def declare(name: str, start: date, end: date | None) -> svc.GuestInfo:
        return svc.declare_guest(
            scene.database,
            actor=host,
            residence_id=ids["tilleuls"],
            household_id=ids["m1"],
            guest_name=name,
            start=start,
            end=end,
            now=NOW,
        )

    with pytest.raises(InvalidInput) as too_long:
        declare("Fatou Diallo", date(2026, 3, 1), date(2026, 6, 1))
    assert codes(too_long.value) == ["life.guest_too_long"]
    assert too_long.value.issues[0].text == (
        "Un invité est hébergé au plus 3 mois d'affilée : arrivé le 01/03/2026, il repart au "
        "plus tard le 31/05/2026."
    )
    first = declare("Fatou Diallo", date(2026, 3, 1), date(2026, 4, 30))
    # the next declaration follows without a gap: the same stay, counted from 01/03
    with pytest.raises(InvalidInput) as chained:
        declare("fatou DIALLO", date(2026, 5, 1), date(2026, 6, 15))
    assert "arrivé le 01/03/2026" in chained.value.text
    declare("Fatou Diallo", date(2026, 5, 1), date(2026, 5, 31))
    with pytest.raises(InvalidInput) as overlap:
        declare("Fatou Diallo", date(2026, 4, 15), date(2026, 4, 20))
    assert codes(overlap.value) == ["life.guest_overlap"]
    with pytest.raises(InvalidInput) as no_end:
        declare("Omar", date(2026, 6, 1), None)
    assert codes(no_end.value) == ["life.guest_end_required"]
    with pytest.raises(InvalidInput) as elsewhere:
        svc.declare_guest(
            scene.database,
            actor=host,
            residence_id=ids["tilleuls"],
            household_id=ids["m2"],
            guest_name="Omar",
            start=date(2026, 6, 1),
            end=date(2026, 6, 2),
        )
    assert codes(elsewhere.value) == ["life.household_not_resident"]
    # ending earlier is always possible; a longer parameter allows a longer stay
    shorter = svc.end_guest(
        scene.database,
        actor=host,
        guest_id=first.guest_id,
        version=first.version,
        end=date(2026, 3, 31),
        now=NOW,
    )
    assert shorter.end == date(2026, 3, 31)
    set_parameter(scene, "residence.guest_max_months", 6)
    longer = declare("Omar", date(2026, 1, 1), date(2026, 5, 31))
    assert longer.end == date(2026, 5, 31)
    assert count_rows(scene, m.ResidentGuest) == 3


def test_the_daily_work_applies_the_liaison_retention(scene: Scene) -> None:
    from desktop_app.services.charges import daily

    ids, host = scene.ids, scene.actors["host"]
    svc.write_liaison(
        scene.database,
        actor=host,
        residence_id=ids["tilleuls"],
        text="Ancienne consigne.",
        now=datetime(2025, 6, 10, 9, 0, tzinfo=UTC),
    )
    report = daily(scene.database, actor=host, today=TODAY)
    purge = [step for step in report.steps if step.name == "liaison_purge"]
    assert [step.summary for step in purge] == [
        "1 note(s) plus ancienne(s) que la durée de conservation effacée(s)."
    ]
    assert scene.database.run_read(lambda s: s.scalar(select(func.count(m.LiaisonEntry.id)))) == 0
    # nothing left to purge: the step says nothing
    again = daily(scene.database, actor=host, today=TODAY)
    assert "liaison_purge" not in [step.name for step in again.steps]
