// The calculator's loading line: the step, the bytes as they arrive and the real size (from the
// worker's "progress" messages, which count the bytes of each runtime file as it downloads), and
// that the form can be filled in meanwhile.
const TEXT = {
  da: {
    runtime: (loaded, total) => `Henter Python og reglerne: ${loaded} af ${total} MB.`,
    starting: "Starter Python …",
    package: "Indlæser reglerne …",
    meanwhile: "Du kan godt udfylde skemaet imens.",
  },
  en: {
    runtime: (loaded, total) => `Downloading Python and the rules: ${loaded} of ${total} MB.`,
    starting: "Starting Python …",
    package: "Loading the rules …",
    meanwhile: "You can fill in the form meanwhile.",
  },
};

function megabytes(bytes, lang) {
  const value = (bytes / 1e6).toFixed(1);
  return lang === "da" ? value.replace(".", ",") : value;
}

// The worker's latest byte count, kept by the page (see calculator.mjs's onMessage).
export function recordProgress(target, payload) {
  if (payload && Number.isFinite(payload.total) && payload.total > 0) {
    target.bytes = { loaded: Math.min(payload.loaded || 0, payload.total), total: payload.total };
  }
}

// The status text while loading, or null once there is nothing to add to the page's own text.
export function loadingText(status, bytes, lang) {
  const t = TEXT[lang === "en" ? "en" : "da"];
  if (status.state !== "loading" || status.stage === "ready") return null;
  let line;
  if (status.stage === "package") line = t.package;
  else if (bytes && bytes.loaded < bytes.total) {
    line = t.runtime(megabytes(bytes.loaded, lang), megabytes(bytes.total, lang));
  } else if (bytes) line = t.starting;
  else return null;
  return `${line} ${t.meanwhile}`;
}

// The progress bar (of 100): the bytes while downloading (up to 80), then the rules (90).
export function progressValue(status, bytes) {
  if (!bytes) return null;
  if (status.stage === "runtime") return { max: 100, value: Math.round((80 * bytes.loaded) / bytes.total) };
  return { max: 100, value: status.stage === "package" ? 90 : 100 };
}
