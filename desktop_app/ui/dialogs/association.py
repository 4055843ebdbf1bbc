"""Créer mon association: the association's identity, checked field by field."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.organisation import validate_association


class AssociationDialog(QDialog):
    """Name (required), SIRET, address; messages appear beside the field to correct."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create my association"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These details appear on receipts, letters and funders' returns. Only the name "
                "is required now; you can complete the rest later."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.siret_edit = QLineEdit()
        self.siret_edit.setPlaceholderText("123 456 789 00012")
        self.address_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaxLength(5)
        self.commune_edit = QLineEdit()
        self.errors: dict[str, QLabel] = {}
        for field, label, edit in (
            ("name", self.tr("Name of the association *"), self.name_edit),
            ("siret", self.tr("SIRET"), self.siret_edit),
            ("address", self.tr("Address"), self.address_edit),
            ("postcode", self.tr("Postcode"), self.postcode_edit),
            ("commune", self.tr("Commune"), self.commune_edit),
        ):
            edit.setAccessibleName(label.rstrip(" *"))
            form.addRow(label, edit)
            error = QLabel()
            error.setWordWrap(True)
            error.setVisible(False)
            error.setAccessibleName(self.tr("Error: {field}").format(field=label.rstrip(" *")))
            form.addRow("", error)
            self.errors[field] = error
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def values(self) -> dict[str, str]:
        """What was typed, by service argument name."""
        return {
            "name": self.name_edit.text(),
            "siret": self.siret_edit.text(),
            "address": self.address_edit.text(),
            "postcode": self.postcode_edit.text(),
            "commune": self.commune_edit.text(),
        }

    def accept(self) -> None:
        """Close only when every field is valid; otherwise say what to fix beside it."""
        values = self.values()
        issues = validate_association(
            name=values["name"], siret=values["siret"], postcode=values["postcode"]
        )
        for error in self.errors.values():
            error.clear()
            error.setVisible(False)
        for issue in issues:
            label = self.errors[issue.field]
            label.setText("⚠ " + issue.text)
            label.setVisible(True)
        self.adjustSize()
        if issues:
            {"name": self.name_edit, "siret": self.siret_edit, "postcode": self.postcode_edit}[
                issues[0].field
            ].setFocus()
            return
        super().accept()
