// Replays input documents through the udlejning wheel inside Pyodide under Node, to check that
// Pyodide gives the same output as CPython (tests/test_pyodide_node.py drives it).
//
// Usage: node build_scripts/node_replay.mjs PYODIDE_DIR WHEEL INPUTS_JSON OUTPUTS_JSON
//   INPUTS_JSON: a JSON array; each item is [endpoint, text] (an endpoint name of
//     udlejning.endpoints and an input document as JSON text), or a bare text for "evaluate".
//   OUTPUTS_JSON: written with a JSON array of strings, udlejning.endpoints.call_json's answers
//     (the same entry point the browser worker uses).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { mountWheel } from "../calculator/web/wheel.mjs";

const [pyodideDir, wheelPath, inputsPath, outputsPath] = process.argv.slice(2);
if (!outputsPath) {
  console.error("usage: node_replay.mjs PYODIDE_DIR WHEEL INPUTS_JSON OUTPUTS_JSON");
  process.exit(2);
}

const indexURL = resolve(pyodideDir) + "/";
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const pyodide = await loadPyodide({
  indexURL,
  stdout: (line) => process.stderr.write(`[pyodide stdout] ${line}\n`),
  stderr: (line) => process.stderr.write(`[pyodide stderr] ${line}\n`),
});
mountWheel(pyodide, readFileSync(wheelPath)); // as the browser worker does
const endpoints = pyodide.pyimport("udlejning.endpoints");
const inputs = JSON.parse(readFileSync(inputsPath, "utf8"));
const outputs = inputs.map((item) => {
  const [name, text] = Array.isArray(item) ? item : ["evaluate", item];
  return String(endpoints.call_json(name, text));
});
writeFileSync(outputsPath, JSON.stringify(outputs));
console.error(`replayed ${outputs.length} documents in Pyodide ${pyodide.version}`);
