"""Who may meet an almindeligt kriterium for the household (Bilag 4 IV.1 A.1/A.2; afsnit 5.2.2 figur 1).

The applicant on the waiting list, the applicant's spouse, or a partner (samlever) who has shared a
registered address (folkeregisteradresse) with the applicant for at least two years. Reading R-02: the
two years are counted back from the date the home is taken over, and exactly two years is enough.
"""

from __future__ import annotations

from collections.abc import Callable

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.criteria.build import (
    Facts,
    asked,
    decided,
    household_finding,
    merge,
    reason,
    years_threshold,
)
from udlejning.criteria.registry import CriterionRule
from udlejning.household import Person
from udlejning.model import Finding, PersonFinding, Text, Verdict, combine_all, combine_any

COVERS = covers(
    "Hvem kan opfylde et almindeligt kriterium for husstanden",
    "Who may meet an ordinary criterion for the household",
    "afsnit 5.2.2",
    "Bilag 4, IV.1",
)

REF = "Bilag 4, IV.1 A.1; Bilag 4, IV.1 A.2; afsnit 5.2.2 figur 1"
# facts.toml's "A": the questions about the partner, asked for A1 and A2 alike.
A = Facts("A", REF)
ALMINDELIGE_ROLES = {"applicant", "spouse", "cohabitant"}
# A person's own status under a criterion (A1: work, A2: education) and the tags of their documents.
Status = Callable[[Person, Context], tuple[PersonFinding, set[str]]]
# The threshold's sentence (build.years_threshold fills in the days and the years).
SHARED_ADDRESS = Text(
    "Fælles adresse siden {start}; {years} år er nået {reached}.",
    "Shared address since {start}; {years} years are reached on {reached}.",
)


def may_meet_for_household(person: Person, ctx: Context) -> PersonFinding:
    """Whether this person's own situation can give the household priority under A1/A2."""
    if person.role == "applicant":
        return _named_by_the_criterion(person, Text("ansøgeren", "the applicant"))
    if person.role == "spouse":
        return _named_by_the_criterion(person, Text("ægtefællen", "the spouse"))
    if person.role != "cohabitant":
        only = reason(
            "Kun ansøgeren, ægtefællen eller en samlever kan opfylde de almindelige kriterier.",
            "Only the applicant, the spouse or a partner can meet the ordinary criteria.",
            REF,
        )
        return decided(person.id, Verdict.NOT_MET, only)
    return _cohabitant(person, ctx)


def _named_by_the_criterion(person: Person, who: Text) -> PersonFinding:
    """The applicant and the spouse may always meet it for the household."""
    named = reason(
        f"Kriteriet kan opfyldes af {who.da}.", f"The criterion can be met by {who.en}.", REF
    )
    return decided(person.id, Verdict.MET, named)


def _cohabitant(person: Person, ctx: Context) -> PersonFinding:
    """A partner may meet it after two years at the applicant's registered address (reading R-02)."""
    years = ctx.value("a.cohabitation_min_years")
    ctx.reading("R-02")
    if person.shared_address_since is None:
        return asked(person.id, A.question(ctx, person, "shared_address_since"))
    enough_from, shared = years_threshold(
        "a.cohabitation_min_years", years, person.shared_address_since, SHARED_ADDRESS
    )
    if enough_from <= ctx.date:
        long_enough = reason(
            f"Samleveren har haft fælles folkeregisteradresse med ansøgeren i mindst {years} år.",
            f"The partner has shared a registered address with the applicant for at least {years} years.",
            REF,
        )
        return decided(person.id, Verdict.MET, long_enough, [shared])
    too_short = reason(
        f"Samleveren har ikke haft fælles folkeregisteradresse med ansøgeren i {years} år på overtagelsesdagen.",
        f"The partner has not shared a registered address with the applicant for {years} years on the day the home is taken over.",
        REF,
    )
    return decided(person.id, Verdict.NOT_MET, too_short, [shared])


def partners_rule(cid: str, status: Status) -> CriterionRule:
    """A1/A2: met when the applicant, the spouse or a two-year partner meets it (Bilag 4, IV.1;
    figur 1); a partner's documents include the proof of the shared address."""

    def finding(ctx: Context) -> Finding:
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
                tags |= own_tags | _cohabitant_tag(person)
        verdict = combine_any([p.verdict for p in persons])
        return household_finding(cid, ctx, verdict, persons, tags)

    def person_tags(person: Person, ctx: Context) -> set[str]:
        return status(person, ctx)[1] | _cohabitant_tag(person)

    return CriterionRule(cid, finding, person_tags)


def _cohabitant_tag(person: Person) -> set[str]:
    return {"cohabitant"} if person.role == "cohabitant" else set()
