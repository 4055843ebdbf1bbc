"""Use cases: one unit of work each, returning frozen DTOs. No Qt here."""
