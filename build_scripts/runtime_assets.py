"""The browser runtime as the site serves it: precompiled, content-hashed, integrity-checked.

Called by ``build_site.py``. From Pyodide's npm files and the plain ``udlejning`` wheel it makes,
in ``build/pyodide/`` (published at ``assets/pyodide/``):

* ``<version>-<hash>/pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm``: Pyodide's core
  files in a directory named for their content (Pyodide finds the last two by name next to the
  first, so the directory carries the hash);
* ``python_stdlib.<hash>.zip``: the standard library trimmed to what start-up and the endpoints
  import, precompiled to ``.pyc`` by the same Pyodide under Node (``pyodide_compile.mjs``, which
  also checks that every endpoint gives the same answers with it);
* ``wheels/<hash>/udlejning-<version>-py3-none-any.whl``: the wheel with ``.pyc`` files;
* ``pyodide-lock.<hash>.json``: a lockfile written by ``pyodide-lock`` (``add_wheels_to_spec``,
  what ``pyodide lockfile add-wheels`` runs) that lists only our wheel, with its sha256.

and ``build/calculator/runtime.mjs`` (published at ``assets/calculator/``): the URLs, sha256 /
SRI and sizes of those files, imported by the worker. ``manifest()`` is the same data for
``site/assets-manifest.json`` (for the service worker and the integrator).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
COMPILER = ROOT / "build_scripts" / "pyodide_compile.mjs"
EXAMPLES = ROOT / "build_scripts" / "data" / "endpoint_examples.json"
CASES = ROOT / "tests" / "cases"
COMPRESS_CACHE = ROOT / "build" / "compress-cache"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Precompressed copies (.br and .gz) for these suffixes; nginx serves them with brotli_static and
# gzip_static (server/nginx.conf).
COMPRESSIBLE = {".wasm", ".mjs", ".js", ".zip", ".whl", ".json", ".html", ".css", ".svg", ".xml", ".txt", ".map"}  # fmt: skip
MIN_COMPRESS_BYTES = 512


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sri(hex_digest: str) -> str:
    return "sha256-" + base64.b64encode(bytes.fromhex(hex_digest)).decode("ascii")


def pyodide_version() -> str:
    return str(json.loads((PYODIDE_NPM / "package.json").read_text(encoding="utf-8"))["version"])


def exercise_inputs() -> list[list[str]]:
    """[endpoint, JSON text] pairs for every endpoint of the registry: its example, the extra
    documents of endpoint_examples.json, error paths, and the worked cases of tests/cases/."""
    from udlejning.endpoints import REGISTRY

    extra = json.loads(EXAMPLES.read_text(encoding="utf-8"))
    pairs = [[e.name, json.dumps(e.example, ensure_ascii=False)] for e in REGISTRY]
    pairs += [
        [name, json.dumps(doc, ensure_ascii=False)]
        for name, docs in extra.items()
        if not name.startswith("_")
        for doc in docs
    ]
    for e in REGISTRY:
        pairs += [[e.name, text] for text in ("{}", "[]", '"x"', "{", '{"date": "9999-12-01"}')]
    for path in sorted(CASES.glob("**/*.json")):
        name = "evaluate" if path.parent == CASES else path.parent.name
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"] if "cases" in data else [data]:
            pairs.append([name, json.dumps(case["input"], ensure_ascii=False)])
    return pairs


def compile_python(wheel: Path, out_dir: Path) -> tuple[Path, Path, list[str]]:
    """Trimmed .pyc stdlib and .pyc wheel from Pyodide under Node; the stdlib modules kept."""
    out_dir.mkdir(parents=True, exist_ok=True)
    inputs = out_dir / "inputs.json"
    inputs.write_text(json.dumps(exercise_inputs(), ensure_ascii=False), encoding="utf-8")
    cmd = ["node", str(COMPILER), str(PYODIDE_NPM), str(wheel), str(inputs), str(out_dir)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    # Pyodide's Node errors print a whole minified line: keep the report short.
    tail = "\n".join(line[:300] for line in result.stderr.splitlines()[-15:])
    if result.returncode != 0:
        raise SystemExit(f"precompiling Python in Pyodide failed:\n{tail}")
    print(tail.splitlines()[-1] if tail else "compiled")
    report = json.loads((out_dir / "compile.json").read_text(encoding="utf-8"))
    return out_dir / "python_stdlib.zip", out_dir / wheel.name, list(report["modules"])


def lockfile(wheel: Path, base: Path) -> str:
    """Pyodide's lockfile header with only our wheel, written by pyodide-lock."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    spec = PyodideLockSpec.from_json(PYODIDE_NPM / "pyodide-lock.json")
    spec.packages = {}
    spec = add_wheels_to_spec(spec, [wheel], base_path=base)
    # pyodide-lock finds a wheel's import names from its .py files; ours carries only .pyc.
    with zipfile.ZipFile(wheel) as zf:
        top = sorted({n.split("/")[0] for n in zf.namelist() if n.count("/") == 1 and n.endswith("/__init__.pyc")})  # fmt: skip
    for package in spec.packages.values():
        package.imports = top
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pyodide-lock.json"
        spec.to_json(path, indent=None)
        return path.read_text(encoding="utf-8")


def _place(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not (target.exists() and sha256_of(target) == sha256_of(source)):
        shutil.copyfile(source, target)
    target.chmod(0o644)


def _entry(path: Path, out_dir: Path) -> dict[str, object]:
    digest = sha256_of(path)
    size = path.stat().st_size
    return {
        "path": path.relative_to(out_dir).as_posix(),
        "sha256": digest,
        "integrity": sri(digest),
        "bytes": size,
        # what nginx sends: the brotli copy precompress() keeps when it is smaller
        "wire_bytes": min(size, len(_compressed(path, "br"))) if precompressible(path) else size,
    }


def publish(plain_wheel: Path, out_dir: Path, work_dir: Path) -> dict[str, object]:
    """Lay out the hashed runtime in ``out_dir``; return the runtime description (see above)."""
    stdlib, wheel, modules = compile_python(plain_wheel, work_dir)
    version = pyodide_version()
    runtime_hash = hashlib.sha256(
        b"".join(sha256_of(PYODIDE_NPM / name).encode() for name in RUNTIME_FILES)
    ).hexdigest()[:12]
    placed: list[Path] = []
    runtime_dir = out_dir / f"{version}-{runtime_hash}"
    for name in RUNTIME_FILES:
        placed.append(runtime_dir / name)
        _place(PYODIDE_NPM / name, placed[-1])
    stdlib_target = out_dir / f"python_stdlib.{sha256_of(stdlib)[:12]}.zip"
    wheel_target = out_dir / "wheels" / sha256_of(wheel)[:12] / wheel.name
    for source, target in ((stdlib, stdlib_target), (wheel, wheel_target)):
        _place(source, target)
        placed.append(target)
    lock_text = lockfile(wheel_target, out_dir)
    lock_hash = hashlib.sha256(lock_text.encode("utf-8")).hexdigest()
    lock_target = out_dir / f"pyodide-lock.{lock_hash[:12]}.json"
    lock_target.write_text(lock_text, encoding="utf-8")
    lock_target.chmod(0o644)
    placed.append(lock_target)
    _remove_others(out_dir, set(placed))
    files = {path.name: _entry(path, out_dir) for path in placed}
    return {
        "pyodide_version": version,
        # what a first start downloads (the worker's progress total; the docs quote it)
        "download_bytes": sum(int(entry["wire_bytes"]) for entry in files.values()),
        "index": f"{runtime_dir.name}/",
        "stdlib": files[stdlib_target.name],
        "lockfile": files[lock_target.name],
        "wheel": files[wheel_target.name],
        "runtime": {name: files[name] for name in RUNTIME_FILES},
        "stdlib_modules": len(modules),
    }


def _remove_others(out_dir: Path, keep: set[Path]) -> None:
    """Anything else in out_dir is output of an earlier build."""
    for path in sorted(out_dir.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


RUNTIME_EXPORT = "export const RUNTIME = "


def runtime_module(runtime: dict[str, object]) -> str:
    return (
        "// Generated by build_scripts/runtime_assets.py; do not edit. The runtime files the worker\n"
        "// loads (paths relative to assets/pyodide/), with sha256, SRI and raw sizes.\n"
        f"{RUNTIME_EXPORT}{json.dumps(runtime, indent=2)};\n"
    )


def runtime_of_module(text: str) -> dict[str, Any]:
    """The runtime description a ``runtime.mjs`` written by runtime_module() holds."""
    return json.loads(text.split(RUNTIME_EXPORT, 1)[1].rstrip().rstrip(";"))


def _compressed(source: Path, kind: str) -> bytes:
    """gzip -9 or brotli -q 11 of ``source``, cached by content (brotli on the wasm takes ~45 s)."""
    cached = COMPRESS_CACHE / f"{sha256_of(source)}.{kind}"
    if cached.is_file():
        return cached.read_bytes()
    data = source.read_bytes()
    if kind == "gz":
        out = gzip.compress(data, compresslevel=9, mtime=0)
    else:
        brotli = shutil.which("brotli")
        if brotli is None:
            raise SystemExit("the `brotli` command is missing: run `bash scripts/setup.sh`")
        out = subprocess.run([brotli, "-q", "11", "-c", str(source)], capture_output=True,
                             check=True).stdout  # fmt: skip
    COMPRESS_CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(out)
    return out


def precompressible(path: Path) -> bool:
    """Whether precompress() tries a .br/.gz copy of this file (kept only when smaller)."""
    return path.suffix in COMPRESSIBLE and path.stat().st_size >= MIN_COMPRESS_BYTES


def precompress(site_dir: Path) -> tuple[int, int]:
    """Write ``.br`` and ``.gz`` beside every compressible file of the site (kept only when
    smaller); return (files, bytes saved by brotli)."""
    count = saved = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or not precompressible(path):
            continue
        size = path.stat().st_size
        for kind in ("br", "gz"):
            data = _compressed(path, kind)
            if len(data) < size:
                target = path.with_name(f"{path.name}.{kind}")
                target.write_bytes(data)
                target.chmod(0o644)
                if kind == "br":
                    saved += size - len(data)
        count += 1
    return count, saved


def manifest(runtime: dict[str, object], site_dir: Path) -> dict[str, object]:
    """``site/assets-manifest.json``: every runtime file by role, with its URL from the site root."""
    base = "assets/pyodide/"

    def url(entry: object) -> dict[str, object]:
        assert isinstance(entry, dict)
        return {**entry, "url": base + str(entry["path"])}

    calculator = site_dir / "assets" / "calculator"
    workers = {}
    for name in (
        "worker-boot.mjs",
        "worker.mjs",
        "runtime.mjs",
        "snapshot.mjs",
        "timings.mjs",
        "wheel.mjs",
    ):
        hashed = sorted(calculator.glob(name.replace(".mjs", ".*.mjs")))
        workers[name] = {
            "url": f"assets/calculator/{name}",
            "hashed_url": f"assets/calculator/{hashed[-1].name}" if hashed else None,
            "sha256": sha256_of(calculator / name),
        }
    runtime_files = runtime["runtime"]
    assert isinstance(runtime_files, dict)
    return {
        "schema": 1,
        "pyodide_version": runtime["pyodide_version"],
        "index_url": base + str(runtime["index"]),
        "runtime": {name: url(entry) for name, entry in runtime_files.items()},
        "stdlib": url(runtime["stdlib"]),
        "lockfile": url(runtime["lockfile"]),
        "wheel": url(runtime["wheel"]),
        "worker": workers,
    }
