"""Privacy: after the page and the runtime have loaded, answering sends nothing anywhere, and
nothing is stored unless the user presses "save on this device" (and "delete" removes it)."""

from __future__ import annotations

from playwright.sync_api import Page, Request, expect

from .calculator_page import (
    LABELS,
    VERDICTS,
    field,
    open_calculator,
    set_date,
    submit,
    verdict,
    wait_until_offline_ready,
    wait_until_ready,
)
from .conftest import CALCULATOR_TIMEOUT_MS, Watch

T = CALCULATOR_TIMEOUT_MS
STORAGE = (
    "() => ({local: localStorage.length, session: sessionStorage.length, cookie: document.cookie})"
)


def _settle(page: Page) -> None:
    """Wait until loading is over: Python is ready and the service worker has stored what a
    later visit needs (on a first visit, the last thing the page does)."""
    wait_until_ready(page)
    wait_until_offline_ready(page)
    expect(page.locator("#ub-status")).to_contain_text("uden internet")
    page.wait_for_load_state("networkidle")


def test_no_request_while_answering_after_load(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    lang = "da"
    open_calculator(page, lang)
    _settle(page)
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(request.url)

    page.context.on("request", record)
    resources = page.evaluate("() => performance.getEntriesByType('resource').length")

    set_date(page, lang)
    field(page, lang, "age").fill("34")
    field(page, lang, "kind").select_option("employee")
    field(page, lang, "hours").fill("30")
    field(page, lang, "convicted").select_option("yes")  # opens the first conviction
    page.get_by_label("År for dommen", exact=True).fill("2020")
    page.get_by_label("Efter hvilken lov?", exact=True).select_option("other")
    field(page, lang, "taxable").select_option("yes")
    field(page, lang, "income").fill("31000")
    page.get_by_role("button", name=LABELS[lang]["addPerson"]).click()
    field(page, lang, "role", 1).select_option("child")
    field(page, lang, "age", 1).fill("7")
    field(page, lang, "stair", None).select_option("afdelingstrappe")
    field(page, lang, "trin", None).select_option("3")
    submit(page, lang)
    expect(verdict(page, "A1")).to_have_text(VERDICTS[lang]["met"], timeout=T)
    expect(page.locator('section.ub-wheel[data-step="afdelingstrappe-3"]')).to_be_visible()
    field(page, lang, "hours").fill("20")
    expect(verdict(page, "A1")).to_have_text(VERDICTS[lang]["cannot_tell"], timeout=T)
    page.wait_for_timeout(500)

    assert requests == [], requests
    assert page.evaluate("() => performance.getEntriesByType('resource').length") == resources
    assert page.evaluate(STORAGE) == {"local": 0, "session": 0, "cookie": ""}
    watch.assert_clean()


def test_answers_are_stored_only_when_the_user_asks(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    lang = "en"
    labels = LABELS[lang]
    open_calculator(page, lang)
    set_date(page, lang)
    field(page, lang, "age").fill("34")
    field(page, lang, "kind").select_option("employee")
    field(page, lang, "hours").fill("30")
    expect(verdict(page, "A1")).to_have_text(VERDICTS[lang]["met"], timeout=T)
    assert page.evaluate(STORAGE) == {"local": 0, "session": 0, "cookie": ""}

    page.get_by_role("button", name=labels["save"]).click()
    expect(page.locator(".ub-save-status")).to_contain_text("saved in this browser")
    saved = page.evaluate("() => Object.values(localStorage).join(' ')")
    assert '"age":"34"' in saved, saved

    page.reload()
    expect(field(page, lang, "age")).to_have_value("34")
    expect(field(page, lang, "hours")).to_have_value("30")
    expect(page.locator(".ub-save-status")).to_contain_text("loaded from this browser")
    expect(verdict(page, "A1")).to_have_text(VERDICTS[lang]["met"], timeout=T)

    page.get_by_role("button", name=labels["forget"]).click()
    expect(page.locator(".ub-save-status")).to_contain_text("deleted")
    assert page.evaluate(STORAGE) == {"local": 0, "session": 0, "cookie": ""}
    page.reload()
    expect(field(page, lang, "age")).to_have_value("")
    watch.assert_clean()
