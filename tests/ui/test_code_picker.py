"""The code picker: the whole catalogue, filtered as one types, its placeholder copied.

No database: the catalogue is `domain.figures`. The clipboard is Qt's own (offscreen).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop_app.domain.figures import CATALOGUE, GROUP_OF, UNIT_LABELS
from desktop_app.ui.dialogs.code_picker import (
    CodeFilterProxy,
    CodePickerDialog,
    CodesTableModel,
    catalogue_entries,
    placeholder_of,
)


@pytest.fixture
def picker(qtbot: Any) -> CodePickerDialog:
    dialog = CodePickerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QGuiApplication.clipboard().clear()
    return dialog


def type_search(qtbot: Any, picker: CodePickerDialog, text: str) -> None:
    """Type ``text`` (QTest types ASCII only: an accented text is inserted as typed)."""
    picker.search_edit.clear()
    if text.isascii():
        qtbot.keyClicks(picker.search_edit, text)
    else:
        picker.search_edit.insert(text)


def test_the_models_hold_the_whole_catalogue(qtmodeltester: Any) -> None:
    model = CodesTableModel()
    proxy = CodeFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    assert model.rowCount() == len(CATALOGUE) == len(catalogue_entries())
    row = next(r for r in range(model.rowCount()) if model.entry(r).code == "households.entries")
    cell = model.index
    assert model.data(cell(row, CodesTableModel.CODE)) == "households.entries"
    assert model.data(cell(row, CodesTableModel.LABEL)) == CATALOGUE["households.entries"].label
    assert model.data(cell(row, CodesTableModel.UNIT)) == UNIT_LABELS["count"] == "nombre"
    definition = GROUP_OF["households.entries"].definition
    assert model.data(cell(row, 0), Qt.ItemDataRole.ToolTipRole) == definition
    # WHEN filtered, the proxy stays a correct model
    proxy.set_text("Sorties")
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()
    assert "households.exits" in proxy.codes()


def test_typing_filters_by_label_without_accents_or_by_code(
    qtbot: Any, picker: CodePickerDialog
) -> None:
    # WHEN « entrees » is typed (no accent, lower case)
    type_search(qtbot, picker, "entrees")
    # THEN « Séjours – Entrées » is found, and only codes whose code or label hold the word
    codes = picker.proxy.codes()
    assert "households.entries" in codes
    assert len(codes) < len(CATALOGUE)
    assert "households.exits" not in codes
    assert all("entrees" in entry.search for entry in catalogue_entries() if entry.code in codes)
    # AND two words must both be found; a code typed as such finds it
    type_search(qtbot, picker, "séjours ENTRÉES")
    assert picker.proxy.codes() == ["households.entries"]
    type_search(qtbot, picker, "households.exits")
    assert picker.proxy.codes()[0] == "households.exits"
    # AND nothing found: nothing to copy, said in words
    type_search(qtbot, picker, "zzzz")
    assert picker.proxy.rowCount() == 0
    assert not picker.copy_button.isEnabled()
    assert picker.copy() is None
    assert "0" in picker.count_label.text()


def test_the_definition_of_the_selected_code_is_shown(qtbot: Any, picker: CodePickerDialog) -> None:
    type_search(qtbot, picker, "séjours entrées")
    text = picker.definition_label.text()
    assert "households.entries" in text
    assert CATALOGUE["households.entries"].label in text
    assert GROUP_OF["households.entries"].definition in text
    assert "Bilan FNAVDL" in text  # the returns that write it
    # AND an ES-DS code says it belongs to the survey
    type_search(qtbot, picker, "esds.")
    assert picker.proxy.rowCount() > 0
    assert "ES-DS" in picker.definition_label.text()


def test_enter_and_copy_put_the_placeholder_on_the_clipboard(
    qtbot: Any, picker: CodePickerDialog
) -> None:
    clipboard = QGuiApplication.clipboard()
    # GIVEN a search typed, the keyboard still in the search field
    type_search(qtbot, picker, "séjours entrées")
    # WHEN Enter is pressed
    with qtbot.waitSignal(picker.copied, timeout=5_000) as copied:
        qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    # THEN {{households.entries}} is on the clipboard, and the dialog is still open
    assert copied.args == ["{{households.entries}}"]
    assert clipboard.text() == placeholder_of("households.entries") == "{{households.entries}}"
    assert picker.isVisible()
    assert "{{households.entries}}" in picker.status_label.text()

    # WHEN Down moves into the table, Down again selects the next code, Enter copies it
    type_search(qtbot, picker, "households")
    expected = picker.proxy.codes()[1]
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Down)
    assert picker.table.hasFocus() or picker.focusWidget() is picker.table
    qtbot.keyClick(picker.table, Qt.Key.Key_Down)
    current = picker.current()
    assert current is not None
    assert current.code == expected
    qtbot.keyClick(picker.table, Qt.Key.Key_Return)
    assert clipboard.text() == "{{" + expected + "}}"

    # WHEN « Copy » is clicked
    type_search(qtbot, picker, "households.exits")
    qtbot.mouseClick(picker.copy_button, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "{{households.exits}}"
