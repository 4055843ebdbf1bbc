"""Parameters: every value DOMAIN.md marks *(param)* or *(dated)*, never a constant in code.

`CATALOGUE` lists each key with its default, its unit and whether it is dated (stored with
``valid_from`` because a law or a convention changes it on a date). A service builds an
immutable `Parameters` from the database rows; rules ask ``params.get(key, on, scope=None)``.
A scope narrows a value to a funder kind (``"fnavdl"``), a region (``"idf"``)…; without a value
for the scope, the association-wide value applies.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

PLAIN_SETTING_DATE: Final = date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class ParameterSpec:
    """One parameter of the catalogue.

    ``unit`` tells how the value is typed and shown: ``days``, ``months``, ``years``,
    ``cents``, ``percent``, ``day_of_month``, ``bool``, ``date``, ``month_day`` (``"11-01"``),
    ``choice`` (one of ``choices``), ``codes`` (a list of codes).
    """

    key: str
    label: str
    unit: str
    default: object
    dated: bool = False
    choices: tuple[str, ...] = ()
    # Dated defaults that start later than the first one: (valid_from, value).
    later: tuple[tuple[date, object], ...] = ()
    scoped_defaults: tuple[tuple[str, object], ...] = ()


CATALOGUE: Final[tuple[ParameterSpec, ...]] = (
    # Arrears ladder (DOMAIN §4)
    ParameterSpec("arrears.grace_days", "Délai de grâce après l'échéance", "days", 10),
    ParameterSpec("arrears.alert_floor", "Seuil d'alerte minimal", "cents", 5_000),
    ParameterSpec(
        "arrears.ccapex_floor", "Part logement minimale pour le seuil CCAPEX", "cents", 10_000
    ),
    ParameterSpec(
        "arrears.caf_fixed_threshold",
        "Impayé constitué CAF : montant fixe (à partir du)",
        "cents",
        None,
        dated=True,
        later=((date(2027, 1, 1), 45_000),),
    ),
    ParameterSpec(
        "winter_truce.start", "Début de la trêve hivernale", "month_day", "11-01", dated=True
    ),
    ParameterSpec(
        "winter_truce.end", "Fin de la trêve hivernale", "month_day", "03-31", dated=True
    ),
    ParameterSpec(
        "residence.arrears_rule",
        "Règle d'impayé en contrat de résidence",
        "choice",
        "net",
        choices=("net", "gross"),
    ),
    ParameterSpec(
        "host.sees_arrears_amounts", "Les hôtes voient les montants d'impayés", "bool", False
    ),
    # Ledger (DOMAIN §3)
    ParameterSpec(
        "benefit.expected_payment_day", "Jour de versement attendu de l'APL", "day_of_month", 10
    ),
    ParameterSpec(
        "boarding_house.daily_rate",
        "Forfait journalier par place (pension de famille)",
        "cents",
        None,
        dated=True,
    ),
    # Accompaniment and reminders (DOMAIN §5, §7)
    ParameterSpec("measure.planned_months", "Durée prévue d'une mesure", "months", 6, dated=True),
    ParameterSpec(
        "measure.max_months",
        "Durée maximale d'une mesure avec renouvellements",
        "months",
        12,
        dated=True,
    ),
    ParameterSpec(
        "measure.month_method",
        "Méthode de calcul des mois-mesures",
        "choice",
        "prorata_days",
        dated=True,
        choices=("prorata_days", "started_month", "present_on_15th"),
    ),
    ParameterSpec(
        "permanent_housing.destinations",
        "Destinations comptées comme logement pérenne",
        "codes",
        ["social_housing", "private_housing", "slid"],
        dated=True,
    ),
    ParameterSpec("review.period_months", "Périodicité des bilans", "months", 3),
    ParameterSpec("sliding.review_months", "Périodicité des examens de glissement", "months", 6),
    ParameterSpec("sliding.max_months", "Durée maximale avant glissement", "months", 24),
    ParameterSpec(
        "sliding.landlord_bilan_months_before", "Bilan au bailleur avant l'échéance", "months", 3
    ),
    ParameterSpec("siao.answer_days", "Délai de réponse au SIAO", "days", 15),
    ParameterSpec(
        "dalo.time_limit_months",
        "Délai du préfet après décision DALO",
        "months",
        3,
        scoped_defaults=(("idf", 6),),
    ),
    ParameterSpec("go_live_date", "Date de mise en service (aucun rappel avant)", "date", None),
    # Pension de famille (DOMAIN §2 ResidentEvents)
    ParameterSpec(
        "residence.guest_max_months", "Durée maximale d'hébergement d'un invité", "months", 3
    ),
    # Data protection (DOMAIN §8)
    ParameterSpec(
        "retention.archive_months", "Proposition d'archivage après inactivité", "months", 24
    ),
    ParameterSpec(
        "retention.delete_years", "Suppression des données personnelles après", "years", 5
    ),
    ParameterSpec("audit.keep_months", "Conservation de la traçabilité", "months", 12),
    ParameterSpec("liaison.keep_months", "Conservation du cahier de liaison", "months", 12),
    ParameterSpec(
        "publication.small_cell", "Masquage des petits effectifs (publication)", "count", 3
    ),
    ParameterSpec("security.idle_lock_minutes", "Verrouillage après inactivité", "minutes", 15),
    # This database
    ParameterSpec("database.demo", "Base de démonstration (données fictives)", "bool", False),
    # Import (DOMAIN §10)
    ParameterSpec("import.confirmation_percent", "Confirmation d'import au-delà de", "percent", 20),
    # Contacts (DOMAIN §2 Contact: themes are a configurable list, stored as their labels)
    ParameterSpec(
        "contact.themes",
        "Thèmes des entretiens",
        "labels",
        [
            "Accès au logement",
            "Maintien dans le logement",
            "Budget / dettes",
            "Accès aux droits",
            "Santé",
            "Emploi / formation",
            "Famille / parentalité",
            "Vie quotidienne",
            "Démarches administratives",
            "Mobilité",
            "Lien social",
            "Justice",
        ],
    ),
)

SPECS: Final[Mapping[str, ParameterSpec]] = {spec.key: spec for spec in CATALOGUE}


@dataclass(frozen=True, slots=True)
class ParameterValue:
    """A stored value: ``key`` for ``scope`` ("" = the whole association) from ``valid_from``."""

    key: str
    scope: str
    valid_from: date
    value: object


def default_values() -> list[ParameterValue]:
    """The rows a new database is seeded with (DOMAIN §9)."""
    rows: list[ParameterValue] = []
    for spec in CATALOGUE:
        rows.append(ParameterValue(spec.key, "", PLAIN_SETTING_DATE, spec.default))
        rows.extend(ParameterValue(spec.key, "", start, value) for start, value in spec.later)
        rows.extend(
            ParameterValue(spec.key, scope, PLAIN_SETTING_DATE, value)
            for scope, value in spec.scoped_defaults
        )
    return rows


class UnknownParameterError(KeyError):
    """A rule asked for a key that is not in the catalogue (a programming error)."""


class Parameters:
    """Immutable lookup of parameter values by key, date and scope."""

    def __init__(self, values: Iterable[ParameterValue]) -> None:
        series: dict[tuple[str, str], list[tuple[date, object]]] = defaultdict(list)
        for item in values:
            if item.key not in SPECS:
                raise UnknownParameterError(item.key)
            series[(item.key, item.scope)].append((item.valid_from, item.value))
        self._series = {key: sorted(points, key=lambda p: p[0]) for key, points in series.items()}
        self._starts = {key: [p[0] for p in points] for key, points in self._series.items()}

    @classmethod
    def defaults(cls) -> Parameters:
        """The catalogue's defaults (for tests and for a database not seeded yet)."""
        return cls(default_values())

    def get(self, key: str, on: date, scope: str | None = None) -> object:
        """The value of ``key`` in force on ``on``, for ``scope`` if it has one."""
        if key not in SPECS:
            raise UnknownParameterError(key)
        for candidate in ((key, scope), (key, "")) if scope else ((key, ""),):
            points = self._series.get(candidate)
            if not points:
                continue
            index = bisect_right(self._starts[candidate], on) - 1
            if index >= 0:
                return points[index][1]
        return SPECS[key].default

    def changes(self, key: str, scope: str | None = None) -> tuple[date, ...]:
        """The days from which ``key`` takes a new value (for rules judged day by day)."""
        if key not in SPECS:
            raise UnknownParameterError(key)
        days = set(self._starts.get((key, ""), ()))
        if scope:
            days.update(self._starts.get((key, scope), ()))
        return tuple(sorted(days))

    def int(self, key: str, on: date, scope: str | None = None) -> int:
        """``get`` for integer values (days, months, cents…)."""
        value = self.get(key, on, scope)
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"parameter {key} is not an integer: {value!r}")
        return value
