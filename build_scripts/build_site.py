"""Build the whole static site into ``site/`` with one command.

Steps: render the generated docs pages; build the ``udlejning`` wheel reproducibly
(``SOURCE_DATE_EPOCH``); prepare ``build/pyodide/`` with Pyodide's core files from
``node_modules/pyodide`` plus the wheel, and a ``pyodide-lock.json`` that lists the wheel with its
sha256 (the browser checks it); then ``mkdocs build --strict`` (the hook in
``build_scripts/hooks.py`` publishes ``build/pyodide/`` at ``assets/pyodide/``).

Usage: ``python build_scripts/build_site.py [--no-render]`` or ``python build_scripts/build_site.py
--wheel-only DIR`` (just build the wheel into DIR and print its path). ``--no-render`` builds from
the generated pages as committed (scripts/test.sh uses it, so tests/test_docs_generated.py can
catch pages that are out of date instead of the build silently rewriting them).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import render_docs

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
PYODIDE_OUT = ROOT / "build" / "pyodide"
PACKAGE = "udlejning"
PYODIDE_CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
# 2026-01-01T00:00:00Z: a fixed timestamp for the files inside the wheel, so the same sources
# always give the same wheel (and the same sha256 in the lockfile).
DEFAULT_SOURCE_DATE_EPOCH = "1767225600"


def build_wheel(out_dir: Path) -> Path:
    """Build the udlejning wheel into ``out_dir`` reproducibly; return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    with tempfile.TemporaryDirectory(prefix="wheel-") as tmp:
        cmd = [
            sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
            "--wheel-dir", tmp, str(ROOT),
        ]  # fmt: skip
        subprocess.run(cmd, check=True, env=env, cwd=ROOT)
        wheels = sorted(Path(tmp).glob(f"{PACKAGE}-*-py3-none-any.whl"))
        if len(wheels) != 1:
            raise SystemExit(f"expected one {PACKAGE} wheel, got {[w.name for w in wheels]}")
        for old in out_dir.glob(f"{PACKAGE}-*.whl"):
            old.unlink()
        target = out_dir / wheels[0].name
        shutil.move(str(wheels[0]), target)
    target.chmod(0o644)
    return target


def wheel_version(wheel: Path) -> str:
    # udlejning-0.1.0-py3-none-any.whl -> 0.1.0
    return wheel.name.split("-")[1]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_if_changed(source: Path, target: Path) -> None:
    if target.exists() and target.stat().st_size == source.stat().st_size:
        if sha256_of(target) == sha256_of(source):
            return
    shutil.copyfile(source, target)
    target.chmod(0o644)


def prepare_pyodide(out_dir: Path = PYODIDE_OUT) -> Path:
    """Copy Pyodide's core files, build the wheel, write the lockfile; return the wheel path."""
    if not (PYODIDE_NPM / "pyodide.asm.wasm").is_file():
        raise SystemExit(f"{PYODIDE_NPM} is missing: run `bash scripts/setup.sh` (npm ci) first")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_CORE_FILES:
        _copy_if_changed(PYODIDE_NPM / name, out_dir / name)
    wheel = build_wheel(out_dir)

    lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock["packages"][PACKAGE] = {
        "name": PACKAGE,
        "version": wheel_version(wheel),
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": sha256_of(wheel),
        "package_type": "package",
        "imports": [PACKAGE],
        "depends": [],
        "unvendored_tests": False,
        "tool": {},
    }
    lock_path = out_dir / "pyodide-lock.json"
    lock_path.write_text(json.dumps(lock, separators=(",", ":")), encoding="utf-8")
    lock_path.chmod(0o644)
    # Anything else in out_dir is stale output of an earlier build: remove it.
    keep = {*PYODIDE_CORE_FILES, wheel.name, lock_path.name}
    for path in out_dir.iterdir():
        if path.name not in keep:
            path.unlink()
    return wheel


def mkdocs_build() -> None:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", "mkdocs.yml"]
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel-only", metavar="DIR", type=Path, help="only build the wheel")
    parser.add_argument(
        "--no-render", action="store_true", help="do not rewrite the generated docs pages"
    )
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # keep our lines in order with mkdocs' log
    if args.wheel_only is not None:
        print(build_wheel(args.wheel_only.resolve()))
        return 0

    start = time.perf_counter()
    if args.no_render:
        problems = render_docs.check(render_docs.render_all())
        for problem in problems:
            print(problem, end="")
        if problems:
            print("warning: generated pages are out of date; building from the committed ones")
    else:
        for path in render_docs.write(render_docs.render_all()):
            print(f"rendered {path.relative_to(ROOT).as_posix()}")
    wheel = prepare_pyodide()
    print(f"wheel {wheel.name} sha256 {sha256_of(wheel)}")
    mkdocs_build()
    print(f"site built in {time.perf_counter() - start:.1f} s (wall time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
