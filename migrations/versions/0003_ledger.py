"""Ledger: entries, deposit, CAF batches, arrears actions, month closing, issued documents.

Reviewed by hand: amounts are BIGINT cents; every enumeration a VARCHAR with a named CHECK;
entries are never updated (a reversal links the entry it cancels, at most once); the generated
charges are unique per contract, month and nature (a partial unique index), which makes the
monthly generation idempotent even when two sessions run it at once. All tables start empty.

Revision ID: 0003_ledger
Revises: 0002_documents
Create Date: 2026-11-27 18:22:52.166645
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_ledger"
down_revision = "0002_documents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "benefit_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("transfer_reference", sa.String(length=100), nullable=True),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("agency IN ('caf', 'msa')", name=op.f("ck_benefit_batch_agency_code")),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_benefit_batch_created_by_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_batch")),
    )
    with op.batch_alter_table("benefit_batch", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_benefit_batch_received_on"), ["received_on"], unique=False
        )

    op.create_table(
        "month_closing",
        sa.Column("period_month", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_by"], ["user_account.id"], name=op.f("fk_month_closing_closed_by_user_account")
        ),
        sa.PrimaryKeyConstraint("period_month", name=op.f("pk_month_closing")),
    )
    op.create_table(
        "issued_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("period_month", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.CHAR(length=64), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('notice', 'quittance', 'receipt', 'services_invoice', 'statement')",
            name=op.f("ck_issued_document_kind_code"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["occupancy_contract.id"],
            name=op.f("fk_issued_document_contract_id_occupancy_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"],
            ["user_account.id"],
            name=op.f("fk_issued_document_issued_by_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_document")),
        sa.UniqueConstraint("number", name=op.f("uq_issued_document_number")),
    )
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_issued_document_contract_id_period_month"),
            ["contract_id", "period_month"],
            unique=False,
        )

    op.create_table(
        "ledger_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("posted_on", sa.Date(), nullable=False),
        sa.Column("period_month", sa.Date(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("nature", sa.String(length=40), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("generated", sa.Boolean(), nullable=False),
        sa.Column("payer", sa.String(length=100), nullable=True),
        sa.Column("method", sa.String(length=40), nullable=True),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("first_default_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(kind = 'reversal') = (reverses_id IS NOT NULL)",
            name=op.f("ck_ledger_entry_reversal_links_its_entry"),
        ),
        sa.CheckConstraint(
            "amount <> 0 AND (amount > 0 OR kind IN ('adjustment', 'housing_benefit'))",
            name=op.f("ck_ledger_entry_amount_sign"),
        ),
        sa.CheckConstraint(
            "kind <> 'charge' OR (nature IS NOT NULL AND period_month IS NOT NULL)",
            name=op.f("ck_ledger_entry_charge_has_nature_and_month"),
        ),
        sa.CheckConstraint(
            "kind <> 'opening_balance' OR first_default_on IS NOT NULL",
            name=op.f("ck_ledger_entry_opening_balance_has_first_default"),
        ),
        sa.CheckConstraint(
            "kind IN ('charge', 'housing_benefit', 'household_payment', 'fsl_aid', 'other_aid', 'deposit_applied', 'adjustment', 'remission', 'irrecoverable', 'debt_erased', 'reversal', 'opening_balance')",  # noqa: E501
            name=op.f("ck_ledger_entry_kind_code"),
        ),
        sa.CheckConstraint(
            "method IS NULL OR method IN ('transfer', 'direct_debit', 'cheque', 'cash', 'card', 'money_order', 'other')",  # noqa: E501
            name=op.f("ck_ledger_entry_method_code"),
        ),
        sa.CheckConstraint(
            "nature IS NULL OR nature IN ('rent', 'charges', 'mandatory_services', 'optional_services', 'damage', 'fees', 'occupation_indemnity')",  # noqa: E501
            name=op.f("ck_ledger_entry_nature_code"),
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["benefit_batch.id"], name=op.f("fk_ledger_entry_batch_id_benefit_batch")
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["occupancy_contract.id"],
            name=op.f("fk_ledger_entry_contract_id_occupancy_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_ledger_entry_created_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["ledger_entry.id"],
            name=op.f("fk_ledger_entry_reverses_id_ledger_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_ledger_entry_reverses_id")),
    )
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ledger_entry_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_ledger_entry_contract_id_period_month"),
            ["contract_id", "period_month"],
            unique=False,
        )
        batch_op.create_index(
            "uq_ledger_entry_generated_charge",
            ["contract_id", "period_month", "nature"],
            unique=True,
            sqlite_where=sa.text("generated"),
            postgresql_where=sa.text("generated"),
        )

    op.create_table(
        "arrears_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("action_date", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=100), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('reminder_call', 'reminder_letter', 'formal_notice', 'repayment_plan', 'caf_report', 'caf_or_ccapex_decision', 'fsl_application', 'ccapex_referral', 'payment_order', 'summons', 'hearing', 'judgment', 'order_to_leave', 'police_assistance', 'departure', 'overindebtedness')",  # noqa: E501
            name=op.f("ck_arrears_action_kind_code"),
        ),
        sa.CheckConstraint(
            "delivered_on IS NULL OR delivered_on >= action_date",
            name=op.f("ck_arrears_action_delivered_on_after_action_date"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["occupancy_contract.id"],
            name=op.f("fk_arrears_action_contract_id_occupancy_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_arrears_action_created_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_arrears_action_document_id_document"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_arrears_action")),
    )
    with op.batch_alter_table("arrears_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_arrears_action_contract_id_action_date"),
            ["contract_id", "action_date"],
            unique=False,
        )

    op.create_table(
        "deposit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("posted_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("ledger_entry_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('received', 'applied', 'refunded', 'transferred')",
            name=op.f("ck_deposit_entry_kind_code"),
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_deposit_entry_amount_positive")),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["occupancy_contract.id"],
            name=op.f("fk_deposit_entry_contract_id_occupancy_contract"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_deposit_entry_created_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["ledger_entry_id"],
            ["ledger_entry.id"],
            name=op.f("fk_deposit_entry_ledger_entry_id_ledger_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deposit_entry")),
    )
    with op.batch_alter_table("deposit_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deposit_entry_contract_id"), ["contract_id"], unique=False
        )

    op.create_table(
        "repayment_instalment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_repayment_instalment_amount_positive")),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["arrears_action.id"],
            name=op.f("fk_repayment_instalment_action_id_arrears_action"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repayment_instalment")),
        sa.UniqueConstraint(
            "action_id", "due_on", name=op.f("uq_repayment_instalment_action_id_due_on")
        ),
    )


def downgrade() -> None:
    op.drop_table("repayment_instalment")
    with op.batch_alter_table("deposit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deposit_entry_contract_id"))

    op.drop_table("deposit_entry")
    with op.batch_alter_table("arrears_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_arrears_action_contract_id_action_date"))

    op.drop_table("arrears_action")
    with op.batch_alter_table("ledger_entry", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_ledger_entry_generated_charge",
            sqlite_where=sa.text("generated"),
            postgresql_where=sa.text("generated"),
        )
        batch_op.drop_index(batch_op.f("ix_ledger_entry_contract_id_period_month"))
        batch_op.drop_index(batch_op.f("ix_ledger_entry_batch_id"))

    op.drop_table("ledger_entry")
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_document_contract_id_period_month"))

    op.drop_table("issued_document")
    op.drop_table("month_closing")
    with op.batch_alter_table("benefit_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_benefit_batch_received_on"))

    op.drop_table("benefit_batch")
