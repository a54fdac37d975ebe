"""Helpers for the staff tools (docs/vaerktoejer/): one browser context for a test module, each
tool page opened once and reused (Pyodide starts once per page), forms filled by the package's
field paths, answers read from what is on screen.

The context keeps the site's real Content Security Policy; axe-core is evaluated through the
DevTools protocol, which the policy does not govern, so nothing needs to be bypassed (and no
request routing is set up, which would turn the HTTP cache off).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from .conftest import CALCULATOR_TIMEOUT_MS, Watch

SITE = Path(__file__).resolve().parents[2] / "site"

# The page of each tool, by language.
PAGES = {
    "placement": "vaerktoejer/placering/",
    "wheel": "vaerktoejer/udlejningshjul/",
    "allocation_limits": "vaerktoejer/anvisningsgraenser/",
    "deadlines": "vaerktoejer/frister/",
    "new_build": "vaerktoejer/nybyggeri-og-saerboliger/",
    "saerbolig_phase_out": "vaerktoejer/nybyggeri-og-saerboliger/",
    "youth_housing": "vaerktoejer/ungdomsboliger/",
    "subsidised_home": "vaerktoejer/tilskudsboliger/",
    "refugee_shared_home": "vaerktoejer/deleboliger/",
    "internal_move": "vaerktoejer/intern-oprykning/",
    "adapted_home": "vaerktoejer/handicapboliger/",
    "saerbolig_move": "vaerktoejer/flytning-af-saerboliger/",
    "agreement_terms": "vaerktoejer/aftalens-vilkaar/",
    "new_build_terms": "vaerktoejer/nybyggeri-overgang-og-fuld-anvisning/",
}


def url(tool: str, lang: str) -> str:
    return ("/" if lang == "da" else "/en/") + PAGES[tool]


def prefix(tool: str) -> str:
    return "st-" + tool.replace("_", "-")


def field_id(tool: str, path: str) -> str:
    """The id the page script gives the control of a package field (``received_on`` ->
    ``st-deadlines-received-on``)."""
    return f"{prefix(tool)}-" + re.sub(r"[^A-Za-z0-9]+", "-", path)


class StaffSite:
    """One browser context; pages opened on demand and kept for the module."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.context: BrowserContext = browser.new_context(base_url=base_url)
        self.context.set_default_timeout(CALCULATOR_TIMEOUT_MS)
        self.watch = Watch(origin=base_url)
        self.context.on("request", self.watch.on_request)
        self.context.on("requestfailed", self.watch.on_request_failed)
        self.pages: dict[str, Page] = {}

    def new_page(self) -> Page:
        page = self.context.new_page()
        page.on("console", self.watch.on_console)
        page.on("pageerror", lambda error: self.watch.page_errors.append(str(error)))
        return page

    def open(self, tool: str, lang: str = "da") -> Page:
        """The tool's page, loaded once; the tool's form is reset to its defaults."""
        address = url(tool, lang)
        page = self.pages.get(address)
        if page is None:
            page = self.new_page()
            page.goto(address)
            self.pages[address] = page
        expect(page.locator(f"#{prefix(tool)}-results")).to_be_attached()
        reset(page, tool)
        return page

    def close(self) -> None:
        self.context.close()


def open_site(browser: Browser, base_url: str) -> Iterator[StaffSite]:
    site = StaffSite(browser, base_url)
    try:
        yield site
    finally:
        site.close()


def tool_box(page: Page, tool: str) -> Locator:
    return page.locator(f"[data-staff-tool='{tool}']")


def reset(page: Page, tool: str) -> None:
    """Empty every field of the tool (selects back to their first option)."""
    page.evaluate(
        """(tool) => {
            const form = document.querySelector(`[data-staff-tool='${tool}'] form`);
            for (const control of form.querySelectorAll("input, select, textarea")) {
                if (control.tagName === "SELECT") control.selectedIndex = 0;
                else control.value = "";
            }
            const select = form.querySelector("select");
            if (select) select.dispatchEvent(new Event("change", { bubbles: true }));
        }""",
        tool,
    )


def fill(page: Page, tool: str, values: dict[str, str]) -> None:
    """Fill fields by package path, in order (a select may reveal the fields after it)."""
    for path, value in values.items():
        control = page.locator(f"#{field_id(tool, path)}")
        expect(control).to_be_visible()
        if control.evaluate("node => node.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)


def submit(page: Page, tool: str) -> Locator:
    """Press the tool's button and wait until its answer (or its error summary) is shown."""
    box = tool_box(page, tool)
    box.locator(".st-submit").click()
    results = page.locator(f"#{prefix(tool)}-results")
    expect(results.locator(".st-busy")).to_have_count(0, timeout=CALCULATOR_TIMEOUT_MS)
    return results


def answer(page: Page, tool: str) -> Locator:
    locator = page.locator(f"#{prefix(tool)}-answer")
    expect(locator).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    return page.locator(f"#{prefix(tool)}-results")


def run(page: Page, tool: str, values: dict[str, str]) -> Locator:
    """Fill, submit and return the results region of an answer (fails on errors)."""
    fill(page, tool, values)
    submit(page, tool)
    summary = page.locator(f"#{prefix(tool)}-errors")
    if summary.is_visible():
        raise AssertionError(f"{tool}: errors instead of an answer: {summary.inner_text()}")
    return answer(page, tool)


def tab_to_field(page: Page, tool: str, path: str) -> Locator:
    """With the keyboard only: the skip link first, Enter, then Tab until the field has the focus."""
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Enter")
    first = page.locator(f"#{field_id(tool, path)}")
    for _ in range(10):
        page.keyboard.press("Tab")
        if first.evaluate("node => node === document.activeElement"):
            break
    expect(first).to_be_focused()
    return first


def error_of(page: Page, tool: str, path: str) -> Locator:
    return page.locator(f"#{field_id(tool, path)}-error")


def anchors(lang: str, name: str = "afsnit") -> set[str]:
    """Every id on a page of the built site: ``regler/afsnit/`` (the coverage page) or
    ``regler/tvivl/`` (the open questions)."""
    page = SITE / ("regler" if lang == "da" else "en/regler") / name / "index.html"
    return set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))


def source_links(results: Locator, kind: str = "st-source") -> list[str]:
    return results.locator(f"a.{kind}").evaluate_all("links => links.map(a => a.href)")


def assert_clean(watch: Watch) -> None:
    watch.assert_clean()
