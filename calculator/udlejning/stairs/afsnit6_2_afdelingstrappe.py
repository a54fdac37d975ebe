"""Afsnit 6.2 (figur 4–5) and 6.2.1–6.2.4: placing a section on the section stair (afdelingstrappen).

The need level (Bilag 17, see ``bilag17_risk_zone``) is crossed with the share of the section's family homes
lived in by municipally allocated households (figur 5):

==================  =====  ======  ====
allocated share      high  medium  low
==================  =====  ======  ====
25 % or more (≥)      4      3      1
20 – 24.9 %           3      2      1
under 20 %            2      1      1
==================  =====  ======  ====

Reading R-27: figur 5 says "≥ 25 %", afsnit 6.2.3 and 6.2.4 say "over 25 %", and figur 5's middle row
reads "< 20-24,9 %". We follow figur 5 and use half-open bands: [0, 20), [20, 25), [25, 100], so 24.99 %
is in the middle band and exactly 25 % in the high band.
"""

from __future__ import annotations

from decimal import Decimal

from udlejning.coverage import covers
from udlejning.model import Reason, Text
from udlejning.stairs.bilag17_risk_zone import NEED_TEXT, Limits
from udlejning.texts import both, number, percent

COVERS = covers(
    "Afdelingstrappen (figur 5)",
    "The section stair (figure 5)",
    "afsnit 6.2",
    "afsnit 6.2.1",
    "afsnit 6.2.2",
    "afsnit 6.2.3",
    "afsnit 6.2.4",
    "Bilag 4, III.2",
)

REF_MATRIX = "afsnit 6.2 figur 5"
BANDS = ("high", "middle", "low")


def band_text(band: str, limits: Limits) -> Text:
    """Figur 5's row as words, from the two limits (Reading R-27: half-open bands)."""
    high = limits.dec("stairs.allocated_share.high_from")
    middle = limits.dec("stairs.allocated_share.middle_from")
    h, m = (
        Text(number(high, "da"), number(high, "en")),
        Text(number(middle, "da"), number(middle, "en")),
    )
    if band == "high":
        return Text(f"{h.da} % eller mere", f"{h.en} % or more")
    if band == "middle":
        return Text(f"fra {m.da} % til under {h.da} %", f"from {m.en} % to under {h.en} %")
    return Text(f"under {m.da} %", f"under {m.en} %")


# afsnit 6.2 figur 5; the step's own section in the text confirms each cell.
MATRIX: dict[tuple[str, str], tuple[int, str]] = {
    ("high", "high"): (4, "afsnit 6.2 figur 5; afsnit 6.2.4"),
    ("high", "medium"): (3, "afsnit 6.2 figur 5; afsnit 6.2.3"),
    ("high", "low"): (1, "afsnit 6.2 figur 5; afsnit 6.2.1"),
    ("middle", "high"): (3, "afsnit 6.2 figur 5; afsnit 6.2.3"),
    ("middle", "medium"): (2, "afsnit 6.2 figur 5; afsnit 6.2.2"),
    ("middle", "low"): (1, "afsnit 6.2 figur 5; afsnit 6.2.1"),
    ("low", "high"): (2, "afsnit 6.2 figur 5; afsnit 6.2.2"),
    ("low", "medium"): (1, "afsnit 6.2 figur 5; afsnit 6.2.1"),
    ("low", "low"): (1, "afsnit 6.2 figur 5; afsnit 6.2.1"),
}


def allocation_band(share: Decimal, limits: Limits) -> str:
    """Figur 5's rows, half-open (Reading R-27)."""
    if share >= limits.dec("stairs.allocated_share.high_from"):
        return "high"
    if share >= limits.dec("stairs.allocated_share.middle_from"):
        return "middle"
    return "low"


def afdelingstrappe_trin(
    need: str | None, allocated_share: Decimal | None, limits: Limits
) -> tuple[int | None, list[Reason]]:
    """The trin 1–4 from the need level and the allocated share, or None when a missing fact decides it."""
    if need is None:
        return None, [
            Reason(
                Text(
                    "Trinnet kan ikke afgøres, før behovet (nøgletallene) kendes.",
                    "The step cannot be decided until the need (the key figures) is known.",
                ),
                REF_MATRIX,
            )
        ]
    if need == "low":
        return 1, [
            Reason(
                Text(
                    "Med lavt behov er afdelingen på trin 1, uanset andelen af anviste husstande.",
                    "With a low need the section is on step 1, whatever the share of allocated households.",
                ),
                MATRIX[("low", "low")][1],
            )
        ]
    if allocated_share is None:
        options = sorted({MATRIX[(band, need)][0] for band in BANDS})
        return None, [
            Reason(
                Text(
                    f"Med {NEED_TEXT[need].da} behov afhænger trinnet ({', '.join(map(str, options))}) af andelen af kommunalt anviste husstande, som mangler.",
                    f"With a {NEED_TEXT[need].en} need the step ({', '.join(map(str, options))}) depends on the share of municipally allocated households, which is missing.",
                ),
                REF_MATRIX,
            )
        ]
    band = allocation_band(allocated_share, limits)
    trin, reference = MATRIX[(band, need)]
    words = band_text(band, limits)
    share = both(percent, allocated_share)
    return trin, [
        Reason(
            Text(
                f"{share.da} af familieboligerne bebos af kommunalt anviste husstande ({words.da}). Med {NEED_TEXT[need].da} behov giver det trin {trin}.",
                f"{share.en} of the family homes are lived in by municipally allocated households ({words.en}). With a {NEED_TEXT[need].en} need that gives step {trin}.",
            ),
            reference,
        )
    ]
