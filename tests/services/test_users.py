"""Accounts, login, recovery: the service layer, on real databases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence.models import AuditEvent, Delegation, Programme
from desktop_app.services.system import open_workspace
from desktop_app.services.users import (
    RoleSpec,
    add_user,
    authenticate,
    change_password,
    create_administrator,
    delegate_caseload,
    disable_user,
    has_accounts,
    list_users,
    reset_admin,
)

pytestmark = pytest.mark.db
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
ADMIN_PASSWORD = "lanterne-bateau-ortie-fenouil"


@pytest.fixture
def database(database_target: DatabaseTarget):
    workspace = open_workspace(database_target)
    yield workspace.database
    workspace.close()


@pytest.fixture
def admin(database):
    account = create_administrator(
        database, login="admin", display_name="Awa Traoré", password=ADMIN_PASSWORD, now=NOW
    )
    return account, authenticate(database, login="admin", password=ADMIN_PASSWORD, now=NOW).actor


def events(database):
    return database.run_read(
        lambda s: [
            (e.action, e.actor) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]
    )


def test_first_start_creates_the_administrator_with_a_recovery_code(database, admin) -> None:
    account, actor = admin
    assert has_accounts(database)
    assert account.recovery_code is not None
    assert len(account.recovery_code) == 24
    assert actor.roles == {"tech_admin"}
    with pytest.raises(RefusedError, match="déjà un administrateur"):
        create_administrator(database, login="other", display_name="X", password=ADMIN_PASSWORD)


def test_administrator_password_needs_80_bits(database) -> None:
    with pytest.raises(InvalidInput) as refused:
        create_administrator(database, login="admin", display_name="Awa", password="Soleil-2026")
    assert {issue.code for issue in refused.value.issues} >= {"password.too_short"}
    assert not has_accounts(database)


def test_add_list_disable(database, admin) -> None:
    _, actor = admin
    database.run_write(lambda s: s.add(Programme(name="IML Lyon", kind="iml_sublease")))
    created = add_user(
        database,
        actor=actor,
        login="claire",
        display_name="Claire Martin",
        roles=[RoleSpec("social_worker", programme="IML Lyon"), RoleSpec("host")],
        valid_until=date(2027, 6, 30),
        now=NOW,
    )
    assert created.password is not None
    assert created.recovery_code is None
    users = {u.login: u for u in list_users(database, actor=actor)}
    assert users["claire"].roles == ("Travailleur social (IML Lyon)", "Hôte")
    session = authenticate(database, login="claire", password=created.password, now=NOW)
    assert session.must_change_password
    assert session.actor.grants[0] == Grant("social_worker", programme_id=1)
    change_password(database, actor=session.actor, new_password="vélo rouge sous la pluie", now=NOW)
    disable_user(database, actor=actor, login="claire", now=NOW)
    with pytest.raises(RefusedError, match="désactivé"):
        authenticate(database, login="claire", password="vélo rouge sous la pluie", now=NOW)
    assert not {u.login: u for u in list_users(database, actor=actor)}["claire"].active


def test_field_errors_are_all_reported(database, admin) -> None:
    _, actor = admin
    with pytest.raises(InvalidInput) as refused:
        add_user(
            database,
            actor=actor,
            login="Élodie!",
            display_name=" ",
            roles=[RoleSpec("wizard"), RoleSpec("host", residence="Nowhere")],
            password="abc",
        )
    codes = [issue.code for issue in refused.value.issues]
    assert codes[:2] == ["user.login_invalid", "user.name_required"]
    assert "password.too_short" in codes
    assert "user.role_unknown" in codes
    assert "user.scope_unknown" in codes


def test_only_an_administrator_manages_users(database, admin) -> None:
    _, actor = admin
    created = add_user(
        database,
        actor=actor,
        login="marc",
        display_name="Marc",
        roles=[RoleSpec("coordinator")],
        now=NOW,
    )
    assert created.password is not None
    coordinator = authenticate(database, login="marc", password=created.password, now=NOW).actor
    with pytest.raises(RefusedError, match="gérer les comptes"):
        list_users(database, actor=coordinator)


def test_last_administrator_cannot_be_disabled(database, admin) -> None:
    _, actor = admin
    with pytest.raises(RefusedError, match="dernier administrateur"):
        disable_user(database, actor=actor, login="admin")


def test_failed_logins_slow_down_and_are_logged(database, admin) -> None:
    for attempt in range(3):
        with pytest.raises(RefusedError, match="incorrect"):
            authenticate(
                database, login="admin", password="wrong", now=NOW + timedelta(seconds=attempt)
            )
    with pytest.raises(RefusedError, match="incorrect"):
        authenticate(database, login="admin", password="wrong", now=NOW + timedelta(seconds=3))
    # 4 failures: 2 s to wait, even with the right password
    with pytest.raises(RefusedError, match="réessayez dans 2 secondes"):
        authenticate(
            database, login="admin", password=ADMIN_PASSWORD, now=NOW + timedelta(seconds=4)
        )
    assert (
        authenticate(
            database, login="admin", password=ADMIN_PASSWORD, now=NOW + timedelta(seconds=6)
        ).actor.login
        == "admin"
    )
    with pytest.raises(RefusedError, match="incorrect"):
        authenticate(database, login="nobody", password="x", now=NOW)
    log = events(database)
    assert log.count(("login_failed", "admin")) == 4
    assert ("login_failed", "inconnu") in log
    assert log.count(("login", "admin")) == 2
    assert database.run_read(audit.verify).ok


def test_recovery_code_resets_the_administrator(database, admin) -> None:
    account, _ = admin
    with pytest.raises(RefusedError, match="code de récupération"):
        reset_admin(database, recovery_code="AAAA-BBBB-CCCC-DDDD-EEEE")
    assert account.recovery_code is not None
    reset = reset_admin(database, recovery_code=account.recovery_code.lower().replace("-", " "))
    assert reset.login == "admin"
    assert reset.password is not None
    assert reset.recovery_code != account.recovery_code
    assert authenticate(database, login="admin", password=reset.password).must_change_password
    with pytest.raises(RefusedError):
        reset_admin(database, recovery_code=account.recovery_code)  # a code serves once


def test_system_actor_adds_the_first_administrator_from_the_command_line(database) -> None:
    created = add_user(
        database,
        actor=SYSTEM_ACTOR,
        login="admin",
        display_name="Awa",
        roles=[RoleSpec("tech_admin")],
        now=NOW,
    )
    assert created.recovery_code is not None
    assert created.password is not None
    assert ("create", "système") in events(database)


def test_delegated_caseload_in_force_on_the_day(database, admin) -> None:
    _, actor = admin
    a = add_user(
        database,
        actor=actor,
        login="anna",
        display_name="Anna",
        roles=[RoleSpec("social_worker")],
        now=NOW,
    )
    b = add_user(
        database,
        actor=actor,
        login="bruno",
        display_name="Bruno",
        roles=[RoleSpec("social_worker")],
        now=NOW,
    )
    database.run_write(
        lambda s: s.add(
            Delegation(
                from_user_id=2,
                to_user_id=3,
                start_date=date(2026, 12, 1),
                end_date=date(2026, 12, 24),
            )
        )
    )
    assert a.password
    assert b.password
    before = authenticate(database, login="bruno", password=b.password, now=NOW).actor
    during = authenticate(
        database, login="bruno", password=b.password, now=datetime(2026, 12, 10, tzinfo=UTC)
    ).actor
    assert before.delegated_from == frozenset()
    assert during.delegated_from == frozenset({2})


def test_delegate_caseload_service(database, admin) -> None:
    _, actor = admin
    anna = add_user(
        database,
        actor=actor,
        login="anna",
        display_name="Anna",
        roles=[RoleSpec("social_worker")],
        now=NOW,
    )
    add_user(
        database,
        actor=actor,
        login="bruno",
        display_name="Bruno",
        roles=[RoleSpec("social_worker")],
        now=NOW,
    )
    assert anna.password is not None
    anna_actor = authenticate(database, login="anna", password=anna.password, now=NOW).actor
    with pytest.raises(InvalidInput):
        delegate_caseload(
            database,
            actor=anna_actor,
            to_login="bruno",
            start=date(2026, 12, 24),
            end=date(2026, 12, 1),
        )
    with pytest.raises(InvalidInput):
        delegate_caseload(
            database,
            actor=anna_actor,
            to_login="anna",
            start=date(2026, 12, 1),
            end=date(2026, 12, 24),
        )
    with pytest.raises(RefusedError, match="gérer les comptes"):
        delegate_caseload(
            database,
            actor=anna_actor,
            to_login="anna",
            from_login="bruno",
            start=date(2026, 12, 1),
            end=date(2026, 12, 24),
        )
    delegate_caseload(
        database,
        actor=anna_actor,
        to_login="bruno",
        start=date(2026, 12, 1),
        end=date(2026, 12, 24),
    )
    delegate_caseload(
        database,
        actor=actor,
        from_login="bruno",
        to_login="anna",
        start=date(2027, 1, 1),
        end=date(2027, 1, 31),
    )
    rows = database.run_read(
        lambda s: [(d.from_user_id, d.to_user_id) for d in s.scalars(select(Delegation))]
    )
    assert rows == [(2, 3), (3, 2)]
