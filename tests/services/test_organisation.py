"""The association: validation field by field, created once."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import InvalidInput, RefusedError
from desktop_app.domain.identifiers import siret_valid
from desktop_app.domain.permissions import SYSTEM_ACTOR
from desktop_app.paths import DatabaseTarget
from desktop_app.services.organisation import (
    create_association,
    get_association,
    validate_association,
)
from desktop_app.services.parameters import load_parameters
from desktop_app.services.system import open_workspace


@pytest.mark.parametrize(
    ("siret", "valid"),
    [
        ("73282932000074", True),  # a well-known valid SIRET
        ("732 829 320 00074", True),
        ("73282932000075", False),
        ("1234567890123", False),
        ("abcdefghijklmn", False),
        ("35600000000010", True),  # La Poste: digit sum multiple of 5
        ("35600000000048", False),
    ],
)
def test_siret_check(siret: str, valid: bool) -> None:
    assert siret_valid(siret) is valid


def test_validation_names_each_field() -> None:
    issues = validate_association(name="  ", siret="123", postcode="6900")
    assert [(i.field, i.text) for i in issues] == [
        ("name", "Indiquez le nom de l'association."),
        (
            "siret",
            "Le SIRET « 123 » n'est pas valide : il compte 14 chiffres (vérifiez la saisie).",
        ),
        ("postcode", "Le code postal « 6900 » doit compter 5 chiffres."),
    ]
    assert validate_association(name="Toit Partagé", siret="", postcode="") == []


@pytest.mark.db
def test_create_once_and_read_back(database_target: DatabaseTarget) -> None:
    workspace = open_workspace(database_target)
    try:
        assert get_association(workspace.database, actor=SYSTEM_ACTOR) is None
        created = create_association(
            workspace.database,
            actor=SYSTEM_ACTOR,
            name=" Toit Partagé ",
            siret="732 829 320 00074",
            commune="Lyon",
        )
        assert created.name == "Toit Partagé"
        assert created.siret == "73282932000074"
        assert get_association(workspace.database, actor=SYSTEM_ACTOR) == created
        with pytest.raises(RefusedError, match="contient déjà une association : Toit Partagé"):
            create_association(workspace.database, actor=SYSTEM_ACTOR, name="Autre")
    finally:
        workspace.close()


@pytest.mark.db
def test_invalid_input_writes_nothing(database_target: DatabaseTarget) -> None:
    workspace = open_workspace(database_target)
    try:
        with pytest.raises(InvalidInput) as refused:
            create_association(workspace.database, actor=SYSTEM_ACTOR, name="", siret="42")
        assert len(refused.value.issues) == 2
        assert refused.value.text.startswith("Saisie à corriger (2 point(s)) :\n– Indiquez")
        assert get_association(workspace.database, actor=SYSTEM_ACTOR) is None
    finally:
        workspace.close()


@pytest.mark.db
def test_parameters_read_from_the_database(
    database_target: DatabaseTarget, count_statements
) -> None:
    from datetime import date

    workspace = open_workspace(database_target)
    try:
        with count_statements(workspace.database.engine) as counter:
            params = load_parameters(workspace.database, actor=SYSTEM_ACTOR)
        assert counter.count == 1
        assert params.int("arrears.grace_days", date(2026, 1, 1)) == 10
        assert params.get("arrears.caf_fixed_threshold", date(2027, 1, 1)) == 45_000
    finally:
        workspace.close()
