"""Who may meet an almindeligt kriterium for the household (Bilag 4 IV.1 A.1/A.2; afsnit 5.2.2 figur 1).

The applicant on the waiting list, the applicant's spouse, or a partner (samlever) who has shared a
registered address (folkeregisteradresse) with the applicant for at least two years. Reading R-02: the
two years are counted back from the date the home is taken over, and exactly two years is enough.
"""

from __future__ import annotations

from udlejning.context import Context
from udlejning.coverage import covers
from udlejning.household import Person
from udlejning.model import Missing, PersonFinding, Reason, Text, Threshold, Verdict
from udlejning.parameters import add_years
from udlejning.texts import both, day

COVERS = covers(
    "Hvem kan opfylde et almindeligt kriterium for husstanden",
    "Who may meet an ordinary criterion for the household",
    "afsnit 5.2.2",
    "Bilag 4, IV.1",
)

REF = "Bilag 4, IV.1 A.1; Bilag 4, IV.1 A.2; afsnit 5.2.2 figur 1"


def may_meet_for_household(person: Person, ctx: Context) -> PersonFinding:
    """Whether this person's own situation can give the household priority under A1/A2."""
    if person.role in {"applicant", "spouse"}:
        who = (
            Text("ansøgeren", "the applicant")
            if person.role == "applicant"
            else Text("ægtefællen", "the spouse")
        )
        return PersonFinding(
            person.id,
            Verdict.MET,
            [
                Reason(
                    Text(
                        f"Kriteriet kan opfyldes af {who.da}.",
                        f"The criterion can be met by {who.en}.",
                    ),
                    REF,
                )
            ],
        )
    if person.role != "cohabitant":
        return PersonFinding(
            person.id,
            Verdict.NOT_MET,
            [
                Reason(
                    Text(
                        "Kun ansøgeren, ægtefællen eller en samlever kan opfylde de almindelige kriterier.",
                        "Only the applicant, the spouse or a partner can meet the ordinary criteria.",
                    ),
                    REF,
                )
            ],
        )
    years = ctx.value("a.cohabitation_min_years")
    ctx.reading("R-02")
    if person.shared_address_since is None:
        return PersonFinding(
            person.id,
            Verdict.CANNOT_TELL,
            missing=[
                Missing(
                    person.path("shared_address_since"),
                    Text(
                        f"Hvornår fik samleveren fælles folkeregisteradresse med ansøgeren? Der kræves {years} år.",
                        f"Since when has the partner shared a registered address with the applicant? {years} years are needed.",
                    ),
                )
            ],
        )
    enough_from = add_years(person.shared_address_since, years)
    since = both(day, person.shared_address_since)
    needed = both(day, enough_from)
    threshold = Threshold(
        "a.cohabitation_min_years",
        str(years),
        person.shared_address_since.isoformat(),
        Text(
            f"Fælles adresse siden {since.da}; {years} år er nået {needed.da}.",
            f"Shared address since {since.en}; {years} years are reached on {needed.en}.",
        ),
    )
    if enough_from <= ctx.date:
        return PersonFinding(
            person.id,
            Verdict.MET,
            [
                Reason(
                    Text(
                        f"Samleveren har haft fælles folkeregisteradresse med ansøgeren i mindst {years} år.",
                        f"The partner has shared a registered address with the applicant for at least {years} years.",
                    ),
                    REF,
                )
            ],
            thresholds=[threshold],
        )
    return PersonFinding(
        person.id,
        Verdict.NOT_MET,
        [
            Reason(
                Text(
                    f"Samleveren har ikke haft fælles folkeregisteradresse med ansøgeren i {years} år på overtagelsesdagen.",
                    f"The partner has not shared a registered address with the applicant for {years} years on the day the home is taken over.",
                ),
                REF,
            )
        ],
        thresholds=[threshold],
    )
