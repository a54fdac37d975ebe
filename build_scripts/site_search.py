"""Search per language, and no search index on the calculator and tool pages until it is used.

Run on the built site by ``build_site.py`` after ``mkdocs build``:

* mkdocs-static-i18n writes one index with both languages (``search/search_index.json``), so a
  Danish search found English pages and the other way round. It is split: the Danish pages stay
  in ``search/search_index.json`` (language ``da``), the English ones go to
  ``en/search/search_index.json`` (language ``en``, locations relative to ``en/``), and every
  English page's ``__config.base`` points at ``en/`` so material's search loads that index and
  links its results there.
* On pages with the calculator or a staff tool (they start Python), ``__config.search`` names
  ``assets/javascripts/workers/search-lazy.js`` (from ``calculator/web/``), which builds material's
  index only when the first query comes; the request for the index itself waits until the
  search is opened (``calculator/web/start-python.js``, inlined in those pages' ``<head>``).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from hooks import PYTHON_PAGE_MARKERS

ROOT = Path(__file__).resolve().parent.parent
LAZY_WORKER = ROOT / "calculator" / "web" / "search-lazy.js"
WORKERS = Path("assets/javascripts/workers")
EN = "en/"
_CONFIG_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def split_index(site_dir: Path) -> tuple[int, int]:
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    da = [doc for doc in index["docs"] if not doc["location"].startswith(EN)]
    en = [{**doc, "location": doc["location"][len(EN):]} for doc in index["docs"]
          if doc["location"].startswith(EN)]  # fmt: skip
    for target, docs, lang in ((path, da, "da"), (site_dir / EN / "search" / "search_index.json", en, "en")):  # fmt: skip
        target.parent.mkdir(parents=True, exist_ok=True)
        out = {**index, "config": {**index["config"], "lang": [lang]}, "docs": docs}
        target.write_text(
            json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    return len(da), len(en)


def _rewrite_config(html: str, change) -> str:  # type: ignore[no-untyped-def]
    match = _CONFIG_RE.search(html)
    if match is None:
        return html
    config = change(json.loads(match.group(2)))
    text = json.dumps(config, ensure_ascii=False)
    return html[: match.start(2)] + text + html[match.end(2) :]


def configure_pages(site_dir: Path) -> int:
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise SystemExit(f"expected one material search worker in {WORKERS}, got {workers}")
    shutil.copyfile(LAZY_WORKER, site_dir / WORKERS / LAZY_WORKER.name)
    lazy = 0
    for page in sorted(site_dir.rglob("*.html")):
        relative = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        python_page = any(marker in html for marker in PYTHON_PAGE_MARKERS)

        def change(config: dict[str, object], relative: str = relative, python_page: bool = python_page) -> dict[str, object]:  # fmt: skip
            if relative.startswith(EN) and isinstance(config.get("base"), str):
                depth = relative.count("/") - 1  # en/beregner/index.html -> 1 level below en/
                config["base"] = "/".join([".."] * depth) or "."
            if python_page and isinstance(config.get("search"), str):
                search = str(config["search"])
                folder, _, name = search.rpartition("/")
                config["search"] = f"{folder}/{LAZY_WORKER.name}?worker={name}"
            return config

        new = _rewrite_config(html, change)
        if new != html:
            page.write_text(new, encoding="utf-8")
        lazy += python_page
    return lazy


def apply(site_dir: Path) -> str:
    da, en = split_index(site_dir)
    lazy = configure_pages(site_dir)
    return f"search: {da} Danish and {en} English entries in separate indexes; lazy on {lazy} pages"
