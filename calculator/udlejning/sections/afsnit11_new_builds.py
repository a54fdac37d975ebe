"""Afsnit 11 (figur 11–12): municipal allocation in new builds taken into use in 2024–2027.

- First letting: 100 % municipal allocation of the especially cheap homes; none of the other homes.
- Re-letting in the first four years from first use: 100 % of the cheap homes; of the other homes a share
  graded by the share of cheap homes (figur 12) when that is under 20 %.
- From four years after first use: the wheel of the section's stair step (a new build starts on trin 1).

Reading R-33: figur 12's bands ("under 10 %", "mellem 10 og 15 %", "mellem 15 og 20 %", "over 20 %") are
read half-open: [0, 10) → 3/9, [10, 15) → 2/9, [15, 20) → 1/9, 20 % or more → 0/9. Figur 11's text
"mellem 1/9 og 1/3" does not cover 0/9; we follow the table.

Also afsnit 11: the transitional rule (``older_arrangement``: agreements already made for homes taken
into use before 2024 run on while their four years from first use last) and homes with 100 %
allocation (``full_allocation``).
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


# --- Afsnit 11: the transitional rule and homes with 100 % allocation ------------------------------

REF_TRANSITION = "afsnit 11 (overgangsbestemmelse)"
REF_FULL = "afsnit 11 (boliger med 100 % anvisningsret)"
# Homes that keep (or get) 100 % municipal allocation (afsnit 11), and until when.
FULL_ALLOCATION = ("social_services_financed", "special_state_support", "mixed_city_fund")


def older_arrangement(taken_into_use: date, on: date) -> str:
    """Afsnit 11, transitional rule, for homes taken into use before the agreement's first day:
    ``transitional`` when an agreement already made on full allocation (and reduced allocation for
    the other homes) runs on because its four years from first use reach into this period and have
    not ended on ``on``; ``stair`` when they have ended (the section's wheel applies)."""
    from udlejning.parameters import agreement

    years = parameter("newbuild.period_years").at(agreement().first_day).value
    assert isinstance(years, int)
    end = add_years(taken_into_use, years)
    return "transitional" if on < end and end > agreement().first_day else "stair"


def older_arrangement_end(taken_into_use: date) -> date:
    """Afsnit 11: the end (exclusive) of the four years from first use."""
    from udlejning.parameters import agreement

    years = parameter("newbuild.period_years").at(agreement().first_day).value
    assert isinstance(years, int)
    return add_years(taken_into_use, years)


def full_allocation(kind: str, taken_into_use: date | None) -> str:
    """Afsnit 11: ``full`` (100 % municipal allocation) or ``not_full`` for a kind of home of
    ``FULL_ALLOCATION``. Homes financed by the Social Services Administration for special groups, and
    family homes built with special state support for pressing social housing needs, keep 100 % until
    the term is waived or the need ends; especially cheap homes with a grant from Fonden for blandede
    byer are fully allocated when taken into use in the agreement's period."""
    from udlejning.parameters import agreement

    if kind == "mixed_city_fund":
        if taken_into_use is None:
            return "cannot_tell"
        return "full" if agreement().covers(taken_into_use) else "not_full"
    return "full"
