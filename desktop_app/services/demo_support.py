"""The demo's accompaniment: measures, plans, reviews, contacts, to-dos and the pensions' life.

After `demo_life.grow_demo` has given the households their stays, this module records what the
team did with the households of the support programmes (AVDL, ASLL), the way a social worker
would have recorded it, by calling the services of the GUI (the demo's social worker named as
the worker): `support.open_measure` with its prescription (a diagnostic concluded first for
some), `renew_measure` before the planned end when the support goes on, `suspend_measure` for
a few, `end_measure` with an outcome and the housing situation when the stay ends or the
support stops. The households followed closely also get their phases (`set_phase`, towards
then into a home), goals with their strengths (`add_goal`, the first one closed with
`update_goal` at the end), contacts every few weeks while a measure runs
(`contacts.log_contact`: office, home visits, calls, missed appointments, a few shared notes,
next appointments, the last ones still ahead), to-dos (`todos.add_todo`, some done) and, for a
few of them only, a review (`record_review` renders a PDF: slow) sent to the funder. In the
pensions de famille: collective activities with the residents who came
(`residence_life.record_activity`, a head count for health actions) and a few entries of the
cahier de liaison tagged with residents (`write_liaison`).

Everything is drawn from one ``random.Random`` seeded from ``seed``, households in id order,
and dated from ``today`` (liaison entries are written at noon UTC of their day): the same
``(seed, today)`` gives the same rows. Each service call is its own transaction (about 10 ms):
the limits of `grow_support` keep the larger demos quick to build.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.periods import add_months
from desktop_app.domain.permissions import Actor
from desktop_app.domain.progress import TaskControl
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Funder,
    Programme,
    ProgrammeFunder,
    Residence,
    Stay,
    UserAccount,
)
from desktop_app.services import residence_life, support, todos
from desktop_app.services.authz import service_action
from desktop_app.services.contacts import NoteInput, log_contact
from desktop_app.services.parameters import load_parameters

SOCIAL_WORKER_LOGIN: Final = "travailleur.social"
COORDINATOR_LOGIN: Final = "coordination"
HOST_LOGIN: Final = "hote"
REVIEWED_HOUSEHOLDS: Final = 3
"""Households whose reviews are written (each review renders a PDF)."""

_DAY: Final = timedelta(days=1)
_SUPPORT_KINDS: Final = ("avdl", "asll")
_FUNDER_KIND: Final = {"avdl": "fnavdl", "asll": "department_fsl"}
_HOUSED: Final = frozenset({"social_housing", "private_housing", "slid"})
_TARGET_PUBLICS: Final = (
    ("shelter_leavers", 35),
    ("street_hotel", 15),
    ("domestic_violence", 8),
    ("refugees", 12),
    ("care_leavers", 5),
    ("young", 15),
    ("other", 10),
)
_OUTCOMES: Final = (
    ("goals_met", 25),
    ("partly_met", 30),
    ("not_met", 8),
    ("household_ended", 10),
    ("reoriented", 12),
    ("non_adherence", 10),
    ("other", 5),
)
# The housing situation at the end of a measure that stops while the household stays put.
_SITUATIONS: Final = (
    ("temporary_housing", 20),
    ("third_party", 20),
    ("shelter", 15),
    ("supported_housing", 10),
    ("unknown", 35),
)
_CONTACT_KINDS: Final = (
    ("office", 34),
    ("home_visit", 24),
    ("phone", 24),
    ("accompanied_step", 6),
    ("no_show", 8),
    ("indirect", 4),
)
_MINUTES: Final = {
    "office": (45, 75),
    "home_visit": (60, 90),
    "phone": (10, 25),
    "accompanied_step": (90, 180),
    "indirect": (20, 40),
}
_NOTES: Final = (
    "Point sur les démarches en cours ; le ménage a apporté les justificatifs demandés.",
    "Visite du logement : bien entretenu, quelques petits travaux à prévoir avec le bailleur.",
    "Dossier de demande de logement social renouvelé ensemble en ligne.",
    "Budget revu ensemble : les charges fixes sont couvertes, l'épargne reste fragile.",
    "Le ménage souhaite être accompagné au rendez-vous de la CAF la semaine prochaine.",
)
# Per goal domain: (wording, strengths).
_GOALS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "housing": (
        (
            "Accéder à un logement social adapté à la composition familiale",
            "Demande de logement social à jour ; connaît bien le quartier souhaité.",
        ),
        (
            "Se maintenir dans le logement actuel",
            "Attachée à son logement ; bonnes relations avec le gardien.",
        ),
    ),
    "budget": (
        (
            "Stabiliser le budget et résorber la dette locative",
            "Paie régulièrement la part de loyer depuis trois mois ; tient un carnet de comptes.",
        ),
    ),
    "rights": (
        (
            "Ouvrir les droits aux prestations (APL, prime d'activité)",
            "Sait utiliser le site de la CAF avec un peu d'aide.",
        ),
    ),
    "health": (
        (
            "Reprendre un suivi médical régulier",
            "A déjà un médecin traitant déclaré ; en parle volontiers.",
        ),
    ),
    "employment": (
        (
            "Trouver une formation qualifiante",
            "Expérience en restauration ; motivée par un projet précis.",
        ),
    ),
    "daily_life": (
        (
            "S'approprier le logement et l'entretenir",
            "Aime bricoler ; a aménagé sa chambre avec soin.",
        ),
    ),
    "paperwork": (
        (
            "Mettre à jour les papiers administratifs",
            "Garde ses courriers classés ; demande de l'aide quand il le faut.",
        ),
    ),
}
_TODO_TEXTS: Final = (
    "Relancer la CAF pour le rappel d'APL",
    "Préparer le dossier FSL maintien",
    "Envoyer le bilan au financeur",
    "Appeler le bailleur pour l'état des lieux",
    "Vérifier le renouvellement de la demande de logement social",
)
_NEXT_STEPS: Final = (
    "Poursuivre les démarches d'accès au logement social et préparer le passage en CAL."
)
_HOUSEHOLD_WORDS: Final = "On avance, même si l'attente est longue."
_ACTIVITIES: Final = (
    ("shared_meal", "Repas partagé du mois"),
    ("workshop", "Atelier cuisine"),
    ("residents_meeting", "Réunion des résidents"),
    ("outing", "Sortie au parc de la Tête d'Or"),
    ("health", "Prévention santé : dépistage"),
)
_LIAISON_TEXTS: Final = (
    "Fuite signalée dans la salle de bain de la chambre 3 : plombier prévenu.",
    "Soirée calme. Un résident a demandé à parler à l'équipe demain matin.",
    "Courrier important remis en main propre au résident concerné.",
    "Le repas partagé de jeudi se prépare : liste des courses affichée.",
)


@dataclass(frozen=True, slots=True)
class SupportSummary:
    """What `grow_support` recorded, call by call."""

    measures: int = 0
    diagnostics: int = 0
    renewals: int = 0
    suspensions: int = 0
    phase_changes: int = 0
    measures_ended: int = 0
    goals: int = 0
    goals_closed: int = 0
    reviews: int = 0
    contacts: int = 0
    appointments: int = 0
    todos: int = 0
    todos_done: int = 0
    activities: int = 0
    liaison_entries: int = 0


@dataclass(slots=True)
class _Counts:
    measures: int = 0
    diagnostics: int = 0
    renewals: int = 0
    suspensions: int = 0
    phase_changes: int = 0
    measures_ended: int = 0
    goals: int = 0
    goals_closed: int = 0
    reviews: int = 0
    contacts: int = 0
    appointments: int = 0
    todos: int = 0
    todos_done: int = 0
    activities: int = 0
    liaison_entries: int = 0


@dataclass(frozen=True, slots=True)
class _SupportStay:
    household_id: int
    programme_id: int
    programme_kind: str
    entry: date
    exit: date | None
    destination: str | None
    dalo_status: str
    referrer: str | None
    entry_situation: str


@dataclass(frozen=True, slots=True)
class _Scene:
    stays: tuple[_SupportStay, ...]
    funders: dict[int, int]  # programme id → its funder of the programme's kind
    accounts: dict[str, int]  # login → account id
    residences: tuple[int, ...]


def _read_scene(session: Session) -> _Scene:
    stays = tuple(
        _SupportStay(*row)
        for row in session.execute(
            select(
                Stay.household_id,
                Stay.programme_id,
                Programme.kind,
                Stay.entry_date,
                Stay.exit_date,
                Stay.destination,
                Stay.dalo_status,
                Stay.referrer,
                Stay.entry_situation,
            )
            .join(Programme, Programme.id == Stay.programme_id)
            .where(Programme.kind.in_(_SUPPORT_KINDS))
            .order_by(Stay.household_id, Stay.entry_date, Stay.id)
        )
    )
    funders: dict[int, int] = {}
    for programme_id, programme_kind, funder_id, funder_kind in session.execute(
        select(ProgrammeFunder.programme_id, Programme.kind, Funder.id, Funder.kind)
        .join(Programme, Programme.id == ProgrammeFunder.programme_id)
        .join(Funder, Funder.id == ProgrammeFunder.funder_id)
        .order_by(ProgrammeFunder.programme_id, Funder.id)
    ):
        if _FUNDER_KIND.get(programme_kind) == funder_kind:
            funders.setdefault(programme_id, funder_id)
    accounts = {
        login: account_id
        for account_id, login in session.execute(select(UserAccount.id, UserAccount.login))
    }
    residences = tuple(session.scalars(select(Residence.id).order_by(Residence.id)))
    return _Scene(stays, funders, accounts, residences)


def _pick(rng: random.Random, items: Sequence[tuple[str, int]]) -> str:
    return rng.choices([item for item, _ in items], weights=[w for _, w in items])[0]


def _chance(rng: random.Random, probability: float) -> bool:
    return rng.random() < probability


def _spans(first: date, last: date, at_least: int) -> bool:
    """Whether ``first``…``last`` lasts at least ``at_least`` days."""
    return (last - first).days >= at_least


def _days(rng: random.Random, first: int, last: int) -> timedelta:
    return timedelta(days=rng.randint(first, last))


@dataclass(slots=True)
class _Grower:
    """Records the accompaniment of each household, service call by service call."""

    database: Database
    actor: Actor
    rng: random.Random
    today: date
    scene: _Scene
    themes: tuple[str, ...]
    counts: _Counts = field(default_factory=_Counts)
    reviewed: int = 0

    @property
    def last_day(self) -> date:
        return self.today - _DAY

    @property
    def worker(self) -> int | None:
        return self.scene.accounts.get(SOCIAL_WORKER_LOGIN)

    def household(self, stay: _SupportStay, *, followed: bool) -> None:
        """A diagnostic for some, then the measure, its renewal, suspension and end.

        A ``followed`` household also gets its phases, goals, contacts, to-dos and reviews.
        """
        rng = self.rng
        start = stay.entry
        stop = min(stay.exit or self.last_day, self.last_day)
        if not _spans(start, stop, 20):
            return
        needed = self.counts.diagnostics == 0  # the demo shows at least one
        if (
            stay.programme_kind == "avdl"
            and (needed or _chance(rng, 0.15))
            and _spans(start, stop, 91)
        ):
            start = self.diagnostic(stay, start, followed=followed)
        kind = "asll"
        if stay.programme_kind == "avdl":
            kind = "avdl_non_dalo" if stay.dalo_status == "non_dalo" else "avdl_dalo"
        target = _pick(rng, _TARGET_PUBLICS)
        if stay.entry_situation == "threatened_home":
            target = "eviction_prevention"
        phase = "in_home" if kind == "asll" or target == "eviction_prevention" else "towards"
        detail = support.open_measure(
            self.database,
            actor=self.actor,
            household_id=stay.household_id,
            programme_id=stay.programme_id,
            kind=kind,
            start=start,
            funder_id=self.scene.funders.get(stay.programme_id),
            target_public=target,
            referrer=stay.referrer,
            prescribed_on=start - _days(rng, 3, 30),
            contract_signed_on=min(start + _days(rng, 0, 10), self.last_day),
            worker_id=self.worker,
            phase=phase,
            today=self.today,
        )
        self.counts.measures += 1
        renewal, end = self.course(stay, detail)
        last = end or self.last_day
        version = detail.version
        if renewal is not None:
            version = self.renew(detail, version, renewal)
        version = self.suspension(detail, version, last)
        goals: list[support.GoalInfo] = []
        if followed:
            version = self.phases(detail, version, phase, last)
            goals = self.goals(stay, detail, last)
            self.contacts(stay.household_id, detail.measure_id, start, last, running=end is None)
        if end is not None:
            self.end(stay, detail, version, end, goals)
        elif followed and _chance(rng, 0.6):
            self.todo(stay.household_id)
        if followed and self.reviewed < REVIEWED_HOUSEHOLDS and self.review(detail, last):
            self.reviewed += 1

    def diagnostic(self, stay: _SupportStay, start: date, *, followed: bool) -> date:
        """A diagnostic from the entry, concluded with a support proposed; the day after it."""
        end = start + _days(self.rng, 14, 40)
        detail = support.open_measure(
            self.database,
            actor=self.actor,
            household_id=stay.household_id,
            programme_id=stay.programme_id,
            kind="diagnostic",
            start=start,
            funder_id=self.scene.funders.get(stay.programme_id),
            referrer=stay.referrer,
            prescribed_on=start - _days(self.rng, 3, 20),
            planned_months=2,
            worker_id=self.worker,
            today=self.today,
        )
        if followed:
            self.contacts(stay.household_id, detail.measure_id, start, end, running=False, most=2)
        support.end_measure(
            self.database,
            actor=self.actor,
            measure_id=detail.measure_id,
            version=detail.version,
            end=end,
            conclusion="support_proposed",
            today=self.today,
        )
        self.counts.diagnostics += 1
        return end + _DAY

    def course(
        self, stay: _SupportStay, detail: support.MeasureDetail
    ) -> tuple[date | None, date | None]:
        """When a renewal is decided, and the measure's last day (None while it runs).

        A renewal is decided when the support goes on past the planned end; the last day is
        the stay's exit, else the planned (or renewed) end.
        """
        planned = detail.planned_end
        renewal: date | None = None
        limit = planned
        if stay.exit is None or stay.exit > planned:
            decided = planned - _days(self.rng, 5, 25)
            if decided <= self.last_day and _chance(self.rng, 0.8):
                renewal, limit = decided, add_months(detail.start, 12) - _DAY
        end = stay.exit if stay.exit is not None and stay.exit <= limit else limit
        return renewal, (end if end <= self.last_day else None)

    def renew(self, detail: support.MeasureDetail, version: int, decided: date) -> int:
        renewed = support.renew_measure(
            self.database,
            actor=self.actor,
            measure_id=detail.measure_id,
            version=version,
            decided_on=decided,
            months=6,
            today=self.today,
        )
        self.counts.renewals += 1
        return renewed.version

    def suspension(self, detail: support.MeasureDetail, version: int, last: date) -> int:
        """A few measures suspended for some weeks (a hospital stay, a family matter)."""
        rng = self.rng
        needed = self.counts.suspensions == 0  # the demo shows at least one
        if not _spans(detail.start, last, 150) or not (needed or _chance(rng, 0.05)):
            return version
        first = detail.start + _days(rng, 45, 75)
        end = first + _days(rng, 14, 45)
        if end >= last:
            return version
        suspended = support.suspend_measure(
            self.database,
            actor=self.actor,
            measure_id=detail.measure_id,
            version=version,
            start=first,
            end=end,
            today=self.today,
        )
        self.counts.suspensions += 1
        return suspended.version

    def phases(self, detail: support.MeasureDetail, version: int, phase: str, last: date) -> int:
        """Towards a home, then the move, then in the home, for some households."""
        rng = self.rng
        if phase != "towards" or not _spans(detail.start, last, 120) or not _chance(rng, 0.4):
            return version
        move = detail.start + _days(rng, 90, 110)
        for new, day in (("at_move_in", move), ("in_home", move + _days(rng, 15, 30))):
            if day >= last:
                break
            changed = support.set_phase(
                self.database,
                actor=self.actor,
                measure_id=detail.measure_id,
                version=version,
                phase=new,
                from_date=day,
                today=self.today,
            )
            version = changed.version
            self.counts.phase_changes += 1
        return version

    def goals(
        self, stay: _SupportStay, detail: support.MeasureDetail, last: date
    ) -> list[support.GoalInfo]:
        """One to three goals, housing first, each with the household's strengths."""
        rng = self.rng
        domains = ["housing", *rng.sample(sorted(set(_GOALS) - {"housing"}), rng.randint(0, 2))]
        goals = []
        for domain in domains:
            wording, strengths = rng.choice(_GOALS[domain])
            opened = min(detail.start + _days(rng, 0, 20), last)
            goals.append(
                support.add_goal(
                    self.database,
                    actor=self.actor,
                    household_id=stay.household_id,
                    domain=domain,
                    wording=wording,
                    strengths=strengths,
                    measure_id=detail.measure_id,
                    opened_on=opened,
                    target_on=opened + _days(rng, 90, 180),
                    today=self.today,
                )
            )
            self.counts.goals += 1
        return goals

    def contacts(
        self,
        household_id: int,
        measure_id: int,
        first: date,
        last: date,
        *,
        running: bool,
        most: int = 10,
    ) -> None:
        """Contacts every few weeks from ``first`` to ``last``; a next appointment now and then."""
        rng = self.rng
        day = first + _days(rng, 0, 6)
        held: list[date] = []
        while day <= last and len(held) < most:
            held.append(day)
            day += _days(rng, 21, 49)
        for index, on in enumerate(held):
            kind = _pick(rng, _CONTACT_KINDS)
            span = _MINUTES.get(kind)
            minutes = rng.randint(*span) // 5 * 5 if span is not None else None
            themes = rng.sample(self.themes, rng.randint(1, 2)) if kind != "no_show" else []
            notes: tuple[NoteInput, ...] = ()
            if kind in {"office", "home_visit"} and _chance(rng, 0.1):
                notes = (NoteInput("shared", rng.choice(_NOTES)),)
            appointment = None
            final = index == len(held) - 1
            if (final and running) or (kind in {"office", "no_show"} and _chance(rng, 0.4)):
                appointment = on + _days(rng, 14, 28)
            worker = self.worker
            if _chance(rng, 0.1):
                worker = self.scene.accounts.get(COORDINATOR_LOGIN, worker)
            log_contact(
                self.database,
                actor=self.actor,
                household_id=household_id,
                kind=kind,
                held_on=on,
                minutes=minutes,
                themes=themes,
                measure_id=measure_id,
                notes=notes,
                next_appointment_on=appointment,
                worker_id=worker,
                today=self.today,
            )
            self.counts.contacts += 1
            self.counts.appointments += appointment is not None

    def end(
        self,
        stay: _SupportStay,
        detail: support.MeasureDetail,
        version: int,
        end: date,
        goals: Sequence[support.GoalInfo],
    ) -> None:
        """The end: the stay's destination when it ended then, else where the household is."""
        rng = self.rng
        if stay.exit == end and stay.destination is not None:
            destination = stay.destination
        elif stay.entry_situation == "threatened_home":
            destination = "kept_home"
        else:
            destination = _pick(rng, _SITUATIONS)
        housed = destination in _HOUSED or destination == "kept_home"
        outcome = "rehoused" if destination in _HOUSED else _pick(rng, _OUTCOMES)
        support.end_measure(
            self.database,
            actor=self.actor,
            measure_id=detail.measure_id,
            version=version,
            end=end,
            outcome=outcome,
            destination=destination,
            today=self.today,
        )
        self.counts.measures_ended += 1
        if not goals:
            return
        goal = goals[0]
        support.update_goal(
            self.database,
            actor=self.actor,
            goal_id=goal.goal_id,
            version=goal.version,
            domain=goal.domain,
            wording=goal.wording,
            strengths=goal.strengths,
            progress="Objectif travaillé tout au long de la mesure.",
            attention_points="",
            status="achieved" if housed else "partly",
            target_on=goal.target_on,
            measure_id=goal.measure_id,
            closed_on=max(end, goal.opened_on),
            today=self.today,
        )
        self.counts.goals_closed += 1

    def todo(self, household_id: int) -> None:
        """A to-do for the social worker around today; some already done."""
        rng = self.rng
        item = todos.add_todo(
            self.database,
            actor=self.actor,
            due_on=self.today + _days(rng, -10, 20),
            text=rng.choice(_TODO_TEXTS),
            household_id=household_id,
            assigned_to=self.worker,
            today=self.today,
        )
        self.counts.todos += 1
        if self.counts.todos_done == 0 or _chance(rng, 0.3):
            todos.complete_todo(
                self.database,
                actor=self.actor,
                todo_id=item.todo_id,
                version=item.version,
                done_on=self.last_day,
                today=self.today,
            )
            self.counts.todos_done += 1

    def review(self, detail: support.MeasureDetail, last: date) -> bool:
        """The first interim review (bilan) of a measure, sent to the funder; whether written."""
        due = add_months(detail.start, 3)
        written = due + _days(self.rng, 0, 10)
        if detail.kind == "diagnostic" or written > min(last, self.last_day):
            return False
        review = support.record_review(
            self.database,
            actor=self.actor,
            measure_id=detail.measure_id,
            kind=support.INTERIM,
            period_start=detail.start,
            period_end=due,
            written_on=written,
            next_steps=_NEXT_STEPS,
            household_words=_HOUSEHOLD_WORDS,
            shared_on=written,
            due_on=due,
            today=self.today,
        )
        self.counts.reviews += 1
        if self.reviewed < REVIEWED_HOUSEHOLDS - 1:
            support.mark_review_sent(
                self.database,
                actor=self.actor,
                review_id=review.review_id,
                version=review.version,
                sent_on=min(written + _days(self.rng, 1, 7), self.last_day),
                today=self.today,
            )
        return True

    def residence(self, residence_id: int, months: int) -> None:
        """A shared meal a month and some other activities; a few liaison entries lately."""
        rng = self.rng
        host = self.scene.accounts.get(HOST_LOGIN)
        first = add_months(self.today, -months)
        day = first + _days(rng, 0, 10)
        while day < self.today:
            kind, title = _ACTIVITIES[0] if _chance(rng, 0.5) else rng.choice(_ACTIVITIES)
            living = residence_life.residents(
                self.database, actor=self.actor, residence_id=residence_id, on=day
            )
            persons = [
                person.person_id
                for resident in living.residents
                for person in resident.persons
                if not person.absent
            ]
            if persons:
                came = sorted(rng.sample(persons, max(1, len(persons) * 2 // 3)))
                named = kind not in residence_life.HEAD_COUNT_KINDS
                residence_life.record_activity(
                    self.database,
                    actor=self.actor,
                    residence_id=residence_id,
                    held_on=day,
                    kind=kind,
                    title=title,
                    host_id=host,
                    attendees=came if named else None,
                    head_count=None if named else len(came),
                    today=self.today,
                )
                self.counts.activities += 1
            day += _days(rng, 12, 24)
        for back in sorted(rng.sample(range(1, 15), 3), reverse=True):
            day = self.today - timedelta(days=back)
            living = residence_life.residents(
                self.database, actor=self.actor, residence_id=residence_id, on=day
            )
            persons = [p.person_id for r in living.residents for p in r.persons]
            residence_life.write_liaison(
                self.database,
                actor=self.actor,
                residence_id=residence_id,
                text=rng.choice(_LIAISON_TEXTS),
                tags=rng.sample(persons, min(len(persons), rng.randint(0, 2))),
                now=datetime.combine(day, time(12), tzinfo=UTC),
            )
            self.counts.liaison_entries += 1


@service_action(support.WRITE)
def grow_support(
    database: Database,
    *,
    actor: Actor,
    seed: int,
    today: date,
    households: int | None = None,
    followed: int | None = None,
    residences: int | None = None,
    months: int = 6,
    control: TaskControl | None = None,
) -> SupportSummary:
    """Record the accompaniment of the support programmes' households and the pensions' life.

    Args:
        database: a demo database whose households have their stays (`demo_life.grow_demo`).
        actor: who records it all (the demo passes the system actor; the demo's social worker
            is named as the worker of the measures and contacts).
        seed: seeds the only random generator used.
        today: nothing is recorded on or after it (next appointments and to-dos excepted).
        households: give a measure to at most this many households of the support
            programmes (the first ones in id order); None for all.
        followed: of those, the first ones given goals, contacts, to-dos and reviews too;
            None for all.
        residences: give a collective life to at most this many residences; None for all.
        months: the months of collective life before ``today``.
        control: cancellation (checked between households).

    Returns:
        The number of records of each kind.
    """
    control = control or TaskControl()
    scene = database.run_read(_read_scene)
    parameters = load_parameters(database, actor=actor)
    themes = parameters.get("contact.themes", today)
    grower = _Grower(
        database,
        actor,
        random.Random(f"{seed}:support"),
        today,
        scene,
        tuple(str(t) for t in themes) if isinstance(themes, list) else (),
    )
    seen: set[int] = set()
    for stay in scene.stays:
        if stay.household_id in seen:
            continue  # one accompaniment per household, on its first support stay
        if households is not None and len(seen) >= households:
            break
        control.checkpoint()
        grower.household(stay, followed=followed is None or len(seen) < followed)
        seen.add(stay.household_id)
    for residence_id in scene.residences[:residences]:
        control.checkpoint()
        grower.residence(residence_id, months=months)
    counts = grower.counts
    return SupportSummary(
        measures=counts.measures,
        diagnostics=counts.diagnostics,
        renewals=counts.renewals,
        suspensions=counts.suspensions,
        phase_changes=counts.phase_changes,
        measures_ended=counts.measures_ended,
        goals=counts.goals,
        goals_closed=counts.goals_closed,
        reviews=counts.reviews,
        contacts=counts.contacts,
        appointments=counts.appointments,
        todos=counts.todos,
        todos_done=counts.todos_done,
        activities=counts.activities,
        liaison_entries=counts.liaison_entries,
    )
