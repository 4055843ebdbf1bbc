"""Typed errors: a `KnownError` becomes a French message; anything else is a bug to log."""

from __future__ import annotations

import dataclasses

from desktop_app.domain.messages import message


class KnownError(Exception):
    """A situation the user can understand and act on, described by a message code.

    The exception's ``str`` is the French text, so the command line and the GUI show it as is.
    ``exit_code`` follows the command-line contract: 2 wrong usage, 3 refused.
    """

    exit_code = 3

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(message(code, **params))

    @property
    def text(self) -> str:
        """The French message."""
        return str(self)


class UsageError(KnownError):
    """The command was called with wrong arguments."""

    exit_code = 2


class RefusedError(KnownError):
    """The action is refused: invalid file, blocking finding, permission, busy database."""


class Cancelled(KnownError):  # noqa: N818 - it is an outcome, not a failure
    """A long task stopped at the user's request; nothing was written."""

    def __init__(self) -> None:
        super().__init__("task.cancelled")


@dataclasses.dataclass(frozen=True, slots=True)
class ValidationIssue:
    """One problem found in user input, attached to the field (or sheet/row/column) it concerns."""

    field: str
    code: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)

    @property
    def text(self) -> str:
        """The French message."""
        return message(self.code, **self.params)


class InvalidInput(RefusedError):  # noqa: N818 - reads as the refusal it is
    """Input refused as a whole; each `ValidationIssue` names its field and what to fix."""

    def __init__(self, issues: list[ValidationIssue]) -> None:
        super().__init__("input.invalid", count=len(issues))
        self.issues = tuple(issues)

    @property
    def text(self) -> str:
        """The summary then one line per issue."""
        return "\n".join([str(self), *(f"– {issue.text}" for issue in self.issues)])
