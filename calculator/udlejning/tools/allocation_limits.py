"""Endpoint ``allocation_limits`` (Bilag 5 with afsnit 6.1.3 and 6.1.6): validates, calls
``sections.bilag5_limits`` and serialises. May the municipality allocate this citizen a home in a
disadvantaged area or a prevention area, and if not, why not (Readings R-35, R-38, R-39)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from udlejning.answers import input_schema_of
from udlejning.inputspec import Group, InputError, Spec, When, quoted
from udlejning.model import Text
from udlejning.readings import choice_spec
from udlejning.sections.bilag5_limits import AREAS, MAX_MONTHS, allocation_answer
from udlejning.texts import day
from udlejning.tools.checks import _error, _outside, run
from udlejning.tools.fields import field
from udlejning.tools.placement import DEVELOPMENT_PLAN_FIELDS

T = Text


def _months(label_da: str, label_en: str) -> Spec:
    return field(
        "integer",
        f"Måneder i træk med {label_da}",
        f"Months in a row with {label_en}",
        minimum=0,
        maximum=MAX_MONTHS,
    )


def _placed(fields: dict[str, Spec], group: str, show: When | None = None) -> dict[str, Spec]:
    return {key: replace(spec, group=group, show=show) for key, spec in fields.items()}


RELEASED = When("citizen.released_from", ("prison_service", "other_institution"))
LIMITS_GROUPS = (
    Group("allocation", T("Anvisningen", "The allocation")),
    Group(
        "citizen",
        T("Borgeren", "The citizen"),
        T(
            "Spørgsmål, du ikke kan svare på, kan du springe over. Så står det i svaret, hvad der mangler.",
            "You can skip questions you cannot answer. The answer then says what is missing.",
        ),
    ),
    Group(
        "benefits",
        T("Offentlige ydelser", "Public benefits"),
        T(
            "Det længste sammenhængende forløb i hele kalendermåneder. Aftalen siger ikke, hvornår månederne skal ligge; skriv det antal, kommunen regner med.",
            "The longest unbroken run in whole calendar months. The agreement does not say when the months must lie; write the number the municipality counts.",
        ),
    ),
    Group("exception", T("Undtagelsen", "The exception")),
)


def _benefits_spec() -> Spec:
    """The longest unbroken runs of months on each benefit (Reading R-39)."""
    return field(
        "object",
        "Offentlige ydelser",
        "Public benefits",
        group="benefits",
        fields={
            "basic_benefits_months": _months(
                "selvforsørgelses- og hjemrejseydelse, overgangsydelse, uddannelseshjælp eller kontanthjælp (i alt)",
                "self-support and return benefit, transition benefit, education aid or cash benefit (in all)",
            ),
            "self_support_or_transition_months": _months(
                "selvforsørgelses- og hjemrejseydelse eller overgangsydelse",
                "self-support and return benefit or transition benefit",
            ),
            "cash_benefit_months": _months("kontanthjælp", "cash benefit"),
            "insurance_benefits_months": _months(
                "arbejdsløshedsdagpenge, sygedagpenge eller ressourceforløbsydelse",
                "unemployment benefit, sickness benefit or resource-course benefit",
            ),
            "disability_pension": field(
                "boolean",
                "Modtager borgeren førtidspension?",
                "Does the citizen receive disability pension?",
            ),
        },
    )


def _citizen_spec() -> Spec:
    """Bilag 5's facts about the citizen, row by row (``sections.bilag5_citizen``)."""
    return field(
        "object",
        "Borgeren",
        "The citizen",
        group="citizen",
        fields={
            "age": field("integer", "Alder (år)", "Age (years)", minimum=0, maximum=125),
            "released_from": field(
                "enum",
                "Er borgeren dømt for et strafbart forhold og løsladt fra",
                "Has the citizen been convicted of an offence and released from",
                options={
                    "none": T("Ikke dømt og løsladt", "Not convicted and released"),
                    "prison_service": T(
                        "En institution under kriminalforsorgen",
                        "An institution of the prison service",
                    ),
                    "other_institution": T(
                        "En institution uden for kriminalforsorgen",
                        "An institution outside the prison service",
                    ),
                },
            ),
            "released_on": field("date", "Dato for løsladelsen", "Date of release", show=RELEASED),
            "action_plan": field(
                "boolean",
                "Skal borgeren have en handleplan efter serviceloven (§ 141 eller § 57)?",
                "Is the citizen to have an action plan under the Social Services Act (§ 141 or § 57)?",
                show=RELEASED,
            ),
            "tenancy_ended": field(
                "boolean",
                "Er et lejemål ophævet eller opsagt for grove brud på god skik og orden?",
                "Has a tenancy been ended for gross breaches of good conduct?",
            ),
            "tenancy_ended_on": field(
                "date",
                "Dato lejemålet blev ophævet eller opsagt",
                "Date the tenancy was ended",
                show=When("citizen.tenancy_ended", ("yes",)),
            ),
            "citizenship": field(
                "enum",
                "Statsborgerskab",
                "Citizenship",
                options={
                    "eu_eea_switzerland": T(
                        "Et EU- eller EØS-land eller Schweiz",
                        "An EU or EEA country or Switzerland",
                    ),
                    "other": T("Et andet land", "Another country"),
                },
            ),
            "student": field(
                "boolean",
                "Er borgeren indskrevet på en offentligt anerkendt uddannelsesinstitution?",
                "Is the citizen enrolled at a publicly recognised educational institution?",
                show=When("citizen.citizenship", ("other",)),
            ),
            "benefits": _benefits_spec(),
        },
    )


def allocation_limits_spec() -> Spec:
    return field(
        "object",
        "Begrænsninger for boligsocial anvisning (Bilag 5)",
        "Limits on municipal allocation (Bilag 5)",
        groups=LIMITS_GROUPS,
        fields={
            "date": field(
                "date", "Dato for anvisningen", "Date of the allocation", group="allocation"
            ),
            "area": field(
                "enum",
                "Boligområdets udpegning",
                "The area's designation",
                options=AREAS,
                group="allocation",
            ),
            "readings": choice_spec(("R-29", "R-35")),
            "development_plan": field(
                "object",
                "Tidligere omdannelsesområde: overgangen (afsnit 6.1.6)",
                "Former transformation area: the transition (afsnit 6.1.6)",
                fields=_placed(
                    DEVELOPMENT_PLAN_FIELDS, "allocation", When("area", ("former_omdannelse",))
                ),
            ),
            "citizen": _citizen_spec(),
            "no_option_outside": field(
                "boolean",
                "Har kommunen konkret vurderet, at borgeren ikke kan anvises uden for et udsat boligområde eller et forebyggelsesområde?",
                "Has the municipality found in the case that the citizen cannot be allocated outside a disadvantaged or prevention area?",
                group="exception",
            ),
        },
        required=("date", "area"),
    )


def _limits_input_errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    on: date = clean["date"]
    errors = [_outside("date", spec.fields["date"].label, on)]
    citizen = clean.get("citizen") or {}
    fields = spec.fields["citizen"].fields
    for key in ("released_on", "tenancy_ended_on"):
        value = citizen.get(key)
        if value is not None and value > on:
            label = fields[key].label
            errors.append(
                _error(
                    f"citizen.{key}",
                    "after_date",
                    f"«{label.da}» kan ikke ligge efter datoen for anvisningen ({day(on, 'da')}).",
                    f"“{label.en}” cannot be after the date of the allocation ({day(on, 'en')}).",
                )
            )
    if citizen.get("released_from") == "none" and citizen.get("released_on") is not None:
        errors.append(
            _error(
                "citizen.released_on",
                "contradiction",
                "Der er angivet en dato for løsladelse, men «løsladt fra» er «ikke dømt og løsladt».",
                "A release date is given, but “released from” is “not convicted and released”.",
            )
        )
    if citizen.get("tenancy_ended") is False and citizen.get("tenancy_ended_on") is not None:
        errors.append(
            _error(
                "citizen.tenancy_ended_on",
                "contradiction",
                "Der er angivet en dato for ophævelse, men «lejemål ophævet» er nej.",
                "A date is given for the tenancy ending, but “tenancy ended” is no.",
            )
        )
    benefits = citizen.get("benefits") or {}
    basic = benefits.get("basic_benefits_months")
    labels = fields["benefits"].fields
    total = quoted(labels["basic_benefits_months"].label)
    for key in ("self_support_or_transition_months", "cash_benefit_months"):
        part = benefits.get(key)
        if basic is not None and part is not None and part > basic:
            name = quoted(labels[key].label)
            errors.append(
                _error(
                    f"citizen.benefits.{key}",
                    "inconsistent",
                    f"{name.da} er én af ydelserne i {total.da} og kan ikke være flere end dem ({basic}).",
                    f"{name.en} is one of the benefits in {total.en} and cannot be more than those ({basic}).",
                )
            )
    if clean.get("development_plan") is not None and clean["area"] != "former_omdannelse":
        errors.append(
            _error(
                "development_plan",
                "not_applicable",
                f"Spørgsmålene om udviklingsplanen gælder kun, når {quoted(spec.fields['area'].label).da} er «{AREAS['former_omdannelse'].da}».",
                f"The questions about the development plan apply only when {quoted(spec.fields['area'].label).en} is “{AREAS['former_omdannelse'].en}”.",
            )
        )
    return [e for e in errors if e is not None]


def allocation_limits(doc: object) -> dict[str, Any]:
    """Bilag 5 (with afsnit 6.1.3 and 6.1.6): may the municipality allocate this citizen a home in the
    area, and if not, why not. Never raises."""
    return run(allocation_limits_spec, doc, allocation_answer, _limits_input_errors)


allocation_limits_input_schema = input_schema_of(allocation_limits_spec, "allocation-limits-input")
