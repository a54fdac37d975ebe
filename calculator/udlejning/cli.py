"""``python -m udlejning``: the JSON interface on the command line.

- ``evaluate``: read a JSON document on stdin, write the result as JSON on stdout; exit 0 when the
  input was valid, 2 when it was not (the errors are still JSON on stdout).
- ``schema input|output``: print a JSON Schema.
- ``catalogue``: print the rules as data (criteria, parameters, ambiguities).
- ``placement``, ``wheel``, ``priority``: the stairs and wheels (afsnit 6, Bilag 4 III, Bilag 17), JSON on
  stdin and stdout like ``evaluate`` (``udlejning.situation_api``).
- ``deadlines``, ``allocation-limits``, ``new-build``, ``saerbolig-phase-out``: staff tools for
  Bilag 14's deadlines, Bilag 5's limits on municipal allocation, afsnit 11's new builds and
  afsnit 9's phase-out of særboliger, JSON on stdin and stdout the same way (``udlejning.staff_api``).
"""

from __future__ import annotations

import argparse
import json
import sys

from udlejning.api import evaluate_json
from udlejning.catalogue import catalogue
from udlejning.endpoints import REGISTRY
from udlejning.schemas import SCHEMAS

# Every endpoint of the registry but evaluate (which has its own text interface) by its CLI name.
JSON_COMMANDS = {e.cli: e.call for e in REGISTRY if e.name != "evaluate"}


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)


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
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = "\u0000"  # not JSON: becomes a structured invalid_json error
    if args.command in JSON_COMMANDS:
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            # Reuse evaluate's structured invalid_json error.
            result = json.loads(evaluate_json(text))
        else:
            result = JSON_COMMANDS[args.command](document)
        print(_dump(result))
        return 0 if result.get("ok") else 2
    result = json.loads(evaluate_json(text))
    print(_dump(result))
    return 0 if result.get("ok") else 2
