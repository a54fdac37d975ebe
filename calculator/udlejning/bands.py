"""Tables of bands read from a share: ``(from, value)`` pairs in falling order (figur 12 of afsnit 11,
the step-1 phase-out dates of afsnit 9). Each band is half-open, [from, the next band's from)
(Reading R-33), and is listed from the lowest up, marked where the given share falls."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

V = TypeVar("V")


def band_rows(
    bands: Sequence[tuple[Decimal, V]],
    share: Decimal | None,
    key: str,
    show: Callable[[V], str],
    reference: str,
) -> list[dict[str, Any]]:
    """One row a band, lowest first: ``from``, ``below`` (None for the top band), ``key`` (the
    band's value, shown by ``show``), ``applies`` (``share`` falls in it) and ``reference``."""
    rows = []
    rising = list(reversed(bands))
    for i, (share_from, value) in enumerate(rising):
        below = rising[i + 1][0] if i + 1 < len(rising) else None
        applies = share is not None and share >= share_from and (below is None or share < below)
        rows.append(
            {
                "from": str(share_from),
                "below": None if below is None else str(below),
                key: show(value),
                "applies": applies,
                "reference": reference,
            }
        )
    return rows
