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
    "db.sqlite_summary": "SQLite {version}, {size}",
    "db.postgres_summary": "PostgreSQL {version}",
    # GUI start
    "gui.no_display": (
        "Aucun écran n'est disponible pour ouvrir Seuil (ni DISPLAY ni WAYLAND_DISPLAY) ; "
        "lancez-le depuis une session graphique, ou avec QT_QPA_PLATFORM=offscreen."
    ),
    # Generic
    "task.cancelled": "Opération annulée.",
}


def message(code: str, **params: object) -> str:
    """Return the French text for ``code`` with ``params`` substituted.

    Raises:
        KeyError: for an unknown code, or a placeholder without its parameter; both are
            programming errors caught by the catalogue test.
    """
    return MESSAGES[code].format(**params)


def placeholders(code: str) -> set[str]:
    """Names of the ``{placeholders}`` a message expects (used by tests and linters)."""
    return {name for _, name, _, _ in Formatter().parse(MESSAGES[code]) if name}
