"""Manual to-dos: personal or about a household, mine or the team's, done and reopened."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, select, update

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import audit
from desktop_app.persistence import models as m
from desktop_app.services.todos import (
    DONE,
    add_todo,
    assignee_choices,
    complete_todo,
    household_for_todo,
    list_todos,
    reopen_todo,
    update_todo,
)
from tests.services.support_builders import TODAY, Scene, build_scene

pytestmark = pytest.mark.db


@pytest.fixture
def scene(database_target: DatabaseTarget):
    built = build_scene(database_target)
    yield built
    built.workspace.close()


def codes(error: InvalidInput) -> list[str]:
    return [issue.code for issue in error.issues]


def texts(scene: Scene, login: str, **options: object) -> list[str]:
    return [
        t.text
        for t in list_todos(
            scene.database,
            actor=scene.actors[login],
            on=TODAY,
            **options,  # type: ignore[arg-type]
        )
    ]


def test_a_personal_todo_is_seen_by_its_writer_only_and_ticked(scene: Scene) -> None:
    sw = scene.actors["sw"]
    todo = add_todo(
        scene.database,
        actor=sw,
        due_on=date(2026, 6, 10),
        text="  Préparer   la réunion d'équipe ",
        today=TODAY,
    )
    assert (todo.text, todo.household_id, todo.urgency, todo.created_by) == (
        "Préparer la réunion d'équipe",
        None,
        "overdue",
        scene.ids["sw"],
    )
    assert texts(scene, "sw") == ["Préparer la réunion d'équipe"]
    assert texts(scene, "coord", team=True) == []  # personal: not the team's
    with pytest.raises(RefusedError, match="personnelle"):
        complete_todo(scene.database, actor=scene.actors["coord"], todo_id=todo.todo_id, version=1)
    done = complete_todo(
        scene.database, actor=sw, todo_id=todo.todo_id, version=todo.version, today=TODAY
    )
    assert (done.done_on, done.urgency) == (TODAY, DONE)
    assert texts(scene, "sw") == []
    assert texts(scene, "sw", include_done=True) == ["Préparer la réunion d'équipe"]
    with pytest.raises(RefusedError, match="modifiée par sw"):
        reopen_todo(scene.database, actor=sw, todo_id=todo.todo_id, version=todo.version)
    reopened = reopen_todo(
        scene.database, actor=sw, todo_id=todo.todo_id, version=done.version, today=TODAY
    )
    assert (reopened.done_on, reopened.urgency) == (None, "overdue")
    lines = scene.database.run_read(
        lambda s: [
            (h.field, h.old_value, h.new_value)
            for h in s.scalars(
                select(m.ChangeHistory)
                .where(m.ChangeHistory.entity == "todo")
                .order_by(m.ChangeHistory.id)
            )
        ]
    )
    assert lines == [
        ("due_on", None, "2026-06-10"),
        ("done_on", None, "2026-06-15"),
        ("done_on", "2026-06-15", None),
    ]
    assert scene.database.run_read(audit.verify).ok


def test_a_households_todo_goes_to_its_assignee_and_the_team(scene: Scene) -> None:
    sw = scene.actors["sw"]
    todo = add_todo(
        scene.database,
        actor=sw,
        household_id=scene.ids["m1"],
        due_on=date(2026, 6, 20),
        text="Rappeler le CCAS pour l'aide à l'installation",
        assigned_to=scene.ids["sw2"],
        today=TODAY,
    )
    assert (todo.household_reference, todo.assignee, todo.urgency) == (
        "M-1",
        "Karim Benali",
        "soon",
    )
    assert texts(scene, "sw2") == ["Rappeler le CCAS pour l'aide à l'installation"]
    assert texts(scene, "sw") == []  # assigned to a colleague: not in my own list
    assert texts(scene, "sw", team=True) == ["Rappeler le CCAS pour l'aide à l'installation"]
    assert texts(scene, "host", household_id=scene.ids["m1"]) == [
        "Rappeler le CCAS pour l'aide à l'installation"
    ]
    assert texts(scene, "host2", team=True) == []  # not a resident of their house
    with pytest.raises(RefusedError, match="Vos droits"):
        add_todo(
            scene.database,
            actor=scene.actors["host2"],
            household_id=scene.ids["m1"],
            due_on=TODAY,
            text="Passer voir Mme Diallo",
        )
    moved = update_todo(
        scene.database,
        actor=scene.actors["sw2"],
        todo_id=todo.todo_id,
        version=todo.version,
        due_on=date(2026, 6, 25),
        text=todo.text,
        assigned_to=None,
        today=TODAY,
    )
    assert (moved.due_on, moved.assigned_to) == (date(2026, 6, 25), None)
    assert texts(scene, "sw") == ["Rappeler le CCAS pour l'aide à l'installation"]
    # the intern and the volunteer have no to-dos at all
    with pytest.raises(RefusedError, match="noter et cocher des choses à faire"):
        list_todos(scene.database, actor=scene.actors["intern"])


def test_todo_input_refused(scene: Scene) -> None:
    sw = scene.actors["sw"]
    with pytest.raises(InvalidInput) as refused:
        add_todo(scene.database, actor=sw, due_on=TODAY, text="   ")
    assert codes(refused.value) == ["todo.text_required"]
    with pytest.raises(InvalidInput) as refused:
        add_todo(scene.database, actor=sw, due_on=TODAY, text="x" * 501)
    assert codes(refused.value) == ["todo.text_too_long"]
    with scene.database.begin_write() as c:
        c.execute(
            update(m.UserAccount).where(m.UserAccount.id == scene.ids["secr"]).values(active=False)
        )
    with pytest.raises(InvalidInput) as refused:
        add_todo(
            scene.database, actor=sw, due_on=TODAY, text="Appeler", assigned_to=scene.ids["secr"]
        )
    assert codes(refused.value) == ["todo.assignee_unknown"]
    todo = add_todo(scene.database, actor=sw, due_on=TODAY, text="Appeler", today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        complete_todo(
            scene.database,
            actor=sw,
            todo_id=todo.todo_id,
            version=todo.version,
            done_on=date(2026, 6, 16),
            today=TODAY,
        )
    assert refused.value.issues[0].text == (
        "Une chose à faire ne peut pas être faite après aujourd'hui (15/06/2026)."
    )
    with pytest.raises(RefusedError, match="n'existe pas"):
        complete_todo(scene.database, actor=sw, todo_id=999_999, version=1)


# ------------------------------------------------------------------ the to-do dialog's reads


def test_assignees_are_the_active_accounts_that_note_todos(scene: Scene) -> None:
    roles = {
        "sw": "social_worker",
        "sw2": "social_worker",
        "coord": "coordinator",
        "secr": "secretary",
        "intern": "intern",
    }
    with scene.database.begin_write() as c:
        for login, role in roles.items():
            c.execute(insert(m.UserRole).values(user_id=scene.ids[login], role=role))
        c.execute(
            update(m.UserAccount).where(m.UserAccount.id == scene.ids["sw2"]).values(active=False)
        )
    choices = assignee_choices(scene.database, actor=scene.actors["sw"], on=TODAY)
    # By name; the intern notes no to-do, the disabled account is gone.
    assert [(c.user_id, c.name) for c in choices] == [
        (scene.ids["sw"], "Claire Martin"),
        (scene.ids["secr"], "Marc Roux"),
        (scene.ids["coord"], "Sophie Leroy"),
    ]


def test_a_todo_names_its_household_by_reference(scene: Scene) -> None:
    sw = scene.actors["sw"]
    assert household_for_todo(scene.database, actor=sw, reference=" m-1 ") == scene.ids["m1"]
    for reference, actor in (("M-9", sw), ("M-1", scene.actors["host2"])):
        with pytest.raises(InvalidInput) as refused:
            household_for_todo(scene.database, actor=actor, reference=reference)
        assert codes(refused.value) == ["todo.household_unknown"]
        assert refused.value.issues[0].field == "household_id"
