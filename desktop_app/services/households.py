"""A household's identity, as each role may see it (DOMAIN §1: protected files).

A protected file [dossier protégé] hides identity and address from everyone but its key worker
and co-key-workers (and whoever holds their caseload by delegation); seeing it unmasked is an
opening of a protected file, written in the security log. The household capability grows here
(search, file tabs) with its issue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_app.domain.duplicates import PersonCandidate, find_duplicates
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.households import MemberSpan, check_heads, check_member
from desktop_app.domain.permissions import RESIDENTS, TABLE, AccessContext, Actor, decide
from desktop_app.domain.text import household_search_text, normalise, search_tokens, with_de
from desktop_app.domain.vocabulary import MEMBER_ROLE, SEX
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Candidature,
    ChangeHistory,
    Dwelling,
    Household,
    HouseholdCoWorker,
    Membership,
    OccupancyContract,
    Partner,
    Person,
    PersonResource,
    Programme,
    Stay,
    UserAccount,
)
from desktop_app.services.authz import audit_identity, require, service_action

MASK = "Dossier protégé"


def household_access(session: Session, actor: Actor, household_id: int) -> AccessContext:
    """What a permission decision must know about a household, for this actor.

    Raises:
        RefusedError: no such household (said as a permission refusal: no enumeration).
    """
    household = session.get(Household, household_id)
    if household is None:
        raise RefusedError("auth.denied", what=with_de("consulter ce dossier"))
    workers = {household.key_worker_id} | set(
        session.scalars(
            select(HouseholdCoWorker.user_id).where(HouseholdCoWorker.household_id == household_id)
        )
    )
    workers.discard(None)
    caseload = actor.user_id in workers or bool(workers & actor.delegated_from)
    programmes = frozenset(
        session.scalars(select(Stay.programme_id).where(Stay.household_id == household_id))
    )
    residences = frozenset(
        rid
        for rid in session.scalars(
            select(Dwelling.residence_id)
            .join(OccupancyContract, OccupancyContract.dwelling_id == Dwelling.id)
            .where(OccupancyContract.household_id == household_id)
        )
        if rid is not None
    )
    hosted = any(
        grant.role == "host" and (grant.residence_id is None or grant.residence_id in residences)
        for grant in actor.grants
    )
    return AccessContext(
        programme_ids=programmes,
        residence_ids=residences,
        caseload=caseload,
        resident=bool(residences) and hosted,
    )


@dataclass(frozen=True, slots=True)
class MemberIdentity:
    """A member as shown in the file's header."""

    first_name: str
    last_name: str
    role: str
    phone: str | None


@dataclass(frozen=True, slots=True)
class HouseholdIdentity:
    """Reference, members and address; masked for a protected file outside its circle."""

    reference: str
    protected: bool
    masked: bool
    members: tuple[MemberIdentity, ...]
    address: str | None
    commune: str | None


@service_action("household.read")
def read_identity(
    database: Database,
    *,
    actor: Actor,
    household_id: int,
    on: date | None = None,
    now: datetime | None = None,
) -> HouseholdIdentity:
    """The household's identity for this actor.

    Raises:
        RefusedError: the household is outside the actor's scope.
    """
    day = on or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)

    def work(session: Session) -> HouseholdIdentity:
        context = household_access(session, actor, household_id)
        require(actor, "household.read", context)
        household = session.get(Household, household_id)
        assert household is not None
        masked = household.protected and not (context.caseload or actor.system)
        rows = session.execute(
            select(Person.first_name, Person.last_name, Membership.role, Person.phone)
            .join(Membership, Membership.person_id == Person.id)
            .where(
                Membership.household_id == household_id,
                Membership.joined_on <= day,
                (Membership.left_on.is_(None)) | (Membership.left_on >= day),
            )
            .order_by(Membership.id)
        ).all()
        if masked:
            members = tuple(MemberIdentity(MASK, "", role, None) for _, _, role, _ in rows)
            return HouseholdIdentity(household.reference, True, True, members, None, None)
        if household.protected:
            name, user_id = audit_identity(actor)
            audit.record(
                session,
                actor=name,
                user_id=user_id,
                action="open_protected",
                entity="household",
                entity_id=household_id,
                household_id=household_id,
                at=moment,
            )
        members = tuple(MemberIdentity(*row) for row in rows)
        return HouseholdIdentity(
            household.reference,
            household.protected,
            False,
            members,
            household.address,
            household.commune,
        )

    return database.run_write(work)


# ------------------------------------------------------------------ the list


STATUSES = ("current", "left", "archived", "all")
SORTS = ("reference", "name", "entry", "commune")
PAGE = 200
_MIN_NAME_TOKEN = 3


@dataclass(frozen=True, slots=True)
class HouseholdQuery:
    """What the households list asks: words typed, filters, order.

    ``status``: ``current`` (not archived, with an open stay or none yet — unless every
    candidature of the household was refused or had no follow-up), ``left`` (every stay
    ended), ``archived``, ``all``.
    """

    text: str = ""
    programme_id: int | None = None
    key_worker_id: int | None = None
    status: str = "current"
    sort: str = "reference"
    descending: bool = False


@dataclass(frozen=True, slots=True)
class HouseholdRow:
    """One line of the households list (masked for a protected file outside its circle)."""

    household_id: int
    reference: str
    head: str
    members: int
    commune: str | None
    entry: date | None
    key_worker: str | None
    protected: bool


@dataclass(frozen=True, slots=True)
class HouseholdPage:
    """Rows ``offset`` … of the list, and how many match in all."""

    rows: tuple[HouseholdRow, ...]
    total: int
    offset: int


def _escape_like(token: str) -> str:
    return token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def scope_filter(actor: Actor) -> ColumnElement[bool] | None:
    """Households the actor may list: None when every household is in scope."""
    if actor.system:
        return None
    conditions: list[ColumnElement[bool]] = []
    for grant in actor.grants:
        rule = TABLE.get(grant.role, {}).get("household.read")
        if rule is None:
            continue
        if rule == RESIDENTS:
            in_house = (
                select(OccupancyContract.household_id)
                .join(Dwelling, Dwelling.id == OccupancyContract.dwelling_id)
                .where(Dwelling.residence_id.is_not(None))
            )
            if grant.residence_id is not None:
                in_house = in_house.where(Dwelling.residence_id == grant.residence_id)
            conditions.append(Household.id.in_(in_house))
        elif grant.programme_id is None and grant.residence_id is None:
            return None
        elif grant.programme_id is not None:
            conditions.append(
                Household.id.in_(
                    select(Stay.household_id).where(Stay.programme_id == grant.programme_id)
                )
            )
    return or_(*conditions) if conditions else false()


@service_action("household.read")
def search_households(
    database: Database,
    *,
    actor: Actor,
    query: HouseholdQuery,
    offset: int = 0,
    limit: int = PAGE,
    on: date | None = None,
) -> HouseholdPage:
    """A page of the households list, filtered and sorted in SQL.

    Every word typed must be found among the names, references, SI-SIAO reference, address and
    phones, accents and case ignored (the same normalised column on SQLite and PostgreSQL).
    """
    day = on or date.today()
    head_name = (
        select(func.max(Person.last_name + " " + Person.first_name))
        .join(Membership, Membership.person_id == Person.id)
        .where(
            Membership.household_id == Household.id,
            Membership.role == "head",
            Membership.joined_on <= day,
            or_(Membership.left_on.is_(None), Membership.left_on >= day),
        )
        .scalar_subquery()
    )
    members = (
        select(func.count(Membership.id))
        .where(
            Membership.household_id == Household.id,
            Membership.joined_on <= day,
            or_(Membership.left_on.is_(None), Membership.left_on >= day),
            Membership.role != "visiting_child",
        )
        .scalar_subquery()
    )
    entry = (
        select(func.max(Stay.entry_date)).where(Stay.household_id == Household.id)
    ).scalar_subquery()
    open_stay = exists().where(
        Stay.household_id == Household.id, or_(Stay.exit_date.is_(None), Stay.exit_date >= day)
    )
    any_stay = exists().where(Stay.household_id == Household.id)
    # Known only by candidatures, all closed without admission (refused, no follow-up): the
    # household was never housed here, it is no current household (it shows under "all").
    turned_away = and_(
        exists().where(Candidature.household_id == Household.id),
        ~exists().where(Candidature.household_id == Household.id, Candidature.decision.is_(None)),
    )
    conditions: list[ColumnElement[bool]] = []
    for token in search_tokens(query.text):
        conditions.append(Household.search_text.like(f"%{_escape_like(token)}%", escape="\\"))
    if query.programme_id is not None:
        conditions.append(
            Household.id.in_(
                select(Stay.household_id).where(Stay.programme_id == query.programme_id)
            )
        )
    if query.key_worker_id is not None:
        conditions.append(Household.key_worker_id == query.key_worker_id)
    if query.status == "archived":
        conditions.append(Household.archived_on.is_not(None))
    elif query.status == "current":
        conditions += [
            Household.archived_on.is_(None),
            or_(open_stay, and_(~any_stay, ~turned_away)),
        ]
    elif query.status == "left":
        conditions += [Household.archived_on.is_(None), any_stay, ~open_stay]
    scope = scope_filter(actor)
    if scope is not None:
        conditions.append(scope)
    order = {
        "reference": Household.reference,
        "name": head_name,
        "entry": entry,
        "commune": Household.commune,
    }[query.sort if query.sort in SORTS else "reference"]
    ordering = [order.desc() if query.descending else order.asc(), Household.id.asc()]
    key_worker = aliased(UserAccount)

    def read(session: Session) -> HouseholdPage:
        total = session.scalar(select(func.count(Household.id)).where(*conditions)) or 0
        rows = session.execute(
            select(
                Household.id,
                Household.reference,
                head_name,
                members,
                Household.commune,
                entry,
                key_worker.display_name,
                Household.protected,
                Household.key_worker_id,
            )
            .outerjoin(key_worker, key_worker.id == Household.key_worker_id)
            .where(*conditions)
            .order_by(*ordering)
            .offset(offset)
            .limit(limit)
        ).all()
        co_worked = (
            set(
                session.scalars(
                    select(HouseholdCoWorker.household_id).where(
                        HouseholdCoWorker.user_id == actor.user_id,
                        HouseholdCoWorker.household_id.in_([row[0] for row in rows if row[7]]),
                    )
                )
            )
            if actor.user_id is not None
            else set()
        )
        circle = {actor.user_id, *actor.delegated_from} - {None}
        result = []
        for hid, reference, head, count, commune, entered, worker, protected, worker_id in rows:
            visible = actor.system or not protected or worker_id in circle or hid in co_worked
            result.append(
                HouseholdRow(
                    household_id=hid,
                    reference=reference,
                    head=(head or "") if visible else MASK,
                    members=int(count or 0),
                    commune=commune if visible else None,
                    entry=entered,
                    key_worker=worker,
                    protected=protected,
                )
            )
        return HouseholdPage(rows=tuple(result), total=int(total), offset=offset)

    return database.run_read(read)


@dataclass(frozen=True, slots=True)
class ListFilters:
    """Choices offered above the households list."""

    programmes: tuple[tuple[int, str], ...]
    key_workers: tuple[tuple[int, str], ...]


@service_action("household.read")
def list_filters(database: Database, *, actor: Actor) -> ListFilters:
    """Programmes and key workers to filter the list by."""

    def read(session: Session) -> ListFilters:
        programmes = tuple(
            (pid, name)
            for pid, name in session.execute(
                select(Programme.id, Programme.name).order_by(Programme.name)
            )
        )
        workers = tuple(
            (uid, name)
            for uid, name in session.execute(
                select(UserAccount.id, UserAccount.display_name)
                .where(UserAccount.id.in_(select(Household.key_worker_id)))
                .order_by(UserAccount.display_name)
            )
        )
        return ListFilters(programmes=programmes, key_workers=workers)

    return database.run_read(read)


def refresh_search_text(session: Session, household_id: int) -> None:
    """Recompute what search-as-you-type looks into, after members, address or stays change."""
    household = session.get(Household, household_id)
    if household is None:
        return
    people = session.execute(
        select(Person.last_name, Person.first_name, Person.phone)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.household_id == household_id)
    ).all()
    siao = session.scalars(
        select(Stay.siao_reference).where(
            Stay.household_id == household_id, Stay.siao_reference.is_not(None)
        )
    ).all()
    household.search_text = household_search_text(
        reference=household.reference,
        address=household.address,
        postcode=household.postcode,
        commune=household.commune,
        names=[f"{last} {first}" for last, first, _ in people],
        phones=[phone for _, _, phone in people if phone],
        siao_references=[ref for ref in siao if ref],
    )


# ------------------------------------------------------------------ creation and duplicates


@dataclass(frozen=True, slots=True)
class MemberInput:
    """A member to add: a new person, or an existing one (``person_id``) linked instead."""

    last_name: str = ""
    first_name: str = ""
    birth_date: date | None = None
    sex: str = "unknown"
    role: str = "head"
    joined_on: date | None = None  # defaults to the household's start
    phone: str | None = None
    person_id: int | None = None


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """An existing person who may be the one being typed, with where they live."""

    person_id: int
    last_name: str
    first_name: str
    birth_date: date | None
    households: tuple[str, ...]
    score: float


@dataclass(frozen=True, slots=True)
class HouseholdCreated:
    """The new household."""

    household_id: int
    reference: str


def duplicate_candidates(
    session: Session,
    last_name: str,
    first_name: str,
    birth_date: date | None,
    *,
    limit: int = 10,
) -> list[DuplicateCandidate]:
    """Persons already recorded who may be this one, in the caller's transaction.

    The database pre-selects by birth date (indexed), or by name words when the date is
    unknown; `domain.duplicates` decides.
    """
    tokens = [t for t in search_tokens(f"{last_name} {first_name}") if len(t) >= _MIN_NAME_TOKEN]
    query = select(Person.id, Person.last_name, Person.first_name, Person.birth_date)
    if birth_date is not None:
        query = query.where(Person.birth_date == birth_date)
    elif tokens:
        query = query.where(
            or_(*(Person.search_name.like(f"%{_escape_like(t)}%", escape="\\") for t in tokens))
        )
    else:
        return []
    candidates = [PersonCandidate(*row) for row in session.execute(query.limit(2_000))]
    result = []
    for candidate, score in find_duplicates(last_name, first_name, birth_date, candidates)[:limit]:
        homes = tuple(
            session.scalars(
                select(Household.reference)
                .join(Membership, Membership.household_id == Household.id)
                .where(Membership.person_id == candidate.person_id)
                .distinct()
                .order_by(Household.reference)
            )
        )
        result.append(
            DuplicateCandidate(
                candidate.person_id,
                candidate.last_name,
                candidate.first_name,
                candidate.birth_date,
                homes,
                round(score, 3),
            )
        )
    return result


@service_action("household.read")
def propose_duplicates(
    database: Database,
    *,
    actor: Actor,
    last_name: str,
    first_name: str,
    birth_date: date | None,
) -> list[DuplicateCandidate]:
    """Persons already recorded who may be this one (same birth date, similar name).

    The database pre-selects by birth date (indexed), or by name words when the date is
    unknown; `domain.duplicates` decides. The user may then link the existing person.
    """
    return database.run_read(
        lambda session: duplicate_candidates(session, last_name, first_name, birth_date)
    )


def _next_reference(session: Session) -> str:
    last = session.scalar(
        select(Household.reference)
        .where(Household.reference.like("M-%"))
        .order_by(func.length(Household.reference).desc(), Household.reference.desc())
        .limit(1)
    )
    number = int(last[2:]) + 1 if last and last[2:].isdigit() else 1
    return f"M-{number:05d}"


def _member_issues(index: int, member: MemberInput) -> list[ValidationIssue]:
    field = f"members[{index}]"
    issues: list[ValidationIssue] = []
    if member.person_id is None:
        if not member.last_name.strip():
            issues.append(ValidationIssue(field, "member.last_name_required"))
        if not member.first_name.strip():
            issues.append(ValidationIssue(field, "member.first_name_required"))
        if member.sex not in SEX:
            issues.append(ValidationIssue(field, "stay.code_unknown", {"value": member.sex}))
    if member.role not in MEMBER_ROLE:
        issues.append(ValidationIssue(field, "stay.code_unknown", {"value": member.role}))
    return issues


def create_household_in(
    session: Session,
    actor: Actor,
    members: Sequence[MemberInput],
    *,
    start: date,
    reference: str | None = None,
    address: str | None = None,
    postcode: str | None = None,
    commune: str | None = None,
    key_worker_id: int | None = None,
    protected: bool = False,
    context: AccessContext | None = None,
) -> HouseholdCreated:
    """Check and insert a household in the caller's transaction (permission, audit).

    A helper for other services (a candidature may bring a new household with it).
    ``context`` says where the household arrives (a candidature for a programme or a
    house): a host may then create it for their own house.

    Raises:
        InvalidInput: every field to correct, at once; nothing is written.
        RefusedError: the actor may not create this household.
    """
    if key_worker_id is None and "social_worker" in actor.roles:
        key_worker_id = actor.user_id
    issues: list[ValidationIssue] = []
    if not members:
        issues.append(ValidationIssue("members", "household.no_members"))
    for index, member in enumerate(members):
        issues += _member_issues(index, member)
        if member.joined_on is not None:
            issues += check_member(MemberSpan(index, member.role, member.joined_on, None))
    spans = [
        MemberSpan(index, member.role, member.joined_on or start, None)
        for index, member in enumerate(members)
    ]
    issues += check_heads(spans, start=start, end=None)
    ref = (reference or "").strip() or _next_reference(session)
    if session.scalar(select(Household.id).where(Household.reference == ref)) is not None:
        issues.append(ValidationIssue("reference", "household.reference_taken", {"value": ref}))
    if issues:
        raise InvalidInput(issues)
    own = key_worker_id is not None and key_worker_id == actor.user_id
    where = context or AccessContext()
    where = replace(where, caseload=where.caseload or own)
    if not decide(actor, "household.edit", where).allowed:
        require(actor, "household.edit_identity", where)
    household = Household(
        reference=ref,
        key_worker_id=key_worker_id,
        address=address,
        postcode=postcode,
        commune=commune,
        protected=protected,
    )
    session.add(household)
    session.flush()
    created = 0
    for member in members:
        person_id = member.person_id
        if person_id is None:
            person = Person(
                last_name=member.last_name.strip(),
                first_name=member.first_name.strip(),
                birth_date=member.birth_date,
                sex=member.sex,
                phone=member.phone,
                search_name=normalise(f"{member.last_name} {member.first_name}"),
            )
            session.add(person)
            session.flush()
            person_id = person.id
            created += 1
        session.add(
            Membership(
                household_id=household.id,
                person_id=person_id,
                role=member.role,
                joined_on=member.joined_on or start,
            )
        )
    session.flush()
    refresh_search_text(session, household.id)
    name, user_id = audit_identity(actor)
    audit.record(
        session,
        actor=name,
        user_id=user_id,
        action="create",
        entity="household",
        entity_id=household.id,
        household_id=household.id,
        fields=("reference", "address", "key_worker_id", "protected", "members"),
        count=len(members),
    )
    if created:
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action="create",
            entity="person",
            household_id=household.id,
            fields=("last_name", "first_name", "birth_date"),
            count=created,
        )
    return HouseholdCreated(household.id, ref)


@service_action("household.edit_identity")
def create_household(
    database: Database,
    *,
    actor: Actor,
    members: Sequence[MemberInput],
    start: date,
    reference: str | None = None,
    address: str | None = None,
    postcode: str | None = None,
    commune: str | None = None,
    key_worker_id: int | None = None,
    protected: bool = False,
) -> HouseholdCreated:
    """Create a household with its members (new persons, or existing ones linked).

    A social worker's new household is theirs (they become its key worker unless another is
    named). Exactly one head on every day from ``start``.

    Raises:
        InvalidInput: every field to correct, at once; nothing is written.
    """
    return database.run_write(
        lambda session: create_household_in(
            session,
            actor,
            members,
            start=start,
            reference=reference,
            address=address,
            postcode=postcode,
            commune=commune,
            key_worker_id=key_worker_id,
            protected=protected,
        )
    )


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """Old → new value of a date, status or amount in the file."""

    at: datetime
    user: str | None
    entity: str
    field: str
    old_value: str | None
    new_value: str | None


@service_action("household.read")
def household_history(database: Database, *, actor: Actor, household_id: int) -> list[HistoryLine]:
    """The business history of a household's file, newest first."""

    def read(session: Session) -> list[HistoryLine]:
        require(actor, "household.read", household_access(session, actor, household_id))
        rows = session.execute(
            select(ChangeHistory, UserAccount.login)
            .outerjoin(UserAccount, UserAccount.id == ChangeHistory.user_id)
            .where(ChangeHistory.household_id == household_id)
            .order_by(ChangeHistory.id.desc())
        )
        return [
            HistoryLine(
                at=line.at if line.at.tzinfo else line.at.replace(tzinfo=UTC),
                user=login,
                entity=line.entity,
                field=line.field,
                old_value=line.old_value,
                new_value=line.new_value,
            )
            for line, login in rows
        ]

    return database.run_read(read)


@dataclass(frozen=True, slots=True)
class ResourceLine:
    """A monthly resource of a person."""

    kind: str
    monthly_amount: int | None


@dataclass(frozen=True, slots=True)
class PersonRights:
    """Contact and rights of a member (Coordonnées & droits), masked for a protected file."""

    person_id: int
    name: str
    role: str
    phone: str | None
    email: str | None
    benefit_agency: str | None
    allocataire_number: str | None
    residence_permit_expiry: date | None
    legal_protection: str
    mandataire: str | None
    emergency_contact: str | None
    resources: tuple[ResourceLine, ...]


@dataclass(frozen=True, slots=True)
class HouseholdContact:
    """Address or domiciliation and each member's contact and rights."""

    address: str | None
    domiciliation: str | None
    masked: bool
    persons: tuple[PersonRights, ...]


@service_action("household.read")
def household_contact(
    database: Database, *, actor: Actor, household_id: int, on: date | None = None
) -> HouseholdContact:
    """What the « Coordonnées & droits » tab shows (nothing of a protected file's outsiders)."""
    day = on or date.today()

    def read(session: Session) -> HouseholdContact:
        context = household_access(session, actor, household_id)
        require(actor, "household.read", context)
        household = session.get(Household, household_id)
        assert household is not None
        if household.protected and not (context.caseload or actor.system):
            return HouseholdContact(None, None, True, ())
        mandataire = aliased(Partner)
        rows = session.execute(
            select(Person, Membership.role, mandataire.name)
            .join(Membership, Membership.person_id == Person.id)
            .outerjoin(mandataire, mandataire.id == Person.mandataire_id)
            .where(
                Membership.household_id == household_id,
                Membership.joined_on <= day,
                or_(Membership.left_on.is_(None), Membership.left_on >= day),
            )
            .order_by(Membership.id)
        ).all()
        ids = [person.id for person, _, _ in rows]
        resources: dict[int, list[ResourceLine]] = {}
        for resource in session.scalars(
            select(PersonResource)
            .where(PersonResource.person_id.in_(ids))
            .order_by(PersonResource.id)
        ):
            resources.setdefault(resource.person_id, []).append(
                ResourceLine(resource.kind, resource.monthly_amount)
            )
        persons = tuple(
            PersonRights(
                person_id=person.id,
                name=f"{person.last_name} {person.first_name}",
                role=role,
                phone=person.phone,
                email=person.email,
                benefit_agency=person.benefit_agency,
                allocataire_number=person.allocataire_number,
                residence_permit_expiry=person.residence_permit_expiry,
                legal_protection=person.legal_protection,
                mandataire=partner,
                emergency_contact=person.emergency_contact,
                resources=tuple(resources.get(person.id, ())),
            )
            for person, role, partner in rows
        )
        address = ", ".join(
            part for part in (household.address, household.postcode, household.commune) if part
        )
        return HouseholdContact(address or None, household.domiciliation, False, persons)

    return database.run_read(read)
