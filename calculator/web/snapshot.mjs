// Memory snapshots of the rules worker's Python, kept in Cache Storage for repeat visits.
//
// A snapshot is Pyodide's whole WebAssembly memory after the rules package was imported and
// warmed up (~31 MB), made with Pyodide's private `makeMemorySnapshot()` (see worker.mjs). It is
// stored under a key made of the Pyodide version and the sha256 of the wheel, the lockfile and the
// stdlib, with its own sha256 and the warm-up answer it gave. More than half of that memory is
// pages Python never wrote (64 KiB of zeros each): they are left out of the stored copy (a map of
// the pages kept and the full length are in its headers) and put back as zeros when it is read, so
// a repeat visit reads and checks ~14 MB instead of ~31 MB. It is used only when all of that
// matches; anything else (a new deploy, a corrupt or truncated copy, an error) drops it and the
// worker starts Python normally. Older snapshots are dropped when a new one is looked up.
//
// The cache name does not start with "udlejning-", so the service worker's clean-up of its own
// caches leaves it alone.
export const SNAPSHOT_CACHE = "pyodide-snapshot-udlejning";
const PREFIX = "/__snapshot__/";

export function snapshotKey(runtime) {
  const parts = [runtime.pyodide_version, runtime.wheel.sha256, runtime.lockfile.sha256, runtime.stdlib.sha256];
  return new URL(`${PREFIX}${parts.map(encodeURIComponent).join("/")}`, self.location.origin).href;
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function textDigest(text) {
  return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

async function open() {
  if (typeof caches === "undefined") return null;
  return caches.open(SNAPSHOT_CACHE);
}

// The snapshot for `key`, found quickly so the worker can start Pyodide at once: null when there is
// none (every snapshot with another key is dropped), else {bytes, verified, warmUp}: `bytes` is a
// promise of its contents, read while Pyodide loads its runtime; `verified` checks them against
// their sha256 while Pyodide restores them, and rejects (and drops the snapshot) when they differ,
// so nothing is answered from it before it resolves; `warmUp` is the sha256 of the warm-up answer
// it gave.
export async function findSnapshot(key) {
  let cache;
  let response;
  try {
    cache = await open();
    if (!cache) return null;
    for (const request of await cache.keys()) {
      if (request.url !== key) await cache.delete(request);
    }
    response = await cache.match(key);
  } catch {
    return null;
  }
  if (!response) return null;
  const expected = response.headers.get("X-Snapshot-Sha256");
  const warmUp = response.headers.get("X-Snapshot-Warm-Up");
  const length = Number(response.headers.get("X-Snapshot-Length") || "none");
  const pages = response.headers.get("X-Snapshot-Pages");
  if (!expected || !warmUp || !pages || !Number.isSafeInteger(length)) {
    await cache.delete(key).catch(() => {});
    return null;
  }
  const stored = response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  const bytes = stored.then((kept) => withZeroPages(kept, pages, length));
  const verified = stored.then(async (data) => {
    if (hex(await crypto.subtle.digest("SHA-256", data)) !== expected) {
      await cache.delete(key).catch(() => {});
      throw new Error("the snapshot's sha256 differs");
    }
  });
  bytes.catch(() => {}); // awaited by Pyodide; a rejection is handled there
  verified.catch(() => {}); // awaited by the worker before "ready"
  return { bytes, verified, warmUp };
}

export async function storeSnapshot(key, bytes, warmUpAnswer) {
  const cache = await open();
  if (!cache) return;
  const { kept, pages } = withoutZeroPages(bytes);
  const body = new Uint8Array(await new Blob(kept).arrayBuffer());
  const headers = {
    "Content-Type": "application/octet-stream",
    "X-Snapshot-Sha256": hex(await crypto.subtle.digest("SHA-256", body)),
    "X-Snapshot-Warm-Up": await textDigest(warmUpAnswer),
    "X-Snapshot-Length": String(bytes.length),
    "X-Snapshot-Pages": pages,
  };
  await cache.put(key, new Response(body, { headers }));
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

// The whole memory again: the kept pages where the map says, zeros elsewhere. Throws when the map,
// the length and the kept bytes do not fit together.
export function withZeroPages(kept, pages, length) {
  const count = Math.ceil(length / PAGE_BYTES);
  if (!/^[0-9a-f]*$/.test(pages) || pages.length !== Math.ceil(count / 4)) {
    throw new Error("the snapshot's page map does not fit its length");
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (let page = 0; page < count; page++) {
    if (!((Number.parseInt(pages[page >> 2], 16) >> (3 - (page & 3))) & 1)) continue;
    const start = page * PAGE_BYTES;
    const size = Math.min(PAGE_BYTES, length - start);
    if (offset + size > kept.length) throw new Error("the snapshot has fewer pages than its map");
    bytes.set(kept.subarray(offset, offset + size), start);
    offset += size;
  }
  if (offset !== kept.length) throw new Error("the snapshot has more pages than its map");
  return bytes;
}

export async function dropSnapshot() {
  try {
    await caches.delete(SNAPSHOT_CACHE);
  } catch {
    // nothing to drop
  }
}
