"""The frame every endpoint in its own module shares: validate the document against the spec, call
the rule, and answer ``{"ok": true, ...}`` or the structured errors; never raise."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from udlejning import __version__
from udlejning.answers import SCHEMA_VERSION, error_answer, internal_error_answer
from udlejning.inputspec import InputError, Spec, Validator, quoted
from udlejning.model import Text
from udlejning.parameters import ParameterError, agreement
from udlejning.texts import day

Compute = Callable[[dict[str, Any]], "dict[str, Any] | list[InputError]"]


def run(spec: Callable[[], Spec], doc: object, compute: Compute) -> dict[str, Any]:
    """``compute`` gets the clean document and returns the answer's fields, or the input errors
    (each at its field) it found beyond the spec."""
    try:
        validator = Validator()
        clean = validator.check(spec(), doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        try:
            result = compute(clean)
        except (ParameterError, OverflowError):
            return error_answer(_dates_without_rules(spec(), clean))
        if isinstance(result, list):
            return error_answer(result)
        return {
            "ok": True,
            "schema_version": SCHEMA_VERSION,
            "package_version": __version__,
            **result,
        }
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)


def _date_fields(spec: Spec, value: object, path: str) -> list[tuple[str, Spec, date]]:
    """Every date in a clean document, with its path and its spec."""
    if spec.kind == "date" and isinstance(value, date):
        return [(path, spec, value)]
    if spec.kind == "object" and isinstance(value, dict):
        return [
            found
            for key, sub in spec.fields.items()
            if key in value
            for found in _date_fields(sub, value[key], f"{path}.{key}" if path else key)
        ]
    return []


def _dates_without_rules(spec: Spec, clean: dict[str, Any]) -> list[InputError]:
    """A rule met a date for which the parameters have no value (before the first one) or whose
    count runs off the calendar: name each date outside the agreement's period by its label."""
    deal = agreement()
    first, last = deal.first_day, deal.last_day()
    errors = [
        InputError(
            path,
            "date_without_rules",
            Text(
                f"{quoted(sub.label).da} er {day(on, 'da')}. Reglerne har ingen værdier så langt fra aftalens periode ({day(first, 'da')} – {day(last, 'da')}).",
                f"{quoted(sub.label).en} is {day(on, 'en')}. The rules have no values that far from the agreement's period ({day(first, 'en')} – {day(last, 'en')}).",
            ),
        )
        for path, sub, on in _date_fields(spec, clean, "")
        if not deal.covers(on)
    ]
    return errors or [
        InputError(
            "$",
            "date_without_rules",
            Text(
                "Reglerne har ingen værdier for en af datoerne.",
                "The rules have no values for one of the dates.",
            ),
        )
    ]
