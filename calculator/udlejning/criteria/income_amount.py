"""The income amount of Bilag 4, IV.2 nr. 4 (also used by A.1 for project work).

Reading R-01: the amount is adjusted every year and the sources give only the values in the parameter
file, so the package treats each value as known for ``known_for_months`` and afterwards asks the user
for the current amount instead of silently using an old one. Sentences about which values the sources
give are written from the file (``texts.value_state``).
"""

from __future__ import annotations

from decimal import Decimal

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.model import Condition, Finding, Missing, Text, Threshold, Verdict
from udlejning.texts import both, day, money, value_state

COVERS = covers(
    "Indkomstbeløbet (kontanthjælpsloftet)",
    "The income amount",
    "Bilag 4, IV.2 nr. 4",
)

NAME = "skaerpede.income.monthly_amount"
PATH = f"parameters.{NAME}"


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
    ctx.param("skaerpede.income.monthly_amount")
    return Missing(
        PATH,
        Text(
            f"Indkomstbeløbet justeres hvert år. {value_state(NAME, 'da')} "
            "Angiv det aktuelle beløb (spørg boligorganisationen).",
            f"The income amount is adjusted every year. {value_state(NAME, 'en')} "
            "Enter the current amount (ask the housing organisation).",
        ),
    )


def income_condition(ctx: Context, finding: Finding) -> Condition | None:
    """Issue 11: when only the current amount is unknown, S4 is met as long as that amount is at
    most the lowest income of the persons it covers — a conditional verdict, not a guess."""
    if finding.verdict != Verdict.CANNOT_TELL:
        return None
    undecided = [p for p in finding.persons if p.verdict == Verdict.CANNOT_TELL]
    if not undecided or any(m.path != PATH for p in undecided for m in p.missing):
        return None
    by_id = {p.id: p for p in ctx.household.persons}
    lowest = min(
        (by_id[p.person].income or {})["monthly_gross"]  # type: ignore[index]
        for p in undecided
    )
    assert isinstance(lowest, Decimal)
    pv = ctx.param("skaerpede.income.monthly_amount")
    assert pv.effective_from is not None
    since = both(day, pv.effective_from)
    return Condition(
        "skaerpede.income.monthly_amount",
        str(lowest),
        Text(
            f"S4 er opfyldt, så længe det aktuelle beløb højst er {money(lowest, 'da')} Det seneste kendte beløb er {money(pv.value, 'da')} pr. {since.da}.",
            f"S4 is met as long as the current amount is at most {money(lowest, 'en')}. The last known amount is {money(pv.value, 'en')} as of {since.en}.",
        ),
    )
