"""Afsnit 7: how many youth homes (ungdomsboliger) the municipality allocates.

- 7.1: sections made up only or mainly of youth homes make a share (``youth.primarily_youth_share``) of
  vacant homes available.
- 7.2: corridor halls (gangkollegier) and other youth homes with a shared kitchen and/or bath: at most one
  allocated young tenant per shared kitchen, unless the organisation and the municipality agree more.
- 7.3: sections with a few youth homes follow the family homes' stair step (the wheel's municipal share).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from udlejning.parameters import parameter
from udlejning.wheels import wheel


def municipal_share_primarily_youth(on: date | None = None) -> Fraction:
    """Afsnit 7.1: the share of the vacant homes (``youth.primarily_youth_share``, 2/9 in the text)."""
    p = parameter("youth.primarily_youth_share")
    value = p.at(on).value if on is not None else p.values[-1].value
    assert isinstance(value, Fraction)
    return value


def gangkollegium_cap(shared_kitchens: int, agreed_higher: int | None = None) -> int:
    """Afsnit 7.2: one allocated young tenant per shared kitchen, or a higher number agreed locally."""
    if shared_kitchens < 0:
        raise ValueError("shared_kitchens must be 0 or more")
    base = shared_kitchens
    return max(base, agreed_higher) if agreed_higher is not None else base


def municipal_share_few_youth_homes(stair: str, trin: int, on: date) -> Fraction:
    """Afsnit 7.3: as for the family homes of the section, i.e. the wheel's municipal share."""
    return wheel(stair, trin).at(on).category_shares()["municipal"]
