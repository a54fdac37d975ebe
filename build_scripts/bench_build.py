"""Benchmark: the wall time of building the whole site (a benchmark, not a test).

Runs ``python build_scripts/build_site.py`` (render the generated pages, build the wheel, copy
Pyodide, ``mkdocs build --strict``) in a fresh process, ``--runs`` times, pinned to at most
``--cores`` CPUs (default 2, like CI), and prints each run's wall time, the median and the
target (60 s). Every run rebuilds the site from scratch: mkdocs cleans ``site/`` each time.

It also times the parts in this process, once, to show where the time goes: rendering the
generated pages (``render_docs.render_all``) and ``mkdocs build`` on its own.

Usage: ``python build_scripts/bench_build.py [--runs N] [--cores N] [--no-render]``.
Exit code 0 even when the target is missed (it reports; tests decide pass/fail elsewhere), unless
a build fails.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build_scripts" / "build_site.py"
TARGET_SECONDS = 60.0


def _pin(cores: int):  # type: ignore[no-untyped-def]
    """A preexec_fn that limits the child to the first ``cores`` CPUs it may use (Linux)."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))[:cores]

    def pin() -> None:
        os.sched_setaffinity(0, allowed)

    return pin


def run_build(args: list[str], cores: int) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(BUILD), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_pin(cores),  # noqa: PLW1509 - only sets the CPU affinity
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.stdout.write(result.stdout)
        raise SystemExit(f"the build failed (exit code {result.returncode})")
    return elapsed


def time_parts(cores: int) -> dict[str, float]:
    """Time rendering the generated pages and a bare ``mkdocs build --strict``."""
    sys.path.insert(0, str(ROOT / "build_scripts"))
    import render_docs  # noqa: PLC0415 - a build script, imported from its folder

    start = time.perf_counter()
    render_docs.render_all()
    render = time.perf_counter() - start
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=ROOT,
        env=env,
        check=True,
        preexec_fn=_pin(cores),  # noqa: PLW1509
    )
    mkdocs = time.perf_counter() - start
    return {"render_docs.render_all()": render, "mkdocs build --strict": mkdocs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="how many full builds (default 3)")
    parser.add_argument("--cores", type=int, default=2, help="CPUs to use (default 2, like CI)")
    parser.add_argument(
        "--no-render", action="store_true", help="build from the committed generated pages"
    )
    args = parser.parse_args(argv)
    build_args = ["--no-render"] if args.no_render else []
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = min(args.cores, available or args.cores)
    print(
        f"site build benchmark: {args.runs} run(s) on {cores} core(s), target < {TARGET_SECONDS:.0f} s"
    )
    times = []
    for i in range(1, args.runs + 1):
        elapsed = run_build(build_args, cores)
        times.append(elapsed)
        print(f"  run {i}: {elapsed:.1f} s (wall time)")
    median = statistics.median(times)
    verdict = "within" if median < TARGET_SECONDS else "OVER"
    print(
        f"median {median:.1f} s, min {min(times):.1f} s, max {max(times):.1f} s: {verdict} the target"
    )
    print("parts (one run each, in this process):")
    for name, seconds in time_parts(cores).items():
        print(f"  {name}: {seconds:.1f} s")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load is not None:
        print(
            f"load average during the benchmark: {load[0]:.1f} (other work on the machine slows it)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
