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


def parameters_in(session: Session) -> Parameters:
    """Every parameter, read in the caller's transaction (for services judging by many rules)."""
    rows = session.execute(
        select(Parameter.key, Parameter.scope, Parameter.valid_from, Parameter.value)
    )
    return Parameters(
        ParameterValue(key, scope, valid_from, json.loads(value))
        for key, scope, valid_from, value in rows
    )


@service_action("session.basic")
def load_parameters(database: Database, *, actor: Actor) -> Parameters:
    """The immutable `Parameters` built from the database rows, in one query."""
    return database.run_read(parameters_in)
