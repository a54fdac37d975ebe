"""Afsnit 17 and 19: the agreement's period, the old individual letting agreements, and ending the
terms that stop or reduce municipal allocation.

- Afsnit 19: the agreement runs from 1 January 2024 to 31 December 2027 (``agreement.toml``).
- Afsnit 17: the individual letting agreements in force continue in the transition until new ones
  can take effect; the new ones are sought for the same period as this agreement.
- Afsnit 19: the City of Copenhagen may end the terms on stopping or reducing municipal allocation at
  six months' notice (``termination.reduction_notice_months``) «efter den 1. januar 2025». Reading
  R-54: the notice can be given from 2 January 2025 (after 1 January, as «efter 1. juli 2019» in
  afsnit 8.4, Reading R-31); the terms end when the notice has run, six calendar months later.
"""

from __future__ import annotations

from datetime import date

from udlejning.coverage import covers
from udlejning.parameters import add_months, parameter

COVERS = covers(
    "Aftalens periode, de gamle aftaler og opsigelse af reduktionsvilkår",
    "The agreement's period, the old agreements and ending the reduction terms",
    "afsnit 17",
    "afsnit 19",
)

NOTICE_AFTER = date(2025, 1, 1)  # afsnit 19 (exclusive, Reading R-54)
REFERENCE = "afsnit 19 (læsning R-54)"


def reduction_terms_end(notice_given: date) -> date | None:
    """Afsnit 19: the day the reduction terms end after a notice given on ``notice_given``, or None
    when notice cannot yet be given then."""
    if notice_given <= NOTICE_AFTER:
        return None
    months = parameter("termination.reduction_notice_months").at(notice_given).value
    assert isinstance(months, int)
    return add_months(notice_given, months)
