"""Reading the parameters the coordinator can change (DOMAIN §9)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.parameters import Parameters, ParameterValue
from desktop_app.domain.permissions import Actor
from desktop_app.persistence.db import Database
from desktop_app.persistence.models import Parameter
from desktop_app.services.authz import service_action


@service_action("session.basic")
def load_parameters(database: Database, *, actor: Actor) -> Parameters:
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
