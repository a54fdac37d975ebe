"""Afsnit 8.5.2 and Bilag 11: tilskudsboliger — social family homes with a temporary state rent
subsidy (almenboligloven § 98 f).

- Which homes: the municipality picks them among the homes made available for municipal allocation,
  with a rent of 4,500–6,500 kr. a month excluding utilities (``tilskud.rent_from``/``rent_to``;
  Reading R-51: both ends included), and never in a section in a prevention area or a
  disadvantaged area (incl. parallel societies and transformation areas).
- The subsidy: 15,000 kr. a year at 2021 prices for the first four years (``tilskud.yearly_amount``,
  ``tilskud.full_years``), then tapered in equal parts over the following five years
  (``tilskud.taper_years``), nine years in all. Reading R-52: «nine years in all» means every one of
  the nine years gets a subsidy, so each taper year falls by 1/(taper years + 1) of the full amount
  (12,500, 10,000, 7,500, 5,000, 2,500 kr.).
- Moving out within the first two years from the first payment (``tilskud.reletting_years``): the
  home can as a starting point be let to another person who meets the conditions; after an eviction
  for breaking the house rules the organisation and the Social Services Administration decide
  together; moving out later, the home joins the section's ordinary letting wheel. The two years are
  half-open like B1's year (on the second anniversary the period has ended).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from udlejning.coverage import covers
from udlejning.parameters import add_years, parameter

COVERS = covers(
    "Tilskudsboliger: hvilke boliger, tilskuddet år for år og toårsreglen",
    "Subsidised homes: which homes, the subsidy year by year and the two-year rule",
    "afsnit 8.5",
    "Bilag 11",
)

REFERENCE = "afsnit 8.5.2; Bilag 11"
DESIGNATED = ("forebyggelse", "udsat")  # the state's designations that rule a home out


def _value(name: str, on: date) -> object:
    return parameter(name).at(on).value


def rent_in_band(rent: Decimal, on: date) -> bool:
    """Afsnit 8.5.2 (Reading R-51): the monthly rent excl. utilities lies in the band, ends included."""
    low, high = _value("tilskud.rent_from", on), _value("tilskud.rent_to", on)
    assert isinstance(low, Decimal) and isinstance(high, Decimal)
    return low <= rent <= high


def schedule(on: date) -> list[tuple[int, Decimal]]:
    """Afsnit 8.5.2 (Reading R-52): the subsidy for each year of the period, at 2021 prices."""
    amount = _value("tilskud.yearly_amount", on)
    full, taper = _value("tilskud.full_years", on), _value("tilskud.taper_years", on)
    assert isinstance(amount, Decimal) and isinstance(full, int) and isinstance(taper, int)
    rows = [(year, amount) for year in range(1, full + 1)]
    step = amount / (taper + 1)
    rows += [(full + i, amount - step * i) for i in range(1, taper + 1)]
    return rows


def reletting_until(first_paid: date) -> date:
    """Bilag 11: the end (exclusive) of the period in which a vacated home can be let again as a
    subsidised home."""
    years = _value("tilskud.reletting_years", first_paid)
    assert isinstance(years, int)
    return add_years(first_paid, years)


def after_moving_out(first_paid: date, moved_out: date, evicted_for_house_rules: bool) -> str:
    """Bilag 11: what happens to a vacated subsidised home: ``relet_as_subsidised`` (as a starting
    point), ``parties_decide`` (eviction for the house rules within the period) or ``ordinary_wheel``."""
    if moved_out >= reletting_until(first_paid):
        return "ordinary_wheel"
    return "parties_decide" if evicted_for_house_rules else "relet_as_subsidised"
