"""A small association for the accompaniment tests (measures, contacts, to-dos).

Two AVDL households without a stay (their measures give their programme) — ``M-1`` followed
by ``sw`` (with the intern as co-key-worker) and living in a room of the pension Les Tilleuls
hosted by ``host``; ``M-2`` followed by ``sw2`` — a coordinator, a second host (other house),
a secretary and a volunteer. The FNAVDL funder plans 9-month measures (a scoped parameter);
without a funder the default (6 months) applies. Rows get their keys from the database.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from pypdf import PdfReader
from sqlalchemy import Connection, insert

from desktop_app.domain.parameters import PLAIN_SETTING_DATE
from desktop_app.domain.permissions import Actor, Grant
from desktop_app.paths import DatabaseTarget
from desktop_app.persistence import models as m
from desktop_app.persistence.db import Database
from desktop_app.services.system import Workspace, open_workspace

TODAY = date(2026, 6, 15)
NOW = datetime(2026, 6, 15, 9, 30, tzinfo=UTC)


@dataclass
class Scene:
    """The database, the ids of what was inserted and one actor per login."""

    workspace: Workspace
    ids: dict[str, int] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)

    @property
    def database(self) -> Database:
        return self.workspace.database


def add(connection: Connection, model: type[m.Base], **values: object) -> int:
    key = connection.execute(insert(model).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def text_of(content: bytes) -> str:
    """The text of a PDF, read back as a reader would (every run of spaces made one space)."""
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def build_scene(target: DatabaseTarget) -> Scene:
    workspace = open_workspace(target)
    scene = Scene(workspace)
    ids = scene.ids
    with workspace.database.begin_write() as c:
        for login, name in (
            ("sw", "Claire Martin"),
            ("sw2", "Karim Benali"),
            ("coord", "Sophie Leroy"),
            ("host", "Nadia Haddad"),
            ("host2", "Paul Girard"),
            ("intern", "Léa Petit"),
            ("secr", "Marc Roux"),
            ("volunteer", "Jeanne Blanc"),
        ):
            ids[login] = add(c, m.UserAccount, login=login, display_name=name, created_at=NOW)
        add(c, m.Organisation, name="Association Toit Partagé", commune="Lyon", postcode="69003")
        ids["fnavdl"] = add(c, m.Funder, name="FNAVDL", kind="fnavdl")
        ids["ddets"] = add(c, m.Funder, name="DDETS du Rhône", kind="state_p177")
        ids["avdl"] = add(c, m.Programme, name="AVDL Rhône", kind="avdl")
        ids["pension"] = add(c, m.Programme, name="Pension Les Tilleuls", kind="boarding_house")
        ids["tilleuls"] = add(c, m.Residence, name="Les Tilleuls", programme_id=ids["pension"])
        ids["acacias"] = add(c, m.Residence, name="Les Acacias", programme_id=ids["pension"])
        ids["room"] = add(
            c,
            m.Dwelling,
            reference="TIL-01",
            address="4 impasse des Tilleuls",
            commune="Villeurbanne",
            programme_id=ids["pension"],
            residence_id=ids["tilleuls"],
        )
        ids["m1"] = add(c, m.Household, reference="M-1", key_worker_id=ids["sw"])
        ids["m2"] = add(c, m.Household, reference="M-2", key_worker_id=ids["sw2"])
        add(c, m.HouseholdCoWorker, household_id=ids["m1"], user_id=ids["intern"])
        for key, household, first, last, born, role in (
            ("awa", "m1", "Awa", "Diallo", date(1988, 4, 12), "head"),
            ("moussa", "m1", "Moussa", "Diallo", date(2015, 9, 3), "child"),
            ("jean", "m2", "Jean", "Martin", date(1970, 1, 20), "head"),
        ):
            ids[key] = add(
                c, m.Person, first_name=first, last_name=last, birth_date=born, sex="unknown"
            )
            add(
                c,
                m.Membership,
                household_id=ids[household],
                person_id=ids[key],
                role=role,
                joined_on=date(2025, 1, 1),
            )
        add(
            c,
            m.OccupancyContract,
            household_id=ids["m1"],
            dwelling_id=ids["room"],
            kind="residence_agreement",
            start_date=date(2025, 1, 6),
        )
        add(
            c,
            m.Parameter,
            key="measure.planned_months",
            scope="fnavdl",
            valid_from=PLAIN_SETTING_DATE,
            value="9",
        )
    grants = {
        "sw": Grant("social_worker"),
        "sw2": Grant("social_worker"),
        "coord": Grant("coordinator"),
        "host": Grant("host", residence_id=ids["tilleuls"]),
        "host2": Grant("host", residence_id=ids["acacias"]),
        "intern": Grant("intern"),
        "secr": Grant("secretary"),
        "volunteer": Grant("volunteer"),
    }
    scene.actors = {
        login: Actor(user_id=ids[login], login=login, grants=(grant,))
        for login, grant in grants.items()
    }
    return scene
