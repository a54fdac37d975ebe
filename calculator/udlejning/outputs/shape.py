"""A small declaration language for the endpoints' answers, and the generator of their JSON Schemas.

An answer is declared once (``Answer``: a title and the rule's own fields); the envelope every
answer shares (``ok``, ``schema_version``, ``package_version``) and the error answer are added by
``answer_schema``. Each field is an ``Out``: its kind (object, array, string, date, integer, boolean,
enum, const) and the few constraints the answers need. ``from_input`` takes a field's values from
the endpoint's input ``Spec`` (an answer that echoes the input's choice does not list it again).
Objects are closed (``additionalProperties: false``) and every field is required unless listed in
``optional``. Standard library only: it runs in the browser too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from udlejning.answers import SCHEMA_VERSION
from udlejning.inputspec import Spec

JsonSchema = dict[str, Any]
DRAFT = "https://json-schema.org/draft/2020-12/schema"


@dataclass(frozen=True)
class Answer:
    """What an endpoint answers when ``ok`` is true: ``fields`` besides the envelope; ``optional``
    those that are sometimes absent."""

    title: str
    fields: dict[str, Out]
    optional: tuple[str, ...] = ()


@dataclass(frozen=True)
class Out:
    """One value of an answer. ``kind``: object, array, string, date, integer, boolean, enum, const
    or input (the values of the input field ``source``). ``nullable``: null is allowed too.
    ``also``: further JSON Schema keywords, for what the vocabulary does not say (which keys go
    together)."""

    kind: str
    nullable: bool = False
    values: tuple[object, ...] = ()  # of an enum, or the const
    source: str | None = None
    # objects
    fields: dict[str, Out] = field(default_factory=dict)
    optional: tuple[str, ...] = ()
    also: JsonSchema | None = None
    # arrays
    items: Out | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique: bool = False
    # strings and integers
    pattern: str | None = None
    min_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None


# --- The vocabulary --------------------------------------------------------------------------------


def obj(
    fields: dict[str, Out], optional: Iterable[str] = (), *, also: JsonSchema | None = None
) -> Out:
    return Out("object", fields=dict(fields), optional=tuple(optional), also=also)


def array(
    items: Out, min_items: int | None = None, max_items: int | None = None, *, unique: bool = False
) -> Out:
    return Out("array", items=items, min_items=min_items, max_items=max_items, unique=unique)


def string(*, min_length: int | None = None, pattern: str | None = None) -> Out:
    return Out("string", min_length=min_length, pattern=pattern)


def integer(minimum: int | None = None, maximum: int | None = None) -> Out:
    return Out("integer", minimum=minimum, maximum=maximum)


def enum(values: Iterable[object]) -> Out:
    return Out("enum", values=tuple(values))


def const(value: object) -> Out:
    return Out("const", values=(value,))


def from_input(path: str) -> Out:
    """The values the input field at ``path`` (dotted, in the endpoint's spec) accepts."""
    return Out("input", source=path)


def nullable(out: Out) -> Out:
    return replace(out, nullable=True)


DATE = Out("date")
BOOLEAN = Out("boolean")


# --- The generator ---------------------------------------------------------------------------------


def _typed(name: str, nullable: bool) -> JsonSchema:
    return {"type": [name, "null"] if nullable else name}


def _object(out: Out, spec: Spec | None) -> JsonSchema:
    schema: JsonSchema = {
        "type": "object",
        "properties": {key: to_schema(sub, spec) for key, sub in out.fields.items()},
        "required": [key for key in out.fields if key not in out.optional],
        "additionalProperties": False,
    }
    if out.also:
        schema.update(out.also)
    return {"oneOf": [{"type": "null"}, schema]} if out.nullable else schema


def _array(out: Out, spec: Spec | None) -> JsonSchema:
    assert out.items is not None
    schema = {**_typed("array", out.nullable), "items": to_schema(out.items, spec)}
    for key, value in (("minItems", out.min_items), ("maxItems", out.max_items)):
        if value is not None:
            schema[key] = value
    if out.unique:
        schema["uniqueItems"] = True
    return schema


def _scalar(out: Out) -> JsonSchema:
    if out.kind == "enum":
        return {"enum": [*out.values, *([None] if out.nullable else [])]}
    if out.kind == "const":
        return {"const": out.values[0]}
    if out.kind == "date":
        return {**_typed("string", out.nullable), "format": "date"}
    schema = _typed(out.kind, out.nullable)
    for key, value in (
        ("minLength", out.min_length),
        ("pattern", out.pattern),
        ("minimum", out.minimum),
        ("maximum", out.maximum),
    ):
        if value is not None:
            schema[key] = value
    return schema


def _input_field(spec: Spec | None, path: str) -> Spec:
    found = spec
    for key in path.split("."):
        if found is None or key not in found.fields:
            raise KeyError(f"the input spec has no field {path!r}")
        found = found.fields[key]
    assert found is not None
    return found


def _bound(value: Decimal | int | None) -> int | None:
    return None if value is None else int(value)


def _from_input(out: Out, spec: Spec | None) -> JsonSchema:
    """The input field's values, as the answer gives them back."""
    source = _input_field(spec, out.source or "")
    if source.kind == "enum":
        return _scalar(replace(out, kind="enum", values=tuple(source.options)))
    if source.kind == "integer":
        as_integer = integer(_bound(source.minimum), _bound(source.maximum))
        return _scalar(replace(as_integer, nullable=out.nullable))
    return _scalar(replace(out, kind="date" if source.kind == "date" else source.kind))


def to_schema(out: Out, spec: Spec | None = None) -> JsonSchema:
    """The JSON Schema of one declared value; ``spec`` is the endpoint's input spec."""
    if out.kind == "object":
        return _object(out, spec)
    if out.kind == "array":
        return _array(out, spec)
    if out.kind == "input":
        return _from_input(out, spec)
    return _scalar(out)


TEXT = string(min_length=1)
ENVELOPE = {
    "ok": const(True),
    "schema_version": const(SCHEMA_VERSION),
    "package_version": TEXT,
}
ERROR = obj({"path": TEXT, "code": TEXT, "da": TEXT, "en": TEXT})
FAILED = obj(
    {"ok": const(False), "schema_version": const(SCHEMA_VERSION), "errors": array(ERROR, 1)}
)


def answer_schema(name: str, answer: Answer, spec: Spec | None = None) -> JsonSchema:
    """The output schema ``name``: the answer (envelope and the rule's fields) or the errors."""
    ok = obj({**ENVELOPE, **answer.fields}, answer.optional)
    return {
        "$schema": DRAFT,
        "$id": f"udlejning/{name}.schema.json",
        "title": answer.title,
        "oneOf": [to_schema(ok, spec), to_schema(FAILED)],
    }
