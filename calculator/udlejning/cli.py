"""``python -m udlejning``: the JSON interface on the command line.

- ``evaluate``: read a JSON document on stdin, write the result as JSON on stdout; exit 0 when the
  input was valid, 2 when it was not (the errors are still JSON on stdout).
- ``schema input|output``: print a JSON Schema.
- ``catalogue``: print the rules as data (criteria, parameters, ambiguities).
- ``priority``: where a household gets priority (afsnit 6, Bilag 4), JSON on stdin and stdout like
  ``evaluate`` (``udlejning.situation_api``).
- every other endpoint of ``udlejning.endpoints.REGISTRY`` (``placement``, ``wheel``, ``deadlines``,
  ``allocation-limits``, ``new-build``, … ): the staff tools, JSON on stdin and stdout the same
  way (``udlejning.tools``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from udlejning.answers import parse_json
from udlejning.catalogue import catalogue
from udlejning.endpoints import REGISTRY
from udlejning.schemas import SCHEMAS

# Every endpoint of the registry by its CLI name.
JSON_COMMANDS = {e.cli: e.call for e in REGISTRY}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _dump(data: object) -> str:
    """Indented JSON, readable UTF-8; a lone surrogate (which UTF-8 cannot carry, e.g. from an input
    key "\\ud800" echoed in an error) is written as its JSON escape, so stdout is always valid."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m udlejning",
        description="Københavns udlejningsaftale 2024–2027 som regler / the Copenhagen letting agreement as rules",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("evaluate", help=REGISTRY[0].help)
    schema = sub.add_parser("schema", help="print JSON Schema")
    schema.add_argument("which", choices=sorted(SCHEMAS))
    sub.add_parser("catalogue", help="print the rules as data")
    for endpoint in REGISTRY[1:]:
        sub.add_parser(endpoint.cli, help=endpoint.help)
    args = parser.parse_args(argv)

    if args.command == "schema":
        print(_dump(SCHEMAS[args.which]()))
        return 0
    if args.command == "catalogue":
        print(_dump(catalogue()))
        return 0
    raw = sys.stdin.buffer.read()
    try:
        text: str | None = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None  # not UTF-8: a structured invalid_json error
    document, invalid = parse_json(text)
    result = invalid or JSON_COMMANDS[args.command](document)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # JSON is UTF-8, whatever the locale
    print(_dump(result))
    return 0 if result.get("ok") else 2
