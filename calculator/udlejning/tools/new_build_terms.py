"""JSON endpoint ``new_build_terms``: afsnit 11's transitional rule for homes taken into use before the
agreement, and the homes that keep or get 100 % municipal allocation.

``new_build`` (staff_api) covers homes taken into use in the agreement's period; this endpoint
answers for the older ones and for the special kinds of home. The rules live in
``udlejning.sections.afsnit11_new_builds``. Never raises.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.catalogue import render_text
from udlejning.inputspec import InputError, Spec
from udlejning.model import Text
from udlejning.parameters import agreement
from udlejning.sections import afsnit11_new_builds as nb
from udlejning.texts import day
from udlejning.tools.checks import _error, run
from udlejning.tools.fields import date_field, field

T = Text
KINDS = {
    "ordinary": T("almindeligt nybyggeri", "an ordinary new build"),
    "social_services_financed": T(
        "boliger opført med finansiering fra Socialforvaltningen til særlige grupper",
        "homes built with funding from the Social Services Administration for special groups",
    ),
    "special_state_support": T(
        "familieboliger opført med særlig statsstøtte til påtrængende boligsociale opgaver (fx flygtninge)",
        "family homes built with special state support for pressing social housing needs (e.g. refugees)",
    ),
    "mixed_city_fund": T(
        "særligt billige familieboliger med etableringstilskud fra Fonden for blandede byer",
        "especially cheap family homes with a grant from Fonden for blandede byer",
    ),
}
FULL_TEXT = {
    "social_services_financed": T(
        "Boligerne bevarer vilkåret om 100 % kommunal anvisning, indtil vilkåret frafaldes.",
        "The homes keep the term of 100 % municipal allocation until the term is waived.",
    ),
    "special_state_support": T(
        "Boligerne bevarer vilkåret om 100 % kommunal anvisning, indtil der ikke længere er behov for dem til formålet (bekendtgørelse nr. 403 af 21. april 2016).",
        "The homes keep the term of 100 % municipal allocation until they are no longer needed for the purpose (executive order no. 403 of 21 April 2016).",
    ),
    "mixed_city_fund": T(
        "Boligerne tages i brug i aftaleperioden og udlejes fuldt ud til borgere anvist af kommunen. Kan de ikke bruges til anvisning, hæfter kommunen for tomgangslejen.",
        "The homes are taken into use in the agreement's period and let in full to citizens the municipality allocates. If they cannot be used for allocation, the municipality pays the vacancy rent.",
    ),
}


def new_build_terms_spec() -> Spec:
    return field(
        "object",
        "Nybyggeri: overgang og 100 % anvisning (afsnit 11)",
        "New builds: transition and 100 % allocation",
        fields={
            "date": date_field("Dato for udlejningen", "Date of the letting"),
            "taken_into_use": field(
                "date", "Dato boligerne blev taget i brug", "Date the homes were taken into use"
            ),
            "kind": field("enum", "Slags boliger", "Kind of homes", options=KINDS),
        },
        required=("date", "kind"),
    )


def _reason(text: Text, reference: str) -> dict[str, str]:
    return {**text.to_json(), "reference": reference}


def _transition(taken: date, on: date) -> dict[str, Any]:
    first = agreement().first_day
    if taken >= first:
        return {
            "state": "in_period",
            "until": None,
            "reasons": [
                _reason(
                    T(
                        "Boligerne er taget i brug i aftaleperioden. Brug beregningen for nybyggeri (new_build) for andelene.",
                        "The homes were taken into use in the agreement's period. Use the new-build calculation (new_build) for the shares.",
                    ),
                    "afsnit 11",
                )
            ],
        }
    state = nb.older_arrangement(taken, on)
    end = nb.older_arrangement_end(taken)
    last = (
        day(date.fromordinal(end.toordinal() - 1), "da"),
        day(date.fromordinal(end.toordinal() - 1), "en"),
    )
    text = (
        T(
            f"Er der allerede indgået en aftale om fuld anvisning til bestemte boliger (og evt. mindre anvisning til de øvrige), gælder den som udgangspunkt til og med {last[0]}: {{{{newbuild.period_years}}}} år fra ibrugtagning. Socialforvaltningen vurderer, om boligerne stadig er relevante for kommunen ud fra lejen og målgruppens betalingsevne.",
            f"If an agreement on full allocation of certain homes (and perhaps less allocation of the others) has already been made, it runs on as a starting point until {last[1]}: {{{{newbuild.period_years}}}} years from first use. The Social Services Administration judges whether the homes are still relevant to the municipality, given the rent and what the target group can pay.",
        )
        if state == "transitional"
        else T(
            f"De {{{{newbuild.period_years}}}} år fra ibrugtagning sluttede {last[0]}. Boligerne udlejes efter afdelingens trin og udlejningshjul.",
            f"The {{{{newbuild.period_years}}}} years from first use ended on {last[1]}. The homes are let by the section's step and letting wheel.",
        )
    )
    filled = render_text(text, agreement().first_day)
    return {
        "state": state,
        "until": end.isoformat(),
        "reasons": [{**filled, "reference": nb.REF_TRANSITION}],
    }


def new_build_terms(doc: object) -> dict[str, Any]:
    """New builds: the transitional rule for homes taken into use before the agreement, and homes
    with 100 % municipal allocation (afsnit 11). Never raises."""
    return run(new_build_terms_spec, doc, _new_build_terms, _errors)


def _errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    on: date = clean["date"]
    taken: date | None = clean.get("taken_into_use")
    errors = []
    if taken is not None and taken > on:
        a, b = spec.fields["taken_into_use"].label, spec.fields["date"].label
        errors.append(
            _error(
                "taken_into_use",
                "after_date",
                f"«{a.da}» kan ikke ligge efter «{b.da}».",
                f"“{a.en}” cannot be after “{b.en}”.",
            )
        )
    if clean["kind"] in ("ordinary", "mixed_city_fund") and taken is None:
        errors.append(
            _error(
                "taken_into_use",
                "required",
                "Datoen for ibrugtagning skal med for denne slags boliger (afsnit 11).",
                "The date the homes were taken into use is needed for this kind of home (afsnit 11).",
            )
        )
    return errors


def _new_build_terms(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    taken: date | None = clean.get("taken_into_use")
    kind: str = clean["kind"]
    full = None
    if kind != "ordinary":
        state = nb.full_allocation(kind, taken)
        text = (
            FULL_TEXT[kind]
            if state == "full"
            else T(
                "Kun boliger fra Fonden for blandede byer, der tages i brug i aftaleperioden, udlejes fuldt ud til kommunens anvisning.",
                "Only homes from Fonden for blandede byer taken into use in the agreement's period are let in full to municipal allocation.",
            )
        )
        full = {"state": state, "reasons": [_reason(text, nb.REF_FULL)]}
    return {
        "date": on.isoformat(),
        "kind": kind,
        "transition": None if taken is None or kind != "ordinary" else _transition(taken, on),
        "full_allocation": full,
        "notes": [
            _reason(
                T(
                    "Parterne kan forhandle om at ændre kommunens adgang til anvisning til boliger med 100 % anvisningsret, hvis behovet ændrer sig.",
                    "The parties may negotiate changing the municipality's access to homes with 100 % allocation if the need changes.",
                ),
                nb.REF_FULL,
            )
        ],
    }
