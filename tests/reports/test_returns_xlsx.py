"""The Excel return (issue 10 point 2), read back with openpyxl and recomputed by LibreOffice."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain import vocabulary as v
from desktop_app.domain.counting import PRESENT_ON_15TH, PRORATA_DAYS, STARTED_MONTH
from desktop_app.domain.definitions import SCOPES
from desktop_app.domain.figures import (
    CATALOGUE,
    DECIMALS,
    RETURNS,
    UNIT_LABELS,
    Figure,
    Group,
    Number,
    Report,
    blocks_of,
    codes_of,
    groups_of,
)
from desktop_app.reports.xlsx.returns import (
    BLOCK_HEADER_ROW,
    BLOCK_HEADERS,
    DATA_HEADERS,
    DATE_FORMAT,
    EURO_FORMAT,
    cell_number,
    dimension_label,
    render_return,
    sheet_title,
)
from tests.reports.returns_sample import (
    CHECK_LABELS,
    FINDINGS,
    HOUSEHOLD_IDS,
    HOUSEHOLD_NAMES,
    HOUSEHOLD_REFERENCES,
    MADE_ON,
    sample_report,
)

KINDS = list(RETURNS)
FORMATS = {"count": "0", "rate": "0.0", "days": "0.0", "months": "0.0", "fte": "0.00"}


def load(data: bytes, *, data_only: bool = False) -> Workbook:
    return openpyxl.load_workbook(BytesIO(data), data_only=data_only)


def sheet(workbook: Workbook, name: str) -> Worksheet:
    found = workbook[name]
    assert isinstance(found, Worksheet)
    return found


def rows(ws: Worksheet) -> list[tuple[object, ...]]:
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def expected(report: Report, code: str) -> int | float | None:
    """The value a cell must hold: exact Decimal rounded half-up to its unit's decimals."""
    value = report.value(code)
    if value is None:
        return None
    decimals = DECIMALS[CATALOGUE[code].unit]
    return round(float(value), decimals) if decimals else int(value)


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {
        kind: render_return(sample_report(kind), forced=True, check_labels=CHECK_LABELS)
        for kind in KINDS
    }


def group_rows(ws: Worksheet, groups: tuple[Group, ...]) -> Iterator[tuple[Group, int, int]]:
    """Each group of a block sheet: its first and last value rows (a scalar: its only row)."""
    titles = [ws.cell(line, 1).value for line in range(1, ws.max_row + 1)]
    cursor = BLOCK_HEADER_ROW
    for group in groups:
        line = titles.index(group.title, cursor) + 1
        if len(group.codes) == 1 and not group.total:
            yield group, line, line
        else:
            yield group, line + 1, line + len(group.codes)
        cursor = line


# ------------------------------------------------------------------------------- sheets


@pytest.mark.parametrize("kind", KINDS)
def test_the_sheets_are_summary_blocks_definitions_controls_data(
    files: dict[str, bytes], kind: str
) -> None:
    workbook = load(files[kind])
    blocks = [block.title for block in blocks_of(kind)]
    assert workbook.sheetnames == ["Synthèse", *blocks, "Définitions", "Contrôles", "Données"]
    assert all(len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name) for name in blocks)


def test_a_sheet_title_is_cut_and_cleaned() -> None:
    assert sheet_title("Logements / places [IML]: état?") == "Logements - places -IML-- état-"
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("'Vie de la pension'") == "Vie de la pension"


@pytest.mark.parametrize("kind", KINDS)
def test_every_code_is_once_in_donnees_with_its_value_unit_and_format(
    files: dict[str, bytes], kind: str
) -> None:
    report = sample_report(kind)
    ws = sheet(load(files[kind]), "Données")
    table = rows(ws)
    assert table[0] == DATA_HEADERS
    assert [row[0] for row in table[1:]] == list(codes_of(kind))
    for line, (code, label, value, unit) in enumerate(table[1:], start=2):
        entry = CATALOGUE[str(code)]
        assert label == entry.label
        assert value == expected(report, entry.code), code
        assert unit == UNIT_LABELS[entry.unit]
        number_format = ws.cell(line, 3).number_format
        assert number_format == (EURO_FORMAT if entry.unit == "eur" else FORMATS[entry.unit])
        if entry.unit == "count":
            assert type(value) is int  # counts are integers, zeros included
    assert ws.freeze_panes == "A2"


def test_empty_denominators_are_empty_cells_and_zeros_are_written(
    files: dict[str, bytes],
) -> None:
    data = {row[0]: row[2] for row in rows(sheet(load(files["fnavdl"]), "Données"))}
    assert data["delay_first_contact.mean_days"] is None
    assert data["delay_orientation_entry.mean_days"] is None
    assert data["arrears.at_exit"] == 0
    assert data["arrears.total_eur"] == 2345.67
    assert data["measure_months"] == 151.3


@pytest.mark.parametrize("kind", KINDS)
def test_block_sheets_hold_every_code_label_and_value(files: dict[str, bytes], kind: str) -> None:
    report = sample_report(kind)
    workbook = load(files[kind])
    seen: list[str] = []
    for block in blocks_of(kind):
        ws = sheet(workbook, block.title)
        assert [ws.cell(BLOCK_HEADER_ROW, c).value for c in (1, 2, 3)] == list(BLOCK_HEADERS)
        assert ws.freeze_panes == f"A{BLOCK_HEADER_ROW + 1}"
        groups = tuple(g for g in groups_of(kind) if g.block == block.key)
        for group, first, last in group_rows(ws, groups):
            for line, code in zip(range(first, last + 1), group.codes, strict=True):
                label = group.title if first == last else dimension_label(group, code)
                assert ws.cell(line, 1).value == label
                assert ws.cell(line, 2).value == expected(report, code.code), code.code
                assert ws.cell(line, 3).value == UNIT_LABELS[code.unit]
                wanted = EURO_FORMAT if code.unit == "eur" else FORMATS[code.unit]
                assert ws.cell(line, 2).number_format == wanted
                seen.append(code.code)
    assert sorted(seen) == sorted(codes_of(kind))


@pytest.mark.parametrize("kind", KINDS)
def test_a_total_row_is_a_live_sum_over_its_group(files: dict[str, bytes], kind: str) -> None:
    report = sample_report(kind)
    workbook = load(files[kind])
    totals = 0
    for block in blocks_of(kind):
        ws = sheet(workbook, block.title)
        groups = tuple(g for g in groups_of(kind) if g.block == block.key)
        for group, first, last in group_rows(ws, groups):
            below = ws.cell(last + 1, 1).value
            if not group.total:
                assert below != "Total"
                continue
            totals += 1
            assert below == "Total"
            assert ws.cell(last + 1, 2).value == f"=SUM(B{first}:B{last})"
            assert ws.cell(last + 1, 2).data_type == "f"  # a live formula, not text
            assert ws.cell(last + 1, 2).number_format == "0"
            cells = [ws.cell(line, 2).value for line in range(first, last + 1)]
            assert all(isinstance(value, int) for value in cells)
            summed = sum(value for value in cells if isinstance(value, int))
            values = [report.value(code.code) for code in group.codes]
            assert summed == sum(value or 0 for value in values)
    assert totals == sum(1 for group in groups_of(kind) if group.total)


def test_a_grid_of_every_programme_writes_every_code() -> None:
    figures = tuple(
        Figure(code, 1 if CATALOGUE[code].unit == "count" else None) for code in CATALOGUE
    )
    report = dataclasses.replace(sample_report("fnavdl"), kind="all", figures=figures)
    workbook = load(render_return(report))
    assert workbook.sheetnames[1:-3] == [
        "Public accompagné",
        "Entrées et sorties",
        "Mesures d'accompagnement",
        "Logements et places",
        "Admissions et relogement",
        "Impayés",
        "Vie de la pension",
        "Enquête ES-DS",
    ]
    codes = [row[0] for row in rows(sheet(workbook, "Données"))[1:]]
    assert codes == list(CATALOGUE)
    assert "Tous les dispositifs de l'association." in str(rows(sheet(workbook, "Définitions")))


# ------------------------------------------------------------------------ what leaves


def every_cell(workbook: Workbook) -> Iterator[Cell]:
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell, Cell) and cell.value is not None:
                    yield cell


@pytest.mark.parametrize("kind", KINDS)
def test_no_household_reference_id_or_name_leaves_in_the_file(
    files: dict[str, bytes], kind: str
) -> None:
    workbook = load(files[kind])
    secrets = (*HOUSEHOLD_REFERENCES, *HOUSEHOLD_NAMES, *(str(i) for i in HOUSEHOLD_IDS))
    for cell in every_cell(workbook):
        if isinstance(cell.value, str):
            assert not any(secret in cell.value for secret in secrets), cell.coordinate
        else:
            assert cell.value not in HOUSEHOLD_IDS, cell.coordinate
    # Nor anywhere else in the package (headers, properties, shared strings…).
    archive = zipfile.ZipFile(BytesIO(files[kind]))
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8")
        assert not any(secret in text for secret in secrets), name
        details = [finding.detail for finding in FINDINGS]
        assert not any(detail in text for detail in details), name


def test_text_that_looks_like_a_formula_stays_text() -> None:
    report = dataclasses.replace(
        sample_report("pension"),
        organisation='=HYPERLINK("http://x")',
        programmes=("+Pension", "@Dispositif"),
    )
    workbook = load(render_return(report))
    summary = sheet(workbook, "Synthèse")
    values = {str(row[0]): row[1] for row in rows(summary) if row[0]}
    assert values["Association"] == '=HYPERLINK("http://x")'
    assert summary.cell(3, 2).data_type == "s"
    formulas = [str(cell.value) for cell in every_cell(workbook) if cell.data_type == "f"]
    assert formulas
    assert all(re.fullmatch(r"=SUM\(B\d+:B\d+\)", formula) for formula in formulas)


# ------------------------------------------------------------- summary, definitions


def test_the_summary_says_who_when_what_and_how_many_findings(files: dict[str, bytes]) -> None:
    workbook = load(files["iml"])
    summary = sheet(workbook, "Synthèse")
    table = rows(summary)
    assert table[0][0] == "Bilan de l'intermédiation locative"
    values = {str(row[0]): row[1] for row in table if row[0]}
    assert values["Association"] == "Association Le Seuil d'Or"
    assert values["SIRET"] == "12345678900011"
    assert values["Période"] == "du 01/01/2025 au 31/12/2025"
    assert values["Premier jour"] == datetime(2025, 1, 1)
    assert values["Dernier jour"] == datetime(2025, 12, 31)
    assert values["Établi le"] == datetime(2026, 1, 15)
    assert values["Dispositifs du périmètre"] == "IML Mandat Nord"
    assert (None, "IML Sous-location Centre") in table
    assert values["Paramètres appliqués"] == "DDETS du Rhône"
    assert values["Anomalies bloquantes"] == 2
    assert values["Avertissements"] == 3
    assert values["Produit malgré des anomalies bloquantes"] == "Oui"
    dates = [cell for cell in every_cell(workbook) if isinstance(cell.value, datetime)]
    assert len(dates) == 3
    assert {cell.number_format for cell in dates} == {DATE_FORMAT}
    unforced = rows(sheet(load(render_return(sample_report("iml"))), "Synthèse"))
    assert ("Produit malgré des anomalies bloquantes", "Non") in unforced


@pytest.mark.parametrize(
    ("method", "name"),
    [
        (PRORATA_DAYS, "Prorata des jours"),
        (STARTED_MONTH, "Mois commencé"),
        (PRESENT_ON_15TH, "Présent le 15"),
    ],
)
def test_definitions_name_the_measure_month_method_in_french(method: str, name: str) -> None:
    report = dataclasses.replace(sample_report("fnavdl"), method=method)
    table = rows(sheet(load(render_return(report)), "Définitions"))
    (line,) = [row for row in table if row[0] == "Méthode des mois-mesures"]
    assert str(line[1]).startswith(f"{name} : ")


@pytest.mark.parametrize("kind", KINDS)
def test_definitions_give_the_rules_scope_permanent_housing_and_every_group(
    files: dict[str, bytes], kind: str
) -> None:
    table = rows(sheet(load(files[kind]), "Définitions"))
    definitions = {str(row[0]): row[1] for row in table if row[0]}
    assert definitions["Périmètre"] == SCOPES[kind]
    assert definitions["Période"] == "Du 01/01/2025 au 31/12/2025, les deux jours inclus."
    for rule in ("Intervalles", "Arrondis", "Dénominateur vide"):
        assert definitions[rule]
    assert "inclusifs" in str(definitions["Intervalles"])
    assert "vide" in str(definitions["Dénominateur vide"])
    start = next(i for i, row in enumerate(table) if row[0] == "Logement pérenne")
    permanent = [row[1] for row in table[start : start + 4]]
    assert permanent == [
        v.DESTINATION.label(code)
        for code in ("social_housing", "private_housing", "slid", "supported_housing")
    ]
    for group in groups_of(kind):
        assert (group.title, group.definition) in [(row[0], row[1]) for row in table]


# --------------------------------------------------------------------------- Contrôles


def controls(data: bytes) -> tuple[dict[str, tuple[object, ...]], list[tuple[object, ...]]]:
    table = rows(sheet(load(data), "Contrôles"))
    split = next(i for i, row in enumerate(table) if str(row[0]).startswith("Qualité"))
    rules = {str(row[0]): row[1:] for row in table[3:split] if row[0]}
    return rules, [row for row in table[split + 2 :] if row[0]]


@pytest.mark.parametrize("kind", KINDS)
def test_controls_list_every_consistency_rule_and_counts_findings_per_check(
    files: dict[str, bytes], kind: str
) -> None:
    rules, quality = controls(files[kind])
    report = sample_report(kind)
    assert list(rules) == [result.rule.label for result in report.checks]
    assert {result[2] for result in rules.values()} == {"Conforme"}
    assert rules["Présents au début + entrées − sorties = présents à la fin"][:2] == (21, 21)
    assert quality == [
        ("Séjour terminé sans motif de sortie", 2, "Bloquant", None),
        ("Mesure sans revue depuis plus de 6 mois", 1, "Avertissement", None),
        ("Personne sans date de naissance", 2, "Avertissement", None),
    ]


def test_a_gap_and_an_empty_value_are_shown_and_a_check_without_label_keeps_its_code() -> None:
    report = sample_report("iml")
    changed = {"households.stock_end": 20, "occupancy_rate": None}
    figures = tuple(
        dataclasses.replace(f, value=changed[f.code]) if f.code in changed else f
        for f in report.figures
    )
    rules, quality = controls(render_return(dataclasses.replace(report, figures=figures)))
    assert rules["Présents au début + entrées − sorties = présents à la fin"] == (
        21,
        20,
        "Écart",
    )
    assert rules["Taux d'occupation (places) entre 0 et 100"] == (
        None,
        "entre 0 et 100",
        "Non évalué",
    )
    assert rules["Taux d'occupation (logements) entre 0 et 100"] == (
        92.1,
        "entre 0 et 100",
        "Conforme",
    )
    assert ("stay_without_exit_reason", 2, "Bloquant", None) in quality
    clean = dataclasses.replace(report, findings=())
    assert controls(render_return(clean))[1] == [("Aucune anomalie relevée", None, None, None)]


# ------------------------------------------------------------------- printing, bytes


@pytest.mark.parametrize("kind", KINDS)
def test_every_sheet_prints_fitted_to_width_with_title_and_page_numbers(
    files: dict[str, bytes], kind: str
) -> None:
    workbook = load(files[kind])
    for ws in workbook.worksheets:
        assert ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr is not None
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.orientation in ("portrait", "landscape")
        assert ws.oddHeader.center.text == sample_report(kind).title
        assert ws.oddFooter.right.text == "Page &P / &N"
        assert ws.column_dimensions["A"].width >= 30
    for block in blocks_of(kind):
        assert sheet(workbook, block.title).print_title_rows == f"$1:${BLOCK_HEADER_ROW}"
    assert sheet(workbook, "Données").page_setup.orientation == "landscape"
    assert sheet(workbook, "Données").print_title_rows == "$1:$1"


def test_an_ampersand_in_the_page_header_is_escaped() -> None:
    report = dataclasses.replace(sample_report("pension"), organisation="Habitat & Partage")
    ws = sheet(load(render_return(report)), "Synthèse")
    assert ws.oddHeader.left.text == "Habitat && Partage"
    assert ws.cell(3, 2).value == "Habitat & Partage"


def test_the_same_report_gives_the_same_bytes_dated_by_made_on(files: dict[str, bytes]) -> None:
    again = render_return(sample_report("fnavdl"), forced=True, check_labels=CHECK_LABELS)
    assert again == files["fnavdl"]
    properties = load(again).properties
    assert properties.created == datetime.combine(MADE_ON, datetime.min.time())
    assert properties.modified == properties.created
    archive = zipfile.ZipFile(BytesIO(again))
    assert {info.date_time for info in archive.infolist()} == {(2026, 1, 15, 0, 0, 0)}
    later = dataclasses.replace(sample_report("fnavdl"), made_on=date(2026, 2, 1))
    assert render_return(later, forced=True, check_labels=CHECK_LABELS) != again


@pytest.mark.parametrize(
    ("value", "unit", "cell"),
    [
        (Decimal("0.05"), "rate", 0.1),
        (Decimal("87.45"), "rate", 87.5),
        (Decimal("2.345"), "eur", 2.35),
        (Decimal("1.005"), "fte", 1.01),
        (12, "count", 12),
        (0, "count", 0),
        (None, "rate", None),
    ],
)
def test_values_are_rounded_half_up_at_the_cell(
    value: Number | None, unit: str, cell: object
) -> None:
    assert cell_number(value, unit) == cell
    assert type(cell_number(value, unit)) is type(cell)


# ---------------------------------------------------------------------------- LibreOffice


@pytest.fixture(scope="module")
def recomputed(
    files: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI") == "true":  # CI must open every return with LibreOffice
            pytest.fail("LibreOffice (soffice) is not installed (required when CI=true)")
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("returns")
    out = folder / "out"
    sources = []
    for kind, data in files.items():
        source = folder / f"{kind}.xlsx"
        source.write_bytes(data)
        sources.append(str(source))
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *sources,
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return {kind: out / f"{kind}.xlsx" for kind in files}


@pytest.mark.slow
@pytest.mark.parametrize("kind", KINDS)
def test_libreoffice_reads_the_same_values_and_computes_every_total(
    recomputed: dict[str, Path], kind: str
) -> None:
    report = sample_report(kind)
    workbook = openpyxl.load_workbook(recomputed[kind], data_only=True)
    data = rows(sheet(workbook, "Données"))
    assert [row[0] for row in data[1:]] == list(codes_of(kind))
    for code, _label, value, _unit in data[1:]:
        assert value == pytest.approx(expected(report, str(code))), code
    totals = 0
    for block in blocks_of(kind):
        ws = sheet(workbook, block.title)
        groups = tuple(g for g in groups_of(kind) if g.block == block.key)
        for group, _first, last in group_rows(ws, groups):
            if group.total:
                totals += 1
                assert ws.cell(last + 1, 1).value == "Total"
                total = ws.cell(last + 1, 2).value
                assert total == sum(report.value(c.code) or 0 for c in group.codes), group.base
    assert totals == sum(1 for group in groups_of(kind) if group.total)
