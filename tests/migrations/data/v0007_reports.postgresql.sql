BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> 0001_initial

CREATE TABLE audit_anchor (
    id SERIAL NOT NULL, 
    purged_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    up_to_id BIGINT NOT NULL, 
    last_hash VARCHAR(64) NOT NULL, 
    purged_count INTEGER NOT NULL, 
    CONSTRAINT pk_audit_anchor PRIMARY KEY (id)
);

CREATE TABLE funder (
    id SERIAL NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_funder PRIMARY KEY (id), 
    CONSTRAINT ck_funder_kind_code CHECK (kind IN ('state_p177', 'state_p104', 'fnavdl', 'department_fsl', 'caf', 'ars', 'municipality', 'action_logement', 'social_landlord', 'other')), 
    CONSTRAINT uq_funder_name UNIQUE (name)
);

CREATE TABLE landlord (
    id SERIAL NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    phone VARCHAR(40), 
    email VARCHAR(200), 
    address VARCHAR(300), 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_landlord PRIMARY KEY (id), 
    CONSTRAINT ck_landlord_kind_code CHECK (kind IN ('private', 'social', 'other'))
);

CREATE TABLE organisation (
    id SERIAL NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    siret VARCHAR(14), 
    address VARCHAR(300), 
    postcode VARCHAR(10), 
    commune VARCHAR(100), 
    logo_sha256 VARCHAR(64), 
    agreements TEXT, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_organisation PRIMARY KEY (id), 
    CONSTRAINT ck_organisation_siret_length CHECK (siret IS NULL OR length(siret) = 14)
);

CREATE TABLE parameter (
    id SERIAL NOT NULL, 
    key VARCHAR(100) NOT NULL, 
    scope VARCHAR(100) NOT NULL, 
    valid_from DATE NOT NULL, 
    value TEXT NOT NULL, 
    CONSTRAINT pk_parameter PRIMARY KEY (id), 
    CONSTRAINT uq_parameter_key_scope_valid_from UNIQUE (key, scope, valid_from)
);

CREATE TABLE partner (
    id SERIAL NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    phone VARCHAR(40), 
    email VARCHAR(200), 
    address VARCHAR(300), 
    postcode VARCHAR(10), 
    commune VARCHAR(100), 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_partner PRIMARY KEY (id), 
    CONSTRAINT ck_partner_kind_code CHECK (kind IN ('siao', 'ccas', 'social_services', 'psychiatry', 'spip', 'caf', 'fsl', 'ccapex', 'landlord', 'legal_guardian', 'association', 'other'))
);

CREATE TABLE programme (
    id SERIAL NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    convention_reference VARCHAR(100), 
    convention_start DATE, 
    convention_end DATE, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_programme PRIMARY KEY (id), 
    CONSTRAINT ck_programme_kind_code CHECK (kind IN ('iml_sublease', 'iml_mandate', 'sliding_lease', 'boarding_house', 'reception_residence', 'avdl', 'asll')), 
    CONSTRAINT ck_programme_convention_end_after_convention_start CHECK (convention_end IS NULL OR convention_end >= convention_start), 
    CONSTRAINT uq_programme_name UNIQUE (name)
);

CREATE TABLE user_account (
    id SERIAL NOT NULL, 
    login VARCHAR(100) NOT NULL, 
    display_name VARCHAR(200) NOT NULL, 
    password_hash VARCHAR(300), 
    active BOOLEAN NOT NULL, 
    valid_until DATE, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    recovery_code_hash VARCHAR(300), 
    must_change_password BOOLEAN NOT NULL, 
    failed_logins INTEGER NOT NULL, 
    last_failed_at TIMESTAMP WITH TIME ZONE, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_user_account PRIMARY KEY (id), 
    CONSTRAINT ck_user_account_failed_logins_positive CHECK (failed_logins >= 0), 
    CONSTRAINT uq_user_account_login UNIQUE (login)
);

CREATE TABLE audit_event (
    id SERIAL NOT NULL, 
    at TIMESTAMP WITH TIME ZONE NOT NULL, 
    user_id INTEGER, 
    actor VARCHAR(100) NOT NULL, 
    action VARCHAR(40) NOT NULL, 
    entity VARCHAR(60), 
    entity_id BIGINT, 
    household_id BIGINT, 
    fields TEXT, 
    count INTEGER, 
    reason TEXT, 
    previous_hash VARCHAR(64) NOT NULL, 
    hash VARCHAR(64) NOT NULL, 
    CONSTRAINT pk_audit_event PRIMARY KEY (id), 
    CONSTRAINT fk_audit_event_user_id_user_account FOREIGN KEY(user_id) REFERENCES user_account (id), 
    CONSTRAINT uq_audit_event_hash UNIQUE (hash)
);

CREATE INDEX ix_audit_event_at ON audit_event (at);

CREATE INDEX ix_audit_event_household_id ON audit_event (household_id);

CREATE TABLE delegation (
    id SERIAL NOT NULL, 
    from_user_id INTEGER NOT NULL, 
    to_user_id INTEGER NOT NULL, 
    start_date DATE NOT NULL, 
    end_date DATE NOT NULL, 
    CONSTRAINT pk_delegation PRIMARY KEY (id), 
    CONSTRAINT ck_delegation_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT ck_delegation_not_to_oneself CHECK (from_user_id <> to_user_id), 
    CONSTRAINT fk_delegation_from_user_id_user_account FOREIGN KEY(from_user_id) REFERENCES user_account (id) ON DELETE CASCADE, 
    CONSTRAINT fk_delegation_to_user_id_user_account FOREIGN KEY(to_user_id) REFERENCES user_account (id) ON DELETE CASCADE
);

CREATE INDEX ix_delegation_to_user_id ON delegation (to_user_id);

CREATE TABLE household (
    id SERIAL NOT NULL, 
    reference VARCHAR(50) NOT NULL, 
    key_worker_id INTEGER, 
    address VARCHAR(300), 
    postcode VARCHAR(10), 
    commune VARCHAR(100), 
    domiciliation VARCHAR(300), 
    protected BOOLEAN NOT NULL, 
    do_not_inform TEXT, 
    archived_on DATE, 
    search_text TEXT NOT NULL, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_household PRIMARY KEY (id), 
    CONSTRAINT fk_household_key_worker_id_user_account FOREIGN KEY(key_worker_id) REFERENCES user_account (id), 
    CONSTRAINT uq_household_reference UNIQUE (reference)
);

CREATE INDEX ix_household_key_worker_id ON household (key_worker_id);

CREATE TABLE partner_contact (
    id SERIAL NOT NULL, 
    partner_id INTEGER NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    position VARCHAR(200), 
    phone VARCHAR(40), 
    email VARCHAR(200), 
    CONSTRAINT pk_partner_contact PRIMARY KEY (id), 
    CONSTRAINT fk_partner_contact_partner_id_partner FOREIGN KEY(partner_id) REFERENCES partner (id) ON DELETE CASCADE
);

CREATE TABLE person (
    id SERIAL NOT NULL, 
    last_name VARCHAR(100) NOT NULL, 
    first_name VARCHAR(100) NOT NULL, 
    birth_date DATE, 
    sex VARCHAR(40) NOT NULL, 
    nationality VARCHAR(40) NOT NULL, 
    residence_permit_expiry DATE, 
    phone VARCHAR(40), 
    email VARCHAR(200), 
    language VARCHAR(100), 
    interpreter_needed BOOLEAN NOT NULL, 
    benefit_agency VARCHAR(40), 
    allocataire_number VARCHAR(20), 
    legal_protection VARCHAR(40) NOT NULL, 
    mandataire_id INTEGER, 
    emergency_contact VARCHAR(300), 
    emergency_contact_consent BOOLEAN NOT NULL, 
    search_name VARCHAR(210) NOT NULL, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_person PRIMARY KEY (id), 
    CONSTRAINT ck_person_benefit_agency_code CHECK (benefit_agency IS NULL OR benefit_agency IN ('caf', 'msa')), 
    CONSTRAINT ck_person_legal_protection_code CHECK (legal_protection IN ('none', 'safeguard', 'curatorship', 'reinforced_curatorship', 'guardianship', 'masp', 'maj')), 
    CONSTRAINT ck_person_nationality_code CHECK (nationality IN ('fr', 'eu', 'non_eu', 'unknown')), 
    CONSTRAINT ck_person_sex_code CHECK (sex IN ('f', 'h', 'unknown')), 
    CONSTRAINT ck_person_emergency_contact_needs_consent CHECK (emergency_contact IS NULL OR emergency_contact_consent), 
    CONSTRAINT fk_person_mandataire_id_partner FOREIGN KEY(mandataire_id) REFERENCES partner (id)
);

CREATE INDEX ix_person_birth_date ON person (birth_date);

CREATE INDEX ix_person_search_name ON person (search_name);

CREATE TABLE programme_capacity (
    id SERIAL NOT NULL, 
    programme_id INTEGER NOT NULL, 
    valid_from DATE NOT NULL, 
    dwellings INTEGER, 
    places INTEGER, 
    CONSTRAINT pk_programme_capacity PRIMARY KEY (id), 
    CONSTRAINT ck_programme_capacity_dwellings_positive CHECK (dwellings IS NULL OR dwellings >= 0), 
    CONSTRAINT ck_programme_capacity_places_positive CHECK (places IS NULL OR places >= 0), 
    CONSTRAINT fk_programme_capacity_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id) ON DELETE CASCADE, 
    CONSTRAINT uq_programme_capacity_programme_id_valid_from UNIQUE (programme_id, valid_from)
);

CREATE TABLE programme_funder (
    programme_id INTEGER NOT NULL, 
    funder_id INTEGER NOT NULL, 
    CONSTRAINT pk_programme_funder PRIMARY KEY (programme_id, funder_id), 
    CONSTRAINT fk_programme_funder_funder_id_funder FOREIGN KEY(funder_id) REFERENCES funder (id), 
    CONSTRAINT fk_programme_funder_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id) ON DELETE CASCADE
);

CREATE TABLE residence (
    id SERIAL NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    programme_id INTEGER, 
    address VARCHAR(300), 
    postcode VARCHAR(10), 
    commune VARCHAR(100), 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_residence PRIMARY KEY (id), 
    CONSTRAINT fk_residence_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id), 
    CONSTRAINT uq_residence_name UNIQUE (name)
);

CREATE TABLE change_history (
    id SERIAL NOT NULL, 
    at TIMESTAMP WITH TIME ZONE NOT NULL, 
    user_id INTEGER, 
    household_id INTEGER, 
    entity VARCHAR(60) NOT NULL, 
    entity_id BIGINT NOT NULL, 
    field VARCHAR(60) NOT NULL, 
    old_value VARCHAR(100), 
    new_value VARCHAR(100), 
    CONSTRAINT pk_change_history PRIMARY KEY (id), 
    CONSTRAINT fk_change_history_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_change_history_user_id_user_account FOREIGN KEY(user_id) REFERENCES user_account (id)
);

CREATE INDEX ix_change_history_household_id_at ON change_history (household_id, at);

CREATE TABLE dwelling (
    id SERIAL NOT NULL, 
    reference VARCHAR(50) NOT NULL, 
    address VARCHAR(300) NOT NULL, 
    postcode VARCHAR(10), 
    commune VARCHAR(100) NOT NULL, 
    typology VARCHAR(40), 
    surface_m2 NUMERIC(7, 2), 
    sector VARCHAR(40), 
    landlord_id INTEGER, 
    programme_id INTEGER NOT NULL, 
    residence_id INTEGER, 
    lots INTEGER NOT NULL, 
    places INTEGER NOT NULL, 
    captured_on DATE, 
    returned_on DATE, 
    dpe_class VARCHAR(1), 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_dwelling PRIMARY KEY (id), 
    CONSTRAINT ck_dwelling_dpe_class_code CHECK (dpe_class IS NULL OR dpe_class IN ('A', 'B', 'C', 'D', 'E', 'F', 'G')), 
    CONSTRAINT ck_dwelling_sector_code CHECK (sector IS NULL OR sector IN ('private', 'social')), 
    CONSTRAINT ck_dwelling_typology_code CHECK (typology IS NULL OR typology IN ('room', 'studio', 't1', 't1bis', 't2', 't3', 't4', 't5plus')), 
    CONSTRAINT ck_dwelling_lots_positive CHECK (lots >= 1), 
    CONSTRAINT ck_dwelling_places_positive CHECK (places >= 0), 
    CONSTRAINT ck_dwelling_returned_on_after_captured_on CHECK (returned_on IS NULL OR returned_on >= captured_on), 
    CONSTRAINT ck_dwelling_surface_positive CHECK (surface_m2 IS NULL OR surface_m2 > 0), 
    CONSTRAINT fk_dwelling_landlord_id_landlord FOREIGN KEY(landlord_id) REFERENCES landlord (id), 
    CONSTRAINT fk_dwelling_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id), 
    CONSTRAINT fk_dwelling_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id), 
    CONSTRAINT uq_dwelling_reference UNIQUE (reference)
);

CREATE INDEX ix_dwelling_programme_id ON dwelling (programme_id);

CREATE TABLE household_co_worker (
    household_id INTEGER NOT NULL, 
    user_id INTEGER NOT NULL, 
    CONSTRAINT pk_household_co_worker PRIMARY KEY (household_id, user_id), 
    CONSTRAINT fk_household_co_worker_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_household_co_worker_user_id_user_account FOREIGN KEY(user_id) REFERENCES user_account (id)
);

CREATE TABLE household_partner (
    household_id INTEGER NOT NULL, 
    partner_id INTEGER NOT NULL, 
    role VARCHAR(200), 
    CONSTRAINT pk_household_partner PRIMARY KEY (household_id, partner_id), 
    CONSTRAINT fk_household_partner_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_household_partner_partner_id_partner FOREIGN KEY(partner_id) REFERENCES partner (id)
);

CREATE TABLE membership (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    person_id INTEGER NOT NULL, 
    role VARCHAR(40) NOT NULL, 
    joined_on DATE NOT NULL, 
    left_on DATE, 
    CONSTRAINT pk_membership PRIMARY KEY (id), 
    CONSTRAINT ck_membership_role_code CHECK (role IN ('head', 'partner', 'child', 'visiting_child', 'other')), 
    CONSTRAINT ck_membership_left_on_after_joined_on CHECK (left_on IS NULL OR left_on >= joined_on), 
    CONSTRAINT fk_membership_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_membership_person_id_person FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_membership_household_id ON membership (household_id);

CREATE INDEX ix_membership_person_id ON membership (person_id);

CREATE TABLE note (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    author_id INTEGER, 
    written_on DATE NOT NULL, 
    level VARCHAR(40) NOT NULL, 
    text TEXT NOT NULL, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_note PRIMARY KEY (id), 
    CONSTRAINT ck_note_level_code CHECK (level IN ('shared', 'confidential', 'health')), 
    CONSTRAINT fk_note_author_id_user_account FOREIGN KEY(author_id) REFERENCES user_account (id), 
    CONSTRAINT fk_note_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE
);

CREATE INDEX ix_note_household_id ON note (household_id);

CREATE TABLE person_resource (
    id SERIAL NOT NULL, 
    person_id INTEGER NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    monthly_amount BIGINT, 
    valid_from DATE, 
    valid_until DATE, 
    CONSTRAINT pk_person_resource PRIMARY KEY (id), 
    CONSTRAINT ck_person_resource_kind_code CHECK (kind IN ('rsa', 'aah', 'salary', 'are', 'pension', 'activity_bonus', 'disability', 'youth', 'none', 'other')), 
    CONSTRAINT ck_person_resource_amount_positive CHECK (monthly_amount IS NULL OR monthly_amount >= 0), 
    CONSTRAINT ck_person_resource_valid_until_after_valid_from CHECK (valid_until IS NULL OR valid_until >= valid_from), 
    CONSTRAINT fk_person_resource_person_id_person FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_person_resource_person_id ON person_resource (person_id);

CREATE TABLE residence_host (
    residence_id INTEGER NOT NULL, 
    user_id INTEGER NOT NULL, 
    CONSTRAINT pk_residence_host PRIMARY KEY (residence_id, user_id), 
    CONSTRAINT fk_residence_host_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id) ON DELETE CASCADE, 
    CONSTRAINT fk_residence_host_user_id_user_account FOREIGN KEY(user_id) REFERENCES user_account (id)
);

CREATE TABLE residence_places (
    id SERIAL NOT NULL, 
    residence_id INTEGER NOT NULL, 
    valid_from DATE NOT NULL, 
    places INTEGER NOT NULL, 
    CONSTRAINT pk_residence_places PRIMARY KEY (id), 
    CONSTRAINT ck_residence_places_places_positive CHECK (places >= 0), 
    CONSTRAINT fk_residence_places_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id) ON DELETE CASCADE, 
    CONSTRAINT uq_residence_places_residence_id_valid_from UNIQUE (residence_id, valid_from)
);

CREATE TABLE stay (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    programme_id INTEGER NOT NULL, 
    entry_date DATE NOT NULL, 
    exit_date DATE, 
    entry_situation VARCHAR(40) NOT NULL, 
    referrer VARCHAR(40), 
    referrer_partner_id INTEGER, 
    dalo_status VARCHAR(40) NOT NULL, 
    siao_reference VARCHAR(50), 
    destination VARCHAR(40), 
    exit_reason VARCHAR(40), 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_stay PRIMARY KEY (id), 
    CONSTRAINT ck_stay_dalo_status_code CHECK (dalo_status IN ('dalo_priority', 'non_dalo')), 
    CONSTRAINT ck_stay_destination_code CHECK (destination IS NULL OR destination IN ('social_housing', 'private_housing', 'slid', 'supported_housing', 'other_iml', 'temporary_housing', 'shelter', 'third_party', 'street', 'medico_social', 'hospital', 'prison', 'kept_home', 'death', 'unknown')), 
    CONSTRAINT ck_stay_entry_situation_code CHECK (entry_situation IN ('street', 'emergency_shelter', 'insertion_shelter', 'asylum', 'hotel_115', 'temporary_housing', 'third_party', 'squat', 'unfit_housing', 'threatened_home', 'prison_exit', 'hospital_exit', 'care_exit', 'other', 'unknown')), 
    CONSTRAINT ck_stay_exit_reason_code CHECK (exit_reason IS NULL OR exit_reason IN ('project_achieved', 'household_choice', 'end_of_support', 'reorientation', 'lost_contact', 'termination', 'eviction', 'death', 'other', 'unknown')), 
    CONSTRAINT ck_stay_referrer_code CHECK (referrer IS NULL OR referrer IN ('siao', 'comed', 'state', 'social_services', 'ccas', 'landlord', 'shelter', 'psychiatry', 'spip', 'ccapex', 'fsl', 'action_logement', 'other')), 
    CONSTRAINT ck_stay_exit_details_need_exit CHECK (exit_date IS NOT NULL OR (destination IS NULL AND exit_reason IS NULL)), 
    CONSTRAINT ck_stay_exit_date_after_entry_date CHECK (exit_date IS NULL OR exit_date >= entry_date), 
    CONSTRAINT fk_stay_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_stay_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id), 
    CONSTRAINT fk_stay_referrer_partner_id_partner FOREIGN KEY(referrer_partner_id) REFERENCES partner (id)
);

CREATE INDEX ix_stay_household_id ON stay (household_id);

CREATE INDEX ix_stay_programme_id_entry_date ON stay (programme_id, entry_date);

CREATE TABLE user_role (
    id SERIAL NOT NULL, 
    user_id INTEGER NOT NULL, 
    role VARCHAR(40) NOT NULL, 
    programme_id INTEGER, 
    residence_id INTEGER, 
    CONSTRAINT pk_user_role PRIMARY KEY (id), 
    CONSTRAINT ck_user_role_role_code CHECK (role IN ('social_worker', 'host', 'rental_manager', 'coordinator', 'director', 'tech_admin', 'secretary', 'intern', 'volunteer')), 
    CONSTRAINT ck_user_role_one_scope_at_most CHECK (programme_id IS NULL OR residence_id IS NULL), 
    CONSTRAINT fk_user_role_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id), 
    CONSTRAINT fk_user_role_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id), 
    CONSTRAINT fk_user_role_user_id_user_account FOREIGN KEY(user_id) REFERENCES user_account (id) ON DELETE CASCADE
);

CREATE INDEX ix_user_role_user_id ON user_role (user_id);

CREATE TABLE main_lease (
    id SERIAL NOT NULL, 
    dwelling_id INTEGER NOT NULL, 
    landlord_id INTEGER, 
    start_date DATE NOT NULL, 
    end_date DATE, 
    notice_date DATE, 
    rent BIGINT NOT NULL, 
    charges BIGINT NOT NULL, 
    has_sliding_clause BOOLEAN NOT NULL, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_main_lease PRIMARY KEY (id), 
    CONSTRAINT ck_main_lease_charges_positive CHECK (charges >= 0), 
    CONSTRAINT ck_main_lease_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT ck_main_lease_rent_positive CHECK (rent >= 0), 
    CONSTRAINT fk_main_lease_dwelling_id_dwelling FOREIGN KEY(dwelling_id) REFERENCES dwelling (id), 
    CONSTRAINT fk_main_lease_landlord_id_landlord FOREIGN KEY(landlord_id) REFERENCES landlord (id)
);

CREATE INDEX ix_main_lease_dwelling_id ON main_lease (dwelling_id);

CREATE TABLE note_person (
    note_id INTEGER NOT NULL, 
    person_id INTEGER NOT NULL, 
    CONSTRAINT pk_note_person PRIMARY KEY (note_id, person_id), 
    CONSTRAINT fk_note_person_note_id_note FOREIGN KEY(note_id) REFERENCES note (id) ON DELETE CASCADE, 
    CONSTRAINT fk_note_person_person_id_person FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE TABLE occupancy_contract (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    dwelling_id INTEGER NOT NULL, 
    stay_id INTEGER, 
    kind VARCHAR(40) NOT NULL, 
    start_date DATE NOT NULL, 
    end_date DATE, 
    renewal_date DATE, 
    state VARCHAR(40) NOT NULL, 
    end_reason VARCHAR(300), 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_occupancy_contract PRIMARY KEY (id), 
    CONSTRAINT ck_occupancy_contract_kind_code CHECK (kind IN ('sublease', 'sliding_sublease', 'lease_mandate', 'residence_agreement')), 
    CONSTRAINT ck_occupancy_contract_state_code CHECK (state IN ('active', 'terminated_occupant', 'ended')), 
    CONSTRAINT ck_occupancy_contract_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT fk_occupancy_contract_dwelling_id_dwelling FOREIGN KEY(dwelling_id) REFERENCES dwelling (id), 
    CONSTRAINT fk_occupancy_contract_household_id_household FOREIGN KEY(household_id) REFERENCES household (id), 
    CONSTRAINT fk_occupancy_contract_stay_id_stay FOREIGN KEY(stay_id) REFERENCES stay (id)
);

CREATE INDEX ix_occupancy_contract_dwelling_id ON occupancy_contract (dwelling_id);

CREATE INDEX ix_occupancy_contract_household_id ON occupancy_contract (household_id);

CREATE TABLE vacancy_period (
    id SERIAL NOT NULL, 
    dwelling_id INTEGER NOT NULL, 
    start_date DATE NOT NULL, 
    end_date DATE, 
    reason VARCHAR(40) NOT NULL, 
    neutralised BOOLEAN NOT NULL, 
    CONSTRAINT pk_vacancy_period PRIMARY KEY (id), 
    CONSTRAINT ck_vacancy_period_reason_code CHECK (reason IN ('works', 'awaiting_orientation', 'candidates_refused', 'refurbishment', 'return_in_progress', 'disaster', 'other')), 
    CONSTRAINT ck_vacancy_period_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT fk_vacancy_period_dwelling_id_dwelling FOREIGN KEY(dwelling_id) REFERENCES dwelling (id) ON DELETE CASCADE
);

CREATE INDEX ix_vacancy_period_dwelling_id ON vacancy_period (dwelling_id);

CREATE TABLE benefit_status (
    id SERIAL NOT NULL, 
    contract_id INTEGER NOT NULL, 
    valid_from DATE NOT NULL, 
    status VARCHAR(40) NOT NULL, 
    CONSTRAINT pk_benefit_status PRIMARY KEY (id), 
    CONSTRAINT ck_benefit_status_status_code CHECK (status IN ('paid', 'suspended', 'ended', 'withheld_non_decency')), 
    CONSTRAINT fk_benefit_status_contract_id_occupancy_contract FOREIGN KEY(contract_id) REFERENCES occupancy_contract (id) ON DELETE CASCADE, 
    CONSTRAINT uq_benefit_status_contract_id_valid_from UNIQUE (contract_id, valid_from)
);

CREATE TABLE rent_rate (
    id SERIAL NOT NULL, 
    contract_id INTEGER NOT NULL, 
    valid_from DATE NOT NULL, 
    rent BIGINT NOT NULL, 
    charges BIGINT NOT NULL, 
    mandatory_services BIGINT NOT NULL, 
    optional_services BIGINT NOT NULL, 
    expected_benefit BIGINT NOT NULL, 
    tiers_payant BOOLEAN NOT NULL, 
    due_day INTEGER NOT NULL, 
    CONSTRAINT pk_rent_rate PRIMARY KEY (id), 
    CONSTRAINT ck_rent_rate_due_day_in_month CHECK (due_day BETWEEN 1 AND 31), 
    CONSTRAINT ck_rent_rate_amounts_positive CHECK (rent >= 0 AND charges >= 0 AND mandatory_services >= 0 AND optional_services >= 0 AND expected_benefit >= 0), 
    CONSTRAINT fk_rent_rate_contract_id_occupancy_contract FOREIGN KEY(contract_id) REFERENCES occupancy_contract (id) ON DELETE CASCADE, 
    CONSTRAINT uq_rent_rate_contract_id_valid_from UNIQUE (contract_id, valid_from)
);

CREATE TABLE sliding_plan (
    id SERIAL NOT NULL, 
    contract_id INTEGER NOT NULL, 
    convention_signed_on DATE, 
    review_period_months INTEGER NOT NULL, 
    max_months INTEGER NOT NULL, 
    caleol_date DATE, 
    caleol_decision VARCHAR(300), 
    planned_on DATE, 
    slid_on DATE, 
    outcome VARCHAR(40) NOT NULL, 
    failure_reason VARCHAR(40), 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_sliding_plan PRIMARY KEY (id), 
    CONSTRAINT ck_sliding_plan_failure_reason_code CHECK (failure_reason IS NULL OR failure_reason IN ('household_not_ready', 'landlord_refuses', 'household_refuses', 'internal_transfer')), 
    CONSTRAINT ck_sliding_plan_slid_needs_date CHECK (outcome <> 'slid' OR slid_on IS NOT NULL), 
    CONSTRAINT ck_sliding_plan_outcome_code CHECK (outcome IN ('in_progress', 'slid', 'extended', 'failed')), 
    CONSTRAINT ck_sliding_plan_max_months_positive CHECK (max_months > 0), 
    CONSTRAINT ck_sliding_plan_review_period_positive CHECK (review_period_months > 0), 
    CONSTRAINT fk_sliding_plan_contract_id_occupancy_contract FOREIGN KEY(contract_id) REFERENCES occupancy_contract (id) ON DELETE CASCADE, 
    CONSTRAINT uq_sliding_plan_contract_id UNIQUE (contract_id)
);

CREATE TABLE sliding_review (
    id SERIAL NOT NULL, 
    plan_id INTEGER NOT NULL, 
    review_date DATE NOT NULL, 
    participants VARCHAR(500), 
    rent_paid_regularly BOOLEAN, 
    peaceful_occupation BOOLEAN, 
    tenant_obligations BOOLEAN, 
    administrative_autonomy BOOLEAN, 
    opinion VARCHAR(40) NOT NULL, 
    CONSTRAINT pk_sliding_review PRIMARY KEY (id), 
    CONSTRAINT ck_sliding_review_opinion_code CHECK (opinion IN ('favourable', 'extend', 'unfavourable')), 
    CONSTRAINT fk_sliding_review_plan_id_sliding_plan FOREIGN KEY(plan_id) REFERENCES sliding_plan (id) ON DELETE CASCADE
);

INSERT INTO alembic_version (version_num) VALUES ('0001_initial') RETURNING alembic_version.version_num;

-- Running upgrade 0001_initial -> 0002_documents

CREATE TABLE document_content (
    sha256 CHAR(64) NOT NULL, 
    size INTEGER NOT NULL, 
    content BYTEA NOT NULL, 
    CONSTRAINT pk_document_content PRIMARY KEY (sha256), 
    CONSTRAINT ck_document_content_sha256_length CHECK (length(sha256) = 64), 
    CONSTRAINT ck_document_content_size_positive CHECK (size > 0)
);

CREATE TABLE document (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    contract_id INTEGER, 
    dwelling_id INTEGER, 
    kind VARCHAR(40) NOT NULL, 
    title VARCHAR(200) NOT NULL, 
    file_name VARCHAR(255) NOT NULL, 
    media_type VARCHAR(100) NOT NULL, 
    sha256 CHAR(64) NOT NULL, 
    size INTEGER NOT NULL, 
    dated_on DATE NOT NULL, 
    expires_on DATE, 
    added_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    added_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_document PRIMARY KEY (id), 
    CONSTRAINT ck_document_kind_code CHECK (kind IN ('inventory_in', 'inventory_out', 'insurance', 'contract', 'tripartite_convention', 'house_rules', 'letter', 'other')), 
    CONSTRAINT ck_document_expires_on_after_dated_on CHECK (expires_on IS NULL OR expires_on >= dated_on), 
    CONSTRAINT ck_document_size_positive CHECK (size > 0), 
    CONSTRAINT fk_document_added_by_user_account FOREIGN KEY(added_by) REFERENCES user_account (id), 
    CONSTRAINT fk_document_contract_id_occupancy_contract FOREIGN KEY(contract_id) REFERENCES occupancy_contract (id), 
    CONSTRAINT fk_document_dwelling_id_dwelling FOREIGN KEY(dwelling_id) REFERENCES dwelling (id), 
    CONSTRAINT fk_document_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_document_sha256_document_content FOREIGN KEY(sha256) REFERENCES document_content (sha256)
);

CREATE INDEX ix_document_household_id_kind ON document (household_id, kind);

CREATE INDEX ix_document_sha256 ON document (sha256);

UPDATE alembic_version SET version_num='0002_documents' WHERE alembic_version.version_num = '0001_initial';

-- Running upgrade 0002_documents -> 0003_ledger

CREATE TABLE benefit_batch (
    id SERIAL NOT NULL, 
    agency VARCHAR(40) NOT NULL, 
    received_on DATE NOT NULL, 
    transfer_reference VARCHAR(100), 
    total BIGINT NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    CONSTRAINT pk_benefit_batch PRIMARY KEY (id), 
    CONSTRAINT ck_benefit_batch_agency_code CHECK (agency IN ('caf', 'msa')), 
    CONSTRAINT fk_benefit_batch_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id)
);

CREATE INDEX ix_benefit_batch_received_on ON benefit_batch (received_on);

CREATE TABLE month_closing (
    period_month DATE NOT NULL, 
    closed_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    closed_by INTEGER, 
    CONSTRAINT pk_month_closing PRIMARY KEY (period_month), 
    CONSTRAINT fk_month_closing_closed_by_user_account FOREIGN KEY(closed_by) REFERENCES user_account (id)
);

CREATE TABLE issued_document (
    id SERIAL NOT NULL, 
    contract_id INTEGER NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    number VARCHAR(40) NOT NULL, 
    period_month DATE, 
    period_end DATE, 
    amount BIGINT NOT NULL, 
    sha256 CHAR(64), 
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    issued_by INTEGER, 
    CONSTRAINT pk_issued_document PRIMARY KEY (id), 
    CONSTRAINT ck_issued_document_kind_code CHECK (kind IN ('notice', 'quittance', 'receipt', 'services_invoice', 'statement')), 
    CONSTRAINT fk_issued_document_contract_id_occupancy_contract FOREIGN KEY(contract_id) REFERENCES occupancy_contract (id), 
    CONSTRAINT fk_issued_document_issued_by_user_account FOREIGN KEY(issued_by) REFERENCES user_account (id), 
    CONSTRAINT uq_issued_document_number UNIQUE (number)
);

CREATE INDEX ix_issued_document_contract_id_period_month ON issued_document (contract_id, period_month);

CREATE TABLE ledger_entry (
    id SERIAL NOT NULL, 
    contract_id INTEGER NOT NULL, 
    posted_on DATE NOT NULL, 
    period_month DATE, 
    kind VARCHAR(40) NOT NULL, 
    nature VARCHAR(40), 
    amount BIGINT NOT NULL, 
    generated BOOLEAN NOT NULL, 
    payer VARCHAR(100), 
    method VARCHAR(40), 
    reference VARCHAR(100), 
    batch_id INTEGER, 
    reverses_id INTEGER, 
    reason VARCHAR(300), 
    first_default_on DATE, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    CONSTRAINT pk_ledger_entry PRIMARY KEY (id), 
    CONSTRAINT ck_ledger_entry_reversal_links_its_entry CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)), 
    CONSTRAINT ck_ledger_entry_amount_sign CHECK (amount <> 0 AND (amount > 0 OR kind IN ('adjustment', 'housing_benefit'))), 
    CONSTRAINT ck_ledger_entry_charge_has_nature_and_month CHECK (kind <> 'charge' OR (nature IS NOT NULL AND period_month IS NOT NULL)), 
    CONSTRAINT ck_ledger_entry_opening_balance_has_first_default CHECK (kind <> 'opening_balance' OR first_default_on IS NOT NULL), 
    CONSTRAINT ck_ledger_entry_kind_code CHECK (kind IN ('charge', 'housing_benefit', 'household_payment', 'fsl_aid', 'other_aid', 'deposit_applied', 'adjustment', 'remission', 'irrecoverable', 'debt_erased', 'reversal', 'opening_balance')), 
    CONSTRAINT ck_ledger_entry_method_code CHECK (method IS NULL OR method IN ('transfer', 'direct_debit', 'cheque', 'cash', 'card', 'money_order', 'other')), 
    CONSTRAINT ck_ledger_entry_nature_code CHECK (nature IS NULL OR nature IN ('rent', 'charges', 'mandatory_services', 'optional_services', 'damage', 'fees', 'occupation_indemnity')), 
    CONSTRAINT fk_ledger_entry_batch_id_benefit_batch FOREIGN KEY(batch_id) REFERENCES benefit_batch (id), 
    CONSTRAINT fk_ledger_entry_contract_id_occupancy_contract FOREIGN KEY(contract_id) REFERENCES occupancy_contract (id), 
    CONSTRAINT fk_ledger_entry_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_ledger_entry_reverses_id_ledger_entry FOREIGN KEY(reverses_id) REFERENCES ledger_entry (id), 
    CONSTRAINT uq_ledger_entry_reverses_id UNIQUE (reverses_id)
);

CREATE INDEX ix_ledger_entry_batch_id ON ledger_entry (batch_id);

CREATE INDEX ix_ledger_entry_contract_id_period_month ON ledger_entry (contract_id, period_month);

CREATE UNIQUE INDEX uq_ledger_entry_generated_charge ON ledger_entry (contract_id, period_month, nature) WHERE generated;

CREATE TABLE arrears_action (
    id SERIAL NOT NULL, 
    contract_id INTEGER NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    action_date DATE NOT NULL, 
    outcome VARCHAR(100), 
    amount BIGINT, 
    delivered_on DATE, 
    detail TEXT, 
    document_id INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_arrears_action PRIMARY KEY (id), 
    CONSTRAINT ck_arrears_action_kind_code CHECK (kind IN ('reminder_call', 'reminder_letter', 'formal_notice', 'repayment_plan', 'caf_report', 'caf_or_ccapex_decision', 'fsl_application', 'ccapex_referral', 'payment_order', 'summons', 'hearing', 'judgment', 'order_to_leave', 'police_assistance', 'departure', 'overindebtedness')), 
    CONSTRAINT ck_arrears_action_delivered_on_after_action_date CHECK (delivered_on IS NULL OR delivered_on >= action_date), 
    CONSTRAINT fk_arrears_action_contract_id_occupancy_contract FOREIGN KEY(contract_id) REFERENCES occupancy_contract (id), 
    CONSTRAINT fk_arrears_action_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_arrears_action_document_id_document FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE SET NULL
);

CREATE INDEX ix_arrears_action_contract_id_action_date ON arrears_action (contract_id, action_date);

CREATE TABLE deposit_entry (
    id SERIAL NOT NULL, 
    contract_id INTEGER NOT NULL, 
    posted_on DATE NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    amount BIGINT NOT NULL, 
    reference VARCHAR(100), 
    ledger_entry_id INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    CONSTRAINT pk_deposit_entry PRIMARY KEY (id), 
    CONSTRAINT ck_deposit_entry_kind_code CHECK (kind IN ('received', 'applied', 'refunded', 'transferred')), 
    CONSTRAINT ck_deposit_entry_amount_positive CHECK (amount > 0), 
    CONSTRAINT fk_deposit_entry_contract_id_occupancy_contract FOREIGN KEY(contract_id) REFERENCES occupancy_contract (id), 
    CONSTRAINT fk_deposit_entry_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_deposit_entry_ledger_entry_id_ledger_entry FOREIGN KEY(ledger_entry_id) REFERENCES ledger_entry (id)
);

CREATE INDEX ix_deposit_entry_contract_id ON deposit_entry (contract_id);

CREATE TABLE repayment_instalment (
    id SERIAL NOT NULL, 
    action_id INTEGER NOT NULL, 
    due_on DATE NOT NULL, 
    amount BIGINT NOT NULL, 
    CONSTRAINT pk_repayment_instalment PRIMARY KEY (id), 
    CONSTRAINT ck_repayment_instalment_amount_positive CHECK (amount > 0), 
    CONSTRAINT fk_repayment_instalment_action_id_arrears_action FOREIGN KEY(action_id) REFERENCES arrears_action (id) ON DELETE CASCADE, 
    CONSTRAINT uq_repayment_instalment_action_id_due_on UNIQUE (action_id, due_on)
);

UPDATE alembic_version SET version_num='0003_ledger' WHERE alembic_version.version_num = '0002_documents';

-- Running upgrade 0003_ledger -> 0004_import

ALTER TABLE deposit_entry ADD COLUMN import_reference VARCHAR(100);

CREATE INDEX ix_deposit_entry_import_reference ON deposit_entry (import_reference);

ALTER TABLE ledger_entry ADD COLUMN import_reference VARCHAR(100);

CREATE INDEX ix_ledger_entry_import_reference ON ledger_entry (import_reference);

UPDATE alembic_version SET version_num='0004_import' WHERE alembic_version.version_num = '0003_ledger';

-- Running upgrade 0004_import -> 0005_support

CREATE TABLE collective_activity (
    id SERIAL NOT NULL, 
    residence_id INTEGER NOT NULL, 
    held_on DATE NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    title VARCHAR(200) NOT NULL, 
    host_id INTEGER, 
    head_count INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_collective_activity PRIMARY KEY (id), 
    CONSTRAINT ck_collective_activity_kind_code CHECK (kind IN ('shared_meal', 'workshop', 'outing', 'residents_meeting', 'concertation_council', 'sport_culture', 'health', 'other')), 
    CONSTRAINT ck_collective_activity_head_count_positive CHECK (head_count IS NULL OR head_count >= 0), 
    CONSTRAINT fk_collective_activity_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_collective_activity_host_id_user_account FOREIGN KEY(host_id) REFERENCES user_account (id), 
    CONSTRAINT fk_collective_activity_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id)
);

CREATE INDEX ix_collective_activity_residence_id_held_on ON collective_activity (residence_id, held_on);

CREATE TABLE liaison_entry (
    id SERIAL NOT NULL, 
    residence_id INTEGER NOT NULL, 
    written_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    author_id INTEGER, 
    text TEXT NOT NULL, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_liaison_entry PRIMARY KEY (id), 
    CONSTRAINT fk_liaison_entry_author_id_user_account FOREIGN KEY(author_id) REFERENCES user_account (id), 
    CONSTRAINT fk_liaison_entry_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id)
);

CREATE INDEX ix_liaison_entry_residence_id_written_at ON liaison_entry (residence_id, written_at);

CREATE INDEX ix_liaison_entry_written_at ON liaison_entry (written_at);

CREATE TABLE resident_absence (
    id SERIAL NOT NULL, 
    person_id INTEGER NOT NULL, 
    residence_id INTEGER NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    start_date DATE NOT NULL, 
    end_date DATE, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_resident_absence PRIMARY KEY (id), 
    CONSTRAINT ck_resident_absence_kind_code CHECK (kind IN ('hospital', 'prison', 'holidays', 'other')), 
    CONSTRAINT ck_resident_absence_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT fk_resident_absence_person_id_person FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE, 
    CONSTRAINT fk_resident_absence_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id)
);

CREATE INDEX ix_resident_absence_person_id ON resident_absence (person_id);

CREATE INDEX ix_resident_absence_residence_id_start_date ON resident_absence (residence_id, start_date);

CREATE TABLE resident_guest (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    residence_id INTEGER NOT NULL, 
    guest_name VARCHAR(200) NOT NULL, 
    start_date DATE NOT NULL, 
    end_date DATE, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_resident_guest PRIMARY KEY (id), 
    CONSTRAINT ck_resident_guest_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT fk_resident_guest_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_resident_guest_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id)
);

CREATE INDEX ix_resident_guest_household_id ON resident_guest (household_id);

CREATE INDEX ix_resident_guest_residence_id_start_date ON resident_guest (residence_id, start_date);

CREATE TABLE support_measure (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    programme_id INTEGER NOT NULL, 
    funder_id INTEGER, 
    kind VARCHAR(40) NOT NULL, 
    target_public VARCHAR(40), 
    dalo_status VARCHAR(40) NOT NULL, 
    referrer VARCHAR(40), 
    referrer_partner_id INTEGER, 
    prescribed_on DATE, 
    start_date DATE NOT NULL, 
    contract_signed_on DATE, 
    planned_months INTEGER NOT NULL, 
    end_date DATE, 
    outcome VARCHAR(40), 
    destination VARCHAR(40), 
    conclusion VARCHAR(40), 
    worker_id INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_support_measure PRIMARY KEY (id), 
    CONSTRAINT ck_support_measure_conclusion_code CHECK (conclusion IS NULL OR conclusion IN ('support_proposed', 'no_measure', 'refused')), 
    CONSTRAINT ck_support_measure_conclusion_only_for_diagnostic CHECK (conclusion IS NULL OR kind = 'diagnostic'), 
    CONSTRAINT ck_support_measure_dalo_status_code CHECK (dalo_status IN ('dalo_priority', 'non_dalo')), 
    CONSTRAINT ck_support_measure_destination_code CHECK (destination IS NULL OR destination IN ('social_housing', 'private_housing', 'slid', 'supported_housing', 'other_iml', 'temporary_housing', 'shelter', 'third_party', 'street', 'medico_social', 'hospital', 'prison', 'kept_home', 'death', 'unknown')), 
    CONSTRAINT ck_support_measure_diagnostic_ends_with_conclusion CHECK (kind <> 'diagnostic' OR (outcome IS NULL AND destination IS NULL)), 
    CONSTRAINT ck_support_measure_kind_code CHECK (kind IN ('diagnostic', 'avdl_dalo', 'avdl_non_dalo', 'sliding_lease_support', 'asll', 'iml_support', 'boarding_house_support')), 
    CONSTRAINT ck_support_measure_outcome_code CHECK (outcome IS NULL OR outcome IN ('rehoused', 'goals_met', 'partly_met', 'not_met', 'household_ended', 'reoriented', 'non_adherence', 'other')), 
    CONSTRAINT ck_support_measure_referrer_code CHECK (referrer IS NULL OR referrer IN ('siao', 'comed', 'state', 'social_services', 'ccas', 'landlord', 'shelter', 'psychiatry', 'spip', 'ccapex', 'fsl', 'action_logement', 'other')), 
    CONSTRAINT ck_support_measure_target_public_code CHECK (target_public IS NULL OR target_public IN ('shelter_leavers', 'street_hotel', 'eviction_prevention', 'domestic_violence', 'refugees', 'care_leavers', 'young', 'other')), 
    CONSTRAINT ck_support_measure_end_details_need_end CHECK (end_date IS NOT NULL OR (outcome IS NULL AND destination IS NULL AND conclusion IS NULL)), 
    CONSTRAINT ck_support_measure_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT ck_support_measure_planned_months_positive CHECK (planned_months > 0), 
    CONSTRAINT ck_support_measure_prescribed_on_not_after_start_date CHECK (prescribed_on IS NULL OR prescribed_on <= start_date), 
    CONSTRAINT fk_support_measure_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_support_measure_funder_id_funder FOREIGN KEY(funder_id) REFERENCES funder (id), 
    CONSTRAINT fk_support_measure_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_support_measure_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id), 
    CONSTRAINT fk_support_measure_referrer_partner_id_partner FOREIGN KEY(referrer_partner_id) REFERENCES partner (id), 
    CONSTRAINT fk_support_measure_worker_id_user_account FOREIGN KEY(worker_id) REFERENCES user_account (id)
);

CREATE INDEX ix_support_measure_funder_id ON support_measure (funder_id);

CREATE INDEX ix_support_measure_household_id ON support_measure (household_id);

CREATE INDEX ix_support_measure_programme_id_start_date ON support_measure (programme_id, start_date);

CREATE TABLE todo (
    id SERIAL NOT NULL, 
    household_id INTEGER, 
    due_on DATE NOT NULL, 
    text VARCHAR(500) NOT NULL, 
    assigned_to INTEGER, 
    done_on DATE, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_todo PRIMARY KEY (id), 
    CONSTRAINT ck_todo_text_not_empty CHECK (length(text) > 0), 
    CONSTRAINT fk_todo_assigned_to_user_account FOREIGN KEY(assigned_to) REFERENCES user_account (id), 
    CONSTRAINT fk_todo_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_todo_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE
);

CREATE INDEX ix_todo_assigned_to_due_on ON todo (assigned_to, due_on);

CREATE INDEX ix_todo_due_on ON todo (due_on);

CREATE INDEX ix_todo_household_id ON todo (household_id);

CREATE TABLE activity_attendance (
    activity_id INTEGER NOT NULL, 
    person_id INTEGER NOT NULL, 
    CONSTRAINT pk_activity_attendance PRIMARY KEY (activity_id, person_id), 
    CONSTRAINT fk_activity_attendance_activity_id_collective_activity FOREIGN KEY(activity_id) REFERENCES collective_activity (id) ON DELETE CASCADE, 
    CONSTRAINT fk_activity_attendance_person_id_person FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_activity_attendance_person_id ON activity_attendance (person_id);

CREATE TABLE contact (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    measure_id INTEGER, 
    kind VARCHAR(40) NOT NULL, 
    held_on DATE NOT NULL, 
    minutes INTEGER, 
    worker_id INTEGER, 
    next_appointment_on DATE, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_contact PRIMARY KEY (id), 
    CONSTRAINT ck_contact_kind_code CHECK (kind IN ('office', 'home_visit', 'phone', 'video', 'accompanied_step', 'collective', 'no_show', 'indirect', 'partner_contact')), 
    CONSTRAINT ck_contact_minutes_positive CHECK (minutes IS NULL OR minutes >= 0), 
    CONSTRAINT ck_contact_next_appointment_on_after_held_on CHECK (next_appointment_on IS NULL OR next_appointment_on >= held_on), 
    CONSTRAINT fk_contact_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_contact_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_contact_measure_id_support_measure FOREIGN KEY(measure_id) REFERENCES support_measure (id) ON DELETE SET NULL, 
    CONSTRAINT fk_contact_worker_id_user_account FOREIGN KEY(worker_id) REFERENCES user_account (id)
);

CREATE INDEX ix_contact_household_id_held_on ON contact (household_id, held_on);

CREATE INDEX ix_contact_measure_id ON contact (measure_id);

CREATE INDEX ix_contact_next_appointment_on ON contact (next_appointment_on);

CREATE INDEX ix_contact_worker_id_held_on ON contact (worker_id, held_on);

CREATE TABLE goal (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    measure_id INTEGER, 
    domain VARCHAR(40) NOT NULL, 
    wording VARCHAR(500) NOT NULL, 
    strengths TEXT NOT NULL, 
    progress TEXT NOT NULL, 
    attention_points TEXT NOT NULL, 
    status VARCHAR(40) NOT NULL, 
    opened_on DATE NOT NULL, 
    target_on DATE, 
    closed_on DATE, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_goal PRIMARY KEY (id), 
    CONSTRAINT ck_goal_closed_when_not_open CHECK ((status = 'open') = (closed_on IS NULL)), 
    CONSTRAINT ck_goal_domain_code CHECK (domain IN ('housing', 'budget', 'rights', 'health', 'employment', 'social_life', 'daily_life', 'family', 'paperwork', 'mobility')), 
    CONSTRAINT ck_goal_status_code CHECK (status IN ('open', 'achieved', 'partly', 'not_achieved', 'abandoned')), 
    CONSTRAINT ck_goal_closed_on_after_opened_on CHECK (closed_on IS NULL OR closed_on >= opened_on), 
    CONSTRAINT ck_goal_target_on_after_opened_on CHECK (target_on IS NULL OR target_on >= opened_on), 
    CONSTRAINT fk_goal_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_goal_measure_id_support_measure FOREIGN KEY(measure_id) REFERENCES support_measure (id) ON DELETE SET NULL
);

CREATE INDEX ix_goal_household_id ON goal (household_id);

CREATE INDEX ix_goal_measure_id ON goal (measure_id);

CREATE TABLE liaison_tag (
    entry_id INTEGER NOT NULL, 
    person_id INTEGER NOT NULL, 
    CONSTRAINT pk_liaison_tag PRIMARY KEY (entry_id, person_id), 
    CONSTRAINT fk_liaison_tag_entry_id_liaison_entry FOREIGN KEY(entry_id) REFERENCES liaison_entry (id) ON DELETE CASCADE, 
    CONSTRAINT fk_liaison_tag_person_id_person FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_liaison_tag_person_id ON liaison_tag (person_id);

CREATE TABLE measure_phase (
    id SERIAL NOT NULL, 
    measure_id INTEGER NOT NULL, 
    phase VARCHAR(40) NOT NULL, 
    from_date DATE NOT NULL, 
    CONSTRAINT pk_measure_phase PRIMARY KEY (id), 
    CONSTRAINT ck_measure_phase_phase_code CHECK (phase IN ('towards', 'at_move_in', 'in_home')), 
    CONSTRAINT fk_measure_phase_measure_id_support_measure FOREIGN KEY(measure_id) REFERENCES support_measure (id) ON DELETE CASCADE, 
    CONSTRAINT uq_measure_phase_measure_id_from_date UNIQUE (measure_id, from_date)
);

CREATE TABLE measure_renewal (
    id SERIAL NOT NULL, 
    measure_id INTEGER NOT NULL, 
    decided_on DATE NOT NULL, 
    months INTEGER NOT NULL, 
    decision VARCHAR(40) NOT NULL, 
    CONSTRAINT pk_measure_renewal PRIMARY KEY (id), 
    CONSTRAINT ck_measure_renewal_decision_code CHECK (decision IN ('granted', 'refused')), 
    CONSTRAINT ck_measure_renewal_months_positive CHECK (months > 0), 
    CONSTRAINT fk_measure_renewal_measure_id_support_measure FOREIGN KEY(measure_id) REFERENCES support_measure (id) ON DELETE CASCADE
);

CREATE INDEX ix_measure_renewal_measure_id ON measure_renewal (measure_id);

CREATE TABLE measure_suspension (
    id SERIAL NOT NULL, 
    measure_id INTEGER NOT NULL, 
    start_date DATE NOT NULL, 
    end_date DATE, 
    CONSTRAINT pk_measure_suspension PRIMARY KEY (id), 
    CONSTRAINT ck_measure_suspension_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT fk_measure_suspension_measure_id_support_measure FOREIGN KEY(measure_id) REFERENCES support_measure (id) ON DELETE CASCADE
);

CREATE INDEX ix_measure_suspension_measure_id ON measure_suspension (measure_id);

CREATE TABLE contact_person (
    contact_id INTEGER NOT NULL, 
    person_id INTEGER NOT NULL, 
    CONSTRAINT pk_contact_person PRIMARY KEY (contact_id, person_id), 
    CONSTRAINT fk_contact_person_contact_id_contact FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE, 
    CONSTRAINT fk_contact_person_person_id_person FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE INDEX ix_contact_person_person_id ON contact_person (person_id);

CREATE TABLE contact_theme (
    contact_id INTEGER NOT NULL, 
    theme VARCHAR(100) NOT NULL, 
    CONSTRAINT pk_contact_theme PRIMARY KEY (contact_id, theme), 
    CONSTRAINT fk_contact_theme_contact_id_contact FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE CASCADE
);

CREATE TABLE support_review (
    id SERIAL NOT NULL, 
    measure_id INTEGER NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    period_start DATE NOT NULL, 
    period_end DATE NOT NULL, 
    due_on DATE, 
    written_on DATE NOT NULL, 
    sent_on DATE, 
    shared_on DATE, 
    next_steps TEXT NOT NULL, 
    household_words TEXT NOT NULL, 
    document_id INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_support_review PRIMARY KEY (id), 
    CONSTRAINT ck_support_review_kind_code CHECK (kind IN ('interim', 'final')), 
    CONSTRAINT ck_support_review_period_end_after_period_start CHECK (period_end IS NULL OR period_end >= period_start), 
    CONSTRAINT ck_support_review_sent_on_after_written_on CHECK (sent_on IS NULL OR sent_on >= written_on), 
    CONSTRAINT fk_support_review_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_support_review_document_id_document FOREIGN KEY(document_id) REFERENCES document (id) ON DELETE SET NULL, 
    CONSTRAINT fk_support_review_measure_id_support_measure FOREIGN KEY(measure_id) REFERENCES support_measure (id) ON DELETE CASCADE
);

CREATE INDEX ix_support_review_measure_id_due_on ON support_review (measure_id, due_on);

ALTER TABLE note ADD COLUMN contact_id INTEGER;

CREATE INDEX ix_note_contact_id ON note (contact_id);

ALTER TABLE note ADD CONSTRAINT fk_note_contact_id_contact FOREIGN KEY(contact_id) REFERENCES contact (id) ON DELETE SET NULL;

UPDATE alembic_version SET version_num='0005_support' WHERE alembic_version.version_num = '0004_import';

-- Running upgrade 0005_support -> 0006_admissions

CREATE TABLE housing_application (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    number VARCHAR(40) NOT NULL, 
    filed_on DATE NOT NULL, 
    renewed_on DATE, 
    renewal_due_on DATE NOT NULL, 
    status VARCHAR(40) NOT NULL, 
    dalo_filed_on DATE, 
    comed_decision_on DATE, 
    dalo_recognised BOOLEAN, 
    dalo_appeal_on DATE, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_housing_application PRIMARY KEY (id), 
    CONSTRAINT ck_housing_application_status_code CHECK (status IN ('active', 'lapsed', 'satisfied', 'cancelled')), 
    CONSTRAINT ck_housing_application_recognition_needs_decision CHECK (dalo_recognised IS NULL OR comed_decision_on IS NOT NULL), 
    CONSTRAINT ck_housing_application_number_not_empty CHECK (length(number) > 0), 
    CONSTRAINT ck_housing_application_renewal_due_on_after_filed_on CHECK (renewal_due_on IS NULL OR renewal_due_on >= filed_on), 
    CONSTRAINT ck_housing_application_renewed_on_after_filed_on CHECK (renewed_on IS NULL OR renewed_on >= filed_on), 
    CONSTRAINT fk_housing_application_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT uq_housing_application_number UNIQUE (number)
);

CREATE INDEX ix_housing_application_household_id ON housing_application (household_id);

CREATE TABLE candidature (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    programme_id INTEGER NOT NULL, 
    dwelling_id INTEGER, 
    residence_id INTEGER, 
    siao_reference VARCHAR(50), 
    oriented_on DATE NOT NULL, 
    referrer VARCHAR(40), 
    referrer_partner_id INTEGER, 
    entry_situation VARCHAR(40), 
    dalo_status VARCHAR(40) NOT NULL, 
    decision VARCHAR(40), 
    decided_on DATE, 
    refusal_reason VARCHAR(40), 
    decision_note TEXT, 
    siao_answered_on DATE, 
    stay_id INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_candidature PRIMARY KEY (id), 
    CONSTRAINT ck_candidature_dalo_status_code CHECK (dalo_status IN ('dalo_priority', 'non_dalo')), 
    CONSTRAINT ck_candidature_decision_code CHECK (decision IS NULL OR decision IN ('admitted', 'refused_structure', 'refused_household', 'no_follow_up')), 
    CONSTRAINT ck_candidature_entry_situation_code CHECK (entry_situation IS NULL OR entry_situation IN ('street', 'emergency_shelter', 'insertion_shelter', 'asylum', 'hotel_115', 'temporary_housing', 'third_party', 'squat', 'unfit_housing', 'threatened_home', 'prison_exit', 'hospital_exit', 'care_exit', 'other', 'unknown')), 
    CONSTRAINT ck_candidature_referrer_code CHECK (referrer IS NULL OR referrer IN ('siao', 'comed', 'state', 'social_services', 'ccas', 'landlord', 'shelter', 'psychiatry', 'spip', 'ccapex', 'fsl', 'action_logement', 'other')), 
    CONSTRAINT ck_candidature_reason_only_for_refusal CHECK (refusal_reason IS NULL OR (decision IS NOT NULL AND decision <> 'admitted')), 
    CONSTRAINT ck_candidature_refusal_reason_code CHECK (refusal_reason IS NULL OR refusal_reason IN ('no_matching_place', 'needs_not_matching', 'incomplete_file', 'household_declined_location', 'household_declined_other', 'unreachable', 'other')), 
    CONSTRAINT ck_candidature_decision_with_its_date CHECK ((decision IS NULL) = (decided_on IS NULL)), 
    CONSTRAINT ck_candidature_decided_on_after_oriented_on CHECK (decided_on IS NULL OR decided_on >= oriented_on), 
    CONSTRAINT ck_candidature_siao_answered_on_after_oriented_on CHECK (siao_answered_on IS NULL OR siao_answered_on >= oriented_on), 
    CONSTRAINT fk_candidature_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_candidature_dwelling_id_dwelling FOREIGN KEY(dwelling_id) REFERENCES dwelling (id), 
    CONSTRAINT fk_candidature_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_candidature_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id), 
    CONSTRAINT fk_candidature_referrer_partner_id_partner FOREIGN KEY(referrer_partner_id) REFERENCES partner (id), 
    CONSTRAINT fk_candidature_residence_id_residence FOREIGN KEY(residence_id) REFERENCES residence (id), 
    CONSTRAINT fk_candidature_stay_id_stay FOREIGN KEY(stay_id) REFERENCES stay (id) ON DELETE SET NULL
);

CREATE INDEX ix_candidature_decision ON candidature (decision);

CREATE INDEX ix_candidature_household_id ON candidature (household_id);

CREATE INDEX ix_candidature_programme_id_oriented_on ON candidature (programme_id, oriented_on);

CREATE TABLE housing_offer (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    application_id INTEGER, 
    offered_on DATE NOT NULL, 
    landlord VARCHAR(200) NOT NULL, 
    commune VARCHAR(100) NOT NULL, 
    typology VARCHAR(40), 
    rent BIGINT, 
    outcome VARCHAR(40), 
    outcome_on DATE, 
    reason TEXT, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_housing_offer PRIMARY KEY (id), 
    CONSTRAINT ck_housing_offer_outcome_code CHECK (outcome IS NULL OR outcome IN ('accepted', 'refused_household', 'refused_commission')), 
    CONSTRAINT ck_housing_offer_typology_code CHECK (typology IS NULL OR typology IN ('room', 'studio', 't1', 't1bis', 't2', 't3', 't4', 't5plus')), 
    CONSTRAINT ck_housing_offer_outcome_with_its_date CHECK ((outcome IS NULL) = (outcome_on IS NULL)), 
    CONSTRAINT ck_housing_offer_outcome_on_after_offered_on CHECK (outcome_on IS NULL OR outcome_on >= offered_on), 
    CONSTRAINT ck_housing_offer_rent_not_negative CHECK (rent IS NULL OR rent >= 0), 
    CONSTRAINT fk_housing_offer_application_id_housing_application FOREIGN KEY(application_id) REFERENCES housing_application (id) ON DELETE SET NULL, 
    CONSTRAINT fk_housing_offer_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE
);

CREATE INDEX ix_housing_offer_household_id ON housing_offer (household_id);

CREATE TABLE candidature_step (
    id SERIAL NOT NULL, 
    candidature_id INTEGER NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    held_on DATE NOT NULL, 
    note TEXT, 
    CONSTRAINT pk_candidature_step PRIMARY KEY (id), 
    CONSTRAINT ck_candidature_step_kind_code CHECK (kind IN ('interview', 'visit', 'committee')), 
    CONSTRAINT fk_candidature_step_candidature_id_candidature FOREIGN KEY(candidature_id) REFERENCES candidature (id) ON DELETE CASCADE
);

CREATE INDEX ix_candidature_step_candidature_id ON candidature_step (candidature_id);

CREATE TABLE rehousing (
    id SERIAL NOT NULL, 
    household_id INTEGER NOT NULL, 
    offer_id INTEGER, 
    signed_on DATE NOT NULL, 
    landlord VARCHAR(200) NOT NULL, 
    sector VARCHAR(40) NOT NULL, 
    commune VARCHAR(100), 
    destination VARCHAR(40) NOT NULL, 
    stay_id INTEGER, 
    measure_id INTEGER, 
    support_continues BOOLEAN NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    version INTEGER DEFAULT 1 NOT NULL, 
    CONSTRAINT pk_rehousing PRIMARY KEY (id), 
    CONSTRAINT ck_rehousing_destination_code CHECK (destination IN ('social_housing', 'private_housing', 'slid', 'supported_housing', 'other_iml', 'temporary_housing', 'shelter', 'third_party', 'street', 'medico_social', 'hospital', 'prison', 'kept_home', 'death', 'unknown')), 
    CONSTRAINT ck_rehousing_sector_code CHECK (sector IN ('private', 'social')), 
    CONSTRAINT fk_rehousing_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_rehousing_household_id_household FOREIGN KEY(household_id) REFERENCES household (id) ON DELETE CASCADE, 
    CONSTRAINT fk_rehousing_measure_id_support_measure FOREIGN KEY(measure_id) REFERENCES support_measure (id) ON DELETE SET NULL, 
    CONSTRAINT fk_rehousing_offer_id_housing_offer FOREIGN KEY(offer_id) REFERENCES housing_offer (id) ON DELETE SET NULL, 
    CONSTRAINT fk_rehousing_stay_id_stay FOREIGN KEY(stay_id) REFERENCES stay (id) ON DELETE SET NULL
);

CREATE INDEX ix_rehousing_household_id ON rehousing (household_id);

CREATE INDEX ix_rehousing_signed_on ON rehousing (signed_on);

UPDATE alembic_version SET version_num='0006_admissions' WHERE alembic_version.version_num = '0005_support';

-- Running upgrade 0006_admissions -> 0007_reports

CREATE TABLE report_run (
    id SERIAL NOT NULL, 
    kind VARCHAR(40) NOT NULL, 
    period_start DATE NOT NULL, 
    period_end DATE NOT NULL, 
    programme_id INTEGER, 
    options TEXT NOT NULL, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    forced BOOLEAN NOT NULL, 
    findings TEXT NOT NULL, 
    figures TEXT NOT NULL, 
    households BYTEA NOT NULL, 
    frozen_at TIMESTAMP WITH TIME ZONE, 
    frozen_by INTEGER, 
    CONSTRAINT pk_report_run PRIMARY KEY (id), 
    CONSTRAINT ck_report_run_kind_code CHECK (kind IN ('fnavdl', 'iml', 'pension', 'grid')), 
    CONSTRAINT ck_report_run_period_end_after_period_start CHECK (period_end IS NULL OR period_end >= period_start), 
    CONSTRAINT fk_report_run_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_report_run_frozen_by_user_account FOREIGN KEY(frozen_by) REFERENCES user_account (id), 
    CONSTRAINT fk_report_run_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id)
);

CREATE INDEX ix_report_run_kind_period_start_period_end ON report_run (kind, period_start, period_end);

CREATE TABLE staff_period (
    id SERIAL NOT NULL, 
    programme_id INTEGER NOT NULL, 
    role VARCHAR(100) NOT NULL, 
    fte_hundredths INTEGER NOT NULL, 
    start_date DATE NOT NULL, 
    end_date DATE, 
    CONSTRAINT pk_staff_period PRIMARY KEY (id), 
    CONSTRAINT ck_staff_period_end_date_after_start_date CHECK (end_date IS NULL OR end_date >= start_date), 
    CONSTRAINT ck_staff_period_fte_positive CHECK (fte_hundredths > 0), 
    CONSTRAINT fk_staff_period_programme_id_programme FOREIGN KEY(programme_id) REFERENCES programme (id) ON DELETE CASCADE
);

CREATE INDEX ix_staff_period_programme_id ON staff_period (programme_id);

CREATE TABLE report_run_file (
    run_id INTEGER NOT NULL, 
    name VARCHAR(255) NOT NULL, 
    media_type VARCHAR(100) NOT NULL, 
    sha256 CHAR(64) NOT NULL, 
    size INTEGER NOT NULL, 
    CONSTRAINT pk_report_run_file PRIMARY KEY (run_id, name), 
    CONSTRAINT ck_report_run_file_size_positive CHECK (size > 0), 
    CONSTRAINT fk_report_run_file_run_id_report_run FOREIGN KEY(run_id) REFERENCES report_run (id) ON DELETE CASCADE, 
    CONSTRAINT fk_report_run_file_sha256_document_content FOREIGN KEY(sha256) REFERENCES document_content (sha256)
);

CREATE TABLE funder_grid (
    id SERIAL NOT NULL, 
    name VARCHAR(200) NOT NULL, 
    funder_id INTEGER, 
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    created_by INTEGER, 
    CONSTRAINT pk_funder_grid PRIMARY KEY (id), 
    CONSTRAINT fk_funder_grid_created_by_user_account FOREIGN KEY(created_by) REFERENCES user_account (id), 
    CONSTRAINT fk_funder_grid_funder_id_funder FOREIGN KEY(funder_id) REFERENCES funder (id) ON DELETE SET NULL, 
    CONSTRAINT uq_funder_grid_name UNIQUE (name)
);

CREATE TABLE funder_grid_version (
    id SERIAL NOT NULL, 
    grid_id INTEGER NOT NULL, 
    version INTEGER NOT NULL, 
    file_name VARCHAR(255) NOT NULL, 
    sha256 CHAR(64) NOT NULL, 
    size INTEGER NOT NULL, 
    added_at TIMESTAMP WITH TIME ZONE NOT NULL, 
    added_by INTEGER, 
    CONSTRAINT pk_funder_grid_version PRIMARY KEY (id), 
    CONSTRAINT ck_funder_grid_version_size_positive CHECK (size > 0), 
    CONSTRAINT ck_funder_grid_version_version_positive CHECK (version > 0), 
    CONSTRAINT fk_funder_grid_version_added_by_user_account FOREIGN KEY(added_by) REFERENCES user_account (id), 
    CONSTRAINT fk_funder_grid_version_grid_id_funder_grid FOREIGN KEY(grid_id) REFERENCES funder_grid (id) ON DELETE CASCADE, 
    CONSTRAINT fk_funder_grid_version_sha256_document_content FOREIGN KEY(sha256) REFERENCES document_content (sha256), 
    CONSTRAINT uq_funder_grid_version_grid_id_version UNIQUE (grid_id, version)
);

UPDATE alembic_version SET version_num='0007_reports' WHERE alembic_version.version_num = '0006_admissions';

COMMIT;


-- Sample rows
BEGIN;
INSERT INTO audit_anchor (id, purged_at, up_to_id, last_hash, purged_count) VALUES (1, '2025-06-02 09:00:00', 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
INSERT INTO document_content (sha256, size, content) VALUES ('23a39c01b63be8ff290c41bb02a33d2a90855c09d6b39d3d62a69aeacc4ebaff', 41, '\x504b030420636c6173736575722064752062696c616e20494d4c203230323420286578656d706c6529'::bytea);
INSERT INTO document_content (sha256, size, content) VALUES ('42164b0f96eee0ba45f81c1c6dd832f16b67604739c3fae0c52f4f106acdc14a', 51, '\x504b0304206772696c6c6520444445545320494d4c2032303234207b7b686f757365686f6c64737d7d20286578656d706c6529'::bytea);
INSERT INTO document_content (sha256, size, content) VALUES ('6c83925376f183b49f209369793fa302dd3faaf1345e8026d77647e2e35e9413', 64, '\x255044462d312e340a25204174746573746174696f6e2064276173737572616e63652068616269746174696f6e20e28094206578656d706c650a2525454f460a'::bytea);
INSERT INTO document_content (sha256, size, content) VALUES ('bb4edd273dbe47c4874b2a02011659ac5c03cafc2e665eb5e9da749becfba721', 59, '\x504b0304206772696c6c6520444445545320494d4c2032303235207b7b686f757365686f6c64732e656e74726965737d7d20286578656d706c6529'::bytea);
INSERT INTO funder (id, name, kind, version) VALUES (1, 'DDETS du Rhône', 'state_p177', 1);
INSERT INTO funder (id, name, kind, version) VALUES (2, 'FNAVDL', 'fnavdl', 1);
INSERT INTO landlord (id, name, kind, phone, email, address, version) VALUES (1, 'M. et Mme Garnier', 'private', NULL, NULL, NULL, 1);
INSERT INTO landlord (id, name, kind, phone, email, address, version) VALUES (2, 'Rhône Habitat Solidaire', 'social', NULL, NULL, NULL, 1);
INSERT INTO organisation (id, name, siret, address, postcode, commune, logo_sha256, agreements, version) VALUES (1, 'Association Toit Partagé', '12345678901234', NULL, '69003', 'Lyon', NULL, NULL, 1);
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (1, 'arrears.grace_days', '', '1900-01-01', '10');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (2, 'arrears.alert_floor', '', '1900-01-01', '5000');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (3, 'arrears.ccapex_floor', '', '1900-01-01', '10000');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (4, 'arrears.caf_fixed_threshold', '', '1900-01-01', 'null');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (5, 'arrears.caf_fixed_threshold', '', '2027-01-01', '45000');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (6, 'winter_truce.start', '', '1900-01-01', '"11-01"');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (7, 'winter_truce.end', '', '1900-01-01', '"03-31"');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (8, 'residence.arrears_rule', '', '1900-01-01', '"net"');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (9, 'host.sees_arrears_amounts', '', '1900-01-01', 'false');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (10, 'benefit.expected_payment_day', '', '1900-01-01', '10');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (11, 'boarding_house.daily_rate', '', '1900-01-01', 'null');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (12, 'measure.planned_months', '', '1900-01-01', '6');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (13, 'measure.max_months', '', '1900-01-01', '12');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (14, 'measure.month_method', '', '1900-01-01', '"prorata_days"');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (15, 'permanent_housing.destinations', '', '1900-01-01', '["social_housing", "private_housing", "slid"]');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (16, 'review.period_months', '', '1900-01-01', '3');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (17, 'sliding.review_months', '', '1900-01-01', '6');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (18, 'sliding.max_months', '', '1900-01-01', '24');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (19, 'sliding.landlord_bilan_months_before', '', '1900-01-01', '3');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (20, 'siao.answer_days', '', '1900-01-01', '15');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (21, 'dalo.time_limit_months', '', '1900-01-01', '3');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (22, 'dalo.time_limit_months', 'idf', '1900-01-01', '6');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (23, 'go_live_date', '', '1900-01-01', 'null');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (24, 'residence.guest_max_months', '', '1900-01-01', '3');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (25, 'retention.archive_months', '', '1900-01-01', '24');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (26, 'retention.delete_years', '', '1900-01-01', '5');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (27, 'audit.keep_months', '', '1900-01-01', '12');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (28, 'liaison.keep_months', '', '1900-01-01', '12');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (29, 'publication.small_cell', '', '1900-01-01', '3');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (30, 'security.idle_lock_minutes', '', '1900-01-01', '15');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (31, 'database.demo', '', '1900-01-01', 'false');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (32, 'import.confirmation_percent', '', '1900-01-01', '20');
INSERT INTO parameter (id, key, scope, valid_from, value) VALUES (33, 'contact.themes', '', '1900-01-01', '["Acc\u00e8s au logement", "Maintien dans le logement", "Budget / dettes", "Acc\u00e8s aux droits", "Sant\u00e9", "Emploi / formation", "Famille / parentalit\u00e9", "Vie quotidienne", "D\u00e9marches administratives", "Mobilit\u00e9", "Lien social", "Justice"]');
INSERT INTO partner (id, name, kind, phone, email, address, postcode, commune, version) VALUES (1, 'SIAO du Rhône', 'siao', NULL, NULL, NULL, NULL, NULL, 1);
INSERT INTO partner (id, name, kind, phone, email, address, postcode, commune, version) VALUES (2, 'Mandataires Rhône', 'legal_guardian', NULL, NULL, NULL, NULL, NULL, 1);
INSERT INTO programme (id, name, kind, convention_reference, convention_start, convention_end, version) VALUES (1, 'IML Lyon', 'iml_sublease', NULL, '2024-01-01', NULL, 1);
INSERT INTO programme (id, name, kind, convention_reference, convention_start, convention_end, version) VALUES (2, 'Pension Les Tilleuls', 'boarding_house', NULL, NULL, NULL, 1);
INSERT INTO user_account (id, login, display_name, password_hash, active, valid_until, created_at, recovery_code_hash, must_change_password, failed_logins, last_failed_at, version) VALUES (1, 'claire', 'Claire Martin', NULL, true, NULL, '2025-06-02 09:00:00', NULL, false, 0, NULL, 1);
INSERT INTO user_account (id, login, display_name, password_hash, active, valid_until, created_at, recovery_code_hash, must_change_password, failed_logins, last_failed_at, version) VALUES (2, 'karim', 'Karim Benali', NULL, true, NULL, '2025-06-02 09:00:00', NULL, false, 0, NULL, 1);
INSERT INTO audit_event (id, at, user_id, actor, action, entity, entity_id, household_id, fields, count, reason, previous_hash, hash) VALUES (1, '2025-06-02 09:00:00', 1, 'claire', 'create', 'household', 1, 1, 'reference', NULL, NULL, '0000000000000000000000000000000000000000000000000000000000000000', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
INSERT INTO benefit_batch (id, agency, received_on, transfer_reference, total, created_at, created_by) VALUES (1, 'caf', '2024-05-06', 'CAF-2024-05', 31000, '2025-06-02 09:00:00', 1);
INSERT INTO delegation (id, from_user_id, to_user_id, start_date, end_date) VALUES (1, 1, 2, '2025-07-01', '2025-07-31');
INSERT INTO funder_grid (id, name, funder_id, created_at, created_by) VALUES (1, 'DDETS IML', 1, '2025-06-02 09:00:00', 1);
INSERT INTO household (id, reference, key_worker_id, address, postcode, commune, domiciliation, protected, do_not_inform, archived_on, search_text, version) VALUES (1, 'M-00001', 1, NULL, NULL, NULL, NULL, false, NULL, NULL, 'm-00001 diallo aminata', 1);
INSERT INTO month_closing (period_month, closed_at, closed_by) VALUES ('2024-04-01', '2025-06-02 09:00:00', 1);
INSERT INTO partner_contact (id, partner_id, name, position, phone, email) VALUES (1, 1, 'Accueil SIAO', NULL, NULL, NULL);
INSERT INTO person (id, last_name, first_name, birth_date, sex, nationality, residence_permit_expiry, phone, email, language, interpreter_needed, benefit_agency, allocataire_number, legal_protection, mandataire_id, emergency_contact, emergency_contact_consent, search_name, version) VALUES (1, 'Diallo', 'Aminata', '1988-04-12', 'f', 'fr', NULL, NULL, NULL, NULL, false, 'caf', '1234567', 'none', NULL, NULL, false, 'diallo aminata', 1);
INSERT INTO person (id, last_name, first_name, birth_date, sex, nationality, residence_permit_expiry, phone, email, language, interpreter_needed, benefit_agency, allocataire_number, legal_protection, mandataire_id, emergency_contact, emergency_contact_consent, search_name, version) VALUES (2, 'Diallo', 'Moussa', '2015-09-03', 'h', 'fr', NULL, NULL, NULL, NULL, false, NULL, NULL, 'none', NULL, NULL, false, 'diallo moussa', 1);
INSERT INTO programme_capacity (id, programme_id, valid_from, dwellings, places) VALUES (1, 1, '2024-01-01', 20, 45);
INSERT INTO programme_capacity (id, programme_id, valid_from, dwellings, places) VALUES (2, 2, '2024-01-01', 25, 25);
INSERT INTO programme_funder (programme_id, funder_id) VALUES (1, 1);
INSERT INTO programme_funder (programme_id, funder_id) VALUES (2, 1);
INSERT INTO report_run (id, kind, period_start, period_end, programme_id, options, created_at, created_by, forced, findings, figures, households, frozen_at, frozen_by) VALUES (1, 'iml', '2024-01-01', '2024-12-31', 1, '{"programme": "IML Lyon", "funder": "DDETS du Rh\u00f4ne", "method": "prorata_days"}', '2025-06-02 09:00:00', 1, false, '[{"check": "birth_date_missing", "level": "W", "household_id": 1, "record": "person", "record_id": 2}]', '{"households": "1", "occupancy_rate": "87.5", "access.mean_days": null}', '\x78daab56cac82f2d4ecdc8cf492956b28a368cd54112d02b2ec94fce8e4fcd4b014bd502007b171057'::bytea, '2025-06-03 08:00:00', 1);
INSERT INTO report_run (id, kind, period_start, period_end, programme_id, options, created_at, created_by, forced, findings, figures, households, frozen_at, frozen_by) VALUES (2, 'iml', '2024-01-01', '2024-12-31', 1, '{"programme": "IML Lyon", "funder": "DDETS du Rh\u00f4ne", "method": "prorata_days"}', '2025-06-09 09:00:00', 1, true, '[{"check": "birth_date_missing", "level": "W", "household_id": 1, "record": "person", "record_id": 2}]', '{"households": "1", "occupancy_rate": "87.5", "access.mean_days": null}', '\x78daab56cac82f2d4ecdc8cf492956b28a368cd54112d02b2ec94fce8e4fcd4b014bd502007b171057'::bytea, NULL, NULL);
INSERT INTO residence (id, name, programme_id, address, postcode, commune, version) VALUES (1, 'Les Tilleuls', 2, NULL, '69100', 'Villeurbanne', 1);
INSERT INTO staff_period (id, programme_id, role, fte_hundredths, start_date, end_date) VALUES (1, 2, 'Hôte', 100, '2024-01-01', NULL);
INSERT INTO staff_period (id, programme_id, role, fte_hundredths, start_date, end_date) VALUES (2, 2, 'Hôte suppléant', 30, '2024-01-01', '2024-06-30');
INSERT INTO change_history (id, at, user_id, household_id, entity, entity_id, field, old_value, new_value) VALUES (1, '2025-06-02 09:00:00', 1, 1, 'stay', 1, 'entry_date', '2024-03-04', '2024-03-01');
INSERT INTO collective_activity (id, residence_id, held_on, kind, title, host_id, head_count, created_at, created_by, version) VALUES (1, 1, '2024-04-04', 'shared_meal', 'Repas de printemps', 1, NULL, '2025-06-02 09:00:00', 1, 1);
INSERT INTO collective_activity (id, residence_id, held_on, kind, title, host_id, head_count, created_at, created_by, version) VALUES (2, 1, '2024-04-18', 'health', 'Atelier prévention', NULL, 7, '2025-06-02 09:00:00', 1, 1);
INSERT INTO dwelling (id, reference, address, postcode, commune, typology, surface_m2, sector, landlord_id, programme_id, residence_id, lots, places, captured_on, returned_on, dpe_class, version) VALUES (1, 'LOG-0001', '12 rue Paul Bert', '69003', 'Lyon', 't2', 41.50, 'private', 1, 1, NULL, 1, 2, '2024-02-01', NULL, 'D', 1);
INSERT INTO dwelling (id, reference, address, postcode, commune, typology, surface_m2, sector, landlord_id, programme_id, residence_id, lots, places, captured_on, returned_on, dpe_class, version) VALUES (2, 'TIL-01', '4 impasse des Tilleuls', '69100', 'Villeurbanne', 'studio', NULL, NULL, NULL, 2, 1, 1, 1, NULL, NULL, NULL, 1);
INSERT INTO funder_grid_version (id, grid_id, version, file_name, sha256, size, added_at, added_by) VALUES (1, 1, 1, 'grille_ddets_iml_2024.xlsx', '42164b0f96eee0ba45f81c1c6dd832f16b67604739c3fae0c52f4f106acdc14a', 51, '2025-06-02 09:00:00', 1);
INSERT INTO funder_grid_version (id, grid_id, version, file_name, sha256, size, added_at, added_by) VALUES (2, 1, 2, 'grille_ddets_iml_2025.xlsx', 'bb4edd273dbe47c4874b2a02011659ac5c03cafc2e665eb5e9da749becfba721', 59, '2025-06-02 09:00:00', 1);
INSERT INTO household_co_worker (household_id, user_id) VALUES (1, 1);
INSERT INTO household_partner (household_id, partner_id, role) VALUES (1, 1, 'orientation');
INSERT INTO housing_application (id, household_id, number, filed_on, renewed_on, renewal_due_on, status, dalo_filed_on, comed_decision_on, dalo_recognised, dalo_appeal_on, version) VALUES (1, 1, '069012401234567', '2023-09-01', '2024-08-20', '2025-09-01', 'satisfied', '2024-02-01', '2024-04-11', true, NULL, 1);
INSERT INTO liaison_entry (id, residence_id, written_at, author_id, text, version) VALUES (1, 1, '2025-06-02 09:00:00', 1, 'Clés du local vélo rendues.', 1);
INSERT INTO membership (id, household_id, person_id, role, joined_on, left_on) VALUES (1, 1, 1, 'head', '2024-03-01', NULL);
INSERT INTO membership (id, household_id, person_id, role, joined_on, left_on) VALUES (2, 1, 2, 'child', '2024-03-01', NULL);
INSERT INTO person_resource (id, person_id, kind, monthly_amount, valid_from, valid_until) VALUES (1, 1, 'rsa', 63500, NULL, NULL);
INSERT INTO report_run_file (run_id, name, media_type, sha256, size) VALUES (1, 'iml_2024-01-01_2024-12-31.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '23a39c01b63be8ff290c41bb02a33d2a90855c09d6b39d3d62a69aeacc4ebaff', 41);
INSERT INTO residence_host (residence_id, user_id) VALUES (1, 1);
INSERT INTO residence_places (id, residence_id, valid_from, places) VALUES (1, 1, '2024-01-01', 25);
INSERT INTO resident_absence (id, person_id, residence_id, kind, start_date, end_date, version) VALUES (1, 1, 1, 'hospital', '2024-05-02', '2024-05-09', 1);
INSERT INTO resident_guest (id, household_id, residence_id, guest_name, start_date, end_date, version) VALUES (1, 1, 1, 'Fatou Diallo', '2024-07-01', '2024-07-15', 1);
INSERT INTO stay (id, household_id, programme_id, entry_date, exit_date, entry_situation, referrer, referrer_partner_id, dalo_status, siao_reference, destination, exit_reason, version) VALUES (1, 1, 1, '2024-03-01', NULL, 'hotel_115', 'siao', NULL, 'non_dalo', NULL, NULL, NULL, 1);
INSERT INTO support_measure (id, household_id, programme_id, funder_id, kind, target_public, dalo_status, referrer, referrer_partner_id, prescribed_on, start_date, contract_signed_on, planned_months, end_date, outcome, destination, conclusion, worker_id, created_at, created_by, version) VALUES (1, 1, 1, 2, 'avdl_non_dalo', 'shelter_leavers', 'non_dalo', 'siao', 1, '2024-02-20', '2024-03-01', '2024-03-05', 6, '2024-12-31', 'rehoused', 'social_housing', NULL, 1, '2025-06-02 09:00:00', 1, 1);
INSERT INTO support_measure (id, household_id, programme_id, funder_id, kind, target_public, dalo_status, referrer, referrer_partner_id, prescribed_on, start_date, contract_signed_on, planned_months, end_date, outcome, destination, conclusion, worker_id, created_at, created_by, version) VALUES (2, 1, 1, NULL, 'diagnostic', NULL, 'non_dalo', NULL, NULL, NULL, '2024-01-10', NULL, 2, '2024-02-15', NULL, NULL, 'support_proposed', NULL, '2025-06-02 09:00:00', 1, 1);
INSERT INTO todo (id, household_id, due_on, text, assigned_to, done_on, created_at, created_by, version) VALUES (1, 1, '2024-04-15', 'Rappeler le CCAS pour l''aide à l''installation', 1, '2024-04-14', '2025-06-02 09:00:00', 1, 1);
INSERT INTO todo (id, household_id, due_on, text, assigned_to, done_on, created_at, created_by, version) VALUES (2, NULL, '2024-05-01', 'Préparer la réunion d''équipe', 2, NULL, '2025-06-02 09:00:00', 1, 1);
INSERT INTO user_role (id, user_id, role, programme_id, residence_id) VALUES (1, 1, 'social_worker', 1, NULL);
INSERT INTO activity_attendance (activity_id, person_id) VALUES (1, 1);
INSERT INTO candidature (id, household_id, programme_id, dwelling_id, residence_id, siao_reference, oriented_on, referrer, referrer_partner_id, entry_situation, dalo_status, decision, decided_on, refusal_reason, decision_note, siao_answered_on, stay_id, created_at, created_by, version) VALUES (1, 1, 1, 1, NULL, 'SIAO-69-2024-0012', '2024-01-08', 'siao', 1, 'emergency_shelter', 'non_dalo', 'admitted', '2024-01-19', NULL, NULL, '2024-01-19', 1, '2025-06-02 09:00:00', 1, 1);
INSERT INTO candidature (id, household_id, programme_id, dwelling_id, residence_id, siao_reference, oriented_on, referrer, referrer_partner_id, entry_situation, dalo_status, decision, decided_on, refusal_reason, decision_note, siao_answered_on, stay_id, created_at, created_by, version) VALUES (2, 1, 1, NULL, NULL, NULL, '2023-11-06', 'siao', NULL, NULL, 'non_dalo', 'refused_structure', '2023-11-20', 'no_matching_place', 'Aucun T3 libre avant l''été.', '2023-11-21', NULL, '2025-06-02 09:00:00', 1, 1);
INSERT INTO contact (id, household_id, measure_id, kind, held_on, minutes, worker_id, next_appointment_on, created_at, created_by, version) VALUES (1, 1, 1, 'home_visit', '2024-03-12', 60, 1, '2024-03-26', '2025-06-02 09:00:00', 1, 1);
INSERT INTO contact (id, household_id, measure_id, kind, held_on, minutes, worker_id, next_appointment_on, created_at, created_by, version) VALUES (2, 1, 1, 'no_show', '2024-03-26', NULL, 1, NULL, '2025-06-02 09:00:00', 1, 1);
INSERT INTO goal (id, household_id, measure_id, domain, wording, strengths, progress, attention_points, status, opened_on, target_on, closed_on, version) VALUES (1, 1, 1, 'housing', 'Accéder à un logement social adapté à la famille', 'Demande de logement social à jour, très mobilisée', '', '', 'achieved', '2024-03-05', NULL, '2024-11-04', 1);
INSERT INTO goal (id, household_id, measure_id, domain, wording, strengths, progress, attention_points, status, opened_on, target_on, closed_on, version) VALUES (2, 1, 1, 'budget', 'Stabiliser le budget après l''entrée dans les lieux', '', '', '', 'open', '2024-09-02', '2025-03-01', NULL, 1);
INSERT INTO housing_offer (id, household_id, application_id, offered_on, landlord, commune, typology, rent, outcome, outcome_on, reason, version) VALUES (1, 1, 1, '2024-07-02', 'Lyon Métropole Habitat', 'Vénissieux', 't3', 48500, 'refused_household', '2024-07-09', 'Trop loin de l''école des enfants', 1);
INSERT INTO housing_offer (id, household_id, application_id, offered_on, landlord, commune, typology, rent, outcome, outcome_on, reason, version) VALUES (2, 1, 1, '2024-10-03', 'Grand Lyon Habitat', 'Lyon 8e', 't3', 51200, 'accepted', '2024-10-10', NULL, 1);
INSERT INTO liaison_tag (entry_id, person_id) VALUES (1, 1);
INSERT INTO main_lease (id, dwelling_id, landlord_id, start_date, end_date, notice_date, rent, charges, has_sliding_clause, version) VALUES (1, 1, 1, '2024-02-01', NULL, NULL, 52000, 6000, false, 1);
INSERT INTO measure_phase (id, measure_id, phase, from_date) VALUES (1, 1, 'towards', '2024-03-01');
INSERT INTO measure_phase (id, measure_id, phase, from_date) VALUES (2, 1, 'in_home', '2024-11-04');
INSERT INTO measure_renewal (id, measure_id, decided_on, months, decision) VALUES (1, 1, '2024-08-20', 4, 'granted');
INSERT INTO measure_suspension (id, measure_id, start_date, end_date) VALUES (1, 1, '2024-06-01', '2024-06-30');
INSERT INTO occupancy_contract (id, household_id, dwelling_id, stay_id, kind, start_date, end_date, renewal_date, state, end_reason, version) VALUES (1, 1, 1, 1, 'sliding_sublease', '2024-03-01', NULL, NULL, 'active', NULL, 1);
INSERT INTO vacancy_period (id, dwelling_id, start_date, end_date, reason, neutralised) VALUES (1, 1, '2024-02-01', '2024-02-20', 'refurbishment', true);
INSERT INTO benefit_status (id, contract_id, valid_from, status) VALUES (1, 1, '2024-03-01', 'paid');
INSERT INTO candidature_step (id, candidature_id, kind, held_on, note) VALUES (1, 1, 'interview', '2024-01-12', NULL);
INSERT INTO candidature_step (id, candidature_id, kind, held_on, note) VALUES (2, 1, 'committee', '2024-01-18', 'Avis favorable');
INSERT INTO contact_person (contact_id, person_id) VALUES (1, 1);
INSERT INTO contact_person (contact_id, person_id) VALUES (1, 2);
INSERT INTO contact_theme (contact_id, theme) VALUES (1, 'Budget');
INSERT INTO contact_theme (contact_id, theme) VALUES (1, 'Logement');
INSERT INTO document (id, household_id, contract_id, dwelling_id, kind, title, file_name, media_type, sha256, size, dated_on, expires_on, added_at, added_by, version) VALUES (1, 1, NULL, NULL, 'insurance', 'Attestation d''assurance 2024', 'attestation-assurance.pdf', 'application/pdf', '6c83925376f183b49f209369793fa302dd3faaf1345e8026d77647e2e35e9413', 64, '2024-03-01', '2025-02-28', '2025-06-02 09:00:00', 1, 1);
INSERT INTO document (id, household_id, contract_id, dwelling_id, kind, title, file_name, media_type, sha256, size, dated_on, expires_on, added_at, added_by, version) VALUES (2, 1, 1, 1, 'contract', 'Contrat de sous-location signé', 'contrat.pdf', 'application/pdf', '6c83925376f183b49f209369793fa302dd3faaf1345e8026d77647e2e35e9413', 64, '2024-03-01', NULL, '2025-06-02 09:00:00', 1, 1);
INSERT INTO issued_document (id, contract_id, kind, number, period_month, period_end, amount, sha256, issued_at, issued_by) VALUES (1, 1, 'quittance', 'Q-2024-000001', '2024-04-01', NULL, 58000, NULL, '2025-06-02 09:00:00', 1);
INSERT INTO ledger_entry (id, contract_id, posted_on, period_month, kind, nature, amount, generated, payer, method, reference, batch_id, reverses_id, reason, first_default_on, import_reference, created_at, created_by) VALUES (1, 1, '2024-04-01', '2024-04-01', 'charge', 'rent', 52000, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-06-02 09:00:00', 1);
INSERT INTO ledger_entry (id, contract_id, posted_on, period_month, kind, nature, amount, generated, payer, method, reference, batch_id, reverses_id, reason, first_default_on, import_reference, created_at, created_by) VALUES (2, 1, '2024-04-01', '2024-04-01', 'charge', 'charges', 6000, true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2025-06-02 09:00:00', 1);
INSERT INTO ledger_entry (id, contract_id, posted_on, period_month, kind, nature, amount, generated, payer, method, reference, batch_id, reverses_id, reason, first_default_on, import_reference, created_at, created_by) VALUES (3, 1, '2024-04-08', '2024-04-01', 'household_payment', NULL, 27000, false, 'ménage', 'transfer', 'VIR 0408', NULL, NULL, NULL, NULL, NULL, '2025-06-02 09:00:00', 1);
INSERT INTO ledger_entry (id, contract_id, posted_on, period_month, kind, nature, amount, generated, payer, method, reference, batch_id, reverses_id, reason, first_default_on, import_reference, created_at, created_by) VALUES (4, 1, '2024-05-06', '2024-04-01', 'housing_benefit', NULL, 31000, false, 'CAF', NULL, NULL, 1, NULL, NULL, NULL, NULL, '2025-06-02 09:00:00', 1);
INSERT INTO ledger_entry (id, contract_id, posted_on, period_month, kind, nature, amount, generated, payer, method, reference, batch_id, reverses_id, reason, first_default_on, import_reference, created_at, created_by) VALUES (5, 1, '2024-04-10', NULL, 'reversal', NULL, 27000, false, NULL, NULL, NULL, NULL, 3, 'Chèque sans provision', NULL, NULL, '2025-06-02 09:00:00', 1);
INSERT INTO ledger_entry (id, contract_id, posted_on, period_month, kind, nature, amount, generated, payer, method, reference, batch_id, reverses_id, reason, first_default_on, import_reference, created_at, created_by) VALUES (6, 1, '2024-03-01', NULL, 'opening_balance', NULL, 12345, false, NULL, NULL, NULL, NULL, NULL, NULL, '2024-01-15', 'REPRISE-0001', '2025-06-02 09:00:00', 1);
INSERT INTO note (id, household_id, author_id, written_on, level, text, contact_id, version) VALUES (1, 1, 1, '2024-03-05', 'shared', 'Installation faite, compteurs ouverts.', NULL, 1);
INSERT INTO note (id, household_id, author_id, written_on, level, text, contact_id, version) VALUES (2, 1, 1, '2024-03-12', 'shared', 'Visite du logement : chauffage à faire vérifier.', 1, 1);
INSERT INTO rehousing (id, household_id, offer_id, signed_on, landlord, sector, commune, destination, stay_id, measure_id, support_continues, created_at, created_by, version) VALUES (1, 1, 2, '2024-11-04', 'Grand Lyon Habitat', 'social', 'Lyon 8e', 'social_housing', NULL, 1, true, '2025-06-02 09:00:00', 1, 1);
INSERT INTO rent_rate (id, contract_id, valid_from, rent, charges, mandatory_services, optional_services, expected_benefit, tiers_payant, due_day) VALUES (1, 1, '2024-03-01', 52000, 6000, 0, 0, 31000, true, 5);
INSERT INTO sliding_plan (id, contract_id, convention_signed_on, review_period_months, max_months, caleol_date, caleol_decision, planned_on, slid_on, outcome, failure_reason, version) VALUES (1, 1, '2024-03-01', 6, 24, NULL, NULL, NULL, NULL, 'in_progress', NULL, 1);
INSERT INTO arrears_action (id, contract_id, kind, action_date, outcome, amount, delivered_on, detail, document_id, created_at, created_by, version) VALUES (1, 1, 'repayment_plan', '2024-05-10', NULL, 27000, NULL, NULL, NULL, '2025-06-02 09:00:00', 1, 1);
INSERT INTO deposit_entry (id, contract_id, posted_on, kind, amount, reference, ledger_entry_id, import_reference, created_at, created_by) VALUES (1, 1, '2024-03-01', 'received', 52000, NULL, NULL, 'REPRISE-0002', '2025-06-02 09:00:00', 1);
INSERT INTO note_person (note_id, person_id) VALUES (1, 1);
INSERT INTO sliding_review (id, plan_id, review_date, participants, rent_paid_regularly, peaceful_occupation, tenant_obligations, administrative_autonomy, opinion) VALUES (1, 1, '2024-09-02', NULL, true, true, NULL, NULL, 'extend');
INSERT INTO support_review (id, measure_id, kind, period_start, period_end, due_on, written_on, sent_on, shared_on, next_steps, household_words, document_id, created_at, created_by, version) VALUES (1, 1, 'interim', '2024-03-01', '2024-05-31', '2024-06-01', '2024-06-03', '2024-06-05', NULL, 'Relancer la demande de logement social.', '', NULL, '2025-06-02 09:00:00', 1, 1);
INSERT INTO repayment_instalment (id, action_id, due_on, amount) VALUES (1, 1, '2024-06-10', 13500);
INSERT INTO repayment_instalment (id, action_id, due_on, amount) VALUES (2, 1, '2024-07-10', 13500);
SELECT setval(pg_get_serial_sequence('audit_anchor', 'id'), COALESCE((SELECT max(id) FROM audit_anchor), 1));
SELECT setval(pg_get_serial_sequence('funder', 'id'), COALESCE((SELECT max(id) FROM funder), 1));
SELECT setval(pg_get_serial_sequence('landlord', 'id'), COALESCE((SELECT max(id) FROM landlord), 1));
SELECT setval(pg_get_serial_sequence('organisation', 'id'), COALESCE((SELECT max(id) FROM organisation), 1));
SELECT setval(pg_get_serial_sequence('parameter', 'id'), COALESCE((SELECT max(id) FROM parameter), 1));
SELECT setval(pg_get_serial_sequence('partner', 'id'), COALESCE((SELECT max(id) FROM partner), 1));
SELECT setval(pg_get_serial_sequence('programme', 'id'), COALESCE((SELECT max(id) FROM programme), 1));
SELECT setval(pg_get_serial_sequence('user_account', 'id'), COALESCE((SELECT max(id) FROM user_account), 1));
SELECT setval(pg_get_serial_sequence('audit_event', 'id'), COALESCE((SELECT max(id) FROM audit_event), 1));
SELECT setval(pg_get_serial_sequence('benefit_batch', 'id'), COALESCE((SELECT max(id) FROM benefit_batch), 1));
SELECT setval(pg_get_serial_sequence('delegation', 'id'), COALESCE((SELECT max(id) FROM delegation), 1));
SELECT setval(pg_get_serial_sequence('funder_grid', 'id'), COALESCE((SELECT max(id) FROM funder_grid), 1));
SELECT setval(pg_get_serial_sequence('household', 'id'), COALESCE((SELECT max(id) FROM household), 1));
SELECT setval(pg_get_serial_sequence('partner_contact', 'id'), COALESCE((SELECT max(id) FROM partner_contact), 1));
SELECT setval(pg_get_serial_sequence('person', 'id'), COALESCE((SELECT max(id) FROM person), 1));
SELECT setval(pg_get_serial_sequence('programme_capacity', 'id'), COALESCE((SELECT max(id) FROM programme_capacity), 1));
SELECT setval(pg_get_serial_sequence('report_run', 'id'), COALESCE((SELECT max(id) FROM report_run), 1));
SELECT setval(pg_get_serial_sequence('residence', 'id'), COALESCE((SELECT max(id) FROM residence), 1));
SELECT setval(pg_get_serial_sequence('staff_period', 'id'), COALESCE((SELECT max(id) FROM staff_period), 1));
SELECT setval(pg_get_serial_sequence('change_history', 'id'), COALESCE((SELECT max(id) FROM change_history), 1));
SELECT setval(pg_get_serial_sequence('collective_activity', 'id'), COALESCE((SELECT max(id) FROM collective_activity), 1));
SELECT setval(pg_get_serial_sequence('dwelling', 'id'), COALESCE((SELECT max(id) FROM dwelling), 1));
SELECT setval(pg_get_serial_sequence('funder_grid_version', 'id'), COALESCE((SELECT max(id) FROM funder_grid_version), 1));
SELECT setval(pg_get_serial_sequence('housing_application', 'id'), COALESCE((SELECT max(id) FROM housing_application), 1));
SELECT setval(pg_get_serial_sequence('liaison_entry', 'id'), COALESCE((SELECT max(id) FROM liaison_entry), 1));
SELECT setval(pg_get_serial_sequence('membership', 'id'), COALESCE((SELECT max(id) FROM membership), 1));
SELECT setval(pg_get_serial_sequence('person_resource', 'id'), COALESCE((SELECT max(id) FROM person_resource), 1));
SELECT setval(pg_get_serial_sequence('residence_places', 'id'), COALESCE((SELECT max(id) FROM residence_places), 1));
SELECT setval(pg_get_serial_sequence('resident_absence', 'id'), COALESCE((SELECT max(id) FROM resident_absence), 1));
SELECT setval(pg_get_serial_sequence('resident_guest', 'id'), COALESCE((SELECT max(id) FROM resident_guest), 1));
SELECT setval(pg_get_serial_sequence('stay', 'id'), COALESCE((SELECT max(id) FROM stay), 1));
SELECT setval(pg_get_serial_sequence('support_measure', 'id'), COALESCE((SELECT max(id) FROM support_measure), 1));
SELECT setval(pg_get_serial_sequence('todo', 'id'), COALESCE((SELECT max(id) FROM todo), 1));
SELECT setval(pg_get_serial_sequence('user_role', 'id'), COALESCE((SELECT max(id) FROM user_role), 1));
SELECT setval(pg_get_serial_sequence('candidature', 'id'), COALESCE((SELECT max(id) FROM candidature), 1));
SELECT setval(pg_get_serial_sequence('contact', 'id'), COALESCE((SELECT max(id) FROM contact), 1));
SELECT setval(pg_get_serial_sequence('goal', 'id'), COALESCE((SELECT max(id) FROM goal), 1));
SELECT setval(pg_get_serial_sequence('housing_offer', 'id'), COALESCE((SELECT max(id) FROM housing_offer), 1));
SELECT setval(pg_get_serial_sequence('main_lease', 'id'), COALESCE((SELECT max(id) FROM main_lease), 1));
SELECT setval(pg_get_serial_sequence('measure_phase', 'id'), COALESCE((SELECT max(id) FROM measure_phase), 1));
SELECT setval(pg_get_serial_sequence('measure_renewal', 'id'), COALESCE((SELECT max(id) FROM measure_renewal), 1));
SELECT setval(pg_get_serial_sequence('measure_suspension', 'id'), COALESCE((SELECT max(id) FROM measure_suspension), 1));
SELECT setval(pg_get_serial_sequence('occupancy_contract', 'id'), COALESCE((SELECT max(id) FROM occupancy_contract), 1));
SELECT setval(pg_get_serial_sequence('vacancy_period', 'id'), COALESCE((SELECT max(id) FROM vacancy_period), 1));
SELECT setval(pg_get_serial_sequence('benefit_status', 'id'), COALESCE((SELECT max(id) FROM benefit_status), 1));
SELECT setval(pg_get_serial_sequence('candidature_step', 'id'), COALESCE((SELECT max(id) FROM candidature_step), 1));
SELECT setval(pg_get_serial_sequence('document', 'id'), COALESCE((SELECT max(id) FROM document), 1));
SELECT setval(pg_get_serial_sequence('issued_document', 'id'), COALESCE((SELECT max(id) FROM issued_document), 1));
SELECT setval(pg_get_serial_sequence('ledger_entry', 'id'), COALESCE((SELECT max(id) FROM ledger_entry), 1));
SELECT setval(pg_get_serial_sequence('note', 'id'), COALESCE((SELECT max(id) FROM note), 1));
SELECT setval(pg_get_serial_sequence('rehousing', 'id'), COALESCE((SELECT max(id) FROM rehousing), 1));
SELECT setval(pg_get_serial_sequence('rent_rate', 'id'), COALESCE((SELECT max(id) FROM rent_rate), 1));
SELECT setval(pg_get_serial_sequence('sliding_plan', 'id'), COALESCE((SELECT max(id) FROM sliding_plan), 1));
SELECT setval(pg_get_serial_sequence('arrears_action', 'id'), COALESCE((SELECT max(id) FROM arrears_action), 1));
SELECT setval(pg_get_serial_sequence('deposit_entry', 'id'), COALESCE((SELECT max(id) FROM deposit_entry), 1));
SELECT setval(pg_get_serial_sequence('sliding_review', 'id'), COALESCE((SELECT max(id) FROM sliding_review), 1));
SELECT setval(pg_get_serial_sequence('support_review', 'id'), COALESCE((SELECT max(id) FROM support_review), 1));
SELECT setval(pg_get_serial_sequence('repayment_instalment', 'id'), COALESCE((SELECT max(id) FROM repayment_instalment), 1));
COMMIT;
