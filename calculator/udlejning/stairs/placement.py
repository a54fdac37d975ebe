"""Placing a section on a stair step (afsnit 6, 6.1.x, 6.2.x; Bilag 4, III; Bilag 17).

``place`` takes the cleaned facts about an area and a section and returns a JSON-able answer: the stair,
the step, the need level, each key figure against the state's limit and the risk zone, the relevant
criteria on the area stair's step 1, and afsnit 6.1.6 for areas with a development plan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from udlejning.coverage import covers
from udlejning.model import Reason, Text
from udlejning.parameters import parameter
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
from udlejning.texts import both, day

COVERS = covers(
    "Placering af en afdeling på en trappe",
    "Placing a section on a stair",
    "afsnit 6.1.4",
    "afsnit 6.1.5",
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
    notes.append(review_note(on, area_stair))
    out["reasons"] = [r.to_json() for r in reasons]
    out["notes"] = [r.to_json() for r in notes]
    return out


def review_note(on: date, area_stair: bool) -> Reason:
    """When the placement is revised (afsnit 6.1.5; Bilag 15).

    The area stair follows the state's yearly designation (``omraade.designation_day``, 1 December):
    a placement on ``on`` rests on the latest designation on or before that day and is revised at the
    next one. The section stair rests on data as of 1 December 2023 and is recalculated once, at the
    mid-term status in spring 2026 (Bilag 15), which the agreement dates no more precisely.
    """
    month, dom = parameter("omraade.designation_day").at(on).value
    latest = date(on.year, month, dom)
    if latest > on:
        latest = date(on.year - 1, month, dom)
    following = date(latest.year + 1, month, dom)
    if area_stair:
        last, nxt = both(day, latest), both(day, following)
        return Reason(
            Text(
                f"Placeringen bygger på statens udpegning {last.da} og revideres ved næste udpegning {nxt.da}. Udpeges området ikke længere, fortsætter den hidtidige udlejning, til afdelingens egne tal er opgjort.",
                f"The placement rests on the state's designation of {last.en} and is revised at the next designation on {nxt.en}. If the area is no longer designated, letting goes on as before until the section's own figures are ready.",
            ),
            "afsnit 6.1.5",
        )
    return Reason(
        Text(
            "Placeringen på afdelingstrappen bygger på tal pr. 1. december 2023. Tallene regnes igen ved midtvejsstatus i foråret 2026, og afdelinger kan da flyttes til et andet trin, når Samarbejdsforum har godkendt det.",
            "Placement on the section stair rests on figures as of 1 December 2023. The figures are recalculated at the mid-term status in spring 2026, and sections may then move to another step once Samarbejdsforum has approved it.",
        ),
        "Bilag 15",
    )
