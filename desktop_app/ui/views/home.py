"""Accueil: the association, and which database this window works on."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop_app.reports.formatting import format_size
from desktop_app.services.dto import DatabaseInfo, OpeningReport, OrganisationInfo
from desktop_app.services.notes import JustifiedAccessInfo
from desktop_app.ui.views.base import SectionView


class HomeView(SectionView):
    """The first screen: a calm welcome, the association and the database in use.

    The facts arrive from read jobs (`show_database`, `show_association`), never queried here.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.tr("Welcome to Seuil"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        self.association_label = QLabel()
        self.association_label.setWordWrap(True)
        layout.addWidget(self.association_label)
        self.intro_label = QLabel(
            self.tr(
                "Housing first: the home comes first, and support adapts to each person, "
                "starting from their strengths. Seuil keeps the households you house, their "
                "homes, their rents and their path to a home of their own, in one place."
            )
        )
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)

        box = QGroupBox(self.tr("Database in use"))
        form = QFormLayout(box)
        self.location_label = QLabel()
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location_label.setWordWrap(True)
        self.engine_label = QLabel()
        self.state_label = QLabel()
        form.addRow(self.tr("Location:"), self.location_label)
        form.addRow(self.tr("Engine:"), self.engine_label)
        form.addRow(self.tr("State:"), self.state_label)
        layout.addWidget(box)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setVisible(False)
        layout.addWidget(self.notes_label)
        self.accesses_box = QGroupBox(self.tr("Justified accesses to your households' files"))
        accesses_layout = QVBoxLayout(self.accesses_box)
        self.accesses_label = QLabel()
        self.accesses_label.setWordWrap(True)
        self.accesses_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        accesses_layout.addWidget(self.accesses_label)
        self.accesses_box.setVisible(False)
        layout.addWidget(self.accesses_box)
        self._layout = layout
        self.reminders_panel: QWidget | None = None
        layout.addStretch(1)

    def add_reminders(self, panel: QWidget) -> None:
        """Show the reminders panel (built by the caller) under the welcome, taking the room."""
        self._layout.insertWidget(self._layout.count() - 1, panel, 3)
        self.reminders_panel = panel

    def section_title(self) -> str:
        """Title in the navigation."""
        return self.tr("Home")

    def show_association(self, info: OrganisationInfo | None) -> None:
        """Name the association this database belongs to."""
        if info is None:
            self.association_label.setText(self.tr("No association recorded in this database."))
            return
        text = info.name if not info.commune else f"{info.name} — {info.commune}"
        self.association_label.setText(text)

    def show_opening(self, report: OpeningReport) -> None:
        """Say what happened while opening: an update with its backup, a warning."""
        notes: list[str] = []
        if report.upgraded_from is not None:
            notes.append(
                self.tr("The database was updated; a backup was made first: {path}").format(
                    path=report.backup
                )
            )
        notes.extend("⚠ " + warning for warning in report.warnings)
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))

    def show_justified_accesses(self, accesses: Sequence[JustifiedAccessInfo]) -> None:
        """Tell the key worker who read their households' confidential notes, and why."""
        lines = [
            self.tr("{when} — {by}, household {household}: « {reason} »").format(
                when=access.at.astimezone().strftime("%d/%m/%Y %H:%M"),
                by=access.by,
                household=access.household,
                reason=access.reason,
            )
            for access in accesses[:20]
        ]
        self.accesses_label.setText("\n".join(lines))
        self.accesses_box.setVisible(bool(lines))

    def show_database(self, info: DatabaseInfo) -> None:
        """Display the facts about the database in use."""
        self.location_label.setText(info.display)
        if info.dialect == "sqlite":
            self.engine_label.setText(self.tr("SQLite file on this computer"))
        else:
            self.engine_label.setText(self.tr("PostgreSQL server shared by the team"))
        if not info.exists and info.dialect != "sqlite":
            self.state_label.setText(self.tr("Server not reachable"))
        elif not info.exists:
            self.state_label.setText(self.tr("Not created yet"))
        elif info.size_bytes is not None:
            self.state_label.setText(
                self.tr("Present ({size})").format(size=format_size(info.size_bytes))
            )
        else:
            self.state_label.setText(
                self.tr("Reachable ({version})").format(version=info.engine_version)
            )
