"""The security log as the DPO and the administrator see it."""

from __future__ import annotations

from desktop_app.domain.permissions import Actor
from desktop_app.persistence import audit
from desktop_app.persistence.audit import ChainReport
from desktop_app.persistence.db import Database
from desktop_app.services.authz import service_action


@service_action("audit.read")
def verify_security_log(database: Database, *, actor: Actor) -> ChainReport:
    """Recompute the hash chain (read-only) and report the first event that does not verify."""
    return database.run_read(audit.verify)
