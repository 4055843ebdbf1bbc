"""Arrears letters rendered to PDF and read back: tone, legal facts, schedule, determinism."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.reports.pdf.common import Recipient
from desktop_app.reports.pdf.letters import (
    DebtMonth,
    FormalNoticeData,
    Instalment,
    MandataireLetterData,
    ReminderData,
    RepaymentPlanData,
    render_formal_notice,
    render_mandataire_letter,
    render_reminder,
    render_repayment_plan,
)
from tests.reports.test_pdf_receipts import (
    CONTACT,
    DWELLING,
    LETTERHEAD,
    LONG_LABEL,
    RECIPIENT,
    SIGNATORY,
    assert_inside_margins,
    page_count,
    pdf_text,
    squeezed,
    text_lines,
)

JULY = DebtMonth(date(2026, 7, 1), charged=18_000, unpaid=18_000)
AUGUST = DebtMonth(date(2026, 8, 1), charged=18_000, unpaid=12_000)
THREATS = ("commissaire de justice", "résiliation", "expulsion", "juge", "mise en demeure")
HELP = (
    "plan d'apurement",
    "Fonds de solidarité pour le logement (FSL)",
    "vos droits à l'aide au logement",
    "travailleur social",
)


def common_fields() -> dict[str, object]:
    return {
        "letterhead": LETTERHEAD,
        "recipient": RECIPIENT,
        "written_on": date(2026, 8, 20),
        "contract_reference": "C-0042",
        "dwelling_address": DWELLING,
        "debt": 30_000,
        "months": (JULY, AUGUST),
        "contact": CONTACT,
        "signatory": SIGNATORY,
    }


def reminder(**changes: object) -> ReminderData:
    return ReminderData(**{**common_fields(), **changes})  # type: ignore[arg-type]


def notice(**changes: object) -> FormalNoticeData:
    fields = {
        **common_fields(),
        "written_on": date(2026, 9, 20),
        "deadline": date(2026, 10, 5),
        "previous_letters": (date(2026, 7, 20), date(2026, 8, 20)),
        "benefit_agency": "CAF",
    }
    return FormalNoticeData(**{**fields, **changes})  # type: ignore[arg-type]


def plan(**changes: object) -> RepaymentPlanData:
    fields = {
        **common_fields(),
        "written_on": date(2026, 9, 1),
        "debt_on": date(2026, 8, 31),
        "instalments": (
            Instalment(date(2026, 10, 10), 10_000),
            Instalment(date(2026, 11, 10), 10_000),
            Instalment(date(2026, 12, 10), 10_000),
        ),
        "current_share": 18_000,
        "benefit_agency": "CAF",
        "copies": ("CAF du Rhône",),
    }
    return RepaymentPlanData(**{**fields, **changes})  # type: ignore[arg-type]


def mandataire(**changes: object) -> MandataireLetterData:
    fields = {
        **common_fields(),
        "recipient": Recipient(
            names=("UDAF du Rhône", "Service des majeurs protégés", "Mme Sophie Laurent"),
            address_lines=("10 rue de la République", "69002 Lyon"),
        ),
        "protected_person": "M. Moussa Diallo",
        "measure": "curatelle renforcée",
        "current_share": 18_000,
        "copies": ("M. Moussa Diallo",),
    }
    return MandataireLetterData(**{**fields, **changes})  # type: ignore[arg-type]


# ------------------------------------------------------------------ friendly reminder
def test_a_reminder_is_friendly_and_offers_help() -> None:
    text = pdf_text(render_reminder(reminder(pay_by=date(2026, 9, 5))))

    assert "Lyon, le 20/08/2026" in text
    assert "Objet : Vos loyers de juillet 2026 et août 2026" in text
    assert "Réf. : contrat C-0042 – 5 allée des Tilleuls, apt 12, 69008 Lyon" in text
    assert "Madame, Monsieur," in text
    assert (
        "vos loyers de juillet 2026 et août 2026 n'ont pas été réglés en totalité : il reste "
        "300,00 € à payer." in text
    )
    assert "juillet 2026 180,00 € 180,00 €" in text
    assert "août 2026 180,00 € 120,00 €" in text
    assert "Total restant dû 300,00 €" in text
    assert "ne pas tenir compte de ce courrier" in text
    assert all(offer in text for offer in HELP)
    assert "Claire Martin, conseillère ESF (04 72 00 00 01)" in text
    assert "avant le 05/09/2026" in text
    assert "salutations les meilleures" in text
    assert "Paul Girard Responsable de la gestion locative" in text
    assert not [word for word in THREATS if word in text.lower()]


def test_a_reminder_for_one_month_speaks_in_the_singular() -> None:
    text = pdf_text(render_reminder(reminder(months=(JULY,), debt=18_000)))

    assert "Objet : Votre loyer de juillet 2026" in text
    assert "votre loyer de juillet 2026 n'a pas été réglé en totalité" in text
    assert "avant le" not in text


def test_a_reminder_for_a_boarding_house_speaks_of_the_redevance() -> None:
    text = pdf_text(render_reminder(reminder(months=(JULY,), debt=18_000, boarding_house=True)))

    assert "votre redevance de juillet 2026 n'a pas été réglée en totalité" in text


def test_a_letter_refuses_a_debt_that_does_not_add_up() -> None:
    with pytest.raises(ValueError, match="add up"):
        render_reminder(reminder(debt=25_000))
    with pytest.raises(ValueError, match="positive"):
        render_reminder(reminder(debt=0, months=()))


# ------------------------------------------------------------------ formal notice
def test_a_formal_notice_states_the_legal_facts_precisely() -> None:
    text = pdf_text(render_formal_notice(notice()))

    assert "Lettre recommandée avec accusé de réception" in text
    assert "Objet : Mise en demeure de payer – loyer" in text
    assert (
        "Malgré nos courriers des 20/07/2026 et 20/08/2026, nous constatons qu'au 20/09/2026, "
        "la somme de 300,00 € reste due au titre du loyer et des charges du logement situé "
        "5 allée des Tilleuls, apt 12, 69008 Lyon (contrat C-0042)" in text
    )
    assert "Total restant dû 300,00 €" in text
    assert "article 7 de la loi n° 89-462 du 6 juillet 1989" in text
    assert (
        "nous vous mettons en demeure de régler la somme de 300,00 € avant le 05/10/2026, ou de "
        "prendre contact avec nous avant cette date pour convenir d'un plan d'apurement" in text
    )
    assert "commandement de payer vous serait délivré par un commissaire de justice" in text
    assert "juge des contentieux de la protection" in text
    assert "Le juge peut aussi accorder des délais de paiement." in text
    assert "nous signalons cet impayé à la CAF" in text
    assert "prévention des expulsions locatives (CCAPEX)" in text
    assert all(offer in text for offer in HELP[1:])
    assert "Votre contact : Claire Martin" in text
    assert "salutations distinguées" in text


def test_a_formal_notice_after_one_letter_and_without_benefit_report() -> None:
    data = notice(previous_letters=(date(2026, 8, 1),), benefit_agency="")

    text = pdf_text(render_formal_notice(data))

    assert "Malgré notre courrier du 01/08/2026, nous constatons" in text
    assert "CCAPEX" not in text


def test_a_formal_notice_in_a_boarding_house_cites_the_residence_rule() -> None:
    text = pdf_text(render_formal_notice(notice(boarding_house=True, previous_letters=())))

    assert text.count("Nous constatons qu'au 20/09/2026") == 1
    assert "au titre de la redevance" in text
    assert "article R. 633-3 du code de la construction et de l'habitation" in text
    assert "avec un préavis d'un mois" in text
    assert "trois termes mensuels consécutifs sont totalement impayés" in text
    assert "commissaire de justice" not in text
    assert "89-462" not in text


def test_a_formal_notice_needs_a_deadline_after_the_letter() -> None:
    with pytest.raises(ValueError, match="deadline"):
        render_formal_notice(notice(deadline=date(2026, 9, 20)))


# ------------------------------------------------------------------ repayment plan
def test_a_repayment_plan_states_the_debt_the_schedule_and_both_signatures() -> None:
    text = pdf_text(render_repayment_plan(plan()))

    assert "Plan d'apurement amiable" in text
    assert (
        "Entre Association Toit & Lien, 12 rue des Lilas, 69003 Lyon, représentée par "
        "Paul Girard, Responsable de la gestion locative, ci-après « l'association »" in text
    )
    assert "et Mme Awa Diallo et M. Moussa Diallo, 5 allée des Tilleuls, apt 12, 69008 Lyon" in text
    assert "qu'au 31/08/2026, la somme de 300,00 € reste due" in text
    assert "1 10/10/2026 100,00 € 200,00 €" in text
    assert "2 10/11/2026 100,00 € 100,00 €" in text
    assert "3 10/12/2026 100,00 € 0,00 €" in text
    assert "Total de l'échéancier 300,00 €" in text
    assert "en plus du paiement de sa part du loyer courant" in text
    assert "Article 3 – Le loyer courant" in text
    assert "soit 180,00 € à ce jour" in text
    assert "le plan peut être revu d'un commun accord" in text
    assert "Tant que le plan est respecté, l'association n'engage aucune procédure" in text
    assert "Une copie du présent plan est transmise à la CAF" in text
    assert "Fait en deux exemplaires, à Lyon, le 01/09/2026." in text
    assert "Pour l'association Paul Girard" in text
    assert "Le ménage Mme Awa Diallo M. Moussa Diallo" in text
    assert text.count("« Lu et approuvé »") == 2
    assert "Copie : CAF du Rhône" in text
    assert "Le solde de" not in text


def test_a_plan_covering_part_of_the_debt_says_how_the_rest_is_settled() -> None:
    data = plan(
        instalments=(Instalment(date(2026, 10, 10), 15_000),),
        remainder_note="par l'aide du FSL demandée le 28/08/2026",
        benefit_agency="",
        boarding_house=True,
    )

    text = pdf_text(render_repayment_plan(data))

    assert "Le solde de 150,00 € sera réglé par l'aide du FSL demandée le 28/08/2026." in text
    assert "Article 3 – La redevance courante" in text
    assert "sa part de la redevance courante" in text
    assert "Article 5" not in text


def test_a_long_plan_runs_over_pages() -> None:
    instalments = tuple(Instalment(date(2027 + i // 12, 1 + i % 12, 10), 1_250) for i in range(24))

    pdf = render_repayment_plan(plan(instalments=instalments))
    text = pdf_text(pdf)

    assert page_count(pdf) >= 2
    assert "24 10/12/2028 12,50 € 0,00 €" in text
    assert "Total de l'échéancier 300,00 €" in text
    assert_inside_margins(pdf)


@pytest.mark.parametrize(
    ("instalments", "message"),
    [
        ((), "positive instalments"),
        ((Instalment(date(2026, 10, 10), 0),), "positive instalments"),
        ((Instalment(date(2026, 10, 10), 30_001),), "exceed"),
    ],
)
def test_a_plan_refuses_a_wrong_schedule(instalments: tuple[Instalment, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        render_repayment_plan(plan(instalments=instalments))


# ------------------------------------------------------------------ mandataire
def test_a_letter_to_the_mandataire_explains_and_asks_for_solutions() -> None:
    text = pdf_text(render_mandataire_letter(mandataire()))

    assert "UDAF du Rhône Service des majeurs protégés Mme Sophie Laurent" in text
    assert "Objet : Loyer de M. Moussa Diallo – contrat C-0042" in text
    assert (
        "Vous exercez la mesure de curatelle renforcée de M. Moussa Diallo, locataire du "
        "logement situé 5 allée des Tilleuls, apt 12, 69008 Lyon" in text
    )
    assert "la somme de 300,00 € reste due au titre du loyer et des charges" in text
    assert (
        "La part du loyer courant à la charge de M. Moussa Diallo s'élève à 180,00 € par mois."
        in text
    )
    assert "un plan d'apurement adapté aux ressources de M. Moussa Diallo" in text
    assert "Fonds de solidarité pour le logement (FSL)" in text
    assert "Claire Martin, conseillère ESF (04 72 00 00 01) se tient à votre disposition" in text
    assert "Copie : M. Moussa Diallo" in text
    assert not [word for word in THREATS if word in text.lower()]


# ------------------------------------------------------------------ layout and determinism
LETTERS = {
    "rappel": lambda: render_reminder(reminder()),
    "mise en demeure": lambda: render_formal_notice(notice()),
    "plan": lambda: render_repayment_plan(plan()),
    "mandataire": lambda: render_mandataire_letter(mandataire()),
}


@pytest.mark.parametrize("kind", sorted(LETTERS))
def test_the_same_letter_gives_the_same_bytes(kind: str) -> None:
    first = LETTERS[kind]()
    for other in LETTERS.values():
        other()

    assert LETTERS[kind]() == first


@pytest.mark.parametrize("kind", sorted(LETTERS))
def test_every_letter_line_stays_inside_the_margins(kind: str) -> None:
    assert_inside_margins(LETTERS[kind]())


def test_long_terms_and_roles_wrap_and_are_read_back_whole() -> None:
    long_month = DebtMonth(date(2026, 6, 1), charged=30_000, unpaid=30_000, label=LONG_LABEL)
    contact = replace(CONTACT, role="conseillère en économie sociale et familiale " * 4)
    data = notice(months=(long_month,), contact=contact)

    pdf = render_formal_notice(data)
    text = pdf_text(pdf)

    assert squeezed(LONG_LABEL) in squeezed(text)
    assert squeezed(contact.sentence()) in squeezed(text)
    assert_inside_margins(pdf)
    assert len([line for line in text_lines(pdf) if line[3] and line[3] in LONG_LABEL]) >= 2
