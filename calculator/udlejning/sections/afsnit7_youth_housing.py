"""Afsnit 7 and 8.2 (with Bilag 7): youth homes (ungdomsboliger) and municipal allocation to them.

- 7.1: sections made up only or mainly of youth homes make 2 of every 9 vacant homes available for young
  people allocated by the municipality (``youth.primarily_youth.homes`` / ``.of_vacant``).
- 7.2: corridor halls (gangkollegier) and other youth homes with a shared kitchen and/or bath: the
  municipality may allocate one young tenant per shared kitchen (``youth.corridor.per_shared_kitchen``),
  unless the organisation and the municipality agree a higher number after a concrete assessment.
- 7.3: sections with a few youth homes follow the family homes' stair step (the wheel's municipal share).
- 8.2: the target group is single people from 18 to about 30 who are in education, whom the
  municipality judges to have an education perspective, or who have a plan to start one. Bilag 7: as a
  starting point the municipality allocates only young people under 30. Reading R-50: «ca. 30 år» is
  read with Bilag 7 as under 30 as a starting point; a person of 30 or more is outside the starting
  point, not barred, because the law sets no age limit (Bilag 7).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from udlejning.coverage import covers
from udlejning.model import Text
from udlejning.parameters import agreement, integer_at
from udlejning.wheels import wheel

COVERS = covers(
    "Ungdomsboliger: kommunens andel, loftet på gangkollegier og målgruppen",
    "Youth homes: the municipal share, the cap on corridor halls and the target group",
    "afsnit 7",
    "afsnit 7.1",
    "afsnit 7.2",
    "afsnit 7.3",
    "afsnit 8.2",
    "Bilag 7",
)

REF_71 = "afsnit 7.1"
REF_72 = "afsnit 7.2"
REF_73 = "afsnit 7.3"
REF_TARGET = "afsnit 8.2; Bilag 7 (læsning R-50)"
EDUCATION = {
    "in_education": Text("er i gang med en uddannelse", "is in education"),
    "perspective": Text(
        "har efter kommunens vurdering et uddannelsesperspektiv",
        "has, in the municipality's judgement, an education perspective",
    ),
    "plan": Text("har en plan om at starte på en uddannelse", "has a plan to start an education"),
    "none": Text("ingen af delene", "none of these"),
}
TARGET_VERDICTS = (
    "in_target_group",
    "outside_starting_point",
    "not_in_target_group",
    "cannot_tell",
)


def municipal_share_primarily_youth(on: date | None = None) -> Fraction:
    """Afsnit 7.1: the share of vacant homes for the municipality (2/9)."""
    on = on or agreement().first_day
    return Fraction(
        integer_at("youth.primarily_youth.homes", on),
        integer_at("youth.primarily_youth.of_vacant", on),
    )


def gangkollegium_cap(
    shared_kitchens: int, agreed_higher: int | None = None, on: date | None = None
) -> int:
    """Afsnit 7.2: one allocated young tenant per shared kitchen, or a higher number agreed locally."""
    if shared_kitchens < 0:
        raise ValueError("shared_kitchens must be 0 or more")
    on = on or agreement().first_day
    base = shared_kitchens * integer_at("youth.corridor.per_shared_kitchen", on)
    return max(base, agreed_higher) if agreed_higher is not None else base


def municipal_share_few_youth_homes(stair: str, trin: int, on: date) -> Fraction:
    """Afsnit 7.3: as for the family homes of the section, i.e. the wheel's municipal share."""
    return wheel(stair, trin).at(on).category_shares()["municipal"]


def target_group(
    on: date, age: int | None, single: bool | None, education: str | None
) -> tuple[str, list[tuple[Text, str]]]:
    """Afsnit 8.2 with Bilag 7: is a young person in the municipality's target group for a youth
    home? Returns a verdict of ``TARGET_VERDICTS`` and the reasons (text, reference); texts hold
    ``{{parameter}}`` placeholders."""
    reasons: list[tuple[Text, str]] = []
    verdicts: list[str] = []

    def found(verdict: str | None, da: str, en: str, reference: str) -> None:
        if verdict:
            verdicts.append(verdict)
        reasons.append((Text(da, en), reference))

    low, high = integer_at("youth.target.age_from", on), integer_at("youth.target.age_below", on)
    if age is None:
        found("cannot_tell", "Alderen mangler.", "The age is missing.", REF_TARGET)
    elif age < low:
        found(
            "not_in_target_group",
            "Målgruppen er unge fra {{youth.target.age_from}} år.",
            "The target group is young people from {{youth.target.age_from}}.",
            "afsnit 8.2",
        )
    elif age >= high:
        found(
            "outside_starting_point",
            "Som udgangspunkt anviser kommunen kun unge under {{youth.target.age_below}} år. Loven sætter ingen aldersgrænse, så kommunen kan vurdere andet.",
            "As a starting point the municipality allocates only young people under {{youth.target.age_below}}. The law sets no age limit, so the municipality may judge otherwise.",
            REF_TARGET,
        )
    if single is None:
        found(
            "cannot_tell",
            "Det er ikke oplyst, om den unge er enlig.",
            "It is not given whether the young person is single.",
            "afsnit 8.2",
        )
    elif not single:
        found(
            "not_in_target_group",
            "Målgruppen er enlige unge.",
            "The target group is single young people.",
            "afsnit 8.2",
        )
    if education is None:
        found(
            "cannot_tell",
            "Det er ikke oplyst, hvordan den unge står i forhold til uddannelse.",
            "The young person's education situation is not given.",
            "afsnit 8.2",
        )
    elif education == "none":
        found(
            "not_in_target_group",
            "Den unge skal være i gang med en uddannelse, have et uddannelsesperspektiv eller have en plan om at starte.",
            "The young person must be in education, have an education perspective or have a plan to start one.",
            "afsnit 8.2",
        )
    else:
        found(
            None,
            f"Den unge {EDUCATION[education].da}.",
            f"The young person {EDUCATION[education].en}.",
            "afsnit 8.2",
        )
    for verdict in ("not_in_target_group", "cannot_tell", "outside_starting_point"):
        if verdict in verdicts:
            return verdict, reasons
    return "in_target_group", reasons
