"""Issue 10 on a phone (390×844) in Chromium: the calculator is offered at the top of the front page,
and a table wider than the screen shows that it scrolls — a shadow at the edge that has more
columns behind it, gone at the end — while the page itself never scrolls sideways at 320 px.

The shadow is checked on the pixels the user sees: a screenshot of the table's box, read back in a
blank page (no site policy applies there), compares a thin column at each edge.
"""

from __future__ import annotations

import base64
import json
import statistics

from playwright.sync_api import Locator, Page, expect

from .calculator_page import fill_applicant, open_calculator
from .conftest import CALCULATOR_TIMEOUT_MS, Watch, serious_violations

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 640}
CALCULATOR_LINK = {"da": ("/", "Brug beregneren"), "en": ("/en/", "Use the calculator")}


def test_the_calculator_link_is_on_the_first_screen_of_the_front_page(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    page.set_viewport_size(PHONE)
    for path, name in CALCULATOR_LINK.values():
        page.goto(path)
        link = page.locator("article").get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
        # Before the guides: it is the first thing the page offers after the short answer.
        guides = page.locator("article h2").first
        assert box["y"] < guides.bounding_box()["y"]  # type: ignore[index]
        expect(link).to_have_attribute("href", "beregner/")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    watch.assert_clean()


def _edge_shades(page: Page, box: Locator) -> tuple[float, float]:
    """The median brightness (0–255) of a 3-pixel column just inside each side edge of ``box``."""
    png = base64.b64encode(box.screenshot()).decode("ascii")
    blank = page.context.new_page()
    try:
        columns = blank.evaluate(
            """async (png) => {
                const img = new Image();
                img.src = "data:image/png;base64," + png;
                await img.decode();
                const canvas = document.createElement("canvas");
                canvas.width = img.width;
                canvas.height = img.height;
                const ctx = canvas.getContext("2d");
                ctx.drawImage(img, 0, 0);
                const column = (x) => {
                    const out = [];
                    const data = ctx.getImageData(x, 0, 3, img.height).data;
                    for (let i = 0; i < data.length; i += 4) out.push((data[i] + data[i + 1] + data[i + 2]) / 3);
                    return out;
                };
                return [column(4), column(img.width - 7)];
            }""",
            png,
        )
    finally:
        blank.close()
    left, right = columns
    return statistics.median(left), statistics.median(right)


def test_the_priority_table_shows_that_it_scrolls_on_a_phone(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    page.set_viewport_size(PHONE)
    open_calculator(page, "da")
    fill_applicant(page, "da", age="40", hours="37")
    wrap = page.locator(".ub-priority [role=region]")
    expect(wrap.locator("table")).to_be_visible(timeout=CALCULATOR_TIMEOUT_MS)
    wrap.scroll_into_view_if_needed()
    width, inner = wrap.evaluate("n => [n.clientWidth, n.scrollWidth]")
    assert inner > width, "the table fits at 390 px; nothing to show"
    left, right = _edge_shades(page, wrap)
    assert right < left - 12, ("no shadow on the right while more columns are there", left, right)
    wrap.evaluate("n => { n.scrollLeft = n.scrollWidth; }")
    left, right = _edge_shades(page, wrap)
    assert left < right - 12, ("no shadow on the left after scrolling to the end", left, right)
    violations = serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    # The page itself does not scroll sideways, on the phone or at 320 px.
    for size in (PHONE, NARROW):
        page.set_viewport_size(size)
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], size
    watch.assert_clean()
