"""Funder returns rendered to PDF and read back: figures, charts, annex, privacy, fonts, layout."""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping
from dataclasses import fields
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader

from desktop_app.domain import vocabulary as v
from desktop_app.domain.definitions import CONVENTIONS, METHOD_LABELS, METHOD_RULES, SCOPES
from desktop_app.domain.figures import (
    COUNT,
    DAYS,
    EUR,
    FNAVDL,
    FTE,
    IML,
    MONTHS,
    PENSION,
    RATE,
    UNIT_LABELS,
    Figure,
    Group,
    Number,
    Report,
    Series,
    groups_of,
)
from desktop_app.domain.periods import Period
from desktop_app.reports.pdf import common
from desktop_app.reports.pdf.common import MARGIN, PAGE_WIDTH
from desktop_app.reports.pdf.returns import format_value, render_return_pdf
from tests.reports.returns_sample import (
    CHECK_LABELS,
    FINDINGS,
    HOUSEHOLD_IDS,
    HOUSEHOLD_NAMES,
    HOUSEHOLD_REFERENCES,
    sample_report,
)
from tests.reports.test_pdf_receipts import (
    _LineCollector,
    assert_inside_margins,
    page_count,
    pdf_text,
    squeezed,
)

ESDS = "esds"
KINDS = (FNAVDL, IML, PENSION, ESDS)
NOTHING = "Aucune donnée à représenter sur la période."
NNBSP = "\u202f"
Line = tuple[int, float, float, str]
"""A drawn line: page, left x, right x, text."""


# ------------------------------------------------------------------ helpers
@functools.cache
def rendered(kind: str, *, forced: bool = False) -> bytes:
    """The sample return of ``kind`` (rendered once per test session: renders are pure)."""
    return render_return_pdf(sample_report(kind), forced=forced, check_labels=CHECK_LABELS)


@functools.cache
def extracted(kind: str) -> tuple[tuple[str, ...], tuple[Line, ...]]:
    """Each page's text and every drawn line (as `text_lines`), read in one pass: extraction
    is the slow part of these tests."""
    lines: list[Line] = []
    pages = tuple(
        page.extract_text(visitor_text=_LineCollector(number, lines))
        for number, page in enumerate(PdfReader(io.BytesIO(rendered(kind))).pages, start=1)
    )
    return pages, tuple(lines)


def pages_of(kind: str) -> tuple[str, ...]:
    return extracted(kind)[0]


@functools.cache
def text_of(kind: str) -> str:
    """As `pdf_text`: every page's text, spaces of any kind collapsed to one."""
    return spaced(" ".join(pages_of(kind)))


def spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace(NNBSP, " "))


def lines_of(kind: str) -> tuple[Line, ...]:
    return extracted(kind)[1]


def variant(report: Report, **changes: Any) -> Report:
    """A new `Report` with ``changes`` (``dataclasses.replace`` would share its index)."""
    values = {f.name: getattr(report, f.name) for f in fields(report) if f.name != "_index"}
    return Report(**(values | changes))


def with_values(report: Report, values: Mapping[str, Number | None]) -> Report:
    figures = tuple(
        Figure(f.code, values.get(f.code, f.value), f.households) for f in report.figures
    )
    return variant(report, figures=figures)


def row_label(group: Group, label: str) -> str:
    prefix = f"{group.title} – "
    return label.removeprefix(prefix) if len(group.codes) > 1 else label


def occurrences(text: str, part: str) -> int:
    return squeezed(text).count(squeezed(part))


def fonts_of(pdf: bytes) -> dict[str, Any]:
    fonts: dict[str, Any] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"]
        for reference in resources["/Font"].values():
            font = reference.get_object()
            fonts[str(font["/BaseFont"])] = font
    return fonts


# ------------------------------------------------------------------ numbers
def test_values_are_written_the_french_way_with_their_unit_decimals() -> None:
    assert format_value(Decimal("1234.56"), EUR) == f"1{NNBSP}234,56"
    assert format_value(Decimal("12.5"), RATE) == "12,5"
    assert format_value(Decimal("0.05"), RATE) == "0,1"  # half-up
    assert format_value(45, DAYS) == "45,0"
    assert format_value(Decimal("151.3"), MONTHS) == "151,3"
    assert format_value(Decimal("2.35"), FTE) == "2,35"
    assert format_value(1200, COUNT) == f"1{NNBSP}200"
    assert format_value(0, COUNT) == "0"
    assert format_value(None, RATE) == ""


# ------------------------------------------------------------------ what the return says
@pytest.mark.parametrize("kind", KINDS)
def test_every_group_and_every_value_is_read_back_as_in_its_table(kind: str) -> None:
    report = sample_report(kind)
    text = squeezed(text_of(kind))

    for group in groups_of(kind):
        assert squeezed(group.title) in text, group.title
        for code in group.codes:
            value = format_value(report.value(code.code), code.unit)
            row = row_label(group, code.label) + value + UNIT_LABELS[code.unit]
            assert squeezed(row) in text, (code.code, row)
        if group.total:
            values = [report.value(code.code) for code in group.codes]
            total = sum(value for value in values if value is not None)
            row = "Total" + format_value(total, group.unit) + UNIT_LABELS[group.unit]
            assert squeezed(row) in text, group.base


def test_an_empty_value_leaves_its_cell_empty_never_zero() -> None:
    report = sample_report(FNAVDL)
    assert report.value("delay_first_contact.mean_days") is None

    text = squeezed(text_of(FNAVDL))

    assert squeezed("Délai moyen entre prescription et premier contactjours") in text


def test_the_cover_names_the_association_period_programmes_and_findings() -> None:
    text = text_of(IML)

    assert "Bilan de l'intermédiation locative" in text
    assert "Association Le Seuil d'Or" in text
    assert "SIRET 12345678900011" in text
    assert "Période du 01/01/2025 au 31/12/2025" in text
    assert "Dispositifs IML Mandat Nord, IML Sous-location Centre" in text
    assert "Établi le 15/01/2026" in text
    assert "2 constats bloquants, 3 avertissements" in text
    assert "forcé" not in text


def test_a_forced_return_says_so_on_the_cover_and_in_the_controls() -> None:
    text = pdf_text(rendered(IML, forced=True))

    assert "2 constats bloquants, 3 avertissements – rapport forcé" in text
    assert "Ce rapport a été produit malgré les constats bloquants (rapport forcé)" in text


def test_a_return_without_findings_says_so() -> None:
    report = variant(sample_report(PENSION), findings=())

    text = pdf_text(render_return_pdf(report))

    assert "Contrôles de qualité Aucun constat" in text
    assert "Aucun constat : toutes les vérifications sont passées." in text


@pytest.mark.parametrize("kind", KINDS)
def test_no_household_reference_name_or_id_leaves_the_association(kind: str) -> None:
    pdf = rendered(kind)
    compact = squeezed(text_of(kind))
    metadata = " ".join(
        str(value) for value in (PdfReader(io.BytesIO(pdf)).metadata or {}).values()
    )

    for secret in (*HOUSEHOLD_REFERENCES, *HOUSEHOLD_NAMES, *map(str, HOUSEHOLD_IDS)):
        assert secret not in compact, secret
        assert secret not in metadata, secret
    for finding in FINDINGS:
        assert squeezed(finding.detail) not in compact
        assert str(finding.record_id) not in compact


def test_every_page_is_numbered_and_names_the_return_in_its_footer() -> None:
    pages = pages_of(PENSION)
    total = len(pages)

    assert total >= 5
    for number, page in enumerate(pages, start=1):
        text = spaced(page)
        assert f"Page {number} / {total}" in text
        assert "Rapport d'activité de pension de famille – Association Le Seuil d'Or" in text


@pytest.mark.parametrize("kind", KINDS)
def test_no_page_is_left_blank(kind: str) -> None:
    for page in pages_of(kind):
        # the running header and the footer are three lines; a page holds more than them
        assert len(page.strip().splitlines()) > 3


def test_each_block_is_a_numbered_chapter_listed_on_the_cover() -> None:
    text = text_of(FNAVDL)

    for number, title in enumerate(
        [
            "Public accompagné",
            "Entrées et sorties",
            "Mesures d'accompagnement",
            "Admissions et relogement",
            "Impayés",
        ],
        start=1,
    ):
        assert occurrences(text, f"{number}. {title}") == 2  # the contents and the chapter
    assert "Vie de la pension" not in text


# ------------------------------------------------------------------ charts
def test_charts_have_titles_month_labels_and_readable_values() -> None:
    text = text_of(PENSION)

    for title in (
        "Entrées et sorties par mois",
        "Taux d'occupation par mois",
        "Impayés à la fin du mois",
        "Activités collectives par type",
    ):
        assert title in text
    assert "Sorties par destination" in text
    assert occurrences(text, "01/2025") >= 4  # movements, occupancy and both arrears panels
    assert occurrences(text, "12/2025") >= 4
    assert "Entrées Sorties" in text  # the legend of the two bars per month
    assert "90,3" in text  # May's occupancy above its bar
    assert "2 337,95" in text  # December's debt above its bar
    assert "Ménages en impayé (nombre)" in text  # counts get their own axis, not the euros'
    assert NOTHING not in text


def test_the_destination_and_activity_charts_skip_zeros() -> None:
    text = text_of(PENSION)

    # table row + chart bar for a destination with exits, the table alone for none
    assert occurrences(text, "Hébergement (CHU, CHRS)") == 2
    assert occurrences(text, "Rue / abri de fortune") == 1
    assert occurrences(text, "Logement accompagné / pension de famille / résidence sociale") == 3
    assert occurrences(text, "Repas partagé") == 2
    assert occurrences(text, "Santé / prévention") == 1


def test_a_missing_or_empty_series_becomes_a_sentence_not_an_empty_frame() -> None:
    report = sample_report(PENSION)
    labels = report.series[0].labels
    zeros = Series("movements", "Entrées et sorties par mois", COUNT, labels, (("E", (0,) * 12),))
    empty = Series("occupancy", "", RATE, labels, (("Taux", (None,) * 12),))
    no_activity = {f"activities.{kind}": 0 for kind in v.ACTIVITY_KIND.codes}
    quiet = with_values(variant(report, series=(zeros, empty)), no_activity)

    text = pdf_text(render_return_pdf(quiet))

    assert occurrences(text, NOTHING) == 4  # movements, occupancy, arrears, activities
    assert "Taux d'occupation par mois" in text  # its own title when the series has none
    assert "Impayés à la fin du mois" in text
    assert "02/2025" not in text
    assert occurrences(text, "Repas partagé") == 1


def test_a_long_period_thins_its_month_labels_inside_the_margins() -> None:
    report = sample_report(IML)
    period = Period(report.period.start.replace(year=2023), report.period.end)
    labels = tuple(part.start.strftime("%m/%Y") for part in period.months())
    counts = tuple(index % 4 for index in range(len(labels)))
    movements = Series("movements", "Entrées et sorties", COUNT, labels, (("Entrées", counts),))
    pdf = render_return_pdf(variant(report, period=period, series=(movements,)))
    text = pdf_text(pdf)

    assert len(labels) == 36
    assert "01/2023" in text
    assert 0 < sum(label in text for label in labels) < len(labels)
    assert_inside_margins(pdf)


# ------------------------------------------------------------------ annex
def test_the_annex_defines_every_group_the_method_and_permanent_housing() -> None:
    text = squeezed(text_of(FNAVDL))

    for group in groups_of(FNAVDL):
        assert squeezed(group.definition) in text, group.base
        code = group.codes[0].code if len(group.codes) == 1 else f"{group.base}.*"
        assert squeezed(group.title + code) in text, code
    method = f"{METHOD_LABELS['prorata_days']} : {METHOD_RULES['prorata_days']}."
    assert squeezed("Méthode des mois-mesures" + method) in text
    assert (
        squeezed(
            "Logement pérenne Logement social – bail direct; Logement privé – bail direct; "
            "Bail glissé; Logement accompagné / pension de famille / résidence sociale"
        )
        in text
    )
    assert squeezed("Paramètres appliqués Ceux de « DDETS du Rhône ».") in text
    assert squeezed("Période Du 01/01/2025 au 31/12/2025, les deux jours inclus.") in text
    for label, sentence in CONVENTIONS:
        assert squeezed(label + sentence) in text, label


def test_the_annex_states_the_scope_and_the_programme_a_return_was_narrowed_to() -> None:
    narrowed = variant(sample_report(PENSION), programme="Pension Les Tilleuls")

    text = squeezed(pdf_text(render_return_pdf(narrowed)))

    scope = SCOPES[PENSION] + " Restreint au dispositif « Pension Les Tilleuls »."
    assert squeezed("Périmètre" + scope) in text
    assert squeezed("Dispositifs du périmètre Pension Les Tilleuls") in text
    assert squeezed("Restreint au dispositif Pension Les Tilleuls") in text  # on the cover


def test_the_controls_list_each_rule_and_each_check_as_counts() -> None:
    report = sample_report(FNAVDL)
    broken = with_values(report, {"households.stock_end": 22, "occupancy_rate": None})
    text = pdf_text(render_return_pdf(broken, check_labels=CHECK_LABELS))

    for result in report.checks:
        assert result.rule.label in text
    assert "Présents au début + entrées − sorties = présents à la fin 21 / 22 Écart" in text
    assert "Adultes + enfants + âge inconnu = personnes 58 / 58 Conforme" in text
    assert "Séjour terminé sans motif de sortie Bloquant 2" in text
    assert "Personne sans date de naissance Avertissement 2" in text
    assert "Mesure sans revue depuis plus de 6 mois Avertissement 1" in text


def test_empty_values_give_empty_totals_and_unjudged_rules_and_bare_check_codes() -> None:
    report = with_values(
        sample_report(IML), {"vacancy_days.works": None, "occupancy_rate.dwellings": None}
    )
    group = next(g for g in groups_of(IML) if g.base == "vacancy_days" and g.total)
    last = group.codes[-1]
    last_row = row_label(group, last.label) + format_value(report.value(last.code), COUNT)

    text = pdf_text(render_return_pdf(report))  # no check labels given

    assert "Travauxnombre" in squeezed(text)  # the empty value
    assert squeezed(f"{last_row}nombreTotalnombre") in squeezed(text)  # and its empty total
    assert "Taux d'occupation (places) entre 0 et 100 87,4 (0 à 100) Conforme" in text
    assert "Taux d'occupation (logements) entre 0 et 100 vide (0 à 100) Non évalué" in text
    assert "Jours de vacance par raison = jours de vacance vide / 45 Non évalué" in text
    assert "stay_without_exit_reason Bloquant 2" in text


# ------------------------------------------------------------------ fonts, bytes, layout
@pytest.mark.parametrize("kind", KINDS)
def test_every_font_is_embedded(kind: str) -> None:
    if not common.default_fonts().embedded:
        pytest.skip("no DejaVu TrueType font on this machine (resources/fonts is empty)")

    fonts = fonts_of(rendered(kind))

    assert fonts
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        assert descriptor is not None, name
        assert "/FontFile2" in descriptor.get_object(), name


def test_the_same_report_gives_the_same_bytes() -> None:
    first = rendered(PENSION)
    render_return_pdf(sample_report(IML), forced=True)  # another render in between

    assert render_return_pdf(sample_report(PENSION), check_labels=CHECK_LABELS) == first
    assert first.startswith(b"%PDF-")
    assert first != rendered(PENSION, forced=True)


@pytest.mark.parametrize("kind", KINDS)
def test_no_line_runs_past_the_margins(kind: str) -> None:
    for page, left, right, words in lines_of(kind):
        assert left >= MARGIN - 1, (page, words)
        assert right <= PAGE_WIDTH - MARGIN + 1, (page, right, words)


@pytest.mark.parametrize("kind", [FNAVDL, IML, PENSION])
def test_the_longest_labels_are_read_back_whole(kind: str) -> None:
    text = squeezed(text_of(kind))
    labels = sorted(
        {row_label(group, code.label) for group in groups_of(kind) for code in group.codes},
        key=len,
    )

    for label in labels[-8:]:
        assert squeezed(label) in text, label


def test_long_cells_wrap_inside_their_column() -> None:
    definition = next(g.definition for g in groups_of(FNAVDL) if g.base == "composition")
    wrapped = [line for line in lines_of(FNAVDL) if line[3] and line[3] in definition]

    assert len(wrapped) >= 3  # several lines in the Définition column, none past the margin
    destination = "Logement accompagné / pension de famille / résidence sociale"
    chart_lines = [line for line in lines_of(PENSION) if line[3] in destination]
    assert len(chart_lines) >= 2  # the chart's category label wraps at the left of its bar


def test_a_long_association_name_and_many_programmes_stay_inside_the_margins() -> None:
    programmes = tuple(
        f"Pension de famille numéro {n} du quartier de la Guillotière" for n in range(12)
    )
    report = variant(
        sample_report(PENSION),
        organisation="Association pour l'insertion par le logement " * 4,
        programmes=programmes,
    )

    pdf = render_return_pdf(report)
    text = squeezed(pdf_text(pdf))

    assert squeezed(", ".join(programmes)) in text
    assert_inside_margins(pdf)


def test_without_truetype_fonts_helvetica_still_prints_the_return(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(common, "default_fonts", common.standard_fonts)

    pdf = render_return_pdf(sample_report(IML))
    text = pdf_text(pdf)

    assert set(fonts_of(pdf)) == {"/Helvetica", "/Helvetica-Bold", "/Helvetica-Oblique"}
    assert "Montant total des impayés 2 345,67 €" in text
    assert "Présents au début + entrées - sorties = présents à la fin" in text
    assert page_count(pdf) == page_count(rendered(IML))
    assert_inside_margins(pdf)
