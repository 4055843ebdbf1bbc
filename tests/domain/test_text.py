"""French text helpers of the domain."""

from __future__ import annotations

from desktop_app.domain.messages import message
from desktop_app.domain.text import with_de


def test_de_is_elided_before_a_vowel_or_a_mute_h() -> None:
    assert with_de("voir les notes") == "de voir les notes"
    assert with_de("enregistrer les candidatures") == "d'enregistrer les candidatures"
    assert with_de("héberger") == "d'héberger"
    assert with_de("exporter") == "d'exporter"


def test_a_refusal_reads_as_french() -> None:
    text = message("auth.denied", what=with_de("enregistrer"))
    assert text == "Vos droits ne permettent pas d'enregistrer."
