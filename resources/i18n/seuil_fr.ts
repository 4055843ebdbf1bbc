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
    <name>AbsenceDialog</name>
    <message>
        <source>Absence</source>
        <translation>Absence</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Résident</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>First day away</source>
        <translation>Premier jour d&apos;absence</translation>
    </message>
    <message>
        <source>Last day away</source>
        <translation>Dernier jour d&apos;absence</translation>
    </message>
</context>
<context>
    <name>AccountTab</name>
    <message>
        <source>Quittances to look at</source>
        <translation>Quittances à revoir</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Débit</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Crédit</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Account lines</source>
        <translation>Lignes du compte</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Émis le</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Documents issued</source>
        <translation>Documents émis</translation>
    </message>
    <message>
        <source>Balance on</source>
        <translation>Solde au</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Lines from</source>
        <translation>Lignes du</translation>
    </message>
    <message>
        <source>Lines to</source>
        <translation>Lignes au</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Balance (owed less advance)</source>
        <translation>Solde (dû moins avance)</translation>
    </message>
    <message>
        <source>Owed, due or not</source>
        <translation>Dû, échu ou non</translation>
    </message>
    <message>
        <source>Debt in default</source>
        <translation>Dette exigible</translation>
    </message>
    <message>
        <source>Housing benefit expected</source>
        <translation>APL attendue</translation>
    </message>
    <message>
        <source>Housing benefit expected, not received</source>
        <translation>APL attendue non reçue</translation>
    </message>
    <message>
        <source>Advance</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Household share this month</source>
        <translation>Reste à charge du mois</translation>
    </message>
    <message>
        <source>Deposit held</source>
        <translation>Dépôt de garantie détenu</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>Impayés</translation>
    </message>
    <message>
        <source>Arrears level and statuses</source>
        <translation>Niveau d&apos;impayé et statuts</translation>
    </message>
    <message>
        <source>Payment…</source>
        <translation>Règlement…</translation>
    </message>
    <message>
        <source>Other entry…</source>
        <translation>Autre écriture…</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>Annuler une écriture…</translation>
    </message>
    <message>
        <source>Deposit…</source>
        <translation>Dépôt de garantie…</translation>
    </message>
    <message>
        <source>Quittance / receipt…</source>
        <translation>Quittance / reçu…</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>Relevé de compte…</translation>
    </message>
    <message>
        <source>{label} (reversed)</source>
        <translation>{label} (annulée)</translation>
    </message>
    <message>
        <source>⚠ month no longer settled</source>
        <translation>⚠ mois qui n&apos;est plus soldé</translation>
    </message>
    <message>
        <source>No rent account yet.</source>
        <translation>Pas encore de compte locatif.</translation>
    </message>
    <message>
        <source>{dwelling}: {level}</source>
        <translation>{dwelling} : {level}</translation>
    </message>
    <message>
        <source> — debt {debt}</source>
        <translation> — dette {debt}</translation>
    </message>
    <message>
        <source>, first unpaid on {day}</source>
        <translation>, premier impayé le {day}</translation>
    </message>
    <message>
        <source>Next step: {text}</source>
        <translation>Prochaine démarche : {text}</translation>
    </message>
    <message>
        <source>Your role does not show the payment situation.</source>
        <translation>Votre rôle ne montre pas la situation de paiement.</translation>
    </message>
    <message>
        <source>No contract: the household has no account.</source>
        <translation>Aucun contrat : le ménage n&apos;a pas de compte.</translation>
    </message>
    <message>
        <source>⚠ Quittance {number} of {month} was issued, but the month is no longer settled (a later reversal): see the household.</source>
        <translation>⚠ La quittance {number} de {month} a été émise, mais le mois n&apos;est plus soldé (une annulation ultérieure) : voir avec le ménage.</translation>
    </message>
    <message>
        <source>since {start}</source>
        <translation>depuis le {start}</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>No document to issue for this month.</source>
        <translation>Aucun document à émettre pour ce mois.</translation>
    </message>
    <message>
        <source>No application could open {file}. It was saved as {path}.</source>
        <translation>Aucune application n&apos;a pu ouvrir {file}. Il a été enregistré sous {path}.</translation>
    </message>
    <message>
        <source>Select an entry that is not reversed first.</source>
        <translation>Sélectionnez d&apos;abord une écriture non annulée.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Collective activity</source>
        <translation>Activité collective</translation>
    </message>
    <message>
        <source>Attendance: {title}</source>
        <translation>Présences : {title}</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>Personne en particulier</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Animée par</translation>
    </message>
    <message>
        <source>Named residents</source>
        <translation>Résidents nommés</translation>
    </message>
    <message>
        <source>Head count only</source>
        <translation>Effectif seulement</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>Residents present</source>
        <translation>Résidents présents</translation>
    </message>
    <message>
        <source>All present</source>
        <translation>Tous présents</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Head count</source>
        <translation>Effectif</translation>
    </message>
</context>
<context>
    <name>AddGridDialog</name>
    <message>
        <source>Add a funder&apos;s grid</source>
        <translation>Ajouter la grille d&apos;un financeur</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>The grid is kept in Seuil with its versions. Under the name of a grid already kept, this file becomes its next version.</source>
        <translation>La grille est conservée dans Seuil avec ses versions. Sous le nom d&apos;une grille déjà conservée, ce fichier en devient la version suivante.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Grid or version added</source>
        <translation>Grille ou version ajoutée</translation>
    </message>
    <message>
        <source>F&amp;under (optional)</source>
        <translation>Fin&amp;anceur (facultatif)</translation>
    </message>
    <message>
        <source>A new grid (version 1).</source>
        <translation>Une nouvelle grille (version 1).</translation>
    </message>
    <message>
        <source>« {name} » is kept already: this file becomes its version {version}.</source>
        <translation>« {name} » est déjà conservée : ce fichier en devient la version {version}.</translation>
    </message>
</context>
<context>
    <name>AddLineDialog</name>
    <message>
        <source>Add a line</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <source>A negative amount records an indu or a retenue: the household owes it again. A positive amount records a late payment.</source>
        <translation>Un montant négatif enregistre un indu ou une retenue : le ménage le doit de nouveau. Un montant positif enregistre un rappel versé en retard.</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Month covered</source>
        <translation>Mois concerné</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée</translation>
    </message>
</context>
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Add a member</source>
        <translation>Ajouter un membre</translation>
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
        <source>Member since</source>
        <translation>Membre depuis le</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Persons already known</source>
        <translation>Personnes déjà connues</translation>
    </message>
    <message>
        <source>Link this person</source>
        <translation>Rattacher cette personne</translation>
    </message>
    <message>
        <source>It is someone else: create</source>
        <translation>C&apos;est une autre personne : créer</translation>
    </message>
    <message>
        <source>no household</source>
        <translation>aucun ménage</translation>
    </message>
    <message>
        <source>{last} {first}, born {born} — {homes}</source>
        <translation>{last} {first}, né·e le {born} — {homes}</translation>
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
    <name>AddressDialog</name>
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
        <source>Domiciliation (postal address)</source>
        <translation>Domiciliation (adresse postale)</translation>
    </message>
</context>
<context>
    <name>AdmissionsView</name>
    <message>
        <source>Candidatures</source>
        <translation>Candidatures</translation>
    </message>
    <message>
        <source>Admission figures</source>
        <translation>Chiffres des admissions</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Admissions</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Tous les dispositifs</translation>
    </message>
    <message>
        <source>Candidatures shown</source>
        <translation>Candidatures affichées</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Décidées</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>&amp;Dispositif</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>D&amp;u</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>&amp;New candidature…</source>
        <translation>&amp;Nouvelle candidature…</translation>
    </message>
    <message>
        <source>Record a new candidature</source>
        <translation>Enregistrer une nouvelle candidature</translation>
    </message>
    <message>
        <source>St&amp;ep…</source>
        <translation>É&amp;tape…</translation>
    </message>
    <message>
        <source>Add a step to the selected candidature</source>
        <translation>Ajouter une étape à la candidature sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Decision…</source>
        <translation>Déc&amp;ision…</translation>
    </message>
    <message>
        <source>Record the decision on the selected candidature</source>
        <translation>Enregistrer la décision sur la candidature sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Admit…</source>
        <translation>Ad&amp;mettre…</translation>
    </message>
    <message>
        <source>Admit the selected candidature</source>
        <translation>Admettre le ménage de la candidature sélectionnée</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ctualiser</translation>
    </message>
    <message>
        <source>Refresh the candidatures</source>
        <translation>Actualiser les candidatures</translation>
    </message>
    <message>
        <source>Loading the candidatures…</source>
        <translation>Chargement des candidatures…</translation>
    </message>
    <message>
        <source>{count} candidature(s).</source>
        <translation>{count} candidature(s).</translation>
    </message>
    <message>
        <source>The period ends before it starts: no figures.</source>
        <translation>La période se termine avant de commencer : aucun chiffre.</translation>
    </message>
    <message>
        <source>Rehousings: {count} ({sectors}).</source>
        <translation>Relogements : {count} ({sectors}).</translation>
    </message>
    <message>
        <source>{days} days over {count} entries</source>
        <translation>{days} jours sur {count} entrée(s)</translation>
    </message>
    <message>
        <source>no entry</source>
        <translation>aucune entrée</translation>
    </message>
    <message>
        <source>From {start} to {end}: {received} received, {admitted} admitted, {refused} refused or without follow-up ({reasons}); mean delay orientation → entry: {delay}; {waiting} waiting at the end.</source>
        <translation>Du {start} au {end} : {received} candidature(s) reçue(s), {admitted} admise(s), {refused} refusée(s) ou sans suite ({reasons}) ; délai moyen orientation → entrée : {delay} ; {waiting} en attente à la fin.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Still loading…</source>
        <translation>Chargement en cours…</translation>
    </message>
    <message>
        <source>Select a candidature first.</source>
        <translation>Sélectionnez d&apos;abord une candidature.</translation>
    </message>
</context>
<context>
    <name>AdmitDialog</name>
    <message>
        <source>Admit {reference}</source>
        <translation>Admettre {reference}</translation>
    </message>
    <message>
        <source>Admit</source>
        <translation>Admettre</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <source>Entry date</source>
        <translation>Date d&apos;entrée</translation>
    </message>
    <message>
        <source>Admission decided on (the entry date if unknown)</source>
        <translation>Admission décidée le (date d&apos;entrée si inconnue)</translation>
    </message>
    <message>
        <source>Sign the occupancy contract now</source>
        <translation>Signer le contrat dès maintenant</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Kind of contract</source>
        <translation>Type de contrat</translation>
    </message>
    <message>
        <source>First day of the contract</source>
        <translation>Premier jour du contrat</translation>
    </message>
    <message>
        <source>Rent (or fee)</source>
        <translation>Loyer (ou redevance)</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Expected housing benefit</source>
        <translation>Aide au logement prévue</translation>
    </message>
    <message>
        <source>Paid to the association (tiers payant)</source>
        <translation>Versée à l&apos;association (tiers payant)</translation>
    </message>
    <message>
        <source>Housing benefit</source>
        <translation>Aide au logement</translation>
    </message>
    <message>
        <source>Admitting {reference} — {head} opens a stay in {programme}:</source>
        <translation>Admettre {reference} — {head} ouvre un séjour dans {programme} :</translation>
    </message>
    <message>
        <source>situation before entry: {situation}; referrer: {referrer};</source>
        <translation>situation avant l&apos;entrée : {situation} ; prescripteur : {referrer} ;</translation>
    </message>
    <message>
        <source>DALO: {dalo}; SI-SIAO: {siao}.</source>
        <translation>DALO : {dalo} ; SI-SIAO : {siao}.</translation>
    </message>
    <message>
        <source>The decision « admitted » is recorded with it.</source>
        <translation>La décision « Admission » est enregistrée en même temps.</translation>
    </message>
    <message>
        <source>Dwelling assigned: {dwelling}; its contract is signed too.</source>
        <translation>Logement attribué : {dwelling} ; son contrat est signé en même temps.</translation>
    </message>
</context>
<context>
    <name>AgendaTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>Dwelling {reference}</source>
        <translation>Logement {reference}</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Measure end</source>
        <translation>Fin de mesure</translation>
    </message>
    <message>
        <source>To-do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Sliding lease</source>
        <translation>Bail glissant</translation>
    </message>
    <message>
        <source>Contract renewal</source>
        <translation>Renouvellement du contrat</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>Titre de séjour</translation>
    </message>
    <message>
        <source>Home insurance</source>
        <translation>Assurance habitation</translation>
    </message>
    <message>
        <source>Main lease</source>
        <translation>Bail principal</translation>
    </message>
    <message>
        <source>Rent arrears</source>
        <translation>Impayé</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Admission</translation>
    </message>
    <message>
        <source>Rehousing</source>
        <translation>Relogement</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Agenda list</source>
        <translation>Liste de l&apos;agenda</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Whose agenda</source>
        <translation>Agenda à afficher</translation>
    </message>
    <message>
        <source>My agenda</source>
        <translation>Mon agenda</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>&amp;New to-do…</source>
        <translation>&amp;Nouvelle tâche…</translation>
    </message>
    <message>
        <source>Note a new to-do</source>
        <translation>Noter une nouvelle tâche</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fait</translation>
    </message>
    <message>
        <source>Tick the selected to-do as done</source>
        <translation>Cocher la tâche sélectionnée comme faite</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>Noter un &amp;contact…</translation>
    </message>
    <message>
        <source>Log a contact with the selected item&apos;s household</source>
        <translation>Enregistrer un contact avec le ménage de l&apos;élément sélectionné</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh the agenda</source>
        <translation>Actualiser l&apos;agenda</translation>
    </message>
    <message>
        <source>◀ &amp;Previous week</source>
        <translation>◀ Semaine &amp;précédente</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Semaine précédente</translation>
    </message>
    <message>
        <source>T&amp;his week</source>
        <translation>C&amp;ette semaine</translation>
    </message>
    <message>
        <source>Ne&amp;xt week ▶</source>
        <translation>Semaine sui&amp;vante ▶</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Semaine suivante</translation>
    </message>
    <message>
        <source>Agenda week</source>
        <translation>Semaine de l&apos;agenda</translation>
    </message>
    <message>
        <source>Loading the agenda…</source>
        <translation>Chargement de l&apos;agenda…</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>Rien à faire.</translation>
    </message>
    <message>
        <source>{count} item(s), {overdue} overdue.</source>
        <translation>{count} élément(s), dont {overdue} en retard.</translation>
    </message>
    <message>
        <source>Week from {first} to {last}</source>
        <translation>Semaine du {first} au {last}</translation>
    </message>
    <message>
        <source>{text}
See the dwelling {reference} in the Housing screen.</source>
        <translation>{text}
Voir le logement {reference} dans l&apos;écran Logements.</translation>
    </message>
    <message>
        <source>Select an item of a household first.</source>
        <translation>Sélectionnez d&apos;abord un élément lié à un ménage.</translation>
    </message>
    <message>
        <source>Select a to-do first.</source>
        <translation>Sélectionnez d&apos;abord une tâche.</translation>
    </message>
</context>
<context>
    <name>AgendaWeekModel</name>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Ven</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sam</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>{day} {date}</source>
        <translation>{day} {date}</translation>
    </message>
    <message>
        <source>{day} {date} (today)</source>
        <translation>{day} {date} (aujourd&apos;hui)</translation>
    </message>
    <message>
        <source>Overdue since {date}</source>
        <translation>En retard depuis le {date}</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>New social-housing application</source>
        <translation>Nouvelle demande de logement social</translation>
    </message>
    <message>
        <source>Edit the application</source>
        <translation>Modifier la demande</translation>
    </message>
    <message>
        <source>Unique number (NUR)</source>
        <translation>Numéro unique (NUR)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Déposée le</translation>
    </message>
    <message>
        <source>Last renewed on</source>
        <translation>Dernier renouvellement le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>ArrearsActionDialog</name>
    <message>
        <source>Record a step</source>
        <translation>Enregistrer une démarche</translation>
    </message>
    <message>
        <source>{contract}. Level: {level}.</source>
        <translation>{contract}. Niveau : {level}.</translation>
    </message>
    <message>
        <source>Proof of delivery</source>
        <translation>Preuve de remise</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Précisions</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>Échéances</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>ArrearsTableModel</name>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Personne de référence</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Level code</source>
        <translation>Code niveau</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>Dette</translation>
    </message>
    <message>
        <source>Housing debt</source>
        <translation>Dette logement</translation>
    </message>
    <message>
        <source>First default</source>
        <translation>Premier impayé</translation>
    </message>
    <message>
        <source>Next reminder</source>
        <translation>Prochaine échéance</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Statuts</translation>
    </message>
    <message>
        <source>Key worker</source>
        <translation>Référent</translation>
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
    <name>AttestationDialog</name>
    <message>
        <source>Attestation de suivi</source>
        <translation>Attestation de suivi</translation>
    </message>
    <message>
        <source>Save the PDF…</source>
        <translation>Enregistrer le PDF…</translation>
    </message>
    <message>
        <source>Tick only what the person agrees to show. The attestation never mentions health, debts or notes.</source>
        <translation>Cochez uniquement ce que la personne accepte de faire figurer. L&apos;attestation ne mentionne jamais la santé, les dettes ni les notes.</translation>
    </message>
    <message>
        <source>As the person wants it written (optional)</source>
        <translation>Tel que la personne souhaite qu&apos;il soit écrit (facultatif)</translation>
    </message>
    <message>
        <source>The running measure</source>
        <translation>La mesure en cours</translation>
    </message>
    <message>
        <source>The kind of support</source>
        <translation>Le type d&apos;accompagnement</translation>
    </message>
    <message>
        <source>Its dates</source>
        <translation>Ses dates</translation>
    </message>
    <message>
        <source>The programme</source>
        <translation>Le dispositif</translation>
    </message>
    <message>
        <source>The key worker</source>
        <translation>Le référent</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Name written</source>
        <translation>Nom indiqué</translation>
    </message>
    <message>
        <source>Support attested</source>
        <translation>Accompagnement attesté</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Faire figurer</translation>
    </message>
    <message>
        <source>The person&apos;s words</source>
        <translation>Les mots de la personne</translation>
    </message>
    <message>
        <source>Save the attestation</source>
        <translation>Enregistrer l&apos;attestation</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The attestation was saved as {path}.</source>
        <translation>L&apos;attestation a été enregistrée sous {path}.</translation>
    </message>
</context>
<context>
    <name>BenefitBatchView</name>
    <message>
        <source>CAF transfers</source>
        <translation>Bordereaux CAF</translation>
    </message>
    <message>
        <source>New bordereau</source>
        <translation>Nouveau bordereau</translation>
    </message>
    <message>
        <source>Several &amp;months…</source>
        <translation>Plusieurs &amp;mois…</translation>
    </message>
    <message>
        <source>&amp;Add a line…</source>
        <translation>&amp;Ajouter une ligne…</translation>
    </message>
    <message>
        <source>&amp;Remove the line</source>
        <translation>&amp;Retirer la ligne</translation>
    </message>
    <message>
        <source>&amp;Save the bordereau</source>
        <translation>&amp;Enregistrer le bordereau</translation>
    </message>
    <message>
        <source>Total of the bordereau</source>
        <translation>Total du bordereau</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>Month covered</source>
        <translation>Mois concerné</translation>
    </message>
    <message>
        <source>&amp;Prefill</source>
        <translation>&amp;Préremplir</translation>
    </message>
    <message>
        <source>Reference of the bank transfer</source>
        <translation>Référence du virement bancaire</translation>
    </message>
    <message>
        <source>Transfer reference</source>
        <translation>Référence du virement</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Transfer amount</source>
        <translation>Montant du virement</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Personne de référence</translation>
    </message>
    <message>
        <source>Allocataire no.</source>
        <translation>N° allocataire</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Benefit status</source>
        <translation>Statut de l&apos;APL</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendue</translation>
    </message>
    <message>
        <source>Already received</source>
        <translation>Déjà reçue</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Months covered</source>
        <translation>Mois concernés</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Lines of the bordereau</source>
        <translation>Lignes du bordereau</translation>
    </message>
    <message>
        <source>Bordereaux recorded</source>
        <translation>Bordereaux enregistrés</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Entries of the bordereau</source>
        <translation>Écritures du bordereau</translation>
    </message>
    <message>
        <source>Bordereau CAF</source>
        <translation>Bordereau CAF</translation>
    </message>
    <message>
        <source>Replace the lines typed by those proposed for this month?</source>
        <translation>Remplacer les lignes saisies par celles proposées pour ce mois ?</translation>
    </message>
    <message>
        <source>{status} from {day}</source>
        <translation>{status} à partir du {day}</translation>
    </message>
    <message>
        <source>{count} household(s) in tiers payant for {month}.</source>
        <translation>{count} ménage(s) en tiers payant pour {month}.</translation>
    </message>
    <message>
        <source>Select a line first.</source>
        <translation>Sélectionnez d&apos;abord une ligne.</translation>
    </message>
    <message>
        <source>{count} line(s) ticked, total {total}.</source>
        <translation>{count} ligne(s) cochée(s), total {total}.</translation>
    </message>
    <message>
        <source>Transfer {transfer}: difference {difference}.</source>
        <translation>Virement {transfer} : écart {difference}.</translation>
    </message>
    <message>
        <source>It matches the transfer.</source>
        <translation>Le total correspond au virement.</translation>
    </message>
    <message>
        <source>The transfer amount cannot be read.</source>
        <translation>Le montant du virement n&apos;est pas lisible.</translation>
    </message>
    <message>
        <source>Correct the amounts of the lines marked in the table.</source>
        <translation>Corrigez les montants des lignes signalées dans le tableau.</translation>
    </message>
    <message>
        <source>The lines total {total} but the transfer is {transfer} (difference {difference}). Save the bordereau anyway?</source>
        <translation>Le total des lignes est de {total} mais le virement est de {transfer} (écart de {difference}). Enregistrer le bordereau malgré tout ?</translation>
    </message>
    <message>
        <source>Bordereau recorded: {entries} entries, total {total}.</source>
        <translation>Bordereau enregistré : {entries} écriture(s), total {total}.</translation>
    </message>
    <message>
        <source>Some lines are refused: see the Problems column.</source>
        <translation>Certaines lignes sont refusées : voir la colonne « Problèmes ».</translation>
    </message>
</context>
<context>
    <name>BenefitStatusDialog</name>
    <message>
        <source>Housing benefit status</source>
        <translation>Statut de l&apos;aide au logement</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À compter du</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>CaleolDialog</name>
    <message>
        <source>CALEOL</source>
        <translation>CALEOL</translation>
    </message>
    <message>
        <source>CALEOL date</source>
        <translation>Date de la CALEOL</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
</context>
<context>
    <name>CandidaturesTableModel</name>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Personne de référence</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Dwelling / place</source>
        <translation>Logement / place</translation>
    </message>
    <message>
        <source>Oriented on</source>
        <translation>Orientée le</translation>
    </message>
    <message>
        <source>Days waiting</source>
        <translation>Jours d&apos;attente</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Dernière étape</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>{what} on {date}</source>
        <translation>{what} le {date}</translation>
    </message>
    <message>
        <source>{decision} on {date} ({reason})</source>
        <translation>{decision} le {date} ({reason})</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Change of role</source>
        <translation>Changement de lien</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À compter du</translation>
    </message>
    <message>
        <source>Role of {name}</source>
        <translation>Lien de {name}</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>CheckListTableModel</name>
    <message>
        <source>Resident</source>
        <translation>Résident</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
</context>
<context>
    <name>CodePickerDialog</name>
    <message>
        <source>Indicator codes</source>
        <translation>Codes des indicateurs</translation>
    </message>
    <message>
        <source>Type a few letters of a code or of its label, then Enter (or « Copy ») copies the placeholder to paste into a cell of the funder&apos;s grid.</source>
        <translation>Tapez quelques lettres d&apos;un code ou de son libellé, puis Entrée (ou « Copier ») copie la balise à coller dans une cellule de la grille du financeur.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the placeholder of the selected code</source>
        <translation>Copier la balise du code sélectionné</translation>
    </message>
    <message>
        <source>Search a code or a label</source>
        <translation>Rechercher un code ou un libellé</translation>
    </message>
    <message>
        <source>Code or label (e.g. entries, sorties)</source>
        <translation>Code ou libellé (par ex. entries, sorties)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Number of codes shown</source>
        <translation>Nombre de codes affichés</translation>
    </message>
    <message>
        <source>Definition of the selected code</source>
        <translation>Définition du code sélectionné</translation>
    </message>
    <message>
        <source>What was copied</source>
        <translation>Ce qui a été copié</translation>
    </message>
    <message>
        <source>{shown} code(s) of {total}.</source>
        <translation>{shown} code(s) sur {total}.</translation>
    </message>
    <message>
        <source>No code matches what was typed.</source>
        <translation>Aucun code ne correspond à la saisie.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>{code} — {label} ({unit})
{definition}
Written in: {returns}.</source>
        <translation>{code} — {label} ({unit})
{definition}
Présent dans les bilans : {returns}.</translation>
    </message>
    <message>
        <source>Copied {placeholder}: paste it into a cell of the grid.</source>
        <translation>Balise {placeholder} copiée : collez-la dans une cellule de la grille.</translation>
    </message>
</context>
<context>
    <name>CodesTableModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
</context>
<context>
    <name>ComparisonTableModel</name>
    <message>
        <source>{reference} (now counted)</source>
        <translation>{reference} (désormais compté)</translation>
    </message>
    <message>
        <source>{reference} (no longer counted)</source>
        <translation>{reference} (n&apos;est plus compté)</translation>
    </message>
    <message>
        <source>{reference} (record changed)</source>
        <translation>{reference} (dossier modifié)</translation>
    </message>
    <message>
        <source>{reference}: {field} {old} → {new} ({date}, {user})</source>
        <translation>{reference} : {field} {old} → {new} ({date}, {user})</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Frozen value</source>
        <translation>Valeur figée</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Households involved</source>
        <translation>Ménages concernés</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
</context>
<context>
    <name>CompositionTab</name>
    <message>
        <source>Show former members</source>
        <translation>Afficher les anciens membres</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Members over time</source>
        <translation>Membres au fil du temps</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>Ajouter un membre…</translation>
    </message>
    <message>
        <source>Edit identity…</source>
        <translation>Modifier l&apos;identité…</translation>
    </message>
    <message>
        <source>Leaves…</source>
        <translation>Départ…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Changer le lien…</translation>
    </message>
    <message>
        <source>Key worker…</source>
        <translation>Référent…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Key worker: {worker} — co-key-workers: {co_workers}</source>
        <translation>Référent : {worker} — co-référents : {co_workers}</translation>
    </message>
    <message>
        <source>Composition</source>
        <translation>Composition</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact at {partner}</source>
        <translation>Nouveau contact chez {partner}</translation>
    </message>
    <message>
        <source>Contact at {partner}</source>
        <translation>Contact chez {partner}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Noter un contact</translation>
    </message>
    <message>
        <source>Choose the kind with its letter, then Tab to the duration; Enter saves. The person may read what is written here (right of access).</source>
        <translation>Choisissez le type par sa lettre, puis Tab pour passer à la durée ; Entrée enregistre. La personne peut lire ce qui est écrit ici (droit d&apos;accès).</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>No measure</source>
        <translation>Aucune mesure</translation>
    </message>
    <message>
        <source>Facts, respectfully, starting from the person&apos;s strengths (optional)</source>
        <translation>Des faits, avec respect, en partant des forces de la personne (facultatif)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Persons present</source>
        <translation>Personnes présentes</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Note level</source>
        <translation>Niveau de la note</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Prochain rendez-vous</translation>
    </message>
    <message>
        <source>No member on this day.</source>
        <translation>Aucun membre à cette date.</translation>
    </message>
    <message>
        <source>{kind} since {start}</source>
        <translation>{kind} depuis le {start}</translation>
    </message>
</context>
<context>
    <name>ContactTab</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Edit address…</source>
        <translation>Modifier l&apos;adresse…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
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
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Allocataire</source>
        <translation>Allocataire</translation>
    </message>
    <message>
        <source>Resources per month</source>
        <translation>Ressources mensuelles</translation>
    </message>
    <message>
        <source>Legal protection</source>
        <translation>Protection juridique</translation>
    </message>
    <message>
        <source>Contact and rights of the members</source>
        <translation>Coordonnées et droits des membres</translation>
    </message>
    <message>
        <source>Selected member</source>
        <translation>Membre sélectionné</translation>
    </message>
    <message>
        <source>Edit identity and rights…</source>
        <translation>Modifier l&apos;identité et les droits…</translation>
    </message>
    <message>
        <source>Resources…</source>
        <translation>Ressources…</translation>
    </message>
    <message>
        <source>Protected file: contact and rights are shown to its key worker only.</source>
        <translation>Dossier protégé : les coordonnées et les droits ne sont visibles que par son référent.</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>Adresse : {address}</translation>
    </message>
    <message>
        <source>Domiciliation: {place}</source>
        <translation>Domiciliation : {place}</translation>
    </message>
    <message>
        <source>No address recorded</source>
        <translation>Aucune adresse renseignée</translation>
    </message>
    <message>
        <source>Allocataire no. {number}</source>
        <translation>N° allocataire {number}</translation>
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
        <source>Contact and rights</source>
        <translation>Coordonnées et droits</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Rent (or fee)</source>
        <translation>Loyer (ou redevance)</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Mandatory services</source>
        <translation>Prestations obligatoires</translation>
    </message>
    <message>
        <source>Optional services</source>
        <translation>Prestations facultatives</translation>
    </message>
    <message>
        <source>Expected housing benefit</source>
        <translation>Aide au logement prévue</translation>
    </message>
    <message>
        <source>Paid to the association (tiers payant)</source>
        <translation>Versée à l&apos;association (tiers payant)</translation>
    </message>
    <message>
        <source>Housing benefit</source>
        <translation>Aide au logement</translation>
    </message>
    <message>
        <source>Due day of the month</source>
        <translation>Jour d&apos;échéance dans le mois</translation>
    </message>
</context>
<context>
    <name>ContractsTab</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sliding lease</source>
        <translation>Bail glissant</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contrats</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À compter du</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Loyer</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Services (mandatory / optional)</source>
        <translation>Prestations (obligatoires / facultatives)</translation>
    </message>
    <message>
        <source>Expected benefit</source>
        <translation>APL prévue</translation>
    </message>
    <message>
        <source>Tiers payant</source>
        <translation>Tiers payant</translation>
    </message>
    <message>
        <source>Due day</source>
        <translation>Jour d&apos;échéance</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Loyers et charges</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Housing benefit statuses</source>
        <translation>Statuts de l&apos;aide au logement</translation>
    </message>
    <message>
        <source>Housing benefit</source>
        <translation>Aide au logement</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Rappels</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Rent paid regularly</source>
        <translation>Loyer payé régulièrement</translation>
    </message>
    <message>
        <source>Peaceful occupation</source>
        <translation>Occupation paisible</translation>
    </message>
    <message>
        <source>Tenant obligations</source>
        <translation>Obligations du locataire</translation>
    </message>
    <message>
        <source>Administrative autonomy</source>
        <translation>Autonomie administrative</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Examens périodiques</translation>
    </message>
    <message>
        <source>New contract…</source>
        <translation>Nouveau contrat…</translation>
    </message>
    <message>
        <source>New rate…</source>
        <translation>Nouveau loyer…</translation>
    </message>
    <message>
        <source>Benefit status…</source>
        <translation>Statut APL…</translation>
    </message>
    <message>
        <source>Renewal date…</source>
        <translation>Date de renouvellement…</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Examen périodique…</translation>
    </message>
    <message>
        <source>Convention…</source>
        <translation>Convention…</translation>
    </message>
    <message>
        <source>CALEOL…</source>
        <translation>CALEOL…</translation>
    </message>
    <message>
        <source>Plan the glissement…</source>
        <translation>Planifier le glissement…</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Prolonger</translation>
    </message>
    <message>
        <source>Failure…</source>
        <translation>Échec…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Changement de logement…</translation>
    </message>
    <message>
        <source>Terminate (occupant without title)…</source>
        <translation>Résilier (occupant sans titre)…</translation>
    </message>
    <message>
        <source>End contract…</source>
        <translation>Mettre fin au contrat…</translation>
    </message>
    <message>
        <source>Glissement…</source>
        <translation>Glissement…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>since {start}</source>
        <translation>depuis le {start}</translation>
    </message>
    <message>
        <source>{kind} — dwelling {dwelling}, {period} ({state})</source>
        <translation>{kind} — logement {dwelling}, {period} ({state})</translation>
    </message>
    <message>
        <source>Renewal date: {day}</source>
        <translation>Date de renouvellement : {day}</translation>
    </message>
    <message>
        <source>No renewal date</source>
        <translation>Pas de date de renouvellement</translation>
    </message>
    <message>
        <source>Terminated on {day}: {reason}</source>
        <translation>Résilié le {day} : {reason}</translation>
    </message>
    <message>
        <source>End reason: {reason}</source>
        <translation>Motif de fin : {reason}</translation>
    </message>
    <message>
        <source> — {reason}, on {day}</source>
        <translation> — {reason}, le {day}</translation>
    </message>
    <message>
        <source>deposit transferred to the landlord</source>
        <translation>dépôt de garantie transféré au bailleur</translation>
    </message>
    <message>
        <source>deposit refunded to the household</source>
        <translation>dépôt de garantie restitué au ménage</translation>
    </message>
    <message>
        <source> on {day}</source>
        <translation> le {day}</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>Issue : {outcome}</translation>
    </message>
    <message>
        <source>Convention signed on {day}</source>
        <translation>Convention signée le {day}</translation>
    </message>
    <message>
        <source>Convention signature date not recorded</source>
        <translation>Date de signature de la convention non renseignée</translation>
    </message>
    <message>
        <source>A review every {period} months; at most {maximum} months</source>
        <translation>Un examen tous les {period} mois ; au plus {maximum} mois</translation>
    </message>
    <message>
        <source>Next review (no. {number}): {day}{late}</source>
        <translation>Prochain examen (n° {number}) : {day}{late}</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — en retard</translation>
    </message>
    <message>
        <source>Deadline: {day}</source>
        <translation>Échéance : {day}</translation>
    </message>
    <message>
        <source>Glissement planned on {day}</source>
        <translation>Glissement prévu le {day}</translation>
    </message>
    <message>
        <source>No glissement date planned</source>
        <translation>Aucune date de glissement prévue</translation>
    </message>
    <message>
        <source>CALEOL: {day} — {decision}</source>
        <translation>CALEOL : {day} — {decision}</translation>
    </message>
    <message>
        <source>decision not recorded</source>
        <translation>décision non renseignée</translation>
    </message>
    <message>
        <source>CALEOL: not recorded</source>
        <translation>CALEOL : non renseignée</translation>
    </message>
    <message>
        <source>No contract yet.</source>
        <translation>Aucun contrat pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No reminder.</source>
        <translation>Aucun rappel.</translation>
    </message>
    <message>
        <source>Housing and contract</source>
        <translation>Logement et contrat</translation>
    </message>
    <message>
        <source>No dwelling is available: add it to the housing stock first.</source>
        <translation>Aucun logement n&apos;est disponible : ajoutez-le d&apos;abord au parc de logements.</translation>
    </message>
    <message>
        <source>Extend the sublease</source>
        <translation>Prolonger la sous-location</translation>
    </message>
    <message>
        <source>Record that the sublease of dwelling {dwelling} goes on past its maximum ({deadline})? Its grounds are the review whose opinion was an extension.</source>
        <translation>Enregistrer que la sous-location du logement {dwelling} se poursuit au-delà de sa durée maximale ({deadline}) ? Elle se fonde sur l&apos;examen périodique dont l&apos;avis était une prolongation.</translation>
    </message>
</context>
<context>
    <name>ConventionDialog</name>
    <message>
        <source>Tripartite convention</source>
        <translation>Convention tripartite</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signée le</translation>
    </message>
</context>
<context>
    <name>CorrectExitDialog</name>
    <message>
        <source>Correct an exit</source>
        <translation>Corriger une sortie</translation>
    </message>
    <message>
        <source>{programme}, exit on {day}</source>
        <translation>{programme}, sortie le {day}</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Séjour</translation>
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
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>DaloDialog</name>
    <message>
        <source>DALO recourse</source>
        <translation>Recours DALO</translation>
    </message>
    <message>
        <source>Application {number}</source>
        <translation>Demande {number}</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Pas encore de décision</translation>
    </message>
    <message>
        <source>Priority recognised (PU DALO)</source>
        <translation>Reconnu prioritaire et urgent (PU DALO)</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Non reconnu</translation>
    </message>
    <message>
        <source>DALO recourse filed on</source>
        <translation>Recours DALO déposé le</translation>
    </message>
    <message>
        <source>COMED decision on</source>
        <translation>Décision de la COMED le</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Appeal filed on</source>
        <translation>Recours contre la décision formé le</translation>
    </message>
</context>
<context>
    <name>DashboardRowsTableModel</name>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Personne de référence</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Debt</source>
        <translation>Dette</translation>
    </message>
    <message>
        <source>Review to write</source>
        <translation>Bilan à rédiger</translation>
    </message>
    <message>
        <source>Final review to write</source>
        <translation>Bilan final à rédiger</translation>
    </message>
    <message>
        <source>Review to send</source>
        <translation>Bilan à envoyer</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Sortie</translation>
    </message>
</context>
<context>
    <name>DashboardTile</name>
    <message>
        <source>Chart: {title}</source>
        <translation>Graphique : {title}</translation>
    </message>
    <message>
        <source>Click, or press Enter, to list the households behind it.</source>
        <translation>Cliquez, ou appuyez sur Entrée, pour afficher la liste des ménages concernés.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the dashboard again</source>
        <translation>Actualiser le tableau de bord</translation>
    </message>
    <message>
        <source>Choose a tile to list the households behind it.</source>
        <translation>Choisissez une vignette pour afficher la liste des ménages concernés.</translation>
    </message>
    <message>
        <source>Households behind the tile</source>
        <translation>Ménages concernés par la vignette</translation>
    </message>
    <message>
        <source>Reading the dashboard…</source>
        <translation>Lecture du tableau de bord…</translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation>au {date}</translation>
    </message>
    <message>
        <source>Nothing to show with your rights.</source>
        <translation>Rien à afficher avec vos droits d&apos;accès.</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Logements</translation>
    </message>
    <message>
        <source>{occupied} of {available} dwellings occupied ({rate}).</source>
        <translation>{occupied} logement(s) occupé(s) sur {available} ({rate}).</translation>
    </message>
    <message>
        <source>{persons} persons housed for {places} places ({rate}).</source>
        <translation>{persons} personne(s) logée(s) pour {places} place(s) ({rate}).</translation>
    </message>
    <message>
        <source>Occupancy — {programme}</source>
        <translation>Occupation — {programme}</translation>
    </message>
    <message>
        <source>CCAPEX</source>
        <translation>CCAPEX</translation>
    </message>
    <message>
        <source>CAF</source>
        <translation>CAF</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>First</source>
        <translation>1er impayé</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>{count} household(s) in arrears</source>
        <translation>{count} ménage(s) en impayé</translation>
    </message>
    <message>
        <source>owing {debt}</source>
        <translation>pour une dette totale de {debt}</translation>
    </message>
    <message>
        <source>Households in arrears</source>
        <translation>Ménages en impayé</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>≤ 7 d</source>
        <translation>≤ 7 j</translation>
    </message>
    <message>
        <source>8–14 d</source>
        <translation>8–14 j</translation>
    </message>
    <message>
        <source>15–30 d</source>
        <translation>15–30 j</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>{count} measure(s) to renew or to end within 30 days, {late} already past their planned end.</source>
        <translation>{count} mesure(s) à renouveler ou à clôturer dans les 30 jours, dont {late} déjà au-delà de leur fin prévue.</translation>
    </message>
    <message>
        <source>Measures ending soon</source>
        <translation>Mesures arrivant à échéance</translation>
    </message>
    <message>
        <source>&lt; 1 month</source>
        <translation>&lt; 1 mois</translation>
    </message>
    <message>
        <source>1–3 months</source>
        <translation>1–3 mois</translation>
    </message>
    <message>
        <source>&gt; 3 months</source>
        <translation>&gt; 3 mois</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Bilans</translation>
    </message>
    <message>
        <source>{count} review(s) overdue: {write} to write, {send} to send.</source>
        <translation>{count} bilan(s) en retard : {write} à rédiger, {send} à envoyer.</translation>
    </message>
    <message>
        <source>Overdue reviews</source>
        <translation>Bilans en retard</translation>
    </message>
    <message>
        <source>Candidatures</source>
        <translation>Candidatures</translation>
    </message>
    <message>
        <source>{count} candidature(s) waiting for a decision</source>
        <translation>{count} candidature(s) en attente de décision</translation>
    </message>
    <message>
        <source>Candidatures waiting</source>
        <translation>Candidatures en attente</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>{entries} entries and {exits} exits from {start} to {end}</source>
        <translation>{entries} entrée(s) et {exits} sortie(s) du {start} au {end}</translation>
    </message>
    <message>
        <source>{month} {entries} in, {exits} out</source>
        <translation>{month} : {entries} entrée(s), {exits} sortie(s)</translation>
    </message>
    <message>
        <source>Entries and exits of the quarter</source>
        <translation>Entrées et sorties du trimestre</translation>
    </message>
    <message>
        <source>{title}: {count} line(s). Enter or a double click opens the file.</source>
        <translation>{title} : {count} ligne(s). Entrée ou un double-clic ouvre le dossier.</translation>
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
    <name>DecisionDialog</name>
    <message>
        <source>Decision on the candidature</source>
        <translation>Décision sur la candidature</translation>
    </message>
    <message>
        <source>{reference} — {head}, oriented on {oriented} towards {programme}.</source>
        <translation>{reference} — {head}, orientation du {oriented} vers {programme}.</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation>Choisissez un motif</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>SIAO answered on (the decision date if unknown)</source>
        <translation>Réponse au SIAO le (date de la décision si inconnue)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Proof of delivery</source>
        <translation>Preuve de remise</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Remise le</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <source>Deposit</source>
        <translation>Dépôt de garantie</translation>
    </message>
    <message>
        <source>Dwelling {dwelling}. The deposit is kept apart from the rent account; applying it also credits the account.</source>
        <translation>Logement {dwelling}. Le dépôt de garantie est suivi à part du compte locatif ; l&apos;imputer crédite aussi le compte.</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Mouvement</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Add a document</source>
        <translation>Ajouter un document</translation>
    </message>
    <message>
        <source>Valid until a date</source>
        <translation>Valable jusqu&apos;à une date</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Date of the document</source>
        <translation>Date du document</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>Problems to correct</source>
        <translation>Points à corriger</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ajouté par</translation>
    </message>
    <message>
        <source>Documents of the household</source>
        <translation>Documents du ménage</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>⚠ expired on {day}</source>
        <translation>⚠ expiré le {day}</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Select a document first.</source>
        <translation>Sélectionnez d&apos;abord un document.</translation>
    </message>
    <message>
        <source>Add a document</source>
        <translation>Ajouter un document</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.odt *.ods *.doc *.docx *.xls *.xlsx *.txt);;All files (*)</source>
        <translation>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.odt *.ods *.doc *.docx *.xls *.xlsx *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No application could open {file}. It was saved as {path}.</source>
        <translation>Aucune application n&apos;a pu ouvrir {file}. Il a été enregistré sous {path}.</translation>
    </message>
    <message>
        <source>« {title} » ({kind}) will be removed from this household&apos;s file. Remove it?</source>
        <translation>« {title} » ({kind}) sera retiré du dossier de ce ménage. Le retirer ?</translation>
    </message>
    <message>
        <source>Remove a document</source>
        <translation>Retirer un document</translation>
    </message>
</context>
<context>
    <name>DwellingDialog</name>
    <message>
        <source>New dwelling</source>
        <translation>Nouveau logement</translation>
    </message>
    <message>
        <source>Dwelling {reference}</source>
        <translation>Logement {reference}</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
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
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Residence (pension)</source>
        <translation>Résidence (pension)</translation>
    </message>
    <message>
        <source>Typology</source>
        <translation>Typologie</translation>
    </message>
    <message>
        <source>Surface (m²)</source>
        <translation>Surface (m²)</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Parc</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Bailleur</translation>
    </message>
    <message>
        <source>Lots (households at once)</source>
        <translation>Lots (ménages simultanés)</translation>
    </message>
    <message>
        <source>Places (persons)</source>
        <translation>Places (personnes)</translation>
    </message>
    <message>
        <source>Captured on</source>
        <translation>Capté le</translation>
    </message>
    <message>
        <source>DPE class</source>
        <translation>Classe DPE</translation>
    </message>
</context>
<context>
    <name>DwellingsPage</name>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typologie</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>Lots</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Bailleur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Logements</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Return to the landlord…</source>
        <translation>Restituer au bailleur…</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Tous les dispositifs</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Reference, address, commune…</source>
        <translation>Référence, adresse, commune…</translation>
    </message>
    <message>
        <source>Main leases</source>
        <translation>Baux principaux</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Congé</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Loyer</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>Sliding clause</source>
        <translation>Clause de glissement</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Add main lease…</source>
        <translation>Ajouter un bail principal…</translation>
    </message>
    <message>
        <source>End main lease…</source>
        <translation>Mettre fin au bail principal…</translation>
    </message>
    <message>
        <source>Vacancy periods</source>
        <translation>Périodes de vacance</translation>
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
        <source>ongoing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Neutralised</source>
        <translation>Neutralisée</translation>
    </message>
    <message>
        <source>Add vacancy…</source>
        <translation>Ajouter une vacance…</translation>
    </message>
    <message>
        <source>End vacancy…</source>
        <translation>Clore la vacance…</translation>
    </message>
    <message>
        <source>Returned on {day}</source>
        <translation>Restitué le {day}</translation>
    </message>
    <message>
        <source>Captured from {day}</source>
        <translation>Capté à partir du {day}</translation>
    </message>
    <message>
        <source>In the stock</source>
        <translation>Dans le parc</translation>
    </message>
    <message>
        <source>Select a dwelling to see its leases and vacancies.</source>
        <translation>Sélectionnez un logement pour voir ses baux et ses périodes de vacance.</translation>
    </message>
    <message>
        <source>Dwelling {reference}, {address}, {commune}</source>
        <translation>Logement {reference}, {address}, {commune}</translation>
    </message>
</context>
<context>
    <name>EndContractDialog</name>
    <message>
        <source>End of the contract</source>
        <translation>Fin du contrat</translation>
    </message>
    <message>
        <source>Empty: keep « {reason} »</source>
        <translation>Vide : conserver « {reason} »</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>End the contract of dwelling {dwelling} on {day}? Terms already generated beyond that day are charged again, prorated to the days occupied.</source>
        <translation>Mettre fin au contrat du logement {dwelling} le {day} ? Les échéances déjà générées au-delà de ce jour seront recalculées au prorata des jours occupés.</translation>
    </message>
</context>
<context>
    <name>EndDateDialog</name>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
</context>
<context>
    <name>EndMainLeaseDialog</name>
    <message>
        <source>End the main lease of {start}</source>
        <translation>Mettre fin au bail principal du {start}</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (empty: no notice)</source>
        <translation>jj/mm/aaaa (vide : pas de congé)</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Notice given on</source>
        <translation>Congé donné le</translation>
    </message>
</context>
<context>
    <name>EndMeasureDialog</name>
    <message>
        <source>End the measure</source>
        <translation>Mettre fin à la mesure</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Conclusion of the diagnostic</source>
        <translation>Conclusion du diagnostic</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Housing situation at the end</source>
        <translation>Situation de logement à la fin</translation>
    </message>
</context>
<context>
    <name>EndStaffPeriodDialog</name>
    <message>
        <source>End the assignment « {role} »</source>
        <translation>Mettre fin à l&apos;affectation « {role} »</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
</context>
<context>
    <name>EndVacancyDialog</name>
    <message>
        <source>End the vacancy of {start}</source>
        <translation>Clore la vacance du {start}</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
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
    <name>FailureDialog</name>
    <message>
        <source>Failure of the glissement</source>
        <translation>Échec du glissement</translation>
    </message>
    <message>
        <source>The sliding plan closes; the sublease itself goes on until it is ended. An internal transfer is recorded with « Transfer… ».</source>
        <translation>La convention de glissement se clôt ; la sous-location elle-même continue jusqu&apos;à ce qu&apos;il y soit mis fin. Une mutation interne s&apos;enregistre avec « Changement de logement… ».</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Record the failure of the glissement of dwelling {dwelling} ({reason})? The sliding plan cannot be reopened.</source>
        <translation>Enregistrer l&apos;échec du glissement du logement {dwelling} ({reason}) ? La convention de glissement ne pourra pas être rouverte.</translation>
    </message>
</context>
<context>
    <name>FiguresTableModel</name>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>FileSaving</name>
    <message>
        <source>Files written:
{names}

Open them?</source>
        <translation>Fichiers écrits :
{names}

Les ouvrir ?</translation>
    </message>
    <message>
        <source>No application could open {path}.</source>
        <translation>Aucune application n&apos;a pu ouvrir {path}.</translation>
    </message>
    <message>
        <source>The files could not be written: {error}</source>
        <translation>Les fichiers n&apos;ont pas pu être écrits : {error}</translation>
    </message>
</context>
<context>
    <name>FillGridDialog</name>
    <message>
        <source>Fill « {name} »</source>
        <translation>Remplir « {name} »</translation>
    </message>
    <message>
        <source>Fill version {version} of « {name} » ({file}) with the figures of a period. The data are checked first; the run is kept in « Runs ».</source>
        <translation>Remplir la version {version} de « {name} » ({file}) avec les chiffres d&apos;une période. Les données sont d&apos;abord vérifiées ; l&apos;édition est conservée dans « Éditions ».</translation>
    </message>
    <message>
        <source>State of the fill</source>
        <translation>État du remplissage</translation>
    </message>
    <message>
        <source>Data-quality fin&amp;dings</source>
        <translation>Anomalies de &amp;qualité des données</translation>
    </message>
    <message>
        <source>Data-quality findings</source>
        <translation>Anomalies de qualité des données</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Return whose scope applies to placeholders naming none</source>
        <translation>Bilan dont le périmètre s&apos;applique aux balises qui n&apos;en précisent aucun</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Tous les dispositifs</translation>
    </message>
    <message>
        <source>FNAVDL</source>
        <translation>FNAVDL</translation>
    </message>
    <message>
        <source>IML</source>
        <translation>IML</translation>
    </message>
    <message>
        <source>Pension</source>
        <translation>Pension</translation>
    </message>
    <message>
        <source>Programme (optional)</source>
        <translation>Dispositif (facultatif)</translation>
    </message>
    <message>
        <source>Every programme of the return</source>
        <translation>Tous les dispositifs du bilan</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>A&amp;u</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>&amp;Bilan</translation>
    </message>
    <message>
        <source>Pro&amp;gramme</source>
        <translation>D&amp;ispositif</translation>
    </message>
    <message>
        <source>Previous &amp;quarter</source>
        <translation>&amp;Trimestre précédent</translation>
    </message>
    <message>
        <source>Period: the previous quarter</source>
        <translation>Période : le trimestre précédent</translation>
    </message>
    <message>
        <source>C&amp;urrent quarter</source>
        <translation>Trimestre en &amp;cours</translation>
    </message>
    <message>
        <source>Period: the current quarter</source>
        <translation>Période : le trimestre en cours</translation>
    </message>
    <message>
        <source>Previous y&amp;ear</source>
        <translation>Année &amp;précédente</translation>
    </message>
    <message>
        <source>Period: the previous year</source>
        <translation>Période : l&apos;année précédente</translation>
    </message>
    <message>
        <source>Current &amp;year</source>
        <translation>&amp;Année en cours</translation>
    </message>
    <message>
        <source>Period: the current year</source>
        <translation>Période : l&apos;année en cours</translation>
    </message>
    <message>
        <source>F&amp;ill</source>
        <translation>&amp;Remplir</translation>
    </message>
    <message>
        <source>Check the data, fill the grid and record the run</source>
        <translation>Vérifier les données, remplir la grille et enregistrer l&apos;édition</translation>
    </message>
    <message>
        <source>Fill despite &amp;blocking findings</source>
        <translation>Remplir &amp;malgré les anomalies bloquantes</translation>
    </message>
    <message>
        <source>Fill despite blocking findings (recorded in the run)</source>
        <translation>Remplir malgré les anomalies bloquantes (consigné dans l&apos;édition)</translation>
    </message>
    <message>
        <source>Progress of the fill</source>
        <translation>Avancement du remplissage</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Stop filling the grid</source>
        <translation>Arrêter le remplissage de la grille</translation>
    </message>
    <message>
        <source>Funder grids</source>
        <translation>Grilles des financeurs</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
        <source>Checking the data and filling the grid…</source>
        <translation>Vérification des données et remplissage de la grille…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Stopped: nothing was recorded.</source>
        <translation>Arrêté : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Not filled: {count} blocking finding(s). Correct them and fill again, or tick « Fill despite blocking findings » (the override is recorded in the run).</source>
        <translation>Grille non remplie : {count} anomalie(s) bloquante(s). Corrigez-les puis remplissez de nouveau, ou cochez « Remplir malgré les anomalies bloquantes » (ce choix est consigné dans l&apos;édition).</translation>
    </message>
    <message>
        <source>Filled: {cells} placeholder(s), {warnings} warning(s); run n° {run}{forced}.</source>
        <translation>Grille remplie : {cells} balise(s), {warnings} avertissement(s) ; édition n° {run}{forced}.</translation>
    </message>
    <message>
        <source> (filled despite blocking findings)</source>
        <translation> (remplie malgré les anomalies bloquantes)</translation>
    </message>
    <message>
        <source>Save the filled grid</source>
        <translation>Enregistrer la grille remplie</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The run was recorded without saving the filled grid: « Runs » keeps it, « Save the files… » writes it later.</source>
        <translation>L&apos;édition a été enregistrée sans la grille remplie : « Éditions » la conserve, « Enregistrer les fichiers… » l&apos;écrit plus tard.</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <source>Blocking</source>
        <translation>Bloquant</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Problems to correct</source>
        <translation>Points à corriger</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
    <name>GoalDialog</name>
    <message>
        <source>New goal</source>
        <translation>Nouvel objectif</translation>
    </message>
    <message>
        <source>Edit the goal</source>
        <translation>Modifier l&apos;objectif</translation>
    </message>
    <message>
        <source>Start from what the person already does well: their strengths come first.</source>
        <translation>Partez de ce que la personne fait déjà bien : ses points d&apos;appui passent en premier.</translation>
    </message>
    <message>
        <source>The household&apos;s plan (no measure)</source>
        <translation>Le projet du ménage (sans mesure)</translation>
    </message>
    <message>
        <source>Strengths (points d&apos;appui)</source>
        <translation>Points d&apos;appui</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Date visée</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Points of attention</source>
        <translation>Points de vigilance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Clos le</translation>
    </message>
</context>
<context>
    <name>GridsPanel</name>
    <message>
        <source>State of the funder grids</source>
        <translation>État des grilles des financeurs</translation>
    </message>
    <message>
        <source>&amp;Add a grid…</source>
        <translation>&amp;Ajouter une grille…</translation>
    </message>
    <message>
        <source>Add a funder&apos;s grid (an Excel .xlsx file) or a new version of one</source>
        <translation>Ajouter la grille d&apos;un financeur (un fichier Excel .xlsx) ou une nouvelle version d&apos;une grille</translation>
    </message>
    <message>
        <source>F&amp;ill…</source>
        <translation>&amp;Remplir…</translation>
    </message>
    <message>
        <source>Fill the selected version of the grid for a period</source>
        <translation>Remplir la version sélectionnée de la grille pour une période</translation>
    </message>
    <message>
        <source>Indicator &amp;codes…</source>
        <translation>&amp;Codes des indicateurs…</translation>
    </message>
    <message>
        <source>Search the indicator codes and copy a placeholder to paste into a grid</source>
        <translation>Rechercher les codes des indicateurs et copier une balise à coller dans une grille</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Read the grids again</source>
        <translation>Actualiser la liste des grilles</translation>
    </message>
    <message>
        <source>&amp;Grids kept</source>
        <translation>&amp;Grilles conservées</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>Dernière version</translation>
    </message>
    <message>
        <source>{version} of {count}</source>
        <translation>{version} sur {count}</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>Ajoutée le</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Funder grids kept</source>
        <translation>Grilles des financeurs conservées</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versions</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ajoutée par</translation>
    </message>
    <message>
        <source>Versions of the selected grid</source>
        <translation>Versions de la grille sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Placeholders</source>
        <translation>&amp;Balises</translation>
    </message>
    <message>
        <source>Placeholders recognised or not</source>
        <translation>Balises reconnues ou non</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cellule</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>Balise</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Meaning or problem</source>
        <translation>Signification ou problème</translation>
    </message>
    <message>
        <source>Placeholders of the selected version</source>
        <translation>Balises de la version sélectionnée</translation>
    </message>
    <message>
        <source>Funder grids</source>
        <translation>Grilles des financeurs</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>Reconnue</translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation>Non reconnue</translation>
    </message>
    <message>
        <source> Nearest codes: {codes}.</source>
        <translation> Codes les plus proches : {codes}.</translation>
    </message>
    <message>
        <source>Reading the grids…</source>
        <translation>Lecture des grilles…</translation>
    </message>
    <message>
        <source>{count} grid(s) kept.</source>
        <translation>{count} grille(s) conservée(s).</translation>
    </message>
    <message>
        <source>No grid kept yet: « Add a grid… » keeps a funder&apos;s Excel grid whose cells hold placeholders such as {{households.entries}} (« Indicator codes… » lists them).</source>
        <translation>Aucune grille conservée pour l&apos;instant : « Ajouter une grille… » conserve la grille Excel d&apos;un financeur dont les cellules contiennent des balises comme {{households.entries}} (« Codes des indicateurs… » les liste).</translation>
    </message>
    <message>
        <source>Reading the placeholders…</source>
        <translation>Lecture des balises…</translation>
    </message>
    <message>
        <source>No placeholder in this version: write {{code}} in the cells to fill (« Indicator codes… » copies them), then add the grid again.</source>
        <translation>Aucune balise dans cette version : écrivez {{code}} dans les cellules à remplir (« Codes des indicateurs… » les copie), puis ajoutez de nouveau la grille.</translation>
    </message>
    <message>
        <source>{total} placeholder(s): {recognised} recognised, {unknown} not recognised.</source>
        <translation>{total} balise(s) : {recognised} reconnue(s), {unknown} non reconnue(s).</translation>
    </message>
    <message>
        <source>Correct them in the grid, then add it again under the same name (a new version) before filling it.</source>
        <translation>Corrigez-les dans la grille, puis ajoutez-la de nouveau sous le même nom (une nouvelle version) avant de la remplir.</translation>
    </message>
    <message>
        <source>Add a funder&apos;s grid</source>
        <translation>Ajouter la grille d&apos;un financeur</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The file could not be read: {error}</source>
        <translation>Le fichier n&apos;a pas pu être lu : {error}</translation>
    </message>
    <message>
        <source>« {name} »: version {version} kept.</source>
        <translation>« {name} » : version {version} conservée.</translation>
    </message>
</context>
<context>
    <name>GuestDialog</name>
    <message>
        <source>Guest of {household}</source>
        <translation>Personne hébergée par {household}</translation>
    </message>
    <message>
        <source>Guest&apos;s name</source>
        <translation>Nom de la personne hébergée</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
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
        <source>Composition</source>
        <translation>Composition</translation>
    </message>
    <message>
        <source>Contact and rights</source>
        <translation>Coordonnées et droits</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <source>Rehousing</source>
        <translation>Relogement</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Accompagnement</translation>
    </message>
    <message>
        <source>Housing and contract</source>
        <translation>Logement et contrat</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
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
        <source>Export the file (right of access)…</source>
        <translation>Exporter le dossier (droit d'accès)…</translation>
    </message>
    <message>
        <source>Export everything Seuil holds about this household, for its right of access</source>
        <translation>Exporter tout ce que Seuil conserve sur ce ménage, pour son droit d'accès</translation>
    </message>
    <message>
        <source>Export the file (right of access)</source>
        <translation>Exporter le dossier (droit d'accès)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>File written: {path}

Read it before giving it: a note or a document may speak of other people. Open it now?</source>
        <translation>Dossier écrit : {path}

Relisez-le avant de le remettre : une note ou un document peut parler d'autres personnes. L'ouvrir maintenant ?</translation>
    </message>
    <message>
        <source>Right of access</source>
        <translation>Droit d'accès</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Événement</translation>
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
        <source>Correct an exit…</source>
        <translation>Corriger une sortie…</translation>
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
        <source>Write a note…</source>
        <translation>Écrire une note…</translation>
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
        <source>Dwellings</source>
        <translation>Logements</translation>
    </message>
    <message>
        <source>Landlords</source>
        <translation>Bailleurs</translation>
    </message>
    <message>
        <source>Boarding houses</source>
        <translation>Pensions de famille</translation>
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
    <name>IdentityDialog</name>
    <message>
        <source>Identity and rights of {name}</source>
        <translation>Identité et droits de {name}</translation>
    </message>
    <message>
        <source>An interpreter is needed</source>
        <translation>Un interprète est nécessaire</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>The person agrees to this contact being recorded</source>
        <translation>La personne accepte que ce contact soit enregistré</translation>
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
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Interprète</translation>
    </message>
    <message>
        <source>Benefit agency</source>
        <translation>Organisme payeur</translation>
    </message>
    <message>
        <source>Allocataire number</source>
        <translation>N° allocataire</translation>
    </message>
    <message>
        <source>Residence permit until</source>
        <translation>Titre de séjour jusqu&apos;au</translation>
    </message>
    <message>
        <source>Legal protection</source>
        <translation>Protection juridique</translation>
    </message>
    <message>
        <source>Mandataire</source>
        <translation>Mandataire</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Personne à prévenir</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
</context>
<context>
    <name>ImportWorkbookDialog</name>
    <message>
        <source>Import a workbook</source>
        <translation>Importer un classeur</translation>
    </message>
    <message>
        <source>The file is checked first: nothing is recorded until you press « Import », and a file with a blocking problem changes nothing. Importing the same file again changes nothing.</source>
        <translation>Le fichier est d&apos;abord vérifié : rien n&apos;est enregistré avant que vous cliquiez sur « Importer », et un fichier comportant un problème bloquant ne modifie rien. Importer de nouveau le même fichier ne change rien.</translation>
    </message>
    <message>
        <source>Progress of the check</source>
        <translation>Avancement de la vérification</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
        <source>Workbook to import</source>
        <translation>Classeur à importer</translation>
    </message>
    <message>
        <source>&amp;Choose a workbook…</source>
        <translation>&amp;Choisir un classeur…</translation>
    </message>
    <message>
        <source>Choose the workbook to import</source>
        <translation>Choisir le classeur à importer</translation>
    </message>
    <message>
        <source>Workbook &amp;template…</source>
        <translation>&amp;Modèle de classeur…</translation>
    </message>
    <message>
        <source>Save an empty workbook with its notice</source>
        <translation>Enregistrer un classeur vide avec sa notice</translation>
    </message>
    <message>
        <source>Report per sheet</source>
        <translation>Bilan par feuille</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problèmes relevés</translation>
    </message>
    <message>
        <source>Problems found in the workbook</source>
        <translation>Problèmes relevés dans le classeur</translation>
    </message>
    <message>
        <source>&amp;Save the problems…</source>
        <translation>&amp;Enregistrer les problèmes…</translation>
    </message>
    <message>
        <source>Save the problems as a workbook</source>
        <translation>Enregistrer les problèmes dans un classeur</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Import the workbook</source>
        <translation>Importer le classeur</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Workbooks (*.xlsx *.xlsm *.xls *.ods);;Every file (*)</source>
        <translation>Classeurs (*.xlsx *.xlsm *.xls *.ods);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Checking the workbook…</source>
        <translation>Vérification du classeur…</translation>
    </message>
    <message>
        <source>{count} blocking problem(s): nothing can be imported until the workbook is corrected. Save the problems as a workbook to correct them, then choose the file again.</source>
        <translation>{count} problème(s) bloquant(s) : rien ne peut être importé tant que le classeur n&apos;est pas corrigé. Enregistrez les problèmes dans un classeur pour les corriger, puis choisissez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>Nothing to import: the {unchanged} row(s) of the workbook are already recorded.</source>
        <translation>Rien à importer : les {unchanged} ligne(s) du classeur sont déjà enregistrées.</translation>
    </message>
    <message>
        <source>Ready to import: {created} row(s) to create, {updated} to update, {unchanged} unchanged; {touched} household(s) concerned.</source>
        <translation>Prêt à importer : {created} ligne(s) à créer, {updated} à modifier, {unchanged} inchangée(s) ; {touched} ménage(s) concerné(s).</translation>
    </message>
    <message>
        <source>{count} warning(s) to read below.</source>
        <translation>{count} avertissement(s) à lire ci-dessous.</translation>
    </message>
    <message>
        <source>This workbook changes {touched} of the {before} households already recorded (more than {percent} %). Import it anyway?</source>
        <translation>Ce classeur modifie {touched} des {before} ménages déjà enregistrés (plus de {percent} %). L&apos;importer quand même ?</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>Workbook imported: {created} row(s) created, {updated} updated, {unchanged} unchanged; {touched} household(s) concerned.</source>
        <translation>Classeur importé : {created} ligne(s) créée(s), {updated} modifiée(s), {unchanged} inchangée(s) ; {touched} ménage(s) concerné(s).</translation>
    </message>
    <message>
        <source>Problems of the workbook</source>
        <translation>Problèmes du classeur</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The problems were saved in {path}.</source>
        <translation>Les problèmes ont été enregistrés dans {path}.</translation>
    </message>
    <message>
        <source>Stopped: nothing was recorded.</source>
        <translation>Arrêté : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Problems found: {count}</source>
        <translation>Problèmes relevés : {count}</translation>
    </message>
    <message>
        <source>Stopping… nothing will be recorded.</source>
        <translation>Arrêt en cours… rien ne sera enregistré.</translation>
    </message>
</context>
<context>
    <name>InstalmentsEditor</name>
    <message>
        <source>Total to spread</source>
        <translation>Total à échelonner</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Number of monthly instalments</source>
        <translation>Nombre de mensualités</translation>
    </message>
    <message>
        <source>First instalment due on</source>
        <translation>Première échéance le</translation>
    </message>
    <message>
        <source>Spread monthly</source>
        <translation>Répartir en mensualités</translation>
    </message>
    <message>
        <source>Spread the total in monthly instalments</source>
        <translation>Répartir le total en mensualités</translation>
    </message>
    <message>
        <source>from</source>
        <translation>à partir du</translation>
    </message>
    <message>
        <source>Add an instalment</source>
        <translation>Ajouter une échéance</translation>
    </message>
    <message>
        <source>Total of the instalments</source>
        <translation>Total des échéances</translation>
    </message>
    <message>
        <source>Type the total to spread first.</source>
        <translation>Saisissez d&apos;abord le total à échelonner.</translation>
    </message>
    <message>
        <source>{count} instalment(s), total {total}</source>
        <translation>{count} échéance(s), total {total}</translation>
    </message>
</context>
<context>
    <name>IssuesTableModel</name>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Bloquant</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
</context>
<context>
    <name>KeyWorkerDialog</name>
    <message>
        <source>Key workers</source>
        <translation>Référents</translation>
    </message>
    <message>
        <source>No key worker</source>
        <translation>Aucun référent</translation>
    </message>
    <message>
        <source>Key worker</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Co-key-workers</source>
        <translation>Co-référents</translation>
    </message>
</context>
<context>
    <name>LandlordDialog</name>
    <message>
        <source>New landlord</source>
        <translation>Nouveau bailleur</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Bailleur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>LandlordsPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Landlords</source>
        <translation>Bailleurs</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>{name} leaves the household</source>
        <translation>{name} quitte le ménage</translation>
    </message>
    <message>
        <source>Last day in the household</source>
        <translation>Dernier jour dans le ménage</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Write a letter</source>
        <translation>Rédiger un courrier</translation>
    </message>
    <message>
        <source>Write the letter</source>
        <translation>Rédiger le courrier</translation>
    </message>
    <message>
        <source>{contract}. The letter states the debt in default on its date, month by month; it is kept in the household&apos;s documents.</source>
        <translation>{contract}. Le courrier indique la dette impayée à sa date, mois par mois ; il est conservé dans les documents du ménage.</translation>
    </message>
    <message>
        <source>Pay or call by</source>
        <translation>Régler ou prendre contact au plus tard le</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>Date of the letter</source>
        <translation>Date du courrier</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Date limite</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>Échéancier</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>LiaisonDialog</name>
    <message>
        <source>Liaison book</source>
        <translation>Cahier de liaison</translation>
    </message>
    <message>
        <source>For the hosts of {residence}. Residents may ask to read what is written about them: write facts, not judgements; health stays out of it.</source>
        <translation>Pour les hôtes de {residence}. Les résidents peuvent demander à lire ce qui est écrit à leur sujet : écrivez des faits, pas des jugements ; la santé n&apos;y a pas sa place.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Residents concerned</source>
        <translation>Résidents concernés</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
</context>
<context>
    <name>LinkPartnerDialog</name>
    <message>
        <source>Link a partner</source>
        <translation>Rattacher un partenaire</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Rattacher</translation>
    </message>
    <message>
        <source>Name or commune…</source>
        <translation>Nom ou commune…</translation>
    </message>
    <message>
        <source>Search partners</source>
        <translation>Rechercher un partenaire</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>New partner…</source>
        <translation>Nouveau partenaire…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>e.g. CMP — Dr X, mandataire…</source>
        <translation>ex. : CMP — Dr X, mandataire…</translation>
    </message>
    <message>
        <source>Role for this household</source>
        <translation>Rôle auprès de ce ménage</translation>
    </message>
    <message>
        <source>Choose a partner in the list first.</source>
        <translation>Choisissez d&apos;abord un partenaire dans la liste.</translation>
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
    <name>MainLeaseDialog</name>
    <message>
        <source>Main lease of {reference}</source>
        <translation>Bail principal de {reference}</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (empty while it runs)</source>
        <translation>jj/mm/aaaa (vide tant qu&apos;il est en cours)</translation>
    </message>
    <message>
        <source>Sliding clause (bail glissant)</source>
        <translation>Clause de glissement (bail glissant)</translation>
    </message>
    <message>
        <source>The dwelling&apos;s landlord</source>
        <translation>Le bailleur du logement</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Rent (€ per month)</source>
        <translation>Loyer (€ par mois)</translation>
    </message>
    <message>
        <source>Charges (€ per month)</source>
        <translation>Charges (€ par mois)</translation>
    </message>
    <message>
        <source>Sliding clause</source>
        <translation>Clause de glissement</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Bailleur</translation>
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
    <name>MonthDocumentsDialog</name>
    <message>
        <source>Quittance or receipt</source>
        <translation>Quittance ou reçu</translation>
    </message>
    <message>
        <source>A quittance when the month is fully paid, a receipt when it is partly paid, a notice of amount due otherwise. A document already issued is printed again under its number.</source>
        <translation>Une quittance si le mois est entièrement réglé, un reçu s&apos;il l&apos;est en partie, un avis d&apos;échéance sinon. Un document déjà émis est réimprimé sous son numéro.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Keep a copy in the household&apos;s documents</source>
        <translation>Conserver une copie dans les documents du ménage</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Émettre</translation>
    </message>
</context>
<context>
    <name>MonthReceipts</name>
    <message>
        <source>Receipts of the month</source>
        <translation>Quittances du mois</translation>
    </message>
    <message>
        <source>Due notices, rent receipts and part-payment receipts of {month} for every household: where should they be written?</source>
        <translation>Avis d&apos;échéance, quittances et reçus de {month} pour tous les ménages : où les enregistrer ?</translation>
    </message>
    <message>
        <source>One PDF per document, in a folder…</source>
        <translation>Un PDF par document, dans un dossier…</translation>
    </message>
    <message>
        <source>All in one PDF file…</source>
        <translation>Tout dans un seul fichier PDF…</translation>
    </message>
    <message>
        <source>Folder of the receipts</source>
        <translation>Dossier des quittances</translation>
    </message>
    <message>
        <source>File of the receipts</source>
        <translation>Fichier des quittances</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{month}: {count} document(s) written — {quittances} rent receipt(s), {receipts} part-payment receipt(s), {notices} due notice(s), {invoices} invoice(s) of optional services.</source>
        <translation>{month} : {count} document(s) écrit(s) — {quittances} quittance(s), {receipts} reçu(s), {notices} avis d&apos;échéance, {invoices} facture(s) de prestations facultatives.</translation>
    </message>
    <message>
        <source>{count} of them reprinted under the number they were first issued with.</source>
        <translation>Dont {count} réimprimé(s) sous le numéro de leur première édition.</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>Enregistré dans {path}</translation>
    </message>
    <message>
        <source>{month}: no document to issue.</source>
        <translation>{month} : aucun document à éditer.</translation>
    </message>
    <message>
        <source>{count} contract(s) without a document:</source>
        <translation>{count} contrat(s) sans document :</translation>
    </message>
    <message>
        <source>  … and {count} more.</source>
        <translation>  … et {count} autre(s).</translation>
    </message>
    <message>
        <source>Open the file?</source>
        <translation>Ouvrir le fichier ?</translation>
    </message>
    <message>
        <source>Open the folder?</source>
        <translation>Ouvrir le dossier ?</translation>
    </message>
    <message>
        <source>No application could open {path}.</source>
        <translation>Aucune application n&apos;a pu ouvrir {path}.</translation>
    </message>
    <message>
        <source>The run was stopped: no file was written. Documents already numbered keep their number and are reprinted by the next run.</source>
        <translation>L&apos;édition a été arrêtée : aucun fichier n&apos;a été écrit. Les documents déjà numérotés gardent leur numéro et seront réimprimés à la prochaine édition.</translation>
    </message>
    <message>
        <source>The files could not be written: {error}</source>
        <translation>Les fichiers n&apos;ont pas pu être écrits : {error}</translation>
    </message>
</context>
<context>
    <name>MonthWorkBar</name>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Month of the charges</source>
        <translation>Mois des échéances</translation>
    </message>
    <message>
        <source>&amp;Generate the month&apos;s charges</source>
        <translation>&amp;Générer les échéances du mois</translation>
    </message>
    <message>
        <source>Rece&amp;ipts of the month…</source>
        <translation>&amp;Quittances du mois…</translation>
    </message>
    <message>
        <source>Due notices and rent receipts of the month, for every household</source>
        <translation>Avis d&apos;échéance et quittances du mois, pour tous les ménages</translation>
    </message>
    <message>
        <source>Close the &amp;month…</source>
        <translation>Clôturer le &amp;mois…</translation>
    </message>
    <message>
        <source>Charges of the month</source>
        <translation>Échéances du mois</translation>
    </message>
    <message>
        <source>{month}: {entries} entry(ies) created for {contracts} contract(s), total {total}; {skipped} contract(s) left as they were.</source>
        <translation>{month} : {entries} écriture(s) créée(s) pour {contracts} contrat(s), total {total} ; {skipped} contrat(s) laissé(s) tels quels.</translation>
    </message>
    <message>
        <source>Close the month</source>
        <translation>Clôturer le mois</translation>
    </message>
    <message>
        <source>Close {month}? No entry may then be dated in that month; later corrections are posted in an open month and may name it.</source>
        <translation>Clôturer {month} ? Aucune écriture ne pourra plus être datée de ce mois ; les corrections ultérieures se passent dans un mois ouvert et peuvent le nommer.</translation>
    </message>
    <message>
        <source>{month} is closed.</source>
        <translation>{month} est clôturé.</translation>
    </message>
    <message>
        <source>Month&apos;s work</source>
        <translation>Travaux du mois</translation>
    </message>
</context>
<context>
    <name>MonthsDialog</name>
    <message>
        <source>Months covered</source>
        <translation>Mois couverts</translation>
    </message>
    <message>
        <source>Tick every month this line pays. The amount is split evenly over them, the remaining cents on the last month.</source>
        <translation>Cochez chaque mois réglé par cette ligne. Le montant est réparti à parts égales entre eux, les centimes restants sur le dernier mois.</translation>
    </message>
</context>
<context>
    <name>NewCandidatureDialog</name>
    <message>
        <source>New candidature</source>
        <translation>Nouvelle candidature</translation>
    </message>
    <message>
        <source>&amp;New household</source>
        <translation>&amp;Nouveau ménage</translation>
    </message>
    <message>
        <source>&amp;Existing household</source>
        <translation>Ménage &amp;existant</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head&apos;s last name</source>
        <translation>Nom de la personne de référence</translation>
    </message>
    <message>
        <source>Head&apos;s first name</source>
        <translation>Prénom de la personne de référence</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Name or reference</source>
        <translation>Nom ou référence</translation>
    </message>
    <message>
        <source>Search a household</source>
        <translation>Rechercher un ménage</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Chercher</translation>
    </message>
    <message>
        <source>Find the households matching</source>
        <translation>Chercher les ménages correspondants</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Existing household</source>
        <translation>Ménage existant</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Dwelling offered</source>
        <translation>Logement proposé</translation>
    </message>
    <message>
        <source>Residence (place)</source>
        <translation>Pension (place)</translation>
    </message>
    <message>
        <source>SI-SIAO request number</source>
        <translation>Numéro de demande SI-SIAO</translation>
    </message>
    <message>
        <source>Orientation date</source>
        <translation>Date d&apos;orientation</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Prescripteur</translation>
    </message>
    <message>
        <source>Referring partner</source>
        <translation>Partenaire prescripteur</translation>
    </message>
    <message>
        <source>Situation before entry</source>
        <translation>Situation avant l&apos;entrée</translation>
    </message>
    <message>
        <source>DALO status</source>
        <translation>Statut DALO</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>NewContractDialog</name>
    <message>
        <source>New contract</source>
        <translation>Nouveau contrat</translation>
    </message>
    <message>
        <source> (returned on {day})</source>
        <translation> (restitué le {day})</translation>
    </message>
    <message>
        <source>Renewal date</source>
        <translation>Date de renouvellement</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Kind of contract</source>
        <translation>Type de contrat</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
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
    <name>NewMeasureDialog</name>
    <message>
        <source>New measure</source>
        <translation>Nouvelle mesure</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>As set for the funder</source>
        <translation>Durée fixée pour le financeur</translation>
    </message>
    <message>
        <source>Kind of measure</source>
        <translation>Type de mesure</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Financeur</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Target public</source>
        <translation>Public visé</translation>
    </message>
    <message>
        <source>DALO status</source>
        <translation>Statut DALO</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Prescripteur</translation>
    </message>
    <message>
        <source>Prescription date</source>
        <translation>Date de prescription</translation>
    </message>
    <message>
        <source>Support contract signed on</source>
        <translation>Contrat d&apos;accompagnement signé le</translation>
    </message>
    <message>
        <source>Planned months</source>
        <translation>Durée prévue (mois)</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>No programme is recorded yet.</source>
        <translation>Aucun dispositif n&apos;est encore enregistré.</translation>
    </message>
</context>
<context>
    <name>NewStaffPeriodDialog</name>
    <message>
        <source>Staff assignment</source>
        <translation>Affectation de personnel</translation>
    </message>
    <message>
        <source>Host, social worker… (not a name)</source>
        <translation>Hôte, travailleur social… (pas un nom)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Full-time equivalents</source>
        <translation>Équivalents temps plein</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Write a note</source>
        <translation>Écrire une note</translation>
    </message>
    <message>
        <source>The person may read what is written here (right of access): write facts, respectfully, starting from their strengths.</source>
        <translation>La personne peut lire ce qui est écrit ici (droit d&apos;accès) : écrivez des faits, avec respect, en partant de ses forces.</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>New housing offer</source>
        <translation>Nouvelle proposition de logement</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Monthly rent, charges excluded</source>
        <translation>Loyer mensuel, hors charges</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Offered on</source>
        <translation>Proposée le</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Bailleur</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Typology</source>
        <translation>Typologie</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Loyer</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Demande</translation>
    </message>
</context>
<context>
    <name>OfferOutcomeDialog</name>
    <message>
        <source>Outcome of the offer</source>
        <translation>Résultat de la proposition</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Réponse le</translation>
    </message>
    <message>
        <source>Reason of the refusal</source>
        <translation>Motif du refus</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Known</source>
        <translation>Connue</translation>
    </message>
    <message>
        <source>{field}: known</source>
        <translation>{field} : connue</translation>
    </message>
</context>
<context>
    <name>OptionalMonthEdit</name>
    <message>
        <source>No month</source>
        <translation>Aucun mois</translation>
    </message>
    <message>
        <source>{label}: no month</source>
        <translation>{label} : aucun mois</translation>
    </message>
</context>
<context>
    <name>OtherEntryDialog</name>
    <message>
        <source>Other entry</source>
        <translation>Autre écriture</translation>
    </message>
    <message>
        <source>Dwelling {dwelling}.</source>
        <translation>Logement {dwelling}.</translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation>Type d&apos;écriture</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Month concerned</source>
        <translation>Mois concerné</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Nature (an amount owed)</source>
        <translation>Nature (pour une somme due)</translation>
    </message>
    <message>
        <source>First unpaid day of the debt</source>
        <translation>Date du premier impayé de la dette</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Versé par</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>1 234,56 (a credit: -1 234,56)</source>
        <translation>1 234,56 (un crédit : -1 234,56)</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>New partner</source>
        <translation>Nouveau partenaire</translation>
    </message>
    <message>
        <source>Edit the partner</source>
        <translation>Modifier le partenaire</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
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
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <source>Protected file: its partners are shown to its key worker only.</source>
        <translation>Dossier protégé : ses partenaires ne sont visibles que par son référent.</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Partners of the household</source>
        <translation>Partenaires du ménage</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Interlocuteurs</translation>
    </message>
    <message>
        <source>Link a partner…</source>
        <translation>Rattacher un partenaire…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Modifier le rôle…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Détacher</translation>
    </message>
    <message>
        <source>Contact persons at {partner}:</source>
        <translation>Interlocuteurs chez {partner} :</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Select a partner first.</source>
        <translation>Sélectionnez d&apos;abord un partenaire.</translation>
    </message>
    <message>
        <source>« {partner} » will no longer be listed among this household&apos;s partners (it stays in the address book). Unlink it?</source>
        <translation>« {partner} » ne figurera plus parmi les partenaires de ce ménage (il reste dans le carnet d&apos;adresses). Le détacher ?</translation>
    </message>
    <message>
        <source>Unlink a partner</source>
        <translation>Détacher un partenaire</translation>
    </message>
</context>
<context>
    <name>PartnersView</name>
    <message>
        <source>Name or commune…</source>
        <translation>Nom ou commune…</translation>
    </message>
    <message>
        <source>Search partners</source>
        <translation>Rechercher un partenaire</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Ménages</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partenaires</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Interlocuteur</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Interlocuteurs</translation>
    </message>
    <message>
        <source>Add a contact…</source>
        <translation>Ajouter un interlocuteur…</translation>
    </message>
    <message>
        <source>Edit the contact…</source>
        <translation>Modifier l&apos;interlocuteur…</translation>
    </message>
    <message>
        <source>Remove the contact</source>
        <translation>Retirer l&apos;interlocuteur</translation>
    </message>
    <message>
        <source>Households followed</source>
        <translation>Ménages suivis</translation>
    </message>
    <message>
        <source>{count} partner(s)</source>
        <translation>{count} partenaire(s)</translation>
    </message>
    <message>
        <source>Contact persons at {partner}</source>
        <translation>Interlocuteurs chez {partner}</translation>
    </message>
    <message>
        <source>Follows {count} household(s).</source>
        <translation>Suit {count} ménage(s).</translation>
    </message>
    <message>
        <source>Mandataire of {count} person(s).</source>
        <translation>Mandataire de {count} personne(s).</translation>
    </message>
    <message>
        <source>Select a partner first.</source>
        <translation>Sélectionnez d&apos;abord un partenaire.</translation>
    </message>
    <message>
        <source>Delete « {partner} » and its contact persons from the address book?</source>
        <translation>Supprimer « {partner} » et ses interlocuteurs du carnet d&apos;adresses ?</translation>
    </message>
    <message>
        <source>Delete a partner</source>
        <translation>Supprimer un partenaire</translation>
    </message>
    <message>
        <source>Select a contact person first.</source>
        <translation>Sélectionnez d&apos;abord un interlocuteur.</translation>
    </message>
    <message>
        <source>Remove « {name} » from the contact persons?</source>
        <translation>Retirer « {name} » des interlocuteurs ?</translation>
    </message>
    <message>
        <source>Remove a contact person</source>
        <translation>Retirer un interlocuteur</translation>
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
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Règlement</translation>
    </message>
    <message>
        <source>Dwelling {dwelling}. A payment naming no month settles the oldest amounts owed first.</source>
        <translation>Logement {dwelling}. Un règlement qui ne précise aucun mois solde d&apos;abord les sommes dues les plus anciennes.</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Date de réception</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Month paid</source>
        <translation>Mois réglé</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode de règlement</translation>
    </message>
    <message>
        <source>Paid by (if not the household)</source>
        <translation>Réglé par (si ce n&apos;est pas le ménage)</translation>
    </message>
    <message>
        <source>Reference (cheque no., transfer)</source>
        <translation>Référence (n° de chèque, virement)</translation>
    </message>
</context>
<context>
    <name>PhaseDialog</name>
    <message>
        <source>Change the phase</source>
        <translation>Changer de phase</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
</context>
<context>
    <name>PlanGlissementDialog</name>
    <message>
        <source>Plan the glissement</source>
        <translation>Prévoir le glissement</translation>
    </message>
    <message>
        <source>Deadline of the sliding plan: {deadline}.</source>
        <translation>Échéance de la convention de glissement : {deadline}.</translation>
    </message>
    <message>
        <source>Planned glissement date</source>
        <translation>Date de glissement prévue</translation>
    </message>
</context>
<context>
    <name>ProduceTab</name>
    <message>
        <source>State of the return</source>
        <translation>État du bilan</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Tous les dispositifs</translation>
    </message>
    <message>
        <source>E&amp;xcel</source>
        <translation>E&amp;xcel</translation>
    </message>
    <message>
        <source>Produce the Excel workbook</source>
        <translation>Produire le classeur Excel</translation>
    </message>
    <message>
        <source>P&amp;DF</source>
        <translation>P&amp;DF</translation>
    </message>
    <message>
        <source>Produce the PDF report</source>
        <translation>Produire le rapport PDF</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>&amp;Bilan</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>D&amp;u</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Pro&amp;gramme</source>
        <translation>Dispositi&amp;f</translation>
    </message>
    <message>
        <source>Previous &amp;quarter</source>
        <translation>&amp;Trimestre précédent</translation>
    </message>
    <message>
        <source>Period: the previous quarter</source>
        <translation>Période : le trimestre précédent</translation>
    </message>
    <message>
        <source>C&amp;urrent quarter</source>
        <translation>Trimestre en &amp;cours</translation>
    </message>
    <message>
        <source>Period: the current quarter</source>
        <translation>Période : le trimestre en cours</translation>
    </message>
    <message>
        <source>Previous y&amp;ear</source>
        <translation>A&amp;nnée précédente</translation>
    </message>
    <message>
        <source>Period: the previous year</source>
        <translation>Période : l&apos;année précédente</translation>
    </message>
    <message>
        <source>Current &amp;year</source>
        <translation>Année en c&amp;ours</translation>
    </message>
    <message>
        <source>Period: the current year</source>
        <translation>Période : l&apos;année en cours</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Formats :</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Check the data and compute the return&apos;s figures</source>
        <translation>Vérifier les données et calculer les chiffres du bilan</translation>
    </message>
    <message>
        <source>&amp;Produce…</source>
        <translation>&amp;Produire…</translation>
    </message>
    <message>
        <source>Produce and save the return&apos;s files</source>
        <translation>Produire et enregistrer les fichiers du bilan</translation>
    </message>
    <message>
        <source>Produce despite &amp;blocking findings</source>
        <translation>Produire &amp;malgré les constats bloquants</translation>
    </message>
    <message>
        <source>Produce despite blocking findings (recorded in the run)</source>
        <translation>Produire malgré les constats bloquants (consigné dans l&apos;édition)</translation>
    </message>
    <message>
        <source>Progress of the return</source>
        <translation>Avancement du bilan</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Annu&amp;ler</translation>
    </message>
    <message>
        <source>Stop computing the return</source>
        <translation>Arrêter le calcul du bilan</translation>
    </message>
    <message>
        <source>Data-quality &amp;findings (Enter or a double click opens the household&apos;s file)</source>
        <translation>Constats sur la &amp;qualité des données (Entrée ou un double clic ouvre le dossier du ménage)</translation>
    </message>
    <message>
        <source>Data-quality findings</source>
        <translation>Constats sur la qualité des données</translation>
    </message>
    <message>
        <source>F&amp;igures</source>
        <translation>C&amp;hiffres</translation>
    </message>
    <message>
        <source>Figures of the return</source>
        <translation>Chiffres du bilan</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Bilans</translation>
    </message>
    <message>
        <source>The form changed: check again before producing the return.</source>
        <translation>Le formulaire a changé : vérifiez de nouveau avant de produire le bilan.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
        <source>Checking the data and computing the figures…</source>
        <translation>Vérification des données et calcul des chiffres…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Stopped: nothing was recorded.</source>
        <translation>Arrêté : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>{title}, {start} to {end}: {figures} figure(s); {blocking} blocking finding(s), {warnings} warning(s).</source>
        <translation>{title}, du {start} au {end} : {figures} chiffre(s) ; {blocking} constat(s) bloquant(s), {warnings} avertissement(s).</translation>
    </message>
    <message>
        <source>Tick Excel, PDF or both.</source>
        <translation>Cochez Excel, PDF ou les deux.</translation>
    </message>
    <message>
        <source>The return has {count} blocking finding(s): correct them and check again, or tick « Produce despite blocking findings » (the override is recorded in the run).</source>
        <translation>Le bilan comporte {count} constat(s) bloquant(s) : corrigez-les et vérifiez de nouveau, ou cochez « Produire malgré les constats bloquants » (ce choix est consigné dans l&apos;édition).</translation>
    </message>
    <message>
        <source>Producing the files and recording the run…</source>
        <translation>Production des fichiers et enregistrement de l&apos;édition…</translation>
    </message>
    <message>
        <source>Refused: the return has blocking findings.</source>
        <translation>Refusé : le bilan comporte des constats bloquants.</translation>
    </message>
    <message>
        <source>Run recorded{forced}.</source>
        <translation>Édition enregistrée{forced}.</translation>
    </message>
    <message>
        <source> (produced despite blocking findings)</source>
        <translation> (produite malgré des constats bloquants)</translation>
    </message>
    <message>
        <source>The run was recorded without saving its files: « Runs » keeps them, « Save the files… » writes them later.</source>
        <translation>L&apos;édition a été enregistrée sans que ses fichiers soient sauvegardés : « Éditions » les conserve, « Enregistrer les fichiers… » les écrit plus tard.</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the return</source>
        <translation>Enregistrer le bilan</translation>
    </message>
    <message>
        <source>Folder of the return&apos;s files</source>
        <translation>Dossier des fichiers du bilan</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>New rate</source>
        <translation>Nouveau tarif</translation>
    </message>
    <message>
        <source>A rate on a date that already has one replaces it (a correction, kept in the history).</source>
        <translation>Un tarif saisi à une date qui en a déjà un le remplace (une correction, conservée dans l&apos;historique).</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
</context>
<context>
    <name>ReceiptsProgressDialog</name>
    <message>
        <source>Receipts of {month}</source>
        <translation>Quittances de {month}</translation>
    </message>
    <message>
        <source>Preparing the documents…</source>
        <translation>Préparation des documents…</translation>
    </message>
    <message>
        <source>Progress of the receipts</source>
        <translation>Avancement des quittances</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Stop the receipts of the month</source>
        <translation>Arrêter l&apos;édition des quittances du mois</translation>
    </message>
    <message>
        <source>Preparing the documents: contract {done} of {total}</source>
        <translation>Préparation des documents : contrat {done} sur {total}</translation>
    </message>
    <message>
        <source>Writing the files: {done} of {total}</source>
        <translation>Écriture des fichiers : {done} sur {total}</translation>
    </message>
    <message>
        <source>Stopping… no file will be left behind.</source>
        <translation>Arrêt en cours… aucun fichier ne restera.</translation>
    </message>
</context>
<context>
    <name>RecordRehousingDialog</name>
    <message>
        <source>Record a rehousing</source>
        <translation>Enregistrer un relogement</translation>
    </message>
    <message>
        <source>Saving ends the chosen stay on the day before the signature (unless another last day is given) and ends the measure as rehoused, or moves it to « in the home » when support continues.</source>
        <translation>L&apos;enregistrement clôt le séjour choisi la veille de la signature (sauf si un autre dernier jour est indiqué) et met fin à la mesure avec le résultat « relogé », ou la fait passer à la phase « dans le logement » si l&apos;accompagnement se poursuit.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>As the sector says</source>
        <translation>Selon le parc</translation>
    </message>
    <message>
        <source>Sublease slid to the household (bail glissé)</source>
        <translation>Sous-location glissée au nom du ménage (bail glissé)</translation>
    </message>
    <message>
        <source>No stay to end</source>
        <translation>Aucun séjour à clôturer</translation>
    </message>
    <message>
        <source>{programme}, since {day}</source>
        <translation>{programme}, depuis le {day}</translation>
    </message>
    <message>
        <source>No measure</source>
        <translation>Aucune mesure</translation>
    </message>
    <message>
        <source>{kind}, since {day}</source>
        <translation>{kind}, depuis le {day}</translation>
    </message>
    <message>
        <source>Support continues in the home</source>
        <translation>L&apos;accompagnement se poursuit dans le logement</translation>
    </message>
    <message>
        <source>Lease signed on</source>
        <translation>Bail signé le</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Proposition</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Bailleur</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Parc</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Housing situation</source>
        <translation>Situation de logement</translation>
    </message>
    <message>
        <source>Stay it ends</source>
        <translation>Séjour clôturé</translation>
    </message>
    <message>
        <source>Last day of the stay</source>
        <translation>Dernier jour du séjour</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>After the rehousing</source>
        <translation>Après le relogement</translation>
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
    <name>RehousingTab</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Déposée le</translation>
    </message>
    <message>
        <source>Renewed on</source>
        <translation>Renouvelée le</translation>
    </message>
    <message>
        <source>Lapses on</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>DALO</source>
        <translation>DALO</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <source>Social-housing applications</source>
        <translation>Demandes de logement social</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>Renouveler…</translation>
    </message>
    <message>
        <source>DALO…</source>
        <translation>DALO…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Offered on</source>
        <translation>Proposée le</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Bailleur</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Typology</source>
        <translation>Typologie</translation>
    </message>
    <message>
        <source>Rent</source>
        <translation>Loyer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Propositions</translation>
    </message>
    <message>
        <source>Housing offers</source>
        <translation>Propositions de logement</translation>
    </message>
    <message>
        <source>Outcome…</source>
        <translation>Résultat…</translation>
    </message>
    <message>
        <source>Lease signed on</source>
        <translation>Bail signé le</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Parc</translation>
    </message>
    <message>
        <source>Housing situation</source>
        <translation>Situation de logement</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Accompagnement</translation>
    </message>
    <message>
        <source>Rehousings</source>
        <translation>Relogements</translation>
    </message>
    <message>
        <source>Record a rehousing…</source>
        <translation>Enregistrer un relogement…</translation>
    </message>
    <message>
        <source>⚠ {day} (not renewed)</source>
        <translation>⚠ {day} (non renouvelée)</translation>
    </message>
    <message>
        <source>Filed on {day}</source>
        <translation>Déposée le {day}</translation>
    </message>
    <message>
        <source>PU DALO on {day}, préfet&apos;s limit {limit}</source>
        <translation>PU DALO le {day}, délai du préfet : {limit}</translation>
    </message>
    <message>
        <source>Not recognised on {day}</source>
        <translation>Non reconnu le {day}</translation>
    </message>
    <message>
        <source>COMED decision on {day}</source>
        <translation>Décision de la COMED le {day}</translation>
    </message>
    <message>
        <source>Awaiting an answer</source>
        <translation>En attente de réponse</translation>
    </message>
    <message>
        <source>Continues in the home</source>
        <translation>Se poursuit dans le logement</translation>
    </message>
    <message>
        <source>Measure ended</source>
        <translation>Mesure terminée</translation>
    </message>
    <message>
        <source>Rehousing</source>
        <translation>Relogement</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>Reminders</source>
        <translation>Rappels</translation>
    </message>
    <message>
        <source>Whose reminders</source>
        <translation>Rappels à afficher</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miens</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh the reminders</source>
        <translation>Actualiser les rappels</translation>
    </message>
    <message>
        <source>Loading the reminders…</source>
        <translation>Chargement des rappels…</translation>
    </message>
    <message>
        <source>Nothing due.</source>
        <translation>Aucune échéance.</translation>
    </message>
    <message>
        <source>{count} reminder(s), {overdue} overdue.</source>
        <translation>{count} rappel(s), dont {overdue} en retard.</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>{text}
See the dwelling {reference} in the Housing screen.</source>
        <translation>{text}
Voir le logement {reference} dans l&apos;écran Logements.</translation>
    </message>
</context>
<context>
    <name>RemindersTableModel</name>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>Bientôt</translation>
    </message>
    <message>
        <source>Dwelling {reference}</source>
        <translation>Logement {reference}</translation>
    </message>
</context>
<context>
    <name>RenewApplicationDialog</name>
    <message>
        <source>Renew the application</source>
        <translation>Renouveler la demande</translation>
    </message>
    <message>
        <source>Application {number}, lapses on {day} unless renewed.</source>
        <translation>Demande {number}, qui expire le {day} si elle n&apos;est pas renouvelée.</translation>
    </message>
    <message>
        <source>Renewed on</source>
        <translation>Renouvelée le</translation>
    </message>
</context>
<context>
    <name>RenewMeasureDialog</name>
    <message>
        <source>Renew the measure</source>
        <translation>Renouveler la mesure</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Décidé le</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message>
        <source>Renewal date</source>
        <translation>Date de renouvellement</translation>
    </message>
</context>
<context>
    <name>RentsView</name>
    <message>
        <source>Contracts in arrears</source>
        <translation>Contrats en impayé</translation>
    </message>
    <message>
        <source>&amp;Open the household</source>
        <translation>&amp;Ouvrir le dossier du ménage</translation>
    </message>
    <message>
        <source>Record a &amp;step…</source>
        <translation>Enregistrer une &amp;démarche…</translation>
    </message>
    <message>
        <source>&amp;Letter…</source>
        <translation>&amp;Courrier…</translation>
    </message>
    <message>
        <source>Every level</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <source>Every programme</source>
        <translation>Tous les dispositifs</translation>
    </message>
    <message>
        <source>Reference, name, key worker…</source>
        <translation>Référence, nom, référent…</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Situation on</source>
        <translation>Situation au</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export the rows shown to Excel</source>
        <translation>Exporter les lignes affichées vers Excel</translation>
    </message>
    <message>
        <source>Steps taken</source>
        <translation>Démarches effectuées</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>Remise le</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Open the le&amp;tter</source>
        <translation>Ouvrir le co&amp;urrier</translation>
    </message>
    <message>
        <source>Proof of &amp;delivery…</source>
        <translation>Preuve de &amp;remise…</translation>
    </message>
    <message>
        <source>Rents and arrears</source>
        <translation>Loyers et impayés</translation>
    </message>
    <message>
        <source>Reading the accounts…</source>
        <translation>Lecture des comptes…</translation>
    </message>
    <message>
        <source>{count} contract(s) in arrears on {day}.</source>
        <translation>{count} contrat(s) en impayé au {day}.</translation>
    </message>
    <message>
        <source>{shown} shown.</source>
        <translation>{shown} affiché(s).</translation>
    </message>
    <message>
        <source>Select a contract first.</source>
        <translation>Sélectionnez d&apos;abord un contrat.</translation>
    </message>
    <message>
        <source>Select a step first.</source>
        <translation>Sélectionnez d&apos;abord une démarche.</translation>
    </message>
    <message>
        <source>No application could open {file}. It was saved as {path}.</source>
        <translation>Aucune application n&apos;a pu ouvrir {file}. Il a été enregistré sous {path}.</translation>
    </message>
    <message>
        <source>Export the arrears</source>
        <translation>Exporter les impayés</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} contract(s) exported to {path}.</source>
        <translation>{count} contrat(s) exporté(s) vers {path}.</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n&apos;a pas pu être enregistré : {error}</translation>
    </message>
</context>
<context>
    <name>ReportHouseholdsDialog</name>
    <message>
        <source>Households behind « {label} »</source>
        <translation>Ménages comptés dans « {label} »</translation>
    </message>
    <message>
        <source>{code}: {value}, {count} household(s).</source>
        <translation>{code} : {value}, {count} ménage(s).</translation>
    </message>
    <message>
        <source>Households behind the figure</source>
        <translation>Ménages comptés dans le chiffre</translation>
    </message>
    <message>
        <source>Enter or a double click opens the household&apos;s file.</source>
        <translation>Entrée ou un double clic ouvre le dossier du ménage.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Staff (FTE)…</source>
        <translation>Personnel (ETP)…</translation>
    </message>
    <message>
        <source>Full-time equivalents of each programme, for the pension report.</source>
        <translation>Équivalents temps plein de chaque dispositif, pour le rapport de pension de famille.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Bilans</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Éditions</translation>
    </message>
    <message>
        <source>Funder grids</source>
        <translation>Grilles des financeurs</translation>
    </message>
</context>
<context>
    <name>ResidenceDialog</name>
    <message>
        <source>New residence</source>
        <translation>Nouvelle pension</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Places from</source>
        <translation>Places à partir du</translation>
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
</context>
<context>
    <name>ResidencePlacesDialog</name>
    <message>
        <source>Places of {name}</source>
        <translation>Places de {name}</translation>
    </message>
    <message>
        <source>From</source>
        <translation>À partir du</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
</context>
<context>
    <name>ResidenceView</name>
    <message>
        <source>Residence</source>
        <translation>Pension</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Jour affiché</translation>
    </message>
    <message>
        <source>&amp;Residence</source>
        <translation>&amp;Pension</translation>
    </message>
    <message>
        <source>&amp;On</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Résidents</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>Liaison book</source>
        <translation>Cahier de liaison</translation>
    </message>
    <message>
        <source>Dwelling</source>
        <translation>Logement</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>House rules signed</source>
        <translation>Règlement intérieur signé</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Absence</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Personnes hébergées</translation>
    </message>
    <message>
        <source>Absence…</source>
        <translation>Absence…</translation>
    </message>
    <message>
        <source>Back from absence…</source>
        <translation>Retour d&apos;absence…</translation>
    </message>
    <message>
        <source>Guest…</source>
        <translation>Personne hébergée…</translation>
    </message>
    <message>
        <source>Guest leaves…</source>
        <translation>Départ d&apos;une personne hébergée…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Led by</source>
        <translation>Animée par</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>Activities of the month</source>
        <translation>Activités du mois</translation>
    </message>
    <message>
        <source>Collective activity…</source>
        <translation>Activité collective…</translation>
    </message>
    <message>
        <source>Attendance…</source>
        <translation>Présences…</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Write…</source>
        <translation>Écrire…</translation>
    </message>
    <message>
        <source>Boarding house</source>
        <translation>Pension de famille</translation>
    </message>
    <message>
        <source>{person}: {kind} since {start}</source>
        <translation>{person} : {kind} depuis le {start}</translation>
    </message>
    <message>
        <source>{name} until {end}</source>
        <translation>{name} jusqu&apos;au {end}</translation>
    </message>
    <message>
        <source>{count} named</source>
        <translation>{count} nommé(s)</translation>
    </message>
    <message>
        <source>{count} (head count)</source>
        <translation>{count} (effectif)</translation>
    </message>
    <message>
        <source>No residence to show.</source>
        <translation>Aucune pension à afficher.</translation>
    </message>
    <message>
        <source>{month}: {count} activity(ies), {participations} participation(s), {participants} resident(s) named.</source>
        <translation>{month} : {count} activité(s), {participations} participation(s), {participants} résident(s) nommé(s).</translation>
    </message>
    <message>
        <source>From {start} to {end}: {count} message(s).</source>
        <translation>Du {start} au {end} : {count} message(s).</translation>
    </message>
    <message>
        <source>Select a household first.</source>
        <translation>Sélectionnez d&apos;abord un ménage.</translation>
    </message>
    <message>
        <source>Select an activity first.</source>
        <translation>Sélectionnez d&apos;abord une activité.</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Absence</translation>
    </message>
    <message>
        <source>Nobody of this household is away.</source>
        <translation>Aucun membre de ce ménage n&apos;est absent.</translation>
    </message>
    <message>
        <source>{person}, away since {start}.</source>
        <translation>{person}, absent·e depuis le {start}.</translation>
    </message>
    <message>
        <source>Back from absence</source>
        <translation>Retour d&apos;absence</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Personne hébergée</translation>
    </message>
    <message>
        <source>This household has no guest.</source>
        <translation>Ce ménage n&apos;héberge personne.</translation>
    </message>
    <message>
        <source>{name}, here since {start}.</source>
        <translation>{name}, présent·e depuis le {start}.</translation>
    </message>
    <message>
        <source>Guest leaves</source>
        <translation>Départ d&apos;une personne hébergée</translation>
    </message>
</context>
<context>
    <name>ResidencesPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Places today</source>
        <translation>Places aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Places per period</source>
        <translation>Places par période</translation>
    </message>
    <message>
        <source>Residences</source>
        <translation>Pensions</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Set places from a date…</source>
        <translation>Fixer les places à partir d&apos;une date…</translation>
    </message>
    <message>
        <source>{places} from {day}</source>
        <translation>{places} à partir du {day}</translation>
    </message>
</context>
<context>
    <name>ResourcesDialog</name>
    <message>
        <source>Resources of {name}</source>
        <translation>Ressources de {name}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Monthly amount</source>
        <translation>Montant mensuel</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressources</translation>
    </message>
    <message>
        <source>Add a resource</source>
        <translation>Ajouter une ressource</translation>
    </message>
    <message>
        <source>Remove the resource</source>
        <translation>Retirer la ressource</translation>
    </message>
    <message>
        <source>Kind, line {number}</source>
        <translation>Type, ligne {number}</translation>
    </message>
    <message>
        <source>Monthly amount, line {number}</source>
        <translation>Montant mensuel, ligne {number}</translation>
    </message>
    <message>
        <source>From, line {number}</source>
        <translation>Début, ligne {number}</translation>
    </message>
    <message>
        <source>Until, line {number}</source>
        <translation>Fin, ligne {number}</translation>
    </message>
</context>
<context>
    <name>ResumeMeasureDialog</name>
    <message>
        <source>Resume the measure</source>
        <translation>Reprendre la mesure</translation>
    </message>
    <message>
        <source>Suspended since {start}.</source>
        <translation>Suspendue depuis le {start}.</translation>
    </message>
    <message>
        <source>Last day suspended</source>
        <translation>Dernier jour de suspension</translation>
    </message>
</context>
<context>
    <name>ReturnDwellingDialog</name>
    <message>
        <source>Return {reference} to the landlord</source>
        <translation>Restituer {reference} au bailleur</translation>
    </message>
    <message>
        <source>Last day in the stock</source>
        <translation>Dernier jour dans le parc</translation>
    </message>
    <message>
        <source>Its vacancy still open ends on the same day.</source>
        <translation>Sa vacance encore ouverte prend fin le même jour.</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Reverse an entry</source>
        <translation>Annuler une écriture</translation>
    </message>
    <message>
        <source>Cancel « {label} » of {day} ({amount}). An entry is never deleted.</source>
        <translation>Annuler « {label} » du {day} ({amount}). Une écriture n&apos;est jamais supprimée.</translation>
    </message>
    <message>
        <source>Date of the reversal</source>
        <translation>Date de l&apos;annulation</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Cancel « {label} » of {day} ({amount}) from {reversal}?</source>
        <translation>Annuler « {label} » du {day} ({amount}) à la date du {reversal} ?</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Periodic review</source>
        <translation>Examen périodique</translation>
    </message>
    <message>
        <source>Household, landlord, key worker…</source>
        <translation>Ménage, bailleur, référent…</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Date de l&apos;examen</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Rent paid regularly</source>
        <translation>Loyer payé régulièrement</translation>
    </message>
    <message>
        <source>Peaceful occupation</source>
        <translation>Occupation paisible</translation>
    </message>
    <message>
        <source>Tenant obligations met</source>
        <translation>Obligations locatives respectées</translation>
    </message>
    <message>
        <source>Administrative autonomy</source>
        <translation>Autonomie administrative</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>ReviewSentDialog</name>
    <message>
        <source>Review sent</source>
        <translation>Bilan envoyé</translation>
    </message>
    <message>
        <source>{title} written on {day}.</source>
        <translation>{title} rédigé le {day}.</translation>
    </message>
    <message>
        <source>Sent to the funder on</source>
        <translation>Envoyé au financeur le</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Role of {partner}</source>
        <translation>Rôle de {partner}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Role for this household</source>
        <translation>Rôle auprès de ce ménage</translation>
    </message>
</context>
<context>
    <name>RunHouseholdsTableModel</name>
    <message>
        <source>(protected file)</source>
        <translation>(dossier protégé)</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Ménage</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Personne de référence</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
</context>
<context>
    <name>RunsTab</name>
    <message>
        <source>Runs of the returns</source>
        <translation>Éditions des bilans</translation>
    </message>
    <message>
        <source>Runs of which return</source>
        <translation>Bilan dont afficher les éditions</translation>
    </message>
    <message>
        <source>All returns</source>
        <translation>Tous les bilans</translation>
    </message>
    <message>
        <source>Re&amp;turn</source>
        <translation>&amp;Bilan</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the runs again</source>
        <translation>Relire les éditions</translation>
    </message>
    <message>
        <source>F&amp;reeze the run</source>
        <translation>&amp;Figer l&apos;édition</translation>
    </message>
    <message>
        <source>Freeze the selected run: it is kept as sent, never recomputed</source>
        <translation>Figer l&apos;édition sélectionnée : elle est conservée telle qu&apos;envoyée, jamais recalculée</translation>
    </message>
    <message>
        <source>C&amp;ompare with the frozen run</source>
        <translation>C&amp;omparer avec l&apos;édition figée</translation>
    </message>
    <message>
        <source>Compare the selected run with the frozen run of the same period</source>
        <translation>Comparer l&apos;édition sélectionnée avec l&apos;édition figée de la même période</translation>
    </message>
    <message>
        <source>&amp;Save the files…</source>
        <translation>&amp;Enregistrer les fichiers…</translation>
    </message>
    <message>
        <source>Save the files of the selected run</source>
        <translation>Enregistrer les fichiers de l&apos;édition sélectionnée</translation>
    </message>
    <message>
        <source>The selected run</source>
        <translation>L&apos;édition sélectionnée</translation>
    </message>
    <message>
        <source>Figures of the run</source>
        <translation>Chiffres de l&apos;édition</translation>
    </message>
    <message>
        <source>Enter or a double click on a figure lists the households behind it.</source>
        <translation>Entrée ou un double clic sur un chiffre affiche les ménages qu&apos;il compte.</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>« Compare with the frozen run » lists here the figures that changed.</source>
        <translation>« Comparer avec l&apos;édition figée » affiche ici les chiffres qui ont changé.</translation>
    </message>
    <message>
        <source>Figures changed since the frozen run</source>
        <translation>Chiffres modifiés depuis l&apos;édition figée</translation>
    </message>
    <message>
        <source>Comparison with the frozen run</source>
        <translation>Comparaison avec l&apos;édition figée</translation>
    </message>
    <message>
        <source>Reading the runs…</source>
        <translation>Lecture des éditions…</translation>
    </message>
    <message>
        <source>{count} run(s).</source>
        <translation>{count} édition(s).</translation>
    </message>
    <message>
        <source>Select a run.</source>
        <translation>Sélectionnez une édition.</translation>
    </message>
    <message>
        <source>frozen on {date} by {name}</source>
        <translation>figée le {date} par {name}</translation>
    </message>
    <message>
        <source>not frozen</source>
        <translation>non figée</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>aucun fichier</translation>
    </message>
    <message>
        <source>{title}, {period}, {programme}: made by {author}{forced}; {state}. Files: {files}.</source>
        <translation>{title}, {period}, {programme} : réalisée par {author}{forced} ; {state}. Fichiers : {files}.</translation>
    </message>
    <message>
        <source>all programmes</source>
        <translation>tous les dispositifs</translation>
    </message>
    <message>
        <source> despite blocking findings</source>
        <translation> malgré des constats bloquants</translation>
    </message>
    <message>
        <source>Freeze the run of {title}, {period}? It will be kept as sent, with its files, and never recomputed; later runs of the same period are compared with it.</source>
        <translation>Figer l&apos;édition de {title}, {period} ? Elle sera conservée telle qu&apos;envoyée, avec ses fichiers, et jamais recalculée ; les éditions ultérieures de la même période lui seront comparées.</translation>
    </message>
    <message>
        <source>No other run of this return, period and programme is frozen.</source>
        <translation>Aucune autre édition de ce bilan pour cette période et ce dispositif n&apos;est figée.</translation>
    </message>
    <message>
        <source>Compared with the run of {made} frozen on {frozen} by {name}: {count} figure(s) changed.</source>
        <translation>Par rapport à l&apos;édition du {made}, figée le {frozen} par {name} : {count} chiffre(s) modifié(s).</translation>
    </message>
    <message>
        <source>Folder of the run&apos;s files</source>
        <translation>Dossier des fichiers de l&apos;édition</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>On {date} by {name}</source>
        <translation>Le {date} par {name}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>Du {start} au {end}</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Tous les dispositifs</translation>
    </message>
    <message>
        <source>{blocking} blocking, {warnings} warning(s)</source>
        <translation>{blocking} bloquant(s), {warnings} avertissement(s)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Forced</source>
        <translation>Forcée</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Figée</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
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
    <name>SheetCountsTableModel</name>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créées</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Modifiées</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangées</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff (FTE)</source>
        <translation>Personnel (ETP)</translation>
    </message>
    <message>
        <source>Full-time equivalents working for each programme, by role: the pension de famille report averages them over its period.</source>
        <translation>Équivalents temps plein travaillant pour chaque dispositif, par rôle : le bilan de la pension de famille en fait la moyenne sur sa période.</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Staff assignments</source>
        <translation>Affectations du personnel</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>Mettre fin…</translation>
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
    <name>StatementDialog</name>
    <message>
        <source>Account statement</source>
        <translation>Relevé de compte</translation>
    </message>
    <message>
        <source>Dwelling {dwelling}.</source>
        <translation>Logement {dwelling}.</translation>
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
        <source>Keep a copy in the household&apos;s documents</source>
        <translation>Conserver une copie dans les documents du ménage</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Émettre</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Step of the candidature</source>
        <translation>Étape de la candidature</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SupportTab</name>
    <message>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Fin prévue</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Dispositif</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>New measure…</source>
        <translation>Nouvelle mesure…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>Renouveler…</translation>
    </message>
    <message>
        <source>Suspend… / Resume</source>
        <translation>Suspendre… / Reprendre</translation>
    </message>
    <message>
        <source>Change the phase…</source>
        <translation>Changer de phase…</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>Mettre fin…</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Points d&apos;appui</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation>Nouvel objectif…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Reviews due</source>
        <translation>Bilans à faire</translation>
    </message>
    <message>
        <source>Reviews (bilans) due or to send</source>
        <translation>Bilans à rédiger ou à envoyer</translation>
    </message>
    <message>
        <source>Write the review…</source>
        <translation>Rédiger le bilan…</translation>
    </message>
    <message>
        <source>Review sent</source>
        <translation>Bilan envoyé</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Log a contact…</source>
        <translation>Noter un contact…</translation>
    </message>
    <message>
        <source>Attestation de suivi…</source>
        <translation>Attestation de suivi…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C in the household file</source>
        <translation>Ctrl+Maj+C dans le dossier du ménage</translation>
    </message>
    <message>
        <source>Ended on {day}</source>
        <translation>Terminée le {day}</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendue</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>⚠ {day} (overdue)</source>
        <translation>⚠ {day} (en retard)</translation>
    </message>
    <message>
        <source>To write</source>
        <translation>À rédiger</translation>
    </message>
    <message>
        <source>To send to the funder</source>
        <translation>À envoyer au financeur</translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation>Reprendre…</translation>
    </message>
    <message>
        <source>Suspend…</source>
        <translation>Suspendre…</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Accompagnement</translation>
    </message>
</context>
<context>
    <name>SuspendMeasureDialog</name>
    <message>
        <source>Suspend the measure</source>
        <translation>Suspendre la mesure</translation>
    </message>
    <message>
        <source>First day suspended</source>
        <translation>Premier jour de suspension</translation>
    </message>
    <message>
        <source>Last day suspended</source>
        <translation>Dernier jour de suspension</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <source>Terminate the contract</source>
        <translation>Résilier le contrat</translation>
    </message>
    <message>
        <source>The contract stays open: an occupation indemnity is due until the departure, recorded with « End contract… ».</source>
        <translation>Le contrat reste ouvert : une indemnité d&apos;occupation est due jusqu&apos;au départ, enregistré avec « Mettre fin au contrat… ».</translation>
    </message>
    <message>
        <source>Termination date</source>
        <translation>Date de résiliation</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Terminate the contract of dwelling {dwelling} on {day}? The household becomes an occupant without title.</source>
        <translation>Résilier le contrat du logement {dwelling} au {day} ? Le ménage devient occupant sans titre.</translation>
    </message>
</context>
<context>
    <name>TodoDialog</name>
    <message>
        <source>New to-do</source>
        <translation>Nouvelle tâche</translation>
    </message>
    <message>
        <source>It stays in the agenda, even when late, until it is ticked as done.</source>
        <translation>Elle reste dans l&apos;agenda, même en retard, jusqu&apos;à ce qu&apos;elle soit cochée comme faite.</translation>
    </message>
    <message>
        <source>Call the CCAS about the moving-in grant…</source>
        <translation>Appeler le CCAS au sujet de l&apos;aide à l&apos;installation…</translation>
    </message>
    <message>
        <source>No household</source>
        <translation>Aucun ménage</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>Personne en particulier</translation>
    </message>
    <message>
        <source>To do by</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Household (reference)</source>
        <translation>Ménage (référence)</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Qui s&apos;en charge</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Internal transfer</source>
        <translation>Transfert interne</translation>
    </message>
    <message>
        <source>New dwelling</source>
        <translation>Nouveau logement</translation>
    </message>
    <message>
        <source>First day in the new dwelling</source>
        <translation>Premier jour dans le nouveau logement</translation>
    </message>
    <message>
        <source>Kind of the new contract</source>
        <translation>Type du nouveau contrat</translation>
    </message>
    <message>
        <source>No other dwelling of this programme is available.</source>
        <translation>Aucun autre logement de ce dispositif n&apos;est disponible.</translation>
    </message>
    <message>
        <source>The contract of dwelling {old} ends on {last}; a new contract starts on {start} in dwelling {new}, on the same stay. A running sliding plan fails (internal transfer).</source>
        <translation>Le contrat du logement {old} prend fin le {last} ; un nouveau contrat commence le {start} dans le logement {new}, au sein du même séjour. Une convention de glissement en cours passe en échec (transfert interne).</translation>
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
    <name>VacancyDialog</name>
    <message>
        <source>Vacancy of {reference}</source>
        <translation>Vacance de {reference}</translation>
    </message>
    <message>
        <source>dd/mm/yyyy (empty while it lasts)</source>
        <translation>jj/mm/aaaa (vide tant qu&apos;elle dure)</translation>
    </message>
    <message>
        <source>Not counted as available days</source>
        <translation>Non comptée dans les jours disponibles</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Neutralised</source>
        <translation>Neutralisée</translation>
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
    <name>WorkbookActions</name>
    <message>
        <source>&amp;Import a workbook…</source>
        <translation>&amp;Importer un classeur…</translation>
    </message>
    <message>
        <source>Workbook &amp;template…</source>
        <translation>&amp;Modèle de classeur…</translation>
    </message>
    <message>
        <source>&amp;Export the workbook…</source>
        <translation>E&amp;xporter le classeur…</translation>
    </message>
    <message>
        <source>Export the workbook</source>
        <translation>Exporter le classeur</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The whole database was written to {path}: {households} household(s), {rows} row(s). It can be corrected and imported again.</source>
        <translation>Toute la base a été écrite dans {path} : {households} ménage(s), {rows} ligne(s). Le classeur peut être corrigé puis importé de nouveau.</translation>
    </message>
    <message>
        <source>Open the file?</source>
        <translation>Ouvrir le fichier ?</translation>
    </message>
</context>
<context>
    <name>WorkbookTemplate</name>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>Le fichier n&apos;a pas pu être écrit : {error}</translation>
    </message>
    <message>
        <source>Workbook template</source>
        <translation>Modèle de classeur</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The template was saved in {path}. Its first sheet, « Notice », explains every column.</source>
        <translation>Le modèle a été enregistré dans {path}. Sa première feuille, « Notice », explique chaque colonne.</translation>
    </message>
</context>
<context>
    <name>WriteReviewDialog</name>
    <message>
        <source>Write the review</source>
        <translation>Rédiger le bilan</translation>
    </message>
    <message>
        <source>Write the PDF</source>
        <translation>Créer le PDF</translation>
    </message>
    <message>
        <source>{measure}. The PDF is kept in the household&apos;s documents.</source>
        <translation>{measure}. Le PDF est conservé dans les documents du ménage.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Période du</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Written on</source>
        <translation>Rédigé le</translation>
    </message>
    <message>
        <source>Shared with the household on</source>
        <translation>Partagé avec le ménage le</translation>
    </message>
    <message>
        <source>The household&apos;s words</source>
        <translation>Les mots du ménage</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Prochaines étapes</translation>
    </message>
</context>
<context>
    <name>_InstalmentRow</name>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Instalment {n}: due date</source>
        <translation>Échéance {n} : date</translation>
    </message>
    <message>
        <source>Instalment {n}: amount</source>
        <translation>Échéance {n} : montant</translation>
    </message>
    <message>
        <source>Remove instalment {n}</source>
        <translation>Retirer l&apos;échéance {n}</translation>
    </message>
</context>
<context>
    <name>_MeasureDialog</name>
    <message>
        <source>{measure}, planned until {end}</source>
        <translation>{measure}, prévue jusqu&apos;au {end}</translation>
    </message>
</context>
</TS>
