// Page script of the calculator (loaded on every page through mkdocs.yml extra_javascript with
// type: module). It does nothing unless the calculator container is on the page; then it renders
// the form and starts the Pyodide worker (worker.mjs). The form can be filled in while Python
// loads; a request made before the worker is ready waits for it.

// Generated at build time from the rules package (build_scripts/hooks.py): the values the package
// accepts for the select fields, with Danish and English labels.
import { EMPLOYMENT_KINDS, PENSIONS } from "./options.mjs";

const CONTAINER_ID = "udlejning-beregner";

const STRINGS = {
  da: {
    legend: "Ansøger",
    date: "Dato for overtagelse af boligen",
    dateHint: "Reglerne, der gælder på denne dato, bruges.",
    age: "Alder (år)",
    kind: "Slags arbejde",
    hours: "Timer om ugen",
    hoursHint: "Arbejdstimer om ugen, frokost medregnet. Brug komma eller punktum til decimaler.",
    pension: "Pension eller efterløn",
    notStated: "Ikke oplyst",
    submit: "Vurder",
    progressLabel: "Beregneren indlæses",
    stages: {
      starting: "Starter beregneren …",
      runtime: "Henter og starter Python i browseren (ca. 6 MB første gang) …",
      package: "Indlæser reglerne …",
      ready: "Beregneren er klar.",
    },
    failed: "Beregneren kunne ikke starte: ",
    waiting: "Vurderer, når beregneren er klar …",
    working: "Vurderer …",
    resultsHeading: "Resultat",
    resultsFor: (date) => `Vurderet efter reglerne pr. ${date}.`,
    groups: { almindelige: "Almindelige kriterier", skaerpede: "Skærpede kriterier" },
    verdicts: { met: "Opfyldt", not_met: "Ikke opfyldt", cannot_tell: "Kan ikke afgøres" },
    verdictLabel: "Vurdering",
    reasons: "Begrundelse",
    thresholds: "Krav",
    missing: "Mangler oplysninger",
    documents: "Dokumentation",
    references: "Henvisninger",
    notices: "Bemærk",
    errorsHeading: "Ret venligst indtastningen",
    internalError: "Der opstod en fejl i beregneren: ",
  },
  en: {
    legend: "Applicant",
    date: "Date the home is taken over",
    dateHint: "The rules in force on this date are used.",
    age: "Age (years)",
    kind: "Kind of work",
    hours: "Hours a week",
    hoursHint: "Working hours a week, lunch included. Use a point or a comma for decimals.",
    pension: "Pension or early retirement pay",
    notStated: "Not stated",
    submit: "Assess",
    progressLabel: "Loading the calculator",
    stages: {
      starting: "Starting the calculator …",
      runtime: "Downloading and starting Python in the browser (about 6 MB the first time) …",
      package: "Loading the rules …",
      ready: "The calculator is ready.",
    },
    failed: "The calculator could not start: ",
    waiting: "Will assess as soon as the calculator is ready …",
    working: "Assessing …",
    resultsHeading: "Result",
    resultsFor: (date) => `Assessed under the rules in force on ${date}.`,
    groups: { almindelige: "General criteria", skaerpede: "Stricter criteria" },
    verdicts: { met: "Met", not_met: "Not met", cannot_tell: "Cannot tell" },
    verdictLabel: "Verdict",
    reasons: "Reasons",
    thresholds: "Requirements",
    missing: "Missing information",
    documents: "Documentation",
    references: "References",
    notices: "Please note",
    errorsHeading: "Please correct the input",
    internalError: "The calculator failed: ",
  },
};

const VERDICT_SYMBOLS = { met: "✓", not_met: "✗", cannot_tell: "?" };

// Which form field an API error path belongs to.
const FIELD_FOR_PATH = [
  [/^date$/, "date"],
  [/^household\[0\]\.age$/, "age"],
  [/^household\[0\]\.employment\.kind$/, "kind"],
  [/^household\[0\]\.employment\.hours_per_week$/, "hours"],
  [/^household\[0\]\.pension$/, "pension"],
];

// ---------------------------------------------------------------------------------------------
// Worker client (one worker per page load, shared by every calculator rendered on the page).

const client = {
  worker: null,
  nextId: 1,
  pending: new Map(),
  status: { state: "starting", stage: "starting", step: 0, steps: 3, message: "" },
  listeners: new Set(),
};

function setStatus(update) {
  Object.assign(client.status, update);
  for (const listener of client.listeners) listener(client.status);
}

function ensureWorker() {
  if (client.worker) return client.worker;
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
  worker.addEventListener("message", (event) => {
    const { id, type, payload } = event.data || {};
    if (type === "progress") {
      setStatus({ state: "loading", stage: payload.stage, step: payload.step, steps: payload.steps });
    } else if (type === "ready") {
      setStatus({ state: "ready", stage: "ready", step: client.status.steps });
    } else if (type === "failed") {
      setStatus({ state: "failed", message: payload.message });
    } else if (client.pending.has(id)) {
      const { resolve, reject } = client.pending.get(id);
      client.pending.delete(id);
      if (type === "result") resolve(payload);
      else reject(new Error(payload && payload.message ? payload.message : "unknown error"));
    }
  });
  worker.addEventListener("error", (event) => {
    setStatus({ state: "failed", message: event.message || "worker error" });
    for (const { reject } of client.pending.values()) reject(new Error("worker error"));
    client.pending.clear();
  });
  client.worker = worker;
  return worker;
}

function evaluate(document) {
  const worker = ensureWorker();
  const id = client.nextId++;
  return new Promise((resolve, reject) => {
    client.pending.set(id, { resolve, reject });
    worker.postMessage({ id, type: "evaluate", payload: document });
  });
}

// ---------------------------------------------------------------------------------------------
// DOM helpers (text only through textContent: nothing from the rules is parsed as HTML).

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function localText(value, lang) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return value[lang] || value.da || value.en || "";
  return String(value);
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function capitalise(text) {
  return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}

function anchor(id) {
  return String(id)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "-")
    .replace(/^-+|-+$/g, "");
}

// ---------------------------------------------------------------------------------------------
// The form.

function field(name, label, control, hint) {
  const errorId = `ub-${name}-error`;
  const hintId = hint ? `ub-${name}-hint` : null;
  control.id = `ub-${name}`;
  control.name = name;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  return el(
    "div",
    { class: "ub-field", "data-field": name },
    el("label", { for: control.id, text: label }),
    hint ? el("p", { id: hintId, class: "ub-hint", text: hint }) : null,
    control,
    el("p", { id: errorId, class: "ub-error", hidden: true }),
  );
}

function renderForm(container, t, lang) {
  const date = el("input", { type: "date", value: today(), required: true });
  const age = el("input", { type: "text", inputmode: "numeric", autocomplete: "off", required: true });
  const kind = el("select", {});
  for (const option of EMPLOYMENT_KINDS) {
    const selected = option.value === "employee";
    kind.append(el("option", { value: option.value, text: capitalise(option[lang]), selected }));
  }
  const hours = el("input", { type: "text", inputmode: "decimal", autocomplete: "off" });
  const pension = el("select", {}, el("option", { value: "", text: t.notStated, selected: true }));
  for (const option of PENSIONS) {
    pension.append(el("option", { value: option.value, text: capitalise(option[lang]) }));
  }

  const progress = el("progress", { max: 3, value: 0, "aria-label": t.progressLabel });
  const statusText = el("span", { class: "ub-status-text" });
  const status = el(
    "div",
    { class: "ub-status", role: "status", "aria-live": "polite" },
    progress,
    statusText,
  );
  const formErrors = el("div", { class: "ub-form-errors", role: "alert", hidden: true });

  const form = el(
    "form",
    { class: "ub-form", novalidate: true },
    el(
      "fieldset",
      {},
      el("legend", { text: t.legend }),
      field("date", t.date, date, t.dateHint),
      field("age", t.age, age),
      field("kind", t.kind, kind),
      field("hours", t.hours, hours, t.hoursHint),
      field("pension", t.pension, pension),
    ),
    formErrors,
    el("button", { type: "submit", class: "ub-submit", text: t.submit }),
  );
  status.id = "ub-status";

  const results = el("div", { class: "ub-results", "aria-live": "polite" });
  container.replaceChildren(status, form, results);
  const fields = { date, age, kind, hours, pension };
  return { form, status, progress, statusText, formErrors, results, fields };
}

function readNumber(text) {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const normalised = trimmed.replace(",", ".");
  const number = Number(normalised);
  // Pass what the user typed when it is not a number: the rules package reports the error.
  return Number.isFinite(number) && /^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(normalised)
    ? number
    : trimmed;
}

function buildDocument(fields) {
  const person = { id: "p1", role: "applicant" };
  const age = readNumber(fields.age.value);
  if (age !== undefined) person.age = age;
  const employment = { kind: fields.kind.value };
  const hours = readNumber(fields.hours.value);
  if (hours !== undefined) employment.hours_per_week = hours;
  person.employment = employment;
  if (fields.pension.value) person.pension = fields.pension.value;
  const document = { household: [person] };
  if (fields.date.value) document.date = fields.date.value;
  return document;
}

function clearErrors(ui) {
  for (const [name, control] of Object.entries(ui.fields)) {
    control.removeAttribute("aria-invalid");
    const hintId = `ub-${name}-hint`;
    const describedBy = document.getElementById(hintId) ? hintId : null;
    if (describedBy) control.setAttribute("aria-describedby", describedBy);
    else control.removeAttribute("aria-describedby");
    const error = document.getElementById(`ub-${name}-error`);
    error.textContent = "";
    error.hidden = true;
  }
  ui.formErrors.replaceChildren();
  ui.formErrors.hidden = true;
}

function showErrors(ui, errors, t, lang) {
  const general = [];
  let first = null;
  for (const error of errors) {
    const message = localText(error, lang) || error.code || "";
    const match = FIELD_FOR_PATH.find(([pattern]) => pattern.test(error.path || ""));
    if (!match) {
      general.push(error.path ? `${message} (${error.path})` : message);
      continue;
    }
    const name = match[1];
    const control = ui.fields[name];
    const box = document.getElementById(`ub-${name}-error`);
    box.textContent = box.textContent ? `${box.textContent} ${message}` : message;
    box.hidden = false;
    control.setAttribute("aria-invalid", "true");
    const ids = [control.getAttribute("aria-describedby"), box.id].filter(Boolean);
    control.setAttribute("aria-describedby", [...new Set(ids.join(" ").split(" "))].join(" "));
    if (!first) first = control;
  }
  if (general.length) {
    ui.formErrors.append(
      el("p", { class: "ub-form-errors__title", text: t.errorsHeading }),
      el("ul", {}, ...general.map((text) => el("li", { text }))),
    );
    ui.formErrors.hidden = false;
  }
  if (first) first.focus();
}

// ---------------------------------------------------------------------------------------------
// The result.

function list(title, items) {
  if (!items.length) return null;
  return el("div", { class: "ub-list" }, el("h4", { text: title }), el("ul", {}, ...items));
}

function withReference(text, reference) {
  return reference ? `${text} (${reference})` : text;
}

function renderFinding(finding, t, lang) {
  const verdict = finding.verdict;
  const plainTitle = localText(finding.title, lang);
  const title = plainTitle.startsWith(finding.id) ? plainTitle : `${finding.id}: ${plainTitle}`;
  const link = el("a", { href: `../regler/kriterier/#${anchor(finding.id)}`, text: title });
  return el(
    "section",
    {
      class: `ub-finding ub-verdict--${verdict}`,
      "data-criterion": finding.id,
      "data-verdict": verdict,
      "aria-labelledby": `ub-finding-${anchor(finding.id)}`,
    },
    el("h3", { id: `ub-finding-${anchor(finding.id)}` }, link),
    el(
      "p",
      { class: "ub-verdict" },
      el("span", { class: "ub-verdict__symbol", "aria-hidden": "true", text: VERDICT_SYMBOLS[verdict] || "" }),
      `${t.verdictLabel}: `,
      el("strong", { class: "ub-verdict__text", text: t.verdicts[verdict] || verdict }),
    ),
    list(
      t.reasons,
      (finding.reasons || []).map((r) =>
        el("li", { text: withReference(localText(r, lang), r.reference) }),
      ),
    ),
    list(
      t.thresholds,
      (finding.thresholds || []).map((th) => el("li", { class: "ub-threshold", text: localText(th, lang) })),
    ),
    list(
      t.missing,
      (finding.missing || []).map((m) => el("li", { text: localText(m, lang) })),
    ),
    list(
      t.documents,
      (finding.documents || []).map((d) =>
        el("li", { text: withReference(localText(d, lang), d.reference) }),
      ),
    ),
    (finding.references || []).length
      ? el(
          "p",
          { class: "ub-references" },
          `${t.references}: `,
          el("span", { class: "ub-reference", text: finding.references.join("; ") }),
        )
      : null,
    finding.scope ? el("p", { class: "ub-scope", text: localText(finding.scope, lang) }) : null,
  );
}

function renderResult(ui, output, t, lang) {
  const heading = el("h2", { id: "ub-results-heading", tabindex: "-1", text: t.resultsHeading });
  const parts = [heading];
  if (output.date) parts.push(el("p", { text: t.resultsFor(output.date) }));
  const notices = (output.notices || []).map((n) => el("li", { text: localText(n, lang) }));
  if (notices.length) {
    parts.push(el("div", { class: "ub-notices" }, el("p", { text: t.notices }), el("ul", {}, ...notices)));
  }
  const criteria = output.criteria || [];
  const groups = [...new Set(criteria.map((f) => f.group))];
  for (const group of groups) {
    parts.push(el("h2", { class: "ub-group", text: t.groups[group] || group }));
    for (const finding of criteria.filter((f) => f.group === group)) {
      parts.push(renderFinding(finding, t, lang));
    }
  }
  ui.results.replaceChildren(...parts);
  heading.focus();
}

// ---------------------------------------------------------------------------------------------
// Wiring.

function updateStatus(ui, t, status) {
  ui.progress.max = status.steps;
  if (status.state === "failed") {
    ui.progress.hidden = true;
    ui.status.setAttribute("role", "alert");
    ui.statusText.textContent = t.failed + status.message;
    return;
  }
  ui.progress.value = status.step;
  ui.progress.hidden = status.state === "ready";
  ui.status.dataset.state = status.state;
  ui.statusText.textContent = t.stages[status.stage] || t.stages.starting;
}

function mount(container) {
  if (container.dataset.ubMounted === "true") return;
  container.dataset.ubMounted = "true";
  const pageLang = (container.dataset.lang || document.documentElement.lang || "da").slice(0, 2);
  const lang = pageLang in STRINGS ? pageLang : "da";
  const t = STRINGS[lang];
  const ui = renderForm(container, t, lang);

  const onStatus = (status) => {
    if (!container.isConnected) {
      client.listeners.delete(onStatus);
      return;
    }
    updateStatus(ui, t, status);
  };
  client.listeners.add(onStatus);
  ensureWorker();
  updateStatus(ui, t, client.status);

  let latest = 0;
  ui.form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(ui);
    const request = ++latest;
    const busy = el("p", {
      class: "ub-busy",
      text: client.status.state === "ready" ? t.working : t.waiting,
    });
    ui.results.replaceChildren(busy);
    ui.form.setAttribute("aria-busy", "true");
    try {
      const output = await evaluate(buildDocument(ui.fields));
      if (request !== latest) return;
      if (output.ok) {
        renderResult(ui, output, t, lang);
      } else {
        ui.results.replaceChildren();
        showErrors(ui, output.errors || [], t, lang);
      }
    } catch (error) {
      if (request !== latest) return;
      const text = t.internalError + error.message;
      ui.results.replaceChildren(el("p", { class: "ub-error", role: "alert", text }));
    } finally {
      if (request === latest) ui.form.removeAttribute("aria-busy");
    }
  });
}

function init() {
  const container = document.getElementById(CONTAINER_ID);
  if (container) mount(container);
}

if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(init);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init();
}
