// Precompiles Python for the browser with the site's own Pyodide (same CPython and magic number),
// under Node. Called by build_scripts/build_site.py; not a test.
//
// Usage: node build_scripts/pyodide_compile.mjs PYODIDE_DIR WHEEL INPUTS_JSON OUT_DIR
//   INPUTS_JSON: a JSON array of [endpoint, document-as-JSON-text] pairs that exercise every
//                endpoint (valid documents and error paths).
// Writes into OUT_DIR:
//   python_stdlib.zip  the standard library trimmed to the modules start-up and the endpoints
//                      import, as unchecked-hash .pyc files (no sources, no docstrings);
//   <wheel name>       the wheel with every .py replaced by its .pyc (no docstrings; unchecked
//                      hash, in place: Python imports a sourceless .pyc directly). Pyodide only
//                      ever reads the .pyc, so the sources would only add bytes (plus
//                      udlejning/data_files.pickle:
//                      its TOML files parsed, see udlejning/data_files.py, which stand in for the
//                      TOML files; the JSON schemas are left out too: see DATA_ONLY; and
//                      udlejning/dataclass_code.marshal: the code of the methods @dataclass
//                      wrote while the inputs ran, compiled, see udlejning/dataclass_code.py); a traceback
//                      still names the module's file and line as in the repository (the code
//                      objects keep "udlejning/....py"), only without the source line;
//   compile.json       {modules: [...], answers: [...]} the stdlib modules kept, and the answers
//                      of INPUTS_JSON with the full stdlib and the plain wheel.
// Then it starts a second Pyodide from the trimmed stdlib and the compiled wheel and replays the
// inputs: any answer that differs (e.g. a module missing from the trimmed stdlib) fails the build,
// and so does a dataclass whose methods it had to compile (dataclass_code.marshal misses it).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { mountWheel } from "../calculator/web/wheel.mjs";

const [pyodideDir, wheelPath, inputsPath, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: pyodide_compile.mjs PYODIDE_DIR WHEEL INPUTS_JSON OUT_DIR");
  process.exit(2);
}
const indexURL = resolve(pyodideDir) + "/";
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const inputs = JSON.parse(readFileSync(inputsPath, "utf8"));
const quiet = { stdout: (l) => process.stderr.write(`[py] ${l}\n`), stderr: (l) => process.stderr.write(`[py] ${l}\n`) };

const EXERCISE = `
import ast, importlib, json, sys
from udlejning.endpoints import call_json

def exercise(pairs):
    return [call_json(fn, text) for fn, text in pairs]

def stdlib_imports_of_package():
    """Every stdlib module the package imports anywhere (also inside functions), imported now so
    that what they import at import time is recorded too."""
    import zipfile
    import udlejning
    names = set()
    with zipfile.ZipFile(udlejning.__spec__.loader.archive) as wheel:  # imported from the wheel
        sources = [wheel.read(n).decode("utf-8") for n in wheel.namelist() if n.endswith(".py")]
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    for name in sorted(names):
        if not name.startswith("udlejning"):
            importlib.import_module(name)
`;

const COMPILE = `
import ast, importlib.util, io, sys, zipfile, base64, hashlib, csv
from importlib._bootstrap_external import _code_to_hash_pyc

STDLIB = next(p for p in sys.path if p.endswith(".zip"))
FIXED = (1980, 1, 1, 0, 0, 0)

# Classes keep theirs: a dataclass without one gets one made from its signature (inspect) when it
# is created, which costs more at import than the few bytes it saves.
DOCUMENTED = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)

def without_docstrings(tree: ast.Module) -> ast.Module:
    """The tree with the docstring of every module and function left out (as python -OO does,
    but keeping assert statements and class docstrings): the browser never reads them, and they
    are ~12 % of the stdlib's compiled bytes. A body that was only its docstring becomes a pass."""
    for node in ast.walk(tree):
        if not isinstance(node, DOCUMENTED) or not node.body:
            continue
        first = node.body[0]
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
            node.body[0:1] = [] if len(node.body) > 1 else [ast.copy_location(ast.Pass(), first)]
    return tree

def pyc(source: bytes, name: str) -> bytes:
    code = compile(without_docstrings(ast.parse(source, name)), name, "exec", dont_inherit=True)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), False))

def add(zf, name, data):
    info = zipfile.ZipInfo(name, FIXED)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)

# The package's files Python never reads from the browser's wheel: its TOML files (all parsed into
# data_files.pickle) and the JSON schemas (the site serves its own copy; the package makes them
# from code). Leaving them out halves the entries zipimport reads at the first import.
DATA_ONLY = (".toml", ".json")

def trimmed_stdlib() -> tuple[bytes, list[str]]:
    prefix = STDLIB + "/"
    keep = {}
    for name, module in list(sys.modules.items()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(prefix) and origin.endswith(".py"):
            keep[origin[len(prefix):]] = name
    out = io.BytesIO()
    with zipfile.ZipFile(STDLIB) as src, zipfile.ZipFile(out, "w") as zf:
        for member in sorted(keep):
            add(zf, member[:-3] + ".pyc", pyc(src.read(member), member))
    return out.getvalue(), sorted(keep.values())

def add_member(zf, added, name, date_time, data):
    """Writes data into the wheel as name (stored) and its RECORD row into added."""
    new = zipfile.ZipInfo(name, date_time)
    new.compress_type = zipfile.ZIP_STORED
    new.external_attr = 0o644 << 16
    zf.writestr(new, data)
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    added.append([name, "sha256=" + digest.decode(), str(len(data))])

def compiled_wheel(data: bytes) -> bytes:
    out = io.BytesIO()
    # Stored, not deflated: unpacking in the browser inflates nothing, and the brotli copy nginx
    # sends compresses across files (smaller than a deflated wheel).
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        record_name = next(n for n in src.namelist() if n.endswith(".dist-info/RECORD"))
        rows = [row for row in csv.reader(io.StringIO(src.read(record_name).decode())) if row]
        added = []
        not_as_is = set()
        # Read before the loop: writing a member into the new zip changes its ZipInfo in place.
        from udlejning import data_files
        package = "udlejning/"
        tomls = {n[len(package):]: src.read(n).decode("utf-8") for n in src.namelist()
                 if n.startswith(package) and n.endswith(".toml")}
        init_time = src.getinfo(package + "__init__.py").date_time
        for info in src.infolist():
            body = src.read(info)
            if info.filename == record_name:
                continue
            if info.filename.startswith(package) and info.filename.endswith(DATA_ONLY):
                not_as_is.add(info.filename)  # in the pickle (TOML), or never read (JSON)
                continue
            if not info.filename.endswith(".py"):
                info.compress_type = zipfile.ZIP_STORED
                zf.writestr(info, body)
            else:
                not_as_is.add(info.filename)
                add_member(zf, added, info.filename[:-3] + ".pyc", info.date_time, pyc(body, info.filename))
        # Every TOML file of the package, parsed now (udlejning/data_files.py reads it).
        add_member(zf, added, package + data_files.PACKED, init_time, data_files.packed(tomls))
        # The code of the methods @dataclass wrote while the inputs ran (see the recorder below).
        from udlejning import dataclass_code
        code = dataclass_code.packed(RECORDED_DATACLASS_CODE)
        add_member(zf, added, package + dataclass_code.PACKED, init_time, code)
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\\n")
        rows = [row for row in rows if row[0] not in not_as_is]
        for row in rows[:-1] + added + rows[-1:]:
            writer.writerow(row)
        info = src.getinfo(record_name)
        info.compress_type = zipfile.ZIP_STORED
        zf.writestr(info, text.getvalue().encode())
    return out.getvalue()
`;

async function start(options) {
  const pyodide = await loadPyodide({ indexURL, ...quiet, ...options });
  return pyodide;
}

function run(pyodide, pairs) {
  pyodide.runPython(EXERCISE);
  const exercise = pyodide.globals.get("exercise");
  const answers = exercise(pyodide.toPy(pairs)).toJs();
  exercise.destroy();
  return answers;
}

const wheel = new Uint8Array(readFileSync(wheelPath));
// A fixed hash seed: set and frozenset constants are marshalled in hash order, so without it the
// same sources give different .pyc bytes (and new content-hashed names) on every build.
const full = await start({ env: { PYTHONHASHSEED: "0" } });
mountWheel(full, wheel); // as the browser worker does (calculator/web/wheel.mjs)
// Before the inputs import the rules: dataclasses' exec keeps what it compiles.
full.runPython(`
import dataclasses
from udlejning import dataclass_code
_exec_recording, RECORDED_DATACLASS_CODE = dataclass_code.recorder()
dataclasses.exec = _exec_recording
`);
const answers = run(full, inputs);
full.runPython("del dataclasses.exec");
full.runPython("stdlib_imports_of_package()");
full.runPython(COMPILE);
const [stdlibProxy, modulesProxy] = full.globals.get("trimmed_stdlib")();
const stdlib = stdlibProxy.toJs();
const modules = modulesProxy.toJs();
const compiledWheel = full.globals.get("compiled_wheel")(full.toPy(wheel)).toJs();

mkdirSync(outDir, { recursive: true });
const stdlibPath = join(outDir, "python_stdlib.zip");
writeFileSync(stdlibPath, stdlib);
writeFileSync(join(outDir, basename(wheelPath)), compiledWheel);

// The check: the trimmed, compiled Python gives the same answers for every input.
const trimmed = await start({ stdLibURL: stdlibPath });
mountWheel(trimmed, compiledWheel);
const again = run(trimmed, inputs);
const differing = inputs.filter((_, i) => again[i] !== answers[i]).map(([fn]) => fn);
if (differing.length) {
  console.error(`the trimmed .pyc stdlib changes answers of: ${[...new Set(differing)].join(", ")}`);
  const i = inputs.findIndex((_, k) => again[k] !== answers[k]);
  console.error(`first difference:\n full:    ${answers[i].slice(0, 400)}\n trimmed: ${again[i].slice(0, 400)}`);
  process.exit(1);
}
const dataclassCode = JSON.parse(trimmed.runPython("import json\nfrom udlejning import dataclass_code\njson.dumps(dataclass_code.counts)"));
if (dataclassCode.compiled || !dataclassCode.known) {
  console.error(`the compiled wheel's dataclass code: ${JSON.stringify(dataclassCode)} (known: run from it; compiled: missing)`);
  process.exit(1);
}
writeFileSync(join(outDir, "compile.json"), JSON.stringify({ pyodide: full.version, modules, answers, dataclassCode }));
console.error(
  `compiled ${modules.length} stdlib modules (${stdlib.length} bytes) and the wheel; ` +
    `${inputs.length} inputs give the same answers with the trimmed stdlib (Pyodide ${full.version}); ` +
    `${dataclassCode.known} dataclasses made from compiled code`,
);
