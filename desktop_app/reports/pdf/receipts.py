"""Rent documents (DOMAIN §3.6): avis d'échéance, quittance, reçu, services invoice, statement.

Each renderer takes a frozen dataclass prepared by the ledger service and returns PDF bytes; it
computes only sums of what it is handed. A quittance says what was received for the month,
nature by nature (loi du 6 juillet 1989, art. 21: free, distinguishing rent and charges); a
partial payment gets a reçu that says it is not a quittance. In tiers payant the housing benefit
paid to the association is shown deducted. A pension de famille quittance covers the redevance
(rent-equivalent, charges, mandatory services); optional services get their own invoice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import Spacer  # type: ignore[import-untyped]

from desktop_app.reports.pdf.common import (
    CONTENT_WIDTH,
    AmountRow,
    Contact,
    Letterhead,
    PdfDocument,
    Recipient,
    Signatory,
    day,
    money,
    month_name,
    month_span,
)

__all__ = [
    "BenefitDeducted",
    "DueNoticeData",
    "Payment",
    "ReceiptData",
    "ReceiptLine",
    "ServiceLine",
    "ServicesInvoiceData",
    "StatementData",
    "StatementLine",
    "render_boarding_house_quittance",
    "render_due_notice",
    "render_partial_receipt",
    "render_quittance",
    "render_services_invoice",
    "render_statement",
]

LAW_1989 = "loi n° 89-462 du 6 juillet 1989, article 21"
OPTIONAL_SERVICES = "optional_services"


@dataclass(frozen=True)
class ReceiptLine:
    """One component of the month: ``Loyer`` 400,00 €. ``nature`` is a CHARGE_NATURE code."""

    label: str
    amount: int
    nature: str = ""


@dataclass(frozen=True)
class BenefitDeducted:
    """Housing benefit paid to the association for the household (tiers payant)."""

    amount: int
    agency: str = "CAF"
    label: str = ""


@dataclass(frozen=True)
class Payment:
    """A payment, or the part of one, settling this month (household, FSL, other aid)."""

    on: date
    label: str
    amount: int


@dataclass(frozen=True, kw_only=True)
class MonthDocument:
    """What an avis d'échéance, a quittance and a reçu share: one contract, one month.

    ``boarding_house`` switches the wording to the redevance of a contrat de résidence.
    ``on_behalf_of`` names the owner when the association acts under a mandat de gestion.
    """

    letterhead: Letterhead
    recipient: Recipient
    number: str
    issued_on: date
    contract_reference: str
    dwelling_address: tuple[str, ...]
    period_month: date
    lines: tuple[ReceiptLine, ...]
    benefit: BenefitDeducted | None = None
    boarding_house: bool = False
    on_behalf_of: str = ""
    signatory: Signatory | None = None
    contact: Contact | None = None

    @property
    def total(self) -> int:
        """Everything charged for the month."""
        return sum(line.amount for line in self.lines)

    @property
    def household_share(self) -> int:
        """The month less the housing benefit paid to the association."""
        return self.total - (self.benefit.amount if self.benefit else 0)


@dataclass(frozen=True, kw_only=True)
class DueNoticeData(MonthDocument):
    """An avis d'échéance: ``previous_balance`` > 0 is still owed, < 0 an advance."""

    due_on: date
    previous_balance: int = 0
    payment_instructions: str = ""

    @property
    def to_pay(self) -> int:
        """What the household is asked to pay by the due date (never below zero)."""
        return max(self.household_share + self.previous_balance, 0)


@dataclass(frozen=True, kw_only=True)
class ReceiptData(MonthDocument):
    """A quittance (month settled) or a reçu (partly settled): ``payments`` settle this month."""

    payments: tuple[Payment, ...] = ()
    occupation_indemnity: bool = False

    @property
    def paid(self) -> int:
        """What the household (or an aid on its behalf) paid for this month."""
        return sum(payment.amount for payment in self.payments)

    @property
    def remaining(self) -> int:
        """What the household still owes for this month."""
        return max(self.household_share - self.paid, 0)


@dataclass(frozen=True)
class ServiceLine:
    """An optional service of a pension de famille (meals, laundry…), with its quantity."""

    label: str
    amount: int
    quantity: int | None = None
    unit_price: int | None = None


@dataclass(frozen=True, kw_only=True)
class ServicesInvoiceData:
    """The separate invoice of a resident's optional services for one month."""

    letterhead: Letterhead
    recipient: Recipient
    number: str
    issued_on: date
    contract_reference: str
    dwelling_address: tuple[str, ...]
    period_month: date
    lines: tuple[ServiceLine, ...]
    due_on: date | None = None
    paid: int = 0
    vat_mention: str = ""
    payment_instructions: str = ""
    signatory: Signatory | None = None
    contact: Contact | None = None

    @property
    def total(self) -> int:
        """The invoice total."""
        return sum(line.amount for line in self.lines)


@dataclass(frozen=True)
class StatementLine:
    """One movement of the account; ``debit`` is charged, ``credit`` received (both ≥ 0)."""

    on: date
    label: str
    debit: int = 0
    credit: int = 0
    period_month: date | None = None


@dataclass(frozen=True, kw_only=True)
class StatementData:
    """An account statement over [start, end]; balances > 0 are owed by the household."""

    letterhead: Letterhead
    recipient: Recipient
    issued_on: date
    contract_reference: str
    dwelling_address: tuple[str, ...]
    start: date
    end: date
    opening_balance: int
    lines: tuple[StatementLine, ...]
    number: str = ""
    pending_benefit: int = 0
    deposit_held: int | None = None
    signatory: Signatory | None = None
    contact: Contact | None = None

    @property
    def total_debit(self) -> int:
        """Everything charged over the period."""
        return sum(line.debit for line in self.lines)

    @property
    def total_credit(self) -> int:
        """Everything received over the period."""
        return sum(line.credit for line in self.lines)

    @property
    def closing_balance(self) -> int:
        """The balance at the end of the period."""
        return self.opening_balance + self.total_debit - self.total_credit


# ------------------------------------------------------------------ avis d'échéance
def render_due_notice(data: DueNoticeData) -> bytes:
    """Avis d'échéance: the month's amounts, the benefit expected, what to pay and by when."""
    doc = PdfDocument(
        letterhead=data.letterhead,
        title="Avis d'échéance",
        reference=data.number,
        subject=f"Avis d'échéance – {month_name(data.period_month)}",
    )
    words = _Words(data.boarding_house)
    rows = _month_rows(data, words, expected=True)
    rows.append(AmountRow(words.share, money(data.household_share), total=True))
    if data.previous_balance > 0:
        rows.append(AmountRow("Solde antérieur restant dû", money(data.previous_balance)))
    elif data.previous_balance < 0:
        rows.append(AmountRow("Avance déjà versée", money(data.previous_balance)))
    to_pay = f"Montant à régler avant le {day(data.due_on)}"
    rows.append(AmountRow(to_pay, money(data.to_pay), total=True))
    story: list[Any] = [
        doc.heading(data.recipient),
        doc.para("Avis d'échéance", "title"),
        doc.para(f"{words.charge_of} {month_name(data.period_month)}", "subtitle"),
        doc.key_values(
            [
                ("N° d'avis", data.number),
                ("Date d'émission", day(data.issued_on)),
                *_contract_facts(data, words),
                ("Date d'échéance", day(data.due_on)),
            ]
        ),
        Spacer(1, 5 * mm),
        doc.amounts(rows, header=("Détail", "Montant")),
        Spacer(1, 4 * mm),
    ]
    credit_left = data.household_share + data.previous_balance
    if credit_left < 0:
        story.append(
            doc.para(f"Après cette échéance, votre avance restante est de {money(-credit_left)}.")
        )
    if data.benefit is not None:
        story.append(
            doc.para(
                f"L'aide au logement de {money(data.benefit.amount)} est versée directement à "
                f"{data.letterhead.name} par la {data.benefit.agency} ; elle est déduite du "
                "montant qui vous est demandé."
            )
        )
    if data.payment_instructions:
        story.append(doc.para(data.payment_instructions))
    story.append(_help_paragraph(doc, data.contact))
    notice = "Cet avis d'échéance ne vaut pas quittance. Il vous est adressé sans frais"
    notice += "." if data.boarding_house else f" ({LAW_1989})."
    story.append(doc.para(notice, "italic"))
    return doc.render(story)


# ------------------------------------------------------------------ quittance
def render_quittance(data: ReceiptData) -> bytes:
    """Quittance of a fully settled month, amounts by nature, « pour acquit».

    Raises:
        ValueError: the month is not exactly settled (a reçu is due instead), or a pension de
            famille quittance would include optional services (they have their own invoice).
    """
    if data.paid != data.household_share:
        raise ValueError("a quittance is issued only for a month exactly settled")
    if data.boarding_house and any(line.nature == OPTIONAL_SERVICES for line in data.lines):
        raise ValueError("optional services go on their own invoice, not on the quittance")
    words = _Words(data.boarding_house, data.occupation_indemnity)
    doc = PdfDocument(
        letterhead=data.letterhead,
        title=words.quittance,
        reference=data.number,
        subject=f"{words.quittance} – {month_name(data.period_month)}",
    )
    rows = _month_rows(data, words, expected=False)
    rows.append(AmountRow(words.share, money(data.household_share), total=True))
    rows += [AmountRow(_payment_label(payment), money(payment.amount)) for payment in data.payments]
    rows.append(AmountRow("Reste dû pour ce mois", money(0), total=True))
    received = (
        "la somme de <b>{total}</b>, dont {benefit} d'aide au logement versée directement par "
        "la {agency} et {paid} réglés par le ménage ou pour son compte,"
        if data.benefit is not None
        else "la somme de <b>{total}</b>"
    )
    story: list[Any] = [
        doc.heading(data.recipient),
        doc.para(words.quittance, "title"),
        doc.para(f"{words.charge_of} {month_name(data.period_month)}", "subtitle"),
        doc.key_values(
            [
                ("N° de quittance", data.number),
                ("Date d'émission", day(data.issued_on)),
                *_contract_facts(data, words),
            ]
        ),
        Spacer(1, 5 * mm),
        doc.rich(
            "{issuer} déclare avoir reçu de {names} "
            + received
            + " au titre "
            + words.of_what
            + " pour la période {span} ({month}), et lui en donne quittance, sous réserve de "
            "tous droits.",
            issuer=_issuer(data),
            names=data.recipient.joined_names(),
            total=money(data.total),
            benefit=money(data.benefit.amount if data.benefit else 0),
            agency=data.benefit.agency if data.benefit else "",
            paid=money(data.paid),
            span=month_span(data.period_month),
            month=month_name(data.period_month),
        ),
        Spacer(1, 2 * mm),
        doc.amounts(rows, header=("Détail", "Montant")),
        Spacer(1, 4 * mm),
    ]
    if data.boarding_house:
        story.append(
            doc.para(
                "La redevance comprend l'équivalent de loyer, les charges et les prestations "
                "obligatoires prévues au contrat de résidence. Les prestations facultatives font "
                "l'objet d'une facture distincte. Quittance délivrée sans frais.",
                "italic",
            )
        )
    else:
        story.append(
            doc.para(
                f"Quittance délivrée gratuitement ({LAW_1989}) ; elle distingue le loyer et les "
                "charges.",
                "italic",
            )
        )
    if data.occupation_indemnity:
        story.append(
            doc.para(
                "Cette quittance porte sur une indemnité d'occupation : elle ne vaut pas "
                "reconnaissance d'un nouveau contrat.",
                "italic",
            )
        )
    story.append(Spacer(1, 4 * mm))
    story.append(_signature(doc, data.issued_on, data.signatory, note="Pour acquit"))
    return doc.render(story)


def render_boarding_house_quittance(data: ReceiptData) -> bytes:
    """Quittance of a pension de famille redevance (optional services excluded)."""
    return render_quittance(replace(data, boarding_house=True))


# ------------------------------------------------------------------ reçu
def render_partial_receipt(data: ReceiptData) -> bytes:
    """Reçu of a partial payment: what was received, what remains, and that it is no quittance.

    Raises:
        ValueError: nothing was paid, or the month is settled (a quittance is due instead).
    """
    if data.paid <= 0 or data.paid >= data.household_share:
        raise ValueError("a reçu acknowledges a partial payment of the month")
    words = _Words(data.boarding_house, data.occupation_indemnity)
    doc = PdfDocument(
        letterhead=data.letterhead,
        title="Reçu",
        reference=data.number,
        subject=f"Reçu – paiement partiel – {month_name(data.period_month)}",
    )
    rows = _month_rows(data, words, expected=False)
    rows.append(AmountRow(words.share, money(data.household_share), total=True))
    rows += [AmountRow(_payment_label(payment), money(payment.amount)) for payment in data.payments]
    rows.append(AmountRow("Reste dû pour ce mois", money(data.remaining), total=True))
    story: list[Any] = [
        doc.heading(data.recipient),
        doc.para("Reçu", "title"),
        doc.para(
            f"Paiement partiel – {words.charge_of} {month_name(data.period_month)}", "subtitle"
        ),
        doc.key_values(
            [
                ("N° de reçu", data.number),
                ("Date d'émission", day(data.issued_on)),
                *_contract_facts(data, words),
            ]
        ),
        Spacer(1, 5 * mm),
        doc.rich(
            "{issuer} reconnaît avoir reçu de {names} la somme de <b>{paid}</b> en paiement "
            "partiel " + words.of_what + " de {month}. Il reste dû <b>{remaining}</b> pour ce "
            "mois.",
            issuer=_issuer(data),
            names=data.recipient.joined_names(),
            paid=money(data.paid),
            month=month_name(data.period_month),
            remaining=money(data.remaining),
        ),
        Spacer(1, 2 * mm),
        doc.amounts(rows, header=("Détail", "Montant")),
        Spacer(1, 4 * mm),
        doc.rich(
            "<b>Ce reçu ne vaut pas quittance.</b> Une quittance vous sera délivrée lorsque le "
            "mois sera entièrement réglé" + ("." if data.boarding_house else f" ({LAW_1989})."),
        ),
        _help_paragraph(doc, data.contact),
        Spacer(1, 4 * mm),
        _signature(doc, data.issued_on, data.signatory),
    ]
    return doc.render(story)


# ------------------------------------------------------------------ optional services invoice
def render_services_invoice(data: ServicesInvoiceData) -> bytes:
    """Facture of a resident's optional services, separate from the redevance.

    Raises:
        ValueError: a line's quantity × unit price differs from its amount.
    """
    for line in data.lines:
        if (
            line.quantity is not None
            and line.unit_price is not None
            and line.quantity * line.unit_price != line.amount
        ):
            raise ValueError(f"quantity × unit price differs from the amount of {line.label}")
    doc = PdfDocument(
        letterhead=data.letterhead,
        title="Facture",
        reference=data.number,
        subject=f"Facture – prestations facultatives – {month_name(data.period_month)}",
    )
    rows = [
        [
            line.label,
            "" if line.quantity is None else str(line.quantity),
            "" if line.unit_price is None else money(line.unit_price),
            money(line.amount),
        ]
        for line in data.lines
    ]
    rows.append(["Total de la facture", "", "", money(data.total)])
    bold = [len(rows) - 1]
    if data.paid:
        rows.append(["Déjà réglé", "", "", money(data.paid)])
        rows.append(["Reste à payer", "", "", money(max(data.total - data.paid, 0))])
        bold.append(len(rows) - 1)
    facts = [
        ("N° de facture", data.number),
        ("Date de facture", day(data.issued_on)),
        ("Contrat de résidence", data.contract_reference),
        ("Logement", ", ".join(data.dwelling_address)),
        ("Période", f"{month_name(data.period_month)} ({month_span(data.period_month)})"),
    ]
    if data.due_on is not None:
        facts.append(("À régler avant le", day(data.due_on)))
    story: list[Any] = [
        doc.heading(data.recipient),
        doc.para("Facture", "title"),
        doc.para(f"Prestations facultatives – {month_name(data.period_month)}", "subtitle"),
        doc.key_values(facts),
        Spacer(1, 5 * mm),
        doc.grid(
            ["Prestation", "Quantité", "Prix unitaire", "Montant"],
            rows,
            [CONTENT_WIDTH - 85 * mm, 20 * mm, 30 * mm, 35 * mm],
            right_columns=(1, 2, 3),
            bold_rows=bold,
        ),
        Spacer(1, 4 * mm),
        doc.para(
            "Ces prestations, choisies par le résident, sont facultatives : elles ne font pas "
            "partie de la redevance et sont facturées séparément.",
            "italic",
        ),
    ]
    if data.vat_mention:
        story.append(doc.para(data.vat_mention, "italic"))
    if data.payment_instructions:
        story.append(doc.para(data.payment_instructions))
    story.append(_help_paragraph(doc, data.contact))
    story.append(Spacer(1, 4 * mm))
    story.append(_signature(doc, data.issued_on, data.signatory))
    return doc.render(story)


# ------------------------------------------------------------------ account statement
def render_statement(data: StatementData) -> bytes:
    """Relevé de compte: opening balance, every movement with the running balance, closing.

    Raises:
        ValueError: the period is reversed, a movement falls outside it, or an amount is negative.
    """
    if data.end < data.start:
        raise ValueError("a statement cannot end before it starts")
    for line in data.lines:
        if not data.start <= line.on <= data.end:
            raise ValueError(f"movement of {line.on} outside the statement period")
        if line.debit < 0 or line.credit < 0:
            raise ValueError("debits and credits are written as positive amounts")
    doc = PdfDocument(
        letterhead=data.letterhead,
        title="Relevé de compte",
        reference=data.contract_reference,
        subject=f"Relevé de compte du {day(data.start)} au {day(data.end)}",
    )
    balance = data.opening_balance
    opening = [day(data.start), "Solde au début de la période", "", "", money(balance)]
    rows: list[list[str]] = [opening]
    for line in data.lines:
        balance += line.debit - line.credit
        label = line.label
        if line.period_month is not None:
            label += f" — {month_name(line.period_month)}"
        rows.append(
            [
                day(line.on),
                label,
                money(line.debit) if line.debit else "",
                money(line.credit) if line.credit else "",
                money(balance),
            ]
        )
    rows.append(
        [
            day(data.end),
            "Totaux et solde en fin de période",
            money(data.total_debit),
            money(data.total_credit),
            money(data.closing_balance),
        ]
    )
    facts = [
        ("Date d'édition", day(data.issued_on)),
        ("Contrat", data.contract_reference),
        ("Logement", ", ".join(data.dwelling_address)),
        ("Période", f"du {day(data.start)} au {day(data.end)}"),
    ]
    if data.number:
        facts.insert(0, ("N° de relevé", data.number))
    story: list[Any] = [
        doc.heading(data.recipient),
        doc.para("Relevé de compte", "title"),
        doc.para(f"Du {day(data.start)} au {day(data.end)}", "subtitle"),
        doc.key_values(facts),
        Spacer(1, 5 * mm),
        doc.grid(
            ["Date", "Libellé", "Débit", "Crédit", "Solde"],
            rows,
            [26 * mm, CONTENT_WIDTH - 116 * mm, 30 * mm, 30 * mm, 30 * mm],
            right_columns=(2, 3, 4),
            bold_rows=(0, len(rows) - 1),
        ),
        Spacer(1, 3 * mm),
        doc.para(
            "Débit : sommes appelées (loyer, charges…). Crédit : sommes reçues (vos règlements, "
            "l'aide au logement, les aides). Un solde positif est une somme restant due ; un "
            "solde négatif, une avance en votre faveur.",
            "small",
        ),
        Spacer(1, 2 * mm),
        doc.rich(_closing_sentence(data.closing_balance), end=day(data.end)),
    ]
    if data.pending_benefit > 0:
        story.append(
            doc.para(
                f"Aide au logement attendue mais pas encore reçue : {money(data.pending_benefit)}. "
                "Ce montant n'est pas une dette de votre part."
            )
        )
    if data.deposit_held is not None:
        story.append(
            doc.para(
                f"Dépôt de garantie détenu : {money(data.deposit_held)} (tenu sur un compte "
                "distinct, non compris dans ce relevé)."
            )
        )
    story.append(_help_paragraph(doc, data.contact))
    if data.signatory is not None:
        story.append(_signature(doc, data.issued_on, data.signatory))
    return doc.render(story)


# ------------------------------------------------------------------ shared wording
@dataclass(frozen=True)
class _Words:
    """The wording that differs between a lease and a contrat de résidence."""

    boarding_house: bool
    occupation_indemnity: bool = False

    @property
    def quittance(self) -> str:
        if self.boarding_house:
            return "Quittance de redevance"
        if self.occupation_indemnity:
            return "Quittance d'indemnité d'occupation"
        return "Quittance de loyer"

    @property
    def charge_of(self) -> str:
        if self.boarding_house:
            return "Redevance de"
        if self.occupation_indemnity:
            return "Indemnité d'occupation de"
        return "Loyer et charges de"

    @property
    def of_what(self) -> str:
        if self.boarding_house:
            return "de la redevance (équivalent de loyer, charges et prestations obligatoires)"
        if self.occupation_indemnity:
            return "de l'indemnité d'occupation et des charges"
        return "du loyer et des charges"

    @property
    def contract(self) -> str:
        return "Contrat de résidence" if self.boarding_house else "Contrat"

    @property
    def total(self) -> str:
        return "Redevance du mois" if self.boarding_house else "Total du mois"

    @property
    def share(self) -> str:
        return "Part à la charge du ménage"


def _contract_facts(data: MonthDocument, words: _Words) -> list[tuple[str, str]]:
    facts = [
        (words.contract, data.contract_reference),
        ("Logement", ", ".join(data.dwelling_address)),
        ("Période", f"{month_name(data.period_month)} ({month_span(data.period_month)})"),
    ]
    if data.on_behalf_of:
        facts.append(("Bailleur", data.on_behalf_of))
    return facts


def _month_rows(data: MonthDocument, words: _Words, *, expected: bool) -> list[AmountRow]:
    rows = [AmountRow(line.label, money(line.amount)) for line in data.lines]
    rows.append(AmountRow(words.total, money(data.total), total=True))
    if data.benefit is not None:
        label = _benefit_label(data.benefit, data.boarding_house, expected=expected)
        rows.append(AmountRow(label, money(-data.benefit.amount)))
    return rows


def _benefit_label(benefit: BenefitDeducted, boarding_house: bool, *, expected: bool) -> str:
    if benefit.label:
        return benefit.label
    name = "APL foyer" if boarding_house else "Aide au logement"
    how = "attendue de" if expected else "versée par"
    return f"{name} {how} la {benefit.agency} (versement direct à l'association)"


def _payment_label(payment: Payment) -> str:
    return f"{payment.label} du {day(payment.on)}"


def _issuer(data: MonthDocument) -> str:
    if data.on_behalf_of:
        return f"{data.letterhead.name}, agissant pour le compte de {data.on_behalf_of},"
    return data.letterhead.name


def _closing_sentence(balance: int) -> str:
    if balance > 0:
        return f"Au {{end}}, il reste dû <b>{money(balance)}</b>."
    if balance < 0:
        return f"Au {{end}}, votre compte présente une avance de <b>{money(-balance)}</b>."
    return "Au {end}, votre compte est à jour."


def _help_paragraph(doc: PdfDocument, contact: Contact | None) -> Any:
    if contact is None:
        return Spacer(1, 0)
    return doc.para(
        "Une question, une difficulté pour payer ? Parlez-en à "
        f"{contact.sentence()} : nous chercherons une solution avec vous."
    )


def _signature(doc: PdfDocument, on: date, signatory: Signatory | None, *, note: str = "") -> Any:
    who = signatory or Signatory(name=doc.letterhead.name)
    return doc.signature(doc.place_and_date(on), who, note=note)
