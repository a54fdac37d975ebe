// The page's one rules worker (worker-client.mjs), shared by the calculator and the staff tools.
//
// On the pages that run Python, <head> loads start-python.mjs (put there by
// build_scripts/hooks.py), which starts the worker while the rest of the page still loads;
// calculator.mjs and staff.mjs import this same module, so they find the worker already starting.
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
    performance.mark("udlejning:start");
  }
  return client.start();
}
