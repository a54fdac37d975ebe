"""Every page of the site loads in both languages without console errors or foreign requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import CALCULATOR_TIMEOUT_MS, Watch

PAGES = {
    "/": "da",
    "/regler/kriterier/": "da",
    "/beregner/": "da",
    "/tilgaengelighed/": "da",
    "/en/": "en",
    "/en/regler/kriterier/": "en",
    "/en/beregner/": "en",
    "/en/tilgaengelighed/": "en",
}
READY = {"da": "Beregneren er klar.", "en": "The calculator is ready."}
STATEMENT = {"da": "Tilgængelighedserklæring", "en": "Accessibility statement"}


def page_url_for(lang: str) -> re.Pattern[str]:
    return re.compile(
        r"^https?://[^/]+/tilgaengelighed/$" if lang == "da" else r"/en/tilgaengelighed/$"
    )


@pytest.mark.parametrize("path", list(PAGES))
def test_page_loads_cleanly(watched_page: tuple[Page, Watch], path: str) -> None:
    page, watch = watched_page
    lang = PAGES[path]
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1").first).to_be_visible()
    if path.endswith("/beregner/"):
        # Wait for Python to have started, so its loading is checked too.
        expect(page.get_by_role("status")).to_have_text(READY[lang], timeout=CALCULATOR_TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_footer_links_to_the_accessibility_statement(
    watched_page: tuple[Page, Watch], lang: str
) -> None:
    page, watch = watched_page
    page.goto("/regler/kriterier/" if lang == "da" else "/en/regler/kriterier/")
    page.locator("footer").get_by_role("link", name=STATEMENT[lang]).click()
    expect(page).to_have_url(page_url_for(lang))
    expect(page.locator("h1")).to_have_text(STATEMENT[lang])
    watch.assert_clean()
