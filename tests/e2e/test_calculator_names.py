"""A person's name in the home seeker's calculator (issue 10 item 2), on a phone (390×844).

The married couple of tests/e2e/households.py, named «Maria» and «Ali» in the form's «Navn eller
nummer»: the answer in words, the findings and the medbring-ark name them by those names, not
«Person 1»; a blank name falls back to «Person 1». The names stay in the page: no request carries
them, nothing is stored and the address gets no fragment unless the user asks for it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request, expect

from udlejning.api import evaluate
from udlejning.questions import implied

from .calculator_page import open_calculator
from .conftest import CALCULATOR_TIMEOUT_MS, Watch, _open_page, serious_violations
from .households import HOUSEHOLDS
from .test_calculator_households import control, fill, settle

T = CALCULATOR_TIMEOUT_MS
NAMES = ("Maria", "Ali")


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch, list[str]]]:
    # CSP bypassed only so that axe-core can be injected; the site's own scripts are unchanged.
    sent: list[str] = []

    def record(request: Request) -> None:
        sent.append(f"{request.url} {request.post_data or ''}")

    for page, watch in _open_page(browser, base_url, bypass_csp=True):
        page.on("request", record)
        page.set_viewport_size({"width": 390, "height": 844})
        open_calculator(page, "da")
        yield page, watch, sent


def named_couple() -> dict[str, Any]:
    doc = copy.deepcopy(HOUSEHOLDS["couple"])
    doc["household"] = [
        {"id": name, **person} for name, person in zip(NAMES, doc["household"], strict=True)
    ]
    return doc


def test_the_answer_names_each_person_by_the_name_given(
    phone: tuple[Page, Watch, list[str]],
) -> None:
    page, watch, sent = phone
    doc = named_couple()
    fill(page, doc)
    output = evaluate(implied(doc))
    assert output["ok"], output

    summary = page.locator("#ub-answer-summary")
    s1 = summary.locator("li[data-criterion=S1]")
    expect(s1).to_contain_text("Maria (31 år) gør ikke: 22 timer om ugen; kravet er 25.", timeout=T)
    expect(s1).to_contain_text("Ali (34 år) gør.")
    expect(page.locator("section.ub-finding[data-criterion=A2]")).to_contain_text("Ali")
    expect(page.locator("section.ub-finding[data-criterion=S3] .ub-threshold")).to_have_text(
        ["Ali har ikke en uddannelse over grundskoleniveau."]
    )

    # The medbring-ark: the criteria met for whom, and the documents under each person's name.
    medbring = page.locator(".ub-medbring")
    expect(medbring.locator(".ub-medbring__met li[data-criterion=S2]")).to_contain_text(
        "Maria, Ali"
    )
    groups = output["summary"]["documents"]["met"]
    assert sorted(g["person"] for g in groups) == sorted(NAMES)
    for group in groups:
        box = medbring.locator(f'.ub-medbring__person[data-person="{group["person"]}"]')
        expect(box.locator("h5")).to_have_text(f"Dokumenter for {group['person']}")
        expect(box.locator("li")).to_have_count(len(group["items"]))
    expect(medbring).to_contain_text("Maria (ansøgeren")
    expect(page.locator(".ub-results")).not_to_contain_text("Person 1")
    expect(page.locator(".ub-results")).not_to_contain_text("Person 2")
    assert serious_violations(page) == []

    # A blank name is no name: the answer says «Person 1» again.
    control(page, "household[0].id").fill("   ")
    page.keyboard.press("Tab")
    settle(page)
    expect(s1).to_contain_text("Person 1 (31 år) gør ikke: 22 timer om ugen; kravet er 25.")
    expect(medbring.locator('.ub-medbring__person[data-person="Person 1"] h5')).to_have_text(
        "Dokumenter for Person 1"
    )

    # The names stayed in the page: in no request, not stored, not in the address.
    assert not [s for s in sent if "Ali" in s or "Maria" in s], sent
    stored = page.evaluate("() => JSON.stringify(Object.entries(window.localStorage))")
    assert "Ali" not in stored, json.loads(stored)
    assert page.evaluate("() => location.hash") == ""
    watch.assert_clean()
