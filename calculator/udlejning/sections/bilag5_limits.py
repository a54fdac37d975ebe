"""Bilag 5: the law's limits on municipal allocation in disadvantaged areas and prevention areas.

The extracted table lost its columns. Only the benefits row visibly has two cells (disadvantaged areas,
prevention areas). For the single-cell rows we do not know from the text which column(s) they fill, so
``applies_to`` says "unclear" (Reading R-35). In disadvantaged areas the parties suspend municipal
allocation altogether (afsnit 6.1.3; Bilag 5 says "områdetrappens trin 1", read as trin 2, Reading R-35).
"""

from __future__ import annotations

from udlejning.coverage import covers
from udlejning.model import Text

COVERS = covers(
    "Lovens grænser for anvisning i udsatte områder og forebyggelsesområder",
    "The law's limits on allocation in disadvantaged and prevention areas",
    "Bilag 5",
)

REFERENCE = "Bilag 5 (skema pr. 01-01-2024)"
ROWS: tuple[dict[str, object], ...] = (
    {
        "id": "released_offender",
        "applies_to": "unclear",
        "text": Text(
            "Dømt og løsladt fra kriminalforsorgen inden for 6 måneder, med handleplan (servicelovens § 141).",
            "Convicted and released from the prison service within 6 months, with an action plan (Social Services Act § 141).",
        ),
    },
    {
        "id": "released_under_18",
        "applies_to": "unclear",
        "text": Text(
            "Under 18, dømt og løsladt fra en institution uden for kriminalforsorgen inden for 6 måneder, med handleplan (§ 57).",
            "Under 18, convicted and released from an institution outside the prison service within 6 months, with an action plan (§ 57).",
        ),
    },
    {
        "id": "house_rules",
        "applies_to": "unclear",
        "text": Text(
            "Lejemål ophævet eller opsagt inden for 6 måneder for grove brud på god skik og orden.",
            "Tenancy ended within 6 months for gross breaches of good conduct.",
        ),
    },
    {
        "id": "citizenship",
        "applies_to": "unclear",
        "text": Text(
            "Ikke statsborger i EU, EØS eller Schweiz (undtagen studerende på en offentligt anerkendt uddannelse).",
            "Not a citizen of the EU, EEA or Switzerland (except students at a publicly recognised institution).",
        ),
    },
    {
        "id": "benefits_udsat",
        "applies_to": "udsat",
        "text": Text(
            "6 sammenhængende måneder med selvforsørgelses- og hjemrejseydelse, overgangsydelse, uddannelseshjælp eller kontanthjælp; førtidspension; eller 6 måneder med dagpenge, sygedagpenge eller ressourceforløbsydelse.",
            "6 consecutive months of self-support and return benefit, transition benefit, education aid or cash benefit; disability pension; or 6 months of unemployment, sickness or resource-course benefit.",
        ),
    },
    {
        "id": "benefits_forebyggelse",
        "applies_to": "forebyggelse",
        "text": Text(
            "6 sammenhængende måneder med selvforsørgelses- og hjemrejseydelse eller overgangsydelse, eller 24 sammenhængende måneder med kontanthjælp.",
            "6 consecutive months of self-support and return benefit or transition benefit, or 24 consecutive months of cash benefit.",
        ),
    },
)
EXCEPTION = Text(
    "Kan kommunen konkret ikke anvise borgeren uden for sådanne områder, kan den alligevel anvise (en undtagelse).",
    "If the municipality cannot in the case allocate the person outside such areas, it may still do so (an exception).",
)
