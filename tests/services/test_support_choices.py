"""The choices the Accompagnement forms offer: contact form lists, new-measure lists."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.parameters import SPECS
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.contacts import MeasureChoice, contact_choices
from desktop_app.services.households import MASK
from desktop_app.services.support import end_measure, measure_choices, open_measure
from tests.services.support_builders import TODAY, Scene, build_scene

pytestmark = pytest.mark.db


@pytest.fixture
def scene(database_target: DatabaseTarget):
    built = build_scene(database_target)
    yield built
    built.workspace.close()


def test_contact_choices_offer_themes_members_and_running_measures(scene: Scene) -> None:
    # GIVEN an ended diagnostic and a running AVDL measure, and Moussa who left last month
    sw, m1 = scene.actors["sw"], scene.ids["m1"]
    diagnostic = open_measure(
        scene.database,
        actor=sw,
        household_id=m1,
        programme_id=scene.ids["avdl"],
        kind="diagnostic",
        start=date(2025, 9, 1),
        today=TODAY,
    )
    end_measure(
        scene.database,
        actor=sw,
        measure_id=diagnostic.measure_id,
        version=diagnostic.version,
        end=date(2025, 12, 31),
        conclusion="support_proposed",
        today=TODAY,
    )
    running = open_measure(
        scene.database,
        actor=sw,
        household_id=m1,
        programme_id=scene.ids["avdl"],
        kind="avdl_non_dalo",
        start=date(2026, 1, 5),
        today=TODAY,
    )
    # WHEN the key worker opens the contact form
    choices = contact_choices(scene.database, actor=sw, household_id=m1, on=TODAY)
    # THEN the themes in force, the members (head first) and the running measure are offered
    assert list(choices.themes) == SPECS["contact.themes"].default
    assert [p.name for p in choices.persons] == ["Awa Diallo", "Moussa Diallo"]
    assert choices.measures == (MeasureChoice(running.measure_id, "avdl_non_dalo", running.start),)
    assert choices.private_notes
    # a member who left is no longer offered; an earlier day still shows the ended measure
    scene.database.run_write(
        lambda s: s.execute(
            update(m.Membership)
            .where(m.Membership.person_id == scene.ids["moussa"])
            .values(left_on=date(2026, 5, 31))
        )
    )
    earlier = contact_choices(scene.database, actor=sw, household_id=m1, on=date(2025, 10, 1))
    assert [c.kind for c in earlier.measures] == ["diagnostic"]
    now = contact_choices(scene.database, actor=sw, household_id=m1, on=TODAY)
    assert [p.person_id for p in now.persons] == [scene.ids["awa"]]


def test_contact_choices_follow_the_rights(scene: Scene) -> None:
    m1 = scene.ids["m1"]
    # the host of the house logs contacts, but writes no confidential or health note
    hosted = contact_choices(scene.database, actor=scene.actors["host"], household_id=m1)
    assert not hosted.private_notes
    assert len(hosted.persons) == 2
    # another worker's caseload is refused
    with pytest.raises(RefusedError):
        contact_choices(scene.database, actor=scene.actors["sw2"], household_id=m1)
    # a protected file hides the names from the coordinator (outside its circle)
    scene.database.run_write(
        lambda s: s.execute(update(m.Household).where(m.Household.id == m1).values(protected=True))
    )
    masked = contact_choices(scene.database, actor=scene.actors["coord"], household_id=m1)
    assert [p.name for p in masked.persons] == [MASK, MASK]
    assert masked.private_notes is False
    shown = contact_choices(scene.database, actor=scene.actors["sw"], household_id=m1)
    assert [p.name for p in shown.persons] == ["Awa Diallo", "Moussa Diallo"]


def test_measure_choices_list_programmes_and_funders_by_name(scene: Scene) -> None:
    choices = measure_choices(scene.database, actor=scene.actors["sw"])
    assert choices.programmes == (
        (scene.ids["avdl"], "AVDL Rhône"),
        (scene.ids["pension"], "Pension Les Tilleuls"),
    )
    assert choices.funders == (
        (scene.ids["ddets"], "DDETS du Rhône"),
        (scene.ids["fnavdl"], "FNAVDL"),
    )
    # whoever may never open a measure is refused
    volunteer = Actor(user_id=None, login="vol", grants=(Grant("volunteer"),))
    with pytest.raises(RefusedError):
        measure_choices(scene.database, actor=volunteer)
