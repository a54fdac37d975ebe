"""Household documents for the Rules II tests (Bilag 4, IV: A1, B1, S1–S4)."""

from __future__ import annotations

from typing import Any

DATE = "2026-03-02"
# The income amount is only given for 2022 (Reading R-01); supply a current one so S4 can be decided.
SUPPLIED = {"skaerpede.income.monthly_amount": "24000"}

WORKER = {
    "role": "applicant",
    "age": 35,
    "employment": {"kind": "employee", "hours_per_week": 37},
    "pension": "none",
    "education": {"kind": "none"},
    "convictions": [],
    "completed_education": {
        "above_grundskole": True,
        "country": "dk",
        "completed_on": "2010-06-30",
    },
    "income": {"taxable_in_dk": True, "monthly_gross": 40000},
    "needs_accessible_home": False,
}
# Meets A1 and all four stricter criteria; no break-up (so not B).
ALL_FOUR: dict[str, Any] = {
    "date": DATE,
    "household": [WORKER],
    "separation": {"happened": False},
    "parameters": SUPPLIED,
}
# Meets A1 only: works, but has a recent conviction and only basic schooling, so S2 and S3 fail.
A_ONLY: dict[str, Any] = {
    "date": DATE,
    "household": [
        {
            **WORKER,
            "convictions": [{"year": 2025, "law": "straffeloven"}],
            "completed_education": {"above_grundskole": False},
        }
    ],
    "separation": {"happened": False},
    "parameters": SUPPLIED,
}
NOBODY_WORKS = {
    "role": "applicant",
    "age": 40,
    "employment": {"kind": "none"},
    "pension": "none",
    "education": {"kind": "none"},
    "convictions": [],
    "completed_education": {"above_grundskole": False},
    "income": {"taxable_in_dk": True, "monthly_gross": 10000},
    "needs_accessible_home": False,
}
# Meets B1 only: a recent divorce after years of marriage, no work, no education.
B_ONLY: dict[str, Any] = {
    "date": DATE,
    "household": [NOBODY_WORKS],
    "separation": {
        "happened": True,
        "date": "2025-12-01",
        "married": True,
        "shared_address_from": "2015-01-01",
        "copenhagen_address_before": True,
    },
    "parameters": SUPPLIED,
}
# Meets none of A, B or S1–S4.
NONE: dict[str, Any] = {
    "date": DATE,
    "household": [{**NOBODY_WORKS, "convictions": [{"year": 2025, "law": "straffeloven"}]}],
    "separation": {"happened": False},
    "parameters": SUPPLIED,
}
