"""Dated parameters: each threshold lives in ``parameters/<name>.toml`` with its values by date and a reference.

A file holds ``type``, ``unit``, ``reference``, ``description.da/en``, optional ``known_for_months``
(how long a value is known to hold when the sources say it is adjusted regularly) and
``user_may_supply`` (a user may give the current value), and ``[[values]]`` with ``from`` (a date)
and ``value``. Unknown keys are errors. Values hold from their date until the next value's date
(half-open ranges).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache

from udlejning import data_files

ALLOWED_KEYS = {
    "type",
    "unit",
    "reference",
    "description",
    "known_for_months",
    "user_may_supply",
    "values",
}
TYPES = {"integer", "integers", "decimal", "money", "percent", "month_day", "dates", "fraction"}
VALUE_KEYS = {"from", "value", "reference", "announced"}

Value = int | Decimal | Fraction | tuple[int, int] | tuple[date, ...] | list[int]


class ParameterError(ValueError):
    """A parameter file is malformed, or a value is asked for a date it does not cover."""


@dataclass(frozen=True)
class DatedValue:
    """One value from ``start``; ``reference`` and ``announced`` say where and when it was published."""

    start: date
    value: Value
    reference: str | None = None
    announced: date | None = None


@dataclass(frozen=True)
class Parameter:
    """A parameter file: its values by date, with their reference and description."""

    name: str
    type: str
    unit: str
    reference: str
    description_da: str
    description_en: str
    values: tuple[DatedValue, ...]
    known_for_months: int | None = None
    user_may_supply: bool = False

    def at(self, on: date) -> ParameterValue:
        """The value in force on ``on``; raises ParameterError before the first value."""
        chosen: DatedValue | None = None
        for dated in self.values:
            if dated.start <= on:
                chosen = dated
        if chosen is None:
            raise ParameterError(f"{self.name}: no value on {on.isoformat()}")
        known_until = None
        if self.known_for_months is not None:
            known_until = add_months(chosen.start, self.known_for_months)
        return ParameterValue(
            parameter=self,
            value=chosen.value,
            effective_from=chosen.start,
            known_until=known_until,
            supplied_by_user=False,
        )

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "unit": self.unit,
            "reference": self.reference,
            "description": {"da": self.description_da, "en": self.description_en},
            "known_for_months": self.known_for_months,
            "user_may_supply": self.user_may_supply,
            "values": [
                {
                    "from": v.start.isoformat(),
                    "value": format_value(v.value),
                    "reference": v.reference,
                    "announced": v.announced.isoformat() if v.announced else None,
                }
                for v in self.values
            ],
        }


@dataclass(frozen=True)
class ParameterValue:
    """A parameter's value on one date, and where it came from."""

    parameter: Parameter
    value: Value
    effective_from: date | None
    known_until: date | None
    supplied_by_user: bool

    def is_known_on(self, on: date) -> bool:
        """False when the sources' value has run past the time it is known to hold."""
        return self.supplied_by_user or self.known_until is None or on < self.known_until

    def to_json(self, on: date) -> dict[str, object]:
        return {
            "name": self.parameter.name,
            "value": format_value(self.value),
            "unit": self.parameter.unit,
            "effective_from": self.effective_from.isoformat() if self.effective_from else None,
            "known_until": self.known_until.isoformat() if self.known_until else None,
            "current": self.is_known_on(on),
            "source": "user" if self.supplied_by_user else "agreement",
            "reference": self.parameter.reference,
        }


def add_months(start: date, months: int) -> date:
    """``start`` moved ``months`` calendar months on (the day clipped to the month's length)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = start.day
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError(f"{start.isoformat()} + {months} months is outside the calendar")
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def add_years(start: date, years: int) -> date:
    """``start`` moved ``years`` on; 29 February becomes 28 February in a common year."""
    return add_months(start, 12 * years)


def format_value(value: Value) -> str:
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, tuple) and value and isinstance(value[0], date):
        return ", ".join(d.isoformat() for d in value)  # type: ignore[union-attr]
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, tuple):
        return f"{value[0]:02d}-{value[1]:02d}"
    return str(value)


def _parse_value(name: str, kind: str, raw: object) -> Value:
    if kind == "integer":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ParameterError(f"{name}: integer expected, got {raw!r}")
        return raw
    if kind in {"decimal", "money", "percent"}:
        if not isinstance(raw, str):
            raise ParameterError(f"{name}: decimals are written as strings, got {raw!r}")
        try:
            return Decimal(raw)
        except InvalidOperation as exc:
            raise ParameterError(f"{name}: not a decimal: {raw!r}") from exc
    if kind == "fraction":
        if not isinstance(raw, str) or "/" not in raw:
            raise ParameterError(f"{name}: a fraction 'p/q' expected, got {raw!r}")
        return Fraction(raw)
    if kind == "integers":
        if not isinstance(raw, list) or not all(type(i) is int for i in raw) or not raw:
            raise ParameterError(f"{name}: a list of integers expected")
        return list(raw)
    if kind == "dates":
        if not isinstance(raw, list) or not all(type(d) is date for d in raw):
            raise ParameterError(f"{name}: a list of TOML dates expected")
        if raw != sorted(set(raw)):
            raise ParameterError(f"{name}: dates must be in strictly increasing order")
        return tuple(raw)
    if kind == "month_day":
        if not isinstance(raw, str) or len(raw) != 5 or raw[2] != "-":
            raise ParameterError(f"{name}: month-day 'MM-DD' expected, got {raw!r}")
        month, day = int(raw[:2]), int(raw[3:])
        date(2024, month, day)  # validates
        return (month, day)
    raise ParameterError(f"{name}: unknown type {kind!r}")


def parse_parameter(name: str, data: dict[str, object]) -> Parameter:
    unknown = set(data) - ALLOWED_KEYS
    if unknown:
        raise ParameterError(f"{name}: unknown keys {sorted(unknown)}")
    kind = data.get("type")
    if kind not in TYPES:
        raise ParameterError(f"{name}: type must be one of {sorted(TYPES)}")
    reference = data.get("reference")
    if not isinstance(reference, str) or not reference.strip():
        raise ParameterError(f"{name}: a reference to the agreement is required")
    description = data.get("description")
    if not isinstance(description, dict) or set(description) != {"da", "en"}:
        raise ParameterError(f"{name}: description needs exactly da and en")
    raw_values = data.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        raise ParameterError(f"{name}: at least one dated value is required")
    values: list[DatedValue] = []
    for item in raw_values:
        if not isinstance(item, dict) or not {"from", "value"} <= set(item) <= VALUE_KEYS:
            raise ParameterError(
                f"{name}: each value needs exactly 'from' and 'value', and may have 'reference' and 'announced'"
            )
        start, ref, announced = item["from"], item.get("reference"), item.get("announced")
        if not isinstance(start, date):
            raise ParameterError(f"{name}: 'from' must be a TOML date")
        if ref is not None and (not isinstance(ref, str) or not ref.strip()):
            raise ParameterError(f"{name}: a value's 'reference' must be a non-empty string")
        if announced is not None and type(announced) is not date:
            raise ParameterError(f"{name}: 'announced' must be a TOML date")
        value = _parse_value(name, str(kind), item["value"])
        values.append(DatedValue(start, value, ref, announced))
    starts = [v.start for v in values]
    if starts != sorted(starts) or len(set(starts)) != len(starts):
        raise ParameterError(f"{name}: values must be in strictly increasing date order")
    known = data.get("known_for_months")
    if known is not None and (not isinstance(known, int) or known <= 0):
        raise ParameterError(f"{name}: known_for_months must be a positive integer")
    supply = data.get("user_may_supply", False)
    if not isinstance(supply, bool):
        raise ParameterError(f"{name}: user_may_supply must be true or false")
    return Parameter(
        name=name,
        type=str(kind),
        unit=str(data.get("unit", "")),
        reference=reference,
        description_da=str(description["da"]),
        description_en=str(description["en"]),
        values=tuple(values),
        known_for_months=known,
        user_may_supply=supply,
    )


@cache
def all_parameters() -> dict[str, Parameter]:
    """Every parameter file shipped in the package, by name."""
    found: dict[str, Parameter] = {}
    for filename in data_files.toml_names("parameters"):
        name = filename.removesuffix(".toml")
        found[name] = parse_parameter(name, data_files.toml(f"parameters/{filename}"))
    return found


def parameter(name: str) -> Parameter:
    try:
        return all_parameters()[name]
    except KeyError as exc:
        raise ParameterError(f"unknown parameter {name!r}") from exc


def integer_at(name: str, on: date) -> int:
    """The value in force on ``on`` of a parameter that is a whole number (a count, months, days)."""
    value = parameter(name).at(on).value
    assert isinstance(value, int)
    return value


@dataclass(frozen=True)
class Agreement:
    """The framework agreement itself (``agreement.toml``): title, parties, period."""

    title_da: str
    title_en: str
    parties_da: str
    parties_en: str
    first_day: date
    end_exclusive: date
    reference: str

    def last_day(self) -> date:
        return date.fromordinal(self.end_exclusive.toordinal() - 1)

    def covers(self, on: date) -> bool:
        return self.first_day <= on < self.end_exclusive

    def to_json(self) -> dict[str, object]:
        return {
            "title": {"da": self.title_da, "en": self.title_en},
            "parties": {"da": self.parties_da, "en": self.parties_en},
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day().isoformat(),
            "reference": self.reference,
        }


@cache
def agreement() -> Agreement:
    raw = data_files.toml("agreement.toml")
    return Agreement(
        title_da=raw["title"]["da"],
        title_en=raw["title"]["en"],
        parties_da=raw["parties"]["da"],
        parties_en=raw["parties"]["en"],
        first_day=raw["first_day"],
        end_exclusive=raw["end_exclusive"],
        reference=raw["reference"],
    )
