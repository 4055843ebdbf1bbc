"""Password policy: CNIL 2022 thresholds, ASVS 2.1 lengths, back-off and one-time codes."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.passwords import (
    COMMON_WORDS,
    DICEWARE_BITS_PER_WORD,
    MAX_LENGTH,
    MIN_BITS_ALONE,
    MIN_BITS_WITH_DELAYS,
    MIN_LENGTH,
    RECOVERY_ALPHABET,
    check_password,
    delay_after_failures,
    entropy_bits,
    new_recovery_code,
    new_temporary_password,
    normalise_recovery_code,
)

ASCII_ALL = math.log2(26 + 26 + 10 + 33)  # 95 printable ASCII characters
ALNUM = math.log2(26 + 26 + 10)
LOWER_AND_SEPARATOR = math.log2(26 + 33)


def codes(
    password: str, *, login: str = "", names: Sequence[str] = (), strict: bool = False
) -> list[str]:
    return [
        issue.code for issue in check_password(password, login=login, names=names, strict=strict)
    ]


def test_thresholds_are_the_cnil_and_asvs_figures() -> None:
    assert (MIN_BITS_WITH_DELAYS, MIN_BITS_ALONE) == (50, 80)
    assert (MIN_LENGTH, MAX_LENGTH) == (12, 128)


# ---------------------------------------------------------------- weak passwords are refused


@pytest.mark.parametrize(
    ("password", "login", "expected", "bits"),
    [
        # "azerty" (common word, keyboard row) + "123456" (digit sequence): 2 tokens of 36
        ("azerty123456", "", ["password.common", "password.too_weak"], 10),
        # "motdepasse" is one token, then two digits
        ("motdepasse12", "", ["password.common", "password.too_weak"], 15),
        # a run is a single token
        ("aaaaaaaaaaaa", "", ["password.common", "password.too_weak"], 4),
        # login + year + run: 3 tokens out of 95 symbols
        (
            "Seuil2026!!!",
            "seuil",
            ["password.contains_login", "password.common", "password.too_weak"],
            19,
        ),
        # look-alikes do not hide a common word
        ("P@ssw0rd1234", "", ["password.common", "password.too_weak"], 13),
        ("Marseille2024!", "", ["password.common", "password.too_weak"], 19),
        ("qwertyuiopas", "", ["password.common", "password.too_weak"], 14),
        ("abcdefghijkl", "", ["password.common", "password.too_weak"], 4),
        # 12 random digits: 12 × log2(10) = 39.9 bits, no pattern but too small a pool
        ("482915736048", "", ["password.too_weak"], 39),
        # seven common words: 7 tokens + 1 separator
        (
            "soleil bonjour maison famille amour chocolat paris",
            "",
            ["password.common", "password.too_weak"],
            47,
        ),
    ],
)
def test_weak_passwords_are_refused(
    password: str, login: str, expected: list[str], bits: int
) -> None:
    issues = check_password(password, login=login)
    assert [issue.code for issue in issues] == expected
    assert all(issue.field == "password" for issue in issues)
    assert issues[-1].params == {"bits": bits, "required": MIN_BITS_WITH_DELAYS}


def test_the_login_inside_is_refused_even_when_long_and_random() -> None:
    password = "jDupont-Xk7#pQ2m-vR4tZb9w"
    assert entropy_bits(password) >= MIN_BITS_ALONE
    assert codes(password, login="jdupont") == ["password.contains_login"]
    assert codes(password, login="marie.jdupont") == ["password.contains_login"]
    assert codes(password, names=["Jean", "Dupont"]) == ["password.contains_login"]
    assert codes(password, login="jd") == []  # shorter than 3: not a recognisable identity


def test_names_are_found_whatever_the_case_and_accents() -> None:
    assert "password.contains_login" in codes("hélène-k7Qm2xP9vR4", names=["Hélène Martin"])
    assert "password.contains_login" in codes("HELENE-k7Qm2xP9vR4", names=["Hélène"])
    assert "password.contains_login" in codes("k7Qm2xP9vR4-marTin", names=["Hélène Martin"])


def test_a_repeated_passphrase_word_is_not_a_passphrase() -> None:
    # "chat " then the repeats as one token: 6 units × log2(59)
    assert entropy_bits("chat chat chat chat chat chat chat") == pytest.approx(
        6 * LOWER_AND_SEPARATOR
    )
    assert codes("chat chat chat chat chat chat chat", strict=True) == [
        "password.common",
        "password.too_weak",
    ]


def test_sequences_of_words_that_are_themselves_patterns_get_no_passphrase_credit() -> None:
    # each word is an alphabetical sequence: 5 tokens + 1 separator
    assert entropy_bits("abcd-bcde-cdef-defg-efgh") == pytest.approx(6 * LOWER_AND_SEPARATOR)


def test_length_limits() -> None:
    assert codes("Xk7#pQ2m") == ["password.too_short"]  # 52.6 bits but 8 characters
    assert check_password("Xk7#pQ2m")[0].params == {"minimum": MIN_LENGTH}
    assert codes("") == ["password.too_short", "password.too_weak"]
    too_long = "k7Qm2xP9vR4tZbW3" * 9  # 144 characters
    assert check_password(too_long) == check_password(too_long, strict=True)
    [issue] = check_password(too_long)
    assert (issue.code, issue.params) == ("password.too_long", {"maximum": MAX_LENGTH})
    # ASVS 2.1.2: 64 characters (and up to 128) are allowed
    assert codes("lampe verger tissu ardoise cabane poivre brume crayon gravier oc") == []
    assert codes(("k7Qm-xP9v-R4tZ-bW3n" * 7)[:MAX_LENGTH]) == []


# ---------------------------------------------------------------- strong passwords pass


def test_cnil_case_1_examples() -> None:
    """What the estimator gives for the CNIL 2022 case 1 (80 bits) examples.

    * 14 characters from upper, lower and digits: 14 × log2(62) = 83.4 bits: accepted.
    * 7 words: far above 80 on characters alone (here 40 letters + 1 separator unit out of
      59 symbols = 241 bits); the passphrase floor alone would give 7 × 11 = 77.
    * 12 characters mixing the four kinds: the CNIL counts 37 special characters (99 symbols,
      12 × log2(99) = 79.6 ≈ 80). Plain ASCII only has 33 (punctuation and space), so 12 ASCII
      characters give 12 × log2(95) = 78.8 bits: refused for the administrator, by 1.2 bits.
      One character outside ASCII (€, é, §…) brings 12 × log2(159) = 87.8, and a 13th ASCII
      character 13 × log2(95) = 85.4: both accepted.
    """
    fourteen = "q7Rm2XvK9tPb4W"
    assert entropy_bits(fourteen) == pytest.approx(14 * ALNUM)
    assert entropy_bits(fourteen) == pytest.approx(83.36, abs=0.01)
    assert codes(fourteen, strict=True) == []

    seven_words = "lampe verger tissu ardoise cabane poivre brume"
    assert entropy_bits(seven_words) == pytest.approx(41 * LOWER_AND_SEPARATOR)
    assert entropy_bits(seven_words) == pytest.approx(241.19, abs=0.01)
    assert codes(seven_words, strict=True) == []
    assert 7 * DICEWARE_BITS_PER_WORD == 77

    twelve_ascii = "r7#Kp!2vQ@x9"
    assert entropy_bits(twelve_ascii) == pytest.approx(12 * ASCII_ALL)
    assert entropy_bits(twelve_ascii) == pytest.approx(78.84, abs=0.01)
    assert codes(twelve_ascii) == []  # ordinary account: 50 bits
    [issue] = check_password(twelve_ascii, strict=True)
    assert (issue.code, issue.params) == ("password.too_weak", {"bits": 78, "required": 80})

    twelve_euro = "r7#Kp€2vQ@x9"
    assert entropy_bits(twelve_euro) == pytest.approx(12 * math.log2(95 + 64))
    assert entropy_bits(twelve_euro) == pytest.approx(87.75, abs=0.01)
    assert codes(twelve_euro, strict=True) == []
    assert entropy_bits(twelve_ascii + "z") == pytest.approx(85.41, abs=0.01)
    assert codes(twelve_ascii + "z", strict=True) == []


@pytest.mark.parametrize(
    "password",
    [
        "correct-cheval-agrafe-batterie",
        "lampe verger tissu ardoise cabane poivre brume",
        "q7Rm2XvK9tPb4W",
        "Le chat de Margot dort sur le radiateur",
    ],
)
def test_strong_passwords_pass_even_strict(password: str) -> None:
    assert check_password(password, login="mdupont", names=["Marie", "Dupont"]) == []
    assert check_password(password, login="mdupont", strict=True) == []


def test_cnil_case_2_random_lowercase_of_minimum_length_passes() -> None:
    # 12 random lower-case letters: 12 × log2(26) = 56.4 ≥ 50, but < 80
    assert entropy_bits("kdjfmqpzlxnw") == pytest.approx(56.41, abs=0.01)
    assert codes("kdjfmqpzlxnw") == []
    assert codes("kdjfmqpzlxnw", strict=True) == ["password.too_weak"]


def test_a_common_word_inside_a_strong_passphrase_is_fine() -> None:
    assert "soleil" in COMMON_WORDS
    assert codes("soleil-cheval-agrafe-batterie", strict=True) == []


def test_separators_repeated_between_words_add_nothing() -> None:
    assert entropy_bits("lampe-verger-tissu") == pytest.approx(entropy_bits("lampe-vergertissu"))


# ---------------------------------------------------------------- properties


@given(st.text(max_size=200), st.text(max_size=30), st.lists(st.text(max_size=20), max_size=3))
def test_entropy_is_never_negative_and_checking_never_raises(
    password: str, login: str, names: list[str]
) -> None:
    bits = entropy_bits(password, login=login, names=names)
    assert bits >= 0
    issues = check_password(password, login=login, names=names)
    strict = check_password(password, login=login, names=names, strict=True)
    assert {issue.code for issue in issues} <= {issue.code for issue in strict}
    assert all(issue.field == "password" for issue in strict)


@given(st.text(min_size=1, max_size=60))
def test_the_estimate_never_exceeds_length_times_pool(password: str) -> None:
    assert entropy_bits(password) <= len(password) * math.log2(95 + 64) + 1e-9


CLEAN_WORDS_TEXT = """
    lampe verger tissu ardoise cabane poivre brume crayon gravier ocre tulipe marteau
    falaise renard bougie ruisseau cerise pinceau moulin sabot
"""
CLEAN_WORDS = CLEAN_WORDS_TEXT.split()


@given(
    st.lists(st.sampled_from(CLEAN_WORDS), min_size=2, max_size=8, unique=True),
    st.sampled_from([" ", "-", "_"]),
)
def test_a_passphrase_keeps_at_least_its_diceware_floor(words: list[str], separator: str) -> None:
    phrase = separator.join(words)
    assert entropy_bits(phrase) >= DICEWARE_BITS_PER_WORD * len(words)


# ---------------------------------------------------------------- back-off


def test_delay_schedule() -> None:
    assert [delay_after_failures(n) for n in range(14)] == [
        0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300,
    ]  # fmt: skip
    assert delay_after_failures(10**9) == 300
    with pytest.raises(ValueError, match="negative"):
        delay_after_failures(-1)


# ---------------------------------------------------------------- one-time codes


def test_recovery_code_format() -> None:
    assert len(set(RECOVERY_ALPHABET)) == len(RECOVERY_ALPHABET) == 31
    assert not set("0O1IL") & set(RECOVERY_ALPHABET)
    codes_seen = {new_recovery_code() for _ in range(50)}
    assert len(codes_seen) == 50
    pattern = re.compile(rf"[{RECOVERY_ALPHABET}]{{4}}(?:-[{RECOVERY_ALPHABET}]{{4}}){{4}}")
    assert all(pattern.fullmatch(code) for code in codes_seen)


def test_recovery_code_normalisation_round_trip() -> None:
    code = new_recovery_code()
    compact = code.replace("-", "")
    assert normalise_recovery_code(code) == compact
    retyped = " ".join(code.lower().split("-"))
    assert normalise_recovery_code(retyped) == compact
    assert normalise_recovery_code(f"  {code[:9]} – {code[10:]}\t") == compact
    assert normalise_recovery_code("ＡＢＣＤ-２３４５") == "ABCD2345"  # full-width, NFKC
    # look-alikes are never printed, so they are not silently "corrected"
    assert normalise_recovery_code("o0-1il") == "O01IL"


def test_temporary_password_passes_the_strict_policy() -> None:
    for _ in range(20):
        password = new_temporary_password()
        assert re.fullmatch(r"[a-z2-9]{4}(?:-[a-z2-9]{4}){4}", password)
        assert not set("01ilo") & set(password)
        assert check_password(password, strict=True) == []
    assert len({new_temporary_password() for _ in range(20)}) == 20
