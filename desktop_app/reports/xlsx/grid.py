"""Read and fill the ``{{…}}`` placeholders of a funder's own ``.xlsx`` grid (issue 11).

openpyxl loses the shapes and images of a workbook it re-saves (QUALITY.md), so the grid is
never loaded as a workbook: its zip is read directly and only the ``<c>`` elements of the
placeholder cells are rewritten, as text, inside their sheet's XML. Every other byte of that
XML and every other zip member stays as it was (same order, compression and dates), so the
formatting, the other sheets, images, formulas, merged cells, print setup and data validation
survive, and filling the same grid twice gives the same bytes.

What changes besides the cells:

- ``styles.xml`` gains, when a date goes into a cell whose style has no date format, one copy
  of that style with the short-date format ``numFmtId="14"`` (dd/mm/yyyy in French), and for a
  text that a spreadsheet would read as a formula, one copy with ``quotePrefix``;
- ``workbook.xml`` gets ``<calcPr fullCalcOnLoad="1"/>``, so that the formulas next to the
  placeholders compute on the filled values when the file is opened;
- ``calcChain.xml`` (Excel's cache of the calculation order) is dropped with its relationship
  and content type, since its cached results are stale.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Final
from xml.etree import ElementTree as ET

from desktop_app.domain.grid import GridFileError, placeholder_text
from desktop_app.domain.periods import format_date
from desktop_app.reports.xlsx.common import looks_like_formula, xml_safe

FillValue = int | Decimal | float | date | str | None
"""What a placeholder is replaced with: a number, a date, a text, or nothing (empty cell)."""


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A ``{{…}}`` cell of the grid."""

    sheet: str
    """The sheet's name, as its tab shows it."""
    cell: str
    """The cell's reference, e.g. ``B7`` (the top-left cell of a merged range)."""
    text: str
    """What is inside the braces, stripped."""


OLE2_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Start of an OLE2 compound file: an ``.xls``, or an ``.xlsx`` encrypted with a password."""
_ENCRYPTED_STREAM: Final = "EncryptedPackage".encode("utf-16-le")
WORKBOOK: Final = "xl/workbook.xml"
_WORKBOOK_RELS: Final = "xl/_rels/workbook.xml.rels"
_CONTENT_TYPES: Final = "[Content_Types].xml"
MAX_UNCOMPRESSED: Final = 256 * 1024 * 1024
"""Refuse a zip that would decompress to more than this (a grid is a few hundred kB)."""

SHORT_DATE_FORMAT: Final = 14
"""Excel's built-in short date, shown in the reader's locale (dd/mm/yyyy in French)."""
_BUILTIN_DATE_FORMATS: Final = frozenset({14, 15, 16, 17, 22, *range(27, 37), *range(50, 59)})
_EPOCH_1900: Final = date(1899, 12, 30)
_EPOCH_1904: Final = date(1904, 1, 1)

_PREFIX: Final = r"(?:([A-Za-z_][\w.\-]*):)?"
_ROW_OR_CELL: Final = re.compile(r"<" + _PREFIX + r"(row|c)(?=[\s/>])([^>]*?)(/?)>")
_SHEET_DATA: Final = re.compile(r"<" + _PREFIX + r"sheetData(?=[\s/>])[^>]*?(/?)>")
_ATTRIBUTE: Final = re.compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DROPPED_ATTRIBUTES: Final = re.compile(r"""\s+(?:t|cm|vm)\s*=\s*(?:"[^"]*"|'[^']*')""")
_FORMULA: Final = re.compile(r"<(?:[\w.\-]+:)?f(?=[\s/>])")
_VALUE: Final = re.compile(r"<(?:[\w.\-]+:)?v(?:\s[^>]*)?(?<!/)>(.*?)</(?:[\w.\-]+:)?v>", re.DOTALL)
_INLINE: Final = re.compile(
    r"<(?:[\w.\-]+:)?is(?:\s[^>]*)?(?<!/)>(.*?)</(?:[\w.\-]+:)?is>", re.DOTALL
)
_PHONETIC: Final = re.compile(r"<(?:[\w.\-]+:)?rPh(?=[\s>]).*?</(?:[\w.\-]+:)?rPh>", re.DOTALL)
_TEXT: Final = re.compile(r"<(?:[\w.\-]+:)?t(?:\s[^>]*)?(?<!/)>(.*?)</(?:[\w.\-]+:)?t>", re.DOTALL)
_ENTITY: Final = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED_ENTITIES: Final = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_REFERENCE: Final = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]+)")
_OOXML_ESCAPE: Final = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_AFTER_CALC_PR: Final = (
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
)
"""The elements that follow ``calcPr`` in a workbook (Excel refuses them out of order)."""


# ---------------------------------------------------------------- public functions


def read_placeholders(data: bytes) -> tuple[Placeholder, ...]:
    """Every placeholder of the grid, sheet by sheet in tab order, then row by row.

    Raises:
        GridFileError: the file is not a readable ``.xlsx`` (``.xls``, encrypted, ``.ods``,
            damaged…).
    """
    package = _Package(data)
    shared = package.shared_strings()
    found: list[Placeholder] = []
    for name, path in package.sheets:
        for cell in _cells(package.text(path), path):
            inner = _placeholder(cell, shared)
            if inner is not None:
                found.append(Placeholder(sheet=name, cell=cell.ref, text=inner))
    return tuple(found)


def fill_placeholders(data: bytes, values: Mapping[str, FillValue]) -> bytes:
    """The grid with every placeholder whose text is a key of ``values`` replaced by its value.

    Numbers become number cells, dates date cells (the Excel serial number with a date
    format), texts inline text cells (never a formula) and None an empty cell; each keeps
    its reference and style. A placeholder without a value is left as it is.

    Raises:
        GridFileError: the file is not a readable ``.xlsx``.
        ValueError: a number that is not finite (NaN, infinity).
    """
    package = _Package(data)
    shared = package.shared_strings()
    styles = package.styles()
    replaced: dict[str, bytes] = {}
    for _name, path in package.sheets:
        xml = package.text(path)
        pieces: list[str] = []
        last = 0
        for cell in _cells(xml, path):
            inner = _placeholder(cell, shared)
            if inner is None or inner not in values:
                continue
            pieces += (xml[last : cell.start], _render(cell, values[inner], styles, package))
            last = cell.end
        if pieces:
            replaced[path] = "".join([*pieces, xml[last:]]).encode("utf-8")
    if styles is not None and (patched := styles.patched()) is not None:
        replaced[styles.path] = patched.encode("utf-8")
    replaced[WORKBOOK] = _full_calc_on_load(package.text(WORKBOOK)).encode("utf-8")
    dropped: set[str] = set()
    if package.calc_chain is not None:
        dropped.add(package.calc_chain)
        rels = _without_calc_chain_relationship(package.text(_WORKBOOK_RELS))
        replaced[_WORKBOOK_RELS] = rels.encode("utf-8")
        if _CONTENT_TYPES in package.names:
            types = _without_override(package.text(_CONTENT_TYPES), package.calc_chain)
            replaced[_CONTENT_TYPES] = types.encode("utf-8")
    return package.rezipped(replaced, dropped)


# ---------------------------------------------------------------- the package


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Package:
    """The zip of an xlsx and the parts a grid needs: sheets, shared strings, styles."""

    def __init__(self, data: bytes) -> None:
        if data.startswith(OLE2_MAGIC):
            encrypted = _ENCRYPTED_STREAM in data
            raise GridFileError("grid.encrypted" if encrypted else "grid.xls")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
            raise GridFileError("grid.not_xlsx") from None
        self.names = frozenset(self.zip.namelist())
        if WORKBOOK not in self.names:
            raise GridFileError(self._other_format())
        if sum(info.file_size for info in self.zip.infolist()) > MAX_UNCOMPRESSED:
            size = sum(info.file_size for info in self.zip.infolist()) // (1024 * 1024)
            raise GridFileError("grid.too_large", size=size)
        self._texts: dict[str, str] = {}
        workbook = self._tree(WORKBOOK)
        targets = self._relationships()
        self.date1904 = any(
            _local(el.tag) == "workbookPr" and el.get("date1904", "").lower() in {"1", "true"}
            for el in workbook.iter()
        )
        self.sheets: list[tuple[str, str]] = []
        for el in workbook.iter():
            if _local(el.tag) != "sheet":
                continue
            rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
            kind, path = targets.get(rid or "", ("", ""))
            if kind == "worksheet":
                if path not in self.names:
                    raise GridFileError("grid.damaged", part=path)
                self.sheets.append((el.get("name", ""), path))
        by_kind = {kind: path for kind, path in targets.values()}
        self.shared_strings_path = by_kind.get("sharedStrings")
        self.styles_path = by_kind.get("styles")
        calc_chain = by_kind.get("calcChain")
        self.calc_chain = calc_chain if calc_chain in self.names else None

    def _other_format(self) -> str:
        if "xl/workbook.bin" in self.names:
            return "grid.xlsb"
        if "mimetype" in self.names and b"opendocument" in self._read("mimetype"):
            return "grid.ods"
        return "grid.not_xlsx"

    def _read(self, name: str) -> bytes:
        try:
            return self.zip.read(name)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, zlib.error, EOFError):
            raise GridFileError("grid.damaged", part=name) from None

    def text(self, name: str) -> str:
        """The decoded XML of a member (cached)."""
        if name not in self._texts:
            try:
                self._texts[name] = self._read(name).decode("utf-8")
            except UnicodeDecodeError:
                raise GridFileError("grid.damaged", part=name) from None
        return self._texts[name]

    def _tree(self, name: str) -> ET.Element:
        try:
            return ET.fromstring(self._read(name))  # expat refuses entity bombs
        except ET.ParseError:
            raise GridFileError("grid.damaged", part=name) from None

    def _relationships(self) -> dict[str, tuple[str, str]]:
        """The workbook's relationships: id → (type's last word, member path)."""
        if _WORKBOOK_RELS not in self.names:
            raise GridFileError("grid.damaged", part=_WORKBOOK_RELS)
        found: dict[str, tuple[str, str]] = {}
        for el in self._tree(_WORKBOOK_RELS).iter():
            if _local(el.tag) != "Relationship" or el.get("TargetMode") == "External":
                continue
            target = el.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            kind = el.get("Type", "").rsplit("/", 1)[-1]
            found[el.get("Id", "")] = (kind, posixpath.normpath(path))
        return found

    def shared_strings(self) -> list[str]:
        """The text of every shared string (runs of rich text joined, phonetic runs left out)."""
        path = self.shared_strings_path
        if path is None or path not in self.names:
            return []
        return [_joined(si) for si in self._tree(path) if _local(si.tag) == "si"]

    def styles(self) -> _Styles | None:
        """The cell styles, or None for a workbook without a styles part."""
        path = self.styles_path
        if path is None or path not in self.names:
            return None
        return _Styles(self.text(path), path)

    def rezipped(self, replaced: Mapping[str, bytes], dropped: set[str]) -> bytes:
        """The same zip with ``replaced`` members' new content and without ``dropped`` ones."""
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for info in self.zip.infolist():
                if info.filename in dropped:
                    continue
                content = replaced.get(info.filename)
                if content is None:
                    content = self._read(info.filename)
                copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                copy.compress_type = info.compress_type
                copy.external_attr = info.external_attr
                copy.create_system = info.create_system
                copy.comment = info.comment
                target.writestr(copy, content)
            target.comment = self.zip.comment
        return output.getvalue()


def _joined(element: ET.Element) -> str:
    """The text of a string item: its ``t`` elements, phonetic runs (``rPh``) left out."""
    name = _local(element.tag)
    if name == "rPh":
        return ""
    if name == "t":
        return element.text or ""
    return "".join(_joined(child) for child in element)


# ---------------------------------------------------------------- cells of a sheet


@dataclass(frozen=True, slots=True)
class _Cell:
    """A ``<c>`` element of a sheet's XML and where it lies in the text."""

    start: int
    end: int
    prefix: str
    """The element's namespace prefix with its colon (``x:``), usually empty."""
    attributes_text: str
    attributes: Mapping[str, str]
    content: str | None
    """What lies between the tags, None for an empty element."""
    ref: str


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _attributes(text: str) -> dict[str, str]:
    return {m[1]: _unescape(m[2] if m[2] is not None else m[3]) for m in _ATTRIBUTE.finditer(text)}


def _cells(xml: str, part: str) -> Iterator[_Cell]:
    """The cells of a sheet in document order, with their reference (implied when absent)."""
    data = _SHEET_DATA.search(xml)
    if data is None or data[2]:
        return
    closing = f"</{data[1] + ':' if data[1] else ''}sheetData>"
    end = xml.find(closing, data.end())
    if end < 0:
        raise GridFileError("grid.damaged", part=part)
    row, column = 0, 0
    position = data.end()
    while match := _ROW_OR_CELL.search(xml, position, end):
        prefix = f"{match[1]}:" if match[1] else ""
        attributes = _attributes(match[3])
        if match[2] == "row":
            row = int(attributes["r"]) if attributes.get("r", "").isdigit() else row + 1
            column = 0
            position = match.end()
            continue
        if match[4]:
            content, stop = None, match.end()
        else:
            close = xml.find(f"</{prefix}c>", match.end(), end)
            if close < 0:
                raise GridFileError("grid.damaged", part=part)
            content, stop = xml[match.end() : close], close + len(prefix) + 4
        reference = _REFERENCE.fullmatch(attributes.get("r", ""))
        if reference is not None:
            column, row = _column_number(reference[1]), int(reference[2])
        else:
            column += 1
        yield _Cell(
            start=match.start(),
            end=stop,
            prefix=prefix,
            attributes_text=match[3],
            attributes=attributes,
            content=content,
            ref=f"{_column_letters(column)}{row}",
        )
        position = stop


def _unescape(text: str) -> str:
    def entity(match: re.Match[str]) -> str:
        name = match[1]
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return _NAMED_ENTITIES[name]

    return _ENTITY.sub(entity, text)


def _cell_text(cell: _Cell, shared: list[str]) -> str | None:
    """The text a string cell shows; None for numbers, formulas and empty cells."""
    content = cell.content
    if content is None or _FORMULA.search(content):
        return None
    kind = cell.attributes.get("t", "n")
    text: str | None = None
    if kind == "inlineStr":
        inline = _INLINE.search(content)
        if inline is not None:
            runs = _TEXT.findall(_PHONETIC.sub("", inline[1]))
            text = "".join(_unescape(run) for run in runs)
    elif kind in {"s", "str"} and (value := _VALUE.search(content)) is not None:
        if kind == "str":
            text = _unescape(value[1])
        elif (index := value[1].strip()).isdigit() and int(index) < len(shared):
            text = shared[int(index)]
    return text


def _placeholder(cell: _Cell, shared: list[str]) -> str | None:
    text = _cell_text(cell, shared)
    return None if text is None else placeholder_text(text)


# ---------------------------------------------------------------- writing a cell


def _render(cell: _Cell, value: FillValue, styles: _Styles | None, package: _Package) -> str:
    """The new ``<c>`` element of a placeholder cell holding ``value``."""
    p = cell.prefix
    attributes = _DROPPED_ATTRIBUTES.sub("", cell.attributes_text).rstrip()
    style = _number_attribute(cell.attributes, "s")
    if value is None:
        return f"<{p}c{attributes}/>"
    if isinstance(value, date) and styles is None:  # nowhere to put a date format
        value = format_date(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, str):
        if looks_like_formula(value) and styles is not None:
            attributes = _with_style(attributes, style, styles.quoted(style))
        text = _escape(value)
        return (
            f'<{p}c{attributes} t="inlineStr"><{p}is><{p}t xml:space="preserve">{text}'
            f"</{p}t></{p}is></{p}c>"
        )
    if isinstance(value, date):
        if styles is not None:
            attributes = _with_style(attributes, style, styles.dated(style))
        number = _serial(value, date1904=package.date1904)
    else:
        number = _number(value)
    return f"<{p}c{attributes}><{p}v>{number}</{p}v></{p}c>"


def _number_attribute(attributes: Mapping[str, str], name: str) -> int:
    """An index attribute (``s``, ``numFmtId``); 0, the default, when absent or unreadable."""
    value = attributes.get(name, "").strip()
    return int(value) if value.isdigit() else 0


def _with_style(attributes: str, old: int, new: int) -> str:
    if new == old:
        return attributes
    replaced, count = re.subn(r"""(\s)s\s*=\s*(?:"[^"]*"|'[^']*')""", rf'\1s="{new}"', attributes)
    return replaced if count else f'{attributes} s="{new}"'


def _escape(text: str) -> str:
    text = _OOXML_ESCAPE.sub(r"_x005F_\1", xml_safe(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;")


def _number(value: int | Decimal | float) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        return format(value, "f")
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    return repr(value)


def _serial(value: date, *, date1904: bool) -> str:
    """The Excel serial number of a day (a ``datetime`` counts as its day)."""
    day = value.date() if isinstance(value, datetime) else value
    return str((day - (_EPOCH_1904 if date1904 else _EPOCH_1900)).days)


def _set_attribute(element: str, name: str, value: str) -> str:
    """``element`` (an XML element's text) with attribute ``name`` of its opening tag set."""
    tag_end = element.index(">")
    opening, rest = element[:tag_end], element[tag_end:]
    pattern = rf"""(\s){re.escape(name)}\s*=\s*(?:"[^"]*"|'[^']*')"""
    replaced, count = re.subn(pattern, rf'\1{name}="{value}"', opening)
    if count:
        return replaced + rest
    if opening.endswith("/"):
        return f'{opening[:-1].rstrip()} {name}="{value}"/{rest}'
    return f'{opening.rstrip()} {name}="{value}"{rest}'


# ---------------------------------------------------------------- styles


class _Styles:
    """The ``cellXfs`` of ``styles.xml``, and the copies of them the fill appends."""

    def __init__(self, xml: str, path: str) -> None:
        self.xml = xml
        self.path = path
        self.formats: dict[int, str] = {}
        numbers = re.search(
            r"<(?:[\w.\-]+:)?numFmts(?=[\s>]).*?</(?:[\w.\-]+:)?numFmts>", xml, re.S
        )
        for match in re.finditer(
            r"<(?:[\w.\-]+:)?numFmt(?=[\s/>])[^>]*>", numbers[0] if numbers else ""
        ):
            attributes = _attributes(match[0])
            if attributes.get("numFmtId", "").isdigit():
                self.formats[int(attributes["numFmtId"])] = attributes.get("formatCode", "")
        self.open = re.search(r"<(?:([\w.\-]+):)?cellXfs(?=[\s/>])([^>]*?)(/?)>", xml)
        self.close = -1
        self.xfs: list[str] = []
        if self.open is not None and not self.open[3]:
            prefix = f"{self.open[1]}:" if self.open[1] else ""
            self.close = xml.find(f"</{prefix}cellXfs>", self.open.end())
            inside = xml[self.open.end() : max(self.close, self.open.end())]
            element = (
                rf"<{re.escape(prefix)}xf(?=[\s/>])[^>]*?(?:/>|(?<!/)>.*?</{re.escape(prefix)}xf>)"
            )
            self.xfs = [m[0] for m in re.finditer(element, inside, re.S)]
        self.added: list[str] = []
        self.derived: dict[tuple[int, str], int] = {}

    def _xf(self, style: int) -> str:
        if 0 <= style < len(self.xfs):
            return self.xfs[style]
        if self.xfs:
            return self.xfs[0]
        return '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'

    def _derive(self, style: int, purpose: str, changes: Mapping[str, str]) -> int:
        key = (style, purpose)
        if key not in self.derived:
            if self.close < 0:  # no cellXfs to append to: keep the style as it is
                return style
            element = self._xf(style)
            for name, value in changes.items():
                element = _set_attribute(element, name, value)
            self.derived[key] = len(self.xfs) + len(self.added)
            self.added.append(element)
        return self.derived[key]

    def dated(self, style: int) -> int:
        """A style showing dates: ``style`` itself when its format is one, else a copy."""
        number_format = _number_attribute(_attributes(self._xf(style).split(">", 1)[0]), "numFmtId")
        if self._is_date(number_format):
            return style
        changes = {"numFmtId": str(SHORT_DATE_FORMAT), "applyNumberFormat": "1"}
        return self._derive(style, "date", changes)

    def quoted(self, style: int) -> int:
        """A style keeping a formula-like text as text when the cell is edited."""
        if _attributes(self._xf(style).split(">", 1)[0]).get("quotePrefix") in {"1", "true"}:
            return style
        return self._derive(style, "text", {"quotePrefix": "1"})

    def _is_date(self, number_format: int) -> bool:
        if number_format in _BUILTIN_DATE_FORMATS:
            return True
        code = self.formats.get(number_format)
        return code is not None and is_date_format(code)

    def patched(self) -> str | None:
        """The new ``styles.xml``, or None when no style was added."""
        if not self.added or self.open is None:
            return None
        count = len(self.xfs) + len(self.added)
        opening = self.open[0]
        if "count" in _attributes(self.open[2]):
            opening = _set_attribute(opening, "count", str(count))
        return "".join(
            [
                self.xml[: self.open.start()],
                opening,
                self.xml[self.open.end() : self.close],
                *self.added,
                self.xml[self.close :],
            ]
        )


def is_date_format(code: str) -> bool:
    """Whether a number format code shows a date (``DD/MM/YYYY``, ``mmmm yyyy``…)."""
    stripped = re.sub(r'"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]', "", code)
    section = stripped.split(";", 1)[0].lower()
    if re.search(r"[dy]", section):
        return True
    return "m" in section and not re.search(r"[hs]", section)


# ---------------------------------------------------------------- workbook and calc chain


def _full_calc_on_load(xml: str) -> str:
    """``workbook.xml`` asking the spreadsheet to compute every formula when it opens."""
    existing = re.search(r"<(?:[\w.\-]+:)?calcPr(?=[\s/>])[^>]*>", xml)
    if existing is not None:
        element = _set_attribute(existing[0], "fullCalcOnLoad", "1")
        return xml[: existing.start()] + element + xml[existing.end() :]
    root = re.search(r"<(?:([\w.\-]+):)?workbook(?=[\s>])", xml)
    prefix = f"{root[1]}:" if root and root[1] else ""
    element = f'<{prefix}calcPr fullCalcOnLoad="1"/>'
    names = "|".join(_AFTER_CALC_PR)
    following = re.search(rf"<{re.escape(prefix)}(?:{names})(?=[\s/>])", xml)
    position = following.start() if following else xml.rfind(f"</{prefix}workbook>")
    if position < 0:
        raise GridFileError("grid.damaged", part=WORKBOOK)
    return xml[:position] + element + xml[position:]


def _without_calc_chain_relationship(xml: str) -> str:
    def keep(match: re.Match[str]) -> str:
        kind = _attributes(match[0].split(">", 1)[0]).get("Type", "")
        return "" if kind.endswith("/calcChain") else match[0]

    element = (
        r"<(?:[\w.\-]+:)?Relationship(?=[\s/>])[^>]*?(?:/>|(?<!/)>.*?</(?:[\w.\-]+:)?Relationship>)"
    )
    return re.sub(element, keep, xml, flags=re.S)


def _without_override(xml: str, path: str) -> str:
    def keep(match: re.Match[str]) -> str:
        part = _attributes(match[0].split(">", 1)[0]).get("PartName", "")
        return "" if part.lstrip("/").lower() == path.lower() else match[0]

    element = r"<(?:[\w.\-]+:)?Override(?=[\s/>])[^>]*?(?:/>|(?<!/)>.*?</(?:[\w.\-]+:)?Override>)"
    return re.sub(element, keep, xml, flags=re.S)
