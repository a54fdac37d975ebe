"""Issue 9.6: words about a value's state are written from the value. Adding a dated value to the
income amount's parameter file changes every sentence about it (R-01, the notices, the missing-fact
question, the guides' macro); and no amount is followed by a second full stop."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import udlejning.parameters as parameters
from udlejning.api import evaluate
from udlejning.parameters import DatedValue, all_parameters
from udlejning.readings import listed
from udlejning.texts import tidy, value_state

NAME = "skaerpede.income.monthly_amount"
HOUSEHOLD = {
    "date": "2026-03-01",
    "household": [
        {"role": "applicant", "age": 40, "education": {"kind": "none"},
         "income": {"taxable_in_dk": True, "monthly_gross": "30000"}},
    ],
}  # fmt: skip


@pytest.fixture
def with_a_new_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parameter file with one more value (1 December 2025), as a data change would add it."""
    real = dict(all_parameters())
    old = real[NAME]
    new = DatedValue(
        date(2025, 12, 1), Decimal("24400.00"), "Bekendtgørelse (eksempel)", date(2025, 11, 15)
    )
    real[NAME] = dataclasses.replace(old, values=(*old.values, new))
    monkeypatch.setattr(parameters, "all_parameters", lambda: real)
    listed.cache_clear()
    yield
    listed.cache_clear()


def test_the_state_sentence_names_the_only_value() -> None:
    assert (
        value_state(NAME, "da")
        == "Kilderne oplyser kun beløbet pr. 1. december 2022 (22.904,30 kr.)."
    )
    assert (
        value_state(NAME, "en")
        == "The sources give only the amount as of 1 December 2022 (DKK 22,904.30)."
    )


def test_a_new_value_updates_every_sentence(with_a_new_value: None) -> None:
    da = value_state(NAME, "da")
    assert "kun" not in da and "1. december 2025 (24.400,00 kr.)" in da
    assert "1. december 2025" in json.dumps(listed()["R-01"]["question"], ensure_ascii=False)
    result = evaluate(HOUSEHOLD)
    s4 = next(f for f in result["criteria"] if f["id"] == "S4")
    assert s4["verdict"] == "met"  # the new value is current on 1 March 2026
    assert "24.400,00 kr." in json.dumps(s4, ensure_ascii=False)
    assert not [n for n in result["notices"] if n["code"] == "parameter_not_current"]
    text = json.dumps(result, ensure_ascii=False)
    assert "kr.." not in text and "22.904,30 kr. pr. 1. december 2022, men" not in text


def test_no_answer_or_page_has_a_double_full_stop_after_kroner() -> None:
    assert tidy("mindst 24.400,00 kr..") == "mindst 24.400,00 kr."
    result = json.dumps(evaluate({**HOUSEHOLD, "date": "2024-06-01"}), ensure_ascii=False)
    assert "kr.." not in result
    docs = Path(__file__).resolve().parent.parent / "docs"
    assert not [p for p in docs.rglob("*.md") if "kr.." in p.read_text(encoding="utf-8")]
