"""Replays the evaluate case files in tests/cases/evaluate/ (the same files the browser replays in Pyodide).

Each case cites the section it tests; ``expect`` may hold verdicts per criterion, texts that must
appear in a finding (Danish), person verdicts, missing field paths, notice codes or error paths.
"""

from __future__ import annotations

import json

import pytest
from endpoint_cases import load_cases as load_endpoint_cases

from udlejning.api import evaluate


def load_cases() -> list[tuple[str, dict]]:
    """The ``evaluate`` cases: tests/cases/evaluate/*.json (and any file directly in tests/cases/)."""
    return [(label, case) for _, label, case in load_endpoint_cases("evaluate")]


CASES = load_cases()


def test_there_are_cases_for_every_criterion() -> None:
    named = {cid for _, c in CASES for cid in c["expect"].get("verdicts", {})}
    assert named == {"A1", "A2", "B1", "C1", "S1", "S2", "S3", "S4"}


def test_every_choosable_reading_has_a_case_whose_verdict_differs() -> None:
    """Issue 11: for each contested reading a case shows the other reading changing a verdict."""
    from udlejning.readings import contested

    shown = {
        rid for _, c in CASES for rids in c["expect"].get("other_readings", {}).values() for rid in rids
    }
    evaluate_readings = {"R-03", "R-04", "R-09"}
    assert evaluate_readings <= set(contested())
    assert evaluate_readings <= shown


def test_every_reading_a_finding_uses_is_listed() -> None:
    """A finding may name only readings listed in ambiguities.toml (and so on the ambiguities page)."""
    from udlejning.readings import listed

    used = set()
    for _, case in CASES:
        result = evaluate(case["input"])
        for finding in result.get("criteria", []):
            used |= set(finding["readings"])
    assert used, "no finding names a reading"
    assert used <= set(listed()), used - set(listed())


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[name for name, _ in CASES])
def test_case(case: dict) -> None:
    result = evaluate(case["input"])
    expect = case["expect"]
    if "errors" in expect:
        assert result["ok"] is False, result
        paths = [e["path"] for e in result["errors"]]
        assert paths == expect["errors"], paths
        if "codes" in expect:
            assert [e["code"] for e in result["errors"]] == expect["codes"]
        return
    assert result["ok"] is True, result.get("errors")
    findings = {f["id"]: f for f in result["criteria"]}
    if expect.get("no_criteria"):
        assert findings == {}
    for cid, verdict in expect.get("verdicts", {}).items():
        assert findings[cid]["verdict"] == verdict, json.dumps(findings[cid], ensure_ascii=False)[
            :1500
        ]
    for cid, needles in expect.get("texts", {}).items():
        shown = json.dumps(findings[cid], ensure_ascii=False)
        for needle in needles:
            assert needle in shown, f"{needle!r} not shown in {cid}"
    for cid, per_person in expect.get("persons", {}).items():
        got = {p["person"]: p["verdict"] for p in findings[cid]["persons"]}
        for pid, verdict in per_person.items():
            assert got[pid] == verdict, got
    for cid, paths in expect.get("missing", {}).items():
        got_paths = [m["path"] for m in findings[cid]["missing"]]
        for path in paths:
            assert path in got_paths, got_paths
    for cid, rids in expect.get("readings", {}).items():
        assert set(rids) <= set(findings[cid]["readings"]), findings[cid]["readings"]
    for cid, rids in expect.get("other_readings", {}).items():
        assert [o["reading"] for o in findings[cid]["other_readings"]] == rids
        for other in findings[cid]["other_readings"]:
            assert other["da"].startswith("Efter ") and other["verdict"] != findings[cid]["verdict"]
    for cid, at_most in expect.get("condition", {}).items():
        condition = findings[cid]["condition"]
        assert (condition or {}).get("at_most") == at_most, condition
    codes = [n["code"] for n in result["notices"]]
    for code in expect.get("notices", []):
        assert code in codes


def test_checklist_collects_documents_once_with_the_criteria_that_ask() -> None:
    """The medbring-ark: a 40-year-old employee meeting A1 and all skærpede criteria."""
    case = next(c for _, c in CASES if c["name"] == "Alle fire skærpede opfyldt")
    result = evaluate(case["input"])
    lines = result["checklist"]
    texts = [line["da"] for line in lines]
    assert len(texts) == len(set(texts))
    payslips = next(line for line in lines if line["da"].startswith("Ansættelseskontrakt og dine"))
    assert payslips["criteria"] == ["A1"]
    record = next(line for line in lines if "Straffeattest" in line["da"])
    assert record["criteria"] == ["S2"] and record["reference"] == "Bilag 4, IV.2 nr. 2"
    not_met = {f["id"] for f in result["criteria"] if f["verdict"] == "not_met"}
    assert not any(set(line["criteria"]) <= not_met for line in lines)
