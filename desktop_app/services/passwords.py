"""Password storage: Argon2id at (at least) the OWASP minimums, never a clear text.

The policy (length, entropy, back-off, recovery code format) lives in
`desktop_app.domain.passwords`; this module only turns secrets into hashes and checks them.

A hash is a self-describing string such as
``$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>``, so raising the parameters later is
harmless: old hashes still verify, and `needs_rehash` tells the login code to store a new hash
made with the current parameters while it holds the clear password.

Text is normalised to Unicode NFKC before hashing (NIST SP 800-63B §5.1.1.2), so an "é" typed
as one character or as "e" plus an accent gives the same hash on every computer.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from desktop_app.domain.passwords import normalise_recovery_code

# OWASP Password Storage Cheat Sheet: "Argon2id with a minimum configuration of 19 MiB of
# memory, an iteration count of 2, and 1 degree of parallelism".
HASH_TYPE: Final = Type.ID
TIME_COST: Final = 2
MEMORY_COST_KIB: Final = 19 * 1024
PARALLELISM: Final = 1
HASH_LEN: Final = 32
SALT_LEN: Final = 16

HASHER: Final = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_COST_KIB,
    parallelism=PARALLELISM,
    hash_len=HASH_LEN,
    salt_len=SALT_LEN,
    type=HASH_TYPE,
)


def hash_password(password: str) -> str:
    """The Argon2id hash of ``password``, with a fresh random salt, to store in the database."""
    return HASHER.hash(_secret_bytes(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash``.

    Returns:
        True on a match; False on a mismatch and also on an empty, truncated, corrupt or
        foreign hash (never an exception for those: a damaged row must not open the door
        nor crash the login screen).
    """
    try:
        return HASHER.verify(stored_hash, _secret_bytes(password))
    except (VerificationError, InvalidHashError, UnicodeError):
        # VerifyMismatchError is a VerificationError; a non-ASCII hash is a UnicodeError.
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether ``stored_hash`` was made with other parameters than the current ones.

    Call it after a successful `verify_password` and, if True, store `hash_password` of the
    same password. An unreadable hash also answers True.
    """
    try:
        return HASHER.check_needs_rehash(stored_hash)
    except (InvalidHashError, UnicodeError):
        return True


def hash_recovery_code(code: str) -> str:
    """The Argon2id hash of the normalised recovery code (see `normalise_recovery_code`)."""
    return hash_password(normalise_recovery_code(code))


def verify_recovery_code(stored_hash: str, code: str) -> bool:
    """Whether ``code``, as typed (any case, spaces or dashes), matches ``stored_hash``."""
    return verify_password(stored_hash, normalise_recovery_code(code))


def _secret_bytes(text: str) -> bytes:
    """NFKC then UTF-8; a lone surrogate (possible from a raw terminal) is kept, not fatal."""
    return unicodedata.normalize("NFKC", text).encode("utf-8", "surrogatepass")
