"""First start: where Seuil keeps its data on this computer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class DataFolderDialog(QDialog):
    """Choose between this account's folder and a folder shared by every account of the PC."""

    def __init__(self, account: Path, shared: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folders = {0: account, 1: shared}
        self.setWindowTitle(self.tr("Where should Seuil keep its data?"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Seuil keeps the association's database, its documents and its backups in one "
                "folder of this computer. The choice is remembered for this account."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.account_button = QRadioButton(self.tr("For my account only"))
        self.shared_button = QRadioButton(self.tr("For every account of this computer"))
        self.account_button.setChecked(True)
        group = QButtonGroup(self)
        for index, (button, folder) in enumerate(
            ((self.account_button, account), (self.shared_button, shared))
        ):
            group.addButton(button, index)
            layout.addWidget(button)
            where = QLabel(str(folder))
            where.setIndent(24)
            where.setWordWrap(True)
            layout.addWidget(where)
        self._group = group
        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.quit_button = buttons.addButton(
            self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen_folder(self) -> Path:
        """The folder selected."""
        return self._folders[self._group.checkedId()]
