"""criteria/facts.toml: what the flexible criteria ask when a field is missing and the reason they
give when it rules the person out, keyed by criterion and field (read by criteria/build.py)."""

from __future__ import annotations

import re
from pathlib import Path

from udlejning.criteria.build import _facts
from udlejning.criteria.info import criterion_ids
from udlejning.household import document_spec
from udlejning.inputspec import Spec
from udlejning.parameters import all_parameters
from udlejning.texts import PLACEHOLDER

FACTS = _facts()  # facts.toml and the facts criteria keep in their own entries
CRITERIA = Path(__file__).resolve().parent.parent / "calculator" / "udlejning" / "criteria"
# A value the rule hands over, {name}; a parameter is {{name}}.
OWN_VALUE = re.compile(r"(?<!\{)\{([a-z_]+)\}(?!\})")


def _texts() -> list[tuple[str, str, str, dict[str, str]]]:
    return [
        (cid, field, use, text)
        for cid, fields in FACTS.items()
        for field, uses in fields.items()
        for use, text in uses.items()
    ]


def _takes(spec: Spec, field: str) -> bool:
    """Does ``spec`` (an object) have the field at the dotted path ``field``?"""
    for part in field.split("."):
        if spec.kind != "object" or part not in spec.fields:
            return False
        spec = spec.fields[part]
    return True


def test_every_key_is_a_criterion_and_a_field_the_input_takes() -> None:
    document = document_spec()
    person = document.fields["household"].items
    assert person is not None
    known = {*criterion_ids(), "A"}  # "A": the partner, for A1 and A2 (partner.py)
    for cid, fields in FACTS.items():
        assert cid in known, cid
        for field in fields:
            assert _takes(person, field) or _takes(document, field), f"{cid}: {field}"


def test_every_text_is_bilingual_with_the_same_values_and_known_parameters() -> None:
    names = set(all_parameters())
    for cid, field, use, text in _texts():
        where = f"{cid}.{field}.{use}"
        assert set(text) == {"da", "en"}, where
        assert set(OWN_VALUE.findall(text["da"])) == set(OWN_VALUE.findall(text["en"])), where
        for lang in ("da", "en"):
            for name in PLACEHOLDER.findall(text[lang]):
                assert name.split("@")[0] in names, f"{where}: {name}"


def test_every_field_is_asked_about_by_a_rule() -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in sorted(CRITERIA.glob("*.py")))
    for cid, field, use, _text in _texts():
        assert f'"{field}"' in sources, f"{cid}.{field} is in facts.toml but no rule names it"
        if use not in {"ask", "fails"}:
            assert f'use="{use}"' in sources, f"{cid}.{field}.{use}"
