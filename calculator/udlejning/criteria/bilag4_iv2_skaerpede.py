"""Bilag 4, IV.2 — the four skærpede (stricter) flexible criteria; afsnit 5.2.4 figur 2.

Each applies to every person moving in within its age group (age on the day the home is taken over;
both ends of the group included, so 18–64 covers a person aged 64 but not 65):

1. ``s1_employment``: aged 18–64 → in work or in education, judged as in A.1 and A.2.
   Reading R-03: efterløn and alderspension do not count here. A.1 equates them with steady work in
   the criterion itself (its left column), while nr. 1 takes over only A.1's *fortolkningsbidrag*
   and documentation rules. The alternative (they count) can be chosen.
2. ``s2_convictions``: nobody convicted under straffeloven, våbenloven or lov om euforiserende stoffer
   in the current calendar year or the two before it. Reading R-08: the year of the judgment counts;
   people under 15 need no criminal record certificate and count as meeting it when no conviction is
   stated.
3. ``s3_education``: aged 30–59 → an education above grundskole, taken or approved in Denmark and
   completed on or before 30 September of the previous calendar year.
4. ``s4_income``: aged 15–64, not in education, taxable in Denmark → average gross income a month of
   at least the amount (55 % of the regional average). Reading R-09: "uddannelsessøgende" is anyone in
   education, pupils in folkeskole and gymnasium included, as in the state statistic the criterion
   mirrors. The alternative (only the education A.2 counts) can be chosen.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.criteria.bilag4_iv1_a1_work import AGE_PENSIONS, work_status
from udlejning.criteria.bilag4_iv1_a2_education import education_status
from udlejning.criteria.build import (
    Facts,
    age_group,
    ask,
    asked,
    decided,
    merge,
    outside_group,
    reason,
    threshold,
)
from udlejning.criteria.income_amount import amount_missing, income_condition, income_threshold
from udlejning.criteria.registry import everyone_rule
from udlejning.household import LAWS, Person
from udlejning.model import Missing, PersonFinding, Reason, Text, Verdict, combine_any
from udlejning.parameters import ParameterValue
from udlejning.texts import both, day, money

COVERS = covers(
    "De fire skærpede kriterier",
    "The four stricter criteria",
    "Bilag 4, IV.2",
    "afsnit 5.2.4",
    "afsnit 5.2.2",
)

REF1 = "Bilag 4, IV.2 nr. 1"
REF2 = "Bilag 4, IV.2 nr. 2"
REF3 = "Bilag 4, IV.2 nr. 3"
REF4 = "Bilag 4, IV.2 nr. 4"
COUNTING_LAWS = {"straffeloven", "vaabenloven", "euforiserende_stoffer"}
S1, S2, S3, S4 = Facts("S1", REF1), Facts("S2", REF2), Facts("S3", REF3), Facts("S4", REF4)


def s1_employment(person: Person, ctx: Context) -> tuple[PersonFinding, set[str]]:
    low, high = ctx.value("skaerpede.employment.age_from"), ctx.value("skaerpede.employment.age_to")
    inside = age_group(person, low, high)
    if inside is False:
        return outside_group(person, low, high, REF1), set()
    ctx.reading("R-11")
    pension_counts = True
    if person.pension in AGE_PENSIONS:
        pension_counts = ctx.reading("R-03")
    work, work_tags = work_status(person, ctx, pension_counts=pension_counts)
    if not pension_counts:
        work.reasons.append(
            reason(
                f"{person.id} får efterløn eller alderspension. I A1 sidestilles det med arbejde, men det skærpede kriterium gælder kun A1's fortolkningsbidrag, og sidestillingen står i selve kriteriet (læsning R-03).",
                f"{person.id} receives early retirement pay or an age pension. A1 treats that as work, but the stricter criterion takes over only A1's interpretation notes, and the equal treatment is in the criterion itself (reading R-03).",
                REF1,
            )
        )
    study, study_tags = education_status(person, ctx, youth_circle=False)
    verdict = combine_any([work.verdict, study.verdict])
    if verdict == Verdict.MET:
        met = [f for f in (work, study) if f.verdict == Verdict.MET]
        return merge(person.id, met, Verdict.MET), work_tags | study_tags
    merged = merge(person.id, [work, study], verdict)
    if inside is None:
        merged.verdict = Verdict.CANNOT_TELL
        if not any(m.path == person.path("age") for m in merged.missing):
            merged.missing.insert(0, S1.question(ctx, person, "age"))
    return merged, work_tags | study_tags


def s2_convictions(person: Person, ctx: Context) -> PersonFinding:
    years_back = ctx.value("skaerpede.convictions.previous_calendar_years")
    from_age = ctx.value("skaerpede.convictions.record_from_age")
    first_year = ctx.date.year - years_back
    ctx.reading("R-08")
    if person.convictions is None:
        if person.age is not None and person.age < from_age:
            too_young = reason(
                f"{person.id} er under {from_age} år, og der skal ikke fremlægges straffeattest.",
                f"{person.id} is under {from_age}; no criminal record certificate is needed.",
                REF2,
            )
            return decided(person.id, Verdict.MET, too_young)
        convictions = S2.question(ctx, person, "convictions", first_year=first_year)
        return asked(person.id, convictions)
    finding = PersonFinding(person.id, Verdict.MET)
    for conviction in person.convictions:
        _conviction(person, ctx, finding, conviction, first_year, years_back)
    if finding.verdict == Verdict.MET and not person.convictions:
        finding.reasons.append(
            reason(
                f"{person.id} har ingen domme, der tæller.",
                f"{person.id} has no conviction that counts.",
                REF2,
            )
        )
    return finding


def _conviction(
    person: Person,
    ctx: Context,
    finding: PersonFinding,
    conviction: dict[str, object],
    first_year: int,
    years_back: int,
) -> None:
    """One conviction: it counts under the three laws from 1 January of ``first_year`` on (R-08)."""
    year, law = conviction["year"], str(conviction["law"])
    in_window = first_year <= year <= ctx.date.year  # type: ignore[operator]
    if law not in COUNTING_LAWS:
        finding.reasons.append(
            reason(
                "En dom efter en anden lov tæller ikke for kriteriet.",
                "A conviction under another law does not count for this criterion.",
                REF2,
            )
        )
        return
    if not in_window:
        finding.reasons.append(
            reason(
                f"Dommen fra {year} ligger før {first_year} og tæller ikke.",
                f"The conviction from {year} is before {first_year} and does not count.",
                REF2,
            )
        )
        return
    finding.verdict = Verdict.NOT_MET
    window = Text(
        f"fra 1. januar {first_year} til overtagelsesdagen",
        f"from 1 January {first_year} to the takeover day",
    )
    finding.reasons.append(
        reason(
            f"{person.id} er dømt efter {LAWS[law].da} i {year}. Det er inden for perioden {window.da}.",
            f"{person.id} was convicted under {LAWS[law].en} in {year}. That is within the period {window.en}.",
            REF2,
        )
    )
    finding.thresholds.append(
        threshold(
            "skaerpede.convictions.previous_calendar_years",
            years_back,
            year,
            f"Dom i {year}; domme fra {first_year} og senere tæller.",
            f"Conviction in {year}; convictions from {first_year} on count.",
        )
    )


def s3_education(person: Person, ctx: Context) -> tuple[PersonFinding, set[str]]:
    low, high = ctx.value("skaerpede.education.age_from"), ctx.value("skaerpede.education.age_to")
    ctx.reading("R-11")
    inside = age_group(person, low, high)
    if inside is False:
        return outside_group(person, low, high, REF3), set()
    month, dom = ctx.value("skaerpede.education.completed_by")
    deadline = date(ctx.date.year - 1, month, dom)
    finding = PersonFinding(person.id, Verdict.MET)
    missing: list[Missing] = []
    tags: set[str] = set()
    verdicts = _above_grundskole(person, ctx, deadline, finding, missing, tags)
    if Verdict.NOT_MET in verdicts:
        finding.verdict = Verdict.NOT_MET
    elif missing or inside is None:
        finding.verdict = Verdict.CANNOT_TELL
        finding.missing = ([S3.question(ctx, person, "age")] if inside is None else []) + missing
    else:
        finding.reasons.append(
            reason(
                f"{person.id} har en uddannelse over grundskoleniveau, der tæller.",
                f"{person.id} has an education above primary school level that counts.",
                REF3,
            )
        )
    if inside is None and finding.verdict == Verdict.NOT_MET:
        finding.verdict = Verdict.CANNOT_TELL
        finding.missing.insert(0, S3.question(ctx, person, "age"))
    return finding, tags


def _above_grundskole(
    person: Person,
    ctx: Context,
    deadline: date,
    finding: PersonFinding,
    missing: list[Missing],
    tags: set[str],
) -> list[Verdict]:
    """Nr. 3's conditions on the completed education, each with its verdict."""
    field = "completed_education.above_grundskole"
    above = (person.completed_education or {}).get("above_grundskole")
    if above is None:
        return [ask(missing, S3.question(ctx, person, field))]
    if not above:
        return [S3.fails(ctx, finding, field, person=person.id)]
    return [
        _taken_or_approved_in_dk(person, ctx, finding, missing, tags),
        _completed_by(person, ctx, deadline, finding, missing),
    ]


def _taken_or_approved_in_dk(
    person: Person, ctx: Context, finding: PersonFinding, missing: list[Missing], tags: set[str]
) -> Verdict:
    """Nr. 3: taken in Denmark, or taken abroad and approved here."""
    edu = person.completed_education or {}
    country = edu.get("country")
    if country is None:
        return ask(missing, S3.question(ctx, person, "completed_education.country"))
    if country != "abroad":
        return Verdict.MET
    tags.add("abroad")
    field, approved = "completed_education.approved_in_dk", edu.get("approved_in_dk")
    return S3.needs_yes(ctx, finding, missing, person, field, approved)  # type: ignore[arg-type]


def _completed_by(
    person: Person, ctx: Context, deadline: date, finding: PersonFinding, missing: list[Missing]
) -> Verdict:
    """Nr. 3: completed on or before the deadline (30 September of the previous year)."""
    field = "completed_education.completed_on"
    completed = (person.completed_education or {}).get("completed_on")
    limit = both(day, deadline)
    if completed is None:
        return ask(missing, S3.question(ctx, person, field, deadline=limit))
    got = both(day, completed)  # type: ignore[arg-type]
    finding.thresholds.append(
        threshold(
            "skaerpede.education.completed_by",
            deadline.isoformat(),
            completed.isoformat(),  # type: ignore[union-attr]
            f"Færdig {got.da}; skal være færdig senest {limit.da}.",
            f"Completed on {got.en}; must be completed by {limit.en}.",
        )
    )
    if completed <= deadline:  # type: ignore[operator]
        return Verdict.MET
    return S3.fails(ctx, finding, field, deadline=limit)


def _in_education(person: Person, ctx: Context) -> PersonFinding:
    """Is the person «uddannelsessøgende» (not covered by nr. 4)?

    Reading R-09: anyone in education on the takeover day, pupils in folkeskole and gymnasium too,
    as in the state statistic the criterion mirrors («eksklusive uddannelsessøgende»). The
    alternative reading counts only the education A.2 counts (SU, uddannelsesaftale, lærlingekontrakt).
    """
    if ctx.reading("R-09"):
        return education_status(person, ctx, youth_circle=False)[0]
    education = person.education or {}
    kind, starts = education.get("kind"), education.get("starts_on")
    if kind is None:
        return asked(person.id, S4.question(ctx, person, "education.kind"))
    if kind == "none" or (starts is not None and starts > ctx.date):  # type: ignore[operator]
        return PersonFinding(person.id, Verdict.NOT_MET)
    return PersonFinding(person.id, Verdict.MET)


def s4_income(person: Person, ctx: Context) -> tuple[PersonFinding, set[str]]:
    low, high = ctx.value("skaerpede.income.age_from"), ctx.value("skaerpede.income.age_to")
    inside = age_group(person, low, high)
    if inside is False:
        return outside_group(person, low, high, REF4), set()
    tags: set[str] = set()
    if (person.employment or {}).get("kind") == "self_employed":
        tags.add("self_employed")
    ctx.reading("R-11")
    study = _in_education(person, ctx)
    if study.verdict == Verdict.MET:
        in_education = reason(
            f"{person.id} er under uddannelse, og kriteriet gælder ikke for personen.",
            f"{person.id} is in education; the criterion does not cover the person.",
            REF4,
        )
        return decided(person.id, Verdict.NOT_COVERED, in_education), tags
    taxable = (person.income or {}).get("taxable_in_dk")
    if taxable is False:
        not_taxable = reason(
            f"{person.id} er ikke skattepligtig i Danmark og skal ikke dokumentere indkomst.",
            f"{person.id} is not taxable in Denmark and need not document income.",
            REF4,
        )
        return decided(person.id, Verdict.NOT_COVERED, not_taxable), tags
    exemption_unknown: list[Missing] = []
    if inside is None:
        exemption_unknown.append(S4.question(ctx, person, "age"))
    if study.verdict == Verdict.CANNOT_TELL:
        exemption_unknown.extend(study.missing)
    if taxable is None:
        exemption_unknown.append(S4.question(ctx, person, "income.taxable_in_dk"))
    return _gross_income(person, ctx, exemption_unknown), tags


def _gross_income(person: Person, ctx: Context, exemption_unknown: list[Missing]) -> PersonFinding:
    """Nr. 4: an average gross income a month of at least the amount (reading R-10; R-01 when the
    current amount is not known). ``exemption_unknown``: what could still exempt the person."""
    finding = PersonFinding(person.id, Verdict.CANNOT_TELL)
    amount = ctx.param("skaerpede.income.monthly_amount")
    ctx.reading("R-10")
    gross = (person.income or {}).get("monthly_gross")
    if gross is None:
        finding.missing = exemption_unknown + [S4.question(ctx, person, "income.monthly_gross")]
        return finding
    if not amount.is_known_on(ctx.date):
        ctx.reading("R-01")
        finding.missing = exemption_unknown + [amount_missing(ctx)]
        finding.reasons.append(_against_last_known(gross, amount))  # type: ignore[arg-type]
        return finding
    finding.thresholds.append(income_threshold(gross, amount.value))  # type: ignore[arg-type]
    if gross >= amount.value:  # type: ignore[operator]
        finding.verdict = Verdict.MET
        finding.reasons.append(
            reason(
                f"{person.id} har en bruttoindkomst på mindst {money(amount.value, 'da')} om måneden.",
                f"{person.id} has a gross income of at least {money(amount.value, 'en')} a month.",
                REF4,
            )
        )
        return finding
    finding.reasons.append(
        reason(
            f"{person.id} har en bruttoindkomst under {money(amount.value, 'da')} om måneden.",
            f"{person.id} has a gross income below {money(amount.value, 'en')} a month.",
            REF4,
        )
    )
    if exemption_unknown:
        finding.missing = exemption_unknown
        return finding
    finding.verdict = Verdict.NOT_MET
    return finding


def _against_last_known(gross: Decimal, amount: ParameterValue) -> Reason:
    """Reading R-01: the income compared with the last known amount, when the current is unknown."""
    side = "over" if gross >= amount.value else "under"  # type: ignore[operator]
    side_en = "above" if side == "over" else "below"
    since = both(day, amount.effective_from)  # type: ignore[arg-type]
    return reason(
        f"Indkomsten er {side} det seneste kendte beløb ({money(amount.value, 'da')} pr. {since.da}), men det aktuelle beløb kendes ikke.",
        f"The income is {side_en} the last known amount ({money(amount.value, 'en')} as of {since.en}), but the current amount is not known.",
        REF4,
    )


CRITERIA = (
    everyone_rule("S1", s1_employment),
    everyone_rule("S2", s2_convictions),
    everyone_rule("S3", s3_education),
    everyone_rule("S4", s4_income, income_condition),
)
