"""Afsnit 8.5.3 and Bilag 9: shared homes for refugees (deleboliger til flygtninge).

- Only in sections placed on step 1 of the section stair (afdelingstrappens trin 1).
- At most 50 places a year in the agreement's period (``refugee_shared.places_per_year``); re-letting
  a vacant room in an existing shared home counts.
- For single refugees, also those who may later be reunited with their family, when the municipality
  declares it will find another home if the family is reunited.
- Until 31 December 2027 (the agreement's last day); at the end, as a starting point no re-allocation:
  the shared homes are wound down as they are vacated.
"""

from __future__ import annotations

from datetime import date

from udlejning.coverage import covers
from udlejning.parameters import agreement, parameter

COVERS = covers(
    "Deleboliger til flygtninge: kun trin 1 og højst et antal pladser om året",
    "Shared homes for refugees: step 1 only and at most a number of places a year",
    "afsnit 8.5",
    "Bilag 9",
)

REFERENCE = "afsnit 8.5.3; Bilag 9"


def allowed_in_section(stair: str, trin: int) -> bool:
    """Afsnit 8.5.3: a shared home can be set up only on the section stair's step 1."""
    return stair == "afdelingstrappe" and trin == 1


def places_left(on: date, used_this_year: int) -> int:
    """Bilag 9: places the municipality can still allocate in the calendar year of ``on``."""
    if used_this_year < 0:
        raise ValueError("used places must be 0 or more")
    cap = parameter("refugee_shared.places_per_year").at(on).value
    assert isinstance(cap, int)
    return max(cap - used_this_year, 0)


def scheme_open(on: date) -> bool:
    """Bilag 9: the scheme runs to the agreement's last day; afterwards no re-allocation."""
    return agreement().covers(on)
