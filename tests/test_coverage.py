"""Every section of the agreement is accounted for (issue 9.7, 12.3).

Each rule module declares the sections it covers (``COVERS``, ``udlejning.coverage``); every entry of
the catalogue's table of contents carries a status, and the coverage page shows it.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from pathlib import Path

import pytest

from udlejning.catalogue import catalogue, toc_entry
from udlejning.coverage import PACKAGES, STATUSES, rule_modules

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _toc() -> list[dict]:
    return catalogue()["table_of_contents"]  # type: ignore[return-value]


def test_every_module_of_the_rule_packages_declares_what_it_covers() -> None:
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package_name}.{info.name}")
            assert hasattr(module, "COVERS"), module.__name__


def test_every_covered_section_is_a_section_of_the_agreement() -> None:
    for module, declared in rule_modules():
        for section in declared.sections:
            assert toc_entry(section) is not None, (module, section)


def test_every_entry_has_a_status_and_a_reason_unless_computed() -> None:
    for entry in _toc():
        assert entry["status"] in STATUSES, entry["id"]
        if entry["status"] == "computed":
            assert "why" not in entry, entry["id"]
        else:
            assert entry["why"]["da"] and entry["why"]["en"], entry["id"]


def test_every_section_a_rule_module_covers_is_shown_as_computed() -> None:
    status = {e["id"]: e["status"] for e in _toc()}
    for module, declared in rule_modules():
        for section in declared.sections:
            assert status[toc_entry(section)] == "computed", (module, section)


def test_youth_homes_are_computed_not_called_uncovered() -> None:
    status = {e["id"]: e["status"] for e in _toc()}
    for section in ("afsnit 7", "afsnit 7.1", "afsnit 7.2", "afsnit 7.3"):
        assert status[section] == "computed"


@pytest.mark.parametrize(("page", "lang"), [("afsnit.md", "da"), ("afsnit.en.md", "en")])
def test_the_coverage_page_shows_every_status(page: str, lang: str) -> None:
    text = (DOCS / "regler" / page).read_text(encoding="utf-8")
    assert "Ikke dækket" not in text and "Not yet covered" not in text
    words = {
        "da": {"computed": "Regnet ud i koden.", "explained": "Forklaret:"},
        "en": {"computed": "Computed in the code.", "explained": "Explained:"},
    }[lang]
    counts = Counter(e["status"] for e in _toc())
    assert text.count(words["computed"]) == counts["computed"]
    assert text.count(words["explained"]) == counts["explained"]
    afsnit7 = text.split("{ #afsnit-7 }")[1].split("\n## ")[0]
    assert "sections.afsnit7_youth_housing" in afsnit7


@pytest.mark.parametrize("entry", [e for e in _toc() if e.get("page")], ids=lambda e: e["id"])
def test_an_explaining_page_exists(entry: dict) -> None:
    for suffix in (".md", ".en.md"):
        assert (DOCS / f"{entry['page']}{suffix}").is_file(), entry["page"]
