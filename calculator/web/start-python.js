// Inlined into <head> by build_scripts/hooks.py on the pages that run Python (the calculator and
// the staff tools), before anything else loads: starts the rules worker at once and keeps what it
// sends until the page's worker client (worker-client.mjs) takes it over. A classic script, so it
// runs while the page is still being parsed; "@ROOT@" is the way from the page to the site root.
// It also holds back the search index until the search is opened (the second part below).
(function () {
  try {
    var worker = new Worker("@ROOT@assets/calculator/worker-boot.mjs", { type: "module" });
    var early = { worker: worker, events: [] };
    function keep(event) {
      if (early.events) early.events.push(event);
    }
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
    worker.addEventListener("messageerror", keep);
    window.udlejningEarlyWorker = early;
    performance.mark("udlejning:start");
  } catch (error) {
    // No module workers here: the worker client starts (and reports) the worker itself.
  }
})();

// mkdocs-material asks for the search index (~430 KB of JSON to parse and hand to its search
// worker) and starts that worker as soon as its bundle runs. On these pages the request waits
// until the user opens the search (its button, its field, or a key that focuses it), and the
// worker (search-lazy.js, see build_scripts/site_search.py) starts only when material first
// writes to it, i.e. once it has the index: nothing of search competes with Python's start. A
// page opened from a search result (?h=…, to highlight the words) asks at once.
(function () {
  var RealWorker = window.Worker;
  if (RealWorker) {
    var deferred = function (url, options) {
      if (!/\/search-lazy\.js(\?|$)/.test(String(url))) return new RealWorker(url, options);
      var stand = new EventTarget();
      var real = null;
      function forward(event) {
        stand.dispatchEvent(new MessageEvent(event.type, { data: event.data }));
      }
      stand.postMessage = function (message, transfer) {
        if (!real) {
          real = new RealWorker(url, options);
          real.addEventListener("message", forward);
          real.addEventListener("messageerror", forward);
          real.addEventListener("error", function () {
            stand.dispatchEvent(new Event("error"));
          });
        }
        real.postMessage(message, transfer || []);
      };
      stand.terminate = function () {
        if (real) real.terminate();
      };
      return stand;
    };
    deferred.prototype = RealWorker.prototype;
    window.Worker = deferred;
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var waiting = [];
  var released = false;
  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (call) {
      send.apply(call[0], call[1]);
    });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.udlejningSearchIndex = /\/search_index\.json$/.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.udlejningSearchIndex && !released) {
      waiting.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("[data-md-component=search]")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release();
  });
  if (/[?&]h=/.test(location.search)) release();
})();
