"""Issue 11: every reading a rule names is listed (and so on the ambiguities page) with its chosen and
alternative outcome; a rule naming an unlisted reading fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from udlejning.household import parse_household
from udlejning.readings import Readings, UnknownReading, contested, listed

PACKAGE = Path(__file__).resolve().parent.parent / "calculator" / "udlejning"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "regler"


def test_every_reading_in_the_code_is_listed() -> None:
    named = set()
    for path in PACKAGE.rglob("*.py"):
        named |= set(re.findall(r'reading\("(R-\d\d)"\)', path.read_text(encoding="utf-8")))
    assert named, "no rule names a reading"
    assert named <= set(listed()), named - set(listed())


def test_an_unlisted_reading_is_refused() -> None:
    with pytest.raises(UnknownReading):
        Readings().alternative("R-99")


def test_every_reading_has_an_alternative_on_the_page_in_both_languages() -> None:
    da = (DOCS / "tvivl.md").read_text(encoding="utf-8")
    en = (DOCS / "tvivl.en.md").read_text(encoding="utf-8")
    for rid, entry in listed().items():
        alternative = entry["alternative"]
        assert isinstance(alternative, dict) and alternative["da"] and alternative["en"], rid
        assert alternative["da"] in da and alternative["en"] in en, rid


def test_contested_readings_carry_outcomes_and_the_re_reading() -> None:
    assert {"R-03", "R-04", "R-09", "R-29", "R-35"} <= set(contested())
    for rid in contested():
        entry = listed()[rid]
        for key in ("outcome", "decision"):
            assert set(entry[key]) == {"da", "en"}, (rid, key)  # type: ignore[arg-type]
        assert str(entry["lines"]).startswith("L"), rid


def test_a_reading_choice_outside_the_list_is_an_input_error() -> None:
    _, errors = parse_household(
        {
            "date": "2026-03-01",
            "household": [{"role": "applicant"}],
            "readings": {"R-99": "alternative"},
        }
    )
    assert [e.path for e in errors] == ["readings.R-99"]
    _, errors = parse_household(
        {"date": "2026-03-01", "household": [{"role": "applicant"}], "readings": {"R-03": "other"}}
    )
    assert [e.path for e in errors] == ["readings.R-03"]


def test_every_contested_reading_has_a_data_case_where_the_other_reading_says_something_else() -> (
    None
):
    """Issue 11: for each contested reading a data case (replayed in Pyodide too) whose answer says,
    in words, what the other reading gives: a verdict (evaluate, allocation_limits) or, for the
    afsnit 6.1.6 transition (R-29, R-41), what ends the suspension and whether S2 applies."""
    from endpoint_cases import load_cases

    shown: set[str] = set()
    for _, _, case in load_cases():
        expect = case["expect"]
        others = expect.get("other_readings", [])
        if isinstance(others, dict):  # evaluate: the readings per criterion
            shown |= {rid for rids in others.values() for rid in rids}
        else:
            shown |= set(others)
        shown |= {
            str(value)
            for key, value in expect.get("values", {}).items()
            if ".other_readings." in key and key.endswith(".reading")
        }
    assert set(contested()) <= shown, set(contested()) - shown
