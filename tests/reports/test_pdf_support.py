"""Accompaniment PDFs read back: the review (bilan) and the attestation de suivi."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from datetime import date

import pytest

from desktop_app.reports.pdf import common
from desktop_app.reports.pdf.common import Contact, Signatory
from desktop_app.reports.pdf.support import (
    ATTESTATION_WORDS_MAX,
    AttestationData,
    ContactTally,
    ReviewData,
    ReviewGoal,
    render_attestation,
    render_review,
)
from tests.reports.test_pdf_receipts import (
    LETTERHEAD,
    assert_inside_margins,
    page_count,
    pdf_text,
    squeezed,
    text_lines,
)

HOUSING = ReviewGoal(
    domain="Logement",
    wording="Accéder à un logement adapté à la famille",
    status="En cours",
    strengths="Connaît bien le quartier et ses commerces\nTient ses rendez-vous",
    progress="La demande de logement social a été renouvelée le 12/03/2026.",
    attention_points="Les ressources restent à stabiliser avant une proposition.",
    set_on=date(2026, 2, 1),
    target_on=date(2026, 7, 31),
)
BUDGET = ReviewGoal(
    domain="Budget / gestion financière",
    wording="Mettre en place un budget mensuel",
    status="Atteint",
    strengths="Sait prioriser le loyer",
    progress="Un budget est tenu chaque mois avec la conseillère.",
    set_on=date(2026, 2, 1),
    closed_on=date(2026, 4, 15),
)
WORKER = Contact(name="Claire Martin", role="conseillère ESF", phone="04 72 00 00 01")
DIRECTOR = Signatory(name="Paul Girard", title="Directeur")
LONG_PROGRESS = " ".join(
    f"Étape{number} franchie avec l'appui du réseau partenaire et du bailleur social."
    for number in range(1, 121)
)


def review(**changes: object) -> ReviewData:
    data = ReviewData(
        letterhead=LETTERHEAD,
        kind="interim",
        household_reference="M-0042",
        persons=("Mme Awa Diallo", "M. Moussa Diallo"),
        measure_kind="ASLL",
        funder="Département du Rhône – FSL",
        measure_start=date(2026, 2, 1),
        planned_end=date(2026, 7, 31),
        period_start=date(2026, 2, 1),
        period_end=date(2026, 4, 30),
        worker="Claire Martin",
        worker_role="conseillère ESF",
        goals=(HOUSING, BUDGET),
        contacts=(
            ContactTally("Entretien au bureau", 3, 150),
            ContactTally("Visite à domicile", 2, 135),
            ContactTally("Entretien téléphonique", 4, 0),
        ),
        home_visits=(date(2026, 3, 10), date(2026, 2, 12)),
        next_steps="Préparer le dossier FSL accès.\n\nVisiter le logement proposé par le bailleur.",
        household_words="Nous avons retrouvé du cœur à l'ouvrage.",
        written_on=date(2026, 5, 5),
        sent_on=date(2026, 5, 6),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def final_review(**changes: object) -> ReviewData:
    fields_ = {
        "kind": "final",
        "period_start": date(2026, 5, 1),
        "period_end": date(2026, 7, 31),
        "measure_end": date(2026, 7, 31),
        "outcome": "Objectifs atteints",
        "housing_situation": "Logement social – bail direct",
        "next_steps": "Relais vers le service social de secteur.",
        "written_on": date(2026, 8, 1),
        "sent_on": date(2026, 8, 5),
        **changes,
    }
    return review(**fields_)


def attestation(**changes: object) -> AttestationData:
    data = AttestationData(
        letterhead=LETTERHEAD,
        person="Madame Awa Diallo",
        written_on=date(2026, 5, 5),
        signatory=DIRECTOR,
        measure_kind="Accompagnement pension de famille",
        since=date(2025, 9, 1),
        programme="Pension de famille Les Capucins",
        worker=WORKER,
        person_words="Je participe au conseil de concertation de la maison.",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def minimal_attestation() -> AttestationData:
    return AttestationData(
        letterhead=LETTERHEAD,
        person="Madame Awa Diallo",
        written_on=date(2026, 5, 5),
        signatory=DIRECTOR,
    )


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text)


def in_order(expected: list[str], extracted: list[str]) -> bool:
    """Whether ``expected`` appears in ``extracted`` in order, other words allowed between."""
    remaining = iter(extracted)
    return all(word in remaining for word in expected)


# ------------------------------------------------------------------ review
def test_an_interim_review_shows_cover_goals_contacts_and_next_steps() -> None:
    text = pdf_text(render_review(review()))

    assert "Bilan intermédiaire" in text
    assert "ASLL – période du 01/02/2026 au 30/04/2026" in text
    assert "Ménage Mme Awa Diallo et M. Moussa Diallo" in text
    assert "Référence du ménage M-0042" in text
    assert "Financeur Département du Rhône – FSL" in text
    assert "Début de la mesure 01/02/2026" in text
    assert "Fin prévue 31/07/2026" in text
    assert "Période couverte du 01/02/2026 au 30/04/2026" in text
    assert "Suivi par Claire Martin, conseillère ESF" in text
    assert "Rédigé le 05/05/2026" in text
    assert "Transmis au financeur le 06/05/2026" in text
    assert "Objectif 1 – Logement Accéder à un logement adapté à la famille" in text
    assert "Points d'appui Connaît bien le quartier et ses commerces Tient ses rendez-vous" in text
    assert "Dates fixé le 01/02/2026 · échéance le 31/07/2026" in text
    assert "Objectif 2 – Budget / gestion financière" in text
    assert "Statut Atteint Dates fixé le 01/02/2026 · clôturé le 15/04/2026" in text
    assert "Entretien au bureau 3 2 h 30" in text
    assert "Visite à domicile 2 2 h 15" in text
    assert "Entretien téléphonique 4 –" in text
    assert "Total 9 4 h 45" in text
    assert "Visites à domicile : 12/02/2026 et 10/03/2026." in text
    assert "Parole du ménage Nous avons retrouvé du cœur à l'ouvrage." in text
    assert "Prochaines étapes Préparer le dossier FSL accès. Visiter le logement proposé" in text
    assert "Lyon, le 05/05/2026 Claire Martin conseillère ESF" in text
    assert "Fin de la mesure" not in text
    assert "Suites envisagées" not in text


def test_each_goal_shows_its_strengths_before_progress_difficulties_and_status() -> None:
    text = pdf_text(render_review(review()))

    housing = text.index("Objectif 1 – Logement")
    budget = text.index("Objectif 2 – Budget")
    strengths = text.index("Connaît bien le quartier", housing)
    assert housing < strengths < text.index("La demande de logement social", housing)
    assert strengths < text.index("Points de vigilance Les ressources restent", housing)
    assert strengths < text.index("Statut En cours", housing) < budget
    assert budget < text.index("Sait prioriser le loyer") < text.index("Statut Atteint")


def test_a_final_review_states_the_end_outcome_and_housing_situation() -> None:
    text = pdf_text(render_review(final_review(shared_with_household_on=date(2026, 8, 2))))

    assert "Bilan de fin de mesure" in text
    assert "Bilan intermédiaire" not in text
    assert (
        "Fin de la mesure Date de fin 31/07/2026 Issue de la mesure Objectifs atteints "
        "Situation de logement Logement social – bail direct" in text
    )
    assert "Suites envisagées Relais vers le service social de secteur." in text
    assert "Prochaines étapes" not in text
    assert "Ce bilan a été relu avec le ménage le 02/08/2026." in text


def test_optional_parts_of_a_review_are_left_out_without_empty_headings() -> None:
    data = review(
        persons=(),
        planned_end=None,
        sent_on=None,
        goals=(ReviewGoal(domain="Mobilité", wording="Passer le permis", status="En cours"),),
        contacts=(ContactTally("Visite à domicile", 0, 0),),
        home_visits=(),
        next_steps="  ",
        household_words="",
    )

    text = pdf_text(render_review(data))

    assert "Objectif 1 – Mobilité Passer le permis Statut En cours" in text
    assert "Aucun contact n'a été enregistré sur cette période." in text
    for absent in (
        "Ménage",
        "Fin prévue",
        "Transmis au financeur",
        "Points d'appui",
        "Avancées",
        "Points de vigilance",
        "Dates",
        "Type de contact",
        "Visites à domicile",
        "Parole du ménage",
        "Prochaines étapes",
        "relu avec le ménage",
    ):
        assert absent not in text, absent


def test_a_review_without_goals_says_so() -> None:
    text = pdf_text(render_review(review(goals=())))

    assert "Objectifs et avancées Aucun objectif n'a été formalisé sur cette période." in text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"period_end": date(2026, 1, 31)}, "before it starts"),
        ({"contacts": (ContactTally("Visite à domicile", -1),)}, "negative"),
        ({"outcome": "Objectifs atteints"}, "only a final review"),
        ({"measure_end": date(2026, 4, 30)}, "only a final review"),
        ({"kind": "annual"}, "unknown review kind"),
    ],
)
def test_a_review_that_contradicts_itself_is_refused(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        render_review(review(**changes))


def test_long_goal_texts_wrap_over_pages_without_losing_a_word() -> None:
    long_goal = replace(
        HOUSING, wording="Accéder à un logement " * 12, strengths=LONG_PROGRESS, progress=""
    )
    data = review(goals=(long_goal, BUDGET), next_steps=LONG_PROGRESS)

    pdf = render_review(data)
    text = pdf_text(pdf)

    pages = page_count(pdf)
    assert pages >= 3
    assert f"Page 1 / {pages}" in text
    assert f"Page {pages} / {pages}" in text
    expected = words(LONG_PROGRESS)
    for number in range(1, 121):
        assert text.count(f"Étape{number} franchie") == 2  # strengths and next steps, whole
    assert in_order(expected, words(text))  # only page headers and footers come in between
    assert squeezed(long_goal.wording) in squeezed(text)
    assert text.index("Étape120") < text.index("Statut En cours")
    assert_inside_margins(pdf)
    wrapped = [line for line in text_lines(pdf) if line[3] and line[3] in LONG_PROGRESS]
    assert len(wrapped) >= 20


def test_no_heading_is_left_alone_at_the_foot_of_a_page() -> None:
    long_goal = replace(HOUSING, strengths=LONG_PROGRESS)
    data = review(goals=(long_goal, BUDGET), next_steps=LONG_PROGRESS)

    lines = text_lines(render_review(data))

    headings = (
        "Objectifs et avancées",
        "Objectif 1 – Logement",
        "Objectif 2 – Budget / gestion financière",
        "Contacts sur la période",
        "Parole du ménage",
        "Prochaines étapes",
    )
    for heading in headings:
        index = next(i for i, line in enumerate(lines) if line[3].strip() == heading)
        page, _left, _right, following = lines[index + 1]
        assert page == lines[index][0], heading
        assert not following.strip().startswith("Page "), heading


def test_markup_characters_in_a_review_are_printed_as_typed() -> None:
    goal = replace(HOUSING, wording="Logement <T2> & jardin", strengths="« Ça va » <b>")

    text = pdf_text(render_review(review(goals=(goal,))))

    assert "Logement <T2> & jardin" in text
    assert "« Ça va » <b>" in text


# ------------------------------------------------------------------ attestation
def test_an_attestation_with_every_part_agreed_fits_one_page() -> None:
    pdf = render_attestation(attestation())
    text = pdf_text(pdf)

    assert page_count(pdf) == 1
    assert "Attestation de suivi" in text
    assert (
        "Association Toit & Lien atteste accompagner Madame Awa Diallo depuis le 01/09/2025."
        in text
    )
    assert "Accompagnement Accompagnement pension de famille" in text
    assert "Dispositif Pension de famille Les Capucins" in text
    assert "Personne à contacter Claire Martin, conseillère ESF (04 72 00 00 01)" in text
    assert (
        "Ce que Madame Awa Diallo souhaite ajouter : « Je participe au conseil de concertation "
        "de la maison. »" in text
    )
    assert "établie à la demande de Madame Awa Diallo, avec son accord" in text
    assert "Lyon, le 05/05/2026 Paul Girard Directeur" in text
    assert "Page 1 / 1" in text


def test_a_minimal_attestation_shows_only_the_name_and_no_empty_heading() -> None:
    pdf = render_attestation(minimal_attestation())
    text = pdf_text(pdf)

    assert page_count(pdf) == 1
    assert "Association Toit & Lien atteste accompagner Madame Awa Diallo à ce jour." in text
    for absent in ("Accompagnement ", "Dispositif", "Personne à contacter", "souhaite ajouter"):
        assert absent not in text, absent
    assert "04 72 00 00 01" not in text


@pytest.mark.parametrize(
    ("changes", "absent", "still_there"),
    [
        ({"measure_kind": ""}, "Accompagnement pension de famille", "Dispositif"),
        ({"programme": ""}, "Dispositif", "Personne à contacter"),
        ({"worker": None}, "Claire Martin", "Dispositif"),
        ({"person_words": ""}, "souhaite ajouter", "Personne à contacter"),
        ({"since": None}, "01/09/2025", "à ce jour"),
    ],
)
def test_a_part_not_agreed_is_absent(
    changes: dict[str, object], absent: str, still_there: str
) -> None:
    text = pdf_text(render_attestation(attestation(**changes)))

    assert absent not in text
    assert still_there in text


def test_an_ended_support_is_attested_from_start_to_end() -> None:
    text = pdf_text(render_attestation(attestation(until=date(2026, 3, 31))))

    assert (
        "Association Toit & Lien atteste avoir accompagné Madame Awa Diallo du 01/09/2025 au "
        "31/03/2026." in text
    )
    assert "depuis" not in text


def test_the_attestation_has_no_field_for_health_debts_or_notes() -> None:
    names = {field.name for field in fields(AttestationData)}

    assert names == {
        "letterhead",
        "person",
        "written_on",
        "signatory",
        "place",
        "measure_kind",
        "since",
        "until",
        "programme",
        "worker",
        "person_words",
    }


def test_the_longest_attestation_still_fits_one_page() -> None:
    data = attestation(
        person="Madame Marie-Françoise de La Tour d'Auvergne-Lauraguais",
        programme="Pension de famille " * 8,
        worker=replace(WORKER, role="conseillère en économie sociale et familiale " * 3),
        person_words=("Je veux dire merci. " * 40)[:ATTESTATION_WORDS_MAX],
    )

    pdf = render_attestation(data)

    assert page_count(pdf) == 1
    assert "Paul Girard" in pdf_text(pdf)
    assert_inside_margins(pdf)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"since": None, "until": date(2026, 3, 31)}, "needs a start date"),
        ({"until": date(2025, 8, 31)}, "needs a start date before it"),
        ({"person_words": "x" * (ATTESTATION_WORDS_MAX + 1)}, "too long"),
    ],
)
def test_an_attestation_that_does_not_make_sense_is_refused(
    changes: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        render_attestation(attestation(**changes))


# ------------------------------------------------------------------ both documents
DOCUMENTS = {
    "bilan intermédiaire": lambda: render_review(review()),
    "bilan final": lambda: render_review(final_review()),
    "attestation": lambda: render_attestation(attestation()),
    "attestation minimale": lambda: render_attestation(minimal_attestation()),
}


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_the_same_data_gives_the_same_bytes(kind: str) -> None:
    first = DOCUMENTS[kind]()
    for other in DOCUMENTS.values():
        other()

    assert DOCUMENTS[kind]() == first


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_every_line_stays_inside_the_margins(kind: str) -> None:
    assert_inside_margins(DOCUMENTS[kind]())


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_fonts_are_embedded(kind: str) -> None:
    if not common.default_fonts().embedded:
        pytest.skip("no DejaVu TrueType font on this machine (resources/fonts is empty)")

    pdf = DOCUMENTS[kind]()

    assert b"/FontFile2" in pdf
    assert b"DejaVuSans" in pdf


def test_accents_ligatures_and_french_quotes_are_read_back() -> None:
    words_ = "Cœur à l'ouvrage, « très » fière, Noël, Œuvre, éàèùçâêîôû"
    review_text = pdf_text(render_review(review(household_words=words_)))
    attestation_text = pdf_text(render_attestation(attestation(person_words=words_)))

    assert words_ in review_text
    assert f"« {words_} »" in attestation_text
    assert "Bilan intermédiaire" in review_text
    assert "Période couverte" in review_text
