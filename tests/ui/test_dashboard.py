"""The Tableau de bord on screen: tiles with their numbers, charts, the list behind a tile."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from sqlalchemy import insert

from desktop_app.app import build_main_window
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services.dto import Changes
from desktop_app.services.system import Workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.events import AppEvents
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.dashboard import (
    AMOUNT,
    DWELLING,
    HOUSEHOLD,
    WHAT,
    DashboardRowsTableModel,
    DashboardView,
)
from desktop_app.ui.views.home import HomeView
from desktop_app.ui.widgets.charts import BarChart, Gauge
from tests.services.test_dashboard import TODAY, Association, build_association
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
NUMBER = re.compile(r"\d+(?:[ \u202f]\d{3})*(?:,\d+)?")


@dataclass
class Screen:
    scene: Association
    tasks: TaskRunner
    events: AppEvents

    def workspace(self, login: str) -> Workspace:
        return replace(self.scene.workspace, actor=self.scene.actors[login])

    def view(self, qtbot: Any, login: str = "coord") -> DashboardView:
        view = DashboardView(self.workspace(login), tasks=self.tasks, events=self.events)
        qtbot.addWidget(view)
        view.load(today=TODAY)
        view.resize(1200, 800)
        view.show()
        self.wait(qtbot)
        return view

    def wait(self, qtbot: Any) -> None:
        qtbot.waitUntil(lambda: not self.tasks.busy, timeout=TIMEOUT)


@pytest.fixture
def screen(qapp: Any, database_target: DatabaseTarget) -> Iterator[Screen]:
    create_application(["seuil-tests"])
    scene = build_association(database_target)
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Screen(scene, tasks, AppEvents())
    tasks.shutdown()
    scene.workspace.close()


def numbers(text: str) -> list[str]:
    return NUMBER.findall(text)


def column(model: DashboardRowsTableModel, index: int) -> list[str]:
    return [model.data(model.index(row, index)) for row in range(model.rowCount())]


def painted_colours(widget: QWidget) -> int:
    image: QImage = widget.grab().toImage()
    assert not image.isNull()
    return len(
        {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    )


def test_the_tiles_say_their_numbers(qtbot: Any, screen: Screen) -> None:
    view = screen.view(qtbot)
    assert list(view.tiles) == [
        "occupancy:IML Lyon",
        "occupancy:Pension Les Tilleuls",
        "arrears",
        "measures",
        "reviews",
        "waiting",
        "movements",
    ]
    iml = view.tiles["occupancy:IML Lyon"]
    assert numbers(iml.text_label.text()) == ["3", "4", "75,0", "6", "9", "66,7"]
    assert isinstance(iml.chart, Gauge)
    assert view.board is not None
    assert view.board.occupancy is not None
    line = view.board.occupancy[0]
    assert [value for _, value in iml.chart.values] == [line.place_rate, line.lot_rate]
    assert "66,7" in iml.chart.accessibleDescription()
    arrears = view.tiles["arrears"]
    # 2 households owing 1 080,00 €; by level: CCAPEX 1, CAF 0, alert 1, first default 0.
    assert numbers(arrears.text_label.text()) == ["2", "1\u202f080,00", "1", "0", "1", "0"]
    assert isinstance(arrears.chart, BarChart)
    assert arrears.chart.series[0][1] == (1, 0, 1, 0)
    assert numbers(view.tiles["measures"].text_label.text()) == ["2", "30", "1"]
    assert numbers(view.tiles["reviews"].text_label.text()) == ["3", "2", "1"]
    assert numbers(view.tiles["waiting"].text_label.text()) == ["3", "2", "1"]
    movements = view.tiles["movements"]
    assert isinstance(movements.chart, BarChart)
    assert movements.chart.series[0][1] == (2, 1, 0)  # entries of Oct, Nov, Dec
    assert movements.chart.series[1][1] == (1, 1, 0)  # exits
    assert numbers(movements.text_label.text())[:2] == ["3", "2"]
    # Never colour alone: the numbers are in the accessible description too.
    assert "1\u202f080,00" in arrears.accessibleDescription()
    assert arrears.accessibleName() == arrears.title


def test_clicking_a_tile_lists_the_households(
    qtbot: Any, qtmodeltester: Any, screen: Screen
) -> None:
    view = screen.view(qtbot)
    arrears = view.tiles["arrears"]
    qtbot.mouseClick(arrears, Qt.MouseButton.LeftButton)
    assert view.chosen == "arrears"
    qtmodeltester.check(view.model)
    assert column(view.model, HOUSEHOLD) == ["M-A", "M-B"]
    assert column(view.model, AMOUNT) == ["900,00\u00a0€", "180,00\u00a0€"]
    assert column(view.model, WHAT) == ["Saisine CCAPEX", "Alerte"]
    assert not view.table.isColumnHidden(AMOUNT)
    # The keyboard: Space on the focused tile of the quarter's movements, scrolled into sight.
    movements = view.tiles["movements"]
    view.resize(1200, 500)
    movements.setFocus()
    qtbot.waitUntil(movements.hasFocus, timeout=TIMEOUT)
    shown = view.tiles_area.viewport().rect()
    top = movements.mapTo(view.tiles_area.viewport(), movements.rect().topLeft())
    assert shown.contains(top)
    qtbot.keyClick(movements, Qt.Key.Key_Space)
    assert view.chosen == "movements"
    qtmodeltester.check(view.model)
    assert column(view.model, HOUSEHOLD) == ["M-C", "M-E", "M-H", "M-B", "M-G"]
    assert view.table.isColumnHidden(AMOUNT)
    assert view.table.isColumnHidden(DWELLING)
    qtbot.keyClick(view.tiles["occupancy:IML Lyon"], Qt.Key.Key_Return)
    assert column(view.model, DWELLING) == ["IML-01", "IML-02", "IML-02"]
    # Enter or a double click on a household opens its file.
    with qtbot.waitSignal(view.open_household, timeout=TIMEOUT) as opened:
        view.table.activated.emit(view.model.index(2, 0))
    assert opened.args == [screen.scene.ids["c"]]


def test_a_social_worker_sees_no_amounts(qtbot: Any, screen: Screen) -> None:
    view = screen.view(qtbot, "sw")
    assert numbers(view.tiles["arrears"].text_label.text()) == ["2", "1", "0", "1", "0"]
    view.choose("arrears")
    assert view.table.isColumnHidden(AMOUNT)
    assert column(view.model, AMOUNT) == ["", ""]


def test_the_charts_paint(qtbot: Any, screen: Screen) -> None:
    view = screen.view(qtbot)
    for key in ("occupancy:IML Lyon", "arrears", "movements"):
        chart = view.tiles[key].chart
        assert chart.width() > 50
        assert chart.height() > 50
        assert painted_colours(chart) > 2, key
    empty = BarChart()
    qtbot.addWidget(empty)
    empty.resize(200, 100)
    blank = painted_colours(empty)
    empty.set_data(["a", "b"], [("n", [3, 5])])
    assert painted_colours(empty) > blank
    assert empty.description() == "n: a 3, b 5"
    gauge = Gauge()
    qtbot.addWidget(gauge)
    gauge.resize(160, 100)
    gauge.set_values([("Places", None)])
    assert gauge.description() == "Places —"


def test_changes_bring_a_new_reading(qtbot: Any, screen: Screen) -> None:
    view = screen.view(qtbot)
    view.choose("movements")
    with screen.scene.database.begin_write() as c:
        c.execute(
            insert(m.Stay).values(
                household_id=screen.scene.ids["f"],
                programme_id=screen.scene.ids["iml"],
                entry_date=date(2026, 11, 19),
            )
        )
    screen.events.publish(Changes(frozenset({"stay"})))
    screen.wait(qtbot)
    chart = view.tiles["movements"].chart
    assert isinstance(chart, BarChart)
    assert chart.series[0][1] == (2, 2, 0)
    assert view.chosen == "movements"  # the list stays on the tile chosen
    assert "M-F" in column(view.model, HOUSEHOLD)


def test_the_dashboard_comes_right_after_the_home(qtbot: Any, screen: Screen) -> None:
    window = build_main_window(
        screen.workspace("coord"), tasks=screen.tasks, dialogs=ScriptedDialogs()
    )
    qtbot.addWidget(window)
    window.show()
    screen.wait(qtbot)
    assert isinstance(window.stack.widget(0), HomeView)
    assert isinstance(window.stack.widget(1), DashboardView)
    window.navigation.setCurrentRow(1)
    screen.wait(qtbot)
    dashboard = window.stack.widget(1)
    assert isinstance(dashboard, DashboardView)
    assert dashboard.board is not None
    assert dashboard.tiles
