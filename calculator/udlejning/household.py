"""The input: a household moving into a home on a given date, as the JSON interface takes it.

Every fact about a person is optional: a rule that needs a fact the input leaves out answers
*cannot tell* and names the field. Only ``date``, ``household`` and each person's ``role`` are required.
The fields themselves (labels, hints, when the form asks them) are declared in ``udlejning.household_spec``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from udlejning.household_spec import (
    COMPLETED_EDUCATION,
    CONVICTION,
    COUNTRIES,
    EDUCATION,
    EDUCATION_KINDS,
    EMPLOYMENT,
    EMPLOYMENT_KINDS,
    INCOME,
    LAWS,
    MONEY_MAX,
    PENSIONS,
    PERSON,
    ROLES,
    SEPARATION,
    T,
    document_spec,
    input_schema,
)
from udlejning.inputspec import InputError, Validator, quoted

__all__ = [
    "COMPLETED_EDUCATION",
    "CONVICTION",
    "COUNTRIES",
    "EDUCATION",
    "EDUCATION_KINDS",
    "EMPLOYMENT",
    "EMPLOYMENT_KINDS",
    "INCOME",
    "LAWS",
    "MONEY_MAX",
    "PENSIONS",
    "PERSON",
    "ROLES",
    "SEPARATION",
    "Household",
    "Person",
    "Separation",
    "document_spec",
    "input_schema",
    "parse_household",
]


@dataclass(frozen=True)
class Person:
    """One person of the household, as validated from the input (``id`` as given, ``index`` its place)."""

    id: str
    index: int
    role: str
    age: int | None = None
    shared_address_since: date | None = None
    employment: dict[str, object] | None = None
    pension: str | None = None
    education: dict[str, object] | None = None
    convictions: list[dict[str, object]] | None = None
    completed_education: dict[str, object] | None = None
    income: dict[str, object] | None = None
    needs_accessible_home: bool | None = None

    def path(self, *parts: str) -> str:
        return ".".join([f"household[{self.index}]", *parts])


@dataclass(frozen=True)
class Separation:
    """A separation or divorce as the household states it (Bilag 4, IV.1 B.1)."""

    happened: bool
    date: date | None = None
    married: bool | None = None
    shared_address_from: date | None = None
    copenhagen_address_before: bool | None = None
    applied_on: date | None = None
    child_with_other_parent: bool | None = None


@dataclass(frozen=True)
class Household:
    """The validated household: the day it is judged on, its persons, and what it supplied."""

    date: date
    persons: tuple[Person, ...]
    separation: Separation | None = None
    supplied: dict[str, Decimal] = field(default_factory=dict)
    readings: dict[str, str] = field(default_factory=dict)

    @property
    def applicant(self) -> Person:
        return next(p for p in self.persons if p.role == "applicant")

    @property
    def partner(self) -> Person | None:
        return next((p for p in self.persons if p.role in {"spouse", "cohabitant"}), None)


YEAR_LABEL = quoted(CONVICTION.fields["year"].label)


def parse_household(document: object) -> tuple[Household | None, list[InputError]]:
    """Validate a JSON document; return the household or the errors (never both)."""
    clean, errors = _validated(document)
    if errors or clean is None:
        return None, errors
    persons, errors = _persons(clean["household"], clean["date"].year)  # type: ignore[arg-type,union-attr]
    errors += _household_errors(persons)
    if errors:
        return None, errors
    raw_sep = clean.get("separation")
    supplied = clean.get("parameters") or {}
    assert isinstance(supplied, dict)
    return (
        Household(
            date=clean["date"],  # type: ignore[arg-type]
            persons=tuple(persons),
            separation=Separation(**raw_sep) if isinstance(raw_sep, dict) else None,  # type: ignore[arg-type]
            supplied={k: v for k, v in supplied.items() if v is not None},  # type: ignore[misc]
            readings={k: str(v) for k, v in (clean.get("readings") or {}).items() if v is not None},  # type: ignore[union-attr]
        ),
        [],
    )


def _validated(document: object) -> tuple[dict[str, object] | None, list[InputError]]:
    """The document checked against its spec: the clean values, or the spec's errors. A date after
    the takeover (``not_after_date``) is judged against the document's own date, when it has one."""
    spec = document_spec()
    reference_date: date | None = None
    if isinstance(document, dict) and "date" in document:
        probe = Validator()
        reference_date = probe.check(spec.fields["date"], document["date"], "date")  # type: ignore[assignment]
    validator = Validator(reference_date)
    clean = validator.check(spec, document, "")
    if validator.errors or not isinstance(clean, dict):
        return None, list(validator.errors)
    return clean, []


def _persons(
    people: list[dict[str, object]], takeover_year: int
) -> tuple[list[Person], list[InputError]]:
    """Everyone moving in, with the errors the spec cannot see person by person."""
    persons: list[Person] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for index, raw in enumerate(people):
        assert isinstance(raw, dict)
        # A name the user gave (trimmed), else p1, p2 … (the answer then says «Person 1» …).
        pid = str(raw.get("id") or "").strip() or f"p{index + 1}"
        errors += _person_errors(raw, index, pid, pid in seen, takeover_year)
        seen.add(pid)
        persons.append(Person(id=pid, index=index, **{k: v for k, v in raw.items() if k != "id"}))  # type: ignore[arg-type]
    return persons, errors


def _person_errors(
    raw: dict[str, object], index: int, pid: str, id_taken: bool, takeover_year: int
) -> list[InputError]:
    """One person's id (``pid``) already taken, a shared address for someone not a cohabitant, and
    a conviction after the takeover year."""
    errors: list[InputError] = []
    if id_taken:
        errors.append(
            InputError(
                f"household[{index}].id",
                "duplicate_id",
                T(
                    f"To personer har samme navn/nummer «{pid}».",
                    f"Two people share the id “{pid}”.",
                ),
            )
        )
    if raw.get("shared_address_since") is not None and raw["role"] != "cohabitant":
        errors.append(
            InputError(
                f"household[{index}].shared_address_since",
                "only_for_cohabitant",
                T(
                    "Fælles adresse siden en dato angives kun for en samlever.",
                    "A shared address since a date is given only for a partner who is not a spouse.",
                ),
            )
        )
    for c_index, conviction in enumerate(raw.get("convictions") or []):  # type: ignore[arg-type]
        year = conviction.get("year") if isinstance(conviction, dict) else None
        if isinstance(year, int) and year > takeover_year:
            errors.append(
                InputError(
                    f"household[{index}].convictions[{c_index}].year",
                    "after_date",
                    T(
                        f"{YEAR_LABEL.da} ({year}) kan ikke ligge efter overtagelsesåret.",
                        f"{YEAR_LABEL.en} ({year}) cannot be after the year of the takeover.",
                    ),
                )
            )
    return errors


def _household_errors(persons: list[Person]) -> list[InputError]:
    """The household as a whole: exactly one applicant, at most one spouse or cohabitant."""
    roles = [p.role for p in persons]
    errors: list[InputError] = []
    if roles.count("applicant") != 1:
        errors.append(
            InputError(
                "household",
                "one_applicant",
                T(
                    f"Husstanden skal have præcis én ansøger (rolle «applicant»); der er {roles.count('applicant')}.",
                    f"The household needs exactly one applicant (role “applicant”); there are {roles.count('applicant')}.",
                ),
            )
        )
    if roles.count("spouse") + roles.count("cohabitant") > 1:
        errors.append(
            InputError(
                "household",
                "one_partner",
                T(
                    "Husstanden kan højst have én ægtefælle eller samlever.",
                    "The household can have at most one spouse or partner.",
                ),
            )
        )
    return errors
