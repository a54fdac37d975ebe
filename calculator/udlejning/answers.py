"""What every JSON endpoint shares: the schema version, the error answer, the answer to an internal
fault, and building an input schema from a spec."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from udlejning.inputspec import ROOT, InputError, Spec, json_schema
from udlejning.model import Text

SCHEMA_VERSION = "1"


def error_answer(errors: list[InputError]) -> dict[str, Any]:
    """``{"ok": false, ...}``: every error names its field (``path``) in Danish and English."""
    return {"ok": False, "schema_version": SCHEMA_VERSION, "errors": [e.to_json() for e in errors]}


def internal_error_answer(exc: Exception) -> dict[str, Any]:
    """An unexpected fault, still as a structured answer naming the whole document (``$``)."""
    return error_answer(
        [
            InputError(
                ROOT,
                "internal_error",
                Text(
                    f"Der skete en intern fejl i beregningen ({type(exc).__name__}). Prøv igen, eller meld fejlen.",
                    f"An internal error occurred in the calculation ({type(exc).__name__}). Try again, or report it.",
                ),
            )
        ]
    )


def input_schema_of(spec: Callable[[], Spec], name: str) -> Callable[[], dict[str, object]]:
    """A function returning the JSON Schema of ``spec()``, with ``$id`` ``udlejning/<name>``."""

    def build() -> dict[str, object]:
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"udlejning/{name}.schema.json",
            **json_schema(spec()),
        }

    return build
