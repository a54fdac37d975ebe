// Start-up phases of a Pyodide worker, for build_scripts/bench_calculator.py (imported by
// worker.mjs and by the benchmark's bare loadPyodide() worker, so both are measured alike).
// Times are absolute (performance.timeOrigin + now, in ms), so the page can put them on its own
// timeline. Nothing here uses the network or changes what the worker does.
//
//   worker     the worker's own start -> this module running (its scripts fetched and parsed)
//   wasm       WebAssembly.instantiateStreaming called -> the instance ready (compile included)
//   python     the instance ready -> loadPyodide resolved: Python started from the stdlib, or
//              restored from a memory snapshot
//   <file>     a runtime file's download, from the browser's resource timing (with where it came
//              from: "network", "http-cache" or "service-worker")
// and whatever the worker adds with span() / mark().

const now = () => performance.timeOrigin + performance.now();

export function startTimings() {
  const phases = { worker: [performance.timeOrigin, now()] };
  const instantiate = WebAssembly.instantiateStreaming;
  if (instantiate) {
    WebAssembly.instantiateStreaming = async (...args) => {
      const start = now();
      try {
        return await instantiate.apply(WebAssembly, args);
      } finally {
        phases.wasm = [start, now()];
      }
    };
  }
  function mark(name, start, end = now()) {
    phases[name] = [start, end];
  }
  async function span(name, promise) {
    const start = now();
    try {
      return await promise;
    } finally {
      mark(name, start);
    }
  }
  function files(names) {
    const found = {};
    for (const entry of performance.getEntriesByType("resource")) {
      const name = names.find((n) => entry.name.split("?")[0].endsWith(n));
      if (!name) continue;
      // A service worker that leaves a request to the browser still sets workerStart: what
      // tells where the bytes came from is the HTTP cache's mark and the bytes transferred.
      let source = "network";
      if (entry.deliveryType === "cache") source = "http-cache";
      else if (entry.transferSize === 0 && entry.decodedBodySize > 0) source = entry.workerStart > 0 ? "service-worker" : "http-cache";
      found[name] = {
        start: performance.timeOrigin + entry.startTime,
        end: performance.timeOrigin + entry.responseEnd,
        source,
      };
    }
    return found;
  }
  // Everything so far, for the "ready" message; `loaded` is when loadPyodide resolved.
  function report(loaded, fileNames) {
    const out = { ...phases };
    if (phases.wasm && loaded) out.python = [phases.wasm[1], loaded];
    return { phases: out, files: files(fileNames) };
  }
  return { mark, span, report, now };
}
