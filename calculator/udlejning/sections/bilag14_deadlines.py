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

from udlejning.coverage import covers
from udlejning.parameters import add_months, parameter

COVERS = covers(
    "Frister ved anvisning og udlejning",
    "Deadlines in allocation and letting",
    "Bilag 14",
)


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
