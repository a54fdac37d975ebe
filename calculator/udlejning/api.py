"""The stable JSON interface: plain JSON-able data in, plain JSON-able data out; it never raises.

``evaluate(document)`` returns ``{"ok": true, ...}`` with one finding per criterion, or
``{"ok": false, "errors": [...]}`` where every error names the field (``path``) in Danish and English.
"""

from __future__ import annotations

import json
from typing import Any

from udlejning import __version__
from udlejning.answers import SCHEMA_VERSION, error_answer, internal_error_answer, parse_json
from udlejning.context import Context
from udlejning.criteria import evaluate_criteria
from udlejning.household import Household, parse_household
from udlejning.model import Text
from udlejning.parameters import agreement
from udlejning.readings import ALTERNATIVE, Readings, alternative_text, contested
from udlejning.summary import household_summary
from udlejning.texts import both, day, money, value_state


def _notice(code: str, text: Text, reference: str) -> dict[str, str]:
    return {"code": code, **text.to_json(), "reference": reference}


def checklist(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents to bring (medbring-ark): one line per document, with the criteria asking for it.

    Only criteria that are met or cannot be told yet ask for documents; order follows the criteria.
    """
    lines: dict[tuple[str, str], dict[str, Any]] = {}
    for finding in findings:
        for doc in finding["documents"]:
            key = (doc["da"], doc["reference"])
            line = lines.setdefault(key, {**doc, "criteria": []})
            if finding["id"] not in line["criteria"]:
                line["criteria"].append(finding["id"])
    return list(lines.values())


VERDICT_WORDS = {
    "met": Text("opfyldt", "met"),
    "not_met": Text("ikke opfyldt", "not met"),
    "cannot_tell": Text("kan ikke afgøres", "cannot tell"),
    "organisation_decides": Text(
        "boligorganisationen afgør det", "the housing organisation decides"
    ),
}


def other_readings(household: Household, chosen: Readings, findings: list[dict[str, Any]]) -> None:
    """Add ``other_readings`` to each finding: for every contested reading it used, the verdict the
    other reading would give, when that differs, said in plain words."""
    for finding in findings:
        finding["other_readings"] = []
    used = {rid for f in findings for rid in f["readings"]}
    for rid in (r for r in contested() if r in used):
        flipped = chosen.flipped(rid)
        other = {f.id: f.verdict.value for f in evaluate_criteria(Context(household, flipped))}
        for finding in findings:
            verdict = other[finding["id"]]
            if rid not in finding["readings"] or verdict == finding["verdict"]:
                continue
            now, then = VERDICT_WORDS[finding["verdict"]], VERDICT_WORDS[verdict]
            to_alternative = flipped.choices[rid] == ALTERNATIVE
            alt_da, alt_en = alternative_text(rid) if to_alternative else ("", "")
            which = (
                Text("en anden læsning af aftalen", "another reading of the agreement")
                if to_alternative
                else Text("den læsning, vi har valgt", "the reading we chose")
            )
            finding["other_readings"].append(
                {
                    "reading": rid,
                    "choice": flipped.choices[rid],
                    "verdict": verdict,
                    "da": f"Efter {which.da} ({rid}) ville svaret være «{then.da}» i stedet for «{now.da}». {alt_da}".strip(),
                    "en": f"Under {which.en} ({rid}) the answer would be “{then.en}” instead of “{now.en}”. {alt_en}".strip(),
                }
            )


def evaluate_household(household: Household) -> dict[str, Any]:
    deal = agreement()
    notices: list[dict[str, str]] = []
    base: dict[str, Any] = {
        "ok": True,
        "schema_version": SCHEMA_VERSION,
        "package_version": __version__,
        "date": household.date.isoformat(),
        "agreement": deal.to_json(),
    }
    if not deal.covers(household.date):
        first, last = both(day, deal.first_day), both(day, deal.last_day())
        notices.append(
            _notice(
                "outside_agreement_period",
                Text(
                    f"Datoen ligger uden for aftalens periode ({first.da} – {last.da}). Reglerne her gælder ikke den dag, så vi vurderer ingen kriterier.",
                    f"The date is outside the agreement's period ({first.en} – {last.en}). These rules do not apply on that day, so no criteria are assessed.",
                ),
                deal.reference,
            )
        )
        return {**base, "notices": notices, "criteria": [], "checklist": [], "parameters": []}
    ctx = Context(household)
    results = evaluate_criteria(ctx)
    findings = [f.to_json() for f in results]
    other_readings(household, ctx.readings, findings)
    for name, pv in ctx.used.items():
        if pv.supplied_by_user:
            notices.append(
                _notice(
                    "user_supplied_parameter",
                    Text(
                        f"Du har selv angivet {money(pv.value, 'da')} for «{pv.parameter.description_da}». Tjek beløbet hos boligorganisationen.",
                        f"You supplied {money(pv.value, 'en')} for “{pv.parameter.description_en}”. Check the amount with the housing organisation.",
                    ),
                    pv.parameter.reference,
                )
            )
        elif not pv.is_known_on(household.date):
            notices.append(
                _notice(
                    "parameter_not_current",
                    Text(
                        f"{value_state(name, 'da')} Beløbet justeres hvert år. Angiv det aktuelle beløb for at få et sikkert svar.",
                        f"{value_state(name, 'en')} The amount is adjusted every year. Enter the current amount for a firm answer.",
                    ),
                    pv.parameter.reference,
                )
                | {"parameter": name}
            )
    return {
        **base,
        "notices": notices,
        "criteria": findings,
        "checklist": checklist(findings),
        "parameters": [pv.to_json(household.date) for pv in ctx.used.values()],
        "summary": household_summary(household, results),
    }


def evaluate(document: object) -> dict[str, Any]:
    """Evaluate a JSON-able document; never raises (an internal fault becomes a structured error)."""
    try:
        household, errors = parse_household(document)
        if household is None:
            return error_answer(errors)
        return evaluate_household(household)
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)


def evaluate_json(text: str) -> str:
    """JSON text in, JSON text out (for the browser worker)."""
    document, invalid = parse_json(text)
    return json.dumps(invalid or evaluate(document), ensure_ascii=False)
