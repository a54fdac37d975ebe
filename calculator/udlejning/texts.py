"""Numbers, money and dates written the Danish and the English way, and ``{{parameter}}`` placeholders."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from udlejning.model import Text

MONTHS_DA = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PLACEHOLDER = re.compile(r"\{\{\s*([a-z0-9_.]+(?:@from|@state|@known_for|@years)?)\s*\}\}")


def number(value: Decimal | int, lang: str) -> str:
    """25 → "25"; 24.5 → "24,5" (da) / "24.5" (en); thousands grouped; -0 → "0"."""
    d = Decimal(value)
    sign = "-" if d < 0 else ""
    d = abs(d)
    whole, _, frac = f"{d:f}".partition(".")
    frac = frac.rstrip("0")
    group = "." if lang == "da" else ","
    point = "," if lang == "da" else "."
    grouped = f"{int(whole):,}".replace(",", group)
    return sign + grouped + (point + frac if frac else "")


COUNT_WORDS = {
    "da": ["nul", "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"],
    "en": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
}  # fmt: skip


def count(value: int, lang: str) -> str:
    """A parameter's whole number as a word up to twelve (5 → "fem"/"five"), else as digits; so a
    sentence never types a figure that a parameter holds."""
    words = COUNT_WORDS[lang]
    return words[value] if 0 <= value < len(words) else number(value, lang)


def money(value: Decimal, lang: str) -> str:
    """22904.3 → "22.904,30 kr." (da) / "DKK 22,904.30" (en)."""
    q = Decimal(value).quantize(Decimal("0.01"))
    whole, _, frac = f"{q:f}".partition(".")
    body = number(Decimal(whole), lang)
    if lang == "da":
        return f"{body},{frac} kr."
    return f"DKK {body}.{frac}"


def day(value: date, lang: str) -> str:
    if lang == "da":
        return f"{value.day}. {MONTHS_DA[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def month_day(value: tuple[int, int], lang: str) -> str:
    month, d = value
    if lang == "da":
        return f"{d}. {MONTHS_DA[month - 1]}"
    return f"{d} {MONTHS_EN[month - 1]}"


def both(fn, *args) -> Text:  # type: ignore[no-untyped-def]
    """Apply a formatter in both languages."""
    return Text(fn(*args, "da"), fn(*args, "en"))


def format_parameter(kind: str, value: object, lang: str) -> str:
    if kind == "money":
        return money(value, lang)  # type: ignore[arg-type]
    if kind == "month_day":
        return month_day(value, lang)  # type: ignore[arg-type]
    if kind == "fraction":
        return f"{value.numerator}/{value.denominator}"  # type: ignore[attr-defined]
    if kind == "integers":
        return ", ".join(number(v, lang) for v in value)  # type: ignore[attr-defined]
    if kind == "dates":
        return ", ".join(day(d, lang) for d in value)  # type: ignore[attr-defined]
    return number(value, lang)  # type: ignore[arg-type]


def value_state(name: str, lang: str) -> str:
    """What the sources say about a dated value's state, written from its values (issue 9.6): one
    value gives «Kilderne oplyser kun beløbet pr. 1. december 2022 (22.904,30 kr.).», several list
    them. Adding a value to the parameter file changes every sentence built from this."""
    from udlejning.parameters import parameter

    p = parameter(name)
    dated = [(day(v.start, lang), format_parameter(p.type, v.value, lang)) for v in p.values]
    if lang == "da":
        items = [f"pr. {d} ({v})" for d, v in dated]
        if len(items) == 1:
            return f"Kilderne oplyser kun beløbet {items[0]}."
        return f"Kilderne oplyser beløbet {', '.join(items[:-1])} og {items[-1]}."
    items = [f"as of {d} ({v})" for d, v in dated]
    if len(items) == 1:
        return f"The sources give only the amount {items[0]}."
    return f"The sources give the amount {', '.join(items[:-1])} and {items[-1]}."


def known_for(name: str, lang: str) -> str:
    """How long a value is treated as known, from ``known_for_months`` ("12 måneder"/"12 months")."""
    from udlejning.parameters import parameter

    months = parameter(name).known_for_months
    assert months is not None, f"{name} has no known_for_months"
    return f"{number(months, lang)} {'måneder' if lang == 'da' else 'months'}"


def years(value: Decimal | int, lang: str) -> str:
    """A number of years with its unit: «1 år», «2 år» / «1 year», «2 years»."""
    if lang == "da":
        return f"{number(value, lang)} år"
    return f"{number(value, lang)} {'year' if value == 1 else 'years'}"


def tidy(text: str) -> str:
    """One full stop after an amount in kroner: «24.400,00 kr..» → «24.400,00 kr.»."""
    return text.replace("kr..", "kr.")


def fill(template: str, lang: str, lookup) -> str:  # type: ignore[no-untyped-def]
    """Replace ``{{name}}`` by the parameter's value (``lookup(name) -> (kind, value, start)``);
    ``{{name@from}}`` gives the date the value took effect, ``{{name@state}}`` what the sources say
    about its values, ``{{name@known_for}}`` how long a value is known, ``{{name@years}}`` a number
    of years with its unit («1 år»/«1 year», «2 år»/«2 years»); unknown names raise."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.endswith("@state"):
            return value_state(name.removesuffix("@state"), lang)
        if name.endswith("@known_for"):
            return known_for(name.removesuffix("@known_for"), lang)
        if name.endswith("@years"):
            _kind, value, _start = lookup(name.removesuffix("@years"))
            return years(value, lang)
        if name.endswith("@from"):
            _kind, _value, start = lookup(name.removesuffix("@from"))
            return day(start, lang)
        kind, value, _start = lookup(name)
        return format_parameter(kind, value, lang)

    return tidy(PLACEHOLDER.sub(replace, template))


def percent(value: Decimal | int, lang: str) -> str:
    """8.2 → "8,2 %" (da) / "8.2 %" (en); never «-0 %»."""
    return f"{number(value, lang)} %"


ECHO_LIMIT = 40
_SURROGATE = re.compile("[\ud800-\udfff]")


def echo(value: object, limit: int = ECHO_LIMIT) -> str:
    """A value from the input, quoted back in an error: at most ``limit`` characters (then «…»),
    lone surrogates shown as U+FFFD, so an answer never grows with the input."""
    text = _SURROGATE.sub("\ufffd", str(value))
    return text if len(text) <= limit else text[:limit] + "…"


def plural(count: int, one: str, many: str) -> str:
    """«1 kriterium» / «2 kriterier»; «1 year» / «2 years»."""
    return f"{count} {one if count == 1 else many}"
