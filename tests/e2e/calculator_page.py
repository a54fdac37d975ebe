"""Helpers that use the calculator page the way a person does: by labels and visible text.

Fields are found by their visible label inside the person's fieldset ("Person 1: ansøger"),
selects are set by the package's values, and answers are read from what is on screen.
"""

from __future__ import annotations

from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from .conftest import CALCULATOR_TIMEOUT_MS, Watch

LABELS = {
    "da": {
        "date": "Dato for overtagelse af boligen",
        "role": "Rolle i husstanden",
        "age": "Alder (år)",
        "kind": "Arbejde",
        "hours": "Timer om ugen",
        "pension": "Pension eller efterløn",
        "doneAbove": "Har personen en uddannelse ud over grundskolen (9./10. klasse)?",
        "doneCountry": "Hvor er uddannelsen taget?",
        "doneOn": "Uddannelsen blev færdig",
        "convicted": "Har personen fået en dom?",
        "taxable": "Skattepligtig i Danmark?",
        "income": "Gennemsnitlig bruttoindkomst om måneden (kr.)",
        "amount": "Aktuelt beløb om måneden (kr.), hvis du kender det",
        "happened": "Er ansøgeren blevet skilt, separeret eller gået fra sin partner?",
        "sepDate": "Dato for skilsmisse, separation eller brud",
        "stair": "Trappe",
        "trin": "Trin",
        "addPerson": "Tilføj en person",
        "submit": "Vis svaret",
        "clear": "Ryd alle svar",
        "save": "Gem på denne enhed",
        "forget": "Slet de gemte svar",
    },
    "en": {
        "date": "Date the home is taken over",
        "role": "Role in the household",
        "age": "Age (years)",
        "kind": "Work",
        "hours": "Hours a week",
        "pension": "Pension or early retirement pay",
        "doneAbove": "Does the person have an education beyond primary and lower secondary school (year 9/10)?",
        "doneCountry": "Where was it taken?",
        "doneOn": "The education was completed on",
        "convicted": "Has the person been convicted?",
        "taxable": "Taxable in Denmark?",
        "income": "Average gross income a month (DKK)",
        "amount": "Current amount a month (DKK), if you know it",
        "happened": "Has the applicant divorced, separated or broken up with a partner?",
        "sepDate": "Date of the divorce, separation or break-up",
        "stair": "Stair",
        "trin": "Step",
        "addPerson": "Add a person",
        "submit": "Show the answer",
        "clear": "Clear all answers",
        "save": "Save on this device",
        "forget": "Delete the saved answers",
    },
}
VERDICTS = {
    "da": {"met": "Opfyldt", "not_met": "Ikke opfyldt", "cannot_tell": "Kan ikke afgøres"},
    "en": {"met": "Met", "not_met": "Not met", "cannot_tell": "Cannot tell"},
}
READY = {"da": "klar", "en": "ready"}
# A date inside the agreement's period (2024-2027), so no test depends on today's date.
DATE = "2026-03-01"
PATHS = {"da": "/beregner/", "en": "/en/beregner/"}


def open_calculator(page: Page, lang: str) -> None:
    page.goto(PATHS[lang])
    person(page, 0).get_by_label(LABELS[lang]["age"], exact=True).wait_for()


def wait_until_ready(page: Page) -> None:
    expect(page.locator("#ub-status[data-state=ready]")).to_be_visible(
        timeout=CALCULATOR_TIMEOUT_MS
    )


def wait_until_offline_ready(page: Page) -> None:
    """Wait until the service worker holds everything a later visit needs without the network
    (on a first visit that is the last thing the page does; the status line then says so)."""
    expect(page.locator("#ub-status[data-offline=ready]")).to_be_visible(
        timeout=CALCULATOR_TIMEOUT_MS
    )


def person(page: Page, index: int) -> Locator:
    """The fieldset of person ``index`` (0 is the applicant)."""
    return page.locator(f'fieldset.ub-person[data-person="{index}"]')


def field(page: Page, lang: str, name: str, index: int | None = 0) -> Locator:
    """A control by its visible label: in person ``index``'s fieldset, or anywhere if None."""
    scope: Page | Locator = page if index is None else person(page, index)
    return scope.get_by_label(LABELS[lang][name], exact=True)


def set_date(page: Page, lang: str, value: str = DATE) -> None:
    field(page, lang, "date", None).fill(value)


def fill_applicant(
    page: Page,
    lang: str,
    *,
    age: str,
    hours: str,
    kind: str = "employee",
    pension: str | None = None,
) -> None:
    """Fill in the applicant and press the button. ``kind`` and ``pension`` are package values."""
    set_date(page, lang)
    field(page, lang, "age").fill(age)
    field(page, lang, "kind").select_option(value=kind)
    field(page, lang, "hours").fill(hours)
    if pension is not None:
        field(page, lang, "pension").select_option(value=pension)
    submit(page, lang)


def submit(page: Page, lang: str) -> None:
    page.get_by_role("button", name=LABELS[lang]["submit"]).click()


def finding(page: Page, criterion_id: str) -> Locator:
    return page.locator(f'section.ub-finding[data-criterion="{criterion_id}"]')


def verdict(page: Page, criterion_id: str) -> Locator:
    return finding(page, criterion_id).locator(".ub-verdict__text")


def error_of(control: Locator) -> Locator:
    """The inline error message that belongs to a control (through aria-describedby)."""
    control_id = control.get_attribute("id")
    return control.page.locator(f"#{control_id}-error")


def hours_error(page: Page, index: int = 0) -> Locator:
    return page.locator(f"#ub-f-household-{index}-employment-hours_per_week-error")


class SharedCalculators:
    """One browser context with one calculator page per language, reused by the tests of a module.

    Pyodide then starts once per language instead of once per test; between tests the page's own
    "clear all answers" button empties the form (which the tests thereby also check).
    """

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.context: BrowserContext = browser.new_context(base_url=base_url)
        self.context.set_default_timeout(CALCULATOR_TIMEOUT_MS)
        self.watch = Watch(origin=base_url)
        self.context.on("request", self.watch.on_request)
        self.context.on("requestfailed", self.watch.on_request_failed)
        self.pages: dict[str, Page] = {}

    def open(self, lang: str) -> tuple[Page, Watch]:
        page = self.pages.get(lang)
        if page is None:
            page = self.context.new_page()
            page.on("console", self.watch.on_console)
            page.on("pageerror", lambda error: self.watch.page_errors.append(str(error)))
            open_calculator(page, lang)
            self.pages[lang] = page
        else:
            page.emulate_media(media="screen")
            page.get_by_role("button", name=LABELS[lang]["clear"]).click()
            expect(field(page, lang, "age")).to_have_value("")
            expect(person(page, 1)).to_have_count(0)
        for problems in (
            self.watch.console_errors,
            self.watch.page_errors,
            self.watch.foreign_requests,
            self.watch.failed_requests,
        ):
            problems.clear()
        return page, self.watch

    def close(self) -> None:
        self.context.close()
