"""Criterion metadata (titles, plain-language summaries, interpretations, documents) from the TOML files here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from udlejning import data_files
from udlejning.model import Document, Reason, Text

# A helper of the criteria, no rule of its own (udlejning.coverage).
COVERS = None

CRITERION_KEYS = {
    "id",
    "group",
    "title",
    "summary",
    "references",
    "scope",
    "interpretations",
    "documents",
}


@dataclass(frozen=True)
class TaggedDocument:
    """A document a criterion asks for, and the tags (the person's situation) it applies to."""

    document: Document
    applies: frozenset[str]
    persons_from_age: str | None = None  # a parameter: who must bring it (Document.persons)


@dataclass(frozen=True)
class CriterionInfo:
    """A criterion as its TOML file declares it: texts, references and documents."""

    id: str
    group: str
    title: Text
    summary: Text
    references: tuple[str, ...]
    scope: Text
    interpretations: tuple[Reason, ...]
    documents: tuple[TaggedDocument, ...]

    def documents_for(self, tags: set[str]) -> list[Document]:
        """The documents whose tags meet ``tags``; "always" ones always."""
        return [d.document for d in self.documents if "always" in d.applies or d.applies & tags]

    def persons_from_age(self, document: Document) -> str | None:
        """The parameter naming from which age a person must bring ``document``, if any."""
        return next((d.persons_from_age for d in self.documents if d.document == document), None)


def _text(raw: object, where: str) -> Text:
    if not isinstance(raw, dict) or set(raw) != {"da", "en"}:
        raise ValueError(f"{where}: needs exactly da and en")
    return Text(str(raw["da"]), str(raw["en"]))


def _parse(raw: dict[str, object]) -> CriterionInfo:
    unknown = set(raw) - CRITERION_KEYS
    if unknown:
        raise ValueError(f"criterion {raw.get('id')}: unknown keys {sorted(unknown)}")
    cid = str(raw["id"])
    interpretations = tuple(
        Reason(_text({"da": i["da"], "en": i["en"]}, cid), str(i["reference"]))
        for i in raw.get("interpretations", [])  # type: ignore[union-attr]
    )
    documents = tuple(
        TaggedDocument(
            Document(_text({"da": d["da"], "en": d["en"]}, cid), str(d["reference"])),
            frozenset(d["applies"]),
            d.get("persons_from_age"),
        )
        for d in raw.get("documents", [])  # type: ignore[union-attr]
    )
    references = tuple(str(r) for r in raw["references"])  # type: ignore[union-attr]
    if not references:
        raise ValueError(f"criterion {cid}: at least one reference")
    return CriterionInfo(
        id=cid,
        group=str(raw["group"]),
        title=_text(raw["title"], cid),
        summary=_text(raw["summary"], cid),
        references=references,
        scope=_text(raw["scope"], cid),
        interpretations=interpretations,
        documents=documents,
    )


@cache
def all_criteria() -> dict[str, CriterionInfo]:
    found: dict[str, CriterionInfo] = {}
    for name in ("almindelige.toml", "skaerpede.toml"):
        data = data_files.toml(f"criteria/{name}")
        for raw in data["criterion"]:
            info = _parse(raw)
            if info.id in found:
                raise ValueError(f"criterion {info.id} defined twice")
            found[info.id] = info
    return found


def criterion(cid: str) -> CriterionInfo:
    return all_criteria()[cid]


def criterion_ids(group: str | None = None) -> tuple[str, ...]:
    """The one list of criterion ids (the order of the TOML files), or those of one group
    (``almindelige``, ``skaerpede``)."""
    return tuple(cid for cid, info in all_criteria().items() if group in (None, info.group))
