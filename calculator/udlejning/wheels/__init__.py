"""The letting wheels (udlejningshjul) of afsnit 6 and Bilag 4 as data, position by position.

Each stair step has one TOML file here (``afdelingstrappe_trin1.toml`` ... ``omraadetrappe_trin2.toml``)
with ``[[values]]`` by date (half-open: a version holds from its ``from`` until the next version's
``from``, the last one until the wheel's ``until``). Every position carries its ``reference``.

A wheel has 9 homes. A position that alternates (*på skift*, Bilag 4, Udlejningshjul) gives each of its
two uses to every other round, so the wheel is read over two rounds: 18 homes, each alternating use 1/18.
An ``extras`` entry moves a share from one use to another where a figure gives a share the listing does
not place (Reading R-20, trin 1's extra ninth). Shares are exact fractions (``fractions.Fraction``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any

from udlejning import data_files
from udlejning.criteria.info import priority_groups
from udlejning.model import Text

WAITING_LIST_AND_MUNICIPAL: dict[str, Text] = {
    "waiting_list": Text("Almindelig venteliste", "Ordinary waiting list"),
    "municipal": Text("Kommunal (boligsocial) anvisning", "Municipal (social) allocation"),
}
# The uses that mix criteria, or the waiting list and criteria (afsnit6_priority reads each).
MIXED: dict[str, Text] = {
    "choice_waiting_list_a_b": Text(
        "Venteliste eller fleksible A- eller B-kriterier – boligorganisationen vælger",
        "Waiting list or flexible A or B criteria – the housing organisation chooses",
    ),
    "choice_waiting_list_b": Text(
        "Venteliste eller fleksible B-kriterier – boligorganisationen vælger",
        "Waiting list or flexible B criteria – the housing organisation chooses",
    ),
    "flexible_relevant": Text(
        "Fleksible kriterier – de relevante kriterier er skærpede",
        "Flexible criteria – the relevant criteria are the stricter ones",
    ),
    "skaerpede_all": Text(
        "Skærpede fleksible kriterier – alle fire",
        "Stricter flexible criteria – all four",
    ),
}
# The uses the criteria declare (a priority group's ``wheel_use``, udlejning.criteria.info).
CRITERIA_USES: dict[str, Text] = {
    group.wheel_use: group.wheel_use_text
    for group in priority_groups().values()
    if group.wheel_use is not None and group.wheel_use_text is not None
}
USES: dict[str, Text] = {**WAITING_LIST_AND_MUNICIPAL, **CRITERIA_USES, **MIXED}
# What a use counts as when the figures of afsnit 6 add up the shares (figur 6: a home the organisation
# may let either by waiting list or flexibly counts towards the *maximum* flexible share). A criterion's
# own use is flexible letting (Bilag 4, II).
CATEGORY = {
    "waiting_list": "waiting_list",
    "municipal": "municipal",
    **dict.fromkeys(CRITERIA_USES, "flexible"),
    **dict.fromkeys(MIXED, "flexible"),
}
UNUSED = {"waiting_list", "flexible_a", "flexible_relevant", "none"}
STAIRS = {"afdelingstrappe": (1, 2, 3, 4), "omraadetrappe": (1, 2)}
FILES = {
    ("afdelingstrappe", 1): "afdelingstrappe_trin1.toml",
    ("afdelingstrappe", 2): "afdelingstrappe_trin2.toml",
    ("afdelingstrappe", 3): "afdelingstrappe_trin3.toml",
    ("afdelingstrappe", 4): "afdelingstrappe_trin4.toml",
    ("omraadetrappe", 1): "omraadetrappe_trin1.toml",
    ("omraadetrappe", 2): "omraadetrappe_trin2.toml",
}


class WheelError(ValueError):
    """A wheel file is malformed, or a wheel is asked for a date it does not cover."""


@dataclass(frozen=True)
class Position:
    """One home in the wheel. ``uses`` has one use, or two when the position alternates (på skift)."""

    n: int
    uses: tuple[str, ...]
    reference: str
    exemptible: bool = False

    @property
    def alternates(self) -> bool:
        return len(self.uses) == 2

    def share(self) -> Fraction:
        """Each use's share of all homes: 1/9, or 1/18 for each use of an alternating position."""
        return Fraction(1, 9 * len(self.uses))

    def use_in_round(self, round_number: int) -> str:
        """Round 1 takes the first-listed use, round 2 the second (Reading R-22)."""
        return self.uses[(round_number - 1) % len(self.uses)]


@dataclass(frozen=True)
class Extra:
    """A share a figure gives to ``use`` instead of ``instead_of`` without naming the position."""

    share: Fraction
    use: str
    instead_of: str
    reference: str
    exemptible: bool = False


@dataclass(frozen=True)
class WheelVersion:
    """A letting wheel as it is in force from ``start`` until ``end``: its nine positions."""

    start: date
    end: date  # exclusive
    positions: tuple[Position, ...]
    extras: tuple[Extra, ...]
    figure: dict[str, Fraction]
    figure_reference: str

    def covers(self, on: date) -> bool:
        return self.start <= on < self.end

    def listing_shares(self) -> dict[str, Fraction]:
        """Shares by use, as the listing places them (no extras)."""
        out: dict[str, Fraction] = {}
        for p in self.positions:
            for use in p.uses:
                out[use] = out.get(use, Fraction(0)) + p.share()
        return out

    def category_shares(self, with_extras: bool = True) -> dict[str, Fraction]:
        """Shares by waiting list / flexible / municipal, with the figure's extras applied."""
        out = {"waiting_list": Fraction(0), "flexible": Fraction(0), "municipal": Fraction(0)}
        for use, share in self.listing_shares().items():
            out[CATEGORY[use]] += share
        if with_extras:
            for extra in self.extras:
                out[CATEGORY[extra.instead_of]] -= extra.share
                out[CATEGORY[extra.use]] += extra.share
        return out


@dataclass(frozen=True)
class Wheel:
    """The letting wheel of one step of a stair (``wheels/*.toml``), in its dated versions."""

    id: str
    stair: str
    trin: int
    title: Text
    reference: str
    versions: tuple[WheelVersion, ...]
    unused_municipal: str
    unused_municipal_urban_renewal: bool
    unused_municipal_reference: str

    def at(self, on: date) -> WheelVersion:
        for version in self.versions:
            if version.covers(on):
                return version
        first, last = self.versions[0].start, self.versions[-1].end
        raise WheelError(
            f"{self.id}: no wheel on {on.isoformat()} (the wheels cover {first} up to {last})"
        )


def _fraction(name: str, raw: object) -> Fraction:
    if not isinstance(raw, str) or "/" not in raw:
        raise WheelError(f"{name}: a share is written as 'n/d', got {raw!r}")
    num, den = raw.split("/")
    return Fraction(int(num), int(den))


def _exact_keys(name: str, data: dict[str, object], required: set[str], optional: set[str]) -> None:
    missing, unknown = required - set(data), set(data) - required - optional
    if missing or unknown:
        raise WheelError(f"{name}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")


def _reference(name: str, raw: object) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise WheelError(f"{name}: a reference to the agreement is required")
    return raw


def _positions(where: str, raw: dict[str, Any]) -> list[Position]:
    """A wheel version's nine positions, numbered 1..9, each one use or two alternating."""
    positions: list[Position] = []
    for i, item in enumerate(raw["positions"], start=1):
        _exact_keys(f"{where} #{i}", item, {"n", "reference"}, {"use", "alternates", "exemptible"})
        if item.get("n") != i:
            raise WheelError(f"{where}: positions must be numbered 1..9 in order")
        if ("use" in item) == ("alternates" in item):
            raise WheelError(f"{where} #{i}: give either 'use' or 'alternates'")
        uses = (item["use"],) if "use" in item else tuple(item["alternates"])
        if len(uses) not in (1, 2) or any(u not in USES for u in uses):
            raise WheelError(f"{where} #{i}: unknown or too many uses {uses!r}")
        positions.append(
            Position(
                i,
                uses,
                _reference(f"{where} #{i}", item["reference"]),
                bool(item.get("exemptible", False)),
            )
        )
    if len(positions) != 9:
        raise WheelError(f"{where}: a wheel has 9 positions, found {len(positions)}")
    return positions


def _extras(where: str, raw: dict[str, Any]) -> list[Extra]:
    """A wheel version's extra allocations (a share of one use instead of another)."""
    extras = []
    for item in raw.get("extras", []):
        _exact_keys(
            f"{where} extra", item, {"share", "use", "instead_of", "reference"}, {"exemptible"}
        )
        if item["use"] not in USES or item["instead_of"] not in USES:
            raise WheelError(f"{where}: unknown use in extras")
        extras.append(
            Extra(
                _fraction(where, item["share"]),
                item["use"],
                item["instead_of"],
                _reference(f"{where} extra", item["reference"]),
                bool(item.get("exemptible", False)),
            )
        )
    return extras


def parse_wheel(name: str, data: dict[str, object]) -> Wheel:
    top = {
        "id",
        "stair",
        "trin",
        "title",
        "reference",
        "until",
        "unused_municipal",
        "unused_municipal_urban_renewal",
        "unused_municipal_reference",
        "values",
    }
    _exact_keys(name, data, top, set())
    stair, trin = data["stair"], data["trin"]
    if stair not in STAIRS or trin not in STAIRS[str(stair)]:
        raise WheelError(f"{name}: unknown stair/trin {stair!r}/{trin!r}")
    if data["unused_municipal"] not in UNUSED:
        raise WheelError(f"{name}: unused_municipal must be one of {sorted(UNUSED)}")
    title = data["title"]
    if not isinstance(title, dict) or set(title) != {"da", "en"}:
        raise WheelError(f"{name}: title needs exactly da and en")
    until = data["until"]
    raw_values = data["values"]
    if not isinstance(until, date) or not isinstance(raw_values, list) or not raw_values:
        raise WheelError(f"{name}: 'until' (a date) and at least one [[values]] are required")
    starts = [v.get("from") for v in raw_values]
    if not all(isinstance(s, date) for s in starts) or starts != sorted(set(starts)):
        raise WheelError(f"{name}: values need dates in strictly increasing order")
    ends = [*starts[1:], until]
    versions: list[WheelVersion] = []
    for raw, start, end in zip(raw_values, starts, ends, strict=True):
        where = f"{name} from {start}"
        _exact_keys(where, raw, {"from", "positions", "figure", "figure_reference"}, {"extras"})
        positions = _positions(where, raw)
        extras = _extras(where, raw)
        figure = {k: _fraction(where, v) for k, v in raw["figure"].items()}
        if set(figure) - {"waiting_list", "flexible", "municipal"}:
            raise WheelError(f"{where}: figure keys are waiting_list, flexible, municipal")
        versions.append(
            WheelVersion(
                start,
                end,
                tuple(positions),
                tuple(extras),
                figure,
                _reference(where, raw["figure_reference"]),
            )
        )
    return Wheel(
        id=str(data["id"]),
        stair=str(stair),
        trin=int(trin),  # type: ignore[call-overload]
        title=Text(str(title["da"]), str(title["en"])),
        reference=_reference(name, data["reference"]),
        versions=tuple(versions),
        unused_municipal=str(data["unused_municipal"]),
        unused_municipal_urban_renewal=bool(data["unused_municipal_urban_renewal"]),
        unused_municipal_reference=_reference(name, data["unused_municipal_reference"]),
    )


@cache
def all_wheels() -> dict[tuple[str, int], Wheel]:
    out: dict[tuple[str, int], Wheel] = {}
    for key, filename in FILES.items():
        wheel = parse_wheel(filename, data_files.toml(f"wheels/{filename}"))
        if (wheel.stair, wheel.trin) != key:
            raise WheelError(f"{filename}: stair/trin do not match the file name")
        out[key] = wheel
    return out


def step_titles() -> dict[str, dict[str, Text]]:
    """Every stair's steps by number (as text, the way a form holds it), each with its wheel's title:
    the options of a step chosen after its stair."""
    wheels = all_wheels()
    return {
        stair: {str(trin): wheels[(stair, trin)].title for trin in trins}
        for stair, trins in STAIRS.items()
    }


def wheel(stair: str, trin: int) -> Wheel:
    try:
        return all_wheels()[(stair, trin)]
    except KeyError as exc:
        raise WheelError(f"no wheel for {stair} trin {trin}") from exc


def format_share(share: Fraction) -> str:
    """A share over 9, or over 18 when it needs it (e.g. "3/9", "7/18")."""
    for den in (9, 18):
        if (share * den).denominator == 1:
            return f"{int(share * den)}/{den}"
    return f"{share.numerator}/{share.denominator}"
