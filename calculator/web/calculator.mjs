// Page script of the calculator (loaded on every page through mkdocs.yml extra_javascript with
// type: module). It does nothing unless the calculator container is on the page; then it renders
// the form, registers the service worker (offline use) and starts the Pyodide worker (worker.mjs).
// The form can be filled in while Python loads; answers appear when it is ready and follow the
// answers as they change. Nothing the user types leaves the browser, and nothing is stored unless
// the user presses "save on this device".

// Generated at build time from the rules package (build_scripts/hooks.py): the values the package
// accepts for the select fields, with Danish and English labels, number ranges and section anchors.
import { CHOICES, SECTIONS } from "./options.mjs";
import { onEveryPage } from "./dom.mjs";
import {
  HouseholdForm,
  MAX_CONVICTIONS,
  MAX_PERSONS,
  decodeAnswers,
  emptyPerson,
  emptyState,
  encodeAnswers,
  fieldId,
  stateFromDocument,
} from "./household-form.mjs";
import { announcement, decisiveLines, renderAnswerSummary, renderMedbringLists } from "./answer-summary.mjs";
import { clearFailure, markAnswer, restartingText, showFailure } from "./runtime-ui.mjs";
import { loadingText, progressValue } from "./progress.mjs";
import { client, controlledAtStart, startPython, whenMessage } from "./page-worker.mjs";

const CONTAINER_ID = "udlejning-beregner";
const STORAGE_KEY = "udlejning-beregner:svar";
const DEBOUNCE_MS = 300;
const COMPUTING_MARK_MS = 800; // an answer not back by then is marked as being computed again
// The service worker is registered after Python is ready and takes over once it has stored the
// site: nothing waits for it but the offline mark.
const SERVICE_WORKER_WAIT_MS = 120000;

// ---------------------------------------------------------------------------------------------
// Texts. Figures and rule texts come from the package (options.mjs, the answers) or from the page
// (data attributes filled by the docs macros), never typed here.

const STRINGS = {
  da: {
    intro: "Svarene bliver i din browser. Intet sendes nogen steder hen, og intet gemmes, medmindre du selv trykker «Gem på denne enhed».",
    person: (n) => `Person ${n}`,
    applicant: "ansøger",
    applicantRole: "Rolle: ansøger (den, der står på ventelisten).",
    chooseRole: "Vælg rolle",
    conviction: (n) => `Dom ${n}`,
    addConviction: "Tilføj en dom",
    removeConviction: (n) => `Fjern dom ${n}`,
    removePerson: (n) => `Fjern person ${n}`,
    addPerson: "Tilføj en person",
    amountWhy: (amount, from) =>
      `Hvorfor spørger vi? Indkomstkriteriet bruger et beløb, som justeres hvert år (Bilag 4, IV.2 nr. 4). ${VALUE_STATE["skaerpede.income.monthly_amount"].da} Kender du det aktuelle beløb, så skriv det her – boligorganisationen kan oplyse det.`,
    notStated: "Ikke oplyst",
    yes: "Ja",
    no: "Nej",
    rangeHint: (min, max) => `Fra ${min} til ${max}.`,
    notAfterHint: "Senest på overtagelsesdagen.",
    submit: "Vis svaret",
    skip: "Gå til svaret",
    clear: "Ryd alle svar",
    cleared: "Alle svar er ryddet.",
    saveLegend: "Gem på denne enhed (frivilligt)",
    saveHint: "Gemmer svarene i denne browser, så de er her næste gang. Brug det ikke på en computer, som andre bruger.",
    save: "Gem på denne enhed",
    forget: "Slet de gemte svar",
    saved: "Svarene er gemt i denne browser. Tryk «Slet de gemte svar» for at fjerne dem.",
    restored: "Svarene er hentet fra denne browser, hvor du gemte dem.",
    forgotten: "De gemte svar er slettet fra denne browser.",
    nothingSaved: "Der er ingen gemte svar.",
    undo: "Fortryd",
    restoredAfterClear: "Svarene er sat ind igen.",
    shareHint: "Et link med dine svar: svarene står i linket efter #, som ikke sendes til nogen server. Alle, der får linket, kan se svarene. Du kan også gemme svarene som en fil og hente dem igen senere.",
    copyLink: "Kopiér et link med mine svar",
    linkCopied: "Linket med dine svar er kopieret. Det står også i adresselinjen.",
    linkNotCopied: "Linket kunne ikke kopieres. Det står nu i adresselinjen, så du kan kopiere det derfra.",
    fromLink: "Svarene er hentet fra linket.",
    linkBroken: "Svarene i linket kunne ikke læses. Formularen er tom.",
    exportFile: "Gem svarene som fil",
    exportName: "svar-beregner.json",
    exported: "Svarene er gemt som fil (svar-beregner.json).",
    importFile: "Hent svar fra en fil",
    importNotJson: "Filen kunne ikke læses: den er ikke en fil med svar (JSON). Intet er ændret.",
    importInvalid: "Filen kunne ikke bruges, og intet er ændret:",
    imported: "Svarene er hentet fra filen.",
    progressLabel: "Beregneren indlæses",
    stages: {
      starting: "Forbereder beregneren …",
      runtime: "Henter og starter Python i browseren (første gang; bagefter virker den også uden net) …",
      package: "Indlæser reglerne …",
      ready: "Beregneren er klar. Svaret følger dine svar.",
    },
    offlineReady: "Den virker nu også uden internet på denne enhed.",
    failed: "Beregneren kunne ikke starte: ",
    waiting: "Svaret kommer, når beregneren er klar …",
    incomplete: "Svaret kommer, når formularen er udfyldt nok. Tryk «Vis svaret» for at se, hvad der mangler.",
    resultsHeading: "Svar",
    resultsFor: (date) => `Vurderet efter reglerne, der gælder ${date}.`,
    shortAnswer: "Kort svar",
    seeAnswer: "Se hele svaret",
    groups: { almindelige: "Almindelige kriterier", skaerpede: "Skærpede kriterier" },
    verdicts: { met: "Opfyldt", not_met: "Ikke opfyldt", cannot_tell: "Kan ikke afgøres" },
    verdictLabel: "Vurdering",
    metBy: (names) => `Opfyldt af: ${names}.`,
    reasons: "Derfor",
    thresholds: "Den afgørende grænse",
    wouldChange: "Det ville ændre svaret",
    missing: "Det mangler vi at vide",
    documents: "Dokumentation",
    source: "Kilde",
    readMore: (title) => `Læs om ${title}`,
    notices: "Bemærk",
    errorsHeading: "Ret det, der er markeret i formularen",
    errorsIntro: "Svaret vises, når fejlene er rettet.",
    internalError: "Der opstod en fejl i beregneren. Prøv igen, eller genindlæs siden.",
    updated: (counts) =>
      `Svaret er opdateret: ${counts.met} opfyldt, ${counts.not_met} ikke opfyldt, ${counts.organisation_decides ? `${counts.organisation_decides} afgøres af boligorganisationen, ` : ""}${counts.cannot_tell} kan ikke afgøres.`,
    updatedErrors: (n) => (n === 1 ? "Der er 1 fejl i formularen." : `Der er ${n} fejl i formularen.`),
    priorityHeading: "Hvor får du fortrinsret?",
    priorityIntro: "Andelen af de ledige boliger på hvert trin, hvor husstanden får fortrinsret, kun kommer i betragtning efter anciennitet på ventelisten, ikke kan få boligen fra ventelisten, hvor det afhænger af boligorganisationens valg, eller hvor vi ikke kan afgøre det.",
    priorityCaption: "Husstanden på hvert trin (andel af boligerne)",
    stepColumn: "Trin",
    statuses: {
      priority: "Fortrinsret",
      seniority: "Kun anciennitet",
      none: "Ikke fra ventelisten",
      depends: "Boligorganisationen vælger",
      cannot_tell: "Kan ikke afgøres",
    },
    statusLetters: { priority: "F", seniority: "A", none: "K", depends: "V", cannot_tell: "?" },
    chosenStep: "Det valgte trin",
    wheelHeading: (title) => `Udlejningshjulet: ${title}`,
    wheelIntro: "Hjulet fordeler de ledige boliger i rækkefølge: bolig 1, 2 … 9 og så forfra. For hver bolig står, hvordan den udlejes, og hvad det betyder for husstanden.",
    wheelFigure: (summary) => `Udlejningshjulet med 9 boliger. ${summary}`,
    home: (n) => `Bolig ${n}`,
    round: (n) => `${n}. omgang`,
    rank: (n) => `fortrinsret på niveau ${n}`,
    options: "Svaret for hvert valg",
    ifUnused: "Bruger kommunen ikke boligen",
    legend: "Forklaring",
    validFrom: (from, until) => `Gælder fra ${from} til og med ${until}.`,
    wheelDocs: "Læs om hjulet",
    medbringHeading: "Medbring-ark",
    medbringIntro: "Dokumenter, du skal kunne vise for de kriterier, som er opfyldt eller kan blive det. Tag arket med, når du søger eller får tilbudt en bolig.",
    medbringHousehold: "Husstanden",
    medbringDocuments: "Dokumenter",
    medbringNone: "Ingen dokumenter: ingen kriterier er opfyldt eller mulige endnu.",
    medbringFor: (ids) => `Til: ${ids}`,
    print: "Udskriv medbring-arket",
    printedFrom: (date) => `Lavet med beregneren; regler pr. ${date}. Kontrollér altid med boligorganisationen.`,
    summaryNothing: "Ingen oplysninger endnu.",
    situationSummary: "Boligen",
  },
  en: {
    intro: "Your answers stay in your browser. Nothing is sent anywhere, and nothing is stored unless you press “Save on this device” yourself.",
    person: (n) => `Person ${n}`,
    applicant: "applicant",
    applicantRole: "Role: applicant (the person on the waiting list).",
    chooseRole: "Choose a role",
    conviction: (n) => `Conviction ${n}`,
    addConviction: "Add a conviction",
    removeConviction: (n) => `Remove conviction ${n}`,
    removePerson: (n) => `Remove person ${n}`,
    addPerson: "Add a person",
    amountWhy: (amount, from) =>
      `Why do we ask? The income criterion uses an amount that is adjusted every year (Bilag 4, IV.2 nr. 4). ${VALUE_STATE["skaerpede.income.monthly_amount"].en} If you know the current amount, enter it here – the housing organisation can tell you.`,
    notStated: "Not stated",
    yes: "Yes",
    no: "No",
    rangeHint: (min, max) => `From ${min} to ${max}.`,
    notAfterHint: "No later than the takeover date.",
    submit: "Show the answer",
    skip: "Go to the answer",
    clear: "Clear all answers",
    cleared: "All answers are cleared.",
    saveLegend: "Save on this device (optional)",
    saveHint: "Saves the answers in this browser so they are here next time. Do not use it on a computer other people use.",
    save: "Save on this device",
    forget: "Delete the saved answers",
    saved: "The answers are saved in this browser. Press “Delete the saved answers” to remove them.",
    restored: "The answers were loaded from this browser, where you saved them.",
    forgotten: "The saved answers have been deleted from this browser.",
    nothingSaved: "There are no saved answers.",
    undo: "Undo",
    restoredAfterClear: "The answers are back.",
    shareHint: "A link with your answers: they are in the part of the link after #, which is never sent to a server. Anyone who gets the link can see them. You can also save the answers as a file and load them again later.",
    copyLink: "Copy a link with my answers",
    linkCopied: "The link with your answers is copied. It is also in the address bar.",
    linkNotCopied: "The link could not be copied. It is now in the address bar, so you can copy it from there.",
    fromLink: "The answers were loaded from the link.",
    linkBroken: "The answers in the link could not be read. The form is empty.",
    exportFile: "Save the answers as a file",
    exportName: "calculator-answers.json",
    exported: "The answers are saved as a file (calculator-answers.json).",
    importFile: "Load answers from a file",
    importNotJson: "The file could not be read: it is not a file of answers (JSON). Nothing has changed.",
    importInvalid: "The file could not be used, and nothing has changed:",
    imported: "The answers were loaded from the file.",
    progressLabel: "Loading the calculator",
    stages: {
      starting: "Preparing the calculator …",
      runtime: "Downloading and starting Python in the browser (the first time; afterwards it also works offline) …",
      package: "Loading the rules …",
      ready: "The calculator is ready. The answer follows your answers.",
    },
    offlineReady: "It now also works without the internet on this device.",
    failed: "The calculator could not start: ",
    waiting: "The answer comes as soon as the calculator is ready …",
    incomplete: "The answer comes when enough of the form is filled in. Press “Show the answer” to see what is missing.",
    resultsHeading: "Answer",
    resultsFor: (date) => `Assessed under the rules in force on ${date}.`,
    shortAnswer: "Short answer",
    seeAnswer: "See the whole answer",
    groups: { almindelige: "General criteria", skaerpede: "Stricter criteria" },
    verdicts: { met: "Met", not_met: "Not met", cannot_tell: "Cannot tell" },
    verdictLabel: "Verdict",
    metBy: (names) => `Met by: ${names}.`,
    reasons: "Why",
    thresholds: "The deciding limit",
    wouldChange: "What would change the answer",
    missing: "What we still need to know",
    documents: "Documentation",
    source: "Source",
    readMore: (title) => `Read about ${title}`,
    notices: "Please note",
    errorsHeading: "Correct what is marked in the form",
    errorsIntro: "The answer is shown when the errors are corrected.",
    internalError: "The calculator failed. Try again, or reload the page.",
    updated: (counts) =>
      `The answer is updated: ${counts.met} met, ${counts.not_met} not met, ${counts.organisation_decides ? `${counts.organisation_decides} decided by the housing organisation, ` : ""}${counts.cannot_tell} cannot tell.`,
    updatedErrors: (n) => (n === 1 ? "There is 1 error in the form." : `There are ${n} errors in the form.`),
    priorityHeading: "Where do you get priority?",
    priorityIntro: "The share of the vacant homes on each step where the household gets priority, competes only on waiting-list seniority, cannot get the home from the waiting list, where it depends on the housing organisation's choice, or where we cannot tell.",
    priorityCaption: "The household on each step (share of the homes)",
    stepColumn: "Step",
    statuses: {
      priority: "Priority",
      seniority: "Seniority only",
      none: "Not from the waiting list",
      depends: "The housing organisation chooses",
      cannot_tell: "Cannot tell",
    },
    statusLetters: { priority: "P", seniority: "S", none: "M", depends: "C", cannot_tell: "?" },
    chosenStep: "The chosen step",
    wheelHeading: (title) => `The letting wheel: ${title}`,
    wheelIntro: "The wheel hands out the vacant homes in turn: home 1, 2 … 9 and then from the start. For each home it says how it is let and what that means for the household.",
    wheelFigure: (summary) => `The letting wheel with 9 homes. ${summary}`,
    home: (n) => `Home ${n}`,
    round: (n) => `round ${n}`,
    rank: (n) => `priority at level ${n}`,
    options: "The answer for each choice",
    ifUnused: "If the municipality does not use the home",
    legend: "Key",
    validFrom: (from, until) => `In force from ${from} up to and including ${until}.`,
    wheelDocs: "Read about the wheel",
    medbringHeading: "Checklist of documents to bring (medbring-ark)",
    medbringIntro: "Documents you must be able to show for the criteria that are met or may be. Bring the list when you apply for or are offered a home.",
    medbringHousehold: "The household",
    medbringDocuments: "Documents",
    medbringNone: "No documents: no criteria are met or possible yet.",
    medbringFor: (ids) => `For: ${ids}`,
    print: "Print the checklist",
    printedFrom: (date) => `Made with the calculator; rules as of ${date}. Always check with the housing organisation.`,
    summaryNothing: "No information yet.",
    situationSummary: "The home",
  },
};

// Issue 11: what an answer rests on — the conditional verdict, the readings (R-xx) and what the other
// reading of a contested R-item would give. Self-contained so the form code can change around it.
const READING_TEXTS = {
  da: {
    verdicts: { organisation_decides: "Boligorganisationen afgør det" },
    condition: "På betingelse",
    readings: "Bygger på læsningerne",
    other: "Hvis aftalen læses anderledes",
  },
  en: {
    verdicts: { organisation_decides: "The housing organisation decides" },
    condition: "On a condition",
    readings: "Rests on the readings",
    other: "If the agreement is read differently",
  },
};

function readingNotes(finding, lang, base) {
  const t = READING_TEXTS[lang];
  const parts = [];
  if (finding.condition) {
    parts.push(el("p", { class: "ub-condition", "data-condition": finding.condition.parameter }, el("strong", { text: `${t.condition}: ` }), finding.condition[lang]));
  }
  const others = finding.other_readings || [];
  if (others.length) {
    parts.push(
      el("div", { class: "ub-list ub-other-readings" }, el("h5", { text: t.other }),
        el("ul", {}, ...others.map((o) => el("li", { "data-reading": o.reading, "data-verdict": o.verdict, text: o[lang] })))),
    );
  }
  if ((finding.readings || []).length) {
    parts.push(el("p", { class: "ub-readings" }, `${t.readings}: `, ...finding.readings.flatMap((rid, i) => [i ? ", " : "", el("a", { href: `${base}regler/tvivl/#${rid.toLowerCase()}`, text: rid })])));
  }
  return parts.length ? el("div", { class: "ub-reading-notes" }, ...parts) : null;
}

const VERDICT_SYMBOLS = { met: "✓", not_met: "✗", cannot_tell: "?" };
const STATUS_ORDER = ["priority", "seniority", "none", "depends", "cannot_tell"];
// Numeric limits where more is better: what would change a "not met" into "met".
const AT_LEAST = {
  "a1.min_hours_per_week": { da: "timer om ugen", en: "hours a week" },
  "a1.project_min_months": { da: "måneders dokumenteret arbejde", en: "months of documented work" },
  "skaerpede.income.monthly_amount": { da: "i bruttoindkomst om måneden", en: "gross income a month", money: true },
};
const HOURS_KINDS = new Set(["employee", "self_employed", "project"]);
const LEAVE_KINDS = new Set(["employee", "self_employed"]);

// ---------------------------------------------------------------------------------------------
// Small helpers (text only through textContent: nothing from the rules is parsed as HTML).

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function localText(value, lang) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return value[lang] || value.da || value.en || "";
  return String(value);
}

function capitalise(text) {
  return text ? text.charAt(0).toLocaleUpperCase() + text.slice(1) : text;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function formatDate(iso, lang) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) return iso || "";
  const when = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(lang === "da" ? "da-DK" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(when);
}

// The wheels' periods are half-open: the day before "valid_until" is the last day.
function dayBefore(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) return iso;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) - 1));
  return day.toISOString().slice(0, 10);
}

// A few of the package's reasons name a field of its JSON answer («options», «if_unused»); on
// screen those parts are shown under headings, so name the heading instead.
function screenText(text, t) {
  return String(text)
    .replace(/«options»|“options”/g, (m) => (m.startsWith("«") ? `«${t.options}»` : `“${t.options}”`))
    .replace(/«if_unused»|“if_unused”/g, (m) => (m.startsWith("«") ? `«${t.ifUnused}»` : `“${t.ifUnused}”`));
}

function formatNumber(text, lang, money = false) {
  const number = Number(text);
  if (!Number.isFinite(number)) return String(text);
  if (money) {
    const digits = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    const value = new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", digits).format(number);
    return lang === "da" ? `${value} kr.` : `DKK ${value}`;
  }
  return new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB").format(number);
}



// "Bilag 4, IV.1 A.1; afsnit 5.2.3 (læsning R-05)" -> links to the sections page where known.
function referenceNodes(reference, base) {
  const nodes = [];
  const parts = String(reference || "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
  parts.forEach((part, index) => {
    if (index) nodes.push("; ");
    const section = part.split("(")[0].trim();
    const slug = SECTIONS[section];
    if (slug) {
      nodes.push(el("a", { href: `${base}regler/afsnit/#${slug}`, class: "ub-source", text: section }));
      const rest = part.slice(section.length).trim();
      if (rest) nodes.push(` ${rest}`);
    } else {
      nodes.push(el("span", { class: "ub-source", text: part }));
    }
  });
  return nodes;
}

// ---------------------------------------------------------------------------------------------
// Worker client: the page's one worker (page-worker.mjs), often started from <head> already.

client.offline = "pending"; // "ready" once a later visit can compute without the network
const setStatus = client.setStatus;

// Offline use. The service worker (site root, sw.js) serves every later visit from its cache. It
// is registered only once Python is ready, so its pre-cache of the site does not slow the start.
// On a first visit it cannot see what the page and Python downloaded: the page hands it the list
// of what was used (the browser's HTTP cache has the copies) and the worker hands over the one
// file too big for that cache (the WebAssembly runtime), so nothing is downloaded twice.
async function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return null;
  const container = navigator.serviceWorker;
  const url = new URL("../../sw.js", import.meta.url);
  const timeout = new Promise((resolve) => setTimeout(resolve, SERVICE_WORKER_WAIT_MS));
  const controlled = new Promise((resolve) => {
    if (container.controller) resolve();
    else container.addEventListener("controllerchange", () => resolve(), { once: true });
  });
  try {
    const registration = await container.register(url.href, { scope: new URL("./", url).href });
    if (!container.controller) {
      // A first visit (or a hard reload): ask the active worker to take this page over.
      const ready = await Promise.race([container.ready, timeout]);
      const active = (ready && ready.active) || registration.active;
      if (active) active.postMessage({ type: "claim" });
    }
    await Promise.race([controlled, timeout]);
    return container.controller;
  } catch {
    return null; // No service worker (blocked, private mode): the calculator works, not offline.
  }
}

function pageAssetUrls() {
  const own = location.origin;
  const urls = new Set([location.href.split("#")[0]]);
  for (const entry of performance.getEntriesByType("resource")) {
    if (entry.name.startsWith(own)) urls.add(entry.name.split("#")[0]);
  }
  for (const node of document.querySelectorAll("link[rel=stylesheet][href], link[rel~=icon][href], script[src]")) {
    const href = node.href || node.src;
    if (href && href.startsWith(own)) urls.add(href.split("#")[0]);
  }
  return [...urls];
}

function setOffline(state) {
  client.offline = state;
  setStatus({});
}

// After a first visit's start-up: give the service worker what it needs to work offline.
async function storeForOffline(controllerPromise, fromWorker) {
  const controller = await controllerPromise;
  if (!controller) return;
  const urls = [...pageAssetUrls(), ...fromWorker.urls];
  const files = fromWorker.files || [];
  const done = new Promise((resolve) => {
    const onMessage = (event) => {
      if (event.data && event.data.type === "cached") {
        navigator.serviceWorker.removeEventListener("message", onMessage);
        resolve();
      }
    };
    navigator.serviceWorker.addEventListener("message", onMessage);
  });
  controller.postMessage(
    { type: "cache-urls", urls, files },
    files.map((file) => file.buffer),
  );
  await done;
  setOffline("ready");
}

function ensureWorker() {
  if (client.starting) return client.starting;
  client.starting = startPython();
  whenMessage("ready", () => {
    const controller = registerServiceWorker();
    if (controlledAtStart) setOffline("ready");
    // Sent once after "ready": what the worker downloaded (and the runtime's bytes, if they did
    // not come from the service worker's cache already).
    whenMessage("offline-files", (payload) => {
      if (!controlledAtStart) storeForOffline(controller, payload).catch(() => setOffline("failed"));
    });
  });
  return client.starting;
}

async function call(fn, payload) {
  await ensureWorker();
  return client.call(fn, payload);
}

// ---------------------------------------------------------------------------------------------
// The calculator on one page.

// The form's buttons by their data-action: those on the answers as a whole, and those that change
// the household's lists (each method named here).
const ANSWERS_ACTIONS = {
  save: "save",
  forget: "forget",
  clear: "clear",
  "undo-clear": "undoClear",
  "copy-link": "copyLink",
  export: "exportAnswers",
};
const HOUSEHOLD_ACTIONS = {
  "add-person": "addPerson",
  "remove-person": "removePerson",
  "add-conviction": "addConviction",
  "remove-conviction": "removeConviction",
};

class Calculator extends HouseholdForm {
  constructor(container) {
    super();
    this.container = container;
    const pageLang = (container.dataset.lang || document.documentElement.lang || "da").slice(0, 2);
    this.lang = pageLang in STRINGS ? pageLang : "da";
    this.t = STRINGS[this.lang];
    // Links from the page to the rules pages: the page is /beregner/ or /en/beregner/.
    this.base = container.dataset.base || "../";
    this.amountText = container.dataset.incomeAmount || "";
    this.amountFrom = container.dataset.incomeFrom || "";
    this.controls = new Map(); // API path -> control
    this.fieldOf = new Map(); // API path -> the field's declaration (forms.mjs)
    this.missingPaths = null; // what the rules' last answer still misses (asks the "needed" questions)
    this.touched = new Set(); // paths the user has changed: their errors show before a submit
    this.revealed = new Set(); // paths the API asked for: shown even if the form would hide them
    this.timer = null;
    this.request = 0;
    this.lastOutput = null;
    this.state = emptyState();
    this.restoredFrom = null;
    try {
      const saved = window.localStorage.getItem(STORAGE_KEY);
      if (saved) {
        const parsed = JSON.parse(saved);
        if (parsed && parsed.state) {
          this.state = this.mergeState(parsed.state);
          this.restoredFrom = parsed.saved || "";
        }
      }
    } catch {
      // Storage blocked or broken: start empty.
    }
    this.fromLink = false;
    const shared = /^#svar=([A-Za-z0-9_-]+)$/.exec(location.hash || "");
    if (shared) {
      // Answers carried in the link (opt-in «Kopiér et link», or the language switch): the fragment
      // is never sent to the server. They are checked by the package like typed answers.
      try {
        this.state = stateFromDocument(decodeAnswers(shared[1]));
        this.fromLink = true;
        this.restoredFrom = null;
      } catch {
        this.linkBroken = true;
      }
    }
    this.render();
    this.carryOnLanguageSwitch();
  }

  // The language switch keeps unsaved answers: its link to the other calculator page gets them in
  // the fragment when it is followed (nothing is stored, nothing is sent).
  carryOnLanguageSwitch() {
    if (document.ubCarryAnswers) return;
    document.ubCarryAnswers = true;
    document.addEventListener(
      "click",
      (event) => {
        const link = event.target.closest && event.target.closest("a[hreflang]");
        const calculator = window.ubCalculator;
        if (!link || !calculator || !calculator.container.isConnected || !/\/beregner\/?$/.test(new URL(link.href).pathname)) return;
        calculator.readState();
        link.href = `${link.href.split("#")[0]}#svar=${encodeAnswers(calculator.answersDocument())}`;
      },
      true,
    );
  }

  answersDocument() {
    const doc = this.buildDocument();
    // Only a name the user gave goes with the answers («Person 1» is the page's own default).
    doc.household.forEach((person, index) => {
      if (!String(this.state.persons[index].values.id || "").trim()) delete person.id;
    });
    const situation = this.buildSituation();
    return Object.keys(situation).length ? { ...doc, situation } : doc;
  }

  // --- drawing the form -----------------------------------------------------------------------

  render() {
    const t = this.t;
    this.progress = el("progress", { max: 4, value: 0, "aria-label": t.progressLabel });
    this.statusText = el("span", { class: "ub-status-text" });
    this.status = el(
      "div",
      { class: "ub-status", id: "ub-status", role: "status", "aria-live": "polite" },
      this.progress,
      this.statusText,
    );
    this.announcer = el("p", { class: "ub-visually-hidden", role: "status", "aria-live": "polite" });
    this.persons = el("div", { class: "ub-persons" });
    this.undoBar = el("p", { class: "ub-undo", role: "status", hidden: true });
    // The verdict in a line that stays at the bottom of the screen while the form is filled in.
    this.bar = el("div", { class: "ub-verdict-bar", id: "ub-verdict-bar", hidden: true });
    this.form = el(
      "form",
      { class: "ub-form", novalidate: true, "aria-label": this.lang === "da" ? "Husstandens oplysninger" : "The household's details" },
      el("p", { class: "ub-privacy", text: t.intro }),
      el("p", { class: "ub-skip" }, el("a", { href: "#ub-results", text: t.skip })),
      ...this.documentFieldsets(),
      ...this.situationFieldsets(),
      el(
        "div",
        { class: "ub-actions" },
        el("button", { type: "submit", class: "ub-submit", text: t.submit }),
        el("button", { type: "button", class: "ub-button", "data-action": "clear", text: t.clear }),
      ),
      this.undoBar,
      this.saveFieldset(),
      this.bar,
    );
    this.results = el("div", { class: "ub-results", id: "ub-results" });
    this.container.replaceChildren(this.status, this.form, this.announcer, this.results);
    this.renderPersons();
    this.syncVisibility();
    this.results.append(el("p", { class: "ub-busy", text: t.waiting }));

    this.form.addEventListener("input", (event) => this.onEdit(event));
    this.form.addEventListener("change", (event) => {
      if (event.target && event.target.dataset && event.target.dataset.action === "import") {
        const file = event.target.files && event.target.files[0];
        if (file) this.importAnswers(file);
        event.target.value = "";
        return;
      }
      this.onEdit(event);
    });
    this.form.addEventListener("click", (event) => this.onClick(event));
    // A question kept for the focus though the answer no longer needs it (syncVisibility) goes
    // once the focus has moved on.
    this.form.addEventListener("focusout", () => setTimeout(() => this.syncVisibility(), 0));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.update({ explicit: true });
    });
    this.results.addEventListener("click", (event) => this.onResultsClick(event));
    if (this.restoredFrom !== null) this.saveStatus.textContent = t.restored;
    if (this.fromLink) this.saveStatus.textContent = t.fromLink;
    if (this.linkBroken) this.setSaveStatus(t.linkBroken, true);
  }

  formatDate(iso) {
    return formatDate(iso, this.lang);
  }

  saveFieldset() {
    const t = this.t;
    this.saveStatus = el("p", { class: "ub-save-status", role: "status", "aria-live": "polite" });
    return el(
      "fieldset",
      { class: "ub-save" },
      el("legend", { text: t.saveLegend }),
      el("p", { class: "ub-hint", text: t.saveHint }),
      el(
        "div",
        { class: "ub-actions" },
        el("button", { type: "button", class: "ub-button", "data-action": "save", text: t.save }),
        el("button", { type: "button", class: "ub-button", "data-action": "forget", text: t.forget }),
      ),
      el("p", { class: "ub-hint", text: t.shareHint }),
      el(
        "div",
        { class: "ub-actions" },
        el("button", { type: "button", class: "ub-button", "data-action": "copy-link", text: t.copyLink }),
        el("button", { type: "button", class: "ub-button", "data-action": "export", text: t.exportFile }),
      ),
      el(
        "div",
        { class: "ub-field" },
        el("label", { for: "ub-import", text: t.importFile }),
        el("input", { type: "file", id: "ub-import", accept: ".json,application/json", "data-action": "import" }),
      ),
      this.saveStatus,
    );
  }

  // --- events -------------------------------------------------------------------------------------

  onEdit(event) {
    const target = event.target;
    if (!target || !target.dataset || !target.dataset.path) return;
    if (event.type === "change") this.touched.add(target.dataset.path);
    if (this.undoState) {
      this.undoState = null;
      this.undoBar.hidden = true;
    }
    this.readState();
    // "Has the person been convicted? Yes": open the first conviction's fields at once.
    const convicted = /^household\[(\d+)\]\.convictions$/.exec(target.dataset.path);
    if (convicted && target.value === "yes") {
      const person = this.state.persons[Number(convicted[1])];
      if (person && person.convictions.length === 0) {
        person.convictions.push({});
        this.renderPersons();
        this.syncVisibility();
        this.controls.get(target.dataset.path).focus();
      }
    }
    this.syncVisibility();
    this.schedule();
  }

  onClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    this.readState();
    if (action in ANSWERS_ACTIONS) {
      this[ANSWERS_ACTIONS[action]]();
      return;
    }
    if (!(action in HOUSEHOLD_ACTIONS)) return;
    const focus = this[HOUSEHOLD_ACTIONS[action]](Number(button.dataset.index), Number(button.dataset.conviction));
    if (!focus) return;
    this.renderPersons();
    this.syncVisibility();
    this.schedule();
    const target = focus();
    if (target) target.focus();
  }

  // The household's lists, changed by their buttons: each change gives what gets the focus once the
  // persons are drawn again (the new part's first field; after a removal, the button that adds).
  addPerson() {
    if (this.state.persons.length >= MAX_PERSONS) return null;
    this.state.persons.push(emptyPerson(""));
    this.forgetRevealed();
    return () => this.controls.get(`household[${this.state.persons.length - 1}].role`);
  }

  removePerson(index) {
    this.state.persons.splice(index, 1);
    this.forgetRevealed();
    return () => this.form.querySelector("[data-action=add-person]");
  }

  addConviction(index) {
    const person = this.state.persons[index];
    person.convictions.push({});
    return () => this.controls.get(`household[${index}].convictions[${person.convictions.length - 1}].year`);
  }

  removeConviction(index, conviction) {
    this.state.persons[index].convictions.splice(conviction, 1);
    this.forgetRevealed();
    return () => this.persons.querySelector(`[data-action=add-conviction][data-index="${index}"]`);
  }

  forgetRevealed() {
    for (const path of [...this.revealed]) if (path.startsWith("household")) this.revealed.delete(path);
  }

  onResultsClick(event) {
    const link = event.target.closest("a[data-path]");
    if (link) {
      event.preventDefault();
      this.focusField(link.dataset.path);
      return;
    }
    const print = event.target.closest("button[data-action=print]");
    if (print) window.print();
  }

  focusField(path) {
    const control = this.controlFor(path);
    if (!control) return;
    this.revealed.add(control.dataset.path);
    this.syncVisibility();
    control.focus();
    control.scrollIntoView({ block: "center" });
  }

  // The control an API path belongs to: the field itself, or the nearest field above it.
  controlFor(path) {
    let current = String(path || "");
    while (current) {
      if (this.controls.has(current)) return this.controls.get(current);
      const cut = Math.max(current.lastIndexOf("."), current.lastIndexOf("["));
      if (cut <= 0) break;
      current = current.slice(0, cut);
    }
    return null;
  }

  // Start again with an empty form (nothing stored is touched).
  clear() {
    this.readState();
    const before = JSON.parse(JSON.stringify(this.state));
    clearTimeout(this.timer);
    this.timer = null;
    this.request += 1;
    this.state = emptyState();
    this.revealed.clear();
    this.controls.clear();
    this.lastOutput = null;
    this.restoredFrom = null;
    this.missingPaths = null;
    this.touched.clear();
    if (/^#svar=/.test(location.hash)) history.replaceState(null, "", location.href.split("#")[0]);
    this.render();
    this.showStatus(client.status);
    setTimeout(() => {
      this.announcer.textContent = this.t.cleared;
    }, 100);
    // «Ryd alle svar» can be undone until something new is typed.
    this.undoState = before;
    this.undoBar.replaceChildren(
      el("span", { text: `${this.t.cleared} ` }),
      el("button", { type: "button", class: "ub-button", "data-action": "undo-clear", text: this.t.undo }),
    );
    this.undoBar.hidden = false;
    this.controls.get("date").focus();
    if (client.status.state === "ready") this.schedule();
  }

  undoClear() {
    if (!this.undoState) return;
    this.state = this.undoState;
    this.undoState = null;
    this.controls.clear();
    this.render();
    this.showStatus(client.status);
    this.announcer.textContent = this.t.restoredAfterClear;
    this.controls.get("date").focus();
    if (client.status.state === "ready") this.schedule();
  }

  setSaveStatus(text, alert = false) {
    this.saveStatus.setAttribute("role", alert ? "alert" : "status");
    this.saveStatus.textContent = text;
  }

  async copyLink() {
    this.readState();
    const url = `${location.href.split("#")[0]}#svar=${encodeAnswers(this.answersDocument())}`;
    try {
      await navigator.clipboard.writeText(url);
      this.setSaveStatus(this.t.linkCopied);
    } catch {
      this.setSaveStatus(this.t.linkNotCopied);
    }
    history.replaceState(null, "", url);
  }

  exportAnswers() {
    this.readState();
    const blob = new Blob([`${JSON.stringify(this.answersDocument(), null, 2)}\n`], { type: "application/json" });
    const link = el("a", { href: URL.createObjectURL(blob), download: this.t.exportName });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    this.setSaveStatus(this.t.exported);
  }

  // A file of answers is checked by the package's own validator (the priority endpoint's spec:
  // the household document plus the home's situation) before it replaces anything.
  async importAnswers(file) {
    const t = this.t;
    let doc;
    try {
      doc = JSON.parse(await file.text());
      if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new Error("not an object");
    } catch {
      this.setSaveStatus(t.importNotJson, true);
      return;
    }
    let answer;
    try {
      answer = await call(doc.situation ? "priority" : "evaluate", doc);
    } catch {
      this.setSaveStatus(t.internalError, true);
      return;
    }
    if (!answer.ok) {
      const first = (answer.errors || []).slice(0, 3).map((e) => localText(e, this.lang)).join(" ");
      this.setSaveStatus(`${t.importInvalid} ${first}`, true);
      return;
    }
    this.state = stateFromDocument(doc);
    this.controls.clear();
    this.render();
    this.showStatus(client.status);
    this.setSaveStatus(t.imported);
    this.update({ explicit: false });
  }

  save() {
    this.readState();
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ saved: new Date().toISOString(), state: this.state }));
      this.saveStatus.textContent = this.t.saved;
    } catch (error) {
      this.saveStatus.textContent = String(error && error.message ? error.message : error);
    }
  }

  forget() {
    try {
      const had = window.localStorage.getItem(STORAGE_KEY) !== null;
      window.localStorage.removeItem(STORAGE_KEY);
      this.saveStatus.textContent = had ? this.t.forgotten : this.t.nothingSaved;
    } catch (error) {
      this.saveStatus.textContent = String(error && error.message ? error.message : error);
    }
  }

  // --- asking the rules ---------------------------------------------------------------------------

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update({ explicit: false }), DEBOUNCE_MS);
  }

  async update({ explicit }) {
    clearTimeout(this.timer);
    this.timer = null;
    this.readState();
    this.syncVisibility();
    const request = ++this.request;
    this.watchComputing(request);
    const doc = this.buildDocument();
    const situation = this.buildSituation();
    if (client.status.state !== "ready" && !this.lastOutput) {
      this.results.replaceChildren(el("p", { class: "ub-busy", text: this.t.waiting }));
    }
    this.form.setAttribute("aria-busy", "true");
    let evaluation;
    let priority;
    try {
      [evaluation, priority] = await Promise.all([call("evaluate", doc), call("priority", { ...doc, situation })]);
    } catch {
      if (request !== this.request) return;
      this.form.removeAttribute("aria-busy");
      this.lastOutput = null;
      this.needsUpdate = true; // computed again once the worker is back (retry)
      this.results.replaceChildren(el("p", { class: "ub-error", role: "alert", text: this.t.internalError }));
      return;
    }
    this.computing = false;
    if (request !== this.request) return;
    this.form.removeAttribute("aria-busy");
    const errors = [];
    const seen = new Set();
    for (const error of [...(evaluation.ok ? [] : evaluation.errors || []), ...(priority.ok ? [] : priority.errors || [])]) {
      // Outside the agreement's period the evaluation explains it in a notice; not an input error.
      if (error.code === "outside_agreement_period" && evaluation.ok) continue;
      const key = `${error.path}|${error.code}`;
      if (!seen.has(key)) {
        seen.add(key);
        errors.push(error);
      }
    }
    this.clearErrors();
    if (errors.length) this.bar.hidden = true;
    // Errors show for what the user has changed, and all of them on "Vis svaret": a person just
    // added is not met with a red «mangler».
    const shown = explicit ? errors : errors.filter((e) => this.isTouched(e.path));
    if (errors.length) {
      this.lastOutput = null;
      if (shown.length) {
        this.showErrors(shown, explicit);
        this.announcer.textContent = this.t.updatedErrors(shown.length);
      } else {
        this.results.replaceChildren(el("p", { class: "ub-busy", text: this.t.incomplete }));
      }
      return;
    }
    if (explicit) this.touched.clear();
    this.missingPaths = new Set((evaluation.criteria || []).flatMap((f) => (f.missing || []).map((m) => m.path)));
    this.syncVisibility();
    this.lastOutput = evaluation;
    this.renderResult(evaluation, priority.ok ? priority : null);
    this.renderBar(evaluation);
    const counts = { met: 0, not_met: 0, organisation_decides: 0, cannot_tell: 0 };
    for (const finding of evaluation.criteria || []) if (finding.verdict in counts) counts[finding.verdict] += 1;
    this.announcer.textContent = announcement(evaluation, this.lang) || this.t.updated(counts);
    if (explicit) this.results.querySelector("#ub-results-heading").focus();
  }

  // Has the user changed this field (or, for a person's error, anything of that person)?
  isTouched(path) {
    const control = path && path !== "$" ? this.controlFor(path) : null;
    return Boolean(control && this.touched.has(control.dataset.path));
  }

  renderBar(output) {
    const t = this.t;
    const lines = [];
    for (const verdict of ["met", "not_met", "organisation_decides", "cannot_tell"]) {
      const ids = (output.criteria || []).filter((f) => f.verdict === verdict).map((f) => f.id);
      const name = t.verdicts[verdict] || READING_TEXTS[this.lang].verdicts[verdict];
      if (ids.length) lines.push(el("span", { class: `ub-verdict-bar__part ub-verdict--${verdict}`, "data-verdict": verdict }, el("strong", { text: `${name}: ` }), `${ids.join(", ")}. `));
    }
    this.bar.replaceChildren(
      el("p", { class: "ub-verdict-bar__text" }, el("span", { class: "ub-visually-hidden", text: `${t.shortAnswer}: ` }), ...lines),
      el("a", { href: "#ub-results", class: "ub-verdict-bar__link", text: t.seeAnswer }),
    );
    this.bar.hidden = !lines.length;
  }

  clearErrors() {
    for (const [path, control] of this.controls) {
      control.removeAttribute("aria-invalid");
      const id = fieldId(path);
      const hint = document.getElementById(`${id}-hint`);
      if (hint) control.setAttribute("aria-describedby", hint.id);
      else control.removeAttribute("aria-describedby");
      const box = document.getElementById(`${id}-error`);
      if (box) {
        box.textContent = "";
        box.hidden = true;
      }
    }
  }

  showErrors(errors, explicit) {
    const t = this.t;
    const items = [];
    let first = null;
    for (const error of errors) {
      const raw = localText(error, this.lang) || error.code || "";
      const message = error.path ? raw.replace(` (${error.path})`, "") : raw;
      const control = error.path && error.path !== "$" ? this.controlFor(error.path) : null;
      if (control) {
        this.revealed.add(control.dataset.path);
        const box = document.getElementById(`${control.id}-error`);
        box.textContent = box.textContent ? `${box.textContent} ${message}` : message;
        box.hidden = false;
        control.setAttribute("aria-invalid", "true");
        const ids = [control.getAttribute("aria-describedby"), box.id].filter(Boolean).join(" ").split(" ");
        control.setAttribute("aria-describedby", [...new Set(ids)].join(" "));
        if (!first) first = control;
        items.push(el("li", {}, el("a", { href: `#${control.id}`, "data-path": control.dataset.path, text: message })));
      } else {
        items.push(el("li", { text: message }));
      }
    }
    this.syncVisibility();
    this.results.replaceChildren(
      el(
        "div",
        { class: "ub-form-errors" },
        el("h2", { id: "ub-results-heading", tabindex: "-1", text: t.errorsHeading }),
        el("p", { text: t.errorsIntro }),
        el("ul", {}, ...items),
      ),
    );
    if (explicit) {
      if (first) first.focus();
      else this.results.querySelector("#ub-results-heading").focus();
    }
  }

  // --- the answer ----------------------------------------------------------------------------------

  renderResult(output, priority) {
    const t = this.t;
    const lang = this.lang;
    const parts = [el("h2", { id: "ub-results-heading", tabindex: "-1", text: t.resultsHeading })];
    if (output.date) parts.push(el("p", { class: "ub-results-date", text: t.resultsFor(formatDate(output.date, lang)) }));
    const summary = renderAnswerSummary({ output, priority, lang, h: el, refs: (r) => referenceNodes(r, this.base) });
    if (summary) parts.push(summary);
    const notices = (output.notices || []).map((n) =>
      el("li", {}, localText(n, lang), n.reference ? el("span", { class: "ub-ref" }, " (", ...referenceNodes(n.reference, this.base), ")") : null),
    );
    if (notices.length) {
      parts.push(el("div", { class: "ub-notices" }, el("p", { class: "ub-notices__title", text: t.notices }), el("ul", {}, ...notices)));
    }
    const criteria = output.criteria || [];
    if (criteria.length) {
      parts.push(
        el(
          "section",
          { class: "ub-short", "aria-labelledby": "ub-short-heading" },
          el("h3", { id: "ub-short-heading", text: t.shortAnswer }),
          el(
            "ul",
            { class: "ub-short__list" },
            ...criteria.map((f) =>
              el(
                "li",
                { class: `ub-verdict--${f.verdict}`, "data-criterion": f.id },
                el("span", { class: "ub-verdict__symbol", "aria-hidden": "true", text: VERDICT_SYMBOLS[f.verdict] }),
                el("a", { href: `#ub-finding-${f.id.toLowerCase()}`, text: this.findingTitle(f) }),
                ": ",
                el("strong", { text: t.verdicts[f.verdict] }),
              ),
            ),
          ),
        ),
      );
    }
    const groups = [...new Set(criteria.map((f) => f.group))];
    for (const group of groups) {
      parts.push(el("h3", { class: "ub-group-heading", text: t.groups[group] || group }));
      for (const finding of criteria.filter((f) => f.group === group)) parts.push(this.renderFinding(finding));
    }
    if (priority) parts.push(this.renderPriority(priority));
    if (criteria.length) parts.push(this.renderMedbring(output));
    this.results.replaceChildren(...parts);
    this.markRuntime();
  }

  findingTitle(finding) {
    const title = localText(finding.title, this.lang);
    return title.startsWith(finding.id) ? title : `${finding.id}: ${title}`;
  }

  personLabel(path) {
    const match = /^household\[(\d+)\]/.exec(path || "");
    return match ? `${this.personName(Number(match[1]))}: ` : "";
  }

  renderFinding(finding) {
    const t = this.t;
    const lang = this.lang;
    const id = finding.id.toLowerCase();
    const title = this.findingTitle(finding);
    const reasons = (finding.reasons || []).map((r) =>
      el("li", {}, localText(r, lang), r.reference ? el("span", { class: "ub-ref" }, " (", ...referenceNodes(r.reference, this.base), ")") : null),
    );
    // The deciding limit names the persons who decide the verdict (udlejning.summary), not everyone's.
    const decisive = (finding.thresholds || []).length ? decisiveLines(this.lastOutput, finding.id, lang) : null;
    const thresholds = (decisive || (finding.thresholds || []).map((th) => localText(th, lang))).map((text) => el("li", { class: "ub-threshold", text }));
    const change = this.wouldChange(finding);
    const missing = (finding.missing || []).map((m) =>
      el(
        "li",
        {},
        m.path && this.controlFor(m.path)
          ? el("a", { href: `#${this.controlFor(m.path).id}`, "data-path": m.path, text: this.personLabel(m.path) + localText(m, lang) })
          : localText(m, lang),
      ),
    );
    const documents = (finding.documents || []).map((d) =>
      el("li", {}, localText(d, lang), d.reference ? el("span", { class: "ub-ref" }, " (", ...referenceNodes(d.reference, this.base), ")") : null),
    );
    const list = (heading, items, cls) =>
      items.length ? el("div", { class: `ub-list ${cls || ""}` }, el("h5", { text: heading }), el("ul", {}, ...items)) : null;
    return el(
      "section",
      {
        class: `ub-finding ub-verdict--${finding.verdict}`,
        id: `ub-finding-${id}`,
        "data-criterion": finding.id,
        "data-verdict": finding.verdict,
        "aria-labelledby": `ub-finding-${id}-title`,
      },
      el("h4", { id: `ub-finding-${id}-title`, text: title }),
      el(
        "p",
        { class: "ub-verdict" },
        el("span", { class: "ub-verdict__symbol", "aria-hidden": "true", text: VERDICT_SYMBOLS[finding.verdict] || "" }),
        `${t.verdictLabel}: `,
        el("strong", { class: "ub-verdict__text", text: t.verdicts[finding.verdict] || READING_TEXTS[lang].verdicts[finding.verdict] || finding.verdict }),
      ),
      finding.met_by && finding.met_by.length ? el("p", { text: t.metBy(finding.met_by.join(", ")) }) : null,
      list(t.reasons, reasons),
      list(t.thresholds, thresholds, "ub-thresholds"),
      change.length ? list(t.wouldChange, change.map((text) => el("li", { text })), "ub-change") : null,
      list(t.missing, missing, "ub-missing"),
      readingNotes(finding, lang, this.base),
      list(t.documents, documents),
      el(
        "p",
        { class: "ub-references" },
        `${t.source}: `,
        ...referenceNodes((finding.references || []).join("; "), this.base),
        " · ",
        el("a", { href: `${this.base}regler/kriterier/#${id}`, class: "ub-docs-link", text: t.readMore(finding.id) }),
      ),
      finding.scope ? el("p", { class: "ub-scope", text: localText(finding.scope, lang) }) : null,
    );
  }

  // "What would change it": for limits where more is better, the figure needed.
  wouldChange(finding) {
    const out = [];
    if (finding.verdict !== "not_met") return out;
    for (const th of finding.thresholds || []) {
      const unit = AT_LEAST[th.parameter];
      if (!unit || Number(th.actual) >= Number(th.required)) continue;
      const required = unit.money ? formatNumber(th.required, this.lang, true) : formatNumber(th.required, this.lang);
      out.push(
        this.lang === "da"
          ? `Med mindst ${required} ${unit.da} (i stedet for ${unit.money ? formatNumber(th.actual, "da", true) : formatNumber(th.actual, "da")}) ville grænsen være nået.`
          : `With at least ${required} ${unit.en} (instead of ${unit.money ? formatNumber(th.actual, "en", true) : formatNumber(th.actual, "en")}) the limit would be reached.`,
      );
    }
    return out;
  }

  renderPriority(priority) {
    const t = this.t;
    const lang = this.lang;
    const chosen = priority.step;
    const head = el(
      "tr",
      {},
      el("th", { scope: "col", text: t.stepColumn }),
      ...STATUS_ORDER.map((s) => el("th", { scope: "col" }, el("span", { class: `ub-status-letter ub-status--${s}`, "aria-hidden": "true", text: t.statusLetters[s] }), ` ${t.statuses[s]}`)),
    );
    const rows = (priority.steps || []).map((step) => {
      const isChosen = chosen && chosen.stair === step.stair && chosen.trin === step.trin;
      return el(
        "tr",
        { class: isChosen ? "ub-chosen" : null, "data-step": `${step.stair}-${step.trin}` },
        el("th", { scope: "row" }, localText(step.title, lang), isChosen ? el("span", { class: "ub-chosen-label", text: ` (${t.chosenStep})` }) : null),
        ...STATUS_ORDER.map((s) => el("td", { "data-status": s, text: step.summary[s] })),
      );
    });
    const notes = (priority.notes || []).map((n) =>
      el("li", {}, localText(n, lang), n.reference ? el("span", { class: "ub-ref" }, " (", ...referenceNodes(n.reference, this.base), ")") : null),
    );
    return el(
      "section",
      { class: "ub-priority", "aria-labelledby": "ub-priority-heading" },
      el("h3", { id: "ub-priority-heading", text: t.priorityHeading }),
      el("p", { text: t.priorityIntro }),
      el(
        "div",
        { class: "ub-table-wrap", tabindex: "0", role: "region", "aria-labelledby": "ub-priority-caption" },
        el("table", { class: "ub-steps" }, el("caption", { id: "ub-priority-caption", text: t.priorityCaption }), el("thead", {}, head), el("tbody", {}, ...rows)),
      ),
      notes.length ? el("ul", { class: "ub-notes" }, ...notes) : null,
      chosen ? this.renderWheel(chosen) : null,
    );
  }

  answerStatusText(answer) {
    const t = this.t;
    let text = t.statuses[answer.status] || answer.status;
    if (answer.status === "priority" && answer.rank && answer.rank > 1) text = `${text} (${t.rank(answer.rank)})`;
    return text;
  }

  renderWheel(step) {
    const t = this.t;
    const lang = this.lang;
    const title = localText(step.title, lang);
    const byPosition = new Map();
    for (const answer of step.positions || []) {
      if (!byPosition.has(answer.position)) byPosition.set(answer.position, []);
      byPosition.get(answer.position).push(answer);
    }
    const positions = [...byPosition.keys()].sort((a, b) => a - b);
    const summary = STATUS_ORDER.filter((s) => step.summary[s] && !step.summary[s].startsWith("0/"))
      .map((s) => `${t.statuses[s]}: ${step.summary[s]}`)
      .join("; ");
    // The drawing: nine slices, split in two where a home alternates between two uses.
    const size = 220;
    const centre = size / 2;
    const radius = centre - 4;
    const drawing = svg("svg", {
      viewBox: `0 0 ${size} ${size}`,
      width: size,
      height: size,
      class: "ub-wheel__drawing",
      role: "img",
      "aria-labelledby": "ub-wheel-figure-text",
    });
    const point = (angle, r) => [centre + r * Math.sin(angle), centre - r * Math.cos(angle)];
    positions.forEach((position, index) => {
      const answers = byPosition.get(position);
      const sliceStart = (index / positions.length) * 2 * Math.PI;
      const sliceWidth = (2 * Math.PI) / positions.length;
      answers.forEach((answer, part) => {
        const a0 = sliceStart + (part * sliceWidth) / answers.length;
        const a1 = sliceStart + ((part + 1) * sliceWidth) / answers.length;
        const [x0, y0] = point(a0, radius);
        const [x1, y1] = point(a1, radius);
        drawing.append(
          svg("path", {
            d: `M ${centre} ${centre} L ${x0.toFixed(2)} ${y0.toFixed(2)} A ${radius} ${radius} 0 0 1 ${x1.toFixed(2)} ${y1.toFixed(2)} Z`,
            class: `ub-slice ub-status--${answer.status}`,
          }),
        );
        const [lx, ly] = point((a0 + a1) / 2, radius * 0.68);
        drawing.append(svg("text", { x: lx.toFixed(1), y: (ly + 5).toFixed(1), class: "ub-slice__letter", "text-anchor": "middle", text: t.statusLetters[answer.status] }));
      });
      const [nx, ny] = point(sliceStart + sliceWidth / 2, radius * 0.32);
      drawing.append(svg("text", { x: nx.toFixed(1), y: (ny + 4).toFixed(1), class: "ub-slice__number", "text-anchor": "middle", text: String(position) }));
    });
    const items = positions.map((position) => {
      const answers = byPosition.get(position);
      return el(
        "li",
        { class: "ub-home", "data-position": String(position) },
        el("h5", { text: t.home(position) }),
        ...answers.map((answer) => this.renderHomeAnswer(answer, answers.length > 1)),
      );
    });
    const legend = el(
      "ul",
      { class: "ub-wheel__legend", "aria-label": t.legend },
      ...STATUS_ORDER.map((s) =>
        el("li", {}, el("span", { class: `ub-status-letter ub-status--${s}`, "aria-hidden": "true", text: t.statusLetters[s] }), ` ${t.statuses[s]}`),
      ),
    );
    return el(
      "section",
      { class: "ub-wheel", "aria-labelledby": "ub-wheel-heading", "data-step": `${step.stair}-${step.trin}` },
      el("h4", { id: "ub-wheel-heading", text: t.wheelHeading(title) }),
      el("p", { text: t.wheelIntro }),
      el(
        "p",
        { class: "ub-ref" },
        `${t.source}: `,
        ...referenceNodes(step.reference, this.base),
        ". ",
        t.validFrom(formatDate(step.valid_from, lang), formatDate(dayBefore(step.valid_until), lang)),
        " ",
        el("a", { href: `${this.base}regler/udlejningshjul/#${step.stair}-${step.trin}`, class: "ub-docs-link", text: t.wheelDocs }),
      ),
      el(
        "figure",
        { class: "ub-wheel__figure" },
        drawing,
        el("figcaption", { id: "ub-wheel-figure-text", text: t.wheelFigure(summary) }),
        legend,
      ),
      el("ol", { class: "ub-homes" }, ...items),
      (step.notes || []).length
        ? el(
            "ul",
            { class: "ub-notes" },
            ...step.notes.map((n) =>
              el("li", {}, localText(n, lang), n.reference ? el("span", { class: "ub-ref" }, " (", ...referenceNodes(n.reference, this.base), ")") : null),
            ),
          )
        : null,
    );
  }

  renderHomeAnswer(answer, split) {
    const t = this.t;
    const lang = this.lang;
    const reasonItems = (answer.reasons || []).map((r) =>
      el("li", {}, screenText(localText(r, lang), t), r.reference ? el("span", { class: "ub-ref" }, " (", ...referenceNodes(r.reference, this.base), ")") : null),
    );
    const extra = [];
    if (answer.options) {
      extra.push(
        el(
          "div",
          { class: "ub-list" },
          el("p", { class: "ub-list__title", text: t.options }),
          el(
            "ul",
            {},
            ...Object.entries(answer.options).map(([choice, option]) => {
              const label = CHOICES.find((c) => c.value === choice);
              return el("li", {}, `${capitalise(label ? label[lang] : choice)}: `, el("strong", { text: this.answerStatusText(option) }));
            }),
          ),
        ),
      );
    }
    if (answer.if_unused) {
      extra.push(el("p", {}, `${t.ifUnused}: `, el("strong", { text: this.answerStatusText(answer.if_unused) })));
    }
    return el(
      "div",
      { class: `ub-home__answer ub-status--${answer.status}-border`, "data-status": answer.status },
      el(
        "p",
        { class: "ub-home__use" },
        split && answer.round ? `${capitalise(t.round(answer.round))} (${answer.share}): ` : "",
        localText(answer.use_text, lang),
      ),
      el(
        "p",
        { class: "ub-home__status" },
        el("span", { class: `ub-status-letter ub-status--${answer.status}`, "aria-hidden": "true", text: t.statusLetters[answer.status] }),
        " ",
        el("strong", { text: this.answerStatusText(answer) }),
      ),
      reasonItems.length ? el("ul", { class: "ub-home__reasons" }, ...reasonItems) : null,
      ...extra,
    );
  }

  // --- the medbring-ark: the household's answers and the documents, printable -----------------------

  householdSummary() {
    const rows = this.summaryRows();
    const home = this.situationText();
    if (home) rows.push([this.t.situationSummary, home]);
    return el("dl", { class: "ub-summary" }, ...rows.flatMap(([term, text]) => [el("dt", { text: term }), el("dd", { text })]));
  }

  renderMedbring(output) {
    const t = this.t;
    const lang = this.lang;
    const lines = (output.checklist || []).map((line) =>
      el(
        "li",
        { class: "ub-checklist__item" },
        el("span", { class: "ub-checkbox", "aria-hidden": "true", text: "☐" }),
        " ",
        localText(line, lang),
        el("span", { class: "ub-ref" }, ` (${line.reference}). `, t.medbringFor(line.criteria.join(", "))),
      ),
    );
    return el(
      "section",
      { class: "ub-medbring", id: "ub-medbring", "aria-labelledby": "ub-medbring-heading" },
      el("h3", { id: "ub-medbring-heading", text: t.medbringHeading }),
      el("p", { text: t.medbringIntro }),
      el("h4", { text: t.medbringHousehold }),
      this.householdSummary(),
      el("h4", { text: t.medbringDocuments }),
      ...(renderMedbringLists({ output, lang, h: el, refs: (r) => referenceNodes(r, this.base), formatDate }) || [
        lines.length ? el("ul", { class: "ub-checklist" }, ...lines) : el("p", { text: t.medbringNone }),
      ]),
      el("p", { class: "ub-printed-from", text: t.printedFrom(formatDate(output.date, lang)) }),
      el("button", { type: "button", class: "ub-button ub-print", "data-action": "print", text: t.print }),
    );
  }

  // --- status -------------------------------------------------------------------------------------

  showStatus(status) {
    const t = this.t;
    this.markRuntime();
    if (status.state === "failed") {
      this.progress.hidden = true;
      this.status.dataset.state = status.state;
      showFailure(this.status, this.statusText, status, this.lang, t.failed, () => client.retry());
      return;
    }
    clearFailure(this.status);
    const bytes = progressValue(status, client.bytes);
    this.progress.max = bytes ? bytes.max : status.steps + 1;
    this.progress.value = bytes ? bytes.value : status.state === "starting" ? 0 : status.step + (status.state === "ready" ? 1 : 0);
    this.progress.hidden = status.state === "ready";
    this.status.dataset.state = status.state;
    this.status.dataset.offline = client.offline;
    const offline = status.state === "ready" && client.offline === "ready" ? ` ${t.offlineReady}` : "";
    const loading = loadingText(status, client.bytes, this.lang);
    this.statusText.textContent = restartingText(status, this.lang) || loading || (t.stages[status.stage] || t.stages.starting) + offline;
  }

  // The answer on screen says which rules computed it, and when it is being computed again (a
  // call that takes long, e.g. to a worker that died) or newer rules have been published.
  markRuntime() {
    if (!this.results) return;
    markAnswer(this.results, client.status, this.lang, { hasAnswer: Boolean(this.lastOutput), computing: this.computing });
  }

  watchComputing(request) {
    this.computing = false;
    setTimeout(() => {
      if (request !== this.request || !this.form.hasAttribute("aria-busy")) return;
      this.computing = true;
      this.markRuntime();
    }, COMPUTING_MARK_MS);
  }
}

// ---------------------------------------------------------------------------------------------
// Wiring.

function mount(container) {
  if (container.dataset.ubMounted === "true") return;
  container.dataset.ubMounted = "true";
  ensureWorker(); // Python starts loading before the form is drawn
  const calculator = new Calculator(container);
  window.ubCalculator = calculator;
  const onStatus = (status) => {
    if (!container.isConnected) {
      client.listeners.delete(onStatus);
      return;
    }
    calculator.showStatus(status);
    if (status.state === "ready" && calculator.needsUpdate) {
      calculator.needsUpdate = false;
      calculator.update({ explicit: false });
    }
    if (status.state === "ready" && !calculator.readyOnce) {
      calculator.readyOnce = true;
      // Show the answer for the form as it is, unless the user already asked (it is queued).
      if (calculator.request === 0 && calculator.timer === null) calculator.update({ explicit: false });
    }
  };
  client.listeners.add(onStatus);
  calculator.showStatus(client.status);
  ensureWorker();
  if (client.status.state === "ready") onStatus(client.status);
}

function init() {
  const container = document.getElementById(CONTAINER_ID);
  if (container) mount(container);
}

onEveryPage(init);
