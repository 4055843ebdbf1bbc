"""Load translations: Seuil's own French catalogue and Qt's for standard buttons.

Source strings are English (``self.tr``); ``resources/i18n/seuil_fr.ts`` holds the French,
compiled to ``.qm`` by ``scripts/i18n.py compile`` (run by ``make``). French is the default.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.paths import resources_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "fr"


def catalogue_path(language: str = DEFAULT_LANGUAGE, *, compiled: bool = True) -> Path:
    """Where Seuil's catalogue for ``language`` lives (``.qm`` or its ``.ts`` source)."""
    suffix = "qm" if compiled else "ts"
    return resources_dir() / "i18n" / f"seuil_{language}.{suffix}"


def install_translators(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE
) -> list[QTranslator]:
    """Install Qt's and Seuil's translators on ``app``; return them (keep them alive).

    A missing compiled catalogue is logged and leaves the English source strings visible, so a
    broken build is noticed at once rather than crashing a user's start.
    """
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    own = QTranslator(app)
    path = catalogue_path(language)
    if own.load(str(path)):
        app.installTranslator(own)
        installed.append(own)
    else:
        log.error("translation catalogue not found or unreadable: %s", path)
    return installed
