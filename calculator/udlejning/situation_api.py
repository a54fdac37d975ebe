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

from udlejning import __version__, section_data_spec
from udlejning.answers import SCHEMA_VERSION, error_answer, input_schema_of, internal_error_answer
from udlejning.context import Context
from udlejning.criteria import evaluate_criteria
from udlejning.household import document_spec, parse_household
from udlejning.inputspec import Group, InputError, Spec, Validator, When
from udlejning.model import Text
from udlejning.parameters import agreement, parameter
from udlejning.readings import choice_spec
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
from udlejning.stairs.bilag17_risk_zone import CRITERIA, CRITERION_TEXT, SKAERPET, Limits
from udlejning.stairs.placement import place
from udlejning.texts import both, day, format_parameter, percent
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
        group=f"figures.{criterion}",
        fields={
            "value": Spec(
                "decimal",
                T("Nøgletal i procent", "Key figure in per cent"),
                unit="percent",
                **PERCENT,
            ),
            "persons_from_limit": Spec(
                "integer",
                T("Antal personer fra statens grænse", "Persons from the state's limit"),
                help=T(
                    "Kun for områdetrappen. Kan springes over.", "Area stair only. Can be skipped."
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
        group="limits",
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
        T("Er udviklingsplanen gennemført?", "Is the development plan carried out?"),
    ),
}


def _min_residents(lang: str) -> str:
    latest = parameter("omraade.min_residents")
    return format_parameter(latest.type, latest.values[-1].value, lang)


NOT_DESIGNATED = When("area.designation", ("none",))
PLACEMENT_GROUPS = (
    Group("when", T("Hvornår", "When")),
    Group("area", T("Boligområdet", "The housing area")),
    Group(
        "figures",
        T("Nøgletal", "Key figures"),
        T(
            "Områdets nøgletal (på områdetrappen) eller afdelingens egne (på afdelingstrappen). Tal, du ikke kender, kan du springe over.",
            "The area's key figures (on the area stair) or the section's own (on the section stair). Skip figures you do not know.",
        ),
    ),
    *(
        Group(f"figures.{c}", T(CRITERION_TEXT[c].da, CRITERION_TEXT[c].en), parent="figures")
        for c in CRITERIA
    ),
    Group("section", T("Afdelingen", "The section")),
    Group(
        "development_plan",
        T(
            "Tidligere omdannelsesområde med udviklingsplan",
            "Former transformation area with a development plan",
        ),
        T(
            "Kun hvis det gælder området. Ellers spring over.",
            "Only if it applies to the area. Otherwise skip.",
        ),
    ),
    Group(
        "section_counts",
        T(
            "Afdelingens tal (kan springes over)",
            "The section's figures (can be skipped)",
        ),
        T(
            "Tal, som afdelingen har: anviste husstande talt op i stedet for andelen, afdelingens størrelse, sidste års ledige og anviste boliger og den særlige sikring på trin 1.",
            "Figures the section has: allocated households counted instead of the share, the section's size, last year's vacant and allocated homes and the special safeguard on step 1.",
        ),
        collapsible=True,
    ),
    Group(
        "limits",
        T("Nyere grænseværdier (kan springes over)", "Newer limit values (can be skipped)"),
        T(
            "Aftalen oplyser grænseværdierne for ét år, og de fastsættes hvert år. Kender du de aktuelle værdier, så skriv dem her.",
            "The agreement gives the limit values for one year, and they are set every year. If you know the current values, write them here.",
        ),
        collapsible=True,
    ),
)


def placement_spec() -> Spec:
    return Spec(
        "object",
        T("Afdeling og område", "Section and area"),
        groups=PLACEMENT_GROUPS,
        fields={
            "date": Spec(
                "date",
                DATE.label,
                help=T(
                    "Grænseværdierne, der gælder på datoen, bruges.",
                    "The limit values in force on the date are used.",
                ),
                group="when",
            ),
            "area": Spec(
                "object",
                T("Boligområdet", "The housing area"),
                group="area",
                fields={
                    "designation": Spec(
                        "enum",
                        T(
                            "Statens udpegning af området pr. 1. december",
                            "The state's designation of the area on 1 December",
                        ),
                        control="fixed",
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
                        T("Antal beboere i området", "Number of residents in the area"),
                        minimum=0,
                        maximum=1_000_000,
                    ),
                    "would_be_designated": Spec(
                        "enum",
                        T(
                            f"Ville området være udpeget, hvis det havde {_min_residents('da')} beboere?",
                            f"Would the area be designated if it had {_min_residents('en')} residents?",
                        ),
                        help=T(
                            "Kun for mindre områder, som ikke er udpeget.",
                            "Only for smaller areas that are not designated.",
                        ),
                        show=NOT_DESIGNATED,
                        options={
                            "forebyggelse": T("forebyggelsesområde", "prevention area"),
                            "udsat": T("udsat boligområde", "disadvantaged area"),
                        },
                    ),
                    "samarbejdsforum_decision": Spec(
                        "boolean",
                        T(
                            "Har Samarbejdsforum besluttet at bruge områdetrappen?",
                            "Has Samarbejdsforum decided to use the area stair?",
                        ),
                        show=NOT_DESIGNATED,
                    ),
                    "rehoused_for_renovation": Spec(
                        "boolean",
                        T(
                            "Har området kun få beboere, fordi beboere er genhuset under en renovering?",
                            "Does the area have few residents only because residents are rehoused during a renovation?",
                        ),
                        show=NOT_DESIGNATED,
                    ),
                    "newly_designated": Spec(
                        "boolean",
                        T("Er området nyudpeget i år?", "Is the area newly designated this year?"),
                        show=When("area.designation", ("forebyggelse",)),
                    ),
                    **section_data_spec.AREA_FIELDS,
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
                    "Share of the family homes with municipally allocated households (%)",
                ),
                group="section",
                unit="percent",
                **PERCENT,
            ),
            "development_plan": Spec(
                "object",
                T(
                    "Tidligere omdannelsesområde med udviklingsplan (afsnit 6.1.6)",
                    "Former transformation area with a development plan (afsnit 6.1.6)",
                ),
                group="development_plan",
                fields=DEVELOPMENT_PLAN_FIELDS,
            ),
            "readings": choice_spec(("R-29", "R-41")),
            "limits": _limits_spec(),
            **section_data_spec.FIELDS,
        },
        required=("date",),
    )


def _capital(text: Text) -> Text:
    return T(text.da[:1].upper() + text.da[1:], text.en[:1].upper() + text.en[1:])


def wheel_spec() -> Spec:
    wheels = all_wheels()
    steps = {
        stair: {str(trin): wheels[(stair, trin)].title for trin in trins}
        for stair, trins in STAIRS.items()
    }
    return Spec(
        "object",
        T("Udlejningshjul", "Letting wheel"),
        groups=(
            Group("step", T("Trinnet og datoen", "The step and the date")),
            Group(
                "position",
                T("Hvor er afdelingen i hjulet?", "Where is the section in the wheel?"),
                T(
                    "Hjulet læses over to omgange, fordi nogle boliger går på skift. Ved du ikke, hvor afdelingen er, så start ved bolig 1 i 1. omgang.",
                    "The wheel is read over two rounds, because some homes alternate. If you do not know where the section is, start at home 1 in the 1st round.",
                ),
            ),
        ),
        fields={
            "stair": Spec(
                "enum",
                STAIR.label,
                options={k: _capital(v) for k, v in STAIR_OPTIONS.items()},
                control="fixed",
                group="step",
            ),
            "trin": Spec(
                "integer",
                TRIN.label,
                minimum=1,
                maximum=4,
                control="fixed",
                options_by=("stair", steps),
                group="step",
            ),
            "date": Spec("date", DATE.label, group="step"),
        },
        required=("date", "stair", "trin"),
    )


# The wheel tool also asks where the section is in the wheel: the page keeps these (not sent).
WHEEL_PAGE_FIELDS = {
    "next_position": Spec(
        "enum",
        T("Næste ledige bolig er", "The next vacant home is"),
        options={str(n): T(f"Bolig {n}", f"Home {n}") for n in range(1, 10)},
        control="fixed",
        group="position",
    ),
    "round": Spec(
        "enum",
        T("Omgang", "Round"),
        options={"1": T("1. omgang", "1st round"), "2": T("2. omgang", "2nd round")},
        control="fixed",
        group="position",
    ),
}


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
            "last_year": section_data_spec.FIELDS["last_year"],
            "accessible_home": Spec(
                "boolean",
                T(
                    "Boligen er udpeget som tilgængelighedsbolig (C-kriteriet)",
                    "The home is designated as an accessible home (the C criterion)",
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
    """The stairs, their limits and the wheels exist only in the agreement's period: a date outside
    it is refused (``placement``, ``wheel`` and ``priority`` alike), never extrapolated."""
    deal = agreement()
    if deal.covers(on):
        return None
    when, first, last = both(day, on), both(day, deal.first_day), both(day, deal.last_day())
    return InputError(
        "date",
        "outside_agreement_period",
        T(
            f"Datoen {when.da} ligger uden for aftalens periode ({first.da} – {last.da}); trapperne og hjulene gælder kun i perioden.",
            f"The date {when.en} is outside the agreement's period ({first.en} – {last.en}); the stairs and wheels apply only in that period.",
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
        since, value = both(day, pv.effective_from), both(percent, pv.value)
        out.append(
            {
                "code": "parameter_not_current",
                "parameter": name,
                "da": f"Aftalen oplyser kun grænseværdien pr. {since.da} ({value.da}), og den fastsættes hvert år. Angiv den aktuelle værdi under «limits» for et sikkert svar.",
                "en": f"The agreement gives the limit only as of {since.en} ({value.en}), and it is set every year. Give the current value under “limits” for a firm answer.",
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
        outside = _outside(on)  # the same date rule as wheel and priority
        if outside is not None:
            return error_answer([outside])
        section_errors = section_data_spec.errors(clean)
        if section_errors:
            return error_answer(section_errors)
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


def _exempt_by_counts(raw: dict[str, Any], on: date) -> bool:
    """Afsnit 6.2.2: last year's counts show more than every third vacant home allocated."""
    last = raw.get("last_year")
    return bool(last) and sd_rules.exempt_next_year(
        last["vacant_homes"], last["allocated_homes"], on
    )


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
