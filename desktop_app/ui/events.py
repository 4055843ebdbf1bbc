"""The one object through which views learn that data changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.services.dto import Changes


class AppEvents(QObject):
    """Passed explicitly to every view that shows data (no global registry).

    Signals:
        changed(Changes): a service call committed these changes; views refresh what they show.
    """

    changed = Signal(Changes)

    def publish(self, changes: Changes) -> None:
        """Announce committed changes (ignored when nothing changed)."""
        if changes:
            self.changed.emit(changes)
