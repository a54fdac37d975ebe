""" "Where do we get priority?" in words, for every stair step and first for the home the seeker has in mind.

The answers per home come from ``udlejning.stairs.afsnit6_priority``; this module only counts them and
says them in plain words, keeping apart (issue 10, item 3)

- priority through the criteria (rank 1: the household meets what the home asks; Bilag 4, II and IV),
- the fallback order when nobody meets all criteria (rank 2 and 3; Bilag 4, Udlejningshjul, områdetrappen
  trin 1 note 2) and trin 2),
- the ordinary waiting list (only seniority counts),
- homes for the municipality's allocation, homes where the housing organisation's choice decides, and
  homes we cannot tell yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from udlejning.model import Text
from udlejning.stairs.afsnit6_priority import REF_FALLBACK, REF_PRIORITY

T = Text


@dataclass(frozen=True)
class Person:
    """How the answer speaks to the household: «du/din» for one person, «I/jeres» for more."""

    subject: Text
    possessive: Text

    @classmethod
    def of(cls, persons: int) -> Person:
        if persons == 1:
            return cls(T("du", "you"), T("din", "your"))
        return cls(T("I", "you"), T("jeres", "your"))


KINDS = ("criteria", "fallback", "seniority", "none", "depends", "cannot_tell")
STAIR_NAMES = {
    "afdelingstrappe": (
        T("afdelingstrappen", "the section stair"),
        T("afdelingstrappens", "the section stair"),
    ),
    "omraadetrappe": (T("områdetrappen", "the area stair"), T("områdetrappens", "the area stair")),
}
PARTS = {
    "criteria": T(
        "fortrinsret gennem kriterierne i {share}", "priority through the criteria in {share}"
    ),
    "fallback": T(
        "fortrinsret kun som reserve i {share} (hvis ingen, der opfylder alle kriterierne, vil have boligen)",
        "priority only as a fallback in {share} (if nobody who meets all the criteria wants the home)",
    ),
    "seniority": T(
        "kun {poss} plads på ventelisten (anciennitet) i {share}",
        "only {poss} place on the waiting list (seniority) in {share}",
    ),
    "none": T(
        "kommunens anvisning i {share} (ikke fra ventelisten)",
        "the municipality's allocation in {share} (not from the waiting list)",
    ),
    "depends": T(
        "boligorganisationens valg afgør {share}",
        "the housing organisation's choice decides {share}",
    ),
    "cannot_tell": T("vi kan ikke afgøre {share} endnu", "we cannot tell {share} yet"),
}
REFERENCES = {
    "criteria": REF_PRIORITY,
    "fallback": REF_FALLBACK,
    "seniority": "Bilag 4, II; Bilag 4, Udlejningshjul",
    "none": "Bilag 4, Udlejningshjul",
    "depends": "Bilag 4, III.2 (trin 1)",
    "cannot_tell": "afsnit 6.1.2; Bilag 17",
}


def kind(answer: dict[str, Any]) -> str:
    if answer["status"] == "priority":
        return "criteria" if (answer.get("rank") or 1) == 1 else "fallback"
    return str(answer["status"])


def shares(answers: list[dict[str, Any]]) -> dict[str, Fraction]:
    """How much of the step's vacant homes falls in each kind."""
    out = dict.fromkeys(KINDS, Fraction(0))
    for answer in answers:
        num, den = answer["share"].split("/")
        out[kind(answer)] += Fraction(int(num), int(den))
    return out


def share_words(share: Fraction, lang: str) -> str:
    """5/18 → «5 af hver 18 ledige boliger»; all → «alle ledige boliger»."""
    if share == 1:
        return "alle ledige boliger" if lang == "da" else "all vacant homes"
    den = (
        9
        if (share * 9).denominator == 1
        else 18
        if (share * 18).denominator == 1
        else share.denominator
    )
    num = int(share * den)
    if lang == "da":
        return f"{num} af hver {den} ledige boliger"
    return f"{num} in every {den} vacant homes"


def step_name(stair: str, trin: int) -> Text:
    name = STAIR_NAMES[stair][0]
    return T(f"{name.da.capitalize()} trin {trin}", f"{name.en.capitalize()}, step {trin}")


def step_words(stair: str, trin: int, answers: list[dict[str, Any]], you: Person) -> dict[str, Any]:
    """«Områdetrappen trin 2: fortrinsret kun som reserve i alle ledige boliger (…).»"""
    got = shares(answers)
    parts = [(k, v) for k, v in got.items() if v > 0]
    name = step_name(stair, trin)

    def say(lang: str) -> str:
        poss = getattr(you.possessive, lang)
        bits = [
            getattr(PARTS[k], lang).format(share=share_words(v, lang), poss=poss) for k, v in parts
        ]
        return f"{getattr(name, lang)}: " + "; ".join(bits) + "."

    return {
        "stair": stair,
        "trin": trin,
        "kind": main_kind(got),
        "da": say("da"),
        "en": say("en"),
        "reference": "; ".join(dict.fromkeys(REFERENCES[k] for k, _v in parts)),
    }


def main_kind(got: dict[str, Fraction]) -> str:
    """The best the household can hope for on a step, in the order of KINDS (none last)."""
    for k in ("criteria", "fallback", "cannot_tell", "depends", "seniority"):
        if got[k] > 0:
            return k
    return "none"


OVERVIEW = {
    "criteria": T(
        "I afdelinger på {steps} kan {you} få fortrinsret gennem kriterierne.",
        "In sections on {steps} {you} can get priority through the criteria.",
    ),
    "fallback": T(
        "På {steps} opfylder {you} ikke alle kriterierne. Her kommer {you} kun foran ventelisten, hvis ingen, der opfylder dem alle, vil have boligen.",
        "On {steps} {you} do not meet all the criteria. There {you} come ahead of the waiting list only if nobody who meets them all wants the home.",
    ),
    "cannot_tell": T(
        "På {steps} kan vi ikke afgøre det endnu. Svar på det, der mangler.",
        "On {steps} we cannot tell yet. Answer what is missing.",
    ),
    "depends": T(
        "På {steps} afhænger det af, hvad boligorganisationen har valgt for afdelingen.",
        "On {steps} it depends on what the housing organisation has chosen for the section.",
    ),
    "seniority": T(
        "På {steps} kommer {you} kun i betragtning efter {poss} plads på ventelisten (anciennitet).",
        "On {steps} {you} are considered only by {poss} place on the waiting list (seniority).",
    ),
    "none": T(
        "På {steps} går de ledige boliger til kommunens anvisning.",
        "On {steps} the vacant homes go to the municipality's allocation.",
    ),
}


def _steps_phrase(steps: list[dict[str, Any]], lang: str) -> str:
    """«afdelingstrappens trin 1 og 2 og områdetrappens trin 2» / «steps 1 and 2 of the section stair …»"""
    by_stair: dict[str, list[str]] = {}
    for s in steps:
        by_stair.setdefault(s["stair"], []).append(str(s["trin"]))
    word = " og " if lang == "da" else " and "

    def listed(items: list[str]) -> str:
        return ", ".join(items[:-1]) + word + items[-1] if len(items) > 1 else items[0]

    phrases = []
    for stair, trins in by_stair.items():
        genitive = getattr(STAIR_NAMES[stair][1], lang)
        if lang == "da":
            phrases.append(f"{genitive} trin {listed(trins)}")
        else:
            phrases.append(
                f"{'step' if len(trins) == 1 else 'steps'} {listed(trins)} of {genitive}"
            )
    return listed(phrases)


def overview(steps: list[dict[str, Any]], you: Person) -> list[dict[str, str]]:
    out = []
    for k in OVERVIEW:
        group = [s for s in steps if s["kind"] == k]
        if not group:
            continue
        template = OVERVIEW[k]
        out.append(
            {
                "kind": k,
                "da": template.da.format(
                    steps=_steps_phrase(group, "da"), you=you.subject.da, poss=you.possessive.da
                ),
                "en": template.en.format(
                    steps=_steps_phrase(group, "en"), you=you.subject.en, poss=you.possessive.en
                ),
                "reference": REFERENCES[k],
            }
        )
    return out


def chosen_words(step: dict[str, Any], you: Person) -> dict[str, str]:
    return {
        "da": f"Den afdeling, {you.subject.da} har i tankerne. {step['da']}",
        "en": f"The section you have in mind. {step['en']}",
        "reference": step["reference"],
    }


def where(
    steps: list[dict[str, Any]], chosen: tuple[str, int] | None, you: Person
) -> dict[str, Any]:
    """The words for every step, grouped, with the chosen step (if any) answered first."""
    first = next((s for s in steps if chosen and (s["stair"], s["trin"]) == chosen), None)
    return {
        "chosen": chosen_words(first, you) if first else None,
        "overview": overview(steps, you),
        "steps": steps,
    }
