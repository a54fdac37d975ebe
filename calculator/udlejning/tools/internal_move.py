"""JSON endpoint ``internal_move``: must a tenant moving within the housing organisation (intern
oprykning) meet the flexible criteria, and what are the defaults (Bilag 4, V and VI; afsnit 6.1.2,
6.1.3, 6.2.1–6.2.4).

The rules live in ``udlejning.sections.bilag4_v_intern_oprykning``; this module validates, calls and
serialises. Never raises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import Spec
from udlejning.model import Text
from udlejning.sections import bilag4_v_intern_oprykning as intern
from udlejning.tools.checks import all_of, date_in_period, reason, run, stair_has_trin
from udlejning.tools.fields import date_field, field, stair_field, trin_field

T = Text
ANSWERS = {
    "must": T(
        "Den interne ansøger skal opfylde de fleksible kriterier i samme omfang som ansøgere fra den eksterne venteliste for at få fortrinsret.",
        "The internal applicant must meet the flexible criteria to the same extent as applicants from the external waiting list to get priority.",
    ),
    "organisation_may_decide": T(
        "Boligorganisationen kan beslutte, at de fleksible kriterier også skal opfyldes. Ellers har den interne ansøger fortrinsret uden dem.",
        "The housing organisation may decide that the flexible criteria must be met too. Otherwise the internal applicant has priority without them.",
    ),
    "not_required": T(
        "Den interne ansøger skal ikke opfylde de fleksible kriterier.",
        "The internal applicant need not meet the flexible criteria.",
    ),
}


def _flag(da: str, en: str) -> Spec:
    return Spec("boolean", T(da, en))


def internal_move_spec() -> Spec:
    return field(
        "object",
        "Intern oprykning (Bilag 4, V)",
        "Internal moves (Bilag 4, V)",
        fields={
            "date": date_field(),
            "stair": stair_field(
                "Trappe for den bolig, der søges", "Stair of the home applied for"
            ),
            "trin": trin_field("Trin for den bolig, der søges", "Step of the home applied for"),
            "from_same_department": _flag(
                "Ansøgeren flytter inden for sin egen afdeling",
                "The applicant moves within their own section",
            ),
            "leaves_home_in_same_area": _flag(
                "Den bolig, ansøgeren fraflytter, ligger i samme boligområde",
                "The home the applicant leaves is in the same housing area",
            ),
            "common_letting_area": _flag(
                "Ansøgeren bor i et aftalt fælles udlejningsområde, som boligen hører til",
                "The applicant lives in an agreed common letting area the home belongs to",
            ),
            "helhedsplan": _flag(
                "Ansøgeren genhuses som led i en helhedsplan",
                "The applicant is rehoused under a helhedsplan",
            ),
        },
        required=("date", "stair", "trin"),
    )


NOTES = (
    (
        T(
            "Som udgangspunkt gælder fortrinsretten hver {{intern.every_nth_home}}. ledige familiebolig i boligorganisationen. En aftale om fleksibel udlejning kan suspendere den helt eller delvis eller udvide den, fx til alle ledige boliger eller til hver {{intern.every_nth_home}}. bolig i den enkelte afdeling.",
            "As a starting point the priority covers every {{intern.every_nth_home}}nd vacant family home in the housing organisation. A flexible letting agreement may suspend it fully or partly or extend it, for example to all vacant homes or to every {{intern.every_nth_home}}nd home in each section.",
        ),
        "Bilag 4, V",
    ),
    (
        T(
            "Retten til at flytte inden for egen afdeling gælder, medmindre den konkrete udlejningsaftale udtrykkeligt siger andet. Et fælles udlejningsområde erstatter den ret.",
            "The right to move within the own section holds unless the local letting agreement expressly says otherwise. A common letting area replaces that right.",
        ),
        "Bilag 4, V.1; Bilag 4, VI",
    ),
    (
        T(
            "Fortrinsret for børnefamilier til store boliger kan aftales lokalt, med respekt for de skærpede og fleksible kriterier i udpegede områder.",
            "Priority for families with children to large homes can be agreed locally, respecting the stricter and flexible criteria in designated areas.",
        ),
        "Bilag 4, IX",
    ),
)


def internal_move(doc: object) -> dict[str, Any]:
    """Internal moves: must the applicant meet the flexible criteria, and the defaults for moving
    within the organisation (Bilag 4, V and VI). Never raises."""
    return run(internal_move_spec, doc, _internal_move, all_of(date_in_period, stair_has_trin))


def _internal_move(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    stair, trin = clean["stair"], clean["trin"]
    answer, reference = intern.internal_applicant(
        stair,
        trin,
        bool(clean.get("from_same_department")),
        bool(clean.get("leaves_home_in_same_area")),
        bool(clean.get("common_letting_area")),
        bool(clean.get("helhedsplan")),
    )
    notes = [reason(t, on, r) for t, r in NOTES]
    suspension = intern.suspension_expected(stair, trin)
    if suspension:
        notes.insert(
            0,
            reason(
                T(
                    "På trin 3 og 4 skal udlejningsaftalen som udgangspunkt suspendere retten til at flytte mellem afdelinger helt eller delvis, medmindre der er vægtige grunde.",
                    "On steps 3 and 4 the letting agreement should as a rule suspend the right to move between sections fully or partly, unless there are weighty reasons.",
                ),
                on,
                "Bilag 4, V.2.a",
            ),
        )
    return {
        "date": on.isoformat(),
        "criteria": answer,
        "reasons": [reason(ANSWERS[answer], on, reference)],
        "suspension_expected": suspension,
        "notes": notes,
    }
