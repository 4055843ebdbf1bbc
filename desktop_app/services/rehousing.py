"""Rehousing: social-housing applications and their DALO, offers, rehousings (DOMAIN §2, §7).

A household's social-housing application (demande de logement social, its unique number) is
renewed every year; its DALO recourse carries the COMED's decision, from which the préfet's time
limit runs. Offers are recorded with their outcome; a rehousing (a lease in the household's own
name) ends what it ends in the same transaction.

Decisions where DOMAIN.md is silent, kept here so the GUI, the demo and the tests agree:

- **Access**: reading and recording are ``admissions.read`` / ``admissions.edit`` in the
  household's context (its stays' and measures' programmes, its house for a host). Ending the
  stay or the measure of a rehousing also needs the right to edit the stay (``household.edit``)
  or the measure (``support.write``): a social worker outside the caseload may record a
  rehousing alone, not end the key worker's stay.
- **Renewal**: an application lapses a year after its filing or last renewal
  (`domain.rehousing.renewal_due`); only an active application is renewed. The préfet's time
  limit is shown for a recognised priority (COMED decision + ``dalo.time_limit_months``, longer
  in Île-de-France: the association's postcode).
- **Offers**: a refusal (by the household or by the allocation commission) is recorded with its
  reason; the answer is dated on or after the offer and never in the future.
- **Rehousing**: the destination follows the sector (social → ``social_housing``, private →
  ``private_housing``), or ``slid`` when given; nothing else is a rehousing. The stay it ends
  gets, as last day, **the day before the lease is signed** (the household lives in its own home
  from the signature, as after a glissement; never before the entry day), unless the form gives
  another last day; its reason is ``project_achieved``. The measure it names is ended on the
  signature day as ``rehoused`` with that destination, or, when support continues, moves to the
  phase "in the home" from that day. The offer it comes from is marked accepted (on the
  signature day) when it had no outcome yet; that offer's application, else — for a social
  lease, which removes every social-housing application of the household — each active
  application is marked satisfied.
- **Stale forms**: every change names the version it was read at; a change saved meanwhile by
  someone else is refused with their name and the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.messages import message
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import AccessContext, Actor, decide
from desktop_app.domain.rehousing import dalo_time_limit, renewal_due
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import HistoryValue, record_change, record_field_changes
from desktop_app.persistence.models import (
    AuditEvent,
    Dwelling,
    Household,
    HousingApplication,
    HousingOffer,
    OccupancyContract,
    Organisation,
    Programme,
    Rehousing,
    Stay,
    SupportMeasure,
)
from desktop_app.services.authz import record_event, require, service_action
from desktop_app.services.contracts import end_contract_in
from desktop_app.services.parameters import parameters_in
from desktop_app.services.stays import close_stay_in
from desktop_app.services.support import end_measure_in, set_phase_in, support_access

READ: Final = "admissions.read"
EDIT: Final = "admissions.edit"
ACTIVE: Final = "active"
SATISFIED: Final = "satisfied"
ACCEPTED: Final = "accepted"
REFUSALS: Final = frozenset({"refused_household", "refused_commission"})
IN_HOME: Final = "in_home"
REHOUSED: Final = "rehoused"
PROJECT_ACHIEVED: Final = "project_achieved"
# The destination a sector gives, and every destination a rehousing may have.
SECTOR_DESTINATION: Final = {"social": "social_housing", "private": "private_housing"}
HOUSING_DESTINATIONS: Final = ("social_housing", "private_housing", "slid")
NUMBER_MAX: Final = 40
TEXT_MAX: Final = 200
COMMUNE_MAX: Final = 100
_ONE_DAY: Final = timedelta(days=1)


# ------------------------------------------------------------------ data handed out


@dataclass(frozen=True, slots=True)
class ApplicationInfo:
    """A social-housing application and its DALO recourse.

    ``lapses_on``: the day it lapses unless renewed, while it is active. ``dalo_time_limit``:
    the end of the préfet's time limit, once the priority is recognised.
    """

    application_id: int
    household_id: int
    number: str
    filed_on: date
    renewed_on: date | None
    renewal_due_on: date
    status: str
    dalo_filed_on: date | None
    comed_decision_on: date | None
    dalo_recognised: bool | None
    dalo_appeal_on: date | None
    lapses_on: date | None
    dalo_time_limit: date | None
    version: int


@dataclass(frozen=True, slots=True)
class OfferInfo:
    """A housing offer and its outcome (rent in cents)."""

    offer_id: int
    household_id: int
    application_id: int | None
    offered_on: date
    landlord: str
    commune: str
    typology: str | None
    rent: int | None
    outcome: str | None
    outcome_on: date | None
    reason: str | None
    version: int


@dataclass(frozen=True, slots=True)
class RehousingInfo:
    """A rehousing: the lease signed, and what it ended or continued."""

    rehousing_id: int
    household_id: int
    signed_on: date
    landlord: str
    sector: str
    commune: str | None
    destination: str
    offer_id: int | None
    stay_id: int | None
    measure_id: int | None
    support_continues: bool
    version: int


@dataclass(frozen=True, slots=True)
class StayChoice:
    """An open stay a rehousing may end."""

    stay_id: int
    programme: str
    entry: date


@dataclass(frozen=True, slots=True)
class MeasureChoice:
    """A running measure a rehousing may end or continue."""

    measure_id: int
    kind: str
    programme: str
    start: date
    version: int


@dataclass(frozen=True, slots=True)
class RehousingFile:
    """The Relogement tab's content, read in one transaction."""

    applications: tuple[ApplicationInfo, ...]
    offers: tuple[OfferInfo, ...]
    rehousings: tuple[RehousingInfo, ...]
    open_stays: tuple[StayChoice, ...]
    running_measures: tuple[MeasureChoice, ...]


@dataclass(frozen=True, slots=True)
class RehousingFigures:
    """Rehousings signed in a period: ``count`` and one count per sector, zeros included."""

    count: int
    by_sector: tuple[tuple[str, int], ...]

    def sector(self, code: str) -> int:
        """The count of one sector."""
        return dict(self.by_sector)[code]


# ------------------------------------------------------------------ helpers


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def _raise(issues: Sequence[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(list(issues))


def _access(session: Session, actor: Actor, household_id: int) -> AccessContext:
    """The household's context: its stays' and measures' programmes, its house."""
    return support_access(session, actor, household_id)


def _history(
    session: Session,
    actor: Actor,
    *,
    household_id: int,
    entity: str,
    entity_id: int,
    changes: Sequence[tuple[str, HistoryValue, HistoryValue]],
    at: datetime,
) -> None:
    record_field_changes(
        session,
        user_id=actor.user_id,
        household_id=household_id,
        entity=entity,
        entity_id=entity_id,
        changes=changes,
        at=at,
    )


def _conflict(session: Session, entity: str, entity_id: int, code: str) -> RefusedError:
    """The refusal of a stale change, naming the last writer from the security log."""
    last = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return RefusedError("rehousing.conflict_unknown")
    who, at = last
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    return RefusedError(code, who=who, when=moment.astimezone().strftime("%d/%m/%Y à %H:%M"))


def _future(field: str, day: date | None, today: date) -> list[ValidationIssue]:
    if day is not None and day > today:
        return [ValidationIssue(field, "rehousing.future_date", {"today": format_date(today)})]
    return []


def _text_issues(
    field: str, text: str, *, required: str | None, maximum: int
) -> list[ValidationIssue]:
    if not text:
        return [ValidationIssue(field, required)] if required else []
    if len(text) > maximum:
        return [ValidationIssue(field, "rehousing.text_too_long", {"maximum": maximum})]
    return []


def _postcode(session: Session) -> str | None:
    return session.scalar(select(Organisation.postcode).limit(1))


def _application_info(
    application: HousingApplication, limit: date | None = None
) -> ApplicationInfo:
    return ApplicationInfo(
        application_id=application.id,
        household_id=application.household_id,
        number=application.number,
        filed_on=application.filed_on,
        renewed_on=application.renewed_on,
        renewal_due_on=application.renewal_due_on,
        status=application.status,
        dalo_filed_on=application.dalo_filed_on,
        comed_decision_on=application.comed_decision_on,
        dalo_recognised=application.dalo_recognised,
        dalo_appeal_on=application.dalo_appeal_on,
        lapses_on=application.renewal_due_on if application.status == ACTIVE else None,
        dalo_time_limit=limit,
        version=application.version,
    )


def _with_limit(session: Session, application: HousingApplication) -> ApplicationInfo:
    return _applications_infos(session, [application])[0]


def _applications_infos(
    session: Session, applications: Sequence[HousingApplication]
) -> list[ApplicationInfo]:
    """Infos with the préfet's time limit (parameters read once, only when one is needed)."""
    recognised = [a for a in applications if a.dalo_recognised and a.comed_decision_on]
    if not recognised:
        return [_application_info(a) for a in applications]
    parameters, postcode = parameters_in(session), _postcode(session)
    infos = []
    for application in applications:
        limit = None
        if application.dalo_recognised and application.comed_decision_on is not None:
            limit = dalo_time_limit(application.comed_decision_on, parameters, postcode)
        infos.append(_application_info(application, limit))
    return infos


def _offer_info(offer: HousingOffer) -> OfferInfo:
    return OfferInfo(
        offer_id=offer.id,
        household_id=offer.household_id,
        application_id=offer.application_id,
        offered_on=offer.offered_on,
        landlord=offer.landlord,
        commune=offer.commune,
        typology=offer.typology,
        rent=offer.rent,
        outcome=offer.outcome,
        outcome_on=offer.outcome_on,
        reason=offer.reason,
        version=offer.version,
    )


def _rehousing_info(rehousing: Rehousing) -> RehousingInfo:
    return RehousingInfo(
        rehousing_id=rehousing.id,
        household_id=rehousing.household_id,
        signed_on=rehousing.signed_on,
        landlord=rehousing.landlord,
        sector=rehousing.sector,
        commune=rehousing.commune,
        destination=rehousing.destination,
        offer_id=rehousing.offer_id,
        stay_id=rehousing.stay_id,
        measure_id=rehousing.measure_id,
        support_continues=rehousing.support_continues,
        version=rehousing.version,
    )


# ------------------------------------------------------------------ applications


def _number_issues(
    session: Session, actor: Actor, number: str, application_id: int | None
) -> list[ValidationIssue]:
    """Required, short, and unique: the household holding it is named when the actor sees it."""
    issues = _text_issues(
        "number", number, required="application.number_required", maximum=NUMBER_MAX
    )
    if issues:
        return issues
    query = select(HousingApplication.household_id, Household.reference).join(
        Household, Household.id == HousingApplication.household_id
    )
    query = query.where(HousingApplication.number == number)
    if application_id is not None:
        query = query.where(HousingApplication.id != application_id)
    holder = session.execute(query.limit(1)).first()
    if holder is None:
        return []
    household_id, reference = holder
    if decide(actor, READ, _access(session, actor, household_id)).allowed:
        return [
            ValidationIssue(
                "number", "application.number_taken", {"number": number, "household": reference}
            )
        ]
    return [ValidationIssue("number", "application.number_taken_elsewhere", {"number": number})]


def _application_for(session: Session, actor: Actor, application_id: int) -> HousingApplication:
    application = session.get(HousingApplication, application_id)
    if application is None:
        raise RefusedError("application.unknown")
    require(actor, EDIT, _access(session, actor, application.household_id))
    return application


def _check_application_version(
    session: Session, application: HousingApplication, version: int
) -> None:
    if application.version != version:
        raise _conflict(session, "housing_application", application.id, "application.conflict")


@service_action(EDIT)
def record_application(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    number: str,
    filed_on: date,
    renewed_on: date | None = None,
    status: str = ACTIVE,
    today: date | None = None,
    now: datetime | None = None,
) -> ApplicationInfo:
    """Record a household's social-housing application (its unique number, NUR).

    Raises:
        InvalidInput: a number missing or already recorded, a date in the future, a renewal
            before the filing, an unknown status.
        RefusedError: not allowed on this household.
    """
    day, moment, number = today or date.today(), _now(now), number.strip()
    issues = (
        v.APPLICATION_STATUS.issues("status", status, "application.code_unknown")
        + _future("filed_on", filed_on, day)
        + _future("renewed_on", renewed_on, day)
    )
    if renewed_on is not None and renewed_on < filed_on:
        issues.append(_renewal_issue(filed_on))

    def work(session: Session) -> ApplicationInfo:
        require(actor, EDIT, _access(session, actor, household_id))
        _raise(_number_issues(session, actor, number, None) + issues)
        application = HousingApplication(
            household_id=household_id,
            number=number,
            filed_on=filed_on,
            renewed_on=renewed_on,
            renewal_due_on=renewal_due(filed_on, renewed_on),
            status=status,
        )
        session.add(application)
        session.flush()
        _history(
            session,
            actor,
            household_id=household_id,
            entity="housing_application",
            entity_id=application.id,
            changes=(
                ("filed_on", None, filed_on),
                ("renewed_on", None, renewed_on),
                ("status", None, status),
            ),
            at=moment,
        )
        record_event(
            session,
            actor,
            action="create",
            entity="housing_application",
            entity_id=application.id,
            household_id=household_id,
            fields=("number", "filed_on", "renewed_on", "renewal_due_on", "status"),
            at=moment,
        )
        return _with_limit(session, application)

    return database.run_write(work)


def _renewal_issue(filed_on: date) -> ValidationIssue:
    return ValidationIssue(
        "renewed_on", "application.renewed_before_filing", {"filed": format_date(filed_on)}
    )


@service_action(EDIT)
def renew_application(
    database: Database,
    *,
    actor: Actor,
    application_id: int,
    version: int,
    renewed_on: date,
    today: date | None = None,
    now: datetime | None = None,
) -> ApplicationInfo:
    """Record the yearly renewal: the application then lapses a year after ``renewed_on``.

    Raises:
        InvalidInput: a date in the future or before the filing, an application not active.
        RefusedError: no such application, not allowed, or changed meanwhile.
    """
    day, moment = today or date.today(), _now(now)
    _raise(_future("renewed_on", renewed_on, day))

    def work(session: Session) -> ApplicationInfo:
        application = _application_for(session, actor, application_id)
        _check_application_version(session, application, version)
        issues = []
        if application.status != ACTIVE:
            issues.append(
                ValidationIssue(
                    "renewed_on",
                    "application.not_active",
                    {"status": v.APPLICATION_STATUS.label(application.status)},
                )
            )
        if renewed_on < application.filed_on:
            issues.append(_renewal_issue(application.filed_on))
        _raise(issues)
        due = renewal_due(application.filed_on, renewed_on)
        _history(
            session,
            actor,
            household_id=application.household_id,
            entity="housing_application",
            entity_id=application.id,
            changes=(
                ("renewed_on", application.renewed_on, renewed_on),
                ("renewal_due_on", application.renewal_due_on, due),
            ),
            at=moment,
        )
        application.renewed_on, application.renewal_due_on = renewed_on, due
        session.flush()
        record_event(
            session,
            actor,
            action="update",
            entity="housing_application",
            entity_id=application.id,
            household_id=application.household_id,
            fields=("renewed_on", "renewal_due_on"),
            at=moment,
        )
        return _with_limit(session, application)

    return database.run_write(work)


@service_action(EDIT)
def update_application(
    database: Database,
    *,
    actor: Actor,
    application_id: int,
    version: int,
    number: str,
    filed_on: date,
    status: str,
    today: date | None = None,
    now: datetime | None = None,
) -> ApplicationInfo:
    """Correct the number or filing date, or change the status (lapsed, satisfied, cancelled).

    Raises:
        InvalidInput: as `record_application`, or a filing after the last renewal.
        RefusedError: no such application, not allowed, or changed meanwhile.
    """
    day, moment, number = today or date.today(), _now(now), number.strip()
    issues = v.APPLICATION_STATUS.issues("status", status, "application.code_unknown") + _future(
        "filed_on", filed_on, day
    )

    def work(session: Session) -> ApplicationInfo:
        application = _application_for(session, actor, application_id)
        _check_application_version(session, application, version)
        found = _number_issues(session, actor, number, application.id) + issues
        if application.renewed_on is not None and application.renewed_on < filed_on:
            found.append(
                ValidationIssue(
                    "filed_on",
                    "application.filed_after_renewal",
                    {"renewed": format_date(application.renewed_on)},
                )
            )
        _raise(found)
        due = renewal_due(filed_on, application.renewed_on)
        _history(
            session,
            actor,
            household_id=application.household_id,
            entity="housing_application",
            entity_id=application.id,
            changes=(
                ("filed_on", application.filed_on, filed_on),
                ("renewal_due_on", application.renewal_due_on, due),
                ("status", application.status, status),
            ),
            at=moment,
        )
        changed = [
            name
            for name, old, new in (
                ("number", application.number, number),
                ("filed_on", application.filed_on, filed_on),
                ("renewal_due_on", application.renewal_due_on, due),
                ("status", application.status, status),
            )
            if old != new
        ]
        application.number, application.filed_on = number, filed_on
        application.renewal_due_on, application.status = due, status
        session.flush()
        record_event(
            session,
            actor,
            action="update",
            entity="housing_application",
            entity_id=application.id,
            household_id=application.household_id,
            fields=changed,
            at=moment,
        )
        return _with_limit(session, application)

    return database.run_write(work)


@service_action(EDIT)
def record_dalo(
    database: Database,
    *,
    actor: Actor,
    application_id: int,
    version: int,
    dalo_filed_on: date | None,
    comed_decision_on: date | None,
    recognised: bool | None,
    appeal_on: date | None,
    today: date | None = None,
    now: datetime | None = None,
) -> ApplicationInfo:
    """Record (or correct) the DALO recourse: filing, COMED decision, priority, appeal.

    Raises:
        InvalidInput: dates in the future or out of order, a priority or appeal without the
            COMED's decision.
        RefusedError: no such application, not allowed, or changed meanwhile.
    """
    day, moment = today or date.today(), _now(now)
    issues = (
        _future("dalo_filed_on", dalo_filed_on, day)
        + _future("comed_decision_on", comed_decision_on, day)
        + _future("appeal_on", appeal_on, day)
    )
    if comed_decision_on is None:
        if recognised is not None:
            issues.append(ValidationIssue("recognised", "application.recognition_needs_decision"))
        if appeal_on is not None:
            issues.append(ValidationIssue("appeal_on", "application.appeal_needs_decision"))
    else:
        if dalo_filed_on is not None and comed_decision_on < dalo_filed_on:
            issues.append(
                ValidationIssue(
                    "comed_decision_on",
                    "application.decision_before_recourse",
                    {"filed": format_date(dalo_filed_on)},
                )
            )
        if appeal_on is not None and appeal_on < comed_decision_on:
            issues.append(
                ValidationIssue(
                    "appeal_on",
                    "application.appeal_before_decision",
                    {"decision": format_date(comed_decision_on)},
                )
            )
    _raise(issues)

    def work(session: Session) -> ApplicationInfo:
        application = _application_for(session, actor, application_id)
        _check_application_version(session, application, version)
        values: tuple[tuple[str, HistoryValue, HistoryValue], ...] = (
            ("dalo_filed_on", application.dalo_filed_on, dalo_filed_on),
            ("comed_decision_on", application.comed_decision_on, comed_decision_on),
            ("dalo_recognised", application.dalo_recognised, recognised),
            ("dalo_appeal_on", application.dalo_appeal_on, appeal_on),
        )
        _history(
            session,
            actor,
            household_id=application.household_id,
            entity="housing_application",
            entity_id=application.id,
            changes=values,
            at=moment,
        )
        application.dalo_filed_on = dalo_filed_on
        application.comed_decision_on = comed_decision_on
        application.dalo_recognised = recognised
        application.dalo_appeal_on = appeal_on
        session.flush()
        record_event(
            session,
            actor,
            action="update",
            entity="housing_application",
            entity_id=application.id,
            household_id=application.household_id,
            fields=tuple(name for name, _old, _new in values),
            at=moment,
        )
        return _with_limit(session, application)

    return database.run_write(work)


def _applications(session: Session, household_id: int) -> list[ApplicationInfo]:
    rows = session.scalars(
        select(HousingApplication)
        .where(HousingApplication.household_id == household_id)
        .order_by(HousingApplication.filed_on.desc(), HousingApplication.id.desc())
    ).all()
    return _applications_infos(session, rows)


@service_action(READ)
def applications_of(
    database: Database, *, actor: Actor, household_id: int
) -> list[ApplicationInfo]:
    """The household's applications, newest first, with their lapse day and DALO time limit."""

    def read(session: Session) -> list[ApplicationInfo]:
        require(actor, READ, _access(session, actor, household_id))
        return _applications(session, household_id)

    return database.run_read(read)


# ------------------------------------------------------------------ offers


def _offer_issues(
    landlord: str, commune: str, typology: str | None, rent: int | None
) -> list[ValidationIssue]:
    issues = _text_issues(
        "landlord", landlord, required="rehousing.landlord_required", maximum=TEXT_MAX
    )
    issues += _text_issues(
        "commune", commune, required="offer.commune_required", maximum=COMMUNE_MAX
    )
    issues += v.TYPOLOGY.issues("typology", typology, "rehousing.code_unknown")
    if rent is not None and rent < 0:
        issues.append(ValidationIssue("rent", "offer.rent_negative"))
    return issues


@service_action(EDIT)
def record_offer(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    offered_on: date,
    landlord: str,
    commune: str,
    typology: str | None = None,
    rent: int | None = None,
    application_id: int | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> OfferInfo:
    """Record a housing offer made to the household (rent in cents, charges excluded).

    Raises:
        InvalidInput: a landlord or commune missing, an unknown typology, a negative rent, a
            date in the future, an application of another household.
        RefusedError: not allowed on this household.
    """
    day, moment = today or date.today(), _now(now)
    landlord, commune = landlord.strip(), commune.strip()
    issues = _offer_issues(landlord, commune, typology, rent) + _future(
        "offered_on", offered_on, day
    )

    def work(session: Session) -> OfferInfo:
        require(actor, EDIT, _access(session, actor, household_id))
        found = list(issues)
        if application_id is not None:
            owner = session.scalar(
                select(HousingApplication.household_id).where(
                    HousingApplication.id == application_id
                )
            )
            if owner != household_id:
                found.append(ValidationIssue("application_id", "offer.application_foreign"))
        _raise(found)
        offer = HousingOffer(
            household_id=household_id,
            application_id=application_id,
            offered_on=offered_on,
            landlord=landlord,
            commune=commune,
            typology=typology,
            rent=rent,
        )
        session.add(offer)
        session.flush()
        _history(
            session,
            actor,
            household_id=household_id,
            entity="housing_offer",
            entity_id=offer.id,
            changes=(("offered_on", None, offered_on), ("rent", None, rent)),
            at=moment,
        )
        record_event(
            session,
            actor,
            action="create",
            entity="housing_offer",
            entity_id=offer.id,
            household_id=household_id,
            fields=(
                "application_id",
                "offered_on",
                "landlord",
                "commune",
                "typology",
                "rent",
            ),
            at=moment,
        )
        return _offer_info(offer)

    return database.run_write(work)


def _set_outcome(
    session: Session,
    actor: Actor,
    offer: HousingOffer,
    *,
    outcome: str,
    outcome_on: date,
    reason: str | None,
    moment: datetime,
) -> None:
    """Record an offer's outcome (history and event), once checked."""
    _history(
        session,
        actor,
        household_id=offer.household_id,
        entity="housing_offer",
        entity_id=offer.id,
        changes=(("outcome", offer.outcome, outcome), ("outcome_on", offer.outcome_on, outcome_on)),
        at=moment,
    )
    offer.outcome, offer.outcome_on, offer.reason = outcome, outcome_on, reason
    session.flush()
    record_event(
        session,
        actor,
        action="update",
        entity="housing_offer",
        entity_id=offer.id,
        household_id=offer.household_id,
        fields=("outcome", "outcome_on", "reason"),
        at=moment,
    )


@service_action(EDIT)
def record_offer_outcome(
    database: Database,
    *,
    actor: Actor,
    offer_id: int,
    version: int,
    outcome: str,
    outcome_on: date,
    reason: str | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> OfferInfo:
    """Record (or correct) the answer to an offer; a refusal comes with its reason.

    Raises:
        InvalidInput: an unknown outcome, a refusal without its reason, a date before the offer
            or in the future.
        RefusedError: no such offer, not allowed, or changed meanwhile.
    """
    day, moment = today or date.today(), _now(now)
    text = (reason or "").strip() or None
    issues = v.OFFER_OUTCOME.issues("outcome", outcome, "rehousing.code_unknown") + _future(
        "outcome_on", outcome_on, day
    )
    if outcome in REFUSALS and text is None:
        issues.append(ValidationIssue("reason", "offer.reason_required"))
    issues += _text_issues("reason", text or "", required=None, maximum=TEXT_MAX * 2)
    _raise(issues)

    def work(session: Session) -> OfferInfo:
        offer = session.get(HousingOffer, offer_id)
        if offer is None:
            raise RefusedError("offer.unknown")
        require(actor, EDIT, _access(session, actor, offer.household_id))
        if offer.version != version:
            raise _conflict(session, "housing_offer", offer.id, "offer.conflict")
        if outcome_on < offer.offered_on:
            _raise(
                [
                    ValidationIssue(
                        "outcome_on",
                        "offer.outcome_before_offer",
                        {"offered": format_date(offer.offered_on)},
                    )
                ]
            )
        _set_outcome(
            session,
            actor,
            offer,
            outcome=outcome,
            outcome_on=outcome_on,
            reason=text,
            moment=moment,
        )
        return _offer_info(offer)

    return database.run_write(work)


def _offers(session: Session, household_id: int) -> list[OfferInfo]:
    rows = session.scalars(
        select(HousingOffer)
        .where(HousingOffer.household_id == household_id)
        .order_by(HousingOffer.offered_on.desc(), HousingOffer.id.desc())
    )
    return [_offer_info(offer) for offer in rows]


@service_action(READ)
def offers_of(database: Database, *, actor: Actor, household_id: int) -> list[OfferInfo]:
    """The household's offers, newest first."""

    def read(session: Session) -> list[OfferInfo]:
        require(actor, READ, _access(session, actor, household_id))
        return _offers(session, household_id)

    return database.run_read(read)


# ------------------------------------------------------------------ rehousings


@dataclass(frozen=True, slots=True)
class _Links:
    """The records a rehousing names, read and checked."""

    offer: HousingOffer | None
    stay: Stay | None
    measure: SupportMeasure | None


def _links(
    session: Session,
    household_id: int,
    *,
    signed_on: date,
    offer_id: int | None,
    stay_id: int | None,
    measure_id: int | None,
    support_continues: bool,
) -> tuple[_Links, list[ValidationIssue]]:
    issues: list[ValidationIssue] = []
    offer = session.get(HousingOffer, offer_id) if offer_id is not None else None
    if offer_id is not None and (offer is None or offer.household_id != household_id):
        issues.append(ValidationIssue("offer_id", "rehousing.offer_foreign"))
        offer = None
    if offer is not None:
        if offer.outcome in REFUSALS:
            issues.append(ValidationIssue("offer_id", "rehousing.offer_refused"))
        if signed_on < offer.offered_on:
            issues.append(
                ValidationIssue(
                    "signed_on",
                    "rehousing.before_offer",
                    {"offered": format_date(offer.offered_on)},
                )
            )
    stay = session.get(Stay, stay_id) if stay_id is not None else None
    if stay_id is not None and (stay is None or stay.household_id != household_id):
        issues.append(ValidationIssue("stay_id", "rehousing.stay_foreign"))
        stay = None
    if stay is not None and stay.exit_date is not None:
        issues.append(
            ValidationIssue(
                "stay_id", "rehousing.stay_closed", {"exit": format_date(stay.exit_date)}
            )
        )
    measure = session.get(SupportMeasure, measure_id) if measure_id is not None else None
    if measure_id is not None and (measure is None or measure.household_id != household_id):
        issues.append(ValidationIssue("measure_id", "rehousing.measure_foreign"))
        measure = None
    if measure is not None and measure.end_date is not None:
        issues.append(
            ValidationIssue(
                "measure_id", "rehousing.measure_ended", {"end": format_date(measure.end_date)}
            )
        )
    if support_continues and measure_id is None:
        issues.append(ValidationIssue("measure_id", "rehousing.continues_without_measure"))
    return _Links(offer, stay, measure), issues


def _rehousing_input_issues(
    *, landlord: str, sector: str, commune: str | None, destination: str, signed_on: date, day: date
) -> list[ValidationIssue]:
    issues = _text_issues(
        "landlord", landlord, required="rehousing.landlord_required", maximum=TEXT_MAX
    )
    issues += _text_issues("commune", commune or "", required=None, maximum=COMMUNE_MAX)
    issues += v.SECTOR.issues("sector", sector, "rehousing.code_unknown")
    if destination not in HOUSING_DESTINATIONS:
        issues.append(
            ValidationIssue(
                "destination",
                "rehousing.destination_not_housing",
                {"allowed": ", ".join(v.DESTINATION.label(d) for d in HOUSING_DESTINATIONS)},
            )
        )
    return issues + _future("signed_on", signed_on, day)


def _satisfy_applications(
    session: Session,
    actor: Actor,
    rehousing: Rehousing,
    offer: HousingOffer | None,
    moment: datetime,
) -> None:
    """The offer's application, else every active one for a social lease, is satisfied."""
    if offer is not None and offer.application_id is not None:
        condition = HousingApplication.id == offer.application_id
    elif rehousing.sector == "social":
        condition = and_(
            HousingApplication.household_id == rehousing.household_id,
            HousingApplication.status == ACTIVE,
        )
    else:
        return
    for application in session.scalars(select(HousingApplication).where(condition)):
        if application.status == SATISFIED:
            continue
        record_change(
            session,
            user_id=actor.user_id,
            household_id=application.household_id,
            entity="housing_application",
            entity_id=application.id,
            field="status",
            old=application.status,
            new=SATISFIED,
            at=moment,
        )
        application.status = SATISFIED
        session.flush()
        record_event(
            session,
            actor,
            action="update",
            entity="housing_application",
            entity_id=application.id,
            household_id=application.household_id,
            fields=("status",),
            at=moment,
        )


@service_action(EDIT)
def record_rehousing(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    signed_on: date,
    landlord: str,
    sector: str,
    commune: str | None = None,
    offer_id: int | None = None,
    stay_id: int | None = None,
    measure_id: int | None = None,
    support_continues: bool = False,
    destination: str | None = None,
    stay_last_day: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> RehousingInfo:
    """Record a lease signed in the household's own name, and what it ends, in one transaction.

    The stay named is closed (and the contracts running under it end on its last day), the
    measure named ended as rehoused or, when support continues, moved "in the home"; the
    offer is accepted and the application satisfied (module docstring).

    Raises:
        InvalidInput: a landlord missing, an unknown sector, a destination that is not housing,
            a date in the future, a stay already closed, a measure already ended, a refused
            offer, records of another household; the stay's or measure's own checks.
        RefusedError: not allowed on this household, its stay or its measure.
    """
    day, moment = today or date.today(), _now(now)
    landlord, place = landlord.strip(), (commune or "").strip() or None
    home = destination or SECTOR_DESTINATION.get(sector, "")
    issues = _rehousing_input_issues(
        landlord=landlord,
        sector=sector,
        commune=place,
        destination=home,
        signed_on=signed_on,
        day=day,
    )

    def work(session: Session) -> RehousingInfo:
        require(actor, EDIT, _access(session, actor, household_id))
        links, found = _links(
            session,
            household_id,
            signed_on=signed_on,
            offer_id=offer_id,
            stay_id=stay_id,
            measure_id=measure_id,
            support_continues=support_continues,
        )
        _raise(issues + found)
        rehousing = Rehousing(
            household_id=household_id,
            offer_id=offer_id,
            signed_on=signed_on,
            landlord=landlord,
            sector=sector,
            commune=place,
            destination=home,
            stay_id=stay_id,
            measure_id=measure_id,
            support_continues=support_continues,
            created_at=moment,
            created_by=actor.user_id,
        )
        session.add(rehousing)
        session.flush()
        _history(
            session,
            actor,
            household_id=household_id,
            entity="rehousing",
            entity_id=rehousing.id,
            changes=(
                ("signed_on", None, signed_on),
                ("sector", None, sector),
                ("destination", None, home),
            ),
            at=moment,
        )
        record_event(
            session,
            actor,
            action="create",
            entity="rehousing",
            entity_id=rehousing.id,
            household_id=household_id,
            fields=(
                "offer_id",
                "signed_on",
                "landlord",
                "sector",
                "commune",
                "destination",
                "stay_id",
                "measure_id",
                "support_continues",
            ),
            at=moment,
        )
        if links.stay is not None:
            last_day = stay_last_day or max(links.stay.entry_date, signed_on - _ONE_DAY)
            close_stay_in(
                session,
                actor,
                links.stay,
                exit=last_day,
                destination=home,
                exit_reason=PROJECT_ACHIEVED,
                today=day,
            )
            _end_contracts(
                session, actor, links.stay, last_day, signed_on=signed_on, landlord=landlord
            )
        if links.measure is not None:
            if support_continues:
                set_phase_in(
                    session,
                    actor,
                    links.measure,
                    phase=IN_HOME,
                    from_date=signed_on,
                    today=day,
                    now=moment,
                )
            else:
                end_measure_in(
                    session,
                    actor,
                    links.measure,
                    end=signed_on,
                    outcome=REHOUSED,
                    destination=home,
                    today=day,
                    now=moment,
                )
        if links.offer is not None and links.offer.outcome is None:
            _set_outcome(
                session,
                actor,
                links.offer,
                outcome=ACCEPTED,
                outcome_on=signed_on,
                reason=None,
                moment=moment,
            )
        _satisfy_applications(session, actor, rehousing, links.offer, moment)
        return _rehousing_info(rehousing)

    return database.run_write(work)


def _end_contracts(
    session: Session, actor: Actor, stay: Stay, last_day: date, *, signed_on: date, landlord: str
) -> None:
    """End the contracts still running under the stay on its last day (charges stop there).

    Those linked to the stay, and those of the household in the stay's programme linked to no
    stay (written before stays were linked, or imported).

    A bail glissant whose glissement is still awaited is refused (`contracts.end_contract`):
    its failure is recorded first, in the contract file.
    """
    reason = message("rehousing.contract_end", signed=format_date(signed_on), landlord=landlord)
    for contract_id in session.scalars(
        select(OccupancyContract.id)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(
            OccupancyContract.household_id == stay.household_id,
            OccupancyContract.state != "ended",
            OccupancyContract.start_date <= last_day,
            or_(
                OccupancyContract.stay_id == stay.id,
                and_(
                    OccupancyContract.stay_id.is_(None),
                    Dwelling.programme_id == stay.programme_id,
                ),
            ),
        )
        .order_by(OccupancyContract.id)
    ):
        end_contract_in(session, actor, contract_id, end=last_day, reason=reason)


def _rehousings(session: Session, household_id: int) -> list[RehousingInfo]:
    rows = session.scalars(
        select(Rehousing)
        .where(Rehousing.household_id == household_id)
        .order_by(Rehousing.signed_on.desc(), Rehousing.id.desc())
    )
    return [_rehousing_info(rehousing) for rehousing in rows]


@service_action(READ)
def rehousings_of(database: Database, *, actor: Actor, household_id: int) -> list[RehousingInfo]:
    """The household's rehousings, newest first."""

    def read(session: Session) -> list[RehousingInfo]:
        require(actor, READ, _access(session, actor, household_id))
        return _rehousings(session, household_id)

    return database.run_read(read)


@service_action(READ)
def rehousing_file(
    database: Database, *, actor: Actor, household_id: int, today: date | None = None
) -> RehousingFile:
    """Everything the Relogement tab shows, with the stays and measures a rehousing may end."""
    day = today or date.today()

    def read(session: Session) -> RehousingFile:
        require(actor, READ, _access(session, actor, household_id))
        stays = session.execute(
            select(Stay.id, Programme.name, Stay.entry_date)
            .join(Programme, Programme.id == Stay.programme_id)
            .where(Stay.household_id == household_id, Stay.exit_date.is_(None))
            .order_by(Stay.entry_date.desc(), Stay.id.desc())
        ).all()
        measures = session.execute(
            select(
                SupportMeasure.id,
                SupportMeasure.kind,
                Programme.name,
                SupportMeasure.start_date,
                SupportMeasure.version,
            )
            .join(Programme, Programme.id == SupportMeasure.programme_id)
            .where(
                SupportMeasure.household_id == household_id,
                SupportMeasure.end_date.is_(None),
                SupportMeasure.start_date <= day,
            )
            .order_by(SupportMeasure.start_date.desc(), SupportMeasure.id.desc())
        ).all()
        return RehousingFile(
            applications=tuple(_applications(session, household_id)),
            offers=tuple(_offers(session, household_id)),
            rehousings=tuple(_rehousings(session, household_id)),
            open_stays=tuple(StayChoice(*row) for row in stays),
            running_measures=tuple(MeasureChoice(*row) for row in measures),
        )

    return database.run_read(read)


@service_action(READ)
def rehousing_figures(
    database: Database, *, actor: Actor, programme_id: int | None, start: date, end: date
) -> RehousingFigures:
    """Rehousings signed from ``start`` to ``end`` (both included), by sector, zeros included.

    With a programme: the rehousings whose stay or measure belongs to it.

    Raises:
        InvalidInput: a period ending before it starts.
        RefusedError: not allowed on that programme (or association-wide).
    """
    if end < start:
        _raise([ValidationIssue("end", "rehousing.period_reversed")])

    def read(session: Session) -> RehousingFigures:
        context = AccessContext(
            programme_ids=frozenset() if programme_id is None else frozenset({programme_id})
        )
        require(actor, READ, context)
        query = (
            select(Rehousing.sector, func.count(func.distinct(Rehousing.id)))
            .where(Rehousing.signed_on >= start, Rehousing.signed_on <= end)
            .group_by(Rehousing.sector)
        )
        if programme_id is not None:
            query = (
                query.outerjoin(Stay, Stay.id == Rehousing.stay_id)
                .outerjoin(SupportMeasure, SupportMeasure.id == Rehousing.measure_id)
                .where(
                    or_(
                        Stay.programme_id == programme_id,
                        SupportMeasure.programme_id == programme_id,
                    )
                )
            )
        counts = {sector: int(count) for sector, count in session.execute(query)}
        by_sector = tuple((code, counts.get(code, 0)) for code in v.SECTOR)
        return RehousingFigures(sum(n for _s, n in by_sector), by_sector)

    return database.run_read(read)
