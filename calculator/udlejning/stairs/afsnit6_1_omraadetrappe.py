"""Afsnit 6 (intro), 6.1.2–6.1.6 and Bilag 4, III.1: the area stair (områdetrappen).

- Trin 1: sections in areas the state designates as prevention areas (forebyggelsesområder), afsnit 6.1.2.
- Trin 2: sections in disadvantaged areas (udsatte boligområder), incl. parallel societies and
  transformation areas (parallelsamfund, omdannelsesområder), afsnit 6.1.3.
- Smaller areas (afsnit 6 intro; Bilag 4, III.1; Bilag 17): an area under 1,000 residents whose key
  figures would have had it designated can be placed on the area stair by decision of Samarbejdsforum
  when it has more than 950 residents, or when it is under 1,000 only because residents are temporarily
  rehoused during a renovation. Reading R-28: afsnit 6 and Bilag 4 say "overstiger 950", Bilag 17 says
  "mindst 950"; we follow "overstiger" (951 or more).
- On trin 1 the A criteria apply, replaced by the stricter employment criterion (S1) where the area is in
  the risk zone for unemployment; S2–S4 apply where the area is in the risk zone for that criterion
  (afsnit 6.1.2; Bilag 4, Udlejningshjul trin 1).
- Afsnit 6.1.6 with Bilag 5: areas that were transformation areas and have a development plan keep
  municipal allocation suspended; the convictions criterion applies once the share of convicted residents
  exceeds the prevention-area limit. Reading R-29 on the end of the transition, R-41 on «overstiger».
"""

from __future__ import annotations

from datetime import date

from udlejning.coverage import covers
from udlejning.model import Reason, Text
from udlejning.stairs.bilag17_risk_zone import SKAERPET, CriterionResult, KeyFigure, Limits
from udlejning.texts import both, day, percent, plural

COVERS = covers(
    "Områdetrappen",
    "The area stair",
    "afsnit 6",
    "afsnit 6.1",
    "afsnit 6.1.2",
    "afsnit 6.1.3",
    "afsnit 6.1.4",
    "afsnit 6.1.6",
    "Bilag 4, III.1",
)

DESIGNATIONS = {
    "none": Text("ikke udpeget", "not designated"),
    "forebyggelse": Text("forebyggelsesområde", "prevention area"),
    "udsat": Text("udsat boligområde", "disadvantaged housing area"),
    "parallelsamfund": Text("parallelsamfund", "parallel society"),
    "omdannelse": Text("omdannelsesområde", "transformation area"),
}
TRIN_OF = {"forebyggelse": 1, "udsat": 2, "parallelsamfund": 2, "omdannelse": 2}
REF_TRIN = {1: "afsnit 6.1.2; afsnit 6.1.4; Bilag 4, III.1", 2: "afsnit 6.1.3; Bilag 4, III.1"}
REF_SMALL = "afsnit 6 (områdetrappe, mindre boligområder); Bilag 4, III.1; Bilag 17 (Boligområder)"
REF_RELEVANT = "afsnit 6.1.2; Bilag 4, Udlejningshjul områdetrappen trin 1"
REF_SECTION_STAIR = "afsnit 6 (afdelingstrappe); afsnit 6.1.4; Bilag 4, III.2"
# Bilag 5 (ABL § 168 b, stk. 10): the restrictions end at the latest on this day.
BILAG5_LAST_END = date(2030, 1, 1)


Placement = tuple[int | None, list[Reason], list[Reason]]
ON_SECTION_STAIR = Reason(
    Text(
        "Området er ikke udpeget af staten. Afdelingen placeres på afdelingstrappen ud fra sine egne nøgletal.",
        "The state has not designated the area. The section is placed on the section stair by its own key figures.",
    ),
    REF_SECTION_STAIR,
)


def omraadetrappe_placement(
    designation: str,
    residents: int | None,
    would_be_designated: str | None,
    samarbejdsforum_decision: bool | None,
    rehoused_for_renovation: bool | None,
    limits: Limits,
) -> Placement:
    """The area-stair step (1, 2) or None for the section stair; the reasons; and notes (possibilities)."""
    if designation in TRIN_OF:
        return _designated(designation)
    small = _small_area(residents, would_be_designated, rehoused_for_renovation, limits)
    if small is None:
        return None, [ON_SECTION_STAIR], []
    trin, why = small
    if samarbejdsforum_decision:
        decided = Text(
            f"Området er ikke udpeget, men {why.da}, og nøgletallene ville have givet udpegning. Samarbejdsforum har besluttet at placere det på områdetrappens trin {trin}.",
            f"The area is not designated, but {why.en}, and its key figures would have led to designation. Samarbejdsforum has decided to place it on step {trin} of the area stair.",
        )
        return trin, [Reason(decided, REF_SMALL)], []
    may_decide = Text(
        f"Området {why.da} og ville være udpeget med flere beboere. Samarbejdsforum kan beslutte at placere det på områdetrappens trin {trin}; uden en sådan beslutning gælder afdelingstrappen.",
        f"The area {why.en} and would be designated with more residents. Samarbejdsforum may decide to place it on step {trin} of the area stair; without such a decision the section stair applies.",
    )
    return None, [ON_SECTION_STAIR], [Reason(may_decide, REF_SMALL)]


def _designated(designation: str) -> Placement:
    """An area the state designated: the step its designation gives."""
    trin, name = TRIN_OF[designation], DESIGNATIONS[designation]
    text = Text(
        f"Området er udpeget af staten som {name.da}. Afdelingen er derfor på områdetrappens trin {trin}.",
        f"The state has designated the area as a {name.en}. The section is therefore on step {trin} of the area stair.",
    )
    return trin, [Reason(text, REF_TRIN[trin])], []


def _small_area(
    residents: int | None,
    would_be_designated: str | None,
    rehoused_for_renovation: bool | None,
    limits: Limits,
) -> tuple[int, Text] | None:
    """An area too small to be designated that Samarbejdsforum may place on the area stair: the
    step its key figures would give, and why it may (more residents than the small-area limit, or
    residents rehoused during a renovation). None when it may not."""
    minimum = int(limits.get("omraade.min_residents"))
    over = int(limits.get("omraade.small_area.residents_over"))
    if (
        residents is None
        or residents >= minimum
        or would_be_designated not in TRIN_OF
        or not (residents > over or rehoused_for_renovation)
    ):
        return None
    assert would_be_designated is not None
    why = (
        Text(f"har {residents} beboere (over {over})", f"has {residents} residents (over {over})")
        if residents > over
        else Text(
            "er under grænsen, fordi beboere er genhuset midlertidigt under en renovering",
            "is under the limit because residents are temporarily rehoused during a renovation",
        )
    )
    return TRIN_OF[would_be_designated], why


def relevant_criteria(
    results: list[CriterionResult],
) -> tuple[list[str], list[str], list[Reason]]:
    """Områdetrappe trin 1: the criteria a household must meet (``A`` stands for A1 or A2), and the
    criteria that apply only if a criterion with an unknown key figure is in the risk zone."""
    by = {r.criterion: r for r in results}
    required: list[str] = []
    uncertain: list[str] = []
    employment = by["unemployment"].within_risk_zone
    if employment is True:
        required.append("S1")
    else:
        required.append("A")
        if employment is None:
            uncertain.append("S1")
    for criterion in ("convictions", "education", "income"):
        zone = by[criterion].within_risk_zone
        if zone is True:
            required.append(SKAERPET[criterion])
        elif zone is None:
            uncertain.append(SKAERPET[criterion])
    reasons = [
        Reason(
            Text(
                "På områdetrappens trin 1 skal mindst ét A-kriterium (arbejde eller uddannelse) være opfyldt. Er området i risikozonen for ledighed, erstattes A af det skærpede beskæftigelseskriterium, og for hvert andet kriterium i risikozonen gælder det tilsvarende skærpede kriterium.",
                "On step 1 of the area stair at least one A criterion (work or education) must be met. If the area is in the risk zone for unemployment, A is replaced by the stricter employment criterion, and each other criterion in the risk zone brings in the matching stricter criterion.",
            ),
            REF_RELEVANT,
        )
    ]
    return required, uncertain, reasons


def development_plan_transition(
    on: date,
    years_not_designated: int | None,
    plan_completed: bool | None,
    convictions: KeyFigure,
    limits: Limits,
    *,
    r29_alternative: bool = False,
    r41_alternative: bool = False,
) -> dict[str, object]:
    """Afsnit 6.1.6 and Bilag 5: is municipal allocation still suspended, what ends the suspension,
    and does S2 apply?

    Reading R-29: the parties' suspension (afsnit 6.1.6, L967–980) ends at the earlier of four years in
    a row without designation and the plan being carried out; it has no fixed last day. Bilag 5's third
    end point, 1 January 2030 (ABL § 168 b, stk. 10, L4843–4851), ends the law's limits, not the
    parties' suspension. The alternative reading merges it into 6.1.6, so the suspension ends on
    1 January 2030 at the latest: inside the agreement's period the two readings differ in what the
    answer says ends the suspension (``ends_at_the_latest``), not in whether it holds today.
    Reading R-41: the convictions criterion applies when the share *exceeds* the prevention-area
    limit (strictly, L988–993); the alternative takes the limit as the state applies it (at least).
    """
    reasons: list[Reason] = []
    other: list[dict[str, str]] = []
    suspended = _suspended(on, years_not_designated, plan_completed, r29_alternative, reasons)
    ends: date | None = None
    if suspended is not False:
        ends = BILAG5_LAST_END if r29_alternative else None
        reasons.append(_what_ends(r29_alternative))
        other.append(_other_end(r29_alternative))
    used = ["R-29"]
    applies: bool | None = None
    if convictions.value is not None:
        used.append("R-41")
        limit = limits.dec("forebyggelse.convictions.threshold")
        applies = convictions.value >= limit if r41_alternative else convictions.value > limit
        reasons.append(_convictions_reason(convictions.value, limit, applies, r41_alternative))
        if convictions.value == limit:
            other.append(_other_convictions(r41_alternative, applies))
    return {
        "municipal_allocation_suspended": suspended,
        "ends_at_the_latest": ends.isoformat() if ends else None,
        "convictions_criterion_applies": applies,
        "reasons": [r.to_json() for r in reasons],
        "readings": used,
        "other_readings": other,
    }


REF_TRANSITION = "afsnit 6.1.6; Bilag 5"
TRANSITION_YEARS = 4  # afsnit 6.1.6 and Bilag 5: «i fire år i træk»


def _suspended(
    on: date,
    years_not_designated: int | None,
    plan_completed: bool | None,
    r29_alternative: bool,
    reasons: list[Reason],
) -> bool | None:
    statutory_end = r29_alternative and on >= BILAG5_LAST_END
    if statutory_end or plan_completed or (years_not_designated or 0) >= TRANSITION_YEARS:
        last = both(day, BILAG5_LAST_END)
        reasons.append(
            Reason(
                Text(
                    "Overgangsperioden er slut (fire år i træk uden udpegning, eller udviklingsplanen er gennemført)."
                    if not statutory_end
                    else f"Overgangsperioden er slut: det er {last.da} eller senere (anden læsning af R-29).",
                    "The transition is over (four years in a row without designation, or the development plan is carried out)."
                    if not statutory_end
                    else f"The transition is over: it is {last.en} or later (the other reading of R-29).",
                ),
                REF_TRANSITION,
            )
        )
        return False
    if years_not_designated is None or plan_completed is None:
        reasons.append(
            Reason(
                Text(
                    "Vi mangler antallet af år i træk uden udpegning eller svar på, om udviklingsplanen er gennemført.",
                    "We need the number of years in a row without designation, or whether the development plan is carried out.",
                ),
                REF_TRANSITION,
            )
        )
        return None
    reasons.append(
        Reason(
            Text(
                f"Området har kun været uden udpegning {years_not_designated} år i træk, og udviklingsplanen er ikke gennemført. Kommunens boligsociale anvisning er fortsat suspenderet.",
                f"The area has been without designation for only {plural(years_not_designated, 'year', 'years')} in a row, and the development plan is not carried out. Municipal allocation stays suspended.",
            ),
            REF_TRANSITION,
        )
    )
    return True


def _end_texts(alternative: bool) -> Text:
    """What ends the suspension, under the chosen reading of R-29 or under the other one."""
    last = both(day, BILAG5_LAST_END)
    if alternative:
        return Text(
            f"Suspensionen slutter, når området har været fire år i træk uden udpegning, eller når udviklingsplanen er gennemført – og senest {last.da}.",
            f"The suspension ends when the area has been four years in a row without designation, or when the development plan is carried out – and on {last.en} at the latest.",
        )
    return Text(
        "Suspensionen har ingen fast slutdato. Den varer, til området har været fire år i træk uden udpegning som udsat boligområde, eller til udviklingsplanen er gennemført.",
        "The suspension has no fixed last day. It lasts until the area has been four years in a row without designation as a disadvantaged area, or until the development plan is carried out.",
    )


def _what_ends(alternative: bool) -> Reason:
    text = _end_texts(alternative)
    tag = (
        Text(" (Anden læsning af R-29.)", " (The other reading of R-29.)")
        if alternative
        else Text(" (Læsning R-29.)", " (Reading R-29.)")
    )
    return Reason(
        Text(text.da + tag.da, text.en + tag.en), "afsnit 6.1.6; Bilag 5 (L967–980, L4843–4851)"
    )


def _other_words(alternative: bool) -> Text:
    if alternative:
        return Text("den læsning, vi har valgt", "the reading we chose")
    return Text("en anden læsning af aftalen", "another reading of the agreement")


def _other_end(alternative: bool) -> dict[str, str]:
    """Issue 11: the other reading of R-29 in plain words; it changes what ends the suspension."""
    which, then = _other_words(alternative), _end_texts(not alternative)
    return {
        "reading": "R-29",
        "choice": "chosen" if alternative else "alternative",
        "da": f"Efter {which.da} (R-29): {then.da}",
        "en": f"Under {which.en} (R-29): {then.en}",
    }


def _convictions_reason(value, limit, applies: bool, alternative: bool) -> Reason:  # type: ignore[no-untyped-def]
    value_t, limit_t = both(percent, value), both(percent, limit)
    rule = (
        Text(
            "mindst grænsen (anden læsning af R-41)",
            "at least the limit (the other reading of R-41)",
        )
        if alternative
        else Text("over grænsen (læsning R-41)", "above the limit (Reading R-41)")
    )
    return Reason(
        Text(
            f"Andelen af dømte er {value_t.da}; grænsen for forebyggelsesområder er {limit_t.da}. Dømte-kriteriet (S2) gælder, når andelen er {rule.da}, så det {'gælder' if applies else 'gælder ikke'}.",
            f"The share of convicted residents is {value_t.en}; the prevention-area limit is {limit_t.en}. The convictions criterion (S2) applies when the share is {rule.en}, so it {'applies' if applies else 'does not apply'}.",
        ),
        "afsnit 6.1.6 (L988–993); Bilag 17, figur 1",
    )


def _other_convictions(alternative: bool, applies: bool) -> dict[str, str]:
    """Issue 11: at exactly the limit the other reading of R-41 turns S2 on or off."""
    which = _other_words(alternative)
    then = (
        Text("ville dømte-kriteriet (S2) gælde", "the convictions criterion (S2) would apply")
        if not applies
        else Text(
            "ville dømte-kriteriet (S2) ikke gælde",
            "the convictions criterion (S2) would not apply",
        )
    )
    return {
        "reading": "R-41",
        "choice": "chosen" if alternative else "alternative",
        "da": f"Efter {which.da} (R-41){',' if alternative else ''} {then.da}, fordi andelen er lig med grænsen.",
        "en": f"Under {which.en} (R-41) {then.en}, because the share equals the limit.",
    }
