"""``python -m desktop_app``: the GUI without a command, the command line with one."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Route to the GUI or to a command; return the exit code."""
    from desktop_app import cli

    args = cli.parse(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        from desktop_app.app import run_gui

        return run_gui(args)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
