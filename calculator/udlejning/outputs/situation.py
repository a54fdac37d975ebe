"""The answers of the stairs and wheels (``placement``, ``wheel``, ``priority``; afsnit 6, Bilag 4
III, Bilag 17)."""

from __future__ import annotations

from udlejning.criteria.info import criterion_ids, priority_groups
from udlejning.outputs.common import (
    NOTICES,
    NULLABLE_BOOLEAN,
    PARAMETERS,
    PLAN_TRANSITION,
    REASON,
    REASONS,
    REF,
    SHARE,
    STAIR,
    TITLE,
    TRIN,
    VERDICT,
    WHY,
    text,
)
from udlejning.outputs.shape import (
    BOOLEAN,
    DATE,
    TEXT,
    Answer,
    Out,
    array,
    enum,
    integer,
    nullable,
    obj,
    string,
)
from udlejning.stairs.afsnit6_priority import STATUSES
from udlejning.stairs.bilag17_risk_zone import COMPARATOR, CRITERIA
from udlejning.wheels import UNUSED, USES

USE = enum(USES)
RELEVANT = nullable(array(enum(["A", "S1", "S2", "S3", "S4"]), unique=True))
CRITERION_RESULT = obj(
    {
        "criterion": enum(CRITERIA),
        "label": TITLE,
        "value": nullable(string(min_length=1)),
        "comparator": enum(sorted(set(COMPARATOR.values()))),
        "state_limit": TEXT,
        "risk_zone_limit": TEXT,
        "meets_state_limit": NULLABLE_BOOLEAN,
        "within_risk_zone": NULLABLE_BOOLEAN,
        "reasons": REASONS,
    }
)
DEVELOPMENT_PLAN = obj({**PLAN_TRANSITION, "convictions_criterion_applies": NULLABLE_BOOLEAN})
SECTION_RULES = obj(
    {
        "pooling": obj({"pooled": BOOLEAN, "reasons": REASONS}),
        "exemption": obj({"exempt": BOOLEAN, "reasons": REASONS}),
        "safeguard": obj(
            {"state": enum(["not_covered", "waiting_list_allowed", "not_yet"]), "reasons": REASONS}
        ),
    },
    ("pooling", "exemption", "safeguard"),
)
PLACEMENT = Answer(
    "Afdelingens trappe og trin / The section's stair and step",
    {
        "date": DATE,
        "stair": STAIR,
        "trin": nullable(TRIN),
        "need_level": nullable(enum(["high", "medium", "low"])),
        "allocation_band": nullable(enum(["high", "middle", "low"])),
        "criteria": array(CRITERION_RESULT, 4, 4),
        "relevant_criteria": RELEVANT,
        "uncertain_criteria": RELEVANT,
        "development_plan": nullable(DEVELOPMENT_PLAN),
        "reasons": WHY,
        "notes": REASONS,
        "notices": NOTICES,
        "parameters": PARAMETERS,
        # Only when section data is given (Bilag 17; afsnit 6.2.1, 6.2.2).
        "section_rules": SECTION_RULES,
    },
    ("section_rules",),
)

POSITION = integer(1, 9)
CATEGORIES = ("waiting_list", "flexible", "municipal")
WHEEL_POSITION = obj(
    {
        "position": POSITION,
        "uses": array(USE, 1, 2),
        "use_texts": array(TITLE, 1, 2),
        "alternates": BOOLEAN,
        "share": SHARE,
        "reference": REF,
    }
)
WHEEL = obj(
    {
        "id": string(pattern="^(afdelingstrappe|omraadetrappe)-[1-4]$"),
        "stair": STAIR,
        "trin": TRIN,
        "title": TITLE,
        "reference": REF,
        "valid_from": DATE,
        "valid_until": DATE,
        "positions": array(WHEEL_POSITION, 9, 9),
        "shares": obj(dict.fromkeys(CATEGORIES, SHARE)),
        "figure": obj(dict.fromkeys(CATEGORIES, SHARE), CATEGORIES),
        "figure_reference": REF,
        "extras": array(obj({"share": SHARE, "use": USE, "instead_of": USE, "reference": REF})),
        "if_municipal_unused": obj(
            {"use": enum(sorted(UNUSED)), "urban_renewal_first": BOOLEAN, "reference": REF}
        ),
    }
)
WHEEL_ANSWER = Answer("Udlejningshjul / Letting wheel", {"date": DATE, "wheel": WHEEL})

STATUS = enum(STATUSES)
RANK = nullable(integer(1, 3))
C1_ON_ACCESSIBLE = enum(["ahead", "not_ahead", "cannot_tell"])  # Bilag 4, IV.1 C.1
HOME_ANSWER = obj(
    {"status": STATUS, "rank": RANK, "reasons": REASONS, "c1": C1_ON_ACCESSIBLE}, ("c1",)
)
# Which keys a home's answer has, by its use and status.
_POSITION_KEYS = {
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
    ]
}
POSITION_ANSWER = obj(
    {
        "position": POSITION,
        "round": enum([1, 2, None]),
        "share": SHARE,
        "use": USE,
        "use_text": TITLE,
        "reference": REF,
        "status": STATUS,
        "rank": RANK,
        "reasons": REASONS,
        # Only on the housing organisation's choice (afdelingstrappe trin 1, homes 1, 4 and 8).
        "choice": nullable(enum(["waiting_list", "a", "b"])),
        "options": obj({"waiting_list": HOME_ANSWER, "a": HOME_ANSWER, "b": HOME_ANSWER}, ("a",)),
        # Only on homes for municipal allocation.
        "if_unused": nullable(HOME_ANSWER),
        # Only on a designated accessible home (Bilag 4, IV.1 C.1).
        "c1": C1_ON_ACCESSIBLE,
    },
    ("choice", "options", "if_unused", "c1"),
    also=_POSITION_KEYS,
)
STEP_FIELDS: dict[str, Out] = {
    "stair": STAIR,
    "trin": TRIN,
    "title": TITLE,
    "summary": obj(dict.fromkeys(STATUSES, SHARE)),
    "relevant_criteria": RELEVANT,
    "uncertain_criteria": RELEVANT,
}
STEP = obj(
    {
        **STEP_FIELDS,
        "reference": REF,
        "valid_from": DATE,
        "valid_until": DATE,
        "positions": array(POSITION_ANSWER, 9, 18),
        "notes": REASONS,
    }
)
CRITERION_IDS = criterion_ids()
# udlejning.where: "where", in words, the chosen step first (issue 10).
WHERE_KIND = enum(["criteria", "fallback", "seniority", "none", "depends", "cannot_tell"])
WHERE = obj(
    {
        "chosen": nullable(REASON),
        "overview": array(text({"kind": WHERE_KIND, "reference": REF}), 1),
        "steps": array(
            text({"stair": STAIR, "trin": TRIN, "kind": WHERE_KIND, "reference": REF}), 6, 6
        ),
    }
)
PRIORITY = Answer(
    "Fortrinsret i udlejningshjulene / Priority in the letting wheels",
    {
        "date": DATE,
        "criteria": array(
            obj({"id": enum(CRITERION_IDS), "verdict": VERDICT, "title": TITLE}),
            len(CRITERION_IDS),
            len(CRITERION_IDS),
        ),
        # Each priority group's verdict (afsnit6_priority.household_verdicts).
        "combined": obj(dict.fromkeys(priority_groups(), VERDICT)),
        "step": nullable(STEP),
        "steps": array(obj(STEP_FIELDS), 6, 6),
        "notes": REASONS,
        "where": WHERE,
    },
)
