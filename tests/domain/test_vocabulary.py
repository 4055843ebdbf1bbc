"""Enumerations: codes, French labels, synonyms of DOMAIN §10, forgiving parsing."""

from __future__ import annotations

import pytest

from desktop_app.domain import vocabulary as v
from desktop_app.domain.text import normalise


@pytest.mark.parametrize(
    ("vocabulary", "text", "code"),
    [
        (v.SEX, "M", "h"),
        (v.SEX, "Homme", "h"),
        (v.SEX, "femme", "f"),
        (v.SEX, "X", "unknown"),
        (v.TYPOLOGY, "F3", "t3"),
        (v.TYPOLOGY, "t1 BIS", "t1bis"),
        (v.TYPOLOGY, "F5", "t5plus"),
        (v.SECTOR, "HLM", "social"),
        (v.SECTOR, "Public", "social"),
        (v.MEMBER_ROLE, "Conjointe", "partner"),
        (v.MEMBER_ROLE, "Concubin·e", "partner"),
        (v.PROGRAMME_KIND, "IML - sous-location", "iml_sublease"),
        (v.PROGRAMME_KIND, "iml — SOUS-LOCATION", "iml_sublease"),
        (v.FUNDER_KIND, "État – DDETS / DRIHL (BOP 177)", "state_p177"),
        (v.DESTINATION, "Logement social – bail direct", "social_housing"),
        (v.DESTINATION, "social_housing", "social_housing"),
        (v.ENTRY_SITUATION, "hebergement d'urgence (chu)", "emergency_shelter"),
    ],
)
def test_parse_accepts_codes_labels_and_synonyms(vocabulary, text, code) -> None:
    assert vocabulary.parse(text) == code


def test_unknown_text_is_none() -> None:
    assert v.SEX.parse("peut-être") is None


def test_codes_are_stable_identifiers() -> None:
    for vocabulary in v.ALL:
        assert len(vocabulary) > 0
        for code in vocabulary.codes:
            assert code == code.strip()
            assert len(code) <= 40
            assert vocabulary.label(code)


def test_normalise() -> None:
    assert normalise("  Hélène   DUPONT–Martin ") == "helene dupont-martin"
    assert normalise("Cœur d’Alène") == "coeur d'alene"
    assert normalise("ÉLODIE") == normalise("elodie")
