"""Issue 11 in Chromium: the calculator shows the readings an answer rests on, the answer under the
other reading of a contested R-item, and the conditional income verdict."""

from __future__ import annotations

from playwright.sync_api import expect

from .calculator_page import (
    LABELS,
    VERDICTS,
    SharedCalculators,
    field,
    finding,
    person,
    set_date,
    submit,
    verdict,
)
from .conftest import CALCULATOR_TIMEOUT_MS

T = CALCULATOR_TIMEOUT_MS


def test_the_other_reading_of_r03_is_shown_next_to_s1(calculators: SharedCalculators) -> None:
    """A 62-year-old on efterløn without work: S1 is not met under reading R-03 (Bilag 4, IV.2 nr. 1;
    L4026–4028, L4266–4270), and the answer says the other reading would make it met."""
    page, watch = calculators.open("da")
    set_date(page, "da")
    field(page, "da", "age").fill("62")
    field(page, "da", "kind").select_option(value="none")
    field(page, "da", "pension").select_option(value="efterloen")
    person(page, 0).get_by_label("Uddannelse", exact=True).select_option("none")
    submit(page, "da")
    expect(verdict(page, "S1")).to_have_text(VERDICTS["da"]["not_met"], timeout=T)
    other = finding(page, "S1").locator('.ub-other-readings li[data-reading="R-03"]')
    expect(other).to_contain_text(
        "Efter en anden læsning af aftalen (R-03) ville svaret være «opfyldt» i stedet for «ikke opfyldt»."
    )
    link = finding(page, "S1").locator(".ub-readings").get_by_role("link", name="R-03")
    href = link.get_attribute("href")
    assert page.evaluate(
        "h => new URL(h, location.href).pathname + new URL(h, location.href).hash", href
    ) == ("/regler/tvivl/#r-03")
    # A1 still counts the pension as work, and names no contested reading that would change it.
    expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["met"], timeout=T)
    expect(finding(page, "A1").locator(".ub-other-readings")).to_have_count(0)
    watch.assert_clean()


def test_s4_is_met_as_long_as_the_current_amount_is_at_most_the_income(
    calculators: SharedCalculators,
) -> None:
    """Bilag 4, IV.2 nr. 4 (L4314–4318): only the 2022 amount is known, so S4 is answered on the
    household's own figure: met as long as the current amount is at most that income."""
    page, watch = calculators.open("en")
    set_date(page, "en")
    field(page, "en", "age").fill("40")
    person(page, 0).get_by_label("Education", exact=True).select_option("none")
    field(page, "en", "taxable").select_option("yes")
    field(page, "en", "income").fill("24,500")
    submit(page, "en")
    expect(verdict(page, "S4")).to_have_text(VERDICTS["en"]["cannot_tell"], timeout=T)
    expect(finding(page, "S4").locator(".ub-condition")).to_contain_text(
        "S4 is met as long as the current amount is at most DKK 24,500.00."
    )
    watch.assert_clean()


def test_the_other_reading_of_r09_is_shown_next_to_s4(calculators: SharedCalculators) -> None:
    """Bilag 4, IV.2 nr. 4 (L4310–4318; L687–697), reading R-09: a 15-year-old in year 9 with no
    income is «uddannelsessøgende», so the family meets S4 on the parent's income; the answer says
    that under the other reading (only education that counts in A2) S4 would not be met."""
    page, watch = calculators.open("da")
    set_date(page, "da")
    field(page, "da", "age").fill("40")
    field(page, "da", "kind").select_option(value="employee")
    field(page, "da", "hours").fill("37")
    person(page, 0).get_by_label("Uddannelse", exact=True).select_option("none")
    field(page, "da", "taxable").select_option("yes")
    field(page, "da", "income").fill("30.000")
    page.get_by_role("button", name=LABELS["da"]["addPerson"]).click()
    field(page, "da", "role", 1).select_option("child")
    field(page, "da", "age", 1).fill("15")
    person(page, 1).get_by_label("Uddannelse", exact=True).select_option("grundskole")
    field(page, "da", "taxable", 1).select_option("yes")
    field(page, "da", "income", 1).fill("0")
    field(page, "da", "amount", None).fill("24.000")
    submit(page, "da")
    expect(verdict(page, "S4")).to_have_text(VERDICTS["da"]["met"], timeout=T)
    other = finding(page, "S4").locator('.ub-other-readings li[data-reading="R-09"]')
    expect(other).to_contain_text(
        "Efter en anden læsning af aftalen (R-09) ville svaret være «ikke opfyldt» i stedet for «opfyldt»."
    )
    expect(
        finding(page, "S4").locator(".ub-readings").get_by_role("link", name="R-09")
    ).to_be_visible()
    watch.assert_clean()
