"""Bilag 14: the short-notice vacancy-rent date (Reading R-40)."""

from __future__ import annotations

from datetime import date

import pytest

from udlejning.sections.bilag14_deadlines import short_notice_vacancy_rent_from


@pytest.mark.parametrize(
    "received, owes_from",
    [
        (date(2026, 3, 2), date(2026, 4, 1)),  # received the 2nd
        (date(2026, 3, 16), date(2026, 4, 15)),  # received the 16th
        (date(2026, 12, 16), date(2027, 1, 15)),  # across a year end
        (date(2026, 1, 31), date(2026, 2, 27)),  # no 31 February: clipped to 28th, minus one day
        (date(2024, 1, 31), date(2024, 2, 28)),  # leap year: clipped to 29th, minus one day
    ],
)
def test_bilag14_short_notice_vacancy_rent_from(received: date, owes_from: date) -> None:
    assert short_notice_vacancy_rent_from(received) == owes_from
