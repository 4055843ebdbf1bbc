"""The « Impayés » workbook (DOMAIN §4.9), read back with openpyxl."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from io import BytesIO

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.arrears import CAF_REPORT, WINTER_TRUCE
from desktop_app.domain.messages import message
from desktop_app.reports.xlsx.arrears import (
    DATE_FORMAT,
    EURO_FORMAT,
    HEADERS,
    ArrearsRow,
    render_arrears,
)
from tests.domain.ledger_builders import Ledger

ON = date(2026, 11, 20)


def read(rows: list[ArrearsRow], on: date = ON) -> Worksheet:
    workbook = openpyxl.load_workbook(BytesIO(render_arrears(rows, on=on)))
    assert workbook.sheetnames == ["Impayés"]
    sheet = workbook["Impayés"]
    assert isinstance(sheet, Worksheet)
    return sheet


def row(household: str, level: str, debt: int, **kwargs: object) -> ArrearsRow:
    values: dict[str, object] = {
        "household_reference": household,
        "dwelling_reference": f"L-{household}",
        "level": level,
        "debt": debt,
        "housing_debt": debt,
        "first_default": date(2026, 7, 15),
    }
    values.update(kwargs)
    return ArrearsRow(**values)  # type: ignore[arg-type]


def test_the_columns_are_those_of_domain_4_9_in_order() -> None:
    sheet = read([])
    assert [cell.value for cell in sheet[1]] == [
        "Référence ménage",
        "Référence logement",
        "Niveau",
        "Code niveau",
        "Dette (€)",
        "Dette logement (€)",
        "Premier impayé",
        "Prochaine échéance",
        "Statuts",
    ]
    assert list(HEADERS) == [cell.value for cell in sheet[1]]
    assert sheet.max_row == 1  # nobody in arrears: the header alone
    assert sheet.auto_filter.ref == "A1:I1"


def test_rows_with_debt_sorted_by_level_then_debt() -> None:
    rows = [
        row("M-1", "alert", 20_000),
        row("M-2", "ccapex", 50_000),
        row("M-3", "alert", 90_000),
        row("M-4", "none", 0),  # settled: not listed
        row("M-5", "ccapex", 150_000),
        row("M-6", "first_default", 8_000),
    ]
    sheet = read(rows)
    listed = [(r[0].value, r[3].value) for r in sheet.iter_rows(min_row=2)]
    assert listed == [
        ("M-5", "ccapex"),
        ("M-2", "ccapex"),
        ("M-3", "alert"),
        ("M-1", "alert"),
        ("M-6", "first_default"),
    ]


def test_numbers_are_numbers_and_dates_are_dates() -> None:
    sheet = read(
        [
            row(
                "M-1",
                "caf_threshold",
                123_456,
                housing_debt=100_050,
                next_due=date(2027, 1, 15),
                next_reminder="Signaler l'impayé à la CAF au plus tard le 15/01/2027.",
                statuses=("Plan d'apurement respecté", "Trêve hivernale"),
            ),
            row("M-2", "first_default", 8_000),
        ]
    )
    first = sheet[2]
    assert [cell.value for cell in first[:4]] == [
        "M-1",
        "L-M-1",
        "Impayé constitué – CAF",
        "caf_threshold",
    ]
    assert (first[4].value, first[5].value) == (1234.56, 1000.5)
    assert first[4].number_format == first[5].number_format == EURO_FORMAT
    assert "€" in EURO_FORMAT
    assert first[6].value == datetime(2026, 7, 15)
    assert first[7].value == datetime(2027, 1, 15)
    assert first[6].number_format == first[7].number_format == DATE_FORMAT == "dd/mm/yyyy"
    assert first[7].comment is not None
    assert first[7].comment.text == "Signaler l'impayé à la CAF au plus tard le 15/01/2027."
    assert first[8].value == "Plan d'apurement respecté ; Trêve hivernale"
    second = sheet[3]
    assert (second[4].value, second[7].value, second[8].value) == (80, None, None)
    assert second[7].comment is None


def test_the_sheet_is_ready_to_filter_and_print() -> None:
    sheet = read([row("M-1", "alert", 20_000), row("M-2", "alert", 10_000)])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I3"
    assert all(cell.font.bold for cell in sheet[1])
    for index, header in enumerate(HEADERS, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        assert sheet.column_dimensions[letter].width >= len(header)
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr is not None
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    page_header = sheet.HeaderFooter.oddHeader
    assert page_header is not None
    assert page_header.center.text == "Impayés au 20/11/2026"


def test_a_long_status_widens_its_column() -> None:
    statuses = ("Contrat de résidence : résiliation possible avec un mois de préavis",)
    sheet = read([row("M-1", "alert", 20_000, statuses=statuses)])
    assert sheet.column_dimensions["I"].width >= len(statuses[0])


def test_a_row_from_an_assessment() -> None:
    # GIVEN contract A (share 180 €) unpaid from July 2026: on 20/11/2026 it is at ccapex
    # (d₂ 15/08, two months later 15/10), 5 × 180 = 900 € in default, in the winter truce
    ledger = Ledger(40_000, 4_000, 26_000)
    ledger.months(date(2026, 6, 1), date(2026, 11, 1))
    ledger.pay(date(2026, 6, 8), 18_000)
    ledger.act("ccapex_referral", date(2026, 10, 20))
    # WHEN its row is rendered
    result = ArrearsRow.of("M-0042", "LOG-7", ledger.assess(ON))
    sheet = read([result])
    # THEN the row says so, with the open CAF report (due 15/10) as next deadline
    values = [cell.value for cell in sheet[2]]
    assert values == [
        "M-0042",
        "LOG-7",
        "Saisine CCAPEX",
        "ccapex",
        900,
        900,
        datetime(2026, 7, 15),
        datetime(2026, 10, 15),
        message(WINTER_TRUCE),
    ]
    comment = sheet.cell(2, 8).comment
    assert comment is not None
    assert comment.text == message(CAF_REPORT, due="15/10/2026")


def test_a_name_looking_like_a_formula_stays_text() -> None:
    # GIVEN household references that a spreadsheet would run as formulas
    names = ['=HYPERLINK("x")', "+1-1", "@SUM(A1)", "-2"]
    rows = [row(name, "alert", 10_000 + index) for index, name in enumerate(names)]
    # WHEN the workbook is rendered and read back
    data = render_arrears(rows, on=ON)
    sheet = read(rows)
    # THEN each is a plain string cell holding exactly the name, and the file has no formula
    cells = {sheet.cell(line, 1).value: sheet.cell(line, 1) for line in range(2, 6)}
    assert set(cells) == set(names)
    for cell in cells.values():
        assert cell.data_type == "s"
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
