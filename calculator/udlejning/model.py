"""The shape of an answer: a verdict plus the reasons, references and documents behind it.

Every finding explains itself, so the docs, the calculator and the JSON API show the same explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any


@dataclass(frozen=True)
class Text:
    """A sentence in plain Danish (first) and English."""

    da: str
    en: str

    def to_json(self) -> dict[str, str]:
        return {"da": self.da, "en": self.en}


@dataclass(frozen=True)
class WithText:
    """A record that carries a sentence: its JSON is its fields in the order they are declared, the
    sentence (a ``Text``) as its ``da`` and ``en`` in its place."""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for declared in fields(self):
            value = getattr(self, declared.name)
            if isinstance(value, Text):
                out.update(value.to_json())
            else:
                out[declared.name] = value
        return out


class Verdict(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    CANNOT_TELL = "cannot_tell"
    # A «kan efter omstændighederne» rule: the housing organisation decides; never a firm yes.
    ORGANISATION_DECIDES = "organisation_decides"
    # Only for one person: the rule does not cover this person (e.g. outside its age group).
    NOT_COVERED = "not_covered"


@dataclass(frozen=True)
class Reason(WithText):
    """One step of the explanation, with the section of the agreement it rests on."""

    text: Text
    reference: str


@dataclass(frozen=True)
class Missing(WithText):
    """A fact the rule needs and the input did not give (``path`` names the field)."""

    path: str
    text: Text


@dataclass(frozen=True)
class Threshold(WithText):
    """A number that decides the result, the household's own value, and what would change it."""

    parameter: str
    required: str
    actual: str | None
    text: Text


@dataclass(frozen=True)
class Document:
    """Something to bring (Bilag 4's *krav til dokumentation*)."""

    text: Text
    reference: str
    # Who in the household must bring it (person ids), when the document names an age (the
    # criminal record certificate: everyone moving in from ``skaerpede.convictions.record_from_age``).
    persons: tuple[str, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {**self.text.to_json(), "reference": self.reference}
        if self.persons is not None:
            out["persons"] = list(self.persons)
        return out


@dataclass
class PersonFinding:
    """The result of a rule for one person in the household."""

    person: str
    verdict: Verdict
    reasons: list[Reason] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    thresholds: list[Threshold] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "person": self.person,
            "verdict": self.verdict.value,
            "reasons": [r.to_json() for r in self.reasons],
            "missing": [m.to_json() for m in self.missing],
            "thresholds": [t.to_json() for t in self.thresholds],
        }


@dataclass
class Finding:
    """The result of one criterion for the whole household."""

    id: str
    group: str
    title: Text
    verdict: Verdict
    references: list[str]
    scope: Text
    met_by: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    thresholds: list[Threshold] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    persons: list[PersonFinding] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)
    condition: Condition | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "group": self.group,
            "title": self.title.to_json(),
            "verdict": self.verdict.value,
            "met_by": list(self.met_by),
            "reasons": [r.to_json() for r in self.reasons],
            "missing": [m.to_json() for m in self.missing],
            "thresholds": [t.to_json() for t in self.thresholds],
            "documents": [d.to_json() for d in self.documents],
            "references": list(self.references),
            "scope": self.scope.to_json(),
            "persons": [p.to_json() for p in self.persons],
            "readings": list(self.readings),
            "condition": self.condition.to_json() if self.condition else None,
        }


@dataclass(frozen=True)
class Condition(WithText):
    """A conditional verdict: the criterion is met as long as ``parameter`` is at most ``at_most``."""

    parameter: str
    at_most: str
    text: Text


def _first_present(
    verdicts: list[Verdict], order: tuple[Verdict, ...], otherwise: Verdict
) -> Verdict:
    return next((v for v in order if v in verdicts), otherwise)


def combine_any(verdicts: list[Verdict]) -> Verdict:
    """At least one must meet the rule: met wins, then the organisation decides, then cannot tell,
    else not met."""
    return _first_present(
        verdicts, (Verdict.MET, Verdict.ORGANISATION_DECIDES, Verdict.CANNOT_TELL), Verdict.NOT_MET
    )


def combine_all(verdicts: list[Verdict]) -> Verdict:
    """Everyone must meet the rule: not met wins, then cannot tell, then the organisation decides,
    else met (also when nobody is covered)."""
    return _first_present(
        verdicts, (Verdict.NOT_MET, Verdict.CANNOT_TELL, Verdict.ORGANISATION_DECIDES), Verdict.MET
    )
