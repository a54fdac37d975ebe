"""Bilag 4, V and afsnit 6.1.2, 6.1.3, 6.2.1–6.2.4: must an internal applicant (intern oprykning) meet the
flexible criteria?

Answers: ``must`` (the criteria apply), ``organisation_may_decide`` (the housing organisation may decide that
they apply). Area stair: when the home the applicant leaves is outside the area, the criteria apply
(trin 1: the stricter relevant criteria, afsnit 6.1.2; trin 2: the same as external applicants, 6.1.3;
Bilag 4, V.2.b); inside the area the organisation may decide. Section stair: trin 1–2, the organisation may
decide (6.2.1, 6.2.2); trin 3–4, moving from another section the criteria apply, within the own section the
organisation may decide (6.2.3, 6.2.4). Trin 3–4 letting agreements should as a rule suspend, fully or
partly, the right to move up between sections (Bilag 4, V.2.a).

``internal_applicant`` adds Bilag 4, VI: people rehoused under a helhedsplan need not meet the
flexible criteria, and on the section stair a resident of a defined common letting area (fælles
udlejningsområde) may get priority to the other sections of the area without them (Bilag 4, V.2.a,
last paragraph). By default the priority covers every second vacant family home in the organisation
(``intern.every_nth_home``) and the right within the own section holds unless agreed otherwise
(Bilag 4, V; V.1).
"""

from __future__ import annotations

from udlejning.coverage import covers

COVERS = covers(
    "Intern oprykning, fælles udlejningsområder og genhusning efter helhedsplan",
    "Internal moves, common letting areas and rehousing under a helhedsplan",
    "Bilag 4, V",
    "Bilag 4, VI",
    "afsnit 6.1.2",
    "afsnit 6.1.3",
    "afsnit 6.2.1",
    "afsnit 6.2.2",
    "afsnit 6.2.3",
    "afsnit 6.2.4",
)


def internal_move(
    stair: str, trin: int, from_same_department: bool, leaves_home_in_same_area: bool
) -> tuple[str, str]:
    """The answer and its reference."""
    if stair == "omraadetrappe":
        ref = "afsnit 6.1.2" if trin == 1 else "afsnit 6.1.3"
        if leaves_home_in_same_area:
            return "organisation_may_decide", f"{ref}; Bilag 4, V.2.b"
        return "must", f"{ref}; Bilag 4, V.2.b"
    if trin in (1, 2):
        return "organisation_may_decide", "afsnit 6.2.1" if trin == 1 else "afsnit 6.2.2"
    ref = "afsnit 6.2.3" if trin == 3 else "afsnit 6.2.4"
    if from_same_department:
        return "organisation_may_decide", f"{ref}; Bilag 4, V.1"
    return "must", f"{ref}; Bilag 4, V.2.a"


def suspension_expected(stair: str, trin: int) -> bool:
    """Bilag 4, V.2.a: trin 3 and 4 agreements should as a rule suspend moving up between sections."""
    return stair == "afdelingstrappe" and trin in (3, 4)


def internal_applicant(
    stair: str,
    trin: int,
    from_same_department: bool,
    leaves_home_in_same_area: bool,
    common_letting_area: bool = False,
    helhedsplan: bool = False,
) -> tuple[str, str]:
    """Like ``internal_move``, with ``not_required`` for a person rehoused under a helhedsplan
    (Bilag 4, VI) and for a move within a common letting area on the section stair (Bilag 4, V.2.a;
    VI)."""
    if helhedsplan:
        return "not_required", "Bilag 4, VI"
    if common_letting_area and stair == "afdelingstrappe":
        return "not_required", "Bilag 4, V.2.a; Bilag 4, VI"
    return internal_move(stair, trin, from_same_department, leaves_home_in_same_area)
