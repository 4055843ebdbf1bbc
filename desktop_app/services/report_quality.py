"""The data-quality findings of a return's scope (DOMAIN §5.3), from column reads.

`quality_findings` runs inside the read-only transaction of `services.reporting` (which checks
the permission): a fixed handful of Core selects whatever the number of households — the
household set is a subquery, never a query per household — then the pure rules of
`domain.quality` decide. Each finding names its household and the record to open; its detail
is a French sentence of `domain.messages` with dates and amounts, never notes nor health.

What the scope covers: the stays of its programmes and the measures it covers
(`Scope.covers_measures_of`), active in P; the contracts of those stays or on dwellings of its
programmes (a residence's rooms included) active in P; and, for the checks about a household
(persons, documents, applications, contacts), the households of those records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, union
from sqlalchemy.orm import Session

from desktop_app.domain import quality as q
from desktop_app.domain import vocabulary as v
from desktop_app.domain.counting import MeasureSpan
from desktop_app.domain.figures import Finding
from desktop_app.domain.messages import message
from desktop_app.domain.money import format_eur
from desktop_app.domain.people_figures import NOT_WITH_HOUSEHOLD
from desktop_app.domain.periods import Period, format_date
from desktop_app.persistence.models import (
    Contact,
    Document,
    Dwelling,
    Household,
    HousingApplication,
    IssuedDocument,
    LedgerEntry,
    MeasureRenewal,
    MeasureSuspension,
    Membership,
    OccupancyContract,
    Person,
    Programme,
    RentRate,
    Residence,
    Stay,
    SupportMeasure,
)
from desktop_app.services.ledger import load_accounts
from desktop_app.services.receipts import QUITTANCE, quittance_unsettled
from desktop_app.services.report_scope import Scope
from desktop_app.services.support import GRANTED, planned_end

HOUSEHOLD_PAYMENT = "household_payment"
INSURANCE = "insurance"
HOUSE_RULES = "house_rules"


@dataclass(frozen=True, slots=True)
class _Stay:
    stay_id: int
    household_id: int
    programme_id: int
    programme_kind: str
    programme: str
    entry: date
    exit: date | None
    destination: str | None


@dataclass(frozen=True, slots=True)
class _Measure:
    measure_id: int
    household_id: int
    kind: str
    start: date
    end: date | None
    signed_on: date | None
    planned_end: date
    suspensions: tuple[tuple[date, date | None], ...]

    @property
    def span(self) -> MeasureSpan:
        return MeasureSpan(
            kind=self.kind,
            start=self.start,
            end=self.end,
            suspensions=self.suspensions,
            household_id=self.household_id,
            measure_id=self.measure_id,
        )


@dataclass(frozen=True, slots=True)
class _Contract:
    contract_id: int
    household_id: int
    stay_id: int | None
    programme_id: int
    dwelling: str
    start: date
    end: date | None
    renewal_date: date | None
    state: str
    in_scope: bool


# ---------------------------------------------------------------- what the scope covers


def _active(start: Any, end: Any, period: Period) -> ColumnElement[bool]:
    return and_(start <= period.end, or_(end.is_(None), end >= period.start))


def _stays_where(scope: Scope) -> list[ColumnElement[bool]]:
    return [
        Stay.programme_id.in_(scope.programme_ids),
        _active(Stay.entry_date, Stay.exit_date, scope.period),
    ]


def _measures_where(scope: Scope) -> list[ColumnElement[bool]]:
    covered: ColumnElement[bool] = SupportMeasure.programme_id.in_(scope.programme_ids)
    if scope.measure_funder_ids:
        covered = or_(covered, SupportMeasure.funder_id.in_(scope.measure_funder_ids))
    return [covered, _active(SupportMeasure.start_date, SupportMeasure.end_date, scope.period)]


def _scope_dwellings(scope: Scope) -> Select[Any]:
    """The dwellings of the scope's programmes and of the residences of those programmes."""
    residences = select(Residence.id).where(Residence.programme_id.in_(scope.programme_ids))
    return select(Dwelling.id).where(
        or_(
            Dwelling.programme_id.in_(scope.programme_ids),
            Dwelling.residence_id.in_(residences.scalar_subquery()),
        )
    )


def _contracts_where(scope: Scope) -> list[ColumnElement[bool]]:
    stays = select(Stay.id).where(*_stays_where(scope))
    return [
        or_(
            OccupancyContract.stay_id.in_(stays.scalar_subquery()),
            OccupancyContract.dwelling_id.in_(_scope_dwellings(scope).scalar_subquery()),
        ),
        _active(OccupancyContract.start_date, OccupancyContract.end_date, scope.period),
    ]


def _households(scope: Scope) -> Select[Any]:
    """The households of the scope's stays, measures and contracts (a subquery to select)."""
    stays = select(Stay.household_id).where(*_stays_where(scope))
    measures = select(SupportMeasure.household_id).where(*_measures_where(scope))
    contracts = select(OccupancyContract.household_id).where(*_contracts_where(scope))
    return select(union(stays, measures, contracts).subquery().c[0])


# ---------------------------------------------------------------- loading


def _load_stays(session: Session, scope: Scope) -> list[_Stay]:
    rows = session.execute(
        select(
            Stay.id,
            Stay.household_id,
            Stay.programme_id,
            Programme.kind,
            Programme.name,
            Stay.entry_date,
            Stay.exit_date,
            Stay.destination,
        )
        .join(Programme, Programme.id == Stay.programme_id)
        .where(*_stays_where(scope))
        .order_by(Stay.id)
    ).all()
    return [_Stay(*row) for row in rows]


def _load_measures(session: Session, scope: Scope) -> list[_Measure]:
    where = _measures_where(scope)
    ids = select(SupportMeasure.id).where(*where).scalar_subquery()
    granted: dict[int, int] = {
        measure_id: int(months or 0)
        for measure_id, months in session.execute(
            select(MeasureRenewal.measure_id, func.sum(MeasureRenewal.months))
            .where(MeasureRenewal.measure_id.in_(ids), MeasureRenewal.decision == GRANTED)
            .group_by(MeasureRenewal.measure_id)
        )
    }
    suspensions: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for measure_id, first, last in session.execute(
        select(
            MeasureSuspension.measure_id, MeasureSuspension.start_date, MeasureSuspension.end_date
        )
        .where(MeasureSuspension.measure_id.in_(ids))
        .order_by(MeasureSuspension.start_date)
    ):
        suspensions[measure_id].append((first, last))
    rows = session.execute(
        select(
            SupportMeasure.id,
            SupportMeasure.household_id,
            SupportMeasure.programme_id,
            SupportMeasure.funder_id,
            SupportMeasure.kind,
            SupportMeasure.start_date,
            SupportMeasure.end_date,
            SupportMeasure.contract_signed_on,
            SupportMeasure.planned_months,
        )
        .where(*where)
        .order_by(SupportMeasure.id)
    ).all()
    return [
        _Measure(
            measure_id=row.id,
            household_id=row.household_id,
            kind=row.kind,
            start=row.start_date,
            end=row.end_date,
            signed_on=row.contract_signed_on,
            planned_end=planned_end(row.start_date, row.planned_months, granted.get(row.id, 0)),
            suspensions=tuple(suspensions[row.id]),
        )
        for row in rows
        if scope.covers_measures_of(row.programme_id, row.funder_id)
    ]


def _load_contracts(session: Session, scope: Scope, households: Select[Any]) -> list[_Contract]:
    """Every contract of the households (to tell whether a stay has one), scope marked."""
    in_scope = set(session.scalars(select(OccupancyContract.id).where(*_contracts_where(scope))))
    rows = session.execute(
        select(
            OccupancyContract.id,
            OccupancyContract.household_id,
            OccupancyContract.stay_id,
            Dwelling.programme_id,
            Dwelling.reference,
            OccupancyContract.start_date,
            OccupancyContract.end_date,
            OccupancyContract.renewal_date,
            OccupancyContract.state,
        )
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(OccupancyContract.household_id.in_(households.scalar_subquery()))
        .order_by(OccupancyContract.id)
    ).all()
    return [_Contract(*row, in_scope=row.id in in_scope) for row in rows]


def _grouped(rows: Iterable[tuple[Any, ...]]) -> dict[int, list[tuple[Any, ...]]]:
    """Rows keyed by their first column (a household or contract id)."""
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(tuple(row[1:]))
    return grouped


# ---------------------------------------------------------------- the checks


class _Findings:
    """Collects the findings, each with its household's reference."""

    def __init__(self, references: Mapping[int, str]) -> None:
        self.references = references
        self.items: list[Finding] = []

    def add(self, check: str, household_id: int, record: str, record_id: int, detail: str) -> None:
        self.items.append(
            Finding(
                check=check,
                level=q.CHECK_OF[check].level,
                household_id=household_id,
                household_reference=self.references.get(household_id, ""),
                record=record,
                record_id=record_id,
                detail=detail,
            )
        )


def _covers(contract: _Contract, stay: _Stay) -> bool:
    """A contract of the stay: linked to it, or the household's in its programme meanwhile."""
    if contract.stay_id == stay.stay_id:
        return True
    return (
        contract.household_id == stay.household_id
        and contract.programme_id == stay.programme_id
        and (stay.exit is None or contract.start <= stay.exit)
        and (contract.end is None or contract.end >= stay.entry)
    )


def _d(day: date) -> str:
    return format_date(day)


def _stay_checks(
    out: _Findings,
    stays: Iterable[_Stay],
    contracts: list[_Contract],
    scope: Scope,
    judged: date,
) -> None:
    period = scope.period
    for stay in stays:
        if q.exit_without_destination(stay.exit, stay.destination, period):
            assert stay.exit is not None
            out.add(
                q.EXIT_WITHOUT_DESTINATION,
                stay.household_id,
                "stay",
                stay.stay_id,
                message(
                    "quality.exit_without_destination",
                    exit=_d(stay.exit),
                    programme=stay.programme,
                ),
            )
        contracted = any(_covers(c, stay) for c in contracts)
        if q.stay_without_contract(stay.programme_kind, stay.entry, stay.exit, contracted, judged):
            out.add(
                q.STAY_WITHOUT_CONTRACT,
                stay.household_id,
                "stay",
                stay.stay_id,
                message(
                    "quality.stay_without_contract",
                    entry=_d(stay.entry),
                    programme=stay.programme,
                    days=q.CONTRACT_DAYS,
                ),
            )


def _future_checks(
    out: _Findings,
    stays: Iterable[_Stay],
    measures: Iterable[_Measure],
    contracts: Iterable[_Contract],
    *,
    contacts: Mapping[int, list[tuple[Any, ...]]],
    today: date,
) -> None:
    records: list[tuple[int, str, int, list[tuple[str, date | None]]]] = []
    records += [
        (
            s.household_id,
            "stay",
            s.stay_id,
            [
                ("quality.future_date.stay_entry", s.entry),
                ("quality.future_date.stay_exit", s.exit),
            ],
        )
        for s in stays
    ]
    records += [
        (
            c.household_id,
            "occupancy_contract",
            c.contract_id,
            [
                ("quality.future_date.contract_start", c.start),
                ("quality.future_date.contract_end", c.end),
            ],
        )
        for c in contracts
        if c.in_scope
    ]
    records += [
        (
            m.household_id,
            "support_measure",
            m.measure_id,
            [
                ("quality.future_date.measure_start", m.start),
                ("quality.future_date.measure_end", m.end),
            ],
        )
        for m in measures
    ]
    records += [
        (household_id, "contact", contact_id, [("quality.future_date.contact", held_on)])
        for household_id, rows in contacts.items()
        for contact_id, held_on, _kind in rows
    ]
    for household_id, record, record_id, dates in records:
        for code, day in q.future_dates(dates, today):
            out.add(
                q.FUTURE_DATE,
                household_id,
                record,
                record_id,
                message(code, day=_d(day), today=_d(today)),
            )


def _measure_checks(
    out: _Findings,
    measures: Iterable[_Measure],
    contacts: Mapping[int, list[tuple[Any, ...]]],
    scope: Scope,
    judged: date,
) -> None:
    for m in measures:
        kind = v.MEASURE_KIND.label(m.kind)
        if q.measure_overdue(m.planned_end, m.end, judged):
            out.add(
                q.MEASURE_OVERDUE,
                m.household_id,
                "support_measure",
                m.measure_id,
                message(
                    "quality.measure_overdue",
                    kind=kind,
                    planned_end=_d(m.planned_end),
                    days=q.OVERDUE_DAYS,
                ),
            )
        days = [held_on for _id, held_on, k in contacts.get(m.household_id, ()) if _with(k)]
        window = q.measure_without_contact(m.span, days, scope.period, judged)
        if window is not None:
            out.add(
                q.MEASURE_WITHOUT_CONTACT,
                m.household_id,
                "support_measure",
                m.measure_id,
                message(
                    "quality.measure_without_contact",
                    kind=kind,
                    first=_d(window.start),
                    last=_d(window.end),
                ),
            )
        if q.support_contract_unsigned(m.kind, m.start, m.end, m.signed_on, judged):
            out.add(
                q.SUPPORT_CONTRACT_UNSIGNED,
                m.household_id,
                "support_measure",
                m.measure_id,
                message(
                    "quality.support_contract_unsigned",
                    kind=kind,
                    start=_d(m.start),
                    deadline=_d(q.support_contract_deadline(m.start)),
                ),
            )


def _with(kind: str) -> bool:
    """Whether a contact of this kind was held with the household itself."""
    return kind not in NOT_WITH_HOUSEHOLD


def _presence_checks(
    out: _Findings,
    stays: Iterable[_Stay],
    activity: Mapping[int, list[date]],
    rules_signed: Mapping[int, list[date]],
    judged: date,
) -> None:
    window = q.silence_window(judged)
    for stay in stays:
        if q.possible_missed_exit(
            stay.entry, stay.exit, activity.get(stay.household_id, ()), judged
        ):
            out.add(
                q.POSSIBLE_MISSED_EXIT,
                stay.household_id,
                "stay",
                stay.stay_id,
                message(
                    "quality.possible_missed_exit",
                    programme=stay.programme,
                    first=_d(window.start),
                    last=_d(window.end),
                ),
            )
        if q.house_rules_unsigned(
            stay.programme_kind,
            stay.entry,
            stay.exit,
            rules_signed.get(stay.household_id, ()),
            judged,
        ):
            out.add(
                q.HOUSE_RULES_UNSIGNED,
                stay.household_id,
                "stay",
                stay.stay_id,
                message(
                    "quality.house_rules_unsigned", programme=stay.programme, entry=_d(stay.entry)
                ),
            )


def _contract_checks(
    out: _Findings,
    contracts: Iterable[_Contract],
    *,
    rates: Mapping[int, list[tuple[Any, ...]]],
    allocataires: set[int],
    scope: Scope,
    judged: date,
) -> None:
    for c in contracts:
        if not c.in_scope:
            continue
        since = q.tiers_payant_without_allocataire(
            [(valid_from, bool(tiers)) for valid_from, tiers in rates.get(c.contract_id, ())],
            c.start,
            c.end,
            scope.period,
            has_allocataire=c.household_id in allocataires,
        )
        if since is not None:
            out.add(
                q.TIERS_PAYANT_WITHOUT_ALLOCATAIRE,
                c.household_id,
                "occupancy_contract",
                c.contract_id,
                message(
                    "quality.tiers_payant_without_allocataire", dwelling=c.dwelling, since=_d(since)
                ),
            )
        if q.renewal_overdue(c.renewal_date, c.state, c.start, c.end, judged):
            assert c.renewal_date is not None
            out.add(
                q.CONTRACT_RENEWAL_OVERDUE,
                c.household_id,
                "occupancy_contract",
                c.contract_id,
                message(
                    "quality.contract_renewal_overdue",
                    dwelling=c.dwelling,
                    renewal=_d(c.renewal_date),
                ),
            )


def _person_checks(
    out: _Findings, members: Mapping[int, list[tuple[Any, ...]]], period: Period
) -> None:
    for household_id, rows in members.items():
        seen: set[int] = set()
        for person_id, role, joined_on, left_on, birth_date, _number in rows:
            if person_id in seen or not q.lacks_birth_date(
                role, birth_date, joined_on, left_on, period
            ):
                continue
            seen.add(person_id)
            out.add(
                q.PERSON_WITHOUT_BIRTH_DATE,
                household_id,
                "person",
                person_id,
                message(
                    "quality.person_without_birth_date",
                    role=v.MEMBER_ROLE.label(role),
                    joined=_d(joined_on),
                ),
            )


def _document_checks(
    out: _Findings,
    insurances: Mapping[int, tuple[int, date | None]],
    contracts: Iterable[_Contract],
    judged: date,
) -> None:
    spans: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for c in contracts:
        if c.in_scope:
            spans[c.household_id].append((c.start, c.end))
    for household_id, (document_id, expires_on) in insurances.items():
        if q.insurance_expired(expires_on, spans.get(household_id, ()), judged):
            assert expires_on is not None
            out.add(
                q.EXPIRED_INSURANCE,
                household_id,
                "document",
                document_id,
                message("quality.expired_insurance", expired=_d(expires_on)),
            )


def _quittance_checks(
    out: _Findings, session: Session, scope: Scope, contracts: Iterable[_Contract], today: date
) -> None:
    """Quittances for a month of P that the ledger no longer settles today (`receipts`)."""
    if not any(c.in_scope for c in contracts):
        return
    period = scope.period
    ids = select(OccupancyContract.id).where(*_contracts_where(scope)).scalar_subquery()
    rows = session.execute(
        select(
            IssuedDocument.id,
            IssuedDocument.contract_id,
            IssuedDocument.number,
            IssuedDocument.period_month,
            IssuedDocument.amount,
        )
        .where(
            IssuedDocument.kind == QUITTANCE,
            IssuedDocument.contract_id.in_(ids),
            IssuedDocument.period_month >= period.start.replace(day=1),
            IssuedDocument.period_month <= period.end,
        )
        .order_by(IssuedDocument.period_month, IssuedDocument.id)
    ).all()
    if not rows:
        return
    accounts = {
        item.contract_id: item
        for item in load_accounts(
            session, OccupancyContract.id.in_(sorted({row.contract_id for row in rows}))
        )
    }
    for row in rows:
        item = accounts[row.contract_id]
        if quittance_unsettled(item, scope.params, row.period_month, today):
            out.add(
                q.QUITTANCE_UNSETTLED,
                item.household_id,
                "issued_document",
                row.id,
                message(
                    "quality.quittance_unsettled",
                    number=row.number,
                    month=row.period_month.strftime("%m/%Y"),
                    amount=format_eur(row.amount),
                ),
            )


# ---------------------------------------------------------------- the entry point


@dataclass(frozen=True, slots=True)
class _Households:
    """What the household-level checks read, keyed by household id."""

    references: dict[int, str]
    members: dict[int, list[tuple[Any, ...]]]
    """(person id, role, joined on, left on, birth date, allocataire number)."""
    contacts: dict[int, list[tuple[Any, ...]]]
    """(contact id, held on, kind), from the silence window or P on, future ones included."""
    payments: dict[int, list[tuple[Any, ...]]]
    """(posted on,) of the household's payments inside the silence window."""
    documents: list[Any]
    """(household, document id, kind, dated on, expires on): insurance and house rules."""
    applications: list[Any]
    """(household, application id, status, renewal due on)."""


def _load_households(
    session: Session, households: Select[Any], scope: Scope, judged: date
) -> _Households:
    ids = households.scalar_subquery()
    silence = q.silence_window(judged)
    return _Households(
        references={
            household_id: reference
            for household_id, reference in session.execute(
                select(Household.id, Household.reference).where(Household.id.in_(ids))
            )
        },
        members=_grouped(
            session.execute(
                select(
                    Membership.household_id,
                    Person.id,
                    Membership.role,
                    Membership.joined_on,
                    Membership.left_on,
                    Person.birth_date,
                    Person.allocataire_number,
                )
                .join(Person, Person.id == Membership.person_id)
                .where(Membership.household_id.in_(ids))
                .order_by(Membership.household_id, Membership.joined_on, Membership.id)
            )
        ),
        contacts=_grouped(
            session.execute(
                select(Contact.household_id, Contact.id, Contact.held_on, Contact.kind)
                .where(
                    Contact.household_id.in_(ids),
                    Contact.held_on >= min(silence.start, scope.period.start),
                )
                .order_by(Contact.held_on, Contact.id)
            )
        ),
        payments=_grouped(
            session.execute(
                select(OccupancyContract.household_id, LedgerEntry.posted_on)
                .join(OccupancyContract, OccupancyContract.id == LedgerEntry.contract_id)
                .where(
                    OccupancyContract.household_id.in_(ids),
                    LedgerEntry.kind == HOUSEHOLD_PAYMENT,
                    LedgerEntry.posted_on >= silence.start,
                    LedgerEntry.posted_on <= silence.end,
                )
            )
        ),
        documents=list(
            session.execute(
                select(
                    Document.household_id,
                    Document.id,
                    Document.kind,
                    Document.dated_on,
                    Document.expires_on,
                )
                .where(
                    Document.household_id.in_(ids),
                    Document.kind.in_((INSURANCE, HOUSE_RULES)),
                )
                .order_by(Document.household_id, Document.dated_on, Document.id)
            )
        ),
        applications=list(
            session.execute(
                select(
                    HousingApplication.household_id,
                    HousingApplication.id,
                    HousingApplication.status,
                    HousingApplication.renewal_due_on,
                )
                .where(HousingApplication.household_id.in_(ids))
                .order_by(HousingApplication.id)
            )
        ),
    )


def _load_rates(session: Session, scope: Scope) -> dict[int, list[tuple[Any, ...]]]:
    """(valid from, tiers payant) of the rates of the scope's contracts, by contract."""
    contracts = select(OccupancyContract.id).where(*_contracts_where(scope))
    return _grouped(
        session.execute(
            select(RentRate.contract_id, RentRate.valid_from, RentRate.tiers_payant).where(
                RentRate.contract_id.in_(contracts.scalar_subquery())
            )
        )
    )


def _application_checks(out: _Findings, applications: Iterable[Any], judged: date) -> None:
    for household_id, application_id, status, due in applications:
        if q.application_not_renewed(status, due, judged):
            out.add(
                q.APPLICATION_NOT_RENEWED,
                household_id,
                "housing_application",
                application_id,
                message("quality.application_not_renewed", due=_d(due)),
            )


def quality_findings(session: Session, scope: Scope, *, today: date) -> tuple[Finding, ...]:
    """Every finding of DOMAIN §5.3 on the scope, blocking first, then by household reference.

    No permission check here: `services.reporting` checks ``returns.run`` on the scope.
    """
    if not scope.programme_ids and not scope.measure_funder_ids:
        return ()
    judged = q.judged_on(scope.period, today)
    households = _households(scope)
    stays = _load_stays(session, scope)
    measures = _load_measures(session, scope)
    contracts = _load_contracts(session, scope, households)
    data = _load_households(session, households, scope, judged)

    activity: dict[int, list[date]] = defaultdict(list)
    for household_id, items in data.contacts.items():
        activity[household_id] += [held_on for _id, held_on, kind in items if _with(kind)]
    for household_id, items in data.payments.items():
        activity[household_id] += [posted_on for (posted_on,) in items]
    insurances: dict[int, tuple[int, date | None]] = {}
    rules_signed: dict[int, list[date]] = defaultdict(list)
    for household_id, document_id, kind, dated_on, expires_on in data.documents:
        if kind == INSURANCE:
            insurances[household_id] = (document_id, expires_on)  # ordered: the newest wins
        else:
            rules_signed[household_id].append(dated_on)
    allocataires = {
        household_id
        for household_id, items in data.members.items()
        for _pid, _role, joined_on, left_on, _birth, number in items
        if number and q.present_in(joined_on, left_on, scope.period)
    }

    out = _Findings(data.references)
    _stay_checks(out, stays, contracts, scope, judged)
    _future_checks(out, stays, measures, contracts, contacts=data.contacts, today=today)
    _measure_checks(out, measures, data.contacts, scope, judged)
    _person_checks(out, data.members, scope.period)
    _contract_checks(
        out,
        contracts,
        rates=_load_rates(session, scope),
        allocataires=allocataires,
        scope=scope,
        judged=judged,
    )
    _presence_checks(out, stays, activity, rules_signed, judged)
    _document_checks(out, insurances, contracts, judged)
    _application_checks(out, data.applications, judged)
    _quittance_checks(out, session, scope, contracts, today)
    return q.ordered(out.items)
