"""The one registry of the package's JSON endpoints (declared in ``endpoints.toml``): name, input
spec, rule call, output schema, command-line name, help, example and form. The browser worker (``call_json``), the command line
(``udlejning.cli``), the schemas (``udlejning.schemas``), the docs' JSON page
(``build_scripts/render_docs.py``) and the browser forms (``udlejning.forms``, drawn by
``calculator/web/form.mjs``) all read it. Each endpoint takes a JSON-able document and returns a
JSON-able answer; none raises.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from importlib import import_module
from typing import Any

from udlejning import data_files
from udlejning.answers import parse_json
from udlejning.catalogue import catalogue
from udlejning.inputspec import Spec
from udlejning.outputs.shape import Answer

Call = Callable[[object], dict[str, Any]]


def _attribute(module: str, name: str) -> Any:
    return getattr(import_module(module), name)


@dataclass(frozen=True)
class Endpoint:
    """One table of ``endpoints.toml``. ``module`` holds the rule call (a function named like
    the endpoint) and its input spec (``<name>_spec``, or ``spec_at``, ``"module:function"``);
    ``output_at`` names its answer declaration in ``udlejning.outputs`` (its output schema is
    generated from that); ``tool``: a staff tool draws its form from ``spec`` (plus
    ``page_fields``, which the page keeps to itself). The module is imported only when the
    endpoint's call, spec or fields are first asked for, so a start that answers one endpoint
    loads only that endpoint's rules."""

    name: str
    module: str
    help: str
    example: dict[str, Any]
    output_at: str
    spec_at: str = ""
    tool: bool = False
    page_fields_at: str = ""

    @property
    def cli(self) -> str:
        """The command-line subcommand, also the stem of its schemas' names."""
        return self.name.replace("_", "-")

    @cached_property
    def call(self) -> Call:
        return _attribute(self.module, self.name)

    @cached_property
    def spec(self) -> Callable[[], Spec]:
        module, _, name = (self.spec_at or f"{self.module}:{self.name}_spec").partition(":")
        return _attribute(module, name)

    @cached_property
    def page_fields(self) -> dict[str, Spec]:
        return _attribute(self.module, self.page_fields_at) if self.page_fields_at else {}

    @cached_property
    def output(self) -> Answer:
        module, _, name = self.output_at.rpartition(".")
        return _attribute(f"udlejning.outputs.{module}", name)

    @property
    def input_schema(self) -> str:
        return "input" if self.name == "evaluate" else f"{self.cli}-input"

    @property
    def output_schema(self) -> str:
        return "output" if self.name == "evaluate" else f"{self.cli}-output"


def _read_registry() -> tuple[Endpoint, ...]:
    raw = data_files.toml("endpoints.toml")
    return tuple(
        Endpoint(
            name,
            table["module"],
            table["help"],
            table["example"],
            output_at=table["output"],
            spec_at=table.get("spec", ""),
            tool=table.get("tool", False),
            page_fields_at=table.get("page_fields", ""),
        )
        for name, table in raw.items()
    )


class _Calls(Mapping[str, Call]):
    """name -> rule call, importing an endpoint's module only when its call is looked up."""

    def __init__(self, registry: tuple[Endpoint, ...]) -> None:
        self._by_name = {e.name: e for e in registry}

    def __getitem__(self, name: str) -> Call:
        return self._by_name[name].call

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)


REGISTRY: tuple[Endpoint, ...] = _read_registry()
BY_NAME: dict[str, Endpoint] = {e.name: e for e in REGISTRY}
BY_CLI: dict[str, Endpoint] = {e.cli: e for e in REGISTRY}
ENDPOINTS = _Calls(REGISTRY)


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
