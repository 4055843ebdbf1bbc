"""Support measures, goals, reviews and the attestation: values read back, refusals in French."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.services.contacts import log_contact
from desktop_app.services.documents import list_documents, read_document_content
from desktop_app.services.support import (
    DUE,
    TO_SEND,
    AttestationParts,
    add_goal,
    attestation,
    end_measure,
    end_suspension,
    goals_of,
    mark_review_sent,
    measure_detail,
    measures_of,
    open_measure,
    record_review,
    renew_measure,
    review_schedule,
    reviews_due,
    set_phase,
    suspend_measure,
    update_goal,
)
from tests.services.support_builders import NOW, TODAY, Scene, build_scene, text_of

pytestmark = pytest.mark.db


@pytest.fixture
def scene(database_target: DatabaseTarget):
    built = build_scene(database_target)
    yield built
    built.workspace.close()


def codes(error: InvalidInput) -> list[str]:
    return [issue.code for issue in error.issues]


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


def open_avdl(scene: Scene, **overrides: object):
    values: dict[str, object] = {
        "actor": scene.actors["sw"],
        "household_id": scene.ids["m1"],
        "programme_id": scene.ids["avdl"],
        "kind": "avdl_non_dalo",
        "start": date(2026, 1, 5),
        "planned_months": 6,
        "today": TODAY,
        "now": NOW,
    }
    values.update(overrides)
    return open_measure(scene.database, **values)  # type: ignore[arg-type]


# ------------------------------------------------------------------ measures


def test_planned_months_default_from_the_funders_parameter(scene: Scene) -> None:
    funded = open_avdl(
        scene,
        planned_months=None,
        funder_id=scene.ids["fnavdl"],
        target_public="shelter_leavers",
        dalo_status="non_dalo",
        referrer="siao",
        prescribed_on=date(2025, 12, 15),
        contract_signed_on=date(2026, 1, 8),
        worker_id=scene.ids["sw"],
        phase="towards",
    )
    assert funded.planned_months == 9  # the FNAVDL scope of measure.planned_months
    assert funded.planned_end == date(2026, 10, 4)
    assert funded.funder == "FNAVDL"
    assert funded.programme == "AVDL Rhône"
    assert funded.worker == "Claire Martin"
    assert funded.phases[0].phase == "towards"
    assert funded.max_end == date(2027, 1, 4)  # measure.max_months: 12
    assert funded.review_due_dates == (date(2026, 4, 5), date(2026, 7, 5), date(2026, 10, 4))
    plain = open_avdl(scene, planned_months=None, kind="asll", funder_id=scene.ids["ddets"])
    assert plain.planned_months == 6  # no value for the State's scope: the default
    detail = measure_detail(
        scene.database, actor=scene.actors["sw"], measure_id=funded.measure_id, today=TODAY
    )
    assert detail == funded
    assert ("start_date", None, "2026-01-05") in history(scene, "support_measure")
    assert scene.database.run_read(audit.verify).ok


def test_renewals_suspensions_phases_and_end(scene: Scene) -> None:
    sw = scene.actors["sw"]
    measure = open_avdl(scene)
    assert measure.planned_end == date(2026, 7, 4)
    # GIVEN a renewal granted, one refused, and one that would pass the 12-month maximum
    measure = renew_measure(
        scene.database,
        actor=sw,
        measure_id=measure.measure_id,
        version=measure.version,
        decided_on=date(2026, 6, 10),
        months=3,
        today=TODAY,
    )
    assert measure.planned_end == date(2026, 10, 4)
    measure = renew_measure(
        scene.database,
        actor=sw,
        measure_id=measure.measure_id,
        version=measure.version,
        decided_on=date(2026, 6, 12),
        months=6,
        decision="refused",
        today=TODAY,
    )
    assert measure.planned_end == date(2026, 10, 4)
    assert [(r.months, r.decision) for r in measure.renewals] == [(3, "granted"), (6, "refused")]
    with pytest.raises(InvalidInput) as refused:
        renew_measure(
            scene.database,
            actor=sw,
            measure_id=measure.measure_id,
            version=measure.version,
            decided_on=date(2026, 6, 12),
            months=4,
            today=TODAY,
        )
    assert codes(refused.value) == ["measure.beyond_max"]
    assert "13 mois" in refused.value.issues[0].text
    # WHEN it is suspended ten days, then from a date with no end yet
    measure = suspend_measure(
        scene.database,
        actor=sw,
        measure_id=measure.measure_id,
        version=measure.version,
        start=date(2026, 3, 1),
        end=date(2026, 3, 10),
        today=TODAY,
    )
    with pytest.raises(InvalidInput) as refused:
        suspend_measure(
            scene.database,
            actor=sw,
            measure_id=measure.measure_id,
            version=measure.version,
            start=date(2026, 3, 5),
            today=TODAY,
        )
    assert codes(refused.value) == ["measure.suspension_overlap"]
    measure = suspend_measure(
        scene.database,
        actor=sw,
        measure_id=measure.measure_id,
        version=measure.version,
        start=date(2026, 5, 1),
        today=TODAY,
    )
    with pytest.raises(InvalidInput) as refused:
        suspend_measure(
            scene.database,
            actor=sw,
            measure_id=measure.measure_id,
            version=measure.version,
            start=date(2026, 6, 1),
            today=TODAY,
        )
    assert codes(refused.value) == ["measure.suspension_open"]
    open_one = measure.suspensions[-1]
    measure = end_suspension(
        scene.database,
        actor=sw,
        suspension_id=open_one.suspension_id,
        version=measure.version,
        end=date(2026, 5, 20),
        today=TODAY,
    )
    assert [(s.start, s.end) for s in measure.suspensions] == [
        (date(2026, 3, 1), date(2026, 3, 10)),
        (date(2026, 5, 1), date(2026, 5, 20)),
    ]
    # 05/01 → 15/06 is 162 days, minus 10 and 20 suspended days
    assert measure.active_days == 162 - 30
    measure = set_phase(
        scene.database,
        actor=sw,
        measure_id=measure.measure_id,
        version=measure.version,
        phase="at_move_in",
        from_date=date(2026, 4, 2),
        today=TODAY,
    )
    # THEN the end records the outcome and the housing situation, in the history too
    ended = end_measure(
        scene.database,
        actor=sw,
        measure_id=measure.measure_id,
        version=measure.version,
        end=date(2026, 6, 12),
        outcome="rehoused",
        destination="social_housing",
        today=TODAY,
    )
    assert (ended.end, ended.outcome, ended.destination) == (
        date(2026, 6, 12),
        "rehoused",
        "social_housing",
    )
    assert [(p.phase, p.from_date) for p in ended.phases] == [("at_move_in", date(2026, 4, 2))]
    assert ended.active_days == (date(2026, 6, 12) - date(2026, 1, 5)).days + 1 - 30
    [row] = measures_of(scene.database, actor=sw, household_id=scene.ids["m1"], today=TODAY)
    assert (row.kind, row.end, row.phase, row.suspended) == (
        "avdl_non_dalo",
        date(2026, 6, 12),
        "at_move_in",
        False,
    )
    lines = history(scene, "support_measure")
    assert ("planned_end", "2026-07-04", "2026-10-04") in lines
    assert ("phase", None, "at_move_in") in lines
    assert ("end_date", None, "2026-06-12") in lines
    assert ("outcome", None, "rehoused") in lines
    assert ("end_date", None, "2026-05-20") in history(scene, "measure_suspension")
    assert scene.database.run_read(audit.verify).ok


def test_a_stale_form_names_who_changed_the_measure(scene: Scene) -> None:
    measure = open_avdl(scene)
    renew_measure(
        scene.database,
        actor=scene.actors["coord"],
        measure_id=measure.measure_id,
        version=measure.version,
        decided_on=date(2026, 6, 10),
        months=3,
        today=TODAY,
    )
    with pytest.raises(RefusedError, match="modifiée par coord le"):
        end_measure(
            scene.database,
            actor=scene.actors["sw"],
            measure_id=measure.measure_id,
            version=measure.version,
            end=date(2026, 6, 12),
            outcome="goals_met",
            destination="kept_home",
            today=TODAY,
        )


def test_a_diagnostic_ends_with_its_conclusion(scene: Scene) -> None:
    sw = scene.actors["sw"]
    diagnostic = open_avdl(scene, kind="diagnostic", planned_months=2)
    assert diagnostic.review_due_dates == ()
    with pytest.raises(InvalidInput) as refused:
        renew_measure(
            scene.database,
            actor=sw,
            measure_id=diagnostic.measure_id,
            version=diagnostic.version,
            decided_on=date(2026, 2, 1),
            months=1,
            today=TODAY,
        )
    assert codes(refused.value) == ["measure.not_for_diagnostic"]
    with pytest.raises(InvalidInput) as refused:
        end_measure(
            scene.database,
            actor=sw,
            measure_id=diagnostic.measure_id,
            version=diagnostic.version,
            end=date(2026, 2, 20),
            outcome="rehoused",
            today=TODAY,
        )
    assert codes(refused.value) == [
        "measure.conclusion_required",
        "measure.outcome_not_for_diagnostic",
    ]
    ended = end_measure(
        scene.database,
        actor=sw,
        measure_id=diagnostic.measure_id,
        version=diagnostic.version,
        end=date(2026, 2, 20),
        conclusion="support_proposed",
        today=TODAY,
    )
    assert (ended.conclusion, ended.outcome) == ("support_proposed", None)
    with pytest.raises(InvalidInput) as refused:
        record_review(
            scene.database,
            actor=sw,
            measure_id=diagnostic.measure_id,
            kind="final",
            period_start=date(2026, 1, 5),
            period_end=date(2026, 2, 20),
            today=TODAY,
        )
    assert codes(refused.value) == ["review.not_for_diagnostic"]


def test_measure_input_refused_field_by_field(scene: Scene) -> None:
    with pytest.raises(InvalidInput) as refused:
        open_avdl(
            scene,
            kind="avdl_magic",
            target_public="astronauts",
            start=date(2026, 7, 1),
            prescribed_on=date(2026, 7, 2),
            planned_months=0,
        )
    assert codes(refused.value) == [
        "measure.code_unknown",
        "measure.code_unknown",
        "measure.future_start",
        "measure.prescribed_after_start",
        "measure.months_invalid",
    ]
    assert refused.value.issues[2].text == (
        "Une mesure ne commence pas après aujourd'hui (15/06/2026)."
    )
    with pytest.raises(InvalidInput) as refused:
        open_avdl(scene, prescribed_on=date(2026, 1, 2), contract_signed_on=date(2025, 12, 1))
    assert codes(refused.value) == ["measure.signed_before_prescription"]
    open_avdl(scene)
    with pytest.raises(InvalidInput) as refused:
        open_avdl(scene, start=date(2026, 3, 1))
    assert codes(refused.value) == ["measure.overlap"]
    assert "05/01/2026" in refused.value.issues[0].text
    with pytest.raises(RefusedError, match="n'existe pas"):
        measure_detail(scene.database, actor=SYSTEM_ACTOR, measure_id=999_999)


def test_scope_of_the_actors(scene: Scene) -> None:
    measure = open_avdl(scene)
    # A social worker outside the caseload is refused, in French.
    with pytest.raises(RefusedError, match="enregistrer contacts et mesures"):
        open_avdl(scene, actor=scene.actors["sw2"], kind="asll")
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas de voir les contacts"):
        measures_of(scene.database, actor=scene.actors["sw2"], household_id=scene.ids["m1"])
    # The host of the resident's house reads and writes; the host of another house does not.
    assert measures_of(scene.database, actor=scene.actors["host"], household_id=scene.ids["m1"])
    with pytest.raises(RefusedError):
        measures_of(scene.database, actor=scene.actors["host2"], household_id=scene.ids["m1"])
    # The intern (co-key-worker) reads but never writes; the secretary sees nothing of it.
    [row] = measures_of(scene.database, actor=scene.actors["intern"], household_id=scene.ids["m1"])
    assert row.measure_id == measure.measure_id
    with pytest.raises(RefusedError, match="Vos droits ne permettent pas"):
        open_avdl(scene, actor=scene.actors["intern"], kind="asll")
    with pytest.raises(RefusedError):
        measure_detail(scene.database, actor=scene.actors["secr"], measure_id=measure.measure_id)
    # The coordinator acts on every household.
    assert open_avdl(scene, actor=scene.actors["coord"], household_id=scene.ids["m2"]).measure_id


# ------------------------------------------------------------------ goals


def test_goals_keep_strengths_and_close_with_their_status(scene: Scene) -> None:
    sw = scene.actors["sw"]
    measure = open_avdl(scene)
    goal = add_goal(
        scene.database,
        actor=sw,
        household_id=scene.ids["m1"],
        measure_id=measure.measure_id,
        domain="budget",
        wording="  Stabiliser   le budget ",
        strengths="Tient ses comptes sur un carnet",
        opened_on=date(2026, 1, 20),
        target_on=date(2026, 6, 30),
        today=TODAY,
    )
    assert (goal.wording, goal.strengths, goal.status, goal.closed_on) == (
        "Stabiliser le budget",
        "Tient ses comptes sur un carnet",
        "open",
        None,
    )
    achieved = update_goal(
        scene.database,
        actor=sw,
        goal_id=goal.goal_id,
        version=goal.version,
        domain="budget",
        wording=goal.wording,
        strengths=goal.strengths,
        progress="Loyer payé trois mois de suite",
        attention_points="",
        status="achieved",
        target_on=goal.target_on,
        measure_id=measure.measure_id,
        today=TODAY,
    )
    assert (achieved.status, achieved.closed_on) == ("achieved", TODAY)
    with pytest.raises(RefusedError, match="Cet objectif a été modifié par sw"):
        update_goal(
            scene.database,
            actor=sw,
            goal_id=goal.goal_id,
            version=goal.version,
            domain="budget",
            wording="x",
            strengths="",
            progress="",
            attention_points="",
            status="open",
            target_on=None,
            measure_id=None,
        )
    reopened = update_goal(
        scene.database,
        actor=sw,
        goal_id=goal.goal_id,
        version=achieved.version,
        domain="budget",
        wording=goal.wording,
        strengths=goal.strengths,
        progress=achieved.progress,
        attention_points="Rester vigilant en hiver",
        status="open",
        target_on=goal.target_on,
        measure_id=measure.measure_id,
        today=TODAY,
    )
    assert (reopened.status, reopened.closed_on) == ("open", None)
    closed = add_goal(
        scene.database,
        actor=sw,
        household_id=scene.ids["m1"],
        domain="health",
        wording="Trouver un médecin traitant",
        opened_on=date(2026, 2, 1),
        today=TODAY,
    )
    closed = update_goal(
        scene.database,
        actor=sw,
        goal_id=closed.goal_id,
        version=closed.version,
        domain="health",
        wording=closed.wording,
        strengths="",
        progress="",
        attention_points="",
        status="abandoned",
        target_on=None,
        measure_id=None,
        closed_on=date(2026, 3, 1),
        today=TODAY,
    )
    listed = goals_of(scene.database, actor=sw, household_id=scene.ids["m1"])
    assert [(g.wording, g.status) for g in listed] == [
        ("Stabiliser le budget", "open"),
        ("Trouver un médecin traitant", "abandoned"),
    ]
    assert ("status", "open", "achieved") in history(scene, "goal")
    assert ("closed_on", None, "2026-06-15") in history(scene, "goal")
    with pytest.raises(InvalidInput) as refused:
        add_goal(
            scene.database,
            actor=sw,
            household_id=scene.ids["m2"],
            measure_id=measure.measure_id,
            domain="sport",
            wording=" ",
        )
    assert codes(refused.value) == ["goal.wording_required", "goal.code_unknown"]
    with pytest.raises(RefusedError, match="Vos droits"):
        add_goal(
            scene.database,
            actor=sw,
            household_id=scene.ids["m2"],
            domain="housing",
            wording="Chercher un logement",
        )


# ------------------------------------------------------------------ reviews


def test_review_is_written_as_a_pdf_in_the_households_documents(scene: Scene) -> None:
    sw = scene.actors["sw"]
    measure = open_avdl(scene, funder_id=scene.ids["fnavdl"], planned_months=6)
    add_goal(
        scene.database,
        actor=sw,
        household_id=scene.ids["m1"],
        measure_id=measure.measure_id,
        domain="housing",
        wording="Déposer une demande de logement social",
        strengths="Très mobilisée, parle bien de son projet",
        opened_on=date(2026, 1, 10),
        today=TODAY,
    )
    for held_on, kind, minutes in (
        (date(2026, 1, 12), "home_visit", 60),
        (date(2026, 2, 2), "office", 45),
        (date(2026, 3, 3), "home_visit", 90),
        (date(2026, 5, 3), "office", 30),  # after the period: not counted
    ):
        log_contact(
            scene.database,
            actor=sw,
            household_id=scene.ids["m1"],
            kind=kind,
            held_on=held_on,
            minutes=minutes,
            measure_id=measure.measure_id,
            today=TODAY,
        )
    review = record_review(
        scene.database,
        actor=sw,
        measure_id=measure.measure_id,
        kind="interim",
        period_start=date(2026, 1, 5),
        period_end=date(2026, 4, 4),
        written_on=date(2026, 4, 8),
        next_steps="Relancer le bailleur en mai.",
        household_words="Je veux rester dans le quartier.",
        today=TODAY,
        now=NOW,
    )
    assert review.due_on == date(2026, 4, 5)  # the first date of the schedule
    assert review.document_id is not None
    [document] = list_documents(scene.database, actor=sw, household_id=scene.ids["m1"])
    assert (document.document_id, document.kind, document.media_type) == (
        review.document_id,
        "other",
        "application/pdf",
    )
    assert document.title.startswith("Bilan intermédiaire – AVDL – hors DALO")
    content = read_document_content(
        scene.database, actor=sw, document_id=review.document_id
    ).content
    text = text_of(content)
    assert "Awa Diallo" in text
    assert "FNAVDL" in text
    # strengths come before the goal's status
    assert text.index("Très mobilisée") < text.index("Statut")
    assert "Visite à domicile 2 2 h 30" in text
    assert "Entretien au bureau 1 45 min" in text
    assert "Je veux rester dans le quartier." in text
    assert "Relancer le bailleur en mai." in text
    assert "Claire Martin" in text
    with pytest.raises(InvalidInput) as refused:
        record_review(
            scene.database,
            actor=sw,
            measure_id=measure.measure_id,
            kind="midterm",
            period_start=date(2025, 12, 1),
            period_end=date(2025, 11, 1),
            today=TODAY,
        )
    assert codes(refused.value) == ["review.kind_unknown", "review.period_reversed"]
    with pytest.raises(InvalidInput) as refused:
        record_review(
            scene.database,
            actor=sw,
            measure_id=measure.measure_id,
            kind="interim",
            period_start=date(2025, 12, 1),
            period_end=date(2026, 1, 31),
            today=TODAY,
        )
    assert codes(refused.value) == ["review.before_measure"]


def test_reviews_due_then_to_send_then_gone(scene: Scene) -> None:
    sw = scene.actors["sw"]
    measure = open_avdl(scene)  # 05/01/2026, 6 months: due 05/04, final 04/07
    assert review_schedule(date(2026, 1, 5), date(2026, 7, 4), 3) == (
        date(2026, 4, 5),
        date(2026, 7, 4),
    )

    def due(on: date, actor_login: str = "sw", **options: object):
        return [
            (d.kind, d.state, d.due_on, d.urgency)
            for d in reviews_due(
                scene.database,
                actor=scene.actors[actor_login],
                on=on,
                **options,  # type: ignore[arg-type]
            )
        ]

    assert due(date(2026, 3, 1)) == []
    assert due(date(2026, 3, 20)) == [("interim", DUE, date(2026, 4, 5), "soon")]
    assert due(date(2026, 4, 10)) == [("interim", DUE, date(2026, 4, 5), "overdue")]
    # the coordinator's own list is empty; the team view shows it
    assert due(date(2026, 4, 10), "coord") == []
    assert due(date(2026, 4, 10), "coord", team=True) == [
        ("interim", DUE, date(2026, 4, 5), "overdue")
    ]
    assert due(date(2026, 4, 10), "sw2", team=True) == []  # outside the caseload
    review = record_review(
        scene.database,
        actor=sw,
        measure_id=measure.measure_id,
        kind="interim",
        period_start=date(2026, 1, 5),
        period_end=date(2026, 4, 4),
        written_on=date(2026, 4, 9),
        today=TODAY,
    )
    assert due(date(2026, 4, 10)) == [("interim", TO_SEND, date(2026, 4, 5), "overdue")]
    with pytest.raises(InvalidInput) as refused:
        mark_review_sent(
            scene.database,
            actor=sw,
            review_id=review.review_id,
            version=review.version,
            sent_on=date(2026, 4, 1),
            today=TODAY,
        )
    assert codes(refused.value) == ["review.sent_before_written"]
    sent = mark_review_sent(
        scene.database,
        actor=sw,
        review_id=review.review_id,
        version=review.version,
        sent_on=date(2026, 4, 12),
        today=TODAY,
    )
    assert sent.sent_on == date(2026, 4, 12)
    assert due(date(2026, 4, 20)) == []
    assert due(date(2026, 6, 15)) == [("final", DUE, date(2026, 7, 4), "soon")]
    assert ("sent_on", None, "2026-04-12") in history(scene, "support_review")
    # nothing due before the go-live date is listed
    with scene.database.begin_write() as c:
        c.execute(
            update(m.Parameter)
            .where(m.Parameter.key == "go_live_date")
            .values(value='"2026-07-10"')
        )
    assert due(date(2026, 7, 20)) == []


# ------------------------------------------------------------------ attestation


def test_attestation_shows_only_the_parts_chosen(scene: Scene) -> None:
    sw = scene.actors["sw"]
    open_avdl(scene, worker_id=scene.ids["sw"])
    bare = attestation(
        scene.database,
        actor=sw,
        household_id=scene.ids["m1"],
        person_id=scene.ids["awa"],
        parts=AttestationParts(),
        today=TODAY,
        now=NOW,
    )
    bare_text = text_of(bare.content)
    assert "Association Toit Partagé atteste accompagner Awa Diallo à ce jour." in bare_text
    assert "AVDL" not in bare_text
    assert "Claire Martin" in bare_text  # the signatory
    full = attestation(
        scene.database,
        actor=sw,
        household_id=scene.ids["m1"],
        person_id=scene.ids["awa"],
        parts=AttestationParts(
            name_as="Madame Awa Diallo",
            show_kind=True,
            show_dates=True,
            show_programme=True,
            show_worker=True,
            person_words="Merci pour votre aide.",
        ),
        today=TODAY,
    )
    text = text_of(full.content)
    assert "Madame Awa Diallo depuis le 05/01/2026" in text
    assert "AVDL – hors DALO" in text
    assert "AVDL Rhône" in text
    assert "« Merci pour votre aide. »" in text
    assert full.file_name == "attestation-suivi-M-1-2026-06-15.pdf"
    exports = scene.database.run_read(
        lambda s: [
            (e.action, e.entity, e.fields)
            for e in s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "export"))
        ]
    )
    assert exports[-1] == (
        "export",
        "person",
        "attestation,dates,measure_kind,person_words,programme,worker",
    )
    with pytest.raises(InvalidInput) as refused:
        attestation(
            scene.database,
            actor=sw,
            household_id=scene.ids["m1"],
            person_id=scene.ids["jean"],
            parts=AttestationParts(),
            today=TODAY,
        )
    assert codes(refused.value) == ["attestation.person_foreign"]
    with scene.database.begin_write() as c:
        c.execute(update(m.Household).values(protected=True))
    with pytest.raises(RefusedError, match="Dossier protégé"):
        attestation(
            scene.database,
            actor=scene.actors["coord"],
            household_id=scene.ids["m1"],
            person_id=scene.ids["awa"],
            parts=AttestationParts(),
            today=TODAY,
        )
