"""The runtime as the site ships it (issue 13, items 2, 3 and 5): the lockfile written by
pyodide-lock lists only our wheel with its true sha256, the stdlib holds only precompiled
``.pyc`` files, every runtime name carries its content hash, and the manifest
(``site/assets-manifest.json``) matches the files and the worker's ``runtime.mjs``."""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
sys.path.insert(0, str(ROOT / "build_scripts"))
from runtime_assets import runtime_of_module  # noqa: E402


def manifest() -> dict[str, dict[str, object]]:
    return json.loads((SITE / "assets-manifest.json").read_text(encoding="utf-8"))


def described_runtime() -> dict[str, Any]:
    """What the published runtime.mjs tells the worker."""
    return runtime_of_module((SITE / "assets" / "calculator" / "runtime.mjs").read_text("utf-8"))


def entries() -> list[dict[str, object]]:
    data = manifest()
    runtime = data["runtime"]
    return [*runtime.values(), data["stdlib"], data["lockfile"], data["wheel"]]  # type: ignore[list-item]


def test_every_runtime_file_matches_its_sha256_sri_and_hashed_name() -> None:
    for entry in entries():
        path = SITE / str(entry["url"])
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert entry["sha256"] == digest, path
        assert entry["integrity"] == "sha256-" + base64.b64encode(bytes.fromhex(digest)).decode()
        assert entry["bytes"] == path.stat().st_size
        # The hash is in the file's name or in its directory's name.
        assert re.search(r"[-./][0-9a-f]{12}[./]", "/" + str(entry["path"])), entry["path"]


def test_the_lockfile_lists_only_the_wheel_with_its_true_sha256() -> None:
    data = manifest()
    lock = json.loads((SITE / str(data["lockfile"]["url"])).read_text(encoding="utf-8"))
    assert list(lock["packages"]) == ["udlejning"]
    entry = lock["packages"]["udlejning"]
    assert entry["sha256"] == data["wheel"]["sha256"]
    assert entry["file_name"] == data["wheel"]["path"]
    assert entry["imports"] == ["udlejning"] and entry["depends"] == []
    npm = json.loads((ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"] == npm["info"]


def test_the_stdlib_is_trimmed_and_precompiled() -> None:
    data = manifest()
    with zipfile.ZipFile(SITE / str(data["stdlib"]["url"])) as zf:
        names = zf.namelist()
    assert names and all(name.endswith(".pyc") for name in names)
    # What the rules and Pyodide's start-up need is there; what they do not, is not.
    for needed in ("json/__init__.pyc", "datetime.pyc", "tomllib/__init__.pyc", "zipfile/__init__.pyc"):  # fmt: skip
        assert needed in names
    assert "unittest/__init__.pyc" not in names and "sqlite3/__init__.pyc" not in names
    npm = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    with zipfile.ZipFile(npm) as zf:
        assert len(names) < len(zf.namelist()) / 3


def test_the_wheel_carries_a_pyc_for_every_module_and_no_sources_or_unread_data() -> None:
    with zipfile.ZipFile(SITE / str(manifest()["wheel"]["url"])) as zf:
        names = set(zf.namelist())
        record = zf.read(next(n for n in names if n.endswith(".dist-info/RECORD"))).decode()
    package = ROOT / "calculator"
    modules = {p.relative_to(package).as_posix() for p in (package / "udlejning").rglob("*.py")}
    assert modules
    assert {n for n in names if n.endswith(".py")} == set()
    assert {m[:-3] + ".pyc" for m in modules} <= names
    # The TOML files are parsed into data_files.pickle, the JSON schemas never read in the
    # browser: zipimport reads fewer entries at the first import (issue 13).
    assert "udlejning/data_files.pickle" in names
    # And the compiled code of the methods @dataclass writes (udlejning/dataclass_code.py).
    assert "udlejning/dataclass_code.marshal" in names
    assert {n for n in names if n.endswith((".toml", ".json"))} == set()
    listed = {line.split(",", 1)[0] for line in record.splitlines() if line}
    assert listed == names, "RECORD lists exactly the files of the wheel"


def _docstrings(source: str, kinds: tuple[type, ...]) -> list[str]:
    """The first line of each docstring of those kinds of node (Python 3.13+ compiles a docstring
    without its indentation, so only its first line is as in the source)."""
    return [
        doc.splitlines()[0]
        for node in ast.walk(ast.parse(source))
        if isinstance(node, kinds)
        if (doc := ast.get_docstring(node, clean=False))
    ]


def test_the_compiled_python_leaves_out_docstrings_but_keeps_asserts() -> None:
    # Nothing in the browser reads a module's or a function's docstring; left out, they save
    # ~12 % of the stdlib's bytes and ~8 % of the wheel's (build_scripts/pyodide_compile.mjs).
    # A class keeps its own (a dataclass without one gets one made from its signature at
    # import), and an assert is code: both stay.
    package = ROOT / "calculator"
    with zipfile.ZipFile(SITE / str(manifest()["wheel"]["url"])) as zf:
        compiled = {n: zf.read(n) for n in zf.namelist() if n.endswith(".pyc")}
    left_out = kept = 0
    for path in sorted((package / "udlejning").rglob("*.py")):
        pyc = compiled[path.relative_to(package).with_suffix(".pyc").as_posix()]
        source = path.read_text(encoding="utf-8")
        for doc in _docstrings(source, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
            if len(doc) >= 20:
                assert doc.encode("utf-8") not in pyc, (path, doc[:60])
                left_out += 1
        for doc in _docstrings(source, (ast.ClassDef,)):
            if len(doc) >= 20:
                assert doc.encode("utf-8") in pyc, (path, doc[:60])
                kept += 1
    assert left_out > 100 and kept > 20
    assert b" has no known_for_months" in compiled["udlejning/texts.pyc"]  # an assert's message
    with zipfile.ZipFile(SITE / str(manifest()["stdlib"]["url"])) as zf:
        json_pyc = zf.read("json/__init__.pyc")
    assert b"JSON (JavaScript Object Notation)" not in json_pyc
    assert b"utf-8" in json_pyc


def test_the_worker_loads_what_the_manifest_lists() -> None:
    described = described_runtime()
    data = manifest()
    assert described["stdlib"]["sha256"] == data["stdlib"]["sha256"]
    assert described["wheel"]["sha256"] == data["wheel"]["sha256"]
    assert "assets/pyodide/" + described["index"] == data["index_url"]
    worker = data["worker"]["worker.mjs"]
    hashed = (SITE / str(worker["hashed_url"])).read_text(encoding="utf-8")
    for name in ("runtime.mjs", "snapshot.mjs", "timings.mjs"):
        copy = str(data["worker"][name]["hashed_url"]).rsplit("/", 1)[1]
        assert f'from "./{copy}"' in hashed
    # Only hashed (immutable) modules below the hashed worker, and the page starts that one.
    assert not re.search(r'from "\./[a-z-]+\.mjs"', hashed)
    client = (SITE / "assets" / "calculator" / "worker-client.mjs").read_text(encoding="utf-8")
    assert f'new URL("./{str(worker["hashed_url"]).rsplit("/", 1)[1]}", import.meta.url)' in client


def test_precompressed_copies_exist_for_the_runtime() -> None:
    for entry in entries():
        path = SITE / str(entry["url"])
        if path.stat().st_size >= 4096:
            assert path.with_name(path.name + ".br").is_file(), path
            assert path.with_name(path.name + ".gz").is_file(), path


def test_the_download_size_is_what_nginx_sends_and_the_docs_quote_it() -> None:
    """The progress line's total (``RUNTIME.download_bytes``) is the sum of what nginx sends for
    the six runtime files (the brotli copy when it is smaller), and the tools page quotes it."""
    described = described_runtime()
    files = [
        *described["runtime"].values(),
        described["stdlib"],
        described["lockfile"],
        described["wheel"],
    ]
    for entry in files:
        path = SITE / "assets" / "pyodide" / str(entry["path"])
        brotli = path.with_name(path.name + ".br")
        sent = (
            min(path.stat().st_size, brotli.stat().st_size)
            if brotli.is_file()
            else path.stat().st_size
        )
        assert entry["wire_bytes"] == sent, path
    total = sum(int(entry["wire_bytes"]) for entry in files)
    assert described["download_bytes"] == total
    worker = (SITE / "assets" / "calculator" / "worker.mjs").read_text(encoding="utf-8")
    assert "const TOTAL_BYTES = RUNTIME.download_bytes;" in worker
    megabytes = f"{total / 1e6:.1f}"
    for page, figure in (
        ("vaerktoejer/index.html", megabytes.replace(".", ",")),
        ("en/vaerktoejer/index.html", megabytes),
    ):
        text = (SITE / page).read_text(encoding="utf-8")
        assert f"({figure} MB)" in text, page
