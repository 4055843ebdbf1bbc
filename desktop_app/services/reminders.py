"""Reminders of households and of the housing stock, computed on the day (DOMAIN §7).

Nothing is stored: each source reads the records that cause its reminders, in one query over
all the households in scope (a constant number of statements, whatever the size of the
association), and the answering record closes a reminder simply by changing what the query
finds. The window, the order and the team view are rules of `domain.reminders`.

Sources, each one small function (`_SOURCES`):

- **Bail glissant**: the next review, the bilan to the landlord, the préfet informed by an HLM
  landlord and the maximum duration, from `domain.sliding` exactly as the contract file
  computes them; a review recorded moves them, a glissement or a failure ends them.
- **Contract renewal**: the renewal date of an active contract; a new renewal date, the end of
  the contract or a transfer (which ends it) closes it.
- **Residence permit**: the expiry date of a current member of a household with an open stay;
  a newer date recorded for the person closes the old one.
- **Home insurance**: the expiry of the newest insurance certificate of a household that has an
  active contract; a newer certificate closes it.
- **Main lease** (housing stock): a main lease with an end date, while the dwelling is still in
  the stock and no later lease follows it: "to renew or to end" without notice, "to hand back"
  once the notice date is recorded. Returning the dwelling or a new lease closes it.

Decisions where DOMAIN.md is silent: an archived household raises nothing; a protected file's
reminders reach the team with the head's name and the person's name hidden, as in the
households list (nothing is opened, so nothing is logged); with ``household_id`` the
reminders of that one file are listed to whoever may read it, without the stock's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from desktop_app.domain import reminders as rules
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.messages import message
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import RESIDENTS, TABLE, Actor
from desktop_app.domain.sliding import PREFECT_INFORMATION, is_running, sliding_schedule
from desktop_app.domain.vocabulary import SLIDING_OUTCOME
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Document,
    Dwelling,
    Household,
    HouseholdCoWorker,
    Landlord,
    MainLease,
    Membership,
    OccupancyContract,
    Person,
    SlidingPlan,
    SlidingReview,
    Stay,
)
from desktop_app.services.authz import require, service_action
from desktop_app.services.households import MASK, household_access, scope_filter
from desktop_app.services.parameters import parameters_in

READ: Final = "household.read"

_RUNNING: Final = tuple(code for code in SLIDING_OUTCOME.codes if is_running(code))
_HLM: Final = "social"


@dataclass(frozen=True, slots=True)
class ReminderInfo:
    """One reminder, as the home screen and the household file list it.

    Attributes:
        code: the catalogue code (``sliding.review``, ``reminder.contract_renewal``…).
        text: its French text.
        due: the day it is due.
        overdue: due before the day of the computation.
        record: the kind of record behind it (``sliding_plan``, ``occupancy_contract``,
            ``main_lease``, ``person``) and ``record_id`` its id.
        household_id: None for a reminder of the housing stock; then ``household_reference``
            and ``head`` are None too. ``head`` is "Dossier protégé" for a protected file
            outside the actor's circle.
        dwelling_reference: the dwelling concerned, when there is one.
        in_caseload: the household is in the actor's caseload (key worker, co-key-worker or
            by delegation): the "mine" filter of the panel.
    """

    code: str
    text: str
    due: date
    overdue: bool
    record: str
    record_id: int
    household_id: int | None
    household_reference: str | None
    head: str | None
    dwelling_reference: str | None
    in_caseload: bool


# ------------------------------------------------------------------ scope


def _in_caseload(actor: Actor) -> ColumnElement[bool]:
    """Households of which the actor is key worker or co-key-worker, or holds by delegation."""
    circle = sorted(uid for uid in {actor.user_id, *actor.delegated_from} if uid is not None)
    if not circle:
        return false()
    return or_(
        Household.key_worker_id.in_(circle),
        exists().where(
            HouseholdCoWorker.household_id == Household.id,
            HouseholdCoWorker.user_id.in_(circle),
        ),
    )


def _household_scope(actor: Actor) -> ColumnElement[bool] | None:
    """Households whose reminders the actor sees (None: every household).

    The team view of `rules.team_grants`, within what the actor may read, and their own
    caseload within what they may read.
    """
    if actor.system:
        return None
    team = scope_filter(replace(actor, grants=rules.team_grants(actor)))
    if team is None:
        return None
    visible = scope_filter(actor)
    return or_(team, and_(true() if visible is None else visible, _in_caseload(actor)))


def _stock_scope(actor: Actor) -> ColumnElement[bool] | None:
    """Dwellings whose reminders the actor sees: the stock they may read, in the team view.

    Mirrors `permissions.decide` on a dwelling (an object of its programme and residence).
    """
    if actor.system:
        return None
    conditions: list[ColumnElement[bool]] = []
    for grant in rules.team_grants(actor):
        rule = TABLE.get(grant.role, {}).get("housing.read")
        if rule is None:
            continue
        places: list[ColumnElement[bool]] = []
        if grant.programme_id is not None:
            places.append(Dwelling.programme_id == grant.programme_id)
        if grant.residence_id is not None:
            places.append(Dwelling.residence_id == grant.residence_id)
        in_house = Dwelling.residence_id.is_not(None)
        if rule == RESIDENTS:  # a host: the rooms of their house(s)
            conditions.append(and_(in_house, or_(*places)) if places else in_house)
        elif not places:
            return None
        else:
            conditions.append(or_(*places))
    return or_(*conditions) if conditions else false()


# ------------------------------------------------------------------ the scan and its sources


@dataclass(frozen=True, slots=True)
class _Scan:
    """What every source needs: the session, the window and the scope of this call."""

    session: Session
    actor: Actor
    window: rules.Window
    parameters: Parameters
    households: ColumnElement[bool] | None
    in_caseload: ColumnElement[bool]
    stock: ColumnElement[bool] | None
    with_stock: bool

    def due(self, column: Any) -> list[ColumnElement[bool]]:
        """The window as SQL conditions on a date column (`rules.Window.raises`)."""
        conditions: list[ColumnElement[bool]] = [column <= self.window.last_day]
        if self.window.go_live is not None:
            conditions.append(column >= self.window.go_live)
        return conditions

    def of_households(
        self, query: Select[*tuple[Any, ...]], household_id: Any
    ) -> Select[*tuple[Any, ...]]:
        """``query`` joined to the household of ``household_id``, in scope, with its columns."""
        today = self.window.today
        head = (
            select(func.max(Person.last_name + " " + Person.first_name))
            .join(Membership, Membership.person_id == Person.id)
            .where(
                Membership.household_id == Household.id,
                Membership.role == "head",
                Membership.joined_on <= today,
                or_(Membership.left_on.is_(None), Membership.left_on >= today),
            )
            .correlate(Household)
            .scalar_subquery()
        )
        query = query.add_columns(
            Household.id.label("household_id"),
            Household.reference.label("household_reference"),
            head.label("household_head"),
            Household.protected.label("household_protected"),
            self.in_caseload.label("household_in_caseload"),
        ).join(Household, Household.id == household_id)
        query = query.where(Household.archived_on.is_(None))
        return query if self.households is None else query.where(self.households)

    def reminder(
        self,
        row: Any,
        code: str,
        due: date,
        record: str,
        record_id: int,
        *,
        dwelling: str | None = None,
        **params: object,
    ) -> ReminderInfo:
        """A reminder of the household of ``row`` (a row of `of_households`).

        ``row`` None: a reminder of the housing stock.
        """
        text = message(code, due=format_date(due), dwelling=dwelling, **params)
        if row is None:
            return ReminderInfo(
                code,
                text,
                due,
                self.window.overdue(due),
                record,
                record_id,
                None,
                None,
                None,
                dwelling,
                False,
            )
        in_caseload = bool(row.household_in_caseload)
        return ReminderInfo(
            code=code,
            text=text,
            due=due,
            overdue=self.window.overdue(due),
            record=record,
            record_id=record_id,
            household_id=row.household_id,
            household_reference=row.household_reference,
            head=MASK if self.masked(row) else (row.household_head or ""),
            dwelling_reference=dwelling,
            in_caseload=in_caseload,
        )

    def masked(self, row: Any) -> bool:
        """A protected file outside the actor's circle hides its names."""
        return bool(row.household_protected) and not (
            self.actor.system or row.household_in_caseload
        )


Source = Callable[[_Scan], Iterable[ReminderInfo]]


def _sliding_plans(scan: _Scan) -> Iterable[ReminderInfo]:
    """The bail glissant's reminders, computed by `domain.sliding` from the last review."""
    last_review = (
        select(func.max(SlidingReview.review_date))
        .where(
            SlidingReview.plan_id == SlidingPlan.id,
            SlidingReview.review_date >= OccupancyContract.start_date,
        )
        .correlate(SlidingPlan, OccupancyContract)
        .scalar_subquery()
    )
    query = scan.of_households(
        select(
            SlidingPlan.id.label("plan_id"),
            SlidingPlan.review_period_months,
            SlidingPlan.max_months,
            SlidingPlan.outcome,
            OccupancyContract.start_date,
            Dwelling.reference.label("dwelling"),
            Landlord.kind.label("landlord_kind"),
            last_review.label("last_review"),
        )
        .select_from(SlidingPlan)
        .join(OccupancyContract, OccupancyContract.id == SlidingPlan.contract_id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .outerjoin(Landlord, Landlord.id == Dwelling.landlord_id)
        .where(SlidingPlan.outcome.in_(_RUNNING)),
        OccupancyContract.household_id,
    )
    today, go_live = scan.window.today, scan.window.go_live
    bilan_months = scan.parameters.int("sliding.landlord_bilan_months_before", today)
    for row in scan.session.execute(query):
        schedule = sliding_schedule(
            contract_start=row.start_date,
            review_period_months=row.review_period_months,
            max_months=row.max_months,
            reviews=[row.last_review] if row.last_review is not None else [],
            landlord_bilan_months_before=bilan_months,
            on=today,
        )
        for reminder in schedule.reminders(today, outcome=row.outcome, go_live=go_live):
            # The préfet is informed by an HLM landlord only (as in the contract file).
            if reminder.code == PREFECT_INFORMATION and row.landlord_kind != _HLM:
                continue
            if scan.window.raises(reminder.due):
                yield scan.reminder(
                    row,
                    reminder.code,
                    reminder.due,
                    rules.SLIDING_PLAN,
                    row.plan_id,
                    dwelling=row.dwelling,
                )


def _contract_renewals(scan: _Scan) -> Iterable[ReminderInfo]:
    """An active contract's renewal date, unless the contract ends before it."""
    query = scan.of_households(
        select(
            OccupancyContract.id.label("contract_id"),
            OccupancyContract.renewal_date,
            Dwelling.reference.label("dwelling"),
        )
        .select_from(OccupancyContract)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(
            OccupancyContract.state == "active",
            OccupancyContract.renewal_date.is_not(None),
            or_(
                OccupancyContract.end_date.is_(None),
                OccupancyContract.end_date >= OccupancyContract.renewal_date,
            ),
            *scan.due(OccupancyContract.renewal_date),
        ),
        OccupancyContract.household_id,
    )
    for row in scan.session.execute(query):
        yield scan.reminder(
            row,
            rules.CONTRACT_RENEWAL,
            row.renewal_date,
            rules.CONTRACT,
            row.contract_id,
            dwelling=row.dwelling,
        )


def _residence_permits(scan: _Scan) -> Iterable[ReminderInfo]:
    """The residence-permit expiry of a current member of a household with an open stay."""
    today = scan.window.today
    open_stay = exists().where(
        Stay.household_id == Membership.household_id,
        or_(Stay.exit_date.is_(None), Stay.exit_date >= today),
    )
    query = scan.of_households(
        select(
            Person.id.label("person_id"),
            Person.first_name,
            Person.last_name,
            Person.residence_permit_expiry.label("expiry"),
        )
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Person.residence_permit_expiry.is_not(None),
            Membership.joined_on <= today,
            or_(Membership.left_on.is_(None), Membership.left_on >= today),
            open_stay,
            *scan.due(Person.residence_permit_expiry),
        ),
        Membership.household_id,
    )
    for row in scan.session.execute(query):
        if scan.masked(row):
            yield scan.reminder(
                row, rules.RESIDENCE_PERMIT_MASKED, row.expiry, rules.PERSON, row.person_id
            )
        else:
            yield scan.reminder(
                row,
                rules.RESIDENCE_PERMIT,
                row.expiry,
                rules.PERSON,
                row.person_id,
                person=f"{row.first_name} {row.last_name}",
            )


def _main_leases(scan: _Scan) -> Iterable[ReminderInfo]:
    """A main lease ending while its dwelling is in the stock and no later lease follows."""
    if not scan.with_stock:
        return
    later = aliased(MainLease)
    query = (
        select(
            MainLease.id,
            MainLease.end_date,
            MainLease.notice_date,
            Dwelling.reference,
        )
        .join(Dwelling, Dwelling.id == MainLease.dwelling_id)
        .where(
            MainLease.end_date.is_not(None),
            Dwelling.returned_on.is_(None),
            ~exists().where(
                later.dwelling_id == MainLease.dwelling_id,
                later.start_date > MainLease.end_date,
            ),
            *scan.due(MainLease.end_date),
        )
    )
    if scan.stock is not None:
        query = query.where(scan.stock)
    for lease_id, end, notice, reference in scan.session.execute(query):
        assert end is not None  # filtered in SQL
        if notice is None:
            yield scan.reminder(
                None, rules.MAIN_LEASE_END, end, rules.MAIN_LEASE, lease_id, dwelling=reference
            )
        else:
            yield scan.reminder(
                None,
                rules.MAIN_LEASE_NOTICE,
                end,
                rules.MAIN_LEASE,
                lease_id,
                dwelling=reference,
                notice=format_date(notice),
            )


def _insurances(scan: _Scan) -> Iterable[ReminderInfo]:
    """The newest home-insurance certificate of a household with an active contract."""
    newer = aliased(Document)
    query = scan.of_households(
        select(Document.id.label("document_id"), Document.expires_on)
        .select_from(Document)
        .where(
            Document.kind == "insurance",
            Document.expires_on.is_not(None),
            ~exists().where(
                newer.household_id == Document.household_id,
                newer.kind == "insurance",
                or_(
                    newer.dated_on > Document.dated_on,
                    and_(newer.dated_on == Document.dated_on, newer.id > Document.id),
                ),
            ),
            exists().where(
                OccupancyContract.household_id == Document.household_id,
                OccupancyContract.state == "active",
            ),
            *scan.due(Document.expires_on),
        ),
        Document.household_id,
    )
    for row in scan.session.execute(query):
        yield scan.reminder(row, rules.INSURANCE, row.expires_on, rules.DOCUMENT, row.document_id)


_SOURCES: Final[Sequence[Source]] = (
    _sliding_plans,
    _contract_renewals,
    _residence_permits,
    _insurances,
    _main_leases,
)


# ------------------------------------------------------------------ the service


@service_action(READ)
def list_reminders(
    database: Database,
    *,
    actor: Actor,
    today: date,
    household_id: int | None = None,
    horizon_days: int = rules.DEFAULT_HORIZON_DAYS,
) -> list[ReminderInfo]:
    """The reminders due by ``today + horizon_days`` (and every overdue one since go-live).

    Without ``household_id``: the households in the actor's view (their caseload, or the
    team's: `domain.reminders`) and the housing stock they may read in the team view. With
    it: that household's reminders only. Sorted by due date (`domain.reminders.sort_key`).

    Raises:
        InvalidInput: a horizon outside 0 to 366 days.
        RefusedError: the household is outside the actor's scope.
    """
    issues = rules.horizon_issues(horizon_days)
    if issues:
        raise InvalidInput(issues)

    def read(session: Session) -> list[ReminderInfo]:
        parameters = parameters_in(session)
        go_live = rules.go_live_date(parameters.get("go_live_date", today))
        if household_id is not None:
            require(actor, READ, household_access(session, actor, household_id))
            households: ColumnElement[bool] | None = Household.id == household_id
        else:
            households = _household_scope(actor)
        scan = _Scan(
            session=session,
            actor=actor,
            window=rules.window(today, horizon_days, go_live),
            parameters=parameters,
            households=households,
            in_caseload=_in_caseload(actor),
            stock=_stock_scope(actor),
            with_stock=household_id is None and rules.sees_team(actor),
        )
        found = [reminder for source in _SOURCES for reminder in source(scan)]
        return sorted(
            found,
            key=lambda r: (
                *rules.sort_key(r.due, r.code, r.household_reference or r.dwelling_reference),
                r.record_id,
            ),
        )

    return database.run_read(read)
