"""Afsnit 9: phasing out særboliger (2007 agreement) and shared homes for vulnerable young people.

The start depends on the section's step on the section stair at the start of this agreement (kept even if
the section later changes step): trin 4 from 1 January 2024, trin 2 and 3 from 1 January 2026, trin 1 from
1 January 2028 at the earliest, graded by the share of allocated homes at the start:
30 % or more → 2028, 25–29.9 % → 2030, 20–24.9 % → 2032, 0–19.9 % → 2034.
Reading R-32: afsnit 6.2.1 says trin 1 phases out "med virkning fra 1. januar 2028"; afsnit 9 grades
trin 1 by allocated share. We follow afsnit 9 (the more detailed rule), with half-open bands.
As compensation, trin 2–4 give the municipality an extra 1/18 until 31 December 2027 (see the wheels).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from udlejning.coverage import covers

COVERS = covers(
    "Udfasning af særboliger og deleboliger",
    "Phasing out special homes and shared homes",
    "afsnit 9",
    "afsnit 6.2.1",
)

FIXED = {4: date(2024, 1, 1), 3: date(2026, 1, 1), 2: date(2026, 1, 1)}
TRIN1_BANDS = (  # (share from, start) in falling order; afsnit 9, trin 1
    (Decimal(30), date(2028, 1, 1)),
    (Decimal(25), date(2030, 1, 1)),
    (Decimal(20), date(2032, 1, 1)),
    (Decimal(0), date(2034, 1, 1)),
)
REFERENCE = "afsnit 9; afsnit 6.2.1–6.2.4"


def phase_out_start(
    trin_at_start: int, allocated_share_at_start: Decimal | None = None
) -> date | None:
    """Afsnit 9: the day the phase-out starts, or None when trin 1's share is needed and missing."""
    if trin_at_start in FIXED:
        return FIXED[trin_at_start]
    if trin_at_start != 1:
        raise ValueError("trin must be 1–4")
    if allocated_share_at_start is None:
        return None
    for share_from, start in TRIN1_BANDS:
        if allocated_share_at_start >= share_from:
            return start
    raise ValueError("allocated share must be 0 or more")


def phased_out(
    trin_at_start: int, on: date, allocated_share_at_start: Decimal | None = None
) -> bool | None:
    """Has the phase-out begun on ``on`` (so a vacated home joins the ordinary wheel)?"""
    start = phase_out_start(trin_at_start, allocated_share_at_start)
    return None if start is None else on >= start


def may_move_to(
    target_trin_at_start: int, on: date, target_share_at_start: Decimal | None = None
) -> bool | None:
    """Afsnit 9: a særbolig may be moved (by agreement between the housing organisation and the Social
    Services Administration) but not to a section where særboliger are phased out, i.e. where the
    phase-out has started on ``on``. None when the target section's share is needed and missing."""
    started = phased_out(target_trin_at_start, on, target_share_at_start)
    return None if started is None else not started
