"""Property-based tests of the stairs, wheels and staff endpoints, like ``test_fuzz.py`` for
``evaluate``: spec-shaped, valid and arbitrary documents go through ``placement``, ``wheel``,
``priority``, ``deadlines``, ``allocation_limits``, ``new_build`` and ``saerbolig_phase_out`` (at least
1,500 per endpoint). Nothing raises, every
answer is plain JSON and validates against its output schema, every error names a field and none is an
internal error; the last test checks that each endpoint gave both ok and error answers."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import agreement_dates, from_spec, from_spec_with, junk, valid_from_spec

from udlejning.household import PERSON
from udlejning.schemas import SCHEMAS
from udlejning.situation_api import (
    placement,
    placement_spec,
    priority,
    priority_spec,
    situation_spec,
    wheel,
    wheel_spec,
)
from udlejning.staff_api import (
    allocation_limits,
    allocation_limits_spec,
    deadlines,
    deadlines_spec,
    new_build,
    new_build_spec,
    saerbolig_phase_out,
    saerbolig_phase_out_spec,
)
from udlejning.wheels import STAIRS

SPEC_SHAPED = settings(
    max_examples=1500, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
STEERED = settings(
    max_examples=400, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
ARBITRARY = settings(
    max_examples=1500, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
ENDPOINTS: dict[str, tuple[Callable[[object], dict[str, Any]], str]] = {
    "placement": (placement, "placement-output"),
    "wheel": (wheel, "wheel-output"),
    "priority": (priority, "priority-output"),
    "deadlines": (deadlines, "deadlines-output"),
    "allocation_limits": (allocation_limits, "allocation-limits-output"),
    "new_build": (new_build, "new-build-output"),
    "saerbolig_phase_out": (saerbolig_phase_out, "saerbolig-phase-out-output"),
}
VALIDATORS = {
    name: jsonschema.Draft202012Validator(
        SCHEMAS[schema](), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for name, (_, schema) in ENDPOINTS.items()
}
SEEN: dict[str, dict[str, int]] = {name: {"ok": 0, "errors": 0} for name in ENDPOINTS}


def check(name: str, document: object) -> None:
    result = ENDPOINTS[name][0](document)  # must not raise
    assert json.loads(json.dumps(result, allow_nan=False)) == result  # plain JSON only
    VALIDATORS[name].validate(result)
    if result["ok"]:
        SEEN[name]["ok"] += 1
        return
    SEEN[name]["errors"] += 1
    for error in result["errors"]:
        assert error["path"], error
        assert error["code"] != "internal_error", (document, error)
        assert error["da"] and error["en"]


# --- Steered strategies: valid shapes, dates inside the agreement, a stair with a step it has. ---
STEPS = st.sampled_from(
    [{}] + [{"stair": stair, "trin": trin} for stair, steps in STAIRS.items() for trin in steps]
)


@st.composite
def situations(draw: st.DrawFn) -> dict[str, object]:
    out = draw(valid_from_spec(situation_spec()))
    assert isinstance(out, dict)
    out.pop("stair", None)
    out.pop("trin", None)
    return {**out, **draw(STEPS)}


def _as_applicant(person: object) -> dict[str, object]:
    assert isinstance(person, dict)
    # Only a cohabitant gives shared_address_since; the applicant is the one person with its role.
    return {**{k: v for k, v in person.items() if k != "shared_address_since"}, "role": "applicant"}


households = st.builds(
    lambda first, rest: [first, *rest],
    valid_from_spec(PERSON).map(_as_applicant),
    st.lists(valid_from_spec(PERSON), max_size=2),
)


@st.composite
def deadline_documents(draw: st.DrawFn) -> dict[str, object]:
    """Dates around one day inside the agreement, each field now and then, mostly in order."""
    base = date.fromisoformat(draw(agreement_dates))

    def near(low: int, high: int) -> str:
        return (base + timedelta(days=draw(st.integers(low, high)))).isoformat()

    out: dict[str, object] = {}
    for key, low, high in (
        ("received_on", 0, 0),
        ("allocated_on", -2, 20),
        ("returned_on", -2, 20),
        ("moving_in_on", -2, 60),
    ):
        if draw(st.booleans()):
            out[key] = near(low, high)
    if draw(st.integers(0, 3)) == 0:
        out["holidays"] = [near(-5, 30) for _ in range(draw(st.integers(0, 4)))]
    return out


@st.composite
def new_build_documents(draw: st.DrawFn) -> dict[str, object]:
    """Taken into use inside the agreement, let on that day or up to six years later."""
    out = draw(valid_from_spec(new_build_spec()))
    assert isinstance(out, dict)
    taken = date.fromisoformat(draw(agreement_dates))
    out["taken_into_use"] = taken.isoformat()
    out["date"] = (taken + timedelta(days=draw(st.integers(-3, 6 * 366)))).isoformat()
    return out


STEERED_DOCUMENTS = {
    "placement": from_spec_with(placement_spec(), {"date": agreement_dates}),
    "wheel": st.builds(lambda on, step: {"date": on, **step}, agreement_dates, STEPS),
    "priority": st.one_of(
        from_spec_with(
            priority_spec(),
            {"date": agreement_dates, "household": households, "situation": situations()},
        ),
        st.builds(
            lambda on, people, situation: {
                "date": on,
                "household": people,
                "situation": situation,
            },
            agreement_dates,
            households,
            situations(),
        ),
    ),
    "deadlines": deadline_documents(),
    "allocation_limits": st.builds(
        lambda doc, on: {**doc, "date": on},  # type: ignore[dict-item]
        valid_from_spec(allocation_limits_spec()),
        agreement_dates,
    ),
    "new_build": new_build_documents(),
    "saerbolig_phase_out": valid_from_spec(saerbolig_phase_out_spec()),
}


@SPEC_SHAPED
@given(from_spec(placement_spec()))
def test_placement_spec_shaped(document: object) -> None:
    check("placement", document)


@STEERED
@given(STEERED_DOCUMENTS["placement"])
def test_placement_steered(document: object) -> None:
    check("placement", document)


@ARBITRARY
@given(junk)
def test_placement_arbitrary_json(document: object) -> None:
    check("placement", document)


@SPEC_SHAPED
@given(from_spec(wheel_spec()))
def test_wheel_spec_shaped(document: object) -> None:
    check("wheel", document)


@STEERED
@given(STEERED_DOCUMENTS["wheel"])
def test_wheel_steered(document: object) -> None:
    check("wheel", document)


@ARBITRARY
@given(junk)
def test_wheel_arbitrary_json(document: object) -> None:
    check("wheel", document)


@SPEC_SHAPED
@given(from_spec(priority_spec()))
def test_priority_spec_shaped(document: object) -> None:
    check("priority", document)


@STEERED
@given(STEERED_DOCUMENTS["priority"])
def test_priority_steered(document: object) -> None:
    check("priority", document)


@ARBITRARY
@given(junk)
def test_priority_arbitrary_json(document: object) -> None:
    check("priority", document)


@SPEC_SHAPED
@given(from_spec(deadlines_spec()))
def test_deadlines_spec_shaped(document: object) -> None:
    check("deadlines", document)


@STEERED
@given(STEERED_DOCUMENTS["deadlines"])
def test_deadlines_steered(document: object) -> None:
    check("deadlines", document)


@ARBITRARY
@given(junk)
def test_deadlines_arbitrary_json(document: object) -> None:
    check("deadlines", document)


@SPEC_SHAPED
@given(from_spec(allocation_limits_spec()))
def test_allocation_limits_spec_shaped(document: object) -> None:
    check("allocation_limits", document)


@STEERED
@given(STEERED_DOCUMENTS["allocation_limits"])
def test_allocation_limits_steered(document: object) -> None:
    check("allocation_limits", document)


@ARBITRARY
@given(junk)
def test_allocation_limits_arbitrary_json(document: object) -> None:
    check("allocation_limits", document)


@SPEC_SHAPED
@given(from_spec(new_build_spec()))
def test_new_build_spec_shaped(document: object) -> None:
    check("new_build", document)


@STEERED
@given(STEERED_DOCUMENTS["new_build"])
def test_new_build_steered(document: object) -> None:
    check("new_build", document)


@ARBITRARY
@given(junk)
def test_new_build_arbitrary_json(document: object) -> None:
    check("new_build", document)


@SPEC_SHAPED
@given(from_spec(saerbolig_phase_out_spec()))
def test_saerbolig_phase_out_spec_shaped(document: object) -> None:
    check("saerbolig_phase_out", document)


@STEERED
@given(STEERED_DOCUMENTS["saerbolig_phase_out"])
def test_saerbolig_phase_out_steered(document: object) -> None:
    check("saerbolig_phase_out", document)


@ARBITRARY
@given(junk)
def test_saerbolig_phase_out_arbitrary_json(document: object) -> None:
    check("saerbolig_phase_out", document)


def test_fuzz_reached_both_outcomes_for_every_endpoint() -> None:
    """Runs after the property tests above (pytest keeps file order)."""
    assert set(SEEN) == set(ENDPOINTS)
    for name, seen in SEEN.items():
        assert seen["ok"] + seen["errors"] >= 1500, (name, seen)
        assert seen["ok"] >= 50 and seen["errors"] >= 50, (name, seen)
