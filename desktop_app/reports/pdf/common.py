"""What every Seuil PDF shares: fonts, letterhead, page template, French wording helpers.

Documents are legal texts for French households, so they are written in French here (not
through Qt). Rendering is deterministic: reportlab's invariant mode fixes the creation date and
the document id, so the same data gives the same bytes. Fonts are TrueType and embedded
(DejaVu, shipped in ``resources/fonts``); a machine without them falls back to Helvetica, a
standard Type-1 font that is not embedded.
"""

from __future__ import annotations

import functools
import io
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.lib.utils import ImageReader  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.domain.periods import days_in_month
from desktop_app.reports.formatting import format_date, format_eur

log = logging.getLogger(__name__)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
TOP_MARGIN = 18 * mm
BOTTOM_MARGIN = 26 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

# The TrueType files looked for, by role; the first directory holding the regular one wins.
FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
_SYSTEM_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
# Spaces a standard Type-1 font (WinAnsi encoding) cannot draw, and what replaces them.
_WINANSI_SUBSTITUTES = str.maketrans({"\u202f": "\u00a0", "\u2009": " ", "\u2212": "-"})

GRID_COLOUR = colors.HexColor("#9a9a9a")
SHADE_COLOUR = colors.HexColor("#eeeeee")


# ------------------------------------------------------------------ French wording helpers
def money(cents: int) -> str:
    """``123456`` → ``1 234,56 €``."""
    return format_eur(cents)


def day(value: date) -> str:
    """``dd/mm/yyyy``."""
    return format_date(value)


def month_name(month: date) -> str:
    """``2026-11-01`` → ``novembre 2026``."""
    return f"{FRENCH_MONTHS[month.month - 1]} {month.year}"


def month_span(month: date) -> str:
    """``du 01/11/2026 au 30/11/2026`` for the month of ``month``."""
    first = month.replace(day=1)
    last = month.replace(day=days_in_month(month.year, month.month))
    return f"du {day(first)} au {day(last)}"


def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it is at most ``width`` points wide."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# ------------------------------------------------------------------ plain data
@dataclass(frozen=True, kw_only=True)
class Letterhead:
    """The association as it appears at the top and bottom of each page.

    ``city`` is where letters are written from (« Lyon, le 14/07/2026 »); ``logo`` holds PNG or
    JPEG bytes, ignored with a log line when unreadable.
    """

    name: str
    address_lines: tuple[str, ...]
    siret: str = ""
    phone: str = ""
    email: str = ""
    city: str = ""
    logo: bytes | None = None

    def footer_text(self) -> str:
        """One line for the footer: name, address, SIRET, phone and e-mail."""
        parts = [self.name, ", ".join(self.address_lines)]
        if self.siret:
            parts.append(f"SIRET {self.siret}")
        if self.phone:
            parts.append(f"Tél. {self.phone}")
        if self.email:
            parts.append(self.email)
        return " · ".join(part for part in parts if part)


@dataclass(frozen=True, kw_only=True)
class Recipient:
    """Who the document is addressed to: one name per line, then the postal address."""

    names: tuple[str, ...]
    address_lines: tuple[str, ...]

    def joined_names(self) -> str:
        """``Mme Awa Diallo et M. Moussa Diallo``."""
        if len(self.names) <= 1:
            return "".join(self.names)
        return ", ".join(self.names[:-1]) + " et " + self.names[-1]


@dataclass(frozen=True, kw_only=True)
class Contact:
    """The person of the association a household can call about this document."""

    name: str
    role: str = ""
    phone: str = ""
    email: str = ""

    def sentence(self) -> str:
        """``Mme Claire Martin, conseillère ESF (04 72 00 00 00, c.martin@example.org)``."""
        text = self.name + (f", {self.role}" if self.role else "")
        reach = [item for item in (self.phone, self.email) if item]
        return text + (f" ({', '.join(reach)})" if reach else "")


@dataclass(frozen=True, kw_only=True)
class Signatory:
    """Who signs for the association."""

    name: str
    title: str = ""


# ------------------------------------------------------------------ fonts
@dataclass(frozen=True)
class FontSet:
    """Registered reportlab font names; ``embedded`` is False for the standard Type-1 fallback."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    embedded: bool

    def clean(self, text: str) -> str:
        """Text this font set can draw (a Type-1 font knows only the WinAnsi characters)."""
        if self.embedded:
            return text
        translated = text.translate(_WINANSI_SUBSTITUTES)
        return translated.encode("cp1252", errors="replace").decode("cp1252")


def standard_fonts() -> FontSet:
    """Helvetica: built into every PDF reader, not embedded, WinAnsi characters only."""
    return FontSet(
        "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", False
    )


def font_directories() -> tuple[Path, ...]:
    """Where DejaVu is looked for: the shipped resources first, then this system's fonts."""
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) if frozen else Path(__file__).resolve().parents[3]
    return (root / "resources" / "fonts", *_SYSTEM_FONT_DIRS)


@functools.cache
def find_fonts(directories: tuple[Path, ...]) -> FontSet:
    """Register the DejaVu family found in the first directory holding it, else Helvetica."""
    for directory in directories:
        regular = directory / FONT_FILES["regular"]
        if not regular.is_file():
            continue
        names: dict[str, str] = {}
        for role, file_name in FONT_FILES.items():
            path = directory / file_name
            if not path.is_file():
                path = regular  # a family with fewer faces still prints, less styled
            names[role] = _register(path)
        pdfmetrics.registerFontFamily(
            names["regular"],
            normal=names["regular"],
            bold=names["bold"],
            italic=names["italic"],
            boldItalic=names["bold_italic"],
        )
        return FontSet(names["regular"], names["bold"], names["italic"], names["bold_italic"], True)
    log.warning("no DejaVu TrueType font found; PDFs use Helvetica, not embedded")
    return standard_fonts()


def default_fonts() -> FontSet:
    """The fonts documents use unless a caller chooses others."""
    return find_fonts(font_directories())


def _register(path: Path) -> str:
    name = "Seuil-" + path.stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


# ------------------------------------------------------------------ styles
@dataclass(frozen=True)
class Styles:
    """The paragraph styles of Seuil documents, for one font set."""

    body: Any
    small: Any
    italic: Any
    title: Any
    subtitle: Any
    heading: Any
    right: Any
    bullet: Any
    cell: Any
    cell_bold: Any
    cell_right: Any
    cell_right_bold: Any
    footer: Any

    @classmethod
    def for_fonts(cls, fonts: FontSet) -> Styles:
        """Build every style on ``fonts``."""
        # reportlab lets a line overflow by 5 % of its spaces unless told not to
        base = ParagraphStyle("base", fontName=fonts.regular, spaceShrinkage=0)
        body = ParagraphStyle("body", base, fontSize=10, leading=13.5, spaceAfter=6)
        cell = ParagraphStyle("cell", base, fontSize=9, leading=11.5)
        return cls(
            body=body,
            small=ParagraphStyle("small", body, fontSize=8, leading=10.5),
            italic=ParagraphStyle("italic", body, fontName=fonts.italic, fontSize=9, leading=12),
            title=ParagraphStyle(
                "title", body, fontName=fonts.bold, fontSize=16, leading=20, spaceAfter=2
            ),
            subtitle=ParagraphStyle("subtitle", body, fontSize=11, leading=14, spaceAfter=8),
            heading=ParagraphStyle(
                "heading", body, fontName=fonts.bold, fontSize=10.5, spaceBefore=6, spaceAfter=4
            ),
            right=ParagraphStyle("right", body, alignment=TA_RIGHT),
            bullet=ParagraphStyle("bullet", body, leftIndent=14, bulletIndent=4, spaceAfter=3),
            cell=cell,
            cell_bold=ParagraphStyle("cell_bold", cell, fontName=fonts.bold),
            cell_right=ParagraphStyle("cell_right", cell, alignment=TA_RIGHT),
            cell_right_bold=ParagraphStyle(
                "cell_right_bold", cell, fontName=fonts.bold, alignment=TA_RIGHT
            ),
            footer=ParagraphStyle("footer", base, fontSize=7, leading=9, alignment=TA_CENTER),
        )


# ------------------------------------------------------------------ the document
@dataclass(frozen=True)
class AmountRow:
    """One row of an amounts table; ``total`` rows are bold with a rule above."""

    label: str
    amount: str
    total: bool = False


class PdfDocument:
    """One A4 document: letterhead on the first page, a running header after, numbered footer.

    Text given to :meth:`para` is plain text (escaped here); :meth:`rich` takes markup whose
    values are escaped, for bold parts inside a sentence.
    """

    def __init__(
        self,
        *,
        letterhead: Letterhead,
        title: str,
        reference: str = "",
        subject: str = "",
        fonts: FontSet | None = None,
    ) -> None:
        self.letterhead = letterhead
        self.title = title
        self.reference = reference
        self.subject = subject or title
        self.fonts = fonts or default_fonts()
        self.styles = Styles.for_fonts(self.fonts)

    # -- flowables
    def text(self, value: str) -> str:
        """``value`` escaped for reportlab markup and drawable by the fonts."""
        return escape(self.fonts.clean(value))

    def para(self, value: str, style: str = "body") -> Paragraph:
        """A paragraph of plain text."""
        return Paragraph(self.text(value), getattr(self.styles, style))

    def rich(self, template: str, style: str = "body", **values: str) -> Paragraph:
        """A paragraph of markup (``<b>{amount}</b>``) with escaped ``values``."""
        escaped = {key: self.text(value) for key, value in values.items()}
        return Paragraph(self.fonts.clean(template).format(**escaped), getattr(self.styles, style))

    def lines(self, values: Sequence[str], style: str = "body", *, bold_first: bool = False) -> Any:
        """Several lines in one paragraph (an address block)."""
        parts = [self.text(value) for value in values if value]
        if bold_first and parts:
            parts[0] = f"<b>{parts[0]}</b>"
        return Paragraph("<br/>".join(parts), getattr(self.styles, style))

    def bullet(self, value: str) -> Paragraph:
        """One item of a bulleted list."""
        return Paragraph(self.text(value), self.styles.bullet, bulletText="•")

    def heading(self, recipient: Recipient) -> Table:
        """The letterhead at the left and the recipient where a window envelope shows it."""
        head = self.letterhead
        sender: list[Any] = []
        logo = self._logo()
        if logo is not None:
            sender += [logo, Spacer(1, 2 * mm)]
        details = [head.name, *head.address_lines]
        if head.siret:
            details.append(f"SIRET {head.siret}")
        if head.phone:
            details.append(f"Tél. {head.phone}")
        if head.email:
            details.append(head.email)
        sender.append(self.lines(details, "small", bold_first=True))
        addressee = [Spacer(1, 14 * mm), self.lines([*recipient.names, *recipient.address_lines])]
        table = Table(
            [[sender, addressee]], colWidths=[CONTENT_WIDTH - 85 * mm, 85 * mm], hAlign="LEFT"
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8 * mm),
                ]
            )
        )
        return table

    @property
    def table_font(self) -> tuple[Any, ...]:
        """The style command setting every cell's font: reportlab names Helvetica else."""
        return ("FONT", (0, 0), (-1, -1), self.fonts.regular)

    def key_values(self, rows: Sequence[tuple[str, str]]) -> Table:
        """A two-column block of facts (``N° de quittance`` → ``Q-2026-11-0042``)."""
        data = [[self.para(key, "cell_bold"), self.para(value, "cell")] for key, value in rows]
        table = Table(data, colWidths=[45 * mm, CONTENT_WIDTH - 45 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    self.table_font,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return table

    def amounts(self, rows: Sequence[AmountRow], *, header: tuple[str, str] | None = None) -> Any:
        """A label/amount table; long labels wrap inside their column."""
        data: list[list[Any]] = []
        commands: list[tuple[Any, ...]] = [
            self.table_font,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID_COLOUR),
        ]
        if header is not None:
            titles = [self.para(header[0], "cell_bold"), self.para(header[1], "cell_right_bold")]
            data.append(titles)
            commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE_COLOUR))
        for row in rows:
            index = len(data)
            if row.total:
                data.append(
                    [self.para(row.label, "cell_bold"), self.para(row.amount, "cell_right_bold")]
                )
                commands.append(("LINEABOVE", (0, index), (-1, index), 0.8, colors.black))
            else:
                data.append([self.para(row.label, "cell"), self.para(row.amount, "cell_right")])
        table = Table(
            data,
            colWidths=[CONTENT_WIDTH - 40 * mm, 40 * mm],
            hAlign="LEFT",
            repeatRows=1 if header else 0,
        )
        table.setStyle(TableStyle(commands))
        return table

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        right_columns: Iterable[int] = (),
        bold_rows: Iterable[int] = (),
    ) -> Table:
        """A table with a shaded header repeated on every page; cells wrap."""
        right = set(right_columns)
        bold = set(bold_rows)
        data: list[list[Any]] = [
            [
                self.para(title, "cell_right_bold" if column in right else "cell_bold")
                for column, title in enumerate(header)
            ]
        ]
        for index, row in enumerate(rows):
            weight = "_bold" if index in bold else ""
            data.append(
                [
                    self.para(value, ("cell_right" if column in right else "cell") + weight)
                    for column, value in enumerate(row)
                ]
            )
        table = Table(data, colWidths=list(widths), hAlign="LEFT", repeatRows=1)
        commands: list[tuple[Any, ...]] = [
            self.table_font,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE_COLOUR),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID_COLOUR),
        ]
        commands += [("LINEABOVE", (0, i + 1), (-1, i + 1), 0.8, colors.black) for i in bold]
        table.setStyle(TableStyle(commands))
        return table

    def signature(self, place_and_date: str, signatory: Signatory, *, note: str = "") -> Any:
        """Place, date (optional) and signatory, kept together at the right."""
        parts = [part for part in (place_and_date, note) if part]
        block = [
            self.lines(parts, "right") if parts else Spacer(1, 0),
            Spacer(1, 14 * mm),
            self.lines([signatory.name, signatory.title], "right", bold_first=True),
        ]
        return KeepTogether(block)

    def place_and_date(self, on: date, place: str = "") -> str:
        """``Lyon, le 14/07/2026`` (``Le 14/07/2026`` without a place)."""
        where = place or self.letterhead.city
        return f"{where}, le {day(on)}" if where else f"Le {day(on)}"

    # -- rendering
    def render(self, story: Sequence[Flowable]) -> bytes:
        """Lay ``story`` out on A4 pages and return the PDF bytes (the same for the same data)."""
        buffer = io.BytesIO()
        template = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=self.fonts.clean(self.title),
            author=self.fonts.clean(self.letterhead.name),
            subject=self.fonts.clean(self.subject),
            creator="Seuil",
            producer="Seuil",
            lang="fr-FR",
            invariant=1,
            # reportlab opens every page in Helvetica, a standard font never embedded, unless
            # the canvas starts in another: every font a Seuil PDF names is embedded.
            initialFontName=self.fonts.regular,
        )
        height = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN
        template.addPageTemplates(
            [
                PageTemplate(
                    id="first",
                    frames=[_frame("first", height)],
                    onPage=self._first_page,
                    autoNextPageTemplate="later",
                ),
                PageTemplate(id="later", frames=[_frame("later", height)], onPage=self._later_page),
            ]
        )
        template.build(list(story), canvasmaker=_numbered_canvas(self.fonts.regular))
        return buffer.getvalue()

    def _first_page(self, canvas: Any, _template: Any) -> None:
        self._footer(canvas)

    def _later_page(self, canvas: Any, _template: Any) -> None:
        canvas.saveState()
        canvas.setFont(self.fonts.regular, 7.5)
        parts = [self.letterhead.name, self.title, self.reference]
        header = self.fonts.clean(" — ".join(part for part in parts if part))
        header = fit(header, self.fonts.regular, 7.5, CONTENT_WIDTH)
        canvas.drawString(MARGIN, PAGE_HEIGHT - 11 * mm, header)
        canvas.restoreState()
        self._footer(canvas)

    def _footer(self, canvas: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, 19 * mm, PAGE_WIDTH - MARGIN, 19 * mm)
        footer = Paragraph(self.text(self.letterhead.footer_text()), self.styles.footer)
        _width, height = footer.wrap(CONTENT_WIDTH - 30 * mm, 12 * mm)
        footer.drawOn(canvas, MARGIN + 15 * mm, 17.5 * mm - height)
        canvas.restoreState()

    def _logo(self) -> Image | None:
        if not self.letterhead.logo:
            return None
        try:
            reader = ImageReader(io.BytesIO(self.letterhead.logo))
            width, height = reader.getSize()
        except (OSError, ValueError):
            log.warning("the association's logo could not be read; documents go without it")
            return None
        scale = min(50 * mm / width, 20 * mm / height)
        return Image(io.BytesIO(self.letterhead.logo), width * scale, height * scale, hAlign="LEFT")


def _frame(name: str, height: float) -> Frame:
    """The text area, without the frame's default padding, so tables align on the margins."""
    return Frame(
        MARGIN,
        BOTTOM_MARGIN,
        CONTENT_WIDTH,
        height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def _numbered_canvas(font: str) -> type:
    """A canvas that writes ``Page n / N`` once the number of pages is known."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(font, 7.5)
                self.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, f"Page {number} / {total}")
                super().showPage()
            super().save()

    return NumberedCanvas
