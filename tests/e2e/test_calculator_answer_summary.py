"""The answer first, in words (issue 10), on a phone (390×844) and a laptop (1366×768).

A married couple from the agreement's examples (Bilag 4, IV.1 A.1–A.2; Bilag 4, IV.2): she is 31 and
works 22 hours a week in a permanent job, he is 34 and an apprentice. The short verdict comes first in
the answer, names the persons (S1: Person 1 does not meet it; S3: Person 2 does not), says where in
words, and the printed medbring-ark states the criteria met and for whom, the date and the rules'
version, with only the documents those criteria ask for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from udlejning import __version__

from .calculator_page import LABELS, field, open_calculator, person, set_date, submit
from .conftest import CALCULATOR_TIMEOUT_MS, Watch, _open_page, serious_violations
from .test_calculator_households import answer_when_asked, settle_edits

T = CALCULATOR_TIMEOUT_MS
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}


@pytest.fixture(params=sorted(VIEWPORTS))
def couple_page(request, browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:  # type: ignore[no-untyped-def]
    # CSP bypassed only so that axe-core can be injected; the site's own scripts are unchanged.
    for page, watch in _open_page(browser, base_url, bypass_csp=True):
        page.set_viewport_size(VIEWPORTS[request.param])
        open_calculator(page, "da")
        fill_couple(page)
        yield page, watch


def _person_fields(page: Page, index: int, values: list[tuple[str, str]]) -> None:
    """Fill a person's fields by their visible labels (a select is set by its value), as a person
    does: once the form follows the last answer, the questions it shows; a question the form does
    not ask yet is answered when it does (what it asks depends on what the rules still miss)."""
    scope = person(page, index)

    def answer_one(question: tuple[str, str]) -> bool:
        label, value = question
        settle_edits(page)
        control = scope.get_by_label(label, exact=True)
        if not control.is_visible():
            return False
        if control.evaluate("node => node.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
        return True

    never = answer_when_asked(values, answer_one)
    assert not never, f"the form never asks {[label for label, _ in never]}"
    page.keyboard.press("Tab")  # the last answer is committed as a person leaves the field
    settle_edits(page)


def fill_couple(page: Page) -> None:
    lang = "da"
    set_date(page, lang)
    common = [
        ("Pension eller efterløn", "none"),
        ("Har personen fået en dom?", "no"),
        ("Har personen et fysisk handicap og derfor brug for en tilgængelighedsbolig?", "no"),
    ]
    _person_fields(
        page,
        0,
        [
            ("Alder (år)", "31"),
            ("Arbejde", "employee"),
            ("Timer om ugen", "22"),
            ("Uddannelse", "none"),
            (LABELS[lang]["doneAbove"], "yes"),
            (LABELS[lang]["doneCountry"], "dk"),
            (LABELS[lang]["doneOn"], "2015-06-30"),
            ("Skattepligtig i Danmark?", "yes"),
            (LABELS[lang]["income"], "19.000"),
            *common,
        ],
    )
    page.get_by_role("button", name=LABELS[lang]["addPerson"]).click()
    _person_fields(
        page,
        1,
        [
            ("Rolle i husstanden", "spouse"),
            ("Alder (år)", "34"),
            # The apprenticeship is asked once: an elevstilling is the training agreement (A2).
            ("Arbejde", "elev"),
            ("Uddannelsen begynder eller begyndte", "2025-08-01"),
            ("Kan personen leje en almen ungdomsbolig?", "yes"),
            (LABELS[lang]["doneAbove"], "no"),
            # In education: S4 does not ask about his income, so the form does not either.
            *common,
        ],
    )
    field(page, lang, "happened", None).select_option("no")
    field(page, lang, "amount", None).fill("22904,30")
    field(page, lang, "stair", None).select_option("omraadetrappe")
    field(page, lang, "trin", None).select_option("2")
    submit(page, lang)


def test_the_verdict_comes_first_in_words_and_names_the_persons(
    couple_page: tuple[Page, Watch],
) -> None:
    page, watch = couple_page
    summary = page.locator("#ub-answer-summary")
    expect(summary).to_be_visible(timeout=T)
    # First in the answer: right after the heading and the date line, before the details.
    first = page.evaluate(
        "() => [...document.querySelector('.ub-results').children].findIndex(n => n.id === 'ub-answer-summary')"
    )
    details = page.evaluate(
        "() => [...document.querySelector('.ub-results').children].findIndex(n => n.matches('section.ub-finding, .ub-short'))"
    )
    assert 0 <= first < details, (first, details)
    expect(summary.locator(".ub-summary__headline")).to_have_text(
        "I opfylder A2 (unge under uddannelse) og S2 (ingen domme). Ikke opfyldt: A1 (fast arbejde), "
        "B1 (skilsmisse, separation eller brud), C1 (handicap og behov for tilgængelighedsbolig), "
        "S1 (arbejde eller uddannelse), S3 (uddannelse over grundskolen) og S4 (indkomst)."
    )
    s1 = summary.locator("li[data-criterion=S1]")
    expect(s1).to_contain_text("Alle mellem 18 og 64 år, der flytter ind, skal opfylde S1")
    expect(s1).to_contain_text("Person 1 (31 år) gør ikke: 22 timer om ugen; kravet er 25.")
    expect(s1).to_contain_text("Person 2 (34 år) gør.")
    # The chosen home first: the fallback order, not «Fortrinsret» through the criteria.
    expect(summary.locator(".ub-summary__chosen")).to_contain_text(
        "Områdetrappen trin 2: fortrinsret kun som reserve i alle ledige boliger"
    )
    expect(summary.locator(".ub-summary__where")).to_contain_text(
        "I afdelinger på afdelingstrappens trin 2, 3 og 4 kan I få fortrinsret gennem kriterierne."
    )
    expect(summary.locator(".ub-summary__next")).to_contain_text("Spørg boligorganisationen")
    # S3's deciding limit names the person who fails, not the one who passes.
    s3 = page.locator("section.ub-finding[data-criterion=S3] .ub-threshold")
    expect(s3).to_have_text(["Person 2 har ikke en uddannelse over grundskoleniveau."])
    assert serious_violations(page) == []
    watch.assert_clean()


def test_the_printed_sheet_states_the_criteria_met_for_whom_date_and_version(
    couple_page: tuple[Page, Watch],
) -> None:
    page, watch = couple_page
    medbring = page.locator(".ub-medbring")
    expect(medbring.locator(".ub-medbring__met")).to_be_visible(timeout=T)
    page.emulate_media(media="print")
    expect(page.locator("#ub-answer-summary")).to_be_hidden()
    met = medbring.locator(".ub-medbring__met li")
    expect(met).to_have_text(
        [
            "A2: Unge under uddannelse: Person 2",
            "Skærpet kriterium 2: Ingen domme: Person 1, Person 2",
        ]
    )
    expect(medbring.locator(".ub-medbring__version")).to_have_text(
        f"Svar pr. 1. marts 2026. Reglerne i beregneren: version {__version__}."
    )
    person2 = medbring.locator('.ub-medbring__person[data-person="Person 2"] li')
    expect(person2).to_have_count(3)
    expect(person2.nth(0)).to_contain_text("Kopi af uddannelsesaftalen eller lærlingekontrakten.")
    expect(person2.nth(2)).to_contain_text("Straffeattest")
    # Nothing for criteria not in play: no divorce papers, no disability statement, no payslips.
    documents = medbring.locator(".ub-checklist li")
    expect(documents).to_have_count(4)
    for absent in ("Skilsmisse", "handicapcenter", "lønsedler"):
        expect(documents.filter(has_text=absent)).to_have_count(0)
    expect(medbring.locator(".ub-medbring__claims")).to_have_count(0)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    page.emulate_media(media="screen")
    watch.assert_clean()
