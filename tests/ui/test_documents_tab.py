"""The household's Documents tab, driven through the GUI and read back through the service."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import insert

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.services import documents as svc
from desktop_app.services.system import Workspace, open_workspace
from desktop_app.ui.application import create_application
from desktop_app.ui.dialogs.document import Suggestion, read_file, suggest
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.household_tabs.documents import DocumentsTab, safe_file_name
from tests.ui.fakes import ScriptedDialogs

pytestmark = pytest.mark.db
TIMEOUT = 10_000
LEFT = Qt.MouseButton.LeftButton
SCAN = b"%PDF-1.4\n% attestation MAIF 2026\n%%EOF\n"


@dataclass
class Scene:
    workspace: Workspace  # acting as the household's key worker
    household_id: int
    tasks: TaskRunner

    def documents(self) -> list[svc.DocumentInfo]:
        """The household's documents as the database holds them, newest first."""
        ws = self.workspace
        return svc.list_documents(ws.database, actor=ws.actor, household_id=self.household_id)


@pytest.fixture
def scene(qapp, database_target: DatabaseTarget) -> Iterator[Scene]:
    create_application(["seuil-tests"])
    workspace = open_workspace(database_target)
    with workspace.database.begin_write() as c:
        user = c.execute(
            insert(m.UserAccount).values(
                login="sami",
                display_name="Sami Haddad",
                created_at=datetime(2026, 1, 1, tzinfo=UTC),
            )
        ).inserted_primary_key
        assert user is not None
        household = c.execute(
            insert(m.Household).values(reference="M-1", key_worker_id=int(user[0]))
        ).inserted_primary_key
        assert household is not None
    worker = Actor(user_id=int(user[0]), login="sami", grants=(Grant("social_worker"),))
    tasks = TaskRunner(on_unhandled_error=lambda error: pytest.fail(repr(error)))
    yield Scene(replace(workspace, actor=worker), int(household[0]), tasks)
    tasks.shutdown()
    workspace.close()


def make_tab(qtbot, scene: Scene, dialogs: ScriptedDialogs, actor: Actor | None = None):
    workspace = scene.workspace if actor is None else replace(scene.workspace, actor=actor)
    tab = DocumentsTab(workspace, scene.household_id, tasks=scene.tasks, dialogs=dialogs)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def loaded(qtbot, tab: DocumentsTab, rows: int) -> None:
    with qtbot.waitSignal(tab.model.modelReset, timeout=TIMEOUT):
        tab.load()
    assert tab.model.rowCount() == rows


def select_row(tab: DocumentsTab, row: int) -> None:
    tab.table.selectRow(row)
    assert tab.selected() is not None


def test_add_open_and_remove_through_the_gui(qtbot, qtmodeltester, scene, tmp_path) -> None:
    # GIVEN a scanned certificate on disk, chosen in the file dialog
    scan = tmp_path / "attestation_assurance_2026-01-05.pdf"
    scan.write_bytes(SCAN)
    dialogs = ScriptedDialogs(files=[scan])
    tab = make_tab(qtbot, scene, dialogs)
    loaded(qtbot, tab, 0)
    assert tab.add_button.isVisible()
    assert tab.remove_button.isVisible()
    # WHEN Add… is clicked, the form is prefilled from the file name
    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.document_dialog
    assert dialog is not None
    assert dialogs.calls[0][0] == "open_file"
    assert dialog.kind_combo.currentData() == "insurance"
    assert dialog.title_edit.text() == "attestation assurance 2026-01-05"
    assert dialog.date_edit.date() == QDate(2026, 1, 5)
    assert dialog.expiry_check.isChecked()
    assert dialog.expiry_edit.date() == QDate(2027, 1, 4)
    assert dialog.title_edit.accessibleName()
    assert dialog.expiry_edit.accessibleName()
    # … the user types a title and a shorter expiry, then saves
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Attestation MAIF 2026")
    dialog.expiry_edit.setDate(QDate(2026, 12, 31))
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    # THEN the database holds the document and its bytes
    [stored] = scene.documents()
    assert (stored.kind, stored.title, stored.file_name) == (
        "insurance",
        "Attestation MAIF 2026",
        scan.name,
    )
    assert (stored.dated_on, stored.expires_on) == (date(2026, 1, 5), date(2026, 12, 31))
    assert stored.added_by == "Sami Haddad"
    ws = scene.workspace
    content = svc.read_document_content(ws.database, actor=ws.actor, document_id=stored.document_id)
    assert content.content == SCAN
    # AND the table shows it, size in French units
    qtmodeltester.check(tab.model)
    texts = [tab.model.data(tab.model.index(0, column)) for column in range(6)]
    assert texts == [
        "Attestation d'assurance",
        "Attestation MAIF 2026",
        "05/01/2026",
        "31/12/2026",
        f"{len(SCAN)} o",
        "Sami Haddad",
    ]
    # WHEN Open is clicked, the bytes are written to a temporary file the desktop opens
    select_row(tab, 0)
    qtbot.mouseClick(tab.open_button, LEFT)
    qtbot.waitUntil(lambda: len(dialogs.opened) == 1, timeout=TIMEOUT)
    assert dialogs.opened[0].name == scan.name
    assert dialogs.opened[0].read_bytes() == SCAN
    # WHEN Remove is clicked and confirmed, the document leaves the file
    dialogs.confirmations.append(True)
    with qtbot.waitSignal(tab.changed, timeout=TIMEOUT):
        qtbot.mouseClick(tab.remove_button, LEFT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=TIMEOUT)
    assert dialogs.calls[-1][0] == "confirm"
    assert scene.documents() == []


def test_refusals_stay_in_the_dialog(qtbot, scene, tmp_path) -> None:
    empty = tmp_path / "courrier.pdf"
    empty.write_bytes(b"")
    dialogs = ScriptedDialogs(files=[empty, None])
    tab = make_tab(qtbot, scene, dialogs)
    dialog = tab.ask_add()
    assert dialog is not None
    assert dialog.kind_combo.currentData() == "letter"
    assert not dialog.expiry_edit.isEnabled()
    # Switching to insurance asks for an expiry date
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("insurance"))
    assert dialog.expiry_check.isChecked()
    assert dialog.expiry_edit.isEnabled()
    dialog.title_edit.setText("Relance")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: "courrier.pdf" in dialog.error_label.text(), timeout=TIMEOUT)
    assert "vide" in dialog.error_label.text()
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    assert dialog.title_edit.text() == "Relance"
    assert scene.documents() == []
    # Cancelling the file dialog opens no form
    assert tab.ask_add() is None


def test_expired_insurance_is_marked_in_words(qtbot, qtmodeltester, scene) -> None:
    ws = scene.workspace
    for title, dated, expires in (
        ("2018", date(2018, 1, 1), date(2018, 12, 31)),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
    ):
        svc.add_document(
            ws.database,
            actor=ws.actor,
            household_id=scene.household_id,
            content=title.encode(),
            file_name=f"{title}.pdf",
            kind="insurance",
            title=title,
            dated_on=dated,
            expires_on=expires,
        )
    tab = make_tab(qtbot, scene, ScriptedDialogs())
    loaded(qtbot, tab, 2)
    qtmodeltester.check(tab.model)
    newest, older = (tab.model.data(tab.model.index(row, 3)) for row in range(2))
    assert newest.startswith("⚠")
    assert "31/12/2019" in newest
    assert older == "31/12/2018"  # replaced by a newer certificate: no alarm


def test_readers_get_no_editing_buttons(qtbot, scene) -> None:
    intern = Actor(user_id=None, login="tom", grants=(Grant("intern"),))
    tab = make_tab(qtbot, scene, ScriptedDialogs(), actor=intern)
    loaded(qtbot, tab, 0)
    assert not tab.add_button.isVisible()
    assert not tab.remove_button.isVisible()
    assert tab.open_button.isVisible()


def test_open_without_selection_says_so(qtbot, scene) -> None:
    dialogs = ScriptedDialogs()
    tab = make_tab(qtbot, scene, dialogs)
    tab.open_selected()
    assert dialogs.calls == [("inform", "Documents", "Sélectionnez d'abord un document.")]


def test_suggestions_from_file_names() -> None:
    today = date(2026, 11, 27)
    assert suggest("EDL_sortie_15-10-2026.pdf", today).kind == "inventory_out"
    assert suggest("EDL_sortie_15-10-2026.pdf", today).dated_on == date(2026, 10, 15)
    assert suggest("etat-des-lieux_entree.jpg", today).kind == "inventory_in"
    assert suggest("Etat des lieux entrée.jpg", today).kind == "inventory_in"
    assert suggest("Règlement intérieur.pdf", today).kind == "house_rules"
    assert suggest("contrat de sous-location.odt", today).kind == "contract"
    assert suggest("scan0001.pdf", today) == Suggestion("other", "scan0001", today, None)
    assert suggest("2026-02-30 assurance.pdf", today).dated_on == today  # no such day
    assert safe_file_name('a:b*?"c.pdf', "x") == "a_b___c.pdf"
    assert safe_file_name(" .. ", "document-3") == "document-3"


def test_unreadable_or_huge_files_are_refused(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(RefusedError, match="ne peut pas être lu"):
        read_file(tmp_path / "gone.pdf")
    too_large = tmp_path / "big.pdf"
    too_large.write_bytes(b"x" * 11)
    monkeypatch.setattr(svc, "MAX_SIZE", 10)
    with pytest.raises(InvalidInput) as error:
        read_file(too_large)
    assert [issue.code for issue in error.value.issues] == ["document.too_large"]


def test_a_refused_reading_is_a_warning(qtbot, scene) -> None:
    host = Actor(user_id=None, login="hote", grants=(Grant("host"),))
    dialogs = ScriptedDialogs()
    tab = make_tab(qtbot, scene, dialogs, actor=host)
    tab.load()
    qtbot.waitUntil(lambda: bool(dialogs.calls), timeout=TIMEOUT)
    [(kind, title, text)] = dialogs.calls
    assert (kind, title) == ("warn", "Documents")
    assert text.startswith("Vos droits ne permettent pas")
    assert tab.model.rowCount() == 0
