"""The placeholders of a funder's grid (issue 11): ``{{code}}`` cells and what they ask for.

A cell of a grid whose whole text is ``{{…}}`` is a placeholder; inside the braces (spaces
around the parts ignored) comes either a special value — `SPECIALS` — or
``[RETURN:]CODE[|key=value]…``:

- ``RETURN`` (``fnavdl``, ``iml`` or ``pension``) names the return whose scope and funder
  parameters apply; without it the fill's own return applies, else every programme of the
  association;
- ``CODE`` is a code of the catalogue (`figures.CATALOGUE`);
- filters: ``programme=NAME`` narrows to one programme (its exact name, accents and spaces
  kept) and ``on=YYYY-MM-DD`` or ``on=DD/MM/YYYY`` is the observation day of the ES-DS
  snapshot codes (``esds.*``; default the period's end).

`parse_reference` reads the syntax and raises `GridIssue` when it is wrong; `check_reference`
then compares the code with the catalogue and suggests the nearest codes. Reading and filling
the workbook itself is `reports.xlsx.grid`'s job; this module stays pure.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from desktop_app.domain.errors import RefusedError
from desktop_app.domain.figures import CATALOGUE, ESDS, RETURN_TITLES, RETURNS, codes_of
from desktop_app.domain.messages import message
from desktop_app.domain.periods import parse_date

PERIOD_START: Final = "period.start"
PERIOD_END: Final = "period.end"
ASSOCIATION_NAME: Final = "association.name"
ASSOCIATION_SIRET: Final = "association.siret"
TODAY: Final = "today"
SPECIALS: Final = (PERIOD_START, PERIOD_END, ASSOCIATION_NAME, ASSOCIATION_SIRET, TODAY)
"""Values that are not figures: dates of the fill and the association's identity."""
DATE_SPECIALS: Final = frozenset({PERIOD_START, PERIOD_END, TODAY})
"""The specials whose value is a date (the others are text)."""

PROGRAMME: Final = "programme"
ON: Final = "on"
FILTERS: Final = (PROGRAMME, ON)

_PLACEHOLDER: Final = re.compile(r"\s*\{\{([^{}]*)\}\}\s*", re.DOTALL)
_CODE: Final = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
_ESDS_PREFIX: Final = f"{ESDS}."


@dataclass(eq=False)
class GridIssue(RefusedError):  # noqa: N818 - an issue found in a grid, read as such
    """A placeholder that cannot be read: a message code and its parameters.

    Not frozen: Python sets ``__traceback__`` on an exception it raises.
    """

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        RefusedError.__init__(self, self.code, **self.params)


class GridFileError(RefusedError):
    """A file that is not a readable ``.xlsx`` grid (``.xls``, encrypted, damaged…)."""


@dataclass(frozen=True, slots=True)
class Reference:
    """What a placeholder asks for: a special value, or a code with its return and filters."""

    text: str
    """The placeholder as written inside the braces, stripped."""
    special: str | None = None
    code: str | None = None
    kind: str | None = None
    """The return named before ``:`` (``fnavdl``, ``iml``, ``pension``), if any."""
    programme: str | None = None
    on: date | None = None


def placeholder_text(value: str) -> str | None:
    """The text inside the braces when ``value`` is a whole ``{{…}}`` placeholder, else None."""
    match = _PLACEHOLDER.fullmatch(value)
    return match[1].strip() if match else None


def parse_reference(text: str) -> Reference:
    """Read the inside of a placeholder (``iml:households.entries|programme=IML Lyon``).

    Raises:
        GridIssue: empty text, bad syntax, unknown return or filter, a filter given twice or
            without a value, a date that is not one, or a special value with options.
    """
    text = text.strip()
    if not text:
        raise GridIssue("grid.empty")
    head, *filters = text.split("|")
    kind: str | None = None
    if ":" in head:
        named, head = head.split(":", 1)
        kind = named.strip().lower()
        if kind not in RETURNS:
            raise GridIssue(
                "grid.unknown_return", {"text": text, "kind": named.strip(), "known": _RETURNS}
            )
    code = head.strip().lower()
    if code in SPECIALS:
        if kind is not None or filters:
            raise GridIssue("grid.special_options", {"text": text, "special": code})
        return Reference(text=text, special=code)
    if not _CODE.fullmatch(code):
        raise GridIssue("grid.bad_syntax", {"text": text})
    options = _filters(text, filters)
    on_text = options.get(ON)
    on = parse_date(on_text) if on_text is not None else None
    if on_text is not None and on is None:
        raise GridIssue("grid.bad_date", {"text": text, "value": on_text})
    return Reference(text=text, code=code, kind=kind, programme=options.get(PROGRAMME), on=on)


_RETURNS: Final = ", ".join(RETURNS)


def _filters(text: str, parts: list[str]) -> dict[str, str]:
    options: dict[str, str] = {}
    for part in parts:
        if "=" not in part:
            if not part.strip():
                raise GridIssue("grid.bad_syntax", {"text": text})
            raise GridIssue("grid.unknown_filter", {"text": text, "key": part.strip()})
        key, value = (piece.strip() for piece in part.split("=", 1))
        key = key.lower()
        if key not in FILTERS:
            raise GridIssue("grid.unknown_filter", {"text": text, "key": key})
        if key in options:
            raise GridIssue("grid.duplicate_filter", {"text": text, "key": key})
        if not value:
            raise GridIssue("grid.empty_filter", {"text": text, "key": key})
        options[key] = unicodedata.normalize("NFC", value)
    return options


def nearest_codes(code: str, n: int = 3) -> list[str]:
    """Up to ``n`` catalogue codes (or special values) closest to ``code``, best first."""
    candidates = [*CATALOGUE, *SPECIALS]
    return difflib.get_close_matches(code.strip().lower(), candidates, n=n)


def check_reference(ref: Reference, *, kind: str | None = None) -> list[str]:
    """The French texts of what is wrong with ``ref`` against the catalogue; empty when fine.

    An unknown code names up to three nearest codes. ``kind`` is the return of the whole fill
    (``--return``), used when the placeholder names none: a code the return does not write is
    refused (ES-DS codes are in no return and go in any grid). ``on=`` only applies to the
    ES-DS codes.
    """
    if ref.code is None:
        return []
    if ref.code not in CATALOGUE:
        suggestions = nearest_codes(ref.code)
        if not suggestions:
            return [message("grid.unknown_code_far", text=ref.text, code=ref.code)]
        return [
            message(
                "grid.unknown_code",
                text=ref.text,
                code=ref.code,
                suggestions=", ".join(suggestions),
            )
        ]
    problems: list[str] = []
    esds = ref.code.startswith(_ESDS_PREFIX)
    applied = ref.kind or kind
    if applied in RETURNS and not esds and ref.code not in codes_of(applied):
        problems.append(
            message(
                "grid.code_not_in_return",
                text=ref.text,
                code=ref.code,
                title=RETURN_TITLES[applied],
            )
        )
    if ref.on is not None and not esds:
        problems.append(message("grid.on_not_esds", text=ref.text))
    return problems


def located(problem: str, *, sheet: str, cell: str) -> str:
    """``problem`` prefixed with the sheet and cell of its placeholder."""
    return message("grid.at_cell", sheet=sheet, cell=cell, problem=problem)
