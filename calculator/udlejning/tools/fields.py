"""The input fields the endpoint modules share, each declared once (through ``inputspec.field``, a
field from its kind and its two labels): a share in per cent, a date, a stair and a step."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from udlejning.inputspec import Group, Spec, field
from udlejning.model import Text

T = Text

STAIR_OPTIONS = {
    "afdelingstrappe": T("afdelingstrappen", "the section stair"),
    "omraadetrappe": T("områdetrappen", "the area stair"),
}


def date_field(da: str = "Dato", en: str = "Date", **kw: Any) -> Spec:
    return field("date", da, en, **kw)


def stair_field(da: str, en: str, **kw: Any) -> Spec:
    return field("enum", da, en, options=STAIR_OPTIONS, **kw)


def trin_field(da: str, en: str, **kw: Any) -> Spec:
    return field("integer", da, en, minimum=1, maximum=4, **kw)


def count_field(da: str, en: str, maximum: int, minimum: int = 0, **kw: Any) -> Spec:
    """A whole number from ``minimum`` (0 unless told) to ``maximum``."""
    return field("integer", da, en, minimum=minimum, maximum=maximum, **kw)


def percent_field(da: str, en: str, **kw: Any) -> Spec:
    """A share in per cent, 0–100."""
    return field("decimal", da, en, minimum=Decimal(0), maximum=Decimal(100), **kw)


def grouped(group: str, fields: dict[str, Spec]) -> dict[str, Spec]:
    """The fields of one fieldset: each without a group of its own is put in ``group``."""
    return {k: v if v.group else replace(v, group=group) for k, v in fields.items()}


def one_fieldset_form(
    da: str, en: str, fieldset: Group, fields: dict[str, Spec], **kw: Any
) -> Spec:
    """A tool's form whose fields all sit in one fieldset."""
    return field("object", da, en, groups=(fieldset,), fields=grouped(fieldset.key, fields), **kw)


def money_field(da: str, en: str, maximum: int) -> Spec:
    """An amount in kroner, 0 to ``maximum``."""
    return field("decimal", da, en, minimum=Decimal(0), maximum=Decimal(maximum))
