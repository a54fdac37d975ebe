"""Every rule, parameter, finding and document carries a source reference (issue 2)."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from test_cases import CASES

from udlejning.api import evaluate
from udlejning.catalogue import catalogue
from udlejning.criteria.info import all_criteria
from udlejning.parameters import all_parameters

SECTION = re.compile(r"(Bilag \d+|afsnit \d+(\.\d+)*|Aftalens)")


def test_every_parameter_file_has_a_reference() -> None:
    folder = resources.files("udlejning") / "parameters"
    files = [f for f in folder.iterdir() if f.name.endswith(".toml")]
    assert len(files) == len(all_parameters()) >= 18
    for f in files:
        raw = tomllib.loads(f.read_text("utf-8"))
        assert SECTION.search(raw.get("reference", "")), f.name


def test_every_criterion_text_has_a_reference() -> None:
    for info in all_criteria().values():
        assert info.references and all(SECTION.search(r) for r in info.references), info.id
        assert info.interpretations and info.documents, info.id
        for item in (*info.interpretations, *(d.document for d in info.documents)):
            assert SECTION.search(item.reference), (info.id, item)


def test_every_finding_and_reason_in_every_case_has_a_reference() -> None:
    checked = 0
    for _name, case in CASES:
        result = evaluate(case["input"])
        if not result["ok"]:
            continue
        for notice in result["notices"]:
            assert SECTION.search(notice["reference"]), notice
        for param in result["parameters"]:
            assert SECTION.search(param["reference"]), param
        for finding in result["criteria"]:
            assert finding["references"], finding["id"]
            items = finding["reasons"] + finding["documents"]
            items += [r for p in finding["persons"] for r in p["reasons"]]
            for item in items:
                assert SECTION.search(item["reference"]), (finding["id"], item)
                checked += 1
    assert checked > 200


def test_every_ambiguity_names_sources_and_code() -> None:
    root = resources.files("udlejning")
    for item in catalogue()["ambiguities"]:
        assert item["sources"] and all(SECTION.search(s) for s in item["sources"]), item["id"]
        assert {"da", "en"} <= set(item["reading"]), item["id"]
        code_path = item["code"].removeprefix("udlejning/")
        assert (root / code_path).is_file(), item["code"]
        if code_path.endswith(".py"):
            assert item["id"] in (root / code_path).read_text("utf-8"), (
                f"{item['id']} is not named next to its code in {item['code']}"
            )


def test_every_glossary_term_is_explained_in_both_languages_with_a_source() -> None:
    terms = catalogue()["glossary"]
    assert len(terms) >= 20
    for term in terms:
        assert set(term) == {"term", "da", "en", "reference"}, term
        assert SECTION.search(term["reference"]), term["term"]


def test_every_cited_section_falls_under_the_agreements_table_of_contents() -> None:
    """A typo in a reference ("Bilag 44", "afsnit 5.9") has no place in the table of contents."""
    for entry in catalogue()["sections"]:
        assert entry["toc"] is not None, entry["section"]
