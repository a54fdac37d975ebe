"""JSON endpoint ``subsidised_home``: tilskudsboliger (afsnit 8.5.2, Bilag 11) — may this home be a
subsidised home, the subsidy year by year, and what happens when the citizen moves out.

The rules live in ``udlejning.sections.bilag11_tilskudsboliger``; this module validates, calls and
serialises. Never raises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import InputError, Spec
from udlejning.model import Text
from udlejning.parameters import add_years
from udlejning.sections import bilag11_tilskudsboliger as tb
from udlejning.texts import day, money
from udlejning.tools.checks import _error, all_of, date_in_period, needed_with, reason, run
from udlejning.tools.fields import date_field, field, money_field, stair_field

T = Text
REF = tb.REFERENCE
OUTCOMES = {
    "relet_as_subsidised": T(
        "Boligen kan som udgangspunkt lejes ud igen til en anden borger, der opfylder betingelserne for en tilskudsbolig.",
        "As a starting point the home can be let again to another citizen who meets the conditions for a subsidised home.",
    ),
    "parties_decide": T(
        "Flyttede borgeren efter en udsættelse for brud på husordenen, taler boligorganisationen og Socialforvaltningen sammen. De afgør, om boligen kan anvises igen.",
        "If the citizen moved after an eviction for breaking the house rules, the housing organisation and the Social Services Administration talk it over and decide whether the home can be allocated again.",
    ),
    "ordinary_wheel": T(
        "Boligen indgår i afdelingens almindelige udlejningshjul.",
        "The home joins the section's ordinary letting wheel.",
    ),
}


def subsidised_home_spec() -> Spec:
    return field(
        "object",
        "Tilskudsbolig (afsnit 8.5.2, Bilag 11)",
        "Subsidised home (afsnit 8.5.2, Bilag 11)",
        fields={
            "date": date_field(),
            "rent": money_field(
                "Husleje om måneden uden forbrug (kr.)",
                "Rent a month excluding utilities (DKK)",
                1_000_000,
            ),
            "stair": stair_field(
                "Afdelingens trappe",
                "The section's stair",
                help=T(
                    "Områdetrappen betyder, at afdelingen ligger i et udpeget område.",
                    "The area stair means the section is in a designated area.",
                ),
            ),
            "first_paid": field(
                "date", "Tilskuddet blev første gang udbetalt", "The subsidy was first paid"
            ),
            "moved_out": field("date", "Borgeren flyttede", "The citizen moved out"),
            "evicted_for_house_rules": field(
                "boolean",
                "Borgeren blev sat ud for brud på husordenen",
                "The citizen was evicted for breaking the house rules",
            ),
        },
        required=("date",),
    )


def _reason(text: Text, on: date, reference: str = REF) -> dict[str, str]:
    return reason(text, on, reference)


def _moved_out_before_first_paid(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    if "moved_out" in clean and "first_paid" in clean and clean["moved_out"] < clean["first_paid"]:
        return [
            _error(
                "moved_out",
                "before_first_paid",
                "Fraflytningen ligger før første udbetaling.",
                "The move-out is before the first payment.",
            )
        ]
    return []


_errors = all_of(
    date_in_period,
    needed_with(
        "moved_out",
        "first_paid",
        "Datoen for første udbetaling skal med, når borgeren er flyttet (Bilag 11).",
        "The date of the first payment is needed when the citizen has moved out (Bilag 11).",
    ),
    _moved_out_before_first_paid,
)


def _eligible(clean: dict[str, Any], on: date) -> dict[str, Any]:
    reasons, verdicts = [], []
    rent, stair = clean.get("rent"), clean.get("stair")
    if rent is None:
        verdicts.append("cannot_tell")
        reasons.append(_reason(T("Huslejen mangler.", "The rent is missing."), on))
    else:
        inside = tb.rent_in_band(rent, on)
        verdicts.append("yes" if inside else "no")
        band = T(
            "mellem {{tilskud.rent_from}} og {{tilskud.rent_to}} om måneden uden forbrug",
            "between {{tilskud.rent_from}} and {{tilskud.rent_to}} a month excluding utilities",
        )
        reasons.append(
            _reason(
                T(
                    f"Huslejen {money(rent, 'da')} ligger {'' if inside else 'ikke '}{band.da}.",
                    f"The rent {money(rent, 'en')} is {'' if inside else 'not '}{band.en}.",
                ),
                on,
                f"{REF} (læsning R-51)",
            )
        )
    if stair is None:
        verdicts.append("cannot_tell")
        reasons.append(
            _reason(T("Afdelingens trappe mangler.", "The section's stair is missing."), on)
        )
    elif stair == "omraadetrappe":
        verdicts.append("no")
        reasons.append(
            _reason(
                T(
                    "Loven tillader ikke tilskudsboliger i forebyggelsesområder og udsatte boligområder (områdetrappen).",
                    "The law does not allow subsidised homes in prevention areas and disadvantaged areas (the area stair).",
                ),
                on,
            )
        )
    else:
        verdicts.append("yes")
        reasons.append(
            _reason(
                T(
                    "Afdelingen ligger ikke i et udpeget område.",
                    "The section is not in a designated area.",
                ),
                on,
            )
        )
    verdict = "no" if "no" in verdicts else "cannot_tell" if "cannot_tell" in verdicts else "yes"
    return {"verdict": verdict, "reasons": reasons}


def _schedule(clean: dict[str, Any], on: date) -> list[dict[str, Any]]:
    start: date | None = clean.get("first_paid")
    rows = []
    for year, amount in tb.schedule(on):
        row: dict[str, Any] = {
            "year": year,
            "amount": format(amount.normalize(), "f"),
            "da": f"År {year}: {money(amount, 'da')}",
            "en": f"Year {year}: {money(amount, 'en')}",
        }
        row["from"] = None if start is None else add_years(start, year - 1).isoformat()
        rows.append(row)
    return rows


def _after(clean: dict[str, Any], on: date) -> dict[str, Any] | None:
    if "moved_out" not in clean:
        return None
    first, out = clean["first_paid"], clean["moved_out"]
    outcome = tb.after_moving_out(first, out, bool(clean.get("evicted_for_house_rules")))
    until = tb.reletting_until(first)
    last = date.fromordinal(until.toordinal() - 1)
    window = T(
        f"Perioden på {{{{tilskud.reletting_years}}}} år fra første udbetaling løber til og med {day(last, 'da')}.",
        f"The period of {{{{tilskud.reletting_years}}}} years from the first payment runs to and including {day(last, 'en')}.",
    )
    return {
        "outcome": outcome,
        "reletting_last_day": last.isoformat(),
        "reasons": [_reason(window, on), _reason(OUTCOMES[outcome], on)],
    }


NOTES = (
    T(
        "Tilskuddet er opgjort i 2021-priser; det faktiske beløb følger pris- og lønudviklingen, som kilderne ikke giver.",
        "The subsidy is stated at 2021 prices; the actual amount follows price and wage changes, which the sources do not give.",
    ),
    T(
        "Målgruppen er borgere, der opfylder de boligsociale kriterier, og som kommunen vurderer kan forbedre deres indkomst i løbet af perioden. Kommunen følger op og tilbyder en anden bolig, hvis det ikke lykkes.",
        "The target group is citizens who meet the municipal allocation criteria and whom the municipality judges able to improve their income during the period. The municipality follows up and offers another home if that fails.",
    ),
    T(
        "Tilskuddet bortfalder, når den anviste borger flytter.",
        "The subsidy ends when the allocated citizen moves out.",
    ),
)


def subsidised_home(doc: object) -> dict[str, Any]:
    """Subsidised homes (tilskudsboliger): may the home be one, the subsidy year by year, and what
    happens when the citizen moves out (afsnit 8.5.2; Bilag 11). Never raises."""
    return run(subsidised_home_spec, doc, _subsidised_home, _errors)


def _subsidised_home(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    return {
        "date": on.isoformat(),
        "home": _eligible(clean, on),
        "schedule": _schedule(clean, on),
        "schedule_reference": f"{REF} (læsning R-52)",
        "after_moving_out": _after(clean, on),
        "notes": [_reason(t, on) for t in NOTES],
    }
