"""Reading the parameters the coordinator can change (DOMAIN §9)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.parameters import Parameters, ParameterValue
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import Parameter


def load_parameters(database: Database) -> Parameters:
    """The immutable `Parameters` built from the database rows, in one query."""

    def read(session: Session) -> list[ParameterValue]:
        rows = session.execute(
            select(Parameter.key, Parameter.scope, Parameter.valid_from, Parameter.value)
        )
        return [
            ParameterValue(key, scope, valid_from, json.loads(value))
            for key, scope, valid_from, value in rows
        ]

    return Parameters(database.run_read(read))
