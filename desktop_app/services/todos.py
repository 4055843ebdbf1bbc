"""Manual to-dos [À faire] of the agenda: a dated reminder, closed when done (DOMAIN §7).

Decisions where DOMAIN.md is silent, kept here so the GUI and the tests agree:

- A to-do may name a **household**: then only those who may read that household see or change
  it (its text is about the household). Without one it is **personal**: only its creator and
  the user it is assigned to see it.
- **Mine** lists the to-dos assigned to me and those I wrote without assigning them; the
  **team** view adds the to-dos of every household I may read, whoever holds them.
- A to-do is **done** on a day (today by default, never in the future); reopening clears it.
  An open to-do stays listed, however late, until it is done; the go-live date does not hide
  manual to-dos (only computed reminders).
- The text is one agenda line: 1 to 500 characters. The assignee is an active account.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Final

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_app.domain import reminders as rules
from desktop_app.domain.errors import InvalidInput, RefusedError, ValidationIssue
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import TABLE, Actor, account_in_force, decide
from desktop_app.persistence.db import Database
from desktop_app.persistence.history import record_change
from desktop_app.persistence.models import AuditEvent, Household, Todo, UserAccount, UserRole
from desktop_app.services.authz import record_event, require, service_action
from desktop_app.services.households import household_access
from desktop_app.services.support import support_contexts

EDIT: Final = "todo.edit"
TEXT_MAX: Final = 500
DONE: Final = "done"


@dataclass(frozen=True, slots=True)
class TodoInfo:
    """A to-do as the agenda and the household file show it."""

    todo_id: int
    household_id: int | None
    household_reference: str | None
    due_on: date
    text: str
    assigned_to: int | None
    assignee: str | None  # display name
    created_by: int | None
    done_on: date | None
    urgency: str  # overdue, soon (`domain.reminders`) or done
    version: int


@dataclass(frozen=True, slots=True)
class AssigneeChoice:
    """A colleague a to-do may be assigned to."""

    user_id: int
    name: str


def _text_issues(text: str) -> list[ValidationIssue]:
    if not text:
        return [ValidationIssue("text", "todo.text_required")]
    if len(text) > TEXT_MAX:
        return [ValidationIssue("text", "todo.text_too_long", {"maximum": TEXT_MAX})]
    return []


def _assignee_issues(session: Session, assigned_to: int | None) -> list[ValidationIssue]:
    if assigned_to is None:
        return []
    active = session.scalar(select(UserAccount.active).where(UserAccount.id == assigned_to))
    if not active:
        return [ValidationIssue("assigned_to", "todo.assignee_unknown")]
    return []


def _check_access(session: Session, actor: Actor, todo: Todo) -> None:
    """A household's to-do: who may read the household; a personal one: its two users."""
    if todo.household_id is not None:
        require(actor, "household.read", household_access(session, actor, todo.household_id))
        return
    if actor.system or actor.user_id in (todo.created_by, todo.assigned_to):
        return
    raise RefusedError("todo.personal")


def _info(session: Session, todo: Todo, today: date) -> TodoInfo:
    reference = (
        session.scalar(select(Household.reference).where(Household.id == todo.household_id))
        if todo.household_id is not None
        else None
    )
    assignee = (
        session.scalar(select(UserAccount.display_name).where(UserAccount.id == todo.assigned_to))
        if todo.assigned_to is not None
        else None
    )
    return TodoInfo(
        todo_id=todo.id,
        household_id=todo.household_id,
        household_reference=reference,
        due_on=todo.due_on,
        text=todo.text,
        assigned_to=todo.assigned_to,
        assignee=assignee,
        created_by=todo.created_by,
        done_on=todo.done_on,
        urgency=DONE if todo.done_on is not None else rules.urgency(todo.due_on, today),
        version=todo.version,
    )


def _event(
    session: Session,
    actor: Actor,
    todo: Todo,
    *,
    action: str,
    fields: tuple[str, ...],
    at: datetime,
) -> None:
    record_event(
        session,
        actor,
        action=action,
        entity="todo",
        entity_id=todo.id,
        household_id=todo.household_id,
        fields=fields,
        at=at,
    )


def _history(
    session: Session, actor: Actor, todo: Todo, *, field: str, old: date | None, new: date | None
) -> None:
    record_change(
        session,
        user_id=actor.user_id,
        household_id=todo.household_id,
        entity="todo",
        entity_id=todo.id,
        field=field,
        old=old,
        new=new,
    )


def _load(session: Session, actor: Actor, todo_id: int, version: int) -> Todo:
    todo = session.get(Todo, todo_id)
    if todo is None:
        raise RefusedError("todo.unknown")
    _check_access(session, actor, todo)
    if todo.version != version:
        last = session.execute(
            select(AuditEvent.actor, AuditEvent.at)
            .where(AuditEvent.entity == "todo", AuditEvent.entity_id == todo.id)
            .order_by(AuditEvent.id.desc())
            .limit(1)
        ).first()
        if last is None:
            raise RefusedError("support.conflict_unknown")
        who, at = last
        moment = at if at.tzinfo else at.replace(tzinfo=UTC)
        raise RefusedError(
            "todo.conflict", who=who, when=moment.astimezone().strftime("%d/%m/%Y à %H:%M")
        )
    return todo


@service_action(EDIT)
def add_todo(
    database: Database,
    *,
    actor: Actor,
    due_on: date,
    text: str,
    household_id: int | None = None,
    assigned_to: int | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> TodoInfo:
    """Note something to do by ``due_on``, for a household or not, for someone or not.

    Raises:
        InvalidInput: an empty or too long text, an unknown or inactive assignee.
        RefusedError: the actor may not read the household.
    """
    day = today or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    clean = " ".join(text.split())
    if issues := _text_issues(clean):
        raise InvalidInput(issues)

    def work(session: Session) -> TodoInfo:
        if household_id is not None:
            require(actor, "household.read", household_access(session, actor, household_id))
        if issues := _assignee_issues(session, assigned_to):
            raise InvalidInput(issues)
        todo = Todo(
            household_id=household_id,
            due_on=due_on,
            text=clean,
            assigned_to=assigned_to,
            created_at=moment,
            created_by=actor.user_id,
        )
        session.add(todo)
        session.flush()
        _event(
            session,
            actor,
            todo,
            action="create",
            fields=("due_on", "text", "assigned_to", "household_id"),
            at=moment,
        )
        _history(session, actor, todo, field="due_on", old=None, new=due_on)
        return _info(session, todo, day)

    return database.run_write(work)


@service_action(EDIT)
def update_todo(
    database: Database,
    *,
    actor: Actor,
    todo_id: int,
    version: int,
    due_on: date,
    text: str,
    assigned_to: int | None,
    today: date | None = None,
    now: datetime | None = None,
) -> TodoInfo:
    """Change a to-do's date, text or assignee.

    Raises:
        InvalidInput: an empty or too long text, an unknown or inactive assignee.
        RefusedError: no such to-do, not the actor's, or changed meanwhile.
    """
    day = today or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    clean = " ".join(text.split())
    if issues := _text_issues(clean):
        raise InvalidInput(issues)

    def work(session: Session) -> TodoInfo:
        todo = _load(session, actor, todo_id, version)
        if issues := _assignee_issues(session, assigned_to):
            raise InvalidInput(issues)
        changed = tuple(
            field
            for field, old, new in (
                ("due_on", todo.due_on, due_on),
                ("text", todo.text, clean),
                ("assigned_to", todo.assigned_to, assigned_to),
            )
            if old != new
        )
        if not changed:
            return _info(session, todo, day)
        _history(session, actor, todo, field="due_on", old=todo.due_on, new=due_on)
        todo.due_on, todo.text, todo.assigned_to = due_on, clean, assigned_to
        session.flush()
        _event(session, actor, todo, action="update", fields=changed, at=moment)
        return _info(session, todo, day)

    return database.run_write(work)


@service_action(EDIT)
def complete_todo(
    database: Database,
    *,
    actor: Actor,
    todo_id: int,
    version: int,
    done_on: date | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> TodoInfo:
    """Tick a to-do as done (today by default); it leaves the agenda.

    Raises:
        InvalidInput: a day in the future.
        RefusedError: no such to-do, not the actor's, or changed meanwhile.
    """
    day = today or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    done = done_on or day
    if done > day:
        raise InvalidInput(
            [ValidationIssue("done_on", "todo.future_done", {"today": format_date(day)})]
        )

    def work(session: Session) -> TodoInfo:
        todo = _load(session, actor, todo_id, version)
        _history(session, actor, todo, field="done_on", old=todo.done_on, new=done)
        todo.done_on = done
        session.flush()
        _event(session, actor, todo, action="update", fields=("done_on",), at=moment)
        return _info(session, todo, day)

    return database.run_write(work)


@service_action(EDIT)
def reopen_todo(
    database: Database,
    *,
    actor: Actor,
    todo_id: int,
    version: int,
    today: date | None = None,
    now: datetime | None = None,
) -> TodoInfo:
    """Undo "done": the to-do is back in the agenda.

    Raises:
        RefusedError: no such to-do, not the actor's, or changed meanwhile.
    """
    day = today or date.today()
    moment = (now or datetime.now(UTC)).astimezone(UTC)

    def work(session: Session) -> TodoInfo:
        todo = _load(session, actor, todo_id, version)
        if todo.done_on is not None:
            _history(session, actor, todo, field="done_on", old=todo.done_on, new=None)
            todo.done_on = None
            session.flush()
            _event(session, actor, todo, action="update", fields=("done_on",), at=moment)
        return _info(session, todo, day)

    return database.run_write(work)


@service_action(EDIT)
def list_todos(
    database: Database,
    *,
    actor: Actor,
    on: date | None = None,
    team: bool = False,
    household_id: int | None = None,
    include_done: bool = False,
) -> list[TodoInfo]:
    """The to-dos the actor sees (module docstring), by due date; open ones only by default.

    Raises:
        RefusedError: with ``household_id``, the actor may not read that household.
    """
    day = on or date.today()
    assignee = aliased(UserAccount)

    def read(session: Session) -> list[TodoInfo]:
        query = (
            select(Todo, Household.reference, assignee.display_name)
            .outerjoin(Household, Household.id == Todo.household_id)
            .outerjoin(assignee, assignee.id == Todo.assigned_to)
            .order_by(Todo.due_on, Todo.id)
        )
        if not include_done:
            query = query.where(Todo.done_on.is_(None))
        if household_id is not None:
            require(actor, "household.read", household_access(session, actor, household_id))
            query = query.where(Todo.household_id == household_id)
        elif not actor.system:
            mine = or_(
                Todo.assigned_to == actor.user_id,
                and_(Todo.assigned_to.is_(None), Todo.created_by == actor.user_id),
            )
            query = query.where(or_(mine, Todo.household_id.is_not(None)) if team else mine)
        rows = session.execute(query).all()
        readable = _readable(
            session, actor, {t.household_id for t, _, _ in rows if t.household_id is not None}
        )
        return [
            TodoInfo(
                todo_id=todo.id,
                household_id=todo.household_id,
                household_reference=reference,
                due_on=todo.due_on,
                text=todo.text,
                assigned_to=todo.assigned_to,
                assignee=name,
                created_by=todo.created_by,
                done_on=todo.done_on,
                urgency=DONE if todo.done_on is not None else rules.urgency(todo.due_on, day),
                version=todo.version,
            )
            for todo, reference, name in rows
            if todo.household_id is None or todo.household_id in readable
        ]

    return database.run_read(read)


@service_action(EDIT)
def assignee_choices(
    database: Database, *, actor: Actor, on: date | None = None
) -> list[AssigneeChoice]:
    """Who a to-do may be assigned to: active accounts, in force, whose roles note to-dos.

    By name (the to-do dialog's list).
    """
    day = on or date.today()
    roles = sorted(role for role, rules in TABLE.items() if EDIT in rules)

    def read(session: Session) -> list[AssigneeChoice]:
        rows = session.execute(
            select(UserAccount.id, UserAccount.display_name, UserAccount.valid_until)
            .join(UserRole, UserRole.user_id == UserAccount.id)
            .where(UserAccount.active.is_(True), UserRole.role.in_(roles))
            .distinct()
            .order_by(UserAccount.display_name, UserAccount.id)
        )
        return [
            AssigneeChoice(user_id, name)
            for user_id, name, until in rows
            if account_in_force(until, day)
        ]

    return database.run_read(read)


@service_action("household.read")
def household_for_todo(database: Database, *, actor: Actor, reference: str) -> int:
    """The household a to-do names by its reference (case and spaces ignored).

    Raises:
        InvalidInput: no household of that reference that the actor may read (said the same
            way in both cases: no enumeration), or an archived one.
    """
    wanted = " ".join(reference.split())

    def read(session: Session) -> int:
        household_id = session.scalar(
            select(Household.id).where(
                func.lower(Household.reference) == wanted.lower(),
                Household.archived_on.is_(None),
            )
        )
        if (
            household_id is None
            or not decide(
                actor, "household.read", household_access(session, actor, household_id)
            ).allowed
        ):
            raise InvalidInput(
                [ValidationIssue("household_id", "todo.household_unknown", {"reference": wanted})]
            )
        return household_id

    return database.run_read(read)


def _readable(session: Session, actor: Actor, household_ids: Collection[int]) -> set[int]:
    """The households among these that the actor may read (bulk, for lists)."""
    if actor.system:
        return set(household_ids)
    contexts = support_contexts(session, actor, household_ids)
    return {
        household_id
        for household_id, context in contexts.items()
        if decide(actor, "household.read", context).allowed
    }
