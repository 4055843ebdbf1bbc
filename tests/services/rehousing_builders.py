"""The accompaniment scene (`support_builders`) with what rehousing needs.

``M-1`` (followed by ``sw``, living in room TIL-01 of the pension Les Tilleuls) gets its stay in
the pension since 06/01/2025 and an AVDL measure since 05/01/2026, in the phase "towards".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import insert

from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.stays import open_stay
from desktop_app.services.support import open_measure
from tests.services.support_builders import NOW, TODAY, Scene, build_scene

STAY_ENTRY = date(2025, 1, 6)
MEASURE_START = date(2026, 1, 5)


@dataclass
class RehousingScene:
    """The scene, M-1's stay and measure."""

    scene: Scene
    stay_id: int
    measure_id: int


def build_rehousing_scene(target: DatabaseTarget) -> RehousingScene:
    scene = build_scene(target)
    sw, m1 = scene.actors["sw"], scene.ids["m1"]
    stay = open_stay(
        scene.database,
        actor=scene.actors["coord"],
        household_id=m1,
        programme_id=scene.ids["pension"],
        entry=STAY_ENTRY,
        entry_situation="hotel_115",
        referrer="siao",
        today=TODAY,
    )
    measure = open_measure(
        scene.database,
        actor=sw,
        household_id=m1,
        programme_id=scene.ids["avdl"],
        kind="avdl_dalo",
        start=MEASURE_START,
        phase="towards",
        today=TODAY,
        now=NOW,
    )
    return RehousingScene(scene, stay.stay_id, measure.measure_id)


def add_candidature(scene: Scene, household: str = "m1") -> int:
    """An SIAO orientation to the pension (01/12/2024), admitted on 20/12/2024."""
    with scene.database.begin_write() as c:
        key = c.execute(
            insert(m.Candidature).values(
                household_id=scene.ids[household],
                programme_id=scene.ids["pension"],
                siao_reference="SIAO-69-2024-118",
                oriented_on=date(2024, 12, 1),
                referrer="siao",
                dalo_status="non_dalo",
                decision="admitted",
                decided_on=date(2024, 12, 20),
                created_at=datetime(2024, 12, 1, 9, 0, tzinfo=UTC),
            )
        ).inserted_primary_key
    assert key is not None
    return int(key[0])
