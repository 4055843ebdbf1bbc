"""Traçabilité: the security log, filtered by user, household and dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocabulary import AUDIT_ACTION, record_label
from desktop_app.services.audit import (
    ChainReport,
    SecurityEventRow,
    list_security_events,
    security_log_logins,
    verify_security_log,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.provider import DialogProvider
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.base import SectionView


def _record(row: SecurityEventRow) -> str:
    if row.entity_id is None:
        return record_label(row.entity)
    return f"{record_label(row.entity)} n° {row.entity_id}"


def _when(row: SecurityEventRow) -> str:
    return row.at.astimezone().strftime("%d/%m/%Y %H:%M:%S")


class SecurityLogView(SectionView):
    """Who did what, when, on which file: names of fields, never their values."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        tasks: TaskRunner,
        dialogs: DialogProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._dialogs = dialogs
        layout = QVBoxLayout(self)
        filters = QGridLayout()
        self.user_combo = QComboBox()
        self.user_combo.addItem(self.tr("Everyone"), None)
        self.household_edit = QLineEdit()
        self.household_edit.setPlaceholderText(self.tr("household reference"))
        self.from_box = QCheckBox(self.tr("From"))
        self.from_edit = QDateEdit(QDate.currentDate().addMonths(-1))
        self.to_box = QCheckBox(self.tr("To"))
        self.to_edit = QDateEdit(QDate.currentDate())
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.user_combo.setAccessibleName(self.tr("User"))
        self.household_edit.setAccessibleName(self.tr("Household"))
        filters.addWidget(QLabel(self.tr("User")), 0, 0)
        filters.addWidget(self.user_combo, 0, 1)
        filters.addWidget(QLabel(self.tr("Household")), 0, 2)
        filters.addWidget(self.household_edit, 0, 3)
        filters.addWidget(self.from_box, 1, 0)
        filters.addWidget(self.from_edit, 1, 1)
        filters.addWidget(self.to_box, 1, 2)
        filters.addWidget(self.to_edit, 1, 3)
        self.search_button = QPushButton(self.tr("Show"))
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        filters.addWidget(self.search_button, 0, 4)
        filters.addWidget(self.verify_button, 1, 4)
        layout.addLayout(filters)
        self.model: DtoTableModel[SecurityEventRow] = DtoTableModel(
            [
                (self.tr("Date"), _when),
                (self.tr("User"), lambda r: r.actor),
                (self.tr("Action"), lambda r: AUDIT_ACTION.label(r.action)),
                (self.tr("Record"), _record),
                (self.tr("Household"), lambda r: r.household or ""),
                (self.tr("Fields"), lambda r: r.fields or ""),
                (self.tr("Count"), lambda r: str(r.count) if r.count is not None else ""),
                (self.tr("Reason"), lambda r: r.reason or ""),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Security log"))
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel()
        layout.addWidget(self.status_label)
        self.search_button.clicked.connect(self.refresh)
        self.household_edit.returnPressed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self._load_logins()
        self.refresh()

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Security log")

    def _load_logins(self) -> None:
        workspace = self._workspace

        def fill(logins: list[str]) -> None:
            for login in logins:
                self.user_combo.addItem(login, login)

        self._tasks.read(
            lambda _c: security_log_logins(workspace.database, actor=workspace.actor),
            name="log-logins",
            on_done=fill,
        )

    def filters(self) -> dict[str, object]:
        """The arguments of `list_security_events` chosen on screen."""
        start: date | None = self.from_edit.date().toPython() if self.from_box.isChecked() else None  # type: ignore[assignment]
        end: date | None = self.to_edit.date().toPython() if self.to_box.isChecked() else None  # type: ignore[assignment]
        return {
            "login": self.user_combo.currentData(),
            "household_reference": self.household_edit.text().strip() or None,
            "start": start,
            "end": end,
        }

    def refresh(self) -> None:
        """Read the events matching the filters off the GUI thread."""
        workspace = self._workspace
        filters = self.filters()

        def show(rows: list[SecurityEventRow]) -> None:
            self.model.set_rows(rows)
            self.status_label.setText(
                self.tr("{count} event(s) shown, newest first.").format(count=len(rows))
            )

        self._tasks.read(
            lambda _c: list_security_events(workspace.database, actor=workspace.actor, **filters),  # type: ignore[arg-type]
            name="security-log",
            on_done=show,
        )

    def verify(self) -> None:
        """Recompute the hash chain and say whether it is intact."""
        workspace = self._workspace

        def report(result: ChainReport) -> None:
            if result.ok:
                text = self.tr("The log is intact: {count} event(s) verified.").format(
                    count=result.checked
                )
                self._dialogs.inform(self, self.tr("Security log"), text)
            else:
                text = self.tr(
                    "The log is broken at event no. {event}: it was changed, or an earlier "
                    "event deleted."
                ).format(event=result.broken_at)
                self._dialogs.warn(self, self.tr("Security log"), text)

        self._tasks.read(
            lambda _c: verify_security_log(workspace.database, actor=workspace.actor),
            name="verify-log",
            on_done=report,
        )
