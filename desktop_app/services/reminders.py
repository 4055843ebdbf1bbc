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
- **Next appointment** (agenda): the next appointment a contact fixed, until a later contact
  with the household itself (any kind but indirect work and partner contacts: a missed
  appointment answers it too), as `services.contacts.appointments_due` says.
- **Reviews (bilans)**: every review to write or to send of a measure, computed by
  `services.support` exactly as the Accompagnement tab lists them (`reviews_due`); the review
  written, then sent, closes it.
- **Measure end**: the planned end of a running measure (start, planned and granted months):
  to renew or to end (a diagnostic: to conclude). A granted renewal moves it, the end closes
  it; a refused renewal leaves it (the measure is still to be ended).
- **Arrears** (agenda and home panel): the open reminders of the arrears ladder of each
  contract with a ledger (CAF report, plan to the CAF, CCAPEX referral, the next unpaid
  instalment of a repayment plan), computed by `domain.arrears.assess` exactly as « Loyers et
  impayés » shows them; the matching action recorded, or the payment, closes it. They reach
  those who may see the household's payment situation (``ledger.read_status``).
- **SIAO answer** (admissions): an SIAO orientation (referrer SIAO or an SI-SIAO number)
  without decision nor answer to the SIAO, due ``siao.answer_days`` *(param)* after the
  orientation; the decision or the answer closes it.
- **DALO time limit**: a recognised priority (PU DALO) on an application neither satisfied nor
  cancelled, due when the préfet's time limit ends (`domain.rehousing.dalo_time_limit`, longer
  in Île-de-France); a rehousing signed since the decision closes it.
- **Application renewal**: an active social-housing application, due the day it lapses (shown
  a month before with the default horizon); a renewal moves it, another status closes it.
  These three reach those who may read admissions (``admissions.read``).
- **Manual to-dos** (with ``todos=True``, the agenda): an open to-do, until it is done. As
  every reminder (DOMAIN §7), none due before the go-live date (`services.todos.list_todos`
  itself lists them all).

The accompaniment's reminders (appointments, reviews, measure ends) reach only those who may
read the household's contacts and measures (``support.read``: a rental manager or a secretary
does not see them). A to-do is seen as `services.todos` shows it: a household's to-do by the
team of the household and by the user it is assigned to (or its writer, when unassigned), if
they may read the household; a personal one by that user only. "Mine" (`in_caseload`) is the
actor's caseload, the contacts and measures they hold and the to-dos for them.

Decisions where DOMAIN.md is silent: an archived household raises nothing; a protected file's
reminders reach the team with the head's name and the person's name hidden, as in the
households list (nothing is opened, so nothing is logged); with ``household_id`` the
reminders of that one file are listed to whoever may read it, without the stock's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from desktop_app.domain import arrears as ladder
from desktop_app.domain import reminders as rules
from desktop_app.domain.counting import DIAGNOSTIC
from desktop_app.domain.errors import InvalidInput
from desktop_app.domain.messages import message
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import RESIDENTS, TABLE, Actor, decide
from desktop_app.domain.rehousing import dalo_time_limit
from desktop_app.domain.sliding import PREFECT_INFORMATION, is_running, sliding_schedule
from desktop_app.domain.vocabulary import MEASURE_KIND, SLIDING_OUTCOME
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Candidature,
    Contact,
    Document,
    Dwelling,
    Household,
    HouseholdCoWorker,
    HousingApplication,
    Landlord,
    LedgerEntry,
    MainLease,
    Membership,
    OccupancyContract,
    Organisation,
    Person,
    Programme,
    Rehousing,
    SlidingPlan,
    SlidingReview,
    Stay,
    SupportMeasure,
    SupportReview,
    Todo,
    UserAccount,
)
from desktop_app.services.arrears import ladder_account, recorded_actions
from desktop_app.services.authz import require, service_action
from desktop_app.services.contacts import WITHOUT_HOUSEHOLD
from desktop_app.services.households import MASK, household_access, scope_filter
from desktop_app.services.ledger import contract_accounts
from desktop_app.services.parameters import parameters_in
from desktop_app.services.support import (
    FINAL,
    GRANTED,
    TO_SEND,
    measure_dues,
    measure_renewals,
    planned_end,
    support_contexts,
)

READ: Final = "household.read"
SUPPORT_READ: Final = "support.read"
STATUS_READ: Final = "ledger.read_status"
ADMISSIONS_READ: Final = "admissions.read"
_SIAO: Final = "siao"

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
            by delegation), or the contact, measure or to-do is the actor's: the "mine" filter.
        worker: who acts on it: the to-do's assignee, the worker of the contact or of the
            measure, else the household's key worker (None for the housing stock).
        version: the version of the record behind it (a to-do's, to tick it done).
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
    worker: str | None = None
    version: int | None = None


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
    """What every source needs: the session, the window and the scope of this call.

    ``readable`` is every household the actor may read (None: all), ``one_file`` says the
    call lists one household's reminders (``households`` is then that household).
    """

    session: Session
    actor: Actor
    window: rules.Window
    parameters: Parameters
    households: ColumnElement[bool] | None
    in_caseload: ColumnElement[bool]
    stock: ColumnElement[bool] | None
    with_stock: bool
    readable: ColumnElement[bool] | None = None
    one_file: bool = False
    with_todos: bool = False

    def due(self, column: Any) -> list[ColumnElement[bool]]:
        """The window as SQL conditions on a date column (`rules.Window.raises`)."""
        conditions: list[ColumnElement[bool]] = [column <= self.window.last_day]
        if self.window.go_live is not None:
            conditions.append(column >= self.window.go_live)
        return conditions

    def mine(self, user_column: Any) -> ColumnElement[bool]:
        """The record is held by the actor (a user id column: worker, assignee)."""
        if self.actor.user_id is None:
            return false()
        return and_(user_column.is_not(None), user_column == self.actor.user_id)

    def of_households(
        self,
        query: Select[*tuple[Any, ...]],
        household_id: Any,
        *,
        widen: ColumnElement[bool] | None = None,
    ) -> Select[*tuple[Any, ...]]:
        """``query`` joined to the household of ``household_id``, in scope, with its columns.

        ``widen``: rows listed beyond the scope, in the households the actor may read (a
        to-do assigned to them), except when one file is listed.
        """
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
        key_worker = (
            select(UserAccount.display_name)
            .where(UserAccount.id == Household.key_worker_id)
            .correlate(Household)
            .scalar_subquery()
        )
        query = query.add_columns(
            Household.id.label("household_id"),
            Household.reference.label("household_reference"),
            head.label("household_head"),
            Household.protected.label("household_protected"),
            self.in_caseload.label("household_in_caseload"),
            key_worker.label("household_worker"),
        ).join(Household, Household.id == household_id)
        query = query.where(Household.archived_on.is_(None))
        if self.households is None:
            return query
        if widen is None or self.one_file:
            return query.where(self.households)
        beyond = widen if self.readable is None else and_(widen, self.readable)
        return query.where(or_(self.households, beyond))

    def reminder(
        self,
        row: Any,
        code: str,
        due: date,
        record: str,
        record_id: int,
        *,
        dwelling: str | None = None,
        worker: str | None = None,
        version: int | None = None,
        mine: bool = False,
        in_caseload: bool | None = None,
        **params: object,
    ) -> ReminderInfo:
        """A reminder of the household of ``row`` (a row of `of_households`).

        ``row`` None: a reminder of the housing stock. ``worker`` replaces the household's key
        worker; ``mine`` adds the record's holder to the caseload (the "mine" filter), which
        ``in_caseload`` replaces when given.
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
                mine,
                worker,
                version,
            )
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
            in_caseload=(
                mine or bool(row.household_in_caseload) if in_caseload is None else in_caseload
            ),
            worker=worker or row.household_worker,
            version=version,
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


def _appointments(scan: _Scan) -> Iterable[ReminderInfo]:
    """The next appointment of a contact that no later contact with the household answered."""
    later = aliased(Contact)
    answered = exists().where(
        later.household_id == Contact.household_id,
        later.kind.not_in(sorted(WITHOUT_HOUSEHOLD)),
        or_(
            later.held_on > Contact.held_on,
            and_(later.held_on == Contact.held_on, later.id > Contact.id),
        ),
    )
    worker = aliased(UserAccount)
    query = scan.of_households(
        select(
            Contact.id.label("contact_id"),
            Contact.held_on,
            Contact.next_appointment_on.label("appointment"),
            Contact.version.label("record_version"),
            worker.display_name.label("record_worker"),
            scan.mine(Contact.worker_id).label("record_mine"),
        )
        .select_from(Contact)
        .outerjoin(worker, worker.id == Contact.worker_id)
        .where(
            Contact.next_appointment_on.is_not(None),
            ~answered,
            *scan.due(Contact.next_appointment_on),
        ),
        Contact.household_id,
    )
    for row in scan.session.execute(query):
        yield scan.reminder(
            row,
            rules.APPOINTMENT,
            row.appointment,
            rules.CONTACT,
            row.contact_id,
            worker=row.record_worker,
            version=row.record_version,
            mine=bool(row.record_mine),
            held=format_date(row.held_on),
        )


def _measures(scan: _Scan) -> Iterable[ReminderInfo]:
    """The reviews to write or to send, and the planned end of a running measure."""
    worker = aliased(UserAccount)
    query = scan.of_households(
        select(
            SupportMeasure,
            worker.display_name.label("record_worker"),
            scan.mine(SupportMeasure.worker_id).label("record_mine"),
        )
        .select_from(SupportMeasure)
        .outerjoin(worker, worker.id == SupportMeasure.worker_id)
        .where(SupportMeasure.start_date <= scan.window.last_day),
        SupportMeasure.household_id,
    )
    rows = scan.session.execute(query).all()
    ids = [row.SupportMeasure.id for row in rows]
    renewals = measure_renewals(scan.session, ids)
    reviews: dict[int, list[SupportReview]] = defaultdict(list)
    if ids:
        for review in scan.session.scalars(
            select(SupportReview).where(SupportReview.measure_id.in_(sorted(ids)))
        ):
            reviews[review.measure_id].append(review)
    for row in rows:
        measure: SupportMeasure = row.SupportMeasure
        granted = sum(r.months for r in renewals.get(measure.id, []) if r.decision == GRANTED)
        end = planned_end(measure.start_date, measure.planned_months, granted)
        if measure.end_date is None and scan.window.raises(end):
            code = rules.DIAGNOSTIC_END if measure.kind == DIAGNOSTIC else rules.MEASURE_END
            yield _of_measure(scan, row, code, end)
        if measure.kind == DIAGNOSTIC:
            continue  # a diagnostic is concluded without a review
        written = {review.id: review for review in reviews.get(measure.id, [])}
        for due in measure_dues(
            measure,
            reference=row.household_reference,
            renewals=renewals.get(measure.id, []),
            reviews=reviews.get(measure.id, []),
            period_months=scan.parameters.int("review.period_months", measure.start_date),
            window=scan.window,
        ):
            if due.review_id is not None and due.state == TO_SEND:
                review = written[due.review_id]
                yield _of_measure(
                    scan,
                    row,
                    rules.REVIEW_TO_SEND,
                    due.due_on,
                    review=review,
                    written=format_date(review.written_on),
                )
            else:
                code = rules.FINAL_REVIEW_DUE if due.kind == FINAL else rules.REVIEW_DUE
                yield _of_measure(scan, row, code, due.due_on)


def _of_measure(
    scan: _Scan,
    row: Any,
    code: str,
    due: date,
    *,
    review: SupportReview | None = None,
    written: str | None = None,
) -> ReminderInfo:
    """A reminder of the measure of ``row`` (a row of `_measures`), or of one of its reviews."""
    measure: SupportMeasure = row.SupportMeasure
    return scan.reminder(
        row,
        code,
        due,
        rules.MEASURE if review is None else rules.REVIEW,
        measure.id if review is None else review.id,
        worker=row.record_worker,
        version=measure.version if review is None else review.version,
        mine=bool(row.record_mine),
        measure=MEASURE_KIND.label(measure.kind),
        written=written,
    )


def _arrears(scan: _Scan) -> Iterable[ReminderInfo]:
    """The open reminders of the arrears ladder of every contract with a ledger (§4.8)."""
    query = scan.of_households(
        select(
            OccupancyContract.id.label("contract_id"),
            Dwelling.reference.label("dwelling"),
        )
        .select_from(OccupancyContract)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(exists().where(LedgerEntry.contract_id == OccupancyContract.id)),
        OccupancyContract.household_id,
    )
    rows = scan.session.execute(query).all()
    ids = [row.contract_id for row in rows]
    if not ids:
        return
    today = scan.window.today
    accounts = contract_accounts(scan.session, ids, today)
    actions = recorded_actions(scan.session, ids)
    for row in rows:
        account = accounts.get(row.contract_id)
        if account is None:
            continue
        assessment = ladder.assess(
            ladder_account(account, actions[row.contract_id]), today, scan.parameters
        )
        for item in assessment.reminders:
            if scan.window.raises(item.due):
                yield scan.reminder(
                    row, item.code, item.due, rules.CONTRACT, row.contract_id, dwelling=row.dwelling
                )


def _candidatures(scan: _Scan) -> Iterable[ReminderInfo]:
    """An SIAO orientation to answer: neither a decision nor an answer recorded."""
    query = scan.of_households(
        select(
            Candidature.id.label("candidature_id"),
            Candidature.oriented_on,
            Candidature.version.label("record_version"),
            Programme.name.label("programme"),
        )
        .select_from(Candidature)
        .join(Programme, Programme.id == Candidature.programme_id)
        .where(
            Candidature.decision.is_(None),
            Candidature.siao_answered_on.is_(None),
            or_(Candidature.referrer == _SIAO, Candidature.siao_reference.is_not(None)),
            Candidature.oriented_on <= scan.window.last_day,
        ),
        Candidature.household_id,
    )
    for row in scan.session.execute(query):
        days = scan.parameters.int("siao.answer_days", row.oriented_on)
        due = row.oriented_on + timedelta(days=days)
        if scan.window.raises(due):
            yield scan.reminder(
                row,
                rules.SIAO_ANSWER,
                due,
                rules.CANDIDATURE,
                row.candidature_id,
                version=row.record_version,
                oriented=format_date(row.oriented_on),
                programme=row.programme,
            )


def _applications(scan: _Scan) -> Iterable[ReminderInfo]:
    """A social-housing application to renew, and the préfet's DALO time limit running."""
    rehoused = exists().where(
        Rehousing.household_id == HousingApplication.household_id,
        Rehousing.signed_on >= HousingApplication.comed_decision_on,
    )
    query = scan.of_households(
        select(
            HousingApplication.id.label("application_id"),
            HousingApplication.number,
            HousingApplication.status,
            HousingApplication.renewal_due_on,
            HousingApplication.comed_decision_on,
            HousingApplication.dalo_recognised,
            HousingApplication.version.label("record_version"),
            rehoused.label("rehoused"),
        )
        .select_from(HousingApplication)
        .where(HousingApplication.status == "active"),
        HousingApplication.household_id,
    )
    postcode = scan.session.scalar(select(Organisation.postcode).limit(1))
    for row in scan.session.execute(query):
        if scan.window.raises(row.renewal_due_on):
            yield scan.reminder(
                row,
                rules.APPLICATION_RENEWAL,
                row.renewal_due_on,
                rules.APPLICATION,
                row.application_id,
                version=row.record_version,
                number=row.number,
            )
        if row.dalo_recognised and row.comed_decision_on is not None and not row.rehoused:
            limit = dalo_time_limit(row.comed_decision_on, scan.parameters, postcode)
            if scan.window.raises(limit):
                yield scan.reminder(
                    row,
                    rules.DALO_LIMIT,
                    limit,
                    rules.APPLICATION,
                    row.application_id,
                    version=row.record_version,
                    decision=format_date(row.comed_decision_on),
                )


def _todos(scan: _Scan) -> Iterable[ReminderInfo]:
    """The open to-dos the actor sees (module docstring), with a household or personal."""
    if not scan.with_todos:
        return
    mine = or_(
        scan.mine(Todo.assigned_to),
        and_(Todo.assigned_to.is_(None), scan.mine(Todo.created_by)),
    )
    assignee = aliased(UserAccount)
    columns = (
        select(
            Todo.id.label("todo_id"),
            Todo.due_on,
            Todo.text,
            Todo.assigned_to,
            Todo.version.label("record_version"),
            assignee.display_name.label("record_worker"),
            mine.label("record_mine"),
        )
        .select_from(Todo)
        .outerjoin(assignee, assignee.id == Todo.assigned_to)
        .where(Todo.done_on.is_(None), *scan.due(Todo.due_on))
    )
    for row in scan.session.execute(scan.of_households(columns, Todo.household_id, widen=mine)):
        yield scan.reminder(
            row,
            rules.TODO,
            row.due_on,
            rules.TODO_RECORD,
            row.todo_id,
            worker=row.record_worker,
            version=row.record_version,
            # Assigned to a colleague, it is theirs; unassigned, it goes with the caseload.
            in_caseload=bool(row.record_mine)
            or (row.assigned_to is None and bool(row.household_in_caseload)),
            text=row.text,
        )
    if scan.one_file:
        return
    personal = columns.where(Todo.household_id.is_(None))
    if not scan.actor.system:
        personal = personal.where(mine)
    for row in scan.session.execute(personal):
        yield scan.reminder(
            None,
            rules.TODO,
            row.due_on,
            rules.TODO_RECORD,
            row.todo_id,
            worker=row.record_worker,
            version=row.record_version,
            mine=bool(row.record_mine),
            text=row.text,
        )


def _readable(
    session: Session, actor: Actor, found: Sequence[ReminderInfo], action: str
) -> list[ReminderInfo]:
    """The reminders of the households on which the actor may do ``action``.

    One decision per household from `support_contexts` (a constant number of statements).
    """
    contexts = support_contexts(
        session, actor, {r.household_id for r in found if r.household_id is not None}
    )
    allowed = {
        household_id
        for household_id, context in contexts.items()
        if decide(actor, action, context).allowed
    }
    return [r for r in found if r.household_id in allowed]


_SOURCES: Final[Sequence[Source]] = (
    _sliding_plans,
    _contract_renewals,
    _residence_permits,
    _insurances,
    _main_leases,
    _todos,
)
# Sources of the accompaniment: what they find is kept for who may read it (`support.read`).
_SUPPORT_SOURCES: Final[Sequence[Source]] = (_appointments, _measures)
# Sources of the payment situation: kept for who may read it (`ledger.read_status`).
_STATUS_SOURCES: Final[Sequence[Source]] = (_arrears,)
# Sources of admissions and rehousing: kept for who may read them (`admissions.read`).
_ADMISSION_SOURCES: Final[Sequence[Source]] = (_candidatures, _applications)


# ------------------------------------------------------------------ the service


@service_action(READ)
def list_reminders(
    database: Database,
    *,
    actor: Actor,
    today: date,
    household_id: int | None = None,
    horizon_days: int = rules.DEFAULT_HORIZON_DAYS,
    todos: bool = False,
) -> list[ReminderInfo]:
    """The reminders due by ``today + horizon_days`` (and every overdue one since go-live).

    Without ``household_id``: the households in the actor's view (their caseload, or the
    team's: `domain.reminders`) and the housing stock they may read in the team view. With
    it: that household's reminders only. ``todos`` adds the open manual to-dos (the agenda).
    Sorted by due date (`domain.reminders.sort_key`).

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
            readable=None if actor.system else scope_filter(actor),
            one_file=household_id is not None,
            with_todos=todos,
        )
        found = [reminder for source in _SOURCES for reminder in source(scan)]
        for sources, action in (
            (_SUPPORT_SOURCES, SUPPORT_READ),
            (_STATUS_SOURCES, STATUS_READ),
            (_ADMISSION_SOURCES, ADMISSIONS_READ),
        ):
            found += _readable(
                session,
                actor,
                [reminder for source in sources for reminder in source(scan)],
                action,
            )
        return sorted(
            found,
            key=lambda r: (
                *rules.sort_key(r.due, r.code, r.household_reference or r.dwelling_reference),
                r.record_id,
            ),
        )

    return database.run_read(read)
