"""A small declaration language for JSON input: one spec gives the validator, the JSON Schema and
the browser form (``udlejning.forms``).

A field's ``label`` is the question the form shows; errors name the field by that same label, in
Danish and English, and by its path only in the separate ``path`` key for machines. The form's
layout is data on the spec too: ``group`` (which fieldset a field sits in, declared by ``groups`` on
an object), ``control`` (how it is asked when the kind alone does not say), ``help`` (the hint under
the label) and ``show`` (when it is asked, see ``When``), so a renderer needs no field list of its own.
Nothing is guessed: an unknown key, a wrong type or a value out of range is an error.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from udlejning.model import Text, WithText
from udlejning.texts import day, echo
from udlejning.texts import number as fmt_number

# ASCII digits only, the whole value (Python's \d and $ would also take "٣٠" and "30\n"); the same
# patterns are published in the input schemas, where JSON Schema reads them the ECMA way.
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
DECIMAL_RE = r"^-?[0-9]+(\.[0-9]+)?$"


@dataclass(frozen=True)
class InputError(WithText):
    """One error in an input document: where (``path``), which kind (``code``), and its text."""

    path: str
    code: str
    text: Text


@dataclass(frozen=True)
class When:
    """When a field is asked, as data a renderer evaluates (all given parts must hold).

    ``field``/``one_of``: another field's value (its path relative to the form's root, or to the
    person for a person's field) is one of these (booleans as "yes"/"no"); ``none_of``: it is none
    of these (an unanswered field is none of them). ``roles``: only persons of these roles;
    ``age_from``/``age_below``: only persons whose age is known and in [age_from, age_below).
    ``needed``: only while the rules still need it: its path is in a finding's ``missing`` list of
    the last answer, or it is answered already. ``all_of``: these conditions too (a field asked only
    on one step of one stair). ``udlejning.questions`` evaluates the same data in Python, so a test
    can say which questions a household is asked.
    """

    field: str | None = None
    one_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    age_from: int | None = None
    age_below: int | None = None
    needed: bool = False
    all_of: tuple[When, ...] = ()

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.field is not None:
            out["field"] = self.field
            if self.one_of:
                out["one_of"] = list(self.one_of)
            if self.none_of:
                out["none_of"] = list(self.none_of)
        if self.roles:
            out["roles"] = list(self.roles)
        if self.age_from is not None:
            out["age_from"] = self.age_from
        if self.age_below is not None:
            out["age_below"] = self.age_below
        if self.needed:
            out["needed"] = True
        if self.all_of:
            out["all_of"] = [part.to_json() for part in self.all_of]
        return out


@dataclass(frozen=True)
class Group:
    """A fieldset of a form: ``key`` (fields name it in ``group``), legend and hint; ``parent`` nests
    it in another group; ``collapsible`` folds it away (for what most users skip)."""

    key: str
    legend: Text
    hint: Text | None = None
    parent: str | None = None
    collapsible: bool = False


@dataclass(frozen=True)
class Spec:
    """One field. ``kind`` is object, array, string, integer, decimal, date, boolean or enum."""

    kind: str
    label: Text
    help: Text | None = None
    fields: dict[str, Spec] = dataclasses.field(default_factory=dict)
    required: tuple[str, ...] = ()
    items: Spec | None = None
    options: dict[str, Text] = dataclasses.field(default_factory=dict)
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    min_items: int = 0
    max_items: int | None = None
    max_length: int | None = None
    not_after_date: bool = False
    # The form (udlejning.forms): where and how the field is asked.
    group: str | None = None
    groups: tuple[Group, ...] = ()
    control: str | None = None
    show: When | None = None
    unit: str | None = None
    options_by: tuple[str, dict[str, dict[str, Text]]] | None = None
    form: bool = True
    # What a select's empty choice says, where more than «not stated» («Don't know – show every step»).
    unstated: Text | None = None
    # What an answer to an enum tells about other fields of the same person or form: value ->
    # {path: value}. The form fills those in and does not ask them (one question, not two).
    implies: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)


def field(kind: str, da: str, en: str, **more: Any) -> Spec:
    """One field: its kind, its Danish and English label and the rest of its ``Spec``."""
    return Spec(kind, Text(da, en), **more)


def _bounds(low: Decimal | int | None, high: Decimal | int | None, lang: str) -> str:
    """«ligge mellem 0 og 100» / «være mindst 0» / «være højst 100», numbers in the language's format."""
    lo = fmt_number(low, lang) if low is not None else None
    hi = fmt_number(high, lang) if high is not None else None
    if lang == "da":
        return (
            f"ligge mellem {lo} og {hi}"
            if lo and hi
            else f"være mindst {lo}"
            if lo
            else f"være højst {hi}"
        )
    return (
        f"be between {lo} and {hi}"
        if lo and hi
        else f"be at least {lo}"
        if lo
        else f"be at most {hi}"
    )


def _label(spec: Spec, path: str) -> Text:
    """The field as the error names it: the label the form shows (the path is the error's own key)."""
    return quoted(spec.label)


def quoted(label: Text) -> Text:
    return Text(f"«{label.da}»", f"“{label.en}”")


ROOT = "$"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _err(path: str, code: str, da: str, en: str) -> InputError:
    return InputError(path or ROOT, code, Text(da, en))


# What an error says about a field after the field's label, by its code, in Danish and English;
# ``{…}`` are the values the check gives (a Text's ``.da``/``.en`` in its language).
FIELD_ERRORS = {
    "type": ("skal være {kind.da}.", "must be {kind.en}."),
    "required": ("mangler.", "is missing."),
    "too_few": ("skal have mindst {least}.", "needs at least {least}."),
    "too_many": ("må højst have {most}.", "may have at most {most}."),
    "invalid_character": (
        "indeholder et tegn, der ikke kan skrives (en halv UTF-16-kode).",
        "holds a character that cannot be written (half a UTF-16 code).",
    ),
    "too_long": ("må højst være {most} tegn.", "may be at most {most} characters."),
    "out_of_range": (
        "skal {bounds.da}; du skrev {wrote.da}.",
        "must {bounds.en}; you wrote {wrote.en}.",
    ),
    "after_date": (
        "kan ikke ligge efter datoen for overtagelsen ({when.da}).",
        "cannot be after the date the home is taken over ({when.en}).",
    ),
    "not_allowed": ("skal være én af: {allowed}.", "must be one of: {allowed}."),
}


class Validator:
    """Walks a document against a spec, collecting every error and returning clean Python values."""

    def __init__(self, reference_date: date | None = None) -> None:
        self.errors: list[InputError] = []
        self.reference_date = reference_date

    def check(self, spec: Spec, value: object, path: str) -> object:
        method = getattr(self, f"_check_{spec.kind}")
        return method(spec, value, path)

    def _field_error(self, spec: Spec, path: str, code: str, **values: object) -> None:
        """An error about one field: the field named by its label, then its code's FIELD_ERRORS text."""
        name = _label(spec, path)
        da, en = (text.format(**values) for text in FIELD_ERRORS[code])
        self.errors.append(_err(path, code, f"{name.da} {da}", f"{name.en} {en}"))

    def _type_error(self, spec: Spec, path: str, da_kind: str, en_kind: str) -> None:
        self._field_error(spec, path, "type", kind=Text(da_kind, en_kind))

    def _check_object(self, spec: Spec, value: object, path: str) -> dict[str, object] | None:
        if not isinstance(value, dict):
            self._type_error(spec, path, "et objekt", "an object")
            return None
        out: dict[str, object] = {}
        for key in value:
            if key not in spec.fields:
                shown = echo(key)  # an unknown key is quoted back at most once, and short
                sub = f"{path}.{shown}" if path else shown
                allowed = ", ".join(spec.fields)
                self.errors.append(
                    _err(
                        sub,
                        "unknown_field",
                        f"Feltet «{shown}» kendes ikke. Tilladte felter: {allowed}.",
                        f"The field “{shown}” is not known. Allowed fields: {allowed}.",
                    )
                )
        for key, sub_spec in spec.fields.items():
            sub = f"{path}.{key}" if path else key
            if key not in value:
                if key in spec.required:
                    self._field_error(sub_spec, sub, "required")
                continue
            out[key] = self.check(sub_spec, value[key], sub)
        return out

    def _check_array(self, spec: Spec, value: object, path: str) -> list[object] | None:
        if not isinstance(value, list):
            self._type_error(spec, path, "en liste", "a list")
            return None
        if len(value) < spec.min_items:
            self._field_error(spec, path, "too_few", least=spec.min_items)
        if spec.max_items is not None and len(value) > spec.max_items:
            self._field_error(spec, path, "too_many", most=spec.max_items)
            return None
        assert spec.items is not None
        return [self.check(spec.items, item, f"{path}[{i}]") for i, item in enumerate(value)]

    def _check_string(self, spec: Spec, value: object, path: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self._type_error(spec, path, "en tekst (ikke tom)", "a text (not empty)")
            return None
        if LONE_SURROGATE.search(value):
            self._field_error(spec, path, "invalid_character")
            return None
        if spec.max_length is not None and len(value) > spec.max_length:
            self._field_error(spec, path, "too_long", most=spec.max_length)
            return None
        return value

    def _check_boolean(self, spec: Spec, value: object, path: str) -> bool | None:
        if not isinstance(value, bool):
            self._type_error(spec, path, "ja eller nej (true/false)", "yes or no (true/false)")
            return None
        return value

    def _range(self, spec: Spec, number: Decimal | int, path: str) -> bool:
        low, high = spec.minimum, spec.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = Text(_bounds(low, high, "da"), _bounds(low, high, "en"))
            wrote = Text(echo(fmt_number(number, "da")), echo(fmt_number(number, "en")))
            self._field_error(spec, path, "out_of_range", bounds=bounds, wrote=wrote)
            return False
        return True

    def _check_integer(self, spec: Spec, value: object, path: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self._type_error(spec, path, "et helt tal", "a whole number")
            return None
        return value if self._range(spec, value, path) else None

    def _check_decimal(self, spec: Spec, value: object, path: str) -> Decimal | None:
        number: Decimal | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = Decimal(value)
        elif isinstance(value, float) and math.isfinite(value):
            number = Decimal(repr(value))
        elif isinstance(value, str) and re.fullmatch(DECIMAL_RE, value):
            try:
                number = Decimal(value)
            except InvalidOperation:
                number = None
        if number is not None and number.is_zero():
            number = abs(number)  # "-0" and -0.0 are 0: never «-0 %» in an answer
        if number is None:
            self._type_error(
                spec, path, "et tal (fx 25 eller 22904.30)", "a number (e.g. 25 or 22904.30)"
            )
            return None
        return number if self._range(spec, number, path) else None

    def _check_date(self, spec: Spec, value: object, path: str) -> date | None:
        parsed: date | None = None
        if isinstance(value, str) and DATE_RE.fullmatch(value):
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                parsed = None
        if parsed is None:
            self._type_error(
                spec,
                path,
                "en dato som ÅÅÅÅ-MM-DD (fx 2026-03-01)",
                "a date as YYYY-MM-DD (e.g. 2026-03-01)",
            )
            return None
        if spec.not_after_date and self.reference_date is not None and parsed > self.reference_date:
            when = Text(day(self.reference_date, "da"), day(self.reference_date, "en"))
            self._field_error(spec, path, "after_date", when=when)
            return None
        return parsed

    def _check_enum(self, spec: Spec, value: object, path: str) -> str | None:
        if not isinstance(value, str) or value not in spec.options:
            self._field_error(spec, path, "not_allowed", allowed=", ".join(spec.options))
            return None
        return value


def json_schema(spec: Spec) -> dict[str, object]:
    """The JSON Schema (draft 2020-12) of a spec, with the Danish label as title."""
    out: dict[str, object] = {"title": spec.label.da, "description": spec.label.en}
    if spec.help is not None:
        out["$comment"] = spec.help.en
    if spec.kind == "object":
        out["type"] = "object"
        out["properties"] = {k: json_schema(v) for k, v in spec.fields.items()}
        out["required"] = list(spec.required)
        out["additionalProperties"] = False
    elif spec.kind == "array":
        assert spec.items is not None
        out["type"] = "array"
        out["items"] = json_schema(spec.items)
        out["minItems"] = spec.min_items
        if spec.max_items is not None:
            out["maxItems"] = spec.max_items
    elif spec.kind == "string":
        out["type"] = "string"
        out["minLength"] = 1
        if spec.max_length is not None:
            out["maxLength"] = spec.max_length
    elif spec.kind == "boolean":
        out["type"] = "boolean"
    elif spec.kind == "integer":
        out["type"] = "integer"
        if spec.minimum is not None:
            out["minimum"] = int(spec.minimum)
        if spec.maximum is not None:
            out["maximum"] = int(spec.maximum)
    elif spec.kind == "decimal":
        out["anyOf"] = [
            {"type": "number"},
            {"type": "string", "pattern": DECIMAL_RE},
        ]
        limits = []
        if spec.minimum is not None:
            limits.append(f"minimum {spec.minimum}")
        if spec.maximum is not None:
            limits.append(f"maximum {spec.maximum}")
        if limits:
            out["$comment"] = "Decimal; " + ", ".join(limits)
    elif spec.kind == "date":
        out["type"] = "string"
        out["pattern"] = DATE_RE.pattern
        out["format"] = "date"
    elif spec.kind == "enum":
        out["enum"] = list(spec.options)
    else:  # pragma: no cover - a spec error, caught by the tests
        raise ValueError(spec.kind)
    return out
