"""The import workbook as a file: template, error report, whole database, and any file read."""

from __future__ import annotations

import random
import re
import shutil
import struct
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain import vocabulary as v
from desktop_app.domain.errors import RefusedError
from desktop_app.domain.workbook import (
    CONTRACTS,
    MAX_CENTS,
    MOVEMENTS,
    PERSONS,
    PROGRAMMES,
    SHEETS,
    Column,
    ParsedSheet,
    SheetSpec,
    WorkbookIssue,
    clean_text,
    is_cell_error,
    parse_sheet,
)
from desktop_app.reports.xlsx.common import xml_safe
from desktop_app.reports.xlsx.workbook import (
    AMOUNT_FORMAT,
    DATE_FORMAT,
    EXAMPLES,
    ISSUE_HEADERS,
    NOTICE,
    RawWorkbook,
    read_workbook,
    write_issues,
    write_template,
    write_workbook,
)

SHEET_NAMES = [spec.name for spec in SHEETS]


def read_bytes(tmp_path: Path, data: bytes, name: str = "classeur.xlsx") -> RawWorkbook:
    path = tmp_path / name
    path.write_bytes(data)
    return read_workbook(path)


def parse(workbook: RawWorkbook, spec: SheetSpec) -> ParsedSheet:
    sheet = workbook.sheet(spec.name)
    assert sheet is not None, spec.name
    return parse_sheet(spec, sheet.headings, sheet.rows, heading_row=sheet.heading_row)


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(BytesIO(data))


def worksheet(workbook: openpyxl.Workbook, name: str) -> Worksheet:
    sheet = workbook[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def xlsx(rows: Sequence[Sequence[object]], title: str = "Personnes") -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    return workbook


def saved(workbook: openpyxl.Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rezipped(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """The same zip with each member passed through ``edit(name, content)``."""
    source = zipfile.ZipFile(BytesIO(data))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, edit(name, source.read(name)))
    return buffer.getvalue()


def with_cell_xml(data: bytes, cells: Mapping[str, str]) -> bytes:
    """Replace cells of the first sheet by hand-written XML (openpyxl cannot cache results)."""

    def edit(name: str, content: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return content
        for reference, xml in cells.items():
            pattern = rb'<c r="' + reference.encode() + rb'"[^>]*?(?:/>|>.*?</c>)'
            content, count = re.subn(pattern, xml.encode(), content, count=1)
            assert count == 1, reference
        return content

    return rezipped(data, edit)


def encrypted_office_file() -> bytes:
    """A minimal OLE container holding what Excel writes for a password-protected workbook."""
    sector, free, end, fat_mark = 512, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    streams = [
        ("EncryptionInfo", b"\x04\x00\x04\x00" + bytes(4092)),
        ("EncryptedPackage", bytes(8192)),
    ]

    def entry(name: str, kind: int, links: tuple[int, int], start: int, size: int) -> bytes:
        right, child = links
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB3I", len(encoded), kind, 1, free, right, child)
            + bytes(36)
            + struct.pack("<IQ", start, size)
        )

    fat, content, entries, next_sector = [fat_mark, end], b"", [], 2
    entries.append(entry("Root Entry", 5, (free, 1), end, 0))
    for index, (name, data) in enumerate(streams):
        count = len(data) // sector
        fat += [next_sector + i + 1 for i in range(count - 1)] + [end]
        right = index + 2 if index + 1 < len(streams) else free
        entries.append(entry(name, 2, (right, free), next_sector, len(data)))
        next_sector += count
        content += data
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<5H", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<9I", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + b"\xff" * 432
    )
    fat_sector = b"".join(struct.pack("<I", x) for x in fat).ljust(sector, b"\xff")
    return header + fat_sector + b"".join(entries).ljust(sector, b"\0") + content


# ------------------------------------------------------------------------------ template


def test_the_template_has_a_notice_then_one_sheet_per_spec() -> None:
    workbook = load(write_template())
    assert workbook.sheetnames == [NOTICE, *SHEET_NAMES]
    for spec in SHEETS:
        sheet = worksheet(workbook, spec.name)
        headings = [cell.value for cell in sheet[1]]
        assert headings == [c.heading + (" *" if c.required else "") for c in spec.columns]
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.max_row == 1


def test_the_template_columns_carry_formats_and_drop_down_lists() -> None:
    workbook = load(write_template())
    notice = worksheet(workbook, NOTICE)
    sheet = worksheet(workbook, "Contrats")
    letters = {
        c.key: openpyxl.utils.get_column_letter(i) for i, c in enumerate(CONTRACTS.columns, 1)
    }
    assert sheet.column_dimensions[letters["start"]].number_format == DATE_FORMAT
    assert sheet.column_dimensions[letters["rent"]].number_format == AMOUNT_FORMAT
    assert sheet.column_dimensions[letters["household"]].number_format == "@"
    assert sheet.column_dimensions[letters["household"]].width >= len("Référence ménage *")
    validations = {
        str(validation.sqref).split(":")[0]: validation
        for validation in sheet.data_validations.dataValidation
    }
    assert validations[f"{letters['third_party_payment']}2"].formula1 == '"Oui,Non"'
    kind = validations[f"{letters['kind']}2"]
    assert kind.type == "list"
    assert kind.errorStyle == "warning"  # a synonym typed by hand stays possible
    source = re.fullmatch(r"Notice!\$D\$(\d+):\$D\$(\d+)", kind.formula1 or "")
    assert source is not None
    first, last = int(source[1]), int(source[2])
    listed = [notice.cell(row, 4).value for row in range(first, last + 1)]
    assert listed == [v.CONTRACT_KIND.label(code) for code in v.CONTRACT_KIND]


def test_the_notice_explains_columns_values_synonyms_and_examples() -> None:
    notice = worksheet(load(write_template()), NOTICE)
    texts = [str(cell.value) for row in notice.iter_rows() for cell in row if cell.value]
    joined = "\n".join(texts)
    for spec in SHEETS:
        assert f"Feuille « {spec.name} »" in texts
        for column in spec.columns:
            assert column.heading + (" *" if column.required else "") in texts
    assert texts.count("Exemple de ligne :") == len(SHEETS)
    for expected in (
        "date jj/mm/aaaa",
        "1 234,56",
        "Oui ou Non",
        "nombre entier",
        "mois aaaa-mm",
        "Sous-location – bail glissant",
        "intitulé accepté aussi : « APL versée à l'association »",
        "IML Centre",
        "450,00",
        "15/03/2025",
    ):
        assert expected in joined, expected
    synonyms = {
        str(row[3].value): str(row[4].value)
        for row in notice.iter_rows(min_col=1, max_col=5)
        if row[3].value and row[4].value
    }
    assert {"M", "Homme", "Masculin"} <= set(synonyms["H"].split(", "))
    assert "F1" in synonyms["T1"]
    assert {"HLM", "Public"} <= set(synonyms["Social"].split(", "))
    assert {"Conjoint", "Conjointe", "Concubin·e", "Partenaire"} <= set(
        synonyms["Conjoint·e"].split(", ")
    )


def test_the_template_read_back_has_no_issue(tmp_path: Path) -> None:
    workbook = read_bytes(tmp_path, write_template(), "modele.xlsx")
    assert [sheet.name for sheet in workbook.sheets] == [NOTICE, *SHEET_NAMES]
    for spec in SHEETS:
        parsed = parse(workbook, spec)
        assert parsed.issues == ()
        assert parsed.rows == ()


def test_a_macro_workbook_and_a_misnamed_file_are_read_by_their_content(tmp_path: Path) -> None:
    for name in ("modele.xlsm", "modele.xls", "MODELE.XLSX", "modele"):
        workbook = read_bytes(tmp_path, write_template(), name)
        assert [sheet.name for sheet in workbook.sheets] == [NOTICE, *SHEET_NAMES]


def test_every_example_of_the_notice_is_a_valid_row(tmp_path: Path) -> None:
    data = write_workbook({name: [example] for name, example in EXAMPLES.items()})
    workbook = read_bytes(tmp_path, data)
    for spec in SHEETS:
        parsed = parse(workbook, spec)
        assert parsed.issues == ()
        (row,) = parsed.rows
        assert row.number == 2
        assert {k: x for k, x in row.values.items() if x is not None} == EXAMPLES[spec.name]


# --------------------------------------------------------------------- whole database


def test_a_whole_database_round_trips(tmp_path: Path) -> None:
    rows = {
        "Contrats": [
            {
                "household": "M-0001",
                "dwelling": "LOG-001",
                "kind": "sliding_sublease",
                "start": date(2025, 3, 15),
                "end": date(2026, 3, 14),
                "rent": 45_001,
                "charges": 0,
                "third_party_payment": False,
                "due_day": 31,
            }
        ],
        "Mouvements": [
            {
                "reference": "MVT-1",
                "household": "M-0001",
                "posted_on": date(2025, 4, 1),
                "period_month": date(2025, 4, 1),
                "type": "remission",
                "amount": 123_456_789,
                "reason": "Remise accordée\u00a0en commission",
            }
        ],
    }
    data = write_workbook(rows)
    workbook = read_bytes(tmp_path, data)
    contracts = parse(workbook, CONTRACTS)
    assert contracts.issues == ()
    assert {k: x for k, x in contracts.rows[0].values.items() if x is not None} == rows["Contrats"][
        0
    ]
    movements = parse(workbook, MOVEMENTS)
    (movement,) = movements.rows
    assert movement.values["amount"] == 123_456_789
    assert movement.values["reason"] == "Remise accordée en commission"
    sheet = worksheet(load(data), "Mouvements")
    assert sheet["H2"].value == pytest.approx(1_234_567.89)
    assert sheet["H2"].number_format == AMOUNT_FORMAT
    assert sheet["E2"].value == "2025-04"  # months as text
    assert sheet["D2"].number_format == DATE_FORMAT
    assert sheet["F2"].value == "Remise gracieuse"  # labels in French


def test_dates_before_excel_s_first_day_are_written_as_text(tmp_path: Path) -> None:
    days = [date(1, 1, 1), date(1850, 6, 30), date(1899, 12, 31), date(1900, 1, 1)]
    rows = [{"name": f"P{i}", "kind": "avdl", "start": day} for i, day in enumerate(days)]
    parsed = parse(read_bytes(tmp_path, write_workbook({"Dispositifs": rows})), PROGRAMMES)
    assert parsed.issues == ()
    assert [row.values["start"] for row in parsed.rows] == days


def test_write_workbook_refuses_what_it_cannot_write() -> None:
    with pytest.raises(ValueError, match="unknown sheets"):
        write_workbook({"Candidatures": []})
    with pytest.raises(ValueError, match="unknown columns"):
        write_workbook({"Dispositifs": [{"name": "A", "kind": "avdl", "id": 3}]})
    with pytest.raises(ValueError, match=r"Dispositifs\.kind"):
        write_workbook({"Dispositifs": [{"name": "A", "kind": "nope"}]})
    with pytest.raises(ValueError, match=r"Mouvements\.amount"):
        write_workbook({"Mouvements": [{"amount": 12.5}]})


def test_texts_are_never_written_as_formulas(tmp_path: Path) -> None:
    names = ['=HYPERLINK("http://example.org","clic")', "+33 6 12", "-", "@SUM(A1)", "=1+1"]
    rows = [{"household": "M-1", "last_name": name, "first_name": "A"} for name in names]
    data = write_workbook({"Personnes": rows})
    sheet = worksheet(load(data), "Personnes")
    for line, name in enumerate(names, start=2):
        assert sheet.cell(line, 2).data_type == "s"
        assert sheet.cell(line, 2).value == name
    assert b"<f>" not in zipfile.ZipFile(BytesIO(data)).read("xl/worksheets/sheet4.xml")
    parsed = parse(read_bytes(tmp_path, data), PERSONS)
    assert [row.values["last_name"] for row in parsed.rows] == names


# Hypothesis: random rows for every sheet are read back to the same values.

_DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40)


def _value(column: Column) -> st.SearchStrategy[object]:  # noqa: PLR0911
    if column.kind == "text":
        return _TEXT.filter(lambda text: len(text) <= column.maximum)
    if column.kind == "date":
        return _DAYS
    if column.kind == "month":
        return st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 1))
    if column.kind == "amount":
        return st.integers(min_value=0, max_value=MAX_CENTS - 1)
    if column.kind == "int":
        return st.integers(min_value=0, max_value=999_999_999)
    if column.kind == "bool":
        return st.booleans()
    assert column.vocabulary is not None
    return st.sampled_from(column.vocabulary.codes)


def _row(spec: SheetSpec) -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {column.key: st.none() | _value(column) for column in spec.columns}
    ).map(lambda row: {key: value for key, value in row.items() if value is not None})


def _expected(column: Column, value: object) -> object:
    if column.kind == "text":
        assert isinstance(value, str)
        return clean_text(xml_safe(value))
    if column.kind == "month":
        assert isinstance(value, date)
        return value.replace(day=1)
    return value


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(*(st.lists(_row(spec), max_size=4) for spec in SHEETS)))
def test_any_rows_round_trip(rows: tuple[list[dict[str, object]], ...]) -> None:
    sheets = {spec.name: spec_rows for spec, spec_rows in zip(SHEETS, rows, strict=True)}
    workbook = _read_in_memory(write_workbook(sheets))
    for spec, written in zip(SHEETS, rows, strict=True):
        parsed = parse(workbook, spec)
        kept = [row for row in written if _has_text(spec, row)]
        assert len(parsed.rows) == len(kept)
        for row, values in zip(parsed.rows, kept, strict=True):
            for column in spec.columns:
                if column.key in values:
                    expected = _expected(column, values[column.key])
                    if isinstance(expected, str) and is_cell_error(expected):
                        continue  # "#N/A" typed as a name is refused like an error cell
                    assert row.values[column.key] == expected, (spec.name, column.key)
                else:
                    assert row.values[column.key] is None
        assert all(
            issue.code in ("import.value_required", "import.cell_error") for issue in parsed.issues
        )


def _has_text(spec: SheetSpec, row: Mapping[str, object]) -> bool:
    """Whether a row is not blank once read (a row of spaces only is skipped)."""
    return any(
        not (isinstance(value, str) and clean_text(xml_safe(value)) is None)
        for value in row.values()
    )


def _read_in_memory(data: bytes) -> RawWorkbook:
    """Read bytes through a file (Hypothesis tests cannot take ``tmp_path``)."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "aller-retour.xlsx"
        path.write_bytes(data)
        return read_workbook(path)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=MAX_CENTS - 1), min_size=1, max_size=200))
def test_amounts_round_trip_to_the_cent(amounts: list[int]) -> None:
    rows = [
        {
            "reference": f"MVT-{i}",
            "household": "M-1",
            "posted_on": date(2026, 1, 1),
            "type": "call",
            "amount": cents,
        }
        for i, cents in enumerate(amounts)
    ]
    parsed = parse(_read_in_memory(write_workbook({"Mouvements": rows})), MOVEMENTS)
    assert parsed.issues == ()
    assert [row.values["amount"] for row in parsed.rows] == amounts


# ------------------------------------------------------------------------- robust reading


def test_merged_cells_are_copied_into_every_row_of_the_range(tmp_path: Path) -> None:
    workbook = xlsx(
        [
            ["Référence ménage", "Nom", "Prénom", "Remarques"],
            ["M-1", "Durand", "Amina"],
            [None, "Durand", "Léo"],
            [None, None, "Zoé"],
            ["M-2", "Martin", "Ana"],
        ]
    )
    sheet = workbook.active
    assert sheet is not None
    sheet.merge_cells("A2:A4")  # a household reference over its persons' rows
    sheet.merge_cells("B3:B4")
    sheet.merge_cells("D1:E1")  # a heading merged over two columns names one column
    raw = read_bytes(tmp_path, saved(workbook)).sheets[0]
    assert raw.headings == ("Référence ménage", "Nom", "Prénom", "Remarques")
    assert raw.rows == (
        (2, ("M-1", "Durand", "Amina")),
        (3, ("M-1", "Durand", "Léo")),
        (4, ("M-1", "Durand", "Zoé")),
        (5, ("M-2", "Martin", "Ana")),
    )
    assert parse(read_bytes(tmp_path, saved(workbook)), PERSONS).issues[0].code == (
        "import.column_unknown"
    )


def test_formulas_give_their_cached_values_and_errors_are_blocking(tmp_path: Path) -> None:
    workbook = xlsx(
        [
            ["Nom", "Type", "Places", "Début"],
            ["IML Centre", "AVDL", "=10+2", "x"],
            ['=A2&" bis"', "AVDL", 3, "y"],
        ],
        "Dispositifs",
    )
    data = with_cell_xml(
        saved(workbook),
        {
            "C2": '<c r="C2"><f>10+2</f><v>12</v></c>',
            "D2": '<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
            "A3": '<c r="A3" t="str"><f>A2&amp;" bis"</f><v>IML Centre bis</v></c>',
            "D3": '<c r="D3" t="e"><f>#REF!+1</f><v>#REF!</v></c>',
        },
    )
    parsed = parse(read_bytes(tmp_path, data), PROGRAMMES)
    assert [row.values["name"] for row in parsed.rows] == ["IML Centre", "IML Centre bis"]
    assert parsed.rows[0].values["places"] == 12
    assert [(i.row, i.column, i.code, i.params["value"]) for i in parsed.issues] == [
        (2, "Début", "import.cell_error", "#DIV/0!"),
        (3, "Début", "import.cell_error", "#REF!"),
    ]


def test_hidden_rows_and_hidden_sheets_are_imported(tmp_path: Path) -> None:
    workbook = xlsx([["Nom", "Type"], ["Visible", "AVDL"], ["Masqué", "ASLL"]], "Dispositifs")
    sheet = workbook.active
    assert sheet is not None
    sheet.row_dimensions[3].hidden = True
    hidden = workbook.create_sheet("Personnes")
    hidden.append(["Référence ménage", "Nom", "Prénom"])
    hidden.append(["M-1", "Durand", "Amina"])
    hidden.sheet_state = "hidden"
    raw = read_bytes(tmp_path, saved(workbook))
    assert [row.values["name"] for row in parse(raw, PROGRAMMES).rows] == ["Visible", "Masqué"]
    persons = raw.sheet("personnes")
    assert persons is not None
    assert persons.hidden
    assert parse(raw, PERSONS).rows[0].values["first_name"] == "Amina"


def test_the_heading_row_is_the_first_non_blank_one(tmp_path: Path) -> None:
    workbook = xlsx(
        [
            [],
            [None, "   "],
            [None, "Nom", "Type", None, "  "],
            [None, "IML", "AVDL", None, "\u00a0"],
            [],
            [None, "Pension", "Pension de famille"],
        ],
        "Dispositifs",
    )
    raw = read_bytes(tmp_path, saved(workbook)).sheets[0]
    assert raw.heading_row == 3
    assert raw.headings == (None, "Nom", "Type")  # trailing blank columns dropped
    assert raw.rows == ((4, (None, "IML", "AVDL")), (6, (None, "Pension", "Pension de famille")))
    parsed = parse_sheet(PROGRAMMES, raw.headings, [], heading_row=raw.heading_row)
    assert parsed.issues == ()
    missing = parse_sheet(PERSONS, raw.headings, [], heading_row=raw.heading_row)
    assert {issue.row for issue in missing.issues} == {3}


def test_an_empty_sheet_has_no_heading(tmp_path: Path) -> None:
    workbook = xlsx([], "Vide")
    raw = read_bytes(tmp_path, saved(workbook)).sheets[0]
    assert (raw.name, raw.headings, raw.rows) == ("Vide", (), ())


def test_a_10_000_row_persons_sheet_is_read_and_parsed_quickly(tmp_path: Path) -> None:
    rows = [
        {
            "household": f"M-{i // 3:05d}",
            "last_name": f"Nom {i}",
            "first_name": "Prénom",
            "birth_date": date(1980, 1, 1 + i % 28),
            "sex": ("f", "h")[i % 2],
            "role": "head" if i % 3 == 0 else "child",
            "phone": "06 12 34 56 78",
        }
        for i in range(10_000)
    ]
    path = tmp_path / "grand.xlsx"
    path.write_bytes(write_workbook({"Personnes": rows}))
    started = time.perf_counter()
    parsed = parse(read_workbook(path), PERSONS)
    elapsed = time.perf_counter() - started
    print(f"10 000 Personnes rows read and parsed in {elapsed:.2f} s")
    assert parsed.issues == ()
    assert len(parsed.rows) == 10_000
    assert parsed.rows[-1].number == 10_001
    assert elapsed < 10


# ------------------------------------------------------------------- refused files


def _template_with_rows() -> bytes:
    return write_workbook({name: [example] for name, example in EXAMPLES.items()})


def _flip_inside_sheet(data: bytes) -> bytes:
    archive = zipfile.ZipFile(BytesIO(data))
    info = archive.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 5
    damaged = bytearray(data)
    for offset in range(start, start + 8):
        damaged[offset] ^= 0xFF
    return bytes(damaged)


def _not_a_workbook_zip() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


REFUSED_CONTENTS: dict[str, tuple[Callable[[], bytes], str]] = {
    "tronque.xlsx": (lambda: _template_with_rows()[:6000], "import.file_corrupt"),
    "abime.xlsx": (lambda: _flip_inside_sheet(_template_with_rows()), "import.file_corrupt"),
    "hasard.xlsx": (lambda: random.Random(7).randbytes(5000), "import.file_not_spreadsheet"),
    "facture.xlsx": (
        lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
        "import.file_not_spreadsheet",
    ),
    "notes.csv": (lambda: b"Nom;Pr\xc3\xa9nom\nDurand;Amina\n", "import.file_not_spreadsheet"),
    "lettre.xlsx": (_not_a_workbook_zip, "import.file_not_spreadsheet"),
    "vide.xlsx": (lambda: b"", "import.file_empty"),
    "secret.xlsx": (encrypted_office_file, "import.file_password"),
}


@pytest.mark.parametrize("name", sorted(REFUSED_CONTENTS))
def test_bad_files_are_refused_with_a_french_message(tmp_path: Path, name: str) -> None:
    build, code = REFUSED_CONTENTS[name]
    with pytest.raises(RefusedError) as refused:
        read_bytes(tmp_path, build(), name)
    assert refused.value.code == code
    assert f"« {name} »" in str(refused.value)


def test_a_missing_file_a_folder_and_a_huge_file_are_refused(tmp_path: Path) -> None:
    cases: list[tuple[Path, str]] = [
        (tmp_path / "absent.xlsx", "import.file_missing"),
        (tmp_path, "import.file_not_a_file"),
    ]
    huge = tmp_path / "enorme.xlsx"
    with huge.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing is really written
    cases.append((huge, "import.file_too_large"))
    for path, code in cases:
        with pytest.raises(RefusedError) as refused:
            read_workbook(path)
        assert refused.value.code == code
        assert f"« {path.name} »" in str(refused.value)


def test_a_sheet_beyond_100_000_rows_is_refused_before_it_is_loaded(tmp_path: Path) -> None:
    workbook = xlsx([["Nom", "Type"]], "Dispositifs")
    sheet = workbook.active
    assert sheet is not None
    sheet["A100002"] = "perdu"
    with pytest.raises(RefusedError) as refused:
        read_bytes(tmp_path, saved(workbook), "long.xlsx")
    assert refused.value.code == "import.file_too_many_rows"
    assert "« Dispositifs »" in str(refused.value)
    assert "100\u202f002" in str(refused.value)


def test_a_stray_cell_far_away_is_refused_not_a_crash(tmp_path: Path) -> None:
    # Calamine would allocate the whole used area (here 1 048 576 × 16 384 cells) and abort.
    workbook = xlsx([["Nom", "Type"]], "Dispositifs")
    sheet = workbook.active
    assert sheet is not None
    sheet["XFD1048576"] = "?"
    with pytest.raises(RefusedError):
        read_bytes(tmp_path, saved(workbook), "loin.xlsx")
    sheet["XFD1048576"] = None
    sheet["XFD400"] = "?"
    with pytest.raises(RefusedError) as refused:
        read_bytes(tmp_path, saved(workbook), "large.xlsx")
    assert refused.value.code == "import.file_sheet_too_large"


# ------------------------------------------------------------ .xls and .ods (LibreOffice)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: no .xls or .ods file to read")
    folder = tmp_path_factory.mktemp("libreoffice")
    source = folder / "exemples.xlsx"
    source.write_bytes(_template_with_rows())
    profile = (folder / "profile").as_uri()
    files: dict[str, Path] = {}
    for extension in ("xls", "ods"):
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                extension,
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        files[extension] = folder / f"exemples.{extension}"
    return files


@pytest.mark.slow
@pytest.mark.parametrize("extension", ["xls", "ods"])
def test_xls_and_ods_files_are_read(converted: dict[str, Path], extension: str) -> None:
    workbook = read_workbook(converted[extension])
    assert [sheet.name for sheet in workbook.sheets] == [NOTICE, *SHEET_NAMES]
    for spec in SHEETS:
        parsed = parse(workbook, spec)
        assert parsed.issues == ()
        (row,) = parsed.rows
        assert {k: x for k, x in row.values.items() if x is not None} == EXAMPLES[spec.name]


@pytest.mark.slow
def test_a_truncated_xls_is_refused(converted: dict[str, Path], tmp_path: Path) -> None:
    data = converted["xls"].read_bytes()
    with pytest.raises(RefusedError) as refused:
        read_bytes(tmp_path, data[: len(data) // 2], "coupe.xls")
    assert refused.value.code in ("import.file_corrupt", "import.file_not_spreadsheet")


# --------------------------------------------------------------------------- error report


def test_the_error_report_lists_issues_in_sheet_row_column_order() -> None:
    issues = [
        WorkbookIssue("Mouvements", 5, "Montant", "import.amount_invalid", {"value": "12,3,4"}),
        WorkbookIssue(
            "Personnes", 3, "Sexe", "import.label_unknown", {"value": "Z", "column": "Sexe"}
        ),
        WorkbookIssue("Personnes", 3, "Nom", "import.value_required", {"column": "Nom"}),
        WorkbookIssue(
            "Personnes",
            2,
            "=cmd|' /C calc'!A0",
            "import.column_unknown",
            {"column": "=cmd|' /C calc'!A0"},
            blocking=False,
        ),
        WorkbookIssue("Ménages", 1, "Référence", "import.column_missing", {"column": "Référence"}),
        WorkbookIssue("Mesures", 2, None, "import.value_required", {}),  # params missing
    ]
    sheet = worksheet(load(write_issues(issues)), "Erreurs")
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == list(ISSUE_HEADERS)
    assert rows[1:] == [
        ["Ménages", 1, "Référence", "Bloquant", "Colonne obligatoire « Référence » absente."],
        [
            "Personnes",
            2,
            "=cmd|' /C calc'!A0",
            "Avertissement",
            "Colonne « =cmd|' /C calc'!A0 » inconnue : elle est ignorée.",
        ],
        ["Personnes", 3, "Nom", "Bloquant", "La colonne « Nom » doit être remplie."],
        [
            "Personnes",
            3,
            "Sexe",
            "Bloquant",
            "« Z » n'est pas une valeur connue de la colonne « Sexe » (voir la feuille Notice).",
        ],
        [
            "Mouvements",
            5,
            "Montant",
            "Bloquant",
            "« 12,3,4 » n'est pas un montant valide (par exemple 1 234,56).",
        ],
        ["Mesures", 2, None, "Bloquant", "La colonne « {column} » doit être remplie."],
    ]
    assert sheet.cell(3, 3).data_type == "s"  # the odd heading stays text
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:E7"


def test_an_empty_error_report_still_has_its_headers() -> None:
    sheet = worksheet(load(write_issues([])), "Erreurs")
    assert [cell.value for cell in sheet[1]] == list(ISSUE_HEADERS)
    assert sheet.max_row == 1
