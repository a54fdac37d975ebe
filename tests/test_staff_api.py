"""Examples for the staff endpoints (``udlejning.staff_api``): Bilag 14's deadlines and Bilag 5's limits
on municipal allocation, with afsnit 6.1.3 and 6.1.6. Each test names the section it rests on; the
boundaries are the agreement's own numbers (one calendar month, 14 days, five working days, three
months; 6 months, under 18, 6 and 24 consecutive months; four years)."""

from __future__ import annotations

import io
import json
from typing import Any

import jsonschema
import pytest

from udlejning import cli
from udlejning.schemas import SCHEMAS
from udlejning.staff_api import allocation_limits, deadlines, new_build, saerbolig_phase_out

CHECKER = jsonschema.Draft202012Validator.FORMAT_CHECKER
OUTPUT = {
    "deadlines": jsonschema.Draft202012Validator(
        SCHEMAS["deadlines-output"](), format_checker=CHECKER
    ),
    "allocation_limits": jsonschema.Draft202012Validator(
        SCHEMAS["allocation-limits-output"](), format_checker=CHECKER
    ),
}
INPUT = {
    "deadlines": jsonschema.Draft202012Validator(SCHEMAS["deadlines-input"]()),
    "allocation_limits": jsonschema.Draft202012Validator(SCHEMAS["allocation-limits-input"]()),
}


def run_deadlines(doc: dict[str, Any]) -> dict[str, Any]:
    result = deadlines(doc)
    OUTPUT["deadlines"].validate(result)
    if result["ok"]:
        INPUT["deadlines"].validate(doc)
    return result


def run_limits(doc: dict[str, Any]) -> dict[str, Any]:
    result = allocation_limits(doc)
    OUTPUT["allocation_limits"].validate(result)
    if result["ok"]:
        INPUT["allocation_limits"].validate(doc)
    return result


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def error_at(result: dict[str, Any]) -> tuple[str, str]:
    assert result["ok"] is False, result
    return result["errors"][0]["path"], result["errors"][0]["code"]


# --- Bilag 14 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        ("2025-01-15", "2025-02-15"),
        ("2025-01-16", "2025-02-15"),  # received on the 16th counts as received on the 15th
        ("2025-01-17", "2025-02-17"),
        ("2025-01-31", "2025-02-28"),  # the day is clipped to the month's length
        ("2027-12-31", "2028-01-31"),  # the last day of the agreement; the month runs past it
    ],
)
def test_municipality_has_one_calendar_month(received: str, deadline: str) -> None:
    """Bilag 14: «én kalendermåned fra modtagelse af lejemål til indflytning»."""
    result = run_deadlines({"received_on": received})
    item = by_id(result["deadlines"])["municipality_moving_in"]
    assert (item["date"], item["kind"], item["reference"]) == (deadline, "deadline", "Bilag 14")


@pytest.mark.parametrize(
    ("moving_in", "verdict"), [("2025-02-15", "enough_notice"), ("2025-02-14", "short_notice")]
)
def test_shorter_time_than_a_calendar_month(moving_in: str, verdict: str) -> None:
    """Bilag 14: a home sent in with a shorter time to moving in than one calendar month."""
    result = run_deadlines({"received_on": "2025-01-16", "moving_in_on": moving_in})
    check = by_id(result["checks"])["municipality_notice"]
    assert check["verdict"] == verdict and check["reference"] == "Bilag 14"
    if verdict == "short_notice":
        # Reading R-40: received 16 January → vacancy rent from 15 February (a month minus a day).
        assert "tomgangsleje fra 15. februar 2025" in check["da"] and "R-40" in check["en"]


@pytest.mark.parametrize(("received", "noted"), [("2025-01-16", True), ("2025-01-15", False)])
def test_homes_in_on_the_2nd_or_16th_count_as_in_time(received: str, noted: bool) -> None:
    """Bilag 14: homes that come in on the 2nd or the 16th count as received in time."""
    notes = run_deadlines({"received_on": received})["notes"]
    assert any("den 2. eller den 16." in n["da"] for n in notes) is noted


@pytest.mark.parametrize(
    ("moving_in", "verdict"), [("2025-03-15", "enough_notice"), ("2025-03-14", "short_notice")]
)
def test_organisation_gets_at_least_14_days(moving_in: str, verdict: str) -> None:
    """Bilag 14: «mindst 14 dage fra kommunens anvisning af borgeren til indflytningsdato»; with less,
    the organisation may move the date and the municipality pays the vacancy rent meanwhile."""
    result = run_deadlines({"allocated_on": "2025-03-01", "moving_in_on": moving_in})
    earliest = by_id(result["deadlines"])["organisation_earliest_moving_in"]
    assert (earliest["date"], earliest["kind"]) == ("2025-03-15", "earliest")
    check = by_id(result["checks"])["organisation_notice"]
    assert check["verdict"] == verdict
    if verdict == "short_notice":
        assert "rykke indflytningsdatoen" in check["da"] and "vacancy rent" in check["en"]


@pytest.mark.parametrize(
    ("returned", "verdict"),
    [
        ("2025-01-02", "no_vacancy_rent"),  # the day it came in
        ("2025-01-09", "no_vacancy_rent"),  # the fifth working day (Thursday to Thursday)
        ("2025-01-10", "may_owe_vacancy_rent"),  # the sixth
    ],
)
def test_return_within_five_working_days(returned: str, verdict: str) -> None:
    """Bilag 14: no vacancy rent if the home is returned «inden for fem hverdage»; later, up to three
    months from the return (Reading R-36: Monday–Friday, the day of receipt not counted)."""
    result = run_deadlines({"received_on": "2025-01-02", "returned_on": returned})
    items = by_id(result["deadlines"])
    assert items["return_free_until"]["date"] == "2025-01-09"
    assert items["return_free_until"]["kind"] == "last_day"
    assert by_id(result["checks"])["return"]["verdict"] == verdict
    if verdict == "may_owe_vacancy_rent":
        assert items["vacancy_rent_until"] == {
            **items["vacancy_rent_until"],
            "date": "2025-04-10",
            "kind": "until",
        }
    else:
        assert "vacancy_rent_until" not in items


def test_public_holidays_given_are_not_working_days() -> None:
    """Bilag 14 with Reading R-36: a holiday the caller gives moves the fifth working day."""
    result = run_deadlines(
        {"received_on": "2025-01-02", "returned_on": "2025-01-10", "holidays": ["2025-01-06"]}
    )
    assert by_id(result["deadlines"])["return_free_until"]["date"] == "2025-01-10"
    assert by_id(result["checks"])["return"]["verdict"] == "no_vacancy_rent"
    assert any("1 af de lukkedage" in n["da"] for n in result["notes"])


def test_three_months_of_vacancy_rent_end_clipped_to_the_month() -> None:
    """Bilag 14: «op til tre måneder regnet fra returneringsdatoen» (end exclusive)."""
    result = run_deadlines({"returned_on": "2025-11-30"})
    assert by_id(result["deadlines"])["vacancy_rent_until"]["date"] == "2026-02-28"
    assert by_id(result["checks"])["return"]["verdict"] == "cannot_tell"


def test_every_deadline_item_names_bilag_14_and_the_parameters_used() -> None:
    """Bilag 14: each date and check carries its reference; the numbers come from the parameters."""
    result = run_deadlines(
        {
            "received_on": "2026-03-02",
            "allocated_on": "2026-03-10",
            "moving_in_on": "2026-04-02",
            "returned_on": "2026-03-12",
        }
    )
    assert len(result["deadlines"]) == 4 and len(result["checks"]) == 3
    for item in result["deadlines"] + result["checks"] + result["notes"]:
        assert item["reference"] == "Bilag 14" and item["da"] and item["en"]
    values = {p["name"]: p["value"] for p in result["parameters"]}
    assert values == {
        "deadline.municipality_months": "1",
        "deadline.return_free_working_days": "5",
        "deadline.organisation_min_days": "14",
        "deadline.vacancy_rent_max_months": "3",
    }


@pytest.mark.parametrize(
    ("doc", "path", "code"),
    [
        ({}, "received_on", "required"),
        ({"moving_in_on": "2026-03-01"}, "received_on", "required"),
        ({"received_on": "2023-12-31"}, "received_on", "outside_agreement_period"),
        ({"allocated_on": "2028-01-01"}, "allocated_on", "outside_agreement_period"),
        (
            {"received_on": "2026-03-02", "returned_on": "2026-03-01"},
            "returned_on",
            "before_received",
        ),
        (
            {"allocated_on": "2026-03-02", "moving_in_on": "2026-03-01"},
            "moving_in_on",
            "before_allocated",
        ),
        ({"received_on": "2026-02-30"}, "received_on", "type"),
        ({"received_on": "2026-03-02", "holidays": "2026-03-05"}, "holidays", "type"),
        ({"received_on": "2026-03-02", "note": 1}, "note", "unknown_field"),
    ],
)
def test_deadline_errors_name_the_field(doc: dict[str, Any], path: str, code: str) -> None:
    """The agreement's period is 1 January 2024 – 31 December 2027 (afsnit 19); errors name the field."""
    assert error_at(run_deadlines(doc)) == (path, code)


@pytest.mark.parametrize("day", ["2024-01-01", "2027-12-31"])
def test_deadlines_on_the_agreements_first_and_last_day(day: str) -> None:
    """afsnit 19: the agreement holds from 1 January 2024 to 31 December 2027, both days included."""
    assert run_deadlines({"received_on": day, "allocated_on": day})["ok"] is True


# --- Bilag 5 with afsnit 6.1.3 and 6.1.6 ------------------------------------------------------------

CLEAR = {
    "released_from": "none",
    "tenancy_ended": False,
    "citizenship": "eu_eea_switzerland",
    "benefits": {
        "basic_benefits_months": 0,
        "insurance_benefits_months": 0,
        "disability_pension": False,
    },
}


def limits_doc(area: str, citizen: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"date": "2026-03-01", "area": area, "citizen": citizen, **extra}


def with_benefits(**benefits: Any) -> dict[str, Any]:
    return {**CLEAR, "benefits": {**CLEAR["benefits"], **benefits}}


@pytest.mark.parametrize("area", ["udsat", "parallelsamfund", "omdannelse"])
@pytest.mark.parametrize("exception", [None, True])
def test_allocation_is_suspended_in_disadvantaged_areas(area: str, exception: bool | None) -> None:
    """afsnit 6.1.3 and Bilag 5: «I udsatte boligområder suspenderes den boligsociale anvisning»,
    even for a citizen no limit covers."""
    extra = {} if exception is None else {"no_option_outside": exception}
    result = run_limits(limits_doc(area, CLEAR, **extra))
    assert result["verdict"] == "may_not_allocate"
    assert result["reasons"][0]["reference"] == "afsnit 6.1.3; Bilag 5"
    assert {row["effect"] for row in result["limits"]} == {"none"}


def test_prevention_area_citizen_no_limit_covers() -> None:
    """Bilag 5: none of the rows for prevention areas covers the citizen."""
    result = run_limits(limits_doc("forebyggelse", CLEAR))
    assert result["verdict"] == "may_allocate"
    assert {row["id"] for row in result["limits"]} == {
        "released_offender",
        "released_under_18",
        "house_rules",
        "citizenship",
        "benefits_forebyggelse",
    }
    for row in result["limits"]:
        assert row["reference"] == "Bilag 5 (skema pr. 01-01-2024)"
        assert row["citizen"] == "not_covered" and row["effect"] == "none"


@pytest.mark.parametrize(
    ("benefits", "status"),
    [
        ({"self_support_or_transition_months": 6, "basic_benefits_months": 6}, "covered"),
        ({"self_support_or_transition_months": 5, "basic_benefits_months": 5}, "not_covered"),
        ({"cash_benefit_months": 24, "basic_benefits_months": 24}, "covered"),
        (
            {
                "cash_benefit_months": 23,
                "basic_benefits_months": 23,
                "self_support_or_transition_months": 0,
            },
            "not_covered",
        ),
        # 30 months of basic benefits may hide 24 of cash benefit ...
        ({"basic_benefits_months": 30, "self_support_or_transition_months": 0}, "cannot_tell"),
        # ... and if they were education aid, they do not count in prevention areas.
        (
            {
                "basic_benefits_months": 30,
                "self_support_or_transition_months": 0,
                "cash_benefit_months": 0,
            },
            "not_covered",
        ),
    ],
)
def test_prevention_area_benefits(benefits: dict[str, Any], status: str) -> None:
    """Bilag 5, forebyggelsesområder: 6 consecutive calendar months of self-support and return or
    transition benefit, or 24 consecutive calendar months of cash benefit."""
    result = run_limits(limits_doc("forebyggelse", with_benefits(**benefits)))
    row = by_id(result["limits"])["benefits_forebyggelse"]
    assert row["citizen"] == status
    expected = {"covered": "may_not_allocate", "not_covered": "may_allocate"}
    assert result["verdict"] == expected.get(status, "cannot_tell")
    if status == "covered":
        assert row["effect"] == "bars"


def test_the_exception_when_no_home_outside_such_areas() -> None:
    """Bilag 5: «Vurderer kommunen, at der konkret ikke er mulighed for at anvise en borger uden for
    et udsat område eller et forebyggelsesområde, kan kommunen dog anvise alligevel»."""
    citizen = with_benefits(cash_benefit_months=30, basic_benefits_months=30)
    barred = run_limits(limits_doc("forebyggelse", citizen))
    assert barred["verdict"] == "may_not_allocate"
    assert any(r["reference"] == "Bilag 5 (undtagelse / exception)" for r in barred["reasons"])
    allowed = run_limits(limits_doc("forebyggelse", citizen, no_option_outside=True))
    assert allowed["verdict"] == "may_allocate_by_exception"
    refused = run_limits(limits_doc("forebyggelse", citizen, no_option_outside=False))
    assert refused["verdict"] == "may_not_allocate"


@pytest.mark.parametrize(
    ("on", "status"), [("2026-02-28", "covered"), ("2026-03-01", "not_covered")]
)
def test_released_within_the_last_6_months(on: str, status: str) -> None:
    """Bilag 5: released «inden for de seneste 6 måneder» from the prison service, with an action plan
    (servicelovens § 141). Released 1 September 2025: covered up to 28 February 2026. The row is printed
    once across both columns, so under Reading R-35 it bars in a prevention area too; under the other
    reading its column is unclear, and the answer says so."""
    citizen = {
        **CLEAR,
        "released_from": "prison_service",
        "released_on": "2025-09-01",
        "action_plan": True,
    }
    result = run_limits({**limits_doc("forebyggelse", citizen), "date": on})
    row = by_id(result["limits"])["released_offender"]
    assert (row["citizen"], row["area_scope"]) == (status, "both")
    if status == "covered":
        assert row["effect"] == "bars" and result["verdict"] == "may_not_allocate"
        assert [o["reading"] for o in result["other_readings"]] == ["R-35"]
        other = run_limits(
            {**limits_doc("forebyggelse", citizen), "date": on, "readings": {"R-35": "alternative"}}
        )
        assert by_id(other["limits"])["released_offender"]["effect"] == "may_bar"
        assert other["verdict"] == "cannot_tell"
        assert any("R-35" in r["en"] for r in other["reasons"])
    else:
        assert row["effect"] == "none" and result["verdict"] == "may_allocate"


@pytest.mark.parametrize(("age", "status"), [(17, "covered"), (18, "not_covered")])
def test_released_under_18(age: int, status: str) -> None:
    """Bilag 5: «personer under 18 år» released from an institution outside the prison service
    within 6 months, with an action plan (servicelovens § 57)."""
    citizen = {
        **CLEAR,
        "age": age,
        "released_from": "other_institution",
        "released_on": "2026-01-15",
        "action_plan": True,
    }
    rows = by_id(run_limits(limits_doc("forebyggelse", citizen))["limits"])
    assert rows["released_under_18"]["citizen"] == status
    assert rows["released_offender"]["citizen"] == "not_covered"


@pytest.mark.parametrize(
    ("ended_on", "status"), [("2025-09-02", "covered"), ("2025-09-01", "not_covered")]
)
def test_tenancy_ended_for_gross_breaches(ended_on: str, status: str) -> None:
    """Bilag 5, Husorden: tenancy ended «inden for de seneste 6 måneder» for gross breaches of good
    conduct. Half-open: on 1 March 2026 a tenancy ended 2 September 2025 is within, one ended
    1 September 2025 (exactly six months before) is not."""
    citizen = {**CLEAR, "tenancy_ended": True, "tenancy_ended_on": ended_on}
    row = by_id(run_limits(limits_doc("forebyggelse", citizen))["limits"])["house_rules"]
    assert row["citizen"] == status


@pytest.mark.parametrize(
    ("citizenship", "student", "status"),
    [
        ("other", False, "covered"),
        ("other", True, "not_covered"),
        ("eu_eea_switzerland", False, "not_covered"),
        ("other", None, "cannot_tell"),
    ],
)
def test_citizenship(citizenship: str, student: bool | None, status: str) -> None:
    """Bilag 5, Statsborgerskab: not a national of the EU, the EEA or Switzerland, except students at
    a publicly recognised educational institution."""
    citizen = {**CLEAR, "citizenship": citizenship}
    if student is not None:
        citizen["student"] = student
    row = by_id(run_limits(limits_doc("forebyggelse", citizen))["limits"])["citizenship"]
    assert row["citizen"] == status
    if status == "cannot_tell":
        assert row["missing"] == ["citizen.student"]


@pytest.mark.parametrize(
    ("benefits", "status"),
    [
        ({"basic_benefits_months": 6}, "covered"),  # e.g. education aid or cash benefit
        ({"basic_benefits_months": 5}, "not_covered"),
        ({"insurance_benefits_months": 6}, "covered"),
        ({"insurance_benefits_months": 5}, "not_covered"),
        ({"disability_pension": True}, "covered"),
    ],
)
def test_disadvantaged_area_benefits(benefits: dict[str, Any], status: str) -> None:
    """Bilag 5, udsatte områder (herunder tidligere omdannelsesområder): 6 consecutive calendar months
    of self-support and return, transition, education aid or cash benefit; disability pension; or 6
    months of unemployment, sickness or resource-course benefit. In a former transformation area
    during the transition, allocation stays suspended (afsnit 6.1.6)."""
    doc = limits_doc(
        "former_omdannelse",
        with_benefits(**benefits),
        development_plan={"years_not_designated": 1, "plan_completed": False},
    )
    result = run_limits(doc)
    row = by_id(result["limits"])["benefits_udsat"]
    assert row["citizen"] == status
    assert row["effect"] == ("bars" if status == "covered" else "none")
    assert result["verdict"] == "may_not_allocate"
    assert result["development_plan"]["municipal_allocation_suspended"] is True


@pytest.mark.parametrize(
    ("plan", "verdict"),
    [
        ({"years_not_designated": 3, "plan_completed": False}, "may_not_allocate"),
        ({"years_not_designated": 4, "plan_completed": False}, "may_allocate"),
        ({"years_not_designated": 0, "plan_completed": True}, "may_allocate"),
        ({"years_not_designated": 2}, "cannot_tell"),
    ],
)
def test_former_transformation_area_transition(plan: dict[str, Any], verdict: str) -> None:
    """afsnit 6.1.6 and Bilag 5: allocation stays suspended until the area has not been designated for
    four years in a row, or the development plan is carried out (Reading R-29)."""
    citizen = with_benefits(disability_pension=True)
    result = run_limits(limits_doc("former_omdannelse", citizen, development_plan=plan))
    assert result["verdict"] == verdict
    for reason in result["reasons"] + result["development_plan"]["reasons"]:
        assert "afsnit 6.1.6" in reason["reference"]
    if verdict == "may_allocate":
        assert {row["effect"] for row in result["limits"]} == {"none"}


def test_missing_facts_are_named() -> None:
    """Bilag 5: with nothing known about the citizen, every row cannot tell and names what it needs."""
    result = run_limits({"date": "2026-03-01", "area": "forebyggelse"})
    assert result["verdict"] == "cannot_tell"
    rows = by_id(result["limits"])
    assert rows["house_rules"]["missing"] == ["citizen.tenancy_ended"]
    assert rows["benefits_forebyggelse"]["missing"] == [
        "citizen.benefits.self_support_or_transition_months",
        "citizen.benefits.cash_benefit_months",
    ]
    assert all(row["effect"] == "cannot_tell" for row in rows.values())


@pytest.mark.parametrize(
    ("doc", "path", "code"),
    [
        ({"date": "2026-03-01"}, "area", "required"),
        ({"area": "forebyggelse"}, "date", "required"),
        ({"date": "2026-03-01", "area": "none"}, "area", "not_allowed"),
        ({"date": "2023-12-31", "area": "udsat"}, "date", "outside_agreement_period"),
        (
            limits_doc(
                "forebyggelse", {"released_from": "prison_service", "released_on": "2026-03-02"}
            ),
            "citizen.released_on",
            "after_date",
        ),
        (
            limits_doc("forebyggelse", {"released_from": "none", "released_on": "2026-01-02"}),
            "citizen.released_on",
            "contradiction",
        ),
        (
            limits_doc(
                "forebyggelse",
                {"benefits": {"basic_benefits_months": 3, "cash_benefit_months": 4}},
            ),
            "citizen.benefits.cash_benefit_months",
            "inconsistent",
        ),
        (
            limits_doc("forebyggelse", CLEAR, development_plan={"plan_completed": True}),
            "development_plan",
            "not_applicable",
        ),
        (limits_doc("forebyggelse", {"age": 126}), "citizen.age", "out_of_range"),
    ],
)
def test_allocation_limit_errors_name_the_field(doc: dict[str, Any], path: str, code: str) -> None:
    """Errors name the field (afsnit 19 for the agreement's period)."""
    assert error_at(run_limits(doc)) == (path, code)


# --- CLI --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "doc", "code"),
    [
        ("deadlines", {"received_on": "2026-03-02"}, 0),
        ("deadlines", {"received_on": "x"}, 2),
        ("allocation-limits", limits_doc("forebyggelse", CLEAR), 0),
        ("allocation-limits", {"date": "2026-03-01"}, 2),
    ],
)
def test_cli_subcommands(command: str, doc: Any, code: int, monkeypatch, capsys) -> None:
    """``python -m udlejning deadlines|allocation-limits``: JSON on stdin and stdout, exit 0 or 2."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(doc).encode())))
    assert cli.main([command]) == code
    assert json.loads(capsys.readouterr().out)["ok"] is (code == 0)


@pytest.mark.parametrize("command", ["deadlines", "allocation-limits"])
def test_cli_invalid_json(command: str, monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"{nope")))
    assert cli.main([command]) == 2
    assert json.loads(capsys.readouterr().out)["errors"][0]["code"] == "invalid_json"


@pytest.mark.parametrize(
    "name",
    [
        "deadlines-input",
        "deadlines-output",
        "allocation-limits-input",
        "allocation-limits-output",
    ],
)
def test_schema_command(name: str, monkeypatch, capsys) -> None:
    assert cli.main(["schema", name]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMAS[name]()


# --- Afsnit 11: new builds (figur 11–12) ------------------------------------------------------------

NEW_OUTPUT = jsonschema.Draft202012Validator(SCHEMAS["new-build-output"](), format_checker=CHECKER)
NEW_INPUT = jsonschema.Draft202012Validator(SCHEMAS["new-build-input"]())


def run_new_build(doc: dict[str, Any]) -> dict[str, Any]:
    result = new_build(doc)
    NEW_OUTPUT.validate(result)
    if result["ok"]:
        NEW_INPUT.validate(doc)
    return result


def new_build_doc(**extra: Any) -> dict[str, Any]:
    return {"date": "2026-01-10", "taken_into_use": "2025-06-01", "letting": "re_letting", **extra}


def test_first_letting_all_cheap_homes_none_of_the_others() -> None:
    """Afsnit 11 figur 11, «Førstegangsudlejning»: 100 % of the especially cheap homes, 0 % of the others."""
    result = run_new_build(new_build_doc(letting="first", date="2025-06-01"))
    homes = by_id(result["homes"])
    assert result["period"] == "first_letting"
    assert homes["cheap"]["municipal_share"] == "9/9" and homes["other"]["municipal_share"] == "0/9"
    assert homes["cheap"]["reference"] == "afsnit 11 figur 11"


@pytest.mark.parametrize(
    ("cheap", "share"),
    [
        ("0", "3/9"),
        ("9.99", "3/9"),  # «Andel under 10 %»
        ("10", "2/9"),  # «mellem 10 og 15 %», half-open (Reading R-33)
        ("14.99", "2/9"),
        ("15", "1/9"),  # «mellem 15 og 20 %»
        ("19.99", "1/9"),
        ("20", "0/9"),  # not «færre end 20 %»: «over 20 %» → 0/9
        ("100", "0/9"),
    ],
)
def test_re_letting_figure_12_bands(cheap: str, share: str) -> None:
    """Afsnit 11 figur 12: the municipality's share of the other homes by the share of cheap homes."""
    result = run_new_build(new_build_doc(cheap_share=cheap))
    assert result["period"] == "re_letting"
    other = by_id(result["homes"])["other"]
    assert other["municipal_share"] == share
    assert other["reference"] == "afsnit 11 figur 12"
    applies = [row for row in result["figure12"] if row["applies"]]
    assert [row["municipal_share"] for row in applies] == [share]
    assert any("R-33" in r["reference"] for r in result["reasons"])


def test_re_letting_without_the_cheap_share_cannot_tell_the_other_homes() -> None:
    """Afsnit 11 figur 12 needs the share of cheap homes; without it the other homes are undecided."""
    result = run_new_build(new_build_doc())
    homes = by_id(result["homes"])
    assert homes["cheap"]["municipal_share"] == "9/9"
    assert homes["other"]["municipal_share"] is None
    assert not any(row["applies"] for row in result["figure12"])


@pytest.mark.parametrize(
    ("on", "period"),
    [("2029-05-31", "re_letting"), ("2029-06-01", "stair")],  # four years from 2025-06-01
)
def test_four_years_from_first_use(on: str, period: str) -> None:
    """Afsnit 11 figur 11: «Senere genudlejning i fire år fra ibrugtagning», then the stair's wheel."""
    result = run_new_build(new_build_doc(date=on, cheap_share="5"))
    assert result["period"] == period
    assert result["special_rules_until"] == "2029-05-31"
    assert (result["homes"] == []) is (period == "stair")
    # After the agreement's last day the answer says so.
    assert any("2027" in n["da"] for n in result["notes"])


@pytest.mark.parametrize(("designated", "step"), [(None, True), (False, True), (True, False)])
def test_new_build_starts_on_step_1_unless_in_a_designated_area(
    designated: bool | None, step: bool
) -> None:
    """Afsnit 11: a new section starts on the section stair's step 1; in a disadvantaged or prevention
    area the specific agreement decides its place on the area stair."""
    extra = {} if designated is None else {"designated_area": designated}
    result = run_new_build(new_build_doc(**extra))
    expected = {"stair": "afdelingstrappe", "trin": 1} if step else None
    assert result["stair_step"] == expected
    assert all(r["reference"].startswith("afsnit 11") for r in result["reasons"])


@pytest.mark.parametrize(
    ("doc", "path", "code"),
    [
        (new_build_doc(taken_into_use="2023-12-31"), "taken_into_use", "not_new_build"),
        (
            new_build_doc(taken_into_use="2028-01-01", date="2028-02-01"),
            "taken_into_use",
            "not_new_build",
        ),
        (new_build_doc(date="2025-05-31"), "date", "before_taken_into_use"),
        (new_build_doc(cheap_share="100.5"), "cheap_share", "out_of_range"),
        ({"date": "2026-01-10", "taken_into_use": "2025-06-01"}, "letting", "required"),
    ],
)
def test_new_build_errors_name_the_field(doc: dict[str, Any], path: str, code: str) -> None:
    """Afsnit 11: «boliger, som tages i brug i aftaleperioden 2024-2027»."""
    assert error_at(run_new_build(doc)) == (path, code)


def test_new_build_points_homes_taken_into_use_before_the_agreement_to_new_build_terms() -> None:
    """Afsnit 11, overgangsbestemmelse: a home taken into use before the agreement is refused by
    new_build with the name of the tool that answers for it, in both languages; a home taken into
    use after the agreement's period gets no such pointer."""
    from udlejning.endpoints import BY_NAME

    older = BY_NAME["new_build_terms"].spec().label
    before = run_new_build(new_build_doc(taken_into_use="2023-12-31"))["errors"][0]
    assert f"«{older.da}»" in before["da"] and "før 1. januar 2024" in before["da"]
    assert f"“{older.en}”" in before["en"] and "before 1 January 2024" in before["en"]
    after = run_new_build(new_build_doc(taken_into_use="2028-01-01", date="2028-02-01"))["errors"]
    assert older.da not in after[0]["da"] and older.en not in after[0]["en"]


def test_new_build_agreement_edges_are_new_builds() -> None:
    for taken in ("2024-01-01", "2027-12-31"):
        assert run_new_build(new_build_doc(taken_into_use=taken, date=taken))["ok"]


# --- Afsnit 9: phasing out særboliger ----------------------------------------------------------------

PHASE_OUTPUT = jsonschema.Draft202012Validator(
    SCHEMAS["saerbolig-phase-out-output"](), format_checker=CHECKER
)
PHASE_INPUT = jsonschema.Draft202012Validator(SCHEMAS["saerbolig-phase-out-input"]())


def run_phase_out(doc: dict[str, Any]) -> dict[str, Any]:
    result = saerbolig_phase_out(doc)
    PHASE_OUTPUT.validate(result)
    if result["ok"]:
        PHASE_INPUT.validate(doc)
    return result


@pytest.mark.parametrize(
    ("trin", "start", "compensation"),
    [(4, "2024-01-01", True), (3, "2026-01-01", True), (2, "2026-01-01", True)],
)
def test_phase_out_start_on_steps_2_to_4(trin: int, start: str, compensation: bool) -> None:
    """Afsnit 9: trin 4 from 1 January 2024; trin 2 and 3 from 1 January 2026; each with 1/18 extra
    for municipal allocation until 31 December 2027."""
    result = run_phase_out({"trin_at_start": trin})
    assert result["start"] == start and result["trin1_bands"] == []
    comp = result["compensation"]
    assert comp is not None and (comp["share"], comp["until"]) == ("1/18", "2027-12-31")
    assert comp["reference"] == "afsnit 9"


@pytest.mark.parametrize(
    ("share", "start"),
    [
        ("0", "2034-01-01"),
        ("19.99", "2034-01-01"),
        ("20", "2032-01-01"),
        ("24.99", "2032-01-01"),
        ("25", "2030-01-01"),
        ("29.99", "2030-01-01"),  # «25-29,9 %», half-open (Reading R-32)
        ("30", "2028-01-01"),  # «30 % anviste boliger eller derover»
        ("100", "2028-01-01"),
    ],
)
def test_phase_out_start_on_step_1_by_allocated_share(share: str, start: str) -> None:
    """Afsnit 9, trin 1: the start depends on the share of allocated homes at the agreement's start."""
    result = run_phase_out({"trin_at_start": 1, "allocated_share_at_start": share})
    assert result["start"] == start and result["compensation"] is None
    assert [row["start"] for row in result["trin1_bands"] if row["applies"]] == [start]
    assert any("R-32" in r["reference"] for r in result["reasons"])


def test_phase_out_on_step_1_without_the_share_cannot_tell() -> None:
    result = run_phase_out({"trin_at_start": 1, "date": "2030-06-01"})
    assert result["start"] is None and result["started"] is None
    assert "mangler" in result["reasons"][0]["da"] and "missing" in result["reasons"][0]["en"]


@pytest.mark.parametrize(("on", "started"), [("2025-12-31", False), ("2026-01-01", True)])
def test_phase_out_started_on_a_date(on: str, started: bool) -> None:
    """Afsnit 9: a særbolig vacated after the phase-out started joins the section's ordinary wheel."""
    result = run_phase_out({"trin_at_start": 2, "date": on, "home": "saerbolig"})
    assert result["started"] is started
    (home,) = result["homes"]
    assert home["id"] == "saerbolig" and "udlejningshjul" in home["da"]
    assert ("fortsat øremærket" in home["da"]) is not started


def test_shared_homes_for_young_people_get_no_new_resident() -> None:
    """Afsnit 9: after the start the municipality cannot allocate a new resident to a shared home and
    pays the vacancy rent until the other residents have moved out."""
    result = run_phase_out({"trin_at_start": 4, "home": "delebolig"})
    (home,) = result["homes"]
    assert "ikke anvise en ny beboer" in home["da"] and "vacancy rent" in home["en"]


@pytest.mark.parametrize(
    ("doc", "path", "code"),
    [
        ({}, "trin_at_start", "required"),
        ({"trin_at_start": 5}, "trin_at_start", "out_of_range"),
        ({"trin_at_start": 2, "date": "2023-12-31"}, "date", "before_agreement"),
        (
            {"trin_at_start": 1, "allocated_share_at_start": "-1"},
            "allocated_share_at_start",
            "out_of_range",
        ),
        ({"trin_at_start": 2, "home": "villa"}, "home", "not_allowed"),
    ],
)
def test_phase_out_errors_name_the_field(doc: dict[str, Any], path: str, code: str) -> None:
    assert error_at(run_phase_out(doc)) == (path, code)


@pytest.mark.parametrize(
    ("command", "doc", "code"),
    [
        ("new-build", new_build_doc(cheap_share="12"), 0),
        ("new-build", new_build_doc(taken_into_use="2023-01-01"), 2),
        ("saerbolig-phase-out", {"trin_at_start": 3}, 0),
        ("saerbolig-phase-out", {"trin_at_start": 0}, 2),
    ],
)
def test_cli_new_build_and_phase_out(
    command: str, doc: Any, code: int, monkeypatch, capsys
) -> None:
    """``python -m udlejning new-build|saerbolig-phase-out``: JSON on stdin and stdout, exit 0 or 2."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(doc).encode())))
    assert cli.main([command]) == code
    assert json.loads(capsys.readouterr().out)["ok"] is (code == 0)


@pytest.mark.parametrize(
    "name",
    [
        "new-build-input",
        "new-build-output",
        "saerbolig-phase-out-input",
        "saerbolig-phase-out-output",
    ],
)
def test_schema_command_new_build_and_phase_out(name: str, monkeypatch, capsys) -> None:
    assert cli.main(["schema", name]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMAS[name]()
