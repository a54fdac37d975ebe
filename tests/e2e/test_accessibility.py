"""axe-core finds no serious or critical violations on any built page, in Danish and English.

Every page is enumerated from ``site/**/index.html`` (see ``test_pages.built_pages``), so a new
page is checked without editing this file. Each page is checked as it loads; the calculator filled
in, with its answer and with errors showing, is checked in ``test_calculator_a11y.py``.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from .conftest import Watch, serious_violations
from .test_pages import MISSING, PAGES


@pytest.mark.parametrize("path", PAGES)
def test_page_has_noserious_violations(axe_page: tuple[Page, Watch], path: str) -> None:
    assert path != MISSING, "site/ is missing: run `python build_scripts/build_site.py`"
    page, watch = axe_page
    page.goto(path)
    expect(page.locator("h1").first).to_be_visible()
    violations = serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    watch.assert_clean()
