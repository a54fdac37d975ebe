"""Issue 9: a criterion is declared once. Its TOML entry names its priority group, the group its
name and its own wheel use; the rule module registers the rule. The wheels, the priority answer
and the summary read those declarations (nothing lists the criteria by hand)."""

from __future__ import annotations

from datetime import date

import pytest

from udlejning.coverage import package_modules
from udlejning.criteria import rules
from udlejning.criteria.info import _priority_group, all_criteria, criterion_ids, priority_groups
from udlejning.outputs.situation import PRIORITY
from udlejning.stairs.afsnit6_priority import USE_GROUPS, Situation, _tiers
from udlejning.wheels import CATEGORY, USES


def test_every_criterion_has_one_registered_rule_in_the_toml_order() -> None:
    assert tuple(rules()) == criterion_ids()
    registered = [
        rule.id
        for module in package_modules("udlejning.criteria")
        for rule in getattr(module, "CRITERIA", ())
    ]
    assert sorted(registered) == sorted(criterion_ids())


def test_every_criterion_is_in_the_priority_group_it_names() -> None:
    groups = priority_groups()
    assert list(groups) == ["A", "B", "C1", "S1", "S2", "S3", "S4"]
    assert groups["A"].criteria == ("A1", "A2")
    for info in all_criteria().values():
        assert info.id in groups[info.priority].criteria


def test_a_groups_wheel_use_is_a_flexible_use_with_its_text() -> None:
    for group in priority_groups().values():
        if group.wheel_use is None:
            continue
        assert USES[group.wheel_use] == group.wheel_use_text
        assert CATEGORY[group.wheel_use] == "flexible"
        assert USE_GROUPS[group.wheel_use] == group.id
    assert set(USES) == set(CATEGORY)


def test_a_groups_wheel_use_gives_priority_to_the_group() -> None:
    """With the convictions criterion required in the area, S2 too (afsnit 6.1.6)."""
    situation = Situation("afdelingstrappe", 3, date(2026, 3, 1))
    assert _tiers("flexible_a", situation, []) == [(["A"], "all")]
    situation.convictions_required = True
    assert _tiers("flexible_a", situation, []) == [(["A", "S2"], "all")]


def test_the_priority_answer_has_a_verdict_for_every_group() -> None:
    assert list(PRIORITY.fields["combined"].fields) == list(priority_groups())


@pytest.mark.parametrize(
    "raw",
    [
        {"wheel_use": "flexible_x"},
        {"name": {"da": "x", "en": "x"}, "wheel_use": "flexible_x"},
        {"wheel_use": "flexible_x", "wheel_use_text": {"da": "x", "en": "x"}},
        {"name": {"da": "x", "en": "x"}, "colour": "red"},
    ],
)
def test_a_malformed_priority_group_is_refused(raw: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        _priority_group("X", raw, ("X1",))
