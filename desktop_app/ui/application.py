"""The QApplication with Seuil's names and translations."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from desktop_app import APP_NAME, __version__
from desktop_app.ui.i18n import install_translators


def create_application(argv: Sequence[str]) -> QApplication:
    """Create (or reuse, in tests) the application object, in French."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    if not getattr(app, "_seuil_translators", None):
        app._seuil_translators = install_translators(app)  # type: ignore[attr-defined]
    return app
