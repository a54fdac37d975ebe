"""Bilag 14: deadlines for municipal allocation and letting, as date functions.

- The municipality has one calendar month from receiving a home to the moving-in date. Homes received on
  the 2nd or the 16th count as received in time (for notices given on the 1st or 15th).
- The housing organisation gets at least 14 days from the municipality's allocation to moving in; if it
  gets less, it may move the moving-in date and the municipality pays the vacancy rent meanwhile.
- A home returned within five working days costs the municipality no vacancy rent; returned later, it may
  owe vacancy rent for up to {rent.en} months from the return.
Reading R-36: "hverdage" are Monday–Friday minus the public holidays of helligdagsloven (the committed
parameter ``deadline.public_holidays``, generated at build time) and any local closing days the caller
passes in; the agreement gives no holiday calendar. The day a home is received is day 0.
The 2nd/16th rule: a home received on the 2nd or the 16th counts as received the day before (the 1st or
the 15th), so the one calendar month runs from that day (L6511–6517).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from udlejning.coverage import covers
from udlejning.model import Text
from udlejning.parameters import add_months, integer_at, parameter
from udlejning.texts import count, day

T = Text

COVERS = covers(
    "Frister ved anvisning og udlejning",
    "Deadlines in allocation and letting",
    "Bilag 14",
)


def counts_as_received(received: date) -> date:
    """Bilag 14: homes that come in on the 2nd or the 16th count as received in time, i.e. on the 1st
    or the 15th, so homes given notice on those days after office hours can still be sent in."""
    if received.day in _in_time_days(received):
        return received - timedelta(days=1)
    return received


def _in_time_days(on: date) -> set[int]:
    value = parameter("deadline.received_in_time_days").at(on).value
    assert isinstance(value, list)
    return set(value)


def municipality_moving_in_deadline(received: date) -> date:
    """Bilag 14: the earliest moving-in date that gives the municipality one calendar month from
    receipt (a home received on the 2nd or the 16th counts from the day before)."""
    return add_months(
        counts_as_received(received), integer_at("deadline.municipality_months", received)
    )


def public_holidays(on: date) -> tuple[date, ...]:
    """The public holidays of the committed calendar (helligdagsloven), for the period around ``on``."""
    value = parameter("deadline.public_holidays").at(on).value
    assert isinstance(value, tuple)
    return value  # type: ignore[return-value]


def calendar_covers(on: date) -> bool:
    """False when ``on`` lies after the last year of the committed holiday calendar."""
    last = public_holidays(on)[-1]
    return on.year <= last.year


def organisation_earliest_moving_in(allocated: date) -> date:
    """Bilag 14: the earliest moving-in date the organisation must accept (allocation + 14 days)."""
    return allocated + timedelta(days=integer_at("deadline.organisation_min_days", allocated))


def add_working_days(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    skip = set(holidays)
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in skip:
            left -= 1
    return current


def return_without_vacancy_rent_until(received: date, holidays: Iterable[date] = ()) -> date:
    """Bilag 14: the last day the municipality can return the home without owing vacancy rent.
    Public holidays are skipped by default; ``holidays`` adds local closing days."""
    skip = set(public_holidays(received)) | set(holidays)
    return add_working_days(
        received, integer_at("deadline.return_free_working_days", received), skip
    )


def vacancy_rent_liability_end(returned: date) -> date:
    """Bilag 14: the end (exclusive) of the up-to-three-months vacancy-rent liability after a late return."""
    return add_months(returned, integer_at("deadline.vacancy_rent_max_months", returned))


def short_notice_vacancy_rent_from(received: date) -> date:
    """Bilag 14: when a home is sent with less than one calendar month to moving in, the day from
    which the municipality owes vacancy rent: one calendar month after receipt, minus one day.

    Reading R-40: the text says "efter den første kalendermåned – minus en dag – dvs. regnet fra den
    2. eller 16. hverdag"; we read "hverdag" as the calendar day named just above (a home received
    on the 2nd or 16th), so a home received on 2 March gives vacancy rent from 1 April, and one
    received on 16 March from 15 April. A month without the day (31 January + 1 month) is clipped
    to the month's last day before the day is taken off.
    """
    month_after = add_months(received, integer_at("deadline.municipality_months", received))
    return month_after - timedelta(days=1)


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


def _count(name: str, on: date | None) -> Text:
    """A Bilag 14 parameter's value as a word in both languages (issue 9.5: no figure typed)."""
    p = parameter(name)
    value = p.at(on).value if on is not None else p.values[-1].value
    assert isinstance(value, int)
    return T(count(value, "da"), count(value, "en"))


def _working_days_note(received: date, free_until: date, closing: list[date]) -> dict[str, str]:
    """Which days were skipped as not working days (reading R-36; helligdagsloven)."""
    public = [h for h in public_holidays(received) if received < h <= free_until]
    own = sorted({h for h in closing if received < h <= free_until} - set(public))
    names = [T(day(h, "da"), day(h, "en")) for h in public]
    da = "Hverdage er mandag til fredag uden helligdage (helligdagsloven), og modtagelsesdagen tæller ikke med (læsning R-36)."
    en = "Working days are Monday to Friday without public holidays (helligdagsloven), and the day of receipt does not count (reading R-36)."
    if names:
        da += " Vi har sprunget disse helligdage over: " + ", ".join(n.da for n in names) + "."
        en += " We skipped these public holidays: " + ", ".join(n.en for n in names) + "."
    if own:
        da += f" Vi har også sprunget {len(own)} af de lukkedage over, du har angivet."
        en += f" We also skipped {len(own)} of the closing days you gave."
    if not calendar_covers(free_until):
        da += " Helligdagskalenderen dækker kun aftalens periode: angiv selv helligdage derefter."
        en += " The holiday calendar covers only the agreement's period: give later holidays yourself."
    return {"da": da, "en": en, "reference": REF_B14}


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
    months = _count("deadline.municipality_months", received)
    free = _count("deadline.return_free_working_days", received)
    items.append(
        _deadline(
            "municipality_moving_in",
            "deadline",
            month,
            T(
                f"Kommunen skal have {months.da} kalendermåned fra den modtager boligen ({r.da}) til indflytningen: fristen løber til {m.da}.",
                f"The municipality must have {months.en} calendar month from receiving the home ({r.en}) to the moving-in date: the time runs to {m.en}.",
            ),
        )
    )
    items.append(
        _deadline(
            "return_free_until",
            "last_day",
            free_until,
            T(
                f"Returnerer kommunen boligen senest {f.da} ({free.da} hverdage efter modtagelsen), skal den ikke betale tomgangsleje.",
                f"If the municipality returns the home on or before {f.en} ({free.en} working days after receiving it), it owes no vacancy rent.",
            ),
        )
    )
    notes.append(_working_days_note(received, free_until, holidays))
    if counts_as_received(received) != received:
        notes.append(
            {
                "da": f"Boliger, der kommer ind den 2. eller den 16. i en måned, regner kommunen som kommet i rette tid. Boligen regnes derfor som modtaget {_days(counts_as_received(received)).da}, og kalendermåneden løber fra den dag.",
                "en": f"The municipality treats homes that come in on the 2nd or the 16th of a month as received in time. So the home counts as received on {_days(counts_as_received(received)).en}, and the calendar month runs from that day.",
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
                        f"Indflytningen ({day(moving_in, 'da')}) giver kommunen mindst {months.da} kalendermåned.",
                        f"The moving-in date ({day(moving_in, 'en')}) gives the municipality at least {months.en} calendar month.",
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
                        f"Boligen er sendt med kortere frist end {months.da} kalendermåned (indflytning {day(moving_in, 'da')}, før {m.da}). Kommunen hæfter så først for tomgangsleje fra {owes.da}: {months.da} kalendermåned efter modtagelsen minus en dag (læsning R-40).",
                        f"The home was sent with less than {months.en} calendar month (moving in on {day(moving_in, 'en')}, before {m.en}). The municipality then owes vacancy rent only from {owes.en}: {months.en} calendar month after receipt, minus one day (Reading R-40).",
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
    free = _count("deadline.return_free_working_days", returned)
    rent = _count("deadline.vacancy_rent_max_months", returned)
    if free_until is None:
        checks.append(
            _check(
                "return",
                "cannot_tell",
                T(
                    f"Vi kan ikke afgøre, om boligen er returneret inden for {free.da} hverdage, uden datoen for modtagelsen.",
                    f"We cannot tell whether the home was returned within {free.en} working days without the date it was received.",
                ),
            )
        )
    elif not late:
        checks.append(
            _check(
                "return",
                "no_vacancy_rent",
                T(
                    f"Boligen er returneret {day(returned, 'da')}, inden for {free.da} hverdage: kommunen skal ikke betale tomgangsleje.",
                    f"The home was returned on {day(returned, 'en')}, within {free.en} working days: the municipality owes no vacancy rent.",
                ),
            )
        )
    else:
        checks.append(
            _check(
                "return",
                "may_owe_vacancy_rent",
                T(
                    f"Boligen er returneret {day(returned, 'da')}, efter {free.da} hverdage: kommunen kan hæfte for tomgangsleje.",
                    f"The home was returned on {day(returned, 'en')}, after {free.en} working days: the municipality may owe vacancy rent.",
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
                    f"Efter en sen returnering kan kommunen hæfte for tomgangsleje i op til {rent.da} måneder fra returneringen, dvs. til {u.da} (den dag ikke med), og kun så længe boligen står tom. Boligorganisationen skal søge at udleje boligen hurtigst muligt.",
                    f"After a late return the municipality may owe vacancy rent for up to {rent.en} months from the return, i.e. until {u.en} (that day not included), and only while the home stands empty. The housing organisation must try to let the home as soon as possible.",
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
