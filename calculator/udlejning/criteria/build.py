"""Turn person findings into one household finding, with the criterion's texts and documents."""

from __future__ import annotations

from udlejning.context import Context
from udlejning.criteria.info import criterion
from udlejning.household import Person
from udlejning.model import Document, Finding, PersonFinding, Reason, Text, Verdict

# A helper of the criteria, no rule of its own (udlejning.coverage).
COVERS = None


def merge(person_id: str, parts: list[PersonFinding], verdict: Verdict) -> PersonFinding:
    out = PersonFinding(person_id, verdict)
    for part in parts:
        out.reasons.extend(part.reasons)
        out.thresholds.extend(part.thresholds)
        if verdict == Verdict.CANNOT_TELL:
            out.missing.extend(part.missing)
    return out


def household_finding(
    cid: str,
    ctx: Context,
    verdict: Verdict,
    persons: list[PersonFinding],
    tags: set[str],
    extra_reasons: list[Reason] | None = None,
) -> Finding:
    info = criterion(cid)
    met_by = [p.person for p in persons if p.verdict == Verdict.MET]
    relevant = [p for p in persons if p.verdict == verdict] or persons
    reasons = list(extra_reasons or [])
    for p in relevant:
        reasons.extend(r for r in p.reasons if r not in reasons)
    thresholds = [t for p in persons for t in p.thresholds]
    missing = [m for p in persons for m in p.missing] if verdict == Verdict.CANNOT_TELL else []
    documents = info.documents_for(tags) if verdict != Verdict.NOT_MET else []
    return Finding(
        id=info.id,
        group=info.group,
        title=ctx.fill(info.title),
        verdict=verdict,
        references=list(info.references),
        scope=ctx.fill(info.scope),
        met_by=met_by,
        reasons=reasons,
        missing=missing,
        thresholds=thresholds,
        documents=[_document(ctx, info.persons_from_age(d), d) for d in documents],
        persons=persons,
    )


def _document(ctx: Context, from_age: str | None, document: Document) -> Document:
    """A document with its texts filled; one that names an age also names who must bring it
    (e.g. the straffeattest: everyone moving in aged 15 or more, Bilag 4, IV.2 nr. 2)."""
    text = ctx.fill(document.text)
    if from_age is None:
        return Document(text, document.reference)
    age = int(ctx.value(from_age))
    persons = tuple(p.id for p in ctx.household.persons if p.age is not None and p.age >= age)
    unknown = [p.id for p in ctx.household.persons if p.age is None]
    who = Text(", ".join(persons) or "ingen", ", ".join(persons) or "nobody")
    extra = Text(
        f" Alder mangler for {', '.join(unknown)}." if unknown else "",
        f" The age is missing for {', '.join(unknown)}." if unknown else "",
    )
    text = Text(
        f"{text.da} Det gælder: {who.da}.{extra.da}", f"{text.en} That is: {who.en}.{extra.en}"
    )
    return Document(text, document.reference, persons)


def age_group(person: Person, low: int, high: int) -> bool | None:
    """True inside ``low``–``high`` (both included), False outside, None when the age is missing.

    Reading R-11: age is the person's age on the takeover day, and both ends of a group count
    (18–64 covers a 64-year-old, not a 65-year-old).
    """
    if person.age is None:
        return None
    return low <= person.age <= high


def outside_group(person: Person, low: int, high: int, ref: str) -> PersonFinding:
    return PersonFinding(
        person.id,
        Verdict.NOT_COVERED,
        [
            Reason(
                Text(
                    f"{person.id} er {person.age} år og er uden for aldersgruppen {low}–{high} år.",
                    f"{person.id} is {person.age} and outside the age group {low}–{high}.",
                ),
                ref,
            )
        ],
    )
