"""Everything the docs render, as JSON-able data: criteria, parameters, ambiguities, the agreement."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources

from udlejning.criteria.info import all_criteria
from udlejning.model import Text
from udlejning.parameters import agreement, all_parameters
from udlejning.texts import fill


def _agreement_lookup(on: date):  # type: ignore[no-untyped-def]
    def lookup(name: str):  # type: ignore[no-untyped-def]
        pv = all_parameters()[name].at(on)
        return pv.parameter.type, pv.value, pv.effective_from

    return lookup


def render_text(text: Text, on: date) -> dict[str, str]:
    """Fill ``{{parameter}}`` placeholders with the agreement's values in force on ``on``."""
    lookup = _agreement_lookup(on)
    return {"da": fill(text.da, "da", lookup), "en": fill(text.en, "en", lookup)}


@cache
def table_of_contents() -> list[dict[str, object]]:
    """The agreement's afsnit and Bilag, in order (``agreement_sections.toml``)."""
    raw = tomllib.loads(
        (resources.files("udlejning") / "agreement_sections.toml").read_text("utf-8")
    )
    return [
        {"id": e["id"], "slug": section_slug(e["id"]), "title": e["title"]} for e in raw["section"]
    ]


def toc_entry(section: str) -> str | None:
    """The most specific afsnit/Bilag of the table of contents that ``section`` falls under:
    "Bilag 4, IV.1 A.1" → "Bilag 4"; "afsnit 5.2.4 figur 2" → "afsnit 5.2.4"."""
    words = section.replace(",", " ").split()
    if len(words) < 2:
        return None
    kind, number = words[0], words[1].rstrip(".")
    number = number.split("–")[0]
    parts = number.split(".")
    ids = {str(e["id"]) for e in table_of_contents()}
    for cut in range(len(parts), 0, -1):
        candidate = f"{kind} {'.'.join(parts[:cut])}"
        if candidate in ids:
            return candidate
    return None


@cache
def glossary() -> list[dict[str, str]]:
    raw = tomllib.loads((resources.files("udlejning") / "glossary.toml").read_text("utf-8"))
    return raw["term"]


@cache
def ambiguities() -> list[dict[str, object]]:
    raw = tomllib.loads((resources.files("udlejning") / "ambiguities.toml").read_text("utf-8"))
    return raw["ambiguity"]


def split_references(text: str) -> list[str]:
    """ "Bilag 4, IV.1 A.1; afsnit 5.2.3 (læsning R-05)" → ["Bilag 4, IV.1 A.1", "afsnit 5.2.3"]."""
    out = []
    for part in text.split(";"):
        part = part.split("(")[0].strip()
        if part:
            out.append(part)
    return out


def section_slug(section: str) -> str:
    """A stable anchor for a section: "Bilag 4, IV.1 A.1" → "bilag-4-iv1-a1"."""
    keep = "".join(ch if ch.isalnum() else " " for ch in section.lower().replace(".", ""))
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        keep = keep.replace(a, b)
    return "-".join(keep.split())


def sections(data: dict[str, object]) -> list[dict[str, object]]:
    """Every cited section, with what in the package covers it (criteria, parameters, ambiguities)."""
    index: dict[str, list[dict[str, str]]] = {}

    def add(refs: list[str], kind: str, ident: str, title: dict[str, str]) -> None:
        for ref in refs:
            for section in split_references(ref):
                items = index.setdefault(section, [])
                entry = {"kind": kind, "id": ident, "da": title["da"], "en": title["en"]}
                if entry not in items:
                    items.append(entry)

    for c in data["criteria"]:  # type: ignore[union-attr]
        refs = list(c["references"]) + [i["reference"] for i in c["interpretations"]]
        refs += [d["reference"] for d in c["documents"]]
        add(refs, "criterion", c["id"], c["title"])
    for p in data["parameters"]:  # type: ignore[union-attr]
        add([p["reference"]], "parameter", p["name"], p["description"])
    for a in data["ambiguities"]:  # type: ignore[union-attr]
        add(list(a["sources"]), "ambiguity", a["id"], a["title"])
    return [
        {"section": name, "slug": section_slug(name), "toc": toc_entry(name), "covered_by": items}
        for name, items in sorted(index.items(), key=lambda kv: _section_key(kv[0]))
    ]


def _section_key(section: str) -> tuple[int, tuple[int, ...], str]:
    """Sort afsnit before Bilag, then by the dotted number (5.2.3 before 6 before 11)."""
    words = section.replace(",", " ").split()
    kind = 0 if words[0].lower() == "afsnit" else 1 if words[0] == "Bilag" else 2
    number = words[1] if len(words) > 1 else ""
    parts = tuple(int(p) for p in number.split(".") if p.isdigit())
    return kind, parts, section


def catalogue(on: date | None = None) -> dict[str, object]:
    """The rules as data for the docs; texts filled with the values in force on ``on`` (default: first day)."""
    on = on or agreement().first_day
    criteria = []
    for info in all_criteria().values():
        criteria.append(
            {
                "id": info.id,
                "group": info.group,
                "title": render_text(info.title, on),
                "summary": render_text(info.summary, on),
                "scope": render_text(info.scope, on),
                "references": list(info.references),
                "interpretations": [
                    {**render_text(r.text, on), "reference": r.reference}
                    for r in info.interpretations
                ],
                "documents": [
                    {**render_text(d.document.text, on), "reference": d.document.reference}
                    for d in info.documents
                ],
            }
        )
    data: dict[str, object] = {
        "agreement": agreement().to_json(),
        "rendered_for": on.isoformat(),
        "criteria": criteria,
        "parameters": [p.to_json() for p in all_parameters().values()],
        "ambiguities": ambiguities(),
        "glossary": glossary(),
    }
    data["sections"] = sections(data)
    data["table_of_contents"] = table_of_contents()
    return data
