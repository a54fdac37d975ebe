"""The pieces many answers share, declared once: a Text {da, en}, a reason (a Text with its
reference), notices, parameters, shares, stairs and steps."""

from __future__ import annotations

from udlejning.outputs.shape import BOOLEAN, DATE, TEXT, Out, array, enum, integer, nullable, obj

REF = Out("string", min_length=3)
READING_ID = Out("string", pattern="^R-[0-9]{2}$")
CRITERION_ID = Out("string", pattern="^[A-Z][0-9]$")
SHARE = Out("string", pattern="^[0-9]+/[0-9]+$")
NON_NEGATIVE = Out("string", pattern=r"^[0-9]+(\.[0-9]+)?$")  # a decimal as text: 12.5
PERCENT = NON_NEGATIVE
VERDICT = enum(["met", "not_met", "cannot_tell", "organisation_decides"])
YES_NO = enum(["yes", "no", "cannot_tell"])
STAIR = enum(["afdelingstrappe", "omraadetrappe"])
TRIN = integer(1, 4)
NULLABLE_BOOLEAN = nullable(BOOLEAN)
NAMES = array(TEXT)


def text(fields: dict[str, Out] | None = None, optional: tuple[str, ...] = ()) -> Out:
    """A Text {da, en}, with more fields beside it."""
    return obj({"da": TEXT, "en": TEXT, **(fields or {})}, optional)


TITLE = text()
REASON = text({"reference": REF})
REASONS = array(REASON)
WHY = array(REASON, 1)  # reasons, at least one
NOTICE = text({"code": TEXT, "reference": REF, "parameter": TEXT}, ("parameter",))
NOTICES = array(NOTICE)
PARAMETER = obj(
    {
        "name": TEXT,
        "value": TEXT,
        "unit": Out("string"),
        "effective_from": nullable(DATE),
        "known_until": nullable(DATE),
        "current": BOOLEAN,
        "source": enum(["agreement", "user"]),
        "reference": REF,
    }
)
PARAMETERS = array(PARAMETER)
MISSING = text({"path": Out("string")})
STAIR_STEP = obj({"stair": STAIR, "trin": TRIN})


def other_readings(verdict: Out) -> Out:
    """What a finding would be under the other reading of an ambiguity (``ambiguities.toml``)."""
    return array(
        text({"reading": READING_ID, "choice": enum(["chosen", "alternative"]), "verdict": verdict})
    )


# Afsnit 6.1.6: the transition of an area with a development plan, the readings it rests on (R-29,
# R-41) and, in words, what the other reading would say (what ends the suspension; S2 at the limit).
PLAN_OTHER_READING = text({"reading": READING_ID, "choice": enum(["chosen", "alternative"])})
PLAN_TRANSITION: dict[str, Out] = {
    "municipal_allocation_suspended": NULLABLE_BOOLEAN,
    "ends_at_the_latest": nullable(DATE),
    "reasons": REASONS,
    "readings": array(READING_ID),
    "other_readings": array(PLAN_OTHER_READING),
}
