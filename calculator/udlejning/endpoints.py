"""Every JSON endpoint of the package by name, for the browser worker (and anything else that
dispatches by name). Each takes a JSON-able document and returns a JSON-able answer; none raises."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from udlejning.adapted_home_api import adapted_home
from udlejning.agreement_terms_api import agreement_terms
from udlejning.api import evaluate, evaluate_json
from udlejning.catalogue import catalogue
from udlejning.internal_move_api import internal_move
from udlejning.new_build_terms_api import new_build_terms
from udlejning.refugee_api import refugee_shared_home
from udlejning.saerbolig_move_api import saerbolig_move
from udlejning.situation_api import placement, priority, wheel
from udlejning.staff_api import allocation_limits, deadlines, new_build, saerbolig_phase_out
from udlejning.subsidy_api import subsidised_home
from udlejning.youth_api import youth_housing

Endpoint = Callable[[object], dict[str, Any]]

ENDPOINTS: dict[str, Endpoint] = {
    "evaluate": evaluate,
    "priority": priority,
    "placement": placement,
    "wheel": wheel,
    "deadlines": deadlines,
    "allocation_limits": allocation_limits,
    "new_build": new_build,
    "saerbolig_phase_out": saerbolig_phase_out,
    "youth_housing": youth_housing,
    "subsidised_home": subsidised_home,
    "refugee_shared_home": refugee_shared_home,
    "internal_move": internal_move,
    "new_build_terms": new_build_terms,
    "adapted_home": adapted_home,
    "saerbolig_move": saerbolig_move,
    "agreement_terms": agreement_terms,
}


def register(name: str, endpoint: Endpoint) -> None:
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
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return evaluate_json(text)  # the shared invalid_json error
    return json.dumps(endpoint(document), ensure_ascii=False)
