"""Every internal link of the built site resolves, in both languages.

Checks the HTML in ``site/`` (build it with ``python build_scripts/build_site.py``): each ``<a href>``
to a page of this site points to a file that exists, and each ``#fragment`` is an ``id`` on the
target page. Parsed with the standard library's ``html.parser``; no browser needed.
"""

from __future__ import annotations

import posixpath
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .conftest import SITE

BASE = "http://site.invalid"


class _Collector(HTMLParser):
    """The hrefs of ``<a>`` elements and every ``id`` (and ``<a name>``) of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.language_links: set[str] = set()  # the language selector (hreflang)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a":
            if values.get("name"):
                self.ids.add(str(values["name"]))
            if values.get("href") is not None:
                self.hrefs.append(str(values["href"]))
                if values.get("hreflang"):
                    self.language_links.add(str(values["href"]))


@cache
def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector


def _url_of(page: Path) -> str:
    """The URL path a built page is served at: site/regler/kriterier/index.html -> /regler/kriterier/."""
    rel = page.relative_to(SITE).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _file_for(url_path: str) -> Path | None:
    """The file in site/ that serves ``url_path`` (a directory URL serves its index.html)."""
    rel = posixpath.normpath(unquote(url_path)).lstrip("/")
    target = SITE / rel if rel not in ("", ".") else SITE
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def _pages(site_dir: Path) -> list[Path]:
    pages = sorted(site_dir.glob("**/*.html"))
    assert pages, "no HTML in site/"
    return pages


def _broken_links(page: Path) -> tuple[list[str], int]:
    problems: list[str] = []
    checked = 0
    page_url = BASE + _url_of(page)
    for href in _parse(page).hrefs:
        if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        absolute = urljoin(page_url, href)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != BASE:
            continue  # another origin: not an internal link (test_site_static forbids resources)
        checked += 1
        target = _file_for(parts.path)
        where = f"{page.relative_to(SITE).as_posix()}: {href}"
        if target is None:
            problems.append(f"{where} -> no file for {parts.path}")
            continue
        fragment = unquote(parts.fragment)
        if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
            problems.append(f"{where} -> no id {fragment!r} on {target.relative_to(SITE)}")
    return problems, checked


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    problems: list[str] = []
    checked = 0
    for page in _pages(site_dir):
        found, count = _broken_links(page)
        problems += found
        checked += count
    assert checked > 1000, f"only {checked} internal links found: is site/ built?"
    assert not problems, f"{len(problems)} broken internal links:\n" + "\n".join(problems[:50])


def test_both_languages_have_the_reference_pages_and_link_them(site_dir: Path) -> None:
    """Each reference page exists in Danish and English, and the English one links English pages."""
    names = ["kriterier", "udlejningshjul", "placering", "parametre", "tvivl", "json", "afsnit"]
    for name in names:
        for prefix in ("", "en/"):
            assert (site_dir / prefix / "regler" / name / "index.html").is_file(), (prefix, name)
        english = _parse(site_dir / "en" / "regler" / name / "index.html")
        internal = [
            urlsplit(urljoin(f"{BASE}/en/regler/{name}/", href)).path
            for href in english.hrefs
            if "/regler/" in urljoin(f"{BASE}/en/regler/{name}/", href)
            and "/schemas/" not in href
            and href not in english.language_links
        ]
        assert internal, name
        danish_targets = [path for path in internal if not path.startswith("/en/")]
        assert not danish_targets, (name, danish_targets[:5])


def test_a_broken_anchor_is_caught(site_dir: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The checker itself finds a missing page and a missing anchor (so a pass means something)."""
    fake = tmp_path / "site"
    (fake / "a").mkdir(parents=True)
    (fake / "b").mkdir()
    (fake / "a" / "index.html").write_text(
        '<a href="../b/#here">ok</a><a href="../b/#gone">anchor</a><a href="../c/">page</a>',
        encoding="utf-8",
    )
    (fake / "b" / "index.html").write_text('<h2 id="here">B</h2>', encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.SITE", fake)
    _parse.cache_clear()
    try:
        problems, checked = _broken_links(fake / "a" / "index.html")
    finally:
        _parse.cache_clear()
    assert checked == 3
    assert len(problems) == 2, problems
    assert "'gone'" in problems[0] and "no file for /c/" in problems[1]
