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
    <name>ErrorReporter</name>
    <message>
        <source>Action not possible</source>
        <translation>Action impossible</translation>
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
</TS>
