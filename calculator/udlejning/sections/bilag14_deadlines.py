"""Bilag 14: deadlines for municipal allocation and letting, as date functions.

- The municipality has one calendar month from receiving a home to the moving-in date. Homes received on
  the 2nd or the 16th count as received in time (for notices given on the 1st or 15th).
- The housing organisation gets at least 14 days from the municipality's allocation to moving in; if it
  gets less, it may move the moving-in date and the municipality pays the vacancy rent meanwhile.
- A home returned within five working days costs the municipality no vacancy rent; returned later, it may
  owe vacancy rent for up to three months from the return.
Reading R-36: "hverdage" are Monday–Friday minus any public holidays the caller passes in; the agreement
gives no holiday calendar. The day a home is received is day 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from udlejning.model import Text
from udlejning.parameters import add_months, parameter
from udlejning.texts import day

T = Text


def _int(name: str, on: date) -> int:
    value = parameter(name).at(on).value
    assert isinstance(value, int)
    return value


def municipality_moving_in_deadline(received: date) -> date:
    """Bilag 14: the latest moving-in date the municipality may be held to (received + one calendar month)."""
    return add_months(received, _int("deadline.municipality_months", received))


def organisation_earliest_moving_in(allocated: date) -> date:
    """Bilag 14: the earliest moving-in date the organisation must accept (allocation + 14 days)."""
    return allocated + timedelta(days=_int("deadline.organisation_min_days", allocated))


def add_working_days(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    skip = set(holidays)
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in skip:
            left -= 1
    return current


def return_without_vacancy_rent_until(received: date, holidays: Iterable[date] = ()) -> date:
    """Bilag 14: the last day the municipality can return the home without owing vacancy rent."""
    return add_working_days(received, _int("deadline.return_free_working_days", received), holidays)


def vacancy_rent_liability_end(returned: date) -> date:
    """Bilag 14: the end (exclusive) of the up-to-three-months vacancy-rent liability after a late return."""
    return add_months(returned, _int("deadline.vacancy_rent_max_months", returned))


def short_notice_vacancy_rent_from(received: date) -> date:
    """Bilag 14: when a home is sent with less than one calendar month to moving in, the day from
    which the municipality owes vacancy rent: one calendar month after receipt, minus one day.

    Reading R-40: the text says "efter den første kalendermåned – minus en dag – dvs. regnet fra den
    2. eller 16. hverdag"; we read "hverdag" as the calendar day named just above (a home received
    on the 2nd or 16th), so a home received on 2 March gives vacancy rent from 1 April, and one
    received on 16 March from 15 April. A month without the day (31 January + 1 month) is clipped
    to the month's last day before the day is taken off.
    """
    return add_months(received, _int("deadline.municipality_months", received)) - timedelta(days=1)


# --- The dates and their sentences (the endpoint udlejning.tools.deadlines serialises them) -------

REF_B14 = "Bilag 14"
DEADLINE_IDS = (
    "municipality_moving_in",
    "return_free_until",
    "organisation_earliest_moving_in",
    "vacancy_rent_until",
)
DEADLINE_KINDS = ("deadline", "last_day", "earliest", "until")
CHECK_IDS = ("return", "municipality_notice", "organisation_notice")
CHECK_VERDICTS = (
    "no_vacancy_rent",
    "may_owe_vacancy_rent",
    "enough_notice",
    "short_notice",
    "cannot_tell",
)


def _deadline(id_: str, kind: str, on: date, text: Text) -> dict[str, str]:
    return {"id": id_, "kind": kind, "date": on.isoformat(), **text.to_json(), "reference": REF_B14}


def _check(id_: str, verdict: str, text: Text) -> dict[str, str]:
    return {"id": id_, "verdict": verdict, **text.to_json(), "reference": REF_B14}


def _days(on: date) -> Text:
    return T(day(on, "da"), day(on, "en"))


Lines = list[dict[str, str]]


def after_receipt(
    received: date, moving_in: date | None, holidays: list[date], answer: dict[str, Lines]
) -> date:
    """Bilag 14 from the day the municipality received the home: its calendar month, the five
    working days of a free return, the notes on working days and the 2nd/16th; returns the last
    day of a free return."""
    items, checks, notes = answer["deadlines"], answer["checks"], answer["notes"]
    month = municipality_moving_in_deadline(received)
    free_until = return_without_vacancy_rent_until(received, holidays)
    m, f, r = _days(month), _days(free_until), _days(received)
    items.append(
        _deadline(
            "municipality_moving_in",
            "deadline",
            month,
            T(
                f"Kommunen skal have én kalendermåned fra den modtager boligen ({r.da}) til indflytningen: fristen løber til {m.da}.",
                f"The municipality must have one calendar month from receiving the home ({r.en}) to the moving-in date: the time runs to {m.en}.",
            ),
        )
    )
    items.append(
        _deadline(
            "return_free_until",
            "last_day",
            free_until,
            T(
                f"Returnerer kommunen boligen senest {f.da} (fem hverdage efter modtagelsen), skal den ikke betale tomgangsleje.",
                f"If the municipality returns the home on or before {f.en} (five working days after receiving it), it owes no vacancy rent.",
            ),
        )
    )
    skipped = sorted({h for h in holidays if received < h <= free_until})
    notes.append(
        {
            "da": "Hverdage er mandag til fredag, og modtagelsesdagen tæller ikke med (læsning R-36). "
            + (
                f"Vi har sprunget {len(skipped)} af de helligdage over, du har angivet."
                if holidays
                else "Aftalen giver ingen helligdagskalender: angiv helligdage under «holidays», så springer vi dem over."
            ),
            "en": "Working days are Monday to Friday, and the day of receipt does not count (Reading R-36). "
            + (
                f"We skipped {len(skipped)} of the public holidays you gave."
                if holidays
                else "The agreement gives no calendar of public holidays: give them under “holidays” and we skip them."
            ),
            "reference": REF_B14,
        }
    )
    if received.day in (2, 16):
        notes.append(
            {
                "da": "Boliger, der kommer ind den 2. eller den 16. i en måned, regner kommunen som kommet i rette tid, så lejemål opsagt den 1. eller 15. efter kontortid kan nå at komme med.",
                "en": "The municipality treats homes that come in on the 2nd or the 16th of a month as received in time, so tenancies ended on the 1st or 15th after office hours can be sent in.",
                "reference": REF_B14,
            }
        )
    if moving_in is not None:
        if moving_in >= month:
            checks.append(
                _check(
                    "municipality_notice",
                    "enough_notice",
                    T(
                        f"Indflytningen ({day(moving_in, 'da')}) giver kommunen mindst én kalendermåned.",
                        f"The moving-in date ({day(moving_in, 'en')}) gives the municipality at least one calendar month.",
                    ),
                )
            )
        else:
            owes = _days(short_notice_vacancy_rent_from(received))
            checks.append(
                _check(
                    "municipality_notice",
                    "short_notice",
                    T(
                        f"Boligen er sendt med kortere frist end én kalendermåned (indflytning {day(moving_in, 'da')}, før {m.da}). Kommunen hæfter så først for tomgangsleje fra {owes.da}: én kalendermåned efter modtagelsen minus en dag (læsning R-40).",
                        f"The home was sent with less than one calendar month (moving in on {day(moving_in, 'en')}, before {m.en}). The municipality then owes vacancy rent only from {owes.en}: one calendar month after receipt, minus one day (Reading R-40).",
                    ),
                )
            )
    return free_until


def after_allocation(allocated: date, moving_in: date | None, answer: dict[str, Lines]) -> None:
    """Bilag 14 from the allocation: the organisation's days before moving in."""
    items, checks = answer["deadlines"], answer["checks"]
    min_days = parameter("deadline.organisation_min_days").at(allocated).value
    earliest = organisation_earliest_moving_in(allocated)
    e = _days(earliest)
    items.append(
        _deadline(
            "organisation_earliest_moving_in",
            "earliest",
            earliest,
            T(
                f"Boligorganisationen skal have mindst {min_days} dage fra anvisningen ({day(allocated, 'da')}) til indflytningen for at skrive lejekontrakten m.v.: indflytning tidligst {e.da}.",
                f"The housing organisation must have at least {min_days} days from the allocation ({day(allocated, 'en')}) to the moving-in date, to draw up the lease etc.: moving in {e.en} at the earliest.",
            ),
        )
    )
    if moving_in is not None:
        if moving_in >= earliest:
            checks.append(
                _check(
                    "organisation_notice",
                    "enough_notice",
                    T(
                        f"Indflytningen ({day(moving_in, 'da')}) giver boligorganisationen mindst {min_days} dage.",
                        f"The moving-in date ({day(moving_in, 'en')}) gives the housing organisation at least {min_days} days.",
                    ),
                )
            )
        else:
            checks.append(
                _check(
                    "organisation_notice",
                    "short_notice",
                    T(
                        f"Indflytningen ({day(moving_in, 'da')}) ligger før {e.da}. Boligorganisationen kan rykke indflytningsdatoen, og kommunen betaler tomgangslejen i perioden.",
                        f"The moving-in date ({day(moving_in, 'en')}) is before {e.en}. The housing organisation may move the moving-in date, and the municipality pays the vacancy rent meanwhile.",
                    ),
                )
            )


def after_return(returned: date, free_until: date | None, answer: dict[str, Lines]) -> None:
    """Bilag 14 from the return: vacancy rent or not, and for how long."""
    items, checks = answer["deadlines"], answer["checks"]
    late = free_until is None or returned > free_until
    if free_until is None:
        checks.append(
            _check(
                "return",
                "cannot_tell",
                T(
                    "Vi kan ikke afgøre, om boligen er returneret inden for fem hverdage, uden datoen for modtagelsen (received_on).",
                    "We cannot tell whether the home was returned within five working days without the date it was received (received_on).",
                ),
            )
        )
    elif not late:
        checks.append(
            _check(
                "return",
                "no_vacancy_rent",
                T(
                    f"Boligen er returneret {day(returned, 'da')}, inden for fem hverdage: kommunen skal ikke betale tomgangsleje.",
                    f"The home was returned on {day(returned, 'en')}, within five working days: the municipality owes no vacancy rent.",
                ),
            )
        )
    else:
        checks.append(
            _check(
                "return",
                "may_owe_vacancy_rent",
                T(
                    f"Boligen er returneret {day(returned, 'da')}, efter fem hverdage: kommunen kan hæfte for tomgangsleje.",
                    f"The home was returned on {day(returned, 'en')}, after five working days: the municipality may owe vacancy rent.",
                ),
            )
        )
    if late:
        until = vacancy_rent_liability_end(returned)
        u = _days(until)
        items.append(
            _deadline(
                "vacancy_rent_until",
                "until",
                until,
                T(
                    f"Efter en sen returnering kan kommunen hæfte for tomgangsleje i op til tre måneder fra returneringen, dvs. til {u.da} (den dag ikke med), og kun så længe boligen står tom. Boligorganisationen skal søge at udleje boligen hurtigst muligt.",
                    f"After a late return the municipality may owe vacancy rent for up to three months from the return, i.e. until {u.en} (that day not included), and only while the home stands empty. The housing organisation must try to let the home as soon as possible.",
                ),
            )
        )


def deadline_answer(
    clean: dict[str, Any], parameters: dict[str, tuple[str, ...]]
) -> dict[str, Any]:
    """Bilag 14: the dates, checks and notes that follow from the dates given."""
    received: date | None = clean.get("received_on")
    allocated: date | None = clean.get("allocated_on")
    moving_in: date | None = clean.get("moving_in_on")
    returned: date | None = clean.get("returned_on")
    holidays: list[date] = clean.get("holidays") or []
    answer: dict[str, Lines] = {"deadlines": [], "checks": [], "notes": []}
    free_until: date | None = None
    if received is not None:
        free_until = after_receipt(received, moving_in, holidays, answer)
    if allocated is not None:
        after_allocation(allocated, moving_in, answer)
    if returned is not None:
        after_return(returned, free_until, answer)
    used = [
        parameter(name).at(clean[field]).to_json(clean[field])
        for field, names in parameters.items()
        if clean.get(field) is not None
        for name in names
    ]
    return {
        **answer,
        "parameters": used,
    }
