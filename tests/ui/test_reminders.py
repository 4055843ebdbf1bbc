"""The reminders panel: read on the worker, filtered mine / team, opening a household's file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from sqlalchemy import Connection, insert

from desktop_app.domain.messages import message
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.domain.text import with_de
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import contracts, housing
from desktop_app.services.contracts import RateInput
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.reminders import RemindersPanel
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
START = date(2025, 1, 1)
TODAY = date(2025, 6, 25)


def add(connection: Connection, model: type[m.Base], **values: Any) -> int:
    """Insert a row and return the id the database gave it (never an explicit id)."""
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def translated(text: str) -> str:
    return QCoreApplication.translate("RemindersTableModel", text)


@dataclass
class Scene:
    workspace: Workspace
    tasks: TaskRunner
    dialogs: ScriptedDialogs
    actors: dict[str, Actor]
    households: dict[str, int]

    def panel(self, qtbot: Any, login: str) -> RemindersPanel:
        workspace = replace(self.workspace, actor=self.actors[login])
        panel = RemindersPanel(workspace, tasks=self.tasks, dialogs=self.dialogs)
        qtbot.addWidget(panel)
        panel.resize(900, 400)
        panel.show()
        panel.load(today=TODAY)
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=TIMEOUT)
        return panel


@pytest.fixture
def scene(qapp: Any, database_target: DatabaseTarget) -> Iterator[Scene]:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)
    db = workspace.database
    now = datetime(2025, 1, 1, tzinfo=UTC)
    users: dict[str, int] = {}
    households: dict[str, int] = {}
    with db.begin_write() as c:
        for login in ("sw", "coord", "volunteer"):
            users[login] = add(c, m.UserAccount, login=login, display_name=login, created_at=now)
        iml = add(c, m.Programme, name="IML", kind="iml_sublease")
        dwellings = {
            reference: add(
                c,
                m.Dwelling,
                reference=reference,
                address="1 rue du Test",
                commune="Lyon",
                programme_id=iml,
                captured_on=date(2024, 1, 1),
            )
            for reference in ("IML-1", "IML-2")
        }
        for reference, worker, permit in (
            ("M-1", "sw", date(2025, 6, 20)),
            ("M-2", "coord", None),
        ):
            household = add(c, m.Household, reference=reference, key_worker_id=users[worker])
            person = add(
                c,
                m.Person,
                last_name="Diallo",
                first_name="Awa",
                residence_permit_expiry=permit,
            )
            add(
                c,
                m.Membership,
                household_id=household,
                person_id=person,
                role="head",
                joined_on=START,
            )
            add(c, m.Stay, household_id=household, programme_id=iml, entry_date=START)
            households[reference] = household
    actors = {
        "sw": Actor(users["sw"], "sw", (Grant("social_worker"),)),
        "coord": Actor(users["coord"], "coord", (Grant("coordinator"),)),
        "volunteer": Actor(users["volunteer"], "volunteer", (Grant("volunteer"),)),
    }
    contracts.create_contract(
        db,
        actor=actors["coord"],
        household_id=households["M-2"],
        dwelling_id=dwellings["IML-1"],
        kind="sublease",
        start=START,
        rate=RateInput(rent=40_000),
        renewal_date=date(2025, 7, 1),
    )
    housing.add_main_lease(
        db,
        actor=actors["coord"],
        dwelling_id=dwellings["IML-2"],
        start=date(2022, 7, 1),
        end=date(2025, 6, 30),
        rent=50_000,
    )
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Scene(workspace, tasks, ScriptedDialogs(), actors, households)
    tasks.shutdown()
    workspace.close()


def cells(panel: RemindersPanel) -> list[list[str]]:
    model = panel.model
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_team_reminders_in_order_with_their_status(qtbot, qtmodeltester, scene) -> None:
    panel = scene.panel(qtbot, "coord")
    qtmodeltester.check(panel.model)
    assert cells(panel) == [
        [
            "20/06/2025",
            translated("Overdue"),
            "M-1 — Diallo Awa",
            message("reminder.residence_permit", person="Awa Diallo", due="20/06/2025"),
        ],
        [
            "30/06/2025",
            translated("Soon"),
            translated("Dwelling {reference}").format(reference="IML-2"),
            message("reminder.main_lease_end", dwelling="IML-2", due="30/06/2025"),
        ],
        [
            "01/07/2025",
            translated("Soon"),
            "M-2 — Diallo Awa",
            message("reminder.contract_renewal", dwelling="IML-1", due="01/07/2025"),
        ],
    ]
    assert panel.model.data(panel.model.index(0, 1), Qt.ItemDataRole.FontRole).bold()
    assert panel.model.data(panel.model.index(1, 1), Qt.ItemDataRole.FontRole) is None
    assert [panel.model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == [
        translated(text) for text in ("Due", "Status", "Household", "What")
    ]
    assert "3" in panel.status_label.text()


def test_mine_keeps_the_actors_caseload(qtbot, qtmodeltester, scene) -> None:
    panel = scene.panel(qtbot, "coord")
    assert panel.scope_combo.isVisible()
    assert panel.scope_combo.accessibleName()
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("mine"))
    assert [panel.model.reminder(i).household_id for i in range(panel.model.rowCount())] == [
        scene.households["M-2"]
    ]
    qtmodeltester.check(panel.model)
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("team"))
    assert panel.model.rowCount() == 3


def test_a_key_worker_sees_their_caseload_without_a_choice(qtbot, scene) -> None:
    panel = scene.panel(qtbot, "sw")
    assert not panel.scope_combo.isVisible()
    assert [panel.model.reminder(i).household_reference for i in range(1)] == ["M-1"]
    assert panel.model.rowCount() == 1


def test_double_click_and_enter_open_the_household(qtbot, scene) -> None:
    panel = scene.panel(qtbot, "coord")
    table = panel.table
    first = table.visualRect(panel.model.index(0, 0)).center()
    with qtbot.waitSignal(panel.open_household, timeout=TIMEOUT) as opened:
        # A real double click: press and release, then the second press (QTest's sequence).
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert opened.args == [scene.households["M-1"]]
    table.setFocus()
    table.setCurrentIndex(panel.model.index(2, 0))
    with qtbot.waitSignal(panel.open_household, timeout=TIMEOUT) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [scene.households["M-2"]]


def test_a_dwelling_reminder_says_where_to_act(qtbot, scene) -> None:
    panel = scene.panel(qtbot, "coord")
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(panel.model.index(1, 0))
    with qtbot.assertNotEmitted(panel.open_household):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    [(kind, _title, text)] = scene.dialogs.calls
    assert kind == "inform"
    assert "IML-2" in text


def test_a_refusal_is_said_in_the_panel(qtbot, scene) -> None:
    panel = scene.panel(qtbot, "volunteer")
    qtbot.waitUntil(lambda: "Loading" not in panel.status_label.text(), timeout=TIMEOUT)
    assert panel.model.rowCount() == 0
    assert panel.status_label.text() == message(
        "auth.denied", what=with_de("voir l'identité et les coordonnées des ménages")
    )


def test_refresh_reads_again(qtbot, scene) -> None:
    panel = scene.panel(qtbot, "sw")
    panel.model.set_rows([])
    panel.refresh_button.click()  # as of the real today: M-1's permit is long overdue
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=TIMEOUT)
    assert panel.model.reminder(0).overdue
