"""The household document's declaration: every field a household is described by, with its label,
hint, group and when the home seeker's form asks it (``When``), in Danish and English. The
validator and input schema (``udlejning.household``), the forms (``udlejning.forms``) and the
questions a household is asked (``udlejning.questions``) all come from these specs. A field is
declared by its kind and its two labels (``inputspec.field``), a part of a person (work, education,
...) by its fieldset, whose legend names it unless told (``_part``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from udlejning.inputspec import Group, Spec, When, field, json_schema
from udlejning.model import Text
from udlejning.parameters import all_parameters
from udlejning.readings import choice_spec, contested

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
    "elev": T(
        "elev eller lærling (uddannelsesaftale eller lærlingekontrakt)",
        "apprentice or trainee (training agreement or apprenticeship contract)",
    ),
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
WHOLE_KRONER = T("Hele kroner, fx 25000 eller 25.000.", "Whole kroner, e.g. 25000 or 25,000.")


def _money(label: Text, minimum: Decimal = Decimal(0), **more: Any) -> Spec:
    """A sum in kroner: whole kroner, from ``minimum`` up to MONEY_MAX."""
    return Spec(
        "decimal", label, WHOLE_KRONER, minimum=minimum, maximum=MONEY_MAX, unit="kr", **more
    )


def _from_age(name: str) -> int:
    """The first value of an age parameter (the form's age bands are data from the rules)."""
    value = all_parameters()[name].values[0].value
    assert isinstance(value, int)
    return value


# Nobody under the age from which a criminal record is asked (15) is asked about work, pension,
# income or convictions: no criterion looks at those facts for a younger child.
GROWN = _from_age("skaerpede.convictions.record_from_age")
NEEDED = When(needed=True)
GROWN_NEEDED = When(age_from=GROWN, needed=True)
HOURS_KINDS = ("employee", "self_employed", "project")
EDUCATION_COUNTS = ("su", "uddannelsesaftale", "laerlingekontrakt")


def _past_date(da: str, en: str, **more: Any) -> Spec:
    """A date that has happened: not after the date the home is taken over."""
    return field("date", da, en, not_after_date=True, **more)


def _when(field_: str, *values: str, none_of: tuple[str, ...] = ()) -> When:
    """Asked when ``field_`` has one of ``values`` (person of age, and while the rules need it)."""
    return When(field_, tuple(values), none_of, age_from=GROWN, needed=True)


def _why(da: str, en: str) -> Text:
    return T(
        f"Hvorfor spørger vi? {da} Svaret bliver i din browser.",
        f"Why do we ask? {en} Your answer stays in your browser.",
    )


PERSON_GROUPS = (
    Group("person", T("Personen", "The person")),
    Group("work", T("Arbejde og pension", "Work and pension")),
    Group("education", T("Uddannelse nu", "Current education")),
    Group("completed", T("Gennemført uddannelse", "Completed education")),
    Group(
        "convictions",
        T("Domme", "Convictions"),
        _why(
            "I nogle boligområder gælder et skærpet kriterium om domme (Bilag 4, IV.2 nr. 2).",
            "In some housing areas a stricter criterion about convictions applies (Bilag 4, IV.2 nr. 2).",
        ),
    ),
    Group(
        "income",
        T("Indkomst", "Income"),
        _why(
            "I nogle boligområder gælder et skærpet kriterium om indkomst (Bilag 4, IV.2 nr. 4).",
            "In some housing areas a stricter criterion about income applies (Bilag 4, IV.2 nr. 4).",
        ),
    ),
    Group(
        "health",
        T("Handicap", "Disability"),
        _why(
            "Handicapkriteriet (Bilag 4, IV.1 C.1) kan give fortrinsret til en tilgængelighedsbolig.",
            "The disability criterion (Bilag 4, IV.1 C.1) can give priority for an accessible home.",
        ),
    ),
)


def _part(group: str, fields: dict[str, Spec], label: Text | None = None, **more: Any) -> Spec:
    """A part of the document asked in the fieldset ``group``: named as a person's fieldset of that
    key (PERSON_GROUPS) unless ``label`` names it."""
    if label is None:
        label = next(g.legend for g in PERSON_GROUPS if g.key == group)
    return Spec("object", label, fields=fields, group=group, **more)


EMPLOYMENT = _part(
    "work",
    {
        "kind": field(
            "enum",
            "Arbejde",
            "Work",
            options=EMPLOYMENT_KINDS,
            show=GROWN_NEEDED,
            # An elevstilling is under an uddannelsesaftale (Bilag 4, IV.1 A.1 points to A.2):
            # the form asks the apprenticeship once, here.
            implies={"elev": {"education.kind": "uddannelsesaftale"}},
        ),
        "hours_per_week": field(
            "decimal",
            "Timer om ugen",
            "Hours a week",
            help=T(
                "Frokost medregnet. Brug komma eller punktum til decimaler.",
                "Lunch included. Use a point or a comma for decimals.",
            ),
            minimum=Decimal(0),
            maximum=Decimal(168),
            show=_when("employment.kind", *HOURS_KINDS),
        ),
        "starts_on": field(
            "date",
            "Jobbet begynder eller begyndte",
            "The job starts or started on",
            show=_when("employment.kind", none_of=("", "none")),
        ),
        "on_parental_leave": field(
            "boolean",
            "Er personen på forældreorlov fra jobbet?",
            "Is the person on parental leave from the job?",
            show=_when("employment.kind", "employee", "self_employed"),
        ),
        "notice_given": field(
            "boolean",
            "Er jobbet opsagt?",
            "Has the job been given notice?",
            show=_when("employment.on_parental_leave", "yes"),
        ),
        "project_months_documented": field(
            "integer",
            "Måneder med projektarbejde, der kan dokumenteres",
            "Months of project work that can be documented",
            minimum=0,
            maximum=600,
            show=_when("employment.kind", "project"),
        ),
        "monthly_gross_income": _money(
            T(
                "Bruttoløn om måneden fra projektarbejdet (kr.)",
                "Gross pay a month from the project work (DKK)",
            ),
            show=_when("employment.kind", "project"),
        ),
    },
    label=T("Arbejde", "Work"),
)
EDUCATION = _part(
    "education",
    {
        "kind": field(
            "enum",
            "Uddannelse",
            "Education",
            options=EDUCATION_KINDS,
            show=When("employment.kind", (), ("elev",), needed=True),
        ),
        "starts_on": field(
            "date",
            "Uddannelsen begynder eller begyndte",
            "The education starts or started on",
            show=When("education.kind", EDUCATION_COUNTS, needed=True),
        ),
        "youth_housing_eligible": field(
            "boolean",
            "Kan personen leje en almen ungdomsbolig?",
            "Can the person rent social youth housing?",
            help=T(
                "Spørg uddannelsesstedet eller boligorganisationen, hvis du er i tvivl.",
                "Ask the place of education or the housing organisation if you are not sure.",
            ),
            # Not only while missing: the rules derive it from the age (reading R-04), and the
            # user may correct that.
            show=When("education.kind", EDUCATION_COUNTS),
        ),
    },
)
CONVICTION = field(
    "object",
    "Dom",
    "Conviction",
    fields={
        "year": field(
            "integer",
            "År for dommen",
            "Year of the conviction",
            minimum=1900,
            maximum=2100,
            group="conviction",
        ),
        "law": field(
            "enum", "Efter hvilken lov?", "Under which law?", options=LAWS, group="conviction"
        ),
    },
    required=("year", "law"),
)
COMPLETED_EDUCATION = _part(
    "completed",
    {
        "above_grundskole": field(
            "boolean",
            "Har personen en uddannelse ud over grundskolen (9./10. klasse)?",
            "Does the person have an education beyond primary and lower secondary school (year 9/10)?",
            show=GROWN_NEEDED,
        ),
        "country": field(
            "enum",
            "Hvor er uddannelsen taget?",
            "Where was it taken?",
            options=COUNTRIES,
            show=_when("completed_education.above_grundskole", "yes"),
        ),
        "approved_in_dk": field(
            "boolean",
            "Er den udenlandske uddannelse godkendt i Danmark?",
            "Is the foreign education approved in Denmark?",
            show=_when("completed_education.country", "abroad"),
        ),
        "completed_on": _past_date(
            "Uddannelsen blev færdig",
            "The education was completed on",
            show=_when("completed_education.above_grundskole", "yes"),
        ),
    },
)
INCOME = _part(
    "income",
    {
        "taxable_in_dk": field(
            "boolean", "Skattepligtig i Danmark?", "Taxable in Denmark?", show=GROWN_NEEDED
        ),
        "monthly_gross": _money(
            T(
                "Gennemsnitlig bruttoindkomst om måneden (kr.)",
                "Average gross income a month (DKK)",
            ),
            show=GROWN_NEEDED,
        ),
    },
)
PERSON = field(
    "object",
    "Person",
    "Person",
    groups=PERSON_GROUPS,
    fields={
        "id": field(
            "string",
            "Navn eller nummer",
            "Name or number",
            help=T(
                "Frivilligt. Svaret bruger navnet, når det nævner personen. Navnet bliver i din browser.",
                "Optional. The answer uses the name when it mentions the person. The name stays in your browser.",
            ),
            max_length=40,
            group="person",
        ),
        "role": field(
            "enum", "Rolle i husstanden", "Role in the household", options=ROLES, group="person"
        ),
        "age": field(
            "integer", "Alder (år)", "Age (years)", minimum=0, maximum=125, group="person"
        ),
        "shared_address_since": _past_date(
            "Fælles folkeregisteradresse med ansøgeren siden",
            "Registered at the same address as the applicant since",
            group="person",
            show=When(roles=("cohabitant",)),
        ),
        "employment": EMPLOYMENT,
        "pension": field(
            "enum",
            "Pension eller efterløn",
            "Pension or early retirement pay",
            options=PENSIONS,
            group="work",
            show=GROWN_NEEDED,
        ),
        "education": EDUCATION,
        "convictions": field(
            "array",
            "Har personen fået en dom?",
            "Has the person been convicted?",
            items=CONVICTION,
            max_items=50,
            help=T(
                "Kun domme efter straffeloven, våbenloven eller lov om euforiserende stoffer har betydning.",
                "Only convictions under the Criminal Code, the Weapons Act or the Euphoriant Substances Act matter.",
            ),
            group="convictions",
            control="list",
            show=GROWN_NEEDED,
        ),
        "completed_education": COMPLETED_EDUCATION,
        "income": INCOME,
        "needs_accessible_home": field(
            "boolean",
            "Har personen et fysisk handicap og derfor brug for en tilgængelighedsbolig?",
            "Does the person have a physical disability and so need an accessible home?",
            group="health",
            show=NEEDED,
        ),
    },
    required=("role",),
)
HAPPENED = When("separation.happened", ("yes",))
HAPPENED_NEEDED = When("separation.happened", ("yes",), needed=True)
SEPARATION = _part(
    "separation",
    {
        "happened": field(
            "boolean",
            "Er ansøgeren blevet skilt, separeret eller gået fra sin partner?",
            "Has the applicant divorced, separated or broken up with a partner?",
        ),
        "date": _past_date(
            "Dato for skilsmisse, separation eller brud",
            "Date of the divorce, separation or break-up",
            show=HAPPENED,
        ),
        "married": field("boolean", "Var parret gift?", "Was the couple married?", show=HAPPENED),
        "shared_address_from": _past_date(
            "Parret fik fælles bopæl",
            "The couple began sharing an address on",
            show=When("separation.married", ("no",)),
        ),
        "copenhagen_address_before": field(
            "boolean",
            "Boede ansøgeren i Københavns Kommune før bruddet?",
            "Did the applicant live in the City of Copenhagen before the break-up?",
            show=HAPPENED,
        ),
        "applied_on": _past_date(
            "Hvornår søgte ansøgeren boligen?",
            "When did the applicant apply for the home?",
            show=HAPPENED_NEEDED,
        ),
        "child_with_other_parent": field(
            "boolean",
            "Bor ansøgerens barn under 18 fortsat hos den anden forælder i en af boligorganisationens afdelinger, og fraflytter ansøgeren en bolig i boligorganisationen?",
            "Does the applicant's child under 18 still live with the other parent in one of the organisation's sections, and does the applicant move out of a home in the organisation?",
            show=HAPPENED_NEEDED,
        ),
    },
    label=T("Skilsmisse, separation eller brud", "Divorce, separation or break-up"),
    required=("happened",),
)


# The form's question for a value the user may supply (the parameter's description says what it is).
SUPPLIED_QUESTIONS = {
    "skaerpede.income.monthly_amount": T(
        "Aktuelt beløb om måneden (kr.), hvis du kender det",
        "Current amount a month (DKK), if you know it",
    ),
}


def _supplied_parameters_spec() -> Spec:
    fields = {
        name: _money(
            SUPPLIED_QUESTIONS.get(name, T(p.description_da, p.description_en)), Decimal("0.01")
        )
        for name, p in all_parameters().items()
        if p.user_may_supply
    }
    return _part(
        "amount", fields, label=T("Aktuelle beløb, du selv angiver", "Current amounts you supply")
    )


def _document_groups() -> tuple[Group, ...]:
    from udlejning.texts import value_state

    amount = "skaerpede.income.monthly_amount"
    why = _why(
        f"Indkomstkriteriet bruger et beløb, som justeres hvert år (Bilag 4, IV.2 nr. 4). {value_state(amount, 'da')} Kender du det aktuelle beløb, så skriv det her – boligorganisationen kan oplyse det.",
        f"The income criterion uses an amount that is adjusted every year (Bilag 4, IV.2 nr. 4). {value_state(amount, 'en')} If you know the current amount, enter it here – the housing organisation can tell you.",
    )
    return (
        Group("date", T("Hvornår", "When")),
        Group(
            "household",
            T("Husstanden", "The household"),
            T(
                "Alle, der flytter ind. Spørgsmål, du ikke kan svare på, kan du springe over – så står det i svaret, hvad der mangler.",
                "Everyone who moves in. You can skip questions you cannot answer – the answer then says what is missing.",
            ),
        ),
        Group("separation", T("Skilsmisse eller brud", "Divorce or break-up")),
        Group(
            "amount", T("Beløbet i indkomstkriteriet", "The amount in the income criterion"), why
        ),
    )


def document_spec() -> Spec:
    return field(
        "object",
        "Husstand og dato",
        "Household and date",
        groups=_document_groups(),
        fields={
            "date": field(
                "date",
                "Dato for overtagelse af boligen",
                "Date the home is taken over",
                help=T(
                    "Udfyldt med dagens dato. Reglerne, der gælder på datoen, bruges.",
                    "Filled in with today's date. The rules in force on that date are used.",
                ),
                group="date",
            ),
            "household": field(
                "array",
                "Husstanden (alle der flytter ind)",
                "The household (everyone moving in)",
                items=PERSON,
                min_items=1,
                max_items=20,
                group="household",
                control="persons",
            ),
            "separation": SEPARATION,
            "parameters": _supplied_parameters_spec(),
            # The user's choice of reading for each contested R-item (ambiguities.toml).
            "readings": choice_spec(tuple(contested())),
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
