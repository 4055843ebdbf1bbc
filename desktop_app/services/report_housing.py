"""The housing, pension and arrears figures of the returns (DOMAIN §5.2, §5.6), and their series.

Column reads only (Core selects, a fixed few queries whatever the size of the stock); the day
arithmetic is `domain.occupancy`, the debts `domain.ledger.debt_on` over the accounts that
`services.ledger.contract_accounts` replays. No permission check: the orchestrator
(`services.reporting`) has checked ``returns.run`` on the scope.

Decisions where DOMAIN.md is silent, kept here so the returns, the tests and the PDF agree:

- **Stock**: a dwelling counts in the stock from ``captured_on`` (none: since ever) to
  ``returned_on``, its **last day** in the stock (as `services.housing.return_dwelling` says):
  it is available that day, and counted as returned in the period holding that day.
  ``dwellings.start`` / ``.captured`` / ``.returned`` / ``.end`` follow the present at start /
  entry / exit / present at end rules of the stays (`domain.counting`), so start + captured −
  returned = end. The dwelling codes cover the dwellings of the scope's programmes of an IML
  kind (for a grid on every programme too, so the splits by programme kind add up).
- **Households behind** a dwelling or occupancy figure: those with a contract running in those
  dwellings during the period; none behind vacancy, staff and activity counts.
- **Pensions**: the places are the residence's (dated rows, the value in force each day) and
  the residences are those of the scope's programmes. A person is present in a residence on a
  day when a contract of their household on a dwelling (room) of that residence runs that day,
  as for the residents list (`services.residence_life`): a stay names a programme, not a house,
  so a stay without a contract places nobody. A neutralised vacancy of a room takes that
  room's places out of the available places. ``occupancy_rate`` of a grid on every programme is
  the rate over the IML dwellings and the pensions together.
- **Arrears**: a household's debt is the §4.2 debt in default (household share, the expected
  benefit counting as settling) summed over its contracts. ``arrears.households`` /
  ``.total_eur`` read the contracts of dwellings of the scope's programmes or whose stay is in
  the scope, ended ones included (debts stay, §3.8). ``arrears.at_entry`` / ``.at_exit`` count
  the households of the scope's stays entering / exiting in the period whose debt, over every
  contract they hold with the association, is positive on that entry / exit day.
- **Contacts**: contacts dated in the period, except ``no_show``, of households with a stay
  active in the period in the scope's programmes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain import counting as c
from desktop_app.domain import occupancy as o
from desktop_app.domain import vocabulary as v
from desktop_app.domain.figures import (
    EUR,
    FNAVDL,
    GROUPS,
    IML,
    PENSION,
    RATE,
    Figure,
    Number,
    Series,
    codes_of,
)
from desktop_app.domain.ledger import debt_on
from desktop_app.domain.people_figures import exact
from desktop_app.domain.periods import Period
from desktop_app.persistence.models import (
    ActivityAttendance,
    CollectiveActivity,
    Contact,
    Dwelling,
    LedgerEntry,
    Membership,
    OccupancyContract,
    Residence,
    ResidencePlaces,
    StaffPeriod,
    Stay,
    VacancyPeriod,
)
from desktop_app.services.ledger import ContractAccount, contract_accounts
from desktop_app.services.report_scope import ALL_PROGRAMMES, KINDS, Scope

_BASES: Final = frozenset(
    {
        "dwellings",
        "places",
        "dwellings.end",
        "dwellings.end.typology",
        "occupancy_rate",
        "occupancy_rate.dwellings",
        "vacancy_days",
        "arrears.households",
        "arrears.total_eur",
        "arrears.at_entry",
        "arrears.at_exit",
        "activities.count",
        "activities",
        "activities.attendance",
        "councils",
        "contacts.count",
        "staff.fte",
    }
)
CODES: Final = tuple(code.code for g in GROUPS if g.base in _BASES for code in g.codes)
"""Every code this module computes, in catalogue order."""

UNKNOWN: Final = "unknown"
COUNCIL: Final = "concertation_council"
NO_SHOW: Final = "no_show"
VISITING_CHILD: Final = "visiting_child"
_CENTS: Final = 100


# ---------------------------------------------------------------- the stock, loaded once


@dataclass(frozen=True, slots=True)
class _Dwelling:
    dwelling_id: int
    kind: str
    """The kind of its programme."""
    residence_id: int | None
    typology: str | None
    sector: str | None
    lots: int
    places: int
    first: date | None
    last: date | None

    @property
    def span(self) -> c.Interval:
        """Its presence in the stock, as the counting rules see a span."""
        return c.Interval(self.first or date.min, self.last)


@dataclass(frozen=True, slots=True)
class _Contract:
    dwelling_id: int
    household_id: int
    start: date
    end: date | None


@dataclass(slots=True)
class _Stock:
    """The scope's dwellings and residences with what happens in them during the period."""

    iml: list[_Dwelling] = field(default_factory=list)
    rooms: dict[int, list[_Dwelling]] = field(default_factory=dict)
    """Residence id → its dwellings (rooms)."""
    places: dict[int, list[tuple[date, int]]] = field(default_factory=dict)
    """Residence id → its dated places."""
    contracts: dict[int, list[_Contract]] = field(default_factory=dict)
    persons: dict[int, list[o.Stretch]] = field(default_factory=dict)
    vacancies: dict[int, list[o.Vacancy]] = field(default_factory=dict)

    def households(self, dwellings: Iterable[_Dwelling]) -> tuple[int, ...]:
        """The households with a contract in ``dwellings`` during the period, sorted."""
        return tuple(
            sorted(
                {k.household_id for d in dwellings for k in self.contracts.get(d.dwelling_id, ())}
            )
        )

    def occupants(self, dwelling_id: int) -> tuple[o.Occupant, ...]:
        return tuple(
            o.Occupant(k.start, k.end, tuple(self.persons.get(k.household_id, ())), k.household_id)
            for k in self.contracts.get(dwelling_id, ())
        )

    def dwelling_unit(self, d: _Dwelling) -> o.Unit:
        """An IML dwelling: its lots and places, its stock dates, its neutralised vacancies."""
        vacancies = self.vacancies.get(d.dwelling_id, ())
        return o.Unit(
            lots=d.lots,
            places=((date.min, d.places),),
            first=d.first,
            last=d.last,
            withdrawn=o.withdrawals(vacancies, d.lots, d.places),
            occupants=self.occupants(d.dwelling_id),
        )

    def residence_unit(self, residence_id: int) -> o.Unit:
        """A pension: the residence's dated places, its rooms' contracts and neutralised rooms."""
        rooms = self.rooms.get(residence_id, [])
        return o.Unit(
            lots=0,
            places=tuple(sorted(self.places.get(residence_id, ()))),
            withdrawn=tuple(
                w
                for d in rooms
                for w in o.withdrawals(self.vacancies.get(d.dwelling_id, ()), 0, d.places)
            ),
            occupants=tuple(x for d in rooms for x in self.occupants(d.dwelling_id)),
        )

    def residence_units(self) -> list[o.Unit]:
        return [self.residence_unit(rid) for rid in sorted(self.places.keys() | self.rooms.keys())]


def _within(first: Any, last: Any, period: Period) -> ColumnElement[bool]:
    """``first ≤ P.end and (last empty or last ≥ P.start)``: active in the period."""
    return and_(
        or_(first.is_(None), first <= period.end), or_(last.is_(None), last >= period.start)
    )


def _residences(scope: Scope) -> Select[Any]:
    return select(Residence.id).where(Residence.programme_id.in_(scope.programme_ids))


def _load_stock(session: Session, scope: Scope, *, iml: bool, pension: bool) -> _Stock:
    period = scope.period
    stock = _Stock()
    iml_kinds = KINDS[IML]
    residences = set(session.scalars(_residences(scope)).all()) if pension else set()
    for residence_id, valid_from, places in session.execute(
        select(
            ResidencePlaces.residence_id, ResidencePlaces.valid_from, ResidencePlaces.places
        ).where(
            ResidencePlaces.residence_id.in_(_residences(scope).scalar_subquery()),
            ResidencePlaces.valid_from <= period.end,
        )
    ):
        if residence_id in residences:
            stock.places.setdefault(residence_id, []).append((valid_from, places))
    dwelling_where = (
        Dwelling.programme_id.in_(scope.programme_ids),
        _within(Dwelling.captured_on, Dwelling.returned_on, period),
    )
    for row in session.execute(
        select(
            Dwelling.id,
            Dwelling.programme_id,
            Dwelling.residence_id,
            Dwelling.typology,
            Dwelling.sector,
            Dwelling.lots,
            Dwelling.places,
            Dwelling.captured_on,
            Dwelling.returned_on,
        )
        .where(*dwelling_where)
        .order_by(Dwelling.id)
    ):
        dwelling = _Dwelling(row[0], scope.programme_kinds.get(row[1], ""), *row[2:])
        if dwelling.residence_id is not None and dwelling.residence_id in residences:
            stock.rooms.setdefault(dwelling.residence_id, []).append(dwelling)
        elif iml and dwelling.kind in iml_kinds:
            stock.iml.append(dwelling)
    dwelling_ids = select(Dwelling.id).where(*dwelling_where).scalar_subquery()
    contract_where = (
        OccupancyContract.dwelling_id.in_(dwelling_ids),
        OccupancyContract.start_date <= period.end,
        or_(OccupancyContract.end_date.is_(None), OccupancyContract.end_date >= period.start),
    )
    for dwelling_id, household_id, start, end in session.execute(
        select(
            OccupancyContract.dwelling_id,
            OccupancyContract.household_id,
            OccupancyContract.start_date,
            OccupancyContract.end_date,
        )
        .where(*contract_where)
        .order_by(OccupancyContract.start_date, OccupancyContract.id)
    ):
        stock.contracts.setdefault(dwelling_id, []).append(
            _Contract(dwelling_id, household_id, start, end)
        )
    households = select(OccupancyContract.household_id).where(*contract_where)
    for household_id, joined, left in session.execute(
        select(Membership.household_id, Membership.joined_on, Membership.left_on).where(
            Membership.household_id.in_(households.scalar_subquery()),
            Membership.role != VISITING_CHILD,
            _within(Membership.joined_on, Membership.left_on, period),
        )
    ):
        stock.persons.setdefault(household_id, []).append((joined, left))
    for dwelling_id, start, end, reason, neutralised in session.execute(
        select(
            VacancyPeriod.dwelling_id,
            VacancyPeriod.start_date,
            VacancyPeriod.end_date,
            VacancyPeriod.reason,
            VacancyPeriod.neutralised,
        )
        .where(
            VacancyPeriod.dwelling_id.in_(dwelling_ids),
            _within(VacancyPeriod.start_date, VacancyPeriod.end_date, period),
        )
        .order_by(VacancyPeriod.start_date)
    ):
        stock.vacancies.setdefault(dwelling_id, []).append(
            o.Vacancy(start, end, reason, bool(neutralised))
        )
    return stock


# ---------------------------------------------------------------- housing figures


def _count(code: str, dwellings: Sequence[_Dwelling], stock: _Stock) -> Figure:
    return Figure(code, len(dwellings), stock.households(dwellings))


def _stock_figures(stock: _Stock, period: Period) -> dict[str, Figure]:
    """``dwellings.*``, ``places.{start,end}``, the splits at the end and ``vacancy_days.*``."""
    at_start = [d for d in stock.iml if c.present_at_start(d.span, period)]
    at_end = [d for d in stock.iml if c.present_at_end(d.span, period)]
    result = {
        "dwellings.start": _count("dwellings.start", at_start, stock),
        "dwellings.captured": _count(
            "dwellings.captured", [d for d in stock.iml if c.is_entry(d.span, period)], stock
        ),
        "dwellings.returned": _count(
            "dwellings.returned", [d for d in stock.iml if c.is_exit(d.span, period)], stock
        ),
        "dwellings.end": _count("dwellings.end", at_end, stock),
        "places.start": Figure(
            "places.start", sum(d.places for d in at_start), stock.households(at_start)
        ),
        "places.end": Figure("places.end", sum(d.places for d in at_end), stock.households(at_end)),
    }
    by_kind: dict[str, list[_Dwelling]] = defaultdict(list)
    by_typology: dict[str, list[_Dwelling]] = defaultdict(list)
    for d in at_end:
        by_kind[f"{d.kind}.{d.sector or UNKNOWN}"].append(d)
        by_typology[d.typology or UNKNOWN].append(d)
    for kind in sorted(KINDS[IML]):
        for sector in (*v.SECTOR.codes, UNKNOWN):
            code = f"dwellings.end.{kind}.{sector}"
            result[code] = _count(code, by_kind[f"{kind}.{sector}"], stock)
    for typology in (*v.TYPOLOGY.codes, UNKNOWN):
        code = f"dwellings.end.typology.{typology}"
        result[code] = _count(code, by_typology[typology], stock)
    days: dict[str, int] = defaultdict(int)
    for d in stock.iml:
        for reason, count in o.vacancy_days(
            stock.vacancies.get(d.dwelling_id, ()), period, d.last
        ).items():
            days[reason] += count
    result["vacancy_days"] = Figure("vacancy_days", sum(days.values()))
    for reason in v.VACANCY_REASON.codes:
        result[f"vacancy_days.{reason}"] = Figure(f"vacancy_days.{reason}", days[reason])
    return result


def _rate_figure(code: str, value: Fraction | None, households: tuple[int, ...]) -> Figure:
    return Figure(code, o.percent(value), households)


def _units(stock: _Stock, kind: str) -> list[o.Unit]:
    """The units of the place rate: IML dwellings, pensions, or both for a grid."""
    units: list[o.Unit] = []
    if kind in {IML, ALL_PROGRAMMES}:
        units += [stock.dwelling_unit(d) for d in stock.iml]
    if kind in {PENSION, ALL_PROGRAMMES}:
        units += stock.residence_units()
    return units


def _rate_households(stock: _Stock, kind: str) -> tuple[int, ...]:
    dwellings: list[_Dwelling] = []
    if kind in {IML, ALL_PROGRAMMES}:
        dwellings += stock.iml
    if kind in {PENSION, ALL_PROGRAMMES}:
        dwellings += [d for rooms in stock.rooms.values() for d in rooms]
    return stock.households(dwellings)


def _occupancy_figures(stock: _Stock, scope: Scope) -> dict[str, Figure]:
    """``occupancy_rate`` (places) and ``occupancy_rate.dwellings`` (lots, IML dwellings)."""
    parts = [scope.period]
    places = sum(o.occupancy_of(_units(stock, scope.kind), parts), o.Occupancy())
    lots = sum(o.occupancy_of(_units(stock, IML), parts), o.Occupancy())
    return {
        "occupancy_rate": _rate_figure(
            "occupancy_rate", places.place_rate, _rate_households(stock, scope.kind)
        ),
        "occupancy_rate.dwellings": _rate_figure(
            "occupancy_rate.dwellings", lots.dwelling_rate, stock.households(stock.iml)
        ),
    }


def _pension_places(stock: _Stock, period: Period) -> Figure:
    """``places`` of the pension return: the residences' places in force on P.end."""
    total = sum(stock.residence_unit(rid).places_on(period.end) for rid in stock.places)
    rooms = [d for dwellings in stock.rooms.values() for d in dwellings]
    return Figure("places", total, stock.households(rooms))


# ---------------------------------------------------------------- life of a pension


def _life_figures(session: Session, scope: Scope) -> dict[str, Figure]:
    """Activities, attendance, councils, contacts and staff of the scope (DOMAIN §5.1.3)."""
    period = scope.period
    held = (
        CollectiveActivity.residence_id.in_(_residences(scope).scalar_subquery()),
        CollectiveActivity.held_on >= period.start,
        CollectiveActivity.held_on <= period.end,
    )
    by_kind: dict[str, int] = defaultdict(int)
    counted = 0
    for kind, activities, heads in session.execute(
        select(
            CollectiveActivity.kind,
            func.count(CollectiveActivity.id),
            func.coalesce(func.sum(CollectiveActivity.head_count), 0),
        )
        .where(*held)
        .group_by(CollectiveActivity.kind)
    ):
        by_kind[kind] += int(activities)
        counted += int(heads or 0)
    named = session.scalar(
        select(func.count())
        .select_from(ActivityAttendance)
        .join(CollectiveActivity, CollectiveActivity.id == ActivityAttendance.activity_id)
        .where(*held)
    )
    attendees = session.scalars(
        select(Membership.household_id)
        .distinct()
        .join(ActivityAttendance, ActivityAttendance.person_id == Membership.person_id)
        .join(CollectiveActivity, CollectiveActivity.id == ActivityAttendance.activity_id)
        .where(
            *held,
            Membership.joined_on <= CollectiveActivity.held_on,
            or_(Membership.left_on.is_(None), Membership.left_on >= CollectiveActivity.held_on),
        )
    ).all()
    result = {
        "activities.count": Figure("activities.count", sum(by_kind.values())),
        "activities.attendance": Figure(
            "activities.attendance", int(named or 0) + counted, tuple(sorted(attendees))
        ),
        "councils": Figure("councils", by_kind[COUNCIL]),
    }
    for kind in v.ACTIVITY_KIND.codes:
        result[f"activities.{kind}"] = Figure(f"activities.{kind}", by_kind[kind])
    present = select(Stay.household_id).where(
        Stay.programme_id.in_(scope.programme_ids),
        _within(Stay.entry_date, Stay.exit_date, period),
    )
    contacts = session.execute(
        select(Contact.household_id, func.count(Contact.id))
        .where(
            Contact.held_on >= period.start,
            Contact.held_on <= period.end,
            Contact.kind != NO_SHOW,
            Contact.household_id.in_(present.scalar_subquery()),
        )
        .group_by(Contact.household_id)
    ).all()
    result["contacts.count"] = Figure(
        "contacts.count",
        sum(int(count) for _household, count in contacts),
        tuple(sorted(household for household, _count in contacts)),
    )
    staff = session.execute(
        select(StaffPeriod.fte_hundredths, StaffPeriod.start_date, StaffPeriod.end_date).where(
            StaffPeriod.programme_id.in_(scope.programme_ids),
            _within(StaffPeriod.start_date, StaffPeriod.end_date, period),
        )
    ).all()
    result["staff.fte"] = Figure("staff.fte", o.mean_fte(staff, period))
    return result


# ---------------------------------------------------------------- arrears


@dataclass(frozen=True, slots=True)
class _Arrears:
    """The accounts needed by the arrears figures and which contracts each figure reads."""

    accounts: Mapping[int, ContractAccount]
    in_scope: tuple[int, ...]
    """Contracts of the scope's dwellings or stays."""
    held: Mapping[int, tuple[int, ...]]
    """Household of a stay entering or exiting in P → every contract it holds."""
    entries: Mapping[int, tuple[date, ...]]
    exits: Mapping[int, tuple[date, ...]]


def _has_entries() -> ColumnElement[bool]:
    return select(LedgerEntry.id).where(LedgerEntry.contract_id == OccupancyContract.id).exists()


def _load_arrears(session: Session, scope: Scope, *, moves: bool) -> _Arrears:
    period = scope.period
    in_scope = session.scalars(
        select(OccupancyContract.id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .outerjoin(Stay, Stay.id == OccupancyContract.stay_id)
        .where(
            or_(
                Dwelling.programme_id.in_(scope.programme_ids),
                Stay.programme_id.in_(scope.programme_ids),
            ),
            OccupancyContract.start_date <= period.end,
            _has_entries(),
        )
        .order_by(OccupancyContract.id)
    ).all()
    entries: dict[int, list[date]] = defaultdict(list)
    exits: dict[int, list[date]] = defaultdict(list)
    held: dict[int, list[int]] = defaultdict(list)
    if moves:
        moving = (
            Stay.programme_id.in_(scope.programme_ids),
            or_(
                and_(Stay.entry_date >= period.start, Stay.entry_date <= period.end),
                and_(Stay.exit_date >= period.start, Stay.exit_date <= period.end),
            ),
        )
        for household_id, entry, leaving in session.execute(
            select(Stay.household_id, Stay.entry_date, Stay.exit_date).where(*moving)
        ):
            if entry in period:
                entries[household_id].append(entry)
            if leaving is not None and leaving in period:
                exits[household_id].append(leaving)
        for contract_id, household_id in session.execute(
            select(OccupancyContract.id, OccupancyContract.household_id).where(
                OccupancyContract.household_id.in_(
                    select(Stay.household_id).where(*moving).scalar_subquery()
                ),
                OccupancyContract.start_date <= period.end,
                _has_entries(),
            )
        ):
            held[household_id].append(contract_id)
    wanted = sorted({*in_scope, *(k for ids in held.values() for k in ids)})
    return _Arrears(
        accounts=contract_accounts(session, wanted, period.end),
        in_scope=tuple(in_scope),
        held={household: tuple(ids) for household, ids in held.items()},
        entries={household: tuple(days) for household, days in entries.items()},
        exits={household: tuple(days) for household, days in exits.items()},
    )


def _debts(
    accounts: Mapping[int, ContractAccount], contracts: Iterable[int], day: date, scope: Scope
) -> dict[int, int]:
    """Household → debt in default on ``day`` (cents, > 0 only) over ``contracts``."""
    grace = scope.params.int("arrears.grace_days", day)
    debts: dict[int, int] = defaultdict(int)
    for contract_id in contracts:
        account = accounts.get(contract_id)
        if account is None:
            continue
        debt = debt_on(account.terms, account.credits, day, grace).debt
        if debt > 0:
            debts[account.household_id] += debt
    return {household: cents for household, cents in debts.items() if cents > 0}


def _with_debt_on(
    data: _Arrears, days: Mapping[int, tuple[date, ...]], scope: Scope
) -> tuple[int, ...]:
    """The households with a debt on one of their ``days`` (entry or exit days)."""
    return tuple(
        sorted(
            household
            for household, moments in days.items()
            if any(
                _debts(data.accounts, data.held.get(household, ()), day, scope) for day in moments
            )
        )
    )


def _arrears_figures(session: Session, scope: Scope, *, moves: bool) -> dict[str, Figure]:
    data = _load_arrears(session, scope, moves=moves)
    debts = _debts(data.accounts, data.in_scope, scope.period.end, scope)
    households = tuple(sorted(debts))
    total = exact(Fraction(sum(debts.values()), _CENTS), EUR)
    result = {
        "arrears.households": Figure("arrears.households", len(households), households),
        "arrears.total_eur": Figure("arrears.total_eur", total, households),
    }
    if moves:
        at_entry = _with_debt_on(data, data.entries, scope)
        at_exit = _with_debt_on(data, data.exits, scope)
        result["arrears.at_entry"] = Figure("arrears.at_entry", len(at_entry), at_entry)
        result["arrears.at_exit"] = Figure("arrears.at_exit", len(at_exit), at_exit)
    return result


# ---------------------------------------------------------------- entry points


def housing_figures(session: Session, scope: Scope) -> dict[str, Figure]:
    """Every housing, pension-life and arrears code of the scope's return, with its households.

    For ``all`` (a grid without a return) every such code is computed; a return gets only its
    own codes, zeros included.
    """
    kind = scope.kind
    wanted = set(CODES) if kind == ALL_PROGRAMMES else set(codes_of(kind)) & set(CODES)
    iml = kind in {IML, ALL_PROGRAMMES}
    pension = kind in {PENSION, ALL_PROGRAMMES}
    result: dict[str, Figure] = {}
    if iml or pension:
        stock = _load_stock(session, scope, iml=iml, pension=pension)
        result |= _occupancy_figures(stock, scope)
        if iml:
            result |= _stock_figures(stock, scope.period)
        if pension:
            result["places"] = _pension_places(stock, scope.period)
            result |= _life_figures(session, scope)
    result |= _arrears_figures(session, scope, moves=kind in {FNAVDL, ALL_PROGRAMMES})
    missing = wanted - result.keys()
    if missing:  # a code of the catalogue this module forgot: a programming error
        raise AssertionError(f"housing codes not computed: {sorted(missing)[:5]}")
    return {code: result[code] for code in CODES if code in wanted}


def _months(period: Period) -> tuple[list[Period], tuple[str, ...]]:
    months = period.months()
    return months, tuple(part.start.strftime("%m/%Y") for part in months)


def _rates(values: Iterable[Fraction | None]) -> tuple[Number | None, ...]:
    return tuple(o.percent(value) for value in values)


def housing_series(session: Session, scope: Scope) -> tuple[Series, ...]:
    """The charts of the return: occupancy per month (IML, pensions) and arrears per month end.

    ``occupancy``: one line per rate the return has (« Places », and « Logements » for IML
    dwellings); ``arrears``: the households in arrears on the last day of each month (cut to P).
    """
    kind = scope.kind
    months, labels = _months(scope.period)
    series: list[Series] = []
    if kind in {IML, PENSION, ALL_PROGRAMMES}:
        iml = kind in {IML, ALL_PROGRAMMES}
        stock = _load_stock(session, scope, iml=iml, pension=kind in {PENSION, ALL_PROGRAMMES})
        lines: list[tuple[str, tuple[Number | None, ...]]] = [
            ("Places", _rates(p.place_rate for p in o.occupancy_of(_units(stock, kind), months)))
        ]
        if iml:
            by_month = o.occupancy_of(_units(stock, IML), months)
            lines.append(("Logements", _rates(p.dwelling_rate for p in by_month)))
        series.append(Series("occupancy", "Taux d'occupation par mois", RATE, labels, tuple(lines)))
    data = _load_arrears(session, scope, moves=False)
    counts = tuple(len(_debts(data.accounts, data.in_scope, part.end, scope)) for part in months)
    series.append(
        Series(
            "arrears",
            "Ménages en impayé en fin de mois",
            "count",
            labels,
            (("Ménages en impayé", counts),),
        )
    )
    return tuple(series)
