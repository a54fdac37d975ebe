"""axe-core finds no serious or critical violations on any built page, in Danish and English.

Every page is enumerated from ``site/**/index.html`` (see ``test_pages.built_pages``), so a new
page is checked without editing this file. Each page is checked as it loads; the calculator filled
in, with its answer and with errors showing, is checked in ``test_calculator_a11y.py``.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from .conftest import AXE, Watch
from .test_pages import MISSING, PAGES


def _serious_violations(page: Page) -> list[dict[str, object]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_violations(axe_page: tuple[Page, Watch], path: str) -> None:
    assert path != MISSING, "site/ is missing: run `python build_scripts/build_site.py`"
    page, watch = axe_page
    page.goto(path)
    expect(page.locator("h1").first).to_be_visible()
    violations = _serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    watch.assert_clean()
