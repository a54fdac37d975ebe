"""Hypothesis strategies: documents shaped by the input spec, with wrong types and values mixed in."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import strategies as st

from udlejning.inputspec import Spec

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["", "2026-03-01", "2026-02-30", "25", "-1", "1e9", "NaN", "ja", "applicant"]),
)
junk = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
dates = st.dates().map(lambda d: d.isoformat())


def _good(spec: Spec) -> st.SearchStrategy[object]:
    if spec.kind == "object":
        return from_spec_object(spec)
    if spec.kind == "array":
        assert spec.items is not None
        return st.lists(from_spec(spec.items), min_size=spec.min_items, max_size=4)
    if spec.kind == "enum":
        # The first option half the time (e.g. one "applicant"), so valid households are common.
        first = next(iter(spec.options))
        return st.one_of(st.just(first), st.sampled_from(list(spec.options)))
    if spec.kind == "boolean":
        return st.booleans()
    if spec.kind == "integer":
        low = int(spec.minimum) if spec.minimum is not None else -5
        high = int(spec.maximum) if spec.maximum is not None else 130
        return st.integers(min_value=low - 1, max_value=high + 1)
    if spec.kind == "decimal":
        return st.one_of(
            st.integers(min_value=-10, max_value=200_000),
            st.decimals(min_value=-10, max_value=200_000, places=2).map(str),
            st.floats(min_value=-10, max_value=1e6),
        )
    if spec.kind == "date":
        some_day = st.dates(min_value=date(2000, 1, 1), max_value=date(2027, 12, 31)).map(
            date.isoformat
        )
        return st.one_of(
            some_day, some_day, dates, st.sampled_from(["2024-01-01", "2026-03-01", "2028-01-01"])
        )
    return st.text(max_size=45)


_BUILT: dict[int, tuple[Spec, st.SearchStrategy[object]]] = {}


def from_spec(spec: Spec) -> st.SearchStrategy[object]:
    """Mostly well-typed values, now and then anything at all (built once per spec)."""
    cached = _BUILT.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    strategy = _from_spec(spec)
    _BUILT[id(spec)] = (spec, strategy)
    return strategy


def _from_spec(spec: Spec) -> st.SearchStrategy[object]:

    good = _good(spec)

    @st.composite
    def pick(draw: st.DrawFn) -> object:
        if draw(st.integers(0, 40)) == 0:
            return draw(junk)
        return draw(good)

    return pick()


def from_spec_object(spec: Spec) -> st.SearchStrategy[object]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, object]:
        out: dict[str, object] = {}
        for key, sub in spec.fields.items():
            if key in spec.required or draw(st.integers(0, 3)) == 0:
                if draw(st.integers(0, 40)) == 0:
                    continue  # sometimes drop a required field
                out[key] = draw(from_spec(sub))
        if draw(st.integers(0, 40)) == 0:
            out[draw(st.text(min_size=1, max_size=6))] = draw(json_scalars)
        return out

    return build()


# Added for the stairs, wheels and staff endpoints: the same shapes, steered so that valid documents
# (and so ok answers) are common. The strategies above are unchanged.
agreement_dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)).map(
    date.isoformat
)


def from_spec_with(
    spec: Spec, fixed: dict[str, st.SearchStrategy[object]]
) -> st.SearchStrategy[object]:
    """An object shaped by ``spec`` (as ``from_spec_object``) whose fields named in ``fixed`` are
    always drawn from the given strategies, e.g. a date inside the agreement's period."""

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, object]:
        out = draw(from_spec_object(spec))
        for key, strategy in fixed.items():
            out[key] = draw(strategy)
        return out

    return build()


def valid_from_spec(spec: Spec) -> st.SearchStrategy[object]:
    """Only values the spec accepts: right types, in range, no unknown keys (optional fields now and
    then). Cross-field rules (e.g. a date after another) may still fail."""
    if spec.kind == "object":

        @st.composite
        def build(draw: st.DrawFn) -> dict[str, object]:
            return {
                key: draw(valid_from_spec(sub))
                for key, sub in spec.fields.items()
                if key in spec.required or draw(st.integers(0, 3)) == 0
            }

        return build()
    if spec.kind == "array":
        assert spec.items is not None
        high = max(spec.min_items, min(spec.max_items or 3, 3))
        return st.lists(valid_from_spec(spec.items), min_size=spec.min_items, max_size=high)
    if spec.kind == "enum":
        return st.sampled_from(list(spec.options))
    if spec.kind == "boolean":
        return st.booleans()
    if spec.kind == "integer":
        low = int(spec.minimum) if spec.minimum is not None else 0
        high = int(spec.maximum) if spec.maximum is not None else 130
        return st.integers(min_value=low, max_value=high)
    if spec.kind == "decimal":
        low = spec.minimum if spec.minimum is not None else 0
        high = spec.maximum if spec.maximum is not None else 200_000
        return st.decimals(min_value=low, max_value=high, places=2).map(str)
    if spec.kind == "date":
        return st.dates(min_value=date(2000, 1, 1), max_value=date(2027, 12, 31)).map(
            date.isoformat
        )
    return st.text(alphabet="abcdefghij", min_size=1, max_size=min(spec.max_length or 12, 12))


# Added for issue 14.5: values that break naive parsers, for every endpoint. Lone surrogates (as
# JSON's "\ud800" gives them), non-ASCII digits, padded or odd decimal strings, dates at the edges
# of the calendar and of the agreement, and long values.
LONE_SURROGATES = st.sampled_from(["\ud800", "\udfff", "a\udc80b", "\ud83d"])
hostile_text = st.one_of(
    LONE_SURROGATES,
    st.text(max_size=12),
    st.sampled_from(["", " ", "\u0000", "\u202e", "٣٠", "３０", "x" * 5000]),
    st.builds(lambda a, b: a + b, st.text(max_size=4), LONE_SURROGATES),
)
EDGE_DATES = [
    "0001-01-01",
    "0001-12-31",
    "9999-12-01",
    "9999-12-31",
    "2023-12-31",
    "2024-01-01",
    "2024-02-29",
    "2027-12-31",
    "2028-01-01",
    "2031-06-15",
]
hostile_dates = st.one_of(
    st.sampled_from(EDGE_DATES),
    st.sampled_from(["٢٠٢٦-٠٣-٠١", "2026-03-01\n", " 2026-03-01", "2026-3-1", "+2026-03-01"]),
    st.dates().map(date.isoformat),
    LONE_SURROGATES,
)
hostile_decimals = st.one_of(
    st.sampled_from(
        ["٣٠", "３０", " 30 ", "30\n", "-0", "-0.0", "-0.00", "1e3", "0x10", "1_000", "30.",
         ".5", "+30", "NaN", "Infinity", "9" * 400, "0." + "0" * 300 + "1"]
    ),
    st.sampled_from([-0.0, 1e308, -1e308, 5e-324, 10**400]),
    st.decimals(min_value=-1, max_value=1, places=3).map(str),
)


def hostile_from_spec(spec: Spec) -> st.SearchStrategy[object]:
    """Valid documents (as ``valid_from_spec``) whose leaves are now and then replaced by a
    hostile value of their kind, plus now and then an unknown key with a hostile name."""
    good = valid_from_spec(spec)
    if spec.kind == "object":

        @st.composite
        def build(draw: st.DrawFn) -> dict[str, object]:
            out = {
                key: draw(hostile_from_spec(sub))
                for key, sub in spec.fields.items()
                if key in spec.required or draw(st.integers(0, 2)) == 0
            }
            if draw(st.integers(0, 12)) == 0:
                out[draw(hostile_text)] = draw(hostile_text)
            return out

        return build()
    if spec.kind == "array":
        assert spec.items is not None
        high = max(spec.min_items, min(spec.max_items or 3, 3))
        return st.lists(hostile_from_spec(spec.items), min_size=spec.min_items, max_size=high)
    if spec.kind == "date":
        good = agreement_dates  # mostly inside the agreement, so many answers are ok
    bad = {
        "date": hostile_dates,
        "decimal": hostile_decimals,
        "integer": st.sampled_from([0, -1, 10**30, -(10**30), 2**63]),
    }.get(spec.kind, hostile_text)
    if spec.kind == "decimal":  # accepted values that once printed «-0 %»
        good = st.one_of(good, st.sampled_from(["-0", "-0.0", -0.0, "0.00"]))

    @st.composite
    def leaf(draw: st.DrawFn) -> object:
        return draw(bad) if draw(st.integers(0, 7)) == 0 else draw(good)

    return leaf()


def mutated(document: object) -> st.SearchStrategy[object]:
    """``document`` (e.g. a data case's input) with now and then a leaf replaced by a hostile value
    of its kind (a date string by an edge date, a number by an odd decimal, ...)."""
    if isinstance(document, dict):
        parts = {k: mutated(v) for k, v in document.items()}
        return st.fixed_dictionaries(parts)
    if isinstance(document, list):
        return st.tuples(*(mutated(v) for v in document)).map(list)
    if isinstance(document, bool) or document is None:
        bad: st.SearchStrategy[object] = hostile_text
    elif isinstance(document, int | float):
        bad = hostile_decimals
    elif isinstance(document, str) and DATE_LIKE.fullmatch(document):
        bad = hostile_dates
    elif isinstance(document, str) and DECIMAL_LIKE.fullmatch(document):
        bad = hostile_decimals
    else:
        bad = hostile_text

    @st.composite
    def leaf(draw: st.DrawFn) -> object:
        return draw(bad) if draw(st.integers(0, 9)) == 0 else document

    return leaf()


DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DECIMAL_LIKE = re.compile(r"-?[0-9]+(\.[0-9]+)?")
