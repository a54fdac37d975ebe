// Page script of the staff tools (docs/vaerktoejer/*.md), loaded on every page through mkdocs.yml
// extra_javascript with type: module. It does nothing unless a tool element ([data-staff-tool]) is
// on the page; then it draws the tool's form at once and starts its own Pyodide worker
// (worker.mjs, the same rules package as the calculator). The form can be filled in and sent while
// Python loads: the answer comes when the worker is ready. Nothing typed leaves the browser.
//
// Tools and the endpoints they call (udlejning.endpoints.ENDPOINTS):
//   placement           -> "placement", then "wheel" for the step it gives
//   wheel               -> "wheel" (one call per period of the wheel, to show them side by side)
//   allocation_limits   -> "allocation_limits" (Bilag 5)
//   deadlines           -> "deadlines" (Bilag 14)
//   new_build           -> "new_build" (afsnit 11)
//   saerbolig_phase_out -> "saerbolig_phase_out" (afsnit 9)
//   youth_housing, subsidised_home, refugee_shared_home, internal_move, adapted_home,
//   saerbolig_move, agreement_terms, new_build_terms -> the endpoint of the same name (issue 12),
//                          drawn by the one renderer of staff-rules.mjs
//
// The forms are drawn by form.mjs from the package's declarations (forms.mjs, generated from the
// input specs); figures and rule texts come from the package (the answers, options.mjs) or from the
// page (data attributes filled by the docs macros), never typed here. Errors come from the package's
// structured errors; their "path" names the field they are shown at.

import { capitalise, el, local, onEveryPage } from "./dom.mjs";
import { FormView } from "./form.mjs";
import { FORMS } from "./forms.mjs";
import { SECTIONS, STAIRS } from "./options.mjs";
import { RULES, extraNodes, groundsNodes, rulesAnswer } from "./staff-rules.mjs";
import { clearFailure, markAnswer, restartingText, showFailure } from "./runtime-ui.mjs";
import { client, startPython } from "./page-worker.mjs";

const TOOL_SELECTOR = "[data-staff-tool]";
const MAX_WHEEL_VERSIONS = 6;

// ---------------------------------------------------------------------------------------------
// Texts of the page chrome (labels, headings). Rule texts come from the package.

const COMMON = {
  da: {
    privacy: "Oplysningerne bliver i din browser. Intet sendes nogen steder hen, og intet gemmes.",
    progressLabel: "Værktøjet indlæses",
    stages: {
      starting: "Forbereder værktøjet …",
      runtime: "Henter og starter Python i browseren (ca. 6 MB første gang) … Du kan godt udfylde skemaet imens.",
      package: "Indlæser reglerne …",
      ready: "Værktøjet er klar.",
    },
    failed: "Værktøjet kunne ikke starte: ",
    waiting: "Svaret kommer, når værktøjet er klar …",
    working: "Regner …",
    submit: "Vis svaret",
    notStated: "Ikke oplyst",
    choose: "Vælg",
    yes: "Ja",
    no: "Nej",
    errorsHeading: "Ret det, der er markeret",
    errorsIntro: "Svaret vises, når fejlene er rettet.",
    internalError: "Der opstod en fejl i værktøjet. Prøv igen, eller genindlæs siden.",
    answer: "Svar",
    reasons: "Sådan er svaret fundet",
    notes: "Bemærk",
    source: "Kilde",
    sources: "Kilder",
    missing: "Det mangler vi at vide",
    dateHint: "Skriv datoen som åååå-mm-dd eller dd-mm-åååå, fx 2026-03-01.",
    percentHint: "I procent, fx 22,5.",
    updated: "Svaret er vist.",
    updatedErrors: (n) => (n === 1 ? "Der er 1 fejl i skemaet." : `Der er ${n} fejl i skemaet.`),
    ready: "Værktøjet er klar.",
    stairs: { afdelingstrappe: "afdelingstrappen", omraadetrappe: "områdetrappen" },
    periodRange: (from, to) => `${from} – ${to}`,
    validFrom: (from, to) => `Gælder fra ${from} til og med ${to}.`,
    shares: (w, f, m) => `Venteliste ${w}, fleksibel udlejning ${f}, kommunal anvisning ${m}.`,
    sharesCaption: "Andele af de ledige boliger",
    waitingList: "Venteliste",
    flexible: "Fleksibel udlejning",
    municipal: "Kommunal anvisning",
    home: "Bolig",
    homeN: (n) => `Bolig ${n}`,
    alternates: (a, b) => `på skift: ${a} (1. omgang) og ${b} (2. omgang)`,
    alternatesWith: (other) => `går på skift med: ${other}`,
    unusedTitle: "Hvis kommunen ikke bruger en bolig",
    unusedNone: "Der er ingen kommunal anvisning på dette trin.",
    unusedRenewal: (use) =>
      `Bruger kommunen ikke boligen til boligsocial anvisning, kan den bruges til genhusning ved byfornyelse, hvis der er behov. Ellers går den til: ${use}.`,
    unusedPlain: (use) => `Bruger kommunen ikke boligen til kommunal anvisning, går den til: ${use}.`,
    extra: (share, use, instead) => `Ekstra andel: ${share} går til ${use} i stedet for ${instead}.`,
    openWheelTool: "Se hjulet og de næste ledige boliger i værktøjet Udlejningshjulet",
  },
  en: {
    privacy: "The facts stay in your browser. Nothing is sent anywhere, and nothing is stored.",
    progressLabel: "The tool is loading",
    stages: {
      starting: "Preparing the tool …",
      runtime: "Downloading and starting Python in the browser (about 6 MB the first time) … You can fill in the form meanwhile.",
      package: "Loading the rules …",
      ready: "The tool is ready.",
    },
    failed: "The tool could not start: ",
    waiting: "The answer comes when the tool is ready …",
    working: "Calculating …",
    submit: "Show the answer",
    notStated: "Not stated",
    choose: "Choose",
    yes: "Yes",
    no: "No",
    errorsHeading: "Correct what is marked",
    errorsIntro: "The answer is shown when the errors are corrected.",
    internalError: "An error occurred in the tool. Try again, or reload the page.",
    answer: "Answer",
    reasons: "How the answer was found",
    notes: "Note",
    source: "Source",
    sources: "Sources",
    missing: "What we still need to know",
    dateHint: "Write the date as yyyy-mm-dd or dd-mm-yyyy, e.g. 2026-03-01.",
    percentHint: "In per cent, e.g. 22.5.",
    updated: "The answer is shown.",
    updatedErrors: (n) => (n === 1 ? "There is 1 error in the form." : `There are ${n} errors in the form.`),
    ready: "The tool is ready.",
    stairs: { afdelingstrappe: "the section stair", omraadetrappe: "the area stair" },
    periodRange: (from, to) => `${from} – ${to}`,
    validFrom: (from, to) => `In force from ${from} up to and including ${to}.`,
    shares: (w, f, m) => `Waiting list ${w}, flexible letting ${f}, municipal allocation ${m}.`,
    sharesCaption: "Shares of the vacant homes",
    waitingList: "Waiting list",
    flexible: "Flexible letting",
    municipal: "Municipal allocation",
    home: "Home",
    homeN: (n) => `Home ${n}`,
    alternates: (a, b) => `alternating: ${a} (1st round) and ${b} (2nd round)`,
    alternatesWith: (other) => `alternates with: ${other}`,
    unusedTitle: "If the municipality does not use a home",
    unusedNone: "There is no municipal allocation on this step.",
    unusedRenewal: (use) =>
      `If the municipality does not use the home for social allocation, it can be used to rehouse residents during urban renewal if needed. Otherwise it goes to: ${use}.`,
    unusedPlain: (use) => `If the municipality does not use the home for municipal allocation, it goes to: ${use}.`,
    extra: (share, use, instead) => `Extra share: ${share} goes to ${use} instead of ${instead}.`,
    openWheelTool: "See the wheel and the next vacant homes in the Letting wheel tool",
  },
};

// ---------------------------------------------------------------------------------------------
// Small helpers.

const WEEKDAY_DATE = { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
const PLAIN_DATE = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };

function parseIso(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function formatDate(iso, lang, withWeekday = false) {
  const when = parseIso(iso);
  if (!when) return iso || "";
  const locale = lang === "da" ? "da-DK" : "en-GB";
  return new Intl.DateTimeFormat(locale, withWeekday ? WEEKDAY_DATE : PLAIN_DATE).format(when);
}

function shiftDay(iso, days) {
  const when = parseIso(iso);
  if (!when) return iso;
  when.setUTCDate(when.getUTCDate() + days);
  return when.toISOString().slice(0, 10);
}

function formatNumber(text, lang) {
  const number = Number(text);
  if (!Number.isFinite(number)) return String(text);
  return new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 4 }).format(number);
}

// The generated coverage page's anchor for a section ("Bilag 4, IV.1 A.1" -> "bilag-4-iv1-a1"),
// like udlejning.catalogue.section_slug.
function sectionSlug(section) {
  const lower = section.toLowerCase().replace(/\./g, "");
  let keep = Array.from(lower, (ch) => (/[\p{L}\p{N}]/u.test(ch) ? ch : " ")).join("");
  keep = keep.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
  return keep.split(/\s+/).filter(Boolean).join("-");
}

// The anchor for one cited section: the section itself when the coverage page lists it, else the
// nearest listed section above it, else its afsnit or Bilag (all of which have a heading there).
function sectionAnchor(section) {
  if (SECTIONS[section]) return SECTIONS[section];
  const words = section.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  if (words.length < 2 || !/^(afsnit|Bilag)$/.test(words[0])) return null;
  const kind = words[0];
  const parts = words[1].replace(/\.$/, "").split("–")[0].split(".");
  for (let cut = parts.length; cut > 0; cut -= 1) {
    const candidate = `${kind} ${parts.slice(0, cut).join(".")}`;
    if (SECTIONS[candidate]) return SECTIONS[candidate];
  }
  return /^\d+$/.test(parts[0]) ? sectionSlug(`${kind} ${parts[0]}`) : null;
}

// ---------------------------------------------------------------------------------------------
// Worker client: the page's one worker (page-worker.mjs), often started from <head> already.

const call = client.call;
const ensureWorker = startPython;

// ---------------------------------------------------------------------------------------------
// One tool on the page.

class Tool extends FormView {
  constructor(container, kind) {
    super();
    this.container = container;
    this.kind = kind;
    this.lang = container.dataset.lang === "en" ? "en" : "da";
    this.base = container.dataset.base || "./";
    this.t = COMMON[this.lang];
    this.prefix = `st-${kind.replace(/_/g, "-")}`;
    this.request = 0;
    // The page says at which level the tool's headings start (under an h2 section: 3).
    const level = Number(container.dataset.headingLevel || "2");
    this.h = Math.min(Math.max(level, 2), 5);
  }

  link(reference) {
    const nodes = [];
    String(reference || "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .forEach((part, index) => {
        if (index) nodes.push("; ");
        const section = part.split("(")[0].trim();
        const slug = sectionAnchor(section);
        if (slug) {
          nodes.push(el("a", { href: `${this.base}regler/afsnit/#${slug}`, class: "st-source", text: section }));
          const rest = part.slice(section.length).trim();
          if (rest) nodes.push(" ", ...this.readings(rest));
        } else {
          nodes.push(el("span", { class: "st-source", text: part }));
        }
      });
    return nodes;
  }

  // "(læsning R-32)" -> a link to that reading on the open-questions page.
  readings(text) {
    const nodes = [];
    let last = 0;
    for (const match of text.matchAll(/R-\d{2}/g)) {
      if (match.index > last) nodes.push(text.slice(last, match.index));
      nodes.push(el("a", { href: `${this.base}regler/tvivl/#${match[0].toLowerCase()}`, class: "st-reading", text: match[0] }));
      last = match.index + match[0].length;
    }
    if (last < text.length) nodes.push(text.slice(last));
    return nodes;
  }

  sourced(text, reference) {
    return [text, reference ? el("span", { class: "st-ref" }, ` (${this.t.source}: `, ...this.link(reference), ")") : null];
  }

  // --- The form (drawn by FormView from the package's declaration) ------------------------------

  render(sections) {
    const t = this.t;
    this.status = el("div", { class: "st-status", "data-state": "starting" });
    this.progress = el("progress", { max: "3", value: "0", "aria-label": t.progressLabel });
    this.statusText = el("span", { class: "st-status-text" });
    this.status.append(this.progress, this.statusText);
    this.announcer = el("div", { class: "st-visually-hidden", role: "status", "aria-live": "polite" });
    const title = this.container.dataset.title || "";
    this.form = el("form", { class: "st-form", novalidate: true, "aria-label": title || null });
    this.errorSummary = el("div", { class: "st-error-summary", hidden: true, id: `${this.prefix}-errors` });
    this.form.append(
      el("p", { class: "st-privacy", text: t.privacy }),
      this.errorSummary,
      ...sections.map((section) => this.fieldset(section)),
      el("div", { class: "st-actions" }, el("button", { type: "submit", class: "st-submit", text: t.submit })),
    );
    this.results = el("div", { class: "st-results", id: `${this.prefix}-results` });
    this.container.replaceChildren(
      this.status,
      this.announcer,
      this.form,
      this.results,
    );
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.form.addEventListener("change", (event) => this.onChange(event));
    this.errorSummary.addEventListener("click", (event) => {
      const a = event.target.closest("a[href^='#']");
      if (!a) return;
      const target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) {
        event.preventDefault();
        target.focus();
      }
    });
    this.form.addEventListener("input", (event) => this.onChange(event));
    this.syncVisibility();
  }


  // --- Status, errors, answers -----------------------------------------------------------------

  showStatus(status) {
    const t = this.t;
    this.status.dataset.state = status.state;
    this.progress.value = status.step || 0;
    if (status.state === "failed") {
      showFailure(this.status, this.statusText, status, this.lang, t.failed, () => client.retry());
      this.progress.hidden = true;
    } else {
      clearFailure(this.status);
      this.statusText.textContent = restartingText(status, this.lang) || t.stages[status.stage] || t.stages.starting;
      this.progress.hidden = status.state === "ready";
    }
    this.markRuntime();
  }

  // The answer says which rules computed it, and when newer rules have been published.
  markRuntime() {
    const answer = this.results && this.results.querySelector(".st-answer");
    if (answer) markAnswer(answer, client.status, this.lang, { hasAnswer: true, computing: false });
  }

  async submit() {
    const t = this.t;
    const request = ++this.request;
    this.clearErrors();
    this.results.replaceChildren(el("p", { class: "st-busy", text: client.status.state === "ready" ? t.working : t.waiting }));
    let outcome;
    try {
      outcome = await this.compute(this.payload());
    } catch (error) {
      if (request !== this.request) return;
      this.results.replaceChildren(el("p", { class: "st-error", role: "alert", text: `${t.internalError} (${error.message})` }));
      return;
    }
    if (request !== this.request) return;
    if (!outcome.ok) {
      this.showErrors(outcome.errors || []);
      return;
    }
    this.missing = new Set(outcome.missing || []);
    this.syncVisibility();
    const heading = el(`h${this.h}`, { id: `${this.prefix}-answer`, class: "st-answer-heading", tabindex: "-1", text: t.answer });
    this.results.replaceChildren(el("section", { class: "st-answer", "aria-labelledby": heading.id }, heading, ...outcome.nodes));
    this.markRuntime();
    this.announcer.textContent = t.updated;
    heading.focus();
  }

  // --- Shared pieces of answers ------------------------------------------------------------------

  reasonList(reasons, ordered = false) {
    if (!reasons || !reasons.length) return null;
    return el(ordered ? "ol" : "ul", { class: "st-reasons" }, ...reasons.map((r) => el("li", {}, ...this.sourced(local(r, this.lang), r.reference))));
  }

  section(title, ...children) {
    const content = children.flat().filter(Boolean);
    if (!content.length) return null;
    return el("div", { class: "st-part" }, el(`h${this.h + 1}`, { text: title }), ...content);
  }

  table(caption, head, rows) {
    const table = el(
      "table",
      {},
      el("caption", { text: caption }),
      el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col", text: h })))),
      el(
        "tbody",
        {},
        ...rows.map((row) => el("tr", {}, ...row.map((cell, i) => (i === 0 ? el("th", { scope: "row" }, cell) : el("td", {}, cell))))),
      ),
    );
    return el("div", { class: "st-table", role: "region", tabindex: "0", "aria-label": caption }, table);
  }

  answerLine(symbol, text, kind) {
    return el("p", { class: `st-verdict st-verdict--${kind}` }, el("span", { class: "st-symbol", "aria-hidden": "true", text: symbol }), el("strong", { text }));
  }

  shareText(share) {
    return share === "0/9" || share === "0/18" ? "0" : share;
  }

  useTexts(versions) {
    const map = {};
    for (const version of versions) {
      for (const p of version.positions) p.uses.forEach((use, i) => (map[use] = p.use_texts[i]));
    }
    return map;
  }

  unusedText(wheel, uses) {
    const t = this.t;
    const unused = wheel.if_municipal_unused;
    if (unused.use === "none") return t.unusedNone;
    const use = local(uses[unused.use], this.lang) || unused.use;
    return unused.urban_renewal_first ? t.unusedRenewal(use) : t.unusedPlain(use);
  }

  wheelSummary(wheel, uses) {
    const t = this.t;
    const lang = this.lang;
    const s = wheel.shares;
    return [
      el("p", { text: t.validFrom(formatDate(wheel.valid_from, lang), formatDate(shiftDay(wheel.valid_until, -1), lang)) }),
      el("p", {}, el("strong", { text: `${t.sharesCaption}: ` }), t.shares(this.shareText(s.waiting_list), this.shareText(s.flexible), this.shareText(s.municipal)), el("span", { class: "st-ref" }, ` (${t.source}: `, ...this.link(wheel.figure_reference), ")")),
      ...wheel.extras.map((e) =>
        el("p", {}, ...this.sourced(t.extra(e.share, local(uses[e.use], lang) || e.use, local(uses[e.instead_of], lang) || e.instead_of), e.reference)),
      ),
      el("p", {}, el("strong", { text: `${t.unusedTitle}: ` }), ...this.sourced(this.unusedText(wheel, uses), wheel.if_municipal_unused.reference)),
    ];
  }

  positionText(p, lang) {
    if (p.alternates) return this.t.alternates(local(p.use_texts[0], lang), local(p.use_texts[1], lang));
    return local(p.use_texts[0], lang);
  }

  wheelTable(wheel) {
    const t = this.t;
    const lang = this.lang;
    const rows = wheel.positions.map((p) => [String(p.position), this.positionText(p, lang), el("span", {}, ...this.link(p.reference))]);
    return this.table(local(wheel.title, lang), [t.home, lang === "da" ? "Udlejes til" : "Let to", t.source], rows);
  }
}

// ---------------------------------------------------------------------------------------------
// The six tools.

const TEXTS = {
  da: {
    need: { high: "højt", medium: "mellem", low: "lavt" },
    stairTrin: (stair, trin) => `Afdelingen er på ${stair}s trin ${trin}.`,
    stairOnly: (stair) => `Afdelingen er på ${stair}, men trinnet kan ikke afgøres ud fra oplysningerne.`,
    needLine: (need) => `Behovet for at styrke beboersammensætningen er ${need}.`,
    figuresCaption: "Nøgletallene mod grænserne",
    figuresHeading: "Nøgletallene",
    figureHead: ["Nøgletal", "Værdi", "Statens grænse", "Risikozonen", "Over statens grænse?", "I risikozonen?"],
    comparator: { ">": (v) => `over ${v} %`, ">=": (v) => `mindst ${v} %`, "<": (v) => `under ${v} %` },
    relevant: (ids) => `Kriterier på trin 1: ${ids}.`,
    uncertain: (ids) => `Kan ikke afgøres uden flere nøgletal: ${ids}.`,
    developmentPlan: "Udviklingsplanen",
    wheelFollows: "Udlejningshjulet, der følger",
    noWheel: "Når trinnet er afgjort, kan du se hjulet i værktøjet Udlejningshjulet.",
    notices: "Grænseværdier",
    limitsHeading: "Nyere grænseværdier",
    nextVacancies: "De næste ledige boliger",
    nextIntro: "Rækkefølgen fra den bolig, du valgte. Efter bolig 9 starter hjulet forfra i næste omgang.",
    vacancy: (n, pos, round) => `Ledig bolig ${n}: hjulets bolig ${pos}, ${round}. omgang`,
    compare: "Hjulet i aftalens perioder",
    compareOne: (from, to) => `Hjulet er det samme i hele aftaleperioden (${from} – ${to}).`,
    changed: "Ændret?",
    changedYes: "Ja, ændret",
    changedNo: "Nej",
    sharesRow: "Andele",
    thisPeriod: "(datoens periode)",
    verdicts: {
      may_allocate: "Ja, kommunen må anvise borgeren en bolig i området.",
      may_allocate_by_exception: "Ja, men kun som undtagelse.",
      may_not_allocate: "Nej, kommunen må ikke anvise borgeren en bolig i området.",
      cannot_tell: "Det kan ikke afgøres ud fra oplysningerne.",
    },
    limitsCaption: "Bilag 5's begrænsninger for området",
    limitsHead: ["Begrænsning", "Gælder i", "Borgeren", "Betydning", "Derfor"],
    scope: { udsat: "udsatte boligområder", forebyggelse: "forebyggelsesområder", both: "begge slags områder (rækken står hen over begge kolonner, læsning R-35)", unclear: "uklart (kolonnen er tabt, læsning R-35)" },
    otherReadings: "Hvis aftalen læses anderledes",
    citizen: { covered: "Rammes", not_covered: "Rammes ikke", cannot_tell: "Kan ikke afgøres" },
    effect: { bars: "Udelukker anvisning", may_bar: "Kan udelukke anvisning", cannot_tell: "Kan ikke afgøres", none: "Ingen betydning" },
    deadlinesHeading: "Datoerne",
    kinds: { deadline: "Frist", last_day: "Sidste dag", earliest: "Tidligst", until: "Indtil (den dag ikke med)" },
    checksHeading: "Kontrol af datoerne",
    checks: {
      no_vacancy_rent: "Ingen tomgangsleje",
      may_owe_vacancy_rent: "Kommunen kan hæfte for tomgangsleje",
      enough_notice: "Fristen er overholdt",
      short_notice: "For kort frist",
      cannot_tell: "Kan ikke afgøres",
    },
    periods: {
      first_letting: "Første udlejning: de særlige regler for nybyggeri gælder.",
      re_letting: "Genudlejning, mens de særlige regler for nybyggeri gælder.",
      stair: "De særlige regler for nybyggeri gælder ikke længere. Afdelingens udlejningshjul gælder.",
    },
    specialUntil: (d) => `De særlige regler gælder til og med ${d}.`,
    homesHeading: "Boligerne",
    figure12Caption: "Figur 12: kommunens andel af de øvrige boliger ved genudlejning",
    figure12Heading: "Andelen efter figur 12",
    figure12Head: ["Andel særligt billige boliger", "Kommunens andel af de øvrige", "Gælder her?"],
    band: (from, below) => (below === null ? `${from} % eller mere` : from === "0" ? `under ${below} %` : `${from} til under ${below} %`),
    here: "Ja, her",
    stepHeading: "Trappe og trin",
    stepText: (title) => `Udgangspunktet er ${title}.`,
    startLine: (d) => `Udfasningen begynder ${d}.`,
    noStart: "Hvornår udfasningen begynder, kan ikke afgøres uden andelen af anviste boliger ved aftalens start.",
    startedLine: (d, yes) => (yes ? `Den ${d} er udfasningen begyndt.` : `Den ${d} er udfasningen ikke begyndt endnu.`),
    compensationHeading: "Kompensation",
    bandsCaption: "Trin 1: udfasningen begynder efter andelen af anviste boliger ved aftalens start",
    bandsHeading: "Tidsplanen på trin 1",
    bandsHead: ["Andel anviste boliger", "Udfasning fra", "Gælder her?"],
  },
  en: {
    need: { high: "high", medium: "medium", low: "low" },
    stairTrin: (stair, trin) => `The section is on step ${trin} of ${stair}.`,
    stairOnly: (stair) => `The section is on ${stair}, but the step cannot be decided from the facts given.`,
    needLine: (need) => `The need to strengthen the resident mix is ${need}.`,
    figuresCaption: "The key figures against the limits",
    figuresHeading: "The key figures",
    figureHead: ["Key figure", "Value", "The state's limit", "The risk zone", "Beyond the state's limit?", "In the risk zone?"],
    comparator: { ">": (v) => `above ${v} %`, ">=": (v) => `at least ${v} %`, "<": (v) => `below ${v} %` },
    relevant: (ids) => `Criteria on step 1: ${ids}.`,
    uncertain: (ids) => `Cannot be decided without more key figures: ${ids}.`,
    developmentPlan: "The development plan",
    wheelFollows: "The letting wheel that follows",
    noWheel: "Once the step is decided, you can see its wheel in the Letting wheel tool.",
    notices: "Limit values",
    limitsHeading: "Newer limit values",
    nextVacancies: "The next vacant homes",
    nextIntro: "The order from the home you chose. After home 9 the wheel starts again in the next round.",
    vacancy: (n, pos, round) => `Vacant home ${n}: the wheel's home ${pos}, round ${round}`,
    compare: "The wheel in the agreement's periods",
    compareOne: (from, to) => `The wheel is the same for the whole agreement period (${from} – ${to}).`,
    changed: "Changed?",
    changedYes: "Yes, changed",
    changedNo: "No",
    sharesRow: "Shares",
    thisPeriod: "(the date's period)",
    verdicts: {
      may_allocate: "Yes, the municipality may allocate the citizen a home in the area.",
      may_allocate_by_exception: "Yes, but only as an exception.",
      may_not_allocate: "No, the municipality may not allocate the citizen a home in the area.",
      cannot_tell: "It cannot be decided from the facts given.",
    },
    limitsCaption: "Bilag 5's limits for the area",
    limitsHead: ["Limit", "Applies in", "The citizen", "Effect", "Why"],
    scope: { udsat: "disadvantaged areas", forebyggelse: "prevention areas", both: "both kinds of area (the row spans both columns, reading R-35)", unclear: "unclear (the column is lost, Reading R-35)" },
    otherReadings: "If the agreement is read differently",
    citizen: { covered: "Covered", not_covered: "Not covered", cannot_tell: "Cannot be decided" },
    effect: { bars: "Bars allocation", may_bar: "May bar allocation", cannot_tell: "Cannot be decided", none: "No effect" },
    deadlinesHeading: "The dates",
    kinds: { deadline: "Deadline", last_day: "Last day", earliest: "Earliest", until: "Until (that day not included)" },
    checksHeading: "Checking the dates",
    checks: {
      no_vacancy_rent: "No vacancy rent",
      may_owe_vacancy_rent: "The municipality may owe vacancy rent",
      enough_notice: "The time limit is met",
      short_notice: "Too short notice",
      cannot_tell: "Cannot be decided",
    },
    periods: {
      first_letting: "First letting: the special rules for new builds apply.",
      re_letting: "Re-letting while the special rules for new builds apply.",
      stair: "The special rules for new builds no longer apply. The section's letting wheel applies.",
    },
    specialUntil: (d) => `The special rules apply up to and including ${d}.`,
    homesHeading: "The homes",
    figure12Caption: "Figure 12: the municipality's share of the other homes at re-letting",
    figure12Heading: "The share under figure 12",
    figure12Head: ["Share of especially cheap homes", "The municipality's share of the others", "Applies here?"],
    band: (from, below) => (below === null ? `${from} % or more` : from === "0" ? `under ${below} %` : `${from} to under ${below} %`),
    here: "Yes, here",
    stepHeading: "Stair and step",
    stepText: (title) => `The starting point is ${title}.`,
    startLine: (d) => `The phase-out starts on ${d}.`,
    noStart: "When the phase-out starts cannot be decided without the share of allocated homes at the agreement's start.",
    startedLine: (d, yes) => (yes ? `On ${d} the phase-out has started.` : `On ${d} the phase-out has not started yet.`),
    compensationHeading: "Compensation",
    bandsCaption: "Step 1: the phase-out starts by the share of allocated homes at the agreement's start",
    bandsHeading: "The timetable on step 1",
    bandsHead: ["Share of allocated homes", "Phase-out from", "Applies here?"],
  },
};

function yesNo(value, t) {
  if (value === true) return t.yes;
  if (value === false) return t.no;
  return t.notStated;
}

async function wheelVersions(stair, trin, date) {
  // The wheel on the date, then the periods before and after it until the agreement's edges.
  const first = await call("wheel", { date, stair, trin: Number(trin) });
  if (!first.ok) return { first, versions: [] };
  const versions = [first.wheel];
  let back = first.wheel.valid_from;
  let forward = first.wheel.valid_until;
  for (let i = 0; i < MAX_WHEEL_VERSIONS; i += 1) {
    const answer = await call("wheel", { date: shiftDay(back, -1), stair, trin: Number(trin) });
    if (!answer.ok) break;
    versions.unshift(answer.wheel);
    back = answer.wheel.valid_from;
  }
  for (let i = 0; i < MAX_WHEEL_VERSIONS; i += 1) {
    const answer = await call("wheel", { date: forward, stair, trin: Number(trin) });
    if (!answer.ok) break;
    versions.push(answer.wheel);
    forward = answer.wheel.valid_until;
  }
  return { first, versions };
}

// Afsnit 6.1.6 (issue 11): the transition's reasons, and what the other reading of R-29 (what ends
// the suspension) or R-41 (S2 at exactly the limit) would say, in the answer's own words.
function planParts(tool, plan) {
  const x = TEXTS[tool.lang];
  const others = (plan.other_readings || []).map((o) => el("li", { "data-reading": o.reading, text: local(o, tool.lang) }));
  return [
    tool.section(x.developmentPlan, tool.reasonList(plan.reasons)),
    others.length ? tool.section(x.otherReadings, el("ul", { class: "st-other-readings st-plan-readings" }, ...others)) : null,
  ];
}

class PlacementTool extends Tool {
  async compute(doc) {
    const answer = await call("placement", doc);
    if (!answer.ok) return answer;
    const t = this.t;
    const x = TEXTS[this.lang];
    const lang = this.lang;
    const stairName = t.stairs[answer.stair];
    const nodes = [];
    nodes.push(this.answerLine("→", answer.trin ? x.stairTrin(stairName, answer.trin) : x.stairOnly(stairName), answer.trin ? "ok" : "unknown"));
    if (answer.need_level) nodes.push(el("p", { text: x.needLine(x.need[answer.need_level]) }));
    if (answer.relevant_criteria) nodes.push(el("p", { text: x.relevant(answer.relevant_criteria.join(", ")) }));
    if (answer.uncertain_criteria) nodes.push(el("p", { text: x.uncertain(answer.uncertain_criteria.join(", ")) }));
    nodes.push(this.section(t.reasons, this.reasonList(answer.reasons, true)));
    const rows = answer.criteria.map((c) => [
      capitalise(local(c.label, lang)),
      c.value === null ? t.notStated : `${formatNumber(c.value, lang)} %`,
      x.comparator[c.comparator](formatNumber(c.state_limit, lang)),
      x.comparator[c.comparator](formatNumber(c.risk_zone_limit, lang)),
      yesNo(c.meets_state_limit, t),
      yesNo(c.within_risk_zone, t),
    ]);
    const figureRefs = [...new Set(answer.criteria.flatMap((c) => c.reasons.map((r) => r.reference)))].join("; ");
    nodes.push(
      this.section(
        x.figuresHeading,
        this.table(x.figuresCaption, x.figureHead, rows),
        figureRefs ? el("p", { class: "st-ref" }, `${t.source}: `, ...this.link(figureRefs)) : null,
      ),
    );
    if (answer.development_plan) nodes.push(...planParts(this, answer.development_plan));
    nodes.push(this.section(t.notes, this.reasonList(answer.notes)));
    const notices = answer.notices.map((n) => ({ ...n, da: n.da.replace("«limits»", `«${TEXTS.da.limitsHeading}»`), en: n.en.replace("“limits”", `“${TEXTS.en.limitsHeading}”`) }));
    nodes.push(this.section(x.notices, this.reasonList(notices)));
    if (answer.trin) {
      const wheel = await call("wheel", { date: answer.date, stair: answer.stair, trin: answer.trin });
      if (wheel.ok) {
        const uses = this.useTexts([wheel.wheel]);
        const params = new URLSearchParams({ stair: answer.stair, trin: String(answer.trin), date: answer.date });
        nodes.push(
          this.section(
            x.wheelFollows,
            el("p", {}, el("strong", { text: local(wheel.wheel.title, lang) }), el("span", { class: "st-ref" }, ` (${t.source}: `, ...this.link(wheel.wheel.reference), ")")),
            this.wheelTable(wheel.wheel),
            ...this.wheelSummary(wheel.wheel, uses),
            el("p", {}, el("a", { href: `${this.base}vaerktoejer/udlejningshjul/?${params}`, text: t.openWheelTool })),
          ),
        );
      }
    } else {
      nodes.push(this.section(x.wheelFollows, el("p", { text: x.noWheel })));
    }
    return { ok: true, nodes };
  }
}

class WheelTool extends Tool {
  async compute(doc) {
    const { first, versions } = await wheelVersions(doc.stair, doc.trin, doc.date);
    if (!first.ok) return first;
    const t = this.t;
    const x = TEXTS[this.lang];
    const lang = this.lang;
    const wheel = first.wheel;
    const uses = this.useTexts(versions);
    const values = this.values();
    const start = Number(values.next_position || "1");
    const startRound = Number(values.round || "1");
    const nodes = [];
    nodes.push(this.answerLine("→", local(wheel.title, lang), "ok"));
    nodes.push(el("p", { class: "st-ref" }, `${t.sources}: `, ...this.link(wheel.reference)));
    nodes.push(...this.wheelSummary(wheel, uses));
    // Two rounds from the chosen home: on an alternating home, round 1 takes the first use.
    const items = [];
    for (let k = 0; k < 18; k += 1) {
      const offset = start - 1 + k;
      const position = (offset % 9) + 1;
      const round = ((startRound - 1 + Math.floor(offset / 9)) % 2) + 1;
      const p = wheel.positions[position - 1];
      const use = p.alternates ? p.use_texts[round - 1] : p.use_texts[0];
      const label = el("strong", { text: `${x.vacancy(k + 1, position, round)}: ` });
      const extra = p.alternates ? ` (${t.alternatesWith(local(p.use_texts[2 - round], lang))})` : "";
      items.push(el("li", { "data-use": p.alternates ? p.uses[round - 1] : p.uses[0] }, label, local(use, lang) + extra, el("span", { class: "st-ref" }, ` (${t.source}: `, ...this.link(p.reference), ")")));
    }
    nodes.push(this.section(x.nextVacancies, el("p", { text: x.nextIntro }), el("ol", { class: "st-vacancies" }, ...items)));
    // The periods side by side.
    if (versions.length > 1) {
      const head = [t.home, ...versions.map((v) => t.periodRange(formatDate(v.valid_from, lang), formatDate(shiftDay(v.valid_until, -1), lang)) + (v.valid_from === wheel.valid_from ? ` ${x.thisPeriod}` : "")), x.changed];
      const rows = wheel.positions.map((_, i) => {
        const texts = versions.map((v) => this.positionText(v.positions[i], lang));
        const changed = new Set(texts).size > 1;
        return [String(i + 1), ...texts, changed ? x.changedYes : x.changedNo];
      });
      rows.push([
        x.sharesRow,
        ...versions.map((v) => t.shares(this.shareText(v.shares.waiting_list), this.shareText(v.shares.flexible), this.shareText(v.shares.municipal))),
        new Set(versions.map((v) => JSON.stringify(v.shares))).size > 1 ? x.changedYes : x.changedNo,
      ]);
      nodes.push(this.section(x.compare, this.table(local(wheel.title, lang), head, rows)));
    } else {
      nodes.push(this.section(x.compare, el("p", { text: x.compareOne(formatDate(wheel.valid_from, lang), formatDate(shiftDay(wheel.valid_until, -1), lang)) })));
    }
    return { ok: true, nodes };
  }
}

class LimitsTool extends Tool {
  async compute(doc) {
    const answer = await call("allocation_limits", doc);
    if (!answer.ok) return answer;
    const t = this.t;
    const x = TEXTS[this.lang];
    const lang = this.lang;
    const kind = { may_allocate: "ok", may_allocate_by_exception: "ok", may_not_allocate: "no", cannot_tell: "unknown" }[answer.verdict];
    const symbol = { ok: "✓", no: "✗", unknown: "?" }[kind];
    const nodes = [this.answerLine(symbol, x.verdicts[answer.verdict], kind)];
    // Two reasons point at parts of the answer by their JSON names; name the headings instead.
    const screen = (r) => ({
      ...r,
      da: r.da.replace("«limits»", `«${TEXTS.da.limitsCaption}»`).replace("«development_plan»", `«${TEXTS.da.developmentPlan}»`),
      en: r.en.replace("“limits”", `“${TEXTS.en.limitsCaption}”`).replace("“development_plan”", `“${TEXTS.en.developmentPlan}”`),
    });
    nodes.push(this.section(t.reasons, this.reasonList(answer.reasons.map(screen), true)));
    // Issue 11: the answer under the other reading of a contested R-item, when it differs.
    if ((answer.other_readings || []).length) {
      const items = answer.other_readings.map((o) => el("li", { "data-reading": o.reading, "data-verdict": o.verdict, text: local(o, lang) }));
      nodes.push(this.section(x.otherReadings, el("ul", { class: "st-other-readings" }, ...items)));
    }
    if (answer.limits.length) {
      const [limitHead, scopeHead, citizenHead, effectHead] = x.limitsHead;
      const items = answer.limits.map((row) =>
        el(
          "li",
          { "data-id": row.id, "data-effect": row.effect },
          el("p", {}, el("strong", { text: local(row.limit, lang) })),
          el(
            "dl",
            { class: "st-facts" },
            el("dt", { text: scopeHead }),
            el("dd", { text: x.scope[row.area_scope] }),
            el("dt", { text: citizenHead }),
            el("dd", { text: x.citizen[row.citizen] }),
            el("dt", { text: effectHead }),
            el("dd", {}, el("strong", { text: x.effect[row.effect] })),
          ),
          el("p", {}, ...this.sourced(local(row, lang), row.reference)),
        ),
      );
      nodes.push(this.section(x.limitsCaption, el("ul", { class: "st-limits", "aria-label": limitHead }, ...items)));
    }
    const missing = [...new Set(answer.limits.flatMap((row) => row.missing))];
    if (missing.length) {
      const items = missing
        .filter((path) => this.controls.has(path))
        .map((path) => el("li", {}, el("a", { href: `#${this.id(path)}`, "data-focus": this.id(path) }, local(this.fields.find((f) => f.path === path).label, lang))));
      const list = el("ul", {}, ...items);
      list.addEventListener("click", (event) => {
        const a = event.target.closest("a[data-focus]");
        if (!a) return;
        event.preventDefault();
        document.getElementById(a.dataset.focus).focus();
      });
      nodes.push(this.section(t.missing, list));
    }
    if (answer.development_plan) nodes.push(...planParts(this, answer.development_plan));
    return { ok: true, nodes, missing };
  }
}

class DeadlinesTool extends Tool {
  async compute(doc) {
    const answer = await call("deadlines", doc);
    if (!answer.ok) return answer;
    const t = this.t;
    const x = TEXTS[this.lang];
    const lang = this.lang;
    const nodes = [];
    const dates = el(
      "dl",
      { class: "st-dates" },
      ...answer.deadlines.flatMap((d) => [
        el("dt", { "data-id": d.id }, `${x.kinds[d.kind]}: `, el("strong", { text: formatDate(d.date, lang, true) })),
        el("dd", {}, ...this.sourced(local(d, lang), d.reference)),
      ]),
    );
    nodes.push(this.section(x.deadlinesHeading, dates));
    if (answer.checks.length) {
      const symbol = { no_vacancy_rent: "✓", enough_notice: "✓", may_owe_vacancy_rent: "!", short_notice: "!", cannot_tell: "?" };
      nodes.push(
        this.section(
          x.checksHeading,
          el(
            "ul",
            { class: "st-checks" },
            ...answer.checks.map((c) =>
              el("li", { "data-id": c.id }, el("span", { class: "st-symbol", "aria-hidden": "true", text: `${symbol[c.verdict]} ` }), el("strong", { text: `${x.checks[c.verdict]}: ` }), ...this.sourced(local(c, lang), c.reference)),
            ),
          ),
        ),
      );
    }
    const holidays = local(this.fields.find((f) => f.path === "holidays").label, "da").split(" (")[0];
    const holidaysEn = local(this.fields.find((f) => f.path === "holidays").label, "en").split(" (")[0];
    const notes = answer.notes.map((n) => ({ ...n, da: n.da.replace("«holidays»", `«${holidays}»`), en: n.en.replace("“holidays”", `“${holidaysEn}”`) }));
    nodes.push(this.section(t.notes, this.reasonList(notes)));
    return { ok: true, nodes };
  }
}

// The parts of the new_build answer this page draws itself; any other part (a newer version of the
// endpoint) is listed by extraNodes. Homes taken into use before the agreement and homes with full
// allocation are the tool new_build_terms (its own page, staff-rules.mjs).
const NEW_BUILD_KNOWN = new Set(["ok", "schema_version", "package_version", "date", "taken_into_use", "letting", "period", "special_rules_until", "homes", "figure12", "stair_step", "reasons", "notes", "other_readings"]);

class NewBuildTool extends Tool {
  async compute(doc) {
    const answer = await call("new_build", doc);
    if (!answer.ok) return answer;
    const t = this.t;
    const x = TEXTS[this.lang];
    const lang = this.lang;
    const nodes = [];
    if (x.periods[answer.period]) nodes.push(this.answerLine("→", x.periods[answer.period], "ok"));
    if (answer.special_rules_until) nodes.push(el("p", { text: x.specialUntil(formatDate(answer.special_rules_until, lang)) }));
    if ((answer.homes || []).length) {
      nodes.push(this.section(x.homesHeading, el("ul", { class: "st-homes" }, ...answer.homes.map((h) => el("li", { "data-id": h.id }, ...this.sourced(local(h, lang), h.reference))))));
    }
    if (answer.period === "re_letting" && (answer.figure12 || []).length) {
      const rows = answer.figure12.map((row) => [x.band(formatNumber(row.from, lang), row.below === null ? null : formatNumber(row.below, lang)), row.municipal_share, row.applies ? x.here : ""]);
      nodes.push(this.section(x.figure12Heading, this.table(x.figure12Caption, x.figure12Head, rows), el("p", { class: "st-ref" }, `${t.source}: `, ...this.link(answer.figure12[0].reference))));
    }
    nodes.push(this.section(t.reasons, this.reasonList(answer.reasons, true)));
    if (answer.stair_step) {
      const stair = STAIRS.find((s) => s.value === answer.stair_step.stair);
      const step = stair && stair.steps.find((s) => s.trin === answer.stair_step.trin);
      const params = new URLSearchParams({ stair: answer.stair_step.stair, trin: String(answer.stair_step.trin), date: answer.date });
      nodes.push(
        this.section(
          x.stepHeading,
          el("p", { text: x.stepText(step ? local(step, lang) : `${answer.stair_step.stair} ${answer.stair_step.trin}`) }),
          el("p", {}, el("a", { href: `${this.base}vaerktoejer/udlejningshjul/?${params}`, text: t.openWheelTool })),
        ),
      );
    }
    nodes.push(...extraNodes(this, answer, NEW_BUILD_KNOWN));
    nodes.push(this.section(t.notes, this.reasonList(answer.notes)));
    nodes.push(...groundsNodes(this, answer));
    return { ok: true, nodes };
  }
}

class PhaseOutTool extends Tool {
  async compute(doc) {
    const answer = await call("saerbolig_phase_out", doc);
    if (!answer.ok) return answer;
    const t = this.t;
    const x = TEXTS[this.lang];
    const lang = this.lang;
    const nodes = [this.answerLine(answer.start ? "→" : "?", answer.start ? x.startLine(formatDate(answer.start, lang)) : x.noStart, answer.start ? "ok" : "unknown")];
    if (answer.date && answer.started !== null) nodes.push(el("p", { text: x.startedLine(formatDate(answer.date, lang), answer.started) }));
    nodes.push(this.section(x.homesHeading, el("ul", { class: "st-homes" }, ...answer.homes.map((h) => el("li", { "data-id": h.id }, ...this.sourced(local(h, lang), h.reference))))));
    if (answer.compensation) nodes.push(this.section(x.compensationHeading, el("p", {}, ...this.sourced(local(answer.compensation, lang), answer.compensation.reference))));
    if (answer.trin1_bands.length) {
      const rows = answer.trin1_bands.map((row) => [x.band(formatNumber(row.from, lang), row.below === null ? null : formatNumber(row.below, lang)), formatDate(row.start, lang), row.applies ? x.here : ""]);
      nodes.push(this.section(x.bandsHeading, this.table(x.bandsCaption, x.bandsHead, rows), el("p", { class: "st-ref" }, `${t.source}: `, ...this.link(answer.trin1_bands[0].reference))));
    }
    nodes.push(this.section(t.reasons, this.reasonList(answer.reasons, true)));
    nodes.push(this.section(t.notes, this.reasonList(answer.notes)));
    return { ok: true, nodes };
  }
}

// The Rules IV tools: one class, the answer drawn from the tool's entry in staff-rules.mjs.
class RulesTool extends Tool {
  async compute(doc) {
    const answer = await call(this.kind, doc);
    if (!answer.ok) return answer;
    return { ok: true, nodes: rulesAnswer(this, this.kind, answer, { date: formatDate }) };
  }
}

const TOOLS = {
  ...Object.fromEntries(Object.keys(RULES).map((kind) => [kind, RulesTool])),
  placement: PlacementTool,
  wheel: WheelTool,
  allocation_limits: LimitsTool,
  deadlines: DeadlinesTool,
  new_build: NewBuildTool,
  saerbolig_phase_out: PhaseOutTool,
};

// ---------------------------------------------------------------------------------------------
// Wiring.

function mount(container) {
  if (container.dataset.staffMounted === "true") return;
  const kind = container.dataset.staffTool;
  const ToolClass = TOOLS[kind];
  if (!ToolClass || !FORMS[kind]) return;
  container.dataset.staffMounted = "true";
  const tool = new ToolClass(container, kind);
  tool.render(FORMS[kind]);
  // A link from another tool may fill in the form (stair, step, date): only those three fields.
  const params = new URLSearchParams(window.location.search);
  const prefill = {};
  for (const key of ["stair", "trin", "date"]) if (params.has(key) && tool.controls.has(key)) prefill[key] = params.get(key);
  if (Object.keys(prefill).length) tool.setValues(prefill);
  const onStatus = (status) => {
    if (!container.isConnected) {
      client.listeners.delete(onStatus);
      return;
    }
    tool.showStatus(status);
    if (status.state === "ready" && !tool.readyOnce) {
      tool.readyOnce = true;
      tool.announcer.textContent = tool.t.ready;
    }
  };
  client.listeners.add(onStatus);
  tool.showStatus(client.status);
  ensureWorker();
  if (Object.keys(prefill).length === 3 && tool.kind === "wheel") tool.submit();
}

function init() {
  for (const container of document.querySelectorAll(TOOL_SELECTOR)) mount(container);
}

onEveryPage(init);
