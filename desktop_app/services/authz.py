"""Permission decisions, declared on every service action.

``@service_action("settings.edit")`` on a service function declares the action it performs:
the call must name its ``actor`` (keyword), and an actor whose roles never allow the action is
refused before anything is read. Decisions that depend on the object (a household of the
actor's caseload, a resident of the actor's house) are taken inside the service with
`require`, once the object is known. The registry lets a test check that every public service
function declared its action.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Final, TypeVar, cast

from sqlalchemy.orm import Session

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.permissions import (
    ACTIONS,
    AccessContext,
    Actor,
    Decision,
    decide,
    may_ever,
)
from desktop_app.domain.text import with_de
from desktop_app.persistence import audit

F = TypeVar("F", bound=Callable[..., Any])
ACTION_ATTRIBUTE: Final = "__seuil_action__"
REGISTRY: dict[str, str] = {}


def service_action(action: str) -> Callable[[F], F]:
    """Declare the permission a service function needs (see module docstring)."""
    if action not in ACTIONS:
        raise KeyError(action)

    def wrap(function: F) -> F:
        @functools.wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            actor = kwargs.get("actor")
            if not isinstance(actor, Actor):
                raise TypeError(f"{function.__qualname__} needs actor=… (an Actor)")
            if not may_ever(actor, action):
                raise RefusedError("auth.denied", what=with_de(ACTIONS[action]))
            return function(*args, **kwargs)

        setattr(guarded, ACTION_ATTRIBUTE, action)
        REGISTRY[f"{function.__module__}.{function.__qualname__}"] = action
        return cast(F, guarded)

    return wrap


def require(actor: Actor, action: str, context: AccessContext | None = None) -> Decision:
    """Refuse (French message) unless ``actor`` may do ``action`` on this object.

    Returns the decision so a justified access can ask for, and log, its reason.
    """
    decision = decide(actor, action, context)
    if not decision.allowed:
        raise RefusedError("auth.denied", what=with_de(ACTIONS[action]))
    return decision


def audit_identity(actor: Actor) -> tuple[str, int | None]:
    """The (actor name, user id) written in the security log."""
    return actor.login, actor.user_id


def record_event(
    session: Session,
    actor: Actor,
    *,
    action: str,
    entity: str,
    entity_id: int,
    household_id: int | None,
    fields: Sequence[str],
    at: datetime | None = None,
    count: int | None = None,
) -> None:
    """The actor's event in the security log, in the caller's write transaction."""
    name, user_id = audit_identity(actor)
    audit.record(
        session,
        actor=name,
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        household_id=household_id,
        fields=tuple(fields),
        at=at,
        count=count,
    )
