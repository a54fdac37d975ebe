"""The staff reference pages (docs/regler/) show what the rules package holds, and nothing typed.

Each test changes the package's data (a parameter, a wheel position, a limit) with monkeypatch,
renders the pages again and checks that the page text moved with it. Other tests check that every
reference is a link to an anchor that exists, that the JSON page shows the package's real answers,
and that no figure is typed into the templates or their labels.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

from udlejning.catalogue import catalogue, known_for_readings, section_slug
from udlejning.endpoints import REGISTRY, call_json
from udlejning.parameters import DatedValue, all_parameters
from udlejning.schemas import SCHEMAS
from udlejning.wheels import all_wheels

ROOT = Path(__file__).resolve().parent.parent
RENDER = ROOT / "build_scripts" / "render_docs.py"
TEMPLATES = ROOT / "build_scripts" / "templates"
LINK = re.compile(r"\]\((?P<page>[a-z]+(?:\.en)?\.md)?#(?P<fragment>[^)\s]+)\)")
ANCHOR = re.compile(r"\{ #(?P<id>[^ }]+)[^}]*\}|<span id=\"(?P<span>[^\"]+)\">")


def _load_render_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_docs_under_test", RENDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


render_docs = _load_render_docs()


def _pages() -> dict[str, str]:
    """{"kriterier.md": text, "kriterier.en.md": text, ...} for the pages under docs/regler/."""
    out = {}
    for path, text in render_docs.render_all().items():
        if path.parent.name == "regler" and path.suffix == ".md":
            out[path.name] = text
    return out


def _set_value(monkeypatch: pytest.MonkeyPatch, name: str, *values: tuple[date, Any]) -> None:
    """Give a parameter new dated values, for the rest of the test."""
    parameter = all_parameters()[name]
    changed = dataclasses.replace(
        parameter, values=tuple(DatedValue(start, value) for start, value in values)
    )
    monkeypatch.setitem(all_parameters(), name, changed)


def _first_day(name: str) -> date:
    return all_parameters()[name].values[0].start


def _section(text: str, anchor: str) -> str:
    """The Markdown from the heading with ``{ #anchor }`` to the next heading of that level or higher."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if f"{{ #{anchor} }}" in line)
    level = len(lines[start]) - len(lines[start].lstrip("#"))
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i].startswith("#") and len(lines[i]) - len(lines[i].lstrip("#")) <= level
        ),
        len(lines),
    )
    return "\n".join(lines[start:end])


def _row(text: str, span_id: str) -> str:
    return next(line for line in text.splitlines() if f'<span id="{span_id}">' in line)


# --- Figures move with the package --------------------------------------------------------------


def test_hours_in_a1_move_from_25_to_30_on_every_page(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _pages()
    assert "mindst 25 timer" in before["kriterier.md"]
    assert "25 timer om ugen" in before["parametre.md"]
    assert "at least 25 hours" in before["kriterier.en.md"]
    _set_value(
        monkeypatch,
        "a1.min_hours_per_week",
        (_first_day("a1.min_hours_per_week"), Decimal(30)),
    )
    after = _pages()
    for name in ("kriterier.md", "parametre.md"):
        assert "30 timer om ugen" in after[name], name
        assert "25 timer om ugen" not in after[name], name
    assert "mindst 30 timer" in _section(after["kriterier.md"], "a1")
    assert "at least 30 hours" in _section(after["kriterier.en.md"], "a1")
    assert "30 hours a week" in _section(after["parametre.en.md"], "a1-min-hours-per-week")


def test_age_group_of_a_stricter_criterion_follows_its_parameters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = _section(_pages()["kriterier.md"], "aldersgrupper")
    assert "| [S1](#s1) | 18–64 år |" in table
    _set_value(
        monkeypatch,
        "skaerpede.employment.age_to",
        (_first_day("skaerpede.employment.age_to"), 66),
    )
    after = _pages()
    assert "| [S1](#s1) | 18–66 år |" in _section(after["kriterier.md"], "aldersgrupper")
    assert "| [S1](#s1) | 18–66 years |" in _section(after["kriterier.en.md"], "aldersgrupper")


def test_a_new_dated_value_shows_its_date_and_the_old_one_as_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The income amount is known only for 12 months from 1 December 2022 (Reading R-01); a newer
    amount moves the status, and the old amount is shown as replaced on the new one's date."""
    name = "skaerpede.income.monthly_amount"
    before = _section(_pages()["parametre.md"], render_docs.anchor(name))
    assert "22.904,30 kr. om måneden" in before
    assert "til og med 30. november 2023" in before and "[R-01](tvivl.md#r-01)" in before
    _set_value(
        monkeypatch,
        name,
        (_first_day(name), Decimal("22904.30")),
        (date(2025, 12, 1), Decimal("25000")),
    )
    pages = _pages()
    after = _section(pages["parametre.md"], render_docs.anchor(name))
    assert "| 1. december 2025 | 25.000,00 kr. om måneden |" in after
    assert "Afløst 1. december 2025 af 25.000,00 kr." in after
    assert "til og med 30. november 2026" in after
    english = _section(pages["parametre.en.md"], render_docs.anchor(name))
    assert "Replaced on 1 December 2025 by DKK 25,000.00." in english


def test_a_changed_wheel_position_moves_the_wheel_page_and_its_shares(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _pages()["udlejningshjul.md"]
    row = _row(page, "afdelingstrappe-1-bolig-2")
    assert "| Almindelig venteliste |" in row
    assert "| 2/9 | 3/9 | 4/9 |" in _section(page, "afdelingstrappe-1")

    wheel = all_wheels()[("afdelingstrappe", 1)]
    version = wheel.versions[0]
    positions = list(version.positions)
    positions[1] = dataclasses.replace(positions[1], uses=("municipal",))
    changed = dataclasses.replace(
        wheel, versions=(dataclasses.replace(version, positions=tuple(positions)),)
    )
    monkeypatch.setitem(all_wheels(), ("afdelingstrappe", 1), changed)

    pages = _pages()
    row = _row(pages["udlejningshjul.md"], "afdelingstrappe-1-bolig-2")
    assert "| Kommunal (boligsocial) anvisning |" in row and "venteliste" not in row
    wheel_section = _section(pages["udlejningshjul.md"], "afdelingstrappe-1")
    # Total with the extra ninth: waiting list 3/9 - 1/9 - 1/9, municipal 3/9 + 1/9 + 1/9.
    assert "| 1/9 | 3/9 | 5/9 |" in wheel_section
    english_row = _row(pages["udlejningshjul.en.md"], "afdelingstrappe-1-bolig-2")
    assert "| Municipal (social) allocation |" in english_row


def test_placement_bands_and_limits_follow_their_parameters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _pages()["placering.md"]
    assert "| 25 % eller mere |" in _section(page, "matrix")
    assert "| 20 % til under 25 % |" in _section(page, "matrix")
    assert "over 35 %" in _section(page, "noegletal")
    assert "færre end 10 personer" in _section(page, "risikozone")
    _set_value(
        monkeypatch,
        "stairs.allocated_share.high_from",
        (_first_day("stairs.allocated_share.high_from"), Decimal(30)),
    )
    _set_value(
        monkeypatch,
        "riskzone.unemployment.threshold",
        (_first_day("riskzone.unemployment.threshold"), Decimal("33.5")),
    )
    _set_value(monkeypatch, "riskzone.persons", (_first_day("riskzone.persons"), 12))
    pages = _pages()
    matrix = _section(pages["placering.md"], "matrix")
    assert "| 30 % eller mere |" in matrix and "| 20 % til under 30 % |" in matrix
    assert "25 %" not in matrix
    assert "over 33,5 %" in _section(pages["placering.md"], "noegletal")
    assert "above 33.5 %" in _section(pages["placering.en.md"], "noegletal")
    assert "færre end 12 personer" in _section(pages["placering.md"], "risikozone")


def test_the_json_page_shows_the_real_answers_of_the_package() -> None:
    pages = _pages()
    for endpoint in REGISTRY:
        name = endpoint.name
        output = json.dumps(
            json.loads(call_json(name, json.dumps(endpoint.example))), ensure_ascii=False, indent=2
        )
        for page in ("json.md", "json.en.md"):
            assert output in pages[page], (page, name)


# --- Completeness ---------------------------------------------------------------------------------


def test_every_endpoint_has_an_example_that_fits_its_schema_and_words_in_both_languages() -> None:
    interface = render_docs.json_interface()
    labels = render_docs.load_labels()
    for endpoint in interface["endpoints"]:
        name = endpoint["name"]
        for lang in ("da", "en"):
            assert endpoint["key"] in labels[lang]["json"]["what_is"], (lang, name)
        if name == "catalogue":
            continue
        assert endpoint["example"] is not None, f"add an example for {name} to the registry"
        assert endpoint["output"]["ok"] is True, name
        schema = endpoint["input_schema"]
        assert schema is not None, name
        jsonschema.validate(endpoint["example"], SCHEMAS[schema]())
        if endpoint["output_schema"]:
            jsonschema.validate(endpoint["output"], SCHEMAS[endpoint["output_schema"]]())


def _hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "docs_reference_hooks", ROOT / "build_scripts" / "hooks.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_schema_is_offered_for_download() -> None:
    """The JSON pages link every schema at regler/schemas/, where the mkdocs hooks serve the
    package's own file (committed once, in calculator/udlejning/schemas/, not in docs/)."""
    rendered = render_docs.render_all()
    served = _hooks().schema_files()
    assert set(served) == {f"regler/schemas/{name}.schema.json" for name in SCHEMAS}
    assert not (ROOT / "docs" / "regler" / "schemas").exists()
    for name, build in SCHEMAS.items():
        kept = served[f"regler/schemas/{name}.schema.json"]
        assert json.loads(kept.read_text("utf-8")) == build(), name
        for page in ("json.md", "json.en.md"):
            assert f"(schemas/{name}.schema.json)" in rendered[ROOT / "docs" / "regler" / page]


def test_every_parameter_wheel_and_reading_is_on_its_page() -> None:
    pages = _pages()
    data = catalogue()
    for lang, suffix in (("da", ".md"), ("en", ".en.md")):
        for name in all_parameters():
            assert f"{{ #{render_docs.anchor(name)} }}" in pages["parametre" + suffix], name
        for wheel in data["wheels"]:
            assert f"{{ #{wheel['id']} }}" in pages["udlejningshjul" + suffix]
            for version in wheel["versions"]:
                assert version["period"][lang] in _section(
                    pages["udlejningshjul" + suffix], wheel["id"]
                )
                for position in version["positions"]:
                    assert f'<span id="{position["anchor"]}">' in pages["udlejningshjul" + suffix]
        for item in data["ambiguities"]:
            section = _section(pages["tvivl" + suffix], render_docs.anchor(item["id"]))
            assert render_docs.md_escape(item["reading"][lang]) in section, item["id"]
        for rule in data["placement"]["rules"]:
            assert f"{{ #{rule['id']} }}" in pages["placering" + suffix], rule["id"]


def test_every_value_known_only_for_a_while_names_the_reading_on_what_follows() -> None:
    readings = known_for_readings()
    ids = {item["id"] for item in catalogue()["ambiguities"]}
    for name, parameter in all_parameters().items():
        if parameter.known_for_months is not None:
            assert readings.get(name) in ids, name


def test_the_coverage_page_lists_wheel_positions_and_placement_rules() -> None:
    pages = _pages()
    coverage = pages["afsnit.md"]
    position = _section(coverage, section_slug("Bilag 4, Udlejningshjul trin 1, nr. 3"))
    assert "(udlejningshjul.md#afdelingstrappe-1-bolig-3)" in position
    matrix = _section(coverage, section_slug("afsnit 6.2 figur 5"))
    assert "(placering.md#matrix)" in matrix
    english = _section(pages["afsnit.en.md"], section_slug("afsnit 6.2 figur 5"))
    assert "(placering.en.md#matrix)" in english


# --- Links and anchors ----------------------------------------------------------------------------


def test_every_link_on_the_reference_pages_points_to_an_anchor_that_exists() -> None:
    pages = _pages()
    anchors = {}
    for name, text in pages.items():
        ids = [m.group("id") or m.group("span") for m in ANCHOR.finditer(text)]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        assert not duplicates, (name, duplicates)
        anchors[name] = set(ids)
    checked = 0
    for name, text in pages.items():
        english = name.endswith(".en.md")
        for match in LINK.finditer(text):
            target = match.group("page") or name
            assert target.endswith(".en.md") == english, (name, match.group(0))
            assert match.group("fragment") in anchors[target], (name, match.group(0))
            checked += 1
    assert checked > 1000


def test_every_reference_on_the_reference_pages_is_a_link_to_the_coverage_page() -> None:
    """Each section cited by a criterion, wheel position or parameter appears as link text whose
    target is that section's anchor on regler/afsnit (or its afsnit/Bilag)."""
    pages = _pages()
    wheels = pages["udlejningshjul.md"]
    for wheel in catalogue()["wheels"]:
        for version in wheel["versions"]:
            for position in version["positions"]:
                first = position["reference"].split(";")[0].strip()
                assert f"[{render_docs.md_escape(first)}](afsnit.md#" in wheels, first
    criteria = pages["kriterier.md"]
    for name in render_docs.PageHelpers(
        catalogue(), "da", "regler/kriterier.md", {}
    ).criteria_parameters():
        reference = all_parameters()[name].reference.split(";")[0].strip()
        assert f"[{render_docs.md_escape(reference)}](afsnit.md#" in criteria, name


def test_a_reference_to_a_section_that_does_not_exist_fails_the_render(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = catalogue()
    data["criteria"][0]["references"] = ["Bilag 99, nr. 1"]
    with pytest.raises(ValueError, match="Bilag 99"):
        render_docs.render_all(data)


# --- Nothing typed by hand ----------------------------------------------------------------------


def _strings(tree: object) -> list[str]:
    if isinstance(tree, dict):
        return [s for value in tree.values() for s in _strings(value)]
    return [tree] if isinstance(tree, str) else []


def test_no_figure_is_typed_into_the_labels_or_the_templates() -> None:
    """The words around the data carry no digits: every number on a page comes from the package.
    (The JSON page's labels are about the interface, not the rules, and have none either.)"""
    labels = tomllib.loads((TEMPLATES / "labels.toml").read_text(encoding="utf-8"))
    with_digits = [text for text in _strings(labels) if re.search(r"\d", text)]
    assert not with_digits, with_digits
    jinja = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
    for template_name, _page in render_docs.PAGE_NAMES:
        template = (TEMPLATES / template_name).read_text(encoding="utf-8")
        text = jinja.sub("", template)
        assert not re.search(r"\d", text), (
            template_name,
            re.findall(r".{0,30}\d.{0,30}", text)[:3],
        )
