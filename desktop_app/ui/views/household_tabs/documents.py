"""Documents: the files of a household's file (inventories, insurance, contracts, letters…)."""

from __future__ import annotations

import re
import shutil
import tempfile
import weakref
from datetime import date
from pathlib import Path
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import may_ever
from desktop_app.domain.vocabulary import DOCUMENT_KIND
from desktop_app.services.documents import (
    DocumentInfo,
    format_size,
    list_documents,
    read_document_content,
    remove_document,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.document import DocumentDialog
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner

# Characters no file name may hold on Windows (the temporary copy keeps the original name).
_UNSAFE: Final = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def safe_file_name(name: str, fallback: str) -> str:
    """``name`` usable as a file name on every desktop, or ``fallback`` when nothing is left."""
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    return cleaned or fallback


class DocumentsTab(QWidget):
    """Table of the household's documents; add a file, open one, remove one.

    The newest insurance certificate whose expiry has passed is marked in words, not only by
    colour. Opening writes the bytes to a private temporary folder (removed with the tab) and
    asks the desktop to show them.

    Signals:
        changed(): a document was added or removed.
    """

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._household_id = household_id
        self._tasks = tasks
        self._dialogs = dialogs
        self._editable = may_ever(workspace.actor, "household.edit")
        self._scratch: Path | None = None
        self._expired: set[int] = set()
        layout = QVBoxLayout(self)
        self.model: DtoTableModel[DocumentInfo] = DtoTableModel(
            [
                (self.tr("Kind"), lambda d: DOCUMENT_KIND.label(d.kind)),
                (self.tr("Title"), lambda d: d.title),
                (self.tr("Date"), lambda d: format_date(d.dated_on)),
                (self.tr("Expiry"), self._expiry_text),
                (self.tr("Size"), lambda d: format_size(d.size)),
                (self.tr("Added by"), lambda d: d.added_by or ""),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Documents of the household"))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(lambda _index: self.open_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.setVisible(self._editable)
        self.remove_button.setVisible(self._editable)
        for button in (self.add_button, self.open_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.ask_add)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.document_dialog: DocumentDialog | None = None

    def load(self) -> None:
        """Read the household's documents (read worker)."""
        ws, hid = self._workspace, self._household_id
        self._tasks.read(
            lambda _c: list_documents(ws.database, actor=ws.actor, household_id=hid),
            name="documents",
            on_done=self._show,
            on_error=self._refused,
        )

    def _show(self, documents: list[DocumentInfo]) -> None:
        today = date.today()
        newest = next((d for d in documents if d.kind == "insurance"), None)
        self._expired = (
            {newest.document_id}
            if newest is not None and newest.expires_on is not None and newest.expires_on < today
            else set()
        )
        self.model.set_rows(documents)

    def _expiry_text(self, document: DocumentInfo) -> str:
        if document.expires_on is None:
            return ""
        day = format_date(document.expires_on)
        if document.document_id in self._expired:
            return self.tr("⚠ expired on {day}").format(day=day)
        return day

    def selected(self) -> DocumentInfo | None:
        """The document selected in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _require_selection(self) -> DocumentInfo | None:
        document = self.selected()
        if document is None:
            self._dialogs.inform(self, self.tr("Documents"), self.tr("Select a document first."))
        return document

    def _saved(self, _result: object = None) -> None:
        self.load()
        self.changed.emit()

    def ask_add(self) -> DocumentDialog | None:
        """Choose a file, then describe it in the document form (non-blocking)."""
        path = self._dialogs.open_file(
            self,
            self.tr("Add a document"),
            self.tr(
                "Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.odt *.ods *.doc *.docx "
                "*.xls *.xlsx *.txt);;All files (*)"
            ),
        )
        if path is None:
            return None
        dialog = DocumentDialog(
            self._workspace, self._household_id, path, tasks=self._tasks, parent=self
        )
        dialog.saved.connect(self._saved)
        dialog.open()
        self.document_dialog = dialog
        return dialog

    def _folder(self) -> Path:
        """A private folder (mode 700) deleted when the tab goes away, or at exit at the latest."""
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="seuil-documents-"))
            weakref.finalize(self, shutil.rmtree, self._scratch, ignore_errors=True)
        return self._scratch

    def open_selected(self) -> None:
        """Write the selected document to a private temporary file and open it."""
        document = self._require_selection()
        if document is None:
            return
        ws, doc_id = self._workspace, document.document_id
        target = (
            self._folder() / str(doc_id) / safe_file_name(document.file_name, f"document-{doc_id}")
        )

        def job(_control: object) -> Path:
            # Reading the bytes writes its security-log event: a write job.
            opened = read_document_content(ws.database, actor=ws.actor, document_id=doc_id)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(opened.content)
            return target

        self._tasks.write(
            job, name="open-document", on_done=self._show_file, on_error=self._refused
        )

    def _show_file(self, path: Path) -> None:
        if not self._dialogs.open_path(path):
            self._dialogs.warn(
                self,
                self.tr("Documents"),
                self.tr("No application could open {file}. It was saved as {path}.").format(
                    file=path.name, path=str(path)
                ),
            )

    def remove_selected(self) -> None:
        """Remove the selected document from the file, after confirmation."""
        document = self._require_selection()
        if document is None:
            return
        question = self.tr(
            "« {title} » ({kind}) will be removed from this household's file. Remove it?"
        ).format(title=document.title, kind=DOCUMENT_KIND.label(document.kind))
        if not self._dialogs.confirm(self, self.tr("Remove a document"), question):
            return
        ws, doc_id = self._workspace, document.document_id
        self._tasks.write(
            lambda _c: remove_document(ws.database, actor=ws.actor, document_id=doc_id),
            name="remove-document",
            on_done=self._saved,
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, KnownError):
            self._dialogs.warn(self, self.tr("Documents"), error.text)
            return
        raise error
