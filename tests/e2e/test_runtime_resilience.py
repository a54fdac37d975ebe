"""Never stale, never stuck (issue 14, items 1-3), in Chromium against copies of the built site:
a redeploy with changed rules while the browser holds the old service worker and caches, a
runtime file that fails to load and then comes back, a worker that dies, and pages never
visited before opened offline."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .calculator_page import (
    VERDICTS,
    field,
    fill_applicant,
    submit,
    verdict,
    wait_until_offline_ready,
    wait_until_ready,
)
from .conftest import CALCULATOR_TIMEOUT_MS, SITE
from .site_variants import SwitchableServer, change_parameter, copy_site

T = CALCULATOR_TIMEOUT_MS


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    context.set_default_timeout(T)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[[Path], SwitchableServer]]:
    """Start a server of a site copy (stopped at the end of the test)."""
    started: list[SwitchableServer] = []

    def start(site: Path) -> SwitchableServer:
        started.append(SwitchableServer(tmp_path, site))
        return started[-1]

    try:
        yield start
    finally:
        for server in started:
            server.stop()


def _ready_calculator(context: BrowserContext, url: str, *, offline: bool = False) -> Page:
    page = context.new_page()
    page.goto(url)
    wait_until_ready(page)
    if offline:
        wait_until_offline_ready(page)
    return page


def _rules_note(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("#ub-results > .ub-rules-version")


def test_a_redeploy_with_changed_rules_is_seen_within_one_reload(
    context: BrowserContext, tmp_path: Path, serve: Callable[[Path], SwitchableServer]
) -> None:
    old = copy_site(SITE, tmp_path / "old", days_old=30)
    new = copy_site(SITE, tmp_path / "new", days_old=29)
    old_build = json.loads((old / "version.json").read_text(encoding="utf-8"))["build"]
    new_build = change_parameter(new, "a1.min_hours_per_week", "25", "20")
    server = serve(old)
    page = _ready_calculator(context, server.url + "/beregner/", offline=True)
    fill_applicant(page, "da", age="34", hours="22", pension="none")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["not_met"])
    expect(_rules_note(page)).to_contain_text(f"version 0.2.0 (build {old_build}")

    server.serve(new)
    # The user comes back to the open tab: the page checks version.json, and the answer from the
    # old rules is marked, with a reload button.
    page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")
    stale = page.locator(".ub-rules-stale")
    expect(stale).to_contain_text("Reglerne er opdateret – genindlæs")
    expect(page.locator("#ub-results")).to_have_attribute("data-rules", "old")

    page.reload()  # one reload, with the old service worker in control
    wait_until_ready(page)
    fill_applicant(page, "da", age="34", hours="22", pension="none")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["met"])
    expect(_rules_note(page)).to_contain_text(new_build)
    expect(page.locator(".md-footer .ub-rules-version")).to_have_attribute("data-build", new_build)
    expect(page.locator(".ub-rules-stale")).to_have_count(0)


def test_a_failed_wasm_load_says_so_and_retry_works_once_the_file_is_back(
    context: BrowserContext, tmp_path: Path, serve: Callable[[Path], SwitchableServer]
) -> None:
    site = copy_site(SITE, tmp_path / "site", days_old=0)
    (wasm,) = sorted(site.rglob("*.wasm"))
    hidden = tmp_path / wasm.name
    shutil.move(wasm, hidden)
    server = serve(site)
    page = context.new_page()
    page.goto(server.url + "/en/beregner/")
    status = page.locator("#ub-status")
    expect(status).to_have_attribute("data-state", "failed")
    expect(status).to_contain_text(
        f"The calculator could not start: The server did not send the file {wasm.name}"
    )
    assert "TypeError" not in status.inner_text() and "[object" not in status.inner_text()

    shutil.move(hidden, wasm)
    page.get_by_role("button", name="Try again").click()
    wait_until_ready(page)
    fill_applicant(page, "en", age="34", hours="30")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["en"]["met"])


def test_a_killed_worker_is_restarted_and_the_answer_computed_again(
    context: BrowserContext, serve: Callable[[Path], SwitchableServer]
) -> None:
    page = _ready_calculator(context, serve(SITE).url + "/beregner/")
    fill_applicant(page, "da", age="34", hours="30")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["met"])

    (worker,) = [w for w in page.workers if "worker-boot" in w.url]
    worker.evaluate("() => { self.close(); }")
    field(page, "da", "hours").fill("10")
    submit(page, "da")
    # Never the old answer with the status «klar»: it is marked while it is computed again.
    expect(page.locator("#ub-results .ub-recomputing")).to_be_visible()
    expect(page.locator("#ub-status")).not_to_have_attribute("data-state", "ready", timeout=T)
    wait_until_ready(page)
    expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["cannot_tell"])  # 10 hours, not 30
    expect(page.locator("#ub-results .ub-recomputing")).to_have_count(0)


def test_pages_never_visited_work_offline_in_both_languages(
    context: BrowserContext, serve: Callable[[Path], SwitchableServer]
) -> None:
    server = serve(SITE)
    page = _ready_calculator(context, server.url + "/beregner/", offline=True)
    page.wait_for_load_state("networkidle")
    server.stop()
    context.set_offline(True)

    page.goto(server.url + "/en/beregner/")  # never visited: the English calculator computes
    wait_until_ready(page)
    fill_applicant(page, "en", age="34", hours="30")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["en"]["met"])
    page.goto(server.url + "/regler/kriterier/")  # linked from every answer («Læs mere»)
    expect(page.locator("h1").first).to_be_visible()
    assert "kriteri" in page.title().lower()
    page.goto(server.url + "/en/vaerktoejer/udlejningshjul/")
    expect(page.locator(".st-status").first).to_have_attribute("data-state", "ready", timeout=T)
    page.goto(server.url + "/en/no-such-page/")  # not stored: the offline page, in English
    expect(page.locator("h1")).to_have_text("No connection")
    page.goto(server.url + "/ingen-side/")
    expect(page.locator("h1")).to_have_text("Ingen forbindelse")
