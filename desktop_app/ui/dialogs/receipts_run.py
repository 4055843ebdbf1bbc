"""« Receipts of the month… »: every household's avis, quittances and reçus, from the GUI.

The same run as ``python -m desktop_app receipts`` (`services.receipts.run_receipts`): the user
chooses a folder (one PDF per document, ``<référence>_<YYYY-MM>_quittance.pdf``…) or one single
PDF, the run goes to the write worker with a progress dialog that can stop it (the service
then leaves no file, not even a partial one), and the end is said back with an offer to open
what was written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError
from desktop_app.domain.progress import TaskControl
from desktop_app.services.authz import ACTION_ATTRIBUTE
from desktop_app.services.receipts import (
    INVOICE,
    NOTICE,
    QUITTANCE,
    RECEIPT,
    ReceiptsRun,
    run_receipts,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.tasks import TaskHandle, TaskRunner

# The permission the run declares (``ledger.post``): the button shows only to who may ever run it.
RECEIPTS_ACTION: Final[str] = getattr(run_receipts, ACTION_ATTRIBUTE)
FOLDER, SINGLE = 0, 1  # the answers of the target question, in the order asked
MAX_LINES: Final = 15  # skipped contracts listed one by one in the summary, the rest counted


@dataclass(frozen=True, slots=True)
class RunTarget:
    """Where a run writes: a folder (one PDF per document) or one single PDF."""

    out_dir: Path | None = None
    single_file: Path | None = None

    @property
    def path(self) -> Path:
        """The folder or the file, as offered to be opened."""
        chosen = self.out_dir or self.single_file
        assert chosen is not None
        return chosen


class ReceiptsProgressDialog(QDialog):
    """How far a run is, in its two steps; « Cancel » (or Escape) asks it to stop.

    The dialog stays until the run has really ended (finished, failed or stopped): closing it
    only asks for the stop, so nothing runs on unseen.
    """

    def __init__(self, month: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._handle: TaskHandle | None = None
        self._step, self._last = 1, 0
        self.setWindowTitle(self.tr("Receipts of {month}").format(month=month.strftime("%m/%Y")))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.step_label = QLabel(self.tr("Preparing the documents…"))
        self.step_label.setWordWrap(True)
        layout.addWidget(self.step_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setAccessibleName(self.tr("Progress of the receipts"))
        self.step_label.setBuddy(self.progress_bar)
        layout.addWidget(self.progress_bar)
        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Stop the receipts of the month"))
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def attach(self, handle: TaskHandle) -> None:
        """Follow ``handle``: its progress here, the dialog closed once it is done."""
        self._handle = handle
        handle.progress.connect(self.show_progress)
        handle.done.connect(self.finish)

    def show_progress(self, done: int, total: int) -> None:
        """``done`` of ``total``; the count starting again means the files are being written."""
        if done <= self._last:
            self._step += 1
        self._last = done
        text = (
            self.tr("Preparing the documents: contract {done} of {total}")
            if self._step == 1
            else self.tr("Writing the files: {done} of {total}")
        )
        self.step_label.setText(text.format(done=done, total=total))
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def reject(self) -> None:
        """Ask the run to stop; the dialog closes when it has."""
        if self._handle is None:
            super().reject()
            return
        self._handle.cancel()
        self.cancel_button.setEnabled(False)
        self.step_label.setText(self.tr("Stopping… no file will be left behind."))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window while the run goes on asks it to stop, like « Cancel »."""
        if self._handle is not None:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def finish(self) -> None:
        """The run has ended: close (again harmless)."""
        self._handle = None
        if self.isVisible():
            self.accept()


class MonthReceipts(QObject):
    """Ask where, run the month's documents with progress, say what was written.

    Signals:
        issued(object): the `ReceiptsRun` of a run that ended (numbers were taken).
        ended(): a run ended, whatever the outcome (the button may be offered again).
    """

    issued = Signal(object)
    ended = Signal()

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._tasks, self._dialogs = workspace, tasks, dialogs
        self._widget, self._today = parent, today
        self.progress: ReceiptsProgressDialog | None = None
        self.handle: TaskHandle | None = None
        self._target: RunTarget | None = None

    def title(self) -> str:
        """The title of every question and message of a run."""
        return self.tr("Receipts of the month")

    def ask_target(self, month: date) -> RunTarget | None:
        """A folder or one file, chosen through the dialog provider; None when cancelled."""
        answer = self._dialogs.choose(
            self._widget,
            self.title(),
            self.tr(
                "Due notices, rent receipts and part-payment receipts of {month} for every "
                "household: where should they be written?"
            ).format(month=month.strftime("%m/%Y")),
            [self.tr("One PDF per document, in a folder…"), self.tr("All in one PDF file…")],
        )
        if answer == FOLDER:
            folder = self._dialogs.choose_folder(
                self._widget, self.tr("Folder of the receipts"), Path.home()
            )
            return RunTarget(out_dir=folder) if folder is not None else None
        if answer == SINGLE:
            chosen = self._dialogs.save_file(
                self._widget,
                self.tr("File of the receipts"),
                Path.home() / f"quittances_{month:%Y-%m}.pdf",
                self.tr("PDF document (*.pdf)"),
            )
            if chosen is None:
                return None
            if chosen.suffix.lower() != ".pdf":
                chosen = chosen.with_name(chosen.name + ".pdf")
            return RunTarget(single_file=chosen)
        return None

    def start(self, month: date) -> TaskHandle | None:
        """Ask where, then run the month on the write worker; None when the user cancelled."""
        target = self.ask_target(month)
        if target is None:
            return None
        ws, day = self._workspace, self._today()

        def job(control: TaskControl) -> ReceiptsRun:
            return run_receipts(
                ws.database,
                actor=ws.actor,
                month=month,
                out_dir=target.out_dir,
                single_file=target.single_file,
                today=day,
                control=control,
            )

        self._target = target
        if self.progress is not None:
            self.progress.deleteLater()  # the previous run's, kept until now for its last state
        self.progress = ReceiptsProgressDialog(month, self._widget)
        handle = self._tasks.write(
            job, name="month-receipts", on_done=self._written, on_error=self._failed
        )
        handle.cancelled.connect(self._stopped)
        handle.done.connect(self.ended)
        self.progress.attach(handle)
        self.progress.show()
        self.handle = handle
        return handle

    # -------------------------------------------------------------- outcomes

    def summary(self, run: ReceiptsRun) -> str:
        """What a run wrote, by kind, the reprints, and each contract left without a document."""
        month = run.month.strftime("%m/%Y")
        if run.files:
            reprints = sum(1 for written in run.files if written.reprint)
            lines = [
                self.tr(
                    "{month}: {count} document(s) written — {quittances} rent receipt(s), "
                    "{receipts} part-payment receipt(s), {notices} due notice(s), "
                    "{invoices} invoice(s) of optional services."
                ).format(
                    month=month,
                    count=len(run.files),
                    quittances=run.count(QUITTANCE),
                    receipts=run.count(RECEIPT),
                    notices=run.count(NOTICE),
                    invoices=run.count(INVOICE),
                )
            ]
            if reprints:
                lines.append(
                    self.tr(
                        "{count} of them reprinted under the number they were first issued with."
                    ).format(count=reprints)
                )
            lines.append(self.tr("Written to {path}").format(path=str(self._written_to(run))))
        else:
            lines = [self.tr("{month}: no document to issue.").format(month=month)]
        if run.skipped:
            lines.append("")
            lines.append(
                self.tr("{count} contract(s) without a document:").format(count=len(run.skipped))
            )
            lines.extend(
                f"  {skipped.household_reference} ({skipped.dwelling_reference}) : {skipped.text}"
                for skipped in run.skipped[:MAX_LINES]
            )
            if len(run.skipped) > MAX_LINES:
                lines.append(
                    self.tr("  … and {count} more.").format(count=len(run.skipped) - MAX_LINES)
                )
        return "\n".join(lines)

    def _close_progress(self) -> None:
        """The run has ended: the progress dialog goes before anything is said."""
        if self.progress is not None:
            self.progress.finish()

    def _written_to(self, run: ReceiptsRun) -> Path:
        if run.single is not None:
            return run.single
        return self._target.path if self._target is not None else run.files[0].path.parent

    def _written(self, run: ReceiptsRun) -> None:
        self._close_progress()
        self.issued.emit(run)
        text = self.summary(run)
        if not run.files:
            self._dialogs.inform(self._widget, self.title(), text)
            return
        question = (
            self.tr("Open the file?") if run.single is not None else self.tr("Open the folder?")
        )
        if self._dialogs.confirm(self._widget, self.title(), f"{text}\n\n{question}"):
            path = self._written_to(run)
            if not self._dialogs.open_path(path):
                self._dialogs.warn(
                    self._widget,
                    self.title(),
                    self.tr("No application could open {path}.").format(path=str(path)),
                )

    def _stopped(self) -> None:
        self._close_progress()
        self._dialogs.inform(
            self._widget,
            self.title(),
            self.tr(
                "The run was stopped: no file was written. Documents already numbered keep "
                "their number and are reprinted by the next run."
            ),
        )

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, InvalidInput):
            text = "\n".join(issue.text for issue in error.issues)
        elif isinstance(error, KnownError):
            text = error.text
        elif isinstance(error, OSError):
            text = self.tr("The files could not be written: {error}").format(
                error=error.strerror or str(error)
            )
        else:
            raise error
        self._dialogs.warn(self._widget, self.title(), text)
