"""axe-core on the calculator as a person leaves it: filled in, with the answer, the letting wheel
and the checklist showing (and with errors showing), in Danish and English."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from .calculator_page import LABELS, VERDICTS, field, open_calculator, set_date, submit, verdict
from .conftest import CALCULATOR_TIMEOUT_MS, Watch, serious_violations

T = CALCULATOR_TIMEOUT_MS


@pytest.mark.parametrize("lang", ["da", "en"])
def test_filled_in_calculator_has_no_serious_violations(
    axe_page: tuple[Page, Watch], lang: str
) -> None:
    page, watch = axe_page
    labels = LABELS[lang]
    open_calculator(page, lang)
    set_date(page, lang)
    # Errors first: the form with inline messages.
    field(page, lang, "age").fill("200")
    submit(page, lang)
    expect(page.locator(".ub-form-errors")).to_be_visible(timeout=T)
    violations = serious_violations(page)

    # Then a full answer: two people, a conviction, the area stair step 1 with its risk zone.
    field(page, lang, "age").fill("41")
    field(page, lang, "kind").select_option("project")
    field(page, lang, "hours").fill("20")
    field(page, lang, "convicted").select_option("yes")  # opens the first conviction
    page.locator("form [data-path='household[0].convictions[0].year']").fill("2025")
    page.locator("form [data-path='household[0].convictions[0].law']").select_option("straffeloven")
    page.get_by_role("button", name=labels["addPerson"]).click()
    field(page, lang, "role", 1).select_option("cohabitant")
    field(page, lang, "age", 1).fill("39")
    field(page, lang, "happened", None).select_option("yes")
    field(page, lang, "stair", None).select_option("omraadetrappe")
    field(page, lang, "trin", None).select_option("1")
    page.locator("form [data-path='situation.risk_zone.unemployment']").select_option("yes")
    submit(page, lang)
    expect(verdict(page, "S2")).to_have_text(VERDICTS[lang]["not_met"], timeout=T)
    expect(page.locator("section.ub-wheel li.ub-home")).to_have_count(9)
    expect(page.locator(".ub-medbring")).to_be_visible()
    violations += serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    watch.assert_clean()
