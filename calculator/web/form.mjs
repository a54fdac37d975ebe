// One form renderer for the staff tools (and the forms to come): it draws a form from the
// declarations the package generates from its input specs (forms.mjs, written at build time from
// udlejning.forms), so no field, label or option is typed in JavaScript. A declaration is a list of
// sections {legend, hint?, collapsible?, fields?, groups?}; a field is {path, type, label, hint?,
// options?, options_by?, unstated?, required?, unit?, number?, show?, local?}. The renderer keeps the form
// accessible: labels, hints and errors tied to their control (aria-describedby, aria-invalid), an
// error summary whose links move the focus, and fields the answer says are missing shown again.
//
// A page subclasses FormView and sets, before drawing: this.t (its texts: notStated, choose, yes,
// no, dateHint, percentHint, errorsHeading, errorsIntro, updatedErrors), this.lang, this.prefix
// (ids), this.h (heading level), this.announcer, this.errorSummary and this.results.

import { el, local, normaliseDate, normaliseDecimal, normaliseInteger, setPath } from "./dom.mjs";

// Does a field's "show" (udlejning.inputspec.When as data) hold? ``values``: the form's values by
// path ("" when not given or hidden); ``role``/``age``: the person's, for person fields; ``missing``:
// the paths the rules' last answer still misses (null: no answer yet, so everything may matter); ``path``: the field's own
// path, for "needed" fields (asked while missing, or once answered). udlejning.questions.holds is
// the same in Python.
export function holds(when, { values = {}, role = null, age = null, missing = null, path = "" } = {}) {
  if (!when) return true;
  if (when.field !== undefined) {
    const value = values[when.field] === undefined ? "" : values[when.field];
    if (when.one_of && when.one_of.length && !when.one_of.includes(value)) return false;
    if (when.none_of && when.none_of.includes(value)) return false;
  }
  if (when.roles && when.roles.length && !when.roles.includes(role)) return false;
  if (when.age_from !== undefined && (age === null || age < when.age_from)) return false;
  if (when.age_below !== undefined && (age === null || age >= when.age_below)) return false;
  if (when.needed && missing && !missing.has(path) && !String(values[path] || "")) return false;
  return (when.all_of || []).every((part) => holds(part, { values, role, age, missing, path }));
}

// A field's options: its own, or, for one whose options follow another answer (a step, its stair),
// that answer's (``values`` by path).
export function optionsOf(field, values) {
  if (!field.options_by) return field.options || [];
  return field.options_by.options[values[field.options_by.field] || ""] || [];
}

// The choices of a select field: the empty one (what the field declares it says, else «choose» for
// a required field, else «not stated»), then its options; yes/no for a tri-state question.
export function selectChoices(field, { lang, t, options = null }) {
  if (field.type === "tri" || field.type === "list") {
    return [
      { value: "", text: t.notStated },
      { value: "yes", text: t.yes },
      { value: "no", text: t.no },
    ];
  }
  const choices = [];
  if (field.type === "select") {
    const empty = field.unstated ? local(field.unstated, lang) : field.required && field.path !== "role" ? t.choose : t.notStated;
    choices.push({ value: "", text: empty });
  }
  for (const option of options || field.options || []) choices.push({ value: option.value, text: local(option, lang) });
  return choices;
}

// Puts the choices into a select; ``value`` stays chosen if it is one of them, else the first.
export function fillChoices(select, choices, value) {
  select.replaceChildren(...choices.map((c) => el("option", { value: c.value, text: c.text })));
  select.value = choices.some((c) => c.value === value) ? value : choices.length ? choices[0].value : "";
}

// One labelled field (label, hint, hidden error paragraph, control), for pages that keep their own
// state (the calculator). ``prefix`` names the classes ("ub" gives ub-field, ub-hint, ub-error);
// ``date: "date"`` asks dates with the browser's date input; ``options`` replaces the field's own.
export function drawField(field, { id, path, lang, t, value = "", hint = "", prefix = "st", date = "text", options = null }) {
  let control;
  if (field.type === "tri" || field.type === "list" || field.type === "select" || field.type === "fixed") {
    control = el("select", { id });
    fillChoices(control, selectChoices(field, { lang, t, options }), value);
  } else if (field.type === "date" && date === "date") {
    control = el("input", { id, type: "date", value, autocomplete: "off" });
  } else {
    const inputmode = field.type === "integer" ? "numeric" : field.type === "decimal" ? "decimal" : null;
    control = el("input", { id, type: "text", inputmode, autocomplete: "off", spellcheck: "false", value, size: field.unit === "kr" ? 12 : field.type === "text" ? null : 6 });
  }
  control.dataset.path = path || field.path;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute("aria-describedby", hintId);
  const wrapper = el(
    "div",
    { class: `${prefix}-field`, "data-field": path || field.path },
    el("label", { for: id, text: local(field.label, lang) }),
    hintId ? el("p", { id: hintId, class: `${prefix}-hint`, text: hint }) : null,
    control,
    el("p", { id: `${id}-error`, class: `${prefix}-error`, hidden: true }),
  );
  return { wrapper, control };
}

export class FormView {
  constructor() {
    this.controls = new Map(); // path -> control element
    this.wrappers = new Map(); // path -> field wrapper
    this.errorNodes = new Map(); // path -> error paragraph
    this.fields = [];
    this.missing = new Set();
  }

  id(path) {
    return `${this.prefix}-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
  }

  // --- The form ------------------------------------------------------------------------------

  fieldset(section) {
    const lang = this.lang;
    const legend = el("legend", { text: local(section.legend, lang) });
    const hint = section.hint && local(section.hint, lang) ? el("p", { class: "st-hint", text: local(section.hint, lang) }) : null;
    const body = [];
    for (const field of section.fields || []) body.push(this.field(field));
    for (const group of section.groups || []) {
      body.push(
        el(
          "fieldset",
          { class: "st-subgroup" },
          el("legend", { text: local(group.legend, lang) }),
          ...group.fields.map((field) => this.field(field)),
        ),
      );
    }
    if (section.collapsible) {
      return el("details", { class: "st-details" }, el("summary", { text: local(section.legend, lang) }), hint, el("fieldset", {}, el("legend", { class: "st-visually-hidden", text: local(section.legend, lang) }), ...body));
    }
    return el("fieldset", {}, legend, hint, ...body);
  }

  optionsFor(field) {
    return optionsOf(field, this.values());
  }

  // A field's "show" (udlejning.inputspec.When as data): another field's value is one of a list.
  // (Person parts, roles and age bands, belong to forms over a list of persons: see holds().)
  shows(field, values) {
    return holds(field.show, { values });
  }

  fillSelect(select, field, value) {
    fillChoices(select, selectChoices(field, { lang: this.lang, t: this.t, options: this.optionsFor(field) }), value);
  }

  field(field) {
    this.fields.push(field);
    const lang = this.lang;
    const id = this.id(field.path);
    const hintText = [field.hint ? local(field.hint, lang) : "", field.type === "date" ? this.t.dateHint : "", field.unit === "percent" ? this.t.percentHint : ""]
      .filter(Boolean)
      .join(" ");
    const hintId = hintText ? `${id}-hint` : null;
    const errorId = `${id}-error`;
    let control;
    if (field.type === "tri" || field.type === "select" || field.type === "fixed") {
      control = el("select", { id, name: field.path });
      this.fillSelect(control, field, "");
    } else if (field.type === "dates") {
      control = el("textarea", { id, name: field.path, rows: "3", autocomplete: "off", spellcheck: "false" });
    } else {
      const inputmode = field.type === "decimal" ? "decimal" : field.type === "integer" ? "numeric" : null;
      control = el("input", { id, name: field.path, type: "text", inputmode, autocomplete: "off", spellcheck: "false" });
    }
    if (hintId) control.setAttribute("aria-describedby", hintId);
    const error = el("p", { class: "st-error", id: errorId, hidden: true });
    const wrapper = el(
      "div",
      { class: "st-field", "data-path": field.path },
      el("label", { for: id, text: local(field.label, lang) }),
      hintId ? el("p", { class: "st-hint", id: hintId, text: hintText }) : null,
      error,
      control,
    );
    this.controls.set(field.path, control);
    this.wrappers.set(field.path, wrapper);
    this.errorNodes.set(field.path, error);
    return wrapper;
  }

  values() {
    const out = {};
    for (const [path, control] of this.controls) out[path] = control.value;
    return out;
  }

  syncVisibility() {
    const values = this.values();
    for (const field of this.fields) {
      const wrapper = this.wrappers.get(field.path);
      const visible = this.shows(field, values) || this.missing.has(field.path);
      wrapper.hidden = !visible;
      if (field.options_by) {
        const control = this.controls.get(field.path);
        const before = control.value;
        this.fillSelect(control, field, before);
      }
    }
  }

  onChange(event) {
    if (event.target && event.target.tagName === "SELECT") this.syncVisibility();
  }

  setValues(values) {
    for (const [path, value] of Object.entries(values)) {
      const control = this.controls.get(path);
      if (!control) continue;
      control.value = value;
      this.syncVisibility();
    }
  }

  // The document for the package: empty fields left out, hidden fields left out.
  payload() {
    const doc = {};
    const values = this.values();
    for (const field of this.fields) {
      if (field.local || this.wrappers.get(field.path).hidden) continue;
      const raw = values[field.path];
      if (raw === undefined || String(raw).trim() === "") continue;
      let value;
      if (field.type === "tri") value = raw === "yes";
      else if (field.type === "date") value = normaliseDate(raw);
      else if (field.type === "decimal") value = normaliseDecimal(raw);
      else if (field.type === "integer") value = normaliseInteger(raw, this.lang);
      else if (field.type === "dates") {
        value = raw
          .split(/[\n,;]+/)
          .map((line) => line.trim())
          .filter(Boolean)
          .map(normaliseDate);
      } else if (field.number) value = Number(raw);
      else value = raw;
      setPath(doc, field.keys || field.path.split("."), value);
    }
    return doc;
  }

  clearErrors() {
    for (const [path, node] of this.errorNodes) {
      node.hidden = true;
      node.textContent = "";
      const control = this.controls.get(path);
      control.removeAttribute("aria-invalid");
      const hintId = `${this.id(path)}-hint`;
      if (document.getElementById(hintId)) control.setAttribute("aria-describedby", hintId);
      else control.removeAttribute("aria-describedby");
    }
    this.errorSummary.hidden = true;
    this.errorSummary.replaceChildren();
  }

  fieldForError(path) {
    if (this.controls.has(path)) return path;
    const base = path.replace(/\[\d+\]$/, "");
    if (this.controls.has(base)) return base;
    return null;
  }

  showErrors(errors) {
    const t = this.t;
    const items = [];
    let first = null;
    for (const error of errors) {
      const text = local(error, this.lang);
      const path = this.fieldForError(error.path || "");
      if (path) {
        const wrapper = this.wrappers.get(path);
        wrapper.hidden = false;
        const node = this.errorNodes.get(path);
        node.textContent = node.textContent ? `${node.textContent} ${text}` : text;
        node.hidden = false;
        const control = this.controls.get(path);
        control.setAttribute("aria-invalid", "true");
        const described = [`${this.id(path)}-error`];
        if (document.getElementById(`${this.id(path)}-hint`)) described.push(`${this.id(path)}-hint`);
        control.setAttribute("aria-describedby", described.join(" "));
        items.push(el("li", {}, el("a", { href: `#${this.id(path)}`, text })));
        if (!first) first = control;
      } else {
        items.push(el("li", { text }));
      }
    }
    const heading = el(`h${this.h}`, { class: "st-error-heading", tabindex: "-1", text: t.errorsHeading });
    this.errorSummary.replaceChildren(heading, el("p", { text: t.errorsIntro }), el("ul", {}, ...items));
    this.errorSummary.hidden = false;
    this.results.replaceChildren();
    this.announcer.textContent = t.updatedErrors(errors.length);
    heading.focus();
  }
}
