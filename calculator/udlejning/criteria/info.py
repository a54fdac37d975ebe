"""Criterion metadata (titles, plain-language summaries, interpretations, documents) from the TOML files here,
and what each criterion gives priority as in the letting wheels (its priority group, ``[priority.<id>]``)."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    "priority",
    "facts",
}
PRIORITY_KEYS = {"name", "wheel_use", "wheel_use_text"}
FILES = ("almindelige.toml", "skaerpede.toml")


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
    priority: str  # the id of its priority group (PriorityGroup)
    # What its rule asks about a field, as facts.toml has it ({field: {use: {da, en}}}; build.Facts),
    # when the criterion keeps them in its own entry.
    facts: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def documents_for(self, tags: set[str]) -> list[Document]:
        """The documents whose tags meet ``tags``; "always" ones always."""
        return [d.document for d in self.documents if "always" in d.applies or d.applies & tags]

    def persons_from_age(self, document: Document) -> str | None:
        """The parameter naming from which age a person must bring ``document``, if any."""
        return next((d.persons_from_age for d in self.documents if d.document == document), None)


@dataclass(frozen=True)
class PriorityGroup:
    """What criteria give priority as in the letting wheels (Bilag 4, II–III): the group's verdict is
    met when one of its ``criteria`` is met (A = A1 or A2, Bilag 4, III).

    ``name`` is how the wheel's answers name the group ("et A-kriterium"); ``wheel_use`` is the use a
    wheel position gives the group alone (``udlejning.wheels.USES``, its text ``wheel_use_text``):
    priority for whoever meets it (``udlejning.stairs.afsnit6_priority``). A group without a name is
    never named in a wheel's answer (C1 gives priority on accessible homes, not a position)."""

    id: str
    criteria: tuple[str, ...]
    name: Text | None
    wheel_use: str | None
    wheel_use_text: Text | None


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
        priority=str(raw["priority"]),
        facts=dict(raw.get("facts", {})),  # type: ignore[call-overload]
    )


def _priority_group(gid: str, raw: dict[str, object], criteria: tuple[str, ...]) -> PriorityGroup:
    unknown = set(raw) - PRIORITY_KEYS
    if unknown:
        raise ValueError(f"priority group {gid}: unknown keys {sorted(unknown)}")
    name = _text(raw["name"], gid) if "name" in raw else None
    use = raw.get("wheel_use")
    if (use is None) != ("wheel_use_text" not in raw) or (use is not None and name is None):
        raise ValueError(f"priority group {gid}: a wheel_use needs its wheel_use_text and a name")
    return PriorityGroup(
        id=gid,
        criteria=criteria,
        name=name,
        wheel_use=None if use is None else str(use),
        wheel_use_text=_text(raw["wheel_use_text"], gid) if use is not None else None,
    )


@cache
def all_criteria() -> dict[str, CriterionInfo]:
    found: dict[str, CriterionInfo] = {}
    for name in FILES:
        data = data_files.toml(f"criteria/{name}")
        for raw in data["criterion"]:
            info = _parse(raw)
            if info.id in found:
                raise ValueError(f"criterion {info.id} defined twice")
            found[info.id] = info
    return found


@cache
def priority_groups() -> dict[str, PriorityGroup]:
    """Every priority group, in the order of its first criterion (A, B, C1, S1, …)."""
    declared: dict[str, dict[str, object]] = {}
    for name in FILES:
        for gid, raw in data_files.toml(f"criteria/{name}").get("priority", {}).items():
            if gid in declared:
                raise ValueError(f"priority group {gid} defined twice")
            declared[gid] = raw
    members: dict[str, list[str]] = {}
    for info in all_criteria().values():
        members.setdefault(info.priority, []).append(info.id)
    if set(members) != set(declared):
        raise ValueError(
            f"priority groups without a declaration {sorted(set(members) - set(declared))}, "
            f"declared without a criterion {sorted(set(declared) - set(members))}"
        )
    return {gid: _priority_group(gid, declared[gid], tuple(ids)) for gid, ids in members.items()}


def criterion(cid: str) -> CriterionInfo:
    return all_criteria()[cid]


def criterion_ids(group: str | None = None) -> tuple[str, ...]:
    """The one list of criterion ids (the order of the TOML files), or those of one group
    (``almindelige``, ``skaerpede``)."""
    return tuple(cid for cid, info in all_criteria().items() if group in (None, info.group))
