"""Fixtures for the browser tests: the built site/ over HTTP and Debian's Chromium.

Nothing here skips: a missing site/, Chromium or axe-core makes the tests fail, so a machine
that is not set up cannot pass them silently.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_scripts"))
from nginx_conf import Nginx  # noqa: E402

SITE = ROOT / "site"
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
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
REQUIRED_SITE_FILES = (
    "index.html",
    "en/index.html",
    "beregner/index.html",
    "en/beregner/index.html",
    "assets-manifest.json",
    "assets/calculator/worker.mjs",
)
# Pyodide needs a few seconds to start on 2 cores; allow for a slow CI machine.
CALCULATOR_TIMEOUT_MS = 90_000


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def site_dir() -> Path:
    for required in REQUIRED_SITE_FILES:
        if not (SITE / required).is_file():
            pytest.fail(f"site/{required} is missing: run `python build_scripts/build_site.py`")
    return SITE


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    port = _free_port()
    cmd = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
           "--directory", str(site_dir)]  # fmt: skip
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"http.server for site/ did not start on {url}")
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def nginx(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """The built site through the repository's nginx configuration (server/), on 127.0.0.1."""
    server = Nginx(tmp_path_factory.mktemp("nginx") / "run", site_dir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/setup.sh` (installs chromium)")
    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh temporary user-data dir.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watch:
    """What a page did that it should not: console errors, uncaught errors, foreign requests."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} @ {message.location}")

    def on_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign_requests.append(request.url)

    def on_request_failed(self, request: Request) -> None:
        # net::ERR_ABORTED is a request cut short by navigating on; a real failure (404, CSP
        # block, integrity error) also shows up as a console error.
        if request.failure and "ERR_ABORTED" in request.failure:
            return
        self.failed_requests.append(f"{request.url}: {request.failure}")

    def assert_clean(self) -> None:
        problems = {
            "console errors": self.console_errors,
            "uncaught errors": self.page_errors,
            "requests to other origins": self.foreign_requests,
            "failed requests": self.failed_requests,
        }
        found = {name: items for name, items in problems.items() if items}
        assert not found, f"page problems: {found}"


def _open_page(
    browser: Browser, base_url: str, *, bypass_csp: bool
) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context(base_url=base_url, bypass_csp=bypass_csp)
    context.set_default_timeout(CALCULATOR_TIMEOUT_MS)
    page = context.new_page()
    watch = Watch(origin=base_url)
    page.on("console", watch.on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    context.on("request", watch.on_request)
    context.on("requestfailed", watch.on_request_failed)
    try:
        yield page, watch
    finally:
        context.close()


@pytest.fixture
def watched_page(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:
    """A page in a fresh browser context, with the site's real Content Security Policy."""
    yield from _open_page(browser, base_url, bypass_csp=False)


@pytest.fixture
def axe_page(browser: Browser, base_url: str) -> Iterator[tuple[Page, Watch]]:
    """A page whose CSP is bypassed, so axe-core can be injected as an inline script."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `bash scripts/setup.sh` (npm ci)")
    yield from _open_page(browser, base_url, bypass_csp=True)


def serious_violations(page: Page) -> list[dict[str, object]]:
    """axe-core's serious and critical violations on the page as it is now (axe injected once)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.fixture(scope="module")
def calculators(browser: Browser, base_url: str) -> Iterator[object]:
    """One calculator page per language, shared by the tests of a module (calculator_page)."""
    from .calculator_page import SharedCalculators

    shared = SharedCalculators(browser, base_url)
    try:
        yield shared
    finally:
        shared.close()
