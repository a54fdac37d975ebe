"""Bilag 5: the law's limits on municipal allocation in disadvantaged areas and prevention areas.

The extracted table lost its columns. Only the benefits row visibly has two cells (disadvantaged areas,
prevention areas). Reading R-35: a row printed once, across both columns (L4863–4921), applies to both
area types, as a merged cell does; ``scope`` gives "both" for it. The alternative reading leaves such a
row "unclear". In disadvantaged areas the parties suspend municipal
allocation altogether (afsnit 6.1.3; Bilag 5 says "områdetrappens trin 1", read as trin 2, Reading R-35).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.coverage import covers
from udlejning.model import Text
from udlejning.sections.bilag5_citizen import (
    ASSESS,
    BENEFIT_MONTHS,
    CASH_BENEFIT_MONTHS_FOREBYGGELSE,
    MINOR_AGE,
    RECENT_MONTHS,
)
from udlejning.stairs.afsnit6_1_omraadetrappe import REF_TRANSITION, development_plan_transition
from udlejning.stairs.bilag17_risk_zone import KeyFigure, Limits

COVERS = covers(
    "Lovens grænser for anvisning i udsatte områder og forebyggelsesområder",
    "The law's limits on allocation in disadvantaged and prevention areas",
    "Bilag 5",
)

REFERENCE = "Bilag 5 (skema pr. 01-01-2024)"
ROWS: tuple[dict[str, object], ...] = (
    {
        "id": "released_offender",
        "applies_to": "unclear",
        "text": Text(
            f"Dømt og løsladt fra kriminalforsorgen inden for {RECENT_MONTHS} måneder, med handleplan (servicelovens § 141).",
            f"Convicted and released from the prison service within {RECENT_MONTHS} months, with an action plan (Social Services Act § 141).",
        ),
    },
    {
        "id": "released_under_18",
        "applies_to": "unclear",
        "text": Text(
            f"Under {MINOR_AGE}, dømt og løsladt fra en institution uden for kriminalforsorgen inden for {RECENT_MONTHS} måneder, med handleplan (§ 57).",
            f"Under {MINOR_AGE}, convicted and released from an institution outside the prison service within {RECENT_MONTHS} months, with an action plan (§ 57).",
        ),
    },
    {
        "id": "house_rules",
        "applies_to": "unclear",
        "text": Text(
            f"Lejemål ophævet eller opsagt inden for {RECENT_MONTHS} måneder for grove brud på god skik og orden.",
            f"Tenancy ended within {RECENT_MONTHS} months for gross breaches of good conduct.",
        ),
    },
    {
        "id": "citizenship",
        "applies_to": "unclear",
        "text": Text(
            "Ikke statsborger i EU, EØS eller Schweiz (undtagen studerende på en offentligt anerkendt uddannelse).",
            "Not a citizen of the EU, EEA or Switzerland (except students at a publicly recognised institution).",
        ),
    },
    {
        "id": "benefits_udsat",
        "applies_to": "udsat",
        "text": Text(
            f"{BENEFIT_MONTHS} sammenhængende måneder med selvforsørgelses- og hjemrejseydelse, overgangsydelse, uddannelseshjælp eller kontanthjælp; førtidspension; eller {BENEFIT_MONTHS} måneder med dagpenge, sygedagpenge eller ressourceforløbsydelse.",
            f"{BENEFIT_MONTHS} consecutive months of self-support and return benefit, transition benefit, education aid or cash benefit; disability pension; or {BENEFIT_MONTHS} months of unemployment, sickness or resource-course benefit.",
        ),
    },
    {
        "id": "benefits_forebyggelse",
        "applies_to": "forebyggelse",
        "text": Text(
            f"{BENEFIT_MONTHS} sammenhængende måneder med selvforsørgelses- og hjemrejseydelse eller overgangsydelse, eller {CASH_BENEFIT_MONTHS_FOREBYGGELSE} sammenhængende måneder med kontanthjælp.",
            f"{BENEFIT_MONTHS} consecutive months of self-support and return benefit or transition benefit, or {CASH_BENEFIT_MONTHS_FOREBYGGELSE} consecutive months of cash benefit.",
        ),
    },
)


def scope(row: dict[str, object], alternative: bool = False) -> str:
    """Where a row applies: its own column, or for a row printed once "both" (reading R-35), or
    "unclear" under the alternative reading."""
    own = str(row["applies_to"])
    if own != "unclear":
        return own
    return "unclear" if alternative else "both"


EXCEPTION = Text(
    "Kan kommunen konkret ikke anvise borgeren uden for sådanne områder, kan den alligevel anvise (en undtagelse).",
    "If the municipality cannot in the case allocate the person outside such areas, it may still do so (an exception).",
)


# --- The assessment (the endpoint udlejning.tools.allocation_limits serialises it) ---------------

T = Text
REF_B5 = REFERENCE
# --- Bilag 5: limits on municipal allocation --------------------------------------------------------

# Bilag 5 (skema): "inden for de seneste 6 måneder", "personer under 18 år", "6 sammenhængende
# kalendermåneder", and for prevention areas "24 sammenhængende kalendermåneder" of cash benefit.
MAX_MONTHS = 1200

AREAS = {
    "forebyggelse": T("forebyggelsesområde", "prevention area"),
    "udsat": T("udsat boligområde", "disadvantaged housing area"),
    "parallelsamfund": T("parallelsamfund", "parallel society"),
    "omdannelse": T("omdannelsesområde", "transformation area"),
    "former_omdannelse": T(
        "tidligere omdannelsesområde med udviklingsplan, ikke længere udpeget som udsat",
        "former transformation area with a development plan, no longer designated as disadvantaged",
    ),
}
# Bilag 5's two columns: disadvantaged areas (incl. former transformation areas) and prevention areas.
COLUMN = {
    "forebyggelse": "forebyggelse",
    "udsat": "udsat",
    "parallelsamfund": "udsat",
    "omdannelse": "udsat",
    "former_omdannelse": "udsat",
}
VERDICTS = ("may_allocate", "may_allocate_by_exception", "may_not_allocate", "cannot_tell")
EFFECTS = ("bars", "may_bar", "cannot_tell", "none")
CITIZEN_STATUSES = ("covered", "not_covered", "cannot_tell")


def _effect(scope: str, column: str, status: str, in_force: bool) -> str:
    if not in_force or status == "not_covered":
        return "none"
    if status == "cannot_tell":
        return "cannot_tell"
    return "bars" if scope in (column, "both") else "may_bar"


def _limit_rows(
    citizen: dict[str, Any], on: date, column: str, in_force: bool, r35_alternative: bool = False
) -> list[dict]:
    rows = []
    for row in ROWS:
        area_scope = scope(row, r35_alternative)
        if area_scope not in (column, "unclear", "both"):
            continue
        rid = str(row["id"])
        status, why, missing = ASSESS[rid](citizen, on)
        text = row["text"]
        assert isinstance(text, Text)
        rows.append(
            {
                "id": rid,
                "limit": text.to_json(),
                "area_scope": area_scope,
                "citizen": status,
                "effect": _effect(area_scope, column, status, in_force),
                **why.to_json(),
                "missing": missing,
                "reference": REF_B5,
            }
        )
    return rows


def _reason(da: str, en: str, reference: str) -> dict[str, str]:
    return {"da": da, "en": en, "reference": reference}


R35 = _reason(
    "I aftalens tekst er skemaets kolonner gået tabt: for rækkerne om løsladelse, husorden og statsborgerskab kan vi ikke se, om de gælder i udsatte områder, forebyggelsesområder eller begge (læsning R-35). Rammer en sådan række borgeren, er svaret derfor usikkert.",
    "In the agreement's text the table's columns are lost: for the rows on release, house rules and citizenship we cannot see whether they apply in disadvantaged areas, prevention areas or both (Reading R-35). If such a row covers the citizen, the answer is therefore uncertain.",
    REF_B5,
)
EXCEPTION_REASON = _reason(EXCEPTION.da, EXCEPTION.en, "Bilag 5 (undtagelse / exception)")


ALLOCATION_WORDS = {
    "may_allocate": T("kommunen må anvise", "the municipality may allocate"),
    "may_allocate_by_exception": T(
        "kommunen må anvise som undtagelse", "the municipality may allocate by exception"
    ),
    "may_not_allocate": T("kommunen må ikke anvise", "the municipality may not allocate"),
    "cannot_tell": T("kan ikke afgøres", "cannot tell"),
}


def _other_reading(rid: str, alternative: bool, now: str, then: str) -> list[dict[str, str]]:
    """The other reading's verdict, in plain words, when it differs (issue 11)."""
    if now == then:
        return []
    from udlejning.readings import alternative_text

    which = (
        T("den læsning, vi har valgt", "the reading we chose")
        if alternative
        else T("en anden læsning af aftalen", "another reading of the agreement")
    )
    alt = T("", "") if alternative else T(*alternative_text(rid))
    a, b = ALLOCATION_WORDS[then], ALLOCATION_WORDS[now]
    return [
        {
            "reading": rid,
            "choice": "chosen" if alternative else "alternative",
            "verdict": then,
            "da": f"Efter {which.da} ({rid}) ville svaret være «{a.da}» i stedet for «{b.da}». {alt.da}".strip(),
            "en": f"Under {which.en} ({rid}) the answer would be “{a.en}” instead of “{b.en}”. {alt.en}".strip(),
        }
    ]


def _alternative(clean: dict[str, Any], rid: str) -> bool:
    """The user chose the other reading of ``rid``."""
    return (clean.get("readings") or {}).get(rid) == "alternative"


def _transition(clean: dict[str, Any], on: date, r29_alternative: bool) -> dict[str, Any]:
    """Afsnit 6.1.6's transition for a former transformation area, under Reading R-29 (or not)."""
    plan = clean.get("development_plan") or {}
    return development_plan_transition(
        on,
        plan.get("years_not_designated"),
        plan.get("plan_completed"),
        KeyFigure(),
        Limits(on),
        r29_alternative=r29_alternative,
    )


# A former transformation area: is allocation still suspended in the transition -> the verdict.
TRANSITION_VERDICT = {True: "may_not_allocate", None: "cannot_tell", False: "may_allocate"}
TRANSITION_REASON = {
    True: T(
        "Området har været omdannelsesområde og har en udviklingsplan. I overgangsperioden er den boligsociale anvisning fortsat suspenderet, fordi kommunen her er underlagt de samme begrænsninger som i udsatte boligområder.",
        "The area has been a transformation area and has a development plan. During the transition municipal allocation stays suspended, because the municipality is here subject to the same limits as in disadvantaged areas.",
    ),
    None: T(
        "Om anvisningen stadig er suspenderet, afhænger af overgangen (se «development_plan»).",
        "Whether allocation is still suspended depends on the transition (see “development_plan”).",
    ),
    False: T(
        "Overgangen er slut, så begrænsningerne for tidligere omdannelsesområder gælder ikke længere. Er området nu udpeget som forebyggelsesområde, så vælg det i stedet.",
        "The transition is over, so the limits for former transformation areas no longer apply. If the area is now designated as a prevention area, choose that instead.",
    ),
}
REF_SUSPENDED = "afsnit 6.1.3; Bilag 5"


def _other_transition(clean: dict[str, Any], on: date, verdict: str) -> list[dict[str, str]]:
    """Reading R-29 for a former transformation area: would the other reading end the suspension?"""
    alternative = _alternative(clean, "R-29")
    other = _transition(clean, on, not alternative)["municipal_allocation_suspended"]
    return _other_reading("R-29", alternative, verdict, TRANSITION_VERDICT[other])


def _verdict_from_rows(
    rows: list[dict], exception: bool | None, reasons: list[dict[str, str]]
) -> str:
    effects = {r["effect"] for r in rows}
    blocked = "bars" in effects
    unsure = bool(effects & {"may_bar", "cannot_tell"})
    if not blocked and not unsure:
        reasons.append(
            _reason(
                "Ingen af Bilag 5's begrænsninger for området rammer borgeren.",
                "None of Bilag 5's limits for the area covers the citizen.",
                REF_B5,
            )
        )
        return "may_allocate"
    if blocked:
        reasons.append(
            _reason(
                "Mindst én af Bilag 5's begrænsninger for området rammer borgeren (se «limits»).",
                "At least one of Bilag 5's limits for the area covers the citizen (see “limits”).",
                REF_B5,
            )
        )
    else:
        reasons.append(
            _reason(
                "Det afhænger af oplysninger, der mangler, eller af en række, hvis kolonne er tabt (se «limits»).",
                "It depends on missing facts, or on a row whose column is lost (see “limits”).",
                REF_B5,
            )
        )
    if "may_bar" in effects:
        reasons.append(R35)
    if exception:
        reasons.append(EXCEPTION_REASON)
        reasons.append(
            _reason(
                "Kommunen har vurderet, at borgeren konkret ikke kan anvises uden for sådanne områder, så den kan anvise alligevel.",
                "The municipality has found that the citizen cannot in the case be allocated outside such areas, so it may allocate anyway.",
                REF_B5,
            )
        )
        return "may_allocate_by_exception"
    if exception is None:
        reasons.append(EXCEPTION_REASON)
    return "may_not_allocate" if blocked else "cannot_tell"


def _suspended_reasons(area: str, exception: bool | None) -> list[dict[str, str]]:
    """Afsnit 6.1.3: allocation is suspended in disadvantaged areas, Bilag 5's exception too."""
    reasons = [
        _reason(
            f"Området er et {AREAS[area].da}. Parterne har aftalt helt at suspendere den boligsociale anvisning i udsatte boligområder (herunder parallelsamfund og omdannelsesområder), fordi lovens begrænsninger ville ramme de fleste i målgruppen.",
            f"The area is a {AREAS[area].en}. The parties have agreed to suspend municipal allocation entirely in disadvantaged areas (including parallel societies and transformation areas), because the law's limits would hit most of the target group.",
            REF_SUSPENDED,
        )
    ]
    if exception:
        reasons.append(
            _reason(
                "Bilag 5 nævner en undtagelse, når borgeren konkret ikke kan anvises uden for sådanne områder, men parterne har suspenderet anvisningen i udsatte boligområder helt.",
                "Bilag 5 mentions an exception when the citizen cannot in the case be allocated outside such areas, but the parties have suspended allocation in disadvantaged areas entirely.",
                REF_SUSPENDED,
            )
        )
    return reasons


def _former_transformation(
    clean: dict[str, Any], on: date
) -> tuple[str, list[dict[str, str]], dict[str, Any]]:
    """Afsnit 6.1.6: the verdict and reason while a former transformation area is in transition,
    and the transition as the answer shows it (``development_plan``)."""
    transition = _transition(clean, on, _alternative(clean, "R-29"))
    suspended = transition["municipal_allocation_suspended"]
    why = TRANSITION_REASON[suspended]
    # Without key figures the convictions criterion is not asked here (R-41 is unused).
    plan = {k: v for k, v in transition.items() if k != "convictions_criterion_applies"}
    return TRANSITION_VERDICT[suspended], [_reason(why.da, why.en, REF_TRANSITION)], plan


def allocation_answer(clean: dict[str, Any]) -> dict[str, Any]:
    """Bilag 5 (with afsnit 6.1.3 and 6.1.6): may the municipality allocate this citizen a home in
    the area, and if not, why not. In a disadvantaged area afsnit 6.1.3 prevails over Bilag 5's
    exception (Reading R-38)."""
    on: date = clean["date"]
    area: str = clean["area"]
    citizen: dict[str, Any] = clean.get("citizen") or {}
    exception: bool | None = clean.get("no_option_outside")
    reasons: list[dict[str, str]] = []
    plan: dict[str, Any] | None = None
    in_force = True
    verdict: str
    if area in ("udsat", "parallelsamfund", "omdannelse"):
        verdict, reasons = "may_not_allocate", _suspended_reasons(area, exception)
    elif area == "former_omdannelse":
        verdict, reasons, plan = _former_transformation(clean, on)
        in_force = verdict != "may_allocate"  # the transition is over: its limits no longer apply
    r35_alt = _alternative(clean, "R-35")
    rows = _limit_rows(citizen, on, COLUMN[area], in_force, r35_alt)
    other: list[dict[str, str]] = []
    if area == "forebyggelse":
        verdict = _verdict_from_rows(rows, exception, reasons)
        other_rows = _limit_rows(citizen, on, COLUMN[area], in_force, not r35_alt)
        other = _other_reading(
            "R-35", r35_alt, verdict, _verdict_from_rows(other_rows, exception, [])
        )
    if area == "former_omdannelse":
        other = _other_transition(clean, on, verdict)
    return {
        "date": on.isoformat(),
        "area": area,
        "verdict": verdict,
        "reasons": reasons,
        "limits": rows,
        "development_plan": plan,
        "readings": ["R-29"] if area == "former_omdannelse" else ["R-35"],
        "other_readings": other,
    }
