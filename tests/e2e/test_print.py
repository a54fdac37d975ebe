"""Printing (issue 4, a print stylesheet): a guide prints its text without the site's chrome; the
calculator prints only the medbring-ark."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .conftest import Watch


@pytest.mark.parametrize(
    "path",
    ["/boligsoegende/fleksible-kriterier/", "/en/velfaerd/anvisning/", "/regler/udlejningshjul/"],
)
def test_a_printed_page_shows_its_text_and_hides_the_chrome(
    watched_page: tuple[Page, Watch], path: str
) -> None:
    page, watch = watched_page
    page.goto(path)
    page.emulate_media(media="print")
    assert page.locator("article h1").first.is_visible()
    assert page.locator("article p").first.is_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    watch.assert_clean()
