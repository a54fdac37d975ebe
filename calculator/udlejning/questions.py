"""Which questions the home seeker's form asks, evaluated in Python from the same declarations the
browser evaluates (``When`` on each field of ``udlejning.household``): a person is asked a question
only when their role and age allow it, the answers it depends on hold, and, for a ``needed`` field,
while the rules still name it as missing (or it is answered). ``calculator/web/form.mjs`` (``holds``)
does the same with the last answer's ``missing`` list, so a test here says what a user is asked.
"""

from __future__ import annotations

import copy
from typing import Any

from udlejning.forms import leaves
from udlejning.inputspec import Spec, When

ROLE_SHOWN_FROM = 1  # the applicant's role is fixed (person 1 is the applicant); others choose


def _value(doc: dict[str, Any], keys: tuple[str, ...]) -> str:
    """A field's value as the form holds it: text, with booleans as "yes"/"no", "" when not given."""
    node: Any = doc
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return ""
        node = node[key]
    if isinstance(node, bool):
        return "yes" if node else "no"
    if isinstance(node, list):
        return "yes" if node else "no"  # convictions: a list given (empty = none)
    return "" if node is None else str(node)


def holds(
    when: When | None,
    values: dict[str, str],
    *,
    role: str | None = None,
    age: int | None = None,
    missing: frozenset[str] = frozenset(),
    path: str = "",
) -> bool:
    """Does ``when`` hold? ``values``: the visible fields' values by path; ``missing``: the paths the
    rules still miss (relative like ``path``)."""
    if when is None:
        return True
    if when.field is not None:
        value = values.get(when.field, "")
        if when.one_of and value not in when.one_of:
            return False
        if value in when.none_of:
            return False
    if when.roles and role not in when.roles:
        return False
    if when.age_from is not None and (age is None or age < when.age_from):
        return False
    if when.age_below is not None and (age is None or age >= when.age_below):
        return False
    if when.needed and path not in missing and values.get(path, "") == "":
        return False
    return all(
        holds(part, values, role=role, age=age, missing=missing, path=path) for part in when.all_of
    )


def implied(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the form sends it: what an answer implies (``Spec.implies``) filled in."""
    from udlejning.household import PERSON

    out = copy.deepcopy(document)
    for person in out.get("household") or []:
        if not isinstance(person, dict):
            continue
        for keys, spec, _, _ in leaves(PERSON):
            chosen = _value(person, keys)
            for target, value in spec.implies.get(chosen, {}).items():
                node = person
                parts = target.split(".")
                for part in parts[:-1]:
                    node = node.setdefault(part, {})
                node.setdefault(parts[-1], value)
    return out


def _asked(
    spec: Spec, doc: dict[str, Any], missing: frozenset[str], role: str | None, age: int | None
) -> list[str]:
    values: dict[str, str] = {}
    out: list[str] = []
    implied_away: set[str] = set()
    for keys, sub, _, _ in leaves(spec):
        path = ".".join(keys)
        value = _value(doc, keys)
        values[path] = value
        if path in implied_away:
            continue
        if holds(sub.show, values, role=role, age=age, missing=missing, path=path):
            out.append(path)
            implied_away.update(sub.implies.get(value, {}))
        else:
            values[path] = ""  # a hidden field's answer is not used (nor sent)
    return out


def asked(document: dict[str, Any]) -> dict[str, Any]:
    """The questions the form asks for this document: ``document`` (date, separation, amount) and
    ``persons`` (one list of paths per person, relative to the person), after the rules' answer."""
    from udlejning.api import evaluate
    from udlejning.household import PERSON, document_spec

    doc = implied(document)
    answer = evaluate(doc)
    missing = {m["path"] for c in answer.get("criteria", []) for m in c.get("missing", [])}
    top = _asked(document_spec(), doc, frozenset(missing), None, None)
    persons = []
    for index, person in enumerate(doc.get("household") or []):
        prefix = f"household[{index}]."
        own = frozenset(p[len(prefix) :] for p in missing if p.startswith(prefix))
        age = person.get("age") if isinstance(person.get("age"), int) else None
        paths = _asked(PERSON, person, own, person.get("role"), age)
        if index < ROLE_SHOWN_FROM:
            paths = [p for p in paths if p != "role"]
        persons.append(paths)
    return {"document": [p for p in top if p != "household"], "persons": persons}
