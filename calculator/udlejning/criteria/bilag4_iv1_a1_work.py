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
from udlejning.criteria.income_amount import amount_missing, income_threshold
from udlejning.household import Person
from udlejning.model import Missing, PersonFinding, Reason, Text, Threshold, Verdict
from udlejning.texts import both, day, money, number

COVERS = covers(
    "Kriterium A1: personer i arbejde",
    "Criterion A1: people in work",
    "Bilag 4, IV.1 A.1",
    "afsnit 5.2.3",
)

REF = "Bilag 4, IV.1 A.1"
AGE_PENSIONS = {"efterloen", "tjenestemandspension", "seniorpension", "tidlig_pension"}


def _reason(da: str, en: str, ref: str = REF) -> Reason:
    return Reason(Text(da, en), ref)


def work_status(
    person: Person, ctx: Context, *, pension_counts: bool = True
) -> tuple[PersonFinding, set[str]]:
    """Is this person in steady work (or equal to it)? Returns the finding and document tags.

    ``pension_counts`` is False for the skærpede criterion 1 under reading R-03: there efterløn and
    alderspension do not count as employment."""
    senior_age = ctx.value("a1.senior_age")
    finding = PersonFinding(person.id, Verdict.NOT_MET)
    open_questions: list[Missing] = []

    if person.age is not None and person.age >= senior_age:
        finding.verdict = Verdict.MET
        finding.reasons.append(
            _reason(
                f"{person.id} er {person.age} år. Fra {senior_age} år tæller man som en person i arbejde.",
                f"{person.id} is {person.age}. From {senior_age} a person counts as working.",
                "Bilag 4, IV.1 A.1; afsnit 5.2.3",
            )
        )
        return finding, {"senior"}
    if person.pension in AGE_PENSIONS and pension_counts:
        finding.verdict = Verdict.MET
        finding.reasons.append(
            _reason(
                f"{person.id} får efterløn eller alderspension og tæller derfor som en person i arbejde.",
                f"{person.id} receives early retirement pay or an age pension and so counts as working.",
                "Bilag 4, IV.1 A.1; afsnit 5.2.3",
            )
        )
        return finding, {"pension"}

    if person.age is None:
        open_questions.append(
            Missing(
                person.path("age"),
                Text(
                    f"Alder mangler: fra {senior_age} år tæller man som i arbejde.",
                    f"Age is missing: from {senior_age} a person counts as working.",
                ),
            )
        )
    if person.pension is None and pension_counts:
        open_questions.append(
            Missing(
                person.path("pension"),
                Text(
                    "Får personen efterløn eller alderspension? Så tæller personen som i arbejde.",
                    "Does the person receive early retirement pay or an age pension? Then the person counts as working.",
                ),
            )
        )

    employment = person.employment or {}
    kind = employment.get("kind")
    hours = employment.get("hours_per_week")
    min_hours: Decimal = ctx.value("a1.min_hours_per_week")
    tags: set[str] = set()

    def hours_threshold(actual: Decimal) -> Threshold:
        return Threshold(
            "a1.min_hours_per_week",
            str(min_hours),
            str(actual),
            Text(
                f"{number(actual, 'da')} timer om ugen; A1 kræver {number(min_hours, 'da')}.",
                f"{number(actual, 'en')} hours a week; A1 requires {number(min_hours, 'en')}.",
            ),
        )

    work_verdict = Verdict.NOT_MET
    if kind is None:
        work_verdict = Verdict.CANNOT_TELL
        open_questions.append(
            Missing(
                person.path("employment", "kind"),
                Text("Har personen arbejde, og hvilket?", "Does the person work, and how?"),
            )
        )
    elif kind == "none":
        finding.reasons.append(
            _reason(f"{person.id} har ikke arbejde.", f"{person.id} has no work.")
        )
    elif kind == "elev":
        finding.reasons.append(
            _reason(
                "En elevstilling tæller ikke som fast arbejde. Den kan tælle som uddannelse (A2).",
                "A trainee post does not count as steady work. It may count as education (A2).",
            )
        )
    elif kind == "flexjob":
        work_verdict = Verdict.MET
        tags.add("flexjob")
        finding.reasons.append(
            _reason(
                "Fleksjob tæller som fuldtid, uanset hvor mange timer der arbejdes.",
                "A flexjob counts as full time, whatever the hours.",
            )
        )
    elif kind in {"employee", "self_employed"}:
        tags.add(str(kind))
        if kind == "self_employed":
            ctx.reading("R-05")
        leave = _parental_leave(person, employment, finding, open_questions)
        if leave is not None:
            work_verdict = leave
        elif hours is None:
            work_verdict = Verdict.CANNOT_TELL
            open_questions.append(
                Missing(
                    person.path("employment", "hours_per_week"),
                    Text(
                        f"Hvor mange timer om ugen? A1 kræver mindst {number(min_hours, 'da')}.",
                        f"How many hours a week? A1 requires at least {number(min_hours, 'en')}.",
                    ),
                )
            )
        else:
            assert isinstance(hours, Decimal)
            finding.thresholds.append(hours_threshold(hours))
            if hours >= min_hours:
                work_verdict = Verdict.MET
                finding.reasons.append(
                    _reason(
                        f"{person.id} arbejder {number(hours, 'da')} timer om ugen, og det er mindst {number(min_hours, 'da')}.",
                        f"{person.id} works {number(hours, 'en')} hours a week, which is at least {number(min_hours, 'en')}.",
                    )
                )
            else:
                finding.reasons.append(
                    _reason(
                        f"{person.id} arbejder {number(hours, 'da')} timer om ugen. Det er under de {number(min_hours, 'da')} timer, A1 kræver.",
                        f"{person.id} works {number(hours, 'en')} hours a week. That is below the {number(min_hours, 'en')} hours A1 requires.",
                    )
                )
    elif kind == "project":
        tags.add("project")
        work_verdict = _project_work(person, ctx, finding, open_questions, hours_threshold)

    if work_verdict in (Verdict.MET, Verdict.ORGANISATION_DECIDES):
        late = _starts_after_takeover(person, employment, ctx, finding)
        if late is None:
            finding.verdict = work_verdict
            return finding, tags
        work_verdict = late
    if work_verdict == Verdict.MET:
        finding.verdict = Verdict.MET
        return finding, tags
    if open_questions:
        finding.verdict = Verdict.CANNOT_TELL
        finding.missing.extend(open_questions)
        return finding, tags
    finding.verdict = Verdict.NOT_MET
    return finding, tags


def _parental_leave(person, employment, finding, open_questions) -> Verdict | None:  # type: ignore[no-untyped-def]
    """Parental leave counts by the job's hours only from a job not under notice (uopsagt stilling).

    Returns NOT_MET for leave from a job under notice, CANNOT_TELL when the notice is not stated,
    and None when the hours decide (no leave, or leave from a job not under notice)."""
    if not employment.get("on_parental_leave"):
        return None
    notice = employment.get("notice_given")
    if notice is None:
        open_questions.append(
            Missing(
                person.path("employment", "notice_given"),
                Text(
                    "Er stillingen opsagt? Forældreorlov tæller kun fra en stilling, der ikke er opsagt.",
                    "Has the job been given notice? Parental leave counts only from a job not under notice.",
                ),
            )
        )
        return Verdict.CANNOT_TELL
    if notice:
        finding.reasons.append(
            _reason(
                f"{person.id} er på forældreorlov fra en stilling, der er opsagt. Orloven tæller kun fra en stilling, der ikke er opsagt.",
                f"{person.id} is on parental leave from a job under notice. Leave counts only from a job not under notice.",
            )
        )
        return Verdict.NOT_MET
    finding.reasons.append(
        _reason(
            "Personen er på forældreorlov fra en stilling, der ikke er opsagt. Stillingens timetal tæller.",
            "The person is on parental leave from a job not under notice. The job's hours count.",
        )
    )
    return None


def _starts_after_takeover(person, employment, ctx, finding) -> Verdict | None:  # type: ignore[no-untyped-def]
    """The job must have started, or start at the latest on the takeover day (krav til dokumentation).

    Returns NOT_MET when it starts later, else None."""
    starts = employment.get("starts_on")
    if starts is None or starts <= ctx.date:
        return None
    s, d = both(day, starts), both(day, ctx.date)
    finding.reasons.append(
        _reason(
            f"Ansættelsen begynder {s.da}, efter overtagelsesdagen {d.da}. Den skal begynde senest på overtagelsesdagen.",
            f"The job starts on {s.en}, after the takeover day {d.en}. It must start by the takeover day.",
        )
    )
    return Verdict.NOT_MET


def _organisation_decides(finding: PersonFinding, months: int) -> Verdict:
    """Project work that meets the conditions «kan efter omstændighederne sidestilles» with steady
    work: the housing organisation decides, so the answer is never a firm yes."""
    finding.reasons.append(
        _reason(
            f"Projektansættelse og midlertidigt arbejde kan efter omstændighederne sidestilles med fast arbejde. Det afgør boligorganisationen. Medbring kontrakten og dokumentation for de {months} måneders arbejde.",
            f"Project or temporary work may, depending on the circumstances, be treated as steady work. The housing organisation decides. Bring the contract and proof of the {months} months of work.",
        )
    )
    return Verdict.ORGANISATION_DECIDES


def _project_work(person, ctx, finding, open_questions, hours_threshold) -> Verdict:  # type: ignore[no-untyped-def]
    """Project or temporary work: three documented months at 25 h/week or at the income amount."""
    employment = person.employment or {}
    months_needed = ctx.value("a1.project_min_months")
    months = employment.get("project_months_documented")
    hours = employment.get("hours_per_week")
    pay = employment.get("monthly_gross_income")
    if months is None:
        open_questions.append(
            Missing(
                person.path("employment", "project_months_documented"),
                Text(
                    f"Hvor mange måneders projektarbejde kan dokumenteres? Der kræves {months_needed}.",
                    f"How many months of project work can be documented? {months_needed} are needed.",
                ),
            )
        )
        return Verdict.CANNOT_TELL
    finding.thresholds.append(
        Threshold(
            "a1.project_min_months",
            str(months_needed),
            str(months),
            Text(
                f"{months} måneders dokumenteret arbejde; der kræves {months_needed}.",
                f"{months} months of documented work; {months_needed} are needed.",
            ),
        )
    )
    if months < months_needed:
        finding.reasons.append(
            Reason(
                Text(
                    f"Projekt- eller midlertidigt arbejde tæller først, når det er dokumenteret i {months_needed} måneder.",
                    f"Project or temporary work counts only when documented for {months_needed} months.",
                ),
                REF,
            )
        )
        return Verdict.NOT_MET
    min_hours = ctx.value("a1.min_hours_per_week")
    if hours is not None:
        finding.thresholds.append(hours_threshold(hours))
        if hours >= min_hours:
            finding.reasons.append(
                Reason(
                    Text(
                        f"Projektarbejdet er dokumenteret i {months} måneder med mindst {number(min_hours, 'da')} timer om ugen.",
                        f"The project work is documented for {months} months at {number(min_hours, 'en')} hours a week or more.",
                    ),
                    REF,
                )
            )
            return _organisation_decides(finding, months_needed)
    amount = ctx.param("skaerpede.income.monthly_amount")
    if pay is None:
        if hours is None:
            open_questions.append(
                Missing(
                    person.path("employment", "hours_per_week"),
                    Text(
                        f"Hvor mange timer om ugen? Der kræves {number(min_hours, 'da')} (eller en bestemt månedsløn).",
                        f"How many hours a week? {number(min_hours, 'en')} are needed (or a certain monthly pay).",
                    ),
                )
            )
            return Verdict.CANNOT_TELL
        finding.reasons.append(
            Reason(
                Text(
                    "Timetallet er for lavt, og der er ikke oplyst en månedsløn, der kan tælle i stedet.",
                    "The hours are too few, and no monthly pay is given that could count instead.",
                ),
                REF,
            )
        )
        open_questions.append(
            Missing(
                person.path("employment", "monthly_gross_income"),
                Text("Hvad er bruttolønnen om måneden?", "What is the gross pay a month?"),
            )
        )
        return Verdict.CANNOT_TELL
    ctx.reading("R-10")
    if not amount.is_known_on(ctx.date):
        ctx.reading("R-01")
        open_questions.append(amount_missing(ctx))
        return Verdict.CANNOT_TELL
    finding.thresholds.append(income_threshold(pay, amount.value))
    if pay >= amount.value:
        finding.reasons.append(
            Reason(
                Text(
                    f"Projektarbejdet er dokumenteret i {months} måneder med en månedsløn på mindst {money(amount.value, 'da')}",
                    f"The project work is documented for {months} months at a monthly pay of at least {money(amount.value, 'en')}.",
                ),
                REF,
            )
        )
        return _organisation_decides(finding, months_needed)
    finding.reasons.append(
        Reason(
            Text(
                f"Månedslønnen er under {money(amount.value, 'da')}, og timetallet er under {number(min_hours, 'da')}.",
                f"The monthly pay is below {money(amount.value, 'en')}, and the hours are below {number(min_hours, 'en')}.",
            ),
            REF,
        )
    )
    return Verdict.NOT_MET
