"""Every enumeration of DOMAIN.md: stable English codes and their French labels.

The database stores the code (with a named CHECK listing the codes); the GUI and documents show
the label; imports accept the code, the label or a synonym, ignoring case, accents and the kind
of dash (`Vocabulary.parse`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from desktop_app.domain.errors import ValidationIssue
from desktop_app.domain.text import normalise


class Vocabulary:
    """An ordered set of codes with French labels and accepted synonyms."""

    def __init__(
        self,
        name: str,
        entries: Iterable[tuple[str, str]],
        synonyms: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self._labels = dict(entries)
        self._lookup: dict[str, str] = {}
        for code, label in self._labels.items():
            self._lookup[normalise(code)] = code
            self._lookup[normalise(label)] = code
        self._synonyms = dict(synonyms or {})
        for synonym, code in self._synonyms.items():
            if code not in self._labels:
                raise ValueError(f"synonym {synonym!r} names unknown code {code!r}")
            self._lookup[normalise(synonym)] = code

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes, in display order."""
        return tuple(self._labels)

    def synonyms(self, code: str) -> list[str]:
        """The other spellings accepted for ``code``, as written in this module."""
        return [synonym for synonym, target in self._synonyms.items() if target == code]

    def label(self, code: str) -> str:
        """The French label of ``code``."""
        return self._labels[code]

    def parse(self, text: str) -> str | None:
        """The code meant by ``text`` (a code, a label or a synonym), or None."""
        return self._lookup.get(normalise(text))

    def issues(self, field: str, value: str | None, code: str) -> list[ValidationIssue]:
        """No issue when ``value`` is empty or one of the codes; else ``code`` on ``field``."""
        if value is None or value in self._labels:
            return []
        return [ValidationIssue(field, code, {"value": value})]

    def __contains__(self, code: object) -> bool:
        return code in self._labels

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {len(self)} codes)"


FUNDER_KIND = Vocabulary(
    "funder_kind",
    [
        ("state_p177", "État – DDETS / DRIHL (BOP 177)"),
        ("state_p104", "État – BOP 104"),
        ("fnavdl", "FNAVDL"),
        ("department_fsl", "Département – FSL"),
        ("caf", "CAF / MSA"),
        ("ars", "ARS"),
        ("municipality", "Commune / CCAS"),
        ("action_logement", "Action Logement"),
        ("social_landlord", "Bailleur social"),
        ("other", "Autre"),
    ],
)

PROGRAMME_KIND = Vocabulary(
    "programme_kind",
    [
        ("iml_sublease", "IML – sous-location"),
        ("iml_mandate", "IML – mandat de gestion"),
        ("sliding_lease", "Bail glissant"),
        ("boarding_house", "Pension de famille"),
        ("reception_residence", "Résidence accueil"),
        ("avdl", "AVDL"),
        ("asll", "ASLL"),
    ],
)

PARTNER_KIND = Vocabulary(
    "partner_kind",
    [
        ("siao", "SIAO"),
        ("ccas", "CCAS"),
        ("social_services", "Service social départemental"),
        ("psychiatry", "CMP / secteur psychiatrique"),
        ("spip", "SPIP"),
        ("caf", "CAF / MSA"),
        ("fsl", "FSL"),
        ("ccapex", "CCAPEX"),
        ("landlord", "Bailleur"),
        ("legal_guardian", "Mandataire judiciaire"),
        ("association", "Association"),
        ("other", "Autre"),
    ],
)

LANDLORD_KIND = Vocabulary(
    "landlord_kind",
    [
        ("private", "Propriétaire privé"),
        ("social", "Bailleur social / HLM"),
        ("other", "Autre"),
    ],
)

TYPOLOGY = Vocabulary(
    "typology",
    [
        ("room", "Chambre"),
        ("studio", "Studio"),
        ("t1", "T1"),
        ("t1bis", "T1 bis"),
        ("t2", "T2"),
        ("t3", "T3"),
        ("t4", "T4"),
        ("t5plus", "T5 et +"),
    ],
    synonyms={
        "F1": "t1",
        "F1 bis": "t1bis",
        "F2": "t2",
        "F3": "t3",
        "F4": "t4",
        "F5": "t5plus",
        "T5": "t5plus",
        "F5 et +": "t5plus",
    },
)

SECTOR = Vocabulary(
    "sector",
    [("private", "Privé"), ("social", "Social")],
    synonyms={"HLM": "social", "Public": "social"},
)

VACANCY_REASON = Vocabulary(
    "vacancy_reason",
    [
        ("works", "Travaux"),
        ("awaiting_orientation", "En attente d'orientation"),
        ("candidates_refused", "Candidats ayant refusé"),
        ("refurbishment", "Remise en état"),
        ("return_in_progress", "Restitution en cours"),
        ("disaster", "Sinistre"),
        ("other", "Autre"),
    ],
)

SEX = Vocabulary(
    "sex",
    [("f", "F"), ("h", "H"), ("unknown", "Non renseigné")],
    synonyms={
        "M": "h",
        "Homme": "h",
        "Masculin": "h",
        "Femme": "f",
        "Féminin": "f",
        "X": "unknown",
    },
)

NATIONALITY = Vocabulary(
    "nationality",
    [
        ("fr", "France"),
        ("eu", "UE"),
        ("non_eu", "Hors UE"),
        ("unknown", "Non renseignée"),
    ],
)

RESOURCE_KIND = Vocabulary(
    "resource_kind",
    [
        ("rsa", "RSA"),
        ("aah", "AAH"),
        ("salary", "Salaire"),
        ("are", "Allocation chômage"),
        ("pension", "Retraite / ASPA"),
        ("activity_bonus", "Prime d'activité"),
        ("disability", "Pension d'invalidité"),
        ("youth", "CEJ / garantie jeunes"),
        ("none", "Aucune"),
        ("other", "Autre"),
    ],
)

LEGAL_PROTECTION = Vocabulary(
    "legal_protection",
    [
        ("none", "Aucune"),
        ("safeguard", "Sauvegarde de justice"),
        ("curatorship", "Curatelle simple"),
        ("reinforced_curatorship", "Curatelle renforcée"),
        ("guardianship", "Tutelle"),
        ("masp", "MASP"),
        ("maj", "MAJ"),
    ],
)

BENEFIT_AGENCY = Vocabulary("benefit_agency", [("caf", "CAF"), ("msa", "MSA")])

MEMBER_ROLE = Vocabulary(
    "member_role",
    [
        ("head", "Personne de référence"),
        ("partner", "Conjoint·e"),
        ("child", "Enfant"),
        ("visiting_child", "Enfant en droit de visite"),
        ("other", "Autre"),
    ],
    synonyms={
        "Conjoint": "partner",
        "Conjointe": "partner",
        "Concubin·e": "partner",
        "Concubin": "partner",
        "Concubine": "partner",
        "Partenaire": "partner",
        "Chef de ménage": "head",
        "Demandeur": "head",
    },
)

DALO_STATUS = Vocabulary("dalo_status", [("dalo_priority", "PU DALO"), ("non_dalo", "Non DALO")])

ENTRY_SITUATION = Vocabulary(
    "entry_situation",
    [
        ("street", "Rue"),
        ("emergency_shelter", "Hébergement d'urgence (CHU)"),
        ("insertion_shelter", "Hébergement d'insertion / stabilisation (CHRS)"),
        ("asylum", "Dispositif asile (CADA, HUDA, CPH)"),
        ("hotel_115", "Hôtel (115 / SIAO)"),
        ("temporary_housing", "Logement temporaire (ALT, résidence sociale, FJT)"),
        ("third_party", "Hébergé chez un tiers"),
        ("squat", "Squat / bidonville / campement"),
        ("unfit_housing", "Logement indigne / insalubre"),
        ("threatened_home", "Logement autonome menacé d'expulsion"),
        ("prison_exit", "Sortie de prison"),
        ("hospital_exit", "Sortie d'hôpital (dont psychiatrie)"),
        ("care_exit", "Sortie d'ASE"),
        ("other", "Autre"),
        ("unknown", "Non renseignée"),
    ],
)

DESTINATION = Vocabulary(
    "destination",
    [
        ("social_housing", "Logement social – bail direct"),
        ("private_housing", "Logement privé – bail direct"),
        ("slid", "Bail glissé"),
        ("supported_housing", "Logement accompagné / pension de famille / résidence sociale"),
        ("other_iml", "Intermédiation locative"),
        ("temporary_housing", "Logement temporaire"),
        ("shelter", "Hébergement (CHU, CHRS)"),
        ("third_party", "Chez un tiers"),
        ("street", "Rue / abri de fortune"),
        ("medico_social", "EHPAD / établissement médico-social"),
        ("hospital", "Hôpital"),
        ("prison", "Incarcération"),
        ("kept_home", "Maintien dans le logement"),
        ("death", "Décès"),
        ("unknown", "Inconnue"),
    ],
)

EXIT_REASON = Vocabulary(
    "exit_reason",
    [
        ("project_achieved", "Projet réalisé"),
        ("household_choice", "Départ volontaire"),
        ("end_of_support", "Fin d'accompagnement"),
        ("reorientation", "Réorientation"),
        ("lost_contact", "Rupture de contact / abandon du logement"),
        ("termination", "Résiliation du contrat"),
        ("eviction", "Expulsion effective"),
        ("death", "Décès"),
        ("other", "Autre"),
        ("unknown", "Non renseigné"),
    ],
)

REFERRER = Vocabulary(
    "referrer",
    [
        ("siao", "SIAO"),
        ("comed", "COMED"),
        ("state", "Services de l'État"),
        ("social_services", "Service social départemental"),
        ("ccas", "CCAS"),
        ("landlord", "Bailleur"),
        ("shelter", "Structure d'hébergement"),
        ("psychiatry", "Secteur psychiatrique / CMP"),
        ("spip", "SPIP"),
        ("ccapex", "CCAPEX"),
        ("fsl", "Département / FSL"),
        ("action_logement", "Action Logement"),
        ("other", "Autre"),
    ],
)

CONTRACT_KIND = Vocabulary(
    "contract_kind",
    [
        ("sublease", "Sous-location"),
        ("sliding_sublease", "Sous-location – bail glissant"),
        ("lease_mandate", "Bail (loi 1989) – mandat de gestion"),
        ("residence_agreement", "Contrat de résidence"),
    ],
)

CONTRACT_STATE = Vocabulary(
    "contract_state",
    [
        ("active", "En cours"),
        ("terminated_occupant", "Résilié – occupant sans titre"),
        ("ended", "Terminé"),
    ],
)

BENEFIT_STATUS = Vocabulary(
    "benefit_status",
    [
        ("paid", "Versée"),
        ("suspended", "Suspendue"),
        ("ended", "Fin de droit"),
        ("withheld_non_decency", "Conservée (non-décence)"),
    ],
)

SLIDING_OPINION = Vocabulary(
    "sliding_opinion",
    [
        ("favourable", "Avis favorable au glissement"),
        ("extend", "Prolongation de la sous-location"),
        ("unfavourable", "Avis défavorable"),
    ],
)

SLIDING_OUTCOME = Vocabulary(
    "sliding_outcome",
    [
        ("in_progress", "En cours"),
        ("slid", "Bail glissé"),
        ("extended", "Prolongé"),
        ("failed", "Échec"),
    ],
)

SLIDING_FAILURE_REASON = Vocabulary(
    "sliding_failure_reason",
    [
        ("household_not_ready", "Ménage pas encore prêt"),
        ("landlord_refuses", "Refus du bailleur"),
        ("household_refuses", "Refus du ménage"),
        ("internal_transfer", "Mutation interne"),
    ],
)

NOTE_LEVEL = Vocabulary(
    "note_level",
    [
        ("shared", "Note partagée"),
        ("confidential", "Note confidentielle"),
        ("health", "Santé"),
    ],
)

DOCUMENT_KIND = Vocabulary(
    "document_kind",
    [
        ("inventory_in", "État des lieux d'entrée"),
        ("inventory_out", "État des lieux de sortie"),
        ("insurance", "Attestation d'assurance"),
        ("contract", "Contrat"),
        ("tripartite_convention", "Convention tripartite"),
        ("house_rules", "Règlement intérieur signé"),
        ("letter", "Courrier"),
        ("other", "Autre"),
    ],
    {"assurance": "insurance", "règlement intérieur": "house_rules"},
)

ROLE = Vocabulary(
    "role",
    [
        ("social_worker", "Travailleur social"),
        ("host", "Hôte"),
        ("rental_manager", "Gestion locative"),
        ("coordinator", "Coordinateur / chef de service"),
        ("director", "Direction / DPO"),
        ("tech_admin", "Administrateur technique"),
        ("secretary", "Secrétariat"),
        ("intern", "Stagiaire"),
        ("volunteer", "Bénévole"),
    ],
)

AUDIT_ACTION = Vocabulary(
    "audit_action",
    [
        ("create", "Création"),
        ("update", "Modification"),
        ("delete", "Suppression"),
        ("export", "Export"),
        ("report_run", "Édition d'un bilan"),
        ("login", "Connexion"),
        ("login_failed", "Connexion refusée"),
        ("logout", "Déconnexion"),
        ("justified_access", "Accès justifié"),
        ("open_protected", "Ouverture d'un dossier protégé"),
        ("open_confidential", "Lecture d'une note confidentielle"),
        ("purge", "Purge"),
        ("import", "Import"),
        ("backup", "Sauvegarde"),
        ("restore", "Restauration"),
        ("settings", "Paramètres"),
    ],
)

# The records the security log and the business history name (labels only: never stored).
RECORD = Vocabulary(
    "record",
    [
        ("organisation", "Association"),
        ("user_account", "Compte"),
        ("delegation", "Délégation"),
        ("household", "Ménage"),
        ("person", "Personne"),
        ("stay", "Séjour"),
        ("note", "Note"),
        ("landlord", "Bailleur"),
        ("residence", "Pension"),
        ("dwelling", "Logement"),
        ("main_lease", "Bail principal"),
        ("vacancy_period", "Vacance"),
        ("occupancy_contract", "Contrat"),
        ("rent_rate", "Loyer"),
        ("benefit_status", "Statut APL"),
        ("sliding_plan", "Convention de glissement"),
        ("sliding_review", "Examen périodique"),
        ("partner", "Partenaire"),
        ("partner_contact", "Contact partenaire"),
        ("household_partner", "Partenaire du ménage"),
        ("membership", "Composition"),
        ("person_resource", "Ressource"),
        ("document", "Document"),
        ("ledger_entry", "Écriture"),
        ("deposit_entry", "Dépôt de garantie"),
        ("benefit_batch", "Bordereau CAF"),
        ("arrears_action", "Démarche"),
        ("month_closing", "Clôture mensuelle"),
        ("issued_document", "Document émis"),
        ("demo", "Démonstration"),
        ("programme", "Dispositif"),
        ("funder", "Financeur"),
        ("workbook", "Classeur"),
        ("support_measure", "Mesure d'accompagnement"),
        ("measure_renewal", "Renouvellement de mesure"),
        ("measure_suspension", "Suspension de mesure"),
        ("measure_phase", "Phase de mesure"),
        ("goal", "Objectif"),
        ("support_review", "Bilan"),
        ("contact", "Entretien / contact"),
        ("todo", "À faire"),
        ("collective_activity", "Activité collective"),
        ("liaison_entry", "Cahier de liaison"),
        ("resident_absence", "Absence"),
        ("resident_guest", "Personne hébergée"),
        ("candidature", "Candidature"),
        ("candidature_step", "Étape de candidature"),
        ("housing_application", "Demande de logement social"),
        ("housing_offer", "Proposition de logement"),
        ("rehousing", "Relogement"),
        ("report_run", "Édition de bilan"),
        ("staff_period", "Personnel affecté"),
        ("funder_grid", "Grille de financeur"),
        ("funder_grid_version", "Version de grille de financeur"),
    ],
)


def record_label(code: str | None) -> str:
    """The French name of a record type, or the code itself for one not listed yet."""
    if code is None:
        return ""
    return RECORD.label(code) if code in RECORD else code


DPE_CLASS = Vocabulary("dpe_class", [(c, c) for c in "ABCDEFG"])

CHARGE_NATURE = Vocabulary(
    "charge_nature",
    [
        ("rent", "Loyer / équivalent loyer"),
        ("charges", "Charges"),
        ("mandatory_services", "Prestations obligatoires"),
        ("optional_services", "Prestations facultatives"),
        ("damage", "Réparations locatives"),
        ("fees", "Frais"),
        ("occupation_indemnity", "Indemnité d'occupation"),
    ],
    {"loyer": "rent", "indemnité d'occupation": "occupation_indemnity"},
)

LEDGER_KIND = Vocabulary(
    "ledger_kind",
    [
        ("charge", "Échéance"),
        ("housing_benefit", "Aide au logement – tiers payant"),
        ("household_payment", "Règlement du ménage"),
        ("fsl_aid", "Aide FSL"),
        ("other_aid", "Autre aide"),
        ("deposit_applied", "Dépôt de garantie imputé"),
        ("adjustment", "Régularisation"),
        ("remission", "Remise gracieuse"),
        ("irrecoverable", "Créance irrécouvrable"),
        ("debt_erased", "Effacement – surendettement"),
        ("reversal", "Annulation"),
        ("opening_balance", "Solde de reprise"),
    ],
    {"apl": "housing_benefit", "règlement": "household_payment", "annulation": "reversal"},
)

PAYMENT_METHOD = Vocabulary(
    "payment_method",
    [
        ("transfer", "Virement"),
        ("direct_debit", "Prélèvement"),
        ("cheque", "Chèque"),
        ("cash", "Espèces"),
        ("card", "Carte bancaire"),
        ("money_order", "Mandat cash"),
        ("other", "Autre"),
    ],
)

DEPOSIT_MOVEMENT = Vocabulary(
    "deposit_movement",
    [
        ("received", "Reçu"),
        ("applied", "Imputé sur la dette"),
        ("refunded", "Restitué au ménage"),
        ("transferred", "Transféré au bailleur"),
    ],
)

ARREARS_ACTION = Vocabulary(
    "arrears_action",
    [
        ("reminder_call", "Appel de rappel"),
        ("reminder_letter", "Courrier de rappel"),
        ("formal_notice", "Mise en demeure"),
        ("repayment_plan", "Plan d'apurement"),
        ("caf_report", "Signalement CAF"),
        ("caf_or_ccapex_decision", "Décision CAF ou CCAPEX"),
        ("fsl_application", "Demande FSL"),
        ("ccapex_referral", "Saisine CCAPEX"),
        ("payment_order", "Commandement de payer"),
        ("summons", "Assignation"),
        ("hearing", "Audience"),
        ("judgment", "Jugement"),
        ("order_to_leave", "Commandement de quitter les lieux"),
        ("police_assistance", "Concours de la force publique"),
        ("departure", "Départ"),
        ("overindebtedness", "Surendettement"),
    ],
)

ISSUED_KIND = Vocabulary(
    "issued_kind",
    [
        ("notice", "Avis d'échéance"),
        ("quittance", "Quittance"),
        ("receipt", "Reçu"),
        ("services_invoice", "Facture des prestations facultatives"),
        ("statement", "Relevé de compte"),
    ],
)


ALL: tuple[Vocabulary, ...] = (
    CHARGE_NATURE,
    LEDGER_KIND,
    PAYMENT_METHOD,
    DEPOSIT_MOVEMENT,
    ARREARS_ACTION,
    ISSUED_KIND,
    FUNDER_KIND,
    PROGRAMME_KIND,
    PARTNER_KIND,
    LANDLORD_KIND,
    TYPOLOGY,
    SECTOR,
    VACANCY_REASON,
    SEX,
    NATIONALITY,
    RESOURCE_KIND,
    LEGAL_PROTECTION,
    BENEFIT_AGENCY,
    MEMBER_ROLE,
    DALO_STATUS,
    ENTRY_SITUATION,
    DESTINATION,
    EXIT_REASON,
    REFERRER,
    CONTRACT_KIND,
    CONTRACT_STATE,
    BENEFIT_STATUS,
    SLIDING_OPINION,
    SLIDING_OUTCOME,
    SLIDING_FAILURE_REASON,
    NOTE_LEVEL,
    DOCUMENT_KIND,
    ROLE,
    DPE_CLASS,
)


# ---------------------------------------------------------------- accompaniment (DOMAIN §2, §6)

MEASURE_KIND = Vocabulary(
    "measure_kind",
    [
        ("diagnostic", "Diagnostic social logement"),
        ("avdl_dalo", "AVDL – DALO"),
        ("avdl_non_dalo", "AVDL – hors DALO"),
        ("sliding_lease_support", "Accompagnement bail glissant"),
        ("asll", "ASLL"),
        ("iml_support", "Accompagnement IML"),
        ("boarding_house_support", "Accompagnement pension de famille"),
    ],
)

TARGET_PUBLIC = Vocabulary(
    "target_public",
    [
        ("shelter_leavers", "Sortants d'hébergement"),
        ("street_hotel", "Rue / hôtel"),
        ("eviction_prevention", "Prévention des expulsions"),
        ("domestic_violence", "Violences conjugales"),
        ("refugees", "Réfugiés"),
        ("care_leavers", "Sortants ASE"),
        ("young", "Jeunes"),
        ("other", "Autre"),
    ],
)

MEASURE_PHASE = Vocabulary(
    "measure_phase",
    [
        ("towards", "Vers le logement"),
        ("at_move_in", "Lors du relogement"),
        ("in_home", "Dans le logement"),
    ],
)

DIAGNOSTIC_CONCLUSION = Vocabulary(
    "diagnostic_conclusion",
    [
        ("support_proposed", "Accompagnement proposé"),
        ("no_measure", "Non-lieu à mesure"),
        ("refused", "Refus du ménage"),
    ],
)

MEASURE_OUTCOME = Vocabulary(
    "measure_outcome",
    [
        ("rehoused", "Relogé"),
        ("goals_met", "Objectifs atteints"),
        ("partly_met", "Partiellement atteints"),
        ("not_met", "Non atteints"),
        ("household_ended", "Interruption à l'initiative du ménage"),
        ("reoriented", "Réorientation (ASLL, MASP, protection, soins)"),
        ("non_adherence", "Non-adhésion"),
        ("other", "Autre"),
    ],
)

# DOMAIN §2 gives a renewal a decision without naming its values.
RENEWAL_DECISION = Vocabulary(
    "renewal_decision",
    [("granted", "Accordé"), ("refused", "Refusé")],
)

GOAL_DOMAIN = Vocabulary(
    "goal_domain",
    [
        ("housing", "Logement"),
        ("budget", "Budget / gestion financière"),
        ("rights", "Accès aux droits"),
        ("health", "Santé"),
        ("employment", "Insertion professionnelle"),
        ("social_life", "Vie sociale / lien social"),
        ("daily_life", "Vie quotidienne / appropriation du logement"),
        ("family", "Parentalité / famille"),
        ("paperwork", "Administratif"),
        ("mobility", "Mobilité"),
    ],
)

GOAL_STATUS = Vocabulary(
    "goal_status",
    [
        ("open", "En cours"),
        ("achieved", "Atteint"),
        ("partly", "Partiellement atteint"),
        ("not_achieved", "Non atteint"),
        ("abandoned", "Abandonné"),
    ],
)

CONTACT_KIND = Vocabulary(
    "contact_kind",
    [
        ("office", "Entretien au bureau"),
        ("home_visit", "Visite à domicile"),
        ("phone", "Entretien téléphonique"),
        ("video", "Visioconférence"),
        ("accompanied_step", "Accompagnement physique"),
        ("collective", "Action collective"),
        ("no_show", "Rendez-vous non honoré"),
        ("indirect", "Démarche sans le ménage"),
        ("partner_contact", "Contact partenaire"),
    ],
)

ACTIVITY_KIND = Vocabulary(
    "activity_kind",
    [
        ("shared_meal", "Repas partagé"),
        ("workshop", "Atelier"),
        ("outing", "Sortie"),
        ("residents_meeting", "Réunion des résidents"),
        ("concertation_council", "Conseil de concertation"),
        ("sport_culture", "Sport / culture"),
        ("health", "Santé / prévention"),
        ("other", "Autre"),
    ],
)

ABSENCE_KIND = Vocabulary(
    "absence_kind",
    [
        ("hospital", "Hospitalisation"),
        ("prison", "Incarcération"),
        ("holidays", "Vacances"),
        ("other", "Autre"),
    ],
)

REFUSAL_REASON = Vocabulary(
    "refusal_reason",
    [
        ("no_matching_place", "Pas de logement adapté disponible"),
        ("needs_not_matching", "Besoins non adaptés au dispositif"),
        ("incomplete_file", "Dossier incomplet"),
        ("household_declined_location", "Refus du ménage – localisation"),
        ("household_declined_other", "Refus du ménage – autre motif"),
        ("unreachable", "Ménage injoignable"),
        ("other", "Autre"),
    ],
)

CANDIDATURE_DECISION = Vocabulary(
    "candidature_decision",
    [
        ("admitted", "Admission"),
        ("refused_structure", "Refus de la structure"),
        ("refused_household", "Refus du ménage"),
        ("no_follow_up", "Sans suite"),
    ],
)

CANDIDATURE_STEP = Vocabulary(
    "candidature_step",
    [
        ("interview", "Entretien"),
        ("visit", "Visite du logement"),
        ("committee", "Commission d'admission"),
    ],
)

APPLICATION_STATUS = Vocabulary(
    "application_status",
    [
        ("active", "En cours"),
        ("lapsed", "Radiée (non renouvelée)"),
        ("satisfied", "Satisfaite"),
        ("cancelled", "Annulée"),
    ],
)

OFFER_OUTCOME = Vocabulary(
    "offer_outcome",
    [
        ("accepted", "Acceptée"),
        ("refused_household", "Refusée par le ménage"),
        ("refused_commission", "Refusée par la commission d'attribution"),
    ],
)

ALL += (
    MEASURE_KIND,
    TARGET_PUBLIC,
    MEASURE_PHASE,
    DIAGNOSTIC_CONCLUSION,
    MEASURE_OUTCOME,
    RENEWAL_DECISION,
    GOAL_DOMAIN,
    GOAL_STATUS,
    CONTACT_KIND,
    ACTIVITY_KIND,
    ABSENCE_KIND,
    REFUSAL_REASON,
    CANDIDATURE_DECISION,
    CANDIDATURE_STEP,
    APPLICATION_STATUS,
    OFFER_OUTCOME,
)

# ---------------------------------------------------------------- returns (DOMAIN §5)

REPORT_KIND = Vocabulary(
    "report_kind",
    [
        ("fnavdl", "Bilan FNAVDL"),
        ("iml", "Bilan IML"),
        ("pension", "Rapport de pension de famille"),
        ("grid", "Grille d'un financeur"),
    ],
)

ALL += (REPORT_KIND,)
