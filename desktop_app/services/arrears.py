"""Contracts in arrears on a day: the ladder of DOMAIN §4 over the ledger, for lists and exports.

Nothing is stored: each call reads the accounts of the contracts in the actor's scope (a fixed
few queries, `ledger.contract_accounts`), their arrears actions, and asks `domain.arrears` the
level, statuses and reminders. Amounts are left out for whoever may see the payment situation
but not the amounts (a host, by default: DOMAIN §1).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain import arrears as rules
from desktop_app.domain.permissions import Actor, may_ever
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    ArrearsAction,
    Dwelling,
    Household,
    LedgerEntry,
    Membership,
    OccupancyContract,
    Person,
    RepaymentInstalment,
    UserAccount,
)
from desktop_app.services.authz import service_action
from desktop_app.services.households import scope_filter
from desktop_app.services.ledger import ContractAccount, contract_accounts
from desktop_app.services.parameters import parameters_in


@dataclass(frozen=True, slots=True)
class ArrearsLine:
    """A contract in arrears on a day (amounts None when the actor may not see them)."""

    contract_id: int
    household_id: int
    household_reference: str
    head: str
    dwelling_reference: str
    key_worker: str | None
    contract_kind: str
    assessment: rules.Assessment
    amounts_visible: bool

    @property
    def level(self) -> str:
        """The ladder's level code (``none`` … ``ccapex``)."""
        return self.assessment.ladder.level

    @property
    def debt(self) -> int | None:
        """Debt in default, in cents."""
        return self.assessment.ladder.debt if self.amounts_visible else None

    @property
    def housing_debt(self) -> int | None:
        """Housing debt in default (rent, charges, indemnity), in cents."""
        return self.assessment.ladder.housing_debt if self.amounts_visible else None


def recorded_actions(session: Session, ids: list[int]) -> dict[int, list[rules.Action]]:
    """The arrears steps recorded for each contract, as the ladder reads them."""
    instalments: dict[int, list[rules.Instalment]] = defaultdict(list)
    rows = session.execute(
        select(
            RepaymentInstalment.action_id, RepaymentInstalment.due_on, RepaymentInstalment.amount
        )
        .join(ArrearsAction, ArrearsAction.id == RepaymentInstalment.action_id)
        .where(ArrearsAction.contract_id.in_(ids))
        .order_by(RepaymentInstalment.due_on)
    )
    for action_id, due_on, amount in rows:
        instalments[action_id].append(rules.Instalment(due_on, amount))
    actions: dict[int, list[rules.Action]] = defaultdict(list)
    for row in session.execute(
        select(
            ArrearsAction.id,
            ArrearsAction.contract_id,
            ArrearsAction.kind,
            ArrearsAction.action_date,
            ArrearsAction.outcome,
        )
        .where(ArrearsAction.contract_id.in_(ids))
        .order_by(ArrearsAction.action_date, ArrearsAction.id)
    ):
        actions[row.contract_id].append(
            rules.Action(row.kind, row.action_date, row.outcome, tuple(instalments[row.id]))
        )
    return actions


def ladder_account(account: ContractAccount, actions: list[rules.Action]) -> rules.ContractAccount:
    """A contract's account with its steps, in the ladder's terms."""
    return rules.ContractAccount(
        kind=account.kind,
        terms=account.terms,
        credits=account.credits,
        shares=account.shares,
        household_refs=account.household_refs,
        actions=tuple(actions),
    )


@service_action("ledger.read_status")
def arrears_list(
    database: Database, *, actor: Actor, on: date, include_settled: bool = False
) -> list[ArrearsLine]:
    """Every contract of the actor's scope with a debt in default on ``on``, highest level first.

    ``include_settled`` keeps the contracts without debt too (for a household's account).
    """

    def read(session: Session) -> list[ArrearsLine]:
        head = (
            select(func.max(Person.last_name + " " + Person.first_name))
            .join(Membership, Membership.person_id == Person.id)
            .where(
                Membership.household_id == Household.id,
                Membership.role == "head",
                Membership.joined_on <= on,
                (Membership.left_on.is_(None)) | (Membership.left_on >= on),
            )
            .correlate(Household)
            .scalar_subquery()
        )
        query = (
            select(
                OccupancyContract.id,
                OccupancyContract.kind,
                Household.id.label("household_id"),
                Household.reference,
                Household.protected,
                head.label("head"),
                Dwelling.reference.label("dwelling"),
                UserAccount.display_name.label("key_worker"),
            )
            .join(Household, Household.id == OccupancyContract.household_id)
            .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
            .outerjoin(UserAccount, UserAccount.id == Household.key_worker_id)
            .where(
                select(LedgerEntry.id)
                .where(LedgerEntry.contract_id == OccupancyContract.id)
                .exists()
            )
        )
        scope = scope_filter(actor)
        if scope is not None:
            query = query.where(scope)
        contracts = session.execute(query).all()
        ids = [row.id for row in contracts]
        accounts = contract_accounts(session, ids, on)
        actions = recorded_actions(session, ids)
        params = parameters_in(session)  # every rule of §4: floors, 2027 threshold, truce
        visible = may_ever(actor, "ledger.read_amounts")
        lines = []
        for row in contracts:
            account = accounts.get(row.id)
            if account is None:
                continue
            assessment = rules.assess(ladder_account(account, actions[row.id]), on, params)
            if assessment.ladder.debt <= 0 and not include_settled:
                continue
            lines.append(
                ArrearsLine(
                    contract_id=row.id,
                    household_id=row.household_id,
                    household_reference=row.reference,
                    head="" if row.protected and not actor.system else (row.head or ""),
                    dwelling_reference=row.dwelling,
                    key_worker=row.key_worker,
                    contract_kind=row.kind,
                    assessment=assessment,
                    amounts_visible=visible,
                )
            )
        lines.sort(
            key=lambda line: (
                -rules.level_rank(line.level),
                -line.assessment.ladder.debt,
                line.household_reference,
            )
        )
        return lines

    return database.run_read(read)
