"""Bilag 4, IV.1 A.1 — *Personer i arbejde* (fast arbejde), and the seniors equal to them (afsnit 5.2.3).

A person counts as in steady work when one of these holds on the day the home is taken over:
- aged 65 or more (``a1.senior_age``), or receiving efterløn or an alderspension
  (tjenestemandspension, seniorpension, tidlig pension);
- in a flexjob (or another permanent job with public subsidy): full time whatever the hours;
- employed or self-employed at least 25 hours a week incl. lunch (``a1.min_hours_per_week``); on
  parental leave from a job not given notice, that job's hours count;
- in project/temporary work documented for three months (``a1.project_min_months``) at 25 hours a
  week or at a monthly gross pay of at least the income criterion's amount.
An elevstilling is not steady work (it may be education, A.2).

Reading R-05: self-employed people meet the hours rule on the hours they state; the agreement asks
them for CVR registration and annual accounts, not for hours.
"""

from __future__ import annotations

from decimal import Decimal

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.criteria.build import (
    Facts,
    ask,
    decided,
    meets,
    reason,
    starts_too_late,
    threshold,
)
from udlejning.criteria.income_amount import amount_missing, income_threshold
from udlejning.criteria.partner import partners_rule
from udlejning.household import Person
from udlejning.model import Missing, PersonFinding, Text, Threshold, Verdict
from udlejning.texts import both, money, number

COVERS = covers(
    "Kriterium A1: personer i arbejde",
    "Criterion A1: people in work",
    "Bilag 4, IV.1 A.1",
    "afsnit 5.2.3",
)

REF = "Bilag 4, IV.1 A.1"
REF_SENIORS = "Bilag 4, IV.1 A.1; afsnit 5.2.3"
AGE_PENSIONS = {"efterloen", "tjenestemandspension", "seniorpension", "tidlig_pension"}
A1 = Facts("A1", REF)


def work_status(
    person: Person, ctx: Context, *, pension_counts: bool = True
) -> tuple[PersonFinding, set[str]]:
    """Is this person in steady work (or equal to it)? Returns the finding and document tags.

    ``pension_counts`` is False for the skærpede criterion 1 under reading R-03: there efterløn and
    alderspension do not count as employment."""
    senior_age = ctx.value("a1.senior_age")
    equal = _equal_to_work(person, senior_age, pension_counts)
    if equal is not None:
        return equal
    finding = PersonFinding(person.id, Verdict.NOT_MET)
    open_questions = _age_and_pension_questions(person, ctx, pension_counts)
    employment = person.employment or {}
    tags: set[str] = set()
    work_verdict = _job(person, ctx, finding, open_questions, tags)
    if work_verdict in (Verdict.MET, Verdict.ORGANISATION_DECIDES):
        late = _starts_after_takeover(person, employment, ctx, finding)
        if late is None:
            finding.verdict = work_verdict
            return finding, tags
        work_verdict = late
    if open_questions:  # work_verdict is no longer MET here
        finding.verdict = Verdict.CANNOT_TELL
        finding.missing.extend(open_questions)
        return finding, tags
    finding.verdict = Verdict.NOT_MET
    return finding, tags


def _equal_to_work(
    person: Person, senior_age: int, pension_counts: bool
) -> tuple[PersonFinding, set[str]] | None:
    """Afsnit 5.2.3: seniors and people on efterløn or an alderspension count as in work."""
    if person.age is not None and person.age >= senior_age:
        senior = reason(
            f"{person.id} er {person.age} år. Fra {senior_age} år tæller man som en person i arbejde.",
            f"{person.id} is {person.age}. From {senior_age} a person counts as working.",
            REF_SENIORS,
        )
        return decided(person.id, Verdict.MET, senior), {"senior"}
    if person.pension in AGE_PENSIONS and pension_counts:
        pension = reason(
            f"{person.id} får efterløn eller alderspension og tæller derfor som en person i arbejde.",
            f"{person.id} receives early retirement pay or an age pension and so counts as working.",
            REF_SENIORS,
        )
        return decided(person.id, Verdict.MET, pension), {"pension"}
    return None


def _age_and_pension_questions(person: Person, ctx: Context, pension_counts: bool) -> list[Missing]:
    """The questions that could still make the person equal to one in work."""
    questions: list[Missing] = []
    if person.age is None:
        questions.append(A1.question(ctx, person, "age"))
    if person.pension is None and pension_counts:
        questions.append(A1.question(ctx, person, "pension"))
    return questions


def _job(
    person: Person,
    ctx: Context,
    finding: PersonFinding,
    open_questions: list[Missing],
    tags: set[str],
) -> Verdict:
    """The person's work by its kind; adds the kind's document tags."""
    employment = person.employment or {}
    kind = employment.get("kind")
    min_hours: Decimal = ctx.value("a1.min_hours_per_week")
    if kind is None:
        return ask(open_questions, A1.question(ctx, person, "employment.kind"))
    if kind in {"employee", "self_employed"}:
        tags.add(str(kind))
        if kind == "self_employed":
            ctx.reading("R-05")
        return _steady_job(person, ctx, min_hours, finding, open_questions)
    if kind == "project":
        tags.add("project")
        return _project_work(person, ctx, finding, open_questions)
    if kind == "none":
        finding.reasons.append(
            reason(f"{person.id} har ikke arbejde.", f"{person.id} has no work.", REF)
        )
    elif kind == "elev":
        finding.reasons.append(
            reason(
                "En elevstilling tæller ikke som fast arbejde. Den kan tælle som uddannelse (A2).",
                "A trainee post does not count as steady work. It may count as education (A2).",
                REF,
            )
        )
    elif kind == "flexjob":
        tags.add("flexjob")
        return meets(
            finding,
            "Fleksjob tæller som fuldtid, uanset hvor mange timer der arbejdes.",
            "A flexjob counts as full time, whatever the hours.",
            REF,
        )
    return Verdict.NOT_MET


def _hours_threshold(actual: Decimal, min_hours: Decimal) -> Threshold:
    return threshold(
        "a1.min_hours_per_week",
        min_hours,
        actual,
        f"{number(actual, 'da')} timer om ugen; A1 kræver {number(min_hours, 'da')}.",
        f"{number(actual, 'en')} hours a week; A1 requires {number(min_hours, 'en')}.",
    )


def _steady_job(
    person: Person,
    ctx: Context,
    min_hours: Decimal,
    finding: PersonFinding,
    open_questions: list[Missing],
) -> Verdict:
    """An employee or self-employed person: at least 25 hours a week (leave counts the job's)."""
    employment = person.employment or {}
    leave = _parental_leave(person, ctx, finding, open_questions)
    if leave is not None:
        return leave
    hours = employment.get("hours_per_week")
    if hours is None:
        return ask(open_questions, A1.question(ctx, person, "employment.hours_per_week"))
    assert isinstance(hours, Decimal)
    finding.thresholds.append(_hours_threshold(hours, min_hours))
    h, m = both(number, hours), both(number, min_hours)
    if hours >= min_hours:
        return meets(
            finding,
            f"{person.id} arbejder {h.da} timer om ugen, og det er mindst {m.da}.",
            f"{person.id} works {h.en} hours a week, which is at least {m.en}.",
            REF,
        )
    return A1.fails(ctx, finding, "employment.hours_per_week", person=person.id, hours=h)


def _parental_leave(
    person: Person, ctx: Context, finding: PersonFinding, open_questions: list[Missing]
) -> Verdict | None:
    """Parental leave counts by the job's hours only from a job not under notice (uopsagt stilling).

    Returns NOT_MET for leave from a job under notice, CANNOT_TELL when the notice is not stated,
    and None when the hours decide (no leave, or leave from a job not under notice)."""
    employment = person.employment or {}
    if not employment.get("on_parental_leave"):
        return None
    notice = employment.get("notice_given")
    if notice is None:
        return ask(open_questions, A1.question(ctx, person, "employment.notice_given"))
    if notice:
        return A1.fails(ctx, finding, "employment.notice_given", person=person.id)
    finding.reasons.append(
        reason(
            "Personen er på forældreorlov fra en stilling, der ikke er opsagt. Stillingens timetal tæller.",
            "The person is on parental leave from a job not under notice. The job's hours count.",
            REF,
        )
    )
    return None


def _starts_after_takeover(
    person: Person, employment: dict[str, object], ctx: Context, finding: PersonFinding
) -> Verdict | None:
    """The job must have started, or start at the latest on the takeover day (krav til dokumentation).

    Returns NOT_MET when it starts later, else None."""
    starts = employment.get("starts_on")
    if starts is None or starts <= ctx.date:  # type: ignore[operator]
        return None
    return starts_too_late(finding, starts, ctx.date, Text("Ansættelsen", "The job"), REF)  # type: ignore[arg-type]


def _organisation_decides(finding: PersonFinding, months: int) -> Verdict:
    """Project work that meets the conditions «kan efter omstændighederne sidestilles» with steady
    work: the housing organisation decides, so the answer is never a firm yes."""
    finding.reasons.append(
        reason(
            f"Projektansættelse og midlertidigt arbejde kan efter omstændighederne sidestilles med fast arbejde. Det afgør boligorganisationen. Medbring kontrakten og dokumentation for de {months} måneders arbejde.",
            f"Project or temporary work may, depending on the circumstances, be treated as steady work. The housing organisation decides. Bring the contract and proof of the {months} months of work.",
            REF,
        )
    )
    return Verdict.ORGANISATION_DECIDES


def _project_work(
    person: Person, ctx: Context, finding: PersonFinding, open_questions: list[Missing]
) -> Verdict:
    """Project or temporary work: three documented months at 25 h/week or at the income amount."""
    employment = person.employment or {}
    months_needed = ctx.value("a1.project_min_months")
    months = employment.get("project_months_documented")
    if months is None:
        return ask(open_questions, A1.question(ctx, person, "employment.project_months_documented"))
    finding.thresholds.append(
        threshold(
            "a1.project_min_months",
            months_needed,
            months,
            f"{months} måneders dokumenteret arbejde; der kræves {months_needed}.",
            f"{months} months of documented work; {months_needed} are needed.",
        )
    )
    if months < months_needed:  # type: ignore[operator]
        return A1.fails(ctx, finding, "employment.project_months_documented")
    min_hours: Decimal = ctx.value("a1.min_hours_per_week")
    hours = employment.get("hours_per_week")
    if hours is not None:
        finding.thresholds.append(_hours_threshold(hours, min_hours))  # type: ignore[arg-type]
        if hours >= min_hours:  # type: ignore[operator]
            finding.reasons.append(
                reason(
                    f"Projektarbejdet er dokumenteret i {months} måneder med mindst {number(min_hours, 'da')} timer om ugen.",
                    f"The project work is documented for {months} months at {number(min_hours, 'en')} hours a week or more.",
                    REF,
                )
            )
            return _organisation_decides(finding, months_needed)
    return _project_pay(person, ctx, finding, open_questions, months, months_needed)


def _project_pay(
    person: Person,
    ctx: Context,
    finding: PersonFinding,
    open_questions: list[Missing],
    months: int,
    months_needed: int,
) -> Verdict:
    """Project work with too few (or unknown) hours: the monthly pay may count instead (R-10)."""
    employment = person.employment or {}
    amount = ctx.param("skaerpede.income.monthly_amount")
    pay = employment.get("monthly_gross_income")
    if pay is None:
        return _project_pay_missing(person, ctx, finding, open_questions)
    ctx.reading("R-10")
    if not amount.is_known_on(ctx.date):
        ctx.reading("R-01")
        open_questions.append(amount_missing(ctx))
        return Verdict.CANNOT_TELL
    finding.thresholds.append(income_threshold(pay, amount.value))  # type: ignore[arg-type]
    if pay >= amount.value:  # type: ignore[operator]
        finding.reasons.append(
            reason(
                f"Projektarbejdet er dokumenteret i {months} måneder med en månedsløn på mindst {money(amount.value, 'da')}",
                f"The project work is documented for {months} months at a monthly pay of at least {money(amount.value, 'en')}.",
                REF,
            )
        )
        return _organisation_decides(finding, months_needed)
    return A1.fails(ctx, finding, "employment.monthly_gross_income")


def _project_pay_missing(
    person: Person, ctx: Context, finding: PersonFinding, open_questions: list[Missing]
) -> Verdict:
    """No monthly pay stated: ask for the hours, or (hours too few) for the pay."""
    if (person.employment or {}).get("hours_per_week") is None:
        hours = A1.question(ctx, person, "employment.hours_per_week", use="ask_or_pay")
        return ask(open_questions, hours)
    finding.reasons.append(
        reason(
            "Timetallet er for lavt, og der er ikke oplyst en månedsløn, der kan tælle i stedet.",
            "The hours are too few, and no monthly pay is given that could count instead.",
            REF,
        )
    )
    return ask(open_questions, A1.question(ctx, person, "employment.monthly_gross_income"))


CRITERIA = (partners_rule("A1", work_status),)
