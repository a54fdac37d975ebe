"""Replays the endpoint case files (``tests/cases/<endpoint>/*.json``) in CPython.

A file holds ``{"endpoint": name, "cases": [...]}``; each case cites its section (and source lines)
in ``reference``, and ``expect`` holds either ``errors`` (the field paths, in order) or ``values``
(dotted paths into the answer, list items by number, and the value there). tests/test_pyodide_node.py replays the same
files in Pyodide.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from udlejning.endpoints import ENDPOINTS, call_json

CASES_DIR = Path(__file__).parent / "cases"


def endpoint_cases() -> list[tuple[str, str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((f"{path.parent.name}/{path.stem}: {case['name']}", data["endpoint"], case))
    return out


CASES = endpoint_cases()


def _at(answer: object, dotted: str) -> object:
    for key in dotted.split("."):
        if isinstance(answer, list):
            assert key.isdigit() and int(key) < len(answer), (dotted, key)
            answer = answer[int(key)]
            continue
        assert isinstance(answer, dict) and key in answer, (dotted, key)
        answer = answer[key]
    return answer


def test_every_endpoint_case_file_names_a_registered_endpoint() -> None:
    assert CASES
    for _, name, _case in CASES:
        assert name in ENDPOINTS, name


@pytest.mark.parametrize(
    ("name", "case"), [(n, c) for _, n, c in CASES], ids=[i for i, _, _ in CASES]
)
def test_endpoint_case(name: str, case: dict) -> None:
    assert case["reference"]
    answer = json.loads(call_json(name, json.dumps(case["input"], ensure_ascii=False)))
    expect = case["expect"]
    if "errors" in expect:
        assert answer["ok"] is False, answer
        assert [e["path"] for e in answer["errors"]] == expect["errors"]
        return
    assert answer["ok"] is True, answer.get("errors")
    for dotted, value in expect["values"].items():
        assert _at(answer, dotted) == value, (dotted, _at(answer, dotted))
