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
from udlejning.readings import ALTERNATIVE
from udlejning.stairs import bilag17_section_data as sd
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
from udlejning.texts import both, day, number

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


def _allocated(facts: dict[str, Any], reasons: list[Reason]) -> Decimal | None:
    """The allocated share (%), given or from the counts (Bilag 17)."""
    counts = facts.get("allocated_counts")
    if not counts:
        return facts.get("allocated_share")
    a, n = counts["allocated_family_homes"], counts["family_homes"]
    share = sd.allocated_share(a, n)
    shown = both(lambda v, lang: number(v.quantize(Decimal("0.1")), lang), share)
    reasons.append(
        Reason(
            Text(
                f"{a} af {n} familieboliger har anviste husstande: {shown.da} %. Kun familieboliger tæller.",
                f"{a} of {n} family homes have allocated households: {shown.en} %. Only family homes count.",
            ),
            sd.REF_SHARE,
        )
    )
    return share


def _designation(area: dict[str, Any], reasons: list[Reason], notes: list[Reason]) -> str:
    """Afsnit 6.1.5: an area no longer designated keeps its previous letting until the section's
    own figures are ready."""
    designation = area.get("designation", "none")
    previous = area.get("previous_designation")
    if designation != "none" or previous is None:
        return designation
    if area.get("section_figures_ready"):
        reasons.append(
            Reason(
                Text(
                    "Området er ikke længere udpeget, og afdelingens egne tal er opgjort, så afdelingen placeres på afdelingstrappen.",
                    "The area is no longer designated and the section's own figures are ready, so the section is placed on the section stair.",
                ),
                sd.REF_PREVIOUS,
            )
        )
        return designation
    reasons.append(
        Reason(
            Text(
                "Området er ikke længere udpeget, men den hidtidige udlejning fortsætter, indtil afdelingens egne tal er opgjort, og en revideret udlejning kan træde i kraft.",
                "The area is no longer designated, but the previous letting goes on until the section's own figures are ready and a revised letting can take effect.",
            ),
            sd.REF_PREVIOUS,
        )
    )
    return str(previous)


def _section_rules(facts: dict[str, Any], out: dict[str, Any], on: date) -> dict[str, Any]:
    """Bilag 17 pooling, the afsnit 6.2.2 exemption and the afsnit 6.2.1 safeguard, where asked."""
    rules: dict[str, Any] = {}
    size = facts.get("section_size")
    if size:
        pooled = sd.needs_pooling(size["homes"], size["residents"], on)
        text = (
            Text(
                "Afdelingen er for lille til egne socioøkonomiske tal. Den puljes med andre små afdelinger i samme boligorganisation og lokaludvalgsområde, og puljens nøgletal bruges.",
                "The section is too small for its own socio-economic figures. It is pooled with other small sections of the same organisation and local committee area, and the pool's key figures are used.",
            )
            if pooled
            else Text(
                "Afdelingen er stor nok til egne socioøkonomiske tal.",
                "The section is large enough for its own socio-economic figures.",
            )
        )
        rules["pooling"] = {"pooled": pooled, "reasons": [Reason(text, sd.REF_POOLING).to_json()]}
    last = facts.get("last_year")
    if last and out["stair"] == "afdelingstrappe" and out["trin"] in (1, 2):
        exempt = sd.exempt_next_year(last["vacant_homes"], last["allocated_homes"], on)
        v, a = last["vacant_homes"], last["allocated_homes"]
        text = (
            Text(
                f"Sidste år blev {a} af {v} ledige boliger anvist: mere end hver {{{{stairs.exempt.every_nth}}}}. Afdelingen fritages i år for boliger til byfornyelsesgenhusning.",
                f"Last year {a} of {v} vacant homes were allocated: more than one in {{{{stairs.exempt.every_nth}}}}. The section is exempt this year from homes for urban-renewal rehousing.",
            )
            if exempt
            else Text(
                f"Sidste år blev {a} af {v} ledige boliger anvist: ikke mere end hver {{{{stairs.exempt.every_nth}}}}. Afdelingen fritages ikke.",
                f"Last year {a} of {v} vacant homes were allocated: not more than one in {{{{stairs.exempt.every_nth}}}}. The section is not exempt.",
            )
        )
        rules["exemption"] = {"exempt": exempt, "reasons": [_filled(text, sd.REF_EXEMPT, on)]}
    guard = facts.get("trin1_safeguard")
    if guard and out["stair"] == "afdelingstrappe" and out["trin"] == 1:
        state = sd.safeguard_trin1(
            guard["all_realised_2019_2023"],
            guard["expected_first_year"],
            guard["realised_so_far"],
            on,
        )
        rules["safeguard"] = {
            "state": state,
            "reasons": [_filled(SAFEGUARD[state], sd.REF_SAFEGUARD, on)],
        }
    return rules


SAFEGUARD = {
    "not_covered": Text(
        "Den særlige sikring gælder kun afdelinger, der fik anvist alle stillede boliger i 2019–23, og hvor parternes beregning viser mindst {{stairs.safeguard.min_first_year}} anvisninger det første år.",
        "The special safeguard applies only to sections that had all homes made available allocated in 2019–23 and where the parties' calculation shows at least {{stairs.safeguard.min_first_year}} allocations in the first year.",
    ),
    "waiting_list_allowed": Text(
        "De første {{stairs.safeguard.min_first_year}} kommunale boliger i hjulet er anvist. Den næste kommunale bolig må boligorganisationen udleje fra ventelisten; den giver Socialforvaltningen besked.",
        "The first {{stairs.safeguard.min_first_year}} municipal homes of the wheel have been allocated. The housing organisation may let the next municipal home from the waiting list; it tells the Social Services Administration.",
    ),
    "not_yet": Text(
        "Den særlige sikring gælder, men først når de første {{stairs.safeguard.min_first_year}} kommunale boliger i hjulet er anvist.",
        "The special safeguard applies, but only once the first {{stairs.safeguard.min_first_year}} municipal homes of the wheel have been allocated.",
    ),
}


def _filled(text: Text, reference: str, on: date) -> dict[str, str]:
    from udlejning.catalogue import render_text

    return {**render_text(text, on), "reference": reference}


def place(facts: dict[str, Any], on: date, limits: Limits) -> dict[str, Any]:
    area = facts.get("area") or {}
    figures = key_figures(facts.get("key_figures"))
    reasons: list[Reason] = []
    notes: list[Reason] = []
    allocated = _allocated(facts, reasons)
    omraade_trin, why, maybe = omraadetrappe_placement(
        _designation(area, reasons, notes),
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
            if area.get("newly_designated"):
                # Afsnit 6.1.5 (L947–957): let by the ordinary A criteria at once; whether the
                # stricter ones apply waits for the municipality, so they are only "uncertain".
                pending = [c for c in required + uncertain if c.startswith("S")]
                required, uncertain = ["A"], pending
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
        chosen = facts.get("readings") or {}
        out["development_plan"] = development_plan_transition(
            on,
            plan.get("years_not_designated"),
            plan.get("plan_completed"),
            figures["convictions"],
            limits,
            r29_alternative=chosen.get("R-29") == ALTERNATIVE,
            r41_alternative=chosen.get("R-41") == ALTERNATIVE,
        )
    notes.append(review_note(on, area_stair))
    rules = _section_rules(facts, out, on)
    if rules:
        out["section_rules"] = rules
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
