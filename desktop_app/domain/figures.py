"""The catalogue of reported figures (DOMAIN §5.2) and the report object every return is.

A figure has a stable **code** (`exits.destination.social_housing`): a base, then dimensions in
a fixed order. The catalogue says, for each code, its French label, its unit, the definition
quoted in the Définitions sheet and by `python -m desktop_app codes`, the returns that write it
and the block (sheet) it belongs to. Codes come in **groups** (a base and its dimensions), which
is also how a block sheet shows them: one small table per group, with a total when the group
splits a count.

`Report` is the plain object a service builds for a period and the renderers write: the value
of every code of the return, the households behind each figure (kept inside Seuil, never
written in a file that leaves the association), the data-quality findings and the series the
charts draw. `CONSISTENCY` lists the rules between figures (DOMAIN §5, QUALITY.md), kept as data:
the tests run them, and so does every return (its Contrôles sheet).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Final

from desktop_app.domain import vocabulary as v
from desktop_app.domain.periods import Period

FNAVDL: Final = "fnavdl"
IML: Final = "iml"
PENSION: Final = "pension"
RETURNS: Final = (FNAVDL, IML, PENSION)
"""The built-in returns, in the order menus list them."""
ESDS: Final = "esds"
"""The ES-DS snapshot codes: in no built-in return, usable in any funder's grid."""

RETURN_TITLES: Final = {
    FNAVDL: "Bilan FNAVDL (AVDL)",
    IML: "Bilan de l'intermédiation locative",
    PENSION: "Rapport d'activité de pension de famille",
}

COUNT: Final = "count"
RATE: Final = "rate"
EUR: Final = "eur"
DAYS: Final = "days"
MONTHS: Final = "months"
FTE: Final = "fte"
UNIT_LABELS: Final = {
    COUNT: "nombre",
    RATE: "%",
    EUR: "€",
    DAYS: "jours",
    MONTHS: "mois-mesure",
    FTE: "ETP",
}
"""The French name of each unit (column « unité » of the Données sheet)."""
DECIMALS: Final = {COUNT: 0, RATE: 1, EUR: 2, DAYS: 1, MONTHS: 1, FTE: 2}
"""Decimals a value of each unit is rounded to (half-up, DOMAIN §0) and shown with."""

UNKNOWN_LABEL: Final = "Non renseigné"

ALL: Final = frozenset(RETURNS)
_F: Final = frozenset({FNAVDL})
_I: Final = frozenset({IML})
_P: Final = frozenset({PENSION})
_IP: Final = frozenset({IML, PENSION})
_E: Final = frozenset({ESDS})


@dataclass(frozen=True, slots=True)
class Block:
    """A sheet of the Excel return and a chapter of its PDF."""

    key: str
    title: str


BLOCKS: Final = (
    Block("public", "Public accompagné"),
    Block("stays", "Entrées et sorties"),
    Block("measures", "Mesures d'accompagnement"),
    Block("housing", "Logements et places"),
    Block("admissions", "Admissions et relogement"),
    Block("arrears", "Impayés"),
    Block("life", "Vie de la pension"),
    Block("esds", "Enquête ES-DS"),
)
_BLOCK_KEYS: Final = frozenset(block.key for block in BLOCKS)


@dataclass(frozen=True, slots=True)
class Code:
    """One figure of the catalogue."""

    code: str
    label: str
    unit: str
    group: str
    """The base of the code (its group), e.g. ``exits.destination``."""


@dataclass(frozen=True, slots=True)
class Group:
    """A base and its dimensions: one definition, one small table in its block."""

    base: str
    title: str
    unit: str
    definition: str
    returns: frozenset[str]
    block: str
    codes: tuple[Code, ...]
    total: bool
    """Whether the group splits a count, so its table ends with a total row."""


def _scalar(  # noqa: PLR0917 - a catalogue row reads best positionally
    base: str, title: str, unit: str, definition: str, returns: frozenset[str], block: str
) -> Group:
    return Group(
        base, title, unit, definition, returns, block, (Code(base, title, unit, base),), False
    )


def _split(  # noqa: PLR0917 - a catalogue row reads best positionally
    base: str,
    title: str,
    dimensions: Iterable[tuple[str, str]],
    definition: str,
    returns: frozenset[str],
    block: str,
    *,
    unit: str = COUNT,
    total: bool = True,
) -> Group:
    codes = tuple(
        Code(f"{base}.{key}", f"{title} – {label}", unit, base) for key, label in dimensions
    )
    return Group(base, title, unit, definition, returns, block, codes, total)


def _labels(vocabulary: v.Vocabulary, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(code, vocabulary.label(code)) for code in vocabulary.codes] + list(extra)


_UNKNOWN: Final = ("unknown", UNKNOWN_LABEL)
_MEASURE_KINDS: Final = [(c, v.MEASURE_KIND.label(c)) for c in v.MEASURE_KIND if c != "diagnostic"]
_IML_KINDS: Final = [
    (c, v.PROGRAMME_KIND.label(c)) for c in ("iml_sublease", "iml_mandate", "sliding_lease")
]
_SECTORS: Final = _labels(v.SECTOR, _UNKNOWN)
AGE_BAND_LABELS: Final = (
    ("lt25", "moins de 25 ans"),
    ("25_34", "25 à 34 ans"),
    ("35_44", "35 à 44 ans"),
    ("45_54", "45 à 54 ans"),
    ("55_64", "55 à 64 ans"),
    ("65p", "65 ans et plus"),
    _UNKNOWN,
)
ESDS_AGE_BAND_LABELS: Final = (
    ("lt18", "moins de 18 ans"),
    ("18_24", "18 à 24 ans"),
    ("25_34", "25 à 34 ans"),
    ("35_44", "35 à 44 ans"),
    ("45_54", "45 à 54 ans"),
    ("55_64", "55 à 64 ans"),
    ("65_74", "65 à 74 ans"),
    ("75p", "75 ans et plus"),
    _UNKNOWN,
)

_STAYS: Final = (
    "Séjours des dispositifs du périmètre (une entrée = une date d'entrée dans la période, "
    "une sortie = un dernier jour dans la période)"
)
_REFERENCE: Final = (
    "comptés à leur date de référence : la fin de la période pour un ménage encore présent, "
    "sa date de sortie pour un ménage sorti pendant la période ; les enfants en droit de "
    "visite ne sont pas comptés"
)
_HOUSEHOLDS_IN: Final = (
    "ménages ayant un séjour ou une mesure actif pendant la période (début ≤ fin de la "
    "période et fin vide ou ≥ début de la période)"
)

GROUPS: Final[tuple[Group, ...]] = (
    # ------------------------------------------------------------------ public
    _scalar("households", "Ménages", COUNT, f"Nombre de {_HOUSEHOLDS_IN}.", ALL, "public"),
    _scalar("persons", "Personnes", COUNT, f"Membres de ces ménages, {_REFERENCE}.", ALL, "public"),
    _scalar(
        "adults",
        "Adultes",
        COUNT,
        "Personnes de 18 ans ou plus à la date de référence (un enfant qui a 18 ans ce "
        "jour-là est un adulte).",
        ALL,
        "public",
    ),
    _scalar(
        "children",
        "Enfants",
        COUNT,
        "Personnes de moins de 18 ans à la date de référence.",
        ALL,
        "public",
    ),
    _scalar(
        "persons.age_unknown",
        "Personnes sans date de naissance",
        COUNT,
        "Personnes dont la date de naissance n'est pas connue : adultes + enfants + âge "
        "inconnu = personnes.",
        ALL,
        "public",
    ),
    _split(
        "composition",
        "Composition des ménages",
        [
            ("single", "Personne seule"),
            ("couple", "Couple sans enfant"),
            ("single_parent", "Famille monoparentale"),
            ("couple_children", "Couple avec enfant(s)"),
            ("other", "Autre composition"),
        ],
        "Ménages selon le nombre d'adultes et d'enfants à la date de référence : personne "
        "seule (1 adulte), couple (2 adultes), famille monoparentale (1 adulte et au moins "
        "un enfant), couple avec enfant(s) (2 adultes et au moins un enfant), autre (tout le "
        "reste, dont un ménage comptant une personne d'âge inconnu).",
        ALL,
        "public",
    ),
    _split(
        "head.sex",
        "Sexe de la personne de référence",
        _labels(v.SEX),
        "Ménages selon le sexe de leur personne de référence à la date de référence.",
        ALL,
        "public",
    ),
    _split(
        "head.age",
        "Âge de la personne de référence",
        AGE_BAND_LABELS,
        "Ménages selon l'âge en années révolues de leur personne de référence à la date de "
        "référence.",
        ALL,
        "public",
    ),
    _split(
        "resources",
        "Ressources",
        _labels(v.RESOURCE_KIND),
        "Ménages dont au moins un membre perçoit cette ressource à la date de référence ; "
        "un ménage peut compter dans plusieurs lignes.",
        _F,
        "public",
        total=False,
    ),
    # ------------------------------------------------------------------ stays
    _split(
        "households",
        "Séjours",
        [
            ("stock_start", "Présents au début de la période"),
            ("entries", "Entrées"),
            ("exits", "Sorties"),
            ("stock_end", "Présents à la fin de la période"),
        ],
        f"{_STAYS}. Présents au début : entrés avant le premier jour et pas sortis avant ; "
        "présents à la fin : entrés au plus tard le dernier jour et sortis après. Présents "
        "au début + entrées − sorties = présents à la fin.",
        ALL,
        "stays",
        total=False,
    ),
    _split(
        "entry_situation",
        "Situation avant l'entrée",
        _labels(v.ENTRY_SITUATION),
        "Entrées de la période selon la situation de logement du ménage avant l'entrée.",
        ALL,
        "stays",
    ),
    _split(
        "referrer",
        "Prescripteur",
        _labels(v.REFERRER, _UNKNOWN),
        "Entrées de la période selon le prescripteur (orienteur) ; « Non renseigné » quand "
        "le séjour n'en indique pas.",
        ALL,
        "stays",
    ),
    _split(
        "exits.destination",
        "Sorties par destination",
        _labels(v.DESTINATION),
        "Sorties de la période selon la situation de logement à la sortie ; une sortie "
        "sans destination compte en « Inconnue ».",
        ALL,
        "stays",
    ),
    _split(
        "exits.reason",
        "Sorties par motif",
        _labels(v.EXIT_REASON),
        "Sorties de la période selon leur motif ; une sortie sans motif compte en « Non "
        "renseigné ».",
        ALL,
        "stays",
    ),
    _scalar(
        "exits.to_permanent_housing",
        "Sorties vers un logement pérenne",
        COUNT,
        "Sorties de la période dont la destination compte comme un accès au logement (voir "
        "« Logement pérenne » ci-dessus).",
        ALL,
        "stays",
    ),
    _scalar(
        "stay.mean_days",
        "Durée moyenne des séjours",
        DAYS,
        "Moyenne, sur les sorties de la période, de la durée du séjour en jours (dernier "
        "jour − date d'entrée).",
        ALL,
        "stays",
    ),
    _scalar(
        "stay.median_days",
        "Durée médiane des séjours",
        DAYS,
        "Médiane statistique des mêmes durées (moyenne des deux valeurs centrales).",
        ALL,
        "stays",
    ),
    _scalar(
        "access.mean_days",
        "Délai moyen d'accès au logement",
        DAYS,
        "Moyenne, sur les sorties de la période vers un logement pérenne, des jours entre "
        "l'entrée et la sortie.",
        ALL,
        "stays",
    ),
    _scalar(
        "glissements",
        "Glissements de bail",
        COUNT,
        "Séjours sortis pendant la période avec la destination « Bail glissé ».",
        _I,
        "stays",
    ),
    # ------------------------------------------------------------------ measures
    _scalar(
        "diagnostics.done",
        "Diagnostics réalisés",
        COUNT,
        "Diagnostics sociaux logement terminés pendant la période (ils ne comptent jamais "
        "dans les mesures).",
        _F,
        "measures",
    ),
    _split(
        "diagnostics.conclusion",
        "Conclusion des diagnostics",
        _labels(v.DIAGNOSTIC_CONCLUSION, _UNKNOWN),
        "Diagnostics terminés pendant la période selon leur conclusion.",
        _F,
        "measures",
    ),
    _split(
        "measures",
        "Mesures",
        [
            ("opened", "Ouvertes"),
            ("active", "Actives"),
            ("closed", "Terminées"),
            ("stock_end", "En cours à la fin de la période"),
            ("renewals", "Renouvellements accordés"),
        ],
        "Mesures d'accompagnement du périmètre, diagnostics exclus : ouvertes (début dans "
        "la période), actives (au moins un jour dans la période), terminées (fin dans la "
        "période), en cours à la fin, renouvellements accordés dans la période.",
        _F,
        "measures",
        total=False,
    ),
    _split(
        "measures.active",
        "Mesures actives par type et statut DALO",
        [
            (f"{kind}.{dalo}", f"{kind_label} – {v.DALO_STATUS.label(dalo)}")
            for kind, kind_label in _MEASURE_KINDS
            for dalo in v.DALO_STATUS.codes
        ],
        "Mesures actives pendant la période selon leur type et le statut DALO du ménage à "
        "la prescription.",
        _F,
        "measures",
    ),
    _split(
        "measures.public",
        "Mesures actives par public",
        _labels(v.TARGET_PUBLIC, _UNKNOWN),
        "Mesures actives pendant la période selon le public visé.",
        _F,
        "measures",
    ),
    _scalar(
        "measure_months",
        "Mois-mesures",
        MONTHS,
        "Somme, sur les mesures (diagnostics exclus), des jours actifs dans la période moins "
        "les jours de suspension, divisée par 30,4375 ; la méthode du financeur est indiquée "
        "ci-dessus.",
        _F,
        "measures",
    ),
    _split(
        "measures.outcome",
        "Mesures terminées par résultat",
        _labels(v.MEASURE_OUTCOME, _UNKNOWN),
        "Mesures terminées pendant la période selon leur résultat.",
        _F,
        "measures",
    ),
    _split(
        "measures.destination",
        "Situation de logement à la fin de la mesure",
        _labels(v.DESTINATION),
        "Mesures terminées pendant la période selon la situation de logement du ménage à la "
        "fin ; sans indication : « Inconnue ».",
        _F,
        "measures",
    ),
    _scalar(
        "measures.mean_days",
        "Durée moyenne des mesures",
        DAYS,
        "Moyenne, sur les mesures terminées pendant la période, de leur durée en jours moins "
        "les jours de suspension.",
        _F,
        "measures",
    ),
    _scalar(
        "measures.median_days",
        "Durée médiane des mesures",
        DAYS,
        "Médiane des mêmes durées.",
        _F,
        "measures",
    ),
    _scalar(
        "delay_first_contact.mean_days",
        "Délai moyen entre prescription et premier contact",
        DAYS,
        "Moyenne, sur les mesures ouvertes pendant la période qui ont une date de "
        "prescription et au moins un contact, des jours entre la prescription et le premier "
        "contact avec le ménage.",
        _F,
        "measures",
    ),
    # ------------------------------------------------------------------ housing
    _split(
        "dwellings",
        "Logements",
        [
            ("start", "Au début de la période"),
            ("captured", "Captés"),
            ("returned", "Restitués"),
            ("end", "À la fin de la période"),
        ],
        "Logements des dispositifs du périmètre : au début (captés avant le premier jour, "
        "pas restitués avant), captés et restitués pendant la période, à la fin (captés au "
        "plus tard le dernier jour et pas restitués à cette date). Début + captés − "
        "restitués = fin.",
        _I,
        "housing",
        total=False,
    ),
    _split(
        "places",
        "Places",
        [("start", "Au début de la période"), ("end", "À la fin de la période")],
        "Places (personnes prévues par la convention) des logements comptés au début et à "
        "la fin de la période.",
        _I,
        "housing",
        total=False,
    ),
    _split(
        "dwellings.end",
        "Logements à la fin par dispositif et secteur",
        [
            (f"{kind}.{sector}", f"{kind_label} – {sector_label}")
            for kind, kind_label in _IML_KINDS
            for sector, sector_label in _SECTORS
        ],
        "Logements comptés à la fin de la période selon le type de dispositif et le secteur "
        "du bailleur.",
        _I,
        "housing",
    ),
    _split(
        "dwellings.end.typology",
        "Logements à la fin par typologie",
        _labels(v.TYPOLOGY, _UNKNOWN),
        "Logements comptés à la fin de la période selon leur typologie.",
        _I,
        "housing",
    ),
    _scalar(
        "places",
        "Places",
        COUNT,
        "Places des pensions du périmètre à la fin de la période (nombre daté de chaque pension).",
        _P,
        "housing",
    ),
    _scalar(
        "occupancy_rate",
        "Taux d'occupation (places)",
        RATE,
        "Somme, jour par jour, du plus petit entre les personnes présentes et les places, "
        "divisée par les journées-places disponibles ; les jours de vacance neutralisée et "
        "ceux après la restitution d'un logement ne sont pas disponibles.",
        _IP,
        "housing",
    ),
    _scalar(
        "occupancy_rate.dwellings",
        "Taux d'occupation (logements)",
        RATE,
        "Journées-lots occupées (un contrat en cours) divisées par les journées-lots "
        "disponibles, hors vacance neutralisée et jours après restitution.",
        _I,
        "housing",
    ),
    _scalar(
        "vacancy_days",
        "Jours de vacance",
        COUNT,
        "Jours de vacance déclarés dans la période, toutes raisons (neutralisés compris), "
        "les deux bornes comptées.",
        _I,
        "housing",
    ),
    _split(
        "vacancy_days",
        "Jours de vacance par raison",
        _labels(v.VACANCY_REASON),
        "Les mêmes jours selon la raison de la vacance.",
        _I,
        "housing",
    ),
    # ------------------------------------------------------------------ admissions
    _split(
        "candidatures",
        "Candidatures",
        [("received", "Reçues"), ("admitted", "Admissions"), ("refused", "Refus")],
        "Candidatures (orientations SIAO ou demandes) reçues pendant la période (date "
        "d'orientation), et décidées pendant la période : admissions, refus de la "
        "structure ou du ménage.",
        _P,
        "admissions",
        total=False,
    ),
    _split(
        "candidatures.refused",
        "Refus par motif",
        _labels(v.REFUSAL_REASON),
        "Candidatures refusées (par la structure ou par le ménage) dont la décision date de "
        "la période, selon le motif.",
        ALL,
        "admissions",
    ),
    _scalar(
        "delay_orientation_entry.mean_days",
        "Délai moyen entre orientation et entrée",
        DAYS,
        "Moyenne, sur les entrées de la période issues d'une candidature admise, des jours "
        "entre l'orientation et l'entrée.",
        ALL,
        "admissions",
    ),
    _scalar(
        "rehousings",
        "Relogements",
        COUNT,
        "Relogements (signature d'un bail) pendant la période.",
        _F,
        "admissions",
    ),
    _split(
        "rehousings",
        "Relogements par secteur",
        _labels(v.SECTOR, _UNKNOWN),
        "Relogements (signature d'un bail) pendant la période selon le secteur du logement.",
        ALL,
        "admissions",
    ),
    # ------------------------------------------------------------------ arrears
    _scalar(
        "arrears.households",
        "Ménages en impayé",
        COUNT,
        "Ménages dont la dette locative (part à leur charge) est positive au dernier jour "
        "de la période, sur les contrats du périmètre.",
        ALL,
        "arrears",
    ),
    _scalar(
        "arrears.total_eur",
        "Montant total des impayés",
        EUR,
        "Somme de ces dettes au dernier jour de la période.",
        ALL,
        "arrears",
    ),
    _scalar(
        "arrears.at_entry",
        "Ménages avec une dette à l'entrée",
        COUNT,
        "Ménages entrés pendant la période qui avaient une dette locative le jour de leur entrée.",
        _F,
        "arrears",
    ),
    _scalar(
        "arrears.at_exit",
        "Ménages avec une dette à la sortie",
        COUNT,
        "Ménages sortis pendant la période qui avaient une dette locative le jour de leur sortie.",
        _F,
        "arrears",
    ),
    # ------------------------------------------------------------------ life of a pension
    _scalar(
        "activities.count",
        "Activités collectives",
        COUNT,
        "Activités collectives tenues pendant la période.",
        _P,
        "life",
    ),
    _split(
        "activities",
        "Activités collectives par type",
        _labels(v.ACTIVITY_KIND),
        "Les mêmes activités selon leur type.",
        _P,
        "life",
    ),
    _scalar(
        "activities.attendance",
        "Participations aux activités",
        COUNT,
        "Participations nominatives plus effectifs comptés des activités tenues pendant la "
        "période.",
        _P,
        "life",
    ),
    _scalar(
        "councils",
        "Conseils de concertation",
        COUNT,
        "Activités de type « Conseil de concertation » tenues pendant la période.",
        _P,
        "life",
    ),
    _scalar(
        "contacts.count",
        "Entretiens et contacts",
        COUNT,
        "Contacts notés avec les ménages du périmètre pendant la période, rendez-vous non "
        "honorés exclus.",
        _P,
        "life",
    ),
    _scalar(
        "staff.fte",
        "Personnel (ETP)",
        FTE,
        "Équivalents temps plein affectés aux dispositifs du périmètre, moyenne sur les "
        "jours de la période.",
        _P,
        "life",
    ),
    # ------------------------------------------------------------------ ES-DS snapshot
    _split(
        "esds.present",
        "Personnes présentes à la date de l'enquête",
        [("persons", "Toutes"), ("f", "Femmes"), ("h", "Hommes"), _UNKNOWN],
        "Personnes présentes (membres des ménages ayant un séjour en cours) à la date "
        "d'observation, selon leur sexe.",
        _E,
        "esds",
        total=False,
    ),
    _split(
        "esds.present.age",
        "Personnes présentes par âge",
        ESDS_AGE_BAND_LABELS,
        "Les mêmes personnes selon leur âge en années révolues à la date d'observation.",
        _E,
        "esds",
    ),
    _split(
        "esds.exits.destination",
        "Sorties par destination (ES-DS)",
        _labels(v.DESTINATION),
        "Sorties de la période selon leur destination, tous dispositifs du périmètre.",
        _E,
        "esds",
    ),
    _split(
        "esds.exits.reason",
        "Sorties par motif (ES-DS)",
        _labels(v.EXIT_REASON),
        "Sorties de la période selon leur motif, tous dispositifs du périmètre.",
        _E,
        "esds",
    ),
)

CATALOGUE: Final[Mapping[str, Code]] = {code.code: code for g in GROUPS for code in g.codes}
"""Every code, in the order the Données sheet lists them."""
GROUP_OF: Final[Mapping[str, Group]] = {
    code.code: group for group in GROUPS for code in group.codes
}


def groups_of(kind: str) -> tuple[Group, ...]:
    """The groups a return writes (``fnavdl``, ``iml``, ``pension`` or ``esds``)."""
    return tuple(group for group in GROUPS if kind in group.returns)


def codes_of(kind: str) -> tuple[str, ...]:
    """Every code a return writes, in catalogue order."""
    return tuple(code.code for group in groups_of(kind) for code in group.codes)


def blocks_of(kind: str) -> tuple[Block, ...]:
    """The blocks (sheets) of a return that hold at least one of its groups."""
    used = {group.block for group in groups_of(kind)}
    return tuple(block for block in BLOCKS if block.key in used)


# ---------------------------------------------------------------- the report object

Number = int | Decimal
"""A figure's value: counts are ``int``, rates, money, days and FTE exact ``Decimal``s."""


@dataclass(frozen=True, slots=True)
class Figure:
    """The value of one code and the households behind it (ids, sorted)."""

    code: str
    value: Number | None
    households: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One data-quality finding (DOMAIN §5.3) on one record of one household.

    ``level`` is ``B`` (blocks the return unless overridden) or ``W`` (warns); ``check`` the
    stable code of the check; ``record`` and ``record_id`` name what to open (``stay``,
    ``support_measure``, ``occupancy_contract``, ``person``, ``document``…); ``detail`` is the
    French sentence.
    """

    check: str
    level: str
    household_id: int | None
    household_reference: str
    record: str
    record_id: int | None
    detail: str


BLOCKING: Final = "B"
WARNING: Final = "W"


@dataclass(frozen=True, slots=True)
class Series:
    """A chart's data: one or more named lines of values over the same labels."""

    key: str
    title: str
    unit: str
    labels: tuple[str, ...]
    lines: tuple[tuple[str, tuple[Number | None, ...]], ...]


@dataclass(frozen=True, slots=True)
class Report:
    """One return for one period, ready to render (DOMAIN §5.1)."""

    kind: str
    period: Period
    made_on: date
    organisation: str
    siret: str | None
    programme: str | None
    """The programme the return was narrowed to (``--programme``), None for all."""
    programmes: tuple[str, ...]
    """The programmes inside the scope, by name."""
    funder: str
    """Whose parameters were used (the measure-month method, permanent housing)."""
    method: str
    permanent: tuple[str, ...]
    figures: tuple[Figure, ...]
    findings: tuple[Finding, ...] = ()
    series: tuple[Series, ...] = ()
    _index: dict[str, Figure] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Built here, never passed in: `dataclasses.replace` then gets its own index.
        object.__setattr__(self, "_index", {figure.code: figure for figure in self.figures})

    @property
    def title(self) -> str:
        """The French title of the return."""
        return RETURN_TITLES.get(self.kind, "Indicateurs")

    def figure(self, code: str) -> Figure:
        """The figure of ``code`` (KeyError when the return does not write it)."""
        return self._index[code]

    def value(self, code: str) -> Number | None:
        """The value of ``code``."""
        return self._index[code].value

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """The findings that block the export unless overridden."""
        return tuple(f for f in self.findings if f.level == BLOCKING)

    @property
    def checks(self) -> tuple[CheckResult, ...]:
        """The consistency rules that apply to this return, with their result."""
        return consistency(self._index)


# ---------------------------------------------------------------- consistency (data)


@dataclass(frozen=True, slots=True)
class Rule:
    """A relation between figures: Σ sign × left ``relation`` Σ sign × right, or a range.

    ``relation`` is ``=`` or ``<=``; a rule without a right side checks that its left side
    lies within ``low``…``high`` (rates).
    """

    key: str
    label: str
    left: tuple[tuple[int, str], ...]
    right: tuple[tuple[int, str], ...] = ()
    relation: str = "="
    low: int | None = None
    high: int | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code the rule reads."""
        return tuple(code for _sign, code in (*self.left, *self.right))


@dataclass(frozen=True, slots=True)
class CheckResult:
    """A rule and what it found: ``passed`` is None when a value it needs is empty."""

    rule: Rule
    left: Number | None
    right: Number | None
    passed: bool | None


def _plus(*codes: str) -> tuple[tuple[int, str], ...]:
    return tuple((1, code) for code in codes)


def _sum_of(base: str) -> tuple[tuple[int, str], ...]:
    group = next(g for g in GROUPS if g.base == base and g.total)
    return _plus(*(code.code for code in group.codes))


CONSISTENCY: Final[tuple[Rule, ...]] = (
    Rule(
        "stock",
        "Présents au début + entrées − sorties = présents à la fin",
        ((1, "households.stock_start"), (1, "households.entries"), (-1, "households.exits")),
        _plus("households.stock_end"),
    ),
    Rule(
        "persons",
        "Adultes + enfants + âge inconnu = personnes",
        _plus("adults", "children", "persons.age_unknown"),
        _plus("persons"),
    ),
    Rule("composition", "Compositions = ménages", _sum_of("composition"), _plus("households")),
    Rule(
        "head_sex",
        "Sexe de la personne de référence = ménages",
        _sum_of("head.sex"),
        _plus("households"),
    ),
    Rule(
        "head_age",
        "Âge de la personne de référence = ménages",
        _sum_of("head.age"),
        _plus("households"),
    ),
    Rule(
        "entry_situation",
        "Situations avant l'entrée = entrées",
        _sum_of("entry_situation"),
        _plus("households.entries"),
    ),
    Rule("referrer", "Prescripteurs = entrées", _sum_of("referrer"), _plus("households.entries")),
    Rule(
        "destinations",
        "Destinations = sorties",
        _sum_of("exits.destination"),
        _plus("households.exits"),
    ),
    Rule("reasons", "Motifs = sorties", _sum_of("exits.reason"), _plus("households.exits")),
    Rule(
        "permanent",
        "Sorties vers un logement pérenne ≤ sorties",
        _plus("exits.to_permanent_housing"),
        _plus("households.exits"),
        relation="<=",
    ),
    Rule(
        "diagnostics",
        "Conclusions des diagnostics = diagnostics réalisés",
        _sum_of("diagnostics.conclusion"),
        _plus("diagnostics.done"),
    ),
    Rule(
        "measures_active",
        "Mesures actives par type et statut DALO = mesures actives",
        _sum_of("measures.active"),
        _plus("measures.active"),
    ),
    Rule(
        "measures_public",
        "Mesures actives par public = mesures actives",
        _sum_of("measures.public"),
        _plus("measures.active"),
    ),
    Rule(
        "measures_outcome",
        "Résultats des mesures = mesures terminées",
        _sum_of("measures.outcome"),
        _plus("measures.closed"),
    ),
    Rule(
        "measures_destination",
        "Situations à la fin des mesures = mesures terminées",
        _sum_of("measures.destination"),
        _plus("measures.closed"),
    ),
    Rule(
        "dwellings",
        "Logements au début + captés − restitués = logements à la fin",
        ((1, "dwellings.start"), (1, "dwellings.captured"), (-1, "dwellings.returned")),
        _plus("dwellings.end"),
    ),
    Rule(
        "dwellings_kind",
        "Logements par dispositif et secteur = logements à la fin",
        _sum_of("dwellings.end"),
        _plus("dwellings.end"),
    ),
    Rule(
        "dwellings_typology",
        "Logements par typologie = logements à la fin",
        _sum_of("dwellings.end.typology"),
        _plus("dwellings.end"),
    ),
    Rule(
        "vacancy",
        "Jours de vacance par raison = jours de vacance",
        _sum_of("vacancy_days"),
        _plus("vacancy_days"),
    ),
    Rule(
        "activities",
        "Activités par type = activités",
        _sum_of("activities"),
        _plus("activities.count"),
    ),
    Rule(
        "rehousings",
        "Relogements par secteur = relogements",
        _sum_of("rehousings"),
        _plus("rehousings"),
    ),
    Rule(
        "occupancy_rate",
        "Taux d'occupation (places) entre 0 et 100",
        _plus("occupancy_rate"),
        low=0,
        high=100,
    ),
    Rule(
        "occupancy_rate_dwellings",
        "Taux d'occupation (logements) entre 0 et 100",
        _plus("occupancy_rate.dwellings"),
        low=0,
        high=100,
    ),
)


def _total(terms: Sequence[tuple[int, str]], values: Mapping[str, Figure]) -> Number | None:
    total: Number = 0
    for sign, code in terms:
        value = values[code].value
        if value is None:
            return None
        total += sign * value
    return total


def consistency(values: Mapping[str, Figure]) -> tuple[CheckResult, ...]:
    """Run every rule whose codes are all in ``values``.

    A rule with a right side passes when both sides are equal (or left ≤ right for ``<=``);
    a range rule passes when the value lies within ``low``…``high``. A rule that needs an
    empty value (an empty denominator) is not judged (``passed`` None).
    """
    results: list[CheckResult] = []
    for rule in CONSISTENCY:
        if any(code not in values for code in rule.codes):
            continue
        left = _total(rule.left, values)
        right = _total(rule.right, values) if rule.right else None
        passed: bool | None
        if left is None or (rule.right and right is None):
            passed = None
        elif rule.right and right is not None:
            passed = left <= right if rule.relation == "<=" else left == right
        else:
            passed = (rule.low is None or left >= rule.low) and (
                rule.high is None or left <= rule.high
            )
        results.append(CheckResult(rule, left, right, passed))
    return tuple(results)
