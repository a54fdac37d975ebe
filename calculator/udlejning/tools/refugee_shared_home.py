"""JSON endpoint ``refugee_shared_home``: shared homes for refugees (afsnit 8.5.3, Bilag 9) — may
one be set up in this section, how many places are left this year, and may this refugee get one.

The rules live in ``udlejning.sections.bilag9_refugee_shared_homes``; this module validates, calls
and serialises. Never raises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import Spec
from udlejning.model import Text
from udlejning.sections import bilag9_refugee_shared_homes as rs
from udlejning.texts import day
from udlejning.tools.checks import reason, run, stair_has_trin
from udlejning.tools.fields import date_field, field, stair_field, trin_field

T = Text
REF = rs.REFERENCE


def refugee_shared_home_spec() -> Spec:
    return field(
        "object",
        "Delebolig til flygtninge (afsnit 8.5.3, Bilag 9)",
        "Shared home for refugees",
        fields={
            "date": date_field(),
            "stair": stair_field("Afdelingens trappe", "The section's stair"),
            "trin": trin_field("Afdelingens trin", "The section's step"),
            "places_used_this_year": field(
                "integer",
                "Pladser i deleboliger anvist i år (også genudlejede værelser)",
                "Places in shared homes allocated this year (re-let rooms too)",
                minimum=0,
                maximum=100000,
            ),
            "refugee": field(
                "object",
                "Flygtningen",
                "The refugee",
                fields={
                    "single": field("boolean", "Enlig", "Single"),
                    "family_reunification_possible": field(
                        "boolean",
                        "Kan få familiesammenføring",
                        "May be reunited with family",
                    ),
                    "other_home_promised": field(
                        "boolean",
                        "Kommunen erklærer at finde en anden bolig ved familiesammenføring",
                        "The municipality declares it will find another home on reunification",
                    ),
                },
            ),
        },
        required=("date", "stair", "trin"),
    )


def _reason(text: Text, on: date, reference: str = REF) -> dict[str, str]:
    return reason(text, on, reference)


def _section(clean: dict[str, Any], on: date) -> dict[str, Any]:
    allowed = rs.allowed_in_section(clean["stair"], clean["trin"])
    text = (
        T(
            "Afdelingen er på afdelingstrappens trin 1, så der kan oprettes deleboliger.",
            "The section is on step 1 of the section stair, so shared homes can be set up.",
        )
        if allowed
        else T(
            "Deleboliger kan kun oprettes i afdelinger på afdelingstrappens trin 1.",
            "Shared homes can only be set up in sections on step 1 of the section stair.",
        )
    )
    return {"allowed": allowed, "reasons": [_reason(text, on)]}


def _places(clean: dict[str, Any], on: date) -> dict[str, Any]:
    used = clean.get("places_used_this_year")
    cap_text = T(
        "Kommunen kan anvise {{refugee_shared.places_per_year}} pladser om året; genudlejning af et ledigt værelse tæller med.",
        "The municipality can allocate {{refugee_shared.places_per_year}} places a year; re-letting a vacant room counts.",
    )
    if used is None:
        return {"left": None, "reasons": [_reason(cap_text, on)]}
    left = rs.places_left(on, used)
    text = T(
        f"Der er anvist {used} pladser i {on.year}, så der er {left} tilbage.",
        f"{used} places have been allocated in {on.year}, so {left} are left.",
    )
    return {"left": left, "reasons": [_reason(cap_text, on), _reason(text, on)]}


def _person(clean: dict[str, Any], on: date) -> dict[str, Any] | None:
    person = clean.get("refugee")
    if person is None:
        return None
    single = person.get("single")
    reunion, promised = (
        person.get("family_reunification_possible"),
        person.get("other_home_promised"),
    )
    if single is None:
        verdict = "cannot_tell"
        text = T(
            "Det er ikke oplyst, om flygtningen er enlig.",
            "It is not given whether the refugee is single.",
        )
    elif not single:
        verdict = "no"
        text = T("Deleboliger er for enlige flygtninge.", "Shared homes are for single refugees.")
    elif reunion and promised is None:
        verdict = "cannot_tell"
        text = T(
            "Kan flygtningen få familiesammenføring, skal kommunen erklære at finde en anden bolig. Det er ikke oplyst.",
            "If the refugee may be reunited with family, the municipality must declare it will find another home. That is not given.",
        )
    elif reunion and not promised:
        verdict = "no"
        text = T(
            "Kan flygtningen få familiesammenføring, skal kommunen erklære at finde en anden bolig, hvis familien kommer.",
            "If the refugee may be reunited with family, the municipality must declare it will find another home if the family comes.",
        )
    else:
        verdict = "yes"
        text = T(
            "Flygtningen er i målgruppen for en delebolig.",
            "The refugee is in the target group for a shared home.",
        )
    return {"verdict": verdict, "reasons": [_reason(text, on)]}


def refugee_shared_home(doc: object) -> dict[str, Any]:
    """Shared homes for refugees: may one be set up in the section, places left this year, and
    may this refugee get one (afsnit 8.5.3; Bilag 9). Never raises."""
    return run(refugee_shared_home_spec, doc, _refugee_shared_home, stair_has_trin)


def _refugee_shared_home(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    open_ = rs.scheme_open(on)
    notes = []
    if not open_:
        notes.append(
            _reason(
                T(
                    f"Ordningen gælder i aftalens periode. Den {day(on, 'da')} kan der som udgangspunkt ikke anvises til deleboliger; efter perioden afvikles de i takt med fraflytning.",
                    f"The scheme runs in the agreement's period. On {day(on, 'en')} shared homes can as a rule not be allocated; after the period they are wound down as they are vacated.",
                ),
                on,
            )
        )
    return {
        "date": on.isoformat(),
        "scheme_open": open_,
        "section": _section(clean, on),
        "places": _places(clean, on),
        "refugee": _person(clean, on),
        "notes": notes,
    }
