"""The import workbook of DOMAIN §10: its sheets, columns, keys, and how a cell is read.

Pure rules, no file access: `reports.xlsx.workbook` reads a file into raw cell values (str,
int, float, bool, date, datetime or None) and `services.imports` matches the typed rows to the
database. A cell is read by its column's kind: dates (Excel dates, ``jj/mm/aaaa``,
``aaaa-mm-jj``), months (``2026-06``, ``06/2026`` or an Excel date), amounts (numbers or
``1 234,56``, always positive: the movement type gives the direction), labels of DOMAIN §2/§6
with their synonyms (`Vocabulary.parse`: case, accents and the kind of dash ignored), yes/no.

Every problem is a `WorkbookIssue` naming the sheet, the Excel row number, the column heading
and a message code of `domain.messages`; blocking issues stop the whole import. A cell whose
formula failed (``#REF!``, ``#DIV/0!``…) reaches here as its error text and is refused in
every column (`is_cell_error`): an empty value would silently replace what the sheet meant.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Final, Literal

from desktop_app.domain import vocabulary as v
from desktop_app.domain.money import parse_amount
from desktop_app.domain.periods import parse_date, parse_month
from desktop_app.domain.text import normalise
from desktop_app.domain.vocabulary import Vocabulary

Kind = Literal["text", "date", "month", "amount", "int", "bool", "label"]
RawValue = str | int | float | bool | date | datetime | None

MOVEMENT_TYPE: Final = Vocabulary(
    "movement_type",
    [
        ("call", "Appel"),
        ("housing_benefit", "APL"),
        ("household_payment", "Paiement ménage"),
        ("fsl_aid", "Aide FSL"),
        ("other_aid", "Autre aide"),
        ("adjustment_debit", "Régularisation (débit)"),
        ("adjustment_credit", "Régularisation (crédit)"),
        ("remission", "Remise gracieuse"),
        ("irrecoverable", "Créance irrécouvrable"),
        ("debt_erased", "Effacement"),
        ("damage", "Réparations locatives"),
        ("fees", "Frais"),
        ("occupation_indemnity", "Indemnité d'occupation"),
        ("deposit_received", "Dépôt reçu"),
        ("deposit_applied", "Dépôt imputé"),
        ("deposit_refunded", "Dépôt restitué"),
        ("reversal", "Annulation"),
        ("opening_balance", "Solde de reprise"),
    ],
    synonyms={
        "Appel de loyer": "call",
        "Échéance": "call",
        "Aide au logement": "housing_benefit",
        "AL": "housing_benefit",
        "Aide au logement – tiers payant": "housing_benefit",
        "Règlement": "household_payment",
        "Règlement du ménage": "household_payment",
        "Paiement": "household_payment",
        "Régularisation débit": "adjustment_debit",
        "Régularisation crédit": "adjustment_credit",
        "Effacement – surendettement": "debt_erased",
        "Dépôt de garantie reçu": "deposit_received",
        "Dépôt de garantie imputé": "deposit_applied",
        "Dépôt de garantie restitué": "deposit_refunded",
    },
)
"""The `Type` of a Mouvements row (DOMAIN §10), each with its ledger or deposit meaning."""

YES_NO: Final = Vocabulary(
    "yes_no",
    [("yes", "Oui"), ("no", "Non")],
    synonyms={"O": "yes", "N": "no", "Vrai": "yes", "Faux": "no", "1": "yes", "0": "no"},
)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a sheet: its stable key, French heading, kind and accepted headings."""

    key: str
    heading: str
    kind: Kind = "text"
    required: bool = False
    vocabulary: Vocabulary | None = None
    aliases: tuple[str, ...] = ()
    maximum: int = 200
    """For text: the longest value kept (longer is an error, never truncated silently)."""


@dataclass(frozen=True, slots=True)
class SheetSpec:
    """A sheet of the workbook: name, the columns making its key, and every column."""

    name: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        """The column of stable key ``key``."""
        return next(c for c in self.columns if c.key == key)


def _c(
    key: str,
    heading: str,
    kind: Kind = "text",
    *,
    required: bool = False,
    vocabulary: Vocabulary | None = None,
    aliases: tuple[str, ...] = (),
    maximum: int = 200,
) -> Column:
    return Column(key, heading, kind, required, vocabulary, aliases, maximum)


_RATE_COLUMNS: Final = (
    _c("rent", "Loyer", "amount", required=True),
    _c("charges", "Charges", "amount"),
    _c("mandatory_services", "Prestations obligatoires", "amount"),
    _c("optional_services", "Prestations facultatives", "amount"),
    _c("expected_benefit", "APL prévue", "amount"),
    _c(
        "third_party_payment",
        "Tiers payant",
        "bool",
        aliases=("APL versée à l'association",),
    ),
    _c("due_day", "Jour d'échéance", "int"),
)

PROGRAMMES: Final = SheetSpec(
    "Dispositifs",
    ("name",),
    (
        _c("name", "Nom", required=True),
        _c("kind", "Type", "label", required=True, vocabulary=v.PROGRAMME_KIND),
        _c("places", "Places", "int"),
        _c("funder", "Financeur"),
        _c("start", "Début", "date"),
    ),
)
HOUSEHOLDS: Final = SheetSpec(
    "Ménages",
    ("reference", "programme", "entry_date"),
    (
        _c("reference", "Référence", required=True, maximum=50),
        _c("programme", "Dispositif", required=True),
        _c("key_worker", "Référent"),
        _c("entry_date", "Date d'entrée", "date", required=True),
        _c("exit_date", "Date de sortie", "date"),
        _c("destination", "Destination de sortie", "label", vocabulary=v.DESTINATION),
        _c("exit_reason", "Motif de sortie", "label", vocabulary=v.EXIT_REASON),
        _c("entry_situation", "Situation à l'entrée", "label", vocabulary=v.ENTRY_SITUATION),
        _c("referrer", "Prescripteur", "label", vocabulary=v.REFERRER),
        _c("dalo_status", "Statut DALO", "label", vocabulary=v.DALO_STATUS),
        _c("siao_reference", "Référence SI-SIAO", maximum=50),
        _c("address", "Adresse"),
    ),
)
PERSONS: Final = SheetSpec(
    "Personnes",
    ("household", "last_name", "first_name", "birth_date"),
    (
        _c("household", "Référence ménage", required=True, maximum=50),
        _c("last_name", "Nom", required=True, maximum=100),
        _c("first_name", "Prénom", required=True, maximum=100),
        _c("birth_date", "Date de naissance", "date"),
        _c("sex", "Sexe", "label", vocabulary=v.SEX),
        _c("role", "Lien", "label", vocabulary=v.MEMBER_ROLE),
        _c("arrival", "Arrivée", "date"),
        _c("departure", "Départ", "date"),
        _c("phone", "Téléphone", maximum=30),
        _c("benefit_number", "N° allocataire", maximum=20),
    ),
)
DWELLINGS: Final = SheetSpec(
    "Logements",
    ("reference",),
    (
        _c("reference", "Référence logement", required=True, maximum=50),
        _c("address", "Adresse", required=True),
        _c("postcode", "Code postal", maximum=10),
        _c("town", "Commune", required=True, maximum=100),
        _c("typology", "Typologie", "label", vocabulary=v.TYPOLOGY),
        _c("surface", "Surface"),
        _c("sector", "Parc", "label", vocabulary=v.SECTOR),
        _c("landlord", "Bailleur"),
        _c("programme", "Dispositif", required=True),
        _c("residence", "Résidence"),
        _c("lots", "Lots", "int"),
        _c("places", "Places", "int"),
        _c("captured_on", "Date de captation", "date"),
        _c("returned_on", "Date de restitution", "date"),
    ),
)
CONTRACTS: Final = SheetSpec(
    "Contrats",
    ("household", "dwelling", "start"),
    (
        _c("household", "Référence ménage", required=True, maximum=50),
        _c("dwelling", "Référence logement", required=True, maximum=50),
        _c("kind", "Type", "label", required=True, vocabulary=v.CONTRACT_KIND),
        _c("start", "Début", "date", required=True),
        _c("end", "Fin", "date"),
        *_RATE_COLUMNS,
        _c("glissement_on", "Date de glissement", "date"),
    ),
)
RATES: Final = SheetSpec(
    "Loyers",
    ("household", "dwelling", "contract_start", "effective_from"),
    (
        _c("household", "Référence ménage", required=True, maximum=50),
        _c("dwelling", "Référence logement", required=True, maximum=50),
        _c("contract_start", "Début du contrat", "date", required=True),
        _c("effective_from", "Date d'effet", "date", required=True),
        *_RATE_COLUMNS,
    ),
)
BENEFIT_STATUSES: Final = SheetSpec(
    "Statut APL",
    ("household", "dwelling", "contract_start", "effective_from"),
    (
        _c("household", "Référence ménage", required=True, maximum=50),
        _c("dwelling", "Référence logement", required=True, maximum=50),
        _c("contract_start", "Début du contrat", "date", required=True),
        _c("effective_from", "Date d'effet", "date", required=True),
        _c("status", "Statut", "label", required=True, vocabulary=v.BENEFIT_STATUS),
    ),
)
MOVEMENTS: Final = SheetSpec(
    "Mouvements",
    ("reference",),
    (
        _c("reference", "Référence", required=True, maximum=100),
        _c("household", "Référence ménage", required=True, maximum=50),
        _c("dwelling", "Référence logement", maximum=50),
        _c("posted_on", "Date", "date", required=True),
        _c("period_month", "Mois concerné", "month"),
        _c("type", "Type", "label", required=True, vocabulary=MOVEMENT_TYPE),
        _c("nature", "Nature", "label", vocabulary=v.CHARGE_NATURE),
        _c("amount", "Montant", "amount", required=True),
        _c("reversed_reference", "Référence annulée", maximum=100),
        _c("reason", "Motif", maximum=500),
        _c("first_default_on", "Date du premier impayé", "date"),
    ),
)
MEASURES: Final = SheetSpec(
    "Mesures",
    ("household", "kind", "start"),
    (
        _c("household", "Référence ménage", required=True, maximum=50),
        _c("kind", "Type", "label", required=True, vocabulary=v.MEASURE_KIND),
        _c("phase", "Phase", "label", vocabulary=v.MEASURE_PHASE),
        _c("target_public", "Public", "label", vocabulary=v.TARGET_PUBLIC),
        _c("referrer", "Prescripteur", "label", vocabulary=v.REFERRER),
        _c("prescribed_on", "Date de prescription", "date"),
        _c("start", "Début", "date", required=True),
        _c("planned_months", "Durée prévue (mois)", "int"),
        _c("end", "Fin", "date"),
        _c("outcome", "Issue", "label", vocabulary=v.MEASURE_OUTCOME),
        _c("destination", "Situation de logement à la fin", "label", vocabulary=v.DESTINATION),
        _c("funder", "Financeur"),
        _c(
            "conclusion",
            "Conclusion du diagnostic",
            "label",
            vocabulary=v.DIAGNOSTIC_CONCLUSION,
        ),
    ),
)
CONTACTS: Final = SheetSpec(
    "Entretiens",
    ("household", "held_on", "kind", "worker"),
    (
        _c("household", "Référence ménage", required=True, maximum=50),
        _c("held_on", "Date", "date", required=True),
        _c("kind", "Type", "label", required=True, vocabulary=v.CONTACT_KIND),
        _c("minutes", "Durée (min)", "int"),
        _c("themes", "Thèmes", maximum=1000),
        _c("worker", "Intervenant"),
    ),
)
THEME_SEPARATOR: Final = ";"
"""Between the themes of one Entretiens cell (labels of the ``contact.themes`` parameter)."""

SHEETS: Final = (
    PROGRAMMES,
    HOUSEHOLDS,
    PERSONS,
    DWELLINGS,
    CONTRACTS,
    RATES,
    BENEFIT_STATUSES,
    MOVEMENTS,
    MEASURES,
    CONTACTS,
)
"""Every sheet, in the order they are imported (a sheet may name rows of the ones before)."""


@dataclass(frozen=True, slots=True)
class WorkbookIssue:
    """A problem of the file: where it is (sheet, Excel row, column heading) and what it is."""

    sheet: str | None
    row: int | None
    column: str | None
    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    blocking: bool = True


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """A data row: its Excel row number and its typed values by column key.

    Values are `date` (dates and months: the first of the month), `int` (cents for amounts),
    `bool`, a vocabulary code for labels, or stripped `str`; None when the cell is empty.
    """

    number: int
    values: Mapping[str, object]

    def text(self, key: str) -> str | None:
        """A text value (or None)."""
        value = self.values.get(key)
        return value if isinstance(value, str) else None

    def day(self, key: str) -> date | None:
        """A date value (or None)."""
        value = self.values.get(key)
        return value if isinstance(value, date) else None

    def cents(self, key: str) -> int | None:
        """An amount or integer value (or None)."""
        value = self.values.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True, slots=True)
class ParsedSheet:
    """One sheet read: the rows kept and the issues of its headings and cells."""

    spec: SheetSpec
    rows: tuple[ParsedRow, ...]
    issues: tuple[WorkbookIssue, ...]


CELL_ERRORS: Final = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#EXTERNAL!",
        "#PYTHON!",
        # As French Excel shows them (a sheet pasted as values keeps these texts).
        "#NUL!",
        "#VALEUR!",
        "#NOM?",
        "#NOMBRE!",
        "#CHAMP!",
        "#CALCUL!",
        "#DEVERSEMENT!",
        "#DÉVERSEMENT!",
        "#INCONNU!",
    }
)
"""The texts of Excel's error values: a reader hands an error cell as one of them."""

MAX_CENTS: Final = 100_000_000_000
"""Amounts from one billion euros up are typing mistakes (and would overflow some columns)."""
_MAX_INT: Final = 999_999_999

_EXCEL_EPOCH: Final = date(1899, 12, 30)
_SPACES: Final = re.compile(r"[\s\u00a0\u202f\u2009\u200b\ufeff]+")
_SERIAL_MIN: Final = 1  # 31/12/1899 in Excel's 1900 date system
_SERIAL_MAX: Final = 2958465  # 31/12/9999


def clean_text(value: RawValue) -> str | None:
    """A cell as text: stray and non-breaking spaces collapsed, None when blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        text = "Oui" if value else "Non"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    else:
        text = str(value)
    text = _SPACES.sub(" ", text).strip()
    return text or None


def is_cell_error(value: RawValue) -> bool:
    """Whether a cell holds an Excel error value (``#REF!``, ``#N/A``…) instead of data."""
    return isinstance(value, str) and value.strip().upper() in CELL_ERRORS


def heading_key(text: str) -> str:
    """The comparable form of a heading (case, accents, dashes, stray spaces, ``*`` ignored)."""
    return normalise(text.replace("*", " "))


def _serial_date(number: float) -> date | None:
    if not math.isfinite(number) or not _SERIAL_MIN <= number <= _SERIAL_MAX:
        return None
    if not float(number).is_integer():
        number = math.floor(number)
    return _EXCEL_EPOCH + timedelta(days=int(number))


def read_date(value: RawValue) -> date | Literal[False] | None:  # noqa: PLR0911
    """A date cell: None when empty, False when it is not a real date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return _serial_date(float(value)) or False
    text = clean_text(value)
    if text is None:
        return None
    return parse_date(text.split(" ")[0] if _looks_like_timestamp(text) else text) or False


def _looks_like_timestamp(text: str) -> bool:
    return bool(re.match(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$", text))


def read_month(value: RawValue) -> date | Literal[False] | None:
    """A month cell (``2026-06``, ``06/2026`` or a date): its first day."""
    if value is None:
        return None
    if isinstance(value, str):
        text = clean_text(value)
        if text is None:
            return None
        month = parse_month(text)
        if month is not None:
            return month
    day = read_date(value)
    if day is None or day is False:
        return day
    return day.replace(day=1)


def read_amount(value: RawValue) -> int | Literal[False] | None:  # noqa: PLR0911
    """An amount in cents: numbers (two decimals at most) or ``1 234,56``; False otherwise."""
    if value is None:
        return None
    if isinstance(value, (bool, date)):
        return False
    if isinstance(value, int):
        cents = value * 100
    elif isinstance(value, float):
        if not math.isfinite(value) or abs(value) * 100 >= MAX_CENTS:
            return False
        cents = round(value * 100)
        if abs(value * 100 - cents) > 1e-6 * max(1.0, abs(value)):
            return False
    else:
        text = clean_text(value)
        if text is None:
            return None
        parsed = parse_amount(text)
        if parsed is None:
            return False
        cents = parsed
    return cents if abs(cents) < MAX_CENTS else False


def read_int(value: RawValue) -> int | Literal[False] | None:
    """A whole number (places, lots, a day of the month)."""
    if value is None:
        return None
    if isinstance(value, (bool, date)):
        return False
    if isinstance(value, int):
        return value if abs(value) <= _MAX_INT else False
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) <= _MAX_INT else False
    text = clean_text(value)
    if text is None:
        return None
    return int(text) if re.fullmatch(r"[-+]?[0-9]{1,9}", text) else False


def read_cell(column: Column, value: RawValue) -> tuple[object, str | None]:  # noqa: PLR0911
    """The typed value of a cell and, when it cannot be read, the message code of the problem."""
    if is_cell_error(value):
        return None, "import.cell_error"
    if column.kind == "text":
        text = clean_text(value)
        if text is not None and len(text) > column.maximum:
            return None, "import.text_too_long"
        return text, None
    if column.kind == "label":
        text = clean_text(value)
        if text is None:
            return None, None
        assert column.vocabulary is not None
        code = column.vocabulary.parse(text)
        return (code, None) if code is not None else (None, "import.label_unknown")
    if column.kind == "bool":
        text = clean_text(value)
        if text is None:
            return None, None
        answer = YES_NO.parse(text)
        return (answer == "yes", None) if answer is not None else (None, "import.yes_no_invalid")
    reader = {"date": read_date, "month": read_month, "amount": read_amount, "int": read_int}
    result = reader[column.kind](value)
    if result is False:
        return None, f"import.{column.kind}_invalid"
    if column.kind == "amount" and isinstance(result, int) and result < 0:
        return None, "import.amount_negative"
    return result, None


def match_headings(
    spec: SheetSpec, headings: Sequence[RawValue], *, heading_row: int = 1
) -> tuple[dict[str, int], list[WorkbookIssue]]:
    """Which position holds which column; issues for missing required or repeated columns.

    Unknown headings are ignored with a warning (an association's own notes column); the
    issues name ``heading_row``, the Excel row of the headings.
    """
    known: dict[str, Column] = {}
    for column in spec.columns:
        for heading in (column.heading, *column.aliases):
            known[heading_key(heading)] = column
    positions: dict[str, int] = {}
    issues: list[WorkbookIssue] = []
    for index, raw in enumerate(headings):
        text = clean_text(raw)
        if text is None:
            continue
        found = known.get(heading_key(text))
        if found is None:
            issues.append(
                WorkbookIssue(
                    spec.name,
                    heading_row,
                    text,
                    "import.column_unknown",
                    {"column": text},
                    blocking=False,
                )
            )
        elif found.key in positions:
            issues.append(
                WorkbookIssue(
                    spec.name, heading_row, text, "import.column_repeated", {"column": text}
                )
            )
        else:
            positions[found.key] = index
    for column in spec.columns:
        if column.required and column.key not in positions:
            issues.append(
                WorkbookIssue(
                    spec.name,
                    heading_row,
                    column.heading,
                    "import.column_missing",
                    {"column": column.heading},
                )
            )
    return positions, issues


def parse_sheet(
    spec: SheetSpec,
    headings: Sequence[RawValue],
    rows: Iterable[tuple[int, Sequence[RawValue]]],
    *,
    heading_row: int = 1,
) -> ParsedSheet:
    """Type every cell of a sheet; blank rows are skipped, every problem is listed.

    Args:
        spec: the sheet's specification.
        headings: the cells of its heading row.
        rows: the Excel row number and cells of each following row.
        heading_row: the Excel row of the headings (the first non-blank row of the sheet).
    """
    positions, issues = match_headings(spec, headings, heading_row=heading_row)
    if any(issue.blocking for issue in issues):
        return ParsedSheet(spec, (), tuple(issues))
    located = [(spec.column(key), index) for key, index in positions.items()]
    parsed: list[ParsedRow] = []
    for number, cells in rows:
        values: dict[str, object] = {}
        row_issues: list[WorkbookIssue] = []
        blank = True
        for column, index in located:
            key = column.key
            raw = cells[index] if index < len(cells) else None
            if blank and raw is not None and clean_text(raw) is not None:
                blank = False
            value, problem = read_cell(column, raw)
            if problem is not None:
                shown = clean_text(raw) or ""
                row_issues.append(
                    WorkbookIssue(
                        spec.name,
                        number,
                        column.heading,
                        problem,
                        {"value": shown[:60], "column": column.heading, "max": column.maximum},
                    )
                )
            values[key] = value
        if blank:
            continue
        for column in spec.columns:
            if (
                column.required
                and values.get(column.key) is None
                and not any(issue.column == column.heading for issue in row_issues)
            ):
                row_issues.append(
                    WorkbookIssue(
                        spec.name,
                        number,
                        column.heading,
                        "import.value_required",
                        {"column": column.heading},
                    )
                )
        issues += row_issues
        parsed.append(ParsedRow(number, values))
    return ParsedSheet(spec, tuple(parsed), tuple(issues))


def spec_named(name: str) -> SheetSpec | None:
    """The sheet specification whose name matches ``name`` (case, accents, spaces ignored)."""
    wanted = heading_key(name)
    return next((spec for spec in SHEETS if heading_key(spec.name) == wanted), None)
