"""Afsnit 6.1–6.2 and Bilag 4, «Udlejningshjul»: the wheels as data."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from udlejning.wheels import FILES, STAIRS, WheelError, all_wheels, parse_wheel, wheel

MONTHS = [date(y, m, 1) for y in range(2024, 2028) for m in range(1, 13)]
MONTH_ENDS = [date(y, 12, 31) for y in range(2024, 2028)]
STEPS = sorted(FILES)


@pytest.mark.parametrize("key", STEPS)
@pytest.mark.parametrize("on", MONTHS + MONTH_ENDS, ids=str)
def test_every_wheel_sums_to_nine_ninths_every_month_2024_2027(key, on) -> None:
    """Afsnit 6.2 («et udlejningshjul á 9 boliger»): 9/9, or 18/18 over two rounds with på skift."""
    version = wheel(*key).at(on)
    assert len(version.positions) == 9
    assert sum(p.share() * len(p.uses) for p in version.positions) == 1
    assert sum(version.listing_shares().values()) == 1
    assert sum(version.category_shares().values()) == 1
    rounds = [[p.use_in_round(r) for p in version.positions] for r in (1, 2)]
    assert sum(len(r) for r in rounds) == 18


@pytest.mark.parametrize("key", STEPS)
def test_wheel_versions_cover_2024_2027_without_gap_or_overlap(key) -> None:
    """Date coverage (half-open): exactly one version of every wheel is in force each month."""
    w = wheel(*key)
    for on in MONTHS:
        assert sum(1 for v in w.versions if v.covers(on)) == 1, on
    assert w.versions[0].start == date(2024, 1, 1)
    assert w.versions[-1].end == date(2028, 1, 1)
    for before, after in zip(w.versions, w.versions[1:], strict=False):
        assert before.end == after.start
    with pytest.raises(WheelError):
        w.at(date(2023, 12, 31))
    with pytest.raises(WheelError):
        w.at(date(2028, 1, 1))


@pytest.mark.parametrize("key", STEPS)
def test_wheel_shares_match_the_figures_of_afsnit_6(key) -> None:
    """Figur 3, 6, 7, 8, 9 (and afsnit 6.1.3): the listing plus extras gives the figure's shares."""
    for version in wheel(*key).versions:
        shares = version.category_shares()
        for category, share in version.figure.items():
            assert shares[category] == share, (key, version.start, category)


def test_every_position_has_a_reference() -> None:
    """Standards: every position cites its section."""
    for w in all_wheels().values():
        for version in w.versions:
            for p in version.positions:
                assert "Bilag 4" in p.reference or "afsnit" in p.reference


def test_afdelingstrappe_trin2_changes_on_1_january_2026() -> None:
    """Afsnit 6.2.2 figur 7; Bilag 4, III.2: the extra 1/18 from 1 January 2026 (home 9 på skift)."""
    w = wheel("afdelingstrappe", 2)
    assert w.at(date(2025, 12, 31)).positions[8].uses == ("waiting_list",)
    assert w.at(date(2026, 1, 1)).positions[8].uses == ("waiting_list", "municipal")
    assert w.at(date(2026, 1, 1)).category_shares()["municipal"] == Fraction(7, 18)


def test_afdelingstrappe_trin3_changes_on_1_january_2026_reading_r23() -> None:
    """Reading R-23: the listing's «2024-2026» header loses to figur 8 and afsnit 9 (2026-01-01)."""
    w = wheel("afdelingstrappe", 3)
    assert w.at(date(2025, 12, 31)).category_shares()["municipal"] == Fraction(2, 9)
    assert w.at(date(2026, 1, 1)).category_shares()["municipal"] == Fraction(5, 18)


def test_afdelingstrappe_trin4_alternates_for_the_whole_period() -> None:
    """Afsnit 6.2.4 figur 9; afsnit 9: 7/9 + 1/18 flexible, 1/9 + 1/18 municipal in 2024–2027."""
    for on in (date(2024, 1, 1), date(2027, 12, 31)):
        v = wheel("afdelingstrappe", 4).at(on)
        assert v.positions[8].uses == ("flexible_a", "municipal")
        assert v.category_shares() == {
            "waiting_list": 0,
            "flexible": Fraction(15, 18),
            "municipal": Fraction(3, 18),
        }


def test_afdelingstrappe_trin1_extra_ninth_reading_r20() -> None:
    """Afsnit 6.2.1 figur 6 vs the listing: 3/9 + 1/9 municipal, at least 2/9 waiting list, max 3/9 A/B,
    and A at most 2/9 (Bilag 4, III.2: only homes 1 and 8 may use A)."""
    v = wheel("afdelingstrappe", 1).at(date(2024, 6, 1))
    assert v.category_shares(with_extras=False)["municipal"] == Fraction(3, 9)
    assert v.category_shares()["municipal"] == Fraction(4, 9)
    assert v.category_shares()["waiting_list"] == Fraction(2, 9)
    a_positions = [p.n for p in v.positions if p.uses == ("choice_waiting_list_a_b",)]
    assert a_positions == [1, 8]


def test_omraadetrappe_wheels() -> None:
    """Bilag 4, Udlejningshjul: trin 1 municipal at 1, 4, 7 (6/9 flexible); trin 2 all four skærpede."""
    v1 = wheel("omraadetrappe", 1).at(date(2025, 1, 1))
    assert [p.n for p in v1.positions if p.uses == ("municipal",)] == [1, 4, 7]
    v2 = wheel("omraadetrappe", 2).at(date(2025, 1, 1))
    assert {p.uses for p in v2.positions} == {("skaerpede_all",)}
    assert wheel("omraadetrappe", 1).unused_municipal == "flexible_relevant"
    assert wheel("afdelingstrappe", 2).unused_municipal == "waiting_list"
    assert wheel("afdelingstrappe", 3).unused_municipal == "flexible_a"


def test_every_stair_step_has_a_wheel() -> None:
    assert set(all_wheels()) == {(s, t) for s, steps in STAIRS.items() for t in steps}


def test_loader_is_strict() -> None:
    """Unknown keys and missing references are errors, not silently ignored."""
    good = {
        "id": "x",
        "stair": "afdelingstrappe",
        "trin": 1,
        "title": {"da": "x", "en": "x"},
        "reference": "afsnit 6",
        "until": date(2028, 1, 1),
        "unused_municipal": "waiting_list",
        "unused_municipal_urban_renewal": True,
        "unused_municipal_reference": "afsnit 6",
        "values": [
            {
                "from": date(2024, 1, 1),
                "figure": {},
                "figure_reference": "afsnit 6",
                "positions": [
                    {"n": i, "use": "waiting_list", "reference": "afsnit 6"} for i in range(1, 10)
                ],
            }
        ],
    }
    parse_wheel("good", good)
    with pytest.raises(WheelError):
        parse_wheel("bad", {**good, "colour": "red"})
    bad_positions = [dict(p) for p in good["values"][0]["positions"]]
    bad_positions[0]["reference"] = " "
    with pytest.raises(WheelError):
        parse_wheel("bad", {**good, "values": [{**good["values"][0], "positions": bad_positions}]})
    with pytest.raises(WheelError):
        parse_wheel(
            "bad", {**good, "values": [{**good["values"][0], "positions": bad_positions[1:]}]}
        )
