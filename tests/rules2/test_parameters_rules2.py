"""Bilag 17 figur 1, afsnit 6.2 figur 5, afsnit 11, 8.4, Bilag 14: the dated parameters of Rules II."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from udlejning.parameters import all_parameters, parameter

PREFIXES = (
    "riskzone.",
    "udsat.",
    "forebyggelse.",
    "stairs.",
    "omraade.",
    "newbuild.",
    "adapted_home.",
    "deadline.",
)
MINE = sorted(n for n in all_parameters() if n.startswith(PREFIXES))
MONTHS = [date(y, m, 1) for y in range(2024, 2028) for m in range(1, 13)]


def test_rules2_parameters_exist() -> None:
    assert len(MINE) >= 20


@pytest.mark.parametrize("name", MINE)
def test_date_coverage_every_month_2024_2027(name: str) -> None:
    """Every month 2024-01..2027-12 has exactly one value in force (no gap, no overlap; half-open)."""
    p = parameter(name)
    for on in MONTHS:
        covering = [
            v
            for i, v in enumerate(p.values)
            if v.start <= on and (i + 1 == len(p.values) or on < p.values[i + 1].start)
        ]
        assert len(covering) == 1, (name, on)
        assert p.at(on).value == covering[0].value


@pytest.mark.parametrize("name", MINE)
def test_every_parameter_cites_its_section(name: str) -> None:
    assert any(w in parameter(name).reference for w in ("afsnit", "Bilag"))


def _at(name: str) -> Decimal:
    return Decimal(parameter(name).at(date(2024, 1, 1)).value)


def test_risk_zone_values_follow_the_rule_of_bilag4_iii1() -> None:
    """Bilag 4, III.1 / Bilag 17: 5 percentage points for unemployment, 5 % of the value for the rest.
    Figur 1 rounds to the printed decimals."""
    points = _at("riskzone.unemployment_points")
    rel = _at("riskzone.relative_distance") / 100
    assert _at("riskzone.unemployment.threshold") == _at("udsat.unemployment.threshold") - points
    assert _at("riskzone.education.threshold") == _at("udsat.education.threshold") * (1 - rel)
    assert abs(
        _at("riskzone.convictions.threshold") - _at("udsat.convictions.threshold") * (1 - rel)
    ) < Decimal("0.01")
    assert abs(
        _at("riskzone.income.threshold") - _at("udsat.income.threshold") * (1 + rel)
    ) < Decimal("0.1")


def test_yearly_limits_are_flagged_after_a_year() -> None:
    """Bilag 17 figur 1 notes 1)–3): convictions and income limits are set every year."""
    pv = parameter("riskzone.convictions.threshold").at(date(2024, 3, 1))
    assert pv.effective_from == date(2022, 12, 1)
    assert not pv.is_known_on(date(2024, 3, 1))
    assert pv.is_known_on(date(2023, 11, 30))
