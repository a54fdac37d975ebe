"""Section data people have, turned into what the stairs need (Bilag 17; afsnit 6.1.5, 6.2.1, 6.2.2).

- ``allocated_share``: the share of allocated households counts only the family homes: allocated
  family homes over all family homes of the section; youth and elderly homes are left out (Bilag 17,
  «Beregning af andelen af anviste»).
- ``needs_pooling``: socio-economic data can be drawn only for sections with at least 50 homes and 100
  residents (``pooling.min_homes``, ``pooling.min_residents``); smaller sections are pooled with others
  of the same organisation and local committee area (or across organisations), and the pool's key
  figures place the section (Bilag 17, «Små afdelinger puljes»). Reading R-53: the text says both
  «mindst 50 boliger og 100 beboere» and «færre end 50 boliger og 100 beboere»; we follow the first
  sentence, so a section short of either is pooled.
- ``exempt_next_year``: a section that in a calendar year had more than every third vacant home
  allocated is exempt the following year from homes for urban-renewal rehousing (afsnit 6.2.2;
  ``stairs.exempt.every_nth``). Exactly one in three is not more than one in three.
- ``safeguard_trin1``: the special safeguard on section stair step 1 (afsnit 6.2.1): in sections that in
  2019–23 realised allocation in all homes made available and where the parties' calculation shows
  allocation in at least three homes in the first year, the fourth municipal home of the wheel may be
  let from the waiting list once allocation was realised for the first three (``stairs.safeguard.
  min_first_year``).
- ``keeps_previous_letting``: an area no longer designated keeps its previous letting until the
  section's own figures are ready and a revised letting can take effect (afsnit 6.1.5).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from udlejning.coverage import covers
from udlejning.parameters import integer_at

COVERS = covers(
    "Afdelingens egne tal: andel anviste af antal, puljning, fritagelse og særlig sikring",
    "The section's own figures: allocated share from counts, pooling, exemption and the safeguard",
    "Bilag 17",
    "afsnit 6.1.5",
    "afsnit 6.2.1",
    "afsnit 6.2.2",
)

REF_SHARE = "Bilag 17 (beregning af andelen af anviste)"
REF_POOLING = "Bilag 17 (små afdelinger puljes, læsning R-53)"
REF_EXEMPT = "afsnit 6.2.2"
REF_SAFEGUARD = "afsnit 6.2.1"
REF_PREVIOUS = "afsnit 6.1.5"


def allocated_share(allocated_family_homes: int, family_homes: int) -> Decimal:
    """Bilag 17: the share (%) of a section's family homes lived in by allocated households."""
    if family_homes <= 0 or not 0 <= allocated_family_homes <= family_homes:
        raise ValueError("need 0 <= allocated <= family homes and family homes > 0")
    return Decimal(allocated_family_homes) * 100 / Decimal(family_homes)


def needs_pooling(homes: int, residents: int, on: date) -> bool:
    """Bilag 17 (Reading R-53): True when the section is too small to have its own key figures."""
    return homes < integer_at("pooling.min_homes", on) or residents < integer_at(
        "pooling.min_residents", on
    )


def exempt_next_year(vacant_homes: int, allocated_homes: int, on: date) -> bool:
    """Afsnit 6.2.2: more than every third vacant home allocated in the calendar year."""
    return allocated_homes * integer_at("stairs.exempt.every_nth", on) > vacant_homes


def safeguard_trin1(
    all_realised_2019_2023: bool, expected_first_year: int, realised_before: int, on: date
) -> str:
    """Afsnit 6.2.1: ``not_covered`` (the safeguard does not apply to the section),
    ``waiting_list_allowed`` (the next municipal home may go to the waiting list) or ``not_yet``
    (fewer than three municipal homes realised so far)."""
    least = integer_at("stairs.safeguard.min_first_year", on)
    if not all_realised_2019_2023 or expected_first_year < least:
        return "not_covered"
    return "waiting_list_allowed" if realised_before >= least else "not_yet"
