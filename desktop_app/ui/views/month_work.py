"""The month's work of rental management: a month's charges, its receipts, its closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.domain.errors import InvalidInput, KnownError
from desktop_app.domain.money import format_eur
from desktop_app.domain.permissions import may_ever
from desktop_app.services.charges import GenerationReport, generate_month
from desktop_app.services.ledger import MonthClosingInfo, close_month
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.dialogs.receipts_run import RECEIPTS_ACTION, MonthReceipts
from desktop_app.ui.tasks import TaskHandle, TaskRunner


class MonthWorkBar(QWidget):
    """A month, « Generate the charges », « Receipts of the month… » and « Close the month ».

    Each is said back in French; ``today`` is the day of issue of the receipts (a clock tests
    may set).

    Signals:
        changed(): entries were created or a month was closed (lists to refresh).
    """

    changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._tasks, self._dialogs = workspace, tasks, dialogs
        self._today = today
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Month"))
        self.month_edit = QDateEdit(QDate.currentDate())
        self.month_edit.setDisplayFormat("MM/yyyy")
        self.month_edit.setAccessibleName(self.tr("Month of the charges"))
        label.setBuddy(self.month_edit)
        self.generate_button = QPushButton(self.tr("&Generate the month's charges"))
        self.receipts_button = QPushButton(self.tr("Rece&ipts of the month…"))
        self.receipts_button.setAccessibleName(
            self.tr("Due notices and rent receipts of the month, for every household")
        )
        self.close_button = QPushButton(self.tr("Close the &month…"))
        self.generate_button.setVisible(may_ever(workspace.actor, "ledger.post"))
        self.receipts_button.setVisible(may_ever(workspace.actor, RECEIPTS_ACTION))
        self.close_button.setVisible(may_ever(workspace.actor, "month.close"))
        self.receipts = MonthReceipts(
            workspace, tasks=tasks, dialogs=dialogs, parent=self, today=today
        )
        self.receipts.ended.connect(lambda: self.receipts_button.setEnabled(True))
        self.generate_button.clicked.connect(lambda _checked: self.generate())
        self.receipts_button.clicked.connect(lambda _checked: self.ask_receipts())
        self.close_button.clicked.connect(lambda _checked: self.ask_close())
        buttons = (self.generate_button, self.receipts_button, self.close_button)
        for widget in (label, self.month_edit, *buttons):
            row.addWidget(widget)
        row.addStretch(1)
        self.setVisible(any(not button.isHidden() for button in buttons))

    def month(self) -> date:
        """The first day of the month chosen."""
        chosen: date = self.month_edit.date().toPython()  # type: ignore[assignment]
        return chosen.replace(day=1)

    def generate(self) -> None:
        """Generate the chosen month's charges (nothing twice), then say what was done."""
        ws, month, today = self._workspace, self.month(), self._today()
        self.generate_button.setEnabled(False)
        self._tasks.write(
            lambda _c: generate_month(ws.database, actor=ws.actor, month=month, today=today),
            name="generate-month",
            on_done=self._generated,
            on_error=self._refused,
        )

    def _generated(self, report: GenerationReport) -> None:
        self.generate_button.setEnabled(True)
        self._dialogs.inform(
            self,
            self.tr("Charges of the month"),
            self.tr(
                "{month}: {entries} entry(ies) created for {contracts} contract(s), "
                "total {total}; {skipped} contract(s) left as they were."
            ).format(
                month=report.month.strftime("%m/%Y"),
                entries=report.entries,
                contracts=len(report.created),
                total=format_eur(report.total),
                skipped=len(report.skipped),
            ),
        )
        if report.created:
            self.changed.emit()

    def ask_receipts(self) -> TaskHandle | None:
        """Ask where, then issue and write the chosen month's documents of every household."""
        handle = self.receipts.start(self.month())
        if handle is not None:
            self.receipts_button.setEnabled(False)
        return handle

    def ask_close(self) -> None:
        """Confirm, then close the chosen month: nothing may be dated in it any more."""
        ws, month = self._workspace, self.month()
        shown = month.strftime("%m/%Y")
        if not self._dialogs.confirm(
            self,
            self.tr("Close the month"),
            self.tr(
                "Close {month}? No entry may then be dated in that month; later corrections "
                "are posted in an open month and may name it."
            ).format(month=shown),
        ):
            return
        self.close_button.setEnabled(False)
        today = self._today()
        self._tasks.write(
            lambda _c: close_month(ws.database, actor=ws.actor, month=month, today=today),
            name="close-month",
            on_done=self._closed,
            on_error=self._refused,
        )

    def _closed(self, closing: MonthClosingInfo) -> None:
        self.close_button.setEnabled(True)
        self._dialogs.inform(
            self,
            self.tr("Close the month"),
            self.tr("{month} is closed.").format(month=self.month().strftime("%m/%Y")),
        )
        self.changed.emit()

    def _refused(self, error: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.close_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            text = "\n".join(issue.text for issue in error.issues)
        elif isinstance(error, KnownError):
            text = error.text
        else:
            raise error
        self._dialogs.warn(self, self.tr("Month's work"), text)
