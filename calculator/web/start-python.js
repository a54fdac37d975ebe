// Inlined into <head> by build_scripts/hooks.py on the pages that run Python (the calculator and
// the staff tools), before anything else loads: starts the rules worker at once and keeps what it
// sends until the page's worker client (worker-client.mjs) takes it over. A classic script, so it
// runs while the page is still being parsed; "@ROOT@" is the way from the page to the site root.
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
