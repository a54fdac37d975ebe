"""What the staff tools' endpoints share when they check their input: a structured error, a date
outside the agreement's period, one date before another (each naming fields by their labels)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from udlejning import __version__
from udlejning.answers import SCHEMA_VERSION, error_answer, internal_error_answer
from udlejning.inputspec import InputError, Spec, Validator
from udlejning.model import Text
from udlejning.parameters import agreement
from udlejning.texts import both, day

T = Text


def _error(path: str, code: str, da: str, en: str) -> InputError:
    return InputError(path, code, T(da, en))


def _outside(path: str, label: Text, on: date) -> InputError | None:
    deal = agreement()
    if deal.covers(on):
        return None
    first, last, when = both(day, deal.first_day), both(day, deal.last_day()), both(day, on)
    return _error(
        path,
        "outside_agreement_period",
        f"«{label.da}» er {when.da}, uden for aftalens periode ({first.da} – {last.da}).",
        f"“{label.en}” is {when.en}, outside the agreement's period ({first.en} – {last.en}).",
    )


def _not_before(
    clean: dict[str, Any], spec: Spec, path: str, earlier: str, code: str
) -> InputError | None:
    later_value, earlier_value = clean.get(path), clean.get(earlier)
    if later_value is None or earlier_value is None or later_value >= earlier_value:
        return None
    a, b = spec.fields[path].label, spec.fields[earlier].label
    return _error(
        path,
        code,
        f"«{a.da}» kan ikke ligge før «{b.da}».",
        f"“{a.en}” cannot be before “{b.en}”.",
    )


def run(
    spec: Callable[[], Spec],
    doc: object,
    problems: Callable[[dict[str, Any], Spec], list[InputError]],
    answer: Callable[[dict[str, Any]], dict[str, Any]],
) -> dict[str, Any]:
    """One endpoint call: validate ``doc`` against ``spec``, check what the spec cannot say
    (``problems``), call the rules (``answer``) and wrap it. Never raises."""
    try:
        declared = spec()
        validator = Validator()
        clean = validator.check(declared, doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        found = problems(clean, declared)
        if found:
            return error_answer(found)
        return {
            "ok": True,
            "schema_version": SCHEMA_VERSION,
            "package_version": __version__,
            **answer(clean),
        }
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)
