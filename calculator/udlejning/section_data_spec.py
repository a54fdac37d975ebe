"""Input fields for the section data people have (``placement``): counts instead of a percentage,
the section's size for pooling, last year's counts for the exemption, the step 1 safeguard, and an
area's previous designation. The rules are in ``udlejning.stairs.bilag17_section_data``."""

from __future__ import annotations

from typing import Any

from udlejning.inputspec import InputError, Spec
from udlejning.model import Text

T = Text


def _count(da: str, en: str, minimum: int = 0) -> Spec:
    return Spec("integer", T(da, en), minimum=minimum, maximum=1_000_000)


DESIGNATIONS = {
    "forebyggelse": T("forebyggelsesområde", "prevention area"),
    "udsat": T("udsat boligområde", "disadvantaged area"),
    "parallelsamfund": T("parallelsamfund", "parallel society"),
    "omdannelse": T("omdannelsesområde", "transformation area"),
}

AREA_FIELDS: dict[str, Spec] = {
    "previous_designation": Spec(
        "enum",
        T(
            "Tidligere udpegning (området er ikke længere udpeget)",
            "Previous designation (the area is no longer designated)",
        ),
        options=DESIGNATIONS,
        group="area",
    ),
    "section_figures_ready": Spec(
        "boolean",
        T(
            "Afdelingens egne tal er opgjort, og en revideret udlejning kan træde i kraft",
            "The section's own figures are ready and a revised letting can take effect",
        ),
        group="area",
    ),
}


def _counts(da: str, en: str, fields: dict[str, Spec], **kw: Any) -> Spec:
    """A group of the section's figures, all asked together."""
    return Spec(
        "object", T(da, en), group="section_counts", fields=fields, required=tuple(fields), **kw
    )


FIELDS: dict[str, Spec] = {
    "allocated_counts": _counts(
        "Anviste husstande talt op",
        "Allocated households counted",
        {
            "allocated_family_homes": _count(
                "Familieboliger med anviste husstande", "Family homes with allocated households"
            ),
            "family_homes": _count("Familieboliger i alt", "Family homes in all", minimum=1),
        },
        help=T(
            "I stedet for andelen: kun familieboliger tæller (ikke ungdoms- og ældreboliger).",
            "Instead of the share: only family homes count (not youth or elderly homes).",
        ),
    ),
    "section_size": _counts(
        "Afdelingens størrelse",
        "The section's size",
        {
            "homes": _count("Boliger i afdelingen", "Homes in the section"),
            "residents": _count("Beboere i afdelingen", "Residents in the section"),
        },
    ),
    "last_year": _counts(
        "Sidste kalenderår",
        "Last calendar year",
        {
            "vacant_homes": _count("Ledige familieboliger", "Vacant family homes"),
            "allocated_homes": _count(
                "Heraf anvist af kommunen", "Of these allocated by the municipality"
            ),
        },
    ),
    "trin1_safeguard": _counts(
        "Særlig sikring på trin 1 (afsnit 6.2.1)",
        "Special safeguard on step 1 (afsnit 6.2.1)",
        {
            "all_realised_2019_2023": Spec(
                "boolean",
                T(
                    "Afdelingen fik anvist alle boliger, den stillede til rådighed i 2019–23",
                    "The section had all homes it made available allocated in 2019–23",
                ),
            ),
            "expected_first_year": _count(
                "Forventede anvisninger det første år (parternes beregning)",
                "Expected allocations in the first year (the parties' calculation)",
            ),
            "realised_so_far": _count(
                "Kommunale boliger i hjulet, der er anvist indtil nu",
                "Municipal homes in the wheel allocated so far",
            ),
        },
    ),
}


def errors(clean: dict[str, Any]) -> list[InputError]:
    """Contradictions between the section-data fields, each at its field."""
    counts = clean.get("allocated_counts")
    last = clean.get("last_year")
    area = clean.get("area") or {}
    checks: tuple[tuple[object, str, str, str, str], ...] = (
        (
            counts and counts["allocated_family_homes"] > counts["family_homes"],
            "allocated_counts.allocated_family_homes",
            "more_than_total",
            "«Familieboliger med anviste husstande» kan ikke være flere end familieboligerne i alt.",
            "“Family homes with allocated households” cannot be more than the family homes in all.",
        ),
        (
            counts and clean.get("allocated_share") is not None,
            "allocated_counts",
            "both_given",
            "Giv enten andelen af anviste eller antallene, ikke begge.",
            "Give either the allocated share or the counts, not both.",
        ),
        (
            last and last["allocated_homes"] > last["vacant_homes"],
            "last_year.allocated_homes",
            "more_than_total",
            "«Heraf anvist af kommunen» kan ikke være flere end de ledige familieboliger.",
            "“Of these allocated by the municipality” cannot be more than the vacant family homes.",
        ),
        (
            area.get("previous_designation") and area.get("designation", "none") != "none",
            "area.previous_designation",
            "still_designated",
            "En tidligere udpegning gælder kun et område, der ikke længere er udpeget.",
            "A previous designation applies only to an area that is no longer designated.",
        ),
    )
    return [InputError(path, code, T(da, en)) for failed, path, code, da, en in checks if failed]
