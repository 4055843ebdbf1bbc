"""The households list on screen: typing, filters, pages on demand, sorting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import resolve_database
from desktop_app.persistence.opening import open_database
from desktop_app.services.demo import build_demo
from desktop_app.services.system import open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.households import HouseholdsView

TIMEOUT = 15_000


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    opened = open_database(resolve_database(str(path)))  # households only, built in a second
    build_demo(opened.database, size="M", today=date(2026, 11, 27))
    opened.database.dispose()
    return path


@pytest.fixture
def view(qapp, qtbot, demo_file):
    create_application(["seuil-tests"])
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    workspace = open_workspace(resolve_database(str(demo_file)))
    from dataclasses import replace

    screen = HouseholdsView(replace(workspace, actor=SYSTEM_ACTOR), tasks=tasks)
    qtbot.addWidget(screen)
    screen.resize(900, 500)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=TIMEOUT)
    yield screen
    tasks.shutdown()
    workspace.close()


def test_list_loads_pages_on_demand(qtbot, qtmodeltester, view) -> None:
    assert view.section_title() == "Ménages"
    assert view.model.total == 2000
    assert view.model.rowCount() == 200
    assert view.count_label.text() == "2000 ménage(s)"
    qtmodeltester.check(view.model)
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 400, timeout=TIMEOUT)
    assert view.model.household(399).household_id != view.model.household(0).household_id


def test_typing_filters_the_list(qtbot, view) -> None:
    first = view.model.household(0)
    surname = first.head.split(" ")[0]
    qtbot.keyClicks(view.search_edit, surname.lower())
    qtbot.waitUntil(lambda: 0 < view.model.total < 2000, timeout=TIMEOUT)
    shown = {view.model.household(i).household_id for i in range(view.model.rowCount())}
    assert first.household_id in shown  # still listed, among fewer households
    view.search_edit.setText(first.reference)
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=TIMEOUT)
    assert view.model.household(0).reference == first.reference
    view.search_edit.setText("zzzz-nobody")
    qtbot.waitUntil(lambda: view.model.total == 0, timeout=TIMEOUT)


def test_sorting_asks_the_database(qtbot, view) -> None:
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: view.model.household(0).reference == "M-02000", timeout=TIMEOUT)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: view.model.household(0).reference == "M-00001", timeout=TIMEOUT)


def test_status_filter(qtbot, view) -> None:
    view.status_combo.setCurrentIndex(view.status_combo.findData("archived"))
    qtbot.waitUntil(lambda: view.model.total == 0, timeout=TIMEOUT)
    assert view.status_combo.currentText() == "Archivés"
