"""JSON endpoint ``agreement_terms``: afsnit 17 and 19 — is a date in the agreement's period, which
letting agreements apply, and when the terms reducing municipal allocation end after a notice.
The rules live in ``udlejning.sections.afsnit17_19_terms``. Never raises."""

from __future__ import annotations

from datetime import date
from typing import Any

from udlejning.inputspec import Spec
from udlejning.model import Text
from udlejning.parameters import agreement
from udlejning.sections import afsnit17_19_terms as terms
from udlejning.texts import day
from udlejning.tools.checks import reason, run
from udlejning.tools.fields import date_field, field

T = Text


def agreement_terms_spec() -> Spec:
    return field(
        "object",
        "Aftalens periode og vilkår (afsnit 17 og 19)",
        "The agreement's period and terms",
        fields={
            "date": date_field(),
            "notice_given": field(
                "date",
                "Kommunen opsagde vilkårene om ophør eller reduktion af anvisning",
                "The municipality gave notice ending the terms on stopping or reducing allocation",
            ),
        },
        required=("date",),
    )


def _terms_end(
    valid: bool | None, end: date | None, text: Text, rendered_on: date, on: date
) -> dict[str, Any]:
    """The answer about ending the reduction terms: whether the notice ends them (None: cannot
    tell), the day they end and whether that day has come by ``on``, and why (its parameters
    rendered on ``rendered_on``)."""
    return {
        "valid": valid,
        "ends_on": None if end is None else end.isoformat(),
        "ended": None if end is None else on >= end,
        "reasons": [reason(text, rendered_on, terms.REFERENCE)],
    }


def _notice(notice: date, on: date) -> dict[str, Any]:
    try:
        end = terms.reduction_terms_end(notice)
    except OverflowError:  # a notice at the calendar's very end: no end date can be counted
        text = T(
            f"Opsigelsen den {day(notice, 'da')} ligger så sent, at vi ikke kan regne en slutdato ud.",
            f"The notice on {day(notice, 'en')} is so late that no end date can be counted.",
        )
        return _terms_end(None, None, text, on, on)
    if end is None:
        text = T(
            f"Opsigelsen den {day(notice, 'da')} ligger ikke efter {day(terms.NOTICE_AFTER, 'da')}. Vilkårene kan først opsiges efter den dag.",
            f"The notice on {day(notice, 'en')} is not after {day(terms.NOTICE_AFTER, 'en')}. The terms can be ended only after that day.",
        )
        return _terms_end(False, None, text, on, on)
    text = T(
        f"Med {{{{termination.reduction_notice_months}}}} måneders varsel ophører vilkårene {day(end, 'da')}.",
        f"At {{{{termination.reduction_notice_months}}}} months' notice the terms end on {day(end, 'en')}.",
    )
    return _terms_end(True, end, text, notice, on)


def agreement_terms(doc: object) -> dict[str, Any]:
    """The agreement's period, the old letting agreements, and ending the reduction terms
    (afsnit 17, 19). Never raises."""
    return run(agreement_terms_spec, doc, _agreement_terms)


def _agreement_terms(clean: dict[str, Any]) -> dict[str, Any]:
    on: date = clean["date"]
    deal = agreement()
    first, last = deal.first_day, deal.last_day()
    period = T(
        f"Aftalen gælder fra {day(first, 'da')} til og med {day(last, 'da')}.",
        f"The agreement runs from {day(first, 'en')} to {day(last, 'en')} inclusive.",
    )
    old = T(
        "De individuelle udlejningsaftaler, der gjaldt før, fortsætter, indtil nye aftaler kan træde i kraft. De nye søges indgået for samme periode som rammeaftalen.",
        "The individual letting agreements in force before continue until new ones can take effect. The new ones are sought for the same period as the framework agreement.",
    )
    notice = clean.get("notice_given")
    return {
        "date": on.isoformat(),
        "in_period": deal.covers(on),
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "reasons": [reason(period, on, "afsnit 19"), reason(old, on, "afsnit 17")],
        "reduction_terms": None if notice is None else _notice(notice, on),
    }
