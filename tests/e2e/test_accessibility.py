"""axe-core finds no serious or critical violations, in Danish and English."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from .calculator_page import fill_applicant, finding
from .conftest import AXE, CALCULATOR_TIMEOUT_MS, Watch

PAGES = ["/", "/en/", "/regler/kriterier/", "/en/regler/kriterier/"]


def _serious_violations(page: Page) -> list[dict[str, object]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_violations(axe_page: tuple[Page, Watch], path: str) -> None:
    page, watch = axe_page
    page.goto(path)
    violations = _serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_calculator_page_has_no_serious_violations(axe_page: tuple[Page, Watch], lang: str) -> None:
    page, watch = axe_page
    page.goto("/beregner/" if lang == "da" else "/en/beregner/")
    # Check the form with an error showing, then with a result showing.
    fill_applicant(page, lang, age="34", hours="-5")
    expect(page.locator("#ub-hours-error")).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    violations = _serious_violations(page)
    fill_applicant(page, lang, age="34", hours="24")
    expect(finding(page, "A1")).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    violations += _serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    watch.assert_clean()
