// Memory snapshots of the rules worker's Python, kept in the origin private file system (OPFS)
// for repeat visits.
//
// A snapshot is Pyodide's whole WebAssembly memory after the rules package was imported and
// warmed up (~31 MB), made with Pyodide's private `makeMemorySnapshot()` (see worker.mjs). More
// than half of that memory is pages Python never wrote (64 KiB of zeros each): they are left out
// of the stored copy and put back as zeros when it is read, so a repeat visit reads and checks
// ~14 MB instead of ~31 MB.
//
// One file per snapshot, in the folder SNAPSHOT_FOLDER, named by the sha256 of its key (the
// Pyodide version and the sha256 of the wheel, the lockfile and the stdlib):
//   4 bytes   the length N of the header (unsigned, little-endian)
//   N bytes   the header, JSON: {format, key, sha256, warmUp, length, pages}: FORMAT, the key
//             again, the sha256 of the whole memory, the sha256 of the warm-up answer the snapshot
//             gave, the length of the whole memory and the map of the pages kept (see
//             withoutZeroPages)
//   the rest  the kept pages, one after the other
// The worker reads and writes it through a synchronous access handle, each run of kept pages
// straight from or into its place in the whole memory (no second ~14 MB buffer of the kept pages
// alone), where Cache Storage sent 14 MB through the browser in small pieces (a repeat visit's
// largest cost after the WebAssembly). It is used only when all of that matches; anything else
// (a new deploy, a corrupt or truncated file, an error, a file another tab is writing) drops it
// or leaves it, and the worker starts Python normally. Other files in the folder (older deploys)
// are dropped when a snapshot is looked up.
export const SNAPSHOT_FOLDER = "pyodide-snapshot-udlejning";
// The file layout above; a file with another one (an older deploy's) is dropped.
const FORMAT = 2;
// Where snapshots were kept before (Cache Storage): removed once, so a visitor's browser does not
// keep 14 MB nobody reads.
const OLD_SNAPSHOT_CACHE = "pyodide-snapshot-udlejning";

export function snapshotKey(runtime) {
  return [runtime.pyodide_version, runtime.wheel.sha256, runtime.lockfile.sha256, runtime.stdlib.sha256].join("/");
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// The sha256 of `bytes` / of `text` (UTF-8), in hex.
export async function bytesDigest(bytes) {
  return hex(await crypto.subtle.digest("SHA-256", bytes));
}

export async function textDigest(text) {
  return bytesDigest(new TextEncoder().encode(text));
}

export async function snapshotFileName(key) {
  return `${await textDigest(key)}.snapshot`;
}

// Whether this browser can keep snapshots: OPFS with synchronous access handles (dedicated
// workers only).
export function canKeepSnapshots() {
  return (
    typeof navigator !== "undefined" &&
    typeof navigator.storage?.getDirectory === "function" &&
    typeof FileSystemFileHandle !== "undefined" &&
    typeof FileSystemFileHandle.prototype.createSyncAccessHandle === "function"
  );
}

async function folder() {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(SNAPSHOT_FOLDER, { create: true });
}

// The file's header, or null when it has none (too short, no JSON object of this format with
// all its fields), and where its pages start.
function readHeader(access) {
  const size = access.getSize();
  const lengthBytes = new Uint8Array(4);
  if (size < 4 || access.read(lengthBytes, { at: 0 }) !== 4) return null;
  const headerLength = new DataView(lengthBytes.buffer).getUint32(0, true);
  if (4 + headerLength > size) return null;
  const headerBytes = new Uint8Array(headerLength);
  access.read(headerBytes, { at: 4 });
  let header;
  try {
    header = JSON.parse(new TextDecoder().decode(headerBytes));
  } catch {
    return null;
  }
  if (!header || typeof header !== "object" || header.format !== FORMAT) return null;
  const { sha256, warmUp, pages, length } = header;
  if ([sha256, warmUp, pages].some((v) => typeof v !== "string")) return null;
  if (!Number.isSafeInteger(length) || length < 0) return null;
  return { header, start: 4 + headerLength, size };
}

// The whole memory: each run of kept pages read from the file into its place, zeros elsewhere;
// null when the file holds fewer or more bytes than the map says.
function readMemory(access, { header, start, size }) {
  const memory = new Uint8Array(header.length);
  let at = start;
  for (const [from, to] of keptRuns(header.pages, header.length)) {
    if (access.read(memory.subarray(from, to), { at }) !== to - from) return null;
    at += to - from;
  }
  return at === size ? memory : null;
}

// The snapshot for `key`, read at once (synchronous reads of ~14 MB): null when there is none
// or it cannot be read (every file with another name is dropped; one that does not fit its
// header is dropped too, and given as {rejected: the reason}), else {bytes, verified, warmUp}:
// `bytes` is a promise of the whole memory; `verified` checks it against its sha256 while
// Pyodide restores it, and rejects (and drops the file) when they differ, so nothing is answered
// from it before it resolves; `warmUp` is the sha256 of the warm-up answer it gave.
export async function findSnapshot(key) {
  if (!canKeepSnapshots()) return null;
  let dir;
  let name;
  let file = null;
  let memory = null;
  try {
    [dir, name] = await Promise.all([folder(), snapshotFileName(key)]);
    for await (const entry of dir.keys()) {
      if (entry !== name) await dir.removeEntry(entry).catch(() => {});
    }
    const handle = await dir.getFileHandle(name);
    const access = await handle.createSyncAccessHandle();
    try {
      file = readHeader(access);
      if (file && file.header.key === key) memory = readMemory(access, file);
    } finally {
      access.close();
    }
  } catch {
    // none, another tab is writing it, or its page map does not fit its length (dropped below)
    if (!file) return null;
  }
  const drop = () => dir.removeEntry(name).catch(() => {});
  if (!memory) {
    await drop();
    return file ? { rejected: new Error("the snapshot file does not fit its header") } : null;
  }
  const header = file.header;
  const bytes = Promise.resolve(memory);
  const verified = bytesDigest(memory).then(async (sha256) => {
    if (sha256 !== header.sha256) {
      await drop();
      throw new Error("the snapshot's sha256 differs");
    }
  });
  bytes.catch(() => {}); // awaited by Pyodide; a rejection is handled there
  verified.catch(() => {}); // awaited by the worker before "ready"
  return { bytes, verified, warmUp: header.warmUp };
}

// Writes the snapshot of `bytes` (the whole memory) for `key`; resolves to the bytes written.
export async function storeSnapshot(key, bytes, warmUpAnswer) {
  const { kept, pages } = withoutZeroPages(bytes);
  const header = {
    format: FORMAT,
    key,
    sha256: await bytesDigest(bytes),
    warmUp: await textDigest(warmUpAnswer),
    length: bytes.length,
    pages,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const lengthBytes = new Uint8Array(4);
  new DataView(lengthBytes.buffer).setUint32(0, headerBytes.length, true);
  const [dir, name] = await Promise.all([folder(), snapshotFileName(key)]);
  const handle = await dir.getFileHandle(name, { create: true });
  const access = await handle.createSyncAccessHandle();
  try {
    access.truncate(0);
    access.write(lengthBytes, { at: 0 });
    access.write(headerBytes, { at: 4 });
    let at = 4 + headerBytes.length;
    for (const page of kept) at += access.write(page, { at });
    access.flush();
    return at;
  } finally {
    access.close();
  }
}

export async function dropSnapshot() {
  try {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(SNAPSHOT_FOLDER, { recursive: true });
  } catch {
    // nothing to drop
  }
}

// Removes the Cache Storage copy older versions kept.
export async function dropOldSnapshotCache() {
  try {
    if (typeof caches !== "undefined") await caches.delete(OLD_SNAPSHOT_CACHE);
  } catch {
    // nothing to drop
  }
}

const PAGE_BYTES = 65536; // WebAssembly's page

function isZero(bytes, start, end) {
  let i = start;
  if (bytes.byteOffset % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + start, (end - start) >> 2);
    for (const word of words) if (word !== 0) return false;
    i = start + words.length * 4;
  }
  for (; i < end; i++) if (bytes[i] !== 0) return false;
  return true;
}

// The pages of `bytes` that are not all zeros, and a map of them: one hex digit per four pages,
// the highest bit for the first (so "8" is page 0 alone, "f0" pages 0 to 3).
export function withoutZeroPages(bytes) {
  const kept = [];
  const bits = [];
  for (let start = 0; start < bytes.length; start += PAGE_BYTES) {
    const end = Math.min(start + PAGE_BYTES, bytes.length);
    const zero = isZero(bytes, start, end);
    bits.push(zero ? 0 : 1);
    if (!zero) kept.push(bytes.subarray(start, end));
  }
  while (bits.length % 4) bits.push(0);
  let pages = "";
  for (let i = 0; i < bits.length; i += 4) {
    pages += ((bits[i] << 3) | (bits[i + 1] << 2) | (bits[i + 2] << 1) | bits[i + 3]).toString(16);
  }
  return { kept, pages };
}

// The byte ranges [from, to) of a memory of `length` bytes that the map `pages` keeps, each run of
// kept pages in one. Throws when the map does not fit the length.
export function keptRuns(pages, length) {
  const count = Math.ceil(length / PAGE_BYTES);
  if (!/^[0-9a-f]*$/.test(pages) || pages.length !== Math.ceil(count / 4)) {
    throw new Error("the snapshot's page map does not fit its length");
  }
  const runs = [];
  for (let page = 0; page < count; page++) {
    if (!((Number.parseInt(pages[page >> 2], 16) >> (3 - (page & 3))) & 1)) continue;
    const from = page * PAGE_BYTES;
    const to = Math.min(from + PAGE_BYTES, length);
    const last = runs[runs.length - 1];
    if (last && last[1] === from) last[1] = to;
    else runs.push([from, to]);
  }
  return runs;
}

// The whole memory again: the kept pages where the map says, zeros elsewhere. Throws when the map,
// the length and the kept bytes do not fit together.
export function withZeroPages(kept, pages, length) {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const [from, to] of keptRuns(pages, length)) {
    if (offset + to - from > kept.length) throw new Error("the snapshot has fewer pages than its map");
    bytes.set(kept.subarray(offset, offset + to - from), from);
    offset += to - from;
  }
  if (offset !== kept.length) throw new Error("the snapshot has more pages than its map");
  return bytes;
}
