"""The occupancy view: a programme's dwellings on a day, and why the empty ones are empty."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.paths import resolve_database
from desktop_app.services.demo import create_demo_database, demo_actor
from desktop_app.services.system import open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.housing import HousingView

TIMEOUT = 10_000


def test_occupancy_of_a_programme(qapp, qtbot, qtmodeltester, tmp_path) -> None:
    create_application(["seuil-tests"])
    target = resolve_database(str(tmp_path / "demo.db"))
    create_demo_database(target, size="S", today=date(2026, 11, 27))
    workspace = open_workspace(target, create=False, demo=True)
    workspace = replace(workspace, actor=demo_actor(workspace.database))
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    try:
        view = HousingView(workspace, tasks=tasks)
        qtbot.addWidget(view)
        assert view.section_title() == "Logements"
        qtbot.waitUntil(lambda: view.programme_combo.count() > 0, timeout=TIMEOUT)
        view.day_edit.setDate(view.day_edit.date().addDays(-1))
        qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=TIMEOUT)
        qtmodeltester.check(view.model)
        assert view.summary_label.text().endswith(".")
        assert " logement(s), " in view.summary_label.text()
        rows = [view.model.row(i) for i in range(view.model.rowCount())]
        empty = [i for i, row in enumerate(rows) if not row.households]
        occupied = [i for i, row in enumerate(rows) if row.households]
        assert occupied, "the demonstration's households live somewhere"
        for i in empty:  # every empty dwelling says why, or that the reason is not recorded
            assert view.model.data(view.model.index(i, 6))
            assert view.model.data(view.model.index(i, 5))
        for i in occupied:
            assert view.model.data(view.model.index(i, 4)).startswith("M-")
            assert view.model.data(view.model.index(i, 6)) == ""
    finally:
        tasks.shutdown()
        workspace.close()
