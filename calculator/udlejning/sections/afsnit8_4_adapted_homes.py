"""Afsnit 8.4: homes adapted for a person with a physical disability.

A home adapted after 1 July 2019 for more than DKK 35,000 is offered to the municipality again when it
falls vacant, before the adaptation is removed. The housing organisation may then let the next vacant
home in the section that the wheel would have given to municipal allocation.
Reading R-31: "efter 1. juli 2019" means from 2 July 2019; "over 35.000 kr." means more than 35,000.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from udlejning.coverage import covers
from udlejning.parameters import parameter

COVERS = covers(
    "Boliger indrettet til fysisk handicap",
    "Homes adapted for a physical disability",
    "afsnit 8.4",
)

ADAPTED_AFTER = date(2019, 7, 1)  # afsnit 8.4 (exclusive, Reading R-31)


def must_offer_to_municipality(adapted_on: date, amount: Decimal, on: date) -> bool:
    """Afsnit 8.4: True when the adapted home must be offered to the municipality again."""
    minimum = parameter("adapted_home.min_amount").at(on).value
    assert isinstance(minimum, Decimal)
    return adapted_on > ADAPTED_AFTER and amount > minimum
