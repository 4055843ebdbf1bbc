"""Occupancy contracts and the whole life of a bail glissant (DOMAIN §2, §7).

A contract ties a household to a dwelling: its kind must fit the dwelling's programme, the
dwelling must be in the stock on its first day and must not take more households than its lots
on any day. Rents and benefit statuses are dated rows: a row on an existing date *replaces* it
(a correction, kept in the business history), a row on a new date starts a new period.

Decisions where DOMAIN.md is silent, kept here so the GUI, the import and the tests agree:

- **Kinds per programme**: ``sublease`` in ``iml_sublease``; ``sliding_sublease`` in
  ``sliding_lease`` and in ``iml_sublease`` (a glissement is a possible outcome of any IML
  sous-location, and both are counted in the IML return); ``lease_mandate`` in
  ``iml_mandate``; ``residence_agreement`` in ``boarding_house`` and ``reception_residence``
  and only for a dwelling of a residence, which takes no other kind.
- **Stay**: without ``stay_id`` the household's stay in the dwelling's programme covering the
  start is linked when there is exactly one, so that a glissement knows which stay it closes.
- **Parameters** of a new sliding plan (``sliding.review_months``, ``sliding.max_months``) are
  read from the Parameter rows *in the same transaction*, with the values in force on the
  contract start: the plan keeps them even if the coordinator changes them later.
- **Termination** [résiliation] keeps the contract open (state ``terminated_occupant``, no end)
  because an occupant without title owes an indemnity until the recorded departure, which
  `end_contract` records. The table has no column for the termination date yet: it is kept as
  a business-history line (``terminated_on``) and read back from there; likewise the failure
  date of a plan (``failed_on``) and the deposit's fate at the glissement (``deposit``).
- A contract whose sliding plan still waits for its glissement cannot be ended: its outcome
  (glissement, failure with its reason, internal transfer) is recorded first, so the IML return
  counts every plan once. An extension has no reason of its own: its grounds are the review
  whose opinion was ``extend``.
- **A departure recorded after its month was generated** (an end, a transfer, a glissement,
  a rehousing) charges again what was generated from the departure's month on: the generated
  charges are reversed and the month is charged to the last day (`charges.correct_after_end`),
  whoever records the departure, as the generation would have done had it been known.
- **The glissement** (`slide`) also empties the deposit account: what is still held is
  recorded as transferred to the landlord or refunded, on the sublease's last day.
- **The glissement** (`slide`): ``slid_on`` is the first day of the lease in the household's
  own name. Intervals being inclusive (DOMAIN §0), the sublease, the main lease, the dwelling's
  presence in the stock (``returned_on``) and the stay all end on ``slid_on − 1 day``, the last
  day the association held the dwelling: the dwelling is then returned by glissement, never
  vacant. It is recorded once the lease has started or starts the next day (no exit in the
  future, as for stays).
- An **internal transfer** [mutation interne] (`transfer`) ends the contract the day before the
  new one starts, in the same transaction, on the same stay; a running plan of the old contract
  fails with the reason ``internal_transfer`` (which `fail` therefore refuses).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.households import check_occupancy
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import AccessContext, Actor
from desktop_app.domain.sliding import (
    PREFECT_INFORMATION,
    Reminder,
    SlidingSchedule,
    sliding_schedule,
)
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import HistoryValue, history_values, record_change
from desktop_app.persistence.models import (
    BenefitStatus,
    DepositEntry,
    Dwelling,
    Landlord,
    MainLease,
    OccupancyContract,
    Programme,
    RentRate,
    SlidingPlan,
    SlidingReview,
    Stay,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.charges import correct_after_end
from desktop_app.services.dto import Changes
from desktop_app.services.households import household_access
from desktop_app.services.parameters import parameters_in

EDIT: Final = "contract.edit"
READ: Final = "household.read"

SLIDING: Final = "sliding_sublease"
RESIDENCE_AGREEMENT: Final = "residence_agreement"
KINDS_BY_PROGRAMME: Final[Mapping[str, frozenset[str]]] = {
    "iml_sublease": frozenset({"sublease", SLIDING}),
    "sliding_lease": frozenset({SLIDING}),
    "iml_mandate": frozenset({"lease_mandate"}),
    "boarding_house": frozenset({RESIDENCE_AGREEMENT}),
    "reception_residence": frozenset({RESIDENCE_AGREEMENT}),
}
DEPOSIT_FATES: Final = ("transferred", "refunded")
RUNNING: Final = frozenset({"in_progress", "extended"})

_ONE_DAY: Final = timedelta(days=1)
_REASON_MAX: Final = 300  # OccupancyContract.end_reason, SlidingPlan.caleol_decision
_PARTICIPANTS_MAX: Final = 500  # SlidingReview.participants
_LAST_DUE_DAY: Final = 31
_AMOUNTS: Final = ("rent", "charges", "mandatory_services", "optional_services", "expected_benefit")
_RATE_FIELDS: Final = (*_AMOUNTS, "tiers_payant", "due_day")
# Values kept in the business history for want of a column (module docstring).
_TERMINATED_ON: Final = "terminated_on"
_FAILED_ON: Final = "failed_on"
_DEPOSIT: Final = "deposit"


# ------------------------------------------------------------------ inputs and DTOs


@dataclass(frozen=True, slots=True)
class RateInput:
    """The rate of a contract from a date (DOMAIN §2 RentRate); amounts in integer cents.

    A float is a programming error (refused here, as by `MoneyType`); a negative amount or a
    due day outside 1–31 is the user's to correct and is reported by the service with the
    other issues.
    """

    rent: int
    charges: int = 0
    mandatory_services: int = 0
    optional_services: int = 0
    expected_benefit: int = 0
    tiers_payant: bool = False
    due_day: int = 5

    def __post_init__(self) -> None:
        for name in (*_AMOUNTS, "due_day"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} must be an int (cents), not {type(value).__name__}")


@dataclass(frozen=True, slots=True)
class ReviewCriteria:
    """The four criteria of a periodic review; None when the review did not decide it."""

    rent_paid_regularly: bool | None = None
    peaceful_occupation: bool | None = None
    tenant_obligations: bool | None = None
    administrative_autonomy: bool | None = None


@dataclass(frozen=True, slots=True)
class RateInfo:
    """A dated rate of a contract."""

    valid_from: date
    rent: int
    charges: int
    mandatory_services: int
    optional_services: int
    expected_benefit: int
    tiers_payant: bool
    due_day: int


@dataclass(frozen=True, slots=True)
class BenefitStatusInfo:
    """The housing benefit's status from a date (code of `vocabulary.BENEFIT_STATUS`)."""

    valid_from: date
    status: str


@dataclass(frozen=True, slots=True)
class ReviewInfo:
    """A periodic review [examen périodique] of a sliding plan."""

    review_id: int
    review_date: date
    participants: str | None
    criteria: ReviewCriteria
    opinion: str


@dataclass(frozen=True, slots=True)
class SlidingPlanInfo:
    """A convention de glissement, its reviews and where its calendar stands.

    ``schedule`` and ``reminders`` are computed on the day the file was asked for (`on` of
    `contract_file`; today for the result of a change). ``failed_on`` and ``deposit`` come from
    the business history (see the module docstring).
    """

    plan_id: int
    convention_signed_on: date | None
    review_period_months: int
    max_months: int
    caleol_date: date | None
    caleol_decision: str | None
    planned_on: date | None
    slid_on: date | None
    outcome: str
    failure_reason: str | None
    failed_on: date | None
    deposit: str | None
    reviews: tuple[ReviewInfo, ...]
    schedule: SlidingSchedule
    reminders: tuple[Reminder, ...]


@dataclass(frozen=True, slots=True)
class ContractInfo:
    """A contract as the household's file shows it."""

    contract_id: int
    household_id: int
    dwelling_id: int
    dwelling_reference: str
    programme_kind: str
    stay_id: int | None
    kind: str
    start: date
    end: date | None
    renewal_date: date | None
    state: str
    end_reason: str | None
    terminated_on: date | None
    rates: tuple[RateInfo, ...]
    benefit_statuses: tuple[BenefitStatusInfo, ...]
    plan: SlidingPlanInfo | None


@dataclass(frozen=True, slots=True)
class TransferInfo:
    """An internal transfer: the contract ended and the one created on the same stay."""

    ended: ContractInfo
    created: ContractInfo


@dataclass(frozen=True, slots=True)
class GlissementInfo:
    """What a glissement changed, in one transaction.

    ``deposit`` (``transferred`` or ``refunded``) is recorded in the security log and the
    business history only: there is no deposit account yet.
    """

    contract: ContractInfo
    slid_on: date
    last_day: date
    deposit: str
    stay_id: int
    dwelling_id: int
    main_lease_ids: tuple[int, ...]
    changes: Changes


# ------------------------------------------------------------------ small helpers


class _Writer:
    """The actor's identity and household, for the audit events and history lines of a call."""

    def __init__(self, session: Session, actor: Actor, household_id: int) -> None:
        self.session = session
        self.name, self.user_id = audit_identity(actor)
        self.household_id = household_id

    def event(
        self,
        action: str,
        entity: str,
        entity_id: int,
        fields: Sequence[str],
        *,
        household: bool = True,
    ) -> None:
        """One audit event (field names only) for one created or updated record."""
        audit.record(
            self.session,
            actor=self.name,
            user_id=self.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            household_id=self.household_id if household else None,
            fields=fields,
        )

    def history(
        self,
        entity: str,
        entity_id: int,
        changes: Iterable[tuple[str, HistoryValue, HistoryValue]],
        *,
        household: bool = True,
    ) -> None:
        """Old → new lines; the stock's records (dwelling, main lease) belong to no household."""
        for field, old, new in changes:
            record_change(
                self.session,
                user_id=self.user_id,
                household_id=self.household_id if household else None,
                entity=entity,
                entity_id=entity_id,
                field=field,
                old=old,
                new=new,
            )


def _go_live(parameters: Parameters, on: date) -> date | None:
    value = parameters.get("go_live_date", on)
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _context(
    session: Session, actor: Actor, household_id: int, dwelling: Dwelling
) -> AccessContext:
    """The household's access context, widened to the dwelling the contract is about.

    A worker scoped to a programme may act on contracts in its dwellings; a host may give a
    household a room of their own house (it becomes their resident by this contract).
    """
    base = household_access(session, actor, household_id)
    residence = dwelling.residence_id
    hosted = residence is not None and any(
        grant.role == "host" and grant.residence_id in (None, residence) for grant in actor.grants
    )
    return AccessContext(
        programme_ids=base.programme_ids | {dwelling.programme_id},
        residence_ids=base.residence_ids | ({residence} if residence is not None else set()),
        caseload=base.caseload,
        resident=base.resident or hosted,
        parameters=base.parameters,
    )


def _contract_for_edit(session: Session, actor: Actor, contract_id: int) -> OccupancyContract:
    """The contract, once the actor is known to be allowed to edit it."""
    contract = session.get(OccupancyContract, contract_id)
    if contract is None:
        raise RefusedError("contract.unknown")
    dwelling = session.get(Dwelling, contract.dwelling_id)
    assert dwelling is not None
    require(actor, EDIT, _context(session, actor, contract.household_id, dwelling))
    return contract


def _require_active(contract: OccupancyContract) -> None:
    if contract.state != "active":
        raise RefusedError("contract.not_active", state=v.CONTRACT_STATE.label(contract.state))


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _reason_issues(reason: str | None, *, required: bool) -> list[ValidationIssue]:
    text = (reason or "").strip()
    if not text:
        return [ValidationIssue("reason", "contract.reason_required")] if required else []
    if len(text) > _REASON_MAX:
        return [ValidationIssue("reason", "contract.reason_too_long", {"maximum": _REASON_MAX})]
    return []


def _rate_issues(rate: RateInput) -> list[ValidationIssue]:
    issues = [
        ValidationIssue(name, "rate.amount_negative")
        for name in _AMOUNTS
        if getattr(rate, name) < 0
    ]
    if not 1 <= rate.due_day <= _LAST_DUE_DAY:
        issues.append(ValidationIssue("due_day", "rate.due_day_invalid", {"value": rate.due_day}))
    return issues


def _rate_values(rate: RateInput | RentRate | None) -> dict[str, HistoryValue]:
    """The components of a rate, by name (all None when there is none)."""
    return {name: None if rate is None else getattr(rate, name) for name in _RATE_FIELDS}


def _start(contract: OccupancyContract) -> dict[str, object]:
    """The parameters of a message about the contract start."""
    return {"start": format_date(contract.start_date)}


def _after_end(contract: OccupancyContract, day: date) -> dict[str, object] | None:
    """The parameters of a message about a day after the contract end; None when it is not."""
    if contract.end_date is None or day <= contract.end_date:
        return None
    return {"end": format_date(contract.end_date)}


# ------------------------------------------------------------------ the file (read side)


def _as_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _plan_infos(
    session: Session, contracts: Mapping[int, OccupancyContract], on: date
) -> dict[int, SlidingPlanInfo]:
    plans = list(
        session.scalars(select(SlidingPlan).where(SlidingPlan.contract_id.in_(list(contracts))))
    )
    if not plans:
        return {}
    reviews: dict[int, list[ReviewInfo]] = defaultdict(list)
    for review in session.scalars(
        select(SlidingReview)
        .where(SlidingReview.plan_id.in_([plan.id for plan in plans]))
        .order_by(SlidingReview.review_date, SlidingReview.id)
    ):
        criteria = ReviewCriteria(
            review.rent_paid_regularly,
            review.peaceful_occupation,
            review.tenant_obligations,
            review.administrative_autonomy,
        )
        reviews[review.plan_id].append(
            ReviewInfo(review.id, review.review_date, review.participants, criteria, review.opinion)
        )
    kept = history_values(session, "sliding_plan", [p.id for p in plans], (_FAILED_ON, _DEPOSIT))
    parameters = parameters_in(session)
    go_live = _go_live(parameters, on)
    # The préfet is informed by an HLM landlord only (DOMAIN §7): no reminder otherwise.
    social = set(
        session.scalars(
            select(OccupancyContract.id)
            .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
            .join(Landlord, Landlord.id == Dwelling.landlord_id)
            .where(
                OccupancyContract.id.in_([plan.contract_id for plan in plans]),
                Landlord.kind == "social",
            )
        )
    )
    infos: dict[int, SlidingPlanInfo] = {}
    for plan in plans:
        held = reviews[plan.id]
        schedule = sliding_schedule(
            contract_start=contracts[plan.contract_id].start_date,
            review_period_months=plan.review_period_months,
            max_months=plan.max_months,
            reviews=[review.review_date for review in held],
            landlord_bilan_months_before=parameters.int("sliding.landlord_bilan_months_before", on),
            on=on,
        )
        infos[plan.contract_id] = SlidingPlanInfo(
            plan_id=plan.id,
            convention_signed_on=plan.convention_signed_on,
            review_period_months=plan.review_period_months,
            max_months=plan.max_months,
            caleol_date=plan.caleol_date,
            caleol_decision=plan.caleol_decision,
            planned_on=plan.planned_on,
            slid_on=plan.slid_on,
            outcome=plan.outcome,
            failure_reason=plan.failure_reason,
            failed_on=_as_date(kept.get((plan.id, _FAILED_ON))),
            deposit=kept.get((plan.id, _DEPOSIT)),
            reviews=tuple(held),
            schedule=schedule,
            reminders=tuple(
                reminder
                for reminder in schedule.reminders(on, outcome=plan.outcome, go_live=go_live)
                if reminder.code != PREFECT_INFORMATION or plan.contract_id in social
            ),
        )
    return infos


def _infos(session: Session, where: ColumnElement[bool], on: date) -> list[ContractInfo]:
    """Contracts matching ``where`` with their rates, statuses and plan: a fixed few queries."""
    session.flush()
    rows = session.execute(
        select(OccupancyContract, Dwelling.reference, Programme.kind)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .join(Programme, Programme.id == Dwelling.programme_id)
        .where(where)
        .order_by(OccupancyContract.start_date.desc(), OccupancyContract.id.desc())
    ).all()
    contracts = {contract.id: contract for contract, _, _ in rows}
    if not contracts:
        return []
    ids = list(contracts)
    rates: dict[int, list[RateInfo]] = defaultdict(list)
    for rate in session.scalars(
        select(RentRate).where(RentRate.contract_id.in_(ids)).order_by(RentRate.valid_from)
    ):
        rates[rate.contract_id].append(
            RateInfo(
                rate.valid_from,
                rate.rent,
                rate.charges,
                rate.mandatory_services,
                rate.optional_services,
                rate.expected_benefit,
                rate.tiers_payant,
                rate.due_day,
            )
        )
    statuses: dict[int, list[BenefitStatusInfo]] = defaultdict(list)
    for status in session.scalars(
        select(BenefitStatus)
        .where(BenefitStatus.contract_id.in_(ids))
        .order_by(BenefitStatus.valid_from)
    ):
        statuses[status.contract_id].append(BenefitStatusInfo(status.valid_from, status.status))
    terminated = history_values(session, "occupancy_contract", ids, (_TERMINATED_ON,))
    plans = _plan_infos(session, contracts, on)
    return [
        ContractInfo(
            contract_id=contract.id,
            household_id=contract.household_id,
            dwelling_id=contract.dwelling_id,
            dwelling_reference=reference,
            programme_kind=programme_kind,
            stay_id=contract.stay_id,
            kind=contract.kind,
            start=contract.start_date,
            end=contract.end_date,
            renewal_date=contract.renewal_date,
            state=contract.state,
            end_reason=contract.end_reason,
            terminated_on=_as_date(terminated.get((contract.id, _TERMINATED_ON))),
            rates=tuple(rates[contract.id]),
            benefit_statuses=tuple(statuses[contract.id]),
            plan=plans.get(contract.id),
        )
        for contract, reference, programme_kind in rows
    ]


def _info(session: Session, contract_id: int, on: date | None = None) -> ContractInfo:
    [info] = _infos(session, OccupancyContract.id == contract_id, on or date.today())
    return info


@service_action(READ)
def contract_file(
    database: Database, *, actor: Actor, household_id: int, on: date | None = None
) -> list[ContractInfo]:
    """The household's contracts, newest first, with the sliding calendar as of ``on``.

    Raises:
        RefusedError: the household is outside the actor's scope.
    """
    day = on or date.today()

    def read(session: Session) -> list[ContractInfo]:
        require(actor, READ, household_access(session, actor, household_id))
        return _infos(session, OccupancyContract.household_id == household_id, day)

    return database.run_read(read)


# ------------------------------------------------------------------ creating a contract


@dataclass(frozen=True, slots=True)
class NewContract:
    """What a new contract records (`create_contract`, and an admission with its stay)."""

    household_id: int
    dwelling_id: int
    kind: str
    start: date
    end: date | None
    renewal_date: date | None
    stay_id: int | None
    rate: RateInput


def _input_issues(new: NewContract) -> list[ValidationIssue]:
    """What can be said of a new contract without reading the database."""
    issues = _rate_issues(new.rate)
    if new.kind not in v.CONTRACT_KIND:
        issues.append(ValidationIssue("kind", "contract.kind_unknown", {"value": new.kind}))
    if new.end is not None and new.end < new.start:
        issues.append(
            ValidationIssue(
                "end",
                "contract.end_before_start",
                {"start": format_date(new.start), "end": format_date(new.end)},
            )
        )
    if new.renewal_date is not None and new.renewal_date < new.start:
        issues.append(
            ValidationIssue(
                "renewal_date", "contract.renewal_before_start", {"start": format_date(new.start)}
            )
        )
    return issues


def _kind_issues(
    new: NewContract, dwelling: Dwelling, programme: Programme
) -> list[ValidationIssue]:
    if new.kind not in v.CONTRACT_KIND:
        return []  # already reported
    if new.kind == RESIDENCE_AGREEMENT and dwelling.residence_id is None:
        return [ValidationIssue("kind", "contract.residence_required")]
    allowed = KINDS_BY_PROGRAMME.get(programme.kind, frozenset())
    if dwelling.residence_id is not None:
        allowed = allowed & {RESIDENCE_AGREEMENT}
    if new.kind in allowed:
        return []
    return [
        ValidationIssue(
            "kind",
            "contract.kind_not_allowed",
            {"kind": v.CONTRACT_KIND.label(new.kind), "programme": programme.name},
        )
    ]


def _stock_issues(session: Session, new: NewContract, dwelling: Dwelling) -> list[ValidationIssue]:
    """The dwelling must be in the stock on the first day, and not over-occupied on any day."""
    issues: list[ValidationIssue] = []
    if dwelling.returned_on is not None and dwelling.returned_on < new.start:
        issues.append(
            ValidationIssue(
                "start",
                "contract.dwelling_returned",
                {"returned_on": format_date(dwelling.returned_on)},
            )
        )
    if dwelling.captured_on is not None and dwelling.captured_on > new.start:
        issues.append(
            ValidationIssue(
                "start",
                "contract.before_capture",
                {"captured_on": format_date(dwelling.captured_on)},
            )
        )
    spans: list[tuple[date, date | None]] = [
        (start, end)
        for start, end in session.execute(
            select(OccupancyContract.start_date, OccupancyContract.end_date).where(
                OccupancyContract.dwelling_id == dwelling.id
            )
        )
    ]
    if new.end is None or new.end >= new.start:
        issues += check_occupancy([*spans, (new.start, new.end)], lots=dwelling.lots)
    return issues


def _stay_for(
    session: Session, new: NewContract, programme_id: int
) -> tuple[int | None, list[ValidationIssue]]:
    """The stay the contract belongs to (given, or the one covering the start), and issues."""
    if new.stay_id is None:
        covering = list(
            session.scalars(
                select(Stay.id).where(
                    Stay.household_id == new.household_id,
                    Stay.programme_id == programme_id,
                    Stay.entry_date <= new.start,
                    or_(Stay.exit_date.is_(None), Stay.exit_date >= new.start),
                )
            )
        )
        return (covering[0] if len(covering) == 1 else None), []
    stay = session.get(Stay, new.stay_id)
    if stay is None or stay.household_id != new.household_id:
        return None, [ValidationIssue("stay", "contract.stay_mismatch")]
    if stay.programme_id != programme_id:
        return None, [ValidationIssue("stay", "contract.stay_programme")]
    if new.start < stay.entry_date or (stay.exit_date is not None and new.start > stay.exit_date):
        return None, [
            ValidationIssue("start", "contract.outside_stay", {"start": format_date(new.start)})
        ]
    return stay.id, []


def _add_rate(
    writer: _Writer, contract: OccupancyContract, valid_from: date, rate: RateInput
) -> RentRate:
    row = RentRate(
        contract_id=contract.id,
        valid_from=valid_from,
        rent=rate.rent,
        charges=rate.charges,
        mandatory_services=rate.mandatory_services,
        optional_services=rate.optional_services,
        expected_benefit=rate.expected_benefit,
        tiers_payant=rate.tiers_payant,
        due_day=rate.due_day,
    )
    writer.session.add(row)
    writer.session.flush()
    writer.event("create", "rent_rate", row.id, ("valid_from", *_RATE_FIELDS))
    return row


def _add_status(
    writer: _Writer, contract: OccupancyContract, valid_from: date, status: str
) -> BenefitStatus:
    row = BenefitStatus(contract_id=contract.id, valid_from=valid_from, status=status)
    writer.session.add(row)
    writer.session.flush()
    writer.event("create", "benefit_status", row.id, ("valid_from", "status"))
    return row


def _add_plan(writer: _Writer, contract: OccupancyContract) -> SlidingPlan:
    parameters = parameters_in(writer.session)
    plan = SlidingPlan(
        contract_id=contract.id,
        review_period_months=parameters.int("sliding.review_months", contract.start_date),
        max_months=parameters.int("sliding.max_months", contract.start_date),
        outcome="in_progress",
    )
    writer.session.add(plan)
    writer.session.flush()
    writer.event("create", "sliding_plan", plan.id, ("review_period_months", "max_months"))
    writer.history("sliding_plan", plan.id, [("outcome", None, "in_progress")])
    return plan


def _create(session: Session, actor: Actor, new: NewContract) -> OccupancyContract:
    """Check and insert a contract with its first rate, benefit status and sliding plan."""
    dwelling = session.get(Dwelling, new.dwelling_id)
    if dwelling is None:
        raise RefusedError("contract.dwelling_unknown")
    require(actor, EDIT, _context(session, actor, new.household_id, dwelling))
    programme = session.get(Programme, dwelling.programme_id)
    assert programme is not None
    stay_id, stay_issues = _stay_for(session, new, programme.id)
    _raise(
        _input_issues(new)
        + _kind_issues(new, dwelling, programme)
        + stay_issues
        + _stock_issues(session, new, dwelling)
    )
    contract = OccupancyContract(
        household_id=new.household_id,
        dwelling_id=dwelling.id,
        stay_id=stay_id,
        kind=new.kind,
        start_date=new.start,
        end_date=new.end,
        renewal_date=new.renewal_date,
        state="active",
    )
    session.add(contract)
    session.flush()
    writer = _Writer(session, actor, new.household_id)
    writer.event(
        "create",
        "occupancy_contract",
        contract.id,
        ("dwelling_id", "stay_id", "kind", "start_date", "end_date", "renewal_date", "state"),
    )
    writer.history(
        "occupancy_contract",
        contract.id,
        [("start_date", None, new.start), ("end_date", None, new.end), ("state", None, "active")],
    )
    _add_rate(writer, contract, new.start, new.rate)
    if new.rate.tiers_payant:
        _add_status(writer, contract, new.start, "paid")
    if new.kind == SLIDING:
        _add_plan(writer, contract)
    return contract


def create_contract_in(session: Session, actor: Actor, new: NewContract) -> OccupancyContract:
    """Check and insert a contract in the caller's transaction (permission, audit, history).

    A helper for other services (an admission opens the stay and the contract together).

    Raises:
        InvalidInput: every issue found at once (kind, dates, amounts, over-occupation…).
        RefusedError: the actor may not edit this household's contracts, or no such dwelling.
    """
    return _create(session, actor, new)


@service_action(EDIT)
def create_contract(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    dwelling_id: int,
    kind: str,
    start: date,
    rate: RateInput,
    stay_id: int | None = None,
    renewal_date: date | None = None,
    end: date | None = None,
) -> ContractInfo:
    """Create a contract with its first rate (from ``start``).

    With ``tiers_payant`` the benefit is recorded as paid from the start; a sliding sublease
    gets its convention de glissement, with the review period and maximum in force that day.

    Raises:
        InvalidInput: every issue found at once (kind, dates, amounts, over-occupation…).
        RefusedError: the actor may not edit this household's contracts, or no such dwelling.
    """
    new = NewContract(household_id, dwelling_id, kind, start, end, renewal_date, stay_id, rate)

    def work(session: Session) -> ContractInfo:
        return _info(session, _create(session, actor, new).id)

    return database.run_write(work)


# ------------------------------------------------------------------ rates, benefit, renewal


def _rate_period_issues(contract: OccupancyContract, valid_from: date) -> list[ValidationIssue]:
    if valid_from < contract.start_date:
        return [ValidationIssue("valid_from", "rate.before_start", _start(contract))]
    if (end := _after_end(contract, valid_from)) is not None:
        return [ValidationIssue("valid_from", "rate.after_end", end)]
    return []


@service_action(EDIT)
def change_rate(
    database: Database, *, actor: Actor, contract_id: int, valid_from: date, rate: RateInput
) -> ContractInfo:
    """Record the rate in force from ``valid_from``; on an existing date it replaces that row.

    The history keeps old → new of every component that changed against the rate in force
    until then. Turning ``tiers_payant`` on for a contract that has no benefit status yet
    records the benefit as paid from the same day.

    Raises:
        InvalidInput: a negative amount, a due day outside 1–31, a date outside the contract.
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        _raise(_rate_issues(rate) + _rate_period_issues(contract, valid_from))
        writer = _Writer(session, actor, contract.household_id)
        previous = session.scalars(
            select(RentRate)
            .where(RentRate.contract_id == contract.id, RentRate.valid_from <= valid_from)
            .order_by(RentRate.valid_from.desc())
            .limit(1)
        ).first()
        old, new = _rate_values(previous), _rate_values(rate)
        changed = [name for name in new if new[name] != old[name]]
        if previous is not None and previous.valid_from == valid_from:
            if changed:
                for name in changed:
                    setattr(previous, name, new[name])
                session.flush()
                writer.event("update", "rent_rate", previous.id, changed)
            row_id = previous.id
        else:
            row_id = _add_rate(writer, contract, valid_from, rate).id
        writer.history("rent_rate", row_id, [(name, old[name], new[name]) for name in changed])
        has_status = session.scalars(
            select(BenefitStatus.id).where(
                BenefitStatus.contract_id == contract.id, BenefitStatus.valid_from <= valid_from
            )
        ).first()
        if rate.tiers_payant and has_status is None:
            _add_status(writer, contract, valid_from, "paid")
        return _info(session, contract.id)

    return database.run_write(work)


@service_action(EDIT)
def set_benefit_status(
    database: Database, *, actor: Actor, contract_id: int, valid_from: date, status: str
) -> ContractInfo:
    """Record the housing benefit's status from ``valid_from`` (same date: replaces it).

    Raises:
        InvalidInput: an unknown status, or a date outside the contract.
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        issues: list[ValidationIssue] = []
        if valid_from < contract.start_date:
            issues.append(
                ValidationIssue("valid_from", "contract.benefit_before_start", _start(contract))
            )
        elif (end := _after_end(contract, valid_from)) is not None:
            issues.append(ValidationIssue("valid_from", "contract.benefit_after_end", end))
        if status not in v.BENEFIT_STATUS:
            issues.append(
                ValidationIssue("status", "contract.benefit_status_unknown", {"value": status})
            )
        _raise(issues)
        writer = _Writer(session, actor, contract.household_id)
        previous = session.scalars(
            select(BenefitStatus)
            .where(BenefitStatus.contract_id == contract.id, BenefitStatus.valid_from <= valid_from)
            .order_by(BenefitStatus.valid_from.desc())
            .limit(1)
        ).first()
        old = previous.status if previous is not None else None
        if previous is not None and previous.valid_from == valid_from:
            if old != status:
                previous.status = status
                session.flush()
                writer.event("update", "benefit_status", previous.id, ("status",))
                writer.history("benefit_status", previous.id, [("status", old, status)])
        else:
            row = _add_status(writer, contract, valid_from, status)
            writer.history("benefit_status", row.id, [("status", old, status)])
        return _info(session, contract.id)

    return database.run_write(work)


@service_action(EDIT)
def set_renewal_date(
    database: Database, *, actor: Actor, contract_id: int, renewal_date: date | None
) -> ContractInfo:
    """Set (or clear) the date the contract is to be renewed, which raises a reminder (§7).

    Raises:
        InvalidInput: a renewal before the start.
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        if renewal_date is not None and renewal_date < contract.start_date:
            _raise(
                [
                    ValidationIssue(
                        "renewal_date",
                        "contract.renewal_before_start",
                        {"start": format_date(contract.start_date)},
                    )
                ]
            )
        if contract.renewal_date != renewal_date:
            writer = _Writer(session, actor, contract.household_id)
            writer.history(
                "occupancy_contract",
                contract.id,
                [("renewal_date", contract.renewal_date, renewal_date)],
            )
            contract.renewal_date = renewal_date
            session.flush()
            writer.event("update", "occupancy_contract", contract.id, ("renewal_date",))
        return _info(session, contract.id)

    return database.run_write(work)


# ------------------------------------------------------------------ termination and end


@service_action(EDIT)
def terminate(
    database: Database, *, actor: Actor, contract_id: int, on: date, reason: str
) -> ContractInfo:
    """Record the résiliation: the household becomes an occupant without title.

    The contract stays open (no end): charges go on as an indemnité d'occupation until the
    departure, recorded with `end_contract`.

    Raises:
        RefusedError: the contract is not active.
        InvalidInput: a date before the start, a missing or too long reason.
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        _require_active(contract)
        issues = _reason_issues(reason, required=True)
        if on < contract.start_date:
            issues.append(
                ValidationIssue(
                    "on",
                    "contract.terminated_before_start",
                    {"start": format_date(contract.start_date)},
                )
            )
        _raise(issues)
        writer = _Writer(session, actor, contract.household_id)
        writer.history(
            "occupancy_contract",
            contract.id,
            [("state", contract.state, "terminated_occupant"), (_TERMINATED_ON, None, on)],
        )
        contract.state = "terminated_occupant"
        contract.end_reason = reason.strip()
        session.flush()
        writer.event(
            "update", "occupancy_contract", contract.id, ("state", "end_reason", _TERMINATED_ON)
        )
        return _info(session, contract.id)

    return database.run_write(work)


def _end_issues(session: Session, contract: OccupancyContract, end: date) -> list[ValidationIssue]:
    """An end must not come before the start nor before a dated row of the contract."""
    if end < contract.start_date:
        return [
            ValidationIssue(
                "end",
                "contract.end_before_start",
                {"start": format_date(contract.start_date), "end": format_date(end)},
            )
        ]
    issues: list[ValidationIssue] = []
    last_rate = session.scalars(
        select(RentRate.valid_from)
        .where(RentRate.contract_id == contract.id, RentRate.valid_from > end)
        .order_by(RentRate.valid_from.desc())
        .limit(1)
    ).first()
    if last_rate is not None:
        issues.append(
            ValidationIssue(
                "end", "contract.end_before_rate", {"valid_from": format_date(last_rate)}
            )
        )
    last_status = session.scalars(
        select(BenefitStatus.valid_from)
        .where(BenefitStatus.contract_id == contract.id, BenefitStatus.valid_from > end)
        .order_by(BenefitStatus.valid_from.desc())
        .limit(1)
    ).first()
    if last_status is not None:
        issues.append(
            ValidationIssue(
                "end",
                "contract.end_before_benefit_status",
                {"valid_from": format_date(last_status)},
            )
        )
    return issues


def _close(
    writer: _Writer, actor: Actor, contract: OccupancyContract, end: date, reason: str | None
) -> None:
    """End the contract on ``end`` (last day), keeping the previous reason when none is given.

    The months already generated beyond the departure are charged again, prorated
    (`charges.correct_after_end`).
    """
    writer.history(
        "occupancy_contract",
        contract.id,
        [("end_date", contract.end_date, end), ("state", contract.state, "ended")],
    )
    contract.end_date = end
    contract.state = "ended"
    if reason and reason.strip():
        contract.end_reason = reason.strip()
    writer.session.flush()
    writer.event("update", "occupancy_contract", contract.id, ("end_date", "state", "end_reason"))
    correct_after_end(writer.session, actor, contract.id)


def _plan_of(session: Session, contract: OccupancyContract) -> SlidingPlan | None:
    return session.scalars(
        select(SlidingPlan).where(SlidingPlan.contract_id == contract.id)
    ).first()


@service_action(EDIT)
def end_contract(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    end: date,
    reason: str | None = None,
) -> ContractInfo:
    """Record the end (the departure, last day) of an active or terminated contract.

    ``reason`` is required for an active contract; after a termination it may be left out to
    keep the termination's reason.

    Raises:
        RefusedError: the contract already ended, or its sliding plan still runs.
        InvalidInput: an end before the start, a rate or a benefit status; a missing reason.
    """

    def work(session: Session) -> ContractInfo:
        contract = end_contract_in(session, actor, contract_id, end=end, reason=reason)
        return _info(session, contract.id)

    return database.run_write(work)


def end_contract_in(
    session: Session, actor: Actor, contract_id: int, *, end: date, reason: str | None
) -> OccupancyContract:
    """`end_contract` in the caller's transaction (a rehousing ends the contract with the stay).

    Raises:
        RefusedError: not allowed, the contract already ended, or its sliding plan still runs.
        InvalidInput: an end before the start, a rate or a benefit status; a missing reason.
    """
    contract = _contract_for_edit(session, actor, contract_id)
    if contract.state == "ended":
        raise RefusedError("contract.already_ended")
    plan = _plan_of(session, contract)
    if plan is not None and plan.outcome in RUNNING:
        raise RefusedError("sliding.plan_running")
    _raise(
        _reason_issues(reason, required=contract.state == "active")
        + _end_issues(session, contract, end)
    )
    _close(_Writer(session, actor, contract.household_id), actor, contract, end, reason)
    return contract


# ------------------------------------------------------------------ the sliding plan


def _running_plan(session: Session, actor: Actor, contract: OccupancyContract) -> SlidingPlan:
    """The sliding plan of the contract, refused unless it still waits for its glissement."""
    if contract.kind != SLIDING:
        raise RefusedError("sliding.not_sliding")
    plan = _plan_of(session, contract)
    if plan is None:  # a contract written by another path (an import): give it its convention
        plan = _add_plan(_Writer(session, actor, contract.household_id), contract)
    if plan.outcome == "slid":
        assert plan.slid_on is not None
        raise RefusedError("sliding.already_slid", slid_on=format_date(plan.slid_on))
    if plan.outcome == "failed":
        raise RefusedError("sliding.already_failed")
    return plan


@service_action(EDIT)
def record_review(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    review_date: date,
    participants: str | None,
    criteria: ReviewCriteria,
    opinion: str,
) -> ContractInfo:
    """Record a periodic review [examen périodique]; it answers the review reminders (§7).

    Raises:
        RefusedError: not a sliding sublease, not active, or its plan is over.
        InvalidInput: an unknown opinion, a date before the start, participants too long.
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        plan = _running_plan(session, actor, contract)
        _require_active(contract)
        issues: list[ValidationIssue] = []
        if review_date < contract.start_date:
            issues.append(
                ValidationIssue("review_date", "sliding.review_before_start", _start(contract))
            )
        if opinion not in v.SLIDING_OPINION:
            issues.append(ValidationIssue("opinion", "sliding.opinion_unknown", {"value": opinion}))
        names = (participants or "").strip() or None
        if names is not None and len(names) > _PARTICIPANTS_MAX:
            issues.append(
                ValidationIssue(
                    "participants", "sliding.participants_too_long", {"maximum": _PARTICIPANTS_MAX}
                )
            )
        _raise(issues)
        review = SlidingReview(
            plan_id=plan.id,
            review_date=review_date,
            participants=names,
            rent_paid_regularly=criteria.rent_paid_regularly,
            peaceful_occupation=criteria.peaceful_occupation,
            tenant_obligations=criteria.tenant_obligations,
            administrative_autonomy=criteria.administrative_autonomy,
            opinion=opinion,
        )
        session.add(review)
        session.flush()
        writer = _Writer(session, actor, contract.household_id)
        writer.event(
            "create",
            "sliding_review",
            review.id,
            (
                "review_date",
                "participants",
                "rent_paid_regularly",
                "peaceful_occupation",
                "tenant_obligations",
                "administrative_autonomy",
                "opinion",
            ),
        )
        writer.history(
            "sliding_review",
            review.id,
            [("review_date", None, review_date), ("opinion", None, opinion)],
        )
        return _info(session, contract.id)

    return database.run_write(work)


@service_action(EDIT)
def set_caleol(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    caleol_date: date | None,
    decision: str | None,
) -> ContractInfo:
    """Record the CALEOL (the landlord's attribution commission) date and its decision.

    Raises:
        RefusedError: not a sliding sublease, not active, or its plan is over.
        InvalidInput: a date before the start, a decision too long.
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        plan = _running_plan(session, actor, contract)
        _require_active(contract)
        text = (decision or "").strip() or None
        issues: list[ValidationIssue] = []
        if caleol_date is not None and caleol_date < contract.start_date:
            issues.append(
                ValidationIssue("caleol_date", "sliding.caleol_before_start", _start(contract))
            )
        if text is not None and len(text) > _REASON_MAX:
            issues.append(
                ValidationIssue("decision", "sliding.decision_too_long", {"maximum": _REASON_MAX})
            )
        _raise(issues)
        changed = [
            name
            for name, old, new in (
                ("caleol_date", plan.caleol_date, caleol_date),
                ("caleol_decision", plan.caleol_decision, text),
            )
            if old != new
        ]
        if changed:
            writer = _Writer(session, actor, contract.household_id)
            writer.history(
                "sliding_plan", plan.id, [("caleol_date", plan.caleol_date, caleol_date)]
            )
            plan.caleol_date, plan.caleol_decision = caleol_date, text
            session.flush()
            writer.event("update", "sliding_plan", plan.id, changed)
        return _info(session, contract.id)

    return database.run_write(work)


@service_action(EDIT)
def set_convention(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    signed_on: date | None,
    today: date | None = None,
) -> ContractInfo:
    """Record the signature date of the tripartite convention of a sliding sublease.

    Raises:
        RefusedError: not a sliding sublease, not active, or its plan is over.
        InvalidInput: a date in the future.
    """
    today = today or date.today()

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        plan = _running_plan(session, actor, contract)
        _require_active(contract)
        if signed_on is not None and signed_on > today:
            _raise([ValidationIssue("signed_on", "sliding.convention_in_future")])
        if plan.convention_signed_on != signed_on:
            writer = _Writer(session, actor, contract.household_id)
            writer.history(
                "sliding_plan",
                plan.id,
                [("convention_signed_on", plan.convention_signed_on, signed_on)],
            )
            plan.convention_signed_on = signed_on
            session.flush()
            writer.event("update", "sliding_plan", plan.id, ["convention_signed_on"])
        return _info(session, contract.id)

    return database.run_write(work)


@service_action(EDIT)
def plan_glissement(
    database: Database, *, actor: Actor, contract_id: int, planned_on: date | None
) -> ContractInfo:
    """Set (or clear) the date the glissement is planned for.

    Raises:
        RefusedError: not a sliding sublease, not active, or its plan is over.
        InvalidInput: a date on or before the start (the sublease must last at least a day).
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        plan = _running_plan(session, actor, contract)
        _require_active(contract)
        if planned_on is not None and planned_on <= contract.start_date:
            _raise(
                [
                    ValidationIssue(
                        "planned_on",
                        "sliding.planned_before_start",
                        {"start": format_date(contract.start_date)},
                    )
                ]
            )
        if plan.planned_on != planned_on:
            writer = _Writer(session, actor, contract.household_id)
            writer.history("sliding_plan", plan.id, [("planned_on", plan.planned_on, planned_on)])
            plan.planned_on = planned_on
            session.flush()
            writer.event("update", "sliding_plan", plan.id, ("planned_on",))
        return _info(session, contract.id)

    return database.run_write(work)


@service_action(EDIT)
def extend(database: Database, *, actor: Actor, contract_id: int) -> ContractInfo:
    """Record that the sublease is extended past its maximum (outcome ``extended``).

    The grounds are the review whose opinion was ``extend``; extending an extended plan
    changes nothing. Reviews go on, the deadline reminder stops.

    Raises:
        RefusedError: not a sliding sublease, not active, or its plan is over.
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        plan = _running_plan(session, actor, contract)
        _require_active(contract)
        if plan.outcome != "extended":
            writer = _Writer(session, actor, contract.household_id)
            writer.history("sliding_plan", plan.id, [("outcome", plan.outcome, "extended")])
            plan.outcome = "extended"
            session.flush()
            writer.event("update", "sliding_plan", plan.id, ("outcome",))
        return _info(session, contract.id)

    return database.run_write(work)


def _fail_plan(writer: _Writer, plan: SlidingPlan, on: date, reason: str) -> None:
    writer.history(
        "sliding_plan",
        plan.id,
        [
            ("outcome", plan.outcome, "failed"),
            ("failure_reason", None, reason),
            (_FAILED_ON, None, on),
        ],
    )
    plan.outcome, plan.failure_reason = "failed", reason
    writer.session.flush()
    writer.event("update", "sliding_plan", plan.id, ("outcome", "failure_reason", _FAILED_ON))


@service_action(EDIT)
def fail(
    database: Database, *, actor: Actor, contract_id: int, on: date, reason: str
) -> ContractInfo:
    """Record that the glissement will not happen, with its reason (§2 SlidingPlan).

    The contract itself goes on until it is ended; an internal transfer goes through
    `transfer`, which also creates the new contract.

    Raises:
        RefusedError: not a sliding sublease, the plan is over, or the reason is a transfer.
        InvalidInput: an unknown reason, a date before the start.
    """

    def work(session: Session) -> ContractInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        plan = _running_plan(session, actor, contract)
        if reason == "internal_transfer":
            raise RefusedError("sliding.use_transfer")
        issues: list[ValidationIssue] = []
        if on < contract.start_date:
            issues.append(ValidationIssue("on", "sliding.failed_before_start", _start(contract)))
        if reason not in v.SLIDING_FAILURE_REASON:
            issues.append(
                ValidationIssue("reason", "sliding.failure_reason_unknown", {"value": reason})
            )
        _raise(issues)
        _fail_plan(_Writer(session, actor, contract.household_id), plan, on, reason)
        return _info(session, contract.id)

    return database.run_write(work)


@service_action(EDIT)
def transfer(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    new_dwelling_id: int,
    start: date,
    rate: RateInput,
    kind: str | None = None,
) -> TransferInfo:
    """Move the household to another dwelling of the programme [mutation interne].

    In one transaction: the contract ends the day before ``start``, a new one (of the same
    kind unless ``kind`` is given) starts on ``start`` on the same stay, and a running sliding
    plan of the old contract fails with the reason ``internal_transfer``.

    Raises:
        RefusedError: the contract is not active, the dwelling is the same or unknown.
        InvalidInput: the old contract cannot end the day before (a later rate…), or the new
            one has issues (kind, stay, over-occupation…).
    """

    def work(session: Session) -> TransferInfo:
        old = _contract_for_edit(session, actor, contract_id)
        _require_active(old)
        if new_dwelling_id == old.dwelling_id:
            raise RefusedError("contract.same_dwelling")
        if start <= old.start_date:
            _raise(
                [
                    ValidationIssue(
                        "start",
                        "contract.transfer_before_start",
                        {"start": format_date(old.start_date)},
                    )
                ]
            )
        last_day = start - _ONE_DAY
        _raise(_end_issues(session, old, last_day))
        plan = _plan_of(session, old)
        writer = _Writer(session, actor, old.household_id)
        if plan is not None and plan.outcome in RUNNING:
            _fail_plan(writer, plan, start, "internal_transfer")
        _close(writer, actor, old, last_day, v.SLIDING_FAILURE_REASON.label("internal_transfer"))
        new = NewContract(
            old.household_id,
            new_dwelling_id,
            kind or old.kind,
            start,
            None,
            None,
            old.stay_id,
            rate,
        )
        created = _create(session, actor, new)
        return TransferInfo(_info(session, old.id), _info(session, created.id))

    return database.run_write(work)


# ------------------------------------------------------------------ the glissement


def _stay_to_close(session: Session, contract: OccupancyContract, last_day: date) -> Stay:
    """The contract's stay, or the household's only open stay in the dwelling's programme."""
    if contract.stay_id is not None:
        stay = session.get(Stay, contract.stay_id)
    else:
        dwelling = session.get(Dwelling, contract.dwelling_id)
        assert dwelling is not None
        candidates = list(
            session.scalars(
                select(Stay).where(
                    Stay.household_id == contract.household_id,
                    Stay.programme_id == dwelling.programme_id,
                    Stay.entry_date <= last_day,
                    or_(Stay.exit_date.is_(None), Stay.exit_date >= last_day),
                )
            )
        )
        stay = candidates[0] if len(candidates) == 1 else None
    if stay is None:
        raise RefusedError("sliding.stay_missing")
    if stay.exit_date is not None and stay.exit_date < last_day:
        raise RefusedError("sliding.stay_closed", exit=format_date(stay.exit_date))
    return stay


def _leases_to_end(
    session: Session, contract: OccupancyContract, last_day: date
) -> list[MainLease]:
    """The main lease(s) of the dwelling in force on the sublease's last day."""
    leases = list(
        session.scalars(
            select(MainLease).where(
                MainLease.dwelling_id == contract.dwelling_id,
                MainLease.start_date <= last_day,
                or_(MainLease.end_date.is_(None), MainLease.end_date >= last_day),
            )
        )
    )
    if not leases:
        raise RefusedError("sliding.main_lease_missing")
    return leases


def _shared_after(session: Session, contract: OccupancyContract, last_day: date) -> bool:
    """Whether another household's contract in the dwelling goes past the glissement."""
    return (
        session.scalars(
            select(OccupancyContract.id).where(
                OccupancyContract.dwelling_id == contract.dwelling_id,
                OccupancyContract.id != contract.id,
                or_(OccupancyContract.end_date.is_(None), OccupancyContract.end_date > last_day),
            )
        ).first()
        is not None
    )


def _glissement_issues(
    session: Session, contract: OccupancyContract, slid_on: date, today: date
) -> list[ValidationIssue]:
    if slid_on <= contract.start_date:
        return [
            ValidationIssue(
                "slid_on", "sliding.slid_before_start", {"start": format_date(contract.start_date)}
            )
        ]
    last_day = slid_on - _ONE_DAY
    issues = _end_issues(session, contract, last_day)
    if last_day > today:
        issues.append(
            ValidationIssue("slid_on", "sliding.slid_in_future", {"slid_on": format_date(slid_on)})
        )
    return issues


def _settle_deposit(
    writer: _Writer, contract: OccupancyContract, last_day: date, fate: str
) -> None:
    """The deposit still held leaves the account: transferred to the landlord or refunded."""
    # Imported here: the ledger service reads contracts' history helpers (no import cycle).
    from desktop_app.domain.ledger import deposit_held  # noqa: PLC0415
    from desktop_app.services.ledger import deposit_movements  # noqa: PLC0415

    held = deposit_held(deposit_movements(writer.session, [contract.id])[contract.id], last_day)
    if held <= 0:
        return
    row = DepositEntry(
        contract_id=contract.id,
        posted_on=last_day,
        kind=fate,
        amount=held,
        created_at=datetime.now(UTC),
        created_by=writer.user_id,
    )
    writer.session.add(row)
    writer.session.flush()
    writer.history("deposit_entry", row.id, [("amount", None, held)])
    writer.event("create", "deposit_entry", row.id, ("kind", "amount"))


def _slide(
    session: Session,
    actor: Actor,
    contract: OccupancyContract,
    *,
    slid_on: date,
    deposit: str,
    today: date,
) -> GlissementInfo:
    """Check, then end everything the glissement ends (see `slide`)."""
    plan = _running_plan(session, actor, contract)
    _require_active(contract)
    issues = _glissement_issues(session, contract, slid_on, today)
    if deposit not in DEPOSIT_FATES:
        issues.append(ValidationIssue("deposit", "sliding.deposit_unknown", {"value": deposit}))
    _raise(issues)
    last_day = slid_on - _ONE_DAY
    stay = _stay_to_close(session, contract, last_day)
    if stay.entry_date > last_day:
        _raise(
            [
                ValidationIssue(
                    "slid_on", "sliding.slid_before_entry", {"entry": format_date(stay.entry_date)}
                )
            ]
        )
    leases = _leases_to_end(session, contract, last_day)
    if _shared_after(session, contract, last_day):
        raise RefusedError("sliding.dwelling_shared")
    dwelling = session.get(Dwelling, contract.dwelling_id)
    assert dwelling is not None
    writer = _Writer(session, actor, contract.household_id)
    # The plan: slid, with the deposit's fate (no deposit account yet: log and history keep it).
    writer.history(
        "sliding_plan",
        plan.id,
        [
            ("outcome", plan.outcome, "slid"),
            ("slid_on", plan.slid_on, slid_on),
            (_DEPOSIT, None, deposit),
        ],
    )
    plan.outcome, plan.slid_on = "slid", slid_on
    session.flush()
    writer.event("update", "sliding_plan", plan.id, ("outcome", "slid_on", f"deposit.{deposit}"))
    _settle_deposit(writer, contract, last_day, deposit)
    # The sublease ends the day before the household's own lease starts.
    _close(writer, actor, contract, last_day, v.SLIDING_OUTCOME.label("slid"))
    # The main lease and the dwelling leave the association's hands the same day.
    for lease in leases:
        writer.history(
            "main_lease", lease.id, [("end_date", lease.end_date, last_day)], household=False
        )
        lease.end_date = last_day
        session.flush()
        writer.event("update", "main_lease", lease.id, ("end_date",), household=False)
    writer.history(
        "dwelling", dwelling.id, [("returned_on", dwelling.returned_on, last_day)], household=False
    )
    dwelling.returned_on = last_day
    session.flush()
    writer.event("update", "dwelling", dwelling.id, ("returned_on",), household=False)
    # The stay ends with the project achieved: the household now holds its own lease.
    writer.history(
        "stay",
        stay.id,
        [
            ("exit_date", stay.exit_date, last_day),
            ("destination", stay.destination, "slid"),
            ("exit_reason", stay.exit_reason, "project_achieved"),
        ],
    )
    stay.exit_date, stay.destination, stay.exit_reason = last_day, "slid", "project_achieved"
    session.flush()
    writer.event("update", "stay", stay.id, ("exit_date", "destination", "exit_reason"))
    changes = Changes(
        frozenset({"occupancy_contract", "sliding_plan", "main_lease", "dwelling", "stay"}),
        frozenset({contract.id, plan.id, dwelling.id, stay.id, *(lease.id for lease in leases)}),
    )
    return GlissementInfo(
        contract=_info(session, contract.id, today),
        slid_on=slid_on,
        last_day=last_day,
        deposit=deposit,
        stay_id=stay.id,
        dwelling_id=dwelling.id,
        main_lease_ids=tuple(lease.id for lease in leases),
        changes=changes,
    )


@service_action(EDIT)
def slide(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    slid_on: date,
    deposit: str,
    today: date | None = None,
) -> GlissementInfo:
    """The glissement, as one guided action in one transaction.

    ``slid_on`` is the first day of the lease in the household's own name. On ``slid_on − 1``
    (the last day the association held the dwelling): the sublease ends, the main lease ends,
    the dwelling is returned (by glissement: not a vacancy) and the stay closes with the
    destination ``slid`` and the reason ``project_achieved``. ``deposit`` is ``transferred``
    (to the landlord, for the new lease) or ``refunded`` (to the household).

    Raises:
        RefusedError: not a sliding sublease, not active, already slid or failed; no stay or
            no main lease to end; another household still in the dwelling.
        InvalidInput: ``slid_on`` on or before the start or the stay's entry, a sublease
            ending after ``today`` or before a dated row, an unknown deposit fate.
    """
    day = today or date.today()

    def work(session: Session) -> GlissementInfo:
        contract = _contract_for_edit(session, actor, contract_id)
        return _slide(session, actor, contract, slid_on=slid_on, deposit=deposit, today=day)

    return database.run_write(work)
