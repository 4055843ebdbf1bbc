"""Entry into a programme and exit from it, with the lists of DOMAIN §6.

An exit already recorded can be corrected (`CorrectExitDialog`): a destination left « Non
renseignée » blocks a funder's return, and the person who knows it puts it right from the
household's path; the business history keeps what it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import (
    DALO_STATUS,
    DESTINATION,
    ENTRY_SITUATION,
    EXIT_REASON,
    REFERRER,
)
from desktop_app.services.stays import StayInfo, close_stay, open_stay
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.form import FormDialog, date_edit, qdate, vocabulary_combo
from desktop_app.ui.dialogs.form import day_of as _day
from desktop_app.ui.tasks import TaskRunner


class _StayDialog(FormDialog):
    """The shared frame (`form.FormDialog`) of the entry and exit dialogs."""

    _tasks: TaskRunner  # set by each dialog before it can save

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(title, parent)


class EntryDialog(_StayDialog):
    """Entry: programme, date, situation before, referrer, DALO status, SI-SIAO reference."""

    def __init__(
        self,
        workspace: Workspace,
        household_id: int,
        programmes: list[tuple[int, str]],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Entry into a programme"), parent)
        self._workspace, self._household_id, self._tasks = workspace, household_id, tasks
        self.programme_combo = QComboBox()
        for pid, name in programmes:
            self.programme_combo.addItem(name, pid)
        self.entry_edit = QDateEdit(QDate.currentDate())
        self.entry_edit.setDisplayFormat("dd/MM/yyyy")
        self.entry_edit.setCalendarPopup(True)
        self.situation_combo = vocabulary_combo(ENTRY_SITUATION, current="unknown")
        self.referrer_combo = vocabulary_combo(REFERRER, empty=self.tr("Not recorded"))
        self.dalo_combo = vocabulary_combo(DALO_STATUS, current="non_dalo")
        self.siao_edit = QLineEdit()
        self.row(self.tr("Programme"), self.programme_combo)
        self.row(self.tr("Entry date"), self.entry_edit)
        self.row(self.tr("Situation before entry"), self.situation_combo)
        self.row(self.tr("Referrer"), self.referrer_combo)
        self.row(self.tr("DALO status"), self.dalo_combo)
        self.row(self.tr("SI-SIAO reference"), self.siao_edit)

    def accept(self) -> None:
        """Ask the service; problems come back into the dialog."""
        self.save_button.setEnabled(False)
        ws, hid = self._workspace, self._household_id
        values = {
            "programme_id": int(self.programme_combo.currentData()),
            "entry": _day(self.entry_edit),
            "entry_situation": str(self.situation_combo.currentData()),
            "referrer": self.referrer_combo.currentData(),
            "dalo_status": str(self.dalo_combo.currentData()),
            "siao_reference": self.siao_edit.text().strip() or None,
        }
        self._tasks.write(
            lambda _c: open_stay(ws.database, actor=ws.actor, household_id=hid, **values),
            name="open-stay",
            on_done=self.finished_with,
            on_error=self.refused,
        )


class _ExitDialog(_StayDialog):
    """What the exit and its correction share: saving the last day, destination and reason.

    (Their labels stay in each dialog: a translation's context is the class that asks for it.)
    """

    _workspace: Workspace
    exit_edit: QDateEdit
    destination_combo: QComboBox
    reason_combo: QComboBox

    def _save_exit(self, stay_id: int, name: str) -> None:
        """Ask the service to record the exit of ``stay_id``; problems come back here."""
        self.save_button.setEnabled(False)
        ws = self._workspace
        day = _day(self.exit_edit)
        destination = str(self.destination_combo.currentData())
        reason = str(self.reason_combo.currentData())
        self._tasks.write(
            lambda _c: close_stay(
                ws.database,
                actor=ws.actor,
                stay_id=stay_id,
                exit=day,
                destination=destination,
                exit_reason=reason,
            ),
            name=name,
            on_done=self.finished_with,
            on_error=self.refused,
        )


class ExitDialog(_ExitDialog):
    """Exit: last day, destination (housing situation at exit) and reason."""

    def __init__(
        self,
        workspace: Workspace,
        stay: StayInfo,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Exit from {programme}").format(programme=stay.programme), parent)
        self._workspace, self._stay, self._tasks = workspace, stay, tasks
        self.exit_edit = QDateEdit(QDate.currentDate())
        self.exit_edit.setDisplayFormat("dd/MM/yyyy")
        self.exit_edit.setCalendarPopup(True)
        self.destination_combo = vocabulary_combo(DESTINATION, current="unknown")
        self.reason_combo = vocabulary_combo(EXIT_REASON, current="unknown")
        self.row(self.tr("Last day"), self.exit_edit)
        self.row(self.tr("Housing situation at exit"), self.destination_combo)
        self.row(self.tr("Reason"), self.reason_combo)

    def accept(self) -> None:
        """Ask the service; problems come back into the dialog."""
        self._save_exit(self._stay.stay_id, "close-stay")


def _unknown(code: str | None) -> bool:
    return code is None or code == "unknown"


class CorrectExitDialog(_ExitDialog):
    """Correct a closed stay's exit: last day, destination and reason.

    The stays come newest exit first; the first one shown is the newest whose destination or
    reason is missing, else the newest.
    """

    def __init__(
        self,
        workspace: Workspace,
        stays: Sequence[StayInfo],
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Correct an exit"), parent)
        self._workspace, self._tasks = workspace, tasks
        closed = sorted(
            (stay for stay in stays if stay.exit is not None),
            key=lambda stay: (stay.exit, stay.stay_id),
            reverse=True,
        )
        self._stays = {stay.stay_id: stay for stay in closed}
        self.stay_combo = QComboBox()
        for stay in closed:
            assert stay.exit is not None
            text = self.tr("{programme}, exit on {day}").format(
                programme=stay.programme, day=format_date(stay.exit)
            )
            self.stay_combo.addItem(text, stay.stay_id)
        self.exit_edit = date_edit()
        self.destination_combo = vocabulary_combo(DESTINATION, current="unknown")
        self.reason_combo = vocabulary_combo(EXIT_REASON, current="unknown")
        self.row(self.tr("Stay"), self.stay_combo)
        self.row(self.tr("Last day"), self.exit_edit)
        self.row(self.tr("Housing situation at exit"), self.destination_combo)
        self.row(self.tr("Reason"), self.reason_combo)
        self.stay_combo.currentIndexChanged.connect(lambda _index: self._fill())
        missing = next(
            (
                index
                for index, stay in enumerate(closed)
                if _unknown(stay.destination) or _unknown(stay.exit_reason)
            ),
            0,
        )
        self.stay_combo.setCurrentIndex(missing)
        self._fill()

    def _fill(self) -> None:
        """The chosen stay's exit as recorded."""
        stay = self._stays.get(self.stay_combo.currentData())
        if stay is None or stay.exit is None:
            return
        self.exit_edit.setDate(qdate(stay.exit))
        for combo, code in (
            (self.destination_combo, stay.destination),
            (self.reason_combo, stay.exit_reason),
        ):
            combo.setCurrentIndex(max(combo.findData(code or "unknown"), 0))

    def accept(self) -> None:
        """Ask the service; problems come back into the dialog."""
        if self.stay_combo.currentData() is not None:
            self._save_exit(int(self.stay_combo.currentData()), "correct-exit")
