"""Bilag 5's rows, each assessed for one citizen: released from the prison service or another
institution, a tenancy ended for breaking the house rules, citizenship, and the runs of months on
benefits (one assessment for both area types, with each type's month limits). Whether a row counts
in an area, and what follows, is ``sections.bilag5_limits``. Months on a benefit are the longest
unbroken run; when it fell is not judged (Reading R-39)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from udlejning.coverage import covers
from udlejning.model import Text
from udlejning.parameters import add_months, parameter
from udlejning.texts import day

COVERS = covers(
    "Lovens grænser for anvisning: borgerens forhold række for række",
    "The law's limits on allocation: the citizen's facts row by row",
    "Bilag 5",
)
T = Text

# Bilag 5's figures come from parameter files (issue 9.5), read once at import.
RECENT_MONTHS = int(parameter("bilag5.recent_months").values[-1].value)  # type: ignore[arg-type]
MINOR_AGE = int(parameter("bilag5.minor_age").values[-1].value)  # type: ignore[arg-type]
BENEFIT_MONTHS = int(parameter("bilag5.benefit_months").values[-1].value)  # type: ignore[arg-type]
CASH_BENEFIT_MONTHS_FOREBYGGELSE = int(
    parameter("bilag5.cash_benefit_months_forebyggelse").values[-1].value  # type: ignore[arg-type]
)


Assessment = tuple[str, Text, list[str]]


def _said(status: str, da: str, en: str, missing: list[str] | None = None) -> Assessment:
    return (status, T(da, en), missing or [])


def _said_on(status: str, when: date, da: str, en: str, **values: object) -> Assessment:
    """``_said`` of a sentence about an event on the day ``when`` and Bilag 5's months: ``{day}`` is
    the day in each language's format, ``{months}`` RECENT_MONTHS, other ``{…}`` the given values."""
    return _said(
        status,
        da.format(day=day(when, "da"), months=RECENT_MONTHS, **values),
        en.format(day=day(when, "en"), months=RECENT_MONTHS, **values),
    )


def _recent(since: date, on: date) -> bool:
    """Bilag 5, "inden for de seneste 6 måneder": half-open, [since, since + 6 months)."""
    return on < add_months(since, RECENT_MONTHS)


def _before_window(when: date | None, on: date, event: Text) -> Assessment | None:
    """Not covered when the event on ``when`` (``event`` says it, with ``{day}``) lies more than
    RECENT_MONTHS months before the allocation on ``on``; None when ``when`` is unknown or recent."""
    if when is None or _recent(when, on):
        return None
    return _said_on(
        "not_covered",
        when,
        event.da + " mere end {months} måneder før anvisningen.",
        event.en + " more than {months} months before the allocation.",
    )


def _release(citizen: dict[str, Any], on: date, institution: str, minor: bool) -> Assessment:
    """Rows 1 and 2 of Bilag 5: convicted and released within 6 months, with an action plan."""
    section = "§ 57" if minor else "§ 141"
    released_from = citizen.get("released_from")
    released_on: date | None = citizen.get("released_on")
    missing: list[str] = []
    if released_from is None:
        missing.append("citizen.released_from")
    elif released_from == "none":
        return _said(
            "not_covered",
            "Borgeren er ikke dømt og løsladt.",
            "The citizen has not been convicted and released.",
        )
    elif released_from != institution:
        where = (
            T("uden for kriminalforsorgen", "outside the prison service")
            if minor
            else T("under kriminalforsorgen", "of the prison service")
        )
        return _said(
            "not_covered",
            f"Borgeren er ikke oplyst løsladt fra en institution {where.da}.",
            f"The citizen is not stated to be released from an institution {where.en}.",
        )
    too_old = _before_window(
        released_on, on, T("Løsladelsen ({day}) ligger", "The release ({day}) is")
    )
    if too_old is not None:
        return too_old
    if citizen.get("action_plan") is False:
        return _said(
            "not_covered",
            f"Borgeren skal ikke have en handleplan efter servicelovens {section}.",
            f"The citizen is not to have an action plan under the Social Services Act {section}.",
        )
    age = citizen.get("age")
    if minor and age is not None and age >= MINOR_AGE:
        return _said(
            "not_covered",
            f"Rækken gælder personer under {MINOR_AGE} år; borgeren er {age}.",
            f"The row is for persons under {MINOR_AGE}; the citizen is {age}.",
        )
    if released_on is None:
        missing.append("citizen.released_on")
    if citizen.get("action_plan") is None:
        missing.append("citizen.action_plan")
    if minor and age is None:
        missing.append("citizen.age")
    if missing:
        return _said(
            "cannot_tell",
            "Vi mangler oplysninger om dom, løsladelse og handleplan.",
            "We need facts about conviction, release and action plan.",
            missing,
        )
    assert released_on is not None
    return _said_on(
        "covered",
        released_on,
        "Borgeren er løsladt {day}, inden for {months} måneder, og skal have handleplan efter servicelovens {section}.",
        "The citizen was released on {day}, within {months} months, and is to have an action plan under the Social Services Act {section}.",
        section=section,
    )


TENANCY_ENDED = T("Lejemålet blev ophævet/opsagt {day},", "The tenancy was ended on {day},")


def _house_rules(citizen: dict[str, Any], on: date) -> Assessment:
    ended, ended_on = citizen.get("tenancy_ended"), citizen.get("tenancy_ended_on")
    if ended is False:
        return _said(
            "not_covered",
            "Borgerens lejemål er ikke ophævet eller opsagt for grove brud på god skik og orden.",
            "The citizen's tenancy has not been ended for gross breaches of good conduct.",
        )
    too_old = _before_window(ended_on, on, TENANCY_ENDED)
    if too_old is not None:
        return too_old
    if ended_on is None:
        missing = ["citizen.tenancy_ended_on"] if ended else ["citizen.tenancy_ended"]
        return _said(
            "cannot_tell",
            "Vi mangler at vide, om og hvornår et lejemål er ophævet eller opsagt for grove brud på god skik og orden.",
            "We need to know whether and when a tenancy was ended for gross breaches of good conduct.",
            missing,
        )
    return _said_on(
        "covered",
        ended_on,
        TENANCY_ENDED.da + " inden for {months} måneder.",
        TENANCY_ENDED.en + " within {months} months.",
    )


def _citizenship(citizen: dict[str, Any], on: date) -> Assessment:
    nationality, student = citizen.get("citizenship"), citizen.get("student")
    if nationality == "eu_eea_switzerland":
        return _said(
            "not_covered",
            "Borgeren er statsborger i et EU- eller EØS-land eller Schweiz.",
            "The citizen is a national of an EU or EEA country or Switzerland.",
        )
    if student is True:
        return _said(
            "not_covered",
            "Borgeren er indskrevet på en offentligt anerkendt uddannelsesinstitution (undtaget).",
            "The citizen is enrolled at a publicly recognised educational institution (exempt).",
        )
    if nationality is None or student is None:
        missing = ["citizen.citizenship"] if nationality is None else []
        missing += ["citizen.student"] if student is None else []
        return _said(
            "cannot_tell",
            "Vi mangler borgerens statsborgerskab, eller om borgeren studerer.",
            "We need the citizen's citizenship, or whether the citizen is a student.",
            missing,
        )
    return _said(
        "covered",
        "Borgeren er ikke statsborger i et EU- eller EØS-land eller Schweiz og er ikke studerende.",
        "The citizen is not a national of an EU or EEA country or Switzerland, and is not a student.",
    )


def _benefit_facts(citizen: dict[str, Any]) -> dict[str, Any]:
    return citizen.get("benefits") or {}


def _at_least(value: int | None, limit: int) -> bool:
    return value is not None and value >= limit


def _below(values: list[int | None], limit: int) -> bool:
    """Known to be below ``limit``: some given value bounding it is under the limit."""
    return any(v is not None and v < limit for v in values)


BENEFIT_PATH = "citizen.benefits."


@dataclass(frozen=True)
class BenefitRun:
    """One kind of benefit a Bilag 5 row counts: the citizen has it when a run in ``keys`` lasted at
    least ``limit`` months (``limit`` None: a yes/no fact, true when the citizen has it); ``words``
    name the benefits. It is known to be absent when the first key, or one of ``bounded_by`` (a run
    that includes it), is under the limit; else the first key is the fact we ask for."""

    keys: tuple[str, ...]
    limit: int | None
    words: Text
    bounded_by: tuple[str, ...] = ()

    @property
    def text(self) -> Text:
        if self.limit is None:
            return self.words
        return T(
            f"mindst {self.limit} sammenhængende måneder med {self.words.da}",
            f"at least {self.limit} consecutive months of {self.words.en}",
        )

    def hit(self, b: dict[str, Any]) -> bool:
        if self.limit is None:
            return any(b.get(k) is True for k in self.keys)
        return any(_at_least(b.get(k), self.limit) for k in self.keys)

    def known_absent(self, b: dict[str, Any]) -> bool:
        if self.limit is None:
            return all(b.get(k) is not None for k in self.keys)
        return _below([b.get(k) for k in (self.keys[0], *self.bounded_by)], self.limit)


BASIC = "basic_benefits_months"
SELF_SUPPORT = "self_support_or_transition_months"
CASH = "cash_benefit_months"
BASIC_WORDS = T(
    "selvforsørgelses- og hjemrejseydelse, overgangsydelse, uddannelseshjælp eller kontanthjælp",
    "self-support and return benefit, transition benefit, education aid or cash benefit",
)
PENSION = T("førtidspension", "disability pension")
INSURANCE_WORDS = T(
    "dagpenge, sygedagpenge eller ressourceforløbsydelse",
    "unemployment, sickness or resource-course benefit",
)
SELF_SUPPORT_WORDS = T(
    "selvforsørgelses- og hjemrejseydelse eller overgangsydelse",
    "self-support and return benefit or transition benefit",
)
CASH_WORDS = T("kontanthjælp", "cash benefit")


def _benefits(citizen: dict[str, Any], runs: tuple[BenefitRun, ...], none: Text) -> Assessment:
    """A Bilag 5 benefits row: covered when the citizen has any of ``runs``, not covered (``none``
    says why) when each is known to be absent, else the facts we need."""
    b = _benefit_facts(citizen)
    hits = [run.text for run in runs if run.hit(b)]
    if hits:
        return _said(
            "covered",
            "Borgeren har " + " og ".join(h.da for h in hits) + ".",
            "The citizen has " + " and ".join(h.en for h in hits) + ".",
        )
    missing = [BENEFIT_PATH + run.keys[0] for run in runs if not run.known_absent(b)]
    if missing:
        return _said(
            "cannot_tell",
            "Vi mangler oplysninger om borgerens ydelser.",
            "We need facts about the citizen's benefits.",
            missing,
        )
    return ("not_covered", none, [])


def _benefit_runs_udsat(months: int) -> tuple[BenefitRun, ...]:
    return (
        BenefitRun((BASIC, SELF_SUPPORT, CASH), months, BASIC_WORDS),
        BenefitRun(("disability_pension",), None, PENSION),
        BenefitRun(("insurance_benefits_months",), months, INSURANCE_WORDS),
    )


def _benefit_runs_forebyggelse(months: int, cash_months: int) -> tuple[BenefitRun, ...]:
    # The basic-benefits run includes both, so it bounds them from above.
    return (
        BenefitRun((SELF_SUPPORT,), months, SELF_SUPPORT_WORDS, (BASIC,)),
        BenefitRun((CASH,), cash_months, CASH_WORDS, (BASIC,)),
    )


def _benefits_udsat(citizen: dict[str, Any], on: date) -> Assessment:
    months = BENEFIT_MONTHS
    return _benefits(
        citizen,
        _benefit_runs_udsat(months),
        T(
            f"Borgeren har under {months} sammenhængende måneder med de nævnte ydelser og modtager ikke førtidspension.",
            f"The citizen has under {months} consecutive months of the listed benefits and does not receive disability pension.",
        ),
    )


def _benefits_forebyggelse(citizen: dict[str, Any], on: date) -> Assessment:
    months, cash = BENEFIT_MONTHS, CASH_BENEFIT_MONTHS_FOREBYGGELSE
    return _benefits(
        citizen,
        _benefit_runs_forebyggelse(months, cash),
        T(
            f"Borgeren har under {months} sammenhængende måneder med selvforsørgelses- og hjemrejseydelse eller overgangsydelse og under {cash} med kontanthjælp.",
            f"The citizen has under {months} consecutive months of self-support and return or transition benefit, and under {cash} of cash benefit.",
        ),
    )


ASSESS: dict[str, Callable[[dict[str, Any], date], Assessment]] = {
    "released_offender": lambda c, on: _release(c, on, "prison_service", minor=False),
    "released_under_18": lambda c, on: _release(c, on, "other_institution", minor=True),
    "house_rules": _house_rules,
    "citizenship": _citizenship,
    "benefits_udsat": _benefits_udsat,
    "benefits_forebyggelse": _benefits_forebyggelse,
}
