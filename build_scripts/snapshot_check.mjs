// Checks Pyodide's private memory-snapshot API that the worker relies on (calculator/web/worker.mjs,
// snapshot.mjs), under Node with the built runtime: tests/test_snapshot_api.py runs it.
//
// Usage: node build_scripts/snapshot_check.mjs PYODIDE_DIR STDLIB_ZIP WHEEL
// Prints one JSON line: {version, snapshotBytes, keptBytes, same, badMagic}. The snapshot is
// restored from the form snapshot.mjs stores (its zero pages left out, then put back).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { withZeroPages, withoutZeroPages } from "../calculator/web/snapshot.mjs";
import { mountWheel } from "../calculator/web/wheel.mjs";

const [pyodideDir, stdlibPath, wheelPath] = process.argv.slice(2);
const indexURL = resolve(pyodideDir) + "/";
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const wheel = new Uint8Array(readFileSync(wheelPath));
const doc = JSON.stringify({
  date: "2025-01-01",
  household: [{ id: "p1", role: "applicant", age: 30, employment: { kind: "employee", hours_per_week: 30 } }],
});
const first = await loadPyodide({ indexURL, stdLibURL: stdlibPath, _makeSnapshot: true });
mountWheel(first, wheel); // as the browser worker does
const answer = first.pyimport("udlejning.endpoints").call_json("evaluate", doc);
if (typeof first.makeMemorySnapshot !== "function") throw new Error("pyodide.makeMemorySnapshot is gone");
const snapshot = first.makeMemorySnapshot();
const { kept, pages } = withoutZeroPages(snapshot);
const stored = new Uint8Array(await new Blob(kept).arrayBuffer());
const restored = withZeroPages(stored, pages, snapshot.length);
if (Buffer.compare(restored, snapshot) !== 0) throw new Error("the snapshot without its zero pages does not come back whole");
const second = await loadPyodide({ indexURL, stdLibURL: stdlibPath, _loadSnapshot: restored });
mountWheel(second, wheel);
const again = second.pyimport("udlejning.endpoints").call_json("evaluate", doc);
let badMagic = "";
try {
  await loadPyodide({ indexURL, stdLibURL: stdlibPath, _loadSnapshot: new Uint8Array(4096) });
} catch (error) {
  badMagic = String(error);
}
console.log(JSON.stringify({ version: first.version, snapshotBytes: snapshot.length, keptBytes: stored.length, same: again === answer, badMagic }));
