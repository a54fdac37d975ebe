"""The frame every endpoint in its own module shares: validate the document against the spec, call
the rule, and answer ``{"ok": true, ...}`` or the structured errors; never raise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from udlejning import __version__
from udlejning.answers import SCHEMA_VERSION, error_answer, internal_error_answer
from udlejning.inputspec import InputError, Spec, Validator

Compute = Callable[[dict[str, Any]], "dict[str, Any] | list[InputError]"]


def run(spec: Callable[[], Spec], doc: object, compute: Compute) -> dict[str, Any]:
    """``compute`` gets the clean document and returns the answer's fields, or the input errors
    (each at its field) it found beyond the spec."""
    try:
        validator = Validator()
        clean = validator.check(spec(), doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        result = compute(clean)
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
