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
import re
import sys

from udlejning.answers import parse_json
from udlejning.api import evaluate
from udlejning.catalogue import catalogue
from udlejning.schemas import SCHEMAS
from udlejning.situation_api import placement, priority, wheel
from udlejning.staff_api import allocation_limits, deadlines, new_build, saerbolig_phase_out

SITUATION_COMMANDS = {"placement": placement, "wheel": wheel, "priority": priority}
STAFF_COMMANDS = {
    "deadlines": deadlines,
    "allocation-limits": allocation_limits,
    "new-build": new_build,
    "saerbolig-phase-out": saerbolig_phase_out,
}
JSON_COMMANDS = {"evaluate": evaluate, **SITUATION_COMMANDS, **STAFF_COMMANDS}


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
    sub.add_parser(
        "evaluate", help="vurdér en husstand (JSON på stdin) / evaluate a household (JSON on stdin)"
    )
    schema = sub.add_parser("schema", help="print JSON Schema")
    schema.add_argument("which", choices=sorted(SCHEMAS))
    sub.add_parser("catalogue", help="print the rules as data")
    for name, help_text in (
        (
            "placement",
            "placér en afdeling på en trappe / place a section on a stair (JSON on stdin)",
        ),
        ("wheel", "vis et udlejningshjul / show a letting wheel (JSON on stdin)"),
        ("priority", "hvor har husstanden fortrinsret? / where does a household get priority?"),
        ("deadlines", "frister efter Bilag 14 / deadlines under Bilag 14 (JSON on stdin)"),
        (
            "allocation-limits",
            "må kommunen anvise borgeren her? (Bilag 5) / may the municipality allocate here?",
        ),
        (
            "new-build",
            "kommunal anvisning i nybyggeri (afsnit 11) / municipal allocation in new builds",
        ),
        (
            "saerbolig-phase-out",
            "udfasning af særboliger (afsnit 9) / phasing out special homes (JSON on stdin)",
        ),
    ):
        sub.add_parser(name, help=help_text)
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
