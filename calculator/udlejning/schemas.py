"""JSON Schemas of the interface. The input schema comes from the input spec; the repo keeps both as
files in ``schemas/`` and a test fails when they drift from what this module produces."""

from __future__ import annotations

from udlejning.household import input_schema
from udlejning.situation_api import (
    placement_input_schema,
    priority_input_schema,
    wheel_input_schema,
)

_TEXT = {"type": "string", "minLength": 1}
_REF = {"type": "string", "minLength": 3}


def _obj(props: dict[str, object], required: list[str] | None = None) -> dict[str, object]:
    return {
        "type": "object",
        "properties": props,
        "required": list(props) if required is None else required,
        "additionalProperties": False,
    }


_BILINGUAL = {"da": _TEXT, "en": _TEXT}
_VERDICT = {"enum": ["met", "not_met", "cannot_tell"]}
_REASON = _obj({**_BILINGUAL, "reference": _REF})
_MISSING = _obj({"path": {"type": "string"}, **_BILINGUAL})
_THRESHOLD = _obj(
    {"parameter": _TEXT, "required": _TEXT, "actual": {"type": ["string", "null"]}, **_BILINGUAL}
)
_PERSON = _obj(
    {
        "person": _TEXT,
        "verdict": {"enum": ["met", "not_met", "cannot_tell", "not_covered"]},
        "reasons": {"type": "array", "items": _REASON},
        "missing": {"type": "array", "items": _MISSING},
        "thresholds": {"type": "array", "items": _THRESHOLD},
    }
)
_FINDING = _obj(
    {
        "id": {"type": "string", "pattern": "^[A-Z][0-9]$"},
        "group": {"enum": ["almindelige", "skaerpede"]},
        "title": _obj(_BILINGUAL),
        "verdict": _VERDICT,
        "met_by": {"type": "array", "items": _TEXT},
        "reasons": {"type": "array", "items": _REASON},
        "missing": {"type": "array", "items": _MISSING},
        "thresholds": {"type": "array", "items": _THRESHOLD},
        "documents": {"type": "array", "items": _REASON},
        "references": {"type": "array", "items": _REF, "minItems": 1},
        "scope": _obj(_BILINGUAL),
        "persons": {"type": "array", "items": _PERSON},
    }
)
_NOTICE = _obj(
    {"code": _TEXT, **_BILINGUAL, "reference": _REF, "parameter": _TEXT},
    ["code", "da", "en", "reference"],
)
_PARAMETER = _obj(
    {
        "name": _TEXT,
        "value": _TEXT,
        "unit": {"type": "string"},
        "effective_from": {"type": ["string", "null"], "format": "date"},
        "known_until": {"type": ["string", "null"], "format": "date"},
        "current": {"type": "boolean"},
        "source": {"enum": ["agreement", "user"]},
        "reference": _REF,
    }
)
_AGREEMENT = _obj(
    {
        "title": _obj(_BILINGUAL),
        "parties": _obj(_BILINGUAL),
        "first_day": {"type": "string", "format": "date"},
        "last_day": {"type": "string", "format": "date"},
        "reference": _REF,
    }
)
_CHECKLIST_LINE = _obj(
    {
        **_BILINGUAL,
        "reference": _REF,
        "criteria": {"type": "array", "items": {"type": "string"}, "minItems": 1},
    }
)
_ERROR = _obj({"path": {"type": "string"}, "code": _TEXT, **_BILINGUAL})

_OK = _obj(
    {
        "ok": {"const": True},
        "schema_version": {"const": "1"},
        "package_version": _TEXT,
        "date": {"type": "string", "format": "date"},
        "agreement": _AGREEMENT,
        "notices": {"type": "array", "items": _NOTICE},
        "criteria": {"type": "array", "items": _FINDING},
        "checklist": {"type": "array", "items": _CHECKLIST_LINE},
        "parameters": {"type": "array", "items": _PARAMETER},
    }
)
_FAILED = _obj(
    {
        "ok": {"const": False},
        "schema_version": {"const": "1"},
        "errors": {"type": "array", "items": _ERROR, "minItems": 1},
    }
)


def output_schema() -> dict[str, object]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "udlejning/output.schema.json",
        "title": "Resultat af en vurdering / Result of an evaluation",
        "oneOf": [_OK, _FAILED],
    }


SCHEMAS = {
    "input": input_schema,
    "output": output_schema,
    "placement-input": placement_input_schema,
    "wheel-input": wheel_input_schema,
    "priority-input": priority_input_schema,
}
