"""Write the screenshots of resources/screenshots/ offscreen (``make screenshots``).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR]

Every screen is shown on fixed, fictitious data so the pictures only change when a screen does.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from sqlalchemy import insert

from desktop_app.app import build_main_window
from desktop_app.domain.permissions import Actor
from desktop_app.paths import resolve_database
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import Dwelling, Programme
from desktop_app.reports.xlsx.workbook import write_workbook
from desktop_app.services.contacts import log_contact
from desktop_app.services.contracts import RateInput, create_contract
from desktop_app.services.demo import create_demo_database, demo_actor
from desktop_app.services.dto import DatabaseInfo
from desktop_app.services.households import MemberInput, create_household
from desktop_app.services.notes import add_note
from desktop_app.services.organisation import create_association
from desktop_app.services.stays import open_stay
from desktop_app.services.support import add_goal, open_measure, record_review
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.services.users import RoleSpec, add_user, authenticate, create_administrator
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.association import AssociationDialog
from desktop_app.ui.dialogs.first_start import DataFolderDialog
from desktop_app.ui.dialogs.import_workbook import ImportWorkbookDialog
from desktop_app.ui.dialogs.login import LoginDialog, PasswordDialog, RecoveryCodeDialog
from desktop_app.ui.dialogs.provider import QtDialogProvider
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.benefit_batch import BenefitBatchView
from desktop_app.ui.views.home import HomeView
from desktop_app.ui.views.household_file import HouseholdFileWindow
from desktop_app.ui.views.households import HouseholdsView
from desktop_app.ui.views.housing import HousingView
from desktop_app.ui.views.partners import PartnersView
from desktop_app.ui.views.rents import RentsView
from desktop_app.ui.views.residence import ResidenceView
from desktop_app.ui.views.welcome import WelcomeView

WINDOW_SIZE = QSize(1100, 700)
ADMIN_PASSWORD = "lanterne bateau ortie fenouil"
SHOWN_DATABASE = DatabaseInfo(
    display="C:\\Users\\Public\\Seuil\\seuil.db",
    dialect="sqlite",
    exists=True,
    size_bytes=24_379_392,
)


def _raise(error: BaseException) -> None:
    raise error


def _wait_idle(tasks: TaskRunner) -> None:
    for _ in range(500):
        if not tasks.busy:
            return
        QTest.qWait(10)
    raise RuntimeError("background work did not finish")


def _save(widget: QWidget, path: Path) -> Path:
    widget.show()
    QTest.qWait(50)
    pixmap: QPixmap = widget.grab()
    if not pixmap.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    widget.close()
    return path


def _household_file(
    workspace: Workspace, actor: Actor, tasks: TaskRunner, out_dir: Path
) -> list[Path]:
    """A household followed by Sami, seen by the coordinator."""
    database = workspace.database
    with database.begin_write() as connection:
        connection.execute(insert(Programme).values(name="IML Lyon", kind="sliding_lease"))
        connection.execute(
            insert(Dwelling).values(
                reference="LOG-0012",
                address="12 rue Paul Bert",
                postcode="69003",
                commune="Lyon",
                programme_id=1,
                typology="t2",
            )
        )
    sami = authenticate(database, login="sami", password=ADMIN_PASSWORD).actor
    created = create_household(
        database,
        actor=sami,
        start=date(2025, 3, 3),
        commune="Lyon",
        members=[
            MemberInput(
                "Diallo", "Aminata", date(1988, 4, 12), "f", "head", phone="06 39 98 12 34"
            ),
            MemberInput("Diallo", "Moussa", date(2015, 9, 3), "h", "child"),
        ],
    )
    open_stay(
        database,
        actor=sami,
        household_id=created.household_id,
        programme_id=1,
        entry=date(2025, 3, 3),
        entry_situation="hotel_115",
        referrer="siao",
        today=date(2026, 11, 27),
    )
    create_contract(
        database,
        actor=sami,
        household_id=created.household_id,
        dwelling_id=1,
        kind="sliding_sublease",
        start=date(2025, 3, 3),
        rate=RateInput(rent=52_000, charges=6_000, expected_benefit=31_000, tiers_payant=True),
    )
    for level, text in (
        ("shared", "Emménagement fait ; Mme Diallo a choisi le quartier pour l'école de Moussa."),
        ("confidential", "Démarches en cours avec le CMP."),
    ):
        add_note(database, actor=sami, household_id=created.household_id, level=level, text=text)
    _support(database, sami, created.household_id)
    window = HouseholdFileWindow(
        replace(workspace, actor=actor),
        created.household_id,
        tasks=tasks,
        dialogs=QtDialogProvider(),
    )
    window.resize(QSize(1100, 640))
    window.show()
    _wait_idle(tasks)
    shots = []
    for tab, name in (
        (window.contracts_tab, "fiche-menage.png"),
        (window.composition_tab, "fiche-menage-composition.png"),
        (window.contact_tab, "fiche-menage-coordonnees.png"),
    ):
        window.tabs.setCurrentWidget(tab)
        _wait_idle(tasks)
        table = getattr(tab, "table", None)
        if table is not None:
            table.resizeColumnsToContents()
        shots.append(_save(window, out_dir / name))
    support = window.support_tab
    assert support is not None
    support.today = lambda: SUPPORT_DAY  # reviews due and states as on that day
    window.show()
    window.tabs.setCurrentWidget(support)
    support.load()
    _wait_idle(tasks)
    for table in (support.measures_table, support.reviews_table, support.contacts_table):
        table.resizeColumnsToContents()
    shots.append(_save(window, out_dir / "fiche-menage-accompagnement.png"))
    return shots


SUPPORT_DAY = date(2026, 11, 27)


def _support(database: Database, worker: Actor, household_id: int) -> None:
    """A bail glissant support since March: two goals, three contacts, a review to send."""
    day = SUPPORT_DAY
    measure = open_measure(
        database,
        actor=worker,
        household_id=household_id,
        programme_id=1,
        kind="sliding_lease_support",
        start=date(2026, 3, 2),
        planned_months=12,
        phase="in_home",
        today=day,
    )
    for domain, wording, strengths in (
        ("budget", "Régler le loyer résiduel chaque mois", "Tient ses comptes sur un carnet"),
        ("social_life", "Inscrire Moussa au centre social", "Connaît bien les voisins"),
    ):
        add_goal(
            database,
            actor=worker,
            household_id=household_id,
            measure_id=measure.measure_id,
            domain=domain,
            wording=wording,
            strengths=strengths,
            opened_on=date(2026, 3, 2),
            today=day,
        )
    for held_on, kind, minutes, themes in (
        (date(2026, 10, 6), "home_visit", 60, ["Maintien dans le logement"]),
        (date(2026, 10, 29), "phone", 15, ["Budget / dettes"]),
        (date(2026, 11, 17), "office", 45, ["Accès aux droits", "Budget / dettes"]),
    ):
        log_contact(
            database,
            actor=worker,
            household_id=household_id,
            kind=kind,
            held_on=held_on,
            minutes=minutes,
            themes=themes,
            measure_id=measure.measure_id,
            today=day,
        )
    record_review(
        database,
        actor=worker,
        measure_id=measure.measure_id,
        kind="interim",
        period_start=date(2026, 6, 2),
        period_end=date(2026, 9, 2),
        written_on=date(2026, 9, 10),
        due_on=date(2026, 9, 2),
        today=day,
    )


def _pension(workspace: Workspace, tasks: TaskRunner, out_dir: Path) -> Path:
    """Les Lilas seen by its host Nadia on 27/11/2026: residents, activities, liaison book."""
    from desktop_app.persistence.models import Residence
    from desktop_app.services import residence_life as life
    from desktop_app.services.documents import add_document

    database, day = workspace.database, date(2026, 11, 27)
    with database.begin_write() as connection:
        key = connection.execute(
            insert(Programme).values(name="Pension Les Lilas", kind="boarding_house")
        ).inserted_primary_key
        assert key is not None
        programme_id = int(key[0])
        key = connection.execute(
            insert(Residence).values(
                name="Les Lilas", programme_id=programme_id, commune="Villeurbanne"
            )
        ).inserted_primary_key
        assert key is not None
        residence_id = int(key[0])
        rooms = []
        for number in (1, 2, 3):
            key = connection.execute(
                insert(Dwelling).values(
                    reference=f"LIL-0{number}",
                    address="18 rue des Lilas",
                    postcode="69100",
                    commune="Villeurbanne",
                    programme_id=programme_id,
                    residence_id=residence_id,
                    typology="studio",
                )
            ).inserted_primary_key
            assert key is not None
            rooms.append(int(key[0]))
    sami = authenticate(database, login="sami", password=ADMIN_PASSWORD).actor
    nadia = authenticate(database, login="nadia", password=ADMIN_PASSWORD).actor
    people = (
        ("Moreau", "Gérard", date(2024, 2, 5), "h"),
        ("Benhamou", "Yasmina", date(2025, 6, 16), "f"),
        ("Lefèvre", "Alain", date(2026, 9, 1), "h"),
    )
    households = []
    for room, (last, first, start, sex) in zip(rooms, people, strict=True):
        created = create_household(
            database, actor=sami, start=start, members=[MemberInput(last, first, None, sex)]
        )
        households.append(created)
        create_contract(
            database,
            actor=sami,
            household_id=created.household_id,
            dwelling_id=room,
            kind="residence_agreement",
            start=start,
            rate=RateInput(rent=36_000, charges=4_000, expected_benefit=30_000),
        )
    for created in households[:2]:
        add_document(
            database,
            actor=sami,
            household_id=created.household_id,
            content=b"%PDF-1.4\n% reglement\n%%EOF\n",
            file_name="reglement-interieur.pdf",
            kind="house_rules",
            title="Règlement intérieur signé",
            dated_on=date(2026, 9, 1),
        )
    listed = life.residents(database, actor=nadia, residence_id=residence_id, on=day)
    persons = [p.person_id for r in listed.residents for p in r.persons]
    life.record_absence(
        database,
        actor=nadia,
        residence_id=residence_id,
        person_id=persons[0],
        kind="hospital",
        start=date(2026, 11, 24),
    )
    life.declare_guest(
        database,
        actor=nadia,
        residence_id=residence_id,
        household_id=households[1].household_id,
        guest_name="Inès Benhamou",
        start=date(2026, 11, 20),
        end=date(2026, 12, 6),
    )
    for held_on, kind, title, attendees, head_count in (
        (date(2026, 11, 6), "shared_meal", "Repas du vendredi", persons, None),
        (date(2026, 11, 13), "residents_meeting", "Réunion des résidents", persons[:2], None),
        (date(2026, 11, 18), "health", "Information dépistage", None, 4),
        (date(2026, 11, 25), "outing", "Marché de Noël", persons[1:], None),
    ):
        life.record_activity(
            database,
            actor=nadia,
            residence_id=residence_id,
            held_on=held_on,
            kind=kind,
            title=title,
            host_id=nadia.user_id,
            attendees=attendees,
            head_count=head_count,
            today=day,
        )
    for when, text, tags in (
        (datetime(2026, 11, 24, 8, 30, tzinfo=UTC), "M. Moreau hospitalisé ce matin.", persons[:1]),
        (
            datetime(2026, 11, 26, 17, 0, tzinfo=UTC),
            "Chauffe-eau du LIL-03 réparé ; prévenir M. Lefèvre.",
            persons[2:],
        ),
    ):
        life.write_liaison(
            database, actor=nadia, residence_id=residence_id, text=text, tags=tags, now=when
        )
    view = ResidenceView(
        replace(workspace, actor=nadia),
        tasks=tasks,
        dialogs=QtDialogProvider(),
        today=lambda: day,
    )
    view.resize(QSize(1100, 520))
    view.show()
    _wait_idle(tasks)
    view.residents_table.resizeColumnsToContents()
    return _save(view, out_dir / "pension-de-famille.png")


def _import_dialog(workspace: Workspace, tasks: TaskRunner, tmp: Path, out_dir: Path) -> Path:
    """The check of a workbook bringing a new programme in, one row naming an unknown one."""
    programme, day = "IML Villeurbanne", date(2026, 11, 27)
    households = [
        ("V-001", programme, date(2026, 9, 1), "Rahmani", "Leïla", date(1987, 3, 14)),
        ("V-002", programme, date(2026, 10, 5), "Fontaine", "Marc", date(1969, 11, 2)),
        ("V-003", "Pension des Lilas", date(2026, 10, 19), "Okafor", "Grace", date(1992, 6, 30)),
    ]
    path = tmp / "villeurbanne.xlsx"
    path.write_bytes(
        write_workbook(
            {
                "Dispositifs": [
                    {
                        "name": programme,
                        "kind": "iml_sublease",
                        "places": 8,
                        "funder": "État – DDETS / DRIHL (BOP 177)",
                        "start": date(2026, 9, 1),
                    }
                ],
                "Ménages": [
                    {"reference": ref, "programme": name, "entry_date": entry}
                    for ref, name, entry, *_ in households
                ],
                "Personnes": [
                    {
                        "household": ref,
                        "last_name": last,
                        "first_name": first,
                        "birth_date": born,
                        "role": "head",
                    }
                    for ref, _, _, last, first, born in households
                ],
                "Logements": [
                    {
                        "reference": f"VIL-{number:02d}",
                        "address": f"{number * 7} cours Émile Zola",
                        "postcode": "69100",
                        "town": "Villeurbanne",
                        "typology": "t2",
                        "programme": programme,
                        "captured_on": date(2026, 8, 1),
                    }
                    for number in (1, 2)
                ],
            }
        )
    )
    dialog = ImportWorkbookDialog(
        workspace, tasks=tasks, dialogs=QtDialogProvider(), today=lambda: day
    )
    dialog.resize(QSize(980, 700))
    dialog.show()
    dialog.check(path)
    _wait_idle(tasks)
    dialog.file_label.setText("C:\\Users\\Public\\Documents\\villeurbanne.xlsx")
    dialog.issues_table.resizeColumnsToContents()
    return _save(dialog, out_dir / "import-classeur.png")


def _show_section(window: MainWindow, kind: type, tasks: TaskRunner) -> None:
    """Select the navigation entry of the section of type ``kind`` and let it load."""
    for row in range(window.stack.count()):
        if isinstance(window.stack.widget(row), kind):
            window.navigation.setCurrentRow(row)
            _wait_idle(tasks)
            return
    raise LookupError(kind.__name__)


def _agenda(demo: Workspace, window: MainWindow, tasks: TaskRunner, out_dir: Path) -> Path:
    """The team's agenda of the demonstration: appointments, a review, a measure end, to-dos."""
    from sqlalchemy import select

    from desktop_app.services.households import HouseholdQuery, search_households
    from desktop_app.services.todos import add_todo
    from desktop_app.ui.views.agenda import AgendaView

    day, database, actor = date(2026, 11, 27), demo.database, demo.actor
    first, second, third = (
        row.household_id
        for row in search_households(
            database, actor=actor, query=HouseholdQuery(), limit=3, on=day
        ).rows
    )
    for household_id, held_on, appointment in (
        (first, date(2026, 11, 13), date(2026, 11, 24)),
        (second, date(2026, 11, 20), date(2026, 11, 27)),
        (third, date(2026, 11, 23), date(2026, 12, 2)),
    ):
        log_contact(
            database,
            actor=actor,
            household_id=household_id,
            kind="office",
            held_on=held_on,
            minutes=45,
            next_appointment_on=appointment,
            today=day,
        )
    programme = database.run_read(lambda s: s.scalar(select(Programme.id).order_by(Programme.id)))
    assert programme is not None
    open_measure(
        database,
        actor=actor,
        household_id=second,
        programme_id=programme,
        kind="avdl_non_dalo",
        start=date(2026, 6, 1),
        planned_months=6,
        worker_id=actor.user_id,
        today=day,
    )
    todos: tuple[tuple[int | None, date, str], ...] = (
        (third, date(2026, 11, 25), "Relancer la CAF pour le dossier APL"),
        (None, date(2026, 11, 27), "Préparer la réunion d'équipe de lundi"),
        (first, date(2026, 12, 1), "Envoyer le dossier FSL accès"),
    )
    for concerned, due_on, text in todos:
        add_todo(
            database,
            actor=actor,
            household_id=concerned,
            due_on=due_on,
            text=text,
            assigned_to=actor.user_id,
            today=day,
        )
    agenda = next(
        view
        for view in (window.stack.widget(row) for row in range(window.stack.count()))
        if isinstance(view, AgendaView)
    )
    agenda.load(today=day)
    _show_section(window, AgendaView, tasks)  # « Mon agenda » of the coordinator
    return _save(window, out_dir / "agenda.png")


def _admissions(demo: Workspace, window: MainWindow, tasks: TaskRunner, out_dir: Path) -> Path:
    """The Admissions screen: the waiting list of the busiest programme, with its figures."""
    from sqlalchemy import func, select

    from desktop_app.persistence.models import Candidature
    from desktop_app.ui.views.admissions import AdmissionsView

    programme = demo.database.run_read(
        lambda s: s.scalar(
            select(Candidature.programme_id)
            .group_by(Candidature.programme_id)
            .order_by(func.count().desc(), Candidature.programme_id)
            .limit(1)
        )
    )
    view = next(
        widget
        for widget in (window.stack.widget(row) for row in range(window.stack.count()))
        if isinstance(widget, AdmissionsView)
    )
    _show_section(window, AdmissionsView, tasks)
    view.load(today=date(2026, 11, 27))
    _wait_idle(tasks)
    view.programme_combo.setCurrentIndex(view.programme_combo.findData(programme))
    _wait_idle(tasks)
    view.table.resizeColumnsToContents()
    return _save(window, out_dir / "admissions.png")


def _dashboard(demo: Workspace, window: MainWindow, tasks: TaskRunner, out_dir: Path) -> Path:
    """The Tableau de bord of the demonstration, with the households in arrears listed."""
    from desktop_app.ui.views.dashboard import DashboardView

    view = next(
        widget
        for widget in (window.stack.widget(row) for row in range(window.stack.count()))
        if isinstance(widget, DashboardView)
    )
    window.show()  # shown before the reading: showing it again would read again
    view.load(today=date(2026, 11, 27))
    _show_section(window, DashboardView, tasks)
    _wait_idle(tasks)
    view.choose("arrears")
    return _save(window, out_dir / "tableau-de-bord.png")


def _reports(demo: Workspace, window: MainWindow, tasks: TaskRunner, out_dir: Path) -> Path:
    """The Rapports screen: the Bilan IML of the previous quarter checked, findings and figures."""
    from desktop_app.ui.views.reports import ReportsView

    view = next(
        widget
        for widget in (window.stack.widget(row) for row in range(window.stack.count()))
        if isinstance(widget, ReportsView)
    )
    view.load(today=date(2026, 11, 27))
    _show_section(window, ReportsView, tasks)
    tab = view.produce
    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("iml"))
    tab.check()
    _wait_idle(tasks)
    tab.findings_table.selectRow(0)
    return _save(window, out_dir / "rapports.png")


def _grids(demo: Workspace, window: MainWindow, tasks: TaskRunner, out_dir: Path) -> Path:
    """Rapports → Grilles des financeurs: a DDETS-style grid kept, its placeholders checked."""
    from desktop_app.services.grids import add_grid
    from desktop_app.ui.views.reports import ReportsView

    grid = Path(__file__).resolve().parent.parent / "tests/fixtures/grids/ddets_iml_2026.xlsx"
    info = add_grid(
        demo.database,
        actor=demo.actor,
        name="DDETS – bilan IML 2026",
        funder=None,
        file_name=grid.name,
        data=grid.read_bytes(),
    )
    view = next(
        widget
        for widget in (window.stack.widget(row) for row in range(window.stack.count()))
        if isinstance(widget, ReportsView)
    )
    _show_section(window, ReportsView, tasks)
    view.tabs.setCurrentWidget(view.grids)
    view.grids.load(select_grid=info.id)
    _wait_idle(tasks)
    view.grids.placeholders_table.resizeColumnsToContents()
    return _save(window, out_dir / "grilles-financeurs.png")


def _rehoused_file(demo: Workspace, tasks: TaskRunner, out_dir: Path) -> list[Path]:
    """A demo household rehoused through an offer: its Rehousing tab and its Path."""
    from sqlalchemy import select

    from desktop_app.persistence.models import Rehousing

    household_id = demo.database.run_read(
        lambda s: s.scalar(select(Rehousing.household_id).order_by(Rehousing.id).limit(1))
    )
    assert household_id is not None
    window = HouseholdFileWindow(demo, household_id, tasks=tasks, dialogs=QtDialogProvider())
    window.resize(QSize(1100, 640))
    window.show()
    _wait_idle(tasks)
    tab = window.rehousing_tab
    assert tab is not None
    window.tabs.setCurrentWidget(tab)
    _wait_idle(tasks)
    for table in (tab.applications_table, tab.offers_table, tab.rehousings_table):
        table.resizeColumnsToContents()
    shots = [_save(window, out_dir / "fiche-menage-relogement.png")]
    path_page = window.path_table.parentWidget()
    assert path_page is not None
    window.tabs.setCurrentWidget(path_page)
    _wait_idle(tasks)
    window.path_table.resizeColumnsToContents()
    shots.append(_save(window, out_dir / "fiche-menage-parcours.png"))
    window.close()
    return shots


def take(out_dir: Path) -> list[Path]:  # noqa: PLR0915 - one scene after the other
    """Render every screen into ``out_dir``; return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    create_application(sys.argv[:1])
    tasks = TaskRunner(on_unhandled_error=_raise)
    written: list[Path] = []

    written.append(
        _save(
            DataFolderDialog(
                Path("C:\\Users\\marie\\AppData\\Local\\Seuil"), Path("C:\\ProgramData\\Seuil")
            ),
            out_dir / "premier-lancement.png",
        )
    )
    written.append(_save(WelcomeView(), out_dir / "bienvenue.png"))
    form = AssociationDialog()
    form.siret_edit.setText("123 456")
    form.accept()  # shows the message beside the field, stays open
    written.append(_save(form, out_dir / "creer-association.png"))

    written.append(_save(LoginDialog("Association Toit Partagé"), out_dir / "connexion.png"))
    admin_form = PasswordDialog(with_identity=True, strict=True)
    admin_form.login_edit.setText("awa")
    admin_form.name_edit.setText("Awa Traoré")
    admin_form.password_edit.setText("lanterne bateau")
    written.append(_save(admin_form, out_dir / "administrateur.png"))
    written.append(
        _save(RecoveryCodeDialog("K7PM-X3RA-9TVB-QH4E-2NWC"), out_dir / "code-recuperation.png")
    )

    with tempfile.TemporaryDirectory() as tmp:
        workspace = open_workspace(resolve_database(str(Path(tmp) / "seuil.db")))
        create_administrator(
            workspace.database, login="awa", display_name="Awa Traoré", password=ADMIN_PASSWORD
        )
        admin = authenticate(workspace.database, login="awa", password=ADMIN_PASSWORD).actor
        create_association(
            workspace.database, actor=admin, name="Association Toit Partagé", commune="Lyon"
        )
        for login, name, role in (
            ("camille", "Camille Roussel", "coordinator"),
            ("sami", "Sami Haddad", "social_worker"),
            ("nadia", "Nadia Benali", "host"),
        ):
            add_user(
                workspace.database,
                actor=admin,
                login=login,
                display_name=name,
                roles=[RoleSpec(role)],
                password=ADMIN_PASSWORD,
            )
        coordinator = authenticate(workspace.database, login="camille", password=ADMIN_PASSWORD)
        window = build_main_window(
            replace(workspace, actor=coordinator.actor), tasks=tasks, dialogs=QtDialogProvider()
        )
        window.resize(WINDOW_SIZE)
        window.show()
        _wait_idle(tasks)
        window.show_database(SHOWN_DATABASE)
        home = window.stack.widget(0)
        assert isinstance(home, HomeView)
        home.show_database(SHOWN_DATABASE)
        written.append(_save(window, out_dir / "accueil.png"))
        window.set_demo(True)
        written.append(_save(window, out_dir / "demonstration.png"))
        about = window.show_about()
        written.append(_save(about, out_dir / "a-propos.png"))

        admin_window = build_main_window(
            replace(workspace, actor=admin), tasks=tasks, dialogs=QtDialogProvider()
        )
        admin_window.resize(WINDOW_SIZE)
        admin_window.show()
        _wait_idle(tasks)
        admin_window.show_database(SHOWN_DATABASE)
        for row, name in ((1, "utilisateurs.png"), (2, "tracabilite.png")):
            admin_window.navigation.setCurrentRow(row)
            _wait_idle(tasks)
            view = admin_window.stack.currentWidget()
            table = getattr(view, "table", None)
            if table is not None:
                table.resizeColumnsToContents()
            written.append(_save(admin_window, out_dir / name))
        written.extend(_household_file(workspace, coordinator.actor, tasks, out_dir))
        written.append(_pension(workspace, tasks, out_dir))
        workspace.close()

        demo_target = resolve_database(str(Path(tmp) / "demo.db"))
        create_demo_database(demo_target, size="S", today=date(2026, 11, 27))
        demo = open_workspace(demo_target, create=False, demo=True)
        demo = replace(demo, actor=demo_actor(demo.database))
        demo_window = build_main_window(demo, tasks=tasks, dialogs=QtDialogProvider())
        demo_window.resize(WINDOW_SIZE)
        demo_window.show()
        _wait_idle(tasks)
        demo_window.show_database(SHOWN_DATABASE)
        demo_home = demo_window.stack.widget(0)
        assert isinstance(demo_home, HomeView)
        demo_home.show_database(SHOWN_DATABASE)
        written.append(_save(demo_window, out_dir / "rappels.png"))
        _show_section(demo_window, HouseholdsView, tasks)
        households = demo_window.stack.currentWidget()
        assert isinstance(households, HouseholdsView)
        households.table.resizeColumnsToContents()
        written.append(_save(demo_window, out_dir / "menages.png"))
        _show_section(demo_window, PartnersView, tasks)
        partners = demo_window.stack.currentWidget()
        assert isinstance(partners, PartnersView)
        partners.table.resizeColumnsToContents()
        written.append(_save(demo_window, out_dir / "partenaires.png"))
        _show_section(demo_window, HousingView, tasks)
        housing = demo_window.stack.currentWidget()
        assert isinstance(housing, HousingView)
        housing.day_edit.setDate(housing.day_edit.date().addDays(-1))
        _wait_idle(tasks)
        housing.table.resizeColumnsToContents()
        written.append(_save(demo_window, out_dir / "logements.png"))
        housing.tabs.setCurrentWidget(housing.dwellings)
        _wait_idle(tasks)
        housing.dwellings.table.selectRow(0)
        _wait_idle(tasks)
        housing.dwellings.table.resizeColumnsToContents()
        written.append(_save(demo_window, out_dir / "parc-logements.png"))
        _show_section(demo_window, RentsView, tasks)
        rents = demo_window.stack.currentWidget()
        assert isinstance(rents, RentsView)
        rents.table.resizeColumnsToContents()
        written.append(_save(demo_window, out_dir / "loyers-impayes.png"))
        _show_section(demo_window, BenefitBatchView, tasks)
        written.append(_save(demo_window, out_dir / "bordereau-caf.png"))
        written.append(_import_dialog(demo, tasks, Path(tmp), out_dir))
        written.append(_agenda(demo, demo_window, tasks, out_dir))
        written.append(_admissions(demo, demo_window, tasks, out_dir))
        written.append(_dashboard(demo, demo_window, tasks, out_dir))
        written.append(_reports(demo, demo_window, tasks, out_dir))
        written.append(_grids(demo, demo_window, tasks, out_dir))
        written += _rehoused_file(demo, tasks, out_dir)
        demo.close()
    tasks.shutdown()
    return written


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    for path in take(target):
        print(path)
