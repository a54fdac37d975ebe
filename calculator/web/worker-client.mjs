// The page side of the rules worker (worker.mjs, started through worker-boot.mjs), shared by
// calculator.mjs and staff.mjs: one worker per page load, calls by endpoint name
// (udlejning.endpoints.ENDPOINTS), plain JSON both ways.
//
// `status` follows the worker (state: starting, loading, ready, failed; stage: the step shown) and
// is pushed to every function in `listeners`; `onMessage(type, payload)` lets a page see each
// message first (e.g. "offline-files", or to set performance marks).
//
// Never stuck, never stale:
// * Calls are queued until the worker is ready and each one then has CALL_TIMEOUT_MS. A worker
//   that does not answer in time (or a ping, see PING_AFTER_MS), or dies, is ended and started again (status.recomputing is true
//   meanwhile, stage "restarting"); the calls it had are sent again to the new one. After
//   MAX_RESTARTS in a row the client gives up with state "failed".
// * A start that fails (a file of the runtime cannot be loaded, see worker-boot.mjs) or makes no
//   progress for STALL_MS ends in state "failed" with `status.failure` ({reason, file, status});
//   failureText(status, lang) says it in the user's language, and retry() starts again.
// * status.rules is the rules version the worker runs (version.json, read with "no-store" when the
//   worker starts); status.newRules is set when a later check finds a newer deploy (checkForUpdate:
//   when the service worker reports a new build, when the page becomes visible again (at most
//   every MIN_CHECK_MS) and every UPDATE_CHECK_MS), so answers can be marked. Never while an
//   answer is computed: answering makes no request at all (tests/e2e/test_calculator_privacy.py).

const CALL_TIMEOUT_MS = 20000;
// A call not answered after PING_AFTER_MS sends a ping (worker.mjs answers any unknown request
// type at once); no sign of life PING_TIMEOUT_MS later means the worker is dead.
const PING_AFTER_MS = 1500;
const PING_TIMEOUT_MS = 5000;
const STALL_MS = 90000;
const MAX_RESTARTS = 3;
const UPDATE_CHECK_MS = 5 * 60 * 1000;
const MIN_CHECK_MS = 15000;
const VERSION_URL = new URL("../../version.json", import.meta.url);

const FAILURES = {
  http: {
    da: (f) => `Serveren sendte ikke filen ${f.file} (fejl ${f.status}).`,
    en: (f) => `The server did not send the file ${f.file} (error ${f.status}).`,
  },
  network: {
    da: (f) => `Filen ${f.file} kunne ikke hentes. Er du på nettet?`,
    en: (f) => `The file ${f.file} could not be downloaded. Are you online?`,
  },
  timeout: {
    da: (f) => `Det tog for lang tid at hente filen ${f.file}.`,
    en: (f) => `Downloading the file ${f.file} took too long.`,
  },
  integrity: {
    da: (f) => `Filen ${f.file} passede ikke til sin kontrolsum, så den blev ikke brugt.`,
    en: (f) => `The file ${f.file} did not match its checksum, so it was not used.`,
  },
  import: {
    da: (f) => `En fil til beregneren kunne ikke hentes (${f.file}).`,
    en: (f) => `A file the calculator needs could not be loaded (${f.file}).`,
  },
  stalled: {
    da: () => "Den blev ikke klar i tide.",
    en: () => "It did not get ready in time.",
  },
  crash: {
    da: () => "Den stoppede uventet.",
    en: () => "It stopped unexpectedly.",
  },
};
const RETRY_HINT = { da: "Tryk «Prøv igen».", en: "Press «Try again»." };

// The failure in plain words in the user's language (never the browser's raw error text).
export function failureText(status, lang) {
  const failure = status.failure || { reason: "crash" };
  const texts = FAILURES[failure.reason] || FAILURES.crash;
  const language = lang === "en" ? "en" : "da";
  return `${texts[language]({ file: "", status: 0, ...failure })} ${RETRY_HINT[language]}`;
}

export function createWorkerClient() {
  const client = {
    worker: null,
    nextId: 1,
    pending: new Map(),
    status: {
      state: "starting", stage: "starting", step: 0, steps: 3, message: "",
      failure: null, recomputing: false, rules: null, newRules: null,
    }, // prettier-ignore
    listeners: new Set(),
    onMessage: null,
    restarts: 0,
    stallTimer: null,
    lastCheck: 0,
    checking: null,
    ping: null, // {id, timer} while a ping is out
  };

  function setStatus(update) {
    Object.assign(client.status, update);
    for (const listener of client.listeners) listener(client.status);
  }

  function watchStall() {
    clearTimeout(client.stallTimer);
    client.stallTimer = setTimeout(() => fail({ reason: "stalled" }, "no progress"), STALL_MS);
  }

  function stop() {
    clearTimeout(client.stallTimer);
    clearPing();
    if (client.worker) client.worker.terminate();
    client.worker = null;
    for (const entry of client.pending.values()) {
      clearTimeout(entry.timer);
      clearTimeout(entry.pingTimer);
      entry.sent = false;
    }
  }

  function fail(failure, message) {
    stop();
    setStatus({ state: "failed", failure, message: String(message || ""), recomputing: false });
    for (const { reject } of client.pending.values()) reject(new Error(client.status.message));
    client.pending.clear();
  }

  // A worker that died or stopped answering after it was ready: start a new one, send again.
  function restart(reason) {
    if (client.restarts >= MAX_RESTARTS) {
      fail({ reason: "crash" }, reason);
      return;
    }
    client.restarts += 1;
    stop();
    setStatus({ state: "loading", stage: "restarting", step: 0, recomputing: true });
    spawn();
  }

  function send(id) {
    const entry = client.pending.get(id);
    if (!entry || entry.sent || client.status.state !== "ready") return;
    entry.sent = true;
    entry.started = performance.now();
    entry.timer = setTimeout(() => restart(`no answer to ${entry.fn}`), CALL_TIMEOUT_MS);
    entry.pingTimer = setTimeout(ping, PING_AFTER_MS);
    client.worker.postMessage({ id, type: "call", fn: entry.fn, payload: entry.payload });
  }

  function clearPing() {
    if (client.ping) clearTimeout(client.ping.timer);
    client.ping = null;
  }

  function ping() {
    if (client.ping || !client.worker) return;
    const id = client.nextId++;
    client.ping = { id, timer: setTimeout(() => restart("no answer to a ping"), PING_TIMEOUT_MS) };
    client.worker.postMessage({ id, type: "ping" });
  }

  function onReady() {
    clearTimeout(client.stallTimer);
    setStatus({ state: "ready", stage: "ready", step: client.status.steps, recomputing: false, failure: null });
    for (const id of client.pending.keys()) send(id);
  }

  function onAnswer(id, type, payload) {
    const entry = client.pending.get(id);
    client.pending.delete(id);
    clearTimeout(entry.timer);
    clearTimeout(entry.pingTimer);
    client.restarts = 0;
    performance.measure(`udlejning:call:${entry.fn}`, { start: entry.started, end: performance.now() });
    if (type === "result") entry.resolve(payload);
    else entry.reject(new Error(payload && payload.message ? payload.message : "unknown error"));
  }

  function onWorkerMessage(worker, event) {
    if (worker !== client.worker) return; // a message from a worker that was ended
    const { id, type, payload } = event.data || {};
    clearPing(); // any message is a sign of life
    if (client.onMessage) client.onMessage(type, payload);
    if (type === "progress") {
      watchStall();
      setStatus({ state: "loading", stage: client.status.recomputing ? "restarting" : payload.stage, step: payload.step, steps: payload.steps });
    } else if (type === "ready") {
      // For build_scripts/bench_calculator.py: whether the memory snapshot was used, and when
      // each start-up phase ran (worker.mjs, timings.mjs).
      performance.mark("udlejning:worker-ready", { detail: payload });
      onReady();
    } else if (type === "snapshot") {
      // For build_scripts/bench_calculator.py: the memory snapshot a repeat visit starts from is
      // stored (or could not be).
      performance.mark("udlejning:snapshot", { detail: payload });
    } else if (type === "load-error") {
      client.loadError = payload;
    } else if (type === "failed") {
      fail(client.loadError || { reason: "crash" }, payload && payload.message);
    } else if (client.pending.has(id)) {
      onAnswer(id, type, payload);
    }
    if (type === "load-error" && client.status.state !== "ready") fail(payload, `${payload.reason} ${payload.file}`);
  }

  // The worker the page's <head> started (start-python.js), once: with the events it kept.
  function adoptEarlyWorker() {
    const early = globalThis.udlejningEarlyWorker;
    if (!early || !early.worker) return null;
    globalThis.udlejningEarlyWorker = null;
    const events = early.events || [];
    early.events = null; // stops keeping: the listeners below take over
    return { worker: early.worker, events };
  }

  function spawn() {
    client.loadError = null;
    readRules();
    const early = adoptEarlyWorker();
    const module = new URL("./worker.mjs", import.meta.url).href;
    const worker = early ? early.worker : new Worker(new URL("./worker-boot.mjs", import.meta.url), { type: "module", name: module });
    worker.addEventListener("message", (event) => onWorkerMessage(worker, event));
    const died = (event) => {
      if (worker !== client.worker) return;
      if (client.status.state === "ready") restart("worker error");
      else fail(client.loadError || { reason: "import", file: "worker.mjs" }, (event && event.message) || "worker error");
    };
    worker.addEventListener("error", died);
    worker.addEventListener("messageerror", died);
    client.worker = worker;
    watchStall();
    for (const event of early ? early.events : []) {
      if (event.type === "message") onWorkerMessage(worker, event);
      else died(event);
    }
    return worker;
  }

  function start() {
    if (client.worker) return client.worker;
    if (client.status.state === "failed") return null; // retry() starts again
    listenForUpdates();
    return spawn();
  }

  function retry() {
    stop();
    client.restarts = 0;
    setStatus({ state: "starting", stage: "starting", step: 0, failure: null, message: "", recomputing: false });
    return spawn();
  }

  function call(fn, payload) {
    if (client.status.state === "failed") return Promise.reject(new Error(client.status.message));
    start();
    const id = client.nextId++;
    return new Promise((resolve, reject) => {
      client.pending.set(id, { resolve, reject, fn, payload, sent: false, timer: null, started: 0 });
      send(id);
    });
  }

  // --- the rules version ------------------------------------------------------------------------

  async function fetchVersion() {
    const response = await fetch(VERSION_URL, { cache: "no-store" });
    if (!response.ok) throw new Error(`version.json: HTTP ${response.status}`);
    const data = await response.json();
    return { version: String(data.version), build: String(data.build), date: String(data.date) };
  }

  // The version a new worker loads: read just before it fetches the lockfile and the wheel.
  function readRules() {
    fetchVersion().then(
      (rules) => setStatus({ rules, newRules: null }),
      () => {},
    );
  }

  function checkForUpdate({ force = false } = {}) {
    const now = Date.now();
    if (client.checking || (!force && now - client.lastCheck < MIN_CHECK_MS)) return client.checking || Promise.resolve(client.status.newRules);
    client.lastCheck = now;
    client.checking = fetchVersion()
      .then((latest) => {
        const current = client.status.rules;
        if (current && latest.build !== current.build) setStatus({ newRules: latest });
        return client.status.newRules;
      })
      .catch(() => client.status.newRules)
      .finally(() => {
        client.checking = null;
      });
    return client.checking;
  }

  function listenForUpdates() {
    if (client.listening) return;
    client.listening = true;
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.addEventListener("message", (event) => {
        if (event.data && event.data.type === "new-build") checkForUpdate({ force: true });
      });
    }
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") checkForUpdate();
    });
    setInterval(() => checkForUpdate({ force: true }), UPDATE_CHECK_MS);
  }

  return Object.assign(client, { setStatus, start, call, retry, checkForUpdate });
}
