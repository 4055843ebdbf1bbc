"""Arrears letters (issue 6, point 7): reminder, formal notice, repayment plan, mandataire.

The tone is the association's: respectful and calm, starting from the household's situation
and offering help (a repayment plan, the FSL, the CAF, a meeting with the social worker). Only
the formal notice states legal consequences, and only the facts: the obligation to pay, the
amount and months owed, the deadline, and what the law allows next. Each renderer takes a
frozen dataclass and returns PDF bytes; nothing here queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle  # type: ignore[import-untyped]

from desktop_app.reports.pdf.common import (
    CONTENT_WIDTH,
    Contact,
    Letterhead,
    PdfDocument,
    Recipient,
    Signatory,
    day,
    money,
    month_name,
)

__all__ = [
    "DebtMonth",
    "FormalNoticeData",
    "Instalment",
    "LetterData",
    "MandataireLetterData",
    "ReminderData",
    "RepaymentPlanData",
    "render_formal_notice",
    "render_mandataire_letter",
    "render_reminder",
    "render_repayment_plan",
]

CLOSING = (
    "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées."
)
FRIENDLY_CLOSING = "Nous vous prions de recevoir, Madame, Monsieur, nos salutations les meilleures."


@dataclass(frozen=True)
class DebtMonth:
    """One month (or one other term, named by ``label``) still partly or wholly unpaid."""

    period_month: date
    charged: int
    unpaid: int
    label: str = ""

    def title(self) -> str:
        """``novembre 2026``, or the label of a term that is not a month."""
        return self.label or month_name(self.period_month)


@dataclass(frozen=True)
class Instalment:
    """One payment of a repayment plan."""

    due_on: date
    amount: int


@dataclass(frozen=True, kw_only=True)
class LetterData:
    """What every arrears letter carries; ``debt`` equals the unpaid amounts of ``months``.

    ``boarding_house`` speaks of a redevance and a contrat de résidence instead of a rent.
    """

    letterhead: Letterhead
    recipient: Recipient
    written_on: date
    contract_reference: str
    dwelling_address: tuple[str, ...]
    debt: int
    months: tuple[DebtMonth, ...]
    contact: Contact
    signatory: Signatory
    place: str = ""
    copies: tuple[str, ...] = ()
    boarding_house: bool = False

    def check(self) -> None:
        """Refuse a letter whose detail does not add up to the debt it states.

        Raises:
            ValueError: the debt is not positive or differs from the sum of the months.
        """
        if self.debt <= 0:
            raise ValueError("an arrears letter states a positive debt")
        if self.months and sum(month.unpaid for month in self.months) != self.debt:
            raise ValueError("the months detailed do not add up to the debt")


@dataclass(frozen=True, kw_only=True)
class ReminderData(LetterData):
    """A friendly reminder; ``pay_by`` is an optional, gentle date to pay or call."""

    pay_by: date | None = None


@dataclass(frozen=True, kw_only=True)
class FormalNoticeData(LetterData):
    """A mise en demeure, sent with proof of delivery.

    ``previous_letters`` are the dates of the earlier reminders; ``benefit_agency`` (CAF or MSA)
    is set when the unpaid rent is reported to the body paying the housing benefit.
    """

    deadline: date
    previous_letters: tuple[date, ...] = ()
    benefit_agency: str = ""
    delivery: str = "Lettre recommandée avec accusé de réception"


@dataclass(frozen=True, kw_only=True)
class RepaymentPlanData(LetterData):
    """A plan d'apurement amiable: the debt on ``debt_on``, paid by ``instalments``.

    ``current_share`` is the monthly share of the current rent the household keeps paying;
    ``remainder_note`` says how a debt larger than the schedule is settled (an FSL aid…);
    ``benefit_agency`` is set when a copy goes to the CAF or the MSA.
    """

    debt_on: date
    instalments: tuple[Instalment, ...]
    current_share: int
    remainder_note: str = ""
    benefit_agency: str = ""

    @property
    def scheduled(self) -> int:
        """The total of the instalments."""
        return sum(instalment.amount for instalment in self.instalments)


@dataclass(frozen=True, kw_only=True)
class MandataireLetterData(LetterData):
    """A letter to the mandataire judiciaire of a protected person (``recipient`` is him).

    ``measure`` is the French name of the measure (« curatelle renforcée »).
    """

    protected_person: str
    measure: str
    current_share: int | None = None


# ------------------------------------------------------------------ renderers
def render_reminder(data: ReminderData) -> bytes:
    """Courrier de rappel: a first, friendly letter about an unpaid month."""
    data.check()
    plural = len(data.months) > 1
    rent = _rent(data) + ("s" if plural else "")
    your = "vos" if plural else "votre"
    settled = ("n'ont pas été réglé" if plural else "n'a pas été réglé") + _e(data)
    settled += "s" if plural else ""
    doc, story = _opening(
        data,
        title="Courrier de rappel",
        subject=f"{your.capitalize()} {rent} de {_months(data)}",
    )
    story += [
        doc.para(
            "Nous nous permettons de vous écrire au sujet de votre compte. À ce jour, "
            f"{your} {rent} de {_months(data)} {settled} en totalité : il reste "
            f"{money(data.debt)} à payer."
        ),
        *_months_table(doc, data),
        doc.para(
            "Il s'agit peut-être d'un oubli ou d'un décalage de versement. Si vous avez réglé "
            "cette somme entre-temps, nous vous en remercions et vous prions de ne pas tenir "
            "compte de ce courrier."
        ),
        doc.para(
            "Si vous traversez une période difficile (baisse de ressources, changement de "
            "situation familiale, interruption de l'aide au logement…), n'attendez pas : "
            "parlons-en ensemble. Des solutions existent :"
        ),
        *_help_bullets(doc),
        doc.para(
            f"Vous pouvez joindre {data.contact.sentence()} pour en parler ou convenir d'un "
            "rendez-vous."
        ),
    ]
    if data.pay_by is not None:
        story.append(
            doc.para(
                "Nous vous remercions de régler cette somme, ou de prendre contact avec nous, "
                f"avant le {day(data.pay_by)}."
            )
        )
    story += _closing(doc, data, FRIENDLY_CLOSING)
    return doc.render(story)


def render_formal_notice(data: FormalNoticeData) -> bytes:
    """Mise en demeure: the debt, the months, the deadline and the legal facts, precisely.

    Raises:
        ValueError: the deadline is not after the letter's date, or the debt does not add up.
    """
    data.check()
    if data.deadline <= data.written_on:
        raise ValueError("the deadline of a formal notice comes after the letter")
    rent = _rent(data)
    doc, story = _opening(
        data,
        title="Mise en demeure",
        subject=f"Mise en demeure de payer – {rent}",
        delivery=data.delivery,
    )
    if data.previous_letters:
        dates = [day(sent) for sent in data.previous_letters]
        letters = (
            f"notre courrier du {dates[0]}"
            if len(dates) == 1
            else "nos courriers des " + ", ".join(dates[:-1]) + " et " + dates[-1]
        )
        opening = f"Malgré {letters}, nous constatons qu'au {day(data.written_on)}"
    else:
        opening = f"Nous constatons qu'au {day(data.written_on)}"
    story += [
        doc.rich(
            opening + ", la somme de <b>{debt}</b> reste due au titre {what} du logement situé "
            "{address} (contrat {reference}), pour les termes suivants :",
            debt=money(data.debt),
            what=_of_rent(data),
            address=", ".join(data.dwelling_address),
            reference=data.contract_reference,
        ),
        *_months_table(doc, data),
    ]
    if data.boarding_house:
        story += [
            doc.para(
                "Le paiement de la redevance aux termes convenus est une obligation prévue par "
                "votre contrat de résidence. L'article R. 633-3 du code de la construction et de "
                "l'habitation permet au gestionnaire de résilier le contrat, avec un préavis "
                "d'un mois, lorsque trois termes mensuels consécutifs sont totalement impayés, "
                "ou lorsque la dette atteint au moins deux fois le montant mensuel de la "
                "redevance en cas de paiement partiel."
            ),
        ]
    else:
        story.append(
            doc.para(
                "Le paiement du loyer et des charges aux termes convenus est une obligation du "
                "locataire (article 7 de la loi n° 89-462 du 6 juillet 1989)."
            )
        )
    story.append(
        doc.rich(
            "Par la présente, nous vous mettons en demeure de régler la somme de <b>{debt}</b> "
            "<b>avant le {deadline}</b>, ou de prendre contact avec nous avant cette date pour "
            "convenir d'un plan d'apurement.",
            debt=money(data.debt),
            deadline=day(data.deadline),
        )
    )
    if data.boarding_house:
        story.append(
            doc.para(
                "À défaut de règlement ou d'accord à cette date, nous pourrons engager la "
                "résiliation de votre contrat de résidence dans ces conditions. Nous ne "
                "souhaitons pas en arriver là."
            )
        )
    else:
        story.append(
            doc.para(
                "À défaut de règlement ou d'accord à cette date, nous pourrons engager la "
                "procédure prévue par la loi : un commandement de payer vous serait délivré par "
                "un commissaire de justice ; si la dette n'était pas réglée dans le délai qu'il "
                "indique, le juge des contentieux de la protection pourrait être saisi et "
                "constater la résiliation du contrat. Le juge peut aussi accorder des délais de "
                "paiement. Nous ne souhaitons pas en arriver là."
            )
        )
    if data.benefit_agency:
        story.append(
            doc.para(
                "Conformément à la réglementation des aides personnelles au logement, nous "
                f"signalons cet impayé à la {data.benefit_agency}, qui en informe la commission "
                "de coordination des actions de prévention des expulsions locatives (CCAPEX). "
                "L'aide au logement peut être maintenue, notamment si vous reprenez le paiement "
                "de votre part du loyer courant et si un plan d'apurement est mis en place et "
                "respecté."
            )
        )
    story += [
        doc.para(
            "Nous savons qu'un impayé est souvent le signe d'une difficulté. Nous restons "
            "disponibles pour en parler et chercher une solution avec vous :"
        ),
        *_help_bullets(doc),
        doc.para(f"Votre contact : {data.contact.sentence()}."),
    ]
    story += _closing(doc, data, CLOSING)
    return doc.render(story)


def render_repayment_plan(data: RepaymentPlanData) -> bytes:
    """Plan d'apurement amiable: the debt, the schedule, the commitments, both signatures.

    Raises:
        ValueError: no instalment, an instalment not positive, a schedule above the debt, or a
            debt that does not add up.
    """
    data.check()
    if not data.instalments or any(item.amount <= 0 for item in data.instalments):
        raise ValueError("a repayment plan has positive instalments")
    if data.scheduled > data.debt:
        raise ValueError("the instalments exceed the debt")
    rent = _rent(data)
    current = _current(data)
    doc = PdfDocument(
        letterhead=data.letterhead,
        title="Plan d'apurement amiable",
        reference=data.contract_reference,
        subject=f"Plan d'apurement amiable – contrat {data.contract_reference}",
    )
    head = data.letterhead
    signatory = data.signatory.name + (f", {data.signatory.title}" if data.signatory.title else "")
    story: list[Any] = [
        doc.heading(data.recipient),
        doc.para("Plan d'apurement amiable", "title"),
        doc.para(
            f"Contrat {data.contract_reference} – {', '.join(data.dwelling_address)}", "subtitle"
        ),
        doc.rich(
            "Entre <b>{association}</b>, {address}, représentée par {signatory}, ci-après "
            "« l'association »,",
            association=head.name,
            address=", ".join(head.address_lines),
            signatory=signatory,
        ),
        doc.rich(
            "et <b>{names}</b>, {address}, ci-après « le ménage »,",
            names=data.recipient.joined_names(),
            address=", ".join(data.recipient.address_lines),
        ),
        doc.para("il est convenu ce qui suit."),
        doc.para("Article 1 – La dette", "heading"),
        doc.rich(
            "Le ménage et l'association constatent qu'au {debt_on}, la somme de <b>{debt}</b> "
            "reste due au titre {what} du logement situé {address}, détaillée ci-dessous.",
            debt_on=day(data.debt_on),
            debt=money(data.debt),
            what=_of_rent(data),
            address=", ".join(data.dwelling_address),
        ),
        *_months_table(doc, data),
        doc.para("Article 2 – L'échéancier", "heading"),
        doc.para(
            "Le ménage s'engage à rembourser cette somme selon l'échéancier suivant, en plus du "
            f"paiement de sa part {_of(current)} :"
        ),
        _schedule_table(doc, data),
        Spacer(1, 3 * mm),
    ]
    remainder = data.debt - data.scheduled
    if remainder > 0:
        how = data.remainder_note or "selon des modalités à convenir ensemble"
        story.append(doc.para(f"Le solde de {money(remainder)} sera réglé {how}."))
    story += [
        doc.para(f"Article 3 – {current.capitalize()}", "heading"),
        doc.para(
            f"Le ménage continue à régler chaque mois sa part {_of(current)}, soit "
            f"{money(data.current_share)} à ce jour. Ce montant peut évoluer avec "
            f"{_the(rent)} ou l'aide au logement ; l'association en informe "
            "alors le ménage."
        ),
        doc.para("Article 4 – En cas de difficulté", "heading"),
        doc.para(
            "Si le ménage ne peut pas honorer une échéance, il prévient l'association au plus "
            f"tôt ({data.contact.sentence()}) : le plan peut être revu d'un commun accord. Tant "
            "que le plan est respecté, l'association n'engage aucune procédure pour cette "
            "dette. S'il ne l'est plus et sans nouvel accord, l'association pourra reprendre les "
            "démarches de recouvrement prévues par la loi, après en avoir informé le ménage par "
            "écrit."
        ),
    ]
    if data.benefit_agency:
        story += [
            doc.para("Article 5 – Aide au logement", "heading"),
            doc.para(
                f"Une copie du présent plan est transmise à la {data.benefit_agency}. Le "
                "versement de l'aide au logement peut être maintenu tant que le plan est "
                "respecté."
            ),
        ]
    where = data.place or head.city
    made = f"Fait en deux exemplaires, à {where}, le {day(data.written_on)}."
    if not where:
        made = f"Fait en deux exemplaires, le {day(data.written_on)}."
    story += [Spacer(1, 3 * mm), doc.para(made), _plan_signatures(doc, data)]
    if data.copies:
        story.append(doc.para("Copie : " + ", ".join(data.copies), "small"))
    return doc.render(story)


def render_mandataire_letter(data: MandataireLetterData) -> bytes:
    """Letter to the mandataire of a protected person: the debt and the solutions to look at."""
    data.check()
    rent = _rent(data)
    person = data.protected_person
    doc, story = _opening(
        data,
        title="Courrier au mandataire",
        subject=f"{rent.capitalize()} de {person} – contrat {data.contract_reference}",
    )
    story += [
        doc.rich(
            "Vous exercez la mesure de {measure} de <b>{person}</b>, {who} du logement situé "
            "{address}, que notre association met à sa disposition (contrat {reference}).",
            measure=data.measure,
            person=person,
            who="résident·e" if data.boarding_house else "locataire",
            address=", ".join(data.dwelling_address),
            reference=data.contract_reference,
        ),
        doc.rich(
            "Nous nous permettons de vous informer qu'à ce jour, la somme de <b>{debt}</b> reste "
            "due au titre {what}, pour les termes suivants :",
            debt=money(data.debt),
            what=_of_rent(data),
        ),
        *_months_table(doc, data),
    ]
    if data.current_share is not None:
        current = _current(data)
        story.append(
            doc.para(
                f"La part {_of(current)} à la charge de {person} s'élève à "
                f"{money(data.current_share)} par mois."
            )
        )
    story += [
        doc.para(
            "Afin d'éviter que la situation ne s'aggrave, nous vous remercions de bien vouloir "
            "examiner avec nous les solutions possibles :"
        ),
        doc.bullet("la mise en place ou la vérification du paiement mensuel de la part courante ;"),
        doc.bullet(f"un plan d'apurement adapté aux ressources de {person} ;"),
        doc.bullet("une demande d'aide au Fonds de solidarité pour le logement (FSL) ;"),
        doc.bullet(
            "la vérification des droits à l'aide au logement auprès de la CAF ou de la MSA."
        ),
        doc.para(
            f"{data.contact.sentence()} se tient à votre disposition. Nous pouvons aussi "
            f"organiser une rencontre avec {person} et son travailleur social."
        ),
    ]
    story += _closing(doc, data, CLOSING)
    return doc.render(story)


# ------------------------------------------------------------------ shared pieces
def _opening(
    data: LetterData, *, title: str, subject: str, delivery: str = ""
) -> tuple[PdfDocument, list[Any]]:
    doc = PdfDocument(
        letterhead=data.letterhead,
        title=title,
        reference=data.contract_reference,
        subject=subject,
    )
    story: list[Any] = [doc.heading(data.recipient)]
    if delivery:
        story.append(doc.rich("<b>{delivery}</b>", delivery=delivery))
    story += [
        doc.para(doc.place_and_date(data.written_on, data.place), "right"),
        Spacer(1, 4 * mm),
        doc.rich("<b>Objet :</b> {subject}", subject=subject),
        doc.rich(
            "<b>Réf. :</b> contrat {reference} – {address}",
            reference=data.contract_reference,
            address=", ".join(data.dwelling_address),
        ),
        Spacer(1, 3 * mm),
        doc.para("Madame, Monsieur,"),
    ]
    return doc, story


def _closing(doc: PdfDocument, data: LetterData, formula: str) -> list[Any]:
    story: list[Any] = [doc.para(formula), Spacer(1, 2 * mm), doc.signature("", data.signatory)]
    if data.copies:
        story.append(doc.para("Copie : " + ", ".join(data.copies), "small"))
    return story


def _help_bullets(doc: PdfDocument) -> list[Any]:
    return [
        doc.bullet("étaler le remboursement par un plan d'apurement adapté à votre budget ;"),
        doc.bullet("demander une aide du Fonds de solidarité pour le logement (FSL) ;"),
        doc.bullet("vérifier avec la CAF ou la MSA vos droits à l'aide au logement ;"),
        doc.bullet("rencontrer votre travailleur social ou votre référent pour faire le point."),
    ]


def _months_table(doc: PdfDocument, data: LetterData) -> list[Any]:
    if not data.months:
        return []
    rows = [[month.title(), money(month.charged), money(month.unpaid)] for month in data.months]
    rows.append(["Total restant dû", "", money(data.debt)])
    table = doc.grid(
        ["Terme", "Montant à votre charge", "Reste à payer"],
        rows,
        [CONTENT_WIDTH - 90 * mm, 45 * mm, 45 * mm],
        right_columns=(1, 2),
        bold_rows=(len(rows) - 1,),
    )
    return [table, Spacer(1, 4 * mm)]


def _schedule_table(doc: PdfDocument, data: RepaymentPlanData) -> Any:
    left = data.debt
    rows = []
    for number, instalment in enumerate(data.instalments, start=1):
        left -= instalment.amount
        rows.append([str(number), day(instalment.due_on), money(instalment.amount), money(left)])
    rows.append(["", "Total de l'échéancier", money(data.scheduled), ""])
    return doc.grid(
        ["N°", "Date", "Montant", "Reste dû après l'échéance"],
        rows,
        [15 * mm, CONTENT_WIDTH - 105 * mm, 40 * mm, 50 * mm],
        right_columns=(2, 3),
        bold_rows=(len(rows) - 1,),
    )


def _plan_signatures(doc: PdfDocument, data: RepaymentPlanData) -> Any:
    association = doc.lines(
        ["Pour l'association", data.signatory.name, data.signatory.title], bold_first=True
    )
    household = doc.lines(["Le ménage", *data.recipient.names], bold_first=True)
    note = doc.para("Signature précédée de la mention « Lu et approuvé »", "small")
    table = Table(
        [[association, household], [note, note]],
        colWidths=[CONTENT_WIDTH / 2, CONTENT_WIDTH / 2],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 25 * mm),
            ]
        )
    )
    return KeepTogether([Spacer(1, 4 * mm), table])


def _rent(data: LetterData) -> str:
    return "redevance" if data.boarding_house else "loyer"


def _e(data: LetterData) -> str:
    """The feminine agreement of a past participle: « la redevance … réglée »."""
    return "e" if data.boarding_house else ""


def _of_rent(data: LetterData) -> str:
    return "de la redevance" if data.boarding_house else "du loyer et des charges"


def _current(data: LetterData) -> str:
    return "la redevance courante" if data.boarding_house else "le loyer courant"


def _the(rent: str) -> str:
    return "la redevance" if rent == "redevance" else "le loyer"


def _of(noun_phrase: str) -> str:
    """« de » before a noun phrase: « du loyer courant », « de la redevance courante »."""
    if noun_phrase.startswith("le "):
        return "du " + noun_phrase[3:]
    return "de " + noun_phrase


def _months(data: LetterData) -> str:
    titles = [month.title() for month in data.months]
    if not titles:
        return "ces derniers mois"
    if len(titles) == 1:
        return titles[0]
    return ", ".join(titles[:-1]) + " et " + titles[-1]
