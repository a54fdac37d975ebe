"""The calculator in Chromium: what a person types and sees, in Danish and English.

Every test fills the form the way a person does (by the visible labels) and reads the answer from
the screen. Dates are fixed (calculator_page.DATE), so nothing depends on today's date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .calculator_page import (
    LABELS,
    READY,
    VERDICTS,
    SharedCalculators,
    field,
    fill_applicant,
    finding,
    open_calculator,
    person,
    set_date,
    submit,
    verdict,
    wait_until_ready,
)
from .conftest import CALCULATOR_TIMEOUT_MS, ROOT, Watch

INPUT_SCHEMA = ROOT / "calculator" / "udlejning" / "schemas" / "input.schema.json"
PRIORITY_SCHEMA = ROOT / "calculator" / "udlejning" / "schemas" / "priority-input.schema.json"
T = CALCULATOR_TIMEOUT_MS


@pytest.fixture(scope="module")
def calculators(browser: Browser, base_url: str) -> Iterator[SharedCalculators]:
    shared = SharedCalculators(browser, base_url)
    try:
        yield shared
    finally:
        shared.close()


def test_household_meeting_a1_sees_a1_met_with_its_source(calculators: SharedCalculators) -> None:
    page, watch = calculators.open("en")
    # The form is usable at once, while Python still loads; the answer comes when it is ready.
    fill_applicant(page, "en", age="34", hours="30")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["en"]["met"], timeout=T)
    a1 = finding(page, "A1")
    expect(a1).to_contain_text("Person 1 works 30 hours a week, which is at least 25.")
    source = a1.locator(".ub-references").get_by_role("link", name="Bilag 4, IV.1 A.1")
    expect(source).to_be_visible()
    assert (
        page.evaluate("href => new URL(href, location.href).pathname", source.get_attribute("href"))
        == "/en/regler/afsnit/"
    )
    docs = a1.get_by_role("link", name="Read about A1")
    target = page.evaluate("href => new URL(href, location.href).href", docs.get_attribute("href"))
    assert target.endswith("/en/regler/kriterier/#a1"), target
    # The short answer comes first, with the verdict in words (not only a colour).
    short = page.locator(".ub-short li[data-criterion=A1]")
    expect(short).to_contain_text("Met")
    # Pressing the button takes the focus to the answer.
    expect(page.locator("#ub-results-heading")).to_be_focused()
    expect(page.locator("#ub-status")).to_contain_text(READY["en"])
    watch.assert_clean()


def test_24_hour_worker_does_not_meet_a1_and_sees_the_25_hours(
    calculators: SharedCalculators,
) -> None:
    page, watch = calculators.open("da")
    fill_applicant(page, "da", age="34", hours="24", pension="none")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["not_met"], timeout=T)
    a1 = finding(page, "A1")
    expect(a1.locator(".ub-threshold")).to_contain_text("24 timer om ugen; A1 kræver 25.")
    # What would change the answer: the deciding limit, with the figure from the rules.
    expect(a1.locator(".ub-change")).to_contain_text("Med mindst 25 timer om ugen")
    watch.assert_clean()


def test_household_in_a_disadvantaged_area_sees_the_stricter_result_and_its_priority(
    calculators: SharedCalculators,
) -> None:
    page, watch = calculators.open("da")
    lang = "da"
    set_date(page, lang)
    field(page, lang, "age").fill("34")
    field(page, lang, "kind").select_option("employee")
    field(page, lang, "hours").fill("30")
    person(page, 0).get_by_label("Uddannelse", exact=True).select_option("none")
    field(page, lang, "doneAbove").select_option("yes")
    field(page, lang, "doneCountry").select_option("dk")
    field(page, lang, "doneOn").fill("2010-06-30")
    field(page, lang, "convicted").select_option("no")
    field(page, lang, "taxable").select_option("yes")
    field(page, lang, "income").fill("30.000")  # Danish thousands separator
    field(page, lang, "amount", None).fill("25000")
    field(page, lang, "stair", None).select_option("omraadetrappe")
    field(page, lang, "trin", None).select_option("2")
    submit(page, lang)

    for criterion in ("S1", "S2", "S3", "S4"):
        expect(verdict(page, criterion)).to_have_text(VERDICTS[lang]["met"], timeout=T)
    expect(page.get_by_role("heading", name="Skærpede kriterier")).to_be_visible()
    row = page.locator('tr[data-step="omraadetrappe-2"]')
    expect(row).to_contain_text("Områdetrappen, trin 2: udsatte boligområder")
    expect(row.locator('td[data-status="priority"]')).to_have_text("9/9")
    wheel = page.locator('section.ub-wheel[data-step="omraadetrappe-2"]')
    expect(wheel.get_by_role("heading", level=4)).to_contain_text("Udlejningshjulet")
    homes = wheel.locator("li.ub-home")
    expect(homes).to_have_count(9)
    expect(
        homes.locator(".ub-home__status").filter(has_text=re.compile(r"^\S+ Fortrinsret$"))
    ).to_have_count(9)
    # The drawing has a text alternative that repeats the answer.
    expect(wheel.locator("figcaption")).to_contain_text("Fortrinsret: 9/9")
    # The user-supplied amount is named in the answer.
    expect(page.locator(".ub-notices")).to_contain_text("25.000,00 kr.")

    # A lower income: S4 is not met, the answer says which amount would change it, and the
    # homes are offered with priority only at the fallback level. No button press: the answer
    # follows the form.
    field(page, lang, "income").fill("20000")
    expect(verdict(page, "S4")).to_have_text(VERDICTS[lang]["not_met"], timeout=T)
    expect(finding(page, "S4").locator(".ub-change")).to_contain_text("25.000,00 kr.")
    expect(homes.first.locator(".ub-home__status")).to_contain_text("fortrinsret på niveau 2")
    watch.assert_clean()


def test_a_spouse_who_works_gives_the_household_a1(calculators: SharedCalculators) -> None:
    page, watch = calculators.open("en")
    lang = "en"
    set_date(page, lang)
    field(page, lang, "age").fill("34")
    field(page, lang, "kind").select_option("none")
    field(page, lang, "pension").select_option("none")
    page.get_by_role("button", name=LABELS[lang]["addPerson"]).click()
    role = field(page, lang, "role", 1)
    expect(role).to_be_focused()
    role.select_option("spouse")
    field(page, lang, "age", 1).fill("36")
    field(page, lang, "kind", 1).select_option("employee")
    field(page, lang, "hours", 1).fill("37")
    submit(page, lang)
    expect(verdict(page, "A1")).to_have_text(VERDICTS[lang]["met"], timeout=T)
    expect(finding(page, "A1")).to_contain_text("Met by: Person 2.")
    expect(finding(page, "A1")).to_contain_text("Person 2 works 37 hours a week")
    # The household summary on the checklist lists both people.
    summary = page.locator(".ub-medbring .ub-summary")
    expect(summary).to_contain_text("Person 1")
    expect(summary).to_contain_text("Person 2 (spouse)")

    # Removing the spouse takes the A1 away again.
    page.get_by_role("button", name="Remove person 2").click()
    expect(person(page, 1)).to_have_count(0)
    expect(verdict(page, "A1")).to_have_text(VERDICTS[lang]["not_met"], timeout=T)
    watch.assert_clean()


def _expect_inline_error(page: Page, control_path: str, contains: str) -> str:
    control = page.locator(f'form [data-path="{control_path}"]')
    error = page.locator(f"#{control.get_attribute('id')}-error")
    expect(error).to_be_visible(timeout=T)
    expect(error).to_contain_text(contains)
    expect(control).to_have_attribute("aria-invalid", "true")
    assert (
        f"{control.get_attribute('id')}-error"
        in (control.get_attribute("aria-describedby") or "").split()
    )
    return error.inner_text().strip()


def test_bad_input_shows_inline_errors_in_the_page_language(
    calculators: SharedCalculators,
) -> None:
    messages: dict[str, str] = {}
    words = {
        "da": {"number": "et tal", "whole": "125", "after": "efter datoen for overtagelsen"},
        "en": {
            "number": "a number",
            "whole": "125",
            "after": "after the date the home is taken over",
        },
    }
    for lang in ("da", "en"):
        page, watch = calculators.open(lang)
        set_date(page, lang)
        field(page, lang, "age").fill("200")
        field(page, lang, "kind").select_option("employee")
        field(page, lang, "hours").fill("-5")
        field(page, lang, "happened", None).select_option("yes")
        field(page, lang, "sepDate", None).fill("2026-06-01")  # after the takeover date
        submit(page, lang)
        messages[lang] = _expect_inline_error(page, "household[0].employment.hours_per_week", "168")
        _expect_inline_error(page, "household[0].age", words[lang]["whole"])
        _expect_inline_error(page, "separation.date", words[lang]["after"])
        # The first field in error gets the focus; no answer is shown while errors remain.
        expect(page.locator("[aria-invalid=true]").first).to_be_focused()
        expect(page.locator("section.ub-finding")).to_have_count(0)
        expect(page.locator(".ub-form-errors li")).to_have_count(3)
        # Text in a number field.
        field(page, lang, "hours").fill("abc")
        _expect_inline_error(page, "household[0].employment.hours_per_week", words[lang]["number"])
        body = page.locator("body").inner_text()
        assert "Traceback" not in body and "household[0]" not in body, body[-2000:]
        watch.assert_clean()
    assert messages["da"] != messages["en"], messages


def test_correcting_the_input_clears_the_error(calculators: SharedCalculators) -> None:
    page, watch = calculators.open("da")
    fill_applicant(page, "da", age="34", hours="-5")
    hours = field(page, "da", "hours")
    error = page.locator(f"#{hours.get_attribute('id')}-error")
    expect(error).to_be_visible(timeout=T)
    hours.fill("30")  # no button: the answer follows the form
    expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["met"], timeout=T)
    expect(error).to_be_hidden()
    expect(hours).not_to_have_attribute("aria-invalid", "true")
    watch.assert_clean()


def test_a_missing_fact_links_to_its_question(calculators: SharedCalculators) -> None:
    page, watch = calculators.open("en")
    set_date(page, "en")
    field(page, "en", "age").fill("34")  # the household first: work is asked once the age is known
    field(page, "en", "kind").select_option("employee")
    wait_until_ready(page)
    a1 = finding(page, "A1")
    expect(a1.locator(".ub-verdict__text")).to_have_text(VERDICTS["en"]["cannot_tell"], timeout=T)
    link = a1.locator(".ub-missing").get_by_role("link", name=re.compile("How many hours a week"))
    link.click()
    expect(field(page, "en", "hours")).to_be_focused()
    watch.assert_clean()


def test_the_checklist_prints_alone(calculators: SharedCalculators) -> None:
    page, watch = calculators.open("da")
    fill_applicant(page, "da", age="34", hours="30")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["met"], timeout=T)
    medbring = page.locator(".ub-medbring")
    expect(medbring.locator(".ub-checklist")).to_contain_text("Ansættelseskontrakt")
    expect(medbring.locator(".ub-summary")).to_contain_text("Timer om ugen: 30")
    page.emulate_media(media="print")
    expect(medbring).to_be_visible()
    expect(medbring.locator(".ub-checklist")).to_be_visible()
    for hidden in (
        "form.ub-form",
        "section.ub-finding >> nth=0",
        ".ub-priority",
        "h1",
        ".md-header",
        ".md-sidebar--primary",
        ".md-footer",
    ):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.get_by_role("button", name="Udskriv medbring-arket")).to_be_hidden()
    page.emulate_media(media="screen")
    expect(page.locator("form.ub-form")).to_be_visible()
    watch.assert_clean()


def test_progress_is_shown_and_pages_without_the_calculator_start_no_worker(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto("/")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [url for url in workers if "/assets/calculator/" in url], workers
    open_calculator(page, "da")
    status = page.locator("#ub-status")
    expect(status).to_be_visible()
    expect(status.locator("progress")).to_be_visible()
    expect(status).to_contain_text(READY["da"], timeout=T)
    expect(status.locator("progress")).to_be_hidden()
    calculator_workers = [url for url in workers if "/assets/calculator/" in url]
    # worker-boot.mjs watches the runtime's downloads, then imports worker.mjs (issue 14.2); the
    # page starts its content-hashed copy (immutable, so a repeat visit asks no server for it).
    assert calculator_workers, workers
    assert re.search(r"/worker-boot\.[0-9a-f]{12}\.mjs$", calculator_workers[0]), workers
    watch.assert_clean()


def _values(page: Page, label: str, scope_index: int | None = 0, lang: str = "da") -> list[str]:
    scope = page if scope_index is None else person(page, scope_index)
    return (
        scope.get_by_label(label, exact=True)
        .locator("option")
        .evaluate_all("options => options.map(o => o.value)")
    )


def test_select_options_are_what_the_input_schema_accepts(calculators: SharedCalculators) -> None:
    page, watch = calculators.open("da")
    schema = json.loads(INPUT_SCHEMA.read_text(encoding="utf-8"))
    situation = json.loads(PRIORITY_SCHEMA.read_text(encoding="utf-8"))["properties"]["situation"]
    props = schema["properties"]["household"]["items"]["properties"]
    lang = "da"
    open_calculator(page, lang)
    labels = LABELS[lang]
    field(page, lang, "age").fill("34")  # the follow-ups are asked once the age is known
    assert _values(page, labels["kind"]) == ["", *props["employment"]["properties"]["kind"]["enum"]]
    assert _values(page, labels["pension"]) == ["", *props["pension"]["enum"]]
    assert _values(page, "Uddannelse") == ["", *props["education"]["properties"]["kind"]["enum"]]
    field(page, lang, "doneAbove").select_option("yes")
    assert _values(page, labels["doneCountry"]) == [
        "",
        *props["completed_education"]["properties"]["country"]["enum"],
    ]
    field(page, lang, "convicted").select_option("yes")  # opens the first conviction
    laws = props["convictions"]["items"]["properties"]["law"]["enum"]
    assert _values(page, "Efter hvilken lov?") == ["", *laws]
    page.get_by_role("button", name="Tilføj en dom").click()
    expect(page.get_by_label("År for dommen", exact=True)).to_have_count(2)
    expect(page.get_by_label("År for dommen", exact=True).nth(1)).to_be_focused()
    page.get_by_role("button", name="Fjern dom 2").click()
    expect(page.get_by_label("År for dommen", exact=True)).to_have_count(1)
    page.get_by_role("button", name=labels["addPerson"]).click()
    roles = [r for r in props["role"]["enum"] if r != "applicant"]
    assert _values(page, labels["role"], 1) == ["", *roles]
    assert _values(page, labels["stair"], None) == ["", *situation["properties"]["stair"]["enum"]]
    field(page, lang, "stair", None).select_option("afdelingstrappe")
    trin = situation["properties"]["trin"]
    assert _values(page, labels["trin"], None) == [
        "",
        *[str(n) for n in range(trin["minimum"], trin["maximum"] + 1)],
    ]
    watch.assert_clean()


def test_search_works_under_the_content_security_policy(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    page.goto("/en/")
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("calculator")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=T)
    expect(results.first).to_contain_text("Calculator")
    watch.assert_clean()
