"""The figures about people, stays, measures and admissions (DOMAIN §5.2), from plain rows.

Pure: a service loads the rows of a scope (`services.report_people`) and this module counts them
with the rules of `domain.counting`. Each function returns ``{code: Figure}`` with the value
and the households behind it; every code of its groups is present, zeros included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final

from desktop_app.domain import counting as c
from desktop_app.domain import vocabulary as v
from desktop_app.domain.figures import (
    AGE_BAND_LABELS,
    DECIMALS,
    ESDS_AGE_BAND_LABELS,
    Figure,
    Number,
)
from desktop_app.domain.periods import Period

UNKNOWN: Final = "unknown"
REFUSALS: Final = frozenset({"refused_structure", "refused_household"})
# Contact kinds that are not a contact with the household (DOMAIN §2 Contact).
NOT_WITH_HOUSEHOLD: Final = frozenset({"no_show", "indirect", "partner_contact"})


def exact(value: Fraction | int | None, unit: str) -> Number | None:
    """A value as a return writes it (DOMAIN §0, §5.2).

    Counts stay ``int``; the rest is a ``Decimal`` rounded half-up to the unit's decimals;
    None stays None.
    """
    if value is None:
        return None
    digits = DECIMALS[unit]
    if digits == 0 and isinstance(value, int):
        return value
    fraction = Fraction(value)
    number = Decimal(fraction.numerator) / Decimal(fraction.denominator)
    return number.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def households_of(items: Iterable[object], key: Callable[[object], int | None]) -> tuple[int, ...]:
    """The sorted distinct household ids of ``items``."""
    return tuple(sorted({h for item in items if (h := key(item)) is not None}))


@dataclass(frozen=True, slots=True)
class StayRow:
    """A stay as the returns see it."""

    stay_id: int
    household_id: int
    programme_id: int
    start: date
    end: date | None
    entry_situation: str = UNKNOWN
    referrer: str | None = None
    destination: str | None = None
    exit_reason: str | None = None


@dataclass(frozen=True, slots=True)
class MeasureRow:
    """A support measure as the returns see it: its span plus what the FNAVDL bilan splits."""

    span: c.MeasureSpan
    dalo_status: str = "non_dalo"
    target_public: str | None = None
    outcome: str | None = None
    destination: str | None = None
    prescribed_on: date | None = None

    @property
    def household_id(self) -> int:
        """The measure's household."""
        assert self.span.household_id is not None
        return self.span.household_id


@dataclass(frozen=True, slots=True)
class ResourceRow:
    """A resource of a person, valid from … until (inclusive; None: open)."""

    person_id: int
    kind: str
    valid_from: date | None
    valid_until: date | None

    def valid_on(self, day: date) -> bool:
        """Whether the resource is received on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


def _figure(code: str, items: Sequence[object], key: Callable[[object], int | None]) -> Figure:
    return Figure(code, len(items), households_of(items, key))


def _by_household(item: object) -> int | None:
    household = getattr(item, "household_id", None)
    return household if isinstance(household, int) else None


def _split(
    base: str,
    codes: Iterable[str],
    items: Sequence[object],
    value_of: Callable[[object], str],
) -> dict[str, Figure]:
    buckets: dict[str, list[object]] = {code: [] for code in codes}
    for item in items:
        buckets[value_of(item)].append(item)
    return {
        f"{base}.{code}": _figure(f"{base}.{code}", found, _by_household)
        for code, found in buckets.items()
    }


def _attribute_or_unknown(attribute: str) -> Callable[[object], str]:
    def read(item: object) -> str:
        value = getattr(item, attribute, None)
        return value if isinstance(value, str) else UNKNOWN

    return read


def _mean_figure(code: str, values: Sequence[tuple[int, int]], *, median: bool = False) -> Figure:
    """Mean (or median) of ``(household_id, days)`` pairs, in days with one decimal."""
    days = [d for _h, d in values]
    value = c.median(days) if median else c.mean(days)
    return Figure(code, exact(value, "days"), tuple(sorted({h for h, _d in values})))


# ---------------------------------------------------------------- public (§5.3)


def public_figures(
    stays: Sequence[StayRow],
    measures: Sequence[MeasureRow],
    members: Mapping[int, Sequence[c.Member]],
    period: Period,
    resources: Sequence[ResourceRow] | None = None,
) -> dict[str, Figure]:
    """The public: ``households``, ``persons``…, ``composition.*``, ``head.*``, ``resources.*``.

    ``resources.*`` only when ``resources`` is given (the FNAVDL bilan).
    The households are those with a stay or a measure (diagnostics apart) active in P; each is
    counted on its reference date: P.end when one of its spans goes on past P, else the last
    day of its last span (DOMAIN §5.3).
    """
    last: dict[int, date] = {}
    spans: list[tuple[int, date | None]] = [
        (s.household_id, s.end) for s in stays if c.is_active(s, period)
    ]
    spans += [
        (m.household_id, m.span.end)
        for m in measures
        if not m.span.is_diagnostic and c.is_active(m.span, period)
    ]
    for household, end in spans:
        day = c.reference_date(end, period)
        previous = last.get(household)
        last[household] = day if previous is None else max(previous, day)
    households = sorted(last)
    profiles = {h: (last[h], c.household_profile(members.get(h, ()), last[h])) for h in households}
    result: dict[str, Figure] = {
        "households": Figure("households", len(households), tuple(households))
    }

    def total(code: str, attribute: str) -> None:
        behind = tuple(h for h in households if getattr(profiles[h][1], attribute) > 0)
        value = sum(getattr(profiles[h][1], attribute) for h in households)
        result[code] = Figure(code, value, behind)

    total("persons", "persons")
    total("adults", "adults")
    total("children", "children")
    total("persons.age_unknown", "age_unknown")

    def split(base: str, codes: Iterable[str], attribute: str) -> None:
        buckets: dict[str, list[int]] = {code: [] for code in codes}
        for h in households:
            buckets[getattr(profiles[h][1], attribute)].append(h)
        for code, found in buckets.items():
            result[f"{base}.{code}"] = Figure(f"{base}.{code}", len(found), tuple(found))

    split("composition", c.COMPOSITIONS, "composition")
    split("head.sex", v.SEX.codes, "head_sex")
    split("head.age", (band for band, _label in AGE_BAND_LABELS), "head_age_band")
    if resources is not None:
        by_person: dict[int, list[ResourceRow]] = defaultdict(list)
        for row in resources:
            by_person[row.person_id].append(row)
        receiving: dict[str, list[int]] = {kind: [] for kind in v.RESOURCE_KIND.codes}
        for h in households:
            day = profiles[h][0]
            kinds = {
                row.kind
                for member in c.members_on(members.get(h, ()), day)
                if member.person_id is not None
                for row in by_person.get(member.person_id, ())
                if row.valid_on(day)
            }
            for kind in kinds:
                receiving[kind].append(h)
        for kind, found in receiving.items():
            result[f"resources.{kind}"] = Figure(f"resources.{kind}", len(found), tuple(found))
    return result


# ---------------------------------------------------------------- stays (§5.2)


def stay_figures(
    stays: Sequence[StayRow], period: Period, permanent: frozenset[str]
) -> dict[str, Figure]:
    """The stays: entries, exits, stocks and what splits them.

    ``households.{stock_start,entries,exits,stock_end}`` count stays; ``entry_situation.*`` and
    ``referrer.*`` split the entries, ``exits.destination.*`` and ``exits.reason.*`` the exits
    (an exit without one is ``unknown``); then ``exits.to_permanent_housing``,
    ``stay.{mean,median}_days``, ``access.mean_days`` and ``glissements``.
    """
    entries = c.opened(stays, period)
    exits = c.closed(stays, period)
    result = {
        "households.stock_start": _figure(
            "households.stock_start", c.stock_start(stays, period), _by_household
        ),
        "households.entries": _figure("households.entries", entries, _by_household),
        "households.exits": _figure("households.exits", exits, _by_household),
        "households.stock_end": _figure(
            "households.stock_end", c.stock_end(stays, period), _by_household
        ),
    }
    result |= _split(
        "entry_situation",
        v.ENTRY_SITUATION.codes,
        entries,
        _attribute_or_unknown("entry_situation"),
    )
    result |= _split(
        "referrer",
        (*v.REFERRER.codes, UNKNOWN),
        entries,
        _attribute_or_unknown("referrer"),
    )
    result |= _split(
        "exits.destination",
        v.DESTINATION.codes,
        exits,
        _attribute_or_unknown("destination"),
    )
    result |= _split(
        "exits.reason",
        v.EXIT_REASON.codes,
        exits,
        _attribute_or_unknown("exit_reason"),
    )
    to_permanent = [s for s in exits if s.destination in permanent]
    result["exits.to_permanent_housing"] = _figure(
        "exits.to_permanent_housing", to_permanent, _by_household
    )
    result["glissements"] = _figure(
        "glissements", [s for s in exits if s.destination == "slid"], _by_household
    )
    lengths = [(s.household_id, c.duration_days(s)) for s in exits]
    result["stay.mean_days"] = _mean_figure("stay.mean_days", lengths)
    result["stay.median_days"] = _mean_figure("stay.median_days", lengths, median=True)
    access = [(s.household_id, c.duration_days(s)) for s in to_permanent]
    result["access.mean_days"] = _mean_figure("access.mean_days", access)
    return result


# ---------------------------------------------------------------- measures (§5.2, §5.4, §5.5)


def measure_figures(
    measures: Sequence[MeasureRow],
    period: Period,
    method: str,
    first_contacts: Mapping[int, date] | None = None,
) -> dict[str, Figure]:
    """The measure figures: ``diagnostics.*``, ``measures.*``, ``measure_months``, delays.

    ``first_contacts`` maps a measure id to the day of the first contact with its household on
    or after the prescription (kinds that are a contact with the household).
    """
    spans = [m.span for m in measures]
    row_of = {id(m.span): m for m in measures}

    def rows(selected: Iterable[c.MeasureSpan]) -> list[MeasureRow]:
        return [row_of[id(span)] for span in selected]

    done = rows(c.diagnostics_done(spans, period))
    result = {"diagnostics.done": _figure("diagnostics.done", done, _by_household)}
    result |= _split(
        "diagnostics.conclusion",
        (*v.DIAGNOSTIC_CONCLUSION.codes, UNKNOWN),
        done,
        lambda m: (m.span.conclusion if isinstance(m, MeasureRow) else None) or UNKNOWN,
    )
    active = rows(c.active(spans, period))
    closed = rows(c.closed(spans, period))
    result["measures.opened"] = _figure(
        "measures.opened", rows(c.opened(spans, period)), _by_household
    )
    result["measures.active"] = _figure("measures.active", active, _by_household)
    result["measures.closed"] = _figure("measures.closed", closed, _by_household)
    result["measures.stock_end"] = _figure(
        "measures.stock_end", rows(c.stock_end(spans, period)), _by_household
    )
    renewed = [row_of[id(span)] for span, _day in c.renewals(spans, period)]
    result["measures.renewals"] = _figure("measures.renewals", renewed, _by_household)
    kinds = [k for k in v.MEASURE_KIND.codes if k != c.DIAGNOSTIC]
    result |= _split(
        "measures.active",
        (f"{kind}.{dalo}" for kind in kinds for dalo in v.DALO_STATUS.codes),
        active,
        lambda m: f"{m.span.kind}.{m.dalo_status}" if isinstance(m, MeasureRow) else "",
    )
    result |= _split(
        "measures.public",
        (*v.TARGET_PUBLIC.codes, UNKNOWN),
        active,
        _attribute_or_unknown("target_public"),
    )
    months = c.measure_months(spans, period, method)
    result["measure_months"] = Figure(
        "measure_months",
        exact(months, "months"),
        households_of((m for m in active if c.active_days(m.span, period) > 0), _by_household),
    )
    result |= _split(
        "measures.outcome",
        (*v.MEASURE_OUTCOME.codes, UNKNOWN),
        closed,
        _attribute_or_unknown("outcome"),
    )
    result |= _split(
        "measures.destination",
        v.DESTINATION.codes,
        closed,
        _attribute_or_unknown("destination"),
    )
    lengths = [(m.household_id, c.duration_days(m.span)) for m in closed]
    result["measures.mean_days"] = _mean_figure("measures.mean_days", lengths)
    result["measures.median_days"] = _mean_figure("measures.median_days", lengths, median=True)
    delays: list[tuple[int, int]] = []
    for m in rows(c.opened(spans, period)):
        first = (first_contacts or {}).get(m.span.measure_id or -1)
        if m.prescribed_on is not None and first is not None:
            delays.append((m.household_id, (first - m.prescribed_on).days))
    result["delay_first_contact.mean_days"] = _mean_figure("delay_first_contact.mean_days", delays)
    return result


# ---------------------------------------------------------------- admissions (§5.2)


@dataclass(frozen=True, slots=True)
class CandidatureRow:
    """A candidature: its orientation, decision and the stay it opened."""

    household_id: int
    oriented_on: date
    decision: str | None
    decided_on: date | None
    refusal_reason: str | None
    stay_id: int | None


@dataclass(frozen=True, slots=True)
class RehousingRow:
    """A rehousing: signature day and sector."""

    household_id: int
    signed_on: date
    sector: str | None


def admission_figures(
    candidatures: Sequence[CandidatureRow],
    entries: Sequence[StayRow],
    rehousings: Sequence[RehousingRow],
    period: Period,
) -> dict[str, Figure]:
    """Candidatures received, admitted, refused (by reason), delays and rehousings.

    ``entries`` are the stays of the scope that entered in P: the delay runs from the
    orientation of the admitted candidature that opened the stay to the entry.
    """
    received = [x for x in candidatures if x.oriented_on in period]
    decided = [x for x in candidatures if x.decided_on is not None and x.decided_on in period]
    admitted = [x for x in decided if x.decision == "admitted"]
    refused = [x for x in decided if x.decision in REFUSALS]
    result = {
        "candidatures.received": _figure("candidatures.received", received, _by_household),
        "candidatures.admitted": _figure("candidatures.admitted", admitted, _by_household),
        "candidatures.refused": _figure("candidatures.refused", refused, _by_household),
    }
    result |= _split(
        "candidatures.refused",
        v.REFUSAL_REASON.codes,
        refused,
        lambda x: (x.refusal_reason if isinstance(x, CandidatureRow) else None) or "other",
    )
    oriented = {x.stay_id: x.oriented_on for x in candidatures if x.stay_id is not None}
    delays = [
        (s.household_id, (s.start - oriented[s.stay_id]).days)
        for s in entries
        if s.start in period and s.stay_id in oriented
    ]
    result["delay_orientation_entry.mean_days"] = _mean_figure(
        "delay_orientation_entry.mean_days", delays
    )
    signed = [r for r in rehousings if r.signed_on in period]
    result["rehousings"] = _figure("rehousings", signed, _by_household)
    result |= _split(
        "rehousings",
        (*v.SECTOR.codes, UNKNOWN),
        signed,
        _attribute_or_unknown("sector"),
    )
    return result


# ---------------------------------------------------------------- ES-DS snapshot (§5.2)


_ESDS_FLOORS: Final = (
    (75, "75p"),
    (65, "65_74"),
    (55, "55_64"),
    (45, "45_54"),
    (35, "35_44"),
    (25, "25_34"),
    (18, "18_24"),
)


def esds_age_band(birth_date: date | None, day: date) -> str:
    """The ES-DS age band of a person on ``day`` (``esds.present.age.<band>``)."""
    if birth_date is None:
        return UNKNOWN
    age = c.age_on(birth_date, day)
    return next((band for floor, band in _ESDS_FLOORS if age >= floor), "lt18")


def esds_figures(
    stays: Sequence[StayRow],
    members: Mapping[int, Sequence[c.Member]],
    on: date,
    period: Period,
) -> dict[str, Figure]:
    """The ES-DS snapshot: persons present on ``on``, exits of P by destination and reason.

    ``esds.present.*`` counts the members of the households with a stay going on on ``on``.
    """
    present = sorted(
        {s.household_id for s in stays if s.start <= on and (s.end is None or s.end >= on)}
    )
    persons = [(h, m) for h in present for m in c.members_on(members.get(h, ()), on)]
    result = {
        "esds.present.persons": Figure(
            "esds.present.persons", len(persons), tuple(sorted({h for h, _m in persons}))
        )
    }
    for sex in v.SEX.codes:
        found = [h for h, m in persons if m.sex == sex]
        result[f"esds.present.{sex}"] = Figure(
            f"esds.present.{sex}", len(found), tuple(sorted(set(found)))
        )
    bands: dict[str, list[int]] = {band: [] for band, _label in ESDS_AGE_BAND_LABELS}
    for h, m in persons:
        bands[esds_age_band(m.birth_date, on)].append(h)
    for band, found in bands.items():
        result[f"esds.present.age.{band}"] = Figure(
            f"esds.present.age.{band}", len(found), tuple(sorted(set(found)))
        )
    exits = c.closed(stays, period)
    for base, values, attribute in (
        ("esds.exits.destination", v.DESTINATION.codes, "destination"),
        ("esds.exits.reason", v.EXIT_REASON.codes, "exit_reason"),
    ):
        result |= _split(base, values, exits, _attribute_or_unknown(attribute))
    return result
