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
from udlejning.model import Missing, PersonFinding, Reason, Text, Threshold, Verdict, combine_all
from udlejning.parameters import add_years
from udlejning.texts import both, day, plural

COVERS = covers(
    "Kriterium B1: bolig efter samlivsophævelse",
    "Criterion B1: a home after a break-up",
    "Bilag 4, IV.1 B.1",
    "afsnit 5.2.3",
)

REF = "Bilag 4, IV.1 B.1"


def separation_status(ctx: Context) -> tuple[PersonFinding, set[str]]:
    applicant = ctx.household.applicant
    sep = ctx.household.separation
    finding = PersonFinding(applicant.id, Verdict.CANNOT_TELL)
    tags: set[str] = set()
    if sep is not None and sep.happened:
        ctx.reading("R-07")
    if sep is None:
        finding.missing.append(
            Missing(
                "separation.happened",
                Text(
                    "Er ansøgeren for nylig blevet skilt eller gået fra sin partner?",
                    "Has the applicant recently divorced or broken up?",
                ),
            )
        )
        return finding, tags
    if not sep.happened:
        finding.verdict = Verdict.NOT_MET
        finding.reasons.append(
            Reason(
                Text(
                    "Der er ikke oplyst en skilsmisse, separation eller et brud.",
                    "No divorce, separation or break-up is stated.",
                ),
                REF,
            )
        )
        return finding, tags
    verdicts: list[Verdict] = []
    years = ctx.value("b1.priority_years")
    if sep.date is None:
        finding.missing.append(
            Missing(
                "separation.date",
                Text(
                    "Hvornår var skilsmissen, separationen eller bruddet?",
                    "When was the divorce, separation or break-up?",
                ),
            )
        )
        verdicts.append(Verdict.CANNOT_TELL)
    else:
        ends = add_years(sep.date, years)
        when, end = both(day, sep.date), both(day, ends)
        finding.thresholds.append(
            Threshold(
                "b1.priority_years",
                str(years),
                sep.date.isoformat(),
                Text(
                    f"Bruddet var {when.da}; fortrinsretten gælder til og med dagen før {end.da}.",
                    f"The break-up was on {when.en}; the priority lasts until the day before {end.en}.",
                ),
            )
        )
        if sep.date <= ctx.date < ends:
            verdicts.append(Verdict.MET)
            finding.reasons.append(
                Reason(
                    Text(
                        f"Bruddet ligger under {years} år før overtagelsesdagen.",
                        f"The break-up is less than {plural(int(years), 'year', 'years')} before the takeover day.",
                    ),
                    REF,
                )
            )
        else:
            verdicts.append(Verdict.NOT_MET)
            finding.reasons.append(
                Reason(
                    Text(
                        f"Fortrinsretten gælder kun i {years} år efter bruddet, og den tid er gået.",
                        f"The priority lasts only {plural(int(years), 'year', 'years')} after the break-up, and that time has passed.",
                    ),
                    REF,
                )
            )
    if sep.copenhagen_address_before is None:
        finding.missing.append(
            Missing(
                "separation.copenhagen_address_before",
                Text(
                    "Boede ansøgeren i Københavns Kommune før bruddet?",
                    "Did the applicant live in the City of Copenhagen before the break-up?",
                ),
            )
        )
        verdicts.append(Verdict.CANNOT_TELL)
    elif sep.copenhagen_address_before:
        verdicts.append(Verdict.MET)
    else:
        verdicts.append(Verdict.NOT_MET)
        finding.reasons.append(
            Reason(
                Text(
                    "Ansøgeren skal have haft adresse i Københavns Kommune før bruddet.",
                    "The applicant must have lived in the City of Copenhagen before the break-up.",
                ),
                REF,
            )
        )
    if sep.married is None:
        finding.missing.append(
            Missing("separation.married", Text("Var parret gift?", "Was the couple married?"))
        )
        verdicts.append(Verdict.CANNOT_TELL)
    elif not sep.married:
        tags.add("unmarried")
        need = ctx.value("b1.unmarried_min_shared_address_years")
        if sep.shared_address_from is None:
            finding.missing.append(
                Missing(
                    "separation.shared_address_from",
                    Text(
                        f"Hvornår fik parret fælles bopæl? Ugifte par skal have boet sammen i {need} år.",
                        f"When did the couple start sharing an address? Unmarried couples must have lived together for {need} years.",
                    ),
                )
            )
            verdicts.append(Verdict.CANNOT_TELL)
        elif sep.date is not None:
            reached = add_years(sep.shared_address_from, need)
            frm, rch = both(day, sep.shared_address_from), both(day, reached)
            finding.thresholds.append(
                Threshold(
                    "b1.unmarried_min_shared_address_years",
                    str(need),
                    sep.shared_address_from.isoformat(),
                    Text(
                        f"Fælles bopæl fra {frm.da}; {need} år var nået {rch.da}.",
                        f"Shared address from {frm.en}; {need} years were reached on {rch.en}.",
                    ),
                )
            )
            if reached <= sep.date:
                verdicts.append(Verdict.MET)
            else:
                verdicts.append(Verdict.NOT_MET)
                finding.reasons.append(
                    Reason(
                        Text(
                            f"Ugifte par skal have haft fælles bopæl i mindst {need} år før bruddet.",
                            f"Unmarried couples must have shared an address for at least {need} years before the break-up.",
                        ),
                        REF,
                    )
                )
    verdicts += _applied_within_year(ctx, finding)
    if sep.child_with_other_parent:
        finding.reasons.append(
            Reason(
                Text(
                    "Uden for dette kriterium kan boligorganisationen selv beslutte at give fortrinsret i op til et år, fordi ansøgeren fraflytter en af dens boliger, og barnet under 18 bor hos den anden forælder i en af dens afdelinger (udlejningsbekendtgørelsen § 8). Børnefamiliers fortrinsret til store boliger går forud.",
                    "Outside this criterion the housing organisation may itself decide to give priority for up to a year, because the applicant moves out of one of its homes and the child under 18 lives with the other parent in one of its sections (udlejningsbekendtgørelsen § 8). Families with children keep their priority to large homes.",
                ),
                f"{REF} (udlejningsbekendtgørelsen § 8)",
            )
        )
    finding.verdict = combine_all(verdicts)
    if finding.verdict != Verdict.CANNOT_TELL:
        finding.missing.clear()
    return finding, tags


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
    when = both(day, sep.applied_on)
    finding.reasons.append(
        Reason(
            Text(
                f"Ansøgningen ({when.da}) skal være sendt inden for {years} år efter bruddet.",
                f"The application ({when.en}) must be made within {plural(int(years), 'year', 'years')} after the break-up.",
            ),
            REF,
        )
    )
    return [Verdict.NOT_MET]
