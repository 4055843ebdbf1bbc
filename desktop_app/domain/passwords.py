"""Password policy: length, an honest entropy estimate, login back-off and one-time codes.

The rules follow the CNIL recommendation n° 2022-100 and OWASP ASVS 4.0.3 §2.1:

* length between `MIN_LENGTH` (12, ASVS 2.1.1) and `MAX_LENGTH` (128, ASVS 2.1.2);
* no composition rule (ASVS 2.1.9): strength is measured, not imposed by character classes;
* at least `MIN_BITS_WITH_DELAYS` (50) bits of entropy, the CNIL "case 2", because Seuil
  always slows down repeated failures (`delay_after_failures`); the administrator account, and
  any check made with ``strict=True``, needs `MIN_BITS_ALONE` (80) bits, the CNIL "case 1";
* no login or name of the person inside, and no common password or predictable pattern
  (ASVS 2.1.7), both also counted in the estimate.

Hashing lives in `desktop_app.services.passwords`; this module is standard library only.
"""

from __future__ import annotations

import math
import re
import secrets
import string
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from desktop_app.domain.errors import ValidationIssue

MIN_LENGTH: Final = 12
MAX_LENGTH: Final = 128
MIN_BITS_WITH_DELAYS: Final = 50
MIN_BITS_ALONE: Final = 80

FIELD: Final = "password"

# Character pools (sizes used by `entropy_bits`).
_LOWER: Final = frozenset(string.ascii_lowercase)
_UPPER: Final = frozenset(string.ascii_uppercase)
_DIGITS: Final = frozenset(string.digits)
_SPECIALS: Final = frozenset(string.punctuation + " ")  # 32 ASCII punctuation marks + space
_OTHER_POOL: Final = 64  # accented letters, €, §, emoji…: one extra pool, however many

# Very common passwords and words, folded (lower case, no accent). Each counts as one token.
_COMMON_WORDS_TEXT: Final = """
    motdepasse mdp password passwd pass azerty qwerty azertyuiop qwertyuiop 123456 12345678
    123456789 seuil admin administrateur administrator root user utilisateur login connexion
    secret bonjour bonsoir salut coucou soleil amour jetaime iloveyou loulou doudou chouchou
    chocolat princesse marseille paris france football welcome bienvenue letmein dragon monkey
    master sunshine shadow superman batman pokemon starwars nicolas camille thomas maison
    famille hello test changeme default association logement janvier fevrier mars avril juin
    juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi
    dimanche printemps automne hiver bisous doudoune
"""
COMMON_WORDS: Final[frozenset[str]] = frozenset(_COMMON_WORDS_TEXT.split())

# Keyboard rows (AZERTY, QWERTY, digits, AZERTY unshifted digits), read in both directions.
_KEYBOARD_ROWS: Final = (
    "azertyuiop",
    "qsdfghjklm",
    "wxcvbn",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1234567890",
    "&é\"'(-è_çà)=",
    "!@#$%^&*()",
)
_KEYBOARD: Final = tuple(row for base in _KEYBOARD_ROWS for row in (base, base[::-1]))
_MIN_KEYBOARD = 4
_MIN_LETTER_SEQUENCE = 4
_MIN_DIGIT_SEQUENCE = 3
_MIN_RUN = 3
_MIN_IDENTITY = 3
_MAX_REPEAT_BLOCK = 32
_YEAR = re.compile(r"(?:19|20)\d\d")

# Passphrases: words separated by spaces, dashes or underscores.
_SEPARATORS: Final = frozenset(" \t-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_WORD = re.compile(r"[^\s\-_\u2010-\u2015\u2212]+")
DICEWARE_BITS_PER_WORD: Final = 11.0
_MIN_DICEWARE_WORD = 4

# Look-alike digits and signs, read as letters when looking for words ("p@ssw0rd").
_LEET_I: Final = str.maketrans("@4310!$57€", "aaeioisste")
_LEET_L: Final = str.maketrans("@4310!$57€", "aaeloisste")

# One-time codes: no 0/O, 1/I/L, so that nothing printed can be misread.
RECOVERY_ALPHABET: Final = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RECOVERY_GROUPS: Final = 5
RECOVERY_GROUP_SIZE: Final = 4
RECOVERY_LENGTH: Final = RECOVERY_GROUPS * RECOVERY_GROUP_SIZE

# Back-off after failed logins.
FREE_FAILURES: Final = 3
FIRST_DELAY_SECONDS: Final = 2
MAX_DELAY_SECONDS: Final = 300


@dataclass(frozen=True, slots=True)
class _Analysis:
    bits: float
    contains_identity: bool
    predictable: bool


def entropy_bits(password: str, *, login: str = "", names: Sequence[str] = ()) -> float:
    """Estimate the entropy of ``password``, in bits, in the spirit of the CNIL 2022 tables.

    The estimate is ``units × log2(pool)``:

    * **pool**: the sum of the character classes actually used: lower-case ASCII 26,
      upper-case ASCII 26, digits 10, ASCII punctuation and space 33, and 64 more if any other
      character appears (accented letter, €, emoji…). A pool is counted once, however many of
      its characters are used.
    * **units**: the length in characters, except that each predictable piece counts as one
      unit (one "token"), whatever its length. The cheapest reading wins. Pieces are found
      case-insensitively, ignoring accents and reading look-alikes (``@``→a, ``0``→o, ``1``→i
      or l, ``3``→e, ``$``/``5``→s…) as letters:

      - a word of the built-in `COMMON_WORDS` list ("motdepasse", "azerty", "soleil"…);
      - the login, or the login's or a name's parts, of at least 3 characters;
      - a run of 3 or more identical characters ("aaaa", "!!!");
      - a block repeated right after itself ("abcabc", "1212"): the repeats are one token;
      - an alphabetical sequence of 4+ letters ("abcd", "zyxw") or 3+ digits ("123", "987");
      - 4+ neighbouring keys of a keyboard row ("azer", "qsdf", "qwerty", "'(-è");
      - a year from 1900 to 2099.

      The first separator used between words (space, dash, underscore) is free from its
      second occurrence on: "un-deux-trois" costs as much as "un-deuxtrois".
    * **passphrases**: when the text splits on spaces, dashes or underscores into several
      words, each distinct word of 4+ letters that is not wholly one predictable piece (a
      common word, the login, "abcd", a repeat…) is worth `DICEWARE_BITS_PER_WORD` (11) bits,
      as if drawn from a list of about 2,000 words. That sum is a floor for the estimate,
      capped by the plain ``length × log2(pool)`` figure. With the pools above, such a word
      already costs 2+ units, i.e. 11.8+ bits with its separator in the pool, so the floor is
      a guarantee rather than a bonus: n clean words always keep at least 11·n bits.

    Repetitions are looked for with blocks of at most 32 characters, which keeps the cost
    modest on long texts; `check_password` only measures texts up to `MAX_LENGTH`.

    Args:
        password: The text to measure.
        login: The account's login, counted as one token when found inside.
        names: The person's names (first name, last name…), likewise.

    Returns:
        The estimate in bits, never negative; 0.0 for an empty text.
    """
    return _analyse(password, login, names).bits


def check_password(
    password: str, *, login: str = "", names: Sequence[str] = (), strict: bool = False
) -> list[ValidationIssue]:
    """Every reason to refuse ``password``, the most useful first; an empty list accepts it.

    Codes, all on the field ``"password"``, in this order:

    1. ``password.too_short`` (``minimum``) or ``password.too_long`` (``maximum``); above the
       maximum nothing else is analysed;
    2. ``password.contains_login``: the login, or a part of the login or of a name of 3+
       characters, is inside (whatever the entropy);
    3. ``password.common``: the password is too weak *and* contains a common word or a
       predictable pattern (sequence, keyboard row, run, repetition, year); it tells why;
    4. ``password.too_weak`` (``bits``: the estimate rounded down, ``required``): below 50
       bits, or 80 bits with ``strict``.

    Args:
        password: The proposed password, exactly as typed.
        login: The account's login.
        names: The person's names.
        strict: Require `MIN_BITS_ALONE` (administrator account) instead of
            `MIN_BITS_WITH_DELAYS`.

    Returns:
        The issues found; empty when the password is acceptable.
    """
    issues: list[ValidationIssue] = []
    if len(password) > MAX_LENGTH:
        return [ValidationIssue(FIELD, "password.too_long", {"maximum": MAX_LENGTH})]
    if len(password) < MIN_LENGTH:
        issues.append(ValidationIssue(FIELD, "password.too_short", {"minimum": MIN_LENGTH}))
    analysis = _analyse(password, login, names)
    if analysis.contains_identity:
        issues.append(ValidationIssue(FIELD, "password.contains_login"))
    required = MIN_BITS_ALONE if strict else MIN_BITS_WITH_DELAYS
    if analysis.bits < required:
        if analysis.predictable:
            issues.append(ValidationIssue(FIELD, "password.common"))
        issues.append(
            ValidationIssue(
                FIELD,
                "password.too_weak",
                {"bits": math.floor(analysis.bits), "required": required},
            )
        )
    return issues


def delay_after_failures(failures: int) -> int:
    """Seconds to wait, after ``failures`` consecutive failed logins, before the next attempt.

    The first `FREE_FAILURES` (3) failures cost nothing (typing mistakes happen); then the
    delay doubles from 2 s, up to 5 minutes:

    ======== === === === === === === === === ==== ====
    failures 1–3 4   5   6   7   8   9   10  11   12+
    seconds  0   2   4   8   16  32  64  128 256  300
    ======== === === === === === === === === ==== ====

    Past the cap an attacker gets at most 12 tries an hour, about 105,000 a year: this is the
    "restricted access" that lets the CNIL accept 50 bits instead of 80.

    Raises:
        ValueError: for a negative count.
    """
    if failures < 0:
        raise ValueError(f"negative failure count: {failures}")
    if failures <= FREE_FAILURES:
        return 0
    # Clamp the exponent so a huge count does not build a huge integer.
    doublings = min(failures - FREE_FAILURES - 1, MAX_DELAY_SECONDS.bit_length())
    return min(FIRST_DELAY_SECONDS << doublings, MAX_DELAY_SECONDS)


def new_recovery_code() -> str:
    """A fresh one-time recovery code for the administrator, e.g. ``"K7PM-X3RA-…"``.

    Twenty characters drawn by `secrets` from `RECOVERY_ALPHABET` (31 symbols: upper-case
    letters and digits without 0, O, 1, I, L), about 99 bits, shown in five groups of four
    joined by dashes. It is printed once at creation and only its hash is stored.
    """
    symbols = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH)]
    return "-".join(
        "".join(symbols[start : start + RECOVERY_GROUP_SIZE])
        for start in range(0, len(symbols), RECOVERY_GROUP_SIZE)
    )


def normalise_recovery_code(text: str) -> str:
    """The canonical form of a typed recovery code: upper case, no spaces and no dashes.

    ``" k7pm x3ra-…"`` and ``"K7PM-X3RA-…"`` give the same result. No look-alike is
    translated: 0, O, 1, I and L are never printed, so a typed one is a plain typo and the
    code is refused, instead of being silently "corrected" into another code.
    """
    upper = unicodedata.normalize("NFKC", text).upper()
    return "".join(c for c in upper if not c.isspace() and c not in _SEPARATORS)


def new_temporary_password() -> str:
    """A random password for an account created or reset from the command line.

    Twenty characters drawn by `secrets` from `RECOVERY_ALPHABET` in lower case (easier to
    type), in five dash-joined groups of four, e.g. ``"k7pm-x3ra-9tvb-qh4e-2nwc"``: about
    99 bits of real entropy. A draw that `check_password` with ``strict=True`` would refuse
    (an unlucky "abcd" or "azer") is drawn again, so the result always passes.
    """
    while True:
        candidate = new_recovery_code().lower()
        if not check_password(candidate, strict=True):
            return candidate


# ---------------------------------------------------------------- estimator internals


def _pool_size(password: str) -> int:
    chars = set(password)
    size = 0
    for pool in (_LOWER, _UPPER, _DIGITS, _SPECIALS):
        if chars & pool:
            size += len(pool)
            chars -= pool
    return size + (_OTHER_POOL if chars else 0)


def _fold_char(char: str) -> str:
    """Lower case without accent, always one character so positions stay aligned."""
    decomposed = unicodedata.normalize("NFKD", char.lower())
    return decomposed[0] if decomposed else char


def _identity_tokens(login: str, names: Sequence[str]) -> set[str]:
    tokens: set[str] = set()
    for text in (login, *names):
        folded = "".join(map(_fold_char, text.strip()))
        parts = [folded, *re.split(r"[\W_]+", folded)]
        tokens.update(part for part in parts if len(part) >= _MIN_IDENTITY)
    return tokens


def _find_words(variants: Sequence[str], words: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for word in words:
        for text in variants:
            start = text.find(word)
            while start >= 0:
                spans.append((start, start + len(word)))
                start = text.find(word, start + 1)
    return spans


def _runs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end == len(text) or text[end] != text[start]:
            if end - start >= _MIN_RUN:
                spans.append((start, end))
            start = end
    return spans


def _repeats(text: str) -> list[tuple[int, int]]:
    """Blocks of 2 to 32 characters repeated right after themselves, maybe partly at the end.

    The span covers the repeats only: in "abcabcab" the block is "abc", the span "abcab".
    """
    spans: list[tuple[int, int]] = []
    size = len(text)
    for block in range(2, min(size // 2, _MAX_REPEAT_BLOCK) + 1):
        for start in range(size - 2 * block + 1):
            if start >= block and text[start - block : start] == text[start : start + block]:
                continue  # inside a repetition already found from an earlier start
            pattern = text[start : start + block]
            end = start + block
            while text[end : end + block] == pattern:
                end += block
            if end == start + block:
                continue
            while end < size and text[end] == pattern[(end - start) % block]:
                end += 1
            spans.append((start + block, end))
    return spans


def _sequences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for step in (1, -1):
        start = 0
        for end in range(1, len(text) + 1):
            if end < len(text) and _continues(text[end - 1], text[end], step):
                continue
            minimum = _MIN_DIGIT_SEQUENCE if text[start] in _DIGITS else _MIN_LETTER_SEQUENCE
            if end - start >= minimum:
                spans.append((start, end))
            start = end
    return spans


def _continues(previous: str, current: str, step: int) -> bool:
    same_class = (previous in _DIGITS and current in _DIGITS) or (
        previous in _LOWER and current in _LOWER
    )
    return same_class and ord(current) - ord(previous) == step


def _keyboard_walks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start in range(len(text) - _MIN_KEYBOARD + 1):
        for row in _KEYBOARD:
            end = start + _MIN_KEYBOARD
            if text[start:end] not in row:
                continue
            while end < len(text) and text[start : end + 1] in row:
                end += 1
            spans.append((start, end))
    return spans


def _analyse(password: str, login: str, names: Sequence[str]) -> _Analysis:
    if not password:
        return _Analysis(0.0, contains_identity=False, predictable=False)
    pool_bits = math.log2(_pool_size(password))
    lowered = "".join(c.lower()[0] for c in password)
    folded = "".join(map(_fold_char, password))
    variants = (folded, folded.translate(_LEET_I), folded.translate(_LEET_L))

    identity_spans = _find_words(variants, _identity_tokens(login, names))
    predictable_spans = [
        *_find_words(variants, COMMON_WORDS),
        *_runs(folded),
        *_repeats(folded),
        *_sequences(folded),
        *_keyboard_walks(lowered),
        *((m.start(), m.end()) for m in _YEAR.finditer(folded)),
    ]
    spans = [*identity_spans, *predictable_spans]
    bits = _cheapest_units(password, spans) * pool_bits
    floor = _diceware_bits(folded, spans)
    if floor > bits:
        bits = min(floor, len(password) * pool_bits)
    return _Analysis(
        bits, contains_identity=bool(identity_spans), predictable=bool(predictable_spans)
    )


def _cheapest_units(password: str, spans: Sequence[tuple[int, int]]) -> int:
    """Fewest units to write ``password``: 1 per character or per predictable span."""
    ending_at: dict[int, list[int]] = {}
    for start, end in spans:
        ending_at.setdefault(end, []).append(start)
    first_separator = next((c for c in password if c in _SEPARATORS), None)
    separator_seen = False
    cost = [0] * (len(password) + 1)
    for end in range(1, len(password) + 1):
        free = password[end - 1] == first_separator and separator_seen
        separator_seen = separator_seen or password[end - 1] == first_separator
        cost[end] = cost[end - 1] + (0 if free else 1)
        for start in ending_at.get(end, ()):
            cost[end] = min(cost[end], cost[start] + 1)
    return cost[-1]


def _diceware_bits(folded: str, spans: Sequence[tuple[int, int]]) -> float:
    """11 bits per distinct word of 4+ letters not wholly inside one predictable span."""
    words = list(_WORD.finditer(folded))
    if len(words) < 2:  # noqa: PLR2004 - a passphrase has at least two words
        return 0.0
    counted = {
        word.group()
        for word in words
        if len(word.group()) >= _MIN_DICEWARE_WORD
        and word.group().isalpha()
        and not any(start <= word.start() and word.end() <= end for start, end in spans)
    }
    return len(counted) * DICEWARE_BITS_PER_WORD
