"""Admissions: candidatures, their steps and decision, the waiting list, the admission.

A candidature [orientation SIAO] asks for a programme, and maybe a dwelling or a place of a
residence (DOMAIN §2). Its steps (interview, visit, committee) are dated; its decision
(admitted, refused by the structure or the household, no follow-up) comes with its date and,
unless admitted, a reason of DOMAIN §6.6. Admitting opens the stay — and the contract when a
dwelling is assigned — in one transaction, taking the programme, entry situation, referrer,
DALO status and SI-SIAO number from the candidature: nothing is typed twice.

Decisions where DOMAIN.md is silent, kept here so the GUI, the demo and the tests agree:

- **Rights**: recording a candidature and its steps needs ``candidatures.edit`` (the
  secretariat does it); deciding and admitting need ``admissions.edit``. The object of the
  decision is the candidature's programme and house (its residence, or its dwelling's): a
  host acts only on candidatures for their own house. Opening the stay and the contract also
  needs the rights of `stays.open_stay_in` and `contracts.create_contract_in`.
- **The admission** creates the contract before the stay when a dwelling is assigned, then
  links them: the contract makes the household a resident of the house, so a host may open the
  stay of the household they welcome. Everything is one transaction: a refused contract leaves
  no stay and no decision.
- **The note**: the table keeps one free text per candidature (``decision_note``): the note
  typed when the candidature is recorded, replaced by the decision's note when one is given.
- **The SIAO answer date** defaults to the decision date (a decision is what the SIAO is told).
- **Corrections**: a decision may be corrected (with the version read) as long as no stay was
  opened from the candidature.
- **Lists**: « waiting » = no decision yet, in order of orientation (then of recording), each
  with its rank in its programme's waiting list; the period filters the orientation date, or
  the decision date for decided candidatures. Figures count candidatures oriented in the
  period (received), decisions dated in the period (admitted, refused by reason), stays
  entered in the period from a candidature (mean delay orientation → entry, DOMAIN §0:
  ``entry − orientation`` days) and candidatures still undecided at the end of the period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Integer,
    SQLColumnExpression,
    and_,
    case,
    cast,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from desktop_app.domain import vocabulary as v
from desktop_app.domain.counting import round_half_up
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import RESIDENTS, TABLE, AccessContext, Actor
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import HistoryValue, record_change, record_field_changes
from desktop_app.persistence.models import (
    AuditEvent,
    Candidature,
    CandidatureStep,
    Dwelling,
    Household,
    HouseholdCoWorker,
    Membership,
    OccupancyContract,
    Partner,
    Person,
    Programme,
    Residence,
    Stay,
)
from desktop_app.services.authz import audit_identity, record_event, require, service_action
from desktop_app.services.contracts import NewContract, RateInput, create_contract_in
from desktop_app.services.dto import Changes
from desktop_app.services.households import (
    MASK,
    MemberInput,
    create_household_in,
    household_access,
)
from desktop_app.services.parameters import parameters_in
from desktop_app.services.stays import NewStay, open_stay_in

READ: Final = "admissions.read"
EDIT: Final = "admissions.edit"
RECORD: Final = "candidatures.edit"
STATES: Final = ("waiting", "decided", "all")
ADMITTED: Final = "admitted"
REFUSALS: Final = ("refused_structure", "refused_household", "no_follow_up")
_SIAO_MAX: Final = 50  # Candidature.siao_reference
_FIELDS: Final = (
    "programme_id",
    "dwelling_id",
    "residence_id",
    "siao_reference",
    "oriented_on",
    "referrer",
    "referrer_partner_id",
    "entry_situation",
    "dalo_status",
    "decision_note",
)
_DECISION_FIELDS: Final = (
    "decision",
    "decided_on",
    "refusal_reason",
    "decision_note",
    "siao_answered_on",
)


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class NewHousehold:
    """The head of a household arriving with its candidature (completed later in its file)."""

    last_name: str
    first_name: str
    sex: str = "unknown"
    birth_date: date | None = None


@dataclass(frozen=True, slots=True)
class StepInfo:
    """A step of a candidature."""

    step_id: int
    kind: str
    held_on: date
    note: str | None


@dataclass(frozen=True, slots=True)
class CandidatureInfo:
    """A candidature as its detail shows it (head masked for a protected file's outsiders)."""

    candidature_id: int
    household_id: int
    household_reference: str
    head: str
    programme_id: int
    programme: str
    programme_kind: str
    dwelling_id: int | None
    dwelling: str | None  # its reference
    residence_id: int | None  # the candidature's, else its dwelling's
    residence: str | None
    siao_reference: str | None
    oriented_on: date
    referrer: str | None
    referrer_partner_id: int | None
    referrer_partner: str | None
    entry_situation: str | None
    dalo_status: str
    decision: str | None
    decided_on: date | None
    refusal_reason: str | None
    note: str | None
    siao_answered_on: date | None
    siao_answer_due: date
    stay_id: int | None
    entry: date | None  # of the stay opened by the admission
    steps: tuple[StepInfo, ...]
    version: int


@dataclass(frozen=True, slots=True)
class CandidatureRow:
    """One line of the candidatures list; ``rank`` in the programme's waiting list."""

    candidature_id: int
    household_id: int
    household_reference: str
    head: str
    protected: bool
    programme_id: int
    programme: str
    dwelling: str | None
    residence: str | None
    oriented_on: date
    days_waiting: int  # orientation → decision, or → today while undecided
    last_step: str | None
    last_step_on: date | None
    decision: str | None
    decided_on: date | None
    refusal_reason: str | None
    stay_id: int | None
    rank: int | None
    version: int


@dataclass(frozen=True, slots=True)
class CandidatureQuery:
    """What the Admissions screen asks: programme, state, period (see module docstring)."""

    programme_id: int | None = None
    state: str = "waiting"
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class ContractPart:
    """The contract an admission signs when a dwelling is assigned."""

    kind: str
    rate: RateInput
    start: date | None = None  # the entry date unless given
    dwelling_id: int | None = None  # the candidature's dwelling unless given
    renewal_date: date | None = None


@dataclass(frozen=True, slots=True)
class AdmissionResult:
    """The admitted candidature, the stay opened and the contract signed (if any)."""

    candidature: CandidatureInfo
    stay_id: int
    contract_id: int | None
    changes: Changes


@dataclass(frozen=True, slots=True)
class AdmissionFigures:
    """A programme's (or every programme's) admissions over a period (module docstring)."""

    programme_id: int | None
    start: date
    end: date
    received: int
    admitted: int
    refused_structure: int
    refused_household: int
    no_follow_up: int
    refused_by_reason: tuple[tuple[str, int], ...]  # every §6.6 code, zeros included
    mean_delay_days: float | None  # orientation → entry, one decimal; None without entries
    entries: int  # the stays behind the mean
    waiting_at_end: int

    @property
    def refused(self) -> int:
        """Refusals of both sides and candidatures without follow-up."""
        return self.refused_structure + self.refused_household + self.no_follow_up


@dataclass(frozen=True, slots=True)
class DwellingChoice:
    """A dwelling that may be offered, with its programme and house."""

    dwelling_id: int
    reference: str
    label: str
    programme_id: int
    residence_id: int | None


@dataclass(frozen=True, slots=True)
class AdmissionChoices:
    """What the candidature dialogs offer."""

    programmes: tuple[tuple[int, str], ...]
    dwellings: tuple[DwellingChoice, ...]
    residences: tuple[tuple[int, str, int | None], ...]  # id, name, programme
    partners: tuple[tuple[int, str], ...]


# ------------------------------------------------------------------ rights and helpers


def _hosted(actor: Actor, residence_id: int | None) -> bool:
    return residence_id is not None and any(
        grant.role == "host" and grant.residence_id in (None, residence_id)
        for grant in actor.grants
    )


def _context(
    session: Session,
    actor: Actor,
    household_id: int | None,
    programme_id: int,
    residence_id: int | None,
) -> AccessContext:
    """The object of an admissions decision: the programme and the house asked for."""
    caseload = (
        household_access(session, actor, household_id).caseload
        if household_id is not None
        else False
    )
    return AccessContext(
        programme_ids=frozenset({programme_id}),
        residence_ids=frozenset({residence_id}) if residence_id is not None else frozenset(),
        caseload=caseload,
        resident=_hosted(actor, residence_id),
    )


def _residence_of(session: Session, candidature: Candidature) -> int | None:
    if candidature.residence_id is not None or candidature.dwelling_id is None:
        return candidature.residence_id
    dwelling = session.get(Dwelling, candidature.dwelling_id)
    return dwelling.residence_id if dwelling is not None else None


def _candidature_for(
    session: Session, actor: Actor, candidature_id: int, action: str
) -> Candidature:
    """The candidature, once the actor is known to be allowed ``action`` on it."""
    candidature = session.get(Candidature, candidature_id)
    if candidature is None:
        raise RefusedError("candidature.unknown")
    context = _context(
        session,
        actor,
        candidature.household_id,
        candidature.programme_id,
        _residence_of(session, candidature),
    )
    require(actor, action, context)
    return candidature


def _conflict(session: Session, candidature: Candidature) -> RefusedError:
    """The refusal of a stale update, naming the last writer from the security log."""
    last = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(AuditEvent.entity == "candidature", AuditEvent.entity_id == candidature.id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return RefusedError("candidature.conflict_unknown")
    who, at = last
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    return RefusedError(
        "candidature.conflict", who=who, when=moment.astimezone().strftime("%d/%m/%Y à %H:%M")
    )


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _date_issues(
    name: str, day: date | None, oriented_on: date | None, today: date
) -> list[ValidationIssue]:
    """Not in the future, not before the orientation."""
    if day is None:
        return []
    if day > today:
        return [ValidationIssue(name, "candidature.future_date", {"day": format_date(day)})]
    if oriented_on is not None and day < oriented_on:
        return [
            ValidationIssue(
                name,
                "candidature.before_orientation",
                {"day": format_date(day), "oriented": format_date(oriented_on)},
            )
        ]
    return []


def _history(
    session: Session,
    actor: Actor,
    candidature: Candidature,
    changes: Sequence[tuple[str, HistoryValue, HistoryValue]],
) -> None:
    record_field_changes(
        session,
        user_id=audit_identity(actor)[1],
        household_id=candidature.household_id,
        entity="candidature",
        entity_id=candidature.id,
        changes=changes,
    )


def _visible_households(
    session: Session, actor: Actor, rows: Sequence[tuple[int, bool, int | None]]
) -> set[int]:
    """Households whose identity the actor sees among (id, protected, key worker) rows."""
    circle = {actor.user_id, *actor.delegated_from} - {None}
    protected = [hid for hid, secret, _ in rows if secret]
    co_worked: set[int] = set()
    if protected and actor.user_id is not None:
        co_worked = set(
            session.scalars(
                select(HouseholdCoWorker.household_id).where(
                    HouseholdCoWorker.user_id == actor.user_id,
                    HouseholdCoWorker.household_id.in_(protected),
                )
            )
        )
    return {
        hid
        for hid, secret, worker in rows
        if actor.system or not secret or worker in circle or hid in co_worked
    }


def _head_names(session: Session, household_ids: Sequence[int], on: date) -> dict[int, str]:
    """The head of each household on ``on`` (« Last First »)."""
    if not household_ids:
        return {}
    rows = session.execute(
        select(Membership.household_id, Person.last_name, Person.first_name)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.household_id.in_(household_ids),
            Membership.role == "head",
            Membership.joined_on <= on,
            or_(Membership.left_on.is_(None), Membership.left_on >= on),
        )
        .order_by(Membership.id)
    )
    return {hid: f"{last} {first}" for hid, last, first in rows}


def _detail(
    session: Session, actor: Actor, candidature: Candidature, today: date
) -> CandidatureInfo:
    household = session.get(Household, candidature.household_id)
    programme = session.get(Programme, candidature.programme_id)
    assert household is not None
    assert programme is not None
    dwelling = session.get(Dwelling, candidature.dwelling_id) if candidature.dwelling_id else None
    residence_id = _residence_of(session, candidature)
    residence = session.get(Residence, residence_id) if residence_id is not None else None
    partner = (
        session.get(Partner, candidature.referrer_partner_id)
        if candidature.referrer_partner_id
        else None
    )
    stay = session.get(Stay, candidature.stay_id) if candidature.stay_id else None
    visible = _visible_households(
        session, actor, [(household.id, household.protected, household.key_worker_id)]
    )
    head = _head_names(session, [household.id], today).get(household.id, "")
    steps = tuple(
        StepInfo(step.id, step.kind, step.held_on, step.note)
        for step in session.scalars(
            select(CandidatureStep)
            .where(CandidatureStep.candidature_id == candidature.id)
            .order_by(CandidatureStep.held_on, CandidatureStep.id)
        )
    )
    answer_days = parameters_in(session).int("siao.answer_days", candidature.oriented_on)
    return CandidatureInfo(
        candidature_id=candidature.id,
        household_id=household.id,
        household_reference=household.reference,
        head=head if household.id in visible else MASK,
        programme_id=programme.id,
        programme=programme.name,
        programme_kind=programme.kind,
        dwelling_id=candidature.dwelling_id,
        dwelling=dwelling.reference if dwelling is not None else None,
        residence_id=residence_id,
        residence=residence.name if residence is not None else None,
        siao_reference=candidature.siao_reference,
        oriented_on=candidature.oriented_on,
        referrer=candidature.referrer,
        referrer_partner_id=candidature.referrer_partner_id,
        referrer_partner=partner.name if partner is not None else None,
        entry_situation=candidature.entry_situation,
        dalo_status=candidature.dalo_status,
        decision=candidature.decision,
        decided_on=candidature.decided_on,
        refusal_reason=candidature.refusal_reason,
        note=candidature.decision_note,
        siao_answered_on=candidature.siao_answered_on,
        siao_answer_due=candidature.oriented_on + timedelta(days=answer_days),
        stay_id=candidature.stay_id,
        entry=stay.entry_date if stay is not None else None,
        steps=steps,
        version=candidature.version,
    )


# ------------------------------------------------------------------ recording


def _placement_issues(
    session: Session,
    programme: Programme,
    dwelling_id: int | None,
    residence_id: int | None,
) -> list[ValidationIssue]:
    """The dwelling and the residence must belong to the programme (and to each other)."""
    issues: list[ValidationIssue] = []
    dwelling = session.get(Dwelling, dwelling_id) if dwelling_id is not None else None
    residence = session.get(Residence, residence_id) if residence_id is not None else None
    if dwelling_id is not None and dwelling is None:
        issues.append(ValidationIssue("dwelling", "candidature.dwelling_unknown"))
    if residence_id is not None and residence is None:
        issues.append(ValidationIssue("residence", "candidature.residence_unknown"))
    if dwelling is not None and dwelling.programme_id != programme.id:
        issues.append(
            ValidationIssue(
                "dwelling",
                "candidature.dwelling_other_programme",
                {"dwelling": dwelling.reference, "programme": programme.name},
            )
        )
    if residence is not None and residence.programme_id != programme.id:
        issues.append(
            ValidationIssue(
                "residence",
                "candidature.residence_other_programme",
                {"residence": residence.name, "programme": programme.name},
            )
        )
    if dwelling is not None and residence is not None and dwelling.residence_id != residence.id:
        issues.append(
            ValidationIssue(
                "dwelling",
                "candidature.dwelling_other_residence",
                {"dwelling": dwelling.reference, "residence": residence.name},
            )
        )
    return issues


@service_action(RECORD)
def record_candidature(
    database: Database,
    *,
    actor: Actor,
    programme_id: int,
    oriented_on: date,
    household_id: int | None = None,
    new_household: NewHousehold | None = None,
    dwelling_id: int | None = None,
    residence_id: int | None = None,
    siao_reference: str | None = None,
    referrer: str | None = None,
    referrer_partner_id: int | None = None,
    entry_situation: str | None = None,
    dalo_status: str = "non_dalo",
    note: str | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> CandidatureInfo:
    """Record an orientation for an existing household, or a new one created with it.

    Raises:
        InvalidInput: every field to correct at once; nothing is written (not even the
            new household).
        RefusedError: outside the actor's programmes or house.
    """
    day = today or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    siao = (siao_reference or "").strip() or None
    issues: list[ValidationIssue] = []
    if (household_id is None) == (new_household is None):
        issues.append(ValidationIssue("household", "candidature.household_required"))
    if new_household is not None:
        if not new_household.last_name.strip():
            issues.append(ValidationIssue("last_name", "member.last_name_required"))
        if not new_household.first_name.strip():
            issues.append(ValidationIssue("first_name", "member.first_name_required"))
        issues += v.SEX.issues("sex", new_household.sex, "candidature.code_unknown")
    if siao is not None and len(siao) > _SIAO_MAX:
        issues.append(
            ValidationIssue("siao_reference", "candidature.siao_too_long", {"maximum": _SIAO_MAX})
        )
    issues += (
        _date_issues("oriented_on", oriented_on, None, day)
        + v.REFERRER.issues("referrer", referrer, "candidature.code_unknown")
        + v.ENTRY_SITUATION.issues("entry_situation", entry_situation, "candidature.code_unknown")
        + v.DALO_STATUS.issues("dalo_status", dalo_status, "candidature.code_unknown")
    )

    def work(session: Session) -> CandidatureInfo:
        programme = session.get(Programme, programme_id)
        if programme is None:
            raise InvalidInput([ValidationIssue("programme", "candidature.programme_unknown")])
        problems = issues + _placement_issues(session, programme, dwelling_id, residence_id)
        if referrer_partner_id is not None and session.get(Partner, referrer_partner_id) is None:
            problems.append(ValidationIssue("referrer_partner", "candidature.partner_unknown"))
        _raise(problems)
        house = residence_id
        if house is None and dwelling_id is not None:
            dwelling = session.get(Dwelling, dwelling_id)
            house = dwelling.residence_id if dwelling is not None else None
        context = _context(session, actor, household_id, programme_id, house)
        if household_id is None:
            assert new_household is not None
            require(actor, RECORD, context)
            created = create_household_in(
                session,
                actor,
                [
                    MemberInput(
                        last_name=new_household.last_name,
                        first_name=new_household.first_name,
                        birth_date=new_household.birth_date,
                        sex=new_household.sex,
                        role="head",
                    )
                ],
                start=oriented_on,
                context=context,
            )
            target = created.household_id
        else:
            require(actor, RECORD, context)
            target = household_id
        _, user_id = audit_identity(actor)
        candidature = Candidature(
            household_id=target,
            programme_id=programme_id,
            dwelling_id=dwelling_id,
            residence_id=residence_id,
            siao_reference=siao,
            oriented_on=oriented_on,
            referrer=referrer,
            referrer_partner_id=referrer_partner_id,
            entry_situation=entry_situation,
            dalo_status=dalo_status,
            decision_note=(note or "").strip() or None,
            created_at=moment,
            created_by=user_id,
        )
        session.add(candidature)
        session.flush()
        record_event(
            session,
            actor,
            action="create",
            entity="candidature",
            entity_id=candidature.id,
            household_id=target,
            fields=_FIELDS,
        )
        _history(session, actor, candidature, [("oriented_on", None, oriented_on)])
        return _detail(session, actor, candidature, day)

    return database.run_write(work)


@service_action(RECORD)
def add_step(
    database: Database,
    *,
    actor: Actor,
    candidature_id: int,
    kind: str,
    held_on: date,
    note: str | None = None,
    today: date | None = None,
) -> CandidatureInfo:
    """Add an interview, a visit or the committee (a date to come may be planned).

    Raises:
        InvalidInput: an unknown kind, a date before the orientation.
    """
    day = today or date.today()

    def work(session: Session) -> CandidatureInfo:
        candidature = _candidature_for(session, actor, candidature_id, RECORD)
        issues = v.CANDIDATURE_STEP.issues("kind", kind, "candidature.code_unknown")
        if held_on < candidature.oriented_on:
            issues.append(
                ValidationIssue(
                    "held_on",
                    "candidature.before_orientation",
                    {
                        "day": format_date(held_on),
                        "oriented": format_date(candidature.oriented_on),
                    },
                )
            )
        _raise(issues)
        step = CandidatureStep(
            candidature_id=candidature.id,
            kind=kind,
            held_on=held_on,
            note=(note or "").strip() or None,
        )
        session.add(step)
        session.flush()
        record_event(
            session,
            actor,
            action="create",
            entity="candidature_step",
            entity_id=step.id,
            household_id=candidature.household_id,
            fields=("kind", "held_on", "note"),
        )
        _, user_id = audit_identity(actor)
        record_change(
            session,
            user_id=user_id,
            household_id=candidature.household_id,
            entity="candidature_step",
            entity_id=step.id,
            field="held_on",
            old=None,
            new=held_on,
        )
        return _detail(session, actor, candidature, day)

    return database.run_write(work)


# ------------------------------------------------------------------ deciding


def _decision_issues(
    candidature: Candidature,
    *,
    decision: str,
    decided_on: date,
    refusal_reason: str | None,
    siao_answered_on: date | None,
    today: date,
) -> list[ValidationIssue]:
    issues = v.CANDIDATURE_DECISION.issues("decision", decision, "candidature.code_unknown")
    issues += v.REFUSAL_REASON.issues("refusal_reason", refusal_reason, "candidature.code_unknown")
    if decision == ADMITTED and refusal_reason is not None:
        issues.append(ValidationIssue("refusal_reason", "candidature.reason_for_refusal_only"))
    if decision in REFUSALS and refusal_reason is None:
        issues.append(ValidationIssue("refusal_reason", "candidature.reason_required"))
    issues += _date_issues("decided_on", decided_on, candidature.oriented_on, today)
    issues += _date_issues("siao_answered_on", siao_answered_on, candidature.oriented_on, today)
    return issues


def _apply_decision(
    session: Session,
    actor: Actor,
    candidature: Candidature,
    *,
    decision: str,
    decided_on: date,
    refusal_reason: str | None,
    note: str | None,
    siao_answered_on: date | None,
) -> None:
    answered = siao_answered_on or decided_on
    _history(
        session,
        actor,
        candidature,
        [
            ("decision", candidature.decision, decision),
            ("decided_on", candidature.decided_on, decided_on),
            ("refusal_reason", candidature.refusal_reason, refusal_reason),
            ("siao_answered_on", candidature.siao_answered_on, answered),
        ],
    )
    candidature.decision = decision
    candidature.decided_on = decided_on
    candidature.refusal_reason = refusal_reason
    candidature.siao_answered_on = answered
    if note is not None and note.strip():
        candidature.decision_note = note.strip()
    session.flush()
    record_event(
        session,
        actor,
        action="update",
        entity="candidature",
        entity_id=candidature.id,
        household_id=candidature.household_id,
        fields=_DECISION_FIELDS,
    )


@service_action(EDIT)
def decide(
    database: Database,
    *,
    actor: Actor,
    candidature_id: int,
    decision: str,
    decided_on: date,
    version: int,
    refusal_reason: str | None = None,
    note: str | None = None,
    siao_answered_on: date | None = None,
    today: date | None = None,
) -> CandidatureInfo:
    """Record (or correct) the decision; a refusal or no follow-up needs its reason (§6.6).

    The SIAO answer date defaults to the decision date. A decision is corrected with the
    ``version`` read, as long as no stay was opened from the candidature.

    Raises:
        InvalidInput: a missing or misplaced reason, a date in the future or before the
            orientation.
        RefusedError: outside the actor's rights, a stay already opened, a stale version.
    """
    day = today or date.today()

    def work(session: Session) -> CandidatureInfo:
        candidature = _candidature_for(session, actor, candidature_id, EDIT)
        if candidature.version != version:
            raise _conflict(session, candidature)
        if candidature.stay_id is not None:
            stay = session.get(Stay, candidature.stay_id)
            assert stay is not None
            raise RefusedError("candidature.stay_opened", entry=format_date(stay.entry_date))
        _raise(
            _decision_issues(
                candidature,
                decision=decision,
                decided_on=decided_on,
                refusal_reason=refusal_reason,
                siao_answered_on=siao_answered_on,
                today=day,
            )
        )
        _apply_decision(
            session,
            actor,
            candidature,
            decision=decision,
            decided_on=decided_on,
            refusal_reason=refusal_reason,
            note=note,
            siao_answered_on=siao_answered_on,
        )
        return _detail(session, actor, candidature, day)

    return database.run_write(work)


# ------------------------------------------------------------------ admitting


def _admission_issues(
    session: Session,
    candidature: Candidature,
    *,
    entry: date,
    decided: date,
    siao_answered_on: date | None,
    dwelling_id: int | None,
    with_contract: bool,
    today: date,
) -> list[ValidationIssue]:
    """What is wrong with an admission before anything is written."""
    issues = _date_issues("entry", entry, candidature.oriented_on, today)
    if candidature.decision is None:
        issues += [
            issue
            for issue in _decision_issues(
                candidature,
                decision=ADMITTED,
                decided_on=decided,
                refusal_reason=None,
                siao_answered_on=siao_answered_on,
                today=today,
            )
            if issue.field != "decided_on" or decided != entry  # said once, on the entry
        ]
    if decided > entry:
        issues.append(
            ValidationIssue(
                "entry",
                "candidature.entry_before_decision",
                {"entry": format_date(entry), "decided": format_date(decided)},
            )
        )
    if with_contract and dwelling_id is None:
        issues.append(ValidationIssue("dwelling", "candidature.contract_without_dwelling"))
    elif with_contract:
        programme = session.get(Programme, candidature.programme_id)
        assert programme is not None
        issues += _placement_issues(session, programme, dwelling_id, None)
    return issues


@service_action(EDIT)
def admit(
    database: Database,
    *,
    actor: Actor,
    candidature_id: int,
    entry: date,
    version: int,
    decided_on: date | None = None,
    siao_answered_on: date | None = None,
    contract: ContractPart | None = None,
    today: date | None = None,
) -> AdmissionResult:
    """Admit in one transaction: the decision, the stay and, with a dwelling, the contract.

    The stay takes the programme, entry situation, referrer (and partner), DALO status and
    SI-SIAO number of the candidature. Without a decision yet, « admitted » is recorded on
    ``decided_on`` (the entry date unless given). Everything or nothing.

    Raises:
        InvalidInput: the stay's or the contract's problems (entry before the orientation,
            overlap, future date, kind, rent…), or a contract without a dwelling.
        RefusedError: outside the actor's rights, a refusal recorded, already admitted, a
            stale version.
    """
    day = today or date.today()

    def work(session: Session) -> AdmissionResult:
        candidature = _candidature_for(session, actor, candidature_id, EDIT)
        if candidature.version != version:
            raise _conflict(session, candidature)
        if candidature.stay_id is not None:
            stay = session.get(Stay, candidature.stay_id)
            assert stay is not None
            raise RefusedError("candidature.stay_opened", entry=format_date(stay.entry_date))
        if candidature.decision not in (None, ADMITTED):
            raise RefusedError(
                "candidature.not_admissible",
                decision=v.CANDIDATURE_DECISION.label(candidature.decision),
            )
        decided = candidature.decided_on or decided_on or entry
        dwelling_id = None
        if contract is not None:
            dwelling_id = contract.dwelling_id or candidature.dwelling_id
        issues = _admission_issues(
            session,
            candidature,
            entry=entry,
            decided=decided,
            siao_answered_on=siao_answered_on,
            dwelling_id=dwelling_id,
            with_contract=contract is not None,
            today=day,
        )
        _raise(issues)
        if candidature.decision is None:
            _apply_decision(
                session,
                actor,
                candidature,
                decision=ADMITTED,
                decided_on=decided,
                refusal_reason=None,
                note=None,
                siao_answered_on=siao_answered_on,
            )
        signed = None
        if contract is not None:
            assert dwelling_id is not None
            # The contract first: it makes the household a resident of a host's house.
            signed = create_contract_in(
                session,
                actor,
                NewContract(
                    household_id=candidature.household_id,
                    dwelling_id=dwelling_id,
                    kind=contract.kind,
                    start=contract.start or entry,
                    end=None,
                    renewal_date=contract.renewal_date,
                    stay_id=None,
                    rate=contract.rate,
                ),
            )
        stay = open_stay_in(
            session,
            actor,
            NewStay(
                household_id=candidature.household_id,
                programme_id=candidature.programme_id,
                entry=entry,
                entry_situation=candidature.entry_situation or "unknown",
                referrer=candidature.referrer,
                dalo_status=candidature.dalo_status,
                siao_reference=candidature.siao_reference,
            ),
            today=day,
        )
        stay.referrer_partner_id = candidature.referrer_partner_id
        if signed is not None:
            signed.stay_id = stay.id
            session.flush()
            record_event(
                session,
                actor,
                action="update",
                entity="occupancy_contract",
                entity_id=signed.id,
                household_id=candidature.household_id,
                fields=("stay_id",),
            )
        if candidature.dwelling_id is None and dwelling_id is not None:
            candidature.dwelling_id = dwelling_id
        candidature.stay_id = stay.id
        session.flush()
        record_event(
            session,
            actor,
            action="update",
            entity="candidature",
            entity_id=candidature.id,
            household_id=candidature.household_id,
            fields=("stay_id", "dwelling_id"),
        )
        entities = {"candidature", "stay", "household"}
        if signed is not None:
            entities |= {"occupancy_contract", "rent_rate"}
        return AdmissionResult(
            candidature=_detail(session, actor, candidature, day),
            stay_id=stay.id,
            contract_id=signed.id if signed is not None else None,
            changes=Changes(frozenset(entities), frozenset({candidature.household_id})),
        )

    return database.run_write(work)


# ------------------------------------------------------------------ reading


def _house_column() -> ColumnElement[int | None]:
    """The house of a candidature: its residence, else its dwelling's."""
    offered = aliased(Dwelling)
    dwelling_house = (
        select(offered.residence_id).where(offered.id == Candidature.dwelling_id).scalar_subquery()
    )
    return func.coalesce(Candidature.residence_id, dwelling_house)


def scope_filter(actor: Actor) -> ColumnElement[bool] | None:
    """Candidatures the actor may list: None when every one is in scope."""
    if actor.system:
        return None
    conditions: list[ColumnElement[bool]] = []
    house = _house_column()
    for grant in actor.grants:
        rule = TABLE.get(grant.role, {}).get(READ)
        if rule is None:
            continue
        if rule == RESIDENTS:
            in_house = (
                select(OccupancyContract.household_id)
                .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
                .where(Dwelling.residence_id.is_not(None))
            )
            if grant.residence_id is not None:
                in_house = in_house.where(Dwelling.residence_id == grant.residence_id)
                conditions.append(
                    or_(house == grant.residence_id, Candidature.household_id.in_(in_house))
                )
            else:
                conditions.append(or_(house.is_not(None), Candidature.household_id.in_(in_house)))
        elif grant.programme_id is None and grant.residence_id is None:
            return None
        elif grant.programme_id is not None:
            conditions.append(Candidature.programme_id == grant.programme_id)
        else:
            conditions.append(house == grant.residence_id)
    return or_(*conditions) if conditions else false()


def _rank_column() -> ColumnElement[int]:
    """1 + the undecided candidatures of the same programme oriented earlier."""
    earlier = aliased(Candidature)
    return (
        select(func.count(earlier.id))
        .where(
            earlier.programme_id == Candidature.programme_id,
            earlier.decision.is_(None),
            or_(
                earlier.oriented_on < Candidature.oriented_on,
                and_(earlier.oriented_on == Candidature.oriented_on, earlier.id < Candidature.id),
            ),
        )
        .scalar_subquery()
        + 1
    )


def _rows(
    session: Session,
    actor: Actor,
    conditions: Sequence[ColumnElement[bool]],
    *,
    oldest_first: bool,
    today: date,
) -> list[CandidatureRow]:
    scope = scope_filter(actor)
    where = [*conditions, *([scope] if scope is not None else [])]
    order: list[ColumnElement[Any]] = (
        [Candidature.oriented_on.asc(), Candidature.id.asc()]
        if oldest_first
        else [Candidature.oriented_on.desc(), Candidature.id.desc()]
    )
    house = aliased(Residence)
    rows = session.execute(
        select(
            Candidature,
            Household.reference,
            Household.protected,
            Household.key_worker_id,
            Programme.name,
            Dwelling.reference,
            house.name,
            _rank_column(),
        )
        .join(Household, Household.id == Candidature.household_id)
        .join(Programme, Programme.id == Candidature.programme_id)
        .outerjoin(Dwelling, Dwelling.id == Candidature.dwelling_id)
        .outerjoin(house, house.id == _house_column())
        .where(*where)
        .order_by(*order)
    ).all()
    ids = [row[0].id for row in rows]
    last_steps: dict[int, tuple[str | None, date | None]] = {}
    if ids:
        for cid, step_kind, step_on in session.execute(
            select(CandidatureStep.candidature_id, CandidatureStep.kind, CandidatureStep.held_on)
            .where(CandidatureStep.candidature_id.in_(ids))
            .order_by(CandidatureStep.held_on, CandidatureStep.id)
        ):
            last_steps[cid] = (step_kind, step_on)
    household_ids = sorted({row[0].household_id for row in rows})
    heads = _head_names(session, household_ids, today)
    visible = _visible_households(
        session, actor, list({(row[0].household_id, row[2], row[3]) for row in rows})
    )
    result = []
    for candidature, reference, protected, _, programme, dwelling, residence, rank in rows:
        kind, held_on = last_steps.get(candidature.id, (None, None))
        until = candidature.decided_on or today
        result.append(
            CandidatureRow(
                candidature_id=candidature.id,
                household_id=candidature.household_id,
                household_reference=reference,
                head=heads.get(candidature.household_id, "")
                if candidature.household_id in visible
                else MASK,
                protected=protected,
                programme_id=candidature.programme_id,
                programme=programme,
                dwelling=dwelling,
                residence=residence,
                oriented_on=candidature.oriented_on,
                days_waiting=max((until - candidature.oriented_on).days, 0),
                last_step=kind,
                last_step_on=held_on,
                decision=candidature.decision,
                decided_on=candidature.decided_on,
                refusal_reason=candidature.refusal_reason,
                stay_id=candidature.stay_id,
                rank=int(rank) if candidature.decision is None else None,
                version=candidature.version,
            )
        )
    return result


@service_action(READ)
def list_candidatures(
    database: Database,
    *,
    actor: Actor,
    query: CandidatureQuery = CandidatureQuery(),
    today: date | None = None,
) -> list[CandidatureRow]:
    """The candidatures the actor may see: waiting ones oldest first, the others newest first."""
    day = today or date.today()
    conditions: list[ColumnElement[bool]] = []
    if query.programme_id is not None:
        conditions.append(Candidature.programme_id == query.programme_id)
    dated = Candidature.oriented_on
    if query.state == "waiting":
        conditions.append(Candidature.decision.is_(None))
    elif query.state == "decided":
        conditions.append(Candidature.decision.is_not(None))
        dated = Candidature.decided_on  # type: ignore[assignment]
    if query.start is not None:
        conditions.append(dated >= query.start)
    if query.end is not None:
        conditions.append(dated <= query.end)
    return database.run_read(
        lambda session: _rows(
            session, actor, conditions, oldest_first=query.state == "waiting", today=day
        )
    )


@service_action(READ)
def waiting_list(
    database: Database, *, actor: Actor, programme_id: int, today: date | None = None
) -> list[CandidatureRow]:
    """The programme's undecided candidatures in order of orientation, with their rank."""
    return list_candidatures(
        database,
        actor=actor,
        query=CandidatureQuery(programme_id=programme_id, state="waiting"),
        today=today,
    )


@service_action(READ)
def candidature_detail(
    database: Database, *, actor: Actor, candidature_id: int, today: date | None = None
) -> CandidatureInfo:
    """A candidature with its steps.

    Raises:
        RefusedError: no such candidature, or outside the actor's scope.
    """
    day = today or date.today()

    def read(session: Session) -> CandidatureInfo:
        candidature = _candidature_for(session, actor, candidature_id, READ)
        return _detail(session, actor, candidature, day)

    return database.run_read(read)


@service_action(READ)
def candidatures_of(
    database: Database, *, actor: Actor, household_id: int, today: date | None = None
) -> list[CandidatureRow]:
    """A household's candidatures, newest first (for its file)."""
    day = today or date.today()

    def read(session: Session) -> list[CandidatureRow]:
        require(actor, READ, household_access(session, actor, household_id))
        return _rows(
            session,
            actor,
            [Candidature.household_id == household_id],
            oldest_first=False,
            today=day,
        )

    return database.run_read(read)


@service_action(READ)
def admission_choices(database: Database, *, actor: Actor) -> AdmissionChoices:
    """Programmes, dwellings still in the stock, residences and partners, for the dialogs."""

    def read(session: Session) -> AdmissionChoices:
        dwellings = tuple(
            DwellingChoice(
                dwelling_id=row.id,
                reference=row.reference,
                label=f"{row.reference} — {row.address}, {row.commune}",
                programme_id=row.programme_id,
                residence_id=row.residence_id,
            )
            for row in session.scalars(
                select(Dwelling).where(Dwelling.returned_on.is_(None)).order_by(Dwelling.reference)
            )
        )
        return AdmissionChoices(
            programmes=tuple(
                (pid, name)
                for pid, name in session.execute(
                    select(Programme.id, Programme.name).order_by(Programme.name)
                )
            ),
            dwellings=dwellings,
            residences=tuple(
                (rid, name, pid)
                for rid, name, pid in session.execute(
                    select(Residence.id, Residence.name, Residence.programme_id).order_by(
                        Residence.name
                    )
                )
            ),
            partners=tuple(
                (pid, name)
                for pid, name in session.execute(
                    select(Partner.id, Partner.name).order_by(Partner.name)
                )
            ),
        )

    return database.run_read(read)


# ------------------------------------------------------------------ figures


def _days_between(
    session: Session, later: SQLColumnExpression[date], earlier: SQLColumnExpression[date]
) -> ColumnElement[int]:
    """``later − earlier`` in days, on SQLite and PostgreSQL."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(later - earlier, Integer)
    return cast(func.julianday(later) - func.julianday(earlier), Integer)


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


@service_action(READ)
def admission_figures(
    database: Database,
    *,
    actor: Actor,
    programme_id: int | None,
    start: date,
    end: date,
) -> AdmissionFigures:
    """Candidatures received, admitted, refused by reason; delay orientation → entry.

    Counted in SQL over every candidature of the programme (or of all programmes): figures
    are aggregates, not lists of people.
    """

    def read(session: Session) -> AdmissionFigures:
        if programme_id is not None:
            require(actor, READ, AccessContext(programme_ids=frozenset({programme_id})))
        else:
            require(actor, READ)
        where: list[ColumnElement[bool]] = []
        if programme_id is not None:
            where.append(Candidature.programme_id == programme_id)
        decided_in = and_(Candidature.decided_on >= start, Candidature.decided_on <= end)
        counts = session.execute(
            select(
                _count(and_(Candidature.oriented_on >= start, Candidature.oriented_on <= end)),
                *(
                    _count(and_(decided_in, Candidature.decision == code))
                    for code in (ADMITTED, *REFUSALS)
                ),
                _count(
                    and_(
                        Candidature.oriented_on <= end,
                        or_(Candidature.decided_on.is_(None), Candidature.decided_on > end),
                    )
                ),
            ).where(*where)
        ).one()
        received, admitted, structure, household, no_follow_up, waiting = (
            int(value) for value in counts
        )
        reasons = dict.fromkeys(v.REFUSAL_REASON.codes, 0)
        for reason, number in session.execute(
            select(Candidature.refusal_reason, func.count(Candidature.id))
            .where(
                *where,
                decided_in,
                Candidature.decision.in_(REFUSALS),
                Candidature.refusal_reason.is_not(None),
            )
            .group_by(Candidature.refusal_reason)
        ):
            if reason is not None:
                reasons[reason] = int(number)
        stay_where: list[ColumnElement[bool]] = [
            Stay.entry_date >= start,
            Stay.entry_date <= end,
        ]
        if programme_id is not None:
            stay_where.append(Stay.programme_id == programme_id)
        total, entries = session.execute(
            select(
                func.sum(_days_between(session, Stay.entry_date, Candidature.oriented_on)),
                func.count(Stay.id),
            )
            .join(Candidature, Candidature.stay_id == Stay.id)
            .where(*stay_where)
        ).one()
        mean = Fraction(int(total), int(entries)) if entries else None
        return AdmissionFigures(
            programme_id=programme_id,
            start=start,
            end=end,
            received=received,
            admitted=admitted,
            refused_structure=structure,
            refused_household=household,
            no_follow_up=no_follow_up,
            refused_by_reason=tuple(reasons.items()),
            mean_delay_days=round_half_up(mean),
            entries=int(entries),
            waiting_at_end=waiting,
        )

    return database.run_read(read)


__all__ = [
    "STATES",
    "AdmissionChoices",
    "AdmissionFigures",
    "AdmissionResult",
    "CandidatureInfo",
    "CandidatureQuery",
    "CandidatureRow",
    "ContractPart",
    "DwellingChoice",
    "NewHousehold",
    "RateInput",
    "StepInfo",
    "add_step",
    "admission_choices",
    "admission_figures",
    "admit",
    "candidature_detail",
    "candidatures_of",
    "decide",
    "list_candidatures",
    "record_candidature",
    "waiting_list",
]
