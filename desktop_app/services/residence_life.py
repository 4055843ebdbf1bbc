"""A pension de famille's collective life: residents, activities, liaison log, absences, guests.

DOMAIN §1 (collective life and liaison log), §2 (CollectiveActivity, LiaisonEntry,
ResidentEvents) and §8 (the liaison log is kept *(param)* months).

Decisions where DOMAIN.md is silent, kept here so the GUI, the daily work and the tests agree:

- **Residents**: a household lives in a residence on a day when one of its contracts on a
  dwelling of that residence covers the day (a stay names a programme, not a house); its
  persons are its members on that day. Its house rules are signed when a document of kind
  ``house_rules`` dated on or before that day is in its file.
- **Access**: everything is an object of the residence (and of its programme).
  ``collective.read`` lists residents, activities and the liaison log (hosts of the house,
  social workers, coordination, direction — never a host of another house);
  ``collective.edit`` records activities, liaison entries, absences and guests (the house's
  hosts); ``collective.attendance`` changes an activity's attendance (hosts and volunteers).
  Nothing here shows notes or amounts. A protected household's names (and its guests') are
  masked outside its circle, as in the households list.
- **Attendance** is either named residents (ticked in bulk: one call, one audit event with a
  count) or a head count, never both. Health-related kinds (`HEAD_COUNT_KINDS`) default to a
  head count in the forms (`default_attendance`): naming who came to a health action says
  something about their health. Named attendees live in the house on the activity's day. An
  activity is recorded once held (not in the future).
- **Liaison log**: entries are written now, by a host of the house, tagged with residents of
  the house; `purge_liaison` deletes those written before ``on`` minus ``liaison.keep_months``
  (a step of the daily work), in the residences where the actor may apply the retention.
- **Absences** belong to a resident (hospital, prison, holidays…); two absences of a person
  never share a day; an absence may be planned ahead (holidays).
- **Guests**: a declaration has its last day; one guest (same name, ignoring case and accents)
  of one household stays at most ``residence.guest_max_months`` months in a row: declarations
  that overlap or follow each other without a gap count as one stay, and an overlap of two
  declarations of the same guest is refused.
- **Stale forms**: a change of an activity, an absence or a guest names the version it was
  read at; a change saved meanwhile by someone else is refused with their name and the time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.periods import Period, add_months, format_date
from desktop_app.domain.permissions import AccessContext, Actor, decide
from desktop_app.domain.text import normalise
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import HistoryValue, record_change
from desktop_app.persistence.models import (
    ActivityAttendance,
    AuditEvent,
    CollectiveActivity,
    Document,
    Dwelling,
    Household,
    HouseholdCoWorker,
    LiaisonEntry,
    LiaisonTag,
    Membership,
    OccupancyContract,
    Person,
    Residence,
    ResidenceHost,
    ResidentAbsence,
    ResidentGuest,
    UserAccount,
    UserRole,
)
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.households import MASK
from desktop_app.services.parameters import parameters_in

READ: Final = "collective.read"
EDIT: Final = "collective.edit"
ATTENDANCE: Final = "collective.attendance"
PURGE: Final = "liaison.purge"

HEAD_COUNT_KINDS: Final = frozenset({"health"})
NAMED: Final = "named"
HEAD_COUNT: Final = "head_count"
TITLE_MAX: Final = 200
GUEST_NAME_MAX: Final = 200
LIAISON_MAX: Final = 4_000
HEAD_COUNT_MAX: Final = 999
_ONE_DAY: Final = timedelta(days=1)


# ------------------------------------------------------------------ DTOs


@dataclass(frozen=True, slots=True)
class ResidenceChoice:
    """A residence the actor may open, and whether they may record its life."""

    residence_id: int
    name: str
    may_edit: bool


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A resident named in an activity or a liaison entry (masked outside a protected circle)."""

    person_id: int
    name: str


@dataclass(frozen=True, slots=True)
class ResidentPerson:
    """A member of a resident household on the day."""

    person_id: int
    name: str
    role: str
    absent: bool


@dataclass(frozen=True, slots=True)
class AbsenceInfo:
    """A resident's absence (hospital, prison, holidays…)."""

    absence_id: int
    residence_id: int
    household_id: int | None
    person_id: int
    person: str
    kind: str
    start: date
    end: date | None
    version: int


@dataclass(frozen=True, slots=True)
class GuestInfo:
    """A guest declared by a resident household."""

    guest_id: int
    residence_id: int
    household_id: int
    guest_name: str
    start: date
    end: date | None
    version: int


@dataclass(frozen=True, slots=True)
class ResidentInfo:
    """A household living in the residence on the day, as hosts see it."""

    household_id: int
    reference: str
    masked: bool
    dwelling: str
    since: date
    persons: tuple[ResidentPerson, ...]
    house_rules_signed: bool
    absences: tuple[AbsenceInfo, ...]  # under way on the day
    guests: tuple[GuestInfo, ...]  # staying on the day

    @property
    def names(self) -> str:
        """The members' names, head first."""
        return ", ".join(person.name for person in self.persons)


@dataclass(frozen=True, slots=True)
class HostInfo:
    """A user who may lead an activity of the residence."""

    user_id: int
    name: str


@dataclass(frozen=True, slots=True)
class ResidentsList:
    """The residents of a residence on a day, and its hosts (for the activity form)."""

    residence_id: int
    residence: str
    on: date
    residents: tuple[ResidentInfo, ...]
    hosts: tuple[HostInfo, ...]


@dataclass(frozen=True, slots=True)
class ActivityInfo:
    """A collective activity and who came (named residents or a head count)."""

    activity_id: int
    residence_id: int
    held_on: date
    kind: str
    title: str
    host_id: int | None
    host: str | None
    head_count: int | None
    attendees: tuple[PersonRef, ...]
    version: int

    @property
    def named(self) -> bool:
        """True when attendance names the residents (False: a head count)."""
        return self.head_count is None

    @property
    def count(self) -> int:
        """How many took part."""
        return len(self.attendees) if self.head_count is None else self.head_count


@dataclass(frozen=True, slots=True)
class ActivityList:
    """The activities of a period with their counts."""

    residence_id: int
    period: Period
    activities: tuple[ActivityInfo, ...]
    participations: int  # named attendances plus head counts
    participants: int  # distinct residents named at least once


@dataclass(frozen=True, slots=True)
class LiaisonInfo:
    """An entry of the cahier de liaison."""

    entry_id: int
    residence_id: int
    written_at: datetime
    author: str | None
    text: str
    tags: tuple[PersonRef, ...]


# ------------------------------------------------------------------ small helpers


def default_attendance(kind: str) -> str:
    """How a form first asks for attendance: ``head_count`` for health kinds, else ``named``."""
    return HEAD_COUNT if kind in HEAD_COUNT_KINDS else NAMED


def _hosted(actor: Actor, residence_id: int) -> bool:
    return any(
        grant.role == "host" and grant.residence_id in (None, residence_id)
        for grant in actor.grants
    )


def _context(actor: Actor, residence: Residence) -> AccessContext:
    """A residence's life is an object of the residence and of its programme."""
    return AccessContext(
        programme_ids=frozenset({residence.programme_id} if residence.programme_id else ()),
        residence_ids=frozenset({residence.id}),
        resident=_hosted(actor, residence.id),
    )


def _residence(session: Session, actor: Actor, residence_id: int, action: str) -> Residence:
    residence = session.get(Residence, residence_id)
    if residence is None:
        raise RefusedError("life.residence_unknown")
    require(actor, action, _context(actor, residence))
    return residence


def _raise(issues: list[ValidationIssue]) -> None:
    if issues:
        raise InvalidInput(issues)


def _overlap(first: date, last: date | None, other_first: date, other_last: date | None) -> bool:
    return (other_last is None or first <= other_last) and (last is None or other_first <= last)


def _period_text(start: date, end: date | None) -> dict[str, object]:
    return {"start": format_date(start), "end": format_date(end) if end else "…"}


def _resident_households(
    session: Session, residence_id: int, on: date
) -> dict[int, tuple[str, date]]:
    """Household id → (dwelling reference, contract start) of its contract covering ``on``."""
    rows = session.execute(
        select(OccupancyContract.household_id, Dwelling.reference, OccupancyContract.start_date)
        .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
        .where(
            Dwelling.residence_id == residence_id,
            OccupancyContract.start_date <= on,
            or_(OccupancyContract.end_date.is_(None), OccupancyContract.end_date >= on),
        )
        .order_by(OccupancyContract.start_date)
    ).all()
    return {household_id: (reference, start) for household_id, reference, start in rows}


def _resident_persons(session: Session, residence_id: int, on: date) -> dict[int, int]:
    """Person id → household id, for the members of the households living there ``on``."""
    households = list(_resident_households(session, residence_id, on))
    if not households:
        return {}
    rows = session.execute(
        select(Membership.person_id, Membership.household_id).where(
            Membership.household_id.in_(households),
            Membership.joined_on <= on,
            or_(Membership.left_on.is_(None), Membership.left_on >= on),
        )
    )
    return {person_id: household_id for person_id, household_id in rows}


def _masked(session: Session, actor: Actor, household_ids: Collection[int]) -> set[int]:
    """The households among ``household_ids`` whose names are hidden from the actor.

    A protected file shows its names to its key worker, co-key-workers and their delegates.
    """
    ids = set(household_ids)
    if not ids or actor.system:
        return set()
    protected = set(
        session.scalars(select(Household.id).where(Household.id.in_(ids), Household.protected))
    )
    if not protected:
        return set()
    workers: dict[int, set[int | None]] = defaultdict(set)
    for household_id, key_worker in session.execute(
        select(Household.id, Household.key_worker_id).where(Household.id.in_(protected))
    ):
        workers[household_id].add(key_worker)
    for household_id, user_id in session.execute(
        select(HouseholdCoWorker.household_id, HouseholdCoWorker.user_id).where(
            HouseholdCoWorker.household_id.in_(protected)
        )
    ):
        workers[household_id].add(user_id)
    mine: set[int | None] = {actor.user_id, *actor.delegated_from}
    mine.discard(None)
    return {hid for hid in protected if not workers[hid] & mine}


def _person_refs(
    session: Session, actor: Actor, person_ids: Collection[int], on: date
) -> dict[int, PersonRef]:
    """Names of persons, masked when every household they belong to ``on`` is hidden."""
    ids = set(person_ids)
    if not ids:
        return {}
    households: dict[int, set[int]] = defaultdict(set)
    for person_id, household_id in session.execute(
        select(Membership.person_id, Membership.household_id).where(
            Membership.person_id.in_(ids),
            Membership.joined_on <= on,
            or_(Membership.left_on.is_(None), Membership.left_on >= on),
        )
    ):
        households[person_id].add(household_id)
    hidden = _masked(session, actor, {hid for group in households.values() for hid in group})
    refs = {}
    for person_id, first, last in session.execute(
        select(Person.id, Person.first_name, Person.last_name).where(Person.id.in_(ids))
    ):
        groups = households.get(person_id, set())
        masked = bool(groups) and groups <= hidden
        refs[person_id] = PersonRef(person_id, MASK if masked else f"{first} {last}")
    return refs


class _Writer:
    """The actor's identity, for the audit events and history lines of a call."""

    def __init__(self, session: Session, actor: Actor, moment: datetime) -> None:
        self.session = session
        self.name, self.user_id = audit_identity(actor)
        self.moment = moment

    def event(
        self,
        action: str,
        entity: str,
        entity_id: int,
        fields: Sequence[str],
        *,
        household_id: int | None = None,
        count: int | None = None,
    ) -> None:
        """One audit event (field names only) for one created or updated record."""
        self.session.flush()
        audit.record(
            self.session,
            actor=self.name,
            user_id=self.user_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            household_id=household_id,
            fields=fields,
            count=count,
            at=self.moment,
        )

    def history(
        self,
        entity: str,
        entity_id: int,
        changes: Iterable[tuple[str, HistoryValue, HistoryValue]],
        *,
        household_id: int | None = None,
    ) -> None:
        """Old → new lines (nothing for an unchanged value)."""
        for field, old, new in changes:
            record_change(
                self.session,
                user_id=self.user_id,
                household_id=household_id,
                entity=entity,
                entity_id=entity_id,
                field=field,
                old=old,
                new=new,
                at=self.moment,
            )


def _check_version(session: Session, entity: str, row_id: int, current: int, read: int) -> None:
    """Refuse a change made on a stale version, naming the last writer."""
    if current == read:
        return
    last = session.execute(
        select(AuditEvent.actor, AuditEvent.at)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == row_id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        raise RefusedError("support.conflict_unknown")
    who, at = last
    moment = at if at.tzinfo else at.replace(tzinfo=UTC)
    raise RefusedError(
        "life.conflict", who=who, when=moment.astimezone().strftime("%d/%m/%Y à %H:%M")
    )


def _user_names(session: Session, user_ids: Collection[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    return {
        user_id: name
        for user_id, name in session.execute(
            select(UserAccount.id, UserAccount.display_name).where(UserAccount.id.in_(user_ids))
        )
    }


def _moment(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


# ------------------------------------------------------------------ residences and residents


@service_action(READ)
def residences(database: Database, *, actor: Actor) -> list[ResidenceChoice]:
    """The residences whose life the actor may see (a host: their own), by name."""

    def read(session: Session) -> list[ResidenceChoice]:
        result = []
        for row in session.scalars(select(Residence).order_by(Residence.name)):
            context = _context(actor, row)
            if decide(actor, READ, context).allowed:
                may_edit = decide(actor, EDIT, context).allowed
                result.append(ResidenceChoice(row.id, row.name, may_edit))
        return result

    return database.run_read(read)


def _hosts(session: Session, residence_id: int, on: date) -> tuple[HostInfo, ...]:
    """Active accounts hosting the residence (named hosts and host roles on it)."""
    named = select(ResidenceHost.user_id).where(ResidenceHost.residence_id == residence_id)
    by_role = select(UserRole.user_id).where(
        UserRole.role == "host",
        or_(UserRole.residence_id.is_(None), UserRole.residence_id == residence_id),
        UserRole.programme_id.is_(None),
    )
    rows = session.execute(
        select(UserAccount.id, UserAccount.display_name, UserAccount.valid_until)
        .where(
            UserAccount.active,
            or_(UserAccount.id.in_(named), UserAccount.id.in_(by_role)),
        )
        .order_by(UserAccount.display_name)
    )
    return tuple(
        HostInfo(user_id, name) for user_id, name, until in rows if until is None or until >= on
    )


def _absence_info(row: ResidentAbsence, person: str, household_id: int | None) -> AbsenceInfo:
    return AbsenceInfo(
        absence_id=row.id,
        residence_id=row.residence_id,
        household_id=household_id,
        person_id=row.person_id,
        person=person,
        kind=row.kind,
        start=row.start_date,
        end=row.end_date,
        version=row.version,
    )


def _guest_info(row: ResidentGuest, masked: bool) -> GuestInfo:
    return GuestInfo(
        guest_id=row.id,
        residence_id=row.residence_id,
        household_id=row.household_id,
        guest_name=MASK if masked else row.guest_name,
        start=row.start_date,
        end=row.end_date,
        version=row.version,
    )


@service_action(READ)
def residents(
    database: Database, *, actor: Actor, residence_id: int, on: date | None = None
) -> ResidentsList:
    """Who lives in the residence ``on`` (today by default), with house rules, absences, guests.

    Raises:
        RefusedError: an unknown residence, or one whose life the actor may not see.
    """
    day = on or date.today()

    def read(session: Session) -> ResidentsList:
        residence = _residence(session, actor, residence_id, READ)
        homes = _resident_households(session, residence_id, day)
        ids = list(homes)
        hidden = _masked(session, actor, ids)
        members: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
        if ids:
            for household_id, person_id, first, last, role in session.execute(
                select(
                    Membership.household_id,
                    Person.id,
                    Person.first_name,
                    Person.last_name,
                    Membership.role,
                )
                .join(Person, Person.id == Membership.person_id)
                .where(
                    Membership.household_id.in_(ids),
                    Membership.joined_on <= day,
                    or_(Membership.left_on.is_(None), Membership.left_on >= day),
                )
                .order_by(Membership.household_id, Membership.role != "head", Membership.id)
            ):
                name = MASK if household_id in hidden else f"{first} {last}"
                members[household_id].append((person_id, name, role))
        person_household = {pid: hid for hid, rows in members.items() for pid, _, _ in rows}
        names = {pid: name for rows in members.values() for pid, name, _ in rows}
        absences: dict[int, list[AbsenceInfo]] = defaultdict(list)
        absent: set[int] = set()
        for absence in session.scalars(
            select(ResidentAbsence)
            .where(
                ResidentAbsence.residence_id == residence_id,
                ResidentAbsence.start_date <= day,
                or_(ResidentAbsence.end_date.is_(None), ResidentAbsence.end_date >= day),
            )
            .order_by(ResidentAbsence.start_date)
        ):
            home = person_household.get(absence.person_id)
            if home is None:
                continue
            absent.add(absence.person_id)
            absences[home].append(_absence_info(absence, names[absence.person_id], home))
        guests: dict[int, list[GuestInfo]] = defaultdict(list)
        if ids:
            for guest in session.scalars(
                select(ResidentGuest)
                .where(
                    ResidentGuest.residence_id == residence_id,
                    ResidentGuest.household_id.in_(ids),
                    ResidentGuest.start_date <= day,
                    or_(ResidentGuest.end_date.is_(None), ResidentGuest.end_date >= day),
                )
                .order_by(ResidentGuest.start_date)
            ):
                guests[guest.household_id].append(_guest_info(guest, guest.household_id in hidden))
        signed = (
            set(
                session.scalars(
                    select(Document.household_id).where(
                        Document.household_id.in_(ids),
                        Document.kind == "house_rules",
                        Document.dated_on <= day,
                    )
                )
            )
            if ids
            else set()
        )
        references = {
            hid: reference
            for hid, reference in session.execute(
                select(Household.id, Household.reference).where(Household.id.in_(ids))
            )
        }
        rows = [
            ResidentInfo(
                household_id=household_id,
                reference=references[household_id],
                masked=household_id in hidden,
                dwelling=homes[household_id][0],
                since=homes[household_id][1],
                persons=tuple(
                    ResidentPerson(pid, name, role, pid in absent)
                    for pid, name, role in members[household_id]
                ),
                house_rules_signed=household_id in signed,
                absences=tuple(absences[household_id]),
                guests=tuple(guests[household_id]),
            )
            for household_id in ids
        ]
        rows.sort(key=lambda r: (r.dwelling, r.reference))
        return ResidentsList(
            residence.id, residence.name, day, tuple(rows), _hosts(session, residence.id, day)
        )

    return database.run_read(read)


# ------------------------------------------------------------------ activities


def _attendance_issues(
    session: Session,
    residence_id: int,
    held_on: date,
    attendees: Collection[int] | None,
    head_count: int | None,
) -> list[ValidationIssue]:
    if attendees is not None and head_count is not None:
        return [ValidationIssue("attendance", "life.attendance_both")]
    if attendees is None and head_count is None:
        return [ValidationIssue("attendance", "life.attendance_missing")]
    if head_count is not None:
        if not 0 <= head_count <= HEAD_COUNT_MAX:
            return [
                ValidationIssue(
                    "head_count", "life.head_count_invalid", {"maximum": HEAD_COUNT_MAX}
                )
            ]
        return []
    living = _resident_persons(session, residence_id, held_on)
    if set(attendees or ()) - set(living):
        return [
            ValidationIssue(
                "attendance", "life.attendee_not_resident", {"day": format_date(held_on)}
            )
        ]
    return []


def _activity_issues(
    session: Session, *, kind: str, title: str, held_on: date, host_id: int | None, today: date
) -> list[ValidationIssue]:
    issues = v.ACTIVITY_KIND.issues("kind", kind, "life.code_unknown")
    if not title:
        issues.append(ValidationIssue("title", "life.title_required"))
    elif len(title) > TITLE_MAX:
        issues.append(ValidationIssue("title", "life.title_too_long", {"maximum": TITLE_MAX}))
    if held_on > today:
        issues.append(
            ValidationIssue("held_on", "life.activity_future", {"today": format_date(today)})
        )
    if host_id is not None and not session.scalar(
        select(UserAccount.active).where(UserAccount.id == host_id)
    ):
        issues.append(ValidationIssue("host_id", "life.host_unknown"))
    return issues


def _activity_infos(
    session: Session, actor: Actor, rows: Sequence[CollectiveActivity]
) -> list[ActivityInfo]:
    ids = [row.id for row in rows]
    attendance: dict[int, list[int]] = defaultdict(list)
    if ids:
        for activity_id, person_id in session.execute(
            select(ActivityAttendance.activity_id, ActivityAttendance.person_id).where(
                ActivityAttendance.activity_id.in_(ids)
            )
        ):
            attendance[activity_id].append(person_id)
    hosts = {row.host_id for row in rows if row.host_id is not None}
    host_names = _user_names(session, hosts)
    result = []
    for row in rows:
        refs = _person_refs(session, actor, attendance[row.id], row.held_on)
        attendees = sorted(refs.values(), key=lambda ref: (ref.name, ref.person_id))
        result.append(
            ActivityInfo(
                activity_id=row.id,
                residence_id=row.residence_id,
                held_on=row.held_on,
                kind=row.kind,
                title=row.title,
                host_id=row.host_id,
                host=host_names.get(row.host_id) if row.host_id is not None else None,
                head_count=row.head_count,
                attendees=tuple(attendees),
                version=row.version,
            )
        )
    return result


def _set_attendance(session: Session, activity_id: int, attendees: Collection[int]) -> None:
    session.execute(delete(ActivityAttendance).where(ActivityAttendance.activity_id == activity_id))
    session.add_all(
        ActivityAttendance(activity_id=activity_id, person_id=person_id)
        for person_id in sorted(set(attendees))
    )
    session.flush()


@service_action(EDIT)
def record_activity(
    database: Database,
    *,
    actor: Actor,
    residence_id: int,
    held_on: date,
    kind: str,
    title: str,
    host_id: int | None = None,
    attendees: Collection[int] | None = None,
    head_count: int | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> ActivityInfo:
    """Record a held activity with its whole attendance at once: person ids OR a head count.

    Raises:
        InvalidInput: an unknown kind, no title, a future date, both or neither attendance,
            a person ticked who does not live in the house that day, an unknown host.
        RefusedError: an unknown residence, or one the actor does not host.
    """
    day = today or date.today()
    moment = _moment(now)
    clean = " ".join(title.split())

    def work(session: Session) -> ActivityInfo:
        _residence(session, actor, residence_id, EDIT)
        _raise(
            _activity_issues(
                session, kind=kind, title=clean, held_on=held_on, host_id=host_id, today=day
            )
            + _attendance_issues(session, residence_id, held_on, attendees, head_count)
        )
        row = CollectiveActivity(
            residence_id=residence_id,
            held_on=held_on,
            kind=kind,
            title=clean,
            host_id=host_id,
            head_count=head_count,
            created_at=moment,
            created_by=actor.user_id,
        )
        session.add(row)
        session.flush()
        if attendees is not None:
            _set_attendance(session, row.id, attendees)
        writer = _Writer(session, actor, moment)
        writer.event(
            "create",
            "collective_activity",
            row.id,
            (
                "held_on",
                "kind",
                "title",
                "host_id",
                "head_count" if attendees is None else "attendance",
            ),
            count=len(set(attendees)) if attendees is not None else None,
        )
        writer.history(
            "collective_activity",
            row.id,
            [("held_on", None, held_on), ("kind", None, kind), ("head_count", None, head_count)],
        )
        return _activity_infos(session, actor, [row])[0]

    return database.run_write(work)


@service_action(ATTENDANCE)
def update_attendance(
    database: Database,
    *,
    actor: Actor,
    activity_id: int,
    version: int,
    attendees: Collection[int] | None = None,
    head_count: int | None = None,
    now: datetime | None = None,
) -> ActivityInfo:
    """Replace an activity's whole attendance (named residents OR a head count) in one call.

    Raises:
        InvalidInput: both or neither attendance, a person who did not live in the house then.
        RefusedError: an unknown activity, one of another house, a stale version.
    """
    moment = _moment(now)

    def work(session: Session) -> ActivityInfo:
        row = session.get(CollectiveActivity, activity_id)
        if row is None:
            raise RefusedError("life.activity_unknown")
        _residence(session, actor, row.residence_id, ATTENDANCE)
        _check_version(session, "collective_activity", row.id, row.version, version)
        _raise(_attendance_issues(session, row.residence_id, row.held_on, attendees, head_count))
        old_count = row.head_count
        _set_attendance(session, row.id, attendees or ())
        row.head_count = head_count
        flag_modified(row, "head_count")  # a new version even when only the names changed
        session.flush()
        writer = _Writer(session, actor, moment)
        writer.event(
            "update",
            "collective_activity",
            row.id,
            ("head_count",) if attendees is None else ("attendance", "head_count"),
            count=len(set(attendees)) if attendees is not None else None,
        )
        writer.history("collective_activity", row.id, [("head_count", old_count, head_count)])
        return _activity_infos(session, actor, [row])[0]

    return database.run_write(work)


@service_action(READ)
def activities(
    database: Database, *, actor: Actor, residence_id: int, period: Period
) -> ActivityList:
    """The residence's activities held in ``period``, by date, with their counts.

    Raises:
        RefusedError: an unknown residence, or one whose life the actor may not see.
    """

    def read(session: Session) -> ActivityList:
        _residence(session, actor, residence_id, READ)
        rows = list(
            session.scalars(
                select(CollectiveActivity)
                .where(
                    CollectiveActivity.residence_id == residence_id,
                    CollectiveActivity.held_on >= period.start,
                    CollectiveActivity.held_on <= period.end,
                )
                .order_by(CollectiveActivity.held_on, CollectiveActivity.id)
            )
        )
        infos = _activity_infos(session, actor, rows)
        named = {ref.person_id for info in infos for ref in info.attendees}
        return ActivityList(
            residence_id,
            period,
            tuple(infos),
            participations=sum(info.count for info in infos),
            participants=len(named),
        )

    return database.run_read(read)


# ------------------------------------------------------------------ liaison log


def _liaison_infos(
    session: Session, actor: Actor, rows: Sequence[LiaisonEntry]
) -> list[LiaisonInfo]:
    ids = [row.id for row in rows]
    tags: dict[int, list[int]] = defaultdict(list)
    if ids:
        for entry_id, person_id in session.execute(
            select(LiaisonTag.entry_id, LiaisonTag.person_id).where(LiaisonTag.entry_id.in_(ids))
        ):
            tags[entry_id].append(person_id)
    authors = {row.author_id for row in rows if row.author_id is not None}
    names = _user_names(session, authors)
    result = []
    for row in rows:
        written = row.written_at if row.written_at.tzinfo else row.written_at.replace(tzinfo=UTC)
        refs = _person_refs(session, actor, tags[row.id], written.date())
        result.append(
            LiaisonInfo(
                entry_id=row.id,
                residence_id=row.residence_id,
                written_at=written,
                author=names.get(row.author_id) if row.author_id is not None else None,
                text=row.text,
                tags=tuple(sorted(refs.values(), key=lambda ref: (ref.name, ref.person_id))),
            )
        )
    return result


@service_action(EDIT)
def write_liaison(
    database: Database,
    *,
    actor: Actor,
    residence_id: int,
    text: str,
    tags: Collection[int] = (),
    now: datetime | None = None,
) -> LiaisonInfo:
    """Write an entry of the residence's cahier de liaison, tagged with residents.

    Raises:
        InvalidInput: an empty or too long text, a tag on someone not living in the house.
        RefusedError: an unknown residence, or one the actor does not host.
    """
    moment = _moment(now)
    clean = text.strip()

    def work(session: Session) -> LiaisonInfo:
        _residence(session, actor, residence_id, EDIT)
        issues: list[ValidationIssue] = []
        if not clean:
            issues.append(ValidationIssue("text", "life.liaison_required"))
        elif len(clean) > LIAISON_MAX:
            issues.append(
                ValidationIssue("text", "life.liaison_too_long", {"maximum": LIAISON_MAX})
            )
        day = moment.astimezone().date()
        if set(tags) - set(_resident_persons(session, residence_id, day)):
            issues.append(
                ValidationIssue("tags", "life.tag_not_resident", {"day": format_date(day)})
            )
        _raise(issues)
        row = LiaisonEntry(
            residence_id=residence_id, written_at=moment, author_id=actor.user_id, text=clean
        )
        session.add(row)
        session.flush()
        session.add_all(LiaisonTag(entry_id=row.id, person_id=pid) for pid in sorted(set(tags)))
        writer = _Writer(session, actor, moment)
        writer.event("create", "liaison_entry", row.id, ("text", "tags"), count=len(set(tags)))
        return _liaison_infos(session, actor, [row])[0]

    return database.run_write(work)


def _day_start(day: date) -> datetime:
    """The first instant of a local day, in UTC."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def _kept_from(session: Session, on: date) -> datetime | None:
    """The first instant of the liaison log kept on ``on`` (None: kept forever)."""
    months = parameters_in(session).get("liaison.keep_months", on)
    if not isinstance(months, int) or isinstance(months, bool) or months <= 0:
        return None
    return _day_start(add_months(on, -months))


@service_action(READ)
def liaison(
    database: Database,
    *,
    actor: Actor,
    residence_id: int,
    period: Period,
    today: date | None = None,
) -> list[LiaisonInfo]:
    """The entries of the residence's cahier de liaison written in ``period``, newest first.

    Entries past the retention (``liaison.keep_months`` before ``today``) are never shown,
    even before the purge deletes them.

    Raises:
        RefusedError: an unknown residence, or one whose life the actor may not see (a host
            of another house).
    """
    day = today or date.today()

    def read(session: Session) -> list[LiaisonInfo]:
        _residence(session, actor, residence_id, READ)
        start = _day_start(period.start)
        kept = _kept_from(session, day)
        rows = list(
            session.scalars(
                select(LiaisonEntry)
                .where(
                    LiaisonEntry.residence_id == residence_id,
                    LiaisonEntry.written_at >= (start if kept is None else max(start, kept)),
                    LiaisonEntry.written_at < _day_start(period.end + _ONE_DAY),
                )
                .order_by(LiaisonEntry.written_at.desc(), LiaisonEntry.id.desc())
            )
        )
        return _liaison_infos(session, actor, rows)

    return database.run_read(read)


@service_action(PURGE)
def purge_liaison(
    database: Database, *, actor: Actor, on: date, now: datetime | None = None
) -> int:
    """Delete the liaison entries written before ``on`` minus ``liaison.keep_months``.

    Meant for the daily work (DOMAIN §8): retention is applied, never chosen, so the call
    takes no list of entries.

    Only in the residences where the actor may apply the retention; one audit event with the
    count when something was deleted. Returns how many entries were deleted.
    """
    moment = _moment(now)

    def work(session: Session) -> int:
        before = _kept_from(session, on)
        if before is None:
            return 0
        deleted = 0
        for residence in session.scalars(select(Residence).order_by(Residence.id)):
            if not decide(actor, PURGE, _context(actor, residence)).allowed:
                continue
            old = list(
                session.scalars(
                    select(LiaisonEntry.id).where(
                        LiaisonEntry.residence_id == residence.id,
                        LiaisonEntry.written_at < before,
                    )
                )
            )
            if not old:
                continue
            session.execute(delete(LiaisonTag).where(LiaisonTag.entry_id.in_(old)))
            session.execute(delete(LiaisonEntry).where(LiaisonEntry.id.in_(old)))
            deleted += len(old)
        if deleted:
            name, user_id = audit_identity(actor)
            audit.record(
                session,
                actor=name,
                user_id=user_id,
                action="purge",
                entity="liaison_entry",
                count=deleted,
                at=moment,
            )
        return deleted

    return database.run_write(work)


# ------------------------------------------------------------------ absences


def _absence_issues(
    session: Session,
    *,
    person_id: int,
    kind: str,
    start: date,
    end: date | None,
    absence_id: int | None,
) -> list[ValidationIssue]:
    issues = v.ABSENCE_KIND.issues("kind", kind, "life.code_unknown")
    if end is not None and end < start:
        issues.append(ValidationIssue("end", "life.end_before_start"))
        return issues
    query = select(ResidentAbsence).where(ResidentAbsence.person_id == person_id)
    if absence_id is not None:
        query = query.where(ResidentAbsence.id != absence_id)
    for other in session.scalars(query):
        if _overlap(start, end, other.start_date, other.end_date):
            issues.append(
                ValidationIssue(
                    "start",
                    "life.absence_overlap",
                    _period_text(other.start_date, other.end_date),
                )
            )
            break
    return issues


def _absence_result(session: Session, actor: Actor, row: ResidentAbsence) -> AbsenceInfo:
    household_id = _resident_persons(session, row.residence_id, row.start_date).get(row.person_id)
    ref = _person_refs(session, actor, [row.person_id], row.start_date)[row.person_id]
    return _absence_info(row, ref.name, household_id)


@service_action(EDIT)
def record_absence(
    database: Database,
    *,
    actor: Actor,
    residence_id: int,
    person_id: int,
    kind: str,
    start: date,
    end: date | None = None,
    now: datetime | None = None,
) -> AbsenceInfo:
    """Record a resident's absence from ``start`` (to ``end`` included, or open).

    Raises:
        InvalidInput: an unknown kind, an end before the start, an overlap with another
            absence, a person not living in the house on the first day.
        RefusedError: an unknown residence, or one the actor does not host.
    """
    moment = _moment(now)

    def work(session: Session) -> AbsenceInfo:
        _residence(session, actor, residence_id, EDIT)
        household_id = _resident_persons(session, residence_id, start).get(person_id)
        issues = _absence_issues(
            session, person_id=person_id, kind=kind, start=start, end=end, absence_id=None
        )
        if household_id is None:
            issues.append(
                ValidationIssue(
                    "person_id", "life.person_not_resident", {"day": format_date(start)}
                )
            )
        _raise(issues)
        row = ResidentAbsence(
            person_id=person_id,
            residence_id=residence_id,
            kind=kind,
            start_date=start,
            end_date=end,
        )
        session.add(row)
        session.flush()
        writer = _Writer(session, actor, moment)
        writer.event(
            "create",
            "resident_absence",
            row.id,
            ("person_id", "kind", "start_date", "end_date"),
            household_id=household_id,
        )
        writer.history(
            "resident_absence",
            row.id,
            [("kind", None, kind), ("start_date", None, start), ("end_date", None, end)],
            household_id=household_id,
        )
        return _absence_result(session, actor, row)

    return database.run_write(work)


@service_action(EDIT)
def end_absence(
    database: Database,
    *,
    actor: Actor,
    absence_id: int,
    version: int,
    end: date,
    now: datetime | None = None,
) -> AbsenceInfo:
    """Set the absence's last day (the resident is back the day after).

    Raises:
        InvalidInput: an end before the start, an overlap with a later absence.
        RefusedError: an unknown absence, one of another house, a stale version.
    """
    moment = _moment(now)

    def work(session: Session) -> AbsenceInfo:
        row = session.get(ResidentAbsence, absence_id)
        if row is None:
            raise RefusedError("life.absence_unknown")
        _residence(session, actor, row.residence_id, EDIT)
        _check_version(session, "resident_absence", row.id, row.version, version)
        _raise(
            _absence_issues(
                session,
                person_id=row.person_id,
                kind=row.kind,
                start=row.start_date,
                end=end,
                absence_id=row.id,
            )
        )
        household_id = _resident_persons(session, row.residence_id, row.start_date).get(
            row.person_id
        )
        old = row.end_date
        row.end_date = end
        session.flush()
        writer = _Writer(session, actor, moment)
        writer.event("update", "resident_absence", row.id, ("end_date",), household_id=household_id)
        writer.history(
            "resident_absence", row.id, [("end_date", old, end)], household_id=household_id
        )
        return _absence_result(session, actor, row)

    return database.run_write(work)


# ------------------------------------------------------------------ guests


def _guest_issues(
    session: Session,
    *,
    household_id: int,
    guest_name: str,
    start: date,
    end: date | None,
    guest_id: int | None,
    max_months: int,
) -> list[ValidationIssue]:
    issues: list[ValidationIssue] = []
    if not guest_name:
        issues.append(ValidationIssue("guest_name", "life.guest_name_required"))
    elif len(guest_name) > GUEST_NAME_MAX:
        issues.append(
            ValidationIssue("guest_name", "life.guest_name_too_long", {"maximum": GUEST_NAME_MAX})
        )
    if end is None:
        issues.append(ValidationIssue("end", "life.guest_end_required"))
    elif end < start:
        issues.append(ValidationIssue("end", "life.end_before_start"))
    if issues or end is None:
        return issues
    key = normalise(guest_name)
    same = [
        row
        for row in session.scalars(
            select(ResidentGuest).where(ResidentGuest.household_id == household_id)
        )
        if row.id != guest_id and normalise(row.guest_name) == key
    ]
    for other in same:
        if _overlap(start, end, other.start_date, other.end_date):
            return [
                ValidationIssue(
                    "start", "life.guest_overlap", _period_text(other.start_date, other.end_date)
                )
            ]
    # Declarations following each other without a gap are one stay of the guest.
    first, last = start, end
    grown = True
    while grown:
        grown = False
        for other in same:
            other_last = other.end_date or other.start_date
            touches = other.start_date <= last + _ONE_DAY and other_last + _ONE_DAY >= first
            if touches and (other.start_date < first or other_last > last):
                first, last = min(first, other.start_date), max(last, other_last)
                grown = True
    limit = add_months(first, max_months) - _ONE_DAY
    if last > limit:
        issues.append(
            ValidationIssue(
                "end",
                "life.guest_too_long",
                {"months": max_months, "start": format_date(first), "last": format_date(limit)},
            )
        )
    return issues


def _guest_max_months(session: Session, on: date) -> int:
    value = parameters_in(session).get("residence.guest_max_months", on)
    return value if isinstance(value, int) and value > 0 else 3


@service_action(EDIT)
def declare_guest(
    database: Database,
    *,
    actor: Actor,
    residence_id: int,
    household_id: int,
    guest_name: str,
    start: date,
    end: date | None,
    now: datetime | None = None,
) -> GuestInfo:
    """Declare a guest of a resident household from ``start`` to ``end`` (last day).

    Raises:
        InvalidInput: no name, no end or an end before the start, an overlap with another
            declaration of the same guest, a stay longer than ``residence.guest_max_months``
            months, a household not living in the house on the first day.
        RefusedError: an unknown residence, or one the actor does not host.
    """
    moment = _moment(now)
    name = " ".join(guest_name.split())

    def work(session: Session) -> GuestInfo:
        _residence(session, actor, residence_id, EDIT)
        issues = _guest_issues(
            session,
            household_id=household_id,
            guest_name=name,
            start=start,
            end=end,
            guest_id=None,
            max_months=_guest_max_months(session, start),
        )
        if household_id not in _resident_households(session, residence_id, start):
            issues.append(
                ValidationIssue(
                    "household_id", "life.household_not_resident", {"day": format_date(start)}
                )
            )
        _raise(issues)
        row = ResidentGuest(
            household_id=household_id,
            residence_id=residence_id,
            guest_name=name,
            start_date=start,
            end_date=end,
        )
        session.add(row)
        session.flush()
        writer = _Writer(session, actor, moment)
        writer.event(
            "create",
            "resident_guest",
            row.id,
            ("guest_name", "start_date", "end_date"),
            household_id=household_id,
        )
        writer.history(
            "resident_guest",
            row.id,
            [("start_date", None, start), ("end_date", None, end)],
            household_id=household_id,
        )
        return _guest_info(row, household_id in _masked(session, actor, [household_id]))

    return database.run_write(work)


@service_action(EDIT)
def end_guest(
    database: Database,
    *,
    actor: Actor,
    guest_id: int,
    version: int,
    end: date,
    now: datetime | None = None,
) -> GuestInfo:
    """Change the guest's last day (left earlier, or stays longer within the limit).

    Raises:
        InvalidInput: an end before the start, a stay longer than the limit.
        RefusedError: an unknown declaration, one of another house, a stale version.
    """
    moment = _moment(now)

    def work(session: Session) -> GuestInfo:
        row = session.get(ResidentGuest, guest_id)
        if row is None:
            raise RefusedError("life.guest_unknown")
        _residence(session, actor, row.residence_id, EDIT)
        _check_version(session, "resident_guest", row.id, row.version, version)
        _raise(
            _guest_issues(
                session,
                household_id=row.household_id,
                guest_name=row.guest_name,
                start=row.start_date,
                end=end,
                guest_id=row.id,
                max_months=_guest_max_months(session, row.start_date),
            )
        )
        old = row.end_date
        row.end_date = end
        session.flush()
        writer = _Writer(session, actor, moment)
        writer.event(
            "update", "resident_guest", row.id, ("end_date",), household_id=row.household_id
        )
        writer.history(
            "resident_guest", row.id, [("end_date", old, end)], household_id=row.household_id
        )
        return _guest_info(row, row.household_id in _masked(session, actor, [row.household_id]))

    return database.run_write(work)
