"""Applications, DALO, offers and rehousings: rules, one transaction, figures, permissions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, update

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.services.rehousing import (
    applications_of,
    offers_of,
    record_application,
    record_dalo,
    record_offer,
    record_offer_outcome,
    record_rehousing,
    rehousing_figures,
    rehousing_file,
    rehousings_of,
    renew_application,
    update_application,
)
from desktop_app.services.stays import list_stays
from desktop_app.services.support import measure_detail, measures_of, open_measure, set_phase
from tests.services.rehousing_builders import (
    MEASURE_START,
    STAY_ENTRY,
    build_rehousing_scene,
)
from tests.services.support_builders import NOW, TODAY, Scene

pytestmark = pytest.mark.db
NUMBER = "069-2025-00123"
RENTAL = Actor(user_id=None, login="rita", grants=(Grant("rental_manager"),))


@pytest.fixture
def built(database_target: DatabaseTarget):
    made = build_rehousing_scene(database_target)
    yield made
    made.scene.workspace.close()


def codes(error: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [issue.code for issue in error.value.issues]


def history(scene: Scene, entity: str) -> list[tuple[str, str | None, str | None]]:
    return scene.database.run_read(
        lambda s: [
            (h.field, h.old_value, h.new_value)
            for h in s.scalars(
                select(m.ChangeHistory)
                .where(m.ChangeHistory.entity == entity)
                .order_by(m.ChangeHistory.id)
            )
        ]
    )


def count(scene: Scene, model: type[m.Base]) -> int:
    return scene.database.run_read(lambda s: s.scalar(select(func.count()).select_from(model)) or 0)


def apply(scene: Scene, household: str = "m1", number: str = NUMBER, login: str = "sw"):
    return record_application(
        scene.database,
        actor=scene.actors[login],
        household_id=scene.ids[household],
        number=number,
        filed_on=date(2025, 5, 20),
        today=TODAY,
        now=NOW,
    )


def offer(scene: Scene, household: str = "m1", application_id: int | None = None):
    return record_offer(
        scene.database,
        actor=scene.actors["sw"],
        household_id=scene.ids[household],
        offered_on=date(2026, 5, 2),
        landlord="Lyon Métropole Habitat",
        commune="Villeurbanne",
        typology="t2",
        rent=41_250,
        application_id=application_id,
        today=TODAY,
        now=NOW,
    )


# ------------------------------------------------------------------ applications


def test_the_number_is_unique_and_names_the_household_when_visible(built) -> None:
    scene = built.scene
    first = apply(scene)
    assert (first.number, first.status, first.filed_on) == (NUMBER, "active", date(2025, 5, 20))
    # GIVEN M-1 holds the number WHEN sw2 (who reads every household's admissions) types it
    with pytest.raises(InvalidInput) as refused:
        apply(scene, household="m2", number=f"  {NUMBER} ", login="sw2")
    assert codes(refused) == ["application.number_taken"]
    assert "ménage M-1" in refused.value.issues[0].text
    # WHEN a host who may not read M-2 types M-2's number for their own resident M-1
    other = apply(scene, household="m2", number="069-2025-99999", login="sw2")
    with pytest.raises(InvalidInput) as hidden:
        apply(scene, number=other.number, login="host")
    assert codes(hidden) == ["application.number_taken_elsewhere"]
    assert "M-2" not in hidden.value.issues[0].text
    with pytest.raises(InvalidInput) as empty:
        apply(scene, number="   ")
    assert codes(empty) == ["application.number_required"]
    # an edit may keep its own number, not take another's
    with pytest.raises(InvalidInput) as taken:
        update_application(
            scene.database,
            actor=scene.actors["sw"],
            application_id=first.application_id,
            version=first.version,
            number=other.number,
            filed_on=first.filed_on,
            status="active",
            today=TODAY,
        )
    assert codes(taken) == ["application.number_taken"]
    assert count(scene, m.HousingApplication) == 2


def test_renewal_dates_and_the_lapse_day(built) -> None:
    scene, sw = built.scene, built.scene.actors["sw"]
    filed = apply(scene)
    # THEN it lapses a year after filing
    assert filed.renewal_due_on == filed.lapses_on == date(2026, 5, 20)
    renewed = renew_application(
        scene.database,
        actor=sw,
        application_id=filed.application_id,
        version=filed.version,
        renewed_on=date(2026, 5, 10),
        today=TODAY,
        now=NOW,
    )
    # THEN a year after the renewal
    assert renewed.renewed_on == date(2026, 5, 10)
    assert renewed.renewal_due_on == renewed.lapses_on == date(2027, 5, 10)
    assert ("renewal_due_on", "2026-05-20", "2027-05-10") in history(scene, "housing_application")
    with pytest.raises(RefusedError, match="modifiée par sw"):
        renew_application(
            scene.database,
            actor=sw,
            application_id=filed.application_id,
            version=filed.version,  # stale
            renewed_on=date(2026, 5, 11),
            today=TODAY,
        )
    with pytest.raises(InvalidInput) as early:
        renew_application(
            scene.database,
            actor=sw,
            application_id=filed.application_id,
            version=renewed.version,
            renewed_on=date(2025, 1, 1),
            today=TODAY,
        )
    assert codes(early) == ["application.renewed_before_filing"]
    cancelled = update_application(
        scene.database,
        actor=sw,
        application_id=filed.application_id,
        version=renewed.version,
        number=NUMBER,
        filed_on=date(2025, 5, 20),
        status="cancelled",
        today=TODAY,
    )
    assert (cancelled.status, cancelled.lapses_on) == ("cancelled", None)
    with pytest.raises(InvalidInput) as inactive:
        renew_application(
            scene.database,
            actor=sw,
            application_id=filed.application_id,
            version=cancelled.version,
            renewed_on=date(2026, 6, 1),
            today=TODAY,
        )
    assert codes(inactive) == ["application.not_active"]
    assert ("status", "active", "cancelled") in history(scene, "housing_application")
    assert scene.database.run_read(audit.verify).ok


def test_dalo_decision_and_the_prefets_time_limit(built) -> None:
    scene, sw = built.scene, built.scene.actors["sw"]
    filed = apply(scene)
    assert filed.dalo_time_limit is None

    def dalo(version: int, **values: object):
        arguments: dict[str, object] = {
            "dalo_filed_on": date(2026, 1, 10),
            "comed_decision_on": date(2026, 3, 12),
            "recognised": True,
            "appeal_on": None,
        }
        arguments.update(values)
        return record_dalo(
            scene.database,
            actor=sw,
            application_id=filed.application_id,
            version=version,
            today=TODAY,
            now=NOW,
            **arguments,  # type: ignore[arg-type]
        )

    with pytest.raises(InvalidInput) as blind:
        dalo(filed.version, comed_decision_on=None, appeal_on=date(2026, 4, 1))
    assert codes(blind) == [
        "application.recognition_needs_decision",
        "application.appeal_needs_decision",
    ]
    with pytest.raises(InvalidInput) as disorder:
        dalo(filed.version, dalo_filed_on=date(2026, 4, 1), appeal_on=date(2026, 3, 1))
    assert codes(disorder) == [
        "application.decision_before_recourse",
        "application.appeal_before_decision",
    ]
    recognised = dalo(filed.version)
    # THEN the préfet has 3 months (outside Île-de-France) from the COMED's decision
    assert recognised.dalo_recognised is True
    assert recognised.dalo_time_limit == date(2026, 6, 12)
    assert ("dalo_recognised", None, "true") in history(scene, "housing_application")
    # WHEN the association is in Seine-Saint-Denis THEN 6 months
    scene.database.run_write(lambda s: s.execute(update(m.Organisation).values(postcode="93200")))
    [listed] = applications_of(scene.database, actor=sw, household_id=scene.ids["m1"])
    assert listed.dalo_time_limit == date(2026, 9, 12)
    not_recognised = dalo(recognised.version, recognised=False)
    assert not_recognised.dalo_time_limit is None


# ------------------------------------------------------------------ offers


def test_an_offer_refusal_needs_its_reason(built) -> None:
    scene, sw = built.scene, built.scene.actors["sw"]
    made = offer(scene)
    assert (made.rent, made.typology, made.outcome) == (41_250, "t2", None)
    with pytest.raises(InvalidInput) as silent:
        record_offer_outcome(
            scene.database,
            actor=sw,
            offer_id=made.offer_id,
            version=made.version,
            outcome="refused_household",
            outcome_on=date(2026, 5, 9),
            reason="  ",
            today=TODAY,
        )
    assert codes(silent) == ["offer.reason_required"]
    with pytest.raises(InvalidInput) as early:
        record_offer_outcome(
            scene.database,
            actor=sw,
            offer_id=made.offer_id,
            version=made.version,
            outcome="accepted",
            outcome_on=date(2026, 5, 1),
            today=TODAY,
        )
    assert codes(early) == ["offer.outcome_before_offer"]
    refused = record_offer_outcome(
        scene.database,
        actor=sw,
        offer_id=made.offer_id,
        version=made.version,
        outcome="refused_household",
        outcome_on=date(2026, 5, 9),
        reason="Trop loin de l'école des enfants",
        today=TODAY,
        now=NOW,
    )
    [listed] = offers_of(scene.database, actor=sw, household_id=scene.ids["m1"])
    assert listed == refused
    assert (listed.outcome, listed.reason) == (
        "refused_household",
        "Trop loin de l'école des enfants",
    )
    assert ("outcome", None, "refused_household") in history(scene, "housing_offer")
    with pytest.raises(InvalidInput) as foreign:
        offer(scene, household="m1", application_id=apply(scene, "m2", login="sw2").application_id)
    assert codes(foreign) == ["offer.application_foreign"]
    # a refused offer cannot be the one a rehousing comes from
    with pytest.raises(InvalidInput) as wrong:
        record_rehousing(
            scene.database,
            actor=sw,
            household_id=scene.ids["m1"],
            signed_on=date(2026, 6, 1),
            landlord="Lyon Métropole Habitat",
            sector="social",
            offer_id=made.offer_id,
            today=TODAY,
        )
    assert codes(wrong) == ["rehousing.offer_refused"]


# ------------------------------------------------------------------ rehousings


def test_a_rehousing_ends_the_stay_and_the_measure_in_one_transaction(built) -> None:
    scene, sw, m1 = built.scene, built.scene.actors["sw"], built.scene.ids["m1"]
    application = apply(scene)
    made = offer(scene, application_id=application.application_id)
    # WHEN the lease is signed on 01/06/2026 from the offer, ending the stay and the measure
    rehoused = record_rehousing(
        scene.database,
        actor=sw,
        household_id=m1,
        signed_on=date(2026, 6, 1),
        landlord=" Lyon Métropole Habitat ",
        sector="social",
        commune="Villeurbanne",
        offer_id=made.offer_id,
        stay_id=built.stay_id,
        measure_id=built.measure_id,
        today=TODAY,
        now=NOW,
    )
    assert (rehoused.landlord, rehoused.destination) == ("Lyon Métropole Habitat", "social_housing")
    # THEN the stay's last day is the day before the signature, with its destination and reason
    [stay] = list_stays(scene.database, actor=sw, household_id=m1)
    assert (stay.entry, stay.exit) == (STAY_ENTRY, date(2026, 5, 31))
    assert (stay.destination, stay.exit_reason) == ("social_housing", "project_achieved")
    # THEN the measure ends on the signature day, rehoused, with the same housing situation
    measure = measure_detail(scene.database, actor=sw, measure_id=built.measure_id, today=TODAY)
    assert (measure.end, measure.outcome, measure.destination) == (
        date(2026, 6, 1),
        "rehoused",
        "social_housing",
    )
    # THEN the offer is accepted that day and the application satisfied
    [accepted] = offers_of(scene.database, actor=sw, household_id=m1)
    assert (accepted.outcome, accepted.outcome_on) == ("accepted", date(2026, 6, 1))
    [satisfied] = applications_of(scene.database, actor=sw, household_id=m1)
    assert (satisfied.status, satisfied.lapses_on) == ("satisfied", None)
    assert rehousings_of(scene.database, actor=sw, household_id=m1) == [rehoused]
    # THEN the contract in the pension ends on the stay's last day: no more redevance
    ended = scene.database.run_read(
        lambda session: session.execute(
            select(
                m.OccupancyContract.state,
                m.OccupancyContract.end_date,
                m.OccupancyContract.end_reason,
            ).where(m.OccupancyContract.household_id == m1)
        ).all()
    )
    assert [tuple(row) for row in ended] == [
        (
            "ended",
            date(2026, 5, 31),
            "Relogement : bail signé le 01/06/2026 avec Lyon Métropole Habitat.",
        )
    ]
    assert ("exit_reason", None, "project_achieved") in history(scene, "stay")
    assert ("destination", None, "social_housing") in history(scene, "rehousing")
    assert scene.database.run_read(audit.verify).ok
    with pytest.raises(InvalidInput) as again:
        record_rehousing(
            scene.database,
            actor=sw,
            household_id=m1,
            signed_on=date(2026, 6, 2),
            landlord="Lyon Métropole Habitat",
            sector="social",
            stay_id=built.stay_id,
            measure_id=built.measure_id,
            today=TODAY,
        )
    assert codes(again) == ["rehousing.stay_closed", "rehousing.measure_ended"]


def test_nothing_is_saved_when_one_part_is_refused(built) -> None:
    scene, sw, m1 = built.scene, built.scene.actors["sw"], built.scene.ids["m1"]
    detail = measure_detail(scene.database, actor=sw, measure_id=built.measure_id, today=TODAY)
    # GIVEN a phase recorded after the signature day: the measure cannot end before it
    set_phase(
        scene.database,
        actor=sw,
        measure_id=built.measure_id,
        version=detail.version,
        phase="at_move_in",
        from_date=date(2026, 6, 10),
        today=TODAY,
    )
    with pytest.raises(InvalidInput) as refused:
        record_rehousing(
            scene.database,
            actor=sw,
            household_id=m1,
            signed_on=date(2026, 6, 1),
            landlord="Lyon Métropole Habitat",
            sector="social",
            stay_id=built.stay_id,
            measure_id=built.measure_id,
            today=TODAY,
        )
    assert codes(refused) == ["measure.end_before_record"]
    # THEN the stay is still open and no rehousing exists
    [stay] = list_stays(scene.database, actor=sw, household_id=m1)
    assert stay.exit is None
    assert count(scene, m.Rehousing) == 0
    # WHEN sw2 (outside the caseload) tries: refused for the stay, nothing written either
    with pytest.raises(RefusedError):
        record_rehousing(
            scene.database,
            actor=scene.actors["sw2"],
            household_id=m1,
            signed_on=date(2026, 6, 1),
            landlord="Lyon Métropole Habitat",
            sector="social",
            stay_id=built.stay_id,
            today=TODAY,
        )
    assert count(scene, m.Rehousing) == 0


def test_support_continuing_moves_the_measure_in_the_home(built) -> None:
    scene, sw, m1 = built.scene, built.scene.actors["sw"], built.scene.ids["m1"]
    application = apply(scene)
    with pytest.raises(InvalidInput) as alone:
        record_rehousing(
            scene.database,
            actor=sw,
            household_id=m1,
            signed_on=date(2026, 6, 1),
            landlord="M. Dupont",
            sector="private",
            support_continues=True,
            destination="shelter",
            today=TODAY,
        )
    assert codes(alone) == [
        "rehousing.destination_not_housing",
        "rehousing.continues_without_measure",
    ]
    rehoused = record_rehousing(
        scene.database,
        actor=sw,
        household_id=m1,
        signed_on=date(2026, 6, 1),
        landlord="M. Dupont",
        sector="private",
        measure_id=built.measure_id,
        support_continues=True,
        today=TODAY,
        now=NOW,
    )
    assert (rehoused.destination, rehoused.support_continues) == ("private_housing", True)
    detail = measure_detail(scene.database, actor=sw, measure_id=built.measure_id, today=TODAY)
    assert detail.end is None
    assert [(p.phase, p.from_date) for p in detail.phases] == [
        ("towards", MEASURE_START),
        ("in_home", date(2026, 6, 1)),
    ]
    [row] = measures_of(scene.database, actor=sw, household_id=m1, today=TODAY)
    assert row.phase == "in_home"
    # THEN a private lease leaves the social-housing application as it was
    [kept] = applications_of(scene.database, actor=sw, household_id=m1)
    assert kept.status == "active" == application.status
    # THEN the stay, not named, stays open
    [stay] = list_stays(scene.database, actor=sw, household_id=m1)
    assert stay.exit is None
    assert rehousing_file(scene.database, actor=sw, household_id=m1, today=TODAY).open_stays


def test_rehousing_figures_by_sector(built) -> None:
    scene, sw, sw2 = built.scene, built.scene.actors["sw"], built.scene.actors["sw2"]
    m1, m2 = scene.ids["m1"], scene.ids["m2"]
    avdl_m2 = open_measure(
        scene.database,
        actor=sw2,
        household_id=m2,
        programme_id=scene.ids["avdl"],
        kind="avdl_non_dalo",
        start=date(2025, 11, 3),
        today=TODAY,
    )

    def rehouse(actor: Actor, household: int, day: date, sector: str, **links: object) -> None:
        record_rehousing(
            scene.database,
            actor=actor,
            household_id=household,
            signed_on=day,
            landlord="Bailleur",
            sector=sector,
            today=TODAY,
            **links,  # type: ignore[arg-type]
        )

    # R1 M-1 social, ending its pension stay and its AVDL measure (counts once per programme)
    rehouse(sw, m1, date(2026, 6, 1), "social", stay_id=built.stay_id, measure_id=built.measure_id)
    # R2 M-2 private, its AVDL measure continuing; R3 M-2 social on the first day, no link;
    # R4 M-2 private the day before the period: not counted
    continued = {"measure_id": avdl_m2.measure_id, "support_continues": True}
    rehouse(sw2, m2, date(2026, 3, 15), "private", **continued)
    rehouse(sw2, m2, date(2026, 1, 1), "social")
    rehouse(sw2, m2, date(2025, 12, 31), "private")
    coord = scene.actors["coord"]

    def figures(programme: str | None) -> tuple[int, int, int]:
        found = rehousing_figures(
            scene.database,
            actor=coord,
            programme_id=None if programme is None else scene.ids[programme],
            start=date(2026, 1, 1),
            end=date(2026, 6, 30),
        )
        assert [code for code, _n in found.by_sector] == ["private", "social"]
        return found.count, found.sector("social"), found.sector("private")

    assert figures(None) == (3, 2, 1)
    assert figures("pension") == (1, 1, 0)
    assert figures("avdl") == (2, 1, 1)
    with pytest.raises(RefusedError):
        rehousing_figures(
            scene.database,
            actor=scene.actors["host2"],
            programme_id=None,
            start=date(2026, 1, 1),
            end=date(2026, 6, 30),
        )
    with pytest.raises(InvalidInput):
        rehousing_figures(
            scene.database,
            actor=coord,
            programme_id=None,
            start=date(2026, 6, 30),
            end=date(2026, 1, 1),
        )


def test_permissions(built) -> None:
    scene, m1 = built.scene, built.scene.ids["m1"]
    apply(scene)
    # a secretary records candidatures only; a rental manager reads
    with pytest.raises(RefusedError, match="gérer les admissions"):
        apply(scene, number="069-1", login="secr")
    with pytest.raises(RefusedError, match="gérer les admissions"):
        record_offer(
            scene.database,
            actor=RENTAL,
            household_id=m1,
            offered_on=date(2026, 5, 2),
            landlord="Lyon Métropole Habitat",
            commune="Lyon",
            today=TODAY,
        )
    assert [a.number for a in applications_of(scene.database, actor=RENTAL, household_id=m1)] == [
        NUMBER
    ]
    # a host works on their own house only; an intern does not see admissions
    assert applications_of(scene.database, actor=scene.actors["host"], household_id=m1)
    with pytest.raises(RefusedError):
        applications_of(scene.database, actor=scene.actors["host2"], household_id=m1)
    with pytest.raises(RefusedError):
        rehousings_of(scene.database, actor=scene.actors["intern"], household_id=m1)
    # the host may record an offer for a resident of the house
    made = offer(scene)
    host_offer = record_offer_outcome(
        scene.database,
        actor=scene.actors["host"],
        offer_id=made.offer_id,
        version=made.version,
        outcome="refused_commission",
        outcome_on=date(2026, 5, 20),
        reason="Plafonds de ressources dépassés",
        today=TODAY,
    )
    assert host_offer.outcome == "refused_commission"
