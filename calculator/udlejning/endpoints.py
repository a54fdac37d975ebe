"""The one registry of the package's JSON endpoints: name, input spec, rule call, output schema,
command-line name, help, example and form. The browser worker (``call_json``), the command line
(``udlejning.cli``), the schemas (``udlejning.schemas``), the docs' JSON page
(``build_scripts/render_docs.py``) and the browser forms (``udlejning.forms``, drawn by
``calculator/web/form.mjs``) all read it. Each endpoint takes a JSON-able document and returns a
JSON-able answer; none raises.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from udlejning.answers import parse_json
from udlejning.api import evaluate
from udlejning.catalogue import catalogue
from udlejning.household import document_spec
from udlejning.inputspec import Spec
from udlejning.outputs import evaluate as evaluate_out
from udlejning.outputs import rules4, situation, staff
from udlejning.outputs.shape import Answer
from udlejning.situation_api import priority, priority_spec
from udlejning.staff_api import (
    allocation_limits,
    allocation_limits_spec,
    deadlines,
    deadlines_spec,
    new_build,
    new_build_spec,
    saerbolig_phase_out,
    saerbolig_phase_out_spec,
)
from udlejning.tools.adapted_home import adapted_home, adapted_home_spec
from udlejning.tools.agreement_terms import agreement_terms, agreement_terms_spec
from udlejning.tools.internal_move import internal_move, internal_move_spec
from udlejning.tools.new_build_terms import new_build_terms, new_build_terms_spec
from udlejning.tools.placement import placement, placement_spec
from udlejning.tools.refugee_shared_home import refugee_shared_home, refugee_shared_home_spec
from udlejning.tools.saerbolig_move import saerbolig_move, saerbolig_move_spec
from udlejning.tools.subsidised_home import subsidised_home, subsidised_home_spec
from udlejning.tools.wheel import WHEEL_PAGE_FIELDS, wheel, wheel_spec
from udlejning.tools.youth_housing import youth_housing, youth_housing_spec

Call = Callable[[object], dict[str, Any]]


@dataclass(frozen=True)
class Endpoint:
    """``schema``: the stem of its schemas' names (``<schema>-input``/``-output``, ``input``/``output``
    for evaluate); ``cli``: the command-line subcommand; ``tool``: a staff tool draws its form from
    ``spec`` (plus ``page_fields`` the page keeps to itself); ``output``: what it answers, declared
    in ``udlejning.outputs`` (its output schema is generated from that)."""

    name: str
    call: Call
    spec: Callable[[], Spec]
    schema: str
    cli: str
    help: str
    example: dict[str, Any]
    tool: bool = False
    page_fields: dict[str, Spec] = field(default_factory=dict)
    output: Answer = field(kw_only=True)

    @property
    def input_schema(self) -> str:
        return "input" if self.name == "evaluate" else f"{self.schema}-input"

    @property
    def output_schema(self) -> str:
        return "output" if self.name == "evaluate" else f"{self.schema}-output"


HOUSEHOLD_EXAMPLE: list[dict[str, Any]] = [
    {
        "role": "applicant",
        "age": 40,
        "pension": "none",
        "employment": {"kind": "employee", "hours_per_week": 30},
    }
]

REGISTRY: tuple[Endpoint, ...] = (
    Endpoint(
        "evaluate",
        evaluate,
        document_spec,
        "input",
        "evaluate",
        "vurdér en husstand (JSON på stdin) / evaluate a household (JSON on stdin)",
        {"date": "2026-03-01", "household": HOUSEHOLD_EXAMPLE},
        output=evaluate_out.EVALUATE,
    ),
    Endpoint(
        "priority",
        priority,
        priority_spec,
        "priority",
        "priority",
        "hvor har husstanden fortrinsret? / where does a household get priority?",
        {
            "date": "2026-03-01",
            "household": HOUSEHOLD_EXAMPLE,
            "situation": {"stair": "afdelingstrappe", "trin": 2},
        },
        output=situation.PRIORITY,
    ),
    Endpoint(
        "placement",
        placement,
        placement_spec,
        "placement",
        "placement",
        "placér en afdeling på en trappe / place a section on a stair (JSON on stdin)",
        {
            "date": "2024-03-01",
            "area": {"designation": "none", "residents": 2400},
            "key_figures": {
                "unemployment": {"value": "36.5"},
                "convictions": {"value": "1.2"},
                "education": {"value": "58.0"},
                "income": {"value": "70.0"},
            },
            "allocated_share": "21.5",
        },
        tool=True,
        output=situation.PLACEMENT,
    ),
    Endpoint(
        "wheel",
        wheel,
        wheel_spec,
        "wheel",
        "wheel",
        "vis et udlejningshjul / show a letting wheel (JSON on stdin)",
        {"date": "2026-03-01", "stair": "afdelingstrappe", "trin": 2},
        tool=True,
        page_fields=WHEEL_PAGE_FIELDS,
        output=situation.WHEEL_ANSWER,
    ),
    Endpoint(
        "deadlines",
        deadlines,
        deadlines_spec,
        "deadlines",
        "deadlines",
        "frister efter Bilag 14 / deadlines under Bilag 14 (JSON on stdin)",
        {"received_on": "2026-03-02", "allocated_on": "2026-03-16", "moving_in_on": "2026-04-01"},
        tool=True,
        output=staff.DEADLINES,
    ),
    Endpoint(
        "allocation_limits",
        allocation_limits,
        allocation_limits_spec,
        "allocation-limits",
        "allocation-limits",
        "må kommunen anvise borgeren her? (Bilag 5) / may the municipality allocate here?",
        {"date": "2026-03-02", "area": "forebyggelse"},
        tool=True,
        output=staff.ALLOCATION_LIMITS,
    ),
    Endpoint(
        "new_build",
        new_build,
        new_build_spec,
        "new-build",
        "new-build",
        "kommunal anvisning i nybyggeri (afsnit 11) / municipal allocation in new builds",
        {
            "date": "2026-03-02",
            "taken_into_use": "2025-06-01",
            "letting": "first",
            "cheap_share": "12",
        },
        tool=True,
        output=staff.NEW_BUILD,
    ),
    Endpoint(
        "saerbolig_phase_out",
        saerbolig_phase_out,
        saerbolig_phase_out_spec,
        "saerbolig-phase-out",
        "saerbolig-phase-out",
        "udfasning af særboliger (afsnit 9) / phasing out special homes (JSON on stdin)",
        {"trin_at_start": 2, "date": "2026-03-02", "home": "saerbolig"},
        tool=True,
        output=staff.SAERBOLIG_PHASE_OUT,
    ),
    Endpoint(
        "youth_housing",
        youth_housing,
        youth_housing_spec,
        "youth-housing",
        "youth-housing",
        "ungdomsboliger: kommunens andel og målgruppen (afsnit 7) / youth homes (afsnit 7)",
        {
            "date": "2026-03-02",
            "section": "primarily_youth",
            "shared_kitchens": 4,
            "young_person": {"age": 22, "single": True, "education": "in_education"},
        },
        output=rules4.YOUTH_HOUSING,
        tool=True,
    ),
    Endpoint(
        "subsidised_home",
        subsidised_home,
        subsidised_home_spec,
        "subsidised-home",
        "subsidised-home",
        "tilskudsboliger (Bilag 11) / subsidised homes (Bilag 11)",
        {
            "date": "2026-03-02",
            "rent": "5200",
            "stair": "afdelingstrappe",
            "first_paid": "2025-02-01",
        },
        output=rules4.SUBSIDISED_HOME,
        tool=True,
    ),
    Endpoint(
        "refugee_shared_home",
        refugee_shared_home,
        refugee_shared_home_spec,
        "refugee-shared-home",
        "refugee-shared-home",
        "delte boliger til flygtninge (Bilag 9) / shared homes for refugees (Bilag 9)",
        {
            "date": "2026-03-02",
            "stair": "afdelingstrappe",
            "trin": 1,
            "places_used_this_year": 12,
            "refugee": {"single": True, "family_reunification_possible": False},
        },
        output=rules4.REFUGEE_SHARED_HOME,
        tool=True,
    ),
    Endpoint(
        "internal_move",
        internal_move,
        internal_move_spec,
        "internal-move",
        "internal-move",
        "intern oprykning (Bilag 4, V) / internal moves (Bilag 4, V)",
        {
            "date": "2026-03-02",
            "stair": "afdelingstrappe",
            "trin": 3,
            "from_same_department": False,
        },
        output=rules4.INTERNAL_MOVE,
        tool=True,
    ),
    Endpoint(
        "new_build_terms",
        new_build_terms,
        new_build_terms_spec,
        "new-build-terms",
        "new-build-terms",
        "nybyggeri: overgangsregel og 100 % anvisning (afsnit 11) / new builds: transition and full allocation",
        {"date": "2025-03-02", "taken_into_use": "2022-06-01", "kind": "ordinary"},
        output=rules4.NEW_BUILD_TERMS,
        tool=True,
    ),
    Endpoint(
        "adapted_home",
        adapted_home,
        adapted_home_spec,
        "adapted-home",
        "adapted-home",
        "kompensation for tilpassede boliger (afsnit 8.4) / compensation for adapted homes (afsnit 8.4)",
        {"date": "2026-03-02", "adapted_on": "2021-05-01", "amount": "48000"},
        output=rules4.ADAPTED_HOME,
        tool=True,
    ),
    Endpoint(
        "saerbolig_move",
        saerbolig_move,
        saerbolig_move_spec,
        "saerbolig-move",
        "saerbolig-move",
        "flytning af en særbolig (afsnit 9) / moving a special home (afsnit 9)",
        {
            "date": "2026-03-02",
            "target_trin_at_start": 1,
            "target_allocated_share_at_start": "27",
        },
        output=rules4.SAERBOLIG_MOVE,
        tool=True,
    ),
    Endpoint(
        "agreement_terms",
        agreement_terms,
        agreement_terms_spec,
        "agreement-terms",
        "agreement-terms",
        "aftalens periode, gamle aftaler og opsigelse (afsnit 17-19) / the agreement's terms (afsnit 17-19)",
        {"date": "2026-03-02", "notice_given": "2025-03-01"},
        output=rules4.AGREEMENT_TERMS,
        tool=True,
    ),
)
BY_NAME: dict[str, Endpoint] = {e.name: e for e in REGISTRY}
BY_CLI: dict[str, Endpoint] = {e.cli: e for e in REGISTRY}
ENDPOINTS: dict[str, Call] = {e.name: e.call for e in REGISTRY}


def register(name: str, endpoint: Call) -> None:
    ENDPOINTS[name] = endpoint


def call_json(name: str, text: str) -> str:
    """JSON text in, JSON text out, for the endpoint ``name``; unknown names and bad JSON give
    the same structured error shape as every endpoint."""
    if name == "catalogue":
        return json.dumps(catalogue(), ensure_ascii=False)
    endpoint = ENDPOINTS.get(name)
    if endpoint is None:
        return json.dumps(
            {
                "ok": False,
                "schema_version": "1",
                "errors": [
                    {
                        "path": "$",
                        "code": "unknown_endpoint",
                        "da": f"Beregningen «{name}» findes ikke.",
                        "en": f"The calculation “{name}” does not exist.",
                    }
                ],
            },
            ensure_ascii=False,
        )
    document, invalid = parse_json(text)
    return json.dumps(invalid or endpoint(document), ensure_ascii=False)
