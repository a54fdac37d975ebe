// Service worker of the site (registered by assets/calculator/calculator.mjs). It lives at the site
// root so that its scope covers both languages (/ and /en/). It never sends anything anywhere and
// only ever talks to this site's origin.
//
// * BUILD is stamped in by build_scripts/hooks.py (the rules build id: the first 12 hex digits of
//   the wheel's sha256), so every deploy is a new service worker: it installs next to the old one,
//   pre-caches the whole new site (offline.json, written by the same hook from the files the build
//   produced) into a cache named after the build, takes over, and drops the old build's cache.
//   Pages then hear "new-build" and check version.json (assets/calculator/worker-client.mjs).
// * Pages, styles, scripts, the lockfile and the wheel: network first, revalidated with the server
//   on every request (`cache: "no-cache"`), so a redeploy is seen at once even when the server
//   sends no Cache-Control and old Last-Modified dates (python -m http.server); the cache is used
//   only when the network fails or is too slow. A page that is not stored gets the offline page in
//   its language. version.json and offline.json are never taken from the HTTP cache ("no-store").
// * Content-hashed files (everything under assets/pyodide/: the Pyodide runtime, the stdlib, the
//   lockfile, the wheel; and the hashed worker scripts): they never change, so when online this
//   worker leaves them to the browser (the HTTP cache serves them, and V8 may reuse the compiled
//   WebAssembly); Cache Storage serves them when navigator.onLine is false. Online with a network
//   that fails and a file the HTTP cache dropped, the rules worker reports the file that could not
//   be loaded and offers a retry (worker-boot.mjs) instead of using the stored copy. The big runtime
//   files (offline.json "runtime") are not pre-cached: the calculator's first visit downloads them
//   anyway and then hands them over ("cache-urls"), so nothing is downloaded twice.
const BUILD = "dev";
const RUNTIME_VERSION = "314.0.7";
const RUNTIME_CACHE = `udlejning-runtime-${RUNTIME_VERSION}`;
const SITE_CACHE = `udlejning-site-${BUILD}`;
const SCOPE = self.registration.scope;
const SELF_URL = new URL(self.location.href);
const MANIFEST_URL = new URL("offline.json", SCOPE).href;
const VERSION_URL = new URL("version.json", SCOPE).href;
const NO_STORE = new Set([MANIFEST_URL, VERSION_URL]);
// How long a request may wait for the server's answer before a stored copy is used instead.
const NETWORK_TIMEOUT_MS = 8000;
const PRECACHE_PARALLEL = 6;
// Content-hashed names, served immutable by server/site.conf (online, asking the server again for
// them would only cost time): everything under assets/pyodide/ (build_scripts/runtime_assets.py);
// the worker's scripts and the pages' own scripts and styles, <name>.<12 hex digits>.mjs/.css
// (build_site.py, hashed_assets.py); mkdocs-material's bundles, <name>.<8 hex digits>.min.js/.css.
const HASHED_DIR = new URL("assets/pyodide/", SCOPE).href;
const HASHED_OWN = /\/(assets\/calculator|stylesheets)\/[a-z-]+\.[0-9a-f]{12}\.(mjs|css)$/;
const HASHED_BUNDLE = /\/assets\/(javascripts|stylesheets)\/.+\.[0-9a-f]{8}\.min\.(js|css)$/;

let manifest = null;

function absolute(paths) {
  return new Set((paths || []).map((path) => new URL(path, SCOPE).href));
}

function readManifest(data) {
  manifest = {
    build: String(data.build || ""),
    precache: absolute(data.precache),
    runtime: absolute(data.runtime),
    fallback: { da: new URL(data.fallback?.da || "offline/", SCOPE).href, en: new URL(data.fallback?.en || "en/offline/", SCOPE).href },
  };
  return manifest;
}

async function loadManifest() {
  if (manifest) return manifest;
  const stored = await caches.match(MANIFEST_URL, { cacheName: SITE_CACHE });
  if (stored) return readManifest(await stored.json());
  const response = await fetch(MANIFEST_URL, { cache: "no-store" });
  if (!response.ok) throw new Error(`offline.json: HTTP ${response.status}`);
  await (await caches.open(SITE_CACHE)).put(MANIFEST_URL, response.clone());
  return readManifest(await response.json());
}

function isImmutable(url) {
  return url.startsWith(HASHED_DIR) || HASHED_OWN.test(url) || HASHED_BUNDLE.test(url);
}

// Until offline.json is read (e.g. a service worker started for a fetch after a restart), every
// file of assets/pyodide/ counts as runtime.
function isRuntime(url) {
  return manifest ? manifest.runtime.has(url) : url.startsWith(HASHED_DIR);
}

function cacheFor(url) {
  return isRuntime(url) ? RUNTIME_CACHE : SITE_CACHE;
}

function cacheable(request, response) {
  return (
    response &&
    response.ok &&
    response.status === 200 &&
    response.type === "basic" &&
    !request.headers.has("range")
  );
}

function withoutHash(url) {
  return url.split("#")[0];
}

// Every file of this build, revalidated with the server (so a stale HTTP cache cannot leak in).
// A file that fails is skipped: the page works without it and the next visit stores it.
async function precache() {
  const { precache: urls } = await loadManifest();
  const cache = await caches.open(SITE_CACHE);
  const queue = [...urls];
  async function next() {
    for (let url = queue.shift(); url; url = queue.shift()) {
      try {
        const request = new Request(url, { cache: "no-cache", credentials: "same-origin" });
        const response = await fetch(request);
        if (cacheable(request, response)) await cache.put(url, response);
      } catch {
        // offline or gone: see above
      }
    }
  }
  await Promise.all(Array.from({ length: PRECACHE_PARALLEL }, next));
}

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(precache().catch(() => {}));
});

// Runtime entries that are not part of this build (e.g. renamed files) are dropped.
async function pruneRuntime() {
  if (!manifest) return;
  const cache = await caches.open(RUNTIME_CACHE);
  for (const request of await cache.keys()) {
    if (!manifest.runtime.has(request.url) && !manifest.precache.has(request.url)) {
      await cache.delete(request);
    }
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((name) => name.startsWith("udlejning-") && name !== RUNTIME_CACHE && name !== SITE_CACHE);
      await Promise.all(old.map((name) => caches.delete(name)));
      await loadManifest().then(pruneRuntime, () => {});
      await self.clients.claim();
      if (old.some((name) => name.startsWith("udlejning-site-"))) {
        // A new deploy took over from an older one: pages compare their rules (version.json).
        for (const client of await self.clients.matchAll({ includeUncontrolled: true })) {
          client.postMessage({ type: "new-build", build: BUILD });
        }
      }
    })(),
  );
});

// fetch(request), or a timeout after NETWORK_TIMEOUT_MS without the server's answer (headers).
function timedFetch(request) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), NETWORK_TIMEOUT_MS);
  });
  const network = fetch(request).finally(() => clearTimeout(timer));
  return { network, first: Promise.race([network, timeout]) };
}

async function stored(url) {
  return caches.match(url, { ignoreVary: true });
}

async function offlinePage(request) {
  if (request.mode !== "navigate") return null;
  await loadManifest().catch(() => {});
  const english = new URL(request.url).href.startsWith(new URL("en/", SCOPE).href);
  const fallback = manifest ? manifest.fallback[english ? "en" : "da"] : new URL(english ? "en/offline/" : "offline/", SCOPE).href;
  return caches.match(fallback, { cacheName: SITE_CACHE });
}

// Network first; the stored copy when the network fails, answers an error status or is too slow.
async function networkFirst(event, init) {
  const url = withoutHash(event.request.url);
  if (self.navigator.onLine === false) {
    // Known to be offline: do not wait for the network to fail.
    const cached = (await stored(url)) || (await offlinePage(event.request));
    if (cached) return cached;
  }
  const request = new Request(event.request, init);
  const { network, first } = timedFetch(request);
  const kept = network.then(
    (response) => {
      if (cacheable(request, response)) {
        const copy = response.clone();
        event.waitUntil(caches.open(cacheFor(url)).then((cache) => cache.put(url, copy)));
      }
      return response;
    },
    () => null,
  );
  event.waitUntil(kept);
  let response = null;
  try {
    response = await first;
  } catch {
    // network error: a stored copy below
  }
  if (response && response.status < 500 && response.status !== 404) return response;
  const cached = await stored(url);
  if (cached) return cached;
  if (response) return response; // the server's own error answer, and nothing stored
  const late = await kept; // slow: wait for the network after all
  return late || (await offlinePage(event.request)) || Response.error();
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SELF_URL.origin || url.pathname === SELF_URL.pathname) return;
  const href = withoutHash(url.href);
  // A content-hashed file while online: the browser's own fetch, not this worker's, so the HTTP
  // cache serves it (and V8 may reuse its compiled WebAssembly); the stored copy is for offline.
  if (isImmutable(href) && self.navigator.onLine !== false) return;
  event.respondWith(route(event, href));
});

async function route(event, href) {
  if (NO_STORE.has(href)) return networkFirst(event, { cache: "no-store" });
  if (isImmutable(href)) return immutable(event, href);
  return networkFirst(event, { cache: "no-cache" });
}

// A content-hashed file while offline (online, the fetch handler leaves it to the browser): the
// stored copy, else the network after all (navigator.onLine can be wrong).
async function immutable(event, href) {
  const cached = await caches.match(href, { ignoreVary: true }).catch(() => null);
  return cached || fetch(event.request);
}

async function cacheUrls(urls) {
  for (const href of urls) {
    let url;
    try {
      url = new URL(href, SCOPE);
    } catch {
      continue;
    }
    if (url.origin !== SELF_URL.origin || url.pathname === SELF_URL.pathname) continue;
    url.hash = "";
    const cache = await caches.open(cacheFor(url.href));
    if (await cache.match(url.href)) continue;
    try {
      // "force-cache": take the copy the browser already has, so nothing is downloaded twice.
      const request = new Request(url.href, { cache: "force-cache", credentials: "same-origin" });
      const response = await fetch(request);
      if (cacheable(request, response)) await cache.put(url.href, response);
    } catch {
      // Offline or gone: nothing to store; the next online visit stores it.
    }
  }
}

// Files handed over whole (the WebAssembly runtime, whose unread copy the rules worker kept).
async function storeFiles(files) {
  for (const file of files) {
    let url;
    try {
      url = new URL(String(file.url), SCOPE);
    } catch {
      continue;
    }
    if (url.origin !== SELF_URL.origin || !(file.buffer instanceof ArrayBuffer)) continue;
    const cache = await caches.open(cacheFor(url.href));
    const headers = { "Content-Type": String(file.type || "application/octet-stream") };
    await cache.put(url.href, new Response(file.buffer, { status: 200, headers }));
  }
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "cache-urls" && Array.isArray(data.urls)) {
    const urls = data.urls.map(String);
    const done = loadManifest()
      .catch(() => null)
      .then(() => storeFiles(Array.isArray(data.files) ? data.files : []))
      .then(() => cacheUrls(urls))
      .then(() => {
        if (event.source) event.source.postMessage({ type: "cached", count: urls.length, build: BUILD });
      });
    event.waitUntil(done);
  } else if (data.type === "claim") {
    event.waitUntil(self.clients.claim());
  }
});
