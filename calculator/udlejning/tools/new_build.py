"""Endpoint ``new_build`` (afsnit 11, figur 11–12): validates, calls ``sections.afsnit11_new_builds``
and serialises (figur 12's bands half-open, Reading R-33)."""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.answers import input_schema_of
from udlejning.inputspec import Group, InputError, Spec
from udlejning.model import Text
from udlejning.parameters import agreement
from udlejning.sections.afsnit11_new_builds import NEW_BUILD_LETTINGS, new_build_answer
from udlejning.texts import both, day
from udlejning.tools.checks import _error, run
from udlejning.tools.fields import field, one_fieldset_form, percent_field
from udlejning.tools.new_build_terms import new_build_terms_spec

T = Text


def new_build_spec() -> Spec:
    return one_fieldset_form(
        "Nybyggeri: kommunal anvisning (afsnit 11)",
        "New builds: municipal allocation",
        Group("new_build", T("Nybyggeriet", "The new build")),
        {
            "taken_into_use": field(
                "date",
                "Dato boligerne blev taget i brug",
                "Date the homes were taken into use",
            ),
            "date": field("date", "Dato for udlejningen", "Date of the letting"),
            "letting": field(
                "enum",
                "Første udlejning eller genudlejning?",
                "First letting or re-letting?",
                options=NEW_BUILD_LETTINGS,
            ),
            "cheap_share": percent_field(
                "Andel særligt billige familie- og ungdomsboliger med fuld anvisningsret (%)",
                "Share of especially cheap family and youth homes with full allocation right (%)",
                unit="percent",
            ),
            "designated_area": field(
                "boolean",
                "Ligger nybyggeriet i et udsat boligområde eller et forebyggelsesområde?",
                "Is the new build in a disadvantaged area or a prevention area?",
            ),
        },
        required=("date", "taken_into_use", "letting"),
    )


def _new_build_input_errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    taken: date = clean["taken_into_use"]
    on: date = clean["date"]
    errors: list[InputError] = []
    deal = agreement()
    if not deal.covers(taken):
        first, last, when = both(day, deal.first_day), both(day, deal.last_day()), both(day, taken)
        da = f"Afsnit 11 gælder kun boliger, der tages i brug i aftaleperioden ({first.da} – {last.da}); du skrev {when.da}."
        en = f"Afsnit 11 covers only homes taken into use in the agreement's period ({first.en} – {last.en}); you wrote {when.en}."
        if taken < deal.first_day:  # the transitional rule: the endpoint (and tool) new_build_terms
            older = new_build_terms_spec().label
            da += f" Brug «{older.da}» til boliger taget i brug før {first.da}."
            en += f" Use “{older.en}” for homes taken into use before {first.en}."
        errors.append(_error("taken_into_use", "not_new_build", da, en))
    if on < taken:
        a, b = spec.fields["date"].label, spec.fields["taken_into_use"].label
        errors.append(
            _error(
                "date",
                "before_taken_into_use",
                f"«{a.da}» kan ikke ligge før «{b.da}».",
                f"“{a.en}” cannot be before “{b.en}”.",
            )
        )
    return errors


def new_build(doc: object) -> dict[str, Any]:
    """Afsnit 11 (figur 11–12): the municipality's share of a new build's homes on a date. Never raises."""
    return run(new_build_spec, doc, new_build_answer, _new_build_input_errors)


new_build_input_schema = input_schema_of(new_build_spec, "new-build-input")
