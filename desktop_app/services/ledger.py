"""The rent ledger: postings, reversals, the deposit account, month closing, balances (DOMAIN §3).

Entries are never edited nor deleted: a reversal cancels exactly one entry. Every posting is one
write transaction with its audit event (field names only) and its business history (kind,
amount, dates). Balances are replayed from scratch by `domain.ledger` in one read transaction
with a fixed number of queries, whatever the number of entries.

Decisions where DOMAIN.md is silent, kept here so the GUI, the import and the tests agree:

- **Kinds**: `post_entry` takes every kind but ``reversal`` (`reverse_entry`, which links the
  entry it cancels) and ``deposit_applied`` (`post_deposit`, which moves the deposit in the same
  transaction). A charge needs a nature and a period month; a housing benefit names the month
  it covers (so the expectation of that month ends, §3.5) and may be negative (indu, retenue);
  an adjustment may be negative (a credit) and, positive, needs a nature; an opening balance
  needs its first-default date, on or before its posting date. Adjustments, remissions,
  irrecoverable debts, debt erasures and reversals need a reason. Other amounts are positive.
- **Period months** are stored as their first day; a period month outside the contract's
  months is refused. A late payment may name any month, ended contracts included (debts stay
  visible and payable after the end, §3.8).
- **Month closing** (§3.7) freezes what was *posted* in a month: an entry, a reversal or a
  deposit movement dated in a closed month is refused, so balances up to its end never move.
  Corrections are dated in the open month and may name the closed month as their period month
  (a late CAF payment must name its month); only a new *charge* for a closed period month is
  refused (as the monthly generation does): it goes in as an adjustment of the open month.
- **Months close in order**: the first closing may be any ended month; after it only the
  month following the last closed one can be closed (a month is closed once it has ended).
  Months before the first closing stay open (history imported before going live).
- **Deposit**: received, applied (also a ``deposit_applied`` credit on the rent account),
  refunded, transferred; what leaves may not exceed what is held on that day nor make the
  deposit negative on a later day. Reversing the ``deposit_applied`` credit puts the amount
  back into the deposit from the reversal's date.
- **Occupation indemnity**: the résiliation date kept in the business history
  (``terminated_on``, see `services.contracts`) is the first day of the indemnity, from which
  the household share is rent + charges (no services).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain import vocabulary as v
from desktop_app.domain.arrears import Shares
from desktop_app.domain.charges import RateSpan, rate_on
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.ledger import (
    CREDIT_KINDS,
    BenefitSpan,
    Book,
    Credit,
    DepositMovement,
    EntryLine,
    ShareSpan,
    Term,
    account_on,
    build_account,
    deposit_available,
    month_start,
    share_spans,
    shares_on,
)
from desktop_app.domain.ledger import deposit_held as held_on
from desktop_app.domain.messages import message
from desktop_app.domain.money import format_eur, parse_amount
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import add_months, format_date
from desktop_app.domain.permissions import AccessContext, Actor
from desktop_app.domain.progress import TaskControl
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import (
    Change,
    HistoryValue,
    history_values,
    record_change,
    record_changes,
)
from desktop_app.persistence.models import (
    BenefitStatus,
    DepositEntry,
    Dwelling,
    LedgerEntry,
    MonthClosing,
    OccupancyContract,
    RentRate,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.households import household_access
from desktop_app.services.parameters import parameters_in

POST: Final = "ledger.post"
READ: Final = "ledger.read_amounts"
CLOSE: Final = "month.close"

CREDIT_ONLY: Final = frozenset(
    {"household_payment", "fsl_aid", "other_aid", "remission", "irrecoverable", "debt_erased"}
)
REASON_REQUIRED: Final = frozenset({"adjustment", "remission", "irrecoverable", "debt_erased"})
SIGNED: Final = frozenset({"adjustment", "housing_benefit"})
OUTGOING: Final = frozenset({"applied", "refunded", "transferred"})
_REASON_MAX: Final = 300  # LedgerEntry.reason
_TEXT_MAX: Final = 100  # payer, reference
_HOST_PARAMETER: Final = "host.sees_arrears_amounts"
# The business history of an entry: its amounts, dates and codes (never its texts).
_ENTRY_HISTORY: Final = (
    "kind",
    "amount",
    "posted_on",
    "period_month",
    "nature",
    "first_default_on",
    "reverses_id",
)
# The columns an entry may leave empty (`insert_entries` gives every row all of them).
_OPTIONAL_COLUMNS: Final = (
    "period_month",
    "nature",
    "payer",
    "method",
    "reference",
    "batch_id",
    "reverses_id",
    "reason",
    "first_default_on",
)
_CHUNK: Final = 500  # ids per IN (…) list
_CHECKPOINT: Final = 500  # postings checked between two cancellation checkpoints


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class EntryInfo:
    """A ledger entry [écriture] as posted."""

    entry_id: int
    contract_id: int
    household_id: int
    posted_on: date
    kind: str
    amount: int
    period_month: date | None
    nature: str | None
    payer: str | None
    method: str | None
    reference: str | None
    reason: str | None
    first_default_on: date | None
    reverses_id: int | None
    generated: bool


@dataclass(frozen=True, slots=True)
class PostingInput:
    """One posting of `post_entries`: what `post_entry` takes as keyword arguments."""

    contract_id: int
    kind: str
    amount: int
    posted_on: date
    period_month: date | None = None
    nature: str | None = None
    payer: str | None = None
    method: str | None = None
    reference: str | None = None
    reason: str | None = None
    first_default_on: date | None = None


@dataclass(frozen=True, slots=True)
class PostingsResult:
    """What `post_entries` wrote: ``entries`` entries on the accounts of ``households``."""

    entries: int
    households: int


@dataclass(frozen=True, slots=True)
class DepositMovementInfo:
    """A movement of the deposit account, and what is held once it is posted."""

    movement_id: int
    contract_id: int
    posted_on: date
    kind: str
    amount: int
    reference: str | None
    ledger_entry_id: int | None  # the ``deposit_applied`` credit of an ``applied`` movement
    held: int  # deposit held on ``posted_on`` after this movement


@dataclass(frozen=True, slots=True)
class MonthClosingInfo:
    """A closed month [clôture mensuelle]."""

    month: date
    closed_at: datetime
    closed_by: int | None


@dataclass(frozen=True, slots=True)
class TermBalance:
    """One term after allocation: which months are settled, for statements and receipts.

    ``source`` is ``month`` (a period month's charges), ``adjustment``, ``opening_balance`` or
    ``benefit_recovery`` (a negative housing-benefit line). ``expected`` is covered by housing
    benefit expected and not yet received; ``withheld`` by benefit withheld for non-decency.
    """

    source: str
    period_month: date | None
    due: date
    amount: int
    expected: int
    withheld: int
    unsettled: int
    housing_unsettled: int
    in_default: bool

    @property
    def paid(self) -> int:
        """The part settled by credits actually posted."""
        return self.amount - self.unsettled - self.expected - self.withheld

    @property
    def settled(self) -> bool:
        """Fully settled by money received (a quittance may be issued)."""
        return self.unsettled == 0 and self.expected == 0


@dataclass(frozen=True, slots=True)
class ContractBalance:
    """A contract's account on a day (all amounts in cents).

    ``charged``: every term existing on ``on``; ``credits``: credits posted by kind (a negative
    adjustment counts as ``adjustment``); ``benefit_received``: housing benefit posted, net of
    negative lines; ``benefit_pending`` / ``benefit_overdue``: expected and not received, before
    / after its expected payment day ("APL attendue non reçue"), neither owed by the household;
    ``owed``: every unsettled cent, due or not; ``debt`` / ``housing_debt``: in default (grace
    passed, §4.2); ``household_share``: the month's reste à charge on ``on`` (0 once the
    contract has ended).
    """

    contract_id: int
    household_id: int
    dwelling_reference: str
    state: str
    end: date | None
    on: date
    charged: int
    credits: tuple[tuple[str, int], ...]
    benefit_received: int
    benefit_pending: int
    benefit_overdue: int
    benefit_withheld: int
    household_share: int
    housing_share: int
    owed: int
    debt: int
    housing_debt: int
    advance: int
    deposit_held: int
    terms: tuple[TermBalance, ...]

    @property
    def balance(self) -> int:
        """What the household owes (negative: an advance), due or not."""
        return self.owed - self.advance

    def credited(self, kind: str) -> int:
        """Credits of one ledger kind."""
        return dict(self.credits).get(kind, 0)


@dataclass(frozen=True, slots=True)
class HouseholdBalance:
    """The sum over a household's contracts, ended ones included (§3.8)."""

    household_id: int
    on: date
    contracts: tuple[ContractBalance, ...]
    charged: int
    credits: tuple[tuple[str, int], ...]
    benefit_received: int
    benefit_pending: int
    benefit_overdue: int
    benefit_withheld: int
    household_share: int
    housing_share: int
    owed: int
    debt: int
    housing_debt: int
    advance: int
    deposit_held: int

    @property
    def balance(self) -> int:
        """What the household owes (negative: an advance), due or not."""
        return self.owed - self.advance


@dataclass(frozen=True, slots=True)
class AccountLine:
    """One line of an account statement; ``entry_id`` None for the balance brought forward."""

    entry_id: int | None
    posted_on: date
    kind: str | None
    period_month: date | None
    label: str
    debit: int
    credit: int
    balance: int  # running: what the household owes after this line
    reversed_by: int | None


@dataclass(frozen=True, slots=True)
class ContractAccount:
    """What the arrears rules need of a contract (`domain.arrears`).

    ``kind`` is the contract's kind; ``credit_kinds`` gives each real credit (its ref is the
    entry id) its ledger kind, and ``household_refs`` the household's own payments among them.
    Virtual credits (expected or withheld benefit) have negative refs.
    """

    contract_id: int
    household_id: int
    kind: str
    terms: tuple[Term, ...]
    credits: tuple[Credit, ...]
    shares: tuple[Shares, ...]
    credit_kinds: Mapping[int, str]
    household_refs: frozenset[int]


# ------------------------------------------------------------------ small helpers


def parse_posting_amount(text: str) -> int:
    """Read an amount typed ``1 234,56``, ``1234.56`` or ``1 234,56 €`` as cents.

    Raises:
        InvalidInput: empty or unreadable (a French message on the ``amount`` field).
    """
    if not text.strip():
        raise InvalidInput([ValidationIssue("amount", "ledger.amount_required")])
    cents = parse_amount(text)
    if cents is None:
        raise InvalidInput([ValidationIssue("amount", "ledger.amount_invalid", {"value": text})])
    return cents


def _cents(amount: object) -> int:
    """An amount must be int cents: a float is a programming error, as for `MoneyType`."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be an int (cents), not {type(amount).__name__}")
    return amount


def _month(day: date) -> str:
    return day.strftime("%m/%Y")


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def account_context(
    session: Session,
    actor: Actor,
    household_id: int,
    dwellings: Iterable[Dwelling],
    parameters: Parameters | None = None,
) -> AccessContext:
    """The household's access context, widened to the dwellings of the contracts concerned.

    A worker scoped to a programme handles the accounts of its dwellings; a host sees amounts
    of their residents only when the association allows it (parameter).
    """
    return _widened(household_access(session, actor, household_id), actor, dwellings, parameters)


def _widened(
    base: AccessContext,
    actor: Actor,
    dwellings: Iterable[Dwelling],
    parameters: Parameters | None,
) -> AccessContext:
    homes = list(dwellings)
    residences = {d.residence_id for d in homes if d.residence_id is not None}
    hosted = bool(residences) and any(
        grant.role == "host" and grant.residence_id in (None, *residences) for grant in actor.grants
    )
    allowed = parameters is not None and parameters.get(_HOST_PARAMETER, date.today()) is True
    return AccessContext(
        programme_ids=base.programme_ids | {d.programme_id for d in homes},
        residence_ids=base.residence_ids | residences,
        caseload=base.caseload,
        resident=base.resident or hosted,
        parameters={**base.parameters, _HOST_PARAMETER: allowed},
    )


def contract_for(
    session: Session,
    actor: Actor,
    contract_id: int,
    action: str,
    parameters: Parameters | None = None,
) -> OccupancyContract:
    """The contract, once the actor is known to be allowed ``action`` on it."""
    contract = session.get(OccupancyContract, contract_id)
    if contract is None:
        raise RefusedError("contract.unknown")
    dwelling = session.get(Dwelling, contract.dwelling_id)
    assert dwelling is not None
    require(
        actor,
        action,
        account_context(session, actor, contract.household_id, [dwelling], parameters),
    )
    return contract


class _Writer:
    """The actor's identity and household, for the audit events and history lines of a call."""

    def __init__(self, session: Session, actor: Actor, household_id: int | None) -> None:
        self.session = session
        self.name, self.user_id = audit_identity(actor)
        self.household_id = household_id

    def created(
        self,
        entity: str,
        entity_id: int,
        fields: Sequence[str],
        history: Iterable[tuple[str, HistoryValue]],
    ) -> None:
        """One audit event (field names only) and the new values of dates, codes and amounts."""
        audit.record(
            self.session,
            actor=self.name,
            user_id=self.user_id,
            action="create",
            entity=entity,
            entity_id=entity_id,
            household_id=self.household_id,
            fields=fields,
        )
        for field, new in history:
            record_change(
                self.session,
                user_id=self.user_id,
                household_id=self.household_id,
                entity=entity,
                entity_id=entity_id,
                field=field,
                old=None,
                new=new,
            )


def closed_month_starts(session: Session) -> set[date]:
    """The first days of the closed months (§3.7), read in the caller's transaction."""
    return set(session.scalars(select(MonthClosing.period_month)))


def posting_date_issues(posted_on: date, today: date, closed: set[date]) -> list[ValidationIssue]:
    """A posting date is neither in the future nor in a closed month (§3.7)."""
    if posted_on > today:
        return [
            ValidationIssue(
                "posted_on", "ledger.posted_in_future", {"posted_on": format_date(posted_on)}
            )
        ]
    if month_start(posted_on) in closed:
        return [
            ValidationIssue(
                "posted_on", "ledger.posted_in_closed_month", {"month": _month(posted_on)}
            )
        ]
    return []


def _text_issues(field: str, text: str | None, maximum: int) -> list[ValidationIssue]:
    if text is not None and len(text.strip()) > maximum:
        if field == "reason":
            return [ValidationIssue("reason", "ledger.reason_too_long", {"maximum": maximum})]
        return [ValidationIssue(field, "ledger.text_too_long", {"maximum": maximum})]
    return []


def _clean(text: str | None) -> str | None:
    return (text or "").strip() or None


@dataclass(frozen=True, slots=True)
class Posting:
    """A posting once cleaned (texts stripped, the period month as its first day), to check."""

    kind: str
    amount: int
    posted_on: date
    period: date | None
    nature: str | None
    payer: str | None
    method: str | None
    reference: str | None
    reason: str | None
    first_default_on: date | None


def _amount_and_nature_issues(p: Posting) -> list[ValidationIssue]:
    """The sign the kind allows; a nature for a charge or a debit adjustment, and only then."""
    issues: list[ValidationIssue] = []
    if p.amount == 0:
        issues.append(ValidationIssue("amount", "ledger.amount_zero"))
    elif p.amount < 0 and p.kind not in SIGNED:
        issues.append(ValidationIssue("amount", "ledger.amount_negative"))
    with_nature = p.kind == "charge" or (p.kind == "adjustment" and p.amount > 0)
    if with_nature and p.nature is None:
        issues.append(ValidationIssue("nature", "ledger.nature_required"))
    elif with_nature and p.nature not in v.CHARGE_NATURE:
        issues.append(ValidationIssue("nature", "ledger.nature_unknown", {"value": p.nature}))
    elif not with_nature and p.nature is not None:
        issues.append(ValidationIssue("nature", "ledger.nature_not_allowed"))
    return issues


def _first_default_issues(p: Posting) -> list[ValidationIssue]:
    """An opening balance carries the first-default date of its debt; nothing else does."""
    if p.kind != "opening_balance":
        if p.first_default_on is None:
            return []
        return [ValidationIssue("first_default_on", "ledger.first_default_not_allowed")]
    if p.first_default_on is None:
        return [ValidationIssue("first_default_on", "ledger.first_default_required")]
    if p.first_default_on > p.posted_on:
        dates: dict[str, object] = {
            "first_default": format_date(p.first_default_on),
            "posted_on": format_date(p.posted_on),
        }
        return [ValidationIssue("first_default_on", "ledger.first_default_after_posting", dates)]
    return []


def _kind_issues(p: Posting) -> list[ValidationIssue]:
    """What the kind asks of an entry: amount sign, nature, month, reason, first default."""
    if p.kind == "reversal":
        return [ValidationIssue("kind", "ledger.kind_use_reversal")]
    if p.kind == "deposit_applied":
        return [ValidationIssue("kind", "ledger.kind_use_deposit")]
    if p.kind not in v.LEDGER_KIND:
        return [ValidationIssue("kind", "ledger.kind_unknown", {"value": p.kind})]
    issues = _amount_and_nature_issues(p) + _first_default_issues(p)
    if p.kind in ("charge", "housing_benefit") and p.period is None:
        issues.append(ValidationIssue("period_month", "ledger.period_required"))
    if p.kind in REASON_REQUIRED and p.reason is None:
        issues.append(ValidationIssue("reason", "ledger.reason_required"))
    if p.method is not None and p.method not in v.PAYMENT_METHOD:
        issues.append(ValidationIssue("method", "ledger.method_unknown", {"value": p.method}))
    return issues


def period_issues(
    contract: OccupancyContract, p: Posting, closed: set[date]
) -> list[ValidationIssue]:
    """A period month lies within the contract; no new charge goes into a closed month."""
    if p.period is None:
        return []
    month: dict[str, object] = {"month": _month(p.period)}
    if p.period < month_start(contract.start_date):
        start = format_date(contract.start_date)
        return [
            ValidationIssue(
                "period_month", "ledger.period_before_contract", month | {"start": start}
            )
        ]
    if contract.end_date is not None and p.period > contract.end_date:
        end = format_date(contract.end_date)
        return [
            ValidationIssue("period_month", "ledger.period_after_contract", month | {"end": end})
        ]
    if p.kind == "charge" and p.period in closed:
        return [ValidationIssue("period_month", "ledger.charge_in_closed_month", month)]
    return []


def _entry_info(entry: LedgerEntry, household_id: int) -> EntryInfo:
    return EntryInfo(
        entry_id=entry.id,
        contract_id=entry.contract_id,
        household_id=household_id,
        posted_on=entry.posted_on,
        kind=entry.kind,
        amount=entry.amount,
        period_month=entry.period_month,
        nature=entry.nature,
        payer=entry.payer,
        method=entry.method,
        reference=entry.reference,
        reason=entry.reason,
        first_default_on=entry.first_default_on,
        reverses_id=entry.reverses_id,
        generated=entry.generated,
    )


def _add_entry(writer: _Writer, contract_id: int, **values: object) -> LedgerEntry:
    """Insert an entry, with its audit event and the history of its amounts and dates."""
    entry = LedgerEntry(
        contract_id=contract_id,
        generated=False,
        created_at=datetime.now(UTC),
        created_by=writer.user_id,
        **values,
    )
    writer.session.add(entry)
    writer.session.flush()
    fields = [name for name, value in values.items() if value is not None]
    history: list[tuple[str, HistoryValue]] = [
        (field, getattr(entry, field)) for field in _ENTRY_HISTORY
    ]
    writer.created("ledger_entry", entry.id, sorted(fields), history)
    return entry


def insert_entries(
    session: Session,
    *,
    user_id: int | None,
    rows: Sequence[Mapping[str, Any]],
    households: Mapping[int, int],
    at: datetime | None = None,
) -> list[int]:
    """Insert many entries and their business history, each with one bulk INSERT.

    (SQLAlchemy sends a bulk INSERT with RETURNING in pages of up to 1 000 rows.)

    A helper for the services posting in bulk (`post_entries`, `benefit_batches`), in the
    caller's transaction once its checks and permission are done. Each row gives
    ``contract_id``, ``kind``, ``amount``, ``posted_on`` and any other column of `LedgerEntry`;
    ``households`` gives each contract's household, for the history lines (those `post_entry`
    writes: kind, amount, dates, nature), dated ``at`` (now by default) as the entries'
    ``created_at``. The caller writes the one audit event (§8 bulk operations).

    Returns:
        The new entries' ids, ascending.
    """
    if not rows:
        return []
    now = at or datetime.now(UTC)
    values = [
        {
            **dict.fromkeys(_OPTIONAL_COLUMNS),
            "generated": False,
            "created_at": now,
            "created_by": user_id,
            **row,
        }
        for row in rows
    ]
    # RETURNING what the history needs rather than the ids in the order of the rows: SQLAlchemy
    # keeps that order on SQLite only row by row (no sentinel column), one statement per entry.
    returned = ("id", "contract_id", *_ENTRY_HISTORY)
    statement = insert(LedgerEntry).returning(*(LedgerEntry.__table__.c[n] for n in returned))
    session.flush()  # Core from here: no ORM bookkeeping per entry
    ids: list[int] = []
    changes: list[Change] = []
    for row in session.connection().execute(statement, values).mappings():
        ids.append(row["id"])
        changes += [
            Change(
                user_id=user_id,
                household_id=households[row["contract_id"]],
                entity="ledger_entry",
                entity_id=row["id"],
                field=field,
                old=None,
                new=row[field],
                at=now,
            )
            for field in _ENTRY_HISTORY
            if row[field] is not None  # nothing changed: no line
        ]
    record_changes(session, changes)
    return sorted(ids)


def _posting(given: PostingInput) -> Posting:
    """The posting to check: an int amount, texts stripped, the period month's first day."""
    return Posting(
        kind=given.kind,
        amount=_cents(given.amount),
        posted_on=given.posted_on,
        period=month_start(given.period_month) if given.period_month is not None else None,
        nature=_clean(given.nature),
        payer=_clean(given.payer),
        method=_clean(given.method),
        reference=_clean(given.reference),
        reason=_clean(given.reason),
        first_default_on=given.first_default_on,
    )


def _entry_issues(
    contract: OccupancyContract, posting: Posting, today: date, closed: set[date]
) -> list[ValidationIssue]:
    """Everything `post_entry` checks of a posting on a contract (module docstring)."""
    return (
        _kind_issues(posting)
        + posting_date_issues(posting.posted_on, today, closed)
        + period_issues(contract, posting, closed)
        + _text_issues("payer", posting.payer, _TEXT_MAX)
        + _text_issues("reference", posting.reference, _TEXT_MAX)
        + _text_issues("reason", posting.reason, _REASON_MAX)
    )


def _entry_values(contract_id: int, posting: Posting) -> dict[str, Any]:
    return {
        "contract_id": contract_id,
        "kind": posting.kind,
        "amount": posting.amount,
        "posted_on": posting.posted_on,
        "period_month": posting.period,
        "nature": posting.nature,
        "payer": posting.payer,
        "method": posting.method,
        "reference": posting.reference,
        "reason": posting.reason,
        "first_default_on": posting.first_default_on,
    }


# ------------------------------------------------------------------ postings


@service_action(POST)
def post_entry(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    kind: str,
    amount: int,
    posted_on: date,
    period_month: date | None = None,
    nature: str | None = None,
    payer: str | None = None,
    method: str | None = None,
    reference: str | None = None,
    reason: str | None = None,
    first_default_on: date | None = None,
    today: date | None = None,
) -> EntryInfo:
    """Post one entry of any kind but a reversal or a deposit imputation (module docstring).

    Raises:
        RefusedError: no such contract, or outside the actor's scope.
        InvalidInput: every issue at once (kind, amount, nature, month, reason, dates…).
    """
    day = today or date.today()
    posting = _posting(
        PostingInput(
            contract_id=contract_id,
            kind=kind,
            amount=amount,
            posted_on=posted_on,
            period_month=period_month,
            nature=nature,
            payer=payer,
            method=method,
            reference=reference,
            reason=reason,
            first_default_on=first_default_on,
        )
    )

    def work(session: Session) -> EntryInfo:
        contract = contract_for(session, actor, contract_id, POST)
        _raise(_entry_issues(contract, posting, day, closed_month_starts(session)))
        writer = _Writer(session, actor, contract.household_id)
        values = _entry_values(contract.id, posting)
        entry = _add_entry(writer, values.pop("contract_id"), **values)
        return _entry_info(entry, contract.household_id)

    return database.run_write(work)


@service_action(POST)
def reverse_entry(
    database: Database,
    *,
    actor: Actor,
    entry_id: int,
    reason: str,
    posted_on: date,
    today: date | None = None,
) -> EntryInfo:
    """Cancel exactly one entry, once, from ``posted_on`` [annulation], with its reason.

    Raises:
        RefusedError: no such entry, outside the actor's scope, already reversed, or itself a
            reversal (post the cancelled entry again instead).
        InvalidInput: no reason, a date in the future, in a closed month or before the entry.
    """
    day = today or date.today()
    why = _clean(reason)

    def work(session: Session) -> EntryInfo:
        entry = session.get(LedgerEntry, entry_id)
        if entry is None:
            raise RefusedError("ledger.entry_unknown")
        contract = contract_for(session, actor, entry.contract_id, POST)
        if entry.kind == "reversal":
            raise RefusedError("ledger.reversal_of_reversal")
        reversed_by = session.scalars(
            select(LedgerEntry.id).where(LedgerEntry.reverses_id == entry.id)
        ).first()
        if reversed_by is not None:
            raise RefusedError("ledger.already_reversed")
        issues = posting_date_issues(posted_on, day, closed_month_starts(session))
        if posted_on < entry.posted_on:
            issues.append(
                ValidationIssue(
                    "posted_on",
                    "ledger.reversal_before_entry",
                    {"posted_on": format_date(posted_on), "entry": format_date(entry.posted_on)},
                )
            )
        if why is None:
            issues.append(ValidationIssue("reason", "ledger.reason_required"))
        _raise(issues + _text_issues("reason", why, _REASON_MAX))
        writer = _Writer(session, actor, contract.household_id)
        reversal = _add_entry(
            writer,
            contract.id,
            kind="reversal",
            amount=abs(entry.amount),
            posted_on=posted_on,
            period_month=entry.period_month,
            reverses_id=entry.id,
            reason=why,
        )
        return _entry_info(reversal, contract.household_id)

    return database.run_write(work)


# ------------------------------------------------------------------ bulk postings


def _contracts_allowed(
    session: Session, actor: Actor, contract_ids: Iterable[int], action: str
) -> dict[int, OccupancyContract]:
    """The contracts, once the actor is known to be allowed ``action`` on each.

    One decision per household and dwelling, each household's access read once: a fixed few
    queries per household, whatever the number of postings.

    Raises:
        RefusedError: one of the contracts does not exist or is outside the actor's scope.
    """
    ids = sorted(set(contract_ids))
    found: dict[int, tuple[OccupancyContract, Dwelling]] = {}
    for start in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(OccupancyContract, Dwelling)
            .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
            .where(OccupancyContract.id.in_(ids[start : start + _CHUNK]))
        )
        found.update((contract.id, (contract, dwelling)) for contract, dwelling in rows)
    if len(found) < len(ids):
        raise RefusedError("contract.unknown")
    if actor.system:  # allowed on every contract (`decide`): no access context to read
        return {contract_id: contract for contract_id, (contract, _) in found.items()}
    bases: dict[int, AccessContext] = {}
    decided: set[tuple[int, int]] = set()
    for contract, dwelling in found.values():
        key = (contract.household_id, dwelling.id)
        if key in decided:
            continue
        if contract.household_id not in bases:
            bases[contract.household_id] = household_access(session, actor, contract.household_id)
        require(actor, action, _widened(bases[contract.household_id], actor, [dwelling], None))
        decided.add(key)
    return {contract_id: contract for contract_id, (contract, _) in found.items()}


@service_action(POST)
def post_entries(
    database: Database,
    *,
    actor: Actor,
    postings: Sequence[PostingInput],
    today: date | None = None,
    control: TaskControl | None = None,
) -> PostingsResult:
    """Post many entries at once, all or nothing, with one audit event (§8 bulk operations).

    Each posting is checked as `post_entry` checks it, its issues named ``postings[i].field``;
    the actor's scope is checked once per contract. The entries are inserted in the order
    given, each with the business history `post_entry` writes; the audit event names the
    fields used and counts the entries. An empty list writes nothing.

    Raises:
        RefusedError: a contract that does not exist or is outside the actor's scope.
        InvalidInput: every issue of every posting at once (nothing is written).
        Cancelled: stopped by ``control`` before the commit (nothing is written).
    """
    day = today or date.today()
    task = control or TaskControl()
    for given in postings:
        if not isinstance(given, PostingInput):
            raise TypeError("postings must be PostingInput values")
    checked = [_posting(given) for given in postings]

    def work(session: Session) -> PostingsResult:
        contracts = _contracts_allowed(session, actor, (p.contract_id for p in postings), POST)
        closed = closed_month_starts(session)
        issues: list[ValidationIssue] = []
        for index, (given, posting) in enumerate(zip(postings, checked, strict=True)):
            if index % _CHECKPOINT == 0:
                task.checkpoint()
                task.report(index, len(postings))
            issues += [
                ValidationIssue(f"postings[{index}].{issue.field}", issue.code, issue.params)
                for issue in _entry_issues(contracts[given.contract_id], posting, day, closed)
            ]
        _raise(issues)
        households = {contract.id: contract.household_id for contract in contracts.values()}
        rows = [
            _entry_values(given.contract_id, posting)
            for given, posting in zip(postings, checked, strict=True)
        ]
        name, user_id = audit_identity(actor)
        ids = insert_entries(session, user_id=user_id, rows=rows, households=households)
        concerned = {households[given.contract_id] for given in postings}
        if ids:
            fields = {key for row in rows for key, value in row.items() if value is not None}
            audit.record(
                session,
                actor=name,
                user_id=user_id,
                action="create",
                entity="ledger_entry",
                household_id=next(iter(concerned)) if len(concerned) == 1 else None,
                fields=sorted(fields),
                count=len(ids),
            )
        task.checkpoint()
        task.report(len(postings), len(postings))
        return PostingsResult(entries=len(ids), households=len(concerned))

    return database.run_write(work)


# ------------------------------------------------------------------ the deposit account


def deposit_movements(
    session: Session, contract_ids: Sequence[int]
) -> dict[int, list[DepositMovement]]:
    """Each contract's deposit movements, an applied one returning when its credit is reversed."""
    if not contract_ids:
        return {}
    returned: dict[int | None, date] = {
        reverses: posted_on
        for reverses, posted_on in session.execute(
            select(LedgerEntry.reverses_id, LedgerEntry.posted_on).where(
                LedgerEntry.contract_id.in_(contract_ids),
                LedgerEntry.kind == "reversal",
            )
        )
    }
    movements: dict[int, list[DepositMovement]] = defaultdict(list)
    for row in session.scalars(
        select(DepositEntry).where(DepositEntry.contract_id.in_(contract_ids))
    ):
        back = returned.get(row.ledger_entry_id) if row.ledger_entry_id is not None else None
        movements[row.contract_id].append(
            DepositMovement(row.posted_on, row.kind, row.amount, back)
        )
    return movements


@service_action(POST)
def post_deposit(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    kind: str,
    amount: int,
    posted_on: date,
    reference: str | None = None,
    today: date | None = None,
) -> DepositMovementInfo:
    """Record a movement of the deposit [dépôt de garantie]: received, applied, refunded.

    ``applied`` also posts a ``deposit_applied`` credit on the rent account, in the same
    transaction (the two stay linked).

    Raises:
        RefusedError: no such contract, or outside the actor's scope.
        InvalidInput: an unknown movement, an amount not positive or above what is held, a
            date in the future or in a closed month.
    """
    day = today or date.today()
    cents = _cents(amount)
    ref = _clean(reference)

    def work(session: Session) -> DepositMovementInfo:
        contract = contract_for(session, actor, contract_id, POST)
        issues = posting_date_issues(posted_on, day, closed_month_starts(session))
        issues += _text_issues("reference", ref, _TEXT_MAX)
        if kind not in v.DEPOSIT_MOVEMENT:
            issues.append(ValidationIssue("kind", "ledger.deposit_kind_unknown", {"value": kind}))
        if cents <= 0:
            issues.append(ValidationIssue("amount", "ledger.amount_negative"))
        movements = deposit_movements(session, [contract.id])[contract.id]
        available = deposit_available(movements, posted_on)
        if kind in OUTGOING and cents > 0 and cents > available:
            issues.append(
                ValidationIssue(
                    "amount",
                    "ledger.deposit_exceeds_held",
                    {"held": format_eur(max(available, 0)), "amount": format_eur(cents)},
                )
            )
        _raise(issues)
        writer = _Writer(session, actor, contract.household_id)
        credit = None
        if kind == "applied":
            credit = _add_entry(
                writer,
                contract.id,
                kind="deposit_applied",
                amount=cents,
                posted_on=posted_on,
                reference=ref,
            )
        row = DepositEntry(
            contract_id=contract.id,
            posted_on=posted_on,
            kind=kind,
            amount=cents,
            reference=ref,
            ledger_entry_id=credit.id if credit is not None else None,
            created_at=datetime.now(UTC),
            created_by=writer.user_id,
        )
        session.add(row)
        session.flush()
        writer.created(
            "deposit_entry",
            row.id,
            ["amount", "kind", "posted_on"] + (["reference"] if ref else []),
            [("kind", kind), ("amount", cents), ("posted_on", posted_on)],
        )
        moved = DepositMovement(posted_on, kind, cents)
        return DepositMovementInfo(
            movement_id=row.id,
            contract_id=contract.id,
            posted_on=posted_on,
            kind=kind,
            amount=cents,
            reference=ref,
            ledger_entry_id=row.ledger_entry_id,
            held=held_on([*movements, moved], posted_on),
        )

    return database.run_write(work)


@service_action(READ)
def deposit_held(
    database: Database, *, actor: Actor, contract_id: int, on: date | None = None
) -> int:
    """The deposit held for a contract on ``on`` (today by default), in cents.

    Raises:
        RefusedError: no such contract, or outside the actor's scope.
    """
    day = on or date.today()

    def read(session: Session) -> int:
        contract = contract_for(session, actor, contract_id, READ, parameters_in(session))
        return held_on(deposit_movements(session, [contract.id])[contract.id], day)

    return database.run_read(read)


# ------------------------------------------------------------------ month closing


def _closing_info(row: MonthClosing) -> MonthClosingInfo:
    closed_at = row.closed_at if row.closed_at.tzinfo else row.closed_at.replace(tzinfo=UTC)
    return MonthClosingInfo(row.period_month, closed_at, row.closed_by)


@service_action(CLOSE)
def close_month(
    database: Database, *, actor: Actor, month: date, today: date | None = None
) -> MonthClosingInfo:
    """Close a period month [clôture mensuelle]: nothing may be posted in it any more (§3.7).

    Raises:
        RefusedError: already closed, not ended yet, or not the month following the last
            closed one (months close in order).
    """
    day = today or date.today()
    period = month_start(month)

    def work(session: Session) -> MonthClosingInfo:
        require(actor, CLOSE)
        closed = closed_month_starts(session)
        if period in closed:
            raise RefusedError("ledger.month_already_closed", month=_month(period))
        following = add_months(period, 1)
        if following > day:
            raise RefusedError(
                "ledger.month_not_ended", month=_month(period), first=format_date(following)
            )
        if closed and period != add_months(max(closed), 1):
            raise RefusedError("ledger.month_out_of_order", next=_month(add_months(max(closed), 1)))
        writer = _Writer(session, actor, None)
        row = MonthClosing(
            period_month=period, closed_at=datetime.now(UTC), closed_by=writer.user_id
        )
        session.add(row)
        session.flush()
        writer.created(
            "month_closing",
            period.year * 100 + period.month,
            ["period_month"],
            [("period_month", period)],
        )
        return _closing_info(row)

    return database.run_write(work)


@service_action(CLOSE)
def closed_months(database: Database, *, actor: Actor) -> list[MonthClosingInfo]:
    """The closed months, oldest first."""

    def read(session: Session) -> list[MonthClosingInfo]:
        rows = session.scalars(select(MonthClosing).order_by(MonthClosing.period_month))
        return [_closing_info(row) for row in rows]

    return database.run_read(read)


# ------------------------------------------------------------------ reading accounts


@dataclass(frozen=True, slots=True)
class LoadedAccount:
    """A contract's rows, read with a fixed few queries for any number of contracts."""

    contract_id: int
    household_id: int
    dwelling_id: int
    dwelling_reference: str
    kind: str
    state: str
    start: date
    end: date | None
    indemnity_from: date | None
    rates: tuple[RateSpan, ...]
    statuses: tuple[BenefitSpan, ...]
    entries: tuple[EntryLine, ...]
    deposits: tuple[DepositMovement, ...]

    def book(self, grace_days: int) -> Book:
        """The account replayed by `domain.ledger` with this grace."""
        return build_account(
            self.entries,
            rates=self.rates,
            statuses=self.statuses,
            start=self.start,
            end=self.end,
            grace_days=grace_days,
        )


def load_accounts(session: Session, where: ColumnElement[bool]) -> list[LoadedAccount]:
    """The contracts matching ``where`` with their rows, in the caller's transaction.

    A helper for other services (no permission check: the caller has made it); contracts by
    start date, a fixed few queries whatever their number and that of their entries.
    """
    session.flush()
    rows = session.execute(
        select(OccupancyContract, Dwelling.reference)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(where)
        .order_by(OccupancyContract.start_date, OccupancyContract.id)
    ).all()
    ids = [contract.id for contract, _ in rows]
    if not ids:
        return []
    rates: dict[int, list[RateSpan]] = defaultdict(list)
    for rate in session.scalars(select(RentRate).where(RentRate.contract_id.in_(ids))):
        rates[rate.contract_id].append(
            RateSpan(
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
    statuses: dict[int, list[BenefitSpan]] = defaultdict(list)
    for status in session.scalars(select(BenefitStatus).where(BenefitStatus.contract_id.in_(ids))):
        statuses[status.contract_id].append(BenefitSpan(status.valid_from, status.status))
    entries: dict[int, list[EntryLine]] = defaultdict(list)
    for row in session.execute(
        select(
            LedgerEntry.contract_id,
            LedgerEntry.id,
            LedgerEntry.kind,
            LedgerEntry.amount,
            LedgerEntry.posted_on,
            LedgerEntry.period_month,
            LedgerEntry.nature,
            LedgerEntry.first_default_on,
            LedgerEntry.reverses_id,
        ).where(LedgerEntry.contract_id.in_(ids))
    ):
        entries[row[0]].append(EntryLine(*row[1:]))
    deposits = deposit_movements(session, ids)
    terminated = history_values(session, "occupancy_contract", ids, ("terminated_on",))
    loaded: list[LoadedAccount] = []
    for contract, reference in rows:
        kept = terminated.get((contract.id, "terminated_on"))
        loaded.append(
            LoadedAccount(
                contract_id=contract.id,
                household_id=contract.household_id,
                dwelling_id=contract.dwelling_id,
                dwelling_reference=reference,
                kind=contract.kind,
                state=contract.state,
                start=contract.start_date,
                end=contract.end_date,
                indemnity_from=date.fromisoformat(kept) if kept else None,
                rates=tuple(sorted(rates[contract.id], key=lambda r: r.valid_from)),
                statuses=tuple(sorted(statuses[contract.id], key=lambda s: s.valid_from)),
                entries=tuple(sorted(entries[contract.id], key=lambda e: e.ref)),
                deposits=tuple(deposits.get(contract.id, ())),
            )
        )
    return loaded


def _arrears_shares(span: ShareSpan, rates: Sequence[RateSpan]) -> Shares:
    """A share span with the gross rent and charges of the rate in force (§4.7's rules)."""
    rate = rate_on(rates, span.start)
    if rate is None:
        return Shares(span.start, span.share, span.housing_share)
    return Shares(
        span.start,
        span.share,
        span.housing_share,
        rent=rate.rent,
        charges=rate.charges,
        tiers_payant=rate.tiers_payant,
    )


def contract_accounts(
    session: Session, contract_ids: Sequence[int], on: date | None = None
) -> dict[int, ContractAccount]:
    """Terms, credits and shares of several contracts, for the arrears ladder.

    A helper for other services, in the caller's transaction (no permission check: the caller
    has made it). The grace is the one in force on ``on`` (today by default). A fixed few
    queries whatever the number of contracts and entries.
    """
    if not contract_ids:
        return {}
    grace = parameters_in(session).int("arrears.grace_days", on or date.today())
    accounts: dict[int, ContractAccount] = {}
    for item in load_accounts(session, OccupancyContract.id.in_(list(contract_ids))):
        book = item.book(grace)
        spans = share_spans(
            item.rates, item.statuses, start=item.start, indemnity_from=item.indemnity_from
        )
        accounts[item.contract_id] = ContractAccount(
            contract_id=item.contract_id,
            household_id=item.household_id,
            kind=item.kind,
            terms=book.terms,
            credits=book.credits,
            shares=tuple(_arrears_shares(span, item.rates) for span in spans),
            credit_kinds=book.credit_kinds,
            household_refs=frozenset(
                ref for ref, kind in book.credit_kinds.items() if kind == "household_payment"
            ),
        )
    return accounts


def contract_account(session: Session, contract_id: int, on: date | None = None) -> ContractAccount:
    """Terms, credits and shares of one contract, for the arrears ladder (see above).

    Raises:
        RefusedError: no such contract.
    """
    account = contract_accounts(session, [contract_id], on).get(contract_id)
    if account is None:
        raise RefusedError("contract.unknown")
    return account


def _benefit_received(entries: Sequence[EntryLine], on: date) -> int:
    """Housing benefit posted on or before ``on`` and not reversed by then, net of indus."""
    reversed_on = {e.reverses: e.posted_on for e in entries if e.kind == "reversal"}
    return sum(
        e.amount
        for e in entries
        if e.kind == "housing_benefit"
        and e.posted_on <= on
        and (e.ref not in reversed_on or reversed_on[e.ref] > on)
    )


def balance_of(item: LoadedAccount, on: date, parameters: Parameters) -> ContractBalance:
    """A loaded contract's balance on ``on`` (what `contract_balance` returns)."""
    grace = parameters.int("arrears.grace_days", on)
    book = item.book(grace)
    state = account_on(
        book,
        on,
        grace_days=grace,
        payment_day=parameters.int("benefit.expected_payment_day", on),
    )
    running = item.start <= on and (item.end is None or on <= item.end)
    share, housing = (
        shares_on(item.rates, item.statuses, on, indemnity_from=item.indemnity_from)
        if running
        else (0, 0)
    )
    terms = tuple(
        TermBalance(
            source=book.sources[term.term.ref],
            period_month=term.term.period,
            due=term.term.due,
            amount=term.term.amount,
            expected=term.virtual,
            withheld=term.withheld,
            unsettled=term.unsettled,
            housing_unsettled=term.housing_unsettled,
            in_default=term.unsettled > 0 and term.term.due + timedelta(days=grace) <= on,
        )
        for term in state.allocation.terms
    )
    return ContractBalance(
        contract_id=item.contract_id,
        household_id=item.household_id,
        dwelling_reference=item.dwelling_reference,
        state=item.state,
        end=item.end,
        on=on,
        charged=state.charged,
        credits=state.credited,
        benefit_received=_benefit_received(item.entries, on),
        benefit_pending=state.benefit_pending,
        benefit_overdue=state.benefit_overdue,
        benefit_withheld=state.benefit_withheld,
        household_share=share,
        housing_share=housing,
        owed=state.owed,
        debt=state.debt.debt,
        housing_debt=state.debt.housing_debt,
        advance=state.advance,
        deposit_held=held_on(item.deposits, on),
        terms=terms,
    )


@service_action(READ)
def contract_balance(
    database: Database, *, actor: Actor, contract_id: int, on: date
) -> ContractBalance:
    """A contract's balance on ``on``, replayed from scratch (§3.4, §3.5, §4.2).

    Raises:
        RefusedError: no such contract, or its amounts are outside the actor's rights.
    """

    def read(session: Session) -> ContractBalance:
        parameters = parameters_in(session)
        contract_for(session, actor, contract_id, READ, parameters)
        [item] = load_accounts(session, OccupancyContract.id == contract_id)
        return balance_of(item, on, parameters)

    return database.run_read(read)


def _sum(balances: Sequence[ContractBalance], name: str) -> int:
    return sum(int(getattr(balance, name)) for balance in balances)


@service_action(READ)
def household_balance(
    database: Database, *, actor: Actor, household_id: int, on: date
) -> HouseholdBalance:
    """The sum of a household's contracts on ``on``, ended ones included (debts stay, §3.8).

    Raises:
        RefusedError: the household's amounts are outside the actor's rights.
    """

    def read(session: Session) -> HouseholdBalance:
        parameters = parameters_in(session)
        dwellings = session.scalars(
            select(Dwelling)
            .join(OccupancyContract, OccupancyContract.dwelling_id == Dwelling.id)
            .where(OccupancyContract.household_id == household_id)
        )
        require(actor, READ, account_context(session, actor, household_id, dwellings, parameters))
        items = load_accounts(session, OccupancyContract.household_id == household_id)
        balances = tuple(balance_of(item, on, parameters) for item in items)
        credits: dict[str, int] = defaultdict(int)
        for balance in balances:
            for kind, cents in balance.credits:
                credits[kind] += cents
        return HouseholdBalance(
            household_id=household_id,
            on=on,
            contracts=balances,
            charged=_sum(balances, "charged"),
            credits=tuple((kind, credits[kind]) for kind in CREDIT_KINDS if credits.get(kind)),
            benefit_received=_sum(balances, "benefit_received"),
            benefit_pending=_sum(balances, "benefit_pending"),
            benefit_overdue=_sum(balances, "benefit_overdue"),
            benefit_withheld=_sum(balances, "benefit_withheld"),
            household_share=_sum(balances, "household_share"),
            housing_share=_sum(balances, "housing_share"),
            owed=_sum(balances, "owed"),
            debt=_sum(balances, "debt"),
            housing_debt=_sum(balances, "housing_debt"),
            advance=_sum(balances, "advance"),
            deposit_held=_sum(balances, "deposit_held"),
        )

    return database.run_read(read)


# ------------------------------------------------------------------ the account statement


def entry_effect(entry: EntryLine, by_id: Mapping[int, EntryLine]) -> int:
    """What an entry adds to what the household owes (a reversal: the opposite of its entry)."""
    if entry.kind == "reversal":
        target = by_id.get(entry.reverses) if entry.reverses is not None else None
        return -entry_effect(target, by_id) if target is not None else 0
    if entry.kind in ("charge", "opening_balance", "adjustment"):
        return entry.amount
    return -entry.amount  # credits; a negative housing benefit (indu) is owed again


def entry_label(entry: EntryLine, by_id: Mapping[int, EntryLine]) -> str:
    """The French wording of a statement line."""
    if entry.kind == "reversal":
        target = by_id.get(entry.reverses) if entry.reverses is not None else None
        what = entry_label(target, by_id) if target is not None else v.LEDGER_KIND.label("reversal")
        return message("ledger.line.reversal", label=what)
    if entry.kind == "opening_balance":
        first = entry.first_default_on or entry.posted_on
        return message("ledger.line.opening_balance", first_default=format_date(first))
    parts = [] if entry.kind == "charge" else [v.LEDGER_KIND.label(entry.kind)]
    if entry.nature is not None:
        parts.append(v.CHARGE_NATURE.label(entry.nature))
    if entry.period is not None:
        parts.append(_month(entry.period))
    return " – ".join(parts)


@service_action(READ)
def account_lines(
    database: Database, *, actor: Actor, contract_id: int, start: date, end: date
) -> list[AccountLine]:
    """The statement of a contract's account over start…end (inclusive), in posting order.

    The first line is the balance brought forward from the day before ``start``; each line
    then gives its debit or credit and the running balance (what the household owes).
    Expected benefit is not money: it never appears here.

    Raises:
        RefusedError: no such contract, or its amounts are outside the actor's rights.
        InvalidInput: a period ending before it starts.
    """
    if end < start:
        _raise(
            [
                ValidationIssue(
                    "end",
                    "ledger.statement_end_before_start",
                    {"start": format_date(start), "end": format_date(end)},
                )
            ]
        )

    def read(session: Session) -> list[AccountLine]:
        contract_for(session, actor, contract_id, READ, parameters_in(session))
        [item] = load_accounts(session, OccupancyContract.id == contract_id)
        by_id = {entry.ref: entry for entry in item.entries}
        reversed_by = {e.reverses: e.ref for e in item.entries if e.kind == "reversal"}
        ordered = sorted(item.entries, key=lambda e: (e.posted_on, e.ref))
        balance = sum(entry_effect(e, by_id) for e in ordered if e.posted_on < start)
        before = start - timedelta(days=1)
        lines = [
            AccountLine(
                entry_id=None,
                posted_on=before,
                kind=None,
                period_month=None,
                label=message("ledger.line.brought_forward", day=format_date(before)),
                debit=0,
                credit=0,
                balance=balance,
                reversed_by=None,
            )
        ]
        for entry in ordered:
            if not start <= entry.posted_on <= end:
                continue
            effect = entry_effect(entry, by_id)
            balance += effect
            lines.append(
                AccountLine(
                    entry_id=entry.ref,
                    posted_on=entry.posted_on,
                    kind=entry.kind,
                    period_month=entry.period,
                    label=entry_label(entry, by_id),
                    debit=max(effect, 0),
                    credit=max(-effect, 0),
                    balance=balance,
                    reversed_by=reversed_by.get(entry.ref),
                )
            )
        return lines

    return database.run_read(read)
