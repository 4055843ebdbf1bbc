"""Support measures, their plan and reviews, and the attestation de suivi (DOMAIN §2, §5, §7).

A measure (AVDL, ASLL, diagnostic…) is opened with its prescription details, renewed,
suspended, moved through its dated phases and ended with an outcome and the housing situation
at the end; a diagnostic ends with its conclusion instead. Goals carry the person's strengths
(points d'appui) before anything else; reviews (bilans) are written in Seuil, printed as a PDF
kept in the household's documents, then marked as sent to the funder.

Decisions where DOMAIN.md is silent, kept here so the GUI, the import and the tests agree:

- **Access**: measures, goals and reviews are "contacts, measures" of DOMAIN §1
  (``support.read`` / ``support.write``): a social worker on their caseload, a host for the
  residents of their house, coordination and direction everywhere. The household's context
  includes the programmes of its measures (an AVDL household may have no stay).
- **Planned length**: without ``planned_months``, the parameter ``measure.planned_months`` for
  the funder's kind (scope) on the start date. The **planned end** (last day) is the start plus
  the planned months plus the months of every renewal granted, minus one day. A renewal granted
  past ``measure.max_months`` is refused; a refused renewal changes nothing but is kept.
- **Dates**: a measure does not start, end or get reviewed in the future; a prescription is
  never after the start nor a support-contract signature before the prescription. Two measures
  of one kind may not share a day in one household. A diagnostic has no renewal, suspension,
  phase nor review. A suspension lies inside the measure and shares no day with another; an
  open one must be ended before a new one starts.
- **Reviews** are due every ``review.period_months`` months from the start while the measure
  runs, and a final one at its end (planned end while it runs). A due date is *due* until a
  review answers it (``due_on``) and *to send* until that review is sent; nothing before the
  go-live date is listed. A review written for no due date answers the earliest open one.
- **Stale forms**: every change of a measure, goal or review names the version it was read at;
  a change saved meanwhile by someone else is refused with their name and the time.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Final

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop_app.domain import counting
from desktop_app.domain import reminders as rules
from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import Period, add_months, format_date
from desktop_app.domain.permissions import AccessContext, Actor, decide
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import (
    AuditEvent,
    Contact,
    Document,
    DocumentContent,
    Dwelling,
    Funder,
    Goal,
    Household,
    HouseholdCoWorker,
    MeasurePhase,
    MeasureRenewal,
    MeasureSuspension,
    Membership,
    OccupancyContract,
    Organisation,
    Partner,
    Person,
    Programme,
    Stay,
    SupportMeasure,
    SupportReview,
    UserAccount,
)
from desktop_app.reports.pdf.common import Contact as PdfContact
from desktop_app.reports.pdf.common import Letterhead, Signatory
from desktop_app.reports.pdf.support import (
    ATTESTATION_WORDS_MAX,
    REVIEW_TITLES,
    AttestationData,
    ContactTally,
    ReviewData,
    ReviewGoal,
    render_attestation,
    render_review,
)
from desktop_app.services import documents
from desktop_app.services.authz import record_event, require, service_action
from desktop_app.services.households import household_access
from desktop_app.services.parameters import parameters_in

READ: Final = "support.read"
WRITE: Final = "support.write"
INTERIM: Final = "interim"
FINAL: Final = "final"
REVIEW_KINDS: Final = tuple(REVIEW_TITLES)
# States of a review due date (`reviews_due`).
DUE: Final = "due"
TO_SEND: Final = "to_send"
GRANTED: Final = "granted"
OPEN: Final = "open"
WORDING_MAX: Final = 500
# The role named under the worker's signature, the first one the actor holds.
_SIGNING_ROLES: Final = ("social_worker", "coordinator", "director", "host")
_ONE_DAY: Final = timedelta(days=1)
# The rows whose changes make a new version of their measure.
_MEASURE_PARTS: Final = ("measure_renewal", "measure_suspension", "measure_phase")


# ------------------------------------------------------------------ data handed out


@dataclass(frozen=True, slots=True)
class RenewalInfo:
    """A renewal decision."""

    renewal_id: int
    decided_on: date
    months: int
    decision: str


@dataclass(frozen=True, slots=True)
class SuspensionInfo:
    """A suspension (``end`` None while it goes on)."""

    suspension_id: int
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class PhaseInfo:
    """The phase of the measure from a date."""

    phase: str
    from_date: date


@dataclass(frozen=True, slots=True)
class GoalInfo:
    """A goal of the support plan: the person's strengths come right after its wording."""

    goal_id: int
    household_id: int
    measure_id: int | None
    domain: str
    wording: str
    strengths: str
    progress: str
    attention_points: str
    status: str
    opened_on: date
    target_on: date | None
    closed_on: date | None
    version: int


@dataclass(frozen=True, slots=True)
class ReviewInfo:
    """A review (bilan) written for a measure; ``document_id`` is its PDF in the documents."""

    review_id: int
    measure_id: int
    kind: str
    period_start: date
    period_end: date
    due_on: date | None
    written_on: date
    sent_on: date | None
    shared_on: date | None
    next_steps: str
    household_words: str
    document_id: int | None
    version: int


@dataclass(frozen=True, slots=True)
class MeasureRow:
    """A measure as the household file lists it."""

    measure_id: int
    household_id: int
    kind: str
    programme: str
    funder: str | None
    start: date
    planned_end: date
    end: date | None
    phase: str | None  # the current phase (None for a diagnostic or before any)
    suspended: bool  # a suspension covers today
    worker: str | None


@dataclass(frozen=True, slots=True)
class MeasureDetail:
    """Everything about one measure, its plan and its reviews."""

    measure_id: int
    household_id: int
    programme_id: int
    programme: str
    funder_id: int | None
    funder: str | None
    kind: str
    target_public: str | None
    dalo_status: str
    referrer: str | None
    referrer_partner_id: int | None
    prescribed_on: date | None
    start: date
    contract_signed_on: date | None
    planned_months: int
    planned_end: date
    max_end: date  # the last day allowed by ``measure.max_months``
    end: date | None
    outcome: str | None
    destination: str | None
    conclusion: str | None
    worker_id: int | None
    worker: str | None
    active_days: int  # from the start to the end (or today), suspensions subtracted
    renewals: tuple[RenewalInfo, ...]
    suspensions: tuple[SuspensionInfo, ...]
    phases: tuple[PhaseInfo, ...]
    goals: tuple[GoalInfo, ...]
    reviews: tuple[ReviewInfo, ...]
    review_due_dates: tuple[date, ...]  # the schedule (interim dates, then the final one)
    version: int


@dataclass(frozen=True, slots=True)
class ReviewDue:
    """A review to write (``due``) or to send to the funder (``to_send``), for the agenda."""

    measure_id: int
    household_id: int
    household_reference: str
    measure_kind: str
    kind: str  # interim or final
    state: str  # due or to_send
    due_on: date
    review_id: int | None
    urgency: str  # overdue or soon (`domain.reminders`)


@dataclass(frozen=True, slots=True)
class AttestationParts:
    """What the person agreed to show on an attestation de suivi (nothing by default).

    ``name_as`` is the name as the person wants it written (« Madame Awa Diallo »); without it
    the first and last names are used. ``measure_id`` names the support attested (else the
    household's running measure, or its latest).
    """

    name_as: str | None = None
    measure_id: int | None = None
    show_kind: bool = False
    show_dates: bool = False
    show_programme: bool = False
    show_worker: bool = False
    person_words: str = ""


@dataclass(frozen=True, slots=True)
class AttestationFile:
    """The PDF of an attestation, to save or print."""

    file_name: str
    content: bytes


# ------------------------------------------------------------------ access


def support_access(session: Session, actor: Actor, household_id: int) -> AccessContext:
    """`household_access` with the programmes of the household's measures too.

    Raises:
        RefusedError: no such household.
    """
    context = household_access(session, actor, household_id)
    programmes = frozenset(
        session.scalars(
            select(SupportMeasure.programme_id).where(SupportMeasure.household_id == household_id)
        )
    )
    if programmes <= context.programme_ids:
        return context
    return replace(context, programme_ids=context.programme_ids | programmes)


def support_contexts(
    session: Session, actor: Actor, household_ids: Collection[int]
) -> dict[int, AccessContext]:
    """`support_access` for many households in four queries (lists and the agenda)."""
    ids = sorted(set(household_ids))
    if not ids:
        return {}
    workers: dict[int, set[int]] = defaultdict(set)
    for household_id, key_worker in session.execute(
        select(Household.id, Household.key_worker_id).where(Household.id.in_(ids))
    ):
        if key_worker is not None:
            workers[household_id].add(key_worker)
    for household_id, user_id in session.execute(
        select(HouseholdCoWorker.household_id, HouseholdCoWorker.user_id).where(
            HouseholdCoWorker.household_id.in_(ids)
        )
    ):
        workers[household_id].add(user_id)
    programmes: dict[int, set[int]] = defaultdict(set)
    for household_id, programme_id in session.execute(
        select(Stay.household_id, Stay.programme_id)
        .where(Stay.household_id.in_(ids))
        .union(
            select(SupportMeasure.household_id, SupportMeasure.programme_id).where(
                SupportMeasure.household_id.in_(ids)
            )
        )
    ):
        programmes[household_id].add(programme_id)
    residences: dict[int, set[int]] = defaultdict(set)
    for household_id, residence_id in session.execute(
        select(OccupancyContract.household_id, Dwelling.residence_id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(OccupancyContract.household_id.in_(ids), Dwelling.residence_id.is_not(None))
    ):
        if residence_id is not None:
            residences[household_id].add(residence_id)
    contexts = {}
    for household_id in ids:
        circle = workers.get(household_id, set())
        houses = frozenset(residences.get(household_id, ()))
        hosted = any(
            grant.role == "host" and (grant.residence_id is None or grant.residence_id in houses)
            for grant in actor.grants
        )
        contexts[household_id] = AccessContext(
            programme_ids=frozenset(programmes.get(household_id, ())),
            residence_ids=houses,
            caseload=actor.user_id in circle or bool(circle & actor.delegated_from),
            resident=bool(houses) and hosted,
        )
    return contexts


# ------------------------------------------------------------------ helpers


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _display_name(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(UserAccount.display_name).where(UserAccount.id == user_id))


def _conflict(
    session: Session,
    entity: str,
    entity_id: int,
    code: str,
    parts: ColumnElement[bool] | None = None,
) -> RefusedError:
    """The refusal of a stale change, naming the last writer from the security log.

    ``parts`` finds the events of the rows that make a new version too (a measure's renewals).
    """
    condition = and_(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
    last = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(condition if parts is None else or_(condition, parts))
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return RefusedError("support.conflict_unknown")
    who, at = last
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    return RefusedError(code, who=who, when=moment.astimezone().strftime("%d/%m/%Y à %H:%M"))


def _measure_for(session: Session, actor: Actor, measure_id: int, action: str) -> SupportMeasure:
    measure = session.get(SupportMeasure, measure_id)
    if measure is None:
        raise RefusedError("measure.unknown")
    require(actor, action, support_access(session, actor, measure.household_id))
    return measure


def _check_version(session: Session, measure: SupportMeasure, version: int) -> None:
    if measure.version != version:
        parts = and_(
            AuditEvent.household_id == measure.household_id,
            AuditEvent.entity.in_(_MEASURE_PARTS),
        )
        raise _conflict(session, "support_measure", measure.id, "measure.conflict", parts)


def _touch(session: Session, measure: SupportMeasure) -> None:
    """A new version of the measure after a change of its renewals, suspensions or phases."""
    flag_modified(measure, "kind")
    session.flush()


def _scope(session: Session, funder_id: int | None) -> str | None:
    """The parameter scope of a measure: its funder's kind."""
    if funder_id is None:
        return None
    return session.scalar(select(Funder.kind).where(Funder.id == funder_id))


def _parameters(session: Session) -> Parameters:
    return parameters_in(session)


def _granted_months(renewals: Iterable[MeasureRenewal]) -> int:
    return sum(r.months for r in renewals if r.decision == GRANTED)


def planned_end(start: date, planned_months: int, renewed_months: int = 0) -> date:
    """The last day planned: start + planned and renewed months, minus one day (DOMAIN §0)."""
    return add_months(start, planned_months + renewed_months) - _ONE_DAY


def review_schedule(start: date, last_day: date, period_months: int) -> tuple[date, ...]:
    """The interim due dates every ``period_months`` from ``start`` before ``last_day``, then it.

    ``last_day`` is the end of the measure (its planned end while it runs): the final review
    is due then.
    """
    dates: list[date] = []
    step = 1
    while (due := add_months(start, step * period_months)) < last_day:
        dates.append(due)
        step += 1
    return (*dates, last_day)


def measure_renewals(
    session: Session, measure_ids: Collection[int]
) -> dict[int, list[MeasureRenewal]]:
    """The renewals of each measure, oldest first."""
    found: dict[int, list[MeasureRenewal]] = defaultdict(list)
    if measure_ids:
        for renewal in session.scalars(
            select(MeasureRenewal)
            .where(MeasureRenewal.measure_id.in_(sorted(measure_ids)))
            .order_by(MeasureRenewal.decided_on, MeasureRenewal.id)
        ):
            found[renewal.measure_id].append(renewal)
    return found


def _suspensions(
    session: Session, measure_ids: Collection[int]
) -> dict[int, list[MeasureSuspension]]:
    found: dict[int, list[MeasureSuspension]] = defaultdict(list)
    if measure_ids:
        for suspension in session.scalars(
            select(MeasureSuspension)
            .where(MeasureSuspension.measure_id.in_(sorted(measure_ids)))
            .order_by(MeasureSuspension.start_date, MeasureSuspension.id)
        ):
            found[suspension.measure_id].append(suspension)
    return found


def _phases(session: Session, measure_ids: Collection[int]) -> dict[int, list[MeasurePhase]]:
    found: dict[int, list[MeasurePhase]] = defaultdict(list)
    if measure_ids:
        for phase in session.scalars(
            select(MeasurePhase)
            .where(MeasurePhase.measure_id.in_(sorted(measure_ids)))
            .order_by(MeasurePhase.from_date)
        ):
            found[phase.measure_id].append(phase)
    return found


def _goal_info(goal: Goal) -> GoalInfo:
    return GoalInfo(
        goal_id=goal.id,
        household_id=goal.household_id,
        measure_id=goal.measure_id,
        domain=goal.domain,
        wording=goal.wording,
        strengths=goal.strengths,
        progress=goal.progress,
        attention_points=goal.attention_points,
        status=goal.status,
        opened_on=goal.opened_on,
        target_on=goal.target_on,
        closed_on=goal.closed_on,
        version=goal.version,
    )


def _review_info(review: SupportReview) -> ReviewInfo:
    return ReviewInfo(
        review_id=review.id,
        measure_id=review.measure_id,
        kind=review.kind,
        period_start=review.period_start,
        period_end=review.period_end,
        due_on=review.due_on,
        written_on=review.written_on,
        sent_on=review.sent_on,
        shared_on=review.shared_on,
        next_steps=review.next_steps,
        household_words=review.household_words,
        document_id=review.document_id,
        version=review.version,
    )


def _span(
    measure: SupportMeasure, suspensions: Iterable[MeasureSuspension]
) -> counting.MeasureSpan:
    return counting.MeasureSpan(
        kind=measure.kind,
        start=measure.start_date,
        end=measure.end_date,
        suspensions=tuple((s.start_date, s.end_date) for s in suspensions),
        household_id=measure.household_id,
        measure_id=measure.id,
    )


def _detail(session: Session, measure: SupportMeasure, today: date) -> MeasureDetail:
    params = _parameters(session)
    scope = _scope(session, measure.funder_id)
    renewals = measure_renewals(session, [measure.id]).get(measure.id, [])
    suspensions = _suspensions(session, [measure.id]).get(measure.id, [])
    phases = _phases(session, [measure.id]).get(measure.id, [])
    programme = session.get(Programme, measure.programme_id)
    assert programme is not None
    funder = session.get(Funder, measure.funder_id) if measure.funder_id is not None else None
    goals = session.scalars(
        select(Goal).where(Goal.measure_id == measure.id).order_by(Goal.opened_on, Goal.id)
    )
    reviews = session.scalars(
        select(SupportReview)
        .where(SupportReview.measure_id == measure.id)
        .order_by(SupportReview.period_end, SupportReview.id)
    )
    end_planned = planned_end(measure.start_date, measure.planned_months, _granted_months(renewals))
    last = measure.end_date or max(today, measure.start_date)
    is_diagnostic = measure.kind == counting.DIAGNOSTIC
    schedule: tuple[date, ...] = ()
    if not is_diagnostic:
        period = params.int("review.period_months", measure.start_date)
        schedule = review_schedule(measure.start_date, measure.end_date or end_planned, period)
    max_months = params.int("measure.max_months", measure.start_date, scope)
    return MeasureDetail(
        measure_id=measure.id,
        household_id=measure.household_id,
        programme_id=measure.programme_id,
        programme=programme.name,
        funder_id=measure.funder_id,
        funder=funder.name if funder is not None else None,
        kind=measure.kind,
        target_public=measure.target_public,
        dalo_status=measure.dalo_status,
        referrer=measure.referrer,
        referrer_partner_id=measure.referrer_partner_id,
        prescribed_on=measure.prescribed_on,
        start=measure.start_date,
        contract_signed_on=measure.contract_signed_on,
        planned_months=measure.planned_months,
        planned_end=end_planned,
        max_end=planned_end(measure.start_date, max_months),
        end=measure.end_date,
        outcome=measure.outcome,
        destination=measure.destination,
        conclusion=measure.conclusion,
        worker_id=measure.worker_id,
        worker=_display_name(session, measure.worker_id),
        active_days=counting.active_days(
            _span(measure, suspensions), Period(measure.start_date, last)
        ),
        renewals=tuple(RenewalInfo(r.id, r.decided_on, r.months, r.decision) for r in renewals),
        suspensions=tuple(SuspensionInfo(s.id, s.start_date, s.end_date) for s in suspensions),
        phases=tuple(PhaseInfo(p.phase, p.from_date) for p in phases),
        goals=tuple(_goal_info(goal) for goal in goals),
        reviews=tuple(_review_info(review) for review in reviews),
        review_due_dates=schedule,
        version=measure.version,
    )


# ------------------------------------------------------------------ measures


def _code_issues(values: Iterable[tuple[str, v.Vocabulary, str | None]]) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    for field, vocabulary, value in values:
        if value is not None and value not in vocabulary:
            issues.append(ValidationIssue(field, "measure.code_unknown", {"value": value}))
    return issues


def _overlap_issues(
    session: Session,
    *,
    household_id: int,
    kind: str,
    start: date,
    end: date | None,
    measure_id: int | None = None,
) -> list[ValidationIssue]:
    """Two measures of one kind may not share a day in one household."""
    query = select(SupportMeasure.start_date, SupportMeasure.end_date).where(
        SupportMeasure.household_id == household_id, SupportMeasure.kind == kind
    )
    if measure_id is not None:
        query = query.where(SupportMeasure.id != measure_id)
    for other_start, other_end in session.execute(query):
        if other_start <= (end or date.max) and start <= (other_end or date.max):
            return [
                ValidationIssue("start", "measure.overlap", {"start": format_date(other_start)})
            ]
    return []


@service_action(WRITE)
def open_measure(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    programme_id: int,
    kind: str,
    start: date,
    funder_id: int | None = None,
    target_public: str | None = None,
    dalo_status: str = "non_dalo",
    referrer: str | None = None,
    referrer_partner_id: int | None = None,
    prescribed_on: date | None = None,
    contract_signed_on: date | None = None,
    planned_months: int | None = None,
    worker_id: int | None = None,
    phase: str | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> MeasureDetail:
    """Open a measure; ``phase`` (not for a diagnostic) starts its phase history on ``start``.

    Raises:
        InvalidInput: an unknown code, dates out of order or in the future, an overlap.
        RefusedError: the actor may not write this household's support; unknown programme.
    """
    day = today or date.today()
    moment = _now(now)
    issues = _code_issues(
        [
            ("kind", v.MEASURE_KIND, kind),
            ("target_public", v.TARGET_PUBLIC, target_public),
            ("dalo_status", v.DALO_STATUS, dalo_status),
            ("referrer", v.REFERRER, referrer),
            ("phase", v.MEASURE_PHASE, phase),
        ]
    )
    if start > day:
        issues.append(ValidationIssue("start", "measure.future_start", {"today": format_date(day)}))
    if prescribed_on is not None and prescribed_on > start:
        issues.append(ValidationIssue("prescribed_on", "measure.prescribed_after_start"))
    if (
        contract_signed_on is not None
        and prescribed_on is not None
        and contract_signed_on < prescribed_on
    ):
        issues.append(ValidationIssue("contract_signed_on", "measure.signed_before_prescription"))
    if planned_months is not None and (isinstance(planned_months, bool) or planned_months < 1):
        issues.append(
            ValidationIssue("planned_months", "measure.months_invalid", {"value": planned_months})
        )
    if phase is not None and kind == counting.DIAGNOSTIC:
        issues.append(ValidationIssue("phase", "measure.not_for_diagnostic"))
    _raise(issues)

    def work(session: Session) -> MeasureDetail:
        if session.get(Programme, programme_id) is None:
            raise RefusedError("measure.programme_unknown")
        context = support_access(session, actor, household_id)
        require(
            actor, WRITE, replace(context, programme_ids=context.programme_ids | {programme_id})
        )
        found: list[ValidationIssue] = []
        if funder_id is not None and session.get(Funder, funder_id) is None:
            found.append(ValidationIssue("funder_id", "measure.funder_unknown"))
        if worker_id is not None and session.get(UserAccount, worker_id) is None:
            found.append(ValidationIssue("worker_id", "measure.worker_unknown"))
        if referrer_partner_id is not None and session.get(Partner, referrer_partner_id) is None:
            found.append(ValidationIssue("referrer_partner_id", "measure.partner_unknown"))
        found += _overlap_issues(
            session, household_id=household_id, kind=kind, start=start, end=None
        )
        _raise(found)
        months = planned_months
        if months is None:
            months = _parameters(session).int(
                "measure.planned_months", start, _scope(session, funder_id)
            )
        measure = SupportMeasure(
            household_id=household_id,
            programme_id=programme_id,
            funder_id=funder_id,
            kind=kind,
            target_public=target_public,
            dalo_status=dalo_status,
            referrer=referrer,
            referrer_partner_id=referrer_partner_id,
            prescribed_on=prescribed_on,
            start_date=start,
            contract_signed_on=contract_signed_on,
            planned_months=months,
            worker_id=worker_id,
            created_at=moment,
            created_by=actor.user_id,
        )
        session.add(measure)
        session.flush()
        if phase is not None:
            session.add(MeasurePhase(measure_id=measure.id, phase=phase, from_date=start))
        record_event(
            session,
            actor,
            action="create",
            entity="support_measure",
            entity_id=measure.id,
            household_id=household_id,
            fields=(
                "programme_id",
                "funder_id",
                "kind",
                "target_public",
                "dalo_status",
                "referrer",
                "prescribed_on",
                "start_date",
                "contract_signed_on",
                "planned_months",
                "worker_id",
                *(("phase",) if phase else ()),
            ),
            at=moment,
        )
        for field, value in (("start_date", start), ("kind", kind), ("planned_months", months)):
            record_change(
                session,
                user_id=actor.user_id,
                household_id=household_id,
                entity="support_measure",
                entity_id=measure.id,
                field=field,
                old=None,
                new=value,
                at=moment,
            )
        session.flush()
        return _detail(session, measure, day)

    return database.run_write(work)


@service_action(WRITE)
def renew_measure(
    database: Database,
    *,
    actor: Actor,
    measure_id: int,
    version: int,
    decided_on: date,
    months: int,
    decision: str = GRANTED,
    today: date | None = None,
    now: datetime | None = None,
) -> MeasureDetail:
    """Record a renewal decision; a granted one moves the planned end by ``months``.

    Raises:
        InvalidInput: a diagnostic, an ended measure, a date outside it or in the future, a
            number of months below one or past ``measure.max_months``, an unknown decision.
        RefusedError: no such measure, not allowed, or changed meanwhile.
    """
    day = today or date.today()
    moment = _now(now)
    issues = _code_issues([("decision", v.RENEWAL_DECISION, decision)])
    if isinstance(months, bool) or months < 1:
        issues.append(ValidationIssue("months", "measure.months_invalid", {"value": months}))
    if decided_on > day:
        issues.append(
            ValidationIssue("decided_on", "measure.future_date", {"today": format_date(day)})
        )
    _raise(issues)

    def work(session: Session) -> MeasureDetail:
        measure = _measure_for(session, actor, measure_id, WRITE)
        _check_version(session, measure, version)
        _raise(_running_issues(measure, "decided_on", decided_on))
        renewals = measure_renewals(session, [measure.id]).get(measure.id, [])
        before = planned_end(measure.start_date, measure.planned_months, _granted_months(renewals))
        after = before
        if decision == GRANTED:
            params = _parameters(session)
            maximum = params.int(
                "measure.max_months", measure.start_date, _scope(session, measure.funder_id)
            )
            total = measure.planned_months + _granted_months(renewals) + months
            if total > maximum:
                raise InvalidInput(
                    [
                        ValidationIssue(
                            "months",
                            "measure.beyond_max",
                            {"total": total, "maximum": maximum},
                        )
                    ]
                )
            after = planned_end(measure.start_date, total)
        renewal = MeasureRenewal(
            measure_id=measure.id, decided_on=decided_on, months=months, decision=decision
        )
        session.add(renewal)
        session.flush()
        _touch(session, measure)
        record_event(
            session,
            actor,
            action="create",
            entity="measure_renewal",
            entity_id=renewal.id,
            household_id=measure.household_id,
            fields=("decided_on", "months", "decision"),
            at=moment,
        )
        record_change(
            session,
            user_id=actor.user_id,
            household_id=measure.household_id,
            entity="support_measure",
            entity_id=measure.id,
            field="planned_end",
            old=before,
            new=after,
            at=moment,
        )
        return _detail(session, measure, day)

    return database.run_write(work)


def _running_issues(measure: SupportMeasure, field: str, on: date) -> list[ValidationIssue]:
    """A change of a running measure's follow-up: not a diagnostic, dated inside the measure."""
    if measure.kind == counting.DIAGNOSTIC:
        return [ValidationIssue(field, "measure.not_for_diagnostic")]
    if measure.end_date is not None and on > measure.end_date:
        return [ValidationIssue(field, "measure.after_end", {"end": format_date(measure.end_date)})]
    if on < measure.start_date:
        return [
            ValidationIssue(
                field, "measure.before_start", {"start": format_date(measure.start_date)}
            )
        ]
    return []


@service_action(WRITE)
def suspend_measure(
    database: Database,
    *,
    actor: Actor,
    measure_id: int,
    version: int,
    start: date,
    end: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> MeasureDetail:
    """Suspend a measure from ``start`` (to ``end``, or until `end_suspension`).

    Raises:
        InvalidInput: a diagnostic, dates outside the measure, reversed or in the future, a
            day shared with another suspension, another suspension still open.
        RefusedError: no such measure, not allowed, or changed meanwhile.
    """
    day = today or date.today()
    moment = _now(now)
    issues: list[ValidationIssue] = []
    if start > day:
        issues.append(ValidationIssue("start", "measure.future_date", {"today": format_date(day)}))
    if end is not None and end < start:
        issues.append(ValidationIssue("end", "measure.suspension_reversed"))
    _raise(issues)

    def work(session: Session) -> MeasureDetail:
        measure = _measure_for(session, actor, measure_id, WRITE)
        _check_version(session, measure, version)
        found = _running_issues(measure, "start", start)
        if (
            not found
            and end is not None
            and measure.end_date is not None
            and end > measure.end_date
        ):
            found.append(
                ValidationIssue("end", "measure.after_end", {"end": format_date(measure.end_date)})
            )
        others = _suspensions(session, [measure.id]).get(measure.id, [])
        found += _suspension_overlap(others, start, end)
        _raise(found)
        suspension = MeasureSuspension(measure_id=measure.id, start_date=start, end_date=end)
        session.add(suspension)
        session.flush()
        _touch(session, measure)
        record_event(
            session,
            actor,
            action="create",
            entity="measure_suspension",
            entity_id=suspension.id,
            household_id=measure.household_id,
            fields=("start_date", "end_date"),
            at=moment,
        )
        for field, value in (("start_date", start), ("end_date", end)):
            record_change(
                session,
                user_id=actor.user_id,
                household_id=measure.household_id,
                entity="measure_suspension",
                entity_id=suspension.id,
                field=field,
                old=None,
                new=value,
                at=moment,
            )
        return _detail(session, measure, day)

    return database.run_write(work)


def _suspension_overlap(
    others: Iterable[MeasureSuspension], start: date, end: date | None, skip: int | None = None
) -> list[ValidationIssue]:
    for other in others:
        if other.id == skip:
            continue
        if other.end_date is None and skip is None:
            return [
                ValidationIssue(
                    "start", "measure.suspension_open", {"start": format_date(other.start_date)}
                )
            ]
        if other.start_date <= (end or date.max) and start <= (other.end_date or date.max):
            return [
                ValidationIssue(
                    "start",
                    "measure.suspension_overlap",
                    {"start": format_date(other.start_date)},
                )
            ]
    return []


@service_action(WRITE)
def end_suspension(
    database: Database,
    *,
    actor: Actor,
    suspension_id: int,
    version: int,
    end: date,
    today: date | None = None,
    now: datetime | None = None,
) -> MeasureDetail:
    """Record the last day of a suspension (``version`` is the measure's).

    Raises:
        InvalidInput: an end before its start, after the measure's end or in the future, or
            a day shared with another suspension.
        RefusedError: no such suspension, not allowed, or the measure changed meanwhile.
    """
    day = today or date.today()
    moment = _now(now)

    def work(session: Session) -> MeasureDetail:
        suspension = session.get(MeasureSuspension, suspension_id)
        if suspension is None:
            raise RefusedError("measure.suspension_unknown")
        measure = _measure_for(session, actor, suspension.measure_id, WRITE)
        _check_version(session, measure, version)
        found: list[ValidationIssue] = []
        if end < suspension.start_date:
            found.append(ValidationIssue("end", "measure.suspension_reversed"))
        if end > day:
            found.append(ValidationIssue("end", "measure.future_date", {"today": format_date(day)}))
        if measure.end_date is not None and end > measure.end_date:
            found.append(
                ValidationIssue("end", "measure.after_end", {"end": format_date(measure.end_date)})
            )
        others = _suspensions(session, [measure.id]).get(measure.id, [])
        found += _suspension_overlap(others, suspension.start_date, end, skip=suspension.id)
        _raise(found)
        record_change(
            session,
            user_id=actor.user_id,
            household_id=measure.household_id,
            entity="measure_suspension",
            entity_id=suspension.id,
            field="end_date",
            old=suspension.end_date,
            new=end,
            at=moment,
        )
        suspension.end_date = end
        session.flush()
        _touch(session, measure)
        record_event(
            session,
            actor,
            action="update",
            entity="measure_suspension",
            entity_id=suspension.id,
            household_id=measure.household_id,
            fields=("end_date",),
            at=moment,
        )
        return _detail(session, measure, day)

    return database.run_write(work)


@service_action(WRITE)
def set_phase(
    database: Database,
    *,
    actor: Actor,
    measure_id: int,
    version: int,
    phase: str,
    from_date: date,
    today: date | None = None,
    now: datetime | None = None,
) -> MeasureDetail:
    """Record the phase of the measure from ``from_date`` (the same date corrects it).

    Raises:
        InvalidInput: an unknown phase, a diagnostic, a date outside the measure or future.
        RefusedError: no such measure, not allowed, or changed meanwhile.
    """
    day = today or date.today()
    moment = _now(now)
    _raise(_phase_input_issues(phase, from_date, day))

    def work(session: Session) -> MeasureDetail:
        measure = _measure_for(session, actor, measure_id, WRITE)
        _check_version(session, measure, version)
        _store_phase(session, actor, measure, phase=phase, from_date=from_date, moment=moment)
        return _detail(session, measure, day)

    return database.run_write(work)


def set_phase_in(
    session: Session,
    actor: Actor,
    measure: SupportMeasure,
    *,
    phase: str,
    from_date: date,
    today: date,
    now: datetime | None = None,
) -> None:
    """`set_phase` in the caller's transaction (a rehousing moves the measure "in the home").

    Raises:
        InvalidInput: an unknown phase, a diagnostic, a date outside the measure or future.
        RefusedError: not allowed.
    """
    require(actor, WRITE, support_access(session, actor, measure.household_id))
    _raise(_phase_input_issues(phase, from_date, today))
    _store_phase(session, actor, measure, phase=phase, from_date=from_date, moment=_now(now))


def _phase_input_issues(phase: str, from_date: date, today: date) -> list[ValidationIssue]:
    """Code and date of a phase, checked before anything is read."""
    issues = _code_issues([("phase", v.MEASURE_PHASE, phase)])
    if from_date > today:
        issues.append(
            ValidationIssue("from_date", "measure.future_date", {"today": format_date(today)})
        )
    return issues


def _store_phase(
    session: Session,
    actor: Actor,
    measure: SupportMeasure,
    *,
    phase: str,
    from_date: date,
    moment: datetime,
) -> None:
    """Check the date against the measure, then record the phase (event and history)."""
    _raise(_running_issues(measure, "from_date", from_date))
    phases = _phases(session, [measure.id]).get(measure.id, [])
    previous = next((p.phase for p in reversed(phases) if p.from_date <= from_date), None)
    same_day = next((p for p in phases if p.from_date == from_date), None)
    if same_day is not None:
        same_day.phase = phase
        row = same_day
        action = "update"
    else:
        row = MeasurePhase(measure_id=measure.id, phase=phase, from_date=from_date)
        session.add(row)
        action = "create"
    session.flush()
    _touch(session, measure)
    record_event(
        session,
        actor,
        action=action,
        entity="measure_phase",
        entity_id=row.id,
        household_id=measure.household_id,
        fields=("phase", "from_date"),
        at=moment,
    )
    record_change(
        session,
        user_id=actor.user_id,
        household_id=measure.household_id,
        entity="support_measure",
        entity_id=measure.id,
        field="phase",
        old=previous,
        new=phase,
        at=moment,
    )


@service_action(WRITE)
def end_measure(
    database: Database,
    *,
    actor: Actor,
    measure_id: int,
    version: int,
    end: date,
    outcome: str | None = None,
    destination: str | None = None,
    conclusion: str | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> MeasureDetail:
    """End a measure with its outcome and housing situation, or a diagnostic with its conclusion.

    The outcome is a code of DOMAIN §6.5, the housing situation one of §6.2. Ending again
    corrects the end.

    Raises:
        InvalidInput: a missing or unknown code, an end before the start, before a recorded
            phase or suspension start, or in the future.
        RefusedError: no such measure, not allowed, or changed meanwhile.
    """
    day = today or date.today()
    moment = _now(now)
    _raise(_end_input_issues(end, outcome, destination, conclusion, day))

    def work(session: Session) -> MeasureDetail:
        measure = _measure_for(session, actor, measure_id, WRITE)
        _check_version(session, measure, version)
        _store_end(
            session,
            actor,
            measure,
            end=end,
            outcome=outcome,
            destination=destination,
            conclusion=conclusion,
            moment=moment,
        )
        return _detail(session, measure, day)

    return database.run_write(work)


def end_measure_in(
    session: Session,
    actor: Actor,
    measure: SupportMeasure,
    *,
    end: date,
    outcome: str | None = None,
    destination: str | None = None,
    conclusion: str | None = None,
    today: date,
    now: datetime | None = None,
) -> None:
    """`end_measure` in the caller's transaction (a rehousing ends the measure as rehoused).

    Raises:
        InvalidInput: as `end_measure`.
        RefusedError: not allowed.
    """
    require(actor, WRITE, support_access(session, actor, measure.household_id))
    _raise(_end_input_issues(end, outcome, destination, conclusion, today))
    _store_end(
        session,
        actor,
        measure,
        end=end,
        outcome=outcome,
        destination=destination,
        conclusion=conclusion,
        moment=_now(now),
    )


def _end_input_issues(
    end: date, outcome: str | None, destination: str | None, conclusion: str | None, today: date
) -> list[ValidationIssue]:
    """Codes and date of an end, checked before anything is read."""
    issues = _code_issues(
        [
            ("outcome", v.MEASURE_OUTCOME, outcome),
            ("destination", v.DESTINATION, destination),
            ("conclusion", v.DIAGNOSTIC_CONCLUSION, conclusion),
        ]
    )
    if end > today:
        issues.append(ValidationIssue("end", "measure.future_end", {"today": format_date(today)}))
    return issues


def _store_end(
    session: Session,
    actor: Actor,
    measure: SupportMeasure,
    *,
    end: date,
    outcome: str | None,
    destination: str | None,
    conclusion: str | None,
    moment: datetime,
) -> None:
    """Check the end against the measure, then record it (history and event)."""
    found = _end_issues(measure, outcome, destination, conclusion)
    if end < measure.start_date:
        found.append(
            ValidationIssue(
                "end", "measure.before_start", {"start": format_date(measure.start_date)}
            )
        )
    latest = max(
        [p.from_date for p in _phases(session, [measure.id]).get(measure.id, [])]
        + [s.start_date for s in _suspensions(session, [measure.id]).get(measure.id, [])],
        default=None,
    )
    if latest is not None and end < latest:
        found.append(
            ValidationIssue("end", "measure.end_before_record", {"day": format_date(latest)})
        )
    found += _overlap_issues(
        session,
        household_id=measure.household_id,
        kind=measure.kind,
        start=measure.start_date,
        end=end,
        measure_id=measure.id,
    )
    _raise(found)
    for field, old, new in (
        ("end_date", measure.end_date, end),
        ("outcome", measure.outcome, outcome),
        ("destination", measure.destination, destination),
        ("conclusion", measure.conclusion, conclusion),
    ):
        record_change(
            session,
            user_id=actor.user_id,
            household_id=measure.household_id,
            entity="support_measure",
            entity_id=measure.id,
            field=field,
            old=old,
            new=new,
            at=moment,
        )
    measure.end_date, measure.outcome = end, outcome
    measure.destination, measure.conclusion = destination, conclusion
    session.flush()
    record_event(
        session,
        actor,
        action="update",
        entity="support_measure",
        entity_id=measure.id,
        household_id=measure.household_id,
        fields=("end_date", "outcome", "destination", "conclusion"),
        at=moment,
    )


def _end_issues(
    measure: SupportMeasure, outcome: str | None, destination: str | None, conclusion: str | None
) -> list[ValidationIssue]:
    if measure.kind == counting.DIAGNOSTIC:
        issues = []
        if conclusion is None:
            issues.append(ValidationIssue("conclusion", "measure.conclusion_required"))
        if outcome is not None or destination is not None:
            field = "outcome" if outcome is not None else "destination"
            issues.append(ValidationIssue(field, "measure.outcome_not_for_diagnostic"))
        return issues
    issues = []
    if conclusion is not None:
        issues.append(ValidationIssue("conclusion", "measure.conclusion_only_diagnostic"))
    if outcome is None:
        issues.append(ValidationIssue("outcome", "measure.outcome_required"))
    if destination is None:
        issues.append(ValidationIssue("destination", "measure.destination_required"))
    return issues


@service_action(READ)
def measures_of(
    database: Database, *, actor: Actor, household_id: int, today: date | None = None
) -> list[MeasureRow]:
    """The household's measures: running ones first, then the newest."""
    day = today or date.today()

    def read(session: Session) -> list[MeasureRow]:
        require(actor, READ, support_access(session, actor, household_id))
        rows = session.execute(
            select(SupportMeasure, Programme.name, Funder.name, UserAccount.display_name)
            .join(Programme, Programme.id == SupportMeasure.programme_id)
            .outerjoin(Funder, Funder.id == SupportMeasure.funder_id)
            .outerjoin(UserAccount, UserAccount.id == SupportMeasure.worker_id)
            .where(SupportMeasure.household_id == household_id)
        ).all()
        ids = [measure.id for measure, *_ in rows]
        renewals = measure_renewals(session, ids)
        suspensions = _suspensions(session, ids)
        phases = _phases(session, ids)
        result = []
        for measure, programme, funder, worker in rows:
            current = [p.phase for p in phases.get(measure.id, []) if p.from_date <= day]
            result.append(
                MeasureRow(
                    measure_id=measure.id,
                    household_id=measure.household_id,
                    kind=measure.kind,
                    programme=programme,
                    funder=funder,
                    start=measure.start_date,
                    planned_end=planned_end(
                        measure.start_date,
                        measure.planned_months,
                        _granted_months(renewals.get(measure.id, [])),
                    ),
                    end=measure.end_date,
                    phase=current[-1] if current else None,
                    suspended=counting.is_suspended_on(
                        _span(measure, suspensions.get(measure.id, [])), day
                    ),
                    worker=worker,
                )
            )
        result.sort(key=lambda row: (row.end is not None, -row.start.toordinal(), -row.measure_id))
        return result

    return database.run_read(read)


@service_action(READ)
def measure_detail(
    database: Database, *, actor: Actor, measure_id: int, today: date | None = None
) -> MeasureDetail:
    """One measure with its renewals, suspensions, phases, goals, reviews and schedule.

    Raises:
        RefusedError: no such measure, or not allowed.
    """
    day = today or date.today()

    def read(session: Session) -> MeasureDetail:
        return _detail(session, _measure_for(session, actor, measure_id, READ), day)

    return database.run_read(read)


@dataclass(frozen=True, slots=True)
class MeasureChoices:
    """The programmes and funders a new measure may name, by name."""

    programmes: tuple[tuple[int, str], ...]
    funders: tuple[tuple[int, str], ...]


@service_action(WRITE)
def measure_choices(database: Database, *, actor: Actor) -> MeasureChoices:
    """The lists the new-measure form offers (who may open a measure somewhere)."""

    def read(session: Session) -> MeasureChoices:
        programmes = session.execute(
            select(Programme.id, Programme.name).order_by(Programme.name, Programme.id)
        )
        funders = session.execute(select(Funder.id, Funder.name).order_by(Funder.name, Funder.id))
        return MeasureChoices(
            programmes=tuple((pid, name) for pid, name in programmes),
            funders=tuple((fid, name) for fid, name in funders),
        )

    return database.run_read(read)


# ------------------------------------------------------------------ goals


def _goal_text_issues(wording: str) -> list[ValidationIssue]:
    if not wording:
        return [ValidationIssue("wording", "goal.wording_required")]
    if len(wording) > WORDING_MAX:
        return [ValidationIssue("wording", "goal.wording_too_long", {"maximum": WORDING_MAX})]
    return []


def _goal_measure_issues(
    session: Session, household_id: int, measure_id: int | None
) -> list[ValidationIssue]:
    if measure_id is None:
        return []
    owner = session.scalar(
        select(SupportMeasure.household_id).where(SupportMeasure.id == measure_id)
    )
    if owner != household_id:
        return [ValidationIssue("measure_id", "goal.measure_foreign")]
    return []


def _text(value: str | None) -> str:
    return (value or "").strip()


@service_action(WRITE)
def add_goal(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    domain: str,
    wording: str,
    strengths: str = "",
    measure_id: int | None = None,
    opened_on: date | None = None,
    target_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> GoalInfo:
    """Add an open goal to the household's plan (of one of its measures, or of the household).

    Raises:
        InvalidInput: an unknown domain, no wording, a target before the opening, a measure
            of another household, an opening in the future.
        RefusedError: not allowed.
    """
    day = today or date.today()
    moment = _now(now)
    opened = opened_on or day
    clean = " ".join(wording.split())
    issues = _goal_text_issues(clean)
    if domain not in v.GOAL_DOMAIN:
        issues.append(ValidationIssue("domain", "goal.code_unknown", {"value": domain}))
    if opened > day:
        issues.append(ValidationIssue("opened_on", "goal.future_date", {"today": format_date(day)}))
    if target_on is not None and target_on < opened:
        issues.append(ValidationIssue("target_on", "goal.target_before_opening"))
    _raise(issues)

    def work(session: Session) -> GoalInfo:
        require(actor, WRITE, support_access(session, actor, household_id))
        _raise(_goal_measure_issues(session, household_id, measure_id))
        goal = Goal(
            household_id=household_id,
            measure_id=measure_id,
            domain=domain,
            wording=clean,
            strengths=_text(strengths),
            progress="",
            attention_points="",
            status=OPEN,
            opened_on=opened,
            target_on=target_on,
        )
        session.add(goal)
        session.flush()
        record_event(
            session,
            actor,
            action="create",
            entity="goal",
            entity_id=goal.id,
            household_id=household_id,
            fields=("domain", "wording", "strengths", "measure_id", "opened_on", "target_on"),
            at=moment,
        )
        for field, value in (("status", OPEN), ("opened_on", opened), ("target_on", target_on)):
            record_change(
                session,
                user_id=actor.user_id,
                household_id=household_id,
                entity="goal",
                entity_id=goal.id,
                field=field,
                old=None,
                new=value,
                at=moment,
            )
        return _goal_info(goal)

    return database.run_write(work)


@service_action(WRITE)
def update_goal(
    database: Database,
    *,
    actor: Actor,
    goal_id: int,
    version: int,
    domain: str,
    wording: str,
    strengths: str,
    progress: str,
    attention_points: str,
    status: str,
    target_on: date | None,
    measure_id: int | None,
    closed_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> GoalInfo:
    """Save a goal as edited (every field, as the form shows it).

    Closing it (any status but open) dates it ``closed_on``, else today; reopening clears it.

    Raises:
        InvalidInput: an unknown code, no wording, dates before the opening or in the future.
        RefusedError: no such goal, not allowed, or changed meanwhile.
    """
    day = today or date.today()
    moment = _now(now)
    clean = " ".join(wording.split())
    issues = _goal_text_issues(clean)
    if domain not in v.GOAL_DOMAIN:
        issues.append(ValidationIssue("domain", "goal.code_unknown", {"value": domain}))
    if status not in v.GOAL_STATUS:
        issues.append(ValidationIssue("status", "goal.code_unknown", {"value": status}))
    closing = None if status == OPEN else (closed_on or day)
    if closing is not None and closing > day:
        issues.append(ValidationIssue("closed_on", "goal.future_date", {"today": format_date(day)}))
    _raise(issues)

    def work(session: Session) -> GoalInfo:
        goal = session.get(Goal, goal_id)
        if goal is None:
            raise RefusedError("goal.unknown")
        require(actor, WRITE, support_access(session, actor, goal.household_id))
        if goal.version != version:
            raise _conflict(session, "goal", goal.id, "goal.conflict")
        found = _goal_measure_issues(session, goal.household_id, measure_id)
        if target_on is not None and target_on < goal.opened_on:
            found.append(ValidationIssue("target_on", "goal.target_before_opening"))
        if closing is not None and closing < goal.opened_on:
            found.append(
                ValidationIssue(
                    "closed_on",
                    "goal.closed_before_opening",
                    {"opened": format_date(goal.opened_on)},
                )
            )
        _raise(found)
        for field, old, new in (
            ("status", goal.status, status),
            ("closed_on", goal.closed_on, closing),
            ("target_on", goal.target_on, target_on),
            ("domain", goal.domain, domain),
        ):
            record_change(
                session,
                user_id=actor.user_id,
                household_id=goal.household_id,
                entity="goal",
                entity_id=goal.id,
                field=field,
                old=old,
                new=new,
                at=moment,
            )
        new_values = {
            "domain": domain,
            "wording": clean,
            "strengths": _text(strengths),
            "progress": _text(progress),
            "attention_points": _text(attention_points),
            "status": status,
            "target_on": target_on,
            "closed_on": closing,
            "measure_id": measure_id,
        }
        changed = [name for name, value in new_values.items() if getattr(goal, name) != value]
        for name, value in new_values.items():
            setattr(goal, name, value)
        session.flush()
        if changed:
            record_event(
                session,
                actor,
                action="update",
                entity="goal",
                entity_id=goal.id,
                household_id=goal.household_id,
                fields=changed,
                at=moment,
            )
        return _goal_info(goal)

    return database.run_write(work)


@service_action(READ)
def goals_of(database: Database, *, actor: Actor, household_id: int) -> list[GoalInfo]:
    """The household's goals: open ones first, then by opening date."""

    def read(session: Session) -> list[GoalInfo]:
        require(actor, READ, support_access(session, actor, household_id))
        goals = session.scalars(
            select(Goal).where(Goal.household_id == household_id).order_by(Goal.opened_on, Goal.id)
        )
        infos = [_goal_info(goal) for goal in goals]
        return sorted(infos, key=lambda goal: goal.status != OPEN)

    return database.run_read(read)


# ------------------------------------------------------------------ reviews (bilans)


def _letterhead(session: Session) -> Letterhead:
    organisation = session.scalars(select(Organisation).order_by(Organisation.id).limit(1)).first()
    if organisation is None:
        raise RefusedError("support.no_association")
    lines = [line.strip() for line in (organisation.address or "").splitlines() if line.strip()]
    town = " ".join(part for part in (organisation.postcode, organisation.commune) if part)
    if town:
        lines.append(town)
    logo = None
    if organisation.logo_sha256:
        logo = session.scalar(
            select(DocumentContent.content).where(
                DocumentContent.sha256 == organisation.logo_sha256
            )
        )
    return Letterhead(
        name=organisation.name,
        address_lines=tuple(lines),
        siret=organisation.siret or "",
        city=organisation.commune or "",
        logo=logo,
    )


def _role_title(actor: Actor) -> str:
    role = next((r for r in _SIGNING_ROLES if r in actor.roles), None)
    return v.ROLE.label(role) if role is not None else ""


def _members_on(session: Session, household_id: int, day: date) -> list[Person]:
    rows = session.execute(
        select(Person, Membership.role)
        .join(Membership, Membership.person_id == Person.id)
        .where(
            Membership.household_id == household_id,
            Membership.joined_on <= day,
            (Membership.left_on.is_(None)) | (Membership.left_on >= day),
        )
        .order_by(Membership.role != "head", Person.birth_date, Person.id)
    ).all()
    return [person for person, _ in rows]


def _open_due_dates(
    schedule: Sequence[date], reviews: Iterable[SupportReview]
) -> tuple[list[date], bool]:
    """The interim due dates no review answers, and whether a final review exists."""
    answered = {review.due_on for review in reviews if review.kind == INTERIM}
    final_written = any(review.kind == FINAL for review in reviews)
    return [due for due in schedule[:-1] if due not in answered], final_written


def _review_data(
    session: Session,
    actor: Actor,
    *,
    measure: SupportMeasure,
    review: SupportReview,
    letterhead: Letterhead,
    end_planned: date,
) -> ReviewData:
    household = session.get(Household, measure.household_id)
    assert household is not None
    funder = session.get(Funder, measure.funder_id) if measure.funder_id is not None else None
    persons = (
        ()
        if household.protected
        else tuple(
            f"{p.first_name} {p.last_name}"
            for p in _members_on(session, household.id, review.period_end)
        )
    )
    goals = session.scalars(
        select(Goal)
        .where(
            Goal.household_id == household.id,
            (Goal.measure_id == measure.id) | Goal.measure_id.is_(None),
            Goal.opened_on <= review.period_end,
            (Goal.closed_on.is_(None)) | (Goal.closed_on >= review.period_start),
        )
        .order_by(Goal.opened_on, Goal.id)
    )
    tallies: dict[str, list[int]] = {}
    visits: list[date] = []
    for kind, held_on, minutes in session.execute(
        select(Contact.kind, Contact.held_on, Contact.minutes).where(
            Contact.household_id == household.id,
            (Contact.measure_id == measure.id) | Contact.measure_id.is_(None),
            Contact.held_on >= review.period_start,
            Contact.held_on <= review.period_end,
        )
    ):
        tally = tallies.setdefault(kind, [0, 0])
        tally[0] += 1
        tally[1] += minutes or 0
        if kind == "home_visit":
            visits.append(held_on)
    final = review.kind == FINAL
    ended = final and measure.end_date is not None
    return ReviewData(
        letterhead=letterhead,
        kind=FINAL if final else INTERIM,
        household_reference=household.reference,
        persons=persons,
        measure_kind=v.MEASURE_KIND.label(measure.kind),
        funder=funder.name if funder is not None else "",
        measure_start=measure.start_date,
        planned_end=end_planned,
        period_start=review.period_start,
        period_end=review.period_end,
        worker=_display_name(session, actor.user_id) or letterhead.name,
        worker_role=_role_title(actor),
        goals=tuple(
            ReviewGoal(
                domain=v.GOAL_DOMAIN.label(goal.domain),
                wording=goal.wording,
                status=v.GOAL_STATUS.label(goal.status),
                strengths=goal.strengths,
                progress=goal.progress,
                attention_points=goal.attention_points,
                set_on=goal.opened_on,
                target_on=goal.target_on,
                closed_on=goal.closed_on,
            )
            for goal in goals
        ),
        contacts=tuple(
            ContactTally(v.CONTACT_KIND.label(kind), tallies[kind][0], tallies[kind][1])
            for kind in v.CONTACT_KIND
            if kind in tallies
        ),
        home_visits=tuple(sorted(visits)),
        next_steps=review.next_steps,
        household_words=review.household_words,
        measure_end=measure.end_date if ended else None,
        outcome=v.MEASURE_OUTCOME.label(measure.outcome) if ended and measure.outcome else "",
        housing_situation=(
            v.DESTINATION.label(measure.destination) if ended and measure.destination else ""
        ),
        written_on=review.written_on,
        shared_with_household_on=review.shared_on,
        place=letterhead.city,
    )


def _store_review(
    session: Session,
    actor: Actor,
    household_id: int,
    *,
    content: bytes,
    title: str,
    file_name: str,
    dated_on: date,
    moment: datetime,
) -> Document:
    """The review's PDF as a Document of the household (kind ``other``)."""
    name = documents.clean_file_name(file_name)
    digest = hashlib.sha256(content).hexdigest()
    documents.store_content(session, digest, content)
    document = Document(
        household_id=household_id,
        kind="other",
        title=title[: documents.TITLE_MAX],
        file_name=name,
        media_type="application/pdf",
        sha256=digest,
        size=len(content),
        dated_on=dated_on,
        added_at=moment,
        added_by=actor.user_id,
    )
    session.add(document)
    session.flush()
    record_event(
        session,
        actor,
        action="create",
        entity="document",
        entity_id=document.id,
        household_id=household_id,
        fields=("kind", "title", "file_name", "content", "dated_on"),
        at=moment,
    )
    documents.record_document_history(session, actor.user_id, document, removed=False)
    return document


@service_action(WRITE)
def record_review(
    database: Database,
    *,
    actor: Actor,
    measure_id: int,
    kind: str,
    period_start: date,
    period_end: date,
    written_on: date | None = None,
    next_steps: str = "",
    household_words: str = "",
    shared_on: date | None = None,
    due_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> ReviewInfo:
    """Write a review; its PDF goes into the household's documents.

    The PDF shows the goals (strengths first), the contacts held in the period, the
    household's words and the next steps.

    ``due_on`` is the due date it answers; without it, the earliest interim date no review
    answers yet (an interim review) or the end of the measure (a final one).

    Raises:
        InvalidInput: an unknown kind, a reversed period or one starting before the measure,
            a date in the future, a diagnostic.
        RefusedError: no such measure, not allowed, or no association recorded (letterhead).
    """
    day = today or date.today()
    moment = _now(now)
    written = written_on or day
    issues: list[ValidationIssue] = []
    if kind not in REVIEW_KINDS:
        issues.append(ValidationIssue("kind", "review.kind_unknown", {"value": kind}))
    if period_end < period_start:
        issues.append(ValidationIssue("period_end", "review.period_reversed"))
    if written > day:
        issues.append(
            ValidationIssue("written_on", "review.future_date", {"today": format_date(day)})
        )
    if shared_on is not None and shared_on > day:
        issues.append(
            ValidationIssue("shared_on", "review.future_date", {"today": format_date(day)})
        )
    _raise(issues)

    def work(session: Session) -> ReviewInfo:
        measure = _measure_for(session, actor, measure_id, WRITE)
        found: list[ValidationIssue] = []
        if measure.kind == counting.DIAGNOSTIC:
            found.append(ValidationIssue("measure_id", "review.not_for_diagnostic"))
        if period_start < measure.start_date:
            found.append(
                ValidationIssue(
                    "period_start",
                    "review.before_measure",
                    {"start": format_date(measure.start_date)},
                )
            )
        _raise(found)
        letterhead = _letterhead(session)
        params = _parameters(session)
        renewals = measure_renewals(session, [measure.id]).get(measure.id, [])
        end_planned = planned_end(
            measure.start_date, measure.planned_months, _granted_months(renewals)
        )
        answered = due_on
        if answered is None:
            schedule = review_schedule(
                measure.start_date,
                measure.end_date or end_planned,
                params.int("review.period_months", measure.start_date),
            )
            existing = list(
                session.scalars(select(SupportReview).where(SupportReview.measure_id == measure.id))
            )
            open_dates, _ = _open_due_dates(schedule, existing)
            answered = schedule[-1] if kind == FINAL else (open_dates[0] if open_dates else None)
        review = SupportReview(
            measure_id=measure.id,
            kind=kind,
            period_start=period_start,
            period_end=period_end,
            due_on=answered,
            written_on=written,
            shared_on=shared_on,
            next_steps=next_steps.strip(),
            household_words=household_words.strip(),
            created_at=moment,
            created_by=actor.user_id,
        )
        data = _review_data(
            session,
            actor,
            measure=measure,
            review=review,
            letterhead=letterhead,
            end_planned=end_planned,
        )
        content = render_review(data)
        household = session.get(Household, measure.household_id)
        assert household is not None
        document = _store_review(
            session,
            actor,
            measure.household_id,
            content=content,
            title=(
                f"{data.title} – {data.measure_kind} – "
                f"{format_date(period_start)} au {format_date(period_end)}"
            ),
            file_name=f"bilan-{household.reference}-{period_end.isoformat()}.pdf",
            dated_on=written,
            moment=moment,
        )
        review.document_id = document.id
        session.add(review)
        session.flush()
        record_event(
            session,
            actor,
            action="create",
            entity="support_review",
            entity_id=review.id,
            household_id=measure.household_id,
            fields=(
                "kind",
                "period_start",
                "period_end",
                "due_on",
                "written_on",
                "shared_on",
                "next_steps",
                "household_words",
                "document_id",
            ),
            at=moment,
        )
        for field, value in (("written_on", written), ("due_on", answered)):
            record_change(
                session,
                user_id=actor.user_id,
                household_id=measure.household_id,
                entity="support_review",
                entity_id=review.id,
                field=field,
                old=None,
                new=value,
                at=moment,
            )
        return _review_info(review)

    return database.run_write(work)


@service_action(WRITE)
def mark_review_sent(
    database: Database,
    *,
    actor: Actor,
    review_id: int,
    version: int,
    sent_on: date,
    today: date | None = None,
    now: datetime | None = None,
) -> ReviewInfo:
    """Record the day the review was sent to the funder (it leaves the "to send" list).

    Raises:
        InvalidInput: a day before it was written or in the future.
        RefusedError: no such review, not allowed, or changed meanwhile.
    """
    day = today or date.today()
    moment = _now(now)
    if sent_on > day:
        raise InvalidInput(
            [ValidationIssue("sent_on", "review.future_date", {"today": format_date(day)})]
        )

    def work(session: Session) -> ReviewInfo:
        review = session.get(SupportReview, review_id)
        if review is None:
            raise RefusedError("review.unknown")
        measure = _measure_for(session, actor, review.measure_id, WRITE)
        if review.version != version:
            raise _conflict(session, "support_review", review.id, "review.conflict")
        if sent_on < review.written_on:
            raise InvalidInput(
                [
                    ValidationIssue(
                        "sent_on",
                        "review.sent_before_written",
                        {"written": format_date(review.written_on)},
                    )
                ]
            )
        record_change(
            session,
            user_id=actor.user_id,
            household_id=measure.household_id,
            entity="support_review",
            entity_id=review.id,
            field="sent_on",
            old=review.sent_on,
            new=sent_on,
            at=moment,
        )
        review.sent_on = sent_on
        session.flush()
        record_event(
            session,
            actor,
            action="update",
            entity="support_review",
            entity_id=review.id,
            household_id=measure.household_id,
            fields=("sent_on",),
            at=moment,
        )
        return _review_info(review)

    return database.run_write(work)


@service_action(READ)
def reviews_due(
    database: Database,
    *,
    actor: Actor,
    on: date,
    horizon_days: int = rules.DEFAULT_HORIZON_DAYS,
    team: bool = False,
    household_id: int | None = None,
) -> list[ReviewDue]:
    """Reviews to write or to send, due up to ``on`` + ``horizon_days`` (overdue ones too).

    Every ``review.period_months`` months from a measure's start, and a final one at its end
    (planned end while it runs); nothing due before the go-live date. ``team`` lists every
    household the actor may follow; otherwise their own caseload and the measures they are the
    worker of. With ``household_id``, that household's only.

    Raises:
        InvalidInput: a horizon outside 0…366 days.
    """
    _raise(rules.horizon_issues(horizon_days))

    def read(session: Session) -> list[ReviewDue]:
        params = _parameters(session)
        window = rules.window(on, horizon_days, rules.go_live_date(params.get("go_live_date", on)))
        query = (
            select(SupportMeasure, Household.reference)
            .join(Household, Household.id == SupportMeasure.household_id)
            .where(
                SupportMeasure.kind != counting.DIAGNOSTIC,
                SupportMeasure.start_date <= window.last_day,
                Household.archived_on.is_(None),
            )
        )
        if household_id is not None:
            require(actor, READ, support_access(session, actor, household_id))
            query = query.where(SupportMeasure.household_id == household_id)
        rows = session.execute(query).all()
        contexts = support_contexts(session, actor, [m.household_id for m, _ in rows])
        kept = [
            (measure, reference)
            for measure, reference in rows
            if decide(actor, READ, contexts[measure.household_id]).allowed
            and (
                household_id is not None
                or team
                or contexts[measure.household_id].caseload
                or (actor.user_id is not None and measure.worker_id == actor.user_id)
            )
        ]
        ids = [measure.id for measure, _ in kept]
        renewals = measure_renewals(session, ids)
        reviews: dict[int, list[SupportReview]] = defaultdict(list)
        if ids:
            for review in session.scalars(
                select(SupportReview).where(SupportReview.measure_id.in_(ids))
            ):
                reviews[review.measure_id].append(review)
        found: list[ReviewDue] = []
        for measure, reference in kept:
            found += measure_dues(
                measure,
                reference=reference,
                renewals=renewals.get(measure.id, []),
                reviews=reviews.get(measure.id, []),
                period_months=params.int("review.period_months", measure.start_date),
                window=window,
            )
        found.sort(key=lambda d: rules.sort_key(d.due_on, d.state, d.household_reference))
        return found

    return database.run_read(read)


def measure_dues(
    measure: SupportMeasure,
    *,
    reference: str,
    renewals: Sequence[MeasureRenewal],
    reviews: Sequence[SupportReview],
    period_months: int,
    window: rules.Window,
) -> list[ReviewDue]:
    """Reviews due and to send, and planned ends, of the measures (shared with the agenda)."""
    last = measure.end_date or planned_end(
        measure.start_date, measure.planned_months, _granted_months(renewals)
    )
    schedule = review_schedule(measure.start_date, last, period_months)
    by_due: dict[date, SupportReview] = {}
    final: SupportReview | None = None
    for review in sorted(reviews, key=lambda r: r.id):
        if review.kind == FINAL:
            final = final or review
        elif review.due_on is not None:
            by_due.setdefault(review.due_on, review)
    slots: list[tuple[str, date, SupportReview | None]] = [
        (INTERIM, due, by_due.get(due)) for due in schedule[:-1]
    ]
    slots.append((FINAL, schedule[-1], final))
    answering = {id(r) for _, _, r in slots if r is not None}
    found = []
    for kind, due, answer in slots:
        if answer is not None and answer.sent_on is not None:
            continue
        if not window.raises(due):
            continue
        found.append(
            _due(measure, reference=reference, kind=kind, due=due, review=answer, window=window)
        )
    for review in reviews:  # reviews written for no date of the schedule, still to send
        if id(review) in answering or review.sent_on is not None:
            continue
        due = review.due_on or review.written_on
        if window.raises(due):
            found.append(
                _due(
                    measure,
                    reference=reference,
                    kind=review.kind,
                    due=due,
                    review=review,
                    window=window,
                )
            )
    return found


def _due(
    measure: SupportMeasure,
    *,
    reference: str,
    kind: str,
    due: date,
    review: SupportReview | None,
    window: rules.Window,
) -> ReviewDue:
    return ReviewDue(
        measure_id=measure.id,
        household_id=measure.household_id,
        household_reference=reference,
        measure_kind=measure.kind,
        kind=kind,
        state=DUE if review is None else TO_SEND,
        due_on=due,
        review_id=review.id if review is not None else None,
        urgency=rules.urgency(due, window.today),
    )


# ------------------------------------------------------------------ attestation de suivi


def _attested_measure(
    session: Session, household_id: int, measure_id: int | None, day: date
) -> SupportMeasure | None:
    if measure_id is not None:
        measure = session.get(SupportMeasure, measure_id)
        if measure is None or measure.household_id != household_id:
            raise InvalidInput([ValidationIssue("measure_id", "attestation.measure_foreign")])
        return measure
    measures = list(
        session.scalars(
            select(SupportMeasure)
            .where(
                SupportMeasure.household_id == household_id,
                SupportMeasure.kind != counting.DIAGNOSTIC,
                SupportMeasure.start_date <= day,
            )
            .order_by(SupportMeasure.start_date.desc(), SupportMeasure.id.desc())
        )
    )
    running = [m for m in measures if m.end_date is None or m.end_date >= day]
    chosen = running or measures
    return chosen[0] if chosen else None


@service_action(WRITE)
def attestation(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    person_id: int,
    parts: AttestationParts,
    written_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> AttestationFile:
    """An attestation de suivi for one person, with only the parts they agreed to show.

    It never carries health, debts or notes (the document has no place for them). Its
    production is in the security log (personal data leaving Seuil), with the parts chosen.

    Raises:
        InvalidInput: a person of another household, a measure of another household or none
            when a part needs one, words too long for one page.
        RefusedError: not allowed; a protected file outside its circle; no association.
    """
    day = today or date.today()
    written = written_on or day
    moment = _now(now)
    words = parts.person_words.strip()
    if len(words) > ATTESTATION_WORDS_MAX:
        raise InvalidInput(
            [
                ValidationIssue(
                    "person_words", "attestation.words_too_long", {"maximum": ATTESTATION_WORDS_MAX}
                )
            ]
        )

    def work(session: Session) -> AttestationFile:
        context = support_access(session, actor, household_id)
        require(actor, WRITE, context)
        household = session.get(Household, household_id)
        assert household is not None
        if household.protected and not (actor.system or context.caseload):
            raise RefusedError("attestation.protected")
        person = session.get(Person, person_id)
        member = session.scalar(
            select(Membership.id).where(
                Membership.household_id == household_id, Membership.person_id == person_id
            )
        )
        if person is None or member is None:
            raise InvalidInput([ValidationIssue("person_id", "attestation.person_foreign")])
        needs_measure = parts.show_kind or parts.show_dates or parts.show_programme
        measure = _attested_measure(session, household_id, parts.measure_id, written)
        if needs_measure and measure is None:
            raise InvalidInput([ValidationIssue("measure_id", "attestation.no_measure")])
        letterhead = _letterhead(session)
        signer = _display_name(session, actor.user_id) or letterhead.name
        title = _role_title(actor)
        worker = None
        if parts.show_worker:
            worker_id = (
                (measure.worker_id if measure is not None and measure.worker_id else None)
                or household.key_worker_id
                or actor.user_id
            )
            worker = PdfContact(
                name=_display_name(session, worker_id) or signer,
                role=title if worker_id == actor.user_id else "",
            )
        programme = (
            session.get(Programme, measure.programme_id)
            if parts.show_programme and measure is not None
            else None
        )
        ended = measure is not None and measure.end_date is not None and measure.end_date < written
        name = " ".join((parts.name_as or f"{person.first_name} {person.last_name}").split())
        data = AttestationData(
            letterhead=letterhead,
            person=name,
            written_on=written,
            signatory=Signatory(name=signer, title=title),
            place=letterhead.city,
            measure_kind=(
                v.MEASURE_KIND.label(measure.kind)
                if parts.show_kind and measure is not None
                else ""
            ),
            since=measure.start_date if parts.show_dates and measure is not None else None,
            until=(
                measure.end_date if parts.show_dates and measure is not None and ended else None
            ),
            programme=programme.name if programme is not None else "",
            worker=worker,
            person_words=words,
        )
        content = render_attestation(data)
        shown = [
            part
            for part, chosen in (
                ("measure_kind", parts.show_kind),
                ("dates", parts.show_dates),
                ("programme", parts.show_programme),
                ("worker", parts.show_worker),
                ("person_words", bool(words)),
            )
            if chosen
        ]
        record_event(
            session,
            actor,
            action="export",
            entity="person",
            entity_id=person_id,
            household_id=household_id,
            fields=("attestation", *shown),
            at=moment,
        )
        return AttestationFile(
            file_name=f"attestation-suivi-{household.reference}-{written.isoformat()}.pdf",
            content=content,
        )

    return database.run_write(work)
