"""Password storage: Argon2id at the OWASP minimums, and no exception on a damaged hash."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from argon2 import PasswordHasher, Type
from argon2.low_level import ARGON2_VERSION

from desktop_app.domain.passwords import new_recovery_code
from desktop_app.services import passwords
from desktop_app.services.passwords import (
    hash_password,
    hash_recovery_code,
    needs_rehash,
    verify_password,
    verify_recovery_code,
)

SECRET = "correct-cheval-agrafe-batterie"


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_password(SECRET)


def test_parameters_meet_the_owasp_minimums() -> None:
    # OWASP Password Storage Cheat Sheet: Argon2id, 19 MiB, 2 iterations, parallelism 1.
    assert passwords.HASH_TYPE is Type.ID
    assert passwords.MEMORY_COST_KIB >= 19 * 1024
    assert passwords.TIME_COST >= 2
    assert passwords.PARALLELISM >= 1
    assert passwords.HASH_LEN >= 32
    assert passwords.SALT_LEN >= 16
    hasher = passwords.HASHER
    assert (hasher.type, hasher.memory_cost, hasher.time_cost, hasher.parallelism) == (
        Type.ID,
        19_456,
        2,
        1,
    )
    assert (hasher.hash_len, hasher.salt_len) == (32, 16)


def test_the_hash_string_carries_the_parameters(stored: str) -> None:
    assert stored.startswith(f"$argon2id$v={ARGON2_VERSION}$m=19456,t=2,p=1$")
    assert SECRET not in stored
    assert hash_password(SECRET) != stored  # a fresh salt each time


def test_round_trip_and_mismatch(stored: str) -> None:
    assert verify_password(stored, SECRET) is True
    assert verify_password(stored, SECRET.upper()) is False
    assert verify_password(stored, SECRET + " ") is False
    assert verify_password(stored, "") is False


def test_unicode_is_normalised_before_hashing() -> None:
    composed, decomposed = "h\u00e9l\u00e8ne-cabane-poivre", "he\u0301le\u0300ne-cabane-poivre"
    assert verify_password(hash_password(composed), decomposed)
    odd = "\ud800 lone surrogate"
    assert verify_password(hash_password(odd), odd)


@pytest.mark.parametrize(
    "damage",
    [
        lambda h: "",
        lambda h: "garbage",
        lambda h: h[:20],
        lambda h: h[:-5],
        lambda h: h[:-10] + ("A" if h[-10] != "A" else "B") + h[-9:],
        lambda h: h + "é",
        lambda h: h.replace("argon2id", "argon2i"),
        lambda h: h.replace("m=19456", "m=abc"),
        lambda h: h.replace("t=2", "t=0"),
        lambda h: h.replace("v=19", "v=99"),
        lambda h: "$2b$12$abcdefghijklmnopqrstuuUEZ9r8vJbqk5Dk0Mk3e5pQ3rRYq3mS",
        lambda h: "\x00" * 40,
    ],
)
def test_a_corrupt_hash_is_false_not_an_exception(
    stored: str, damage: Callable[[str], str]
) -> None:
    corrupt = damage(stored)
    assert corrupt != stored
    assert verify_password(corrupt, SECRET) is False


def test_needs_rehash(stored: str) -> None:
    assert needs_rehash(stored) is False
    weaker = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1, type=Type.ID)
    old = weaker.hash(SECRET)
    assert verify_password(old, SECRET)  # old hashes still open the door…
    assert needs_rehash(old) is True  # …and are upgraded at the next login
    argon2i = PasswordHasher(time_cost=2, memory_cost=19 * 1024, type=Type.I).hash(SECRET)
    assert verify_password(argon2i, SECRET)
    assert needs_rehash(argon2i) is True
    assert needs_rehash("garbage") is True
    assert needs_rehash("") is True


def test_recovery_code_verified_after_retyping() -> None:
    code = new_recovery_code()
    stored = hash_recovery_code(code)
    assert stored.startswith("$argon2id$")
    assert verify_recovery_code(stored, code)
    assert verify_recovery_code(stored, " ".join(code.lower().split("-")))
    assert verify_recovery_code(stored, code.replace("-", "").lower())
    assert not verify_recovery_code(stored, new_recovery_code())
    assert not verify_recovery_code(stored, code[:-1])
    assert not verify_recovery_code("garbage", code)
