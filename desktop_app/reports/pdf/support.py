"""Accompaniment documents (issue 8): the review (bilan) and the attestation de suivi.

The review is written for the funder but read by the household first: each goal opens on the
person's strengths (« Points d'appui ») before its progress, what still needs attention and its
status, and the household's own words have their place. The attestation carries only what the
person agreed to show; its data class has no field for health, debts or notes, so they cannot
reach it. Its wording never needs the person's sex (« atteste accompagner Madame X »).

Each renderer takes a frozen dataclass prepared by the support service and returns PDF bytes;
nothing here queries. Labels (measure kind, goal domain and status, contact kind, outcome) come
already in French from the service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    CondPageBreak,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.reports.pdf.common import (
    CONTENT_WIDTH,
    GRID_COLOUR,
    PAGE_HEIGHT,
    Contact,
    Letterhead,
    PdfDocument,
    Recipient,
    Signatory,
    day,
)

__all__ = [
    "ATTESTATION_WORDS_MAX",
    "AttestationData",
    "ContactTally",
    "ReviewData",
    "ReviewGoal",
    "ReviewKind",
    "render_attestation",
    "render_review",
]

ReviewKind = Literal["interim", "final"]
REVIEW_TITLES: dict[str, str] = {
    "interim": "Bilan intermédiaire",
    "final": "Bilan de fin de mesure",
}
# The longest sentence a person may add to an attestation: the document stays on one page.
ATTESTATION_WORDS_MAX = 600
_FACT_LABEL_WIDTH = 45 * mm
# A goal or section up to this height moves whole to the next page; a longer one needs this
# room to start, so that its heading is never alone at the foot of a page.
_KEEP_TOGETHER_MAX = 110 * mm
_KEEP_TOGETHER_MIN = 45 * mm
_BLANK_LINES = re.compile(r"\n\s*\n")


# ------------------------------------------------------------------ the review (bilan)
@dataclass(frozen=True, kw_only=True)
class ReviewGoal:
    """One goal of the support plan as the review shows it.

    ``strengths`` (points d'appui) are printed first; ``attention_points`` is what still needs
    care, worded by the worker with the person. Texts may hold line breaks.
    """

    domain: str
    wording: str
    status: str
    strengths: str = ""
    progress: str = ""
    attention_points: str = ""
    set_on: date | None = None
    target_on: date | None = None
    closed_on: date | None = None


@dataclass(frozen=True)
class ContactTally:
    """The contacts of one kind held in the period: ``Visite à domicile`` × 4, 210 minutes."""

    kind: str
    count: int
    minutes: int = 0


@dataclass(frozen=True, kw_only=True)
class ReviewData:
    """A bilan of a support measure over [period_start, period_end].

    ``persons`` are the names the service chose to print (none for a protected file). A final
    review carries the measure's end, outcome and housing situation; an interim one none of them.
    """

    letterhead: Letterhead
    kind: ReviewKind
    household_reference: str
    persons: tuple[str, ...]
    measure_kind: str
    funder: str
    measure_start: date
    planned_end: date | None = None
    period_start: date
    period_end: date
    worker: str
    worker_role: str = ""
    goals: tuple[ReviewGoal, ...] = ()
    contacts: tuple[ContactTally, ...] = ()
    home_visits: tuple[date, ...] = ()
    next_steps: str = ""
    household_words: str = ""
    measure_end: date | None = None
    outcome: str = ""
    housing_situation: str = ""
    written_on: date
    sent_on: date | None = None
    shared_with_household_on: date | None = None
    place: str = ""

    @property
    def title(self) -> str:
        """« Bilan intermédiaire » or « Bilan de fin de mesure »."""
        return REVIEW_TITLES[self.kind]

    def check(self) -> None:
        """Refuse a review that contradicts itself.

        Raises:
            ValueError: unknown kind, reversed period, negative tally, or an interim review
                carrying the end of the measure.
        """
        if self.kind not in REVIEW_TITLES:
            raise ValueError(f"unknown review kind {self.kind!r}")
        if self.period_end < self.period_start:
            raise ValueError("a review period cannot end before it starts")
        if any(tally.count < 0 or tally.minutes < 0 for tally in self.contacts):
            raise ValueError("contact counts and minutes are never negative")
        ending = self.measure_end is not None or self.outcome or self.housing_situation
        if self.kind == "interim" and ending:
            raise ValueError("only a final review states the end of the measure")


def render_review(data: ReviewData) -> bytes:
    """Bilan d'accompagnement: cover block, goals (strengths first), contacts, words, next steps.

    Raises:
        ValueError: see :meth:`ReviewData.check`.
    """
    data.check()
    doc = PdfDocument(
        letterhead=data.letterhead,
        title=data.title,
        reference=data.household_reference,
        subject=f"{data.title} – {data.measure_kind}",
    )
    story: list[Any] = [
        doc.heading(Recipient(names=(), address_lines=())),
        doc.para(data.title, "title"),
        doc.para(
            f"{data.measure_kind} – période du {day(data.period_start)} au {day(data.period_end)}",
            "subtitle",
        ),
        _facts(doc, [(label, [doc.para(value, "cell")]) for label, value in _cover(data)]),
        Spacer(1, 4 * mm),
    ]
    goals_heading = doc.para("Objectifs et avancées", "heading")
    if data.goals:
        for number, goal in enumerate(data.goals, start=1):
            lead = [goals_heading] if number == 1 else []
            story += _goal(doc, number, goal, lead)
    else:
        no_goal = doc.para("Aucun objectif n'a été formalisé sur cette période.")
        story += _section(doc, "", [goals_heading, no_goal])
    story += _section(doc, "Contacts sur la période", _contacts(doc, data))
    if data.household_words.strip():
        story += _section(doc, "Parole du ménage", _text(doc, data.household_words, "italic"))
    if data.kind == "final":
        story += _section(doc, "Fin de la mesure", _ending(doc, data))
    if data.next_steps.strip():
        heading = "Suites envisagées" if data.kind == "final" else "Prochaines étapes"
        story += _section(doc, heading, _text(doc, data.next_steps))
    story.append(Spacer(1, 4 * mm))
    if data.shared_with_household_on is not None:
        story.append(
            doc.para(f"Ce bilan a été relu avec le ménage le {day(data.shared_with_household_on)}.")
        )
    story.append(
        doc.signature(
            doc.place_and_date(data.written_on, data.place),
            Signatory(name=data.worker, title=data.worker_role),
        )
    )
    return doc.render(story)


def _cover(data: ReviewData) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if data.persons:
        rows.append(("Ménage", _enumeration(data.persons)))
    rows += [
        ("Référence du ménage", data.household_reference),
        ("Mesure", data.measure_kind),
        ("Financeur", data.funder),
        ("Début de la mesure", day(data.measure_start)),
    ]
    if data.planned_end is not None:
        rows.append(("Fin prévue", day(data.planned_end)))
    rows += [
        ("Période couverte", f"du {day(data.period_start)} au {day(data.period_end)}"),
        ("Suivi par", data.worker + (f", {data.worker_role}" if data.worker_role else "")),
        ("Rédigé le", day(data.written_on)),
    ]
    if data.sent_on is not None:
        rows.append(("Transmis au financeur le", day(data.sent_on)))
    return rows


def _goal(doc: PdfDocument, number: int, goal: ReviewGoal, lead: list[Any]) -> list[Any]:
    rows: list[tuple[str, list[Any]]] = []
    if goal.strengths.strip():
        rows.append(("Points d'appui", _text(doc, goal.strengths, "cell")))
    if goal.progress.strip():
        rows.append(("Avancées", _text(doc, goal.progress, "cell")))
    if goal.attention_points.strip():
        rows.append(("Points de vigilance", _text(doc, goal.attention_points, "cell")))
    rows.append(("Statut", [doc.para(goal.status, "cell")]))
    dates = []
    if goal.set_on is not None:
        dates.append(f"fixé le {day(goal.set_on)}")
    if goal.target_on is not None:
        dates.append(f"échéance le {day(goal.target_on)}")
    if goal.closed_on is not None:
        dates.append(f"clôturé le {day(goal.closed_on)}")
    if dates:
        rows.append(("Dates", [doc.para(" · ".join(dates), "cell")]))
    block = [
        *lead,
        doc.para(f"Objectif {number} – {goal.domain}", "heading"),
        doc.rich("<b>{wording}</b>", wording=goal.wording),
        _facts(doc, rows),
    ]
    return [*_kept_together(block), Spacer(1, 3 * mm)]


def _contacts(doc: PdfDocument, data: ReviewData) -> list[Any]:
    story: list[Any] = []
    tallies = [tally for tally in data.contacts if tally.count]
    if not tallies:
        story.append(doc.para("Aucun contact n'a été enregistré sur cette période."))
    else:
        rows = [[t.kind, str(t.count), _duration(t.minutes)] for t in tallies]
        total_count = sum(t.count for t in tallies)
        rows.append(["Total", str(total_count), _duration(sum(t.minutes for t in tallies))])
        story.append(
            doc.grid(
                ["Type de contact", "Nombre", "Durée totale"],
                rows,
                [CONTENT_WIDTH - 70 * mm, 30 * mm, 40 * mm],
                right_columns=(1, 2),
                bold_rows=(len(rows) - 1,),
            )
        )
        story.append(Spacer(1, 2 * mm))
    if data.home_visits:
        visits = _enumeration([day(visit) for visit in sorted(data.home_visits)])
        story.append(doc.para(f"Visites à domicile : {visits}."))
    return story


def _ending(doc: PdfDocument, data: ReviewData) -> list[Any]:
    rows: list[tuple[str, str]] = []
    if data.measure_end is not None:
        rows.append(("Date de fin", day(data.measure_end)))
    if data.outcome:
        rows.append(("Issue de la mesure", data.outcome))
    if data.housing_situation:
        rows.append(("Situation de logement", data.housing_situation))
    if not rows:
        return []
    return [_facts(doc, [(label, [doc.para(value, "cell")]) for label, value in rows])]


# ------------------------------------------------------------------ attestation de suivi
@dataclass(frozen=True, kw_only=True)
class AttestationData:
    """An attestation de suivi: each optional part is printed only if the person agreed to it.

    ``person`` is the name as the person wants it written (« Madame Awa Diallo »). ``since``
    alone says the support goes on; with ``until`` it says the support ran from one to the
    other. ``person_words`` is a sentence the person chose, printed as written.
    """

    letterhead: Letterhead
    person: str
    written_on: date
    signatory: Signatory
    place: str = ""
    measure_kind: str = ""
    since: date | None = None
    until: date | None = None
    programme: str = ""
    worker: Contact | None = None
    person_words: str = ""

    def check(self) -> None:
        """Refuse dates that do not make sense and a sentence too long for one page.

        Raises:
            ValueError: ``until`` without ``since`` or before it, or ``person_words`` longer
                than :data:`ATTESTATION_WORDS_MAX` characters.
        """
        if self.until is not None and (self.since is None or self.until < self.since):
            raise ValueError("an attestation's end date needs a start date before it")
        if len(self.person_words.strip()) > ATTESTATION_WORDS_MAX:
            raise ValueError("the person's sentence is too long for a one-page attestation")


def render_attestation(data: AttestationData) -> bytes:
    """Attestation de suivi: one page, only the parts given, no empty heading.

    Raises:
        ValueError: see :meth:`AttestationData.check`.
    """
    data.check()
    doc = PdfDocument(
        letterhead=data.letterhead,
        title="Attestation de suivi",
        subject=f"Attestation de suivi – {data.person}",
    )
    if data.since is not None and data.until is not None:
        when = f" du {day(data.since)} au {day(data.until)}"
        verb = "avoir accompagné"
    elif data.since is not None:
        when = f" depuis le {day(data.since)}"
        verb = "accompagner"
    else:
        when = " à ce jour"
        verb = "accompagner"
    story: list[Any] = [
        doc.heading(Recipient(names=(), address_lines=())),
        doc.para("Attestation de suivi", "title"),
        Spacer(1, 6 * mm),
        doc.rich(
            "{association} atteste " + verb + " <b>{person}</b>{when}.",
            association=data.letterhead.name,
            person=data.person,
            when=when,
        ),
    ]
    facts: list[tuple[str, str]] = []
    if data.measure_kind:
        facts.append(("Accompagnement", data.measure_kind))
    if data.programme:
        facts.append(("Dispositif", data.programme))
    if data.worker is not None:
        facts.append(("Personne à contacter", data.worker.sentence()))
    if facts:
        rows = [(label, [doc.para(value, "cell")]) for label, value in facts]
        story += [Spacer(1, 2 * mm), _facts(doc, rows), Spacer(1, 4 * mm)]
    words = data.person_words.strip()
    if words:
        story += [
            doc.para(f"Ce que {data.person} souhaite ajouter :"),
            doc.para(f"« {words} »", "italic"),
            Spacer(1, 4 * mm),
        ]
    story += [
        doc.para(
            f"Cette attestation est établie à la demande de {data.person}, avec son accord sur "
            "chacune des informations qu'elle contient, pour servir et valoir ce que de droit."
        ),
        Spacer(1, 6 * mm),
        doc.signature(doc.place_and_date(data.written_on, data.place), data.signatory),
    ]
    return doc.render(story)


# ------------------------------------------------------------------ shared pieces
def _facts(doc: PdfDocument, rows: list[tuple[str, list[Any]]]) -> Table:
    """Label/value rows across the full width; a long value wraps and may cross a page."""
    data = [[doc.para(label, "cell_bold"), value] for label, value in rows]
    table = Table(
        data,
        colWidths=[_FACT_LABEL_WIDTH, CONTENT_WIDTH - _FACT_LABEL_WIDTH],
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID_COLOUR),
            ]
        )
    )
    return table


def _section(doc: PdfDocument, title: str, body: list[Any]) -> list[Any]:
    """A titled section kept with its heading; nothing at all when ``body`` is empty."""
    if not body:
        return []
    heading = [doc.para(title, "heading")] if title else []
    return _kept_together([*heading, *body])


def _kept_together(flowables: list[Any]) -> list[Any]:
    """A block kept on one page when it is short; a long one starts where there is room.

    A long block cannot move whole (it would leave a blank page end), but the room it asks for
    keeps its heading from being left alone at the foot of a page.
    """
    height = sum(flowable.wrap(CONTENT_WIDTH, PAGE_HEIGHT)[1] for flowable in flowables)
    if height <= _KEEP_TOGETHER_MAX:
        return [KeepTogether(flowables)]
    return [CondPageBreak(_KEEP_TOGETHER_MIN), *flowables]


def _text(doc: PdfDocument, value: str, style: str = "body") -> list[Paragraph]:
    """Free text as typed: blank lines separate paragraphs, single line breaks are kept."""
    paragraphs = []
    for block in _BLANK_LINES.split(value.strip()):
        lines = [doc.text(line.strip()) for line in block.splitlines()]
        paragraphs.append(Paragraph("<br/>".join(lines), getattr(doc.styles, style)))
    return paragraphs


def _duration(minutes: int) -> str:
    """``45`` → ``45 min``, ``90`` → ``1 h 30``, ``120`` → ``2 h``; ``0`` (not recorded) → ``–``."""
    if minutes <= 0:
        return "–"
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def _enumeration(items: list[str] | tuple[str, ...]) -> str:
    """``a, b et c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]
