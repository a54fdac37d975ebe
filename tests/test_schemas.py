"""The JSON Schemas kept in the repo are exactly what the package produces, and answers follow them."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from udlejning.api import evaluate
from udlejning.schemas import SCHEMAS, output_schema


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_files_are_current(name: str) -> None:
    kept = resources.files("udlejning") / "schemas" / f"{name}.schema.json"
    assert json.loads(kept.read_text("utf-8")) == SCHEMAS[name](), (
        f"Regenerate: python -m udlejning schema {name} > calculator/udlejning/schemas/{name}.schema.json"
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schemas_are_valid_json_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[name]())


def test_case_inputs_that_are_valid_match_the_input_schema() -> None:
    from test_cases import CASES

    validator = jsonschema.Draft202012Validator(SCHEMAS["input"]())
    for _name, case in CASES:
        if "errors" not in case["expect"]:
            validator.validate(case["input"])
            jsonschema.Draft202012Validator(output_schema()).validate(evaluate(case["input"]))
