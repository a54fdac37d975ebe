"""The answers of the staff tools: Bilag 14 deadlines, Bilag 5 limits, afsnit 11 new builds and the
afsnit 9 phase-out of særboliger (``udlejning.tools``)."""

from __future__ import annotations

from udlejning.outputs.common import (
    NULLABLE_BOOLEAN,
    PARAMETERS,
    PERCENT,
    PLAN_TRANSITION,
    READING_ID,
    REASONS,
    REF,
    SHARE,
    STAIR_STEP,
    TITLE,
    TRIN,
    WHY,
    other_readings,
    text,
)
from udlejning.outputs.shape import BOOLEAN, DATE, TEXT, Answer, array, enum, nullable, obj
from udlejning.sections.afsnit9_saerboliger import SAERBOLIG_HOMES
from udlejning.sections.afsnit11_new_builds import (
    NEW_BUILD_HOMES,
    NEW_BUILD_LETTINGS,
    NEW_BUILD_PERIODS,
)
from udlejning.sections.bilag5_limits import AREAS, CITIZEN_STATUSES, EFFECTS, ROWS, VERDICTS
from udlejning.sections.bilag14_deadlines import (
    CHECK_IDS,
    CHECK_VERDICTS,
    DEADLINE_IDS,
    DEADLINE_KINDS,
)

DEADLINES = Answer(
    "Frister efter Bilag 14 / Deadlines under Bilag 14",
    {
        "deadlines": array(
            text(
                {
                    "id": enum(DEADLINE_IDS),
                    "kind": enum(DEADLINE_KINDS),
                    "date": DATE,
                    "reference": REF,
                }
            ),
            max_items=len(DEADLINE_IDS),
        ),
        "checks": array(
            text({"id": enum(CHECK_IDS), "verdict": enum(CHECK_VERDICTS), "reference": REF}),
            max_items=len(CHECK_IDS),
        ),
        "notes": REASONS,
        "parameters": PARAMETERS,
    },
)

LIMIT_ROW = text(
    {
        "id": enum([str(row["id"]) for row in ROWS]),
        "limit": TITLE,
        "area_scope": enum(["udsat", "forebyggelse", "both", "unclear"]),
        "citizen": enum(CITIZEN_STATUSES),
        "effect": enum(EFFECTS),
        "missing": array(TEXT),
        "reference": REF,
    }
)
ALLOCATION_LIMITS = Answer(
    "Begrænsninger for boligsocial anvisning (Bilag 5) / Limits on municipal allocation",
    {
        "date": DATE,
        "area": enum(AREAS),
        "verdict": enum(VERDICTS),
        "reasons": WHY,
        "limits": array(LIMIT_ROW),
        "development_plan": nullable(obj(PLAN_TRANSITION)),
        "readings": array(READING_ID),
        "other_readings": other_readings(enum(VERDICTS)),
    },
)

NEW_BUILD = Answer(
    "Nybyggeri: kommunal anvisning (afsnit 11) / New builds",
    {
        "date": DATE,
        "taken_into_use": DATE,
        "letting": enum(NEW_BUILD_LETTINGS),
        "period": enum(NEW_BUILD_PERIODS),
        "special_rules_until": DATE,
        "homes": array(
            text(
                {
                    "id": enum(NEW_BUILD_HOMES),
                    "municipal_share": nullable(SHARE),
                    "reference": REF,
                }
            ),
            max_items=len(NEW_BUILD_HOMES),
        ),
        "figure12": array(
            obj(
                {
                    "from": PERCENT,
                    "below": nullable(PERCENT),
                    "municipal_share": SHARE,
                    "applies": BOOLEAN,
                    "reference": REF,
                }
            )
        ),
        "stair_step": nullable(STAIR_STEP),
        "reasons": WHY,
        "notes": REASONS,
        "parameters": PARAMETERS,
    },
)

SAERBOLIG_PHASE_OUT = Answer(
    "Udfasning af særboliger (afsnit 9) / Phasing out special homes",
    {
        "trin_at_start": TRIN,
        "date": nullable(DATE),
        "start": nullable(DATE),
        "started": NULLABLE_BOOLEAN,
        "trin1_bands": array(
            obj(
                {
                    "from": PERCENT,
                    "below": nullable(PERCENT),
                    "start": DATE,
                    "applies": BOOLEAN,
                    "reference": REF,
                }
            )
        ),
        "compensation": nullable(text({"share": SHARE, "until": DATE, "reference": REF})),
        "homes": array(text({"id": enum(SAERBOLIG_HOMES), "reference": REF}), 1),
        "reasons": WHY,
        "notes": REASONS,
    },
)
