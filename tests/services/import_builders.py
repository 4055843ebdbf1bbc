"""Import workbooks for tests: rows given as dicts keyed by French heading, written with openpyxl.

``workbook(path, {"Statut APL": rows}, Dispositifs=rows, Ménages=rows)`` writes one sheet per
name (in the order given), its first row the headings met in its rows (in order of first
appearance), then one line per row. ``small_association()`` is a whole small association in the
format of DOMAIN §10 (two programmes including a pension de famille, four households, their
persons, dwellings, contracts including a bail glissant, a rate change, a suspended benefit and
movements of every Type), dated for ``TODAY``; each call returns a fresh copy to alter.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

TODAY = date(2026, 11, 27)

Row = dict[str, Any]
Rows = Sequence[Mapping[str, Any]]


def workbook(path: Path, sheets: Mapping[str, Rows] | None = None, /, **named: Rows) -> Path:
    """Write the sheets (positional mapping first, then keyword sheets) to ``path``."""
    book = Workbook()
    assert book.active is not None
    book.remove(book.active)
    for name, rows in {**(sheets or {}), **named}.items():
        sheet = book.create_sheet(name)
        headings = list(dict.fromkeys(key for row in rows for key in row))
        if headings:
            sheet.append(headings)
        for row in rows:
            sheet.append([row.get(heading) for heading in headings])
    book.save(path)
    return path


_PROGRAMMES: list[Row] = [
    {
        "Nom": "IML Lyon",
        "Type": "IML – sous-location",
        "Places": 12,
        "Financeur": "État – DDETS / DRIHL (BOP 177); Métropole de Lyon",
        "Début": date(2024, 1, 1),
    },
    {
        "Nom": "Pension des Lilas",
        "Type": "Pension de famille",
        "Places": 20,
        "Financeur": "État – DDETS / DRIHL (BOP 177)",
        "Début": date(2023, 6, 1),
    },
]

_HOUSEHOLDS: list[Row] = [
    {
        "Référence": "M-001",
        "Dispositif": "IML Lyon",
        "Date d'entrée": date(2025, 1, 1),
        "Situation à l'entrée": "Hôtel (115 / SIAO)",
        "Prescripteur": "SIAO",
        "Statut DALO": "PU DALO",
        "Référence SI-SIAO": "SIAO-2025-0001",
        "Adresse": "12 rue des Lilas, 69003 Lyon",
    },
    {
        "Référence": "M-002",
        "Dispositif": "IML Lyon",
        "Date d'entrée": date(2024, 3, 1),
        "Date de sortie": date(2026, 8, 31),
        "Destination de sortie": "Logement social – bail direct",
        "Motif de sortie": "Projet réalisé",
        "Situation à l'entrée": "Hébergé chez un tiers",
        "Adresse": "4 place Bellecour, 69002 Lyon",
    },
    {
        "Référence": "M-003",
        "Dispositif": "Pension des Lilas",
        "Date d'entrée": date(2024, 9, 1),
        "Situation à l'entrée": "Rue",
        "Prescripteur": "Service social départemental",
    },
    {
        "Référence": "M-004",
        "Dispositif": "IML Lyon",
        "Date d'entrée": date(2025, 6, 1),
        "Situation à l'entrée": "Hébergement d'urgence (CHU)",
        "Adresse": "8 rue Garibaldi, 69006 Lyon",
    },
]

_PERSONS: list[Row] = [
    {
        "Référence ménage": "M-001",
        "Nom": "Martin",
        "Prénom": "Sophie",
        "Date de naissance": date(1985, 4, 12),
        "Sexe": "F",
        "Lien": "Personne de référence",
        "Téléphone": "06 12 34 56 78",
        "N° allocataire": "1234567",
    },
    {
        "Référence ménage": "M-001",
        "Nom": "Martin",
        "Prénom": "Lucas",
        "Date de naissance": date(2015, 9, 1),
        "Sexe": "M",
        "Lien": "Enfant",
    },
    {
        "Référence ménage": "M-001",
        "Nom": "Martin",
        "Prénom": "Paul",
        "Date de naissance": date(1983, 2, 2),
        "Sexe": "Homme",
        "Lien": "Conjoint",
        "Arrivée": date(2025, 3, 1),
    },
    {
        "Référence ménage": "M-002",
        "Nom": "Diallo",
        "Prénom": "Aminata",
        "Date de naissance": date(1990, 7, 21),
        "Sexe": "Femme",
    },
    {
        "Référence ménage": "M-003",
        "Nom": "Nguyen",
        "Prénom": "Thi Hoa",
        "Date de naissance": date(1958, 11, 30),
        "Sexe": "F",
        "Lien": "Personne de référence",
    },
    {
        "Référence ménage": "M-004",
        "Nom": "Benali",
        "Prénom": "Karim",
        "Date de naissance": date(1979, 5, 5),
        "Sexe": "H",
        "Lien": "Personne de référence",
    },
    {
        "Référence ménage": "M-004",
        "Nom": "Benali",
        "Prénom": "Yasmina",
        "Date de naissance": date(1981, 8, 8),
        "Sexe": "F",
        "Lien": "Conjointe",
    },
]

_DWELLINGS: list[Row] = [
    {
        "Référence logement": "L-01",
        "Adresse": "12 rue des Lilas",
        "Code postal": "69003",
        "Commune": "Lyon",
        "Typologie": "F3",
        "Surface": "62,5",
        "Parc": "Privé",
        "Bailleur": "M. Durand",
        "Dispositif": "IML Lyon",
        "Lots": 1,
        "Places": 4,
        "Date de captation": date(2024, 12, 1),
    },
    {
        "Référence logement": "L-02",
        "Adresse": "4 place Bellecour",
        "Code postal": "69002",
        "Commune": "Lyon",
        "Typologie": "T1",
        "Surface": 28,
        "Parc": "HLM",
        "Bailleur": "Lyon Métropole Habitat",
        "Dispositif": "IML Lyon",
        "Places": 1,
        "Date de captation": date(2024, 2, 15),
    },
    {
        "Référence logement": "L-03",
        "Adresse": "8 rue Garibaldi",
        "Code postal": "69006",
        "Commune": "Lyon",
        "Typologie": "T2",
        "Surface": "45 m²",
        "Parc": "Social",
        "Bailleur": "Lyon Métropole Habitat",
        "Dispositif": "IML Lyon",
        "Places": 2,
        "Date de captation": date(2025, 5, 15),
    },
    {
        "Référence logement": "P-01",
        "Adresse": "3 impasse des Roses",
        "Code postal": "69007",
        "Commune": "Lyon",
        "Typologie": "Chambre",
        "Surface": "18",
        "Parc": "Social",
        "Dispositif": "Pension des Lilas",
        "Résidence": "Maison des Lilas",
        "Places": 1,
        "Date de captation": date(2023, 6, 1),
    },
]

_CONTRACTS: list[Row] = [
    {
        "Référence ménage": "M-001",
        "Référence logement": "L-01",
        "Type": "Sous-location",
        "Début": date(2025, 1, 1),
        "Loyer": 450,
        "Charges": 50,
        "APL prévue": 300,
        "Tiers payant": "Oui",
        "Jour d'échéance": 5,
    },
    {
        "Référence ménage": "M-002",
        "Référence logement": "L-02",
        "Type": "Sous-location",
        "Début": date(2024, 3, 1),
        "Fin": date(2026, 8, 31),
        "Loyer": 320,
        "Charges": 30,
    },
    {
        "Référence ménage": "M-003",
        "Référence logement": "P-01",
        "Type": "Contrat de résidence",
        "Début": date(2024, 9, 1),
        "Loyer": "380,00",
        "Prestations obligatoires": 20,
    },
    {
        "Référence ménage": "M-004",
        "Référence logement": "L-03",
        "Type": "Sous-location – bail glissant",
        "Début": date(2025, 6, 1),
        "Loyer": 410,
        "Charges": 40,
    },
]

_RATES: list[Row] = [
    {
        "Référence ménage": "M-001",
        "Référence logement": "L-01",
        "Début du contrat": date(2025, 1, 1),
        "Date d'effet": date(2026, 1, 1),
        "Loyer": 460,
        "Charges": 50,
        "APL prévue": 300,
        "Tiers payant": "Oui",
        "Jour d'échéance": 5,
    },
]

_BENEFIT_STATUSES: list[Row] = [
    {
        "Référence ménage": "M-001",
        "Référence logement": "L-01",
        "Début du contrat": date(2025, 1, 1),
        "Date d'effet": date(2026, 9, 1),
        "Statut": "Suspendue",
    },
]


def _movement(
    reference: str, household: str, day: date, kind: str, amount: str, **more: Any
) -> Row:
    row: Row = {
        "Référence": reference,
        "Référence ménage": household,
        "Date": day,
        "Type": kind,
        "Montant": amount,
    }
    row.update(more)
    return row


_MOVEMENTS: list[Row] = [
    _movement(
        "MV-001", "M-001", date(2026, 10, 1), "Appel", "510,00", **{"Mois concerné": "2026-10"}
    ),
    _movement("MV-002", "M-001", date(2026, 10, 12), "APL", "300", **{"Mois concerné": "10/2026"}),
    _movement("MV-003", "M-001", date(2026, 10, 15), "Paiement ménage", "150"),
    _movement("MV-004", "M-001", date(2026, 10, 20), "Aide FSL", "40"),
    _movement("MV-005", "M-001", date(2026, 10, 21), "Autre aide", "10"),
    _movement(
        "MV-006",
        "M-001",
        date(2026, 10, 22),
        "Régularisation (débit)",
        "25",
        Nature="Charges",
        Motif="Régularisation des charges 2025",
    ),
    _movement(
        "MV-007",
        "M-001",
        date(2026, 10, 23),
        "Régularisation (crédit)",
        "5",
        Motif="Trop-perçu de charges",
    ),
    _movement(
        "MV-008", "M-001", date(2026, 10, 24), "Remise gracieuse", "5", Motif="Geste commercial"
    ),
    _movement("MV-009", "M-001", date(2026, 10, 25), "Réparations locatives", "60"),
    _movement("MV-010", "M-001", date(2026, 10, 26), "Frais", "12"),
    _movement("MV-011", "M-001", date(2026, 1, 5), "Dépôt reçu", "450"),
    _movement("MV-012", "M-001", date(2026, 10, 27), "Dépôt imputé", "60"),
    _movement(
        "MV-013",
        "M-001",
        date(2026, 10, 28),
        "Annulation",
        "10",
        **{"Référence annulée": "MV-005", "Motif": "Aide versée par erreur"},
    ),
    _movement(
        "MV-014",
        "M-002",
        date(2024, 3, 1),
        "Solde de reprise",
        "420",
        **{"Date du premier impayé": date(2023, 11, 5)},
    ),
    _movement(
        "MV-015",
        "M-002",
        date(2026, 8, 20),
        "Créance irrécouvrable",
        "100",
        Motif="Ménage parti sans adresse",
    ),
    _movement(
        "MV-016",
        "M-002",
        date(2026, 8, 21),
        "Effacement",
        "120",
        Motif="Décision de la commission de surendettement",
    ),
    _movement("MV-017", "M-002", date(2024, 3, 2), "Dépôt reçu", "320"),
    _movement("MV-018", "M-002", date(2026, 9, 10), "Dépôt restitué", "320"),
    _movement(
        "MV-019",
        "M-004",
        date(2026, 10, 1),
        "Indemnité d'occupation",
        "30",
        **{"Mois concerné": "2026-10"},
    ),
    _movement("MV-020", "M-003", date(2026, 11, 2), "Appel", "400", **{"Mois concerné": "2026-11"}),
]

_MEASURES: list[Row] = [
    {
        "Référence ménage": "M-001",
        "Type": "Accompagnement IML",
        "Phase": "Dans le logement",
        "Prescripteur": "SIAO",
        "Début": date(2025, 1, 15),
        "Durée prévue (mois)": 12,
        "Financeur": "État – DDETS / DRIHL (BOP 177)",
    },
    {
        "Référence ménage": "M-002",
        "Type": "Accompagnement IML",
        "Début": date(2024, 3, 1),
        "Fin": date(2026, 8, 31),
        "Issue": "Relogé",
        "Situation de logement à la fin": "Logement social – bail direct",
    },
]

_CONTACTS: list[Row] = [
    {
        "Référence ménage": "M-001",
        "Date": date(2026, 10, 15),
        "Type": "Entretien au bureau",
        "Durée (min)": 45,
        "Thèmes": "Budget / dettes ; Accès aux droits",
    },
    {
        "Référence ménage": "M-003",
        "Date": date(2026, 11, 2),
        "Type": "Visite à domicile",
        "Durée (min)": 60,
    },
]

_SMALL: dict[str, list[Row]] = {
    "Dispositifs": _PROGRAMMES,
    "Ménages": _HOUSEHOLDS,
    "Personnes": _PERSONS,
    "Logements": _DWELLINGS,
    "Contrats": _CONTRACTS,
    "Loyers": _RATES,
    "Statut APL": _BENEFIT_STATUSES,
    "Mouvements": _MOVEMENTS,
    "Mesures": _MEASURES,
    "Entretiens": _CONTACTS,
}

REFERENCE_SHEETS = ("Dispositifs", "Ménages", "Personnes", "Logements")


def small_association(*names: str) -> dict[str, list[Row]]:
    """A fresh copy of the small association: every sheet, or only those named."""
    chosen = names or tuple(_SMALL)
    return {name: copy.deepcopy(_SMALL[name]) for name in chosen}


def reference_sheets() -> dict[str, list[Row]]:
    """The four sheets of `services.import_sheets`, as a fresh copy."""
    return small_association(*REFERENCE_SHEETS)


def row_of(rows: Sequence[Row], **match: Any) -> Row:
    """The one row whose cells hold the values given (keys with ``_`` for spaces)."""
    wanted = {key.replace("_", " "): value for key, value in match.items()}
    found = [row for row in rows if all(row.get(k) == v for k, v in wanted.items())]
    assert len(found) == 1, (match, found)
    return found[0]
