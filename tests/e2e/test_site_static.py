"""Checks on the built HTML: a Content Security Policy on every page, nothing from elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import SITE

RESOURCE_RE = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=[\"']?(?P<src>[^\"'\s>]+)"
    r"|<link\b[^>]*\bhref=[\"']?(?P<href>[^\"'\s>]+)",
    re.I,
)


def _pages(site_dir: Path) -> list[Path]:
    pages = sorted(site_dir.glob("**/*.html"))
    assert pages, "no HTML in site/"
    return pages


def test_every_page_has_a_filled_in_csp(site_dir: Path) -> None:
    for page in _pages(site_dir):
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, page
        assert "__CSP_SCRIPT_HASHES__" not in html, page


def test_no_resource_comes_from_another_origin(site_dir: Path) -> None:
    foreign: list[str] = []
    for page in _pages(site_dir):
        for match in RESOURCE_RE.finditer(page.read_text(encoding="utf-8")):
            url = match.group("src") or match.group("href")
            if re.match(r"^(?:[a-z]+:)?//", url, re.I):
                foreign.append(f"{page.relative_to(SITE)}: {url}")
    assert not foreign, foreign


def test_both_languages_are_built(site_dir: Path) -> None:
    assert '<html lang="da"' in (site_dir / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site_dir / "en" / "index.html").read_text(encoding="utf-8")
