"""The data cases under tests/cases/<endpoint>/*.json (``{"cases": [case, ...]}``), for every endpoint
of ``udlejning.endpoints.ENDPOINTS``; JSON files directly in tests/cases/ are ``evaluate`` cases.

A case is ``{"name", "reference", "input", "expect"}``. For the endpoints other than ``evaluate``
(whose richer ``expect`` tests/test_cases.py reads), ``expect`` may hold:
``errors`` (the error paths, in order) and ``codes``; ``ok`` (true or false); ``values`` (a dotted
path into the answer, e.g. ``wheel.positions.0.position``, and the value it must have);
``notices`` (codes that must be among the answer's notices); ``texts`` (Danish or English strings
that must appear somewhere in the answer); ``deadlines``/``checks`` (Bilag 14: date or verdict by
id); ``verdict``; ``other_readings`` (the R-items whose other reading changes the verdict, each said
in words); ``relevant_criteria``/``uncertain_criteria``; ``notes`` (Danish strings among the notes).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from udlejning.endpoints import REGISTRY
from udlejning.inputspec import Spec

CASES_DIR = Path(__file__).parent / "cases"
# The input spec of every endpoint of the registry, for the fuzz tests.
SPECS: dict[str, Callable[[], Spec]] = {e.name: e.spec for e in REGISTRY}


def endpoint_of(path: Path) -> str:
    return "evaluate" if path.parent == CASES_DIR else path.parent.name


def load_cases(endpoint: str | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """``(endpoint, label, case)`` for every case (of one endpoint), in file order."""
    out = []
    for path in sorted(CASES_DIR.glob("*.json")) + sorted(CASES_DIR.glob("*/*.json")):
        name = endpoint_of(path)
        if endpoint is not None and name != endpoint:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            label = f"{name}/{path.stem}: {case['name']} [{case['reference']}]"
            out.append((name, label, case))
    return out


def at(answer: object, dotted: str) -> object:
    for part in dotted.split("."):
        if isinstance(answer, list):
            answer = answer[int(part)]
        else:
            assert isinstance(answer, dict), (dotted, answer)
            answer = answer[part]
    return answer


def check_expect(result: dict[str, Any], expect: dict[str, Any]) -> None:
    shown = json.dumps(result, ensure_ascii=False)
    if "errors" in expect:
        assert result["ok"] is False, shown[:1500]
        assert [e["path"] for e in result["errors"]] == expect["errors"], result["errors"]
        if "codes" in expect:
            assert [e["code"] for e in result["errors"]] == expect["codes"], result["errors"]
    else:
        assert result["ok"] is expect.get("ok", True), shown[:1500]
    for dotted, value in expect.get("values", {}).items():
        assert at(result, dotted) == value, (dotted, at(result, dotted))
    codes = [n["code"] for n in result.get("notices", [])]
    for code in expect.get("notices", []):
        assert code in codes, (code, codes)
    for needle in expect.get("texts", []):
        assert needle in shown, f"{needle!r} not in the answer: {shown[:1500]}"
    check_rule_expect(result, expect)


def check_rule_expect(result: dict[str, Any], expect: dict[str, Any]) -> None:
    """The rule-level keys of ``expect``: Bilag 14's dates and checks by id, a verdict, the other
    readings, the criteria of a placement, and notes."""
    dates = {d["id"]: d["date"] for d in result.get("deadlines", [])}
    for key, want in expect.get("deadlines", {}).items():
        assert dates[key] == want, dates
    verdicts = {c["id"]: c["verdict"] for c in result.get("checks", [])}
    for key, want in expect.get("checks", {}).items():
        assert verdicts[key] == want, verdicts
    if "verdict" in expect:
        assert result["verdict"] == expect["verdict"], result.get("reasons")
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
