"""Endpoint ``saerbolig_phase_out`` (afsnit 9): validates, calls ``sections.afsnit9_saerboliger``
and serialises: when the phase-out of særboliger and shared homes for young people starts, and
what happens when such a home is vacated (Reading R-32)."""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.answers import input_schema_of
from udlejning.inputspec import Group, InputError, Spec, When
from udlejning.model import Text
from udlejning.parameters import agreement
from udlejning.sections.afsnit9_saerboliger import SAERBOLIG_HOMES, phase_out_answer
from udlejning.texts import day
from udlejning.tools.checks import _error, run
from udlejning.tools.fields import field, one_fieldset_form, percent_field, trin_field

T = Text


def saerbolig_phase_out_spec() -> Spec:
    first = agreement().first_day
    return one_fieldset_form(
        "Udfasning af særboliger og deleboliger (afsnit 9)",
        "Phasing out special homes",
        Group("section", T("Afdelingen", "The section")),
        {
            "trin_at_start": trin_field(
                f"Afdelingens trin på afdelingstrappen ved aftalens start ({day(first, 'da')})",
                f"The section's step on the section stair at the agreement's start ({day(first, 'en')})",
                options={str(n): T(f"Trin {n}", f"Step {n}") for n in range(1, 5)},
                control="select",
            ),
            "allocated_share_at_start": percent_field(
                "Andel anviste boliger i afdelingen ved aftalens start (%)",
                "Share of allocated homes in the section at the agreement's start (%)",
                help=T("Kun for trin 1.", "Step 1 only."),
                show=When("trin_at_start", ("1",)),
                unit="percent",
            ),
            "date": field("date", "Dato (kan springes over)", "Date (can be skipped)"),
            "home": field(
                "enum",
                "Slags bolig (kan springes over)",
                "Kind of home (can be skipped)",
                options=SAERBOLIG_HOMES,
            ),
        },
        required=("trin_at_start",),
    )


def _phase_out_input_errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    deal = agreement()
    on: date | None = clean.get("date")
    if on is not None and on < deal.first_day:
        return [
            _error(
                "date",
                "before_agreement",
                f"Datoen {day(on, 'da')} ligger før aftalens første dag ({day(deal.first_day, 'da')}); udfasningen begynder tidligst den dag.",
                f"The date {day(on, 'en')} is before the agreement's first day ({day(deal.first_day, 'en')}); the phase-out starts on that day at the earliest.",
            )
        ]
    return []


def saerbolig_phase_out(doc: object) -> dict[str, Any]:
    """Afsnit 9: when the phase-out of særboliger and shared homes for young people starts in a
    section, and what happens when such a home is vacated. Never raises."""
    return run(
        saerbolig_phase_out_spec,
        doc,
        lambda clean: phase_out_answer(clean, clean.get("date")),
        _phase_out_input_errors,
    )


saerbolig_phase_out_input_schema = input_schema_of(
    saerbolig_phase_out_spec, "saerbolig-phase-out-input"
)
