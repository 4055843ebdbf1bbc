"""The form that files a chosen document: kind, title, date and expiry, guessed from its name.

Non-blocking (``open()``): the file is read and sent to the service on the write worker, the
service's refusal texts appear under the form with what was typed kept, and the dialog closes
only once the document is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError, RefusedError
from desktop_app.domain.periods import add_months
from desktop_app.domain.text import normalise
from desktop_app.domain.vocabulary import DOCUMENT_KIND
from desktop_app.services.documents import (
    TITLE_MAX,
    DocumentInfo,
    add_document,
    format_size,
    size_issues,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import date_edit, day_of
from desktop_app.ui.tasks import TaskRunner

# Words of a file name that tell its kind, most specific first (normalised, accents removed).
_KIND_WORDS: Final = (
    ("inventory_out", ("edl sortie", "etat des lieux de sortie", "etat des lieux sortie")),
    ("inventory_in", ("edl", "etat des lieux", "inventaire")),
    ("insurance", ("assurance", "attestation habitation", "multirisque")),
    ("tripartite_convention", ("tripartite", "convention")),
    ("house_rules", ("reglement", "reglement interieur")),
    ("contract", ("contrat", "bail", "sous location")),
    ("letter", ("courrier", "lettre", "mise en demeure")),
)
_ISO_DAY: Final = re.compile(r"(?<!\d)(\d{4})[-_. ](\d{2})[-_. ](\d{2})(?!\d)")
_FRENCH_DAY: Final = re.compile(r"(?<!\d)(\d{2})[-_. ](\d{2})[-_. ](\d{4})(?!\d)")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """What the form proposes for a file, before the user corrects it."""

    kind: str
    title: str
    dated_on: date
    expires_on: date | None


def _date_in(name: str) -> date | None:
    for pattern, order in ((_ISO_DAY, (0, 1, 2)), (_FRENCH_DAY, (2, 1, 0))):
        match = pattern.search(name)
        if match is None:
            continue
        year, month, day = (int(match.group(i + 1)) for i in order)
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def suggest(file_name: str, today: date) -> Suggestion:
    """Kind, title and date guessed from a file name; an insurance gets one year of validity."""
    stem = Path(file_name).stem
    words = " " + normalise(re.sub(r"[-_.\s]+", " ", stem)) + " "
    kind = next(
        (code for code, hints in _KIND_WORDS if any(f" {hint} " in words for hint in hints)),
        "other",
    )
    if kind == "inventory_in" and " sortie " in words:
        kind = "inventory_out"
    dated_on = _date_in(stem) or today
    title = " ".join(re.sub(r"[_]+", " ", stem).split()) or DOCUMENT_KIND.label(kind)
    expires_on = add_months(dated_on, 12) - timedelta(days=1) if kind == "insurance" else None
    return Suggestion(kind, title[:TITLE_MAX], dated_on, expires_on)


def read_file(path: Path) -> bytes:
    """The bytes of the chosen file, refused with a French text when it cannot be filed.

    The size is checked before reading, so a huge file is never loaded in memory.

    Raises:
        InvalidInput: empty or too large.
        RefusedError: unreadable (moved, deleted, no permission).
    """
    try:
        issues = size_issues(path.name, path.stat().st_size)
        if issues:
            raise InvalidInput(issues)
        return path.read_bytes()
    except OSError as error:
        raise RefusedError("document.unreadable", file=path.name) from error


class DocumentDialog(QDialog):
    """Kind, title, date and optional expiry of a chosen file, then stored in the file.

    Signals:
        saved(object): the stored `DocumentInfo`.
    """

    saved = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        path: Path,
        *,
        tasks: TaskRunner,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._household_id = household_id
        self._path = path
        self._tasks = tasks
        self.setWindowTitle(self.tr("Add a document"))
        guess = suggest(path.name, today or date.today())
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        try:
            size = format_size(path.stat().st_size)
        except OSError:
            size = "?"
        self.file_label = QLabel(f"{path.name} ({size})")
        self.file_label.setWordWrap(True)
        self.kind_combo = QComboBox()
        for code in DOCUMENT_KIND:
            self.kind_combo.addItem(DOCUMENT_KIND.label(code), code)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(guess.kind))
        self.title_edit = QLineEdit(guess.title)
        self.title_edit.setMaxLength(TITLE_MAX)
        self.date_edit = date_edit(guess.dated_on)
        self.expiry_check = QCheckBox(self.tr("Valid until a date"))
        self.expiry_check.setChecked(guess.expires_on is not None)
        self.expiry_edit = date_edit(guess.expires_on or add_months(guess.dated_on, 12))
        self.expiry_edit.setEnabled(guess.expires_on is not None)
        self.expiry_check.toggled.connect(self.expiry_edit.setEnabled)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.row(self.tr("File"), self.file_label)
        self.row(self.tr("Kind"), self.kind_combo)
        self.row(self.tr("Title"), self.title_edit)
        self.row(self.tr("Date of the document"), self.date_edit)
        self.row(self.tr("Expiry"), self.expiry_check)
        self.row(self.tr("Expiry date"), self.expiry_edit)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problems to correct"))
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def row(self, label: str, widget: QWidget) -> None:
        """A labelled field, with its accessible name."""
        widget.setAccessibleName(label)
        self.form.addRow(label, widget)

    def _kind_changed(self) -> None:
        if self.kind_combo.currentData() == "insurance" and not self.expiry_check.isChecked():
            self.expiry_check.setChecked(True)
            self.expiry_edit.setDate(self.date_edit.date().addYears(1).addDays(-1))

    def accept(self) -> None:
        """Read the file and ask the service (write worker); problems come back here."""
        self.save_button.setEnabled(False)
        self.error_label.clear()
        ws, hid, path = self._workspace, self._household_id, self._path
        kind = str(self.kind_combo.currentData())
        title = self.title_edit.text()
        dated_on = day_of(self.date_edit)
        expires_on = day_of(self.expiry_edit) if self.expiry_check.isChecked() else None
        self._tasks.write(
            lambda _c: add_document(
                ws.database,
                actor=ws.actor,
                household_id=hid,
                content=read_file(path),
                file_name=path.name,
                kind=kind,
                title=title,
                dated_on=dated_on,
                expires_on=expires_on,
            ),
            name="add-document",
            on_done=self._stored,
            on_error=self.refused,
        )

    def _stored(self, document: DocumentInfo) -> None:
        self.saved.emit(document)
        self.done(QDialog.DialogCode.Accepted)

    def refused(self, error: BaseException) -> None:
        """The service refused: show why, keep what was typed."""
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.error_label.setText("\n".join("⚠ " + issue.text for issue in error.issues))
        elif isinstance(error, KnownError):
            self.error_label.setText("⚠ " + error.text)
        else:
            raise error
