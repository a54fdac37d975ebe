// Small DOM and input helpers shared by the form renderer (form.mjs) and the pages that use it.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Runs ``init`` for every page shown: mkdocs-material's instant navigation announces each page on
// document$; without it, once the document is parsed (the calculator's and the staff tools' start).
export function onEveryPage(init) {
  if (typeof window.document$ !== "undefined" && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}

export function local(item, lang) {
  if (!item) return "";
  return item[lang] || item.da || "";
}

export function capitalise(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

// A date as typed: 2026-03-01, 1-3-2026, 1.3.2026 or 1/3/2026 become ISO; anything else is sent
// as typed, so the package's error names the field.
export function normaliseDate(raw) {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  if (match) return `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
  return text;
}

// "22,5" or "22.5" -> "22.5"; with a comma, dots are thousands separators.
export function normaliseDecimal(raw) {
  const text = raw.replace(/\s+/g, "");
  if (text.includes(",")) return text.replace(/\./g, "").replace(",", ".");
  return text;
}

export function normaliseInteger(raw, lang) {
  let text = raw.replace(/\s+/g, "");
  const group = lang === "da" ? /^\d{1,3}(\.\d{3})+$/ : /^\d{1,3}(,\d{3})+$/;
  if (group.test(text)) text = text.replace(/[.,]/g, "");
  return /^-?\d+$/.test(text) ? Number(text) : text;
}

// Sets a value in a nested document; "keys" are the keys from the root (or a dotted path).
export function setPath(target, keys, value) {
  if (typeof keys === "string") keys = keys.split(".");
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
}
