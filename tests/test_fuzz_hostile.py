"""The JSON interface keeps its promise for every input, for every endpoint (issue 14.5).

Hostile documents (``strategies.hostile_from_spec``: lone surrogates, non-ASCII digits, padded
decimals, dates at the edges of the calendar and of the agreement, long values) and hostile texts go
through every endpoint of ``udlejning.endpoints`` in-process and, a bounded number of times, through
``python -m udlejning`` in a subprocess. Nothing raises, no traceback, every answer is plain JSON that
validates against the endpoint's output schema, is UTF-8 encodable and bounded in size, none is an
internal error and none says «-0 %». The decimal and date grammar of the validator equals the
published schema's patterns read the ECMA way (as JSON Schema defines them), checked in Node.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from endpoint_cases import SPECS, load_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import EDGE_DATES, LONE_SURROGATES, hostile_from_spec, mutated

from udlejning.endpoints import ENDPOINTS, call_json
from udlejning.inputspec import DATE_RE, DECIMAL_RE, Spec, Validator
from udlejning.model import Text
from udlejning.schemas import SCHEMAS

ROOT = Path(__file__).resolve().parent.parent
VALIDATORS = {
    name: jsonschema.Draft202012Validator(
        SCHEMAS["output" if name == "evaluate" else f"{name.replace('_', '-')}-output"](),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    for name in SPECS
}
# Derandomized: the same documents on every run, so the counts test_fuzz_reached_every_endpoint
# checks do not depend on the seed (a random run once gave agreement_terms 49 errors of 50).
IN_PROCESS = settings(
    max_examples=300, deadline=None, database=None, derandomize=True,
    suppress_health_check=list(HealthCheck),
)  # fmt: skip
TEXTS = settings(
    max_examples=60, deadline=None, database=None, derandomize=True,
    suppress_health_check=list(HealthCheck),
)  # fmt: skip
MAX_STRING = 1_000  # no text in an answer is longer (the longest in the data cases: ~270)
MAX_ANSWER = 100_000  # characters of JSON (the largest data-case answer: ~25,000)
MINUS_ZERO = re.compile(r"(?<![0-9.,])-0(?:[.,]0*)?(?![0-9]|[.,][0-9])")
SEEN: dict[str, dict[str, int]] = {name: {"ok": 0, "errors": 0, "cli": 0} for name in SPECS}


def test_every_endpoint_is_fuzzed() -> None:
    assert set(SPECS) == set(ENDPOINTS)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def check_answer(name: str, answer: dict[str, Any]) -> None:
    text = json.dumps(answer, ensure_ascii=False, allow_nan=False)
    assert json.loads(text) == answer  # plain JSON
    text.encode("utf-8")  # no lone surrogate: any client can carry it
    assert len(text) <= MAX_ANSWER, (name, len(text))
    VALIDATORS[name].validate(answer)
    for s in _strings(answer):
        assert len(s) <= MAX_STRING, (name, s[:80])
        assert not MINUS_ZERO.search(s), (name, s)
    if answer["ok"]:
        SEEN[name]["ok"] += 1
        return
    SEEN[name]["errors"] += 1
    for error in answer["errors"]:
        assert error["path"] and error["da"] and error["en"], error
        assert error["code"] != "internal_error", (name, error)


def run(name: str, document: object) -> dict[str, Any]:
    answer = ENDPOINTS[name](document)  # must not raise
    check_answer(name, answer)
    # The worker's path (JSON text in and out) gives the same answer.
    assert json.loads(call_json(name, json.dumps(document))) == answer
    return answer


def hostile_documents(name: str) -> st.SearchStrategy[object]:
    """Spec-shaped hostile documents, and the endpoint's data cases with hostile leaves (so that
    many answers are ok: a household has cross-field rules random documents seldom meet)."""
    cases = [case["input"] for _, _, case in load_cases(name)]
    return st.one_of(hostile_from_spec(SPECS[name]()), st.one_of(*(mutated(c) for c in cases)))


def _in_process(name: str) -> Callable[[], None]:
    @IN_PROCESS
    @given(hostile_documents(name))
    def test(document: object) -> None:
        run(name, document)

    return test


for _name in SPECS:
    globals()[f"test_hostile_documents_{_name}"] = _in_process(_name)

# Texts that are JSON only now and then: any code point, lone surrogates included.
any_char = st.characters(codec=None, categories=None)
hostile_texts = st.one_of(
    st.text(any_char, max_size=30),
    st.builds(lambda a, b: f'{{"{a}": "{b}"}}', st.text(any_char, max_size=8), LONE_SURROGATES),
    st.builds(lambda n: "[" * n + "]" * n, st.integers(0, 300)),
    st.sampled_from(['{"a":', "\ufeff{}", "{}\u0000", "NaN", "[1e999]", '"\\ud800"', "１"]),
)


@TEXTS
@given(st.sampled_from(sorted(SPECS)), hostile_texts)
def test_hostile_texts_through_call_json(name: str, text: str) -> None:
    check_answer(name, json.loads(call_json(name, text)))


def _ok_case(name: str) -> dict[str, Any]:
    for endpoint, _label, case in load_cases(name):
        if endpoint == name and "errors" not in case["expect"] and case["expect"].get("ok", True):
            return case["input"]
    raise AssertionError(f"no ok data case for {name}")


@pytest.mark.parametrize("name", sorted(SPECS))
def test_edge_dates_in_every_date_field(name: str) -> None:
    """Every top-level date of an ok data case set to each edge date: an answer or an error on that
    date's own field (placement on 9999-12-01 used to be an internal error)."""
    spec, base = SPECS[name](), _ok_case(name)
    fields = [key for key, sub in spec.fields.items() if sub.kind == "date"]
    assert fields, name
    for key in fields:
        for edge in EDGE_DATES:
            answer = run(name, {**base, key: edge})
            if not answer["ok"]:
                assert all(e["path"] != "$" for e in answer["errors"]), answer["errors"]


@pytest.mark.parametrize("name", sorted(SPECS))
def test_long_values_are_not_echoed_in_full(name: str) -> None:
    """A 1 MB key and a 1 MB value: the answer stays small (it used to echo them, twice)."""
    huge = "x" * 1_000_000
    base = _ok_case(name)
    for document in ({**base, huge: 1}, {**base, next(iter(base)): huge}, {huge: huge}):
        answer = run(name, document)
        assert answer["ok"] is False
        assert len(json.dumps(answer, ensure_ascii=False)) < 20_000


def test_placement_has_the_same_date_rule_as_wheel_and_priority() -> None:
    """Outside the agreement's period the stairs and wheels do not exist: all three refuse the date
    with the same code on the same field (evaluate, which also answers what is missing, adds a
    notice instead)."""
    for on in ("2023-12-31", "2028-01-01", "2031-06-15", "9999-12-01"):
        for name in ("placement", "wheel", "priority"):
            answer = run(name, {**_ok_case(name), "date": on})
            assert [(e["path"], e["code"]) for e in answer["errors"]] == [
                ("date", "outside_agreement_period")
            ], (name, on, answer)
            assert "december" in answer["errors"][0]["da"] or "januar" in answer["errors"][0]["da"]


# --- The decimal and date grammar equals the schema's -----------------------------------------
SAMPLES = [
    "30", "-30", "30.5", "0", "-0", "007", "٣٠", "３０", " 30 ", "30\n", "\n30", "30.", ".5",
    "+30", "1e3", "1E3", "0x10", "1_000", "30,5", "", "-", "NaN", "Infinity", "３0", "3\u200b0",
    "2026-03-01", "2026-03-01\n", " 2026-03-01", "٢٠٢٦-٠٣-٠١", "2026-3-1", "+2026-03-01",
    "0001-01-01", "9999-12-31", "2026-02-30", "20260301", "2026-03-01T00:00", "１２３４-05-06",
]


def _ecma_matches(pattern: str, samples: list[str]) -> list[bool]:
    node = shutil.which("node")
    assert node, "node is needed (scripts/setup.sh installs it)"
    script = (
        "const [p, s] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const re = new RegExp(p, 'u');"
        "process.stdout.write(JSON.stringify(s.map((x) => re.test(x))));"
    )
    done = subprocess.run(
        [node, "-e", script],
        input=json.dumps([pattern, samples]),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_decimal_grammar_equals_the_schema_pattern() -> None:
    spec = Spec("decimal", Text("Tal", "Number"))
    accepted = [Validator().check(spec, s, "x") is not None for s in SAMPLES]
    assert accepted == _ecma_matches(DECIMAL_RE, SAMPLES), list(zip(SAMPLES, accepted, strict=True))
    assert Validator().check(spec, "-0", "x") == 0 and str(Validator().check(spec, "-0", "x")) == "0"


def test_date_grammar_equals_the_schema_pattern() -> None:
    spec = Spec("date", Text("Dato", "Date"))
    matches = _ecma_matches(DATE_RE.pattern, SAMPLES)
    for sample, match in zip(SAMPLES, matches, strict=True):
        accepted = Validator().check(spec, sample, "x") is not None
        assert accepted == (match and sample != "2026-02-30"), sample  # format: date adds the calendar


# --- Through the command line: a bounded number of subprocess runs ------------------------------
CLI_INPUTS: list[bytes] = [
    b'{"\\ud800": 1}',
    b'{"date": "9999-12-01", "x\\udfff": "\\ud83d"}',
    b'{"date": "0001-01-01", "allocated_share": "\xd9\xa3\xd9\xa0"}',
    b"\xff\xfe\x00",  # not UTF-8
    b'{"a":',
    b"[" * 100_000,
]
CLI_RUNS = settings(
    max_examples=3, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


def _cli(name: str, stdin: bytes) -> dict[str, Any]:
    command = name.replace("_", "-")
    done = subprocess.run(
        [sys.executable, "-m", "udlejning", command],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.stderr == b"", done.stderr.decode("utf-8", "replace")[-2000:]  # no traceback
    answer = json.loads(done.stdout.decode("utf-8"))  # strict UTF-8, valid JSON
    assert done.returncode == (0 if answer["ok"] else 2)
    check_answer(name, answer)
    SEEN[name]["cli"] += 1
    return answer


@pytest.mark.parametrize("name", sorted(SPECS))
def test_cli_never_prints_a_traceback(name: str) -> None:
    for stdin in CLI_INPUTS:
        answer = _cli(name, stdin)
        try:
            text = stdin.decode("utf-8")
        except UnicodeDecodeError:
            continue
        assert answer == json.loads(call_json(name, text))


def _cli_property(name: str) -> Callable[[], None]:
    @CLI_RUNS
    @given(hostile_documents(name))
    def test(document: object) -> None:
        assert _cli(name, json.dumps(document).encode("ascii")) == ENDPOINTS[name](document)

    return test


for _name in SPECS:
    globals()[f"test_cli_hostile_documents_{_name}"] = _cli_property(_name)


def test_fuzz_reached_every_endpoint() -> None:
    """Runs last (pytest keeps file order): the counts behind the claims above."""
    print("\nhostile fuzz counts:", json.dumps(SEEN))
    for name, seen in SEEN.items():
        assert seen["ok"] + seen["errors"] >= 300, (name, seen)
        assert seen["ok"] >= 10 and seen["errors"] >= 50, (name, seen)
        assert seen["cli"] >= len(CLI_INPUTS) + 1, (name, seen)
