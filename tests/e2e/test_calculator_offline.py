"""Offline: the service worker keeps the runtime, the wheel and the page, so a second visit
computes with the browser offline and the server gone."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Response, expect

from .calculator_page import (
    VERDICTS,
    fill_applicant,
    open_calculator,
    verdict,
    wait_until_offline_ready,
    wait_until_ready,
)
from .conftest import CALCULATOR_TIMEOUT_MS, ROOT, Watch

T = CALCULATOR_TIMEOUT_MS
SW_SOURCE = ROOT / "docs" / "sw.js"


def test_service_worker_sits_at_the_site_root_and_names_the_pinned_pyodide(site_dir: Path) -> None:
    built = site_dir / "sw.js"
    # The build stamps its build id in (so every deploy installs a new service worker); the rest
    # is docs/sw.js as it is.
    build = json.loads((site_dir / "version.json").read_text(encoding="utf-8"))["build"]
    source = SW_SOURCE.read_text(encoding="utf-8")
    assert 'const BUILD = "dev";' in source
    expected = source.replace('const BUILD = "dev";', f'const BUILD = "{build}";')
    assert built.read_text(encoding="utf-8") == expected
    # One copy for both languages: its scope (the site root) covers /beregner/ and /en/beregner/.
    assert not (site_dir / "en" / "sw.js").exists()
    match = re.search(r'const RUNTIME_VERSION = "([^"]+)";', SW_SOURCE.read_text(encoding="utf-8"))
    assert match, "docs/sw.js must name the Pyodide version its runtime cache holds"
    installed = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    assert match.group(1) == installed["version"] == pinned.lstrip("^~="), (
        "Pyodide changed: update RUNTIME_VERSION in docs/sw.js, so visitors' caches are renewed"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def own_server(site_dir: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A server of site/ that the test itself can switch off."""
    port = _free_port()
    cmd = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
           "--directory", str(site_dir)]  # fmt: skip
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"http.server for site/ did not start on {url}")
            time.sleep(0.1)
    try:
        yield url, server
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_second_visit_computes_offline(
    browser: Browser, own_server: tuple[str, subprocess.Popen[bytes]], lang: str
) -> None:
    url, server = own_server
    context = browser.new_context(base_url=url)
    context.set_default_timeout(T)
    watch = Watch(origin=url)
    context.on("request", watch.on_request)
    context.on("requestfailed", watch.on_request_failed)
    try:
        page: Page = context.new_page()
        page.on("console", watch.on_console)
        page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
        open_calculator(page, lang)
        wait_until_ready(page)
        # The first visit ends when the service worker has stored what a later visit needs.
        wait_until_offline_ready(page)
        page.wait_for_load_state("networkidle")

        server.terminate()
        server.wait(timeout=10)
        context.set_offline(True)
        responses: list[Response] = []
        page.on("response", lambda response: responses.append(response))
        page.reload()
        fill_applicant(page, lang, age="34", hours="30")
        expect(verdict(page, "A1")).to_have_text(VERDICTS[lang]["met"], timeout=T)
        wait_until_ready(page)
        assert responses, "the second visit loaded nothing"
        not_from_cache = [r.url for r in responses if not r.from_service_worker]
        assert not not_from_cache, not_from_cache
        watch.assert_clean()
    finally:
        context.close()
