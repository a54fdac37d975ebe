"""What the staff tools' endpoints share when they check their input: a structured error, a date
outside the agreement's period, one date before another (each naming fields by their labels)."""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import InputError, Spec
from udlejning.model import Text
from udlejning.parameters import agreement

T = Text


def _error(path: str, code: str, da: str, en: str) -> InputError:
    return InputError(path, code, T(da, en))


def _outside(path: str, label: Text, on: date) -> InputError | None:
    deal = agreement()
    if deal.covers(on):
        return None
    first, last = deal.first_day.isoformat(), deal.last_day().isoformat()
    return _error(
        path,
        "outside_agreement_period",
        f"«{label.da}» er {on.isoformat()}, uden for aftalens periode ({first} – {last}).",
        f"“{label.en}” is {on.isoformat()}, outside the agreement's period ({first} – {last}).",
    )


def _not_before(
    clean: dict[str, Any], spec: Spec, path: str, earlier: str, code: str
) -> InputError | None:
    later_value, earlier_value = clean.get(path), clean.get(earlier)
    if later_value is None or earlier_value is None or later_value >= earlier_value:
        return None
    a, b = spec.fields[path].label, spec.fields[earlier].label
    return _error(
        path,
        code,
        f"«{a.da}» kan ikke ligge før «{b.da}».",
        f"“{a.en}” cannot be before “{b.en}”.",
    )
