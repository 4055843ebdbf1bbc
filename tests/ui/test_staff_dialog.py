"""Staff in FTE typed into the real dialog, saved on a real database, read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate

from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.staff import list_staff_periods
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.staff import EndStaffPeriodDialog, NewStaffPeriodDialog, StaffDialog
from desktop_app.ui.tasks import TaskRunner
from tests.services.support_builders import add

pytestmark = pytest.mark.db
TIMEOUT = 10_000


@pytest.fixture
def scene(
    qapp: Any, database_target: DatabaseTarget
) -> Iterator[tuple[Workspace, TaskRunner, int]]:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        add(c, m.Programme, name="IML Lyon", kind="iml_sublease")
        pension = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield workspace, tasks, pension
    tasks.shutdown()
    workspace.close()


def test_add_then_end_an_assignment(qtbot: Any, qtmodeltester: Any, scene: Any) -> None:
    workspace, tasks, pension = scene
    dialog = StaffDialog(workspace, [(pension, "Pension Les Tilleuls")], tasks=tasks, may_edit=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=TIMEOUT)
    dialog.add_button.click()
    form = dialog.dialog
    assert isinstance(form, NewStaffPeriodDialog)
    assert all(widget.accessibleName() for widget in form.fields.values())
    form.role_edit.setText("Hôte")
    form.fte_edit.setText("huit")
    form.accept()
    assert form.isVisible()  # refused in French, what was typed stays
    assert form.fte_edit.text() == "huit"
    form.fte_edit.setText("0,8")
    form.start_edit.setDate(QDate(2026, 1, 1))
    form.accept()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=TIMEOUT)
    qtmodeltester.check(dialog.model)
    assert dialog.model.data(dialog.model.index(0, 1)) == "0,8"
    dialog.table.selectRow(0)
    dialog.end_button.click()
    ending = dialog.dialog
    assert isinstance(ending, EndStaffPeriodDialog)
    ending.end_edit.setDate(QDate(2026, 6, 30))
    ending.accept()
    qtbot.waitUntil(
        lambda: dialog.model.data(dialog.model.index(0, 3)) == "30/06/2026", timeout=TIMEOUT
    )
    [saved] = list_staff_periods(workspace.database, actor=SYSTEM_ACTOR, programme_id=pension)
    assert (saved.role, saved.fte, saved.end_date) == ("Hôte", Decimal("0.8"), date(2026, 6, 30))


def test_read_only_for_whoever_may_not_edit(qtbot: Any, scene: Any) -> None:
    workspace, tasks, pension = scene
    dialog = StaffDialog(
        workspace, [(pension, "Pension Les Tilleuls")], tasks=tasks, may_edit=False
    )
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled()
    assert not dialog.end_button.isEnabled()
