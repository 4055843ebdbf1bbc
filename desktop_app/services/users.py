"""Accounts, roles and login (DOMAIN §1; CNIL 2022 and OWASP for passwords).

The first account of a database is its administrator (technical administration: users,
backups, settings; no social content), created at first start before the association, with a
one-time recovery code. Later accounts are added by an administrator with cumulative roles,
each on every programme or on one programme or residence. Failed logins slow the next attempt
(`domain.passwords.delay_after_failures`), which is what allows 50-bit passwords (CNIL case 2);
the administrator needs 80 bits. Every change and every login, failed or not, is in the
security log.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.passwords import (
    check_password,
    delay_after_failures,
    new_recovery_code,
    new_temporary_password,
)
from desktop_app.domain.permissions import ROLES, Actor, Grant, account_in_force
from desktop_app.domain.text import with_de
from desktop_app.domain.vocabulary import ROLE
from desktop_app.persistence import audit
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import Delegation, Programme, Residence, UserAccount, UserRole
from desktop_app.services.authz import audit_identity, require, service_action
from desktop_app.services.passwords import (
    hash_password,
    hash_recovery_code,
    verify_password,
    verify_recovery_code,
)

_LOGIN = re.compile(r"^[a-z0-9][a-z0-9.\-]{1,39}$")
ADMIN_ROLE = "tech_admin"
# Verified when the login is unknown, so that answering takes the same time either way.
_DUMMY_HASH = hash_password("seuil-compte-inexistant-0000")


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """A role to grant, with an optional scope named as the user types it."""

    role: str
    programme: str | None = None
    residence: str | None = None


@dataclass(frozen=True, slots=True)
class UserInfo:
    """An account as listed for the administrator (never its password)."""

    login: str
    display_name: str
    active: bool
    valid_until: date | None
    roles: tuple[str, ...]  # "coordinator", "social_worker @ IML Lyon"…


@dataclass(frozen=True, slots=True)
class NewAccount:
    """What must be shown once to the person who created the account."""

    login: str
    password: str | None  # the temporary password when Seuil chose it
    recovery_code: str | None  # for the first administrator only


def has_accounts(database: Database) -> bool:
    """True once the database has at least one account (then every session needs a login)."""
    return bool(database.run_read(lambda s: s.scalar(select(func.count(UserAccount.id)))))


# ------------------------------------------------------------------ creation


def _validate(
    session: Session,
    *,
    login: str,
    display_name: str,
    password: str | None,
    strict: bool,
    roles: Sequence[RoleSpec],
) -> tuple[list[ValidationIssue], list[tuple[str, int | None, int | None]]]:
    issues: list[ValidationIssue] = []
    if not _LOGIN.match(login):
        issues.append(ValidationIssue("login", "user.login_invalid", {"value": login}))
    elif session.scalar(select(UserAccount.id).where(UserAccount.login == login)) is not None:
        issues.append(ValidationIssue("login", "user.login_taken", {"login": login}))
    if not display_name.strip():
        issues.append(ValidationIssue("display_name", "user.name_required"))
    if password is not None:
        issues += check_password(password, login=login, names=display_name.split(), strict=strict)
    grants: list[tuple[str, int | None, int | None]] = []
    if not roles:
        issues.append(ValidationIssue("roles", "user.role_required"))
    for spec in roles:
        if spec.role not in ROLES:
            issues.append(ValidationIssue("roles", "user.role_unknown", {"value": spec.role}))
            continue
        programme_id = residence_id = None
        if spec.programme:
            programme_id = session.scalar(
                select(Programme.id).where(Programme.name == spec.programme)
            )
            if programme_id is None:
                issues.append(
                    ValidationIssue("roles", "user.scope_unknown", {"value": spec.programme})
                )
        if spec.residence:
            residence_id = session.scalar(
                select(Residence.id).where(Residence.name == spec.residence)
            )
            if residence_id is None:
                issues.append(
                    ValidationIssue("roles", "user.scope_unknown", {"value": spec.residence})
                )
        grants.append((spec.role, programme_id, residence_id))
    return issues, grants


def _insert_account(
    session: Session,
    *,
    login: str,
    display_name: str,
    password: str,
    grants: Sequence[tuple[str, int | None, int | None]],
    valid_until: date | None,
    must_change: bool,
    now: datetime,
) -> UserAccount:
    account = UserAccount(
        login=login,
        display_name=display_name.strip(),
        password_hash=hash_password(password),
        valid_until=valid_until,
        created_at=now,
        must_change_password=must_change,
    )
    session.add(account)
    session.flush()
    for role, programme_id, residence_id in grants:
        session.add(
            UserRole(
                user_id=account.id, role=role, programme_id=programme_id, residence_id=residence_id
            )
        )
    return account


def create_administrator(
    database: Database,
    *,
    login: str,
    display_name: str,
    password: str,
    now: datetime | None = None,
) -> NewAccount:
    """First start: create the administrator of a database that has no account yet.

    Returns the one-time recovery code, to be written down (``users reset-admin``).

    Raises:
        InvalidInput: login, name or password to correct (the password needs 80 bits).
        RefusedError: the database already has accounts.
    """
    moment = now or datetime.now(UTC)
    code = new_recovery_code()

    def work(session: Session) -> NewAccount:
        if session.scalar(select(func.count(UserAccount.id))):
            raise RefusedError("user.first_exists")
        issues, grants = _validate(
            session,
            login=login,
            display_name=display_name,
            password=password,
            strict=True,
            roles=(RoleSpec(ADMIN_ROLE),),
        )
        if issues:
            raise InvalidInput(issues)
        account = _insert_account(
            session,
            login=login,
            display_name=display_name,
            password=password,
            grants=grants,
            valid_until=None,
            must_change=False,
            now=moment,
        )
        account.recovery_code_hash = hash_recovery_code(code)
        audit.record(
            session,
            actor=login,
            user_id=account.id,
            action="create",
            entity="user_account",
            entity_id=account.id,
            fields=("login", "display_name", "password", "roles"),
            at=moment,
        )
        return NewAccount(login=login, password=None, recovery_code=code)

    return database.run_write(work)


@service_action("users.manage")
def add_user(
    database: Database,
    *,
    actor: Actor,
    login: str,
    display_name: str,
    roles: Sequence[RoleSpec],
    valid_until: date | None = None,
    password: str | None = None,
    now: datetime | None = None,
) -> NewAccount:
    """Add an account; without ``password`` Seuil draws a temporary one, to change at login.

    The first administrator of a database (created here by the system actor from the command
    line) also receives the recovery code.

    Raises:
        InvalidInput: a field to correct.
    """
    moment = now or datetime.now(UTC)
    chosen = password if password is not None else new_temporary_password()

    def work(session: Session) -> NewAccount:
        first = not session.scalar(select(func.count(UserAccount.id)))
        admin = any(spec.role == ADMIN_ROLE for spec in roles)
        issues, grants = _validate(
            session,
            login=login,
            display_name=display_name,
            password=chosen,
            strict=admin,
            roles=roles,
        )
        if issues:
            raise InvalidInput(issues)
        account = _insert_account(
            session,
            login=login,
            display_name=display_name,
            password=chosen,
            grants=grants,
            valid_until=valid_until,
            must_change=password is None,
            now=moment,
        )
        code = None
        if first and admin:
            code = new_recovery_code()
            account.recovery_code_hash = hash_recovery_code(code)
        name, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action="create",
            entity="user_account",
            entity_id=account.id,
            fields=("login", "display_name", "password", "roles"),
            at=moment,
        )
        return NewAccount(login=login, password=None if password else chosen, recovery_code=code)

    return database.run_write(work)


# ------------------------------------------------------------------ administration


def _roles_text(session: Session, user_id: int) -> tuple[str, ...]:
    rows = session.execute(
        select(UserRole.role, Programme.name, Residence.name)
        .outerjoin(Programme, Programme.id == UserRole.programme_id)
        .outerjoin(Residence, Residence.id == UserRole.residence_id)
        .where(UserRole.user_id == user_id)
        .order_by(UserRole.id)
    )
    return tuple(
        ROLE.label(role)
        if not (programme or residence)
        else f"{ROLE.label(role)} ({programme or residence})"
        for role, programme, residence in rows
    )


@service_action("users.manage")
def list_users(database: Database, *, actor: Actor) -> list[UserInfo]:
    """Every account, by login."""

    def read(session: Session) -> list[UserInfo]:
        accounts = session.scalars(select(UserAccount).order_by(UserAccount.login)).all()
        return [
            UserInfo(
                login=account.login,
                display_name=account.display_name,
                active=account.active,
                valid_until=account.valid_until,
                roles=_roles_text(session, account.id),
            )
            for account in accounts
        ]

    return database.run_read(read)


def _account(session: Session, login: str) -> UserAccount:
    account = session.scalars(select(UserAccount).where(UserAccount.login == login)).first()
    if account is None:
        raise RefusedError("user.unknown", login=login)
    return account


def _active_admins(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count(func.distinct(UserAccount.id)))
            .join(UserRole, UserRole.user_id == UserAccount.id)
            .where(UserRole.role == ADMIN_ROLE, UserAccount.active.is_(True))
        )
        or 0
    )


@service_action("users.manage")
def disable_user(
    database: Database, *, actor: Actor, login: str, now: datetime | None = None
) -> None:
    """Disable an account (it stays in the history; it can no longer log in).

    Raises:
        RefusedError: unknown login, or the last active administrator.
    """

    def work(session: Session) -> None:
        account = _account(session, login)
        roles = {
            role
            for role in session.scalars(select(UserRole.role).where(UserRole.user_id == account.id))
        }
        if account.active and ADMIN_ROLE in roles and _active_admins(session) <= 1:
            raise RefusedError("user.last_admin", login=login)
        account.active = False
        name, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action="update",
            entity="user_account",
            entity_id=account.id,
            fields=("active",),
            at=now,
        )

    database.run_write(work)


def reset_admin(
    database: Database, *, recovery_code: str, now: datetime | None = None
) -> NewAccount:
    """Give the administrator a new temporary password, on the recovery code printed at creation.

    Not an action of a logged-in person: the code is the proof. A new recovery code replaces
    the used one.

    Raises:
        RefusedError: the code matches no administrator.
    """
    password = new_temporary_password()
    code = new_recovery_code()

    def work(session: Session) -> NewAccount:
        candidates = session.scalars(
            select(UserAccount).where(UserAccount.recovery_code_hash.is_not(None))
        ).all()
        for account in candidates:
            assert account.recovery_code_hash is not None
            if verify_recovery_code(account.recovery_code_hash, recovery_code):
                account.password_hash = hash_password(password)
                account.recovery_code_hash = hash_recovery_code(code)
                account.must_change_password = True
                account.active = True
                account.failed_logins = 0
                audit.record(
                    session,
                    actor="récupération",
                    user_id=account.id,
                    action="update",
                    entity="user_account",
                    entity_id=account.id,
                    fields=("password", "recovery_code"),
                    at=now,
                )
                return NewAccount(login=account.login, password=password, recovery_code=code)
        raise RefusedError("auth.recovery_invalid")

    return database.run_write(work)


@service_action("session.basic")
def change_password(
    database: Database, *, actor: Actor, new_password: str, now: datetime | None = None
) -> None:
    """The logged-in person chooses a new password (required after a temporary one)."""

    def work(session: Session) -> None:
        if actor.user_id is None:
            raise RefusedError("auth.disabled")
        account = session.get(UserAccount, actor.user_id)
        if account is None:
            raise RefusedError("auth.disabled")
        strict = ADMIN_ROLE in actor.roles
        issues = check_password(
            new_password, login=account.login, names=account.display_name.split(), strict=strict
        )
        if issues:
            raise InvalidInput(issues)
        account.password_hash = hash_password(new_password)
        account.must_change_password = False
        audit.record(
            session,
            actor=account.login,
            user_id=account.id,
            action="update",
            entity="user_account",
            entity_id=account.id,
            fields=("password",),
            at=now,
        )

    database.run_write(work)


# ------------------------------------------------------------------ login


@dataclass(frozen=True, slots=True)
class LoginSession:
    """A successful login."""

    actor: Actor
    display_name: str
    must_change_password: bool


def actor_for(session: Session, account: UserAccount, on: date) -> Actor:
    """The actor of an account on a day: its grants and the caseloads delegated to it."""
    grants = tuple(
        Grant(role, programme_id, residence_id)
        for role, programme_id, residence_id in session.execute(
            select(UserRole.role, UserRole.programme_id, UserRole.residence_id)
            .where(UserRole.user_id == account.id)
            .order_by(UserRole.id)
        )
    )
    delegated = frozenset(
        session.scalars(
            select(Delegation.from_user_id).where(
                Delegation.to_user_id == account.id,
                Delegation.start_date <= on,
                Delegation.end_date >= on,
            )
        )
    )
    return Actor(user_id=account.id, login=account.login, grants=grants, delegated_from=delegated)


def authenticate(
    database: Database, *, login: str, password: str, now: datetime | None = None
) -> LoginSession:
    """Check a login; every attempt is in the security log.

    Raises:
        RefusedError: wrong login or password (one message for both), a delay still running
            after repeated failures, or a disabled or expired account.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)

    def work(session: Session) -> LoginSession | RefusedError:
        account = session.scalars(select(UserAccount).where(UserAccount.login == login)).first()
        if account is None:
            verify_password(_DUMMY_HASH, password)
            audit.record(session, actor="inconnu", user_id=None, action="login_failed", at=moment)
            return RefusedError("auth.failed")
        if account.last_failed_at is not None and account.failed_logins:
            last = account.last_failed_at
            last = last if last.tzinfo else last.replace(tzinfo=UTC)
            ready = last + timedelta(seconds=delay_after_failures(account.failed_logins))
            if moment < ready:
                seconds = int((ready - moment).total_seconds()) + 1
                return RefusedError("auth.wait", seconds=seconds)
        if not verify_password(account.password_hash or _DUMMY_HASH, password):
            account.failed_logins += 1
            account.last_failed_at = moment
            audit.record(
                session, actor=account.login, user_id=account.id, action="login_failed", at=moment
            )
            return RefusedError("auth.failed")
        if not account.active or not account_in_force(account.valid_until, moment.date()):
            audit.record(
                session, actor=account.login, user_id=account.id, action="login_failed", at=moment
            )
            return RefusedError("auth.disabled")
        account.failed_logins = 0
        account.last_failed_at = None
        audit.record(session, actor=account.login, user_id=account.id, action="login", at=moment)
        return LoginSession(
            actor=actor_for(session, account, moment.date()),
            display_name=account.display_name,
            must_change_password=account.must_change_password,
        )

    # The failure is returned, not raised, so that its audit event and counter are committed.
    outcome = database.run_write(work)
    if isinstance(outcome, RefusedError):
        raise outcome
    return outcome


@service_action("users.manage")
def scope_choices(database: Database, *, actor: Actor) -> tuple[list[str], list[str]]:
    """The programmes and residences a role may be limited to, by name."""

    def read(session: Session) -> tuple[list[str], list[str]]:
        programmes = list(session.scalars(select(Programme.name).order_by(Programme.name)))
        residences = list(session.scalars(select(Residence.name).order_by(Residence.name)))
        return programmes, residences

    return database.run_read(read)


@service_action("session.basic")
def delegate_caseload(
    database: Database,
    *,
    actor: Actor,
    to_login: str,
    start: date,
    end: date,
    from_login: str | None = None,
) -> None:
    """Lend a caseload to a colleague for a dated period (leave, absence).

    A person lends their own caseload; an administrator may record it for someone else.

    Raises:
        InvalidInput: dates in the wrong order, or lending to oneself.
        RefusedError: unknown or disabled colleague, or someone else's caseload without the
            right to manage accounts.
    """
    if end < start:
        raise InvalidInput([ValidationIssue("end", "delegation.dates")])

    def work(session: Session) -> None:
        if from_login is None:
            if actor.user_id is None:
                raise RefusedError("auth.denied", what=with_de("prêter un portefeuille"))
            owner_id = actor.user_id
        else:
            require(actor, "users.manage")
            owner_id = _account(session, from_login).id
        colleague = _account(session, to_login)
        if not colleague.active:
            raise RefusedError("auth.disabled")
        if colleague.id == owner_id:
            raise InvalidInput([ValidationIssue("to", "delegation.self")])
        delegation = Delegation(
            from_user_id=owner_id, to_user_id=colleague.id, start_date=start, end_date=end
        )
        session.add(delegation)
        session.flush()
        name, user_id = audit_identity(actor)
        audit.record(
            session,
            actor=name,
            user_id=user_id,
            action="create",
            entity="delegation",
            entity_id=delegation.id,
            fields=("from_user_id", "to_user_id", "start_date", "end_date"),
        )

    database.run_write(work)
