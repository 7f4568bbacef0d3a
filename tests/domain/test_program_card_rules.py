"""The programme card rulebook: the price cap and messages that say what to do."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.program_card import GroupCard, ModuleCard, validate_group, validate_module


def _module(**kw) -> ModuleCard:
    base = dict(name="1-й год", hours=72, min_children=8, max_children=15, price=Decimal("12000"),
                normative_price=Decimal("10000"))
    return ModuleCard(**{**base, **kw})


def test_the_price_cap_applies_over_a_normative_cost_only():
    assert validate_module(_module(price=Decimal("12000")), "m", Decimal("1.2")) == []
    over = validate_module(_module(price=Decimal("12000.01")), "m", Decimal("1.2"))
    assert [e.path for e in over] == ["m.price"] and "12000.00" in over[0].message
    # A paid programme's module has no normative cost: nothing to cap.
    assert validate_module(_module(price=Decimal("500"), normative_price=Decimal("0")), "m",
                           Decimal("1.2")) == []


def test_limits_and_dates_messages_say_what_to_do():
    [limits] = validate_module(_module(min_children=10, max_children=5), "m", None)
    assert limits.path == "m.max_children" and "увеличьте максимум" in limits.message
    group = GroupCard(name="1А", date_from=date(2026, 9, 1), date_to=date(2026, 8, 1), capacity=12,
                      slots=())
    errors = {e.path: e.message for e in validate_group(group, _module(), "g")}
    assert "не раньше 01.09.2026" in errors["g.date_to"]
    # A group is not told to fit impossible module limits (the module's own error says what to fix).
    broken = {e.path for e in validate_group(group, _module(min_children=10, max_children=5), "g")}
    assert "g.capacity" not in broken
