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
from udlejning.forms import (
    calculator_form,
    calculator_labels,
    leaves,
    situation_labels,
    tool_forms,
)

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


def assert_errors_name(answer: dict[str, Any], path: str, label: Any) -> None:
    """The answer is an error about ``path``, and each of its errors there names ``label``."""
    assert answer["ok"] is False
    errors = [e for e in answer["errors"] if e["path"] == path]
    assert errors, answer["errors"]
    for error in errors:
        assert f"«{label.da}»" in error["da"]
        assert f"“{label.en}”" in error["en"]


# The home seeker's calculator: its household form is drawn from the same specs (forms.mjs's
# CALCULATOR), person fields repeated per person; errors name each field by the label shown.
CALCULATOR_LABELS = calculator_labels()


def calculator_document(path: str, value: object) -> dict[str, Any]:
    """The evaluate example with one field (a calculator path, e.g. household[0].income.monthly_gross
    or household[0].convictions[0].year) set to ``value``."""
    doc = copy.deepcopy(BY_NAME["evaluate"].example)
    person = doc["household"][0]
    if path.startswith("household[0]."):
        rest = path[len("household[0].") :]
        if rest.startswith("convictions[0]."):
            item = {"year": 2020, "law": "straffeloven"}
            item[rest.split(".", 1)[1]] = value
            person["convictions"] = [item]
            return doc
        doc["household"] = [with_value(person, rest.split("."), value)]
        return doc
    if path.startswith("parameters."):
        doc["parameters"] = {path[len("parameters.") :]: value}
        return doc
    return with_value(doc, path.split("."), value)


@pytest.mark.parametrize("path", sorted(CALCULATOR_LABELS))
def test_calculator_error_names_the_field_by_its_form_label(path: str) -> None:
    label = CALCULATOR_LABELS[path]
    wrong: object = "x" if path.endswith("convictions") else [1]
    doc = calculator_document(path, wrong)
    if path.startswith("separation."):
        doc["separation"].setdefault("happened", True)
    answer = BY_NAME["evaluate"].call(doc)
    assert_errors_name(answer, path, label)


def test_calculator_form_is_the_spec() -> None:
    """Every field the calculator draws has the spec's label, hint and When; none is left out."""
    from udlejning.household import PERSON, document_spec

    drawn = {f["path"]: f for s in calculator_form()["person"] for f in s.get("fields", [])}
    for keys, spec, _, _ in leaves(PERSON):
        field = drawn[".".join(keys)]
        assert field["label"] == spec.label.to_json()
        assert field.get("hint") == (spec.help.to_json() if spec.help else None)
        assert field.get("show") == (spec.show.to_json() if spec.show else None)
    top = {f["path"] for s in calculator_form()["sections"] for f in s.get("fields", [])}
    assert top == {".".join(k) for k, *_ in leaves(document_spec())}


# The home's situation in the calculator (stair, step, risk zone): drawn from the ``priority``
# endpoint's input spec (forms.mjs's CALCULATOR.situation); its errors name each field the same way.
SITUATION_LABELS = situation_labels()


@pytest.mark.parametrize("path", sorted(SITUATION_LABELS))
def test_situation_error_names_the_field_by_its_form_label(path: str) -> None:
    label = SITUATION_LABELS[path]
    endpoint = BY_NAME["priority"]
    answer = endpoint.call(with_value(endpoint.example, path.split("."), [1]))
    assert_errors_name(answer, path, label)


def test_calculator_situation_form_is_the_spec() -> None:
    """The situation part the calculator draws: the stair, the step after it, the risk zone on the
    area stair's step 1, each with the spec's label and When."""
    from udlejning.situation_api import situation_spec

    [section] = calculator_form()["situation"]
    drawn = {f["path"]: f for f in section["fields"]}
    for group in section["groups"]:
        drawn.update({f["path"]: f for f in group["fields"]})
    assert set(drawn) == set(SITUATION_LABELS)
    for keys, spec, _, _ in leaves(situation_spec(), ("situation",)):
        field = drawn[".".join(keys)]
        assert field["label"] == spec.label.to_json()
        assert field.get("show") == (spec.show.to_json() if spec.show else None)
    assert drawn["situation.trin"]["options_by"]["field"] == "situation.stair"
