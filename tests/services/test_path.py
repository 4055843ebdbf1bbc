"""The household's path: every dated step, newest first, in a constant number of queries."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from desktop_app.domain.errors import RefusedError
from desktop_app.paths import DatabaseTarget
from desktop_app.services.path import household_path
from desktop_app.services.rehousing import (
    record_application,
    record_dalo,
    record_offer,
    record_offer_outcome,
    record_rehousing,
    renew_application,
)
from tests.services.rehousing_builders import add_candidature, build_rehousing_scene
from tests.services.support_builders import TODAY

pytestmark = pytest.mark.db


@pytest.fixture
def built(database_target: DatabaseTarget):
    made = build_rehousing_scene(database_target)
    yield made
    made.scene.workspace.close()


def live_the_path(built) -> None:
    """Orientation, admission, stay, application, DALO, two offers, the rehousing."""
    scene, sw, m1 = built.scene, built.scene.actors["sw"], built.scene.ids["m1"]
    db = scene.database
    add_candidature(scene)
    filed = record_application(
        db, actor=sw, household_id=m1, number="069-2025-00123", filed_on=date(2025, 2, 1)
    )
    renewed = renew_application(
        db,
        actor=sw,
        application_id=filed.application_id,
        version=filed.version,
        renewed_on=date(2026, 1, 15),
        today=TODAY,
    )
    record_dalo(
        db,
        actor=sw,
        application_id=filed.application_id,
        version=renewed.version,
        dalo_filed_on=None,
        comed_decision_on=date(2026, 3, 12),
        recognised=True,
        appeal_on=None,
        today=TODAY,
    )
    refused = record_offer(
        db,
        actor=sw,
        household_id=m1,
        offered_on=date(2026, 4, 2),
        landlord="Alliade Habitat",
        commune="Vaulx-en-Velin",
        today=TODAY,
    )
    record_offer_outcome(
        db,
        actor=sw,
        offer_id=refused.offer_id,
        version=refused.version,
        outcome="refused_household",
        outcome_on=date(2026, 4, 9),
        reason="Trop loin du travail",
        today=TODAY,
    )
    accepted = record_offer(
        db,
        actor=sw,
        household_id=m1,
        offered_on=date(2026, 5, 2),
        landlord="Lyon Métropole Habitat",
        commune="Villeurbanne",
        typology="t2",
        rent=41_250,
        today=TODAY,
    )
    record_rehousing(
        db,
        actor=sw,
        household_id=m1,
        signed_on=date(2026, 6, 1),
        landlord="Lyon Métropole Habitat",
        sector="social",
        commune="Villeurbanne",
        offer_id=accepted.offer_id,
        stay_id=built.stay_id,
        today=TODAY,
    )


def test_the_whole_path_newest_first(built) -> None:
    live_the_path(built)
    scene = built.scene
    path = household_path(scene.database, actor=scene.actors["sw"], household_id=scene.ids["m1"])
    assert [(step.on, step.text) for step in path] == [
        (
            date(2026, 6, 1),
            "Relogement : bail signé avec Lyon Métropole Habitat, Villeurbanne (Social)",
        ),
        (date(2026, 6, 1), "Proposition Lyon Métropole Habitat, Villeurbanne : Acceptée"),
        (
            date(2026, 5, 31),
            "Sortie — Pension Les Tilleuls : Logement social – bail direct (Projet réalisé)",
        ),
        (
            date(2026, 5, 2),
            "Proposition de logement : Lyon Métropole Habitat, Villeurbanne, T2, 412,50\u00a0€",
        ),
        (
            date(2026, 4, 9),
            "Proposition Alliade Habitat, Vaulx-en-Velin : Refusée par le ménage "
            "(Trop loin du travail)",
        ),
        (date(2026, 4, 2), "Proposition de logement : Alliade Habitat, Vaulx-en-Velin"),
        (date(2026, 3, 12), "Décision de la COMED : priorité DALO reconnue"),
        (date(2026, 1, 15), "Demande de logement social n° 069-2025-00123 renouvelée"),
        (date(2025, 2, 1), "Demande de logement social n° 069-2025-00123 déposée"),
        (
            date(2025, 1, 6),
            "Entrée — Pension Les Tilleuls (venant de : Hôtel (115 / SIAO), SIAO)",
        ),
        (date(2024, 12, 20), "Candidature Pension Les Tilleuls : Admission"),
        (date(2024, 12, 1), "Orientation vers Pension Les Tilleuls, SI-SIAO SIAO-69-2024-118"),
    ]
    assert {step.record for step in path} == {
        "rehousing",
        "housing_offer",
        "stay",
        "housing_application",
        "candidature",
    }


def test_without_admissions_rights_only_the_stays(built) -> None:
    live_the_path(built)
    scene = built.scene
    # the intern (co-key-worker) reads the household, not its admissions
    path = household_path(
        scene.database, actor=scene.actors["intern"], household_id=scene.ids["m1"]
    )
    assert [step.kind for step in path] == ["stay_exit", "stay_entry"]
    with pytest.raises(RefusedError):
        household_path(scene.database, actor=scene.actors["host2"], household_id=scene.ids["m1"])


def test_a_constant_number_of_queries(built) -> None:
    scene = built.scene
    engine = scene.database.engine
    statements: list[str] = []

    def counted(*args: object) -> None:
        statements.append(str(args[2]))

    def run() -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", counted)
        try:
            household_path(scene.database, actor=scene.actors["sw"], household_id=scene.ids["m1"])
        finally:
            event.remove(engine, "before_cursor_execute", counted)
        return len(statements)

    short = run()
    assert short > 0
    live_the_path(built)
    add_candidature(scene)
    assert run() == short
