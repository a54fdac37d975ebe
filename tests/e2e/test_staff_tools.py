"""The staff tools (docs/vaerktoejer/) in Debian's Chromium against the built site.

Each tool is used with cases from the agreement's text, at its boundaries: placement at 19.99, 20
and 25 % allocated households (afsnit 6.2 figur 5), the wheel on 31 December 2025 and 1 January 2026
(Bilag 4, Udlejningshjul trin 2), Bilag 5 cases allowed and not, Bilag 14's deadlines across a month
end and a weekend, afsnit 11's figur 12 and afsnit 9's phase-out. Every source link leads to an
anchor on the coverage page; every page has no console errors, and axe-core finds no serious or
critical violations with an answer shown, in both languages. One flow is done with the keyboard
only, while Python is still loading.

One browser context serves the module and each page is loaded once (Pyodide starts per page load),
so the file stays fast on a 2-core machine.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Route, expect

from udlejning.schemas import SCHEMAS

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
    url,
)


@pytest.fixture(scope="module")
def site(browser: Browser, base_url: str) -> Iterator[StaffSite]:
    yield from open_site(browser, base_url)


def assert_sources_resolve(results, lang: str = "da") -> None:
    """Every source link in an answer points at a heading of the coverage page, and every
    reading (R-xx) at its entry on the open-questions page."""
    links = source_links(results)
    assert links, "the answer shows no source links"
    prefix_ = "/regler/" if lang == "da" else "/en/regler/"
    for kind, page in (("st-source", "afsnit"), ("st-reading", "tvivl")):
        known = anchors(lang, page)
        for href in source_links(results, kind):
            parts = urlsplit(href)
            assert parts.path == f"{prefix_}{page}/", href
            assert parts.fragment in known, f"{href}: no such anchor on regler/{page}/"


# --- Placement (afsnit 6; Bilag 17; afsnit 6.2 figur 5) -----------------------------------------

HIGH_NEED = {
    "date": "2026-03-01",
    "area.designation": "none",
    "area.residents": "2000",
    "key_figures.unemployment.value": "45",  # above the state's limit (Bilag 17, figur 1)
    "key_figures.convictions.value": "1",
    "key_figures.education.value": "65",  # above the state's limit
    "key_figures.income.value": "80",
}


@pytest.mark.parametrize(("share", "trin"), [("19,99", 2), ("20", 3), ("25", 4)])
def test_placement_by_allocated_share(site: StaffSite, share: str, trin: int) -> None:
    """Afsnit 6.2 figur 5: with a high need, under 20 % gives step 2, 20–24.9 % step 3 and 25 % or
    more step 4 (Reading R-27: «≥ 25 %»). The Danish decimal comma is accepted."""
    page = site.open("placement")
    results = run(page, "placement", {**HIGH_NEED, "allocated_share": share})
    expect(results.locator(".st-verdict")).to_have_text(
        re.compile(rf"Afdelingen er på afdelingstrappens trin {trin}\.")
    )
    expect(results).to_contain_text("Behovet for at styrke beboersammensætningen er højt.")
    # The wheel that follows, with its homes and what happens to an unused municipal home.
    expect(results.locator("table caption").last).to_have_text(
        re.compile(rf"^Afdelingstrappen, trin {trin}:")
    )
    expect(results).to_contain_text("Hvis kommunen ikke bruger en bolig:")
    link = results.get_by_role("link", name=re.compile("værktøjet Udlejningshjulet"))
    expect(link).to_have_attribute(
        "href", re.compile(rf"stair=afdelingstrappe&trin={trin}&date=2026-03-01")
    )
    assert_sources_resolve(results)
    site.watch.assert_clean()


def test_placement_area_stair_and_risk_zone(site: StaffSite) -> None:
    """Afsnit 6.1.2: a prevention area is step 1 of the area stair; the stricter criteria apply
    where the area is in the risk zone (here unemployment)."""
    page = site.open("placement")
    results = run(
        page,
        "placement",
        {
            "date": "2026-03-01",
            "area.designation": "forebyggelse",
            "key_figures.unemployment.value": "36",
            "key_figures.convictions.value": "0.5",
            "key_figures.education.value": "20",
            "key_figures.income.value": "90",
        },
    )
    expect(results.locator(".st-verdict")).to_have_text(re.compile("områdetrappens trin 1"))
    expect(results).to_contain_text("Kriterier på trin 1: S1.")
    expect(results.locator("table caption").last).to_have_text(re.compile("^Områdetrappen, trin 1"))
    site.watch.assert_clean()


def test_placement_error_is_shown_at_the_field(site: StaffSite) -> None:
    """The package's error names the field; the page shows it there, in Danish, and in a summary
    whose link moves focus to the field."""
    page = site.open("placement")
    fill(page, "placement", {**HIGH_NEED, "allocated_share": "120"})
    submit(page, "placement")
    error = error_of(page, "placement", "allocated_share")
    expect(error).to_be_visible()
    expect(error).to_contain_text("skal ligge mellem 0 og 100; du skrev 120")
    control = page.locator(f"#{field_id('placement', 'allocated_share')}")
    expect(control).to_have_attribute("aria-invalid", "true")
    assert error.get_attribute("id") in control.get_attribute("aria-describedby").split()
    summary = page.locator(f"#{prefix('placement')}-errors")
    expect(summary.locator("h2")).to_be_focused()
    summary.get_by_role("link").first.click()
    expect(control).to_be_focused()
    site.watch.assert_clean()


# --- The letting wheel (Bilag 4, Udlejningshjul; afsnit 6.2.2; afsnit 9) ---------------------------


def vacancy_uses(results) -> list[str]:
    return results.locator(".st-vacancies > li").evaluate_all(
        "items => items.map(li => li.dataset.use)"
    )


def test_wheel_before_and_after_1_january_2026(site: StaffSite) -> None:
    """Bilag 4, Udlejningshjul trin 2: home 9 is the waiting list in 2024–2025; from 1 January 2026
    it alternates between the waiting list and municipal allocation (the extra 1/18 of afsnit 9)."""
    page = site.open("wheel")
    base = {"stair": "afdelingstrappe", "trin": "2"}
    results = run(page, "wheel", {**base, "date": "2025-12-31"})
    uses_2025 = vacancy_uses(results)
    assert len(uses_2025) == 18
    assert (uses_2025[8], uses_2025[17]) == ("waiting_list", "waiting_list")
    expect(results).to_contain_text("Gælder fra 1. januar 2024 til og med 31. december 2025.")
    # The periods side by side; home 9 is marked as changed, home 1 is not.
    table = results.locator("table").last
    expect(table.locator("thead th")).to_have_count(4)
    expect(table.locator("tbody tr").nth(8)).to_contain_text("Ja, ændret")
    expect(table.locator("tbody tr").nth(0)).to_contain_text("Nej")

    results = run(page, "wheel", {**base, "date": "2026-01-01"})
    uses_2026 = vacancy_uses(results)
    assert (uses_2026[8], uses_2026[17]) == ("waiting_list", "municipal")
    assert uses_2026[:8] == uses_2025[:8]
    expect(results).to_contain_text("Gælder fra 1. januar 2026 til og med 31. december 2027.")
    expect(results).to_contain_text("Ellers går den til: Almindelig venteliste.")
    assert_sources_resolve(results)
    site.watch.assert_clean()


def test_wheel_starts_at_the_chosen_home_and_round(site: StaffSite) -> None:
    """Starting at home 9 in the 2nd round, the first vacancy is the municipality's turn."""
    page = site.open("wheel")
    results = run(
        page,
        "wheel",
        {
            "stair": "afdelingstrappe",
            "trin": "2",
            "date": "2026-06-01",
            "next_position": "9",
            "round": "2",
        },
    )
    items = results.locator(".st-vacancies > li")
    expect(items.first).to_contain_text("Ledig bolig 1: hjulets bolig 9, 2. omgang: Kommunal")
    expect(items.nth(1)).to_contain_text("Ledig bolig 2: hjulets bolig 1, 1. omgang")
    site.watch.assert_clean()


def test_wheel_area_stair_step_2_has_no_municipal_homes(site: StaffSite) -> None:
    """Afsnit 6.1.3: municipal allocation is suspended in disadvantaged areas."""
    page = site.open("wheel")
    results = run(page, "wheel", {"stair": "omraadetrappe", "trin": "2", "date": "2026-06-01"})
    expect(results).to_contain_text("Der er ingen kommunal anvisning på dette trin.")
    expect(results).to_contain_text("Hjulet er det samme i hele aftaleperioden")
    assert set(vacancy_uses(results)) == {"skaerpede_all"}
    site.watch.assert_clean()


# --- Bilag 5: allocation limits ------------------------------------------------------------------

CLEAR_CITIZEN = {
    "citizen.released_from": "none",
    "citizen.tenancy_ended": "no",
    "citizen.citizenship": "eu_eea_switzerland",
    "citizen.benefits.self_support_or_transition_months": "0",
}


@pytest.mark.parametrize(
    ("cash", "verdict", "symbol"),
    [
        ("23", "Ja, kommunen må anvise borgeren en bolig i området.", "✓"),
        ("24", "Nej, kommunen må ikke anvise borgeren en bolig i området.", "✗"),
    ],
)
def test_prevention_area_cash_benefit_24_months(
    site: StaffSite, cash: str, verdict: str, symbol: str
) -> None:
    """Bilag 5: in a prevention area, 24 consecutive months of cash benefit bar allocation; 23 do
    not. The answer is told in words and a symbol, not by colour."""
    page = site.open("allocation_limits")
    values = {
        "date": "2026-03-02",
        "area": "forebyggelse",
        **CLEAR_CITIZEN,
        "citizen.benefits.basic_benefits_months": cash,
        "citizen.benefits.cash_benefit_months": cash,
    }
    results = run(page, "allocation_limits", values)
    expect(results.locator(".st-verdict")).to_have_text(f"{symbol}{verdict}")
    row = results.locator(".st-limits > li[data-id='benefits_forebyggelse']")
    expect(row).to_contain_text("Udelukker anvisning" if cash == "24" else "Ingen betydning")
    assert_sources_resolve(results)
    site.watch.assert_clean()


def test_a_row_printed_once_bars_in_a_prevention_area_and_the_other_reading_is_shown(
    site: StaffSite,
) -> None:
    """Bilag 5 (L4855–4921), reading R-35: the citizenship row spans both columns, so it bars in a
    prevention area too; the answer says what the other reading (column unclear) would give."""
    page = site.open("allocation_limits")
    values = {
        "date": "2026-03-02",
        "area": "forebyggelse",
        **CLEAR_CITIZEN,
        "citizen.citizenship": "other",
        "citizen.student": "no",
        "citizen.benefits.basic_benefits_months": "0",
        "citizen.benefits.cash_benefit_months": "0",
    }
    results = run(page, "allocation_limits", values)
    expect(results.locator(".st-verdict")).to_contain_text("Nej, kommunen må ikke anvise")
    row = results.locator(".st-limits > li[data-id='citizenship']")
    expect(row).to_contain_text("begge slags områder")
    other = results.locator(".st-other-readings li[data-reading='R-35']")
    expect(other).to_contain_text(
        "Efter en anden læsning af aftalen (R-35) ville svaret være «kan ikke afgøres»"
    )
    site.watch.assert_clean()


def test_disadvantaged_area_allocation_is_suspended(site: StaffSite) -> None:
    """Afsnit 6.1.3: no municipal allocation in disadvantaged areas, even with Bilag 5's exception."""
    page = site.open("allocation_limits")
    results = run(
        page,
        "allocation_limits",
        {"date": "2026-03-02", "area": "udsat", "no_option_outside": "yes"},
    )
    expect(results.locator(".st-verdict")).to_contain_text("Nej, kommunen må ikke anvise")
    expect(results.get_by_role("link", name="afsnit 6.1.3").first).to_be_visible()
    site.watch.assert_clean()


def test_missing_facts_link_to_their_questions(site: StaffSite) -> None:
    """Bilag 5 with nothing known about the citizen: cannot be decided, and each missing fact links
    to its question (a hidden question is shown)."""
    page = site.open("allocation_limits")
    results = run(page, "allocation_limits", {"date": "2026-03-02", "area": "forebyggelse"})
    expect(results.locator(".st-verdict")).to_contain_text("Det kan ikke afgøres")
    missing = results.get_by_role(
        "link", name="Er borgeren indskrevet på en offentligt anerkendt uddannelsesinstitution?"
    )
    missing.click()
    expect(page.locator(f"#{field_id('allocation_limits', 'citizen.student')}")).to_be_focused()
    site.watch.assert_clean()


# --- Bilag 14: deadlines -------------------------------------------------------------------------


def deadline(results, id_: str):
    return results.locator(f"dt[data-id='{id_}']")


def test_deadlines_across_a_month_end_and_a_weekend(site: StaffSite) -> None:
    """Bilag 14: received Friday 31 January 2025: one calendar month runs to 28 February (the day
    clipped to the month); five working days skip the weekend to Friday 7 February; 14 days from an
    allocation on Friday 14 February is Friday 28 February."""
    page = site.open("deadlines")
    values = {
        "received_on": "31-01-2025",
        "allocated_on": "2025-02-14",
        "moving_in_on": "2025-02-27",
    }
    results = run(page, "deadlines", values)
    expect(deadline(results, "municipality_moving_in")).to_have_text(
        "Frist: fredag den 28. februar 2025"
    )
    expect(deadline(results, "return_free_until")).to_have_text(
        "Sidste dag: fredag den 7. februar 2025"
    )
    expect(deadline(results, "organisation_earliest_moving_in")).to_have_text(
        "Tidligst: fredag den 28. februar 2025"
    )
    checks = results.locator(".st-checks > li")
    expect(checks.filter(has_text="For kort frist")).to_have_count(2)
    assert_sources_resolve(results)

    # A local closing day the user gives is not a working day: Monday 3 February moves it to the 10th.
    results = run(page, "deadlines", {"received_on": "2025-01-31", "holidays": "2025-02-03"})
    expect(deadline(results, "return_free_until")).to_have_text(
        "Sidste dag: mandag den 10. februar 2025"
    )
    expect(results).to_contain_text("Vi har også sprunget 1 af de lukkedage over, du har angivet.")

    # Easter 2026 with nothing typed: the public holidays (helligdagsloven) are skipped by default.
    later = {"allocated_on": "2026-04-01", "moving_in_on": "2026-05-01", "holidays": ""}
    results = run(page, "deadlines", {"received_on": "2026-03-30", **later})
    expect(deadline(results, "return_free_until")).to_have_text(
        "Sidste dag: torsdag den 9. april 2026"
    )
    expect(results).to_contain_text("6. april 2026")
    site.watch.assert_clean()


def test_deadline_error_names_the_field(site: StaffSite) -> None:
    page = site.open("deadlines")
    fill(page, "deadlines", {"received_on": "2025-03-10", "returned_on": "2025-03-07"})
    submit(page, "deadlines")
    expect(error_of(page, "deadlines", "returned_on")).to_contain_text(
        "kan ikke ligge før «Dato kommunen modtog den ledige bolig»"
    )
    site.watch.assert_clean()


# --- Afsnit 11 and afsnit 9 -----------------------------------------------------------------------

NEW_BUILD = {"taken_into_use": "2025-06-01", "date": "2026-01-10", "letting": "re_letting"}


@pytest.mark.parametrize(
    ("cheap", "share"), [("9,99", "3/9"), ("10", "2/9"), ("20", "ingen (0 %)")]
)
def test_new_build_figure_12(site: StaffSite, cheap: str, share: str) -> None:
    """Afsnit 11 figur 12: the municipality's share of the other homes at re-letting, by the share
    of especially cheap homes (half-open bands, Reading R-33)."""
    page = site.open("new_build")
    results = run(page, "new_build", {**NEW_BUILD, "cheap_share": cheap})
    expect(results.locator("li[data-id='other']")).to_contain_text(f"kommunen anviser til {share}")
    expect(results.locator("li[data-id='cheap']")).to_contain_text("alle (100 %)")
    expect(results.locator("tbody tr").filter(has_text="Ja, her")).to_have_count(1)
    expect(results).to_contain_text("De særlige regler gælder til og med 31. maj 2029.")
    assert_sources_resolve(results)
    site.watch.assert_clean()


def test_new_build_after_four_years(site: StaffSite) -> None:
    page = site.open("new_build")
    results = run(page, "new_build", {**NEW_BUILD, "date": "2029-06-01"})
    expect(results.locator(".st-verdict")).to_contain_text("gælder ikke længere")
    expect(results).to_contain_text("Udgangspunktet er Afdelingstrappen, trin 1")
    site.watch.assert_clean()


@pytest.mark.parametrize(
    ("values", "start"),
    [
        ({"trin_at_start": "1", "allocated_share_at_start": "29,99"}, "1. januar 2030"),
        ({"trin_at_start": "1", "allocated_share_at_start": "30"}, "1. januar 2028"),
        ({"trin_at_start": "4"}, "1. januar 2024"),
    ],
)
def test_saerbolig_phase_out_start(site: StaffSite, values: dict[str, str], start: str) -> None:
    """Afsnit 9: trin 4 from 1 January 2024; trin 1 by the allocated share at the start (30 % or
    more: 2028; 25–29.9 %: 2030; Reading R-32)."""
    page = site.open("saerbolig_phase_out")
    results = run(page, "saerbolig_phase_out", values)
    expect(results.locator(".st-verdict")).to_contain_text(f"Udfasningen begynder {start}.")
    if values["trin_at_start"] == "1":
        reading = results.locator("a.st-reading", has_text="R-32").first
        expect(reading).to_have_attribute("href", re.compile(r"regler/tvivl/#r-32$"))
    expect(results.locator("h4", has_text="Kompensation")).to_have_count(
        1 if values["trin_at_start"] == "4" else 0
    )
    assert_sources_resolve(results)
    site.watch.assert_clean()


# --- The forms offer what the package accepts -------------------------------------------------------


def test_form_choices_match_the_input_schemas(site: StaffSite) -> None:
    """The choices the forms offer (drawn from forms.mjs, generated from the input specs) are what
    the package's JSON Schemas accept."""
    page = site.open("deadlines")
    forms = page.evaluate("async () => (await import('/assets/calculator/forms.mjs')).FORMS")

    def offered(tool: str, path: str) -> list[str]:
        for section in forms[tool]:
            fields = [
                *section.get("fields", []),
                *(f for g in section.get("groups", []) for f in g["fields"]),
            ]
            for field in fields:
                if field["path"] == path:
                    return [o["value"] for o in field["options"]]
        raise AssertionError(f"{tool}: no field {path}")

    def enum(schema: str, *path: str) -> list[str]:
        node = SCHEMAS[schema]()
        for key in path:
            node = node["properties"][key]
        return node["enum"]

    assert offered("placement", "area.designation") == enum(
        "placement-input", "area", "designation"
    )
    assert offered("placement", "area.would_be_designated") == enum(
        "placement-input", "area", "would_be_designated"
    )
    assert offered("allocation_limits", "area") == enum("allocation-limits-input", "area")
    assert offered("allocation_limits", "citizen.released_from") == enum(
        "allocation-limits-input", "citizen", "released_from"
    )
    assert offered("allocation_limits", "citizen.citizenship") == enum(
        "allocation-limits-input", "citizen", "citizenship"
    )
    assert offered("new_build", "letting") == enum("new-build-input", "letting")
    assert offered("saerbolig_phase_out", "home") == enum("saerbolig-phase-out-input", "home")
    trin = SCHEMAS["saerbolig-phase-out-input"]()["properties"]["trin_at_start"]
    assert offered("saerbolig_phase_out", "trin_at_start") == [
        str(n) for n in range(trin["minimum"], trin["maximum"] + 1)
    ]


# --- Accessibility with an answer shown, both languages ------------------------------------------

AXE_CASES = {
    "placement": {**HIGH_NEED, "allocated_share": "22"},
    "wheel": {"stair": "afdelingstrappe", "trin": "3", "date": "2026-02-01"},
    "allocation_limits": {
        "date": "2026-03-02",
        "area": "forebyggelse",
        **CLEAR_CITIZEN,
        "citizen.benefits.cash_benefit_months": "3",
    },
    "deadlines": {
        "received_on": "2026-03-02",
        "allocated_on": "2026-03-16",
        "returned_on": "2026-03-12",
    },
    "new_build": {**NEW_BUILD, "cheap_share": "12"},
    "saerbolig_phase_out": {"trin_at_start": "2", "date": "2026-02-01"},
}
ENGLISH = {
    "placement": "The section is on step 3 of the section stair.",
    "wheel": "Section stair, step 3",
    "allocation_limits": "Yes, the municipality may allocate the citizen a home in the area.",
    "deadlines": "Deadline:",
    "new_build": "Re-letting while the special rules for new builds apply.",
    "saerbolig_phase_out": "The phase-out starts on 1 January 2026.",
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize(
    "pages",
    [
        ("placement",),
        ("wheel",),
        ("allocation_limits",),
        ("deadlines",),
        ("new_build", "saerbolig_phase_out"),
    ],
    ids=[
        "placering",
        "udlejningshjul",
        "anvisningsgraenser",
        "frister",
        "nybyggeri-og-saerboliger",
    ],
)
def test_tool_page_has_no_serious_violations(
    site: StaffSite, pages: tuple[str, ...], lang: str
) -> None:
    for tool in pages:
        page = site.open(tool, lang)
        results = run(page, tool, AXE_CASES[tool])
        if lang == "en":
            expect(results).to_contain_text(ENGLISH[tool])
            assert_sources_resolve(results, "en")
    violations = serious_violations(page)
    assert not violations, json.dumps(violations, indent=2, ensure_ascii=False)
    site.watch.assert_clean()


def test_english_errors_come_from_the_package(site: StaffSite) -> None:
    page = site.open("deadlines", "en")
    fill(page, "deadlines", {"received_on": "2031-01-01"})
    submit(page, "deadlines")
    expect(error_of(page, "deadlines", "received_on")).to_contain_text(
        "outside the agreement's period"
    )
    site.watch.assert_clean()


# --- Keyboard only, while Python loads ---------------------------------------------------------------


def test_deadlines_by_keyboard_while_python_loads(site: StaffSite) -> None:
    """The form is usable before Python is ready: a visible progress bar, the fields filled and the
    answer asked for with Tab, typing and Space; the answer comes when Python is ready, focus moves
    to it, and Enter on a source link opens its section."""
    page = site.new_page()
    held: list[Route] = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    try:
        page.goto(url("deadlines", "da"))
        status = tool_box(page, "deadlines").locator(".st-status")
        expect(status.locator("progress")).to_be_visible()
        expect(status).not_to_have_attribute("data-state", "ready")
        # Skip link, then Tab to the first field of the form.
        tab_to_field(page, "deadlines", "received_on")
        page.keyboard.type("2025-01-31")
        page.keyboard.press("Tab")
        expect(page.locator(f"#{field_id('deadlines', 'allocated_on')}")).to_be_focused()
        page.keyboard.type("14-02-2025")
        for _ in range(3):  # returned_on, moving_in_on, holidays
            page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        button = tool_box(page, "deadlines").locator(".st-submit")
        expect(button).to_be_focused()
        page.keyboard.press("Space")
        expect(tool_box(page, "deadlines").locator(".st-busy")).to_have_text(
            "Svaret kommer, når værktøjet er klar …"
        )
        assert held, "the Python runtime was not requested"
        for route in held:
            route.continue_()
        heading = page.locator(f"#{prefix('deadlines')}-answer")
        expect(heading).to_be_focused(timeout=CALCULATOR_TIMEOUT_MS)
        expect(status).to_have_attribute("data-state", "ready")
        results = page.locator(f"#{prefix('deadlines')}-results")
        expect(results.locator("dt[data-id='organisation_earliest_moving_in']")).to_have_text(
            "Tidligst: fredag den 28. februar 2025"
        )
        page.keyboard.press("Tab")
        link = results.locator("a.st-source").first
        expect(link).to_be_focused()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/regler/afsnit/#bilag-14$"))
    finally:
        page.unroute("**/pyodide.asm.wasm")
        page.close()
    site.watch.assert_clean()


# --- One label: the form's label is the one its error names ------------------------------------------


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_error_quotes_the_label_the_form_shows(site: StaffSite, lang: str) -> None:
    """Bilag 5's tool with a wrong number in every number field: each field's error names the field
    by exactly the label shown above it (the issue: «Måneder i træk med kontanthjælp» was called
    «Sammenhængende kalendermåneder med kontanthjælp (citizen.benefits.cash_benefit_months)»)."""
    tool = "allocation_limits"
    page = site.open(tool, lang)
    numbers = {
        "citizen.age": "abc",
        "citizen.benefits.basic_benefits_months": "abc",
        "citizen.benefits.self_support_or_transition_months": "abc",
        "citizen.benefits.cash_benefit_months": "abc",
        "citizen.benefits.insurance_benefits_months": "abc",
    }
    fill(page, tool, {"date": "2026-03-02", "area": "forebyggelse", **numbers})
    submit(page, tool)
    quote = ("«{}»", "“{}”")[lang == "en"]
    for path in numbers:
        label = page.locator(f"label[for='{field_id(tool, path)}']").inner_text()
        error = error_of(page, tool, path)
        expect(error).to_be_visible()
        expect(error).to_contain_text(quote.format(label))
        expect(error).not_to_contain_text(path)
    site.watch.assert_clean()


def test_placement_newer_limit_values_are_sent(site: StaffSite) -> None:
    """The folded «Nyere grænseværdier» fields reach the package (their keys hold dots): with every
    limit value given, the answer no longer warns that the agreement gives only one year's value."""
    tool = "placement"
    stale = "Aftalen oplyser kun grænseværdien"
    page = site.open(tool)
    expect(run(page, tool, {**HIGH_NEED, "allocated_share": "22"})).to_contain_text(stale)
    page = site.open(tool)
    tool_box(page, tool).locator("summary").filter(has_text="Nyere grænseværdier").click()
    limits = {
        f"limits.{group}.{criterion}.threshold": "50"
        for group in ("riskzone", "udsat", "forebyggelse")
        for criterion in ("unemployment", "convictions", "education", "income")
    }
    results = run(page, tool, {**HIGH_NEED, "allocated_share": "22", **limits})
    expect(results).not_to_contain_text(stale)
    site.watch.assert_clean()
