""" "Where do I get priority?" — a household against each position of a letting wheel (afsnit 6; Bilag 4).

The household's criteria come from Rules I (``udlejning.criteria.evaluate_criteria``), combined into the
priority groups the criteria declare (``udlejning.criteria.info.priority_groups``): A = A1 or A2, B = B1,
S1–S4 the stricter criteria, C1 the disability criterion. A group's own wheel use (``wheel_use``, e.g.
``flexible_a``) gives priority to whoever meets the group. For each home in the wheel the answer is

- ``priority``: the household competes with priority (fortrinsret) ahead of older waiting-list seniority
  (Bilag 4, II). ``rank`` 1 is full priority; on the area stair ranks 2 and 3 are the fallbacks when
  nobody meets all criteria (Bilag 4, Udlejningshjul, note 2).
- ``seniority``: the household competes only on its waiting-list seniority (after anyone with priority).
- ``none``: the home is for municipal allocation; a household on the waiting list cannot get it (unless
  the municipality does not use it: see ``if_unused``).
- ``depends``: the housing organisation chooses how the home is let (afdelingstrappe trin 1); ``options``
  gives the answer for each choice.
- ``cannot_tell``: a fact about the household (or the area) that decides it is missing.

Reading R-30: a household that does not meet a flexible position's criteria is not shut out; the home goes
to it on seniority if nobody with priority wants it, because flexible letting gives priority "forud for
andre boligsøgende" (Bilag 4, II) and does not close the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from udlejning.coverage import covers
from udlejning.criteria.info import priority_groups
from udlejning.model import Finding, Reason, Text, Verdict, combine_all, combine_any
from udlejning.wheels import USES, Wheel, WheelVersion, format_share

COVERS = covers(
    "Fortrinsret på hjulets pladser",
    "Priority on the wheel's homes",
    "afsnit 6",
    "Bilag 4, II",
    "Bilag 4, III",
)

STATUSES = ("priority", "seniority", "none", "depends", "cannot_tell")
# How the answers name a priority group ("et A-kriterium", "indkomstkriteriet").
GROUP_NAMES = {g.id: g.name for g in priority_groups().values() if g.name is not None}
# The wheel use a priority group has of its own (flexible_a: group A).
USE_GROUPS = {g.wheel_use: g.id for g in priority_groups().values() if g.wheel_use is not None}
# Afdelingstrappe trin 1, homes 1, 4 and 8: the priority group the housing organisation may choose
# instead of the waiting list (Bilag 4, III.2; Bilag 4, Udlejningshjul trin 1).
CHOICE_GROUPS = {"a": "A", "b": "B"}
REF_PRIORITY = "Bilag 4, II; Bilag 4, IV (længst anciennitet blandt dem, der opfylder kriteriet)"
REF_FALLBACK = "Bilag 4, Udlejningshjul områdetrappen trin 1 note 2) og trin 2"


@dataclass
class Situation:
    """Where the home is: the stair step, the date and the facts that change how the wheel is read."""

    stair: str
    trin: int
    on: date
    relevant: list[str] = field(default_factory=list)  # områdetrappe trin 1 (afsnit 6.1.2)
    uncertain: list[str] = field(default_factory=list)
    choices: dict[int, str] = field(
        default_factory=dict
    )  # afdelingstrappe trin 1, positions 1, 4, 8
    exempt_from_extra: bool = False  # afsnit 6.2.2; Bilag 4, III.2; Bilag 16 (trin 1 and 2)
    convictions_required: bool = False  # afsnit 6.1.6
    municipal_suspended: bool = False  # afsnit 6.1.6


def household_verdicts(findings: list[Finding]) -> dict[str, Verdict]:
    """Each priority group's verdict: met when one of its criteria is (a group of one: its verdict)."""
    by = {f.id: f.verdict for f in findings}
    return {
        gid: combine_any([by[cid] for cid in group.criteria])
        for gid, group in priority_groups().items()
    }


def _names(ids: list[str], lang: str) -> str:
    parts = [getattr(GROUP_NAMES[i], lang) for i in ids]
    joiner = " og " if lang == "da" else " and "
    return joiner.join(parts)


def _group_tiers(group: str, situation: Situation) -> list[tuple[list[str], str]]:
    """The one priority tier of a priority group's own use: the group, and the convictions
    criterion where it is required (afsnit 6.1.6)."""
    extra = ["S2"] if situation.convictions_required else []
    return [([group, *extra], "all")]


def _tiers(use: str, situation: Situation, relevant: list[str]) -> list[tuple[list[str], str]]:
    """The priority tiers of a flexible use: lists of priority groups with 'all' or 'any'.

    Reading R-30: on the area stair "beskæftigelseskriteriet (obligatorisk)" is S1 where it applies,
    otherwise the A criteria (Bilag 4, Udlejningshjul områdetrappen trin 1 note 2) and trin 2).
    """
    if use in USE_GROUPS:
        return _group_tiers(USE_GROUPS[use], situation)
    if use == "skaerpede_all":
        return [(["S1", "S2", "S3", "S4"], "all"), (["S1"], "all"), (["S2", "S3", "S4"], "any")]
    if use == "flexible_relevant":
        employment = "S1" if "S1" in relevant else "A"
        others = [c for c in relevant if c != employment]
        tiers: list[tuple[list[str], str]] = [(relevant, "all")]
        if others:
            tiers += [([employment], "all"), (others, "any")]
        return tiers
    raise ValueError(use)


def _evaluate_tiers(
    tiers: list[tuple[list[str], str]], verdicts: dict[str, Verdict]
) -> dict[str, Any]:
    for rank, (ids, mode) in enumerate(tiers, start=1):
        combine = combine_all if mode == "all" else combine_any
        verdict = combine([verdicts[i] for i in ids])
        what = Text(_names(ids, "da"), _names(ids, "en"))
        if mode == "any" and len(ids) > 1:
            what = Text(
                "mindst ét af: " + ", ".join(GROUP_NAMES[i].da for i in ids),
                "at least one of: " + ", ".join(GROUP_NAMES[i].en for i in ids),
            )
        ref = REF_FALLBACK if rank > 1 else REF_PRIORITY
        if verdict == Verdict.MET:
            text = (
                Text(
                    f"Husstanden opfylder {what.da} og har fortrinsret.",
                    f"The household meets {what.en} and has priority.",
                )
                if rank == 1
                else Text(
                    f"Husstanden opfylder ikke alle kriterier, men {what.da}. Den kommer i betragtning med fortrinsret, hvis ingen opfylder alle (niveau {rank}).",
                    f"The household does not meet all criteria, but meets {what.en}. It is considered with priority if nobody meets all of them (level {rank}).",
                )
            )
            return {"status": "priority", "rank": rank, "reasons": [Reason(text, ref)]}
        if verdict == Verdict.ORGANISATION_DECIDES:
            text = Text(
                f"Boligorganisationen afgør, om husstanden opfylder {what.da} (fx projektansættelse, der «efter omstændighederne» kan sidestilles med fast arbejde).",
                f"The housing organisation decides whether the household meets {what.en} (e.g. project work that “depending on the circumstances” may count as steady work).",
            )
            return {"status": "cannot_tell", "rank": rank, "reasons": [Reason(text, ref)]}
        if verdict == Verdict.CANNOT_TELL:
            text = Text(
                f"Vi kan ikke afgøre, om husstanden opfylder {what.da}; se de manglende oplysninger.",
                f"We cannot tell whether the household meets {what.en}; see the missing facts.",
            )
            return {"status": "cannot_tell", "rank": rank, "reasons": [Reason(text, ref)]}
    first = tiers[0][0]
    text = Text(
        f"Husstanden opfylder ikke {_names(first, 'da')}. Den kommer kun i betragtning efter sin anciennitet på ventelisten, efter alle med fortrinsret.",
        f"The household does not meet {_names(first, 'en')}. It is considered only by its waiting-list seniority, after everyone with priority.",
    )
    return {"status": "seniority", "rank": None, "reasons": [Reason(text, REF_PRIORITY)]}


def answer_for_use(use: str, situation: Situation, verdicts: dict[str, Verdict]) -> dict[str, Any]:
    """The answer for one use of a home (not municipal allocation)."""
    if use == "waiting_list":
        return {
            "status": "seniority",
            "rank": None,
            "reasons": [
                Reason(
                    Text(
                        "Boligen udlejes efter den almindelige venteliste: kun ancienniteten tæller.",
                        "The home is let by the ordinary waiting list: only seniority counts.",
                    ),
                    "Bilag 4, Udlejningshjul",
                )
            ],
        }
    if use == "none":
        return {"status": "none", "rank": None, "reasons": []}
    if use == "flexible_relevant":
        answer = _evaluate_tiers(_tiers(use, situation, situation.relevant), verdicts)
        if situation.uncertain:
            wider = _evaluate_tiers(
                _tiers(use, situation, situation.relevant + situation.uncertain),
                verdicts,
            )
            if (wider["status"], wider["rank"]) != (answer["status"], answer["rank"]):
                answer = {
                    "status": "cannot_tell",
                    "rank": None,
                    "reasons": [
                        Reason(
                            Text(
                                f"Svaret afhænger af, om området er i risikozonen for de kriterier, hvor nøgletallet mangler ({', '.join(situation.uncertain)}).",
                                f"The answer depends on whether the area is in the risk zone for the criteria whose key figure is missing ({', '.join(situation.uncertain)}).",
                            ),
                            "afsnit 6.1.2; Bilag 17",
                        )
                    ],
                }
        return answer
    return _evaluate_tiers(_tiers(use, situation, situation.relevant), verdicts)


def _json(answer: dict[str, Any]) -> dict[str, Any]:
    return {**answer, "reasons": [r.to_json() for r in answer["reasons"]]}


def _answer_for_choice(
    choice: str, situation: Situation, verdicts: dict[str, Verdict]
) -> dict[str, Any]:
    """The answer when the housing organisation lets the home by ``choice`` (CHOICE_GROUPS)."""
    if choice == "waiting_list":
        return answer_for_use("waiting_list", situation, verdicts)
    return _evaluate_tiers(_group_tiers(CHOICE_GROUPS[choice], situation), verdicts)


def _choice_answer(
    position: int, use: str, situation: Situation, verdicts: dict[str, Verdict]
) -> dict[str, Any]:
    """Afdelingstrappe trin 1, positions 1, 4 and 8: the housing organisation chooses (Bilag 4, III.2)."""
    allowed = (
        ["waiting_list", "a", "b"] if use == "choice_waiting_list_a_b" else ["waiting_list", "b"]
    )
    chosen = situation.choices.get(position)
    if chosen in allowed:
        answer = _answer_for_choice(chosen, situation, verdicts)
        return _json(answer) | {"choice": chosen}
    options = {c: _json(_answer_for_choice(c, situation, verdicts)) for c in allowed}
    statuses = {o["status"] for o in options.values()}
    if len(statuses) == 1:
        only = next(iter(options.values()))
        return only | {"choice": None}
    return {
        "status": "depends",
        "rank": None,
        "choice": None,
        "options": options,
        "reasons": [
            {
                "da": "Boligorganisationen vælger i sin udlejningsaftale, om boligen udlejes efter venteliste eller fleksible kriterier. Svaret for hvert af valgene står nedenfor.",
                "en": "The housing organisation chooses in its letting agreement whether the home is let by waiting list or flexible criteria. The answer for each choice is shown below.",
                "reference": "Bilag 4, Udlejningshjul trin 1; Bilag 4, III.2 (trin 1)",
            }
        ],
    }


def _municipal_answer(
    wheel: Wheel, situation: Situation, verdicts: dict[str, Verdict]
) -> dict[str, Any]:
    if situation.municipal_suspended:
        return {
            "status": "cannot_tell",
            "rank": None,
            "if_unused": None,
            "reasons": [
                {
                    "da": "Kommunens anvisning er suspenderet i området (afsnit 6.1.6), men aftalen siger ikke, hvordan boligen så udlejes.",
                    "en": "Municipal allocation is suspended in the area (afsnit 6.1.6), but the agreement does not say how the home is then let.",
                    "reference": "afsnit 6.1.6",
                }
            ],
        }
    unused = _json(answer_for_use(wheel.unused_municipal, situation, verdicts))
    renewal = (
        Text(
            " Kommunen kan også bruge den til genhusning ved byfornyelse.",
            " The municipality may also use it to rehouse people during urban renewal.",
        )
        if wheel.unused_municipal_urban_renewal
        else Text("", "")
    )
    return {
        "status": "none",
        "rank": None,
        "if_unused": unused,
        "reasons": [
            {
                "da": f"Boligen er til kommunens boligsociale anvisning; man kan ikke få den fra ventelisten. Bruger kommunen den ikke, udlejes den på en anden måde, som er vist nedenfor.{renewal.da}",
                "en": f"The home is for the municipality's social allocation; it cannot be had from the waiting list. If the municipality does not use it, it is let in another way, shown below.{renewal.en}",
                "reference": wheel.unused_municipal_reference,
            }
        ],
    }


def position_answers(
    wheel: Wheel, version: WheelVersion, situation: Situation, verdicts: dict[str, Verdict]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for position in version.positions:
        uses = position.uses
        if position.exemptible and situation.exempt_from_extra and position.alternates:
            # The exempted 1/18 stays with the position's other use (afsnit 6.2.2; Bilag 4, III.2).
            uses = (next(u for u in uses if u != "municipal"),) * 2
        for round_number, use in enumerate(uses, start=1):
            if use == "municipal":
                answer = _municipal_answer(wheel, situation, verdicts)
            elif use.startswith("choice_"):
                answer = _choice_answer(position.n, use, situation, verdicts)
            else:
                answer = _json(answer_for_use(use, situation, verdicts))
            out.append(
                {
                    "position": position.n,
                    "round": round_number if len(uses) == 2 else None,
                    "share": format_share(Fraction(1, 9 * len(uses))),
                    "use": use,
                    "use_text": USES[use].to_json(),
                    "reference": position.reference,
                    **answer,
                }
            )
    return out


def summary(answers: list[dict[str, Any]]) -> dict[str, str]:
    totals = {s: Fraction(0) for s in STATUSES}
    for a in answers:
        num, den = a["share"].split("/")
        totals[a["status"]] += Fraction(int(num), int(den))
    return {s: format_share(v) for s, v in totals.items()}


def extras_notes(version: WheelVersion, situation: Situation) -> list[dict[str, str]]:
    notes = []
    for extra in version.extras:
        if extra.exemptible and situation.exempt_from_extra:
            continue
        notes.append(
            {
                "da": f"En ekstra {format_share(extra.share)} går til kommunal anvisning i stedet for til ventelisten (forsøg). Aftalen siger ikke, hvilken af ventelisteboligerne det er, så én af dem er i praksis ikke til ventelisten.",
                "en": f"An extra {format_share(extra.share)} goes to municipal allocation instead of the waiting list (a trial). The agreement does not say which waiting-list home it is, so in practice one of them is not for the waiting list.",
                "reference": extra.reference,
            }
        )
    return notes
