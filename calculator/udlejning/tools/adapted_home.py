"""JSON endpoint ``adapted_home``: afsnit 8.4 — must a vacant home adapted for a physical disability be
offered to the municipality again, and what the housing organisation gets in return (the next vacant
home in the section that the wheel would have given to municipal allocation).

The rule lives in ``udlejning.sections.afsnit8_4_adapted_homes``. Never raises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import Spec
from udlejning.model import Text
from udlejning.sections import afsnit8_4_adapted_homes as ah
from udlejning.texts import day
from udlejning.tools.checks import date_in_period, reason, run
from udlejning.tools.fields import date_field, field, money_field

T = Text
REF = "afsnit 8.4 (læsning R-31)"


def adapted_home_spec() -> Spec:
    return field(
        "object",
        "Bolig indrettet til fysisk handicap (afsnit 8.4)",
        "Home adapted for a physical disability",
        fields={
            "date": date_field("Dato boligen bliver ledig", "Date the home falls vacant"),
            "adapted_on": date_field("Dato for indretningen", "Date of the adaptation"),
            "amount": money_field(
                "Indretningen kostede (kr.)", "The adaptation cost (DKK)", 100_000_000
            ),
        },
        required=("date", "adapted_on", "amount"),
    )


def adapted_home(doc: object) -> dict[str, Any]:
    """Afsnit 8.4: must the adapted home be offered to the municipality again, and the housing
    organisation's compensation. Never raises."""
    return run(adapted_home_spec, doc, _adapted_home, date_in_period)


def _adapted_home(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    adapted, amount = clean["adapted_on"], clean["amount"]
    offer = ah.must_offer_to_municipality(adapted, amount, on)
    after = day(ah.ADAPTED_AFTER, "da"), day(ah.ADAPTED_AFTER, "en")
    rule = T(
        f"En bolig, der efter {after[0]} er indrettet for mere end {{{{adapted_home.min_amount}}}}, skal tilbydes kommunen igen, før indretningen evt. fjernes.",
        f"A home adapted after {after[1]} for more than {{{{adapted_home.min_amount}}}} must be offered to the municipality again before the adaptation is perhaps removed.",
    )
    reasons = [reason(rule, on, REF)]
    compensation = None
    if offer:
        text = T(
            "Boligen tilbydes kommunen til en borger med behov for indretningen. Til gengæld må boligorganisationen selv udleje den næste ledige bolig i afdelingen, som efter udlejningshjulet ellers var gået til kommunal anvisning.",
            "The home is offered to the municipality for a citizen who needs the adaptation. In return the housing organisation may let the next vacant home in the section that the letting wheel would otherwise have given to municipal allocation.",
        )
        compensation = {**text.to_json(), "reference": "afsnit 8.4"}
    return {
        "date": on.isoformat(),
        "offer_to_municipality": offer,
        "reasons": reasons,
        "compensation": compensation,
    }
