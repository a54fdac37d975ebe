"""The memory snapshot (issue 13, item 4): a repeat visit starts the rules worker from the snapshot
the first visit stored in the origin private file system; its answers are the same as a normal
start's (and CPython's); a corrupt, truncated, invalid or stale snapshot is dropped and Python
starts normally."""

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

FOLDER = "pyodide-snapshot-udlejning"  # in the origin private file system

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

# The snapshot files (calculator/web/snapshot.mjs): [header length, 4 bytes][header, JSON][pages].
READ_FILES = """async (folderName) => {
  const root = await navigator.storage.getDirectory();
  let dir;
  try {
    dir = await root.getDirectoryHandle(folderName);
  } catch {
    return [];
  }
  const files = [];
  for await (const [name, handle] of dir.entries()) {
    const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
    const length = new DataView(bytes.buffer).getUint32(0, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length)));
    files.push({ name, header, pages: bytes.length - 4 - length });
  }
  return files;
}"""

TAMPER = """async ({ folderName, mode }) => {
  const hex = (b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
  const sha256 = async (bytes) => hex(await crypto.subtle.digest("SHA-256", bytes));
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folderName);
  const [name] = await Array.fromAsync(dir.keys());
  const file = new Uint8Array(await (await (await dir.getFileHandle(name)).getFile()).arrayBuffer());
  const length = new DataView(file.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(file.subarray(4, 4 + length)));
  let pages = file.slice(4 + length);
  let newName = name;
  if (mode === "corrupt") {
    pages[pages.length >> 1] ^= 0xff;  // the stored sha256 no longer matches
  } else if (mode === "truncated") {
    pages = pages.slice(0, pages.length >> 1);  // e.g. a write that stopped half way
  } else if (mode === "invalid") {
    pages = new Uint8Array(65536).fill(7);  // fits its header and sha256, but is no snapshot
    Object.assign(header, { sha256: await sha256(pages), length: 65536, pages: "8" });
  } else if (mode === "stale") {
    header.key = header.key.replace(/\\/[0-9a-f]{64}\\//, "/" + "0".repeat(64) + "/");  // another wheel
    newName = (await sha256(new TextEncoder().encode(header.key))) + ".snapshot";
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(4 + headerBytes.length + pages.length);
  new DataView(out.buffer).setUint32(0, headerBytes.length, true);
  out.set(headerBytes, 4);
  out.set(pages, 4 + headerBytes.length);
  await dir.removeEntry(name);
  const writable = await (await dir.getFileHandle(newName, { create: true })).createWritable();
  await writable.write(out);
  await writable.close();
  return Array.fromAsync(dir.keys());
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


def snapshot_files(page: Page) -> list[dict[str, Any]]:
    return page.evaluate(READ_FILES, FOLDER)


def test_a_repeat_start_from_the_snapshot_gives_the_same_answers(page: Page) -> None:
    first = run(page)
    assert first["ready"]["snapshot"] == "none"
    assert first["snapshot"]["state"] == "stored" and first["snapshot"]["bytes"] > 10_000_000
    (stored,) = snapshot_files(page)
    key = stored["header"]["key"]
    manifest = json.loads((ROOT / "site" / "assets-manifest.json").read_text(encoding="utf-8"))
    for part in ("wheel", "lockfile", "stdlib"):
        assert manifest[part]["sha256"] in key
    assert manifest["pyodide_version"] in key
    # The pages Python never wrote are not stored: well under half of the memory is kept.
    assert stored["pages"] < 0.7 * stored["header"]["length"]
    second = run(page)
    assert second["ready"]["snapshot"] == "used"
    assert second["answers"] == first["answers"]


def test_a_corrupt_truncated_invalid_or_stale_snapshot_falls_back_to_a_normal_start(
    page: Page,
) -> None:
    assert run(page)["ready"]["snapshot"] == "none"
    (good,) = snapshot_files(page)

    page.evaluate(TAMPER, {"folderName": FOLDER, "mode": "corrupt"})
    corrupt = run(page)
    # Its sha256 did not match (checked while Pyodide loads): dropped, and a normal start.
    assert corrupt["ready"]["snapshot"] == "rejected: Error: the snapshot's sha256 differs"
    assert corrupt["snapshot"]["state"] == "stored"

    page.evaluate(TAMPER, {"folderName": FOLDER, "mode": "truncated"})
    truncated = run(page)
    # Dropped when it is read (its pages do not fill its map): Pyodide is not tried with it.
    assert (
        truncated["ready"]["snapshot"]
        == "rejected: Error: the snapshot file does not fit its header"
    )
    assert truncated["snapshot"]["state"] == "stored"

    page.evaluate(TAMPER, {"folderName": FOLDER, "mode": "invalid"})
    invalid = run(page)
    assert invalid["ready"]["snapshot"].startswith("rejected: ")  # Pyodide refused it
    assert invalid["snapshot"]["state"] == "stored"

    (stale_name,) = page.evaluate(TAMPER, {"folderName": FOLDER, "mode": "stale"})
    assert stale_name != good["name"]
    stale = run(page)
    assert stale["ready"]["snapshot"] == "none"
    # The stale one is gone, a fresh one stored.
    assert [f["name"] for f in snapshot_files(page)] == [good["name"]]
    assert run(page)["ready"]["snapshot"] == "used"


RUNTIME_MODULE_LOADS = """() => performance.getEntriesByType("resource")
  .map((entry) => entry.name.split("/").pop())
  .filter((name) => name.startsWith("pyodide.asm.mjs"))"""


def runtime_module_loads(page: Page) -> list[str]:
    """How the calculator's rules worker loaded pyodide.asm.mjs (its resource entries)."""
    (worker,) = [w for w in page.workers if "/worker-boot." in w.url]
    return worker.evaluate(RUNTIME_MODULE_LOADS)


def test_a_first_start_loads_pyodide_s_javascript_again_so_the_next_visit_need_not_compile_it(
    page: Page,
) -> None:
    # V8 stores a script's compiled code only on its second load: the worker loads
    # pyodide.asm.mjs a second time once Python is ready and the snapshot stored (worker.mjs,
    # keepCompiledRuntime), so a repeat visit uses the stored code. A start from the snapshot
    # has nothing to add and loads it once.
    page.goto("/beregner/")
    page.wait_for_function("() => performance.getEntriesByName('udlejning:snapshot').length > 0")
    for _ in range(100):  # the second load follows the snapshot's message
        if len(runtime_module_loads(page)) > 1:
            break
        page.wait_for_timeout(100)
    assert runtime_module_loads(page) == ["pyodide.asm.mjs", "pyodide.asm.mjs#code-cache"]
    page.reload()
    page.wait_for_function("() => performance.getEntriesByName('udlejning:ready').length > 0")
    ready = page.evaluate("() => performance.getEntriesByName('udlejning:worker-ready')[0].detail")
    assert ready["snapshot"] == "used"
    page.wait_for_timeout(1000)
    assert runtime_module_loads(page) == ["pyodide.asm.mjs"]
