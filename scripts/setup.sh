#!/usr/bin/env bash
# Idempotent set-up of a fresh machine (or a fresh clone) for this project.
# Creates .venv/ (Python 3.13), installs the hash-locked dev dependencies (requirements-dev.lock)
# and the package itself, installs the pinned npm packages (Pyodide, axe-core) with `npm ci`
# and, if missing, Debian's Chromium for the browser tests. Safe to run again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1
export NO_MKDOCS_2_WARNING=1

log() { printf '[setup] %s\n' "$*"; }
# pip on some machines is configured with local find-links/index folders that may not exist;
# drop its "Location ... is ignored" warnings, keep everything else (and pip's exit status).
pip_quiet() { "$@" 2>&1 | { grep -v "^WARNING: Location '.*' is ignored" || true; }; }

# --- Python -----------------------------------------------------------------
# Development runs on Python 3.13 (the nearest to Pyodide's CPython 3.14; pyodide-build needs
# >= 3.12). The package itself keeps requires-python >= 3.11. PYTHON=/path/to/python overrides.
WANT_PY=3.13
PYTHON="${PYTHON:-}"
if [[ -z "$PYTHON" ]]; then
  PYTHON="$(bash scripts/find_python.sh)" || exit 1  # it says what to install
fi
py_version() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])'; }
if [[ "$(py_version "$PYTHON")" != "$WANT_PY" ]]; then
  log "warning: $PYTHON is Python $(py_version "$PYTHON"), the lock is made for $WANT_PY"
fi

if [[ -x .venv/bin/python && "$(py_version .venv/bin/python 2>/dev/null)" != "$(py_version "$PYTHON")" ]]; then
  log "recreating .venv: it has Python $(py_version .venv/bin/python 2>/dev/null || echo '?'), want $(py_version "$PYTHON")"
  rm -rf .venv
fi
if [[ ! -x .venv/bin/python ]]; then
  log "creating .venv with $("$PYTHON" --version 2>&1) ($PYTHON)"
  "$PYTHON" -m venv .venv
fi

# Every Python package comes from requirements-dev.lock (pinned, sha256 for every file; written
# by scripts/lock.sh): pip refuses anything whose hash is not in it. The project itself is
# installed editable on top, without dependencies and with the locked build backend.
# Reinstall only when the lock or pyproject.toml changed since the last successful install.
stamp=.venv/.setup-stamp
want="$(cat requirements-dev.lock pyproject.toml | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]] || ! .venv/bin/python -c 'import udlejning, mkdocs, playwright, pytest, hatchling' 2>/dev/null; then
  log "pip install --require-hashes -r requirements-dev.lock"
  pip_quiet .venv/bin/python -m pip install --quiet --require-hashes -r requirements-dev.lock
  log "pip install --no-deps -e ."
  pip_quiet .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
else
  log "Python dependencies up to date ($(.venv/bin/python --version 2>&1), requirements-dev.lock)"
fi

# --- npm (Pyodide runtime, axe-core) -------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  log "npm missing: installing Debian's nodejs and npm"
  apt-get update -q
  apt-get install -y -q nodejs npm
fi
# Always `npm ci` (about 2 s with a warm cache): it deletes node_modules and reinstalls every
# package from package-lock.json, checking each tarball against the lock's sha512 integrity, so a
# changed node_modules never survives a set-up. First refuse a lock entry without integrity.
node -e '
  const lock = require("./package-lock.json");
  const bad = Object.entries(lock.packages || {})
    .filter(([path, p]) => path && !p.link && !/^sha512-/.test(p.integrity || ""));
  if (bad.length) { console.error("[setup] error: package-lock.json entries without sha512 integrity: " + bad.map(([path]) => path).join(", ")); process.exit(1); }
'
log "npm ci"
npm ci --no-audit --no-fund --loglevel=error

# --- Chromium for the browser tests ------------------------------------------------
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ "$(id -u)" != 0 ]]; then
    log "error: /usr/bin/chromium is missing and we are not root; install Debian's chromium" >&2
    exit 1
  fi
  # Wait for another apt/dpkg run (e.g. an unattended install) to finish first.
  for _ in $(seq 1 120); do
    if pgrep -x apt-get >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1 || pgrep -x apt >/dev/null 2>&1; then
      log "waiting for another apt/dpkg process"
      sleep 5
    else
      break
    fi
  done
  if [[ ! -x /usr/bin/chromium ]]; then
    log "apt-get install chromium"
    apt-get update -q
    apt-get install -y -q chromium
  fi
fi
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'installed')"
# --- nginx and brotli (serve the built site; precompress it) ---------------------------------------
# scripts/serve.sh and the browser tests run the site through server/nginx.conf as a user-space
# process; the build writes .br copies with the brotli command. Debian packages, no service started.
nginx_ready() {
  [[ -x /usr/sbin/nginx && -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]] \
    && command -v brotli >/dev/null 2>&1
}
if ! nginx_ready; then
  if [[ "$(id -u)" != 0 ]]; then
    log "error: install Debian's nginx-light, libnginx-mod-http-brotli-static and brotli" >&2
    exit 1
  fi
  for _ in $(seq 1 120); do
    pgrep -x apt-get >/dev/null 2>&1 || pgrep -x dpkg >/dev/null 2>&1 || break
    log "waiting for another apt/dpkg process"
    sleep 5
  done
  log "apt-get install nginx-light libnginx-mod-http-brotli-static brotli"
  apt-get update -q
  apt-get install -y -q --no-install-recommends nginx-light libnginx-mod-http-brotli-static brotli
fi
log "nginx: $(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //')"
log "done"
