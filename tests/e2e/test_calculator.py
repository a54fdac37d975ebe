"""The calculator in Chromium: what a person types and sees, in Danish and English."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from .calculator_page import fill_applicant, finding, open_calculator
from .conftest import CALCULATOR_TIMEOUT_MS, ROOT, Watch

INPUT_SCHEMA = ROOT / "calculator" / "udlejning" / "schemas" / "input.schema.json"

VERDICTS = {
    "da": {"met": "Opfyldt", "not_met": "Ikke opfyldt"},
    "en": {"met": "Met", "not_met": "Not met"},
}


def test_applicant_working_30_hours_meets_a1(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    open_calculator(page, "en")
    # The form is usable at once, while Python still loads.
    fill_applicant(page, "en", age="34", hours="30")
    a1 = finding(page, "A1")
    expect(a1).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    expect(a1.locator(".ub-verdict__text")).to_have_text(VERDICTS["en"]["met"])
    expect(a1.get_by_text("Bilag 4, IV.1 A.1").first).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("ready")
    watch.assert_clean()


def test_applicant_working_24_hours_does_not_meet_a1(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    open_calculator(page, "da")
    fill_applicant(page, "da", age="34", hours="24", pension="none")
    a1 = finding(page, "A1")
    expect(a1).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    expect(a1.locator(".ub-verdict__text")).to_have_text(VERDICTS["da"]["not_met"])
    expect(a1.locator(".ub-threshold").filter(has_text="25").first).to_be_visible()
    watch.assert_clean()


def test_negative_hours_show_an_inline_error_in_the_page_language(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    messages: dict[str, str] = {}
    for lang in ("da", "en"):
        open_calculator(page, lang)
        fill_applicant(page, lang, age="34", hours="-5")
        hours = page.locator("#ub-hours")
        error = page.locator("#ub-hours-error")
        expect(error).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
        expect(hours).to_have_attribute("aria-invalid", "true")
        assert "ub-hours-error" in (hours.get_attribute("aria-describedby") or "").split()
        expect(page.locator("section.ub-finding")).to_have_count(0)
        messages[lang] = error.inner_text().strip()
        assert messages[lang]
    assert messages["da"] != messages["en"], messages
    watch.assert_clean()


def test_correcting_the_input_clears_the_error(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    open_calculator(page, "da")
    fill_applicant(page, "da", age="34", hours="-5")
    expect(page.locator("#ub-hours-error")).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    fill_applicant(page, "da", age="34", hours="30")
    expect(finding(page, "A1")).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    expect(page.locator("#ub-hours-error")).to_be_hidden()
    expect(page.locator("#ub-hours")).not_to_have_attribute("aria-invalid", "true")
    watch.assert_clean()


def test_progress_is_shown_and_pages_without_the_calculator_start_no_worker(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto("/")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [url for url in workers if "/assets/calculator/" in url], workers
    open_calculator(page, "da")
    status = page.get_by_role("status")
    expect(status).to_be_visible()
    expect(status).to_contain_text("klar", timeout=CALCULATOR_TIMEOUT_MS)
    calculator_workers = [url for url in workers if "/assets/calculator/" in url]
    assert calculator_workers and calculator_workers[0].endswith("/worker.mjs"), workers
    watch.assert_clean()


def test_select_options_are_what_the_input_schema_accepts(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    schema = json.loads(INPUT_SCHEMA.read_text(encoding="utf-8"))
    person = schema["properties"]["household"]["items"]["properties"]
    open_calculator(page, "da")
    kinds = page.locator("#ub-kind option").evaluate_all("options => options.map(o => o.value)")
    pensions = page.locator("#ub-pension option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    assert kinds == person["employment"]["properties"]["kind"]["enum"]
    assert pensions == ["", *person["pension"]["enum"]]
    watch.assert_clean()


def test_search_works_under_the_content_security_policy(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    page.goto("/en/")
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("calculator")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    expect(results.first).to_contain_text("Calculator")
    watch.assert_clean()
