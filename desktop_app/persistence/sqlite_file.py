"""Looking at an SQLite file from the outside, before any connection may change it.

Reads the 100-byte header and, when a ``-wal`` journal lies beside the file, the journal's valid
frames, to tell a Seuil database from an empty, foreign, truncated or mismatched one. Nothing
here writes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGIC = b"PK\x03\x04"
HEADER_SIZE = 100
_WAL_MAGICS = {0x377F0682: "<", 0x377F0683: ">"}
_WAL_HEADER = 32
_FRAME_HEADER = 24
_USER_VERSION_OFFSET = 60


@dataclass(frozen=True, slots=True)
class Header:
    """What the database header says."""

    page_size: int
    page_count: int | None  # None when the header's size field is not trustworthy
    user_version: int


class FileProblem(Exception):  # noqa: N818 - a verdict, raised to the caller that classifies
    """The file is not a usable SQLite database; ``kind`` names why."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def read_only_uri(path: Path) -> str:
    """An SQLite URI opening ``path`` read-only (any character of the path escaped)."""
    return f"file:{quote(path.as_posix())}?mode=ro"


def read_header(path: Path) -> Header:
    """Read and check the header of ``path``.

    Raises:
        FileProblem: ``empty``, ``zip``, ``not_sqlite`` or ``truncated``.
    """
    size = path.stat().st_size
    if size == 0:
        raise FileProblem("empty")
    with path.open("rb") as handle:
        head = handle.read(HEADER_SIZE)
    if head.startswith(ZIP_MAGIC):
        raise FileProblem("zip")
    if not head.startswith(SQLITE_MAGIC):
        raise FileProblem("not_sqlite")
    if len(head) < HEADER_SIZE:
        raise FileProblem("truncated")
    raw_page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):  # noqa: PLR2004 - SQLite's minimum
        raise FileProblem("not_sqlite")
    change_counter, page_count = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    trusted = page_count if page_count and valid_for == change_counter else None
    if trusted is not None and size < trusted * page_size:
        raise FileProblem("truncated")
    if size % page_size:
        raise FileProblem("truncated")
    user_version = struct.unpack(">I", head[60:64])[0]
    return Header(page_size=page_size, page_count=trusted, user_version=user_version)


def _checksum(data: bytes, order: str, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[index + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_user_version(wal: Path) -> int | None:
    """The user_version of the newest committed page 1 in a WAL journal, or None.

    Only frames SQLite itself would replay count: salts equal to the header's, checksums
    chained from the header, up to the last commit frame.
    """
    data = wal.read_bytes()
    if len(data) < _WAL_HEADER:
        return None
    magic, _version, page_size, _sequence, salt1, salt2, c0, c1 = struct.unpack(
        ">8I", data[:_WAL_HEADER]
    )
    order = _WAL_MAGICS.get(magic)
    if order is None or page_size < 512 or page_size & (page_size - 1):  # noqa: PLR2004
        return None
    s0, s1 = _checksum(data[:24], order, 0, 0)
    if (s0, s1) != (c0, c1):
        return None
    committed: int | None = None
    pending: int | None = None
    offset = _WAL_HEADER
    frame_size = _FRAME_HEADER + page_size
    while offset + frame_size <= len(data):
        page, commit_size, f_salt1, f_salt2, f0, f1 = struct.unpack(
            ">6I", data[offset : offset + _FRAME_HEADER]
        )
        if (f_salt1, f_salt2) != (salt1, salt2):
            break
        body = data[offset + _FRAME_HEADER : offset + frame_size]
        s0, s1 = _checksum(data[offset : offset + 8], order, s0, s1)
        s0, s1 = _checksum(body, order, s0, s1)
        if (s0, s1) != (f0, f1):
            break
        if page == 1:
            pending = struct.unpack(">I", body[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4])[0]
        if commit_size:
            committed = pending if pending is not None else committed
        offset += frame_size
    return committed


def wal_belongs(path: Path, header: Header) -> bool:
    """False when a ``-wal`` beside ``path`` carries another database's identity."""
    wal = path.with_name(path.name + "-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return True
    found = wal_user_version(wal)
    return found is None or found == header.user_version
