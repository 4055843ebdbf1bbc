"""What the sheets of one import share: the transaction, the keys found so far, the counts.

`services.imports` reads the workbook and hands each parsed sheet, in `domain.workbook.SHEETS`
order, to its importer (`import_sheets` for programmes, households, persons and dwellings,
`import_ledger` for contracts, rates, benefit statuses and movements). Every importer writes
straight into the one write transaction, so a later sheet finds the rows of an earlier one in
the database; when any blocking issue was found, or for a dry run, the orchestrator rolls the
whole transaction back: nothing is half-written, and the dry run's report is exact.

Keys are compared in their normalised form (`domain.text.normalise`): `ref-12` and `REF–12`
name the same household, as a person reading the file would understand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from desktop_app.domain.permissions import Actor
from desktop_app.domain.text import normalise
from desktop_app.domain.workbook import WorkbookIssue
from desktop_app.persistence.history import Change, HistoryValue, record_changes


def key_of(text: str) -> str:
    """The comparable form of a reference or a name."""
    return normalise(text)


@dataclass(slots=True)
class SheetTally:
    """Rows of a sheet created, updated and left unchanged."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass(slots=True)
class ImportContext:
    """The state one import shares between the sheet importers.

    Attributes:
        session: the write transaction (rolled back as a whole on any blocking issue).
        actor: who imports (audit identity); `user_id` is their account id, None for the system.
        today: the day of the import (nothing may be dated after it).
        programmes, households, dwellings: normalised key → database id, for every row already
            in the database or created by this import.
        touched_households: ids of the households this import created or changed.
        issues: every problem found, in the order found.
        tallies: per sheet name, what was created, updated, unchanged.
        households_to_check: households whose stays or members this import changes; their
            composition (one head on every day) is checked once the Personnes sheet is read.
        household_rows: household id → (sheet, Excel row) where the file first names it, to
            point at it in a problem found on the household as a whole.
        household_starts: household id → the earliest ``Date d'entrée`` the Ménages sheet
            gives it (a person's empty ``Arrivée`` defaults to it, even when that stay row is
            refused, so one mistake is reported once).
        pending_history: business-history lines kept by `history` until `write_history`.
        implied_statuses: ids of the benefit statuses this import recorded by itself (the
            benefit paid from the day tiers payant starts, as `services.contracts` does): a
            Statut APL row on that day counts as created, not as unchanged.
    """

    session: Session
    actor: Actor
    user_id: int | None
    today: date
    programmes: dict[str, int] = field(default_factory=dict)
    households: dict[str, int] = field(default_factory=dict)
    dwellings: dict[str, int] = field(default_factory=dict)
    touched_households: set[int] = field(default_factory=set)
    issues: list[WorkbookIssue] = field(default_factory=list)
    tallies: defaultdict[str, SheetTally] = field(default_factory=lambda: defaultdict(SheetTally))
    households_to_check: set[int] = field(default_factory=set)
    household_rows: dict[int, tuple[str, int]] = field(default_factory=dict)
    household_starts: dict[int, date] = field(default_factory=dict)
    pending_history: list[Change] = field(default_factory=list)
    implied_statuses: set[int] = field(default_factory=set)

    def error(
        self, sheet: str, row: int | None, column: str | None, code: str, **params: object
    ) -> None:
        """A blocking problem: the import will change nothing."""
        self.issues.append(WorkbookIssue(sheet, row, column, code, params))

    def warn(
        self, sheet: str, row: int | None, column: str | None, code: str, **params: object
    ) -> None:
        """A problem worth reading that does not stop the import (possible duplicate…)."""
        self.issues.append(WorkbookIssue(sheet, row, column, code, params, blocking=False))

    @property
    def blocked(self) -> bool:
        """Whether a blocking problem was found so far."""
        return any(issue.blocking for issue in self.issues)

    def created(self, sheet: str, household_id: int | None = None) -> None:
        """Count a created row (and the household it concerns as touched)."""
        self.tallies[sheet].created += 1
        if household_id is not None:
            self.touched_households.add(household_id)

    def updated(self, sheet: str, household_id: int | None = None) -> None:
        """Count an updated row (and the household it concerns as touched)."""
        self.tallies[sheet].updated += 1
        if household_id is not None:
            self.touched_households.add(household_id)

    def unchanged(self, sheet: str) -> None:
        """Count a row already in the database as it is in the file."""
        self.tallies[sheet].unchanged += 1

    def history(
        self,
        *,
        entity: str,
        entity_id: int,
        household_id: int | None,
        field: str,
        old: HistoryValue,
        new: HistoryValue,
    ) -> None:
        """One old → new line of the business history (dates, statuses, amounts only).

        The line is kept, then written with the others of its sheet by `write_history` (one
        INSERT: an import writes tens of thousands of them); the orchestrator calls it after
        each sheet, so a later sheet finds the lines of an earlier one.
        """
        self.pending_history.append(
            Change(
                user_id=self.user_id,
                household_id=household_id,
                entity=entity,
                entity_id=entity_id,
                field=field,
                old=old,
                new=new,
            )
        )

    def write_history(self) -> int:
        """Write the lines kept by `history` (unchanged values skipped); how many were written."""
        written = record_changes(self.session, self.pending_history)
        self.pending_history.clear()
        return written
