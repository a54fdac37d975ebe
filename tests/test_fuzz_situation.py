"""Property-based tests of the stairs, wheels and staff endpoints, like ``test_fuzz.py`` for
``evaluate``: spec-shaped, valid and arbitrary documents go through ``placement``, ``wheel``,
``priority``, ``deadlines``, ``allocation_limits``, ``new_build`` and ``saerbolig_phase_out`` (at least
1,500 per endpoint). Nothing raises, every
answer is plain JSON and validates against its output schema, every error names a field and none is an
internal error; the last test checks that each endpoint gave both ok and error answers."""

from __future__ import annotations

import json
from datetime import date, timedelta

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import agreement_dates, from_spec, from_spec_with, junk, valid_from_spec

from udlejning.endpoints import BY_NAME, REGISTRY
from udlejning.household import PERSON
from udlejning.schemas import SCHEMAS
from udlejning.situation_api import situation_spec
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


def check(name: str, document: object) -> None:
    result = BY_NAME[name].call(document)  # must not raise
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
    out = draw(valid_from_spec(BY_NAME["new_build"].spec()))
    assert isinstance(out, dict)
    taken = date.fromisoformat(draw(agreement_dates))
    out["taken_into_use"] = taken.isoformat()
    out["date"] = (taken + timedelta(days=draw(st.integers(-3, 6 * 366)))).isoformat()
    return out


STEERED_DOCUMENTS = {
    "placement": from_spec_with(BY_NAME["placement"].spec(), {"date": agreement_dates}),
    "wheel": st.builds(lambda on, step: {"date": on, **step}, agreement_dates, STEPS),
    "priority": st.one_of(
        from_spec_with(
            BY_NAME["priority"].spec(),
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
        valid_from_spec(BY_NAME["allocation_limits"].spec()),
        agreement_dates,
    ),
    "new_build": new_build_documents(),
    "saerbolig_phase_out": valid_from_spec(BY_NAME["saerbolig_phase_out"].spec()),
    # The Rules IV tools: valid documents drawn from their specs (their dates fall in the period
    # often enough; the hostile fuzz in test_fuzz_hostile.py covers the rest).
    **{
        name: valid_from_spec(BY_NAME[name].spec())
        for name in (
            "youth_housing",
            "subsidised_home",
            "refugee_shared_home",
            "internal_move",
            "adapted_home",
            "saerbolig_move",
            "agreement_terms",
            "new_build_terms",
        )
    },
}
# The endpoints fuzzed here, read from the registry: every staff tool and ``priority``.
NAMES = tuple(e.name for e in REGISTRY if e.tool or e.name == "priority")
VALIDATORS = {
    name: jsonschema.Draft202012Validator(
        SCHEMAS[BY_NAME[name].output_schema](),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    for name in NAMES
}
SEEN: dict[str, dict[str, int]] = {name: {"ok": 0, "errors": 0} for name in NAMES}


SPEC_SHAPED_DOCUMENTS = {name: from_spec(BY_NAME[name].spec()) for name in NAMES}


def test_every_fuzzed_endpoint_has_steered_documents() -> None:
    assert set(NAMES) == set(STEERED_DOCUMENTS)


@pytest.mark.parametrize("name", NAMES)
@SPEC_SHAPED
@given(data=st.data())
def test_spec_shaped(name: str, data: st.DataObject) -> None:
    check(name, data.draw(SPEC_SHAPED_DOCUMENTS[name]))


@pytest.mark.parametrize("name", NAMES)
@STEERED
@given(data=st.data())
def test_steered(name: str, data: st.DataObject) -> None:
    check(name, data.draw(STEERED_DOCUMENTS[name]))


@pytest.mark.parametrize("name", NAMES)
@ARBITRARY
@given(document=junk)
def test_arbitrary_json(name: str, document: object) -> None:
    check(name, document)


def test_fuzz_reached_both_outcomes_for_every_endpoint() -> None:
    """Runs after the property tests above (pytest keeps file order)."""
    assert set(SEEN) == set(NAMES)
    for name, seen in SEEN.items():
        assert seen["ok"] + seen["errors"] >= 1500, (name, seen)
        assert seen["ok"] >= 50 and seen["errors"] >= 50, (name, seen)
