"""Afsnit 7, 8.4, 9, 11 (figur 11–12), Bilag 4 IV/V/VIII, Bilag 5 and Bilag 14."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from udlejning.sections import (
    afsnit7_youth_housing as youth,
)
from udlejning.sections import (
    afsnit8_4_adapted_homes as adapted,
)
from udlejning.sections import (
    afsnit9_saerboliger as saer,
)
from udlejning.sections import (
    afsnit11_new_builds as newbuild,
)
from udlejning.sections import (
    bilag4_iv_c_homes as c_homes,
)
from udlejning.sections import (
    bilag4_v_intern_oprykning as intern,
)
from udlejning.sections import (
    bilag4_viii_almenbolig_plus as abplus,
)
from udlejning.sections import (
    bilag5_limits,
)
from udlejning.sections import (
    bilag14_deadlines as deadlines,
)


def test_afsnit7_youth_housing() -> None:
    """Afsnit 7.1–7.3."""
    assert youth.municipal_share_primarily_youth() == Fraction(2, 9)
    assert youth.gangkollegium_cap(3) == 3
    assert youth.gangkollegium_cap(3, agreed_higher=5) == 5
    assert youth.municipal_share_few_youth_homes(
        "afdelingstrappe", 4, date(2025, 1, 1)
    ) == Fraction(3, 18)


@pytest.mark.parametrize(
    ("adapted_on", "amount", "expected"),
    [
        (date(2019, 7, 1), "50000", False),
        (date(2019, 7, 2), "50000", True),
        (date(2020, 1, 1), "35000", False),
        (date(2020, 1, 1), "35000.01", True),
    ],
)
def test_afsnit8_4_adapted_homes_reading_r31(adapted_on: date, amount: str, expected: bool) -> None:
    """Afsnit 8.4: adapted after 1 July 2019 for more than DKK 35,000."""
    assert (
        adapted.must_offer_to_municipality(adapted_on, Decimal(amount), date(2025, 1, 1))
        is expected
    )


@pytest.mark.parametrize(
    ("trin", "share", "start"),
    [
        (4, None, date(2024, 1, 1)),
        (3, None, date(2026, 1, 1)),
        (2, None, date(2026, 1, 1)),
        (1, "30", date(2028, 1, 1)),
        (1, "29.99", date(2030, 1, 1)),
        (1, "25", date(2030, 1, 1)),
        (1, "24.99", date(2032, 1, 1)),
        (1, "20", date(2032, 1, 1)),
        (1, "19.99", date(2034, 1, 1)),
        (1, "0", date(2034, 1, 1)),
        (1, None, None),
    ],
)
def test_afsnit9_phase_out_starts_reading_r32(
    trin: int, share: str | None, start: date | None
) -> None:
    """Afsnit 9: phase-out by the step at the agreement's start; trin 1 graded by allocated share."""
    value = None if share is None else Decimal(share)
    assert saer.phase_out_start(trin, value) == start
    if start is not None:
        assert saer.phased_out(trin, start, value) is True
        assert saer.phased_out(trin, date.fromordinal(start.toordinal() - 1), value) is False


@pytest.mark.parametrize(
    ("cheap", "share"),
    [("0", 3), ("9.99", 3), ("10", 2), ("14.99", 2), ("15", 1), ("19.99", 1), ("20", 0), ("35", 0)],
)
def test_afsnit11_figur12_band_edges_reading_r33(cheap: str, share: int) -> None:
    """Afsnit 11 figur 12: half-open bands."""
    assert newbuild.figur12_share(Decimal(cheap)) == Fraction(share, 9)


def test_afsnit11_figur11_four_years() -> None:
    """Afsnit 11 figur 11: first letting, re-letting for four years, then the stair's wheel."""
    start = date(2024, 5, 1)
    first = newbuild.new_build_allocation(start, start, Decimal("5"), first_letting=True)
    assert (first["cheap_homes"], first["other_homes"]) == (1, 0)
    again = newbuild.new_build_allocation(
        start, date(2028, 4, 30), Decimal("12"), first_letting=False
    )
    assert again["other_homes"] == Fraction(2, 9) and again["until"] == date(2028, 5, 1)
    assert (
        newbuild.new_build_allocation(start, date(2028, 5, 1), Decimal("12"), False)["period"]
        == "stair"
    )


def test_bilag4_iv_c_homes_reading_r34() -> None:
    """Bilag 4, IV: up to 5 % of the family homes, rounded down."""
    assert c_homes.max_c_homes(19, date(2025, 1, 1)) == 0
    assert c_homes.max_c_homes(20, date(2025, 1, 1)) == 1
    assert c_homes.max_c_homes(399, date(2025, 1, 1)) == 19


def test_bilag4_v_intern_oprykning() -> None:
    """Bilag 4, V; afsnit 6.1.2–6.1.3 and 6.2.1–6.2.4."""
    assert intern.internal_move("omraadetrappe", 1, False, False)[0] == "must"
    assert intern.internal_move("omraadetrappe", 2, False, True)[0] == "organisation_may_decide"
    assert intern.internal_move("afdelingstrappe", 2, False, False)[0] == "organisation_may_decide"
    assert intern.internal_move("afdelingstrappe", 3, False, False)[0] == "must"
    assert intern.internal_move("afdelingstrappe", 4, True, True)[0] == "organisation_may_decide"
    assert intern.suspension_expected("afdelingstrappe", 3)
    assert not intern.suspension_expected("afdelingstrappe", 2)


def test_bilag4_viii_almenbolig_plus() -> None:
    """Bilag 4, VIII: criteria 1–3 at most half each; 1/3 to the municipality."""
    assert abplus.max_homes(1, 21) == 10
    assert abplus.max_homes(4, 21) is None
    assert abplus.MUNICIPAL_SHARE == Fraction(1, 3)


def test_bilag5_rows_are_honest_about_the_lost_columns() -> None:
    """Bilag 5: only the benefits row shows both columns (Reading R-35)."""
    kinds = {row["id"]: row["applies_to"] for row in bilag5_limits.ROWS}
    assert kinds["benefits_udsat"] == "udsat"
    assert kinds["benefits_forebyggelse"] == "forebyggelse"
    assert kinds["citizenship"] == "unclear"
    row = next(r for r in bilag5_limits.ROWS if r["id"] == "citizenship")
    assert bilag5_limits.scope(row) == "both"  # printed once across both columns
    assert bilag5_limits.scope(row, alternative=True) == "unclear"


def test_bilag14_deadlines_reading_r36() -> None:
    """Bilag 14: one calendar month; 14 days; five working days; three months."""
    assert deadlines.municipality_moving_in_deadline(date(2025, 1, 16)) == date(2025, 2, 15)
    assert deadlines.municipality_moving_in_deadline(date(2025, 1, 17)) == date(2025, 2, 17)
    assert deadlines.municipality_moving_in_deadline(date(2025, 1, 31)) == date(2025, 2, 28)
    assert deadlines.organisation_earliest_moving_in(date(2025, 3, 1)) == date(2025, 3, 15)
    # Thursday 2 January 2025 + 5 working days = Thursday 9 January.
    assert deadlines.return_without_vacancy_rent_until(date(2025, 1, 2)) == date(2025, 1, 9)
    assert deadlines.return_without_vacancy_rent_until(
        date(2025, 1, 2), [date(2025, 1, 6)]
    ) == date(2025, 1, 10)
    assert deadlines.vacancy_rent_liability_end(date(2025, 11, 30)) == date(2026, 2, 28)
