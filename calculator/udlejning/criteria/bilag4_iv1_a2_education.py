"""Bilag 4, IV.1 A.2 — *Unge under uddannelse*.

A person counts as in education when the education qualifies for SU, or there is an
uddannelsesaftale or a lærlingekontrakt, and it has started, or starts at the latest on the day the
home is taken over. For the A2 priority the young person must also belong to the circle who can rent
social youth housing (``youth_housing_eligible``).

Reading R-04: the agreement does not define that circle; afsnit 8.2 names the municipality's target
group for youth homes as young people «fra 18 til ca. 30 år» in or about to start education, and
Bilag 7 allocates only people under 30. So a person in counting education aged 18–29
(``a2.youth_age_from``, ``a2.youth_age_below``) is in the circle; the user can correct it with
``youth_housing_eligible``. The alternative reading asks the user and answers «cannot tell» without it. Reading R-06: for the skærpede criterion 1
(Bilag 4, IV.2 nr. 1) education counts without the youth-housing condition: that condition names
A2's target group, not what counts as education.
"""

from __future__ import annotations

from functools import partial

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.criteria.build import Facts, ask, asked, decided, meets, reason, starts_too_late
from udlejning.criteria.partner import partners_rule
from udlejning.household import Person
from udlejning.model import Missing, PersonFinding, Text, Verdict

COVERS = covers(
    "Kriterium A2: unge under uddannelse",
    "Criterion A2: young people in education",
    "Bilag 4, IV.1 A.2",
    "afsnit 5.2.3",
)

REF = "Bilag 4, IV.1 A.2"
REF_CIRCLE = "Bilag 4, IV.1 A.2; afsnit 8.2; Bilag 7"
COUNTING_KINDS = {"su", "uddannelsesaftale", "laerlingekontrakt"}
A2 = Facts("A2", REF)


def education_status(
    person: Person, ctx: Context, *, youth_circle: bool
) -> tuple[PersonFinding, set[str]]:
    education = person.education or {}
    kind = education.get("kind")
    if kind is None:
        return asked(person.id, A2.question(ctx, person, "education.kind")), set()
    if kind not in COUNTING_KINDS:
        not_counting = reason(
            "Personen er ikke i en SU-berettiget uddannelse, en uddannelsesaftale eller en lærlingekontrakt.",
            "The person is not in education that qualifies for SU, a training agreement or an apprenticeship.",
            REF,
        )
        return decided(person.id, Verdict.NOT_MET, not_counting), set()
    finding = PersonFinding(person.id, Verdict.NOT_MET)
    tags: set[str] = {str(kind)}
    missing: list[Missing] = []
    verdicts = [_started(person, ctx, finding, missing, tags)]
    if youth_circle:
        verdicts.append(_youth_circle(person, ctx, finding, missing))
    else:
        ctx.reading("R-06")
    if Verdict.NOT_MET in verdicts:
        finding.verdict = Verdict.NOT_MET
    elif Verdict.CANNOT_TELL in verdicts:
        finding.verdict = Verdict.CANNOT_TELL
        finding.missing.extend(missing)
    else:
        finding.verdict = Verdict.MET
    return finding, tags


def _started(
    person: Person, ctx: Context, finding: PersonFinding, missing: list[Missing], tags: set[str]
) -> Verdict:
    """The education counts when it has started, or starts at the latest on the takeover day."""
    starts = (person.education or {}).get("starts_on")
    if starts is None:
        return ask(missing, A2.question(ctx, person, "education.starts_on"))
    if starts > ctx.date:  # type: ignore[operator]
        return starts_too_late(finding, starts, ctx.date, Text("Uddannelsen", "The education"), REF)
    tags.add("not_started")  # the document is itself conditional ("if not started yet")
    return meets(
        finding,
        "Personen er i gang med en uddannelse, der tæller (SU-berettiget, uddannelsesaftale eller lærlingekontrakt).",
        "The person is in education that counts (qualifies for SU, a training agreement or an apprenticeship).",
        REF,
    )


def _youth_circle(
    person: Person, ctx: Context, finding: PersonFinding, missing: list[Missing]
) -> Verdict:
    """A2's youth-housing circle: the user's own answer, else derived from age (reading R-04)."""
    eligible = (person.education or {}).get("youth_housing_eligible")
    ask_only = ctx.reading("R-04")
    low, below = ctx.value("a2.youth_age_from"), ctx.value("a2.youth_age_below")
    if eligible is None and not ask_only and person.age is not None:
        eligible = low <= person.age < below
        finding.reasons.append(
            reason(
                f"{person.id} er {person.age} år. Vi regner unge under uddannelse fra {low} år og under {below} år til kredsen for ungdomsboliger (læsning R-04). Er det forkert, kan du rette det.",
                f"{person.id} is {person.age}. We count young people in education from {low} and under {below} as the youth-housing circle (reading R-04). If that is wrong, you can correct it.",
                REF_CIRCLE,
            )
        )
    field = "education.youth_housing_eligible"
    return A2.needs_yes(ctx, finding, missing, person, field, eligible)


# A2 is for the young in education (the youth-housing circle, reading R-04).
CRITERIA = (partners_rule("A2", partial(education_status, youth_circle=True)),)
