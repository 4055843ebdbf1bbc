"""French texts for errors and the command line, by stable code.

Widgets are translated by Qt (`resources/i18n/seuil_fr.ts`); everything a service, the
command line or a document says to a person comes from this one catalogue, so that the same
situation is always described with the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Formatter
from typing import Final

MESSAGES: Final[Mapping[str, str]] = {
    # Command line
    "cli.database": "Base de données : {database}",
    "cli.usage_error": "Erreur d'utilisation : {detail}",
    "cli.unexpected": (
        "Erreur inattendue ({kind}). Le détail technique est dans le journal : {log_path}"
    ),
    "cli.interrupted": "Interrompu.",
    "cli.invalid_date": "Date invalide : « {value} ». Attendu : 2026-03-31 ou 31/03/2026.",
    "cli.invalid_month": "Mois invalide : « {value} ». Attendu : 2026-03 ou 03/2026.",
    "cli.help.description": (
        "Seuil — intermédiation locative, bail glissant et pensions de famille. "
        "Sans commande, ouvre l'application."
    ),
    "cli.help.commands": "commandes",
    "cli.help.db": (
        "base à utiliser : chemin d'un fichier SQLite ou URL postgresql://… "
        "(sinon SEUIL_DB, sinon le dossier de données)"
    ),
    "cli.help.user": "nom d'utilisateur (mot de passe demandé, ou SEUIL_PASSWORD)",
    "cli.help.today": (
        "date du jour à utiliser (AAAA-MM-JJ ou JJ/MM/AAAA), pour des exécutions reproductibles"
    ),
    "cli.help.version": "affiche la version et quitte",
    "cli.help.help": "affiche cette aide et quitte",
    "cli.help.check": "vérifie que la base de données est lisible et intacte",
    "cli.check.ok": "Base intacte : {detail}.",
    "cli.check.problems": "La base présente {count} problème(s) :",
    # Database
    "db.missing": "La base de données « {database} » n'existe pas.",
    "db.unreadable": (
        "Le fichier « {database} » ne peut pas être lu comme une base Seuil ({reason})."
    ),
    "db.unreachable": "Le serveur de base de données est injoignable : {database}.",
    "db.busy": (
        "La base de données est occupée par un autre poste. Réessayez dans quelques instants."
    ),
    "db.driver_missing": (
        "Le mode PostgreSQL demande le module psycopg : installez Seuil avec l'option « postgres »."
    ),
    "db.is_directory": "« {database} » est un dossier, pas un fichier de base de données.",
    "db.empty_file": (
        "Le fichier « {database} » est vide (0 octet) : ce n'est pas une base Seuil. "
        "Il n'a pas été modifié."
    ),
    "db.not_sqlite": (
        "Le fichier « {database} » n'est pas une base de données Seuil ({kind}). "
        "Il n'a pas été modifié."
    ),
    "db.kind.zip": "c'est un classeur Excel ou une archive ZIP renommé",
    "db.kind.unknown": "son contenu n'est pas celui d'une base SQLite",
    "db.truncated": (
        "Le fichier « {database} » est incomplet (tronqué, peut-être par une copie "
        "interrompue) : restaurez la dernière sauvegarde. Il n'a pas été modifié."
    ),
    "db.damaged": (
        "Le fichier « {database} » est endommagé : restaurez la dernière sauvegarde. "
        "Il n'a pas été modifié."
    ),
    "db.read_only": (
        "Le fichier « {database} » est en lecture seule : Seuil ne pourrait rien y "
        "enregistrer. Vérifiez ses droits, ou copiez-le dans un dossier où vous pouvez écrire."
    ),
    "db.folder_read_only": (
        "Le dossier « {folder} » n'autorise pas l'écriture : Seuil ne peut pas y tenir sa "
        "base. Choisissez un dossier où vous pouvez écrire."
    ),
    "db.foreign": (
        "Le fichier « {database} » est une base SQLite d'un autre logiciel, pas une base Seuil. "
        "Il n'a pas été modifié."
    ),
    "db.foreign_server": (
        "La base PostgreSQL « {database} » contient déjà des tables qui ne sont pas celles de "
        "Seuil. Utilisez une base vide. Rien n'a été modifié."
    ),
    "db.newer": (
        "La base « {database} » a été enregistrée par une version plus récente de Seuil. "
        "Installez la dernière version de Seuil sur ce poste ; la base n'a pas été modifiée."
    ),
    "db.wal_mismatch": (
        "Le journal « {wal} » posé à côté de la base n'appartient pas à cette base (il vient "
        "sans doute d'une autre copie). Pour ne rien mélanger, Seuil ne l'ouvre pas : déplacez "
        "ce journal ailleurs ou restaurez la dernière sauvegarde. Rien n'a été modifié."
    ),
    "db.backup_failed": (
        "La copie de sécurité faite avant la mise à jour de la base est invalide : la base "
        "n'a pas été mise à jour. Restaurez la dernière sauvegarde ou contactez l'assistance."
    ),
    "db.location.network": (
        "La base « {path} » se trouve sur un partage réseau : Seuil ne l'ouvre pas en "
        "écriture, car SQLite ne peut pas y verrouiller le fichier de façon sûre et des données "
        "pourraient être perdues. Copiez-la sur un disque de cet ordinateur ou, pour travailler "
        "à plusieurs, utilisez le mode PostgreSQL."
    ),
    "db.location.cloud": (
        "La base « {path} » se trouve dans un dossier synchronisé par {service} : Seuil ne "
        "l'ouvre pas en écriture, car la synchronisation peut copier le fichier pendant une "
        "écriture et l'abîmer. Déplacez-la dans un dossier non synchronisé de cet ordinateur "
        "ou, pour travailler à plusieurs, utilisez le mode PostgreSQL."
    ),
    "db.location.removable": (
        "La base « {path} » se trouve sur un support amovible (clé USB, disque externe) : s'il "
        "est débranché pendant un enregistrement, la base peut être endommagée. Gardez plutôt "
        "la base sur cet ordinateur et réservez la clé aux sauvegardes."
    ),
    # GUI start
    "gui.no_display": (
        "Aucun écran n'est disponible pour ouvrir Seuil (ni DISPLAY ni WAYLAND_DISPLAY) ; "
        "lancez-le depuis une session graphique, ou avec QT_QPA_PLATFORM=offscreen."
    ),
    # Security log
    "audit.ok": "Traçabilité intacte : {count} événement(s) vérifié(s).",
    "audit.broken": (
        "Traçabilité rompue à l'événement n° {event} : il a été modifié, ou un événement "
        "précédent supprimé ({count} événement(s) vérifié(s) avant lui)."
    ),
    "cli.help.users": "comptes : add, list, disable, delegate, reset-admin",
    "cli.help.users.operation": (
        "opération : add (ajouter), list, disable (désactiver), delegate (confier son "
        "portefeuille pour une période), reset-admin"
    ),
    "cli.help.users.login": "identifiant du compte (add, disable)",
    "cli.help.users.name": "nom de la personne (add)",
    "cli.help.users.role": (
        "rôle, répétable : coordinator, social_worker, host… ou son libellé ; limité à un "
        "dispositif ou une pension avec :dispositif=NOM ou :pension=NOM"
    ),
    "cli.help.users.until": "date de fin du compte (stagiaire…)",
    "cli.help.users.code": (
        "code de récupération (reset-admin ; sinon SEUIL_RECOVERY_CODE, sinon demandé)"
    ),
    "cli.users.scope_syntax": (
        "portée « {value} » incomprise : écrivez dispositif=NOM ou pension=NOM"
    ),
    "cli.users.login_needed": "indiquez l'identifiant du compte",
    "cli.help.users.to": "collègue qui reçoit le portefeuille (delegate)",
    "cli.help.users.start": "début de la délégation (delegate ; la fin est --until)",
    "cli.users.delegate_needs": "delegate demande --to, --start et --until",
    "cli.users.delegated": "Portefeuille confié à « {to} » du {start} au {end}.",
    "cli.users.active": "actif",
    "cli.users.disabled": "désactivé",
    "cli.users.disabled_done": "Compte « {login} » désactivé.",
    "cli.users.created": "Compte « {login} » prêt.",
    "cli.users.password": (
        "Mot de passe provisoire (à changer à la première connexion) : {password}"
    ),
    "cli.users.recovery": (
        "Code de récupération de l'administrateur, à noter et ranger en lieu sûr "
        "(il ne sera plus affiché) : {code}"
    ),
    "cli.help.audit": "traçabilité : « verify » vérifie la chaîne d'empreintes du journal",
    "cli.help.audit.operation": "opération : verify",
    # Passwords and accounts
    "password.too_short": "Le mot de passe doit contenir au moins {minimum} caractères.",
    "password.too_long": "Le mot de passe ne doit pas dépasser {maximum} caractères.",
    "password.contains_login": (
        "Le mot de passe ne doit contenir ni l'identifiant, ni le nom ou le prénom de la personne."
    ),
    "password.common": (
        "Le mot de passe contient un mot de passe courant ou une suite prévisible (azerty, "
        "1234, aaaa, une année…)."
    ),
    "password.too_weak": (
        "Mot de passe trop facile à deviner : sa robustesse est estimée à {bits} bits, il en "
        "faut au moins {required}. Allongez-le, par exemple avec une phrase de plusieurs mots "
        "sans rapport entre eux."
    ),
    "password.mismatch": "Les deux mots de passe saisis sont différents.",
    "user.login_invalid": (
        "L'identifiant « {value} » doit faire de 2 à 40 caractères : lettres minuscules sans "
        "accent, chiffres, point, tiret."
    ),
    "user.login_taken": "L'identifiant « {login} » est déjà utilisé.",
    "user.name_required": "Indiquez le nom de la personne.",
    "user.role_required": "Donnez au moins un rôle à ce compte.",
    "user.role_unknown": "Rôle inconnu : « {value} ».",
    "user.scope_unknown": "Dispositif ou pension inconnu : « {value} ».",
    "user.unknown": "Aucun compte ne porte l'identifiant « {login} ».",
    "user.first_exists": "Cette base a déjà un administrateur : connectez-vous avec son compte.",
    "user.last_admin": (
        "« {login} » est le dernier administrateur actif : créez-en un autre avant de le "
        "désactiver."
    ),
    "auth.failed": "Identifiant ou mot de passe incorrect.",
    "auth.wait": "Trop d'essais infructueux : réessayez dans {seconds} secondes.",
    "auth.disabled": "Ce compte est désactivé ou arrivé à sa date de fin.",
    "auth.needs_user": (
        "Cette base a des comptes utilisateurs : indiquez le vôtre avec --user (mot de passe "
        "demandé, ou SEUIL_PASSWORD)."
    ),
    "auth.no_accounts_user": (
        "Cette base n'a pas encore de compte utilisateur : l'option --user est inutile ici."
    ),
    "auth.recovery_invalid": "Ce code de récupération n'est pas valide pour cette base.",
    "delegation.dates": "La fin de la délégation ne peut précéder son début.",
    "delegation.self": "On ne se délègue pas son propre portefeuille.",
    # Households, stays, dwellings
    "member.left_before_joined": (
        "La date de départ ({left_on}) est antérieure à la date d'arrivée ({joined_on})."
    ),
    "household.no_head": "Le ménage n'a pas de personne de référence le {day}.",
    "household.two_heads": (
        "Le ménage a plusieurs personnes de référence le {day} : une seule est possible chaque "
        "jour."
    ),
    "stay.exit_before_entry": (
        "La date de sortie ({exit}) est antérieure à la date d'entrée ({entry})."
    ),
    "stay.future_entry": "La date d'entrée ({entry}) est dans le futur.",
    "stay.future_exit": (
        "La date de sortie ({exit}) est dans le futur : enregistrez la sortie une fois qu'elle "
        "a eu lieu."
    ),
    "stay.exit_details_without_exit": (
        "Une destination ou un motif de sortie est renseigné sans date de sortie."
    ),
    "stay.kept_home_not_allowed": (
        "La destination « Maintien dans le logement » n'est possible que pour un mandat de gestion."
    ),
    "stay.overlap": (
        "Ce séjour chevauche un autre séjour du ménage dans le même dispositif (entré le "
        "{other_entry})."
    ),
    "household.no_members": "Un ménage compte au moins une personne.",
    "household.reference_taken": "La référence « {value} » est déjà celle d'un autre ménage.",
    "member.last_name_required": "Indiquez le nom de la personne.",
    "member.first_name_required": "Indiquez le prénom de la personne.",
    "stay.code_unknown": "Valeur inconnue : « {value} ».",
    "stay.programme_unknown": "Ce dispositif n'existe pas (ou plus).",
    "stay.unknown": "Ce séjour n'existe pas (ou plus).",
    "dwelling.over_occupied": (
        "Le {day}, le logement accueillerait {count} ménages pour {lots} lot(s)."
    ),
    "sliding.review": "Examen périodique du bail glissant à tenir (échéance le {due}).",
    "sliding.landlord_bilan": "Bilan à transmettre au bailleur avant le {due}.",
    "sliding.prefect_information": ("Vérifier que le bailleur a informé le préfet avant le {due}."),
    "sliding.deadline": (
        "Durée maximale de la sous-location atteinte le {due} sans glissement du bail."
    ),
    # Contracts and bail glissant
    "sliding.not_sliding": "Ce contrat n'est pas une sous-location en bail glissant.",
    "sliding.already_slid": "Le bail a déjà glissé le {slid_on}.",
    "sliding.already_failed": "La convention de glissement est close : son échec a été enregistré.",
    "sliding.plan_running": (
        "Le glissement est encore en cours : enregistrez d'abord son issue (glissement, échec"
        " avec son motif ou mutation interne) avant de terminer le contrat."
    ),
    "sliding.opinion_unknown": "Avis inconnu : « {value} ».",
    "sliding.review_before_start": (
        "L'examen ne peut précéder le début de la sous-location ({start})."
    ),
    "sliding.participants_too_long": (
        "La liste des participants ne peut dépasser {maximum} caractères."
    ),
    "sliding.convention_in_future": (
        "La date de signature de la convention est dans le futur : indiquez la date réelle."
    ),
    "sliding.caleol_before_start": (
        "La date de CALEOL ne peut précéder le début de la sous-location ({start})."
    ),
    "sliding.decision_too_long": "La décision ne peut dépasser {maximum} caractères.",
    "sliding.planned_before_start": (
        "Le glissement doit être prévu après le début de la sous-location ({start})."
    ),
    "sliding.use_transfer": (
        "Une mutation interne s'enregistre avec l'action « Mutation interne », qui crée aussi"
        " le nouveau contrat."
    ),
    "sliding.failed_before_start": (
        "L'échec ne peut précéder le début de la sous-location ({start})."
    ),
    "sliding.failure_reason_unknown": "Motif d'échec inconnu : « {value} ».",
    "sliding.deposit_unknown": (
        "Devenir du dépôt de garantie inconnu : « {value} » (transféré au bailleur ou "
        "restitué au ménage)."
    ),
    "sliding.slid_before_start": (
        "Le glissement doit avoir lieu après le premier jour de la sous-location ({start})."
    ),
    "sliding.slid_in_future": (
        "Le glissement du {slid_on} n'a pas encore eu lieu : enregistrez-le au plus tôt la "
        "veille de la prise d'effet du bail du ménage."
    ),
    "sliding.slid_before_entry": (
        "Le glissement doit avoir lieu après l'entrée du ménage dans le dispositif ({entry})."
    ),
    "sliding.stay_missing": (
        "Aucun séjour en cours du ménage dans ce dispositif : enregistrez le séjour, que le "
        "glissement doit clore."
    ),
    "sliding.stay_closed": (
        "Le séjour du ménage est déjà clos (sortie le {exit}) avant la date du glissement."
    ),
    "sliding.main_lease_missing": (
        "Aucun bail principal en cours pour ce logement : enregistrez-le avant le glissement,"
        " qui doit le terminer."
    ),
    "sliding.dwelling_shared": (
        "Un autre ménage occupe encore ce logement après la date du glissement."
    ),
    "contract.unknown": "Ce contrat n'existe pas (ou plus).",
    "contract.dwelling_unknown": "Ce logement n'existe pas (ou plus).",
    "contract.kind_unknown": "Type de contrat inconnu : « {value} ».",
    "contract.kind_not_allowed": (
        "Un contrat « {kind} » n'est pas possible dans un logement du dispositif « {programme} »."
    ),
    "contract.residence_required": (
        "Un contrat de résidence concerne un logement d'une pension de famille ou d'une "
        "résidence accueil."
    ),
    "contract.end_before_start": "La fin du contrat ({end}) est antérieure à son début ({start}).",
    "contract.renewal_before_start": (
        "La date de renouvellement est antérieure au début du contrat ({start})."
    ),
    "contract.dwelling_returned": (
        "Le logement a été restitué le {returned_on} : aucun contrat ne peut commencer après "
        "cette date."
    ),
    "contract.before_capture": (
        "Le logement n'a été capté que le {captured_on} : le contrat ne peut commencer avant."
    ),
    "contract.stay_mismatch": "Ce séjour n'est pas un séjour de ce ménage.",
    "contract.stay_programme": "Ce séjour est dans un autre dispositif que celui du logement.",
    "contract.outside_stay": (
        "Le contrat commence le {start}, en dehors du séjour du ménage dans ce dispositif."
    ),
    "contract.not_active": "Ce contrat n'est plus en cours (état : {state}).",
    "contract.already_ended": "Ce contrat est déjà terminé.",
    "contract.terminated_before_start": (
        "La résiliation ne peut précéder le début du contrat ({start})."
    ),
    "contract.reason_required": "Indiquez le motif.",
    "contract.reason_too_long": "Le motif ne peut dépasser {maximum} caractères.",
    "contract.end_before_rate": (
        "Un loyer s'applique à partir du {valid_from} : la fin du contrat ne peut le précéder."
    ),
    "contract.end_before_benefit_status": (
        "Un statut d'APL est enregistré à partir du {valid_from} : la fin du contrat ne peut "
        "le précéder."
    ),
    "contract.benefit_status_unknown": "Statut d'aide au logement inconnu : « {value} ».",
    "contract.benefit_before_start": (
        "Le statut d'APL ne peut s'appliquer avant le début du contrat ({start})."
    ),
    "contract.benefit_after_end": (
        "Le statut d'APL ne peut s'appliquer après la fin du contrat ({end})."
    ),
    "contract.same_dwelling": "La mutation interne doit se faire vers un autre logement.",
    "contract.transfer_before_start": (
        "La mutation doit prendre effet après le début du contrat actuel ({start})."
    ),
    "rate.amount_negative": "Ce montant ne peut être négatif.",
    "rate.due_day_invalid": "Le jour d'échéance ({value}) doit être compris entre 1 et 31.",
    "rate.before_start": "Le loyer ne peut s'appliquer avant le début du contrat ({start}).",
    "rate.after_end": "Le loyer ne peut s'appliquer après la fin du contrat ({end}).",
    # Housing stock
    "housing.required": "Ce champ est obligatoire.",
    "housing.too_long": "Ce texte dépasse {maximum} caractères.",
    "housing.code_unknown": "Valeur inconnue : « {value} ».",
    "housing.postcode_invalid": "Le code postal « {value} » doit compter 5 chiffres.",
    "housing.name_taken": "Une résidence porte déjà le nom « {name} ».",
    "housing.residence_programme_kind": (
        "Une résidence appartient à un dispositif de pension de famille ou de résidence accueil."
    ),
    "housing.places_negative": "Le nombre de places ne peut pas être négatif.",
    "housing.lots_invalid": "Un logement accueille au moins un ménage (lots : 1 au minimum).",
    "housing.surface_invalid": "La surface doit être supérieure à 0 m².",
    "housing.reference_taken": (
        "La référence « {reference} » est déjà utilisée par un autre logement."
    ),
    "housing.residence_programme": (
        "La résidence « {residence} » n'appartient pas au dispositif « {programme} »."
    ),
    "housing.landlord_unknown": "Ce bailleur n'existe pas (ou plus).",
    "housing.programme_unknown": "Ce dispositif n'existe pas (ou plus).",
    "housing.residence_unknown": "Cette résidence n'existe pas (ou plus).",
    "housing.dwelling_unknown": "Ce logement n'existe pas (ou plus).",
    "housing.lease_unknown": "Ce bail principal n'existe pas (ou plus).",
    "housing.vacancy_unknown": "Cette période de vacance n'existe pas (ou plus).",
    "housing.captured_after_contract": (
        "Le logement ne peut pas être capté après le début d'un de ses contrats ({start})."
    ),
    "housing.captured_after_return": (
        "La date de captation ne peut pas suivre la restitution ({returned_on})."
    ),
    "housing.returned_before_capture": (
        "La restitution ne peut pas précéder la captation du logement ({captured_on})."
    ),
    "housing.returned_while_occupied": (
        "Un contrat du logement (du {start} au {end}) court encore après cette date : "
        "terminez-le d'abord."
    ),
    "housing.vacancy_after_return": (
        "Une période de vacance commence le {start}, après cette date de restitution."
    ),
    "housing.amount_negative": "Le montant ne peut pas être négatif.",
    "housing.end_before_start": "La fin ne peut pas précéder le début ({start}).",
    "housing.notice_after_end": "Le congé ne peut pas être daté après la fin du bail ({end}).",
    "housing.lease_overlap": (
        "Un autre bail principal de ce logement couvre déjà la période du {start} au {end}."
    ),
    "housing.vacancy_before_capture": (
        "La vacance ne peut pas commencer avant la captation du logement ({captured_on})."
    ),
    "housing.vacancy_beyond_return": (
        "La vacance doit se terminer au plus tard à la restitution du logement ({returned_on})."
    ),
    "housing.vacancy_overlap": (
        "Une autre période de vacance de ce logement couvre déjà du {start} au {end}."
    ),
    "housing.vacancy_occupied": (
        "Le logement est occupé par un contrat du {start} au {end} : il n'est pas vacant sur "
        "cette période."
    ),
    # Notes
    "note.level_unknown": "Niveau de note inconnu : « {value} ».",
    "note.text_required": "La note est vide.",
    "note.reason_too_short": (
        "Expliquez en quelques mots pourquoi vous devez lire ces notes (au moins {minimum} "
        "caractères) : le motif est montré au référent."
    ),
    # Access
    "auth.denied": "Vos droits ne permettent pas {what}.",  # what: text.with_de(…)
    # Association
    "org.name_required": "Indiquez le nom de l'association.",
    "org.name_too_long": "Le nom de l'association ne peut dépasser 200 caractères.",
    "org.siret_invalid": (
        "Le SIRET « {value} » n'est pas valide : il compte 14 chiffres (vérifiez la saisie)."
    ),
    "org.postcode_invalid": "Le code postal « {value} » doit compter 5 chiffres.",
    "org.already_exists": "Cette base contient déjà une association : {name}.",
    # Demo
    "demo.exists": (
        "La base « {database} » existe déjà : ajoutez --force pour la remplacer par une "
        "nouvelle démonstration."
    ),
    "demo.not_a_demo": (
        "Le fichier « {database} » n'est pas une démonstration créée par Seuil (c'est peut-être "
        "la base d'une association) : Seuil ne le remplace pas."
    ),
    "demo.life": (
        "Vie des ménages : {stays} séjours ({closed} sortis), {contracts} contrats, "
        "{rate_changes} révisions de loyer, {sliding} baux glissants ({reviews} examens, "
        "{glissements} glissements, {failures} échecs)."
    ),
    "demo.accounts": (
        "Comptes de démonstration (un par rôle ; données fictives, mots de passe à usage de "
        "démonstration) :"
    ),
    "demo.unknown_size": "Taille inconnue « {value} » : choisissez S, M ou L.",
    "demo.done": (
        "Démonstration créée en {seconds} s : {households} ménages, {persons} personnes, "
        "{dwellings} logements, {programmes} dispositifs."
    ),
    "cli.help.demo": (
        "crée une association de démonstration (données fictives) dans une base à part"
    ),
    "cli.help.demo.size": "taille : S ≈ 200 ménages, M ≈ 2 000, L ≈ 20 000 (défaut : S)",
    "cli.help.demo.seed": "graine du tirage : la même graine donne la même démonstration",
    "cli.help.demo.force": "remplace la base si elle existe déjà",
    # Household editing (members, identity, contact)
    "household_edit.protected": (
        "Ce dossier est protégé : seuls son référent et ses co-référents voient et modifient "
        "l'identité et les coordonnées de ses membres."
    ),
    "household_edit.person_unknown": "Cette personne n'est pas membre de ce ménage.",
    "household_edit.person_not_found": "Cette personne n'existe pas (ou plus).",
    "household_edit.membership_unknown": (
        "Cette présence dans le ménage n'existe pas (ou plus) : rouvrez le dossier."
    ),
    "household_edit.stale_person": (
        "La fiche de {name} a été modifiée {change} pendant que vous la modifiiez : "
        "rouvrez-la pour voir ses nouvelles valeurs, puis refaites vos changements."
    ),
    "household_edit.stale_household": (
        "Le ménage {reference} a été modifié {change} pendant que vous le modifiiez : "
        "rouvrez-le pour voir ses nouvelles valeurs, puis refaites vos changements."
    ),
    "household_edit.changed_by": "par {who} le {when}",
    "household_edit.changed_by_someone": "depuis un autre poste",
    "household_edit.too_long": "Ce texte dépasse {maximum} caractères.",
    "household_edit.code_unknown": "Valeur inconnue : « {value} ».",
    "household_edit.birth_in_future": "La date de naissance ({day}) est dans le futur.",
    "household_edit.phone_invalid": "« {value} » ne ressemble pas à un numéro de téléphone.",
    "household_edit.email_invalid": (
        "« {value} » ne ressemble pas à une adresse électronique (exemple : nom@exemple.fr)."
    ),
    "household_edit.allocataire_invalid": (
        "Le numéro d'allocataire « {value} » ne doit contenir que des chiffres."
    ),
    "household_edit.agency_required": (
        "Indiquez l'organisme (CAF ou MSA) qui a attribué ce numéro d'allocataire."
    ),
    "household_edit.mandataire_unknown": (
        "Ce mandataire n'est pas dans le carnet d'adresses (mandataire judiciaire, "
        "association, service social, CCAS ou autre)."
    ),
    "household_edit.mandataire_without_protection": (
        "Un mandataire est choisi sans mesure de protection : indiquez la mesure, ou retirez "
        "le mandataire."
    ),
    "household_edit.emergency_consent": (
        "Un contact d'urgence n'est enregistré qu'avec l'accord de la personne : cochez son "
        "accord, ou laissez le contact vide."
    ),
    "household_edit.permit_for_french": (
        "Une personne de nationalité française n'a pas de titre de séjour : laissez la date vide."
    ),
    "household_edit.amount_invalid": "Montant illisible : « {value} » (exemple : 1 234,56).",
    "household_edit.amount_negative": "Le montant mensuel ne peut pas être négatif.",
    "household_edit.none_with_amount": (
        "« Aucune » ressource n'a pas de montant : laissez 0, ou choisissez le type de ressource."
    ),
    "household_edit.resource_dates": (
        "La fin de cette ressource ({until}) précède son début ({start})."
    ),
    "household_edit.postcode_invalid": "Le code postal « {value} » doit compter 5 chiffres.",
    "household_edit.commune_required": "Indiquez la commune de cette adresse.",
    "household_edit.joined_required": "Indiquez la date d'arrivée dans le ménage.",
    "household_edit.possible_duplicates": (
        "Cette personne est peut-être déjà connue de Seuil ({count} fiche(s) proche(s)) : "
        "rattachez la fiche existante, ou confirmez qu'il s'agit d'une autre personne."
    ),
    "household_edit.member_overlap": "{name} serait deux fois membre du ménage le {day}.",
    "household_edit.not_member_on": "{name} n'est pas membre du ménage le {day}.",
    "household_edit.no_role_change": "Aucun rôle n'a été changé.",
    "household_edit.assign_denied": (
        "Seuls les coordinateurs et la direction désignent le référent et les co-référents "
        "d'un ménage."
    ),
    "household_edit.worker_not_eligible": (
        "Ce compte ne peut pas suivre de ménage : il est désactivé, arrivé à sa date de fin, "
        "ou ses rôles ne comprennent pas le suivi de ménages."
    ),
    "household_edit.key_worker_also_co": (
        "Le référent ne peut pas être aussi co-référent du même ménage."
    ),
    # Partners (address book)
    "partner.name_required": "Indiquez le nom du partenaire.",
    "partner.contact_name_required": "Indiquez le nom de la personne à contacter.",
    "partner.too_long": "Ce texte dépasse {maximum} caractères.",
    "partner.kind_unknown": "Type de partenaire inconnu : « {value} ».",
    "partner.phone_invalid": "« {value} » ne ressemble pas à un numéro de téléphone.",
    "partner.email_invalid": "« {value} » ne ressemble pas à une adresse électronique.",
    "partner.postcode_invalid": "Le code postal « {value} » doit compter 5 chiffres.",
    "partner.duplicate": (
        "Le carnet d'adresses compte déjà « {name} » à {commune} : complétez cette fiche "
        "plutôt que d'en créer une seconde."
    ),
    "partner.duplicate_no_commune": (
        "Le carnet d'adresses compte déjà « {name} » (sans commune) : complétez cette fiche "
        "plutôt que d'en créer une seconde."
    ),
    "partner.unknown": "Ce partenaire n'existe pas (ou plus) dans le carnet d'adresses.",
    "partner.contact_unknown": "Cette personne à contacter n'existe pas (ou plus).",
    "partner.conflict": (
        "« {name} » a été modifié par {who} le {when} depuis que vous avez ouvert la fiche : "
        "rouvrez-la et refaites vos changements."
    ),
    "partner.conflict_unknown": (
        "« {name} » a été modifié depuis que vous avez ouvert la fiche : rouvrez-la et refaites "
        "vos changements."
    ),
    "partner.already_linked": "« {name} » figure déjà parmi les partenaires de ce ménage.",
    "partner.not_linked": "Ce partenaire n'est pas (ou plus) lié à ce ménage.",
    "partner.still_linked": (
        "« {name} » ne peut pas être supprimé : {links}. Retirez d'abord ces liens (un "
        "partenaire sans lien peut être supprimé)."
    ),
    "partner.link_households": "il suit {count} ménage(s)",
    "partner.link_mandates": "il est mandataire de {count} personne(s)",
    "partner.link_stays": "il est prescripteur de {count} séjour(s)",
    # Documents
    "document.kind_unknown": "Type de document inconnu : « {value} ».",
    "document.file_name_required": "Le nom du fichier manque.",
    "document.empty": "Le fichier « {file} » est vide (0 octet) : il n'a pas été ajouté.",
    "document.too_large": (
        "Le fichier « {file} » pèse {size} : un document ne peut dépasser {limit}."
    ),
    "document.unreadable": (
        "Le fichier « {file} » ne peut pas être lu (déplacé, supprimé ou sans droit de lecture)."
    ),
    "document.title_required": "Indiquez le titre du document.",
    "document.title_too_long": "Le titre d'un document ne peut dépasser {maximum} caractères.",
    "document.expiry_required": "Indiquez jusqu'à quand l'attestation d'assurance est valable.",
    "document.expiry_before_date": (
        "La fin de validité ({expires_on}) précède la date du document ({dated_on})."
    ),
    "document.contract_foreign": "Ce contrat n'est pas un contrat de ce ménage.",
    "document.dwelling_foreign": "Ce logement n'est celui d'aucun contrat de ce ménage.",
    "document.unknown": "Ce document n'existe pas (ou plus).",
    "document.protected": (
        "Dossier protégé : ses documents ne s'ouvrent que pour son référent et ses co-référents."
    ),
    # Reminders
    "reminder.insurance": (
        "Attestation d'assurance habitation expirant le {due} : demander la nouvelle."
    ),
    "reminder.contract_renewal": "Contrat du logement {dwelling} à renouveler le {due}.",
    "reminder.main_lease_end": (
        "Bail principal du logement {dwelling} : échéance le {due}, à renouveler ou à résilier."
    ),
    "reminder.main_lease_notice": (
        "Congé du bail principal du logement {dwelling} donné le {notice} :"
        " logement à restituer le {due}."
    ),
    "reminder.residence_permit": "Titre de séjour à renouveler : {person}, expiration le {due}.",
    "reminder.residence_permit_masked": (
        "Titre de séjour d'un membre du ménage à renouveler (expiration le {due})."
    ),
    "reminder.horizon_invalid": (
        "L'horizon des rappels est un nombre de jours de 0 à {maximum} (et non « {value} »)."
    ),
    # Housing stock screens
    "housing_screen.date_invalid": "Date invalide : « {value} ». Attendu : 31/03/2026.",
    "housing_screen.amount_invalid": "Montant invalide : « {value} ». Exemple : 1 234,56.",
    "housing_screen.number_invalid": "Nombre invalide : « {value} ». Exemple : 18,5.",
    "housing_screen.choose_programme": "Choisissez un dispositif.",
    # Contract dialogs
    "contract_form.amount_invalid": "Montant illisible : « {value} ». Exemple : 1 234,56.",
    "contract_form.rent_required": "Indiquez le montant du loyer (ou de la redevance).",
    # Arrears ladder
    "arrears.status.plan_kept": "Plan d'apurement respecté",
    "arrears.status.plan_broken": "Plan d'apurement non respecté",
    "arrears.status.overindebtedness": "Surendettement déposé : escalade suspendue",
    "arrears.status.winter_truce": "Trêve hivernale : aucune expulsion ne peut être exécutée",
    "arrears.status.residence_termination": (
        "Contrat de résidence : résiliation possible avec un mois de préavis"
    ),
    "arrears.status.mandate_ccapex": (
        "Mandat de gestion : un commandement de payer est à signaler à la CCAPEX"
    ),
    "arrears.caf_report": "Signaler l'impayé à la CAF au plus tard le {due}.",
    "arrears.caf_plan": "Transmettre un plan d'apurement à la CAF au plus tard le {due}.",
    "arrears.ccapex_referral": (
        "Saisir la CCAPEX (seuil atteint le {due}) : pas d'assignation moins de deux mois après."
    ),
    "arrears.instalment": (
        "Plan d'apurement : échéance du {due} à régler, en plus du loyer courant."
    ),
    # Ledger: charges
    "charges.month_too_far": (
        "Le mois {month} est trop éloigné : on génère au plus le mois suivant ({latest})."
    ),
    "charges.month_closed": (
        "Le mois {month} est clôturé : ses échéances ne peuvent plus être générées "
        "(passez une régularisation dans le mois ouvert)."
    ),
    "charges.end_correction": (
        "Départ le {end} : échéance {month} recalculée au prorata des jours occupés"
    ),
    "charges.skip.already_generated": "échéances du mois déjà générées",
    "charges.skip.already_charged": "échéances du mois déjà saisies (reprise ou saisie)",
    "charges.skip.before_latest_term": "mois antérieur à la dernière échéance du contrat",
    "charges.skip.before_go_live": "avant la date de mise en service",
    "charges.skip.month_closed": "mois clôturé : passez une régularisation",
    "charges.skip.nothing_due": "rien à appeler (aucun tarif en vigueur ou montants nuls)",
    "charges.header": "Échéances de {month} :",
    "charges.created_line": "  Créé    {household} – {dwelling} : {total} ({parts})",
    "charges.skipped_line": "  Ignoré  {household} – {dwelling} : {reason}",
    "charges.total": (
        "Total {month} : {entries} écriture(s) créée(s) pour {contracts} contrat(s), "
        "{amount} ; {skipped} contrat(s) ignoré(s)."
    ),
    "charges.no_contract": "Aucun contrat en cours en {month}.",
    "charges.earlier_months_left": (
        "Date de mise en service non renseignée : {count} contrat(s) commencé(s) avant {month} "
        "n'ont que ce mois-ci ; les mois précédents relèvent d'un solde de reprise."
    ),
    "daily.step.charges": "Rattrapage des échéances",
    "daily.step.liaison_purge": "Cahier de liaison (durée de conservation)",
    "daily.liaison.purged": (
        "{count} note(s) plus ancienne(s) que la durée de conservation effacée(s)."
    ),
    "daily.charges.created": "{entries} écriture(s) créée(s) sur {months} mois.",
    "daily.charges.up_to_date": "Échéances à jour jusqu'à {month}.",
    "daily.not_allowed": "non effectué : vos droits ne permettent pas de {what}.",
    "daily.step_line": "{label} : {summary}",
    "cli.help.charges": "génère les échéances d'un mois (loyers, charges, prestations)",
    "cli.help.charges.month": (
        "mois à générer : 2026-12 ou 12/2026 (par défaut le mois en cours ; au plus le suivant)"
    ),
    "cli.help.daily": (
        "travaux quotidiens (rattrapage des échéances manquantes), pour cron ou le "
        "Planificateur de tâches"
    ),
    # Ledger: postings and balances
    "ledger.kind_unknown": "Type d'écriture inconnu : « {value} ».",
    "ledger.kind_use_reversal": (
        "Une annulation se passe depuis l'écriture qu'elle annule, avec son motif."
    ),
    "ledger.kind_use_deposit": (
        "L'imputation du dépôt de garantie se passe depuis le compte du dépôt de garantie."
    ),
    "ledger.amount_required": "Indiquez le montant.",
    "ledger.amount_invalid": (
        "Montant illisible : « {value} ». Exemples : 1 234,56 ou 1234.56 ou 1 234,56 €."
    ),
    "ledger.amount_zero": "Le montant ne peut pas être nul.",
    "ledger.amount_negative": (
        "Le montant est positif pour ce type d'écriture : c'est le type qui en donne le sens."
    ),
    "ledger.posted_in_future": "La date d'écriture ({posted_on}) est dans le futur.",
    "ledger.posted_in_closed_month": (
        "Le mois {month} est clôturé : datez l'écriture dans le mois ouvert "
        "(le mois concerné peut rester {month})."
    ),
    "ledger.charge_in_closed_month": (
        "Le mois {month} est clôturé : on n'y ajoute plus d'échéance ; "
        "passez une régularisation dans le mois ouvert."
    ),
    "ledger.nature_required": "Indiquez la nature (loyer, charges, prestations, frais…).",
    "ledger.nature_unknown": "Nature inconnue : « {value} ».",
    "ledger.nature_not_allowed": (
        "La nature ne s'indique que pour une échéance ou une régularisation au débit."
    ),
    "ledger.period_required": "Indiquez le mois concerné.",
    "ledger.period_before_contract": (
        "Le mois concerné ({month}) précède le début du contrat ({start})."
    ),
    "ledger.period_after_contract": "Le mois concerné ({month}) suit la fin du contrat ({end}).",
    "ledger.first_default_required": "Indiquez la date du premier impayé de la dette reprise.",
    "ledger.first_default_after_posting": (
        "La date du premier impayé ({first_default}) ne peut suivre la date d'écriture "
        "({posted_on})."
    ),
    "ledger.first_default_not_allowed": (
        "La date du premier impayé ne s'indique que pour un solde de reprise."
    ),
    "ledger.reason_required": "Indiquez le motif.",
    "ledger.reason_too_long": "Le motif ne peut dépasser {maximum} caractères.",
    "ledger.text_too_long": "Ce texte ne peut dépasser {maximum} caractères.",
    "ledger.method_unknown": "Mode de règlement inconnu : « {value} ».",
    "ledger.entry_unknown": "Cette écriture n'existe pas.",
    "ledger.already_reversed": "Cette écriture est déjà annulée.",
    "ledger.reversal_of_reversal": (
        "Une annulation ne s'annule pas : passez à nouveau l'écriture qu'elle annulait."
    ),
    "ledger.reversal_before_entry": (
        "L'annulation ({posted_on}) ne peut précéder l'écriture qu'elle annule ({entry})."
    ),
    "ledger.deposit_kind_unknown": "Mouvement de dépôt de garantie inconnu : « {value} ».",
    "ledger.deposit_exceeds_held": (
        "Le dépôt de garantie détenu ({held}) ne couvre pas ce montant ({amount})."
    ),
    "ledger.month_already_closed": "Le mois {month} est déjà clôturé.",
    "ledger.month_not_ended": (
        "Le mois {month} n'est pas terminé : il pourra être clôturé à partir du {first}."
    ),
    "ledger.month_out_of_order": (
        "Les mois se clôturent dans l'ordre : le prochain mois à clôturer est {next}."
    ),
    "ledger.line.brought_forward": "Solde au {day}",
    "ledger.line.opening_balance": "Solde de reprise (premier impayé le {first_default})",
    "ledger.line.reversal": "Annulation : {label}",
    "ledger.statement_end_before_start": (
        "La fin de la période ({end}) précède son début ({start})."
    ),
    # Arrears export
    "cli.help.arrears": "exporte les contrats en impayé à une date (classeur Excel « Impayés »)",
    "cli.help.arrears.on": "date de la situation (défaut : aujourd'hui)",
    "cli.help.arrears.out": "fichier .xlsx à écrire",
    "arrears.export_done": "Impayés au {on} : {count} contrat(s), classeur écrit dans {path}.",
    "arrears.export_needs_amounts": (
        "Votre rôle ne permet pas de voir les montants des comptes : l'export des impayés "
        "est réservé à la gestion locative, à la coordination et à la direction."
    ),
    # Receipts and the household's account (M1)
    "receipts.no_association": (
        "Renseignez d'abord l'association (nom et adresse) : elle figure en tête des "
        "quittances, reçus et relevés."
    ),
    "receipts.recipient": "Ménage {reference}",
    "receipts.contract_reference": "{dwelling} – {kind} du {start}",
    "receipts.document_title": "{kind} {number} – {period}",
    "receipts.payment.advance": "Avance imputée",
    "receipts.benefit_withheld": (
        "Aide au logement conservée par la {agency} (logement non décent), non due par le ménage"
    ),
    "receipts.skip.no_charges": "aucune échéance pour ce mois",
    "receipts.skip.benefit_awaited": (
        "part du ménage réglée, aide au logement attendue : la quittance suivra son versement"
    ),
    "receipts.skip.flagged": (
        "quittance {number} déjà émise mais le mois n'est plus soldé (annulation postérieure) : "
        "à régulariser avec le ménage"
    ),
    "receipts.target_required": (
        "Indiquez soit un dossier (--out DOSSIER), soit un fichier unique (--single FICHIER.pdf)."
    ),
    "cli.help.receipts": (
        "émet les avis d'échéance, quittances et reçus d'un mois (un PDF par document, ou un seul)"
    ),
    "cli.help.receipts.month": "mois des documents (défaut : le mois en cours)",
    "cli.help.receipts.out": "dossier où écrire un fichier PDF par document",
    "cli.help.receipts.single": "fichier PDF unique réunissant tous les documents",
    "receipts.file_line": "  {kind} {number} — {household} ({dwelling}) : {file}{reprint}",
    "receipts.reprint": " (réédition)",
    "receipts.skipped_line": "  Sans document  {household} ({dwelling}) : {reason}",
    "receipts.flag_line": (
        "⚠ Quittance {number} de {month} ({household}, {dwelling}) : le mois n'est plus soldé."
    ),
    "receipts.total": (
        "Total {month} : {count} document(s) — {quittances} quittance(s), {receipts} reçu(s), "
        "{notices} avis d'échéance, {invoices} facture(s) ; {skipped} contrat(s) sans document."
    ),
    "receipts.single_done": "Documents réunis dans {path}.",
    "receipts.nothing": "Aucun document à émettre pour {month}.",
    # Arrears actions and letters
    "arrears_action.kind_unknown": "Démarche inconnue : « {value} ».",
    "arrears_action.date_in_future": "La date de la démarche ({day}) est dans le futur.",
    "arrears_action.date_before_contract": (
        "La date ({day}) précède le début du contrat ({start})."
    ),
    "arrears_action.delivery_before_date": (
        "La date de remise ({delivered_on}) précède celle de la démarche ({action_date})."
    ),
    "arrears_action.delivery_in_future": "La date de remise ({day}) est dans le futur.",
    "arrears_action.outcome_unknown": "Issue inconnue pour cette démarche : « {value} ».",
    "arrears_action.outcome_not_allowed": (
        "Cette démarche n'a pas d'issue à choisir : précisez-la dans le détail."
    ),
    "arrears_action.amount_not_allowed": "Cette démarche ne porte pas de montant.",
    "arrears_action.amount_not_positive": "Le montant doit être supérieur à zéro.",
    "arrears_action.detail_too_long": "Le détail ne peut dépasser {maximum} caractères.",
    "arrears_action.plan_needs_instalments": (
        "Un plan d'apurement a au moins une échéance (date et montant)."
    ),
    "arrears_action.instalments_not_allowed": "Seul un plan d'apurement a des échéances.",
    "arrears_action.too_many_instalments": "Un plan a au plus {maximum} échéances.",
    "arrears_action.instalment_not_positive": (
        "L'échéance du {due} doit avoir un montant supérieur à zéro."
    ),
    "arrears_action.instalment_before_plan": (
        "L'échéance du {due} précède la date du plan ({day})."
    ),
    "arrears_action.instalment_twice": "Deux échéances tombent le {due} : regroupez-les.",
    "arrears_action.plan_sum_differs": (
        "Les échéances totalisent {total}, et non le montant du plan ({amount})."
    ),
    "arrears_action.unknown": "Cette démarche n'existe pas (ou plus).",
    "arrears_action.conflict": (
        "Cette démarche a été modifiée par {who} le {when} : rouvrez-la pour voir sa version."
    ),
    "arrears_action.conflict_unknown": (
        "Cette démarche a été modifiée entre-temps : rouvrez-la pour voir sa version."
    ),
    "arrears_action.outcome.reminder_letter.to_mandataire": "Courrier au mandataire",
    "arrears_action.outcome.caf_or_ccapex_decision.benefit_maintained": (
        "Maintien de l'aide au logement"
    ),
    "arrears_action.outcome.caf_or_ccapex_decision.benefit_suspended": (
        "Suspension de l'aide au logement"
    ),
    "arrears_action.outcome.caf_or_ccapex_decision.plan_requested": "Plan d'apurement demandé",
    "arrears_action.outcome.caf_or_ccapex_decision.recommendation": (
        "Avis ou recommandation de la CCAPEX"
    ),
    "arrears_action.outcome.fsl_application.filed": "Déposée (décision attendue)",
    "arrears_action.outcome.fsl_application.grant": "Accordée – subvention",
    "arrears_action.outcome.fsl_application.loan": "Accordée – prêt",
    "arrears_action.outcome.fsl_application.grant_and_loan": "Accordée – subvention et prêt",
    "arrears_action.outcome.fsl_application.refused": "Refusée",
    "arrears_action.outcome.judgment.termination": "Résiliation du bail, expulsion ordonnée",
    "arrears_action.outcome.judgment.delays": "Délais de paiement accordés",
    "arrears_action.outcome.judgment.suspension": "Effets de la clause résolutoire suspendus",
    "arrears_action.outcome.overindebtedness.filed": "Dossier déposé",
    "arrears_action.outcome.overindebtedness.admissible": "Dossier recevable",
    "arrears_action.outcome.overindebtedness.measures": "Mesures imposées ou plan",
    "arrears_action.outcome.overindebtedness.erased": "Dette effacée",
    "arrears_letter.kind_unknown": "Courrier inconnu : « {value} ».",
    "arrears_letter.kind.reminder": "Courrier de rappel",
    "arrears_letter.kind.formal_notice": "Mise en demeure",
    "arrears_letter.kind.repayment_plan": "Plan d'apurement amiable",
    "arrears_letter.kind.mandataire": "Courrier au mandataire",
    "arrears_letter.title": "{letter} du {day}",
    "arrears_letter.term.adjustment": "Régularisation du {day}",
    "arrears_letter.term.opening_balance": "Dette antérieure (échue le {day})",
    "arrears_letter.term.benefit_recovery": "Aide au logement à rembourser ({day})",
    "arrears_letter.copy_mandataire": "{name} (mandataire)",
    "arrears_letter.role.rental_manager": "Gestion locative",
    "arrears_letter.role.coordinator": "Coordination",
    "arrears_letter.role.director": "Direction",
    "arrears_letter.role.social_worker": "Accompagnement social",
    "arrears_letter.role.host": "Équipe de la pension",
    "arrears_letter.no_debt": (
        "Aucune somme n'est impayée au {day} (délai de grâce compris) : pas de courrier à écrire."
    ),
    "arrears_letter.deadline_required": "Indiquez la date limite de la mise en demeure.",
    "arrears_letter.deadline_not_after": (
        "La date limite ({deadline}) doit suivre la date du courrier ({day})."
    ),
    "arrears_letter.pay_by_not_after": (
        "La date proposée ({pay_by}) doit suivre la date du courrier ({day})."
    ),
    "arrears_letter.no_mandataire": (
        "Aucun membre du ménage n'a de mesure de protection avec un mandataire enregistré."
    ),
    "arrears_letter.plan_exceeds_debt": (
        "Les échéances ({plan}) dépassent la dette exigible ({debt})."
    ),
    "arrears_letter.no_association": (
        "Renseignez d'abord l'association (nom, adresse) : elle figure en tête des courriers."
    ),
    "arrears_letter.protected": (
        "Dossier protégé : ses courriers ne s'écrivent que par son référent et ses co-référents."
    ),
    # Bordereau CAF
    "benefit_batch.agency_unknown": "Organisme inconnu : « {value} » (CAF ou MSA).",
    "benefit_batch.reference_required": "Indiquez la référence du virement.",
    "benefit_batch.reference_used": (
        "Le virement « {reference} » de la {agency} est déjà enregistré "
        "(bordereau reçu le {received_on})."
    ),
    "benefit_batch.no_lines": "Le bordereau ne contient aucune ligne : cochez au moins un ménage.",
    "benefit_batch.contract_unknown": "Ce contrat n'existe pas.",
    "benefit_batch.amount_zero": "Le montant de la ligne ne peut pas être nul.",
    "benefit_batch.months_required": "Indiquez le ou les mois couverts par la ligne.",
    "benefit_batch.negative_one_month": (
        "Une ligne négative (indu ou retenue) porte sur un seul mois."
    ),
    "benefit_batch.amount_too_small": (
        "Le montant ({amount}) est trop faible pour être réparti sur {count} mois."
    ),
    "benefit_batch.total_not_positive": (
        "Le total du bordereau ({total}) doit être positif : c'est le montant du virement reçu."
    ),
    "benefit_batch.unknown": "Ce bordereau n'existe pas.",
    # Import workbook: cells and headings
    "import.text_too_long": "Texte trop long ({max} caractères au plus).",
    "import.label_unknown": (
        "« {value} » n'est pas une valeur connue de la colonne « {column} » "
        "(voir la feuille Notice)."
    ),
    "import.yes_no_invalid": "« {value} » : répondre Oui ou Non.",
    "import.date_invalid": (
        "« {value} » n'est pas une date valide (jj/mm/aaaa, aaaa-mm-jj ou date Excel)."
    ),
    "import.month_invalid": "« {value} » n'est pas un mois valide (2026-06, 06/2026 ou une date).",
    "import.amount_invalid": "« {value} » n'est pas un montant valide (par exemple 1 234,56).",
    "import.int_invalid": "« {value} » n'est pas un nombre entier.",
    "import.amount_negative": (
        "Les montants s'écrivent sans signe : c'est le Type du mouvement qui donne le sens."
    ),
    "import.column_unknown": "Colonne « {column} » inconnue : elle est ignorée.",
    "import.column_repeated": "La colonne « {column} » apparaît deux fois.",
    "import.column_missing": "Colonne obligatoire « {column} » absente.",
    "import.value_required": "La colonne « {column} » doit être remplie.",
    # Import workbook: reference sheets and run
    "import.sheet_unknown": (
        "Feuille « {sheet} » inconnue : elle est ignorée (feuilles lues : {expected})."
    ),
    "import.no_sheet": (
        "Aucune feuille de ce classeur ne porte le nom d'une feuille du modèle ({expected}) : "
        "renommez vos feuilles comme dans le modèle (python -m desktop_app import-template)."
    ),
    "import.sheet_repeated": (
        "Les feuilles « {first} » et « {sheet} » désignent toutes deux la feuille {name} : "
        "réunissez leurs lignes dans une seule feuille."
    ),
    "import.duplicate_key": (
        "Même clé que la ligne {first} ({key}) : chaque ligne doit être unique ; supprimez le "
        "doublon ou corrigez l'une des deux lignes."
    ),
    "import.programme_unknown": (
        "Dispositif « {name} » inconnu : ajoutez-le à la feuille Dispositifs ou écrivez le nom "
        "d'un dispositif de Seuil."
    ),
    "import.programme_start_after_end": (
        "Le début ({start}) suit la fin de la convention enregistrée dans Seuil ({end})."
    ),
    "import.number_negative": "La colonne « {heading} » ne peut pas être négative.",
    "import.surface_invalid": (
        "« {value} » n'est pas une surface valide (en m², par exemple 32,5)."
    ),
    "import.key_worker_unknown": (
        "Référent « {name} » inconnu : écrivez l'identifiant ou le nom d'un compte de Seuil "
        "(liste : python -m desktop_app users list), créez d'abord son compte, ou laissez la "
        "case vide."
    ),
    "import.key_worker_ambiguous": (
        "Plusieurs comptes s'appellent « {name} » : écrivez plutôt l'identifiant du compte."
    ),
    "import.household_unknown": (
        "Le ménage « {reference} » n'existe ni dans Seuil ni dans la feuille Ménages : "
        "ajoutez ses séjours à la feuille Ménages ou corrigez la référence."
    ),
    "import.no_head": (
        "Ménage « {household} » : aucune personne de référence le {day}. Dans la feuille "
        "Personnes, indiquez « Personne de référence » dans la colonne Lien d'une personne "
        "présente ce jour-là (voir ses dates d'arrivée et de départ)."
    ),
    "import.two_heads": (
        "Ménage « {household} » : plusieurs personnes de référence le {day} ; une seule est "
        "possible chaque jour."
    ),
    "import.member_twice": "Ménage « {household} » : {name} en serait deux fois membre le {day}.",
    "import.role_missing": (
        "Indiquez le lien de la personne (Personne de référence, Conjoint·e, Enfant…) : le "
        "ménage « {household} » compte plusieurs personnes."
    ),
    "import.arrival_unknown": (
        "Indiquez la date d'arrivée : le ménage « {household} » n'a aucun séjour d'où la déduire."
    ),
    "import.person_conflict": (
        "{name} figure aussi à la ligne {first} avec une autre valeur dans la colonne "
        "« {heading} » : une seule valeur par personne."
    ),
    "import.possible_duplicate": (
        "{name} ressemble à {other} (naissance : {birth}), membre du ménage {households} : "
        "vérifiez qu'il ne s'agit pas de la même personne avant d'importer."
    ),
    "import.birth_unknown": "non renseignée",
    "import.rejected": (
        "La base de données a refusé une valeur de cette feuille : rien n'a été importé. "
        "Signalez ce classeur à l'administrateur technique."
    ),
    "cli.help.import_template": "écrit le modèle de classeur d'import, avec sa notice",
    "cli.help.import_template.file": "fichier .xlsx à écrire",
    "cli.help.import": (
        "importe un classeur (Dispositifs, Ménages, Personnes, Logements, Contrats…) : tout ou rien"
    ),
    "cli.help.import.file": "classeur à importer (.xlsx, .xlsm, .xls ou .ods)",
    "cli.help.import.dry_run": "vérifie et compte sans rien enregistrer",
    "cli.help.import.errors": "écrit la liste des problèmes dans ce classeur .xlsx",
    "cli.help.import.yes": (
        "confirme un import qui touche plus de ménages que le seuil (20 %% par défaut)"
    ),
    "cli.import.template_done": "Modèle de classeur écrit : {path}",
    "cli.import.sheet_line": (
        "{sheet} : {created} créé(s), {updated} modifié(s), {unchanged} inchangé(s), "
        "{errors} erreur(s), {warnings} avertissement(s)"
    ),
    "cli.import.issue": "Feuille {sheet}, ligne {row}, colonne {column} : {text}",
    "cli.import.issue_row": "Feuille {sheet}, ligne {row} : {text}",
    "cli.import.issue_sheet": "Feuille {sheet} : {text}",
    "cli.import.issue_file": "Fichier : {text}",
    "cli.import.warning": "Avertissement – {text}",
    "cli.import.nothing": "Aucune feuille reconnue dans ce classeur : rien à importer.",
    "cli.import.done": "Import terminé : {touched} ménage(s) créé(s) ou modifié(s).",
    "cli.import.dry_run_ok": (
        "Essai à blanc : rien n'a été enregistré ; le classeur peut être importé."
    ),
    "cli.import.dry_run_blocked": (
        "Essai à blanc : {count} problème(s) bloquant(s) à corriger avant l'import."
    ),
    "cli.import.dry_run_threshold": (
        "L'import toucherait {touched} ménage(s) sur {before} (plus de {percent} %) : il "
        "faudra le confirmer avec --yes."
    ),
    "cli.import.refused": (
        "Import refusé : {count} problème(s) bloquant(s), rien n'a été enregistré. Corrigez "
        "le classeur puis relancez."
    ),
    "cli.import.needs_yes": (
        "Import non effectué : il touche {touched} ménage(s) sur {before} (plus de "
        "{percent} %). Vérifiez le rapport ci-dessus puis relancez avec --yes pour confirmer."
    ),
    "cli.import.errors_written": "Liste des problèmes écrite : {path}",
    "cli.import.database_created": "Base de données créée pour cet import : {database}",
    # Import workbook: export
    "cli.help.export_workbook": (
        "écrit toute la base dans le format du classeur d'import (à corriger puis réimporter)"
    ),
    "cli.help.export_workbook.file": "fichier .xlsx à écrire",
    "cli.help.export_household": (
        "écrit le dossier d'un ménage (droit d'accès) dans un classeur Excel, à relire avant de "
        "le remettre"
    ),
    "cli.help.export_household.reference": "référence du ménage (par exemple M-00001)",
    "cli.help.export_household.file": "fichier .xlsx à écrire",
    "export.household_done": (
        "Dossier du ménage {reference} écrit : {path} ({sheets} feuilles). À relire avant de le "
        "remettre : une note peut parler d'autres personnes."
    ),
    "export.household_unknown": "Aucun ménage n'a la référence « {reference} ».",
    "export.file_unwritable": "Le fichier {path} n'a pas pu être écrit : {error}.",
    "export.done": "Classeur écrit : {path} ({households} ménage(s)).",
    "export.sheet_line": "  {sheet} : {count} ligne(s)",
    "export.left_out": (
        "{count} mouvement(s) de dépôt de garantie (transfert au bailleur) ne peuvent pas "
        "s'écrire dans le classeur et n'y figurent pas."
    ),
    # Import workbook: files
    "import.file_missing": "Le fichier « {file} » est introuvable.",
    "import.file_not_a_file": (
        "« {file} » n'est pas un fichier : choisissez un classeur (.xlsx, .xlsm, .xls ou .ods)."
    ),
    "import.file_unreadable": (
        "Le fichier « {file} » ne peut pas être lu (droits d'accès, ou fichier verrouillé)."
    ),
    "import.file_empty": "Le fichier « {file} » est vide.",
    "import.file_too_large": (
        "Le fichier « {file} » est trop volumineux pour être importé ({max} Mo au plus)."
    ),
    "import.file_not_spreadsheet": (
        "« {file} » n'est pas un classeur : enregistrez-le depuis votre tableur au format "
        ".xlsx (ou .xlsm, .xls, .ods), puis réessayez."
    ),
    "import.file_corrupt": (
        "Le fichier « {file} » est endommagé ou incomplet : ouvrez-le dans votre tableur, "
        "enregistrez-le à nouveau au format .xlsx, puis réessayez."
    ),
    "import.file_password": (
        "Le fichier « {file} » est protégé par un mot de passe : enregistrez-en une copie "
        "sans mot de passe."
    ),
    "import.file_too_many_rows": (
        "La feuille « {sheet} » du fichier « {file} » dépasse {max} lignes "
        "(dernière ligne remplie : {last})."
    ),
    "import.file_sheet_too_large": (
        "La feuille « {sheet} » du fichier « {file} » est trop étendue ({rows} lignes, "
        "{columns} colonnes) : videz les cellules inutiles loin à droite ou en bas."
    ),
    "import.cell_error": (
        "« {value} » : la cellule contient une erreur de formule ; corrigez-la dans le fichier."
    ),
    # Import workbook: contracts and movements
    "import.dwelling_unknown": (
        "Le logement « {reference} » n'existe ni dans Seuil ni dans la feuille Logements : "
        "ajoutez-le à la feuille Logements ou corrigez la référence."
    ),
    "import.contract_unknown": (
        "Aucun contrat du ménage « {household} » dans le logement « {dwelling} » ne commence "
        "le {start} : ajoutez-le à la feuille Contrats ou corrigez le début du contrat."
    ),
    "import.contract_without_stay": (
        "Le ménage « {household} » n'a pas un séjour et un seul dans le dispositif "
        "« {programme} » au {start} : le contrat n'est rattaché à aucun séjour (voir la "
        "feuille Ménages)."
    ),
    "import.contract_kind_sliding": (
        "Ce contrat a une convention de glissement : son type reste « Sous-location – bail "
        "glissant »."
    ),
    "import.glissement_not_sliding": (
        "Une date de glissement ne concerne qu'une « Sous-location – bail glissant »."
    ),
    "import.glissement_end_mismatch": (
        "Avec un glissement le {slid_on}, la sous-location se termine la veille ({last_day}) : "
        "laissez la colonne Fin vide ou écrivez {last_day}."
    ),
    "import.glissement_changed": (
        "Le glissement de ce contrat est enregistré au {slid_on} : l'import ne le modifie ni "
        "ne l'efface ; écrivez {slid_on} dans la colonne Date de glissement."
    ),
    "import.glissement_stay_exit": (
        "Le séjour du ménage se termine le {exit} ; avec un glissement le {slid_on}, il se "
        "termine le {last_day} : corrigez la date de sortie dans la feuille Ménages."
    ),
    "import.glissement_dwelling_returned": (
        "Le logement est restitué le {returned_on} ; avec un glissement le {slid_on}, il l'est "
        "le {last_day} : corrigez la date de restitution dans la feuille Logements."
    ),
    "import.rate_at_contract_start": (
        "Le loyer en vigueur au début du contrat ({start}) s'écrit dans la feuille Contrats : "
        "la feuille Loyers ne contient que les changements ultérieurs."
    ),
    "import.movement_changed": (
        "Le mouvement « {reference} » a déjà été importé avec d'autres valeurs : une écriture "
        "ne se modifie pas. Remettez la ligne telle qu'importée, ajoutez une ligne "
        "« Annulation » (Référence annulée : {reference}) puis le mouvement corrigé sous une "
        "nouvelle référence."
    ),
    "import.movement_no_contract": (
        "Le ménage « {household} » n'a aucun contrat : ajoutez-le à la feuille Contrats."
    ),
    "import.movement_no_contract_dwelling": (
        "Le ménage « {household} » n'a aucun contrat dans le logement « {dwelling} » : "
        "corrigez la référence du logement ou ajoutez le contrat à la feuille Contrats."
    ),
    "import.contract_ambiguous": (
        "Le ménage « {household} » a plusieurs contrats ({dwellings}) et aucun ne se "
        "distingue à cette date : indiquez la Référence logement."
    ),
    "import.call_amount_mismatch": (
        "L'appel de {month} vaut {expected} selon le loyer du contrat, et non {amount} : "
        "corrigez le Montant, ou le loyer dans les feuilles Contrats et Loyers."
    ),
    "import.call_nothing_due": (
        "Rien à appeler en {month} pour ce contrat (pas de loyer en vigueur, contrat non en "
        "cours ou montants nuls)."
    ),
    "import.call_month_charged": (
        "Les échéances de {month} de ce contrat sont déjà dans Seuil : cet appel les "
        "doublerait. Supprimez la ligne, ou passez une régularisation."
    ),
    "import.call_month_twice": (
        "L'appel de {month} de ce contrat figure déjà à la ligne {first} : un seul appel par mois."
    ),
    "import.reversed_reference_required": (
        "Indiquez dans la colonne Référence annulée la référence du mouvement annulé."
    ),
    "import.reversed_reference_not_allowed": (
        "La colonne Référence annulée ne se remplit que pour une Annulation."
    ),
    "import.reversed_unknown": (
        "Aucun mouvement « {reference} » ni dans ce classeur ni déjà importé : vérifiez la "
        "Référence annulée."
    ),
    "import.reversal_of_deposit": (
        "Un dépôt reçu ou restitué ne s'annule pas : passez le mouvement de dépôt inverse."
    ),
    "import.reversal_amount_mismatch": (
        "Une annulation reprend tout le mouvement annulé : son montant est {expected}, "
        "et non {amount}."
    ),
    "import.reversal_other_household": (
        "Le mouvement annulé « {reference} » concerne un autre ménage ou un autre logement."
    ),
    "import.period_not_allowed": (
        "Un mouvement de dépôt de garantie ne concerne pas un mois : laissez la colonne Mois "
        "concerné vide."
    ),
    "import.reversal_period_mismatch": (
        "Une annulation reprend le mois du mouvement annulé ({month}) : laissez la colonne "
        "Mois concerné vide ou écrivez ce mois."
    ),
    # Accompaniment
    "measure.unknown": "Cette mesure n'existe pas (ou plus).",
    "measure.programme_unknown": "Ce dispositif n'existe pas (ou plus).",
    "measure.funder_unknown": "Ce financeur n'existe pas (ou plus).",
    "measure.worker_unknown": "Ce professionnel n'a pas de compte dans Seuil.",
    "measure.partner_unknown": "Ce prescripteur n'est pas dans le carnet d'adresses.",
    "measure.code_unknown": "Valeur inconnue : « {value} ».",
    "measure.future_start": "Une mesure ne commence pas après aujourd'hui ({today}).",
    "measure.future_end": "Une mesure ne se termine pas après aujourd'hui ({today}).",
    "measure.future_date": "La date ne peut pas être après aujourd'hui ({today}).",
    "measure.prescribed_after_start": "La prescription ne peut pas suivre le début de la mesure.",
    "measure.signed_before_prescription": (
        "Le contrat d'accompagnement ne peut pas être signé avant la prescription."
    ),
    "measure.months_invalid": "Nombre de mois invalide : « {value} » (au moins 1).",
    "measure.overlap": (
        "Une mesure du même type suit déjà ce ménage sur ces dates (depuis le {start})."
    ),
    "measure.not_for_diagnostic": (
        "Un diagnostic n'a ni renouvellement, ni suspension, ni phase : terminez-le avec "
        "sa conclusion."
    ),
    "measure.after_end": "La date ne peut pas suivre la fin de la mesure ({end}).",
    "measure.before_start": "La date ne peut pas précéder le début de la mesure ({start}).",
    "measure.beyond_max": (
        "Avec ce renouvellement, la mesure durerait {total} mois, au-delà du maximum de "
        "{maximum} mois fixé pour ce financeur."
    ),
    "measure.suspension_reversed": "La suspension ne peut pas finir avant de commencer.",
    "measure.suspension_open": (
        "Une suspension est en cours depuis le {start} : indiquez d'abord sa fin."
    ),
    "measure.suspension_overlap": "Cette suspension chevauche celle qui commence le {start}.",
    "measure.suspension_unknown": "Cette suspension n'existe pas (ou plus).",
    "measure.end_before_record": (
        "La mesure ne peut pas finir avant le {day}, date déjà enregistrée dans son suivi."
    ),
    "measure.conclusion_required": "Un diagnostic se termine par sa conclusion.",
    "measure.outcome_not_for_diagnostic": (
        "Un diagnostic se termine par sa conclusion, sans issue ni situation de logement."
    ),
    "measure.conclusion_only_diagnostic": "Seul un diagnostic se termine par une conclusion.",
    "measure.outcome_required": "Indiquez l'issue de la mesure.",
    "measure.destination_required": "Indiquez la situation de logement à la fin de la mesure.",
    "measure.conflict": (
        "Cette mesure a été modifiée par {who} le {when} : rouvrez-la pour voir sa version."
    ),
    "support.conflict_unknown": (
        "Cet élément a été modifié entre-temps : rouvrez-le pour voir sa version."
    ),
    "support.no_association": "Renseignez d'abord l'association : ses documents portent son nom.",
    "goal.unknown": "Cet objectif n'existe pas (ou plus).",
    "goal.wording_required": "Formulez l'objectif.",
    "goal.wording_too_long": "L'objectif tient en {maximum} caractères au plus.",
    "goal.code_unknown": "Valeur inconnue : « {value} ».",
    "goal.future_date": "La date ne peut pas être après aujourd'hui ({today}).",
    "goal.target_before_opening": "L'échéance ne peut pas précéder l'ouverture de l'objectif.",
    "goal.closed_before_opening": (
        "L'objectif ne peut pas être clôturé avant son ouverture ({opened})."
    ),
    "goal.measure_foreign": "Cette mesure n'est pas une mesure de ce ménage.",
    "goal.conflict": (
        "Cet objectif a été modifié par {who} le {when} : rouvrez-le pour voir sa version."
    ),
    "review.unknown": "Ce bilan n'existe pas (ou plus).",
    "review.kind_unknown": "Type de bilan inconnu : « {value} ».",
    "review.period_reversed": "La période du bilan ne peut pas finir avant de commencer.",
    "review.before_measure": "La période du bilan commence au plus tôt avec la mesure ({start}).",
    "review.future_date": "La date ne peut pas être après aujourd'hui ({today}).",
    "review.not_for_diagnostic": "Un diagnostic se conclut sans bilan d'accompagnement.",
    "review.sent_before_written": (
        "Le bilan ne peut pas être envoyé avant d'être rédigé ({written})."
    ),
    "review.conflict": (
        "Ce bilan a été modifié par {who} le {when} : rouvrez-le pour voir sa version."
    ),
    "attestation.person_foreign": "Cette personne ne fait pas partie de ce ménage.",
    "attestation.measure_foreign": "Cette mesure n'est pas une mesure de ce ménage.",
    "attestation.no_measure": (
        "Ce ménage n'a pas de mesure d'accompagnement à citer : décochez le type, les dates "
        "et le dispositif."
    ),
    "attestation.protected": (
        "Dossier protégé : seuls ses référents peuvent établir une attestation."
    ),
    "attestation.words_too_long": (
        "La phrase de la personne tient en {maximum} caractères au plus (une page)."
    ),
    "contact.code_unknown": "Type de contact inconnu : « {value} ».",
    "contact.future": (
        "Un contact ne peut pas être daté après aujourd'hui ({today}) : notez plutôt le "
        "prochain rendez-vous."
    ),
    "contact.minutes_invalid": "La durée va de 0 à {maximum} minutes.",
    "contact.appointment_before": "Le prochain rendez-vous ne peut pas précéder ce contact.",
    "contact.theme_unknown": "Thème absent de la liste des thèmes : « {value} ».",
    "contact.person_foreign": "Une personne présente ne fait pas partie de ce ménage.",
    "contact.measure_foreign": "Cette mesure n'est pas une mesure de ce ménage.",
    "contact.worker_unknown": "Ce professionnel n'a pas de compte dans Seuil.",
    "contact.note_level": "Niveau de note inconnu : « {value} ».",
    "contact.note_empty": "Une note du contact est vide.",
    "todo.unknown": "Cette chose à faire n'existe pas (ou plus).",
    "todo.text_required": "Écrivez ce qu'il y a à faire.",
    "todo.text_too_long": "Une chose à faire tient en {maximum} caractères au plus.",
    "todo.assignee_unknown": "Ce compte n'existe pas ou n'est plus actif.",
    "todo.future_done": "Une chose à faire ne peut pas être faite après aujourd'hui ({today}).",
    "todo.personal": "Cette chose à faire est personnelle à une autre personne.",
    "todo.conflict": (
        "Cette chose à faire a été modifiée par {who} le {when} : rouvrez-la pour voir sa version."
    ),
    # Agenda
    "reminder.appointment": "Rendez-vous du {due}, fixé lors du contact du {held}.",
    "reminder.review_due": "Bilan intermédiaire à rédiger ({measure}), échéance le {due}.",
    "reminder.final_review_due": "Bilan de fin de mesure à rédiger ({measure}), échéance le {due}.",
    "reminder.review_to_send": (
        "Bilan rédigé le {written} à envoyer au financeur ({measure}), échéance le {due}."
    ),
    "reminder.measure_end": "Fin prévue de la mesure {measure} le {due} : renouveler ou terminer.",
    "reminder.diagnostic_end": "Diagnostic à conclure : fin prévue le {due}.",
    "reminder.todo": "{text}",
    "todo.household_unknown": "Aucun ménage de référence « {reference} » dans votre périmètre.",
    # Pension de famille life
    "life.residence_unknown": "Cette pension n'existe pas (ou plus).",
    "life.activity_unknown": "Cette activité n'existe pas (ou plus).",
    "life.absence_unknown": "Cette absence n'existe pas (ou plus).",
    "life.guest_unknown": "Cette déclaration d'invité n'existe pas (ou plus).",
    "life.code_unknown": "Valeur inconnue : « {value} ».",
    "life.conflict": (
        "Cet élément a été modifié par {who} le {when} : rouvrez-le pour voir sa version."
    ),
    "life.title_required": "Donnez un titre à l'activité.",
    "life.title_too_long": "Le titre tient en {maximum} caractères au plus.",
    "life.activity_future": (
        "Une activité s'enregistre une fois tenue : pas après aujourd'hui ({today})."
    ),
    "life.host_unknown": "Ce compte n'existe pas ou n'est plus actif.",
    "life.attendance_both": "Cochez les présents ou indiquez un effectif, pas les deux.",
    "life.attendance_missing": "Cochez les présents ou indiquez un effectif.",
    "life.head_count_invalid": "L'effectif va de 0 à {maximum} personnes.",
    "life.attendee_not_resident": "Une personne cochée ne réside pas dans la pension le {day}.",
    "life.liaison_required": "Écrivez le message du cahier de liaison.",
    "life.liaison_too_long": "Un message du cahier de liaison tient en {maximum} caractères.",
    "life.tag_not_resident": "Une personne citée ne réside pas dans la pension le {day}.",
    "life.person_not_resident": "Cette personne ne réside pas dans la pension le {day}.",
    "life.household_not_resident": "Ce ménage ne réside pas dans la pension le {day}.",
    "life.end_before_start": "La fin ne peut pas précéder le début.",
    "life.absence_overlap": "Une autre absence de cette personne couvre déjà du {start} au {end}.",
    "life.guest_name_required": "Indiquez le nom de l'invité.",
    "life.guest_name_too_long": "Le nom de l'invité tient en {maximum} caractères au plus.",
    "life.guest_end_required": "Indiquez le dernier jour de l'hébergement de l'invité.",
    "life.guest_overlap": "Cet invité est déjà déclaré du {start} au {end}.",
    "life.guest_too_long": (
        "Un invité est hébergé au plus {months} mois d'affilée : arrivé le {start}, il "
        "repart au plus tard le {last}."
    ),
    # Import workbook: accompaniment
    "import.measure_programme_unknown": (
        "Aucun séjour du ménage « {reference} » ne couvre le début de la mesure, et aucun "
        "dispositif seul de son type : ajoutez le séjour dans la feuille Ménages (la mesure "
        "prend le dispositif du séjour)."
    ),
    "import.measure_months_renewed": (
        "La durée prévue comprend les {renewed} mois de renouvellement déjà enregistrés dans "
        "Seuil : écrivez une durée plus longue."
    ),
    "import.measure_details_without_end": (
        "Cette colonne se remplit à la fin de la mesure : indiquez aussi la date de Fin, ou "
        "laissez la case vide."
    ),
    "import.worker_unknown": (
        "Intervenant « {name} » inconnu : écrivez l'identifiant ou le nom d'un compte de Seuil "
        "(liste : python -m desktop_app users list), créez d'abord son compte, ou laissez la "
        "case vide."
    ),
    "import.worker_ambiguous": (
        "Plusieurs comptes s'appellent « {name} » : écrivez plutôt l'identifiant du compte."
    ),
    "import.contact_repeated": (
        "Même ménage, date, type et intervenant que la ligne {first} : un entretien de plus "
        "est enregistré (supprimez la ligne si c'est un doublon)."
    ),
    # Admissions (candidatures, waiting list, admission)
    "candidature.unknown": "Cette candidature n'existe pas (ou plus).",
    "candidature.programme_unknown": "Ce dispositif n'existe pas (ou plus).",
    "candidature.dwelling_unknown": "Ce logement n'existe pas (ou plus).",
    "candidature.residence_unknown": "Cette pension ou résidence n'existe pas (ou plus).",
    "candidature.partner_unknown": "Ce partenaire n'existe pas (ou plus).",
    "candidature.dwelling_other_programme": (
        "Le logement {dwelling} ne relève pas du dispositif « {programme} »."
    ),
    "candidature.residence_other_programme": (
        "La résidence « {residence} » ne relève pas du dispositif « {programme} »."
    ),
    "candidature.dwelling_other_residence": (
        "Le logement {dwelling} n'est pas une chambre de la résidence « {residence} »."
    ),
    "candidature.household_required": (
        "Choisissez un ménage existant, ou indiquez la personne de référence d'un nouveau ménage."
    ),
    "candidature.future_date": "La date ({day}) est dans le futur.",
    "candidature.before_orientation": ("La date ({day}) précède l'orientation du {oriented}."),
    "candidature.code_unknown": "Valeur inconnue : « {value} ».",
    "candidature.siao_too_long": "Le numéro SI-SIAO tient en {maximum} caractères au plus.",
    "candidature.reason_required": (
        "Un refus ou une candidature sans suite s'accompagne de son motif."
    ),
    "candidature.reason_for_refusal_only": "Une admission n'a pas de motif de refus.",
    "candidature.stay_opened": (
        "Le ménage est entré le {entry} au titre de cette candidature : la décision ne peut "
        "plus être corrigée."
    ),
    "candidature.not_admissible": (
        "Cette candidature a reçu la décision « {decision} » : corrigez d'abord la décision "
        "pour admettre le ménage."
    ),
    "candidature.entry_before_decision": (
        "L'entrée ({entry}) ne peut précéder la décision d'admission ({decided})."
    ),
    "candidature.conflict": (
        "Cette candidature a été modifiée par {who} le {when} : rouvrez-la pour voir sa version."
    ),
    "candidature.conflict_unknown": (
        "Cette candidature a été modifiée entre-temps : rouvrez-la pour voir sa version."
    ),
    "candidature.contract_without_dwelling": (
        "Un contrat se signe pour un logement : choisissez le logement attribué."
    ),
    # Rehousing (applications, DALO, offers, rehousings, path)
    "application.unknown": "Cette demande de logement social n'existe pas (ou plus).",
    "application.number_required": "Indiquez le numéro unique de la demande.",
    "application.number_taken": (
        "Le numéro {number} est déjà celui d'une demande du ménage {household}."
    ),
    "application.number_taken_elsewhere": (
        "Le numéro {number} est déjà enregistré pour la demande d'un autre ménage."
    ),
    "application.code_unknown": "Valeur inconnue : « {value} ».",
    "application.renewed_before_filing": (
        "Le renouvellement ne peut pas précéder le dépôt de la demande ({filed})."
    ),
    "application.filed_after_renewal": (
        "Le dépôt ne peut pas suivre le dernier renouvellement ({renewed})."
    ),
    "application.not_active": "Seule une demande en cours se renouvelle (celle-ci : {status}).",
    "application.recognition_needs_decision": (
        "Indiquez la date de la décision de la COMED pour dire si la priorité est reconnue."
    ),
    "application.appeal_needs_decision": (
        "Un recours suit une décision de la COMED : indiquez d'abord sa date."
    ),
    "application.decision_before_recourse": (
        "La décision de la COMED ne peut pas précéder le recours DALO ({filed})."
    ),
    "application.appeal_before_decision": (
        "Le recours ne peut pas précéder la décision de la COMED ({decision})."
    ),
    "application.conflict": (
        "Cette demande a été modifiée par {who} le {when} : rouvrez-la pour voir sa version."
    ),
    "offer.unknown": "Cette proposition de logement n'existe pas (ou plus).",
    "offer.commune_required": "Indiquez la commune du logement proposé.",
    "offer.rent_negative": "Le loyer ne peut pas être négatif.",
    "offer.application_foreign": "Cette demande n'est pas une demande de ce ménage.",
    "offer.reason_required": "Un refus s'enregistre avec son motif.",
    "offer.outcome_before_offer": "La réponse ne peut pas précéder la proposition ({offered}).",
    "offer.conflict": (
        "Cette proposition a été modifiée par {who} le {when} : rouvrez-la pour voir sa version."
    ),
    "rehousing.conflict_unknown": (
        "Cet élément a été modifié entre-temps : rouvrez-le pour voir sa version."
    ),
    "rehousing.future_date": "La date ne peut pas être après aujourd'hui ({today}).",
    "rehousing.text_too_long": "{maximum} caractères au plus.",
    "rehousing.landlord_required": "Indiquez le bailleur.",
    "rehousing.code_unknown": "Valeur inconnue : « {value} ».",
    "rehousing.destination_not_housing": (
        "Un relogement mène à un logement en bail direct ou glissé ({allowed})."
    ),
    "rehousing.offer_foreign": "Cette proposition n'est pas une proposition faite à ce ménage.",
    "rehousing.offer_refused": "Cette proposition a été refusée : choisissez celle acceptée.",
    "rehousing.before_offer": "Le bail ne peut pas être signé avant la proposition ({offered}).",
    "rehousing.stay_foreign": "Ce séjour n'est pas un séjour de ce ménage.",
    "rehousing.stay_closed": "Ce séjour est déjà terminé (dernier jour : {exit}).",
    "rehousing.measure_foreign": "Cette mesure n'est pas une mesure de ce ménage.",
    "rehousing.measure_ended": "Cette mesure est déjà terminée (le {end}).",
    "rehousing.continues_without_measure": (
        "Choisissez la mesure dont l'accompagnement continue dans le logement."
    ),
    "rehousing.period_reversed": "La période ne peut pas finir avant de commencer.",
    "path.stay_entry": "Entrée — {programme} (venant de : {situation}{referrer})",
    "path.stay_exit": "Sortie — {programme} : {destination} ({reason})",
    "path.orientation": "Orientation vers {programme}{reference}",
    "path.candidature_decision": "Candidature {programme} : {decision}{reason}",
    "path.application_filed": "Demande de logement social n° {number} déposée",
    "path.application_renewed": "Demande de logement social n° {number} renouvelée",
    "path.dalo_filed": "Recours DALO déposé (demande n° {number})",
    "path.comed_recognised": "Décision de la COMED : priorité DALO reconnue",
    "path.comed_not_recognised": "Décision de la COMED : priorité DALO non reconnue",
    "path.comed_decided": "Décision de la COMED",
    "path.dalo_appeal": "Recours contre la décision de la COMED",
    "path.offer": "Proposition de logement : {landlord}, {commune}{details}",
    "path.offer_outcome": "Proposition {landlord}, {commune} : {outcome}{reason}",
    "path.rehousing": "Relogement : bail signé avec {landlord}{commune} ({sector})",
    # Admissions reminders and demo
    "rehousing.contract_end": "Relogement : bail signé le {signed} avec {landlord}.",
    "reminder.siao_answer": (
        "Répondre au SIAO sur l'orientation du {oriented} ({programme}) au plus tard le {due}."
    ),
    "reminder.dalo_limit": (
        "DALO reconnu le {decision} : le délai du préfet expire le {due} "
        "(sans proposition, recours possible)."
    ),
    "reminder.application_renewal": (
        "Renouveler la demande de logement social n° {number} avant le {due}."
    ),
    # Returns: scope and report (core)
    "report.unknown_programme": "Aucun dispositif ne s'appelle « {name} ».",
    "report.unknown_funder": "Aucun financeur ne s'appelle « {name} ».",
    "cli.help.report": "produit un bilan (FNAVDL, IML, pension de famille) en Excel et/ou PDF",
    "cli.help.report.kind": "le bilan : fnavdl, iml ou pension",
    "cli.help.report.from": "premier jour de la période",
    "cli.help.report.to": "dernier jour de la période",
    "cli.help.report.programme": "limiter le bilan à ce dispositif",
    "cli.help.report.funder": "appliquer les paramètres de ce financeur",
    "cli.help.report.force": "produire malgré les anomalies bloquantes (noté dans l'édition)",
    "cli.help.report.out": "fichier .xlsx ou .pdf à écrire (l'option peut être répétée)",
    "cli.help.codes": "liste les codes des indicateurs (code, libellé, unité, définition)",
    "report.out_formats": "{path} : un fichier .xlsx et/ou un fichier .pdf, pas davantage.",
    "report.period_order": "la fin de la période précède son début.",
    "report.finding_line": "[{level}] {household} : {detail}",
    "report.blocked": (
        "Bilan non produit : {count} anomalie(s) bloquante(s) à corriger "
        "(ou --force pour le produire quand même, ce qui sera noté)."
    ),
    "report.written": "Écrit : {path}",
    "report.done": (
        "{title} du {start} au {end} : {codes} indicateurs, {warnings} avertissement(s) ; "
        "édition n° {run}."
    ),
    "staff.programme_unknown": "Dispositif inconnu.",
    "staff.role_required": "Indiquez la fonction (au plus {maximum} caractères).",
    "staff.fte_invalid": "Indiquez un nombre d'ETP positif, par exemple 0,8.",
    "staff.end_before_start": "La fin de l'affectation précède son début.",
    "staff.unknown": "Cette affectation n'existe plus.",
    "report.forced": "Produit malgré {count} anomalie(s) bloquante(s) : c'est noté dans l'édition.",
    # Returns: data-quality checks
    "quality.exit_without_destination": (
        "Sortie du {exit} (« {programme} ») enregistrée sans destination."
    ),
    "quality.future_date.stay_entry": "Date d'entrée du séjour ({day}) après le {today}.",
    "quality.future_date.stay_exit": "Date de sortie du séjour ({day}) après le {today}.",
    "quality.future_date.contract_start": "Début du contrat ({day}) après le {today}.",
    "quality.future_date.contract_end": "Fin du contrat ({day}) après le {today}.",
    "quality.future_date.measure_start": "Début de la mesure ({day}) après le {today}.",
    "quality.future_date.measure_end": "Fin de la mesure ({day}) après le {today}.",
    "quality.future_date.contact": "Entretien daté du {day}, après le {today}.",
    "quality.stay_without_contract": (
        "Entrée le {entry} (« {programme} ») : aucun contrat d'occupation après {days} jours."
    ),
    "quality.measure_overdue": (
        "Mesure {kind} : fin prévue le {planned_end}, ni terminée ni renouvelée {days} jours après."
    ),
    "quality.person_without_birth_date": (
        "Un membre du ménage ({role}, depuis le {joined}) n'a pas de date de naissance."
    ),
    "quality.tiers_payant_without_allocataire": (
        "Contrat du logement {dwelling} en tiers payant depuis le {since} : aucun membre du "
        "ménage n'a de numéro d'allocataire."
    ),
    "quality.measure_without_contact": (
        "Mesure {kind} active du {first} au {last} sans entretien avec le ménage."
    ),
    "quality.possible_missed_exit": (
        "Séjour « {programme} » en cours : ni règlement du ménage ni entretien du {first} "
        "au {last}."
    ),
    "quality.expired_insurance": (
        "Attestation d'assurance expirée le {expired} alors que le contrat court encore."
    ),
    "quality.contract_renewal_overdue": (
        "Contrat du logement {dwelling} : date de renouvellement dépassée ({renewal})."
    ),
    "quality.application_not_renewed": (
        "Demande de logement social à renouveler avant le {due}, toujours « En cours »."
    ),
    "quality.support_contract_unsigned": (
        "Mesure {kind} commencée le {start} : contrat d'accompagnement non signé au {deadline}."
    ),
    "quality.house_rules_unsigned": (
        "Résident de « {programme} » depuis le {entry} : aucun règlement intérieur signé."
    ),
    "quality.quittance_unsettled": (
        "Quittance n° {number} de {month} ({amount}) : ce mois n'est plus soldé."
    ),
    # Returns: figures of housing, pensions and arrears
    # Returns: Excel workbook
    # Returns: PDF report
    # Returns: report runs, freeze and comparison
    "report_run.unknown": "Cette édition de bilan n'existe pas (ou plus).",
    "report_run.already_frozen": "Cette édition est déjà figée depuis le {date} (par {by}).",
    "report_run.unknown_code": "L'édition n° {run} ne contient pas l'indicateur « {figure} ».",
    "report_run.file_unknown": "L'édition n° {run} ne contient pas de fichier « {name} ».",
    "report_run.file_corrupted": (
        "Le fichier « {name} » de l'édition n° {run} est altéré : son empreinte SHA-256 ne "
        "correspond plus. Restaurez une sauvegarde de la base."
    ),
    "report_run.system_author": "Système",
    "report_run.out_of_scope": "Ménage hors de votre périmètre",
    "report_run.deleted_household": "Ménage supprimé depuis",
    # Tableau de bord
    # Funder grids: placeholders and files
    "grid.empty": "Balise {{{{ }}}} vide : écrivez un code entre les accolades.",
    "grid.bad_syntax": (
        "Balise {{{{{text}}}}} illisible : écrivez {{{{code}}}}, {{{{bilan:code}}}} ou "
        "{{{{code|programme=Nom du dispositif}}}}."
    ),
    "grid.unknown_return": (
        "Balise {{{{{text}}}}} : « {kind} » n'est pas un bilan (bilans possibles : {known})."
    ),
    "grid.special_options": (
        "Balise {{{{{text}}}}} : {{{{{special}}}}} ne prend ni bilan ni filtre."
    ),
    "grid.unknown_filter": (
        "Balise {{{{{text}}}}} : filtre « {key} » inconnu (filtres possibles : programme=, on=)."
    ),
    "grid.duplicate_filter": "Balise {{{{{text}}}}} : le filtre « {key} » est donné deux fois.",
    "grid.empty_filter": "Balise {{{{{text}}}}} : le filtre « {key} » n'a pas de valeur.",
    "grid.bad_date": (
        "Balise {{{{{text}}}}} : « {value} » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)."
    ),
    "grid.unknown_code": (
        "Balise {{{{{text}}}}} : le code « {code} » n'existe pas. Codes proches : {suggestions}."
    ),
    "grid.unknown_code_far": (
        "Balise {{{{{text}}}}} : le code « {code} » n'existe pas (la liste des codes : "
        "python -m desktop_app codes)."
    ),
    "grid.code_not_in_return": (
        "Balise {{{{{text}}}}} : le code « {code} » ne figure pas dans « {title} »."
    ),
    "grid.on_not_esds": (
        "Balise {{{{{text}}}}} : le filtre on= ne vaut que pour les codes de l'enquête ES-DS "
        "(esds.…)."
    ),
    "grid.at_cell": "Feuille « {sheet} », cellule {cell} : {problem}",
    "grid.xls": (
        "Cette grille est un ancien classeur Excel (.xls). Enregistrez la grille au format "
        ".xlsx (Excel 2007 et suivants) puis recommencez."
    ),
    "grid.encrypted": (
        "Cette grille est protégée par un mot de passe. Enregistrez la grille sans mot de "
        "passe au format .xlsx (Excel 2007 et suivants) puis recommencez."
    ),
    "grid.ods": (
        "Cette grille est au format OpenDocument (.ods). Enregistrez la grille au format "
        ".xlsx (Excel 2007 et suivants) puis recommencez."
    ),
    "grid.xlsb": (
        "Cette grille est un classeur Excel binaire (.xlsb). Enregistrez la grille au format "
        ".xlsx (Excel 2007 et suivants) puis recommencez."
    ),
    "grid.not_xlsx": (
        "Ce fichier n'est pas un classeur Excel. Enregistrez la grille au format .xlsx "
        "(Excel 2007 et suivants) puis recommencez."
    ),
    "grid.damaged": (
        "Ce classeur .xlsx est endommagé ({part} illisible) : ouvrez-le dans Excel ou "
        "LibreOffice, enregistrez-le à nouveau puis recommencez."
    ),
    "grid.too_large": (
        "Cette grille est trop volumineuse ({size} Mo une fois décompressée) pour une grille "
        "de financeur."
    ),
    # Funder grids: storing and filling
    "funder_grid.refused": (
        "Grille refusée : {count} repère(s) à corriger ; rien n'a été calculé ni enregistré.\n"
        "{lines}"
    ),
    "funder_grid.suggestions": " Codes proches : {codes}.",
    "funder_grid.unknown_programme": "« {text} » : aucun dispositif ne s'appelle « {name} ».",
    "funder_grid.special.period.start": "Début de la période",
    "funder_grid.special.period.end": "Fin de la période",
    "funder_grid.special.association.name": "Nom de l'association",
    "funder_grid.special.association.siret": "SIRET de l'association",
    "funder_grid.special.today": "Date du jour (édition)",
    "funder_grid.name_required": "Donnez un nom à la grille (au plus {maximum} caractères).",
    "funder_grid.funder_unknown": "Aucun financeur ne s'appelle « {name} ».",
    "funder_grid.unknown": "Cette grille n'existe pas (ou plus).",
    "funder_grid.version_unknown": "Cette version de grille n'existe pas (ou plus).",
    "funder_grid.file_corrupted": (
        "Le fichier de la version {version} de la grille « {name} » est altéré : son empreinte "
        "SHA-256 ne correspond plus. Restaurez une sauvegarde de la base."
    ),
    "funder_grid.out_format": "{path} : la grille remplie s'écrit dans un fichier .xlsx.",
    "funder_grid.out_is_grid": (
        "{path} : choisissez un autre fichier que la grille à remplir (elle reste intacte)."
    ),
    "funder_grid.blocked": (
        "Grille non remplie : {count} anomalie(s) bloquante(s) à corriger "
        "(ou --force pour la remplir quand même, ce qui sera noté)."
    ),
    "funder_grid.done": (
        "Grille remplie du {start} au {end} : {count} repère(s) remplis, "
        "{warnings} avertissement(s) ; édition n° {run}."
    ),
    "funder_grid.forced": (
        "Remplie malgré {count} anomalie(s) bloquante(s) : c'est noté dans l'édition."
    ),
    "cli.help.fill": "remplit la grille Excel d'un financeur avec les indicateurs d'une période",
    "cli.help.fill.grid": "la grille du financeur (.xlsx), ses repères entre doubles accolades",
    "cli.help.fill.return": (
        "bilan appliqué aux repères qui n'en nomment pas : fnavdl, iml ou pension "
        "(sinon tous les dispositifs de l'association)"
    ),
    "cli.help.fill.programme": "limiter à ce dispositif (sauf les repères qui en nomment un)",
    "cli.help.fill.force": "remplir malgré les anomalies bloquantes (noté dans l'édition)",
    "cli.help.fill.out": "fichier .xlsx à écrire : la grille remplie",
    # Generic
    "input.invalid": "Saisie à corriger ({count} point(s)) :",
    "task.cancelled": "Opération annulée.",
}


def message(code: str, /, **params: object) -> str:
    """Return the French text for ``code`` with ``params`` substituted.

    Raises:
        KeyError: for an unknown code, or a placeholder without its parameter; both are
            programming errors caught by the catalogue test.
    """
    return MESSAGES[code].format(**params)


def placeholders(code: str) -> set[str]:
    """Names of the ``{placeholders}`` a message expects (used by tests and linters)."""
    return {name for _, name, _, _ in Formatter().parse(MESSAGES[code]) if name}
