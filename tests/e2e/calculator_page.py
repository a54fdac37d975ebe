"""Helpers that use the calculator page the way a person does: by labels and visible text."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

LABELS = {
    "da": {
        "date": "Dato for overtagelse af boligen",
        "age": "Alder (år)",
        "kind": "Slags arbejde",
        "hours": "Timer om ugen",
        "pension": "Pension eller efterløn",
        "submit": "Vurder",
    },
    "en": {
        "date": "Date the home is taken over",
        "age": "Age (years)",
        "kind": "Kind of work",
        "hours": "Hours a week",
        "pension": "Pension or early retirement pay",
        "submit": "Assess",
    },
}
# A date inside the agreement's period (2024-2027), so the test does not depend on today.
DATE = "2026-03-01"
PATHS = {"da": "/beregner/", "en": "/en/beregner/"}


def open_calculator(page: Page, lang: str) -> None:
    page.goto(PATHS[lang])
    page.get_by_label(LABELS[lang]["age"], exact=True).wait_for()


def fill_applicant(
    page: Page,
    lang: str,
    *,
    age: str,
    hours: str,
    kind: str = "employee",
    pension: str | None = None,
) -> None:
    """Fill in the applicant and submit. ``kind`` and ``pension`` are the package's values."""
    labels = LABELS[lang]
    page.get_by_label(labels["date"], exact=True).fill(DATE)
    page.get_by_label(labels["age"], exact=True).fill(age)
    page.get_by_label(labels["kind"], exact=True).select_option(value=kind)
    page.get_by_label(labels["hours"], exact=True).fill(hours)
    if pension is not None:
        page.get_by_label(labels["pension"], exact=True).select_option(value=pension)
    page.get_by_role("button", name=labels["submit"]).click()


def finding(page: Page, criterion_id: str) -> Locator:
    return page.locator(f'section.ub-finding[data-criterion="{criterion_id}"]')
