"""The answer first, in words: a short verdict, who meets what, the documents to bring and what to do next.

``household_summary`` turns the criteria's findings (``udlejning.criteria``) into what a home seeker reads
first (issue 10): which flexible criteria the household meets, and for each skærpet criterion who in its
age group meets it and who does not, every line naming its person (the ``id`` the user gave, else
«Person 1» …). The rules stay in the criteria modules; this module only words their answers.

The medbring-ark (``documents``) lists, per person, the documents for the criteria that are met, and,
marked apart, what to bring to claim a criterion that cannot be told yet — only where the household can
still meet it: a break-up (B1) only when a separation is stated, the disability criterion (C1) only when
someone is stated to need an accessible home, and not the other A criterion when one A criterion is met
(A = A1 or A2, Bilag 4, III). Criteria not met ask for nothing.

``next_steps`` says only what the agreement says (each with its section) and, where it is silent, what
to ask the housing organisation.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from udlejning.context import Context
from udlejning.criteria import rules
from udlejning.criteria.info import criterion, criterion_ids
from udlejning.household import Household, Person
from udlejning.model import Document, Finding, PersonFinding, Text, Threshold, Verdict
from udlejning.parameters import parameter
from udlejning.texts import both, day, number
from udlejning.where import Person as Addressee

T = Text
FLEXIBLE = criterion_ids("almindelige")
STRICT = criterion_ids("skaerpede")
REF_IV = "Bilag 4, IV"
REF_AGE = "Bilag 4, IV.2"  # «Alder dokumenteres for hver kommende beboer»
CERTIFICATE_AGE = "skaerpede.convictions.record_from_age"
# Who a skærpet criterion asks (Bilag 4, IV.2 nr. 1–4); the ages come from the parameter files.
STRICT_SCOPE = {
    "S1": T(
        "Alle mellem {{skaerpede.employment.age_from}} og {{skaerpede.employment.age_to}} år, der flytter ind, skal opfylde S1 (arbejde eller uddannelse).",
        "Everyone aged {{skaerpede.employment.age_from}} to {{skaerpede.employment.age_to}} who moves in must meet S1 (work or education).",
    ),
    "S2": T(
        "Alle, der flytter ind, skal opfylde S2: ingen dom efter straffeloven, våbenloven eller lov om euforiserende stoffer i år eller de {{skaerpede.convictions.previous_calendar_years}} kalenderår før.",
        "Everyone moving in must meet S2: no conviction under the Criminal Code, the Weapons Act or the Euphoriant Substances Act this year or in the {{skaerpede.convictions.previous_calendar_years}} calendar years before.",
    ),
    "S3": T(
        "Alle mellem {{skaerpede.education.age_from}} og {{skaerpede.education.age_to}} år, der flytter ind, skal opfylde S3 (uddannelse over grundskolen).",
        "Everyone aged {{skaerpede.education.age_from}} to {{skaerpede.education.age_to}} who moves in must meet S3 (education beyond primary school).",
    ),
    "S4": T(
        "Alle mellem {{skaerpede.income.age_from}} og {{skaerpede.income.age_to}} år, der flytter ind og ikke er under uddannelse, skal opfylde S4 (indkomst).",
        "Everyone aged {{skaerpede.income.age_from}} to {{skaerpede.income.age_to}} who moves in and is not in education must meet S4 (income).",
    ),
}
UNITS = {"hours_per_week": T("timer om ugen", "hours a week")}


# --- persons -------------------------------------------------------------------------------------


def label(person: Person) -> str:
    """The name the user gave, or «Person 1» for the first person when none was given."""
    return f"Person {person.index + 1}" if person.id == f"p{person.index + 1}" else person.id


def with_age(person: Person) -> Text:
    name = label(person)
    if person.age is None:
        return T(name, name)
    return T(f"{name} ({person.age} år)", f"{name} (aged {person.age})")


def named(person: Person, text: Text) -> Text:
    """A reason that names its person: «Person 2 har …», «Person 2 er …» or «Person 2: …»."""
    name = label(person)
    # The criteria start a reason about a person with its id (a name may be any word, so only there).
    own = re.compile(rf"{re.escape(person.id)}(?!\w)")
    if own.match(text.da) and own.match(text.en):
        return T(own.sub(lambda _m: name, text.da, 1), own.sub(lambda _m: name, text.en, 1))
    if text.da.startswith("Personen ") and text.en.startswith("The person "):
        return T(name + text.da.removeprefix("Personen"), name + text.en.removeprefix("The person"))
    return T(f"{name}: {text.da}", f"{name}: {text.en}")


def sentence(text: str) -> str:
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    word = " og " if lang == "da" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def join_texts(items: list[Text]) -> Text:
    return T(join([i.da for i in items], "da"), join([i.en for i in items], "en"))


def you(household: Household) -> Text:
    return Addressee.of(len(household.persons)).subject


# --- the criteria in words -----------------------------------------------------------------------


def short_name(finding: Finding) -> Text:
    """«A1 (fast arbejde)» from the title «A1: Fast arbejde»."""

    def part(title: str) -> str:
        rest = title.split(": ", 1)[-1]
        return rest[:1].lower() + rest[1:]

    return T(f"{finding.id} ({part(finding.title.da)})", f"{finding.id} ({part(finding.title.en)})")


def threshold_text(th: Threshold) -> Text:
    """«22 timer om ugen; kravet er 25» where the unit is known, else the rule's own wording."""
    unit = UNITS.get(parameter(th.parameter).unit or "")
    if unit is None or th.actual is None:
        return T(th.text.da, th.text.en)
    got, need = (both(number, Decimal(v)) for v in (th.actual, th.required))
    return T(
        f"{got.da} {unit.da}; kravet er {need.da}",
        f"{got.en} {unit.en}; the requirement is {need.en}",
    )


def decisive(person: Person, found: PersonFinding) -> Text:
    """Why this person's verdict is what it is: the limit that decides it, or the rule's reasons."""
    if found.thresholds:
        parts = [threshold_text(th) for th in found.thresholds]
    else:
        parts = [named(person, r.text) for r in found.reasons]
    return T(
        " ".join(sentence(p.da) for p in parts),
        " ".join(sentence(p.en) for p in parts),
    )


def _persons(household: Household, finding: Finding) -> list[tuple[Person, PersonFinding]]:
    by_id = {p.id: p for p in household.persons}
    return [(by_id[f.person], f) for f in finding.persons if f.person in by_id]


def _who(pairs: list[tuple[Person, PersonFinding]], verdict: Verdict) -> list[Person]:
    return [p for p, f in pairs if f.verdict == verdict]


def flexible_line(household: Household, finding: Finding) -> Text:
    name = short_name(finding)
    met = [label(p) for p, _f in _persons(household, finding) if p.id in finding.met_by]
    if finding.verdict == Verdict.MET:
        whom = T(join(met, "da"), join(met, "en"))
        return T(f"{name.da}: opfyldt af {whom.da}.", f"{name.en}: met by {whom.en}.")
    if finding.verdict == Verdict.NOT_MET:
        return T(f"{name.da}: ikke opfyldt.", f"{name.en}: not met.")
    open_ = [label(p) for p in _who(_persons(household, finding), Verdict.CANNOT_TELL)]
    whom = T(join(open_, "da"), join(open_, "en"))
    return T(
        f"{name.da}: kan ikke afgøres endnu. Svar på spørgsmålene for {whom.da}.",
        f"{name.en}: cannot be told yet. Answer the questions for {whom.en}.",
    )


def unknown_text(who: Text, *, decided: bool) -> Text:
    """The persons we cannot tell about. When the others already decide the criterion (one who
    does not meet it is enough), their answers are not asked for: they would not change it."""
    if decided:
        return T(
            f"For {who.da} ved vi det ikke, men det ændrer ikke svaret.",
            f"For {who.en} we do not know, but it does not change the answer.",
        )
    return T(f"Vi mangler svar for {who.da}.", f"We are missing answers for {who.en}.")


def strict_line(ctx: Context, finding: Finding) -> Text:
    """«Alle mellem 18 og 64 … skal opfylde S1. Person 1 (31 år) gør ikke: …. Person 2 (34 år) gør.»"""
    pairs = _persons(ctx.household, finding)
    parts = [ctx.fill(STRICT_SCOPE[finding.id])]
    fails = _who(pairs, Verdict.NOT_MET)
    meets = _who(pairs, Verdict.MET)
    unknown = _who(pairs, Verdict.CANNOT_TELL)
    by = {p.id: f for p, f in pairs}
    for person in fails:
        who, why = with_age(person), decisive(person, by[person.id])
        parts.append(
            T(f"{who.da} gør ikke: {sentence(why.da)}", f"{who.en} does not: {sentence(why.en)}")
        )
    if meets:
        who = join_texts([with_age(p) for p in meets])
        parts.append(T(f"{who.da} gør.", f"{who.en} {'does' if len(meets) == 1 else 'do'}."))
    if unknown:
        who = join_texts([with_age(p) for p in unknown])
        parts.append(unknown_text(who, decided=finding.verdict != Verdict.CANNOT_TELL))
    if not (fails or meets or unknown):
        parts.append(
            T(
                "Kriteriet gælder ikke for nogen, der flytter ind, så det er opfyldt.",
                "The criterion covers nobody moving in, so it is met.",
            )
        )
    return T(" ".join(p.da for p in parts), " ".join(p.en for p in parts))


def criterion_lines(ctx: Context, findings: list[Finding]) -> list[dict[str, Any]]:
    out = []
    for finding in findings:
        pairs = _persons(ctx.household, finding)
        text = (
            strict_line(ctx, finding)
            if finding.id in STRICT
            else flexible_line(ctx.household, finding)
        )
        wanted = finding.verdict if finding.verdict != Verdict.CANNOT_TELL else Verdict.NOT_MET
        out.append(
            {
                "id": finding.id,
                "group": finding.group,
                "verdict": finding.verdict.value,
                **text.to_json(),
                "reference": "; ".join(finding.references),
                "meets": [label(p) for p in _who(pairs, Verdict.MET)],
                "fails": [label(p) for p in _who(pairs, Verdict.NOT_MET)],
                "unknown": [label(p) for p in _who(pairs, Verdict.CANNOT_TELL)],
                "decisive": [
                    {"person": label(p), **_decisive_json(p, f)}
                    for p, f in pairs
                    if f.verdict == wanted and (f.thresholds or f.reasons)
                ],
            }
        )
    return out


def _decisive_json(person: Person, found: PersonFinding) -> dict[str, str]:
    """The deciding limit in the rule's own words (or its reasons), named by the person."""
    if found.thresholds:
        why = T(
            " ".join(sentence(th.text.da) for th in found.thresholds),
            " ".join(sentence(th.text.en) for th in found.thresholds),
        )
    else:
        why = decisive(person, found)
    name = label(person)
    if why.da.startswith(name):
        return why.to_json()
    return T(f"{name}: {why.da}", f"{name}: {why.en}").to_json()


def headline(ctx: Context, findings: list[Finding]) -> Text:
    """One to four short sentences: met, not met, the housing organisation decides, cannot be told yet."""
    subject = you(ctx.household)
    groups = {v: [short_name(f) for f in findings if f.verdict == v] for v in Verdict}
    parts: list[Text] = []
    met, not_met, unknown = (
        groups[Verdict.MET],
        groups[Verdict.NOT_MET],
        groups[Verdict.CANNOT_TELL],
    )
    if met:
        w = join_texts(met)
        parts.append(
            T(
                f"{subject.da.capitalize()} opfylder {w.da}.",
                f"{subject.en.capitalize()} meet {w.en}.",
            )
        )
    else:
        parts.append(
            T(
                f"{subject.da.capitalize()} opfylder ikke nogen af kriterierne endnu.",
                f"{subject.en.capitalize()} do not meet any of the criteria yet.",
            )
        )
    if not_met:
        w = join_texts(not_met)
        parts.append(T(f"Ikke opfyldt: {w.da}.", f"Not met: {w.en}."))
    decides = groups[Verdict.ORGANISATION_DECIDES]
    if decides:
        w = join_texts(decides)
        parts.append(
            T(f"Boligorganisationen afgør: {w.da}.", f"The housing organisation decides: {w.en}.")
        )
    if unknown:
        w = join_texts(unknown)
        parts.append(T(f"Kan ikke afgøres endnu: {w.da}.", f"Cannot be told yet: {w.en}."))
    return T(" ".join(p.da for p in parts), " ".join(p.en for p in parts))


# --- the medbring-ark ----------------------------------------------------------------------------


def person_documents(cid: str, person: Person, ctx: Context) -> list[Document]:
    if cid == "S2" and person.age is not None and person.age < ctx.value(CERTIFICATE_AGE):
        return []  # no criminal record certificate under 15 (Bilag 4, IV.2 nr. 2)
    docs = criterion(cid).documents_for(rules()[cid].person_tags(person, ctx))
    return [Document(ctx.fill(d.text), d.reference) for d in docs]


def age_documents(ctx: Context) -> list[Document]:
    """The proof of age Bilag 4, IV.2 asks of every person moving in (listed with S1)."""
    return [
        d for d in person_documents("S1", ctx.household.persons[0], ctx) if d.reference == REF_AGE
    ]


def in_play(finding: Finding, findings: dict[str, Finding], household: Household) -> bool:
    """Can the household still meet a criterion that cannot be told yet? (see the module docstring)"""
    if finding.verdict != Verdict.CANNOT_TELL:
        return False
    if finding.id == "B1":
        return bool(household.separation and household.separation.happened)
    if finding.id == "C1":
        return any(p.needs_accessible_home for p in household.persons)
    other = {"A1": "A2", "A2": "A1"}.get(finding.id)
    return not (other and findings[other].verdict == Verdict.MET)


def _add(items: list[dict[str, Any]], doc: Document, cid: str) -> None:
    for item in items:
        if item["da"] == doc.text.da and item["reference"] == doc.reference:
            if cid not in item["criteria"]:
                item["criteria"].append(cid)
            return
    items.append({**doc.to_json(), "criteria": [cid]})


def documents(ctx: Context, findings: list[Finding]) -> dict[str, list[dict[str, Any]]]:
    """Per person, the documents for the criteria met; apart, what to bring for criteria still open."""
    by_id = {f.id: f for f in findings}
    met: dict[str, list[dict[str, Any]]] = {}
    to_claim: list[dict[str, Any]] = []
    for finding in findings:
        pairs = _persons(ctx.household, finding)
        if finding.verdict == Verdict.MET:
            for person, found in pairs:
                if found.verdict == Verdict.MET:
                    docs = person_documents(finding.id, person, ctx)
                elif found.verdict == Verdict.NOT_COVERED and finding.id == "S1":
                    docs = age_documents(ctx)
                else:
                    continue
                for doc in docs:
                    _add(met.setdefault(label(person), []), doc, finding.id)
        elif in_play(finding, by_id, ctx.household):
            for person, found in pairs:
                if found.verdict != Verdict.CANNOT_TELL:
                    continue
                items: list[dict[str, Any]] = []
                for doc in person_documents(finding.id, person, ctx):
                    _add(items, doc, finding.id)
                to_claim.append(
                    {
                        "criterion": finding.id,
                        "person": label(person),
                        "items": items,
                        "missing": [m.to_json() for m in found.missing],
                    }
                )
    return {
        "met": [{"person": who, "items": items} for who, items in met.items()],
        "to_claim": to_claim,
    }


# --- what to do next -----------------------------------------------------------------------------


def _years(n: int) -> Text:
    return T(f"{n} år", f"{n} year" if n == 1 else f"{n} years")


def _years_after(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def _b1_step(ctx: Context) -> dict[str, str]:
    years = int(ctx.value("b1.priority_years"))
    sep = ctx.household.separation
    if sep and sep.date:
        end = both(day, _years_after(sep.date, years))
        until = T(f"til {end.da}", f"until {end.en}")
    else:
        span = _years(years)
        until = T(
            f"i {span.da} fra datoen for bruddet", f"for {span.en} from the date of the break-up"
        )
    return {
        "da": f"B1: Søg inden for det første år efter bruddet. Fortrinsretten gælder {until.da}. Kun nogle afdelinger på afdelingstrappens trin 1 bruger kriteriet; spørg boligorganisationen hvilke.",
        "en": f"B1: Apply within the first year after the break-up. The priority lasts {until.en}. Only some sections on step 1 of the section stair use the criterion; ask the housing organisation which.",
        "reference": "Bilag 4, IV.1 B.1",
    }


def next_steps(ctx: Context, findings: list[Finding]) -> list[dict[str, str]]:
    by = {f.id: f.verdict for f in findings}
    steps = [
        {
            "da": "Du skal kunne dokumentere kriterierne på den dag, du overtager boligen. Tag papirerne fra medbring-arket med, når du får tilbudt en bolig.",
            "en": "You must be able to document the criteria on the day you take over the home. Bring the papers on the checklist when you are offered a home.",
            "reference": REF_IV,
        },
        {
            "da": "Opfylder flere på ventelisten kriteriet, får den med længst anciennitet boligen.",
            "en": "If several people on the waiting list meet the criterion, the one with the longest seniority gets the home.",
            "reference": REF_IV,
        },
    ]
    if any(by[s] != Verdict.NOT_MET for s in STRICT):
        steps.append(
            {
                "da": "I afdelinger med skærpede kriterier skal du oplyse, hvem der flytter ind, og hvor gamle de er. Før du får lejekontrakten, skal du dokumentere de skærpede kriterier.",
                "en": "In sections with stricter criteria you must say who is moving in and how old they are. Before you get the lease, you must document the stricter criteria.",
                "reference": "Bilag 4, IV.2",
            }
        )
    if by["B1"] == Verdict.MET or in_play(
        next(f for f in findings if f.id == "B1"), {}, ctx.household
    ):
        steps.append(_b1_step(ctx))
    if by["C1"] == Verdict.MET:
        c1 = T(
            "C1: Kriteriet gælder kun boliger, som boligorganisationen har udpeget til det (op til {{c1.max_share_of_family_homes}} % i hver afdeling). I skal også opfylde de kriterier, som afdelingens udlejningshjul kræver.",
            "C1: The criterion applies only to homes the housing organisation has set aside for it (up to {{c1.max_share_of_family_homes}} % in each section). You must also meet the criteria of the section's letting wheel.",
        )
        steps.append({**ctx.fill(c1).to_json(), "reference": "Bilag 4, IV; Bilag 4, IV.1 C.1"})
    steps.append(
        {
            "da": "Aftalen siger ikke, hvordan du får kriterierne noteret på din plads på ventelisten. Spørg boligorganisationen, hvordan du gør, og hvilket trin og hvilke kriterier den afdeling, du ønsker, har.",
            "en": "The agreement does not say how to have the criteria noted on your waiting-list registration. Ask the housing organisation how, and which step and criteria the section you want has.",
            "reference": "Bilag 4, II; Bilag 4, III",
        }
    )
    return steps


# --- all of it -----------------------------------------------------------------------------------


def met_for_whom(ctx: Context, findings: list[Finding]) -> list[dict[str, Any]]:
    """The criteria met and by whom, for the printed sheet."""
    out = []
    for finding in findings:
        if finding.verdict == Verdict.MET:
            whom = [
                label(p) for p, f in _persons(ctx.household, finding) if f.verdict == Verdict.MET
            ]
            out.append({"id": finding.id, "title": finding.title.to_json(), "persons": whom})
    return out


def household_summary(household: Household, findings: list[Finding]) -> dict[str, Any]:
    ctx = Context(household)
    return {
        **headline(ctx, findings).to_json(),
        "criteria": criterion_lines(ctx, findings),
        "met": met_for_whom(ctx, findings),
        "documents": documents(ctx, findings),
        "next_steps": next_steps(ctx, findings),
    }
