// A worker of its own that fetches and compiles the runtime's WebAssembly (9.6 MB), started by the
// rules worker (worker.mjs). Its thread does nothing else, so the bytes are compiled as they
// arrive; in the rules worker they waited while that thread read the memory snapshot and loaded
// Pyodide's JavaScript (a repeat visit's start was mostly that wait).
//   rules worker -> here  {type: "start", url, integrity}
//                         {type: "copy"}: the file's bytes, for the service worker's offline copy
//                         {type: "drop"}: no copy needed
//   here -> rules worker  {type: "bytes", received} (bytes of the file so far, as they arrive)
//                         {type: "module", module, timing} (a WebAssembly.Module, and when and
//                         from where the file came: its resource timing)
//                         {type: "failed", message, timeout} (the rules worker then fetches it
//                         itself, so a missing or changed file is reported as before; no answer
//                         within LOAD_TIMEOUT_MS is reported at once)
//                         {type: "copy", contentType, buffer} (the answer; buffer null when dropped)
const LOAD_TIMEOUT_MS = 30000; // as worker-boot.mjs: no answer by then is a "timeout"
let copy = null;

async function start({ url, integrity }) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), LOAD_TIMEOUT_MS);
  try {
    const response = await fetch(url, { integrity, signal: controller.signal });
    clearTimeout(timer);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    copy = response.clone();
    count(response.clone());
    const module = await WebAssembly.compileStreaming(response);
    self.postMessage({ type: "module", module, timing: timing(url) });
  } catch (error) {
    copy = null;
    const message = String(error && error.message ? error.message : error);
    self.postMessage({ type: "failed", message, timeout: controller.signal.aborted });
  }
}

// The file's resource timing, for the start-up timings (timings.mjs) of the rules worker.
function timing(url) {
  const entry = performance.getEntriesByName(url).slice(-1)[0];
  if (!entry) return null;
  const { startTime, responseEnd, deliveryType, transferSize, decodedBodySize, workerStart } = entry;
  const fields = { startTime, responseEnd, deliveryType, transferSize, decodedBodySize, workerStart };
  return { entry: fields, timeOrigin: performance.timeOrigin };
}

async function count(response) {
  const reader = response.body?.getReader();
  if (!reader) return;
  let received = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    const now = performance.now();
    if (now - last > 100) {
      last = now;
      self.postMessage({ type: "bytes", received });
    }
  }
  self.postMessage({ type: "bytes", received });
}

async function handOver(wanted) {
  const kept = copy;
  copy = null;
  if (!kept || !wanted) {
    await kept?.body?.cancel();
    self.postMessage({ type: "copy", buffer: null });
    return;
  }
  const buffer = await kept.arrayBuffer();
  self.postMessage({ type: "copy", contentType: kept.headers.get("Content-Type"), buffer }, [buffer]);
}

self.addEventListener("message", ({ data }) => {
  if (data && data.type === "start") start(data);
  else if (data && (data.type === "copy" || data.type === "drop")) handOver(data.type === "copy").catch(() => {});
});
