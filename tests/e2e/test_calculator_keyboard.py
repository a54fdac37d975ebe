"""The whole calculator flow with the keyboard only: Tab to move, Enter and Space to press, and
typing (including a select's type-ahead). No mouse, no clicks, no arrow keys."""

from __future__ import annotations

from playwright.sync_api import Page, Route, expect

from .calculator_page import (
    VERDICTS,
    field,
    finding,
    open_calculator,
    person,
    verdict,
    wait_until_ready,
)
from .conftest import CALCULATOR_TIMEOUT_MS, Watch

T = CALCULATOR_TIMEOUT_MS
MAX_TABS = 400


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focused element matches ``selector`` (fail after MAX_TABS)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(
            "s => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_whole_flow_works_with_the_keyboard_only(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    # "Today" is fixed, so the prefilled date (and so the rules used) never depends on the real date.
    page.clock.set_fixed_time("2026-03-01T10:00:00")
    open_calculator(page, "en")
    # The flow is about the keyboard, so it starts once the rules have loaded: then the form
    # asks only what the rules need, and no question is hidden under the focus while typing.
    wait_until_ready(page)
    expect(field(page, "en", "date", None)).to_have_value("2026-03-01")

    # The applicant: 34, no work, no pension.
    tab_to(page, "[data-path='household[0].age']")
    page.keyboard.type("34")
    # The follow-ups come with the age (the form asks the household first).
    expect(field(page, "en", "kind")).to_be_visible(timeout=T)
    page.keyboard.press("Tab")
    page.keyboard.type("no w")  # Work: "No work"
    expect(field(page, "en", "kind")).to_have_value("none")
    tab_to(page, "[data-path='household[0].pension']")
    page.keyboard.type("no p")  # "No pension or early retirement pay"
    expect(field(page, "en", "pension")).to_have_value("none")

    # A spouse who works 37 hours: the button is pressed with Space.
    tab_to(page, "button[data-action=add-person]")
    page.keyboard.press("Space")
    role = field(page, "en", "role", 1)
    expect(role).to_be_focused()
    page.keyboard.type("spo")
    expect(role).to_have_value("spouse")
    page.keyboard.press("Tab")
    page.keyboard.type("36")
    expect(field(page, "en", "kind", 1)).to_be_visible(timeout=T)
    page.keyboard.press("Tab")
    page.keyboard.type("emp")
    expect(field(page, "en", "kind", 1)).to_have_value("employee")
    # The hours question follows the kind of work; wait until it is drawn before moving on.
    expect(field(page, "en", "hours", 1)).to_be_visible(timeout=T)
    page.keyboard.press("Tab")
    expect(field(page, "en", "hours", 1)).to_be_focused()
    page.keyboard.type("37")

    # The home: area stair, step 2.
    tab_to(page, "[data-path='situation.stair']")
    page.keyboard.type("the a")
    expect(field(page, "en", "stair", None)).to_have_value("omraadetrappe")
    page.keyboard.press("Tab")
    page.keyboard.type("area stair, step 2")
    expect(field(page, "en", "trin", None)).to_have_value("2")

    # Enter on the button shows the answer and moves the focus to it.
    tab_to(page, "button[type=submit]")
    page.keyboard.press("Enter")
    expect(verdict(page, "A1")).to_have_text(VERDICTS["en"]["met"], timeout=T)
    expect(page.locator("#ub-results-heading")).to_be_focused()
    expect(finding(page, "A1")).to_contain_text("Met by: Person 2.")
    expect(page.locator("section.ub-wheel li.ub-home")).to_have_count(9)

    # From the answer, a missing fact's link leads back to its question.
    tab_to(page, ".ub-missing a[data-path='household[0].education.kind']")
    page.keyboard.press("Enter")
    expect(page.locator("form [data-path='household[0].education.kind']")).to_be_focused()
    watch.assert_clean()


def test_the_focused_question_stays_when_the_rules_arrive(watched_page: tuple[Page, Watch]) -> None:
    """Typing while the rules load: before they come, the form asks every question; when they come
    it hides the ones they do not need (here the job's start, for an applicant whose 30 hours meet
    A1) — but not the one being answered, which stays with the focus until focus moves on."""
    page, watch = watched_page
    page.clock.set_fixed_time("2026-03-01T10:00:00")
    held: list[Route] = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    open_calculator(page, "en")
    field(page, "en", "age").fill("30")
    field(page, "en", "kind").select_option(value="employee")
    field(page, "en", "hours").fill("30")
    starts = person(page, 0).locator("[data-path='household[0].employment.starts_on']")
    starts.focus()
    assert held, "the Python runtime was not requested"
    for route in held:
        route.continue_()
    wait_until_ready(page)
    expect(verdict(page, "A1")).to_have_text(VERDICTS["en"]["met"], timeout=T)
    expect(starts).to_be_visible()
    expect(starts).to_be_focused()
    # Once focus moves on, the question the rules do not need goes.
    field(page, "en", "hours").focus()
    expect(starts).to_be_hidden(timeout=T)
    page.unroute("**/pyodide.asm.wasm")
    watch.assert_clean()
