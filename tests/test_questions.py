"""The home seeker's form asks each person only what can change an answer (issue 10.1). Which
questions are asked is data on the specs (``When`` in ``udlejning.household``), evaluated here by
``udlejning.questions`` after the rules' answer, and by the browser's ``holds`` (form.mjs) the same way.

The six households are the ones the browser tests walk through (tests/e2e/test_calculator_households.py), from tests/e2e/households.py.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from e2e.households import HOUSEHOLDS, WORK_INCOME_CONVICTIONS, answered_paths

from udlejning.forms import leaves
from udlejning.household import PERSON
from udlejning.questions import asked, holds, implied

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(HOUSEHOLDS))
def test_every_answer_of_the_six_households_is_to_a_question_the_form_asks(name: str) -> None:
    """The browser test fills exactly these answers, each into a question on screen."""
    doc = HOUSEHOLDS[name]
    result = asked(doc)
    for person, questions in zip(doc["household"], result["persons"], strict=True):
        answers = [
            p for p in answered_paths(person) if p != "role" or person is not doc["household"][0]
        ]
        assert set(answers) <= set(questions) | {"role"}, (name, answers, questions)
    top = answered_paths({k: v for k, v in doc.items() if k not in ("household", "date")})
    assert set(top) <= set(result["document"]), (name, top, result["document"])


def persons(name: str) -> list[list[str]]:
    return asked(HOUSEHOLDS[name])["persons"]


@pytest.mark.parametrize("name", sorted(HOUSEHOLDS))
def test_a_child_under_15_is_never_asked_about_work_income_or_convictions(name: str) -> None:
    for person, questions in zip(HOUSEHOLDS[name]["household"], persons(name), strict=True):
        if person["age"] < 15:
            assert not WORK_INCOME_CONVICTIONS & set(questions), (name, questions)


def test_the_child_of_eight_is_asked_only_name_role_age_and_disability() -> None:
    """The name is optional (it only names the person in the answer)."""
    assert persons("child_under_15")[1] == ["id", "role", "age", "needs_accessible_home"]


def test_someone_working_full_time_is_not_asked_about_pension() -> None:
    applicant = persons("child_under_15")[0]
    assert "employment.hours_per_week" in applicant
    assert "pension" not in applicant


def test_the_apprenticeship_is_asked_once() -> None:
    him = persons("couple")[1]
    assert "employment.kind" in him
    assert "education.kind" not in him  # an elevstilling is an uddannelsesaftale: not asked again
    assert "education.starts_on" in him  # but when it began still matters (A2)
    sent = implied(HOUSEHOLDS["couple"])["household"][1]
    assert sent["education"]["kind"] == "uddannelsesaftale"


def test_the_couple_in_part_time_work_is_asked_hours_and_income() -> None:
    her = persons("couple")[0]
    assert {"employment.hours_per_week", "income.monthly_gross"} <= set(her)
    assert "shared_address_since" not in her  # married: the cohabitation date is not asked


def test_a_person_of_65_is_not_asked_about_work_or_pension() -> None:
    assert not {"employment.kind", "pension", "income.monthly_gross"} & set(persons("senior")[0])


def test_the_divorced_parent_is_asked_the_break_up_follow_ups() -> None:
    top = asked(HOUSEHOLDS["divorced_parent"])["document"]
    assert {"separation.date", "separation.married"} <= set(top)
    assert "separation.shared_address_from" not in top  # married: not asked
    assert "separation.date" not in asked(HOUSEHOLDS["senior"])["document"]


def test_the_student_is_asked_about_the_education_not_completed_education() -> None:
    student = persons("student")[0]
    assert {"education.kind", "education.starts_on"} <= set(student)
    assert "completed_education.above_grundskole" not in student


def test_once_a_child_needs_an_accessible_home_the_adults_are_not_asked() -> None:
    adults, child = persons("accessible_home")[:2], persons("accessible_home")[2]
    assert "needs_accessible_home" in child
    assert all("needs_accessible_home" not in p for p in adults)


def test_the_browser_evaluates_the_same_when_as_python() -> None:
    """form.mjs's holds() gives what udlejning.questions.holds gives for every person field's
    When, over a table of values, roles, ages and missing lists."""
    cases = []
    whens = [spec.show for _, spec, _, _ in leaves(PERSON) if spec.show is not None]
    for when in whens:
        for role in ("applicant", "cohabitant", "child"):
            for age in (None, 8, 15, 40):
                for values in ({}, {"employment.kind": "elev"}, {"employment.kind": "employee"}):
                    for missing in (set(), {"x"}):
                        path = "x"
                        expected = holds(
                            when, values, role=role, age=age, missing=frozenset(missing), path=path
                        )
                        cases.append(
                            [when.to_json(), values, role, age, sorted(missing), path, expected]
                        )
    script = (
        "import { holds } from './calculator/web/form.mjs';"
        "let text = ''; for await (const chunk of process.stdin) text += chunk;"
        "const cases = JSON.parse(text);"
        "const bad = cases.filter(([w, values, role, age, missing, path, want]) =>"
        " holds(w, { values, role, age, missing: new Set(missing), path }) !== want);"
        "console.log(JSON.stringify(bad.slice(0, 5)));"
    )
    out = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps(cases),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == [], out.stdout
    assert len(cases) > 500


def test_the_step_follows_the_stair_and_the_risk_zone_only_the_area_stairs_step_1() -> None:
    """The home's situation in the calculator (``priority``'s input): the same When data."""
    from udlejning.situation_api import situation_spec

    fields = {".".join(k): s for k, s, _, _ in leaves(situation_spec(), ("situation",))}
    trin = fields["situation.trin"].show
    assert not holds(trin, {"situation.stair": ""})
    assert holds(trin, {"situation.stair": "afdelingstrappe"})
    risk = fields["situation.risk_zone.unemployment"].show
    assert holds(risk, {"situation.stair": "omraadetrappe", "situation.trin": "1"})
    assert not holds(risk, {"situation.stair": "omraadetrappe", "situation.trin": "2"})
    assert not holds(risk, {"situation.stair": "afdelingstrappe", "situation.trin": "1"})
