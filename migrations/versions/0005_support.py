"""Accompaniment: measures, goals, reviews, contacts, the life of a pension de famille, to-dos.

Reviewed by hand: every enumeration a VARCHAR with a named CHECK listing the codes of
``domain.vocabulary`` (a review's kind: interim or final); dates in order (an end never before
its start, a prescription never after the start, a next appointment never before the contact,
a review sent after it was written), minutes and head counts never negative, a measure's end
details only once it has ended and a diagnostic ending with its conclusion, never an outcome.
Indexes serve the household file (by household), the agenda (next appointments, to-dos by
assignee and due date, reviews by measure and due date) and the residence screens (activities,
liaison log and absences by residence and date; liaison entries by date for their retention).
All tables start empty.

``note.contact_id`` (a contact's notes are Notes) needs a named foreign key, which SQLite can
only get by Alembic's batch copy of ``note``; dropping the old table while foreign keys are
enforced would cascade-delete every ``note_person`` row, so on SQLite those rows are saved in a
temporary table and put back, in the same transaction.

Revision ID: 0005_support
Revises: 0004_import
Create Date: 2026-11-27 21:16:23.873628
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_support"
down_revision = "0004_import"
branch_labels = None
depends_on = None


def upgrade() -> None:  # noqa: PLR0915 - one table after another
    op.create_table(
        "collective_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("residence_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=True),
        sa.Column("head_count", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('shared_meal', 'workshop', 'outing', 'residents_meeting', 'concertation_council', 'sport_culture', 'health', 'other')",  # noqa: E501
            name=op.f("ck_collective_activity_kind_code"),
        ),
        sa.CheckConstraint(
            "head_count IS NULL OR head_count >= 0",
            name=op.f("ck_collective_activity_head_count_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_collective_activity_created_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["host_id"],
            ["user_account.id"],
            name=op.f("fk_collective_activity_host_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["residence_id"],
            ["residence.id"],
            name=op.f("fk_collective_activity_residence_id_residence"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collective_activity")),
    )
    with op.batch_alter_table("collective_activity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collective_activity_residence_id_held_on"),
            ["residence_id", "held_on"],
            unique=False,
        )

    op.create_table(
        "liaison_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("residence_id", sa.Integer(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["user_account.id"], name=op.f("fk_liaison_entry_author_id_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["residence_id"], ["residence.id"], name=op.f("fk_liaison_entry_residence_id_residence")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_liaison_entry")),
    )
    with op.batch_alter_table("liaison_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_liaison_entry_residence_id_written_at"),
            ["residence_id", "written_at"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_liaison_entry_written_at"), ["written_at"], unique=False
        )

    op.create_table(
        "resident_absence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("residence_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('hospital', 'prison', 'holidays', 'other')",
            name=op.f("ck_resident_absence_kind_code"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_resident_absence_end_date_after_start_date"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_resident_absence_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["residence_id"],
            ["residence.id"],
            name=op.f("fk_resident_absence_residence_id_residence"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident_absence")),
    )
    with op.batch_alter_table("resident_absence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resident_absence_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_resident_absence_residence_id_start_date"),
            ["residence_id", "start_date"],
            unique=False,
        )

    op.create_table(
        "resident_guest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("residence_id", sa.Integer(), nullable=False),
        sa.Column("guest_name", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_resident_guest_end_date_after_start_date"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_resident_guest_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["residence_id"],
            ["residence.id"],
            name=op.f("fk_resident_guest_residence_id_residence"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident_guest")),
    )
    with op.batch_alter_table("resident_guest", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resident_guest_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_resident_guest_residence_id_start_date"),
            ["residence_id", "start_date"],
            unique=False,
        )

    op.create_table(
        "support_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("target_public", sa.String(length=40), nullable=True),
        sa.Column("dalo_status", sa.String(length=40), nullable=False),
        sa.Column("referrer", sa.String(length=40), nullable=True),
        sa.Column("referrer_partner_id", sa.Integer(), nullable=True),
        sa.Column("prescribed_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("contract_signed_on", sa.Date(), nullable=True),
        sa.Column("planned_months", sa.Integer(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("destination", sa.String(length=40), nullable=True),
        sa.Column("conclusion", sa.String(length=40), nullable=True),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "conclusion IS NULL OR conclusion IN ('support_proposed', 'no_measure', 'refused')",
            name=op.f("ck_support_measure_conclusion_code"),
        ),
        sa.CheckConstraint(
            "conclusion IS NULL OR kind = 'diagnostic'",
            name=op.f("ck_support_measure_conclusion_only_for_diagnostic"),
        ),
        sa.CheckConstraint(
            "dalo_status IN ('dalo_priority', 'non_dalo')",
            name=op.f("ck_support_measure_dalo_status_code"),
        ),
        sa.CheckConstraint(
            "destination IS NULL OR destination IN ('social_housing', 'private_housing', 'slid', 'supported_housing', 'other_iml', 'temporary_housing', 'shelter', 'third_party', 'street', 'medico_social', 'hospital', 'prison', 'kept_home', 'death', 'unknown')",  # noqa: E501
            name=op.f("ck_support_measure_destination_code"),
        ),
        sa.CheckConstraint(
            "kind <> 'diagnostic' OR (outcome IS NULL AND destination IS NULL)",
            name=op.f("ck_support_measure_diagnostic_ends_with_conclusion"),
        ),
        sa.CheckConstraint(
            "kind IN ('diagnostic', 'avdl_dalo', 'avdl_non_dalo', 'sliding_lease_support', 'asll', 'iml_support', 'boarding_house_support')",  # noqa: E501
            name=op.f("ck_support_measure_kind_code"),
        ),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('rehoused', 'goals_met', 'partly_met', 'not_met', 'household_ended', 'reoriented', 'non_adherence', 'other')",  # noqa: E501
            name=op.f("ck_support_measure_outcome_code"),
        ),
        sa.CheckConstraint(
            "referrer IS NULL OR referrer IN ('siao', 'comed', 'state', 'social_services', 'ccas', 'landlord', 'shelter', 'psychiatry', 'spip', 'ccapex', 'fsl', 'action_logement', 'other')",  # noqa: E501
            name=op.f("ck_support_measure_referrer_code"),
        ),
        sa.CheckConstraint(
            "target_public IS NULL OR target_public IN ('shelter_leavers', 'street_hotel', 'eviction_prevention', 'domestic_violence', 'refugees', 'care_leavers', 'young', 'other')",  # noqa: E501
            name=op.f("ck_support_measure_target_public_code"),
        ),
        sa.CheckConstraint(
            "end_date IS NOT NULL OR (outcome IS NULL AND destination IS NULL "
            "AND conclusion IS NULL)",
            name=op.f("ck_support_measure_end_details_need_end"),
        ),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_support_measure_end_date_after_start_date"),
        ),
        sa.CheckConstraint(
            "planned_months > 0", name=op.f("ck_support_measure_planned_months_positive")
        ),
        sa.CheckConstraint(
            "prescribed_on IS NULL OR prescribed_on <= start_date",
            name=op.f("ck_support_measure_prescribed_on_not_after_start_date"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_support_measure_created_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["funder_id"], ["funder.id"], name=op.f("fk_support_measure_funder_id_funder")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_support_measure_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_support_measure_programme_id_programme"),
        ),
        sa.ForeignKeyConstraint(
            ["referrer_partner_id"],
            ["partner.id"],
            name=op.f("fk_support_measure_referrer_partner_id_partner"),
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["user_account.id"],
            name=op.f("fk_support_measure_worker_id_user_account"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_measure")),
    )
    with op.batch_alter_table("support_measure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_support_measure_funder_id"), ["funder_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_support_measure_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_support_measure_programme_id_start_date"),
            ["programme_id", "start_date"],
            unique=False,
        )

    op.create_table(
        "todo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("assigned_to", sa.Integer(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint("length(text) > 0", name=op.f("ck_todo_text_not_empty")),
        sa.ForeignKeyConstraint(
            ["assigned_to"], ["user_account.id"], name=op.f("fk_todo_assigned_to_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user_account.id"], name=op.f("fk_todo_created_by_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_todo_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_todo")),
    )
    with op.batch_alter_table("todo", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_todo_assigned_to_due_on"), ["assigned_to", "due_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_todo_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_todo_household_id"), ["household_id"], unique=False)

    op.create_table(
        "activity_attendance",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["collective_activity.id"],
            name=op.f("fk_activity_attendance_activity_id_collective_activity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_activity_attendance_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("activity_id", "person_id", name=op.f("pk_activity_attendance")),
    )
    with op.batch_alter_table("activity_attendance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_attendance_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("next_appointment_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('office', 'home_visit', 'phone', 'video', 'accompanied_step', 'collective', 'no_show', 'indirect', 'partner_contact')",  # noqa: E501
            name=op.f("ck_contact_kind_code"),
        ),
        sa.CheckConstraint(
            "minutes IS NULL OR minutes >= 0", name=op.f("ck_contact_minutes_positive")
        ),
        sa.CheckConstraint(
            "next_appointment_on IS NULL OR next_appointment_on >= held_on",
            name=op.f("ck_contact_next_appointment_on_after_held_on"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["user_account.id"], name=op.f("fk_contact_created_by_user_account")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_contact_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["support_measure.id"],
            name=op.f("fk_contact_measure_id_support_measure"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["user_account.id"], name=op.f("fk_contact_worker_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_household_id_held_on"), ["household_id", "held_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contact_measure_id"), ["measure_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contact_next_appointment_on"), ["next_appointment_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_worker_id_held_on"), ["worker_id", "held_on"], unique=False
        )

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=True),
        sa.Column("domain", sa.String(length=40), nullable=False),
        sa.Column("wording", sa.String(length=500), nullable=False),
        sa.Column("strengths", sa.Text(), nullable=False),
        sa.Column("progress", sa.Text(), nullable=False),
        sa.Column("attention_points", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "(status = 'open') = (closed_on IS NULL)", name=op.f("ck_goal_closed_when_not_open")
        ),
        sa.CheckConstraint(
            "domain IN ('housing', 'budget', 'rights', 'health', 'employment', 'social_life', 'daily_life', 'family', 'paperwork', 'mobility')",  # noqa: E501
            name=op.f("ck_goal_domain_code"),
        ),
        sa.CheckConstraint(
            "status IN ('open', 'achieved', 'partly', 'not_achieved', 'abandoned')",
            name=op.f("ck_goal_status_code"),
        ),
        sa.CheckConstraint(
            "closed_on IS NULL OR closed_on >= opened_on",
            name=op.f("ck_goal_closed_on_after_opened_on"),
        ),
        sa.CheckConstraint(
            "target_on IS NULL OR target_on >= opened_on",
            name=op.f("ck_goal_target_on_after_opened_on"),
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["household.id"],
            name=op.f("fk_goal_household_id_household"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["support_measure.id"],
            name=op.f("fk_goal_measure_id_support_measure"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_measure_id"), ["measure_id"], unique=False)

    op.create_table(
        "liaison_tag",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["liaison_entry.id"],
            name=op.f("fk_liaison_tag_entry_id_liaison_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_liaison_tag_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "person_id", name=op.f("pk_liaison_tag")),
    )
    with op.batch_alter_table("liaison_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_liaison_tag_person_id"), ["person_id"], unique=False)

    op.create_table(
        "measure_phase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("phase", sa.String(length=40), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "phase IN ('towards', 'at_move_in', 'in_home')",
            name=op.f("ck_measure_phase_phase_code"),
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["support_measure.id"],
            name=op.f("fk_measure_phase_measure_id_support_measure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_phase")),
        sa.UniqueConstraint(
            "measure_id", "from_date", name=op.f("uq_measure_phase_measure_id_from_date")
        ),
    )
    op.create_table(
        "measure_renewal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=40), nullable=False),
        sa.CheckConstraint(
            "decision IN ('granted', 'refused')", name=op.f("ck_measure_renewal_decision_code")
        ),
        sa.CheckConstraint("months > 0", name=op.f("ck_measure_renewal_months_positive")),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["support_measure.id"],
            name=op.f("fk_measure_renewal_measure_id_support_measure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_renewal")),
    )
    with op.batch_alter_table("measure_renewal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_renewal_measure_id"), ["measure_id"], unique=False
        )

    op.create_table(
        "measure_suspension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_measure_suspension_end_date_after_start_date"),
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["support_measure.id"],
            name=op.f("fk_measure_suspension_measure_id_support_measure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_suspension")),
    )
    with op.batch_alter_table("measure_suspension", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_suspension_measure_id"), ["measure_id"], unique=False
        )

    op.create_table(
        "contact_person",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_person_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_contact_person_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "person_id", name=op.f("pk_contact_person")),
    )
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_person_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "contact_theme",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_theme_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "theme", name=op.f("pk_contact_theme")),
    )
    op.create_table(
        "support_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("shared_on", sa.Date(), nullable=True),
        sa.Column("next_steps", sa.Text(), nullable=False),
        sa.Column("household_words", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('interim', 'final')", name=op.f("ck_support_review_kind_code")
        ),
        sa.CheckConstraint(
            "period_end IS NULL OR period_end >= period_start",
            name=op.f("ck_support_review_period_end_after_period_start"),
        ),
        sa.CheckConstraint(
            "sent_on IS NULL OR sent_on >= written_on",
            name=op.f("ck_support_review_sent_on_after_written_on"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_support_review_created_by_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_support_review_document_id_document"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["support_measure.id"],
            name=op.f("fk_support_review_measure_id_support_measure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_review")),
    )
    with op.batch_alter_table("support_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_support_review_measure_id_due_on"),
            ["measure_id", "due_on"],
            unique=False,
        )

    _add_note_contact()


def downgrade() -> None:  # noqa: PLR0915 - one table after another
    sqlite = op.get_context().dialect.name == "sqlite"
    if sqlite:  # the batch copy of ``note`` would lose them (see the docstring)
        op.execute("CREATE TEMPORARY TABLE saved_note_person AS SELECT * FROM note_person")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_note_contact_id_contact"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_note_contact_id"))
        batch_op.drop_column("contact_id")
    if sqlite:
        op.execute("INSERT INTO note_person SELECT * FROM saved_note_person")
        op.execute("DROP TABLE saved_note_person")

    with op.batch_alter_table("support_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_support_review_measure_id_due_on"))

    op.drop_table("support_review")
    op.drop_table("contact_theme")
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_person_person_id"))

    op.drop_table("contact_person")
    with op.batch_alter_table("measure_suspension", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_suspension_measure_id"))

    op.drop_table("measure_suspension")
    with op.batch_alter_table("measure_renewal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_renewal_measure_id"))

    op.drop_table("measure_renewal")
    op.drop_table("measure_phase")
    with op.batch_alter_table("liaison_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_liaison_tag_person_id"))

    op.drop_table("liaison_tag")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_measure_id"))
        batch_op.drop_index(batch_op.f("ix_goal_household_id"))

    op.drop_table("goal")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_worker_id_held_on"))
        batch_op.drop_index(batch_op.f("ix_contact_next_appointment_on"))
        batch_op.drop_index(batch_op.f("ix_contact_measure_id"))
        batch_op.drop_index(batch_op.f("ix_contact_household_id_held_on"))

    op.drop_table("contact")
    with op.batch_alter_table("activity_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_attendance_person_id"))

    op.drop_table("activity_attendance")
    with op.batch_alter_table("todo", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_todo_household_id"))
        batch_op.drop_index(batch_op.f("ix_todo_due_on"))
        batch_op.drop_index(batch_op.f("ix_todo_assigned_to_due_on"))

    op.drop_table("todo")
    with op.batch_alter_table("support_measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_support_measure_programme_id_start_date"))
        batch_op.drop_index(batch_op.f("ix_support_measure_household_id"))
        batch_op.drop_index(batch_op.f("ix_support_measure_funder_id"))

    op.drop_table("support_measure")
    with op.batch_alter_table("resident_guest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_guest_residence_id_start_date"))
        batch_op.drop_index(batch_op.f("ix_resident_guest_household_id"))

    op.drop_table("resident_guest")
    with op.batch_alter_table("resident_absence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resident_absence_residence_id_start_date"))
        batch_op.drop_index(batch_op.f("ix_resident_absence_person_id"))

    op.drop_table("resident_absence")
    with op.batch_alter_table("liaison_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_liaison_entry_written_at"))
        batch_op.drop_index(batch_op.f("ix_liaison_entry_residence_id_written_at"))

    op.drop_table("liaison_entry")
    with op.batch_alter_table("collective_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collective_activity_residence_id_held_on"))

    op.drop_table("collective_activity")


def _add_note_contact() -> None:
    """``note.contact_id`` with its named foreign key and index, ``note_person`` kept whole."""
    sqlite = op.get_context().dialect.name == "sqlite"
    if sqlite:
        op.execute("CREATE TEMPORARY TABLE saved_note_person AS SELECT * FROM note_person")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_note_contact_id"), ["contact_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_note_contact_id_contact"),
            "contact",
            ["contact_id"],
            ["id"],
            ondelete="SET NULL",
        )
    if sqlite:
        op.execute("INSERT INTO note_person SELECT * FROM saved_note_person")
        op.execute("DROP TABLE saved_note_person")
