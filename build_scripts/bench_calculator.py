"""Benchmark of the browser calculator (not a test). Measures, in one run, against the built site:

1. Start-up: navigation -> calculator ready (the form's "ready", i.e. Python started, the rules
   package imported and warmed up) on ``/beregner/``, divided by navigation -> bare Pyodide ready
   (``loadPyodide`` in a module worker, nothing else) on the same page with the calculator script
   swapped for a bare one. Both are first visits in fresh browser contexts, interleaved; the
   ratio of the medians is the result (the ratio of the minimums is printed too, as start-up is
   CPU-bound and other work on the machine adds noise; the load average is printed).
   Target: ratio <= 1.3.
2. Evaluation latency in the browser: round trip page -> worker -> page for ``evaluate`` (and
   ``priority``, and the pair the form sends on each change), over varied households.
   Target: p95 of ``evaluate`` <= 20 ms.
3. Bytes sent by the server on a first visit to ``/beregner/`` (until the calculator is ready and
   the service worker has stored the page), divided by the size of Pyodide's core files.

Usage: ``python build_scripts/bench_calculator.py [--runs 5] [--calls 300]`` after
``python build_scripts/build_site.py``. Needs Debian's ``/usr/bin/chromium`` and Playwright.
The server is Python's (no compression), so bytes are raw bytes.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import statistics
import sys
import threading
import time
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CORE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
TIMEOUT_MS = 180_000
# The calculator's status line says when the service worker holds what a later visit needs (the
# last thing a first visit does); the bare page has no service worker.
OFFLINE_READY = "() => { const s = document.querySelector('#ub-status'); return !s || s.dataset.offline === 'ready'; }"

# The bare page: /beregner/ with the calculator script replaced by one that only starts Pyodide
# in a module worker and sets the same performance mark when it is ready.
BARE_SCRIPT = """
performance.mark("udlejning:start");
const worker = new Worker("/__bench/bare-worker.mjs", { type: "module" });
worker.addEventListener("message", () => performance.mark("udlejning:ready"));
"""
BARE_WORKER = """
import { loadPyodide } from "/assets/pyodide/pyodide.mjs";
await loadPyodide({ indexURL: "/assets/pyodide/" });
self.postMessage("ready");
"""

LATENCY_JS = """
async ({calls}) => {
  const worker = new Worker("/assets/calculator/worker.mjs", { type: "module" });
  await new Promise((resolve, reject) => {
    worker.addEventListener("message", (e) => {
      if (e.data.type === "ready") resolve();
      if (e.data.type === "failed") reject(new Error(e.data.payload.message));
    });
  });
  let next = 1;
  const pending = new Map();
  worker.addEventListener("message", (e) => {
    const entry = pending.get(e.data.id);
    if (entry) { pending.delete(e.data.id); entry(e.data); }
  });
  const send = (fn, payload) => new Promise((resolve) => {
    const id = next++;
    pending.set(id, resolve);
    worker.postMessage({ id, type: "call", fn, payload });
  });
  const kinds = ["employee", "self_employed", "flexjob", "project", "none", "elev"];
  const stairs = [["afdelingstrappe", 1], ["afdelingstrappe", 2], ["afdelingstrappe", 3],
                  ["afdelingstrappe", 4], ["omraadetrappe", 1], ["omraadetrappe", 2]];
  const household = (i) => {
    const people = [{
      id: "Person 1", role: "applicant", age: 18 + (i % 60),
      employment: { kind: kinds[i % kinds.length], hours_per_week: String(10 + (i % 30)),
                    project_months_documented: i % 7, monthly_gross_income: String(15000 + 97 * i) },
      pension: "none", education: { kind: i % 3 ? "none" : "su", starts_on: "2025-08-15" },
      convictions: i % 4 ? [] : [{ year: 2024, law: "straffeloven" }],
      completed_education: { above_grundskole: i % 2 === 0, country: "dk", completed_on: "2012-06-30" },
      income: { taxable_in_dk: true, monthly_gross: String(18000 + 211 * i) },
      needs_accessible_home: i % 5 === 0,
    }];
    for (let k = 0; k < i % 4; k++) {
      people.push({ id: `Person ${k + 2}`, role: k === 0 ? "spouse" : "child", age: k === 0 ? 40 : 5 + k,
                    employment: { kind: "employee", hours_per_week: String(20 + k) } });
    }
    return { date: "2026-03-01", household: people,
             separation: { happened: i % 6 === 0, date: "2025-05-01", married: true,
                           copenhagen_address_before: true },
             parameters: { "skaerpede.income.monthly_amount": "24000" } };
  };
  const times = { evaluate: [], priority: [], pair: [] };
  for (let i = 0; i < calls; i++) {
    const doc = household(i);
    const [stair, trin] = stairs[i % stairs.length];
    let t = performance.now();
    const e = await send("evaluate", doc);
    times.evaluate.push(performance.now() - t);
    if (!e.payload.ok) throw new Error(JSON.stringify(e.payload.errors));
    t = performance.now();
    await send("priority", { ...doc, situation: { stair, trin } });
    times.priority.push(performance.now() - t);
    t = performance.now();
    await Promise.all([send("evaluate", doc), send("priority", { ...doc, situation: { stair, trin } })]);
    times.pair.push(performance.now() - t);
  }
  worker.terminate();
  return times;
}
"""


class Counter:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.total = 0
        self.by_path: dict[str, int] = {}

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.total += size
            self.by_path[path] = self.by_path.get(path, 0) + size

    def reset(self) -> None:
        with self.lock:
            self.total = 0
            self.by_path = {}


class _CountingWriter:
    def __init__(self, raw, counter: Counter, handler) -> None:  # type: ignore[no-untyped-def]
        self.raw = raw
        self.counter = counter
        self.handler = handler

    def write(self, data: bytes) -> int:
        self.counter.add(getattr(self.handler, "path", "?").split("?")[0], len(data))
        return self.raw.write(data)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.raw, name)


def make_handler(counter: Counter, bare_html: bytes):  # type: ignore[no-untyped-def]
    virtual = {
        "/__bench/": ("text/html; charset=utf-8", bare_html),
        "/__bench/bare.mjs": ("text/javascript", BARE_SCRIPT.encode()),
        "/__bench/bare-worker.mjs": ("text/javascript", BARE_WORKER.encode()),
    }

    class Handler(http.server.SimpleHTTPRequestHandler):
        def setup(self) -> None:
            super().setup()
            self.wfile = _CountingWriter(self.wfile, counter, self)

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if path in virtual:
                kind, body = virtual[path]
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return functools.partial(Handler, directory=str(SITE))


def bare_page() -> bytes:
    html = (SITE / "beregner" / "index.html").read_text(encoding="utf-8")
    html, count = re.subn(
        r'<script src="[^"]*assets/calculator/calculator\.mjs" type="module"></script>',
        '<script src="/__bench/bare.mjs" type="module"></script>',
        html,
    )
    if count != 1:
        raise SystemExit("could not find the calculator script in site/beregner/index.html")
    # Served at /__bench/: the same depth as /beregner/, so its relative links resolve the same.
    return html.encode("utf-8")


def ready_time(browser: Browser, url: str, *, reload: bool = False) -> float:
    """Milliseconds from navigation start to the "udlejning:ready" mark, in a fresh context."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(
            "() => performance.getEntriesByName('udlejning:ready').length > 0", timeout=TIMEOUT_MS
        )
        first = page.evaluate("() => performance.getEntriesByName('udlejning:ready')[0].startTime")
        if not reload:
            return float(first)
        page.wait_for_function(OFFLINE_READY, timeout=TIMEOUT_MS)
        page.reload()
        page.wait_for_function(
            "() => performance.getEntriesByName('udlejning:ready').length > 0", timeout=TIMEOUT_MS
        )
        return float(
            page.evaluate("() => performance.getEntriesByName('udlejning:ready')[0].startTime")
        )
    finally:
        context.close()


def first_visit_bytes(browser: Browser, url: str, counter: Counter) -> dict[str, int]:
    context = browser.new_context()
    try:
        page = context.new_page()
        counter.reset()
        page.goto(url)
        page.wait_for_function(
            "() => performance.getEntriesByName('udlejning:ready').length > 0", timeout=TIMEOUT_MS
        )
        page.wait_for_function(OFFLINE_READY, timeout=TIMEOUT_MS)
        page.wait_for_load_state("networkidle")
        time.sleep(1.0)
        with counter.lock:
            return dict(counter.by_path)
    finally:
        context.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="start-ups of each kind (median)")
    parser.add_argument("--calls", type=int, default=300, help="calls for the latency")
    args = parser.parse_args(argv)
    if not (SITE / "assets" / "pyodide" / "pyodide.asm.wasm").is_file():
        raise SystemExit("site/ is not built: run `python build_scripts/build_site.py` first")

    load_before = os.getloadavg()
    counter = Counter()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(counter, bare_page()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results: dict[str, object] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                # Warm the OS file cache and Chromium once; not counted.
                ready_time(browser, f"{base}/__bench/")
                calculator, bare, second = [], [], []
                for _ in range(args.runs):
                    bare.append(ready_time(browser, f"{base}/__bench/"))
                    calculator.append(ready_time(browser, f"{base}/beregner/"))
                second.append(ready_time(browser, f"{base}/beregner/", reload=True))
                results["startup_ms"] = {
                    "calculator_first_visit": calculator,
                    "bare_pyodide_first_visit": bare,
                    "calculator_second_visit_from_service_worker": second,
                }
                ratio = statistics.median(calculator) / statistics.median(bare)

                sizes = {n: (SITE / "assets" / "pyodide" / n).stat().st_size for n in CORE_FILES}
                core = sum(sizes.values())
                by_path = first_visit_bytes(browser, f"{base}/beregner/", counter)
                bare_bytes = first_visit_bytes(browser, f"{base}/__bench/", counter)
                total = sum(by_path.values())

                context = browser.new_context(base_url=base)
                page = context.new_page()
                page.goto("/beregner/")
                page.wait_for_function(
                    "() => performance.getEntriesByName('udlejning:ready').length > 0",
                    timeout=TIMEOUT_MS,
                )
                times = page.evaluate(LATENCY_JS, {"calls": args.calls})
                context.close()
            finally:
                browser.close()
    finally:
        server.shutdown()

    def stats(values: list[float]) -> dict[str, float]:
        return {
            "median_ms": round(statistics.median(values), 2),
            "p95_ms": round(percentile(values, 95), 2),
            "max_ms": round(max(values), 2),
        }

    latency = {name: stats(values) for name, values in times.items()}
    top = sorted(by_path.items(), key=lambda kv: -kv[1])[:8]
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "note": "start-up is CPU-bound: other work on the machine inflates both times",
        },
        "startup": {
            "calculator_ready_median_ms": round(statistics.median(calculator), 1),
            "bare_pyodide_ready_median_ms": round(statistics.median(bare), 1),
            "ratio": round(ratio, 3),
            "target_ratio": 1.3,
            "calculator_ready_min_ms": round(min(calculator), 1),
            "bare_pyodide_ready_min_ms": round(min(bare), 1),
            "ratio_of_minimums": round(min(calculator) / min(bare), 3),
            "second_visit_ready_ms": round(second[0], 1),
            "runs": results["startup_ms"],
        },
        "latency": {**latency, "calls": args.calls, "target_evaluate_p95_ms": 20},
        "first_visit_bytes": {
            "total": total,
            "pyodide_core_files": core,
            "ratio": round(total / core, 3),
            "bare_pyodide_page_total": sum(bare_bytes.values()),
            "largest": dict(top),
        },
    }
    print(json.dumps(report, indent=2))
    print(
        f"\nstart-up ratio {ratio:.2f} (target <= 1.3); evaluate p95 "
        f"{latency['evaluate']['p95_ms']:.1f} ms (target <= 20); first-visit bytes / core files "
        f"{total / core:.2f}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
