"""Bilag 4, IV (introduction): up to 5 % of the family homes of each section may be set aside for the
disability criterion (C) on the external waiting list; applicants under C must also meet the flexible
criteria the section's wheel requires.
Reading R-34: "op til 5 %" gives a whole number of homes rounded down (5 % of 30 homes = 1 home).
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from udlejning.coverage import covers
from udlejning.parameters import parameter

COVERS = covers(
    "Boliger til C-kriteriet (højst 5 %)",
    "Homes for the C criterion",
    "Bilag 4, IV",
    "afsnit 5.2.3",
)


def max_c_homes(family_homes: int, on: date) -> int:
    """Bilag 4, IV: the most family homes a section may set aside for the C criterion."""
    share = parameter("c1.max_share_of_family_homes").at(on).value
    assert isinstance(share, Decimal)
    return math.floor(Decimal(family_homes) * share / 100)
