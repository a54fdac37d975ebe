"""The endpoint registry the browser worker calls by name."""

from __future__ import annotations

import json

from udlejning.api import evaluate
from udlejning.endpoints import ENDPOINTS, call_json

DOC = {
    "date": "2026-03-01",
    "household": [
        {
            "role": "applicant",
            "age": 30,
            "pension": "none",
            "employment": {"kind": "employee", "hours_per_week": 30},
        }
    ],
}


def test_call_json_gives_the_same_answer_as_the_function() -> None:
    assert json.loads(call_json("evaluate", json.dumps(DOC))) == evaluate(DOC)


def test_every_endpoint_answers_structured_errors_on_bad_input() -> None:
    for name in ENDPOINTS:
        for text in ("{", "[]", '{"x": 1}'):
            answer = json.loads(call_json(name, text))
            assert answer["ok"] is False and answer["errors"][0]["path"], (name, text, answer)


def test_unknown_endpoint_is_a_structured_error() -> None:
    answer = json.loads(call_json("nope", "{}"))
    assert answer["errors"][0]["code"] == "unknown_endpoint"


def test_catalogue_is_served() -> None:
    assert json.loads(call_json("catalogue", ""))["criteria"][0]["id"] == "A1"


def test_an_internal_fault_is_still_a_structured_answer(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """If a rule ever crashes, the user gets a bilingual error naming the document, not a traceback."""
    import udlejning.api as api

    def boom(_document: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "parse_household", boom)
    answer = json.loads(call_json("evaluate", json.dumps(DOC)))
    assert answer["ok"] is False
    error = answer["errors"][0]
    assert (error["path"], error["code"]) == ("$", "internal_error")
    assert "RuntimeError" in error["da"] and "Traceback" not in json.dumps(answer)
