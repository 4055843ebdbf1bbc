"""À propos: version, licence, and the free software Seuil stands on."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop_app import __version__

# Name, licence: what the bundle ships (the full texts are in installer/THIRD-PARTY-NOTICES.md).
THIRD_PARTY = (
    ("Qt 6 / PySide6", "LGPL-3.0"),
    ("SQLAlchemy", "MIT"),
    ("Alembic", "MIT"),
    ("ReportLab", "BSD-3-Clause"),
    ("openpyxl", "MIT"),
    ("platformdirs", "MIT"),
    ("argon2-cffi", "MIT"),
    ("psycopg", "LGPL-3.0"),
    ("Python", "PSF-2.0"),
    ("DejaVu fonts", "Bitstream Vera / Public domain"),
)


class AboutDialog(QDialog):
    """Version, licence and third-party notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Seuil"))
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.tr("Seuil {version}").format(version=__version__))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        self.summary_label = QLabel(
            self.tr(
                "Rental intermediation, sliding leases and boarding houses for the "
                "associations of Housing First."
            )
        )
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.licence_label = QLabel(
            self.tr(
                "Seuil is free software, distributed under the European Union Public "
                "Licence (EUPL-1.2)."
            )
        )
        self.licence_label.setWordWrap(True)
        layout.addWidget(self.licence_label)
        self.versions_label = QLabel(
            self.tr("Python {python}, Qt {qt}, PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=pyside_version
            )
        )
        layout.addWidget(self.versions_label)
        self.notices = QTextBrowser()
        self.notices.setAccessibleName(self.tr("Third-party software"))
        rows = "".join(
            f"<tr><td>{name}</td><td>{licence}</td></tr>" for name, licence in THIRD_PARTY
        )
        self.notices.setHtml(
            "<p><b>{}</b></p><table cellspacing='4'>{}</table>".format(
                self.tr("Seuil is built with:"), rows
            )
        )
        layout.addWidget(self.notices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 420)
