"""Six households drawn from the agreement (issue 10, «What it must show»), each as the document the
calculator sends once every question it asks is answered. The unit test (tests/test_questions.py)
checks which questions the declarations ask them; the browser test
(tests/e2e/test_calculator_households.py) fills them in as a person does and checks the same
questions are on screen; build_scripts/measure_households.py prints the closing note's table.
"""

from __future__ import annotations

from typing import Any

DATE = "2026-03-01"
NO_SEPARATION = {"happened": False}


def _adult(age: int, hours: int | None, income: int | None, **extra: Any) -> dict[str, Any]:
    person: dict[str, Any] = {"age": age}
    if hours is not None:
        person["employment"] = {"kind": "employee", "hours_per_week": hours}
    person["education"] = {"kind": "none"}
    person["convictions"] = []
    if income is not None:
        person["completed_education"] = {
            "above_grundskole": True,
            "country": "dk",
            "completed_on": "2010-06-30",
        }
        person["income"] = {"taxable_in_dk": True, "monthly_gross": income}
    person.update(extra)
    return person


HOUSEHOLDS: dict[str, dict[str, Any]] = {
    # A married couple: she (31) works 22 hours a week in a permanent job, he (34) is an apprentice.
    "couple": {
        "date": DATE,
        "household": [
            {
                "role": "applicant",
                **_adult(31, 22, 19000, pension="none", needs_accessible_home=False),
            },
            {
                "role": "spouse",
                "age": 34,
                "employment": {"kind": "elev"},
                "pension": "none",
                # A2 asks when the apprenticeship began only of one who can rent youth housing.
                "education": {"youth_housing_eligible": True, "starts_on": "2025-08-01"},
                "convictions": [],
                "completed_education": {"above_grundskole": False},
                "needs_accessible_home": False,
            },
        ],
        "separation": NO_SEPARATION,
    },
    "child_under_15": {
        "date": DATE,
        "household": [
            {"role": "applicant", **_adult(40, 37, 32000, needs_accessible_home=False)},
            {"role": "child", "age": 8, "needs_accessible_home": False},
        ],
        "separation": NO_SEPARATION,
    },
    "senior": {
        "date": DATE,
        "household": [
            {
                "role": "applicant",
                "age": 67,
                "education": {"kind": "none"},
                "convictions": [],
                "needs_accessible_home": False,
            }
        ],
        "separation": NO_SEPARATION,
    },
    # A divorced father with his daughter (B1: within a year of the divorce).
    "divorced_parent": {
        "date": DATE,
        "household": [
            {"role": "applicant", **_adult(45, 30, 30000, needs_accessible_home=False)},
            {"role": "child", "age": 10, "needs_accessible_home": False},
        ],
        "separation": {
            "happened": True,
            "date": "2025-10-01",
            "married": True,
            "copenhagen_address_before": True,
        },
    },
    "student": {
        "date": DATE,
        "household": [
            {
                "role": "applicant",
                "age": 19,
                "employment": {"kind": "none"},
                "pension": "none",
                "education": {"kind": "su", "starts_on": "2025-08-15"},
                "convictions": [],
                "needs_accessible_home": False,
            }
        ],
        "separation": NO_SEPARATION,
    },
    # A family whose child uses a wheelchair (C1).
    "accessible_home": {
        "date": DATE,
        "household": [
            {"role": "applicant", **_adult(38, 37, 30000)},
            {"role": "spouse", **_adult(36, 30, 28000)},
            {"role": "child", "age": 6, "needs_accessible_home": True},
        ],
        "separation": NO_SEPARATION,
    },
}
WORK_INCOME_CONVICTIONS = frozenset(
    {
        "employment.kind",
        "employment.hours_per_week",
        "pension",
        "convictions",
        "income.taxable_in_dk",
        "income.monthly_gross",
    }
)


def answered_paths(person: dict[str, Any], prefix: str = "") -> list[str]:
    """The answered fields of a person (or the document), as the form's paths, in order."""
    out: list[str] = []
    for key, value in person.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out += answered_paths(value, f"{path}.")
        else:
            out.append(path)
    return out
