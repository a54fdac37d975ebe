"""The Rules IV staff tools (issue 12) in Debian's Chromium against the built site: youth homes,
tilskudsboliger, refugee shared homes, internal moves, adapted homes (afsnit 8.4), moving a særbolig,
the agreement's terms (afsnit 17–19) and afsnit 11's transitional rule and full allocation.

Each tool is filled from one of its own data cases (``tests/cases/<endpoint>/``, each citing its
section), and the test reads what a user sees: the verdict in words, the sections the answer rests
on (linked to the coverage page) and, where it rests on a contested reading, what the other reading
would give. A wrong value gives the package's error next to the field, naming it by the label the
form declares, in Danish and English. Each page has zero console errors and no serious or critical
axe violations with an answer shown; one tool is used with the keyboard only.

Parametrised over the tools; one browser context, each page loaded once (Pyodide starts per page).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from udlejning.endpoints import BY_NAME
from udlejning.forms import tool_forms

from .conftest import CALCULATOR_TIMEOUT_MS, serious_violations
from .staff_page import (
    StaffSite,
    anchors,
    error_of,
    field_id,
    fill,
    open_site,
    prefix,
    run,
    source_links,
    submit,
    tab_to_field,
    tool_box,
)

CASES = Path(__file__).resolve().parents[1] / "cases"


@dataclass(frozen=True)
class Tool:
    """One tool: the data case it is filled from (by name), the verdict lines it must show (Danish,
    then the first line in English), a section and the readings the answer must name, and a field
    to give a wrong value."""

    case: str
    verdicts: tuple[str, ...]
    english: str
    section: str
    readings: tuple[str, ...]
    bad: tuple[str, str]


TOOLS: dict[str, Tool] = {
    "youth_housing": Tool(
        "30 år er uden for udgangspunktet, ikke udelukket",
        (
            "Kommunen anviser unge til 2/9 af de ledige boliger.",
            "Den unge er uden for aftalens udgangspunkt. Se hvorfor.",
        ),
        "The municipality allocates young people to 2/9 of the vacant homes.",
        "Bilag 7",
        ("R-50",),
        ("shared_kitchens", "fire"),
    ),
    "subsidised_home": Tool(
        "Husleje på præcis 6.500 kr. tæller med",
        ("Ja, boligen kan være en tilskudsbolig.",),
        "Yes, the home can be a subsidised home.",
        "afsnit 8.5.2",
        ("R-51", "R-52"),
        ("rent", "mange"),
    ),
    "refugee_shared_home": Tool(
        "50 pladser brugt: ingen tilbage",
        ("Ja, der kan oprettes deleboliger i afdelingen.", "Pladser tilbage i år: 0."),
        "Yes, shared homes can be set up in the section.",
        "Bilag 9",
        (),
        ("places_used_this_year", "-1"),
    ),
    "internal_move": Tool(
        "Fælles udlejningsområde på afdelingstrappen trin 3: ingen kriterier",
        ("Den interne ansøger skal ikke opfylde de fleksible kriterier.",),
        "The internal applicant need not meet the flexible criteria.",
        "Bilag 4, VI",
        (),
        ("trin", "9"),
    ),
    "adapted_home": Tool(
        "Indrettet 1. juli 2019: ikke «efter» datoen",
        ("Nej, boligen skal ikke tilbydes kommunen igen.",),
        "No, the home need not be offered to the municipality again.",
        "afsnit 8.4",
        ("R-31",),
        ("amount", "dyrt"),
    ),
    "saerbolig_move": Tool(
        "Til trin 2 på dagen for udfasningen: kan ikke flyttes",
        ("Nej, særboligen kan ikke flyttes til den nye afdeling.",),
        "No, the special home cannot be moved to the new section.",
        "afsnit 9",
        ("R-32",),
        ("target_allocated_share_at_start", "120"),
    ),
    "agreement_terms": Tool(
        "Opsagt 31. august 2025: ophører 28. februar 2026 (kortere måned)",
        (
            "Ja, 28. februar 2026 ligger i aftalens periode.",
            "Vilkårene om ophør eller reduktion af anvisning er ophørt 28. februar 2026.",
        ),
        "Yes, 28 February 2026 is in the agreement's period.",
        "afsnit 19",
        ("R-54",),
        ("notice_given", "31-31-2025"),
    ),
    "new_build_terms": Tool(
        "Taget i brug 2022: overgang til og med dagen før fireårsdagen",
        (
            "Overgangsreglen gælder på datoen.",
            "Fra 1. juni 2026 udlejes boligerne efter afdelingens trin og udlejningshjul.",
        ),
        "The transitional rule applies on the date.",
        "afsnit 11",
        (),
        ("taken_into_use", "2026-07-01"),  # after the date of the letting
    ),
}


# Axe on every Danish page with an answer; in English on the tool with the most parts (the
# renderer and the chrome are shared, so one English page stands for the others).
AXE_IN_ENGLISH = "youth_housing"


def case_input(tool: str, name: str) -> dict[str, Any]:
    for path in sorted((CASES / tool).glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            if case["name"] == name:
                return case["input"]
    raise AssertionError(f"{tool}: no data case named {name!r}")


def form_values(doc: dict[str, Any], keys: tuple[str, ...] = ()) -> dict[str, str]:
    """A case's input as the form's fields: dotted paths, yes/no for booleans."""
    out: dict[str, str] = {}
    for key, value in doc.items():
        if isinstance(value, dict):
            out.update(form_values(value, (*keys, key)))
        elif isinstance(value, bool):
            out[".".join((*keys, key))] = "yes" if value else "no"
        else:
            out[".".join((*keys, key))] = str(value)
    return out


def declared_label(tool: str, path: str) -> dict[str, str]:
    for section in tool_forms()[tool]:
        fields = section.get("fields", []) + [
            f for g in section.get("groups", []) for f in g["fields"]
        ]
        for field in fields:
            if field["path"] == path:
                return field["label"]
    raise AssertionError(f"{tool}: no field {path}")


def assert_grounds(results, tool: Tool, lang: str) -> None:
    """The answer lists its sections, each a link to a heading of the coverage page, and names
    every reading it rests on with what the other reading would give."""
    sections = results.locator("ul.st-sections > li")
    expect(sections.filter(has_text=tool.section)).to_have_count(1)
    base = "/regler/" if lang == "da" else "/en/regler/"
    for kind, page in (("st-source", "afsnit"), ("st-reading", "tvivl")):
        known = anchors(lang, page)
        for href in source_links(results, kind):
            parts = urlsplit(href)
            assert parts.path == f"{base}{page}/", href
            assert parts.fragment in known, f"{href}: no such anchor on regler/{page}/"
    other = results.locator("ul.st-other-readings > li")
    shown = other.evaluate_all("items => items.map(li => li.dataset.reading)")
    assert shown == list(tool.readings), shown
    word = "Læses det anderledes:" if lang == "da" else "Read the other way:"
    for rid in tool.readings:
        item = other.filter(has=results.page.locator(f"a.st-reading:text-is('{rid}')"))
        expect(item).to_contain_text(word)


@pytest.fixture(scope="module")
def site(browser: Browser, base_url: str) -> Iterator[StaffSite]:
    yield from open_site(browser, base_url)


@pytest.mark.parametrize("name", list(TOOLS))
def test_answer_from_a_data_case(site: StaffSite, name: str) -> None:
    """The data case's facts typed into the form give the verdict in words, its sections and its
    readings; axe finds nothing serious with the answer shown."""
    tool = TOOLS[name]
    page = site.open(name)
    results = run(page, name, form_values(case_input(name, tool.case)))
    expect(results.locator(".st-verdict strong")).to_have_text(list(tool.verdicts))
    assert_grounds(results, tool, "da")
    violations = serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    site.watch.assert_clean()


@pytest.mark.parametrize("name", list(TOOLS))
def test_error_next_to_the_field_in_both_languages(site: StaffSite, name: str) -> None:
    """A wrong value: the package's error is shown in the field's own box, quoting the label the
    form declares (Danish «…», English “…”), and the control is marked invalid; corrected, the
    English page gives the answer in English, with its sections and readings (and, for one tool,
    no serious axe violations)."""
    tool = TOOLS[name]
    path, wrong = tool.bad
    values = form_values(case_input(name, tool.case))
    label = declared_label(name, path)
    for lang, quote in (("da", "«{}»"), ("en", "“{}”")):
        page = site.open(name, lang)
        fill(page, name, {**values, path: wrong})
        submit(page, name)
        box = tool_box(page, name).locator(f".st-field[data-path='{path}']")
        expect(box.locator("label")).to_have_text(label[lang])
        error = error_of(page, name, path)
        expect(box.locator(".st-error")).to_have_attribute("id", error.get_attribute("id") or "")
        expect(error).to_be_visible()
        expect(error).to_contain_text(quote.format(label[lang]))
        control = page.locator(f"#{field_id(name, path)}")
        expect(control).to_have_attribute("aria-invalid", "true")
        expect(page.locator(f"#{prefix(name)}-answer")).to_have_count(0)
    # The English page, corrected.
    page = site.open(name, "en")
    results = run(page, name, values)
    expect(results.locator(".st-verdict strong").first).to_have_text(tool.english)
    assert_grounds(results, tool, "en")
    if name == AXE_IN_ENGLISH:  # the Danish page of every tool is checked above; one English one
        violations = serious_violations(page)
        assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    site.watch.assert_clean()


def test_agreement_terms_by_keyboard(site: StaffSite) -> None:
    """Tab, typing and Enter only: the two dates, the button, the answer heading gets the focus,
    and the first section link opens the coverage page at afsnit 19."""
    name = "agreement_terms"
    page: Page = site.new_page()
    try:
        page.goto("/vaerktoejer/aftalens-vilkaar/")
        status = tool_box(page, name).locator(".st-status")
        expect(status).to_have_attribute("data-state", "ready", timeout=CALCULATOR_TIMEOUT_MS)
        tab_to_field(page, name, "date")
        page.keyboard.type("01-07-2025")
        page.keyboard.press("Tab")
        expect(page.locator(f"#{field_id(name, 'notice_given')}")).to_be_focused()
        page.keyboard.type("2025-01-02")
        page.keyboard.press("Tab")
        expect(tool_box(page, name).locator(".st-submit")).to_be_focused()
        page.keyboard.press("Enter")
        heading = page.locator(f"#{prefix(name)}-answer")
        expect(heading).to_be_focused(timeout=CALCULATOR_TIMEOUT_MS)
        results = page.locator(f"#{prefix(name)}-results")
        expect(results.locator(".st-verdict strong").last).to_have_text(
            "Vilkårene om ophør eller reduktion af anvisning ophører 2. juli 2025."
        )
        page.keyboard.press("Tab")
        link = results.locator("a.st-source").first
        expect(link).to_be_focused()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/regler/afsnit/#afsnit-19$"))
    finally:
        page.close()
    site.watch.assert_clean()


def test_every_rules_tool_is_a_registry_tool() -> None:
    """The pages tested here are the registry's tools, each drawn from its declaration."""
    for name in TOOLS:
        assert BY_NAME[name].tool, name
        assert tool_forms()[name], name
