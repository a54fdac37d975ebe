"""JSON endpoint ``youth_housing``: how many youth homes the municipality gets in a section, the cap
on corridor halls, and whether a young person is in the target group (afsnit 7, 8.2; Bilag 7).

The rules live in ``udlejning.sections.afsnit7_youth_housing``; this module validates, calls and
serialises. Never raises: errors come back as ``{"ok": false, ...}`` naming the field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import InputError, Spec
from udlejning.model import Text
from udlejning.sections import afsnit7_youth_housing as youth
from udlejning.tools.checks import (
    _error,
    all_of,
    date_in_period,
    needed_with,
    reason,
    run,
    stair_trin_error,
)
from udlejning.tools.fields import date_field, field, stair_field, trin_field
from udlejning.wheels import format_share

T = Text
SECTION_KINDS = {
    "primarily_youth": T(
        "Afdelingen består kun eller mest af ungdomsboliger",
        "The section is made up only or mainly of youth homes",
    ),
    "few_youth_homes": T(
        "Afdelingen har et mindre antal ungdomsboliger (og familieboliger)",
        "The section has a few youth homes (and family homes)",
    ),
}


def youth_housing_spec() -> Spec:
    return field(
        "object",
        "Ungdomsboliger (afsnit 7 og 8.2)",
        "Youth homes (afsnit 7 and 8.2)",
        fields={
            "date": date_field(),
            "section": field("enum", "Slags afdeling", "Kind of section", options=SECTION_KINDS),
            "stair": stair_field(
                "Familieboligernes trappe",
                "The family homes' stair",
                help=T(
                    "Kun for en afdeling med få ungdomsboliger.",
                    "Only for a section with a few youth homes.",
                ),
            ),
            "trin": trin_field("Familieboligernes trin", "The family homes' step"),
            "shared_kitchens": field(
                "integer",
                "Antal fælleskøkkener (gangkollegium)",
                "Number of shared kitchens (corridor hall)",
                help=T(
                    "Kun hvis boligerne deler køkken og/eller bad.",
                    "Only if the homes share a kitchen and/or bath.",
                ),
                minimum=0,
                maximum=10000,
            ),
            "agreed_higher": field(
                "integer",
                "Aftalt højere antal anviste unge (gangkollegium)",
                "A higher number of allocated young tenants agreed (corridor hall)",
                minimum=0,
                maximum=10000,
            ),
            "young_person": field(
                "object",
                "Den unge",
                "The young person",
                fields={
                    "age": field("integer", "Alder", "Age", minimum=0, maximum=130),
                    "single": field("boolean", "Enlig", "Single"),
                    "education": field(
                        "enum",
                        "Uddannelse",
                        "Education",
                        options=youth.EDUCATION,
                    ),
                },
            ),
        },
        required=("date", "section"),
    )


def _family_homes_stair(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    """Afsnit 7.3: a section with a few youth homes needs the family homes' stair and step."""
    if clean["section"] != "few_youth_homes":
        return []
    errors = [
        _error(
            key,
            "required",
            "Trappe og trin for familieboligerne skal med, når afdelingen har få ungdomsboliger (afsnit 7.3).",
            "The family homes' stair and step are needed when the section has a few youth homes (afsnit 7.3).",
        )
        for key in ("stair", "trin")
        if key not in clean
    ]
    if "stair" in clean and "trin" in clean:
        error = stair_trin_error(clean["stair"], clean["trin"], "trin")
        if error:
            errors.append(error)
    return errors


_errors = all_of(
    date_in_period,
    _family_homes_stair,
    needed_with(
        "agreed_higher",
        "shared_kitchens",
        "Antal fælleskøkkener skal med, når et højere antal er aftalt (afsnit 7.2).",
        "The number of shared kitchens is needed when a higher number is agreed (afsnit 7.2).",
    ),
)


def _share(clean: dict[str, Any], on: date) -> dict[str, Any]:
    if clean["section"] == "primarily_youth":
        share = youth.municipal_share_primarily_youth(on)
        text = T(
            "Boligorganisationen stiller {{youth.primarily_youth.homes}} af hver {{youth.primarily_youth.of_vacant}} ledige boliger til rådighed for unge anvist af kommunen.",
            "The housing organisation makes {{youth.primarily_youth.homes}} of every {{youth.primarily_youth.of_vacant}} vacant homes available for young people allocated by the municipality.",
        )
        return {"share": format_share(share), **reason(text, on, youth.REF_71)}
    stair, trin = clean["stair"], clean["trin"]
    share = youth.municipal_share_few_youth_homes(stair, trin, on)
    s = format_share(share)
    text = T(
        f"Ungdomsboligerne følger familieboligernes udlejningshjul. På dette trin får kommunen {s} af de ledige boliger.",
        f"The youth homes follow the family homes' letting wheel. On this step the municipality gets {s} of the vacant homes.",
    )
    return {"share": s, **reason(text, on, youth.REF_73), "stair": stair, "trin": trin}


def _corridor(clean: dict[str, Any], on: date) -> dict[str, Any] | None:
    if "shared_kitchens" not in clean:
        return None
    kitchens, higher = clean["shared_kitchens"], clean.get("agreed_higher")
    cap = youth.gangkollegium_cap(kitchens, higher, on)
    text = T(
        f"Med {kitchens} fælleskøkkener kan kommunen anvise højst {cap} unge lejere: {{{{youth.corridor.per_shared_kitchen}}}} pr. fælleskøkken, medmindre boligorganisationen og kommunen aftaler mere.",
        f"With {kitchens} shared kitchens the municipality may allocate at most {cap} young tenants: {{{{youth.corridor.per_shared_kitchen}}}} per shared kitchen, unless the housing organisation and the municipality agree more.",
    )
    return {"cap": cap, "agreed_higher": higher, **reason(text, on, youth.REF_72)}


def _person(clean: dict[str, Any], on: date) -> dict[str, Any] | None:
    person = clean.get("young_person")
    if person is None:
        return None
    verdict, reasons = youth.target_group(
        on, person.get("age"), person.get("single"), person.get("education")
    )
    return {"verdict": verdict, "reasons": [reason(t, on, r) for t, r in reasons]}


NOTES = (
    (
        T(
            "Kommunen screener den unge først. Den unge skal kunne bo i et almindeligt boligmiljø, og kommunen ser på, om der er brug for støtte.",
            "The municipality screens the young person first. The young person must be able to live in an ordinary housing environment, and the municipality considers whether support is needed.",
        ),
        "Bilag 7",
    ),
    (
        T(
            "Boligorganisationen kontrollerer mindst én gang om året, at beboerne stadig lever op til kriterierne (studiekontrol). For en anvist ung skal kommunen bekræfte det.",
            "The housing organisation checks at least once a year that the residents still meet the criteria (study check). For an allocated young person the municipality must confirm it.",
        ),
        "afsnit 8.2",
    ),
)


def youth_housing(doc: object) -> dict[str, Any]:
    """Youth homes: the municipality's share in a section, the cap on corridor halls and the
    target group for a young person (afsnit 7, 8.2; Bilag 7). Never raises."""
    return run(youth_housing_spec, doc, _youth_housing, _errors)


def _youth_housing(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    return {
        "date": on.isoformat(),
        "section": clean["section"],
        "municipal_share": _share(clean, on),
        "corridor": _corridor(clean, on),
        "young_person": _person(clean, on),
        "notes": [reason(t, on, r) for t, r in NOTES],
    }
