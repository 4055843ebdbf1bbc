"""Text normalisation for search and for reading labels typed by people.

``normalise("Hélène  Dupont–Martin")`` → ``"helene dupont-martin"``: lower case, accents
removed, every kind of dash made a hyphen, apostrophes made straight, spaces collapsed. The
same function fills the search columns and reads the query, so SQLite and PostgreSQL give the
same answers without ``unaccent`` or ICU collations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc\u2032\u00b4`"), "'")
_SPACES = re.compile(r"\s+")
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}


def normalise(text: str) -> str:
    """Lower-case, accent-free, dash- and space-normalised form of ``text``."""
    lowered = text.casefold().translate(_DASHES).translate(_QUOTES)
    for ligature, plain in _LIGATURES.items():
        lowered = lowered.replace(ligature, plain)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip()


def household_search_text(
    *,
    reference: str,
    address: str | None = None,
    postcode: str | None = None,
    commune: str | None = None,
    names: Iterable[str] = (),
    phones: Iterable[str] = (),
    siao_references: Iterable[str] = (),
) -> str:
    """What search-as-you-type looks into for a household, normalised.

    Phones are kept as typed and as bare digits, so "06 39 98" and "063998" both find them;
    names with an apostrophe also without it, so "ndiaye" finds "N'Diaye".
    """
    names = list(names)
    parts = [reference, address or "", postcode or "", commune or "", *names, *siao_references]
    parts += [normalise(name).replace("'", "") for name in names if "'" in normalise(name)]
    for phone in phones:
        parts += [phone, "".join(c for c in phone if c.isdigit())]
    return normalise(" ".join(part for part in parts if part))


def search_tokens(query: str) -> list[str]:
    """The normalised words of a search query (each must be found)."""
    return [token for token in normalise(query).split(" ") if token]


_ELIDED = frozenset("aeiouyhàâäéèêëîïôöùûüœæ")


def with_de(phrase: str) -> str:
    """``de`` before an infinitive phrase, elided before a vowel or a mute h.

    ``with_de("voir les notes")`` → ``de voir les notes``; ``with_de("enregistrer")`` →
    ``d'enregistrer``.
    """
    return f"d'{phrase}" if phrase[:1].lower() in _ELIDED else f"de {phrase}"
