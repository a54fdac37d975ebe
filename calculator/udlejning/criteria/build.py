"""The criteria's named constructors (a reason, a question, a threshold, a finding decided by one
reason or waiting on one question), and the household finding made from the person findings, with
the criterion's texts and documents. ``Facts``: what a criterion asks when a field it needs is
missing and the reason it gives when the field rules the person out, from facts.toml."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from udlejning import data_files
from udlejning.context import Context
from udlejning.criteria.info import all_criteria, criterion
from udlejning.household import Person
from udlejning.model import (
    Document,
    Finding,
    Missing,
    PersonFinding,
    Reason,
    Text,
    Threshold,
    Verdict,
)
from udlejning.parameters import add_years
from udlejning.texts import both, day

# A helper of the criteria, no rule of its own (udlejning.coverage).
COVERS = None


def reason(da: str, en: str, ref: str) -> Reason:
    """One step of a criterion's explanation, in Danish and English, with the section it rests on."""
    return Reason(Text(da, en), ref)


def fails(finding: PersonFinding, da: str, en: str, ref: str) -> Verdict:
    """Give the reason the person does not meet a condition; the condition's verdict: not met."""
    finding.reasons.append(Reason(Text(da, en), ref))
    return Verdict.NOT_MET


def meets(finding: PersonFinding, da: str, en: str, ref: str) -> Verdict:
    """Give the reason the person meets a condition; the condition's verdict: met."""
    finding.reasons.append(Reason(Text(da, en), ref))
    return Verdict.MET


def starts_too_late(
    finding: PersonFinding, starts: date, on: date, what: Text, ref: str
) -> Verdict:
    """Give the reason that ``what`` the criterion counts (a job, an education; as the subject of
    the sentence) starts after the takeover day ``on``; the condition's verdict: not met."""
    s, d = both(day, starts), both(day, on)
    return fails(
        finding,
        f"{what.da} begynder {s.da}, efter overtagelsesdagen {d.da}. Den skal begynde senest på overtagelsesdagen.",
        f"{what.en} starts on {s.en}, after the takeover day {d.en}. It must start by the takeover day.",
        ref,
    )


def ask(questions: list[Missing], question: Missing) -> Verdict:
    """Ask for the fact a condition needs; the condition's verdict until then: cannot tell."""
    questions.append(question)
    return Verdict.CANNOT_TELL


FACTS_FILE = "criteria/facts.toml"


@cache
def _facts() -> dict[str, Any]:
    """facts.toml: {criterion: {field: {use ("ask", "fails", …): {"da": …, "en": …}}}}, with the
    facts a criterion declares in its own entry instead (``[criterion.facts."field"]``)."""
    out = data_files.toml(FACTS_FILE)
    for info in all_criteria().values():
        if info.facts and out.setdefault(info.id, info.facts) is not info.facts:
            raise ValueError(f"criterion {info.id}: facts in facts.toml and in its entry")
    return out


def _in_language(values: Mapping[str, object], lang: str) -> dict[str, object]:
    """The rule's own values for one language: a Text gives its ``lang`` part, anything else
    stands as it is written."""
    return {k: getattr(v, lang) if isinstance(v, Text) else v for k, v in values.items()}


@dataclass(frozen=True)
class Facts:
    """What criterion ``cid`` asks when a field it needs is missing, and the reason it gives when
    the field rules the person out (facts.toml); ``ref``: the section those reasons rest on."""

    cid: str
    ref: str

    def text(self, ctx: Context, field: str, use: str, values: Mapping[str, object]) -> Text:
        """The sentence for ``field`` and ``use`` (``ask``, ``fails``, …): first the parameters
        named ``{{name}}`` (``Context.fill``), then the rule's own ``{name}`` values."""
        raw = _facts()[self.cid][field][use]
        filled = ctx.fill(Text(raw["da"], raw["en"]))
        return Text(
            filled.da.format_map(_in_language(values, "da")),
            filled.en.format_map(_in_language(values, "en")),
        )

    def question(
        self, ctx: Context, person: Person | None, field: str, use: str = "ask", **values: object
    ) -> Missing:
        """The question asked when ``field`` is missing: a field of ``person``
        (``household[i].…``), or of the document itself when ``person`` is None (B1's separation)."""
        path = field if person is None else person.path(*field.split("."))
        return Missing(path, self.text(ctx, field, use, values))

    def fails(self, ctx: Context, finding: PersonFinding, field: str, **values: object) -> Verdict:
        """Give the reason ``field`` rules the person out; the condition's verdict: not met."""
        finding.reasons.append(Reason(self.text(ctx, field, "fails", values), self.ref))
        return Verdict.NOT_MET

    def needs_yes(
        self,
        ctx: Context,
        finding: PersonFinding,
        questions: list[Missing],
        person: Person | None,
        field: str,
        answer: bool | None,
    ) -> Verdict:
        """A yes/no ``field`` the condition needs to be yes: asked when it is missing (``answer``
        None), met on yes, not met on no with the field's reason."""
        if answer is None:
            return ask(questions, self.question(ctx, person, field))
        if answer:
            return Verdict.MET
        return self.fails(ctx, finding, field)


def threshold(parameter: str, required: object, actual: object, da: str, en: str) -> Threshold:
    """The parameter that decides, its required value and the household's own (both as text)."""
    return Threshold(parameter, str(required), str(actual), Text(da, en))


def years_threshold(
    parameter: str, years: int, start: date, sentence: Text
) -> tuple[date, Threshold]:
    """The day ``years`` after ``start`` (``add_years``) and the threshold that shows it; the
    sentence names the two days as ``{start}`` and ``{reached}`` and the years as ``{years}``."""
    reached = add_years(start, years)
    since, until = both(day, start), both(day, reached)
    text = Text(
        sentence.da.format(start=since.da, reached=until.da, years=years),
        sentence.en.format(start=since.en, reached=until.en, years=years),
    )
    return reached, Threshold(parameter, str(years), start.isoformat(), text)


def decided(
    person_id: str, verdict: Verdict, because: Reason, thresholds: list[Threshold] | None = None
) -> PersonFinding:
    """A person's finding decided by one reason: met, not met or not covered."""
    return PersonFinding(person_id, verdict, [because], thresholds=list(thresholds or []))


def asked(person_id: str, question: Missing) -> PersonFinding:
    """A person's finding that cannot tell before one question is answered."""
    return PersonFinding(person_id, Verdict.CANNOT_TELL, missing=[question])


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
    outside = reason(
        f"{person.id} er {person.age} år og er uden for aldersgruppen {low}–{high} år.",
        f"{person.id} is {person.age} and outside the age group {low}–{high}.",
        ref,
    )
    return decided(person.id, Verdict.NOT_COVERED, outside)
