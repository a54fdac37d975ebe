"""The site through the repository's nginx configuration (server/, run by the ``nginx`` fixture):
precompressed responses, MIME types, cache headers, security headers, and a worker that cannot
reach another origin."""

from __future__ import annotations

import http.server
import json
import re
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from .calculator_page import (
    VERDICTS,
    fill_applicant,
    verdict,
    wait_until_offline_ready,
    wait_until_ready,
)
from .conftest import CALCULATOR_TIMEOUT_MS, Nginx, Watch

IMMUTABLE = "public, max-age=31536000, immutable"


def manifest(site_dir: Path) -> dict[str, object]:
    return json.loads((site_dir / "assets-manifest.json").read_text(encoding="utf-8"))


def get(url: str, encoding: str | None = "br, gzip") -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": encoding} if encoding else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def runtime_urls(site_dir: Path) -> dict[str, str]:
    data = manifest(site_dir)
    runtime = data["runtime"]
    assert isinstance(runtime, dict)
    urls = {name: str(entry["url"]) for name, entry in runtime.items()}
    for role in ("stdlib", "wheel"):
        entry = data[role]
        assert isinstance(entry, dict)
        urls[role] = str(entry["url"])
    return urls


@pytest.mark.parametrize(
    ("name", "mime"),
    [
        ("pyodide.asm.wasm", "application/wasm"),
        ("pyodide.asm.mjs", "text/javascript"),
        ("pyodide.mjs", "text/javascript"),
        ("stdlib", "application/zip"),
        ("wheel", "application/zip"),
    ],
)
def test_runtime_files_are_brotli_typed_and_immutable(
    nginx: Nginx, site_dir: Path, name: str, mime: str
) -> None:
    url = f"{nginx.url}/{runtime_urls(site_dir)[name]}"
    status, headers, body = get(url)
    assert status == 200
    assert headers["content-type"].split(";")[0] == mime
    assert headers["content-encoding"] == "br"
    assert headers["cache-control"] == IMMUTABLE
    assert len(body) < (site_dir / runtime_urls(site_dir)[name]).stat().st_size
    # A client without brotli gets gzip; one without either gets the file itself.
    assert get(url, "gzip")[1]["content-encoding"] == "gzip"
    plain = get(url, None)
    assert "content-encoding" not in plain[1]
    assert plain[2] == (site_dir / runtime_urls(site_dir)[name]).read_bytes()


@pytest.mark.parametrize("path", ["/", "/beregner/", "/en/beregner/", "/sw.js", "/assets/calculator/worker.mjs", "/assets-manifest.json"])  # fmt: skip
def test_pages_and_entry_points_are_revalidated(nginx: Nginx, path: str) -> None:
    status, headers, _ = get(nginx.url + path)
    assert status == 200
    assert headers["cache-control"] == "no-cache"
    assert headers.get("etag")


def test_html_has_security_headers_and_a_csp_without_unsafe_inline(nginx: Nginx) -> None:
    _, headers, _ = get(nginx.url + "/beregner/")
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["content-encoding"] == "br"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in headers["permissions-policy"]
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "connect-src 'self'" in csp
    assert "unsafe-inline" not in csp and "'sha256-" in csp


def test_the_worker_script_carries_its_own_policy(nginx: Nginx, site_dir: Path) -> None:
    # The worker's entry script (whose header binds the worker) and the module it imports.
    for name in ("worker-boot.mjs", "worker.mjs"):
        _, headers, _ = get(f"{nginx.url}/assets/calculator/{name}")
        csp = headers["content-security-policy"]
        assert "connect-src 'self'" in csp and "default-src 'none'" in csp, name
    worker = manifest(site_dir)["worker"]
    assert isinstance(worker, dict)
    for entry in worker.values():
        for key in ("url", "hashed_url"):
            _, headers, _ = get(f"{nginx.url}/{entry[key]}")
            assert headers["content-type"].startswith("text/javascript")
            if entry["url"].endswith(("worker.mjs", "worker-boot.mjs")):
                csp = headers["content-security-policy"]
                assert "connect-src 'self'" in csp and "default-src 'none'" in csp
            if key == "hashed_url":
                assert headers["cache-control"] == IMMUTABLE


class _Listener(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        _Listener.hits.append(self.path)
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", "text/javascript")
        self.end_headers()
        self.wfile.write(b"export const x = 1;")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def other_origin() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Listener.hits = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


ESCAPE = """async (other) => {
  const out = {};
  try { await fetch(other + "/fetch"); out.fetch = "reached"; } catch (e) { out.fetch = "blocked"; }
  try { await import(other + "/import.mjs"); out.import = "reached"; } catch (e) { out.import = "blocked"; }
  return out;
}"""


def _worker_escape(browser: Browser, base: str, other: str) -> dict[str, str]:
    context = browser.new_context(base_url=base)
    context.set_default_timeout(CALCULATOR_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/beregner/")
        wait_until_ready(page)
        # The rules worker's entry script is worker-boot.mjs (it imports worker.mjs): its response
        # header is the policy that binds the worker.
        workers = [w for w in page.workers if re.search(r"/assets/calculator/worker-boot\.[0-9a-f]{12}\.mjs$", w.url)]  # fmt: skip
        assert len(workers) == 1, [w.url for w in page.workers]
        return workers[0].evaluate(ESCAPE, other)
    finally:
        context.close()


def test_the_rules_worker_cannot_reach_another_origin(
    browser: Browser, nginx: Nginx, base_url: str, other_origin: str
) -> None:
    # Control: served without the header (http.server), the same code in the worker gets out.
    assert _worker_escape(browser, base_url, other_origin) == {"fetch": "reached", "import": "reached"}  # fmt: skip
    _Listener.hits = []
    assert _worker_escape(browser, nginx.url, other_origin) == {"fetch": "blocked", "import": "blocked"}  # fmt: skip
    assert _Listener.hits == []


def test_the_calculator_runs_clean_through_nginx(browser: Browser, nginx: Nginx) -> None:
    """Under the header policies (stricter than the page's own), nothing is blocked or broken."""

    context = browser.new_context(base_url=nginx.url)
    context.set_default_timeout(CALCULATOR_TIMEOUT_MS)
    watch = Watch(origin=nginx.url)
    try:
        page = context.new_page()
        page.on("console", watch.on_console)
        page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
        context.on("request", watch.on_request)
        context.on("requestfailed", watch.on_request_failed)
        page.goto("/beregner/")
        wait_until_ready(page)
        fill_applicant(page, "da", age="34", hours="30")
        expect(verdict(page, "A1")).to_have_text(VERDICTS["da"]["met"])
        watch.assert_clean()
    finally:
        context.close()


HASHED_SMALL = re.compile(
    r"^/(assets/)?((javascripts|stylesheets)/.+\.[0-9a-f]{8}\.min\.(js|css)"
    r"|(calculator|stylesheets)/[a-z-]+\.[0-9a-f]{12}\.(mjs|css))$"
)


def test_a_repeat_visit_asks_the_server_for_no_content_hashed_script_or_style(
    browser: Browser, nginx: Nginx
) -> None:
    """Once the service worker runs, it leaves content-hashed files to the browser's HTTP cache
    (immutable there): a reload asks nginx for none of mkdocs-material's bundles, the pages' own
    scripts and styles or the worker's scripts. (The 9.6 MB WebAssembly may be too big for an
    incognito context's memory cache.)"""
    context = browser.new_context(base_url=nginx.url)
    context.set_default_timeout(CALCULATOR_TIMEOUT_MS)
    try:
        page = context.new_page()
        page.goto("/beregner/")
        wait_until_ready(page)
        wait_until_offline_ready(page)
        first = [uri for uri, *_ in nginx.sent()]
        assert [uri for uri in first if HASHED_SMALL.match(uri)], first
        before = len(first)
        page.reload()
        wait_until_ready(page)
        again = [uri for uri, *_ in nginx.sent()[before:]]
        assert again, "the reload asked nginx for nothing at all (the page itself is no-cache)"
        assert [uri for uri in again if HASHED_SMALL.match(uri)] == [], again
    finally:
        context.close()


def test_the_pages_load_their_own_scripts_and_styles_by_content_hashed_names(
    nginx: Nginx, site_dir: Path
) -> None:
    """Each hashed page module imports only hashed modules that exist, served immutable."""
    html = (site_dir / "beregner" / "index.html").read_text(encoding="utf-8")
    named = re.findall(r'(?:src|href)="\.\./((?:assets/calculator|stylesheets)/[^"]+)"', html)
    assert len(named) == 5 and all(re.search(r"\.[0-9a-f]{12}\.(mjs|css)$", n) for n in named), named
    seen: set[str] = set()
    todo = [n for n in named if n.endswith(".mjs")]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        _, headers, body = get(f"{nginx.url}/{name}", None)
        assert headers["cache-control"] == IMMUTABLE, name
        for imported in re.findall(r'from "\./([^"]+)"', body.decode("utf-8")):
            assert re.search(r"\.[0-9a-f]{12}\.mjs$", imported), (name, imported)
            todo.append(f"assets/calculator/{imported}")
    assert len(seen) >= 10, seen
