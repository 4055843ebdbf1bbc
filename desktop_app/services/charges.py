"""Monthly charge generation, the catch-up of missing months, and the daily work (DOMAIN §3.2).

Each contract running in a month gets one generated charge entry per non-zero component of its
rate (rent, charges, services; an occupation indemnity after a termination), prorated by days,
posted on the month's first day or on the contract start if later. The rules deciding what a
month creates or why it is skipped are pure (`domain.charges`); this module reads what they
need in a fixed few queries and writes the entries in one statement.

Decisions where DOMAIN.md is silent, kept here so the GUI, the command line and the tests agree:

- **Idempotence** is judged per contract and month: once a month holds generated charges (even
  cancelled by a reversal) or charges of a rate nature posted otherwise (an import), it is
  never generated again; a later rate correction is posted as an adjustment. Two sessions
  generating at once cannot duplicate anything: the insert skips rows that the unique index of
  generated charges already holds, and only the rows really inserted are reported as created.
- **Go-live date**: a month's charges are generated only when their posting date is on or after
  it (a contract running before the go-live date had its debt carried by an opening balance).
  `generate_month` works without a go-live date: the user named the month. `catch_up` without
  one charges a contract that has no term yet from the current month only, and says so for the
  contracts it charged that started earlier: a database holding years of contracts and no
  ledger never gets years of charges by surprise.
- **Closed months** (§3.7) are never generated; `generate_month` refuses one.
- **Scope**: a rental manager whose role is limited to some programmes or residences generates
  the charges of the contracts in them only.
- **Audit**: one event per call that created entries, with their count (§8 bulk operations).
  The entries themselves are the business history: they are never edited, so no old → new line
  is written for them.
- **The daily work** (`daily`) is a list of named steps (`DAILY_STEPS`), each needing its own
  permission and running in its own transaction; later capabilities append theirs. A step the
  actor may never do is reported as not done; a refused step does not stop the next ones.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, func, or_, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.dml import ReturningInsert

from desktop_app.domain import charges as rules
from desktop_app.domain.charges import ContractSchedule, LedgerMarks, MonthCharges, RateSpan
from desktop_app.domain.errors import InvalidInput, KnownError, ValidationIssue
from desktop_app.domain.messages import message
from desktop_app.domain.parameters import Parameters, ParameterValue
from desktop_app.domain.periods import add_months, format_date
from desktop_app.domain.permissions import ACTIONS, AccessContext, Actor, decide, may_ever
from desktop_app.domain.reminders import go_live_date
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import history_values
from desktop_app.persistence.models import (
    Dwelling,
    Household,
    LedgerEntry,
    MonthClosing,
    OccupancyContract,
    Parameter,
    RentRate,
)
from desktop_app.services.authz import audit_identity, service_action
from desktop_app.services.dto import NO_CHANGES, Changes
from desktop_app.services.ledger import closed_month_starts, insert_entries

log = logging.getLogger(__name__)

POST: Final = "ledger.post"
_TERMINATED_ON: Final = "terminated_on"  # kept in the business history (services.contracts)
_CHUNK: Final = 5_000  # ids per IN (…) list, well below every driver's limit
_AUDIT_FIELDS: Final = ("contract_id", "posted_on", "period_month", "kind", "nature", "amount")
# Skips a catch-up reports: the others are expected there (a month already generated, a
# contract running before the go-live date) and would only repeat every day.
_CATCH_UP_NOTICES: Final = frozenset({rules.MONTH_CLOSED, rules.NOTHING_DUE})


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class CreatedCharges:
    """The charges created for one contract and month, by nature (cents)."""

    contract_id: int
    household_id: int
    household_reference: str
    dwelling_reference: str
    posted_on: date
    parts: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        """All the contract's new entries of the month, in cents."""
        return sum(cents for _, cents in self.parts)


@dataclass(frozen=True, slots=True)
class SkippedContract:
    """A contract running in the month that got nothing, and why (`domain.charges` codes)."""

    contract_id: int
    household_id: int
    household_reference: str
    dwelling_reference: str
    reason: str

    @property
    def reason_text(self) -> str:
        """The reason in French."""
        return message(f"charges.skip.{self.reason}")


@dataclass(frozen=True, slots=True)
class GenerationReport:
    """What the generation of one period month created and skipped.

    ``earlier_months_left`` counts the contracts a catch-up without go-live date charged from
    this month only although they started earlier (their past belongs to an opening balance).
    """

    month: date
    created: tuple[CreatedCharges, ...] = ()
    skipped: tuple[SkippedContract, ...] = ()
    entry_ids: tuple[int, ...] = ()
    earlier_months_left: int = 0

    @property
    def entries(self) -> int:
        """Number of ledger entries created."""
        return sum(len(item.parts) for item in self.created)

    @property
    def total(self) -> int:
        """Sum of the entries created, in cents."""
        return sum(item.total for item in self.created)

    @property
    def changes(self) -> Changes:
        """For the views: the ledger changed when something was created."""
        if not self.entry_ids:
            return NO_CHANGES
        return Changes(frozenset({"ledger_entry"}), frozenset(self.entry_ids))


@dataclass(frozen=True, slots=True)
class StepResult:
    """The outcome of one step of the daily work.

    ``status`` is ``done``, ``refused`` (``summary`` holds the French reason) or
    ``not_allowed`` (the actor's roles never allow the step's action).
    """

    name: str
    status: str
    summary: str
    changes: Changes = NO_CHANGES
    generation: tuple[GenerationReport, ...] = ()

    @property
    def label(self) -> str:
        """The step's French name."""
        return message(f"daily.step.{self.name}")


@dataclass(frozen=True, slots=True)
class DailyStep:
    """A named piece of the daily work: the permission it needs and what it runs."""

    name: str  # stable code; its French name is the message "daily.step.<name>"
    action: str
    run: Callable[[Database, Actor, date], StepResult]
    housekeeping: bool = False
    """Retention work done by whoever may do it: left out for the others, silent when idle."""


@dataclass(frozen=True, slots=True)
class DailyReport:
    """Every step of the daily work, in order."""

    today: date
    steps: tuple[StepResult, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when every step was done."""
        return all(step.status == "done" for step in self.steps)

    @property
    def changes(self) -> Changes:
        """What all the steps changed, for the views to refresh."""
        result = NO_CHANGES
        for step in self.steps:
            result = result | step.changes
        return result


# ------------------------------------------------------------------ reading what the rules need


@dataclass(frozen=True, slots=True)
class _Contract:
    contract_id: int
    household_id: int
    household_reference: str
    dwelling_reference: str
    schedule: ContractSchedule


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for index in range(0, len(ids), _CHUNK):
        yield ids[index : index + _CHUNK]


def _go_live(session: Session, today: date) -> date | None:
    rows = session.execute(
        select(Parameter.key, Parameter.scope, Parameter.valid_from, Parameter.value).where(
            Parameter.key == "go_live_date"
        )
    )
    parameters = Parameters(
        ParameterValue(key, scope, valid_from, json.loads(value))
        for key, scope, valid_from, value in rows
    )
    return go_live_date(parameters.get("go_live_date", today))


def _running(first: date, last: date) -> ColumnElement[bool]:
    """Contracts covering at least one day of ``first``…``last``."""
    return and_(
        OccupancyContract.start_date <= last,
        or_(OccupancyContract.end_date.is_(None), OccupancyContract.end_date >= first),
    )


def _in_scope(actor: Actor) -> Callable[[int, int | None], bool]:
    """Whether the actor may post on a dwelling's contracts (programme, residence)."""
    cache: dict[tuple[int, int | None], bool] = {}

    def allowed(programme_id: int, residence_id: int | None) -> bool:
        key = (programme_id, residence_id)
        if key not in cache:
            context = AccessContext(
                programme_ids=frozenset({programme_id}),
                residence_ids=frozenset() if residence_id is None else frozenset({residence_id}),
            )
            cache[key] = decide(actor, POST, context).allowed
        return cache[key]

    return allowed


def _contracts(
    session: Session, actor: Actor, where: ColumnElement[bool], *, scoped: bool = True
) -> list[_Contract]:
    """The contracts matching ``where``, with their rates and termination.

    Only those in the actor's posting scope when ``scoped``.
    """
    rows = session.execute(
        select(
            OccupancyContract.id,
            OccupancyContract.household_id,
            OccupancyContract.start_date,
            OccupancyContract.end_date,
            Household.reference,
            Dwelling.reference,
            Dwelling.programme_id,
            Dwelling.residence_id,
        )
        .join(Household, Household.id == OccupancyContract.household_id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(where)
        .order_by(Household.reference, OccupancyContract.start_date, OccupancyContract.id)
    ).all()
    if scoped:
        allowed = _in_scope(actor)
        rows = [row for row in rows if allowed(row[6], row[7])]
    ids = [row[0] for row in rows]
    rates: dict[int, list[RateSpan]] = defaultdict(list)
    terminated: dict[tuple[int, str], str | None] = {}
    for chunk in _chunks(ids):
        for rate in session.scalars(
            select(RentRate).where(RentRate.contract_id.in_(chunk)).order_by(RentRate.valid_from)
        ):
            rates[rate.contract_id].append(
                RateSpan(
                    valid_from=rate.valid_from,
                    rent=rate.rent,
                    charges=rate.charges,
                    mandatory_services=rate.mandatory_services,
                    optional_services=rate.optional_services,
                    expected_benefit=rate.expected_benefit,
                    tiers_payant=rate.tiers_payant,
                    due_day=rate.due_day,
                )
            )
        terminated.update(history_values(session, "occupancy_contract", chunk, (_TERMINATED_ON,)))
    result = []
    for contract_id, household_id, start, end, household, dwelling, _, _ in rows:
        indemnity = terminated.get((contract_id, _TERMINATED_ON))
        schedule = ContractSchedule(
            start=start,
            end=end,
            rates=tuple(rates[contract_id]),
            indemnity_from=date.fromisoformat(indemnity) if indemnity else None,
        )
        result.append(_Contract(contract_id, household_id, household, dwelling, schedule))
    return result


def _rate_charges() -> ColumnElement[bool]:
    return and_(LedgerEntry.kind == "charge", LedgerEntry.nature.in_(sorted(rules.RATE_NATURES)))


def _latest_terms(session: Session, ids: Sequence[int]) -> dict[int, date]:
    """The latest period month holding a charge of a rate nature, per contract."""
    latest: dict[int, date] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(LedgerEntry.contract_id, func.max(LedgerEntry.period_month))
            .where(LedgerEntry.contract_id.in_(chunk), _rate_charges())
            .group_by(LedgerEntry.contract_id)
        )
        latest.update({contract_id: month for contract_id, month in rows if month is not None})
    return latest


def _month_marks(session: Session, month: date, ids: Sequence[int]) -> dict[int, LedgerMarks]:
    """Per contract: its latest term, and whether ``month`` holds generated or other charges."""
    latest = _latest_terms(session, ids)
    generated: set[int] = set()
    charged: set[int] = set()
    for chunk in _chunks(ids):
        rows = session.execute(
            select(LedgerEntry.contract_id, LedgerEntry.generated)
            .where(
                LedgerEntry.contract_id.in_(chunk),
                LedgerEntry.period_month == month,
                _rate_charges(),
            )
            .distinct()
        )
        for contract_id, is_generated in rows:
            charged.add(contract_id)
            if is_generated:
                generated.add(contract_id)
    return {
        contract_id: LedgerMarks(
            latest_term=latest.get(contract_id),
            generated=frozenset({month}) if contract_id in generated else frozenset(),
            charged=frozenset({month}) if contract_id in charged else frozenset(),
        )
        for contract_id in ids
    }


def _closed(session: Session, first: date, last: date) -> set[date]:
    return set(
        session.scalars(
            select(MonthClosing.period_month).where(
                MonthClosing.period_month >= first, MonthClosing.period_month <= last
            )
        )
    )


# ------------------------------------------------------------------ writing


def _skipped(contract: _Contract, reason: str) -> SkippedContract:
    return SkippedContract(
        contract.contract_id,
        contract.household_id,
        contract.household_reference,
        contract.dwelling_reference,
        reason,
    )


@dataclass(slots=True)
class _Plan:
    """What a call decided, month by month, before anything is written."""

    to_create: list[tuple[date, _Contract, MonthCharges]] = field(default_factory=list)
    skipped: dict[date, list[SkippedContract]] = field(default_factory=lambda: defaultdict(list))
    earlier_months_left: int = 0  # in the current month (catch-up without go-live date)

    def decide(
        self, month: date, contract: _Contract, decision: MonthCharges | str, *, notices: bool
    ) -> None:
        if isinstance(decision, MonthCharges):
            self.to_create.append((month, contract, decision))
        elif not notices or decision in _CATCH_UP_NOTICES:
            self.skipped[month].append(_skipped(contract, decision))


def _insert(session: Session, rows: list[dict[str, Any]]) -> list[tuple[int, int, date, str]]:
    """Insert generated charges, skipping those the unique index already holds.

    Returns (entry id, contract id, period month, nature) of the rows really inserted.
    """
    if not rows:
        return []
    columns = ["contract_id", "period_month", "nature"]
    where = text("generated")  # the predicate of the partial unique index
    returned = (
        LedgerEntry.id,
        LedgerEntry.contract_id,
        LedgerEntry.period_month,
        LedgerEntry.nature,
    )
    statement: ReturningInsert[int, int, date | None, str | None]
    if session.get_bind().dialect.name == "postgresql":
        statement = (
            postgresql.insert(LedgerEntry)
            .on_conflict_do_nothing(index_elements=columns, index_where=where)
            .returning(*returned)
        )
    else:
        statement = (
            sqlite.insert(LedgerEntry)
            .on_conflict_do_nothing(index_elements=columns, index_where=where)
            .returning(*returned)
        )
    inserted: list[tuple[int, int, date, str]] = []
    for start in range(0, len(rows), _CHUNK):
        result = session.execute(statement, rows[start : start + _CHUNK])
        for entry_id, contract_id, month, nature in result:
            # a generated charge has both
            assert month is not None
            assert nature is not None
            inserted.append((entry_id, contract_id, month, nature))
    return inserted


def _write(
    session: Session, actor: Actor, plan: _Plan, months: Sequence[date]
) -> dict[date, GenerationReport]:
    """Create the planned entries, write the audit event, and report month by month."""
    name, user_id = audit_identity(actor)
    now = datetime.now(UTC)
    rows = [
        {
            "contract_id": contract.contract_id,
            "posted_on": contract.schedule.posted_on(month),
            "period_month": month,
            "kind": "charge",
            "nature": nature,
            "amount": cents,
            "generated": True,
            "created_at": now,
            "created_by": user_id,
        }
        for month, contract, charges in plan.to_create
        for nature, cents in charges.parts
    ]
    inserted = _insert(session, rows)
    if inserted:
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action="create",
            entity="ledger_entry",
            fields=_AUDIT_FIELDS,
            count=len(inserted),
        )
    by_key: dict[tuple[int, date], set[str]] = defaultdict(set)
    ids_by_month: dict[date, list[int]] = defaultdict(list)
    for entry_id, contract_id, month, nature in inserted:
        by_key[(contract_id, month)].add(nature)
        ids_by_month[month].append(entry_id)
    created: dict[date, list[CreatedCharges]] = defaultdict(list)
    for month, contract, charges in plan.to_create:
        natures = by_key.get((contract.contract_id, month))
        if not natures:  # another session generated it meanwhile
            plan.skipped[month].append(_skipped(contract, rules.ALREADY_GENERATED))
            continue
        created[month].append(
            CreatedCharges(
                contract.contract_id,
                contract.household_id,
                contract.household_reference,
                contract.dwelling_reference,
                contract.schedule.posted_on(month),
                tuple((nature, cents) for nature, cents in charges.parts if nature in natures),
            )
        )
    return {
        month: GenerationReport(
            month,
            tuple(created[month]),
            tuple(plan.skipped[month]),
            tuple(sorted(ids_by_month[month])),
            plan.earlier_months_left if month == months[-1] else 0,
        )
        for month in months
    }


# ------------------------------------------------------------------ the departure


def _generated(session: Session, contract_id: int) -> list[rules.GeneratedCharge]:
    """The contract's generated charges that no reversal cancelled."""
    reversal = aliased(LedgerEntry)
    rows = session.execute(
        select(
            LedgerEntry.id,
            LedgerEntry.period_month,
            LedgerEntry.nature,
            LedgerEntry.amount,
            LedgerEntry.posted_on,
        )
        .outerjoin(reversal, reversal.reverses_id == LedgerEntry.id)
        .where(
            LedgerEntry.contract_id == contract_id,
            LedgerEntry.generated.is_(True),
            reversal.id.is_(None),
        )
    )
    charges = []
    for entry_id, month, nature, amount, posted_on in rows:
        assert month is not None  # a generated charge has both
        assert nature is not None
        charges.append(rules.GeneratedCharge(entry_id, month, nature, amount, posted_on))
    return charges


def correct_after_end(
    session: Session, actor: Actor, contract_id: int
) -> list[rules.EndCorrection]:
    """Charge again, prorated, the months generated beyond a departure just recorded (§3.2).

    Called in the transaction that records the contract's end (`contracts.end_contract`, a
    transfer, a glissement): whoever may record a departure gets the account put right, as the
    monthly generation would have charged it had the departure been known. Each correction
    reverses the month's generated charges and charges what the month owes now (see
    `domain.charges.end_corrections`); one audit event counts the entries.
    """
    [contract] = _contracts(session, actor, OccupancyContract.id == contract_id, scoped=False)
    end = contract.schedule.end
    if end is None:
        return []
    corrections = rules.end_corrections(
        contract.schedule, _generated(session, contract_id), closed_month_starts(session)
    )
    rows: list[dict[str, Any]] = []
    for correction in corrections:
        reason = message(
            "charges.end_correction",
            end=format_date(end),
            month=_month_text(correction.month),
        )
        for charge in correction.reversed:
            rows.append(
                {
                    "contract_id": contract_id,
                    "kind": "reversal",
                    "amount": charge.amount,
                    "posted_on": correction.posted_on,
                    "period_month": correction.month,
                    "reverses_id": charge.entry_id,
                    "reason": reason,
                }
            )
        for nature, cents in correction.charges:
            rows.append(
                {
                    "contract_id": contract_id,
                    "kind": "charge",
                    "nature": nature,
                    "amount": cents,
                    "posted_on": correction.posted_on,
                    "period_month": correction.month,
                    "reason": reason,
                }
            )
    if rows:
        name, user_id = audit_identity(actor)
        insert_entries(
            session,
            user_id=user_id,
            rows=rows,
            households={contract_id: contract.household_id},
        )
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action="create",
            entity="ledger_entry",
            household_id=contract.household_id,
            fields=(*_AUDIT_FIELDS, "reverses_id", "reason"),
            count=len(rows),
        )
    return corrections


# ------------------------------------------------------------------ the service actions


@service_action(POST)
def generate_month(
    database: Database, *, actor: Actor, month: date, today: date
) -> GenerationReport:
    """Generate the charges of ``month`` for every contract running in it (idempotent).

    Raises:
        InvalidInput: a month more than one month ahead of ``today``, or a closed month.
    """
    month = rules.first_of_month(month)
    latest = rules.latest_allowed_month(today)
    if month > latest:
        raise InvalidInput(
            [
                ValidationIssue(
                    "month",
                    "charges.month_too_far",
                    {"month": _month_text(month), "latest": _month_text(latest)},
                )
            ]
        )
    last_day = add_months(month, 1) - timedelta(days=1)

    def work(session: Session) -> GenerationReport:
        if _closed(session, month, month):
            raise InvalidInput(
                [ValidationIssue("month", "charges.month_closed", {"month": _month_text(month)})]
            )
        go_live = _go_live(session, today)
        contracts = _contracts(session, actor, _running(month, last_day))
        marks = _month_marks(session, month, [c.contract_id for c in contracts])
        plan = _Plan()
        for contract in contracts:
            decision = rules.generation_decision(
                month, contract.schedule, marks[contract.contract_id], go_live=go_live
            )
            plan.decide(month, contract, decision, notices=False)
        return _write(session, actor, plan, [month])[month]

    report = database.run_write(work)
    log.info("charges of %s: %d entries created", month.isoformat(), report.entries)
    return report


@service_action(POST)
def catch_up(database: Database, *, actor: Actor, today: date) -> list[GenerationReport]:
    """Generate every missing month up to and including the current one, in one transaction.

    Returns the reports of the months where something was created or needs attention (a
    closed month, a contract owing nothing this month, earlier months left without a go-live
    date), oldest first; an empty list when everything was up to date.
    """
    current = rules.first_of_month(today)
    current_end = add_months(current, 1) - timedelta(days=1)

    def work(session: Session) -> list[GenerationReport]:
        go_live = _go_live(session, today)
        where = OccupancyContract.start_date <= current_end
        if go_live is not None:
            where = and_(where, _running(rules.first_of_month(go_live), current_end))
        contracts = _contracts(session, actor, where)
        latest = _latest_terms(session, [c.contract_id for c in contracts])
        wanted = {
            contract.contract_id: rules.missing_months(
                contract.schedule,
                latest_term=latest.get(contract.contract_id),
                go_live=go_live,
                until=today,
            )
            for contract in contracts
        }
        months = sorted({month for months in wanted.values() for month in months})
        if not months:
            return []
        closed = _closed(session, months[0], months[-1])
        plan = _Plan()
        for contract in contracts:
            marks = LedgerMarks(latest_term=latest.get(contract.contract_id))
            for month in wanted[contract.contract_id]:
                decision = rules.generation_decision(
                    month, contract.schedule, marks, go_live=go_live, closed=month in closed
                )
                if decision == rules.NOTHING_DUE and month != current:
                    continue  # said once, about the current month
                plan.decide(month, contract, decision, notices=True)
            if (
                go_live is None
                and contract.contract_id not in latest
                and contract.schedule.start < current
                and wanted[contract.contract_id]
            ):
                plan.earlier_months_left += 1
        reports = _write(session, actor, plan, months)
        return [
            report
            for report in reports.values()
            if report.created or report.skipped or report.earlier_months_left
        ]

    reports = database.run_write(work)
    log.info(
        "charges catch-up: %d month(s), %d entries created",
        len(reports),
        sum(report.entries for report in reports),
    )
    return reports


def _month_text(month: date) -> str:
    return month.strftime("%m/%Y")


# ------------------------------------------------------------------ the daily work


def _charges_step(database: Database, actor: Actor, today: date) -> StepResult:
    reports = catch_up(database, actor=actor, today=today)
    created = sum(report.entries for report in reports)
    if created:
        summary = message(
            "daily.charges.created",
            entries=created,
            months=len([report for report in reports if report.created]),
        )
    else:
        summary = message("daily.charges.up_to_date", month=_month_text(today))
    changes = NO_CHANGES
    for report in reports:
        changes = changes | report.changes
    return StepResult("charges", "done", summary, changes, tuple(reports))


def _liaison_step(database: Database, actor: Actor, today: date) -> StepResult:
    from desktop_app.services.residence_life import purge_liaison  # noqa: PLC0415 - a later floor

    deleted = purge_liaison(database, actor=actor, on=today)
    summary = message("daily.liaison.purged", count=deleted) if deleted else ""
    return StepResult("liaison_purge", "done", summary)


DAILY_STEPS: tuple[DailyStep, ...] = (
    DailyStep("charges", POST, _charges_step),
    DailyStep("liaison_purge", "liaison.purge", _liaison_step, housekeeping=True),
)


@service_action("session.basic")
def daily(
    database: Database,
    *,
    actor: Actor,
    today: date,
    steps: Sequence[DailyStep] = DAILY_STEPS,
) -> DailyReport:
    """Run the daily work (at start and through ``python -m desktop_app daily``).

    Each step is its own service action and transaction: a step the actor may never do is
    reported ``not_allowed``, a refused one ``refused``, and the next steps still run.
    """
    results = []
    for step in steps:
        if step.housekeeping and not may_ever(actor, step.action):
            continue
        if not may_ever(actor, step.action):
            summary = message("daily.not_allowed", what=ACTIONS[step.action])
            results.append(StepResult(step.name, "not_allowed", summary))
            continue
        try:
            result = step.run(database, actor, today)
            if result.summary or not step.housekeeping:  # quiet housekeeping says nothing
                results.append(result)
        except KnownError as error:
            results.append(StepResult(step.name, "refused", error.text))
    return DailyReport(today, tuple(results))
