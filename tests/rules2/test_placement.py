"""Afsnit 6.1–6.2 (figur 5), Bilag 4 III and Bilag 17: placing a section, tested at every band edge."""

from __future__ import annotations

from typing import Any

import pytest

from udlejning.tools.placement import placement

HIGH = {  # two criteria meet the state's limit (afsnit 6.2 figur 5, note *)
    "unemployment": {"value": "41"},
    "convictions": {"value": "2.18"},
    "education": {"value": "30"},
    "income": {"value": "80"},
}
MEDIUM = {  # two criteria in the risk zone, none at the limit (note **)
    "unemployment": {"value": "36"},
    "convictions": {"value": "2.07"},
    "education": {"value": "30"},
    "income": {"value": "80"},
}
LOW = {  # one criterion in the risk zone (note ***)
    "unemployment": {"value": "36"},
    "convictions": {"value": "1"},
    "education": {"value": "30"},
    "income": {"value": "80"},
}


def _place(figures: dict[str, Any], share: str | None = None, **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"date": "2024-03-01", "key_figures": figures, **extra}
    if share is not None:
        doc["allocated_share"] = share
    result = placement(doc)
    assert result["ok"], result
    return result


@pytest.mark.parametrize(
    ("share", "high", "medium", "low"),
    [
        ("0", 2, 1, 1),
        ("19.99", 2, 1, 1),
        ("20", 3, 2, 1),
        ("24.9", 3, 2, 1),
        ("24.99", 3, 2, 1),
        ("25", 4, 3, 1),
        ("100", 4, 3, 1),
    ],
)
def test_figur5_band_edges_reading_r27(share: str, high: int, medium: int, low: int) -> None:
    """Afsnit 6.2 figur 5; 6.2.1–6.2.4: half-open bands [0,20), [20,25), [25,100] (Reading R-27)."""
    assert _place(HIGH, share)["trin"] == high
    assert _place(MEDIUM, share)["trin"] == medium
    assert _place(LOW, share)["trin"] == low


def test_need_levels() -> None:
    """Bilag 17, Afdelingstrappens inddeling."""
    assert _place(HIGH)["need_level"] == "high"
    assert _place(MEDIUM)["need_level"] == "medium"
    assert _place(LOW)["need_level"] == "low"
    assert _place(LOW)["trin"] == 1  # low need: trin 1 without the allocated share
    assert _place(HIGH)["trin"] is None  # high need needs the share


@pytest.mark.parametrize(
    ("criterion", "value", "meets", "zone"),
    [
        ("unemployment", "35.0", False, False),
        ("unemployment", "35.01", False, True),
        ("unemployment", "40.0", False, True),
        ("unemployment", "40.01", True, True),
        ("convictions", "2.06", False, False),
        ("convictions", "2.07", False, True),
        ("convictions", "2.17", False, True),
        ("convictions", "2.18", True, True),
        ("education", "57.0", False, False),
        ("education", "57.01", False, True),
        ("education", "60.0", False, True),
        ("education", "60.01", True, True),
        ("income", "57.8", False, False),
        ("income", "57.79", False, True),
        ("income", "55.0", False, True),
        ("income", "54.99", True, True),
    ],
)
def test_bilag17_figur1_limits_at_the_edge(
    criterion: str, value: str, meets: bool, zone: bool
) -> None:
    """Bilag 17 figur 1 (2022): >, ≥ (Reading R-24), > and < at exactly the printed limit."""
    result = _place({criterion: {"value": value}})
    found = next(c for c in result["criteria"] if c["criterion"] == criterion)
    assert (found["meets_state_limit"], found["within_risk_zone"]) == (meets, zone)


def test_2022_limits_are_flagged_as_not_current_in_2024() -> None:
    """Bilag 17 figur 1 notes 1)–3): set yearly; a user may give the current value."""
    result = _place(MEDIUM)
    assert {n["parameter"] for n in result["notices"]} >= {"riskzone.convictions.threshold"}
    supplied = _place(
        MEDIUM,
        limits={
            "riskzone.convictions.threshold": "2.10",
            "udsat.convictions.threshold": "2.2",
            "riskzone.income.threshold": "57.8",
        },
    )
    conv = next(c for c in supplied["criteria"] if c["criterion"] == "convictions")
    assert conv["within_risk_zone"] is False
    assert not any(n["parameter"].startswith("riskzone.convictions") for n in supplied["notices"])


def test_persons_rule_only_on_the_area_stair_reading_r25() -> None:
    """Bilag 4, III.1; Bilag 17: fewer than 10 persons from the limit is in the zone – area stair only."""
    figures = {"convictions": {"value": "1.0", "persons_from_limit": 9}}
    area = {"designation": "forebyggelse"}
    on_area = _place(figures, area=area)
    conv = next(c for c in on_area["criteria"] if c["criterion"] == "convictions")
    assert conv["within_risk_zone"] is True
    assert "S2" in on_area["relevant_criteria"]
    ten = _place({"convictions": {"value": "1.0", "persons_from_limit": 10}}, area=area)
    assert (
        next(c for c in ten["criteria"] if c["criterion"] == "convictions")["within_risk_zone"]
        is False
    )
    on_section = _place(figures)
    assert (
        next(c for c in on_section["criteria"] if c["criterion"] == "convictions")[
            "within_risk_zone"
        ]
        is False
    )


def _persons_sentence(persons_from_limit: int) -> dict[str, str]:
    figures = {"convictions": {"value": "1.0", "persons_from_limit": persons_from_limit}}
    result = _place(figures, area={"designation": "forebyggelse"})
    conv = next(c for c in result["criteria"] if c["criterion"] == "convictions")
    assert conv["within_risk_zone"] is True
    return conv["reasons"][-1]


PERSONS_SENTENCES = [
    (  # Bilag 17: none missing is the limit reached (not «Der mangler 0 personer»); 0 < 10: in the zone
        0,
        "Der mangler ingen personer: statens grænse er nået. På områdetrappen er området derfor i "
        "risikozonen (der mangler færre end 10).",
        "No persons are missing: the state's limit is reached. On the area stair the area is "
        "therefore in the risk zone (fewer than 10 are missing).",
    ),
    (  # singular
        1,
        "Der mangler 1 person, før statens grænse er nået; på områdetrappen er området i "
        "risikozonen, når der mangler færre end 10.",
        "1 person is missing before the state's limit is reached; on the area stair the area is in "
        "the risk zone when fewer than 10 are missing.",
    ),
]


@pytest.mark.parametrize(("persons_from_limit", "da", "en"), PERSONS_SENTENCES)
def test_persons_sentence_on_the_area_stair(persons_from_limit: int, da: str, en: str) -> None:
    reason = _persons_sentence(persons_from_limit)
    assert (reason["da"], reason["en"]) == (da, en)


@pytest.mark.parametrize(
    ("designation", "trin"),
    [("forebyggelse", 1), ("udsat", 2), ("parallelsamfund", 2), ("omdannelse", 2)],
)
def test_omraadetrappe_designations(designation: str, trin: int) -> None:
    """Afsnit 6.1.2–6.1.4: the state's designation decides the area-stair step."""
    result = _place({}, area={"designation": designation})
    assert (result["stair"], result["trin"]) == ("omraadetrappe", trin)


def test_omraadetrappe_trin1_relevant_criteria() -> None:
    """Afsnit 6.1.2: A, replaced by S1 when unemployment is in the zone; S2–S4 where in the zone."""
    area = {"designation": "forebyggelse"}
    calm = _place(
        {
            c: {"value": v}
            for c, v in [
                ("unemployment", "20"),
                ("convictions", "1"),
                ("education", "30"),
                ("income", "80"),
            ]
        },
        area=area,
    )
    assert calm["relevant_criteria"] == ["A"] and calm["uncertain_criteria"] == []
    hot = _place(
        {
            c: {"value": v}
            for c, v in [
                ("unemployment", "36"),
                ("convictions", "2.1"),
                ("education", "58"),
                ("income", "57"),
            ]
        },
        area=area,
    )
    assert hot["relevant_criteria"] == ["S1", "S2", "S3", "S4"]
    unknown = _place({}, area=area)
    assert unknown["relevant_criteria"] == ["A"]
    assert unknown["uncertain_criteria"] == ["S1", "S2", "S3", "S4"]


@pytest.mark.parametrize(
    ("residents", "rehoused", "decision", "stair"),
    [
        (950, False, True, "afdelingstrappe"),
        (951, False, True, "omraadetrappe"),
        (999, False, True, "omraadetrappe"),
        (999, False, False, "afdelingstrappe"),
        (800, True, True, "omraadetrappe"),
        (800, False, True, "afdelingstrappe"),
        (1000, False, True, "afdelingstrappe"),
    ],
)
def test_small_areas_near_1000_residents_reading_r28(
    residents: int, rehoused: bool, decision: bool, stair: str
) -> None:
    """Afsnit 6; Bilag 4, III.1; Bilag 17: over 950 residents (Reading R-28) or rehoused, plus SAF."""
    area = {
        "designation": "none",
        "residents": residents,
        "would_be_designated": "udsat",
        "rehoused_for_renovation": rehoused,
        "samarbejdsforum_decision": decision,
    }
    result = _place(LOW, area=area)
    assert result["stair"] == stair
    if stair == "omraadetrappe":
        assert result["trin"] == 2


def test_development_plan_afsnit_6_1_6() -> None:
    """Afsnit 6.1.6 and Bilag 5: suspension until four years without designation; S2 above 1.45 %."""
    plan = _place(
        {"convictions": {"value": "1.46"}},
        development_plan={"years_not_designated": 3, "plan_completed": False},
    )
    assert plan["development_plan"]["municipal_allocation_suspended"] is True
    assert plan["development_plan"]["convictions_criterion_applies"] is True
    four = _place(
        {"convictions": {"value": "1.45"}},
        development_plan={"years_not_designated": 4, "plan_completed": False},
    )
    assert four["development_plan"]["municipal_allocation_suspended"] is False
    assert four["development_plan"]["convictions_criterion_applies"] is False
