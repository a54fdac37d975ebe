"""Bilag 17 (databilaget) and Bilag 4, III.1: the four key figures, the state's limits and the risk zone.

The source text heads this annex «Bilag 15: Baseline, nøgletal og særlige fokuspunkter», but afsnit 6.1.2,
6.2 and figur 5 call it «bilag 17 om data», and the annex before it (also headed «Bilag 15») is the one on
key figures (Reading R-21). We cite it as Bilag 17.

- A criterion *meets the state's limit* for disadvantaged areas (udsatte boligområder) when the key figure
  is beyond the limit: unemployment and education above it, convictions at or above it, income below it
  (Bilag 17 figur 1; Reading R-24 on "2:" read as "≥").
- A criterion is *within the risk zone* when the key figure is beyond the risk-zone value of figur 1 (the
  2022 values are parameters) or meets the state's limit, or – on the area stair only – when fewer than
  10 persons are missing before the state's limit is met (Bilag 4, III.1 faktaboks; Bilag 17, Risikozonen).
  Reading R-25: the person rule applies to all four criteria on the area stair, never on the section stair.
- The need to strengthen a section's residents (afsnit 6.2 figur 5; Bilag 17): *high* when at least two
  criteria meet the state's limit, *medium* when at least two are within the risk zone, otherwise *low*.
  A criterion that meets the state's limit is also within the risk zone (Reading R-26).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from udlejning.coverage import covers
from udlejning.model import Reason, Text
from udlejning.parameters import ParameterValue, parameter
from udlejning.texts import both, percent, plural

COVERS = covers(
    "Nøgletal, statens grænser og risikozonen",
    "Key figures, the state's limits and the risk zone",
    "Bilag 17",
    "Bilag 4, III.1",
)

CRITERIA = ("unemployment", "convictions", "education", "income")
CRITERION_TEXT = {
    "unemployment": Text(
        "ledighed (18–64-årige uden arbejde eller uddannelse)",
        "unemployment (18–64-year-olds without work or education)",
    ),
    "convictions": Text(
        "dømte (domme efter straffeloven, våbenloven eller lov om euforiserende stoffer)",
        "convictions (under the Criminal Code, the Weapons Act or the Euphoriant Substances Act)",
    ),
    "education": Text(
        "uddannelse (30–59-årige med kun grundskole)",
        "education (30–59-year-olds with only basic schooling)",
    ),
    "income": Text(
        "indkomst (gennemsnitlig bruttoindkomst i forhold til regionen)",
        "income (average gross income compared with the region)",
    ),
}
# The skærpede criterion that mirrors each key figure (Bilag 4, IV.2 nr. 1–4; afsnit 6.1.2).
SKAERPET = {"unemployment": "S1", "convictions": "S2", "education": "S3", "income": "S4"}
# How a key figure meets a limit (Bilag 17 figur 1: ">", "2:" read as "≥", "<").
COMPARATOR = {"unemployment": ">", "convictions": ">=", "education": ">", "income": "<"}
REF_FIG1 = "Bilag 17, figur 1"
REF_ZONE = "Bilag 4, III.1 (faktaboks); Bilag 17 (Risikozonen)"
REF_NEED = "afsnit 6.2 figur 5; Bilag 17 (Afdelingstrappens inddeling)"

NEED_TEXT = {
    "high": Text("højt", "high"),
    "medium": Text("mellem", "medium"),
    "low": Text("lavt", "low"),
}


def beyond(criterion: str, value: Decimal, limit: Decimal) -> bool:
    """True when ``value`` is on the bad side of ``limit`` for this criterion."""
    op = COMPARATOR[criterion]
    if op == ">":
        return value > limit
    if op == ">=":
        return value >= limit
    return value < limit


class Limits:
    """Reads the dated limits on one date; a user may give newer values (``overrides``, by parameter name).

    Records every value it reads, so the answer can list them and flag values the sources do not give
    for that date (the convictions and income values are set every year; the agreement gives 2022's:
    Reading R-37).
    """

    def __init__(self, on: date, overrides: dict[str, Decimal] | None = None) -> None:
        self.on = on
        self.overrides = dict(overrides or {})
        self.used: dict[str, ParameterValue] = {}

    def get(self, name: str) -> Decimal | int:
        p = parameter(name)
        if name in self.overrides:
            pv = ParameterValue(p, self.overrides[name], None, None, supplied_by_user=True)
        else:
            pv = p.at(self.on)
        self.used[name] = pv
        value = pv.value
        assert isinstance(value, Decimal | int)
        return value

    def dec(self, name: str) -> Decimal:
        return Decimal(self.get(name))

    def stale(self) -> list[str]:
        return [n for n, pv in self.used.items() if not pv.is_known_on(self.on)]

    def to_json(self) -> list[dict[str, object]]:
        return [pv.to_json(self.on) for pv in self.used.values()]


@dataclass(frozen=True)
class KeyFigure:
    """One key figure of an area or section: the value (percent) and, on the area stair, how many
    persons are missing before the state's limit is met (as the municipality's data give it)."""

    value: Decimal | None = None
    persons_from_limit: int | None = None


@dataclass
class CriterionResult:
    criterion: str
    value: Decimal | None
    state_limit: Decimal
    zone_limit: Decimal
    meets_state_limit: bool | None
    within_risk_zone: bool | None
    reasons: list[Reason] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "criterion": self.criterion,
            "label": CRITERION_TEXT[self.criterion].to_json(),
            "value": None if self.value is None else str(self.value),
            "comparator": COMPARATOR[self.criterion],
            "state_limit": str(self.state_limit),
            "risk_zone_limit": str(self.zone_limit),
            "meets_state_limit": self.meets_state_limit,
            "within_risk_zone": self.within_risk_zone,
            "reasons": [r.to_json() for r in self.reasons],
        }


def _op_text(criterion: str) -> Text:
    return {
        ">": Text("over", "above"),
        ">=": Text("mindst", "at least"),
        "<": Text("under", "below"),
    }[COMPARATOR[criterion]]


def assess_criterion(
    criterion: str, figure: KeyFigure, limits: Limits, *, area_stair: bool
) -> CriterionResult:
    """Bilag 17 figur 1 and Bilag 4, III.1: does one key figure meet the state's limit / lie in the zone?"""
    state = limits.dec(f"udsat.{criterion}.threshold")
    zone = limits.dec(f"riskzone.{criterion}.threshold")
    name, op = CRITERION_TEXT[criterion], _op_text(criterion)
    result = CriterionResult(criterion, figure.value, state, zone, None, None)
    if figure.value is not None:
        result.meets_state_limit = beyond(criterion, figure.value, state)
        in_zone = result.meets_state_limit or beyond(criterion, figure.value, zone)
        result.within_risk_zone = in_zone
        value, state_t, zone_t = (
            both(percent, figure.value),
            both(percent, state),
            both(percent, zone),
        )
        result.reasons.append(
            Reason(
                Text(
                    f"Nøgletallet for {name.da} er {value.da}. Statens grænse for udsatte boligområder er {op.da} {state_t.da}, risikozonen begynder ved {op.da} {zone_t.da}.",
                    f"The key figure for {name.en} is {value.en}. The state's limit for disadvantaged areas is {op.en} {state_t.en}; the risk zone starts at {op.en} {zone_t.en}.",
                ),
                REF_FIG1,
            )
        )
    persons_limit = int(limits.get("riskzone.persons")) if area_stair else None
    if area_stair and figure.persons_from_limit is not None and result.within_risk_zone is not True:
        assert persons_limit is not None
        close = figure.persons_from_limit < persons_limit
        if close or figure.value is not None:
            result.within_risk_zone = close or bool(result.within_risk_zone)
        result.reasons.append(
            Reason(_persons_text(figure.persons_from_limit, persons_limit, close), REF_ZONE)
        )
    return result


def _persons_text(missing: int, persons_limit: int, close: bool) -> Text:
    """How many persons are missing before the state's limit, and what that means on the area stair.

    With none missing the limit is reached: the sentence says so, and whether the area is then in
    the risk zone as ``assess_criterion`` decided it (``close``: fewer than ``persons_limit`` missing)."""
    if missing == 0 and close:
        return Text(
            f"Der mangler ingen personer: statens grænse er nået. På områdetrappen er området derfor i risikozonen (der mangler færre end {persons_limit}).",
            f"No persons are missing: the state's limit is reached. On the area stair the area is therefore in the risk zone (fewer than {persons_limit} are missing).",
        )
    if missing == 0:
        return Text(
            f"Der mangler ingen personer: statens grænse er nået. På områdetrappen er området alligevel ikke i risikozonen ud fra antallet af personer, for det kræver, at der mangler færre end {persons_limit}.",
            f"No persons are missing: the state's limit is reached. On the area stair the number of persons still does not put the area in the risk zone: that needs fewer than {persons_limit} missing.",
        )
    return Text(
        f"Der mangler {plural(missing, 'person', 'personer')}, før statens grænse er nået; på områdetrappen er området i risikozonen, når der mangler færre end {persons_limit}.",
        f"{plural(missing, 'person', 'persons')} {'is' if missing == 1 else 'are'} missing before the state's limit is reached; on the area stair the area is in the risk zone when fewer than {persons_limit} are missing.",
    )


def _few_in_zone(count: int, needed: int, lang: str) -> str:
    """«Ingen af kriterierne …» / «Kun 1 kriterium …» / «Kun 2 kriterier …»: low need."""
    if lang == "da":
        if count == 0:
            return (
                f"Ingen af kriterierne ligger i risikozonen (mindst {needed} kræves): lavt behov."
            )
        return f"Kun {plural(count, 'kriterium', 'kriterier')} ligger i risikozonen (færre end {needed}): lavt behov."
    if count == 0:
        return f"None of the criteria lies in the risk zone (at least {needed} needed): low need."
    verb = "lies" if count == 1 else "lie"
    return f"Only {plural(count, 'criterion', 'criteria')} {verb} in the risk zone (fewer than {needed}): low need."


def need_level(results: list[CriterionResult], limits: Limits) -> tuple[str | None, list[Reason]]:
    """Afsnit 6.2 figur 5 notes *, **, ***: high / medium / low need, or None when unknown figures decide it."""
    needed = int(limits.get("stairs.need.min_criteria"))

    def level(assume: bool) -> str:
        meets = sum(
            1
            for r in results
            if (r.meets_state_limit if r.meets_state_limit is not None else assume)
        )
        zone = sum(
            1 for r in results if (r.within_risk_zone if r.within_risk_zone is not None else assume)
        )
        if meets >= needed:
            return "high"
        if zone >= needed:
            return "medium"
        return "low"

    best, worst = level(False), level(True)
    meets = [r.criterion for r in results if r.meets_state_limit]
    zone = [r.criterion for r in results if r.within_risk_zone]
    if best != worst:
        return None, [
            Reason(
                Text(
                    f"Behovet kan være {NEED_TEXT[best].da} eller {NEED_TEXT[worst].da}; det afhænger af de nøgletal, der mangler.",
                    f"The need can be {NEED_TEXT[best].en} or {NEED_TEXT[worst].en}; it depends on the missing key figures.",
                ),
                REF_NEED,
            )
        ]
    text = {
        "high": Text(
            f"{len(meets)} af de fire kriterier når statens grænse for udsatte boligområder (mindst {needed} kræves). Afdelingen ville være udpeget med over 1.000 beboere: højt behov.",
            f"{len(meets)} of the four criteria reach the state's limit for disadvantaged areas (at least {needed} needed). With over 1,000 residents the section would be designated: high need.",
        ),
        "medium": Text(
            f"{plural(len(zone), 'kriterium', 'kriterier')} ligger i risikozonen (mindst {needed} kræves), men færre end {needed} når statens grænse: mellem behov.",
            f"{plural(len(zone), 'criterion', 'criteria')} {'lies' if len(zone) == 1 else 'lie'} in the risk zone (at least {needed} needed), but fewer than {needed} reach the state's limit: medium need.",
        ),
        "low": Text(
            _few_in_zone(len(zone), needed, "da"),
            _few_in_zone(len(zone), needed, "en"),
        ),
    }[best]
    return best, [Reason(text, REF_NEED)]
