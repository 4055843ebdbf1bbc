"""Row helpers shared by the importers of the workbook's sheets (`import_sheets`, `import_support`).

Bulk inserts that give back the new ids, the sheet's columns present or not, the keys met so
far in a sheet and the user accounts named in a Référent or Intervenant column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain.text import normalise
from desktop_app.domain.workbook import ParsedRow, SheetSpec
from desktop_app.persistence.models import Base, UserAccount
from desktop_app.services.import_context import ImportContext

_CHUNK: Final = 500
_INSERT_BATCH: Final = 1_000


def chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    """The ids sorted, in lists short enough for an IN clause."""
    ordered = sorted(ids)
    for index in range(0, len(ordered), _CHUNK):
        yield ordered[index : index + _CHUNK]


def insert_many(
    session: Session,
    model: type[Base],
    rows: Sequence[Mapping[str, object]],
    *,
    match: Sequence[str] = (),
) -> list[int]:
    """Insert many rows (the same keys in each) in a few statements; their ids, in order.

    Each row's id comes back with the values of ``match`` (default: every key), which tell the
    rows apart: rows alike in all of them are interchangeable. (SQLite cannot promise RETURNING
    in the order of the rows, and asking SQLAlchemy to sort them costs one INSERT per row.)
    """
    if not rows:
        return []
    table = cast(Table, model.__table__)
    keys = list(match) or list(rows[0])
    statement = insert(table).returning(table.c.id, *(table.c[key] for key in keys))
    waiting: defaultdict[tuple[object, ...], list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        waiting[tuple(row[key] for key in keys)].append(index)
    ids = [0] * len(rows)
    for start in range(0, len(rows), _INSERT_BATCH):
        for returned in session.execute(statement, rows[start : start + _INSERT_BATCH]):
            ids[waiting[tuple(returned[1:])].pop()] = int(returned[0])
    return ids


def has_column(row: ParsedRow, key: str) -> bool:
    """Whether the sheet has this column (an empty cell then means "no value")."""
    return key in row.values


def column_heading(spec: SheetSpec, key: str) -> str:
    """The French heading of a column of the sheet."""
    return spec.column(key).heading


class RowKeys:
    """The keys met so far in a sheet: a second row with the same key is a blocking problem."""

    def __init__(self, ctx: ImportContext, spec: SheetSpec) -> None:
        self._ctx = ctx
        self._spec = spec
        self._seen: dict[tuple[object, ...], int] = {}

    def first(self, row: ParsedRow, key: tuple[object, ...], shown: str) -> bool:
        """True for the first row of this key; otherwise report the repetition."""
        earlier = self._seen.get(key)
        if earlier is not None:
            self._ctx.error(
                self._spec.name,
                row.number,
                column_heading(self._spec, self._spec.key[0]),
                "import.duplicate_key",
                first=earlier,
                key=shown,
            )
            return False
        self._seen[key] = row.number
        return True


class Workers:
    """User accounts by login or display name, for the Référent column."""

    def __init__(self, session: Session) -> None:
        self.by_login: dict[str, int] = {}
        self.by_name: defaultdict[str, list[int]] = defaultdict(list)
        for user_id, login, name in session.execute(
            select(UserAccount.id, UserAccount.login, UserAccount.display_name).order_by(
                UserAccount.id
            )
        ):
            self.by_login[normalise(login)] = user_id
            self.by_name[normalise(name)].append(user_id)

    def find(self, text: str) -> tuple[int | None, str | None]:
        """The account's id, or the code of the problem (unknown, or a name shared)."""
        key = normalise(text)
        if key in self.by_login:
            return self.by_login[key], None
        found = self.by_name.get(key, [])
        if len(found) == 1:
            return found[0], None
        return None, ("import.key_worker_ambiguous" if found else "import.key_worker_unknown")
