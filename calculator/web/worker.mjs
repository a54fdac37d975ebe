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
import { loadPyodide } from "../pyodide/pyodide.mjs";

const INDEX_URL = new URL("../pyodide/", import.meta.url).href;
const STEPS = 3;

function progress(stage, step) {
  self.postMessage({ type: "progress", payload: { stage, step, steps: STEPS } });
}

async function start() {
  progress("runtime", 1);
  const pyodide = await loadPyodide({ indexURL: INDEX_URL });
  progress("package", 2);
  // The lockfile (built by build_scripts/build_site.py) lists our wheel with its sha256.
  await pyodide.loadPackage("udlejning", {
    messageCallback: () => {},
    errorCallback: (message) => console.error(message),
  });
  const endpoints = pyodide.pyimport("udlejning.endpoints");
  const callJson = endpoints.call_json;
  progress("ready", 3);
  return (fn, text) => callJson(fn, text);
}

const ready = start();
ready.then(
  () => self.postMessage({ type: "ready" }),
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
