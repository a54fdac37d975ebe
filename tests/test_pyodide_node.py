"""Pyodide (under Node, from node_modules/pyodide) gives the same JSON as CPython.

Every worked case in tests/cases/*.json (a file holds ``{"cases": [case, ...]}`` or one case;
a case is ``{"name", "reference", "input", "expect"}``) is run through ``udlejning.api.evaluate_json`` in CPython and, via build_scripts/node_replay.mjs, in
Pyodide with the freshly built wheel installed by ``pyodide.unpackArchive``. The outputs must be
identical strings.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from udlejning.api import evaluate_json
from udlejning.endpoints import call_json

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
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


def _tail(text: str, limit: int = 3000) -> str:
    # Pyodide errors under Node print a whole minified line (~1 MB): keep the end only.
    lines = [line if len(line) < 500 else line[:200] + " …[cut]" for line in text.splitlines()]
    return "\n".join(lines)[-limit:]


def _case_files() -> list[Path]:
    return sorted(CASES.glob("**/*.json"))


def _cases() -> list[tuple[str, dict[str, object]]]:
    """Every case; a case from an endpoint's file (``{"endpoint": name, ...}``, under
    tests/cases/<endpoint>/) carries the endpoint's name under ``endpoint``."""
    out: list[tuple[str, dict[str, object]]] = []
    for path in _case_files():
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"] if "cases" in data else [data]:
            if "endpoint" in data:
                case = {**case, "endpoint": data["endpoint"]}
            out.append((f"{path.relative_to(ROOT).as_posix()}: {case.get('name', '?')}", case))
    return out


def _replay_item(case: dict[str, object]) -> str | list[str]:
    """What node_replay.mjs gets for a case: the input text, or [endpoint, input text]."""
    text = json.dumps(case["input"], ensure_ascii=False)
    return [str(case["endpoint"]), text] if "endpoint" in case else text


def _cpython(item: str | list[str]) -> str:
    return call_json(item[0], item[1]) if isinstance(item, list) else evaluate_json(item)


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


def test_there_are_worked_cases() -> None:
    assert _cases(), f"no worked cases in {CASES}"


def test_pyodide_gives_the_same_json_as_cpython(wheel: Path, tmp_path: Path) -> None:
    node = shutil.which("node")
    assert node, "node is needed for this test (scripts/setup.sh installs it)"
    assert (PYODIDE_DIR / "pyodide.asm.wasm").is_file(), "run scripts/setup.sh (npm ci) first"

    names: list[str] = []
    inputs: list[str | list[str]] = []
    for name, case in _cases():
        names.append(name)
        inputs.append(_replay_item(case))
    for index, document in enumerate(EXTRA_INPUTS):
        names.append(f"extra input #{index}")
        inputs.append(json.dumps(document, ensure_ascii=False))

    expected = [_cpython(item) for item in inputs]

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
