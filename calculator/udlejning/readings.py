"""The readings (R-xx in ``ambiguities.toml``) a rule rests on, and the user's choice of the other one.

Every reading has an ``alternative`` (the other reading and what it would give); a contested one
is ``choosable``: the API accepts
``"readings": {"R-03": "alternative"}`` and the answer says where the other reading would change a
verdict. A rule asks ``ctx.reading("R-03")``; the call records the reading on the finding being built
and raises for an id that ``ambiguities.toml`` does not list, so no finding names an unlisted reading.
"""

from __future__ import annotations

from functools import cache

from udlejning import data_files

CHOSEN = "chosen"
ALTERNATIVE = "alternative"
CHOICES = (CHOSEN, ALTERNATIVE)


class UnknownReading(KeyError):
    """A rule names a reading that ``ambiguities.toml`` does not list."""


@cache
def listed() -> dict[str, dict[str, object]]:
    """Every reading in ``ambiguities.toml``, by id."""
    raw = data_files.toml("ambiguities.toml")
    return {str(a["id"]): _filled(a) for a in raw["ambiguity"]}


def _filled(entry: dict[str, object]) -> dict[str, object]:
    """``{{name}}``, ``{{name@state}}`` and ``{{name@known_for}}`` in the texts, from the parameter
    files (the latest value), so a new value updates every sentence (issue 9.6)."""
    from udlejning.parameters import parameter
    from udlejning.texts import fill

    def lookup(name: str):  # type: ignore[no-untyped-def]
        p = parameter(name)
        return p.type, p.values[-1].value, p.values[-1].start

    out: dict[str, object] = {}
    for key, value in entry.items():
        if isinstance(value, dict):
            out[key] = {k: fill(v, k, lookup) if k in ("da", "en") else v for k, v in value.items()}
        else:
            out[key] = value
    return out


def contested() -> list[str]:
    """The readings whose other side the user may choose (``choosable = true``)."""
    return [rid for rid, a in listed().items() if a.get("choosable")]


def alternative_text(rid: str) -> tuple[str, str]:
    alt = listed()[rid]["alternative"]
    assert isinstance(alt, dict)
    return str(alt["da"]), str(alt["en"])


def title(rid: str) -> tuple[str, str]:
    entry = listed()[rid]
    t = entry["title"]
    assert isinstance(t, dict)
    return str(t["da"]), str(t["en"])


class Readings:
    """The choices for one evaluation, and the readings used since the last ``start``."""

    def __init__(self, choices: dict[str, str] | None = None) -> None:
        self.choices = dict(choices or {})
        self.used: list[str] = []

    def start(self) -> None:
        self.used = []

    def alternative(self, rid: str) -> bool:
        """Record that ``rid`` was used; True when the user chose its alternative."""
        if rid not in listed():
            raise UnknownReading(rid)
        if rid not in self.used:
            self.used.append(rid)
        return self.choices.get(rid) == ALTERNATIVE

    def flipped(self, rid: str) -> Readings:
        other = ALTERNATIVE if self.choices.get(rid) != ALTERNATIVE else CHOSEN
        return Readings({**self.choices, rid: other})


def choice_spec(rids: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """The optional ``readings`` input of an endpoint whose rules use ``rids``: for each, the chosen
    reading or the alternative. Not a form field: the tools show the other reading in the answer."""
    from udlejning.inputspec import Spec
    from udlejning.model import Text

    choices = {
        CHOSEN: Text("den læsning, vi har valgt", "the reading we chose"),
        ALTERNATIVE: Text("den anden læsning", "the other reading"),
    }
    for rid in rids:
        if rid not in contested():
            raise UnknownReading(rid)
    return Spec(
        "object",
        Text("Læsninger af aftalen", "Readings of the agreement"),
        form=False,
        fields={rid: Spec("enum", Text(*title(rid)), options=choices) for rid in rids},
    )
