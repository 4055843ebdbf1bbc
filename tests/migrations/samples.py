"""A few rows in every table, written once into each frozen schema release.

Frozen files must never change: this module may grow with later releases (new tables get rows
in new frozen files), but the rows written into an existing frozen file are whatever it holds.
`expected_counts` says what a frozen release holds once upgraded to head: its own rows, and
empty tables for what later releases added.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Connection, insert

from desktop_app.persistence import models as m

_RELEASE_0001 = {
    "organisation": 1,
    "funder": 2,
    "programme": 2,
    "programme_funder": 2,
    "programme_capacity": 2,
    "partner": 2,
    "partner_contact": 1,
    "landlord": 2,
    "residence": 1,
    "residence_places": 1,
    "user_account": 2,
    "user_role": 1,
    "residence_host": 1,
    "dwelling": 2,
    "vacancy_period": 1,
    "main_lease": 1,
    "household": 1,
    "household_co_worker": 1,
    "household_partner": 1,
    "person": 2,
    "person_resource": 1,
    "membership": 2,
    "stay": 1,
    "occupancy_contract": 1,
    "rent_rate": 1,
    "benefit_status": 1,
    "sliding_plan": 1,
    "sliding_review": 1,
    "note": 1,
    "note_person": 1,
    "audit_event": 1,
    "change_history": 1,
    "delegation": 1,
    "audit_anchor": 1,
    "parameter": 31,  # the defaults seeded by release 0001_initial
}

# Rows of each frozen release, by table (tables a release does not list hold none).
RELEASE_COUNTS: dict[str, dict[str, int]] = {
    "0001_initial": _RELEASE_0001,
    "0002_documents": {**_RELEASE_0001, "document_content": 1, "document": 2},
}
RELEASE_COUNTS["0003_ledger"] = {
    **RELEASE_COUNTS["0002_documents"],
    "benefit_batch": 1,
    "ledger_entry": 6,
    "deposit_entry": 1,
    "arrears_action": 1,
    "repayment_instalment": 2,
    "month_closing": 1,
    "issued_document": 1,
}
# 0004_import adds columns only (the Mouvements reference of imported entries).
RELEASE_COUNTS["0004_import"] = RELEASE_COUNTS["0003_ledger"]
# 0005_support: accompaniment, the life of a pension de famille and to-dos (and note.contact_id).
RELEASE_COUNTS["0005_support"] = {
    **RELEASE_COUNTS["0004_import"],
    "parameter": 32,  # the defaults seeded when 0005_support was frozen
    "support_measure": 2,
    "measure_renewal": 1,
    "measure_suspension": 1,
    "measure_phase": 2,
    "goal": 2,
    "support_review": 1,
    "contact": 2,
    "contact_person": 2,
    "contact_theme": 2,
    "note": 2,
    "collective_activity": 2,
    "activity_attendance": 1,
    "liaison_entry": 1,
    "liaison_tag": 1,
    "resident_absence": 1,
    "resident_guest": 1,
    "todo": 2,
}
# 0006_admissions: candidatures and their steps, social-housing applications, offers, rehousings.
RELEASE_COUNTS["0006_admissions"] = {
    **RELEASE_COUNTS["0005_support"],
    "parameter": 33,  # the defaults seeded when 0006_admissions was frozen
    "candidature": 2,
    "candidature_step": 2,
    "housing_application": 1,
    "housing_offer": 2,
    "rehousing": 1,
}
# 0007_reports: report runs with their files, staff periods (the FTE of a pension), a funder's
# grid with two versions.
RELEASE_COUNTS["0007_reports"] = {
    **RELEASE_COUNTS["0006_admissions"],
    # the sample documents' bytes, the frozen run's workbook and the two versions of a grid
    "document_content": 4,
    "staff_period": 2,
    "report_run": 2,
    "report_run_file": 1,
    "funder_grid": 1,
    "funder_grid_version": 2,
}
# What `insert_samples` writes at head: every table has rows.
EXPECTED_COUNTS = RELEASE_COUNTS["0007_reports"]

# The bytes of the sample documents (one content shared by two documents).
SAMPLE_CONTENT = b"%PDF-1.4\n% Attestation d'assurance habitation \xe2\x80\x94 exemple\n%%EOF\n"
# The bytes of the frozen sample run's file (a stand-in: any bytes are kept as they are).
SAMPLE_RUN_FILE = b"PK\x03\x04 classeur du bilan IML 2024 (exemple)"
# The bytes of the two versions of the sample funder's grid (stand-ins, kept as they are).
SAMPLE_GRID_FILES = (
    b"PK\x03\x04 grille DDETS IML 2024 {{households}} (exemple)",
    b"PK\x03\x04 grille DDETS IML 2025 {{households.entries}} (exemple)",
)


def expected_counts(revision: str) -> dict[str, int]:
    """Rows in every table of head once the frozen ``revision`` is upgraded."""
    return {table: RELEASE_COUNTS[revision].get(table, 0) for table in EXPECTED_COUNTS}


def insert_samples(connection: Connection) -> None:  # noqa: PLR0915 - one table after another
    def add(model: type[m.Base], *rows: dict[str, object]) -> None:
        for row in rows:
            connection.execute(insert(model).values(**row))

    at = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)
    add(
        m.Organisation,
        {
            "id": 1,
            "name": "Association Toit Partagé",
            "siret": "12345678901234",
            "commune": "Lyon",
            "postcode": "69003",
            "version": 1,
        },
    )
    add(
        m.Funder,
        {"id": 1, "name": "DDETS du Rhône", "kind": "state_p177", "version": 1},
        {"id": 2, "name": "FNAVDL", "kind": "fnavdl", "version": 1},
    )
    add(
        m.Programme,
        {
            "id": 1,
            "name": "IML Lyon",
            "kind": "iml_sublease",
            "convention_start": date(2024, 1, 1),
            "version": 1,
        },
        {"id": 2, "name": "Pension Les Tilleuls", "kind": "boarding_house", "version": 1},
    )
    add(m.ProgrammeFunder, {"programme_id": 1, "funder_id": 1}, {"programme_id": 2, "funder_id": 1})
    add(
        m.ProgrammeCapacity,
        {"id": 1, "programme_id": 1, "valid_from": date(2024, 1, 1), "dwellings": 20, "places": 45},
        {"id": 2, "programme_id": 2, "valid_from": date(2024, 1, 1), "dwellings": 25, "places": 25},
    )
    add(
        m.Partner,
        {"id": 1, "name": "SIAO du Rhône", "kind": "siao", "version": 1},
        {"id": 2, "name": "Mandataires Rhône", "kind": "legal_guardian", "version": 1},
    )
    add(m.PartnerContact, {"id": 1, "partner_id": 1, "name": "Accueil SIAO"})
    add(
        m.Landlord,
        {"id": 1, "name": "M. et Mme Garnier", "kind": "private", "version": 1},
        {"id": 2, "name": "Rhône Habitat Solidaire", "kind": "social", "version": 1},
    )
    add(
        m.Residence,
        {
            "id": 1,
            "name": "Les Tilleuls",
            "programme_id": 2,
            "commune": "Villeurbanne",
            "postcode": "69100",
            "version": 1,
        },
    )
    add(
        m.ResidencePlaces,
        {"id": 1, "residence_id": 1, "valid_from": date(2024, 1, 1), "places": 25},
    )
    add(
        m.UserAccount,
        {
            "id": 1,
            "login": "claire",
            "display_name": "Claire Martin",
            "created_at": at,
            "version": 1,
        },
    )
    add(m.UserRole, {"id": 1, "user_id": 1, "role": "social_worker", "programme_id": 1})
    add(m.ResidenceHost, {"residence_id": 1, "user_id": 1})
    add(
        m.Dwelling,
        {
            "id": 1,
            "reference": "LOG-0001",
            "address": "12 rue Paul Bert",
            "postcode": "69003",
            "commune": "Lyon",
            "typology": "t2",
            "surface_m2": Decimal("41.50"),
            "sector": "private",
            "landlord_id": 1,
            "programme_id": 1,
            "lots": 1,
            "places": 2,
            "captured_on": date(2024, 2, 1),
            "dpe_class": "D",
            "version": 1,
        },
        {
            "id": 2,
            "reference": "TIL-01",
            "address": "4 impasse des Tilleuls",
            "postcode": "69100",
            "commune": "Villeurbanne",
            "typology": "studio",
            "programme_id": 2,
            "residence_id": 1,
            "lots": 1,
            "places": 1,
            "version": 1,
        },
    )
    add(
        m.VacancyPeriod,
        {
            "id": 1,
            "dwelling_id": 1,
            "start_date": date(2024, 2, 1),
            "end_date": date(2024, 2, 20),
            "reason": "refurbishment",
            "neutralised": True,
        },
    )
    add(
        m.MainLease,
        {
            "id": 1,
            "dwelling_id": 1,
            "landlord_id": 1,
            "start_date": date(2024, 2, 1),
            "rent": 52_000,
            "charges": 6_000,
            "has_sliding_clause": False,
            "version": 1,
        },
    )
    add(
        m.Household,
        {
            "id": 1,
            "reference": "M-00001",
            "key_worker_id": 1,
            "protected": False,
            "search_text": "m-00001 diallo aminata",
            "version": 1,
        },
    )
    add(m.HouseholdCoWorker, {"household_id": 1, "user_id": 1})
    add(m.HouseholdPartner, {"household_id": 1, "partner_id": 1, "role": "orientation"})
    add(
        m.Person,
        {
            "id": 1,
            "last_name": "Diallo",
            "first_name": "Aminata",
            "birth_date": date(1988, 4, 12),
            "sex": "f",
            "nationality": "fr",
            "legal_protection": "none",
            "benefit_agency": "caf",
            "allocataire_number": "1234567",
            "search_name": "diallo aminata",
            "version": 1,
        },
        {
            "id": 2,
            "last_name": "Diallo",
            "first_name": "Moussa",
            "birth_date": date(2015, 9, 3),
            "sex": "h",
            "nationality": "fr",
            "legal_protection": "none",
            "search_name": "diallo moussa",
            "version": 1,
        },
    )
    add(m.PersonResource, {"id": 1, "person_id": 1, "kind": "rsa", "monthly_amount": 63_500})
    add(
        m.Membership,
        {"id": 1, "household_id": 1, "person_id": 1, "role": "head", "joined_on": date(2024, 3, 1)},
        {
            "id": 2,
            "household_id": 1,
            "person_id": 2,
            "role": "child",
            "joined_on": date(2024, 3, 1),
        },
    )
    add(
        m.Stay,
        {
            "id": 1,
            "household_id": 1,
            "programme_id": 1,
            "entry_date": date(2024, 3, 1),
            "entry_situation": "hotel_115",
            "referrer": "siao",
            "dalo_status": "non_dalo",
            "version": 1,
        },
    )
    add(
        m.OccupancyContract,
        {
            "id": 1,
            "household_id": 1,
            "dwelling_id": 1,
            "stay_id": 1,
            "kind": "sliding_sublease",
            "start_date": date(2024, 3, 1),
            "state": "active",
            "version": 1,
        },
    )
    add(
        m.RentRate,
        {
            "id": 1,
            "contract_id": 1,
            "valid_from": date(2024, 3, 1),
            "rent": 52_000,
            "charges": 6_000,
            "mandatory_services": 0,
            "optional_services": 0,
            "expected_benefit": 31_000,
            "tiers_payant": True,
            "due_day": 5,
        },
    )
    add(
        m.BenefitStatus,
        {"id": 1, "contract_id": 1, "valid_from": date(2024, 3, 1), "status": "paid"},
    )
    add(
        m.SlidingPlan,
        {
            "id": 1,
            "contract_id": 1,
            "convention_signed_on": date(2024, 3, 1),
            "review_period_months": 6,
            "max_months": 24,
            "outcome": "in_progress",
            "version": 1,
        },
    )
    add(
        m.SlidingReview,
        {
            "id": 1,
            "plan_id": 1,
            "review_date": date(2024, 9, 2),
            "rent_paid_regularly": True,
            "peaceful_occupation": True,
            "opinion": "extend",
        },
    )
    add(
        m.Note,
        {
            "id": 1,
            "household_id": 1,
            "author_id": 1,
            "written_on": date(2024, 3, 5),
            "level": "shared",
            "text": "Installation faite, compteurs ouverts.",
            "version": 1,
        },
    )
    add(m.NotePerson, {"note_id": 1, "person_id": 1})
    add(
        m.AuditEvent,
        {
            "id": 1,
            "at": at,
            "user_id": 1,
            "actor": "claire",
            "action": "create",
            "entity": "household",
            "entity_id": 1,
            "household_id": 1,
            "fields": "reference",
            "previous_hash": "0" * 64,
            "hash": "a" * 64,
        },
    )
    add(
        m.UserAccount,
        {"id": 2, "login": "karim", "display_name": "Karim Benali", "created_at": at, "version": 1},
    )
    add(
        m.Delegation,
        {
            "id": 1,
            "from_user_id": 1,
            "to_user_id": 2,
            "start_date": date(2025, 7, 1),
            "end_date": date(2025, 7, 31),
        },
    )
    add(
        m.AuditAnchor,
        {"id": 1, "purged_at": at, "up_to_id": 0, "last_hash": "0" * 64, "purged_count": 0},
    )
    add(
        m.ChangeHistory,
        {
            "id": 1,
            "at": at,
            "user_id": 1,
            "household_id": 1,
            "entity": "stay",
            "entity_id": 1,
            "field": "entry_date",
            "old_value": "2024-03-04",
            "new_value": "2024-03-01",
        },
    )
    digest = hashlib.sha256(SAMPLE_CONTENT).hexdigest()
    add(
        m.DocumentContent,
        {"sha256": digest, "size": len(SAMPLE_CONTENT), "content": SAMPLE_CONTENT},
    )
    document = {
        "household_id": 1,
        "kind": "insurance",
        "file_name": "attestation-assurance.pdf",
        "media_type": "application/pdf",
        "sha256": digest,
        "size": len(SAMPLE_CONTENT),
        "added_at": at,
        "added_by": 1,
        "version": 1,
    }
    add(
        m.Document,
        {
            **document,
            "id": 1,
            "title": "Attestation d'assurance 2024",
            "dated_on": date(2024, 3, 1),
            "expires_on": date(2025, 2, 28),
        },
        {
            **document,
            "id": 2,
            "contract_id": 1,
            "dwelling_id": 1,
            "kind": "contract",
            "title": "Contrat de sous-location signé",
            "file_name": "contrat.pdf",
            "dated_on": date(2024, 3, 1),
            "expires_on": None,
        },
    )
    entry = {"contract_id": 1, "created_at": at, "created_by": 1}
    add(
        m.BenefitBatch,
        {
            "id": 1,
            "agency": "caf",
            "received_on": date(2024, 5, 6),
            "transfer_reference": "CAF-2024-05",
            "total": 31_000,
            "created_at": at,
            "created_by": 1,
        },
    )
    add(
        m.LedgerEntry,
        {
            **entry,
            "id": 1,
            "posted_on": date(2024, 4, 1),
            "period_month": date(2024, 4, 1),
            "kind": "charge",
            "nature": "rent",
            "amount": 52_000,
            "generated": True,
        },
        {
            **entry,
            "id": 2,
            "posted_on": date(2024, 4, 1),
            "period_month": date(2024, 4, 1),
            "kind": "charge",
            "nature": "charges",
            "amount": 6_000,
            "generated": True,
        },
        {
            **entry,
            "id": 3,
            "posted_on": date(2024, 4, 8),
            "period_month": date(2024, 4, 1),
            "kind": "household_payment",
            "amount": 27_000,
            "payer": "ménage",
            "method": "transfer",
            "reference": "VIR 0408",
        },
        {
            **entry,
            "id": 4,
            "posted_on": date(2024, 5, 6),
            "period_month": date(2024, 4, 1),
            "kind": "housing_benefit",
            "amount": 31_000,
            "payer": "CAF",
            "batch_id": 1,
        },
        {
            **entry,
            "id": 5,
            "posted_on": date(2024, 4, 10),
            "kind": "reversal",
            "amount": 27_000,
            "reverses_id": 3,
            "reason": "Chèque sans provision",
        },
        {
            **entry,
            "id": 6,
            "posted_on": date(2024, 3, 1),
            "kind": "opening_balance",
            "amount": 12_345,
            "first_default_on": date(2024, 1, 15),
            "import_reference": "REPRISE-0001",
        },
    )
    add(
        m.DepositEntry,
        {
            **entry,
            "id": 1,
            "posted_on": date(2024, 3, 1),
            "kind": "received",
            "amount": 52_000,
            "import_reference": "REPRISE-0002",
        },
    )
    add(
        m.ArrearsAction,
        {
            **entry,
            "id": 1,
            "kind": "repayment_plan",
            "action_date": date(2024, 5, 10),
            "amount": 27_000,
            "version": 1,
        },
    )
    add(
        m.RepaymentInstalment,
        {"id": 1, "action_id": 1, "due_on": date(2024, 6, 10), "amount": 13_500},
        {"id": 2, "action_id": 1, "due_on": date(2024, 7, 10), "amount": 13_500},
    )
    add(m.MonthClosing, {"period_month": date(2024, 4, 1), "closed_at": at, "closed_by": 1})
    add(
        m.IssuedDocument,
        {
            "id": 1,
            "contract_id": 1,
            "kind": "quittance",
            "number": "Q-2024-000001",
            "period_month": date(2024, 4, 1),
            "amount": 58_000,
            "issued_at": at,
            "issued_by": 1,
        },
    )
    _insert_support_samples(connection, at)
    _insert_admission_samples(connection, at)
    _insert_report_samples(connection, at)


def _insert_support_samples(connection: Connection, at: datetime) -> None:
    """Release 0005_support: a measure and a diagnostic, their plan, contacts, collective life."""

    def add(model: type[m.Base], *rows: dict[str, object]) -> None:
        for row in rows:
            connection.execute(insert(model).values(**row))

    created = {"created_at": at, "created_by": 1}
    add(
        m.SupportMeasure,
        {
            **created,
            "id": 1,
            "household_id": 1,
            "programme_id": 1,
            "funder_id": 2,
            "kind": "avdl_non_dalo",
            "target_public": "shelter_leavers",
            "dalo_status": "non_dalo",
            "referrer": "siao",
            "referrer_partner_id": 1,
            "prescribed_on": date(2024, 2, 20),
            "start_date": date(2024, 3, 1),
            "contract_signed_on": date(2024, 3, 5),
            "planned_months": 6,
            "end_date": date(2024, 12, 31),
            "outcome": "rehoused",
            "destination": "social_housing",
            "worker_id": 1,
            "version": 1,
        },
        {
            **created,
            "id": 2,
            "household_id": 1,
            "programme_id": 1,
            "kind": "diagnostic",
            "dalo_status": "non_dalo",
            "start_date": date(2024, 1, 10),
            "planned_months": 2,
            "end_date": date(2024, 2, 15),
            "conclusion": "support_proposed",
            "version": 1,
        },
    )
    add(
        m.MeasureRenewal,
        {
            "id": 1,
            "measure_id": 1,
            "decided_on": date(2024, 8, 20),
            "months": 4,
            "decision": "granted",
        },
    )
    add(
        m.MeasureSuspension,
        {"id": 1, "measure_id": 1, "start_date": date(2024, 6, 1), "end_date": date(2024, 6, 30)},
    )
    add(
        m.MeasurePhase,
        {"id": 1, "measure_id": 1, "phase": "towards", "from_date": date(2024, 3, 1)},
        {"id": 2, "measure_id": 1, "phase": "in_home", "from_date": date(2024, 11, 4)},
    )
    goal = {
        "household_id": 1,
        "measure_id": 1,
        "version": 1,
        "progress": "",
        "attention_points": "",
    }
    add(
        m.Goal,
        {
            **goal,
            "id": 1,
            "domain": "housing",
            "wording": "Accéder à un logement social adapté à la famille",
            "strengths": "Demande de logement social à jour, très mobilisée",
            "status": "achieved",
            "opened_on": date(2024, 3, 5),
            "closed_on": date(2024, 11, 4),
        },
        {
            **goal,
            "id": 2,
            "domain": "budget",
            "wording": "Stabiliser le budget après l'entrée dans les lieux",
            "strengths": "",
            "status": "open",
            "opened_on": date(2024, 9, 2),
            "target_on": date(2025, 3, 1),
        },
    )
    add(
        m.SupportReview,
        {
            **created,
            "id": 1,
            "measure_id": 1,
            "kind": "interim",
            "period_start": date(2024, 3, 1),
            "period_end": date(2024, 5, 31),
            "due_on": date(2024, 6, 1),
            "written_on": date(2024, 6, 3),
            "sent_on": date(2024, 6, 5),
            "next_steps": "Relancer la demande de logement social.",
            "household_words": "",
            "version": 1,
        },
    )
    add(
        m.Contact,
        {
            **created,
            "id": 1,
            "household_id": 1,
            "measure_id": 1,
            "kind": "home_visit",
            "held_on": date(2024, 3, 12),
            "minutes": 60,
            "worker_id": 1,
            "next_appointment_on": date(2024, 3, 26),
            "version": 1,
        },
        {
            **created,
            "id": 2,
            "household_id": 1,
            "measure_id": 1,
            "kind": "no_show",
            "held_on": date(2024, 3, 26),
            "worker_id": 1,
            "version": 1,
        },
    )
    add(m.ContactPerson, {"contact_id": 1, "person_id": 1}, {"contact_id": 1, "person_id": 2})
    add(
        m.ContactTheme, {"contact_id": 1, "theme": "Logement"}, {"contact_id": 1, "theme": "Budget"}
    )
    add(
        m.Note,
        {
            "id": 2,
            "household_id": 1,
            "author_id": 1,
            "written_on": date(2024, 3, 12),
            "level": "shared",
            "text": "Visite du logement : chauffage à faire vérifier.",
            "contact_id": 1,
            "version": 1,
        },
    )
    add(
        m.CollectiveActivity,
        {
            **created,
            "id": 1,
            "residence_id": 1,
            "held_on": date(2024, 4, 4),
            "kind": "shared_meal",
            "title": "Repas de printemps",
            "host_id": 1,
            "version": 1,
        },
        {
            **created,
            "id": 2,
            "residence_id": 1,
            "held_on": date(2024, 4, 18),
            "kind": "health",
            "title": "Atelier prévention",
            "head_count": 7,
            "version": 1,
        },
    )
    add(m.ActivityAttendance, {"activity_id": 1, "person_id": 1})
    add(
        m.LiaisonEntry,
        {
            "id": 1,
            "residence_id": 1,
            "written_at": at,
            "author_id": 1,
            "text": "Clés du local vélo rendues.",
            "version": 1,
        },
    )
    add(m.LiaisonTag, {"entry_id": 1, "person_id": 1})
    add(
        m.ResidentAbsence,
        {
            "id": 1,
            "person_id": 1,
            "residence_id": 1,
            "kind": "hospital",
            "start_date": date(2024, 5, 2),
            "end_date": date(2024, 5, 9),
            "version": 1,
        },
    )
    add(
        m.ResidentGuest,
        {
            "id": 1,
            "household_id": 1,
            "residence_id": 1,
            "guest_name": "Fatou Diallo",
            "start_date": date(2024, 7, 1),
            "end_date": date(2024, 7, 15),
            "version": 1,
        },
    )
    add(
        m.Todo,
        {
            **created,
            "id": 1,
            "household_id": 1,
            "due_on": date(2024, 4, 15),
            "text": "Rappeler le CCAS pour l'aide à l'installation",
            "assigned_to": 1,
            "done_on": date(2024, 4, 14),
            "version": 1,
        },
        {
            **created,
            "id": 2,
            "due_on": date(2024, 5, 1),
            "text": "Préparer la réunion d'équipe",
            "assigned_to": 2,
            "version": 1,
        },
    )


def _insert_admission_samples(connection: Connection, at: datetime) -> None:
    """Release 0006_admissions: an admitted and a refused candidature, an application, offers."""

    def add(model: type[m.Base], *rows: dict[str, object]) -> None:
        for row in rows:
            connection.execute(insert(model).values(**row))

    created = {"created_at": at, "created_by": 1}
    add(
        m.Candidature,
        {
            **created,
            "id": 1,
            "household_id": 1,
            "programme_id": 1,
            "dwelling_id": 1,
            "siao_reference": "SIAO-69-2024-0012",
            "oriented_on": date(2024, 1, 8),
            "referrer": "siao",
            "referrer_partner_id": 1,
            "entry_situation": "emergency_shelter",
            "dalo_status": "non_dalo",
            "decision": "admitted",
            "decided_on": date(2024, 1, 19),
            "siao_answered_on": date(2024, 1, 19),
            "stay_id": 1,
            "version": 1,
        },
        {
            **created,
            "id": 2,
            "household_id": 1,
            "programme_id": 1,
            "oriented_on": date(2023, 11, 6),
            "referrer": "siao",
            "dalo_status": "non_dalo",
            "decision": "refused_structure",
            "decided_on": date(2023, 11, 20),
            "refusal_reason": "no_matching_place",
            "decision_note": "Aucun T3 libre avant l'été.",
            "siao_answered_on": date(2023, 11, 21),
            "version": 1,
        },
    )
    add(
        m.CandidatureStep,
        {"id": 1, "candidature_id": 1, "kind": "interview", "held_on": date(2024, 1, 12)},
        {
            "id": 2,
            "candidature_id": 1,
            "kind": "committee",
            "held_on": date(2024, 1, 18),
            "note": "Avis favorable",
        },
    )
    add(
        m.HousingApplication,
        {
            "id": 1,
            "household_id": 1,
            "number": "069012401234567",
            "filed_on": date(2023, 9, 1),
            "renewed_on": date(2024, 8, 20),
            "renewal_due_on": date(2025, 9, 1),
            "status": "satisfied",
            "dalo_filed_on": date(2024, 2, 1),
            "comed_decision_on": date(2024, 4, 11),
            "dalo_recognised": True,
            "version": 1,
        },
    )
    add(
        m.HousingOffer,
        {
            "id": 1,
            "household_id": 1,
            "application_id": 1,
            "offered_on": date(2024, 7, 2),
            "landlord": "Lyon Métropole Habitat",
            "commune": "Vénissieux",
            "typology": "t3",
            "rent": 48_500,
            "outcome": "refused_household",
            "outcome_on": date(2024, 7, 9),
            "reason": "Trop loin de l'école des enfants",
            "version": 1,
        },
        {
            "id": 2,
            "household_id": 1,
            "application_id": 1,
            "offered_on": date(2024, 10, 3),
            "landlord": "Grand Lyon Habitat",
            "commune": "Lyon 8e",
            "typology": "t3",
            "rent": 51_200,
            "outcome": "accepted",
            "outcome_on": date(2024, 10, 10),
            "version": 1,
        },
    )
    add(
        m.Rehousing,
        {
            **created,
            "id": 1,
            "household_id": 1,
            "offer_id": 2,
            "signed_on": date(2024, 11, 4),
            "landlord": "Grand Lyon Habitat",
            "sector": "social",
            "commune": "Lyon 8e",
            "destination": "social_housing",
            "measure_id": 1,
            "support_continues": True,
            "version": 1,
        },
    )


def _insert_report_samples(connection: Connection, at: datetime) -> None:
    """Release 0007_reports: staff of the pension, a frozen IML run with its file, a new run,
    a funder's grid with two versions."""

    def add(model: type[m.Base], *rows: dict[str, object]) -> None:
        for row in rows:
            connection.execute(insert(model).values(**row))

    add(
        m.StaffPeriod,
        {
            "id": 1,
            "programme_id": 2,
            "role": "Hôte",
            "fte_hundredths": 100,
            "start_date": date(2024, 1, 1),
        },
        {
            "id": 2,
            "programme_id": 2,
            "role": "Hôte suppléant",
            "fte_hundredths": 30,
            "start_date": date(2024, 1, 1),
            "end_date": date(2024, 6, 30),
        },
    )
    digest = hashlib.sha256(SAMPLE_RUN_FILE).hexdigest()
    add(
        m.DocumentContent,
        {"sha256": digest, "size": len(SAMPLE_RUN_FILE), "content": SAMPLE_RUN_FILE},
    )
    # Households behind each figure: code → ids sorted and delta-encoded, JSON, zlib.
    households = zlib.compress(
        json.dumps(
            {"households": [1], "households.stock_end": [1]}, separators=(",", ":")
        ).encode(),
        9,
    )
    run = {
        "kind": "iml",
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31),
        "programme_id": 1,
        "options": json.dumps(
            {"programme": "IML Lyon", "funder": "DDETS du Rhône", "method": "prorata_days"}
        ),
        "created_by": 1,
        "findings": json.dumps(
            [
                {
                    "check": "birth_date_missing",
                    "level": "W",
                    "household_id": 1,
                    "record": "person",
                    "record_id": 2,
                }
            ]
        ),
        "figures": json.dumps(
            {"households": "1", "occupancy_rate": "87.5", "access.mean_days": None}
        ),
        "households": households,
    }
    add(
        m.ReportRun,
        {
            **run,
            "id": 1,
            "created_at": at,
            "forced": False,
            "frozen_at": datetime(2025, 6, 3, 8, 0, tzinfo=UTC),
            "frozen_by": 1,
        },
        {**run, "id": 2, "created_at": datetime(2025, 6, 9, 9, 0, tzinfo=UTC), "forced": True},
    )
    add(
        m.ReportRunFile,
        {
            "run_id": 1,
            "name": "iml_2024-01-01_2024-12-31.xlsx",
            "media_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "sha256": digest,
            "size": len(SAMPLE_RUN_FILE),
        },
    )
    add(
        m.FunderGrid,
        {"id": 1, "name": "DDETS IML", "funder_id": 1, "created_at": at, "created_by": 1},
    )
    for number, content in enumerate(SAMPLE_GRID_FILES, start=1):
        grid_digest = hashlib.sha256(content).hexdigest()
        add(m.DocumentContent, {"sha256": grid_digest, "size": len(content), "content": content})
        add(
            m.FunderGridVersion,
            {
                "id": number,
                "grid_id": 1,
                "version": number,
                "file_name": f"grille_ddets_iml_{2023 + number}.xlsx",
                "sha256": grid_digest,
                "size": len(content),
                "added_at": at,
                "added_by": 1,
            },
        )
