"""Rules of *Rammeaftale om udlejning og anvisning 2024–2027* (Københavns Kommune and BL 1. kreds) as code.

Standard library only, so the same package runs in CPython and in Pyodide.
Entry points: :func:`udlejning.api.evaluate` (JSON-able dict in, dict out) and ``python -m udlejning``.
"""

__version__ = "0.2.0"

from udlejning import dataclass_code

# Before any module of the package defines a dataclass (see udlejning/dataclass_code.py).
dataclass_code.install()
