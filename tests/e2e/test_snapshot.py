"""The memory snapshot (issue 13, item 4): a repeat visit starts the rules worker from the snapshot
the first visit stored in Cache Storage; its answers are the same as a normal start's (and
CPython's); a corrupt, invalid or stale snapshot is dropped and Python starts normally."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from udlejning.endpoints import call_json

from .conftest import CALCULATOR_TIMEOUT_MS, ROOT

sys.path.insert(0, str(ROOT / "build_scripts"))
from runtime_assets import exercise_inputs  # noqa: E402

CACHE = "pyodide-snapshot-udlejning"

RUN_WORKER = """async ({ inputs }) => {
  const worker = new Worker("/assets/calculator/worker.mjs", { type: "module" });
  let snapshot = null;
  const stored = new Promise((resolve) => {
    worker.addEventListener("message", (e) => {
      if (e.data.type === "snapshot") resolve(e.data.payload);
    });
  });
  const ready = await new Promise((resolve, reject) => {
    worker.addEventListener("message", (e) => {
      if (e.data.type === "ready") resolve(e.data.payload);
      if (e.data.type === "failed") reject(new Error(e.data.payload.message));
    });
  });
  let next = 1;
  const pending = new Map();
  worker.addEventListener("message", (e) => {
    const done = pending.get(e.data.id);
    if (done) { pending.delete(e.data.id); done(e.data); }
  });
  const answers = [];
  for (const [fn, payload] of inputs) {
    const reply = await new Promise((resolve) => {
      const id = next++;
      pending.set(id, resolve);
      worker.postMessage({ id, type: "call", fn, payload });
    });
    answers.push(reply.type === "result" ? reply.payload : { error: reply.payload });
  }
  if (ready.snapshot !== "used") {
    snapshot = await Promise.race([stored, new Promise((r) => setTimeout(() => r(null), 30000))]);
  }
  worker.terminate();
  return { ready, answers, snapshot };
}"""

TAMPER = """async ({ cacheName, mode }) => {
  const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
  const cache = await caches.open(cacheName);
  const [request] = await cache.keys();
  const response = await cache.match(request);
  const headers = new Headers(response.headers);
  let bytes = new Uint8Array(await response.arrayBuffer());
  let url = request.url;
  if (mode === "corrupt") {
    bytes[bytes.length >> 1] ^= 0xff;  // the stored sha256 no longer matches
  } else if (mode === "invalid") {
    bytes = new Uint8Array(4096).fill(7);  // matches its sha256, but is no snapshot
    headers.set("X-Snapshot-Sha256", hex(await crypto.subtle.digest("SHA-256", bytes)));
  } else if (mode === "stale") {
    url = url.replace(/\\/[0-9a-f]{64}\\//, "/" + "0".repeat(64) + "/");  // another wheel
  }
  await cache.delete(request);
  await cache.put(url, new Response(bytes, { headers }));
  return (await cache.keys()).map((r) => r.url);
}"""


def _inputs() -> list[tuple[str, Any]]:
    out = []
    for name, text in exercise_inputs():
        try:
            out.append((name, json.loads(text)))
        except ValueError:
            continue  # invalid JSON cannot go through postMessage as a document
    return out


INPUTS = _inputs()
EXPECTED = [json.loads(call_json(name, json.dumps(doc))) for name, doc in INPUTS]


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(CALCULATOR_TIMEOUT_MS)
    page = context.new_page()
    page.goto("/")  # a page without the calculator: only the worker started below runs Python
    try:
        yield page
    finally:
        context.close()


def run(page: Page) -> dict[str, Any]:
    result = page.evaluate(RUN_WORKER, {"inputs": INPUTS})
    assert result["answers"] == EXPECTED, "the worker's answers differ from CPython's"
    return result


def snapshot_keys(page: Page) -> list[str]:
    return page.evaluate(
        "async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)", CACHE
    )


def test_a_repeat_start_from_the_snapshot_gives_the_same_answers(page: Page) -> None:
    first = run(page)
    assert first["ready"]["snapshot"] == "none"
    assert first["snapshot"]["state"] == "stored" and first["snapshot"]["bytes"] > 10_000_000
    (key,) = snapshot_keys(page)
    manifest = json.loads((ROOT / "site" / "assets-manifest.json").read_text(encoding="utf-8"))
    for part in ("wheel", "lockfile", "stdlib"):
        assert manifest[part]["sha256"] in key
    assert manifest["pyodide_version"] in key
    second = run(page)
    assert second["ready"]["snapshot"] == "used"
    assert second["answers"] == first["answers"]


def test_a_corrupt_invalid_or_stale_snapshot_falls_back_to_a_normal_start(page: Page) -> None:
    assert run(page)["ready"]["snapshot"] == "none"
    (good_key,) = snapshot_keys(page)

    page.evaluate(TAMPER, {"cacheName": CACHE, "mode": "corrupt"})
    corrupt = run(page)
    # Its sha256 did not match (checked while Pyodide loads): dropped, and a normal start.
    assert corrupt["ready"]["snapshot"] == "rejected: Error: the snapshot's sha256 differs"
    assert corrupt["snapshot"]["state"] == "stored"

    page.evaluate(TAMPER, {"cacheName": CACHE, "mode": "invalid"})
    invalid = run(page)
    assert invalid["ready"]["snapshot"].startswith("rejected: ")  # Pyodide refused it
    assert invalid["snapshot"]["state"] == "stored"

    (stale_key,) = page.evaluate(TAMPER, {"cacheName": CACHE, "mode": "stale"})
    assert stale_key != good_key
    stale = run(page)
    assert stale["ready"]["snapshot"] == "none"
    assert snapshot_keys(page) == [good_key]  # the stale one is gone, a fresh one stored
    assert run(page)["ready"]["snapshot"] == "used"
