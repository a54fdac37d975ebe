// The answer first, in words (issue 10): the short verdict at the top of the answer, the deciding
// limits per person, and the medbring-ark's lists. Everything said here comes from the rules
// package (udlejning.summary in the evaluation's "summary", udlejning.where in the priority answer's
// "where"); this module only lays it out. calculator.mjs passes its element and reference helpers in.

const STRINGS = {
  da: {
    heading: "Svaret kort",
    chosen: "Den afdeling, du har i tankerne",
    criteria: "Kriterierne, person for person",
    where: "Hvor kan I få fortrinsret?",
    whereHint: "Vælg trappe og trin for den afdeling, du har i tankerne, så svarer vi for den først.",
    next: "Det gør du nu",
    details: "Se hele forklaringen nedenfor.",
    updated: (headline) => `Svaret er opdateret. ${headline}`,
    metHeading: "Opfyldte kriterier og for hvem",
    metNone: "Ingen kriterier er opfyldt endnu.",
    forPerson: (name) => `Dokumenter for ${name}`,
    claimHeading: "Kan ikke afgøres endnu: det skal du have med for at gøre kriteriet gældende",
    claimIntro: "Kun for kriterier, husstanden stadig kan opfylde. Svar på spørgsmålene, så ved du, om du skal bruge dem.",
    claimFor: (criterion, name) => `${criterion} for ${name}`,
    claimAnswer: "Svar først på:",
    documentsNone: "Ingen dokumenter: ingen kriterier er opfyldt endnu.",
    forCriteria: (ids) => `Til: ${ids}`,
    answerOf: (date, version) => `Svar pr. ${date}. Reglerne i beregneren: version ${version}.`,
  },
  en: {
    heading: "The answer in short",
    chosen: "The section you have in mind",
    criteria: "The criteria, person by person",
    where: "Where can you get priority?",
    whereHint: "Choose the stair and step of the section you have in mind, and we answer for it first.",
    next: "What to do now",
    details: "See the full explanation below.",
    updated: (headline) => `The answer is updated. ${headline}`,
    metHeading: "Criteria met, and for whom",
    metNone: "No criteria are met yet.",
    forPerson: (name) => `Documents for ${name}`,
    claimHeading: "Cannot be told yet: what to bring to claim the criterion",
    claimIntro: "Only for criteria the household can still meet. Answer the questions to know whether you need them.",
    claimFor: (criterion, name) => `${criterion} for ${name}`,
    claimAnswer: "First answer:",
    documentsNone: "No documents: no criteria are met yet.",
    forCriteria: (ids) => `For: ${ids}`,
    answerOf: (date, version) => `Answer as of ${date}. Rules in the calculator: version ${version}.`,
  },
};

function text(value, lang) {
  return value ? value[lang] || value.da || "" : "";
}

function referenced(h, refs, item, lang) {
  return h("li", {}, text(item, lang), item.reference ? h("span", { class: "ub-ref" }, " (", ...refs(item.reference), ")") : null);
}

// The short verdict: headline, the chosen home first, the criteria, where, and what to do next.
export function renderAnswerSummary({ output, priority, lang, h, refs }) {
  const summary = output && output.summary;
  if (!summary) return null;
  const s = STRINGS[lang];
  const where = priority && priority.where;
  const criteria = (summary.criteria || []).map((line) =>
    h("li", { class: `ub-verdict--${line.verdict}`, "data-criterion": line.id, "data-verdict": line.verdict }, text(line, lang)),
  );
  const parts = [
    h("h3", { id: "ub-summary-heading", text: s.heading }),
    h("p", { class: "ub-summary__headline", text: text(summary, lang) }),
  ];
  if (where && where.chosen) {
    parts.push(h("div", { class: "ub-summary__chosen" }, h("h4", { text: s.chosen }), h("p", { text: text(where.chosen, lang) })));
  }
  parts.push(h("h4", { text: s.criteria }), h("ul", { class: "ub-summary__criteria" }, ...criteria));
  if (where) {
    parts.push(
      h("h4", { text: s.where }),
      h("ul", { class: "ub-summary__where" }, ...(where.overview || []).map((item) => referenced(h, refs, item, lang))),
      where.chosen ? null : h("p", { class: "ub-hint", text: s.whereHint }),
      h("details", { class: "ub-summary__steps" }, h("summary", { text: s.details }), h("ul", {}, ...(where.steps || []).map((item) => referenced(h, refs, item, lang)))),
    );
  }
  parts.push(h("h4", { text: s.next }), h("ol", { class: "ub-summary__next" }, ...(summary.next_steps || []).map((item) => referenced(h, refs, item, lang))));
  return h("section", { class: "ub-answer-summary", id: "ub-answer-summary", "aria-labelledby": "ub-summary-heading" }, ...parts);
}

// "Den afgørende grænse" for one criterion: the persons who decide its verdict, each named.
export function decisiveLines(output, criterionId, lang) {
  const summary = output && output.summary;
  if (!summary) return null;
  const line = (summary.criteria || []).find((c) => c.id === criterionId);
  return line ? line.decisive.map((d) => text(d, lang)) : null;
}

export function announcement(output, lang) {
  const summary = output && output.summary;
  return summary ? STRINGS[lang].updated(text(summary, lang)) : null;
}

function documentItem(h, refs, doc, lang, s) {
  return h(
    "li",
    { class: "ub-checklist__item" },
    h("span", { class: "ub-checkbox", "aria-hidden": "true", text: "☐" }),
    " ",
    text(doc, lang),
    h("span", { class: "ub-ref" }, " (", ...refs(doc.reference), "). ", s.forCriteria(doc.criteria.join(", "))),
  );
}

// The medbring-ark's lists: criteria met and for whom, documents per person, and apart what to bring
// for criteria that cannot be told yet; then the date of the answer and the rules' version.
export function renderMedbringLists({ output, lang, h, refs, formatDate }) {
  const summary = output && output.summary;
  if (!summary) return null;
  const s = STRINGS[lang];
  const met = (summary.met || []).map((m) => h("li", { "data-criterion": m.id }, `${text(m.title, lang)}: `, h("strong", { text: m.persons.join(", ") })));
  const perPerson = summary.documents.met.map((group) =>
    h(
      "div",
      { class: "ub-medbring__person", "data-person": group.person },
      h("h5", { text: s.forPerson(group.person) }),
      h("ul", { class: "ub-checklist__list" }, ...group.items.map((doc) => documentItem(h, refs, doc, lang, s))),
    ),
  );
  const claims = summary.documents.to_claim.map((claim) =>
    h(
      "li",
      { class: "ub-claim", "data-criterion": claim.criterion, "data-person": claim.person },
      h("strong", { text: s.claimFor(claim.criterion, claim.person) }),
      claim.items.length ? h("ul", { class: "ub-checklist__list ub-checklist--claim" }, ...claim.items.map((doc) => documentItem(h, refs, doc, lang, s))) : null,
      claim.missing.length ? h("p", { class: "ub-claim__missing" }, `${s.claimAnswer} `, claim.missing.map((m) => text(m, lang)).join(" ")) : null,
    ),
  );
  return [
    h("h4", { text: s.metHeading }),
    met.length ? h("ul", { class: "ub-medbring__met" }, ...met) : h("p", { text: s.metNone }),
    perPerson.length ? h("div", { class: "ub-checklist" }, ...perPerson) : h("p", { text: s.documentsNone }),
    claims.length
      ? h("div", { class: "ub-medbring__claims" }, h("h4", { text: s.claimHeading }), h("p", { text: s.claimIntro }), h("ul", {}, ...claims))
      : null,
    h("p", { class: "ub-medbring__version", text: s.answerOf(formatDate(output.date, lang), output.package_version) }),
  ];
}
