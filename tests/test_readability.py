"""Readability: the Danish pages for home seekers stay at LIX 40 or less (plain Danish).

The LIX of every Danish page for home seekers is printed (also under ``-q``), measured on the
page's Markdown after the site's macros have run, exactly as mkdocs renders it
(``build_scripts/hooks.py``), with the prose extracted by ``build_scripts/lix.py``. The pages for
welfare workers and staff are printed for information; only the home seekers' pages must pass.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MAX_LIX = 40.0


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look the module up while it is being loaded
    spec.loader.exec_module(module)
    return module


lix = _load("readability_lix", ROOT / "build_scripts" / "lix.py")
hooks = _load("readability_hooks", ROOT / "build_scripts" / "hooks.py")


def _danish(paths: list[Path]) -> list[Path]:
    return sorted(path for path in paths if not path.name.endswith(".en.md"))


def home_seeker_pages() -> list[Path]:
    """The Danish pages a home seeker reads: the home page, the guide and the glossary."""
    return [DOCS / "index.md", *_danish(list((DOCS / "boligsoegende").glob("*.md")))] + [
        DOCS / "ordliste.md"
    ]


def other_guide_pages() -> list[Path]:
    return _danish(list((DOCS / "velfaerd").glob("*.md")) + list((DOCS / "personale").glob("*.md")))


def rendered(path: Path) -> str:
    """The page's Markdown after the macros, as the mkdocs hook renders it."""
    rel = path.relative_to(DOCS).as_posix()
    lang = "en" if rel.endswith(".en.md") else "da"
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    return env.from_string(path.read_text(encoding="utf-8")).render(**hooks.macros(lang, rel))


def _row(path: Path, counts: Any, note: str) -> str:
    rel = path.relative_to(DOCS).as_posix()
    return (
        f"  {counts.score:5.1f}  {counts.words:5d} words  {counts.sentences:4d} sentences  "
        f"{counts.long_words:4d} long  {rel}{note}"
    )


def test_every_danish_home_seeker_page_has_lix_at_most_40(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pages = home_seeker_pages()
    names = {path.relative_to(DOCS).as_posix() for path in pages}
    # The guide must be there: an empty folder would otherwise pass.
    for expected in ("index.md", "boligsoegende/index.md", "ordliste.md"):
        assert expected in names, f"{expected} is missing"
    assert len(names) >= 5, names

    scores = {path: lix.lix_of_blocks(lix.blocks(rendered(path))) for path in pages}
    others = {path: lix.lix_of_blocks(lix.blocks(rendered(path))) for path in other_guide_pages()}
    with capsys.disabled():
        print(f"\nLIX of the Danish pages (home seekers must be <= {MAX_LIX:g}):")
        for path, counts in scores.items():
            print(_row(path, counts, "" if counts.score <= MAX_LIX else "  <-- too hard"))
        for path, counts in others.items():
            checked = "velfaerd/" in path.as_posix()  # by the welfare-worker test below
            print(
                _row(path, counts, "  (<= 40, checked below)" if checked else "  (for information)")
            )

    too_hard = {
        path.relative_to(DOCS).as_posix(): round(counts.score, 1)
        for path, counts in scores.items()
        if counts.score > MAX_LIX
    }
    assert not too_hard, f"LIX above {MAX_LIX:g}: {too_hard}"
    for path, counts in scores.items():
        assert counts.words > 50, f"{path}: almost no prose found ({counts.words} words)"


def test_every_danish_welfare_worker_page_has_lix_at_most_40() -> None:
    """Issue 12: the welfare workers' guide takes a velfærdsmedarbejder from the first question to
    an offer in plain Danish, and each page links into the staff tools."""
    pages = _danish(list((DOCS / "velfaerd").glob("*.md")))
    assert len(pages) >= 5, pages
    too_hard = {}
    for path in pages:
        text = rendered(path)
        counts = lix.lix_of_blocks(lix.blocks(text))
        if counts.score > MAX_LIX:
            too_hard[path.relative_to(DOCS).as_posix()] = round(counts.score, 1)
        assert "../vaerktoejer/" in text, f"{path.name}: links to no staff tool"
    assert not too_hard, f"LIX above {MAX_LIX:g}: {too_hard}"


# --- The LIX function on small texts whose counts are known -------------------------------------


def test_lix_of_a_small_known_text() -> None:
    # 8 words, 2 sentences, 2 long words (København, lejlighed): 8/2 + 100*2/8 = 29.
    counts = lix.lix("Jeg bor i København. Min lejlighed er lille!")
    assert (counts.words, counts.sentences, counts.long_words) == (8, 2, 2)
    assert counts.score == pytest.approx(29.0)


def test_lix_of_a_harder_text() -> None:
    # 8 words, 2 sentences, 3 long (Boligorganisationen, udlejer, boligerne): 4 + 37.5 = 41.5.
    counts = lix.lix("Boligorganisationen udlejer boligerne. Du skal skrive dig op.")
    assert (counts.words, counts.sentences, counts.long_words) == (8, 2, 3)
    assert counts.score == pytest.approx(41.5)


def test_a_long_winded_text_fails_the_limit() -> None:
    text = (
        "Boligorganisationernes udlejningsaftaler fastlægger fortrinsrettigheder for "
        "ventelisteansøgere, hvorefter anciennitetsprincippet fraviges, såfremt ansøgeren "
        "dokumenterer beskæftigelse eller uddannelsesaktivitet på overtagelsestidspunktet."
    )
    assert lix.lix(text).score > MAX_LIX


def test_exactly_six_letters_is_not_long_and_seven_is() -> None:
    assert not lix.is_long("afsnit")
    assert lix.is_long("kriteri")
    assert not lix.is_long("22.904,30")  # digits are not letters
    assert lix.is_long("A-kriterier")


def test_numbers_abbreviations_and_dates_do_not_end_sentences() -> None:
    assert lix.count_sentences("Fra 1. december 2022 var beløbet 22.904,30 kr. om måneden.") == 1
    assert lix.count_sentences("Beløbet er 22.904,30 kr. Det ændres hvert år.") == 2
    assert lix.count_sentences("Se afsnit 5.2.3. Der står det.") == 2
    assert lix.count_sentences("Husk: det gælder alle.") == 1
    assert lix.count_sentences("Husk: Det gælder alle.") == 2
    assert lix.count_sentences("En overskrift uden punktum") == 1
    assert lix.count_sentences("") == 0


def test_words_keep_numbers_and_split_at_slashes() -> None:
    assert lix.words("afsnit 5.2.3 og 22.904,30 kr.") == [
        "afsnit",
        "5.2.3",
        "og",
        "22.904,30",
        "kr",
    ]
    assert lix.words("ægtefælle/samlever på DanmarkBolig.dk") == [
        "ægtefælle",
        "samlever",
        "på",
        "DanmarkBolig.dk",
    ]


def test_markdown_syntax_code_tables_and_link_targets_are_not_prose() -> None:
    markdown = """---
title: Prøve
---
<!-- Genereret - ret ikke i hånden. -->
# Overskrift { #top }

Se [afsnit 5.2](../regler/afsnit.md#afsnit-52) og {{ ref("afsnit 6") }}. Brug `python -m udlejning`
nu. Læs **mere** på <https://www.example.org/>.

| Trin | Andel |
|---|---|
| 1 | 2/9 |

```python
print("ikke prosa")
```

- Punkt et
- Punkt to, som
  fortsætter her
1. Nummer et

!!! note "Godt at vide"
    Boligorganisationen afgør sagen.

![Et billede](billede.png)
<div id="x" class="y"><noscript><p>Kræver JavaScript.</p></noscript></div>
"""
    assert lix.visible_text(markdown).split("\n") == [
        "Overskrift",
        "Se afsnit 5.2 og . Brug nu. Læs mere på .",
        "Punkt et",
        "Punkt to, som fortsætter her",
        "Nummer et",
        "Godt at vide",
        "Boligorganisationen afgør sagen.",
        "Kræver JavaScript.",
    ]


def test_empty_text_scores_zero() -> None:
    assert lix.lix("").score == 0.0
    assert lix.score("<!-- kun en kommentar -->") == 0.0


def test_rendered_pages_have_no_macros_left() -> None:
    text = rendered(DOCS / "boligsoegende" / "fleksible-kriterier.md")
    assert "{{" not in text and "}}" not in text
    assert "](../regler/afsnit.md#bilag-4-iv1-a1)" in text  # ref() became a link
