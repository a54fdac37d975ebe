"""Every field of every form is named in its error by exactly the label the form shows, in Danish
and English, and no error text shows an internal path (the path is the error's own ``path`` key).

The forms are the declarations ``udlejning.forms`` generates from the input specs (what
``forms.mjs`` gives the browser); the errors are what the endpoints answer for a wrong value."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from udlejning.endpoints import BY_NAME, REGISTRY
from udlejning.forms import tool_forms

TOOLS = [e.name for e in REGISTRY if e.tool]


def form_fields(tool: str) -> list[dict[str, Any]]:
    out = []
    for section in tool_forms()[tool]:
        out += section.get("fields", [])
        for group in section.get("groups", []):
            out += group["fields"]
    return [f for f in out if not f.get("local")]


def with_value(doc: dict[str, Any], keys: list[str], value: object) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    node = out
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value
    return out


def wrong_value(field: dict[str, Any]) -> object:
    return "x" if field["type"] == "dates" else [1]


CASES = [(tool, field) for tool in TOOLS for field in form_fields(tool)]


@pytest.mark.parametrize(
    ("tool", "field"), CASES, ids=[f"{tool}:{field['path']}" for tool, field in CASES]
)
def test_error_names_the_field_by_its_form_label(tool: str, field: dict[str, Any]) -> None:
    endpoint = BY_NAME[tool]
    answer = endpoint.call(with_value(endpoint.example, field["keys"], wrong_value(field)))
    assert answer["ok"] is False
    errors = [e for e in answer["errors"] if e["path"] == field["path"]]
    assert errors, answer["errors"]
    for error in errors:
        assert f"«{field['label']['da']}»" in error["da"]
        assert f"“{field['label']['en']}”" in error["en"]


def test_no_error_text_shows_a_path() -> None:
    """Every wrong value at once: no visible error text contains a field's path."""
    for tool in TOOLS:
        endpoint = BY_NAME[tool]
        fields = form_fields(tool)
        # Paths that read as identifiers (a one-word path such as "date" is also an English word).
        paths = [f["path"] for f in fields if re.search(r"[._]", f["path"])]
        for field in fields:
            answer = endpoint.call(with_value(endpoint.example, field["keys"], wrong_value(field)))
            for error in answer["errors"]:
                for lang in ("da", "en"):
                    shown = [p for p in paths if re.search(rf"\b{re.escape(p)}\b", error[lang])]
                    assert not shown, (tool, error)


def test_every_form_label_is_the_spec_label() -> None:
    """The form is drawn from the spec: a field's label and hint are the spec's own."""
    for tool in TOOLS:
        spec = BY_NAME[tool].spec()
        for field in form_fields(tool):
            node = spec
            for key in field["keys"]:
                node = node.fields[key]
            assert field["label"] == node.label.to_json()
            if node.help is not None:
                assert field["hint"] == node.help.to_json()
