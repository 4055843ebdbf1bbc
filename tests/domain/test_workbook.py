"""The import workbook's rules (DOMAIN §10): how each cell is read, how a sheet is parsed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import vocabulary as v
from desktop_app.domain.messages import message
from desktop_app.domain.money import format_eur
from desktop_app.domain.workbook import (
    CELL_ERRORS,
    CONTRACTS,
    HOUSEHOLDS,
    MAX_CENTS,
    MOVEMENT_TYPE,
    MOVEMENTS,
    PERSONS,
    PROGRAMMES,
    RATES,
    SHEETS,
    Column,
    RawValue,
    WorkbookIssue,
    clean_text,
    heading_key,
    is_cell_error,
    match_headings,
    parse_sheet,
    read_amount,
    read_cell,
    read_date,
    read_int,
    read_month,
    spec_named,
)

DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
PERSON_HEADINGS = ("Référence ménage", "Nom", "Prénom", "Date de naissance", "Sexe", "Lien")


def cell(kind: str, value: RawValue, vocabulary: v.Vocabulary | None = None) -> object:
    """The typed value of a cell (asserting it is read without a problem)."""
    column = Column("x", "X", kind, vocabulary=vocabulary)  # type: ignore[arg-type]
    typed, problem = read_cell(column, value)
    assert problem is None, problem
    return typed


def problem_of(kind: str, value: RawValue, vocabulary: v.Vocabulary | None = None) -> str | None:
    column = Column("x", "X", kind, vocabulary=vocabulary)  # type: ignore[arg-type]
    return read_cell(column, value)[1]


# ------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("17/05/1980", date(1980, 5, 17)),
        ("1980-05-17", date(1980, 5, 17)),
        ("\u00a017/05/1980\u202f", date(1980, 5, 17)),  # non-breaking spaces around
        ("  17/05/1980 ", date(1980, 5, 17)),
        ("2026-05-17 10:30:00", date(2026, 5, 17)),  # a timestamp typed as text
        (45000, date(2023, 3, 15)),  # an Excel serial date
        (45000.75, date(2023, 3, 15)),  # a serial date-time
        (datetime(2026, 1, 2, 9, 30), date(2026, 1, 2)),
        (date(2026, 1, 2), date(2026, 1, 2)),
        (None, None),
        ("   ", None),
    ],
)
def test_dates_excel_and_text(raw: RawValue, expected: date | None) -> None:
    assert read_date(raw) == expected


@pytest.mark.parametrize(
    "raw", ["31/02/2025", "29/02/2025", "2025-13-01", "17.05.1980", "demain", True, 0, -5, 1e12]
)
def test_impossible_dates_are_refused(raw: RawValue) -> None:
    assert read_date(raw) is False
    assert problem_of("date", raw) == "import.date_invalid"


def test_31_february_names_the_value_in_french() -> None:
    parsed = parse_sheet(PERSONS, PERSON_HEADINGS, [(2, ("M-1", "Durand", "Amina", "31/02/2025"))])
    (issue,) = parsed.issues
    assert (issue.sheet, issue.row, issue.column, issue.code) == (
        "Personnes",
        2,
        "Date de naissance",
        "import.date_invalid",
    )
    assert message(issue.code, **issue.params).startswith("« 31/02/2025 » n'est pas une date")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-06", date(2026, 6, 1)),
        ("06/2026", date(2026, 6, 1)),
        ("15/06/2026", date(2026, 6, 1)),
        (date(2026, 6, 15), date(2026, 6, 1)),
        (46188.0, date(2026, 6, 15).replace(day=1)),
    ],
)
def test_months(raw: RawValue, expected: date) -> None:
    assert read_month(raw) == expected


@pytest.mark.parametrize("raw", ["2026-13", "13/2026", "juin", True])
def test_impossible_months(raw: RawValue) -> None:
    assert read_month(raw) is False


# ---------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1 234,56", 123_456),
        ("1\u00a0234,56", 123_456),
        ("1\u202f234,56 €", 123_456),
        ("1234.5", 123_450),
        ("12", 1_200),
        (12, 1_200),
        (12.3, 1_230),
        (0.1 + 0.2, 30),
        (1234.56, 123_456),
    ],
)
def test_amounts(raw: RawValue, expected: int) -> None:
    assert read_amount(raw) == expected


@pytest.mark.parametrize(
    "raw", ["12,3,4", "1.234,5.6", "abc", "12,345", 12.345, True, date(2026, 1, 1), 1e12]
)
def test_unreadable_amounts(raw: RawValue) -> None:
    assert read_amount(raw) is False
    assert problem_of("amount", raw) == "import.amount_invalid"


def test_amount_12_3_4_is_explained_in_french() -> None:
    text = message("import.amount_invalid", value="12,3,4")
    assert text == "« 12,3,4 » n'est pas un montant valide (par exemple 1 234,56)."


@pytest.mark.parametrize("raw", ["-12", "-1 234,56", -5, -0.5])
def test_negative_amounts_are_refused_the_type_gives_the_direction(raw: RawValue) -> None:
    assert problem_of("amount", raw) == "import.amount_negative"


def test_absurd_amounts_are_refused() -> None:
    assert read_amount(MAX_CENTS // 100) is False
    assert read_amount("9" * 30) is False
    assert read_amount(float("inf")) is False
    assert read_amount(float("nan")) is False


@given(st.integers(min_value=0, max_value=MAX_CENTS - 1))
def test_an_amount_written_as_euros_reads_back_to_its_cents(cents: int) -> None:
    assert read_amount(cents / 100) == cents
    assert read_amount(format_eur(cents)) == cents  # 1 234,56 € with narrow no-break spaces
    euros, rest = divmod(cents, 100)
    assert read_amount(f"{euros},{rest:02d}") == cents


# ------------------------------------------------------------------------ whole numbers


def test_whole_numbers() -> None:
    assert read_int("12") == 12
    assert read_int(" +3 ") == 3
    assert read_int(12.0) == 12
    assert read_int(12.5) is False
    assert read_int("douze") is False
    assert read_int(10**12) is False
    assert read_int(True) is False
    assert problem_of("int", "1,5") == "import.int_invalid"


# ------------------------------------------------------------------ labels and synonyms


@pytest.mark.parametrize(
    ("vocabulary", "typed", "code"),
    [
        (v.SEX, "M", "h"),
        (v.SEX, "Homme", "h"),
        (v.SEX, "masculin", "h"),
        (v.SEX, "H", "h"),
        (v.SEX, "Femme", "f"),
        (v.SEX, "X", "unknown"),
        (v.TYPOLOGY, "F1", "t1"),
        (v.TYPOLOGY, "F2", "t2"),
        (v.TYPOLOGY, "F3", "t3"),
        (v.TYPOLOGY, "F4", "t4"),
        (v.TYPOLOGY, "F5", "t5plus"),
        (v.TYPOLOGY, "T1 bis", "t1bis"),
        (v.SECTOR, "HLM", "social"),
        (v.SECTOR, "Public", "social"),
        (v.SECTOR, "privé", "private"),
        (v.MEMBER_ROLE, "Conjoint", "partner"),
        (v.MEMBER_ROLE, "Conjointe", "partner"),
        (v.MEMBER_ROLE, "Concubin·e", "partner"),
        (v.MEMBER_ROLE, "Partenaire", "partner"),
        (v.MEMBER_ROLE, "conjoint·e", "partner"),
        (MOVEMENT_TYPE, "Appel", "call"),
        (MOVEMENT_TYPE, "Régularisation (débit)", "adjustment_debit"),
        (MOVEMENT_TYPE, "AL", "housing_benefit"),
    ],
)
def test_labels_accept_their_synonyms(vocabulary: v.Vocabulary, typed: str, code: str) -> None:
    assert cell("label", typed, vocabulary) == code


@pytest.mark.parametrize("dash", DASHES)
def test_labels_accept_every_dash_case_accents_and_stray_spaces(dash: str) -> None:
    for typed in (
        f"IML {dash} sous{dash}location",
        f"  iml\u00a0{dash}  SOUS{dash}LOCATION ",
    ):
        assert cell("label", typed, v.PROGRAMME_KIND) == "iml_sublease"
    assert cell("label", f"Effacement {dash} surendettement", MOVEMENT_TYPE) == "debt_erased"


def test_an_unknown_label_names_the_value_and_column() -> None:
    parsed = parse_sheet(PERSONS, PERSON_HEADINGS, [(7, ("M-1", "Durand", "Amina", None, "Z"))])
    (issue,) = parsed.issues
    assert (issue.row, issue.column, issue.code) == (7, "Sexe", "import.label_unknown")
    assert message(issue.code, **issue.params) == (
        "« Z » n'est pas une valeur connue de la colonne « Sexe » (voir la feuille Notice)."
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Oui", True), ("non", False), ("O", True), ("N", False), (True, True), (False, False)],
)
def test_yes_no(raw: RawValue, expected: bool) -> None:
    assert cell("bool", raw) is expected
    assert cell("bool", 1.0) is True


def test_yes_no_refuses_anything_else() -> None:
    assert problem_of("bool", "peut-être") == "import.yes_no_invalid"


# --------------------------------------------------------------------------------- text


def test_text_is_cleaned_of_stray_and_non_breaking_spaces() -> None:
    assert clean_text("  Jean\u00a0\u00a0 Pierre\u202f\t") == "Jean Pierre"
    assert clean_text("\u200b\ufeff ") is None
    assert clean_text(612345678.0) == "612345678"
    assert clean_text(1.5) == "1.5"
    assert clean_text(True) == "Oui"
    assert clean_text(datetime(2026, 1, 2)) == "2026-01-02"


def test_text_longer_than_its_column_is_an_error_never_truncated() -> None:
    phone = PERSONS.column("phone")
    assert read_cell(phone, "0" * 31) == (None, "import.text_too_long")
    assert read_cell(phone, "0" * 30) == ("0" * 30, None)


# ---------------------------------------------------------------------- formula errors


@pytest.mark.parametrize("error", sorted(CELL_ERRORS))
def test_a_formula_error_is_refused_in_every_kind_of_column(error: str) -> None:
    assert is_cell_error(error)
    for kind, vocabulary in (
        ("text", None),
        ("date", None),
        ("month", None),
        ("amount", None),
        ("int", None),
        ("bool", None),
        ("label", v.SEX),
    ):
        assert problem_of(kind, error, vocabulary) == "import.cell_error", kind


def test_a_formula_error_row_names_the_cell() -> None:
    parsed = parse_sheet(PERSONS, PERSON_HEADINGS, [(4, ("M-1", "#REF!", "Amina"))])
    (issue,) = parsed.issues
    assert (issue.row, issue.column, issue.code, issue.blocking) == (
        4,
        "Nom",
        "import.cell_error",
        True,
    )
    assert "« #REF! »" in message(issue.code, **issue.params)
    assert not is_cell_error("#hashtag")
    assert not is_cell_error(404)


# ------------------------------------------------------------------------------ headings


def test_headings_ignore_case_accents_stars_and_spaces() -> None:
    positions, issues = match_headings(
        PERSONS, ["  reference MENAGE * ", "nom*", "PRENOM", None, "Date  de naissance"]
    )
    assert positions == {"household": 0, "last_name": 1, "first_name": 2, "birth_date": 4}
    assert issues == []
    assert heading_key("Référence ménage *") == heading_key("reference menage")


def test_tiers_payant_heading_alias() -> None:
    headings = ["Référence ménage", "Référence logement", "Début du contrat"]
    for third_party in ("Tiers payant", "APL versée à l'association", "apl versee a l'association"):
        positions, issues = match_headings(RATES, [*headings, "Date d'effet", "Loyer", third_party])
        assert issues == []
        assert positions["third_party_payment"] == 5


def test_required_columns_missing_block_the_sheet_on_its_heading_row() -> None:
    parsed = parse_sheet(PERSONS, ["Nom", "Prénom"], [(4, ("Durand", "Amina"))], heading_row=3)
    assert parsed.rows == ()
    assert parsed.issues == (
        WorkbookIssue(
            "Personnes",
            3,
            "Référence ménage",
            "import.column_missing",
            {"column": "Référence ménage"},
        ),
    )


def test_a_repeated_column_blocks_the_sheet() -> None:
    parsed = parse_sheet(PROGRAMMES, ["Nom", "Type", "nom"], [(2, ("A", "AVDL", "B"))])
    assert [(i.code, i.column, i.blocking) for i in parsed.issues] == [
        ("import.column_repeated", "nom", True)
    ]
    assert parsed.rows == ()


def test_an_unknown_column_is_a_warning_and_is_ignored() -> None:
    parsed = parse_sheet(
        PROGRAMMES, ["Nom", "Remarques", "Type"], [(2, ("IML", "à revoir", "AVDL"))]
    )
    (issue,) = parsed.issues
    assert (issue.code, issue.column, issue.blocking, issue.row) == (
        "import.column_unknown",
        "Remarques",
        False,
        1,
    )
    # only the columns present are in the values: an absent column is not an empty one
    assert [row.values for row in parsed.rows] == [{"name": "IML", "kind": "avdl"}]


# --------------------------------------------------------------------------- parse_sheet


def test_blank_rows_are_skipped_and_rows_keep_their_excel_numbers() -> None:
    rows: list[tuple[int, Sequence[RawValue]]] = [
        (2, ("M-1", "Durand", "Amina", "12/07/1988", "Femme", "Personne de référence")),
        (3, ()),
        (4, (None, "  ", "\u00a0")),
        (5, ("M-1", "Durand", "Léo", 43831.0, "M", "Enfant")),
        (6, ("M-2", None, "Zoé")),
    ]
    parsed = parse_sheet(PERSONS, PERSON_HEADINGS, rows)
    assert [row.number for row in parsed.rows] == [2, 5, 6]
    first, second, third = parsed.rows
    assert first.values["birth_date"] == date(1988, 7, 12)
    assert (first.values["sex"], first.values["role"]) == ("f", "head")
    assert second.day("birth_date") == date(2020, 1, 1)
    assert (second.text("first_name"), second.values["sex"]) == ("Léo", "h")
    assert third.text("last_name") is None
    (issue,) = parsed.issues
    assert (issue.row, issue.column, issue.code) == (6, "Nom", "import.value_required")


def test_a_movement_row_is_typed() -> None:
    headings = [column.heading for column in MOVEMENTS.columns]
    values: list[RawValue] = [
        "MVT-1",
        "M-1",
        "LOG-1",
        "05/04/2025",
        "2025-04",
        "Paiement ménage",
        None,
        "1 234,56",
        None,
        None,
        None,
    ]
    parsed = parse_sheet(MOVEMENTS, headings, [(2, values)])
    assert parsed.issues == ()
    (row,) = parsed.rows
    assert row.values["posted_on"] == date(2025, 4, 5)
    assert row.values["period_month"] == date(2025, 4, 1)
    assert row.values["type"] == "household_payment"
    assert row.cents("amount") == 123_456


def test_contract_rates_and_booleans() -> None:
    headings = ["Référence ménage", "Référence logement", "Type", "Début", "Loyer", "Tiers payant"]
    parsed = parse_sheet(
        CONTRACTS, headings, [(2, ("M-1", "L-1", "Sous-location", 45731, 450.0, "oui"))]
    )
    assert parsed.issues == ()
    (row,) = parsed.rows
    assert row.values["kind"] == "sublease"
    assert row.values["rent"] == 45_000
    assert row.values["third_party_payment"] is True
    assert row.day("start") == date(2025, 3, 15)


def test_sheets_are_found_by_name_whatever_the_spelling() -> None:
    assert spec_named("menages") is HOUSEHOLDS
    assert spec_named(" STATUT  apl ") is spec_named("Statut APL")
    assert spec_named("Notice") is None
    assert [spec.name for spec in SHEETS][:3] == ["Dispositifs", "Ménages", "Personnes"]
