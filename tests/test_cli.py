"""``python -m udlejning``: JSON in, JSON out, structured errors and exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "udlejning", *args], input=stdin, capture_output=True, timeout=60
    )


def test_evaluate_reads_stdin_and_writes_json() -> None:
    doc = {
        "date": "2026-03-01",
        "household": [
            {
                "role": "applicant",
                "age": 40,
                "pension": "none",
                "employment": {"kind": "employee", "hours_per_week": 24},
            }
        ],
    }
    out = run("evaluate", stdin=json.dumps(doc).encode())
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    a1 = next(f for f in result["criteria"] if f["id"] == "A1")
    assert a1["verdict"] == "not_met"
    assert "A1 kræver 25" in a1["thresholds"][0]["da"]


@pytest.mark.parametrize(
    "stdin, path",
    [
        (b"not json", "$"),
        (b"\xff\xfe\x00", "$"),
        (b"", "$"),
        (
            b'{"date": "2026-03-01", "household": [{"role": "applicant", "age": 200}]}',
            "household[0].age",
        ),
    ],
)
def test_bad_input_gives_structured_errors_and_nonzero_exit(stdin: bytes, path: str) -> None:
    out = run("evaluate", stdin=stdin)
    assert out.returncode == 2
    assert b"Traceback" not in out.stderr + out.stdout
    errors = json.loads(out.stdout)["errors"]
    assert errors[0]["path"] == path and errors[0]["da"] and errors[0]["en"]


@pytest.mark.parametrize("which", ["input", "output"])
def test_schema_command(which: str) -> None:
    out = run("schema", which)
    assert out.returncode == 0
    assert json.loads(out.stdout)["$schema"].startswith("https://json-schema.org/")


def test_catalogue_command() -> None:
    out = run("catalogue")
    data = json.loads(out.stdout)
    assert [c["id"] for c in data["criteria"]] == ["A1", "A2", "B1", "C1", "S1", "S2", "S3", "S4"]


def test_unknown_command_is_a_usage_error_not_a_traceback() -> None:
    out = run("nonsense")
    assert out.returncode == 2 and b"Traceback" not in out.stderr
