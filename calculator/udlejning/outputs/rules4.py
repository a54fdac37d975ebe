"""The answers of the endpoints added with Rules IV: youth homes (afsnit 7), subsidised homes
(Bilag 11), shared homes for refugees (Bilag 9), internal moves (Bilag 4, V), the new builds'
terms (afsnit 11), adapted homes (afsnit 8.4), moving a særbolig (afsnit 9) and the agreement's
terms (afsnit 17-19). Values an answer echoes from its input come from the input spec."""

from __future__ import annotations

from udlejning.outputs.common import (
    NON_NEGATIVE,
    NULLABLE_BOOLEAN,
    REASON,
    REASONS,
    REF,
    SHARE,
    WHY,
    YES_NO,
    text,
)
from udlejning.outputs.shape import (
    BOOLEAN,
    DATE,
    Answer,
    array,
    enum,
    from_input,
    integer,
    nullable,
    obj,
)
from udlejning.sections.afsnit7_youth_housing import TARGET_VERDICTS
from udlejning.tools.internal_move import ANSWERS as INTERNAL_MOVE_ANSWERS
from udlejning.tools.subsidised_home import OUTCOMES

VERDICT_WHY = obj({"verdict": YES_NO, "reasons": WHY})

YOUTH_HOUSING = Answer(
    "Ungdomsboliger (afsnit 7 og 8.2) / Youth homes (afsnit 7 and 8.2)",
    {
        "date": DATE,
        "section": from_input("section"),
        # The stair and step only for a section with a few youth homes (afsnit 7.3).
        "municipal_share": text(
            {
                "share": SHARE,
                "reference": REF,
                "stair": from_input("stair"),
                "trin": from_input("trin"),
            },
            ("stair", "trin"),
        ),
        "corridor": nullable(
            text(
                {
                    "cap": integer(0),
                    "agreed_higher": nullable(from_input("agreed_higher")),
                    "reference": REF,
                }
            )
        ),
        "young_person": nullable(obj({"verdict": enum(TARGET_VERDICTS), "reasons": WHY})),
        "notes": REASONS,
    },
)

SUBSIDISED_HOME = Answer(
    "Tilskudsbolig (afsnit 8.5.2, Bilag 11) / Subsidised home (afsnit 8.5.2, Bilag 11)",
    {
        "date": DATE,
        "home": VERDICT_WHY,
        # The subsidy year by year (at 2021 prices); ``from`` when the first payment is known.
        "schedule": array(
            text({"year": integer(1), "amount": NON_NEGATIVE, "from": nullable(DATE)}), 1
        ),
        "schedule_reference": REF,
        "after_moving_out": nullable(
            obj({"outcome": enum(OUTCOMES), "reletting_last_day": DATE, "reasons": WHY})
        ),
        "notes": REASONS,
    },
)

REFUGEE_SHARED_HOME = Answer(
    "Delebolig til flygtninge (afsnit 8.5.3, Bilag 9) / Shared home for refugees",
    {
        "date": DATE,
        "scheme_open": BOOLEAN,
        "section": obj({"allowed": BOOLEAN, "reasons": WHY}),
        "places": obj({"left": nullable(integer(0)), "reasons": WHY}),
        "refugee": nullable(VERDICT_WHY),
        "notes": REASONS,
    },
)

INTERNAL_MOVE = Answer(
    "Intern oprykning (Bilag 4, V) / Internal moves (Bilag 4, V)",
    {
        "date": DATE,
        "criteria": enum(INTERNAL_MOVE_ANSWERS),
        "reasons": WHY,
        "suspension_expected": BOOLEAN,
        "notes": REASONS,
    },
)

NEW_BUILD_TERMS = Answer(
    "Nybyggeri: overgangsregel og 100 % anvisning (afsnit 11) / New builds: transition and full allocation",
    {
        "date": DATE,
        "kind": from_input("kind"),
        # Only for an ordinary new build whose date of first use is given.
        "transition": nullable(
            obj(
                {
                    "state": enum(["in_period", "transitional", "stair"]),
                    "until": nullable(DATE),
                    "reasons": WHY,
                }
            )
        ),
        # Only for the kinds of homes with 100 % municipal allocation.
        "full_allocation": nullable(
            obj({"state": enum(["full", "not_full", "cannot_tell"]), "reasons": WHY})
        ),
        "notes": REASONS,
    },
)

ADAPTED_HOME = Answer(
    "Tilpassede boliger (afsnit 8.4) / Adapted homes (afsnit 8.4)",
    {
        "date": DATE,
        "offer_to_municipality": BOOLEAN,
        "reasons": WHY,
        "compensation": nullable(REASON),
    },
)

SAERBOLIG_MOVE = Answer(
    "Flytning af en særbolig (afsnit 9) / Moving a special home (afsnit 9)",
    {
        "date": DATE,
        "allowed": NULLABLE_BOOLEAN,
        "phase_out_start": nullable(DATE),
        "reasons": WHY,
    },
)

AGREEMENT_TERMS = Answer(
    "Aftalens vilkår (afsnit 17-19) / The agreement's terms (afsnit 17-19)",
    {
        "date": DATE,
        "in_period": BOOLEAN,
        "first_day": DATE,
        "last_day": DATE,
        "reasons": WHY,
        # Only when a notice is given: ending the reduction terms (afsnit 19).
        "reduction_terms": nullable(
            obj(
                {
                    "valid": NULLABLE_BOOLEAN,
                    "ends_on": nullable(DATE),
                    "ended": NULLABLE_BOOLEAN,
                    "reasons": WHY,
                }
            )
        ),
    },
)
