"""The JSON interface of Rules II (afsnit 6; Bilag 4 III; Bilag 17): schemas, CLI and never raising."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from udlejning import cli
from udlejning.schemas import SCHEMAS
from udlejning.situation_api import priority
from udlejning.tools.placement import placement
from udlejning.tools.wheel import wheel

from .households import A_ONLY

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "calculator" / "udlejning" / "schemas"
NEW = ("placement-input", "wheel-input", "priority-input")
EXAMPLES: dict[str, dict[str, Any]] = {
    "placement-input": {
        "date": "2024-03-01",
        "area": {"designation": "forebyggelse", "residents": 2400},
        "key_figures": {"unemployment": {"value": 36, "persons_from_limit": 40}},
        "allocated_share": "21.5",
        "limits": {"riskzone.convictions.threshold": "2.1"},
    },
    "wheel-input": {"date": "2026-01-01", "stair": "afdelingstrappe", "trin": 2},
    "priority-input": {
        **A_ONLY,
        "situation": {"stair": "afdelingstrappe", "trin": 1, "choices": {"1": "a"}},
    },
}
FUNCTIONS = {"placement-input": placement, "wheel-input": wheel, "priority-input": priority}


@pytest.mark.parametrize("name", NEW)
def test_committed_schema_files_match(name: str) -> None:
    """``python -m udlejning schema <name>`` wrote the committed files."""
    committed = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))
    assert committed == SCHEMAS[name]()


@pytest.mark.parametrize("name", NEW)
def test_examples_are_valid_against_their_schema_and_give_ok(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[name]())
    jsonschema.validate(EXAMPLES[name], SCHEMAS[name]())
    result = FUNCTIONS[name](EXAMPLES[name])
    assert result["ok"] is True, result
    json.dumps(result)  # JSON-able


@pytest.mark.parametrize("name", NEW)
@pytest.mark.parametrize(
    "doc",
    [None, 7, "x", [], {}, {"date": "2024-02-30"}, {"date": "2024-01-01", "extra": 1}],
    ids=repr,
)
def test_bad_input_gives_structured_errors(name: str, doc: Any) -> None:
    result = FUNCTIONS[name](doc)
    assert result["ok"] is False
    assert result["errors"]
    for error in result["errors"]:
        assert set(error) == {"path", "code", "da", "en"}


def test_wheel_outside_the_agreement() -> None:
    """The wheels hold 1 January 2024 – 31 December 2027 (afsnit 19)."""
    ok = wheel({"date": "2027-12-31", "stair": "afdelingstrappe", "trin": 4})
    assert ok["ok"] and ok["wheel"]["shares"]["municipal"] == "3/18"
    late = wheel({"date": "2028-01-01", "stair": "afdelingstrappe", "trin": 4})
    assert late["errors"][0]["code"] == "outside_agreement_period"


def test_placement_errors_name_the_field() -> None:
    result = placement(
        {"date": "2024-01-01", "allocated_share": 101, "key_figures": {"income": {"value": "x"}}}
    )
    paths = {e["path"] for e in result["errors"]}
    assert paths == {"allocated_share", "key_figures.income.value"}


@pytest.mark.parametrize(
    ("command", "doc", "code"),
    [
        ("wheel", EXAMPLES["wheel-input"], 0),
        ("placement", EXAMPLES["placement-input"], 0),
        ("priority", EXAMPLES["priority-input"], 0),
        ("priority", {"date": "x"}, 2),
    ],
)
def test_cli_subcommands(command: str, doc: Any, code: int, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(doc).encode())))
    assert cli.main([command]) == code
    assert json.loads(capsys.readouterr().out)["ok"] is (code == 0)


def test_cli_invalid_json(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"{nope")))
    assert cli.main(["wheel"]) == 2
    assert json.loads(capsys.readouterr().out)["errors"][0]["code"] == "invalid_json"
