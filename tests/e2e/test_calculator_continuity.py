"""Continuity (issue 10.6): a link with the answers keeps them in the URL fragment (never sent to
the server) and brings them back; answers saved as a file come back, and a bad file gives a clear
error and changes nothing; the language switch keeps unsaved answers; «Ryd alle svar» can be undone.
"""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page, expect

from .calculator_page import LABELS, field, open_calculator, person, set_date
from .conftest import CALCULATOR_TIMEOUT_MS, Watch

T = CALCULATOR_TIMEOUT_MS


def _applicant(page: Page, lang: str = "da") -> None:
    set_date(page, lang)
    field(page, lang, "age").fill("34")
    field(page, lang, "kind").select_option("employee")
    field(page, lang, "hours").fill("30")


def test_a_link_carries_the_answers_in_the_fragment_only(
    watched_page: tuple[Page, Watch],
) -> None:
    page, watch = watched_page
    open_calculator(page, "da")
    _applicant(page)
    page.get_by_role("button", name="Kopiér et link med mine svar").click()
    expect(page.locator(".ub-save-status")).to_contain_text("Linket")
    url = page.url
    assert "#svar=" in url
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.reload()  # a fresh page load of the link (the fragment is in the address bar)
    expect(field(page, "da", "age")).to_have_value("34")
    expect(field(page, "da", "hours")).to_have_value("30")
    expect(page.locator(".ub-save-status")).to_have_text("Svarene er hentet fra linket.")
    assert requested and all("svar=" not in u for u in requested)  # the fragment never leaves
    watch.assert_clean()


def test_answers_saved_as_a_file_come_back_and_a_bad_file_changes_nothing(
    watched_page: tuple[Page, Watch], tmp_path: Path
) -> None:
    page, watch = watched_page
    open_calculator(page, "da")
    _applicant(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Gem svarene som fil").click()
    saved = tmp_path / "svar.json"
    download.value.save_as(saved)
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["household"][0]["employment"] == {"kind": "employee", "hours_per_week": "30"}

    upload = page.get_by_label("Hent svar fra en fil", exact=True)
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    upload.set_input_files(bad)
    status = page.locator(".ub-save-status")
    expect(status).to_have_attribute("role", "alert")
    expect(status).to_contain_text("den er ikke en fil med svar (JSON)")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({**doc, "household": [{"role": "applicant", "age": 200}]}), "utf-8")
    upload.set_input_files(wrong)
    expect(status).to_contain_text("Filen kunne ikke bruges", timeout=T)
    expect(status).to_contain_text("«Alder (år)» skal ligge mellem 0 og 125")
    expect(field(page, "da", "age")).to_have_value("34")  # nothing changed

    page.get_by_role("button", name=LABELS["da"]["clear"]).click()
    expect(field(page, "da", "age")).to_have_value("")
    page.get_by_label("Hent svar fra en fil", exact=True).set_input_files(saved)
    expect(status).to_have_text("Svarene er hentet fra filen.", timeout=T)
    expect(field(page, "da", "age")).to_have_value("34")
    expect(field(page, "da", "hours")).to_have_value("30")
    watch.assert_clean()


def test_the_language_switch_keeps_unsaved_answers(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    open_calculator(page, "da")
    _applicant(page)
    page.get_by_role("button", name=LABELS["da"]["addPerson"]).click()
    field(page, "da", "role", 1).select_option("child")
    field(page, "da", "age", 1).fill("8")
    page.locator("a.md-select__link[hreflang=en]").dispatch_event("click")
    page.wait_for_url("**/en/beregner/**")
    expect(field(page, "en", "age")).to_have_value("34", timeout=T)
    expect(field(page, "en", "hours")).to_have_value("30")
    expect(field(page, "en", "age", 1)).to_have_value("8")
    expect(person(page, 1)).to_contain_text("Person 2")
    watch.assert_clean()


def test_clearing_all_answers_can_be_undone(watched_page: tuple[Page, Watch]) -> None:
    page, watch = watched_page
    open_calculator(page, "en")
    _applicant(page, "en")
    page.get_by_role("button", name=LABELS["en"]["clear"]).click()
    expect(field(page, "en", "age")).to_have_value("")
    page.get_by_role("button", name="Undo").click()
    expect(field(page, "en", "age")).to_have_value("34")
    expect(field(page, "en", "hours")).to_have_value("30")
    watch.assert_clean()
