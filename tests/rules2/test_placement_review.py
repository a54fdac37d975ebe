"""afsnit 6.1.5 and Bilag 15: when a placement is revised."""

from __future__ import annotations

import pytest

from udlejning.tools.placement import placement


def _notes(doc: dict) -> str:
    result = placement(doc)
    assert result["ok"], result
    return " ".join(n["da"] for n in result["notes"])


@pytest.mark.parametrize(
    "on, rests_on, revised_on",
    [
        ("2026-11-30", "1. december 2025", "1. december 2026"),
        ("2026-12-01", "1. december 2026", "1. december 2027"),
        ("2024-01-01", "1. december 2023", "1. december 2024"),
    ],
)
def test_afsnit_6_1_5_area_stair_follows_the_designation_of_1_december(
    on: str, rests_on: str, revised_on: str
) -> None:
    text = _notes({"date": on, "area": {"designation": "udsat", "residents": 2000}})
    assert f"udpegning {rests_on}" in text and f"næste udpegning {revised_on}" in text


def test_bilag_15_section_stair_is_recalculated_at_the_mid_term_status() -> None:
    text = _notes({"date": "2025-06-01", "area": {"designation": "none"}, "allocated_share": "10"})
    assert "foråret 2026" in text
