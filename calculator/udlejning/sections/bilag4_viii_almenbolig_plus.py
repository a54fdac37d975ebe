"""Bilag 4, VIII: the letting model for AlmenBolig+ (also afsnit 5.2.5).

Criteria 1–3 rank equally (another order may be agreed), each for at most half of the homes; criterion 4
applies only if not all homes can be let by 1–3. The employment rules of Bilag 4, IV apply. As for other
family and youth homes, 1/3 of vacant homes go to the municipality's social allocation.
"""

from __future__ import annotations

from fractions import Fraction

from udlejning.coverage import covers
from udlejning.model import Text

COVERS = covers(
    "AlmenBolig+",
    "AlmenBolig+",
    "Bilag 4, VIII",
    "afsnit 5.2.5",
)

CRITERIA = (
    (
        1,
        Text(
            "Børnefamilier i arbejde, der vil bo med høj egenindsats",
            "Families with children in work who want to live with a high own effort",
        ),
        Fraction(1, 2),
    ),
    (
        2,
        Text(
            "Boligsøgende uden hjemmeboende børn, i arbejde, der vil bo med høj egenindsats",
            "Applicants without children at home, in work, who want to live with a high own effort",
        ),
        Fraction(1, 2),
    ),
    (
        3,
        Text(
            "Boligsøgende med erfaring i vedligeholdelse af bygninger, også seniorer",
            "Applicants with experience of maintaining buildings, including seniors",
        ),
        Fraction(1, 2),
    ),
    (
        4,
        Text(
            "Boligsøgende, der vil bo med høj egenindsats (kun hvis 1–3 ikke fylder boligerne)",
            "Applicants who want to live with a high own effort (only if 1–3 do not fill the homes)",
        ),
        None,
    ),
)
MUNICIPAL_SHARE = Fraction(1, 3)
REFERENCE = "Bilag 4, VIII; afsnit 5.2.5"


def max_homes(criterion: int, homes: int) -> int | None:
    """Bilag 4, VIII: the most homes let under criterion 1–3 (half, rounded down); None for 4 (no cap)."""
    for number, _text, cap in CRITERIA:
        if number == criterion:
            return None if cap is None else int(cap * homes)
    raise ValueError("criterion must be 1–4")
