"""The French texts every rendering of a return shares: its Définitions and Contrôles.

The Excel sheets, the PDF annex and `python -m desktop_app codes` say the same thing: the
scope of each return (DOMAIN §5.1), the measure-month methods, the counting conventions
(§0) and the words of a control's result.
"""

from __future__ import annotations

from typing import Final

from desktop_app.domain import vocabulary as v
from desktop_app.domain.counting import PRESENT_ON_15TH, PRORATA_DAYS, STARTED_MONTH
from desktop_app.domain.figures import BLOCKING, FNAVDL, IML, PENSION, WARNING

METHOD_LABELS: Final = {
    PRORATA_DAYS: "Prorata des jours",
    STARTED_MONTH: "Mois commencé",
    PRESENT_ON_15TH: "Présent le 15",
}
METHOD_RULES: Final = {
    PRORATA_DAYS: "jours actifs de chaque mesure dans la période, moins ses jours de "
    "suspension, divisés par 30,4375",
    STARTED_MONTH: "1 par mois civil de la période où la mesure a au moins un jour actif "
    "et non suspendu",
    PRESENT_ON_15TH: "1 par 15 du mois de la période où la mesure est active et non suspendue",
}
RESULT_LABELS: Final = {True: "Conforme", False: "Écart", None: "Non évalué"}
LEVEL_LABELS: Final = {BLOCKING: "Bloquant", WARNING: "Avertissement"}

_KINDS: Final = v.PROGRAMME_KIND.label
SCOPES: Final = {
    FNAVDL: "Séjours des dispositifs de type AVDL ou financés par le FNAVDL, et mesures "
    "d'accompagnement financées par le FNAVDL ou rattachées à ces dispositifs.",
    IML: "Séjours et logements des dispositifs de type "
    f"« {_KINDS('iml_sublease')} », « {_KINDS('iml_mandate')} » et "
    f"« {_KINDS('sliding_lease')} ».",
    PENSION: f"Dispositifs de type « {_KINDS('boarding_house')} » et "
    f"« {_KINDS('reception_residence')} ».",
}
"""The scope sentence of DOMAIN §5.1 for each return."""
ALL_SCOPE: Final = "Tous les dispositifs de l'association."

CONVENTIONS: Final = (
    (
        "Intervalles",
        "Les intervalles sont inclusifs : la date de fin est le dernier jour compté. Une durée "
        "en jours vaut fin − début (un séjour du 01/01 au 31/01 dure 30 jours) ; tout autre "
        "nombre de jours dans la période compte les deux bornes (fin − début + 1).",
    ),
    (
        "Actif, entrée, sortie",
        "Un séjour ou une mesure est actif dans la période s'il commence au plus tard le "
        "dernier jour et ne finit pas avant le premier ; une entrée commence dans la période, "
        "une sortie y finit. Présents au début + entrées − sorties = présents à la fin.",
    ),
    (
        "Arrondis",
        "Taux, moyennes et durées sont arrondis au plus proche (la moitié vers le haut) à la "
        "fin du calcul seulement : une décimale pour les taux (0 à 100), les jours et les "
        "mois-mesures, deux pour les euros et les ETP ; la médiane est la médiane statistique "
        "(moyenne des deux valeurs centrales).",
    ),
    (
        "Dénominateur vide",
        "Un taux, une moyenne ou une médiane sans rien à compter (aucune sortie, aucune "
        "place…) est laissé vide, jamais 0 % ni une erreur. Les effectifs sont toujours écrits, "
        "zéros compris.",
    ),
    (
        "Données agrégées",
        "Ce fichier ne contient que des chiffres agrégés : les ménages derrière chaque chiffre "
        "restent dans Seuil (édition du rapport).",
    ),
)
