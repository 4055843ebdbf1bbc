"""Rent documents rendered to PDF and read back: wording, amounts, determinism, layout."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from desktop_app.reports.pdf import common
from desktop_app.reports.pdf.common import (
    MARGIN,
    PAGE_WIDTH,
    Contact,
    Letterhead,
    Recipient,
    Signatory,
)
from desktop_app.reports.pdf.receipts import (
    BenefitDeducted,
    DueNoticeData,
    Payment,
    ReceiptData,
    ReceiptLine,
    ServiceLine,
    ServicesInvoiceData,
    StatementData,
    StatementLine,
    render_boarding_house_quittance,
    render_due_notice,
    render_partial_receipt,
    render_quittance,
    render_services_invoice,
    render_statement,
)

ROOT = Path(__file__).resolve().parents[2]

LETTERHEAD = Letterhead(
    name="Association Toit & Lien",
    address_lines=("12 rue des Lilas", "69003 Lyon"),
    siret="123 456 789 00012",
    phone="04 72 00 00 00",
    email="contact@toit.example",
    city="Lyon",
)
RECIPIENT = Recipient(
    names=("Mme Awa Diallo", "M. Moussa Diallo"),
    address_lines=("5 allée des Tilleuls, apt 12", "69008 Lyon"),
)
DWELLING = ("5 allée des Tilleuls, apt 12", "69008 Lyon")
CONTACT = Contact(name="Claire Martin", role="conseillère ESF", phone="04 72 00 00 01")
SIGNATORY = Signatory(name="Paul Girard", title="Responsable de la gestion locative")
NOVEMBER = date(2026, 11, 1)
LONG_LABEL = (
    "Régularisation des charges locatives de l'exercice 2025 suivant le décompte transmis par "
    "le bailleur principal, comprenant l'eau froide, le chauffage collectif, l'entretien des "
    "parties communes, l'ascenseur et la taxe d'enlèvement des ordures ménagères, au prorata "
    "des tantièmes du logement occupé par le ménage depuis son entrée dans les lieux"
)


# ------------------------------------------------------------------ reading PDFs back
def pdf_text(pdf: bytes) -> str:
    """Every page's text, spaces of any kind collapsed to one."""
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def squeezed(text: str) -> str:
    """Text without any whitespace, to compare a label wrapped over several lines."""
    return re.sub(r"\s+", "", text.replace("\u00a0", "").replace("\u202f", ""))


class _LineCollector:
    """A pypdf text visitor joining the runs of each drawn line and measuring their width."""

    def __init__(self, page: int, lines: list[tuple[int, float, float, str]]) -> None:
        self.page = page
        self.lines = lines
        self.left: float | None = None
        self.width = 0.0
        self.words = ""

    def __call__(self, text, cm, tm, font, size) -> None:
        if not text or font is None:
            return
        if self.left is None:
            text = text.lstrip(" ")  # pypdf adds a space for a horizontal move
            self.left = tm[4] * cm[0] + cm[4]
        base = str(font.get("/BaseFont", "")).lstrip("/")
        name = "Seuil-" + base.split("+", 1)[1] if "+" in base else base
        self.width += pdfmetrics.stringWidth(text.rstrip("\n"), name, size * tm[0]) * cm[0]
        self.words += text.rstrip("\n")
        if text.endswith("\n"):
            self.lines.append((self.page, self.left, self.left + self.width, self.words))
            self.left, self.width, self.words = None, 0.0, ""


def text_lines(pdf: bytes) -> list[tuple[int, float, float, str]]:
    """(page, left x, right x, text) of every line drawn, widths measured with the PDF's fonts."""
    lines: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        page.extract_text(visitor_text=_LineCollector(number, lines))
    return lines


def assert_inside_margins(pdf: bytes) -> None:
    for page, left, right, words in text_lines(pdf):
        assert left >= MARGIN - 1, (page, words)
        assert right <= PAGE_WIDTH - MARGIN + 1, (page, right, words)


def receipt(**changes: object) -> ReceiptData:
    data = ReceiptData(
        letterhead=LETTERHEAD,
        recipient=RECIPIENT,
        number="Q-2026-11-0042",
        issued_on=date(2026, 12, 2),
        contract_reference="C-0042",
        dwelling_address=DWELLING,
        period_month=NOVEMBER,
        lines=(ReceiptLine("Loyer", 40_000, "rent"), ReceiptLine("Charges", 4_000, "charges")),
        benefit=BenefitDeducted(26_000, "CAF"),
        payments=(Payment(date(2026, 11, 8), "Règlement du ménage – virement", 18_000),),
        signatory=SIGNATORY,
        contact=CONTACT,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def due_notice(**changes: object) -> DueNoticeData:
    data = DueNoticeData(
        letterhead=LETTERHEAD,
        recipient=RECIPIENT,
        number="A-2026-11-0042",
        issued_on=date(2026, 10, 25),
        contract_reference="C-0042",
        dwelling_address=DWELLING,
        period_month=NOVEMBER,
        lines=(ReceiptLine("Loyer", 40_000, "rent"), ReceiptLine("Charges", 4_000, "charges")),
        benefit=BenefitDeducted(26_000, "CAF"),
        due_on=date(2026, 11, 5),
        previous_balance=6_000,
        payment_instructions="Virement : IBAN FR76 3000 4000 0500 0012 3456 789.",
        contact=CONTACT,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def boarding_receipt(**changes: object) -> ReceiptData:
    data = receipt(
        lines=(
            ReceiptLine("Équivalent de loyer", 32_000, "rent"),
            ReceiptLine("Charges", 6_000, "charges"),
            ReceiptLine("Prestations obligatoires", 3_500, "mandatory_services"),
        ),
        benefit=BenefitDeducted(30_000, "CAF"),
        payments=(Payment(date(2026, 11, 6), "Règlement du ménage – espèces", 11_500),),
        contract_reference="R-0007",
        number="QR-2026-11-0007",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def invoice(**changes: object) -> ServicesInvoiceData:
    data = ServicesInvoiceData(
        letterhead=LETTERHEAD,
        recipient=Recipient(names=("M. Jean Morel",), address_lines=("Pension Les Capucins",)),
        number="F-2026-11-0007",
        issued_on=date(2026, 12, 1),
        contract_reference="R-0007",
        dwelling_address=("Pension Les Capucins, chambre 7", "69001 Lyon"),
        period_month=NOVEMBER,
        lines=(
            ServiceLine("Repas partagés", 2_800, quantity=8, unit_price=350),
            ServiceLine("Laverie", 600, quantity=3, unit_price=200),
        ),
        due_on=date(2026, 12, 15),
        paid=1_000,
        vat_mention="TVA non applicable.",
        contact=CONTACT,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def statement(**changes: object) -> StatementData:
    data = StatementData(
        letterhead=LETTERHEAD,
        recipient=RECIPIENT,
        issued_on=date(2026, 12, 2),
        contract_reference="C-0042",
        dwelling_address=DWELLING,
        start=date(2026, 10, 1),
        end=date(2026, 11, 30),
        opening_balance=6_000,
        lines=(
            StatementLine(date(2026, 10, 1), "Loyer", debit=40_000, period_month=date(2026, 10, 1)),
            StatementLine(date(2026, 10, 1), "Charges", debit=4_000),
            StatementLine(date(2026, 10, 8), "Règlement du ménage", credit=18_000),
            StatementLine(date(2026, 10, 10), "Aide au logement – CAF", credit=26_000),
            StatementLine(date(2026, 11, 1), "Loyer", debit=40_000),
            StatementLine(date(2026, 11, 1), "Charges", debit=4_000),
            StatementLine(date(2026, 11, 9), "Règlement du ménage", credit=12_000),
        ),
        pending_benefit=26_000,
        deposit_held=40_000,
        contact=CONTACT,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


# ------------------------------------------------------------------ quittance
def test_a_quittance_details_rent_and_charges_and_says_pour_acquit() -> None:
    text = pdf_text(render_quittance(receipt()))

    assert "Quittance de loyer" in text
    assert "Loyer et charges de novembre 2026" in text
    assert "N° de quittance Q-2026-11-0042" in text
    assert "Date d'émission 02/12/2026" in text
    assert "pour la période du 01/11/2026 au 30/11/2026 (novembre 2026)" in text
    assert "Loyer 400,00 €" in text
    assert "Charges 40,00 €" in text
    assert "Total du mois 440,00 €" in text
    assert "Aide au logement versée par la CAF (versement direct à l'association) -260,00 €" in text
    assert "Part à la charge du ménage 180,00 €" in text
    assert "Règlement du ménage – virement du 08/11/2026 180,00 €" in text
    assert "Reste dû pour ce mois 0,00 €" in text
    assert (
        "Association Toit & Lien déclare avoir reçu de Mme Awa Diallo et M. Moussa Diallo la "
        "somme de 440,00 €, dont 260,00 € d'aide au logement versée directement par la CAF et "
        "180,00 € réglés par le ménage" in text
    )
    assert "et lui en donne quittance" in text
    assert "Pour acquit" in text
    assert "gratuitement (loi n° 89-462 du 6 juillet 1989, article 21)" in text
    assert "distingue le loyer et les charges" in text
    assert "Lyon, le 02/12/2026" in text
    assert "Paul Girard" in text


def test_a_quittance_without_tiers_payant_states_the_whole_sum() -> None:
    data = receipt(benefit=None, payments=(Payment(date(2026, 11, 3), "Chèque", 44_000),))

    text = pdf_text(render_quittance(data))

    assert "la somme de 440,00 € au titre du loyer et des charges" in text
    assert "Aide au logement" not in text


def test_a_quittance_under_a_mandate_names_the_owner() -> None:
    text = pdf_text(render_quittance(receipt(on_behalf_of="M. René Petit")))

    assert "Association Toit & Lien, agissant pour le compte de M. René Petit, déclare" in text
    assert "Bailleur M. René Petit" in text


def test_a_quittance_of_an_occupation_indemnity_says_so() -> None:
    data = receipt(
        occupation_indemnity=True,
        lines=(ReceiptLine("Indemnité d'occupation", 44_000, "occupation_indemnity"),),
    )

    text = pdf_text(render_quittance(data))

    assert "Quittance d'indemnité d'occupation" in text
    assert "ne vaut pas reconnaissance d'un nouveau contrat" in text


def test_a_quittance_is_refused_for_a_month_not_settled() -> None:
    partly = receipt(payments=(Payment(date(2026, 11, 8), "Virement", 10_000),))

    with pytest.raises(ValueError, match="exactly settled"):
        render_quittance(partly)


# ------------------------------------------------------------------ reçu
def test_a_partial_receipt_says_it_is_not_a_quittance_and_what_remains() -> None:
    data = receipt(
        number="R-2026-11-0042",
        payments=(
            Payment(date(2026, 11, 8), "Règlement du ménage – espèces", 6_000),
            Payment(date(2026, 11, 20), "Aide FSL", 4_000),
        ),
    )

    text = pdf_text(render_partial_receipt(data))

    assert "Reçu Paiement partiel – Loyer et charges de novembre 2026" in text
    assert "N° de reçu R-2026-11-0042" in text
    assert (
        "reconnaît avoir reçu de Mme Awa Diallo et M. Moussa Diallo la somme de 100,00 € en "
        "paiement partiel du loyer et des charges de novembre 2026" in text
    )
    assert "Il reste dû 80,00 € pour ce mois." in text
    assert "Aide FSL du 20/11/2026 40,00 €" in text
    assert "Reste dû pour ce mois 80,00 €" in text
    assert "Ce reçu ne vaut pas quittance." in text
    assert "loi n° 89-462 du 6 juillet 1989, article 21" in text
    assert "Claire Martin, conseillère ESF (04 72 00 00 01)" in text
    assert "Pour acquit" not in text


@pytest.mark.parametrize("paid", [0, 18_000, 20_000])
def test_a_partial_receipt_needs_a_partial_payment(paid: int) -> None:
    payments = (Payment(date(2026, 11, 8), "Virement", paid),) if paid else ()

    with pytest.raises(ValueError, match="partial payment"):
        render_partial_receipt(receipt(payments=payments))


# ------------------------------------------------------------------ avis d'échéance
def test_a_due_notice_shows_the_expected_benefit_and_what_to_pay() -> None:
    text = pdf_text(render_due_notice(due_notice()))

    assert "Avis d'échéance" in text
    assert "N° d'avis A-2026-11-0042" in text
    assert "Date d'échéance 05/11/2026" in text
    assert (
        "Aide au logement attendue de la CAF (versement direct à l'association) -260,00 €" in text
    )
    assert "Part à la charge du ménage 180,00 €" in text
    assert "Solde antérieur restant dû 60,00 €" in text
    assert "Montant à régler avant le 05/11/2026 240,00 €" in text
    assert "IBAN FR76 3000 4000 0500 0012 3456 789" in text
    assert "Cet avis d'échéance ne vaut pas quittance" in text
    assert "sans frais (loi n° 89-462 du 6 juillet 1989, article 21)" in text


def test_a_due_notice_deducts_an_advance_and_never_asks_below_zero() -> None:
    data = due_notice(previous_balance=-25_000)

    text = pdf_text(render_due_notice(data))

    assert data.to_pay == 0
    assert "Avance déjà versée -250,00 €" in text
    assert "Montant à régler avant le 05/11/2026 0,00 €" in text
    assert "votre avance restante est de 70,00 €" in text


# ------------------------------------------------------------------ pension de famille
def test_a_boarding_house_quittance_covers_the_redevance_only() -> None:
    text = pdf_text(render_boarding_house_quittance(boarding_receipt()))

    assert "Quittance de redevance" in text
    assert "Redevance de novembre 2026" in text
    assert "Contrat de résidence R-0007" in text
    assert "Équivalent de loyer 320,00 €" in text
    assert "Charges 60,00 €" in text
    assert "Prestations obligatoires 35,00 €" in text
    assert "Redevance du mois 415,00 €" in text
    assert "APL foyer versée par la CAF (versement direct à l'association) -300,00 €" in text
    assert "Part à la charge du ménage 115,00 €" in text
    assert (
        "au titre de la redevance (équivalent de loyer, charges et prestations obligatoires)"
        in text
    )
    assert "Les prestations facultatives font l'objet d'une facture distincte" in text
    assert "Pour acquit" in text
    assert "89-462" not in text


def test_a_boarding_house_quittance_refuses_optional_services() -> None:
    data = boarding_receipt(
        lines=(
            ReceiptLine("Équivalent de loyer", 32_000, "rent"),
            ReceiptLine("Repas", 3_000, "optional_services"),
        ),
        benefit=None,
        payments=(Payment(date(2026, 11, 6), "Espèces", 35_000),),
    )

    with pytest.raises(ValueError, match="own invoice"):
        render_boarding_house_quittance(data)


def test_optional_services_have_their_own_invoice() -> None:
    text = pdf_text(render_services_invoice(invoice()))

    assert "Facture Prestations facultatives – novembre 2026" in text
    assert "N° de facture F-2026-11-0007" in text
    assert "À régler avant le 15/12/2026" in text
    assert "Repas partagés 8 3,50 € 28,00 €" in text
    assert "Laverie 3 2,00 € 6,00 €" in text
    assert "Total de la facture 34,00 €" in text
    assert "Déjà réglé 10,00 €" in text
    assert "Reste à payer 24,00 €" in text
    assert "ne font pas partie de la redevance" in text
    assert "TVA non applicable." in text


def test_an_invoice_line_must_add_up() -> None:
    wrong = invoice(lines=(ServiceLine("Repas", 3_000, quantity=8, unit_price=350),))

    with pytest.raises(ValueError, match="Repas"):
        render_services_invoice(wrong)


# ------------------------------------------------------------------ statement
def test_a_statement_lists_movements_with_the_running_balance() -> None:
    data = statement()

    text = pdf_text(render_statement(data))

    assert data.closing_balance == 6_000 + 88_000 - 56_000
    assert "Relevé de compte Du 01/10/2026 au 30/11/2026" in text
    assert "01/10/2026 Solde au début de la période 60,00 €" in text
    assert "01/10/2026 Loyer — octobre 2026 400,00 € 460,00 €" in text
    assert "01/10/2026 Charges 40,00 € 500,00 €" in text
    assert "08/10/2026 Règlement du ménage 180,00 € 320,00 €" in text
    assert "10/10/2026 Aide au logement – CAF 260,00 € 60,00 €" in text
    assert "09/11/2026 Règlement du ménage 120,00 € 380,00 €" in text
    assert "30/11/2026 Totaux et solde en fin de période 880,00 € 560,00 € 380,00 €" in text
    assert "Au 30/11/2026, il reste dû 380,00 €." in text
    assert "Aide au logement attendue mais pas encore reçue : 260,00 €" in text
    assert "n'est pas une dette de votre part" in text
    assert "Dépôt de garantie détenu : 400,00 €" in text


def test_a_statement_in_credit_says_so() -> None:
    data = statement(opening_balance=-50_000, pending_benefit=0, deposit_held=None)

    text = pdf_text(render_statement(data))

    assert "votre compte présente une avance de 180,00 €" in text
    assert "pas encore reçue" not in text


def test_a_long_statement_runs_over_pages_with_its_header_repeated() -> None:
    lines = tuple(
        StatementLine(date(2026, 1, 1 + i % 28), f"Mouvement {i:03d}", debit=1_000 + i)
        for i in range(90)
    )
    data = statement(start=date(2026, 1, 1), end=date(2026, 1, 31), lines=lines)

    pdf = render_statement(data)
    text = pdf_text(pdf)

    pages = page_count(pdf)
    assert pages >= 2
    assert f"Page {pages} / {pages}" in text
    assert text.count("Date Libellé Débit Crédit Solde") == pages
    assert all(f"Mouvement {i:03d}" in text for i in range(90))
    total = common.money(data.total_debit).replace("\u00a0", " ").replace("\u202f", " ")
    assert f"Totaux et solde en fin de période {total}" in text


def test_a_statement_refuses_movements_outside_its_period_or_negative() -> None:
    outside = statement(lines=(StatementLine(date(2026, 12, 1), "Loyer", debit=1),))
    negative = statement(lines=(StatementLine(date(2026, 11, 1), "Loyer", debit=-1),))

    with pytest.raises(ValueError, match="outside"):
        render_statement(outside)
    with pytest.raises(ValueError, match="positive"):
        render_statement(negative)


# ------------------------------------------------------------------ layout and determinism
RENDERERS = {
    "quittance": lambda: render_quittance(receipt()),
    "reçu": lambda: render_partial_receipt(
        receipt(payments=(Payment(date(2026, 11, 8), "Virement", 5_000),))
    ),
    "avis": lambda: render_due_notice(due_notice()),
    "pension": lambda: render_boarding_house_quittance(boarding_receipt()),
    "facture": lambda: render_services_invoice(invoice()),
    "relevé": lambda: render_statement(statement()),
}


@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_the_same_data_gives_the_same_bytes(kind: str) -> None:
    first = RENDERERS[kind]()
    for other in RENDERERS.values():  # rendering other documents in between changes nothing
        other()

    assert RENDERERS[kind]() == first
    assert first.startswith(b"%PDF-")
    assert b"Seuil" in first  # creator and producer, not reportlab's date-stamped defaults


def test_the_bytes_do_not_depend_on_the_process() -> None:
    probe = (
        "import hashlib, sys\n"
        "from tests.reports.test_pdf_receipts import RENDERERS\n"
        "sys.stdout.write(hashlib.sha256(RENDERERS['quittance']()).hexdigest())\n"
    )
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=environment,
    )

    assert result.stdout == hashlib.sha256(RENDERERS["quittance"]()).hexdigest()


@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_every_line_stays_inside_the_margins(kind: str) -> None:
    assert_inside_margins(RENDERERS[kind]())


def test_the_margin_check_catches_text_drawn_past_the_margin() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(MARGIN, 500, "Dans la marge")
    canvas.drawRightString(PAGE_WIDTH - MARGIN / 2, 400, "Hors de la marge")
    canvas.showPage()
    canvas.save()

    with pytest.raises(AssertionError, match="Hors de la marge"):
        assert_inside_margins(buffer.getvalue())


def test_long_labels_wrap_and_are_read_back_whole() -> None:
    name = "Mme Marie-Françoise Delacroix-Saint-Exupéry de la Tour d'Auvergne " * 2
    long_receipt = receipt(
        recipient=Recipient(names=(name.strip(),), address_lines=RECIPIENT.address_lines),
        lines=(
            ReceiptLine("Loyer", 40_000, "rent"),
            ReceiptLine(LONG_LABEL, 4_000, "charges"),
        ),
    )
    long_statement = statement(
        lines=(StatementLine(date(2026, 10, 1), LONG_LABEL, debit=4_000),),
    )

    for pdf in (render_quittance(long_receipt), render_statement(long_statement)):
        text = pdf_text(pdf)
        assert squeezed(LONG_LABEL) in squeezed(text)
        assert_inside_margins(pdf)
        wrapped = [line for line in text_lines(pdf) if line[3] and line[3] in LONG_LABEL]
        assert len(wrapped) >= 2  # the label went over several lines, not past the margin


def test_a_long_name_in_the_running_header_is_cut_inside_the_margins() -> None:
    lines = tuple(StatementLine(date(2026, 1, 2), f"Mouvement {i}", debit=100) for i in range(60))
    letterhead = replace(LETTERHEAD, name="Association " + "très longue " * 30)
    data = statement(
        letterhead=letterhead, start=date(2026, 1, 1), end=date(2026, 1, 31), lines=lines
    )

    pdf = render_statement(data)

    assert page_count(pdf) >= 2
    assert_inside_margins(pdf)
    headers = [line for line in text_lines(pdf) if line[0] == 2 and "très longue" in line[3]]
    assert headers[0][3].endswith("…")


def test_markup_characters_in_data_are_printed_as_typed() -> None:
    person = Recipient(names=("M. Jean <Jo> O'Brien & fils",), address_lines=("1 rue <A>",))

    text = pdf_text(render_quittance(receipt(recipient=person)))

    assert "M. Jean <Jo> O'Brien & fils" in text
    assert "1 rue <A>" in text


# ------------------------------------------------------------------ fonts and logo
def test_fonts_are_embedded_when_dejavu_is_available() -> None:
    fonts = common.default_fonts()
    if not fonts.embedded:
        pytest.skip("no DejaVu TrueType font on this machine (resources/fonts is empty)")

    pdf = render_quittance(receipt())

    assert b"/FontFile2" in pdf
    assert b"DejaVuSans" in pdf


def test_without_truetype_fonts_helvetica_still_prints_french_amounts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(common, "default_fonts", common.standard_fonts)
    data = receipt(
        lines=(ReceiptLine("Loyer", 123_456, "rent"),),
        benefit=None,
        payments=(Payment(date(2026, 11, 8), "Règlement – chèque", 123_456),),
    )

    pdf = render_quittance(data)
    text = pdf_text(pdf)

    assert b"/FontFile2" not in pdf
    assert b"/Helvetica" in pdf
    assert "Loyer 1 234,56 €" in text
    assert "Règlement – chèque du 08/11/2026" in text
    assert_inside_margins(pdf)


def test_an_unknown_font_directory_falls_back_to_helvetica(tmp_path: Path) -> None:
    fonts = common.find_fonts((tmp_path,))

    assert fonts == common.standard_fonts()
    assert fonts.clean("1\u202f234,56\u00a0€ ✓") == "1\u00a0234,56\u00a0€ ?"


def test_the_logo_is_drawn_and_a_broken_one_is_left_out(caplog: pytest.LogCaptureFixture) -> None:
    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 40), (20, 90, 160)).save(buffer, format="PNG")
    with_logo = replace(LETTERHEAD, logo=buffer.getvalue())
    broken = replace(LETTERHEAD, logo=b"not an image")

    pdf = render_quittance(receipt(letterhead=with_logo))
    with caplog.at_level(logging.WARNING, logger="desktop_app.reports.pdf.common"):
        fallback = render_quittance(receipt(letterhead=broken))

    assert b"/Subtype /Image" in pdf
    assert render_quittance(receipt(letterhead=with_logo)) == pdf
    assert b"/Subtype /Image" not in fallback
    assert "Quittance de loyer" in pdf_text(fallback)
    assert "logo could not be read" in caplog.text


def test_french_wording_helpers() -> None:
    assert common.month_name(date(2026, 8, 1)) == "août 2026"
    assert common.month_span(date(2028, 2, 1)) == "du 01/02/2028 au 29/02/2028"
    assert common.money(123_456) == "1\u202f234,56\u00a0€"
    assert LETTERHEAD.footer_text() == (
        "Association Toit & Lien · 12 rue des Lilas, 69003 Lyon · SIRET 123 456 789 00012 · "
        "Tél. 04 72 00 00 00 · contact@toit.example"
    )
