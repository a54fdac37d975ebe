"""Bilag 4, IV.1 C.1 — a household member with a physical disability who needs an accessible home.

Met when someone in the household has a physical disability and, because of it, needs a
tilgængelighedsbolig (documented by the municipality's handicap centre). It gives priority only to
homes designated as accessible homes (up to 5 % of a section's family homes, Bilag 4, IV), and the
household must also meet whatever the section's letting wheel requires (afsnit 5.2.3).
"""

from __future__ import annotations

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.criteria.build import Facts, asked, decided, household_finding, reason
from udlejning.criteria.registry import CriterionRule
from udlejning.household import Person
from udlejning.model import Finding, PersonFinding, Verdict, combine_any

COVERS = covers(
    "Kriterium C1: fysisk handicap",
    "Criterion C1: physical disability",
    "Bilag 4, IV.1 C.1",
    "afsnit 5.2.3",
)

REF = "Bilag 4, IV.1 C.1"
C1 = Facts("C1", REF)


def disability_status(ctx: Context) -> list[PersonFinding]:
    return [_needs_accessible_home(person, ctx) for person in ctx.household.persons]


def c1(ctx: Context) -> Finding:
    """Met when someone in the household needs an accessible home."""
    persons = disability_status(ctx)
    return household_finding("C1", ctx, combine_any([p.verdict for p in persons]), persons, set())


def _needs_accessible_home(person: Person, ctx: Context) -> PersonFinding:
    need = person.needs_accessible_home
    if need is None:
        return asked(person.id, C1.question(ctx, person, "needs_accessible_home"))
    if not need:
        return PersonFinding(person.id, Verdict.NOT_MET)
    needs = reason(
        f"{person.id} har et fysisk handicap og brug for en tilgængelighedsbolig.",
        f"{person.id} has a physical disability and needs an accessible home.",
        REF,
    )
    return decided(person.id, Verdict.MET, needs)


CRITERIA = (CriterionRule("C1", c1),)
