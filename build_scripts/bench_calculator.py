"""Benchmark of the browser calculator (not a test). Measures, in one run, through the
repository's nginx configuration (server/, as scripts/serve.sh serves the site):

1. First visit: navigation -> calculator ready on ``/beregner/`` (Python started from the
   precompiled stdlib, the rules package imported and warmed up), divided by navigation -> bare
   Pyodide ready (``loadPyodide()`` in a module worker, nothing else, with Pyodide's own
   ``python_stdlib.zip``) on a copy of the page with the calculator script swapped for a bare one,
   served by the same nginx from the same runtime files. Fresh browser contexts, alternating which
   goes first, ``--runs`` (>= 7) of each; ratio of the medians. Goal <= 0.5.
2. Repeat visit: the same context reloads after the first visit stored its memory snapshot and
   the service worker its files; divided by the bare page's first visit (and, printed too, by
   the bare page's own repeat visit). Goal <= 0.2.
   Beside them, a third page in the first visits, the floor: the same bare start, but from the
   calculator's own precompiled stdlib and lockfile (``__bench-floor/``). It is as fast as
   Pyodide starts from what the calculator downloads, with nothing of the calculator's own
   (no rules package, no snapshot); printed as floor / bare and calculator / floor.
3. Bytes nginx sent (``$bytes_sent``, headers included) on a first visit to ``/beregner/`` until
   the calculator is ready and the service worker has stored the page, divided by the raw size of
   Pyodide's core files (``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm``,
   ``python_stdlib.zip``, ``pyodide-lock.json`` from the npm package). Goal <= 0.45.
4. ``evaluate`` round trip page -> worker -> page in the browser: median and p95.

Each visitor is a browser with a new profile folder of its own (``--browser profile``, as a
visitor's browser has one), or a fresh incognito context of one browser (``--browser incognito``:
Chromium keeps no compiled-wasm code cache off the record, so repeat visits compile again).

Usage: ``python build_scripts/bench_calculator.py [--runs 7] [--calls 300] [--browser profile]`` after
``python build_scripts/build_site.py``. Needs Debian's chromium and nginx (scripts/setup.sh).
Start-up is CPU-bound: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hooks  # noqa: E402
import runtime_assets  # noqa: E402
from nginx_conf import Nginx  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
NPM = ROOT / "node_modules" / "pyodide"
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
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")  # fmt: skip
TIMEOUT_MS = 180_000
BENCH = "__bench"
FLOOR = "__bench-floor"
READY = "() => performance.getEntriesByName('udlejning:ready').length > 0"
READY_AT = "() => performance.getEntriesByName('udlejning:ready')[0].startTime"
# The last things a first visit does: the service worker (registered once Python is ready) is
# installed, its pre-cache of the site done (``precached`` of offline.json's files stored), and it
# holds the page and the runtime; the worker stored its memory snapshot (the page marks its
# message). The bare page has none of these. Without the pre-cache check, a repeat visit could
# start while the first one's pre-cache still runs, and measure that too.
SETTLED = """async (precached) => {
  const s = document.querySelector('#ub-status');
  if (!s) return true;
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration || registration.installing || registration.waiting || !registration.active) return false;
  const site = (await caches.keys()).find((name) => name.startsWith('udlejning-site-'));
  if (!site || (await (await caches.open(site)).keys()).length < precached) return false;
  const snapshot = performance.getEntriesByName('udlejning:snapshot')[0];
  if (snapshot && snapshot.detail.state !== 'stored') throw new Error('no snapshot: ' + snapshot.detail.state);
  return s.dataset.offline === 'ready' && Boolean(snapshot);
}"""
BARE_SCRIPT = """
performance.mark("udlejning:start");
new Worker("/%(page)s/bare-worker.mjs", { type: "module" }).addEventListener("message", (event) => {
  performance.mark("udlejning:worker-ready", { detail: event.data });
  performance.mark("udlejning:ready");
});
"""
# The same phase timings as the calculator's worker (assets/calculator/timings.mjs).
BARE_WORKER = """
import { startTimings } from "/assets/calculator/timings.mjs";
const timings = startTimings();
const { loadPyodide } = await timings.span("pyodide_import", import("/assets/pyodide/%(index)spyodide.mjs"));
await loadPyodide({
  indexURL: "/assets/pyodide/%(index)s",
  stdLibURL: "/assets/pyodide/%(stdlib)s",
  lockFileURL: "/assets/pyodide/%(lockfile)s",
});
const files = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json", "pyodide.mjs", "pyodide.asm.mjs"];
self.postMessage({ snapshot: "none", timings: timings.report(timings.now(), files) });
"""
# Where the time went on one visit, on the page's timeline (ms since navigation start): the
# worker's phases (timings.mjs) and its runtime files, whether the memory snapshot was used and
# whether a service worker controlled the page.
TIMELINE = """() => {
  const rel = (t) => Math.round(t - performance.timeOrigin);
  const last = (name) => performance.getEntriesByName(name).slice(-1)[0] || null;
  const nav = performance.getEntriesByType("navigation")[0];
  const detail = (last("udlejning:worker-ready") || {}).detail || {};
  const timings = detail.timings || { phases: {}, files: {} };
  const phases = { html: [Math.round(nav.startTime), Math.round(nav.responseEnd)] };
  const start = last("udlejning:start");
  if (start) phases.page_script = [Math.round(nav.responseEnd), Math.round(start.startTime)];
  for (const [name, [a, b]] of Object.entries(timings.phases)) phases[name] = [rel(a), rel(b)];
  const files = {};
  for (const [name, f] of Object.entries(timings.files)) files[name] = [rel(f.start), rel(f.end), f.source];
  return {
    origin: performance.timeOrigin,
    ready: last("udlejning:ready").startTime,
    snapshot: detail.snapshot || "none",
    controlled: Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
    phases,
    files,
  };
}"""

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


def install_bare_page(site: Path, index: str) -> Path:
    """``site/__bench/``: /beregner/ with the calculator's scripts taken out and the bare start put
    where the calculator starts Python (an inline script at the top of <head>, start-python.js), so
    both start at the same point of the same page, allowed by the same Content-Security-Policy
    (its sha256 added to the page's and to nginx's); Pyodide's own stdlib and lockfile in
    ``assets/pyodide/__bench/`` (the same immutable caching and .br/.gz copies as the
    calculator's runtime files). And ``site/__bench-floor/``: the same page and start, from the
    calculator's own stdlib and lockfile (the floor)."""
    html = (site / "beregner" / "index.html").read_text(encoding="utf-8")
    manifest_path = site / "assets-manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    files = site / "assets" / "pyodide" / BENCH
    files.mkdir(exist_ok=True)
    for name in ("python_stdlib.zip", "pyodide-lock.json"):  # Pyodide's own, as a bare start has
        shutil.copyfile(NPM / name, files / name)
    runtime_assets.precompress(files)
    own = {"stdlib": f"{BENCH}/python_stdlib.zip", "lockfile": f"{BENCH}/pyodide-lock.json"}
    calculators = {"stdlib": manifest["stdlib"]["path"], "lockfile": manifest["lockfile"]["path"]}
    for page, runtime in ((BENCH, own), (FLOOR, calculators)):
        script = f"<script>{BARE_SCRIPT % {'page': page}}</script>"
        digest = hooks.inline_script_hashes(script)[0]
        manifest["csp_script_hashes"].append(digest)
        folder = site / page
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(bare_page_html(html, script, digest), encoding="utf-8")
        worker = BARE_WORKER % {"index": index, **runtime}
        (folder / "bare-worker.mjs").write_text(worker, encoding="utf-8")
        runtime_assets.precompress(folder)
    manifest_path.unlink()  # a hard link to site/'s: write a file of the copy's own
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return site / BENCH


def bare_page_html(html: str, script: str, digest: str) -> str:
    """The calculator's page ``html`` with its start of Python replaced by ``script`` (allowed by
    its sha256, ``digest``) and its page script taken out."""
    html, count = re.subn(
        r"<script>[^<]*udlejningEarlyWorker[^<]*</script>", lambda _: script, html
    )
    html, removed = re.subn(
        r'<script src="[^"]*assets/calculator/calculator(\.[0-9a-f]{12})?\.mjs" type="module"></script>',
        "",
        html,
    )
    if (count, removed) != (1, 1):
        raise SystemExit("could not find the calculator's scripts in site/beregner/index.html")
    return html.replace("script-src 'self'", f"script-src 'self' {digest}", 1)


def precached() -> int:
    """How many files a first visit's service worker stores before it counts as settled: most of
    offline.json's pre-cache (a file that fails is skipped by sw.js, so not all)."""
    manifest = json.loads((SITE / "offline.json").read_text(encoding="utf-8"))
    return int(len(manifest["precache"]) * 0.9)


def wait_settled(page: Page) -> None:
    """Polls SETTLED with ``page.evaluate``, which awaits its promise (``wait_for_function`` does
    not: an async predicate's promise counts as true at once)."""
    count = precached()
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not page.evaluate(SETTLED, count):
        if time.monotonic() > deadline:
            raise TimeoutError("the first visit did not settle (service worker, snapshot)")
        time.sleep(0.2)


class Browsers:
    """Where each visit runs. ``incognito``: a fresh context of one browser (Playwright's default,
    an off-the-record profile: Chromium keeps no compiled-wasm code cache there). ``profile``: a
    browser with its own new profile folder per visit, as a visitor's browser has one (V8 keeps the
    compiled wasm it made beside the HTTP cache, so a repeat visit can skip compiling)."""

    def __init__(self, playwright: Playwright, mode: str) -> None:
        self.playwright = playwright
        self.mode = mode
        self.shared: Browser | None = None
        if mode == "incognito":
            self.shared = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

    @contextlib.contextmanager
    def context(self, **options: object) -> Iterator[BrowserContext]:
        if self.shared is not None:
            context = self.shared.new_context(**options)
            try:
                yield context
            finally:
                context.close()
            return
        with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
            context = self.playwright.chromium.launch_persistent_context(
                folder, executable_path=CHROMIUM, args=CHROMIUM_ARGS, **options
            )
            try:
                yield context
            finally:
                context.close()

    def close(self) -> None:
        if self.shared is not None:
            self.shared.close()


def visit(
    browsers: Browsers, server: Nginx, url: str, *, repeat: bool = False
) -> dict[str, object]:
    """A new visitor's visit (after a first visit that settled, when ``repeat``): ms from
    navigation start to "udlejning:ready", the timeline (TIMELINE) and what nginx sent until ready."""
    with browsers.context() as context:
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(READY, timeout=TIMEOUT_MS)
        if repeat:
            wait_settled(page)
            page.reload()
            page.wait_for_function(READY, timeout=TIMEOUT_MS)
        timeline = page.evaluate(TIMELINE)
        return {**timeline, "nginx": served_until_ready(server, timeline)}


def served_until_ready(server: Nginx, timeline: dict[str, object]) -> dict[str, int]:
    """Requests nginx answered between this document's navigation start and its ready."""
    start = float(timeline["origin"])  # type: ignore[arg-type]
    end = start + float(timeline["ready"])  # type: ignore[arg-type]
    rows = [row for row in server.log() if start - 1 <= row[4] <= end + 1]
    return {"requests": len(rows), "bytes": sum(row[2] for row in rows)}


def describe(kind: str, name: str, run: int, v: dict) -> str:
    """One line per visit: ready, snapshot, then each phase as start-end ms after navigation."""
    phases = sorted(v["phases"].items(), key=lambda kv: kv[1][0])
    parts = " ".join(f"{k} {a}-{b}" for k, (a, b) in phases)
    files = " ".join(f"{k.split('.')[0]}.{k.rsplit('.', 1)[-1]} {a}-{b} ({src})"
                     for k, (a, b, src) in sorted(v["files"].items(), key=lambda kv: kv[1][0]))  # fmt: skip
    served = v["nginx"]
    return (f"{kind:6} {name:10} #{run} ready {v['ready']:6.0f} ms  snapshot={v['snapshot']}  "
            f"sw={'yes' if v['controlled'] else 'no'}  nginx until ready: {served['requests']} "
            f"requests {served['bytes'] / 1e6:.2f} MB\n    phases: {parts}\n    files: {files}")  # fmt: skip


def phase_medians(visits: list[dict]) -> dict[str, list[float]]:
    """Per phase: median start and end (ms after navigation) over the visits that have it."""
    names = {name for v in visits for name in v["phases"]}
    return {
        name: [round(statistics.median(v["phases"][name][i] for v in visits if name in v["phases"]))
               for i in (0, 1)]
        for name in sorted(names, key=lambda n: statistics.median(
            v["phases"][n][0] for v in visits if n in v["phases"]))
    }  # fmt: skip


def first_visit_bytes(browsers: Browsers, server: Nginx, url: str) -> dict[str, int]:
    with browsers.context() as context:
        before = len(server.sent())
        page = context.new_page()
        page.goto(url)
        page.wait_for_function(READY, timeout=TIMEOUT_MS)
        wait_settled(page)
        page.wait_for_load_state("networkidle")
        time.sleep(1.0)
        by_path: dict[str, int] = {}
        for uri, _status, sent, _encoding in server.sent()[before:]:
            by_path[uri] = by_path.get(uri, 0) + sent
        return by_path


def alternating(browsers: Browsers, server: Nginx, runs: int, urls: dict[str, str], *, repeat: bool) -> dict[str, list[dict]]:  # fmt: skip
    visits: dict[str, list[dict]] = {name: [] for name in urls}
    names = list(urls)
    kind = "repeat" if repeat else "first"
    for i in range(runs):
        for name in names if i % 2 == 0 else names[::-1]:
            visits[name].append(visit(browsers, server, urls[name], repeat=repeat))
            print(describe(kind, name, i + 1, visits[name][-1]), flush=True)
    return visits


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="visits of each kind (median)")
    parser.add_argument("--calls", type=int, default=300, help="calls for the latency")
    parser.add_argument(
        "--browser",
        choices=("profile", "incognito"),
        default="profile",
        help="each visitor a browser with a new profile folder (as a visitor has), or a fresh"
        " incognito context of one browser (no compiled-wasm cache)",
    )
    args = parser.parse_args(argv)
    if args.runs < 7:
        parser.error("--runs must be at least 7")
    manifest_path = SITE / "assets-manifest.json"
    if not manifest_path.is_file():
        raise SystemExit("site/ is not built: run `python build_scripts/build_site.py` first")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    index = str(manifest["index_url"]).removeprefix("assets/pyodide/")
    load_before = os.getloadavg()
    # A copy of site/ (hard links) with the bare page added, so site/ itself stays as built.
    bench_dir = Path(tempfile.mkdtemp(prefix="bench-site-"))
    bench_dir.chmod(0o755)  # mkdtemp makes it 0700; nginx's worker processes must read it
    site = bench_dir / "site"
    shutil.copytree(SITE, site, copy_function=os.link)
    install_bare_page(site, index)
    server = Nginx(bench_dir / "nginx", site)
    urls = {"calculator": f"{server.url}/beregner/", "bare": f"{server.url}/{BENCH}/"}
    first_urls = {**urls, "floor": f"{server.url}/{FLOOR}/"}  # the floor: first visits only
    try:
        with sync_playwright() as playwright:
            browsers = Browsers(playwright, args.browser)
            try:
                # Warm the OS file cache and Chromium; not counted.
                visit(browsers, server, urls["bare"])
                first_visits = alternating(browsers, server, args.runs, first_urls, repeat=False)
                repeat_visits = alternating(browsers, server, args.runs, urls, repeat=True)
                by_path = first_visit_bytes(browsers, server, urls["calculator"])
                bare_bytes = first_visit_bytes(browsers, server, urls["bare"])
                with browsers.context(base_url=server.url) as context:
                    page = context.new_page()
                    page.goto("/beregner/")
                    page.wait_for_function(READY, timeout=TIMEOUT_MS)
                    times = page.evaluate(LATENCY_JS, {"calls": args.calls})
            finally:
                browsers.close()
    finally:
        server.stop()
        shutil.rmtree(bench_dir)

    first = {name: [float(v["ready"]) for v in vs] for name, vs in first_visits.items()}
    repeat = {name: [float(v["ready"]) for v in vs] for name, vs in repeat_visits.items()}
    med = {kind: {name: statistics.median(v) for name, v in runs.items()} for kind, runs in (("first", first), ("repeat", repeat))}  # fmt: skip
    core = sum((NPM / name).stat().st_size for name in CORE_FILES)
    total = sum(by_path.values())
    evaluate = times["evaluate"]
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "runs": args.runs,
        "browser": args.browser,
        "first_visit_ms": {name: [round(x) for x in v] for name, v in first.items()},
        "repeat_visit_ms": {name: [round(x) for x in v] for name, v in repeat.items()},
        "snapshot_used_on_repeat_visits": sum(
            v["snapshot"] == "used" for v in repeat_visits["calculator"]
        ),
        "phases_median_ms": {
            kind: {name: phase_medians(vs) for name, vs in visits.items()}
            for kind, visits in (("first", first_visits), ("repeat", repeat_visits))
        },
        "first_visit_ready_over_bare": round(med["first"]["calculator"] / med["first"]["bare"], 3),
        "first_visit_floor_over_bare": round(med["first"]["floor"] / med["first"]["bare"], 3),
        "first_visit_ready_over_floor": round(
            med["first"]["calculator"] / med["first"]["floor"], 3
        ),
        "repeat_visit_ready_over_bare_first_visit": round(
            med["repeat"]["calculator"] / med["first"]["bare"], 3
        ),
        "repeat_visit_ready_over_bare_repeat_visit": round(
            med["repeat"]["calculator"] / med["repeat"]["bare"], 3
        ),
        "first_visit_bytes": {
            "sent_by_nginx": total,
            "pyodide_core_files_raw": core,
            "ratio": round(total / core, 3),
            "bare_page_sent_by_nginx": sum(bare_bytes.values()),
            "largest": dict(sorted(by_path.items(), key=lambda kv: -kv[1])[:8]),
        },
        "evaluate_ms": {
            "median": round(statistics.median(evaluate), 2),
            "p95": round(percentile(evaluate, 95), 2),
            "calls": args.calls,
        },
        "latency_ms": {
            name: {"median": round(statistics.median(v), 2), "p95": round(percentile(v, 95), 2)}
            for name, v in times.items()
        },  # fmt: skip
    }
    print(json.dumps(report, indent=2))
    print(
        f"\nfirst visit / bare {report['first_visit_ready_over_bare']:.2f} (goal <= 0.5); "
        f"repeat visit / bare {report['repeat_visit_ready_over_bare_first_visit']:.2f} (goal <= 0.2); "
        f"first-visit bytes / Pyodide core {total / core:.2f} (goal <= 0.45); "
        f"floor (Pyodide alone, from the calculator's stdlib) / bare "
        f"{report['first_visit_floor_over_bare']:.2f}, calculator / floor "
        f"{report['first_visit_ready_over_floor']:.2f}; "
        f"evaluate p95 {report['evaluate_ms']['p95']:.1f} ms; load average {load_before[0]:.2f} -> "
        f"{os.getloadavg()[0]:.2f}; browser: {args.browser}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
