"""Endpoint ``wheel`` (Bilag 4, Udlejningshjul): the letting wheel of one stair step on a date,
position by position. Validates, reads ``udlejning.wheels`` and serialises. Never raises."""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import Group, Spec
from udlejning.model import Text
from udlejning.tools.checks import all_of, date_in_period, run, stair_has_trin
from udlejning.tools.fields import STAIR_OPTIONS, date_field, field, grouped, trin_field
from udlejning.wheels import USES, format_share, step_titles
from udlejning.wheels import wheel as get_wheel

T = Text


def _capital(text: Text) -> Text:
    return T(text.da[:1].upper() + text.da[1:], text.en[:1].upper() + text.en[1:])


# The wheel tool also asks where the section is in the wheel: the page keeps these (not sent).
POSITION = Group(
    "position",
    T("Hvor er afdelingen i hjulet?", "Where is the section in the wheel?"),
    T(
        "Hjulet læses over to omgange, fordi nogle boliger går på skift. Ved du ikke, hvor afdelingen er, så start ved bolig 1 i 1. omgang.",
        "The wheel is read over two rounds, because some homes alternate. If you do not know where the section is, start at home 1 in the 1st round.",
    ),
)
WHEEL_PAGE_FIELDS = grouped(
    POSITION.key,
    {
        "next_position": field(
            "enum",
            "Næste ledige bolig er",
            "The next vacant home is",
            options={str(n): T(f"Bolig {n}", f"Home {n}") for n in range(1, 10)},
            control="fixed",
        ),
        "round": field(
            "enum",
            "Omgang",
            "Round",
            options={"1": T("1. omgang", "1st round"), "2": T("2. omgang", "2nd round")},
            control="fixed",
        ),
    },
)


def wheel_spec() -> Spec:
    return field(
        "object",
        "Udlejningshjul",
        "Letting wheel",
        groups=(Group("step", T("Trinnet og datoen", "The step and the date")), POSITION),
        fields=grouped(
            "step",
            {
                "stair": field(
                    "enum",
                    "Trappe",
                    "Stair",
                    options={k: _capital(v) for k, v in STAIR_OPTIONS.items()},
                    control="fixed",
                ),
                "trin": trin_field(
                    "Trin", "Step", control="fixed", options_by=("stair", step_titles())
                ),
                "date": date_field(),
            },
        ),
        required=("date", "stair", "trin"),
    )


def wheel_json(stair: str, trin: int, on: date) -> dict[str, Any]:
    w = get_wheel(stair, trin)
    version = w.at(on)
    positions = [
        {
            "position": p.n,
            "uses": list(p.uses),
            "use_texts": [USES[u].to_json() for u in p.uses],
            "alternates": p.alternates,
            "share": format_share(p.share()),
            "reference": p.reference,
        }
        for p in version.positions
    ]
    return {
        "id": w.id,
        "stair": stair,
        "trin": trin,
        "title": w.title.to_json(),
        "reference": w.reference,
        "valid_from": version.start.isoformat(),
        "valid_until": version.end.isoformat(),
        "positions": positions,
        "shares": {k: format_share(v) for k, v in version.category_shares().items()},
        "figure": {k: format_share(v) for k, v in version.figure.items()},
        "figure_reference": version.figure_reference,
        "extras": [
            {
                "share": format_share(e.share),
                "use": e.use,
                "instead_of": e.instead_of,
                "reference": e.reference,
            }
            for e in version.extras
        ],
        "if_municipal_unused": {
            "use": w.unused_municipal,
            "urban_renewal_first": w.unused_municipal_urban_renewal,
            "reference": w.unused_municipal_reference,
        },
    }


def wheel(doc: object) -> dict[str, Any]:
    """The letting wheel of one stair step on a date (Bilag 4, Udlejningshjul). Never raises."""
    return run(
        wheel_spec,
        doc,
        lambda clean: {
            "date": clean["date"].isoformat(),
            "wheel": wheel_json(clean["stair"], clean["trin"], clean["date"]),
        },
        all_of(stair_has_trin, date_in_period),
    )
