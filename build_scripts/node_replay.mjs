// Replays input documents through the udlejning wheel inside Pyodide under Node, to check that
// Pyodide gives the same output as CPython (tests/test_pyodide_node.py drives it).
//
// Usage: node build_scripts/node_replay.mjs PYODIDE_DIR WHEEL INPUTS_JSON OUTPUTS_JSON
//   INPUTS_JSON: a JSON array; each item an input document as JSON text (for evaluate), or a pair
//     [endpoint name, JSON text] for another endpoint (udlejning.endpoints.call_json).
//   OUTPUTS_JSON: written with a JSON array of strings, the answers as JSON text.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

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
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
const api = pyodide.pyimport("udlejning.api");
const endpoints = pyodide.pyimport("udlejning.endpoints");
const inputs = JSON.parse(readFileSync(inputsPath, "utf8"));
const outputs = inputs.map((item) =>
  Array.isArray(item) ? String(endpoints.call_json(item[0], item[1])) : String(api.evaluate_json(item)),
);
writeFileSync(outputsPath, JSON.stringify(outputs));
console.error(`replayed ${outputs.length} documents in Pyodide ${pyodide.version}`);
