"""Placing a section on a stair step (afsnit 6, 6.1.x, 6.2.x; Bilag 4, III; Bilag 17).

``place`` takes the cleaned facts about an area and a section and returns a JSON-able answer: the stair,
the step, the need level, each key figure against the state's limit and the risk zone, the relevant
criteria on the area stair's step 1, and afsnit 6.1.6 for areas with a development plan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from udlejning.model import Reason, Text
from udlejning.stairs.afsnit6_1_omraadetrappe import (
    development_plan_transition,
    omraadetrappe_placement,
    relevant_criteria,
)
from udlejning.stairs.afsnit6_2_afdelingstrappe import afdelingstrappe_trin, allocation_band
from udlejning.stairs.bilag17_risk_zone import (
    CRITERIA,
    KeyFigure,
    Limits,
    assess_criterion,
    need_level,
)


def key_figures(raw: dict[str, Any] | None) -> dict[str, KeyFigure]:
    raw = raw or {}
    out: dict[str, KeyFigure] = {}
    for criterion in CRITERIA:
        item = raw.get(criterion) or {}
        out[criterion] = KeyFigure(item.get("value"), item.get("persons_from_limit"))
    return out


def place(facts: dict[str, Any], on: date, limits: Limits) -> dict[str, Any]:
    area = facts.get("area") or {}
    figures = key_figures(facts.get("key_figures"))
    allocated: Decimal | None = facts.get("allocated_share")
    reasons: list[Reason] = []
    notes: list[Reason] = []
    omraade_trin, why, maybe = omraadetrappe_placement(
        area.get("designation", "none"),
        area.get("residents"),
        area.get("would_be_designated"),
        area.get("samarbejdsforum_decision"),
        area.get("rehoused_for_renovation"),
        limits,
    )
    reasons += why
    notes += maybe
    area_stair = omraade_trin is not None
    results = [assess_criterion(c, figures[c], limits, area_stair=area_stair) for c in CRITERIA]
    out: dict[str, Any] = {
        "stair": "omraadetrappe" if area_stair else "afdelingstrappe",
        "trin": omraade_trin,
        "need_level": None,
        "allocation_band": None,
        "criteria": [r.to_json() for r in results],
        "relevant_criteria": None,
        "uncertain_criteria": None,
        "development_plan": None,
    }
    if area_stair:
        if omraade_trin == 1:
            required, uncertain, why = relevant_criteria(results)
            out["relevant_criteria"], out["uncertain_criteria"] = required, uncertain
            reasons += why
            if area.get("newly_designated"):
                notes.append(
                    Reason(
                        Text(
                            "Området er nyudpeget: indtil kommunen har afklaret, hvilke skærpede kriterier der skal bruges, udlejes efter de almindelige A-kriterier.",
                            "The area is newly designated: until the municipality has settled which stricter criteria to use, homes are let by the ordinary A criteria.",
                        ),
                        "afsnit 6.1.5",
                    )
                )
    else:
        need, why = need_level(results, limits)
        reasons += why
        trin, why = afdelingstrappe_trin(need, allocated, limits)
        reasons += why
        out["need_level"] = need
        out["trin"] = trin
        if allocated is not None:
            out["allocation_band"] = allocation_band(allocated, limits)
    plan = facts.get("development_plan")
    if plan is not None:
        out["development_plan"] = development_plan_transition(
            on,
            plan.get("years_not_designated"),
            plan.get("plan_completed"),
            figures["convictions"],
            limits,
        )
    out["reasons"] = [r.to_json() for r in reasons]
    out["notes"] = [r.to_json() for r in notes]
    return out
