"""The generated pages (docs/regler/*.md, the glossary) match a
fresh render, and every reference page is generated in both languages and is in the navigation."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import jinja2
import pytest

ROOT = Path(__file__).resolve().parent.parent
RENDER = ROOT / "build_scripts" / "render_docs.py"


def _load_render_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_docs", RENDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_pages_match_a_fresh_render() -> None:
    result = subprocess.run(
        [sys.executable, str(RENDER), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_criterion_is_on_the_generated_pages() -> None:
    render_docs = _load_render_docs()
    catalogue = render_docs.load_catalogue()
    assert catalogue["criteria"], "the catalogue lists no criteria"
    for path, text in render_docs.render_all(catalogue).items():
        if not path.name.startswith("kriterier"):
            continue
        lang = "en" if path.name.endswith(".en.md") else "da"
        for criterion in catalogue["criteria"]:
            assert f"{{ #{render_docs.anchor(criterion['id'])} }}" in text, (path, criterion["id"])
            assert render_docs.md_escape(criterion["title"][lang]) in text, (path, criterion["id"])
            for reference in criterion["references"]:
                assert render_docs.md_escape(reference) in text, (path, reference)


def test_missing_catalogue_value_fails_the_render() -> None:
    render_docs = _load_render_docs()
    catalogue = render_docs.load_catalogue()
    broken = {**catalogue, "criteria": [dict(c) for c in catalogue["criteria"]]}
    del broken["criteria"][0]["summary"]
    with pytest.raises(jinja2.UndefinedError):
        render_docs.render_all(broken)


REFERENCE_PAGES = (
    "kriterier",
    "udlejningshjul",
    "placering",
    "parametre",
    "tvivl",
    "json",
    "afsnit",
)


def test_every_reference_page_is_generated_in_both_languages_and_in_the_nav() -> None:
    """…and the schemas are not copied into docs/: the site serves the package's files
    (build_scripts/hooks.py; tests/test_docs_reference.py checks the JSON page links each)."""
    render_docs = _load_render_docs()
    generated = {path.relative_to(ROOT / "docs").as_posix() for path in render_docs.render_all()}
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in REFERENCE_PAGES:
        assert {f"regler/{name}.md", f"regler/{name}.en.md"} <= generated, name
        assert f": regler/{name}.md\n" in nav, f"regler/{name}.md is not in the nav of mkdocs.yml"
    assert not [path for path in generated if path.startswith("regler/schemas/")]
