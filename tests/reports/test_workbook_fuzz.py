"""Fuzzing the import reader: whatever the file, a French refusal or issues, never a crash.

More than 300 bad files: random bytes, a real workbook truncated anywhere, with bytes flipped
inside its zip, with its sheets' XML mangled (CRCs then recomputed so calamine parses it), and
well-formed workbooks whose cells hold random values of every type (80 + 70 + 70 + 70 + 60
examples). Each goes through `read_workbook`, then `parse_sheet` with every sheet spec, then
the error report.
"""

from __future__ import annotations

import random
import tempfile
import zipfile
from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.messages import MESSAGES, message
from desktop_app.domain.workbook import (
    CELL_ERRORS,
    SHEETS,
    SheetSpec,
    WorkbookIssue,
    parse_sheet,
)
from desktop_app.reports.xlsx.workbook import EXAMPLES, read_workbook, write_issues, write_workbook

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
REAL = write_workbook(
    {
        name: [example, {**example, **{key: None for key in list(example)[1:3]}}]
        for name, example in EXAMPLES.items()
    }
)
SHEET_PARTS = sorted(
    name for name in zipfile.ZipFile(BytesIO(REAL)).namelist() if name.startswith("xl/worksheets/")
)
TOKENS = [
    b"<",
    b">",
    b"/>",
    b'"',
    b"&",
    b"&amp;",
    b"</c>",
    b"<v>",
    b"</v>",
    b'<c r="A1">',
    b'<c r="XFD1048576"><v>1</v></c>',
    b'<c r="B99999999"><v>1</v></c>',
    b'<c r="C2" t="e"><v>#REF!</v></c>',
    b'<c r="D2" t="s"><v>99999</v></c>',
    b'<c r="E2" t="b"><v>7</v></c>',
    b'<c r="F2"><v>1e308</v></c>',
    b'<c r="G2"><v>nan</v></c>',
    b'<mergeCell ref="A1:XFD1048576"/>',
    b"<row>",
    b"</row>",
    b"\x00",
    b"\xff\xfe",
    b"\xc3(",
]


def check(data: bytes, name: str = "fuzz.xlsx") -> None:
    """Read and parse a file: refused with a French message, or issues; nothing else."""
    refused: RefusedError | None = None
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_bytes(data)
        try:
            workbook = read_workbook(path)
        except RefusedError as error:
            refused = error
    if refused is not None:
        assert refused.code.startswith("import.file_"), refused.code
        assert f"« {name} »" in str(refused)
        return
    issues: list[WorkbookIssue] = []
    for sheet in workbook.sheets:
        for spec in SHEETS:
            parsed = parse_sheet(spec, sheet.headings, sheet.rows, heading_row=sheet.heading_row)
            issues += parsed.issues
            for row in parsed.rows:
                assert set(row.values) <= {column.key for column in spec.columns}
    for issue in issues:
        assert issue.code in MESSAGES
        assert message(issue.code, **issue.params)
    assert write_issues(issues[:40]).startswith(b"PK")


def rezip(members: dict[str, bytes]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@settings(FUZZ, max_examples=80)
@given(
    st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]),
    st.binary(max_size=3000),
    st.sampled_from(["hasard.xlsx", "hasard.xls", "hasard.ods", "hasard"]),
)
def test_random_bytes(prefix: bytes, body: bytes, name: str) -> None:
    check(prefix + body, name)


@settings(FUZZ, max_examples=70)
@given(st.integers(min_value=0, max_value=len(REAL) - 1))
def test_a_real_workbook_truncated_anywhere(length: int) -> None:
    check(REAL[:length])


@settings(FUZZ, max_examples=70)
@given(
    st.lists(st.tuples(st.integers(0, len(REAL) - 1), st.integers(1, 255)), min_size=1, max_size=6)
)
def test_bytes_flipped_inside_the_zip(flips: list[tuple[int, int]]) -> None:
    damaged = bytearray(REAL)
    for offset, mask in flips:
        damaged[offset] ^= mask
    check(bytes(damaged))


@settings(FUZZ, max_examples=70)
@given(
    st.sampled_from([*SHEET_PARTS, "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"]),
    st.lists(
        st.tuples(
            st.floats(0, 1),
            st.integers(0, 40),
            st.sampled_from(TOKENS) | st.binary(max_size=12),
        ),
        min_size=1,
        max_size=5,
    ),
)
def test_sheets_xml_corrupted(part: str, edits: list[tuple[float, int, bytes]]) -> None:
    source = zipfile.ZipFile(BytesIO(REAL))
    members = {name: source.read(name) for name in source.namelist()}
    content = members.get(part, b"")
    for where, removed, inserted in edits:
        at = int(where * len(content))
        content = content[:at] + inserted + content[at + removed :]
    members[part] = content
    check(rezip(members))


_TEXTS = st.text(max_size=30) | st.sampled_from(
    [
        "=1+1",
        '=HYPERLINK("http://x")',
        "+33",
        "-",
        "@x",
        " \u00a0 ",
        "31/02/2025",
        "12,3,4",
        "-12",
        "1 234,56",
        "F3",
        "HLM",
        "Concubin·e",
        "IML — sous‑location",
        "2026-13",
        "x" * 600,
        *sorted(CELL_ERRORS),
    ]
)
_VALUES = st.one_of(
    st.none(),
    _TEXTS.map(lambda text: "".join(c for c in text if c >= " " or c in "\t\n\r")),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=9000)),
)


@settings(FUZZ, max_examples=60)
@given(
    st.sampled_from(SHEETS),
    st.lists(st.lists(_VALUES, max_size=14), max_size=8),
    st.booleans(),
    st.randoms(use_true_random=False),
)
def test_random_values_of_every_type_in_every_column(
    spec: SheetSpec, rows: list[list[object]], shuffled: bool, chance: random.Random
) -> None:
    headings = [column.heading for column in spec.columns]
    if shuffled:
        chance.shuffle(headings)
        headings.insert(chance.randrange(len(headings)), "Colonne à moi")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = spec.name
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would write "=…" as a formula without value
    if rows and chance.random() < 0.3:
        sheet.merge_cells(start_row=2, start_column=1, end_row=1 + len(rows), end_column=1)
    buffer = BytesIO()
    workbook.save(buffer)
    check(buffer.getvalue())
