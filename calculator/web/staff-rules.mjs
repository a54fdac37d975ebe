// The answers of the Rules IV staff tools (issue 12: youth homes, tilskudsboliger, refugee shared
// homes, internal moves, adapted homes, moving a særbolig, the agreement's terms, and afsnit 11's
// transitional rule and homes with full allocation), drawn by one
// renderer. Their endpoints share one answer shape: a few verdicts (booleans or verdict words) and
// parts that each carry reasons {da, en, reference}, where a reference names the sections and, in
// brackets, the readings (R-xx) the reason rests on. Each tool below only says which verdict lines
// to show and which parts to list under which heading; the renderer adds, for every answer, the
// sections it rests on (linked to the coverage page) and, for each reading it rests on, what the
// other reading would give (the package's ambiguities, READINGS in forms.mjs).
//
// Only the chrome is typed here (headings, verdict words); figures, dates and rule texts come from
// the answer, and the form from the package's declaration (forms.mjs).

import { el, local } from "./dom.mjs";
import { READINGS } from "./forms.mjs";

const SYMBOL = { ok: "✓", no: "✗", unknown: "?", info: "→", warn: "!" };

const CHROME = {
  da: {
    sections: "Afsnit i aftalen, svaret bygger på",
    otherReadings: "Hvis aftalen læses anderledes",
    weRead: "Vi læser det sådan:",
    otherWay: "Læses det anderledes:",
    notes: "Bemærk",
    more: "Mere i svaret",
  },
  en: {
    sections: "Sections of the agreement the answer rests on",
    otherReadings: "If the agreement is read differently",
    weRead: "Our reading:",
    otherWay: "Read the other way:",
    notes: "Note",
    more: "More in the answer",
  },
};

const reasonsOf = (part) => (part ? part.reasons || [] : []);
const one = (item) => (item && (item.da || item.en) ? [item] : []);

// --- The eight tools: verdict lines and parts -----------------------------------------------------

export const RULES = {
  youth_housing: {
    da: {
      share: (s) => `Kommunen anviser unge til ${s} af de ledige boliger.`,
      cap: (n) => `Kommunen kan anvise højst ${n} unge lejere til gangkollegiet.`,
      person: {
        in_target_group: "Den unge er i målgruppen.",
        not_in_target_group: "Den unge er ikke i målgruppen.",
        outside_starting_point: "Den unge er uden for aftalens udgangspunkt. Se hvorfor.",
        cannot_tell: "Om den unge er i målgruppen, kan ikke afgøres ud fra oplysningerne.",
      },
      parts: ["Kommunens andel", "Gangkollegium", "Den unge"],
    },
    en: {
      share: (s) => `The municipality allocates young people to ${s} of the vacant homes.`,
      cap: (n) => `The municipality may allocate at most ${n} young tenants to the corridor hall.`,
      person: {
        in_target_group: "The young person is in the target group.",
        not_in_target_group: "The young person is not in the target group.",
        outside_starting_point: "The young person is outside the agreement's starting point. See why.",
        cannot_tell: "Whether the young person is in the target group cannot be decided from the facts given.",
      },
      parts: ["The municipality's share", "Corridor hall", "The young person"],
    },
    verdicts(a, x) {
      const lines = [["info", x.share(a.municipal_share.share), "share"]];
      if (a.corridor) lines.push(["info", x.cap(a.corridor.cap), "corridor"]);
      if (a.young_person) {
        const v = a.young_person.verdict;
        const kind = { in_target_group: "ok", not_in_target_group: "no", outside_starting_point: "warn" }[v] || "unknown";
        lines.push([kind, x.person[v], v]);
      }
      return lines;
    },
    parts: (a, x) => [
      [x.parts[0], one(a.municipal_share)],
      [x.parts[1], one(a.corridor)],
      [x.parts[2], reasonsOf(a.young_person)],
    ],
  },

  subsidised_home: {
    da: {
      home: {
        yes: "Ja, boligen kan være en tilskudsbolig.",
        no: "Nej, boligen kan ikke være en tilskudsbolig.",
        cannot_tell: "Om boligen kan være en tilskudsbolig, kan ikke afgøres ud fra oplysningerne.",
      },
      after: {
        relet_as_subsidised: "Efter fraflytningen kan boligen lejes ud igen som tilskudsbolig.",
        parties_decide: "Efter fraflytningen afgør boligorganisationen og Socialforvaltningen sammen, om boligen kan anvises igen.",
        ordinary_wheel: "Efter fraflytningen indgår boligen i afdelingens almindelige udlejningshjul.",
      },
      from: (d) => `fra ${d}`,
      parts: ["Boligen", "Tilskuddet år for år", "Når borgeren flytter"],
    },
    en: {
      home: {
        yes: "Yes, the home can be a subsidised home.",
        no: "No, the home cannot be a subsidised home.",
        cannot_tell: "Whether the home can be a subsidised home cannot be decided from the facts given.",
      },
      after: {
        relet_as_subsidised: "After the move the home can be let again as a subsidised home.",
        parties_decide: "After the move the housing organisation and the Social Services Administration decide together whether the home can be allocated again.",
        ordinary_wheel: "After the move the home joins the section's ordinary letting wheel.",
      },
      from: (d) => `from ${d}`,
      parts: ["The home", "The subsidy year by year", "When the citizen moves out"],
    },
    verdicts(a, x) {
      const v = a.home.verdict;
      const lines = [[{ yes: "ok", no: "no" }[v] || "unknown", x.home[v], v]];
      if (a.after_moving_out) lines.push(["info", x.after[a.after_moving_out.outcome], a.after_moving_out.outcome]);
      return lines;
    },
    parts: (a, x, f) => [
      [x.parts[0], reasonsOf(a.home)],
      [
        x.parts[1],
        a.schedule.map((row) => ({
          da: row.from ? `${row.da} (${RULES.subsidised_home.da.from(f.date(row.from, "da"))})` : row.da,
          en: row.from ? `${row.en} (${RULES.subsidised_home.en.from(f.date(row.from, "en"))})` : row.en,
        })),
        a.schedule_reference,
      ],
      [x.parts[2], reasonsOf(a.after_moving_out)],
    ],
  },

  refugee_shared_home: {
    da: {
      section: { true: "Ja, der kan oprettes deleboliger i afdelingen.", false: "Nej, der kan ikke oprettes deleboliger i afdelingen." },
      left: (n) => `Pladser tilbage i år: ${n}.`,
      refugee: {
        yes: "Flygtningen kan få en plads i en delebolig.",
        no: "Flygtningen kan ikke få en plads i en delebolig.",
        cannot_tell: "Om flygtningen kan få en plads, kan ikke afgøres ud fra oplysningerne.",
      },
      closed: "Ordningen gælder ikke på datoen.",
      parts: ["Afdelingen", "Pladserne", "Flygtningen"],
    },
    en: {
      section: { true: "Yes, shared homes can be set up in the section.", false: "No, shared homes cannot be set up in the section." },
      left: (n) => `Places left this year: ${n}.`,
      refugee: {
        yes: "The refugee can get a place in a shared home.",
        no: "The refugee cannot get a place in a shared home.",
        cannot_tell: "Whether the refugee can get a place cannot be decided from the facts given.",
      },
      closed: "The scheme does not apply on the date.",
      parts: ["The section", "The places", "The refugee"],
    },
    verdicts(a, x) {
      const lines = [];
      if (!a.scheme_open) lines.push(["warn", x.closed, "closed"]);
      lines.push([a.section.allowed ? "ok" : "no", x.section[a.section.allowed], a.section.allowed ? "allowed" : "not_allowed"]);
      if (a.places.left !== null) lines.push([a.places.left > 0 ? "info" : "no", x.left(a.places.left), "places"]);
      if (a.refugee) lines.push([{ yes: "ok", no: "no" }[a.refugee.verdict] || "unknown", x.refugee[a.refugee.verdict], a.refugee.verdict]);
      return lines;
    },
    parts: (a, x) => [
      [x.parts[0], reasonsOf(a.section)],
      [x.parts[1], reasonsOf(a.places)],
      [x.parts[2], reasonsOf(a.refugee)],
    ],
  },

  internal_move: {
    da: {
      criteria: {
        must: "Den interne ansøger skal opfylde de fleksible kriterier.",
        organisation_may_decide: "Boligorganisationen kan bestemme, at de fleksible kriterier skal opfyldes.",
        not_required: "Den interne ansøger skal ikke opfylde de fleksible kriterier.",
      },
      parts: ["Derfor"],
    },
    en: {
      criteria: {
        must: "The internal applicant must meet the flexible criteria.",
        organisation_may_decide: "The housing organisation may decide that the flexible criteria must be met.",
        not_required: "The internal applicant need not meet the flexible criteria.",
      },
      parts: ["Why"],
    },
    verdicts: (a, x) => [[{ must: "warn", not_required: "ok" }[a.criteria] || "info", x.criteria[a.criteria], a.criteria]],
    parts: (a, x) => [[x.parts[0], a.reasons]],
  },

  adapted_home: {
    da: {
      offer: { true: "Ja, boligen skal tilbydes kommunen igen.", false: "Nej, boligen skal ikke tilbydes kommunen igen." },
      parts: ["Derfor", "Kompensation til boligorganisationen"],
    },
    en: {
      offer: { true: "Yes, the home must be offered to the municipality again.", false: "No, the home need not be offered to the municipality again." },
      parts: ["Why", "Compensation to the housing organisation"],
    },
    verdicts: (a, x) => [[a.offer_to_municipality ? "ok" : "no", x.offer[a.offer_to_municipality], a.offer_to_municipality ? "offer" : "no_offer"]],
    parts: (a, x) => [
      [x.parts[0], a.reasons],
      [x.parts[1], one(a.compensation)],
    ],
  },

  saerbolig_move: {
    da: {
      allowed: {
        true: "Ja, særboligen kan flyttes til den nye afdeling.",
        false: "Nej, særboligen kan ikke flyttes til den nye afdeling.",
        null: "Det kan ikke afgøres uden den nye afdelings andel anviste boliger ved aftalens start.",
      },
      parts: ["Derfor"],
    },
    en: {
      allowed: {
        true: "Yes, the special home can be moved to the new section.",
        false: "No, the special home cannot be moved to the new section.",
        null: "It cannot be decided without the new section's share of allocated homes at the agreement's start.",
      },
      parts: ["Why"],
    },
    verdicts: (a, x) => [[{ true: "ok", false: "no" }[a.allowed] || "unknown", x.allowed[a.allowed], String(a.allowed)]],
    parts: (a, x) => [[x.parts[0], a.reasons]],
  },

  agreement_terms: {
    da: {
      period: { true: (d) => `Ja, ${d} ligger i aftalens periode.`, false: (d) => `Nej, ${d} ligger uden for aftalens periode.` },
      notice: {
        invalid: "Opsigelsen ligger for tidligt. Vilkårene gælder stadig.",
        ended: (d) => `Vilkårene om ophør eller reduktion af anvisning er ophørt ${d}.`,
        running: (d) => `Vilkårene om ophør eller reduktion af anvisning ophører ${d}.`,
        unknown: "Hvornår vilkårene ophører, kan ikke regnes ud.",
      },
      parts: ["Aftalen", "Opsigelsen"],
    },
    en: {
      period: { true: (d) => `Yes, ${d} is in the agreement's period.`, false: (d) => `No, ${d} is outside the agreement's period.` },
      notice: {
        invalid: "The notice is too early. The terms still apply.",
        ended: (d) => `The terms on stopping or reducing allocation ended on ${d}.`,
        running: (d) => `The terms on stopping or reducing allocation end on ${d}.`,
        unknown: "When the terms end cannot be counted.",
      },
      parts: ["The agreement", "The notice"],
    },
    verdicts(a, x, f, lang) {
      const lines = [[a.in_period ? "ok" : "no", x.period[a.in_period](f.date(a.date, lang)), a.in_period ? "in_period" : "outside_period"]];
      const r = a.reduction_terms;
      if (r) {
        if (r.valid === false) lines.push(["no", x.notice.invalid, "invalid"]);
        else if (r.valid === null) lines.push(["unknown", x.notice.unknown, "unknown"]);
        else lines.push(["info", (r.ended ? x.notice.ended : x.notice.running)(f.date(r.ends_on, lang)), r.ended ? "ended" : "running"]);
      }
      return lines;
    },
    parts: (a, x) => [
      [x.parts[0], a.reasons],
      [x.parts[1], reasonsOf(a.reduction_terms)],
    ],
  },

  new_build_terms: {
    da: {
      transition: {
        in_period: "Boligerne er taget i brug i aftalens periode. Brug værktøjet for nybyggeri.",
        transitional: "Overgangsreglen gælder på datoen.",
        stair: "Overgangsreglen gælder ikke længere. Boligerne udlejes efter afdelingens trin og udlejningshjul.",
      },
      stairFrom: (d) => `Fra ${d} udlejes boligerne efter afdelingens trin og udlejningshjul.`,
      full: {
        full: "Ja, kommunen anviser til alle boligerne.",
        not_full: "Nej, kommunen anviser ikke til alle boligerne.",
        cannot_tell: "Om kommunen anviser til alle boligerne, kan ikke afgøres ud fra oplysningerne.",
      },
      parts: ["Overgangsreglen", "Boliger med fuld anvisning"],
    },
    en: {
      transition: {
        in_period: "The homes were taken into use in the agreement's period. Use the tool for new builds.",
        transitional: "The transitional rule applies on the date.",
        stair: "The transitional rule no longer applies. The homes are let by the section's step and letting wheel.",
      },
      stairFrom: (d) => `From ${d} the homes are let by the section's step and letting wheel.`,
      full: {
        full: "Yes, the municipality allocates all the homes.",
        not_full: "No, the municipality does not allocate all the homes.",
        cannot_tell: "Whether the municipality allocates all the homes cannot be decided from the facts given.",
      },
      parts: ["The transitional rule", "Homes with full allocation"],
    },
    verdicts(a, x, f, lang) {
      const lines = [];
      const t = a.transition;
      if (t) {
        lines.push([{ transitional: "ok", stair: "no" }[t.state] || "info", x.transition[t.state], t.state]);
        if (t.state === "transitional" && t.until) lines.push(["info", x.stairFrom(f.date(t.until, lang)), "stair_from"]);
      }
      const full = a.full_allocation;
      if (full) lines.push([{ full: "ok", not_full: "no" }[full.state] || "unknown", x.full[full.state], full.state]);
      return lines;
    },
    parts: (a, x) => [
      [x.parts[0], reasonsOf(a.transition)],
      [x.parts[1], reasonsOf(a.full_allocation)],
    ],
  },
};

// --- The shared renderer ------------------------------------------------------------------------

// Every "reference" (and "*_reference") string in an answer, in the order they appear.
export function references(answer) {
  const out = [];
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === "string" && (key === "reference" || key.endsWith("_reference"))) out.push(value);
        else walk(value);
      }
    }
  };
  walk(answer);
  return out;
}

// The sections an answer cites (one entry per section, without the readings in brackets) and the
// readings it rests on, in the order of first mention.
export function citations(answer) {
  const sections = [];
  const readings = [];
  for (const reference of references(answer)) {
    for (const part of reference.split(";")) {
      const section = part.split("(")[0].trim();
      if (section && !sections.includes(section)) sections.push(section);
      for (const match of part.matchAll(/R-\d{2}/g)) if (!readings.includes(match[0])) readings.push(match[0]);
    }
  }
  return { sections, readings };
}

// The two closing parts every answer gets: its sections, and the other side of its readings (the
// package's own "other_readings" first, where an endpoint computes the verdict under them).
export function groundsNodes(view, answer) {
  const lang = view.lang;
  const c = CHROME[lang];
  const { sections, readings } = citations(answer);
  const nodes = [];
  if (sections.length) {
    const items = sections.map((s) => el("li", { "data-section": s }, ...view.link(s)));
    nodes.push(view.section(c.sections, el("ul", { class: "st-sections" }, ...items)));
  }
  const computed = (answer.other_readings || []).map((o) => el("li", { "data-reading": o.reading, "data-verdict": o.verdict || null }, ...view.readings(o.reading ? `${o.reading}: ` : ""), local(o, lang)));
  const done = new Set((answer.other_readings || []).map((o) => o.reading));
  const described = readings
    .filter((rid) => READINGS[rid] && !done.has(rid))
    .map((rid) => {
      const r = READINGS[rid];
      return el(
        "li",
        { "data-reading": rid },
        el("p", {}, el("strong", {}, ...view.readings(rid), `: ${local(r.title, lang)}`)),
        el("p", {}, el("span", { class: "st-reading-label", text: `${c.weRead} ` }), local(r.reading, lang)),
        el("p", {}, el("span", { class: "st-reading-label", text: `${c.otherWay} ` }), local(r.alternative, lang)),
      );
    });
  if (computed.length || described.length) nodes.push(view.section(c.otherReadings, el("ul", { class: "st-other-readings" }, ...computed, ...described)));
  return nodes;
}

// Parts of an answer a page does not know (a newer version of its endpoint): each value that
// carries reasons or a text is listed under one heading, so nothing the package says is dropped.
export function extraNodes(view, answer, known) {
  const items = [];
  for (const [key, value] of Object.entries(answer)) {
    if (known.has(key) || !value || typeof value !== "object") continue;
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      if (!item || typeof item !== "object") continue;
      if (item.da || item.en) items.push(item);
      for (const reason of item.reasons || []) items.push(reason);
    }
  }
  return items.length ? [view.section(CHROME[view.lang].more, view.reasonList(items))] : [];
}

// The whole answer of a Rules IV tool: verdict lines, the parts, the notes, then the grounds.
export function rulesAnswer(view, kind, answer, format) {
  const tool = RULES[kind];
  const lang = view.lang;
  const x = tool[lang];
  const nodes = [];
  for (const [kindOf, text, verdict] of tool.verdicts(answer, x, format, lang)) {
    const line = view.answerLine(SYMBOL[kindOf], text, kindOf === "info" || kindOf === "warn" ? "ok" : kindOf);
    line.dataset.verdict = verdict;
    nodes.push(line);
  }
  for (const [title, items, reference] of tool.parts(answer, x, format)) {
    if (!items || !items.length) continue;
    nodes.push(view.section(title, view.reasonList(items), reference ? el("p", { class: "st-ref" }, `${view.t.source}: `, ...view.link(reference)) : null));
  }
  if ((answer.notes || []).length) nodes.push(view.section(CHROME[lang].notes, view.reasonList(answer.notes)));
  nodes.push(...groundsNodes(view, answer));
  return nodes;
}
