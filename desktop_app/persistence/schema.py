"""The schema revisions this version of Seuil knows, readable without importing Alembic.

Opening a database compares its revision with `HEAD` in one query; an unknown revision means
a newer Seuil wrote it. A test checks this list against Alembic's script folder.
"""

from __future__ import annotations

from typing import Final

REVISIONS: Final[tuple[str, ...]] = (
    "0001_initial",
    "0002_documents",
    "0003_ledger",
    "0004_import",
    "0005_support",
    "0006_admissions",
    "0007_reports",
)
HEAD: Final[str] = REVISIONS[-1]
