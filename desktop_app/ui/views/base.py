"""What every screen of the navigation provides."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class SectionView(QWidget):
    """A screen reachable from the main window's navigation."""

    def section_title(self) -> str:
        """Title shown in the navigation, translated."""
        raise NotImplementedError
