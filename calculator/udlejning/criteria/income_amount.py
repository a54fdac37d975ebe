"""The income amount of Bilag 4, IV.2 nr. 4 (also used by A.1 for project work).

Reading R-01: the amount is adjusted every year and the sources give only 22,904.30 kr. as of
1 December 2022, so the package treats that value as known for twelve months (``known_for_months``)
and afterwards asks the user for the current amount instead of silently using an old one.
"""

from __future__ import annotations

from decimal import Decimal

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.model import Missing, Text, Threshold
from udlejning.texts import both, day, money

COVERS = covers(
    "Indkomstbeløbet (kontanthjælpsloftet)",
    "The income amount",
    "Bilag 4, IV.2 nr. 4",
)

PATH = "parameters.skaerpede.income.monthly_amount"


def income_threshold(actual: Decimal, required: Decimal) -> Threshold:
    return Threshold(
        "skaerpede.income.monthly_amount",
        str(required),
        str(actual),
        Text(
            f"{money(actual, 'da')} om måneden; kravet er {money(required, 'da')}",
            f"{money(actual, 'en')} a month; the requirement is {money(required, 'en')}.",
        ),
    )


def amount_missing(ctx: Context) -> Missing:
    pv = ctx.param("skaerpede.income.monthly_amount")
    assert pv.effective_from is not None
    since = both(day, pv.effective_from)
    return Missing(
        PATH,
        Text(
            f"Indkomstbeløbet justeres hvert år. Kilderne oplyser kun {money(pv.value, 'da')} pr. {since.da}. "
            "Angiv det aktuelle beløb (spørg boligorganisationen).",
            f"The income amount is adjusted every year. The sources give only {money(pv.value, 'en')} as of {since.en}. "
            "Enter the current amount (ask the housing organisation).",
        ),
    )
