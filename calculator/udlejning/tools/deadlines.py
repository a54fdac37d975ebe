"""Endpoint ``deadlines`` (Bilag 14): validates, calls ``sections.bilag14_deadlines`` and serialises.
From the dates a home was received by the municipality, a citizen was allocated, the home was
returned (and the moving-in date), the dates that follow. Working days are Monday–Friday minus the
public holidays of helligdagsloven and the local closing days the caller gives (Reading R-36)."""

from __future__ import annotations

from typing import Any

from udlejning.answers import input_schema_of
from udlejning.inputspec import Group, InputError, Spec, quoted
from udlejning.model import Text
from udlejning.sections import bilag14_deadlines as b14
from udlejning.tools.checks import _error, _not_before, _outside, run
from udlejning.tools.fields import field, grouped

T = Text

DEADLINE_PARAMETERS = {
    "received_on": ("deadline.municipality_months", "deadline.return_free_working_days"),
    "allocated_on": ("deadline.organisation_min_days",),
    "returned_on": ("deadline.vacancy_rent_max_months",),
}


def deadlines_spec() -> Spec:
    return field(
        "object",
        "Frister ved boligsocial anvisning (Bilag 14)",
        "Deadlines for municipal allocation",
        groups=(
            Group(
                "dates",
                T("Datoerne", "The dates"),
                T(
                    "Udfyld de datoer, du kender: mindst modtagelsen, anvisningen eller returneringen.",
                    "Fill in the dates you know: at least the receipt, the allocation or the return.",
                ),
            ),
        ),
        fields=grouped(
            "dates",
            {
                "received_on": field(
                    "date",
                    "Dato kommunen modtog den ledige bolig",
                    "Date the municipality received the vacant home",
                ),
                "allocated_on": field(
                    "date",
                    "Dato kommunen anviste en borger til boligen",
                    "Date the municipality allocated a citizen to the home",
                ),
                "moving_in_on": field("date", "Indflytningsdato", "Moving-in date"),
                "returned_on": field(
                    "date",
                    "Dato kommunen returnerede boligen",
                    "Date the municipality returned the home",
                ),
                "holidays": field(
                    "array",
                    "Lokale lukkedage, der ikke er hverdage (kan springes over)",
                    "Local closing days that are not working days (can be skipped)",
                    help=T(
                        "Skriv hver dato på sin egen linje. Helligdagene springer vi selv over. Angiv kun andre lukkedage.",
                        "One date per line. We skip the public holidays ourselves. Give only other closing days.",
                    ),
                    items=field("date", "Lukkedag", "Closing day"),
                    max_items=60,
                ),
            },
        ),
    )


def _deadline_input_errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    keys = ("received_on", "allocated_on", "returned_on")
    if not any(clean.get(k) is not None for k in keys):
        da, en = (
            ", ".join(getattr(quoted(spec.fields[k].label), lang) for k in keys)
            for lang in ("da", "en")
        )
        return [
            _error(
                "received_on",
                "required",
                f"Angiv en eller flere af disse datoer: {da}.",
                f"Give at least one of these dates: {en}.",
            )
        ]
    problems: list[InputError | None] = [
        _outside(k, spec.fields[k].label, clean[k])
        for k in ("received_on", "allocated_on", "returned_on")
        if clean.get(k) is not None
    ]
    problems += [
        _not_before(clean, spec, "allocated_on", "received_on", "before_received"),
        _not_before(clean, spec, "returned_on", "received_on", "before_received"),
        _not_before(clean, spec, "moving_in_on", "allocated_on", "before_allocated"),
        _not_before(clean, spec, "moving_in_on", "received_on", "before_received"),
    ]
    return [p for p in problems if p is not None]


def deadlines(doc: object) -> dict[str, Any]:
    """Bilag 14: the dates that follow from receiving, allocating and returning a home. Never raises."""
    return run(
        deadlines_spec,
        doc,
        lambda clean: b14.deadline_answer(clean, DEADLINE_PARAMETERS),
        _deadline_input_errors,
    )


deadlines_input_schema = input_schema_of(deadlines_spec, "deadlines-input")
