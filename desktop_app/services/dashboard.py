"""Tableau de bord: the association on one screen, today (issue 10, point 8).

`dashboard` reads, in one read-only unit of work and a fixed number of queries, what a
coordinator looks at first on a Monday morning. Each part is computed only for an actor who
may see it (None otherwise), and only on what that actor may see; each keeps the households
behind its numbers (`DashboardRow`) so a click lists them.

- **Occupancy by programme** (``housing.read``, dwelling by dwelling as the stock list): the
  arithmetic of `domain.occupancy` on the single day ``today``. A dwelling is a unit of its
  lots; a room of a pension counts its lots (rooms) while the **places** are the residence's,
  dated (DOMAIN §5.6), less the places of its rooms in a neutralised vacancy. Available lots =
  lots of the dwellings captured, not returned before today, outside a neutralised vacancy;
  occupied lots = contracts running today (capped by the lots); occupied places = persons
  present (members on that day, visiting children left out), capped by the places.
- **Households in arrears by level** (``ledger.read_status``): the ladder of DOMAIN §4 on
  ``today`` for every contract with a ledger in the actor's scope, as « Loyers et impayés »
  computes it (`services.arrears`); a household is counted once, at the highest level of its
  contracts, with the sum of their debts — amounts only for ``ledger.read_amounts``.
- **Measures ending within 30 days** and **overdue reviews** (``support.read``, household by
  household): the agenda's reminders (`services.support`): a running measure whose planned end
  (start + planned and granted months) falls by ``today`` + 30 days, late ones included, since
  the go-live date — to renew or to end; the reviews to write or to send due before today.
- **Candidatures waiting** (``admissions.read``): undecided candidatures by programme, in the
  order of the waiting list.
- **Entries and exits of the quarter** (``household.read``): stays entered and left in each
  month of the calendar quarter holding ``today`` (counts of stays, DOMAIN §5.2).

Decisions where the issue is silent: archived households are left out of the follow-up parts
(as in the agenda); a protected file outside the actor's circle shows « Dossier protégé »
instead of its head's name; a residence without a programme is its own line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Final

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain import arrears as ladder
from desktop_app.domain import counting
from desktop_app.domain import occupancy as occ
from desktop_app.domain import reminders as rules
from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import Period
from desktop_app.domain.permissions import Actor, decide, may_ever
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Candidature,
    Dwelling,
    Household,
    HouseholdCoWorker,
    LedgerEntry,
    Membership,
    OccupancyContract,
    Person,
    Programme,
    Residence,
    ResidencePlaces,
    Stay,
    SupportMeasure,
    SupportReview,
    VacancyPeriod,
)
from desktop_app.services import admissions
from desktop_app.services.arrears import ladder_account, recorded_actions
from desktop_app.services.authz import service_action
from desktop_app.services.households import MASK, scope_filter
from desktop_app.services.housing import may_on_dwelling
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

HORIZON_DAYS: Final = 30
ENTRY: Final = "entry"
EXIT: Final = "exit"
ARREARS_LEVELS: Final = tuple(level for level in ladder.LEVELS if level != "none")
# The permission behind each part of the dashboard (a part is None without it).
PART_ACTIONS: Final[Mapping[str, str]] = {
    "occupancy": "housing.read",
    "arrears": "ledger.read_status",
    "measures": "support.read",
    "waiting": "admissions.read",
    "movements": "household.read",
}
_VISITING_CHILD: Final = counting.VISITING_CHILD


@dataclass(frozen=True, slots=True)
class DashboardRow:
    """A household behind a number of the dashboard, with what concerns it there.

    ``code`` says what it is per part: the arrears level, the measure kind (measures ending),
    the reminder code of the review (`domain.reminders`: ``reminder.review_due``…), ``entry``
    or ``exit`` (movements); None for occupancy and waiting candidatures. ``day`` is the
    contract start, the first day of the arrears episode, the planned end, the review's due
    date, the orientation date or the day of the entry or exit. ``amount``: the debt in cents
    (None when the actor may not see amounts).
    """

    household_id: int
    household_reference: str
    head: str
    programme: str | None = None
    dwelling: str | None = None
    code: str | None = None
    day: date | None = None
    amount: int | None = None


@dataclass(frozen=True, slots=True)
class ProgrammeOccupancy:
    """A programme's dwellings and places today; ``rows``: the households housed."""

    programme_id: int | None
    programme: str
    lots_occupied: int
    lots_available: int
    places_occupied: int
    places: int
    rows: tuple[DashboardRow, ...] = ()

    @property
    def lot_rate(self) -> Decimal | None:
        """Occupied ÷ available lots, in %, one decimal; None when no lot is available."""
        return occ.percent(occ.rate(self.lots_occupied, self.lots_available))

    @property
    def place_rate(self) -> Decimal | None:
        """Occupied places ÷ places, in %, one decimal; None when there is no place."""
        return occ.percent(occ.rate(self.places_occupied, self.places))


@dataclass(frozen=True, slots=True)
class ArrearsLevel:
    """The households whose highest arrears level today is ``level``, and their debt."""

    level: str
    debt: int | None
    rows: tuple[DashboardRow, ...] = ()

    @property
    def households(self) -> int:
        """How many households are at this level."""
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class WaitingProgramme:
    """The undecided candidatures of a programme, oldest orientation first."""

    programme_id: int
    programme: str
    rows: tuple[DashboardRow, ...] = ()

    @property
    def count(self) -> int:
        """Candidatures waiting."""
        return len(self.rows)


@dataclass(frozen=True, slots=True)
class MonthMovements:
    """Stays entered and left in one month of the quarter (cut to the quarter)."""

    month: Period
    entries: int
    exits: int
    rows: tuple[DashboardRow, ...] = ()


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the Tableau de bord shows; a part is None when the actor may not see it."""

    today: date
    quarter: Period
    amounts_visible: bool = False
    occupancy: tuple[ProgrammeOccupancy, ...] | None = None
    arrears: tuple[ArrearsLevel, ...] | None = None
    measures_ending: tuple[DashboardRow, ...] | None = None
    overdue_reviews: tuple[DashboardRow, ...] | None = None
    waiting: tuple[WaitingProgramme, ...] | None = None
    movements: tuple[MonthMovements, ...] | None = None

    @property
    def debt(self) -> int | None:
        """The debt of every household in arrears (None when amounts are hidden or unknown)."""
        if self.arrears is None or not self.amounts_visible:
            return None
        return sum(level.debt or 0 for level in self.arrears)


def parts_for(actor: Actor) -> tuple[str, ...]:
    """The parts of `PART_ACTIONS` this actor may ever see (the GUI shows the screen if any)."""
    return tuple(part for part, action in PART_ACTIONS.items() if may_ever(actor, action))


def quarter_of(day: date) -> Period:
    """The calendar quarter holding ``day``."""
    return Period.quarter(day.year, (day.month - 1) // 3 + 1)


# ------------------------------------------------------------------ households' names


def _named(
    session: Session, actor: Actor, household_ids: Collection[int], today: date
) -> dict[int, tuple[str, str]]:
    """Reference and head of each household (the head masked for a protected file).

    A protected file shows its head's name only to its circle (key worker, co-key-workers,
    delegation) and to the system actor, as the households list does.
    """
    ids = sorted(set(household_ids))
    if not ids:
        return {}
    circle = {uid for uid in (actor.user_id, *actor.delegated_from) if uid is not None}
    in_circle = set()
    if circle:
        in_circle = set(
            session.scalars(
                select(Household.id).where(
                    Household.id.in_(ids),
                    or_(
                        Household.key_worker_id.in_(sorted(circle)),
                        Household.id.in_(
                            select(HouseholdCoWorker.household_id).where(
                                HouseholdCoWorker.user_id.in_(sorted(circle))
                            )
                        ),
                    ),
                )
            )
        )
    heads: dict[int, str] = {}
    for household_id, last, first in session.execute(
        select(Membership.household_id, Person.last_name, Person.first_name)
        .join(Person, Person.id == Membership.person_id)
        .where(
            Membership.household_id.in_(ids),
            Membership.role == counting.HEAD,
            Membership.joined_on <= today,
            or_(Membership.left_on.is_(None), Membership.left_on >= today),
        )
        .order_by(Membership.joined_on)
    ):
        heads[household_id] = f"{last} {first}"
    named: dict[int, tuple[str, str]] = {}
    for household_id, reference, protected in session.execute(
        select(Household.id, Household.reference, Household.protected).where(Household.id.in_(ids))
    ):
        masked = protected and not actor.system and household_id not in in_circle
        named[household_id] = (reference, MASK if masked else heads.get(household_id, ""))
    return named


def _row(
    named: Mapping[int, tuple[str, str]],
    household_id: int,
    *,
    programme: str | None = None,
    dwelling: str | None = None,
    code: str | None = None,
    day: date | None = None,
    amount: int | None = None,
) -> DashboardRow:
    reference, head = named.get(household_id, ("", ""))
    return DashboardRow(household_id, reference, head, programme, dwelling, code, day, amount)


# ------------------------------------------------------------------ occupancy


@dataclass
class _Line:
    """One line of the occupancy part while it is being added up."""

    programme_id: int | None
    name: str
    total: occ.Occupancy = field(default_factory=occ.Occupancy)
    rows: list[DashboardRow] = field(default_factory=list)


def _occupants(
    session: Session, dwelling_ids: Sequence[int], today: date
) -> dict[int, list[tuple[int, date, date | None]]]:
    """The contracts running today in each dwelling: (household, start, end)."""
    found: dict[int, list[tuple[int, date, date | None]]] = defaultdict(list)
    if not dwelling_ids:
        return found
    for dwelling_id, household_id, start, end in session.execute(
        select(
            OccupancyContract.dwelling_id,
            OccupancyContract.household_id,
            OccupancyContract.start_date,
            OccupancyContract.end_date,
        )
        .where(
            OccupancyContract.dwelling_id.in_(dwelling_ids),
            OccupancyContract.start_date <= today,
            or_(OccupancyContract.end_date.is_(None), OccupancyContract.end_date >= today),
        )
        .order_by(OccupancyContract.start_date, OccupancyContract.id)
    ):
        found[dwelling_id].append((household_id, start, end))
    return found


def _persons(
    session: Session, household_ids: Collection[int], today: date
) -> dict[int, tuple[occ.Stretch, ...]]:
    """The counted members of each household present today (visiting children left out)."""
    found: dict[int, list[occ.Stretch]] = defaultdict(list)
    if household_ids:
        for household_id, joined, left in session.execute(
            select(Membership.household_id, Membership.joined_on, Membership.left_on).where(
                Membership.household_id.in_(sorted(household_ids)),
                Membership.role != _VISITING_CHILD,
                Membership.joined_on <= today,
                or_(Membership.left_on.is_(None), Membership.left_on >= today),
            )
        ):
            found[household_id].append((joined, left))
    return {household_id: tuple(stretches) for household_id, stretches in found.items()}


def _occupancy(session: Session, actor: Actor, today: date) -> tuple[ProgrammeOccupancy, ...]:
    """The occupancy part (module docstring): a fixed few queries, the domain's arithmetic."""
    programmes = {pid: name for pid, name in session.execute(select(Programme.id, Programme.name))}
    dwellings = [
        row
        for row in session.execute(
            select(
                Dwelling.id,
                Dwelling.reference,
                Dwelling.programme_id,
                Dwelling.residence_id,
                Dwelling.lots,
                Dwelling.places,
                Dwelling.captured_on,
                Dwelling.returned_on,
            ).order_by(Dwelling.reference)
        )
        if may_on_dwelling(actor, "housing.read", row.programme_id, row.residence_id)
    ]
    residences = [
        row
        for row in session.execute(
            select(Residence.id, Residence.name, Residence.programme_id).order_by(Residence.name)
        )
        if (
            row.programme_id is not None
            and may_on_dwelling(actor, "housing.read", row.programme_id, row.id)
        )
        or (row.programme_id is None and any(d.residence_id == row.id for d in dwellings))
    ]
    ids = [row.id for row in dwellings]
    neutralised: dict[int, list[occ.Vacancy]] = defaultdict(list)
    if ids:
        for dwelling_id, start, end, reason in session.execute(
            select(
                VacancyPeriod.dwelling_id,
                VacancyPeriod.start_date,
                VacancyPeriod.end_date,
                VacancyPeriod.reason,
            ).where(
                VacancyPeriod.dwelling_id.in_(ids),
                VacancyPeriod.neutralised.is_(True),
                VacancyPeriod.start_date <= today,
                or_(VacancyPeriod.end_date.is_(None), VacancyPeriod.end_date >= today),
            )
        ):
            neutralised[dwelling_id].append(occ.Vacancy(start, end, reason, neutralised=True))
    places_of: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for residence_id, valid_from, places in session.execute(
        select(ResidencePlaces.residence_id, ResidencePlaces.valid_from, ResidencePlaces.places)
        .where(ResidencePlaces.valid_from <= today)
        .order_by(ResidencePlaces.valid_from)
    ):
        places_of[residence_id].append((valid_from, places))
    running = _occupants(session, ids, today)
    persons = _persons(session, {h for rows in running.values() for h, _, _ in rows}, today)
    named = _named(session, actor, {h for rows in running.values() for h, _, _ in rows}, today)

    lines: dict[tuple[int | None, int | None], _Line] = {}

    def line_of(programme_id: int | None, residence_id: int | None, name: str) -> _Line:
        key = (programme_id, None if programme_id is not None else residence_id)
        if key not in lines:
            lines[key] = _Line(programme_id, programmes.get(programme_id or 0, name))
        return lines[key]

    day = (Period(today, today),)
    residence_units: dict[int, list[occ.Occupant]] = defaultdict(list)
    residence_withdrawn: dict[int, list[occ.Withdrawal]] = defaultdict(list)
    for row in dwellings:
        in_house = row.residence_id is not None
        occupants = tuple(
            occ.Occupant(start, end, persons.get(household_id, ()), household_id)
            for household_id, start, end in running.get(row.id, ())
        )
        vacancies = neutralised.get(row.id, [])
        unit = occ.Unit(
            lots=row.lots,
            places=((date.min, 0 if in_house else row.places),),
            first=row.captured_on,
            last=row.returned_on,
            withdrawn=occ.withdrawals(vacancies, row.lots, 0 if in_house else row.places),
            occupants=occupants,
        )
        [today_occupancy] = occ.occupancy(unit, day)
        line = line_of(row.programme_id, row.residence_id, "")
        line.total += today_occupancy
        if in_house:
            residence_units[row.residence_id].extend(occupants)
            residence_withdrawn[row.residence_id].extend(occ.withdrawals(vacancies, 0, row.places))
        line.rows.extend(
            _row(named, household_id, programme=line.name, dwelling=row.reference, day=start)
            for household_id, start, _ in running.get(row.id, ())
        )
    for residence in residences:
        unit = occ.Unit(
            lots=0,
            places=tuple(places_of.get(residence.id, ())),
            withdrawn=tuple(residence_withdrawn.get(residence.id, ())),
            occupants=tuple(residence_units.get(residence.id, ())),
        )
        [today_occupancy] = occ.occupancy(unit, day)
        line_of(residence.programme_id, residence.id, residence.name).total += today_occupancy
    return tuple(
        ProgrammeOccupancy(
            programme_id=line.programme_id,
            programme=line.name,
            lots_occupied=line.total.occupied_lot_days,
            lots_available=line.total.available_lot_days,
            places_occupied=line.total.occupied_place_days,
            places=line.total.available_place_days,
            rows=tuple(sorted(line.rows, key=lambda r: (r.dwelling or "", r.household_reference))),
        )
        for line in sorted(lines.values(), key=lambda line: line.name)
        if line.rows or line.total != occ.Occupancy()  # a programme whose stock is all gone
    )


# ------------------------------------------------------------------ arrears


def _arrears(
    session: Session, actor: Actor, today: date, params: Parameters, visible: bool
) -> tuple[ArrearsLevel, ...]:
    """Households by their highest level today (the ladder of `services.arrears`)."""
    query = (
        select(
            OccupancyContract.id,
            OccupancyContract.household_id,
            Dwelling.reference,
            Programme.name,
        )
        .join(Household, Household.id == OccupancyContract.household_id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .join(Programme, Programme.id == Dwelling.programme_id)
        .where(
            select(LedgerEntry.id).where(LedgerEntry.contract_id == OccupancyContract.id).exists()
        )
    )
    scope = scope_filter(actor)
    if scope is not None:
        query = query.where(scope)
    contracts = session.execute(query).all()
    ids = [row.id for row in contracts]
    accounts = contract_accounts(session, ids, today)
    actions = recorded_actions(session, ids)
    worst: dict[int, tuple[int, int, date | None, list[str], str]] = {}
    for row in contracts:
        account = accounts.get(row.id)
        if account is None:
            continue
        result = ladder.assess(ladder_account(account, actions[row.id]), today, params).ladder
        if result.debt <= 0:
            continue
        rank, debt, since, dwellings, programme = worst.get(
            row.household_id, (0, 0, None, [], row.name)
        )
        starts = [day for day in (since, result.episode_start) if day is not None]
        worst[row.household_id] = (
            max(rank, ladder.level_rank(result.level)),
            debt + result.debt,
            min(starts) if starts else None,
            [*dwellings, row.reference],
            programme,
        )
    named = _named(session, actor, worst, today)
    by_level: dict[str, list[tuple[int, DashboardRow]]] = defaultdict(list)
    for household_id, (rank, debt, since, dwellings, programme) in worst.items():
        level = ladder.LEVELS[rank]
        by_level[level].append(
            (
                debt,
                _row(
                    named,
                    household_id,
                    programme=programme,
                    dwelling=", ".join(sorted(set(dwellings))),
                    code=level,
                    day=since,
                    amount=debt if visible else None,
                ),
            )
        )
    levels = []
    for level in reversed(ARREARS_LEVELS):  # the highest first, as « Loyers et impayés »
        found = sorted(
            by_level.get(level, []), key=lambda item: (-item[0], item[1].household_reference)
        )
        levels.append(
            ArrearsLevel(
                level=level,
                debt=sum(debt for debt, _ in found) if visible else None,
                rows=tuple(row for _, row in found),
            )
        )
    return tuple(levels)


# ------------------------------------------------------------------ measures and reviews


def _follow_up(
    session: Session, actor: Actor, today: date, params: Parameters
) -> tuple[tuple[DashboardRow, ...], tuple[DashboardRow, ...]]:
    """Measures ending within 30 days (late ones too) and reviews overdue, as the agenda."""
    go_live = rules.go_live_date(params.get("go_live_date", today))
    soon = rules.window(today, HORIZON_DAYS, go_live)
    late = rules.window(today, 0, go_live)
    rows = session.execute(
        select(SupportMeasure, Programme.name)
        .join(Household, Household.id == SupportMeasure.household_id)
        .join(Programme, Programme.id == SupportMeasure.programme_id)
        .where(SupportMeasure.start_date <= soon.last_day, Household.archived_on.is_(None))
    ).all()
    contexts = support_contexts(session, actor, [measure.household_id for measure, _ in rows])
    kept = [
        (measure, programme)
        for measure, programme in rows
        if decide(actor, "support.read", contexts[measure.household_id]).allowed
    ]
    ids = [measure.id for measure, _ in kept]
    renewals = measure_renewals(session, ids)
    reviews: dict[int, list[SupportReview]] = defaultdict(list)
    if ids:
        for review in session.scalars(
            select(SupportReview).where(SupportReview.measure_id.in_(sorted(ids)))
        ):
            reviews[review.measure_id].append(review)
    named = _named(session, actor, {measure.household_id for measure, _ in kept}, today)
    ending: list[DashboardRow] = []
    overdue: list[DashboardRow] = []
    for measure, programme in kept:
        granted = sum(r.months for r in renewals.get(measure.id, []) if r.decision == GRANTED)
        end = planned_end(measure.start_date, measure.planned_months, granted)
        if measure.end_date is None and soon.raises(end):
            ending.append(
                _row(named, measure.household_id, programme=programme, code=measure.kind, day=end)
            )
        if measure.kind == counting.DIAGNOSTIC:
            continue  # a diagnostic is concluded without a review
        for due in measure_dues(
            measure,
            reference=named[measure.household_id][0],
            renewals=renewals.get(measure.id, []),
            reviews=reviews.get(measure.id, []),
            period_months=params.int("review.period_months", measure.start_date),
            window=late,
        ):
            if not late.overdue(due.due_on):
                continue
            if due.state == TO_SEND:
                code = rules.REVIEW_TO_SEND
            else:
                code = rules.FINAL_REVIEW_DUE if due.kind == FINAL else rules.REVIEW_DUE
            overdue.append(
                _row(named, measure.household_id, programme=programme, code=code, day=due.due_on)
            )

    def order(row: DashboardRow) -> tuple[date, str, str]:
        return (row.day or today, row.household_reference, row.code or "")

    return tuple(sorted(ending, key=order)), tuple(sorted(overdue, key=order))


# ------------------------------------------------------------------ candidatures


def _waiting(session: Session, actor: Actor, today: date) -> tuple[WaitingProgramme, ...]:
    """Undecided candidatures by programme (the scope of the Admissions screen)."""
    conditions: list[ColumnElement[bool]] = [Candidature.decision.is_(None)]
    scope = admissions.scope_filter(actor)
    if scope is not None:
        conditions.append(scope)
    rows = session.execute(
        select(
            Candidature.programme_id,
            Programme.name,
            Candidature.household_id,
            Candidature.oriented_on,
        )
        .join(Programme, Programme.id == Candidature.programme_id)
        .where(and_(*conditions))
        .order_by(Programme.name, Candidature.oriented_on, Candidature.id)
    ).all()
    named = _named(session, actor, {row.household_id for row in rows}, today)
    grouped: dict[tuple[str, int], list[DashboardRow]] = defaultdict(list)
    for row in rows:
        grouped[(row.name, row.programme_id)].append(
            _row(named, row.household_id, programme=row.name, day=row.oriented_on)
        )
    return tuple(
        WaitingProgramme(programme_id, name, tuple(found))
        for (name, programme_id), found in sorted(grouped.items())
    )


# ------------------------------------------------------------------ movements


@dataclass(frozen=True, slots=True)
class _StaySpan:
    """A stay as `domain.counting` counts it, with its household and programme."""

    start: date
    end: date | None
    household_id: int
    programme: str


def _movements(
    session: Session, actor: Actor, quarter: Period, today: date
) -> tuple[MonthMovements, ...]:
    """Stays entered and left in each month of the quarter (`counting.opened` / `closed`)."""
    query = (
        select(Stay.household_id, Stay.entry_date, Stay.exit_date, Programme.name)
        .join(Household, Household.id == Stay.household_id)
        .join(Programme, Programme.id == Stay.programme_id)
        .where(
            or_(
                Stay.entry_date.between(quarter.start, quarter.end),
                Stay.exit_date.between(quarter.start, quarter.end),
            )
        )
    )
    scope = scope_filter(actor)
    if scope is not None:
        query = query.where(scope)
    spans = [
        _StaySpan(row.entry_date, row.exit_date, row.household_id, row.name)
        for row in session.execute(query)
    ]
    named = _named(session, actor, {span.household_id for span in spans}, today)
    months = []
    for month in quarter.months():
        entries = counting.opened(spans, month)
        exits = counting.closed(spans, month)
        rows = [
            _row(named, span.household_id, programme=span.programme, code=ENTRY, day=span.start)
            for span in entries
        ] + [
            _row(named, span.household_id, programme=span.programme, code=EXIT, day=span.end)
            for span in exits
        ]
        rows.sort(key=lambda r: (r.day or month.start, r.code or "", r.household_reference))
        months.append(MonthMovements(month, len(entries), len(exits), tuple(rows)))
    return tuple(months)


# ------------------------------------------------------------------ the service


@service_action("session.basic")
def dashboard(database: Database, *, actor: Actor, today: date) -> Dashboard:
    """The Tableau de bord on ``today`` for ``actor`` (see the module docstring).

    One read-only unit of work; nothing is written (reading aggregates opens no file).
    """
    allowed = frozenset(parts_for(actor))
    quarter = quarter_of(today)
    visible = may_ever(actor, "ledger.read_amounts")

    def read(session: Session) -> Dashboard:
        params = parameters_in(session)
        ending: tuple[DashboardRow, ...] | None = None
        overdue: tuple[DashboardRow, ...] | None = None
        if "measures" in allowed:
            ending, overdue = _follow_up(session, actor, today, params)
        return Dashboard(
            today=today,
            quarter=quarter,
            amounts_visible=visible,
            occupancy=_occupancy(session, actor, today) if "occupancy" in allowed else None,
            arrears=(
                _arrears(session, actor, today, params, visible) if "arrears" in allowed else None
            ),
            measures_ending=ending,
            overdue_reviews=overdue,
            waiting=_waiting(session, actor, today) if "waiting" in allowed else None,
            movements=_movements(session, actor, quarter, today)
            if "movements" in allowed
            else None,
        )

    return database.run_read(read)
