"""The flexible criteria of Bilag 4, IV: almindelige (A1, A2, B1, C1) and skærpede (S1–S4).

Find a rule by its section: ``bilag4_iv1_a1_work`` is Bilag 4, IV.1 A.1, ``bilag4_iv2_skaerpede`` is
Bilag 4, IV.2 nr. 1–4. Texts shown to people live in ``almindelige.toml`` and ``skaerpede.toml``;
the questions and failure reasons about one field in ``facts.toml`` (or the criterion's own entry).
Each rule module registers the criteria it decides (``CRITERIA``, see ``registry``); ``rules`` finds
them, so a new criterion needs its TOML entry and its module, nothing here.
"""

from __future__ import annotations

from functools import cache

from udlejning.context import Context
from udlejning.coverage import package_modules
from udlejning.criteria.info import criterion_ids
from udlejning.criteria.registry import CriterionRule
from udlejning.model import Finding


@cache
def rules() -> dict[str, CriterionRule]:
    """Every criterion's rule, in the order of the TOML files; ``LookupError`` when a criterion has
    no rule, or a rule is registered twice or for no criterion."""
    found: dict[str, CriterionRule] = {}
    for module in package_modules(__name__):
        for rule in getattr(module, "CRITERIA", ()):
            if rule.id in found:
                raise LookupError(f"{module.__name__}: criterion {rule.id} registered twice")
            found[rule.id] = rule
    ids = criterion_ids()
    if set(found) != set(ids):
        raise LookupError(
            f"criteria without a rule {sorted(set(ids) - set(found))}, "
            f"rules for no criterion {sorted(set(found) - set(ids))}"
        )
    return {cid: found[cid] for cid in ids}


def evaluate_criteria(ctx: Context) -> list[Finding]:
    """Every criterion, each listing the readings (R-xx) its rule used."""
    out: list[Finding] = []
    for rule in rules().values():
        ctx.readings.start()
        finding = rule.finding(ctx)
        finding.readings = sorted(ctx.readings.used)
        out.append(finding)
    return out
