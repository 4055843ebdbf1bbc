"""Logements: occupancy per programme, then the stock itself (dwellings, landlords, residences).

Four tabs: Occupancy (who is where on a day, vacant since when and why), Dwellings (the stock,
with the main leases and vacancy periods of the selected dwelling), Landlords and Residences
(pensions de famille / résidences accueil with their dated places). Edit buttons exist only for
roles that may ever edit the stock; every list shows what the services give the actor (a host
sees their own house only, and no landlords tab: landlords are association-wide).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import KnownError
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import format_date
from desktop_app.domain.permissions import Actor, decide, may_ever
from desktop_app.domain.vocabulary import LANDLORD_KIND, TYPOLOGY, VACANCY_REASON
from desktop_app.services.households import list_filters
from desktop_app.services.housing import (
    DwellingInfo,
    LandlordInfo,
    MainLeaseInfo,
    OccupancyRow,
    ResidenceInfo,
    VacancyInfo,
    list_dwellings,
    list_landlords,
    list_main_leases,
    list_residences,
    list_vacancies,
    occupancy,
    programme_choices,
)
from desktop_app.services.system import Workspace
from desktop_app.ui.dialogs.housing import (
    DwellingDialog,
    EndMainLeaseDialog,
    EndVacancyDialog,
    HousingFormDialog,
    LandlordDialog,
    MainLeaseDialog,
    ResidenceDialog,
    ResidencePlacesDialog,
    ReturnDwellingDialog,
    StockChoices,
    VacancyDialog,
)
from desktop_app.ui.models.dto_table import DtoTableModel
from desktop_app.ui.models.housing import DwellingFilterProxy
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.views.base import SectionView

EDIT = "housing.edit"
READ = "housing.read"


# ------------------------------------------------------------------ reads shared by the pages


def _sees_landlords(actor: Actor) -> bool:
    """Landlords are association-wide: a host (own house only) does not see them."""
    return decide(actor, READ).allowed


def _all_programmes(workspace: Workspace) -> list[tuple[int, str]]:
    """Every programme, for the forms (a new programme holds no dwelling yet)."""
    if may_ever(workspace.actor, "household.read"):
        return list(list_filters(workspace.database, actor=workspace.actor).programmes)
    return programme_choices(workspace.database, actor=workspace.actor)


def _landlords(workspace: Workspace) -> list[LandlordInfo]:
    if not _sees_landlords(workspace.actor):
        return []
    return list_landlords(workspace.database, actor=workspace.actor)


def _stock_choices(workspace: Workspace) -> StockChoices:
    """What the dwelling form offers (run on the read worker)."""
    return StockChoices(
        programmes=tuple(_all_programmes(workspace)),
        landlords=tuple(_landlords(workspace)),
        residences=tuple(list_residences(workspace.database, actor=workspace.actor)),
    )


def _table(model: QAbstractItemModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAccessibleName(name)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _selected_row(table: QTableView) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


def _select_row(table: QTableView, row: int) -> None:
    table.selectionModel().select(
        table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    table.setCurrentIndex(table.model().index(row, 0))


def _refusal(label: QLabel) -> Callable[[BaseException], None]:
    """Show a refused read in ``label``; a bug goes on to the error reporter."""

    def show(error: BaseException) -> None:
        if not isinstance(error, KnownError):
            raise error
        label.setText("⚠ " + error.text)

    return show


@dataclass(frozen=True, slots=True)
class _Stock:
    dwellings: list[DwellingInfo]
    programmes: list[tuple[int, str]]
    landlords: list[LandlordInfo]


# ------------------------------------------------------------------ dwellings


class DwellingsPage(QWidget):
    """The stock: filter by programme and text, the selected dwelling's leases and vacancies.

    Signals:
        stock_changed(): a save was committed; every tab reloads.
    """

    stock_changed = Signal()

    def __init__(
        self, workspace: Workspace, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._programme_names: dict[int, str] = {}
        self._landlord_names: dict[int, str] = {}
        self._landlords: list[LandlordInfo] = []
        self._wanted: int | None = None  # the dwelling to select once the list is read
        self._shown: int | None = None  # the dwelling whose leases and vacancies are shown
        self.dialog: HousingFormDialog | None = None
        editable = may_ever(workspace.actor, EDIT)
        layout = QVBoxLayout(self)

        layout.addLayout(self._filters())

        self.model: DtoTableModel[DwellingInfo] = DtoTableModel(
            [
                (self.tr("Reference"), lambda d: d.reference),
                (self.tr("Address"), lambda d: d.address),
                (self.tr("Commune"), lambda d: d.commune),
                (self.tr("Programme"), lambda d: self._programme_names.get(d.programme_id, "")),
                (self.tr("Type"), lambda d: TYPOLOGY.label(d.typology) if d.typology else ""),
                (self.tr("Lots"), lambda d: str(d.lots)),
                (
                    self.tr("Landlord"),
                    lambda d: self._landlord_names.get(d.landlord_id, "") if d.landlord_id else "",
                ),
                (self.tr("Status"), self._status),
            ]
        )
        self.proxy = DwellingFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = _table(self.proxy, self.tr("Dwellings"))
        layout.addWidget(self.table, 2)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.return_button = QPushButton(self.tr("Return to the landlord…"))
        for button in (self.add_button, self.edit_button, self.return_button):
            button.setVisible(editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        details = QHBoxLayout()
        details.addWidget(self._leases_box(editable), 1)
        details.addWidget(self._vacancies_box(editable), 1)
        layout.addLayout(details, 1)

        self.programme_filter.currentIndexChanged.connect(self.refresh)
        self.search_edit.textChanged.connect(self.proxy.set_text)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.add_button.clicked.connect(self.ask_add)
        self.edit_button.clicked.connect(self.ask_edit)
        self.return_button.clicked.connect(self.ask_return)
        if editable:  # Enter or a double click on a row opens its form
            self.table.activated.connect(lambda _index: self.ask_edit())
        self._show_selected()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.programme_filter = QComboBox()
        self.programme_filter.setAccessibleName(self.tr("Programme"))
        self.programme_filter.addItem(self.tr("All programmes"), None)
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_edit.setPlaceholderText(self.tr("Reference, address, commune…"))
        for caption, widget, stretch in (
            (self.tr("Programme"), self.programme_filter, 1),
            (self.tr("Search"), self.search_edit, 2),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, stretch)
        return row

    def _leases_box(self, editable: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Main leases"))
        QVBoxLayout(box)
        self.leases_model: DtoTableModel[MainLeaseInfo] = DtoTableModel(
            [
                (self.tr("Start"), lambda m: format_date(m.start)),
                (self.tr("End"), lambda m: format_date(m.end) if m.end else ""),
                (self.tr("Notice"), lambda m: format_date(m.notice_date) if m.notice_date else ""),
                (self.tr("Rent"), lambda m: format_eur(m.rent)),
                (self.tr("Charges"), lambda m: format_eur(m.charges)),
                (
                    self.tr("Sliding clause"),
                    lambda m: self.tr("yes") if m.has_sliding_clause else self.tr("no"),
                ),
                (
                    self.tr("Landlord"),
                    lambda m: self._landlord_names.get(m.landlord_id, "") if m.landlord_id else "",
                ),
            ]
        )
        box, self.leases_table, buttons = self._table_box(
            box,
            self.leases_model,
            [
                (self.tr("Add main lease…"), self.ask_add_lease),
                (self.tr("End main lease…"), self.ask_end_lease),
            ],
            editable,
        )
        self.add_lease_button, self.end_lease_button = buttons
        return box

    def _vacancies_box(self, editable: bool) -> QGroupBox:
        box = QGroupBox(self.tr("Vacancy periods"))
        QVBoxLayout(box)
        self.vacancies_model: DtoTableModel[VacancyInfo] = DtoTableModel(
            [
                (self.tr("From"), lambda v: format_date(v.start)),
                (self.tr("To"), lambda v: format_date(v.end) if v.end else self.tr("ongoing")),
                (self.tr("Reason"), lambda v: VACANCY_REASON.label(v.reason)),
                (
                    self.tr("Neutralised"),
                    lambda v: self.tr("yes") if v.neutralised else self.tr("no"),
                ),
            ]
        )
        box, self.vacancies_table, buttons = self._table_box(
            box,
            self.vacancies_model,
            [
                (self.tr("Add vacancy…"), self.ask_add_vacancy),
                (self.tr("End vacancy…"), self.ask_end_vacancy),
            ],
            editable,
        )
        self.add_vacancy_button, self.end_vacancy_button = buttons
        return box

    def _table_box(
        self,
        box: QGroupBox,
        model: QAbstractItemModel,
        actions: Sequence[tuple[str, Callable[[], object]]],
        editable: bool,
    ) -> tuple[QGroupBox, QTableView, list[QPushButton]]:
        """A titled list with its row of buttons (shown to those who may edit)."""
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        table = _table(model, box.title())
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        buttons = []
        for text, slot in actions:
            button = QPushButton(text)
            button.setVisible(editable)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
            buttons.append(button)
        row.addStretch(1)
        layout.addLayout(row)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        return box, table, buttons

    def _status(self, dwelling: DwellingInfo) -> str:
        if dwelling.returned_on is not None:
            return self.tr("Returned on {day}").format(day=format_date(dwelling.returned_on))
        if dwelling.captured_on is not None and dwelling.captured_on > date.today():
            return self.tr("Captured from {day}").format(day=format_date(dwelling.captured_on))
        return self.tr("In the stock")

    # -------------------------------------------------------------- reading

    def refresh(self) -> None:
        """Read the dwellings (of the chosen programme), programme and landlord names."""
        workspace = self._workspace
        programme_id = self.programme_filter.currentData()
        if self._wanted is None:
            self._wanted = self._shown

        def read(_c: object) -> _Stock:
            return _Stock(
                dwellings=list_dwellings(
                    workspace.database, actor=workspace.actor, programme_id=programme_id
                ),
                programmes=programme_choices(workspace.database, actor=workspace.actor),
                landlords=_landlords(workspace),
            )

        self._tasks.read(read, name="housing-dwellings", on_done=self._show_stock)

    def _show_stock(self, stock: _Stock) -> None:
        self._programme_names = dict(stock.programmes)
        self._landlords = stock.landlords
        self._landlord_names = {row.landlord_id: row.name for row in stock.landlords}
        chosen = self.programme_filter.currentData()
        self.programme_filter.blockSignals(True)
        self.programme_filter.clear()
        self.programme_filter.addItem(self.tr("All programmes"), None)
        for pid, name in stock.programmes:
            self.programme_filter.addItem(name, pid)
        self.programme_filter.setCurrentIndex(max(self.programme_filter.findData(chosen), 0))
        self.programme_filter.blockSignals(False)
        wanted, self._wanted = self._wanted, None
        self.model.set_rows(stock.dwellings)
        self.select_dwelling(wanted)

    def select_dwelling(self, dwelling_id: int | None) -> None:
        """Select a dwelling of the list (None or absent: no selection)."""
        for row in range(self.model.rowCount()):
            if self.model.row(row).dwelling_id == dwelling_id:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    _select_row(self.table, index.row())  # the selection signal shows it
                    return
        self.table.clearSelection()
        self._show_selected()

    def selected_dwelling(self) -> DwellingInfo | None:
        """The dwelling selected in the list."""
        row = _selected_row(self.table)
        if row is None:
            return None
        return self.model.row(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def _show_selected(self) -> None:
        dwelling = self.selected_dwelling()
        dwelling_id = dwelling.dwelling_id if dwelling else None
        if dwelling_id != self._shown:
            self.vacancies_model.set_rows([])
        self._shown = dwelling_id
        if dwelling is None:
            self.detail_label.setText(self.tr("Select a dwelling to see its leases and vacancies."))
            self.leases_model.set_rows([])
        else:
            self.detail_label.setText(
                self.tr("Dwelling {reference}, {address}, {commune}").format(
                    reference=dwelling.reference,
                    address=dwelling.address,
                    commune=dwelling.commune,
                )
            )
            self._load_leases(dwelling)
            self._load_vacancies(dwelling)
        self._update_buttons()

    def _load_leases(self, dwelling: DwellingInfo) -> None:
        workspace, dwelling_id = self._workspace, dwelling.dwelling_id

        def show(rows: list[MainLeaseInfo]) -> None:
            if self._shown == dwelling_id:
                self.leases_model.set_rows(rows)
                self._update_buttons()

        self._tasks.read(
            lambda _c: list_main_leases(
                workspace.database, actor=workspace.actor, dwelling_id=dwelling_id
            ),
            name="housing-leases",
            on_done=show,
            on_error=_refusal(self.detail_label),
        )

    def _load_vacancies(self, dwelling: DwellingInfo) -> None:
        workspace, dwelling_id = self._workspace, dwelling.dwelling_id

        def show(rows: list[VacancyInfo]) -> None:
            if self._shown == dwelling_id:
                self.vacancies_model.set_rows(rows)
                self._update_buttons()

        self._tasks.read(
            lambda _c: list_vacancies(
                workspace.database, actor=workspace.actor, dwelling_id=dwelling_id
            ),
            name="housing-vacancies",
            on_done=show,
            on_error=_refusal(self.detail_label),
        )

    def _update_buttons(self) -> None:
        chosen = self.selected_dwelling() is not None
        for button in (
            self.edit_button,
            self.return_button,
            self.add_lease_button,
            self.add_vacancy_button,
        ):
            button.setEnabled(chosen)
        self.end_lease_button.setEnabled(chosen and _selected_row(self.leases_table) is not None)
        self.end_vacancy_button.setEnabled(
            chosen and _selected_row(self.vacancies_table) is not None
        )

    # -------------------------------------------------------------- dialogs

    def _open(self, dialog: HousingFormDialog, after: Callable[[object], None]) -> None:
        dialog.saved.connect(after)
        dialog.open()
        self.dialog = dialog

    def _saved_dwelling(self, result: object) -> None:
        if isinstance(result, DwellingInfo):
            self._wanted = result.dwelling_id
        self.stock_changed.emit()

    def ask_add(self) -> None:
        """Open the new dwelling form once the programmes, landlords and residences are read."""
        workspace = self._workspace

        def show(choices: StockChoices) -> None:
            dialog = DwellingDialog(workspace, choices, tasks=self._tasks, parent=self)
            self._open(dialog, self._saved_dwelling)

        self._tasks.read(lambda _c: _stock_choices(workspace), name="housing-choices", on_done=show)

    def ask_edit(self) -> None:
        """Open the selected dwelling's form."""
        dwelling = self.selected_dwelling()
        if dwelling is None:
            return
        workspace = self._workspace

        def show(choices: StockChoices) -> None:
            dialog = DwellingDialog(
                workspace, choices, tasks=self._tasks, dwelling=dwelling, parent=self
            )
            self._open(dialog, self._saved_dwelling)

        self._tasks.read(lambda _c: _stock_choices(workspace), name="housing-choices", on_done=show)

    def ask_return(self) -> None:
        """Open the return form of the selected dwelling."""
        dwelling = self.selected_dwelling()
        if dwelling is not None:
            dialog = ReturnDwellingDialog(self._workspace, dwelling, tasks=self._tasks, parent=self)
            self._open(dialog, self._saved_dwelling)

    def _saved_lease(self, result: object) -> None:
        if isinstance(result, MainLeaseInfo):
            self._wanted = result.dwelling_id
        self.stock_changed.emit()

    def ask_add_lease(self) -> None:
        """Open the main lease form of the selected dwelling."""
        dwelling = self.selected_dwelling()
        if dwelling is not None:
            dialog = MainLeaseDialog(
                self._workspace, dwelling, self._landlords, tasks=self._tasks, parent=self
            )
            self._open(dialog, self._saved_lease)

    def ask_end_lease(self) -> None:
        """Open the end form of the selected main lease."""
        row = _selected_row(self.leases_table)
        if row is not None:
            lease = self.leases_model.row(row)
            dialog = EndMainLeaseDialog(self._workspace, lease, tasks=self._tasks, parent=self)
            self._open(dialog, self._saved_lease)

    def _saved_vacancy(self, result: object) -> None:
        if isinstance(result, VacancyInfo):
            self._wanted = result.dwelling_id
        self.stock_changed.emit()

    def ask_add_vacancy(self) -> None:
        """Open the vacancy form of the selected dwelling."""
        dwelling = self.selected_dwelling()
        if dwelling is not None:
            dialog = VacancyDialog(self._workspace, dwelling, tasks=self._tasks, parent=self)
            self._open(dialog, self._saved_vacancy)

    def ask_end_vacancy(self) -> None:
        """Open the end form of the selected vacancy period."""
        row = _selected_row(self.vacancies_table)
        if row is not None:
            vacancy = self.vacancies_model.row(row)
            dialog = EndVacancyDialog(self._workspace, vacancy, tasks=self._tasks, parent=self)
            self._open(dialog, self._saved_vacancy)


# ------------------------------------------------------------------ landlords


class LandlordsPage(QWidget):
    """The association's landlords [bailleurs].

    Signals:
        stock_changed(): a save was committed; every tab reloads.
    """

    stock_changed = Signal()

    def __init__(
        self, workspace: Workspace, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self.dialog: HousingFormDialog | None = None
        layout = QVBoxLayout(self)
        self.model: DtoTableModel[LandlordInfo] = DtoTableModel(
            [
                (self.tr("Name"), lambda b: b.name),
                (self.tr("Kind"), lambda b: LANDLORD_KIND.label(b.kind)),
                (self.tr("Phone"), lambda b: b.phone or ""),
                (self.tr("E-mail"), lambda b: b.email or ""),
                (self.tr("Address"), lambda b: b.address or ""),
            ]
        )
        self.table = _table(self.model, self.tr("Landlords"))
        layout.addWidget(self.table, 1)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        for button in (self.add_button, self.edit_button):
            button.setVisible(may_ever(workspace.actor, EDIT))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.ask_add)
        self.edit_button.clicked.connect(self.ask_edit)
        if may_ever(workspace.actor, EDIT):  # Enter or a double click on a row opens its form
            self.table.activated.connect(lambda _index: self.ask_edit())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(_selected_row(self.table) is not None)

    def refresh(self) -> None:
        """Read the landlords."""
        workspace = self._workspace
        self._tasks.read(
            lambda _c: list_landlords(workspace.database, actor=workspace.actor),
            name="housing-landlords",
            on_done=self._show,
            on_error=_refusal(self.error_label),
        )

    def _show(self, rows: list[LandlordInfo]) -> None:
        self.model.set_rows(rows)
        self._update_buttons()

    def ask_add(self) -> None:
        """Open the new landlord form."""
        self._open(LandlordDialog(self._workspace, tasks=self._tasks, parent=self))

    def ask_edit(self) -> None:
        """Open the selected landlord's form."""
        row = _selected_row(self.table)
        if row is not None:
            landlord = self.model.row(row)
            self._open(
                LandlordDialog(self._workspace, tasks=self._tasks, landlord=landlord, parent=self)
            )

    def _open(self, dialog: HousingFormDialog) -> None:
        dialog.saved.connect(lambda _info: self.stock_changed.emit())
        dialog.open()
        self.dialog = dialog


# ------------------------------------------------------------------ residences


def _places_on(residence: ResidenceInfo, day: date) -> int | None:
    valid = [row.places for row in residence.places if row.valid_from <= day]
    return valid[-1] if valid else None


class ResidencesPage(QWidget):
    """Pensions de famille and résidences accueil, with their places per period.

    Signals:
        stock_changed(): a save was committed; every tab reloads.
    """

    stock_changed = Signal()

    def __init__(
        self, workspace: Workspace, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        self._programmes: list[tuple[int, str]] = []
        self.dialog: HousingFormDialog | None = None
        layout = QVBoxLayout(self)
        self.model: DtoTableModel[ResidenceInfo] = DtoTableModel(
            [
                (self.tr("Name"), lambda r: r.name),
                (self.tr("Programme"), self._programme),
                (self.tr("Commune"), lambda r: r.commune or ""),
                (self.tr("Places today"), self._places_today),
                (self.tr("Places per period"), self._periods),
            ]
        )
        self.table = _table(self.model, self.tr("Residences"))
        layout.addWidget(self.table, 1)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.places_button = QPushButton(self.tr("Set places from a date…"))
        for button in (self.add_button, self.places_button):
            button.setVisible(may_ever(workspace.actor, EDIT))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.ask_add)
        self.places_button.clicked.connect(self.ask_places)
        self._update_buttons()

    def _programme(self, residence: ResidenceInfo) -> str:
        return dict(self._programmes).get(residence.programme_id or 0, "")

    def _places_today(self, residence: ResidenceInfo) -> str:
        places = _places_on(residence, date.today())
        return "" if places is None else str(places)

    def _periods(self, residence: ResidenceInfo) -> str:
        return "; ".join(
            self.tr("{places} from {day}").format(
                places=row.places, day=format_date(row.valid_from)
            )
            for row in residence.places
        )

    def _update_buttons(self) -> None:
        self.places_button.setEnabled(_selected_row(self.table) is not None)

    def refresh(self) -> None:
        """Read the residences the actor may see, and the programme names."""
        workspace = self._workspace

        def read(_c: object) -> tuple[list[ResidenceInfo], list[tuple[int, str]]]:
            residences = list_residences(workspace.database, actor=workspace.actor)
            return residences, _all_programmes(workspace)

        self._tasks.read(
            read, name="housing-residences", on_done=self._show, on_error=_refusal(self.error_label)
        )

    def _show(self, result: tuple[list[ResidenceInfo], list[tuple[int, str]]]) -> None:
        residences, self._programmes = result
        self.model.set_rows(residences)
        self._update_buttons()

    def ask_add(self) -> None:
        """Open the new residence form once the programmes are read."""
        workspace = self._workspace

        def show(programmes: list[tuple[int, str]]) -> None:
            self._open(ResidenceDialog(workspace, programmes, tasks=self._tasks, parent=self))

        self._tasks.read(
            lambda _c: _all_programmes(workspace), name="housing-programmes", on_done=show
        )

    def ask_places(self) -> None:
        """Open the places form of the selected residence."""
        row = _selected_row(self.table)
        if row is not None:
            residence = self.model.row(row)
            self._open(
                ResidencePlacesDialog(self._workspace, residence, tasks=self._tasks, parent=self)
            )

    def _open(self, dialog: HousingFormDialog) -> None:
        dialog.saved.connect(lambda _info: self.stock_changed.emit())
        dialog.open()
        self.dialog = dialog


# ------------------------------------------------------------------ the section


class HousingView(SectionView):
    """Occupancy of a programme on a day, then the stock's own tabs."""

    def __init__(
        self, workspace: Workspace, *, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._tasks = tasks
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._occupancy_page(), self.tr("Occupancy"))
        self.dwellings = DwellingsPage(workspace, tasks=tasks)
        self.tabs.addTab(self.dwellings, self.tr("Dwellings"))
        self.landlords: LandlordsPage | None = None
        if _sees_landlords(workspace.actor):
            self.landlords = LandlordsPage(workspace, tasks=tasks)
            self.tabs.addTab(self.landlords, self.tr("Landlords"))
        self.residences = ResidencesPage(workspace, tasks=tasks)
        self.tabs.addTab(self.residences, self.tr("Boarding houses"))
        pages: list[DwellingsPage | LandlordsPage | ResidencesPage] = [
            self.dwellings,
            self.residences,
        ]
        if self.landlords is not None:
            pages.append(self.landlords)
        for page in pages:
            page.stock_changed.connect(self.reload)
            page.refresh()
        self._load_programmes()

    def _occupancy_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.programme_combo = QComboBox()
        self.programme_combo.setAccessibleName(self.tr("Programme"))
        self.day_edit = QDateEdit(QDate.currentDate())
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setAccessibleName(self.tr("On"))
        row.addWidget(QLabel(self.tr("Programme")))
        row.addWidget(self.programme_combo, 1)
        row.addWidget(QLabel(self.tr("On")))
        row.addWidget(self.day_edit)
        layout.addLayout(row)
        self.model: DtoTableModel[OccupancyRow] = DtoTableModel(
            [
                (self.tr("Dwelling"), lambda r: r.reference),
                (self.tr("Address"), lambda r: f"{r.address}, {r.commune}"),
                (self.tr("Type"), lambda r: TYPOLOGY.label(r.typology) if r.typology else ""),
                (self.tr("Lots / places"), lambda r: f"{r.lots} / {r.places}"),
                (self.tr("Households"), lambda r: ", ".join(r.households)),
                (self.tr("Vacant since"), self._vacant_since),
                (self.tr("Why"), self._why),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Occupancy"))
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary_label = QLabel()
        layout.addWidget(self.summary_label)
        self.programme_combo.currentIndexChanged.connect(self.refresh)
        self.day_edit.dateChanged.connect(self.refresh)
        return page

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Housing")

    def reload(self) -> None:
        """A save was committed: read every tab again."""
        self.dwellings.refresh()
        self.residences.refresh()
        if self.landlords is not None:
            self.landlords.refresh()
        self._load_programmes()

    def _vacant_since(self, row: OccupancyRow) -> str:
        if row.households:
            return ""
        return format_date(row.vacant_since) if row.vacant_since else "?"

    def _why(self, row: OccupancyRow) -> str:
        if row.households:
            return ""
        if row.vacancy_reason is None:
            return self.tr("reason not recorded")
        reason = VACANCY_REASON.label(row.vacancy_reason)
        return reason + (self.tr(" (neutralised)") if row.neutralised else "")

    def _load_programmes(self) -> None:
        """Fill the programme choice (kept when it still exists), then read the occupancy."""
        workspace = self._workspace

        def fill(choices: list[tuple[int, str]]) -> None:
            chosen = self.programme_combo.currentData()
            self.programme_combo.blockSignals(True)
            self.programme_combo.clear()
            for pid, name in choices:
                self.programme_combo.addItem(name, pid)
            self.programme_combo.setCurrentIndex(max(self.programme_combo.findData(chosen), 0))
            self.programme_combo.blockSignals(False)
            self.refresh()

        self._tasks.read(
            lambda _c: programme_choices(workspace.database, actor=workspace.actor),
            name="housing-programmes",
            on_done=fill,
        )

    def refresh(self) -> None:
        """Read the chosen programme's occupancy on the chosen day."""
        programme_id = self.programme_combo.currentData()
        if programme_id is None:
            self.model.set_rows([])
            self.summary_label.clear()
            return
        day: date = self.day_edit.date().toPython()  # type: ignore[assignment]
        workspace = self._workspace

        def show(rows: list[OccupancyRow]) -> None:
            self.model.set_rows(rows)
            empty = sum(1 for row in rows if not row.households)
            self.summary_label.setText(
                self.tr("{count} dwelling(s), {empty} empty on {day}.").format(
                    count=len(rows), empty=empty, day=format_date(day)
                )
            )

        self._tasks.read(
            lambda _c: occupancy(
                workspace.database, actor=workspace.actor, programme_id=programme_id, on=day
            ),
            name="occupancy",
            on_done=show,
        )
