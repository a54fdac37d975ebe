"""Site search (issue 10, item 8; issue 13, item 6): a Danish search finds Danish pages only and an
English search English pages only; on the calculator and tool pages, which start Python, the
search index is fetched and built only when the user searches."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .calculator_page import wait_until_ready
from .conftest import CALCULATOR_TIMEOUT_MS, Watch

T = CALCULATOR_TIMEOUT_MS
SEARCH_LABEL = {"da": "Søg", "en": "Search"}
RESULTS = {"da": "resultat", "en": "matching document"}  # "12 resultater", "7 matching documents"


def search(page: Page, lang: str, term: str) -> list[str]:
    page.get_by_role("textbox", name=SEARCH_LABEL[lang]).click()
    page.keyboard.type(term)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=T)
    expect(page.locator(".md-search-result__meta")).to_contain_text(RESULTS[lang], timeout=T)
    return list(results.evaluate_all("(links) => links.map((a) => new URL(a.href).pathname)"))


def test_danish_search_finds_danish_pages_only(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    page.goto("/")
    paths = search(page, "da", "elev")
    assert paths and not [p for p in paths if p.startswith("/en/")], paths
    watch.assert_clean()


def test_english_search_finds_english_pages_only(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    page.goto("/en/boligsoegende/")
    paths = search(page, "en", "apprentice")
    assert paths and all(p.startswith("/en/") for p in paths), paths
    watch.assert_clean()


def _search_workers(page: Page) -> list[str]:
    return [w.url for w in page.workers if "/workers/search" in w.url]


def _search_worker_loaded(page: Page) -> bool:
    (worker,) = [w for w in page.workers if "/workers/search" in w.url]
    assert "search-lazy.js" in worker.url  # the stand-in, not material's own worker
    names = worker.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)")
    return any("/workers/search." in name and name.endswith(".min.js") for name in names)


def _search_index_fetched(page: Page) -> bool:
    names = page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)")
    return any(name.split("?")[0].endswith("/search/search_index.json") for name in names)


def test_the_calculator_page_builds_no_search_index_until_one_searches(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    page.goto("/beregner/")
    wait_until_ready(page)
    page.wait_for_timeout(500)  # material's bundle has long run (it asks for the index at once)
    assert not _search_index_fetched(page)
    assert not _search_workers(page)  # not even the stand-in runs yet
    paths = search(page, "da", "beregner")
    assert "/beregner/" in paths
    assert _search_index_fetched(page)
    assert _search_worker_loaded(page)
    watch.assert_clean()


def test_a_tool_page_starts_search_when_a_key_opens_it(watched_page: tuple[Page, Watch]) -> None:
    """Material's shortcut key (/) opens the search without a click: that starts it too."""
    page, watch = watched_page
    page.goto("/vaerktoejer/deleboliger/")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_timeout(500)
    assert not _search_index_fetched(page)
    assert not _search_workers(page)
    page.locator("h1").click()  # focus on the page, not in a field
    page.keyboard.press("/")
    page.keyboard.type("delebolig")
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=T)
    assert _search_index_fetched(page)
    watch.assert_clean()


def test_a_page_opened_from_a_search_result_asks_for_the_index_at_once(
    watched_page: tuple[Page, Watch],
) -> None:
    """A search result links to its page with ?h=<words> so the words are highlighted there; for
    that material needs the index, so the page does not wait for the search to be opened."""
    page, watch = watched_page
    page.goto("/beregner/?h=beregner")
    wait_until_ready(page)
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some((e) => e.name.includes('/search/search_index.json'))",
        timeout=T,
    )
    watch.assert_clean()
