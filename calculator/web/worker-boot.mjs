// Entry point of the rules worker (started by worker-client.mjs, which passes the URL of the
// worker module, worker.mjs, as the worker's name). Before importing it, it watches every file the
// runtime downloads, so a load failure ends in a message to the page instead of a silent hang:
//   worker -> page  {type: "load-error", payload: {reason, file, status}}
// reason: "http" (the server answered an error status), "network" (no answer), "timeout" (no
// answer within LOAD_TIMEOUT_MS), "integrity" (the file arrived but did not match its sha256),
// "import" (the worker module or one it imports could not be loaded), "crash" (an error nobody
// handled while starting). Only the first one is sent; the page ends the worker and offers a retry.
const LOAD_TIMEOUT_MS = 30000;

let reported = false;
function report(reason, url, status = 0) {
  if (reported) return;
  reported = true;
  const file = url ? String(url).split("#")[0].split("?")[0].split("/").pop() : "";
  self.postMessage({ type: "load-error", payload: { reason, file, status } });
}

const networkFetch = self.fetch.bind(self);

async function fetchWatched(input, init = {}) {
  const url = input instanceof Request ? input.url : String(input);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), LOAD_TIMEOUT_MS);
  const signal = init.signal || controller.signal;
  try {
    const response = await networkFetch(input, { ...init, signal });
    if (!response.ok) report("http", url, response.status);
    return response;
  } catch (error) {
    if (controller.signal.aborted) report("timeout", url);
    else if (init.integrity) {
      // A fetch with a checksum fails as a whole when the server sends an error page instead of
      // the file: ask again without the checksum to tell an error status from a changed file.
      const again = await networkFetch(url).then((r) => r, () => null);
      if (again && !again.ok) report("http", url, again.status);
      else if (again) report("integrity", url);
      else report("network", url);
    } else report("network", url);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
self.fetch = fetchWatched;

self.addEventListener("unhandledrejection", (event) => {
  report("crash", "", 0);
  self.postMessage({ type: "failed", payload: { message: String(event.reason) } });
});

// The runtime's WebAssembly (~9.6 MB) is the longest download of a start: it is fetched from
// here, while the worker module and its imports load, and handed over as self.udlejningEarlyWasm:
// {url, responded: a promise of {original, copy}: the response, and an unread clone for worker.mjs
// to count its bytes and check its sha256}. It is compiled only when Pyodide asks for it (see
// worker.mjs). worker.mjs fetches it itself when this is missing (e.g. a browser without
// WebAssembly.compileStreaming) or names another file.
function startWasm(index) {
  if (!WebAssembly.compileStreaming || "udlejningEarlyWasm" in self) return; // worker.mjs was first
  const url = new URL("pyodide.asm.wasm", index).href;
  const responded = fetchWatched(url).then((original) => ({ original, copy: original.clone() }));
  responded.catch(() => {}); // reported by fetchWatched, and by worker.mjs when it adopts it
  self.udlejningEarlyWasm = { url, responded };
}

// Pyodide's two JavaScript modules, loaded from here too: worker.mjs imports the same URLs and gets
// these modules (one module per URL), ~85 ms sooner on a first visit (A/B, 7 rounds: first visit
// 994 -> 949 ms). A failure is reported by worker.mjs's own import.
function startModules(index) {
  for (const name of ["pyodide.asm.mjs", "pyodide.mjs"]) import(new URL(name, index).href).catch(() => {});
}

try {
  const runtime = import("./runtime.mjs").then(
    ({ RUNTIME }) => {
      // The same URL as worker.mjs's INDEX_URL, so both import the same modules.
      const index = new URL(RUNTIME.index, new URL("../pyodide/", import.meta.url));
      startWasm(index);
      startModules(index);
    },
    () => {}, // worker.mjs reports it
  );
  const worker = import(self.name || "./worker.mjs");
  await runtime;
  await worker;
} catch (error) {
  const match = /https?:\/\/\S+/.exec(String(error && error.message));
  report("import", match ? match[0] : self.name);
  self.postMessage({ type: "failed", payload: { message: String(error) } });
}
