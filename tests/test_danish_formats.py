"""Danish text uses Danish number and date formats (issue 10.9): in every answer of every endpoint,
for the data cases and for valid random documents, no Danish text holds an ISO date or a decimal
point before a unit («8.2 %», «2022-12-01»), says «0 kriterier», or an English text «year(s)».
Error texts that show the input format itself («ÅÅÅÅ-MM-DD (fx 2026-03-01)») are left out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from endpoint_cases import SPECS, load_cases
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import valid_from_spec

from udlejning.catalogue import catalogue
from udlejning.endpoints import ENDPOINTS
from udlejning.inputspec import Spec

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
DECIMAL_POINT = re.compile(r"\d\.\d+ ?(%|kr\.|timer|år|måneder)")
ZERO_COUNT = re.compile(r"\b0 (kriterier|personer)\b")
BAD_EN = re.compile(r"\w\(s\)|\b0 criteria\b|\b1 (years|persons|criteria)\b")


def _texts(value: object, lang: str) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == lang and isinstance(item, str):
                yield item
            else:
                yield from _texts(item, lang)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, lang)


def check_formats(answer: dict) -> None:
    shown = (
        answer if answer["ok"] else {"errors": [e for e in answer["errors"] if e["code"] != "type"]}
    )
    for text in _texts(shown, "da"):
        assert not ISO_DATE.search(text), text
        assert not DECIMAL_POINT.search(text), text
        assert not ZERO_COUNT.search(text), text
    for text in _texts(shown, "en"):
        assert not BAD_EN.search(text), text


CASES = load_cases()


@pytest.mark.parametrize("item", CASES, ids=[label for _, label, _ in CASES])
def test_data_case_answers(item: tuple[str, str, dict]) -> None:
    endpoint, _, case = item
    check_formats(ENDPOINTS[endpoint](case["input"]))


in_agreement = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)).map(
    date.isoformat
)


def _steered(spec: Spec) -> st.SearchStrategy[object]:
    """Valid documents with their dates inside the agreement, so most answers are ok."""

    @st.composite
    def build(draw: st.DrawFn) -> object:
        document = draw(valid_from_spec(spec))
        assert isinstance(document, dict)
        for key, sub in spec.fields.items():
            if sub.kind == "date" and key in document:
                document[key] = draw(in_agreement)
        return document

    return build()


def _property(name: str):  # type: ignore[no-untyped-def]
    @settings(
        max_examples=120, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(_steered(SPECS[name]()))
    def test(document: object) -> None:
        check_formats(ENDPOINTS[name](document))

    return test


for _name in SPECS:
    globals()[f"test_valid_documents_{_name}"] = _property(_name)


def test_the_catalogue_texts() -> None:
    """The criteria's texts as the reference pages and the calculator show them (the catalogue):
    «1 year», never «1 year(s)» (B1's priority period). (The Danish checks above are for answers:
    the catalogue quotes amounts with a thousands separator, «22.904 kr.».)"""
    for text in _texts(catalogue(), "en"):
        assert not BAD_EN.search(text), text
