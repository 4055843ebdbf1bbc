"""Arrears actions [Démarches] and their letters (DOMAIN §2 Actions, §4.7, §4.8; issue 6 point 7).

Every step taken about a contract's arrears is recorded with its date, and its document when
Seuil writes one: a friendly reminder, a formal notice, a repayment plan agreement or a letter
to the mandataire of a protected person. The ladder (`domain.arrears`) reads these actions: a
CAF report, a plan or a CCAPEX referral closes its reminder; a repayment plan's instalments say
whether it is kept; an overindebtedness procedure pauses the escalation.

Decisions where DOMAIN.md is silent, kept here so the GUI and the tests agree:

- **Who**: recording a step is editing the contract's file, ``contract.edit``: rental
  management, coordination and direction on every contract, a social worker on their caseload
  (FSL applications, CCAPEX referrals, overindebtedness files are often theirs), a host on
  their residents. Secretaries, interns and volunteers never. A **letter** states amounts: it
  also needs ``ledger.read_amounts`` on the contract, so a social worker records the steps but
  rental management writes the letters. A protected file's letters (identity and address) are
  written only by its circle. Listing the steps needs ``ledger.read_status``; their amounts are
  left out for whoever may not read the account's amounts.
- **Outcomes** are codes (`OUTCOMES`), for the kinds that have one: an FSL decision (grant,
  loan…), a CAF or CCAPEX decision, a judgment (termination, delays, suspension), the steps of
  an overindebtedness procedure (filed, admissible, measures, erased: ``erased`` ends it), and
  the reminder letter sent to a mandataire. Anything else goes in the free ``detail``.
- **Amounts** (cents, positive) only for the kinds of `AMOUNT_KINDS`. A **repayment plan**
  carries its instalments (positive, one per due date, none before the plan); its amount is
  their sum (given, it must equal it). No other kind takes instalments.
- **Dates**: a step is not in the future nor before the contract's start; its proof of delivery
  is not before the step nor in the future, and may be added later (`record_delivery`).
- **Letters** are computed on the day they are written from the contract's balance: the terms
  in default (grace passed, §4.1) with what each left unpaid; the debt is their sum and must be
  positive. The formal notice recalls the earlier letters of the running episode and, when the
  benefit is paid to the association, that the CAF (or MSA) is informed. Each letter is stored
  as a Document (kind ``letter``) of the household, linked to the contract, and its action
  points at it, in the same transaction. `documents.add_document` is not called: it runs its
  own transaction and needs ``household.edit``, which rental management does not hold; this
  module uses that module's storage helpers instead. The letter to a mandataire is recorded as
  a ``reminder_letter`` with outcome ``to_mandataire``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import arrears as rules
from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.ledger import EntryLine
from desktop_app.domain.messages import message
from desktop_app.domain.money import format_eur
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import AccessContext, Actor, decide
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import (
    ArrearsAction,
    AuditEvent,
    Document,
    Dwelling,
    Household,
    Membership,
    OccupancyContract,
    Organisation,
    Partner,
    Person,
    Programme,
    RentRate,
    RepaymentInstalment,
    UserAccount,
)
from desktop_app.reports.pdf import letters as pdf
from desktop_app.reports.pdf.common import Contact, Letterhead, Recipient, Signatory
from desktop_app.services import documents
from desktop_app.services.arrears import ladder_account, recorded_actions
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.households import scope_filter
from desktop_app.services.ledger import (
    ContractBalance,
    account_context,
    balance_of,
    contract_account,
    load_accounts,
)
from desktop_app.services.parameters import parameters_in

EDIT: Final = "contract.edit"
READ_STATUS: Final = "ledger.read_status"
READ_AMOUNTS: Final = "ledger.read_amounts"

# Outcome codes per kind of action; the French label is message "arrears_action.outcome.K.C".
OUTCOMES: Final[Mapping[str, tuple[str, ...]]] = {
    "reminder_letter": ("to_mandataire",),
    "caf_or_ccapex_decision": (
        "benefit_maintained",
        "benefit_suspended",
        "plan_requested",
        "recommendation",
    ),
    "fsl_application": ("filed", "grant", "loan", "grant_and_loan", "refused"),
    "judgment": ("termination", "delays", "suspension"),
    "overindebtedness": ("filed", "admissible", "measures", "erased"),
}
AMOUNT_KINDS: Final = frozenset(
    {"fsl_application", "repayment_plan", "payment_order", "judgment", "overindebtedness"}
)
PLAN: Final = "repayment_plan"
TO_MANDATAIRE: Final = "to_mandataire"

# The letters Seuil writes, and the action each one records.
LETTER_KINDS: Final = ("reminder", "formal_notice", "repayment_plan", "mandataire")
LETTER_ACTION: Final[Mapping[str, str]] = {
    "reminder": "reminder_letter",
    "formal_notice": "formal_notice",
    "repayment_plan": PLAN,
    "mandataire": "reminder_letter",
}
_LETTER_SLUG: Final[Mapping[str, str]] = {
    "reminder": "rappel",
    "formal_notice": "mise-en-demeure",
    "repayment_plan": "plan-apurement",
    "mandataire": "courrier-mandataire",
}
DETAIL_MAX: Final = 2_000
INSTALMENTS_MAX: Final = 120  # ten years of monthly instalments
# Whose title signs a letter, when the actor holds several roles.
_SIGNING_ROLES: Final = ("rental_manager", "coordinator", "director", "social_worker", "host")
_COUPLE_ROLES: Final = ("head", "partner")
_CIVILITY: Final[Mapping[str, str]] = {"f": "Mme", "h": "M."}


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class InstalmentInput:
    """One instalment of a repayment plan, as typed: ``amount`` cents due on ``due_on``."""

    due_on: date
    amount: int


@dataclass(frozen=True, slots=True)
class InstalmentInfo:
    """One instalment as recorded (``amount`` None when the actor may not see amounts)."""

    due_on: date
    amount: int | None


@dataclass(frozen=True, slots=True)
class ArrearsActionInfo:
    """A step recorded on a contract's arrears [Démarche].

    ``amount`` and the instalments' amounts are None when the actor may not read the
    account's amounts (``amounts_visible``); ``document_id`` is the letter, if Seuil wrote one;
    ``version`` is what a later update must carry (team mode).
    """

    action_id: int
    contract_id: int
    household_id: int
    kind: str
    action_date: date
    outcome: str | None
    amount: int | None
    delivered_on: date | None
    detail: str | None
    document_id: int | None
    instalments: tuple[InstalmentInfo, ...]
    created_at: datetime
    created_by: str | None
    version: int
    amounts_visible: bool

    @property
    def label(self) -> str:
        """The step's French label."""
        return v.ARREARS_ACTION.label(self.kind)

    @property
    def outcome_label(self) -> str:
        """The outcome's French label (empty without one)."""
        return outcome_label(self.kind, self.outcome) if self.outcome else ""


@dataclass(frozen=True, slots=True)
class LetterIssued:
    """A letter written, stored in the household's file, and the step it recorded."""

    action: ArrearsActionInfo
    document_id: int
    title: str
    file_name: str
    content: bytes


def outcome_label(kind: str, outcome: str) -> str:
    """The French label of an outcome code of a kind of action (see `OUTCOMES`)."""
    return message(f"arrears_action.outcome.{kind}.{outcome}")


def letter_label(kind: str) -> str:
    """The French name of a kind of letter (see `LETTER_KINDS`)."""
    return message(f"arrears_letter.kind.{kind}")


# ------------------------------------------------------------------ checks


def _issue(field: str, code: str, **params: object) -> ValidationIssue:
    return ValidationIssue(field, code, dict(params))


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _date_issues(
    action_date: date, delivered_on: date | None, start: date, today: date, field: str
) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if action_date > today:
        issues.append(_issue(field, "arrears_action.date_in_future", day=format_date(action_date)))
    elif action_date < start:
        issues.append(
            _issue(
                field,
                "arrears_action.date_before_contract",
                day=format_date(action_date),
                start=format_date(start),
            )
        )
    if delivered_on is not None:
        issues += _delivery_issues(action_date, delivered_on, today)
    return issues


def _delivery_issues(action_date: date, delivered_on: date, today: date) -> list[ValidationIssue]:
    if delivered_on < action_date:
        return [
            _issue(
                "delivered_on",
                "arrears_action.delivery_before_date",
                delivered_on=format_date(delivered_on),
                action_date=format_date(action_date),
            )
        ]
    if delivered_on > today:
        return [
            _issue(
                "delivered_on", "arrears_action.delivery_in_future", day=format_date(delivered_on)
            )
        ]
    return []


def _instalment_issues(
    instalments: Sequence[InstalmentInput], plan_date: date
) -> list[ValidationIssue]:
    """Positive amounts, one per due date, none before the plan; a bounded schedule."""
    if not instalments:
        return [_issue("instalments", "arrears_action.plan_needs_instalments")]
    if len(instalments) > INSTALMENTS_MAX:
        return [
            _issue("instalments", "arrears_action.too_many_instalments", maximum=INSTALMENTS_MAX)
        ]
    issues: list[ValidationIssue] = []
    seen: set[date] = set()
    for item in instalments:
        due = format_date(item.due_on)
        if isinstance(item.amount, bool) or not isinstance(item.amount, int):
            raise TypeError("an instalment's amount is int cents")
        if item.amount <= 0:
            issues.append(_issue("instalments", "arrears_action.instalment_not_positive", due=due))
        if item.due_on < plan_date:
            issues.append(
                _issue(
                    "instalments",
                    "arrears_action.instalment_before_plan",
                    due=due,
                    day=format_date(plan_date),
                )
            )
        if item.due_on in seen:
            issues.append(_issue("instalments", "arrears_action.instalment_twice", due=due))
        seen.add(item.due_on)
    return issues


def _step_issues(
    kind: str,
    *,
    outcome: str | None,
    amount: int | None,
    detail: str | None,
    instalments: Sequence[InstalmentInput],
    plan_date: date,
) -> list[ValidationIssue]:
    """What the kind allows: its outcomes, an amount, instalments (a plan's sum), the detail."""
    if kind not in v.ARREARS_ACTION:
        return [_issue("kind", "arrears_action.kind_unknown", value=kind)]
    issues: list[ValidationIssue] = []
    allowed = OUTCOMES.get(kind, ())
    if outcome is not None and not allowed:
        issues.append(_issue("outcome", "arrears_action.outcome_not_allowed"))
    elif outcome is not None and outcome not in allowed:
        issues.append(_issue("outcome", "arrears_action.outcome_unknown", value=outcome))
    if amount is not None:
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError("an action's amount is int cents")
        if kind not in AMOUNT_KINDS:
            issues.append(_issue("amount", "arrears_action.amount_not_allowed"))
        elif amount <= 0:
            issues.append(_issue("amount", "arrears_action.amount_not_positive"))
    if detail is not None and len(detail) > DETAIL_MAX:
        issues.append(_issue("detail", "arrears_action.detail_too_long", maximum=DETAIL_MAX))
    if kind != PLAN:
        if instalments:
            issues.append(_issue("instalments", "arrears_action.instalments_not_allowed"))
        return issues
    plan_issues = _instalment_issues(instalments, plan_date)
    issues += plan_issues
    total = sum(item.amount for item in instalments)
    if not plan_issues and amount is not None and amount > 0 and amount != total:
        issues.append(
            _issue(
                "amount",
                "arrears_action.plan_sum_differs",
                total=format_eur(total),
                amount=format_eur(amount),
            )
        )
    return issues


def _clean(text: str | None) -> str | None:
    return (text or "").strip() or None


# ------------------------------------------------------------------ reading and writing rows


@dataclass(frozen=True, slots=True)
class _Target:
    """The contract acted upon, its dwelling and household, and the actor's rights on it."""

    contract: OccupancyContract
    dwelling: Dwelling
    household: Household
    context: AccessContext
    parameters: Parameters

    def allows(self, actor: Actor, action: str) -> bool:
        return decide(actor, action, self.context).allowed


def _target(session: Session, actor: Actor, contract_id: int, action: str) -> _Target:
    """The contract once ``actor`` is known to be allowed ``action`` on it."""
    contract = session.get(OccupancyContract, contract_id)
    if contract is None:
        raise RefusedError("contract.unknown")
    dwelling = session.get(Dwelling, contract.dwelling_id)
    household = session.get(Household, contract.household_id)
    assert dwelling is not None  # foreign keys
    assert household is not None
    parameters = parameters_in(session)  # the ladder reads every rule of §4
    context = account_context(session, actor, contract.household_id, [dwelling], parameters)
    require(actor, action, context)
    return _Target(contract, dwelling, household, context, parameters)


def _info(
    session: Session,
    action: ArrearsAction,
    household_id: int,
    *,
    visible: bool,
    names: Mapping[int, str] | None = None,
) -> ArrearsActionInfo:
    if names is not None:
        author = names.get(action.created_by) if action.created_by is not None else None
    elif action.created_by is not None:
        author = session.scalar(
            select(UserAccount.display_name).where(UserAccount.id == action.created_by)
        )
    else:
        author = None
    created = action.created_at
    return ArrearsActionInfo(
        action_id=action.id,
        contract_id=action.contract_id,
        household_id=household_id,
        kind=action.kind,
        action_date=action.action_date,
        outcome=action.outcome,
        amount=action.amount if visible else None,
        delivered_on=action.delivered_on,
        detail=action.detail,
        document_id=action.document_id,
        instalments=tuple(
            InstalmentInfo(item.due_on, item.amount if visible else None)
            for item in sorted(action.instalments, key=lambda item: item.due_on)
        ),
        created_at=created if created.tzinfo else created.replace(tzinfo=UTC),
        created_by=author,
        version=action.version,
        amounts_visible=visible,
    )


def _insert_action(
    session: Session,
    actor: Actor,
    target: _Target,
    *,
    kind: str,
    action_date: date,
    outcome: str | None,
    amount: int | None,
    delivered_on: date | None,
    detail: str | None,
    instalments: Sequence[InstalmentInput],
    document_id: int | None,
    moment: datetime,
) -> ArrearsAction:
    """Insert the action and its instalments, with the audit event and the history."""
    action = ArrearsAction(
        contract_id=target.contract.id,
        kind=kind,
        action_date=action_date,
        outcome=outcome,
        amount=amount,
        delivered_on=delivered_on,
        detail=detail,
        document_id=document_id,
        created_at=moment,
        created_by=actor.user_id,
    )
    action.instalments = [
        RepaymentInstalment(due_on=item.due_on, amount=item.amount)
        for item in sorted(instalments, key=lambda item: item.due_on)
    ]
    session.add(action)
    session.flush()
    login, user_id = audit_identity(actor)
    household_id = target.household.id
    values = {
        "kind": kind,
        "action_date": action_date,
        "outcome": outcome,
        "amount": amount,
        "delivered_on": delivered_on,
        "detail": detail,
        "document_id": document_id,
    }
    fields = sorted(name for name, value in values.items() if value is not None)
    audit.record(
        session,
        actor=login,
        user_id=user_id,
        action="create",
        entity="arrears_action",
        entity_id=action.id,
        household_id=household_id,
        fields=[*fields, *(["instalments"] if instalments else [])],
        at=moment,
    )
    for field in ("kind", "action_date", "outcome", "amount", "delivered_on", "document_id"):
        record_change(
            session,
            user_id=user_id,
            household_id=household_id,
            entity="arrears_action",
            entity_id=action.id,
            field=field,
            old=None,
            new=getattr(action, field),
            at=moment,
        )
    for item in action.instalments:
        for field in ("due_on", "amount"):
            record_change(
                session,
                user_id=user_id,
                household_id=household_id,
                entity="repayment_instalment",
                entity_id=item.id,
                field=field,
                old=None,
                new=getattr(item, field),
                at=moment,
            )
    return action


# ------------------------------------------------------------------ recording steps


@service_action(EDIT)
def record_action(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    kind: str,
    action_date: date,
    outcome: str | None = None,
    amount: int | None = None,
    delivered_on: date | None = None,
    detail: str | None = None,
    instalments: Sequence[InstalmentInput] = (),
    today: date | None = None,
    now: datetime | None = None,
) -> ArrearsActionInfo:
    """Record a step taken about a contract's arrears (module docstring for the rules).

    A repayment plan gives its ``instalments``; its ``amount``, when given, must be their sum.

    Raises:
        InvalidInput: every field to correct at once (kind, dates, outcome, amount, plan).
        RefusedError: no such contract, or outside the actor's rights.
    """
    day = today or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    text = _clean(detail)
    plan = list(instalments)

    def work(session: Session) -> ArrearsActionInfo:
        target = _target(session, actor, contract_id, EDIT)
        issues = _date_issues(
            action_date, delivered_on, target.contract.start_date, day, "action_date"
        ) + _step_issues(
            kind,
            outcome=outcome,
            amount=amount,
            detail=text,
            instalments=plan,
            plan_date=action_date,
        )
        _raise(issues)
        total = amount
        if kind == PLAN and total is None:
            total = sum(item.amount for item in plan)
        action = _insert_action(
            session,
            actor,
            target,
            kind=kind,
            action_date=action_date,
            outcome=outcome,
            amount=total,
            delivered_on=delivered_on,
            detail=text,
            instalments=plan,
            document_id=None,
            moment=moment,
        )
        return _info(
            session, action, target.household.id, visible=target.allows(actor, READ_AMOUNTS)
        )

    return database.run_write(work)


def _conflict(session: Session, action: ArrearsAction) -> RefusedError:
    """The refusal of a stale update, naming the last writer from the security log."""
    last = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(AuditEvent.entity == "arrears_action", AuditEvent.entity_id == action.id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return RefusedError("arrears_action.conflict_unknown")
    who, at = last
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    return RefusedError(
        "arrears_action.conflict", who=who, when=moment.astimezone().strftime("%d/%m/%Y à %H:%M")
    )


@service_action(EDIT)
def record_delivery(
    database: Database,
    *,
    actor: Actor,
    action_id: int,
    delivered_on: date | None,
    version: int,
    today: date | None = None,
) -> ArrearsActionInfo:
    """Record (or correct, or clear) the proof-of-delivery date of a step sent by post.

    Raises:
        InvalidInput: a date before the step or in the future.
        RefusedError: no such step, outside the actor's rights, or changed meanwhile.
    """
    day = today or date.today()

    def work(session: Session) -> ArrearsActionInfo:
        action = session.get(ArrearsAction, action_id)
        if action is None:
            raise RefusedError("arrears_action.unknown")
        target = _target(session, actor, action.contract_id, EDIT)
        if action.version != version:
            raise _conflict(session, action)
        if delivered_on is not None:
            _raise(_delivery_issues(action.action_date, delivered_on, day))
        login, user_id = audit_identity(actor)
        record_change(
            session,
            user_id=user_id,
            household_id=target.household.id,
            entity="arrears_action",
            entity_id=action.id,
            field="delivered_on",
            old=action.delivered_on,
            new=delivered_on,
        )
        action.delivered_on = delivered_on
        session.flush()
        audit.record(
            session,
            actor=login,
            user_id=user_id,
            action="update",
            entity="arrears_action",
            entity_id=action.id,
            household_id=target.household.id,
            fields=("delivered_on",),
        )
        return _info(
            session, action, target.household.id, visible=target.allows(actor, READ_AMOUNTS)
        )

    return database.run_write(work)


@service_action(READ_STATUS)
def list_actions(database: Database, *, actor: Actor, contract_id: int) -> list[ArrearsActionInfo]:
    """The steps recorded on a contract's arrears, newest first (amounts as the actor may).

    Raises:
        RefusedError: no such contract, or outside the actor's rights.
    """

    def read(session: Session) -> list[ArrearsActionInfo]:
        target = _target(session, actor, contract_id, READ_STATUS)
        visible = target.allows(actor, READ_AMOUNTS)
        actions = list(
            session.scalars(
                select(ArrearsAction)
                .where(ArrearsAction.contract_id == contract_id)
                .order_by(ArrearsAction.action_date.desc(), ArrearsAction.id.desc())
            )
        )
        authors = {a.created_by for a in actions if a.created_by is not None}
        names = {
            user_id: name
            for user_id, name in session.execute(
                select(UserAccount.id, UserAccount.display_name).where(UserAccount.id.in_(authors))
            )
        }
        return [
            _info(session, action, target.household.id, visible=visible, names=names)
            for action in actions
        ]

    return database.run_read(read)


@service_action(READ_STATUS)
def contract_programmes(
    database: Database, *, actor: Actor, contract_ids: Collection[int]
) -> dict[int, str]:
    """The programme of each contract's dwelling, by contract id (for the arrears screen).

    Contracts outside the actor's scope are left out.
    """
    ids = list(contract_ids)

    def read(session: Session) -> dict[int, str]:
        if not ids:
            return {}
        query = (
            select(OccupancyContract.id, Programme.name)
            .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
            .join(Programme, Programme.id == Dwelling.programme_id)
            .join(Household, Household.id == OccupancyContract.household_id)
            .where(OccupancyContract.id.in_(ids))
        )
        scope = scope_filter(actor)
        if scope is not None:
            query = query.where(scope)
        return {contract_id: name for contract_id, name in session.execute(query)}

    return database.run_read(read)


@service_action(READ_AMOUNTS)
def record_arrears_export(database: Database, *, actor: Actor, count: int) -> None:
    """Write the security-log event of an export of the arrears list (DOMAIN §8: one event)."""

    def work(session: Session) -> None:
        login, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=login,
            user_id=user_id,
            action="export",
            entity="arrears",
            count=count,
        )

    database.run_write(work)


# ------------------------------------------------------------------ letters


def _money_issue(field: str, code: str, **amounts: int) -> ValidationIssue:
    return _issue(field, code, **{name: format_eur(cents) for name, cents in amounts.items()})


def _letter_issues(
    kind: str,
    *,
    written_on: date,
    deadline: date | None,
    pay_by: date | None,
    instalments: Sequence[InstalmentInput],
    detail: str | None,
) -> list[ValidationIssue]:
    if kind not in LETTER_KINDS:
        return [_issue("kind", "arrears_letter.kind_unknown", value=kind)]
    issues: list[ValidationIssue] = []
    if kind == "formal_notice":
        if deadline is None:
            issues.append(_issue("deadline", "arrears_letter.deadline_required"))
        elif deadline <= written_on:
            issues.append(
                _issue(
                    "deadline",
                    "arrears_letter.deadline_not_after",
                    deadline=format_date(deadline),
                    day=format_date(written_on),
                )
            )
    if kind == "reminder" and pay_by is not None and pay_by <= written_on:
        issues.append(
            _issue(
                "pay_by",
                "arrears_letter.pay_by_not_after",
                pay_by=format_date(pay_by),
                day=format_date(written_on),
            )
        )
    issues += _step_issues(
        LETTER_ACTION[kind],
        outcome=TO_MANDATAIRE if kind == "mandataire" else None,
        amount=None,
        detail=detail,
        instalments=instalments,
        plan_date=written_on,
    )
    return issues


def _name(person: Person) -> str:
    civility = _CIVILITY.get(person.sex, "")
    return " ".join(part for part in (civility, person.first_name, person.last_name) if part)


def _members(session: Session, household_id: int, on: date) -> list[tuple[str, Person]]:
    """The household's members on ``on`` (role, person), the head first."""
    rows = session.execute(
        select(Membership.role, Person)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.household_id == household_id,
            Membership.joined_on <= on,
            (Membership.left_on.is_(None)) | (Membership.left_on >= on),
        )
        .order_by(Membership.joined_on, Membership.id)
    ).all()
    order = {role: index for index, role in enumerate(_COUPLE_ROLES)}
    members = [(str(role), person) for role, person in rows]
    return sorted(members, key=lambda item: order.get(item[0], len(order)))


def _lines(*parts: str | None) -> tuple[str, ...]:
    return tuple(" ".join(part.split()) for part in parts if part and part.strip())


def _postal(postcode: str | None, commune: str | None) -> str:
    return " ".join(part for part in (postcode, commune) if part)


def _household_address(target: _Target, on: date) -> tuple[str, ...]:
    """Where the household lives on ``on``: the dwelling while the contract runs."""
    contract, dwelling, household = target.contract, target.dwelling, target.household
    running = contract.start_date <= on and (contract.end_date is None or on <= contract.end_date)
    if not running and household.address:
        return _lines(household.address, _postal(household.postcode, household.commune))
    if not running and household.domiciliation:
        return _lines(household.domiciliation)
    return _lines(dwelling.address, _postal(dwelling.postcode, dwelling.commune))


def _letterhead(session: Session) -> Letterhead:
    organisation = session.scalars(select(Organisation).order_by(Organisation.id).limit(1)).first()
    if organisation is None:
        raise RefusedError("arrears_letter.no_association")
    return Letterhead(
        name=organisation.name,
        address_lines=_lines(
            organisation.address, _postal(organisation.postcode, organisation.commune)
        ),
        siret=organisation.siret or "",
        city=organisation.commune or "",
    )


def _writer(session: Session, actor: Actor, letterhead: Letterhead) -> tuple[Contact, Signatory]:
    """The actor as the household's contact and as the signatory (else the association)."""
    name = (
        session.scalar(select(UserAccount.display_name).where(UserAccount.id == actor.user_id))
        if actor.user_id is not None
        else None
    )
    if not name:
        return Contact(name=letterhead.name), Signatory(name=letterhead.name)
    role = next((r for r in _SIGNING_ROLES if r in actor.roles), None)
    title = message(f"arrears_letter.role.{role}") if role is not None else ""
    return Contact(name=name, role=title), Signatory(name=name, title=title)


def _rate_on(session: Session, contract_id: int, on: date) -> RentRate | None:
    rates = list(
        session.scalars(
            select(RentRate)
            .where(RentRate.contract_id == contract_id)
            .order_by(RentRate.valid_from)
        )
    )
    current = rates[0] if rates else None
    for rate in rates:
        if rate.valid_from <= on:
            current = rate
    return current


def _benefit_received(entries: Sequence[EntryLine], period: date, on: date) -> int:
    """Housing benefit posted for ``period`` on or before ``on``, reversals and indus netted."""
    lines = [entry for entry in entries if entry.posted_on <= on]
    reversed_refs = {entry.reverses for entry in lines if entry.kind == "reversal"}
    return sum(
        entry.amount
        for entry in lines
        if entry.kind == "housing_benefit"
        and entry.period == period
        and entry.ref not in reversed_refs
    )


def _debt_terms(
    balance: ContractBalance, entries: Sequence[EntryLine], on: date
) -> tuple[pdf.DebtMonth, ...]:
    """The terms in default on ``on``, oldest first: the household's part and what is unpaid."""
    months: list[pdf.DebtMonth] = []
    for term in sorted(balance.terms, key=lambda t: (t.due, t.period_month or t.due)):
        if not term.in_default or term.unsettled <= 0:
            continue
        if term.source == "month" and term.period_month is not None:
            benefit = term.expected + term.withheld
            benefit += _benefit_received(entries, term.period_month, on)
            charged = max(term.unsettled, term.amount - benefit)
            months.append(pdf.DebtMonth(term.period_month, charged, term.unsettled))
            continue
        label = message(f"arrears_letter.term.{term.source}", day=format_date(term.due))
        months.append(
            pdf.DebtMonth(term.due, max(term.amount, term.unsettled), term.unsettled, label)
        )
    return tuple(months)


def _measure(code: str) -> str:
    """« curatelle renforcée », « MASP »: a label in running text."""
    label = v.LEGAL_PROTECTION.label(code)
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _mandataire(
    session: Session, members: Sequence[tuple[str, Person]]
) -> tuple[Person, Partner] | None:
    for _, person in members:
        if person.legal_protection != "none" and person.mandataire_id is not None:
            partner = session.get(Partner, person.mandataire_id)
            if partner is not None:
                return person, partner
    return None


def _agency(members: Sequence[tuple[str, Person]]) -> str:
    codes = [person.benefit_agency for _, person in members if person.benefit_agency]
    return v.BENEFIT_AGENCY.label(codes[0]) if codes else "CAF"


def _previous_letters(
    session: Session, target: _Target, result: rules.Ladder, on: date
) -> tuple[date, ...]:
    """The reminders and notices sent to the household since the episode began, before ``on``."""
    if result.episode_start is None:
        return ()
    rows = session.scalars(
        select(ArrearsAction.action_date)
        .where(
            ArrearsAction.contract_id == target.contract.id,
            ArrearsAction.kind.in_(("reminder_letter", "formal_notice")),
            (ArrearsAction.outcome.is_(None)) | (ArrearsAction.outcome != TO_MANDATAIRE),
            ArrearsAction.action_date >= result.episode_start,
            ArrearsAction.action_date < on,
        )
        .order_by(ArrearsAction.action_date)
    )
    return tuple(sorted(set(rows)))


@dataclass(frozen=True, slots=True)
class _LetterRequest:
    kind: str
    written_on: date
    deadline: date | None
    pay_by: date | None
    instalments: tuple[InstalmentInput, ...]


def _render(
    session: Session, actor: Actor, target: _Target, request: _LetterRequest
) -> tuple[str, bytes]:
    """The letter's title and PDF, from the contract's account on the day it is written."""
    on, kind = request.written_on, request.kind
    [item] = load_accounts(session, OccupancyContract.id == target.contract.id)
    balance = balance_of(item, on, target.parameters)
    months = _debt_terms(balance, item.entries, on)
    debt = sum(month.unpaid for month in months)
    if debt <= 0:
        raise InvalidInput([_issue("written_on", "arrears_letter.no_debt", day=format_date(on))])
    members = _members(session, target.household.id, on)
    letterhead = _letterhead(session)
    contact, signatory = _writer(session, actor, letterhead)
    rate = _rate_on(session, target.contract.id, on)
    tiers_payant = rate is not None and rate.tiers_payant
    household = Recipient(
        names=tuple(_name(p) for role, p in members if role in _COUPLE_ROLES)
        or (target.household.reference,),
        address_lines=_household_address(target, on),
    )
    mandataire = _mandataire(session, members)
    copies = (
        (message("arrears_letter.copy_mandataire", name=mandataire[1].name),)
        if mandataire is not None
        else ()
    )
    common: dict[str, object] = {
        "letterhead": letterhead,
        "recipient": household,
        "written_on": on,
        "contract_reference": f"{target.household.reference} / {target.dwelling.reference}",
        "dwelling_address": _lines(
            target.dwelling.address, _postal(target.dwelling.postcode, target.dwelling.commune)
        ),
        "debt": debt,
        "months": months,
        "contact": contact,
        "signatory": signatory,
        "place": letterhead.city,
        "copies": copies,
        "boarding_house": target.contract.kind == rules.RESIDENCE_AGREEMENT,
    }
    agency = _agency(members) if tiers_payant else ""
    title = message("arrears_letter.title", letter=letter_label(kind), day=format_date(on))
    if kind == "reminder":
        return title, pdf.render_reminder(pdf.ReminderData(pay_by=request.pay_by, **common))  # type: ignore[arg-type]
    if kind == "formal_notice":
        assert request.deadline is not None  # checked before
        account = ladder_account(
            contract_account(session, target.contract.id, on),
            recorded_actions(session, [target.contract.id])[target.contract.id],
        )
        result = rules.ladder(account.terms, account.credits, account.shares, on, target.parameters)
        data = pdf.FormalNoticeData(
            deadline=request.deadline,
            previous_letters=_previous_letters(session, target, result, on),
            benefit_agency=agency,
            **common,  # type: ignore[arg-type]
        )
        return title, pdf.render_formal_notice(data)
    if kind == "repayment_plan":
        scheduled = sum(i.amount for i in request.instalments)
        if scheduled > debt:
            raise InvalidInput(
                [
                    _money_issue(
                        "instalments", "arrears_letter.plan_exceeds_debt", plan=scheduled, debt=debt
                    )
                ]
            )
        data_plan = pdf.RepaymentPlanData(
            debt_on=on,
            instalments=tuple(pdf.Instalment(i.due_on, i.amount) for i in request.instalments),
            current_share=balance.household_share,
            benefit_agency=agency,
            **common,  # type: ignore[arg-type]
        )
        return title, pdf.render_repayment_plan(data_plan)
    if mandataire is None:
        raise InvalidInput([_issue("kind", "arrears_letter.no_mandataire")])
    person, partner = mandataire
    common["recipient"] = Recipient(
        names=(partner.name,),
        address_lines=_lines(partner.address, _postal(partner.postcode, partner.commune)),
    )
    common["copies"] = ()
    data_mandataire = pdf.MandataireLetterData(
        protected_person=_name(person),
        measure=_measure(person.legal_protection),
        current_share=balance.household_share or None,
        **common,  # type: ignore[arg-type]
    )
    return title, pdf.render_mandataire_letter(data_mandataire)


def _store_letter(
    session: Session,
    actor: Actor,
    target: _Target,
    *,
    content: bytes,
    file_name: str,
    title: str,
    dated_on: date,
    moment: datetime,
) -> Document:
    """The PDF as a Document (kind ``letter``) of the household, linked to the contract."""
    name = documents.clean_file_name(file_name)
    digest = hashlib.sha256(content).hexdigest()
    documents.store_content(session, digest, content)
    document = Document(
        household_id=target.household.id,
        contract_id=target.contract.id,
        dwelling_id=target.dwelling.id,
        kind="letter",
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
    login, user_id = audit_identity(actor)
    audit.record(
        session,
        actor=login,
        user_id=user_id,
        action="create",
        entity="document",
        entity_id=document.id,
        household_id=target.household.id,
        fields=("kind", "title", "file_name", "content", "dated_on", "contract_id", "dwelling_id"),
        at=moment,
    )
    documents.record_document_history(session, user_id, document, removed=False)
    return document


@service_action(EDIT)
def issue_letter(
    database: Database,
    *,
    actor: Actor,
    contract_id: int,
    kind: str,
    written_on: date,
    deadline: date | None = None,
    pay_by: date | None = None,
    instalments: Sequence[InstalmentInput] = (),
    detail: str | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> LetterIssued:
    """Write an arrears letter, store it in the household's file and record its step.

    ``kind`` is one of `LETTER_KINDS`: ``reminder`` (``pay_by`` optional), ``formal_notice``
    (``deadline`` required), ``repayment_plan`` (its ``instalments``, at most the debt) or
    ``mandataire`` (to the mandataire of a protected member). The debt is the contract's debt
    in default on ``written_on``. Nothing is written when anything is refused.

    Raises:
        InvalidInput: a field to correct, no debt on that day, no mandataire, a plan above the
            debt.
        RefusedError: no such contract, no association recorded, a protected file outside its
            circle, or the actor may not read the account's amounts.
    """
    day = today or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    text = _clean(detail)
    plan = tuple(sorted(instalments, key=lambda item: item.due_on))

    def work(session: Session) -> LetterIssued:
        target = _target(session, actor, contract_id, EDIT)
        require(actor, READ_AMOUNTS, target.context)
        if target.household.protected and not (target.context.caseload or actor.system):
            raise RefusedError("arrears_letter.protected")
        issues = _date_issues(written_on, None, target.contract.start_date, day, "written_on")
        issues += _letter_issues(
            kind,
            written_on=written_on,
            deadline=deadline,
            pay_by=pay_by,
            instalments=plan,
            detail=text,
        )
        _raise(issues)
        request = _LetterRequest(kind, written_on, deadline, pay_by, plan)
        title, content = _render(session, actor, target, request)
        file_name = (
            f"{target.household.reference}_{written_on.isoformat()}_{_LETTER_SLUG[kind]}.pdf"
        )
        document = _store_letter(
            session,
            actor,
            target,
            content=content,
            file_name=file_name,
            title=title,
            dated_on=written_on,
            moment=moment,
        )
        action = _insert_action(
            session,
            actor,
            target,
            kind=LETTER_ACTION[kind],
            action_date=written_on,
            outcome=TO_MANDATAIRE if kind == "mandataire" else None,
            amount=sum(item.amount for item in plan) if kind == PLAN else None,
            delivered_on=None,
            detail=text,
            instalments=plan,
            document_id=document.id,
            moment=moment,
        )
        info = _info(session, action, target.household.id, visible=True)
        return LetterIssued(info, document.id, document.title, document.file_name, content)

    return database.run_write(work)
