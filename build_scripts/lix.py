"""LIX readability index for the visible prose of a Markdown page.

LIX (Björnsson's *läsbarhetsindex*, used for Danish as well) is::

    LIX = words / sentences + 100 × long words / words

where a long word has more than 6 letters. Rough Danish bands: under 25 very easy (children's
books), 25–34 easy, 35–44 medium (newspapers), 45–54 hard, 55 and up very hard. The guides for
home seekers aim at 40 or less (tests/test_readability.py).

``visible_text(markdown)`` reduces a page to the sentences a reader reads; ``lix(text)`` and
``score(text)`` count. The choices, so the number can be reproduced and argued with:

* **Input.** Markdown *after* the site's macros have run (``{{ p("…") }}`` replaced by "25",
  ``{{ ref("…") }}`` by a link). Any Jinja left in the text (``{{ … }}``, ``{% … %}``,
  ``{# … #}``) is dropped, so a page can also be measured raw.
* **Dropped, not prose:** YAML front matter, HTML comments, fenced code blocks (``` and ~~~),
  inline code, Markdown tables (every line starting with ``|``), images, reference-style link
  definitions, bare ``<https://…>`` links, attribute lists (``{ #id .class }``) and HTML tags
  (the text between tags is kept). Indented blocks are *not* treated as code: this site indents
  only list continuations and admonition bodies, which are prose.
* **Kept:** the text of links (``[afsnit 5.2](../regler/afsnit.md#…)`` counts as "afsnit 5.2";
  the target is dropped), headings, list items, admonition titles and bodies; emphasis markers
  (``*``, ``_``) are removed.
* **Sentences.** Every block (heading, list item, paragraph, admonition title) ends a sentence,
  even without a full stop: Björnsson counts headings as sentences, and a list item reads as one.
  Inside a block a sentence ends at ``.``, ``!``, ``?`` or ``:`` followed by the end of the block,
  or by white space and a character that is not a lower-case letter or a digit. So "1. december",
  "22.904,30 kr. om måneden" and "fx. at" do not end a sentence; "kr. Det" does.
* **Words** are runs of letters and digits, joined across an inner hyphen, apostrophe, full stop
  or comma with letters or digits on both sides: "5.2.3", "22.904,30", "A-kriterier" and
  "DanmarkBolig.dk" are one word each; a slash separates words ("ægtefælle/samlever" is two).
  Numbers count as words (as in Björnsson's counts) but digits are not letters, so "22.904,30"
  is never long.
* **Long words** have more than 6 letters (``str.isalpha``: æ, ø, å and é count as letters).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

LONG_WORD_LETTERS = 6

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+).*?^(?P=indent)(?P=fence)[ \t]*$", re.S | re.M
)
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(
    r"\[(?P<text>[^\]]*)\]\((?:[^()]|\([^)]*\))*\)|\[(?P<ref_text>[^\]]*)\]\[[^\]]*\]"
)
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]*>")
_LINK_DEFINITION = re.compile(r"^[ \t]*\[[^\]]+\]:[ \t]+\S+.*$", re.M)
_ATTR_LIST = re.compile(
    r"\{:?[ \t]*(?:[#.][^}\s]+|[\w-]+=\S+)(?:[ \t]+(?:[#.][^}\s]+|[\w-]+=\S+))*[ \t]*\}"
)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_HEADING = re.compile(r"^#{1,6}[ \t]+")
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d+[.)])[ \t]+")
_ADMONITION = re.compile(
    r"^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+\"(?P<title>[^\"]*)\")?[ \t]*$"
)
_WORD = re.compile(r"[^\W_]+(?:[-'’.,][^\W_]+)*")
_PUNCTUATION = re.compile(r"[.!?:]+")


@dataclass(frozen=True)
class Lix:
    """The counts behind a LIX score."""

    words: int
    sentences: int
    long_words: int

    @property
    def score(self) -> float:
        if self.words == 0 or self.sentences == 0:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


def _strip_inline(text: str) -> str:
    text = _JINJA.sub(" ", text)
    text = _INLINE_CODE.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(lambda m: m.group("text") or m.group("ref_text") or "", text)
    text = _AUTOLINK.sub(" ", text)
    text = _ATTR_LIST.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = text.replace("*", "").replace("_", " ")
    return " ".join(text.split())


def blocks(markdown: str) -> list[str]:
    """The page's prose as blocks (heading, list item, paragraph, admonition title)."""
    text = markdown.replace("\r\n", "\n")
    text = _FRONT_MATTER.sub("", text)
    text = _COMMENT.sub("\n", text)
    text = _FENCE.sub("\n", text)
    text = _LINK_DEFINITION.sub("", text)
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        joined = _strip_inline(" ".join(current))
        if joined:
            out.append(joined)
        current.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        while line.startswith(">"):
            line = line[1:].strip()
        if not line or line.startswith("|"):
            flush()
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            flush()
            current.append(admonition.group("title") or "")
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            current.append(line[heading.end() :].rstrip("#"))
            flush()
            continue
        marker = _LIST_MARKER.match(line)
        if marker:
            flush()
            line = line[marker.end() :]
        current.append(line)
    flush()
    return out


def visible_text(markdown: str) -> str:
    """The prose a reader sees, one block a line."""
    return "\n".join(blocks(markdown))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_long(word: str) -> bool:
    return sum(ch.isalpha() for ch in word) > LONG_WORD_LETTERS


def count_sentences(block: str) -> int:
    """Sentences in one block: the ends inside it, plus one because the block ends a sentence."""
    if not words(block):
        return 0
    inner = 0
    for match in _PUNCTUATION.finditer(block):
        after = block[match.end() :]
        if not after.strip() or not after[0].isspace():
            continue  # the block's own end, or inside a word ("5.2", "bl.a")
        following = after.lstrip().lstrip("([«»\"'“”‘’-–")
        if following and not following[0].islower() and not following[0].isdigit():
            inner += 1
    return inner + 1


def lix_of_blocks(parts: list[str]) -> Lix:
    all_words = [word for part in parts for word in words(part)]
    return Lix(
        words=len(all_words),
        sentences=sum(count_sentences(part) for part in parts),
        long_words=sum(is_long(word) for word in all_words),
    )


def lix(text: str) -> Lix:
    """Counts for plain text; each line is a block (see ``visible_text``)."""
    return lix_of_blocks([line for line in text.split("\n") if line.strip()])


def score(markdown: str) -> float:
    """LIX of a Markdown page's visible prose, rounded to one decimal."""
    return round(lix_of_blocks(blocks(markdown)).score, 1)
