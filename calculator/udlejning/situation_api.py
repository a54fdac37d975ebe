"""JSON interface for the stairs and wheels (afsnit 6, Bilag 4 III, Bilag 17): plain dicts in and out.

- ``placement(doc)``: which stair and step a section is on, from its area and key figures.
- ``wheel(doc)``: the letting wheel of a stair step on a date, position by position.
- ``priority(doc)``: for a household (the same document as ``api.evaluate`` plus ``situation``), whether
  it competes with priority, only on seniority, or not at all, for each home of the wheel – and a summary
  for every stair step at once.

None of them raises: errors come back as ``{"ok": false, "errors": [{"path", "code", "da", "en"}]}``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from udlejning import __version__
from udlejning.answers import SCHEMA_VERSION, error_answer, input_schema_of, internal_error_answer
from udlejning.context import Context
from udlejning.criteria import evaluate_criteria
from udlejning.household import document_spec, parse_household
from udlejning.inputspec import InputError, Spec, Validator
from udlejning.model import Text
from udlejning.parameters import agreement, parameter
from udlejning.stairs.afsnit6_priority import (
    STATUSES,
    Situation,
    extras_notes,
    household_verdicts,
    position_answers,
    summary,
)
from udlejning.stairs.bilag17_risk_zone import CRITERIA, CRITERION_TEXT, SKAERPET, Limits
from udlejning.stairs.placement import place
from udlejning.wheels import STAIRS, USES, all_wheels, format_share
from udlejning.wheels import wheel as get_wheel
from udlejning.where import Person as Addressee
from udlejning.where import step_words, where

T = Text

STAIR_OPTIONS = {
    "afdelingstrappe": T("afdelingstrappen", "the section stair"),
    "omraadetrappe": T("områdetrappen", "the area stair"),
}
DATE = Spec("date", T("Dato", "Date"))
STAIR = Spec("enum", T("Trappe", "Stair"), options=STAIR_OPTIONS)
TRIN = Spec("integer", T("Trin", "Step"), minimum=1, maximum=4)
PERCENT = {"minimum": Decimal(0), "maximum": Decimal(100)}
LIMIT_NAMES = tuple(
    f"{group}.{criterion}.threshold"
    for group in ("riskzone", "udsat", "forebyggelse")
    for criterion in CRITERIA
)


def _figure_spec(criterion: str) -> Spec:
    return Spec(
        "object",
        T(
            f"Nøgletal: {CRITERION_TEXT[criterion].da}",
            f"Key figure: {CRITERION_TEXT[criterion].en}",
        ),
        fields={
            "value": Spec("decimal", T("Værdi i procent", "Value in per cent"), **PERCENT),
            "persons_from_limit": Spec(
                "integer",
                T(
                    "Antal personer fra statens grænse (kun områdetrappen)",
                    "Persons from the state's limit (area stair only)",
                ),
                minimum=0,
                maximum=1_000_000,
            ),
        },
    )


def _limits_spec() -> Spec:
    return Spec(
        "object",
        T("Nyere grænseværdier, du selv angiver", "Newer limit values you supply"),
        fields={
            name: Spec(
                "decimal",
                T(parameter(name).description_da, parameter(name).description_en),
                **PERCENT,
            )
            for name in LIMIT_NAMES
        },
    )


# Afsnit 6.1.6: the facts about a former transformation area with a development plan (also asked by
# staff_api.allocation_limits).
DEVELOPMENT_PLAN_FIELDS = {
    "years_not_designated": Spec(
        "integer",
        T("År i træk uden udpegning som udsat", "Years in a row not designated as disadvantaged"),
        minimum=0,
        maximum=100,
    ),
    "plan_completed": Spec(
        "boolean",
        T("Udviklingsplanen er gennemført", "The development plan is carried out"),
    ),
}


def placement_spec() -> Spec:
    return Spec(
        "object",
        T("Afdeling og område", "Section and area"),
        fields={
            "date": DATE,
            "area": Spec(
                "object",
                T("Boligområdet", "The housing area"),
                fields={
                    "designation": Spec(
                        "enum",
                        T(
                            "Statens udpegning pr. 1. december",
                            "The state's designation on 1 December",
                        ),
                        options={
                            "none": T("ikke udpeget", "not designated"),
                            "forebyggelse": T("forebyggelsesområde", "prevention area"),
                            "udsat": T("udsat boligområde", "disadvantaged area"),
                            "parallelsamfund": T("parallelsamfund", "parallel society"),
                            "omdannelse": T("omdannelsesområde", "transformation area"),
                        },
                    ),
                    "residents": Spec(
                        "integer",
                        T("Antal beboere", "Number of residents"),
                        minimum=0,
                        maximum=1_000_000,
                    ),
                    "would_be_designated": Spec(
                        "enum",
                        T(
                            "Ville være udpeget med 1.000 beboere som",
                            "Would be designated with 1,000 residents as",
                        ),
                        options={
                            "forebyggelse": T("forebyggelsesområde", "prevention area"),
                            "udsat": T("udsat boligområde", "disadvantaged area"),
                        },
                    ),
                    "samarbejdsforum_decision": Spec(
                        "boolean",
                        T(
                            "Samarbejdsforum har besluttet områdetrappen",
                            "Samarbejdsforum decided the area stair",
                        ),
                    ),
                    "rehoused_for_renovation": Spec(
                        "boolean",
                        T(
                            "Under 1.000 beboere kun pga. genhusning ved renovering",
                            "Under 1,000 residents only because of rehousing for renovation",
                        ),
                    ),
                    "newly_designated": Spec(
                        "boolean", T("Nyudpeget i år", "Newly designated this year")
                    ),
                },
            ),
            "key_figures": Spec(
                "object",
                T("Socioøkonomiske nøgletal", "Socio-economic key figures"),
                fields={c: _figure_spec(c) for c in CRITERIA},
            ),
            "allocated_share": Spec(
                "decimal",
                T(
                    "Andel af familieboligerne med kommunalt anviste husstande (%)",
                    "Share of family homes with municipally allocated households (%)",
                ),
                **PERCENT,
            ),
            "development_plan": Spec(
                "object",
                T(
                    "Tidligere omdannelsesområde med udviklingsplan (afsnit 6.1.6)",
                    "Former transformation area with a development plan (afsnit 6.1.6)",
                ),
                fields=DEVELOPMENT_PLAN_FIELDS,
            ),
            "limits": _limits_spec(),
        },
        required=("date",),
    )


def wheel_spec() -> Spec:
    return Spec(
        "object",
        T("Udlejningshjul", "Letting wheel"),
        fields={"date": DATE, "stair": STAIR, "trin": TRIN},
        required=("date", "stair", "trin"),
    )


CHOICE = Spec(
    "enum",
    T("Boligorganisationens valg", "The housing organisation's choice"),
    options={
        "waiting_list": T("venteliste", "waiting list"),
        "a": T("fleksible A-kriterier", "flexible A criteria"),
        "b": T("fleksible B-kriterier", "flexible B criteria"),
    },
)


def situation_spec() -> Spec:
    return Spec(
        "object",
        T("Boligens situation", "The home's situation"),
        fields={
            "stair": STAIR,
            "trin": TRIN,
            "risk_zone": Spec(
                "object",
                T(
                    "Områdets kriterier i risikozonen (områdetrappen trin 1)",
                    "The area's criteria in the risk zone (area stair step 1)",
                ),
                fields={
                    c: Spec(
                        "boolean",
                        T(
                            f"I risikozonen: {CRITERION_TEXT[c].da}",
                            f"In the risk zone: {CRITERION_TEXT[c].en}",
                        ),
                    )
                    for c in CRITERIA
                },
            ),
            "choices": Spec(
                "object",
                T("Valg for trin 1, bolig 1, 4 og 8", "Choices for step 1, homes 1, 4 and 8"),
                fields={"1": CHOICE, "4": CHOICE, "8": CHOICE},
            ),
            "exempt_from_extra": Spec(
                "boolean",
                T(
                    "Afdelingen er fritaget for den ekstra anvisning",
                    "The section is exempt from the extra allocation",
                ),
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


placement_input_schema = input_schema_of(placement_spec, "placement-input")
wheel_input_schema = input_schema_of(wheel_spec, "wheel-input")
priority_input_schema = input_schema_of(priority_spec, "priority-input")


def _outside(on: date) -> InputError | None:
    deal = agreement()
    if deal.covers(on):
        return None
    return InputError(
        "date",
        "outside_agreement_period",
        T(
            f"Datoen {on.isoformat()} ligger uden for aftalens periode ({deal.first_day.isoformat()} – {deal.last_day().isoformat()}); hjulene gælder kun i perioden.",
            f"The date {on.isoformat()} is outside the agreement's period ({deal.first_day.isoformat()} – {deal.last_day().isoformat()}); the wheels apply only in that period.",
        ),
    )


def _stair_trin_error(stair: str, trin: int, path: str) -> InputError | None:
    if trin in STAIRS[stair]:
        return None
    top = max(STAIRS[stair])
    return InputError(
        path,
        "out_of_range",
        T(
            f"{STAIR_OPTIONS[stair].da.capitalize()} har trin 1–{top}; du skrev {trin}.",
            f"{STAIR_OPTIONS[stair].en.capitalize()} has steps 1–{top}; you wrote {trin}.",
        ),
    )


def _base(on: date) -> dict[str, Any]:
    return {
        "ok": True,
        "schema_version": SCHEMA_VERSION,
        "package_version": __version__,
        "date": on.isoformat(),
    }


def _limit_notices(limits: Limits) -> list[dict[str, str]]:
    out = []
    for name in limits.stale():
        pv = limits.used[name]
        assert pv.effective_from is not None
        out.append(
            {
                "code": "parameter_not_current",
                "parameter": name,
                "da": f"Aftalen oplyser kun grænseværdien pr. {pv.effective_from.isoformat()} ({pv.value} %), og den fastsættes hvert år. Angiv den aktuelle værdi under «limits» for et sikkert svar.",
                "en": f"The agreement gives the limit only as of {pv.effective_from.isoformat()} ({pv.value} %), and it is set every year. Give the current value under “limits” for a firm answer.",
                "reference": pv.parameter.reference,
            }
        )
    return out


def placement(doc: object) -> dict[str, Any]:
    """Which stair and step a section is on (afsnit 6; Bilag 4, III; Bilag 17). Never raises."""
    try:
        validator = Validator()
        clean = validator.check(placement_spec(), doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        on: date = clean["date"]
        first_day = agreement().first_day
        if on < first_day:
            # The stairs and their limits start with the agreement; before it there are no values
            # (this used to end in an internal error).
            return error_answer(
                [
                    InputError(
                        "date",
                        "outside_agreement_period",
                        T(
                            f"Datoen {on.isoformat()} ligger før aftalens første dag ({first_day.isoformat()}); trapperne gælder først fra den dag.",
                            f"The date {on.isoformat()} is before the agreement's first day ({first_day.isoformat()}); the stairs apply only from that day.",
                        ),
                    )
                ]
            )
        limits = Limits(on, clean.get("limits"))
        result = place(clean, on, limits)
        return {
            **_base(on),
            **result,
            "notices": _limit_notices(limits),
            "parameters": limits.to_json(),
        }
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)


def wheel_json(stair: str, trin: int, on: date) -> dict[str, Any]:
    w = get_wheel(stair, trin)
    version = w.at(on)
    positions = [
        {
            "position": p.n,
            "uses": list(p.uses),
            "use_texts": [USES[u].to_json() for u in p.uses],
            "alternates": p.alternates,
            "share": format_share(p.share()),
            "reference": p.reference,
        }
        for p in version.positions
    ]
    return {
        "id": w.id,
        "stair": stair,
        "trin": trin,
        "title": w.title.to_json(),
        "reference": w.reference,
        "valid_from": version.start.isoformat(),
        "valid_until": version.end.isoformat(),
        "positions": positions,
        "shares": {k: format_share(v) for k, v in version.category_shares().items()},
        "figure": {k: format_share(v) for k, v in version.figure.items()},
        "figure_reference": version.figure_reference,
        "extras": [
            {
                "share": format_share(e.share),
                "use": e.use,
                "instead_of": e.instead_of,
                "reference": e.reference,
            }
            for e in version.extras
        ],
        "if_municipal_unused": {
            "use": w.unused_municipal,
            "urban_renewal_first": w.unused_municipal_urban_renewal,
            "reference": w.unused_municipal_reference,
        },
    }


def wheel(doc: object) -> dict[str, Any]:
    """The letting wheel of one stair step on a date (Bilag 4, Udlejningshjul). Never raises."""
    try:
        validator = Validator()
        clean = validator.check(wheel_spec(), doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        on: date = clean["date"]
        problems = [
            e for e in (_stair_trin_error(clean["stair"], clean["trin"], "trin"), _outside(on)) if e
        ]
        if problems:
            return error_answer(problems)
        return {**_base(on), "wheel": wheel_json(clean["stair"], clean["trin"], on)}
    except Exception as exc:  # noqa: BLE001
        return internal_error_answer(exc)


def _situation(raw: dict[str, Any], stair: str, trin: int, on: date) -> Situation:
    zone = raw.get("risk_zone") or {}
    relevant, uncertain = [], []
    if stair == "omraadetrappe" and trin == 1:
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
        exempt_from_extra=bool(raw.get("exempt_from_extra")),
        convictions_required=bool(plan.get("convictions_criterion_applies")),
        municipal_suspended=bool(plan.get("municipal_allocation_suspended")),
    )


def priority(doc: object) -> dict[str, Any]:
    """For each home of the wheel: priority, seniority only, or not at all (afsnit 6; Bilag 4). Never raises."""
    try:
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
            return error_answer(errors)
        stair, trin = situation_clean.get("stair"), situation_clean.get("trin")
        if (stair is None) != (trin is None):
            missing = "situation.trin" if trin is None else "situation.stair"
            return error_answer(
                [
                    InputError(
                        missing,
                        "required",
                        T(
                            "Angiv både trappe og trin, eller ingen af dem (så får du kun overblikket).",
                            "Give both stair and step, or neither (then you get the overview only).",
                        ),
                    )
                ]
            )
        on = household.date
        problems = [_outside(on)]
        if stair is not None:
            problems.append(_stair_trin_error(stair, trin, "situation.trin"))
        if any(problems):
            return error_answer([p for p in problems if p])
        ctx = Context(household)
        findings = evaluate_criteria(ctx)
        verdicts = household_verdicts(findings)
        out = {
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
        words = []
        you = Addressee.of(len(household.persons))
        for (s, t), w in all_wheels().items():
            sit = _situation(situation_clean, s, t, on)
            version = w.at(on)
            answers = position_answers(w, version, sit, verdicts)
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
        out["where"] = where(words, (stair, trin) if stair else None, you)
        if verdicts["C1"].value != "not_met":
            out["notes"].append(
                {
                    "da": "Op til 5 % af familieboligerne i en afdeling kan udpeges til handicapkriteriet (C). En ansøger efter C skal også opfylde hjulets fleksible kriterier for boligen.",
                    "en": "Up to 5 % of a section's family homes can be set aside for the disability criterion (C). An applicant under C must also meet the wheel's flexible criteria for the home.",
                    "reference": "Bilag 4, IV (indledning); Bilag 4, IV.1 C.1",
                }
            )
        return out
    except Exception as exc:  # noqa: BLE001
        return internal_error_answer(exc)


__all__ = [
    "STATUSES",
    "placement",
    "placement_input_schema",
    "priority",
    "priority_input_schema",
    "wheel",
    "wheel_input_schema",
]
