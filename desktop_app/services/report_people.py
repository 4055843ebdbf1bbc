"""Load the people, stays, measures and admissions of a scope, and count them (DOMAIN §5).

Column reads only (Core selects, a handful of queries whatever the size); the counting is
`domain.people_figures`. The household sets are subqueries, never IN lists of ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select, union
from sqlalchemy.orm import Session

from desktop_app.domain import counting as c
from desktop_app.domain import people_figures as pf
from desktop_app.domain.figures import ESDS, FNAVDL, Figure, codes_of
from desktop_app.domain.periods import Period
from desktop_app.persistence.models import (
    Candidature,
    Contact,
    MeasureRenewal,
    MeasureSuspension,
    Membership,
    Person,
    PersonResource,
    Rehousing,
    Stay,
    SupportMeasure,
)
from desktop_app.services.report_scope import ALL_PROGRAMMES, Scope


def _stays_query(scope: Scope, period: Period) -> Select[Any]:
    return select(Stay.id).where(
        Stay.programme_id.in_(scope.programme_ids),
        Stay.entry_date <= period.end,
        or_(Stay.exit_date.is_(None), Stay.exit_date >= period.start),
    )


def _measures_where(scope: Scope, period: Period) -> list[ColumnElement[bool]]:
    covered: ColumnElement[bool] = SupportMeasure.programme_id.in_(scope.programme_ids)
    if scope.measure_funder_ids:
        covered = or_(covered, SupportMeasure.funder_id.in_(scope.measure_funder_ids))
    return [
        covered,
        SupportMeasure.start_date <= period.end,
        or_(SupportMeasure.end_date.is_(None), SupportMeasure.end_date >= period.start),
    ]


def load_stays(session: Session, scope: Scope, period: Period) -> list[pf.StayRow]:
    """The stays of the scope's programmes active in ``period``."""
    rows = session.execute(
        select(
            Stay.id,
            Stay.household_id,
            Stay.programme_id,
            Stay.entry_date,
            Stay.exit_date,
            Stay.entry_situation,
            Stay.referrer,
            Stay.destination,
            Stay.exit_reason,
        ).where(Stay.id.in_(_stays_query(scope, period).scalar_subquery()))
    ).all()
    return [pf.StayRow(*row) for row in sorted(rows)]


def load_measures(session: Session, scope: Scope, period: Period) -> list[pf.MeasureRow]:
    """The measures (diagnostics included) of the scope active in ``period``."""
    where = _measures_where(scope, period)
    rows = session.execute(
        select(
            SupportMeasure.id,
            SupportMeasure.household_id,
            SupportMeasure.kind,
            SupportMeasure.start_date,
            SupportMeasure.end_date,
            SupportMeasure.conclusion,
            SupportMeasure.dalo_status,
            SupportMeasure.target_public,
            SupportMeasure.outcome,
            SupportMeasure.destination,
            SupportMeasure.prescribed_on,
        )
        .where(*where)
        .order_by(SupportMeasure.id)
    ).all()
    ids = select(SupportMeasure.id).where(*where).scalar_subquery()
    suspensions: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for measure_id, first, last in session.execute(
        select(
            MeasureSuspension.measure_id, MeasureSuspension.start_date, MeasureSuspension.end_date
        )
        .where(MeasureSuspension.measure_id.in_(ids))
        .order_by(MeasureSuspension.start_date)
    ):
        suspensions[measure_id].append((first, last))
    renewals: dict[int, list[date]] = defaultdict(list)
    for measure_id, decided in session.execute(
        select(MeasureRenewal.measure_id, MeasureRenewal.decided_on).where(
            MeasureRenewal.measure_id.in_(ids), MeasureRenewal.decision == "granted"
        )
    ):
        renewals[measure_id].append(decided)
    return [
        pf.MeasureRow(
            span=c.MeasureSpan(
                kind=row.kind,
                start=row.start_date,
                end=row.end_date,
                suspensions=tuple(suspensions[row.id]),
                renewals=tuple(sorted(renewals[row.id])),
                conclusion=row.conclusion,
                household_id=row.household_id,
                measure_id=row.id,
            ),
            dalo_status=row.dalo_status,
            target_public=row.target_public,
            outcome=row.outcome,
            destination=row.destination,
            prescribed_on=row.prescribed_on,
        )
        for row in rows
    ]


def _households_query(scope: Scope, period: Period) -> Select[Any]:
    stays = select(Stay.household_id).where(
        Stay.id.in_(_stays_query(scope, period).scalar_subquery())
    )
    measures = select(SupportMeasure.household_id).where(*_measures_where(scope, period))
    return select(union(stays, measures).subquery().c[0])


def load_members(
    session: Session, households: Select[Any]
) -> tuple[dict[int, list[c.Member]], list[int]]:
    """The memberships of ``households`` (a subquery) and the ids of their persons."""
    members: dict[int, list[c.Member]] = defaultdict(list)
    persons: set[int] = set()
    for row in session.execute(
        select(
            Membership.household_id,
            Membership.role,
            Membership.joined_on,
            Membership.left_on,
            Person.birth_date,
            Person.sex,
            Person.id,
        )
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.household_id.in_(households.scalar_subquery()))
        .order_by(Membership.id)
    ):
        members[row.household_id].append(
            c.Member(row.role, row.joined_on, row.left_on, row.birth_date, row.sex, row.id)
        )
        persons.add(row.id)
    return members, sorted(persons)


def _resources(session: Session, households: Select[Any]) -> list[pf.ResourceRow]:
    people = select(Membership.person_id).where(
        Membership.household_id.in_(households.scalar_subquery())
    )
    return [
        pf.ResourceRow(*row)
        for row in session.execute(
            select(
                PersonResource.person_id,
                PersonResource.kind,
                PersonResource.valid_from,
                PersonResource.valid_until,
            ).where(PersonResource.person_id.in_(people.scalar_subquery()))
        )
    ]


def _first_contacts(session: Session, measures: Sequence[pf.MeasureRow]) -> dict[int, date]:
    """Measure id → first contact with its household on or after the prescription."""
    wanted = [m for m in measures if m.prescribed_on is not None]
    if not wanted:
        return {}
    earliest = min(m.prescribed_on for m in wanted if m.prescribed_on is not None)
    households = {m.household_id for m in wanted}
    days: dict[int, list[date]] = defaultdict(list)
    for household, held_on in session.execute(
        select(Contact.household_id, Contact.held_on)
        .where(
            Contact.held_on >= earliest,
            Contact.kind.not_in(pf.NOT_WITH_HOUSEHOLD),
            Contact.household_id.in_(
                select(SupportMeasure.household_id)
                .where(SupportMeasure.prescribed_on.is_not(None))
                .scalar_subquery()
            ),
        )
        .order_by(Contact.held_on)
    ):
        if household in households:
            days[household].append(held_on)
    result: dict[int, date] = {}
    for m in wanted:
        assert m.prescribed_on is not None
        assert m.span.measure_id is not None
        first = next((day for day in days[m.household_id] if day >= m.prescribed_on), None)
        if first is not None:
            result[m.span.measure_id] = first
    return result


def _admissions(
    session: Session, scope: Scope, stays: Sequence[pf.StayRow], measures: Sequence[pf.MeasureRow]
) -> dict[str, Figure]:
    period = scope.period
    candidatures = [
        pf.CandidatureRow(*row)
        for row in session.execute(
            select(
                Candidature.household_id,
                Candidature.oriented_on,
                Candidature.decision,
                Candidature.decided_on,
                Candidature.refusal_reason,
                Candidature.stay_id,
            ).where(
                Candidature.programme_id.in_(scope.programme_ids),
                or_(
                    and_(
                        Candidature.oriented_on >= period.start,
                        Candidature.oriented_on <= period.end,
                    ),
                    and_(
                        Candidature.decided_on >= period.start, Candidature.decided_on <= period.end
                    ),
                    Candidature.stay_id.in_([s.stay_id for s in stays if s.start in period]),
                ),
            )
        )
    ]
    stay_ids = {s.stay_id for s in stays}
    measure_ids = {m.span.measure_id for m in measures}
    households = {s.household_id for s in stays} | {m.household_id for m in measures}
    rehousings = [
        pf.RehousingRow(row.household_id, row.signed_on, row.sector)
        for row in session.execute(
            select(
                Rehousing.household_id,
                Rehousing.signed_on,
                Rehousing.sector,
                Rehousing.stay_id,
                Rehousing.measure_id,
            ).where(Rehousing.signed_on >= period.start, Rehousing.signed_on <= period.end)
        )
        if row.stay_id in stay_ids
        or row.measure_id in measure_ids
        or (row.stay_id is None and row.measure_id is None and row.household_id in households)
    ]
    return pf.admission_figures(candidatures, stays, rehousings, period)


def people_figures(session: Session, scope: Scope) -> dict[str, Figure]:
    """Every people, stay, measure, admission and ES-DS code of the scope's return.

    For ``all`` (a grid without a return) every such code is computed; a return gets only its
    own codes.
    """
    period = scope.period
    stays = load_stays(session, scope, period)
    measures = load_measures(session, scope, period)
    households = _households_query(scope, period)
    members, _persons = load_members(session, households)
    # Measures, diagnostics and resources are the FNAVDL bilan's; other returns count stays.
    with_measures = scope.kind in {FNAVDL, ALL_PROGRAMMES}
    resources = _resources(session, households) if with_measures else None
    counted = measures if with_measures else []
    result = pf.public_figures(stays, counted, members, period, resources)
    result |= pf.stay_figures(stays, period, scope.permanent)
    result |= pf.measure_figures(counted, period, scope.method, _first_contacts(session, counted))
    result |= _admissions(session, scope, stays, counted)
    if scope.kind in {ESDS, ALL_PROGRAMMES}:
        on = scope.on or period.end
        snapshot = Period(min(on, period.start), max(on, period.end))
        around = load_stays(session, scope, snapshot)
        present_members, _ = load_members(
            session, select(Stay.household_id).where(Stay.id.in_([s.stay_id for s in around]))
        )
        result |= pf.esds_figures(around, present_members, on, period)
    if scope.kind == ALL_PROGRAMMES:
        return result
    codes = set(codes_of(scope.kind))
    return {code: figure for code, figure in result.items() if code in codes}
