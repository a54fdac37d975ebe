// Module Web Worker: runs the udlejning rules package in Pyodide, off the main thread.
//
// Protocol (plain JSON-able objects only; no PyProxy ever leaves this worker):
//   page -> worker  {id, type: "call", fn: <endpoint name>, payload: <input document>}
//                   (fn is a key of udlejning.endpoints.ENDPOINTS, e.g. "evaluate", "priority",
//                   "placement", "wheel"; {id, type: "evaluate", payload} is short for fn "evaluate")
//   worker -> page  {id, type: "result", payload: <the endpoint's JSON answer>}
//                   {id, type: "error", payload: {message}}
//                   {type: "progress", payload: {stage, step, steps}}
//                   {type: "ready"} | {type: "failed", payload: {message}}
//                   {type: "offline-files", payload: {urls, files}} (once, after "ready")
//
// Nothing here uses the network except to load the runtime and the wheel from this site (through
// the service worker's cache when there is one); the answers never leave the browser.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const INDEX_URL = new URL("../pyodide/", import.meta.url).href;
const STEPS = 3;
const PACKAGE = "udlejning";
// One small household, run once before "ready" so the first real answer is as fast as the rest
// (the first call reads the package's data files). Its answer is thrown away.
const WARM_UP = {
  date: "2025-01-01",
  household: [{ id: "p1", role: "applicant", age: 30, employment: { kind: "employee", hours_per_week: 30 } }],
};

function progress(stage, step) {
  self.postMessage({ type: "progress", payload: { stage, step, steps: STEPS } });
}

function base64OfHex(hex) {
  const bytes = hex.match(/../g).map((pair) => Number.parseInt(pair, 16));
  return btoa(String.fromCharCode(...bytes));
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

// What this worker downloads, for the service worker (see calculator.mjs): on a first visit the
// worker starts before the service worker controls anything, so it keeps an unread copy of the
// WebAssembly runtime (too big for the browser's HTTP cache) to hand over after "ready".
const RUNTIME_WASM = new URL("pyodide.asm.wasm", INDEX_URL).href;
const downloaded = new Set([import.meta.url, new URL("pyodide.mjs", INDEX_URL).href]);
let wasmCopy = null;
const networkFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const response = await networkFetch(input, init);
  const url = response.url || String(input instanceof Request ? input.url : input);
  if (response.ok && url.startsWith(self.location.origin)) {
    downloaded.add(url);
    if (url === RUNTIME_WASM && !wasmCopy) wasmCopy = response.clone();
  }
  return response;
};

async function offlineFiles() {
  for (const entry of performance.getEntriesByType("resource")) {
    if (entry.name.startsWith(self.location.origin)) downloaded.add(entry.name);
  }
  const files = [];
  if (wasmCopy) {
    const copy = wasmCopy;
    wasmCopy = null;
    if (await caches.match(RUNTIME_WASM)) {
      await copy.body?.cancel(); // it came from the service worker's cache: nothing to hand over
    } else {
      const type = copy.headers.get("Content-Type") || "application/wasm";
      files.push({ url: RUNTIME_WASM, type, buffer: await copy.arrayBuffer() });
    }
  }
  self.postMessage(
    { type: "offline-files", payload: { urls: [...downloaded], files } },
    files.map((file) => file.buffer),
  );
}

async function start() {
  progress("runtime", 1);
  // The lockfile (built by build_scripts/build_site.py) lists our wheel with its sha256. It is
  // fetched once, here, and handed to Pyodide; the wheel is downloaded while Python starts, and
  // the browser checks it against that sha256 (Subresource Integrity) before we unpack it.
  const lockText = fetchOk(new URL("pyodide-lock.json", INDEX_URL)).then((r) => r.text());
  const wheel = lockText.then(async (text) => {
    const entry = JSON.parse(text).packages[PACKAGE];
    if (!entry) throw new Error(`${PACKAGE} is not in pyodide-lock.json`);
    const integrity = `sha256-${base64OfHex(entry.sha256)}`;
    const response = await fetchOk(new URL(entry.file_name, INDEX_URL), { integrity });
    return response.arrayBuffer();
  });
  wheel.catch(() => {}); // reported below, when it is awaited
  const pyodide = await loadPyodide({ indexURL: INDEX_URL, lockFileContents: lockText });
  progress("package", 2);
  pyodide.unpackArchive(await wheel, "wheel");
  const endpoints = pyodide.pyimport("udlejning.endpoints");
  const callJson = endpoints.call_json;
  const warmUp = JSON.stringify(WARM_UP);
  callJson("evaluate", warmUp);
  callJson("priority", JSON.stringify({ ...WARM_UP, situation: { stair: "omraadetrappe", trin: 1 } }));
  progress("ready", 3);
  return (fn, text) => callJson(fn, text);
}

const ready = start();
ready.then(
  () => {
    self.postMessage({ type: "ready" });
    offlineFiles().catch(() => {});
  },
  (error) => self.postMessage({ type: "failed", payload: { message: String(error) } }),
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
