"""JSON endpoint ``saerbolig_move``: afsnit 9 — may a særbolig be moved to another section? Not to a
section where særboliger are phased out. The rule lives in ``udlejning.sections.afsnit9_saerboliger``.
Never raises."""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import Spec
from udlejning.model import Text
from udlejning.sections import afsnit9_saerboliger as sb
from udlejning.texts import day
from udlejning.tools.checks import date_in_period, run
from udlejning.tools.fields import date_field, field, percent_field

T = Text


def saerbolig_move_spec() -> Spec:
    return field(
        "object",
        "Flytning af en særbolig (afsnit 9)",
        "Moving a special home (afsnit 9)",
        fields={
            "date": date_field("Dato for flytningen", "Date of the move"),
            "target_trin_at_start": field(
                "integer",
                "Den nye afdelings trin på afdelingstrappen ved aftalens start",
                "The new section's step on the section stair at the agreement's start",
                minimum=1,
                maximum=4,
            ),
            "target_allocated_share_at_start": percent_field(
                "Den nye afdelings andel anviste boliger ved aftalens start (%)",
                "The new section's share of allocated homes at the agreement's start (%)",
            ),
        },
        required=("date", "target_trin_at_start"),
    )


def saerbolig_move(doc: object) -> dict[str, Any]:
    """Afsnit 9: may a særbolig be moved to the section? Not where særboliger are phased out.
    Never raises."""
    return run(saerbolig_move_spec, doc, _saerbolig_move, date_in_period)


def _saerbolig_move(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    trin, share = clean["target_trin_at_start"], clean.get("target_allocated_share_at_start")
    allowed = sb.may_move_to(trin, on, share)
    start = sb.phase_out_start(trin, share)
    if allowed is None:
        text = T(
            "På trin 1 afhænger udfasningen af den nye afdelings andel anviste boliger ved aftalens start. Den andel mangler.",
            "On step 1 the phase-out depends on the new section's share of allocated homes at the agreement's start. That share is missing.",
        )
    elif allowed:
        assert start is not None
        text = T(
            f"Udfasningen er ikke begyndt i den nye afdeling (den begynder {day(start, 'da')}). Særboligen kan flyttes dertil efter aftale mellem boligorganisationen og Socialforvaltningen.",
            f"The phase-out has not started in the new section (it starts on {day(start, 'en')}). The special home can be moved there by agreement between the housing organisation and the Social Services Administration.",
        )
    else:
        assert start is not None
        text = T(
            f"Særboliger er udfaset i den nye afdeling fra {day(start, 'da')}. En særbolig kan ikke flyttes dertil.",
            f"Special homes are phased out in the new section from {day(start, 'en')}. A special home cannot be moved there.",
        )
    return {
        "date": on.isoformat(),
        "allowed": allowed,
        "phase_out_start": None if start is None else start.isoformat(),
        "reasons": [{**text.to_json(), "reference": "afsnit 9 (læsning R-32)"}],
    }
