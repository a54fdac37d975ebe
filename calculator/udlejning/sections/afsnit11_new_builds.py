"""Afsnit 11 (figur 11–12): municipal allocation in new builds taken into use in 2024–2027.

- First letting: 100 % municipal allocation of the especially cheap homes; none of the other homes.
- Re-letting in the first four years from first use: 100 % of the cheap homes; of the other homes a share
  graded by the share of cheap homes (figur 12) when that is under 20 %.
- From four years after first use: the wheel of the section's stair step (a new build starts on trin 1).

Reading R-33: figur 12's bands ("under 10 %", "mellem 10 og 15 %", "mellem 15 og 20 %", "over 20 %") are
read half-open: [0, 10) → 3/9, [10, 15) → 2/9, [15, 20) → 1/9, 20 % or more → 0/9. Figur 11's text
"mellem 1/9 og 1/3" does not cover 0/9; we follow the table.

Also afsnit 11: the transitional rule (``older_arrangement``: agreements already made for homes taken
into use before 2024 run on while their four years from first use last) and homes with 100 %
allocation (``full_allocation``).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from udlejning.bands import band_rows
from udlejning.coverage import covers
from udlejning.model import Text
from udlejning.parameters import add_years, agreement, parameter
from udlejning.texts import day, number
from udlejning.wheels import format_share

COVERS = covers(
    "Nybyggeri: kommunal anvisning (figur 11–12)",
    "New builds: municipal allocation (figures 11–12)",
    "afsnit 11",
)

FIGUR12 = (  # (cheap share from, municipal share of the other homes), falling
    (Decimal(20), Fraction(0, 9)),
    (Decimal(15), Fraction(1, 9)),
    (Decimal(10), Fraction(2, 9)),
    (Decimal(0), Fraction(3, 9)),
)


def figur12_share(cheap_share: Decimal) -> Fraction:
    """Afsnit 11 figur 12: the municipal share of the other homes at re-letting."""
    for share_from, municipal in FIGUR12:
        if cheap_share >= share_from:
            return municipal
    raise ValueError("cheap share must be 0 or more")


def new_build_allocation(
    taken_into_use: date, on: date, cheap_share: Decimal, first_letting: bool
) -> dict[str, object]:
    """Afsnit 11 figur 11: the municipal share of cheap homes and of other homes on ``on``."""
    years = parameter("newbuild.period_years").at(on).value
    assert isinstance(years, int)
    end = add_years(taken_into_use, years)
    if on >= end:
        return {"period": "stair", "cheap_homes": None, "other_homes": None, "until": None}
    if first_letting:
        return {
            "period": "first_letting",
            "cheap_homes": Fraction(1),
            "other_homes": Fraction(0),
            "until": end,
        }
    return {
        "period": "re_letting",
        "cheap_homes": Fraction(1),
        "other_homes": figur12_share(cheap_share),
        "until": end,
    }


# --- The answer's sentences (the endpoint udlejning.tools.new_build serialises them) --------------

T = Text
# --- Afsnit 11: municipal allocation in new builds (figur 11–12) -----------------------------------

NEW_BUILD_LETTINGS = {
    "first": T("første udlejning", "first letting"),
    "re_letting": T("genudlejning", "re-letting"),
}
NEW_BUILD_PERIODS = ("first_letting", "re_letting", "stair")
NEW_BUILD_HOMES = ("cheap", "other")
REF_11 = "afsnit 11"
REF_FIG11 = "afsnit 11 figur 11"
REF_FIG12 = "afsnit 11 figur 12"


def _share_text(share: Fraction) -> Text:
    """9/9 → all the homes; 0/9 → none; else the share in ninths."""
    if share == 1:
        return T("alle (100 %)", "all (100 %)")
    if share == 0:
        return T("ingen (0 %)", "none (0 %)")
    text = format_share(share)
    return T(text, text)


def _percent(value: Decimal, lang: str) -> str:
    return f"{number(value, lang)} %"


def _figure12_rows(cheap: Decimal | None) -> list[dict[str, Any]]:
    """Figur 12's bands from the lowest share up, half-open (Reading R-33)."""
    return band_rows(FIGUR12, cheap, "municipal_share", format_share, REF_FIG12)


def _home_text(kind: str, share: Fraction) -> dict[str, str]:
    s = _share_text(share)
    if kind == "cheap":
        text = T(
            f"De særligt billige boliger: kommunen anviser til {s.da}.",
            f"The especially cheap homes: the municipality allocates {s.en}.",
        )
        reference = REF_FIG11
    else:
        whole = share in (0, 1)
        text = T(
            f"De øvrige ledige boliger: kommunen anviser til {s.da}{'' if whole else ' af dem'}.",
            f"The other vacant homes: the municipality allocates {s.en}{'' if whole else ' of them'}.",
        )
        reference = REF_FIG11 if whole else REF_FIG12
    return {**text.to_json(), "reference": reference}


def _reason(da: str, en: str, reference: str) -> dict[str, str]:
    return {"da": da, "en": en, "reference": reference}


def _days(on: date) -> Text:
    return T(day(on, "da"), day(on, "en"))


def _re_letting(cheap: Decimal | None, reasons: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Afsnit 11 figur 11–12 at re-letting in the first years: all cheap homes, and of the other
    homes the share figur 12 gives for the share of cheap homes."""
    homes: list[dict[str, Any]] = []
    homes.append({"id": "cheap", "municipal_share": "9/9", **_home_text("cheap", Fraction(1))})
    if cheap is None:
        reasons.append(
            _reason(
                "Ved genudlejning i de første år anviser kommunen fortsat til alle de særligt billige boliger. Hvor stor en del af de øvrige ledige boliger kommunen får, afhænger af andelen af særligt billige boliger, som mangler (se figur 12).",
                "At re-letting in the first years the municipality still allocates all the especially cheap homes. How many of the other vacant homes it gets depends on the share of especially cheap homes, which is missing (see figure 12).",
                REF_FIG12,
            )
        )
        homes.append(
            {
                "id": "other",
                "municipal_share": None,
                "da": "De øvrige boliger: kan ikke afgøres uden andelen af særligt billige boliger.",
                "en": "The other homes: cannot be decided without the share of especially cheap homes.",
                "reference": REF_FIG12,
            }
        )
    else:
        share = figur12_share(cheap)
        s = _share_text(share)
        reasons.append(
            _reason(
                f"Ved genudlejning i de første år anviser kommunen fortsat til alle de særligt billige boliger. Med {_percent(cheap, 'da')} særligt billige boliger får kommunen {s.da} af de øvrige ledige boliger gennem udlejningshjulet (figur 12; båndene læses halvåbne, læsning R-33).",
                f"At re-letting in the first years the municipality still allocates all the especially cheap homes. With {_percent(cheap, 'en')} especially cheap homes the municipality gets {s.en} of the other vacant homes through the letting wheel (figure 12; the bands are read half-open, Reading R-33).",
                f"{REF_FIG12} (læsning R-33)",
            )
        )
        homes.append(
            {
                "id": "other",
                "municipal_share": format_share(share),
                **_home_text("other", share),
                "reference": REF_FIG12,
            }
        )
    return homes


def _stair_step(designated: bool | None, reasons: list[dict[str, str]]) -> dict[str, Any] | None:
    """Afsnit 11: where a new build starts on the stairs (trin 1, unless it is in a designated area)."""
    stair_step: dict[str, Any] | None
    if designated:
        stair_step = None
        reasons.append(
            _reason(
                "Nybyggeriet ligger i et udsat boligområde eller et forebyggelsesområde. Så afgør den konkrete udlejningsaftale med boligorganisationen, hvor på områdetrappen det placeres.",
                "The new build is in a disadvantaged area or a prevention area. The specific letting agreement with the housing organisation then decides where on the area stair it is placed.",
                REF_11,
            )
        )
    else:
        stair_step = {"stair": "afdelingstrappe", "trin": 1}
        reasons.append(
            _reason(
                "En ny afdeling placeres som udgangspunkt på afdelingstrappens trin 1"
                + (
                    "."
                    if designated is False
                    else ", medmindre den ligger i et udsat boligområde eller et forebyggelsesområde."
                ),
                "A new section is as a starting point placed on the section stair's step 1"
                + (
                    "."
                    if designated is False
                    else ", unless it is in a disadvantaged area or a prevention area."
                ),
                REF_11,
            )
        )
    return stair_step


def _new_build_notes(on: date) -> list[dict[str, str]]:
    """What afsnit 11 adds to every answer (and a date after the agreement's last day)."""
    notes = [
        _reason(
            "Kommunens anvisning må heller ikke i nybyggeri udgøre mere end 1/3 af boligerne, når de billige boliger regnes med. Det skal den konkrete udlejningsaftale tage hensyn til.",
            "Municipal allocation may not make up more than 1/3 of the homes in a new build either, counting the cheap homes. The specific letting agreement must take this into account.",
            REF_11,
        ),
        _reason(
            "Bliver de billige boliger dyrere, end målgruppen kan betale, kan kommunen give helt eller delvist afkald på anvisningsretten.",
            "If the cheap homes become more expensive than the target group can pay, the municipality can waive its allocation right in full or in part.",
            REF_11,
        ),
    ]
    deal_last = agreement().last_day()
    if on > deal_last:
        d = _days(deal_last)
        notes.append(
            _reason(
                f"Datoen ligger efter aftalens sidste dag ({d.da}). Svaret viser, hvad afsnit 11 i denne aftale siger; spørg kommunen, om en senere aftale siger noget andet.",
                f"The date is after the agreement's last day ({d.en}). The answer shows what afsnit 11 of this agreement says; ask the municipality whether a later agreement says otherwise.",
                REF_11,
            )
        )
    return notes


def new_build_answer(clean: dict[str, Any]) -> dict[str, Any]:
    """Afsnit 11 (figur 11–12): the municipality's share of a new build's homes on a date."""
    on: date = clean["date"]
    taken: date = clean["taken_into_use"]
    first_letting = clean["letting"] == "first"
    cheap: Decimal | None = clean.get("cheap_share")
    designated: bool | None = clean.get("designated_area")
    years_value = parameter("newbuild.period_years").at(taken)
    years = years_value.value
    assert isinstance(years, int)
    end = add_years(taken, years)
    last = end - timedelta(days=1)
    t, la = _days(taken), _days(last)
    period = "stair" if on >= end else ("first_letting" if first_letting else "re_letting")
    reasons: list[dict[str, str]] = [
        _reason(
            f"Boligerne blev taget i brug {t.da}, i aftaleperioden, så de er nybyggeri efter afsnit 11. De særlige regler for kommunal anvisning gælder i {years} år fra den dag, dvs. til og med {la.da}.",
            f"The homes were taken into use on {t.en}, in the agreement's period, so they are a new build under afsnit 11. The special rules for municipal allocation apply for {years} years from that day, i.e. up to and including {la.en}.",
            REF_FIG11,
        )
    ]
    homes: list[dict[str, Any]] = []
    if period == "first_letting":
        reasons.append(
            _reason(
                "Ved første udlejning anviser kommunen til alle de særligt billige boliger. De øvrige boliger udlejes efter afdelingstrappens trin 1 uden kommunal anvisning.",
                "At the first letting the municipality allocates all the especially cheap homes. The other homes are let under the section stair's step 1 without municipal allocation.",
                REF_FIG11,
            )
        )
        homes = [
            {"id": "cheap", "municipal_share": "9/9", **_home_text("cheap", Fraction(1))},
            {"id": "other", "municipal_share": "0/9", **_home_text("other", Fraction(0))},
        ]
    elif period == "re_letting":
        homes = _re_letting(cheap, reasons)
    else:
        e = _days(end)
        reasons.append(
            _reason(
                f"Fra {e.da} er de {years} år gået. Ledige boliger udlejes nu efter udlejningshjulet for det trin, afdelingen er placeret på.",
                f"From {e.en} the {years} years are over. Vacant homes are now let under the letting wheel of the step the section is placed on.",
                REF_FIG11,
            )
        )
    stair_step = _stair_step(designated, reasons)
    used = [
        years_value.to_json(taken),
        parameter("newbuild.cheap_share.figure12_below").at(taken).to_json(taken),
    ]
    return {
        "date": on.isoformat(),
        "taken_into_use": taken.isoformat(),
        "letting": clean["letting"],
        "period": period,
        "special_rules_until": last.isoformat(),
        "homes": homes,
        "figure12": _figure12_rows(cheap),
        "stair_step": stair_step,
        "reasons": reasons,
        "notes": _new_build_notes(on),
        "parameters": used,
    }


# --- Afsnit 11: the transitional rule and homes with 100 % allocation ------------------------------

REF_TRANSITION = "afsnit 11 (overgangsbestemmelse)"
REF_FULL = "afsnit 11 (boliger med 100 % anvisningsret)"
# Homes that keep (or get) 100 % municipal allocation (afsnit 11), and until when.
FULL_ALLOCATION = ("social_services_financed", "special_state_support", "mixed_city_fund")


def older_arrangement(taken_into_use: date, on: date) -> str:
    """Afsnit 11, transitional rule, for homes taken into use before the agreement's first day:
    ``transitional`` when an agreement already made on full allocation (and reduced allocation for
    the other homes) runs on because its four years from first use reach into this period and have
    not ended on ``on``; ``stair`` when they have ended (the section's wheel applies)."""
    from udlejning.parameters import agreement

    years = parameter("newbuild.period_years").at(agreement().first_day).value
    assert isinstance(years, int)
    end = add_years(taken_into_use, years)
    return "transitional" if on < end and end > agreement().first_day else "stair"


def older_arrangement_end(taken_into_use: date) -> date:
    """Afsnit 11: the end (exclusive) of the four years from first use."""
    from udlejning.parameters import agreement

    years = parameter("newbuild.period_years").at(agreement().first_day).value
    assert isinstance(years, int)
    return add_years(taken_into_use, years)


def full_allocation(kind: str, taken_into_use: date | None) -> str:
    """Afsnit 11: ``full`` (100 % municipal allocation) or ``not_full`` for a kind of home of
    ``FULL_ALLOCATION``. Homes financed by the Social Services Administration for special groups, and
    family homes built with special state support for pressing social housing needs, keep 100 % until
    the term is waived or the need ends; especially cheap homes with a grant from Fonden for blandede
    byer are fully allocated when taken into use in the agreement's period."""
    from udlejning.parameters import agreement

    if kind == "mixed_city_fund":
        if taken_into_use is None:
            return "cannot_tell"
        return "full" if agreement().covers(taken_into_use) else "not_full"
    return "full"
