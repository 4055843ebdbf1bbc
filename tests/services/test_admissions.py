"""Admissions: candidatures, steps, decisions, the waiting list, the admission, the figures."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select, update

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.services import admissions as svc
from desktop_app.services.contracts import RateInput
from desktop_app.services.households import MASK
from tests.services.support_builders import TODAY, Scene, add, build_scene

pytestmark = pytest.mark.db


@pytest.fixture
def scene(database_target: DatabaseTarget) -> Iterator[Scene]:
    scene = build_scene(database_target)
    ids = scene.ids
    with scene.database.begin_write() as c:
        ids["iml"] = add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        ids["flat"] = add(
            c,
            m.Dwelling,
            reference="IML-01",
            address="12 rue Garibaldi",
            commune="Lyon",
            programme_id=ids["iml"],
        )
        ids["room2"] = add(
            c,
            m.Dwelling,
            reference="TIL-02",
            address="4 impasse des Tilleuls",
            commune="Villeurbanne",
            programme_id=ids["pension"],
            residence_id=ids["tilleuls"],
        )
        ids["siao"] = add(c, m.Partner, name="SIAO du Rhône", kind="siao")
    yield scene
    scene.workspace.close()


def record(scene: Scene, login: str = "coord", **values: Any) -> svc.CandidatureInfo:
    values.setdefault("programme_id", scene.ids["iml"])
    values.setdefault("oriented_on", date(2026, 6, 1))
    if "household_id" not in values:
        values.setdefault("new_household", svc.NewHousehold("Keita", "Fanta", "f"))
    return svc.record_candidature(scene.database, actor=scene.actors[login], today=TODAY, **values)


def texts(error: pytest.ExceptionInfo[InvalidInput]) -> dict[str, str]:
    return {issue.field: issue.text for issue in error.value.issues}


def count(scene: Scene, model: type[m.Base]) -> int:
    return scene.database.run_read(lambda s: s.scalar(select(func.count()).select_from(model)) or 0)


def test_the_secretariat_records_a_candidature_and_its_steps(scene: Scene) -> None:
    ids, db = scene.ids, scene.database
    secretary = scene.actors["secr"]
    # GIVEN an orientation for a household not yet known, typed by the secretariat
    info = record(
        scene,
        "secr",
        dwelling_id=ids["flat"],
        siao_reference=" SIAO-2026-0107 ",
        referrer="siao",
        referrer_partner_id=ids["siao"],
        entry_situation="hotel_115",
        dalo_status="dalo_priority",
        note="Orientation reçue par courriel.",
    )
    # THEN the household exists with its head, and the candidature says what was typed
    assert info.household_reference == "M-00003"
    assert info.head == "Keita Fanta"
    assert (info.programme, info.dwelling, info.residence) == ("IML Lyon", "IML-01", None)
    assert info.siao_reference == "SIAO-2026-0107"
    assert (info.referrer, info.referrer_partner) == ("siao", "SIAO du Rhône")
    assert (info.entry_situation, info.dalo_status) == ("hotel_115", "dalo_priority")
    assert info.note == "Orientation reçue par courriel."
    assert info.siao_answer_due == date(2026, 6, 16)  # orientation + 15 days (parameter)
    assert info.decision is None
    # Steps are listed in date order, whatever the order they were typed in.
    for kind, held_on in (("committee", date(2026, 6, 12)), ("interview", date(2026, 6, 4))):
        info = svc.add_step(
            db,
            actor=secretary,
            candidature_id=info.candidature_id,
            kind=kind,
            held_on=held_on,
            today=TODAY,
        )
    assert [(step.kind, step.held_on) for step in info.steps] == [
        ("interview", date(2026, 6, 4)),
        ("committee", date(2026, 6, 12)),
    ]
    [row] = svc.list_candidatures(db, actor=secretary, today=TODAY)
    assert (row.last_step, row.last_step_on, row.days_waiting, row.rank) == (
        "committee",
        date(2026, 6, 12),
        14,
        1,
    )
    # BUT the secretariat neither decides nor admits
    with pytest.raises(RefusedError) as refused:
        svc.decide(
            db,
            actor=secretary,
            candidature_id=info.candidature_id,
            decision="admitted",
            decided_on=TODAY,
            version=info.version,
            today=TODAY,
        )
    assert refused.value.text == (
        "Vos droits ne permettent pas de gérer les admissions et relogements."
    )
    with pytest.raises(RefusedError):
        svc.admit(
            db,
            actor=secretary,
            candidature_id=info.candidature_id,
            entry=TODAY,
            version=info.version,
            today=TODAY,
        )
    history = db.run_read(
        lambda s: s.execute(
            select(m.ChangeHistory.entity, m.ChangeHistory.field, m.ChangeHistory.new_value)
        ).all()
    )
    assert ("candidature", "oriented_on", "2026-06-01") in history
    assert db.run_read(audit.verify).ok


def test_each_refusal_in_french(scene: Scene) -> None:
    ids = scene.ids
    with pytest.raises(InvalidInput) as refused:
        record(
            scene,
            oriented_on=date(2026, 7, 1),
            dwelling_id=ids["room"],
            new_household=svc.NewHousehold(" ", "", "x"),
            siao_reference="S" * 51,
            referrer="oracle",
        )
    assert texts(refused) == {
        "oriented_on": "La date (01/07/2026) est dans le futur.",
        "dwelling": "Le logement TIL-01 ne relève pas du dispositif « IML Lyon ».",
        "last_name": "Indiquez le nom de la personne.",
        "first_name": "Indiquez le prénom de la personne.",
        "sex": "Valeur inconnue : « x ».",
        "siao_reference": "Le numéro SI-SIAO tient en 50 caractères au plus.",
        "referrer": "Valeur inconnue : « oracle ».",
    }
    with pytest.raises(InvalidInput) as refused:
        record(
            scene,
            programme_id=ids["pension"],
            household_id=ids["m2"],
            residence_id=ids["acacias"],
            dwelling_id=ids["room2"],
        )
    assert texts(refused) == {
        "dwelling": "Le logement TIL-02 n'est pas une chambre de la résidence « Les Acacias ».",
    }
    with pytest.raises(InvalidInput) as refused:
        record(scene, residence_id=ids["tilleuls"])
    assert texts(refused) == {
        "residence": "La résidence « Les Tilleuls » ne relève pas du dispositif « IML Lyon ».",
    }
    with pytest.raises(InvalidInput) as refused:
        record(scene, household_id=ids["m2"], new_household=svc.NewHousehold("A", "B"))
    assert texts(refused) == {
        "household": (
            "Choisissez un ménage existant, ou indiquez la personne de référence d'un nouveau "
            "ménage."
        )
    }
    assert count(scene, m.Household) == 2  # nothing written, not even a household
    info = record(scene, household_id=ids["m2"])
    coord = scene.actors["coord"]

    def decide(**values: Any) -> svc.CandidatureInfo:
        values.setdefault("version", info.version)
        return svc.decide(
            scene.database,
            actor=coord,
            candidature_id=info.candidature_id,
            today=TODAY,
            **values,
        )

    with pytest.raises(InvalidInput) as refused:
        decide(decision="refused_structure", decided_on=date(2026, 5, 20))
    assert texts(refused) == {
        "refusal_reason": "Un refus ou une candidature sans suite s'accompagne de son motif.",
        "decided_on": "La date (20/05/2026) précède l'orientation du 01/06/2026.",
    }
    with pytest.raises(InvalidInput) as refused:
        decide(
            decision="admitted",
            decided_on=TODAY,
            refusal_reason="incomplete_file",
            siao_answered_on=date(2026, 6, 20),
        )
    assert texts(refused) == {
        "refusal_reason": "Une admission n'a pas de motif de refus.",
        "siao_answered_on": "La date (20/06/2026) est dans le futur.",
    }
    refused_info = decide(
        decision="no_follow_up", decided_on=date(2026, 6, 10), refusal_reason="unreachable"
    )
    assert (refused_info.decision, refused_info.siao_answered_on) == (
        "no_follow_up",
        date(2026, 6, 10),
    )
    # A stale correction names who changed the candidature.
    with pytest.raises(RefusedError) as stale:
        decide(decision="refused_household", decided_on=TODAY, refusal_reason="other")
    assert stale.value.text.startswith("Cette candidature a été modifiée par coord le ")
    # A refused candidature is not admitted before its decision is corrected.
    with pytest.raises(RefusedError) as not_admissible:
        svc.admit(
            scene.database,
            actor=coord,
            candidature_id=info.candidature_id,
            entry=TODAY,
            version=refused_info.version,
            today=TODAY,
        )
    assert not_admissible.value.text == (
        "Cette candidature a reçu la décision « Sans suite » : corrigez d'abord la décision "
        "pour admettre le ménage."
    )
    corrected = decide(decision="admitted", decided_on=TODAY, version=refused_info.version)
    assert (corrected.decision, corrected.refusal_reason) == ("admitted", None)


def _stays(scene: Scene) -> list[tuple[Any, ...]]:
    """Every stay's id, household, programme, entry and what the candidature gave it."""
    return scene.database.run_read(
        lambda s: [
            tuple(row)
            for row in s.execute(
                select(
                    m.Stay.id,
                    m.Stay.household_id,
                    m.Stay.programme_id,
                    m.Stay.entry_date,
                    m.Stay.entry_situation,
                    m.Stay.referrer,
                    m.Stay.referrer_partner_id,
                    m.Stay.dalo_status,
                    m.Stay.siao_reference,
                )
            )
        ]
    )


def test_admission_is_all_or_nothing(scene: Scene) -> None:
    ids, db = scene.ids, scene.database
    coord = scene.actors["coord"]
    info = record(
        scene,
        dwelling_id=ids["flat"],
        siao_reference="SIAO-2026-0107",
        referrer="siao",
        referrer_partner_id=ids["siao"],
        entry_situation="hotel_115",
        dalo_status="dalo_priority",
    )
    events_before = count(scene, m.AuditEvent)
    # A bad rent: no stay, no contract, no decision.
    with pytest.raises(InvalidInput) as refused:
        svc.admit(
            db,
            actor=coord,
            candidature_id=info.candidature_id,
            entry=date(2026, 6, 8),
            version=info.version,
            contract=svc.ContractPart(kind="sublease", rate=RateInput(rent=-100)),
            today=TODAY,
        )
    assert texts(refused) == {"rent": "Ce montant ne peut être négatif."}
    assert _stays(scene) == []
    assert count(scene, m.OccupancyContract) == 1  # the scene's own
    after = svc.candidature_detail(db, actor=coord, candidature_id=info.candidature_id)
    assert (after.decision, after.decided_on, after.stay_id, after.version) == (
        None,
        None,
        None,
        info.version,
    )
    assert count(scene, m.AuditEvent) == events_before
    # An entry before the orientation is refused on its field.
    with pytest.raises(InvalidInput) as refused:
        svc.admit(
            db,
            actor=coord,
            candidature_id=info.candidature_id,
            entry=date(2026, 5, 30),
            version=info.version,
            today=TODAY,
        )
    assert texts(refused) == {"entry": "La date (30/05/2026) précède l'orientation du 01/06/2026."}
    # THEN a good admission: decision, stay from the candidature, contract linked to it.
    result = svc.admit(
        db,
        actor=coord,
        candidature_id=info.candidature_id,
        entry=date(2026, 6, 8),
        version=info.version,
        contract=svc.ContractPart(
            kind="sublease", rate=RateInput(rent=42_000, charges=3_500, expected_benefit=25_000)
        ),
        today=TODAY,
    )
    admitted = result.candidature
    assert (admitted.decision, admitted.decided_on, admitted.siao_answered_on) == (
        "admitted",
        date(2026, 6, 8),
        date(2026, 6, 8),
    )
    assert (admitted.stay_id, admitted.entry) == (result.stay_id, date(2026, 6, 8))
    [(stay_id, *stay)] = _stays(scene)
    assert stay_id == result.stay_id
    assert stay == [
        info.household_id,
        ids["iml"],
        date(2026, 6, 8),
        "hotel_115",
        "siao",
        ids["siao"],
        "dalo_priority",
        "SIAO-2026-0107",
    ]
    contract = db.run_read(
        lambda s: s.execute(
            select(
                m.OccupancyContract.dwelling_id,
                m.OccupancyContract.stay_id,
                m.OccupancyContract.start_date,
                m.RentRate.rent,
            )
            .join(m.RentRate, m.RentRate.contract_id == m.OccupancyContract.id)
            .where(m.OccupancyContract.id == result.contract_id)
        ).one()
    )
    assert tuple(contract) == (
        ids["flat"],
        stay_id,
        date(2026, 6, 8),
        42_000,
    )
    assert result.changes.touches("stay", "occupancy_contract")
    # Once the stay is open, the decision stays as it is.
    with pytest.raises(RefusedError) as refused_again:
        svc.decide(
            db,
            actor=coord,
            candidature_id=info.candidature_id,
            decision="refused_household",
            decided_on=TODAY,
            refusal_reason="other",
            version=admitted.version,
            today=TODAY,
        )
    assert refused_again.value.text == (
        "Le ménage est entré le 08/06/2026 au titre de cette candidature : la décision ne peut "
        "plus être corrigée."
    )
    assert db.run_read(audit.verify).ok


def test_the_waiting_list_in_order(scene: Scene) -> None:
    ids, db = scene.ids, scene.database
    coord = scene.actors["coord"]
    pension = ids["pension"]
    late = record(scene, programme_id=pension, oriented_on=date(2026, 3, 1))
    first = record(scene, programme_id=pension, oriented_on=date(2026, 1, 15))
    second = record(scene, programme_id=pension, oriented_on=date(2026, 1, 15))
    decided = record(scene, programme_id=pension, oriented_on=date(2026, 1, 2))
    record(scene, oriented_on=date(2026, 1, 1))  # another programme
    svc.decide(
        db,
        actor=coord,
        candidature_id=decided.candidature_id,
        decision="refused_structure",
        decided_on=date(2026, 2, 1),
        refusal_reason="no_matching_place",
        version=decided.version,
        today=TODAY,
    )
    waiting = svc.waiting_list(db, actor=coord, programme_id=pension, today=TODAY)
    assert [(row.candidature_id, row.rank) for row in waiting] == [
        (first.candidature_id, 1),
        (second.candidature_id, 2),
        (late.candidature_id, 3),
    ]
    assert [row.days_waiting for row in waiting] == [151, 151, 106]
    decided_rows = svc.list_candidatures(
        db,
        actor=coord,
        query=svc.CandidatureQuery(programme_id=pension, state="decided"),
        today=TODAY,
    )
    assert [(row.candidature_id, row.rank, row.days_waiting) for row in decided_rows] == [
        (decided.candidature_id, None, 30)
    ]
    everything = svc.list_candidatures(
        db,
        actor=coord,
        query=svc.CandidatureQuery(state="all", start=date(2026, 1, 2), end=date(2026, 1, 31)),
        today=TODAY,
    )
    assert [row.candidature_id for row in everything] == [
        second.candidature_id,
        first.candidature_id,
        decided.candidature_id,
    ]


def test_figures_on_a_hand_computed_table(scene: Scene) -> None:
    ids, db = scene.ids, scene.database
    coord = scene.actors["coord"]

    def candidature(oriented: date, programme: str = "iml") -> svc.CandidatureInfo:
        return record(scene, programme_id=ids[programme], oriented_on=oriented)

    def decided(
        info: svc.CandidatureInfo, decision: str, on: date, reason: str | None = None
    ) -> svc.CandidatureInfo:
        return svc.decide(
            db,
            actor=coord,
            candidature_id=info.candidature_id,
            decision=decision,
            decided_on=on,
            refusal_reason=reason,
            version=info.version,
            today=TODAY,
        )

    def admitted(info: svc.CandidatureInfo, entry: date) -> None:
        svc.admit(
            db,
            actor=coord,
            candidature_id=info.candidature_id,
            entry=entry,
            version=info.version,
            today=TODAY,
        )

    # | case | oriented | decision (date)               | entry | in Q1 2026        |
    # | A    | 10/12/25 | admitted (20/01)              | 20/01 | admitted, 41 days |
    # | B    | 05/01    | refused_structure (25/01)     |       | received, refused |
    # | C    | 01/02    | refused_household (10/02)     |       | received, refused |
    # | D    | 15/02    | no_follow_up (10/04)          |       | received, waiting |
    # | E    | 01/03    | admitted (10/03)              | 17/03 | received, 16 days |
    # | F    | 20/03    | —                             |       | received, waiting |
    # | G    | 02/04    | —                             |       | nothing           |
    # | H    | 01/02 (pension) refused_structure (02/02) |  | all programmes only |
    admitted(candidature(date(2025, 12, 10)), date(2026, 1, 20))
    decided(
        candidature(date(2026, 1, 5)), "refused_structure", date(2026, 1, 25), "needs_not_matching"
    )
    decided(
        candidature(date(2026, 2, 1)),
        "refused_household",
        date(2026, 2, 10),
        "household_declined_location",
    )
    decided(candidature(date(2026, 2, 15)), "no_follow_up", date(2026, 4, 10), "unreachable")
    admitted(
        decided(candidature(date(2026, 3, 1)), "admitted", date(2026, 3, 10)), date(2026, 3, 17)
    )
    candidature(date(2026, 3, 20))
    candidature(date(2026, 4, 2))
    decided(
        candidature(date(2026, 2, 1), "pension"),
        "refused_structure",
        date(2026, 2, 2),
        "no_matching_place",
    )
    q1 = (date(2026, 1, 1), date(2026, 3, 31))
    figures = svc.admission_figures(
        db, actor=coord, programme_id=ids["iml"], start=q1[0], end=q1[1]
    )
    assert (figures.received, figures.admitted, figures.refused) == (5, 2, 2)
    assert (figures.refused_structure, figures.refused_household, figures.no_follow_up) == (
        1,
        1,
        0,
    )
    assert dict(figures.refused_by_reason) == {
        "no_matching_place": 0,
        "needs_not_matching": 1,
        "incomplete_file": 0,
        "household_declined_location": 1,
        "household_declined_other": 0,
        "unreachable": 0,
        "other": 0,
    }
    assert (figures.mean_delay_days, figures.entries, figures.waiting_at_end) == (28.5, 2, 2)
    every = svc.admission_figures(db, actor=coord, programme_id=None, start=q1[0], end=q1[1])
    assert (every.received, every.refused_structure, every.waiting_at_end) == (6, 2, 2)
    assert dict(every.refused_by_reason)["no_matching_place"] == 1
    april = svc.admission_figures(
        db, actor=coord, programme_id=ids["iml"], start=date(2026, 4, 1), end=date(2026, 4, 30)
    )
    assert (april.received, april.no_follow_up, april.mean_delay_days, april.entries) == (
        1,
        1,
        None,
        0,
    )
    assert dict(april.refused_by_reason)["unreachable"] == 1


def test_a_host_only_in_their_house(scene: Scene) -> None:
    ids, db = scene.ids, scene.database
    host, host2 = scene.actors["host"], scene.actors["host2"]
    # A host records a candidature for a room of their house, for a new household…
    info = record(scene, "host", programme_id=ids["pension"], residence_id=ids["tilleuls"])
    assert info.residence == "Les Tilleuls"
    # …but not for the other house, nor for a programme without a house.
    with pytest.raises(RefusedError):
        record(scene, "host", programme_id=ids["pension"], residence_id=ids["acacias"])
    with pytest.raises(RefusedError):
        record(scene, "host")
    assert count(scene, m.Candidature) == 1
    # The other house's host neither sees nor decides it.
    assert svc.list_candidatures(db, actor=host2, today=TODAY) == []
    with pytest.raises(RefusedError):
        svc.candidature_detail(db, actor=host2, candidature_id=info.candidature_id)
    # The host admits the household into a room of their house, with its agreement.
    result = svc.admit(
        db,
        actor=host,
        candidature_id=info.candidature_id,
        entry=date(2026, 6, 10),
        version=info.version,
        contract=svc.ContractPart(
            kind="residence_agreement", rate=RateInput(rent=38_000), dwelling_id=ids["room2"]
        ),
        today=TODAY,
    )
    assert result.candidature.dwelling == "TIL-02"
    [row] = svc.list_candidatures(
        db, actor=host, query=svc.CandidatureQuery(state="all"), today=TODAY
    )
    assert (row.decision, row.stay_id) == ("admitted", result.stay_id)
    [mine] = svc.candidatures_of(db, actor=host, household_id=info.household_id, today=TODAY)
    assert mine.candidature_id == info.candidature_id


def test_a_protected_file_is_masked_in_the_list(scene: Scene) -> None:
    ids, db = scene.ids, scene.database
    with db.begin_write() as c:
        c.execute(update(m.Household).where(m.Household.id == ids["m2"]).values(protected=True))
    record(scene, household_id=ids["m2"])
    [seen_by_other] = svc.list_candidatures(db, actor=scene.actors["sw"], today=TODAY)
    [seen_by_worker] = svc.list_candidatures(db, actor=scene.actors["sw2"], today=TODAY)
    assert (seen_by_other.head, seen_by_other.household_reference) == (MASK, "M-2")
    assert seen_by_worker.head == "Martin Jean"


def test_a_household_turned_away_leaves_the_current_list(scene: Scene) -> None:
    from desktop_app.services.households import HouseholdQuery, search_households

    def listed(status: str) -> set[str]:
        page = search_households(
            scene.database,
            actor=scene.actors["coord"],
            query=HouseholdQuery(status=status),
            on=TODAY,
        )
        return {row.reference for row in page.rows}

    waiting = record(scene)
    assert waiting.household_reference in listed("current")  # waiting: a current household
    refused = svc.decide(
        scene.database,
        actor=scene.actors["coord"],
        candidature_id=waiting.candidature_id,
        decision="refused_structure",
        decided_on=date(2026, 6, 10),
        refusal_reason="no_matching_place",
        version=waiting.version,
        today=TODAY,
    )
    reference = refused.household_reference
    # Refused, never housed: out of the current households, still found under « Tous »
    assert reference not in listed("current")
    assert reference not in listed("left")
    assert reference in listed("all")
    # A new orientation brings it back among the current households
    record(scene, household_id=refused.household_id, oriented_on=date(2026, 6, 12))
    assert reference in listed("current")
