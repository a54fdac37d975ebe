"""Property-based tests of the JSON interface (issue 2): at least 5,000 random and malformed
documents; nothing raises, every answer validates against the output schema, every error names a field."""

from __future__ import annotations

import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import from_spec, junk

from udlejning.api import evaluate, evaluate_json
from udlejning.household import document_spec
from udlejning.schemas import output_schema

VALIDATOR = jsonschema.Draft202012Validator(
    output_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
FUZZ = settings(
    max_examples=2600, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
SEEN: dict[str, int] = {"ok": 0, "errors": 0}


def check(result: dict) -> None:
    json.dumps(result)  # plain JSON only
    VALIDATOR.validate(result)
    if result["ok"]:
        SEEN["ok"] += 1
        return
    SEEN["errors"] += 1
    for error in result["errors"]:
        assert error["path"], error
        assert error["code"] != "internal_error", error
        assert error["da"] and error["en"]


@FUZZ
@given(from_spec(document_spec()))
def test_spec_shaped_documents(document: object) -> None:
    check(evaluate(document))


@FUZZ
@given(junk)
def test_arbitrary_json(document: object) -> None:
    check(evaluate(document))


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=60))
def test_arbitrary_text_through_evaluate_json(text: str) -> None:
    check(json.loads(evaluate_json(text)))


def test_fuzz_reached_both_outcomes() -> None:
    """Runs after the property tests: at least 5,000 documents went through, valid and invalid ones."""
    assert SEEN["ok"] + SEEN["errors"] >= 5000, SEEN
    assert SEEN["ok"] > 50 and SEEN["errors"] > 50, SEEN
