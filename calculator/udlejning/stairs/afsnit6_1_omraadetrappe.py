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
  exceeds the prevention-area limit. Reading R-29 on the end of the transition.
"""

from __future__ import annotations

from datetime import date

from udlejning.coverage import covers
from udlejning.model import Reason, Text
from udlejning.stairs.bilag17_risk_zone import SKAERPET, CriterionResult, KeyFigure, Limits
from udlejning.texts import both, percent, plural

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
# Bilag 5 (ABL § 168 b, stk. 10): the restrictions end at the latest on this day.
BILAG5_LAST_END = date(2030, 1, 1)


def omraadetrappe_placement(
    designation: str,
    residents: int | None,
    would_be_designated: str | None,
    samarbejdsforum_decision: bool | None,
    rehoused_for_renovation: bool | None,
    limits: Limits,
) -> tuple[int | None, list[Reason], list[Reason]]:
    """The area-stair step (1, 2) or None for the section stair; the reasons; and notes (possibilities)."""
    if designation in TRIN_OF:
        trin = TRIN_OF[designation]
        name = DESIGNATIONS[designation]
        return (
            trin,
            [
                Reason(
                    Text(
                        f"Området er udpeget af staten som {name.da}. Afdelingen er derfor på områdetrappens trin {trin}.",
                        f"The state has designated the area as a {name.en}. The section is therefore on step {trin} of the area stair.",
                    ),
                    REF_TRIN[trin],
                )
            ],
            [],
        )
    minimum = int(limits.get("omraade.min_residents"))
    over = int(limits.get("omraade.small_area.residents_over"))
    notes: list[Reason] = []
    if (
        residents is not None
        and residents < minimum
        and would_be_designated in TRIN_OF
        and (residents > over or rehoused_for_renovation)
    ):
        assert would_be_designated is not None
        trin = TRIN_OF[would_be_designated]
        why = (
            Text(
                f"har {residents} beboere (over {over})", f"has {residents} residents (over {over})"
            )
            if residents > over
            else Text(
                "er under grænsen, fordi beboere er genhuset midlertidigt under en renovering",
                "is under the limit because residents are temporarily rehoused during a renovation",
            )
        )
        if samarbejdsforum_decision:
            return (
                trin,
                [
                    Reason(
                        Text(
                            f"Området er ikke udpeget, men {why.da}, og nøgletallene ville have givet udpegning. Samarbejdsforum har besluttet at placere det på områdetrappens trin {trin}.",
                            f"The area is not designated, but {why.en}, and its key figures would have led to designation. Samarbejdsforum has decided to place it on step {trin} of the area stair.",
                        ),
                        REF_SMALL,
                    )
                ],
                [],
            )
        notes.append(
            Reason(
                Text(
                    f"Området {why.da} og ville være udpeget med flere beboere. Samarbejdsforum kan beslutte at placere det på områdetrappens trin {trin}; uden en sådan beslutning gælder afdelingstrappen.",
                    f"The area {why.en} and would be designated with more residents. Samarbejdsforum may decide to place it on step {trin} of the area stair; without such a decision the section stair applies.",
                ),
                REF_SMALL,
            )
        )
    return (
        None,
        [
            Reason(
                Text(
                    "Området er ikke udpeget af staten. Afdelingen placeres på afdelingstrappen ud fra sine egne nøgletal.",
                    "The state has not designated the area. The section is placed on the section stair by its own key figures.",
                ),
                "afsnit 6 (afdelingstrappe); afsnit 6.1.4; Bilag 4, III.2",
            )
        ],
        notes,
    )


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
) -> dict[str, object]:
    """Afsnit 6.1.6 and Bilag 5: is municipal allocation still suspended, and does S2 apply?

    Reading R-29: the parties' suspension (afsnit 6.1.6, L967–980) ends at the earlier of four years in
    a row without designation and the plan being carried out. Bilag 5's third end point, 1 January
    2030 (ABL § 168 b, stk. 10, L4843–4851), ends the law's limits, not the parties' suspension. The
    alternative reading merges it into 6.1.6, so the suspension also ends on 1 January 2030.
    The convictions criterion applies when the share *exceeds* the prevention-area limit (strictly).
    """
    reasons: list[Reason] = []
    suspended: bool | None
    statutory_end = r29_alternative and on >= BILAG5_LAST_END
    if statutory_end or plan_completed or (years_not_designated or 0) >= 4:
        suspended = False
        reasons.append(
            Reason(
                Text(
                    "Overgangsperioden er slut (fire år i træk uden udpegning, eller udviklingsplanen er gennemført)."
                    if not statutory_end
                    else "Overgangsperioden er slut: det er 1. januar 2030 eller senere (anden læsning af R-29).",
                    "The transition is over (four years in a row without designation, or the development plan is carried out)."
                    if not statutory_end
                    else "The transition is over: it is 1 January 2030 or later (the other reading of R-29).",
                ),
                "afsnit 6.1.6; Bilag 5",
            )
        )
    elif years_not_designated is None or plan_completed is None:
        suspended = None
        reasons.append(
            Reason(
                Text(
                    "Vi mangler antallet af år i træk uden udpegning eller svar på, om udviklingsplanen er gennemført.",
                    "We need the number of years in a row without designation, or whether the development plan is carried out.",
                ),
                "afsnit 6.1.6; Bilag 5",
            )
        )
    else:
        suspended = True
        reasons.append(
            Reason(
                Text(
                    f"Området har kun været uden udpegning {years_not_designated} år i træk, og udviklingsplanen er ikke gennemført. Kommunens boligsociale anvisning er fortsat suspenderet.",
                    f"The area has been without designation for only {plural(years_not_designated, 'year', 'years')} in a row, and the development plan is not carried out. Municipal allocation stays suspended.",
                ),
                "afsnit 6.1.6; Bilag 5",
            )
        )
    limit = limits.dec("forebyggelse.convictions.threshold")
    applies: bool | None = None
    if convictions.value is not None:
        applies = convictions.value > limit
        value, limit_t = both(percent, convictions.value), both(percent, limit)
        reasons.append(
            Reason(
                Text(
                    f"Andelen af dømte er {value.da}; grænsen for forebyggelsesområder er {limit_t.da}. Dømte-kriteriet (S2) {'gælder' if applies else 'gælder ikke'}.",
                    f"The share of convicted residents is {value.en}; the prevention-area limit is {limit_t.en}. The convictions criterion (S2) {'applies' if applies else 'does not apply'}.",
                ),
                "afsnit 6.1.6; Bilag 17, figur 1",
            )
        )
    return {
        "municipal_allocation_suspended": suspended,
        "convictions_criterion_applies": applies,
        "reasons": [r.to_json() for r in reasons],
    }
