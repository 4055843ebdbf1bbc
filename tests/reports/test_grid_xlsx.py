"""A funder's grid read and filled by patching its cells only (issue 11 points 1 and 6)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook

from desktop_app.domain.grid import GridFileError, check_reference, parse_reference
from desktop_app.reports.xlsx.common import xml_safe
from desktop_app.reports.xlsx.grid import (
    FillValue,
    Placeholder,
    fill_placeholders,
    is_date_format,
    read_placeholders,
)
from tests.conftest import IN_CI

GRIDS = Path(__file__).resolve().parents[1] / "fixtures" / "grids"
DDETS = (GRIDS / "ddets_iml_2026.xlsx").read_bytes()
IML = "Bilan IML 2026"
PENSION = "Pension"

DDETS_PLACEHOLDERS = (
    (IML, "B5", "association.name"),
    (IML, "B6", "association.siret"),
    (IML, "B7", "period.start"),
    (IML, "E7", "period.end"),
    (IML, "B8", "today"),
    (IML, "C12", "iml:households.stock_start"),
    (IML, "C13", "iml:households.entries"),
    (IML, "C14", "iml:households.exits"),
    (IML, "C16", "iml:households.stock_end"),
    (IML, "C17", "iml:exits.to_permanent_housing"),
    (IML, "C19", "iml:occupancy_rate"),
    (IML, "C20", "iml:dwellings.captured"),
    (IML, "C21", "iml:arrears.total_eur"),
    (IML, "C22", "iml:stay.mean_days"),
    (PENSION, "B3", "pension:places"),
    (PENSION, "B4", "households.entries|programme=Pension Les Tilleuls"),
    (PENSION, "B5", "households.exits | programme = Résidence « Les Écrins »"),
    (PENSION, "B6", "pension:occupancy_rate"),
    (PENSION, "B7", "esds.present.persons|on=31/12/2026"),
    (PENSION, "B9", "pension:activities.count"),
)

NAME = "=Habitat & Insertion <Rhône>"
VALUES: Mapping[str, FillValue] = {
    "association.name": NAME,
    "association.siret": "12345678900011",
    "period.start": date(2026, 1, 1),
    "period.end": date(2026, 12, 31),
    "today": date(2027, 1, 15),
    "iml:households.stock_start": 5,
    "iml:households.entries": 7,
    "iml:households.exits": 4,
    "iml:households.stock_end": 8,
    "iml:exits.to_permanent_housing": 3,
    "iml:occupancy_rate": Decimal("70.6"),
    "iml:dwellings.captured": 2,
    "iml:arrears.total_eur": Decimal("1240.50"),
    "iml:stay.mean_days": None,
    "pension:places": 12,
    "households.entries|programme=Pension Les Tilleuls": 3,
    "households.exits | programme = Résidence « Les Écrins »": 0,
    "pension:occupancy_rate": Decimal("65.4"),
    "esds.present.persons|on=31/12/2026": 10,
    "pension:activities.count": 5,
}


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def infos(data: bytes) -> list[tuple[str, int, tuple[int, ...]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, i.compress_type, i.date_time) for i in archive.infolist()]


def load(data: bytes, *, data_only: bool = False) -> Workbook:
    return openpyxl.load_workbook(io.BytesIO(data), data_only=data_only)


def look(cell: Cell) -> tuple[object, ...]:
    """What a cell looks like apart from its number format."""
    fill, border, font = cell.fill, cell.border, cell.font
    return (fill.patternType, fill.fgColor.rgb, border.left.style, font.name, font.b)


def without_cells(xml: str, refs: set[str]) -> str:
    """The sheet XML without the ``<c>`` elements of ``refs``."""
    pattern = r'<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|(?<!/)>.*?</c>)'
    return re.sub(pattern, lambda m: "" if m[1] in refs else m[0], xml, flags=re.S)


@pytest.fixture(scope="module")
def filled() -> bytes:
    return fill_placeholders(DDETS, VALUES)


# ---------------------------------------------------------------- reading


def test_every_placeholder_of_the_ddets_grid_with_its_sheet_and_cell() -> None:
    found = read_placeholders(DDETS)
    assert [(p.sheet, p.cell, p.text) for p in found] == list(DDETS_PLACEHOLDERS)
    assert all(isinstance(p, Placeholder) for p in found)


def test_the_fixture_is_what_the_tests_say() -> None:
    """Merged placeholder cells, a rich-text shared string, formulas with stale results."""
    book = load(DDETS)
    iml = book[IML]
    merged = {str(r) for r in iml.merged_cells.ranges}
    assert {"B5:E5", "B6:E6", "B7:C7", "C12:D12", "C21:D21"} <= merged
    assert iml["C15"].value == "=C12+C13-C14"
    assert iml["C18"].value == '=IF(C14=0,"",C17/C14)'
    parts = members(DDETS)
    shared = parts["xl/sharedStrings.xml"].decode()
    assert "<r><rPr><b" in shared
    assert ">{{pension:</t>" in shared
    assert "<v>#VALUE!</v>" in parts["xl/worksheets/sheet1.xml"].decode()
    assert "fullCalcOnLoad" not in parts["xl/workbook.xml"].decode()
    assert 't="inlineStr"' not in parts["xl/worksheets/sheet1.xml"].decode()


def test_a_misspelt_code_is_found_and_gets_suggestions() -> None:
    found = read_placeholders((GRIDS / "unknown_code.xlsx").read_bytes())
    assert found == (
        Placeholder("Grille", "B3", "households.entres"),
        Placeholder("Grille", "B4", "households"),
    )
    (problem,) = check_reference(parse_reference(found[0].text))
    assert "Codes proches : households.entries" in problem
    assert check_reference(parse_reference(found[1].text)) == []


# ---------------------------------------------------------------- filling the DDETS grid


def test_every_other_member_is_copied_byte_for_byte(filled: bytes) -> None:
    before, after = members(DDETS), members(filled)
    assert list(after) == list(before)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
    }
    assert infos(filled) == infos(DDETS)  # same order, compression and dates
    assert after["xl/media/image1.png"].startswith(b"\x89PNG")


def test_sheet_xml_is_identical_outside_the_placeholder_cells(filled: bytes) -> None:
    before, after = members(DDETS), members(filled)
    for part, sheet in (("xl/worksheets/sheet1.xml", IML), ("xl/worksheets/sheet2.xml", PENSION)):
        refs = {cell for name, cell, _ in DDETS_PLACEHOLDERS if name == sheet}
        old, new = before[part].decode(), after[part].decode()
        assert without_cells(new, refs) == without_cells(old, refs)
        assert len(without_cells(old, refs)) < len(old)  # the cells were there and removed


def test_workbook_asks_for_a_full_calculation_and_nothing_else(filled: bytes) -> None:
    old = members(DDETS)["xl/workbook.xml"].decode()
    new = members(filled)["xl/workbook.xml"].decode()
    calc = '<calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.0001"'
    assert calc + "/>" in old
    assert new == old.replace(calc + "/>", calc + ' fullCalcOnLoad="1"/>')


def test_styles_only_gain_copies_of_the_date_and_text_cell_styles(filled: bytes) -> None:
    old = members(DDETS)["xl/styles.xml"].decode()
    new = members(filled)["xl/styles.xml"].decode()
    old_count = int(re.search(r'<cellXfs count="(\d+)"', old)[1])  # type: ignore[index]
    new_count = int(re.search(r'<cellXfs count="(\d+)"', new)[1])  # type: ignore[index]
    # B7, E7, B8: two source styles (B7 merged with its own style, E7 and B8 share one) get
    # a date copy; B5's text starting with "=" gets a quote-prefix copy.
    assert new_count == old_count + 3
    head, tail = old.split("</cellXfs>")
    added = new.split("</cellXfs>")[0][len(head) :]
    assert new == (head + added + "</cellXfs>" + tail).replace(
        f'<cellXfs count="{old_count}"', f'<cellXfs count="{new_count}"'
    )
    assert added.count("<xf ") == 3
    assert added.count('numFmtId="14"') == 2


def test_images_merged_cells_validation_and_print_area_survive(filled: bytes) -> None:
    before, after = load(DDETS), load(filled)
    for name in (IML, PENSION):
        old, new = before[name], after[name]
        assert {str(r) for r in new.merged_cells.ranges} == {
            str(r) for r in old.merged_cells.ranges
        }
        assert new.print_area == old.print_area
        assert len(new._images) == len(old._images)  # type: ignore[attr-defined]
    iml = after[IML]
    assert iml.print_area == "'Bilan IML 2026'!$A$1:$F$25"
    assert len(iml._images) == 1  # type: ignore[attr-defined]
    (validation,) = iml.data_validations.dataValidation
    assert (str(validation.sqref), validation.formula1) == ("B9", '"Oui,Non"')
    assert iml["B9"].value == "Oui"


def test_numbers_dates_and_texts_read_back(filled: bytes) -> None:
    book = load(filled)
    iml, pension = book[IML], book[PENSION]
    assert iml["C13"].value == 7
    assert iml["C13"].data_type == "n"
    assert iml["C19"].value == pytest.approx(70.6)
    assert iml["C21"].value == pytest.approx(1240.5)
    assert iml["C21"].number_format == '#,##0.00" €"'  # the grid's format is kept
    assert pension["B9"].value == 5
    for ref, day in (
        ("B7", date(2026, 1, 1)),
        ("E7", date(2026, 12, 31)),
        ("B8", date(2027, 1, 15)),
    ):
        assert iml[ref].value == datetime.combine(day, datetime.min.time())
        assert iml[ref].is_date
    assert iml["B5"].value == NAME
    assert iml["B5"].data_type == "s"  # not a formula
    assert iml["B5"].quotePrefix
    assert iml["B6"].value == "12345678900011"
    assert iml["C22"].value is None
    # A filled cell keeps its look: same fill and border as before.
    before = load(DDETS)[IML]
    for ref in ("B5", "B7", "C13", "C22"):
        assert look(iml[ref]) == look(before[ref]), ref
    assert iml["C15"].value == "=C12+C13-C14"  # formulas untouched


def test_filled_cells_are_written_as_values_in_the_xml(filled: bytes) -> None:
    sheet = members(filled)["xl/worksheets/sheet1.xml"].decode()
    assert '<c r="C13" s="10"><v>7</v></c>' in sheet
    assert '<c r="C19" s="14"><v>70.6</v></c>' in sheet
    assert '<c r="C22" s="14"/>' in sheet
    assert re.search(r'<c r="B7" s="\d+"><v>46023</v></c>', sheet)  # 01/01/2026
    assert '<is><t xml:space="preserve">=Habitat &amp; Insertion &lt;Rhône&gt;</t></is>' in sheet


def test_filling_twice_gives_the_same_bytes(filled: bytes) -> None:
    assert fill_placeholders(DDETS, VALUES) == filled
    assert read_placeholders(filled) == ()


def test_a_placeholder_without_a_value_is_left_as_it_is() -> None:
    values = {"iml:households.entries": 7, "not.in.the.grid": 1}
    data = fill_placeholders(DDETS, values)
    assert [p.cell for p in read_placeholders(data)] == [
        cell for _, cell, text in DDETS_PLACEHOLDERS if text != "iml:households.entries"
    ]
    assert load(data)[IML]["C13"].value == 7


# ---------------------------------------------------------------- files that are not grids


def zipped(parts: Mapping[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (OLE2 + b"Workbook".decode().encode("utf-16-le") + bytes(100), "grid.xls"),
        (OLE2 + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"),
         "grid.encrypted"),
        (b"code;valeur\nhouseholds;3\n", "grid.not_xlsx"),
        (b"", "grid.not_xlsx"),
        (zipped({"word/document.xml": "<w/>"}), "grid.not_xlsx"),
        (zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "grid.ods"),
        (zipped({"xl/workbook.bin": b"\x83\x01"}), "grid.xlsb"),
    ],
)  # fmt: skip
def test_files_that_are_not_xlsx_grids_are_refused(data: bytes, code: str) -> None:
    for action in (read_placeholders, lambda d: fill_placeholders(d, {})):
        with pytest.raises(GridFileError) as raised:
            action(data)
        assert raised.value.code == code
        assert raised.value.exit_code == 3
    assert "au format .xlsx (Excel 2007 et suivants) puis recommencez." in raised.value.text


def test_an_xls_gets_the_save_as_xlsx_message() -> None:
    with pytest.raises(GridFileError) as raised:
        read_placeholders(OLE2)
    assert raised.value.text == (
        "Cette grille est un ancien classeur Excel (.xls). Enregistrez la grille au format "
        ".xlsx (Excel 2007 et suivants) puis recommencez."
    )


def test_a_damaged_part_is_named() -> None:
    parts = minimal_parts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')
    parts["xl/sharedStrings.xml"] = "<sst><si><t>{{households}}</t>"
    with pytest.raises(GridFileError) as raised:
        read_placeholders(zipped(parts))
    assert raised.value.code == "grid.damaged"
    assert "xl/sharedStrings.xml" in raised.value.text


# ---------------------------------------------------------------- hand-written packages

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
STYLES = (
    f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD/MM/YYYY"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="4" fontId="0" fillId="1" borderId="0" xfId="0" applyNumberFormat="1">'
    '<alignment horizontal="center"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def minimal_parts(
    rows: str,
    *,
    shared: tuple[str, ...] = ("<t>{{households}}</t>",),
    workbook_tail: str = '<calcPr calcId="191029"/>',
    workbook_pr: str = "",
    calc_chain: bool = False,
    prefix: str = "",
) -> dict[str, str | bytes]:
    """A small xlsx as a spreadsheet program writes it: one sheet ``Données``."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    rels = [
        ("rId1", "worksheet", "worksheets/sheet1.xml"),
        ("rId2", "styles", "styles.xml"),
        ("rId3", "sharedStrings", "sharedStrings.xml"),
    ]
    types = [
        ("/xl/workbook.xml", f"{CT}.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", f"{CT}.worksheet+xml"),
        ("/xl/styles.xml", f"{CT}.styles+xml"),
        ("/xl/sharedStrings.xml", f"{CT}.sharedStrings+xml"),
    ]
    parts: dict[str, str | bytes] = {}
    if calc_chain:
        rels.append(("rId4", "calcChain", "calcChain.xml"))
        types.append(("/xl/calcChain.xml", f"{CT}.calcChain+xml"))
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{n}" ContentType="{t}"/>' for n, t in types)
        + "</Types>"
    )
    parts["_rels/.rels"] = (
        f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
        f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}workbook {xmlns} '
        f'xmlns:r="{REL}">{workbook_pr}<{p}sheets><{p}sheet name="Données &amp; co" sheetId="1" '
        f'r:id="rId1"/></{p}sheets>{workbook_tail}</{p}workbook>'
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<Relationships xmlns="{PKG_REL}">'
        + "".join(f'<Relationship Id="{i}" Type="{REL}/{k}" Target="{t}"/>' for i, k, t in rels)
        + "</Relationships>"
    )
    parts["xl/styles.xml"] = STYLES
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">'
        + "".join(f"<si>{si}</si>" for si in shared)
        + "</sst>"
    )
    parts["xl/worksheets/sheet1.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {xmlns} '
        f'xmlns:r="{REL}"><{p}sheetData>{rows}</{p}sheetData></{p}worksheet>'
    )
    if calc_chain:
        parts["xl/calcChain.xml"] = f'<calcChain xmlns="{MAIN}"><c r="B1" i="1"/></calcChain>'
    return parts


def sheet_xml(data: bytes) -> str:
    return members(data)["xl/worksheets/sheet1.xml"].decode()


def test_inline_rich_and_phonetic_strings_are_read() -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>{{ households }}</t></is></c>'
        '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>{{iml:</t></r>'
        '<r><t xml:space="preserve">occupancy_rate}}</t></r></is></c>'
        '<c r="C1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2" t="str"><f>"{{"&amp;"today}}"</f><v>{{today}}</v></c>'
        '<c r="B2" t="str"><v>{{period.end}}</v></c><c r="C2"><v>3</v></c>'
        '<c r="D2" t="s"><v>0</v></c><c r="E2" t="inlineStr"><is><t>Total {{x}}</t></is></c>'
        "</row>"
    )
    shared = (
        "<t>{{households}}</t>",
        "<r><t>{{esds.present</t></r><r><rPr><i/></rPr><t>.f}}</t></r>"
        '<rPh sb="0" eb="1"><t>ignored</t></rPh>',
        "<t>{{a&amp;b}}</t>",
    )
    found = read_placeholders(zipped(minimal_parts(rows, shared=shared)))
    assert [(p.sheet, p.cell, p.text) for p in found] == [
        ("Données & co", "A1", "households"),
        ("Données & co", "B1", "iml:occupancy_rate"),
        ("Données & co", "C1", "esds.present.f"),
        ("Données & co", "D1", "a&b"),
        ("Données & co", "B2", "period.end"),
        ("Données & co", "D2", "households"),
    ]  # A2 is a formula, C2 a number, E2 not a whole placeholder


def test_cells_without_reference_get_their_implied_one() -> None:
    rows = (
        '<row><c t="s"><v>0</v></c></row>'
        '<row><c r="B2"><v>1</v></c><c t="s"><v>0</v></c></row>'
        '<row r="7"><c/><c/><c t="s"><v>0</v></c></row>'
    )
    data = zipped(minimal_parts(rows))
    assert [p.cell for p in read_placeholders(data)] == ["A1", "C2", "C7"]
    filled = fill_placeholders(data, {"households": 4})
    assert sheet_xml(filled).count("<c><v>4</v></c>") == 3
    assert load(filled).active["C7"].value == 4  # type: ignore[index]


def test_a_prefixed_namespace_is_kept_on_the_new_elements() -> None:
    rows = (
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>'
        '<x:c r="B1" t="s"><x:v>0</x:v></x:c></x:row>'
    )
    data = zipped(minimal_parts(rows, prefix="x", workbook_tail='<x:calcPr calcId="191029"/>'))
    assert [p.cell for p in read_placeholders(data)] == ["A1", "B1"]
    filled = fill_placeholders(data, {"households": "Été"})
    xml = sheet_xml(filled)
    assert '<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">Été</x:t></x:is></x:c>' in xml
    workbook = members(filled)["xl/workbook.xml"].decode()
    assert '<x:calcPr calcId="191029" fullCalcOnLoad="1"/>' in workbook
    assert load(filled).active["B1"].value == "Été"  # type: ignore[index]


def test_value_types_and_cell_attributes() -> None:
    cells = "".join(
        f'<c r="{ref}" s="{style}" t="s"><v>{index}</v></c>'
        for ref, style, index in (
            ("A1", 0, 0), ("B1", 2, 1), ("C1", 2, 2), ("D1", 0, 3), ("E1", 1, 4), ("F1", 0, 5),
            ("G1", 2, 6), ("H1", 0, 7), ("I1", 0, 8), ("J1", 0, 9),
        )
    )  # fmt: skip
    texts = ("int", "dec", "float", "none", "date", "text", "date2", "big", "neg", "under")
    data = zipped(
        minimal_parts(
            f'<row r="1">{cells}</row>', shared=tuple(f"<t>{{{{{t}}}}}</t>" for t in texts)
        )
    )
    values: dict[str, FillValue] = {
        "int": 42,
        "dec": Decimal("1240.50"),
        "float": 0.125,
        "none": None,
        "date": date(2026, 3, 31),
        "text": "  a <b> & c\r\nd ",
        "date2": datetime(2026, 3, 31, 14, 30),
        "big": Decimal("1E+3"),
        "neg": -3,
        "under": "a_x0041_b",
    }  # fmt: skip
    filled = fill_placeholders(data, values)
    xml = sheet_xml(filled)
    assert '<c r="A1" s="0"><v>42</v></c>' in xml
    assert '<c r="B1" s="2"><v>1240.50</v></c>' in xml
    assert '<c r="C1" s="2"><v>0.125</v></c>' in xml
    assert '<c r="D1" s="0"/>' in xml
    assert '<c r="E1" s="1"><v>46112</v></c>' in xml  # already a date style: kept
    assert '<c r="G1" s="3"><v>46112</v></c>' in xml  # a copy of style 2 with a date format
    assert '<c r="H1" s="0"><v>1000</v></c>' in xml
    assert '<c r="I1" s="0"><v>-3</v></c>' in xml
    assert '<t xml:space="preserve">  a &lt;b&gt; &amp; c&#13;\nd </t>' in xml
    assert "a_x005F_x0041_b" in xml  # an Excel escape sequence stays literal text
    sheet = load(filled).active
    assert sheet is not None
    assert sheet["A1"].value == 42
    assert sheet["B1"].value == pytest.approx(1240.5)
    assert sheet["B1"].number_format == "#,##0.00"
    assert sheet["D1"].value is None
    assert sheet["E1"].value == datetime(2026, 3, 31)
    assert sheet["E1"].number_format == "DD/MM/YYYY"
    assert sheet["G1"].value == datetime(2026, 3, 31)
    assert sheet["G1"].is_date
    assert sheet["G1"].alignment.horizontal == "center"  # the copy keeps the rest of the style
    assert look(sheet["G1"]) == look(sheet["B1"])
    assert sheet["F1"].value == "  a <b> & c\r\nd "
    styles = members(filled)["xl/styles.xml"].decode()
    assert '<cellXfs count="4">' in styles
    assert (
        '<xf numFmtId="14" fontId="0" fillId="1" borderId="0" xfId="0" applyNumberFormat="1">'
        '<alignment horizontal="center"/></xf></cellXfs>'
    ) in styles


def test_one_date_copy_per_source_style() -> None:
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" s="2" t="s"><v>0</v></c></row>'
    )
    data = zipped(minimal_parts(rows, shared=("<t>{{today}}</t>", "<t>{{period.end}}</t>")))
    filled = fill_placeholders(data, {"today": date(2026, 4, 15), "period.end": date(2026, 3, 31)})
    xml = sheet_xml(filled)
    assert '<c r="A1" t="s"' not in xml
    assert '<c r="A1" s="3"><v>46127</v></c>' in xml
    assert '<c r="B1" s="3"><v>46112</v></c>' in xml
    assert '<c r="C1" s="4"><v>46127</v></c>' in xml
    assert '<cellXfs count="5">' in members(filled)["xl/styles.xml"].decode()


def test_a_1904_workbook_counts_days_from_1904() -> None:
    rows = '<row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row>'
    data = zipped(
        minimal_parts(rows, shared=("<t>{{today}}</t>",), workbook_pr='<workbookPr date1904="1"/>')
    )
    filled = fill_placeholders(data, {"today": date(2026, 3, 31)})
    assert "<v>44650</v>" in sheet_xml(filled)
    assert load(filled).active["A1"].value == datetime(2026, 3, 31)  # type: ignore[index]


def test_the_calc_chain_is_dropped_with_its_relationship_and_content_type() -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>A1*2</f><v>0</v></c></row>'
    data = zipped(minimal_parts(rows, calc_chain=True))
    filled = fill_placeholders(data, {"households": 21})
    after = members(filled)
    assert "xl/calcChain.xml" not in after
    assert "calcChain" not in after["xl/_rels/workbook.xml.rels"].decode()
    assert "calcChain" not in after["[Content_Types].xml"].decode()
    assert after["xl/_rels/workbook.xml.rels"].decode().count("<Relationship ") == 3
    assert list(after) == [n for n in members(data) if n != "xl/calcChain.xml"]
    assert load(filled).active["A1"].value == 21  # type: ignore[index]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("", '<calcPr fullCalcOnLoad="1"/></workbook>'),
        (
            '<definedNames/><extLst><ext uri="x"/></extLst>',
            '<definedNames/><calcPr fullCalcOnLoad="1"/><extLst>',
        ),
        ('<calcPr calcId="1" fullCalcOnLoad="0"/>', '<calcPr calcId="1" fullCalcOnLoad="1"/>'),
        ("<calcPr/>", '<calcPr fullCalcOnLoad="1"/>'),
        ('<calcPr calcId="1"></calcPr>', '<calcPr calcId="1" fullCalcOnLoad="1"></calcPr>'),
    ],
)  # fmt: skip
def test_full_calculation_on_load_is_set_in_its_place(tail: str, expected: str) -> None:
    data = zipped(minimal_parts("", workbook_tail=tail))
    workbook = members(fill_placeholders(data, {}))["xl/workbook.xml"].decode()
    assert expected in workbook
    assert workbook.count("calcPr") == expected.count("calcPr")


def test_not_finite_numbers_are_a_programming_error() -> None:
    data = zipped(minimal_parts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'))
    with pytest.raises(ValueError, match="finite"):
        fill_placeholders(data, {"households": Decimal("NaN")})
    with pytest.raises(ValueError, match="finite"):
        fill_placeholders(data, {"households": float("inf")})


@settings(max_examples=60, deadline=None)
@given(
    text=st.text().filter(lambda t: "_x" not in t),
    number=st.integers(-(10**15), 10**15)
    | st.decimals(places=2, allow_nan=False, allow_infinity=False),
)
def test_any_text_and_number_read_back_as_written(text: str, number: int | Decimal) -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    shared = ("<t>{{text}}</t>", "<t>{{number}}</t>")
    data = zipped(minimal_parts(rows, shared=shared))
    sheet = load(fill_placeholders(data, {"text": text, "number": number})).active
    assert sheet is not None
    assert (sheet["A1"].value or "") == xml_safe(text)
    assert sheet["A1"].data_type == "s"
    assert Decimal(str(sheet["B1"].value)) == pytest.approx(number)


@pytest.mark.parametrize(
    ("code", "is_date"),
    [
        ("DD/MM/YYYY", True),
        ("mmmm yyyy", True),
        ("[$-40C]d mmmm yyyy;@", True),
        ("mm/yy", True),
        ("h:mm", False),
        ("[h]:mm:ss", False),
        ("General", False),
        ('#,##0.00 "€"', False),
        ('0 "jours"', False),
        ("0.0%", False),
        ("@", False),
        ("[Red]0.00;[Blue]-0.00", False),
    ],
)
def test_date_formats_are_recognised(code: str, is_date: bool) -> None:
    assert is_date_format(code) is is_date


# ---------------------------------------------------------------- LibreOffice


@pytest.fixture(scope="module")
def recomputed(filled: bytes, tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    soffice = shutil.which("soffice")
    if soffice is None:
        if IN_CI:
            pytest.fail("LibreOffice (soffice) is not installed (required when CI=true)")
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("grid")
    source = folder / "filled.xlsx"
    source.write_bytes(filled)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return openpyxl.load_workbook(folder / "out" / "filled.xlsx", data_only=True)


@pytest.mark.slow
def test_libreoffice_computes_the_formulas_on_the_filled_values(recomputed: Workbook) -> None:
    iml, pension = recomputed[IML], recomputed[PENSION]
    assert iml["C15"].value == 5 + 7 - 4
    assert iml["C18"].value == pytest.approx(3 / 4)
    assert iml["C23"].value == 7 + 4
    assert pension["B8"].value == pytest.approx(12 / 3)
    assert pension["B10"].value == 12 + 5
    assert iml["B7"].value == datetime(2026, 1, 1)
    assert iml["B5"].value == NAME
    assert iml["C19"].value == pytest.approx(70.6)
