"""Render the generated reference pages of the documentation from the rules package.

Every page under ``docs/regler/`` listed in ``PAGES`` is rendered with Jinja2 (``StrictUndefined``:
a missing value or label fails instead of printing nothing) from ``udlejning.catalogue.catalogue()``
and the package's own functions, once in Danish (``page.md``) and once in English
(``page.en.md``) from the same template; the words around the data come from
``templates/labels.toml``. No figure is typed in a template: values, dates, shares and references
all come from the package at render time. The JSON pages link the package's JSON Schemas at
``regler/schemas/``: the mkdocs hooks (``build_scripts/hooks.py``) serve the package's own files
(``calculator/udlejning/schemas/``) there, so they are committed once.

The rendered files are committed; ``--check`` fails when they differ from what a fresh render gives
(tests/test_docs_generated.py runs it).

Usage: ``python build_scripts/render_docs.py [--check]``
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import json
import os
import posixpath
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import jinja2

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
DOCS = ROOT / "docs"
LANGS = ("da", "en")

# Reference pages: (template, page name under docs/regler/). Each is rendered in both languages.
PAGE_NAMES: list[tuple[str, str]] = [
    ("kriterier.md.j2", "kriterier"),
    ("udlejningshjul.md.j2", "udlejningshjul"),
    ("placering.md.j2", "placering"),
    ("parametre.md.j2", "parametre"),
    ("tvivl.md.j2", "tvivl"),
    ("json.md.j2", "json"),
    ("afsnit.md.j2", "afsnit"),
]


def page_file(name: str, lang: str) -> str:
    """The Markdown file of a reference page in a language: ``kriterier.md`` / ``kriterier.en.md``."""
    return f"{name}.md" if lang == "da" else f"{name}.{lang}.md"


# (template, output path relative to docs/, language): the reference pages, then other generated
# pages (a template there gets the same context; ``t.generated`` is the "do not edit" line).
PAGES: list[tuple[str, str, str]] = [
    (template, f"regler/{page_file(name, lang)}", lang)
    for template, name in PAGE_NAMES
    for lang in LANGS
]
PAGES += [
    ("ordliste.md.j2", "ordliste.md", "da"),
    ("ordliste.md.j2", "ordliste.en.md", "en"),
]
SCHEMA_DIR = "regler/schemas"  # where build_scripts/hooks.py serves the package's schema files

# Groups of the parameters page, by the first part of a parameter's name. A parameter whose prefix
# is in no group lands in "other", so a new parameter is never left off the page.
PARAMETER_GROUPS: list[tuple[str, tuple[str, ...]]] = [
    ("almindelige", ("a", "a1", "a2", "b1", "c1")),
    ("skaerpede", ("skaerpede",)),
    ("graenser", ("udsat", "forebyggelse", "riskzone")),
    ("trapper", ("stairs", "omraade")),
    ("frister", ("deadline",)),
    ("nybyggeri", ("newbuild",)),
    ("handicap", ("adapted_home",)),
    ("other", ()),
]

# An input with mistakes, to show the error shape every endpoint shares.
ERROR_EXAMPLE: tuple[str, dict[str, Any]] = (
    "wheel",
    {"date": "2026-02-30", "stair": "afdelingstrappe", "trin": 7},
)

_MD_SPECIAL = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "#": "\\#",
    "|": "\\|",
    "<": "&lt;",
    ">": "&gt;",
    "&": "&amp;",
}


def md_escape(value: object) -> str:
    """Escape text so Markdown shows it literally (catalogue text is data, not markup)."""
    text = str(value)
    return "".join(_MD_SPECIAL.get(char, char) for char in " ".join(text.split()))


def anchor(value: object) -> str:
    """A stable lower-case HTML id, e.g. ``A1`` -> ``a1``, ``a1.min_hours_per_week`` ->
    ``a1-min-hours-per-week``."""
    return "".join(ch if ch.isalnum() else "-" for ch in str(value).lower()).strip("-")


def fill(template: str, **values: object) -> str:
    """A label with ``{name}`` placeholders filled in (values come from the package)."""
    return template.format(**values)


def load_labels() -> dict[str, Any]:
    """``templates/labels.toml``: the words of the pages; Danish and English must have the same keys."""
    labels = tomllib.loads((TEMPLATES / "labels.toml").read_text(encoding="utf-8"))

    def keys(tree: dict[str, Any], prefix: str = "") -> set[str]:
        out: set[str] = set()
        for key, value in tree.items():
            out.add(prefix + key)
            if isinstance(value, dict):
                out |= keys(value, f"{prefix}{key}.")
        return out

    if set(labels) != set(LANGS):
        raise ValueError(f"labels.toml needs exactly the languages {LANGS}")
    da, en = keys(labels["da"]), keys(labels["en"])
    if da != en:
        raise ValueError(
            f"labels.toml: keys only in da {sorted(da - en)}, only in en {sorted(en - da)}"
        )
    return labels


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["anchor"] = anchor
    env.filters["fill"] = fill
    env.filters["lcfirst"] = lambda text: str(text)[:1].lower() + str(text)[1:]
    env.filters["tojson_pretty"] = lambda value: json.dumps(value, ensure_ascii=False, indent=2)
    return env


def load_catalogue() -> dict[str, Any]:
    from udlejning.catalogue import catalogue

    return catalogue()


# --- Helpers the templates call, bound to a page's language -------------------------------------


class PageHelpers:
    """Functions a template calls: references as links, formatted parameter values and dates."""

    def __init__(
        self, data: dict[str, Any], lang: str, rel_path: str, labels: dict[str, Any]
    ) -> None:
        from udlejning.catalogue import section_slug, split_references, toc_entry
        from udlejning.parameters import add_months, agreement, all_parameters

        self.data = data
        self.lang = lang
        self.rel_path = rel_path
        self.t = labels
        self._slug = section_slug
        self._split = split_references
        self._toc = toc_entry
        self._add_months = add_months
        self.parameters = all_parameters()
        self.agreement = agreement()
        self.known_sections = {entry["section"] for entry in data["sections"]}

    # Links between the reference pages ----------------------------------------------------------
    def href(self, page: str, fragment: str = "") -> str:
        """A link from this page to the reference page ``page`` (a name in PAGE_NAMES),
        optionally to an anchor; relative, so mkdocs checks it and maps it to the built URL."""
        path = f"regler/{page_file(page, self.lang)}"
        if path == self.rel_path:
            target = ""
        else:
            target = posixpath.relpath(path, posixpath.dirname(self.rel_path) or ".")
        return f"{target}#{fragment}" if fragment else (target or "#")

    def doc_href(self, path: str) -> str:
        """A relative link from this page to the docs page ``path`` ("velfaerd/anvisning") in the
        page's language."""
        target = f"{path}.md" if self.lang == "da" else f"{path}.{self.lang}.md"
        return posixpath.relpath(target, posixpath.dirname(self.rel_path) or ".")

    def section_anchor(self, section: str) -> str:
        """The anchor on the coverage page for a cited section, or for its afsnit/Bilag."""
        if section in self.known_sections:
            return self._slug(section)
        entry = self._toc(section)
        if entry is None:
            raise ValueError(f"{section!r} is not a section of the agreement")
        return self._slug(entry)

    def refs(self, text: str) -> str:
        """``"Bilag 4, IV.1 A.1; afsnit 5.2.3 (note)"`` as Markdown links to the coverage page."""
        links = []
        for part in str(text).split(";"):
            part = part.strip()
            if not part:
                continue
            sections = self._split(part)
            if not sections:
                raise ValueError(f"reference without a section: {part!r}")
            links.append(
                f"[{md_escape(part)}]({self.href('afsnit', self.section_anchor(sections[0]))})"
            )
        return "; ".join(links)

    def refs_except(self, text: str, common: str) -> str:
        """Like ``refs`` but without the parts that are also in ``common`` (shown once elsewhere)."""
        skip = {part.strip() for part in common.split(";")}
        rest = [part.strip() for part in text.split(";") if part.strip() not in skip]
        return self.refs("; ".join(rest)) if rest else ""

    def reading(self, rid: str) -> str:
        """A link to an ambiguity (R-xx) on the page of readings."""
        ids = {a["id"] for a in self.data["ambiguities"]}
        if rid not in ids:
            raise ValueError(f"unknown reading {rid!r}")
        return f"[{rid}]({self.href('tvivl', anchor(rid))})"

    def readings_for(self, text: str) -> str:
        """ "Open questions: R-xx, ..." for the ambiguities whose sources cite a section ``text``
        cites; empty when there are none."""
        cited = set(self._split(text))
        ids = [
            str(a["id"])
            for a in self.data["ambiguities"]
            if cited & {s for source in a["sources"] for s in self._split(source)}
        ]
        if not ids:
            return ""
        links = ", ".join(self.reading(rid) for rid in ids)
        return f"**{self.t['common']['readings']}:** {links}"

    def param_link(self, name: str) -> str:
        if name not in self.parameters:
            raise ValueError(f"unknown parameter {name!r}")
        return f"[`{name}`]({self.href('parametre', anchor(name))})"

    # Values ------------------------------------------------------------------------------------
    def day(self, value: str | date) -> str:
        from udlejning.texts import day

        return day(date.fromisoformat(value) if isinstance(value, str) else value, self.lang)

    def number(self, value: object) -> str:
        from decimal import Decimal

        from udlejning.texts import number

        return number(Decimal(str(value)), self.lang)

    def p(self, name: str) -> str:
        """A parameter's latest value, formatted for the page language."""
        from udlejning.texts import format_parameter

        parameter = self.parameters[name]
        return format_parameter(parameter.type, parameter.values[-1].value, self.lang)

    def p_from(self, name: str) -> str:
        return self.day(self.parameters[name].values[-1].start)

    def unit(self, name: str) -> str:
        return str(self.t["units"][self.parameters[name].unit])

    def value_rows(self, name: str) -> list[dict[str, Any]]:
        """Each dated value of a parameter: the value, the day it took effect and its status."""
        from udlejning.texts import format_parameter

        parameter = self.parameters[name]
        after = self.data["known_for_readings"].get(name)
        t = self.t["status"]
        rows = []
        for i, dated in enumerate(parameter.values):
            later = parameter.values[i + 1] if i + 1 < len(parameter.values) else None
            current = later is None
            if later is not None:
                status = fill(
                    t["superseded"],
                    date=self.day(later.start),
                    value=format_parameter(parameter.type, later.value, self.lang),
                )
            elif parameter.known_for_months is not None:
                known_until = self._add_months(dated.start, parameter.known_for_months)
                last_known = date.fromordinal(known_until.toordinal() - 1)
                key = (
                    "unknown_in_period"
                    if known_until <= self.agreement.first_day
                    else "known_until"
                )
                status = fill(t[key], last=self.day(last_known), months=parameter.known_for_months)
                current = False
                if after is not None:
                    status += " " + fill(t["see"], readings=self.reading(after))
                if parameter.user_may_supply:
                    status += " " + str(t["user_may_supply"])
            else:
                status = str(t["in_force"])
            rows.append(
                {
                    "value": format_parameter(parameter.type, dated.value, self.lang),
                    "from": self.day(dated.start),
                    "status": status,
                    "current": current,
                }
            )
        return rows

    def share(self, value: str) -> str:
        """A share as the package writes it ("3/9"); "0/9" reads as 0."""
        return "0" if value.split("/")[0] == "0" else value

    def parameters_in_group(self, group: str) -> list[str]:
        prefixes = dict(PARAMETER_GROUPS)
        grouped = {prefix for members in prefixes.values() for prefix in members}
        out = []
        for name in self.parameters:
            prefix = name.split(".")[0]
            if prefix in prefixes[group] or (group == "other" and prefix not in grouped):
                out.append(name)
        return out

    def criteria_parameters(self) -> list[str]:
        """Parameters citing a section that a criterion cites (the criteria's own figures)."""
        cited = set()
        for criterion in self.data["criteria"]:
            refs = list(criterion["references"]) + [
                i["reference"] for i in criterion["interpretations"]
            ]
            for ref in refs:
                cited.update(self._split(ref))
        return [
            name
            for name, parameter in self.parameters.items()
            if cited & set(self._split(parameter.reference))
        ]

    def context(self) -> dict[str, Any]:
        return {
            "href": self.href,
            "doc_href": self.doc_href,
            "refs": self.refs,
            "refs_except": self.refs_except,
            "reading": self.reading,
            "readings_for": self.readings_for,
            "param_link": self.param_link,
            "day": self.day,
            "number": self.number,
            "p": self.p,
            "p_from": self.p_from,
            "unit": self.unit,
            "value_rows": self.value_rows,
            "share": self.share,
            "parameters_in_group": self.parameters_in_group,
            "parameter_groups": [group for group, _ in PARAMETER_GROUPS],
            "criteria_parameters": self.criteria_parameters,
            "parameters": self.parameters,
            "agreement": self.agreement,
        }


# --- The JSON page: endpoints, CLI help, examples run at render time ---------------------------


def cli_help(args: list[str]) -> str:
    """``python -m udlejning <args> --help`` as printed (80 columns, so it does not depend on the
    terminal that renders)."""
    from udlejning import cli

    buffer = io.StringIO()
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "80"
    try:
        with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
            cli.main([*args, "--help"])
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    return buffer.getvalue().rstrip()


def schema_names() -> list[str]:
    """Every JSON Schema of the package, by name (the site serves them at ``SCHEMA_DIR``)."""
    from udlejning.schemas import SCHEMAS

    return sorted(SCHEMAS)


def cli_exit_code(args: list[str], document: object) -> int:
    """The exit code of ``python -m udlejning <args>`` with ``document`` as JSON on stdin."""
    from udlejning import cli

    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(document).encode("utf-8")), encoding="utf-8")
    old_stdin = sys.stdin
    sys.stdin = stdin
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return cli.main(args)
    finally:
        sys.stdin = old_stdin


def cli_commands() -> list[str]:
    """The subcommands of ``python -m udlejning``, as its help text lists them."""
    usage = cli_help([])
    choices = usage[usage.index("{") + 1 : usage.index("}")]
    return choices.split(",")


def json_interface() -> dict[str, Any]:
    """Endpoints (the registry ``udlejning.endpoints.REGISTRY``, plus ``catalogue``), their schemas,
    command-line names, and example inputs with the outputs the package gives for them.

    An endpoint is named ``new_build`` in the registry and ``new-build`` on the command line and in
    its schemas' names; both are one endpoint here (``key``: the hyphenated name)."""
    from udlejning.endpoints import REGISTRY, call_json

    names = schema_names()
    commands = set(cli_commands())
    endpoints = []
    for e in REGISTRY:
        output = json.loads(call_json(e.name, json.dumps(e.example)))
        # An example that gives errors is shown as it is (the answer is still the package's);
        # tests/test_docs_reference.py fails on it, so it is not committed unnoticed.
        doc = (e.call.__doc__ or "").strip().splitlines()
        endpoints.append(
            {
                "key": e.name.replace("_", "-"),
                "name": e.name,
                "in_worker": True,
                "cli_name": e.cli if e.cli in commands else None,
                "doc": doc[0] if doc else "",
                "input_schema": e.input_schema if e.input_schema in names else None,
                "output_schema": e.output_schema if e.output_schema in names else None,
                "example": e.example,
                "output": output,
            }
        )
    endpoints.append(
        {
            "key": "catalogue",
            "name": "catalogue",
            "in_worker": True,
            "cli_name": "catalogue",
            "doc": "",
            "input_schema": None,
            "output_schema": None,
            "example": None,
            "output": None,
        }
    )
    from udlejning.endpoints import BY_NAME

    error_name, error_doc = ERROR_EXAMPLE
    error_output = json.loads(call_json(error_name, json.dumps(error_doc)))
    if error_output.get("ok") is not False:
        raise ValueError("the error example no longer gives errors")
    catalogue_keys = list(json.loads(call_json("catalogue", "")))
    return {
        "endpoints": endpoints,
        "schemas": names,
        "cli_commands": cli_commands(),
        "cli_help": cli_help([]),
        "cli_schema_help": cli_help(["schema"]),
        "error": {"name": error_name, "example": error_doc, "output": error_output},
        "exit_codes": {
            "ok": cli_exit_code([error_name], BY_NAME[error_name].example),
            "bad": cli_exit_code([error_name], error_doc),
        },
        "catalogue_keys": catalogue_keys,
    }


# --- Rendering -----------------------------------------------------------------------------------


def render_all(catalogue: dict[str, Any] | None = None) -> dict[Path, str]:
    """Return {output path: rendered text} for every generated page."""
    data = load_catalogue() if catalogue is None else catalogue
    groups = {criterion["group"] for criterion in data["criteria"]}
    unknown = groups - {"almindelige", "skaerpede"}
    if unknown:
        raise ValueError(f"criteria in unknown groups (add them to the template): {unknown}")
    labels = load_labels()
    interface = json_interface()
    if str(ROOT / "build_scripts") not in sys.path:  # also when loaded by file (the tests)
        sys.path.insert(0, str(ROOT / "build_scripts"))
    from staff_tool_pages import tools_by_entry

    staff_tools = tools_by_entry()
    env = environment()
    out: dict[Path, str] = {}
    for template_name, rel_path, lang in PAGES:
        template = env.get_template(template_name)
        helpers = PageHelpers(data, lang, rel_path, labels[lang])
        schema_dir = posixpath.relpath(SCHEMA_DIR, posixpath.dirname(rel_path) or ".")
        text = template.render(
            catalogue=data,
            lang=lang,
            da=lang == "da",
            t=labels[lang],
            interface=interface,
            schema_dir=schema_dir,
            staff_tools=staff_tools,
            **helpers.context(),
        )
        from udlejning.texts import tidy

        out[DOCS / rel_path] = tidy(text).rstrip("\n") + "\n"  # one full stop after «kr.»
    return out


def check(rendered: dict[Path, str]) -> list[str]:
    """Unified diffs for every generated file that differs from the file on disk, and stale files."""
    problems: list[str] = []
    for path, text in rendered.items():
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            rel = path.relative_to(ROOT).as_posix()
            diff = difflib.unified_diff(
                current.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"{rel} (committed)",
                tofile=f"{rel} (rendered)",
            )
            problems.append("".join(diff) or f"{rel}: differs\n")
    for path in stale(rendered):
        problems.append(f"{path.relative_to(ROOT).as_posix()}: no longer generated (remove it)\n")
    return problems


def stale(rendered: dict[Path, str]) -> list[Path]:
    """Copies of schema files in docs/regler/schemas/: the site serves the package's own."""
    folder = DOCS / SCHEMA_DIR
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.glob("*.schema.json") if path not in rendered)


def write(rendered: dict[Path, str]) -> list[Path]:
    changed: list[Path] = []
    for path, text in rendered.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    for path in stale(rendered):
        path.unlink()
        changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed pages are not up to date"
    )
    args = parser.parse_args(argv)
    rendered = render_all()
    if args.check:
        problems = check(rendered)
        for problem in problems:
            sys.stdout.write(problem)
        if problems:
            print("generated pages are out of date: run python build_scripts/render_docs.py")
            return 1
        print(f"{len(rendered)} generated files up to date")
        return 0
    for path in write(rendered):
        print(f"wrote {path.relative_to(ROOT).as_posix()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
