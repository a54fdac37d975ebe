"""Build the whole static site into ``site/`` with one command.

Steps: render the generated docs pages; build the ``udlejning`` wheel reproducibly
(``SOURCE_DATE_EPOCH``); prepare ``build/pyodide/`` (``runtime_assets.py``: Pyodide's core files
from ``node_modules/pyodide``, a trimmed ``.pyc`` stdlib and a ``.pyc`` wheel compiled by that
Pyodide under Node, a lockfile from ``pyodide-lock`` listing only the wheel with its sha256, all
under content-hashed names) and ``build/calculator/runtime.mjs`` (their URLs and SRI for the
worker); then ``mkdocs build --strict`` (the hook in ``build_scripts/hooks.py`` publishes
``build/pyodide/`` at ``assets/pyodide/``); then hashed copies of the worker, the manifest
``site/assets-manifest.json`` and precompressed ``.br``/``.gz`` copies for nginx.

Usage: ``python build_scripts/build_site.py [--no-render]`` or ``python build_scripts/build_site.py
--wheel-only DIR`` (just build the wheel into DIR and print its path). ``--no-render`` builds from
the generated pages as committed (scripts/test.sh uses it, so tests/test_docs_generated.py can
catch pages that are out of date instead of the build silently rewriting them).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import hashed_assets
import hooks
import render_docs
import runtime_assets
import site_search

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
PYODIDE_OUT = ROOT / "build" / "pyodide"
CALCULATOR_BUILD = ROOT / "build" / "calculator"
SITE = ROOT / "site"
PACKAGE = "udlejning"
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


sha256_of = runtime_assets.sha256_of


def prepare_pyodide(out_dir: Path = PYODIDE_OUT) -> dict[str, object]:
    """Build the wheel, precompile it and the trimmed stdlib, lay out the content-hashed runtime
    with its lockfile in ``out_dir`` and write ``build/calculator/runtime.mjs``; return the
    runtime description (``runtime_assets.publish``)."""
    if not (PYODIDE_NPM / "pyodide.asm.wasm").is_file():
        raise SystemExit(f"{PYODIDE_NPM} is missing: run `bash scripts/setup.sh` (npm ci) first")
    work = ROOT / "build" / "pyc"
    wheel = build_wheel(ROOT / "build" / "wheel")
    runtime = runtime_assets.publish(wheel, out_dir, work)
    target = CALCULATOR_BUILD / "runtime.mjs"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = runtime_assets.runtime_module(runtime)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return runtime


# The modules worker.mjs imports (each by `from "./<name>"`), copied under content-hashed names.
WORKER_IMPORTS = ("runtime.mjs", "snapshot.mjs", "timings.mjs", "wheel.mjs")


def _hashed_copy(folder: Path, name: str, text: str) -> str:
    hashed = hashed_assets.hashed_name(folder / name, text)
    (folder / hashed).write_text(text, encoding="utf-8")
    return hashed


def hashed_entry_points(site_dir: Path = SITE) -> None:
    """Content-hashed copies of the worker's entry script (worker-boot.mjs), the worker module and
    the modules it imports (immutable: a repeat visit takes them from the HTTP cache without asking
    the server, and the service worker leaves them to the browser while online), and everything
    that starts the worker made to start the hashed entry: the inline start of each page that runs
    Python (start-python.js, its CSP hash updated) and worker-client.mjs (a restart). The unhashed
    files stay, for a page of an older build."""
    folder = site_dir / "assets" / "calculator"
    worker = (folder / "worker.mjs").read_text(encoding="utf-8")
    hashed_imports = {}
    for name in WORKER_IMPORTS:
        hashed = _hashed_copy(folder, name, (folder / name).read_text(encoding="utf-8"))
        if f'from "./{name}"' not in worker:
            raise SystemExit(f"worker.mjs no longer imports ./{name}: update WORKER_IMPORTS")
        worker = worker.replace(f'from "./{name}"', f'from "./{hashed}"')
        hashed_imports[name] = hashed
    hashed_worker = _hashed_copy(folder, "worker.mjs", worker)
    # The entry's own default (the worker <head> starts gives no name) is the hashed worker; it
    # imports the same hashed runtime.mjs as the worker (to start the WebAssembly early).
    boot_path, client_path = folder / "worker-boot.mjs", folder / "worker-client.mjs"
    boot = _pointed_at(boot_path, 'self.name || "./worker.mjs"', "./worker.mjs", hashed_worker)
    boot_path.write_text(boot, encoding="utf-8")
    boot = _pointed_at(boot_path, 'import("./runtime.mjs")', "./runtime.mjs", hashed_imports["runtime.mjs"])
    boot_path.write_text(boot, encoding="utf-8")
    hashed_boot = _hashed_copy(folder, "worker-boot.mjs", boot)
    client = _pointed_at(client_path, 'new URL("./worker.mjs", import.meta.url)', "./worker.mjs",
                         hashed_worker)  # fmt: skip
    client_path.write_text(client, encoding="utf-8")
    client = _pointed_at(client_path, 'new URL("./worker-boot.mjs", import.meta.url)',
                         "./worker-boot.mjs", hashed_boot)  # fmt: skip
    client_path.write_text(client, encoding="utf-8")
    pages = start_pages_at(site_dir, hashed_boot)
    if not pages:
        raise SystemExit("no page starts the rules worker: update start_pages_at")


def _pointed_at(path: Path, start: str, old: str, hashed: str) -> str:
    """The text of ``path`` with ``old`` (a module's name) replaced by the name of its hashed copy
    inside the snippet ``start``."""
    text = path.read_text(encoding="utf-8")
    if start not in text:
        raise SystemExit(f"{path.name} no longer has {start!r}: update hashed_entry_points")
    return text.replace(start, start.replace(old, f"./{hashed}"))


def start_pages_at(site_dir: Path, hashed_boot: str) -> int:
    """Every page's inline start of the rules worker (hooks.start_python_script) made to start
    ``hashed_boot``; the page's Content-Security-Policy allows the new script's sha256 instead of
    the old one's. Returns how many pages start the worker."""
    count = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        match = EARLY_START_RE.search(html)
        if match is None:
            continue
        old = match.group(0)
        new = old.replace("assets/calculator/worker-boot.mjs", f"assets/calculator/{hashed_boot}")
        if new == old:
            raise SystemExit(f"{page}: the worker's inline start no longer names worker-boot.mjs")
        (old_hash,), (new_hash,) = hooks.inline_script_hashes(old), hooks.inline_script_hashes(new)
        html = html.replace(old, new).replace(old_hash, new_hash)
        page.write_text(html, encoding="utf-8")
        count += 1
    return count


EARLY_START_RE = re.compile(r"<script>[^<]*udlejningEarlyWorker[^<]*</script>")


def finish_site(runtime: dict[str, object], site_dir: Path = SITE) -> None:
    """After mkdocs: hashed entry points, the assets manifest, precompressed copies."""
    print(site_search.apply(site_dir))
    hashed_entry_points(site_dir)
    print(hashed_assets.apply(site_dir))
    # offline.json again (the hook wrote it after mkdocs): it now lists the hashed worker copies.
    rules = hooks.rules_version(hooks._one_wheel(site_dir))
    (site_dir / "offline.json").write_text(
        json.dumps(hooks.offline_manifest(site_dir, rules), indent=0), encoding="utf-8"
    )
    manifest = runtime_assets.manifest(runtime, site_dir)
    # For the Content-Security-Policy header of server/site.conf: every inline script of the site.
    hashes = {h for page in sorted(site_dir.rglob("*.html")) for h in
              hooks.inline_script_hashes(page.read_text(encoding="utf-8"))}  # fmt: skip
    manifest["csp_script_hashes"] = sorted(hashes)
    (site_dir / "assets-manifest.json").write_text(
        json.dumps(manifest, indent=2) + "\n", encoding="utf-8"
    )
    count, saved = runtime_assets.precompress(site_dir)
    print(f"precompressed {count} files (.br and .gz; brotli saves {saved / 1e6:.1f} MB)")


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
    runtime = prepare_pyodide()
    wheel = runtime["wheel"]
    assert isinstance(wheel, dict)
    print(f"wheel {wheel['path']} sha256 {wheel['sha256']}")
    mkdocs_build()
    finish_site(runtime)
    print(f"site built in {time.perf_counter() - start:.1f} s (wall time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
