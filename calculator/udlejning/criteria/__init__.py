"""The flexible criteria of Bilag 4, IV: almindelige (A1, A2, B1, C1) and skærpede (S1–S4).

Find a rule by its section: ``bilag4_iv1_a1_work`` is Bilag 4, IV.1 A.1, ``bilag4_iv2_skaerpede`` is
Bilag 4, IV.2 nr. 1–4. Texts shown to people live in ``almindelige.toml`` and ``skaerpede.toml``.
"""

from __future__ import annotations

from udlejning.context import Context
from udlejning.criteria.bilag4_iv1_a1_work import work_status
from udlejning.criteria.bilag4_iv1_a2_education import education_status
from udlejning.criteria.bilag4_iv1_b1_separation import separation_status
from udlejning.criteria.bilag4_iv1_c1_disability import disability_status
from udlejning.criteria.bilag4_iv2_skaerpede import (
    s1_employment,
    s2_convictions,
    s3_education,
    s4_income,
)
from udlejning.criteria.build import household_finding, merge
from udlejning.criteria.income_amount import income_condition
from udlejning.criteria.partner import may_meet_for_household
from udlejning.model import Finding, PersonFinding, Verdict, combine_all, combine_any

ALMINDELIGE_ROLES = {"applicant", "spouse", "cohabitant"}


def _a_criterion(cid: str, ctx: Context, status) -> Finding:  # type: ignore[no-untyped-def]
    """A1/A2: met when the applicant, the spouse or a two-year partner meets it (Bilag 4, IV.1; figur 1)."""
    persons: list[PersonFinding] = []
    tags: set[str] = set()
    for person in ctx.household.persons:
        if person.role not in ALMINDELIGE_ROLES:
            continue
        who = may_meet_for_household(person, ctx)
        own, own_tags = status(person, ctx)
        verdict = combine_all([own.verdict, who.verdict])
        parts = [own, who] if person.role == "cohabitant" else [own]
        persons.append(merge(person.id, parts, verdict))
        if verdict != Verdict.NOT_MET:
            tags |= own_tags | ({"cohabitant"} if person.role == "cohabitant" else set())
    verdict = combine_any([p.verdict for p in persons])
    return household_finding(cid, ctx, verdict, persons, tags)


def a1(ctx: Context) -> Finding:
    return _a_criterion("A1", ctx, work_status)


def a2(ctx: Context) -> Finding:
    return _a_criterion("A2", ctx, lambda p, c: education_status(p, c, youth_circle=True))


def b1(ctx: Context) -> Finding:
    person, tags = separation_status(ctx)
    return household_finding("B1", ctx, person.verdict, [person], tags)


def c1(ctx: Context) -> Finding:
    persons = disability_status(ctx)
    return household_finding("C1", ctx, combine_any([p.verdict for p in persons]), persons, set())


def _everyone(cid: str, ctx: Context, rule) -> Finding:  # type: ignore[no-untyped-def]
    """Skærpede: every person moving in who is covered must meet it (Bilag 4, IV.2)."""
    persons: list[PersonFinding] = []
    tags: set[str] = set()
    for person in ctx.household.persons:
        result = rule(person, ctx)
        finding, person_tags = result if isinstance(result, tuple) else (result, set())
        persons.append(finding)
        tags |= person_tags
    verdict = combine_all([p.verdict for p in persons])
    return household_finding(cid, ctx, verdict, persons, tags)


def s1(ctx: Context) -> Finding:
    return _everyone("S1", ctx, s1_employment)


def s2(ctx: Context) -> Finding:
    return _everyone("S2", ctx, s2_convictions)


def s3(ctx: Context) -> Finding:
    return _everyone("S3", ctx, s3_education)


def s4(ctx: Context) -> Finding:
    finding = _everyone("S4", ctx, s4_income)
    finding.condition = income_condition(ctx, finding)
    return finding


ALL = (a1, a2, b1, c1, s1, s2, s3, s4)


def evaluate_criteria(ctx: Context) -> list[Finding]:
    """Every criterion, each listing the readings (R-xx) its rule used."""
    out: list[Finding] = []
    for rule in ALL:
        ctx.readings.start()
        finding = rule(ctx)
        finding.readings = sorted(ctx.readings.used)
        out.append(finding)
    return out
