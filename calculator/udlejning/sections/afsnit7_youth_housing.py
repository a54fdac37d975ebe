"""Afsnit 7: how many youth homes (ungdomsboliger) the municipality allocates.

- 7.1: sections made up only or mainly of youth homes make 2/9 of vacant homes available.
- 7.2: corridor halls (gangkollegier) and other youth homes with a shared kitchen and/or bath: at most one
  allocated young tenant per shared kitchen, unless the organisation and the municipality agree more.
- 7.3: sections with a few youth homes follow the family homes' stair step (the wheel's municipal share).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from udlejning.wheels import wheel

PRIMARILY_YOUTH_SHARE = Fraction(2, 9)  # afsnit 7.1


def municipal_share_primarily_youth() -> Fraction:
    """Afsnit 7.1: 2/9 of the vacant homes."""
    return PRIMARILY_YOUTH_SHARE


def gangkollegium_cap(shared_kitchens: int, agreed_higher: int | None = None) -> int:
    """Afsnit 7.2: one allocated young tenant per shared kitchen, or a higher number agreed locally."""
    if shared_kitchens < 0:
        raise ValueError("shared_kitchens must be 0 or more")
    base = shared_kitchens
    return max(base, agreed_higher) if agreed_higher is not None else base


def municipal_share_few_youth_homes(stair: str, trin: int, on: date) -> Fraction:
    """Afsnit 7.3: as for the family homes of the section, i.e. the wheel's municipal share."""
    return wheel(stair, trin).at(on).category_shares()["municipal"]
