"""The package's TOML data files, read in one place.

From the source tree (CPython, the command line, the tests) each file is parsed with tomllib when
first asked for. The wheel the browser loads also carries ``data_files.pickle``, written at build
time by ``build_scripts/pyodide_compile.mjs`` with :func:`packed`: every TOML file of the package
already parsed. A start in Pyodide then neither parses TOML nor reads the wheel's directory with
zipfile (together about a third of the rules' import there); the build checks that the answers
are the same either way.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Mapping
from functools import cache
from typing import Any

PACKED = "data_files.pickle"


@cache
def _packed() -> dict[str, bytes] | None:
    """{path in the package: the parsed file, pickled}, or None outside the browser's wheel."""
    try:
        raw = __loader__.get_data(os.path.join(os.path.dirname(__file__), PACKED))
    except OSError:
        return None
    return pickle.loads(raw)


def _package_file(name: str) -> Any:
    from importlib import resources

    return resources.files("udlejning").joinpath(*name.split("/"))


def toml(name: str) -> dict[str, Any]:
    """The TOML file ``name`` (a path in the package, e.g. ``"parameters/x.toml"``), parsed; a
    fresh copy on every call, as tomllib gives."""
    packed = _packed()
    if packed is not None:
        return pickle.loads(packed[name])
    import tomllib

    return tomllib.loads(_package_file(name).read_text(encoding="utf-8"))


def toml_names(folder: str) -> list[str]:
    """The names of the TOML files directly in ``folder`` (a path in the package), sorted."""
    packed = _packed()
    if packed is not None:
        prefix = f"{folder}/"
        inside = (n.removeprefix(prefix) for n in packed if n.startswith(prefix))
        return sorted(n for n in inside if "/" not in n)
    return sorted(e.name for e in _package_file(folder).iterdir() if e.name.endswith(".toml"))


def packed(files: Mapping[str, str]) -> bytes:
    """``data_files.pickle`` from {path in the package: TOML text}: what the wheel carries."""
    import tomllib

    return pickle.dumps({name: pickle.dumps(tomllib.loads(files[name])) for name in sorted(files)})
