"""Every endpoint's answer matches its output schema, generated from its answer declaration
(``udlejning.outputs``, named in the registry); the schemas are closed, so an answer with a key the
declaration does not name, without a key it promises or with a value it does not allow fails; and
the package's schema files are exactly what the generator writes."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from importlib import resources
from typing import Any

import jsonschema
import pytest
from endpoint_cases import load_cases

from udlejning.cli import _dump
from udlejning.endpoints import BY_NAME, REGISTRY, Endpoint
from udlejning.outputs.shape import ENVELOPE
from udlejning.schemas import SCHEMAS

CHECKER = jsonschema.Draft202012Validator.FORMAT_CHECKER
NAMES = [e.name for e in REGISTRY]


def _validator(endpoint: Endpoint) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        SCHEMAS[endpoint.output_schema](), format_checker=CHECKER
    )


def _answers(endpoint: Endpoint) -> list[tuple[str, dict[str, Any]]]:
    """The answers to the registry's example and to every data case of the endpoint."""
    found = [("example", endpoint.call(endpoint.example))]
    found += [(label, endpoint.call(case["input"])) for _, label, case in load_cases(endpoint.name)]
    return found


ANSWERS = {name: _answers(BY_NAME[name]) for name in NAMES}


def _ok_branch(endpoint: Endpoint) -> dict[str, Any]:
    ok, failed = SCHEMAS[endpoint.output_schema]()["oneOf"]
    assert failed["properties"]["ok"] == {"const": False}
    return ok


@pytest.mark.parametrize("name", NAMES)
def test_every_answer_matches_its_schema(name: str) -> None:
    validator = _validator(BY_NAME[name])
    answers = ANSWERS[name]
    assert any(answer["ok"] for _, answer in answers), f"{name}: no case gives an answer"
    for label, answer in answers:
        errors = [e.message for e in validator.iter_errors(answer)]
        assert not errors, (label, errors[:3])


@pytest.mark.parametrize("name", NAMES)
def test_every_endpoint_declares_its_fields_not_only_the_envelope(name: str) -> None:
    """The answer's own keys are declared one by one, and every declared key is in the answer to
    the example (or among the few the declaration marks as sometimes absent)."""
    endpoint = BY_NAME[name]
    ok = _ok_branch(endpoint)
    assert ok["additionalProperties"] is False
    declared = set(ok["properties"]) - set(ENVELOPE)
    assert declared == set(endpoint.output.fields), name
    example = endpoint.call(endpoint.example)
    assert example["ok"] is True, example
    given = set(example) - set(ENVELOPE)
    assert declared - set(endpoint.output.optional) <= given <= declared, name


def _objects(value: object, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(value, dict):
        yield path, value
        for key, sub in value.items():
            yield from _objects(sub, f"{path}.{key}")
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _objects(sub, f"{path}[{i}]")


def _mutants(answer: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Copies of an answer, each wrong in one way: an undeclared key in one of its objects; a key
    of the answer gone; a value replaced by one of another type."""
    for index, (path, _) in enumerate(list(_objects(answer))):
        changed = copy.deepcopy(answer)
        target = list(_objects(changed))[index][1]
        target["unexpected"] = "x"
        yield f"{path}.unexpected added", changed
    for key in set(answer) - {"summary", "section_rules"}:
        changed = copy.deepcopy(answer)
        del changed[key]
        yield f"$.{key} dropped", changed
    for key, value in answer.items():
        changed = copy.deepcopy(answer)
        changed[key] = {"not": "this"} if not isinstance(value, dict) else "not this"
        yield f"$.{key} of another type", changed


@pytest.mark.parametrize("name", NAMES)
def test_an_answer_that_differs_from_its_declaration_fails(name: str) -> None:
    endpoint = BY_NAME[name]
    validator = _validator(endpoint)
    answer = endpoint.call(endpoint.example)
    mutants = list(_mutants(answer))
    assert len(mutants) > 10
    passed = [what for what, mutant in mutants if validator.is_valid(mutant)]
    assert not passed, f"{name}: the schema accepts answers with {passed[:5]}"


def test_the_error_answer_matches_every_schema() -> None:
    for endpoint in REGISTRY:
        answer = endpoint.call({"date": "31-12-2026", "unknown": 1})
        assert answer["ok"] is False
        _validator(endpoint).validate(answer)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_committed_schema_file_is_what_the_generator_writes(name: str) -> None:
    kept = resources.files("udlejning") / "schemas" / f"{name}.schema.json"
    assert kept.read_text("utf-8") == _dump(SCHEMAS[name]()) + "\n", (
        f"Regenerate: cd calculator && python -m udlejning schema {name} "
        f"> udlejning/schemas/{name}.schema.json"
    )


def test_no_schema_file_is_left_over() -> None:
    folder = resources.files("udlejning") / "schemas"
    kept = {p.name for p in folder.iterdir() if p.name.endswith(".schema.json")}
    assert kept == {f"{name}.schema.json" for name in SCHEMAS}


def test_every_endpoint_has_both_schemas_and_its_own_bilingual_title() -> None:
    titles = []
    for endpoint in REGISTRY:
        assert {endpoint.input_schema, endpoint.output_schema} <= set(SCHEMAS)
        titles.append(SCHEMAS[endpoint.output_schema]()["title"])
    assert all(" / " in title for title in titles), titles
    assert len(set(titles)) == len(titles), titles


def test_the_generator_reads_echoed_values_from_the_input_spec() -> None:
    from udlejning.inputspec import Spec
    from udlejning.model import Text
    from udlejning.outputs.shape import from_input, nullable, obj, to_schema

    spec = Spec(
        "object",
        Text("Skema", "Form"),
        fields={
            "kind": Spec("enum", Text("Slags", "Kind"), options={"a": Text("a", "a")}),
            "trin": Spec("integer", Text("Trin", "Step"), minimum=1, maximum=4),
        },
    )
    answer = obj({"kind": from_input("kind"), "trin": nullable(from_input("trin"))}, ("trin",))
    schema = to_schema(answer, spec)
    assert schema["properties"] == {
        "kind": {"enum": ["a"]},
        "trin": {"type": ["integer", "null"], "minimum": 1, "maximum": 4},
    }
    assert schema["required"] == ["kind"]
    assert to_schema(nullable(answer), spec)["oneOf"][0] == {"type": "null"}
    with pytest.raises(KeyError):
        to_schema(from_input("missing"), spec)
