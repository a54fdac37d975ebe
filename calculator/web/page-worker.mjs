// The page's one rules worker (worker-client.mjs), shared by the calculator and the staff tools.
//
// On the pages that run Python, an inline script in <head> (start-python.js, put there by
// build_scripts/hooks.py) starts the worker while the rest of the page still loads; the client
// takes that worker over when calculator.mjs or staff.mjs first starts Python.
// Messages the page may need after they came ("ready", "offline-files") are kept for a page
// script that subscribes late (whenMessage).
import { recordProgress } from "./progress.mjs";
import { createWorkerClient } from "./worker-client.mjs";

export const client = createWorkerClient();
const received = new Map();
const waiting = new Map();

client.onMessage = (type, payload) => {
  if (type === "progress") {
    recordProgress(client, payload);
    performance.mark(`udlejning:stage:${payload.stage}`);
  } else if (type === "ready") {
    performance.mark("udlejning:ready");
  }
  if (type !== "ready" && type !== "offline-files") return;
  received.set(type, payload);
  for (const callback of waiting.get(type) || []) callback(payload);
  waiting.delete(type);
};

// Calls `callback(payload)` once for the first message of `type`, at once if it already came.
export function whenMessage(type, callback) {
  if (received.has(type)) callback(received.get(type));
  else waiting.set(type, [...(waiting.get(type) || []), callback]);
}

// Whether a service worker controlled this page when it loaded (before the rules worker started).
export const controlledAtStart = Boolean(typeof navigator !== "undefined" && navigator.serviceWorker && navigator.serviceWorker.controller);

let started = false;
export function startPython() {
  if (!started) {
    started = true;
    // The early start marked it already (start-python.js).
    if (!globalThis.udlejningEarlyWorker) performance.mark("udlejning:start");
  }
  return client.start();
}

// The worker <head> started is taken over as soon as this module runs, so its progress shows.
if (globalThis.udlejningEarlyWorker) startPython();
