"""Every service action declares its permission; the declaration is enforced."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import desktop_app.services as services_package
from desktop_app.domain.errors import RefusedError
from desktop_app.domain.permissions import ACTIONS, ROLES, SYSTEM_ACTOR, Actor, Grant, may_ever
from desktop_app.paths import DatabaseTarget
from desktop_app.services.authz import ACTION_ATTRIBUTE, service_action
from desktop_app.services.organisation import create_association, get_association
from desktop_app.services.system import open_workspace

# Public functions taking a database that are not actions of a person, with the reason.
NOT_ACTIONS = {
    "desktop_app.services.demo.build_demo": "fills a new demonstration database for the system",
    "desktop_app.services.demo.is_demo": "tells the GUI to show the demonstration banner",
    "desktop_app.services.demo.demo_actor": "opens a demonstration as its coordinator",
    "desktop_app.services.demo_life.grow_demo": "gives the new demonstration its life",
    "desktop_app.services.users.has_accounts": "asked before anyone logs in",
    "desktop_app.services.users.create_administrator": "first start: there is nobody yet",
    "desktop_app.services.users.authenticate": "the login itself",
    "desktop_app.services.users.reset_admin": "the recovery code is the proof",
}


def service_functions():
    for module_info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"desktop_app.services.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            yield f"{module.__name__}.{name}", function


def test_every_service_action_declares_its_permission() -> None:
    missing = []
    for qualified, function in service_functions():
        parameters = inspect.signature(function).parameters
        if "database" not in parameters or qualified in NOT_ACTIONS:
            continue
        action = getattr(function, ACTION_ATTRIBUTE, None)
        if action is None or "actor" not in parameters:
            missing.append(qualified)
        else:
            assert action in ACTIONS
    assert missing == [], f"service actions without a declared permission: {missing}"


def test_the_check_catches_an_undeclared_action() -> None:
    def sneaky(database, *, actor):  # what a forgotten decorator looks like
        return None

    assert getattr(sneaky, ACTION_ATTRIBUTE, None) is None
    declared = service_action("settings.edit")(sneaky)
    assert getattr(declared, ACTION_ATTRIBUTE) == "settings.edit"


@pytest.mark.db
@pytest.mark.parametrize("role", ROLES)
def test_declared_actions_enforced_per_role(database_target: DatabaseTarget, role: str) -> None:
    workspace = open_workspace(database_target)
    actor = Actor(user_id=None, login=role, grants=(Grant(role),))
    try:
        if may_ever(actor, "settings.edit"):
            create_association(workspace.database, actor=actor, name=f"Asso {role}")
            assert get_association(workspace.database, actor=actor) is not None
        else:
            with pytest.raises(RefusedError, match="Vos droits ne permettent pas de modifier"):
                create_association(workspace.database, actor=actor, name="Asso")
            assert get_association(workspace.database, actor=SYSTEM_ACTOR) is None
    finally:
        workspace.close()


def test_an_action_needs_its_actor(tmp_path) -> None:
    with pytest.raises(TypeError, match="needs actor"):
        get_association(None)  # type: ignore[call-arg, arg-type]


def registered_actions():
    for _qualified, function in service_functions():
        action = getattr(function, ACTION_ATTRIBUTE, None)
        if action is not None:
            yield function, action


@pytest.mark.parametrize("role", ROLES)
def test_every_service_action_against_the_table(role: str) -> None:
    """Each declared service action × each role: the gate opens exactly as DOMAIN §1 says."""
    from tests.domain.test_permissions import EXPECTED, ROLE_ORDER

    column = ROLE_ORDER.index(role)
    actor = Actor(user_id=None, login=role, grants=(Grant(role),))
    checked = 0
    for function, action in registered_actions():
        allowed = EXPECTED[action].split()[column] != "."
        try:
            function(None, actor=actor)
        except RefusedError:
            passed_the_gate = False
        except Exception:  # anything else happened after the gate
            passed_the_gate = True
        else:
            passed_the_gate = True
        assert passed_the_gate is allowed, f"{function.__qualname__} ({action}) for {role}"
        checked += 1
    assert checked >= 10
