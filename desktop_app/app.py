"""GUI composition root: logging, the data folder, the database, QApplication, main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date

from PySide6.QtCore import QTimer

from desktop_app.domain.errors import KnownError
from desktop_app.domain.messages import message
from desktop_app.domain.permissions import may_ever
from desktop_app.logs import setup_logging
from desktop_app.paths import (
    account_data_dir,
    data_dir_chosen,
    demo_database_path,
    log_dir,
    read_settings,
    resolve_database,
    shared_data_dir,
    write_settings,
)
from desktop_app.services.charges import DailyReport, daily
from desktop_app.services.dashboard import parts_for
from desktop_app.services.dto import DatabaseInfo, OrganisationInfo
from desktop_app.services.notes import justified_accesses
from desktop_app.services.organisation import get_association
from desktop_app.services.system import Workspace, describe_database
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.error import ErrorReporter
from desktop_app.ui.dialogs.first_start import DataFolderDialog
from desktop_app.ui.dialogs.import_workbook import WorkbookActions
from desktop_app.ui.dialogs.provider import DialogProvider, QtDialogProvider
from desktop_app.ui.events import AppEvents
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.startup import StartupController
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.admissions import AdmissionsView
from desktop_app.ui.views.agenda import AgendaView
from desktop_app.ui.views.base import SectionView
from desktop_app.ui.views.benefit_batch import BenefitBatchView
from desktop_app.ui.views.dashboard import DashboardView
from desktop_app.ui.views.home import HomeView
from desktop_app.ui.views.household_file import RECORD_TABS, HouseholdFileWindow
from desktop_app.ui.views.households import HouseholdsView
from desktop_app.ui.views.housing import HousingView
from desktop_app.ui.views.partners import PartnersView
from desktop_app.ui.views.reminders import RemindersPanel
from desktop_app.ui.views.rents import RentsView
from desktop_app.ui.views.reports import ReportsView
from desktop_app.ui.views.residence import ResidenceView
from desktop_app.ui.views.security_log import SecurityLogView
from desktop_app.ui.views.users import UsersView

log = logging.getLogger(__name__)

EXIT_NO_DISPLAY = 3
EXIT_CANCELLED = 0


def display_available() -> bool:
    """False on a Linux machine with no screen and no headless platform asked for."""
    if not sys.platform.startswith("linux"):
        return True
    platform_name = os.environ.get("QT_QPA_PLATFORM", "")
    if platform_name and not platform_name.startswith(("xcb", "wayland")):
        return True  # offscreen, minimal, vnc…
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _start_daily_work(
    workspace: Workspace,
    tasks: TaskRunner,
    window: MainWindow,
    panel: RemindersPanel | None,
    events: AppEvents | None = None,
) -> None:
    """At start, what `python -m desktop_app daily` does: missing months of charges first."""

    def done(report: DailyReport) -> None:
        window.show_daily([step.summary for step in report.steps if step.status != "not_allowed"])
        if panel is not None and report.changes:
            panel.load()
        if events is not None:
            events.publish(report.changes)

    def failed(error: BaseException) -> None:
        if isinstance(error, KnownError):
            window.show_daily([error.text])
            return
        raise error

    tasks.write(
        lambda _c: daily(workspace.database, actor=workspace.actor, today=date.today()),
        name="daily",
        on_done=done,
        on_error=failed,
    )


def build_main_window(  # noqa: PLR0915 - one section after the other
    workspace: Workspace, *, tasks: TaskRunner, dialogs: DialogProvider
) -> MainWindow:
    """Assemble the sections and the window; the facts arrive from read jobs."""
    home = HomeView()
    sections: list[SectionView] = [home]
    events = AppEvents()
    dashboard: DashboardView | None = None
    if parts_for(workspace.actor):  # right after the home: the association today
        dashboard = DashboardView(workspace, tasks=tasks, events=events)
        sections.append(dashboard)
    files: list[HouseholdFileWindow] = []
    reminders_panel: RemindersPanel | None = None
    if may_ever(workspace.actor, "household.read"):
        households = HouseholdsView(workspace, tasks=tasks)

        def open_file(household_id: int, *, tab: str | None = None) -> None:
            """The household's file, on ``tab`` (a key of `show_tab`) when given."""
            window = HouseholdFileWindow(workspace, household_id, tasks=tasks, dialogs=dialogs)
            files.append(window)  # kept alive while the main window lives
            if tab is not None:
                window.show_tab(tab)
            window.show()

        def open_account(household_id: int) -> None:
            open_file(household_id, tab="account")

        households.open_requested.connect(open_file)
        if dashboard is not None:
            dashboard.open_household.connect(open_file)
        sections.append(households)
        agenda = AgendaView(workspace, tasks=tasks, dialogs=dialogs)
        agenda.open_household.connect(open_file)
        agenda.open_account.connect(open_account)
        sections.append(agenda)
        sections.append(PartnersView(workspace, tasks=tasks, dialogs=dialogs))
        if may_ever(workspace.actor, "admissions.read"):
            admissions = AdmissionsView(workspace, tasks=tasks, dialogs=dialogs)
            admissions.open_household.connect(open_file)
            sections.append(admissions)
        if may_ever(workspace.actor, "ledger.read_status"):
            rents = RentsView(workspace, tasks=tasks, dialogs=dialogs)
            rents.open_household.connect(open_account)
            sections.append(rents)
        if may_ever(workspace.actor, "returns.run"):
            reports = ReportsView(workspace, tasks=tasks, dialogs=dialogs, events=events)
            reports.open_household.connect(open_file)
            reports.open_record.connect(
                lambda household_id, record: open_file(household_id, tab=RECORD_TABS.get(record))
            )
            sections.append(reports)
        reminders = RemindersPanel(workspace, tasks=tasks, dialogs=dialogs)
        reminders.open_household.connect(open_file)
        reminders.open_account.connect(open_account)
        home.add_reminders(reminders)
        reminders.load()
        reminders_panel = reminders
    if may_ever(workspace.actor, "housing.read"):
        sections.append(HousingView(workspace, tasks=tasks))
    if may_ever(workspace.actor, "collective.read"):
        sections.append(ResidenceView(workspace, tasks=tasks, dialogs=dialogs))
    if BenefitBatchView.available(workspace.actor):
        sections.append(BenefitBatchView(workspace, tasks=tasks, dialogs=dialogs))
    if may_ever(workspace.actor, "users.manage"):
        sections.append(UsersView(workspace, tasks=tasks, dialogs=dialogs))
    if may_ever(workspace.actor, "audit.read"):
        sections.append(SecurityLogView(workspace, tasks=tasks, dialogs=dialogs))
    window = MainWindow(sections=sections, dialogs=dialogs)
    window.add_file_actions(
        WorkbookActions(workspace, tasks=tasks, dialogs=dialogs, parent=window).actions()
    )
    _start_daily_work(workspace, tasks, window, reminders_panel, events)
    window.set_demo(workspace.demo)
    window.show_user(workspace.actor.login)
    home.show_opening(workspace.report)
    target = workspace.target

    def show_database(info: DatabaseInfo) -> None:
        home.show_database(info)
        window.show_database(info)

    def show_association(info: OrganisationInfo | None) -> None:
        home.show_association(info)
        window.show_association(info)

    tasks.read(
        lambda _c: describe_database(target), name="describe-database", on_done=show_database
    )
    if workspace.actor.user_id is not None:
        tasks.read(
            lambda _c: justified_accesses(workspace.database, actor=workspace.actor),
            name="justified-accesses",
            on_done=home.show_justified_accesses,
        )
    tasks.read(
        lambda _c: get_association(workspace.database, actor=workspace.actor),
        name="association",
        on_done=show_association,
    )
    return window


def choose_data_folder() -> bool:
    """First start: ask where the data live; False if the user quits."""
    while True:
        dialog = DataFolderDialog(account_data_dir(), shared_data_dir())
        if not dialog.exec():
            return False
        folder = dialog.chosen_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / ".seuil-write-test"
            probe.write_text("ok", encoding="utf-8")
            probe.unlink()
        except OSError:
            QtDialogProvider().warn(
                None,
                "Seuil",
                message("db.folder_read_only", folder=str(folder)),
            )
            continue
        write_settings({**read_settings(), "data_dir": str(folder)})
        return True


def run_gui(args: argparse.Namespace) -> int:
    """Open the first screen and run the event loop; return the exit code."""
    if not display_available():
        print(message("gui.no_display"), file=sys.stderr)
        return EXIT_NO_DISPLAY
    app = create_application(sys.argv[:1])
    explicit = bool(args.db or os.environ.get("SEUIL_DB"))
    if not explicit and not data_dir_chosen() and not choose_data_folder():
        return EXIT_CANCELLED
    setup_logging(log_dir())
    dialogs = QtDialogProvider()
    windows: list[MainWindow] = []
    reporter = ErrorReporter(dialogs, parent=lambda: windows[0] if windows else None)
    sys.excepthook = reporter.excepthook
    tasks = TaskRunner(on_unhandled_error=reporter.report)
    target = resolve_database(args.db)
    print(message("cli.database", database=target.display), file=sys.stderr)
    log.info("GUI start, %s database", "SQLite" if target.is_sqlite else "PostgreSQL")
    today = args.today or date.today()
    startup = StartupController(
        target=target,
        demo_path=demo_database_path(),
        tasks=tasks,
        dialogs=dialogs,
        today=lambda: today,
    )
    workspaces: list[Workspace] = []

    def show(workspace: Workspace) -> None:
        workspaces.append(workspace)
        window = build_main_window(workspace, tasks=tasks, dialogs=dialogs)
        windows.append(window)
        window.show()

    startup.ready.connect(show)
    startup.failed.connect(app.exit)
    startup.start()
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), app.closeAllWindows)
        QTimer.singleShot(int(args.quit_after * 1000) + 50, app.quit)
    code = app.exec()
    tasks.shutdown()  # queued saves run to their end before the databases close
    for workspace in workspaces:
        workspace.close()
    return code
