// The page side of the rules worker (worker.mjs), shared by calculator.mjs and staff.mjs: one
// worker per page load, calls by endpoint name (udlejning.endpoints.ENDPOINTS), plain JSON both
// ways. `status` follows the worker's start-up (starting, loading, ready, failed) and is pushed to
// every function in `listeners`; `onMessage(type, payload)` lets a page see each message first
// (e.g. "offline-files", or to set performance marks).

export function createWorkerClient() {
  const client = {
    worker: null,
    nextId: 1,
    pending: new Map(),
    status: { state: "starting", stage: "starting", step: 0, steps: 3, message: "" },
    listeners: new Set(),
    onMessage: null,
  };

  function setStatus(update) {
    Object.assign(client.status, update);
    for (const listener of client.listeners) listener(client.status);
  }

  function rejectAll(message) {
    for (const { reject } of client.pending.values()) reject(new Error(message));
    client.pending.clear();
  }

  function start() {
    if (client.worker) return client.worker;
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
    worker.addEventListener("message", (event) => {
      const { id, type, payload } = event.data || {};
      if (client.onMessage) client.onMessage(type, payload);
      if (type === "progress") {
        setStatus({ state: "loading", stage: payload.stage, step: payload.step, steps: payload.steps });
      } else if (type === "ready") {
        setStatus({ state: "ready", stage: "ready", step: client.status.steps });
      } else if (type === "failed") {
        setStatus({ state: "failed", message: payload.message });
        rejectAll(payload.message);
      } else if (client.pending.has(id)) {
        const { resolve, reject, fn, started } = client.pending.get(id);
        client.pending.delete(id);
        performance.measure(`udlejning:call:${fn}`, { start: started, end: performance.now() });
        if (type === "result") resolve(payload);
        else reject(new Error(payload && payload.message ? payload.message : "unknown error"));
      }
    });
    worker.addEventListener("error", (event) => {
      setStatus({ state: "failed", message: event.message || "worker error" });
      rejectAll("worker error");
    });
    client.worker = worker;
    return worker;
  }

  function call(fn, payload) {
    if (client.status.state === "failed") return Promise.reject(new Error(client.status.message));
    const worker = start();
    const id = client.nextId++;
    return new Promise((resolve, reject) => {
      client.pending.set(id, { resolve, reject, fn, started: performance.now() });
      worker.postMessage({ id, type: "call", fn, payload });
    });
  }

  return Object.assign(client, { setStatus, start, call });
}
