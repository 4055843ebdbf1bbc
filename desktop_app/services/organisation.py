"""The association itself: created once, shown everywhere."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.identifiers import clean_digits, siret_valid
from desktop_app.domain.permissions import Actor
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import Organisation
from desktop_app.services.authz import audit_identity, service_action
from desktop_app.services.dto import OrganisationInfo

_NAME_MAX = 200
_POSTCODE_LENGTH = 5


def validate_association(
    *, name: str, siret: str = "", postcode: str = ""
) -> list[ValidationIssue]:
    """Every problem of the association's identity, field by field (nothing raised)."""
    issues: list[ValidationIssue] = []
    if not name.strip():
        issues.append(ValidationIssue("name", "org.name_required"))
    elif len(name.strip()) > _NAME_MAX:
        issues.append(ValidationIssue("name", "org.name_too_long"))
    if siret.strip() and not siret_valid(siret):
        issues.append(ValidationIssue("siret", "org.siret_invalid", {"value": siret.strip()}))
    code = postcode.strip()
    if code and (len(code) != _POSTCODE_LENGTH or not code.isdigit()):
        issues.append(ValidationIssue("postcode", "org.postcode_invalid", {"value": code}))
    return issues


@service_action("settings.edit")
def create_association(
    database: Database,
    *,
    actor: Actor,
    name: str,
    siret: str = "",
    address: str = "",
    postcode: str = "",
    commune: str = "",
) -> OrganisationInfo:
    """Record the association in a new database.

    Raises:
        InvalidInput: a field to correct (nothing written).
        RefusedError: the database already has its association.
    """
    issues = validate_association(name=name, siret=siret, postcode=postcode)
    if issues:
        raise InvalidInput(issues)

    def work(session: Session) -> OrganisationInfo:
        existing = session.scalars(select(Organisation).limit(1)).first()
        if existing is not None:
            raise RefusedError("org.already_exists", name=existing.name)
        organisation = Organisation(
            name=name.strip(),
            siret=clean_digits(siret) or None,
            address=address.strip() or None,
            postcode=postcode.strip() or None,
            commune=commune.strip() or None,
        )
        session.add(organisation)
        session.flush()
        login, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=login,
            user_id=user_id,
            action="create",
            entity="organisation",
            entity_id=organisation.id,
            fields=("name", "siret", "address", "postcode", "commune"),
        )
        return _info(organisation)

    return database.run_write(work)


@service_action("session.basic")
def get_association(database: Database, *, actor: Actor) -> OrganisationInfo | None:
    """The association of this database, if it was created."""

    def read(session: Session) -> OrganisationInfo | None:
        organisation = session.scalars(
            select(Organisation).order_by(Organisation.id).limit(1)
        ).first()
        return None if organisation is None else _info(organisation)

    return database.run_read(read)


def _info(organisation: Organisation) -> OrganisationInfo:
    return OrganisationInfo(
        name=organisation.name,
        siret=organisation.siret,
        commune=organisation.commune,
    )
