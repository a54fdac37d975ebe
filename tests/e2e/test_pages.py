"""Every built page of the site loads in its language without console errors or foreign requests.

The pages are enumerated from ``site/**/index.html`` (both languages), so a new page is covered
without editing this file; ``EXPECTED`` names pages that must be among them, so a site that was
built without them fails instead of passing with fewer pages.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import CALCULATOR_TIMEOUT_MS, SITE, Watch

MISSING = "(site/ is not built)"
EXPECTED = {
    "/",
    "/en/",
    "/beregner/",
    "/en/beregner/",
    "/tilgaengelighed/",
    "/en/tilgaengelighed/",
    *(
        f"{prefix}/regler/{name}/"
        for prefix in ("", "/en")
        for name in (
            "kriterier",
            "udlejningshjul",
            "placering",
            "parametre",
            "tvivl",
            "json",
            "afsnit",
        )
    ),
}
# The calculator's status line starts with this once Python has loaded.
READY = {"da": "Beregneren er klar", "en": "The calculator is ready"}
STATEMENT = {"da": "Tilgængelighedserklæring", "en": "Accessibility statement"}


def built_pages() -> list[str]:
    """URL paths of every built page: site/regler/kriterier/index.html -> /regler/kriterier/."""
    paths = sorted(
        "/" + path.relative_to(SITE).as_posix().removesuffix("index.html")
        for path in SITE.glob("**/index.html")
    )
    return paths or [MISSING]


PAGES = built_pages()


def language_of(path: str) -> str:
    return "en" if path.startswith("/en/") else "da"


def page_url_for(lang: str) -> re.Pattern[str]:
    return re.compile(
        r"^https?://[^/]+/tilgaengelighed/$" if lang == "da" else r"/en/tilgaengelighed/$"
    )


def test_every_expected_page_is_built() -> None:
    assert MISSING not in PAGES, "site/ is missing: run `python build_scripts/build_site.py`"
    missing = EXPECTED - set(PAGES)
    assert not missing, f"pages not built: {sorted(missing)}"
    danish = {path for path in PAGES if language_of(path) == "da"}
    english = {path.removeprefix("/en") for path in PAGES if language_of(path) == "en"}
    assert danish == english, f"only in one language: {sorted(danish ^ english)}"


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(watched_page: tuple[Page, Watch], path: str) -> None:
    assert path != MISSING, "site/ is missing: run `python build_scripts/build_site.py`"
    page, watch = watched_page
    lang = language_of(path)
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1").first).to_be_visible()
    if path.endswith("/beregner/"):
        # Wait for Python to have started, so its loading is checked too.
        ready = page.get_by_role("status").filter(has_text=READY[lang]).first
        expect(ready).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
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


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_reference_link_leads_to_its_section(watched_page: tuple[Page, Watch], lang: str) -> None:
    """Following a reference on the wheels page lands on that section of the coverage page."""
    page, watch = watched_page
    prefix = "" if lang == "da" else "/en"
    page.goto(f"{prefix}/regler/udlejningshjul/")
    link = (
        page.locator("#afdelingstrappe-1-bolig-3")
        .locator("xpath=ancestor::tr")
        .get_by_role("link", name="Bilag 4, Udlejningshjul trin 1, nr. 3")
    )
    link.click()
    expect(page).to_have_url(
        re.compile(rf"{prefix}/regler/afsnit/#bilag-4-udlejningshjul-trin-1-nr-3$")
    )
    expect(page.locator("#bilag-4-udlejningshjul-trin-1-nr-3")).to_be_in_viewport()
    watch.assert_clean()
