"""Text normalisation for search and for reading labels typed by people.

``normalise("Hélène  Dupont–Martin")`` → ``"helene dupont-martin"``: lower case, accents
removed, every kind of dash made a hyphen, apostrophes made straight, spaces collapsed. The
same function fills the search columns and reads the query, so SQLite and PostgreSQL give the
same answers without ``unaccent`` or ICU collations.
"""

from __future__ import annotations

import re
import unicodedata

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
