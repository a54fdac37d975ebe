"""Bilag 4, IV (introduction): up to 5 % of the family homes of each section may be set aside for the
disability criterion (C) on the external waiting list; applicants under C must also meet the flexible
criteria the section's wheel requires.
Reading R-34: "op til 5 %" gives a whole number of homes rounded down (5 % of 30 homes = 1 home).

``c1_on_accessible_home``: on a designated accessible home a household meeting C1 (and the wheel's
criteria) goes ahead of others with priority; a C-home the wheel gives to municipal allocation needs
no special need.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import Any

from udlejning.coverage import covers
from udlejning.parameters import parameter

COVERS = covers(
    "Boliger til C-kriteriet",
    "Homes for the C criterion",
    "Bilag 4, IV",
    "Bilag 4, IV.1 C.1",
    "afsnit 5.2.3",
)


def max_c_homes(family_homes: int, on: date) -> int:
    """Bilag 4, IV: the most family homes a section may set aside for the C criterion."""
    share = parameter("c1.max_share_of_family_homes").at(on).value
    assert isinstance(share, Decimal)
    return math.floor(Decimal(family_homes) * share / 100)


# --- C1 on a designated accessible home (Bilag 4, IV.1 C.1; afsnit 5.2.3) -------------------------

REF_C1_AHEAD = "afsnit 5.2.3; Bilag 4, IV.1 C.1"
REF_C1_MUNICIPAL = "Bilag 4, IV.1 C.1"
C1_STATES = ("ahead", "not_ahead", "cannot_tell")


def _text(da: str, en: str, reference: str) -> dict[str, str]:
    return {"da": da, "en": en, "reference": reference}


def c1_on_accessible_home(answer: dict[str, Any], use: str, c1: str) -> dict[str, Any]:
    """The answer for one wheel home (``afsnit6_priority``) when the home is a designated accessible
    home (tilgængelighedsbolig), given the household's C1 verdict (``met``/``not_met``/``cannot_tell``).

    - A household meeting C1 and whatever the home's use requires gets priority ahead of others who
      also meet it, even with more seniority (afsnit 5.2.3; Bilag 4, IV.1 C.1): ``c1 = "ahead"``. On
      a waiting-list home no flexible criterion is required, so C1 alone gives priority.
    - C1 does not lift the wheel's criteria: a household that does not meet them is ``not_ahead``.
    - A home the wheel gives to municipal allocation needs no special need for an accessible home
      (Bilag 4, IV.1 C.1): a note is added.
    """
    if use == "municipal":
        note = _text(
            "Boligen er en tilgængelighedsbolig, men går efter hjulet til kommunens anvisning. Så skal den anviste borger ikke have et særligt behov for en tilgængelighedsbolig.",
            "The home is an accessible home, but the wheel gives it to municipal allocation. The allocated citizen then need not have a particular need for an accessible home.",
            REF_C1_MUNICIPAL,
        )
        return {**answer, "reasons": [*answer["reasons"], note]}
    if c1 == "not_met" or answer["status"] in ("none", "depends"):
        return answer
    if c1 == "cannot_tell" or answer["status"] == "cannot_tell":
        note = _text(
            "Boligen er en tilgængelighedsbolig. Vi kan ikke afgøre, om husstanden går forud for andre efter C-kriteriet; se de manglende oplysninger.",
            "The home is an accessible home. We cannot tell whether the household goes ahead of others under the C criterion; see the missing facts.",
            REF_C1_AHEAD,
        )
        return {**answer, "c1": "cannot_tell", "reasons": [*answer["reasons"], note]}
    if use == "waiting_list" or answer["status"] == "priority":
        note = _text(
            "Boligen er en tilgængelighedsbolig, og husstanden opfylder C-kriteriet og det, boligen kræver. Den går forud for andre, der også opfylder det, selv om de har længere anciennitet.",
            "The home is an accessible home, and the household meets the C criterion and what the home requires. It goes ahead of others who also meet it, even if they have more seniority.",
            REF_C1_AHEAD,
        )
        rank = answer["rank"] or 1
        return {
            **answer,
            "status": "priority",
            "rank": rank,
            "c1": "ahead",
            "reasons": [*answer["reasons"], note],
        }
    note = _text(
        "Husstanden opfylder C-kriteriet, men ikke de fleksible kriterier, som hjulet kræver for boligen. C-kriteriet giver derfor ikke fortrinsret her.",
        "The household meets the C criterion, but not the flexible criteria the wheel requires for the home. The C criterion therefore gives no priority here.",
        REF_C1_AHEAD,
    )
    return {**answer, "c1": "not_ahead", "reasons": [*answer["reasons"], note]}
