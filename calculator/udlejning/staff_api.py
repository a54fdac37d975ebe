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

from udlejning.sections.afsnit9_saerboliger import COMPENSATION_SHARE, SAERBOLIG_HOMES
from udlejning.sections.afsnit11_new_builds import (
    NEW_BUILD_HOMES,
    NEW_BUILD_LETTINGS,
    NEW_BUILD_PERIODS,
)
from udlejning.sections.bilag5_limits import (
    AREAS,
    BENEFIT_MONTHS,
    CASH_BENEFIT_MONTHS_FOREBYGGELSE,
    CITIZEN_STATUSES,
    COLUMN,
    EFFECTS,
    MAX_MONTHS,
    MINOR_AGE,
    RECENT_MONTHS,
    VERDICTS,
)
from udlejning.sections.bilag14_deadlines import (
    CHECK_IDS,
    CHECK_VERDICTS,
    DEADLINE_IDS,
    DEADLINE_KINDS,
)
from udlejning.tools.allocation_limits import (
    allocation_limits,
    allocation_limits_input_schema,
    allocation_limits_spec,
)
from udlejning.tools.deadlines import (
    DEADLINE_PARAMETERS,
    deadlines,
    deadlines_input_schema,
    deadlines_spec,
)
from udlejning.tools.new_build import new_build, new_build_input_schema, new_build_spec
from udlejning.tools.phase_out import (
    saerbolig_phase_out,
    saerbolig_phase_out_input_schema,
    saerbolig_phase_out_spec,
)

__all__ = [
    "AREAS",
    "BENEFIT_MONTHS",
    "CASH_BENEFIT_MONTHS_FOREBYGGELSE",
    "CHECK_IDS",
    "CHECK_VERDICTS",
    "CITIZEN_STATUSES",
    "COLUMN",
    "COMPENSATION_SHARE",
    "DEADLINE_IDS",
    "DEADLINE_KINDS",
    "DEADLINE_PARAMETERS",
    "EFFECTS",
    "MAX_MONTHS",
    "MINOR_AGE",
    "NEW_BUILD_HOMES",
    "NEW_BUILD_LETTINGS",
    "NEW_BUILD_PERIODS",
    "RECENT_MONTHS",
    "SAERBOLIG_HOMES",
    "VERDICTS",
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
