"""A household's identity, as each role may see it (DOMAIN §1: protected files).

A protected file [dossier protégé] hides identity and address from everyone but its key worker
and co-key-workers (and whoever holds their caseload by delegation); seeing it unmasked is an
opening of a protected file, written in the security log. The household capability grows here
(search, file tabs) with its issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.permissions import AccessContext, Actor
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import (
    Dwelling,
    Household,
    HouseholdCoWorker,
    Membership,
    OccupancyContract,
    Person,
    Stay,
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
        raise RefusedError("auth.denied", what="consulter ce dossier")
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
