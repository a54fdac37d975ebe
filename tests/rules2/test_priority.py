"""Afsnit 6 and Bilag 4 («Udlejningshjul»): "where do I get priority?" for households meeting A only,
B only, all four stricter criteria, or none (criteria from Rules I)."""

from __future__ import annotations

from typing import Any

import pytest

from udlejning.situation_api import priority

from .households import A_ONLY, ALL_FOUR, B_ONLY, NONE


def _ask(household: dict[str, Any], **situation: Any) -> dict[str, Any]:
    result = priority({**household, "situation": situation})
    assert result["ok"], result
    return result


def _statuses(result: dict[str, Any]) -> list[str]:
    return [p["status"] for p in result["step"]["positions"]]


def _steps(result: dict[str, Any]) -> dict[tuple[str, int], dict[str, str]]:
    return {(s["stair"], s["trin"]): s["summary"] for s in result["steps"]}


def test_a_only_on_afdelingstrappe_trin3_2026() -> None:
    """Afsnit 6.2.3; Bilag 4, Udlejningshjul trin 3 (2026–2027): A homes give priority; home 9 på skift."""
    result = _ask(A_ONLY, stair="afdelingstrappe", trin=3)
    positions = result["step"]["positions"]
    assert [p["position"] for p in positions] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 9]
    assert _statuses(result) == [
        "priority",
        "priority",
        "none",
        "priority",
        "priority",
        "none",
        "priority",
        "priority",
        "priority",
        "none",
    ]
    assert result["step"]["summary"]["priority"] == "13/18"
    municipal = positions[2]
    assert municipal["if_unused"]["status"] == "priority"  # unused: let by A criteria


def test_a_only_on_omraadetrappe_trin2_gets_the_fallback_rank() -> None:
    """Bilag 4, Udlejningshjul områdetrappen trin 2: not all four, but S1 → priority at level 2."""
    result = _ask(A_ONLY, stair="omraadetrappe", trin=2)
    assert {(p["status"], p["rank"]) for p in result["step"]["positions"]} == {("priority", 2)}


def test_all_four_skaerpede_on_omraadetrappe_trin2() -> None:
    """Afsnit 6.1.3: everyone moving in meets all four stricter criteria → full priority everywhere."""
    result = _ask(ALL_FOUR, stair="omraadetrappe", trin=2)
    assert {(p["status"], p["rank"]) for p in result["step"]["positions"]} == {("priority", 1)}
    steps = _steps(result)
    assert steps[("afdelingstrappe", 4)]["priority"] == "15/18"
    assert steps[("afdelingstrappe", 4)]["none"] == "3/18"


def test_b_only_on_afdelingstrappe_trin1_depends_on_the_organisation() -> None:
    """Bilag 4, III.2 and Udlejningshjul trin 1: B gives priority only where the organisation chose B."""
    result = _ask(B_ONLY, stair="afdelingstrappe", trin=1)
    assert _statuses(result) == [
        "depends",
        "seniority",
        "none",
        "depends",
        "seniority",
        "none",
        "seniority",
        "depends",
        "none",
    ]
    first = result["step"]["positions"][0]
    assert first["options"]["b"]["status"] == "priority"
    assert first["options"]["a"]["status"] == "seniority"
    chosen = _ask(
        B_ONLY, stair="afdelingstrappe", trin=1, choices={"1": "b", "4": "b", "8": "waiting_list"}
    )
    assert _statuses(chosen)[:9] == [
        "priority",
        "seniority",
        "none",
        "priority",
        "seniority",
        "none",
        "seniority",
        "seniority",
        "none",
    ]
    assert result["step"]["notes"], "the extra 1/9 of afsnit 6.2.1 is explained (Reading R-20)"


def test_b_only_has_no_priority_on_trin_2_to_4() -> None:
    """Afsnit 6.2.2–6.2.4: only A criteria there; B households compete on seniority."""
    steps = _steps(_ask(B_ONLY))
    for trin in (2, 3, 4):
        assert steps[("afdelingstrappe", trin)]["priority"] == "0/9"


def test_none_met_competes_on_seniority_or_not_at_all() -> None:
    """Bilag 4, II (Reading R-30): no priority anywhere; seniority on flexible and waiting-list homes."""
    result = _ask(NONE, stair="afdelingstrappe", trin=2)
    assert set(_statuses(result)) == {"seniority", "none"}
    for summary in _steps(result).values():
        assert summary["priority"] == "0/9"
        assert summary["cannot_tell"] == "0/9"


def test_omraadetrappe_trin1_follows_the_risk_zone() -> None:
    """Afsnit 6.1.2: A applies unless unemployment is in the zone; other stricter criteria add on."""
    plain = _ask(
        A_ONLY,
        stair="omraadetrappe",
        trin=1,
        risk_zone={
            "unemployment": False,
            "convictions": False,
            "education": False,
            "income": False,
        },
    )
    assert set(_statuses(plain)) == {"priority", "none"}
    strict = _ask(
        A_ONLY,
        stair="omraadetrappe",
        trin=1,
        risk_zone={"unemployment": True, "convictions": True, "education": False, "income": False},
    )
    flexible = [p for p in strict["step"]["positions"] if p["status"] != "none"]
    assert {(p["status"], p["rank"]) for p in flexible} == {("priority", 2)}
    unknown = _ask(A_ONLY, stair="omraadetrappe", trin=1)
    assert "cannot_tell" in _statuses(unknown)
    municipal = strict["step"]["positions"][0]
    assert municipal["status"] == "none" and municipal["if_unused"]["rank"] == 2


def test_exemption_from_the_extra_eighteenth() -> None:
    """Afsnit 6.2.2; Bilag 4, III.2: an exempt trin 2 section keeps home 9 for the waiting list."""
    result = _ask(A_ONLY, stair="afdelingstrappe", trin=2, exempt_from_extra=True)
    assert [p["use"] for p in result["step"]["positions"] if p["position"] == 9] == [
        "waiting_list",
        "waiting_list",
    ]


def test_development_plan_adds_the_convictions_criterion() -> None:
    """Afsnit 6.1.6: where S2 applies, A alone no longer gives priority."""
    result = _ask(
        A_ONLY,
        stair="afdelingstrappe",
        trin=4,
        development_plan={"convictions_criterion_applies": True},
    )
    assert "priority" not in _statuses(result)


@pytest.mark.parametrize(
    "doc",
    [
        None,
        [],
        {"date": "2026-01-01"},
        {**ALL_FOUR},
        {**ALL_FOUR, "situation": {"stair": "omraadetrappe", "trin": 3}},
        {**ALL_FOUR, "situation": {"stair": "afdelingstrappe"}},
        {**ALL_FOUR, "situation": {"trin": "1"}},
        {**ALL_FOUR, "date": "2028-01-01", "situation": {}},
        {**ALL_FOUR, "situation": {"colour": "red"}},
    ],
)
def test_priority_errors_are_structured(doc: Any) -> None:
    result = priority(doc)
    assert result["ok"] is False
    for error in result["errors"]:
        assert set(error) == {"path", "code", "da", "en"}
