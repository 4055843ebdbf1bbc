"""Who may do what: the role × action table of DOMAIN §1, kept as data.

Each cell is a rule: ``all`` (within the role's scope), ``caseload`` (households of which the
user is key worker or co-key-worker, or holds by delegation), ``residents`` (residents of the
user's residences), ``justified`` (allowed with a typed reason, logged and shown to the key
worker), or ``param:KEY`` (``residents`` when the parameter is true). A missing cell denies.
Roles are cumulative: the most generous applicable grant wins. The built-in system actor
(command line on a database without accounts) may do everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final

ALL, CASELOAD, RESIDENTS, JUSTIFIED = "all", "caseload", "residents", "justified"

# action → French label (for refusals and the rights screen)
ACTIONS: Final[Mapping[str, str]] = {
    "session.basic": "utiliser Seuil (association, paramètres en lecture)",
    "household.read": "voir l'identité et les coordonnées des ménages",
    "household.edit": "créer et modifier les ménages, personnes et séjours",
    "household.edit_identity": "modifier l'identité et les coordonnées des ménages",
    "contract.edit": "créer et modifier les contrats",
    "support.read": "voir les contacts et mesures d'accompagnement",
    "support.write": "enregistrer contacts et mesures d'accompagnement",
    "notes.shared.read": "lire les notes partagées",
    "notes.confidential.read": "lire les notes confidentielles et de santé",
    "notes.confidential.write": "écrire des notes confidentielles et de santé",
    "housing.read": "voir le parc de logements",
    "housing.edit": "gérer le parc de logements",
    "admissions.read": "voir les admissions et relogements",
    "admissions.edit": "gérer les admissions et relogements",
    "candidatures.edit": "enregistrer les candidatures",
    "collective.read": "voir la vie collective et le cahier de liaison",
    "collective.edit": "gérer la vie collective et le cahier de liaison",
    "collective.attendance": "pointer les présences aux activités",
    "activities.first_names": "voir les prénoms des participants aux activités",
    "liaison.purge": "appliquer la durée de conservation du cahier de liaison",
    "import.run": "importer des classeurs",
    "month.close": "clôturer un mois",
    "audit.read": "lire la traçabilité",
    "ledger.post": "passer des écritures, quittances et bordereaux CAF",
    "ledger.read_status": "voir la situation de paiement",
    "ledger.read_amounts": "voir les montants du compte",
    "returns.run": "produire les bilans",
    "returns.freeze": "figer les bilans",
    "exports.nominative": "faire des exports nominatifs et répondre au droit d'accès",
    "users.manage": "gérer les comptes utilisateurs",
    "backups.run": "gérer les sauvegardes",
    "settings.edit": "modifier les paramètres",
    "archives.read": "consulter les archives",
    "todo.edit": "noter et cocher des choses à faire",
}

_EVERY_ROLE = (
    "social_worker",
    "host",
    "rental_manager",
    "coordinator",
    "director",
    "tech_admin",
    "secretary",
    "intern",
    "volunteer",
)

TABLE: Final[Mapping[str, Mapping[str, str]]] = {
    "social_worker": {
        "session.basic": ALL,
        "household.read": ALL,
        "household.edit": CASELOAD,
        "household.edit_identity": CASELOAD,
        "contract.edit": CASELOAD,
        "support.read": CASELOAD,
        "support.write": CASELOAD,
        "notes.shared.read": CASELOAD,
        "notes.confidential.read": CASELOAD,
        "notes.confidential.write": CASELOAD,
        "housing.read": ALL,
        "admissions.read": ALL,
        "admissions.edit": ALL,
        "candidatures.edit": ALL,
        "collective.read": ALL,
        "ledger.read_status": ALL,
        "returns.run": ALL,
        "todo.edit": ALL,
    },
    "host": {
        "session.basic": ALL,
        "household.read": RESIDENTS,
        "household.edit": RESIDENTS,
        "household.edit_identity": RESIDENTS,
        "contract.edit": RESIDENTS,
        "support.read": RESIDENTS,
        "support.write": RESIDENTS,
        "notes.shared.read": RESIDENTS,
        "notes.confidential.read": CASELOAD,
        "notes.confidential.write": CASELOAD,
        "housing.read": RESIDENTS,
        "admissions.read": RESIDENTS,
        "admissions.edit": RESIDENTS,
        "candidatures.edit": RESIDENTS,
        "collective.read": RESIDENTS,
        "collective.edit": RESIDENTS,
        "collective.attendance": RESIDENTS,
        "activities.first_names": RESIDENTS,
        "liaison.purge": RESIDENTS,
        "ledger.read_status": RESIDENTS,
        "ledger.read_amounts": "param:host.sees_arrears_amounts",
        "returns.run": RESIDENTS,
        "todo.edit": ALL,
    },
    "rental_manager": {
        "session.basic": ALL,
        "household.read": ALL,
        "contract.edit": ALL,
        "notes.shared.read": ALL,
        "housing.read": ALL,
        "housing.edit": ALL,
        "admissions.read": ALL,
        "import.run": ALL,
        "month.close": ALL,
        "ledger.post": ALL,
        "ledger.read_status": ALL,
        "ledger.read_amounts": ALL,
        "returns.run": ALL,
        "todo.edit": ALL,
    },
    "coordinator": {
        "session.basic": ALL,
        "household.read": ALL,
        "household.edit": ALL,
        "household.edit_identity": ALL,
        "contract.edit": ALL,
        "support.read": ALL,
        "support.write": ALL,
        "notes.shared.read": ALL,
        "notes.confidential.read": JUSTIFIED,
        "housing.read": ALL,
        "housing.edit": ALL,
        "admissions.read": ALL,
        "admissions.edit": ALL,
        "candidatures.edit": ALL,
        "collective.read": ALL,
        "liaison.purge": ALL,
        "import.run": ALL,
        "month.close": ALL,
        "ledger.read_status": ALL,
        "ledger.read_amounts": ALL,
        "returns.run": ALL,
        "returns.freeze": ALL,
        "exports.nominative": ALL,
        "settings.edit": ALL,
        "todo.edit": ALL,
    },
    "director": {
        "session.basic": ALL,
        "household.read": ALL,
        "household.edit": ALL,
        "household.edit_identity": ALL,
        "contract.edit": ALL,
        "support.read": ALL,
        "support.write": ALL,
        "notes.shared.read": ALL,
        "notes.confidential.read": JUSTIFIED,
        "housing.read": ALL,
        "housing.edit": ALL,
        "admissions.read": ALL,
        "admissions.edit": ALL,
        "candidatures.edit": ALL,
        "collective.read": ALL,
        "liaison.purge": ALL,
        "import.run": ALL,
        "month.close": ALL,
        "audit.read": ALL,
        "ledger.read_status": ALL,
        "ledger.read_amounts": ALL,
        "returns.run": ALL,
        "returns.freeze": ALL,
        "exports.nominative": ALL,
        "settings.edit": ALL,
        "archives.read": JUSTIFIED,
        "todo.edit": ALL,
    },
    "tech_admin": {
        "session.basic": ALL,
        "audit.read": ALL,
        "users.manage": ALL,
        "backups.run": ALL,
        "settings.edit": ALL,
        "liaison.purge": ALL,
    },
    "secretary": {
        "session.basic": ALL,
        "household.read": ALL,
        "household.edit_identity": ALL,
        "housing.read": ALL,
        "admissions.read": ALL,
        "candidatures.edit": ALL,
        "todo.edit": ALL,
    },
    "intern": {
        "session.basic": ALL,
        "household.read": ALL,
        "support.read": CASELOAD,
        "notes.shared.read": CASELOAD,
    },
    "volunteer": {
        "session.basic": ALL,
        "collective.attendance": ALL,
        "activities.first_names": ALL,
    },
}
ROLES: Final = _EVERY_ROLE


@dataclass(frozen=True, slots=True)
class Grant:
    """A role held on every programme (both ids None), one programme or one residence."""

    role: str
    programme_id: int | None = None
    residence_id: int | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a user with cumulative grants, or the built-in system actor."""

    user_id: int | None
    login: str
    grants: tuple[Grant, ...] = ()
    # Caseloads lent to this user by delegation, in force today.
    delegated_from: frozenset[int] = frozenset()
    system: bool = False

    @property
    def roles(self) -> frozenset[str]:
        """The roles held, whatever their scope."""
        return frozenset(grant.role for grant in self.grants)


SYSTEM_ACTOR: Final = Actor(user_id=None, login="système", system=True)


@dataclass(frozen=True, slots=True)
class AccessContext:
    """What the decision needs to know about the object acted upon.

    Empty programme and residence sets mean an association-wide object (settings, users).
    """

    programme_ids: frozenset[int] = frozenset()
    residence_ids: frozenset[int] = frozenset()
    caseload: bool = False  # the actor is key worker, co-key-worker or delegate of the household
    resident: bool = False  # the household lives in one of the actor's residences
    parameters: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Decision:
    """Allowed or not; ``needs_reason`` for a justified access."""

    allowed: bool
    needs_reason: bool = False


DENY: Final = Decision(False)
ALLOW: Final = Decision(True)
ALLOW_WITH_REASON: Final = Decision(True, needs_reason=True)


def _grant_applies(grant: Grant, context: AccessContext) -> bool:
    if grant.programme_id is None and grant.residence_id is None:
        return True
    if not context.programme_ids and not context.residence_ids:
        return True  # association-wide object
    return (grant.programme_id is not None and grant.programme_id in context.programme_ids) or (
        grant.residence_id is not None and grant.residence_id in context.residence_ids
    )


def _rule_allows(rule: str, context: AccessContext) -> Decision:
    if rule == ALL:
        return ALLOW
    if rule == CASELOAD:
        return ALLOW if context.caseload else DENY
    if rule == RESIDENTS:
        return ALLOW if context.resident else DENY
    if rule == JUSTIFIED:
        return ALLOW if context.caseload else ALLOW_WITH_REASON
    if rule.startswith("param:"):
        enabled = context.parameters.get(rule.removeprefix("param:")) is True
        return ALLOW if enabled and context.resident else DENY
    raise ValueError(f"unknown rule {rule!r}")


def decide(actor: Actor, action: str, context: AccessContext | None = None) -> Decision:
    """The decision for ``actor`` doing ``action`` on the object described by ``context``."""
    if action not in ACTIONS:
        raise KeyError(action)
    if actor.system:
        return ALLOW
    context = context or AccessContext()
    best = DENY
    for grant in actor.grants:
        rule = TABLE.get(grant.role, {}).get(action)
        if rule is None or not _grant_applies(grant, context):
            continue
        decision = _rule_allows(rule, context)
        if decision == ALLOW:
            return ALLOW
        if decision.allowed:
            best = decision
    return best


def may_ever(actor: Actor, action: str) -> bool:
    """True when some object exists on which ``actor`` may do ``action`` (menus, buttons)."""
    if action not in ACTIONS:
        raise KeyError(action)
    return actor.system or any(action in TABLE.get(grant.role, {}) for grant in actor.grants)


def account_in_force(valid_until: date | None, on: date) -> bool:
    """An account with an end date (an intern) works until that day included."""
    return valid_until is None or on <= valid_until
