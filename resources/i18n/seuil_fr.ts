<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Seuil</source>
        <translation>À propos de Seuil</translation>
    </message>
    <message>
        <source>Seuil {version}</source>
        <translation>Seuil {version}</translation>
    </message>
    <message>
        <source>Rental intermediation, sliding leases and boarding houses for the associations of Housing First.</source>
        <translation>Intermédiation locative, bail glissant et pensions de famille pour les associations du Logement d&apos;abord.</translation>
    </message>
    <message>
        <source>Seuil is free software, distributed under the European Union Public Licence (EUPL-1.2).</source>
        <translation>Seuil est un logiciel libre, distribué sous la Licence publique de l&apos;Union européenne (EUPL-1.2).</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt}, PySide6 {pyside}</source>
        <translation>Python {python}, Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Logiciels tiers</translation>
    </message>
    <message>
        <source>Seuil is built with:</source>
        <translation>Seuil repose sur :</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add an account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <source>Every programme</source>
        <translation>Tous les dispositifs</translation>
    </message>
    <message>
        <source>Programme: {name}</source>
        <translation>Dispositif : {name}</translation>
    </message>
    <message>
        <source>House: {name}</source>
        <translation>Pension : {name}</translation>
    </message>
    <message>
        <source>Account ends on</source>
        <translation>Fin du compte le</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom et prénom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Limited to</source>
        <translation>Limité à</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>AssociationDialog</name>
    <message>
        <source>Create my association</source>
        <translation>Créer mon association</translation>
    </message>
    <message>
        <source>These details appear on receipts, letters and funders&apos; returns. Only the name is required now; you can complete the rest later.</source>
        <translation>Ces informations figurent sur les quittances, les courriers et les bilans aux financeurs. Seul le nom est obligatoire maintenant ; vous pourrez compléter le reste plus tard.</translation>
    </message>
    <message>
        <source>Name of the association *</source>
        <translation>Nom de l&apos;association *</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Error: {field}</source>
        <translation>Erreur : {field}</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>DataFolderDialog</name>
    <message>
        <source>Where should Seuil keep its data?</source>
        <translation>Où Seuil doit-il ranger ses données ?</translation>
    </message>
    <message>
        <source>Seuil keeps the association&apos;s database, its documents and its backups in one folder of this computer. The choice is remembered for this account.</source>
        <translation>Seuil range la base de l&apos;association, ses documents et ses sauvegardes dans un dossier de cet ordinateur. Ce choix est retenu pour ce compte.</translation>
    </message>
    <message>
        <source>For my account only</source>
        <translation>Pour mon compte uniquement</translation>
    </message>
    <message>
        <source>For every account of this computer</source>
        <translation>Pour tous les comptes de cet ordinateur</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Entry into a programme</source>
        <translation>Entrée dans un dispositif</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Entry date</source>
        <translation>Date d&apos;entrée</translation>
    </message>
    <message>
        <source>Situation before entry</source>
        <translation>Situation avant l&apos;entrée</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Prescripteur</translation>
    </message>
    <message>
        <source>DALO status</source>
        <translation>Statut DALO</translation>
    </message>
    <message>
        <source>SI-SIAO reference</source>
        <translation>N° SI-SIAO</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Action not possible</source>
        <translation>Action impossible</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <source>Exit from {programme}</source>
        <translation>Sortie de {programme}</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Housing situation at exit</source>
        <translation>Situation de logement à la sortie</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif de sortie</translation>
    </message>
</context>
<context>
    <name>GlissementDialog</name>
    <message>
        <source>Glissement of the lease</source>
        <translation>Glissement du bail</translation>
    </message>
    <message>
        <source>First day of the household&apos;s own lease</source>
        <translation>Premier jour du bail au nom du ménage</translation>
    </message>
    <message>
        <source>Transferred to the landlord</source>
        <translation>Transféré au bailleur</translation>
    </message>
    <message>
        <source>Refunded to the household</source>
        <translation>Restitué au ménage</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Dépôt de garantie</translation>
    </message>
    <message>
        <source>Record the glissement</source>
        <translation>Enregistrer le glissement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>On {last}, the association&apos;s last day: the sublease of dwelling {dwelling} and its main lease end, the dwelling leaves the programme&apos;s stock (it is not vacant), and the stay closes with the destination « Bail glissé ».</source>
        <translation>Le {last}, dernier jour de l&apos;association : la sous-location du logement {dwelling} et son bail principal prennent fin, le logement sort du parc du dispositif (il n&apos;est pas vacant) et le séjour se clôt avec la destination « Bail glissé ».</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Welcome to Seuil</source>
        <translation>Bienvenue dans Seuil</translation>
    </message>
    <message>
        <source>Housing first: the home comes first, and support adapts to each person, starting from their strengths. Seuil keeps the households you house, their homes, their rents and their path to a home of their own, in one place.</source>
        <translation>Le logement d&apos;abord : le logement vient en premier, et l&apos;accompagnement s&apos;adapte à chaque personne en partant de ses forces. Seuil rassemble en un seul endroit les ménages que vous logez, leurs logements, leurs loyers et leur parcours jusqu&apos;à un logement à eux.</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Base de données utilisée</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Emplacement :</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>Moteur :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Justified accesses to your households&apos; files</source>
        <translation>Accès justifiés aux dossiers que vous suivez</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>No association recorded in this database.</source>
        <translation>Aucune association n&apos;est enregistrée dans cette base.</translation>
    </message>
    <message>
        <source>The database was updated; a backup was made first: {path}</source>
        <translation>La base a été mise à jour ; une copie de sécurité a été faite avant : {path}</translation>
    </message>
    <message>
        <source>{when} — {by}, household {household}: « {reason} »</source>
        <translation>{when} — {by}, ménage {household} : « {reason} »</translation>
    </message>
    <message>
        <source>SQLite file on this computer</source>
        <translation>Fichier SQLite sur cet ordinateur</translation>
    </message>
    <message>
        <source>PostgreSQL server shared by the team</source>
        <translation>Serveur PostgreSQL partagé par l&apos;équipe</translation>
    </message>
    <message>
        <source>Server not reachable</source>
        <translation>Serveur injoignable</translation>
    </message>
    <message>
        <source>Not created yet</source>
        <translation>Pas encore créée</translation>
    </message>
    <message>
        <source>Present ({size})</source>
        <translation>Présente ({size})</translation>
    </message>
    <message>
        <source>Reachable ({version})</source>
        <translation>Joignable ({version})</translation>
    </message>
</context>
<context>
    <name>HouseholdFileWindow</name>
    <message>
        <source>Household file</source>
        <translation>Dossier du ménage</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Composition</translation>
    </message>
    <message>
        <source>Contact and rights</source>
        <translation>Coordonnées et droits</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <source>Housing and contract</source>
        <translation>Logement et contrat</translation>
    </message>
    <message>
        <source>Glissement…</source>
        <translation>Glissement…</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>New entry…</source>
        <translation>Nouvelle entrée…</translation>
    </message>
    <message>
        <source>Exit…</source>
        <translation>Sortie…</translation>
    </message>
    <message>
        <source>The person may read what is written here (right of access): write facts, respectfully, starting from their strengths.</source>
        <translation>La personne peut lire ce qui est écrit ici (droit d&apos;accès) : écrivez des faits, avec respect, en partant de ses forces.</translation>
    </message>
    <message>
        <source>Justified access…</source>
        <translation>Accès justifié…</translation>
    </message>
    <message>
        <source>{kind} — dwelling {dwelling}, {period} ({state})</source>
        <translation>{kind} — logement {dwelling}, {period} ({state})</translation>
    </message>
    <message>
        <source>Rent {rent} + charges {charges}, benefit expected {benefit}{payant}</source>
        <translation>Loyer {rent} + charges {charges}, APL attendue {benefit}{payant}</translation>
    </message>
    <message>
        <source> (paid to the association)</source>
        <translation> (versée à l&apos;association)</translation>
    </message>
    <message>
        <source>Sliding lease: {outcome}; next review {review}; deadline {deadline}</source>
        <translation>Bail glissant : {outcome} ; prochain examen le {review} ; échéance maximale le {deadline}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>soon</source>
        <translation>bientôt</translation>
    </message>
    <message>
        <source>No contract yet.</source>
        <translation>Pas encore de contrat.</translation>
    </message>
    <message>
        <source> — protected file</source>
        <translation> — dossier protégé</translation>
    </message>
    <message>
        <source>Household {reference}</source>
        <translation>Ménage {reference}</translation>
    </message>
    <message>
        <source>Protected file: contact and rights are shown to its key worker only.</source>
        <translation>Dossier protégé : les coordonnées et les droits ne sont montrés qu&apos;à son référent.</translation>
    </message>
    <message>
        <source>Domiciliation: {place}</source>
        <translation>Domiciliation : {place}</translation>
    </message>
    <message>
        <source>No address recorded</source>
        <translation>Aucune adresse enregistrée</translation>
    </message>
    <message>
        <source>{agency} allocataire no. {number}</source>
        <translation>{agency} n° allocataire {number}</translation>
    </message>
    <message>
        <source>Residence permit until {day}</source>
        <translation>Titre de séjour valable jusqu&apos;au {day}</translation>
    </message>
    <message>
        <source>Emergency contact: {contact}</source>
        <translation>Personne à prévenir : {contact}</translation>
    </message>
    <message>
        <source>Entry on {date} — {programme} (from: {situation}{referrer})</source>
        <translation>Entrée le {date} — {programme} (venant de : {situation}{referrer})</translation>
    </message>
    <message>
        <source>Exit on {date} — {destination} ({reason})</source>
        <translation>Sortie le {date} — {destination} ({reason})</translation>
    </message>
    <message>
        <source>Confidential or health notes exist; they are reserved for the key worker&apos;s circle.</source>
        <translation>Des notes confidentielles ou de santé existent ; elles sont réservées au cercle du référent.</translation>
    </message>
    <message>
        <source>Justified access</source>
        <translation>Accès justifié</translation>
    </message>
    <message>
        <source>Why must you read these notes? The key worker will see your reason.</source>
        <translation>Pourquoi devez-vous lire ces notes ? Le référent verra votre motif.</translation>
    </message>
</context>
<context>
    <name>HouseholdsTableModel</name>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Personne de référence</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Key worker</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Protected file</source>
        <translation>Dossier protégé</translation>
    </message>
</context>
<context>
    <name>HouseholdsView</name>
    <message>
        <source>Name, reference, SI-SIAO reference, address or phone…</source>
        <translation>Nom, référence, n° SI-SIAO, adresse ou téléphone…</translation>
    </message>
    <message>
        <source>Search households</source>
        <translation>Rechercher un ménage</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sortis</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivés</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Every programme</source>
        <translation>Tous les dispositifs</translation>
    </message>
    <message>
        <source>Key worker</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Every key worker</source>
        <translation>Tous les référents</translation>
    </message>
    <message>
        <source>New household…</source>
        <translation>Nouveau ménage…</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>{count} household(s)</source>
        <translation>{count} ménage(s)</translation>
    </message>
</context>
<context>
    <name>HousingView</name>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typologie</translation>
    </message>
    <message>
        <source>Lots / places</source>
        <translation>Lots / places</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Vacant since</source>
        <translation>Vacant depuis le</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Logements</translation>
    </message>
    <message>
        <source>reason not recorded</source>
        <translation>motif non renseigné</translation>
    </message>
    <message>
        <source> (neutralised)</source>
        <translation> (neutralisée)</translation>
    </message>
    <message>
        <source>{count} dwelling(s), {empty} empty on {day}.</source>
        <translation>{count} logement(s), {empty} vide(s) au {day}.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to Seuil</source>
        <translation>Connexion à Seuil</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Login error</source>
        <translation>Erreur de connexion</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Type your login and your password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Seuil</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Demonstration: every person and figure here is fictitious, in a separate database. Your association&apos;s data is not here.</source>
        <translation>Démonstration : toutes les personnes et tous les chiffres sont fictifs, dans une base à part. Les données de votre association ne sont pas ici.</translation>
    </message>
    <message>
        <source>Demonstration</source>
        <translation>Démonstration</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>Base de données utilisée</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Ouvrir le dossier du &amp;journal</translation>
    </message>
    <message>
        <source>&amp;About Seuil</source>
        <translation>À &amp;propos de Seuil</translation>
    </message>
    <message>
        <source>Seuil — {name}</source>
        <translation>Seuil — {name}</translation>
    </message>
    <message>
        <source>User: {login}</source>
        <translation>Utilisateur : {login}</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>Base : {location}</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>No log file is in use.</source>
        <translation>Aucun fichier journal n&apos;est utilisé.</translation>
    </message>
</context>
<context>
    <name>NewHouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>Nouveau ménage</translation>
    </message>
    <message>
        <source>Household since</source>
        <translation>Ménage depuis le</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <source>Remove the person</source>
        <translation>Retirer la personne</translation>
    </message>
    <message>
        <source>Problems to correct</source>
        <translation>Points à corriger</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Persons already known</source>
        <translation>Personnes déjà connues</translation>
    </message>
    <message>
        <source>Link this person instead</source>
        <translation>Rattacher cette personne</translation>
    </message>
    <message>
        <source>no household</source>
        <translation>aucun ménage</translation>
    </message>
    <message>
        <source>{last} {first}, born {born} — {homes}</source>
        <translation>{last} {first}, né·e le {born} — {homes}</translation>
    </message>
    <message>
        <source>This person may already be known to Seuil: link them rather than creating a second file.</source>
        <translation>Cette personne est peut-être déjà connue de Seuil : rattachez-la plutôt que de créer un second dossier.</translation>
    </message>
    <message>
        <source>Person already known, linked</source>
        <translation>Personne déjà connue, rattachée</translation>
    </message>
    <message>
        <source>Linked: the existing person joins this household.</source>
        <translation>Rattachée : la personne existante rejoint ce ménage.</translation>
    </message>
    <message>
        <source>Person {number}: </source>
        <translation>Personne {number} : </translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Create the administrator account</source>
        <translation>Créer le compte administrateur</translation>
    </message>
    <message>
        <source>Choose your password</source>
        <translation>Choisissez votre mot de passe</translation>
    </message>
    <message>
        <source>The administrator manages accounts, backups and settings; they see no household&apos;s file. Choose a long password: a sentence of several unrelated words is easy to remember and hard to guess.</source>
        <translation>L&apos;administrateur gère les comptes, les sauvegardes et les paramètres ; il ne voit aucun dossier de ménage. Choisissez un mot de passe long : une phrase de plusieurs mots sans rapport entre eux se retient facilement et se devine difficilement.</translation>
    </message>
    <message>
        <source>Your password was given to you by someone else: choose your own now.</source>
        <translation>Votre mot de passe vous a été transmis par quelqu&apos;un d&apos;autre : choisissez le vôtre maintenant.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom et prénom</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Mot de passe (confirmation)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>enough</source>
        <translation>suffisant</translation>
    </message>
    <message>
        <source>not enough yet</source>
        <translation>pas encore suffisant</translation>
    </message>
    <message>
        <source>Strength: {bits} bits of {required} required ({verdict}).</source>
        <translation>Robustesse : {bits} bits sur {required} demandés ({verdict}).</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Recovery code</source>
        <translation>Code de récupération</translation>
    </message>
    <message>
        <source>If the administrator&apos;s password is ever lost, this code gives a new one (command « users reset-admin »). Write it down and keep it in a safe place: Seuil will not show it again.</source>
        <translation>Si le mot de passe de l&apos;administrateur est perdu, ce code permet d&apos;en obtenir un nouveau (commande « users reset-admin »). Notez-le et rangez-le en lieu sûr : Seuil ne l&apos;affichera plus.</translation>
    </message>
    <message>
        <source>I have written this code down in a safe place</source>
        <translation>J&apos;ai noté ce code et l&apos;ai rangé en lieu sûr</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>SecurityLogView</name>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>household reference</source>
        <translation>référence du ménage</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Security log</source>
        <translation>Traçabilité</translation>
    </message>
    <message>
        <source>{count} event(s) shown, newest first.</source>
        <translation>{count} événement(s) affiché(s), du plus récent au plus ancien.</translation>
    </message>
    <message>
        <source>The log is intact: {count} event(s) verified.</source>
        <translation>La traçabilité est intacte : {count} événement(s) vérifié(s).</translation>
    </message>
    <message>
        <source>The log is broken at event no. {event}: it was changed, or an earlier event deleted.</source>
        <translation>La traçabilité est rompue à l&apos;événement n° {event} : il a été modifié, ou un événement précédent supprimé.</translation>
    </message>
</context>
<context>
    <name>StartupController</name>
    <message>
        <source>Creating the database…</source>
        <translation>Création de la base…</translation>
    </message>
    <message>
        <source>Preparing the demonstration (fictitious data)…</source>
        <translation>Préparation de la démonstration (données fictives)…</translation>
    </message>
    <message>
        <source>Seuil</source>
        <translation>Seuil</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Seuil met an unexpected error. What was already saved is safe; the action in progress was not completed. You can continue working.</source>
        <translation>Seuil a rencontré une erreur inattendue. Ce qui était déjà enregistré est intact ; l&apos;action en cours n&apos;a pas été terminée. Vous pouvez continuer à travailler.</translation>
    </message>
    <message>
        <source>no log file</source>
        <translation>aucun fichier journal</translation>
    </message>
    <message>
        <source>Technical details for support: {path}</source>
        <translation>Détails techniques pour l&apos;assistance : {path}</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Ouvrir le dossier du journal</translation>
    </message>
</context>
<context>
    <name>UsersView</name>
    <message>
        <source>Each person has their own account. Roles add up; each may be limited to a programme or a house. A disabled account stays in the history.</source>
        <translation>Chaque personne a son propre compte. Les rôles s&apos;additionnent ; chacun peut être limité à un dispositif ou à une pension. Un compte désactivé reste dans l&apos;historique.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Fin le</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Add an account…</source>
        <translation>Ajouter un compte…</translation>
    </message>
    <message>
        <source>Disable the account</source>
        <translation>Désactiver le compte</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Account ready</source>
        <translation>Compte prêt</translation>
    </message>
    <message>
        <source>The account « {login} » is ready. Temporary password, to give to the person (they will choose their own at their first login): {password}</source>
        <translation>Le compte « {login} » est prêt. Mot de passe provisoire, à transmettre à la personne (elle choisira le sien à sa première connexion) : {password}</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>Sélectionnez d&apos;abord un compte.</translation>
    </message>
    <message>
        <source>Disable the account « {login} » ({name})?</source>
        <translation>Désactiver le compte « {login} » ({name}) ?</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Seuil</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Welcome to Seuil</source>
        <translation>Bienvenue dans Seuil</translation>
    </message>
    <message>
        <source>Housing first: the home comes first, and support adapts to each person, starting from their strengths. Seuil keeps the households you house, their homes, their rents and their path to a home of their own, in one place.</source>
        <translation>Le logement d&apos;abord : le logement vient en premier, et l&apos;accompagnement s&apos;adapte à chaque personne en partant de ses forces. Seuil rassemble en un seul endroit les ménages que vous logez, leurs logements, leurs loyers et leur parcours jusqu&apos;à un logement à eux.</translation>
    </message>
    <message>
        <source>Create my association</source>
        <translation>Créer mon association</translation>
    </message>
    <message>
        <source>Explore the demonstration</source>
        <translation>Explorer la démonstration</translation>
    </message>
    <message>
        <source>The demonstration is a fictitious association in a separate database: nothing you try there touches your own data.</source>
        <translation>La démonstration est une association fictive, dans une base à part : rien de ce que vous y essayez ne touche à vos propres données.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
</context>
<context>
    <name>_StayDialog</name>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>
