"""The one frame every endpoint module shares: validate the document against its spec, check what the
spec cannot say, call the rules and answer ``{"ok": true, ...}`` or the structured errors; never
raise. Also the input checks the endpoints share (a date outside the agreement's period, a step the
stair does not have, one date before another), each naming its field by its label, and the
reason shape of their answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from udlejning import __version__
from udlejning.answers import SCHEMA_VERSION, error_answer, internal_error_answer
from udlejning.catalogue import render_text
from udlejning.inputspec import InputError, Spec, Validator, quoted
from udlejning.model import Text
from udlejning.parameters import ParameterError, agreement
from udlejning.texts import both, day
from udlejning.tools.fields import STAIR_OPTIONS
from udlejning.wheels import STAIRS

T = Text
Clean = dict[str, Any]
Answer = Callable[[Clean], "dict[str, Any] | list[InputError]"]
Problems = Callable[[Clean, Spec], list[InputError]]


def run(
    spec: Callable[[], Spec], doc: object, answer: Answer, problems: Problems | None = None
) -> dict[str, Any]:
    """One endpoint call: validate ``doc`` against ``spec``, check what the spec cannot say
    (``problems``, each error at its field), call the rules (``answer``: the answer's fields, or
    more input errors) and wrap it. A date the parameters have no value for (or whose count runs
    off the calendar) is named by its label. Never raises."""
    try:
        declared = spec()
        validator = Validator()
        clean = validator.check(declared, doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        try:
            found = problems(clean, declared) if problems else []
            result = found or answer(clean)
        except (ParameterError, OverflowError):
            return error_answer(_dates_without_rules(declared, clean))
        if isinstance(result, list):
            return error_answer(result)
        return {
            "ok": True,
            "schema_version": SCHEMA_VERSION,
            "package_version": __version__,
            **result,
        }
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)


def all_of(*checks: Problems) -> Problems:
    """The problems of several checks, in order."""
    return lambda clean, spec: [e for check in checks for e in check(clean, spec)]


def _error(path: str, code: str, da: str, en: str) -> InputError:
    return InputError(path, code, T(da, en))


def needed_with(given: str, needed: str, da: str, en: str) -> Problems:
    """A field the rules need once another is given (which the spec cannot say): a ``required``
    error at ``needed``, ``da``/``en`` saying why, when ``given`` is in the document and it is not."""

    def problems(clean: Clean, spec: Spec) -> list[InputError]:
        if given in clean and needed not in clean:
            return [_error(needed, "required", da, en)]
        return []

    return problems


def reason(text: Text, on: date, reference: str) -> dict[str, str]:
    """A sentence of an answer, its parameters rendered on ``on``, with its reference."""
    return {**render_text(text, on), "reference": reference}


def outside(on: date) -> InputError | None:
    """The stairs, their limits and the wheels exist only in the agreement's period: a date outside
    it is refused, never extrapolated."""
    deal = agreement()
    if deal.covers(on):
        return None
    when, first, last = both(day, on), both(day, deal.first_day), both(day, deal.last_day())
    return _error(
        "date",
        "outside_agreement_period",
        f"Datoen {when.da} ligger uden for aftalens periode ({first.da} – {last.da}); trapperne og hjulene gælder kun i perioden.",
        f"The date {when.en} is outside the agreement's period ({first.en} – {last.en}); the stairs and wheels apply only in that period.",
    )


def stair_trin_error(stair: str, trin: int, path: str) -> InputError | None:
    if trin in STAIRS[stair]:
        return None
    top = max(STAIRS[stair])
    return _error(
        path,
        "out_of_range",
        f"{STAIR_OPTIONS[stair].da.capitalize()} har trin 1–{top}; du skrev {trin}.",
        f"{STAIR_OPTIONS[stair].en.capitalize()} has steps 1–{top}; you wrote {trin}.",
    )


def date_in_period(clean: Clean, spec: Spec) -> list[InputError]:
    """``outside`` for the document's ``date``."""
    return [e for e in (outside(clean["date"]),) if e]


def stair_has_trin(clean: Clean, spec: Spec) -> list[InputError]:
    """``stair_trin_error`` for the document's ``stair`` and ``trin`` (when both are given)."""
    if "stair" not in clean or "trin" not in clean:
        return []
    return [e for e in (stair_trin_error(clean["stair"], clean["trin"], "trin"),) if e]


def _outside(path: str, label: Text, on: date) -> InputError | None:
    deal = agreement()
    if deal.covers(on):
        return None
    first, last, when = both(day, deal.first_day), both(day, deal.last_day()), both(day, on)
    return _error(
        path,
        "outside_agreement_period",
        f"«{label.da}» er {when.da}, uden for aftalens periode ({first.da} – {last.da}).",
        f"“{label.en}” is {when.en}, outside the agreement's period ({first.en} – {last.en}).",
    )


def _not_before(clean: Clean, spec: Spec, path: str, earlier: str, code: str) -> InputError | None:
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


def _date_fields(spec: Spec, value: object, path: str) -> list[tuple[str, Spec, date]]:
    """Every date in a clean document, with its path and its spec."""
    if spec.kind == "date" and isinstance(value, date):
        return [(path, spec, value)]
    if spec.kind == "object" and isinstance(value, dict):
        return [
            found
            for key, sub in spec.fields.items()
            if key in value
            for found in _date_fields(sub, value[key], f"{path}.{key}" if path else key)
        ]
    return []


def _dates_without_rules(spec: Spec, clean: Clean) -> list[InputError]:
    """A rule met a date for which the parameters have no value (before the first one) or whose
    count runs off the calendar: name each date outside the agreement's period by its label."""
    deal = agreement()
    first, last = both(day, deal.first_day), both(day, deal.last_day())
    errors = [
        _error(
            path,
            "date_without_rules",
            f"{quoted(sub.label).da} er {day(on, 'da')}. Reglerne har ingen værdier så langt fra aftalens periode ({first.da} – {last.da}).",
            f"{quoted(sub.label).en} is {day(on, 'en')}. The rules have no values that far from the agreement's period ({first.en} – {last.en}).",
        )
        for path, sub, on in _date_fields(spec, clean, "")
        if not deal.covers(on)
    ]
    return errors or [
        _error(
            "$",
            "date_without_rules",
            "Reglerne har ingen værdier for en af datoerne.",
            "The rules have no values for one of the dates.",
        )
    ]
