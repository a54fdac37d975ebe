"""The input: a household moving into a home on a given date, as the JSON interface takes it.

Every fact about a person is optional: a rule that needs a fact the input leaves out answers
*cannot tell* and names the field. Only ``date``, ``household`` and each person's ``role`` are required.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from udlejning.inputspec import InputError, Spec, Validator, json_schema
from udlejning.model import Text
from udlejning.parameters import all_parameters
from udlejning.readings import ALTERNATIVE, CHOSEN, contested
from udlejning.readings import title as reading_title

T = Text

ROLES = {
    "applicant": T("ansøgeren på ventelisten", "the applicant on the waiting list"),
    "spouse": T("ægtefælle", "spouse"),
    "cohabitant": T("samlever (ikke gift)", "partner (not married)"),
    "child": T("barn", "child"),
    "other": T("anden person, der flytter med", "another person moving in"),
}
EMPLOYMENT_KINDS = {
    "none": T("intet arbejde", "no work"),
    "employee": T("lønmodtager i fast stilling", "employee in a permanent job"),
    "self_employed": T("selvstændig eller konsulent", "self-employed or consultant"),
    "flexjob": T("fleksjob", "flexjob (fleksjob)"),
    "project": T("projektansat eller midlertidigt ansat", "project or temporary job"),
    "elev": T("elevstilling", "trainee post (elevstilling)"),
}
PENSIONS = {
    "none": T("ingen pension eller efterløn", "no pension or early retirement pay"),
    "efterloen": T("efterløn", "early retirement pay (efterløn)"),
    "tjenestemandspension": T("tjenestemandspension", "civil servant pension"),
    "seniorpension": T("seniorpension", "senior pension (seniorpension)"),
    "tidlig_pension": T("tidlig pension («Arne-pension»)", "early pension (tidlig pension)"),
    "folkepension": T("folkepension", "state old-age pension (folkepension)"),
    "foertidspension": T("førtidspension", "disability pension (førtidspension)"),
}
EDUCATION_KINDS = {
    "none": T("ikke under uddannelse", "not in education"),
    "su": T("SU-berettiget uddannelse", "education that qualifies for SU"),
    "uddannelsesaftale": T("uddannelsesaftale", "training agreement (uddannelsesaftale)"),
    "laerlingekontrakt": T("lærlingekontrakt", "apprenticeship contract"),
    "grundskole": T(
        "folkeskole eller anden grundskole (fx 9. klasse)",
        "primary or lower secondary school (e.g. year 9)",
    ),
    "other": T(
        "anden uddannelse uden SU (fx gymnasium før 18 år)",
        "other education without SU (e.g. upper secondary school before 18)",
    ),
}
LAWS = {
    "straffeloven": T("straffeloven", "the Criminal Code (straffeloven)"),
    "vaabenloven": T("våbenloven", "the Weapons Act (våbenloven)"),
    "euforiserende_stoffer": T("lov om euforiserende stoffer", "the Euphoriant Substances Act"),
    "other": T("en anden lov (fx færdselsloven)", "another law (e.g. the Road Traffic Act)"),
}
COUNTRIES = {
    "dk": T("i Danmark", "in Denmark"),
    "abroad": T("i udlandet", "abroad"),
}

MONEY_MAX = Decimal("100000000")

EMPLOYMENT = Spec(
    "object",
    T("Arbejde", "Work"),
    fields={
        "kind": Spec("enum", T("Slags arbejde", "Kind of work"), options=EMPLOYMENT_KINDS),
        "hours_per_week": Spec(
            "decimal", T("Timer om ugen", "Hours a week"), minimum=Decimal(0), maximum=Decimal(168)
        ),
        "starts_on": Spec(
            "date", T("Ansættelsen begynder/begyndte", "The job starts/started on")
        ),
        "on_parental_leave": Spec(
            "boolean",
            T("På forældreorlov fra stillingen", "On parental leave from the job"),
        ),
        "notice_given": Spec(
            "boolean",
            T("Stillingen er opsagt", "The job has been given notice (opsagt)"),
        ),
        "project_months_documented": Spec(
            "integer",
            T("Måneders dokumenteret projektarbejde", "Months of documented project work"),
            minimum=0,
            maximum=600,
        ),
        "monthly_gross_income": Spec(
            "decimal",
            T("Bruttoløn om måneden fra arbejdet", "Gross pay a month from the job"),
            minimum=Decimal(0),
            maximum=MONEY_MAX,
        ),
    },
)
EDUCATION = Spec(
    "object",
    T("Uddannelse nu", "Current education"),
    fields={
        "kind": Spec("enum", T("Slags uddannelse", "Kind of education"), options=EDUCATION_KINDS),
        "starts_on": Spec(
            "date", T("Uddannelsen begynder/begyndte", "Education starts/started on")
        ),
        "youth_housing_eligible": Spec(
            "boolean",
            T(
                "Hører til dem, der kan få en almen ungdomsbolig",
                "Belongs to the group who can rent social youth housing",
            ),
        ),
    },
)
CONVICTION = Spec(
    "object",
    T("Dom", "Conviction"),
    fields={
        "year": Spec(
            "integer", T("Året for dommen", "Year of the conviction"), minimum=1900, maximum=2100
        ),
        "law": Spec("enum", T("Loven", "The law"), options=LAWS),
    },
    required=("year", "law"),
)
COMPLETED_EDUCATION = Spec(
    "object",
    T("Gennemført uddannelse", "Completed education"),
    fields={
        "above_grundskole": Spec(
            "boolean",
            T(
                "Har en uddannelse over grundskoleniveau (9./10. klasse)",
                "Has an education above primary and lower secondary school",
            ),
        ),
        "country": Spec(
            "enum", T("Hvor uddannelsen er taget", "Where it was taken"), options=COUNTRIES
        ),
        "approved_in_dk": Spec(
            "boolean",
            T("Udenlandsk uddannelse godkendt i Danmark", "Foreign education approved in Denmark"),
        ),
        "completed_on": Spec(
            "date", T("Uddannelsen blev færdig", "Education completed on"), not_after_date=True
        ),
    },
)
INCOME = Spec(
    "object",
    T("Indkomst", "Income"),
    fields={
        "taxable_in_dk": Spec("boolean", T("Skattepligtig i Danmark", "Taxable in Denmark")),
        "monthly_gross": Spec(
            "decimal",
            T(
                "Gennemsnitlig bruttoindkomst om måneden (kr.)",
                "Average gross income a month (DKK)",
            ),
            minimum=Decimal(0),
            maximum=MONEY_MAX,
        ),
    },
)
PERSON = Spec(
    "object",
    T("Person", "Person"),
    fields={
        "id": Spec("string", T("Navn eller nummer", "Name or number"), max_length=40),
        "role": Spec("enum", T("Rolle i husstanden", "Role in the household"), options=ROLES),
        "age": Spec("integer", T("Alder", "Age"), minimum=0, maximum=125),
        "shared_address_since": Spec(
            "date",
            T(
                "Fælles folkeregisteradresse med ansøgeren siden",
                "Registered at the same address as the applicant since",
            ),
            not_after_date=True,
        ),
        "employment": EMPLOYMENT,
        "pension": Spec(
            "enum", T("Pension eller efterløn", "Pension or early retirement pay"), options=PENSIONS
        ),
        "education": EDUCATION,
        "convictions": Spec(
            "array",
            T("Domme", "Convictions"),
            items=CONVICTION,
            max_items=50,
            help=T(
                "Kun domme efter straffeloven, våbenloven eller lov om euforiserende stoffer har betydning.",
                "Only convictions under the Criminal Code, the Weapons Act or the Euphoriant Substances Act matter.",
            ),
        ),
        "completed_education": COMPLETED_EDUCATION,
        "income": INCOME,
        "needs_accessible_home": Spec(
            "boolean",
            T(
                "Har et fysisk handicap og derfor behov for en tilgængelighedsbolig",
                "Has a physical disability and so needs an accessible home",
            ),
        ),
    },
    required=("role",),
)
SEPARATION = Spec(
    "object",
    T("Skilsmisse, separation eller brud", "Divorce, separation or break-up"),
    fields={
        "happened": Spec(
            "boolean",
            T(
                "Ansøgeren er blevet skilt, separeret eller er gået fra sin partner",
                "The applicant has divorced, separated or broken up with a partner",
            ),
        ),
        "date": Spec(
            "date",
            T(
                "Dato for skilsmisse/separation/samlivsophævelse",
                "Date of divorce/separation/break-up",
            ),
            not_after_date=True,
        ),
        "married": Spec("boolean", T("Parret var gift", "The couple was married")),
        "shared_address_from": Spec(
            "date",
            T("Parret fik fælles bopæl", "The couple began sharing an address"),
            not_after_date=True,
        ),
        "copenhagen_address_before": Spec(
            "boolean",
            T(
                "Ansøgeren havde adresse i Københavns Kommune før bruddet",
                "The applicant lived in the City of Copenhagen before the break-up",
            ),
        ),
        "applied_on": Spec(
            "date",
            T("Ansøgeren søgte boligen", "The applicant applied for the home"),
            not_after_date=True,
        ),
        "child_with_other_parent": Spec(
            "boolean",
            T(
                "Ansøgerens barn under 18 bor fortsat hos den anden forælder i en af boligorganisationens afdelinger, og ansøgeren fraflytter en bolig i boligorganisationen",
                "The applicant's child under 18 still lives with the other parent in one of the organisation's sections, and the applicant moves out of a home in the organisation",
            ),
        ),
    },
    required=("happened",),
)


def _supplied_parameters_spec() -> Spec:
    fields = {
        name: Spec(
            "decimal",
            T(p.description_da, p.description_en),
            minimum=Decimal("0.01"),
            maximum=MONEY_MAX,
        )
        for name, p in all_parameters().items()
        if p.user_may_supply
    }
    return Spec(
        "object",
        T("Aktuelle beløb, du selv angiver", "Current amounts you supply"),
        fields=fields,
    )


def _readings_spec() -> Spec:
    """The user's choice of reading for each contested R-item (ambiguities.toml)."""
    choices = {
        CHOSEN: T("den læsning, vi har valgt", "the reading we chose"),
        ALTERNATIVE: T("den anden læsning", "the other reading"),
    }
    return Spec(
        "object",
        T("Læsninger af aftalen", "Readings of the agreement"),
        fields={
            rid: Spec("enum", T(*reading_title(rid)), options=choices) for rid in contested()
        },
    )


def document_spec() -> Spec:
    return Spec(
        "object",
        T("Husstand og dato", "Household and date"),
        fields={
            "date": Spec(
                "date",
                T("Dato for overtagelse af boligen", "Date the home is taken over"),
            ),
            "household": Spec(
                "array",
                T("Husstanden (alle der flytter ind)", "The household (everyone moving in)"),
                items=PERSON,
                min_items=1,
                max_items=20,
            ),
            "separation": SEPARATION,
            "parameters": _supplied_parameters_spec(),
            "readings": _readings_spec(),
        },
        required=("date", "household"),
    )


def input_schema() -> dict[str, object]:
    schema = json_schema(document_spec())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "udlejning/input.schema.json",
        **schema,
    }


@dataclass(frozen=True)
class Person:
    id: str
    index: int
    role: str
    age: int | None = None
    shared_address_since: date | None = None
    employment: dict[str, object] | None = None
    pension: str | None = None
    education: dict[str, object] | None = None
    convictions: list[dict[str, object]] | None = None
    completed_education: dict[str, object] | None = None
    income: dict[str, object] | None = None
    needs_accessible_home: bool | None = None

    def path(self, *parts: str) -> str:
        return ".".join([f"household[{self.index}]", *parts])


@dataclass(frozen=True)
class Separation:
    happened: bool
    date: date | None = None
    married: bool | None = None
    shared_address_from: date | None = None
    copenhagen_address_before: bool | None = None
    applied_on: date | None = None
    child_with_other_parent: bool | None = None


@dataclass(frozen=True)
class Household:
    date: date
    persons: tuple[Person, ...]
    separation: Separation | None = None
    supplied: dict[str, Decimal] = field(default_factory=dict)
    readings: dict[str, str] = field(default_factory=dict)

    @property
    def applicant(self) -> Person:
        return next(p for p in self.persons if p.role == "applicant")

    @property
    def partner(self) -> Person | None:
        return next((p for p in self.persons if p.role in {"spouse", "cohabitant"}), None)


def parse_household(document: object) -> tuple[Household | None, list[InputError]]:
    """Validate a JSON document; return the household or the errors (never both)."""
    spec = document_spec()
    reference_date: date | None = None
    if isinstance(document, dict) and "date" in document:
        probe = Validator()
        reference_date = probe.check(spec.fields["date"], document["date"], "date")  # type: ignore[assignment]
    validator = Validator(reference_date)
    clean = validator.check(spec, document, "")
    errors = list(validator.errors)
    if errors or not isinstance(clean, dict):
        return None, errors
    people = clean["household"]
    assert isinstance(people, list)
    persons: list[Person] = []
    seen: set[str] = set()
    for index, raw in enumerate(people):
        assert isinstance(raw, dict)
        pid = str(raw.get("id") or f"p{index + 1}")
        if pid in seen:
            errors.append(
                InputError(
                    f"household[{index}].id",
                    "duplicate_id",
                    T(
                        f"To personer har samme navn/nummer «{pid}».",
                        f"Two people share the id “{pid}”.",
                    ),
                )
            )
        seen.add(pid)
        if raw.get("shared_address_since") is not None and raw["role"] != "cohabitant":
            errors.append(
                InputError(
                    f"household[{index}].shared_address_since",
                    "only_for_cohabitant",
                    T(
                        "Fælles adresse siden en dato angives kun for en samlever.",
                        "A shared address since a date is given only for a partner who is not a spouse.",
                    ),
                )
            )
        for c_index, conviction in enumerate(raw.get("convictions") or []):
            year = conviction.get("year") if isinstance(conviction, dict) else None
            if isinstance(year, int) and year > clean["date"].year:  # type: ignore[union-attr]
                errors.append(
                    InputError(
                        f"household[{index}].convictions[{c_index}].year",
                        "after_date",
                        T(
                            f"«Året for dommen» ({year}) kan ikke ligge efter overtagelsesåret.",
                            f"“Year of the conviction” ({year}) cannot be after the year of the takeover.",
                        ),
                    )
                )
        persons.append(Person(id=pid, index=index, **{k: v for k, v in raw.items() if k != "id"}))
    roles = [p.role for p in persons]
    if roles.count("applicant") != 1:
        errors.append(
            InputError(
                "household",
                "one_applicant",
                T(
                    f"Husstanden skal have præcis én ansøger (rolle «applicant»); der er {roles.count('applicant')}.",
                    f"The household needs exactly one applicant (role “applicant”); there are {roles.count('applicant')}.",
                ),
            )
        )
    if roles.count("spouse") + roles.count("cohabitant") > 1:
        errors.append(
            InputError(
                "household",
                "one_partner",
                T(
                    "Husstanden kan højst have én ægtefælle eller samlever.",
                    "The household can have at most one spouse or partner.",
                ),
            )
        )
    separation = None
    raw_sep = clean.get("separation")
    if isinstance(raw_sep, dict):
        separation = Separation(**raw_sep)  # type: ignore[arg-type]
    if errors:
        return None, errors
    supplied = clean.get("parameters") or {}
    assert isinstance(supplied, dict)
    return (
        Household(
            date=clean["date"],  # type: ignore[arg-type]
            persons=tuple(persons),
            separation=separation,
            supplied={k: v for k, v in supplied.items() if v is not None},  # type: ignore[misc]
            readings={k: str(v) for k, v in (clean.get("readings") or {}).items() if v is not None},  # type: ignore[union-attr]
        ),
        [],
    )
