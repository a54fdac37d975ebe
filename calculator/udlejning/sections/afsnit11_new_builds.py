"""Afsnit 11 (figur 11–12): municipal allocation in new builds taken into use in 2024–2027.

- First letting: 100 % municipal allocation of the especially cheap homes; none of the other homes.
- Re-letting in the first four years from first use: 100 % of the cheap homes; of the other homes a share
  graded by the share of cheap homes (figur 12) when that is under 20 %.
- From four years after first use: the wheel of the section's stair step (a new build starts on trin 1).

Reading R-33: figur 12's bands ("under 10 %", "mellem 10 og 15 %", "mellem 15 og 20 %", "over 20 %") are
read half-open: [0, 10) → 3/9, [10, 15) → 2/9, [15, 20) → 1/9, 20 % or more → 0/9. Figur 11's text
"mellem 1/9 og 1/3" does not cover 0/9; we follow the table.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from udlejning.coverage import covers
from udlejning.parameters import add_years, parameter

COVERS = covers(
    "Nybyggeri: kommunal anvisning (figur 11–12)",
    "New builds: municipal allocation (figures 11–12)",
    "afsnit 11",
)

FIGUR12 = (  # (cheap share from, municipal share of the other homes), falling
    (Decimal(20), Fraction(0, 9)),
    (Decimal(15), Fraction(1, 9)),
    (Decimal(10), Fraction(2, 9)),
    (Decimal(0), Fraction(3, 9)),
)


def figur12_share(cheap_share: Decimal) -> Fraction:
    """Afsnit 11 figur 12: the municipal share of the other homes at re-letting."""
    for share_from, municipal in FIGUR12:
        if cheap_share >= share_from:
            return municipal
    raise ValueError("cheap share must be 0 or more")


def new_build_allocation(
    taken_into_use: date, on: date, cheap_share: Decimal, first_letting: bool
) -> dict[str, object]:
    """Afsnit 11 figur 11: the municipal share of cheap homes and of other homes on ``on``."""
    years = parameter("newbuild.period_years").at(on).value
    assert isinstance(years, int)
    end = add_years(taken_into_use, years)
    if on >= end:
        return {"period": "stair", "cheap_homes": None, "other_homes": None, "until": None}
    if first_letting:
        return {
            "period": "first_letting",
            "cheap_homes": Fraction(1),
            "other_homes": Fraction(0),
            "until": end,
        }
    return {
        "period": "re_letting",
        "cheap_homes": Fraction(1),
        "other_homes": figur12_share(cheap_share),
        "until": end,
    }
