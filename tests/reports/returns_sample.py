"""A hand-built `Report` for the return renderers (xlsx and PDF): no database, no service.

`sample_report(kind)` gives every code of ``codes_of(kind)`` a plausible value that passes the
consistency rules (present at start + entries − exits = present at end, destinations = exits,
adults + children + age unknown = persons…), some empty values (an empty denominator), findings
of both levels that name households, and the three series the charts draw. The household
references, names and ids below must never appear in a file that leaves the association:
`HOUSEHOLD_REFERENCES`, `HOUSEHOLD_NAMES` and `HOUSEHOLD_IDS` let a test look for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final

from desktop_app.domain import vocabulary as v
from desktop_app.domain.counting import PRORATA_DAYS
from desktop_app.domain.figures import (
    BLOCKING,
    CATALOGUE,
    FNAVDL,
    GROUPS,
    IML,
    PENSION,
    WARNING,
    Figure,
    Finding,
    Group,
    Number,
    Report,
    Series,
    codes_of,
)
from desktop_app.domain.periods import Period

PERIOD: Final = Period(date(2025, 1, 1), date(2025, 12, 31))
MADE_ON: Final = date(2026, 1, 15)
ORGANISATION: Final = "Association Le Seuil d'Or"
SIRET: Final = "12345678900011"
PROGRAMMES: Final = {
    FNAVDL: ("AVDL Métropole", "AVDL Sud"),
    IML: ("IML Mandat Nord", "IML Sous-location Centre"),
    PENSION: ("Pension Les Tilleuls",),
}
FUNDER: Final = "DDETS du Rhône"

HOUSEHOLD_IDS: Final = (90417, 90533, 90871, 91022)
"""Household ids behind the figures and findings: none of them is a figure's value."""
HOUSEHOLD_REFERENCES: Final = ("MEN-2024-0417", "MEN-2024-0533", "MEN-2025-0871", "MEN-2025-1022")
HOUSEHOLD_NAMES: Final = ("Durandeau", "Benyoussef", "Kowalczyk", "Lefebvre-Ngomo")

PERMANENT: Final = ("social_housing", "private_housing", "slid", "supported_housing")
"""The destinations the sample's funder counts as access to permanent housing."""

# Totals the split groups add up to (the consistency rules of `figures.CONSISTENCY`).
HOUSEHOLDS: Final = 27
STOCK_START: Final = 18
ENTRIES: Final = 9
EXITS: Final = 6
STOCK_END: Final = STOCK_START + ENTRIES - EXITS
ADULTS, CHILDREN, AGE_UNKNOWN = 33, 23, 2
DIAGNOSTICS: Final = 5
MEASURES_ACTIVE: Final = 20
MEASURES_CLOSED: Final = 6
DWELLINGS_START, CAPTURED, RETURNED = 12, 3, 1
DWELLINGS_END: Final = DWELLINGS_START + CAPTURED - RETURNED
VACANCY_DAYS: Final = 45
REFUSED: Final = 3
REHOUSINGS: Final = 4
ACTIVITIES: Final = 18
COUNCILS: Final = 2

# The exits by destination: 3 of the 6 reach permanent housing, one is a glissement.
DESTINATIONS: Final = {"social_housing": 1, "slid": 1, "supported_housing": 1, "shelter": 2}
DESTINATIONS_UNKNOWN: Final = 1

SCALARS: Final[Mapping[str, Number | None]] = {
    "households": HOUSEHOLDS,
    "persons": ADULTS + CHILDREN + AGE_UNKNOWN,
    "adults": ADULTS,
    "children": CHILDREN,
    "persons.age_unknown": AGE_UNKNOWN,
    "households.stock_start": STOCK_START,
    "households.entries": ENTRIES,
    "households.exits": EXITS,
    "households.stock_end": STOCK_END,
    "exits.to_permanent_housing": 3,
    "stay.mean_days": Decimal("412.5"),
    "stay.median_days": Decimal("398.0"),
    "access.mean_days": Decimal("455.3"),
    "glissements": 1,
    "diagnostics.done": DIAGNOSTICS,
    "measures.opened": 7,
    "measures.active": MEASURES_ACTIVE,
    "measures.closed": MEASURES_CLOSED,
    "measures.stock_end": 14,
    "measures.renewals": 3,
    "measure_months": Decimal("151.3"),
    "measures.mean_days": Decimal("287.2"),
    "measures.median_days": Decimal("301.5"),
    "delay_first_contact.mean_days": None,  # no measure with a prescription and a contact
    "dwellings.start": DWELLINGS_START,
    "dwellings.captured": CAPTURED,
    "dwellings.returned": RETURNED,
    "dwellings.end": DWELLINGS_END,
    "places.start": 30,
    "places.end": 35,
    "places": 25,
    "occupancy_rate": Decimal("87.4"),
    "occupancy_rate.dwellings": Decimal("92.1"),
    "vacancy_days": VACANCY_DAYS,
    "candidatures.received": 11,
    "candidatures.admitted": 6,
    "candidatures.refused": REFUSED,
    "delay_orientation_entry.mean_days": None,  # no entry came from an admitted candidature
    "rehousings": REHOUSINGS,
    "arrears.households": 3,
    "arrears.total_eur": Decimal("2345.67"),
    "arrears.at_entry": 1,
    "arrears.at_exit": 0,
    "activities.count": ACTIVITIES,
    "activities.attendance": 142,
    "councils": COUNCILS,
    "contacts.count": 236,
    "staff.fte": Decimal("2.35"),
}
"""Values of the codes that are not a share of a split group's total."""

TOTALS: Final[Mapping[str, int]] = {
    "composition": HOUSEHOLDS,
    "head.sex": HOUSEHOLDS,
    "head.age": HOUSEHOLDS,
    "entry_situation": ENTRIES,
    "referrer": ENTRIES,
    "exits.reason": EXITS,
    "diagnostics.conclusion": DIAGNOSTICS,
    "measures.active": MEASURES_ACTIVE,
    "measures.public": MEASURES_ACTIVE,
    "measures.outcome": MEASURES_CLOSED,
    "measures.destination": MEASURES_CLOSED,
    "dwellings.end": DWELLINGS_END,
    "dwellings.end.typology": DWELLINGS_END,
    "vacancy_days": VACANCY_DAYS,
    "candidatures.refused": REFUSED,
    "rehousings": REHOUSINGS,
    "esds.present.age": 58,
    "esds.exits.destination": EXITS,
    "esds.exits.reason": EXITS,
}
"""What each split group with a total adds up to."""


def spread(total: int, size: int) -> list[int]:
    """``total`` shared over ``size`` lines: the first two thirds get shares, the rest zero."""
    filled = max(1, (2 * size + 2) // 3)
    shares = [0] * size
    for index in range(total):
        shares[index % filled] += 1
    return shares


def _group_values(group: Group) -> dict[str, Number | None]:
    codes = [code.code for code in group.codes]
    if not group.total:
        return {code: SCALARS.get(code, 4 + index) for index, code in enumerate(codes)}
    if group.base == "exits.destination":
        keys = {f"{group.base}.{key}": count for key, count in DESTINATIONS.items()}
        keys[f"{group.base}.unknown"] = DESTINATIONS_UNKNOWN
        return {code: keys.get(code, 0) for code in codes}
    if group.base == "activities":
        shares = spread(ACTIVITIES - COUNCILS, len(codes) - 1)
        council = f"{group.base}.concertation_council"
        others = iter(shares)
        return {code: COUNCILS if code == council else next(others) for code in codes}
    return dict(zip(codes, spread(TOTALS[group.base], len(codes)), strict=True))


def sample_values() -> dict[str, Number | None]:
    """A value for every code of the catalogue, consistent across groups."""
    values: dict[str, Number | None] = {}
    for group in GROUPS:
        values |= _group_values(group)
    values["esds.present.persons"] = TOTALS["esds.present.age"]
    values["esds.present.f"] = 30
    values["esds.present.h"] = 27
    values["esds.present.unknown"] = 1
    assert set(values) == set(CATALOGUE)
    return values


def _households(code: str, value: Number | None) -> tuple[int, ...]:
    if not isinstance(value, int) or value == 0 or code.startswith(("places", "dwellings")):
        return ()
    return HOUSEHOLD_IDS[: min(value, len(HOUSEHOLD_IDS))]


FINDINGS: Final = (
    Finding(
        "stay_without_exit_reason",
        BLOCKING,
        HOUSEHOLD_IDS[0],
        HOUSEHOLD_REFERENCES[0],
        "stay",
        70001,
        f"Le séjour du ménage {HOUSEHOLD_NAMES[0]} est terminé sans motif de sortie.",
    ),
    Finding(
        "stay_without_exit_reason",
        BLOCKING,
        HOUSEHOLD_IDS[1],
        HOUSEHOLD_REFERENCES[1],
        "stay",
        70002,
        f"Le séjour du ménage {HOUSEHOLD_NAMES[1]} est terminé sans motif de sortie.",
    ),
    Finding(
        "person_without_birth_date",
        WARNING,
        HOUSEHOLD_IDS[2],
        HOUSEHOLD_REFERENCES[2],
        "person",
        70003,
        f"{HOUSEHOLD_NAMES[2]} Anna n'a pas de date de naissance.",
    ),
    Finding(
        "review_overdue",
        WARNING,
        HOUSEHOLD_IDS[3],
        HOUSEHOLD_REFERENCES[3],
        "measure",
        70004,
        f"La mesure du ménage {HOUSEHOLD_NAMES[3]} n'a pas été revue depuis plus de 6 mois.",
    ),
    Finding(
        "person_without_birth_date",
        WARNING,
        HOUSEHOLD_IDS[3],
        HOUSEHOLD_REFERENCES[3],
        "person",
        70005,
        f"{HOUSEHOLD_NAMES[3]} Samuel n'a pas de date de naissance.",
    ),
)
CHECK_LABELS: Final = {
    "stay_without_exit_reason": "Séjour terminé sans motif de sortie",
    "person_without_birth_date": "Personne sans date de naissance",
    "review_overdue": "Mesure sans revue depuis plus de 6 mois",
}
"""French labels of the sample's data-quality checks (what the lead passes the renderers)."""


def _months() -> tuple[str, ...]:
    return tuple(part.start.strftime("%m/%Y") for part in PERIOD.months())


ENTRIES_BY_MONTH: Final = (1, 0, 2, 1, 0, 0, 1, 0, 2, 1, 0, 1)
EXITS_BY_MONTH: Final = (0, 1, 0, 0, 1, 2, 0, 0, 1, 0, 0, 1)


def sample_series() -> tuple[Series, ...]:
    """Occupancy, movements (entries and exits per month) and arrears over the period."""
    labels = _months()
    occupancy: tuple[Number | None, ...] = (
        Decimal("84.2"),
        Decimal("85.0"),
        Decimal("86.7"),
        Decimal("88.1"),
        Decimal("90.3"),
        Decimal("89.5"),
        Decimal("87.0"),
        None,  # no place available that month
        Decimal("86.2"),
        Decimal("87.9"),
        Decimal("88.4"),
        Decimal("89.0"),
    )
    debts = tuple(Decimal(cents) / 100 for cents in range(98000, 98000 + 12 * 12345, 12345))
    return (
        Series("occupancy", "Taux d'occupation par mois", "rate", labels, (("Taux", occupancy),)),
        Series(
            "movements",
            "Entrées et sorties par mois",
            "count",
            labels,
            (("Entrées", ENTRIES_BY_MONTH), ("Sorties", EXITS_BY_MONTH)),
        ),
        Series(
            "arrears",
            "Impayés à la fin du mois",
            "eur",
            labels,
            (("Montant des impayés", debts), ("Ménages en impayé", (2, 2, 3, 3, 3, 4) * 2)),
        ),
    )


def sample_report(kind: str) -> Report:
    """A `Report` of ``kind`` (``fnavdl``, ``iml``, ``pension`` or ``esds``) for 2025."""
    values = sample_values()
    figures = tuple(
        Figure(code, values[code], _households(code, values[code])) for code in codes_of(kind)
    )
    return Report(
        kind=kind,
        period=PERIOD,
        made_on=MADE_ON,
        organisation=ORGANISATION,
        siret=SIRET,
        programme=None,
        programmes=PROGRAMMES.get(kind, ()),
        funder=FUNDER,
        method=PRORATA_DAYS,
        permanent=tuple(code for code in v.DESTINATION.codes if code in PERMANENT),
        figures=figures,
        findings=FINDINGS,
        series=sample_series(),
    )
