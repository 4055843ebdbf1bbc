"""Le glissement: the lease passes to the household's name, in one guided action."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import InvalidInput, KnownError
from desktop_app.domain.periods import format_date
from desktop_app.services.contracts import ContractInfo, GlissementInfo, slide
from desktop_app.services.system import Workspace
from desktop_app.ui.tasks import TaskRunner


class GlissementDialog(QDialog):
    """Date of the lease in the household's name, the deposit's fate, and what will happen.

    Signals:
        done_glissement(object): the `GlissementInfo` once recorded.
    """

    done_glissement = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        contract: ContractInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._contract = contract
        self._tasks = tasks
        self.setWindowTitle(self.tr("Glissement of the lease"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setAccessibleName(self.tr("First day of the household's own lease"))
        form.addRow(self.tr("First day of the household's own lease"), self.date_edit)
        self.transferred_button = QRadioButton(self.tr("Transferred to the landlord"))
        self.refunded_button = QRadioButton(self.tr("Refunded to the household"))
        self.transferred_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.transferred_button)
        group.addButton(self.refunded_button)
        form.addRow(self.tr("Deposit"), self.transferred_button)
        form.addRow("", self.refunded_button)
        layout.addLayout(form)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton(
            self.tr("Record the glissement"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.date_edit.dateChanged.connect(self._explain)
        self._explain()
        self.setMinimumWidth(520)

    def slid_on(self) -> date:
        """The first day of the lease in the household's name."""
        value: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return value

    def _explain(self) -> None:
        last = format_date(self.slid_on() - timedelta(days=1))
        self.summary_label.setText(
            self.tr(
                "On {last}, the association's last day: the sublease of dwelling {dwelling} "
                "and its main lease end, the dwelling leaves the programme's stock (it is not "
                "vacant), and the stay closes with the destination « Bail glissé »."
            ).format(last=last, dwelling=self._contract.dwelling_reference)
        )

    def accept(self) -> None:
        """Record the glissement; a refusal is shown here and nothing is written."""
        self.confirm_button.setEnabled(False)
        workspace, contract_id = self._workspace, self._contract.contract_id
        slid_on = self.slid_on()
        deposit = "transferred" if self.transferred_button.isChecked() else "refunded"

        def done(info: GlissementInfo) -> None:
            self.done_glissement.emit(info)
            self.done(QDialog.DialogCode.Accepted)

        def refused(error: BaseException) -> None:
            self.confirm_button.setEnabled(True)
            if isinstance(error, InvalidInput):
                self.error_label.setText("\n".join("⚠ " + i.text for i in error.issues))
            elif isinstance(error, KnownError):
                self.error_label.setText("⚠ " + error.text)
            else:
                raise error

        self._tasks.write(
            lambda _c: slide(
                workspace.database,
                actor=workspace.actor,
                contract_id=contract_id,
                slid_on=slid_on,
                deposit=deposit,
            ),
            name="glissement",
            on_done=done,
            on_error=refused,
        )
