"""What every JSON endpoint shares: the schema version, the error answer, the answer to an internal
fault, and building an input schema from a spec."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import accumulate
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


def _invalid_json_text(text: str | None, exc: BaseException | None) -> Text:
    """Why a text is not JSON, in our own words: Python's message is English only and differs
    between CPython versions (the browser runs another CPython than the command line)."""
    if text is None:
        return Text(
            "Input er ikke gyldig tekst (UTF-8), så det kan ikke læses som JSON.",
            "The input is not valid text (UTF-8), so it cannot be read as JSON.",
        )
    if not text.strip():
        return Text("Input er tomt: send et JSON-dokument.", "The input is empty: send a JSON document.")
    if isinstance(exc, RecursionError):
        return Text(
            "Input er ikke gyldig JSON: det er indlejret for dybt.",
            "The input is not valid JSON: it is nested too deeply.",
        )
    pos = exc.pos + 1 if isinstance(exc, json.JSONDecodeError) else None
    where_da = f" (se tegn nr. {pos})" if pos is not None else ""
    where_en = f" (see character {pos})" if pos is not None else ""
    return Text(
        f"Input er ikke gyldig JSON{where_da}. Tjek især anførselstegn, kommaer og klammer.",
        f"The input is not valid JSON{where_en}. Check quotes, commas and brackets in particular.",
    )


def invalid_json_answer(text: str | None, exc: BaseException | None = None) -> dict[str, Any]:
    """The ``invalid_json`` error answer for ``text`` (``None``: the bytes were not UTF-8)."""
    return error_answer([InputError(ROOT, "invalid_json", _invalid_json_text(text, exc))])


# No input document nests deeper than a handful of levels. Deeply nested text is refused before
# json.loads sees it: in Pyodide, "[" * 100_000 overflows the WebAssembly stack and kills the
# runtime (a fatal error, not a RecursionError), so the browser worker would die with it.
MAX_DEPTH = 64
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` in ``text``, brackets inside JSON strings not counted."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


def parse_json(text: str | None) -> tuple[object, dict[str, Any] | None]:
    """``(document, None)``, or ``(None, invalid_json_answer)`` when ``text`` is not JSON."""
    if text is None:
        return None, invalid_json_answer(None)
    if nesting_depth(text) > MAX_DEPTH:
        return None, invalid_json_answer(text, RecursionError())
    try:
        return json.loads(text), None
    except (ValueError, RecursionError) as exc:
        return None, invalid_json_answer(text, exc)
