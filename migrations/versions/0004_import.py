"""Import references: the Mouvements row each imported ledger or deposit entry comes from.

Reviewed by hand: one nullable VARCHAR(100) column with a plain index on ``ledger_entry`` and
``deposit_entry`` (an ``Appel`` row gives several entries, so the index is not unique). Rows
written before this release were not imported: they keep NULL. On SQLite the batch operations
add the column and the index in place (no table copy).

Revision ID: 0004_import
Revises: 0003_ledger
Create Date: 2026-11-27 20:58:30.245145
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_import"
down_revision = "0003_ledger"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("deposit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("import_reference", sa.String(length=100), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_deposit_entry_import_reference"), ["import_reference"], unique=False
        )

    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("import_reference", sa.String(length=100), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_ledger_entry_import_reference"), ["import_reference"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ledger_entry_import_reference"))
        batch_op.drop_column("import_reference")

    with op.batch_alter_table("deposit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deposit_entry_import_reference"))
        batch_op.drop_column("import_reference")
