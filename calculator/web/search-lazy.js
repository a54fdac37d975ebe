// Stand-in for mkdocs-material's search worker on the calculator and tool pages (set by
// build_scripts/site_search.py in the page's __config): while Python starts there, building the
// search index (a large lunr index in a worker) would compete for the CPU. This worker answers
// material's "setup" at once and builds nothing until the first query, i.e. until the user opens
// the search and types; then it loads material's own worker (named in ?worker=) beside it and
// hands it the setup and the query. Material's protocol: {type: 0 setup} -> {type: 1 ready};
// {type: 2 query} -> {type: 3 result}.
const REAL = new URL(new URL(self.location.href).searchParams.get("worker") || "", self.location.href);
let setup = null;
let state = "idle"; // idle -> loading -> real
const queued = [];
const post = self.postMessage.bind(self);

function dispatch(data) {
  self.dispatchEvent(new MessageEvent("message", { data }));
}

function loadReal() {
  state = "loading";
  // The real worker answers the replayed setup with "ready": swallow that one, then send the
  // queries that waited (sending them earlier would query an index not built yet).
  self.postMessage = (message) => {
    if (state === "loading" && message && message.type === 1) {
      state = "real";
      self.postMessage = post;
      for (const data of queued.splice(0)) dispatch(data);
      return;
    }
    post(message);
  };
  if (REAL.origin !== self.location.origin) throw new Error("search worker must be same-origin");
  importScripts(REAL.href);
  if (setup) dispatch(setup);
}

self.addEventListener("message", (event) => {
  if (state === "real" || event.isTrusted === false) return; // the real worker's listener answers
  event.stopImmediatePropagation();
  const data = event.data || {};
  if (data.type === 0) {
    setup = data;
    post({ type: 1 });
  } else if (data.type === 2 && !String(data.data || "").trim()) {
    post({ type: 3, data: { items: [] } }); // material asks with the empty field once it is ready
  } else {
    queued.push(data);
    if (state === "idle") loadReal();
  }
});
