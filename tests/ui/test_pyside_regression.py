"""QUALITY.md known trap: PySide6 6.12.0 on Python 3.11 leaks None references until abort."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_settext_leaves_none_refcount_unchanged(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        label.setText("Loyer de décembre")
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, f"None refcount moved by {after - before}"
