"""JSON endpoint ``priority`` (afsnit 6; Bilag 4): for a household (the same document as
``api.evaluate`` plus ``situation``), whether it competes with priority, only on seniority, or not at
all, for each home of the wheel – and a summary for every stair step at once. The stair and step of
a section are ``tools.placement``, a wheel is ``tools.wheel``.

It never raises: errors come back as ``{"ok": false, "errors": [{"path", "code", "da", "en"}]}``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from udlejning import __version__, section_data_spec
from udlejning.answers import SCHEMA_VERSION, error_answer, internal_error_answer
from udlejning.context import Context
from udlejning.criteria import evaluate_criteria
from udlejning.household import document_spec, parse_household
from udlejning.inputspec import Group, InputError, Spec, Validator, When
from udlejning.model import Text
from udlejning.sections import bilag4_iv_c_homes as c_homes
from udlejning.stairs import bilag17_section_data as sd_rules
from udlejning.stairs.afsnit6_priority import (
    STATUSES,
    Situation,
    extras_notes,
    household_verdicts,
    position_answers,
    summary,
)
from udlejning.stairs.bilag17_risk_zone import CRITERIA, CRITERION_TEXT, SKAERPET
from udlejning.tools.checks import outside, stair_trin_error
from udlejning.tools.fields import STAIR_OPTIONS
from udlejning.wheels import all_wheels, step_titles
from udlejning.where import Person as Addressee
from udlejning.where import step_words, where

T = Text

DATE = Spec("date", T("Dato", "Date"))
STAIR = Spec("enum", T("Trappe", "Stair"), options=STAIR_OPTIONS)
TRIN = Spec("integer", T("Trin", "Step"), minimum=1, maximum=4)
PERCENT = {"minimum": Decimal(0), "maximum": Decimal(100)}
CHOICE = Spec(
    "enum",
    T("Boligorganisationens valg", "The housing organisation's choice"),
    options={
        "waiting_list": T("venteliste", "waiting list"),
        "a": T("fleksible A-kriterier", "flexible A criteria"),
        "b": T("fleksible B-kriterier", "flexible B criteria"),
    },
)

# The home seeker's calculator asks the stair, the step and (on the area stair's step 1, where the
# criteria depend on it) the risk zone; the rest of the situation is for callers of the endpoint.
SITUATION_GROUPS = (
    Group(
        "situation",
        T("Boligen (kan springes over)", "The home (you may skip this)"),
        T(
            "Ved du, hvilken trappe og hvilket trin boligens afdeling eller område er på, kan du se udlejningshjulet for netop den bolig. Ellers ser du svaret for alle trin.",
            "If you know which stair and step the home's section or area is on, you can see the letting wheel for that home. Otherwise you see the answer for every step.",
        ),
    ),
    Group(
        "risk_zone",
        T("Områdets kriterier i risikozonen", "The area's criteria in the risk zone"),
        T(
            "På områdetrappens trin 1 afhænger kriterierne af, hvilke nøgletal området er i risikozonen for. Boligorganisationen kan oplyse det.",
            "On step 1 of the area stair the criteria depend on which key figures the area is in the risk zone for. The housing organisation can tell you.",
        ),
        parent="situation",
    ),
)
RISK_ZONE_STAIR, RISK_ZONE_TRIN = "omraadetrappe", 1  # where the risk zone decides the criteria
ON_RISK_ZONE_STEP = When(
    all_of=(
        When("situation.stair", one_of=(RISK_ZONE_STAIR,)),
        When("situation.trin", one_of=(str(RISK_ZONE_TRIN),)),
    )
)


def _risk_criterion(criterion: str) -> Spec:
    text = CRITERION_TEXT[criterion]
    return Spec(
        "boolean",
        T(
            f"Er området i risikozonen for {text.da}?",
            f"Is the area in the risk zone for {text.en}?",
        ),
        group="risk_zone",
        show=ON_RISK_ZONE_STEP,
    )


def situation_spec() -> Spec:
    return Spec(
        "object",
        T("Boligens situation", "The home's situation"),
        groups=SITUATION_GROUPS,
        fields={
            "stair": replace(
                STAIR,
                group="situation",
                unstated=T("Ved ikke – vis alle trin", "Don't know – show every step"),
            ),
            "trin": replace(
                TRIN,
                group="situation",
                control="select",
                options_by=("situation.stair", step_titles()),
                show=When("situation.stair", one_of=tuple(STAIR_OPTIONS)),
                unstated=T("Vælg trin", "Choose a step"),
            ),
            "risk_zone": Spec(
                "object",
                T(
                    "Områdets kriterier i risikozonen (områdetrappen trin 1)",
                    "The area's criteria in the risk zone (area stair step 1)",
                ),
                fields={c: _risk_criterion(c) for c in CRITERIA},
            ),
            "choices": Spec(
                "object",
                T("Valg for trin 1, bolig 1, 4 og 8", "Choices for step 1, homes 1, 4 and 8"),
                fields={"1": CHOICE, "4": CHOICE, "8": CHOICE},
                form=False,
            ),
            "exempt_from_extra": Spec(
                "boolean",
                T(
                    "Afdelingen er fritaget for den ekstra anvisning",
                    "The section is exempt from the extra allocation",
                ),
                form=False,
            ),
            "last_year": replace(section_data_spec.FIELDS["last_year"], form=False),
            "accessible_home": Spec(
                "boolean",
                T(
                    "Boligen er udpeget som tilgængelighedsbolig (C-kriteriet)",
                    "The home is designated as an accessible home (the C criterion)",
                ),
                form=False,
            ),
            "development_plan": Spec(
                "object",
                T("Afsnit 6.1.6 (udviklingsplan)", "Afsnit 6.1.6 (development plan)"),
                fields={
                    "convictions_criterion_applies": Spec(
                        "boolean", T("Dømte-kriteriet gælder", "The convictions criterion applies")
                    ),
                    "municipal_allocation_suspended": Spec(
                        "boolean",
                        T(
                            "Kommunens anvisning er suspenderet",
                            "Municipal allocation is suspended",
                        ),
                    ),
                },
                form=False,
            ),
        },
    )


def priority_spec() -> Spec:
    base = document_spec()
    return Spec(
        "object",
        T("Husstand, dato og boligens situation", "Household, date and the home's situation"),
        fields={**base.fields, "situation": situation_spec()},
        required=(*base.required, "situation"),
    )


def _base(on: date) -> dict[str, Any]:
    return {
        "ok": True,
        "schema_version": SCHEMA_VERSION,
        "package_version": __version__,
        "date": on.isoformat(),
    }


def _exempt_by_counts(raw: dict[str, Any], on: date) -> bool:
    """Afsnit 6.2.2: last year's counts show more than every third vacant home allocated."""
    last = raw.get("last_year")
    return bool(last) and sd_rules.exempt_next_year(
        last["vacant_homes"], last["allocated_homes"], on
    )


def _situation(raw: dict[str, Any], stair: str, trin: int, on: date) -> Situation:
    zone = raw.get("risk_zone") or {}
    relevant, uncertain = [], []
    if (stair, trin) == (RISK_ZONE_STAIR, RISK_ZONE_TRIN):
        employment = zone.get("unemployment")
        relevant.append("S1" if employment else "A")
        if employment is None:
            uncertain.append("S1")
        for criterion in ("convictions", "education", "income"):
            if zone.get(criterion):
                relevant.append(SKAERPET[criterion])
            elif zone.get(criterion) is None:
                uncertain.append(SKAERPET[criterion])
    plan = raw.get("development_plan") or {}
    return Situation(
        stair=stair,
        trin=trin,
        on=on,
        relevant=relevant,
        uncertain=uncertain,
        choices={int(k): v for k, v in (raw.get("choices") or {}).items()},
        exempt_from_extra=bool(raw.get("exempt_from_extra")) or _exempt_by_counts(raw, on),
        convictions_required=bool(plan.get("convictions_criterion_applies")),
        municipal_suspended=bool(plan.get("municipal_allocation_suspended")),
    )


def _with_c1(answer: dict[str, Any], c1: str) -> dict[str, Any]:
    """A wheel home's answer on a designated accessible home (Bilag 4, IV.1 C.1); on the housing
    organisation's choice, each option too."""
    out = c_homes.c1_on_accessible_home(answer, answer["use"], c1)
    if "options" in out:
        out["options"] = {
            k: c_homes.c1_on_accessible_home(v, k if k == "waiting_list" else "flexible", c1)
            for k, v in out["options"].items()
        }
    return out


def _parse(doc: object) -> tuple[Any, dict[str, Any] | None, list[InputError]]:
    """The household and the situation of a ``priority`` document, or the input errors."""
    errors: list[InputError] = []
    raw_situation: object = None
    rest: object = doc
    if isinstance(doc, dict):
        rest = {k: v for k, v in doc.items() if k != "situation"}
        raw_situation = doc.get("situation")
    household, household_errors = parse_household(rest)
    errors += household_errors
    validator = Validator()
    if raw_situation is None:
        errors.append(
            InputError(
                "situation",
                "required",
                T(
                    "«Boligens situation» (situation) mangler.",
                    "“The home's situation” (situation) is missing.",
                ),
            )
        )
        situation_clean: Any = None
    else:
        situation_clean = validator.check(situation_spec(), raw_situation, "situation")
        errors += validator.errors
    if errors or household is None or not isinstance(situation_clean, dict):
        return None, None, errors
    stair, trin = situation_clean.get("stair"), situation_clean.get("trin")
    if (stair is None) != (trin is None):
        missing = "situation.trin" if trin is None else "situation.stair"
        return (
            None,
            None,
            [
                InputError(
                    missing,
                    "required",
                    T(
                        "Angiv både trappe og trin, eller ingen af dem (så får du kun overblikket).",
                        "Give both stair and step, or neither (then you get the overview only).",
                    ),
                )
            ],
        )
    problems = [outside(household.date)]
    if stair is not None:
        problems.append(stair_trin_error(stair, trin, "situation.trin"))
    return household, situation_clean, [p for p in problems if p]


C_NOTE = {
    "da": "Op til 5 % af familieboligerne i en afdeling kan udpeges til handicapkriteriet (C). En ansøger efter C skal også opfylde hjulets fleksible kriterier for boligen.",
    "en": "Up to 5 % of a section's family homes can be set aside for the disability criterion (C). An applicant under C must also meet the wheel's flexible criteria for the home.",
    "reference": "Bilag 4, IV (indledning); Bilag 4, IV.1 C.1",
}


def _steps(
    out: dict[str, Any],
    situation_clean: dict[str, Any],
    verdicts: dict[str, Any],
    on: date,
    you: Any,
) -> list[Any]:
    """Every stair step's summary into ``out["steps"]`` (and the chosen step's homes into
    ``out["step"]``); the words for ``where``."""
    stair, trin = situation_clean.get("stair"), situation_clean.get("trin")
    words = []
    for (s, t), w in all_wheels().items():
        sit = _situation(situation_clean, s, t, on)
        version = w.at(on)
        answers = position_answers(w, version, sit, verdicts)
        if situation_clean.get("accessible_home"):
            answers = [_with_c1(a, verdicts["C1"].value) for a in answers]
        entry = {
            "stair": s,
            "trin": t,
            "title": w.title.to_json(),
            "summary": summary(answers),
            "relevant_criteria": sit.relevant or None,
            "uncertain_criteria": sit.uncertain or None,
        }
        out["steps"].append(entry)
        words.append(step_words(s, t, answers, you))
        if (s, t) == (stair, trin):
            out["step"] = {
                **entry,
                "reference": w.reference,
                "valid_from": version.start.isoformat(),
                "valid_until": version.end.isoformat(),
                "positions": answers,
                "notes": extras_notes(version, sit),
            }
    return words


def priority(doc: object) -> dict[str, Any]:
    """For each home of the wheel: priority, seniority only, or not at all (afsnit 6; Bilag 4). Never raises."""
    try:
        household, situation_clean, errors = _parse(doc)
        if errors or household is None or situation_clean is None:
            return error_answer(errors)
        on = household.date
        findings = evaluate_criteria(Context(household))
        verdicts = household_verdicts(findings)
        out: dict[str, Any] = {
            **_base(on),
            "criteria": [
                {"id": f.id, "verdict": f.verdict.value, "title": f.title.to_json()}
                for f in findings
            ],
            "combined": {k: v.value for k, v in verdicts.items()},
            "step": None,
            "steps": [],
            "notes": [],
        }
        you = Addressee.of(len(household.persons))
        words = _steps(out, situation_clean, verdicts, on, you)
        stair, trin = situation_clean.get("stair"), situation_clean.get("trin")
        out["where"] = where(words, (stair, trin) if stair else None, you)
        if verdicts["C1"].value != "not_met":
            out["notes"].append(dict(C_NOTE))
        return out
    except Exception as exc:  # noqa: BLE001
        return internal_error_answer(exc)


__all__ = ["STATUSES", "priority", "priority_spec"]
