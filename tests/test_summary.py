"""The answer first, in words (issue 10): the verdict, the persons named, the medbring-ark, "where".

The households are the cases in tests/cases/seeker_households.json (each citing its section); their
``expect.summary`` holds what a home seeker reads: the headline, the lines for the skærpede criteria
and for the criteria met, who meets what, and the medbring-ark's exact items per person.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from udlejning.api import evaluate
from udlejning.situation_api import priority

CASES = json.loads(
    (Path(__file__).parent / "cases" / "seeker_households.json").read_text(encoding="utf-8")
)["cases"]
BY_NAME = {c["name"]: c for c in CASES}
COUPLE = "Ægtepar 34 og 31: hun 22 timer i fast job, han elev (lærling)"
STUDENT = "Studerende på 19 år, som springer spørgsmål over"


def summary_of(case: dict) -> dict:
    result = evaluate(case["input"])
    assert result["ok"], result
    return result["summary"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_verdict_in_words(case: dict) -> None:
    summary, want = summary_of(case), case["expect"]["summary"]
    assert summary["da"] == want["headline"]
    lines = {line["id"]: line["da"] for line in summary["criteria"]}
    for cid, text in want["lines"].items():
        assert lines[cid] == text, cid
    assert {m["id"]: m["persons"] for m in summary["met"]} == want["met"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_medbring_ark_lists_exactly_what_is_needed(case: dict) -> None:
    summary, want = summary_of(case), case["expect"]["summary"]
    got = {g["person"]: [i["da"] for i in g["items"]] for g in summary["documents"]["met"]}
    assert got == want["documents"]
    claims = [
        [c["criterion"], c["person"], [i["da"] for i in c["items"]]]
        for c in summary["documents"]["to_claim"]
    ]
    assert claims == want["to_claim"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_line_is_bilingual_and_every_person_line_names_its_person(case: dict) -> None:
    summary = summary_of(case)
    names = [p.get("id") or f"Person {i + 1}" for i, p in enumerate(case["input"]["household"])]
    for line in summary["criteria"]:
        assert line["da"] and line["en"]
        for person in (*line["meets"], *line["fails"], *line["unknown"]):
            assert person in names
            if line["group"] == "skaerpede":
                assert person in line["da"] and person in line["en"]
        for d in line["decisive"]:
            assert d["da"].startswith(d["person"]) and d["en"].startswith(d["person"])
    for step in summary["next_steps"]:
        assert step["reference"] and step["en"]
    for text in (summary["da"], *(line["da"] for line in summary["criteria"])):
        assert "0 kriterier" not in text and "year(s)" not in text


def test_the_couple_s1_and_s3_name_who_fails_with_the_figures_from_the_parameters() -> None:
    summary = summary_of(BY_NAME[COUPLE])
    lines = {line["id"]: line for line in summary["criteria"]}
    assert lines["S1"]["fails"] == ["Person 1"] and lines["S1"]["meets"] == ["Person 2"]
    assert "Person 1 (31 år) gør ikke: 22 timer om ugen; kravet er 25." in lines["S1"]["da"]
    assert (
        "Person 1 (aged 31) does not: 22 hours a week; the requirement is 25." in lines["S1"]["en"]
    )
    # S3: the deciding limit shows the person who fails, not the one who passes.
    assert [d["person"] for d in lines["S3"]["decisive"]] == ["Person 2"]
    assert (
        lines["S3"]["decisive"][0]["da"] == "Person 2 har ikke en uddannelse over grundskoleniveau."
    )


def test_a_person_not_asked_because_the_others_decide_is_not_called_missing() -> None:
    """S1 fails on her 22 hours, so the form does not ask when his apprenticeship began (it could
    not change S1): the line must not ask for an answer no question asks for."""
    case = json.loads(json.dumps(BY_NAME[COUPLE]["input"]))
    case["household"][1]["education"] = {"kind": "uddannelsesaftale"}
    result = evaluate(case)
    s1 = {f["id"]: f for f in result["criteria"]}["S1"]
    assert s1["verdict"] == "not_met" and s1["missing"] == []
    assert [p["verdict"] for p in s1["persons"]] == ["not_met", "cannot_tell"]
    line = {line["id"]: line for line in result["summary"]["criteria"]}["S1"]
    assert "Vi mangler svar" not in line["da"] and "missing answers" not in line["en"]
    assert "For Person 2 (34 år) ved vi det ikke, men det ændrer ikke svaret." in line["da"]
    assert "For Person 2 (aged 34) we do not know, but it does not change the answer." in line["en"]


def named_couple(first: str, second: str) -> dict:
    case = json.loads(json.dumps(BY_NAME[COUPLE]["input"]))
    case["household"][0]["id"], case["household"][1]["id"] = first, second
    return case


def test_the_summary_names_each_person_by_the_label_the_user_gave() -> None:
    result = evaluate(named_couple("  Maria ", "Ali"))
    summary, findings = result["summary"], {f["id"]: f for f in result["criteria"]}
    lines = {line["id"]: line for line in summary["criteria"]}
    assert lines["A2"]["da"] == "A2 (unge under uddannelse): opfyldt af Ali."
    assert (
        "Maria (31 år) gør ikke: 22 timer om ugen; kravet er 25. Ali (34 år) gør."
        in lines["S1"]["da"]
    )
    assert "Maria (aged 31) does not:" in lines["S1"]["en"]
    assert lines["S3"]["decisive"][0]["da"] == "Ali har ikke en uddannelse over grundskoleniveau."
    assert {m["id"]: m["persons"] for m in summary["met"]} == {
        "A2": ["Ali"],
        "S2": ["Maria", "Ali"],
    }
    assert [g["person"] for g in summary["documents"]["met"]] == ["Ali", "Maria"]
    assert findings["A2"]["met_by"] == ["Ali"]
    shown = json.dumps(summary, ensure_ascii=False)
    assert "Person 1" not in shown and "Person 2" not in shown and "p1" not in shown


def test_a_name_that_is_also_a_word_of_the_reason_still_names_the_person() -> None:
    """«en» is a word of A2's reason «Personen er i gang med en uddannelse …»: the name comes first."""
    summary = evaluate(named_couple("Maria", "en"))["summary"]
    a2 = next(line for line in summary["criteria"] if line["id"] == "A2")
    assert a2["decisive"][0]["da"].startswith("en er i gang med en uddannelse")
    assert a2["decisive"][0]["en"].startswith("en is ")


def test_without_a_name_a_person_is_person_1_and_a_blank_name_is_an_error_on_its_field() -> None:
    case = named_couple("", "Ali")
    del case["household"][0]["id"]
    summary = evaluate(case)["summary"]
    assert {m["id"]: m["persons"] for m in summary["met"]}["S2"] == ["Person 1", "Ali"]
    blank = evaluate(named_couple("   ", "Ali"))
    assert not blank["ok"]
    assert [e["path"] for e in blank["errors"]] == ["household[0].id"]
    assert "Navn eller nummer" in blank["errors"][0]["da"]


def test_the_student_is_not_asked_for_divorce_papers_or_a_disability_statement() -> None:
    summary = summary_of(BY_NAME[STUDENT])
    shown = json.dumps(summary["documents"], ensure_ascii=False)
    assert "Skilsmisse" not in shown and "handicapcenter" not in shown
    assert [c["criterion"] for c in summary["documents"]["to_claim"]] == ["S2"]
    assert summary["documents"]["to_claim"][0]["missing"][0]["path"] == "household[0].convictions"


def test_a_stated_separation_without_a_date_is_claimed_with_its_papers() -> None:
    case = json.loads(json.dumps(BY_NAME[STUDENT]["input"]))
    case["separation"] = {"happened": True}
    summary = evaluate(case)["summary"]
    b1 = [c for c in summary["documents"]["to_claim"] if c["criterion"] == "B1"]
    assert [c["person"] for c in b1] == ["Ida"]
    assert any("Skilsmisse" in i["da"] for i in b1[0]["items"])
    assert any(s["reference"] == "Bilag 4, IV.1 B.1" for s in summary["next_steps"])


def test_the_divorced_father_is_told_until_when_b1_lasts() -> None:
    steps = summary_of(BY_NAME["Fraskilt far med et barn på 10 år"])["next_steps"]
    b1 = next(s for s in steps if s["reference"] == "Bilag 4, IV.1 B.1")
    assert "Fortrinsretten gælder til 1. oktober 2026." in b1["da"]
    assert "until 1 October 2026" in b1["en"]


def test_where_tells_priority_through_criteria_from_the_fallback_order() -> None:
    """Områdetrappen trin 2 for the couple: «Fortrinsret 9/9» in the table, but only as a fallback."""
    doc = {**BY_NAME[COUPLE]["input"], "situation": {"stair": "omraadetrappe", "trin": 2}}
    where = priority(doc)["where"]
    assert where["chosen"]["da"].startswith("Den afdeling, I har i tankerne. Områdetrappen trin 2:")
    assert "fortrinsret kun som reserve i alle ledige boliger" in where["chosen"]["da"]
    kinds = {o["kind"]: o["da"] for o in where["overview"]}
    assert kinds["criteria"] == (
        "I afdelinger på afdelingstrappens trin 2, 3 og 4 kan I få fortrinsret gennem kriterierne."
    )
    assert kinds["fallback"].startswith(
        "På områdetrappens trin 2 opfylder I ikke alle kriterierne."
    )
    assert {s["kind"] for s in where["steps"] if s["stair"] == "omraadetrappe"} == {
        "fallback",
        "cannot_tell",
    }


def test_where_without_a_chosen_home_and_for_one_person() -> None:
    doc = {**BY_NAME["Pensionist på 67 år"]["input"], "situation": {}}
    where = priority(doc)["where"]
    assert where["chosen"] is None
    assert "kan du få fortrinsret gennem kriterierne" in where["overview"][0]["da"]
    trin1 = next(s for s in where["steps"] if (s["stair"], s["trin"]) == ("afdelingstrappe", 1))
    assert "kun din plads på ventelisten (anciennitet) i 4 af hver 9 ledige boliger" in trin1["da"]
