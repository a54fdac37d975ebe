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
def ambiguities() -> list[dict[str, object]]:
    raw = tomllib.loads((resources.files("udlejning") / "ambiguities.toml").read_text("utf-8"))
    return raw["ambiguity"]


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
    return {
        "agreement": agreement().to_json(),
        "rendered_for": on.isoformat(),
        "criteria": criteria,
        "parameters": [p.to_json() for p in all_parameters().values()],
        "ambiguities": ambiguities(),
    }
