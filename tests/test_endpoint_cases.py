"""Replays the data cases of every endpoint (tests/cases/<endpoint>/) through the endpoint registry
(``udlejning.endpoints``), the way the browser worker calls them; Pyodide replays the same files
(tests/test_pyodide_node.py). Every endpoint has cases, each citing its section."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from endpoint_cases import CASES_DIR, check_expect, load_cases

from udlejning.endpoints import ENDPOINTS, call_json
from udlejning.schemas import SCHEMAS

SECTION = re.compile(r"(Bilag \d+|afsnit \d+(\.\d+)*|Aftalens)")
CASES = [(e, label, case) for e, label, case in load_cases() if e != "evaluate"]
OUTPUT_SCHEMA = {
    name: "output" if name == "evaluate" else f"{name.replace('_', '-')}-output" for name in ENDPOINTS
}


def test_every_endpoint_has_data_cases() -> None:
    named = {e for e, _, _ in load_cases()}
    assert named == set(ENDPOINTS), set(ENDPOINTS) ^ named
    folders = {p.name for p in CASES_DIR.iterdir() if p.is_dir()}
    assert folders <= set(ENDPOINTS), folders - set(ENDPOINTS)


@pytest.mark.parametrize("item", CASES, ids=[label for _, label, _ in CASES])
def test_case(item: tuple[str, str, dict]) -> None:
    endpoint, _label, case = item
    assert SECTION.search(case["reference"]), case["reference"]
    result = json.loads(call_json(endpoint, json.dumps(case["input"], ensure_ascii=False)))
    assert result == ENDPOINTS[endpoint](case["input"])  # the registry's JSON path changes nothing
    jsonschema.Draft202012Validator(
        SCHEMAS[OUTPUT_SCHEMA[endpoint]](), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(result)
    check_expect(result, case["expect"])
