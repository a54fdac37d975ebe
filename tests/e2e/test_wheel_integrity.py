"""The browser checks the rules wheel's sha256 from the lockfile (issue 5, item 1): a tampered
lockfile entry makes the calculator refuse to start instead of running unverified code."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from .conftest import CALCULATOR_TIMEOUT_MS, SITE


def _serve(directory: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cmd = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory)]  # fmt: skip
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                return server, url
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.1)


def _assert_refused(browser: Browser, copy: Path, why: str = "") -> None:
    """The calculator served from ``copy`` says it could not start (and ``why``)."""
    server, url = _serve(copy)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "/beregner/")
        status = page.locator("#ub-status")
        expect(status).to_contain_text("kunne ikke starte", timeout=CALCULATOR_TIMEOUT_MS)
        expect(status).to_contain_text(why)
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=10)


def test_a_wrong_sha256_for_the_wheel_stops_the_calculator(
    browser: Browser, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    manifest = json.loads((copy / "assets-manifest.json").read_text(encoding="utf-8"))
    lockfile = copy / manifest["lockfile"]["url"]
    lock = json.loads(lockfile.read_text(encoding="utf-8"))
    lock["packages"]["udlejning"]["sha256"] = "0" * 64
    tampered = json.dumps(lock)
    lockfile.write_text(tampered, encoding="utf-8")
    # Keep the lockfile's own integrity (in runtime.mjs) right, so only the wheel's check fails.
    digest = base64.b64encode(hashlib.sha256(tampered.encode()).digest()).decode()
    runtime = copy / "assets" / "calculator" / "runtime.mjs"
    text = runtime.read_text(encoding="utf-8")
    runtime.write_text(
        text.replace(manifest["lockfile"]["integrity"], f"sha256-{digest}"), encoding="utf-8"
    )
    for stale in runtime.parent.glob("runtime.mjs.*"):
        stale.unlink()  # the precompressed copies of the original
    _assert_refused(browser, copy)


@pytest.mark.parametrize("role", ["stdlib", "pyodide.asm.wasm"])
def test_a_changed_runtime_file_stops_the_calculator(
    browser: Browser, tmp_path: Path, role: str
) -> None:
    """Issue 14.4: the Pyodide runtime files are checked against their sha256 too: the stdlib by
    the browser (SRI), the WebAssembly by the worker while it compiles it (issue 13). The byte
    changed in the WebAssembly is in its data section (its last section), so the changed file is
    still a valid module: only the sha256 check can refuse it."""
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    manifest = json.loads((copy / "assets-manifest.json").read_text(encoding="utf-8"))
    entry = manifest["stdlib"] if role == "stdlib" else manifest["runtime"][role]
    target = copy / entry["url"]
    data = bytearray(target.read_bytes())
    data[len(data) // 2 if role == "stdlib" else len(data) - 4096] ^= 0xFF
    target.write_bytes(bytes(data))
    for stale in target.parent.glob(target.name + ".*"):
        stale.unlink()
    _assert_refused(browser, copy, f"Filen {target.name} passede ikke til sin kontrolsum")
