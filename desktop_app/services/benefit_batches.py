"""The monthly bordereau CAF / MSA: housing benefit paid to the association for many households.

`prefill` proposes one line per contract whose benefit is paid to the association (tiers
payant, status ``paid``) in a period month, with the amount expected by the same rules as the
balances (`domain.ledger.month_benefit`: prorated by days, rate and status changes included)
and what was already received for that month. The rental manager confirms or corrects each
line, spreads one over several months, adds negative lines (indus, retenues), and
`record_batch` writes the bordereau and its housing-benefit entries in one transaction.

Decisions where DOMAIN.md is silent, kept here so the GUI, the demo and the tests agree:

- **Agency**: a household's agency is the ``benefit_agency`` of its head, else of another
  member (current members first); a household with none recorded belongs to the CAF, by far
  the usual case. Names and allocataire numbers are hidden for a protected file (§1).
- **Lines**: a line over several months becomes one entry per month, the amount split evenly
  to the cent with the remainder on the last month; a negative line (indu, retenue) covers one
  month and becomes one negative entry of that month (the household owes it again, §3.4). Every
  entry is posted on the day the transfer was received, names its month (so the expectation of
  that month ends, §3.5), the agency as payer, ``transfer`` as method and the transfer
  reference; it is linked to the batch.
- **Checks** follow the ledger's (`services.ledger`): the received date is neither in the future
  nor in a closed month, a month outside the contract is refused, a closed *period* month is
  accepted (a late CAF payment names its month). The transfer reference is required and used
  once per agency; the total of the lines must be positive (it is the transfer received).
- **Audit**: one event for the batch with the number of entries created (§8 bulk operations);
  the amounts and dates of the batch and of each entry go to the business history, as every
  posting does.
- **Scope**: a rental manager limited to some programmes or residences prepares and records the
  lines of the dwellings in them only; batch details show the lines the actor may read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_app.domain import vocabulary as v
from desktop_app.domain.charges import RateSpan, rate_on
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.ledger import (
    BenefitSpan,
    EntryLine,
    month_benefit,
    month_start,
    status_on,
)
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import add_months, days_in_month, format_date
from desktop_app.domain.permissions import ACTIONS, AccessContext, Actor, decide
from desktop_app.domain.text import with_de
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import Change, HistoryValue, record_changes
from desktop_app.persistence.models import (
    BenefitBatch,
    Dwelling,
    Household,
    LedgerEntry,
    Membership,
    OccupancyContract,
    Person,
    RentRate,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.dto import Changes
from desktop_app.services.ledger import (
    Posting,
    closed_month_starts,
    insert_entries,
    load_accounts,
    period_issues,
    posting_date_issues,
)

POST: Final = "ledger.post"
READ: Final = "ledger.read_amounts"
DEFAULT_AGENCY: Final = "caf"
PAID: Final = "paid"
_REFERENCE_MAX: Final = 100  # BenefitBatch.transfer_reference, LedgerEntry.reference
_RECOVERY_MONTHS: Final = 24  # an indu may be recovered up to two years after the payment
_BATCH_FIELDS: Final = ("agency", "received_on", "transfer_reference", "total")
_ENTRY_FIELDS: Final = ("contract_id", "period_month", "amount", "batch_id")


# ------------------------------------------------------------------ inputs and DTOs


@dataclass(frozen=True, slots=True)
class BatchLineInput:
    """One line of a bordereau: a contract, a signed amount in cents, the months it covers."""

    contract_id: int
    amount: int
    months: tuple[date, ...]

    def __post_init__(self) -> None:
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise TypeError(f"amount must be an int (cents), not {type(self.amount).__name__}")


@dataclass(frozen=True, slots=True)
class ContractChoice:
    """A contract a line may name (in tiers payant once), for choosing a household."""

    contract_id: int
    household_id: int
    household_reference: str
    head: str
    allocataire_number: str | None
    dwelling_reference: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class ProposedLine:
    """A contract's benefit for the month: expected, already received, and what to enter.

    ``status`` is the benefit status on the month's last day of contract; ``status_changed_on``
    the day the status changed within the month, if it did. ``proposed`` is what remains
    expected (never negative).
    """

    contract: ContractChoice
    month: date
    status: str | None
    status_changed_on: date | None
    expected: int
    received: int

    @property
    def contract_id(self) -> int:
        """The contract's id."""
        return self.contract.contract_id

    @property
    def proposed(self) -> int:
        """What is still expected for the month, in cents."""
        return max(self.expected - self.received, 0)

    @property
    def already_received(self) -> bool:
        """The month was received already (in whole or beyond what was expected)."""
        return self.received > 0 and self.received >= self.expected


@dataclass(frozen=True, slots=True)
class BatchPrefill:
    """What `prefill` proposes for a month and an agency.

    ``lines``: one per contract in tiers payant with the benefit paid in the month, or with
    benefit received for it; ``others``: the agency's other contracts once in tiers payant
    (ended, suspended…), for a negative line or a late payment.
    """

    month: date
    agency: str
    on: date
    lines: tuple[ProposedLine, ...]
    others: tuple[ContractChoice, ...]

    @property
    def expected(self) -> int:
        """The benefit expected for the month over every line, in cents."""
        return sum(line.expected for line in self.lines)

    @property
    def proposed(self) -> int:
        """What remains expected over every line, in cents."""
        return sum(line.proposed for line in self.lines)


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """A recorded bordereau: ``entries`` ledger entries for ``households`` households."""

    batch_id: int
    agency: str
    received_on: date
    transfer_reference: str | None
    total: int
    entries: int
    households: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BatchEntry:
    """One housing-benefit entry of a bordereau (one per month covered)."""

    entry_id: int
    contract_id: int
    household_id: int
    household_reference: str
    head: str
    dwelling_reference: str
    period_month: date
    amount: int
    reversed: bool


@dataclass(frozen=True, slots=True)
class BatchDetail:
    """A bordereau and the entries the actor may read."""

    batch: BatchInfo
    entries: tuple[BatchEntry, ...]

    @property
    def changes(self) -> Changes:
        """For the views: the ledger and the batches changed."""
        return Changes(
            frozenset({"benefit_batch", "ledger_entry"}),
            frozenset(entry.entry_id for entry in self.entries),
        )


# ------------------------------------------------------------------ small helpers


def split_amount(amount: int, months: int) -> list[int]:
    """``amount`` over ``months`` months, evenly to the cent, the remainder on the last one."""
    if months <= 0:
        raise ValueError("months must be positive")
    share = int(amount / months)  # towards zero, so a negative amount splits the same way
    return [share] * (months - 1) + [amount - share * (months - 1)]


def _month_end(month: date) -> date:
    return month.replace(day=days_in_month(month.year, month.month))


def _clean(text: str | None) -> str | None:
    return (text or "").strip() or None


def _scope(actor: Actor, action: str) -> Callable[[int, int | None], bool]:
    """Whether the actor may do ``action`` on a dwelling's contracts (programme, residence)."""
    cache: dict[tuple[int, int | None], bool] = {}

    def allowed(programme_id: int, residence_id: int | None) -> bool:
        key = (programme_id, residence_id)
        if key not in cache:
            context = AccessContext(
                programme_ids=frozenset({programme_id}),
                residence_ids=frozenset() if residence_id is None else frozenset({residence_id}),
            )
            cache[key] = decide(actor, action, context).allowed
        return cache[key]

    return allowed


@dataclass(frozen=True, slots=True)
class _People:
    head: str
    agency: str
    allocataire_number: str | None


def _people(
    session: Session, household_ids: Iterable[int], on: date, actor: Actor
) -> dict[int, _People]:
    """Per household: the head's name, the benefit agency and the allocataire number."""
    ids = sorted(set(household_ids))
    if not ids:
        return {}
    protected = set(
        session.scalars(select(Household.id).where(Household.id.in_(ids), Household.protected))
    )
    rows = session.execute(
        select(
            Membership.household_id,
            Membership.role,
            Membership.joined_on,
            Membership.left_on,
            Person.last_name,
            Person.first_name,
            Person.benefit_agency,
            Person.allocataire_number,
        )
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.household_id.in_(ids))
    ).all()
    members: dict[int, list[tuple[tuple[int, int, date], tuple[str, str | None, str | None]]]]
    members = defaultdict(list)
    for household_id, role, joined, left, last, first, agency, number in rows:
        current = joined <= on and (left is None or left >= on)
        rank = (0 if current else 1, 0 if role == "head" else 1, joined)
        members[household_id].append(
            (rank, (f"{last} {first}" if role == "head" else "", agency, number))
        )
    result: dict[int, _People] = {}
    for household_id in ids:
        ranked = [person for _, person in sorted(members[household_id], key=lambda m: m[0])]
        head = next((name for name, _, _ in ranked if name), "")
        agency, number = next(
            ((agency, number) for _, agency, number in ranked if agency is not None),
            (DEFAULT_AGENCY, None),
        )
        hidden = household_id in protected and not actor.system
        result[household_id] = _People(
            head="" if hidden else head,
            agency=agency,
            allocataire_number=None if hidden else number,
        )
    return result


@dataclass(frozen=True, slots=True)
class _Row:
    contract_id: int
    household_id: int
    household_reference: str
    dwelling_reference: str
    start: date
    end: date | None


def _contract_rows(
    session: Session, actor: Actor, action: str, *where: ColumnElement[bool]
) -> list[_Row]:
    """The contracts matching ``where`` whose dwelling is in the actor's scope for ``action``."""
    rows = session.execute(
        select(
            OccupancyContract.id,
            OccupancyContract.household_id,
            Household.reference,
            Dwelling.reference,
            OccupancyContract.start_date,
            OccupancyContract.end_date,
            Dwelling.programme_id,
            Dwelling.residence_id,
        )
        .join(Household, Household.id == OccupancyContract.household_id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(*where)
        .order_by(Household.reference, OccupancyContract.start_date, OccupancyContract.id)
    ).all()
    allowed = _scope(actor, action)
    return [
        _Row(contract_id, household_id, household, dwelling, start, end)
        for contract_id, household_id, household, dwelling, start, end, programme, residence in rows
        if allowed(programme, residence)
    ]


def _choice(row: _Row, people: _People) -> ContractChoice:
    return ContractChoice(
        contract_id=row.contract_id,
        household_id=row.household_id,
        household_reference=row.household_reference,
        head=people.head,
        allocataire_number=people.allocataire_number,
        dwelling_reference=row.dwelling_reference,
        start=row.start,
        end=row.end,
    )


def _paid_to_us(
    month: date,
    *,
    start: date,
    end: date | None,
    rates: Sequence[RateSpan],
    statuses: Sequence[BenefitSpan],
) -> bool:
    """Some day of ``month`` within the contract has tiers payant and the benefit paid."""
    first = max(start, month)
    last = _month_end(month) if end is None else min(_month_end(month), end)
    if first > last:
        return False
    days = {first}
    days.update(r.valid_from for r in rates if first < r.valid_from <= last)
    days.update(s.valid_from for s in statuses if first < s.valid_from <= last)
    for day in days:
        rate = rate_on(rates, day)
        if rate is not None and rate.tiers_payant and status_on(statuses, day) == PAID:
            return True
    return False


def _received(entries: Sequence[EntryLine], month: date, on: date) -> int:
    """Housing benefit naming ``month`` posted by ``on`` and not reversed by then (net)."""
    reversed_on = {e.reverses: e.posted_on for e in entries if e.kind == "reversal"}
    return sum(
        e.amount
        for e in entries
        if e.kind == "housing_benefit"
        and e.period == month
        and e.posted_on <= on
        and (e.ref not in reversed_on or reversed_on[e.ref] > on)
    )


def _status_change(statuses: Sequence[BenefitSpan], first: date, last: date) -> date | None:
    """The last day within first…last from which the benefit status changed, if any."""
    return max((s.valid_from for s in statuses if first < s.valid_from <= last), default=None)


def _agency_issues(agency: str) -> list[ValidationIssue]:
    if agency in v.BENEFIT_AGENCY:
        return []
    return [ValidationIssue("agency", "benefit_batch.agency_unknown", {"value": agency})]


# ------------------------------------------------------------------ prefill


@service_action(POST)
def prefill(
    database: Database, *, actor: Actor, month: date, agency: str, on: date
) -> BatchPrefill:
    """The lines proposed for the bordereau of ``agency`` covering ``month`` (module docstring).

    Amounts received are those posted on or before ``on``; names are those of ``on``.

    Raises:
        InvalidInput: an unknown agency.
    """
    period = month_start(month)
    if issues := _agency_issues(agency):
        raise InvalidInput(issues)
    last = _month_end(period)
    earliest_end = add_months(period, -_RECOVERY_MONTHS)

    def read(session: Session) -> BatchPrefill:
        ever_tiers_payant = select(RentRate.contract_id).where(RentRate.tiers_payant)
        rows = _contract_rows(
            session,
            actor,
            POST,
            or_(
                OccupancyContract.id.in_(ever_tiers_payant),
                OccupancyContract.id.in_(
                    select(LedgerEntry.contract_id).where(
                        LedgerEntry.kind == "housing_benefit", LedgerEntry.period_month == period
                    )
                ),
            ),
            OccupancyContract.start_date <= last,
            or_(OccupancyContract.end_date.is_(None), OccupancyContract.end_date >= earliest_end),
        )
        people = _people(session, (row.household_id for row in rows), on, actor)
        rows = [row for row in rows if people[row.household_id].agency == agency]
        running = [row for row in rows if row.end is None or row.end >= period]
        loaded = {
            item.contract_id: item
            for item in load_accounts(
                session, OccupancyContract.id.in_([row.contract_id for row in running])
            )
        }
        lines: list[ProposedLine] = []
        for row in running:
            item = loaded[row.contract_id]
            benefit = month_benefit(
                period, start=item.start, end=item.end, rates=item.rates, statuses=item.statuses
            )
            received = _received(item.entries, period, on)
            paid = _paid_to_us(
                period, start=item.start, end=item.end, rates=item.rates, statuses=item.statuses
            )
            if not paid and not received and not benefit.expected:
                continue
            first = max(item.start, period)
            final = last if item.end is None else min(last, item.end)
            lines.append(
                ProposedLine(
                    contract=_choice(row, people[row.household_id]),
                    month=period,
                    status=status_on(item.statuses, final),
                    status_changed_on=_status_change(item.statuses, first, final),
                    expected=benefit.expected,
                    received=received,
                )
            )
        proposed = {line.contract_id for line in lines}
        others = tuple(
            _choice(row, people[row.household_id])
            for row in rows
            if row.contract_id not in proposed
        )
        return BatchPrefill(period, agency, on, tuple(lines), others)

    return database.run_read(read)


# ------------------------------------------------------------------ recording a bordereau


def _renamed(issues: Iterable[ValidationIssue], field: str) -> list[ValidationIssue]:
    """The ledger's issues, attached to this module's field."""
    return [ValidationIssue(field, issue.code, issue.params) for issue in issues]


def _reference_issues(
    session: Session, agency: str, reference: str | None
) -> list[ValidationIssue]:
    """A transfer reference is given, fits its column and is used once per agency."""
    if reference is None:
        return [ValidationIssue("transfer_reference", "benefit_batch.reference_required")]
    if len(reference) > _REFERENCE_MAX:
        return [
            ValidationIssue(
                "transfer_reference", "ledger.text_too_long", {"maximum": _REFERENCE_MAX}
            )
        ]
    earlier = session.execute(
        select(BenefitBatch.received_on)
        .where(
            BenefitBatch.agency == agency,
            func.lower(BenefitBatch.transfer_reference) == reference.lower(),
        )
        .order_by(BenefitBatch.received_on)
        .limit(1)
    ).scalar_one_or_none()
    if earlier is None:
        return []
    return [
        ValidationIssue(
            "transfer_reference",
            "benefit_batch.reference_used",
            {
                "reference": reference,
                "agency": v.BENEFIT_AGENCY.label(agency),
                "received_on": format_date(earlier),
            },
        )
    ]


def _line_issues(
    index: int,
    line: BatchLineInput,
    contract: OccupancyContract | None,
    received_on: date,
    closed: set[date],
) -> list[ValidationIssue]:
    """What is wrong with one line: contract, amount, months (within the contract)."""
    field = f"lines[{index}]"
    if contract is None:
        return [ValidationIssue(f"{field}.contract_id", "benefit_batch.contract_unknown")]
    months = sorted({month_start(month) for month in line.months})
    issues: list[ValidationIssue] = []
    if line.amount == 0:
        issues.append(ValidationIssue(f"{field}.amount", "benefit_batch.amount_zero"))
    if not months:
        issues.append(ValidationIssue(f"{field}.months", "benefit_batch.months_required"))
    elif line.amount < 0 and len(months) > 1:
        issues.append(ValidationIssue(f"{field}.months", "benefit_batch.negative_one_month"))
    elif 0 < line.amount < len(months):
        issues.append(
            ValidationIssue(
                f"{field}.amount",
                "benefit_batch.amount_too_small",
                {"amount": format_eur(line.amount), "count": len(months)},
            )
        )
    for month in months:
        posting = Posting(
            kind="housing_benefit",
            amount=line.amount,
            posted_on=received_on,
            period=month,
            nature=None,
            payer=None,
            method=None,
            reference=None,
            reason=None,
            first_default_on=None,
        )
        issues += _renamed(period_issues(contract, posting, closed), f"{field}.months")
    return issues


def _check_scope(session: Session, actor: Actor, contracts: Iterable[OccupancyContract]) -> None:
    """Refuse the whole batch when one of its contracts is outside the actor's scope."""
    dwelling_ids = {contract.dwelling_id for contract in contracts}
    if not dwelling_ids:
        return
    allowed = _scope(actor, POST)
    for programme_id, residence_id in session.execute(
        select(Dwelling.programme_id, Dwelling.residence_id).where(Dwelling.id.in_(dwelling_ids))
    ):
        if not allowed(programme_id, residence_id):
            raise RefusedError("auth.denied", what=with_de(ACTIONS[POST]))


@service_action(POST)
def record_batch(
    database: Database,
    *,
    actor: Actor,
    agency: str,
    received_on: date,
    transfer_reference: str,
    lines: Sequence[BatchLineInput],
    today: date | None = None,
) -> BatchDetail:
    """Record a bordereau and one housing-benefit entry per line and month, all at once.

    Lines over several months are split evenly to the cent (the remainder on the last month);
    a negative line is one negative entry of its month (module docstring).

    Raises:
        RefusedError: a contract outside the actor's scope.
        InvalidInput: every issue at once, per line (``lines[i].amount``, ``lines[i].months``,
            ``lines[i].contract_id``) and for the batch (agency, date, reference, total).
    """
    day = today or date.today()
    reference = _clean(transfer_reference)
    for line in lines:
        if not isinstance(line, BatchLineInput):
            raise TypeError("lines must be BatchLineInput values")

    def work(session: Session) -> BatchDetail:
        ids = sorted({line.contract_id for line in lines})
        contracts = {
            contract.id: contract
            for contract in session.scalars(
                select(OccupancyContract).where(OccupancyContract.id.in_(ids))
            )
        }
        _check_scope(session, actor, contracts.values())
        closed = closed_month_starts(session)
        issues = _agency_issues(agency)
        issues += _renamed(posting_date_issues(received_on, day, closed), "received_on")
        issues += _reference_issues(session, agency, reference)
        if not lines:
            issues.append(ValidationIssue("lines", "benefit_batch.no_lines"))
        for index, line in enumerate(lines):
            issues += _line_issues(
                index, line, contracts.get(line.contract_id), received_on, closed
            )
        total = sum(line.amount for line in lines)
        if lines and total <= 0 and not issues:
            issues.append(
                ValidationIssue(
                    "total", "benefit_batch.total_not_positive", {"total": format_eur(total)}
                )
            )
        if issues:
            raise InvalidInput(issues)
        return _write(
            session,
            actor,
            agency=agency,
            received_on=received_on,
            reference=reference,
            lines=lines,
            contracts=contracts,
            total=total,
        )

    return database.run_write(work)


def _write(
    session: Session,
    actor: Actor,
    *,
    agency: str,
    received_on: date,
    reference: str | None,
    lines: Sequence[BatchLineInput],
    contracts: Mapping[int, OccupancyContract],
    total: int,
) -> BatchDetail:
    """Insert the batch and its entries (one statement), the business history, one audit event."""
    name, user_id = audit_identity(actor)
    now = datetime.now(UTC)
    batch = BenefitBatch(
        agency=agency,
        received_on=received_on,
        transfer_reference=reference,
        total=total,
        created_at=now,
        created_by=user_id,
    )
    session.add(batch)
    session.flush()
    payer = v.BENEFIT_AGENCY.label(agency)
    rows: list[dict[str, object]] = []
    for line in lines:
        months = sorted({month_start(month) for month in line.months})
        for month, cents in zip(months, split_amount(line.amount, len(months)), strict=True):
            rows.append(
                {
                    "contract_id": line.contract_id,
                    "posted_on": received_on,
                    "period_month": month,
                    "kind": "housing_benefit",
                    "amount": cents,
                    "payer": payer,
                    "method": "transfer",
                    "reference": reference,
                    "batch_id": batch.id,
                }
            )
    history: list[tuple[str, HistoryValue]] = [
        ("agency", agency),
        ("received_on", received_on),
        ("total", total),
    ]
    record_changes(
        session,
        (
            Change(user_id, None, "benefit_batch", batch.id, field, None, value, now)
            for field, value in history
        ),
    )
    entries = insert_entries(
        session,
        user_id=user_id,
        rows=rows,
        households={contract_id: c.household_id for contract_id, c in contracts.items()},
        at=now,
    )
    audit.record(
        session,
        actor=name,
        user_id=user_id,
        action="create",
        entity="benefit_batch",
        entity_id=batch.id,
        fields=(*_BATCH_FIELDS, *_ENTRY_FIELDS),
        count=len(entries),
        at=now,
    )
    return _detail(session, actor, batch, action=POST)


# ------------------------------------------------------------------ reading bordereaux


def _infos(session: Session, where: ColumnElement[bool]) -> list[BatchInfo]:
    """Batches matching ``where``, newest first, with their entry and household counts."""
    counts = (
        select(
            LedgerEntry.batch_id.label("batch_id"),
            func.count(LedgerEntry.id).label("entries"),
            func.count(func.distinct(OccupancyContract.household_id)).label("households"),
        )
        .join(OccupancyContract, OccupancyContract.id == LedgerEntry.contract_id)
        .where(LedgerEntry.batch_id.is_not(None))
        .group_by(LedgerEntry.batch_id)
        .subquery()
    )
    rows = session.execute(
        select(BenefitBatch, counts.c.entries, counts.c.households)
        .outerjoin(counts, counts.c.batch_id == BenefitBatch.id)
        .where(where)
        .order_by(BenefitBatch.received_on.desc(), BenefitBatch.id.desc())
    ).all()
    return [
        BatchInfo(
            batch_id=batch.id,
            agency=batch.agency,
            received_on=batch.received_on,
            transfer_reference=batch.transfer_reference,
            total=batch.total,
            entries=entries or 0,
            households=households or 0,
            created_at=(
                batch.created_at
                if batch.created_at.tzinfo
                else batch.created_at.replace(tzinfo=UTC)
            ),
        )
        for batch, entries, households in rows
    ]


def _detail(session: Session, actor: Actor, batch: BenefitBatch, *, action: str) -> BatchDetail:
    """The batch and the entries of the contracts the actor may handle for ``action``."""
    [info] = _infos(session, BenefitBatch.id == batch.id)
    rows = session.execute(
        select(
            LedgerEntry.id,
            LedgerEntry.contract_id,
            LedgerEntry.period_month,
            LedgerEntry.amount,
            OccupancyContract.household_id,
            Household.reference,
            Dwelling.reference,
            Dwelling.programme_id,
            Dwelling.residence_id,
        )
        .join(OccupancyContract, OccupancyContract.id == LedgerEntry.contract_id)
        .join(Household, Household.id == OccupancyContract.household_id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(LedgerEntry.batch_id == batch.id)
        .order_by(Household.reference, LedgerEntry.period_month, LedgerEntry.id)
    ).all()
    allowed = _scope(actor, action)
    rows = [row for row in rows if allowed(row[7], row[8])]
    # The batch's entries reversed since, read by a join (no IN list as long as the batch).
    reversal = aliased(LedgerEntry)
    reversed_ids = set(
        session.scalars(
            select(reversal.reverses_id)
            .join(LedgerEntry, LedgerEntry.id == reversal.reverses_id)
            .where(LedgerEntry.batch_id == batch.id)
        )
    )
    people = _people(session, (row[4] for row in rows), batch.received_on, actor)
    entries = tuple(
        BatchEntry(
            entry_id=entry_id,
            contract_id=contract_id,
            household_id=household_id,
            household_reference=household,
            head=people[household_id].head,
            dwelling_reference=dwelling,
            period_month=period or batch.received_on,
            amount=amount,
            reversed=entry_id in reversed_ids,
        )
        for entry_id, contract_id, period, amount, household_id, household, dwelling, _, _ in rows
    )
    return BatchDetail(info, entries)


@service_action(READ)
def list_batches(
    database: Database, *, actor: Actor, agency: str | None = None, since: date | None = None
) -> list[BatchInfo]:
    """The bordereaux recorded, newest first (of one agency, received on or after ``since``).

    Raises:
        RefusedError: the actor may not read the amounts of the association's accounts.
    """

    def read(session: Session) -> list[BatchInfo]:
        require(actor, READ)
        conditions: list[ColumnElement[bool]] = [BenefitBatch.id.is_not(None)]
        if agency is not None:
            conditions.append(BenefitBatch.agency == agency)
        if since is not None:
            conditions.append(BenefitBatch.received_on >= since)
        return _infos(session, and_(*conditions))

    return database.run_read(read)


@service_action(READ)
def batch_detail(database: Database, *, actor: Actor, batch_id: int) -> BatchDetail:
    """A bordereau and its entries (those of the contracts the actor may read).

    Raises:
        RefusedError: no such bordereau, or the actor may not read accounts' amounts.
    """

    def read(session: Session) -> BatchDetail:
        require(actor, READ)
        batch = session.get(BenefitBatch, batch_id)
        if batch is None:
            raise RefusedError("benefit_batch.unknown")
        return _detail(session, actor, batch, action=READ)

    return database.run_read(read)
