"""JSON Schemas of the interface. The input schema comes from the input spec; the repo keeps both as
files in ``schemas/`` and a test fails when they drift from what this module produces."""

from __future__ import annotations

from collections.abc import Callable

from udlejning.household import input_schema
from udlejning.sections.bilag5_limits import ROWS as BILAG5_ROWS
from udlejning.staff_api import AREAS as STAFF_AREAS
from udlejning.staff_api import (
    CHECK_IDS,
    CHECK_VERDICTS,
    CITIZEN_STATUSES,
    DEADLINE_IDS,
    DEADLINE_KINDS,
    EFFECTS,
    NEW_BUILD_HOMES,
    NEW_BUILD_LETTINGS,
    NEW_BUILD_PERIODS,
    SAERBOLIG_HOMES,
    VERDICTS,
)
from udlejning.stairs.afsnit6_priority import STATUSES
from udlejning.stairs.bilag17_risk_zone import COMPARATOR, CRITERIA
from udlejning.wheels import UNUSED, USES

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
_VERDICT = {"enum": ["met", "not_met", "cannot_tell", "organisation_decides"]}
_READING_ID = {"type": "string", "pattern": "^R-[0-9]{2}$"}
_REASON = _obj({**_BILINGUAL, "reference": _REF})
_DOCUMENT = _obj(
    {**_BILINGUAL, "reference": _REF, "persons": {"type": "array", "items": {"type": "string"}}},
    ["da", "en", "reference"],
)
_MISSING = _obj({"path": {"type": "string"}, **_BILINGUAL})
_THRESHOLD = _obj(
    {"parameter": _TEXT, "required": _TEXT, "actual": {"type": ["string", "null"]}, **_BILINGUAL}
)
_PERSON = _obj(
    {
        "person": _TEXT,
        "verdict": {"enum": ["met", "not_met", "cannot_tell", "organisation_decides", "not_covered"]},
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
        "documents": {"type": "array", "items": _DOCUMENT},
        "references": {"type": "array", "items": _REF, "minItems": 1},
        "scope": _obj(_BILINGUAL),
        "persons": {"type": "array", "items": _PERSON},
        "readings": {"type": "array", "items": _READING_ID},
        "condition": {
            "oneOf": [
                {"type": "null"},
                _obj({"parameter": _TEXT, "at_most": _TEXT, **_BILINGUAL}),
            ]
        },
        "other_readings": {
            "type": "array",
            "items": _obj(
                {
                    "reading": _READING_ID,
                    "choice": {"enum": ["chosen", "alternative"]},
                    "verdict": _VERDICT,
                    **_BILINGUAL,
                }
            ),
        },
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
_PERSONS = {"type": "array", "items": {"type": "string"}}  # who must bring it (straffeattest)
_CHECKLIST_LINE = _obj(
    {
        **_BILINGUAL,
        "reference": _REF,
        "criteria": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "persons": _PERSONS,
    },
    ["da", "en", "reference", "criteria"],
)
_ERROR = _obj({"path": {"type": "string"}, "code": _TEXT, **_BILINGUAL})
# udlejning.summary: the answer first, in words (issue 10).
_NAMES = {"type": "array", "items": _TEXT}
_SUMMARY_CRITERION = _obj(
    {
        "id": {"type": "string", "pattern": "^[A-Z][0-9]$"},
        "group": {"enum": ["almindelige", "skaerpede"]},
        "verdict": _VERDICT,
        **_BILINGUAL,
        "reference": _REF,
        "meets": _NAMES,
        "fails": _NAMES,
        "unknown": _NAMES,
        "decisive": {"type": "array", "items": _obj({"person": _TEXT, **_BILINGUAL})},
    }
)
_SUMMARY_DOCUMENT = _CHECKLIST_LINE
_SUMMARY_OUT = _obj(
    {
        **_BILINGUAL,
        "criteria": {"type": "array", "items": _SUMMARY_CRITERION},
        "met": {
            "type": "array",
            "items": _obj({"id": _TEXT, "title": _obj(_BILINGUAL), "persons": _NAMES}),
        },
        "documents": _obj(
            {
                "met": {
                    "type": "array",
                    "items": _obj(
                        {"person": _TEXT, "items": {"type": "array", "items": _SUMMARY_DOCUMENT}}
                    ),
                },
                "to_claim": {
                    "type": "array",
                    "items": _obj(
                        {
                            "criterion": _TEXT,
                            "person": _TEXT,
                            "items": {"type": "array", "items": _SUMMARY_DOCUMENT},
                            "missing": {"type": "array", "items": _MISSING},
                        }
                    ),
                },
            }
        ),
        "next_steps": {"type": "array", "items": _REASON, "minItems": 1},
    }
)

_OK_FIELDS: dict[str, object] = {
    "ok": {"const": True},
    "schema_version": {"const": "1"},
    "package_version": _TEXT,
    "date": {"type": "string", "format": "date"},
    "agreement": _AGREEMENT,
    "notices": {"type": "array", "items": _NOTICE},
    "criteria": {"type": "array", "items": _FINDING},
    "checklist": {"type": "array", "items": _CHECKLIST_LINE},
    "parameters": {"type": "array", "items": _PARAMETER},
    "summary": _SUMMARY_OUT,
}
# ``summary`` is absent when the date is outside the agreement's period (no criteria are assessed).
_OK = _obj(_OK_FIELDS, [k for k in _OK_FIELDS if k != "summary"])
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
}


# --- Output schemas of the stairs and wheels (udlejning.situation_api) ----------------------------

_DATE = {"type": "string", "format": "date"}
_SHARE = {"type": "string", "pattern": "^[0-9]+/[0-9]+$"}
_TITLE = _obj(_BILINGUAL)
_REASONS = {"type": "array", "items": _REASON}
_STAIR = {"enum": ["afdelingstrappe", "omraadetrappe"]}
_TRIN = {"type": "integer", "minimum": 1, "maximum": 4}
_USE = {"enum": list(USES)}
_RELEVANT = {
    "type": ["array", "null"],
    "items": {"enum": ["A", "S1", "S2", "S3", "S4"]},
    "uniqueItems": True,
}
_NULLABLE_BOOL = {"type": ["boolean", "null"]}


def _failed(version: str = "1") -> dict[str, object]:
    return _obj(
        {
            "ok": {"const": False},
            "schema_version": {"const": version},
            "errors": {
                "type": "array",
                "items": _obj({"path": _TEXT, "code": _TEXT, **_BILINGUAL}),
                "minItems": 1,
            },
        }
    )


def _ok(props: dict[str, object], required: list[str] | None = None) -> dict[str, object]:
    base = {
        "ok": {"const": True},
        "schema_version": {"const": "1"},
        "package_version": _TEXT,
    }
    return _obj({**base, **props}, None if required is None else [*base, *required])


def _answer_schema(name: str, title: str, ok: dict[str, object]) -> dict[str, object]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"udlejning/{name}.schema.json",
        "title": title,
        "oneOf": [ok, _failed()],
    }


_CRITERION_RESULT = _obj(
    {
        "criterion": {"enum": list(CRITERIA)},
        "label": _TITLE,
        "value": {"type": ["string", "null"], "minLength": 1},
        "comparator": {"enum": sorted(set(COMPARATOR.values()))},
        "state_limit": _TEXT,
        "risk_zone_limit": _TEXT,
        "meets_state_limit": _NULLABLE_BOOL,
        "within_risk_zone": _NULLABLE_BOOL,
        "reasons": _REASONS,
    }
)
# Afsnit 6.1.6: the transition, the readings it rests on (R-29, R-41) and, in words, what the other
# reading would say (what ends the suspension; whether S2 applies at the limit).
_PLAN_OTHER_READING = _obj(
    {"reading": _READING_ID, "choice": {"enum": ["chosen", "alternative"]}, **_BILINGUAL}
)
_PLAN_COMMON = {
    "municipal_allocation_suspended": _NULLABLE_BOOL,
    "ends_at_the_latest": {"type": ["string", "null"], "format": "date"},
    "reasons": _REASONS,
    "readings": {"type": "array", "items": _READING_ID},
    "other_readings": {"type": "array", "items": _PLAN_OTHER_READING},
}
_DEVELOPMENT_PLAN = _obj({**_PLAN_COMMON, "convictions_criterion_applies": _NULLABLE_BOOL})


_SECTION_RULES = _obj(
    {
        "pooling": _obj({"pooled": {"type": "boolean"}, "reasons": _REASONS}),
        "exemption": _obj({"exempt": {"type": "boolean"}, "reasons": _REASONS}),
        "safeguard": _obj(
            {
                "state": {"enum": ["not_covered", "waiting_list_allowed", "not_yet"]},
                "reasons": _REASONS,
            }
        ),
    },
    [],
)


def placement_output_schema() -> dict[str, object]:
    """``situation_api.placement``: the stair and step of a section, or errors."""
    ok = _ok(
        {
            "date": _DATE,
            "stair": _STAIR,
            "trin": {"type": ["integer", "null"], "minimum": 1, "maximum": 4},
            "need_level": {"enum": ["high", "medium", "low", None]},
            "allocation_band": {"enum": ["high", "middle", "low", None]},
            "criteria": {"type": "array", "items": _CRITERION_RESULT, "minItems": 4, "maxItems": 4},
            "relevant_criteria": _RELEVANT,
            "uncertain_criteria": _RELEVANT,
            "development_plan": {"oneOf": [{"type": "null"}, _DEVELOPMENT_PLAN]},
            "reasons": {**_REASONS, "minItems": 1},
            "notes": _REASONS,
            "notices": {"type": "array", "items": _NOTICE},
            "parameters": {"type": "array", "items": _PARAMETER},
            # Only when section data is given (Bilag 17; afsnit 6.2.1, 6.2.2).
            "section_rules": _SECTION_RULES,
        },
        [
            "date",
            "stair",
            "trin",
            "need_level",
            "allocation_band",
            "criteria",
            "relevant_criteria",
            "uncertain_criteria",
            "development_plan",
            "reasons",
            "notes",
            "notices",
            "parameters",
        ],
    )
    return _answer_schema(
        "placement-output", "Afdelingens trappe og trin / The section's stair and step", ok
    )


_WHEEL_POSITION = _obj(
    {
        "position": {"type": "integer", "minimum": 1, "maximum": 9},
        "uses": {"type": "array", "items": _USE, "minItems": 1, "maxItems": 2},
        "use_texts": {"type": "array", "items": _TITLE, "minItems": 1, "maxItems": 2},
        "alternates": {"type": "boolean"},
        "share": _SHARE,
        "reference": _REF,
    }
)
_CATEGORIES = ["waiting_list", "flexible", "municipal"]
_WHEEL = _obj(
    {
        "id": {"type": "string", "pattern": "^(afdelingstrappe|omraadetrappe)-[1-4]$"},
        "stair": _STAIR,
        "trin": _TRIN,
        "title": _TITLE,
        "reference": _REF,
        "valid_from": _DATE,
        "valid_until": _DATE,
        "positions": {"type": "array", "items": _WHEEL_POSITION, "minItems": 9, "maxItems": 9},
        "shares": _obj(dict.fromkeys(_CATEGORIES, _SHARE)),
        "figure": _obj(dict.fromkeys(_CATEGORIES, _SHARE), []),
        "figure_reference": _REF,
        "extras": {
            "type": "array",
            "items": _obj({"share": _SHARE, "use": _USE, "instead_of": _USE, "reference": _REF}),
        },
        "if_municipal_unused": _obj(
            {
                "use": {"enum": sorted(UNUSED)},
                "urban_renewal_first": {"type": "boolean"},
                "reference": _REF,
            }
        ),
    }
)


def wheel_output_schema() -> dict[str, object]:
    """``situation_api.wheel``: one stair step's letting wheel on a date, or errors."""
    ok = _ok({"date": _DATE, "wheel": _WHEEL})
    return _answer_schema("wheel-output", "Udlejningshjul / Letting wheel", ok)


_STATUS = {"enum": list(STATUSES)}
_RANK = {"type": ["integer", "null"], "minimum": 1, "maximum": 3}
_C1_ON_ACCESSIBLE = {"enum": ["ahead", "not_ahead", "cannot_tell"]}  # Bilag 4, IV.1 C.1
_ANSWER = _obj(
    {"status": _STATUS, "rank": _RANK, "reasons": _REASONS, "c1": _C1_ON_ACCESSIBLE},
    ["status", "rank", "reasons"],
)
_POSITION_ANSWER = {
    **_obj(
        {
            "position": {"type": "integer", "minimum": 1, "maximum": 9},
            "round": {"enum": [1, 2, None]},
            "share": _SHARE,
            "use": _USE,
            "use_text": _TITLE,
            "reference": _REF,
            "status": _STATUS,
            "rank": _RANK,
            "reasons": _REASONS,
            # Only on the housing organisation's choice (afdelingstrappe trin 1, homes 1, 4 and 8).
            "choice": {"enum": ["waiting_list", "a", "b", None]},
            "options": _obj(
                {"waiting_list": _ANSWER, "a": _ANSWER, "b": _ANSWER}, ["waiting_list", "b"]
            ),
            # Only on homes for municipal allocation.
            "if_unused": {"oneOf": [{"type": "null"}, _ANSWER]},
            # Only on a designated accessible home (Bilag 4, IV.1 C.1).
            "c1": _C1_ON_ACCESSIBLE,
        },
        ["position", "round", "share", "use", "use_text", "reference", "status", "rank", "reasons"],
    ),
    "allOf": [
        {
            "if": {"properties": {"use": {"const": "municipal"}}},
            "then": {"required": ["if_unused"]},
            "else": {"not": {"required": ["if_unused"]}},
        },
        {
            "if": {
                "properties": {
                    "use": {"enum": ["choice_waiting_list_a_b", "choice_waiting_list_b"]}
                }
            },
            "then": {"required": ["choice"]},
            "else": {"not": {"anyOf": [{"required": ["choice"]}, {"required": ["options"]}]}},
        },
        {
            "if": {"properties": {"status": {"const": "depends"}}},
            "then": {"required": ["options"]},
            "else": {"not": {"required": ["options"]}},
        },
    ],
}
_SUMMARY = _obj(dict.fromkeys(_STATUS["enum"], _SHARE))
_STEP_FIELDS: dict[str, object] = {
    "stair": _STAIR,
    "trin": _TRIN,
    "title": _TITLE,
    "summary": _SUMMARY,
    "relevant_criteria": _RELEVANT,
    "uncertain_criteria": _RELEVANT,
}
_STEP = _obj(
    {
        **_STEP_FIELDS,
        "reference": _REF,
        "valid_from": _DATE,
        "valid_until": _DATE,
        "positions": {
            "type": "array",
            "items": _POSITION_ANSWER,
            "minItems": 9,
            "maxItems": 18,
        },
        "notes": _REASONS,
    }
)
_CRITERION_IDS = ["A1", "A2", "B1", "C1", "S1", "S2", "S3", "S4"]
# udlejning.where: "where", in words, the chosen step first (issue 10).
_WHERE_KINDS = {"enum": ["criteria", "fallback", "seniority", "none", "depends", "cannot_tell"]}
_WHERE = _obj(
    {
        "chosen": {"oneOf": [{"type": "null"}, _REASON]},
        "overview": {
            "type": "array",
            "items": _obj({"kind": _WHERE_KINDS, **_BILINGUAL, "reference": _REF}),
            "minItems": 1,
        },
        "steps": {
            "type": "array",
            "items": _obj(
                {
                    "stair": _STAIR,
                    "trin": _TRIN,
                    "kind": _WHERE_KINDS,
                    **_BILINGUAL,
                    "reference": _REF,
                }
            ),
            "minItems": 6,
            "maxItems": 6,
        },
    }
)


def priority_output_schema() -> dict[str, object]:
    """``situation_api.priority``: for a household, priority / seniority / none for each wheel home."""
    ok = _ok(
        {
            "date": _DATE,
            "criteria": {
                "type": "array",
                "items": _obj(
                    {"id": {"enum": _CRITERION_IDS}, "verdict": _VERDICT, "title": _TITLE}
                ),
                "minItems": len(_CRITERION_IDS),
                "maxItems": len(_CRITERION_IDS),
            },
            "combined": _obj(dict.fromkeys(["A", "B", "C1", "S1", "S2", "S3", "S4"], _VERDICT)),
            "step": {"oneOf": [{"type": "null"}, _STEP]},
            "steps": {"type": "array", "items": _obj(_STEP_FIELDS), "minItems": 6, "maxItems": 6},
            "notes": _REASONS,
            "where": _WHERE,
        }
    )
    return _answer_schema(
        "priority-output", "Fortrinsret i udlejningshjulene / Priority in the letting wheels", ok
    )


SCHEMAS.update(
    {
        "placement-output": placement_output_schema,
        "wheel-output": wheel_output_schema,
        "priority-output": priority_output_schema,
    }
)


# --- Staff tools (udlejning.staff_api): Bilag 14 deadlines and Bilag 5 limits ----------------------

_DEADLINE_ITEM = _obj(
    {
        "id": {"enum": list(DEADLINE_IDS)},
        "kind": {"enum": list(DEADLINE_KINDS)},
        "date": _DATE,
        **_BILINGUAL,
        "reference": _REF,
    }
)
_CHECK_ITEM = _obj(
    {
        "id": {"enum": list(CHECK_IDS)},
        "verdict": {"enum": list(CHECK_VERDICTS)},
        **_BILINGUAL,
        "reference": _REF,
    }
)


def deadlines_output_schema() -> dict[str, object]:
    """``staff_api.deadlines``: the Bilag 14 dates and checks, or errors."""
    ok = _ok(
        {
            "deadlines": {"type": "array", "items": _DEADLINE_ITEM, "maxItems": len(DEADLINE_IDS)},
            "checks": {"type": "array", "items": _CHECK_ITEM, "maxItems": len(CHECK_IDS)},
            "notes": _REASONS,
            "parameters": {"type": "array", "items": _PARAMETER},
        }
    )
    return _answer_schema(
        "deadlines-output", "Frister efter Bilag 14 / Deadlines under Bilag 14", ok
    )


_LIMIT_ROW = _obj(
    {
        "id": {"enum": [str(row["id"]) for row in BILAG5_ROWS]},
        "limit": _TITLE,
        "area_scope": {"enum": ["udsat", "forebyggelse", "both", "unclear"]},
        "citizen": {"enum": list(CITIZEN_STATUSES)},
        "effect": {"enum": list(EFFECTS)},
        **_BILINGUAL,
        "missing": {"type": "array", "items": _TEXT},
        "reference": _REF,
    }
)


def allocation_limits_output_schema() -> dict[str, object]:
    """``staff_api.allocation_limits``: may the citizen be allocated a home in the area, and why."""
    ok = _ok(
        {
            "date": _DATE,
            "area": {"enum": list(STAFF_AREAS)},
            "verdict": {"enum": list(VERDICTS)},
            "reasons": {**_REASONS, "minItems": 1},
            "limits": {"type": "array", "items": _LIMIT_ROW},
            "development_plan": {
                "oneOf": [
                    {"type": "null"},
                    _obj(_PLAN_COMMON),
                ]
            },
            "readings": {"type": "array", "items": _READING_ID},
            "other_readings": {
                "type": "array",
                "items": _obj(
                    {
                        "reading": _READING_ID,
                        "choice": {"enum": ["chosen", "alternative"]},
                        "verdict": {"enum": list(VERDICTS)},
                        **_BILINGUAL,
                    }
                ),
            },
        }
    )
    return _answer_schema(
        "allocation-limits-output",
        "Begrænsninger for boligsocial anvisning (Bilag 5) / Limits on municipal allocation",
        ok,
    )


SCHEMAS.update(
    {
        "deadlines-output": deadlines_output_schema,
        "allocation-limits-output": allocation_limits_output_schema,
    }
)


# --- Staff tools: afsnit 11 new builds and afsnit 9 phase-out of særboliger -------------------------

_PERCENT_TEXT = {"type": "string", "pattern": r"^[0-9]+(\.[0-9]+)?$"}
_NULLABLE_PERCENT = {"type": ["string", "null"], "pattern": r"^[0-9]+(\.[0-9]+)?$"}
_NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}


def new_build_output_schema() -> dict[str, object]:
    """``staff_api.new_build``: the municipality's share of a new build's homes (afsnit 11)."""
    ok = _ok(
        {
            "date": _DATE,
            "taken_into_use": _DATE,
            "letting": {"enum": list(NEW_BUILD_LETTINGS)},
            "period": {"enum": list(NEW_BUILD_PERIODS)},
            "special_rules_until": _DATE,
            "homes": {
                "type": "array",
                "maxItems": len(NEW_BUILD_HOMES),
                "items": _obj(
                    {
                        "id": {"enum": list(NEW_BUILD_HOMES)},
                        "municipal_share": {"oneOf": [{"type": "null"}, _SHARE]},
                        **_BILINGUAL,
                        "reference": _REF,
                    }
                ),
            },
            "figure12": {
                "type": "array",
                "items": _obj(
                    {
                        "from": _PERCENT_TEXT,
                        "below": _NULLABLE_PERCENT,
                        "municipal_share": _SHARE,
                        "applies": {"type": "boolean"},
                        "reference": _REF,
                    }
                ),
            },
            "stair_step": {
                "oneOf": [{"type": "null"}, _obj({"stair": _STAIR, "trin": _TRIN})],
            },
            "reasons": {**_REASONS, "minItems": 1},
            "notes": _REASONS,
            "parameters": {"type": "array", "items": _PARAMETER},
        }
    )
    return _answer_schema(
        "new-build-output", "Nybyggeri: kommunal anvisning (afsnit 11) / New builds", ok
    )


def saerbolig_phase_out_output_schema() -> dict[str, object]:
    """``staff_api.saerbolig_phase_out``: when the phase-out starts and what a vacancy means (afsnit 9)."""
    ok = _ok(
        {
            "trin_at_start": _TRIN,
            "date": _NULLABLE_DATE,
            "start": _NULLABLE_DATE,
            "started": _NULLABLE_BOOL,
            "trin1_bands": {
                "type": "array",
                "items": _obj(
                    {
                        "from": _PERCENT_TEXT,
                        "below": _NULLABLE_PERCENT,
                        "start": _DATE,
                        "applies": {"type": "boolean"},
                        "reference": _REF,
                    }
                ),
            },
            "compensation": {
                "oneOf": [
                    {"type": "null"},
                    _obj({"share": _SHARE, "until": _DATE, **_BILINGUAL, "reference": _REF}),
                ]
            },
            "homes": {
                "type": "array",
                "minItems": 1,
                "items": _obj(
                    {"id": {"enum": list(SAERBOLIG_HOMES)}, **_BILINGUAL, "reference": _REF}
                ),
            },
            "reasons": {**_REASONS, "minItems": 1},
            "notes": _REASONS,
        }
    )
    return _answer_schema(
        "saerbolig-phase-out-output",
        "Udfasning af særboliger (afsnit 9) / Phasing out special homes",
        ok,
    )


SCHEMAS.update(
    {
        "new-build-output": new_build_output_schema,
        "saerbolig-phase-out-output": saerbolig_phase_out_output_schema,
    }
)


def _input_schemas() -> dict[str, object]:
    """Every endpoint's input schema, from its spec in the registry (evaluate's is ``input``)."""
    from udlejning.answers import input_schema_of
    from udlejning.endpoints import REGISTRY

    return {
        e.input_schema: input_schema_of(e.spec, e.input_schema)
        for e in REGISTRY
        if e.name != "evaluate"
    }


SCHEMAS.update(_input_schemas())


def _envelope_output_schemas() -> dict[str, object]:
    """The endpoints added with Rules IV (youth homes, subsidised homes, …) have no hand-written
    answer schema yet: theirs fixes the envelope (``ok``, ``schema_version``, ``package_version``)
    and the error shape, and leaves the rule's own keys open."""
    from udlejning.endpoints import REGISTRY

    def envelope(name: str, title: str) -> Callable[[], dict[str, object]]:
        ok = {
            "type": "object",
            "properties": {
                "ok": {"const": True},
                "schema_version": {"const": "1"},
                "package_version": _TEXT,
            },
            "required": ["ok", "schema_version", "package_version"],
        }
        return lambda: _answer_schema(name, title, ok)

    return {
        e.output_schema: envelope(e.output_schema, e.help)
        for e in REGISTRY
        if e.output_schema not in SCHEMAS
    }


SCHEMAS.update(_envelope_output_schemas())
