// What the calculator and the staff tools show about the rules runtime (worker-client.mjs), in the
// page's language: a start-up failure in plain words with a working «Prøv igen» button, the
// "restarting" stage, and marks on an answer: which rules version computed it, that it is being
// computed again, and that newer rules have been published since («Reglerne er opdateret –
// genindlæs»). Every mark has the class "ub-runtime-mark", so it can be redrawn at any time.

import { failureText } from "./worker-client.mjs";

const TEXT = {
  da: {
    restarting: "Beregneren genstartes …",
    retry: "Prøv igen",
    recomputing: "Svaret beregnes igen …",
    rulesUsed: (label) => `Beregnet med ${label}.`,
    stale: "Reglerne er opdateret – genindlæs siden. Svaret her er beregnet med en ældre udgave af reglerne.",
    reload: "Genindlæs",
    label: (r) => `reglerne version ${r.version} (build ${r.build}, ${day(r.date, "da")})`,
  },
  en: {
    restarting: "The calculator is restarting …",
    retry: "Try again",
    recomputing: "The answer is being computed again …",
    rulesUsed: (label) => `Computed with ${label}.`,
    stale: "The rules have been updated – reload the page. This answer was computed with an older version of the rules.",
    reload: "Reload",
    label: (r) => `the rules version ${r.version} (build ${r.build}, ${day(r.date, "en")})`,
  },
};

function texts(lang) {
  return TEXT[lang === "en" ? "en" : "da"];
}

function day(iso, lang) {
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = lang === "en" ? "en-GB" : "da-DK";
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

function node(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  if (text) element.textContent = text;
  return element;
}

// The stage line while the worker is started again; null for the page's own stages.
export function restartingText(status, lang) {
  return status.stage === "restarting" ? texts(lang).restarting : null;
}

// A failed start: `prefix` + what went wrong, and one «Prøv igen» button in `statusBox`.
export function showFailure(statusBox, textNode, status, lang, prefix, onRetry) {
  textNode.textContent = prefix + failureText(status, lang);
  statusBox.setAttribute("role", "alert");
  let button = statusBox.querySelector(".ub-retry");
  if (!button) {
    button = node("button", "ub-button ub-retry", texts(lang).retry);
    button.type = "button";
    button.addEventListener("click", () => {
      button.remove();
      statusBox.setAttribute("role", "status");
      onRetry();
    });
    statusBox.append(button);
  }
}

// Remove the retry button once the worker starts again.
export function clearFailure(statusBox) {
  const button = statusBox.querySelector(".ub-retry");
  if (button) button.remove();
  if (statusBox.getAttribute("role") === "alert") statusBox.setAttribute("role", "status");
}

// Redraw the marks on the answer in `results` (nothing when there is no answer).
export function markAnswer(results, status, lang, { hasAnswer, computing }) {
  for (const old of results.querySelectorAll(".ub-runtime-mark")) old.remove();
  results.removeAttribute("aria-busy");
  delete results.dataset.rules;
  if (!hasAnswer) return;
  const t = texts(lang);
  const marks = [];
  if (computing || status.state !== "ready") {
    results.setAttribute("aria-busy", "true");
    marks.push(node("p", "ub-runtime-mark ub-recomputing", t.recomputing));
  }
  if (status.newRules) {
    const alert = node("div", "ub-runtime-mark ub-rules-stale", "");
    alert.setAttribute("role", "alert");
    const button = node("button", "ub-button ub-reload", t.reload);
    button.type = "button";
    button.addEventListener("click", () => window.location.reload());
    alert.append(node("p", "", t.stale), button);
    marks.push(alert);
  }
  results.prepend(...marks);
  if (!status.rules) return;
  results.dataset.rules = status.newRules ? "old" : "current";
  const note = t.rulesUsed(t.label(status.rules));
  results.append(node("p", "ub-runtime-mark ub-rules-version", note));
  const printed = results.querySelector(".ub-medbring");
  if (printed) printed.append(node("p", "ub-runtime-mark ub-rules-version", note));
}
