"""Placeholders of a funder's grid: the ``{{…}}`` syntax and the check against the catalogue."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.errors import KnownError
from desktop_app.domain.figures import CATALOGUE, codes_of
from desktop_app.domain.grid import (
    DATE_SPECIALS,
    SPECIALS,
    GridIssue,
    Reference,
    check_reference,
    located,
    nearest_codes,
    parse_reference,
    placeholder_text,
)
from desktop_app.domain.messages import MESSAGES


@pytest.mark.parametrize(
    ("value", "inside"),
    [
        ("{{households}}", "households"),
        ("{{ households.entries }}", "households.entries"),
        ("  {{iml:occupancy_rate}}\n", "iml:occupancy_rate"),
        ("{{}}", ""),
        ("{{ }}", ""),
    ],
)
def test_a_whole_cell_in_double_braces_is_a_placeholder(value: str, inside: str) -> None:
    assert placeholder_text(value) == inside


@pytest.mark.parametrize(
    "value",
    ["households", "{households}", "Total : {{households}}", "{{a}}{{b}}", "{{a}", "{{{a}}}"],
)
def test_anything_else_is_plain_text(value: str) -> None:
    assert placeholder_text(value) is None


@pytest.mark.parametrize("special", SPECIALS)
def test_specials(special: str) -> None:
    assert parse_reference(special) == Reference(text=special, special=special)
    assert parse_reference(f"  {special.upper()} ").special == special


def test_date_specials_are_the_dates() -> None:
    assert {"period.start", "period.end", "today"} == DATE_SPECIALS < set(SPECIALS)
    assert set(SPECIALS) - DATE_SPECIALS == {"association.name", "association.siret"}


def test_a_bare_code() -> None:
    assert parse_reference("households.entries") == Reference(
        text="households.entries", code="households.entries"
    )


def test_a_code_with_its_return_and_spaces_around_the_parts() -> None:
    ref = parse_reference(" IML : occupancy_rate ")
    assert (ref.kind, ref.code, ref.programme, ref.on) == ("iml", "occupancy_rate", None, None)
    assert ref.text == "IML : occupancy_rate"


def test_programme_filter_keeps_accents_and_inner_spaces() -> None:
    ref = parse_reference("households.entries | programme = Résidence « Les Écrins »  ")
    assert ref.programme == "Résidence « Les Écrins »"
    assert ref.code == "households.entries"
    assert ref.kind is None


def test_programme_names_are_compared_in_composed_form() -> None:
    decomposed = "Re\u0301sidence du Cha\u0302teau"
    ref = parse_reference(f"households|programme={decomposed}")
    assert ref.programme == "Résidence du Château"


@pytest.mark.parametrize("written", ["2026-12-31", "31/12/2026", " 31/12/2026 "])
def test_on_filter_reads_both_date_forms(written: str) -> None:
    ref = parse_reference(f"pension:esds.present.persons|on={written}")
    assert ref.on == date(2026, 12, 31)
    assert ref.kind == "pension"


def test_every_option_together() -> None:
    ref = parse_reference("pension:esds.present.f|programme=Pension Les Tilleuls|on=2026-06-30")
    assert ref == Reference(
        text="pension:esds.present.f|programme=Pension Les Tilleuls|on=2026-06-30",
        code="esds.present.f",
        kind="pension",
        programme="Pension Les Tilleuls",
        on=date(2026, 6, 30),
    )


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", "grid.empty", {}),
        ("   ", "grid.empty", {}),
        ("esds:households", "grid.unknown_return", {"kind": "esds"}),
        ("caf:households", "grid.unknown_return", {"kind": "caf"}),
        ("iml:today", "grid.special_options", {"special": "today"}),
        ("period.end|programme=IML Lyon", "grid.special_options", {"special": "period.end"}),
        ("house holds", "grid.bad_syntax", {}),
        ("households..entries", "grid.bad_syntax", {}),
        ("households entries", "grid.bad_syntax", {}),
        ("households|", "grid.bad_syntax", {}),
        ("iml:", "grid.bad_syntax", {}),
        ("households|dispositif=IML Lyon", "grid.unknown_filter", {"key": "dispositif"}),
        ("households|programme", "grid.unknown_filter", {"key": "programme"}),
        ("households|programme=A|programme=B", "grid.duplicate_filter", {"key": "programme"}),
        ("households|programme=  ", "grid.empty_filter", {"key": "programme"}),
        ("esds.present.persons|on=31/02/2026", "grid.bad_date", {"value": "31/02/2026"}),
        ("esds.present.persons|on=fin d'année", "grid.bad_date", {"value": "fin d'année"}),
    ],
)
def test_bad_placeholders_raise_a_grid_issue(
    text: str, code: str, params: dict[str, object]
) -> None:
    with pytest.raises(GridIssue) as raised:
        parse_reference(text)
    issue = raised.value
    assert issue.code == code
    assert params.items() <= issue.params.items()
    assert code in MESSAGES
    assert issue.text == str(issue)
    assert issue.text.startswith("Balise")


def test_a_grid_issue_is_a_refusal_with_its_french_text() -> None:
    issue = GridIssue("grid.unknown_filter", {"text": "households|x=1", "key": "x"})
    assert isinstance(issue, KnownError)
    assert issue.exit_code == 3
    assert issue.text == (
        "Balise {{households|x=1}} : filtre « x » inconnu (filtres possibles : programme=, on=)."
    )


@given(st.text(max_size=60))
def test_any_text_parses_or_raises_a_grid_issue(text: str) -> None:
    try:
        ref = parse_reference(text)
    except GridIssue as issue:
        problem = issue.text
        assert problem
    else:
        assert (ref.special is None) != (ref.code is None)


def test_nearest_codes() -> None:
    assert nearest_codes("households.entres")[0] == "households.entries"
    assert len(nearest_codes("households.entres")) == 3
    assert nearest_codes("households.entres", n=1) == ["households.entries"]
    assert nearest_codes("Occupancy_Rate")[0] == "occupancy_rate"
    assert nearest_codes("period.star")[0] == "period.start"
    assert nearest_codes("zzzzzzzz") == []


def test_a_valid_reference_has_no_problem() -> None:
    for text in (
        "households",
        "iml:occupancy_rate",
        "pension:places",
        "esds.present.persons|on=2026-12-31",
        "fnavdl:esds.exits.reason.death",
        "today",
    ):
        assert check_reference(parse_reference(text)) == [], text
    assert all(check_reference(Reference(text=code, code=code)) == [] for code in CATALOGUE)


def test_an_unknown_code_names_up_to_three_nearest_codes() -> None:
    problems = check_reference(parse_reference("households.entres"))
    assert problems == [
        "Balise {{households.entres}} : le code « households.entres » n'existe pas. "
        f"Codes proches : {', '.join(nearest_codes('households.entres'))}."
    ]
    assert "households.entries" in problems[0]


def test_an_unknown_code_far_from_any_points_to_the_list() -> None:
    (problem,) = check_reference(parse_reference("iml:nombre_de_familles_logees"))
    assert "« nombre_de_familles_logees » n'existe pas" in problem
    assert "python -m desktop_app codes" in problem


def test_a_code_outside_the_return_it_names() -> None:
    assert "places" not in codes_of("fnavdl")
    (problem,) = check_reference(parse_reference("fnavdl:places"))
    assert problem == (
        "Balise {{fnavdl:places}} : le code « places » ne figure pas dans « Bilan FNAVDL (AVDL) »."
    )


def test_the_fill_s_return_applies_when_the_placeholder_names_none() -> None:
    ref = parse_reference("places")
    assert check_reference(ref) == []
    assert check_reference(ref, kind="pension") == []
    assert "ne figure pas" in check_reference(ref, kind="fnavdl")[0]
    # The placeholder's own return wins over the fill's.
    assert check_reference(parse_reference("pension:places"), kind="fnavdl") == []
    # ES-DS codes are in no return and go in any grid.
    assert check_reference(parse_reference("esds.present.h"), kind="iml") == []


def test_on_only_applies_to_the_esds_codes() -> None:
    (problem,) = check_reference(parse_reference("households|on=2026-12-31"))
    assert "ES-DS" in problem
    assert check_reference(parse_reference("esds.present.h|on=2026-12-31")) == []


def test_located_names_the_sheet_and_the_cell() -> None:
    (problem,) = check_reference(parse_reference("fnavdl:places"))
    assert (
        located(problem, sheet="Pension", cell="B3")
        == f"Feuille « Pension », cellule B3 : {problem}"
    )
