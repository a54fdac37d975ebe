"""Every staff tool of the endpoint registry has its page in both languages, in the site's
navigation and on the tools' index, and the coverage page links it from the sections it computes
(issue 12: the Rules IV tools had rules and cases but no page)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from udlejning.endpoints import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "build_scripts"))
from staff_tool_pages import tool_pages, tools_by_entry  # noqa: E402

TOOLS = [e.name for e in REGISTRY if e.tool]


def test_every_registry_tool_has_a_page_in_both_languages_and_the_nav() -> None:
    pages = tool_pages()
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    index = {
        lang: (DOCS / "vaerktoejer" / f"index{suffix}.md").read_text(encoding="utf-8")
        for lang, suffix in (("da", ""), ("en", ".en"))
    }
    for name in TOOLS:
        assert name in pages, f"{name}: no page under docs/vaerktoejer/ draws it"
        stem = pages[name]["page"].removeprefix("vaerktoejer/")
        english = (DOCS / "vaerktoejer" / f"{stem}.en.md").read_text(encoding="utf-8")
        assert re.search(rf'data-staff-tool="{name}" data-lang="en"', english), name
        assert f"vaerktoejer/{stem}.md" in nav, f"{stem}: not in the nav of mkdocs.yml"
        for lang in ("da", "en"):
            assert f"]({stem}.md)" in index[lang], f"{stem}: not on the tools' index ({lang})"


def test_the_coverage_page_links_every_tool() -> None:
    by_entry = tools_by_entry()
    linked = {tool["page"] for tools in by_entry.values() for tool in tools}
    pages = tool_pages()
    for name in TOOLS:
        assert pages[name]["page"] in linked, f"{name}: its answers cite no section"
    for lang, suffix in (("da", ""), ("en", ".en")):
        text = (DOCS / "regler" / f"afsnit{suffix}.md").read_text(encoding="utf-8")
        for name in TOOLS:
            stem = pages[name]["page"].removeprefix("vaerktoejer/")
            assert f"(../vaerktoejer/{stem}{suffix}.md)" in text, (lang, name)
