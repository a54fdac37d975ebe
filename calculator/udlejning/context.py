"""What a rule sees while it runs: the household, the date, and the parameters it reads (recorded)."""

from __future__ import annotations

from datetime import date

from udlejning.household import Household
from udlejning.model import Text
from udlejning.parameters import ParameterValue, parameter
from udlejning.readings import Readings
from udlejning.texts import fill


class Context:
    def __init__(self, household: Household, readings: Readings | None = None) -> None:
        self.household = household
        self.date: date = household.date
        self.used: dict[str, ParameterValue] = {}
        self.readings = readings or Readings(household.readings)

    def reading(self, rid: str) -> bool:
        """Record that the rule rests on reading ``rid``; True when the user chose its alternative."""
        return self.readings.alternative(rid)

    def param(self, name: str) -> ParameterValue:
        """The value in force on the household's date, or the user's own where the parameter allows it."""
        p = parameter(name)
        supplied = self.household.supplied.get(name)
        if supplied is not None and p.user_may_supply:
            value = ParameterValue(p, supplied, None, None, supplied_by_user=True)
        else:
            value = p.at(self.date)
        self.used[name] = value
        return value

    def value(self, name: str):  # type: ignore[no-untyped-def]
        return self.param(name).value

    def fill(self, template: Text) -> Text:
        def lookup(name: str):  # type: ignore[no-untyped-def]
            pv = self.param(name)
            return pv.parameter.type, pv.value, pv.effective_from or self.date

        return Text(fill(template.da, "da", lookup), fill(template.en, "en", lookup))
