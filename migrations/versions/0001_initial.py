"""Initial schema: organisation, programmes, housing stock, households, contracts, audit.

Reviewed by hand: money columns are plain BIGINT (cents) so this file never imports the
models; enumerations are VARCHAR with named CHECKs; every constraint is named.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-27 16:03:22.361676
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("up_to_id", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("purged_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchor")),
    )
    op.create_table(
        "funder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('state_p177', 'state_p104', 'fnavdl', 'department_fsl', 'caf', 'ars', 'municipality', 'action_logement', 'social_landlord', 'other')",
            name=op.f("ck_funder_kind_code"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funder")),
        sa.UniqueConstraint("name", name=op.f("uq_funder_name")),
    )
    op.create_table(
        "landlord",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('private', 'social', 'other')", name=op.f("ck_landlord_kind_code")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_landlord")),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("siret", sa.String(length=14), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=True),
        sa.Column("logo_sha256", sa.String(length=64), nullable=True),
        sa.Column("agreements", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "siret IS NULL OR length(siret) = 14", name=op.f("ck_organisation_siret_length")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.create_table(
        "parameter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("scope", sa.String(length=100), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parameter")),
        sa.UniqueConstraint(
            "key", "scope", "valid_from", name=op.f("uq_parameter_key_scope_valid_from")
        ),
    )
    op.create_table(
        "partner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('siao', 'ccas', 'social_services', 'psychiatry', 'spip', 'caf', 'fsl', 'ccapex', 'landlord', 'legal_guardian', 'association', 'other')",
            name=op.f("ck_partner_kind_code"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    op.create_table(
        "programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("convention_reference", sa.String(length=100), nullable=True),
        sa.Column("convention_start", sa.Date(), nullable=True),
        sa.Column("convention_end", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('iml_sublease', 'iml_mandate', 'sliding_lease', 'boarding_house', 'reception_residence', 'avdl', 'asll')",
            name=op.f("ck_programme_kind_code"),
        ),
        sa.CheckConstraint(
            "convention_end IS NULL OR convention_end >= convention_start",
            name=op.f("ck_programme_convention_end_after_convention_start"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
        sa.UniqueConstraint("name", name=op.f("uq_programme_name")),
    )
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recovery_code_hash", sa.String(length=300), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "failed_logins >= 0", name=op.f("ck_user_account_failed_logins_positive")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("login", name=op.f("uq_user_account_login")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=60), nullable=True),
        sa.Column("entity_id", sa.BigInteger(), nullable=True),
        sa.Column("household_id", sa.BigInteger(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_audit_event_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_event_hash")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_event_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "delegation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_user_id", sa.Integer(), nullable=False),
        sa.Column("to_user_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_delegation_end_date_after_start_date"),
        ),
        sa.CheckConstraint("from_user_id <> to_user_id", name=op.f("ck_delegation_not_to_oneself")),
        sa.ForeignKeyConstraint(
            ["from_user_id"],
            ["user_account.id"],
            name=op.f("fk_delegation_from_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_user_id"],
            ["user_account.id"],
            name=op.f("fk_delegation_to_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegation")),
    )
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delegation_to_user_id"), ["to_user_id"], unique=False)

    op.create_table(
        "household",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=50), nullable=False),
        sa.Column("key_worker_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=True),
        sa.Column("domiciliation", sa.String(length=300), nullable=True),
        sa.Column("protected", sa.Boolean(), nullable=False),
        sa.Column("do_not_inform", sa.Text(), nullable=True),
        sa.Column("archived_on", sa.Date(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["key_worker_id"],
            ["user_account.id"],
            name=op.f("fk_household_key_worker_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
        sa.UniqueConstraint("reference", name=op.f("uq_household_reference")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_key_worker_id"), ["key_worker_id"], unique=False
        )

    op.create_table(
        "partner_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["partner.id"],
            name=op.f("fk_partner_contact_partner_id_partner"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_contact")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=40), nullable=False),
        sa.Column("nationality", sa.String(length=40), nullable=False),
        sa.Column("residence_permit_expiry", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("language", sa.String(length=100), nullable=True),
        sa.Column("interpreter_needed", sa.Boolean(), nullable=False),
        sa.Column("benefit_agency", sa.String(length=40), nullable=True),
        sa.Column("allocataire_number", sa.String(length=20), nullable=True),
        sa.Column("legal_protection", sa.String(length=40), nullable=False),
        sa.Column("mandataire_id", sa.Integer(), nullable=True),
        sa.Column("emergency_contact", sa.String(length=300), nullable=True),
        sa.Column("emergency_contact_consent", sa.Boolean(), nullable=False),
        sa.Column("search_name", sa.String(length=210), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "benefit_agency IS NULL OR benefit_agency IN ('caf', 'msa')",
            name=op.f("ck_person_benefit_agency_code"),
        ),
        sa.CheckConstraint(
            "legal_protection IN ('none', 'safeguard', 'curatorship', 'reinforced_curatorship', 'guardianship', 'masp', 'maj')",
            name=op.f("ck_person_legal_protection_code"),
        ),
        sa.CheckConstraint(
            "nationality IN ('fr', 'eu', 'non_eu', 'unknown')",
            name=op.f("ck_person_nationality_code"),
        ),
        sa.CheckConstraint("sex IN ('f', 'h', 'unknown')", name=op.f("ck_person_sex_code")),
        sa.CheckConstraint(
            "emergency_contact IS NULL OR emergency_contact_consent",
            name=op.f("ck_person_emergency_contact_needs_consent"),
        ),
        sa.ForeignKeyConstraint(
            ["mandataire_id"], ["partner.id"], name=op.f("fk_person_mandataire_id_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_birth_date"), ["birth_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_search_name"), ["search_name"], unique=False)

    op.create_table(
        "programme_capacity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("dwellings", sa.Integer(), nullable=True),
        sa.Column("places", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "dwellings IS NULL OR dwellings >= 0",
            name=op.f("ck_programme_capacity_dwellings_positive"),
        ),
        sa.CheckConstraint(
            "places IS NULL OR places >= 0", name=op.f("ck_programme_capacity_places_positive")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_programme_capacity_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_capacity")),
        sa.UniqueConstraint(
            "programme_id", "valid_from", name=op.f("uq_programme_capacity_programme_id_valid_from")
        ),
    )
    op.create_table(
        "programme_funder",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["funder_id"], ["funder.id"], name=op.f("fk_programme_funder_funder_id_funder")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_programme_funder_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("programme_id", "funder_id", name=op.f("pk_programme_funder")),
    )
    op.create_table(
        "residence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_residence_programme_id_programme")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_residence")),
        sa.UniqueConstraint("name", name=op.f("uq_residence_name")),
    )
    op.create_table(
        "change_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("entity", sa.String(length=60), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old_value", sa.String(length=100), nullable=True),
        sa.Column("new_value", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_change_history_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_change_history_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_history")),
    )
    with op.batch_alter_table("change_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_change_history_household_id_at"), ["household_id", "at"], unique=False
        )

    op.create_table(
        "dwelling",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=50), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("commune", sa.String(length=100), nullable=False),
        sa.Column("typology", sa.String(length=40), nullable=True),
        sa.Column("surface_m2", sa.Numeric(precision=7, scale=2), nullable=True),
        sa.Column("sector", sa.String(length=40), nullable=True),
        sa.Column("landlord_id", sa.Integer(), nullable=True),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("residence_id", sa.Integer(), nullable=True),
        sa.Column("lots", sa.Integer(), nullable=False),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.Column("captured_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("dpe_class", sa.String(length=1), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "dpe_class IS NULL OR dpe_class IN ('A', 'B', 'C', 'D', 'E', 'F', 'G')",
            name=op.f("ck_dwelling_dpe_class_code"),
        ),
        sa.CheckConstraint(
            "sector IS NULL OR sector IN ('private', 'social')",
            name=op.f("ck_dwelling_sector_code"),
        ),
        sa.CheckConstraint(
            "typology IS NULL OR typology IN ('room', 'studio', 't1', 't1bis', 't2', 't3', 't4', 't5plus')",
            name=op.f("ck_dwelling_typology_code"),
        ),
        sa.CheckConstraint("lots >= 1", name=op.f("ck_dwelling_lots_positive")),
        sa.CheckConstraint("places >= 0", name=op.f("ck_dwelling_places_positive")),
        sa.CheckConstraint(
            "returned_on IS NULL OR returned_on >= captured_on",
            name=op.f("ck_dwelling_returned_on_after_captured_on"),
        ),
        sa.CheckConstraint(
            "surface_m2 IS NULL OR surface_m2 > 0", name=op.f("ck_dwelling_surface_positive")
        ),
        sa.ForeignKeyConstraint(
            ["landlord_id"], ["landlord.id"], name=op.f("fk_dwelling_landlord_id_landlord")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_dwelling_programme_id_programme")
        ),
        sa.ForeignKeyConstraint(
            ["residence_id"], ["residence.id"], name=op.f("fk_dwelling_residence_id_residence")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dwelling")),
        sa.UniqueConstraint("reference", name=op.f("uq_dwelling_reference")),
    )
    with op.batch_alter_table("dwelling", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dwelling_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "household_co_worker",
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_household_co_worker_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_household_co_worker_user_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("household_id", "user_id", name=op.f("pk_household_co_worker")),
    )
    op.create_table(
        "household_partner",
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_household_partner_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_household_partner_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("household_id", "partner_id", name=op.f("pk_household_partner")),
    )
    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "role IN ('head', 'partner', 'child', 'visiting_child', 'other')",
            name=op.f("ck_membership_role_code"),
        ),
        sa.CheckConstraint(
            "left_on IS NULL OR left_on >= joined_on",
            name=op.f("ck_membership_left_on_after_joined_on"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_membership_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_membership_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_membership_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_membership_person_id"), ["person_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("level", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "level IN ('shared', 'confidential', 'health')", name=op.f("ck_note_level_code")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["user_account.id"], name=op.f("fk_note_author_id_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_note_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_household_id"), ["household_id"], unique=False)

    op.create_table(
        "person_resource",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("monthly_amount", sa.BigInteger(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('rsa', 'aah', 'salary', 'are', 'pension', 'activity_bonus', 'disability', 'youth', 'none', 'other')",
            name=op.f("ck_person_resource_kind_code"),
        ),
        sa.CheckConstraint(
            "monthly_amount IS NULL OR monthly_amount >= 0",
            name=op.f("ck_person_resource_amount_positive"),
        ),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_until >= valid_from",
            name=op.f("ck_person_resource_valid_until_after_valid_from"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_resource_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_resource")),
    )
    with op.batch_alter_table("person_resource", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_resource_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "residence_host",
        sa.Column("residence_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["residence_id"],
            ["residence.id"],
            name=op.f("fk_residence_host_residence_id_residence"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_residence_host_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("residence_id", "user_id", name=op.f("pk_residence_host")),
    )
    op.create_table(
        "residence_places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("residence_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("places", sa.Integer(), nullable=False),
        sa.CheckConstraint("places >= 0", name=op.f("ck_residence_places_places_positive")),
        sa.ForeignKeyConstraint(
            ["residence_id"],
            ["residence.id"],
            name=op.f("fk_residence_places_residence_id_residence"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_residence_places")),
        sa.UniqueConstraint(
            "residence_id", "valid_from", name=op.f("uq_residence_places_residence_id_valid_from")
        ),
    )
    op.create_table(
        "stay",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("exit_date", sa.Date(), nullable=True),
        sa.Column("entry_situation", sa.String(length=40), nullable=False),
        sa.Column("referrer", sa.String(length=40), nullable=True),
        sa.Column("referrer_partner_id", sa.Integer(), nullable=True),
        sa.Column("dalo_status", sa.String(length=40), nullable=False),
        sa.Column("siao_reference", sa.String(length=50), nullable=True),
        sa.Column("destination", sa.String(length=40), nullable=True),
        sa.Column("exit_reason", sa.String(length=40), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "dalo_status IN ('dalo_priority', 'non_dalo')", name=op.f("ck_stay_dalo_status_code")
        ),
        sa.CheckConstraint(
            "destination IS NULL OR destination IN ('social_housing', 'private_housing', 'slid', 'supported_housing', 'other_iml', 'temporary_housing', 'shelter', 'third_party', 'street', 'medico_social', 'hospital', 'prison', 'kept_home', 'death', 'unknown')",
            name=op.f("ck_stay_destination_code"),
        ),
        sa.CheckConstraint(
            "entry_situation IN ('street', 'emergency_shelter', 'insertion_shelter', 'asylum', 'hotel_115', 'temporary_housing', 'third_party', 'squat', 'unfit_housing', 'threatened_home', 'prison_exit', 'hospital_exit', 'care_exit', 'other', 'unknown')",
            name=op.f("ck_stay_entry_situation_code"),
        ),
        sa.CheckConstraint(
            "exit_reason IS NULL OR exit_reason IN ('project_achieved', 'household_choice', 'end_of_support', 'reorientation', 'lost_contact', 'termination', 'eviction', 'death', 'other', 'unknown')",
            name=op.f("ck_stay_exit_reason_code"),
        ),
        sa.CheckConstraint(
            "referrer IS NULL OR referrer IN ('siao', 'comed', 'state', 'social_services', 'ccas', 'landlord', 'shelter', 'psychiatry', 'spip', 'ccapex', 'fsl', 'action_logement', 'other')",
            name=op.f("ck_stay_referrer_code"),
        ),
        sa.CheckConstraint(
            "exit_date IS NOT NULL OR (destination IS NULL AND exit_reason IS NULL)",
            name=op.f("ck_stay_exit_details_need_exit"),
        ),
        sa.CheckConstraint(
            "exit_date IS NULL OR exit_date >= entry_date",
            name=op.f("ck_stay_exit_date_after_entry_date"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_stay_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_stay_programme_id_programme")
        ),
        sa.ForeignKeyConstraint(
            ["referrer_partner_id"],
            ["partner.id"],
            name=op.f("fk_stay_referrer_partner_id_partner"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stay")),
    )
    with op.batch_alter_table("stay", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stay_household_id"), ["household_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_stay_programme_id_entry_date"),
            ["programme_id", "entry_date"],
            unique=False,
        )

    op.create_table(
        "user_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("residence_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "role IN ('social_worker', 'host', 'rental_manager', 'coordinator', 'director', 'tech_admin', 'secretary', 'intern', 'volunteer')",
            name=op.f("ck_user_role_role_code"),
        ),
        sa.CheckConstraint(
            "programme_id IS NULL OR residence_id IS NULL",
            name=op.f("ck_user_role_one_scope_at_most"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"], ["programme.id"], name=op.f("fk_user_role_programme_id_programme")
        ),
        sa.ForeignKeyConstraint(
            ["residence_id"], ["residence.id"], name=op.f("fk_user_role_residence_id_residence")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_user_role_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_role")),
    )
    with op.batch_alter_table("user_role", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_role_user_id"), ["user_id"], unique=False)

    op.create_table(
        "main_lease",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dwelling_id", sa.Integer(), nullable=False),
        sa.Column("landlord_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("notice_date", sa.Date(), nullable=True),
        sa.Column("rent", sa.BigInteger(), nullable=False),
        sa.Column("charges", sa.BigInteger(), nullable=False),
        sa.Column("has_sliding_clause", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("charges >= 0", name=op.f("ck_main_lease_charges_positive")),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_main_lease_end_date_after_start_date"),
        ),
        sa.CheckConstraint("rent >= 0", name=op.f("ck_main_lease_rent_positive")),
        sa.ForeignKeyConstraint(
            ["dwelling_id"], ["dwelling.id"], name=op.f("fk_main_lease_dwelling_id_dwelling")
        ),
        sa.ForeignKeyConstraint(
            ["landlord_id"], ["landlord.id"], name=op.f("fk_main_lease_landlord_id_landlord")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_main_lease")),
    )
    with op.batch_alter_table("main_lease", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_main_lease_dwelling_id"), ["dwelling_id"], unique=False
        )

    op.create_table(
        "note_person",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"], ["note.id"], name=op.f("fk_note_person_note_id_note"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_note_person_person_id_person")
        ),
        sa.PrimaryKeyConstraint("note_id", "person_id", name=op.f("pk_note_person")),
    )
    op.create_table(
        "occupancy_contract",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("dwelling_id", sa.Integer(), nullable=False),
        sa.Column("stay_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("renewal_date", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=40), nullable=False),
        sa.Column("end_reason", sa.String(length=300), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('sublease', 'sliding_sublease', 'lease_mandate', 'residence_agreement')",
            name=op.f("ck_occupancy_contract_kind_code"),
        ),
        sa.CheckConstraint(
            "state IN ('active', 'terminated_occupant', 'ended')",
            name=op.f("ck_occupancy_contract_state_code"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_occupancy_contract_end_date_after_start_date"),
        ),
        sa.ForeignKeyConstraint(
            ["dwelling_id"],
            ["dwelling.id"],
            name=op.f("fk_occupancy_contract_dwelling_id_dwelling"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_occupancy_contract_household_id_household"),
        ),
        sa.ForeignKeyConstraint(
            ["stay_id"], ["stay.id"], name=op.f("fk_occupancy_contract_stay_id_stay")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupancy_contract")),
    )
    with op.batch_alter_table("occupancy_contract", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_occupancy_contract_dwelling_id"), ["dwelling_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_occupancy_contract_household_id"), ["household_id"], unique=False
        )

    op.create_table(
        "vacancy_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dwelling_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("neutralised", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "reason IN ('works', 'awaiting_orientation', 'candidates_refused', 'refurbishment', 'return_in_progress', 'disaster', 'other')",
            name=op.f("ck_vacancy_period_reason_code"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_vacancy_period_end_date_after_start_date"),
        ),
        sa.ForeignKeyConstraint(
            ["dwelling_id"],
            ["dwelling.id"],
            name=op.f("fk_vacancy_period_dwelling_id_dwelling"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vacancy_period")),
    )
    with op.batch_alter_table("vacancy_period", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vacancy_period_dwelling_id"), ["dwelling_id"], unique=False
        )

    op.create_table(
        "benefit_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "status IN ('paid', 'suspended', 'ended', 'withheld_non_decency')",
            name=op.f("ck_benefit_status_status_code"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["occupancy_contract.id"],
            name=op.f("fk_benefit_status_contract_id_occupancy_contract"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_status")),
        sa.UniqueConstraint(
            "contract_id", "valid_from", name=op.f("uq_benefit_status_contract_id_valid_from")
        ),
    )
    op.create_table(
        "rent_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("rent", sa.BigInteger(), nullable=False),
        sa.Column("charges", sa.BigInteger(), nullable=False),
        sa.Column("mandatory_services", sa.BigInteger(), nullable=False),
        sa.Column("optional_services", sa.BigInteger(), nullable=False),
        sa.Column("expected_benefit", sa.BigInteger(), nullable=False),
        sa.Column("tiers_payant", sa.Boolean(), nullable=False),
        sa.Column("due_day", sa.Integer(), nullable=False),
        sa.CheckConstraint("due_day BETWEEN 1 AND 31", name=op.f("ck_rent_rate_due_day_in_month")),
        sa.CheckConstraint(
            "rent >= 0 AND charges >= 0 AND mandatory_services >= 0 AND optional_services >= 0 AND expected_benefit >= 0",
            name=op.f("ck_rent_rate_amounts_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["occupancy_contract.id"],
            name=op.f("fk_rent_rate_contract_id_occupancy_contract"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rent_rate")),
        sa.UniqueConstraint(
            "contract_id", "valid_from", name=op.f("uq_rent_rate_contract_id_valid_from")
        ),
    )
    op.create_table(
        "sliding_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contract_id", sa.Integer(), nullable=False),
        sa.Column("convention_signed_on", sa.Date(), nullable=True),
        sa.Column("review_period_months", sa.Integer(), nullable=False),
        sa.Column("max_months", sa.Integer(), nullable=False),
        sa.Column("caleol_date", sa.Date(), nullable=True),
        sa.Column("caleol_decision", sa.String(length=300), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("slid_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("failure_reason", sa.String(length=40), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "failure_reason IS NULL OR failure_reason IN ('household_not_ready', 'landlord_refuses', 'household_refuses', 'internal_transfer')",
            name=op.f("ck_sliding_plan_failure_reason_code"),
        ),
        sa.CheckConstraint(
            "outcome <> 'slid' OR slid_on IS NOT NULL", name=op.f("ck_sliding_plan_slid_needs_date")
        ),
        sa.CheckConstraint(
            "outcome IN ('in_progress', 'slid', 'extended', 'failed')",
            name=op.f("ck_sliding_plan_outcome_code"),
        ),
        sa.CheckConstraint("max_months > 0", name=op.f("ck_sliding_plan_max_months_positive")),
        sa.CheckConstraint(
            "review_period_months > 0", name=op.f("ck_sliding_plan_review_period_positive")
        ),
        sa.ForeignKeyConstraint(
            ["contract_id"],
            ["occupancy_contract.id"],
            name=op.f("fk_sliding_plan_contract_id_occupancy_contract"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sliding_plan")),
        sa.UniqueConstraint("contract_id", name=op.f("uq_sliding_plan_contract_id")),
    )
    op.create_table(
        "sliding_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("review_date", sa.Date(), nullable=False),
        sa.Column("participants", sa.String(length=500), nullable=True),
        sa.Column("rent_paid_regularly", sa.Boolean(), nullable=True),
        sa.Column("peaceful_occupation", sa.Boolean(), nullable=True),
        sa.Column("tenant_obligations", sa.Boolean(), nullable=True),
        sa.Column("administrative_autonomy", sa.Boolean(), nullable=True),
        sa.Column("opinion", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "opinion IN ('favourable', 'extend', 'unfavourable')",
            name=op.f("ck_sliding_review_opinion_code"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["sliding_plan.id"],
            name=op.f("fk_sliding_review_plan_id_sliding_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sliding_review")),
    )


def downgrade() -> None:
    op.drop_table("sliding_review")
    op.drop_table("sliding_plan")
    op.drop_table("rent_rate")
    op.drop_table("benefit_status")
    with op.batch_alter_table("vacancy_period", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vacancy_period_dwelling_id"))

    op.drop_table("vacancy_period")
    with op.batch_alter_table("occupancy_contract", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupancy_contract_household_id"))
        batch_op.drop_index(batch_op.f("ix_occupancy_contract_dwelling_id"))

    op.drop_table("occupancy_contract")
    op.drop_table("note_person")
    with op.batch_alter_table("main_lease", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_main_lease_dwelling_id"))

    op.drop_table("main_lease")
    with op.batch_alter_table("user_role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_role_user_id"))

    op.drop_table("user_role")
    with op.batch_alter_table("stay", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stay_programme_id_entry_date"))
        batch_op.drop_index(batch_op.f("ix_stay_household_id"))

    op.drop_table("stay")
    op.drop_table("residence_places")
    op.drop_table("residence_host")
    with op.batch_alter_table("person_resource", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_resource_person_id"))

    op.drop_table("person_resource")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_household_id"))

    op.drop_table("note")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_person_id"))
        batch_op.drop_index(batch_op.f("ix_membership_household_id"))

    op.drop_table("membership")
    op.drop_table("household_partner")
    op.drop_table("household_co_worker")
    with op.batch_alter_table("dwelling", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dwelling_programme_id"))

    op.drop_table("dwelling")
    with op.batch_alter_table("change_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_history_household_id_at"))

    op.drop_table("change_history")
    op.drop_table("residence")
    op.drop_table("programme_funder")
    op.drop_table("programme_capacity")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_search_name"))
        batch_op.drop_index(batch_op.f("ix_person_birth_date"))

    op.drop_table("person")
    op.drop_table("partner_contact")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_key_worker_id"))

    op.drop_table("household")
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delegation_to_user_id"))

    op.drop_table("delegation")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_household_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
    op.drop_table("user_account")
    op.drop_table("programme")
    op.drop_table("partner")
    op.drop_table("parameter")
    op.drop_table("organisation")
    op.drop_table("landlord")
    op.drop_table("funder")
    op.drop_table("audit_anchor")
