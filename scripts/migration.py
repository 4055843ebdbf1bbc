"""Generate a new Alembic revision against a scratch database at head, for review by hand.

python scripts/migration.py 0002_what_changed "What changed"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from desktop_app.persistence.migrate import alembic_config


def main(argv: list[str]) -> int:
    if len(argv) != 2:  # noqa: PLR2004 - revision id and message
        print(__doc__)
        return 2
    revision_id, message = argv
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'scratch.db'}"
        config = alembic_config(url=url)
        command.upgrade(config, "head")
        command.revision(config, message=message, autogenerate=True, rev_id=revision_id)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
