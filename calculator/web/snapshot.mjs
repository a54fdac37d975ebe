// Memory snapshots of the rules worker's Python, kept in Cache Storage for repeat visits.
//
// A snapshot is Pyodide's whole WebAssembly memory after the rules package was imported and
// warmed up (~31 MB), made with Pyodide's private `makeMemorySnapshot()` (see worker.mjs). It is
// stored under a key made of the Pyodide version and the sha256 of the wheel, the lockfile and the
// stdlib, with its own sha256 and the warm-up answer it gave. It is used only when all of that
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
  if (!expected || !warmUp) {
    await cache.delete(key).catch(() => {});
    return null;
  }
  const bytes = response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  const verified = bytes.then(async (data) => {
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
  const digest = hex(await crypto.subtle.digest("SHA-256", bytes));
  const headers = {
    "Content-Type": "application/octet-stream",
    "X-Snapshot-Sha256": digest,
    "X-Snapshot-Warm-Up": await textDigest(warmUpAnswer),
  };
  await cache.put(key, new Response(bytes, { headers }));
}

export async function dropSnapshot() {
  try {
    await caches.delete(SNAPSHOT_CACHE);
  } catch {
    // nothing to drop
  }
}
