"""The compiled code of the methods ``@dataclass`` writes, for the browser's wheel.

dataclasses writes the ``__init__``, ``__repr__``, ``__eq__`` (and so on) of each class as source
text and runs it with ``exec``, which first compiles it. In Pyodide that compiling is about half
of importing the rules package. The wheel the browser loads also carries
``dataclass_code.marshal``, written at build time by ``build_scripts/pyodide_compile.mjs`` with the
same Pyodide (:func:`recorder`, :func:`packed`): each source text dataclasses ran while the
package was imported and used, with its compiled code. :func:`install` (run first by
``udlejning/__init__.py``) gives the dataclasses module an ``exec`` that runs the compiled code of
a source text it knows and compiles any other one, so every class comes out as it would without
it. Outside the browser's wheel (no such file, or one another Python version wrote) it does
nothing.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
import os
from collections.abc import Callable, Mapping
from types import CodeType
from typing import Any

PACKED = "dataclass_code.marshal"
# How often the installed exec had the compiled code, and how often it had to compile.
counts = {"known": 0, "compiled": 0}


def _packed() -> dict[str, CodeType] | None:
    """{source text: compiled code} from the wheel, or None (no file, or another Python's)."""
    try:
        raw = __loader__.get_data(os.path.join(os.path.dirname(__file__), PACKED))  # type: ignore[name-defined]
    except OSError:
        return None
    try:
        magic, codes = marshal.loads(raw)
    except (EOFError, ValueError, TypeError):  # cut short, or a marshal format of another Python
        return None
    return codes if magic == importlib.util.MAGIC_NUMBER and isinstance(codes, dict) else None


def install() -> None:
    """Lets dataclasses run the compiled code the wheel carries (nothing without it)."""
    codes = _packed()
    if codes:
        dataclasses.exec = exec_with(codes)  # type: ignore[attr-defined]  # a module global shadows the builtin


def exec_with(codes: Mapping[str, CodeType]) -> Callable[..., None]:
    """An ``exec`` that runs ``codes[source]`` for a source text in ``codes``, else the source."""

    def exec_known(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        code = codes.get(source) if isinstance(source, str) else None
        counts["known" if code is not None else "compiled"] += 1
        exec(source if code is None else code, globals, locals)

    return exec_known


def recorder() -> tuple[Callable[..., None], dict[str, CodeType]]:
    """An ``exec`` for dataclasses that compiles each source text as ``exec`` does and keeps it,
    and the dict it keeps them in (build time)."""
    codes: dict[str, CodeType] = {}

    def exec_recording(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if isinstance(source, str):
            if source not in codes:
                codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            source = codes[source]
        exec(source, globals, locals)

    return exec_recording, codes


def packed(codes: Mapping[str, CodeType]) -> bytes:
    """``dataclass_code.marshal`` from {source text: compiled code}: what the wheel carries."""
    return marshal.dumps((importlib.util.MAGIC_NUMBER, dict(sorted(codes.items()))))
