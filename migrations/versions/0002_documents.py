"""Documents of a household's file, their content stored once per SHA-256.

Reviewed by hand: the bytes live in ``document_content`` (one row per distinct SHA-256, so a
file added twice is stored once) and each ``document`` row points at its content; the kind is
a VARCHAR with a named CHECK; every constraint is named. Both tables start empty.

Revision ID: 0002_documents
Revises: 0001_initial
Create Date: 2026-11-27 17:45:00.282369
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0002_documents"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_content",
        sa.Column("sha256", sa.CHAR(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_document_content_sha256_length")),
        sa.CheckConstraint("size > 0", name=op.f("ck_document_content_size_positive")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_document_content")),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=True),
        sa.Column("dwelling_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("sha256", sa.CHAR(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("dated_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('inventory_in', 'inventory_out', 'insurance', 'contract', "
            "'tripartite_convention', 'house_rules', 'letter', 'other')",
            name=op.f("ck_document_kind_code"),
        ),
        sa.CheckConstraint(
            "expires_on IS NULL OR expires_on >= dated_on",
            name=op.f("ck_document_expires_on_after_dated_on"),
        ),
        sa.CheckConstraint("size > 0", name=op.f("ck_document_size_positive")),
        sa.ForeignKeyConstraint(
            ["added_by"], ["user_account.id"], name=op.f("fk_document_added_by_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["occupancy_contract.id"],
            name=op.f("fk_document_contract_id_occupancy_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["dwelling_id"], ["dwelling.id"], name=op.f("fk_document_dwelling_id_dwelling")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_document_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["document_content.sha256"],
            name=op.f("fk_document_sha256_document_content"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_household_id_kind"), ["household_id", "kind"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_document_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_sha256"))
        batch_op.drop_index(batch_op.f("ix_document_household_id_kind"))

    op.drop_table("document")
    op.drop_table("document_content")
