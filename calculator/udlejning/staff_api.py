"""JSON endpoints for staff tools: plain dicts in and out, like ``situation_api``.

- ``deadlines(doc)``: Bilag 14. From the dates a home was received by the municipality, a citizen was
  allocated, the home was returned (and the moving-in date), the dates that follow: the municipality's
  calendar month, the organisation's 14 days, the five working days for a free return, and the three
  months of vacancy rent after a late return. Working days are Monday–Friday minus the public holidays
  the caller gives (Reading R-36).
- ``allocation_limits(doc)``: Bilag 5 with afsnit 6.1.3 and 6.1.6. May the municipality allocate this
  citizen a home in a disadvantaged area (udsat boligområde) or a prevention area (forebyggelsesområde),
  and if not, why not. Rows of Bilag 5 whose column is lost in the text are marked ``may_bar`` (Reading
  R-35); in disadvantaged areas the parties suspend allocation altogether (afsnit 6.1.3), so the
  answer there is "may not allocate" even with Bilag 5's exception (Reading R-38). Months on a
  benefit are asked as the longest unbroken run; when it fell is not judged (Reading R-39).

- ``new_build(doc)``: afsnit 11 (figur 11–12). For homes taken into use in the agreement's period, the
  municipality's share of the especially cheap homes and of the other homes at the first letting and
  at re-letting in the first four years, then the stair step's wheel (figur 12's bands half-open,
  Reading R-33).
- ``saerbolig_phase_out(doc)``: afsnit 9. From the section's step on the section stair at the start
  of the agreement (and, on step 1, its share of allocated homes), when the phase-out of særboliger
  and shared homes for young people starts and what happens when such a home is vacated (Reading
  R-32).

None raises: errors come back as ``{"ok": false, "schema_version": "1", "errors": [{"path", "code",
"da", "en"}]}``, each naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from udlejning import __version__
from udlejning.answers import SCHEMA_VERSION, error_answer, input_schema_of, internal_error_answer
from udlejning.inputspec import InputError, Spec, Validator
from udlejning.model import Text
from udlejning.parameters import add_months, add_years, agreement, parameter
from udlejning.sections import afsnit9_saerboliger as sb
from udlejning.sections import afsnit11_new_builds as nb
from udlejning.sections import bilag5_limits
from udlejning.sections import bilag14_deadlines as b14
from udlejning.situation_api import DEVELOPMENT_PLAN_FIELDS
from udlejning.stairs.afsnit6_1_omraadetrappe import development_plan_transition
from udlejning.stairs.bilag17_risk_zone import KeyFigure, Limits
from udlejning.texts import count, day, number
from udlejning.wheels import format_share

T = Text
REF_B14 = "Bilag 14"
REF_B5 = bilag5_limits.REFERENCE

# --- Bilag 14: deadlines -------------------------------------------------------------------------

DEADLINE_PARAMETERS = {
    "received_on": ("deadline.municipality_months", "deadline.return_free_working_days"),
    "allocated_on": ("deadline.organisation_min_days",),
    "returned_on": ("deadline.vacancy_rent_max_months",),
}
DEADLINE_IDS = (
    "municipality_moving_in",
    "return_free_until",
    "organisation_earliest_moving_in",
    "vacancy_rent_until",
)
DEADLINE_KINDS = ("deadline", "last_day", "earliest", "until")
CHECK_IDS = ("return", "municipality_notice", "organisation_notice")
CHECK_VERDICTS = (
    "no_vacancy_rent",
    "may_owe_vacancy_rent",
    "enough_notice",
    "short_notice",
    "cannot_tell",
)


def deadlines_spec() -> Spec:
    return Spec(
        "object",
        T("Frister ved boligsocial anvisning (Bilag 14)", "Deadlines for municipal allocation"),
        fields={
            "received_on": Spec(
                "date",
                T(
                    "Dato kommunen modtog den ledige bolig",
                    "Date the municipality received the vacant home",
                ),
            ),
            "allocated_on": Spec(
                "date",
                T(
                    "Dato kommunen anviste en borger til boligen",
                    "Date the municipality allocated a citizen to the home",
                ),
            ),
            "moving_in_on": Spec("date", T("Indflytningsdato", "Moving-in date")),
            "returned_on": Spec(
                "date",
                T(
                    "Dato kommunen returnerede boligen",
                    "Date the municipality returned the home",
                ),
            ),
            "holidays": Spec(
                "array",
                T(
                    "Lokale lukkedage, der ikke er hverdage",
                    "Local closing days that are not working days",
                ),
                help=T(
                    "Helligdagene springer vi selv over. Angiv kun andre lukkedage.",
                    "We skip the public holidays ourselves. Give only other closing days.",
                ),
                items=Spec("date", T("Lukkedag", "Closing day")),
                max_items=60,
            ),
        },
    )


def _error(path: str, code: str, da: str, en: str) -> InputError:
    return InputError(path, code, T(da, en))


def _outside(path: str, label: Text, on: date) -> InputError | None:
    deal = agreement()
    if deal.covers(on):
        return None
    first, last = deal.first_day.isoformat(), deal.last_day().isoformat()
    return _error(
        path,
        "outside_agreement_period",
        f"«{label.da}» ({path}) er {on.isoformat()}, uden for aftalens periode ({first} – {last}).",
        f"“{label.en}” ({path}) is {on.isoformat()}, outside the agreement's period ({first} – {last}).",
    )


def _not_before(
    clean: dict[str, Any], spec: Spec, path: str, earlier: str, code: str
) -> InputError | None:
    later_value, earlier_value = clean.get(path), clean.get(earlier)
    if later_value is None or earlier_value is None or later_value >= earlier_value:
        return None
    a, b = spec.fields[path].label, spec.fields[earlier].label
    return _error(
        path,
        code,
        f"«{a.da}» ({path}) kan ikke ligge før «{b.da}» ({earlier}).",
        f"“{a.en}” ({path}) cannot be before “{b.en}” ({earlier}).",
    )


def _deadline_input_errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    if not any(clean.get(k) is not None for k in ("received_on", "allocated_on", "returned_on")):
        return [
            _error(
                "received_on",
                "required",
                "Angiv mindst én dato: hvornår kommunen modtog boligen (received_on), anviste en borger (allocated_on) eller returnerede boligen (returned_on).",
                "Give at least one date: when the municipality received the home (received_on), allocated a citizen (allocated_on) or returned the home (returned_on).",
            )
        ]
    problems: list[InputError | None] = [
        _outside(k, spec.fields[k].label, clean[k])
        for k in ("received_on", "allocated_on", "returned_on")
        if clean.get(k) is not None
    ]
    problems += [
        _not_before(clean, spec, "allocated_on", "received_on", "before_received"),
        _not_before(clean, spec, "returned_on", "received_on", "before_received"),
        _not_before(clean, spec, "moving_in_on", "allocated_on", "before_allocated"),
        _not_before(clean, spec, "moving_in_on", "received_on", "before_received"),
    ]
    return [p for p in problems if p is not None]


def _deadline(id_: str, kind: str, on: date, text: Text) -> dict[str, str]:
    return {"id": id_, "kind": kind, "date": on.isoformat(), **text.to_json(), "reference": REF_B14}


def _check(id_: str, verdict: str, text: Text) -> dict[str, str]:
    return {"id": id_, "verdict": verdict, **text.to_json(), "reference": REF_B14}


def _days(on: date) -> Text:
    return T(day(on, "da"), day(on, "en"))


def _count(name: str, on: date | None) -> Text:
    """A Bilag 14 parameter's value as a word in both languages (issue 9.5: no figure typed)."""
    p = parameter(name)
    value = p.at(on).value if on is not None else p.values[-1].value
    assert isinstance(value, int)
    return T(count(value, "da"), count(value, "en"))


def _working_days_note(received: date, free_until: date, closing: list[date]) -> dict[str, str]:
    """Which days were skipped as not working days (reading R-36; helligdagsloven)."""
    public = [h for h in b14.public_holidays(received) if received < h <= free_until]
    own = sorted({h for h in closing if received < h <= free_until} - set(public))
    names = [T(day(h, "da"), day(h, "en")) for h in public]
    da = "Hverdage er mandag til fredag uden helligdage (helligdagsloven), og modtagelsesdagen tæller ikke med (læsning R-36)."
    en = "Working days are Monday to Friday without public holidays (helligdagsloven), and the day of receipt does not count (reading R-36)."
    if names:
        da += " Vi har sprunget disse helligdage over: " + ", ".join(n.da for n in names) + "."
        en += " We skipped these public holidays: " + ", ".join(n.en for n in names) + "."
    if own:
        da += f" Vi har også sprunget {len(own)} af de lukkedage over, du har angivet."
        en += f" We also skipped {len(own)} of the closing days you gave."
    if not b14.calendar_covers(free_until):
        da += " Helligdagskalenderen dækker kun aftalens periode: angiv selv helligdage derefter."
        en += " The holiday calendar covers only the agreement's period: give later holidays yourself."
    return {"da": da, "en": en, "reference": REF_B14}


def deadlines(doc: object) -> dict[str, Any]:
    """Bilag 14: the dates that follow from receiving, allocating and returning a home. Never raises."""
    try:
        spec = deadlines_spec()
        validator = Validator()
        clean = validator.check(spec, doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        problems = _deadline_input_errors(clean, spec)
        if problems:
            return error_answer(problems)
        received: date | None = clean.get("received_on")
        allocated: date | None = clean.get("allocated_on")
        moving_in: date | None = clean.get("moving_in_on")
        returned: date | None = clean.get("returned_on")
        holidays: list[date] = clean.get("holidays") or []
        items: list[dict[str, str]] = []
        checks: list[dict[str, str]] = []
        notes: list[dict[str, str]] = []
        free_until: date | None = None
        on = received or allocated or moving_in or returned
        months = _count("deadline.municipality_months", on)
        free = _count("deadline.return_free_working_days", on)
        rent = _count("deadline.vacancy_rent_max_months", on)
        if received is not None:
            month = b14.municipality_moving_in_deadline(received)
            free_until = b14.return_without_vacancy_rent_until(received, holidays)
            m, f, r = _days(month), _days(free_until), _days(received)
            items.append(
                _deadline(
                    "municipality_moving_in",
                    "deadline",
                    month,
                    T(
                        f"Kommunen skal have {months.da} kalendermåned fra den modtager boligen ({r.da}) til indflytningen: fristen løber til {m.da}.",
                        f"The municipality must have {months.en} calendar month from receiving the home ({r.en}) to the moving-in date: the time runs to {m.en}.",
                    ),
                )
            )
            items.append(
                _deadline(
                    "return_free_until",
                    "last_day",
                    free_until,
                    T(
                        f"Returnerer kommunen boligen senest {f.da} ({free.da} hverdage efter modtagelsen), skal den ikke betale tomgangsleje.",
                        f"If the municipality returns the home on or before {f.en} ({free.en} working days after receiving it), it owes no vacancy rent.",
                    ),
                )
            )
            notes.append(_working_days_note(received, free_until, holidays))
            if b14.counts_as_received(received) != received:
                notes.append(
                    {
                        "da": f"Boliger, der kommer ind den 2. eller den 16. i en måned, regner kommunen som kommet i rette tid. Boligen regnes derfor som modtaget {_days(b14.counts_as_received(received)).da}, og kalendermåneden løber fra den dag.",
                        "en": f"The municipality treats homes that come in on the 2nd or the 16th of a month as received in time. So the home counts as received on {_days(b14.counts_as_received(received)).en}, and the calendar month runs from that day.",
                        "reference": REF_B14,
                    }
                )
            if moving_in is not None:
                if moving_in >= month:
                    checks.append(
                        _check(
                            "municipality_notice",
                            "enough_notice",
                            T(
                                f"Indflytningen ({day(moving_in, 'da')}) giver kommunen mindst {months.da} kalendermåned.",
                                f"The moving-in date ({day(moving_in, 'en')}) gives the municipality at least {months.en} calendar month.",
                            ),
                        )
                    )
                else:
                    owes = _days(b14.short_notice_vacancy_rent_from(received))
                    checks.append(
                        _check(
                            "municipality_notice",
                            "short_notice",
                            T(
                                f"Boligen er sendt med kortere frist end {months.da} kalendermåned (indflytning {day(moving_in, 'da')}, før {m.da}). Kommunen hæfter så først for tomgangsleje fra {owes.da}: {months.da} kalendermåned efter modtagelsen minus en dag (læsning R-40).",
                                f"The home was sent with less than {months.en} calendar month (moving in on {day(moving_in, 'en')}, before {m.en}). The municipality then owes vacancy rent only from {owes.en}: {months.en} calendar month after receipt, minus one day (Reading R-40).",
                            ),
                        )
                    )
        if allocated is not None:
            min_days = parameter("deadline.organisation_min_days").at(allocated).value
            earliest = b14.organisation_earliest_moving_in(allocated)
            e = _days(earliest)
            items.append(
                _deadline(
                    "organisation_earliest_moving_in",
                    "earliest",
                    earliest,
                    T(
                        f"Boligorganisationen skal have mindst {min_days} dage fra anvisningen ({day(allocated, 'da')}) til indflytningen for at skrive lejekontrakten m.v.: indflytning tidligst {e.da}.",
                        f"The housing organisation must have at least {min_days} days from the allocation ({day(allocated, 'en')}) to the moving-in date, to draw up the lease etc.: moving in {e.en} at the earliest.",
                    ),
                )
            )
            if moving_in is not None:
                if moving_in >= earliest:
                    checks.append(
                        _check(
                            "organisation_notice",
                            "enough_notice",
                            T(
                                f"Indflytningen ({day(moving_in, 'da')}) giver boligorganisationen mindst {min_days} dage.",
                                f"The moving-in date ({day(moving_in, 'en')}) gives the housing organisation at least {min_days} days.",
                            ),
                        )
                    )
                else:
                    checks.append(
                        _check(
                            "organisation_notice",
                            "short_notice",
                            T(
                                f"Indflytningen ({day(moving_in, 'da')}) ligger før {e.da}. Boligorganisationen kan rykke indflytningsdatoen, og kommunen betaler tomgangslejen i perioden.",
                                f"The moving-in date ({day(moving_in, 'en')}) is before {e.en}. The housing organisation may move the moving-in date, and the municipality pays the vacancy rent meanwhile.",
                            ),
                        )
                    )
        if returned is not None:
            late = free_until is None or returned > free_until
            if free_until is None:
                checks.append(
                    _check(
                        "return",
                        "cannot_tell",
                        T(
                            f"Vi kan ikke afgøre, om boligen er returneret inden for {free.da} hverdage, uden datoen for modtagelsen (received_on).",
                            f"We cannot tell whether the home was returned within {free.en} working days without the date it was received (received_on).",
                        ),
                    )
                )
            elif not late:
                checks.append(
                    _check(
                        "return",
                        "no_vacancy_rent",
                        T(
                            f"Boligen er returneret {day(returned, 'da')}, inden for {free.da} hverdage: kommunen skal ikke betale tomgangsleje.",
                            f"The home was returned on {day(returned, 'en')}, within {free.en} working days: the municipality owes no vacancy rent.",
                        ),
                    )
                )
            else:
                checks.append(
                    _check(
                        "return",
                        "may_owe_vacancy_rent",
                        T(
                            f"Boligen er returneret {day(returned, 'da')}, efter {free.da} hverdage: kommunen kan hæfte for tomgangsleje.",
                            f"The home was returned on {day(returned, 'en')}, after {free.en} working days: the municipality may owe vacancy rent.",
                        ),
                    )
                )
            if late:
                until = b14.vacancy_rent_liability_end(returned)
                u = _days(until)
                items.append(
                    _deadline(
                        "vacancy_rent_until",
                        "until",
                        until,
                        T(
                            f"Efter en sen returnering kan kommunen hæfte for tomgangsleje i op til {rent.da} måneder fra returneringen, dvs. til {u.da} (den dag ikke med), og kun så længe boligen står tom. Boligorganisationen skal søge at udleje boligen hurtigst muligt.",
                            f"After a late return the municipality may owe vacancy rent for up to {rent.en} months from the return, i.e. until {u.en} (that day not included), and only while the home stands empty. The housing organisation must try to let the home as soon as possible.",
                        ),
                    )
                )
        used = [
            parameter(name).at(clean[field]).to_json(clean[field])
            for field, names in DEADLINE_PARAMETERS.items()
            if clean.get(field) is not None
            for name in names
        ]
        return {
            "ok": True,
            "schema_version": SCHEMA_VERSION,
            "package_version": __version__,
            "deadlines": items,
            "checks": checks,
            "notes": notes,
            "parameters": used,
        }
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)


# --- Bilag 5: limits on municipal allocation --------------------------------------------------------

# Bilag 5 (skema): "inden for de seneste 6 måneder", "personer under 18 år", "6 sammenhængende
# kalendermåneder", and for prevention areas "24 sammenhængende kalendermåneder" of cash benefit.
# Bilag 5's figures come from parameter files (issue 9.5), read once at import.
RECENT_MONTHS = int(parameter("bilag5.recent_months").values[-1].value)  # type: ignore[arg-type]
MINOR_AGE = int(parameter("bilag5.minor_age").values[-1].value)  # type: ignore[arg-type]
BENEFIT_MONTHS = int(parameter("bilag5.benefit_months").values[-1].value)  # type: ignore[arg-type]
CASH_BENEFIT_MONTHS_FOREBYGGELSE = int(
    parameter("bilag5.cash_benefit_months_forebyggelse").values[-1].value  # type: ignore[arg-type]
)
MAX_MONTHS = 1200

AREAS = {
    "forebyggelse": T("forebyggelsesområde", "prevention area"),
    "udsat": T("udsat boligområde", "disadvantaged housing area"),
    "parallelsamfund": T("parallelsamfund", "parallel society"),
    "omdannelse": T("omdannelsesområde", "transformation area"),
    "former_omdannelse": T(
        "tidligere omdannelsesområde med udviklingsplan, ikke længere udpeget som udsat",
        "former transformation area with a development plan, no longer designated as disadvantaged",
    ),
}
# Bilag 5's two columns: disadvantaged areas (incl. former transformation areas) and prevention areas.
COLUMN = {
    "forebyggelse": "forebyggelse",
    "udsat": "udsat",
    "parallelsamfund": "udsat",
    "omdannelse": "udsat",
    "former_omdannelse": "udsat",
}
VERDICTS = ("may_allocate", "may_allocate_by_exception", "may_not_allocate", "cannot_tell")
EFFECTS = ("bars", "may_bar", "cannot_tell", "none")
CITIZEN_STATUSES = ("covered", "not_covered", "cannot_tell")


def _months(label_da: str, label_en: str) -> Spec:
    return Spec(
        "integer",
        T(
            f"Sammenhængende kalendermåneder med {label_da}",
            f"Consecutive calendar months with {label_en}",
        ),
        minimum=0,
        maximum=MAX_MONTHS,
    )


def allocation_limits_spec() -> Spec:
    return Spec(
        "object",
        T(
            "Begrænsninger for boligsocial anvisning (Bilag 5)",
            "Limits on municipal allocation (Bilag 5)",
        ),
        fields={
            "date": Spec("date", T("Dato for anvisningen", "Date of the allocation")),
            "area": Spec(
                "enum", T("Boligområdets udpegning", "The area's designation"), options=AREAS
            ),
            "readings": Spec(
                "object",
                T("Læsninger af aftalen", "Readings of the agreement"),
                fields={
                    rid: Spec(
                        "enum",
                        T(f"Læsning {rid}", f"Reading {rid}"),
                        options={
                            "chosen": T("den læsning, vi har valgt", "the reading we chose"),
                            "alternative": T("den anden læsning", "the other reading"),
                        },
                    )
                    for rid in ("R-29", "R-35")
                },
            ),
            "development_plan": Spec(
                "object",
                T(
                    "Tidligere omdannelsesområde: overgangen (afsnit 6.1.6)",
                    "Former transformation area: the transition (afsnit 6.1.6)",
                ),
                fields=DEVELOPMENT_PLAN_FIELDS,
            ),
            "citizen": Spec(
                "object",
                T("Borgeren", "The citizen"),
                fields={
                    "age": Spec("integer", T("Alder", "Age"), minimum=0, maximum=125),
                    "released_from": Spec(
                        "enum",
                        T(
                            "Dømt for et strafbart forhold og løsladt fra",
                            "Convicted of an offence and released from",
                        ),
                        options={
                            "none": T("ikke dømt og løsladt", "not convicted and released"),
                            "prison_service": T(
                                "en institution under kriminalforsorgen",
                                "an institution of the prison service",
                            ),
                            "other_institution": T(
                                "en institution uden for kriminalforsorgen",
                                "an institution outside the prison service",
                            ),
                        },
                    ),
                    "released_on": Spec("date", T("Dato for løsladelsen", "Date of release")),
                    "action_plan": Spec(
                        "boolean",
                        T(
                            "Skal have handleplan efter serviceloven (§ 141 eller § 57)",
                            "Is to have an action plan under the Social Services Act (§ 141 or § 57)",
                        ),
                    ),
                    "tenancy_ended": Spec(
                        "boolean",
                        T(
                            "Lejemål ophævet eller opsagt for grove brud på god skik og orden",
                            "Tenancy ended for gross breaches of good conduct",
                        ),
                    ),
                    "tenancy_ended_on": Spec(
                        "date",
                        T("Dato lejemålet blev ophævet/opsagt", "Date the tenancy was ended"),
                    ),
                    "citizenship": Spec(
                        "enum",
                        T("Statsborgerskab", "Citizenship"),
                        options={
                            "eu_eea_switzerland": T(
                                "et EU- eller EØS-land eller Schweiz",
                                "an EU or EEA country or Switzerland",
                            ),
                            "other": T("et andet land", "another country"),
                        },
                    ),
                    "student": Spec(
                        "boolean",
                        T(
                            "Indskrevet på en offentligt anerkendt uddannelsesinstitution",
                            "Enrolled at a publicly recognised educational institution",
                        ),
                    ),
                    "benefits": Spec(
                        "object",
                        T("Offentlige ydelser", "Public benefits"),
                        help=T(
                            "Aftalen siger ikke, hvornår månederne skal ligge; angiv det antal, kommunen regner med.",
                            "The agreement does not say when the months must lie; give the number the municipality counts.",
                        ),
                        fields={
                            "self_support_or_transition_months": _months(
                                "selvforsørgelses- og hjemrejseydelse eller overgangsydelse",
                                "self-support and return benefit or transition benefit",
                            ),
                            "basic_benefits_months": _months(
                                "selvforsørgelses- og hjemrejseydelse, overgangsydelse, uddannelseshjælp eller kontanthjælp",
                                "self-support and return benefit, transition benefit, education aid or cash benefit",
                            ),
                            "cash_benefit_months": _months("kontanthjælp", "cash benefit"),
                            "insurance_benefits_months": _months(
                                "arbejdsløshedsdagpenge, sygedagpenge eller ressourceforløbsydelse",
                                "unemployment benefit, sickness benefit or resource-course benefit",
                            ),
                            "disability_pension": Spec(
                                "boolean",
                                T("Modtager førtidspension", "Receives disability pension"),
                            ),
                        },
                    ),
                },
            ),
            "no_option_outside": Spec(
                "boolean",
                T(
                    "Kommunen vurderer konkret, at borgeren ikke kan anvises uden for et udsat område eller et forebyggelsesområde",
                    "The municipality finds in the case that the citizen cannot be allocated outside a disadvantaged or prevention area",
                ),
            ),
        },
        required=("date", "area"),
    )


def _limits_input_errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    on: date = clean["date"]
    errors = [_outside("date", spec.fields["date"].label, on)]
    citizen = clean.get("citizen") or {}
    fields = spec.fields["citizen"].fields
    for key in ("released_on", "tenancy_ended_on"):
        value = citizen.get(key)
        if value is not None and value > on:
            label = fields[key].label
            errors.append(
                _error(
                    f"citizen.{key}",
                    "after_date",
                    f"«{label.da}» (citizen.{key}) kan ikke ligge efter datoen for anvisningen ({on.isoformat()}).",
                    f"“{label.en}” (citizen.{key}) cannot be after the date of the allocation ({on.isoformat()}).",
                )
            )
    if citizen.get("released_from") == "none" and citizen.get("released_on") is not None:
        errors.append(
            _error(
                "citizen.released_on",
                "contradiction",
                "Der er angivet en dato for løsladelse, men «løsladt fra» er «ikke dømt og løsladt».",
                "A release date is given, but “released from” is “not convicted and released”.",
            )
        )
    if citizen.get("tenancy_ended") is False and citizen.get("tenancy_ended_on") is not None:
        errors.append(
            _error(
                "citizen.tenancy_ended_on",
                "contradiction",
                "Der er angivet en dato for ophævelse, men «lejemål ophævet» er nej.",
                "A date is given for the tenancy ending, but “tenancy ended” is no.",
            )
        )
    benefits = citizen.get("benefits") or {}
    basic = benefits.get("basic_benefits_months")
    for key in ("self_support_or_transition_months", "cash_benefit_months"):
        part = benefits.get(key)
        if basic is not None and part is not None and part > basic:
            errors.append(
                _error(
                    f"citizen.benefits.{key}",
                    "inconsistent",
                    f"Månederne (citizen.benefits.{key}) er én af ydelserne i «basic_benefits_months» og kan ikke være flere end dem ({basic}).",
                    f"The months (citizen.benefits.{key}) are one of the benefits in “basic_benefits_months” and cannot be more than those ({basic}).",
                )
            )
    if clean.get("development_plan") is not None and clean["area"] != "former_omdannelse":
        errors.append(
            _error(
                "development_plan",
                "not_applicable",
                "«development_plan» gælder kun et tidligere omdannelsesområde (area: former_omdannelse).",
                "“development_plan” applies only to a former transformation area (area: former_omdannelse).",
            )
        )
    return [e for e in errors if e is not None]


Assessment = tuple[str, Text, list[str]]


def _recent(since: date, on: date) -> bool:
    """Bilag 5, "inden for de seneste 6 måneder": half-open, [since, since + 6 months)."""
    return on < add_months(since, RECENT_MONTHS)


def _release(citizen: dict[str, Any], on: date, institution: str, minor: bool) -> Assessment:
    """Rows 1 and 2 of Bilag 5: convicted and released within 6 months, with an action plan."""
    section = "§ 57" if minor else "§ 141"
    released_from = citizen.get("released_from")
    released_on: date | None = citizen.get("released_on")
    missing: list[str] = []
    if released_from is None:
        missing.append("citizen.released_from")
    elif released_from == "none":
        return (
            "not_covered",
            T(
                "Borgeren er ikke dømt og løsladt.",
                "The citizen has not been convicted and released.",
            ),
            [],
        )
    elif released_from != institution:
        where = (
            T("uden for kriminalforsorgen", "outside the prison service")
            if minor
            else T("under kriminalforsorgen", "of the prison service")
        )
        return (
            "not_covered",
            T(
                f"Borgeren er ikke oplyst løsladt fra en institution {where.da}.",
                f"The citizen is not stated to be released from an institution {where.en}.",
            ),
            [],
        )
    if released_on is not None and not _recent(released_on, on):
        return (
            "not_covered",
            T(
                f"Løsladelsen ({day(released_on, 'da')}) ligger mere end {RECENT_MONTHS} måneder før anvisningen.",
                f"The release ({day(released_on, 'en')}) is more than {RECENT_MONTHS} months before the allocation.",
            ),
            [],
        )
    if citizen.get("action_plan") is False:
        return (
            "not_covered",
            T(
                f"Borgeren skal ikke have en handleplan efter servicelovens {section}.",
                f"The citizen is not to have an action plan under the Social Services Act {section}.",
            ),
            [],
        )
    age = citizen.get("age")
    if minor and age is not None and age >= MINOR_AGE:
        return (
            "not_covered",
            T(
                f"Rækken gælder personer under {MINOR_AGE} år; borgeren er {age}.",
                f"The row is for persons under {MINOR_AGE}; the citizen is {age}.",
            ),
            [],
        )
    if released_on is None:
        missing.append("citizen.released_on")
    if citizen.get("action_plan") is None:
        missing.append("citizen.action_plan")
    if minor and age is None:
        missing.append("citizen.age")
    if missing:
        return (
            "cannot_tell",
            T(
                "Vi mangler oplysninger om dom, løsladelse og handleplan.",
                "We need facts about conviction, release and action plan.",
            ),
            missing,
        )
    assert released_on is not None
    return (
        "covered",
        T(
            f"Borgeren er løsladt {day(released_on, 'da')}, inden for {RECENT_MONTHS} måneder, og skal have handleplan efter servicelovens {section}.",
            f"The citizen was released on {day(released_on, 'en')}, within {RECENT_MONTHS} months, and is to have an action plan under the Social Services Act {section}.",
        ),
        [],
    )


def _house_rules(citizen: dict[str, Any], on: date) -> Assessment:
    ended, ended_on = citizen.get("tenancy_ended"), citizen.get("tenancy_ended_on")
    if ended is False:
        return (
            "not_covered",
            T(
                "Borgerens lejemål er ikke ophævet eller opsagt for grove brud på god skik og orden.",
                "The citizen's tenancy has not been ended for gross breaches of good conduct.",
            ),
            [],
        )
    if ended_on is not None and not _recent(ended_on, on):
        return (
            "not_covered",
            T(
                f"Lejemålet blev ophævet/opsagt {day(ended_on, 'da')}, mere end {RECENT_MONTHS} måneder før anvisningen.",
                f"The tenancy was ended on {day(ended_on, 'en')}, more than {RECENT_MONTHS} months before the allocation.",
            ),
            [],
        )
    if ended_on is None:
        missing = ["citizen.tenancy_ended_on"] if ended else ["citizen.tenancy_ended"]
        return (
            "cannot_tell",
            T(
                "Vi mangler at vide, om og hvornår et lejemål er ophævet eller opsagt for grove brud på god skik og orden.",
                "We need to know whether and when a tenancy was ended for gross breaches of good conduct.",
            ),
            missing,
        )
    return (
        "covered",
        T(
            f"Lejemålet blev ophævet/opsagt {day(ended_on, 'da')}, inden for {RECENT_MONTHS} måneder.",
            f"The tenancy was ended on {day(ended_on, 'en')}, within {RECENT_MONTHS} months.",
        ),
        [],
    )


def _citizenship(citizen: dict[str, Any], on: date) -> Assessment:
    nationality, student = citizen.get("citizenship"), citizen.get("student")
    if nationality == "eu_eea_switzerland":
        return (
            "not_covered",
            T(
                "Borgeren er statsborger i et EU- eller EØS-land eller Schweiz.",
                "The citizen is a national of an EU or EEA country or Switzerland.",
            ),
            [],
        )
    if student is True:
        return (
            "not_covered",
            T(
                "Borgeren er indskrevet på en offentligt anerkendt uddannelsesinstitution (undtaget).",
                "The citizen is enrolled at a publicly recognised educational institution (exempt).",
            ),
            [],
        )
    if nationality is None or student is None:
        missing = ["citizen.citizenship"] if nationality is None else []
        missing += ["citizen.student"] if student is None else []
        return (
            "cannot_tell",
            T(
                "Vi mangler borgerens statsborgerskab, eller om borgeren studerer.",
                "We need the citizen's citizenship, or whether the citizen is a student.",
            ),
            missing,
        )
    return (
        "covered",
        T(
            "Borgeren er ikke statsborger i et EU- eller EØS-land eller Schweiz og er ikke studerende.",
            "The citizen is not a national of an EU or EEA country or Switzerland, and is not a student.",
        ),
        [],
    )


def _benefit_facts(citizen: dict[str, Any]) -> dict[str, Any]:
    return citizen.get("benefits") or {}


def _at_least(value: int | None, limit: int) -> bool:
    return value is not None and value >= limit


def _below(values: list[int | None], limit: int) -> bool:
    """Known to be below ``limit``: some given value bounding it is under the limit."""
    return any(v is not None and v < limit for v in values)


BENEFIT_PATH = "citizen.benefits."


def _benefits_udsat(citizen: dict[str, Any], on: date) -> Assessment:
    b = _benefit_facts(citizen)
    basic, self_support, cash = (
        b.get("basic_benefits_months"),
        b.get("self_support_or_transition_months"),
        b.get("cash_benefit_months"),
    )
    insurance, pension = b.get("insurance_benefits_months"), b.get("disability_pension")
    hits = []
    if any(_at_least(v, BENEFIT_MONTHS) for v in (basic, self_support, cash)):
        hits.append(
            T(
                f"mindst {BENEFIT_MONTHS} sammenhængende måneder med selvforsørgelses- og hjemrejseydelse, overgangsydelse, uddannelseshjælp eller kontanthjælp",
                f"at least {BENEFIT_MONTHS} consecutive months of self-support and return benefit, transition benefit, education aid or cash benefit",
            )
        )
    if pension is True:
        hits.append(T("førtidspension", "disability pension"))
    if _at_least(insurance, BENEFIT_MONTHS):
        hits.append(
            T(
                f"mindst {BENEFIT_MONTHS} sammenhængende måneder med dagpenge, sygedagpenge eller ressourceforløbsydelse",
                f"at least {BENEFIT_MONTHS} consecutive months of unemployment, sickness or resource-course benefit",
            )
        )
    if hits:
        return (
            "covered",
            T(
                "Borgeren har " + " og ".join(h.da for h in hits) + ".",
                "The citizen has " + " and ".join(h.en for h in hits) + ".",
            ),
            [],
        )
    missing = []
    if not _below([basic], BENEFIT_MONTHS):
        missing.append(BENEFIT_PATH + "basic_benefits_months")
    if pension is None:
        missing.append(BENEFIT_PATH + "disability_pension")
    if insurance is None:
        missing.append(BENEFIT_PATH + "insurance_benefits_months")
    if missing:
        return (
            "cannot_tell",
            T(
                "Vi mangler oplysninger om borgerens ydelser.",
                "We need facts about the citizen's benefits.",
            ),
            missing,
        )
    return (
        "not_covered",
        T(
            f"Borgeren har under {BENEFIT_MONTHS} sammenhængende måneder med de nævnte ydelser og modtager ikke førtidspension.",
            f"The citizen has under {BENEFIT_MONTHS} consecutive months of the listed benefits and does not receive disability pension.",
        ),
        [],
    )


def _benefits_forebyggelse(citizen: dict[str, Any], on: date) -> Assessment:
    b = _benefit_facts(citizen)
    basic, self_support, cash = (
        b.get("basic_benefits_months"),
        b.get("self_support_or_transition_months"),
        b.get("cash_benefit_months"),
    )
    hits = []
    if _at_least(self_support, BENEFIT_MONTHS):
        hits.append(
            T(
                f"mindst {BENEFIT_MONTHS} sammenhængende måneder med selvforsørgelses- og hjemrejseydelse eller overgangsydelse",
                f"at least {BENEFIT_MONTHS} consecutive months of self-support and return benefit or transition benefit",
            )
        )
    if _at_least(cash, CASH_BENEFIT_MONTHS_FOREBYGGELSE):
        hits.append(
            T(
                f"mindst {CASH_BENEFIT_MONTHS_FOREBYGGELSE} sammenhængende måneder med kontanthjælp",
                f"at least {CASH_BENEFIT_MONTHS_FOREBYGGELSE} consecutive months of cash benefit",
            )
        )
    if hits:
        return (
            "covered",
            T(
                "Borgeren har " + " og ".join(h.da for h in hits) + ".",
                "The citizen has " + " and ".join(h.en for h in hits) + ".",
            ),
            [],
        )
    # The basic-benefits run includes both, so it bounds them from above.
    missing = []
    if not _below([self_support, basic], BENEFIT_MONTHS):
        missing.append(BENEFIT_PATH + "self_support_or_transition_months")
    if not _below([cash, basic], CASH_BENEFIT_MONTHS_FOREBYGGELSE):
        missing.append(BENEFIT_PATH + "cash_benefit_months")
    if missing:
        return (
            "cannot_tell",
            T(
                "Vi mangler oplysninger om borgerens ydelser.",
                "We need facts about the citizen's benefits.",
            ),
            missing,
        )
    return (
        "not_covered",
        T(
            f"Borgeren har under {BENEFIT_MONTHS} sammenhængende måneder med selvforsørgelses- og hjemrejseydelse eller overgangsydelse og under {CASH_BENEFIT_MONTHS_FOREBYGGELSE} med kontanthjælp.",
            f"The citizen has under {BENEFIT_MONTHS} consecutive months of self-support and return or transition benefit, and under {CASH_BENEFIT_MONTHS_FOREBYGGELSE} of cash benefit.",
        ),
        [],
    )


ASSESS: dict[str, Callable[[dict[str, Any], date], Assessment]] = {
    "released_offender": lambda c, on: _release(c, on, "prison_service", minor=False),
    "released_under_18": lambda c, on: _release(c, on, "other_institution", minor=True),
    "house_rules": _house_rules,
    "citizenship": _citizenship,
    "benefits_udsat": _benefits_udsat,
    "benefits_forebyggelse": _benefits_forebyggelse,
}


def _effect(scope: str, column: str, status: str, in_force: bool) -> str:
    if not in_force or status == "not_covered":
        return "none"
    if status == "cannot_tell":
        return "cannot_tell"
    return "bars" if scope in (column, "both") else "may_bar"


def _limit_rows(
    citizen: dict[str, Any], on: date, column: str, in_force: bool, r35_alternative: bool = False
) -> list[dict]:
    rows = []
    for row in bilag5_limits.ROWS:
        scope = bilag5_limits.scope(row, r35_alternative)
        if scope not in (column, "unclear", "both"):
            continue
        rid = str(row["id"])
        status, why, missing = ASSESS[rid](citizen, on)
        text = row["text"]
        assert isinstance(text, Text)
        rows.append(
            {
                "id": rid,
                "limit": text.to_json(),
                "area_scope": scope,
                "citizen": status,
                "effect": _effect(scope, column, status, in_force),
                **why.to_json(),
                "missing": missing,
                "reference": REF_B5,
            }
        )
    return rows


def _reason(da: str, en: str, reference: str) -> dict[str, str]:
    return {"da": da, "en": en, "reference": reference}


R35 = _reason(
    "I aftalens tekst er skemaets kolonner gået tabt: for rækkerne om løsladelse, husorden og statsborgerskab kan vi ikke se, om de gælder i udsatte områder, forebyggelsesområder eller begge (læsning R-35). Rammer en sådan række borgeren, er svaret derfor usikkert.",
    "In the agreement's text the table's columns are lost: for the rows on release, house rules and citizenship we cannot see whether they apply in disadvantaged areas, prevention areas or both (Reading R-35). If such a row covers the citizen, the answer is therefore uncertain.",
    REF_B5,
)
EXCEPTION = _reason(
    bilag5_limits.EXCEPTION.da, bilag5_limits.EXCEPTION.en, "Bilag 5 (undtagelse / exception)"
)


ALLOCATION_WORDS = {
    "may_allocate": T("kommunen må anvise", "the municipality may allocate"),
    "may_allocate_by_exception": T(
        "kommunen må anvise som undtagelse", "the municipality may allocate by exception"
    ),
    "may_not_allocate": T("kommunen må ikke anvise", "the municipality may not allocate"),
    "cannot_tell": T("kan ikke afgøres", "cannot tell"),
}


def _other_reading(rid: str, alternative: bool, now: str, then: str) -> list[dict[str, str]]:
    """The other reading's verdict, in plain words, when it differs (issue 11)."""
    if now == then:
        return []
    from udlejning.readings import alternative_text

    which = (
        T("den læsning, vi har valgt", "the reading we chose")
        if alternative
        else T("en anden læsning af aftalen", "another reading of the agreement")
    )
    alt = T("", "") if alternative else T(*alternative_text(rid))
    a, b = ALLOCATION_WORDS[then], ALLOCATION_WORDS[now]
    return [
        {
            "reading": rid,
            "choice": "chosen" if alternative else "alternative",
            "verdict": then,
            "da": f"Efter {which.da} ({rid}) ville svaret være «{a.da}» i stedet for «{b.da}». {alt.da}".strip(),
            "en": f"Under {which.en} ({rid}) the answer would be “{a.en}” instead of “{b.en}”. {alt.en}".strip(),
        }
    ]


def _other_transition(clean: dict[str, Any], on: date, verdict: str) -> list[dict[str, str]]:
    """Reading R-29 for a former transformation area: would the other reading end the suspension?"""
    plan = clean.get("development_plan") or {}
    alternative = (clean.get("readings") or {}).get("R-29") == "alternative"
    other = development_plan_transition(
        on,
        plan.get("years_not_designated"),
        plan.get("plan_completed"),
        KeyFigure(),
        Limits(on),
        r29_alternative=not alternative,
    )["municipal_allocation_suspended"]
    then = {True: "may_not_allocate", None: "cannot_tell", False: "may_allocate"}[other]
    return _other_reading("R-29", alternative, verdict, then)


def _verdict_from_rows(
    rows: list[dict], exception: bool | None, reasons: list[dict[str, str]]
) -> str:
    effects = {r["effect"] for r in rows}
    blocked = "bars" in effects
    unsure = bool(effects & {"may_bar", "cannot_tell"})
    if not blocked and not unsure:
        reasons.append(
            _reason(
                "Ingen af Bilag 5's begrænsninger for området rammer borgeren.",
                "None of Bilag 5's limits for the area covers the citizen.",
                REF_B5,
            )
        )
        return "may_allocate"
    if blocked:
        reasons.append(
            _reason(
                "Mindst én af Bilag 5's begrænsninger for området rammer borgeren (se «limits»).",
                "At least one of Bilag 5's limits for the area covers the citizen (see “limits”).",
                REF_B5,
            )
        )
    else:
        reasons.append(
            _reason(
                "Det afhænger af oplysninger, der mangler, eller af en række, hvis kolonne er tabt (se «limits»).",
                "It depends on missing facts, or on a row whose column is lost (see “limits”).",
                REF_B5,
            )
        )
    if "may_bar" in effects:
        reasons.append(R35)
    if exception:
        reasons.append(EXCEPTION)
        reasons.append(
            _reason(
                "Kommunen har vurderet, at borgeren konkret ikke kan anvises uden for sådanne områder, så den kan anvise alligevel.",
                "The municipality has found that the citizen cannot in the case be allocated outside such areas, so it may allocate anyway.",
                REF_B5,
            )
        )
        return "may_allocate_by_exception"
    if exception is None:
        reasons.append(EXCEPTION)
    return "may_not_allocate" if blocked else "cannot_tell"


def allocation_limits(doc: object) -> dict[str, Any]:
    """Bilag 5 (with afsnit 6.1.3 and 6.1.6): may the municipality allocate this citizen a home in the
    area, and if not, why not. Never raises."""
    try:
        spec = allocation_limits_spec()
        validator = Validator()
        clean = validator.check(spec, doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        problems = _limits_input_errors(clean, spec)
        if problems:
            return error_answer(problems)
        on: date = clean["date"]
        area: str = clean["area"]
        citizen: dict[str, Any] = clean.get("citizen") or {}
        exception: bool | None = clean.get("no_option_outside")
        column = COLUMN[area]
        reasons: list[dict[str, str]] = []
        plan_out: dict[str, Any] | None = None
        in_force = True
        verdict: str
        if area in ("udsat", "parallelsamfund", "omdannelse"):
            reasons.append(
                _reason(
                    f"Området er et {AREAS[area].da}. Parterne har aftalt helt at suspendere den boligsociale anvisning i udsatte boligområder (herunder parallelsamfund og omdannelsesområder), fordi lovens begrænsninger ville ramme de fleste i målgruppen.",
                    f"The area is a {AREAS[area].en}. The parties have agreed to suspend municipal allocation entirely in disadvantaged areas (including parallel societies and transformation areas), because the law's limits would hit most of the target group.",
                    "afsnit 6.1.3; Bilag 5",
                )
            )
            if exception:
                reasons.append(
                    _reason(
                        "Bilag 5 nævner en undtagelse, når borgeren konkret ikke kan anvises uden for sådanne områder, men parterne har suspenderet anvisningen i udsatte boligområder helt.",
                        "Bilag 5 mentions an exception when the citizen cannot in the case be allocated outside such areas, but the parties have suspended allocation in disadvantaged areas entirely.",
                        "afsnit 6.1.3; Bilag 5",
                    )
                )
            verdict = "may_not_allocate"
        elif area == "former_omdannelse":
            plan = clean.get("development_plan") or {}
            transition = development_plan_transition(
                on,
                plan.get("years_not_designated"),
                plan.get("plan_completed"),
                KeyFigure(),
                Limits(on),
                r29_alternative=(clean.get("readings") or {}).get("R-29") == "alternative",
            )
            suspended = transition["municipal_allocation_suspended"]
            plan_out = {
                "municipal_allocation_suspended": suspended,
                "reasons": transition["reasons"],
            }
            if suspended is True:
                verdict = "may_not_allocate"
                reasons.append(
                    _reason(
                        "Området har været omdannelsesområde og har en udviklingsplan. I overgangsperioden er den boligsociale anvisning fortsat suspenderet, fordi kommunen her er underlagt de samme begrænsninger som i udsatte boligområder.",
                        "The area has been a transformation area and has a development plan. During the transition municipal allocation stays suspended, because the municipality is here subject to the same limits as in disadvantaged areas.",
                        "afsnit 6.1.6; Bilag 5",
                    )
                )
            elif suspended is None:
                verdict = "cannot_tell"
                reasons.append(
                    _reason(
                        "Om anvisningen stadig er suspenderet, afhænger af overgangen (se «development_plan»).",
                        "Whether allocation is still suspended depends on the transition (see “development_plan”).",
                        "afsnit 6.1.6; Bilag 5",
                    )
                )
            else:
                verdict = "may_allocate"
                in_force = False
                reasons.append(
                    _reason(
                        "Overgangen er slut, så begrænsningerne for tidligere omdannelsesområder gælder ikke længere. Er området nu udpeget som forebyggelsesområde, så vælg det i stedet.",
                        "The transition is over, so the limits for former transformation areas no longer apply. If the area is now designated as a prevention area, choose that instead.",
                        "afsnit 6.1.6; Bilag 5",
                    )
                )
        r35_alt = (clean.get("readings") or {}).get("R-35") == "alternative"
        rows = _limit_rows(citizen, on, column, in_force, r35_alt)
        other: list[dict[str, str]] = []
        if area == "forebyggelse":
            verdict = _verdict_from_rows(rows, exception, reasons)
            other_rows = _limit_rows(citizen, on, column, in_force, not r35_alt)
            other = _other_reading(
                "R-35", r35_alt, verdict, _verdict_from_rows(other_rows, exception, [])
            )
        if area == "former_omdannelse":
            other = _other_transition(clean, on, verdict)
        return {
            "ok": True,
            "schema_version": SCHEMA_VERSION,
            "package_version": __version__,
            "date": on.isoformat(),
            "area": area,
            "verdict": verdict,
            "reasons": reasons,
            "limits": rows,
            "development_plan": plan_out,
            "readings": ["R-29"] if area == "former_omdannelse" else ["R-35"],
            "other_readings": other,
        }
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)


# --- Afsnit 11: municipal allocation in new builds (figur 11–12) -----------------------------------

NEW_BUILD_LETTINGS = {
    "first": T("første udlejning", "first letting"),
    "re_letting": T("genudlejning", "re-letting"),
}
NEW_BUILD_PERIODS = ("first_letting", "re_letting", "stair")
NEW_BUILD_HOMES = ("cheap", "other")
REF_11 = "afsnit 11"
REF_FIG11 = "afsnit 11 figur 11"
REF_FIG12 = "afsnit 11 figur 12"


def new_build_spec() -> Spec:
    return Spec(
        "object",
        T("Nybyggeri: kommunal anvisning (afsnit 11)", "New builds: municipal allocation"),
        fields={
            "date": Spec("date", T("Dato for udlejningen", "Date of the letting")),
            "taken_into_use": Spec(
                "date",
                T("Dato boligerne blev taget i brug", "Date the homes were taken into use"),
            ),
            "letting": Spec(
                "enum",
                T("Første udlejning eller genudlejning", "First letting or re-letting"),
                options=NEW_BUILD_LETTINGS,
            ),
            "cheap_share": Spec(
                "decimal",
                T(
                    "Andel særligt billige familie- og ungdomsboliger med fuld anvisningsret (%)",
                    "Share of especially cheap family and youth homes with full allocation right (%)",
                ),
                minimum=Decimal(0),
                maximum=Decimal(100),
            ),
            "designated_area": Spec(
                "boolean",
                T(
                    "Nybyggeriet ligger i et udsat boligområde eller et forebyggelsesområde",
                    "The new build is in a disadvantaged area or a prevention area",
                ),
            ),
        },
        required=("date", "taken_into_use", "letting"),
    )


def _new_build_input_errors(clean: dict[str, Any], spec: Spec) -> list[InputError]:
    taken: date = clean["taken_into_use"]
    on: date = clean["date"]
    errors: list[InputError] = []
    deal = agreement()
    if not deal.covers(taken):
        first, last = deal.first_day.isoformat(), deal.last_day().isoformat()
        errors.append(
            _error(
                "taken_into_use",
                "not_new_build",
                f"Afsnit 11 gælder kun boliger, der tages i brug i aftaleperioden ({first} – {last}); du skrev {taken.isoformat()}.",
                f"Afsnit 11 covers only homes taken into use in the agreement's period ({first} – {last}); you wrote {taken.isoformat()}.",
            )
        )
    if on < taken:
        a, b = spec.fields["date"].label, spec.fields["taken_into_use"].label
        errors.append(
            _error(
                "date",
                "before_taken_into_use",
                f"«{a.da}» (date) kan ikke ligge før «{b.da}» (taken_into_use).",
                f"“{a.en}” (date) cannot be before “{b.en}” (taken_into_use).",
            )
        )
    return errors


def _share_text(share: Fraction) -> Text:
    """9/9 → all the homes; 0/9 → none; else the share in ninths."""
    if share == 1:
        return T("alle (100 %)", "all (100 %)")
    if share == 0:
        return T("ingen (0 %)", "none (0 %)")
    text = format_share(share)
    return T(text, text)


def _percent(value: Decimal, lang: str) -> str:
    return f"{number(value, lang)} %"


def _figure12_rows(cheap: Decimal | None) -> list[dict[str, Any]]:
    """Figur 12's bands from the lowest share up, half-open (Reading R-33)."""
    rows = []
    bands = list(reversed(nb.FIGUR12))
    for i, (share_from, municipal) in enumerate(bands):
        below = bands[i + 1][0] if i + 1 < len(bands) else None
        applies = cheap is not None and cheap >= share_from and (below is None or cheap < below)
        rows.append(
            {
                "from": str(share_from),
                "below": None if below is None else str(below),
                "municipal_share": format_share(municipal),
                "applies": applies,
                "reference": REF_FIG12,
            }
        )
    return rows


def new_build(doc: object) -> dict[str, Any]:
    """Afsnit 11 (figur 11–12): the municipality's share of a new build's homes on a date. Never raises."""
    try:
        spec = new_build_spec()
        validator = Validator()
        clean = validator.check(spec, doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        problems = _new_build_input_errors(clean, spec)
        if problems:
            return error_answer(problems)
        on: date = clean["date"]
        taken: date = clean["taken_into_use"]
        first_letting = clean["letting"] == "first"
        cheap: Decimal | None = clean.get("cheap_share")
        designated: bool | None = clean.get("designated_area")
        years_value = parameter("newbuild.period_years").at(taken)
        years = years_value.value
        assert isinstance(years, int)
        end = add_years(taken, years)
        last = end - timedelta(days=1)
        t, la = _days(taken), _days(last)
        period = "stair" if on >= end else ("first_letting" if first_letting else "re_letting")
        reasons: list[dict[str, str]] = [
            _reason(
                f"Boligerne blev taget i brug {t.da}, i aftaleperioden, så de er nybyggeri efter afsnit 11. De særlige regler for kommunal anvisning gælder i {years} år fra den dag, dvs. til og med {la.da}.",
                f"The homes were taken into use on {t.en}, in the agreement's period, so they are a new build under afsnit 11. The special rules for municipal allocation apply for {years} years from that day, i.e. up to and including {la.en}.",
                REF_FIG11,
            )
        ]
        homes: list[dict[str, Any]] = []
        if period == "first_letting":
            reasons.append(
                _reason(
                    "Ved første udlejning anviser kommunen til alle de særligt billige boliger. De øvrige boliger udlejes efter afdelingstrappens trin 1 uden kommunal anvisning.",
                    "At the first letting the municipality allocates all the especially cheap homes. The other homes are let under the section stair's step 1 without municipal allocation.",
                    REF_FIG11,
                )
            )
            homes = [
                {"id": "cheap", "municipal_share": "9/9", **_home_text("cheap", Fraction(1))},
                {"id": "other", "municipal_share": "0/9", **_home_text("other", Fraction(0))},
            ]
        elif period == "re_letting":
            homes.append(
                {"id": "cheap", "municipal_share": "9/9", **_home_text("cheap", Fraction(1))}
            )
            if cheap is None:
                reasons.append(
                    _reason(
                        "Ved genudlejning i de første år anviser kommunen fortsat til alle de særligt billige boliger. Hvor stor en del af de øvrige ledige boliger kommunen får, afhænger af andelen af særligt billige boliger, som mangler (se figur 12).",
                        "At re-letting in the first years the municipality still allocates all the especially cheap homes. How many of the other vacant homes it gets depends on the share of especially cheap homes, which is missing (see figure 12).",
                        REF_FIG12,
                    )
                )
                homes.append(
                    {
                        "id": "other",
                        "municipal_share": None,
                        "da": "De øvrige boliger: kan ikke afgøres uden andelen af særligt billige boliger.",
                        "en": "The other homes: cannot be decided without the share of especially cheap homes.",
                        "reference": REF_FIG12,
                    }
                )
            else:
                share = nb.figur12_share(cheap)
                s = _share_text(share)
                reasons.append(
                    _reason(
                        f"Ved genudlejning i de første år anviser kommunen fortsat til alle de særligt billige boliger. Med {_percent(cheap, 'da')} særligt billige boliger får kommunen {s.da} af de øvrige ledige boliger gennem udlejningshjulet (figur 12; båndene læses halvåbne, læsning R-33).",
                        f"At re-letting in the first years the municipality still allocates all the especially cheap homes. With {_percent(cheap, 'en')} especially cheap homes the municipality gets {s.en} of the other vacant homes through the letting wheel (figure 12; the bands are read half-open, Reading R-33).",
                        f"{REF_FIG12} (læsning R-33)",
                    )
                )
                homes.append(
                    {
                        "id": "other",
                        "municipal_share": format_share(share),
                        **_home_text("other", share),
                        "reference": REF_FIG12,
                    }
                )
        else:
            e = _days(end)
            reasons.append(
                _reason(
                    f"Fra {e.da} er de {years} år gået. Ledige boliger udlejes nu efter udlejningshjulet for det trin, afdelingen er placeret på.",
                    f"From {e.en} the {years} years are over. Vacant homes are now let under the letting wheel of the step the section is placed on.",
                    REF_FIG11,
                )
            )
        stair_step: dict[str, Any] | None
        if designated:
            stair_step = None
            reasons.append(
                _reason(
                    "Nybyggeriet ligger i et udsat boligområde eller et forebyggelsesområde. Så afgør den konkrete udlejningsaftale med boligorganisationen, hvor på områdetrappen det placeres.",
                    "The new build is in a disadvantaged area or a prevention area. The specific letting agreement with the housing organisation then decides where on the area stair it is placed.",
                    REF_11,
                )
            )
        else:
            stair_step = {"stair": "afdelingstrappe", "trin": 1}
            reasons.append(
                _reason(
                    "En ny afdeling placeres som udgangspunkt på afdelingstrappens trin 1"
                    + (
                        "."
                        if designated is False
                        else ", medmindre den ligger i et udsat boligområde eller et forebyggelsesområde."
                    ),
                    "A new section is as a starting point placed on the section stair's step 1"
                    + (
                        "."
                        if designated is False
                        else ", unless it is in a disadvantaged area or a prevention area."
                    ),
                    REF_11,
                )
            )
        notes = [
            _reason(
                "Kommunens anvisning må heller ikke i nybyggeri udgøre mere end 1/3 af boligerne, når de billige boliger regnes med. Det skal den konkrete udlejningsaftale tage hensyn til.",
                "Municipal allocation may not make up more than 1/3 of the homes in a new build either, counting the cheap homes. The specific letting agreement must take this into account.",
                REF_11,
            ),
            _reason(
                "Bliver de billige boliger dyrere, end målgruppen kan betale, kan kommunen give helt eller delvist afkald på anvisningsretten.",
                "If the cheap homes become more expensive than the target group can pay, the municipality can waive its allocation right in full or in part.",
                REF_11,
            ),
        ]
        deal_last = agreement().last_day()
        if on > deal_last:
            d = _days(deal_last)
            notes.append(
                _reason(
                    f"Datoen ligger efter aftalens sidste dag ({d.da}). Svaret viser, hvad afsnit 11 i denne aftale siger; spørg kommunen, om en senere aftale siger noget andet.",
                    f"The date is after the agreement's last day ({d.en}). The answer shows what afsnit 11 of this agreement says; ask the municipality whether a later agreement says otherwise.",
                    REF_11,
                )
            )
        used = [
            years_value.to_json(taken),
            parameter("newbuild.cheap_share.figure12_below").at(taken).to_json(taken),
        ]
        return {
            "ok": True,
            "schema_version": SCHEMA_VERSION,
            "package_version": __version__,
            "date": on.isoformat(),
            "taken_into_use": taken.isoformat(),
            "letting": clean["letting"],
            "period": period,
            "special_rules_until": last.isoformat(),
            "homes": homes,
            "figure12": _figure12_rows(cheap),
            "stair_step": stair_step,
            "reasons": reasons,
            "notes": notes,
            "parameters": used,
        }
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)


def _home_text(kind: str, share: Fraction) -> dict[str, str]:
    s = _share_text(share)
    if kind == "cheap":
        text = T(
            f"De særligt billige boliger: kommunen anviser til {s.da}.",
            f"The especially cheap homes: the municipality allocates {s.en}.",
        )
        reference = REF_FIG11
    else:
        whole = share in (0, 1)
        text = T(
            f"De øvrige ledige boliger: kommunen anviser til {s.da}{'' if whole else ' af dem'}.",
            f"The other vacant homes: the municipality allocates {s.en}{'' if whole else ' of them'}.",
        )
        reference = REF_FIG11 if whole else REF_FIG12
    return {**text.to_json(), "reference": reference}


# --- Afsnit 9: phasing out særboliger and shared homes for young people ----------------------------

SAERBOLIG_HOMES = {
    "saerbolig": T("særbolig (fra 2007-aftalen)", "special home (from the 2007 agreement)"),
    "delebolig": T(
        "delebolig for socialt udsatte unge", "shared home for socially vulnerable young people"
    ),
}
REF_9 = "afsnit 9"
COMPENSATION_SHARE = Fraction(1, 18)  # afsnit 9: «1/18 ekstra af de ledige familieboliger»


def saerbolig_phase_out_spec() -> Spec:
    first = agreement().first_day
    return Spec(
        "object",
        T("Udfasning af særboliger og deleboliger (afsnit 9)", "Phasing out special homes"),
        fields={
            "trin_at_start": Spec(
                "integer",
                T(
                    f"Afdelingens trin på afdelingstrappen ved aftalens start ({day(first, 'da')})",
                    f"The section's step on the section stair at the agreement's start ({day(first, 'en')})",
                ),
                minimum=1,
                maximum=4,
            ),
            "allocated_share_at_start": Spec(
                "decimal",
                T(
                    "Andel anviste boliger i afdelingen ved aftalens start (%)",
                    "Share of allocated homes in the section at the agreement's start (%)",
                ),
                minimum=Decimal(0),
                maximum=Decimal(100),
            ),
            "date": Spec("date", T("Dato", "Date")),
            "home": Spec("enum", T("Slags bolig", "Kind of home"), options=SAERBOLIG_HOMES),
        },
        required=("trin_at_start",),
    )


def _trin1_bands(share: Decimal | None) -> list[dict[str, Any]]:
    rows = []
    bands = list(reversed(sb.TRIN1_BANDS))
    for i, (share_from, start) in enumerate(bands):
        below = bands[i + 1][0] if i + 1 < len(bands) else None
        applies = share is not None and share >= share_from and (below is None or share < below)
        rows.append(
            {
                "from": str(share_from),
                "below": None if below is None else str(below),
                "start": start.isoformat(),
                "applies": applies,
                "reference": REF_9,
            }
        )
    return rows


def saerbolig_phase_out(doc: object) -> dict[str, Any]:
    """Afsnit 9: when the phase-out of særboliger and shared homes for young people starts in a
    section, and what happens when such a home is vacated. Never raises."""
    try:
        spec = saerbolig_phase_out_spec()
        validator = Validator()
        clean = validator.check(spec, doc, "")
        if validator.errors or not isinstance(clean, dict):
            return error_answer(validator.errors)
        deal = agreement()
        on: date | None = clean.get("date")
        if on is not None and on < deal.first_day:
            return error_answer(
                [
                    _error(
                        "date",
                        "before_agreement",
                        f"Datoen {on.isoformat()} ligger før aftalens første dag ({deal.first_day.isoformat()}); udfasningen begynder tidligst den dag.",
                        f"The date {on.isoformat()} is before the agreement's first day ({deal.first_day.isoformat()}); the phase-out starts on that day at the earliest.",
                    )
                ]
            )
        trin: int = clean["trin_at_start"]
        share: Decimal | None = clean.get("allocated_share_at_start")
        home: str | None = clean.get("home")
        start = sb.phase_out_start(trin, share)
        started = None if start is None or on is None else on >= start
        reasons: list[dict[str, str]] = []
        notes: list[dict[str, str]] = []
        if start is not None:
            s = _days(start)
            if trin == 1:
                assert share is not None
                reasons.append(
                    _reason(
                        f"Afdelingen var på trin 1 med {_percent(share, 'da')} anviste boliger ved aftalens start. På trin 1 afhænger starten af den andel, og her begynder udfasningen {s.da}.",
                        f"The section was on step 1 with {_percent(share, 'en')} allocated homes at the agreement's start. On step 1 the start depends on that share, and here the phase-out starts on {s.en}.",
                        f"{REF_9} (læsning R-32)",
                    )
                )
            else:
                reasons.append(
                    _reason(
                        f"Afdelingen var på trin {trin} ved aftalens start, så udfasningen begynder {s.da}.",
                        f"The section was on step {trin} at the agreement's start, so the phase-out starts on {s.en}.",
                        REF_9,
                    )
                )
        else:
            starts = [str(b[1].year) for b in sb.TRIN1_BANDS]
            years = T(
                ", ".join(starts[:-1]) + " eller " + starts[-1],
                ", ".join(starts[:-1]) + " or " + starts[-1],
            )
            reasons.append(
                _reason(
                    f"På trin 1 afhænger starten af andelen af anviste boliger i afdelingen ved aftalens start ({years.da}). Den andel mangler.",
                    f"On step 1 the start depends on the share of allocated homes in the section at the agreement's start ({years.en}). That share is missing.",
                    f"{REF_9} (læsning R-32)",
                )
            )
        reasons.append(
            _reason(
                "Udfasningen sker i takt med, at boligerne bliver fraflyttet. Tidsplanen følger trinnet ved aftalens start, også hvis afdelingen senere skifter trin.",
                "The phase-out happens as the homes are vacated. The timetable follows the step at the agreement's start, even if the section later changes step.",
                REF_9,
            )
        )
        if on is not None and started is not None:
            d = _days(on)
            reasons.append(
                _reason(
                    f"Den {d.da} er udfasningen begyndt i afdelingen."
                    if started
                    else f"Den {d.da} er udfasningen ikke begyndt i afdelingen endnu.",
                    f"On {d.en} the phase-out has started in the section."
                    if started
                    else f"On {d.en} the phase-out has not yet started in the section.",
                    REF_9,
                )
            )
        homes: list[dict[str, str]] = []
        when = _days(start) if start is not None else None
        for kind in SAERBOLIG_HOMES:
            if home is not None and kind != home:
                continue
            if kind == "saerbolig":
                if when is None:
                    text = T(
                        "Fraflyttes en særbolig, efter at udfasningen er begyndt, indgår den i afdelingens almindelige udlejningshjul i stedet for at være øremærket til kommunal anvisning.",
                        "When a special home is vacated after the phase-out has started, it joins the section's ordinary letting wheel instead of being earmarked for municipal allocation.",
                    )
                elif started is False:
                    text = T(
                        f"Fraflyttes særboligen før {when.da}, er den fortsat øremærket til kommunal anvisning. Fraflyttes den fra {when.da}, indgår den i afdelingens almindelige udlejningshjul.",
                        f"If the special home is vacated before {when.en}, it stays earmarked for municipal allocation. If it is vacated from {when.en}, it joins the section's ordinary letting wheel.",
                    )
                else:
                    text = T(
                        f"Fraflyttes særboligen fra {when.da}, indgår den i afdelingens almindelige udlejningshjul i stedet for at være øremærket til kommunal anvisning.",
                        f"If the special home is vacated from {when.en}, it joins the section's ordinary letting wheel instead of being earmarked for municipal allocation.",
                    )
            else:
                since = (
                    T(", efter at udfasningen er begyndt", " after the phase-out has started")
                    if when is None
                    else T(f" fra {when.da}", f" from {when.en}")
                )
                text = T(
                    f"Flytter en beboer fra en delebolig for unge{since.da}, kan kommunen ikke anvise en ny beboer til fællesskabet. Kommunen betaler tomgangslejen, indtil de øvrige beboere er flyttet.",
                    f"If a resident moves out of a shared home for young people{since.en}, the municipality cannot allocate a new resident to it. The municipality pays the vacancy rent until the other residents have moved out.",
                )
            homes.append({"id": kind, **text.to_json(), "reference": REF_9})
        compensation: dict[str, str] | None = None
        if trin in (2, 3, 4):
            until = _days(deal.last_day())
            share_text = format_share(COMPENSATION_SHARE)
            compensation = {
                "share": share_text,
                "until": deal.last_day().isoformat(),
                "da": f"Som kompensation stiller boligorganisationerne indtil {until.da} ekstra {share_text} af de ledige familieboliger til rådighed for kommunens anvisning i stedet for til kommunal genhusning ved byfornyelse. Det står i udlejningshjulet for trinnet.",
                "en": f"As compensation the housing organisations until {until.en} make an extra {share_text} of the vacant family homes available for municipal allocation instead of for municipal rehousing during urban renewal. It is part of the step's letting wheel.",
                "reference": REF_9,
            }
        if trin == 1:
            earliest = _days(sb.TRIN1_BANDS[0][1])
            notes.append(
                _reason(
                    f"Afsnit 6.2.1 siger, at særboliger på trin 1 udfases fra {earliest.da}. Afsnit 9 lader starten afhænge af andelen af anviste boliger; vi følger afsnit 9, hvor {earliest.da} er det tidligste (læsning R-32).",
                    f"Afsnit 6.2.1 says special homes on step 1 are phased out from {earliest.en}. Afsnit 9 makes the start depend on the share of allocated homes; we follow afsnit 9, where {earliest.en} is the earliest (Reading R-32).",
                    "afsnit 6.2.1; afsnit 9 (læsning R-32)",
                )
            )
        notes.append(
            _reason(
                "En særbolig kan efter aftale mellem boligorganisationen og Socialforvaltningen flyttes til en anden placering, men ikke til en afdeling, hvor særboliger er udfaset.",
                "By agreement between the housing organisation and the Social Services Administration a special home can be moved elsewhere, but not to a section where special homes are phased out.",
                REF_9,
            )
        )
        notes.append(
            _reason(
                "Afsnit 9 nævner kun afdelingstrappens trin. Var afdelingen på områdetrappen ved aftalens start, siger aftalen ikke, hvornår udfasningen begynder; spørg kommunen.",
                "Afsnit 9 names only the section stair's steps. If the section was on the area stair at the agreement's start, the agreement does not say when the phase-out starts; ask the municipality.",
                REF_9,
            )
        )
        if (start is not None and start > deal.last_day()) or (
            on is not None and on > deal.last_day()
        ):
            d = _days(deal.last_day())
            notes.append(
                _reason(
                    f"Aftalen gælder til og med {d.da}, men tidsplanen for udfasningen rækker ud over den dato.",
                    f"The agreement runs until {d.en}, but the timetable for the phase-out reaches beyond that date.",
                    REF_9,
                )
            )
        return {
            "ok": True,
            "schema_version": SCHEMA_VERSION,
            "package_version": __version__,
            "trin_at_start": trin,
            "date": None if on is None else on.isoformat(),
            "start": None if start is None else start.isoformat(),
            "started": started,
            "trin1_bands": _trin1_bands(share) if trin == 1 else [],
            "compensation": compensation,
            "homes": homes,
            "reasons": reasons,
            "notes": notes,
        }
    except Exception as exc:  # noqa: BLE001 - the interface promises structured answers only
        return internal_error_answer(exc)


deadlines_input_schema = input_schema_of(deadlines_spec, "deadlines-input")
allocation_limits_input_schema = input_schema_of(allocation_limits_spec, "allocation-limits-input")
new_build_input_schema = input_schema_of(new_build_spec, "new-build-input")
saerbolig_phase_out_input_schema = input_schema_of(
    saerbolig_phase_out_spec, "saerbolig-phase-out-input"
)

__all__ = [
    "allocation_limits",
    "allocation_limits_input_schema",
    "allocation_limits_spec",
    "deadlines",
    "deadlines_input_schema",
    "deadlines_spec",
    "new_build",
    "new_build_input_schema",
    "new_build_spec",
    "saerbolig_phase_out",
    "saerbolig_phase_out_input_schema",
    "saerbolig_phase_out_spec",
]
