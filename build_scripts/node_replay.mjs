// Replays input documents through the udlejning wheel inside Pyodide under Node, to check that
// Pyodide gives the same output as CPython (tests/test_pyodide_node.py drives it).
//
// Usage: node build_scripts/node_replay.mjs PYODIDE_DIR WHEEL INPUTS_JSON OUTPUTS_JSON
//   INPUTS_JSON: a JSON array of strings, each an input document as JSON text.
//   OUTPUTS_JSON: written with a JSON array of strings, udlejning.api.evaluate_json's answers.
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
const inputs = JSON.parse(readFileSync(inputsPath, "utf8"));
const outputs = inputs.map((text) => String(api.evaluate_json(text)));
writeFileSync(outputsPath, JSON.stringify(outputs));
console.error(`replayed ${outputs.length} documents in Pyodide ${pyodide.version}`);
