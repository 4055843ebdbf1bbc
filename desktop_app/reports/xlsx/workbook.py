"""The import workbook of DOMAIN §10 as a file: read any spreadsheet, write the template.

`read_workbook` turns a file chosen by a person into raw cells (`domain.workbook` types them):
every sheet, hidden ones too (their data is the association's), the heading row being the first
non-blank row, hidden rows included, merged cells copied into every cell of their range,
formulas read as their cached values and formula errors kept as their text (``#REF!``), which
`domain.workbook.read_cell` refuses. The file is never trusted: anything that is not a
readable spreadsheet of a sensible size is a `RefusedError` naming the file, never a traceback
nor a crash of the Rust reader (a sheet's extent is checked in the zip before calamine allocates
it: one stray cell in XFD1048576 would ask it for 500 GB).

The writers use openpyxl: `write_template` (a « Notice » sheet, then one sheet per spec with
French headings, drop-down lists and number formats), `write_issues` (the error report) and
`write_workbook` (a whole database in the template's format, read back to the same values).
Every string is written as text, never as a formula (`reports.xlsx.common`).

Limits: `.xls`, `.xlsb` and `.ods` files are read through calamine alone, which reports formula
errors there as empty cells and ignores merged ranges of `.ods` files.
"""

from __future__ import annotations

import lzma
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

import python_calamine
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.messages import MESSAGES, message
from desktop_app.domain.money import format_eur
from desktop_app.domain.periods import format_date
from desktop_app.domain.vocabulary import Vocabulary
from desktop_app.domain.workbook import (
    SHEETS,
    YES_NO,
    Column,
    RawValue,
    SheetSpec,
    WorkbookIssue,
    clean_text,
    heading_key,
    is_cell_error,
)
from desktop_app.reports.xlsx.common import Value, append_row, cell_at, put_text, put_value

MAX_FILE_BYTES: Final = 50 * 1024 * 1024
"""The largest file read (a workbook of 100 000 rows is a few megabytes)."""
MAX_UNPACKED_BYTES: Final = 1024 * 1024 * 1024
"""The most an xlsx (a zip) may unpack to: beyond, it is a zip bomb or not a workbook."""
MAX_ROWS: Final = 100_000
"""The last row a sheet may use."""
MAX_CELLS: Final = 5_000_000
"""Rows × columns of a sheet's used area (memory: calamine allocates it whole)."""

NOTICE: Final = "Notice"
"""The first sheet of the template: how to fill the workbook (it is never imported)."""
DATE_FORMAT: Final = "dd/mm/yyyy"
# Number formats are stored in invariant syntax; French Excel and LibreOffice show 1 234,56.
AMOUNT_FORMAT: Final = "#,##0.00"
INT_FORMAT: Final = "0"
TEXT_FORMAT: Final = "@"
REQUIRED_MARK: Final = " *"
ISSUE_HEADERS: Final = ("Feuille", "Ligne", "Colonne", "Gravité", "Message")
ISSUES_SHEET: Final = "Erreurs"
BLOCKING: Final = "Bloquant"
WARNING: Final = "Avertissement"

_MEGABYTES: Final = MAX_FILE_BYTES // (1024 * 1024)
_CHUNK: Final = 1 << 20
_ZIP_MAGIC: Final = b"PK"
_CFB_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CFB_ENCRYPTED: Final = ("EncryptionInfo", "EncryptedPackage")
_CFB_WORKBOOK: Final = ("Workbook", "Book")
_ODS_MIME: Final = b"application/vnd.oasis.opendocument.spreadsheet"
_WORKSHEET_PARTS: Final = ("/worksheet", "/macrosheet", "/dialogsheet")
_PREFIX: Final = rb"(?:[A-Za-z_][\w.-]*:)?"
_REFERENCE: Final = rb"""r\s*=\s*["']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})["']"""
# Excel, LibreOffice and openpyxl write <c r="B7" …> (no prefix, reference first): a fast
# expression for them, the general one when a cell tag is written otherwise.
_VALUED_CELL_FAST: Final = re.compile(rb"<c\s+" + _REFERENCE + rb"([^>]*)>")
_VALUED_CELL: Final = re.compile(rb"<" + _PREFIX + rb"c\s[^>]*?(?<=\s)" + _REFERENCE + rb"([^>]*)>")
_ERROR_CELL: Final = re.compile(
    rb"""<""" + _PREFIX + rb"""c\s[^>]*?(?<=\s)t\s*=\s*["']e["'][^>]*>"""
)
_CELL_REF: Final = re.compile(rb"(?<=\s)" + _REFERENCE)
_CELL_END: Final = re.compile(rb"</" + _PREFIX + rb"c\s*>")
_CELL_VALUE: Final = re.compile(rb"<" + _PREFIX + rb"v(?:\s[^>]*)?>([^<]*)<")
_BROKEN_FILE: Final = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    ElementTree.ParseError,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    OverflowError,
)
"""What the standard library raises on a damaged zip (an encrypted member: `RuntimeError`)."""


@dataclass(frozen=True, slots=True)
class RawSheet:
    """A sheet as found: its heading row (first non-blank row) and the non-empty rows below.

    ``rows`` holds each row's Excel number and cells, trailing empty cells dropped; merged
    ranges are filled with their top-left value. ``hidden`` tells a sheet hidden in the file.
    """

    name: str
    headings: tuple[RawValue, ...]
    heading_row: int
    rows: tuple[tuple[int, tuple[RawValue, ...]], ...]
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class RawWorkbook:
    """Every sheet of a file, in the file's order."""

    sheets: tuple[RawSheet, ...]

    def sheet(self, name: str) -> RawSheet | None:
        """The sheet called ``name`` (case, accents and spaces ignored), or None."""
        wanted = heading_key(name)
        return next((sheet for sheet in self.sheets if heading_key(sheet.name) == wanted), None)


# ---------------------------------------------------------------------------------- reading


def read_workbook(path: Path) -> RawWorkbook:
    """Every sheet of the spreadsheet at ``path`` as raw cells.

    Raises:
        RefusedError: ``import.file_…`` with a French message naming the file: missing, not a
            file, unreadable, empty, larger than 50 MB, not a spreadsheet, damaged, protected
            by a password, or a sheet beyond 100 000 rows.
    """
    name = path.name or str(path)
    data = _load(path, name)
    try:
        return _read(data, name)
    except MemoryError:
        raise RefusedError("import.file_too_large", file=name, max=_MEGABYTES) from None


def _load(path: Path, name: str) -> bytes:
    try:
        if not path.exists():
            raise RefusedError("import.file_missing", file=name)
        if not path.is_file():
            raise RefusedError("import.file_not_a_file", file=name)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise RefusedError("import.file_too_large", file=name, max=_MEGABYTES)
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError):
        raise RefusedError("import.file_unreadable", file=name) from None
    if not data:
        raise RefusedError("import.file_empty", file=name)
    if len(data) > MAX_FILE_BYTES:
        raise RefusedError("import.file_too_large", file=name, max=_MEGABYTES)
    return data


def _read(data: bytes, name: str) -> RawWorkbook:
    errors: dict[str, dict[tuple[int, int], str]] = {}
    if data.startswith(_ZIP_MAGIC):
        errors = _check_zip(data, name)
    elif data.startswith(_CFB_MAGIC):
        if any(_utf16(stream) in data for stream in _CFB_ENCRYPTED):
            raise RefusedError("import.file_password", file=name)
        if not any(_utf16(stream) in data for stream in _CFB_WORKBOOK):
            raise RefusedError("import.file_not_spreadsheet", file=name)
    else:
        raise RefusedError("import.file_not_spreadsheet", file=name)
    sheets: list[RawSheet] = []
    with _calamine_errors(name):
        workbook = python_calamine.CalamineWorkbook.from_filelike(BytesIO(data))
        metadata = list(workbook.sheets_metadata)
    for meta in metadata:
        if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
            continue  # chart sheets hold no cells
        with _calamine_errors(name):
            sheet = workbook.get_sheet_by_name(meta.name)
            end = sheet.end
            if end is not None:
                _check_extent(name, meta.name, end[0], end[1])
            grid = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        hidden = meta.visible != python_calamine.SheetVisibleEnum.Visible
        sheets.append(_raw_sheet(meta.name, grid, merged, errors.get(meta.name, {}), hidden))
    return RawWorkbook(tuple(sheets))


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


@contextmanager
def _calamine_errors(name: str) -> Iterator[None]:
    """Calamine's failures, whatever their kind, as the refusal of a damaged file."""
    try:
        yield
    except (RefusedError, MemoryError):
        raise
    except python_calamine.PasswordError:
        raise RefusedError("import.file_password", file=name) from None
    except Exception as error:  # the reader's errors are all about the file
        raise RefusedError("import.file_corrupt", file=name) from error
    except BaseException as error:
        # A panic in the Rust reader arrives as pyo3's PanicException, a BaseException.
        if type(error).__name__ != "PanicException":
            raise
        raise RefusedError("import.file_corrupt", file=name) from error


def _check_extent(name: str, sheet: str, last_row: int, last_column: int) -> None:
    """Refuse a sheet whose used area (0-based last row and column) is beyond the limits."""
    rows, columns = last_row + 1, last_column + 1
    if rows > MAX_ROWS:
        raise RefusedError(
            "import.file_too_many_rows",
            file=name,
            sheet=sheet,
            max=_thousands(MAX_ROWS),
            last=_thousands(rows),
        )
    if rows * columns > MAX_CELLS:
        raise RefusedError(
            "import.file_sheet_too_large",
            file=name,
            sheet=sheet,
            rows=_thousands(rows),
            columns=_thousands(columns),
        )


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _check_zip(data: bytes, name: str) -> dict[str, dict[tuple[int, int], str]]:
    """Check an xlsx/ods zip before calamine reads it; the error cells of each sheet.

    Every member is unpacked once (checking its CRC and the total size) and each worksheet's
    XML is scanned for the extent of its cells and the cells holding a formula error.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = [member for member in archive.infolist() if not member.is_dir()]
        if any(member.flag_bits & 0x1 for member in members):
            raise RefusedError("import.file_password", file=name)
        if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
            raise RefusedError("import.file_too_large", file=name, max=_MEGABYTES)
        parts = _spreadsheet_parts(archive, name)
        return _unpack(archive, members, parts, name)
    except RefusedError:
        raise
    except RuntimeError:  # a member encrypted by the zip itself
        raise RefusedError("import.file_password", file=name) from None
    except _BROKEN_FILE:
        raise RefusedError("import.file_corrupt", file=name) from None


def _spreadsheet_parts(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    """The worksheets of an xlsx (none to scan for an xlsb or an ods); refuse other zips."""
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return _worksheet_parts(archive, names)
    if "xl/workbook.bin" in names:
        return {}
    if {"content.xml", "mimetype"} <= names and archive.read("mimetype").strip() == _ODS_MIME:
        return {}
    raise RefusedError("import.file_not_spreadsheet", file=name)


def _unpack(
    archive: zipfile.ZipFile,
    members: Sequence[zipfile.ZipInfo],
    parts: Mapping[str, str],
    name: str,
) -> dict[str, dict[tuple[int, int], str]]:
    """Read every member (CRC and size checked), scanning the worksheets as they stream."""
    unpacked = 0
    errors: dict[str, dict[tuple[int, int], str]] = {}
    for member in members:
        sheet = parts.get(member.filename)
        scan = _Scan()
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                unpacked += len(chunk)
                if unpacked > MAX_UNPACKED_BYTES:
                    raise RefusedError("import.file_too_large", file=name, max=_MEGABYTES)
                if sheet is not None:
                    scan.feed(chunk)
        if sheet is not None:
            scan.close()
            if scan.last_row >= 0:
                _check_extent(name, sheet, scan.last_row, scan.last_column)
            errors[sheet] = scan.errors
    return errors


def _worksheet_parts(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Zip member of each worksheet → its sheet name (from the workbook and its relations)."""
    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in names:
        relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        for element in relations.iter():
            if _local(element.tag) != "Relationship":
                continue
            kind, target = element.get("Type", ""), element.get("Target", "")
            if kind.endswith(_WORKSHEET_PARTS) and target:
                targets[element.get("Id", "")] = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target))
                )
    parts: dict[str, str] = {}
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        relation = next(
            (value for key, value in element.attrib.items() if _local(key) == "id"), None
        )
        part = targets.get(relation or "")
        if part in names and part is not None:
            parts[part] = element.get("name", part)
    for member in names:  # a worksheet the relations do not name: scanned all the same
        if member.startswith("xl/worksheets/") and member.endswith(".xml"):
            parts.setdefault(member, member)
    return parts


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Scan:
    """Streams a worksheet's XML: the last row and column holding a value, the error cells.

    A regular expression over the bytes, so that checking a 100 000-row sheet costs a fraction
    of reading it. Cells written ``<c …/>`` hold no value and are not counted (calamine skips
    them); chunks are cut before their last ``<`` so that no tag is split.
    """

    def __init__(self) -> None:
        self.last_row = -1
        self.last_column = -1
        self.errors: dict[tuple[int, int], str] = {}
        self._pending = b""

    def feed(self, chunk: bytes) -> None:
        buffer = self._pending + chunk
        cut = buffer.rfind(b"<")
        if cut < 0:
            self._pending = b""
            return
        done = self._scan(buffer[:cut])
        self._pending = buffer[done:]

    def close(self) -> None:
        self._scan(self._pending, final=True)
        self._pending = b""

    def _scan(self, text: bytes, *, final: bool = False) -> int:
        """Scan ``text``; where to resume (an error cell whose value is not there yet)."""
        found = _VALUED_CELL_FAST.findall(text)
        if len(found) != text.count(b"<c ") or b":c" in text:
            found = _VALUED_CELL.findall(text)
        references = [(letters, digits) for letters, digits, rest in found if rest[-1:] != b"/"]
        if references:
            self.last_row = max(self.last_row, max(int(digits) for _, digits in references) - 1)
            widest = max(references, key=lambda found: (len(found[0]), found[0].upper()))
            self.last_column = max(self.last_column, _column_index(widest[0]))
        if b'"e"' not in text and b"'e'" not in text:
            return len(text)  # no error cell (t="e")
        for match in _ERROR_CELL.finditer(text):
            reference = _CELL_REF.search(match.group(0))
            if reference is None or match.group(0).endswith(b"/>"):
                continue
            end = _CELL_END.search(text, match.end())
            if end is None and not final:
                return match.start()
            stop = end.start() if end is not None else len(text)
            value = _CELL_VALUE.search(text, match.end(), stop)
            shown = value.group(1).decode("utf-8", "replace").strip() if value else ""
            position = (int(reference.group(2)) - 1, _column_index(reference.group(1)))
            self.errors[position] = shown if is_cell_error(shown) else "#VALUE!"
        return len(text)


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + letter - ord("A") + 1
    return index - 1


def _raw_sheet(
    name: str,
    grid: Sequence[Sequence[object]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    errors: Mapping[tuple[int, int], str],
    hidden: bool,
) -> RawSheet:
    cells = [[_raw(value) for value in row] for row in grid]
    for (row, column), text in errors.items():
        if row < len(cells) and column < len(cells[row]):
            cells[row][column] = text
    heading = next(
        (index for index, row in enumerate(cells) if any(not _blank(value) for value in row)),
        None,
    )
    if heading is None:
        return RawSheet(name, (), 1, (), hidden)
    _fill_merged(cells, merged, below=heading)
    rows = tuple(
        (index + 1, trimmed)
        for index in range(heading + 1, len(cells))
        if (trimmed := _trim(cells[index]))
    )
    return RawSheet(name, _trim(cells[heading]), heading + 1, rows, hidden)


def _raw(value: object) -> RawValue:
    """A calamine value as a `RawValue`: empty text is None, times become text."""
    if isinstance(value, str):
        return value or None
    if isinstance(value, bool | int | float | date):
        return value
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return None


def _blank(value: RawValue) -> bool:
    return value is None or (isinstance(value, str) and clean_text(value) is None)


def _trim(row: list[RawValue]) -> tuple[RawValue, ...]:
    end = len(row)
    while end and _blank(row[end - 1]):
        end -= 1
    return tuple(row[:end])


def _fill_merged(
    cells: list[list[RawValue]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    *,
    below: int,
) -> None:
    """Copy each merged range's top-left value into its other cells (ranges under ``below``).

    A range starting on the heading row is left alone: a heading merged over two columns names
    one column. Excel forbids overlapping ranges, so at most every cell is filled once; a
    damaged file's overlapping ranges stop at that budget.
    """
    budget = MAX_CELLS
    for (top, left), (bottom, right) in merged:
        if top <= below or top >= len(cells) or left >= len(cells[top]):
            continue
        value = cells[top][left]
        if value is None:
            continue
        for row in range(top, min(bottom, len(cells) - 1) + 1):
            line = cells[row]
            for column in range(left, min(right, len(line) - 1) + 1):
                line[column] = value
                budget -= 1
            if budget <= 0:
                return


# ---------------------------------------------------------------------------------- writing

_SHEET_DESCRIPTIONS: Final = {
    "Dispositifs": "Une ligne par dispositif (IML, bail glissant, pension de famille…).",
    "Ménages": "Une ligne par séjour d'un ménage dans un dispositif.",
    "Personnes": "Une ligne par personne d'un ménage (la personne de référence comprise).",
    "Logements": "Une ligne par logement capté ou géré.",
    "Contrats": "Une ligne par contrat ; ses montants sont le loyer en vigueur à son début.",
    "Loyers": "Une ligne par changement de loyer d'un contrat (à partir de sa date d'effet).",
    "Statut APL": "Une ligne par changement de statut de l'APL d'un contrat.",
    "Mouvements": (
        "Une ligne par écriture du compte d'un ménage (appel, APL, paiement, aide…). "
        "Un mouvement importé ne se modifie plus : pour le corriger, ajoutez une ligne "
        "« Annulation » qui le cite (Référence annulée, Motif)."
    ),
    "Mesures": (
        "Une ligne par mesure d'accompagnement d'un ménage (AVDL, ASLL, diagnostic…) ; elle "
        "relève du dispositif du séjour du ménage à son début."
    ),
    "Entretiens": "Une ligne par entretien ou contact avec un ménage (ou à son sujet).",
}
_RULES: Final = (
    "Ce classeur sert à importer dans Seuil les données de l'association : une feuille par "
    "sorte de données. Une feuille absente ou vide est ignorée ; la feuille Notice n'est pas "
    "importée.",
    "Chaque feuille commence par sa ligne d'intitulés (sa première ligne non vide). L'ordre "
    "des colonnes est libre ; une colonne inconnue est ignorée et signalée.",
    "Les colonnes marquées * sont obligatoires. Les lignes vides sont ignorées ; les lignes "
    "et les feuilles masquées sont importées.",
    "Dates : jj/mm/aaaa (ou aaaa-mm-jj, ou date Excel). Mois : aaaa-mm, par exemple 2026-06 "
    "(ou 06/2026, ou une date). Montants en euros, par exemple 1 234,56, toujours positifs : "
    "c'est le Type du mouvement qui donne le sens.",
    "Listes : choisissez une valeur proposée. Les synonymes indiqués sont acceptés, sans "
    "tenir compte des majuscules, des accents, des espaces ni de la sorte de tiret.",
    "Cellules fusionnées : la valeur est reprise sur chaque ligne de la fusion. Formules : "
    "leur dernier résultat calculé est importé ; une formule en erreur (#REF!, #N/A…) bloque.",
    "Tout ou rien : un fichier qui comporte une erreur bloquante ne modifie rien. Le rapport "
    "d'erreurs donne la feuille, la ligne et la colonne de chaque problème.",
    "Importer deux fois le même fichier ne change rien ; un fichier corrigé met à jour ce qui "
    "a changé (sauf les mouvements déjà importés).",
)
_HINTS: Final = {
    ("Dispositifs", "funder"): "nom du financeur, créé s'il est inconnu",
    ("Ménages", "programme"): "nom d'un dispositif (feuille Dispositifs ou déjà dans Seuil)",
    ("Personnes", "household"): "Référence d'un ménage de la feuille Ménages",
    ("Logements", "programme"): "nom d'un dispositif (feuille Dispositifs ou déjà dans Seuil)",
    ("Logements", "landlord"): "nom du bailleur",
    ("Logements", "residence"): "nom de la pension de famille ou de la résidence",
    ("Contrats", "household"): "Référence d'un ménage de la feuille Ménages",
    ("Contrats", "dwelling"): "Référence d'un logement de la feuille Logements",
    ("Contrats", "due_day"): "jour du mois, de 1 à 31",
    ("Loyers", "due_day"): "jour du mois, de 1 à 31",
    ("Mouvements", "period_month"): "le mois que concerne un appel ou une APL",
    ("Mouvements", "nature"): "pour une régularisation",
    ("Mouvements", "reversed_reference"): "pour une Annulation : la Référence du mouvement annulé",
    ("Mouvements", "reason"): "pour une Annulation : pourquoi",
    ("Mouvements", "first_default_on"): "pour un Solde de reprise débiteur",
    ("Mesures", "household"): "Référence d'un ménage de la feuille Ménages",
    ("Mesures", "planned_months"): "renouvellements compris",
    ("Mesures", "funder"): "nom du financeur, créé s'il est inconnu",
    ("Entretiens", "household"): "Référence d'un ménage de la feuille Ménages",
    ("Entretiens", "themes"): "thèmes de la liste des paramètres, séparés par « ; »",
    ("Entretiens", "worker"): "identifiant ou nom d'un compte de Seuil",
}
"""What a column holds, when its heading and kind do not say it all."""
_NOTICE_HEADERS: Final = (
    "Colonne",
    "Obligatoire",
    "Forme attendue",
    "Valeurs acceptées",
    "Synonymes acceptés",
    "Exemple",
)
_NOTICE_WIDTHS: Final = (30, 12, 42, 46, 40, 28)
_VALUES_COLUMN: Final = 4  # "Valeurs acceptées": the drop-down lists' source
_FORMS: Final = {
    "text": "texte",
    "date": "date jj/mm/aaaa",
    "month": "mois aaaa-mm (par exemple 2026-06)",
    "amount": "montant en euros, par exemple 1 234,56 ; toujours positif",
    "int": "nombre entier",
    "bool": "Oui ou Non",
    "label": "une valeur de la liste",
}
_KIND_WIDTHS: Final = {
    "text": 16,
    "date": 13,
    "month": 11,
    "amount": 14,
    "int": 10,
    "bool": 10,
    "label": 22,
}
_FORMATS: Final = {
    "text": TEXT_FORMAT,
    "month": TEXT_FORMAT,
    "date": DATE_FORMAT,
    "amount": AMOUNT_FORMAT,
    "int": INT_FORMAT,
}
_MAX_WIDTH: Final = 50
_FIRST_EXCEL_DAY: Final = date(1900, 1, 1)
_LAST_ROW: Final = 1_048_576

EXAMPLES: Final[Mapping[str, Mapping[str, object]]] = {
    "Dispositifs": {
        "name": "IML Centre",
        "kind": "iml_sublease",
        "places": 12,
        "funder": "État – DDETS / DRIHL (BOP 177)",
        "start": date(2024, 1, 1),
    },
    "Ménages": {
        "reference": "M-0001",
        "programme": "IML Centre",
        "key_worker": "Camille Martin",
        "entry_date": date(2025, 3, 15),
        "entry_situation": "emergency_shelter",
        "referrer": "siao",
        "dalo_status": "non_dalo",
        "siao_reference": "SIAO-2025-0042",
        "address": "12 rue des Lilas, 69003 Lyon",
    },
    "Personnes": {
        "household": "M-0001",
        "last_name": "Durand",
        "first_name": "Amina",
        "birth_date": date(1988, 7, 12),
        "sex": "f",
        "role": "head",
        "arrival": date(2025, 3, 15),
        "phone": "06 12 34 56 78",
        "benefit_number": "1234567",
    },
    "Logements": {
        "reference": "LOG-001",
        "address": "12 rue des Lilas",
        "postcode": "69003",
        "town": "Lyon",
        "typology": "t2",
        "surface": "45",
        "sector": "private",
        "landlord": "SCI Les Lilas",
        "programme": "IML Centre",
        "captured_on": date(2025, 2, 1),
    },
    "Contrats": {
        "household": "M-0001",
        "dwelling": "LOG-001",
        "kind": "sublease",
        "start": date(2025, 3, 15),
        "rent": 45_000,
        "charges": 5_000,
        "expected_benefit": 28_000,
        "third_party_payment": True,
        "due_day": 5,
    },
    "Loyers": {
        "household": "M-0001",
        "dwelling": "LOG-001",
        "contract_start": date(2025, 3, 15),
        "effective_from": date(2026, 1, 1),
        "rent": 46_000,
        "charges": 5_000,
        "expected_benefit": 28_500,
        "third_party_payment": True,
        "due_day": 5,
    },
    "Statut APL": {
        "household": "M-0001",
        "dwelling": "LOG-001",
        "contract_start": date(2025, 3, 15),
        "effective_from": date(2025, 4, 1),
        "status": "paid",
    },
    "Mouvements": {
        "reference": "MVT-000001",
        "household": "M-0001",
        "dwelling": "LOG-001",
        "posted_on": date(2025, 4, 1),
        "period_month": date(2025, 4, 1),
        "type": "call",
        "amount": 50_000,
    },
    "Mesures": {
        "household": "M-0001",
        "kind": "avdl_non_dalo",
        "phase": "towards",
        "target_public": "shelter_leavers",
        "referrer": "siao",
        "prescribed_on": date(2025, 3, 1),
        "start": date(2025, 3, 15),
        "planned_months": 6,
        "funder": "FNAVDL",
    },
    "Entretiens": {
        "household": "M-0001",
        "held_on": date(2025, 4, 2),
        "kind": "home_visit",
        "minutes": 60,
        "themes": "Accès au logement ; Budget / dettes",
        "worker": "Camille Martin",
    },
}
"""One typical row per sheet, as `write_workbook` takes them (shown in the Notice)."""


def _font(*, bold: bool = False, italic: bool = False, size: int = 11) -> Font:
    """The workbook's font (named: LibreOffice would fall back to a serif otherwise)."""
    return Font(name="Calibri", size=size, bold=bold, italic=italic)


def write_template() -> bytes:
    """The empty import workbook: the Notice, then one sheet per spec with its headings."""
    return write_workbook({})


def write_workbook(sheets: Mapping[str, Sequence[Mapping[str, object]]]) -> bytes:
    """A whole database in the template's format, read back to the same values.

    Args:
        sheets: sheet name → rows keyed by `Column.key`: ``date`` for dates and months, int
            cents for amounts, ``int``, ``bool``, the vocabulary code for labels, ``str``.
            Missing sheets are written empty; keys left out are empty cells.

    Raises:
        ValueError: an unknown sheet or column, or a value of the wrong type (a caller's bug).
    """
    unknown = set(sheets) - {spec.name for spec in SHEETS}
    if unknown:
        raise ValueError(f"unknown sheets: {sorted(unknown)}")
    workbook = Workbook()
    notice = workbook.active
    assert notice is not None  # a new workbook always has its first sheet
    notice.title = NOTICE
    workbook.properties.title = "Classeur d'import Seuil"
    workbook.properties.creator = "Seuil"
    lists = _write_notice(notice)
    for spec in SHEETS:
        sheet = workbook.create_sheet(spec.name)
        _write_sheet(sheet, spec, sheets.get(spec.name, ()), lists)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_sheet(
    sheet: Worksheet,
    spec: SheetSpec,
    rows: Sequence[Mapping[str, object]],
    lists: Mapping[tuple[str, str], str],
) -> None:
    append_row(sheet, [_heading(column) for column in spec.columns])
    for cell in sheet[1]:
        cell.font = _font(bold=True)
        cell.alignment = Alignment(vertical="center")
    sheet.freeze_panes = "A2"
    keys = {column.key for column in spec.columns}
    for number, values in enumerate(rows, start=2):
        extra = set(values) - keys
        if extra:
            raise ValueError(f"{spec.name}: unknown columns {sorted(extra)}")
        for index, column in enumerate(spec.columns, start=1):
            value = values.get(column.key)
            if value is None:
                continue
            cell = cell_at(sheet, number, index)
            put_value(cell, _cell_value(spec, column, value))
            if column.kind in _FORMATS:
                cell.number_format = _FORMATS[column.kind]
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = _width(column)
        if column.kind in _FORMATS:
            dimension.number_format = _FORMATS[column.kind]
        cells = f"{letter}2:{letter}{_LAST_ROW}"
        if column.kind == "bool":
            _validate(sheet, '"Oui,Non"', cells)
        elif column.kind == "label":
            _validate(sheet, lists[(spec.name, column.key)], cells)


def _heading(column: Column) -> str:
    return column.heading + (REQUIRED_MARK if column.required else "")


def _width(column: Column) -> int:
    width = max(len(_heading(column)) + 4, _KIND_WIDTHS[column.kind])
    if column.vocabulary is not None:
        width = max(width, *(len(column.vocabulary.label(code)) + 4 for code in column.vocabulary))
    return min(width, _MAX_WIDTH)


def _validate(sheet: Worksheet, source: str, cells: str) -> None:
    """A drop-down list that warns, never forbids: a synonym typed by hand is accepted."""
    validation = DataValidation(
        type="list",
        formula1=source,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Valeur hors liste",
        error="Cette valeur n'est pas dans la liste : voir les synonymes acceptés (Notice).",
    )
    validation.add(cells)
    sheet.add_data_validation(validation)


def _cell_value(spec: SheetSpec, column: Column, value: object) -> Value:  # noqa: PLR0911
    """The value written for a typed value (see `write_workbook`)."""
    kind = column.kind
    if kind == "text" and isinstance(value, str | int | float | Decimal):
        return str(value)
    if kind == "date" and isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if day < _FIRST_EXCEL_DAY:  # no Excel date: written as text, read back the same
            return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
        return day
    if kind == "month" and isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    if kind == "amount" and isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value) / 100
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "bool" and isinstance(value, bool):
        return YES_NO.label("yes" if value else "no")
    if kind == "label" and isinstance(value, str):
        assert column.vocabulary is not None
        code = value if value in column.vocabulary else column.vocabulary.parse(value)
        if code is not None:
            return column.vocabulary.label(code)
    raise ValueError(f"{spec.name}.{column.key} ({kind}): cannot write {value!r}")


def _write_notice(sheet: Worksheet) -> dict[tuple[str, str], str]:
    """Write the Notice; where each label column's values are (the drop-downs' source)."""
    lists: dict[tuple[str, str], str] = {}
    title = cell_at(sheet, 1, 1)
    put_text(title, "Classeur d'import Seuil — notice")
    title.font = _font(bold=True, size=14)
    line = 3
    for rule in _RULES:
        put_text(cell_at(sheet, line, 1), rule)
        line += 1
    for spec in SHEETS:
        line += 1
        put_text(cell_at(sheet, line, 1), f"Feuille « {spec.name} »")
        sheet.cell(line, 1).font = _font(bold=True, size=12)
        key = " + ".join(spec.column(key).heading for key in spec.key)
        put_text(cell_at(sheet, line + 1, 1), f"{_SHEET_DESCRIPTIONS[spec.name]} Clé : {key}.")
        line += 2
        _append_at(sheet, line, _NOTICE_HEADERS, bold=True)
        line += 1
        for column in spec.columns:
            line = _notice_column(sheet, line, spec, column, lists)
        example = EXAMPLES[spec.name]
        put_text(cell_at(sheet, line, 1), "Exemple de ligne :")
        sheet.cell(line, 1).font = _font(italic=True)
        _append_at(sheet, line + 1, [_heading(column) for column in spec.columns], bold=True)
        _append_at(
            sheet,
            line + 2,
            [_shown(spec, column, example.get(column.key)) for column in spec.columns],
        )
        line += 3
    for index, width in enumerate(_NOTICE_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    return lists


def _append_at(sheet: Worksheet, line: int, values: Sequence[str], *, bold: bool = False) -> None:
    """Write texts on row ``line`` from column A."""
    for index, text in enumerate(values, start=1):
        cell = cell_at(sheet, line, index)
        put_text(cell, text)
        if bold:
            cell.font = _font(bold=True)


def _notice_column(
    sheet: Worksheet,
    line: int,
    spec: SheetSpec,
    column: Column,
    lists: dict[tuple[str, str], str],
) -> int:
    """One column of a sheet in the Notice (a label column: one row per value); next line."""
    form = _FORMS[column.kind]
    if column.kind == "text":
        form += f" ({column.maximum} caractères au plus)"
    if (spec.name, column.key) in _HINTS:
        form += f" : {_HINTS[(spec.name, column.key)]}"
    if column.key in spec.key:
        form += " ; fait partie de la clé"
    for alias in column.aliases:
        form += f" ; intitulé accepté aussi : « {alias} »"
    example = _shown(spec, column, EXAMPLES[spec.name].get(column.key))
    _append_at(
        sheet, line, [_heading(column), "Oui" if column.required else "", form, "", "", example]
    )
    sheet.cell(line, 1).font = _font(bold=column.required)
    vocabulary = column.vocabulary if column.kind == "label" else None
    if column.kind == "bool":
        vocabulary = YES_NO
    if vocabulary is None:
        return line + 1
    synonyms = _synonyms(vocabulary)
    first = line
    for code in vocabulary:
        put_text(cell_at(sheet, line, _VALUES_COLUMN), vocabulary.label(code))
        if synonyms.get(code):
            put_text(cell_at(sheet, line, _VALUES_COLUMN + 1), ", ".join(synonyms[code]))
        line += 1
    letter = get_column_letter(_VALUES_COLUMN)
    lists[(spec.name, column.key)] = f"{NOTICE}!${letter}${first}:${letter}${line - 1}"
    return line


def _synonyms(vocabulary: Vocabulary) -> dict[str, list[str]]:
    """The accepted spellings of each code other than its code and label."""
    return {code: vocabulary.synonyms(code) for code in vocabulary if vocabulary.synonyms(code)}


def _shown(spec: SheetSpec, column: Column, value: object) -> str:
    """A typed value as a person would type it in the cell."""
    if value is None:
        return ""
    written = _cell_value(spec, column, value)
    if column.kind == "amount" and isinstance(value, int):
        return format_eur(value, symbol=False).replace("\u202f", " ")
    if isinstance(written, date):
        return format_date(written)
    return str(written)


# ---------------------------------------------------------------------------------- issues


def write_issues(issues: Sequence[WorkbookIssue]) -> bytes:
    """The error report: one row per issue, by sheet order, row and column, in French."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = ISSUES_SHEET
    workbook.properties.title = "Rapport d'import Seuil"
    workbook.properties.creator = "Seuil"
    append_row(sheet, ISSUE_HEADERS)
    for cell in sheet[1]:
        cell.font = _font(bold=True)
    for issue in sorted(issues, key=_issue_order):
        append_row(
            sheet,
            (
                issue.sheet or "",
                issue.row,
                issue.column or "",
                BLOCKING if issue.blocking else WARNING,
                _issue_text(issue),
            ),
        )
    for index, width in enumerate((18, 8, 26, 15, 100), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:E{sheet.max_row}"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _issue_order(issue: WorkbookIssue) -> tuple[int, str, int, int, str, str]:
    ranks = {spec.name: rank for rank, spec in enumerate(SHEETS)}
    spec = next((spec for spec in SHEETS if spec.name == issue.sheet), None)
    column_rank = len(spec.columns) if spec is not None else 0
    if spec is not None and issue.column is not None:
        wanted = heading_key(issue.column)
        column_rank = next(
            (
                rank
                for rank, column in enumerate(spec.columns)
                if heading_key(column.heading) == wanted
            ),
            column_rank,
        )
    return (
        -1 if issue.sheet is None else ranks.get(issue.sheet, len(SHEETS)),
        issue.sheet or "",
        issue.row or 0,
        column_rank,
        issue.column or "",
        issue.code,
    )


def _issue_text(issue: WorkbookIssue) -> str:
    """The French message; its bare text if a parameter is missing (never fails the report)."""
    try:
        return message(issue.code, **issue.params)
    except (KeyError, IndexError, ValueError):
        return MESSAGES.get(issue.code, issue.code)
