"""Which staff tool computes which entry of the agreement's table of contents, for the coverage page
(``docs/regler/afsnit.md``): nothing is declared twice. A tool's page is the page under
``docs/vaerktoejer/`` whose element names it (``data-staff-tool="<endpoint>"``), its title that
page's heading; the sections it computes are those its answers cite, for the registry's example and
every data case of the endpoint (``tests/cases/<endpoint>/``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOOLS_DIR = ROOT / "docs" / "vaerktoejer"
CASES = ROOT / "tests" / "cases"
_TOOL = re.compile(r'data-staff-tool="([a-z_]+)"')


def tool_pages() -> dict[str, dict[str, Any]]:
    """Endpoint name -> {page: "vaerktoejer/<stem>", title: {da, en}}, in the pages' name order."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(TOOLS_DIR.glob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        english = path.with_name(f"{path.stem}.en.md")
        titles = {}
        for lang, file in (("da", path), ("en", english)):
            first = file.read_text(encoding="utf-8").splitlines()[0]
            titles[lang] = first.removeprefix("# ").strip()
        for name in _TOOL.findall(path.read_text(encoding="utf-8")):
            out.setdefault(name, {"page": f"vaerktoejer/{path.stem}", "title": titles})
    return out


def _references(node: object) -> list[str]:
    if isinstance(node, dict):
        out = []
        for key, value in node.items():
            if isinstance(value, str) and (key == "reference" or key.endswith("_reference")):
                out.append(value)
            else:
                out += _references(value)
        return out
    if isinstance(node, list):
        return [r for item in node for r in _references(item)]
    return []


def _inputs(name: str, example: dict[str, Any]) -> list[object]:
    docs: list[object] = [example]
    for path in sorted((CASES / name).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        docs += [case["input"] for case in data.get("cases", []) if "input" in case]
    return docs


def tools_by_entry() -> dict[str, list[dict[str, Any]]]:
    """Table-of-contents id -> the staff tools whose answers cite a section under it."""
    from udlejning.catalogue import split_references, toc_entry
    from udlejning.endpoints import BY_NAME

    out: dict[str, list[dict[str, Any]]] = {}
    for name, tool in tool_pages().items():
        endpoint = BY_NAME.get(name)
        if endpoint is None or not endpoint.tool:
            continue
        entries: set[str] = set()
        for doc in _inputs(name, endpoint.example):
            for reference in _references(endpoint.call(doc)):
                for section in split_references(reference):
                    entry = toc_entry(section)
                    if entry is not None:
                        entries.add(entry)
        for entry in entries:
            if tool not in out.setdefault(entry, []):
                out[entry].append(tool)
    return out
