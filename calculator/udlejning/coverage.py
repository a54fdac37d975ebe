"""Which sections of the agreement each rule module covers, declared in the module itself.

Every module under ``udlejning.criteria``, ``udlejning.sections`` and ``udlejning.stairs`` that holds
a rule names its sections once, at module level::

    COVERS = covers("Ungdomsboliger", "Youth homes", "afsnit 7.1", "afsnit 7.2")

``rule_modules()`` collects them, so the coverage page (``docs/regler/afsnit*.md``) lists a rule as
soon as its module exists. A module that holds no rule of its own (a helper) says so with
``COVERS = None``; a test fails when a module declares neither.

Every entry of the agreement's table of contents then has a status (``status_of``):
``computed`` when a rule, parameter, wheel or placement rule cites it; otherwise the status and the
reason given for it in ``agreement_sections.toml`` (``explained`` with the page that explains it, or
``nothing_to_compute``).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from udlejning.model import Text

PACKAGES = ("udlejning.criteria", "udlejning.sections", "udlejning.stairs")
STATUSES = ("computed", "explained", "nothing_to_compute")


@dataclass(frozen=True)
class Covers:
    """What a rule module is about (``title``) and the sections it implements."""

    title: Text
    sections: tuple[str, ...]


def covers(da: str, en: str, *sections: str) -> Covers:
    """A module's declaration: its title in Danish and English, then the sections it implements."""
    if not sections:
        raise ValueError("a rule covers at least one section")
    return Covers(Text(da, en), tuple(sections))


def package_modules(package_name: str) -> list[ModuleType]:
    """The modules of one package (not its subpackages), imported, in the order of their names."""
    package = importlib.import_module(package_name)
    return [
        importlib.import_module(f"{package_name}.{info.name}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name)
        if not info.ispkg
    ]


def _modules() -> list[ModuleType]:
    return [module for name in PACKAGES for module in package_modules(name)]


@cache
def rule_modules() -> tuple[tuple[str, Covers], ...]:
    """Every rule module (``"sections.afsnit7_youth_housing"``) with what it covers, in order.

    Raises ``LookupError`` for a module that declares no ``COVERS`` at all."""
    out = []
    for module in _modules():
        if not hasattr(module, "COVERS"):
            raise LookupError(f"{module.__name__} declares no COVERS (use None for a helper)")
        declared = module.COVERS
        if declared is not None:
            out.append((module.__name__.removeprefix("udlejning."), declared))
    return tuple(out)
