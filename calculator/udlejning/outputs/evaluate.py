"""The answer of ``evaluate`` (``udlejning.api``): each criterion's finding, the checklist, the
parameters used and the summary in words (``udlejning.summary``)."""

from __future__ import annotations

from udlejning.outputs.common import (
    CRITERION_ID,
    MISSING,
    NAMES,
    NOTICES,
    PARAMETERS,
    READING_ID,
    REASONS,
    REF,
    TITLE,
    VERDICT,
    WHY,
    other_readings,
    text,
)
from udlejning.outputs.shape import DATE, TEXT, Answer, array, enum, nullable, obj, string

GROUP = enum(["almindelige", "skaerpede"])
THRESHOLD = text({"parameter": TEXT, "required": TEXT, "actual": nullable(string())})
PERSON = obj(
    {
        "person": TEXT,
        "verdict": enum([*VERDICT.values, "not_covered"]),
        "reasons": REASONS,
        "missing": array(MISSING),
        "thresholds": array(THRESHOLD),
    }
)
DOCUMENT = text({"reference": REF, "persons": array(string())}, ("persons",))
FINDING = obj(
    {
        "id": CRITERION_ID,
        "group": GROUP,
        "title": TITLE,
        "verdict": VERDICT,
        "met_by": NAMES,
        "reasons": REASONS,
        "missing": array(MISSING),
        "thresholds": array(THRESHOLD),
        "documents": array(DOCUMENT),
        "references": array(REF, 1),
        "scope": TITLE,
        "persons": array(PERSON),
        "readings": array(READING_ID),
        "condition": nullable(text({"parameter": TEXT, "at_most": TEXT})),
        "other_readings": other_readings(VERDICT),
    }
)
AGREEMENT = obj(
    {"title": TITLE, "parties": TITLE, "first_day": DATE, "last_day": DATE, "reference": REF}
)
CHECKLIST_LINE = text(
    {"reference": REF, "criteria": array(string(), 1), "persons": array(string())},
    ("persons",),
)
SUMMARY_CRITERION = text(
    {
        "id": CRITERION_ID,
        "group": GROUP,
        "verdict": VERDICT,
        "reference": REF,
        "meets": NAMES,
        "fails": NAMES,
        "unknown": NAMES,
        "decisive": array(text({"person": TEXT})),
    }
)
DOCUMENTS_TO_BRING = obj(
    {
        "met": array(obj({"person": TEXT, "items": array(CHECKLIST_LINE)})),
        "to_claim": array(
            obj(
                {
                    "criterion": TEXT,
                    "person": TEXT,
                    "items": array(CHECKLIST_LINE),
                    "missing": array(MISSING),
                }
            )
        ),
    }
)
SUMMARY = text(
    {
        "criteria": array(SUMMARY_CRITERION),
        "met": array(obj({"id": TEXT, "title": TITLE, "persons": NAMES})),
        "documents": DOCUMENTS_TO_BRING,
        "next_steps": WHY,
    }
)

EVALUATE = Answer(
    "Resultat af en vurdering / Result of an evaluation",
    {
        "date": DATE,
        "agreement": AGREEMENT,
        "notices": NOTICES,
        "criteria": array(FINDING),
        "checklist": array(CHECKLIST_LINE),
        "parameters": PARAMETERS,
        # Absent when the date is outside the agreement's period (no criteria are assessed).
        "summary": SUMMARY,
    },
    ("summary",),
)
