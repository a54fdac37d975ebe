"""The rules version: one number in pyproject.toml and udlejning.__version__, in every answer."""

from __future__ import annotations

import tomllib
from pathlib import Path

import udlejning
from udlejning.api import evaluate

ROOT = Path(__file__).resolve().parents[1]


def test_package_version_is_the_same_in_pyproject_and_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == udlejning.__version__


def test_answers_name_the_package_version() -> None:
    answer = evaluate(
        {"date": "2026-03-01", "household": [{"id": "p1", "role": "applicant", "age": 30}]}
    )
    assert answer["package_version"] == udlejning.__version__ != "0.1.0"
