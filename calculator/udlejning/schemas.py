"""JSON Schemas of the interface, all generated: each endpoint's input schema from its input spec
(``udlejning.inputspec``), its output schema from its answer declaration (``udlejning.outputs``),
both named in the registry (``udlejning.endpoints``). The package ships them as files in
``schemas/`` (the site serves that copy) and a test fails when they drift from what this module
produces: ``python -m udlejning schema NAME`` writes one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from udlejning.answers import input_schema_of
from udlejning.endpoints import BY_NAME, REGISTRY, Endpoint
from udlejning.household import input_schema
from udlejning.outputs.shape import JsonSchema, answer_schema


def _output(endpoint: Endpoint) -> JsonSchema:
    return answer_schema(endpoint.output_schema, endpoint.output, endpoint.spec())


def output_schema() -> JsonSchema:
    """The answer of ``evaluate``."""
    return _output(BY_NAME["evaluate"])


def _schemas() -> dict[str, Callable[[], JsonSchema]]:
    schemas: dict[str, Callable[[], JsonSchema]] = {}
    for endpoint in REGISTRY:
        schemas[endpoint.input_schema] = (
            input_schema
            if endpoint.name == "evaluate"
            else input_schema_of(endpoint.spec, endpoint.input_schema)
        )
        schemas[endpoint.output_schema] = partial(_output, endpoint)
    return schemas


SCHEMAS = _schemas()
