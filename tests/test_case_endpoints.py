"""Replays the staff-endpoint cases in tests/cases/<endpoint>/ (each names its ``endpoint`` and cites
its section and lines); test_pyodide_node.py replays the same files in Pyodide."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from udlejning.endpoints import ENDPOINTS

CASES_DIR = Path(__file__).parent / "cases"


def load() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*/*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            out.append(
                (f"{path.parent.name}/{path.stem}: {case['name']} [{case['reference']}]", case)
            )
    return out


CASES = load()


def test_there_are_endpoint_cases() -> None:
    assert {c["endpoint"] for _, c in CASES} >= {"deadlines"}


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[n for n, _ in CASES])
def test_endpoint_case(case: dict) -> None:
    result = ENDPOINTS[case["endpoint"]](case["input"])
    assert result["ok"] is True, result.get("errors")
    expect = case["expect"]
    dates = {d["id"]: d["date"] for d in result.get("deadlines", [])}
    for key, want in expect.get("deadlines", {}).items():
        assert dates[key] == want, dates
    verdicts = {c["id"]: c["verdict"] for c in result.get("checks", [])}
    for key, want in expect.get("checks", {}).items():
        assert verdicts[key] == want, verdicts
    if "verdict" in expect:
        assert result["verdict"] == expect["verdict"], result["reasons"]
    if "other_readings" in expect:
        assert [o["reading"] for o in result["other_readings"]] == expect["other_readings"]
        for other in result["other_readings"]:
            assert other["da"].startswith("Efter ") and other["verdict"] != result["verdict"]
    for key in ("relevant_criteria", "uncertain_criteria"):
        if key in expect:
            assert result[key] == expect[key], result[key]
    notes = " ".join(n["da"] for n in result.get("notes", []))
    for needle in expect.get("notes", []):
        assert needle in notes, notes
