"""Proposing the persons who may already be in the database when a new one is created.

DOMAIN: creating a person with the same birth date and a similar name proposes the existing
persons; the user may link instead of creating. The rule must survive the way names are
actually typed at a reception desk: accents and case (``Hélène`` / ``HELENE``), hyphens or
spaces (``Jean-Pierre`` / ``Jean Pierre``), particles (``de``, ``d'``, ``ben``, ``el``…),
names glued together (``Benali`` / ``Ben Ali``, ``N'Diaye`` / ``Ndiaye``), first and last
names swapped, compound names partly given (``Martin-Dupont`` / ``Martin``), one typo or
transposition, doubled letters and the usual transliterations (``Mohamed`` / ``Mohammed`` /
``Muhammad``, ``Youssef`` / ``Yusuf``, ``Nguyễn`` / ``Nguyen``).

How a name is read
    Each field (last name, first name) is put through :func:`~desktop_app.domain.text.normalise`
    (case, accents, dashes, apostrophes, spaces), a few letters NFKD leaves alone are flattened
    (``ł`` → ``l``, ``đ`` → ``d``, ``ø`` → ``o``…), and the field is cut into *tokens* at
    spaces, hyphens and punctuation. An elided ``d'`` or ``l'`` is a particle of its own; any
    other apostrophe just disappears (``N'Diaye`` → ``ndiaye``, ``O'Connor`` → ``oconnor``).
    Particles (:data:`PARTICLES`) are dropped, unless the field holds nothing else (``Lê``,
    ``Le``, or ``Ben`` as a first name stay). Besides its tokens, each field keeps a *joined*
    form: every piece, particles included, glued together (``De La Croix`` → ``delacroix``),
    which is what catches ``Benali`` against ``Ben Ali``.

How two tokens are compared (:func:`token_similarity`)
    * identical tokens score 1.0;
    * tokens identical once *folded* score 0.95 — folding writes the usual transliteration
      variants one way (``ph`` → ``f``, ``th`` → ``t``, ``dj`` → ``j``, ``ck`` → ``k``,
      ``x`` → ``ks``, ``w`` → ``v``, ``y`` → ``i``, ``ou`` → ``u``) and collapses doubled
      letters, so ``Mohammed``/``Mohamed``, ``Sylvie``/``Silvie``, ``Philippe``/``Phillipe``,
      ``Djamel``/``Jamel`` are the same token, just not *literally* the same;
    * otherwise ``1 - d / max(len)`` where ``d`` is the optimal-string-alignment
      Damerau-Levenshtein distance between the folded tokens: one typo or one transposition
      in a 6-letter name gives 0.83, in a 4-letter name 0.75, in a 3-letter name 0.67;
    * tokens whose consonant skeletons agree on at least four consonants score at least 0.8
      (``Mohamed`` / ``Muhammad`` → ``mhmd``, ``Mustapha`` / ``Mostafa`` → ``mstf``):
      transliterations of Arabic names differ mostly in their vowels;
    * a token that differs by an edit but not folding is capped at 0.94, below "the same once
      folded";
    * below 0.5 a token is *another name*, and scores 0: a clearly different given name must
      not count half;
    * feminine forms are different names, not typos: two first-name tokens that differ only
      by a final ``e`` (``Louis``/``Louise``, ``Daniel``/``Danielle``, ``René``/``Renée``) or
      by a final ``o``/``a`` (``Mario``/``Maria``, ``Léo``/``Léa``) score 0 — twins of
      different sex share a birth date and a last name. The Arabic final ``a``
      (``Karim``/``Karima``) is *not* such a rule: it would also split ``Mariam``/``Mariama``,
      one name transliterated two ways; such twins are proposed, and the user dismisses them.

How two names are compared (:func:`name_similarity`)
    Three readings; the best one wins.

    1. *Straight*: last name against last name, first name against first name, the two field
       scores averaged. A field score is the best of the token-set score and the similarity of
       the joined forms. The token-set score pairs the tokens one-to-one so that the sum ``S``
       of their similarities is maximal, then weighs ``0.9 · S / shorter + 0.1 · S / longer``:
       a compound name partly given (``Martin`` in ``Martin-Dupont``, ``Marie`` in
       ``Marie-Claire``) scores 0.95, not 1.0, and an extra token that matches nothing costs
       only a little — but a *different* token costs a lot (``Marie-Claire`` vs
       ``Marie-Christine`` → 0.5).
    2. *Swapped*: last name against first name and conversely, times 0.98 so that the literal
       reading wins a tie (``Diallo Aminata`` typed as first name ``Diallo``).
    3. *Pooled*: all tokens of both fields together, wherever they were typed (``Nguyen Thi`` /
       ``Hoa`` against ``Nguyen`` / ``Thi Hoa``), ``S / longer`` times 0.98 — no leniency for
       missing tokens here, every token must find its match.

Thresholds (:func:`find_duplicates`)
    * :data:`DEFAULT_THRESHOLD` = 0.85, used when both birth dates are known and equal. With
      one field identical, the other may differ by one typo in a name of four letters or
      more (``Jean``/``Joan`` 0.875, ``Sylvie``/``Sylive`` 0.92), but not in a three-letter
      one (``Eva``/``Ava`` 0.83: different children). Two typos, one in each field, of
      6-letter names (0.83) are not proposed either; a twin sister with a different first
      name (``Diallo Aminata`` / ``Diallo Mariama``, 0.5) never is.
    * :data:`NEAR_IDENTICAL_THRESHOLD` = 0.93, used when either birth date is unknown. Only
      names that are the same once read (accents, hyphens, particles, order, doubled letters,
      transliteration folds, a compound name partly given: all ≥ 0.95) or that have one slip
      in a long name (``Kowalczyk``/``Kowalcyzk`` 0.94) pass: without a birth date, ``Martin
      Sophie`` against ``Martin Sylvie`` would flood the list with homonyms.
    * Two different known birth dates never match: a wrong birth date is corrected on the
      existing file, which the user finds by searching; proposing every namesake born
      another day would bury the real duplicates.

Speed
    The database pre-selects at most a few hundred candidates (same birth date, or same
    :func:`name_key`). Most are dismissed by a necessary condition tested with string
    comparisons only (``_may_reach``); distances are computed with bit vectors; the readings
    of names and of token pairs are memoised. 200 candidates take a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from desktop_app.domain.text import normalise

DEFAULT_THRESHOLD = 0.85
"""Similarity from which a person born the same day is proposed."""

NEAR_IDENTICAL_THRESHOLD = 0.93
"""Similarity from which a person is proposed when either birth date is unknown."""

NAME_KEY_VERSION = 1
"""Version of :func:`name_key`; bump it, and recompute the stored keys, when the rules change."""

PARTICLES = frozenset(
    {
        # French
        "de", "du", "des", "d'", "le", "la", "les", "l'",
        # Spanish, Portuguese, Italian
        "del", "della", "da", "di", "do", "dos", "das",
        # Dutch, German
        "van", "von", "der", "den", "ter", "ten",
        # Arabic, Berber, Hebrew ("son of", article)
        "ben", "bin", "ibn", "bint", "ould", "el", "al",
    }
)  # fmt: skip
"""Words dropped from a name before comparing it, unless the name holds nothing else."""

_EXTRA_LETTERS = str.maketrans(
    {"ł": "l", "đ": "d", "ð": "d", "ø": "o", "ı": "i", "ħ": "h", "þ": "th", "ŀ": "l"}
)
_SPLIT = re.compile(r"[^\w']+|_+")
_ELISION = re.compile(r"^([dl])'(.+)$")
_FOLDS = (("ph", "f"), ("th", "t"), ("dj", "j"), ("ck", "k"), ("x", "ks"), ("w", "v"))
_FOLD_LETTERS = str.maketrans({"y": "i"})
_DOUBLED = re.compile(r"(.)\1+")
_FOLD_TRIGGER = re.compile(r"ph|th|dj|ck|x|w|y|ou|(.)\1")
_VOWELLESS = str.maketrans("", "", "aeiou")

_FOLDED_EQUAL = 0.95
_SKELETON_FLOOR = 0.8
_SKELETON_MIN_CONSONANTS = 4
_TOKEN_FLOOR = 0.5
_PARTIAL_WEIGHT = 0.9
_REORDERED = 0.98
_GENDERED_MIN_LENGTH = 3


@dataclass(frozen=True, slots=True)
class PersonCandidate:
    """An existing person the database pre-selected (same birth date or same name key)."""

    person_id: int
    last_name: str
    first_name: str
    birth_date: date | None


class _Field(NamedTuple):
    """One name field, read: particle-free tokens and the glued form with particles."""

    tokens: tuple[str, ...]
    joined: str
    pieces: int


class _Name(NamedTuple):
    """Both fields of a person's name, read once per comparison batch."""

    last: _Field
    first: _Field
    last_units: frozenset[str]
    """Folded tokens and glued form of the last name: what a reading may compare."""
    first_units: frozenset[str]
    """Folded tokens and glued form of the first name."""
    units: frozenset[str]
    """Both of the above."""


@lru_cache(maxsize=4096)
def _read_field(text: str) -> _Field:
    """Cut a typed name field into tokens (see the module docstring)."""
    if text.isascii():  # what normalise() does to ASCII; splitting does the rest
        cleaned = text.lower().replace("`", "'")
    else:
        cleaned = normalise(text).translate(_EXTRA_LETTERS)
    if "'" not in cleaned:
        pieces = [piece for piece in _SPLIT.split(cleaned) if piece]
        if len(pieces) == 1:  # the usual case: one word, kept even if it is a particle
            return _Field(tokens=(pieces[0],), joined=pieces[0], pieces=1)
    else:
        pieces = []
        for raw in _SPLIT.split(cleaned):
            rest = raw
            elided = _ELISION.match(raw)
            if elided is not None:
                pieces.append(elided[1] + "'")
                rest = elided[2]
            piece = rest.replace("'", "")
            if piece:
                pieces.append(piece)
    kept = [piece for piece in pieces if piece not in PARTICLES] or pieces
    return _Field(
        tokens=tuple(piece.rstrip("'") for piece in kept),
        joined="".join(piece.rstrip("'") for piece in pieces),
        pieces=len(pieces),
    )


def _read_name(last_name: str, first_name: str) -> _Name:
    last, first = _read_field(last_name), _read_field(first_name)
    last_units, first_units = _units(last), _units(first)
    return _Name(last, first, last_units, first_units, last_units | first_units)


def _units(field: _Field) -> frozenset[str]:
    units = {_fold(token) for token in field.tokens}
    if field.pieces > 1:
        units.add(_fold(field.joined))
    return frozenset(units)


@lru_cache(maxsize=4096)
def _fold(token: str) -> str:
    """Write transliteration variants one way and collapse doubled letters."""
    if _FOLD_TRIGGER.search(token) is None:  # most names: nothing to fold
        return token
    folded = token
    for written, spoken in _FOLDS:
        folded = folded.replace(written, spoken)
    folded = folded.translate(_FOLD_LETTERS).replace("ou", "u")
    return _collapse(folded)


def _collapse(word: str) -> str:
    """``word`` with every run of one letter written once (``aminatta`` → ``aminata``)."""
    return _DOUBLED.sub(_first_group, word) if _DOUBLED.search(word) else word


def _first_group(match: re.Match[str]) -> str:
    return match[1]


@lru_cache(maxsize=4096)
def _skeleton(folded: str) -> str:
    """Consonants of a folded token, in order (``muhamad`` → ``mhmd``)."""
    return _collapse(folded.translate(_VOWELLESS))


@lru_cache(maxsize=4096)
def _letter_masks(word: str) -> dict[str, int]:
    """For each letter of ``word``, the bit mask of its positions (bit ``i`` = letter ``i``)."""
    masks: dict[str, int] = {}
    for position, letter in enumerate(word):
        masks[letter] = masks.get(letter, 0) | (1 << position)
    return masks


def _osa_distance(a: str, b: str) -> int:
    """Optimal-string-alignment (restricted Damerau-Levenshtein) distance of ``a`` and ``b``.

    Insertions, deletions, substitutions and transpositions of two adjacent letters cost 1.
    Computed column by column with bit vectors, one bit per letter of ``a`` (H. Hyyrö, *A
    bit-vector algorithm for computing Levenshtein and Damerau edit distances*, Nordic
    Journal of Computing 10, 2003): a handful of integer operations per letter of ``b``
    instead of a row of the dynamic-programming table, which keeps 200 candidates well under
    a few milliseconds. The tests check it against the textbook table.
    """
    if not a or not b:
        return len(a) + len(b)
    masks = _letter_masks(a)
    full = (1 << len(a)) - 1
    top = 1 << (len(a) - 1)
    positive, negative, distance = full, 0, len(a)
    diagonal = previous_match = 0
    for letter in b:
        match = masks.get(letter, 0)
        transposed = (((~diagonal) & match) << 1) & previous_match
        diagonal = (((match & positive) + positive) ^ positive) | match | negative | transposed
        diagonal &= full
        horizontal_pos = negative | (~(diagonal | positive) & full)
        horizontal_neg = diagonal & positive
        if horizontal_pos & top:
            distance += 1
        elif horizontal_neg & top:
            distance -= 1
        horizontal_pos = ((horizontal_pos << 1) | 1) & full
        horizontal_neg = (horizontal_neg << 1) & full
        positive = horizontal_neg | (~(diagonal | horizontal_pos) & full)
        negative = horizontal_pos & diagonal
        previous_match = match
    return distance


def _gender_pair(a: str, b: str) -> bool:
    """Whether two first-name tokens are the masculine and feminine forms of one name.

    ``Louis``/``Louise`` and ``René``/``Renée`` as typed, ``Daniel``/``Danielle`` and
    ``Jean``/``Jeanne`` once doubled letters are collapsed (and only that: ``Aleksandr`` is
    ``Alexandre``, not its feminine), ``Mario``/``Maria`` and ``Antonio``/``Antonia``.
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < _GENDERED_MIN_LENGTH or not long.startswith(short[:-1]):
        return False  # the usual case, decided without collapsing anything
    for x, y in ((short, long), (_collapse(short), _collapse(long))):
        if y == x + "e" or x == y + "e":
            return True
    return (
        len(a) == len(b) >= _GENDERED_MIN_LENGTH
        and a[:-1] == b[:-1]
        and {a[-1], b[-1]} == {"a", "o"}
    )


def token_similarity(a: str, b: str, *, first_names: bool = False) -> float:
    """Similarity in [0, 1] of two tokens already read (lower case, no accent, no particle).

    Args:
        a: A token of one name, as :func:`name_key` writes it before folding.
        b: A token of the other name.
        first_names: Both tokens are given names: masculine and feminine forms of one name
            (``Louis``/``Louise``, ``Mario``/``Maria``) are then different names.

    Returns:
        1.0 identical, 0.95 identical once folded, ``1 - distance / length`` otherwise (at
        least 0.8 when the consonant skeletons agree), 0.0 below 0.5.
    """
    if a == b:
        return 1.0
    if a > b:
        a, b = b, a
    return _token_similarity(a, b, first_names)


@lru_cache(maxsize=16384)
def _token_similarity(a: str, b: str, first_names: bool) -> float:
    if first_names and _gender_pair(a, b):
        return 0.0
    folded_a, folded_b = _fold(a), _fold(b)
    if folded_a == folded_b:
        return _FOLDED_EQUAL
    length = max(len(folded_a), len(folded_b))
    similarity = 1 - _osa_distance(folded_a, folded_b) / length
    similarity = min(similarity, _FOLDED_EQUAL - 0.01)  # below "the same once folded"
    skeleton = _skeleton(folded_a)
    if len(skeleton) >= _SKELETON_MIN_CONSONANTS and skeleton == _skeleton(folded_b):
        similarity = max(similarity, _SKELETON_FLOOR)
    return similarity if similarity >= _TOKEN_FLOOR else 0.0


def _best_pairing(weights: list[list[float]]) -> float:
    """Largest sum of weights pairing rows and columns one-to-one (exact, by subset DP).

    ``weights[i][j]`` is the similarity of token ``i`` of one name and token ``j`` of the
    other. The shorter side is paired in order, the DP state being the set of columns used.
    """
    if len(weights) == 1:
        return max(weights[0])
    if len(weights[0]) == 1:
        return max(row[0] for row in weights)
    if len(weights) == 2 and len(weights[0]) == 2:  # noqa: PLR2004 - the usual case, unrolled
        (w00, w01), (w10, w11) = weights
        return max(w00 + w11, w01 + w10)
    if len(weights) > len(weights[0]):
        weights = [list(column) for column in zip(*weights, strict=True)]
    best: dict[int, float] = {0: 0.0}
    for row_weights in weights:
        following: dict[int, float] = {}
        for used, total in best.items():
            for j, weight in enumerate(row_weights):
                bit = 1 << j
                if used & bit:
                    continue
                key = used | bit
                candidate = total + weight
                if candidate > following.get(key, -1.0):
                    following[key] = candidate
        best = following
    return max(best.values())


def _token_set_score(weights: list[list[float]]) -> float:
    """Token-set score of two non-empty fields: ``0.9 · S / shorter + 0.1 · S / longer``.

    Written ``c - 0.1 · (c - S / longer)`` with ``c = S / shorter``, which is exactly 1.0
    for two identical fields.
    """
    total = _best_pairing(weights)
    shorter, longer = sorted((len(weights), len(weights[0])))
    coverage = total / shorter
    return coverage - (1 - _PARTIAL_WEIGHT) * (coverage - total / longer)


def _field_score(a: _Field, b: _Field, weights: list[list[float]], *, first_names: bool) -> float:
    """Best of the token-set score and, for pieces cut differently, of the glued forms."""
    if not a.tokens or not b.tokens:
        return 1.0 if not a.tokens and not b.tokens else 0.0
    score = _token_set_score(weights)
    # Only when one side is cut where the other is glued (``Ben Ali`` / ``Benali``): two
    # compound names sharing their first part (``Marie-Claire`` / ``Marie-Christine``) must
    # keep the token-set score.
    if score < 1.0 and a.pieces != b.pieces:
        score = max(score, token_similarity(a.joined, b.joined, first_names=first_names))
    return score


def _similarity(a: _Name, b: _Name) -> float:
    """The best of the straight, swapped and pooled readings (see the module docstring)."""
    if b < a:  # one order for both calls: symmetric to the last bit of the float
        a, b = b, a
    a_split, b_split = len(a.last.tokens), len(b.last.tokens)
    a_tokens, b_tokens = a.last.tokens + a.first.tokens, b.last.tokens + b.first.tokens
    if not a_tokens or not b_tokens:
        return 0.0
    # One matrix for the three readings; only first name against first name is gendered.
    matrix = [
        [
            token_similarity(x, y, first_names=i >= a_split and j >= b_split)
            for j, y in enumerate(b_tokens)
        ]
        for i, x in enumerate(a_tokens)
    ]
    a_last, a_first = matrix[:a_split], matrix[a_split:]
    straight = (
        _field_score(a.last, b.last, [row[:b_split] for row in a_last], first_names=False)
        + _field_score(a.first, b.first, [row[b_split:] for row in a_first], first_names=True)
    ) / 2
    if straight >= 1.0:
        return 1.0
    swapped = (
        _REORDERED
        * (
            _field_score(a.last, b.first, [row[b_split:] for row in a_last], first_names=False)
            + _field_score(a.first, b.last, [row[:b_split] for row in a_first], first_names=False)
        )
        / 2
    )
    if (
        len(a.last.tokens) <= 1
        and len(a.first.tokens) <= 1
        and len(b.last.tokens) <= 1
        and len(b.first.tokens) <= 1
    ):
        # Pooling one-token fields only re-reads the straight or the swapped pairing.
        return max(straight, swapped)
    pooled = _REORDERED * _best_pairing(matrix) / max(len(a_tokens), len(b_tokens))
    return max(straight, swapped, pooled)


def _may_reach(a: _Name, b: _Name, threshold: float, probe: _Probe | None = None) -> bool:
    """Cheap necessary condition for ``_similarity(a, b) >= threshold``.

    The straight reading averages two field scores: reaching ``threshold`` needs both at
    ``2 · threshold - 1`` at least (0.7 for 0.85), and a field score never exceeds the best
    similarity of one of its token pairs or of its glued forms. Same for the swapped reading
    (divided by 0.98 first). The pooled one needs enough tokens on the shorter side and one
    pair at ``threshold / 0.98``. Whether a pair may reach a level is decided without
    computing its similarity (:func:`_close`), so most of a pre-selected set (born the same
    day, another name) is dismissed for a few string comparisons: first by the weakest
    condition, the cheapest to test (some pair reaches ``threshold`` itself), through
    ``probe`` — ``a`` indexed for that threshold — when the caller has one.
    """
    straight_level = 2 * threshold - 1
    if straight_level <= _TOKEN_FLOOR:
        return True
    # No reading reaches the threshold without a pair that does, unless a field missing on
    # both sides (straight or swapped) lends its 1.0 to the average.
    fields_missing = not (a.last.tokens and a.first.tokens), not (b.last.tokens and b.first.tokens)
    if not all(fields_missing):
        if probe is None:
            probe = _Probe(a.units, threshold)
        if not probe.close(b.units):
            return False
    if _close_fields(a.last, b.last, a.last_units, b.last_units, straight_level) and (
        _close_fields(a.first, b.first, a.first_units, b.first_units, straight_level)
    ):
        return True
    swapped_level = 2 * threshold / _REORDERED - 1
    if _close_fields(a.last, b.first, a.last_units, b.first_units, swapped_level) and (
        _close_fields(a.first, b.last, a.first_units, b.last_units, swapped_level)
    ):
        return True
    sizes = sorted(
        (len(a.last.tokens) + len(a.first.tokens), len(b.last.tokens) + len(b.first.tokens))
    )
    if sizes[0] < threshold / _REORDERED * sizes[1]:
        return False
    return _close(a.units, b.units, threshold / _REORDERED)


class _Probe:
    """The units of one name, indexed to tell at once whether another name's come close.

    Same answer as :func:`_close` against those units at ``level``, faster when one name
    meets hundreds of others. Above the skeleton floor, a pair allowed one edit has at least
    six letters on its longer side, five on the shorter, and one edit of such words leaves
    either their first two letters or their last two unchanged (an edit at the start spares
    the end): each unit is indexed under both, and a candidate unit looks its own up. Pairs
    long enough to be allowed two edits — glued names of 14 letters at 0.85 — are compared
    one by one.
    """

    __slots__ = ("_ends", "_level", "_longest", "_one_edit", "_slack", "_two_edits", "_units")

    def __init__(self, units: frozenset[str], level: float) -> None:
        self._units = units
        self._level = level
        self._slack = 1 - level
        self._one_edit = _shortest_allowed(self._slack, 1)
        self._two_edits = _shortest_allowed(self._slack, 2)
        self._longest = max(map(len, units), default=0)
        self._ends: dict[str, list[str]] = {}
        for unit in units:
            if len(unit) >= self._one_edit - 1:
                self._ends.setdefault("<" + unit[:2], []).append(unit)
                self._ends.setdefault(">" + unit[-2:], []).append(unit)

    def close(self, others: frozenset[str]) -> bool:
        """Whether some pair of units may have a similarity of ``level`` or more."""
        if self._level <= _SKELETON_FLOOR:
            return _close(self._units, others, self._level)
        if not self._units.isdisjoint(others):
            return True
        for other in others:
            if len(other) >= self._one_edit - 1:
                for key in ("<" + other[:2], ">" + other[-2:]):
                    for unit in self._ends.get(key, ()):
                        if _edits_allowed(unit, other, self._slack):
                            return True
            if max(self._longest, len(other)) >= self._two_edits:
                for unit in self._units:
                    if _edits_allowed(unit, other, self._slack):
                        return True
        return False


def _shortest_allowed(slack: float, edits: int) -> int:
    """Shortest length whose ``int(slack · length)`` reaches ``edits`` (a large number if never)."""
    if slack <= 0:
        return 1 << 30
    length = 1
    while int(slack * length + 1e-9) < edits:
        length += 1
    return length


def _edits_allowed(a: str, b: str, slack: float) -> bool:
    """Whether ``a`` and ``b`` are within the edits their length allows at ``1 - slack``."""
    length_a, length_b = len(a), len(b)
    allowed = int(slack * (length_a if length_a > length_b else length_b) + 1e-9)
    return 0 < allowed >= abs(length_a - length_b) and _within_edits(a, b, allowed)


def _close_fields(
    a: _Field, b: _Field, a_units: frozenset[str], b_units: frozenset[str], level: float
) -> bool:
    """Whether two fields may score ``level``: both empty score 1, one empty 0."""
    if not a.tokens or not b.tokens:
        return not a.tokens and not b.tokens
    return _close(a_units, b_units, level)


def _close(a_units: frozenset[str], b_units: frozenset[str], level: float) -> bool:
    """Whether some pair of folded units may have a similarity of ``level`` or more.

    Identical folded units score 0.95; a skeleton match 0.8; otherwise ``1 - d / length``
    reaches ``level`` only within ``(1 - level) · length`` edits.
    """
    if a_units & b_units:
        return True
    slack = 1 - level
    skeletons = level <= _SKELETON_FLOOR
    for x in a_units:
        for y in b_units:
            if _edits_allowed(x, y, slack):
                return True
            if (
                skeletons
                and len(x) >= _SKELETON_MIN_CONSONANTS <= len(y)
                and len(skeleton := _skeleton(x)) >= _SKELETON_MIN_CONSONANTS
                and skeleton == _skeleton(y)
            ):
                return True
    return False


def _within_edits(a: str, b: str, edits: int) -> bool:
    """Whether ``_osa_distance(a, b) <= edits``, exploring only the cheap branches.

    The common prefix and suffix are dropped, then the first differing letters are
    substituted, deleted, inserted or transposed, each branch with one edit less: for the
    one or two edits a pre-check allows, a few string comparisons instead of a distance.
    """
    if a == b:
        return True
    if edits <= 0 or abs(len(a) - len(b)) > edits:
        return False
    shortest, start = min(len(a), len(b)), 0
    while start < shortest and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    shortest, end = min(len(a), len(b)), 0
    while end < shortest and a[-1 - end] == b[-1 - end]:
        end += 1
    if end:
        a, b = a[:-end], b[:-end]
    if not a or not b:
        return len(a) + len(b) <= edits
    if edits == 1:  # the last edit: substitution, deletion, insertion or transposition
        return (
            a[1:] == b[1:]
            or a[1:] == b
            or a == b[1:]
            or (len(a) > 1 and a[:2] == b[1::-1] and a[2:] == b[2:])
        )
    edits -= 1
    return (
        _within_edits(a[1:], b[1:], edits)
        or _within_edits(a[1:], b, edits)
        or _within_edits(a, b[1:], edits)
        or (a[:2] == b[1::-1] and len(a) > 1 and _within_edits(a[2:], b[2:], edits))
    )


def name_similarity(a_last: str, a_first: str, b_last: str, b_first: str) -> float:
    """Similarity in [0, 1] of two persons' names, robust to the way names are typed.

    Symmetric; 1.0 for the same name (accents, case, hyphens and particles aside). The
    readings and weights are explained in the module docstring.

    Args:
        a_last: Last name of the first person.
        a_first: First name(s) of the first person.
        b_last: Last name of the second person.
        b_first: First name(s) of the second person.

    Returns:
        0.0 when either name holds no letter at all.
    """
    return _similarity(_read_name(a_last, a_first), _read_name(b_last, b_first))


def name_key(last_name: str, first_name: str) -> str:
    """Canonical key of a name, to pre-select candidates in SQL through an indexed column.

    The key is the sorted list of the folded, particle-free tokens of both fields, joined by
    one space: ``name_key("N'Diaye", "Aminata") == name_key("AMINATA", "ndiaye") ==
    "aminata ndiaie"``, ``name_key("Ben Mohammed", "Sylvie") == "mohamed silvie"``. Accents,
    case, hyphens, apostrophes, particles, order, doubled letters and the transliteration
    folds of :func:`token_similarity` do not change it; typos and glued particles do
    (``Benali`` ≠ ``Ben Ali``) — those are found through the birth date, the other
    pre-selection criterion (``WHERE birth_date = :born OR name_key = :key``).

    It depends only on the two strings and on the rules of this module (and on the Unicode
    tables of ``unicodedata`` for accents): a change of those rules bumps
    :data:`NAME_KEY_VERSION`, and the stored keys must then be recomputed.

    Args:
        last_name: Last name as typed.
        first_name: First name(s) as typed.

    Returns:
        The key; empty when neither field holds a letter.
    """
    name = _read_name(last_name, first_name)
    return " ".join(sorted(_fold(token) for token in name.last.tokens + name.first.tokens))


def find_duplicates(
    last_name: str,
    first_name: str,
    birth_date: date | None,
    candidates: Iterable[PersonCandidate],
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> list[tuple[PersonCandidate, float]]:
    """Existing persons that may be the one being created, most likely first.

    A candidate born on another known day is never proposed. One born the same day is
    proposed from ``threshold`` on; when either birth date is unknown, only near-identical
    names are (:data:`NEAR_IDENTICAL_THRESHOLD`, or ``threshold`` if higher): the list must
    show the likely duplicates, not every namesake.

    Args:
        last_name: Last name typed for the new person.
        first_name: First name(s) typed for the new person.
        birth_date: Birth date typed for the new person, if any.
        candidates: Persons pre-selected by the database (same birth date, same
            :func:`name_key`, or both).
        threshold: Similarity from which a person born the same day is proposed.

    Returns:
        ``(candidate, similarity)`` pairs, by decreasing similarity; at equal similarity a
        known shared birth date first, then by ``person_id``.
    """
    new = _read_name(last_name, first_name)
    strict = max(threshold, NEAR_IDENTICAL_THRESHOLD)
    probes = {level: _Probe(new.units, level) for level in {threshold, strict}}
    found: list[tuple[PersonCandidate, float, bool]] = []
    for candidate in candidates:
        same_day = birth_date is not None and candidate.birth_date == birth_date
        if not same_day and birth_date is not None and candidate.birth_date is not None:
            continue
        needed = threshold if same_day else strict
        existing = _read_name(candidate.last_name, candidate.first_name)
        if not _may_reach(new, existing, needed, probes[needed]):
            continue
        score = _similarity(new, existing)
        if score >= needed:
            found.append((candidate, score, same_day))
    found.sort(key=lambda item: (-item[1], not item[2], item[0].person_id))
    return [(candidate, score) for candidate, score, _ in found]
