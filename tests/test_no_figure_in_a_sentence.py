"""Issue 9.5: no figure in a sentence. A bilingual text literal (``Text(...)``/``T(...)`` with string or
f-string parts) may not contain a digit, or a Danish/English number word, equal to a value of a
parameter its module reads: such a figure must come from the parameter, so changing the parameter
file changes the sentence too."""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

from udlejning.parameters import all_parameters

PACKAGE = Path(__file__).resolve().parent.parent / "calculator" / "udlejning"
WORDS = {
    # Number words per language. «en/et/one» are left out: they are articles far more often.
    "da": {"én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8,
           "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "atten": 18, "fireogtyve": 24},
    "en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24},
}  # fmt: skip
TOKEN = re.compile(r"(?<![\w.,])(\d+(?:,\d+)?|[^\W\d_]+(?:-[^\W\d_]+)?)(?![\w])")
# Section names are references, not figures: «Bilag 14», «afsnit 6.1.5», «figur 5», «R-40», «§ 141».
REFERENCE = re.compile(r"(Bilag|figur|figure|afsnit|section|trin|step|nr\.|§|R-)\s*[\d.]+", re.I)


def _values(name: str) -> set[Decimal]:
    out: set[Decimal] = set()
    for dated in all_parameters()[name].values:
        value = dated.value
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, int | Decimal):
                out.add(Decimal(item))
    return out


def _literal_parts(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        ]
    if isinstance(node, ast.BinOp):
        return _literal_parts(node.left) + _literal_parts(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_parts(node.body) + _literal_parts(node.orelse)
    return []


def _figures(text: str, lang: str) -> set[Decimal]:
    found: set[Decimal] = set()
    for token in TOKEN.findall(REFERENCE.sub("", text)):
        if token[0].isdigit():
            found.add(Decimal(token.replace(",", ".")))
        elif token.lower() in WORDS[lang]:
            found.add(Decimal(WORDS[lang][token.lower()]))
    return found


def _bilingual_helpers(trees: list[ast.Module]) -> dict[str, set[tuple[int, int]]]:
    """Functions that build a ``T(da, en)`` from two of their own parameters (``field(kind, da,
    en)``, ``_said(status, da, en)``, …): their calls carry sentences too, at those positions."""
    helpers: dict[str, set[tuple[int, int]]] = {"Text": {(0, 1)}, "T": {(0, 1)}}
    for tree in trees:
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            params = [a.arg for a in fn.args.args]
            for call in ast.walk(fn):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in {"Text", "T"}
                    and len(call.args) == 2
                    and all(isinstance(a, ast.Name) and a.id in params for a in call.args)
                ):
                    da, en = (params.index(a.id) for a in call.args if isinstance(a, ast.Name))
                    helpers.setdefault(fn.name, set()).add((da, en))
    return helpers


def violations() -> list[str]:
    names = set(all_parameters())
    out: list[str] = []
    paths = sorted(PACKAGE.rglob("*.py"))
    helpers = _bilingual_helpers([ast.parse(p.read_text(encoding="utf-8")) for p in paths])
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        read = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value in names}
        values: dict[Decimal, str] = {}
        for name in sorted(read):
            for value in _values(str(name)):
                values.setdefault(value, str(name))
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                continue
            positions = helpers.get(call.func.id, set())
            sentences = [
                (lang, call.args[i])
                for da, en in positions
                if max(da, en) < len(call.args)
                for lang, i in (("da", da), ("en", en))
            ]
            for lang, arg in sentences:
                for part in _literal_parts(arg):
                    for figure in _figures(part, lang) & set(values):
                        rel = path.relative_to(PACKAGE)
                        out.append(f"{rel}:{call.lineno}: {figure} ({values[figure]}) in {part!r}")
    return out


def test_no_text_types_a_figure_its_module_reads_from_a_parameter() -> None:
    found = violations()
    assert not found, "\n".join(found)


def test_the_check_reads_the_bilingual_helpers() -> None:
    tree = ast.parse("def field(kind, da, en, **kw):\n    return Spec(kind, T(da, en), **kw)\n")
    assert _bilingual_helpers([tree])["field"] == {(1, 2)}


def test_the_check_finds_a_typed_figure() -> None:
    assert _figures("inden for fem hverdage", "da") == {Decimal(5)}
    assert _figures("mindst 25 timer; 24,5 timer (Bilag 14)", "da") == {
        Decimal(25),
        Decimal("24.5"),
    }
    assert _figures("en bolig, 2/9", "da") == {Decimal(2), Decimal(9)}
    assert _figures("one home, up to the day, five days", "en") == {Decimal(5)}
