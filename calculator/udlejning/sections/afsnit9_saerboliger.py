"""Afsnit 9: phasing out særboliger (2007 agreement) and shared homes for vulnerable young people.

The start depends on the section's step on the section stair at the start of this agreement (kept even if
the section later changes step): trin 4 from 1 January 2024, trin 2 and 3 from 1 January 2026, trin 1 from
1 January 2028 at the earliest, graded by the share of allocated homes at the start:
30 % or more → 2028, 25–29.9 % → 2030, 20–24.9 % → 2032, 0–19.9 % → 2034.
Reading R-32: afsnit 6.2.1 says trin 1 phases out "med virkning fra 1. januar 2028"; afsnit 9 grades
trin 1 by allocated share. We follow afsnit 9 (the more detailed rule), with half-open bands.
As compensation, trin 2–4 give the municipality an extra 1/18 until 31 December 2027 (see the wheels).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from udlejning.bands import band_rows
from udlejning.coverage import covers
from udlejning.model import Text
from udlejning.parameters import agreement
from udlejning.texts import day, number
from udlejning.wheels import format_share

COVERS = covers(
    "Udfasning af særboliger og deleboliger",
    "Phasing out special homes and shared homes",
    "afsnit 9",
    "afsnit 6.2.1",
)

FIXED = {4: date(2024, 1, 1), 3: date(2026, 1, 1), 2: date(2026, 1, 1)}
TRIN1_BANDS = (  # (share from, start) in falling order; afsnit 9, trin 1
    (Decimal(30), date(2028, 1, 1)),
    (Decimal(25), date(2030, 1, 1)),
    (Decimal(20), date(2032, 1, 1)),
    (Decimal(0), date(2034, 1, 1)),
)
REFERENCE = "afsnit 9; afsnit 6.2.1–6.2.4"


def phase_out_start(
    trin_at_start: int, allocated_share_at_start: Decimal | None = None
) -> date | None:
    """Afsnit 9: the day the phase-out starts, or None when trin 1's share is needed and missing."""
    if trin_at_start in FIXED:
        return FIXED[trin_at_start]
    if trin_at_start != 1:
        raise ValueError("trin must be 1–4")
    if allocated_share_at_start is None:
        return None
    for share_from, start in TRIN1_BANDS:
        if allocated_share_at_start >= share_from:
            return start
    raise ValueError("allocated share must be 0 or more")


def phased_out(
    trin_at_start: int, on: date, allocated_share_at_start: Decimal | None = None
) -> bool | None:
    """Has the phase-out begun on ``on`` (so a vacated home joins the ordinary wheel)?"""
    start = phase_out_start(trin_at_start, allocated_share_at_start)
    return None if start is None else on >= start


# --- The answer's sentences (the endpoint udlejning.tools.phase_out serialises them) --------------

T = Text
# --- Afsnit 9: phasing out særboliger and shared homes for young people ----------------------------

SAERBOLIG_HOMES = {
    "saerbolig": T("særbolig (fra 2007-aftalen)", "special home (from the 2007 agreement)"),
    "delebolig": T(
        "delebolig for socialt udsatte unge", "shared home for socially vulnerable young people"
    ),
}
REF_9 = "afsnit 9"
COMPENSATION_SHARE = Fraction(1, 18)  # afsnit 9: «1/18 ekstra af de ledige familieboliger»


def _trin1_bands(share: Decimal | None) -> list[dict[str, Any]]:
    return band_rows(TRIN1_BANDS, share, "start", date.isoformat, REF_9)


def _reason(da: str, en: str, reference: str) -> dict[str, str]:
    return {"da": da, "en": en, "reference": reference}


def _days(on: date) -> Text:
    return T(day(on, "da"), day(on, "en"))


def _percent(value: Decimal, lang: str) -> str:
    return f"{number(value, lang)} %"


def _vacated(start: date | None, started: bool | None, home: str | None) -> list[dict[str, str]]:
    """Afsnit 9: what happens when a særbolig or a shared home for young people is vacated."""
    homes: list[dict[str, str]] = []
    when = _days(start) if start is not None else None
    for kind in SAERBOLIG_HOMES:
        if home is not None and kind != home:
            continue
        if kind == "saerbolig":
            if when is None:
                text = T(
                    "Fraflyttes en særbolig, efter at udfasningen er begyndt, indgår den i afdelingens almindelige udlejningshjul i stedet for at være øremærket til kommunal anvisning.",
                    "When a special home is vacated after the phase-out has started, it joins the section's ordinary letting wheel instead of being earmarked for municipal allocation.",
                )
            elif started is False:
                text = T(
                    f"Fraflyttes særboligen før {when.da}, er den fortsat øremærket til kommunal anvisning. Fraflyttes den fra {when.da}, indgår den i afdelingens almindelige udlejningshjul.",
                    f"If the special home is vacated before {when.en}, it stays earmarked for municipal allocation. If it is vacated from {when.en}, it joins the section's ordinary letting wheel.",
                )
            else:
                text = T(
                    f"Fraflyttes særboligen fra {when.da}, indgår den i afdelingens almindelige udlejningshjul i stedet for at være øremærket til kommunal anvisning.",
                    f"If the special home is vacated from {when.en}, it joins the section's ordinary letting wheel instead of being earmarked for municipal allocation.",
                )
        else:
            since = (
                T(", efter at udfasningen er begyndt", " after the phase-out has started")
                if when is None
                else T(f" fra {when.da}", f" from {when.en}")
            )
            text = T(
                f"Flytter en beboer fra en delebolig for unge{since.da}, kan kommunen ikke anvise en ny beboer til fællesskabet. Kommunen betaler tomgangslejen, indtil de øvrige beboere er flyttet.",
                f"If a resident moves out of a shared home for young people{since.en}, the municipality cannot allocate a new resident to it. The municipality pays the vacancy rent until the other residents have moved out.",
            )
        homes.append({"id": kind, **text.to_json(), "reference": REF_9})
    return homes


def _start_reasons(
    trin: int, share: Decimal | None, start: date | None, on: date | None, started: bool | None
) -> list[dict[str, str]]:
    """Why the phase-out starts when it does, and whether it has started on ``on``."""
    reasons: list[dict[str, str]] = []
    if start is not None:
        s = _days(start)
        if trin == 1:
            assert share is not None
            reasons.append(
                _reason(
                    f"Afdelingen var på trin 1 med {_percent(share, 'da')} anviste boliger ved aftalens start. På trin 1 afhænger starten af den andel, og her begynder udfasningen {s.da}.",
                    f"The section was on step 1 with {_percent(share, 'en')} allocated homes at the agreement's start. On step 1 the start depends on that share, and here the phase-out starts on {s.en}.",
                    f"{REF_9} (læsning R-32)",
                )
            )
        else:
            reasons.append(
                _reason(
                    f"Afdelingen var på trin {trin} ved aftalens start, så udfasningen begynder {s.da}.",
                    f"The section was on step {trin} at the agreement's start, so the phase-out starts on {s.en}.",
                    REF_9,
                )
            )
    else:
        starts = [str(b[1].year) for b in TRIN1_BANDS]
        years = T(
            ", ".join(starts[:-1]) + " eller " + starts[-1],
            ", ".join(starts[:-1]) + " or " + starts[-1],
        )
        reasons.append(
            _reason(
                f"På trin 1 afhænger starten af andelen af anviste boliger i afdelingen ved aftalens start ({years.da}). Den andel mangler.",
                f"On step 1 the start depends on the share of allocated homes in the section at the agreement's start ({years.en}). That share is missing.",
                f"{REF_9} (læsning R-32)",
            )
        )
    reasons.append(
        _reason(
            "Udfasningen sker i takt med, at boligerne bliver fraflyttet. Tidsplanen følger trinnet ved aftalens start, også hvis afdelingen senere skifter trin.",
            "The phase-out happens as the homes are vacated. The timetable follows the step at the agreement's start, even if the section later changes step.",
            REF_9,
        )
    )
    if on is not None and started is not None:
        d = _days(on)
        reasons.append(
            _reason(
                f"Den {d.da} er udfasningen begyndt i afdelingen."
                if started
                else f"Den {d.da} er udfasningen ikke begyndt i afdelingen endnu.",
                f"On {d.en} the phase-out has started in the section."
                if started
                else f"On {d.en} the phase-out has not yet started in the section.",
                REF_9,
            )
        )
    return reasons


def _compensation(trin: int) -> dict[str, str] | None:
    """Afsnit 9: the extra share of vacant family homes on steps 2–4, until the agreement ends."""
    deal = agreement()
    if trin not in (2, 3, 4):
        return None
    until = _days(deal.last_day())
    share_text = format_share(COMPENSATION_SHARE)
    return {
        "share": share_text,
        "until": deal.last_day().isoformat(),
        "da": f"Som kompensation stiller boligorganisationerne indtil {until.da} ekstra {share_text} af de ledige familieboliger til rådighed for kommunens anvisning i stedet for til kommunal genhusning ved byfornyelse. Det står i udlejningshjulet for trinnet.",
        "en": f"As compensation the housing organisations until {until.en} make an extra {share_text} of the vacant family homes available for municipal allocation instead of for municipal rehousing during urban renewal. It is part of the step's letting wheel.",
        "reference": REF_9,
    }


def _phase_out_notes(trin: int, start: date | None, on: date | None) -> list[dict[str, str]]:
    deal = agreement()
    notes: list[dict[str, str]] = []
    if trin == 1:
        earliest = _days(TRIN1_BANDS[0][1])
        notes.append(
            _reason(
                f"Afsnit 6.2.1 siger, at særboliger på trin 1 udfases fra {earliest.da}. Afsnit 9 lader starten afhænge af andelen af anviste boliger; vi følger afsnit 9, hvor {earliest.da} er det tidligste (læsning R-32).",
                f"Afsnit 6.2.1 says special homes on step 1 are phased out from {earliest.en}. Afsnit 9 makes the start depend on the share of allocated homes; we follow afsnit 9, where {earliest.en} is the earliest (Reading R-32).",
                "afsnit 6.2.1; afsnit 9 (læsning R-32)",
            )
        )
    notes.append(
        _reason(
            "En særbolig kan efter aftale mellem boligorganisationen og Socialforvaltningen flyttes til en anden placering, men ikke til en afdeling, hvor særboliger er udfaset.",
            "By agreement between the housing organisation and the Social Services Administration a special home can be moved elsewhere, but not to a section where special homes are phased out.",
            REF_9,
        )
    )
    notes.append(
        _reason(
            "Afsnit 9 nævner kun afdelingstrappens trin. Var afdelingen på områdetrappen ved aftalens start, siger aftalen ikke, hvornår udfasningen begynder; spørg kommunen.",
            "Afsnit 9 names only the section stair's steps. If the section was on the area stair at the agreement's start, the agreement does not say when the phase-out starts; ask the municipality.",
            REF_9,
        )
    )
    if (start is not None and start > deal.last_day()) or (on is not None and on > deal.last_day()):
        d = _days(deal.last_day())
        notes.append(
            _reason(
                f"Aftalen gælder til og med {d.da}, men tidsplanen for udfasningen rækker ud over den dato.",
                f"The agreement runs until {d.en}, but the timetable for the phase-out reaches beyond that date.",
                REF_9,
            )
        )
    return notes


def phase_out_answer(clean: dict[str, Any], on: date | None) -> dict[str, Any]:
    """Afsnit 9: when the phase-out starts in a section, and what happens when such a home is
    vacated."""
    trin: int = clean["trin_at_start"]
    share: Decimal | None = clean.get("allocated_share_at_start")
    home: str | None = clean.get("home")
    start = phase_out_start(trin, share)
    started = None if start is None or on is None else on >= start
    homes = _vacated(start, started, home)
    return {
        "trin_at_start": trin,
        "date": None if on is None else on.isoformat(),
        "start": None if start is None else start.isoformat(),
        "started": started,
        "trin1_bands": _trin1_bands(share) if trin == 1 else [],
        "compensation": _compensation(trin),
        "homes": homes,
        "reasons": _start_reasons(trin, share, start, on, started),
        "notes": _phase_out_notes(trin, start, on),
    }


def may_move_to(
    target_trin_at_start: int, on: date, target_share_at_start: Decimal | None = None
) -> bool | None:
    """Afsnit 9: a særbolig may be moved (by agreement between the housing organisation and the Social
    Services Administration) but not to a section where særboliger are phased out, i.e. where the
    phase-out has started on ``on``. None when the target section's share is needed and missing."""
    started = phased_out(target_trin_at_start, on, target_share_at_start)
    return None if started is None else not started
