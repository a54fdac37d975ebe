"""Issue 11 in Chromium: the staff tools show what the other reading of a contested R-item gives.

- R-29 (afsnit 6.1.6, L967–980; Bilag 5, L4840–4851): in a former transformation area with a
  development plan, inside the agreement's period both readings keep allocation suspended; they
  differ in what ends the suspension (chosen: no fixed last day; other reading: 1 January 2030 at
  the latest). Both the allocation-limits tool and the placement tool say so.
- R-41 (afsnit 6.1.6, L984–993; Bilag 17, figur 1, L7088): at a share of convicted residents equal
  to the prevention-area limit (1,45 %) the convictions criterion does not apply («overstiger»); the
  placement tool says that under the other reading it would.
- R-35 is shown by tests/e2e/test_staff_tools.py (the citizenship row in a prevention area).

One browser context serves the module and each page is loaded once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from .conftest import serious_violations
from .staff_page import StaffSite, open_site, run


@pytest.fixture(scope="module")
def site(browser: Browser, base_url: str) -> Iterator[StaffSite]:
    yield from open_site(browser, base_url)


PLAN = {"development_plan.years_not_designated": "2", "development_plan.plan_completed": "no"}
CHOSEN_END = "Suspensionen har ingen fast slutdato."
OTHER_END = (
    "Efter en anden læsning af aftalen (R-29): Suspensionen slutter, når området har været fire år "
    "i træk uden udpegning, eller når udviklingsplanen er gennemført – og senest 1. januar 2030."
)


def _former_area(site: StaffSite, convictions: str) -> tuple[Page, Locator]:
    """The placement tool for a former transformation area (not designated, two years without
    designation, plan not carried out) with the given share of convicted residents."""
    page = site.open("placement")
    facts = {
        "date": "2026-03-01",
        "area.designation": "none",
        "area.residents": "2400",
        "key_figures.convictions.value": convictions,
        **PLAN,
    }
    return page, run(page, "placement", facts)


def _assert_no_serious_violations(page: Page) -> None:
    violations = serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)


def test_allocation_limits_say_what_the_other_reading_of_r29_ends_the_suspension_by(
    site: StaffSite,
) -> None:
    page = site.open("allocation_limits")
    results = run(
        page,
        "allocation_limits",
        {"date": "2027-12-31", "area": "former_omdannelse", **PLAN},
    )
    expect(results.locator(".st-verdict")).to_contain_text("Nej, kommunen må ikke anvise")
    expect(results).to_contain_text(CHOSEN_END)
    other = results.locator(".st-other-readings li[data-reading='R-29']")
    expect(other).to_have_text(OTHER_END)
    expect(other).to_be_visible()
    _assert_no_serious_violations(page)
    site.watch.assert_clean()


def test_placement_shows_the_other_readings_of_r29_and_r41_at_the_limit(site: StaffSite) -> None:
    page, results = _former_area(site, "1,45")
    expect(results).to_contain_text(
        re.compile(r"Andelen af dømte er 1,45 %; grænsen for forebyggelsesområder er 1,45 %\.")
    )
    expect(results).to_contain_text("over grænsen (læsning R-41), så det gælder ikke.")
    r41 = results.locator(".st-other-readings li[data-reading='R-41']")
    expect(r41).to_have_text(
        "Efter en anden læsning af aftalen (R-41) ville dømte-kriteriet (S2) gælde, fordi andelen "
        "er lig med grænsen."
    )
    expect(r41).to_be_visible()
    expect(results.locator(".st-other-readings li[data-reading='R-29']")).to_have_text(OTHER_END)
    _assert_no_serious_violations(page)
    site.watch.assert_clean()


def test_placement_above_the_limit_names_no_other_reading_of_r41(site: StaffSite) -> None:
    """Just above the limit both readings agree: S2 applies, and R-41 is not offered."""
    page, results = _former_area(site, "1,46")
    expect(results).to_contain_text("så det gælder.")
    expect(results.locator(".st-other-readings li[data-reading='R-41']")).to_have_count(0)
    expect(results.locator(".st-other-readings li[data-reading='R-29']")).to_have_count(1)
    site.watch.assert_clean()
