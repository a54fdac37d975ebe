"""Endpoint ``placement`` (afsnit 6; Bilag 4, III; Bilag 17): which stair and step a section is on,
from its area and key figures. Validates, calls ``stairs.placement`` and serialises. Never raises."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from udlejning import section_data_spec
from udlejning.inputspec import Group, InputError, Spec, When
from udlejning.model import Text
from udlejning.parameters import parameter
from udlejning.readings import choice_spec
from udlejning.stairs.bilag17_risk_zone import CRITERIA, CRITERION_TEXT, Limits
from udlejning.stairs.placement import place
from udlejning.texts import both, day, format_parameter, percent
from udlejning.tools.checks import all_of, date_in_period, run
from udlejning.tools.fields import count_field, date_field

T = Text
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
                minimum=Decimal(0),
                maximum=Decimal(100),
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
                minimum=Decimal(0),
                maximum=Decimal(100),
            )
            for name in LIMIT_NAMES
        },
    )


# Afsnit 6.1.6: the facts about a former transformation area with a development plan (also asked by
# tools.allocation_limits).
DEVELOPMENT_PLAN_FIELDS = {
    "years_not_designated": count_field(
        "År i træk uden udpegning som udsat", "Years in a row not designated as disadvantaged", 100
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


def _area_spec() -> Spec:
    """The housing area: the state's designation, its residents and, for a small area that is not
    designated, what would make it one (afsnit 6.1)."""
    return Spec(
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
            "residents": count_field(
                "Antal beboere i området", "Number of residents in the area", 1_000_000
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
    )


def placement_spec() -> Spec:
    return Spec(
        "object",
        T("Afdeling og område", "Section and area"),
        groups=PLACEMENT_GROUPS,
        fields={
            "date": date_field(
                help=T(
                    "Grænseværdierne, der gælder på datoen, bruges.",
                    "The limit values in force on the date are used.",
                ),
                group="when",
            ),
            "area": _area_spec(),
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
                minimum=Decimal(0),
                maximum=Decimal(100),
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


def _section_errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    return section_data_spec.errors(clean)


def _placement(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    limits = Limits(on, clean.get("limits"))
    return {
        "date": on.isoformat(),
        **place(clean, on, limits),
        "notices": _limit_notices(limits),
        "parameters": limits.to_json(),
    }


def placement(doc: object) -> dict[str, Any]:
    """Which stair and step a section is on (afsnit 6; Bilag 4, III; Bilag 17). The date rule is
    the same as the wheel's and priority's. Never raises."""
    return run(placement_spec, doc, _placement, all_of(date_in_period, _section_errors))
