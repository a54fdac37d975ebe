"""How a rule module registers the criteria it decides (issue 9).

A module of ``udlejning.criteria`` that decides criteria ends with ``CRITERIA``: one ``CriterionRule``
for each, naming the criterion (its ``id`` in ``almindelige.toml`` or ``skaerpede.toml``), the
household's finding and the tags that choose a person's documents (``udlejning.summary``).
``udlejning.criteria.rules`` finds them in every module of the package, as ``udlejning.coverage``
finds the sections each module covers, and runs them in the order of the TOML files.

The constructors here make the two ways a household meets a criterion through one finding or through
every person (the almindelige ones through the applicant or a partner are in ``partner``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from udlejning.context import Context
from udlejning.criteria.build import household_finding
from udlejning.household import Person
from udlejning.model import Condition, Finding, PersonFinding, combine_all

# A helper of the criteria, no rule of its own (udlejning.coverage).
COVERS = None

PersonTags = Callable[[Person, Context], set[str]]
PersonRule = Callable[[Person, Context], PersonFinding | tuple[PersonFinding, set[str]]]


def no_tags(_person: Person, _ctx: Context) -> set[str]:
    """A criterion whose documents do not depend on the person's situation (only "always" ones)."""
    return set()


@dataclass(frozen=True)
class CriterionRule:
    """A criterion's rule: the household's ``finding`` and, per person, the tags that choose the
    documents that person brings (``CriterionInfo.documents_for``)."""

    id: str
    finding: Callable[[Context], Finding]
    person_tags: PersonTags = no_tags


def household_rule(
    cid: str, status: Callable[[Context], tuple[PersonFinding, set[str]]]
) -> CriterionRule:
    """A criterion the household meets by one finding (``status``), e.g. the applicant's break-up."""

    def finding(ctx: Context) -> Finding:
        person, tags = status(ctx)
        return household_finding(cid, ctx, person.verdict, [person], tags)

    return CriterionRule(cid, finding, lambda _person, ctx: status(ctx)[1])


def _with_tags(
    result: PersonFinding | tuple[PersonFinding, set[str]],
) -> tuple[PersonFinding, set[str]]:
    return result if isinstance(result, tuple) else (result, set())


def everyone_rule(
    cid: str,
    person_rule: PersonRule,
    condition: Callable[[Context, Finding], Condition | None] | None = None,
) -> CriterionRule:
    """Skærpede: every person moving in who is covered must meet it (Bilag 4, IV.2); ``condition``
    adds what the answer holds on (S4: the income amount)."""

    def finding(ctx: Context) -> Finding:
        persons: list[PersonFinding] = []
        tags: set[str] = set()
        for person in ctx.household.persons:
            found, person_tags = _with_tags(person_rule(person, ctx))
            persons.append(found)
            tags |= person_tags
        verdict = combine_all([p.verdict for p in persons])
        out = household_finding(cid, ctx, verdict, persons, tags)
        if condition is not None:
            out.condition = condition(ctx, out)
        return out

    return CriterionRule(cid, finding, lambda person, ctx: _with_tags(person_rule(person, ctx))[1])
