// Service worker of the site (registered by assets/calculator/calculator.mjs). It lives at the site
// root so that its scope covers /beregner/ and /en/beregner/. It makes the calculator work offline
// on a second visit; it never sends anything anywhere and only ever talks to this site's origin.
//
// * The Pyodide runtime files never change for a given Pyodide version: cache first, in a cache
//   named after that version (tests/e2e/test_calculator_offline.py checks it against package.json).
// * Everything else (pages, styles, scripts, the rules package wheel and the lockfile with its
//   sha256): network first, so an online visit always gets the current rules; the cached copy is
//   used only when the network fails.
// * On the first visit the page and Python load before this worker controls anything: afterwards
//   the page sends the URLs they used ("cache-urls"), stored from the browser's HTTP cache, and
//   the WebAssembly runtime's bytes (too big for that cache), so nothing is downloaded twice.
const RUNTIME_VERSION = "314.0.7";
const RUNTIME_CACHE = `udlejning-runtime-${RUNTIME_VERSION}`;
const SITE_CACHE = "udlejning-site-v1";
const KEEP = new Set([RUNTIME_CACHE, SITE_CACHE]);
const PYODIDE_DIR = new URL("assets/pyodide/", self.registration.scope).href;
const RUNTIME_FILES = new Set(
  ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"].map(
    (name) => PYODIDE_DIR + name,
  ),
);
const SELF_URL = new URL(self.location.href);

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith("udlejning-") && !KEEP.has(name))
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

function cacheFor(url) {
  return RUNTIME_FILES.has(url) ? RUNTIME_CACHE : SITE_CACHE;
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

async function store(request, response) {
  const url = request.url.split("#")[0];
  const cache = await caches.open(cacheFor(url));
  await cache.put(url, response);
}

async function cacheFirst(event) {
  const cached = await caches.match(event.request.url, { cacheName: RUNTIME_CACHE });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (cacheable(event.request, response)) {
    event.waitUntil(store(event.request, response.clone()));
  }
  return response;
}

async function networkFirst(event) {
  if (self.navigator.onLine === false) {
    // Known to be offline: do not wait for the network to fail.
    const cached = await caches.match(event.request.url, { ignoreVary: true });
    if (cached) return cached;
  }
  try {
    const response = await fetch(event.request);
    if (cacheable(event.request, response)) {
      event.waitUntil(store(event.request, response.clone()));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(event.request.url, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SELF_URL.origin || url.pathname === SELF_URL.pathname) return;
  if (RUNTIME_FILES.has(url.href.split("#")[0])) {
    event.respondWith(cacheFirst(event));
  } else {
    event.respondWith(networkFirst(event));
  }
});

async function cacheUrls(urls) {
  for (const href of urls) {
    let url;
    try {
      url = new URL(href, self.registration.scope);
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

// mkdocs-material's search worker starts before this worker controls the first visit, so its
// language files never pass through here. They follow from the search index's languages and sit
// next to the search worker (assets/javascripts/lunr/; mkdocs-material 9.x): add them.
async function searchLanguageFiles(urls) {
  const indexUrl = urls.find((href) => href.endsWith("/search/search_index.json"));
  const workerUrl = urls.find((href) => /\/assets\/javascripts\/workers\/search\.[^/]*\.js$/.test(href));
  if (!indexUrl || !workerUrl) return [];
  const cached = await caches.match(indexUrl, { cacheName: SITE_CACHE });
  if (!cached) return [];
  let langs = [];
  try {
    const index = await cached.json();
    langs = (index.config && index.config.lang) || [];
  } catch {
    return [];
  }
  const base = new URL("../lunr/", workerUrl);
  const files = [];
  for (const lang of langs) {
    if (lang === "ja") files.push("tinyseg.js");
    if (lang === "hi" || lang === "th") files.push("wordcut.js");
    if (lang !== "en") files.push(`min/lunr.${lang}.min.js`);
  }
  if (langs.length > 1) files.push("min/lunr.multi.min.js");
  if (files.length) files.unshift("min/lunr.stemmer.support.min.js");
  return files.map((file) => new URL(file, base).href);
}

// Files handed over whole (the WebAssembly runtime, which is too big for the HTTP cache).
async function storeFiles(files) {
  for (const file of files) {
    let url;
    try {
      url = new URL(String(file.url), self.registration.scope);
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
    const done = storeFiles(Array.isArray(data.files) ? data.files : [])
      .then(() => cacheUrls(urls))
      .then(() => searchLanguageFiles(urls))
      .then((more) => cacheUrls(more))
      .then(() => {
        if (event.source) event.source.postMessage({ type: "cached", count: urls.length });
      });
    event.waitUntil(done);
  } else if (data.type === "claim") {
    event.waitUntil(self.clients.claim());
  }
});
