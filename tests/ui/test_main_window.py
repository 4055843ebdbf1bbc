"""The GUI shell: French, navigation, status bar, À propos, errors, keyboard."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.app import build_main_window, display_available
from desktop_app.domain.errors import RefusedError
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.logs import setup_logging
from desktop_app.paths import resolve_database
from desktop_app.services.dto import DatabaseInfo
from desktop_app.services.organisation import create_association
from desktop_app.services.system import open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.error import ErrorReporter, UnexpectedErrorDialog
from desktop_app.ui.tasks import TaskRunner
from tests.ui.fakes import ScriptedDialogs


@pytest.fixture
def app(qapp):
    return create_application(["seuil-tests"])


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def workspace(tmp_path: Path):
    opened = open_workspace(resolve_database(str(tmp_path / "asso.db")))
    create_association(opened.database, actor=SYSTEM_ACTOR, name="Toit Partagé", commune="Lyon")
    yield opened
    opened.close()


@pytest.fixture
def window(app, qtbot, dialogs, workspace):
    tasks = TaskRunner(on_unhandled_error=_raise)
    win = build_main_window(workspace, tasks=tasks, dialogs=dialogs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    yield win
    tasks.shutdown()


def test_window_speaks_french_and_shows_the_database(window, tmp_path: Path) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Fichier", "&Aide"]
    assert window.windowTitle() == "Seuil — Toit Partagé"
    assert window.navigation.item(0).text() == "Accueil"
    assert window.database_label.text() == f"Base : {tmp_path / 'asso.db'}"
    home = window.stack.currentWidget()
    assert home.title_label.text() == "Bienvenue dans Seuil"
    assert home.association_label.text() == "Toit Partagé — Lyon"
    assert home.state_label.text().startswith("Présente (")
    assert home.engine_label.text() == "Fichier SQLite sur cet ordinateur"
    assert not window.demo_banner.isVisible()


def test_demo_banner(window) -> None:
    window.set_demo(True)
    assert window.demo_banner.isVisible()
    assert window.demo_banner.text().startswith("Démonstration : ")


def test_home_reports_an_upgrade_and_warnings(app, qtbot) -> None:
    from desktop_app.services.dto import OpeningReport
    from desktop_app.ui.views.home import HomeView

    view = HomeView()
    qtbot.addWidget(view)
    view.show_opening(OpeningReport(False, "0000_old", Path("/x/backups/b.db"), ("Attention",)))
    assert "copie de sécurité" in view.notes_label.text()
    assert "⚠ Attention" in view.notes_label.text()


def test_home_shows_an_existing_database_size(app, qtbot) -> None:
    from desktop_app.ui.views.home import HomeView

    view = HomeView()
    qtbot.addWidget(view)
    view.show_database(
        DatabaseInfo(display="/x/seuil.db", dialect="sqlite", exists=True, size_bytes=2_621_440)
    )
    assert view.state_label.text() == "Présente (2,5 Mo)"
    view.show_database(
        DatabaseInfo(display="postgresql://h/asso", dialect="postgresql", exists=False)
    )
    assert view.state_label.text() == "Serveur injoignable"
    assert view.engine_label.text() == "Serveur PostgreSQL partagé par l'équipe"


def test_every_navigation_entry_is_a_real_screen(window) -> None:
    assert window.navigation.count() == window.stack.count() >= 1
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        assert window.stack.currentIndex() == row
        assert window.stack.currentWidget().findChildren(object), "an empty screen is a placeholder"


def test_about_dialog(window, qtbot) -> None:
    dialog = window.show_about()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "À propos de Seuil"
    assert dialog.title_label.text() == f"Seuil {__version__}"
    assert "EUPL-1.2" in dialog.licence_label.text()
    notices = dialog.notices.toPlainText()
    for name in ("PySide6", "SQLAlchemy", "ReportLab", "openpyxl", "LGPL-3.0"):
        assert name in notices


def test_keyboard_quit_closes_the_window(window, qtbot) -> None:
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_accessible_names(window) -> None:
    assert window.navigation.accessibleName() == "Navigation"
    assert window.database_label.accessibleName() == "Base de données utilisée"


def test_log_folder_opened_through_the_dialog_provider(window, dialogs, tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs")
    window.log_action.trigger()
    assert dialogs.opened == [log_file.parent]


def test_known_error_shown_as_french_warning(app, dialogs) -> None:
    reporter = ErrorReporter(dialogs)
    reporter.report(RefusedError("db.busy"))
    assert dialogs.calls == [
        (
            "warn",
            "Action impossible",
            "La base de données est occupée par un autre poste. Réessayez dans quelques instants.",
        )
    ]


def test_bug_logged_without_values_and_dialog_shows_log(app, dialogs, tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs")
    reporter = ErrorReporter(dialogs)
    try:
        raise ValueError("Durand Fatou, né le 01/02/1990")
    except ValueError as error:
        reporter.excepthook(type(error), error, error.__traceback__)
    assert dialogs.calls == [("unexpected_error", "", str(log_file))]
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = log_file.read_text(encoding="utf-8")
    assert "ValueError" in content
    assert "Fatou" not in content


def test_unexpected_error_dialog(app, qtbot, dialogs, tmp_path: Path) -> None:
    log_path = tmp_path / "logs" / "seuil.log"
    dialog = UnexpectedErrorDialog(log_path, dialogs)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Erreur inattendue"
    assert str(log_path) in dialog.log_label.text()
    qtbot.mouseClick(dialog.open_log_button, Qt.MouseButton.LeftButton)
    assert dialogs.opened == [log_path.parent]


def test_display_detection(monkeypatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert display_available()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert not display_available()
    monkeypatch.setenv("DISPLAY", ":0")
    assert display_available()


def test_qapplication_is_french(app) -> None:
    assert QApplication.translate("MainWindow", "&Quit") == "&Quitter"


def _raise(error: BaseException) -> None:
    raise error


def test_home_tells_the_key_worker_about_justified_accesses(app, qtbot) -> None:
    from datetime import UTC, datetime

    from desktop_app.services.notes import JustifiedAccessInfo
    from desktop_app.ui.views.home import HomeView

    view = HomeView()
    qtbot.addWidget(view)
    view.show_justified_accesses([])
    assert view.accesses_box.isHidden()
    view.show_justified_accesses(
        [
            JustifiedAccessInfo(
                datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
                "camille",
                "M-00012",
                "Préparation de la CCAPEX",
            )
        ]
    )
    assert not view.accesses_box.isHidden()
    assert view.accesses_box.title() == "Accès justifiés aux dossiers que vous suivez"
    assert "camille, ménage M-00012 : « Préparation de la CCAPEX »" in view.accesses_label.text()


def test_start_catches_up_the_months_charges(app, qtbot, dialogs, tmp_path: Path) -> None:
    from datetime import date

    from sqlalchemy import func, insert, select

    from desktop_app.persistence import models as m
    from desktop_app.services.contracts import RateInput, create_contract
    from desktop_app.services.households import MemberInput, create_household
    from desktop_app.services.stays import open_stay

    workspace = open_workspace(resolve_database(str(tmp_path / "daily.db")))
    db = workspace.database
    with db.begin_write() as c:
        c.execute(insert(m.Programme).values(name="IML Lyon", kind="iml_sublease"))
        c.execute(
            insert(m.Dwelling).values(
                reference="LOG-1", address="1 rue A", commune="Lyon", programme_id=1
            )
        )
    start = date.today().replace(day=1)
    created = create_household(
        db,
        actor=SYSTEM_ACTOR,
        start=start,
        members=[MemberInput("Petit", "Jean", None, "h", "head")],
    )
    open_stay(
        db, actor=SYSTEM_ACTOR, household_id=created.household_id, programme_id=1, entry=start
    )
    create_contract(
        db,
        actor=SYSTEM_ACTOR,
        household_id=created.household_id,
        dwelling_id=1,
        kind="sublease",
        start=start,
        rate=RateInput(rent=40_000, charges=4_000),
    )
    tasks = TaskRunner(on_unhandled_error=_raise)
    try:
        win = build_main_window(workspace, tasks=tasks, dialogs=dialogs)
        qtbot.addWidget(win)
        qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
        count = db.run_read(lambda s: s.scalar(select(func.count()).select_from(m.LedgerEntry)))
        assert count == 2  # rent and charges of this month, generated once at start
        assert win.statusBar().currentMessage() != ""
        # a row of « Loyers et impayés » opens the household's file on its account
        from desktop_app.ui.views.household_file import HouseholdFileWindow
        from desktop_app.ui.views.rents import RentsView

        rents = next(
            win.stack.widget(i)
            for i in range(win.stack.count())
            if isinstance(win.stack.widget(i), RentsView)
        )
        rents.open_household.emit(created.household_id)
        [file] = [w for w in QApplication.topLevelWidgets() if isinstance(w, HouseholdFileWindow)]
        qtbot.addWidget(file)
        assert file.tabs.currentWidget() is file.account_tab
        # a finding of a return opens the file on the tab of its record
        from desktop_app.ui.views.reports import ReportsView

        reports = next(
            win.stack.widget(i)
            for i in range(win.stack.count())
            if isinstance(win.stack.widget(i), ReportsView)
        )
        reports.open_record.emit(created.household_id, "occupancy_contract")
        [second] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, HouseholdFileWindow) and w is not file
        ]
        qtbot.addWidget(second)
        assert second.tabs.currentWidget() is second.contracts_tab
        qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)
    finally:
        tasks.shutdown()
        workspace.close()
