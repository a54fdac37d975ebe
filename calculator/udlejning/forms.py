"""The browser forms, generated from the input specs (``udlejning.inputspec``): one declaration per
endpoint, drawn by ``calculator/web/form.mjs``. Nothing about a field (label, hint, options, when it
is asked) is typed a second time in JavaScript.

A form is a list of sections (the root spec's ``groups``), each with its fields and sub-groups. A
field is ``{path, type, label, hint?, options?, options_by?, unstated?, required?, unit?, number?,
show?, local?}`` (``unstated``: what a select's empty choice says, where not «not stated»). ``type`` is how it is asked: date, decimal, integer, text, select (with an empty first
option), fixed (no empty option), tri (not stated / yes / no), dates (one date a line), list (a repeating part with its own
``fields``, e.g. a person's convictions) or persons (the calculator's household). ``show``
is a ``When`` as JSON, evaluated by the renderer (and by a later step that asks only what can still
change an answer).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from udlejning.inputspec import Group, Spec


def control_of(spec: Spec) -> str:
    if spec.control is not None:
        return spec.control
    if spec.kind == "boolean":
        return "tri"
    if spec.kind == "enum":
        return "select"
    if spec.kind == "array" and spec.items is not None and spec.items.kind == "date":
        return "dates"
    if spec.kind == "string":
        return "text"
    return spec.kind


def _options(options: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"value": key, "da": _capital(text.da), "en": _capital(text.en)}
        for key, text in options.items()
    ]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def field_json(
    spec: Spec, keys: tuple[str, ...], required: bool, local: bool = False
) -> dict[str, Any]:
    """One field; ``path`` is how errors name it, ``keys`` where its value goes in the document."""
    out: dict[str, Any] = {
        "path": ".".join(keys),
        "keys": list(keys),
        "type": control_of(spec),
        "label": spec.label.to_json(),
    }
    if spec.help is not None:
        out["hint"] = spec.help.to_json()
    if spec.options:
        out["options"] = _options(spec.options)
    if spec.unstated is not None:
        out["unstated"] = spec.unstated.to_json()
    if spec.options_by is not None:
        other, table = spec.options_by
        out["options_by"] = {
            "field": other,
            "options": {value: _options(options) for value, options in table.items()},
        }
    if required:
        out["required"] = True
    if spec.unit is not None:
        out["unit"] = spec.unit
    if spec.kind == "integer" and out["type"] in ("select", "fixed"):
        out["number"] = True
    if spec.show is not None:
        out["show"] = spec.show.to_json()
    if local:
        out["local"] = True
    if spec.kind in ("integer", "decimal") and out["type"] in ("integer", "decimal"):
        out["min"] = None if spec.minimum is None else str(spec.minimum)
        out["max"] = None if spec.maximum is None else str(spec.maximum)
    if spec.not_after_date:
        out["not_after"] = True
    if spec.implies:
        out["implies"] = spec.implies
    if out["type"] == "list" and spec.items is not None:
        # A repeating part (a person's convictions): its fields, keyed from one item.
        out["item"] = {"label": spec.items.label.to_json()}
        out["fields"] = [field_json(sub, k, req) for k, sub, req, _ in leaves(spec.items)]
    return out


Leaf = tuple[tuple[str, ...], Spec, bool, str]


def leaves(spec: Spec, keys: tuple[str, ...] = (), group: str | None = None) -> list[Leaf]:
    """Every field a form asks: (keys, spec, required, group), in declaration order."""
    out: list[Leaf] = []
    for key, sub in spec.fields.items():
        sub_keys = (*keys, key)
        sub_group = sub.group or group
        if not sub.form:
            continue
        if sub.kind == "object":
            out += leaves(sub, sub_keys, sub_group)
            continue
        if sub_group is None:
            raise ValueError(f"{'.'.join(sub_keys)}: no form group")
        out.append((sub_keys, sub, key in spec.required, sub_group))
    return out


def _section(group: Group, children: list[Group], fields: dict[str, list]) -> dict[str, Any]:
    out: dict[str, Any] = {"key": group.key, "legend": group.legend.to_json()}
    if group.hint is not None:
        out["hint"] = group.hint.to_json()
    if group.collapsible:
        out["collapsible"] = True
    if fields.get(group.key):
        out["fields"] = fields[group.key]
    if children:
        out["groups"] = [_sub_group(c, fields[c.key]) for c in children]
    return out


def _sub_group(group: Group, fields: list[dict[str, Any]]) -> dict[str, Any]:
    """A fieldset inside a section: its key (what a page names it by), legend, hint and fields."""
    out: dict[str, Any] = {"key": group.key, "legend": group.legend.to_json()}
    if group.hint is not None:
        out["hint"] = group.hint.to_json()
    out["fields"] = fields
    return out


MAIN_GROUP = "main"


def grouped(spec: Spec) -> Spec:
    """A spec that declares no form groups, as one: a fieldset with the spec's own label for its
    plain fields, and inside it one sub-fieldset per object field, with that object's label."""
    if spec.groups:
        return spec
    groups = [Group(MAIN_GROUP, spec.label)]
    fields: dict[str, Spec] = {}
    for key, sub in spec.fields.items():
        if sub.kind == "object" and sub.group is None:
            groups.append(Group(key, sub.label, parent=MAIN_GROUP))
            fields[key] = replace(sub, group=key)
        else:
            fields[key] = sub if sub.group is not None else replace(sub, group=MAIN_GROUP)
    return replace(spec, fields=fields, groups=tuple(groups))


def form_json(
    spec: Spec, page_fields: dict[str, Spec] | None = None, at: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """The form of an endpoint's input spec; ``page_fields`` are asked by the page only (not sent);
    ``at``: where the spec sits in its document (the fields' paths start there). A spec without form
    groups is drawn as one fieldset (``grouped``)."""
    spec = grouped(spec)
    fields: dict[str, list[dict[str, Any]]] = {g.key: [] for g in spec.groups}
    for keys, sub, required, group in leaves(spec, at):
        fields[group].append(field_json(sub, keys, required))
    for key, sub in (page_fields or {}).items():
        assert sub.group is not None
        fields[sub.group].append(field_json(sub, (key,), False, local=True))
    top = [g for g in spec.groups if g.parent is None]
    return [_section(g, [c for c in spec.groups if c.parent == g.key], fields) for g in top]


def labels(spec: Spec) -> dict[str, Any]:
    """Path -> label of every field the form shows (for the test that errors use the same words)."""
    return {".".join(keys): sub.label for keys, sub, _, _ in leaves(spec)}


def calculator_form() -> dict[str, Any]:
    """The home seeker's form: the document's sections (date, household, separation, amount), the
    form of one person, repeated for everyone who moves in (``household`` is the ``persons`` field),
    and the home's situation (the ``priority`` endpoint's ``situation``: stair, step, risk zone)."""
    from udlejning.household import PERSON, document_spec
    from udlejning.situation_api import situation_spec

    return {
        "sections": form_json(document_spec()),
        "person": form_json(PERSON),
        "situation": form_json(situation_spec(), at=("situation",)),
    }


def situation_labels() -> dict[str, Any]:
    """Path -> label of every field of the calculator's home situation (``priority``'s input)."""
    from udlejning.situation_api import situation_spec

    return {
        ".".join(keys): sub.label for keys, sub, _, _ in leaves(situation_spec(), ("situation",))
    }


def calculator_labels() -> dict[str, Any]:
    """Path -> label of every field of the calculator, person fields under ``household[0]``."""
    from udlejning.household import PERSON, document_spec

    out = {k: v for k, v in labels(document_spec()).items() if k != "household"}
    for keys, sub, _, _ in leaves(PERSON):
        out[".".join(("household[0]", *keys))] = sub.label
        if sub.items is not None and sub.items.kind == "object":
            for item_keys, item, _, _ in leaves(sub.items):
                out[".".join((f"household[0].{'.'.join(keys)}[0]", *item_keys))] = item.label
    return out


def tool_forms() -> dict[str, list[dict[str, Any]]]:
    """The form of every staff tool in the endpoint registry, by endpoint name."""
    from udlejning.endpoints import REGISTRY

    return {e.name: form_json(e.spec(), e.page_fields) for e in REGISTRY if e.tool}


def forms_module() -> str:
    """``forms.mjs``, written at build time (build_scripts/hooks.py): the forms as a JavaScript
    module, so a page draws its form before Python has loaded."""
    import json

    return (
        "// Generated from the udlejning package (udlejning.forms); do not edit.\n"
        f"export const FORMS = {json.dumps(tool_forms(), ensure_ascii=False, indent=1)};\n"
        f"export const READINGS = {json.dumps(reading_texts(), ensure_ascii=False, indent=1)};\n"
        f"export const CALCULATOR = {json.dumps(calculator_form(), ensure_ascii=False, indent=1)};\n"
    )


def reading_texts() -> dict[str, dict[str, Any]]:
    """Each reading (R-xx, ``ambiguities.toml``) as the tools show it beside an answer that rests
    on it: its title, the reading we follow and the other reading with what it would give."""
    from udlejning.readings import listed

    return {
        rid: {key: entry[key] for key in ("title", "reading", "alternative")}
        for rid, entry in listed().items()
    }
