"""Dated parameters: strict files, values by date, coverage of the agreement period (half-open)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from udlejning.catalogue import catalogue
from udlejning.parameters import (
    ParameterError,
    add_months,
    add_years,
    agreement,
    all_parameters,
    parse_parameter,
)

GOOD = {
    "type": "money",
    "unit": "kr",
    "reference": "Bilag 4, IV.2 nr. 4",
    "description": {"da": "x", "en": "x"},
    "values": [{"from": date(2024, 1, 1), "value": "1.00"}],
}


def months_of_agreement() -> list[date]:
    out, day = [], agreement().first_day
    while agreement().covers(day):
        out.append(day)
        day = add_months(day, 1)
    return out


def test_agreement_period_is_2024_to_2027() -> None:
    months = months_of_agreement()
    assert months[0] == date(2024, 1, 1) and months[-1] == date(2027, 12, 1) and len(months) == 48
    assert agreement().covers(date(2027, 12, 31)) and not agreement().covers(date(2028, 1, 1))
    assert not agreement().covers(date(2023, 12, 31))


@pytest.mark.parametrize("name", sorted(all_parameters()))
def test_every_parameter_has_exactly_one_value_every_month(name: str) -> None:
    """Catala-style date coverage: no gap and no overlap for any month of 2024–2027."""
    p = all_parameters()[name]
    starts = [v.start for v in p.values]
    assert starts == sorted(set(starts)), "overlap or disorder"
    for month in months_of_agreement():
        holding = [v for v in p.values if v.start <= month]
        assert holding, f"gap on {month}"
        assert p.at(month).value == holding[-1].value


def test_money_is_decimal() -> None:
    amount = all_parameters()["skaerpede.income.monthly_amount"]
    assert amount.values[0].value == Decimal("22904.30")
    assert amount.values[0].start == date(2022, 12, 1)


def test_income_amount_known_for_twelve_months_only() -> None:
    """Reading R-01."""
    pv = all_parameters()["skaerpede.income.monthly_amount"].at(date(2023, 11, 30))
    assert pv.is_known_on(date(2023, 11, 30))
    assert not pv.is_known_on(date(2023, 12, 1))


@pytest.mark.parametrize(
    "change, message",
    [
        ({"surprise": 1}, "unknown keys"),
        ({"reference": ""}, "reference"),
        ({"type": "float"}, "type"),
        ({"values": []}, "at least one"),
        ({"values": [{"from": date(2024, 1, 1), "value": 1.5}]}, "strings"),
        (
            {
                "values": [
                    {"from": date(2025, 1, 1), "value": "1"},
                    {"from": date(2024, 1, 1), "value": "2"},
                ]
            },
            "increasing",
        ),
        ({"values": [{"from": "2024-01-01", "value": "1"}]}, "TOML date"),
        ({"values": [{"from": date(2024, 1, 1), "value": "1", "until": 3}]}, "exactly"),
    ],
)
def test_loader_is_strict(change: dict, message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        parse_parameter("x", {**GOOD, **change})


def test_value_before_first_date_is_an_error() -> None:
    with pytest.raises(ParameterError):
        all_parameters()["a1.min_hours_per_week"].at(date(2023, 12, 31))


def test_add_years_on_29_february() -> None:
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


def test_catalogue_texts_follow_the_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure in a rendered text comes from the parameter file, not from the text."""
    a1 = next(c for c in catalogue()["criteria"] if c["id"] == "A1")
    assert "mindst 25 timer" in a1["summary"]["da"]
    p = all_parameters()["a1.min_hours_per_week"]
    changed = type(p)(
        **{**p.__dict__, "values": (type(p.values[0])(p.values[0].start, Decimal(30)),)}
    )
    monkeypatch.setitem(all_parameters(), "a1.min_hours_per_week", changed)
    a1 = next(c for c in catalogue()["criteria"] if c["id"] == "A1")
    assert "mindst 30 timer" in a1["summary"]["da"] and "25 timer" not in a1["summary"]["da"]
