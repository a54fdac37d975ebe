"""Bilag 4, IV.1 B.1 — need for a home after separation, divorce or a broken relationship.

Met by the applicant when all hold on the day the home is taken over:
- the break-up date lies within one year (``b1.priority_years``) before that day. Reading R-07: the
  year is half-open, so on the anniversary the priority has ended;
- the applicant had an address in the City of Copenhagen before the break-up;
- a couple that was not married had shared an address for at least two years before the break-up
  (``b1.unmarried_min_shared_address_years``; exactly two years is enough).
The criterion exists only on afdelingstrappens trin 1 where the housing organisation chose it
(Bilag 4, IV.1 B.1; afsnit 6.2.1); the finding says so in its scope.

Also (Bilag 4, IV.1 B.1, «Fortolkningsbidrag»): the application must be made within the year after
the break-up (``separation.applied_on``; the same half-open year). And, outside this criterion, a
housing organisation may under udlejningsbekendtgørelsen § 8 give priority for up to a year to a
tenant moving out of one of its homes after a break-up when the tenant's child under 18 still lives
with the other parent in one of its sections; the finding adds that as a reason when stated.
"""

from __future__ import annotations

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.criteria.build import (
    Facts,
    ask,
    asked,
    decided,
    meets,
    reason,
    years_threshold,
)
from udlejning.criteria.registry import household_rule
from udlejning.household import Separation
from udlejning.model import PersonFinding, Text, Verdict, combine_all
from udlejning.parameters import add_years
from udlejning.texts import both, day, plural

COVERS = covers(
    "Kriterium B1: bolig efter samlivsophævelse",
    "Criterion B1: a home after a break-up",
    "Bilag 4, IV.1 B.1",
    "afsnit 5.2.3",
)

REF = "Bilag 4, IV.1 B.1"
# B1's fields are the separation's, below the document (``person`` None in Facts.question).
B1 = Facts("B1", REF)
# The thresholds' sentences (build.years_threshold fills in the days and the years).
PRIORITY_ENDS = Text(
    "Bruddet var {start}; fortrinsretten gælder til og med dagen før {reached}.",
    "The break-up was on {start}; the priority lasts until the day before {reached}.",
)
SHARED_ADDRESS = Text(
    "Fælles bopæl fra {start}; {years} år var nået {reached}.",
    "Shared address from {start}; {years} years were reached on {reached}.",
)


def separation_status(ctx: Context) -> tuple[PersonFinding, set[str]]:
    applicant = ctx.household.applicant
    sep = ctx.household.separation
    tags: set[str] = set()
    if sep is None:
        return asked(applicant.id, B1.question(ctx, None, "separation.happened")), tags
    if not sep.happened:
        no_break_up = reason(
            "Der er ikke oplyst en skilsmisse, separation eller et brud.",
            "No divorce, separation or break-up is stated.",
            REF,
        )
        return decided(applicant.id, Verdict.NOT_MET, no_break_up), tags
    ctx.reading("R-07")
    finding = PersonFinding(applicant.id, Verdict.CANNOT_TELL)
    verdicts = [
        _within_priority_years(ctx, sep, finding),
        _copenhagen_before(ctx, sep, finding),
        *_married_or_shared_address(ctx, sep, finding, tags),
        *_applied_within_year(ctx, finding),
    ]
    if sep.child_with_other_parent:
        finding.reasons.append(CHILD_WITH_OTHER_PARENT)
    finding.verdict = combine_all(verdicts)
    if finding.verdict != Verdict.CANNOT_TELL:
        finding.missing.clear()
    return finding, tags


# Udlejningsbekendtgørelsen § 8, outside the criterion: said when the applicant's child lives with
# the other parent in one of the organisation's sections.
CHILD_WITH_OTHER_PARENT = reason(
    "Uden for dette kriterium kan boligorganisationen selv beslutte at give fortrinsret i op til et år, fordi ansøgeren fraflytter en af dens boliger, og barnet under 18 bor hos den anden forælder i en af dens afdelinger (udlejningsbekendtgørelsen § 8). Børnefamiliers fortrinsret til store boliger går forud.",
    "Outside this criterion the housing organisation may itself decide to give priority for up to a year, because the applicant moves out of one of its homes and the child under 18 lives with the other parent in one of its sections (udlejningsbekendtgørelsen § 8). Families with children keep their priority to large homes.",
    f"{REF} (udlejningsbekendtgørelsen § 8)",
)


def _within_priority_years(ctx: Context, sep: Separation, finding: PersonFinding) -> Verdict:
    """The break-up lies within the priority year before the takeover day (half-open, R-07)."""
    years = ctx.value("b1.priority_years")
    if sep.date is None:
        return ask(finding.missing, B1.question(ctx, None, "separation.date"))
    ends, priority = years_threshold("b1.priority_years", years, sep.date, PRIORITY_ENDS)
    finding.thresholds.append(priority)
    years_en = plural(int(years), "year", "years")
    if sep.date <= ctx.date < ends:
        return meets(
            finding,
            f"Bruddet ligger under {years} år før overtagelsesdagen.",
            f"The break-up is less than {years_en} before the takeover day.",
            REF,
        )
    return B1.fails(ctx, finding, "separation.date")


def _copenhagen_before(ctx: Context, sep: Separation, finding: PersonFinding) -> Verdict:
    """The applicant had an address in the City of Copenhagen before the break-up."""
    field, before = "separation.copenhagen_address_before", sep.copenhagen_address_before
    return B1.needs_yes(ctx, finding, finding.missing, None, field, before)


def _married_or_shared_address(
    ctx: Context, sep: Separation, finding: PersonFinding, tags: set[str]
) -> list[Verdict]:
    """A couple not married must have shared an address for two years before the break-up."""
    if sep.married is None:
        return [ask(finding.missing, B1.question(ctx, None, "separation.married"))]
    if sep.married:
        return []
    tags.add("unmarried")
    need = ctx.value("b1.unmarried_min_shared_address_years")
    if sep.shared_address_from is None:
        return [ask(finding.missing, B1.question(ctx, None, "separation.shared_address_from"))]
    if sep.date is None:
        return []
    reached, shared = years_threshold(
        "b1.unmarried_min_shared_address_years", need, sep.shared_address_from, SHARED_ADDRESS
    )
    finding.thresholds.append(shared)
    if reached <= sep.date:
        return [Verdict.MET]
    return [B1.fails(ctx, finding, "separation.shared_address_from")]


def _applied_within_year(ctx: Context, finding: PersonFinding) -> list[Verdict]:
    """Bilag 4, IV.1 B.1: the application must be made within the year after the break-up."""
    sep = ctx.household.separation
    assert sep is not None
    if sep.applied_on is None or sep.date is None:
        return []
    years = ctx.value("b1.priority_years")
    ends = add_years(sep.date, years)
    if sep.applied_on < ends:
        return [Verdict.MET]
    applied = both(day, sep.applied_on)
    return [B1.fails(ctx, finding, "separation.applied_on", applied=applied)]


CRITERIA = (household_rule("B1", separation_status),)
