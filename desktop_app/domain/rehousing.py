"""Rules of rehousing dates: the application's yearly renewal and the préfet's DALO time limit.

- A social-housing application lapses a year after it was filed or last renewed (CCH R441-2-8):
  it must be renewed before that day.
- Once the COMED has recognised a household as a priority (PU DALO), the préfet has a time limit
  to propose housing: ``dalo.time_limit_months`` *(param)*, 3 months, 6 in Île-de-France (the
  region is the association's: its postcode's département). After it, the household may appeal
  to the administrative court (recours DALO injonction).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from desktop_app.domain.parameters import Parameters
from desktop_app.domain.periods import add_months

IDF: Final = "idf"
# The départements of Île-de-France (Paris and the petite and grande couronne).
IDF_DEPARTMENTS: Final = frozenset({"75", "77", "78", "91", "92", "93", "94", "95"})
_YEAR_MONTHS: Final = 12


def region_scope(postcode: str | None) -> str | None:
    """The parameter scope of the association's region: ``idf`` in Île-de-France, else None."""
    code = (postcode or "").strip()
    return IDF if code[:2] in IDF_DEPARTMENTS else None


def renewal_due(filed_on: date, renewed_on: date | None = None) -> date:
    """The day an application lapses unless renewed: a year after filing or the last renewal."""
    return add_months(renewed_on or filed_on, _YEAR_MONTHS)


def dalo_time_limit(comed_decision_on: date, params: Parameters, postcode: str | None) -> date:
    """The end of the préfet's time limit after the COMED recognised the priority."""
    months = params.int("dalo.time_limit_months", comed_decision_on, region_scope(postcode))
    return add_months(comed_decision_on, months)
