"""MkDocs hooks (configured in mkdocs.yml).

* ``on_files``: serves the browser calculator (``calculator/web/``) at ``assets/calculator/`` and
  the self-hosted Pyodide runtime plus our wheel (prepared in ``build/pyodide/`` by
  ``build_scripts/build_site.py``) at ``assets/pyodide/``. Both live outside ``docs/`` so that
  mkdocs-static-i18n treats them as shared assets: one copy at the site root for all languages.
* ``on_files`` also writes ``build/calculator/options.mjs``: the choices of the calculator's
  select fields (values and Danish/English labels) taken from the rules package, so the form
  offers exactly what the package accepts and is usable before Python has loaded.
* ``on_files`` serves the package's JSON Schemas (``calculator/udlejning/schemas/``, the one
  committed copy, which the wheel ships) at ``regler/schemas/``, where the JSON page links them.
* ``on_files`` writes ``build/calculator/forms.mjs`` too: the staff tools' forms (labels, hints,
  options, when a field is asked), generated from the input specs (``udlejning.forms``).
* ``on_page_markdown``: hand-written pages may use macros (Jinja2, strict: an unknown name or
  section fails the build), so no figure or section link is typed by hand:
  ``{{ p("a1.min_hours_per_week") }}`` the parameter's latest value, formatted for the page's
  language (``p(name, "2024-06-01")`` the value on a date); ``{{ p_from(name) }}`` the date that
  value took effect; ``{{ ref("Bilag 4, IV.1 A.1") }}`` a link to where that section is covered
  (``docs/regler/afsnit.md``).
* ``on_post_page`` / ``on_post_template``: fills the Content Security Policy placeholder of
  ``overrides/main.html`` with the sha256 hashes of the page's inline scripts, so the policy
  needs no ``'unsafe-inline'`` for scripts.
* ``on_config`` / ``on_post_build``: the rules version (package version, a build id = the
  first 12 hex digits of the wheel's sha256, the build date) for the page footer
  (``config.extra.rules``), ``version.json`` (what the calculator polls to notice a new deploy),
  ``offline.json`` (what the service worker pre-caches, made from the files the build produced,
  whatever their names) and the build id stamped into ``sw.js`` (so a deploy installs a new
  service worker). See "Rules version and offline manifest" below.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# mkdocs loads this file by its path: its neighbours are importable once its folder is on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from runtime_assets import runtime_of_module  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WEB_DIR = ROOT / "calculator" / "web"
PYODIDE_BUILD_DIR = ROOT / "build" / "pyodide"
CALCULATOR_BUILD_DIR = ROOT / "build" / "calculator"
SCHEMA_SOURCE_DIR = ROOT / "calculator" / "udlejning" / "schemas"
SCHEMA_SITE_DIR = "regler/schemas"  # build_scripts/render_docs.py links the pages to it
WEB_SUFFIXES = {".mjs", ".js", ".css"}
CSP_PLACEHOLDER = "__CSP_SCRIPT_HASHES__"

_SCRIPT_RE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.I)
_TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_NON_EXECUTABLE_TYPES = {"application/json", "application/ld+json", "text/template"}


def _add_tree(files: Files, config: MkDocsConfig, source: Path, dest_prefix: str) -> None:
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        if source in (WEB_DIR, CALCULATOR_BUILD_DIR) and path.suffix not in WEB_SUFFIXES:
            continue
        if path in INLINED:
            continue  # put into the pages themselves, not served as a file
        uri = f"{dest_prefix}/{path.relative_to(source).as_posix()}"
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, abs_src_path=str(path)))


def schema_files() -> dict[str, Path]:
    """The JSON Schemas the site serves: site path -> the package's file."""
    return {
        f"{SCHEMA_SITE_DIR}/{path.name}": path
        for path in sorted(SCHEMA_SOURCE_DIR.glob("*.schema.json"))
    }


def _add_schemas(files: Files, config: MkDocsConfig) -> None:
    for uri, path in schema_files().items():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri}: the schemas come from {SCHEMA_SOURCE_DIR}, not docs/")
        files.append(File.generated(config, uri, abs_src_path=str(path)))


def options_module() -> str:
    """JavaScript module with the select options of the calculator form, from the package.

    Besides the choices (values with Danish/English labels) it exports the stairs and their steps
    (with the wheels' titles), the risk-zone criteria, and ``LIMITS``: the range of every number
    field and which dates may not lie after the takeover date, keyed by a generic path
    (``household[].age``), so the form's hints never type a figure by hand; and ``SECTIONS``:
    the anchor on ``regler/afsnit`` of every section the package cites, to link the sources.
    """
    try:
        from udlejning.catalogue import catalogue
        from udlejning.household import (
            COUNTRIES,
            EDUCATION_KINDS,
            EMPLOYMENT_KINDS,
            LAWS,
            PENSIONS,
            ROLES,
            document_spec,
        )
        from udlejning.situation_api import CHOICE, STAIR_OPTIONS
        from udlejning.stairs.bilag17_risk_zone import CRITERIA, CRITERION_TEXT
        from udlejning.wheels import STAIRS, all_wheels
    except ImportError as error:  # pragma: no cover - tells what to fix if the package moves
        raise PluginError(
            f"calculator options: cannot read them from udlejning: {error}"
        ) from error

    def options(choices: dict[str, Any]) -> str:
        items = [{"value": key, "da": text.da, "en": text.en} for key, text in choices.items()]
        return json.dumps(items, ensure_ascii=False, indent=2)

    wheels = all_wheels()
    stairs = [
        {
            "value": stair,
            "da": STAIR_OPTIONS[stair].da,
            "en": STAIR_OPTIONS[stair].en,
            "steps": [
                {"trin": trin, **wheels[(stair, trin)].title.to_json()} for trin in STAIRS[stair]
            ],
        }
        for stair in STAIRS
    ]
    limits: dict[str, dict[str, Any]] = {}

    def walk(spec: Any, path: str) -> None:
        if spec.kind == "object":
            for key, sub in spec.fields.items():
                walk(sub, f"{path}.{key}" if path else key)
        elif spec.kind == "array" and spec.items is not None:
            walk(spec.items, f"{path}[]")
        elif spec.kind in ("integer", "decimal"):
            limits[path] = {
                "kind": spec.kind,
                "min": None if spec.minimum is None else str(spec.minimum),
                "max": None if spec.maximum is None else str(spec.maximum),
            }
        elif spec.kind == "date" and spec.not_after_date:
            limits[path] = {"kind": "date", "not_after_date": True}

    walk(document_spec(), "")
    sections = {entry["section"]: entry["slug"] for entry in catalogue()["sections"]}
    # Issue 9.6: what the sources say about each value users may supply, written from its values.
    from udlejning.parameters import all_parameters
    from udlejning.texts import value_state

    value_states = {
        name: {lang: value_state(name, lang) for lang in ("da", "en")}
        for name, p in all_parameters().items()
        if p.user_may_supply
    }
    return (
        "// Generated by build_scripts/hooks.py from the udlejning package; do not edit.\n"
        f"export const EMPLOYMENT_KINDS = {options(EMPLOYMENT_KINDS)};\n"
        f"export const PENSIONS = {options(PENSIONS)};\n"
        f"export const ROLES = {options(ROLES)};\n"
        f"export const EDUCATION_KINDS = {options(EDUCATION_KINDS)};\n"
        f"export const LAWS = {options(LAWS)};\n"
        f"export const COUNTRIES = {options(COUNTRIES)};\n"
        f"export const RISK_ZONE = {options({c: CRITERION_TEXT[c] for c in CRITERIA})};\n"
        f"export const STAIRS = {json.dumps(stairs, ensure_ascii=False, indent=2)};\n"
        f"export const CHOICES = {options(CHOICE.options)};\n"
        f"export const LIMITS = {json.dumps(limits, ensure_ascii=False, indent=2)};\n"
        f"export const SECTIONS = {json.dumps(sections, ensure_ascii=False, indent=0)};\n"
        f"export const VALUE_STATE = {json.dumps(value_states, ensure_ascii=False, indent=2)};\n"
    )


def forms_module() -> str:
    """``forms.mjs``: the staff tools' forms, generated from the package's input specs."""
    from udlejning.forms import forms_module as generate

    return generate()


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not WEB_DIR.is_dir():
        raise PluginError(f"calculator sources missing: {WEB_DIR}")
    lockfile = CALCULATOR_BUILD_DIR / "runtime.mjs"
    if not lockfile.is_file() or not any(PYODIDE_BUILD_DIR.glob("pyodide-lock.*.json")):
        raise PluginError(
            f"{lockfile} is missing: build the site with `python build_scripts/build_site.py`, "
            "which prepares the Pyodide runtime and the udlejning wheel before running mkdocs."
        )
    _add_tree(files, config, WEB_DIR, "assets/calculator")
    _write_if_changed(CALCULATOR_BUILD_DIR / "options.mjs", options_module())
    _write_if_changed(CALCULATOR_BUILD_DIR / "forms.mjs", forms_module())
    _add_tree(files, config, CALCULATOR_BUILD_DIR, "assets/calculator")
    _add_tree(files, config, PYODIDE_BUILD_DIR, "assets/pyodide")
    _add_schemas(files, config)
    return files


def runtime_description() -> dict[str, Any]:
    """What ``build_scripts/runtime_assets.py`` wrote to ``runtime.mjs`` (the worker's runtime)."""
    return runtime_of_module((CALCULATOR_BUILD_DIR / "runtime.mjs").read_text(encoding="utf-8"))


def megabytes(count: int, lang: str) -> str:
    """Bytes in MB with one decimal, as the calculator's progress line writes them."""
    value = f"{count / 1e6:.1f}"
    return f"{value.replace('.', ',') if lang == 'da' else value} MB"


def page_language(page: Page) -> str:
    return "en" if page.file.src_uri.endswith(".en.md") else "da"


def macros(lang: str, src_uri: str) -> dict[str, Any]:
    """The functions a hand-written page can call, bound to its language and location."""
    from datetime import date

    from udlejning.catalogue import catalogue, section_slug, toc_entry
    from udlejning.parameters import all_parameters
    from udlejning.texts import day, format_parameter, value_state

    known = {entry["section"] for entry in catalogue()["sections"]}
    depth = src_uri.count("/")
    target = "../" * depth + ("regler/afsnit.en.md" if lang == "en" else "regler/afsnit.md")

    def _parameter(name: str):  # type: ignore[no-untyped-def]
        try:
            return all_parameters()[name]
        except KeyError as error:
            raise PluginError(f"{src_uri}: unknown parameter {name!r} in p()/p_from()") from error

    def _dated(name: str, on: str | None):  # type: ignore[no-untyped-def]
        parameter = _parameter(name)
        if on is None:
            return parameter.values[-1]
        value = parameter.at(date.fromisoformat(on))
        return type(parameter.values[0])(value.effective_from, value.value)

    def p(name: str, on: str | None = None) -> str:
        return format_parameter(_parameter(name).type, _dated(name, on).value, lang)

    def p_from(name: str, on: str | None = None) -> str:
        return day(_dated(name, on).start, lang)

    def ref(section: str) -> str:
        entry = toc_entry(section)
        if entry is None:
            raise PluginError(f"{src_uri}: ref({section!r}) is not a section of the agreement")
        slug = section_slug(section) if section in known else section_slug(entry)
        return f"[{section}]({target}#{slug})"

    def state(name: str) -> str:
        """What the sources say about a dated value, written from its values (issue 9.6)."""
        _parameter(name)
        return value_state(name, lang)

    def download_size() -> str:
        """What a first start of Python downloads, the total of the calculator's progress line."""
        return megabytes(int(runtime_description()["download_bytes"]), lang)

    return {"p": p, "p_from": p_from, "ref": ref, "state": state, "download_size": download_size}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "{{" not in markdown and "{%" not in markdown:
        return markdown
    import jinja2

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    try:
        template = env.from_string(markdown)
        from udlejning.texts import tidy

        return tidy(template.render(**macros(page_language(page), page.file.src_uri)))
    except jinja2.TemplateError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for every executable inline script in ``html``."""
    hashes: list[str] = []
    for match in _SCRIPT_RE.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        type_match = _TYPE_RE.search(attrs)
        if type_match and type_match.group(1).lower() in _NON_EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def _fill_csp(html: str) -> str:
    if CSP_PLACEHOLDER not in html:
        return html
    return html.replace(CSP_PLACEHOLDER, " ".join(inline_script_hashes(html)))


# Pages with the calculator or a staff tool run Python (build_scripts/site_search.py reads the
# same markers). Their <head> starts the rules worker at once, with an inline script
# (calculator/web/start-python.js), before the page's own scripts and content have loaded; the
# Content-Security-Policy allows it by its sha256 (_fill_csp).
PYTHON_PAGE_MARKERS = ('id="udlejning-beregner"', "data-staff-tool=")
_CSP_META_END_RE = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')
START_PYTHON = WEB_DIR / "start-python.js"
INLINED = {START_PYTHON}


def start_python_script(root: str) -> str:
    """The inline <script> that starts the rules worker, for a page ``root`` away from the site root."""
    source = START_PYTHON.read_text(encoding="utf-8")
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))
    return f"<script>{code.replace('@ROOT@', root)}</script>"


def start_python_early(output: str, page_url: str) -> str:
    if not any(marker in output for marker in PYTHON_PAGE_MARKERS):
        return output
    match = _CSP_META_END_RE.search(output)
    if match is None:
        raise PluginError(
            f"{page_url}: no Content-Security-Policy meta to put the Python start after"
        )
    tag = "\n  " + start_python_script("../" * page_url.count("/"))
    return output[: match.end()] + tag + output[match.end() :]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _fill_csp(start_python_early(output, page.url))


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _fill_csp(output_content)


# --- Rules version and offline manifest ---------------------------------------------------------

BUILD_DIR = ROOT / "build"
SW_BUILD_RE = re.compile(r'^const BUILD = "[^"]*";$', re.M)
# Files Pyodide loads that are this big are kept out of the pre-cache: the calculator's first
# visit downloads them anyway and hands them to the service worker, which keeps them in a
# cache of their own; online they go through the HTTP cache (so V8 keeps their compiled code).
RUNTIME_MIN_BYTES = 1 << 20
_NOT_PRECACHED_SUFFIXES = (".map", ".gz", ".br")
_NOT_PRECACHED_NAMES = {"sw.js", "version.json", "offline.json", "sitemap.xml", "404.html"}


def _sha256_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _one_wheel(directory: Path) -> Path:
    wheels = sorted(p for p in directory.rglob("udlejning-*.whl") if p.is_file())
    if len(wheels) != 1:
        raise PluginError(f"expected one udlejning wheel under {directory}, found {wheels}")
    return wheels[0]


def _build_date() -> str:
    """Today (UTC), or the date of ``SOURCE_DATE_EPOCH`` when the caller sets it."""
    import os
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.date().isoformat()


def rules_version(wheel: Path) -> dict[str, str]:
    """Package version, build id (sha256 of the wheel, 12 hex digits) and date, with labels."""
    from datetime import date

    from udlejning import __version__
    from udlejning.texts import day

    sha = _sha256_file(wheel)
    built = _build_date()
    labels = {
        lang: f"{word} {__version__} · build {sha[:12]} · {day(date.fromisoformat(built), lang)}"
        for lang, word in (("da", "Regler: version"), ("en", "Rules: version"))
    }
    return {"version": __version__, "build": sha[:12], "wheel_sha256": sha, "date": built,
            "label_da": labels["da"], "label_en": labels["en"]}  # fmt: skip


def _search_languages(site: Path) -> list[str]:
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return []
    return list(json.loads(index.read_text(encoding="utf-8"))["config"].get("lang", []))


def _wanted_lunr_file(rel: str, langs: list[str]) -> bool:
    """mkdocs-material ships lunr files for every language: keep the ones the search uses."""
    name = rel.rsplit("/", 1)[-1]
    wanted = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}
    wanted |= {f"lunr.{lang}.min.js" for lang in langs if lang != "en"}
    if "ja" in langs:
        wanted.add("tinyseg.js")
    if {"hi", "th"} & set(langs):
        wanted.add("wordcut.js")
    return name in wanted


def offline_manifest(site: Path, rules: dict[str, str]) -> dict[str, Any]:
    """What the service worker keeps: every page (by its URL) and asset of the built site."""
    wasm = sorted(site.rglob("*.wasm"))
    runtime_dir = wasm[0].parent if wasm else None
    langs = _search_languages(site)
    precache: list[str] = []
    runtime: list[str] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if path.name in _NOT_PRECACHED_NAMES or path.name.endswith(_NOT_PRECACHED_SUFFIXES):
            continue
        if "/lunr/" in f"/{rel}" and not _wanted_lunr_file(rel, langs):
            continue
        if path.parent == runtime_dir and path.stat().st_size >= RUNTIME_MIN_BYTES:
            runtime.append(rel)
        elif path.name == "index.html":
            precache.append(rel[: -len("index.html")])
        else:
            precache.append(rel)
    return {"build": rules["build"], "version": rules["version"], "precache": precache,
            "runtime": runtime, "fallback": {"da": "offline/", "en": "en/offline/"}}  # fmt: skip


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.extra["rules"] = rules_version(_one_wheel(BUILD_DIR / "pyodide"))
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    rules = rules_version(_one_wheel(site))
    if rules["wheel_sha256"] != config.extra["rules"]["wheel_sha256"]:
        raise PluginError("the wheel in the site is not the one the pages were built with")
    keys = ("version", "build", "wheel_sha256", "date")
    (site / "version.json").write_text(json.dumps({k: rules[k] for k in keys}), encoding="utf-8")
    manifest = offline_manifest(site, rules)
    (site / "offline.json").write_text(json.dumps(manifest, indent=0), encoding="utf-8")
    sw = site / "sw.js"
    text, count = SW_BUILD_RE.subn(f'const BUILD = "{rules["build"]}";', sw.read_text("utf-8"))
    if count != 1:
        raise PluginError('docs/sw.js must have one line `const BUILD = "dev";`')
    sw.write_text(text, encoding="utf-8")


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    server.watch(str(WEB_DIR))
    server.watch(str(SCHEMA_SOURCE_DIR))
    return server
