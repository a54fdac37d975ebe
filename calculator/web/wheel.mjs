// Puts the rules wheel where Python imports it from, shared by the browser worker (worker.mjs) and
// the Node checks (build_scripts/node_replay.mjs, snapshot_check.mjs), so they load it the same way.
//
// A wheel is a zip archive: the file goes on sys.path as it is and Python imports the package
// straight from it (zipimport; the package reads its data files through importlib.resources).
// Nothing is unpacked, which saves writing its ~200 files one by one. After a start from a memory
// snapshot sys.path already names it (the snapshot holds Python's memory, not the file system), so
// only the file is written again.
export const WHEEL_PATH = "/lib/udlejning-py3-none-any.whl";

export function mountWheel(pyodide, bytes) {
  pyodide.FS.writeFile(WHEEL_PATH, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  pyodide.runPython(`import sys\nif ${JSON.stringify(WHEEL_PATH)} not in sys.path: sys.path.insert(0, ${JSON.stringify(WHEEL_PATH)})`);
}
