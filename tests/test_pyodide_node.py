"""Pyodide (under Node, from node_modules/pyodide) gives the same JSON as CPython.

Every data case of every endpoint (tests/cases/<endpoint>/*.json, see tests/endpoint_cases.py), plus
edge and hostile documents for each endpoint (lone surrogates, dates at the calendar's edges,
non-ASCII digits, texts that are not JSON), is run through ``udlejning.endpoints.call_json`` (the
worker's entry point) in CPython and, via build_scripts/node_replay.mjs, in Pyodide with the freshly
built wheel installed by ``pyodide.unpackArchive``. The outputs must be identical strings.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from endpoint_cases import load_cases

from udlejning.endpoints import ENDPOINTS, call_json

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
REPLAY = ROOT / "build_scripts" / "node_replay.mjs"

# A few documents beyond the worked cases: edge and error paths must agree too.
EXTRA_INPUTS: list[object] = [
    {"date": "2026-03-01", "household": []},
    {"date": "not a date", "household": [{"id": "p1", "role": "applicant", "age": 34}]},
    {
        "date": "2026-03-01",
        "household": [
            {
                "id": "p1",
                "role": "applicant",
                "age": 34,
                "employment": {"kind": "employee", "hours_per_week": -5},
            }
        ],
    },
    [],
    "text",
]
# For every endpoint: documents that once broke an endpoint or differ between Python builds.
HOSTILE_TEXTS: list[str] = [
    '{"\\ud800": 1}',  # a lone surrogate as a key (the CLI's old traceback)
    '{"date": "9999-12-01", "allocated_share": "\\udfff"}',
    '{"date": "0001-01-01", "household": [], "trin_at_start": 1}',
    '{"date": "2026-03-01", "allocated_share": "٣٠", "hours": " 30 "}',
    '{"a":',  # not JSON: the message must be ours, not the runtime's
    "",
    "[" * 100_000,
]


def _tail(text: str, limit: int = 3000) -> str:
    # Pyodide errors under Node print a whole minified line (~1 MB): keep the end only.
    lines = [line if len(line) < 500 else line[:200] + " …[cut]" for line in text.splitlines()]
    return "\n".join(lines)[-limit:]


def _cases() -> list[tuple[str, str, dict[str, object]]]:
    return load_cases()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, str(ROOT / "build_scripts" / "build_site.py"), "--wheel-only", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return Path(result.stdout.strip().splitlines()[-1])


def test_there_are_worked_cases_for_every_endpoint() -> None:
    assert {endpoint for endpoint, _, _ in _cases()} == set(ENDPOINTS)


def test_pyodide_gives_the_same_json_as_cpython(wheel: Path, tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "node is needed for this test (scripts/setup.sh installs it)"
    assert (PYODIDE_DIR / "pyodide.asm.wasm").is_file(), "run scripts/setup.sh (npm ci) first"

    names: list[str] = []
    inputs: list[tuple[str, str]] = []
    for endpoint, name, case in _cases():
        names.append(name)
        inputs.append((endpoint, json.dumps(case["input"], ensure_ascii=False)))
    for index, document in enumerate(EXTRA_INPUTS):
        names.append(f"extra input #{index}")
        inputs.append(("evaluate", json.dumps(document, ensure_ascii=False)))
    for endpoint in ENDPOINTS:
        for index, text in enumerate(HOSTILE_TEXTS):
            names.append(f"{endpoint}: hostile input #{index}")
            inputs.append((endpoint, text))

    expected = [call_json(endpoint, text) for endpoint, text in inputs]

    inputs_path = tmp_path / "inputs.json"
    outputs_path = tmp_path / "outputs.json"
    inputs_path.write_text(json.dumps(inputs), encoding="utf-8")
    result = subprocess.run(
        [node, str(REPLAY), str(PYODIDE_DIR), str(wheel), str(inputs_path), str(outputs_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, _tail(result.stderr + result.stdout)
    actual = json.loads(outputs_path.read_text(encoding="utf-8"))
    assert len(actual) == len(expected)

    mismatches = [
        f"{name}:\n  CPython: {want[:400]}\n  Pyodide: {got[:400]}"
        for name, want, got in zip(names, expected, actual, strict=True)
        if want != got
    ]
    assert not mismatches, "\n".join(mismatches)
