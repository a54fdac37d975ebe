// Module Web Worker: runs the udlejning rules package in Pyodide, off the main thread.
//
// Protocol (plain JSON-able objects only; no PyProxy ever leaves this worker):
//   page -> worker  {id, type: "call", fn: <endpoint name>, payload: <input document>}
//                   (fn is a key of udlejning.endpoints.ENDPOINTS, e.g. "evaluate", "priority",
//                   "placement", "wheel"; {id, type: "evaluate", payload} is short for fn "evaluate")
//   worker -> page  {id, type: "result", payload: <the endpoint's JSON answer>}
//                   {id, type: "error", payload: {message}}
//                   {type: "progress", payload: {stage, step, steps, loaded, total}}
//                   (loaded/total: bytes on the wire, counted as they arrive)
//                   {type: "ready", payload: {snapshot: "none" | "used" | "rejected: …",
//                                            timings: start-up phases (timings.mjs)}}
//                   {type: "snapshot", payload: {state: "stored" | "failed: …", bytes}}
//                   {type: "failed", payload: {message}}
//                   {type: "offline-files", payload: {urls, files}} (once, after "ready")
//
// Nothing here uses the network except to load the runtime and the wheel from this site (through
// the service worker's cache when there is one); the answers never leave the browser.
import { RUNTIME } from "./runtime.mjs";
import {
  bytesDigest,
  canKeepSnapshots,
  dropOldSnapshotCache,
  dropSnapshot,
  findSnapshot,
  snapshotKey,
  storeSnapshot,
  textDigest,
} from "./snapshot.mjs";
import { startTimings } from "./timings.mjs";
import { mountWheel } from "./wheel.mjs";

// Pyodide asks for its WebAssembly only once its JavaScript has loaded and (on a repeat visit) the
// memory snapshot has been read. The worker fetches it from the start instead (earlyWasm below),
// and compiles it when Pyodide asks, from the bytes that arrived meanwhile: compiling it while it
// downloads, from the start, competed with everything else a start does for the CPU and ended
// later (first visit 1,203 -> 1,068 ms, A/B, 7 rounds; a repeat visit unchanged). The module is
// instantiated once its sha256 is checked. Installed before startTimings(), which wraps it, so
// the "wasm" phase still spans Pyodide's call.
const pyodideInstantiate = WebAssembly.instantiateStreaming;
if (pyodideInstantiate && WebAssembly.compileStreaming) {
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const response = await source;
    if (!earlyWasm || response !== (await earlyWasm.response)) return pyodideInstantiate.call(WebAssembly, response, imports);
    try {
      const [module] = await Promise.all([earlyWasm.compile(), wasmChecked()]);
      return { module, instance: await WebAssembly.instantiate(module, imports) };
    } catch (error) {
      failLoad(error); // Pyodide would only log it and wait
      throw error;
    }
  };
}
const timings = startTimings();

// Every runtime file has a content-hashed name (build_scripts/runtime_assets.py), so the HTTP
// cache may keep it for good; each fetched file is checked against its sha256 (SRI).
const BASE_URL = new URL("../pyodide/", import.meta.url).href;
const INDEX_URL = new URL(RUNTIME.index, BASE_URL).href;
const STDLIB_URL = new URL(RUNTIME.stdlib.path, BASE_URL).href;
const LOCK_URL = new URL(RUNTIME.lockfile.path, BASE_URL).href;
const WHEEL_URL = new URL(RUNTIME.wheel.path, BASE_URL).href;
const RUNTIME_MODULE = new URL("pyodide.asm.mjs", INDEX_URL).href;
const STEPS = 3;
const PACKAGE = "udlejning";
// One small household, run once right after "ready" so later answers do not pay for the first call
// (it reads the package's data files). Its answer also checks a start from a memory snapshot
// (there before "ready"): it must equal the answer recorded when the snapshot was made.
const WARM_UP = {
  date: "2025-01-01",
  household: [{ id: "p1", role: "applicant", age: 30, employment: { kind: "employee", hours_per_week: 30 } }],
};

// What is fetched, with its SRI and its size on the wire (compressed) and unpacked, for the
// progress line: bytes are counted as they arrive.
const FILES = new Map(
  [
    [new URL("pyodide.asm.wasm", INDEX_URL).href, RUNTIME.runtime["pyodide.asm.wasm"]],
    [STDLIB_URL, RUNTIME.stdlib],
    [LOCK_URL, RUNTIME.lockfile],
    [WHEEL_URL, RUNTIME.wheel],
  ].map(([url, entry]) => [url, { ...entry, received: 0 }]),
);
const MODULE_FILES = ["pyodide.mjs", "pyodide.asm.mjs"].map((name) => RUNTIME.runtime[name]);
const FILE_NAMES = [...FILES.keys(), ...["pyodide.mjs", "pyodide.asm.mjs"].map((n) => new URL(n, INDEX_URL).href)].map(
  (url) => url.split("/").pop(),
);
const TOTAL_BYTES = RUNTIME.download_bytes; // the sum of these files' wire_bytes
let modulesLoaded = false;
let stage = "runtime";
let step = 1;

function loadedBytes() {
  let sum = modulesLoaded ? MODULE_FILES.reduce((s, f) => s + f.wire_bytes, 0) : 0;
  for (const file of FILES.values()) sum += Math.min(1, file.received / file.bytes) * file.wire_bytes;
  return Math.round(sum);
}

function progress(newStage, newStep) {
  // Late byte counts must not make a ready (or failed) worker look loading.
  if (stage === "ready" || stage === "failed") return;
  if (newStage) [stage, step] = [newStage, newStep];
  const payload = { stage, step, steps: STEPS, loaded: loadedBytes(), total: TOTAL_BYTES };
  self.postMessage({ type: "progress", payload });
}

let lastReport = 0;
// Reads `copy` (a clone of a response) to count its bytes as they arrive; the original (with its
// URL, so V8 can cache the compiled WebAssembly) goes to Pyodide untouched. With `keep`, resolves
// to the whole body (file.bytes long, as runtime.mjs says; longer if it is).
async function countBody(copy, file, keep = false) {
  const reader = copy.body?.getReader();
  if (!reader) return null;
  let body = keep ? new Uint8Array(file.bytes) : null;
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (body && length + value.byteLength > body.length) {
      const larger = new Uint8Array(Math.max(2 * body.length, length + value.byteLength));
      larger.set(body.subarray(0, length));
      body = larger;
    }
    if (body) body.set(value, length);
    length += value.byteLength;
    file.received += value.byteLength;
    const now = performance.now();
    if (now - lastReport > 100) {
      lastReport = now;
      progress();
    }
  }
  progress();
  return body && body.subarray(0, length);
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

// What this worker downloads, for the service worker (see calculator.mjs): on a first visit the
// worker starts before the service worker controls anything, so it hands over its copy of the
// WebAssembly runtime (too big for the browser's HTTP cache) after "ready".
const RUNTIME_WASM = new URL("pyodide.asm.wasm", INDEX_URL).href;
const downloaded = new Set([import.meta.url, new URL("pyodide.mjs", INDEX_URL).href]);
// The WebAssembly is fetched without an SRI integrity: with one, the browser holds the whole
// response back until it has checked it, so the progress line could not count its bytes as they
// arrive. Its sha256 is checked here instead, on a copy read as it arrives, before the module is
// instantiated: {bytes, checked} (promises; `checked` rejects, and the load fails with reason
// "integrity", when the sha256 differs).
let wasmFile = null;
let earlyWasm = null; // {response, compile}: see fetchEarly()
let earlyStdlib = null; // the stdlib's response, fetched from the start (see start())
let failLoad = () => {};
const loadFailed = new Promise((_, reject) => {
  failLoad = reject;
});
loadFailed.catch(() => {}); // raced against loadPyodide in boot()
const networkFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const href = input instanceof Request ? input.url : new URL(String(input), self.location.href).href;
  if (href === RUNTIME_WASM && earlyWasm) return earlyWasm.response;
  if (href === STDLIB_URL && earlyStdlib) {
    const response = earlyStdlib;
    earlyStdlib = null; // one body, for Pyodide's one fetch of it
    return response;
  }
  const file = FILES.get(href);
  if (file) {
    // An integrity the caller gives (the wheel's, from the lockfile) is kept.
    if (href !== RUNTIME_WASM) init = { integrity: file.integrity, ...(init || {}) };
  }
  let response;
  try {
    response = await networkFetch(input instanceof Request ? input : href, init);
  } catch (error) {
    // e.g. a file that does not match its sha256: Pyodide would wait for it forever.
    if (file) failLoad(new Error(`${href}: ${error && error.message ? error.message : error}`));
    throw error;
  }
  if (file && !response.ok) failLoad(new Error(`${href}: HTTP ${response.status}`));
  const url = response.url || href;
  if (response.ok && url.startsWith(self.location.origin)) {
    downloaded.add(url);
    if (url === RUNTIME_WASM && file && !wasmFile) wasmFile = checkWasm(response.clone(), file);
    else if (file) countBody(response.clone(), file).catch(() => {});
  }
  return response;
};

// Resolves once the WebAssembly's sha256 was checked (at once when it was not fetched yet).
function wasmChecked() {
  return wasmFile ? wasmFile.checked : Promise.resolve();
}

function checkWasm(copy, file) {
  const bytes = countBody(copy, file, true);
  const checked = bytes.then(async (body) => {
    const sha256 = body && (await bytesDigest(body));
    if (sha256 !== file.sha256) {
      self.postMessage({ type: "load-error", payload: { reason: "integrity", file: "pyodide.asm.wasm", status: 0 } });
      const error = new Error(`${RUNTIME_WASM}: the sha256 differs from the one in runtime.mjs`);
      failLoad(error);
      throw error;
    }
  });
  bytes.catch(() => {});
  checked.catch(() => {}); // awaited before the module is instantiated and before "ready"
  return { bytes, checked, type: copy.headers.get("Content-Type") || "application/wasm" };
}

// The runtime's WebAssembly, fetched (through the fetch above: its bytes counted and its sha256
// checked) from the moment the worker runs; Pyodide's own fetch of it gets this response, and its
// instantiateStreaming the module compile() makes of it (see the top of this file).
earlyWasm = fetchEarly();

function fetchEarly() {
  if (!WebAssembly.compileStreaming) return null;
  const early = self.udlejningEarlyWasm; // started by worker-boot.mjs
  self.udlejningEarlyWasm = null; // from now on worker-boot.mjs starts none
  const response = early && early.url === RUNTIME_WASM ? adoptEarly(early) : self.fetch(RUNTIME_WASM);
  response.catch(() => {}); // a failed fetch is reported by failLoad
  let module = null;
  const compile = () => (module ||= timings.span("wasm_compile", WebAssembly.compileStreaming(response)));
  return { response, compile };
}

// What worker-boot.mjs fetched, treated as this worker's fetch above treats a file: a failure ends
// the start, the bytes are counted and the sha256 checked (on the clone).
function adoptEarly(early) {
  const file = FILES.get(RUNTIME_WASM);
  return early.responded.then(
    ({ original, copy }) => {
      if (!original.ok) failLoad(new Error(`${RUNTIME_WASM}: HTTP ${original.status}`));
      downloaded.add(RUNTIME_WASM);
      if (original.ok) wasmFile = checkWasm(copy, file);
      return original;
    },
    (error) => {
      failLoad(new Error(`${RUNTIME_WASM}: ${error && error.message ? error.message : error}`));
      throw error;
    },
  );
}

async function offlineFiles() {
  for (const entry of performance.getEntriesByType("resource")) {
    if (entry.name.startsWith(self.location.origin)) downloaded.add(entry.name);
  }
  const files = [];
  if (wasmFile) {
    const { bytes, type } = wasmFile;
    wasmFile = null;
    // Stored already (it came from the service worker's cache): nothing to hand over.
    if (!(await caches.match(RUNTIME_WASM))) {
      const body = await bytes;
      const buffer = body.byteLength === body.buffer.byteLength ? body.buffer : body.slice().buffer;
      files.push({ url: RUNTIME_WASM, type, buffer });
    }
  }
  self.postMessage(
    { type: "offline-files", payload: { urls: [...downloaded], files } },
    files.map((file) => file.buffer),
  );
}

// Private Pyodide API (pinned to the version in package.json; tests/test_snapshot_api.py fails
// if it changes): `_makeSnapshot` / `makeMemorySnapshot()` / `_loadSnapshot`.
async function boot(loadPyodide, snapshot) {
  const options = { indexURL: INDEX_URL, stdLibURL: STDLIB_URL, lockFileContents: lockText };
  const extra = snapshot ? { _loadSnapshot: snapshot } : { _makeSnapshot: canKeepSnapshots() };
  return Promise.race([loadPyodide({ ...options, ...extra }), loadFailed]);
}

// Once Python runs (from a snapshot or not): the wheel on sys.path, the registry's call_json.
async function importRules(pyodide, wheel) {
  pythonStarted = timings.now();
  progress("package", 2);
  const bytes = await timings.span("wheel_wait", wheel);
  const t = timings.now();
  mountWheel(pyodide, bytes);
  const callJson = pyodide.pyimport("udlejning.endpoints").call_json;
  timings.mark("package", t);
  return callJson;
}

let lockText = null;
let snapshotState = "none";
let pythonStarted = 0; // when loadPyodide resolved (timings)

async function start() {
  progress("runtime", 1);
  // The lockfile lists our wheel with its sha256: the wheel is downloaded while Python starts, and
  // the browser checks it against that sha256 (Subresource Integrity) before we unpack it.
  lockText = fetchOk(LOCK_URL).then((r) => r.text());
  const wheel = lockText.then(async (text) => {
    const entry = JSON.parse(text).packages[PACKAGE];
    if (!entry) throw new Error(`${PACKAGE} is not in the lockfile`);
    const integrity = `sha256-${base64OfHex(entry.sha256)}`;
    const response = await fetchOk(new URL(entry.file_name, LOCK_URL), { integrity });
    return response.arrayBuffer();
  });
  wheel.catch(() => {}); // reported below, when it is awaited
  const key = snapshotKey(RUNTIME);
  // Everything Pyodide asks for only once loadPyodide runs (its second module, the stdlib) is
  // fetched while the snapshot is looked up, in parallel with the WebAssembly: Pyodide's own
  // import of pyodide.asm.mjs gets the module already loaded (one module per URL), its fetch of
  // the stdlib this response.
  const pyodideModule = timings.span("pyodide_import", import(new URL("pyodide.mjs", INDEX_URL).href));
  const asmModule = timings.span("asm_import", import(RUNTIME_MODULE));
  earlyStdlib = self.fetch(STDLIB_URL);
  for (const early of [pyodideModule, asmModule, earlyStdlib]) early.catch(() => {}); // awaited below / by Pyodide
  const snapshot = await timings.span("snapshot_find", findSnapshot(key));
  const { loadPyodide } = await pyodideModule;
  await asmModule;
  modulesLoaded = true;
  progress();
  const warmUp = JSON.stringify(WARM_UP);
  if (snapshot && snapshot.rejected) snapshotState = `rejected: ${snapshot.rejected}`;
  else if (snapshot) {
    try {
      const pyodide = await boot(loadPyodide, timings.span("snapshot_read", snapshot.bytes));
      const callJson = await importRules(pyodide, wheel); // the modules are in the snapshot already
      await timings.span("snapshot_check", snapshot.verified);
      const t = timings.now();
      if ((await textDigest(callJson("evaluate", warmUp))) !== snapshot.warmUp) {
        throw new Error("the snapshot's warm-up answer differs");
      }
      timings.mark("warm_up", t);
      await wasmChecked();
      snapshotState = "used";
      progress("ready", 3);
      return (fn, text) => callJson(fn, text);
    } catch (error) {
      snapshotState = `rejected: ${error}`;
      await dropSnapshot();
    }
  }
  const pyodide = await boot(loadPyodide, null);
  const callJson = await importRules(pyodide, wheel);
  await wasmChecked();
  progress("ready", 3);
  // After "ready" (a message that comes meanwhile waits for it, ~0.1 s at most): the warm-up, then
  // the snapshot a repeat visit starts from, made with the warm-up's answer to check it by.
  setTimeout(() => {
    const t = timings.now();
    const answer = callJson("evaluate", warmUp);
    callJson("priority", JSON.stringify({ ...WARM_UP, situation: { stair: "omraadetrappe", trin: 1 } }));
    timings.mark("warm_up", t);
    const keep = pyodide.makeMemorySnapshot && canKeepSnapshots();
    Promise.resolve(keep ? storeNewSnapshot(pyodide, key, answer) : null).finally(keepCompiledRuntime);
  }, 0);
  return (fn, text) => callJson(fn, text);
}

// Resolves once the snapshot is stored or could not be.
function storeNewSnapshot(pyodide, key, answer) {
  try {
    const bytes = pyodide.makeMemorySnapshot();
    return storeSnapshot(key, bytes, answer).then(
      () => self.postMessage({ type: "snapshot", payload: { state: "stored", bytes: bytes.length } }),
      (error) => self.postMessage({ type: "snapshot", payload: { state: `failed: ${error}` } }),
    );
  } catch (error) {
    self.postMessage({ type: "snapshot", payload: { state: `failed: ${error}` } });
    return null;
  }
}

// The browser keeps a script's compiled code (V8's code cache) only from its second load on: the
// first load marks it, the second stores its code, the third uses it. So the next visit would
// compile Pyodide's pyodide.asm.mjs (1.25 MB of JavaScript) again, on this worker's thread while the
// WebAssembly and the snapshot load: ~45 ms instead of ~15 ms. Loaded here a second time, once
// Python is started (and the snapshot stored), it is stored for the next visit. The fragment makes
// it a module of its own; the HTTP cache and the code cache leave it out. Its top level only
// declares a function, so nothing runs twice.
function keepCompiledRuntime() {
  import(`${RUNTIME_MODULE}#code-cache`).catch(() => {}); // it only makes a later visit faster
}

function base64OfHex(hex) {
  const bytes = hex.match(/../g).map((pair) => Number.parseInt(pair, 16));
  return btoa(String.fromCharCode(...bytes));
}

const ready = start();
ready.then(
  () => {
    const report = timings.report(pythonStarted, FILE_NAMES);
    self.postMessage({ type: "ready", payload: { snapshot: snapshotState, timings: report } });
    offlineFiles().catch(() => {});
    dropOldSnapshotCache();
  },
  (error) => {
    stage = "failed";
    self.postMessage({ type: "failed", payload: { message: String(error) } });
  },
);

self.addEventListener("message", async (event) => {
  const { id, type, fn, payload } = event.data || {};
  if (type !== "evaluate" && type !== "call") {
    self.postMessage({ id, type: "error", payload: { message: `unknown request type: ${type}` } });
    return;
  }
  try {
    const call = await ready;
    const text = call(type === "evaluate" ? "evaluate" : String(fn), JSON.stringify(payload));
    self.postMessage({ id, type: "result", payload: JSON.parse(String(text)) });
  } catch (error) {
    self.postMessage({ id, type: "error", payload: { message: String(error) } });
  }
});
